/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Seeds for the harnesses, made here rather than downloaded: small
 * checklists in each layout and encoding the import knows, workbooks as
 * Evident's tests and its own export write them, the text of workbook
 * parts, and project files made by the core. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "evident-audit.h"
#include "evident-evidence.h"
#include "evident-finding.h"
#include "evident-import.h"
#include "evident-item.h"
#include "evident-project-private.h"
#include "evident-test-workbook.h"
#include "evident-xlsx-writer.h"
#include "fuzz.h"

static void
seed_free (FuzzSeed *seed)
{
  g_free (seed->name);
  g_bytes_unref (seed->bytes);
  g_free (seed);
}

static void
add (GPtrArray  *seeds,
     const char *name,
     GBytes     *bytes)
{
  FuzzSeed *seed = g_new0 (FuzzSeed, 1);

  seed->name = g_strdup (name);
  seed->bytes = bytes;
  g_ptr_array_add (seeds, seed);
}

static void
add_text (GPtrArray  *seeds,
          const char *name,
          const char *text,
          gssize      length)
{
  add (seeds, name, g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length));
}

/* Checklists */

static const char evident_csv[] =
  "ref,chapter,chapter_title,section,section_title,title,requirement,evidence,points,mandatory,"
  "status,owner,complexity,note\n"
  "1.1,1.0,Basics,1.1,Start,Alpha,\"Show it, \"\"twice\"\"\",A deck,100,yes,met,Ann,low,\n"
  "1.2,1.0,Basics,1.1,Start,Beta,\"Two\nlines\",,50,no,ready,,high,\"a note\"\n"
  "8.2.1,8.0,Security,8.2,Keys,Gamma,Rotate keys,Runbook,300,mandatory,,Bob,medium,\n";

static const char aws_csv[] =
  "Security self-assessment,,,\n"
  ",,,\n"
  "ID,Requirement Description,Met?,Partner Response\n"
  "Security (exempt with the competency),,,\n"
  "SECP-001,\"Encrypt data\nMandatory\r\nData at rest is encrypted.\n\nEvidence of the keys.\","
  "Yes,We do\n"
  "SECP-002,\"Rotate keys\nRecommended\r\nKeys rotate yearly.\",No,\n"
  "Business,,,\n"
  "BUSP-001,\"Plan\nMandatory\r\nA plan exists.\",,\n";

static const char jira_csv[] =
  "Summary,Issue key,Status,Assignee,Description,Labels,Labels,Custom field (Points),"
  "Custom field (Mandatory),Custom field (Complexity)\n"
  "8.2.1 Rotate keys,AUD-12,Done,Ann,Keys rotate,chapter-8.0,section-8.2,300,Yes,High\n"
  "Plan the audit,AUD-13,In Progress,,\"A plan, written\",chapter-1.0,,100,No,Low\n";

static const char mapped_csv[] =
  "Some title row\n"
  "Control ID;Name;Description;Domain;Level;Weight\n"
  "A.5.1;Policies;Information security policies;Organizational;1;10\n"
  "A.5.2;Roles;Roles and responsibilities;Organizational;2;5\n"
  "CC1.1.1;;Integrity and ethical values are demonstrated by the board;Control;3;\n";

static const char asvs_csv[] =
  "req_id\treq_description\tL\tchapter_name\n"
  "V1.2.10\tVerify the build pipeline warns\t1\tArchitecture\n"
  "V2.1.1\tVerify passwords are at least 12 characters\t2\tAuthentication\n";

/* Windows-1252: "Prüfung" and a euro sign. */
static const char cp1252_csv[] =
  "ref|chapter|title|points\n"
  "1.1|1.0|Pr\xfc" "fung \x80|10\n";

static void
add_csv_seeds (GPtrArray *seeds)
{
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", mapped_csv, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *sample_path = NULL;
  gsize utf16_len = 0;
  gsize sample_len = 0;

  add_text (seeds, "evident.csv", evident_csv, -1);
  add_text (seeds, "aws.csv", aws_csv, -1);
  add_text (seeds, "jira.csv", jira_csv, -1);
  add_text (seeds, "mapped-bom.csv", bom, -1);
  add_text (seeds, "asvs.tsv", asvs_csv, -1);
  add_text (seeds, "cp1252.csv", cp1252_csv, -1);

  /* Excel's "Unicode Text": UTF-16LE with a byte order mark. */
  utf16 = g_convert (asvs_csv, -1, "UTF-16LE", "UTF-8", NULL, &utf16_len, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GByteArray) with_bom = g_byte_array_new ();

    g_byte_array_append (with_bom, (const guint8 *) "\xff\xfe", 2);
    g_byte_array_append (with_bom, (const guint8 *) utf16, utf16_len);
    add (seeds, "utf16.txt", g_byte_array_free_to_bytes (g_steal_pointer (&with_bom)));
  }

  /* The bundled sample, as a realistic larger seed. */
  sample_path = g_build_filename (SOURCE_DATADIR, "checklists", "msp-sample.csv", NULL);
  if (g_file_get_contents (sample_path, &sample, &sample_len, NULL))
    add (seeds, "msp-sample.csv", g_bytes_new_take (g_steal_pointer (&sample), sample_len));
}

/* Workbooks */

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""

/* The text of a sheet, its shared strings and styles (fuzz_workbook_new()). */
static const char parts_self_assessment[] =
  "<worksheet " NS "><sheetData>"
  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
  "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>2</v></c>"
  "<c r=\"C2\" t=\"s\"><v>3</v></c><c r=\"D2\" t=\"s\"><v>4</v></c></row>"
  "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>5</v></c></row>"
  "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>SECP-001</t></is></c>"
  "<c r=\"B4\" t=\"s\"><v>6</v></c><c r=\"C4\" t=\"str\"><f>IF(1,\"Yes\",\"No\")</f><v>Yes</v></c>"
  "<c r=\"D4\" t=\"b\"><v>1</v></c></row>"
  "<row r=\"5\"><c r=\"A5\"><v>42</v></c><c r=\"B5\" s=\"1\"><v>45443.5625</v></c>"
  "<c r=\"C5\" t=\"e\"><v>#N/A</v></c></row>"
  "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A1:D1\"/><mergeCell ref=\"A3:D3\"/>"
  "</mergeCells></worksheet>"
  FUZZ_PART_SEPARATOR
  "<sst " NS " count=\"7\" uniqueCount=\"7\">"
  "<si><r><rPr><b/></rPr><t>Security</t></r><r><t xml:space=\"preserve\"> self-assessment</t></r></si>"
  "<si><t>ID</t></si><si><t>Requirement Description</t></si><si><t>Met?</t></si>"
  "<si><t>Partner Response</t></si><si><t>Security (exempt)</t></si>"
  "<si><t>Encrypt data\nMandatory_x000D_\nData at rest is encrypted.\n\nEvidence of keys.</t>"
  "<rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></si>"
  "</sst>"
  FUZZ_PART_SEPARATOR
  "<styleSheet " NS "><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm\"/>"
  "</numFmts><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/>"
  "</cellXfs></styleSheet>";

static const char parts_plain[] =
  "1904\n"
  "<worksheet " NS "><dimension ref=\"A1:C3\"/><sheetData>"
  "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ref</t></is></c>"
  "<c r=\"B1\" t=\"inlineStr\"><is><t>title</t></is></c>"
  "<c r=\"C1\" t=\"inlineStr\"><is><t>points</t></is></c></row>"
  "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>1.1</t></is></c>"
  "<c r=\"B2\" t=\"inlineStr\"><is><t>Alpha</t></is></c><c r=\"C2\"><v>1E2</v></c></row>"
  "<row r=\"3\"><c t=\"inlineStr\"><is><t>1.2</t></is></c><c><v>0.1</v></c></row>"
  "</sheetData></worksheet>";

/* A workbook as Evident's own export writes it. */
static GBytes *
exported_workbook (void)
{
  g_autoptr (EvidentXlsxTable) table = evident_xlsx_table_new ("Checklist");
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fuzz_tmp_path ("export.xlsx");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  EvidentXlsxTable *tables[1] = { table };
  GBytes *bytes;
  guint row;

  evident_xlsx_table_add_column (table, "ref", 10, EVIDENT_XLSX_COLUMN_DEFAULT);
  evident_xlsx_table_add_column (table, "title", 40, EVIDENT_XLSX_COLUMN_WRAP);
  evident_xlsx_table_add_column (table, "points", 8, EVIDENT_XLSX_COLUMN_DEFAULT);
  row = evident_xlsx_table_add_row (table);
  evident_xlsx_table_set_string (table, row, 0, "8.2.1");
  evident_xlsx_table_set_string (table, row, 1, "Rotate keys\nevery year");
  evident_xlsx_table_set_number (table, row, 2, 300);
  if (!evident_xlsx_write_tables (file, tables, 1, NULL, &error))
    g_error ("%s", error->message);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return bytes;
}

static void
add_workbook_seeds (GPtrArray *seeds)
{
  g_autoptr (GError) error = NULL;
  EvidentTestWorkbook bare = *evident_test_workbook_get_default ();
  GBytes *bytes;

  bytes = evident_test_workbook_build (evident_test_workbook_get_default (), &error);
  g_assert_no_error (error);
  add (seeds, "self-assessment.xlsx", bytes);
  bare.flags = EVIDENT_TEST_WORKBOOK_NO_INTRO | EVIDENT_TEST_WORKBOOK_EMPTY_ROWS;
  bytes = evident_test_workbook_build (&bare, &error);
  g_assert_no_error (error);
  add (seeds, "self-assessment-bare.xlsx", bytes);
  add (seeds, "export.xlsx", exported_workbook ());
  add_text (seeds, "self-assessment.parts", parts_self_assessment, -1);
  add_text (seeds, "plain.parts", parts_plain, -1);
}

/* Project files */

static GBytes *
read_and_remove (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_unlink (path);
  return bytes;
}

/* The way to the audit: an exemption with its evidence, a dry run with
 * participants, a verdict with a finding, another finding, and the
 * agenda's plan and time. */
static void
add_audit (EvidentProject  *project,
           EvidentEvidence *certificate)
{
  static const char *participants[] = { "Ann", "Bob", NULL };
  EvidentAudit *audit = evident_audit_get_for_project (project);
  EvidentItem *item = evident_project_lookup_item (project, "8.2.1");
  EvidentSession *session;
  g_autoptr (GDateTime) start = g_date_time_new_utc (2026, 3, 2, 9, 30, 0);
  g_autoptr (GDateTime) stop = g_date_time_add_minutes (start, 75);
  g_autoptr (GError) error = NULL;
  EvidentSessionSettings settings;

  if (evident_audit_exempt (audit, "1.0", "DevOps competency held", certificate, &error) == NULL)
    g_error ("%s", error->message);
  evident_session_settings_init (&settings);
  settings.kind = EVIDENT_SESSION_DRY_RUN;
  settings.date = "2026-03-02";
  settings.title = "Security dry run";
  settings.participants = participants;
  session = evident_audit_new_session (audit, &settings, &error);
  g_assert_no_error (error);
  if (!evident_session_record_verdict (session, item, EVIDENT_VERDICT_FAILED, "No runbook",
                                       EVIDENT_VERDICT_FLAGS_NONE, &error)
      || !evident_session_plan_chapter (session, "8.0", 1, 90, &error)
      || !evident_session_start_chapter (session, "8.0", start, &error)
      || !evident_session_stop_timer (session, stop, &error))
    g_error ("%s", error->message);
  if (evident_session_add_finding (session, NULL, "Bring the key inventory", &error) == NULL)
    g_error ("%s", error->message);
}

/* A project with edits in its history, a file and a link as evidence, and
 * the audit's rows. */
static GBytes *
project_with_evidence (void)
{
  g_autofree char *path = fuzz_tmp_path ("seed.evident");
  g_autofree char *pdf_path = fuzz_tmp_path ("deck.pdf");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr (GBytes) checklist = g_bytes_new_static (evident_csv, sizeof evident_csv - 1);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (EvidentEvidence) deck = NULL;
  g_autoptr (EvidentEvidence) link = NULL;
  g_autoptr (GError) error = NULL;
  EvidentEvidenceStore *store;
  EvidentItem *item;
  EvidentItemChange changes[] = {
    { EVIDENT_ITEM_FIELD_STATUS, "met" },
    { EVIDENT_ITEM_FIELD_OWNER, "Ann" },
    { EVIDENT_ITEM_FIELD_NOTE, "Reviewed\nin the dry run" },
  };

  entries = evident_checklist_parse (checklist, &error);
  g_assert_no_error (error);
  project = evident_project_create (file, NULL, entries, &error);
  g_assert_no_error (error);
  item = evident_project_lookup_item (project, "8.2.1");
  if (!evident_project_update_item (project, item, changes, G_N_ELEMENTS (changes), &error))
    g_error ("%s", error->message);

  if (!g_file_set_contents (pdf_path, "%PDF-1.4\n%%EOF\n", -1, &error))
    g_error ("%s", error->message);
  store = evident_evidence_store_get_for_project (project);
  deck = evident_evidence_store_add_file (store, item, pdf, "Deck",
                                          EVIDENT_EVIDENCE_KIND_PRESENTATION, NULL, NULL, &error);
  g_assert_no_error (error);
  link = evident_evidence_store_add_link (store, item, "https://wiki.example.com/keys", NULL,
                                          EVIDENT_EVIDENCE_KIND_PROCESS, &error);
  g_assert_no_error (error);
  add_audit (project, deck);
  evident_project_close (project);
  g_unlink (pdf_path);
  return read_and_remove (path);
}

/* Statements for fuzz-project-open.c's SQL mode: rows another program
 * could leave. */
static const char *project_sql[] = {
  "PRAGMA ignore_check_constraints=ON; UPDATE items SET status='bogus', points=-5;",
  "PRAGMA ignore_check_constraints=ON; UPDATE items SET complexity='huge', mandatory=7;",
  "UPDATE items SET chapter_id=999; UPDATE items SET section_id=NULL WHERE id=1;",
  "UPDATE items SET due='2024-13-45', reason=NULL, note=x'ff00fe';",
  "DELETE FROM chapters; DELETE FROM sections;",
  "UPDATE project SET value='lots' WHERE key='pass-score';"
  "UPDATE project SET value='neither' WHERE key='mode';",
  "DELETE FROM project; INSERT INTO project VALUES ('title', x'c328');",
  "UPDATE changes SET kind='undo', state=5; UPDATE history SET field='nonsense';",
  "UPDATE history SET old_value=x'00ff', evidence_id=12345; DELETE FROM changes WHERE id=1;",
  "UPDATE evidence SET kind='weird', added_at='not a date', removed_at='';",
  "UPDATE evidence SET sha256=NULL, url='javascript:alert(1)';",
  "UPDATE blobs SET size=-1, complete=1; UPDATE blob_chunks SET seq=7;",
  "DELETE FROM blob_chunks; UPDATE blobs SET verified_at='yesterday';",
  "DROP TABLE evidence;",
  "DROP INDEX history_item; CREATE TABLE extra (x);",
  "PRAGMA user_version=99;",
  "PRAGMA foreign_keys=OFF; INSERT INTO items (position, ref, chapter_id, title, points,"
  " mandatory) VALUES (-1, '', 42, '', 0, 0);",
  "PRAGMA ignore_check_constraints=ON; UPDATE sessions SET days=0, day_start=-5,"
  " day_minutes=99999, date='someday', kind='party';",
  "PRAGMA ignore_check_constraints=ON; UPDATE verdicts SET verdict='maybe';"
  " UPDATE session_states SET state='lost';",
  "UPDATE exemptions SET section_id=999, lift_change_id=change_id;"
  " DELETE FROM exemption_items;",
  "PRAGMA ignore_check_constraints=ON; UPDATE finding_updates SET state='done', fixed_by=77;"
  " UPDATE findings SET verdict_id=5, item_id=NULL;",
  "PRAGMA ignore_check_constraints=ON; UPDATE agenda_plans SET day=0, minutes=-3;"
  " UPDATE agenda_times SET started_at='yesterday', stopped_at='2026-03-01T00:00:00Z';",
  "INSERT INTO agenda_times (session_id, chapter_id, started_at)"
  " SELECT session_id, chapter_id, started_at FROM agenda_times;",
  "DELETE FROM audit_changes; UPDATE changes SET state=1;",
  "PRAGMA foreign_keys=OFF; DELETE FROM sessions; DELETE FROM chapters WHERE number='8.0';",
  "UPDATE item_extras SET value=x'ff'; INSERT INTO item_sources VALUES (1, 7, 0, -4);",
};

static void
add_project_seeds (GPtrArray *seeds)
{
  g_autofree char *path = fuzz_tmp_path ("old.evident");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  add (seeds, "project.evident", project_with_evidence ());
  if (!evident_project_create_empty_at_version (file, 1, &error))
    g_error ("%s", error->message);
  add (seeds, "version-1.evident", read_and_remove (path));
  for (guint i = 0; i < G_N_ELEMENTS (project_sql); i++)
    {
      g_autofree char *name = g_strdup_printf ("statements-%02u.sql", i + 1);
      g_autofree char *text = g_strconcat ("SQL\n", project_sql[i], NULL);

      add_text (seeds, name, text, -1);
    }
}

/**
 * fuzz_seeds_new:
 * @target: a harness's name, e.g. "csv-import"
 *
 * Returns: (transfer full) (element-type FuzzSeed): the seeds for @target;
 *   none for a harness that has no seeds here
 */
GPtrArray *
fuzz_seeds_new (const char *target)
{
  GPtrArray *seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) seed_free);

  fuzz_init ();
  if (g_str_equal (target, "csv-import"))
    add_csv_seeds (seeds);
  else if (g_str_equal (target, "xlsx-import") || g_str_equal (target, "xlsx-patch"))
    add_workbook_seeds (seeds);
  else if (g_str_equal (target, "project-open"))
    add_project_seeds (seeds);
  return seeds;
}
