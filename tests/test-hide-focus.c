/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Parts of the windows that go out of sight while they hold the keyboard
 * focus: the evidence preview, an addition's progress row, presenter
 * mode's Go to box. The focus goes on to a control in sight (presenter
 * mode: back to the window's own keys), and the part goes with its
 * window.
 *
 * GTK 4.8 keeps a reference to a widget hidden with the focus in it until
 * the next frame, and loses one when a second widget around the focus
 * hides before that frame (src/gui/evident-focus-hide.c). */

#include "config.h"

#include <adwaita.h>

#include "evident-audit.h"
#include "evident-evidence-panel.h"
#include "evident-evidence-store.h"
#include "evident-item.h"
#include "evident-pending-row.h"
#include "evident-presenter-window.h"
#include "evident-preview-private.h"
#include "evident-project-closer.h"
#include "evident-test-utils.h"
#include "evident-window-audit.h"
#include "evident-window-private.h"

typedef struct
{
  EvidentProject *project;
  EvidentWindow  *window;
  char           *dir;
} Fixture;

/* Where the preview is when it goes: beside the item (1280 pixels wide),
 * or folded in, in place of the item (360) */
typedef struct
{
  int         width;
  const char *how;
} PreviewCase;

/* The sample, with a PDF as evidence of 8.2.1, in a window @width pixels
 * wide */
static void
set_up (Fixture *fixture,
        int      width)
{
  fixture->project = evident_test_create_sample_project ("hide-focus", &fixture->dir);
  evident_test_add_pdf (fixture->project, fixture->dir, "8.2.1", "Access Control Process.pdf", 2);
  fixture->window = evident_test_window_new (fixture->project, width, 700);
  if (width != 1280)
    {
      gtk_window_unmaximize (GTK_WINDOW (fixture->window));
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 700);
      gtk_widget_queue_resize (GTK_WIDGET (fixture->window));
    }
  evident_test_pump ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_up (fixture, 1280);
}

static void
preview_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_up (fixture, ((const PreviewCase *) data)->width);
}

static gboolean
closer_done (gpointer unused)
{
  return !evident_project_closer_is_busy ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    evident_test_window_destroy (fixture->window);
  g_assert_true (evident_test_wait_until (closer_done, NULL));
  g_clear_object (&fixture->project);
  evident_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
get_focus (GtkWidget *widget)
{
  return gtk_root_get_focus (gtk_widget_get_root (widget));
}

static gboolean
holds_focus (GtkWidget *widget)
{
  GtkWidget *focus = get_focus (widget);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The focus is on a control in sight, and not in @gone (if still there) */
static void
assert_focus_in_sight (GtkWidget *root,
                       GtkWidget *gone)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_mapped (focus));
  if (gone != NULL)
    g_assert_false (focus == gone || gtk_widget_is_ancestor (focus, gone));
}

/* Closes the window; asserts that @widget goes with it. */
static void
assert_goes_with_window (Fixture   *fixture,
                         GtkWidget *widget)
{
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
  g_clear_pointer (&fixture->window, evident_test_window_destroy);
  g_assert_null (widget);
}

static gboolean
preview_ready (gpointer data)
{
  EvidentPreview *preview = data;

  return evident_preview_get_n_pages (preview) == 2 && !evident_preview_get_loading (preview);
}

/* 8.2.1 and its PDF in the preview, in sight, with the focus on its page;
 * the user came there through chapter 8.0 and item 8.1.1. */
static GtkWidget *
focus_preview (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  EvidentPreview *preview;
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-chapter", "s", "8.0");
  evident_test_run (300);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s", "8.1.1");
  evident_test_run (300);
  g_assert_true (evident_window_audit_open_item (fixture->window, "8.2.1", &error));
  g_assert_no_error (error);
  evident_test_pump ();
  evident_window_show_preview (fixture->window);
  evident_test_run (500);
  preview = evident_window_get_preview (fixture->window);
  g_assert_nonnull (preview);
  g_assert_true (evident_test_wait_until (preview_ready, preview));
  evident_test_pump ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (preview)));

  page = GTK_WIDGET (evident_preview_get_page_view (preview));
  g_assert_true (gtk_widget_grab_focus (page));
  evident_test_pump ();
  g_assert_true (holds_focus (page));
  return GTK_WIDGET (preview);
}

/* The preview goes out of sight with the focus on its page: beside the
 * item, Ctrl+Page Up to an item without evidence hides it; folded in, the
 * Preview button flips back to the item. The focus goes on to a control
 * in sight, and the preview goes with the window, document, renderer and
 * all. */
static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  const PreviewCase *c = data;
  GtkWidget *pane = GTK_WIDGET (fixture->window->preview_pane);
  GtkWidget *preview = focus_preview (fixture);
  GtkWidget *focus = get_focus (preview);

  if (c->width != 1280 && !evident_window_preview_folded_in (fixture->window))
    {
      g_test_skip ("The window manager did not let the window shrink");
      return;
    }
  if (g_str_equal (c->how, "toggle"))
    gtk_toggle_button_set_active (fixture->window->preview_button, FALSE);
  else
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.previous-item", NULL);
  evident_test_run (500);
  evident_test_pump ();
  g_assert_false (gtk_widget_get_mapped (pane));
  assert_focus_in_sight (GTK_WIDGET (fixture->window), pane);

  g_object_add_weak_pointer (G_OBJECT (focus), (gpointer *) &focus);
  assert_goes_with_window (fixture, preview);
  g_assert_null (focus);
}

/* Go to (G), a reference and Enter in presenter mode: the box closes while
 * its entry holds the focus, and goes with the presenter window. */
static void
test_presenter_jump (Fixture       *fixture,
                     gconstpointer  data)
{
  EvidentAudit *audit = evident_audit_get_for_project (fixture->project);
  const char *chapters[] = { "8.0", NULL };
  EvidentSessionSettings settings;
  g_autoptr (GError) error = NULL;
  EvidentSession *session;
  EvidentPresenterWindow *presenter;
  GtkWidget *entry;

  evident_session_settings_init (&settings);
  settings.kind = EVIDENT_SESSION_AUDIT;
  settings.chapters = chapters;
  session = evident_audit_new_session (audit, &settings, &error);
  g_assert_no_error (error);
  presenter = evident_window_audit_present (fixture->window, session,
                                            evident_project_lookup_item (fixture->project, "8.1.1"));
  g_assert_nonnull (presenter);
  evident_test_pump ();
  entry = evident_presenter_window_get_jump_entry (presenter);

  gtk_widget_activate_action (GTK_WIDGET (presenter), "presenter.jump", NULL);
  evident_test_pump ();
  g_assert_true (holds_focus (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "8.2.1");
  g_signal_emit_by_name (entry, "activate");
  evident_test_pump ();
  g_assert_false (gtk_widget_get_mapped (entry));
  /* Back to the window's own keys (Space, P, G…), no control's */
  g_assert_null (gtk_root_get_focus (GTK_ROOT (presenter)));

  g_object_add_weak_pointer (G_OBJECT (entry), (gpointer *) &entry);
  g_object_add_weak_pointer (G_OBJECT (presenter), (gpointer *) &presenter);
  gtk_window_destroy (GTK_WINDOW (presenter));
  evident_test_pump ();
  g_assert_null (presenter);
  g_assert_null (entry);
}

static gboolean
is_pending_row (GtkWidget     *widget,
                gconstpointer  unused)
{
  return EVIDENT_IS_PENDING_ROW (widget);
}

static gboolean
addition_done (gpointer data)
{
  return evident_test_find_widget (data, GTK_TYPE_WIDGET, is_pending_row, NULL) == NULL;
}

/* 8.1.1 opened in the window: its evidence panel, on screen */
static GtkWidget *
show_evidence_panel (Fixture *fixture)
{
  GtkWidget *panel;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s", "8.1.1");
  evident_test_pump ();
  panel = evident_test_find_widget (GTK_WIDGET (fixture->window), EVIDENT_TYPE_EVIDENCE_PANEL,
                                    evident_test_is_mapped, NULL);
  g_assert_nonnull (panel);
  return panel;
}

/* A file added to an item, with the focus on its progress row's Cancel
 * button as the copy ends, or as the user moves on to the next item (the
 * row hides, and the list of rows with it): the focus goes on to a
 * control in sight, and the row goes with the window. */
static void
test_pending_row (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "Notes.txt", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (GError) error = NULL;
  GtkWidget *panel;
  GtkWidget *row;
  GtkWidget *button;

  g_file_set_contents (path, "Reviewed quarterly.\n", -1, &error);
  g_assert_no_error (error);
  panel = show_evidence_panel (fixture);

  evident_evidence_panel_add_uri (EVIDENT_EVIDENCE_PANEL (panel), uri);
  row = evident_test_find_widget (panel, GTK_TYPE_WIDGET, is_pending_row, NULL);
  g_assert_nonnull (row);
  button = evident_test_find_widget (row, GTK_TYPE_BUTTON, NULL, NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  g_assert_true (holds_focus (row));
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  g_object_add_weak_pointer (G_OBJECT (button), (gpointer *) &button);
  if (data != NULL)
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-item", NULL);

  g_assert_true (evident_test_wait_until (addition_done, panel));
  evident_test_pump ();
  assert_focus_in_sight (GTK_WIDGET (fixture->window), row);
  /* Moved on to another item, the focus stays in the evidence panel */
  if (data != NULL)
    g_assert_true (holds_focus (panel));

  g_clear_pointer (&fixture->window, evident_test_window_destroy);
  g_assert_null (row);
  g_assert_null (button);
}

/* A second file added while the focus is on the first one's Cancel
 * button: the focus stays there. */
static void
test_pending_row_stays (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *first = g_build_filename (fixture->dir, "Notes.txt", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "Minutes.txt", NULL);
  g_autofree char *first_uri = g_filename_to_uri (first, NULL, NULL);
  g_autofree char *second_uri = g_filename_to_uri (second, NULL, NULL);
  g_autoptr (GError) error = NULL;
  GtkWidget *panel;
  GtkWidget *row;
  GtkWidget *button;

  g_file_set_contents (first, "Reviewed quarterly.\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (second, "Approved.\n", -1, &error);
  g_assert_no_error (error);
  panel = show_evidence_panel (fixture);

  evident_evidence_panel_add_uri (EVIDENT_EVIDENCE_PANEL (panel), first_uri);
  row = evident_test_find_widget (panel, GTK_TYPE_WIDGET, is_pending_row, NULL);
  button = evident_test_find_widget (row, GTK_TYPE_BUTTON, NULL, NULL);
  g_assert_true (gtk_widget_grab_focus (button));
  evident_evidence_panel_add_uri (EVIDENT_EVIDENCE_PANEL (panel), second_uri);
  g_assert_true (get_focus (panel) == button);

  g_assert_true (evident_test_wait_until (addition_done, panel));
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/hide-focus/no-display"))
    return 0;

  static const PreviewCase beside = { 1280, "previous" };
  static const PreviewCase folded = { 360, "toggle" };

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  g_test_add ("/hide-focus/preview/beside", Fixture, &beside,
              preview_set_up, test_preview, fixture_tear_down);
  g_test_add ("/hide-focus/preview/folded", Fixture, &folded,
              preview_set_up, test_preview, fixture_tear_down);
  ADD ("/hide-focus/pending-row/copied", test_pending_row, NULL);
  ADD ("/hide-focus/pending-row/other-item", test_pending_row, GINT_TO_POINTER (TRUE));
  ADD ("/hide-focus/pending-row/another-added", test_pending_row_stays, NULL);
  ADD ("/hide-focus/presenter-jump", test_presenter_jump, NULL);

#undef ADD

  return g_test_run ();
}
