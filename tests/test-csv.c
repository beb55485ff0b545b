/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "evident-csv.h"

#define HEADER                                                                                     \
  "ref,chapter,chapter_title,section,section_title,title,requirement,evidence,points,mandatory\n"

/* Helpers */

static EvidentCsvTable *
parse_table_len (const char *text, gsize len, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, len);

  return evident_csv_table_parse (bytes, error);
}

static EvidentCsvTable *
parse_table (const char *text, GError **error)
{
  return parse_table_len (text, strlen (text), error);
}

static GPtrArray *
parse_checklist (const char *text, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));

  return evident_checklist_parse (bytes, error);
}

static EvidentChecklistEntry *
entry_at (GPtrArray *entries, guint i)
{
  g_assert_cmpuint (i, <, entries->len);

  return g_ptr_array_index (entries, i);
}

/* Asserts that @error is @code in EVIDENT_CSV_ERROR and that its message
 * starts with "Line @line: ". */
#define assert_csv_error(error, code, line)                                                        \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *prefix_ = g_strdup_printf ("Line %u: ", (guint) (line));                      \
    g_assert_error ((error), EVIDENT_CSV_ERROR, (code));                                           \
    if (!g_str_has_prefix ((error)->message, prefix_))                                             \
      g_error ("“%s” does not start with “%s”", (error)->message, prefix_);                        \
  }                                                                                                \
  G_STMT_END

static void
assert_table_fails (const char *text, int code, guint line)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentCsvTable) table = parse_table (text, &error);

  g_assert_null (table);
  assert_csv_error (error, code, line);
}

static void
assert_checklist_fails (const char *text, int code, guint line, const char *mention)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = parse_checklist (text, &error);

  g_assert_null (entries);
  assert_csv_error (error, code, line);
  if (mention != NULL && strstr (error->message, mention) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mention);
}

/* Table */

static void
test_table_comma (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentCsvTable) table = NULL;

  table = parse_table ("Name, Age ,city\n"
                       "Ada,36,London\n"
                       "Alan,41,Wilmslow\n",
                       &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);

  g_assert_cmpuint (evident_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpint (evident_csv_table_find_column (table, "name"), ==, 0);
  g_assert_cmpint (evident_csv_table_find_column (table, "AGE"), ==, 1);
  g_assert_cmpint (evident_csv_table_find_column (table, " City "), ==, 2);
  g_assert_cmpint (evident_csv_table_find_column (table, "country"), ==, -1);

  g_assert_cmpstr (evident_csv_table_get (table, 0, 0), ==, "Ada");
  g_assert_cmpstr (evident_csv_table_get (table, 0, 1), ==, "36");
  g_assert_cmpstr (evident_csv_table_get (table, 1, 2), ==, "Wilmslow");
  g_assert_cmpstr (evident_csv_table_get (table, 1, -1), ==, "");
  g_assert_cmpuint (evident_csv_table_get_line (table, 0), ==, 2);
  g_assert_cmpuint (evident_csv_table_get_line (table, 1), ==, 3);
}

static void
test_table_semicolon (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentCsvTable) table = NULL;

  /* As spreadsheets save CSV where the decimal separator is a comma. */
  table = parse_table ("ref;title;weight\n"
                       "1.1;Plan, do, check;0,5\n"
                       "1.2;\"Quoted; with semicolon\";1,25\n",
                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evident_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (evident_csv_table_get (table, 0, 1), ==, "Plan, do, check");
  g_assert_cmpstr (evident_csv_table_get (table, 0, 2), ==, "0,5");
  g_assert_cmpstr (evident_csv_table_get (table, 1, 1), ==, "Quoted; with semicolon");
  g_assert_cmpstr (evident_csv_table_get (table, 1, 2), ==, "1,25");
}

static void
test_table_delimiter_detection (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentCsvTable) commas = NULL;
  g_autoptr (EvidentCsvTable) semicolons = NULL;
  g_autoptr (EvidentCsvTable) single = NULL;

  /* Semicolons inside quotes do not count. */
  commas = parse_table ("\"a;b;c\",d\n"
                        "1;2,3\n",
                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (evident_csv_table_find_column (commas, "a;b;c"), ==, 0);
  g_assert_cmpint (evident_csv_table_find_column (commas, "d"), ==, 1);
  g_assert_cmpstr (evident_csv_table_get (commas, 0, 0), ==, "1;2");
  g_assert_cmpstr (evident_csv_table_get (commas, 0, 1), ==, "3");

  /* Nor do commas; the first row decides, even after blank lines. */
  semicolons = parse_table ("\n\n\"a,b,c\";d;e,f\n"
                            "1;2;3\n",
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (evident_csv_table_find_column (semicolons, "a,b,c"), ==, 0);
  g_assert_cmpint (evident_csv_table_find_column (semicolons, "e,f"), ==, 2);
  g_assert_cmpstr (evident_csv_table_get (semicolons, 0, 2), ==, "3");
  g_assert_cmpuint (evident_csv_table_get_line (semicolons, 0), ==, 4);

  /* A single column. */
  single = parse_table ("name\nAda\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evident_csv_table_get_n_rows (single), ==, 1);
  g_assert_cmpstr (evident_csv_table_get (single, 0, 0), ==, "Ada");
}

static void
test_table_bom (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentCsvTable) table = NULL;

  table = parse_table ("\xEF\xBB\xBFref;title\n"
                       "1.1;Caf\xC3\xA9\n",
                       &error);
  g_assert_no_error (error);
  /* The byte order mark is not part of the first column's name. */
  g_assert_cmpint (evident_csv_table_find_column (table, "ref"), ==, 0);
  g_assert_cmpint (evident_csv_table_find_column (table, "title"), ==, 1);
  g_assert_cmpstr (evident_csv_table_get (table, 0, 1), ==, "Café");
  g_assert_cmpuint (evident_csv_table_get_line (table, 0), ==, 2);
}

static void
test_table_line_endings (void)
{
  const char *texts[] = {
    "a,b\r\n1,2\r\n3,4\r\n", "a,b\r\n1,2\r\n3,4", "a,b\n1,2\n3,4\n",
    "a,b\n1,2\n3,4",         "a,b\r1,2\r3,4\r",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (EvidentCsvTable) table = parse_table (texts[i], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (evident_csv_table_get_n_rows (table), ==, 2);
      g_assert_cmpstr (evident_csv_table_get (table, 0, 0), ==, "1");
      g_assert_cmpstr (evident_csv_table_get (table, 0, 1), ==, "2");
      g_assert_cmpstr (evident_csv_table_get (table, 1, 0), ==, "3");
      g_assert_cmpstr (evident_csv_table_get (table, 1, 1), ==, "4");
      g_assert_cmpuint (evident_csv_table_get_line (table, 0), ==, 2);
      g_assert_cmpuint (evident_csv_table_get_line (table, 1), ==, 3);
    }
}

static void
test_table_quoted (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentCsvTable) table = NULL;

  table = parse_table ("ref,text,note\r\n"                     /* 1 */
                       "1,\"one, two\",\"say \"\"hi\"\"\"\r\n" /* 2 */
                       "2,\"first line\r\n"                    /* 3 */
                       "second line\r\n"                       /* 4 */
                       "\r\n"                                  /* 5 */
                       "fourth line\",after\r\n"               /* 6 */
                       "3,\"a\nb\",\"c\n"                      /* 7, 8 */
                       "d\"\r\n"                               /* 9 */
                       "4,\"\",\"\"\"\"\r\n",                  /* 10 */
                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evident_csv_table_get_n_rows (table), ==, 4);

  g_assert_cmpstr (evident_csv_table_get (table, 0, 1), ==, "one, two");
  g_assert_cmpstr (evident_csv_table_get (table, 0, 2), ==, "say \"hi\"");
  g_assert_cmpuint (evident_csv_table_get_line (table, 0), ==, 2);

  /* Line breaks in a field come out as "\n", blank lines included. */
  g_assert_cmpstr (evident_csv_table_get (table, 1, 1), ==,
                   "first line\nsecond line\n\nfourth line");
  g_assert_cmpstr (evident_csv_table_get (table, 1, 2), ==, "after");
  g_assert_cmpuint (evident_csv_table_get_line (table, 1), ==, 3);

  g_assert_cmpstr (evident_csv_table_get (table, 2, 1), ==, "a\nb");
  g_assert_cmpstr (evident_csv_table_get (table, 2, 2), ==, "c\nd");
  g_assert_cmpuint (evident_csv_table_get_line (table, 2), ==, 7);

  g_assert_cmpstr (evident_csv_table_get (table, 3, 1), ==, "");
  g_assert_cmpstr (evident_csv_table_get (table, 3, 2), ==, "\"");
  g_assert_cmpuint (evident_csv_table_get_line (table, 3), ==, 10);
}

static void
test_table_blank_lines (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentCsvTable) table = NULL;

  table = parse_table ("\n"       /* 1 */
                       "a,b,c\n"  /* 2 */
                       "\n"       /* 3 */
                       "1,2,3\n"  /* 4 */
                       "\r\n"     /* 5 */
                       "   \t \n" /* 6 */
                       ",,\n"     /* 7: an empty spreadsheet row */
                       " , ,\n"   /* 8 */
                       "4,5,6\n"  /* 9 */
                       "\n\n",    /* 10, 11 */
                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evident_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (evident_csv_table_get (table, 0, 0), ==, "1");
  g_assert_cmpuint (evident_csv_table_get_line (table, 0), ==, 4);
  g_assert_cmpstr (evident_csv_table_get (table, 1, 2), ==, "6");
  g_assert_cmpuint (evident_csv_table_get_line (table, 1), ==, 9);
}

static void
test_table_short_rows (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentCsvTable) table = NULL;

  table = parse_table ("a,b,c\n"
                       "1\n"
                       "1,2\n"
                       "1,2,\n",
                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evident_csv_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (evident_csv_table_get (table, 0, 0), ==, "1");
  g_assert_cmpstr (evident_csv_table_get (table, 0, 1), ==, "");
  g_assert_cmpstr (evident_csv_table_get (table, 0, 2), ==, "");
  g_assert_cmpstr (evident_csv_table_get (table, 1, 1), ==, "2");
  g_assert_cmpstr (evident_csv_table_get (table, 1, 2), ==, "");
  g_assert_cmpstr (evident_csv_table_get (table, 2, 2), ==, "");
}

static void
test_table_header_only (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentCsvTable) table = NULL;

  table = parse_table ("a,b\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evident_csv_table_get_n_rows (table), ==, 0);
  g_assert_cmpint (evident_csv_table_find_column (table, "b"), ==, 1);
}

static void
test_table_too_many_fields (void)
{
  assert_table_fails ("a,b\n"
                      "1,2\n"
                      "\n"
                      "3,\"x\ny\"\n"
                      "4,5,6\n",
                      EVIDENT_CSV_ERROR_SYNTAX, 6);
  /* The line on which the row starts. */
  assert_table_fails ("a;b\n"
                      "1;\"two\nlines\";3\n",
                      EVIDENT_CSV_ERROR_SYNTAX, 2);
}

static void
test_table_unterminated_quote (void)
{
  /* The line where the quoted field starts, not where the file ends. */
  assert_table_fails ("a,b\n"
                      "1,\"two\n"
                      "lines\"\n"
                      "2,\"never closed\n"
                      "3,x\n"
                      "4,y\n",
                      EVIDENT_CSV_ERROR_SYNTAX, 4);
  /* A field that starts on a later line of its row. */
  assert_table_fails ("a,b,c\n"
                      "1,\"two\n"
                      "lines\",\"never closed\n"
                      "3,x\n",
                      EVIDENT_CSV_ERROR_SYNTAX, 3);
  /* In the last line, without a line break. */
  assert_table_fails ("a,b\r\n1,\"x", EVIDENT_CSV_ERROR_SYNTAX, 2);
  /* In the header. */
  assert_table_fails ("\"a,b\n1,2\n", EVIDENT_CSV_ERROR_SYNTAX, 1);
}

static void
test_table_stray_quote (void)
{
  /* A quote inside an unquoted field. */
  assert_table_fails ("a,b\n"
                      "1,2\n"
                      "3,4\"5\n",
                      EVIDENT_CSV_ERROR_SYNTAX, 3);
  /* Text after a closing quote, on a later line of a multi-line field. */
  assert_table_fails ("a,b\n"
                      "1,\"x\n"
                      "y\"z\n",
                      EVIDENT_CSV_ERROR_SYNTAX, 3);
}

static void
test_table_not_utf8 (void)
{
  /* Latin-1, as older spreadsheets save "é": no longer refused, but read
   * as Windows-1252 (the import says so). */
  static const char latin1[] = "a,b\n1,2\n3,caf\xE9\n";
  static const char truncated[] = "a,b\r\n1,\"x\n\xC3";
  static const char nul[] = "a,b\n1,2\n3,4\n5,\0\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentCsvTable) table = NULL;

  table = parse_table_len (latin1, sizeof latin1 - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evident_csv_table_get (table, 1, 1), ==, "café");
  g_clear_pointer (&table, evident_csv_table_free);

  /* A lone lead byte is "Ã" in Windows-1252; the quote stays unterminated. */
  table = parse_table_len (truncated, sizeof truncated - 1, &error);
  g_assert_null (table);
  assert_csv_error (error, EVIDENT_CSV_ERROR_SYNTAX, 2);
  g_clear_error (&error);

  /* A zero byte is not text in any encoding a spreadsheet saves. */
  table = parse_table_len (nul, sizeof nul - 1, &error);
  g_assert_null (table);
  assert_csv_error (error, EVIDENT_CSV_ERROR_ENCODING, 4);
}

static void
test_table_empty (void)
{
  const char *texts[] = { "", "\xEF\xBB\xBF", "\n\n", "\r\n  \r\n", ",,,\n,,\n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_table_fails (texts[i], EVIDENT_CSV_ERROR_EMPTY, 1);
}

/* Checklist */

static void
test_checklist_full (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  EvidentChecklistEntry *entry;

  entries = parse_checklist (HEADER "1.1,1.0,Partner Capabilities Overview,1.1,Overview,"
                                    "  Company overview  ,\"Present the company,\nits history\","
                                    "Presentation, 10 ,yes\n"
                                    "8.2.1,8.0,Security,8.2,Identity,MFA,,Policy document,25,no\n",
                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);

  entry = entry_at (entries, 0);
  g_assert_cmpstr (entry->ref, ==, "1.1");
  g_assert_cmpstr (entry->chapter, ==, "1.0");
  g_assert_cmpstr (entry->chapter_title, ==, "Partner Capabilities Overview");
  g_assert_cmpstr (entry->section, ==, "1.1");
  g_assert_cmpstr (entry->section_title, ==, "Overview");
  g_assert_cmpstr (entry->title, ==, "Company overview");
  g_assert_cmpstr (entry->requirement, ==, "Present the company,\nits history");
  g_assert_cmpstr (entry->evidence, ==, "Presentation");
  g_assert_cmpint (entry->points, ==, 10);
  g_assert_true (entry->mandatory);
  g_assert_cmpuint (entry->line, ==, 2);

  /* The line number counts the line break inside the quoted field above. */
  entry = entry_at (entries, 1);
  g_assert_cmpstr (entry->ref, ==, "8.2.1");
  g_assert_cmpstr (entry->chapter_title, ==, "Security");
  g_assert_cmpstr (entry->requirement, ==, "");
  g_assert_cmpint (entry->points, ==, 25);
  g_assert_false (entry->mandatory);
  g_assert_cmpuint (entry->line, ==, 4);
}

static void
test_checklist_spreadsheet_export (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  EvidentChecklistEntry *entry;

  /* Semicolons, byte order mark, CRLF, quoted fields spanning lines, as a
   * spreadsheet in a comma-decimal locale saves them. */
  entries = parse_checklist ("\xEF\xBB\xBF"
                             "Ref;Chapter;Title;Requirement;Points;Mandatory\r\n"   /* 1 */
                             "SECP-001;8.0;\"Access; least privilege\";\"Show:\r\n" /* 2 */
                             "- the policy\r\n"                                     /* 3 */
                             "- a \"\"break glass\"\" demo\";40;Mandatory\r\n"      /* 4 */
                             "\r\n"                                                 /* 5 */
                             ";;;;;\r\n"                                            /* 6 */
                             "SECP-002;8.0;Logging;;0;Recommended",                 /* 7 */
                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);

  entry = entry_at (entries, 0);
  g_assert_cmpstr (entry->ref, ==, "SECP-001");
  g_assert_cmpstr (entry->title, ==, "Access; least privilege");
  g_assert_cmpstr (entry->requirement, ==, "Show:\n- the policy\n- a \"break glass\" demo");
  g_assert_cmpint (entry->points, ==, 40);
  g_assert_true (entry->mandatory);
  g_assert_cmpuint (entry->line, ==, 2);

  entry = entry_at (entries, 1);
  g_assert_cmpstr (entry->ref, ==, "SECP-002");
  g_assert_cmpint (entry->points, ==, 0);
  g_assert_false (entry->mandatory);
  g_assert_cmpuint (entry->line, ==, 7);
}

static void
test_checklist_columns (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  EvidentChecklistEntry *entry;

  /* Any order, any case, unknown columns ignored, optional ones absent. */
  entries = parse_checklist ("Owner, POINTS ,Title,Comment,CHAPTER,Ref\n"
                             "alice,5,Backups,check this,12.0,12.1\n"
                             "bob,0,Restores,,12.0,12.2\n",
                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);

  entry = entry_at (entries, 0);
  g_assert_cmpstr (entry->ref, ==, "12.1");
  g_assert_cmpstr (entry->chapter, ==, "12.0");
  g_assert_cmpstr (entry->title, ==, "Backups");
  g_assert_cmpint (entry->points, ==, 5);
  g_assert_false (entry->mandatory);
  g_assert_nonnull (entry->chapter_title);
  g_assert_cmpstr (entry->chapter_title, ==, "");
  g_assert_cmpstr (entry->section, ==, "");
  g_assert_cmpstr (entry->section_title, ==, "");
  g_assert_cmpstr (entry->requirement, ==, "");
  g_assert_cmpstr (entry->evidence, ==, "");

  entry = entry_at (entries, 1);
  g_assert_cmpstr (entry->ref, ==, "12.2");
  g_assert_cmpstr (entry->title, ==, "Restores");
  g_assert_cmpuint (entry->line, ==, 3);
}

static void
test_checklist_mandatory_spellings (void)
{
  static const struct
  {
    const char *value;
    gboolean    mandatory;
  } cases[] = {
    { "yes", TRUE },
    { "YES", TRUE },
    { "Yes", TRUE },
    { "true", TRUE },
    { "TRUE", TRUE },
    { "1", TRUE },
    { "mandatory", TRUE },
    { "Mandatory", TRUE },
    { "y", TRUE },
    { "Y", TRUE },
    { " yes ", TRUE },
    { "\"  True \"", TRUE },
    { "no", FALSE },
    { "NO", FALSE },
    { "false", FALSE },
    { "False", FALSE },
    { "0", FALSE },
    { "recommended", FALSE },
    { "RECOMMENDED", FALSE },
    { "n", FALSE },
    { "N", FALSE },
    { "", FALSE },
    { "  ", FALSE },
    { "\"\"", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) entries = NULL;
      g_autofree char *text = NULL;

      text = g_strdup_printf ("ref,chapter,title,points,mandatory\n"
                              "1.1,1.0,Item,10,%s\n",
                              cases[i].value);
      entries = parse_checklist (text, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, 1);
      if (entry_at (entries, 0)->mandatory != cases[i].mandatory)
        g_error ("“%s” read as mandatory=%d", cases[i].value, !cases[i].mandatory);
    }
}

static void
test_checklist_bad_mandatory (void)
{
  const char *values[] = { "maybe", "2", "x", "yes please", "-1" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = g_strdup_printf ("ref,chapter,title,points,mandatory\n"
                                               "1.1,1.0,Item,10,no\n"
                                               "1.2,1.0,Item,10,%s\n",
                                               values[i]);
      g_autofree char *quoted = g_strdup_printf ("“%s”", values[i]);

      assert_checklist_fails (text, EVIDENT_CSV_ERROR_BAD_VALUE, 3, quoted);
    }
}

static GPtrArray *
parse_checklist_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *entries = parse_checklist (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static void
test_checklist_missing_column (void)
{
  g_autoptr (GPtrArray) entries = NULL;

  /* Without references or titles there are no items: refused. (A title
   * could also come from a requirement column, but there is none.) */
  assert_checklist_fails ("chapter,title,points,mandatory\n"
                          "1,Item,1,no\n",
                          EVIDENT_CSV_ERROR_MISSING_COLUMN, 1, "“ref”");
  assert_checklist_fails ("ref,chapter,points,mandatory\n"
                          "1.1,1,1,no\n",
                          EVIDENT_CSV_ERROR_MISSING_COLUMN, 1, "“title”");

  /* Once refused, now derived: no chapter column, the reference's prefix
   * is the chapter; no points column, the checklist is pass/fail. */
  entries = parse_checklist_ok ("ref,title,points,mandatory\n"
                                "SEC-001,Item,1,no\n");
  g_assert_cmpstr (entry_at (entries, 0)->chapter, ==, "SEC");
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = parse_checklist_ok ("ref,chapter,title,mandatory\n"
                                "1.1,1.0,Item,yes\n");
  g_assert_true (entry_at (entries, 0)->no_points);
  g_assert_cmpint (entry_at (entries, 0)->points, ==, 0);
  g_assert_cmpint (evident_checklist_entries_get_mode (entries), ==, EVIDENT_SCORE_MODE_PASS_FAIL);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* "reference" was not a column name; it is one of the names the import
   * knows for the reference now. */
  entries = parse_checklist_ok ("reference,chapter,title,points\n"
                                "1.1,1.0,Item,10\n");
  g_assert_cmpstr (entry_at (entries, 0)->ref, ==, "1.1");
  g_assert_cmpint (entry_at (entries, 0)->points, ==, 10);
}

static void
test_checklist_bad_points (void)
{
  const char *values[] = { "ten", "1.5", "10,0", "-5", "+5", "1e3", "12abc", "99999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = g_strdup_printf ("ref;chapter;title;points\n"
                                               "1.1;1.0;Item;10\n"
                                               "1.2;1.0;Item;20\n"
                                               "\n"
                                               "1.3;1.0;\"Two\nlines\";5\n"
                                               "1.4;1.0;Item; %s \n",
                                               values[i]);
      g_autofree char *quoted = g_strdup_printf ("“%s”", values[i]);

      assert_checklist_fails (text, EVIDENT_CSV_ERROR_BAD_VALUE, 7, quoted);
    }

  /* An empty cell where another item has points, and an absent one. (A
   * points column that is empty throughout once was refused too; it now
   * makes a pass/fail checklist: see /csv/checklist/missing-column.) */
  assert_checklist_fails ("ref,chapter,title,points\n"
                          "1.1,1.0,Item,5\n"
                          "1.2,1.0,Item,\n",
                          EVIDENT_CSV_ERROR_BAD_VALUE, 3, "“points”");
  assert_checklist_fails ("ref,chapter,title,points\n"
                          "1.1,1.0,Item,1\n"
                          "1.2,1.0,Item\n",
                          EVIDENT_CSV_ERROR_BAD_VALUE, 3, "“points”");
}

static void
test_checklist_long_bad_value (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *value = g_strnfill (500, 'x');
  g_autofree char *text = g_strdup_printf ("ref,chapter,title,points\n1,1,Item,%s\n", value);

  entries = parse_checklist (text, &error);
  g_assert_null (entries);
  assert_csv_error (error, EVIDENT_CSV_ERROR_BAD_VALUE, 2);
  /* The message quotes the start of the value, not all of it. */
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_assert_nonnull (strstr (error->message, "xxxxxxxxxx…”"));
}

static void
test_checklist_empty_ref_or_title (void)
{
  assert_checklist_fails ("ref,chapter,title,points\n"
                          "1.1,1.0,Item,10\n"
                          "  ,1.0,Item,10\n",
                          EVIDENT_CSV_ERROR_BAD_VALUE, 3, "“ref”");
  assert_checklist_fails ("ref,chapter,title,points\n"
                          "1.1,1.0,Item,10\n"
                          "1.2,1.0,\"\",10\n",
                          EVIDENT_CSV_ERROR_BAD_VALUE, 3, "“title”");
}

static void
test_checklist_duplicate (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;

  entries = parse_checklist ("ref,chapter,title,points\n" /* 1 */
                             "1.1,1.0,First,10\n"         /* 2 */
                             "1.2,1.0,\"Second\n"         /* 3 */
                             "item\",10\n"                /* 4 */
                             "1.3,1.0,Third,10\n"         /* 5 */
                             " 1.2 ,1.0,Again,10\n",      /* 6 */
                             &error);
  g_assert_null (entries);
  assert_csv_error (error, EVIDENT_CSV_ERROR_DUPLICATE, 6);
  g_assert_nonnull (strstr (error->message, "“1.2”"));
  g_assert_nonnull (strstr (error->message, "line 3"));
}

static void
test_checklist_empty (void)
{
  assert_checklist_fails ("", EVIDENT_CSV_ERROR_EMPTY, 1, NULL);
  assert_checklist_fails ("\xEF\xBB\xBF\r\n", EVIDENT_CSV_ERROR_EMPTY, 1, NULL);
  assert_checklist_fails ("ref,chapter,title,points\n", EVIDENT_CSV_ERROR_EMPTY, 1, NULL);
  assert_checklist_fails ("\n\nref,chapter,title,points\r\n\r\n,,,\r\n", EVIDENT_CSV_ERROR_EMPTY, 3,
                          NULL);
}

static void
test_checklist_table_errors (void)
{
  static const char latin1[] = "ref,chapter,title,points\n1.1,1.0,Caf\xE9,10\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (latin1, sizeof latin1 - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;

  /* Not UTF-8 was refused; it is read as Windows-1252 now. */
  entries = evident_checklist_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry_at (entries, 0)->title, ==, "Café");

  assert_checklist_fails ("ref,chapter,title,points\n"
                          "1.1,1.0,Item,10\n"
                          "1.2,1.0,\"Item,10\n",
                          EVIDENT_CSV_ERROR_SYNTAX, 3, NULL);
  assert_checklist_fails ("ref,chapter,title,points\n"
                          "1.1,1.0,Item,10\n"
                          "1.2,1.0,Item,10,extra\n",
                          EVIDENT_CSV_ERROR_SYNTAX, 3, NULL);
}

static void
test_checklist_load (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) missing = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *missing_path = NULL;
  const char      *text = "\xEF\xBB\xBFref;chapter;title;points;mandatory\r\n"
                          "2.1;2.0;Financials;20;yes\r\n"
                          "2.2;2.0;\"Bad;points\";twenty;no\r\n";

  dir = g_dir_make_tmp ("evident-test-csv-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "checklist.csv", NULL);
  missing_path = g_build_filename (dir, "missing.csv", NULL);

  g_file_set_contents (path,
                       "ref,chapter,title,points,mandatory\n"
                       "2.1,2.0,Financials,20,yes\n"
                       "2.2,2.0,Audited accounts,30,no\n",
                       -1, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  entries = evident_checklist_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (entry_at (entries, 0)->title, ==, "Financials");
  g_assert_true (entry_at (entries, 0)->mandatory);
  g_assert_cmpstr (entry_at (entries, 1)->ref, ==, "2.2");
  g_assert_cmpint (entry_at (entries, 1)->points, ==, 30);
  g_assert_cmpuint (entry_at (entries, 1)->line, ==, 3);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Parse errors name the line, not the file. */
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  entries = evident_checklist_load (file, NULL, &error);
  g_assert_null (entries);
  assert_csv_error (error, EVIDENT_CSV_ERROR_BAD_VALUE, 3);
  g_assert_null (strstr (error->message, "checklist.csv"));
  g_clear_error (&error);

  /* I/O errors pass through. */
  missing = g_file_new_for_path (missing_path);
  entries = evident_checklist_load (missing, NULL, &error);
  g_assert_null (entries);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Sheets: delimiters and encodings */

static EvidentSheet *
read_sheet_len (const char *text, gsize len, EvidentCsvFormat *format, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, len);

  return evident_csv_read_sheet (bytes, format, error);
}

static EvidentSheet *
read_sheet (const char *text, EvidentCsvFormat *format)
{
  g_autoptr (GError) error = NULL;
  EvidentSheet *sheet = read_sheet_len (text, strlen (text), format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

/* UTF-16 of an ASCII-and-Latin-1 @text, with a byte order mark. */
static GBytes *
to_utf16 (const char *text, gboolean big_endian)
{
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, NULL, NULL);
  GByteArray           *bytes = g_byte_array_new ();

  for (gsize i = 0;; i++)
    {
      guint  unit = i == 0 ? 0xFEFF : units[i - 1];
      guint8 pair[2];

      if (i > 0 && units[i - 1] == 0)
        break;
      pair[0] = big_endian ? unit >> 8 : unit & 0xFF;
      pair[1] = big_endian ? unit & 0xFF : unit >> 8;
      g_byte_array_append (bytes, pair, 2);
    }

  return g_byte_array_free_to_bytes (bytes);
}

static void
test_sheet_delimiters (void)
{
  static const struct
  {
    const char *text;
    char        delimiter;
    const char *title; /* of A-1 */
  } cases[] = {
    { "ID,Title\nA-1,\"Plan; do\"\n", ',', "Plan; do" },
    { "ID;Title\nA-1;Plan, do, check\n", ';', "Plan, do, check" },
    { "ID\tTitle\nA-1\tPlan, do, check; act\n", '\t', "Plan, do, check; act" },
    { "ID|Title\nA-1|Plan, do\n", '|', "Plan, do" },
    /* A title cell above the header does not mislead the sniffer. */
    { "\"Title of the list, with a comma\"\nID;Title\nA-1;Plan\nA-2;Do\n", ';', "Plan" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EvidentCsvFormat format;
      g_autoptr (EvidentSheet) sheet = read_sheet (cases[i].text, &format);
      guint row = 0;

      g_assert_cmpint (format.delimiter, ==, cases[i].delimiter);
      g_assert_cmpint (format.encoding, ==, EVIDENT_CSV_ENCODING_UTF8);
      g_assert_true (evident_sheet_is_csv (sheet));
      while (row < evident_sheet_get_n_rows (sheet) &&
             g_strcmp0 (evident_sheet_get_cell (sheet, row, 0), "A-1") != 0)
        row++;
      g_assert_cmpstr (evident_sheet_get_cell (sheet, row, 1), ==, cases[i].title);
    }
}

static void
test_sheet_records (void)
{
  g_autoptr (EvidentSheet) sheet = NULL;

  /* The AWS CSV export's shape: a multi-line title cell first, the header
   * later, rows of empty fields kept as rows, each remembering its line. */
  sheet = read_sheet ("\"Programme\r\nSelf-assessment\",,,\r\n"              /* 1, 2 */
                      ",,,\r\n"                                              /* 3 */
                      "\r\n"                                                 /* 4: not a record */
                      "ID,Requirement Description,Met?,Partner Response\r\n" /* 5 */
                      "Business,,,\r\n"                                      /* 6 */
                      "BUSP-001,\"Line one\r\nMandatory\",Yes,\r\n",         /* 7, 8 */
                      NULL);
  g_assert_cmpuint (evident_sheet_get_n_rows (sheet), ==, 5);
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 0, 0), ==, "Programme\nSelf-assessment");
  g_assert_true (evident_sheet_row_is_empty (sheet, 1));
  g_assert_cmpuint (evident_sheet_get_row_line (sheet, 1), ==, 3);
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 2, 3), ==, "Partner Response");
  g_assert_cmpuint (evident_sheet_get_row_line (sheet, 2), ==, 5);
  g_assert_cmpuint (evident_sheet_row_get_n_filled (sheet, 3), ==, 1);
  g_assert_cmpuint (evident_sheet_get_row_line (sheet, 4), ==, 7);
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 4, 1), ==, "Line one\nMandatory");
}

static void
test_sheet_utf16 (void)
{
  /* Excel's "Unicode Text": UTF-16 LE with a byte order mark, tabs. */
  for (guint big_endian = 0; big_endian < 2; big_endian++)
    {
      g_autoptr (GBytes) bytes = to_utf16 ("ID\tTitel\r\n"
                                           "Ä-1\t\"Größe, Maß\"\r\n"
                                           "Ä-2\t5 €\r\n",
                                           big_endian);
      g_autoptr (GError) error = NULL;
      g_autoptr (EvidentSheet) sheet = NULL;
      g_autofree char *described = NULL;
      EvidentCsvFormat format;

      sheet = evident_csv_read_sheet (bytes, &format, &error);
      g_assert_no_error (error);
      g_assert_cmpint (format.encoding, ==,
                       big_endian ? EVIDENT_CSV_ENCODING_UTF16BE : EVIDENT_CSV_ENCODING_UTF16LE);
      g_assert_cmpint (format.delimiter, ==, '\t');
      g_assert_cmpstr (evident_sheet_get_cell (sheet, 0, 1), ==, "Titel");
      g_assert_cmpstr (evident_sheet_get_cell (sheet, 1, 0), ==, "Ä-1");
      g_assert_cmpstr (evident_sheet_get_cell (sheet, 1, 1), ==, "Größe, Maß");
      g_assert_cmpstr (evident_sheet_get_cell (sheet, 2, 1), ==, "5 €");
      g_assert_cmpuint (evident_sheet_get_row_line (sheet, 2), ==, 3);
      described = evident_csv_format_describe (&format);
      g_assert_cmpstr (described, ==,
                       big_endian ? "UTF-16BE, separated by tabs" : "UTF-16LE, separated by tabs");
    }
}

static void
test_sheet_windows_1252 (void)
{
  /* "Prüfung;Maßnahme;Kosten" … with ä, ö, ü, ß and € as Windows-1252
   * bytes, as a spreadsheet in a German locale saves "CSV". */
  static const char text[] = "Nr;Pr\xFC"
                             "fung;Ma\xDF"
                             "nahme\r\n"
                             "1;\xC4nderungen;200 \x80\r\n"
                             "2;\xD6"
                             "ffnung;\x84zitiert\x93\r\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentSheet) sheet = NULL;
  g_autofree char *described = NULL;
  EvidentCsvFormat format;

  sheet = read_sheet_len (text, sizeof text - 1, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpint (format.encoding, ==, EVIDENT_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpint (format.delimiter, ==, ';');
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 0, 1), ==, "Prüfung");
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 0, 2), ==, "Maßnahme");
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 1, 1), ==, "Änderungen");
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 1, 2), ==, "200 €");
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 2, 1), ==, "Öffnung");
  g_assert_cmpstr (evident_sheet_get_cell (sheet, 2, 2), ==, "„zitiert“");
  described = evident_csv_format_describe (&format);
  g_assert_cmpstr (described, ==,
                   "Windows-1252 (assumed: the file is not UTF-8), separated by semicolons");
  g_assert_cmpstr (evident_csv_encoding_get_name (format.encoding), ==, "Windows-1252");

  /* With a UTF-8 byte order mark, bytes that are not UTF-8 are an error. */
  {
    static const char marked[] = "\xEF\xBB\xBF"
                                 "a;b\n1;\xFC\n";
    g_autoptr (EvidentSheet) refused = read_sheet_len (marked, sizeof marked - 1, NULL, &error);

    g_assert_null (refused);
    assert_csv_error (error, EVIDENT_CSV_ERROR_ENCODING, 2);
  }
}

static void
test_sheet_bad_encodings (void)
{
  /* An odd number of bytes after a UTF-16 byte order mark. */
  static const char odd[] = "\xFF\xFE"
                            "a\0,\0b\0\n\0"
                            "1\0,\0"
                            "2";
  /* A byte Windows-1252 does not define, on line 2. */
  static const char undefined[] = "a,b\n1,\x81\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentSheet) sheet = NULL;

  sheet = read_sheet_len (odd, sizeof odd - 1, NULL, &error);
  g_assert_null (sheet);
  assert_csv_error (error, EVIDENT_CSV_ERROR_ENCODING, 2);
  g_clear_error (&error);

  sheet = read_sheet_len (undefined, sizeof undefined - 1, NULL, &error);
  g_assert_null (sheet);
  assert_csv_error (error, EVIDENT_CSV_ERROR_ENCODING, 2);
  g_clear_error (&error);

  /* Strict syntax whatever the encoding: nothing is read. */
  sheet = read_sheet_len ("a;b\n1;2\n3;4\"5\n", 14, NULL, &error);
  g_assert_null (sheet);
  assert_csv_error (error, EVIDENT_CSV_ERROR_SYNTAX, 3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/table/comma", test_table_comma);
  g_test_add_func ("/csv/table/semicolon", test_table_semicolon);
  g_test_add_func ("/csv/table/delimiter-detection", test_table_delimiter_detection);
  g_test_add_func ("/csv/table/bom", test_table_bom);
  g_test_add_func ("/csv/table/line-endings", test_table_line_endings);
  g_test_add_func ("/csv/table/quoted", test_table_quoted);
  g_test_add_func ("/csv/table/blank-lines", test_table_blank_lines);
  g_test_add_func ("/csv/table/short-rows", test_table_short_rows);
  g_test_add_func ("/csv/table/header-only", test_table_header_only);
  g_test_add_func ("/csv/table/too-many-fields", test_table_too_many_fields);
  g_test_add_func ("/csv/table/unterminated-quote", test_table_unterminated_quote);
  g_test_add_func ("/csv/table/stray-quote", test_table_stray_quote);
  g_test_add_func ("/csv/table/not-utf8", test_table_not_utf8);
  g_test_add_func ("/csv/table/empty", test_table_empty);

  g_test_add_func ("/csv/sheet/delimiters", test_sheet_delimiters);
  g_test_add_func ("/csv/sheet/records", test_sheet_records);
  g_test_add_func ("/csv/sheet/utf16", test_sheet_utf16);
  g_test_add_func ("/csv/sheet/windows-1252", test_sheet_windows_1252);
  g_test_add_func ("/csv/sheet/bad-encodings", test_sheet_bad_encodings);

  g_test_add_func ("/csv/checklist/full", test_checklist_full);
  g_test_add_func ("/csv/checklist/spreadsheet-export", test_checklist_spreadsheet_export);
  g_test_add_func ("/csv/checklist/columns", test_checklist_columns);
  g_test_add_func ("/csv/checklist/mandatory-spellings", test_checklist_mandatory_spellings);
  g_test_add_func ("/csv/checklist/bad-mandatory", test_checklist_bad_mandatory);
  g_test_add_func ("/csv/checklist/missing-column", test_checklist_missing_column);
  g_test_add_func ("/csv/checklist/bad-points", test_checklist_bad_points);
  g_test_add_func ("/csv/checklist/long-bad-value", test_checklist_long_bad_value);
  g_test_add_func ("/csv/checklist/empty-ref-or-title", test_checklist_empty_ref_or_title);
  g_test_add_func ("/csv/checklist/duplicate", test_checklist_duplicate);
  g_test_add_func ("/csv/checklist/empty", test_checklist_empty);
  g_test_add_func ("/csv/checklist/table-errors", test_checklist_table_errors);
  g_test_add_func ("/csv/checklist/load", test_checklist_load);

  return g_test_run ();
}
