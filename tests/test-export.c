/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Exports of a project: the self-assessment handed in and read back (by
 * Evident, cell by cell against the original, and by LibreOffice), the
 * fresh workbook, and the CSV files for Evident and Jira read back as the
 * same items; all of them atomic, on a worker too. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "evident-chapter.h"
#include "evident-evidence-store.h"
#include "evident-export.h"
#include "evident-import.h"
#include "evident-item.h"
#include "evident-test-workbook.h"
#include "evident-test-xlsx.h"
#include "evident-xlsx-writer.h"
#include "evident-xlsx.h"
#include "test-fixtures.h"

/* Helpers */

static char *
write_default_workbook (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "self-assessment.xlsx", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_test_workbook_write (evident_test_workbook_get_default (), path,
                                              &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static EvidentImport *
import_file (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  EvidentImport *import = evident_import_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static EvidentProject *
create_from_file (const char *checklist,
                  const char *project_path)
{
  g_autoptr (EvidentImport) import = import_file (checklist);
  g_autoptr (GFile) file = g_file_new_for_path (project_path);
  g_autoptr (GError) error = NULL;
  EvidentProject *project;

  project = evident_project_create_from_import (file, NULL, import, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static void
export_ok (EvidentProject      *project,
           EvidentExportFormat  format,
           const char          *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_export (project, format, file, NULL, &error));
  g_assert_no_error (error);
}

static void
update (EvidentProject   *project,
        const char       *ref,
        EvidentItemField  field,
        const char       *value)
{
  EvidentItemChange change = { field, value };
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_project_update_item (project, fixture_lookup (project, ref), &change, 1,
                                              &error));
  g_assert_no_error (error);
}

static const EvidentChecklistEntry *
find_entry (EvidentImport *import,
            const char    *ref)
{
  GPtrArray *entries = evident_import_get_entries (import);

  for (guint i = 0; i < entries->len; i++)
    {
      const EvidentChecklistEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->ref, ref))
        return entry;
    }
  g_error ("No entry %s", ref);
}

/* Both imports have the same items, in the same order, with the same texts. */
static void
assert_same_entries (EvidentImport *expected,
                     EvidentImport *actual,
                     gboolean       with_titles)
{
  GPtrArray *a = evident_import_get_entries (expected);
  GPtrArray *b = evident_import_get_entries (actual);

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const EvidentChecklistEntry *x = g_ptr_array_index (a, i);
      const EvidentChecklistEntry *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->ref, ==, y->ref);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->requirement, ==, y->requirement);
      g_assert_cmpstr (x->evidence, ==, y->evidence);
      g_assert_cmpstr (x->chapter, ==, y->chapter);
      g_assert_cmpstr (x->section, ==, y->section);
      if (with_titles)
        {
          g_assert_cmpstr (x->chapter_title, ==, y->chapter_title);
          g_assert_cmpstr (x->section_title, ==, y->section_title);
        }
      g_assert_cmpint (x->points, ==, y->points);
      g_assert_cmpint (x->no_points, ==, y->no_points);
      g_assert_cmpint (x->mandatory, ==, y->mandatory);
    }
}

/* The hand-in */

typedef struct
{
  const char *ref;
  const char *met;
  const char *response;
} Answer;

/* What the round trip's edits make the answers. */
static const Answer expected_answers[] = {
  /* Imported "Yes" with its response, untouched. */
  { "OPSP-001", "Yes", "Runbooks live in the operations wiki; the index is attached." },
  { "OPSP-002", "Yes",
    "Alerts page the on-call engineer.\n\nEvidence:\n- alert-log.pdf\n"
    "- On-call rota: https://example.com/rota" },
  { "OPSP-003", "No", NULL },
  { "SECP-001", "Yes", "Not applicable: Federation is run by the customer\n\nSee the contract." },
  { "SECP-002", "No", "Retention is being raised to 13 months." },
  /* Imported "No", untouched. */
  { "SECP-003", "No", NULL },
  { "SECP-004", "No", "Schulung läuft:\nzwei Termine im März." },
  { "BUSP-001", "Yes", NULL },
  { "BUSP-002", "No", NULL },
};

static void
answer_items (EvidentProject *project,
              const char     *dir)
{
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (project);
  g_autofree char *pdf = g_build_filename (dir, "alert-log.pdf", NULL);
  g_autoptr (GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr (EvidentEvidence) added = NULL;
  g_autoptr (EvidentEvidence) link = NULL;
  g_autoptr (GError) error = NULL;

  update (project, "OPSP-002", EVIDENT_ITEM_FIELD_STATUS, "met");
  update (project, "OPSP-002", EVIDENT_ITEM_FIELD_RESPONSE, "Alerts page the on-call engineer.");
  fixture_write_file (pdf, "%PDF-1.4 alert log", 18);
  added = evident_evidence_store_add_file (store, fixture_lookup (project, "OPSP-002"), pdf_file,
                                           NULL, EVIDENT_EVIDENCE_KIND_ASSET, NULL, NULL, &error);
  g_assert_no_error (error);
  link = evident_evidence_store_add_link (store, fixture_lookup (project, "OPSP-002"),
                                          "https://example.com/rota", "On-call rota",
                                          EVIDENT_EVIDENCE_KIND_PROCESS, &error);
  g_assert_no_error (error);

  g_assert_true (evident_project_set_status (project, fixture_lookup (project, "SECP-001"),
                                             EVIDENT_STATUS_NOT_APPLICABLE,
                                             "Federation is run by the customer", &error));
  g_assert_no_error (error);
  g_assert_true (evident_project_set_response (project, fixture_lookup (project, "SECP-001"),
                                               "See the contract.", &error));
  g_assert_no_error (error);
  update (project, "SECP-002", EVIDENT_ITEM_FIELD_STATUS, "in-progress");
  update (project, "SECP-002", EVIDENT_ITEM_FIELD_RESPONSE, "Retention is being raised to 13 months.");
  update (project, "SECP-004", EVIDENT_ITEM_FIELD_STATUS, "ready");
  update (project, "SECP-004", EVIDENT_ITEM_FIELD_RESPONSE, "Schulung läuft:\nzwei Termine im März.");
  update (project, "BUSP-001", EVIDENT_ITEM_FIELD_STATUS, "met");
  /* Notes stay internal. */
  update (project, "BUSP-002", EVIDENT_ITEM_FIELD_NOTE, "Ask the two customers first");
}

static const Answer *
expected_answer (const char *ref)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_answers); i++)
    {
      if (g_str_equal (expected_answers[i].ref, ref))
        return &expected_answers[i];
    }
  return NULL;
}

/* Every cell of every sheet is as in @original, but the answers. */
static void
assert_only_answers_differ (GBytes *original,
                            GBytes *exported)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentWorkbook) a = evident_workbook_load (original, "original.xlsx", NULL, &error);
  g_autoptr (EvidentWorkbook) b = evident_workbook_load (exported, "exported.xlsx", NULL, &error);
  guint n_written = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (evident_workbook_get_n_sheets (a), ==, evident_workbook_get_n_sheets (b));
  for (guint s = 0; s < evident_workbook_get_n_sheets (a); s++)
    {
      EvidentSheet *x = evident_workbook_get_sheet (a, s);
      EvidentSheet *y = evident_workbook_get_sheet (b, s);
      guint n_rows = MAX (evident_sheet_get_n_rows (x), evident_sheet_get_n_rows (y));
      guint n_columns = MAX (evident_sheet_get_n_columns (x), evident_sheet_get_n_columns (y));

      g_assert_cmpstr (evident_sheet_get_name (x), ==, evident_sheet_get_name (y));
      g_assert_cmpuint (evident_sheet_get_n_merges (x), ==, evident_sheet_get_n_merges (y));
      for (guint row = 0; row < n_rows; row++)
        for (guint column = 0; column < n_columns; column++)
          {
            const char *before = evident_sheet_get_cell (x, row, column);
            const char *after = evident_sheet_get_cell (y, row, column);
            const Answer *answer = expected_answer (evident_sheet_get_cell (x, row, 0));

            if (answer != NULL && (column == 2 || column == 3))
              {
                const char *want = column == 2 ? answer->met : answer->response;

                g_assert_cmpstr (after, ==, want != NULL ? want : "");
                n_written += g_strcmp0 (before, after) != 0;
                continue;
              }
            if (g_strcmp0 (before, after) != 0)
              g_error ("Sheet %u, row %u, column %u changed: “%s” → “%s”", s, row + 1, column,
                       before, after);
          }
    }
  g_assert_cmpuint (n_written, >, 10);
}

/* The answer cells (Met? and Partner Response) of the items on the sheet
 * whose part is @member. */
static GStrv
answer_cells (const char *member)
{
  const EvidentTestWorkbook *desc = evident_test_workbook_get_default ();
  g_autoptr (GStrvBuilder) cells = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (expected_answers); i++)
    {
      g_autofree char *part = NULL;
      g_autofree char *met = NULL;
      g_autofree char *response = NULL;
      guint sheet, row;

      g_assert_nonnull (evident_test_workbook_locate (desc, expected_answers[i].ref, NULL, &sheet,
                                                      &row));
      part = evident_test_workbook_get_part (desc, sheet);
      if (!g_str_equal (part, member))
        continue;
      met = g_strdup_printf ("C%u", row + 1);
      response = g_strdup_printf ("D%u", row + 1);
      g_strv_builder_add (cells, met);
      g_strv_builder_add (cells, response);
    }
  return g_strv_builder_end (cells);
}

/* In the zip container, the same members in the same order; only the
 * sheets with answers (and the shared strings) differ, and in the sheets
 * only the answer cells: every other member is the same byte for byte,
 * as it was stored. */
static void
assert_only_sheets_differ (GBytes *original,
                           GBytes *exported)
{
  g_autoptr (GPtrArray) a = evident_test_zip_list (original);
  g_autoptr (GPtrArray) b = evident_test_zip_list (exported);
  guint n_sheets = 0;

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const char *member = g_ptr_array_index (a, i);
      g_auto (GStrv) cells = answer_cells (member);
      g_autoptr (GBytes) raw_a = evident_test_zip_read_raw (original, member);
      g_autoptr (GBytes) raw_b = evident_test_zip_read_raw (exported, member);
      g_autofree char *text_a = NULL;
      g_autofree char *text_b = NULL;
      g_autofree char *stripped_a = NULL;
      g_autofree char *stripped_b = NULL;

      g_assert_cmpstr (member, ==, g_ptr_array_index (b, i));
      if (g_strv_length (cells) == 0)
        {
          if (!g_str_equal (member, "xl/sharedStrings.xml") && !g_bytes_equal (raw_a, raw_b))
            g_error ("%s changed", member);
          continue;
        }

      n_sheets++;
      text_a = evident_test_zip_read_text (original, member);
      text_b = evident_test_zip_read_text (exported, member);
      stripped_a = evident_test_xlsx_strip_cells (text_a, (const char * const *) cells, FALSE);
      stripped_b = evident_test_xlsx_strip_cells (text_b, (const char * const *) cells, TRUE);
      g_assert_false (g_str_equal (text_a, text_b));
      g_assert_cmpstr (stripped_a, ==, stripped_b);
    }
  g_assert_cmpuint (n_sheets, ==, 2);
}

static void
assert_libreoffice_reads (GBytes *exported)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) sheets = evident_test_soffice_read (exported, &error);
  const EvidentTestWorkbook *desc = evident_test_workbook_get_default ();

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected_answers); i++)
    {
      const Answer *answer = &expected_answers[i];
      const char *sheet_name;
      GPtrArray *rows;
      guint row;
      g_autofree char *response = NULL;

      g_assert_nonnull (evident_test_workbook_locate (desc, answer->ref, &sheet_name, NULL, &row));
      rows = g_hash_table_lookup (sheets, sheet_name);
      g_assert_nonnull (rows);
      g_assert_cmpstr (evident_test_sheet_cell (rows, row, 0), ==, answer->ref);
      g_assert_cmpstr (evident_test_sheet_cell (rows, row, 2), ==, answer->met);
      response = g_strdup (evident_test_sheet_cell (rows, row, 3));
      g_assert_cmpstr (response, ==, answer->response != NULL ? answer->response : "");
    }
}

static void
test_aws_round_trip (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *workbook = write_default_workbook (dir);
  g_autofree char *project_path = g_build_filename (dir, "audit.evident", NULL);
  g_autofree char *exported_path = g_build_filename (dir, "handed-in.xlsx", NULL);
  g_autoptr (EvidentProject) project = create_from_file (workbook, project_path);
  g_autoptr (EvidentImport) before = import_file (workbook);
  g_autoptr (EvidentImport) after = NULL;
  g_autoptr (GBytes) original = fixture_read_file (workbook);
  g_autoptr (GBytes) exported = NULL;
  g_autofree char *listing = NULL;

  answer_items (project, dir);
  /* The project keeps the workbook: the original may be gone. */
  g_assert_cmpint (g_unlink (workbook), ==, 0);
  export_ok (project, EVIDENT_EXPORT_FORMAT_AWS_XLSX, exported_path);
  fixture_close_project (&project);
  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "alert-log.pdf\naudit.evident\nhanded-in.xlsx");

  /* Read back: the same items, and the answers given. */
  after = import_file (exported_path);
  g_assert_cmpint (evident_import_get_layout (after), ==, EVIDENT_IMPORT_LAYOUT_AWS_WORKBOOK);
  assert_same_entries (before, after, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (expected_answers); i++)
    {
      const EvidentChecklistEntry *entry = find_entry (after, expected_answers[i].ref);

      g_assert_cmpstr (entry->state.met, ==, expected_answers[i].met);
      g_assert_cmpstr (entry->state.response, ==, expected_answers[i].response);
    }

  exported = fixture_read_file (exported_path);
  assert_only_answers_differ (original, exported);
  assert_only_sheets_differ (original, exported);
  if (!evident_test_soffice_skip ())
    assert_libreoffice_reads (exported);
}

/* A project of a CSV file has no workbook to hand in; the destination is
 * as it was. */
static void
test_aws_without_workbook (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *csv = g_build_filename (dir, "list.csv", NULL);
  g_autofree char *project_path = g_build_filename (dir, "audit.evident", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xlsx", NULL);
  g_autoptr (GFile) out_file = g_file_new_for_path (out);
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) kept = NULL;
  g_autofree char *listing = NULL;

  fixture_write_file (csv, "ref,chapter,title\nA-1,A,One\n", 27);
  project = create_from_file (csv, project_path);
  g_assert_null (evident_project_dup_workbook_name (project));
  fixture_write_file (out, "an older file", 13);

  g_assert_false (evident_export_aws_xlsx (project, out_file, NULL, &error));
  g_assert_error (error, EVIDENT_EXPORT_ERROR, EVIDENT_EXPORT_ERROR_NO_WORKBOOK);
  fixture_assert_contains (error, "export as XLSX instead");
  kept = fixture_read_file (out);
  g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), "an older file", 13);
  fixture_close_project (&project);
  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "audit.evident\nlist.csv\nout.xlsx");
}

/* Cancelled, or failing half-way: the older file stays, nothing beside it. */
static void
test_atomic (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *workbook = write_default_workbook (dir);
  g_autofree char *project_path = g_build_filename (dir, "audit.evident", NULL);
  g_autoptr (EvidentProject) project = create_from_file (workbook, project_path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *listing = NULL;

  g_cancellable_cancel (cancellable);
  for (guint format = 0; format < EVIDENT_N_EXPORT_FORMATS; format++)
    {
      g_autofree char *out = g_build_filename (dir, "out.bin", NULL);
      g_autoptr (GFile) file = g_file_new_for_path (out);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) kept = NULL;

      fixture_write_file (out, "an older file", 13);
      g_assert_false (evident_export (project, format, file, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      kept = fixture_read_file (out);
      g_assert_cmpuint (g_bytes_get_size (kept), ==, 13);
    }

  /* A folder that is not there: an error that names the file. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "gone", "out.csv", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (nowhere);
    g_autoptr (GError) error = NULL;

    g_assert_false (evident_export_csv (project, file, NULL, &error));
    g_assert_nonnull (error);
    fixture_assert_contains (error, "out.csv");
  }

  fixture_close_project (&project);
  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "audit.evident\nout.bin\nself-assessment.xlsx");
}

/* Evident's CSV */

static const char *checklist_with_state =
  "ref,chapter,chapter_title,section,section_title,title,requirement,evidence,points,"
  "mandatory,Priority,Area\n"
  "8.1.1,8.0,Security,8.1,Identity,Federated sign-in,\"Staff sign in, with MFA.\","
  "Evidence of the IdP,40,yes,High,Cloud\n"
  "8.1.2,8.0,Security,8.1,Identity,Break-glass accounts,Two sealed accounts.,,10,no,Low,\n"
  "9.1,9.0,,,,Service desk,\"A desk, staffed\n24/7.\",,25,yes,,Ops\n";

static void
set_state (EvidentProject *project)
{
  g_autoptr (GError) error = NULL;
  EvidentItemChange changes[] = {
    { EVIDENT_ITEM_FIELD_STATUS, "ready" },
    { EVIDENT_ITEM_FIELD_OWNER, "Ann Example <ann@example.com>" },
    { EVIDENT_ITEM_FIELD_COMPLEXITY, "high" },
    { EVIDENT_ITEM_FIELD_NOTE, "Check the \"IdP\" export, twice" },
    { EVIDENT_ITEM_FIELD_DUE, "2026-03-31" },
    { EVIDENT_ITEM_FIELD_RESPONSE, "Federated via the partner's IdP;\nMFA enforced." },
  };

  g_assert_true (evident_project_update_item (project, fixture_lookup (project, "8.1.1"), changes,
                                              G_N_ELEMENTS (changes), &error));
  g_assert_no_error (error);
  g_assert_true (evident_project_set_status (project, fixture_lookup (project, "8.1.2"),
                                             EVIDENT_STATUS_NOT_APPLICABLE, "No accounts, no glass",
                                             &error));
  g_assert_no_error (error);
  update (project, "9.1", EVIDENT_ITEM_FIELD_OWNER, "Bob");
  update (project, "9.1", EVIDENT_ITEM_FIELD_STATUS, "not-met");
}

static void
assert_same_items (EvidentProject *a,
                   EvidentProject *b)
{
  GListModel *x = evident_project_get_items (a);
  GListModel *y = evident_project_get_items (b);

  g_assert_cmpuint (g_list_model_get_n_items (x), ==, g_list_model_get_n_items (y));
  g_assert_cmpint (evident_project_get_rules (a)->mode, ==, evident_project_get_rules (b)->mode);
  for (guint i = 0; i < g_list_model_get_n_items (x); i++)
    {
      g_autoptr (EvidentItem) p = g_list_model_get_item (x, i);
      g_autoptr (EvidentItem) q = g_list_model_get_item (y, i);
      guint n_p, n_q;
      const EvidentExtraField *extra_p = evident_item_get_extra_fields (p, &n_p);
      const EvidentExtraField *extra_q = evident_item_get_extra_fields (q, &n_q);

      g_assert_cmpstr (evident_item_get_ref (p), ==, evident_item_get_ref (q));
      g_assert_cmpstr (evident_item_get_chapter (p), ==, evident_item_get_chapter (q));
      g_assert_cmpstr (evident_item_get_section (p), ==, evident_item_get_section (q));
      g_assert_cmpstr (evident_item_get_section_title (p), ==, evident_item_get_section_title (q));
      g_assert_cmpstr (evident_item_get_title (p), ==, evident_item_get_title (q));
      g_assert_cmpstr (evident_item_get_requirement (p), ==, evident_item_get_requirement (q));
      g_assert_cmpstr (evident_item_get_evidence_hint (p), ==, evident_item_get_evidence_hint (q));
      g_assert_cmpint (evident_item_get_points (p), ==, evident_item_get_points (q));
      g_assert_cmpint (evident_item_get_mandatory (p), ==, evident_item_get_mandatory (q));
      g_assert_cmpint (evident_item_get_status (p), ==, evident_item_get_status (q));
      g_assert_cmpstr (evident_item_get_owner (p), ==, evident_item_get_owner (q));
      g_assert_cmpint (evident_item_get_complexity (p), ==, evident_item_get_complexity (q));
      g_assert_cmpstr (evident_item_get_reason (p), ==, evident_item_get_reason (q));
      g_assert_cmpstr (evident_item_get_note (p), ==, evident_item_get_note (q));
      g_assert_cmpstr (evident_item_get_due (p), ==, evident_item_get_due (q));
      g_assert_cmpstr (evident_item_get_response (p), ==, evident_item_get_response (q));
      g_assert_cmpuint (n_p, ==, n_q);
      for (guint f = 0; f < n_p; f++)
        {
          g_assert_cmpstr (extra_p[f].name, ==, extra_q[f].name);
          g_assert_cmpstr (extra_p[f].value, ==, extra_q[f].value);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (evident_project_get_chapters (a)); i++)
    {
      g_autoptr (EvidentChapter) p = g_list_model_get_item (evident_project_get_chapters (a), i);
      g_autoptr (EvidentChapter) q = g_list_model_get_item (evident_project_get_chapters (b), i);

      g_assert_cmpstr (evident_chapter_get_number (p), ==, evident_chapter_get_number (q));
      g_assert_cmpstr (evident_chapter_get_title (p), ==, evident_chapter_get_title (q));
    }
}

static void
test_csv_round_trip (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *csv = g_build_filename (dir, "list.csv", NULL);
  g_autofree char *project_path = g_build_filename (dir, "audit.evident", NULL);
  g_autofree char *exported = g_build_filename (dir, "export.csv", NULL);
  g_autofree char *again_path = g_build_filename (dir, "again.evident", NULL);
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (EvidentProject) again = NULL;
  g_autofree char *email = NULL;
  guint n_extra;

  fixture_write_file (csv, checklist_with_state, strlen (checklist_with_state));
  project = create_from_file (csv, project_path);
  evident_item_get_extra_fields (fixture_lookup (project, "8.1.1"), &n_extra);
  g_assert_cmpuint (n_extra, ==, 2);
  g_assert_cmpstr (evident_item_get_extra_field (fixture_lookup (project, "8.1.1"), "area"), ==,
                   "Cloud");
  set_state (project);

  export_ok (project, EVIDENT_EXPORT_FORMAT_CSV, exported);
  again = create_from_file (exported, again_path);
  assert_same_items (project, again);
  email = evident_project_dup_owner_email (again, "Ann Example");
  g_assert_cmpstr (email, ==, "ann@example.com");
  /* The state is the new project's start, not an edit. */
  g_assert_false (evident_project_get_can_undo (again));
}

/* A requirement list with levels (as OWASP ASVS's "L"): the level column
 * is an extra field too, and comes back under its name. */
static void
test_csv_levels (void)
{
  static const char *levels =
    "req_id,chapter_id,chapter_name,req_description,L\n"
    "V1.1.1,V1,Encoding,Verify that input is decoded once.,1\n"
    "V1.1.2,V1,Encoding,Verify that output is encoded last.,2\n"
    "V2.1.1,V2,Validation,Verify that input is validated.,3\n";
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *csv = g_build_filename (dir, "levels.csv", NULL);
  g_autofree char *project_path = g_build_filename (dir, "levels.evident", NULL);
  g_autofree char *exported = g_build_filename (dir, "export.csv", NULL);
  g_autofree char *again_path = g_build_filename (dir, "again.evident", NULL);
  g_autoptr (GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (EvidentProject) again = NULL;
  g_autoptr (GError) error = NULL;

  fixture_write_file (csv, levels, strlen (levels));
  import = import_file (csv);
  evident_import_set_mandatory_level (import, 2);
  project = evident_project_create_from_import (project_file, NULL, import, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (evident_item_get_mandatory (fixture_lookup (project, "V2.1.1")));
  g_assert_cmpstr (evident_item_get_extra_field (fixture_lookup (project, "V2.1.1"), "L"), ==,
                   "3");

  export_ok (project, EVIDENT_EXPORT_FORMAT_CSV, exported);
  again = create_from_file (exported, again_path);
  assert_same_items (project, again);
}

/* Jira */

static void
test_jira_round_trip (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *csv = g_build_filename (dir, "list.csv", NULL);
  g_autofree char *workbook = write_default_workbook (dir);
  g_autofree char *project_path = g_build_filename (dir, "audit.evident", NULL);
  g_autofree char *aws_path = g_build_filename (dir, "aws.evident", NULL);
  g_autofree char *exported = g_build_filename (dir, "jira.csv", NULL);
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (EvidentProject) aws = NULL;
  g_autoptr (EvidentImport) before = NULL;
  g_autoptr (EvidentImport) after = NULL;
  g_autoptr (GBytes) bytes = NULL;
  const EvidentChecklistEntry *entry;

  fixture_write_file (csv, checklist_with_state, strlen (checklist_with_state));
  project = create_from_file (csv, project_path);
  set_state (project);
  export_ok (project, EVIDENT_EXPORT_FORMAT_JIRA_CSV, exported);

  bytes = fixture_read_file (exported);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL),
                                   "Summary,Issue Type,Status,Description,Assignee,Due Date,"
                                   "Labels,Labels,Custom field (Points)"));
  before = import_file (csv);
  after = import_file (exported);
  g_assert_cmpint (evident_import_get_layout (after), ==, EVIDENT_IMPORT_LAYOUT_JIRA);
  g_assert_cmpuint (evident_import_get_problems (after)->len, ==, 0);
  assert_same_entries (before, after, TRUE);

  entry = find_entry (after, "8.1.1");
  g_assert_cmpstr (entry->state.owner, ==, "ann@example.com");
  g_assert_cmpint (entry->state.status, ==, EVIDENT_STATUS_READY);
  g_assert_cmpint (entry->state.complexity, ==, EVIDENT_COMPLEXITY_HIGH);
  g_assert_cmpstr (entry->state.due, ==, "2026-03-31");
  g_assert_cmpstr (entry->state.response, ==, "Federated via the partner's IdP;\nMFA enforced.");
  /* Extra fields are custom fields in Jira, and come back as such. */
  g_assert_cmpstr (evident_checklist_entry_get_extra (entry, "Custom field (Priority)"), ==,
                   "High");
  /* "Area" could be a chapter: it keeps a name that cannot. */
  g_assert_cmpstr (evident_checklist_entry_get_extra (find_entry (after, "9.1"),
                                                      "Custom field (Area (extra))"), ==, "Ops");
  g_assert_cmpint (find_entry (after, "8.1.2")->state.status, ==, EVIDENT_STATUS_NOT_APPLICABLE);
  g_assert_cmpint (find_entry (after, "9.1")->state.status, ==, EVIDENT_STATUS_NOT_MET);
  g_assert_cmpstr (find_entry (after, "9.1")->state.owner, ==, "Bob");

  /* A pass/fail checklist with "SECP-001"-style references, no points. */
  g_clear_pointer (&before, g_object_unref);
  g_clear_pointer (&after, g_object_unref);
  aws = create_from_file (workbook, aws_path);
  export_ok (aws, EVIDENT_EXPORT_FORMAT_JIRA_CSV, exported);
  before = import_file (workbook);
  after = import_file (exported);
  assert_same_entries (before, after, FALSE);
  g_assert_cmpint (evident_import_get_mode (after), ==, EVIDENT_SCORE_MODE_PASS_FAIL);
  g_assert_cmpstr (find_entry (after, "SECP-001")->title, ==, "Identity federation");
}

/* A fresh workbook */

static void
test_xlsx (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *csv = g_build_filename (dir, "list.csv", NULL);
  g_autofree char *project_path = g_build_filename (dir, "audit.evident", NULL);
  g_autofree char *exported = g_build_filename (dir, "audit.xlsx", NULL);
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (EvidentWorkbook) workbook = NULL;
  g_autoptr (GError) error = NULL;
  EvidentSheet *items;
  EvidentSheet *summary;
  const char *header[] = {
    "Reference", "Chapter", "Chapter title", "Section", "Section title", "Title", "Requirement",
    "Expected evidence", "Points", "Mandatory", "Status", "Owner", "Complexity", "Due date",
    "Reason", "Response", "Notes", "Evidence provided", "Priority", "Area",
  };

  fixture_write_file (csv, checklist_with_state, strlen (checklist_with_state));
  project = create_from_file (csv, project_path);
  set_state (project);
  export_ok (project, EVIDENT_EXPORT_FORMAT_XLSX, exported);

  bytes = fixture_read_file (exported);
  workbook = evident_workbook_load (bytes, "audit.xlsx", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evident_workbook_get_n_sheets (workbook), ==, 2);
  items = evident_workbook_get_sheet (workbook, 0);
  summary = evident_workbook_get_sheet (workbook, 1);
  g_assert_cmpstr (evident_sheet_get_name (items), ==, "Items");
  g_assert_cmpstr (evident_sheet_get_name (summary), ==, "Summary");

  g_assert_cmpuint (evident_sheet_get_n_rows (items), ==, 4);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_assert_cmpstr (evident_sheet_get_cell (items, 0, c), ==, header[c]);
  g_assert_cmpstr (evident_sheet_get_cell (items, 1, 0), ==, "8.1.1");
  g_assert_cmpstr (evident_sheet_get_cell (items, 1, 2), ==, "Security");
  g_assert_cmpstr (evident_sheet_get_cell (items, 1, 6), ==, "Staff sign in, with MFA.");
  g_assert_cmpstr (evident_sheet_get_cell (items, 1, 8), ==, "40");
  g_assert_cmpstr (evident_sheet_get_cell (items, 1, 9), ==, "Yes");
  g_assert_cmpstr (evident_sheet_get_cell (items, 1, 10), ==, "Ready for Review");
  g_assert_cmpstr (evident_sheet_get_cell (items, 1, 11), ==, "Ann Example");
  g_assert_cmpstr (evident_sheet_get_cell (items, 1, 12), ==, "High");
  g_assert_cmpstr (evident_sheet_get_cell (items, 1, 13), ==, "2026-03-31");
  g_assert_cmpstr (evident_sheet_get_cell (items, 1, 15), ==,
                   "Federated via the partner's IdP;\nMFA enforced.");
  g_assert_cmpstr (evident_sheet_get_cell (items, 1, 16), ==, "Check the \"IdP\" export, twice");
  g_assert_cmpstr (evident_sheet_get_cell (items, 1, 18), ==, "High");
  g_assert_cmpstr (evident_sheet_get_cell (items, 1, 19), ==, "Cloud");
  g_assert_cmpstr (evident_sheet_get_cell (items, 2, 14), ==, "No accounts, no glass");
  g_assert_cmpstr (evident_sheet_get_cell (items, 3, 6), ==, "A desk, staffed\n24/7.");

  /* 40 + 10 + 25 = 75 points; confirmed: 8.1.2 (not applicable, 10) less
   * 200 for each of the two mandatory items not counted. */
  g_assert_cmpuint (evident_sheet_get_n_rows (summary), ==, 4);
  g_assert_cmpstr (evident_sheet_get_cell (summary, 0, 0), ==, "View");
  g_assert_cmpstr (evident_sheet_get_cell (summary, 1, 0), ==, "Confirmed");
  g_assert_cmpstr (evident_sheet_get_cell (summary, 1, 1), ==, "-390");
  g_assert_cmpstr (evident_sheet_get_cell (summary, 1, 2), ==, "900 of 75 points");
  g_assert_cmpstr (evident_sheet_get_cell (summary, 1, 3), ==, "No");
  g_assert_cmpstr (evident_sheet_get_cell (summary, 1, 4), ==, "1");
  g_assert_cmpstr (evident_sheet_get_cell (summary, 2, 0), ==, "Projected");
  g_assert_cmpstr (evident_sheet_get_cell (summary, 2, 1), ==, "-150");
}

/* On a worker */

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  evident_export_finish (EVIDENT_PROJECT (source), result, error);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_async (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *workbook = write_default_workbook (dir);
  g_autofree char *project_path = g_build_filename (dir, "audit.evident", NULL);
  g_autofree char *out = g_build_filename (dir, "handed-in.xlsx", NULL);
  g_autoptr (GFile) out_file = g_file_new_for_path (out);
  g_autoptr (EvidentProject) project = create_from_file (workbook, project_path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (EvidentImport) after = NULL;
  GError *error = NULL;

  update (project, "BUSP-002", EVIDENT_ITEM_FIELD_STATUS, "met");
  evident_export_async (project, EVIDENT_EXPORT_FORMAT_AWS_XLSX, out_file, NULL, exported_cb,
                        &error);
  /* Edits after the call are not in the file. */
  update (project, "BUSP-001", EVIDENT_ITEM_FIELD_STATUS, "met");
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  after = import_file (out);
  g_assert_cmpstr (find_entry (after, "BUSP-002")->state.met, ==, "Yes");
  g_assert_cmpstr (find_entry (after, "BUSP-001")->state.met, ==, "No");

  g_assert_cmpint (g_unlink (out), ==, 0);
  g_cancellable_cancel (cancellable);
  evident_export_async (project, EVIDENT_EXPORT_FORMAT_CSV, out_file, cancellable, exported_cb,
                        &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_formats (void)
{
  EvidentExportFormat format;

  for (guint i = 0; i < EVIDENT_N_EXPORT_FORMATS; i++)
    {
      g_assert_true (evident_export_format_from_string (evident_export_format_to_string (i),
                                                        &format));
      g_assert_cmpint (format, ==, i);
      g_assert_nonnull (evident_export_format_get_label (i));
    }
  g_assert_false (evident_export_format_from_string ("pdf", &format));
  g_assert_cmpstr (evident_export_format_get_extension (EVIDENT_EXPORT_FORMAT_AWS_XLSX), ==,
                   ".xlsx");
  g_assert_cmpstr (evident_export_format_get_extension (EVIDENT_EXPORT_FORMAT_JIRA_CSV), ==,
                   ".csv");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/aws/round-trip", test_aws_round_trip);
  g_test_add_func ("/export/aws/without-workbook", test_aws_without_workbook);
  g_test_add_func ("/export/atomic", test_atomic);
  g_test_add_func ("/export/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/export/csv/levels", test_csv_levels);
  g_test_add_func ("/export/jira/round-trip", test_jira_round_trip);
  g_test_add_func ("/export/xlsx", test_xlsx);
  g_test_add_func ("/export/async", test_async);

  return g_test_run ();
}
