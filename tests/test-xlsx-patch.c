/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "evident-test-workbook.h"
#include "evident-test-xlsx.h"
#include "evident-xlsx-patch-private.h"
#include "evident-xlsx-patch.h"

#define NAME "self-assessment.xlsx"

#define RESPONSE_SPECIAL                                                                           \
  "Runbooks <v2> & \"checklists\" 'reviewed' – Grüße, Ärger, ß\nSecond line\r\nThird line\twith tab"

static GBytes *
with_member (GBytes     *zip,
             const char *member,
             const char *text)
{
  g_autoptr (GBytes) content = g_bytes_new (text, strlen (text));

  return evident_test_zip_replace (zip, member, content);
}

static char *
without_cr (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '\r')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* The value of attribute @name of cell @cell in @xml, or NULL. */
static char *
cell_attribute (const char *xml,
                const char *cell,
                const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("<c r=\"%s\"[^>]* %s=\"([^\"]*)\"", cell, name);
  g_autoptr (GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;

  if (!g_regex_match (regex, xml, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

typedef struct
{
  const char *id;      /* an item, or NULL for a row of its own */
  guint       row;     /* when id is NULL */
  guint       column;
  const char *value;
  gboolean    by_part;
  gboolean    by_name;
} Answer;

static const Answer operations_answers[] = {
  { "OPSP-001", 0, 2, "No", FALSE, TRUE },
  { "OPSP-001", 0, 3, RESPONSE_SPECIAL, TRUE, FALSE },
  { "OPSP-002", 0, 2, "No", FALSE, TRUE },             /* overwritten below */
  { "OPSP-002", 0, 3, "Läuft über PagerDuty & Co.\nEskalation nach 15 Minuten.", TRUE, TRUE },
  { "OPSP-003", 0, 2, "Yes", TRUE, FALSE },            /* no C and D cells */
  { "OPSP-003", 0, 3, "Change board minutes are attached.", FALSE, TRUE },
  { "SECP-003", 0, 3, "Scanner runs nightly; findings go to the backlog <weekly>, file_x0041_.txt.", FALSE, TRUE },
  { "SECP-004", 0, 2, "", FALSE, TRUE },               /* stays empty */
  { NULL, 6, 3, "A note in a blank row", TRUE, FALSE },
  { NULL, 14, 3, "Appendix: see the attached evidence", FALSE, TRUE },
  { "OPSP-002", 0, 2, "Yes", FALSE, TRUE },            /* the later write wins */
};

static guint
answer_row (const EvidentTestWorkbook *desc,
            const Answer              *answer)
{
  guint row = answer->row;

  if (answer->id != NULL)
    g_assert_nonnull (evident_test_workbook_locate (desc, answer->id, NULL, NULL, &row));
  return row;
}

/* The writes of the round trip: the Operations answers, and one item of
 * the Business sheet, named in another case. */
static GArray *
round_trip_writes (const EvidentTestWorkbook *desc,
                   char                     **part)
{
  GArray *writes = g_array_new (FALSE, TRUE, sizeof (EvidentCellWrite));
  EvidentCellWrite write = { 0 };
  guint row;

  *part = evident_test_workbook_get_part (desc, 0);
  for (guint i = 0; i < G_N_ELEMENTS (operations_answers); i++)
    {
      const Answer *answer = &operations_answers[i];

      write.sheet_name = answer->by_name ? "Operations" : NULL;
      write.sheet_part = answer->by_part ? *part : NULL;
      write.row = answer_row (desc, answer);
      write.column = answer->column;
      write.value = answer->value;
      g_array_append_val (writes, write);
    }

  g_assert_nonnull (evident_test_workbook_locate (desc, "BUSP-002", NULL, NULL, &row));
  write.sheet_name = "BUSINESS";
  write.sheet_part = NULL;
  write.row = row;
  write.column = 2;
  write.value = "Yes";
  g_array_append_val (writes, write);
  write.column = 3;
  write.value = "Two references; contacts on request.";
  g_array_append_val (writes, write);
  return writes;
}

static void
assert_only_cells_differ (GBytes                    *original,
                          GBytes                    *patched,
                          const EvidentTestWorkbook *desc)
{
  g_autoptr (GPtrArray) before = evident_test_zip_list (original);
  g_autoptr (GPtrArray) after = evident_test_zip_list (patched);
  g_autofree char *operations = evident_test_workbook_get_part (desc, 0);
  g_autofree char *business = evident_test_workbook_get_part (desc, 1);
  const char *operations_cells[] = { "C4", "D4", "C5", "D5", "C6", "D6", "D11", "C12", "D7",
                                     "D15", NULL };
  const char *business_cells[] = { "C5", "D5", NULL };

  /* The same members in the same order. */
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (g_ptr_array_index (before, i), ==, g_ptr_array_index (after, i));

  for (guint i = 0; i < before->len; i++)
    {
      const char *member = g_ptr_array_index (before, i);
      g_autoptr (GBytes) a = evident_test_zip_read (original, member);
      g_autoptr (GBytes) b = evident_test_zip_read (patched, member);
      const char * const *cells = NULL;

      if (strcmp (member, operations) == 0)
        cells = operations_cells;
      else if (strcmp (member, business) == 0)
        cells = business_cells;

      if (cells == NULL)
        {
          g_autoptr (GBytes) raw_a = evident_test_zip_read_raw (original, member);
          g_autoptr (GBytes) raw_b = evident_test_zip_read_raw (patched, member);

          /* Every other member byte for byte, copied as it was stored. */
          g_assert_true (g_bytes_equal (a, b));
          g_assert_true (g_bytes_equal (raw_a, raw_b));
          continue;
        }

      {
        g_autofree char *text_a = evident_test_zip_read_text (original, member);
        g_autofree char *text_b = evident_test_zip_read_text (patched, member);
        g_autofree char *stripped_a = evident_test_xlsx_strip_cells (text_a, cells, FALSE);
        g_autofree char *stripped_b = evident_test_xlsx_strip_cells (text_b, cells, TRUE);

        /* Written to, and nothing but the written cells differ. */
        g_assert_false (g_bytes_equal (a, b));
        g_assert_cmpstr (stripped_a, ==, stripped_b);
      }
    }
}

static void
assert_cells_as_written (GBytes                    *original,
                         GBytes                    *patched,
                         const EvidentTestWorkbook *desc)
{
  g_autofree char *part = evident_test_workbook_get_part (desc, 0);
  g_autofree char *before = evident_test_zip_read_text (original, part);
  g_autofree char *after = evident_test_zip_read_text (patched, part);
  g_autofree char *c5_before = cell_attribute (before, "C5", "s");
  g_autofree char *c5_after = cell_attribute (after, "C5", "s");
  g_autofree char *c6 = cell_attribute (after, "C6", "s");
  g_autofree char *d15 = cell_attribute (after, "D15", "s");
  g_autofree char *c12_before = NULL;
  g_autofree char *c12_after = NULL;
  g_autoptr (GRegex) column_style = g_regex_new ("<col min=\"3\" max=\"3\"[^>]* style=\"([0-9]+)\"",
                                                 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *c_style = NULL;
  g_autofree char *d_style = NULL;

  /* An existing cell keeps its style; new cells take their column's. */
  g_assert_nonnull (c5_before);
  g_assert_cmpstr (c5_after, ==, c5_before);
  g_assert_true (g_regex_match (column_style, before, 0, &match));
  c_style = g_match_info_fetch (match, 1);
  g_assert_cmpstr (c6, ==, c_style);
  g_clear_pointer (&match, g_match_info_unref);
  g_clear_pointer (&column_style, g_regex_unref);
  column_style = g_regex_new ("<col min=\"4\" max=\"4\"[^>]* style=\"([0-9]+)\"", 0, 0, NULL);
  g_assert_true (g_regex_match (column_style, before, 0, &match));
  d_style = g_match_info_fetch (match, 1);
  g_assert_cmpstr (d15, ==, d_style);

  /* Inline strings, escaped, line breaks kept, CR as Excel writes it. */
  g_assert_nonnull (strstr (after, "<c r=\"C4\" s=\""));
  g_assert_nonnull (strstr (after, "t=\"inlineStr\"><is><t xml:space=\"preserve\">No</t></is></c>"));
  g_assert_nonnull (strstr (after, "Runbooks &lt;v2&gt; &amp; \"checklists\" 'reviewed' – Grüße, "
                                   "Ärger, ß\nSecond line_x000D_\nThird line\twith tab"));
  g_assert_nonnull (strstr (after, "<row r=\"15\"><c r=\"D15\""));

  /* An empty write leaves an empty cell as it was. */
  c12_before = cell_attribute (before, "C12", "s");
  c12_after = cell_attribute (after, "C12", "s");
  g_assert_cmpstr (c12_before, ==, c12_after);
  g_assert_null (cell_attribute (after, "C12", "t"));
}

static void
assert_libreoffice_reads (GBytes                    *patched,
                          const EvidentTestWorkbook *desc)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) sheets = NULL;
  GPtrArray *rows;
  guint row;

  sheets = evident_test_soffice_read (patched, &error);
  g_assert_no_error (error);

  rows = g_hash_table_lookup (sheets, "Operations");
  g_assert_nonnull (rows);
  /* The last write to each cell; an empty one leaves the cell empty. */
  for (guint i = 0; i < G_N_ELEMENTS (operations_answers); i++)
    {
      const Answer *answer = &operations_answers[i];
      guint later;
      g_autofree char *expected = without_cr (answer->value);
      g_autofree char *read = NULL;
      gboolean overwritten = FALSE;

      for (later = i + 1; later < G_N_ELEMENTS (operations_answers); later++)
        overwritten |= g_strcmp0 (operations_answers[later].id, answer->id) == 0
                       && operations_answers[later].column == answer->column;
      if (overwritten)
        continue;

      row = answer_row (desc, answer);
      read = without_cr (evident_test_sheet_cell (rows, row, answer->column));
      g_assert_cmpstr (read, ==, expected);
    }
  /* Cells around them as they were. */
  g_assert_nonnull (evident_test_workbook_locate (desc, "OPSP-002", NULL, NULL, &row));
  g_assert_cmpstr (evident_test_sheet_cell (rows, row, 0), ==, "OPSP-002");
  g_assert_nonnull (evident_test_workbook_locate (desc, "SECP-001", NULL, NULL, &row));
  g_assert_cmpstr (evident_test_sheet_cell (rows, row, 2), ==, "");

  rows = g_hash_table_lookup (sheets, "Business");
  g_assert_nonnull (evident_test_workbook_locate (desc, "BUSP-002", NULL, NULL, &row));
  g_assert_cmpstr (evident_test_sheet_cell (rows, row, 2), ==, "Yes");
  g_assert_cmpstr (evident_test_sheet_cell (rows, row, 3), ==,
                   "Two references; contacts on request.");
  g_assert_nonnull (g_hash_table_lookup (sheets, "Introduction"));
}

static void
test_round_trip (gconstpointer data)
{
  EvidentTestWorkbook desc = *evident_test_workbook_get_default ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) patched = NULL;
  g_autoptr (GArray) writes = NULL;
  g_autofree char *part = NULL;

  desc.flags = GPOINTER_TO_UINT (data);
  original = evident_test_workbook_build (&desc, &error);
  g_assert_no_error (error);
  writes = round_trip_writes (&desc, &part);

  patched = evident_xlsx_patch (original, NAME, (EvidentCellWrite *) (void *) writes->data,
                                writes->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (patched);

  assert_only_cells_differ (original, patched, &desc);
  assert_cells_as_written (original, patched, &desc);
  if (!evident_test_soffice_skip ())
    assert_libreoffice_reads (patched, &desc);
}

/* Splices into a sheet given as text; returns the result as text. */
static char *
splice (const char               *xml,
        const EvidentSpliceWrite *writes,
        guint                     n_writes,
        GError                  **error)
{
  EvidentSpliceContext context = { NAME, "Sheet1", FALSE };
  g_autoptr (GBytes) bytes = evident_xlsx_splice_sheet (xml, strlen (xml), writes, n_writes,
                                                        &context, error);

  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_splice_shapes (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *prefixed = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *implicit = NULL;
  g_autofree char *bom = NULL;
  g_autofree char *declared = NULL;
  const EvidentSpliceWrite prefixed_writes[] = {
    { 0, 0, "Ref" },   /* replaces A1 */
    { 0, 1, "New" },   /* after A1 */
    { 1, 0, "Two" },   /* a row between */
    { 2, 1, "Three" }, /* into <row …/> */
    { 4, 0, "Five" },  /* after the last row */
  };
  const EvidentSpliceWrite one[] = { { 0, 0, "First" } };
  const EvidentSpliceWrite implicit_writes[] = { { 1, 1, "b" }, { 1, 3, "d" } };

  /* A prefixed namespace, rows that are empty elements. */
  prefixed = splice ("<?xml version=\"1.0\"?>\n"
                     "<x:worksheet xmlns:x=\"" EVIDENT_XLSX_NS_MAIN "\"><x:sheetData>"
                     "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c></x:row>"
                     "<x:row r=\"3\" ht=\"20\" customHeight=\"1\" />"
                     "</x:sheetData></x:worksheet>",
                     prefixed_writes, G_N_ELEMENTS (prefixed_writes), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prefixed, ==,
                   "<?xml version=\"1.0\"?>\n"
                   "<x:worksheet xmlns:x=\"" EVIDENT_XLSX_NS_MAIN "\"><x:sheetData>"
                   "<x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\">"
                   "Ref</x:t></x:is></x:c><x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t "
                   "xml:space=\"preserve\">New</x:t></x:is></x:c></x:row>"
                   "<x:row r=\"2\"><x:c r=\"A2\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\">"
                   "Two</x:t></x:is></x:c></x:row>"
                   "<x:row r=\"3\" ht=\"20\" customHeight=\"1\" ><x:c r=\"B3\" t=\"inlineStr\">"
                   "<x:is><x:t xml:space=\"preserve\">Three</x:t></x:is></x:c></x:row>"
                   "<x:row r=\"5\"><x:c r=\"A5\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\">"
                   "Five</x:t></x:is></x:c></x:row>"
                   "</x:sheetData></x:worksheet>");

  /* An empty table of cells, a column style, a row style. */
  empty = splice ("<worksheet xmlns=\"" EVIDENT_XLSX_NS_MAIN "\"><cols><col min=\"1\" max=\"2\" "
                  "style=\"7\"/></cols><sheetData/></worksheet>",
                  one, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (empty, ==,
                   "<worksheet xmlns=\"" EVIDENT_XLSX_NS_MAIN "\"><cols><col min=\"1\" max=\"2\" "
                   "style=\"7\"/></cols><sheetData><row r=\"1\"><c r=\"A1\" s=\"7\" "
                   "t=\"inlineStr\"><is><t xml:space=\"preserve\">First</t></is></c></row>"
                   "</sheetData></worksheet>");

  /* Rows and cells without references count on from the one before. */
  implicit = splice ("<worksheet xmlns=\"" EVIDENT_XLSX_NS_MAIN "\"><sheetData>\n"
                     "  <row><c><v>1</v></c></row>\n"
                     "  <row s=\"3\" customFormat=\"1\"><c><v>2</v></c><c><v>3</v></c></row>\n"
                     "</sheetData></worksheet>",
                     implicit_writes, G_N_ELEMENTS (implicit_writes), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (implicit, ==,
                   "<worksheet xmlns=\"" EVIDENT_XLSX_NS_MAIN "\"><sheetData>\n"
                   "  <row><c><v>1</v></c></row>\n"
                   "  <row s=\"3\" customFormat=\"1\"><c><v>2</v></c><c r=\"B2\" t=\"inlineStr\">"
                   "<is><t xml:space=\"preserve\">b</t></is></c><c r=\"D2\" s=\"3\" "
                   "t=\"inlineStr\"><is><t xml:space=\"preserve\">d</t></is></c></row>\n"
                   "</sheetData></worksheet>");

  /* A byte order mark does not shift the offsets. */
  bom = splice ("\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                "<worksheet xmlns=\"" EVIDENT_XLSX_NS_MAIN "\"><sheetData/></worksheet>",
                one, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bom, ==,
                   "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                   "<worksheet xmlns=\"" EVIDENT_XLSX_NS_MAIN "\"><sheetData><row r=\"1\">"
                   "<c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">First</t></is>"
                   "</c></row></sheetData></worksheet>");

  /* Another encoding would shift them: refused. */
  declared = splice ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                     "<worksheet xmlns=\"" EVIDENT_XLSX_NS_MAIN "\"><sheetData/></worksheet>",
                     one, 1, &error);
  g_assert_null (declared);
  g_assert_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "not in UTF-8"));
}

static void
test_splice_escapes (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *result = NULL;
  const EvidentSpliceWrite writes[] = {
    { 0, 0, "a\rb\x01 _x0041_ _x00 x_ \xef\xbf\xbe <&>\"'" },
  };

  result = splice ("<worksheet xmlns=\"" EVIDENT_XLSX_NS_MAIN "\"><sheetData/></worksheet>",
                   writes, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (result, ">a_x000D_b_x0001_ _x005F_x0041_ _x00 x_ _xFFFE_ "
                                    "&lt;&amp;&gt;\"'</t>"));
}

static void
test_formulas (void)
{
  const EvidentTestWorkbook *desc = evident_test_workbook_get_default ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) built = evident_test_workbook_build (desc, &error);
  g_autofree char *part = evident_test_workbook_get_part (desc, 0);
  g_autofree char *sheet = evident_test_zip_read_text (built, part);
  g_autofree char *rels = evident_test_zip_read_text (built, "xl/_rels/workbook.xml.rels");
  g_autofree char *types = evident_test_zip_read_text (built, "[Content_Types].xml");
  g_autofree char *s = cell_attribute (sheet, "C5", "s");
  g_autofree char *plain = g_strdup_printf ("<c r=\"C5\" s=\"%s\"/>", s);
  g_autofree char *formula = g_strdup_printf ("<c r=\"C5\" s=\"%s\" t=\"str\"><f>IF(1,\"Yes\","
                                              "\"No\")</f><v>Yes</v></c>", s);
  g_autoptr (GString) with_formula = g_string_new (sheet);
  g_autoptr (GString) with_chain = g_string_new (rels);
  g_autoptr (GString) with_type = g_string_new (types);
  g_autoptr (GBytes) step1 = NULL;
  g_autoptr (GBytes) step2 = NULL;
  g_autoptr (GBytes) step3 = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) patched = NULL;
  g_autofree char *after_sheet = NULL;
  g_autofree char *after_rels = NULL;
  g_autofree char *after_types = NULL;
  EvidentCellWrite write = { "Operations", NULL, 4, 2, "No" };

  /* A formula in C5, listed in a calculation chain. */
  g_assert_cmpuint (g_string_replace (with_formula, plain, formula, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (with_chain, "</Relationships>",
                                      "<Relationship Id=\"rId99\" Type=\"http://schemas."
                                      "openxmlformats.org/officeDocument/2006/relationships/"
                                      "calcChain\" Target=\"calcChain.xml\"/></Relationships>", 1),
                    ==, 1);
  g_assert_cmpuint (g_string_replace (with_type, "</Types>",
                                      "<Override PartName=\"/xl/calcChain.xml\" ContentType=\""
                                      "application/vnd.openxmlformats-officedocument."
                                      "spreadsheetml.calcChain+xml\"/></Types>", 1),
                    ==, 1);
  step1 = with_member (built, part, with_formula->str);
  step2 = with_member (step1, "xl/_rels/workbook.xml.rels", with_chain->str);
  step3 = with_member (step2, "[Content_Types].xml", with_type->str);
  original = with_member (step3, "xl/calcChain.xml",
                          "<?xml version=\"1.0\"?><calcChain xmlns=\"" EVIDENT_XLSX_NS_MAIN "\">"
                          "<c r=\"C5\" i=\"2\"/></calcChain>");

  /* Written: the formula goes, and so does the chain that named it. */
  patched = evident_xlsx_patch (original, NAME, &write, 1, NULL, &error);
  g_assert_no_error (error);
  after_sheet = evident_test_zip_read_text (patched, part);
  after_rels = evident_test_zip_read_text (patched, "xl/_rels/workbook.xml.rels");
  after_types = evident_test_zip_read_text (patched, "[Content_Types].xml");
  g_assert_null (strstr (after_sheet, "<f>"));
  g_assert_null (evident_test_zip_read (patched, "xl/calcChain.xml"));
  g_assert_cmpstr (after_rels, ==, rels);
  g_assert_cmpstr (after_types, ==, types);
}

static void
test_shared_formula (void)
{
  const EvidentTestWorkbook *desc = evident_test_workbook_get_default ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) built = evident_test_workbook_build (desc, &error);
  g_autofree char *part = evident_test_workbook_get_part (desc, 0);
  g_autoptr (GString) sheet = NULL;
  g_autofree char *text = evident_test_zip_read_text (built, part);
  g_autofree char *s = cell_attribute (text, "C5", "s");
  g_autofree char *plain = g_strdup_printf ("<c r=\"C5\" s=\"%s\"/>", s);
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) patched = NULL;
  EvidentCellWrite write = { "Operations", NULL, 4, 2, "No" };

  sheet = g_string_new (text);
  g_assert_cmpuint (g_string_replace (sheet, plain, "<c r=\"C5\"><f t=\"shared\" ref=\"C5:C6\" "
                                                    "si=\"0\">A5</f><v>0</v></c>", 1), ==, 1);
  original = with_member (built, part, sheet->str);
  patched = evident_xlsx_patch (original, NAME, &write, 1, NULL, &error);
  g_assert_null (patched);
  g_assert_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_BAD_CELL);
  g_assert_nonnull (strstr (error->message, "C5"));
  g_assert_nonnull (strstr (error->message, "“Operations”"));
  g_assert_nonnull (strstr (error->message, NAME));
}

static void
assert_refused (GBytes                 *original,
                const EvidentCellWrite *write,
                int                     code,
                const char             *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) patched = evident_xlsx_patch (original, NAME, write, 1, NULL, &error);

  g_assert_null (patched);
  g_assert_error (error, EVIDENT_XLSX_PATCH_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, NAME));
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

static void
test_bad_input (void)
{
  const EvidentTestWorkbook *desc = evident_test_workbook_get_default ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) built = evident_test_workbook_build (desc, &error);
  g_autofree char *part = evident_test_workbook_get_part (desc, 0);
  g_autoptr (GBytes) text = g_bytes_new_static ("ID,Title\nOPSP-001,Runbooks\n", 27);
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr (GBytes) ole = g_bytes_new_static ("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
  g_autoptr (GBytes) truncated = g_bytes_new_from_bytes (built, 0, g_bytes_get_size (built) / 2);
  g_autoptr (GBytes) dtd = NULL;
  g_autoptr (GBytes) dtd_workbook = NULL;
  g_autoptr (GBytes) entity = NULL;
  g_autoptr (GBytes) broken = NULL;
  g_autoptr (GBytes) empty_sheet = NULL;
  g_autoptr (GBytes) bomb = NULL;
  g_autoptr (GBytes) no_sheet = evident_test_zip_replace (built, part, NULL);
  g_autoptr (GBytes) no_rels = evident_test_zip_replace (built, "xl/_rels/workbook.xml.rels", NULL);
  g_autoptr (GBytes) no_workbook = evident_test_zip_replace (built, "xl/workbook.xml", NULL);
  g_autofree char *long_text = g_strnfill (32768, 'x');
  g_autofree char *sheet = evident_test_zip_read_text (built, part);
  g_autoptr (GString) huge = g_string_new (NULL);
  EvidentCellWrite write = { "Operations", NULL, 4, 2, "Yes" };
  EvidentCellWrite bad = write;

  /* Not a workbook at all. */
  assert_refused (text, &write, EVIDENT_XLSX_PATCH_ERROR_NOT_XLSX, "not an Excel workbook");
  assert_refused (empty, &write, EVIDENT_XLSX_PATCH_ERROR_NOT_XLSX, NULL);
  assert_refused (truncated, &write, EVIDENT_XLSX_PATCH_ERROR_NOT_XLSX, NULL);
  assert_refused (ole, &write, EVIDENT_XLSX_PATCH_ERROR_NOT_XLSX, "password");

  /* Parts missing: a sheet, the workbook's relationships, the workbook. */
  assert_refused (no_sheet, &write, EVIDENT_XLSX_PATCH_ERROR_DAMAGED, part);
  assert_refused (no_rels, &write, EVIDENT_XLSX_PATCH_ERROR_DAMAGED, "workbook.xml.rels");
  assert_refused (no_workbook, &write, EVIDENT_XLSX_PATCH_ERROR_NOT_XLSX, NULL);

  /* Sheets that do not exist, by name and by part. */
  bad.sheet_name = "Finance";
  assert_refused (built, &bad, EVIDENT_XLSX_PATCH_ERROR_NO_SUCH_SHEET, "“Finance”");
  bad.sheet_name = NULL;
  bad.sheet_part = "xl/worksheets/sheet9.xml";
  assert_refused (built, &bad, EVIDENT_XLSX_PATCH_ERROR_NO_SUCH_SHEET, "sheet9.xml");
  bad.sheet_name = "Business";
  bad.sheet_part = part;
  assert_refused (built, &bad, EVIDENT_XLSX_PATCH_ERROR_NO_SUCH_SHEET, "“Business” stored as");

  /* Cells that cannot be written. */
  bad = write;
  bad.row = 1048576;
  assert_refused (built, &bad, EVIDENT_XLSX_PATCH_ERROR_BAD_CELL, "outside the sheet");
  bad = write;
  bad.value = long_text;
  assert_refused (built, &bad, EVIDENT_XLSX_PATCH_ERROR_BAD_CELL, "cell C5 of sheet “Operations”");
  bad.value = "caf\xe9";
  assert_refused (built, &bad, EVIDENT_XLSX_PATCH_ERROR_BAD_CELL, "UTF-8");

  /* A DTD, in a sheet and in the workbook part; an undeclared entity. */
  dtd = with_member (built, part,
                     "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">"
                     "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                     "<worksheet xmlns=\"" EVIDENT_XLSX_NS_MAIN "\"><sheetData><row r=\"1\">"
                     "<c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData>"
                     "</worksheet>");
  assert_refused (dtd, &write, EVIDENT_XLSX_PATCH_ERROR_UNSAFE, "sheet “Operations”");
  dtd_workbook = with_member (built, "xl/workbook.xml",
                              "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://example.com/x\">"
                              "<workbook xmlns=\"" EVIDENT_XLSX_NS_MAIN "\"/>");
  assert_refused (dtd_workbook, &write, EVIDENT_XLSX_PATCH_ERROR_UNSAFE, "xl/workbook.xml");
  entity = with_member (built, part,
                        "<worksheet xmlns=\"" EVIDENT_XLSX_NS_MAIN "\"><sheetData><row r=\"1\">"
                        "<c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData>"
                        "</worksheet>");
  assert_refused (entity, &write, EVIDENT_XLSX_PATCH_ERROR_DAMAGED, "sheet “Operations”");

  /* An empty sheet: the message says which sheet and what to do, in
   * words a translator has seen. */
  empty_sheet = with_member (built, part, "");
  assert_refused (empty_sheet, &write, EVIDENT_XLSX_PATCH_ERROR_DAMAGED,
                  "sheet “Operations” is not as workbooks have it (it is empty). Open the "
                  "workbook in a spreadsheet program, save it");

  /* Not well-formed; rows out of order. */
  g_assert_cmpuint (strlen (sheet), >, 100);
  sheet[strlen (sheet) - 20] = '\0';
  broken = with_member (built, part, sheet);
  assert_refused (broken, &write, EVIDENT_XLSX_PATCH_ERROR_DAMAGED, "sheet “Operations”");
  g_clear_pointer (&broken, g_bytes_unref);
  broken = with_member (built, part,
                        "<worksheet xmlns=\"" EVIDENT_XLSX_NS_MAIN "\"><sheetData><row r=\"9\"/>"
                        "<row r=\"2\"/></sheetData></worksheet>");
  assert_refused (broken, &write, EVIDENT_XLSX_PATCH_ERROR_DAMAGED, "row 2 after row 9");

  /* A part that unpacks a thousandfold: a zip bomb. */
  g_string_append (huge, "<worksheet xmlns=\"" EVIDENT_XLSX_NS_MAIN "\"><sheetData>");
  while (huge->len < 4 * 1024 * 1024)
    g_string_append (huge, "                                                                ");
  g_string_append (huge, "</sheetData></worksheet>");
  bomb = with_member (built, part, huge->str);
  assert_refused (bomb, &write, EVIDENT_XLSX_PATCH_ERROR_UNSAFE, part);
}

static void
test_nothing_to_write (void)
{
  const EvidentTestWorkbook *desc = evident_test_workbook_get_default ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) original = evident_test_workbook_build (desc, &error);
  g_autoptr (GBytes) patched = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  EvidentCellWrite write = { "Operations", NULL, 4, 2, "Yes" };

  patched = evident_xlsx_patch (original, NAME, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (original, patched));
  g_clear_pointer (&patched, g_bytes_unref);

  g_cancellable_cancel (cancellable);
  patched = evident_xlsx_patch (original, NAME, &write, 1, cancellable, &error);
  g_assert_null (patched);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_save (void)
{
  const EvidentTestWorkbook *desc = evident_test_workbook_get_default ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) original = evident_test_workbook_build (desc, &error);
  g_autofree char *dir = g_dir_make_tmp ("evident-xlsx-patch-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "answers.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GBytes) saved = NULL;
  g_autofree char *sheet = NULL;
  EvidentCellWrite write = { "Operations", NULL, 4, 2, "Yes" };
  EvidentCellWrite bad = { "Finance", NULL, 4, 2, "Yes" };

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_false (evident_xlsx_patch_save (original, NAME, &bad, 1, file, NULL, &error));
  g_assert_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_NO_SUCH_SHEET);
  g_clear_error (&error);
  mapped = g_mapped_file_new (path, FALSE, NULL);
  g_assert_cmpuint (g_mapped_file_get_length (mapped), ==, 3);
  g_clear_pointer (&mapped, g_mapped_file_unref);

  g_assert_true (evident_xlsx_patch_save (original, NAME, &write, 1, file, NULL, &error));
  g_assert_no_error (error);
  mapped = g_mapped_file_new (path, FALSE, NULL);
  saved = g_mapped_file_get_bytes (mapped);
  sheet = evident_test_zip_read_text (saved, "xl/worksheets/sheet2.xml");
  g_assert_nonnull (strstr (sheet, ">Yes</t>"));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/xlsx-patch/round-trip", GUINT_TO_POINTER (0), test_round_trip);
  g_test_add_data_func ("/xlsx-patch/round-trip-empty-rows",
                        GUINT_TO_POINTER (EVIDENT_TEST_WORKBOOK_EMPTY_ROWS), test_round_trip);
  g_test_add_func ("/xlsx-patch/splice-shapes", test_splice_shapes);
  g_test_add_func ("/xlsx-patch/splice-escapes", test_splice_escapes);
  g_test_add_func ("/xlsx-patch/formulas", test_formulas);
  g_test_add_func ("/xlsx-patch/shared-formula", test_shared_formula);
  g_test_add_func ("/xlsx-patch/bad-input", test_bad_input);
  g_test_add_func ("/xlsx-patch/nothing-to-write", test_nothing_to_write);
  g_test_add_func ("/xlsx-patch/save", test_save);

  return g_test_run ();
}
