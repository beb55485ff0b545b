/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Evidence in the item editor and its preview in the window, on the sample
 * project: a PDF the test makes is added through the editor's action (the
 * path a drop takes too), shows in the item's list and, selected, in the
 * preview beside the editor at its first page; it is renamed, given a
 * kind, removed and brought back with the toast's Undo. The same file
 * added to two items is stored once. A symbolic link adds the file it
 * leads to and says so; a file above the size limit is refused. A link refused shows why in the
 * popover; a link accepted previews as a page with an Open button. A
 * folded editor pane flips to the preview and back. Evidence removed for
 * good is cleaned out when the window lets go of the project. Every
 * window and editor is finalized. */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <unistd.h>

#include "evident-enums-util.h"
#include "evident-evidence.h"
#include "evident-first-evidence.h"
#include "evident-item-history.h"
#include "evident-page-view.h"
#include "evident-project-closer.h"
#include "evident-preview-private.h"
#include "evident-test-utils.h"
#include "evident-window-audit.h"
#include "evident-window-private.h"

typedef struct
{
  char           *dir;
  GFile          *file;
  EvidentProject *project;
  EvidentWindow  *window;
  char           *pdf_uri;
  GPtrArray      *toasts;
} Fixture;

/* Helpers */

/* A page of the test's PDF: a title and a red rectangle. */
static void
draw_page (cairo_t  *cr,
           int       page,
           gpointer  user_data)
{
  g_autofree char *title = g_strdup_printf ("Access control process, page %d", page + 1);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 18);
  cairo_move_to (cr, 72, 72);
  cairo_show_text (cr, title);
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 72, 120, 300, 200);
  cairo_fill (cr);
}

static void
toast_cb (EvidentItemEditor *editor,
          AdwToast          *toast,
          Fixture           *fixture)
{
  g_ptr_array_add (fixture->toasts, g_object_ref (toast));
}

static int
get_screen_width (void)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  if (monitor == NULL)
    return 1280;
  gdk_monitor_get_geometry (monitor, &geometry);
  return geometry.width;
}

static void
set_up_window (Fixture *fixture,
               int      width,
               int      height)
{
  fixture->window = evident_test_window_new (fixture->project, width, height);
  g_signal_connect (evident_window_get_item_editor (fixture->window), "toast",
                    G_CALLBACK (toast_cb), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = evident_test_make_pdf (2, 595, 842, draw_page, NULL);
  g_autofree char *pdf_path = NULL;

  fixture->project = evident_test_create_sample_project ("evidence-ui", &fixture->dir);
  fixture->file = g_object_ref (evident_project_get_file (fixture->project));

  pdf_path = g_build_filename (fixture->dir, "Access Control Process.pdf", NULL);
  g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  fixture->pdf_uri = g_filename_to_uri (pdf_path, NULL, &error);
  g_assert_no_error (error);

  fixture->toasts = g_ptr_array_new_with_free_func (g_object_unref);

  /* As wide as the display allows (build-aux/dev test: 1280 × 800) */
  set_up_window (fixture, MIN (get_screen_width (), 1600), 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    evident_test_window_destroy (fixture->window);

  g_ptr_array_unref (fixture->toasts);
  g_clear_object (&fixture->project);
  g_clear_object (&fixture->file);
  g_free (fixture->pdf_uri);
  evident_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static EvidentItemEditor *
get_editor (Fixture *fixture)
{
  return evident_window_get_item_editor (fixture->window);
}

static EvidentEvidenceStore *
get_store (Fixture *fixture)
{
  return evident_evidence_store_get_for_project (fixture->project);
}

static EvidentItem *
open_item (Fixture    *fixture,
           const char *ref)
{
  EvidentItem *item = evident_project_lookup_item (fixture->project, ref);

  g_assert_nonnull (item);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s", ref);
  evident_test_pump ();
  g_assert_true (evident_item_editor_get_item (get_editor (fixture)) == item);
  return item;
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} ModelWait;

static gboolean
model_has_n_items (gpointer data)
{
  ModelWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n_items;
}

/* Waits for @item's evidence list to hold @n_items; returns it. */
static GListModel *
wait_for_evidence (Fixture     *fixture,
                   EvidentItem *item,
                   guint        n_items)
{
  ModelWait wait = { evident_evidence_store_list (get_store (fixture), item), n_items };

  g_assert_true (evident_test_wait_until (model_has_n_items, &wait));
  return wait.model;
}

static gboolean
first_page_shown (gpointer data)
{
  EvidentPreview *preview = data;

  return evident_page_view_get_first_shown (evident_preview_get_page_view (preview)) != 0;
}

static gboolean
preview_has_document (gpointer data)
{
  return g_strcmp0 (evident_preview_get_state (data), "document") == 0;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Brings the preview of the selected evidence on screen, as the user
 * would (beside the editor it is there already; where the editor pane
 * folds it away, activating the evidence shows it), and waits for its
 * first page on screen. */
static void
show_preview (Fixture *fixture)
{
  EvidentItemEditor *editor = get_editor (fixture);
  EvidentPreview *preview = evident_window_get_preview (fixture->window);
  EvidentEvidence *evidence = evident_item_editor_get_selected_evidence (editor);
  AdwLeaflet *leaflet;

  g_assert_nonnull (evidence);
  leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (GTK_WIDGET (editor), ADW_TYPE_LEAFLET));
  /* The pane folds in the next layout after the preview came up: ask it
   * once that is over. */
  evident_test_pump ();
  if (adw_leaflet_get_folded (leaflet))
    {
      g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (preview)));
      g_signal_emit_by_name (editor, "evidence-activated", evidence);
    }
  g_assert_true (evident_test_wait_until (widget_mapped, preview));
  g_assert_true (evident_test_wait_until (first_page_shown, preview));
  g_assert_cmpstr (evident_preview_get_state (preview), ==, "document");

  /* Back to the item where the preview took its place */
  if (adw_leaflet_get_folded (leaflet))
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
      g_assert_true (evident_test_wait_until (widget_mapped, editor));
    }
}

static gboolean
no_pending_work (gpointer data)
{
  /* The main context idle for a moment: workers done and reported. */
  evident_test_pump ();
  return !g_main_context_pending (NULL);
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "error") && gtk_widget_get_visible (widget);
}

static gboolean
shows_error_label (gpointer data)
{
  return evident_test_find_widget (data, GTK_TYPE_LABEL, is_error_label, NULL) != NULL;
}

static gboolean
widget_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* Tests */

/* A PDF added through the editor shows in the list and in the preview at
 * its first page; rename, kind, remove and undo go through the store. */
static void
test_add_preview_remove_undo (Fixture       *fixture,
                              gconstpointer  data)
{
  EvidentItemEditor *editor = get_editor (fixture);
  EvidentPreview *preview = evident_window_get_preview (fixture->window);
  g_autoptr (GListModel) model = NULL;
  g_autoptr (EvidentEvidence) evidence = NULL;
  EvidentItem *item;
  AdwToast *toast;
  gint64 id;

  item = open_item (fixture, "8.2.1");
  g_assert_null (evident_item_editor_get_selected_evidence (editor));
  /* No evidence: no preview pane, the editor has the room. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (preview)));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-uri", "s", fixture->pdf_uri);
  model = wait_for_evidence (fixture, item, 1);
  evidence = g_list_model_get_item (model, 0);
  g_assert_cmpstr (evident_evidence_get_filename (evidence), ==, "Access Control Process.pdf");
  g_assert_cmpstr (evident_evidence_get_title (evidence), ==, "Access Control Process");
  g_assert_cmpstr (evident_evidence_get_content_type (evidence), ==, "application/pdf");
  id = evident_evidence_get_id (evidence);

  /* The new evidence is selected, and its bytes go to the preview. */
  g_assert_true (evident_item_editor_get_selected_evidence (editor) == evidence);
  g_assert_true (evident_test_wait_until (preview_has_document, preview));
  g_assert_cmpuint (evident_preview_get_n_pages (preview), ==, 2);
  g_assert_cmpuint (evident_preview_get_page (preview), ==, 1);
  g_assert_cmpuint (fixture->toasts->len, ==, 0);
  /* Page 1 on screen, beside the editor or in its place */
  show_preview (fixture);

  /* Title and kind */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-evidence-title", "(xs)", id,
                              "Access control, v2");
  g_assert_cmpstr (evident_evidence_get_title (evidence), ==, "Access control, v2");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-evidence-kind", "(xs)", id,
                              "process");
  g_assert_cmpint (evident_evidence_get_kind (evidence), ==, EVIDENT_EVIDENCE_KIND_PROCESS);

  /* Remove: gone from the list and the preview, with an undo toast. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove-evidence", "x", id);
  evident_test_pump ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (evident_item_editor_get_selected_evidence (editor));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  toast = g_ptr_array_index (fixture->toasts, 0);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  /* A screen reader hears "Undo", not "_Undo Undo". */
  {
    GtkWidget *button = evident_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON,
                                                  evident_test_has_label, "_Undo");

    g_assert_nonnull (button);
    g_assert_nonnull (gtk_widget_get_ancestor (button, ADW_TYPE_TOAST_OVERLAY));
    gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Undo");
  }

  /* Undo: back in the list, selected, previewed. */
  g_signal_emit_by_name (toast, "button-clicked");
  evident_test_pump ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (evident_item_editor_get_selected_evidence (editor) == evidence);
  g_assert_cmpstr (evident_evidence_get_title (evidence), ==, "Access control, v2");
  show_preview (fixture);

  /* Another item without evidence: the preview goes; back: it returns. */
  open_item (fixture, "8.2.2");
  g_assert_null (evident_item_editor_get_selected_evidence (editor));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  g_assert_cmpstr (evident_preview_get_state (preview), ==, "empty");
  open_item (fixture, "8.2.1");
  g_assert_true (evident_item_editor_get_selected_evidence (editor) == evidence);
  g_assert_true (evident_test_wait_until (preview_has_document, preview));
  show_preview (fixture);
}

/* Issue #16: a symbolic link added through the editor adds the file it
 * leads to, and a toast says so; a file above the "max-evidence-size"
 * setting is refused with a message, and nothing is added. */
static void
error_cb (EvidentItemEditor *editor,
          const char        *message,
          GPtrArray         *errors)
{
  g_ptr_array_add (errors, g_strdup (message));
}

static void
test_link_followed_and_size_limit (Fixture       *fixture,
                                   gconstpointer  data)
{
  EvidentItemEditor *editor = get_editor (fixture);
  g_autoptr (GSettings) settings = g_settings_new ("io.github.evidentapp.Evident");
  g_autoptr (GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *target = g_filename_from_uri (fixture->pdf_uri, NULL, NULL);
  g_autofree char *link_path = g_build_filename (fixture->dir, "Policy.pdf", NULL);
  g_autofree char *link_uri = g_filename_to_uri (link_path, NULL, NULL);
  g_autoptr (GListModel) model = NULL;
  g_autoptr (EvidentEvidence) evidence = NULL;
  const char *title;
  EvidentItem *item;

  g_assert_cmpint (symlink (target, link_path), ==, 0);
  g_signal_connect (editor, "error", G_CALLBACK (error_cb), errors);

  item = open_item (fixture, "8.2.1");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-uri", "s", link_uri);
  model = wait_for_evidence (fixture, item, 1);
  evidence = g_list_model_get_item (model, 0);
  g_assert_cmpstr (evident_evidence_get_filename (evidence), ==, "Access Control Process.pdf");
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  title = adw_toast_get_title (g_ptr_array_index (fixture->toasts, 0));
  g_assert_nonnull (strstr (title, "“Policy.pdf” is a symbolic link"));
  g_assert_nonnull (strstr (title, target));
  g_assert_cmpuint (errors->len, ==, 0);

  /* A limit below the PDF's size: refused, the message says why. */
  g_settings_set_uint64 (settings, "max-evidence-size", 100);
  item = open_item (fixture, "8.2.2");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-uri", "s", fixture->pdf_uri);
  g_assert_true (evident_test_wait_until (no_pending_work, NULL));
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (errors, 0), "is too large to add"));
  g_assert_nonnull (strstr (g_ptr_array_index (errors, 0), "100 bytes"));
  g_clear_object (&model);
  model = evident_evidence_store_list (get_store (fixture), item);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  g_signal_handlers_disconnect_by_func (editor, error_cb, errors);
  g_settings_reset (settings, "max-evidence-size");
}

/* The same file added to two items through the editor is stored once. */
static void
test_same_file_stored_once (Fixture       *fixture,
                            gconstpointer  data)
{
  EvidentItemEditor *editor = get_editor (fixture);
  g_autoptr (GListModel) first = NULL;
  g_autoptr (GListModel) second = NULL;
  g_autoptr (EvidentEvidence) a = NULL;
  g_autoptr (EvidentEvidence) b = NULL;
  g_autoptr (GError) error = NULL;
  EvidentItem *item_a;
  EvidentItem *item_b;
  guint n_checked = 0;

  item_a = open_item (fixture, "8.2.1");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-uri", "s", fixture->pdf_uri);
  first = wait_for_evidence (fixture, item_a, 1);
  g_assert_cmpuint (fixture->toasts->len, ==, 0);

  item_b = open_item (fixture, "8.2.2");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-uri", "s", fixture->pdf_uri);
  second = wait_for_evidence (fixture, item_b, 1);

  a = g_list_model_get_item (first, 0);
  b = g_list_model_get_item (second, 0);
  g_assert_true (a != b);
  g_assert_cmpstr (evident_evidence_get_sha256 (a), ==, evident_evidence_get_sha256 (b));
  g_assert_cmpuint (g_list_model_get_n_items (first), ==, 1);

  /* The user is told that it cost no space... */
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_nonnull (strstr (adw_toast_get_title (g_ptr_array_index (fixture->toasts, 0)),
                            "already"));

  /* ...and the project holds one stored file. */
  g_assert_true (evident_evidence_store_verify (get_store (fixture), NULL, &n_checked, NULL,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_checked, ==, 1);
}

/* A refused link says why in the popover; an accepted one previews as a
 * page with an Open button. */
static void
test_link (Fixture       *fixture,
           gconstpointer  data)
{
  EvidentItemEditor *editor = get_editor (fixture);
  EvidentPreview *preview = evident_window_get_preview (fixture->window);
  g_autoptr (GListModel) model = NULL;
  g_autoptr (EvidentEvidence) evidence = NULL;
  GtkWidget *url_entry;
  GtkWidget *title_entry;
  GtkWidget *add_button;
  GtkWidget *open_button;
  EvidentItem *item;

  item = open_item (fixture, "8.2.1");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-link", NULL);
  evident_test_pump ();

  url_entry = evident_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_ENTRY,
                                        evident_test_has_placeholder, "https://");
  title_entry = evident_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_ENTRY,
                                          evident_test_has_placeholder, "Title (optional)");
  add_button = evident_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON,
                                         evident_test_has_label, "_Add");
  g_assert_nonnull (url_entry);
  g_assert_nonnull (title_entry);
  g_assert_nonnull (add_button);
  /* The link form opens in a popover, which a busy machine maps a few
   * frames later. */
  g_assert_true (evident_test_wait_until (widget_mapped, url_entry));

  gtk_editable_set_text (GTK_EDITABLE (url_entry), "ftp://files.example.com/review.pdf");
  g_signal_emit_by_name (add_button, "clicked");
  g_assert_true (evident_test_wait_until (shows_error_label, editor));
  model = evident_evidence_store_list (get_store (fixture), item);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (gtk_widget_get_mapped (url_entry));

  gtk_editable_set_text (GTK_EDITABLE (url_entry), "https://wiki.example.com/access-reviews");
  gtk_editable_set_text (GTK_EDITABLE (title_entry), "Quarterly access review");
  g_signal_emit_by_name (add_button, "clicked");
  /* The popover closes over a few frames on a busy machine. */
  g_assert_true (evident_test_wait_until (widget_unmapped, url_entry));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  evidence = g_list_model_get_item (model, 0);
  g_assert_true (evident_evidence_is_link (evidence));
  g_assert_cmpstr (evident_evidence_get_title (evidence), ==, "Quarterly access review");
  g_assert_true (evident_item_editor_get_selected_evidence (editor) == evidence);

  /* The preview pane shows the link with an Open button. */
  g_signal_emit_by_name (editor, "evidence-activated", evidence);
  open_button = evident_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON,
                                          evident_test_has_label, "_Open Link");
  g_assert_nonnull (open_button);
  g_assert_true (evident_test_wait_until (widget_mapped, open_button));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (preview)));
}

/* In a narrow editor pane the preview folds away: activating evidence
 * shows it, win.go-back returns to the item. */
static void
test_folded (Fixture       *fixture,
             gconstpointer  data)
{
  EvidentItemEditor *editor;
  EvidentPreview *preview;
  g_autoptr (GListModel) model = NULL;
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;
  EvidentItem *item;
  GtkWidget *list;

  /* A laptop's width with the sidebar shown: the preview does not fit
   * beside the editor. (The window closed the project as it went.) */
  evident_test_window_destroy (fixture->window);
  g_clear_object (&fixture->project);
  fixture->project = evident_project_open (fixture->file, &error);
  g_assert_no_error (error);
  set_up_window (fixture, 1100, 720);
  editor = get_editor (fixture);
  preview = evident_window_get_preview (fixture->window);

  item = open_item (fixture, "8.2.1");
  /* The sidebar folded away for the list, the item and the preview; the
   * user brings it back (F9). */
  g_assert_false (evident_window_get_sidebar_visible (fixture->window));
  g_object_set (fixture->window, "sidebar-visible", TRUE, NULL);
  evident_test_pump ();
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-uri", "s", fixture->pdf_uri);
  model = wait_for_evidence (fixture, item, 1);
  evidence = g_list_model_get_item (model, 0);
  evident_test_pump ();
  g_assert_true (evident_item_editor_get_selected_evidence (editor) == evidence);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (preview)));

  g_signal_emit_by_name (editor, "evidence-activated", evidence);
  g_assert_true (evident_test_wait_until (widget_mapped, preview));
  g_assert_true (evident_test_wait_until (first_page_shown, preview));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (editor)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  g_assert_true (evident_test_wait_until (widget_mapped, editor));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  /* Still the wide window's three panes: the back button went to the item,
   * not to the list. */
  list = GTK_WIDGET (evident_window_get_item_list (fixture->window));
  g_assert_true (gtk_widget_get_mapped (list));
}

/* `evident --item REF` at a laptop's width: the item's first PDF is on
 * screen, in place of the item, though a text file came before it. */
static void
test_open_item_shows_page_1 (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *text_path = g_build_filename (fixture->dir, "Notes.txt", NULL);
  g_autofree char *text_uri = g_filename_to_uri (text_path, NULL, NULL);
  g_autoptr (GListModel) model = NULL;
  g_autoptr (EvidentEvidence) pdf = NULL;
  g_autoptr (GError) error = NULL;
  EvidentEvidence *selected;
  EvidentPreview *preview;
  EvidentItem *item;

  g_file_set_contents (text_path, "Access reviewed quarterly.\n", -1, &error);
  g_assert_no_error (error);
  item = open_item (fixture, "8.2.1");
  gtk_widget_activate_action (GTK_WIDGET (get_editor (fixture)), "editor.add-uri", "s", text_uri);
  model = wait_for_evidence (fixture, item, 1);
  g_clear_object (&model);
  gtk_widget_activate_action (GTK_WIDGET (get_editor (fixture)), "editor.add-uri", "s",
                              fixture->pdf_uri);
  model = wait_for_evidence (fixture, item, 2);
  pdf = g_list_model_get_item (model, 1);
  g_assert_true (evident_preview_pane_renders (pdf));

  /* As `evident --item 8.2.1 PROJECT` does, in a new window */
  evident_test_window_destroy (fixture->window);
  g_clear_object (&fixture->project);
  fixture->project = evident_project_open (fixture->file, &error);
  g_assert_no_error (error);
  set_up_window (fixture, 1100, 720);
  g_assert_true (evident_window_audit_open_item (fixture->window, "8.2.1", &error));
  g_assert_no_error (error);

  preview = evident_window_get_preview (fixture->window);
  g_assert_true (evident_test_wait_until (widget_mapped, preview));
  g_assert_true (evident_test_wait_until (first_page_shown, preview));
  selected = evident_item_editor_get_selected_evidence (get_editor (fixture));
  g_assert_nonnull (selected);
  g_assert_cmpint (evident_evidence_get_id (selected), ==, evident_evidence_get_id (pdf));
  /* Back to the item */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  g_assert_true (evident_test_wait_until (widget_mapped, get_editor (fixture)));
}

static gboolean
read_ahead (gpointer data)
{
  return evident_first_evidence_has (evident_evidence_get_sha256 (data));
}

/* `evident --item REF` reads the item's first PDF while the window is
 * built: showing the item hands the file to the renderer there and then,
 * without a worker's round through the main loop, and page 1 comes. A
 * file read ahead and not wanted, or forgotten, is not handed to anyone. */
static void
test_open_item_read_ahead (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GListModel) model = NULL;
  g_autoptr (EvidentEvidence) pdf = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (EvidentEvidence) first = NULL;
  EvidentPreview *preview;
  EvidentItem *item;

  item = open_item (fixture, "8.2.1");
  gtk_widget_activate_action (GTK_WIDGET (get_editor (fixture)), "editor.add-uri", "s",
                              fixture->pdf_uri);
  model = wait_for_evidence (fixture, item, 1);
  pdf = g_list_model_get_item (model, 0);
  first = evident_first_evidence_find (fixture->project, item);
  g_assert_nonnull (first);
  g_assert_cmpint (evident_evidence_get_id (first), ==, evident_evidence_get_id (pdf));

  /* No such item, an item without evidence: nothing is read. */
  evident_first_evidence_read_ahead (fixture->project, "99.99.99");
  g_assert_null (evident_first_evidence_take (evident_evidence_get_sha256 (pdf)));
  /* Forgotten: not handed over. */
  evident_first_evidence_read_ahead (fixture->project, "8.2.1");
  g_assert_true (evident_test_wait_until (read_ahead, pdf));
  evident_first_evidence_forget ();
  g_assert_false (evident_first_evidence_has (evident_evidence_get_sha256 (pdf)));
  g_assert_null (evident_first_evidence_take (evident_evidence_get_sha256 (pdf)));

  /* As `evident --item 8.2.1 PROJECT` does, in a new window */
  evident_test_window_destroy (fixture->window);
  g_clear_object (&fixture->project);
  fixture->project = evident_project_open (fixture->file, &error);
  g_assert_no_error (error);
  evident_first_evidence_read_ahead (fixture->project, "8.2.1");
  g_assert_true (evident_test_wait_until (read_ahead, pdf));
  set_up_window (fixture, 1100, 720);
  g_assert_true (evident_window_audit_open_item (fixture->window, "8.2.1", &error));
  g_assert_no_error (error);

  /* Taken: the preview loads the document already. */
  preview = evident_window_get_preview (fixture->window);
  g_assert_true (evident_preview_get_loading (preview));
  bytes = evident_first_evidence_take (evident_evidence_get_sha256 (pdf));
  g_assert_null (bytes);
  g_assert_true (evident_test_wait_until (first_page_shown, preview));
  evident_first_evidence_forget ();
}

/* In a window of a laptop's width (the fixture's: 1280 pixels under
 * build-aux/dev test), the preview is beside the editor. */
static void
test_beside (Fixture       *fixture,
             gconstpointer  data)
{
  EvidentItemEditor *editor = get_editor (fixture);
  EvidentPreview *preview = evident_window_get_preview (fixture->window);
  g_autoptr (GListModel) model = NULL;
  EvidentItem *item;

  item = open_item (fixture, "8.2.1");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-uri", "s", fixture->pdf_uri);
  model = wait_for_evidence (fixture, item, 1);
  g_assert_true (evident_test_wait_until (first_page_shown, preview));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
}

static gboolean
is_verified (gpointer data)
{
  return evident_evidence_get_verified (data);
}

/* win.verify-evidence re-hashes the stored files and marks the evidence. */
static void
test_verify (Fixture       *fixture,
             gconstpointer  data)
{
  EvidentItemEditor *editor = get_editor (fixture);
  g_autoptr (GListModel) model = NULL;
  g_autoptr (EvidentEvidence) evidence = NULL;
  EvidentItem *item;

  item = open_item (fixture, "8.2.1");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-uri", "s", fixture->pdf_uri);
  model = wait_for_evidence (fixture, item, 1);
  evidence = g_list_model_get_item (model, 0);
  g_assert_false (evident_evidence_get_verified (evidence));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.verify-evidence", NULL);
  g_assert_true (evident_test_wait_until (is_verified, evidence));
  g_assert_true (evident_test_wait_until (no_pending_work, NULL));
}

static gboolean
file_is_free (gpointer file)
{
  return !evident_project_closer_is_closing (file);
}

/* Evidence removed stays out of its item once the window let go of the
 * project and it is opened again (its removal can still be undone:
 * undo-removal-after-reopen). */
static void
test_cleanup_on_close (Fixture       *fixture,
                       gconstpointer  data)
{
  EvidentItemEditor *editor = get_editor (fixture);
  g_autoptr (GListModel) model = NULL;
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (EvidentProject) reopened = NULL;
  g_autoptr (GError) error = NULL;
  EvidentEvidenceStore *store;
  EvidentItem *item;
  guint n_checked = 99;

  item = open_item (fixture, "8.2.1");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-uri", "s", fixture->pdf_uri);
  model = wait_for_evidence (fixture, item, 1);
  evidence = g_list_model_get_item (model, 0);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove-evidence", "x",
                              evident_evidence_get_id (evidence));
  evident_test_pump ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  /* Still restorable while the project is open */
  g_assert_cmpuint (fixture->toasts->len, ==, 1);

  evident_window_set_project (fixture->window, NULL);
  g_assert_true (evident_test_wait_until (file_is_free, fixture->file));

  reopened = evident_project_open (fixture->file, &error);
  g_assert_no_error (error);
  store = evident_evidence_store_get_for_project (reopened);
  g_clear_object (&model);
  model = evident_evidence_store_list (store, evident_project_lookup_item (reopened, "8.2.1"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (evident_evidence_store_verify (store, NULL, &n_checked, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_checked, ==, 0);
  g_clear_object (&model);
  evident_project_close (reopened);
}

/* Adds the test's PDF to @ref through the editor; returns it. */
static EvidentEvidence *
add_pdf (Fixture     *fixture,
         const char  *ref,
         GListModel **model)
{
  EvidentItem *item = open_item (fixture, ref);

  gtk_widget_activate_action (GTK_WIDGET (get_editor (fixture)), "editor.add-uri", "s",
                              fixture->pdf_uri);
  *model = wait_for_evidence (fixture, item, 1);
  return g_list_model_get_item (*model, 0);
}

/* Removes @evidence through the editor; returns its undo toast. */
static AdwToast *
remove_evidence (Fixture         *fixture,
                 EvidentEvidence *evidence)
{
  guint n_toasts = fixture->toasts->len;
  AdwToast *toast;

  gtk_widget_activate_action (GTK_WIDGET (get_editor (fixture)), "editor.remove-evidence", "x",
                              evident_evidence_get_id (evidence));
  evident_test_pump ();
  g_assert_cmpuint (fixture->toasts->len, ==, n_toasts + 1);
  toast = g_ptr_array_index (fixture->toasts, n_toasts);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  return toast;
}

static const char *
newest_change_kind (Fixture     *fixture,
                    EvidentItem *item)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = evident_project_get_history (fixture->project, item, &error);
  static char kind[16];

  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >, 0);
  g_strlcpy (kind, ((EvidentHistoryEntry *) g_ptr_array_index (history, 0))->kind, sizeof kind);
  return kind;
}

static void
count_dismissed_cb (AdwToast *toast,
                    guint    *n_dismissed)
{
  (*n_dismissed)++;
}

/* Issue #9: the toast's Undo is the project's undo while the removal is
 * the newest change: a redo takes it back, and the history says
 * "Undone". */
static void
test_toast_undo_is_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GListModel) model = NULL;
  g_autoptr (EvidentEvidence) evidence = add_pdf (fixture, "8.2.1", &model);
  EvidentItem *item = evident_evidence_get_item (evidence);
  AdwToast *toast = remove_evidence (fixture, evidence);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_false (evident_project_get_can_redo (fixture->project));

  g_signal_emit_by_name (toast, "button-clicked");
  evident_test_pump ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (evident_item_editor_get_selected_evidence (get_editor (fixture)) == evidence);
  g_assert_cmpstr (newest_change_kind (fixture, item), ==, "undo");
  g_assert_true (evident_project_get_can_redo (fixture->project));

  /* Ctrl+Shift+Z removes it again. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  evident_test_pump ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (newest_change_kind (fixture, item), ==, "redo");
}

/* Once another change came after the removal, the toast restores the
 * evidence as an edit of its own and the other change stays. */
static void
test_toast_undo_after_other_change (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr (GListModel) model = NULL;
  g_autoptr (EvidentEvidence) evidence = add_pdf (fixture, "8.2.1", &model);
  EvidentItem *item = evident_evidence_get_item (evidence);
  AdwToast *toast = remove_evidence (fixture, evidence);
  EvidentStatus status = evident_item_get_status (item) == EVIDENT_STATUS_MET
                         ? EVIDENT_STATUS_READY : EVIDENT_STATUS_MET;

  gtk_widget_activate_action (GTK_WIDGET (get_editor (fixture)), "editor.set-status", "s",
                              evident_status_to_string (status));
  g_assert_cmpint (evident_item_get_status (item), ==, status);

  g_signal_emit_by_name (toast, "button-clicked");
  evident_test_pump ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (evident_item_get_status (item), ==, status);
  g_assert_cmpstr (newest_change_kind (fixture, item), ==, "edit");
  g_assert_false (evident_project_get_can_redo (fixture->project));

  /* Ctrl+Z now takes the restoration back, then the status. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpint (evident_item_get_status (item), ==, status);
}

static gboolean
dismissed_once (gpointer n_dismissed)
{
  return *(guint *) n_dismissed > 0;
}

/* Issue #9: Ctrl+Z after a removal brings the evidence back, and its
 * toast goes: nothing is left for it to undo. */
static void
test_ctrl_z_brings_evidence_back (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr (GListModel) model = NULL;
  g_autoptr (EvidentEvidence) evidence = add_pdf (fixture, "8.2.1", &model);
  AdwToast *toast = remove_evidence (fixture, evidence);
  guint n_dismissed = 0;

  g_signal_connect (toast, "dismissed", G_CALLBACK (count_dismissed_cb), &n_dismissed);
  g_assert_true (evident_project_get_can_undo (fixture->project));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  evident_test_pump ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  /* Once it is fully in */
  g_assert_true (evident_test_wait_until (dismissed_once, &n_dismissed));
  g_assert_cmpuint (n_dismissed, ==, 1);
  g_signal_handlers_disconnect_by_func (toast, count_dismissed_cb, &n_dismissed);
}

/* Issue #9: Ctrl+Z brings removed evidence back also after the project
 * was closed and opened again. */
static void
test_undo_removal_after_reopen (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr (GListModel) model = NULL;
  g_autoptr (EvidentEvidence) evidence = add_pdf (fixture, "8.2.1", &model);
  g_autofree char *title = g_strdup (evident_evidence_get_title (evidence));
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentEvidence) back = NULL;
  EvidentItem *item;
  GListModel *listed;

  remove_evidence (fixture, evidence);
  g_clear_object (&evidence);
  g_clear_object (&model);

  /* The window lets go of the project; its clean-up keeps what can still
   * be undone. */
  evident_window_set_project (fixture->window, NULL);
  g_clear_object (&fixture->project);
  g_assert_true (evident_test_wait_until (file_is_free, fixture->file));

  fixture->project = evident_project_open_full (fixture->file, EVIDENT_PROJECT_OPEN_EXCLUSIVE,
                                                &error);
  g_assert_no_error (error);
  evident_window_set_project (fixture->window, fixture->project);
  evident_test_pump ();
  item = open_item (fixture, "8.2.1");
  listed = evident_evidence_store_list (get_store (fixture), item);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 0);
  g_assert_true (evident_project_get_can_undo (fixture->project));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  evident_test_pump ();
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
  back = g_list_model_get_item (listed, 0);
  g_assert_cmpstr (evident_evidence_get_title (back), ==, title);
  /* In the editor's list, selected */
  g_assert_true (evident_item_editor_get_selected_evidence (get_editor (fixture)) == back);
  g_object_unref (listed);
}

static void
collect_history_titles (Fixture *fixture,
                        GString *out)
{
  GtkWidget *history = evident_test_find_widget (GTK_WIDGET (get_editor (fixture)),
                                                 EVIDENT_TYPE_ITEM_HISTORY, NULL, NULL);
  g_autoptr (GPtrArray) rows = NULL;

  g_assert_nonnull (history);
  rows = evident_test_collect_widgets (history, ADW_TYPE_ACTION_ROW, NULL, NULL);
  g_string_truncate (out, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      g_string_append (out, adw_preferences_row_get_title (g_ptr_array_index (rows, i)));
      g_string_append_c (out, '\n');
    }
}

/* Issue #9: evidence edits made in the editor read as what happened in
 * the item's history, newest first. */
static void
test_history_shows_evidence_edits (Fixture       *fixture,
                                   gconstpointer  data)
{
  EvidentItemEditor *editor = get_editor (fixture);
  g_autoptr (GString) titles = g_string_new (NULL);
  g_autoptr (GListModel) model = NULL;
  g_autoptr (EvidentEvidence) evidence = add_pdf (fixture, "8.2.1", &model);
  gint64 id = evident_evidence_get_id (evidence);
  AdwToast *toast;

  evident_test_pump ();
  collect_history_titles (fixture, titles);
  g_test_message ("History:\n%s", titles->str);
  g_assert_true (g_str_has_prefix (titles->str, "Evidence added: Access Control Process\n"));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-evidence-title", "(xs)", id,
                              "Access control, v2");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-evidence-kind", "(xs)", id,
                              "process");
  toast = remove_evidence (fixture, evidence);
  /* Another change first: the toast restores rather than undoes. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-owner", "s", "Evidence desk");
  g_signal_emit_by_name (toast, "button-clicked");
  evident_test_pump ();

  collect_history_titles (fixture, titles);
  g_test_message ("History:\n%s", titles->str);
  g_assert_true (g_str_has_prefix (titles->str,
                                   "Evidence restored: Access control, v2\n"
                                   "Owner: Security lead → Evidence desk\n"
                                   "Evidence removed: Access control, v2\n"
                                   "Kind of “Access control, v2”: Other → Process document\n"
                                   "Evidence renamed: Access Control Process → Access control, v2\n"
                                   "Evidence added: Access Control Process\n"));
}

static gboolean
editor_is_idle (gpointer data)
{
  guint *n_done = data;

  return *n_done > 0;
}

static void
weak_notify_cb (gpointer  data,
                GObject  *where)
{
  guint *n_done = data;

  (*n_done)++;
}

/* An editor that goes while a file is being added cancels the addition,
 * and is finalized at once. */
static void
test_editor_finalize_while_adding (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *editor = g_object_ref_sink (evident_item_editor_new ());
  EvidentItem *item = evident_project_lookup_item (fixture->project, "8.2.3");
  g_autoptr (GListModel) model = NULL;
  guint n_finalized = 0;

  evident_item_editor_set_project (EVIDENT_ITEM_EDITOR (editor), fixture->project);
  evident_item_editor_set_item (EVIDENT_ITEM_EDITOR (editor), item);
  gtk_widget_activate_action (editor, "editor.add-uri", "s", fixture->pdf_uri);
  g_object_weak_ref (G_OBJECT (editor), weak_notify_cb, &n_finalized);
  g_object_unref (editor);
  g_assert_true (evident_test_wait_until (editor_is_idle, &n_finalized));
  g_assert_true (evident_test_wait_until (no_pending_work, NULL));

  model = evident_evidence_store_list (get_store (fixture), item);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
}

static void
test_row_finalizes (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (EvidentProject) project = evident_test_create_sample_project ("evidence-row", &dir);
  g_autoptr (EvidentEvidence) evidence = NULL;
  GtkWidget *editor;

  evidence = evident_evidence_store_add_link (evident_evidence_store_get_for_project (project),
                                              evident_project_lookup_item (project, "8.2.1"),
                                              "https://example.com/", NULL,
                                              EVIDENT_EVIDENCE_KIND_OTHER, &error);
  g_assert_no_error (error);

  editor = g_object_ref_sink (evident_item_editor_new ());
  evident_item_editor_set_project (EVIDENT_ITEM_EDITOR (editor), project);
  evident_item_editor_set_item (EVIDENT_ITEM_EDITOR (editor),
                                evident_project_lookup_item (project, "8.2.1"));
  g_assert_true (evident_item_editor_get_selected_evidence (EVIDENT_ITEM_EDITOR (editor))
                 == evidence);
  evident_test_assert_finalized (editor);

  evident_project_close (project);
  g_clear_object (&project);
  evident_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/evidence-ui/no-display"))
    return g_test_run ();
  /* Leaflets change pages at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/evidence-ui/add-preview-remove-undo", test_add_preview_remove_undo);
  ADD ("/evidence-ui/same-file-stored-once", test_same_file_stored_once);
  ADD ("/evidence-ui/link-followed-and-size-limit", test_link_followed_and_size_limit);
  ADD ("/evidence-ui/link", test_link);
  ADD ("/evidence-ui/folded", test_folded);
  ADD ("/evidence-ui/beside", test_beside);
  ADD ("/evidence-ui/open-item-shows-page-1", test_open_item_shows_page_1);
  ADD ("/evidence-ui/open-item-read-ahead", test_open_item_read_ahead);
  ADD ("/evidence-ui/verify", test_verify);
  ADD ("/evidence-ui/cleanup-on-close", test_cleanup_on_close);
  ADD ("/evidence-ui/toast-undo-is-undo", test_toast_undo_is_undo);
  ADD ("/evidence-ui/toast-undo-after-other-change", test_toast_undo_after_other_change);
  ADD ("/evidence-ui/ctrl-z-brings-evidence-back", test_ctrl_z_brings_evidence_back);
  ADD ("/evidence-ui/history-shows-evidence-edits", test_history_shows_evidence_edits);
  ADD ("/evidence-ui/undo-removal-after-reopen", test_undo_removal_after_reopen);
  ADD ("/evidence-ui/editor-finalize-while-adding", test_editor_finalize_while_adding);
  g_test_add_func ("/evidence-ui/row-finalizes", test_row_finalizes);

#undef ADD

  return g_test_run ();
}
