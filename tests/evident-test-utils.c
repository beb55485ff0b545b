/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "evident-evidence-store.h"
#include "evident-import.h"
#include "evident-resources.h"
#include "evident-sample.h"
#include "evident-pdf-document.h"
#include "evident-test-utils.h"

/* How long evident_test_wait_until() waits before it gives up. */
#define WAIT_TIMEOUT_MS 10000
/* A moment of the main loop: layout, the frame clock, idles. */
#define MOMENT_MS 100

/* Set-up */

static void
no_display (void)
{
  g_test_skip ("No display");
}

/**
 * evident_test_init:
 * @no_display_path: the path of the test that says it was skipped
 *
 * Initializes the test framework, GTK and libadwaita, and links the
 * resources (and with them the templates) into the program.
 *
 * Returns: whether there is a display; without one, the only test is
 *   @no_display_path, skipped
 */
gboolean
evident_test_init (int         *argc,
                   char      ***argv,
                   const char  *no_display_path)
{
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func (no_display_path, no_display);
      return FALSE;
    }
  adw_init ();
  g_assert_nonnull (evident_get_resource ());
  return TRUE;
}

/* Main loop */

/* Runs what is pending, without waiting for more. */
void
evident_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds, then what is pending. */
void
evident_test_run (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  evident_test_iterate ();
}

/* Runs the main loop for a moment: layout, frame clock, idles. */
void
evident_test_pump (void)
{
  evident_test_run (MOMENT_MS);
}

/* Runs the main loop until @condition (@data) holds, for at most ten
 * seconds; returns whether it holds. */
gboolean
evident_test_wait_until (EvidentTestCondition condition,
                         gpointer             data)
{
  gint64 end = g_get_monotonic_time () + WAIT_TIMEOUT_MS * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

static gboolean
is_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Drops the caller's reference to @object and asserts that nothing else
 * keeps it: as g_assert_finalize_object(), but what a destroyed window
 * still has queued (a frame, an idle, a worker's reply) may run first, as
 * it would in the application; a reference kept for good still fails. */
void
evident_test_assert_finalized (gpointer object)
{
  gpointer weak = object;

  g_assert_true (G_IS_OBJECT (object));
  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  if (!evident_test_wait_until (is_cleared, &weak))
    g_error ("%s %p is still alive after %d ms: something keeps a reference",
             G_OBJECT_TYPE_NAME (weak), weak, WAIT_TIMEOUT_MS);
}

/* Projects and folders */

/**
 * evident_test_create_sample_project:
 * @name: the test's name, for the folder's
 * @dir: (out): a new temporary folder, to remove with evident_test_remove_dir()
 *
 * Returns: (transfer full): the sample project with its demo state, in
 *   @dir/sample.evident
 */
EvidentProject *
evident_test_create_sample_project (const char  *name,
                                    char       **dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *template = g_strdup_printf ("evident-test-%s-XXXXXX", name);
  EvidentProject *project;

  *dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  file = g_file_new_build_filename (*dir, "sample.evident", NULL);
  project = evident_sample_create_project (file, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/**
 * evident_test_create_csv_project:
 * @name: the test's name, for the folder's
 * @csv: a checklist in one of the CSV layouts the import recognises
 * @dir: (out): a new temporary folder, to remove with evident_test_remove_dir()
 *
 * Returns: (transfer full): a project imported from @csv, with the state
 *   and extra fields it gives, in @dir/checklist.evident
 */
EvidentProject *
evident_test_create_csv_project (const char  *name,
                                 const char  *csv,
                                 char       **dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr (EvidentImport) import = NULL;
  g_autofree char *template = g_strdup_printf ("evident-test-%s-XXXXXX", name);
  EvidentProject *project;

  *dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  import = evident_import_new_for_csv (bytes, &error);
  g_assert_no_error (error);
  file = g_file_new_build_filename (*dir, "checklist.evident", NULL);
  project = evident_project_create_from_import (file, NULL, import, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* Removes @path and the files in it; returns whether all went. */
gboolean
evident_test_remove_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  gboolean removed = TRUE;
  const char *name;

  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      removed &= g_unlink (child) == 0;
    }
  removed &= g_rmdir (path) == 0;
  return removed;
}

/* Returns: (transfer none): the chapter of @project numbered @number,
 *   which must exist */
EvidentChapter *
evident_test_find_chapter (EvidentProject *project,
                           const char     *number)
{
  GListModel *chapters = evident_project_get_chapters (project);

  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);

      /* The model keeps the chapter alive. */
      if (g_strcmp0 (evident_chapter_get_number (chapter), number) == 0)
        return chapter;
    }
  g_assert_not_reached ();
  return NULL;
}

/* Windows */

/**
 * evident_test_show_in_window:
 * @child: a widget with a "project" property
 * @project: the project it shows
 *
 * Returns: (transfer none): a window of @width × @height with @child in
 *   it, on screen; destroy it with gtk_window_destroy()
 */
GtkWidget *
evident_test_show_in_window (GtkWidget      *child,
                             EvidentProject *project,
                             int             width,
                             int             height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  g_object_set (child, "project", project, NULL);
  gtk_window_present (GTK_WINDOW (window));
  evident_test_iterate ();
  return window;
}

/* Returns: (transfer full): a window of @width × @height showing @project,
 *   on screen */
EvidentWindow *
evident_test_window_new (EvidentProject *project,
                         int             width,
                         int             height)
{
  EvidentWindow *window = g_object_ref (evident_window_new (NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  evident_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  evident_test_pump ();
  return window;
}

/* With EVIDENT_TEST_SHOTS set to a folder, saves @widget as it shows
 * (after a moment to settle) as NAME.png there, for a person to look at;
 * without it, does nothing. */
void
evident_test_save_shot (GtkWidget  *widget,
                        const char *name)
{
  const char *dir = g_getenv ("EVIDENT_TEST_SHOTS");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  evident_test_run (400);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Destroys @window, and asserts that nothing else holds it; takes the
 * reference evident_test_window_new() gave. */
void
evident_test_window_destroy (EvidentWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  evident_test_pump ();
  evident_test_assert_finalized (window);
}

/**
 * evident_test_preview_new:
 * @window: (out): the preview's window, set to %NULL once it is finalized
 *
 * Returns: (transfer full): an evidence preview alone in a window of
 *   600 × 800, on screen
 */
EvidentPreview *
evident_test_preview_new (GtkWidget **window)
{
  EvidentPreview *preview = EVIDENT_PREVIEW (g_object_ref_sink (evident_preview_new ()));

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 600, 800);
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (preview));
  g_object_add_weak_pointer (G_OBJECT (*window), (gpointer *) window);
  gtk_window_present (GTK_WINDOW (*window));
  evident_test_run (50);
  return preview;
}

/* Destroys the window of evident_test_preview_new(), and asserts that
 * nothing keeps it or @preview: whatever is still loading or rendering
 * must let go. */
void
evident_test_preview_destroy (EvidentPreview  *preview,
                              GtkWidget      **window)
{
  gtk_window_destroy (GTK_WINDOW (*window));
  evident_test_assert_finalized (preview);
  evident_test_run (50);
  g_assert_null (*window);
}

/* Widgets */

/* Tabs through @window from its first widget (@max_stops at most, or
 * once around) and returns the first action row that took the focus
 * itself though a control of its own is what it activates: a second Tab
 * stop for one field. %NULL when every such row is one stop, its
 * control. */
GtkWidget *
evident_test_find_row_tab_stop (GtkWidget *window,
                                guint      max_stops)
{
  GtkWidget *first = NULL;

  for (guint i = 0; i < max_stops; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL || focus == first)
        break;
      if (first == NULL)
        first = focus;
      if (ADW_IS_ACTION_ROW (focus)
          && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (focus)) != NULL)
        return focus;
    }
  return NULL;
}

/* The first descendant of @root (depth first, @root itself aside) of
 * @type that @match accepts, or any of @type when @match is %NULL. */
GtkWidget *
evident_test_find_widget (GtkWidget        *root,
                          GType             type,
                          EvidentTestMatch  match,
                          gconstpointer     data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (match == NULL || match (child, data)))
        return child;
      found = evident_test_find_widget (child, type, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_widgets (GtkWidget        *widget,
                 GType             type,
                 EvidentTestMatch  match,
                 gconstpointer     data,
                 GPtrArray        *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (match == NULL || match (widget, data)))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, match, data, found);
}

/* Returns: (transfer container): @root and its descendants of @type that
 *   @match accepts, depth first */
GPtrArray *
evident_test_collect_widgets (GtkWidget        *root,
                              GType             type,
                              EvidentTestMatch  match,
                              gconstpointer     data)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, type, match, data, found);
  return found;
}

/* A row (AdwPreferencesRow) titled @title. */
gboolean
evident_test_has_title (GtkWidget     *widget,
                        gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* An entry whose placeholder is @text. */
gboolean
evident_test_has_placeholder (GtkWidget     *widget,
                              gconstpointer  text)
{
  return GTK_IS_ENTRY (widget)
         && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), text) == 0;
}

/* A button labelled @label. */
gboolean
evident_test_has_label (GtkWidget     *widget,
                        gconstpointer  label)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

gboolean
evident_test_has_css_class (GtkWidget     *widget,
                            gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

gboolean
evident_test_is_mapped (GtkWidget     *widget,
                        gconstpointer  unused)
{
  return gtk_widget_get_mapped (widget);
}

/* PDFs */

/* A cairo_write_func_t that appends to the GByteArray @closure. */
cairo_status_t
evident_test_append_bytes (void                *closure,
                           const unsigned char *data,
                           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PDF of @n_pages pages of @width × @height points, each drawn by @draw. */
GBytes *
evident_test_make_pdf (int                  n_pages,
                       double               width,
                       double               height,
                       EvidentTestDrawPage  draw,
                       gpointer             user_data)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (evident_test_append_bytes, array, width, height);
  cr = cairo_create (surface);

  for (int i = 0; i < n_pages; i++)
    {
      draw (cr, i, user_data);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (array);
}

static void
draw_bar (cairo_t  *cr,
          int       page,
          gpointer  user_data)
{
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_rectangle (cr, 72, 72, 400, 40);
  cairo_fill (cr);
}

/**
 * evident_test_add_pdf:
 * @dir: the project's folder, where the PDF is written first
 *
 * Stores a PDF of @n_pages pages (a grey bar on each) as evidence of the
 * item @ref, as a user adding the file @filename would.
 */
void
evident_test_add_pdf (EvidentProject *project,
                      const char     *dir,
                      const char     *ref,
                      const char     *filename,
                      int             n_pages)
{
  g_autoptr (GBytes) pdf = evident_test_make_pdf (n_pages, 595, 842, draw_bar, NULL);
  g_autoptr (GFile) file = g_file_new_build_filename (dir, filename, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentEvidence) evidence = NULL;
  EvidentItem *item = evident_project_lookup_item (project, ref);

  g_assert_nonnull (item);
  g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL,
                           FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  evidence = evident_evidence_store_add_file (evident_evidence_store_get_for_project (project),
                                              item, file, NULL, EVIDENT_EVIDENCE_KIND_PROCESS,
                                              NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (evidence);
}

/* A page like a process document's: a title, forty lines of text, a
 * diagram. @title: (nullable): the document's title. */
void
evident_test_draw_process_page (cairo_t  *cr,
                                int       page,
                                gpointer  title)
{
  g_autofree char *heading = g_strdup_printf ("%d. %s, section %d", page + 1,
                                              title != NULL ? (const char *) title : "Operational process",
                                              page + 1);

  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_font_size (cr, 20);
  cairo_move_to (cr, 56, 80);
  cairo_show_text (cr, heading);

  cairo_set_font_size (cr, 10);
  for (int line = 0; line < 40; line++)
    {
      cairo_move_to (cr, 56, 120 + line * 14);
      cairo_show_text (cr, "The team reviews every change in a pull request; "
                           "the pipeline runs the tests and deploys to staging.");
    }

  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_rectangle (cr, 56, 700, 200, 80);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.2, 0.76, 0.49);
  cairo_arc (cr, 420, 740, 40, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* Asynchronous calls, driven from a test: the callback keeps the result,
 * the test runs the main loop until it came. */
void
evident_test_store_result_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

GAsyncResult *
evident_test_wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* Opens @bytes in the document renderer, running the main loop meanwhile. */
EvidentPdfDocument *
evident_test_load_pdf (EvidentRenderClient  *client,
                       GBytes               *bytes,
                       GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  evident_pdf_document_load_async (client, bytes, NULL, NULL, evident_test_store_result_cb, &result);
  return evident_pdf_document_load_finish (evident_test_wait_for_result (&result), error);
}
