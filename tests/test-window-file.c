/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window and its project file, on the sample project. Closing (the
 * window, or another project in its place) returns at once: the clean-up
 * runs while the main loop goes on, holds the application, and says
 * "Closing “…”…" only when it takes longer than a moment. */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include <adwaita.h>

#include "evident-evidence-store.h"
#include "evident-project-closer.h"
#include "evident-project.h"
#include "evident-test-utils.h"
#include "evident-window-private.h"

/* Helpers */

static goffset
get_file_size (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_size;
}

/* Writes @size bytes that do not compress into @dir/@name; returns it. */
static GFile *
make_file (const char *dir,
           const char *name,
           gsize       size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autofree guint32 *words = g_new (guint32, size / 4);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  for (gsize i = 0; i < size / 4; i++)
    words[i] = g_rand_int (rand);
  g_file_set_contents (path, (const char *) words, size / 4 * 4, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Leaves the clean-up at close something to do: a large file added,
 * the addition undone, and its redo dropped by another edit, so that the
 * file is stored but nothing can bring it back. */
static void
add_cleanup_work (EvidentProject *project,
                  const char     *dir)
{
  g_autoptr (GFile) big = make_file (dir, "recording.bin", 16 * 1024 * 1024);
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (project);
  EvidentItem *item = evident_project_lookup_item (project, "8.2.1");
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;

  evidence = evident_evidence_store_add_file (store, item, big, NULL, EVIDENT_EVIDENCE_KIND_OTHER,
                                              NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (evident_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_true (evident_project_set_owner (project, item, "Cleanup test", &error));
  g_assert_no_error (error);
  g_assert_false (evident_project_get_can_redo (project));
  g_file_delete (big, NULL, NULL);
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The toast (or anything else) on screen in @window that reads @text. */
static gboolean
shows_text (EvidentWindow *window,
            const char    *text)
{
  GtkWidget *label = evident_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, is_label,
                                               text);

  return label != NULL && gtk_widget_get_mapped (label);
}

typedef struct
{
  GFile         *file;
  EvidentWindow *window;     /* nullable */
  const char    *notice;
  guint          n_ticks;    /* main loop turns seen while the file was closing */
  gboolean       notice_seen;
} CloseWatch;

static gboolean
tick_cb (gpointer data)
{
  CloseWatch *watch = data;

  if (!evident_project_closer_is_closing (watch->file))
    return G_SOURCE_REMOVE;
  watch->n_ticks++;
  if (watch->window != NULL && shows_text (watch->window, watch->notice))
    watch->notice_seen = TRUE;
  return G_SOURCE_CONTINUE;
}

static gboolean
is_closed (gpointer data)
{
  CloseWatch *watch = data;

  return !evident_project_closer_is_closing (watch->file);
}

static GtkApplication *
register_application (void)
{
  g_autoptr (GtkApplication) application = NULL;
  g_autoptr (GError) error = NULL;

  application = gtk_application_new ("io.github.evidentapp.Evident.Test",
                                     G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    {
      g_test_message ("No application: %s", error->message);
      return NULL;
    }
  return g_steal_pointer (&application);
}

/* Tests */

/* Issue #9: closing a window whose project has clean-up to do returns at
 * once; the clean-up goes on while the main loop runs, the application
 * is held and busy until it is done, and the file is free afterwards. */
static void
test_close_window_in_background (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (EvidentProject) project = evident_test_create_sample_project ("closing", &dir);
  g_autoptr (GFile) file = g_object_ref (evident_project_get_file (project));
  g_autoptr (GtkApplication) application = register_application ();
  g_autoptr (EvidentProject) reopened = NULL;
  g_autoptr (GError) error = NULL;
  CloseWatch watch = { file, NULL, NULL, 0, FALSE };
  EvidentWindow *window;
  goffset size_before;

  if (application == NULL)
    {
      g_test_skip ("No session bus to register an application on");
      return;
    }

  add_cleanup_work (project, dir);
  size_before = get_file_size (file);
  window = evident_test_window_new (project, 1280, 800);
  gtk_window_set_application (GTK_WINDOW (window), application);
  g_clear_object (&project);

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (evident_project_closer_is_closing (file));
  g_assert_true (g_application_get_is_busy (G_APPLICATION (application)));

  /* The main loop goes on meanwhile. */
  g_timeout_add (0, tick_cb, &watch);
  g_assert_true (evident_test_wait_until (is_closed, &watch));
  g_test_message ("Main loop turns while closing: %u", watch.n_ticks);
  g_assert_cmpuint (watch.n_ticks, >, 0);
  g_assert_false (g_application_get_is_busy (G_APPLICATION (application)));
  evident_test_pump ();
  g_assert_finalize_object (window);

  /* The clean-up did its work, and let go of the file. */
  g_test_message ("File size: %" G_GOFFSET_FORMAT " before, %" G_GOFFSET_FORMAT " after",
                  size_before, get_file_size (file));
  g_assert_cmpint (get_file_size (file), <, size_before - 8 * 1024 * 1024);
  reopened = evident_project_open_full (file, EVIDENT_PROJECT_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  evident_project_close (reopened);

  evident_test_remove_dir (dir);
}

/* Issue #9: opening another project in the window lets go of the first
 * in the background, quietly while that is quick; a clean-up that waits
 * (here for another program writing to the file) says "Closing “…”…"
 * until it is done. */
static void
test_switch_project_notice (void)
{
  g_autofree char *dir_a = NULL;
  g_autofree char *dir_b = NULL;
  g_autoptr (EvidentProject) a = evident_test_create_sample_project ("closing-a", &dir_a);
  g_autoptr (EvidentProject) b = evident_test_create_sample_project ("closing-b", &dir_b);
  g_autoptr (GFile) file_a = g_object_ref (evident_project_get_file (a));
  g_autoptr (GFile) file_b = g_object_ref (evident_project_get_file (b));
  g_autofree char *path_b = g_file_get_path (file_b);
  g_autofree char *notice_a = g_strdup_printf ("Closing “%s”…", evident_project_get_title (a));
  g_autofree char *notice_b = g_strdup_printf ("Closing “%s”…", evident_project_get_title (b));
  CloseWatch watch_a = { file_a, NULL, notice_a, 0, FALSE };
  CloseWatch watch_b = { file_b, NULL, notice_b, 0, FALSE };
  EvidentWindow *window = evident_test_window_new (a, 1280, 800);
  sqlite3 *writer = NULL;
  gint64 start;
  gint64 elapsed_ms;

  watch_a.window = window;
  watch_b.window = window;
  add_cleanup_work (a, dir_a);

  /* Quick: nothing to see. */
  start = g_get_monotonic_time ();
  evident_window_set_project (window, b);
  g_assert_true (evident_window_get_project (window) == b);
  g_assert_true (evident_project_closer_is_closing (file_a));
  g_timeout_add (0, tick_cb, &watch_a);
  g_assert_true (evident_test_wait_until (is_closed, &watch_a));
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("Closing took %" G_GINT64_FORMAT " ms", elapsed_ms);
  if (elapsed_ms < 1000)
    g_assert_false (watch_a.notice_seen);
  g_assert_false (shows_text (window, notice_a));

  /* Another program writes to B while the window lets go of it: the
   * clean-up waits, and the window says so. */
  evident_window_set_closing_notice_delay (window, 0);
  g_assert_cmpint (sqlite3_open_v2 (path_b, &writer, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  evident_window_set_project (window, NULL);
  g_timeout_add (0, tick_cb, &watch_b);
  while (!watch_b.notice_seen)
    {
      g_assert_true (evident_project_closer_is_closing (file_b));
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpint (sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (writer), ==, SQLITE_OK);
  g_assert_true (evident_test_wait_until (is_closed, &watch_b));
  evident_test_pump ();
  g_assert_false (shows_text (window, notice_b));

  g_clear_object (&a);
  g_clear_object (&b);
  evident_test_window_destroy (window);
  evident_test_remove_dir (dir_a);
  evident_test_remove_dir (dir_b);
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/window-file/no-display"))
    return g_test_run ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/window-file/close-window-in-background", test_close_window_in_background);
  g_test_add_func ("/window-file/switch-project-notice", test_switch_project_notice);

  return g_test_run ();
}
