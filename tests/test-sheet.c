/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "evident-sheet.h"

static void
test_cells (void)
{
  g_autoptr (EvidentSheet) sheet = evident_sheet_new ("Business");

  g_assert_cmpuint (evident_sheet_get_n_rows (sheet), ==, 0);
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 0, 0), ==, "");

  /* Rows and cells left out of the file read as empty. */
  evident_sheet_set_cell (sheet, 4, 2, "Yes");
  evident_sheet_set_cell (sheet, 1, 0, "ID");
  g_assert_cmpuint (evident_sheet_get_n_rows (sheet), ==, 5);
  g_assert_cmpuint (evident_sheet_get_n_columns (sheet), ==, 3);
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 4, 2), ==, "Yes");
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 4, 1), ==, "");
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 3, 2), ==, "");
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 9, 9), ==, "");
  g_assert_true (evident_sheet_row_is_empty (sheet, 2));
  g_assert_false (evident_sheet_row_is_empty (sheet, 4));

  /* Replacing and emptying a cell. */
  evident_sheet_set_cell (sheet, 4, 2, "No");
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 4, 2), ==, "No");
  evident_sheet_set_cell (sheet, 4, 2, NULL);
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 4, 2), ==, "");
  g_assert_true (evident_sheet_row_is_empty (sheet, 4));

  /* White space, non-breaking spaces included, fills nothing. */
  evident_sheet_set_cell (sheet, 6, 0, " \xc2\xa0\r\n");
  evident_sheet_set_cell (sheet, 6, 1, "x");
  g_assert_cmpuint (evident_sheet_row_get_n_filled (sheet, 6), ==, 1);
  evident_sheet_set_cell (sheet, 6, 1, "");
  g_assert_true (evident_sheet_row_is_empty (sheet, 6));
}

/* What a spreadsheet shows beside what a cell holds: hidden rows and
 * columns, and a number's text as its format shows it. */
static void
test_shown (void)
{
  g_autoptr (EvidentSheet) sheet = evident_sheet_new ("Checks");

  evident_sheet_set_cell (sheet, 1, 0, "1.1");
  g_assert_cmpstr (evident_sheet_get_cell_shown (sheet, 1, 0), ==, "1.1");
  evident_sheet_set_cell_shown (sheet, 1, 0, "1.10");
  g_assert_cmpstr (evident_sheet_get_cell_shown (sheet, 1, 0), ==, "1.10");
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 1, 0), ==, "1.1");
  g_assert_cmpstr (evident_sheet_get_cell_shown (sheet, 0, 1), ==, "");
  evident_sheet_set_cell_shown (sheet, 1, 0, NULL);
  g_assert_cmpstr (evident_sheet_get_cell_shown (sheet, 1, 0), ==, "1.1");

  g_assert_false (evident_sheet_get_row_hidden (sheet, 1));
  evident_sheet_set_row_hidden (sheet, 3, TRUE);
  g_assert_true (evident_sheet_get_row_hidden (sheet, 3));
  g_assert_false (evident_sheet_get_row_hidden (sheet, 2));
  g_assert_false (evident_sheet_get_row_hidden (sheet, 4));
  evident_sheet_set_row_hidden (sheet, 3, FALSE);
  evident_sheet_set_row_hidden (sheet, 50, FALSE);
  g_assert_false (evident_sheet_get_row_hidden (sheet, 3));
  /* Marks make the grid no larger. */
  g_assert_cmpuint (evident_sheet_get_n_rows (sheet), ==, 2);

  evident_sheet_set_column_hidden (sheet, 2, TRUE);
  g_assert_true (evident_sheet_get_column_hidden (sheet, 2));
  g_assert_false (evident_sheet_get_column_hidden (sheet, 1));
  g_assert_false (evident_sheet_get_column_hidden (sheet, 9));
  g_assert_cmpuint (evident_sheet_get_n_columns (sheet), ==, 1);
}

static void
test_merges (void)
{
  g_autoptr (EvidentSheet) sheet = evident_sheet_new ("Security");
  EvidentSheetRange band = { 5, 3, 5, 0 }; /* given backwards */
  const EvidentSheetRange *found;

  evident_sheet_add_merge (sheet, &band);
  g_assert_cmpuint (evident_sheet_get_n_merges (sheet), ==, 1);

  found = evident_sheet_find_merge (sheet, 5, 2);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->first_column, ==, 0);
  g_assert_cmpuint (found->last_column, ==, 3);
  g_assert_true (found == evident_sheet_get_merge (sheet, 0));
  g_assert_null (evident_sheet_find_merge (sheet, 6, 2));
  g_assert_null (evident_sheet_find_merge (sheet, 5, 4));
}

static void
test_column_names (void)
{
  const struct
  {
    guint       column;
    const char *name;
  } cases[] = {
    { 0, "A" }, { 2, "C" }, { 25, "Z" }, { 26, "AA" }, { 51, "AZ" },
    { 52, "BA" }, { 701, "ZZ" }, { 702, "AAA" }, { 16383, "XFD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = evident_sheet_column_name (cases[i].column);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static void
test_describe (void)
{
  g_autoptr (EvidentSheet) csv = evident_sheet_new (NULL);
  g_autoptr (EvidentSheet) sheet = evident_sheet_new ("Security");
  g_autofree char *csv_row = NULL;
  g_autofree char *csv_cell = NULL;
  g_autofree char *row = NULL;
  g_autofree char *cell = NULL;

  g_assert_true (evident_sheet_is_csv (csv));
  g_assert_false (evident_sheet_is_csv (sheet));

  /* A CSV record names the line it starts on, which differs from its
   * index when an earlier field spans lines. */
  evident_sheet_set_cell (csv, 2, 0, "SEC-001");
  evident_sheet_set_row_line (csv, 2, 5);
  csv_row = evident_sheet_describe_row (csv, 2);
  csv_cell = evident_sheet_describe_cell (csv, 2, 2);
  g_assert_cmpstr (csv_row, ==, "Line 5");
  g_assert_cmpstr (csv_cell, ==, "Line 5, column 3");

  row = evident_sheet_describe_row (sheet, 13);
  cell = evident_sheet_describe_cell (sheet, 13, 2);
  g_assert_cmpstr (row, ==, "Sheet “Security”, row 14");
  g_assert_cmpstr (cell, ==, "Sheet “Security”, cell C14");
  g_assert_cmpuint (evident_sheet_get_row_line (sheet, 13), ==, 14);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet/cells", test_cells);
  g_test_add_func ("/sheet/shown", test_shown);
  g_test_add_func ("/sheet/merges", test_merges);
  g_test_add_func ("/sheet/column-names", test_column_names);
  g_test_add_func ("/sheet/describe", test_describe);

  return g_test_run ();
}
