/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window and its project file, on the sample project. Save a Copy
 * runs while the main loop goes on, with its progress and a Cancel button
 * in a toast; cancelled or failed, it leaves an earlier copy byte for
 * byte, and the error names the file, not its path. A project open
 * read-only says so in the title and under the header bars, shows every
 * control that would change it insensitive, and writes nothing, not even
 * beside itself. Closing (the window,
 * or another project in its place) returns at once: the clean-up runs
 * while the main loop goes on, holds the application, and says
 * "Closing “…”…" only when it takes longer than a moment; the application
 * opens a file still being cleaned up once it is free. */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>

#include "evident-application.h"
#include "evident-entry-row.h"
#include "evident-evidence-row.h"
#include "evident-evidence-store.h"
#include "evident-import-assistant.h"
#include "evident-item.h"
#include "evident-project-closer.h"
#include "evident-project-private.h"
#include "evident-project.h"
#include "evident-sample.h"
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

/* Adds a large file to an item of @project, kept. */
static void
add_large_evidence (EvidentProject *project,
                    const char     *dir,
                    gsize           size)
{
  g_autoptr (GFile) big = make_file (dir, "walkthrough.bin", size);
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;

  evidence = evident_evidence_store_add_file (evident_evidence_store_get_for_project (project),
                                              evident_project_lookup_item (project, "8.2.1"),
                                              big, NULL, EVIDENT_EVIDENCE_KIND_DEMONSTRATION,
                                              NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_delete (big, NULL, NULL);
}

static GBytes *
read_bytes (GFile *file)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, one a line. */
static char *
list_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return gtk_widget_get_mapped (widget)
         && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* The label on screen in @window whose text holds @text, or NULL. */
static const char *
find_text (EvidentWindow *window,
           const char    *text)
{
  GtkWidget *label = evident_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                               is_label_containing, text);

  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

typedef struct
{
  EvidentWindow *window;
  const char    *text;
} TextWatch;

static gboolean
text_shown (gpointer data)
{
  TextWatch *watch = data;

  return find_text (watch->window, watch->text) != NULL;
}

/* The label holding @text, once it shows: a toast with the result comes
 * in once the progress has gone. */
static const char *
wait_for_text (EvidentWindow *window,
               const char    *text)
{
  TextWatch watch = { window, text };

  g_assert_true (evident_test_wait_until (text_shown, &watch));
  return find_text (window, text);
}

static gboolean
progress_gone (gpointer window)
{
  return find_text (window, "Saving a copy") == NULL;
}

typedef struct
{
  EvidentWindow *window;
  guint          n_ticks;       /* main loop turns seen while the copy ran */
  gboolean       saw_percent;   /* "Saving a copy… N%" with 0 < N < 100 */
  gboolean       cancel;        /* press the toast's Cancel at the first turn */
} CopyWatch;

static gboolean
copy_tick_cb (gpointer data)
{
  CopyWatch *watch = data;
  EvidentJob *job = evident_window_get_copy_job (watch->window);
  AdwToast *toast;

  if (job == NULL)
    return G_SOURCE_REMOVE;
  watch->n_ticks++;

  toast = evident_job_get_progress_toast (job);
  g_assert_nonnull (toast);
  if (g_str_has_prefix (adw_toast_get_title (toast), "Saving a copy… ")
      && !g_str_has_suffix (adw_toast_get_title (toast), " 100%"))
    watch->saw_percent = TRUE;
  if (watch->cancel)
    {
      g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Cancel");
      g_signal_emit_by_name (toast, "button-clicked");
      watch->cancel = FALSE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
copy_done (gpointer data)
{
  CopyWatch *watch = data;

  return evident_window_get_copy_job (watch->window) == NULL;
}

/* Saves a copy of the window's project to @destination as Save a Copy
 * does, and runs the main loop until it is done. */
static void
save_copy (CopyWatch *watch,
           GFile     *destination)
{
  EvidentJob *job;

  evident_window_save_copy_to (watch->window, destination);
  job = evident_window_get_copy_job (watch->window);
  g_assert_nonnull (job);
  /* One copy at a time */
  evident_window_save_copy_to (watch->window, destination);
  g_assert_true (evident_window_get_copy_job (watch->window) == job);
  g_timeout_add (0, copy_tick_cb, watch);
  g_assert_true (evident_test_wait_until (copy_done, watch));
  g_test_message ("Main loop turns while copying: %u", watch->n_ticks);
  evident_test_pump ();
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
notice_gone (gpointer data)
{
  CloseWatch *watch = data;

  return !shows_text (watch->window, watch->notice);
}

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

/* Registers @application under an application ID of its own (an
 * earlier test's may still be exported on the bus); where it cannot,
 * the test is skipped. */
static gboolean
register_for_test (GApplication *application)
{
  static guint n_applications;
  g_autofree char *id = g_strdup_printf ("io.github.evidentapp.Evident.Test%u", ++n_applications);
  g_autoptr (GError) error = NULL;

  g_application_set_application_id (application, id);
  if (g_application_register (application, NULL, &error))
    return TRUE;
  g_test_skip (error->message);
  return FALSE;
}

static GtkApplication *
register_application (void)
{
  g_autoptr (GtkApplication) application = gtk_application_new (NULL, G_APPLICATION_NON_UNIQUE);

  return register_for_test (G_APPLICATION (application)) ? g_steal_pointer (&application) : NULL;
}

/* Evident itself, as it opens files */
static EvidentApplication *
register_evident_application (void)
{
  g_autoptr (EvidentApplication) application = evident_application_new ();

  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  return register_for_test (G_APPLICATION (application)) ? g_steal_pointer (&application) : NULL;
}

/* Tests */

/* Issue #9: Save a Copy of a large project runs while the main loop goes
 * on, shows its progress, replaces an earlier copy once complete, and
 * says so with a way to open it. */
static void
test_save_copy (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (EvidentProject) project = evident_test_create_sample_project ("copy", &dir);
  g_autoptr (GFile) copy = g_file_new_build_filename (dir, "copy.evident", NULL);
  g_autoptr (EvidentProject) opened = NULL;
  g_autoptr (GError) error = NULL;
  CopyWatch watch = { NULL, 0, FALSE, FALSE };
  goffset old_size;

  /* An earlier, smaller copy */
  g_assert_true (evident_project_save_copy (project, copy, &error));
  g_assert_no_error (error);
  old_size = get_file_size (copy);
  add_large_evidence (project, dir, 32 * 1024 * 1024);
  watch.window = evident_test_window_new (project, 1280, 800);

  save_copy (&watch, copy);
  g_assert_cmpuint (watch.n_ticks, >, 0);
  g_assert_true (watch.saw_percent);
  g_assert_nonnull (wait_for_text (watch.window, "Copy saved"));
  g_assert_cmpint (get_file_size (copy), >, old_size + 16 * 1024 * 1024);

  opened = evident_project_open_full (copy, EVIDENT_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_items (opened)), ==,
                    g_list_model_get_n_items (evident_project_get_items (project)));
  evident_project_close (opened);

  g_clear_object (&project);
  evident_test_window_destroy (watch.window);
  evident_test_remove_dir (dir);
}

/* Issue #9: a cancelled copy leaves the earlier copy byte for byte, and
 * nothing beside it. */
static void
test_save_copy_cancelled (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (EvidentProject) project = evident_test_create_sample_project ("copy-cancel", &dir);
  g_autoptr (GFile) copy = g_file_new_build_filename (dir, "copy.evident", NULL);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *names_before = NULL;
  g_autofree char *names_after = NULL;
  CopyWatch watch = { NULL, 0, FALSE, TRUE };

  g_assert_true (evident_project_save_copy (project, copy, &error));
  g_assert_no_error (error);
  before = read_bytes (copy);
  add_large_evidence (project, dir, 32 * 1024 * 1024);
  watch.window = evident_test_window_new (project, 1280, 800);
  names_before = list_dir (dir);

  save_copy (&watch, copy);
  g_assert_cmpuint (watch.n_ticks, >, 0);
  after = read_bytes (copy);
  g_assert_true (g_bytes_equal (before, after));
  names_after = list_dir (dir);
  g_assert_cmpstr (names_after, ==, names_before);
  g_assert_null (find_text (watch.window, "Copy saved"));
  /* The progress goes once it is fully in (evident-toast.c). */
  g_assert_true (evident_test_wait_until (progress_gone, watch.window));

  g_clear_object (&project);
  evident_test_window_destroy (watch.window);
  evident_test_remove_dir (dir);
}

/* Issue #9: a copy that cannot be written says why, naming the file but
 * not its folders; the window goes on. */
static void
test_save_copy_fails (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (EvidentProject) project = evident_test_create_sample_project ("copy-fail", &dir);
  g_autofree char *not_a_folder = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr (GFile) copy = g_file_new_build_filename (not_a_folder, "copy.evident", NULL);
  g_autoptr (GError) error = NULL;
  CopyWatch watch = { NULL, 0, FALSE, FALSE };
  const char *message;

  g_file_set_contents (not_a_folder, "Not a folder", -1, &error);
  g_assert_no_error (error);
  watch.window = evident_test_window_new (project, 1280, 800);

  save_copy (&watch, copy);
  message = wait_for_text (watch.window, "“copy.evident”");
  g_assert_nonnull (message);
  g_test_message ("Error: %s", message);
  g_assert_null (strstr (message, dir));
  g_assert_null (find_text (watch.window, "Copy saved"));
  g_assert_false (g_file_test (not_a_folder, G_FILE_TEST_IS_DIR));

  g_clear_object (&project);
  evident_test_window_destroy (watch.window);
  evident_test_remove_dir (dir);
}

/* Issue #9: a copy into a folder that cannot be written leaves the
 * earlier copy there byte for byte. (Root writes anywhere: skipped.) */
static void
test_save_copy_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autofree char *folder = NULL;
  g_autoptr (GFile) copy = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  CopyWatch watch = { NULL, 0, FALSE, FALSE };

  if (geteuid () == 0)
    {
      g_test_skip ("Root writes into read-only folders");
      return;
    }

  project = evident_test_create_sample_project ("copy-read-only", &dir);
  folder = g_build_filename (dir, "shared", NULL);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  copy = g_file_new_build_filename (folder, "copy.evident", NULL);
  g_assert_true (evident_project_save_copy (project, copy, &error));
  g_assert_no_error (error);
  before = read_bytes (copy);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  watch.window = evident_test_window_new (project, 1280, 800);

  save_copy (&watch, copy);
  after = read_bytes (copy);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_nonnull (wait_for_text (watch.window, "“copy.evident”"));
  g_assert_null (find_text (watch.window, "Copy saved"));

  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  g_clear_object (&project);
  evident_test_window_destroy (watch.window);
  evident_test_remove_dir (folder);
  evident_test_remove_dir (dir);
}

static gboolean
file_is_free (gpointer file)
{
  return !evident_project_closer_is_closing (file);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  GtkWidget *widget = evident_test_find_widget (root, GTK_TYPE_WIDGET, has_tooltip, tooltip);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  GtkWidget *row = evident_test_find_widget (root, type, evident_test_has_title, title);

  g_assert_nonnull (row);
  return row;
}

/* Issue #9: a project open read-only (as one whose file or folder cannot
 * be written opens) says so, offers nothing that would change it, and
 * leaves its file byte for byte, with nothing beside it. */
static void
test_read_only (gconstpointer data)
{
  EvidentProjectOpenFlags flags = GPOINTER_TO_UINT (data);
  g_autofree char *dir = NULL;
  g_autoptr (EvidentProject) project = evident_test_create_sample_project ("read-only", &dir);
  g_autoptr (GFile) file = g_object_ref (evident_project_get_file (project));
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentEvidence) link = NULL;
  g_autofree char *names = NULL;
  EvidentWindow *window;
  GtkWidget *editor;
  g_autoptr (GPtrArray) texts = NULL;
  GtkWidget *row;
  GtkWidget *undo_button;
  EvidentItem *item;
  EvidentStatus status;

  /* Some history to undo, and evidence to show */
  item = evident_project_lookup_item (project, "8.2.1");
  g_assert_true (evident_project_set_owner (project, item, "Read-only test", &error));
  link = evident_evidence_store_add_link (evident_evidence_store_get_for_project (project), item,
                                          "https://wiki.example.com/runbook", "Runbook",
                                          EVIDENT_EVIDENCE_KIND_PROCESS, &error);
  g_assert_no_error (error);
  g_clear_object (&link);
  evident_project_close (project);
  g_clear_object (&project);
  before = read_bytes (file);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "sample.evident");

  project = evident_project_open_full (file, flags, &error);
  g_assert_no_error (error);
  g_assert_true (evident_project_get_read_only (project));
  g_assert_true (evident_project_get_can_undo (project));
  window = evident_test_window_new (project, 1280, 800);

  /* The title says so, and the bar under the overview's header bar. */
  g_test_message ("Title: %s", gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (window)), " (read-only)"));
  g_assert_nonnull (find_text (window, "Read-only · sample.evident"));
  g_assert_nonnull (find_text (window, "This project is read-only: save a copy to edit it"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-item", "s", "8.2.1");
  evident_test_pump ();
  editor = GTK_WIDGET (evident_window_get_item_editor (window));
  item = evident_item_editor_get_item (EVIDENT_ITEM_EDITOR (editor));
  g_assert_nonnull (item);
  g_assert_cmpstr (evident_item_get_ref (item), ==, "8.2.1");
  g_assert_nonnull (find_text (window, "This project is read-only: save a copy to edit it"));

  /* Every control that would change the project is insensitive. */
  g_assert_false (gtk_widget_get_sensitive (find_row (editor, ADW_TYPE_COMBO_ROW, "Status")));
  g_assert_false (gtk_widget_get_sensitive (find_row (editor, ADW_TYPE_COMBO_ROW, "Complexity")));
  g_assert_false (gtk_widget_get_sensitive (find_row (editor, EVIDENT_TYPE_ENTRY_ROW, "Owner")));
  g_assert_false (gtk_widget_get_sensitive (find_row (editor, EVIDENT_TYPE_ENTRY_ROW, "Reason")));
  g_assert_false (gtk_widget_get_sensitive (find_row (editor, ADW_TYPE_ACTION_ROW, "Due Date")));
  /* The response for the auditor and the notes */
  texts = evident_test_collect_widgets (editor, GTK_TYPE_TEXT_VIEW, NULL, NULL);
  g_assert_cmpuint (texts->len, ==, 2);
  for (guint i = 0; i < texts->len; i++)
    g_assert_false (gtk_text_view_get_editable (texts->pdata[i]));
  row = evident_test_find_widget (editor, EVIDENT_TYPE_EVIDENCE_ROW, NULL, NULL);
  g_assert_nonnull (row);
  g_assert_false (evident_evidence_row_get_editable (EVIDENT_EVIDENCE_ROW (row)));
  g_assert_false (gtk_widget_get_sensitive (evident_test_find_widget (row, GTK_TYPE_DROP_DOWN,
                                                                      NULL, NULL)));
  g_assert_false (gtk_widget_get_sensitive (find_by_tooltip (editor, "Add Files…")));
  g_assert_false (gtk_widget_get_sensitive (find_by_tooltip (editor, "Add a Link…")));

  /* Undo is off though there is history, and the editor's actions, the
   * keyboard's way in, change nothing and complain of nothing. */
  undo_button = gtk_button_new_with_label ("Undo");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (undo_button), "win.undo");
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (evident_window_get_sidebar (window)))),
                  undo_button);
  evident_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (undo_button));
  status = evident_item_get_status (item);
  gtk_widget_activate_action (editor, "editor.set-status", "s",
                              status == EVIDENT_STATUS_MET ? "not-met" : "met");
  gtk_widget_activate_action (editor, "editor.set-owner", "s", "Somebody else");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  evident_test_pump ();
  g_assert_cmpint (evident_item_get_status (item), ==, status);
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Read-only test");
  g_assert_null (find_text (window, "read-only;"));

  g_clear_object (&project);
  evident_test_window_destroy (window);
  g_assert_true (evident_test_wait_until (file_is_free, file));

  after = read_bytes (file);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&names, g_free);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "sample.evident");
  evident_test_remove_dir (dir);
}

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
    return;

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
  evident_test_assert_finalized (window);

  /* The clean-up did its work, and let go of the file. */
  g_test_message ("File size: %" G_GOFFSET_FORMAT " before, %" G_GOFFSET_FORMAT " after",
                  size_before, get_file_size (file));
  g_assert_cmpint (get_file_size (file), <, size_before - 8 * 1024 * 1024);
  reopened = evident_project_open_full (file, EVIDENT_PROJECT_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  evident_project_close (reopened);

  evident_test_remove_dir (dir);
}

/* Two windows on a project and a copy of it, of the same title: each
 * title says its file too, in the window list and to a screen reader;
 * once one closes, the other's is the project's title again. */
static void
test_shared_title (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (EvidentProject) project = evident_test_create_sample_project ("shared-title", &dir);
  g_autoptr (GFile) copy_file = g_file_new_build_filename (dir, "sample (copy).evident", NULL);
  g_autoptr (EvidentProject) copy = NULL;
  g_autoptr (GtkApplication) application = register_application ();
  g_autoptr (GError) error = NULL;
  g_autofree char *original_title = NULL;
  g_autofree char *copy_title = NULL;
  const char *title = evident_project_get_title (project);
  EvidentWindow *window;
  EvidentWindow *copy_window;

  if (application == NULL)
    return;

  copy = evident_sample_create_project (copy_file, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evident_project_get_title (copy), ==, title);

  window = evident_test_window_new (project, 1280, 800);
  gtk_window_set_application (GTK_WINDOW (window), application);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);

  copy_window = evident_test_window_new (copy, 1280, 800);
  gtk_window_set_application (GTK_WINDOW (copy_window), application);
  original_title = g_strdup_printf ("%s — sample.evident", title);
  copy_title = g_strdup_printf ("%s — sample (copy).evident", title);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, original_title);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (copy_window)), ==, copy_title);

  evident_test_window_destroy (copy_window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);

  evident_test_window_destroy (window);
  evident_project_close (copy);
  evident_project_close (project);
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
  /* A notice shown goes once it is fully in (evident-toast.c). */
  g_assert_true (evident_test_wait_until (notice_gone, &watch_a));

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
  /* The notice goes once it is fully in (evident-toast.c). */
  g_assert_true (evident_test_wait_until (notice_gone, &watch_b));

  g_clear_object (&a);
  g_clear_object (&b);
  evident_test_window_destroy (window);
  evident_test_remove_dir (dir_a);
  evident_test_remove_dir (dir_b);
}

static gboolean
has_window_for (gpointer data)
{
  gpointer *pair = data;

  return evident_application_find_window (pair[0], pair[1]) != NULL;
}

/* Issue #9: a project opened again while the window that had it still
 * cleans it up opens once the clean-up is done, not with "open in another
 * window" after the main thread waited for the lock. */
static void
test_reopen_while_closing (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (EvidentProject) project = evident_test_create_sample_project ("reopen", &dir);
  g_autoptr (GFile) file = g_object_ref (evident_project_get_file (project));
  g_autoptr (EvidentApplication) application = register_evident_application ();
  g_autoptr (GList) windows = NULL;
  gpointer pair[2] = { application, file };
  GtkWindow *window;

  if (application == NULL)
    return;
  add_cleanup_work (project, dir);
  evident_project_close (project);
  g_clear_object (&project);

  evident_application_open_file (application, file, NULL);
  window = evident_application_find_window (application, file);
  g_assert_nonnull (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  gtk_window_close (window);
  g_assert_null (window);
  g_assert_true (evident_project_closer_is_closing (file));
  evident_application_open_file (application, file, NULL);
  g_assert_true (evident_test_wait_until (has_window_for, pair));
  g_assert_false (evident_project_closer_is_closing (file));

  /* One window, showing the project: no error dialog beside it. */
  windows = gtk_application_get_windows (GTK_APPLICATION (application));
  windows = g_list_copy (windows);
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (EVIDENT_IS_WINDOW (windows->data));
  g_assert_nonnull (evident_window_get_project (windows->data));

  gtk_window_close (windows->data);
  g_assert_true (evident_test_wait_until (file_is_free, file));
  evident_test_pump ();
  evident_test_remove_dir (dir);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
import_assistant_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (EVIDENT_IS_IMPORT_ASSISTANT (window))
        return TRUE;
    }
  return FALSE;
}

/* A damaged project file, "….evident" but not a project, is refused with
 * a message that says so, and left as it was: not read as a checklist to
 * import (which would say its first line names no columns). */
static void
test_open_damaged (void)
{
  static const char text[] = "This was a project once\n";
  g_autofree char *dir = g_dir_make_tmp ("evident-damaged-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Audit.evident", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentApplication) application = register_evident_application ();
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;

  if (application == NULL)
    return;
  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  evident_application_open_file (application, file, NULL);
  evident_test_run (300);
  g_assert_false (import_assistant_shown ());
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the Project");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is not an Evident project"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);

  gtk_window_destroy (GTK_WINDOW (dialog));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (application)))
    gtk_window_destroy (l->data);
  evident_test_pump ();
  evident_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/window-file/no-display"))
    return g_test_run ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/window-file/save-copy", test_save_copy);
  g_test_add_func ("/window-file/save-copy-cancelled", test_save_copy_cancelled);
  g_test_add_func ("/window-file/save-copy-fails", test_save_copy_fails);
  g_test_add_func ("/window-file/save-copy-read-only-folder", test_save_copy_read_only_folder);
  g_test_add_data_func ("/window-file/read-only", GUINT_TO_POINTER (EVIDENT_PROJECT_OPEN_READ_ONLY),
                        test_read_only);
  g_test_add_data_func ("/window-file/read-only-unwritable-file",
                        GUINT_TO_POINTER (EVIDENT_PROJECT_OPEN_EXCLUSIVE
                                          | EVIDENT_PROJECT_OPEN_ASSUME_UNWRITABLE),
                        test_read_only);
  g_test_add_func ("/window-file/close-window-in-background", test_close_window_in_background);
  g_test_add_func ("/window-file/switch-project-notice", test_switch_project_notice);
  g_test_add_func ("/window-file/shared-title", test_shared_title);
  g_test_add_func ("/window-file/reopen-while-closing", test_reopen_while_closing);
  g_test_add_func ("/window-file/open-damaged", test_open_damaged);

  return g_test_run ();
}
