/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evident-atomic-write.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces: shows any temporary file
 * left behind. */
static char *
list_folder (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
read_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_new_and_replace (void)
{
  g_autofree char *dir = g_dir_make_tmp ("evident-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "export.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) first = g_bytes_new_static ("first\n", 6);
  g_autoptr (GBytes) second = g_bytes_new_static ("second\n", 7);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;
  struct stat st;

  g_assert_true (evident_atomic_write_bytes (file, first, NULL, &error));
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "first\n");

  /* A replaced file keeps its permissions. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (evident_atomic_write_bytes (file, second, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "second\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* Nothing else is left in the folder. */
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "export.csv");

  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
fail_cb (const char    *path,
         gpointer       user_data,
         GCancellable  *cancellable,
         GError       **error)
{
  /* Half a file, then a failure. */
  g_assert_true (g_file_set_contents (path, "half", -1, NULL));
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "injected failure");
  return FALSE;
}

static gboolean
cancel_cb (const char    *path,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  /* The whole content, but the user cancels before it is in place. */
  g_assert_true (g_file_set_contents (path, "complete", -1, NULL));
  g_cancellable_cancel (cancellable);
  return TRUE;
}

static gboolean
replace_cb (const char    *path,
            gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  /* Some writers (libxlsxwriter) create the file anew. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  return g_file_set_contents (path, user_data, -1, error);
}

static void
test_failure_keeps_old (void)
{
  g_autofree char *dir = g_dir_make_tmp ("evident-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "answers.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GBytes) bytes = g_bytes_new_static ("new", 3);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  /* The writer fails: its error comes through, the old file stays. */
  g_assert_false (evident_atomic_write (file, fail_cb, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "old");

  /* Cancelled after the content was written, before the rename. */
  g_assert_false (evident_atomic_write (file, cancel_cb, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_pointer (&text, g_free);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "old");

  /* Cancelled before it starts. */
  g_assert_false (evident_atomic_write_bytes (file, bytes, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "answers.xlsx");

  /* A writer that replaces the temporary file is fine. */
  g_assert_true (evident_atomic_write (file, replace_cb, "replaced", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "replaced");
  g_clear_pointer (&listing, g_free);
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "answers.xlsx");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("evident-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "answers.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) bytes = g_bytes_new_static ("new", 3);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes to read-only folders");
      g_rmdir (dir);
      return;
    }

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_assert_false (evident_atomic_write_bytes (file, bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "answers.csv"));
  g_assert_nonnull (strstr (error->message, dir));

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "old");
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "answers.csv");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_destination (void)
{
  g_autofree char *dir = g_dir_make_tmp ("evident-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "missing", "answers.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) remote = g_file_new_for_uri ("resource:///io/github/evidentapp/x.csv");
  g_autoptr (GBytes) bytes = g_bytes_new_static ("new", 3);
  g_autoptr (GError) error = NULL;
  g_autofree char *listing = NULL;

  /* A folder that does not exist: named in the message, nothing created. */
  g_assert_false (evident_atomic_write_bytes (file, bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "answers.csv"));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "");

  /* A destination without a local path. */
  g_assert_false (evident_atomic_write_bytes (remote, bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "x.csv"));

  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/atomic-write/new-and-replace", test_new_and_replace);
  g_test_add_func ("/atomic-write/failure-keeps-old", test_failure_keeps_old);
  g_test_add_func ("/atomic-write/read-only-folder", test_read_only_folder);
  g_test_add_func ("/atomic-write/bad-destination", test_bad_destination);

  return g_test_run ();
}
