/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Published checklists of many shapes, built in code with their real
 * column names and reference styles but in Evident's own words: control
 * catalogues, safeguard lists with heading rows, matrices with a title
 * block and a two-row header, statements of applicability, criteria with
 * points of focus below them, requirement lists numbered 1.1.1. Each
 * imports with no mapping. */

#include "config.h"

#include <string.h>

#include <xlsxwriter.h>

#include "import-test-support.h"
#include "test-fixtures.h"

/* Helpers */

static void
assert_chapter (EvidentImport *import,
                guint          i,
                const char    *number,
                const char    *title,
                guint          n_items)
{
  const EvidentImportChapter *chapter = chapter_at (import, i);

  g_assert_cmpstr (chapter->number, ==, number);
  g_assert_cmpstr (chapter->title, ==, title);
  g_assert_cmpuint (chapter->n_items, ==, n_items);
}

static const char *
field_column (EvidentImport *import, guint sheet, EvidentImportField field)
{
  static char *name = NULL;
  int          column = evident_import_get_column (import, sheet, field);

  g_clear_pointer (&name, g_free);
  if (column < 0)
    return NULL;
  name = evident_import_dup_column_name (import, sheet, (guint) column);
  return name;
}

/* A control catalogue: "Control Identifier", a name with a remark in
 * parentheses, multi-line control text, families from the identifiers. */
static void
test_control_catalogue (void)
{
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (GString) csv = g_string_new (
      "Control Identifier,Control (or Control Enhancement) Name,Control Text,Discussion,"
      "Related Controls\r\n");

  g_string_append (csv,
                   "KM-1,Policy and Procedures,\"a. Write the key policy down;\nb. share it.\","
                   "Why it helps.,\"KM-2, LG-1\"\r\n");
  g_string_append (csv, "KM-2,Key Inventory,Keep a list of keys.,,KM-1\r\n");
  g_string_append (csv, "KM-2(1),Key Inventory | Automated List,Keep the list by tools.,,\r\n");
  g_string_append (csv, "LG-1,Log Policy,Write the log policy down.,,\r\n");
  g_string_append (csv, "LG-7(12),Log Host Protection,Protect the log hosts.,,\r\n");
  g_string_append (csv, "LG-8,[Withdrawn: Incorporated into LG-1.],,,\r\n");
  g_string_append (csv, "LG-9,Log Review,[Withdrawn: Moved to LG-7(12).],,\r\n");
  import = import_csv (csv->str);

  assert_no_problems (import);
  g_assert_cmpint (skip_reason (import, 0, 6), ==, EVIDENT_IMPORT_SKIP_WITHDRAWN);
  g_assert_cmpint (skip_reason (import, 0, 7), ==, EVIDENT_IMPORT_SKIP_WITHDRAWN);
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_REF), ==, "Control Identifier");
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_TITLE), ==,
                   "Control (or Control Enhancement) Name");
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_REQUIREMENT), ==, "Control Text");
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 5);
  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 2);
  assert_chapter (import, 0, "KM", "", 3);
  assert_chapter (import, 1, "LG", "", 2);
  g_assert_cmpstr (find_entry (import, "KM-1")->requirement, ==,
                   "a. Write the key policy down;\nb. share it.");
  g_assert_cmpstr (find_entry (import, "KM-2(1)")->title, ==, "Key Inventory | Automated List");
  g_assert_cmpstr (
      evident_checklist_entry_get_extra (find_entry (import, "KM-1"), "Related Controls"), ==,
      "KM-2, LG-1");
}

/* Requirements numbered in a column called "Requirement", their text in
 * "Defined Approach Requirements", the assessor's procedures beside. */
static void
test_requirement_numbers (void)
{
  g_autoptr (EvidentImport) import = import_csv (
      "Requirement,Defined Approach Requirements,Defined Approach Testing Procedures,Guidance\n"
      "1,Keep the network under control,,\n"
      "1.1,The network rules are defined and understood.,,\n"
      "1.1.1,The network rules are written down.,Examine the written rules.,Keep them short.\n"
      "1.2.1,The rules are reviewed.,Interview the reviewers.,\n"
      "12.10.7,Incidents are rehearsed.,Examine the rehearsal notes.,\n");

  assert_no_problems (import);
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_REF), ==, "Requirement");
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_REQUIREMENT), ==,
                   "Defined Approach Requirements");
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_EVIDENCE), ==,
                   "Defined Approach Testing Procedures");
  g_assert_cmpstr (find_entry (import, "12.10.7")->requirement, ==, "Incidents are rehearsed.");
  g_assert_cmpstr (find_entry (import, "1.2.1")->evidence, ==, "Interview the reviewers.");
  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 2);
  assert_chapter (import, 0, "1", "Keep the network under control", 2);
  assert_chapter (import, 1, "12", "", 1);

  /* Sections from the first two parts. */
  g_assert_cmpstr (find_entry (import, "1.2.1")->section, ==, "1.2");
  g_assert_cmpstr (find_entry (import, "12.10.7")->section, ==, "12.10");
  g_assert_cmpuint (chapter_at (import, 0)->sections->len, ==, 2);

  /* The rows numbered as the chapter and the section head them. */
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 3);
  g_assert_cmpstr (chapter_at (import, 0)->title, ==, "Keep the network under control");
  g_assert_cmpstr (find_entry (import, "1.1.1")->section_title, ==,
                   "The network rules are defined and understood");
  g_assert_cmpint (skip_reason (import, 0, 1), ==, EVIDENT_IMPORT_SKIP_BAND);
  g_assert_cmpint (skip_reason (import, 0, 2), ==, EVIDENT_IMPORT_SKIP_BAND);
}

/* A statement of applicability: "Applicable (Y/N)" and why. */
static void
test_applicability (void)
{
  g_autoptr (EvidentImport) import =
      import_csv ("Control;Control name;Applicable (Y/N);Justification\r\n"
                  "A.5;Organisational controls;;\r\n"
                  "A.5.1;Policies;Y;Asked for by the board\r\n"
                  "A.7.4;Physical monitoring;N;We rent no premises\r\n"
                  "A.8.34;Audit testing;y;\r\n");
  EvidentChecklistEntry *entry;

  assert_no_problems (import);
  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 3);
  assert_chapter (import, 0, "A.5", "Organisational controls", 1);
  assert_chapter (import, 1, "A.7", "", 1);
  g_assert_cmpint (skip_reason (import, 0, 1), ==, EVIDENT_IMPORT_SKIP_BAND);
  entry = find_entry (import, "A.7.4");
  g_assert_true (entry->state.has_status);
  g_assert_cmpint (entry->state.status, ==, EVIDENT_STATUS_NOT_APPLICABLE);
  g_assert_cmpstr (entry->state.reason, ==, "We rent no premises");
  g_assert_false (find_entry (import, "A.5.1")->state.has_status);
  g_assert_false (find_entry (import, "A.8.34")->state.has_status);
  g_assert_cmpstr (find_entry (import, "A.8.34")->title, ==, "Audit testing");
}

/* References in number cells that cannot be told apart: the message
 * says why. */
static void
test_number_cell_duplicates (void)
{
  EvidentSheet *sheet = evident_sheet_new ("List");
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (GError) error = NULL;

  set_row (sheet, 0, "Ref", "Title", NULL);
  set_row (sheet, 1, "1.1", "First", NULL);
  set_row (sheet, 2, "1.2", "Second", NULL);
  set_row (sheet, 3, "1.1", "Tenth", NULL);
  import = import_sheets (sheet, NULL);

  g_assert_false (evident_import_check (import, &error));
  g_assert_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_DUPLICATE);
  g_assert_true (g_str_has_prefix (error->message, "Sheet “List”, row 4: "));
  g_assert_nonnull (strstr (error->message, "format it as text"));
}

/* Criteria with a header named "TSC Ref. #": signs and dots around the
 * name. */
static void
test_header_signs (void)
{
  EvidentSheet *sheet = evident_sheet_new ("Criteria");
  g_autoptr (EvidentImport) import = NULL;

  set_row (sheet, 0, "TSC Ref. #", "Trust Services Criteria", NULL);
  set_row (sheet, 1, "CC1.1", "The entity shows it values integrity.", NULL);
  set_row (sheet, 2, "CC6.1", "The entity limits logical access.", NULL);
  set_row (sheet, 3, "PI1.3", "The entity processes data completely.", NULL);
  import = import_sheets (sheet, NULL);

  assert_no_problems (import);
  g_assert_cmpint (evident_import_get_header_row (import, 0), ==, 0);
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_REF), ==, "TSC Ref. #");
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_REQUIREMENT), ==,
                   "Trust Services Criteria");
  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 3);
  assert_chapter (import, 0, "CC1", "", 1);
  assert_chapter (import, 2, "PI1", "", 1);
}

/* A safeguard list: a licence sheet first; a control's own row (its
 * number, title and description, no safeguard) above its safeguards;
 * safeguards in number cells, so that 1.10 reads "1.1"; implementation
 * groups as marks under IG1, IG2, IG3. */
static void
test_safeguards (void)
{
  EvidentSheet *licence = evident_sheet_new ("License for Use");
  EvidentSheet *sheet = evident_sheet_new ("Controls");
  g_autoptr (EvidentImport) import = NULL;
  const char *const minors[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "1", "11", "12" };
  guint             row = 0;

  set_row (licence, 0, "Sample safeguards, for trying the import", NULL);
  set_row (licence, 2, "Use them as you like.", NULL);
  set_row (sheet, row++, "CIS Control", "CIS Safeguard", "Asset Type", "Security Function", "Title",
           "Description", "IG1", "IG2", "IG3", NULL);
  for (guint control = 1; control <= 2; control++)
    {
      g_autofree char *number = g_strdup_printf ("%u", control);
      g_autofree char *title = g_strdup_printf ("Control %u as a whole", control);

      set_row (sheet, row++, number, "", "", "", title, "What the control is for.", NULL);
      for (guint i = 0; i < G_N_ELEMENTS (minors); i++)
        {
          g_autofree char *ref = g_strdup_printf ("%u.%s", control, minors[i]);
          g_autofree char *name =
              g_strdup_printf ("Safeguard number %u of control %u", i + 1, control);

          set_row (sheet, row++, number, ref, "Devices", "Identify", name, "Do it weekly.",
                   i < 2 ? "x" : "", i < 6 ? "x" : "", "x", NULL);
        }
    }
  import = import_sheets (licence, sheet, NULL);

  assert_no_problems (import);
  g_assert_cmpint (evident_import_get_sheet_status (import, 0), ==, EVIDENT_IMPORT_SHEET_NO_HEADER);
  g_assert_cmpint (evident_import_get_sheet_status (import, 1), ==, EVIDENT_IMPORT_SHEET_USED);
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 24);
  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 2);
  assert_chapter (import, 0, "1", "Control 1 as a whole", 12);
  assert_chapter (import, 1, "2", "Control 2 as a whole", 12);
  g_assert_cmpint (skip_reason (import, 1, 1), ==, EVIDENT_IMPORT_SKIP_BAND);
  g_assert_cmpint (skip_reason (import, 1, 14), ==, EVIDENT_IMPORT_SKIP_BAND);

  /* 1.10 after 1.9, as the number cell lost its zero. */
  g_assert_cmpstr (find_entry (import, "1.10")->title, ==, "Safeguard number 10 of control 1");
  g_assert_cmpstr (find_entry (import, "1.1")->title, ==, "Safeguard number 1 of control 1");
  g_assert_cmpstr (find_entry (import, "2.10")->title, ==, "Safeguard number 10 of control 2");

  /* The first group marked is the level. */
  g_assert_cmpuint (evident_import_get_max_level (import), ==, 3);
  evident_import_set_mandatory_level (import, 1);
  g_assert_true (find_entry (import, "1.2")->mandatory);
  g_assert_false (find_entry (import, "1.3")->mandatory);
  evident_import_set_mandatory_level (import, 2);
  g_assert_true (find_entry (import, "1.6")->mandatory);
  g_assert_false (find_entry (import, "1.7")->mandatory);
  g_assert_cmpstr (evident_checklist_entry_get_extra (find_entry (import, "1.7"), "IG3"), ==, "x");
}

/* A matrix: a title block, a two-row header, the domain named once for
 * its controls with its code, a sheet of mappings and a hidden list. */
static void
test_matrix (void)
{
  EvidentSheet *intro = evident_sheet_new ("Introduction");
  EvidentSheet *sheet = evident_sheet_new ("Matrix");
  EvidentSheet *mappings = evident_sheet_new ("Mappings");
  EvidentSheet *guidelines = evident_sheet_new ("Implementation Guidelines");
  g_autoptr (EvidentImport) import = NULL;
  EvidentSheetRange title = { 0, 0, 0, 5 };

  set_row (intro, 0, "About the sample matrix", NULL);
  set_row (sheet, 0, "Sample Controls Matrix", NULL);
  evident_sheet_add_merge (sheet, &title);
  set_row (sheet, 1, "Version 1, in our own words", NULL);
  set_row (sheet, 3, "Control Domain", "Control Title", "Control ID", "Control Specification",
           "Architectural Relevance", NULL);
  set_row (sheet, 4, "", "", "", "", "Network", "Compute", NULL);
  set_row (sheet, 5, "Audit & Assurance - A&A", "Audit plan", "A&A-01", "Plan the audits.", "TRUE",
           "FALSE", NULL);
  set_row (sheet, 6, "", "Independent audits", "A&A-02", "Have others audit.\nYearly.", "TRUE",
           "TRUE", NULL);
  set_row (sheet, 7, "Application & Interface Security - AIS", "Baselines", "AIS-01",
           "Keep baselines.", "FALSE", "TRUE", NULL);
  set_row (sheet, 8, "", "Testing", "AIS-02", "Test the interfaces.", "", "", NULL);
  set_row (mappings, 0, "Control ID", "Other standard", NULL);
  set_row (mappings, 1, "A&A-01", "5.1", NULL);
  set_row (mappings, 2, "AIS-02", "8.2", NULL);
  set_row (guidelines, 0, "Control ID", "Control Title", "Implementation Guidelines", NULL);
  set_row (guidelines, 1, "A&A-01", "Audit plan", "Start with a yearly plan.", NULL);
  set_row (guidelines, 2, "A&A-02", "Independent audits", "Ask a second firm.", NULL);
  set_row (guidelines, 3, "AIS-01", "Baselines", "Write them per service.", NULL);
  import = import_sheets (intro, sheet, mappings, guidelines, NULL);

  assert_no_problems (import);
  g_assert_cmpint (evident_import_get_sheet_status (import, 1), ==, EVIDENT_IMPORT_SHEET_USED);
  g_assert_cmpint (evident_import_get_sheet_status (import, 2), ==, EVIDENT_IMPORT_SHEET_NO_HEADER);
  g_assert_cmpint (evident_import_get_sheet_status (import, 3), ==, EVIDENT_IMPORT_SHEET_REPEATED);
  g_assert_cmpint (evident_import_get_header_row (import, 1), ==, 3);
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 4);
  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 2);
  assert_chapter (import, 0, "A&A", "Audit & Assurance", 2);
  assert_chapter (import, 1, "AIS", "Application & Interface Security", 2);
  g_assert_cmpstr (find_entry (import, "A&A-02")->requirement, ==, "Have others audit.\nYearly.");
  g_assert_cmpint (skip_reason (import, 1, 4), ==, EVIDENT_IMPORT_SKIP_NO_REFERENCE);

  /* The user may take the repeating sheet in: a chapter per sheet, and
   * the references twice. */
  evident_import_set_sheet_used (import, 3, TRUE);
  g_assert_cmpint (evident_import_get_sheet_status (import, 3), ==, EVIDENT_IMPORT_SHEET_USED);
  g_assert_cmpint (evident_import_get_problems (import)->len, >, 0);
}

/* Levels as marks under level1, level2, level3 (ASVS 4's CSV). */
static void
test_level_marks (void)
{
  g_autoptr (EvidentImport) import =
      import_csv ("chapter_id,chapter_name,req_id,req_description,level1,level2,level3,cwe\n"
                  "V1,Architecture,1.1.1,Use a secure lifecycle.,,X,X,\n"
                  "V1,Architecture,1.1.2,Model the threats.,X,X,X,1053\n"
                  "V2,Authentication,2.1.1,Passwords are long.,,,X,521\n");

  assert_no_problems (import);
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_LEVEL), ==, "level1");
  g_assert_cmpuint (evident_import_get_max_level (import), ==, 3);
  evident_import_set_mandatory_level (import, 2);
  g_assert_true (find_entry (import, "1.1.1")->mandatory);
  g_assert_true (find_entry (import, "1.1.2")->mandatory);
  g_assert_false (find_entry (import, "2.1.1")->mandatory);
  g_assert_cmpstr (evident_checklist_entry_get_extra (find_entry (import, "2.1.1"), "cwe"), ==,
                   "521");
}

/* Criteria with points of focus in rows of their own below them: in an
 * extra column, or in the criterion's own column. */
static void
test_points_of_focus (void)
{
  EvidentSheet *sheet = evident_sheet_new ("Criteria");
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (EvidentImport) in_column = NULL;
  EvidentChecklistEntry *entry;

  set_row (sheet, 0, "TSC Ref. #", "Trust Services Criteria", "Points of Focus", NULL);
  set_row (sheet, 1, "CC1.1", "The entity values integrity.", "", NULL);
  set_row (sheet, 2, "", "", "Sets the tone at the top", NULL);
  set_row (sheet, 3, "", "", "Keeps standards of conduct", NULL);
  set_row (sheet, 4, "CC6.1", "The entity limits logical access.", "", NULL);
  set_row (sheet, 5, "", "", "Keeps an inventory of assets", NULL);
  import = import_sheets (sheet, NULL);

  assert_no_problems (import);
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 2);
  entry = find_entry (import, "CC1.1");
  g_assert_cmpstr (entry->requirement, ==, "The entity values integrity.");
  g_assert_cmpstr (evident_checklist_entry_get_extra (entry, "Points of Focus"), ==,
                   "Sets the tone at the top\nKeeps standards of conduct");
  g_assert_cmpstr (
      evident_checklist_entry_get_extra (find_entry (import, "CC6.1"), "Points of Focus"), ==,
      "Keeps an inventory of assets");
  g_assert_cmpint (skip_reason (import, 0, 2), ==, EVIDENT_IMPORT_SKIP_CONTINUATION);
  g_assert_cmpint (skip_reason (import, 0, 5), ==, EVIDENT_IMPORT_SKIP_CONTINUATION);

  in_column = import_csv ("Ref,Criteria\n"
                          "A1.2,The entity protects its recovery sites.\n"
                          ",Points of focus:\n"
                          ",Checks the backups\n"
                          "PI1.3,The entity processes inputs completely.\n");
  assert_no_problems (in_column);
  g_assert_cmpuint (evident_import_get_entries (in_column)->len, ==, 2);
  g_assert_cmpstr (find_entry (in_column, "A1.2")->requirement, ==,
                   "The entity protects its recovery sites.\nPoints of focus:\nChecks the backups");
  g_assert_cmpstr (find_entry (in_column, "A1.2")->title, ==,
                   "The entity protects its recovery sites");
}

/* A workbook as spreadsheets save it: a hidden sheet of values first
 * (which has a header too), references in number cells (1.10 is 1.1). */
static void
test_workbook_cells (void)
{
  g_auto_tmp_dir   dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "list.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentImport) import = NULL;
  lxw_workbook  *workbook = workbook_new (path);
  lxw_worksheet *values = workbook_add_worksheet (workbook, "Values");
  lxw_worksheet *list = workbook_add_worksheet (workbook, "List");

  worksheet_write_string (values, 0, 0, "ID", NULL);
  worksheet_write_string (values, 0, 1, "Title", NULL);
  worksheet_write_string (values, 1, 0, "V-1", NULL);
  worksheet_write_string (values, 1, 1, "Yes", NULL);
  worksheet_hide (values);
  worksheet_activate (list);
  worksheet_write_string (list, 0, 0, "Ref", NULL);
  worksheet_write_string (list, 0, 1, "Title", NULL);
  for (guint i = 1; i <= 11; i++)
    {
      g_autofree char *title = g_strdup_printf ("Step %u", i);

      worksheet_write_number (list, i, 0, 3 + (i < 10 ? i / 10.0 : i / 100.0), NULL);
      worksheet_write_string (list, i, 1, title, NULL);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  import = evident_import_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  assert_no_problems (import);
  g_assert_cmpint (evident_import_get_sheet_status (import, 0), ==, EVIDENT_IMPORT_SHEET_HIDDEN);
  g_assert_cmpint (evident_import_get_sheet_status (import, 1), ==, EVIDENT_IMPORT_SHEET_USED);
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 11);
  g_assert_cmpstr (find_entry (import, "3.1")->title, ==, "Step 1");
  g_assert_cmpstr (find_entry (import, "3.10")->title, ==, "Step 10");
  g_assert_cmpstr (find_entry (import, "3.11")->title, ==, "Step 11");

  /* The user can take the hidden sheet in. */
  evident_import_set_sheet_used (import, 0, TRUE);
  g_assert_cmpint (evident_import_get_sheet_status (import, 0), ==, EVIDENT_IMPORT_SHEET_USED);
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 12);
}

static EvidentImport *
import_workbook_file (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  EvidentImport *import = evident_import_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  return import;
}

/* Rows the author hid (by hand, by a filter, folded in a group) are items
 * taken out of use: skipped and counted; a grouped row that shows is an
 * item, and a hidden band still names the rows below it. A hidden column is proposed for no field and kept as no extra field, but
 * the user may still choose it. */
static void
test_hidden_rows_and_columns (void)
{
  g_auto_tmp_dir   dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "hidden.xlsx", NULL);
  g_autoptr (EvidentImport) import = NULL;
  lxw_workbook       *workbook = workbook_new (path);
  lxw_worksheet      *sheet = workbook_add_worksheet (workbook, "Checks");
  lxw_row_col_options hidden = { .hidden = 1 };
  lxw_row_col_options grouped = { .level = 1 };
  lxw_row_col_options folded = { .hidden = 1, .level = 1 };
  const char *const   rows[][4] = {
    { "ID", "Title", "Requirement", "Lookup" },
    { "Asset management", "", "", "" },
    { "HR-1", "Old register", "Keep a register of assets.", "k1" },
    { "HR-2", "Old review", "Review the register yearly.", "k2" },
    { "HR-3", "Old owner", "Name an owner for each asset.", "k3" },
    { "HR-4", "Old label", "Label the assets.", "k4" },
    { "HR-5", "Old disposal", "Dispose of assets safely.", "k5" },
  };

  for (guint row = 0; row < G_N_ELEMENTS (rows); row++)
    for (guint column = 0; column < 4; column++)
      if (*rows[row][column] != '\0')
        worksheet_write_string (sheet, row, column, rows[row][column], NULL);
  worksheet_set_column_opt (sheet, 1, 1, LXW_DEF_COL_WIDTH, NULL, &hidden);
  worksheet_set_column_opt (sheet, 3, 3, LXW_DEF_COL_WIDTH, NULL, &hidden);
  /* A filter hides the band with the items it leaves out. */
  worksheet_set_row_opt (sheet, 1, LXW_DEF_ROW_HEIGHT, NULL, &hidden);
  worksheet_set_row_opt (sheet, 3, LXW_DEF_ROW_HEIGHT, NULL, &hidden);
  worksheet_set_row_opt (sheet, 4, LXW_DEF_ROW_HEIGHT, NULL, &grouped);
  worksheet_set_row_opt (sheet, 5, LXW_DEF_ROW_HEIGHT, NULL, &folded);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  import = import_workbook_file (path);
  assert_no_problems (import);
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 3);
  g_assert_cmpint (skip_reason (import, 0, 1), ==, EVIDENT_IMPORT_SKIP_BAND);
  g_assert_cmpint (skip_reason (import, 0, 3), ==, EVIDENT_IMPORT_SKIP_HIDDEN);
  g_assert_cmpint (skip_reason (import, 0, 5), ==, EVIDENT_IMPORT_SKIP_HIDDEN);
  g_assert_cmpuint (evident_import_count_skipped (import, 0, EVIDENT_IMPORT_SKIP_HIDDEN), ==, 2);
  g_assert_cmpstr (evident_import_skip_reason_get_label (EVIDENT_IMPORT_SKIP_HIDDEN), ==, "Hidden");
  g_assert_nonnull (find_entry (import, "HR-3"));
  g_assert_nonnull (find_entry (import, "HR-5"));
  g_assert_cmpstr (find_entry (import, "HR-1")->section_title, ==, "Asset management");

  g_assert_null (field_column (import, 0, EVIDENT_IMPORT_FIELD_TITLE));
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_REQUIREMENT), ==, "Requirement");
  g_assert_cmpstr (find_entry (import, "HR-1")->title, ==, "Keep a register of assets");
  g_assert_null (evident_checklist_entry_get_extra (find_entry (import, "HR-1"), "Lookup"));
  g_assert_null (evident_checklist_entry_get_extra (find_entry (import, "HR-1"), "Title"));

  /* Chosen by the user, a hidden column is read. */
  evident_import_set_column (import, 0, EVIDENT_IMPORT_FIELD_TITLE, 1);
  assert_no_problems (import);
  g_assert_cmpstr (find_entry (import, "HR-1")->title, ==, "Old register");
}

/* References in number cells read as the spreadsheet shows them: a
 * 1.10 kept as 1.1 but formatted 0.00 is 1.10, wherever it stands; a
 * column formatted 0.00 throughout keeps its zeros; a chapter formatted
 * 0.0 is 1.0. */
static void
test_number_ids_as_shown (void)
{
  g_auto_tmp_dir   dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "shown.xlsx", NULL);
  g_autoptr (EvidentImport) import = NULL;
  lxw_workbook  *workbook = workbook_new (path);
  lxw_worksheet *sorted = workbook_add_worksheet (workbook, "Sorted");
  lxw_worksheet *padded = workbook_add_worksheet (workbook, "Padded");
  lxw_format    *two = workbook_add_format (workbook);
  lxw_format    *one = workbook_add_format (workbook);
  /* As text sorts them: 1.10 and 1.11 before 1.2. */
  const double   sorted_refs[] = { 1.1, 1.1, 1.11, 1.2 };
  const double   padded_refs[] = { 2.01, 2.02, 2.1 };

  format_set_num_format (two, "0.00");
  format_set_num_format (one, "0.0");
  worksheet_write_string (sorted, 0, 0, "Chapter", NULL);
  worksheet_write_string (sorted, 0, 1, "Ref", NULL);
  worksheet_write_string (sorted, 0, 2, "Title", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sorted_refs); i++)
    {
      g_autofree char *title = g_strdup_printf ("Sorted %u", i + 1);

      worksheet_write_number (sorted, i + 1, 0, 1, one);
      worksheet_write_number (sorted, i + 1, 1, sorted_refs[i], i == 1 ? two : NULL);
      worksheet_write_string (sorted, i + 1, 2, title, NULL);
    }
  worksheet_write_string (padded, 0, 0, "Chapter", NULL);
  worksheet_write_string (padded, 0, 1, "Ref", NULL);
  worksheet_write_string (padded, 0, 2, "Title", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (padded_refs); i++)
    {
      g_autofree char *title = g_strdup_printf ("Padded %u", i + 1);

      worksheet_write_number (padded, i + 1, 0, 2, one);
      worksheet_write_number (padded, i + 1, 1, padded_refs[i], two);
      worksheet_write_string (padded, i + 1, 2, title, NULL);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  import = import_workbook_file (path);
  assert_no_problems (import);
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 7);
  g_assert_cmpstr (find_entry (import, "1.1")->title, ==, "Sorted 1");
  g_assert_cmpstr (find_entry (import, "1.10")->title, ==, "Sorted 2");
  g_assert_cmpstr (find_entry (import, "1.11")->title, ==, "Sorted 3");
  g_assert_cmpstr (find_entry (import, "1.2")->title, ==, "Sorted 4");
  g_assert_cmpstr (find_entry (import, "2.01")->title, ==, "Padded 1");
  g_assert_cmpstr (find_entry (import, "2.10")->title, ==, "Padded 3");
  g_assert_cmpstr (chapter_at (import, 0)->number, ==, "1.0");
  g_assert_cmpstr (chapter_at (import, 1)->number, ==, "2.0");
}

/* Obligations as RFC 2119 words or as marks. */
static void
test_obligations (void)
{
  g_autoptr (EvidentImport) words = import_csv ("ID\tTitle\tObligation\n"
                                                "OB-1\tKeep a register\tMUST\n"
                                                "OB-2\tReview it\tShould\n"
                                                "OB-3\tPublish it\tshall\n"
                                                "OB-4\tTranslate it\tMay\n");
  g_autoptr (EvidentImport) marks = import_csv ("ID,Title,Mandatory\n"
                                                "MK-1,Keep a register,x\n"
                                                "MK-2,Review it,\n"
                                                "MK-3,Publish it,\u2713\n");

  assert_no_problems (words);
  g_assert_true (find_entry (words, "OB-1")->mandatory);
  g_assert_false (find_entry (words, "OB-2")->mandatory);
  g_assert_true (find_entry (words, "OB-3")->mandatory);
  g_assert_false (find_entry (words, "OB-4")->mandatory);
  assert_no_problems (marks);
  g_assert_true (find_entry (marks, "MK-1")->mandatory);
  g_assert_false (find_entry (marks, "MK-2")->mandatory);
  g_assert_true (find_entry (marks, "MK-3")->mandatory);
}

/* A framework core: the references start the subcategories, the
 * categories name their code, the function is merged down its rows, and
 * informative references take a row each. */
static void
test_framework_core (void)
{
  EvidentSheet     *sheet = evident_sheet_new ("Core");
  EvidentSheetRange function = { 1, 0, 4, 0 };
  g_autoptr (EvidentImport) import = NULL;
  EvidentChecklistEntry *entry;

  set_row (sheet, 0, "Function", "Category", "Subcategory", "Informative References", NULL);
  set_row (sheet, 1, "KNOW (KN): Know what you run.",
           "Inventory (KN.IN): What runs is written down.", "KN.IN-1: Devices are listed",
           "Sample guide 1", NULL);
  set_row (sheet, 2, "", "", "", "Sample guide 2", NULL);
  set_row (sheet, 3, "", "", "KN.IN-2: Programs are listed", "Sample guide 3", NULL);
  set_row (sheet, 4, "", "Roles (KN.RO): People know their part.",
           "KN.RO-1: Roles are written down", "", NULL);
  evident_sheet_add_merge (sheet, &function);
  import = import_sheets (sheet, NULL);

  assert_no_problems (import);
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_TITLE), ==, "Subcategory");
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 3);
  assert_chapter (import, 0, "KN.IN", "Inventory", 2);
  assert_chapter (import, 1, "KN.RO", "Roles", 1);
  entry = find_entry (import, "KN.IN-1");
  g_assert_cmpstr (entry->title, ==, "Devices are listed");
  g_assert_cmpstr (evident_checklist_entry_get_extra (entry, "Informative References"), ==,
                   "Sample guide 1\nSample guide 2");
  g_assert_cmpint (skip_reason (import, 0, 2), ==, EVIDENT_IMPORT_SKIP_CONTINUATION);
  /* The merged function reads on every row it covers. */
  g_assert_cmpstr (evident_checklist_entry_get_extra (find_entry (import, "KN.RO-1"), "Function"),
                   ==, "KNOW (KN): Know what you run.");
}

/* Sheets that number their items afresh are no repeats: both are read,
 * and the references they share are a problem the user sees. */
static void
test_sheets_numbered_afresh (void)
{
  EvidentSheet *first = evident_sheet_new ("Governance");
  EvidentSheet *second = evident_sheet_new ("Operations");
  g_autoptr (EvidentImport) import = NULL;

  set_row (first, 0, "No", "Title", NULL);
  set_row (first, 1, "1", "Approve the policy", NULL);
  set_row (first, 2, "2", "Name the owners", NULL);
  set_row (second, 0, "No", "Title", NULL);
  set_row (second, 1, "1", "Test the backups", NULL);
  set_row (second, 2, "2", "Patch the hosts", NULL);
  import = import_sheets (first, second, NULL);

  g_assert_cmpint (evident_import_get_sheet_status (import, 0), ==, EVIDENT_IMPORT_SHEET_USED);
  g_assert_cmpint (evident_import_get_sheet_status (import, 1), ==, EVIDENT_IMPORT_SHEET_USED);
  g_assert_cmpuint (evident_import_get_problems (import)->len, >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-shapes/control-catalogue", test_control_catalogue);
  g_test_add_func ("/import-shapes/requirement-numbers", test_requirement_numbers);
  g_test_add_func ("/import-shapes/header-signs", test_header_signs);
  g_test_add_func ("/import-shapes/applicability", test_applicability);
  g_test_add_func ("/import-shapes/number-cell-duplicates", test_number_cell_duplicates);
  g_test_add_func ("/import-shapes/safeguards", test_safeguards);
  g_test_add_func ("/import-shapes/matrix", test_matrix);
  g_test_add_func ("/import-shapes/level-marks", test_level_marks);
  g_test_add_func ("/import-shapes/sheets-numbered-afresh", test_sheets_numbered_afresh);
  g_test_add_func ("/import-shapes/obligations", test_obligations);
  g_test_add_func ("/import-shapes/framework-core", test_framework_core);
  g_test_add_func ("/import-shapes/points-of-focus", test_points_of_focus);
  g_test_add_func ("/import-shapes/workbook-cells", test_workbook_cells);
  g_test_add_func ("/import-shapes/hidden-rows-and-columns", test_hidden_rows_and_columns);
  g_test_add_func ("/import-shapes/number-ids-as-shown", test_number_ids_as_shown);

  return g_test_run ();
}
