/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "evident-csv-writer.h"
#include "evident-test-xlsx.h"

static char *
writer_text (EvidentCsvWriter *writer)
{
  g_autoptr (GBytes) bytes = evident_csv_writer_get_bytes (writer);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static GPtrArray *
parse (const char *text,
       char        delimiter)
{
  return evident_test_csv_parse (text, strlen (text), delimiter);
}

static void
test_quoting (void)
{
  g_autoptr (EvidentCsvWriter) writer = evident_csv_writer_new (EVIDENT_CSV_WRITER_DEFAULT);
  const char *header[] = { "ref", "title", "requirement", NULL };
  const char *tricky[] = {
    "OPSP-001",
    "Runbooks, reviewed",              /* delimiter */
    "Say \"ready\" when done",         /* quotes */
    NULL,
  };
  const char *lines[] = { "SECP-004", "Two\nlines", "CR LF\r\ninside", NULL };
  const char *spaces[] = { " leading", "trailing ", "in side", NULL };
  const char *plain[] = { "Grüße;ß", "", "a'b", NULL };
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  evident_csv_writer_add_row (writer, header, -1);
  evident_csv_writer_add_row (writer, tricky, 3);
  evident_csv_writer_add_row (writer, lines, 3);
  evident_csv_writer_add_row (writer, spaces, 3);
  evident_csv_writer_add_row (writer, plain, 3);
  g_assert_cmpuint (evident_csv_writer_get_n_rows (writer), ==, 5);

  text = writer_text (writer);
  g_assert_cmpstr (text, ==,
                   "ref,title,requirement\n"
                   "OPSP-001,\"Runbooks, reviewed\",\"Say \"\"ready\"\" when done\"\n"
                   "SECP-004,\"Two\nlines\",\"CR LF\r\ninside\"\n"
                   "\" leading\",\"trailing \",in side\n"
                   "Grüße;ß,,a'b\n");

  /* A strict reader gets every field back as it was. */
  rows = parse (text, ',');
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstrv (g_ptr_array_index (rows, 1), tricky);
  g_assert_cmpstrv (g_ptr_array_index (rows, 2), lines);
  g_assert_cmpstrv (g_ptr_array_index (rows, 3), spaces);
}

static void
test_line_ends_and_bom (void)
{
  g_autoptr (EvidentCsvWriter) writer =
    evident_csv_writer_new (EVIDENT_CSV_WRITER_CRLF | EVIDENT_CSV_WRITER_BOM);
  g_autoptr (EvidentCsvWriter) semicolons = evident_csv_writer_new (EVIDENT_CSV_WRITER_DEFAULT);
  g_autofree char *text = NULL;
  g_autofree char *semi = NULL;

  evident_csv_writer_add_field (writer, "ref");
  evident_csv_writer_add_field (writer, "points");
  evident_csv_writer_end_row (writer);
  evident_csv_writer_add_field (writer, "BUSP-001");
  evident_csv_writer_add_int (writer, -15);
  evident_csv_writer_end_row (writer);
  evident_csv_writer_add_field (writer, "A\nB");
  evident_csv_writer_add_int (writer, G_GINT64_CONSTANT (10000000000));
  /* Left open: get_bytes() ends it. */

  text = writer_text (writer);
  g_assert_cmpstr (text, ==,
                   "\xef\xbb\xbfref,points\r\nBUSP-001,-15\r\n\"A\nB\",10000000000\r\n");

  /* Another delimiter: commas need no quotes, semicolons do. */
  evident_csv_writer_set_delimiter (semicolons, ';');
  evident_csv_writer_add_field (semicolons, "a,b");
  evident_csv_writer_add_field (semicolons, "c;d");
  evident_csv_writer_end_row (semicolons);
  semi = writer_text (semicolons);
  g_assert_cmpstr (semi, ==, "a,b;\"c;d\"\n");
}

static void
test_repeated_columns (void)
{
  g_autoptr (EvidentCsvWriter) writer = evident_csv_writer_new (EVIDENT_CSV_WRITER_DEFAULT);
  const char *header[] = { "Summary", "Labels", "Labels", "Labels", NULL };
  const char *row[] = { "OPSP-001 Runbooks", "Operations", "Service-Delivery", NULL };
  const char *row_filled[] = { "OPSP-001 Runbooks", "Operations", "Service-Delivery", "", NULL };
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  /* Jira reads a multi-valued field from repeated columns; a row with
   * fewer values is filled up to the header's width. */
  evident_csv_writer_add_row (writer, header, -1);
  evident_csv_writer_add_row (writer, row, -1);
  text = writer_text (writer);
  g_assert_cmpstr (text, ==,
                   "Summary,Labels,Labels,Labels\n"
                   "OPSP-001 Runbooks,Operations,Service-Delivery,\n");
  rows = parse (text, ',');
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), header);
  g_assert_cmpstrv (g_ptr_array_index (rows, 1), row_filled);
}

static void
test_edge_cases (void)
{
  g_autoptr (EvidentCsvWriter) single = evident_csv_writer_new (EVIDENT_CSV_WRITER_DEFAULT);
  g_autoptr (EvidentCsvWriter) broken = evident_csv_writer_new (EVIDENT_CSV_WRITER_DEFAULT);
  g_autofree char *text = NULL;
  g_autofree char *repaired = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  /* One column: an empty field is written as "" so that the row is not a
   * blank line a reader would skip. */
  evident_csv_writer_add_field (single, "note");
  evident_csv_writer_end_row (single);
  evident_csv_writer_add_field (single, "");
  evident_csv_writer_end_row (single);
  evident_csv_writer_end_row (single);
  evident_csv_writer_add_field (single, "last");
  evident_csv_writer_end_row (single);
  text = writer_text (single);
  g_assert_cmpstr (text, ==, "note\n\"\"\n\"\"\nlast\n");
  rows = parse (text, ',');
  g_assert_cmpuint (rows->len, ==, 4);

  /* Invalid UTF-8 is repaired, not written through. */
  evident_csv_writer_add_field (broken, "caf\xe9");
  evident_csv_writer_end_row (broken);
  repaired = writer_text (broken);
  g_assert_true (g_utf8_validate (repaired, -1, NULL));
  g_assert_cmpstr (repaired, ==, "caf\xef\xbf\xbd\n");
}

static void
test_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("evident-csv-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "items.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentCsvWriter) writer = evident_csv_writer_new (EVIDENT_CSV_WRITER_CRLF);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GDir) listing = NULL;

  evident_csv_writer_add_field (writer, "ref");
  evident_csv_writer_end_row (writer);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  /* Cancelled: the old file stays, nothing else appears. */
  g_cancellable_cancel (cancellable);
  g_assert_false (evident_csv_writer_save (writer, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "old");
  g_clear_pointer (&text, g_free);

  g_assert_true (evident_csv_writer_save (writer, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "ref\r\n");

  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "items.csv");
  g_assert_null (g_dir_read_name (listing));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-writer/quoting", test_quoting);
  g_test_add_func ("/csv-writer/line-ends-and-bom", test_line_ends_and_bom);
  g_test_add_func ("/csv-writer/repeated-columns", test_repeated_columns);
  g_test_add_func ("/csv-writer/edge-cases", test_edge_cases);
  g_test_add_func ("/csv-writer/save", test_save);

  return g_test_run ();
}
