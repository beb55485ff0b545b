/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The workbook reader, on workbooks built here member by member (so each
 * edge case is exactly what a test says), on one written by libxlsxwriter,
 * and on hostile or broken files, each refused with a message that names
 * the file and the place. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#if HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

#include "evident-test-zip.h"
#include "evident-xlsx-private.h"
#include "evident-xlsx.h"

#define NAME "review.xlsx"

/* Helpers */

/* A workbook of one sheet "Checks" with @rows, optional @after (merges),
 * shared strings @items and styles. */
static GBytes *
build_workbook (const char *rows, const char *after, const char *items, const char *styles)
{
  g_autofree char *sheet = evident_test_xlsx_worksheet (rows, after);
  g_autofree char *sst = evident_test_xlsx_shared_strings (items != NULL ? items : "");
  EvidentTestZipSheet sheets[] = { { "Checks", sheet, NULL } };
  EvidentTestZip  *zip = evident_test_zip_new ();

  evident_test_xlsx_add_package (zip, sheets, 1, FALSE);
  evident_test_zip_add (zip, "xl/sharedStrings.xml", sst);
  if (styles != NULL)
    evident_test_zip_add (zip, "xl/styles.xml", styles);
  return evident_test_zip_finish (zip);
}

static EvidentWorkbook *
load_ok (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  EvidentWorkbook *workbook = evident_workbook_load (bytes, NAME, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workbook);
  return workbook;
}

/* Loads @bytes, expecting @code and a message that names the file and
 * each of the NULL-terminated places. */
static void
assert_refused (GBytes *bytes, int code, ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentWorkbook) workbook = evident_workbook_load (bytes, NAME, NULL, &error);
  const char *place;
  va_list     args;

  g_assert_null (workbook);
  g_assert_error (error, EVIDENT_XLSX_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“" NAME "”"));

  va_start (args, code);
  while ((place = va_arg (args, const char *)) != NULL)
    {
      if (strstr (error->message, place) == NULL)
        g_error ("“%s” does not name “%s”", error->message, place);
    }
  va_end (args);
}

/* The first @needle in @data: the local header of a member, say. */
static const guint8 *
find_bytes (const guint8 *data, gsize size, const char *needle)
{
  gsize len = strlen (needle);

  for (gsize i = 0; i + len <= size; i++)
    if (memcmp (data + i, needle, len) == 0)
      return data + i;
  return NULL;
}

static const char *
cell (EvidentWorkbook *workbook, guint sheet, guint row, guint column)
{
  return evident_sheet_get_cell (evident_workbook_get_sheet (workbook, sheet), row, column);
}

/* Values */

static void
test_strings (void)
{
  const char *items =
      /* 0: plain */
      "<si><t>Operations review</t></si>"
      /* 1: rich text: title, an italic second line, the requirement */
      "<si><r><rPr><b/></rPr><t>Runbooks exist</t></r>"
      "<r><rPr><i/></rPr><t xml:space=\"preserve\">_x000D_\nMandatory_x000D_\n</t></r>"
      "<r><t xml:space=\"preserve\">Every service has a runbook.\nEvidence: the runbook index.</t></r></si>"
      /* 2: phonetic runs are left out */
      "<si><t>Tokyo</t><rPh sb=\"0\" eb=\"5\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
      /* 3: a non-breaking space, spaces kept, an escaped escape */
      "<si><t xml:space=\"preserve\">  two\xc2\xa0words  _x005F_x000D_</t></si>"
      /* 4: empty */
      "<si><t/></si>";
  const char *rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Inline &amp; plain</t></is></c>"
      "<c r=\"B2\" t=\"inlineStr\"><is><r><t>Inline </t></r><r><rPr><i/></rPr><t>rich</t></r></is></c>"
      "<c r=\"C2\" t=\"str\"><f>CONCAT(\"a\",\"b\")</f><v>ab_x000D_</v></c>"
      "<c r=\"D2\" t=\"b\"><v>1</v></c><c r=\"E2\" t=\"b\"><v>0</v></c>"
      "<c r=\"F2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row>"
      /* A formula without a cached value reads empty. */
      "<row r=\"3\"><c r=\"A3\"><f>SUM(B3:C3)</f></c><c r=\"B3\"><f>1+1</f><v>2</v></c></row>";
  g_autoptr (GBytes) bytes = build_workbook (rows, NULL, items, NULL);
  g_autoptr (EvidentWorkbook) workbook = load_ok (bytes);

  g_assert_cmpuint (evident_workbook_get_n_sheets (workbook), ==, 1);
  g_assert_cmpstr (evident_sheet_get_name (evident_workbook_get_sheet (workbook, 0)), ==, "Checks");
  g_assert_cmpstr (cell (workbook, 0, 0, 0), ==, "Operations review");
  g_assert_cmpstr (cell (workbook, 0, 0, 1), ==,
                   "Runbooks exist\r\nMandatory\r\nEvery service has a runbook.\n"
                   "Evidence: the runbook index.");
  g_assert_cmpstr (cell (workbook, 0, 0, 2), ==, "Tokyo");
  g_assert_cmpstr (cell (workbook, 0, 0, 3), ==, "  two\xc2\xa0words  _x000D_");
  g_assert_cmpstr (cell (workbook, 0, 0, 4), ==, "");

  g_assert_cmpstr (cell (workbook, 0, 1, 0), ==, "Inline & plain");
  g_assert_cmpstr (cell (workbook, 0, 1, 1), ==, "Inline rich");
  g_assert_cmpstr (cell (workbook, 0, 1, 2), ==, "ab\r");
  g_assert_cmpstr (cell (workbook, 0, 1, 3), ==, "TRUE");
  g_assert_cmpstr (cell (workbook, 0, 1, 4), ==, "FALSE");
  g_assert_cmpstr (cell (workbook, 0, 1, 5), ==, "#DIV/0!");
  g_assert_cmpstr (cell (workbook, 0, 2, 0), ==, "");
  g_assert_cmpstr (cell (workbook, 0, 2, 1), ==, "2");
}

static void
test_numbers_and_dates (void)
{
  g_autofree char *styles = evident_test_xlsx_styles (
      "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\\ hh:mm\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"#,##0.00\\ &quot;days&quot;\"/>"
      "<numFmt numFmtId=\"166\" formatCode=\"[h]:mm\"/>",
      /* 0 general, 1 short date, 2 custom date-time, 3 custom number
       * with a quoted "days", 4 elapsed time, 5 percent */
      "<xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"><alignment wrapText=\"1\"/></xf>"
      "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"10\"/>");
  const char *rows =
      "<row r=\"1\"><c r=\"A1\"><v>42</v></c><c r=\"B1\"><v>0.10000000000000001</v></c>"
      "<c r=\"C1\" t=\"n\"><v>-3</v></c><c r=\"D1\"><v>1E-3</v></c><c r=\"E1\"><v>2.5</v></c>"
      "<c r=\"F1\"><v>1.2345678901234567E+19</v></c><c r=\"G1\"><v>not a number</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>45444</v></c><c r=\"B2\" s=\"2\"><v>45444.5</v></c>"
      "<c r=\"C2\" s=\"2\"><v>45444.000173611108</v></c><c r=\"D2\" s=\"3\"><v>12</v></c>"
      "<c r=\"E2\" s=\"4\"><v>1.5</v></c><c r=\"F2\" s=\"5\"><v>0.25</v></c>"
      "<c r=\"G2\" s=\"99\"><v>7</v></c><c r=\"H2\" t=\"d\"><v>2024-06-01T00:00:00</v></c></row>"
      /* Lotus's leap day and the days around it. */
      "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>59</v></c><c r=\"B3\" s=\"1\"><v>60</v></c>"
      "<c r=\"C3\" s=\"1\"><v>61</v></c><c r=\"D3\" s=\"1\"><v>1</v></c><c r=\"E3\" s=\"2\"><v>0.75</v></c></row>";
  g_autoptr (GBytes) bytes = build_workbook (rows, NULL, NULL, styles);
  g_autoptr (EvidentWorkbook) workbook = load_ok (bytes);

  g_assert_false (evident_workbook_get_date1904 (workbook));
  g_assert_cmpstr (cell (workbook, 0, 0, 0), ==, "42");
  g_assert_cmpstr (cell (workbook, 0, 0, 1), ==, "0.1");
  g_assert_cmpstr (cell (workbook, 0, 0, 2), ==, "-3");
  g_assert_cmpstr (cell (workbook, 0, 0, 3), ==, "0.001");
  g_assert_cmpstr (cell (workbook, 0, 0, 4), ==, "2.5");
  g_assert_cmpstr (cell (workbook, 0, 0, 5), ==, "1.2345678901234567e+19");
  g_assert_cmpstr (cell (workbook, 0, 0, 6), ==, "not a number");

  g_assert_cmpstr (cell (workbook, 0, 1, 0), ==, "2024-06-01");
  g_assert_cmpstr (cell (workbook, 0, 1, 1), ==, "2024-06-01 12:00");
  g_assert_cmpstr (cell (workbook, 0, 1, 2), ==, "2024-06-01 00:00:15");
  g_assert_cmpstr (cell (workbook, 0, 1, 3), ==, "12");
  g_assert_cmpstr (cell (workbook, 0, 1, 4), ==, "36:00:00");
  g_assert_cmpstr (cell (workbook, 0, 1, 5), ==, "0.25");
  g_assert_cmpstr (cell (workbook, 0, 1, 6), ==, "7");
  g_assert_cmpstr (cell (workbook, 0, 1, 7), ==, "2024-06-01");

  g_assert_cmpstr (cell (workbook, 0, 2, 0), ==, "1900-02-28");
  g_assert_cmpstr (cell (workbook, 0, 2, 1), ==, "1900-02-29");
  g_assert_cmpstr (cell (workbook, 0, 2, 2), ==, "1900-03-01");
  g_assert_cmpstr (cell (workbook, 0, 2, 3), ==, "1900-01-01");
  g_assert_cmpstr (cell (workbook, 0, 2, 4), ==, "18:00:00");
}

static void
test_date1904 (void)
{
  g_autofree char *styles = evident_test_xlsx_styles (NULL, "<xf numFmtId=\"0\"/><xf numFmtId=\"15\"/>");
  g_autofree char *sheet = evident_test_xlsx_worksheet (
      "<row><c s=\"1\"><v>43982</v></c><c s=\"1\"><v>0</v></c><c><v>43982</v></c></row>", NULL);
  EvidentTestZipSheet sheets[] = { { "Mac", sheet, NULL } };
  EvidentTestZip  *zip = evident_test_zip_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (EvidentWorkbook) workbook = NULL;

  evident_test_xlsx_add_package (zip, sheets, 1, TRUE);
  evident_test_zip_add (zip, "xl/styles.xml", styles);
  evident_test_zip_add (zip, "xl/sharedStrings.xml", "<sst/>");
  bytes = evident_test_zip_finish (zip);
  workbook = load_ok (bytes);

  g_assert_true (evident_workbook_get_date1904 (workbook));
  g_assert_cmpstr (cell (workbook, 0, 0, 0), ==, "2024-06-01");
  g_assert_cmpstr (cell (workbook, 0, 0, 1), ==, "1904-01-01");
  g_assert_cmpstr (cell (workbook, 0, 0, 2), ==, "43982");
}

static void
test_formats (void)
{
  g_autofree char *shortest = evident_xlsx_format_number ("0.30000000000000004", 0, FALSE);
  g_autofree char *integral = evident_xlsx_format_number ("1e3", 0, FALSE);
  g_autofree char *negative_zero = evident_xlsx_format_number ("-0", 0, FALSE);
  g_autofree char *time = evident_xlsx_format_number ("0.5", EVIDENT_XLSX_FORMAT_TIME, FALSE);
  g_autofree char *late = evident_xlsx_format_number ("45444.99999999", EVIDENT_XLSX_FORMAT_DATE,
                                                       FALSE);

  g_assert_cmpstr (shortest, ==, "0.30000000000000004");
  g_assert_cmpstr (integral, ==, "1000");
  g_assert_cmpstr (negative_zero, ==, "0");
  g_assert_cmpstr (time, ==, "12:00:00");
  g_assert_cmpstr (late, ==, "2024-06-02");
  g_assert_null (evident_xlsx_format_number ("", 0, FALSE));
  g_assert_null (evident_xlsx_format_number ("12abc", 0, FALSE));

  g_assert_cmpint (evident_xlsx_format_classify ("General"), ==, EVIDENT_XLSX_FORMAT_NUMBER);
  g_assert_cmpint (evident_xlsx_format_classify ("yyyy-mm-dd"), ==, EVIDENT_XLSX_FORMAT_DATE);
  g_assert_cmpint (evident_xlsx_format_classify ("[$-407]d. mmmm yyyy"), ==,
                   EVIDENT_XLSX_FORMAT_DATE);
  g_assert_cmpint (evident_xlsx_format_classify ("mmm"), ==, EVIDENT_XLSX_FORMAT_DATE);
  g_assert_cmpint (evident_xlsx_format_classify ("h:mm AM/PM"), ==, EVIDENT_XLSX_FORMAT_TIME);
  g_assert_cmpint (evident_xlsx_format_classify ("[mm]:ss"), ==, EVIDENT_XLSX_FORMAT_TIME);
  g_assert_cmpint (evident_xlsx_format_classify ("[Red]#,##0.00;[Blue]-#,##0.00"), ==,
                   EVIDENT_XLSX_FORMAT_NUMBER);
  g_assert_cmpint (evident_xlsx_format_classify ("0.00E+00"), ==, EVIDENT_XLSX_FORMAT_NUMBER);
  g_assert_cmpint (evident_xlsx_format_classify ("#,##0 \"days\""), ==,
                   EVIDENT_XLSX_FORMAT_NUMBER);
  g_assert_cmpint (evident_xlsx_format_classify ("0\\d"), ==, EVIDENT_XLSX_FORMAT_NUMBER);
  g_assert_cmpint (evident_xlsx_format_builtin (22), ==, EVIDENT_XLSX_FORMAT_DATE);
  g_assert_cmpint (evident_xlsx_format_builtin (20), ==, EVIDENT_XLSX_FORMAT_TIME);
  g_assert_cmpint (evident_xlsx_format_builtin (2), ==, EVIDENT_XLSX_FORMAT_NUMBER);
}

/* Numbers in a format of digits keep the text the spreadsheet shows too,
 * when that is the same number written longer: what a reference typed as
 * 1.10 into a number cell formatted 0.00 shows. */
static void
test_shown_numbers (void)
{
  g_autofree char *styles = evident_test_xlsx_styles (
      "<numFmt numFmtId=\"164\" formatCode=\"0.00\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"000\"/>"
      "<numFmt numFmtId=\"166\" formatCode=\"0.0#\"/>"
      "<numFmt numFmtId=\"167\" formatCode=\"#,##0.00\"/>"
      "<numFmt numFmtId=\"168\" formatCode=\"0.0\"/>"
      "<numFmt numFmtId=\"169\" formatCode=\"0.00;[Red]\\-0.00\"/>"
      "<numFmt numFmtId=\"170\" formatCode=\"0.00\\ &quot;pts&quot;\"/>",
      /* 0 general, 1 0.00, 2 000, 3 0.0#, 4 #,##0.00, 5 0.0, 6 built-in
       * 0.00, 7 with a section for negatives, 8 with text */
      "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/>"
      "<xf numFmtId=\"167\"/><xf numFmtId=\"168\"/><xf numFmtId=\"2\"/><xf numFmtId=\"169\"/>"
      "<xf numFmtId=\"170\"/>");
  const char *rows =
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>1.1</v></c><c r=\"B1\" s=\"2\"><v>7</v></c>"
      "<c r=\"C1\" s=\"3\"><v>1.1</v></c><c r=\"D1\" s=\"3\"><v>2</v></c>"
      "<c r=\"E1\" s=\"4\"><v>1.5</v></c><c r=\"F1\" s=\"4\"><v>1234.5</v></c>"
      "<c r=\"G1\" s=\"5\"><v>1.25</v></c><c r=\"H1\" s=\"6\"><v>3.1</v></c>"
      "<c r=\"I1\" s=\"0\"><v>1.1</v></c><c r=\"J1\" s=\"7\"><v>1.1</v></c>"
      "<c r=\"K1\" s=\"7\"><v>-1.1</v></c><c r=\"L1\" s=\"8\"><v>1.1</v></c>"
      "<c r=\"M1\" s=\"1\" t=\"inlineStr\"><is><t>1.1</t></is></c></row>";
  g_autoptr (GBytes) bytes = build_workbook (rows, NULL, NULL, styles);
  g_autoptr (EvidentWorkbook) workbook = load_ok (bytes);
  EvidentSheet *sheet = evident_workbook_get_sheet (workbook, 0);
  const struct
  {
    const char *text;
    const char *shown;
  } cells[] = {
    { "1.1", "1.10" },
    { "7", "007" },
    { "1.1", "1.1" },
    { "2", "2.0" },
    { "1.5", "1.50" },
    { "1234.5", "1234.5" }, /* thousands separated as the reader's locale says */
    { "1.25", "1.25" },     /* rounded: not the number */
    { "3.1", "3.10" },
    { "1.1", "1.1" },
    { "1.1", "1.10" },
    { "-1.1", "-1.1" },     /* the section for negatives may show anything */
    { "1.1", "1.1" },       /* "pts" is no digit */
    { "1.1", "1.1" },       /* text stays as typed */
  };

  for (guint column = 0; column < G_N_ELEMENTS (cells); column++)
    {
      g_assert_cmpstr (cell (workbook, 0, 0, column), ==, cells[column].text);
      g_assert_cmpstr (evident_sheet_get_cell_shown (sheet, 0, column), ==, cells[column].shown);
    }
  g_assert_cmpstr (evident_sheet_get_cell_shown (sheet, 5, 5), ==, "");

  g_assert_cmpuint (evident_xlsx_parse_digits ("General"), ==, 0);
  g_assert_cmpuint (evident_xlsx_parse_digits ("0.00%"), ==, 0);
  g_assert_cmpuint (evident_xlsx_parse_digits ("0.00E+00"), ==, 0);
  g_assert_cmpuint (evident_xlsx_parse_digits ("#,##0,"), ==, 0); /* in thousands */
  g_assert_cmpuint (evident_xlsx_parse_digits ("0.#0"), ==, 0);
}

/* Layout */

/* Rows and columns hidden by hand, by a filter or in a collapsed group
 * are marked; grouped rows that show are not. */
static void
test_hidden (void)
{
  const char *cols = "<col min=\"2\" max=\"3\" width=\"0\" hidden=\"1\" customWidth=\"1\"/>"
                     "<col min=\"5\" max=\"5\" width=\"30\" customWidth=\"1\"/>"
                     "<col min=\"7\" max=\"16384\" hidden=\"true\"/>"
                     "<col min=\"0\" max=\"99999\" hidden=\"1\"/>"
                     /* Overlapping what is marked: no spreadsheet's, left out. */
                     "<col min=\"1\" max=\"16384\" hidden=\"1\"/>";
  const char *rows =
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
      "<row r=\"2\" hidden=\"1\"><c r=\"A2\"><v>2</v></c></row>"
      "<row r=\"3\" outlineLevel=\"1\"><c r=\"A3\"><v>3</v></c></row>"
      "<row r=\"4\" outlineLevel=\"1\" hidden=\"true\"><c r=\"A4\"><v>4</v></c></row>"
      "<row r=\"5\" collapsed=\"1\" hidden=\"0\"><c r=\"A5\"><v>5</v></c></row>"
      "<row r=\"7\" hidden=\"1\"/>";
  g_autofree char *worksheet = evident_test_xlsx_worksheet_with_cols (cols, rows, NULL);
  EvidentTestZipSheet sheets[] = { { "Checks", worksheet, NULL } };
  EvidentTestZip  *zip = evident_test_zip_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (EvidentWorkbook) workbook = NULL;
  EvidentSheet *sheet;

  evident_test_xlsx_add_package (zip, sheets, 1, FALSE);
  evident_test_zip_add (zip, "xl/sharedStrings.xml", "<sst/>");
  bytes = evident_test_zip_finish (zip);
  workbook = load_ok (bytes);
  sheet = evident_workbook_get_sheet (workbook, 0);

  g_assert_false (evident_sheet_get_row_hidden (sheet, 0));
  g_assert_true (evident_sheet_get_row_hidden (sheet, 1));
  g_assert_false (evident_sheet_get_row_hidden (sheet, 2));
  g_assert_true (evident_sheet_get_row_hidden (sheet, 3));
  g_assert_false (evident_sheet_get_row_hidden (sheet, 4));
  g_assert_true (evident_sheet_get_row_hidden (sheet, 6));
  g_assert_false (evident_sheet_get_row_hidden (sheet, 100));
  /* A hidden row with nothing in it makes the sheet no longer. */
  g_assert_cmpuint (evident_sheet_get_n_rows (sheet), ==, 5);

  g_assert_false (evident_sheet_get_column_hidden (sheet, 0));
  g_assert_true (evident_sheet_get_column_hidden (sheet, 1));
  g_assert_true (evident_sheet_get_column_hidden (sheet, 2));
  g_assert_false (evident_sheet_get_column_hidden (sheet, 3));
  g_assert_false (evident_sheet_get_column_hidden (sheet, 4));
  g_assert_false (evident_sheet_get_column_hidden (sheet, 5));
  g_assert_true (evident_sheet_get_column_hidden (sheet, 6));
  g_assert_true (evident_sheet_get_column_hidden (sheet, 16383));
  g_assert_cmpstr (cell (workbook, 0, 1, 0), ==, "2");
}

static void
test_sequential (void)
{
  /* Rows and cells without "r" follow the previous ones; row 4 and 5 are
   * absent; an empty <c/> still takes its column. */
  const char *rows =
      "<row><c t=\"inlineStr\"><is><t>ID</t></is></c><c t=\"inlineStr\"><is><t>Requirement</t></is></c></row>"
      "<row><c/><c t=\"inlineStr\"><is><t>B2</t></is></c><c><v>3</v></c></row>"
      "<row r=\"3\"><c r=\"D3\"><v>4</v></c><c><v>5</v></c></row>"
      "<row r=\"6\" spans=\"1:2\"><c t=\"inlineStr\"><is><t>A6</t></is></c></row>"
      "<row/>"
      "<row><c r=\"B8\"><v>8</v></c></row>";
  g_autoptr (GBytes) bytes = build_workbook (rows, NULL, NULL, NULL);
  g_autoptr (EvidentWorkbook) workbook = load_ok (bytes);
  EvidentSheet *sheet = evident_workbook_get_sheet (workbook, 0);

  g_assert_cmpuint (evident_sheet_get_n_rows (sheet), ==, 8);
  g_assert_cmpuint (evident_sheet_get_n_columns (sheet), ==, 5);
  g_assert_cmpstr (cell (workbook, 0, 0, 0), ==, "ID");
  g_assert_cmpstr (cell (workbook, 0, 0, 1), ==, "Requirement");
  g_assert_cmpstr (cell (workbook, 0, 1, 0), ==, "");
  g_assert_cmpstr (cell (workbook, 0, 1, 1), ==, "B2");
  g_assert_cmpstr (cell (workbook, 0, 1, 2), ==, "3");
  g_assert_cmpstr (cell (workbook, 0, 2, 3), ==, "4");
  g_assert_cmpstr (cell (workbook, 0, 2, 4), ==, "5");
  g_assert_true (evident_sheet_row_is_empty (sheet, 3));
  g_assert_true (evident_sheet_row_is_empty (sheet, 4));
  g_assert_cmpstr (cell (workbook, 0, 5, 0), ==, "A6");
  g_assert_true (evident_sheet_row_is_empty (sheet, 6));
  g_assert_cmpstr (cell (workbook, 0, 7, 1), ==, "8");
}

static void
test_merges (void)
{
  const char *rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>3</v></c></row>";
  const char *after =
      "<mergeCells count=\"4\"><mergeCell ref=\"A1:D1\"/><mergeCell ref=\"A4:D4\"/>"
      "<mergeCell ref=\"F10\"/><mergeCell ref=\"nonsense\"/></mergeCells>"
      "<dataValidations count=\"1\"><dataValidation type=\"list\" sqref=\"C5:C9\">"
      "<formula1>\"No,Yes\"</formula1></dataValidation></dataValidations>";
  const char *items = "<si><t>Review checklist</t></si><si><t>ID</t></si>"
                      "<si><t>Requirement</t></si><si><t>Operations</t></si>";
  g_autoptr (GBytes) bytes = build_workbook (rows, after, items, NULL);
  g_autoptr (EvidentWorkbook) workbook = load_ok (bytes);
  EvidentSheet *sheet = evident_workbook_get_sheet (workbook, 0);
  const EvidentSheetRange *band;

  g_assert_cmpuint (evident_sheet_get_n_merges (sheet), ==, 3);
  band = evident_sheet_find_merge (sheet, 3, 2);
  g_assert_nonnull (band);
  g_assert_cmpuint (band->first_row, ==, 3);
  g_assert_cmpuint (band->last_row, ==, 3);
  g_assert_cmpuint (band->first_column, ==, 0);
  g_assert_cmpuint (band->last_column, ==, 3);
  g_assert_nonnull (evident_sheet_find_merge (sheet, 0, 3));
  g_assert_null (evident_sheet_find_merge (sheet, 2, 0));
  g_assert_nonnull (evident_sheet_find_merge (sheet, 9, 5));
  g_assert_cmpstr (cell (workbook, 0, 3, 0), ==, "Operations");
}

static void
test_sheets (void)
{
  g_autofree char *first = evident_test_xlsx_worksheet ("<row><c><v>1</v></c></row>", NULL);
  g_autofree char *second = evident_test_xlsx_worksheet ("<row><c><v>2</v></c></row>", NULL);
  g_autofree char *third = evident_test_xlsx_worksheet ("<row><c><v>3</v></c></row>", NULL);
  EvidentTestZipSheet sheets[] = {
    { "Introduction", first, NULL },
    { "Lists", second, "hidden" },
    { "Security &amp; access", third, "veryHidden" },
  };
  EvidentTestZip  *zip = evident_test_zip_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (EvidentWorkbook) workbook = NULL;

  evident_test_xlsx_add_package (zip, sheets, 3, FALSE);
  evident_test_zip_add (zip, "xl/sharedStrings.xml", "<sst/>");
  bytes = evident_test_zip_finish (zip);
  workbook = load_ok (bytes);

  g_assert_cmpuint (evident_workbook_get_n_sheets (workbook), ==, 3);
  g_assert_cmpstr (evident_sheet_get_name (evident_workbook_get_sheet (workbook, 2)), ==,
                   "Security & access");
  g_assert_cmpstr (evident_workbook_get_sheet_part (workbook, 1), ==, "xl/worksheets/sheet2.xml");
  g_assert_false (evident_workbook_get_sheet_hidden (workbook, 0));
  g_assert_true (evident_workbook_get_sheet_hidden (workbook, 1));
  g_assert_true (evident_workbook_get_sheet_hidden (workbook, 2));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *expected = g_strdup_printf ("%u", i + 1);
      g_assert_cmpstr (cell (workbook, i, 0, 0), ==, expected);
    }
  g_assert_cmpint (evident_workbook_find_sheet (workbook, "LISTS"), ==, 1);
  g_assert_cmpint (evident_workbook_find_sheet (workbook, "Scoring"), ==, -1);
  g_assert_cmpstr (evident_workbook_get_display_name (workbook), ==, NAME);
  g_assert_true (evident_workbook_get_bytes (workbook) == bytes);
}

/* Members in an odd order: sheets before the workbook, shared strings and
 * styles last, relationships with absolute and "../" targets, member
 * names in another case, no [Content_Types].xml, no _rels/.rels. */
static void
test_odd_order (void)
{
  EvidentTestZip *zip = evident_test_zip_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (EvidentWorkbook) workbook = NULL;
  g_autofree char *data = evident_test_xlsx_worksheet (
      "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>1</v></c><c r=\"C2\" s=\"1\"><v>45444</v></c></row>", NULL);
  g_autofree char *cover = evident_test_xlsx_worksheet ("<row><c t=\"s\"><v>0</v></c></row>", NULL);
  g_autofree char *sst = evident_test_xlsx_shared_strings ("<si><t>Cover</t></si><si><t>Data</t></si>");
  g_autofree char *styles = evident_test_xlsx_styles (NULL, "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>");

  evident_test_zip_add (zip, "xl/worksheets/Data.xml", data);
  evident_test_zip_add (zip, "XL/Cover/Sheet.xml", cover);
  evident_test_zip_add (zip, "xl/_rels/workbook.xml.rels",
                        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/Data.xml\"/>"
                        "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"../xl/cover/sheet.xml\"/>"
                        "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"strings/shared.xml\"/>"
                        "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                        "<Relationship Id=\"rId6\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://example.org/\" TargetMode=\"External\"/>"
                        "</Relationships>");
  evident_test_zip_add (zip, "xl/workbook.xml",
                        "<?xml version=\"1.0\"?>\n<!-- written by hand -->\n"
                        "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                        "xmlns:rel=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                        "<x:sheets><x:sheet name=\"Cover\" sheetId=\"2\" rel:id=\"rId3\"/>"
                        "<x:sheet name=\"Data\" sheetId=\"1\" rel:id=\"rId9\"/></x:sheets></x:workbook>");
  evident_test_zip_add (zip, "xl/styles.xml", styles);
  evident_test_zip_add (zip, "xl/strings/shared.xml", sst);
  bytes = evident_test_zip_finish (zip);
  workbook = load_ok (bytes);

  g_assert_cmpuint (evident_workbook_get_n_sheets (workbook), ==, 2);
  g_assert_cmpstr (evident_sheet_get_name (evident_workbook_get_sheet (workbook, 0)), ==, "Cover");
  g_assert_cmpstr (evident_workbook_get_sheet_part (workbook, 0), ==, "XL/Cover/Sheet.xml");
  g_assert_cmpstr (cell (workbook, 0, 0, 0), ==, "Cover");
  g_assert_cmpstr (cell (workbook, 1, 1, 1), ==, "Data");
  g_assert_cmpstr (cell (workbook, 1, 1, 2), ==, "2024-06-01");
}

#if HAVE_XLSXWRITER
static void
test_libxlsxwriter (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("evident-xlsx-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Written by libxlsxwriter.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentWorkbook) workbook = NULL;
  lxw_workbook  *writer = workbook_new (path);
  lxw_worksheet *intro = workbook_add_worksheet (writer, "Introduction");
  lxw_worksheet *checks = workbook_add_worksheet (writer, "Operations");
  lxw_worksheet *lists = workbook_add_worksheet (writer, "Lists");
  lxw_format    *bold = workbook_add_format (writer);
  lxw_format    *italic = workbook_add_format (writer);
  lxw_format    *date = workbook_add_format (writer);
  lxw_rich_string_tuple title = { .format = bold, .string = "Runbooks exist\r\n" };
  lxw_rich_string_tuple level = { .format = italic, .string = "Mandatory\n" };
  lxw_rich_string_tuple text = { .format = NULL, .string = "Every service has a runbook." };
  lxw_rich_string_tuple *rich[] = { &title, &level, &text, NULL };
  lxw_data_validation validation = {
    .validate = LXW_VALIDATION_TYPE_LIST,
    .value_list = (char *[]) { "No", "Yes", NULL },
  };
  lxw_datetime when = { 2024, 6, 1, 13, 30, 0 };

  g_assert_no_error (error);
  format_set_bold (bold);
  format_set_italic (italic);
  format_set_num_format (date, "yyyy-mm-dd hh:mm");

  worksheet_write_string (intro, 0, 0, "How to fill in this review", NULL);
  worksheet_merge_range (checks, 0, 0, 0, 3, "Operations review", bold);
  worksheet_write_string (checks, 2, 0, "ID", bold);
  worksheet_write_string (checks, 2, 1, "Requirement Description", bold);
  worksheet_write_string (checks, 2, 2, "Met?", bold);
  worksheet_write_string (checks, 2, 3, "Response", bold);
  worksheet_merge_range (checks, 3, 0, 3, 3, "Operations", NULL);
  worksheet_write_string (checks, 4, 0, "OPS-001", NULL);
  worksheet_write_rich_string (checks, 4, 1, rich, NULL);
  worksheet_data_validation_range (checks, 4, 2, 20, 2, &validation);
  worksheet_write_boolean (checks, 4, 4, 1, NULL);
  worksheet_write_formula_num (checks, 4, 5, "=2*21", NULL, 42);
  worksheet_write_datetime (checks, 4, 6, &when, date);
  worksheet_write_string (checks, 6, 0, "OPS-002", NULL);
  worksheet_write_number (checks, 6, 4, 1.5, NULL);
  worksheet_write_string (lists, 0, 0, "Yes", NULL);
  worksheet_hide (lists);
  g_assert_cmpint (workbook_close (writer), ==, LXW_NO_ERROR);

  workbook = evident_workbook_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evident_workbook_get_display_name (workbook), ==,
                   "Written by libxlsxwriter.xlsx");
  g_assert_cmpuint (evident_workbook_get_n_sheets (workbook), ==, 3);
  g_assert_true (evident_workbook_get_sheet_hidden (workbook, 2));
  g_assert_false (evident_workbook_get_sheet_hidden (workbook, 1));
  g_assert_cmpstr (cell (workbook, 0, 0, 0), ==, "How to fill in this review");
  g_assert_cmpstr (cell (workbook, 1, 0, 0), ==, "Operations review");
  g_assert_cmpstr (cell (workbook, 1, 2, 1), ==, "Requirement Description");
  g_assert_cmpstr (cell (workbook, 1, 3, 0), ==, "Operations");
  g_assert_cmpstr (cell (workbook, 1, 4, 0), ==, "OPS-001");
  /* libxlsxwriter writes a raw CR, which XML reads as a line end (Excel
   * writes _x000D_ to keep it): the line breaks are LF, as Excel shows. */
  g_assert_cmpstr (cell (workbook, 1, 4, 1), ==,
                   "Runbooks exist\nMandatory\nEvery service has a runbook.");
  g_assert_cmpstr (cell (workbook, 1, 4, 2), ==, "");
  g_assert_cmpstr (cell (workbook, 1, 4, 4), ==, "TRUE");
  g_assert_cmpstr (cell (workbook, 1, 4, 5), ==, "42");
  g_assert_cmpstr (cell (workbook, 1, 4, 6), ==, "2024-06-01 13:30");
  g_assert_cmpstr (cell (workbook, 1, 6, 4), ==, "1.5");
  g_assert_true (evident_sheet_row_is_empty (evident_workbook_get_sheet (workbook, 1), 5));
  g_assert_nonnull (evident_sheet_find_merge (evident_workbook_get_sheet (workbook, 1), 3, 3));
  g_assert_cmpuint (evident_sheet_get_n_merges (evident_workbook_get_sheet (workbook, 1)), ==, 2);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}
#else
static void
test_libxlsxwriter (void)
{
  g_test_skip ("Built without libxlsxwriter");
}
#endif

static void
test_large (void)
{
  g_autoptr (GString) rows = g_string_new (NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (EvidentWorkbook) workbook = NULL;
  EvidentSheet *sheet;

  for (guint r = 1; r <= 100000; r++)
    g_string_append_printf (rows,
                            "<row r=\"%u\"><c r=\"A%u\" t=\"inlineStr\"><is><t>LRG-%06u</t></is></c>"
                            "<c r=\"B%u\"><v>%u</v></c><c r=\"C%u\" t=\"s\"><v>%u</v></c></row>",
                            r, r, r, r, r * 10, r, r % 2);
  bytes = build_workbook (rows->str, NULL, "<si><t>No</t></si><si><t>Yes</t></si>", NULL);
  workbook = load_ok (bytes);
  sheet = evident_workbook_get_sheet (workbook, 0);

  g_assert_cmpuint (evident_sheet_get_n_rows (sheet), ==, 100000);
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 0, 0), ==, "LRG-000001");
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 99999, 0), ==, "LRG-100000");
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 99999, 1), ==, "1000000");
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 99998, 2), ==, "Yes");
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 99999, 2), ==, "No");
}

/* Bad input */

static void
test_not_a_workbook (void)
{
  g_autoptr (GBytes) csv = g_bytes_new_static ("ID,Requirement\nOPS-001,Runbooks\n", 32);
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  EvidentTestZip *zip = evident_test_zip_new ();
  EvidentTestZip *ods = evident_test_zip_new ();
  g_autoptr (GBytes) no_workbook = NULL;
  g_autoptr (GBytes) opendocument = NULL;

  g_assert_false (evident_bytes_look_like_xlsx (csv));
  assert_refused (csv, EVIDENT_XLSX_ERROR_NOT_A_WORKBOOK, ".xlsx", NULL);
  assert_refused (empty, EVIDENT_XLSX_ERROR_NOT_A_WORKBOOK, "empty", NULL);

  evident_test_zip_add (zip, "notes.txt", "Not a workbook");
  evident_test_zip_add (zip, "xl/worksheets/sheet1.xml", "<worksheet/>");
  no_workbook = evident_test_zip_finish (zip);
  g_assert_true (evident_bytes_look_like_xlsx (no_workbook));
  assert_refused (no_workbook, EVIDENT_XLSX_ERROR_NOT_A_WORKBOOK, "xl/workbook.xml", NULL);

  evident_test_zip_add (ods, "mimetype", "application/vnd.oasis.opendocument.spreadsheet");
  evident_test_zip_add (ods, "content.xml", "<office:document-content/>");
  opendocument = evident_test_zip_finish (ods);
  assert_refused (opendocument, EVIDENT_XLSX_ERROR_NOT_A_WORKBOOK, "OpenDocument", NULL);
}

static void
test_compound_files (void)
{
  const char *encrypted_streams[] = { "EncryptionInfo", "EncryptedPackage", NULL };
  const char *xls_streams[] = { "Workbook", NULL };
  const char *doc_streams[] = { "WordDocument", NULL };
  g_autoptr (GBytes) encrypted = evident_test_compound_file_new (encrypted_streams);
  g_autoptr (GBytes) xls = evident_test_compound_file_new (xls_streams);
  g_autoptr (GBytes) doc = evident_test_compound_file_new (doc_streams);
  g_autoptr (GBytes) cut = g_bytes_new_from_bytes (xls, 0, 700);

  g_assert_true (evident_bytes_look_like_xlsx (encrypted));
  g_assert_true (evident_bytes_look_like_xlsx (xls));
  assert_refused (encrypted, EVIDENT_XLSX_ERROR_ENCRYPTED, "password", NULL);
  assert_refused (xls, EVIDENT_XLSX_ERROR_OLD_FORMAT, ".xls", NULL);
  assert_refused (doc, EVIDENT_XLSX_ERROR_NOT_A_WORKBOOK, NULL);
  /* A compound file cut short is not walked past its end. */
  assert_refused (cut, EVIDENT_XLSX_ERROR_NOT_A_WORKBOOK, NULL);
}

static void
test_missing_parts (void)
{
  g_autofree char *sheet = evident_test_xlsx_worksheet ("<row><c t=\"s\"><v>0</v></c></row>", NULL);
  EvidentTestZipSheet with_missing[] = { { "Present", sheet, NULL }, { "Absent", NULL, NULL } };
  EvidentTestZipSheet present[] = { { "Present", sheet, NULL } };
  EvidentTestZip  *zip = evident_test_zip_new ();
  g_autoptr (GBytes) missing_sheet = NULL;
  g_autoptr (GBytes) missing_strings = NULL;
  g_autoptr (GBytes) missing_rels = NULL;
  g_autoptr (GBytes) unknown_rel = NULL;

  evident_test_xlsx_add_package (zip, with_missing, 2, FALSE);
  missing_sheet = evident_test_zip_finish (zip);
  assert_refused (missing_sheet, EVIDENT_XLSX_ERROR_MISSING_PART, "“Absent”",
                  "xl/worksheets/sheet2.xml", NULL);

  /* The workbook's relationships name shared strings the file lacks. */
  zip = evident_test_zip_new ();
  evident_test_xlsx_add_package (zip, present, 1, FALSE);
  missing_strings = evident_test_zip_finish (zip);
  assert_refused (missing_strings, EVIDENT_XLSX_ERROR_MISSING_PART, "xl/sharedStrings.xml", NULL);

  zip = evident_test_zip_new ();
  evident_test_zip_add (zip, "xl/workbook.xml",
                        "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                        "<sheets><sheet name=\"Lost\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  missing_rels = evident_test_zip_finish (zip);
  assert_refused (missing_rels, EVIDENT_XLSX_ERROR_MISSING_PART, "xl/_rels/workbook.xml.rels",
                  NULL);

  zip = evident_test_zip_new ();
  evident_test_zip_add (zip, "xl/workbook.xml",
                        "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                        "<sheets><sheet name=\"Stray\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>");
  evident_test_zip_add (zip, "xl/_rels/workbook.xml.rels", "<Relationships/>");
  unknown_rel = evident_test_zip_finish (zip);
  assert_refused (unknown_rel, EVIDENT_XLSX_ERROR_MISSING_PART, "“Stray”", NULL);
}

static void
test_truncated (void)
{
  g_autoptr (GBytes) whole = build_workbook ("<row><c><v>1</v></c></row>", NULL, NULL, NULL);
  g_autoptr (GBytes) no_directory = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) - 30);
  g_autoptr (GBytes) half = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
  g_autoptr (GBytes) corrupt = NULL;
  EvidentTestZip *zip = evident_test_zip_new ();
  g_autofree char *sheet = evident_test_xlsx_worksheet ("<row><c><v>1</v></c></row>", NULL);
  EvidentTestZipSheet sheets[] = { { "Checks", sheet, NULL } };
  guint8 *data;
  gsize   size;
  const guint8 *found;
  const guint8 *data_start;

  assert_refused (no_directory, EVIDENT_XLSX_ERROR_DAMAGED, "Copy or download it again", NULL);
  assert_refused (half, EVIDENT_XLSX_ERROR_DAMAGED, NULL);

  /* A sheet whose compressed bytes are damaged: the CRC does not match. */
  evident_test_xlsx_add_package (zip, sheets, 1, FALSE);
  evident_test_zip_add (zip, "xl/sharedStrings.xml", "<sst/>");
  corrupt = evident_test_zip_finish (zip);
  data = g_bytes_unref_to_data (g_steal_pointer (&corrupt), &size);
  /* The member's local header: 30 bytes, its name, an extra field, data. */
  found = find_bytes (data, size, "xl/worksheets/sheet1.xml");
  if (found == NULL)
    g_error ("The sheet's local header is missing");
  data_start = found + strlen ("xl/worksheets/sheet1.xml") + (found[-2] | found[-1] << 8);
  data[data_start - data + 20] ^= 0x55;
  corrupt = g_bytes_new_take (data, size);
  assert_refused (corrupt, EVIDENT_XLSX_ERROR_DAMAGED, "xl/worksheets/sheet1.xml", NULL);
}

static void
test_malformed (void)
{
  g_autoptr (GBytes) broken = build_workbook ("<row><c><v>1</v></c></row>\n<row><c></row>", NULL,
                                              NULL, NULL);
  g_autoptr (GBytes) bad_index = build_workbook (
      "<row r=\"14\"><c r=\"A14\" t=\"s\"><v>0</v></c><c r=\"C14\" t=\"s\"><v>7</v></c></row>", NULL,
      "<si><t>One</t></si>", NULL);
  g_autoptr (GBytes) bad_ref = build_workbook ("<row r=\"3\"><c r=\"XFE3\"><v>1</v></c></row>",
                                               NULL, NULL, NULL);
  g_autoptr (GBytes) bad_row = build_workbook ("<row r=\"2000000\"><c><v>1</v></c></row>", NULL,
                                               NULL, NULL);
  g_autoptr (GBytes) undeclared = build_workbook ("<row><c t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row>",
                                                  NULL, NULL, NULL);

  assert_refused (broken, EVIDENT_XLSX_ERROR_MALFORMED, "sheet “Checks”", "xl/worksheets/sheet1.xml",
                  "line 3", NULL);
  assert_refused (bad_index, EVIDENT_XLSX_ERROR_MALFORMED, "Sheet “Checks”, cell C14", "number 7",
                  NULL);
  assert_refused (bad_ref, EVIDENT_XLSX_ERROR_MALFORMED, "Sheet “Checks”, row 3", "XFE3", NULL);
  assert_refused (bad_row, EVIDENT_XLSX_ERROR_MALFORMED, "“Checks”", "2000000", NULL);
  assert_refused (undeclared, EVIDENT_XLSX_ERROR_MALFORMED, "sheet “Checks”", NULL);
}

static void
test_dtd (void)
{
  const char *laughs =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE worksheet [\n"
      " <!ENTITY lol \"lol\">\n"
      " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
      " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
      " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
      " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
      " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
      " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
      " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
      " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
      " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
      "]>\n"
      "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>";
  const char *external =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE sst [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n"
      "<sst><si><t>&secret;</t></si></sst>";
  EvidentTestZipSheet sheets[] = { { "Checks", laughs, NULL } };
  g_autofree char *sheet = evident_test_xlsx_worksheet ("<row><c t=\"s\"><v>0</v></c></row>", NULL);
  EvidentTestZipSheet plain[] = { { "Checks", sheet, NULL } };
  /* "<!DOCTYPE" in UTF-16 gets past the byte scan, not past the reader. */
  const char *utf16_doctype = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE sst><sst/>";
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (utf16_doctype, -1, NULL, NULL, NULL);
  g_autoptr (GByteArray) with_bom = g_byte_array_new ();
  EvidentTestZip *zip = evident_test_zip_new ();
  g_autoptr (GBytes) bytes = NULL;

  evident_test_xlsx_add_package (zip, sheets, 1, FALSE);
  evident_test_zip_add (zip, "xl/sharedStrings.xml", "<sst/>");
  bytes = evident_test_zip_finish (zip);
  assert_refused (bytes, EVIDENT_XLSX_ERROR_UNSAFE, "sheet “Checks”", "document type declaration",
                  NULL);
  g_clear_pointer (&bytes, g_bytes_unref);

  zip = evident_test_zip_new ();
  evident_test_xlsx_add_package (zip, plain, 1, FALSE);
  evident_test_zip_add (zip, "xl/sharedStrings.xml", external);
  bytes = evident_test_zip_finish (zip);
  assert_refused (bytes, EVIDENT_XLSX_ERROR_UNSAFE, "xl/sharedStrings.xml", NULL);
  g_clear_pointer (&bytes, g_bytes_unref);

  g_byte_array_append (with_bom, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (with_bom, (const guint8 *) utf16, strlen (utf16_doctype) * 2);
  zip = evident_test_zip_new ();
  evident_test_xlsx_add_package (zip, plain, 1, FALSE);
  evident_test_zip_add_data (zip, "xl/sharedStrings.xml", with_bom->data, with_bom->len);
  bytes = evident_test_zip_finish (zip);
  assert_refused (bytes, EVIDENT_XLSX_ERROR_UNSAFE, "xl/sharedStrings.xml", NULL);
}

/* A sheet of a 64 MiB run of zeros in one value: deflated, some 64 KiB. */
static void
test_zip_bomb (void)
{
  EvidentTestZipSheet sheets[] = { { "Checks", NULL, NULL } };
  EvidentTestZip  *zip = evident_test_zip_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GTimer) timer = g_timer_new ();

  evident_test_xlsx_add_package (zip, sheets, 1, FALSE);
  evident_test_zip_add_repeated (zip, "xl/worksheets/sheet1.xml",
                                 "<worksheet><sheetData><row><c><v>", '0', 64 * 1024 * 1024,
                                 "</v></c></row></sheetData></worksheet>");
  evident_test_zip_add (zip, "xl/sharedStrings.xml", "<sst/>");
  bytes = evident_test_zip_finish (zip);
  g_assert_cmpuint (g_bytes_get_size (bytes), <, 1024 * 1024);

  g_timer_start (timer);
  assert_refused (bytes, EVIDENT_XLSX_ERROR_TOO_LARGE, "times its size", NULL);
  g_test_message ("refused after %.3f s", g_timer_elapsed (timer, NULL));
}

/* Loads @bytes with @limits, expecting %EVIDENT_XLSX_ERROR_TOO_LARGE and a
 * message that contains @detail. */
static void
assert_limit (GBytes *bytes, const EvidentXlsxLimits *limits, const char *detail)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentWorkbook) workbook =
      evident_workbook_load_with_limits (bytes, NAME, limits, NULL, &error);

  g_assert_null (workbook);
  g_assert_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  if (strstr (error->message, detail) == NULL)
    g_error ("“%s” does not say “%s”", error->message, detail);
}

static void
test_limits (void)
{
  g_autoptr (GBytes) bytes = build_workbook (
      "<row><c><v>1</v></c><c r=\"Z1\"><v>26</v></c></row><row><c><v>2</v></c></row>", NULL,
      "<si><t>Unused</t></si>", NULL);
  EvidentXlsxLimits limits;
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentWorkbook) workbook = NULL;

  evident_xlsx_limits_init (&limits);
  limits.max_part_size = 100;
  assert_limit (bytes, &limits, "its part _rels/.rels unpacks to more than 100");

  evident_xlsx_limits_init (&limits);
  limits.max_total_size = 1000;
  assert_limit (bytes, &limits, "it unpacks to more than 1.0");

  evident_xlsx_limits_init (&limits);
  limits.max_parts = 3;
  assert_limit (bytes, &limits, "more than 3 files");

  evident_xlsx_limits_init (&limits);
  limits.max_file_size = 100;
  assert_limit (bytes, &limits, "larger than 100");

  /* Row 1 spans A to Z: a row and 26 cells; row 2 a row and a cell more. */
  evident_xlsx_limits_init (&limits);
  limits.max_cells = 28;
  assert_limit (bytes, &limits, "more than 28 cells (at sheet “Checks”, row 2)");

  limits.max_cells = 29;
  workbook = evident_workbook_load_with_limits (bytes, NAME, &limits, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cell (workbook, 0, 0, 25), ==, "26");
}

/* Limits on what costs memory or time beyond the bytes unpacked: shared
 * strings, merged ranges, sheets, rows. */
static void
test_limits_counts (void)
{
  g_autoptr (GBytes) bytes = build_workbook (
      "<row r=\"1000\"><c r=\"A1000\"><v>1</v></c></row>",
      "<mergeCells><mergeCell ref=\"A1:B1\"/><mergeCell ref=\"A2:B2\"/></mergeCells>",
      "<si><t>One</t></si><si><t>Two</t></si><si><t>Three</t></si>", NULL);
  EvidentTestZipSheet five[] = { { "1", NULL }, { "2", NULL }, { "3", NULL }, { "4", NULL }, { "5", NULL } };
  EvidentTestZip *zip = evident_test_zip_new ();
  g_autoptr (GBytes) many_sheets = NULL;
  EvidentXlsxLimits limits;

  evident_xlsx_limits_init (&limits);
  limits.max_cells = 2;
  assert_limit (bytes, &limits, "more than 2 shared texts");

  /* A single cell on row 1000 spans a thousand rows. */
  limits.max_cells = 999;
  assert_limit (bytes, &limits, "row 1000");

  evident_xlsx_limits_init (&limits);
  limits.max_merges = 1;
  assert_limit (bytes, &limits, "more than 1 merged ranges (at sheet “Checks”)");

  evident_test_xlsx_add_package (zip, five, 5, FALSE);
  many_sheets = evident_test_zip_finish (zip);
  evident_xlsx_limits_init (&limits);
  limits.max_parts = 4;
  assert_limit (many_sheets, &limits, "xl/workbook.xml lists more than 4 parts");
}

static void
test_cancel (void)
{
  g_autoptr (GBytes) bytes = build_workbook ("<row><c><v>1</v></c></row>", NULL, NULL, NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentWorkbook) workbook = NULL;

  g_cancellable_cancel (cancellable);
  workbook = evident_workbook_load (bytes, NAME, cancellable, &error);
  g_assert_null (workbook);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  EvidentWorkbook **workbook = user_data;
  g_autoptr (GError) error = NULL;

  *workbook = evident_workbook_load_file_finish (result, &error);
  g_assert_no_error (error);
}

/* The import loads off the main thread. */
static void
test_async (void)
{
  g_autoptr (GBytes) bytes = build_workbook ("<row><c t=\"s\"><v>0</v></c></row>", NULL,
                                             "<si><t>Loaded on a worker</t></si>", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("evident-xlsx-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "review.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentWorkbook) workbook = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  evident_workbook_load_file_async (file, NULL, loaded_cb, &workbook);
  while (workbook == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (cell (workbook, 0, 0, 0), ==, "Loaded on a worker");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_missing_file (void)
{
  g_autoptr (GFile) file = g_file_new_for_path ("/nonexistent/evident/review.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentWorkbook) workbook = evident_workbook_load_file (file, NULL, &error);

  g_assert_null (workbook);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xlsx/strings", test_strings);
  g_test_add_func ("/xlsx/numbers-and-dates", test_numbers_and_dates);
  g_test_add_func ("/xlsx/date1904", test_date1904);
  g_test_add_func ("/xlsx/formats", test_formats);
  g_test_add_func ("/xlsx/shown-numbers", test_shown_numbers);
  g_test_add_func ("/xlsx/hidden", test_hidden);
  g_test_add_func ("/xlsx/sequential", test_sequential);
  g_test_add_func ("/xlsx/merges", test_merges);
  g_test_add_func ("/xlsx/sheets", test_sheets);
  g_test_add_func ("/xlsx/odd-order", test_odd_order);
  g_test_add_func ("/xlsx/libxlsxwriter", test_libxlsxwriter);
  g_test_add_func ("/xlsx/large", test_large);
  g_test_add_func ("/xlsx/not-a-workbook", test_not_a_workbook);
  g_test_add_func ("/xlsx/compound-files", test_compound_files);
  g_test_add_func ("/xlsx/missing-parts", test_missing_parts);
  g_test_add_func ("/xlsx/truncated", test_truncated);
  g_test_add_func ("/xlsx/malformed", test_malformed);
  g_test_add_func ("/xlsx/dtd", test_dtd);
  g_test_add_func ("/xlsx/zip-bomb", test_zip_bomb);
  g_test_add_func ("/xlsx/limits", test_limits);
  g_test_add_func ("/xlsx/limits-counts", test_limits_counts);
  g_test_add_func ("/xlsx/cancel", test_cancel);
  g_test_add_func ("/xlsx/async", test_async);
  g_test_add_func ("/xlsx/missing-file", test_missing_file);

  return g_test_run ();
}
