/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What schema 4 adds to a project: creating one from an import (the state
 * a checklist file gives its items, its extra fields, the workbook kept),
 * the response as an edited field with history, owners' addresses, and
 * the upgrade of a schema 3 project that keeps everything. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "evident-evidence-store.h"
#include "evident-import.h"
#include "evident-item.h"
#include "evident-project-private.h"
#include "evident-test-workbook.h"
#include "test-fixtures.h"

/* Helpers */

static EvidentImport *
import_text (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  EvidentImport *import = evident_import_new_for_bytes (bytes, "list.csv", NULL, &error);

  g_assert_no_error (error);
  return import;
}

static EvidentProject *
create (const char                   *path,
        EvidentImport                *import,
        const EvidentProjectSettings *settings)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  EvidentProject *project = evident_project_create_from_import (file, settings, import, NULL,
                                                                &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static EvidentImport *
import_default_workbook (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = evident_test_workbook_build (evident_test_workbook_get_default (),
                                                          &error);
  EvidentImport *import;

  g_assert_no_error (error);
  import = evident_import_new_for_bytes (bytes, "Self-assessment.xlsx", NULL, &error);
  g_assert_no_error (error);
  return import;
}

/* Creating from an import */

/* The state a file gives: Jira's statuses, Met? answers, owners with an
 * address, a due date; not applicable always with a reason. */
static void
test_state (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "jira.evident", NULL);
  g_autoptr (EvidentImport) import = import_text (
      "Summary,Issue key,Status,Assignee,Labels,Description,Custom field (Complexity),"
      "Due date,Custom field (Partner Response),Notes\n"
      "A-1 First,EV-1,In Progress,Ann Example <ann@example.com>,chapter-A,Do one.,High,"
      "2026-04-30,We do it.,Ask Bob\n"
      "A-2 Second,EV-2,Won't Do,,chapter-A,Do two.,,next sprint,,\n"
      "A-3 Third,EV-3,Done,ann@example.com,chapter-A,Do three.,low,,,\n"
      "A-4 Fourth,EV-4,Sometime,Ann Example,chapter-A,Do four.,,,,\n");
  g_autoptr (EvidentProject) project = create (path, import, NULL);
  g_autofree char *email = NULL;
  EvidentItem *item;

  g_assert_cmpint (evident_project_get_rules (project)->mode, ==, EVIDENT_SCORE_MODE_PASS_FAIL);

  item = fixture_lookup (project, "A-1");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_IN_PROGRESS);
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Ann Example");
  g_assert_cmpint (evident_item_get_complexity (item), ==, EVIDENT_COMPLEXITY_HIGH);
  g_assert_cmpstr (evident_item_get_due (item), ==, "2026-04-30");
  g_assert_cmpstr (evident_item_get_response (item), ==, "We do it.");
  g_assert_cmpstr (evident_item_get_note (item), ==, "Ask Bob");
  email = evident_project_dup_owner_email (project, "Ann Example");
  g_assert_cmpstr (email, ==, "ann@example.com");

  /* Won't Do without a reason: not applicable, with one. A due date that is
   * no date stays an extra field. */
  item = fixture_lookup (project, "A-2");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_NOT_APPLICABLE);
  g_assert_cmpstr (evident_item_get_reason (item), ==,
                   "Not applicable according to the imported checklist");
  g_assert_null (evident_item_get_due (item));
  g_assert_cmpstr (evident_item_get_extra_field (item, "Due date"), ==, "next sprint");
  g_assert_cmpstr (evident_item_get_extra_field (item, "Issue key"), ==, "EV-2");

  item = fixture_lookup (project, "A-3");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_cmpstr (evident_item_get_owner (item), ==, "ann@example.com");
  g_clear_pointer (&email, g_free);
  email = evident_project_dup_owner_email (project, "ann@example.com");
  g_assert_cmpstr (email, ==, "ann@example.com");

  /* A status the import does not know: not started. An owner named again
   * without the address keeps it. */
  item = fixture_lookup (project, "A-4");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_NOT_STARTED);
  g_clear_pointer (&email, g_free);
  email = evident_project_dup_owner_email (project, "Ann Example");
  g_assert_cmpstr (email, ==, "ann@example.com");

  /* The initial state is not an edit. */
  g_assert_false (evident_project_get_can_undo (project));
  g_assert_true (evident_project_check (project, NULL));
}

/* The AWS workbook: Met? answers, responses, and the workbook kept. */
static void
test_workbook (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "aws.evident", NULL);
  g_autoptr (EvidentImport) import = import_default_workbook ();
  g_autoptr (EvidentProject) project = create (path, import, NULL);
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (project);
  g_autoptr (GPtrArray) mismatches = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  guint64 freed = 0;
  guint n_checked = 0;

  g_assert_cmpint (evident_project_get_rules (project)->mode, ==, EVIDENT_SCORE_MODE_PASS_FAIL);
  g_assert_cmpint (evident_item_get_status (fixture_lookup (project, "OPSP-001")), ==,
                   EVIDENT_STATUS_MET);
  g_assert_cmpstr (evident_item_get_response (fixture_lookup (project, "OPSP-001")), ==,
                   "Runbooks live in the operations wiki; the index is attached.");
  g_assert_cmpint (evident_item_get_status (fixture_lookup (project, "SECP-003")), ==,
                   EVIDENT_STATUS_NOT_MET);
  g_assert_cmpint (evident_item_get_status (fixture_lookup (project, "OPSP-002")), ==,
                   EVIDENT_STATUS_NOT_STARTED);

  name = evident_project_dup_workbook_name (project);
  g_assert_cmpstr (name, ==, "Self-assessment.xlsx");
  g_assert_cmpint (fixture_sqlite_int_on (path, "SELECT count (*) FROM item_sources"), ==, 9);
  g_assert_cmpint (fixture_sqlite_int_on (path, "SELECT count (*) FROM workbook_sheets"
                                                " WHERE met_column = 2 AND response_column = 3"),
                   ==, 2);
  g_assert_cmpint (fixture_sqlite_int_on (path, "SELECT count (*) FROM project"
                                                " WHERE key = 'import-layout'"
                                                " AND value = 'aws-workbook'"),
                   ==, 1);

  /* The workbook is no evidence, but cleanups keep it and verify checks it. */
  g_assert_true (evident_evidence_store_cleanup (store, &freed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (freed, ==, 0);
  g_assert_true (evident_evidence_store_verify (store, NULL, &n_checked, &mismatches, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_checked, ==, 1);
  g_assert_cmpuint (mismatches->len, ==, 0);
  g_assert_true (evident_project_check (project, NULL));
}

static void
test_mode (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *derived = g_build_filename (dir, "derived.evident", NULL);
  g_autofree char *forced = g_build_filename (dir, "forced.evident", NULL);
  g_autoptr (EvidentImport) import = import_text ("ref,chapter,title,points\n1.1,1,One,10\n");
  g_autoptr (EvidentProject) a = create (derived, import, NULL);
  g_autoptr (EvidentProject) b = NULL;
  EvidentProjectSettings settings;

  g_assert_cmpint (evident_project_get_rules (a)->mode, ==, EVIDENT_SCORE_MODE_POINTS);

  evident_project_settings_init (&settings);
  settings.rules.mode = EVIDENT_SCORE_MODE_PASS_FAIL;
  settings.override_mode = TRUE;
  settings.title = "Forced";
  b = create (forced, import, &settings);
  g_assert_cmpint (evident_project_get_rules (b)->mode, ==, EVIDENT_SCORE_MODE_PASS_FAIL);
  g_assert_cmpstr (evident_project_get_title (b), ==, "Forced");
}

/* An import with problems, or one cancelled, leaves no file behind. */
static void
test_refused (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "dup.evident", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentImport) duplicate = import_text ("ref,chapter,title\n1.1,1,One\n1.1,1,Two\n");
  g_autoptr (EvidentImport) workbook = import_default_workbook ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autofree char *listing = NULL;

  project = evident_project_create_from_import (file, NULL, duplicate, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_DUPLICATE);
  fixture_assert_contains (error, "Line 3");
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  project = evident_project_create_from_import (file, NULL, workbook, cancellable, &error);
  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
}

/* The response */

static void
test_response_history (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "audit.evident", NULL);
  g_autoptr (EvidentImport) import = import_text ("ref,chapter,title\n1.1,1,One\n1.2,1,Two\n");
  g_autoptr (EvidentProject) project = create (path, import, NULL);
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  EvidentItem *item = fixture_lookup (project, "1.1");
  EvidentHistoryEntry *entry;
  guint notified = 0;

  g_signal_connect_swapped (item, "notify::response", G_CALLBACK (g_atomic_int_inc), &notified);
  g_assert_true (evident_project_set_response (project, item, "  Runbooks: see the wiki.\n",
                                               &error));
  g_assert_no_error (error);
  /* As typed, white space and all; the note is something else. */
  g_assert_cmpstr (evident_item_get_response (item), ==, "  Runbooks: see the wiki.\n");
  g_assert_null (evident_item_get_note (item));
  g_assert_cmpuint (notified, ==, 1);

  history = evident_project_get_history (project, item, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpint (entry->field, ==, EVIDENT_ITEM_FIELD_RESPONSE);
  g_assert_cmpstr (entry->old_value, ==, "");
  g_assert_cmpstr (entry->new_value, ==, "  Runbooks: see the wiki.\n");

  /* Undone and redone, also after a restart. */
  g_assert_true (evident_project_undo (project, &error));
  g_assert_null (evident_item_get_response (item));
  fixture_close_project (&project);
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
  item = fixture_lookup (project, "1.1");
  g_assert_null (evident_item_get_response (item));
  g_assert_true (evident_project_redo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (evident_item_get_response (item), ==, "  Runbooks: see the wiki.\n");
}

static void
test_owner_email (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "audit.evident", NULL);
  g_autoptr (EvidentImport) import = import_text ("ref,chapter,title\n1.1,1,One\n1.2,1,Two\n");
  g_autoptr (EvidentProject) project = create (path, import, NULL);
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *email = NULL;
  EvidentItem *item = fixture_lookup (project, "1.1");

  g_assert_true (evident_project_set_owner (project, item, " Ann Example <ann@example.com> ",
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Ann Example");
  email = evident_project_dup_owner_email (project, "Ann Example");
  g_assert_cmpstr (email, ==, "ann@example.com");
  history = evident_project_get_history (project, NULL, &error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((EvidentHistoryEntry *) g_ptr_array_index (history, 0))->new_value, ==,
                   "Ann Example");

  /* Only the address changes: no edit of the item, nothing to undo. */
  g_assert_true (evident_project_set_owner (project, item, "Ann Example <a.example@example.org>",
                                            &error));
  g_assert_no_error (error);
  g_clear_pointer (&email, g_free);
  email = evident_project_dup_owner_email (project, "Ann Example");
  g_assert_cmpstr (email, ==, "a.example@example.org");
  g_clear_pointer (&history, g_ptr_array_unref);
  history = evident_project_get_history (project, NULL, &error);
  g_assert_cmpuint (history->len, ==, 1);

  /* A name alone keeps the address; a bad address is refused. */
  g_assert_true (evident_project_set_owner (project, fixture_lookup (project, "1.2"),
                                            "Ann Example", &error));
  g_clear_pointer (&email, g_free);
  email = evident_project_dup_owner_email (project, "Ann Example");
  g_assert_cmpstr (email, ==, "a.example@example.org");
  g_assert_false (evident_project_set_owner (project, item, "Bob <not an address>", &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Ann Example");

  g_assert_true (evident_project_set_owner_email (project, "Ann Example", NULL, &error));
  g_clear_pointer (&email, g_free);
  email = evident_project_dup_owner_email (project, "Ann Example");
  g_assert_null (email);
  g_assert_false (evident_project_set_owner_email (project, "Ann Example", "nope", &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID);
}

/* Schema 3 → 4 */

static void
test_migrate_v3 (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "old.evident", NULL);
  g_autofree char *backup = g_build_filename (dir, "old.evident.v3.bak", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GBytes) stored = NULL;
  g_autoptr (GListModel) evidence = NULL;
  g_autofree char *listing = NULL;
  EvidentEvidenceStore *store;
  EvidentItem *item;
  guint n_extra = 99;

  g_assert_true (evident_project_create_empty_at_version (file, 3, &error));
  g_assert_no_error (error);
  /* A project as schema 3 wrote it: items with state, an owner, evidence
   * with its bytes, and edits of both in the history. */
  fixture_sqlite_exec_on (path,
      "INSERT INTO project (key, value) VALUES ('title', 'Third'), ('mode', 'points');"
      "INSERT INTO chapters (id, position, number, title) VALUES (1, 0, '8.0', 'Security');"
      "INSERT INTO sections (id, position, chapter_id, number, title)"
      " VALUES (1, 0, 1, '8.2', 'Identity');"
      "INSERT INTO owners (id, name) VALUES (1, 'Security lead');"
      "INSERT INTO items (id, position, ref, chapter_id, section_id, title, points, mandatory,"
      " status, owner_id, complexity, reason, note, due)"
      " VALUES (1, 0, '8.2.1', 1, 1, 'MFA', 40, 1, 'ready', 1, 'high', NULL, 'Deck v3',"
      "         '2026-03-31'),"
      "        (2, 1, '8.2.2', 1, 1, 'Break-glass', 10, 0, 'not-applicable', NULL, 'none',"
      "         'No accounts', NULL, NULL);"
      "INSERT INTO blobs (sha256, size, complete, created_at)"
      " VALUES ('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824', 5, 1,"
      "         '2025-05-01T09:00:00Z');"
      "INSERT INTO blob_chunks (sha256, seq, data)"
      " VALUES ('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824', 0,"
      "         CAST ('hello' AS BLOB));"
      "INSERT INTO evidence (id, item_id, title, kind, filename, content_type, sha256,"
      " added_at) VALUES (1, 1, 'Runbook', 'process', 'runbook.txt', 'text/plain',"
      " '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',"
      " '2025-05-01T09:00:00Z');"
      "INSERT INTO changes (id, at, who, kind, state)"
      " VALUES (1, '2025-05-01T09:00:00Z', 'Alice', 'edit', 0),"
      "        (2, '2025-05-01T09:05:00Z', 'Alice', 'edit', 0);"
      "INSERT INTO history (change_id, item_id, field, old_value, new_value)"
      " VALUES (1, 1, 'status', 'in-progress', 'ready');"
      "INSERT INTO history (change_id, item_id, evidence_id, field, old_value, new_value)"
      " VALUES (2, 1, 1, 'evidence-title', 'runbook.txt', 'Runbook');");

  project = evident_project_open (file, &error);
  g_assert_no_error (error);

  /* The backup first, as it was. */
  g_assert_cmpint (fixture_sqlite_int_on (backup, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (fixture_sqlite_int_on (backup, "SELECT count (*) FROM sqlite_master"
                                                  " WHERE name = 'item_extras'"),
                   ==, 0);
  g_assert_cmpint (fixture_sqlite_int_on (path, "PRAGMA user_version"), ==,
                   EVIDENT_PROJECT_SCHEMA_VERSION);

  /* Everything came along. */
  g_assert_cmpstr (evident_project_get_title (project), ==, "Third");
  item = fixture_lookup (project, "8.2.1");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_READY);
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Security lead");
  g_assert_cmpint (evident_item_get_complexity (item), ==, EVIDENT_COMPLEXITY_HIGH);
  g_assert_cmpstr (evident_item_get_note (item), ==, "Deck v3");
  g_assert_cmpstr (evident_item_get_due (item), ==, "2026-03-31");
  g_assert_cmpstr (evident_item_get_section_title (item), ==, "Identity");
  g_assert_null (evident_item_get_response (item));
  g_assert_null (evident_item_get_extra_fields (item, &n_extra));
  g_assert_cmpuint (n_extra, ==, 0);
  g_assert_cmpstr (evident_item_get_reason (fixture_lookup (project, "8.2.2")), ==,
                   "No accounts");
  g_assert_null (evident_project_dup_workbook_name (project));

  store = evident_evidence_store_get_for_project (project);
  evidence = evident_evidence_store_list (store, item);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);
  stored = evident_evidence_store_load_bytes (
      store, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), "hello", 5);

  /* The old history undoes; the new field edits. */
  g_assert_true (evident_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_true (evident_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_IN_PROGRESS);
  g_assert_true (evident_project_set_response (project, item, "MFA everywhere.", &error));
  g_assert_no_error (error);
  g_assert_true (evident_project_check (project, &error));
  g_assert_no_error (error);
  fixture_close_project (&project);

  listing = fixture_list_dir (dir);
  g_assert_cmpstr (listing, ==, "old.evident\nold.evident.v3.bak");
}

/* An older project inspected, not upgraded: it loads and reads as it is. */
static void
test_inspect_v3 (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "old.evident", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;

  g_assert_true (evident_project_create_empty_at_version (file, 3, &error));
  fixture_sqlite_exec_on (path,
      "INSERT INTO chapters (id, position, number, title) VALUES (1, 0, '1', 'One');"
      "INSERT INTO items (id, position, ref, chapter_id, title, points, mandatory)"
      " VALUES (1, 0, '1.1', 1, 'First', 5, 1);");
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_INSPECT);
  g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_items (project)), ==, 1);
  g_assert_true (evident_project_check (project, &error));
  g_assert_no_error (error);
  fixture_close_project (&project);
  g_assert_cmpint (fixture_sqlite_int_on (path, "PRAGMA user_version"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-import/state", test_state);
  g_test_add_func ("/project-import/workbook", test_workbook);
  g_test_add_func ("/project-import/mode", test_mode);
  g_test_add_func ("/project-import/refused", test_refused);
  g_test_add_func ("/project-import/response-history", test_response_history);
  g_test_add_func ("/project-import/owner-email", test_owner_email);
  g_test_add_func ("/project-import/migrate-v3", test_migrate_v3);
  g_test_add_func ("/project-import/inspect-v3", test_inspect_v3);

  return g_test_run ();
}
