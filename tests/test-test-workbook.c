/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "evident-test-workbook.h"
#include "evident-test-xlsx.h"

/* The synthetic self-assessment workbook has the layout the import and
 * export rely on; other tests build on it. */

static char *
without_cr (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '\r')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
test_layout (void)
{
  const EvidentTestWorkbook *desc = evident_test_workbook_get_default ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) zip = evident_test_workbook_build (desc, &error);
  g_autofree char *workbook = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *part = NULL;
  const char *sheet_name = NULL;
  guint sheet_index = 0;
  guint row = 0;

  g_assert_no_error (error);
  workbook = evident_test_zip_read_text (zip, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "<sheet name=\"Introduction\" sheetId=\"1\""));
  g_assert_nonnull (strstr (workbook, "<sheet name=\"Operations\" sheetId=\"2\""));
  g_assert_nonnull (strstr (workbook, "<sheet name=\"Business\" sheetId=\"3\""));

  part = evident_test_workbook_get_part (desc, 0);
  g_assert_cmpstr (part, ==, "xl/worksheets/sheet2.xml");
  sheet = evident_test_zip_read_text (zip, part);

  /* Merged title and bands, the blank row before the second band absent. */
  g_assert_nonnull (strstr (sheet, "<mergeCell ref=\"A1:D1\"/>"));
  g_assert_nonnull (strstr (sheet, "<mergeCell ref=\"A3:D3\"/>"));
  g_assert_nonnull (strstr (sheet, "<mergeCell ref=\"A8:D8\"/>"));
  g_assert_nonnull (strstr (sheet, "<row r=\"6\""));
  g_assert_null (strstr (sheet, "<row r=\"7\""));

  /* Unlocked C:D with column styles, protection, the No,Yes list on C. */
  g_assert_nonnull (strstr (sheet, "<col min=\"3\" max=\"3\" width=\"10.7109375\" style=\""));
  g_assert_nonnull (strstr (sheet, "<sheetProtection"));
  g_assert_nonnull (strstr (sheet, "sqref=\"C3:C12\"><formula1>\"No,Yes\"</formula1>"));

  /* An existing empty, styled answer cell; OPSP-003 without C and D. */
  g_assert_nonnull (strstr (sheet, "<c r=\"C5\" s=\""));
  g_assert_nonnull (strstr (sheet, "<c r=\"B6\""));
  g_assert_null (strstr (sheet, "<c r=\"C6\""));

  /* CR written as Excel does, rich text with the italic level. */
  strings = evident_test_zip_read_text (zip, "xl/sharedStrings.xml");
  g_assert_null (strchr (strings, '\r'));
  g_assert_nonnull (strstr (strings, "_x000D_\nThe partner keeps runbooks"));
  g_assert_nonnull (strstr (strings, "<i/>"));
  g_assert_nonnull (strstr (strings, "Recommended"));

  /* The layout as the description tells it. */
  g_assert_nonnull (evident_test_workbook_locate (desc, "SECP-004", &sheet_name, &sheet_index,
                                                  &row));
  g_assert_cmpstr (sheet_name, ==, "Operations");
  g_assert_cmpuint (sheet_index, ==, 0);
  g_assert_cmpuint (row, ==, 11);
  g_assert_null (evident_test_workbook_locate (desc, "NOPE-001", NULL, NULL, NULL));
  g_assert_cmpuint (evident_test_workbook_get_n_rows (desc, 0), ==, 12);
  g_assert_cmpuint (evident_test_workbook_get_n_rows (desc, 1), ==, 5);
}

static void
test_empty_rows (void)
{
  EvidentTestWorkbook desc = *evident_test_workbook_get_default ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) zip = NULL;
  g_autofree char *sheet = NULL;

  desc.flags = EVIDENT_TEST_WORKBOOK_EMPTY_ROWS | EVIDENT_TEST_WORKBOOK_NO_INTRO;
  zip = evident_test_workbook_build (&desc, &error);
  g_assert_no_error (error);
  sheet = evident_test_zip_read_text (zip, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, "<row r=\"7\" ht=\"20\" customHeight=\"1\"/>"));
}

static void
test_libreoffice_reads (void)
{
  const EvidentTestWorkbook *desc = evident_test_workbook_get_default ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) zip = NULL;
  g_autoptr (GHashTable) sheets = NULL;
  g_autofree char *text = NULL;
  const char *ids[] = { "SECP-001", "SECP-002" };
  GPtrArray *rows;
  guint row;

  if (evident_test_soffice_skip ())
    return;

  zip = evident_test_workbook_build (desc, &error);
  g_assert_no_error (error);
  sheets = evident_test_soffice_read (zip, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (sheets), ==, 3);

  rows = g_hash_table_lookup (sheets, "Introduction");
  g_assert_nonnull (rows);
  g_assert_cmpstr (evident_test_sheet_cell (rows, 0, 0), ==,
                   "Evident sample programme: partner self-assessment");

  rows = g_hash_table_lookup (sheets, "Operations");
  g_assert_nonnull (rows);
  g_assert_cmpstr (evident_test_sheet_cell (rows, 0, 0), ==, "Operations self-assessment");
  g_assert_cmpstr (evident_test_sheet_cell (rows, 1, 2), ==, "Met?");
  g_assert_cmpstr (evident_test_sheet_cell (rows, 2, 0), ==, "Operations");
  g_assert_cmpstr (evident_test_sheet_cell (rows, 3, 0), ==, "OPSP-001");
  g_assert_cmpstr (evident_test_sheet_cell (rows, 3, 2), ==, "Yes");
  g_assert_cmpstr (evident_test_sheet_cell (rows, 6, 0), ==, "");
  g_assert_cmpstr (evident_test_sheet_cell (rows, 7, 0), ==,
                   "Security (partners who hold the X competency are exempt from this section)");

  /* Column B: title, level, requirement and evidence, line breaks and
   * non-breaking spaces as written (LibreOffice's CSV gives line breaks
   * as LF). */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const EvidentTestItem *item = evident_test_workbook_locate (desc, ids[i], NULL, NULL, &row);
      g_autofree char *expected = evident_test_item_get_text (item);
      g_autofree char *read = without_cr (evident_test_sheet_cell (rows, row, 1));

      g_assert_cmpstr (evident_test_sheet_cell (rows, row, 0), ==, ids[i]);
      g_clear_pointer (&text, g_free);
      text = without_cr (expected);
      g_assert_cmpstr (read, ==, text);
    }
  g_assert_nonnull (strstr (text, "one\u00a0year"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/test-workbook/layout", test_layout);
  g_test_add_func ("/test-workbook/empty-rows", test_empty_rows);
  g_test_add_func ("/test-workbook/libreoffice-reads", test_libreoffice_reads);

  return g_test_run ();
}
