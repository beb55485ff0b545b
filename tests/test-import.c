/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The checklist import: every layout built as sheets in code (the workbook
 * reader is tested on its own), derivations, the mapping as an import
 * assistant drives it, skipped rows, problems naming their place, and the
 * real published checklist in ../shared when it is there. Fixtures are in
 * Evident's own words. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "import-test-support.h"

#define ASVS_PATH "/work/shared/real-checklists/owasp-asvs-5.0.0-en.csv"

/* Helpers */

static void
merge (EvidentSheet *sheet, guint row, guint first_column, guint last_column)
{
  EvidentSheetRange range = { row, first_column, row, last_column };

  evident_sheet_add_merge (sheet, &range);
}

static EvidentChecklistEntry *
entry_at (EvidentImport *import, guint i)
{
  GPtrArray *entries = evident_import_get_entries (import);

  g_assert_cmpuint (i, <, entries->len);
  return g_ptr_array_index (entries, i);
}

/* Asserts that the first problem is @code and its message starts with
 * @prefix and mentions @mention. */
static void
assert_problem (EvidentImport     *import,
                EvidentImportError code,
                const char        *prefix,
                const char        *mention)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (evident_import_check (import, &error));
  g_assert_error (error, EVIDENT_IMPORT_ERROR, (int) code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  if (mention != NULL && strstr (error->message, mention) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mention);
}

static const EvidentImportSection *
section_at (const EvidentImportChapter *chapter, guint i)
{
  g_assert_cmpuint (i, <, chapter->sections->len);
  return g_ptr_array_index (chapter->sections, i);
}

static const char *
extra_at (const EvidentChecklistEntry *entry, guint i, const char **name)
{
  const EvidentChecklistExtra *extra;

  g_assert_nonnull (entry->extra);
  g_assert_cmpuint (i, <, entry->extra->len);
  extra = g_ptr_array_index (entry->extra, i);
  *name = extra->name;
  return extra->value;
}

static void
count_cb (EvidentImport *import, guint *count)
{
  (*count)++;
}

/* An AWS-style workbook, in our words */

/* A checklist sheet as AWS lays it out: a merged title, the header, merged
 * bands, the description cell with title, "Mandatory"/"Recommended",
 * requirement and evidence, CR LF and non-breaking spaces. With @blank_rows
 * the blank rows are there, empty; without, they are left out of the file
 * (which reads the same: rows are spreadsheet rows). */
static EvidentSheet *
make_aws_sheet (const char *name, const char *prefix, gboolean blank_rows)
{
  EvidentSheet    *sheet = evident_sheet_new (name);
  g_autofree char *ref1 = g_strdup_printf ("%sP-001", prefix);
  g_autofree char *ref2 = g_strdup_printf ("%sP-002", prefix);
  g_autofree char *ref3 = g_strdup_printf ("%sS-001", prefix);

  evident_sheet_set_cell (sheet, 0, 0, "Evident Partner Programme\r\nSelf-assessment");
  merge (sheet, 0, 0, 3);
  if (blank_rows)
    set_row (sheet, 1, " ", "", "", "\xc2\xa0", NULL);
  set_row (sheet, 2, " id ", "Requirement  description", "MET?", "Partner response", NULL);
  set_row (sheet, 3, "Business", NULL);
  merge (sheet, 3, 0, 3);
  set_row (sheet, 4, ref1,
           "Runbook ownership\r\nMandatory\r\nThe partner names an owner for\xc2\xa0"
           "every runbook "
           "and reviews it yearly.\r\n\r\nEvidence: the runbook register with owners and review "
           "dates.",
           "Yes", "See the register, tab “Owners”.", NULL);
  set_row (sheet, 5, ref2,
           "Change windows\nRecommended\nChanges to customer systems happen in agreed "
           "windows.\nEvidence must show two recent changes and their windows.",
           "", "", NULL);
  if (blank_rows)
    set_row (sheet, 6, "", "", "", "", NULL);
  set_row (sheet, 7,
           "Security (partners who hold the Evident security badge are exempt from "
           "this section)",
           NULL);
  merge (sheet, 7, 0, 3);
  set_row (sheet, 8, ref3,
           "Access\xc2\xa0reviews \r\nMandatory\r\nAccess to customer accounts is reviewed every "
           "quarter.",
           "No", "", NULL);
  return sheet;
}

static EvidentSheet *
make_intro_sheet (void)
{
  EvidentSheet *sheet = evident_sheet_new ("Introduction");

  set_row (sheet, 0, "Evident Partner Programme", NULL);
  merge (sheet, 0, 0, 5);
  set_row (sheet, 2, "How to fill in this workbook", NULL);
  set_row (sheet, 3, "Answer every item of every sheet; attach evidence where asked.", NULL);
  set_row (sheet, 5, "Questions go to the programme team.", NULL);
  return sheet;
}

static EvidentImport *
make_aws_import (gboolean blank_rows)
{
  g_autoptr (GPtrArray) sheets =
      sheet_list (make_intro_sheet (), make_aws_sheet ("Operations", "OPS", blank_rows),
                  make_aws_sheet ("Billing", "BIL", !blank_rows), NULL);

  return evident_import_new (sheets, NULL);
}

static void
test_aws_workbook (void)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr (EvidentImport) import = make_aws_import (pass == 0);
      const EvidentChecklistEntry *entry;
      const EvidentImportChapter  *chapter;

      g_assert_cmpint (evident_import_get_layout (import), ==, EVIDENT_IMPORT_LAYOUT_AWS_WORKBOOK);
      g_assert_null (evident_import_get_csv_format (import));
      assert_no_problems (import);

      /* The introduction has no item header: skipped, and said so. */
      g_assert_cmpint (evident_import_get_sheet_status (import, 0), ==,
                       EVIDENT_IMPORT_SHEET_NO_HEADER);
      g_assert_cmpint (evident_import_get_sheet_status (import, 1), ==, EVIDENT_IMPORT_SHEET_USED);
      g_assert_cmpint (evident_import_get_sheet_status (import, 2), ==, EVIDENT_IMPORT_SHEET_USED);
      /* Found by its names, after the title. */
      g_assert_cmpint (evident_import_get_header_row (import, 1), ==, 2);

      /* No points anywhere: pass/fail. */
      g_assert_cmpint (evident_import_get_mode (import), ==, EVIDENT_SCORE_MODE_PASS_FAIL);
      g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 6);

      /* Each sheet a chapter, each band a section. */
      g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 2);
      chapter = chapter_at (import, 0);
      g_assert_cmpstr (chapter->number, ==, "1");
      g_assert_cmpstr (chapter->title, ==, "Operations");
      g_assert_cmpuint (chapter->n_items, ==, 3);
      g_assert_cmpuint (chapter->sections->len, ==, 2);
      g_assert_cmpstr (section_at (chapter, 0)->number, ==, "1.1");
      g_assert_cmpstr (section_at (chapter, 0)->title, ==, "Business");
      g_assert_cmpuint (section_at (chapter, 0)->n_items, ==, 2);
      g_assert_cmpstr (section_at (chapter, 1)->title, ==,
                       "Security (partners who hold the Evident security badge are exempt from "
                       "this section)");
      g_assert_cmpstr (chapter_at (import, 1)->title, ==, "Billing");

      /* The description cell taken apart, CR LF and nbsp normalised. */
      entry = find_entry (import, "OPSP-001");
      g_assert_cmpstr (entry->chapter, ==, "1");
      g_assert_cmpstr (entry->section, ==, "1.1");
      g_assert_cmpstr (entry->title, ==, "Runbook ownership");
      g_assert_true (entry->mandatory);
      g_assert_true (entry->no_points);
      g_assert_cmpstr (entry->requirement, ==,
                       "The partner names an owner for every runbook and reviews it yearly.");
      g_assert_cmpstr (entry->evidence, ==,
                       "Evidence: the runbook register with owners and review dates.");
      g_assert_cmpuint (entry->line, ==, 5);

      /* Where it came from, for the answers to go back. */
      g_assert_true (entry->source.known);
      g_assert_cmpuint (entry->source.sheet, ==, 1);
      g_assert_cmpuint (entry->source.row, ==, 4);
      g_assert_cmpint (entry->source.met_column, ==, 2);
      g_assert_cmpint (entry->source.response_column, ==, 3);
      /* The answers already there. */
      g_assert_cmpstr (entry->state.met, ==, "Yes");
      g_assert_cmpstr (entry->state.response, ==, "See the register, tab “Owners”.");
      g_assert_true (entry->state.has_status);
      g_assert_cmpint (entry->state.status, ==, EVIDENT_STATUS_MET);
      g_assert_null (entry->extra);

      entry = find_entry (import, "OPSP-002");
      g_assert_cmpstr (entry->title, ==, "Change windows");
      g_assert_false (entry->mandatory);
      g_assert_cmpstr (entry->requirement, ==,
                       "Changes to customer systems happen in agreed windows.");
      g_assert_cmpstr (entry->evidence, ==,
                       "Evidence must show two recent changes and their windows.");
      g_assert_null (entry->state.met);
      g_assert_null (entry->state.response);
      g_assert_false (entry->state.has_status);

      entry = find_entry (import, "OPSS-001");
      g_assert_cmpstr (entry->title, ==, "Access reviews");
      g_assert_cmpstr (entry->section, ==, "1.2");
      g_assert_cmpstr (entry->evidence, ==, "");
      g_assert_cmpint (entry->state.status, ==, EVIDENT_STATUS_NOT_MET);

      entry = find_entry (import, "BILP-001");
      g_assert_cmpstr (entry->chapter, ==, "2");
      g_assert_cmpstr (entry->section, ==, "2.1");
      g_assert_cmpuint (entry->source.sheet, ==, 2);

      /* Every row that gives no item, and why. */
      g_assert_cmpint (skip_reason (import, 1, 0), ==, EVIDENT_IMPORT_SKIP_ABOVE_HEADER);
      g_assert_cmpint (skip_reason (import, 1, 1), ==, EVIDENT_IMPORT_SKIP_BLANK);
      g_assert_cmpint (skip_reason (import, 1, 2), ==, EVIDENT_IMPORT_SKIP_HEADER);
      g_assert_cmpint (skip_reason (import, 1, 3), ==, EVIDENT_IMPORT_SKIP_BAND);
      g_assert_cmpint (skip_reason (import, 1, 6), ==, EVIDENT_IMPORT_SKIP_BLANK);
      g_assert_cmpint (skip_reason (import, 1, 7), ==, EVIDENT_IMPORT_SKIP_BAND);
      g_assert_cmpuint (evident_import_get_skipped (import)->len, ==, 12);
    }
}

static void
test_aws_csv (void)
{
  /* One sheet saved as CSV: the title cell on the first line, the header
   * later, category rows and blank rows of commas. */
  g_autoptr (EvidentImport) import = import_csv (
      "\"Evident Partner Programme\r\nSelf-assessment: Operations\",,,\r\n" /* 1, 2 */
      ",,,\r\n"                                                             /* 3 */
      "ID,Requirement Description,Met?,Partner Response\r\n"                /* 4 */
      "Business,,,\r\n"                                                     /* 5 */
      "OPSP-001,\"Runbook ownership\r\nMandatory\r\nThe partner names an "  /* 6 */
      "owner, for every runbook.\r\nEvidence: the register.\",Yes,\"See the register\"\r\n"
      ",,,\r\n"                                                            /* 9 */
      "Security (exempt with the security badge),,,\r\n"                   /* 10 */
      "OPSS-001,\"Access reviews\r\nRecommended\r\nQuarterly.\",No,\r\n"); /* 11 */
  const EvidentChecklistEntry *entry;

  g_assert_cmpint (evident_import_get_layout (import), ==, EVIDENT_IMPORT_LAYOUT_AWS_CSV);
  assert_no_problems (import);
  g_assert_cmpint (evident_import_get_header_row (import, 0), ==, 2);

  /* The bands are the chapters. */
  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 2);
  g_assert_cmpstr (chapter_at (import, 0)->title, ==, "Business");
  g_assert_cmpstr (chapter_at (import, 1)->title, ==, "Security (exempt with the security badge)");

  entry = entry_at (import, 0);
  g_assert_cmpstr (entry->ref, ==, "OPSP-001");
  g_assert_cmpstr (entry->chapter, ==, "1");
  g_assert_cmpstr (entry->title, ==, "Runbook ownership");
  g_assert_cmpstr (entry->requirement, ==, "The partner names an owner, for every runbook.");
  g_assert_cmpstr (entry->evidence, ==, "Evidence: the register.");
  g_assert_cmpuint (entry->line, ==, 6);
  g_assert_cmpstr (entry->state.response, ==, "See the register");

  entry = entry_at (import, 1);
  g_assert_cmpstr (entry->chapter, ==, "2");
  g_assert_false (entry->mandatory);
  g_assert_cmpint (entry->state.status, ==, EVIDENT_STATUS_NOT_MET);

  g_assert_cmpint (skip_reason (import, 0, 0), ==, EVIDENT_IMPORT_SKIP_ABOVE_HEADER);
  g_assert_cmpint (skip_reason (import, 0, 1), ==, EVIDENT_IMPORT_SKIP_BLANK);
  g_assert_cmpint (skip_reason (import, 0, 3), ==, EVIDENT_IMPORT_SKIP_BAND);
  g_assert_cmpint (skip_reason (import, 0, 5), ==, EVIDENT_IMPORT_SKIP_BLANK);
}

/* Jira */

#define JIRA_HEADER                                                                                \
  "Summary,Issue key,Issue id,Issue Type,Status,Assignee,Labels,Labels,Labels,Description,"        \
  "Custom field (Points),Custom field (Mandatory),Custom field (Complexity),Priority\n"

static void
test_jira (void)
{
  g_autoptr (EvidentImport) import = import_csv (
      JIRA_HEADER
      "8.2.1 Multi-factor sign-in,EVD-12,10012,Task,In Progress,alice@example.com,chapter-8.0,"
      "section-8.2,identity,\"Every console sign-in asks for a second factor.\",25,Yes,High,"
      "Medium\n"
      "[8.2.2] Break-glass accounts,EVD-13,10013,Task,Done,,chapter-8.0,section-8.2,,"
      "Two sealed accounts.,10,No,low,Low\n"
      "1.1.1 – Company overview,EVD-14,10014,Task,To Do,bob@example.com,chapter-1.0,,,"
      "Who the partner is.,40,Yes,,High\n");
  const EvidentChecklistEntry *entry;
  const char                  *name;

  g_assert_cmpint (evident_import_get_layout (import), ==, EVIDENT_IMPORT_LAYOUT_JIRA);
  assert_no_problems (import);
  g_assert_cmpint (evident_import_get_mode (import), ==, EVIDENT_SCORE_MODE_POINTS);

  /* Evident's own export puts the reference first in the summary. */
  entry = entry_at (import, 0);
  g_assert_cmpstr (entry->ref, ==, "8.2.1");
  g_assert_cmpstr (entry->title, ==, "Multi-factor sign-in");
  g_assert_cmpstr (entry->requirement, ==, "Every console sign-in asks for a second factor.");
  g_assert_cmpstr (entry->chapter, ==, "8.0");
  g_assert_cmpstr (entry->section, ==, "8.2");
  g_assert_cmpint (entry->points, ==, 25);
  g_assert_true (entry->mandatory);
  g_assert_cmpint (entry->state.complexity, ==, EVIDENT_COMPLEXITY_HIGH);
  g_assert_cmpstr (entry->state.status_text, ==, "In Progress");
  g_assert_cmpint (entry->state.status, ==, EVIDENT_STATUS_IN_PROGRESS);
  g_assert_cmpstr (entry->state.owner, ==, "alice@example.com");
  g_assert_cmpint (entry->source.met_column, ==, -1);

  /* Every other column survives, in column order; repeated columns too. */
  g_assert_cmpstr (extra_at (entry, 0, &name), ==, "EVD-12");
  g_assert_cmpstr (name, ==, "Issue key");
  g_assert_cmpstr (extra_at (entry, 1, &name), ==, "10012");
  g_assert_cmpstr (name, ==, "Issue id");
  g_assert_cmpstr (extra_at (entry, 2, &name), ==, "Task");
  g_assert_cmpstr (extra_at (entry, 3, &name), ==, "identity");
  g_assert_cmpstr (name, ==, "Labels");
  g_assert_cmpstr (extra_at (entry, 4, &name), ==, "Medium");
  g_assert_cmpstr (name, ==, "Priority");
  g_assert_cmpuint (entry->extra->len, ==, 5);
  g_assert_cmpstr (evident_checklist_entry_get_extra (entry, "priority"), ==, "Medium");

  entry = entry_at (import, 1);
  g_assert_cmpstr (entry->ref, ==, "8.2.2");
  g_assert_cmpstr (entry->title, ==, "Break-glass accounts");
  g_assert_false (entry->mandatory);
  g_assert_cmpint (entry->state.status, ==, EVIDENT_STATUS_MET);
  g_assert_null (entry->state.owner);
  g_assert_cmpint (entry->state.complexity, ==, EVIDENT_COMPLEXITY_LOW);

  entry = entry_at (import, 2);
  g_assert_cmpstr (entry->ref, ==, "1.1.1");
  g_assert_cmpstr (entry->title, ==, "Company overview");
  g_assert_cmpstr (entry->section, ==, "");
  g_assert_cmpint (entry->state.status, ==, EVIDENT_STATUS_NOT_STARTED);

  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 2);
}

static void
test_jira_issue_keys (void)
{
  /* A project that lived in Jira: the summaries carry no references, so
   * the issue keys are the references; no chapter labels, so the key's
   * prefix is the chapter. */
  g_autoptr (EvidentImport) import =
      import_csv ("Issue key,Summary,Status,Assignee,Labels,Labels\n"
                  "OPS-7,Rotate the deploy keys,Won't Do,carol,ops,\n"
                  "OPS-8,Document the escalation path,In Review,,ops,docs\n");
  const EvidentChecklistEntry *entry;

  g_assert_cmpint (evident_import_get_layout (import), ==, EVIDENT_IMPORT_LAYOUT_JIRA);
  assert_no_problems (import);
  g_assert_cmpint (evident_import_get_mode (import), ==, EVIDENT_SCORE_MODE_PASS_FAIL);

  entry = entry_at (import, 0);
  g_assert_cmpstr (entry->ref, ==, "OPS-7");
  g_assert_cmpstr (entry->title, ==, "Rotate the deploy keys");
  g_assert_cmpstr (entry->chapter, ==, "OPS");
  g_assert_true (entry->mandatory);
  g_assert_cmpint (entry->state.status, ==, EVIDENT_STATUS_NOT_APPLICABLE);
  g_assert_cmpstr (evident_checklist_entry_get_extra (entry, "Labels"), ==, "ops");

  entry = entry_at (import, 1);
  g_assert_cmpint (entry->state.status, ==, EVIDENT_STATUS_READY);
  g_assert_cmpuint (entry->extra->len, ==, 2);
}

/* Any other sheet */

static void
test_mapped_header_search (void)
{
  /* Title rows above the header; names the import knows, in other words
   * and cases, with stray spaces; a typo'd column kept as an extra. */
  EvidentSheet *sheet = evident_sheet_new ("Controls");
  g_autoptr (GPtrArray) sheets = sheet_list (sheet, NULL);
  g_autoptr (EvidentImport) import = NULL;
  const EvidentChecklistEntry *entry;
  const char                  *name;

  set_row (sheet, 0, "Evident control catalogue", NULL);
  set_row (sheet, 1, "Version 3, draft", NULL);
  set_row (sheet, 3, " Control ID ", "Control Name", "Descripton", "Domain ", "Weight", "", "Owner",
           NULL);
  set_row (sheet, 4, "A.5.1", "Information security policies", "Policies are approved.",
           "Organisational", "10", "", "Dana", NULL);
  set_row (sheet, 5, " a.5.2 ", "Roles  and responsibilities", "Roles are defined.",
           "Organisational", " 5 ", "", "", NULL);
  set_row (sheet, 6, "A.8.1", "User endpoint devices", "Devices are protected.", "Technological",
           "0", "x", "", NULL);
  import = evident_import_new (sheets, NULL);

  g_assert_cmpint (evident_import_get_layout (import), ==, EVIDENT_IMPORT_LAYOUT_MAPPED);
  g_assert_cmpint (evident_import_get_header_row (import, 0), ==, 3);
  g_assert_cmpint (evident_import_get_column (import, 0, EVIDENT_IMPORT_FIELD_REF), ==, 0);
  g_assert_cmpint (evident_import_get_column (import, 0, EVIDENT_IMPORT_FIELD_TITLE), ==, 1);
  g_assert_cmpint (evident_import_get_column (import, 0, EVIDENT_IMPORT_FIELD_REQUIREMENT), ==, -1);
  g_assert_cmpint (evident_import_get_column (import, 0, EVIDENT_IMPORT_FIELD_CHAPTER), ==, 3);
  g_assert_cmpint (evident_import_get_column (import, 0, EVIDENT_IMPORT_FIELD_POINTS), ==, 4);
  g_assert_cmpint (evident_import_get_column (import, 0, EVIDENT_IMPORT_FIELD_OWNER), ==, 6);
  g_assert_cmpint (evident_import_get_column_field (import, 0, 2), ==, -1);
  assert_no_problems (import);

  g_assert_cmpint (evident_import_get_mode (import), ==, EVIDENT_SCORE_MODE_POINTS);
  entry = entry_at (import, 1);
  /* Imported as it is, trimmed. */
  g_assert_cmpstr (entry->ref, ==, "a.5.2");
  g_assert_cmpstr (entry->title, ==, "Roles and responsibilities");
  g_assert_cmpint (entry->points, ==, 5);
  /* A chapter column with names: numbered, the name its title. */
  g_assert_cmpstr (entry->chapter, ==, "1");
  g_assert_cmpstr (entry->chapter_title, ==, "Organisational");
  g_assert_cmpstr (entry_at (import, 2)->chapter, ==, "2");
  /* No mandatory column: a published requirement list is all required. */
  g_assert_true (entry->mandatory);
  /* The unmapped columns, by header text or letter. */
  g_assert_cmpuint (entry->extra->len, ==, 2);
  g_assert_cmpstr (extra_at (entry, 0, &name), ==, "Roles are defined.");
  g_assert_cmpstr (name, ==, "Descripton");
  g_assert_cmpstr (extra_at (entry_at (import, 2), 1, &name), ==, "x");
  g_assert_cmpstr (name, ==, "F");
  g_assert_cmpstr (entry_at (import, 0)->state.owner, ==, "Dana");
}

static void
test_weak_names (void)
{
  g_autoptr (EvidentImport) both = import_csv ("Control;Control ID;Description\n"
                                               "Access policy;AC-1;Access is granted by role.\n");
  g_autoptr (EvidentImport) names = import_csv ("Control;Description\n"
                                                "Access policy;Access is granted by role.\n"
                                                "Backup policy;Backups run nightly.\n");
  g_autoptr (EvidentImport) strong = import_csv ("ID;Title\n"
                                                 "Access Control 1;Roles\n");

  /* "Control ID" is the reference; "Control" falls back to the title. */
  assert_no_problems (both);
  g_assert_cmpstr (entry_at (both, 0)->ref, ==, "AC-1");
  g_assert_cmpstr (entry_at (both, 0)->title, ==, "Access policy");

  /* "Control" holding names is no reference column. */
  g_assert_cmpint (evident_import_get_column (names, 0, EVIDENT_IMPORT_FIELD_REF), ==, -1);
  g_assert_cmpint (evident_import_get_column (names, 0, EVIDENT_IMPORT_FIELD_TITLE), ==, 0);
  assert_problem (names, EVIDENT_IMPORT_ERROR_MISSING_COLUMN, "Line 1: ", "“ref”");

  /* A column called "ID" holds the references, whatever they look like. */
  assert_no_problems (strong);
  g_assert_cmpstr (entry_at (strong, 0)->ref, ==, "Access Control 1");
}

static void
test_derivations (void)
{
  /* No chapter, no title, no points, no mandatory column. */
  g_autoptr (EvidentImport) import = import_csv (
      "Ref|Requirement\n"
      "A.5.1|Verify that policies for information security are defined, approved by "
      "management, published and communicated to staff and relevant parties.\n"
      "CC1.1.1|The entity demonstrates a commitment to integrity. It sets the tone at the top.\n"
      "NETSEC-001|Ensure that network segments are separated by purpose; for example, "
      "production apart from test.\n"
      "V1.2.10|Verify that the application protects against injection, e.g. by encoding output.\n"
      "12|A plain number has no prefix.\n");
  const EvidentChecklistEntry *entry;

  assert_no_problems (import);
  g_assert_cmpint (evident_import_get_csv_format (import)->delimiter, ==, '|');
  g_assert_cmpint (evident_import_get_mode (import), ==, EVIDENT_SCORE_MODE_PASS_FAIL);

  entry = entry_at (import, 0);
  g_assert_cmpstr (entry->chapter, ==, "A.5");
  g_assert_cmpstr (entry->title, ==,
                   "Policies for information security are defined, approved by management…");
  g_assert_cmpuint (g_utf8_strlen (entry->title, -1), <=, 80);
  g_assert_true (g_str_has_prefix (entry->requirement, "Verify that policies"));
  g_assert_true (entry->mandatory);
  g_assert_true (entry->no_points);

  entry = entry_at (import, 1);
  g_assert_cmpstr (entry->chapter, ==, "CC1");
  g_assert_cmpstr (entry->title, ==, "The entity demonstrates a commitment to integrity");

  entry = entry_at (import, 2);
  g_assert_cmpstr (entry->chapter, ==, "NETSEC");
  g_assert_cmpstr (entry->title, ==, "Network segments are separated by purpose");

  entry = entry_at (import, 3);
  g_assert_cmpstr (entry->chapter, ==, "V1");
  g_assert_cmpstr (entry->title, ==,
                   "The application protects against injection, e.g. by encoding output");

  /* No prefix: one chapter for what is left. */
  g_assert_cmpstr (entry_at (import, 4)->chapter, ==, "1");
  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 5);
}

static void
test_bands_as_chapters (void)
{
  /* References without a prefix, chapters only as bands between items. */
  g_autoptr (EvidentImport) import = import_csv ("No.;Title;Description\n"
                                                 "Governance;;\n"
                                                 "1;Policy;The policy is approved.\n"
                                                 "2;Roles;\n"
                                                 "Operations;;\n"
                                                 "3;Backups;Backups are tested.\n");

  assert_no_problems (import);
  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 2);
  g_assert_cmpstr (chapter_at (import, 0)->number, ==, "1");
  g_assert_cmpstr (chapter_at (import, 0)->title, ==, "Governance");
  g_assert_cmpuint (chapter_at (import, 0)->n_items, ==, 2);
  g_assert_cmpstr (chapter_at (import, 1)->title, ==, "Operations");
  g_assert_cmpstr (entry_at (import, 2)->chapter, ==, "2");
  g_assert_cmpstr (entry_at (import, 2)->section, ==, "");
}

static void
test_level (void)
{
  g_autoptr (EvidentImport) import = import_csv ("req_id,req_description,L\n"
                                                 "V1.1.1,Input is decoded once.,1\n"
                                                 "V1.1.2,Output is encoded last.,2\n"
                                                 "V2.1.1,Limits are documented.,3\n");
  guint       changed = 0;
  const char *name;

  g_signal_connect (import, "changed", G_CALLBACK (count_cb), &changed);
  assert_no_problems (import);
  g_assert_cmpuint (evident_import_get_max_level (import), ==, 3);
  /* By default every item is mandatory; the level stays as a field. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (entry_at (import, i)->mandatory);
  g_assert_cmpstr (extra_at (entry_at (import, 1), 0, &name), ==, "2");
  g_assert_cmpstr (name, ==, "L");

  /* Items up to level 2 are mandatory. */
  evident_import_set_mandatory_level (import, 2);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (entry_at (import, 0)->mandatory);
  g_assert_true (entry_at (import, 1)->mandatory);
  g_assert_false (entry_at (import, 2)->mandatory);
  evident_import_set_mandatory_level (import, 2);
  g_assert_cmpuint (changed, ==, 1);
}

/* The mapping, live */

static void
test_mapping_live (void)
{
  g_autoptr (EvidentImport) import = import_csv ("Key\tName\tText\tScore\n"
                                                 "K-1\tFirst\tThe first requirement.\t3\n"
                                                 "K-2\tSecond\tThe second one.\t4\n");
  GPtrArray  *before;
  guint       changed = 0;
  const char *name;

  g_signal_connect (import, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_cmpint (evident_import_get_csv_format (import)->delimiter, ==, '\t');
  /* "Key" is no name the import knows: the first row has one ("Name"),
   * so it is the header; "Key" holds references by its values. */
  g_assert_cmpint (evident_import_get_header_row (import, 0), ==, 0);
  g_assert_cmpint (evident_import_get_column (import, 0, EVIDENT_IMPORT_FIELD_REF), ==, 0);

  /* Without it, no column holds references. */
  evident_import_set_column (import, 0, EVIDENT_IMPORT_FIELD_REF, -1);
  g_assert_cmpuint (changed, ==, 1);
  assert_problem (import, EVIDENT_IMPORT_ERROR_MISSING_COLUMN, "Line 1: ", "“ref”");
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 0);

  /* The user maps the reference: the preview follows. */
  evident_import_set_column (import, 0, EVIDENT_IMPORT_FIELD_REF, 0);
  g_assert_cmpuint (changed, ==, 2);
  assert_no_problems (import);
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 2);
  g_assert_cmpstr (entry_at (import, 0)->title, ==, "First");
  g_assert_cmpstr (entry_at (import, 0)->requirement, ==, "The first requirement.");
  g_assert_cmpint (entry_at (import, 0)->points, ==, 3);
  g_assert_cmpint (evident_import_get_column_field (import, 0, 0), ==, EVIDENT_IMPORT_FIELD_REF);

  /* The title from another column. */
  before = g_ptr_array_ref (evident_import_get_entries (import));
  evident_import_set_column (import, 0, EVIDENT_IMPORT_FIELD_TITLE, 2);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpstr (entry_at (import, 0)->title, ==, "The first requirement.");
  /* A column takes one field: the requirement lost it. */
  g_assert_cmpint (evident_import_get_column (import, 0, EVIDENT_IMPORT_FIELD_REQUIREMENT), ==, -1);
  g_assert_cmpstr (entry_at (import, 0)->requirement, ==, "");
  /* "Name" is an extra field now. */
  g_assert_cmpstr (extra_at (entry_at (import, 0), 0, &name), ==, "First");
  g_assert_cmpstr (name, ==, "Name");
  /* The entries the assistant held stay valid. */
  g_assert_cmpstr (((EvidentChecklistEntry *) g_ptr_array_index (before, 0))->title, ==, "First");
  g_ptr_array_unref (before);

  /* Points unmapped: pass/fail. */
  evident_import_set_column (import, 0, EVIDENT_IMPORT_FIELD_POINTS, -1);
  g_assert_cmpint (evident_import_get_mode (import), ==, EVIDENT_SCORE_MODE_PASS_FAIL);
  g_assert_cmpstr (evident_checklist_entry_get_extra (entry_at (import, 1), "Score"), ==, "4");

  /* The same mapping again changes nothing. */
  evident_import_set_column (import, 0, EVIDENT_IMPORT_FIELD_POINTS, -1);
  g_assert_cmpuint (changed, ==, 4);
}

/* Found by fuzzing: a labels column to the right of the header (data
 * rows longer than the header row) was compared with header cells that do
 * not exist. */
static void
test_labels_beyond_header (void)
{
  g_autoptr (EvidentImport) import = import_csv ("ref,title\n"
                                                 "1.1,Alpha,chapter-8.0,x\n"
                                                 "1.2,Beta,chapter-9.0\n");
  const char *name = NULL;

  g_assert_cmpuint (evident_sheet_get_n_columns (evident_import_get_sheet (import, 0)), ==, 4);
  evident_import_set_column (import, 0, EVIDENT_IMPORT_FIELD_LABELS, 3);
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 2);
  g_assert_cmpstr (extra_at (entry_at (import, 0), 1, &name), ==, "x");
  evident_import_set_column (import, 0, EVIDENT_IMPORT_FIELD_LABELS, 2);
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 2);
  g_assert_cmpstr (entry_at (import, 1)->chapter, ==, "9.0");
}

static void
test_header_row_setting (void)
{
  /* A header no known name marks: chosen by hand, then mapped by hand. */
  g_autoptr (EvidentImport) import = import_csv ("Nummer;Anforderung;Kapitel\n"
                                                 "K1.1;Die Richtlinie ist freigegeben.;K1\n"
                                                 "K1.2;Rollen sind beschrieben.;K1\n");
  char *name;

  g_assert_cmpint (evident_import_get_header_row (import, 0), ==, -1);
  g_assert_cmpint (evident_import_get_sheet_status (import, 0), ==, EVIDENT_IMPORT_SHEET_USED);
  assert_problem (import, EVIDENT_IMPORT_ERROR_NO_HEADER, "Line 1: ", "header row");

  evident_import_set_header_row (import, 0, 0);
  assert_problem (import, EVIDENT_IMPORT_ERROR_MISSING_COLUMN, "Line 1: ", NULL);
  evident_import_set_column (import, 0, EVIDENT_IMPORT_FIELD_REF, 0);
  evident_import_set_column (import, 0, EVIDENT_IMPORT_FIELD_REQUIREMENT, 1);
  evident_import_set_column (import, 0, EVIDENT_IMPORT_FIELD_CHAPTER, 2);
  assert_no_problems (import);
  g_assert_cmpstr (entry_at (import, 1)->title, ==, "Rollen sind beschrieben");
  g_assert_cmpstr (entry_at (import, 1)->chapter, ==, "K1");

  name = evident_import_dup_column_name (import, 0, 1);
  g_assert_cmpstr (name, ==, "Anforderung");
  g_free (name);
  name = evident_import_dup_column_name (import, 0, 7);
  g_assert_cmpstr (name, ==, "H");
  g_free (name);
}

static void
test_sheet_choice (void)
{
  g_autoptr (EvidentImport) import = make_aws_import (TRUE);
  guint n_entries;

  /* Leaving a sheet out. */
  evident_import_set_sheet_used (import, 2, FALSE);
  g_assert_cmpint (evident_import_get_sheet_status (import, 2), ==, EVIDENT_IMPORT_SHEET_EXCLUDED);
  assert_no_problems (import);
  n_entries = evident_import_get_entries (import)->len;
  g_assert_cmpuint (n_entries, ==, 3);
  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 1);

  /* Taking the introduction in: it has no header. */
  evident_import_set_sheet_used (import, 0, TRUE);
  assert_problem (import, EVIDENT_IMPORT_ERROR_NO_HEADER, "Sheet “Introduction”: ", NULL);

  /* Nothing at all. */
  for (guint i = 0; i < 3; i++)
    evident_import_set_sheet_used (import, i, FALSE);
  assert_problem (import, EVIDENT_IMPORT_ERROR_NO_SHEET, "No sheet", NULL);
}

/* Rows skipped, problems */

static void
test_skipped_rows (void)
{
  g_autoptr (EvidentImport) import = import_csv ("Checklist of the week\n"            /* 1 */
                                                 "ID,Title,Requirement\n"             /* 2 */
                                                 "R-1,Backups,Backups run nightly.\n" /* 3 */
                                                 ",,\n"                               /* 4 */
                                                 "Restores\n"                         /* 5 */
                                                 ",,Kept for a year.\n"               /* 6 */
                                                 "ID,Title,Requirement\n"             /* 7 */
                                                 "R-2,Restores,Restores are tested.\n");
  g_assert_cmpint (evident_import_get_header_row (import, 0), ==, 1);
  assert_no_problems (import);
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 2);
  g_assert_cmpint (skip_reason (import, 0, 0), ==, EVIDENT_IMPORT_SKIP_ABOVE_HEADER);
  g_assert_cmpint (skip_reason (import, 0, 1), ==, EVIDENT_IMPORT_SKIP_HEADER);
  g_assert_cmpint (skip_reason (import, 0, 3), ==, EVIDENT_IMPORT_SKIP_BLANK);
  g_assert_cmpint (skip_reason (import, 0, 4), ==, EVIDENT_IMPORT_SKIP_BAND);
  g_assert_cmpint (skip_reason (import, 0, 5), ==, EVIDENT_IMPORT_SKIP_NO_REFERENCE);
  g_assert_cmpint (skip_reason (import, 0, 6), ==, EVIDENT_IMPORT_SKIP_REPEATED_HEADER);
  g_assert_cmpuint (evident_import_get_skipped (import)->len, ==, 6);
  /* The band below is the section. */
  g_assert_cmpstr (entry_at (import, 1)->section_title, ==, "Restores");
  g_assert_cmpstr (entry_at (import, 1)->section, ==, "R.1");
}

static void
test_problems_in_workbook (void)
{
  EvidentSheet *sheet = evident_sheet_new ("Ops");
  g_autoptr (GPtrArray) sheets = sheet_list (sheet, NULL);
  g_autoptr (EvidentImport) import = NULL;
  GPtrArray                  *problems;
  const EvidentImportProblem *problem;

  set_row (sheet, 0, "Ref", "Title", "Points", "Mandatory", NULL);
  set_row (sheet, 1, "OPS-1", "First", "10", "yes", NULL);
  set_row (sheet, 2, "OPS-2", "Second", "ten", "no", NULL);
  set_row (sheet, 3, "OPS-1", "Again", "20001", "maybe", NULL);
  set_row (sheet, 4, "OPS-3", "", "5", "no", NULL);
  set_row (sheet, 5, "OPS-4", "Fourth", "", "no", NULL);
  import = evident_import_new (sheets, NULL);

  problems = evident_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 6);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->code, ==, EVIDENT_IMPORT_ERROR_BAD_VALUE);
  g_assert_cmpint (problem->row, ==, 2);
  g_assert_cmpint (problem->column, ==, 2);
  g_assert_cmpstr (problem->message, ==,
                   "Sheet “Ops”, cell C3: “Points” must be a whole number, 0 or more, not “ten”");

  /* Row 4: too many points, a bad flag, a duplicate naming both places. */
  problem = g_ptr_array_index (problems, 1);
  g_assert_true (g_str_has_prefix (problem->message, "Sheet “Ops”, cell C4: "));
  g_assert_nonnull (strstr (problem->message, "“20001”"));
  g_assert_nonnull (strstr (problem->message, "10000"));
  problem = g_ptr_array_index (problems, 2);
  g_assert_cmpstr (problem->message, ==,
                   "Sheet “Ops”, cell D4: “Mandatory” must be “yes” or “no”, not “maybe”");
  problem = g_ptr_array_index (problems, 3);
  g_assert_cmpint (problem->code, ==, EVIDENT_IMPORT_ERROR_DUPLICATE);
  g_assert_cmpstr (problem->message, ==,
                   "Sheet “Ops”, row 4: the reference “OPS-1” is already used in sheet “Ops”, "
                   "row 2");
  problem = g_ptr_array_index (problems, 4);
  g_assert_cmpstr (problem->message, ==,
                   "Sheet “Ops”, row 5: item “OPS-3” has neither a title nor a requirement");
  problem = g_ptr_array_index (problems, 5);
  g_assert_true (g_str_has_prefix (problem->message, "Sheet “Ops”, cell C6: “Points” is empty"));
}

static void
test_problems_in_csv (void)
{
  g_autoptr (EvidentImport) duplicate = import_csv ("ID;Title\n"
                                                    "X-1;One\n"
                                                    "X-2;\"Two\nlines\"\n"
                                                    "X-2;Three\n");
  g_autoptr (EvidentImport) empty = import_csv ("\n\nID,Title,Points\n,,\n");

  assert_problem (duplicate, EVIDENT_IMPORT_ERROR_DUPLICATE, "Line 5: ", "on line 3");
  assert_problem (empty, EVIDENT_IMPORT_ERROR_EMPTY, "Line 3: ", NULL);
}

/* Mappings by name and options */

static void
test_mapping_parse (void)
{
  g_autoptr (EvidentImportMapping) mapping = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char         *text = NULL;
  static const char *const bad[] = { "ref", "reff=ID", "ref=ID,ref=Key", "title=\"Name" };

  mapping = evident_import_mapping_parse (" ref = ID ,title=\"Name, short\",points=,"
                                          "chapter_title=\"Chapter \"\"A\"\"\"",
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evident_import_mapping_get (mapping, EVIDENT_IMPORT_FIELD_REF), ==, "ID");
  g_assert_cmpstr (evident_import_mapping_get (mapping, EVIDENT_IMPORT_FIELD_TITLE), ==,
                   "Name, short");
  g_assert_cmpstr (evident_import_mapping_get (mapping, EVIDENT_IMPORT_FIELD_POINTS), ==, "");
  g_assert_cmpstr (evident_import_mapping_get (mapping, EVIDENT_IMPORT_FIELD_CHAPTER_TITLE), ==,
                   "Chapter \"A\"");
  g_assert_null (evident_import_mapping_get (mapping, EVIDENT_IMPORT_FIELD_SECTION));

  text = evident_import_mapping_to_string (mapping);
  g_assert_cmpstr (text, ==,
                   "ref=ID,chapter_title=\"Chapter \"\"A\"\"\",title=\"Name, short\","
                   "points=");
  g_clear_pointer (&mapping, evident_import_mapping_free);
  mapping = evident_import_mapping_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evident_import_mapping_get (mapping, EVIDENT_IMPORT_FIELD_CHAPTER_TITLE), ==,
                   "Chapter \"A\"");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (EvidentImportMapping) refused = evident_import_mapping_parse (bad[i], &error);

      g_assert_null (refused);
      g_assert_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_BAD_MAPPING);
      g_clear_error (&error);
    }

  for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
    {
      EvidentImportField field;

      g_assert_true (evident_import_field_from_name (evident_import_field_get_name (f), &field));
      g_assert_cmpint (field, ==, f);
      g_assert_cmpstr (evident_import_field_get_label (f), !=, "");
    }
}

static void
test_options (void)
{
  g_autoptr (EvidentImport) import = make_aws_import (FALSE);
  g_autoptr (EvidentImport) csv = import_csv ("Title row\n"
                                              "Item;Thing;Words\n"
                                              "Q-1;Quality;Quality is measured.\n");
  g_autoptr (EvidentImportMapping) mapping = NULL;
  g_autoptr (GError) error = NULL;
  EvidentImportOptions options = { 0 };

  /* --sheet NAME */
  options.sheet = "billing";
  g_assert_true (evident_import_apply_options (import, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evident_import_get_sheet_status (import, 1), ==, EVIDENT_IMPORT_SHEET_EXCLUDED);
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 3);

  options.sheet = "Finance";
  g_assert_false (evident_import_apply_options (import, &options, &error));
  g_assert_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_NO_SHEET);
  g_assert_nonnull (strstr (error->message, "“Introduction”, “Operations”, “Billing”"));
  g_clear_error (&error);

  /* --map with a column the header does not have: names the header. */
  mapping = evident_import_mapping_parse ("title=Name", &error);
  g_assert_no_error (error);
  g_assert_false (evident_import_apply_mapping (import, mapping, &error));
  g_assert_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_true (g_str_has_prefix (error->message, "Sheet “Billing”, row 3: no column is called "
                                                   "“Name”"));
  g_assert_nonnull (
      strstr (error->message, "“id”, “Requirement description”, “MET?”, “Partner response”"));
  g_clear_error (&error);
  g_clear_pointer (&mapping, evident_import_mapping_free);

  /* --header-row 2 --map ref=Item,title=Thing,requirement=Words */
  mapping = evident_import_mapping_parse ("ref=Item,title=thing,requirement=WORDS", &error);
  g_assert_no_error (error);
  options.sheet = NULL;
  options.header_row = 2;
  options.mapping = mapping;
  g_assert_true (evident_import_apply_options (csv, &options, &error));
  g_assert_no_error (error);
  assert_no_problems (csv);
  g_assert_cmpstr (entry_at (csv, 0)->ref, ==, "Q-1");
  g_assert_cmpstr (entry_at (csv, 0)->title, ==, "Quality");

  options.header_row = 9;
  options.mapping = NULL;
  g_assert_false (evident_import_apply_options (csv, &options, &error));
  g_assert_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_NO_HEADER);
}

static void
test_memory (void)
{
  const char *text = "Nummer;Titel der Anforderung;Kapitel\n"
                     "K1.1;Richtlinie;K1\n";
  g_autoptr (EvidentImport) first = import_csv (text);
  g_autoptr (EvidentImport) second = NULL;
  g_autoptr (EvidentImport) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      g_build_filename (g_get_user_config_dir (), "evident", "import-mappings.json", NULL);

  /* Nothing remembered yet. */
  g_assert_false (evident_import_recall_mapping (first));
  g_assert_cmpint (evident_import_get_header_row (first, 0), ==, -1);

  evident_import_set_header_row (first, 0, 0);
  evident_import_set_column (first, 0, EVIDENT_IMPORT_FIELD_REF, 0);
  evident_import_set_column (first, 0, EVIDENT_IMPORT_FIELD_TITLE, 1);
  evident_import_set_column (first, 0, EVIDENT_IMPORT_FIELD_CHAPTER, 2);
  evident_import_set_mandatory_level (first, 2);
  assert_no_problems (first);
  g_assert_true (evident_import_remember_mapping (first, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Another file with the same header, in other case and spacing. */
  second = import_csv ("nummer ; Titel der  Anforderung;KAPITEL\n"
                       "K2.1;Rollen;K2\n"
                       "K2.2;Rechte;K2\n");
  g_assert_true (evident_import_recall_mapping (second));
  g_assert_cmpint (evident_import_get_header_row (second, 0), ==, 0);
  g_assert_cmpuint (evident_import_get_mandatory_level (second), ==, 2);
  assert_no_problems (second);
  g_assert_cmpstr (entry_at (second, 1)->ref, ==, "K2.2");
  g_assert_cmpstr (entry_at (second, 1)->title, ==, "Rechte");
  g_assert_cmpstr (entry_at (second, 1)->chapter, ==, "K2");

  /* A different header is not recalled. */
  other = import_csv ("Nummer;Titel\nK1;Eins\n");
  g_assert_false (evident_import_recall_mapping (other));

  /* A damaged file is no more than nothing remembered. */
  g_assert_true (g_file_set_contents (path, "{ not json", -1, NULL));
  g_assert_false (evident_import_recall_mapping (other));
  g_assert_true (evident_import_remember_mapping (second, &error));
  g_assert_no_error (error);
}

/* Evident's own format, through the import */

static void
test_evident_format (void)
{
  g_autoptr (EvidentImport) import = import_csv (
      "ref,chapter,chapter_title,section,section_title,title,requirement,evidence,points,"
      "mandatory,status,owner,reason,note,due\n"
      "1.1,1.0,Basics,1.1,Start,Alpha,,,10,,met,Alice,,Deck v3,2026-11-26\n"
      "1.2,1.0,,1.1,,Beta,,,0,yes,,,,,\n");
  const EvidentChecklistEntry *entry;

  g_assert_cmpint (evident_import_get_layout (import), ==, EVIDENT_IMPORT_LAYOUT_EVIDENT);
  assert_no_problems (import);
  entry = entry_at (import, 0);
  g_assert_false (entry->mandatory);
  g_assert_cmpint (entry->state.status, ==, EVIDENT_STATUS_MET);
  g_assert_cmpstr (entry->state.owner, ==, "Alice");
  g_assert_cmpstr (entry->state.note, ==, "Deck v3");
  g_assert_null (entry->state.reason);
  /* The due date is state too, not an extra field. */
  g_assert_cmpstr (entry->state.due, ==, "2026-11-26");
  g_assert_null (evident_checklist_entry_get_extra (entry, "due"));
  g_assert_null (entry_at (import, 1)->state.due);
  /* The chapter's title reaches every item of it. */
  g_assert_cmpstr (entry_at (import, 1)->chapter_title, ==, "Basics");
  g_assert_cmpstr (entry_at (import, 1)->section_title, ==, "Start");
  g_assert_false (entry_at (import, 1)->state.has_status);
}

/* The report for `inspect --json` */

static void
test_json (void)
{
  g_autoptr (EvidentImport) workbook = make_aws_import (TRUE);
  g_autoptr (EvidentImport) csv = import_csv ("Title row\n"
                                              "ID;Title;Points\n"
                                              "X-1;One;ten\n");
  g_autoptr (JsonNode) node = evident_import_to_json (workbook);
  JsonObject *root = json_node_get_object (node);
  JsonObject *sheet;
  JsonObject *mapping;
  JsonObject *skip;
  JsonObject *problem;
  JsonArray  *array;

  g_assert_cmpstr (json_object_get_string_member (root, "layout"), ==, "aws-workbook");
  g_assert_cmpstr (json_object_get_string_member (root, "mode"), ==, "pass-fail");
  g_assert_cmpint (json_object_get_int_member (root, "items"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (root, "mandatory"), ==, 4);
  g_assert_false (json_object_has_member (root, "encoding"));

  array = json_object_get_array_member (root, "sheets");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  sheet = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (sheet, "name"), ==, "Introduction");
  g_assert_cmpstr (json_object_get_string_member (sheet, "status"), ==, "no-header");
  sheet = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (sheet, "status"), ==, "used");
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (sheet, "header"), "row"), ==, 3);
  mapping = json_object_get_object_member (sheet, "mapping");
  g_assert_cmpstr (json_object_get_string_member (mapping, "ref"), ==, "id");
  g_assert_cmpstr (json_object_get_string_member (mapping, "response"), ==, "Partner response");
  g_assert_true (json_object_get_null_member (mapping, "title"));

  array = json_object_get_array_member (root, "chapters");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "items"),
                   ==, 3);

  array = json_object_get_array_member (root, "skipped");
  skip = json_array_get_object_element (array, 3);
  g_assert_cmpstr (json_object_get_string_member (skip, "reason"), ==, "band");
  g_assert_cmpint (json_object_get_int_member (skip, "row"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (skip, "place"), ==, "Sheet “Operations”, row 4");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "problems")), ==, 0);

  g_clear_pointer (&node, json_node_unref);
  node = evident_import_to_json (csv);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (root, "layout"), ==, "mapped");
  g_assert_cmpstr (json_object_get_string_member (root, "encoding"), ==, "UTF-8");
  g_assert_cmpstr (json_object_get_string_member (root, "delimiter"), ==, ";");
  problem = json_array_get_object_element (json_object_get_array_member (root, "problems"), 0);
  g_assert_cmpstr (json_object_get_string_member (problem, "code"), ==, "bad-value");
  g_assert_cmpint (json_object_get_int_member (problem, "line"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (problem, "column"), ==, "C");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (problem, "message"), "Line 3: "));
}

/* The real published checklist */

static void
test_asvs (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (ASVS_PATH);
  g_autoptr (GPtrArray) parsed = NULL;
  GPtrArray *entries;
  guint      n_level1 = 0;
  guint      n_mandatory = 0;

  if (!g_file_test (ASVS_PATH, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the real checklist is not in " ASVS_PATH);
      return;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  import = evident_import_new_for_csv (bytes, &error);
  g_assert_no_error (error);

  g_assert_cmpint (evident_import_get_layout (import), ==, EVIDENT_IMPORT_LAYOUT_MAPPED);
  assert_no_problems (import);
  entries = evident_import_get_entries (import);
  g_assert_cmpuint (entries->len, ==, 345);
  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 17);
  g_assert_cmpint (evident_import_get_mode (import), ==, EVIDENT_SCORE_MODE_PASS_FAIL);
  g_assert_cmpuint (evident_import_get_max_level (import), ==, 3);
  g_assert_cmpstr (chapter_at (import, 0)->number, ==, "V1");
  g_assert_cmpstr (chapter_at (import, 0)->title, ==, "Encoding and Sanitization");
  g_assert_cmpstr (section_at (chapter_at (import, 0), 0)->number, ==, "V1.1");

  for (guint i = 0; i < entries->len; i++)
    {
      const EvidentChecklistEntry *entry = g_ptr_array_index (entries, i);

      g_assert_true (g_str_has_prefix (entry->ref, "V"));
      g_assert_cmpstr (entry->title, !=, "");
      g_assert_cmpuint (g_utf8_strlen (entry->title, -1), <=, 80);
      g_assert_true (g_str_has_prefix (entry->requirement, "Verify"));
      g_assert_true (entry->mandatory);
      g_assert_true (entry->no_points);
      n_level1 += g_strcmp0 (evident_checklist_entry_get_extra (entry, "L"), "1") == 0;
    }
  g_assert_nonnull (find_entry (import, "V1.2.10"));
  g_assert_cmpstr (find_entry (import, "V1.1.1")->title, ==,
                   "Input is decoded or unescaped into a canonical form only once, it is only…");

  /* Level 1 only. */
  evident_import_set_mandatory_level (import, 1);
  entries = evident_import_get_entries (import);
  for (guint i = 0; i < entries->len; i++)
    n_mandatory += ((EvidentChecklistEntry *) g_ptr_array_index (entries, i))->mandatory;
  g_assert_cmpuint (n_level1, >, 0);
  g_assert_cmpuint (n_mandatory, ==, n_level1);

  /* And through the old entry point, as `evident-cli new` reads it. */
  parsed = evident_checklist_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 345);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import/aws/workbook", test_aws_workbook);
  g_test_add_func ("/import/aws/csv", test_aws_csv);
  g_test_add_func ("/import/jira/evident-export", test_jira);
  g_test_add_func ("/import/jira/issue-keys", test_jira_issue_keys);
  g_test_add_func ("/import/mapped/header-search", test_mapped_header_search);
  g_test_add_func ("/import/mapped/weak-names", test_weak_names);
  g_test_add_func ("/import/mapped/derivations", test_derivations);
  g_test_add_func ("/import/mapped/bands-as-chapters", test_bands_as_chapters);
  g_test_add_func ("/import/mapped/level", test_level);
  g_test_add_func ("/import/evident-format", test_evident_format);
  g_test_add_func ("/import/mapping/live", test_mapping_live);
  g_test_add_func ("/import/mapping/header-row", test_header_row_setting);
  g_test_add_func ("/import/mapping/labels-beyond-header", test_labels_beyond_header);
  g_test_add_func ("/import/mapping/sheets", test_sheet_choice);
  g_test_add_func ("/import/mapping/parse", test_mapping_parse);
  g_test_add_func ("/import/mapping/options", test_options);
  g_test_add_func ("/import/mapping/memory", test_memory);
  g_test_add_func ("/import/skipped-rows", test_skipped_rows);
  g_test_add_func ("/import/problems/workbook", test_problems_in_workbook);
  g_test_add_func ("/import/problems/csv", test_problems_in_csv);
  g_test_add_func ("/import/json", test_json);
  g_test_add_func ("/import/real/asvs", test_asvs);

  return g_test_run ();
}
