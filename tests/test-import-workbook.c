/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A checklist file as a user picks it: a real workbook written by a
 * spreadsheet library goes through the workbook reader into the import,
 * with no mapping, and a file that is no checklist is refused by name. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "evident-import.h"
#include "evident-test-workbook.h"

static const EvidentChecklistEntry *
find_entry (GPtrArray  *entries,
            const char *ref)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const EvidentChecklistEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->ref, ref))
        return entry;
    }
  g_assert_not_reached ();
}

static void
test_aws_workbook_bytes (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = evident_test_workbook_build (evident_test_workbook_get_default (),
                                                          &error);
  g_autoptr (EvidentImport) import = NULL;
  const EvidentChecklistEntry *entry;
  GPtrArray *entries;

  g_assert_no_error (error);
  import = evident_import_new_for_bytes (bytes, "self-assessment.xlsx", NULL, &error);
  g_assert_no_error (error);

  /* Recognised as it is: no mapping, nothing blocking. */
  g_assert_cmpint (evident_import_get_layout (import), ==, EVIDENT_IMPORT_LAYOUT_AWS_WORKBOOK);
  g_assert_true (evident_import_check (import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evident_import_get_sheet_status (import, 0), ==,
                   EVIDENT_IMPORT_SHEET_NO_HEADER);
  g_assert_cmpint (evident_import_get_mode (import), ==, EVIDENT_SCORE_MODE_PASS_FAIL);

  /* The workbook stays with the import, for the hand-in later. */
  g_assert_nonnull (evident_import_get_workbook (import));
  g_assert_true (g_bytes_equal (evident_workbook_get_bytes (evident_import_get_workbook (import)),
                                bytes));

  entries = evident_import_get_entries (import);
  g_assert_cmpuint (entries->len, ==, 9);

  entry = find_entry (entries, "SECP-001");
  g_assert_cmpstr (entry->title, ==, "Identity federation");
  g_assert_true (entry->mandatory);
  g_assert_null (strchr (entry->requirement, '\r'));
  g_assert_true (g_str_has_prefix (entry->evidence, "Evidence"));
  g_assert_cmpstr (entry->chapter_title, ==, "Operations");

  entry = find_entry (entries, "SECP-004");
  g_assert_false (entry->mandatory);
  /* A non-breaking space reads as a plain one. */
  entry = find_entry (entries, "SECP-002");
  g_assert_null (strstr (entry->requirement, "\xc2\xa0"));

  entry = find_entry (entries, "BUSP-002");
  g_assert_cmpstr (entry->chapter_title, ==, "Business");
  g_assert_true (entry->source.known);
}

static void
test_load_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("evident-import-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *bad_path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) bad_file = NULL;
  g_autoptr (GPtrArray) entries = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "checklist.xlsx", NULL);
  g_assert_true (evident_test_workbook_write (evident_test_workbook_get_default (), path, &error));
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  entries = evident_checklist_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 9);

  /* A workbook cut short is refused by name, not read as text. */
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    bad_path = g_build_filename (dir, "cut.xlsx", NULL);
    g_assert_true (g_file_set_contents (bad_path, contents, length / 2, NULL));
  }
  bad_file = g_file_new_for_path (bad_path);
  g_assert_null (evident_checklist_load (bad_file, NULL, &error));
  g_assert_true (error->domain == EVIDENT_XLSX_ERROR);
  g_assert_nonnull (strstr (error->message, "cut.xlsx"));

  g_unlink (path);
  g_unlink (bad_path);
  g_rmdir (dir);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  EvidentImport **import = user_data;
  g_autoptr (GError) error = NULL;

  *import = evident_import_new_for_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_async (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("evident-import-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "checklist.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentImport) import = NULL;
  const char *csv = "ID;Requirement\nNET-001;Networks are segmented.\n";

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  evident_import_new_for_file_async (file, NULL, load_cb, &import);
  while (import == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (evident_import_get_workbook (import));
  g_assert_nonnull (evident_import_get_csv_format (import));
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-workbook/aws/bytes", test_aws_workbook_bytes);
  g_test_add_func ("/import-workbook/load-file", test_load_file);
  g_test_add_func ("/import-workbook/load-async", test_load_async);

  return g_test_run ();
}
