/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "evident-test-xlsx.h"
#include "evident-xlsx-writer.h"

static GBytes *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  return g_mapped_file_get_bytes (mapped);
}

/* An item table and a summary, as an export of a project would write them. */
static void
build_tables (EvidentXlsxTable **items,
              EvidentXlsxTable **summary)
{
  guint row;

  *items = evident_xlsx_table_new ("Items");
  evident_xlsx_table_add_column (*items, "Reference", 12, EVIDENT_XLSX_COLUMN_DEFAULT);
  evident_xlsx_table_add_column (*items, "Requirement", 60, EVIDENT_XLSX_COLUMN_WRAP);
  evident_xlsx_table_add_column (*items, "Points", 0, EVIDENT_XLSX_COLUMN_DEFAULT);
  evident_xlsx_table_add_column (*items, "Response", 0, EVIDENT_XLSX_COLUMN_WRAP);

  row = evident_xlsx_table_add_row (*items);
  evident_xlsx_table_set_string (*items, row, 0, "OPSP-001");
  evident_xlsx_table_set_string (*items, row, 1, "Runbooks for routine operations\nreviewed yearly");
  evident_xlsx_table_set_number (*items, row, 2, 15);
  evident_xlsx_table_set_string (*items, row, 3, "Grüße & <Co> \"quoted\"");

  row = evident_xlsx_table_add_row (*items);
  evident_xlsx_table_set_string (*items, row, 0, "SECP-004");
  evident_xlsx_table_set_string (*items, row, 1, "=1+1 stays text");
  evident_xlsx_table_set_number (*items, row, 2, 2.5);
  /* Response left empty. */

  *summary = evident_xlsx_table_new ("Summary: a/b [draft]");
  evident_xlsx_table_add_column (*summary, "Chapter", 0, EVIDENT_XLSX_COLUMN_DEFAULT);
  evident_xlsx_table_add_column (*summary, "Items", 0, EVIDENT_XLSX_COLUMN_DEFAULT);
  row = evident_xlsx_table_add_row (*summary);
  evident_xlsx_table_set_string (*summary, row, 0, "Operations");
  evident_xlsx_table_set_number (*summary, row, 1, 42);
}

static void
test_write (void)
{
  g_autofree char *dir = g_dir_make_tmp ("evident-xlsx-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "export.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentXlsxTable) items = NULL;
  g_autoptr (EvidentXlsxTable) summary = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *strings = NULL;
  EvidentXlsxTable *tables[2];

  build_tables (&items, &summary);
  tables[0] = items;
  tables[1] = summary;
  g_assert_true (evident_xlsx_write_tables (file, tables, 2, NULL, &error));
  g_assert_no_error (error);

  bytes = read_file (path);
  workbook = evident_test_zip_read_text (bytes, "xl/workbook.xml");
  sheet = evident_test_zip_read_text (bytes, "xl/worksheets/sheet1.xml");
  strings = evident_test_zip_read_text (bytes, "xl/sharedStrings.xml");

  /* Sheet names made valid. */
  g_assert_nonnull (strstr (workbook, "name=\"Items\""));
  g_assert_nonnull (strstr (workbook, "name=\"Summary- a-b -draft-\""));

  /* Frozen header, autofilter over the table, widths, values. */
  g_assert_nonnull (strstr (sheet, "ySplit=\"1\""));
  g_assert_nonnull (strstr (sheet, "state=\"frozen\""));
  g_assert_nonnull (strstr (sheet, "<autoFilter ref=\"A1:D3\"/>"));
  g_assert_nonnull (strstr (sheet, "<col min=\"2\" max=\"2\" width=\"60.7109375\""));
  g_assert_nonnull (strstr (sheet, "<v>15</v>"));
  g_assert_nonnull (strstr (sheet, "<v>2.5</v>"));
  g_assert_null (strstr (sheet, "<f>"));
  g_assert_nonnull (strstr (strings, "Grüße &amp; &lt;Co&gt; \"quoted\""));
  g_assert_nonnull (strstr (strings, "Runbooks for routine operations\nreviewed yearly"));
  g_assert_nonnull (strstr (strings, "=1+1 stays text"));

  /* Nothing but the workbook in the folder. */
  {
    g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);

    g_assert_cmpstr (g_dir_read_name (listing), ==, "export.xlsx");
    g_assert_null (g_dir_read_name (listing));
  }

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_libreoffice_reads (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (EvidentXlsxTable) items = NULL;
  g_autoptr (EvidentXlsxTable) summary = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GHashTable) sheets = NULL;
  GPtrArray *rows;
  EvidentXlsxTable *tables[2];

  if (evident_test_soffice_skip ())
    return;

  dir = g_dir_make_tmp ("evident-xlsx-writer-XXXXXX", NULL);
  path = g_build_filename (dir, "export.xlsx", NULL);
  file = g_file_new_for_path (path);
  build_tables (&items, &summary);
  tables[0] = items;
  tables[1] = summary;
  g_assert_true (evident_xlsx_write_tables (file, tables, 2, NULL, &error));
  g_assert_no_error (error);

  bytes = read_file (path);
  sheets = evident_test_soffice_read (bytes, &error);
  g_assert_no_error (error);

  rows = g_hash_table_lookup (sheets, "Items");
  g_assert_nonnull (rows);
  g_assert_cmpstr (evident_test_sheet_cell (rows, 0, 1), ==, "Requirement");
  g_assert_cmpstr (evident_test_sheet_cell (rows, 1, 0), ==, "OPSP-001");
  g_assert_cmpstr (evident_test_sheet_cell (rows, 1, 1), ==,
                   "Runbooks for routine operations\nreviewed yearly");
  g_assert_cmpstr (evident_test_sheet_cell (rows, 1, 2), ==, "15");
  g_assert_cmpstr (evident_test_sheet_cell (rows, 1, 3), ==, "Grüße & <Co> \"quoted\"");
  g_assert_cmpstr (evident_test_sheet_cell (rows, 2, 1), ==, "=1+1 stays text");
  g_assert_cmpstr (evident_test_sheet_cell (rows, 2, 2), ==, "2.5");

  rows = g_hash_table_lookup (sheets, "Summary- a-b -draft-");
  g_assert_nonnull (rows);
  g_assert_cmpstr (evident_test_sheet_cell (rows, 1, 0), ==, "Operations");
  g_assert_cmpstr (evident_test_sheet_cell (rows, 1, 1), ==, "42");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_sheet_names (void)
{
  g_autofree char *dir = g_dir_make_tmp ("evident-xlsx-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "names.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentXlsxTable) a = evident_xlsx_table_new ("Items");
  g_autoptr (EvidentXlsxTable) b = evident_xlsx_table_new ("items");
  g_autoptr (EvidentXlsxTable) c = evident_xlsx_table_new (
    "A chapter title far longer than thirty-one characters");
  g_autoptr (EvidentXlsxTable) d = evident_xlsx_table_new ("'?'");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *workbook = NULL;
  EvidentXlsxTable *tables[4];

  tables[0] = a;
  tables[1] = b;
  tables[2] = c;
  tables[3] = d;
  g_assert_true (evident_xlsx_write_tables (file, tables, 4, NULL, &error));
  g_assert_no_error (error);

  bytes = read_file (path);
  workbook = evident_test_zip_read_text (bytes, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"Items\""));
  g_assert_nonnull (strstr (workbook, "name=\"items (2)\""));
  g_assert_nonnull (strstr (workbook, "name=\"A chapter title far longer than\""));
  g_assert_nonnull (strstr (workbook, "name=\"-\""));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_limits (void)
{
  g_autofree char *dir = g_dir_make_tmp ("evident-xlsx-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentXlsxTable) table = evident_xlsx_table_new ("Items");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) umlauts = g_string_new (NULL);
  g_autofree char *too_long = g_strnfill (32768, 'x');
  g_autofree char *text = NULL;
  guint row;

  /* 20,000 characters in 40,000 bytes fit a cell: Excel counts characters. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (umlauts, "ü");
  evident_xlsx_table_add_column (table, "Reference", 0, EVIDENT_XLSX_COLUMN_DEFAULT);
  evident_xlsx_table_add_column (table, "Requirement", 0, EVIDENT_XLSX_COLUMN_WRAP);
  row = evident_xlsx_table_add_row (table);
  evident_xlsx_table_set_string (table, row, 1, umlauts->str);
  g_assert_true (evident_xlsx_write_tables (file, &table, 1, NULL, &error));
  g_assert_no_error (error);

  /* One character more than a cell holds: refused, naming the cell; the
   * earlier file stays. */
  row = evident_xlsx_table_add_row (table);
  evident_xlsx_table_set_string (table, row, 1, too_long);
  g_assert_false (evident_xlsx_write_tables (file, &table, 1, NULL, &error));
  g_assert_error (error, EVIDENT_XLSX_WRITER_ERROR, EVIDENT_XLSX_WRITER_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "long.xlsx"));
  g_assert_nonnull (strstr (error->message, "Sheet “Items”, cell B3"));
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Cancelled: the earlier file stays, nothing else is left. */
  evident_xlsx_table_set_string (table, row, 1, "short");
  g_cancellable_cancel (cancellable);
  g_assert_false (evident_xlsx_write_tables (file, &table, 1, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  {
    g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);

    g_assert_cmpstr (g_dir_read_name (listing), ==, "long.xlsx");
    g_assert_null (g_dir_read_name (listing));
  }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xlsx-writer/write", test_write);
  g_test_add_func ("/xlsx-writer/libreoffice-reads", test_libreoffice_reads);
  g_test_add_func ("/xlsx-writer/sheet-names", test_sheet_names);
  g_test_add_func ("/xlsx-writer/limits", test_limits);

  return g_test_run ();
}
