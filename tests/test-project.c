/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The project file: create, reopen, migrate, and refuse what is not a
 * readable project of ours, leaving it byte for byte as it was. Every test
 * works in a temporary folder of its own. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "evident-chapter.h"
#include "evident-csv.h"
#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-project-private.h"
#include "test-fixtures.h"

/* A small checklist as a spreadsheet program saves it: quoted fields with
 * commas, quotes and a line break inside, items without a section. */
static const char checklist_csv[] =
    "ref,chapter,chapter_title,section,section_title,title,requirement,evidence,points,mandatory\n"
    "1.1.1,1,Partner Capabilities Overview,1.1,Company Overview,Company overview deck,"
    "\"Present who you are, what you run, and for whom.\",Slide deck,40,yes\n"
    "1.1.2,1,Partner Capabilities Overview,1.1,Company Overview,Customer references,"
    "\"Three references, each with a \"\"named contact\"\".\nSigned by the customer.\","
    "Reference letters,60,no\n"
    "2.1.1,2,Business Health,2.1,Financials,Audited financials,,Annual report,100,yes\n"
    "8.2,8,Security,,,Security incident process,Runbook for incidents,Process document,25,no\n"
    "SECP-001,8,Security,,,Least privilege,,,0,mandatory\n";

/* Helpers */

static EvidentProject *
create_sample (const char *path)
{
  g_autoptr (GPtrArray) entries = fixture_parse_checklist (checklist_csv);

  return fixture_create_project (path, entries);
}

/* Everything a user sees of a project, as text, to compare two projects. */
static char *
describe_project (EvidentProject *project)
{
  GString            *s = g_string_new (NULL);
  GListModel         *chapters = evident_project_get_chapters (project);
  GListModel         *items = evident_project_get_items (project);
  const EvidentRules *rules = evident_project_get_rules (project);

  g_string_append_printf (s, "title=%s\nversion=%s\nmode=%s pass=%d penalty=%d max=%" G_GINT64_FORMAT "\n",
                          evident_project_get_title (project),
                          evident_project_get_checklist_version (project),
                          evident_score_mode_to_string (rules->mode), rules->pass_score,
                          rules->mandatory_penalty, evident_project_get_max_score (project));

  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);

      g_string_append_printf (
          s, "chapter %s|%s|%u items|%" G_GINT64_FORMAT " points|%" G_GINT64_FORMAT " counted\n",
          evident_chapter_get_number (chapter),
          evident_chapter_get_title (chapter), evident_chapter_get_n_items (chapter),
          evident_chapter_get_points (chapter),
          evident_chapter_get_points_counted (chapter, EVIDENT_VIEW_PROJECTED));
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      g_string_append_printf (
          s, "item %s|%s|%s|%s|%s|%s|%s|%d|%d|%s|%s|%s|%s|%s|%s\n", evident_item_get_ref (item),
          evident_item_get_chapter (item), evident_item_get_section (item),
          evident_item_get_section_title (item), evident_item_get_title (item),
          evident_item_get_requirement (item), evident_item_get_evidence_hint (item),
          evident_item_get_points (item), evident_item_get_mandatory (item),
          evident_status_to_string (evident_item_get_status (item)),
          evident_item_get_owner (item) ? evident_item_get_owner (item) : "(none)",
          evident_complexity_to_string (evident_item_get_complexity (item)),
          evident_item_get_reason (item) ? evident_item_get_reason (item) : "(none)",
          evident_item_get_note (item) ? evident_item_get_note (item) : "(none)",
          evident_item_get_due (item) ? evident_item_get_due (item) : "(none)");
    }

  return g_string_free (s, FALSE);
}

static void
sqlite_exec (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Opening @path fails with @code, and neither the file nor its folder
 * changes: same bytes, no journal, WAL or shared-memory file beside it. */
static void
assert_open_refused (const char *path, int code)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *listing_before = fixture_list_dir (dir);
  g_autofree char *listing_after = NULL;
  g_autoptr (GBytes) before = fixture_read_file (path);
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;

  project = evident_project_open (file, &error);
  g_assert_null (project);
  g_assert_error (error, EVIDENT_PROJECT_ERROR, code);
  fixture_assert_contains (error, basename);

  after = fixture_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  listing_after = fixture_list_dir (dir);
  g_assert_cmpstr (listing_after, ==, listing_before);
}

/* Create and reopen */

static void
test_create_reopen (void)
{
  g_auto_tmp_dir   dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "audit.evident", NULL);
  g_autoptr (GPtrArray) entries = fixture_parse_checklist (checklist_csv);
  g_autoptr (EvidentProject) project = NULL;
  g_autofree char *created = NULL;
  g_autofree char *reopened = NULL;
  g_autofree char *listing = NULL;
  g_autoptr (EvidentChapter) chapter = NULL;
  g_autoptr (GError) error = NULL;
  EvidentProjectSettings settings;
  EvidentItem           *item;
  GListModel            *items;

  evident_project_settings_init (&settings);
  settings.title = "MSP Validation 2026";
  settings.checklist_version = "4.1.1";
  settings.rules.mode = EVIDENT_SCORE_MODE_PASS_FAIL;
  settings.rules.pass_score = 800;
  settings.rules.mandatory_penalty = 150;

  {
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autoptr (GError) create_error = NULL;

    project = evident_project_create (file, &settings, entries, &create_error);
    g_assert_no_error (create_error);
  }

  g_assert_cmpstr (evident_project_get_title (project), ==, "MSP Validation 2026");
  g_assert_cmpstr (evident_project_get_checklist_version (project), ==, "4.1.1");
  g_assert_cmpint (evident_project_get_rules (project)->mode, ==, EVIDENT_SCORE_MODE_PASS_FAIL);
  g_assert_cmpint (evident_project_get_rules (project)->pass_score, ==, 800);
  g_assert_cmpint (evident_project_get_rules (project)->mandatory_penalty, ==, 150);
  g_assert_cmpint (evident_project_get_max_score (project), ==, 225); /* 40+60+100+25+0 */

  /* Items in file order, every field as written. */
  items = evident_project_get_items (project);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr (EvidentItem) at = g_list_model_get_item (items, i);
      const char *refs[] = { "1.1.1", "1.1.2", "2.1.1", "8.2", "SECP-001" };

      g_assert_cmpstr (evident_item_get_ref (at), ==, refs[i]);
      g_assert_cmpint (evident_item_get_status (at), ==, EVIDENT_STATUS_NOT_STARTED);
      g_assert_null (evident_item_get_owner (at));
      g_assert_cmpint (evident_item_get_complexity (at), ==, EVIDENT_COMPLEXITY_NONE);
    }

  item = fixture_lookup (project, "1.1.2");
  g_assert_cmpstr (evident_item_get_chapter (item), ==, "1");
  g_assert_cmpstr (evident_item_get_section (item), ==, "1.1");
  g_assert_cmpstr (evident_item_get_section_title (item), ==, "Company Overview");
  g_assert_cmpstr (evident_item_get_title (item), ==, "Customer references");
  g_assert_cmpstr (evident_item_get_requirement (item), ==,
                   "Three references, each with a \"named contact\".\nSigned by the customer.");
  g_assert_cmpstr (evident_item_get_evidence_hint (item), ==, "Reference letters");
  g_assert_cmpint (evident_item_get_points (item), ==, 60);
  g_assert_false (evident_item_get_mandatory (item));

  item = fixture_lookup (project, "SECP-001");
  g_assert_cmpstr (evident_item_get_section (item), ==, "");
  g_assert_cmpint (evident_item_get_points (item), ==, 0);
  g_assert_true (evident_item_get_mandatory (item));
  g_assert_null (evident_project_lookup_item (project, "9.9"));

  /* Chapters in order of first appearance, with their numbers. */
  g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_chapters (project)), ==, 3);
  chapter = g_list_model_get_item (evident_project_get_chapters (project), 0);
  g_assert_cmpstr (evident_chapter_get_number (chapter), ==, "1");
  g_assert_cmpstr (evident_chapter_get_title (chapter), ==, "Partner Capabilities Overview");
  g_assert_cmpuint (evident_chapter_get_n_items (chapter), ==, 2);
  g_assert_cmpint (evident_chapter_get_points (chapter), ==, 100); /* 40 + 60 */
  g_clear_object (&chapter);
  chapter = g_list_model_get_item (evident_project_get_chapters (project), 2);
  g_assert_cmpstr (evident_chapter_get_number (chapter), ==, "8");
  g_assert_cmpstr (evident_chapter_get_title (chapter), ==, "Security");
  g_assert_cmpuint (evident_chapter_get_n_items (chapter), ==, 2);

  /* Some state, to see it come back too. */
  g_assert_true (evident_project_set_status (project, fixture_lookup (project, "1.1.1"), EVIDENT_STATUS_MET,
                                             NULL, &error));
  g_assert_true (evident_project_set_owner (project, fixture_lookup (project, "1.1.2"), "Alice", &error));
  g_assert_true (evident_project_set_note (project, fixture_lookup (project, "8.2"), "Draft v2", &error));
  g_assert_true (evident_project_set_complexity (project, fixture_lookup (project, "8.2"),
                                                 EVIDENT_COMPLEXITY_HIGH, &error));
  g_assert_no_error (error);

  created = describe_project (project);
  fixture_close_project (&project);

  /* One project, one file: nothing else is left beside it once closed. */
  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "audit.evident");

  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
  reopened = describe_project (project);
  g_assert_cmpstr (reopened, ==, created);
  g_assert_cmpint (evident_item_get_status (fixture_lookup (project, "1.1.1")), ==, EVIDENT_STATUS_MET);
  g_assert_cmpstr (evident_item_get_owner (fixture_lookup (project, "1.1.2")), ==, "Alice");
  g_assert_cmpstr (evident_item_get_note (fixture_lookup (project, "8.2")), ==, "Draft v2");
  fixture_close_project (&project);
}

static void
test_create_defaults (void)
{
  g_auto_tmp_dir   dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "Quarterly review.evident", NULL);
  g_autoptr (EvidentProject) project = create_sample (path);
  const EvidentRules *rules = evident_project_get_rules (project);

  /* No settings: the file's name without extension, and DESIGN.md's defaults. */
  g_assert_cmpstr (evident_project_get_title (project), ==, "Quarterly review");
  g_assert_cmpstr (evident_project_get_checklist_version (project), ==, "");
  g_assert_cmpint (rules->mode, ==, EVIDENT_SCORE_MODE_POINTS);
  g_assert_cmpint (rules->pass_score, ==, 900);
  g_assert_cmpint (rules->mandatory_penalty, ==, 200);
  fixture_close_project (&project);

  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
  g_assert_cmpstr (evident_project_get_title (project), ==, "Quarterly review");
  g_assert_cmpint (evident_project_get_rules (project)->pass_score, ==, 900);
  fixture_close_project (&project);
}

static void
test_create_exists (void)
{
  static const char precious[] = "Budget 2026\nDo not overwrite\n";
  g_auto_tmp_dir    dir = fixture_tmp_dir_new ();
  g_autofree char  *path = g_build_filename (dir, "audit.evident", NULL);
  g_autofree char  *project_path = g_build_filename (dir, "project.evident", NULL);
  g_autoptr (GPtrArray) entries = fixture_parse_checklist (checklist_csv);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (EvidentProject) again = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autofree char *listing = NULL;

  /* Over a file that is not a project. */
  fixture_write_file (path, precious, sizeof precious - 1);
  project = evident_project_create (file, NULL, entries, &error);
  g_assert_null (project);
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_EXISTS);
  fixture_assert_contains (error, "audit.evident");
  g_clear_error (&error);
  after = fixture_read_file (path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), precious,
                   sizeof precious - 1);
  g_clear_pointer (&after, g_bytes_unref);

  /* Over a project, open or not. */
  project = fixture_create_project (project_path, entries);
  again = evident_project_create (project_file, NULL, entries, &error);
  g_assert_null (again);
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);
  fixture_close_project (&project);

  before = fixture_read_file (project_path);
  again = evident_project_create (project_file, NULL, entries, &error);
  g_assert_null (again);
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_EXISTS);
  after = fixture_read_file (project_path);
  g_assert_true (g_bytes_equal (before, after));

  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "audit.evident\nproject.evident");
}

static void
assert_create_fails (const char *dir, GPtrArray *entries, int code)
{
  g_autofree char *path = g_build_filename (dir, "new.evident", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autofree char *listing = NULL;

  project = evident_project_create (file, NULL, entries, &error);
  g_assert_null (project);
  if (code >= 0)
    g_assert_error (error, EVIDENT_PROJECT_ERROR, code);
  else
    g_assert_true (error != NULL && error->domain == EVIDENT_PROJECT_ERROR);
  g_test_message ("Refused: %s", error->message);

  /* Neither the project nor its temporary file is left behind. */
  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_create_failure_leaves_nothing (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autoptr (GPtrArray) empty = fixture_new_entries ();
  g_autoptr (GPtrArray) duplicate = fixture_new_entries ();
  g_autoptr (GPtrArray) negative = fixture_new_entries ();

  assert_create_fails (dir, empty, EVIDENT_PROJECT_ERROR_INVALID);

  /* Failures half way through writing, past what the CSV reader checks:
   * the file is written in one go or not at all. */
  fixture_add_entry (duplicate, "1.1", "1", "First", 10, FALSE);
  fixture_add_entry (duplicate, "1.2", "1", "Second", 10, FALSE);
  fixture_add_entry (duplicate, "1.1", "1", "First again", 10, FALSE);
  assert_create_fails (dir, duplicate, -1);

  fixture_add_entry (negative, "1.1", "1", "First", 10, FALSE);
  fixture_add_entry (negative, "1.2", "1", "Negative", -5, FALSE);
  assert_create_fails (dir, negative, -1);
}

/* Refusals */

static void
test_open_refuses_text (void)
{
  static const char text[] = "ref,title\n1.1,Not a project at all\n";
  g_auto_tmp_dir    dir = fixture_tmp_dir_new ();
  g_autofree char  *path = g_build_filename (dir, "notes.evident", NULL);

  fixture_write_file (path, text, sizeof text - 1);
  assert_open_refused (path, EVIDENT_PROJECT_ERROR_NOT_A_PROJECT);
}

static void
test_open_refuses_empty (void)
{
  g_auto_tmp_dir   dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "empty.evident", NULL);
  g_autofree char *short_path = g_build_filename (dir, "short.evident", NULL);

  fixture_write_file (path, "", 0);
  assert_open_refused (path, EVIDENT_PROJECT_ERROR_NOT_A_PROJECT);

  /* The start of an SQLite header and nothing more. */
  fixture_write_file (short_path, "SQLite format 3", 16);
  assert_open_refused (short_path, EVIDENT_PROJECT_ERROR_NOT_A_PROJECT);
}

static void
test_open_refuses_foreign_sqlite (void)
{
  g_auto_tmp_dir   dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "places.sqlite", NULL);
  g_autofree char *wal_path = g_build_filename (dir, "wal.sqlite", NULL);
  sqlite3         *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite_exec (db, "CREATE TABLE places (id INTEGER PRIMARY KEY, url TEXT);"
                   "INSERT INTO places (url) VALUES ('https://example.org/');");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  assert_open_refused (path, EVIDENT_PROJECT_ERROR_NOT_A_PROJECT);

  /* Even one with our schema version but no application id. */
  g_assert_cmpint (sqlite3_open (wal_path, &db), ==, SQLITE_OK);
  sqlite_exec (db, "PRAGMA journal_mode = WAL; CREATE TABLE items (ref TEXT);"
                   "PRAGMA user_version = 2");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  assert_open_refused (wal_path, EVIDENT_PROJECT_ERROR_NOT_A_PROJECT);
}

static void
test_open_refuses_missing (void)
{
  g_auto_tmp_dir   dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "gone.evident", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autofree char *listing = NULL;

  project = evident_project_open (file, &error);
  g_assert_null (project);
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED);
  fixture_assert_contains (error, "gone.evident");

  /* Opening never creates. */
  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_open_refuses_too_new (void)
{
  g_auto_tmp_dir   dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "future.evident", NULL);
  g_autofree char *next_path = g_build_filename (dir, "next.evident", NULL);
  g_autoptr (EvidentProject) project = create_sample (path);
  g_autoptr (GBytes) bytes = NULL;
  guint8 *data;
  gsize   size;

  fixture_close_project (&project);

  /* The next schema version, written into the header (offset 60, big endian). */
  bytes = fixture_read_file (path);
  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  g_assert_cmpuint (size, >, 100);
  g_assert_cmpuint (data[63], ==, EVIDENT_PROJECT_SCHEMA_VERSION);
  data[63] = EVIDENT_PROJECT_SCHEMA_VERSION + 1;
  fixture_write_file (next_path, data, size);
  g_free (data);
  assert_open_refused (next_path, EVIDENT_PROJECT_ERROR_TOO_NEW);

  /* As a newer Evident would set it. */
  fixture_sqlite_exec_on (path, "PRAGMA user_version = 99");
  assert_open_refused (path, EVIDENT_PROJECT_ERROR_TOO_NEW);
}

/* A project with enough items that its items fill most of the file. */
static void
create_large (const char *path)
{
  g_autoptr (GPtrArray) entries = fixture_new_entries ();
  g_autoptr (EvidentProject) project = NULL;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char       *ref = g_strdup_printf ("%u.%u", i / 40 + 1, i % 40 + 1);
      g_autofree char       *chapter = g_strdup_printf ("%u", i / 40 + 1);
      EvidentChecklistEntry *entry;

      fixture_add_entry (entries, ref, chapter, "An item with a long requirement", 2, i % 7 == 0);
      entry = g_ptr_array_index (entries, entries->len - 1);
      g_free (entry->requirement);
      entry->requirement = g_strnfill (300, 'a' + i % 26);
    }
  project = fixture_create_project (path, entries);
  fixture_close_project (&project);
}

static void
test_open_refuses_damaged (void)
{
  g_auto_tmp_dir   dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "good.evident", NULL);
  g_autofree char *truncated_path = g_build_filename (dir, "truncated.evident", NULL);
  g_autofree char *overwritten_path = g_build_filename (dir, "overwritten.evident", NULL);
  g_autofree char *headless_path = g_build_filename (dir, "headless.evident", NULL);
  g_autofree char *emptied_path = g_build_filename (dir, "emptied.evident", NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (EvidentProject) project = NULL;
  const guint8 *data;
  guint8       *copy;
  gsize         size;

  create_large (path);
  bytes = fixture_read_file (path);
  data = g_bytes_get_data (bytes, &size);
  g_test_message ("Project of %" G_GSIZE_FORMAT " bytes", size);
  g_assert_cmpuint (size, >, 64 * 1024);

  /* Cut in half, as by a full disk or an interrupted copy. */
  fixture_write_file (truncated_path, data, size / 2);
  assert_open_refused (truncated_path, EVIDENT_PROJECT_ERROR_DAMAGED);

  /* A run of garbage in the middle. */
  copy = g_memdup2 (data, size);
  memset (copy + size / 2, 0xA5, 8192);
  fixture_write_file (overwritten_path, copy, size);
  assert_open_refused (overwritten_path, EVIDENT_PROJECT_ERROR_DAMAGED);

  /* With its header gone, it cannot be told from any other file. */
  memcpy (copy, data, size);
  memset (copy, 0, 100);
  fixture_write_file (headless_path, copy, size);
  assert_open_refused (headless_path, EVIDENT_PROJECT_ERROR_NOT_A_PROJECT);
  g_free (copy);

  /* Ours by its application id, but without a schema version. */
  fixture_write_file (emptied_path, data, size);
  fixture_sqlite_exec_on (emptied_path, "PRAGMA user_version = 0");
  assert_open_refused (emptied_path, EVIDENT_PROJECT_ERROR_DAMAGED);

  /* The original is still fine. */
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
  g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_items (project)), ==, 400);
  fixture_close_project (&project);
}

/* Migration */

static void
test_migrate_v1 (void)
{
  g_auto_tmp_dir   dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "old.evident", NULL);
  g_autofree char *backup_path = g_build_filename (dir, "old.evident.v1.bak", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autofree char *listing = NULL;
  EvidentItem     *item;

  g_assert_true (evident_project_create_empty_at_version (file, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_sqlite_int_on (path, "PRAGMA user_version"), ==, 1);

  /* A project as the first version wrote it, with one edit in its history. */
  fixture_sqlite_exec_on (path,
                  "INSERT INTO project (key, value) VALUES ('title', 'Old project'),"
                  " ('pass-score', '50'), ('mandatory-penalty', '30');"
                  "INSERT INTO chapters (id, position, number, title)"
                  " VALUES (1, 0, '1', 'Partner Capabilities Overview');"
                  "INSERT INTO items (id, position, ref, chapter_id, title, points, mandatory,"
                  " status)"
                  " VALUES (1, 0, '1.1', 1, 'Company overview', 40, 1, 'met'),"
                  " (2, 1, '1.2', 1, 'References', 60, 1, 'not-started');"
                  "INSERT INTO changes (id, at, who, kind, state)"
                  " VALUES (1, '2025-05-01T09:00:00Z', 'Alice', 'edit', 0);"
                  "INSERT INTO history (change_id, item_id, field, old_value, new_value)"
                  " VALUES (1, 1, 'status', 'ready', 'met');");

  project = evident_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  g_assert_cmpstr (evident_project_get_title (project), ==, "Old project");
  g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_items (project)), ==, 2);
  item = fixture_lookup (project, "1.1");
  g_assert_cmpstr (evident_item_get_title (item), ==, "Company overview");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_MET);
  /* 40 − 30 × 1 (1.2) = 10 */
  g_assert_cmpfloat (evident_project_get_score (project)->views[EVIDENT_VIEW_CONFIRMED].score, ==,
                     10);

  /* The history came along: the old edit can be undone. */
  g_assert_true (evident_project_get_can_undo (project));
  evident_project_undo (project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_READY);
  fixture_close_project (&project);

  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "old.evident\nold.evident.v1.bak");

  /* Upgraded: the current version, the tables of version 2, our id. */
  g_assert_cmpint (fixture_sqlite_int_on (path, "PRAGMA user_version"), ==, EVIDENT_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (fixture_sqlite_int_on (path, "PRAGMA application_id"), ==, 0x45564944);
  g_assert_cmpint (fixture_sqlite_int_on (path, "SELECT count (*) FROM sqlite_master"
                                        " WHERE type = 'table' AND name IN ('blobs', 'evidence')"),
                   ==, 2);
  g_assert_cmpint (fixture_sqlite_int_on (path, "SELECT count (*) FROM evidence"), ==, 0);

  /* The backup is the project as it was before. */
  g_assert_cmpint (fixture_sqlite_int_on (backup_path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (fixture_sqlite_int_on (backup_path, "SELECT count (*) FROM sqlite_master"
                                               " WHERE name IN ('blobs', 'evidence')"),
                   ==, 0);
  g_assert_cmpint (fixture_sqlite_int_on (backup_path, "SELECT count (*) FROM items"), ==, 2);
  g_assert_cmpint (fixture_sqlite_int_on (backup_path, "SELECT status = 'met' FROM items WHERE id = 1"), ==,
                   1);

  /* Opening the upgraded file again neither migrates nor backs up again. */
  g_assert_cmpint (g_unlink (backup_path), ==, 0);
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
  g_assert_cmpint (evident_item_get_status (fixture_lookup (project, "1.1")), ==, EVIDENT_STATUS_READY);
  fixture_close_project (&project);
  g_clear_pointer (&listing, g_free);
  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "old.evident");
}

/* A second instance */

/* The application holds its project: a writer elsewhere is told so at
 * once, instead of waiting. */
static void
test_busy (void)
{
  g_auto_tmp_dir   dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "shared.evident", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentProject) first = create_sample (path);
  g_autoptr (GError) error = NULL;

  fixture_close_project (&first);
  first = fixture_open_project (path, EVIDENT_PROJECT_OPEN_EXCLUSIVE);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr (EvidentProject) second = NULL;
      g_autoptr (EvidentProject) reader = NULL;
      gint64        start = g_get_monotonic_time ();
      EvidentStatus status = round == 0 ? EVIDENT_STATUS_READY : EVIDENT_STATUS_MET;

      second = evident_project_open (file, &error);
      g_assert_null (second);
      g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_BUSY);
      fixture_assert_contains (error, "shared.evident");
      fixture_assert_contains (error, "open in another window");
      g_clear_error (&error);
      /* At once, not after a time-out. */
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

      /* Reading takes no lock. */
      reader = fixture_open_project (path, EVIDENT_PROJECT_OPEN_READ_ONLY);
      g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_items (reader)), ==, 5);
      fixture_close_project (&reader);

      /* The first is unharmed and still saves edits. */
      g_assert_true (
          evident_project_set_status (first, fixture_lookup (first, "2.1.1"), status, NULL, &error));
      g_assert_no_error (error);
      fixture_close_project (&first);

      first = fixture_open_project (path, EVIDENT_PROJECT_OPEN_EXCLUSIVE);
      g_assert_cmpint (evident_item_get_status (fixture_lookup (first, "2.1.1")), ==, status);
    }
  fixture_close_project (&first);

  /* Writers beside each other share it; the application then waits for
   * them (a little) and says that the project is busy. */
  {
    g_autoptr (EvidentProject) one = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
    g_autoptr (EvidentProject) two = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
    g_autoptr (EvidentProject) app = NULL;

    g_assert_true (evident_project_set_owner (one, fixture_lookup (one, "8.2"), "Alice", &error));
    g_assert_true (evident_project_set_owner (two, fixture_lookup (two, "8.2"), "Bob", &error));
    g_assert_no_error (error);

    app = evident_project_open_full (file, EVIDENT_PROJECT_OPEN_EXCLUSIVE, &error);
    g_assert_null (app);
    g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_BUSY);
    g_clear_error (&error);
    fixture_close_project (&one);
    fixture_close_project (&two);

    app = fixture_open_project (path, EVIDENT_PROJECT_OPEN_EXCLUSIVE);
    g_assert_cmpstr (evident_item_get_owner (fixture_lookup (app, "8.2")), ==, "Bob");
    fixture_close_project (&app);
  }
}

/* Copies */

static void
test_save_copy (void)
{
  static const char junk[] = "an older copy";
  g_auto_tmp_dir    dir = fixture_tmp_dir_new ();
  g_autofree char  *path = g_build_filename (dir, "audit.evident", NULL);
  g_autofree char  *copy_path = g_build_filename (dir, "copy.evident", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr (EvidentProject) project = create_sample (path);
  g_autoptr (EvidentProject) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *original_text = NULL;
  g_autofree char *copy_text = NULL;
  g_autofree char *listing = NULL;
  g_auto (GStrv) names = NULL;

  g_assert_true (evident_project_set_status (project, fixture_lookup (project, "1.1.1"), EVIDENT_STATUS_MET,
                                             NULL, &error));
  g_assert_true (evident_project_set_owner (project, fixture_lookup (project, "8.2"), "Bob", &error));
  g_assert_no_error (error);

  /* Replaces what is there. */
  fixture_write_file (copy_path, junk, sizeof junk - 1);
  g_assert_true (evident_project_save_copy (project, copy_file, &error));
  g_assert_no_error (error);

  /* The copy opens while the original is open, and holds the same. */
  copy = fixture_open_project (copy_path, EVIDENT_PROJECT_OPEN_DEFAULT);
  original_text = describe_project (project);
  copy_text = describe_project (copy);
  g_assert_cmpstr (copy_text, ==, original_text);
  g_assert_true (evident_project_get_can_undo (copy));

  /* The original is still open and editable; the copy is its own file. */
  g_assert_true (evident_project_set_status (project, fixture_lookup (project, "1.1.2"),
                                             EVIDENT_STATUS_READY, NULL, &error));
  g_assert_no_error (error);
  fixture_close_project (&copy);
  copy = fixture_open_project (copy_path, EVIDENT_PROJECT_OPEN_DEFAULT);
  g_assert_cmpint (evident_item_get_status (fixture_lookup (copy, "1.1.2")), ==,
                   EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpint (evident_item_get_status (fixture_lookup (copy, "1.1.1")), ==, EVIDENT_STATUS_MET);
  g_assert_true (evident_project_check (copy, &error));
  g_assert_no_error (error);
  fixture_close_project (&copy);

  /* Not over the project itself. */
  g_assert_false (evident_project_save_copy (project, file, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);
  fixture_close_project (&project);

  /* No temporary file left behind. */
  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "audit.evident\ncopy.evident");
}

/* Integrity check */

static void
test_check (void)
{
  g_auto_tmp_dir   dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "audit.evident", NULL);
  g_autoptr (EvidentProject) project = create_sample (path);
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_project_check (project, &error));
  g_assert_no_error (error);
  g_assert_true (evident_project_set_status (
      project, fixture_lookup (project, "8.2"), EVIDENT_STATUS_NOT_APPLICABLE, "Held competency", &error));
  g_assert_true (evident_project_check (project, &error));
  g_assert_no_error (error);
  fixture_close_project (&project);

  /* A rule the schema cannot state, broken behind Evident's back. */
  fixture_sqlite_exec_on (path, "UPDATE items SET reason = NULL WHERE ref = '8.2'");
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
  g_assert_false (evident_project_check (project, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_DAMAGED);
  fixture_assert_contains (error, "8.2");
  fixture_close_project (&project);
}

/* Importing state */

static void
count_cb (gpointer object, guint *count)
{
  (*count)++;
}

static void
assert_import_refused (EvidentProject *project,
                       const char     *csv,
                       int             code,
                       const char     *line,
                       const char     *mention)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (csv, strlen (csv));
  g_autoptr (GError) error = NULL;
  g_autofree char *before = describe_project (project);
  g_autofree char *after = NULL;
  guint            changed = 0;
  gulong           handler;

  handler = g_signal_connect (project, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_false (evident_project_import_state (project, bytes, &error));
  g_signal_handler_disconnect (project, handler);

  g_assert_error (error, EVIDENT_CSV_ERROR, code);
  if (line != NULL && !g_str_has_prefix (error->message, line))
    g_error ("“%s” does not start with “%s”", error->message, line);
  if (mention != NULL)
    fixture_assert_contains (error, mention);

  /* Nothing applied, not even the good rows before the bad one. */
  after = describe_project (project);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (changed, ==, 0);
}

static void
test_import_state (void)
{
  static const char good[] = "ref,owner,complexity,status,reason,note,due\n"
                             "1.1.1,Alice,high,met,,Deck v3,2026-11-26\n"
                             "8.2, Bob ,low,not-applicable,Covered by DevOps competency,,\n"
                             "2.1.1,,,,,,\n";
  g_auto_tmp_dir    dir = fixture_tmp_dir_new ();
  g_autofree char  *path = g_build_filename (dir, "audit.evident", NULL);
  g_autoptr (EvidentProject) project = create_sample (path);
  g_autoptr (GBytes) bytes = g_bytes_new_static (good, sizeof good - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *reopened = NULL;
  EvidentItem     *item;
  guint            changed = 0;

  g_signal_connect (project, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_true (evident_project_import_state (project, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);

  item = fixture_lookup (project, "1.1.1");
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Alice");
  g_assert_cmpint (evident_item_get_complexity (item), ==, EVIDENT_COMPLEXITY_HIGH);
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_cmpstr (evident_item_get_note (item), ==, "Deck v3");
  g_assert_cmpstr (evident_item_get_due (item), ==, "2026-11-26");
  item = fixture_lookup (project, "8.2");
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Bob");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_NOT_APPLICABLE);
  g_assert_cmpstr (evident_item_get_reason (item), ==, "Covered by DevOps competency");
  /* An empty status leaves the item as it was. */
  g_assert_cmpint (evident_item_get_status (fixture_lookup (project, "2.1.1")), ==,
                   EVIDENT_STATUS_NOT_STARTED);

  /* The score follows: 40 (1.1.1) + 25 (8.2) − 200 × 2 (2.1.1, SECP-001) = −335. */
  g_assert_cmpfloat (evident_project_get_score (project)->views[EVIDENT_VIEW_CONFIRMED].score, ==,
                     -335);

  /* Seeding leaves no history and nothing to undo. */
  history = evident_project_get_history (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);
  g_assert_false (evident_project_get_can_undo (project));

  /* Refused rows: on line 3, after a good line 2. */
  assert_import_refused (project,
                         "ref,status\n"
                         "1.1.2,ready\n"
                         "9.9,met\n",
                         EVIDENT_CSV_ERROR_BAD_VALUE, "Line 3: ", "9.9");
  assert_import_refused (project,
                         "ref,status,reason\n"
                         "1.1.2,ready,\n"
                         "2.1.1,not-applicable,\n",
                         EVIDENT_CSV_ERROR_BAD_VALUE, "Line 3: ", "2.1.1");
  assert_import_refused (project,
                         "ref,status\n"
                         "1.1.2,ready\n"
                         "2.1.1,done\n",
                         EVIDENT_CSV_ERROR_BAD_VALUE, "Line 3: ", "done");
  assert_import_refused (project,
                         "ref,complexity\n"
                         "1.1.2,low\n"
                         "2.1.1,huge\n",
                         EVIDENT_CSV_ERROR_BAD_VALUE, "Line 3: ", "huge");
  assert_import_refused (project,
                         "ref,due\n"
                         "1.1.2,2026-01-31\n"
                         "2.1.1,2026-02-30\n",
                         EVIDENT_CSV_ERROR_BAD_VALUE, "Line 3: ", "2026-02-30");
  assert_import_refused (project,
                         "item,status\n"
                         "1.1.2,ready\n",
                         EVIDENT_CSV_ERROR_MISSING_COLUMN, "Line 1: ", "ref");
  g_assert_cmpuint (changed, ==, 1);

  /* And nothing of the refused imports reached the file. */
  imported = describe_project (project);
  fixture_close_project (&project);
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
  reopened = describe_project (project);
  g_assert_cmpstr (reopened, ==, imported);
  fixture_close_project (&project);
}

/* Owners */

static void
test_dup_owners (void)
{
  g_auto_tmp_dir   dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "audit.evident", NULL);
  g_autoptr (EvidentProject) project = create_sample (path);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) none = NULL;
  g_auto (GStrv) owners = NULL;
  g_auto (GStrv) after_clear = NULL;
  const char *expected[] = { "alice", "Bob", "Carol", NULL };

  none = evident_project_dup_owners (project);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  g_assert_true (evident_project_set_owner (project, fixture_lookup (project, "1.1.1"), "Bob", &error));
  g_assert_true (evident_project_set_owner (project, fixture_lookup (project, "1.1.2"), "alice", &error));
  g_assert_true (evident_project_set_owner (project, fixture_lookup (project, "2.1.1"), " Carol ", &error));
  g_assert_true (evident_project_set_owner (project, fixture_lookup (project, "8.2"), "Bob", &error));
  g_assert_no_error (error);

  /* Sorted regardless of case, each once, without stray white space. */
  owners = evident_project_dup_owners (project);
  g_assert_cmpstrv (owners, expected);

  /* Someone who no longer owns anything is still offered. */
  g_assert_true (evident_project_set_owner (project, fixture_lookup (project, "1.1.2"), NULL, &error));
  g_assert_no_error (error);
  g_assert_null (evident_item_get_owner (fixture_lookup (project, "1.1.2")));
  after_clear = evident_project_dup_owners (project);
  g_assert_cmpstrv (after_clear, expected);
  fixture_close_project (&project);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/create/reopen", test_create_reopen);
  g_test_add_func ("/project/create/defaults", test_create_defaults);
  g_test_add_func ("/project/create/exists", test_create_exists);
  g_test_add_func ("/project/create/failure-leaves-nothing", test_create_failure_leaves_nothing);
  g_test_add_func ("/project/open/refuses-text", test_open_refuses_text);
  g_test_add_func ("/project/open/refuses-empty", test_open_refuses_empty);
  g_test_add_func ("/project/open/refuses-foreign-sqlite", test_open_refuses_foreign_sqlite);
  g_test_add_func ("/project/open/refuses-missing", test_open_refuses_missing);
  g_test_add_func ("/project/open/refuses-too-new", test_open_refuses_too_new);
  g_test_add_func ("/project/open/refuses-damaged", test_open_refuses_damaged);
  g_test_add_func ("/project/migrate/v1", test_migrate_v1);
  g_test_add_func ("/project/busy", test_busy);
  g_test_add_func ("/project/save-copy", test_save_copy);
  g_test_add_func ("/project/check", test_check);
  g_test_add_func ("/project/import-state", test_import_state);
  g_test_add_func ("/project/dup-owners", test_dup_owners);

  return g_test_run ();
}
