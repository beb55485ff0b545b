/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Seeds for the harnesses, made here rather than downloaded: small
 * checklists in each layout and encoding the import knows, workbooks as
 * Evident's tests and its own export write them, the text of workbook
 * parts, project files made by the core, and PDF documents written by
 * cairo and by hand. */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "evident-audit.h"
#include "evident-evidence.h"
#include "evident-finding.h"
#include "evident-import.h"
#include "evident-item.h"
#include "evident-project-private.h"
#include "evident-render-protocol.h"
#include "evident-test-pdf.h"
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
add_expecting (GPtrArray  *seeds,
               const char *name,
               GBytes     *bytes,
               int         expect)
{
  add (seeds, name, bytes);
  ((FuzzSeed *) g_ptr_array_index (seeds, seeds->len - 1))->expect = expect;
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

/* Hidden columns and rows, and numbers in formats of digits (1.10 kept
 * as 1.1, shown as 1.10). */
static const char parts_hidden_shown[] =
  "<worksheet " NS "><cols><col min=\"2\" max=\"2\" hidden=\"1\"/>"
  "<col min=\"4\" max=\"16384\" hidden=\"true\"/></cols><sheetData>"
  "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ID</t></is></c>"
  "<c r=\"B1\" t=\"inlineStr\"><is><t>Title</t></is></c>"
  "<c r=\"C1\" t=\"inlineStr\"><is><t>Requirement</t></is></c></row>"
  "<row r=\"2\"><c r=\"A2\"><v>1.2</v></c><c r=\"C2\" t=\"inlineStr\"><is><t>Alpha</t></is></c></row>"
  "<row r=\"3\" hidden=\"1\" outlineLevel=\"1\"><c r=\"A3\"><v>1.3</v></c>"
  "<c r=\"C3\" t=\"inlineStr\"><is><t>Beta</t></is></c></row>"
  "<row r=\"4\"><c r=\"A4\" s=\"1\"><v>1.1</v></c><c r=\"C4\" s=\"2\"><v>7</v></c></row>"
  "</sheetData></worksheet>"
  FUZZ_PART_SEPARATOR
  "<sst " NS "/>"
  FUZZ_PART_SEPARATOR
  "<styleSheet " NS "><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.00\"/>"
  "<numFmt numFmtId=\"165\" formatCode=\"000;-000\"/></numFmts><cellXfs count=\"3\">"
  "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>";

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
  add_text (seeds, "hidden-shown.parts", parts_hidden_shown, -1);
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

/* Documents */

/* Each well-made document has this word on page 1, for the harness to
 * find (fuzz-render-document.c). */
#define WORD "Evident"

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
show_text (cairo_t    *cr,
           double      x,
           double      y,
           double      size,
           const char *text)
{
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
  cairo_move_to (cr, x, y);
  cairo_show_text (cr, text);
}

typedef void (*DrawDocument) (cairo_t         *cr,
                              cairo_surface_t *surface);

/* A PDF as cairo writes it (compressed streams, subset fonts), from a
 * first page of @width × @height points. */
static GBytes *
cairo_document (double       width,
                double       height,
                DrawDocument draw)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, array,
                                                                  width, height);
  cairo_t *cr = cairo_create (surface);

  draw (cr, surface);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (array);
}

/* A runbook's page: a title, lines of text, a rule and a box. */
static void
draw_text (cairo_t         *cr,
           cairo_surface_t *surface)
{
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Key rotation");
  show_text (cr, 56, 80, 20, WORD ": key rotation runbook");
  for (int line = 0; line < 6; line++)
    show_text (cr, 56, 120 + line * 14, 10,
               "Keys rotate every year; the owner checks the inventory (\xc3\xa4\xc3\xb6\xc3\xbc).");
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 56, 100);
  cairo_line_to (cr, 539, 100);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_rectangle (cr, 56, 700, 200, 80);
  cairo_fill (cr);
}

/* Three pages, each of its own size and orientation. */
static void
draw_pages (cairo_t         *cr,
            cairo_surface_t *surface)
{
  static const double sizes[][2] = { { 595, 842 }, { 792, 612 }, { 200, 100 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *text = g_strdup_printf (WORD ", page %u", i + 1);

      cairo_pdf_surface_set_size (surface, sizes[i][0], sizes[i][1]);
      show_text (cr, 10, 40, 14, text);
      cairo_show_page (cr);
    }
}

/* A diagram as an image, with and without alpha, scaled up. */
static void
draw_image (cairo_t         *cr,
            cairo_surface_t *surface)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 48, 32);
  cairo_surface_t *opaque = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 48, 32);
  cairo_t *icr = cairo_create (image);

  cairo_pattern_add_color_stop_rgb (gradient, 0, 0.9, 0.3, 0.1);
  cairo_pattern_add_color_stop_rgba (gradient, 1, 0.1, 0.3, 0.9, 0.5);
  cairo_set_source (icr, gradient);
  cairo_paint (icr);
  cairo_destroy (icr);
  icr = cairo_create (opaque);
  cairo_set_source_rgb (icr, 0.1, 0.7, 0.2);
  cairo_rectangle (icr, 0, 0, 4, 4);
  cairo_fill (icr);
  cairo_destroy (icr);

  show_text (cr, 56, 80, 20, WORD ": network diagram");
  cairo_save (cr);
  cairo_translate (cr, 56, 120);
  cairo_scale (cr, 6, 6);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_save (cr);
  cairo_translate (cr, 56, 400);
  cairo_scale (cr, 20, 20);
  cairo_set_source_surface (cr, opaque, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint_with_alpha (cr, 0.8);
  cairo_restore (cr);

  cairo_pattern_destroy (gradient);
  cairo_surface_destroy (opaque);
  cairo_surface_destroy (image);
}

/* Two pages with a web link, a link to a named place on page 2, and an
 * outline. */
static void
draw_links (cairo_t         *cr,
            cairo_surface_t *surface)
{
  int index;

  show_text (cr, 56, 80, 20, WORD ": evidence index");
  cairo_tag_begin (cr, CAIRO_TAG_LINK, "uri='https://wiki.example.com/keys'");
  show_text (cr, 56, 120, 12, "The key inventory");
  cairo_tag_end (cr, CAIRO_TAG_LINK);
  cairo_tag_begin (cr, CAIRO_TAG_LINK, "dest='rotation'");
  show_text (cr, 56, 140, 12, "Rotation, page 2");
  cairo_tag_end (cr, CAIRO_TAG_LINK);
  index = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, "Index", "page=1",
                                         CAIRO_PDF_OUTLINE_FLAG_OPEN);
  cairo_pdf_surface_add_outline (surface, index, "Rotation", "dest='rotation'", 0);
  cairo_show_page (cr);

  cairo_tag_begin (cr, CAIRO_TAG_DEST, "name='rotation'");
  show_text (cr, 56, 80, 16, "Rotation");
  cairo_tag_end (cr, CAIRO_TAG_DEST);
}

/* Written by hand, uncompressed, so that mutations reach the operators:
 * text in standard fonts, paths, dashes, a curve. */
static const char standard_content[] =
  "BT /F1 24 Tf 72 700 Td (" WORD ") Tj ET\n"
  "0 0 1 rg 72 500 200 100 re f\n"
  "q 1 0 0 RG 4 w [6 3] 0 d 72 400 m 300 450 l 400 300 500 420 540 380 c S Q\n";
static const char standard_resources[] =
  "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>";

/* More of what a page says: text state and positioning, a clip, CMYK, an
 * even-odd fill with transparency, an inline image, a shading. */
static const char operators_content[] =
  "q 0.5 0 0 0.5 0 0 cm\n"
  "BT /F1 36 Tf 1 0 0 1 144 1400 Tm 40 TL (" WORD ") Tj T* [(in) -250 (spaced) 120 (text)] TJ\n"
  "2 Tr 0.3 0.6 0.1 rg (outlined) ' 0 Tr 3 Tc 10 Tw /F2 30 Tf (wide words) Tj ET Q\n"
  "q 72 300 200 200 re W n 0 1 0 0 k 60 280 m 300 520 l 300 280 l h f Q\n"
  "q /GS1 gs 0.9 0.1 0.1 rg 150 150 m 250 150 250 250 150 250 v h 170 170 60 60 re f* Q\n"
  "q 100 0 0 60 350 120 cm BI /W 4 /H 2 /CS /RGB /BPC 8 /F /AHx\n"
  "ID ff0000 00ff00 0000ff ffff00 000000 ffffff 808080 ff00ff> EI Q\n"
  "q 300 40 350 60 re W n /Sh1 sh Q\n";
static const char operators_resources[] =
  "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>"
  " /F2 << /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold >> >>"
  " /ExtGState << /GS1 << /CA 0.5 /ca 0.5 /LW 3 >> >>"
  " /Shading << /Sh1 << /ShadingType 2 /ColorSpace /DeviceRGB /Coords [300 0 650 0]"
  " /Function << /FunctionType 2 /Domain [0 1] /C0 [1 0 0] /C1 [0 0 1] /N 1 >> >> >>";

/* Objects around a page: a form drawn twice, a link annotation, an
 * outline, a crop box and a turned page. */
static GBytes *
objects_document (void)
{
  static const char draw[] = "q 1 0 0 1 72 600 cm /Fm1 Do Q q 0.5 0 0 0.5 72 300 cm /Fm1 Do Q\n";
  static const char form[] = "BT /F1 24 Tf 0 0 Td (" WORD ") Tj ET 0 -10 200 4 re f\n";
  EvidentTestPdf *pdf = evident_test_pdf_new ();
  guint catalog = evident_test_pdf_reserve (pdf);
  guint pages = evident_test_pdf_reserve (pdf);
  guint page = evident_test_pdf_reserve (pdf);
  guint contents = evident_test_pdf_reserve (pdf);
  guint fm1 = evident_test_pdf_reserve (pdf);
  guint font = evident_test_pdf_reserve (pdf);
  guint outlines = evident_test_pdf_reserve (pdf);
  guint outline = evident_test_pdf_reserve (pdf);
  guint link = evident_test_pdf_reserve (pdf);
  char body[256];

  g_snprintf (body, sizeof body, "<< /Type /Catalog /Pages %u 0 R /Outlines %u 0 R"
              " /PageMode /UseOutlines >>", pages, outlines);
  evident_test_pdf_add_object (pdf, catalog, body);
  g_snprintf (body, sizeof body, "<< /Type /Pages /Kids [%u 0 R] /Count 1 >>", page);
  evident_test_pdf_add_object (pdf, pages, body);
  g_snprintf (body, sizeof body, "<< /Type /Page /Parent %u 0 R /MediaBox [0 0 612 792]"
              " /CropBox [10 10 602 782] /Rotate 90 /Resources << /XObject << /Fm1 %u 0 R >> >>"
              " /Contents %u 0 R /Annots [%u 0 R] >>", pages, fm1, contents, link);
  evident_test_pdf_add_object (pdf, page, body);
  evident_test_pdf_add_stream (pdf, contents, NULL, draw, strlen (draw));
  g_snprintf (body, sizeof body, "/Type /XObject /Subtype /Form /BBox [0 -20 300 40]"
              " /Resources << /Font << /F1 %u 0 R >> >>", font);
  evident_test_pdf_add_stream (pdf, fm1, body, form, strlen (form));
  evident_test_pdf_add_object (pdf, font, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>");
  g_snprintf (body, sizeof body, "<< /Type /Outlines /First %u 0 R /Last %u 0 R /Count 1 >>",
              outline, outline);
  evident_test_pdf_add_object (pdf, outlines, body);
  g_snprintf (body, sizeof body, "<< /Title (" WORD ") /Parent %u 0 R"
              " /Dest [%u 0 R /XYZ 0 792 0] >>", outlines, page);
  evident_test_pdf_add_object (pdf, outline, body);
  evident_test_pdf_add_object (pdf, link, "<< /Type /Annot /Subtype /Link /Rect [72 600 272 630]"
                               " /Border [0 0 1] /A << /S /URI"
                               " /URI (https://wiki.example.com/keys) >> >>");
  return evident_test_pdf_finish (pdf, catalog);
}

/* @bytes with @length bytes at @offset replaced by @text. */
static GBytes *
splice (GBytes     *bytes,
        gsize       offset,
        gsize       length,
        const char *text)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  GString *out = g_string_new_len (data, offset);

  g_assert (offset + length <= size);
  g_string_append (out, text);
  g_string_append_len (out, data + offset + length, size - offset - length);
  return g_string_free_to_bytes (out);
}

/* Where @text last is in @bytes, which are text. */
static gsize
find_last (GBytes     *bytes,
           const char *text)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *found = g_strrstr_len (data, size, text);

  g_assert (found != NULL);
  return found - data;
}

/* The standard security handler's padding (PDF 1.7, 7.6.3.3). */
static const guint8 password_padding[32] = {
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
};

static void
rc4 (const guint8 *key,
     gsize         key_length,
     guint8       *data,
     gsize         length)
{
  guint8 s[256];
  guint i, j = 0;

  for (i = 0; i < 256; i++)
    s[i] = i;
  for (i = 0; i < 256; i++)
    {
      guint8 t = s[i];

      j = (j + t + key[i % key_length]) & 0xff;
      s[i] = s[j];
      s[j] = t;
    }
  i = j = 0;
  for (gsize n = 0; n < length; n++)
    {
      guint8 t;

      i = (i + 1) & 0xff;
      j = (j + s[i]) & 0xff;
      t = s[i];
      s[i] = s[j];
      s[j] = t;
      data[n] ^= s[(s[i] + s[j]) & 0xff];
    }
}

/* The MD5 of the @n_parts (data, length) pairs that follow. */
static void
md5 (guint8 digest[16],
     guint  n_parts,
     ...)
{
  GChecksum *checksum = g_checksum_new (G_CHECKSUM_MD5);
  gsize length = 16;
  va_list parts;

  va_start (parts, n_parts);
  for (guint i = 0; i < n_parts; i++)
    {
      const guint8 *data = va_arg (parts, const guint8 *);

      g_checksum_update (checksum, data, va_arg (parts, gsize));
    }
  va_end (parts);
  g_checksum_get_digest (checksum, digest, &length);
  g_checksum_free (checksum);
}

static void
pad_password (const char *password,
              guint8      padded[32])
{
  gsize length = MIN (strlen (password), 32);

  memcpy (padded, password, length);
  memcpy (padded + length, password_padding, 32 - length);
}

static char *
to_hex (const guint8 *data,
        gsize         length)
{
  GString *hex = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (hex, "%02x", data[i]);
  return g_string_free (hex, FALSE);
}

/* The standard page, encrypted (RC4, 40 bits: revision 2) for a user
 * password: poppler asks for it, and the helper opens the file again
 * with one. */
static GBytes *
encrypted_document (const char *user,
                    const char *owner)
{
  static const char id[] = "evident-fuzz-id!";
  static const guint8 permissions[4] = { 0xfc, 0xff, 0xff, 0xff };   /* /P -4 */
  EvidentTestPdf *pdf = evident_test_pdf_new ();
  guint catalog = evident_test_pdf_reserve (pdf);
  guint pages = evident_test_pdf_reserve (pdf);
  guint page = evident_test_pdf_reserve (pdf);
  guint contents = evident_test_pdf_reserve (pdf);
  guint encrypt = evident_test_pdf_reserve (pdf);
  guint8 object_id[5] = { contents & 0xff, (contents >> 8) & 0xff, contents >> 16, 0, 0 };
  guint8 padded_owner[32], padded_user[32], o[32], u[32], digest[16];
  g_autofree guint8 *content = g_memdup2 (standard_content, strlen (standard_content));
  g_autofree char *o_hex = NULL;
  g_autofree char *u_hex = NULL;
  g_autofree char *id_hex = to_hex ((const guint8 *) id, 16);
  g_autofree char *ids = g_strdup_printf (" /Encrypt %u 0 R /ID [<%s> <%s>]", encrypt,
                                          id_hex, id_hex);
  g_autoptr (GBytes) bytes = NULL;
  char body[512];

  /* O: the user's password under a key made from the owner's. */
  pad_password (owner, padded_owner);
  pad_password (user, padded_user);
  md5 (digest, 1, padded_owner, (gsize) 32);
  memcpy (o, padded_user, 32);
  rc4 (digest, 5, o, 32);

  /* The file's key, and U: the padding under it. */
  md5 (digest, 4, padded_user, (gsize) 32, o, (gsize) 32, permissions, (gsize) 4, id, (gsize) 16);
  memcpy (u, password_padding, 32);
  rc4 (digest, 5, u, 32);
  o_hex = to_hex (o, 32);
  u_hex = to_hex (u, 32);

  /* The content stream under its object's key. */
  md5 (digest, 2, digest, (gsize) 5, object_id, sizeof object_id);
  rc4 (digest, 10, content, strlen (standard_content));

  g_snprintf (body, sizeof body, "<< /Type /Catalog /Pages %u 0 R >>", pages);
  evident_test_pdf_add_object (pdf, catalog, body);
  g_snprintf (body, sizeof body, "<< /Type /Pages /Kids [%u 0 R] /Count 1 >>", page);
  evident_test_pdf_add_object (pdf, pages, body);
  g_snprintf (body, sizeof body, "<< /Type /Page /Parent %u 0 R /MediaBox [0 0 612 792]"
              " /Resources << %s >> /Contents %u 0 R >>", pages, standard_resources, contents);
  evident_test_pdf_add_object (pdf, page, body);
  evident_test_pdf_add_stream (pdf, contents, NULL, content, strlen (standard_content));
  g_snprintf (body, sizeof body, "<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>",
              o_hex, u_hex);
  evident_test_pdf_add_object (pdf, encrypt, body);
  bytes = evident_test_pdf_finish (pdf, catalog);

  /* The trailer names the handler and the file's ID. */
  return splice (bytes, find_last (bytes, " >>\nstartxref"), 0, ids);
}

/* Files broken as files get broken: cut short, a cross-reference table
 * that points elsewhere or is gone, bytes inserted that shift every
 * offset. Poppler may still repair them; the harness only asks that
 * nothing crashes. */
static void
add_broken_documents (GPtrArray *seeds,
                      GBytes    *text,
                      GBytes    *standard)
{
  gsize xref = find_last (standard, "xref\n0 ");
  gsize trailer = find_last (standard, "trailer");
  gsize startxref = find_last (standard, "startxref\n") + strlen ("startxref\n");

  add (seeds, "text-truncated.pdf", g_bytes_new_from_bytes (text, 0, g_bytes_get_size (text) / 2));
  add (seeds, "standard-bad-startxref.pdf",
       splice (standard, startxref, find_last (standard, "\n%%EOF") - startxref, "17"));
  add (seeds, "standard-no-xref.pdf", splice (standard, xref, trailer - xref, ""));
  add (seeds, "standard-no-trailer.pdf", g_bytes_new_from_bytes (standard, 0, trailer));
  add (seeds, "standard-shifted.pdf", splice (standard, strlen ("%PDF-1.7\n"), 0, "% moved\n"));
}

static void
add_document_seeds (GPtrArray *seeds)
{
  g_autoptr (GBytes) text = cairo_document (595, 842, draw_text);
  g_autoptr (GBytes) standard = evident_test_pdf_one_page (standard_content, standard_resources);

  add_expecting (seeds, "text.pdf", g_bytes_ref (text), 1);
  add_expecting (seeds, "pages.pdf", cairo_document (595, 842, draw_pages), 3);
  add_expecting (seeds, "image.pdf", cairo_document (595, 842, draw_image), 1);
  add_expecting (seeds, "links.pdf", cairo_document (595, 842, draw_links), 2);
  add_expecting (seeds, "standard.pdf", g_bytes_ref (standard), 1);
  add_expecting (seeds, "operators.pdf",
                 evident_test_pdf_one_page (operators_content, operators_resources), 1);
  add_expecting (seeds, "objects.pdf", objects_document (), 1);
  add_expecting (seeds, "encrypted.pdf", encrypted_document ("evident", "owner"), 1);
  add_broken_documents (seeds, text, standard);
  add_expecting (seeds, "empty.pdf", g_bytes_new (NULL, 0), -EVIDENT_RENDER_FAILURE_EMPTY);
  add_expecting (seeds, "not-a.pdf", g_bytes_new_static (WORD "\n", strlen (WORD "\n")),
                 -EVIDENT_RENDER_FAILURE_DAMAGED);
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
  else if (g_str_equal (target, "render-document"))
    add_document_seeds (seeds);
  return seeds;
}
