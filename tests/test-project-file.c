/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The project file as other programs, crashes and disks treat it: damaged
 * files refused and left as they are, migrations before loading, read-only
 * files and folders, Save a Copy that never loses the older copy, what a
 * killed process leaves behind, and writers beside each other. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "evident-csv.h"
#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-project-private.h"
#include "evident-schema.h"
#include "test-fixtures.h"

static const char checklist_csv[] =
    "ref,chapter,chapter_title,title,points,mandatory\n"
    "1.1,1,Basics,Company overview,40,yes\n"
    "1.2,1,Basics,Customer references,60,no\n"
    "2.1,2,Security,Incident process,100,yes\n";

/* Helpers */

static char *
create_sample (const char *dir)
{
  char *path = g_build_filename (dir, "audit.evident", NULL);
  g_autoptr (GPtrArray) entries = fixture_parse_checklist (checklist_csv);
  g_autoptr (EvidentProject) project = fixture_create_project (path, entries);

  fixture_close_project (&project);
  return path;
}

/* A project of about 200 KiB of items, so that it has many pages. */
static char *
create_large (const char *dir)
{
  char *path = g_build_filename (dir, "large.evident", NULL);
  g_autoptr (GPtrArray) entries = fixture_new_entries ();
  g_autoptr (EvidentProject) project = NULL;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *ref = g_strdup_printf ("%u.%u", i / 40 + 1, i % 40 + 1);
      g_autofree char *chapter = g_strdup_printf ("%u", i / 40 + 1);
      EvidentChecklistEntry *entry;

      fixture_add_entry (entries, ref, chapter, "An item with a long requirement", 2, FALSE);
      entry = g_ptr_array_index (entries, entries->len - 1);
      g_free (entry->requirement);
      entry->requirement = g_strnfill (400, 'a' + i % 26);
    }
  project = fixture_create_project (path, entries);
  fixture_close_project (&project);
  return path;
}

/* Opening @path with @flags fails with @code, and neither the file nor
 * its folder changes. */
static void
assert_refused (const char              *path,
                EvidentProjectOpenFlags  flags,
                int                      code,
                const char              *mention)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *listing_before = fixture_list_dir (dir);
  g_autofree char *listing_after = NULL;
  g_autoptr (GBytes) before = fixture_read_file (path);
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;

  project = evident_project_open_full (file, flags, &error);
  g_assert_null (project);
  g_assert_error (error, EVIDENT_PROJECT_ERROR, code);
  g_test_message ("Refused: %s", error->message);
  if (mention != NULL)
    fixture_assert_contains (error, mention);

  after = fixture_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  listing_after = fixture_list_dir (dir);
  g_assert_cmpstr (listing_after, ==, listing_before);
}

static void
assert_edit_refused_read_only (EvidentProject *project)
{
  g_autoptr (GError) error = NULL;
  EvidentItem *item = fixture_lookup (project, "1.2");

  g_assert_false (evident_project_set_status (project, item, EVIDENT_STATUS_MET, NULL, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_READ_ONLY);
  fixture_assert_contains (error, "read-only");
  fixture_assert_contains (error, "audit.evident");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_NOT_STARTED);
}

/* Damaged projects */

/* An item whose chapter does not exist: refused at open, untouched, and
 * never left out of the lists silently; inspecting it says what is wrong. */
static void
test_damaged_dangling_chapter (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = create_sample (dir);
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;

  fixture_sqlite_exec_on (path, "PRAGMA foreign_keys = OFF;"
                                "UPDATE items SET chapter_id = 99 WHERE ref = '1.2'");

  assert_refused (path, EVIDENT_PROJECT_OPEN_DEFAULT, EVIDENT_PROJECT_ERROR_DAMAGED, "1.2");
  assert_refused (path, EVIDENT_PROJECT_OPEN_EXCLUSIVE, EVIDENT_PROJECT_ERROR_DAMAGED, "1.2");
  assert_refused (path, EVIDENT_PROJECT_OPEN_READ_ONLY, EVIDENT_PROJECT_ERROR_DAMAGED, "1.2");

  /* Inspection opens it, reads only, and reports the item. */
  before = fixture_read_file (path);
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_INSPECT);
  g_assert_true (evident_project_get_read_only (project));
  g_assert_false (evident_project_check (project, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_DAMAGED);
  fixture_assert_contains (error, "Item 1.2 belongs to a chapter that does not exist");
  g_clear_error (&error);
  fixture_close_project (&project);
  after = fixture_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Broken pages that loading the items does not read (the index of their
 * references) are found at open all the same. */
static void
test_damaged_broken_index (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = create_large (dir);
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  gint64 page_size, root;
  guint8 *data;
  gsize size;

  page_size = fixture_sqlite_int_on (path, "PRAGMA page_size");
  root = fixture_sqlite_int_on (path, "SELECT rootpage FROM sqlite_master"
                                      " WHERE name = 'sqlite_autoindex_items_1'");
  bytes = fixture_read_file (path);
  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  g_assert_cmpuint ((root + 1) * page_size, <=, size);
  memset (data + (root - 1) * page_size + 8, 0x5A, page_size - 8);
  fixture_write_file (path, data, size);
  g_free (data);

  assert_refused (path, EVIDENT_PROJECT_OPEN_DEFAULT, EVIDENT_PROJECT_ERROR_DAMAGED,
                  "large.evident");

  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_INSPECT);
  g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_items (project)), ==, 400);
  g_assert_false (evident_project_check (project, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_DAMAGED);
  fixture_close_project (&project);
}

/* Migrations */

/* Open = check the header, back up, migrate, load: a migration that
 * changes the items is seen in the loaded items. */
static void
test_migrate_before_load (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = create_sample (dir);
  g_autofree char *backup = g_strdup_printf ("%s.v%u.bak", path, EVIDENT_PROJECT_SCHEMA_VERSION);
  g_autofree char *listing = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (EvidentProject) project = NULL;

  evident_schema_set_test_migration ("ALTER TABLE items ADD COLUMN test_extra TEXT;"
                                     "UPDATE items SET title = title || ' (migrated)';");

  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
  g_assert_cmpstr (evident_item_get_title (fixture_lookup (project, "1.1")), ==,
                   "Company overview (migrated)");
  fixture_close_project (&project);

  listing = fixture_list_dir (dir);
  expected = g_strdup_printf ("audit.evident\naudit.evident.v%u.bak",
                              EVIDENT_PROJECT_SCHEMA_VERSION);
  g_assert_cmpstr (listing, ==, expected);
  g_assert_cmpint (fixture_sqlite_int_on (path, "PRAGMA user_version"), ==,
                   EVIDENT_PROJECT_SCHEMA_VERSION + 1);
  g_assert_cmpint (fixture_sqlite_int_on (backup, "PRAGMA user_version"), ==,
                   EVIDENT_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (fixture_sqlite_int_on (backup, "SELECT count (*) FROM items"
                                                  " WHERE title LIKE '%(migrated)'"),
                   ==, 0);

  /* Once migrated, never again. */
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
  g_assert_cmpstr (evident_item_get_title (fixture_lookup (project, "1.1")), ==,
                   "Company overview (migrated)");
  fixture_close_project (&project);

  evident_schema_set_test_migration (NULL);
}

/* A damaged file is refused before its backup is written; a read-only one
 * cannot be upgraded, and says so. */
static void
test_migrate_refusals (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = create_sample (dir);

  evident_schema_set_test_migration ("UPDATE items SET title = title || ' (migrated)';");
  assert_refused (path, EVIDENT_PROJECT_OPEN_READ_ONLY, EVIDENT_PROJECT_ERROR_READ_ONLY,
                  "older version");
  fixture_sqlite_exec_on (path, "PRAGMA foreign_keys = OFF;"
                                "UPDATE items SET chapter_id = 99 WHERE ref = '2.1'");
  assert_refused (path, EVIDENT_PROJECT_OPEN_DEFAULT, EVIDENT_PROJECT_ERROR_DAMAGED, "2.1");
  evident_schema_set_test_migration (NULL);
}

/* Read-only projects */

/* @unwritable: neither the file nor the folder can be written, so that
 * nothing appears beside it even while it is open (a writable project
 * opened read-only has SQLite's -wal and -shm files while open, as any
 * reader of a project that others may write). */
static void
check_read_only_project (const char              *path,
                         EvidentProjectOpenFlags  flags,
                         gboolean                 unwritable)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *listing_before = fixture_list_dir (dir);
  g_autofree char *listing_after = NULL;
  g_autoptr (GBytes) before = fixture_read_file (path);
  g_autoptr (GBytes) after = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentEvidence) link = NULL;
  EvidentEvidenceStore *store;

  project = fixture_open_project (path, flags);
  g_assert_true (evident_project_get_read_only (project));
  g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_items (project)), ==, 3);
  /* 40 + 100 − 200 × 2 */
  g_assert_cmpfloat (evident_project_get_score (project)->views[EVIDENT_VIEW_BEST].score, ==,
                     200);

  assert_edit_refused_read_only (project);
  store = evident_evidence_store_get_for_project (project);
  link = evident_evidence_store_add_link (store, fixture_lookup (project, "1.1"),
                                          "https://example.com/runbook", NULL,
                                          EVIDENT_EVIDENCE_KIND_PROCESS, &error);
  g_assert_null (link);
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (evident_evidence_store_cleanup (store, NULL, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Verifying reports without writing. */
  g_assert_true (evident_evidence_store_verify (store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Nothing appears beside it while it is open, nor after. */
  listing_after = fixture_list_dir (dir);
  if (unwritable)
    g_assert_cmpstr (listing_after, ==, listing_before);
  fixture_close_project (&project);
  g_clear_pointer (&listing_after, g_free);
  listing_after = fixture_list_dir (dir);
  g_assert_cmpstr (listing_after, ==, listing_before);
  after = fixture_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Asked to read only; and as if neither file nor folder could be written
 * (what a user who is not root gets from mode 444 or a read-only share):
 * then SQLite is told the file is immutable, and creates no -wal or -shm
 * file even for a project in WAL mode. */
static void
test_read_only_flags (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = create_sample (dir);
  g_autoptr (EvidentProject) app = NULL;
  g_autoptr (EvidentProject) writer = NULL;

  /* In WAL mode, as every project opened once for writing is. */
  g_assert_cmpint (fixture_sqlite_int_on (path, "SELECT count (*) FROM pragma_journal_mode"
                                                " WHERE journal_mode = 'wal'"),
                   ==, 1);

  check_read_only_project (path, EVIDENT_PROJECT_OPEN_READ_ONLY, FALSE);
  check_read_only_project (path, EVIDENT_PROJECT_OPEN_ASSUME_UNWRITABLE, TRUE);
  check_read_only_project (path, EVIDENT_PROJECT_OPEN_EXCLUSIVE
                                     | EVIDENT_PROJECT_OPEN_ASSUME_UNWRITABLE, TRUE);
  check_read_only_project (path, EVIDENT_PROJECT_OPEN_INSPECT, FALSE);

  /* The application can read a project that another program writes. */
  writer = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
  app = fixture_open_project (path, EVIDENT_PROJECT_OPEN_READ_ONLY);
  g_assert_false (evident_project_get_read_only (writer));
  fixture_close_project (&app);
  fixture_close_project (&writer);
}

/* Where the test runs as root, which file modes do not stop, the checks
 * run in a subprocess that gives up root first. */
#define NOBODY 65534

static char *
modes_dir (pid_t parent)
{
  return g_strdup_printf ("%s/evident-test-modes-%d", g_get_tmp_dir (), (int) parent);
}

static gboolean
drop_root (void)
{
  if (geteuid () != 0)
    return TRUE;
  return setgroups (0, NULL) == 0 && setgid (NOBODY) == 0 && setuid (NOBODY) == 0;
}

/* Tried in a child process of its own, which only exits. */
static gboolean
can_drop_root (void)
{
  pid_t pid;
  int status;

  if (geteuid () != 0)
    return TRUE;
  pid = fork ();
  if (pid == 0)
    _exit (drop_root () ? 0 : 1);
  return pid > 0 && waitpid (pid, &status, 0) == pid && WIFEXITED (status)
         && WEXITSTATUS (status) == 0;
}

static void
modes_child (void)
{
  g_autofree char *dir = modes_dir (getppid ());
  g_autofree char *file_444 = g_build_filename (dir, "rw", "audit.evident", NULL);
  g_autofree char *dir_555 = g_build_filename (dir, "ro", "audit.evident", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "ro", "copy.evident", NULL);
  g_autoptr (GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr (GBytes) old_copy = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (drop_root ());

  check_read_only_project (file_444, EVIDENT_PROJECT_OPEN_DEFAULT, TRUE);
  check_read_only_project (dir_555, EVIDENT_PROJECT_OPEN_DEFAULT, TRUE);
  check_read_only_project (dir_555, EVIDENT_PROJECT_OPEN_EXCLUSIVE, TRUE);

  /* Save a Copy into a folder that cannot be written: the copy that is
   * there stays as it was. */
  old_copy = fixture_read_file (copy_path);
  project = fixture_open_project (file_444, EVIDENT_PROJECT_OPEN_DEFAULT);
  g_assert_false (evident_project_save_copy (project, copy, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED);
  fixture_assert_contains (error, "copy.evident");
  fixture_close_project (&project);
  after = fixture_read_file (copy_path);
  g_assert_true (g_bytes_equal (old_copy, after));
}

/* A project made read-only with chmod a-w opens read-only even for root,
 * who could write it: the title and the bar say so, and the file stays as
 * it is. The same in a folder made read-only. */
static void
test_read_only_modes_for_anyone (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *path = create_sample (dir);
  g_autofree char *in_sub = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = fixture_read_file (path);
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_EXCLUSIVE);
  g_assert_true (evident_project_get_read_only (project));
  fixture_close_project (&project);
  after = fixture_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  in_sub = create_sample (sub);
  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);
  project = fixture_open_project (in_sub, EVIDENT_PROJECT_OPEN_DEFAULT);
  g_assert_true (evident_project_get_read_only (project));
  fixture_close_project (&project);
  g_assert_cmpint (g_chmod (sub, 0755), ==, 0);

  /* A writable one is opened for writing, of course. */
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_EXCLUSIVE);
  g_assert_false (evident_project_get_read_only (project));
  fixture_close_project (&project);
}

/* A mode-444 project, and one in a mode-555 folder (as a mounted archive
 * or a colleague's share): they open for reading, score, refuse edits, and
 * nothing appears beside them. */
static void
test_read_only_modes (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *rw = NULL;
  g_autofree char *ro = NULL;
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;

  if (g_test_subprocess ())
    {
      modes_child ();
      return;
    }

  dir = modes_dir (getpid ());
  rw = g_build_filename (dir, "rw", NULL);
  ro = g_build_filename (dir, "ro", NULL);
  g_assert_cmpint (g_mkdir_with_parents (rw, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (ro, 0755), ==, 0);
  g_free (create_sample (rw));
  g_free (create_sample (ro));
  copy = g_build_filename (ro, "copy.evident", NULL);
  fixture_write_file (copy, "an older copy", 13);

  path = g_build_filename (rw, "audit.evident", NULL);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (rw, 0777), ==, 0);
  g_assert_cmpint (g_chmod (ro, 0555), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  if (can_drop_root ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
    }
  else
    g_test_skip ("running as root, and cannot give it up to test file modes");

  fixture_tmp_dir_clear (&dir);
}

/* Save a Copy */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  GCancellable *cancel_after_first;
  goffset       last;
  goffset       total;
  guint         n_reports;
} Copying;

static void
progress_cb (goffset  current,
             goffset  total,
             gpointer data)
{
  Copying *copying = data;

  g_assert_cmpint (current, >, copying->last);
  g_assert_cmpint (current, <=, total);
  copying->last = current;
  copying->total = total;
  copying->n_reports++;
  if (copying->cancel_after_first != NULL)
    g_cancellable_cancel (copying->cancel_after_first);
}

static void
copied_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Copying *copying = data;

  copying->result = g_object_ref (result);
  g_main_loop_quit (copying->loop);
}

static gboolean
save_copy_async (EvidentProject  *project,
                 const char      *path,
                 Copying         *copying,
                 GError         **error)
{
  g_autoptr (GFile) destination = g_file_new_for_path (path);
  gboolean ok;

  copying->loop = g_main_loop_new (NULL, FALSE);
  evident_project_save_copy_async (project, destination, copying->cancel_after_first,
                                   progress_cb, copying, copied_cb, copying);
  g_main_loop_run (copying->loop);
  ok = evident_project_save_copy_finish (project, copying->result, error);
  g_clear_object (&copying->result);
  g_clear_pointer (&copying->loop, g_main_loop_unref);
  return ok;
}

/* A project with a few megabytes of evidence: a copy of several steps. */
static EvidentProject *
open_with_evidence (const char *dir,
                    char      **path)
{
  g_autofree char *pdf = g_build_filename (dir, "big.bin", NULL);
  g_autoptr (GFile) pdf_file = g_file_new_for_path (pdf);
  g_autofree guint8 *data = g_malloc (5 * 1024 * 1024);
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;
  EvidentProject *project;

  for (gsize i = 0; i < 5 * 1024 * 1024; i++)
    data[i] = (guint8) g_random_int ();
  fixture_write_file (pdf, data, 5 * 1024 * 1024);

  *path = create_sample (dir);
  project = fixture_open_project (*path, EVIDENT_PROJECT_OPEN_DEFAULT);
  evidence = evident_evidence_store_add_file (evident_evidence_store_get_for_project (project),
                                              fixture_lookup (project, "1.1"), pdf_file, NULL,
                                              EVIDENT_EVIDENCE_KIND_ASSET, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (pdf), ==, 0);
  return project;
}

static void
test_save_copy_async (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = NULL;
  g_autofree char *copy_path = g_build_filename (dir, "copy.evident", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (EvidentProject) project = open_with_evidence (dir, &path);
  g_autoptr (EvidentProject) copy = NULL;
  g_autoptr (GError) error = NULL;
  Copying copying = { NULL };

  fixture_write_file (copy_path, "an older copy", 13);
  g_assert_true (evident_project_set_owner (project, fixture_lookup (project, "2.1"), "Carol",
                                            &error));
  g_assert_true (save_copy_async (project, copy_path, &copying, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (copying.n_reports, >, 2);
  g_assert_cmpint (copying.last, ==, copying.total);

  /* The original stays open and editable while the copy is its own. */
  g_assert_true (evident_project_set_owner (project, fixture_lookup (project, "2.1"), "Dan",
                                            &error));
  copy = fixture_open_project (copy_path, EVIDENT_PROJECT_OPEN_READ_ONLY);
  g_assert_cmpstr (evident_item_get_owner (fixture_lookup (copy, "2.1")), ==, "Carol");
  g_assert_cmpuint (g_list_model_get_n_items (evident_evidence_store_list (
                        evident_evidence_store_get_for_project (copy), NULL)),
                    ==, 1);
  g_assert_true (evident_project_check (copy, &error));
  fixture_close_project (&copy);
  fixture_close_project (&project);

  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "audit.evident\ncopy.evident");
}

/* Cancelled, or the disk full: the older copy is there byte for byte, and
 * no temporary file is left. */
static void
test_save_copy_failures (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = NULL;
  g_autofree char *copy_path = g_build_filename (dir, "copy.evident", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (EvidentProject) project = open_with_evidence (dir, &path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GBytes) old_copy = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr (GError) error = NULL;
  Copying copying = { NULL };
  struct rlimit saved, limit;
  void (*saved_handler) (int);

  g_assert_true (evident_project_save_copy (project, copy_file, &error));
  g_assert_no_error (error);
  old_copy = fixture_read_file (copy_path);
  g_assert_true (evident_project_set_owner (project, fixture_lookup (project, "1.2"), "Erin",
                                            &error));

  copying.cancel_after_first = cancellable;
  g_assert_false (save_copy_async (project, copy_path, &copying, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = fixture_read_file (copy_path);
  g_assert_true (g_bytes_equal (old_copy, after));
  g_clear_pointer (&after, g_bytes_unref);

  /* A full disk: no file may grow past 1 MiB. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 1024 * 1024;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (evident_project_save_copy (project, copy_file, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED);
  g_test_message ("Refused: %s", error->message);
  fixture_assert_contains (error, "copy.evident");
  g_clear_error (&error);
  after = fixture_read_file (copy_path);
  g_assert_true (g_bytes_equal (old_copy, after));

  fixture_close_project (&project);
  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "audit.evident\ncopy.evident");
}

/* Closing */

static void
closed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_project_close_finish (EVIDENT_PROJECT (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

/* The window closes its project in a worker that cleans up; by the time it
 * says so, the file is let go of: the application can open it again at
 * once, and what a removal left that no undo can bring back is gone. */
static void
test_close_async (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = NULL;
  g_autofree char *listing = NULL;
  g_autoptr (EvidentProject) project = open_with_evidence (dir, &path);
  g_autoptr (GListModel) list = NULL;
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;
  gboolean closed = FALSE;
  gint64 start;

  fixture_close_project (&project);
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_EXCLUSIVE);
  list = evident_evidence_store_list (evident_evidence_store_get_for_project (project), NULL);
  evidence = g_list_model_get_item (list, 0);
  g_assert_true (evident_project_undo (project, &error)); /* the addition, hidden */
  g_assert_true (evident_project_set_owner (project, fixture_lookup (project, "1.1"), "Ann",
                                            &error)); /* and no longer redoable */
  g_assert_no_error (error);
  g_clear_object (&evidence);
  g_clear_object (&list);

  evident_project_close_async (project, NULL, closed_cb, &closed);
  while (!closed)
    g_main_context_iteration (NULL, TRUE);

  start = g_get_monotonic_time ();
  g_clear_object (&project);
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_EXCLUSIVE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  fixture_close_project (&project);

  g_assert_cmpint (fixture_sqlite_int_on (path, "SELECT count (*) FROM evidence"), ==, 0);
  g_assert_cmpint (fixture_sqlite_int_on (path, "SELECT count (*) FROM blob_chunks"), ==, 0);
  g_assert_cmpint (fixture_sqlite_int_on (path, "PRAGMA freelist_count"), ==, 0);
  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "audit.evident");
}

/* What a killed process leaves */

static void
set_age (const char *path,
         int         seconds)
{
  struct utimbuf times = { .actime = time (NULL) - seconds, .modtime = time (NULL) - seconds };

  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* A temporary that no process writes any more goes at the next create or
 * open in its folder; one still being written (locked), one just made,
 * and files that only look similar stay. */
static void
test_stale_temporaries (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = create_sample (dir);
  g_autofree char *stale = g_build_filename (dir, ".audit.evident.0badf00d.evident-tmp", NULL);
  g_autofree char *stale_wal = g_strconcat (stale, "-journal", NULL);
  g_autofree char *locked = g_build_filename (dir, ".other.evident.12345678.evident-tmp", NULL);
  g_autofree char *young = g_build_filename (dir, ".new.evident.abcdef01.evident-tmp", NULL);
  g_autofree char *lookalike = g_build_filename (dir, "notes.12345678.new", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GPtrArray) entries = fixture_parse_checklist (checklist_csv);
  g_autofree char *second = g_build_filename (dir, "second.evident", NULL);
  int fd;

  fixture_write_file (stale, "SQLite format 3", 16);
  fixture_write_file (stale_wal, "", 0);
  fixture_write_file (locked, "SQLite format 3", 16);
  fixture_write_file (young, "", 0);
  fixture_write_file (lookalike, "keep me", 7);
  set_age (stale, 3600);
  set_age (locked, 3600);
  set_age (lookalike, 3600);
  set_age (young, -3600);
  fd = g_open (locked, O_RDONLY, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
  fixture_close_project (&project);
  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==,
                   ".new.evident.abcdef01.evident-tmp\n.other.evident.12345678.evident-tmp\n"
                   "audit.evident\nnotes.12345678.new");

  /* Let go of by its writer, it goes at the next create. */
  close (fd);
  project = fixture_create_project (second, entries);
  fixture_close_project (&project);
  g_clear_pointer (&listing, g_free);
  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, ".new.evident.abcdef01.evident-tmp\naudit.evident\n"
                                "notes.12345678.new\nsecond.evident");
}

/* Points */

static void
test_points_bounded (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "points.evident", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) entries = fixture_new_entries ();
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *listing = NULL;

  fixture_add_entry (entries, "1.1", "1", "Most", EVIDENT_MAX_ITEM_POINTS, FALSE);
  fixture_add_entry (entries, "1.2", "1", "Too many", G_MAXINT, TRUE);
  project = evident_project_create (file, NULL, entries, &error);
  g_assert_null (project);
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID);
  fixture_assert_contains (error, "Line 3");
  fixture_assert_contains (error, "1.2");
  fixture_assert_contains (error, "10000");
  g_clear_error (&error);
  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");

  g_ptr_array_remove_index (entries, 1);
  project = fixture_create_project (path, entries);
  g_assert_cmpint (evident_project_get_max_score (project), ==, EVIDENT_MAX_ITEM_POINTS);
  fixture_close_project (&project);

  /* A file written elsewhere may hold more: its sums do not wrap. */
  fixture_sqlite_exec_on (path, "UPDATE items SET points = 2147483647;"
                                "INSERT INTO items (position, ref, chapter_id, title, points,"
                                " mandatory) SELECT 1, '1.3', chapter_id, 'Also', 2147483647, 1"
                                " FROM items");
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_READ_ONLY);
  g_assert_cmpint (evident_project_get_max_score (project), ==, 2 * (gint64) G_MAXINT);
  g_assert_cmpfloat (evident_project_get_score (project)->views[EVIDENT_VIEW_BEST].score, ==,
                     2.0 * G_MAXINT);
  fixture_close_project (&project);
}

/* Writers beside each other */

typedef struct
{
  char        *path;
  const char  *ref;
  guint        n_runs;
  guint        n_failed;
  gboolean     write;
} Worker;

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  g_autoptr (GFile) file = g_file_new_for_path (worker->path);

  for (guint run = 0; run < worker->n_runs; run++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (EvidentProject) project = NULL;
      gboolean ok;

      project = evident_project_open_full (file,
                                           worker->write ? EVIDENT_PROJECT_OPEN_DEFAULT
                                                         : EVIDENT_PROJECT_OPEN_READ_ONLY,
                                           &error);
      if (project == NULL)
        ok = FALSE;
      else if (worker->write)
        {
          g_autofree char *note = g_strdup_printf ("run %u", run);

          ok = evident_project_set_note (project,
                                         evident_project_lookup_item (project, worker->ref),
                                         note, &error);
        }
      else
        ok = evident_project_get_score (project)->max_score == 200;

      if (!ok)
        {
          g_printerr ("%s %u: %s\n", worker->write ? worker->ref : "score", run,
                      error != NULL ? error->message : "wrong score");
          worker->n_failed++;
        }
      if (project != NULL)
        evident_project_close (project);
    }
  return NULL;
}

/* Two writers and a reader on one project at once: no command fails that
 * would have succeeded alone. */
static void
test_writers_beside_each_other (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = create_sample (dir);
  Worker workers[] = {
    { path, "1.1", 100, 0, TRUE },
    { path, "1.2", 100, 0, TRUE },
    { path, NULL, 100, 0, FALSE },
  };
  GThread *threads[G_N_ELEMENTS (workers)];
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    threads[i] = g_thread_new ("worker", worker_thread, &workers[i]);
  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (workers[i].n_failed, ==, 0);
    }

  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_READ_ONLY);
  history = evident_project_get_history (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 200);
  g_assert_cmpstr (evident_item_get_note (fixture_lookup (project, "1.1")), ==, "run 99");
  g_assert_cmpstr (evident_item_get_note (fixture_lookup (project, "1.2")), ==, "run 99");
  fixture_close_project (&project);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-file/damaged/dangling-chapter", test_damaged_dangling_chapter);
  g_test_add_func ("/project-file/damaged/broken-index", test_damaged_broken_index);
  g_test_add_func ("/project-file/migrate/before-load", test_migrate_before_load);
  g_test_add_func ("/project-file/migrate/refusals", test_migrate_refusals);
  g_test_add_func ("/project-file/read-only/flags", test_read_only_flags);
  g_test_add_func ("/project-file/read-only/modes", test_read_only_modes);
  g_test_add_func ("/project-file/read-only/modes-for-anyone", test_read_only_modes_for_anyone);
  g_test_add_func ("/project-file/save-copy/async", test_save_copy_async);
  g_test_add_func ("/project-file/save-copy/failures", test_save_copy_failures);
  g_test_add_func ("/project-file/close-async", test_close_async);
  g_test_add_func ("/project-file/stale-temporaries", test_stale_temporaries);
  g_test_add_func ("/project-file/points-bounded", test_points_bounded);
  g_test_add_func ("/project-file/writers-beside-each-other", test_writers_beside_each_other);

  return g_test_run ();
}
