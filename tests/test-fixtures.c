/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "evident-csv.h"
#include "evident-item.h"
#include "test-fixtures.h"

char *
fixture_tmp_dir_new (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("evident-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Folders a test made read-only are made writable again first. */
void
fixture_make_writable (const char *path)
{
  g_chmod (path, g_file_test (path, G_FILE_TEST_IS_DIR) ? 0700 : 0600);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  fixture_make_writable (path);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

void
fixture_tmp_dir_clear (char **dir)
{
  if (*dir == NULL)
    return;
  remove_tree (*dir);
  g_clear_pointer (dir, g_free);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir, hidden ones included, sorted, one per line. */
char *
fixture_list_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

GBytes *
fixture_read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
fixture_write_file (const char *path,
                    const void *data,
                    gsize       length)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

GPtrArray *
fixture_parse_checklist (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr (GError) error = NULL;
  GPtrArray *entries = evident_checklist_parse (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

GPtrArray *
fixture_new_entries (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) evident_checklist_entry_free);
}

void
fixture_add_entry (GPtrArray  *entries,
                   const char *ref,
                   const char *chapter,
                   const char *title,
                   int         points,
                   gboolean    mandatory)
{
  EvidentChecklistEntry *entry = g_new0 (EvidentChecklistEntry, 1);

  entry->ref = g_strdup (ref);
  entry->chapter = g_strdup (chapter);
  entry->chapter_title = g_strdup_printf ("Chapter %s", chapter);
  entry->section = g_strdup ("");
  entry->section_title = g_strdup ("");
  entry->title = g_strdup (title);
  entry->requirement = g_strdup ("");
  entry->evidence = g_strdup ("");
  entry->points = points;
  entry->mandatory = mandatory;
  entry->line = entries->len + 2;
  g_ptr_array_add (entries, entry);
}

EvidentProject *
fixture_create_project (const char *path,
                        GPtrArray  *entries)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  EvidentProject *project = evident_project_create (file, NULL, entries, &error);

  g_assert_no_error (error);
  g_assert_true (EVIDENT_IS_PROJECT (project));
  return project;
}

EvidentProject *
fixture_open_project (const char              *path,
                      EvidentProjectOpenFlags  flags)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  EvidentProject *project = evident_project_open_full (file, flags, &error);

  g_assert_no_error (error);
  g_assert_true (EVIDENT_IS_PROJECT (project));
  return project;
}

/* A closed project: the object goes, and with it the file's lock. A
 * worker thread that finished an _async call may hold the last reference
 * for a moment longer. */
void
fixture_close_project (EvidentProject **project)
{
  gpointer weak = *project;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  evident_project_close (*project);
  g_object_add_weak_pointer (G_OBJECT (weak), &weak);
  g_clear_object (project);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (weak);
}

EvidentItem *
fixture_lookup (EvidentProject *project,
                const char     *ref)
{
  EvidentItem *item = evident_project_lookup_item (project, ref);

  g_assert_nonnull (item);
  return item;
}

/* Runs @sql on the (closed) file at @path, as another program would. */
void
fixture_sqlite_exec_on (const char *path,
                        const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

gint64
fixture_sqlite_int_on (const char *path,
                       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

void
fixture_assert_contains (const GError *error,
                         const char   *part)
{
  g_assert_nonnull (error);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, part);
}

/* Sets one field of the item @ref, as an edit would. */
void
fixture_set_field (EvidentProject   *project,
                   const char       *ref,
                   EvidentItemField  field,
                   const char       *value)
{
  EvidentItemChange change = { field, value };
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_project_update_item (project, fixture_lookup (project, ref), &change, 1,
                                              &error));
  g_assert_no_error (error);
}

/* The checklist tests/data/@name, read for an import or a revision. */
EvidentImport *
fixture_read_checklist (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  EvidentImport *import = evident_import_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  return import;
}

/* A checklist given as CSV text, as if read from "list.csv". */
EvidentImport *
fixture_read_csv_text (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  EvidentImport *import = evident_import_new_for_bytes (bytes, "list.csv", NULL, &error);

  g_assert_no_error (error);
  return import;
}

/* The revision of @project to the checklist tests/data/@name. */
EvidentRevision *
fixture_plan_revision (EvidentProject *project,
                       const char     *name)
{
  g_autoptr (EvidentImport) import = fixture_read_checklist (name);
  g_autoptr (GError) error = NULL;
  EvidentRevision *revision = evident_revision_new (project, import, &error);

  g_assert_no_error (error);
  evident_revision_set_file_name (revision, name);
  return revision;
}
