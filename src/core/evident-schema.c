/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-project.h"
#include "evident-schema.h"

/* Each step takes the schema from version i to i + 1. Creating a project runs
 * them all; opening an older project runs the missing ones, after a backup.
 * Never edit a step that has shipped: add one. */
static const char *migrations[EVIDENT_PROJECT_SCHEMA_VERSION] = {
  /* 0 → 1: the checklist, its items and their history. */
  "CREATE TABLE project ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);"
  "CREATE TABLE chapters ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  number TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL);"
  "CREATE TABLE sections ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  chapter_id INTEGER NOT NULL REFERENCES chapters (id),"
  "  number TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  UNIQUE (chapter_id, number));"
  "CREATE TABLE owners ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE items ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  ref TEXT NOT NULL UNIQUE,"
  "  chapter_id INTEGER NOT NULL REFERENCES chapters (id),"
  "  section_id INTEGER REFERENCES sections (id),"
  "  title TEXT NOT NULL,"
  "  requirement TEXT NOT NULL DEFAULT '',"
  "  evidence_hint TEXT NOT NULL DEFAULT '',"
  "  points INTEGER NOT NULL CHECK (points >= 0),"
  "  mandatory INTEGER NOT NULL CHECK (mandatory IN (0, 1)),"
  "  status TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started',"
  "    'in-progress', 'ready', 'met', 'not-met', 'not-applicable')),"
  "  owner_id INTEGER REFERENCES owners (id),"
  "  complexity TEXT NOT NULL DEFAULT 'none' CHECK (complexity IN ('none', 'low',"
  "    'medium', 'high')),"
  "  reason TEXT,"
  "  note TEXT,"
  "  due TEXT);"
  /* One row per transaction; state 0 done, 1 undone, 2 undone and no
   * longer redoable. Undo and redo rows record what they did. */
  "CREATE TABLE changes ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  who TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo')),"
  "  state INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  change_id INTEGER NOT NULL REFERENCES changes (id),"
  "  item_id INTEGER NOT NULL REFERENCES items (id),"
  "  field TEXT NOT NULL,"
  "  old_value TEXT NOT NULL,"
  "  new_value TEXT NOT NULL);"
  "CREATE INDEX history_item ON history (item_id);"
  "CREATE INDEX history_change ON history (change_id);"
  "CREATE INDEX changes_undo ON changes (kind, state);",

  /* 1 → 2: evidence. Bytes are stored once per SHA-256, in chunks, so that
   * a large file is written (and read) in short steps; a blob is usable
   * once complete. Removed evidence keeps its row until cleanup, so that a
   * removal can be undone. */
  "CREATE TABLE blobs ("
  "  sha256 TEXT PRIMARY KEY,"
  "  size INTEGER NOT NULL,"
  "  complete INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  verified_at TEXT);"
  "CREATE TABLE blob_chunks ("
  "  id INTEGER PRIMARY KEY,"
  "  sha256 TEXT NOT NULL REFERENCES blobs (sha256) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  data BLOB NOT NULL,"
  "  UNIQUE (sha256, seq));"
  "CREATE TABLE evidence ("
  "  id INTEGER PRIMARY KEY,"
  "  item_id INTEGER NOT NULL REFERENCES items (id),"
  "  title TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'other',"
  "  filename TEXT,"
  "  content_type TEXT,"
  "  url TEXT,"
  "  sha256 TEXT REFERENCES blobs (sha256),"
  "  added_at TEXT NOT NULL,"
  "  removed_at TEXT,"
  "  CHECK ((sha256 IS NULL) <> (url IS NULL)));"
  "CREATE INDEX evidence_item ON evidence (item_id);"
  "CREATE INDEX evidence_blob ON evidence (sha256);",

  /* 2 → 3: evidence edits in the history. A history row about evidence
   * names the evidence row (and still the item, whose history it is part
   * of); its fields are 'evidence' (the title while present, '' while
   * removed), 'evidence-title' and 'evidence-kind'. When cleanup deletes
   * removed evidence for good, the changes about it become state 3 (done,
   * no longer undoable) or 2, and their rows keep NULL here.
   * blobs.complete -1: being deleted by a cleanup, in steps. */
  "ALTER TABLE history ADD COLUMN evidence_id INTEGER"
  "  REFERENCES evidence (id) ON DELETE SET NULL;"
  "CREATE INDEX history_evidence ON history (evidence_id);",

  /* 3 → 4: what a checklist file brings besides its items, for the
   * self-assessment's hand-in. An item's response is the text for the
   * auditor ("Partner Response"), edited like its note; its extra fields
   * are the source's other columns, read-only, in column order. The
   * workbook it was imported from is kept (its bytes a blob, so that the
   * project carries it to another laptop), with each sheet's answer
   * columns, and each item's place in it. Owners may have an e-mail
   * address (Jira's assignee). The import's layout and mapping are
   * settings in `project` (import-file, import-layout, import-mapping). */
  "ALTER TABLE items ADD COLUMN response TEXT;"
  "ALTER TABLE owners ADD COLUMN email TEXT;"
  "CREATE TABLE item_extras ("
  "  item_id INTEGER NOT NULL REFERENCES items (id),"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (item_id, position));"
  "CREATE TABLE workbooks ("
  "  id INTEGER PRIMARY KEY,"
  "  filename TEXT NOT NULL,"
  "  layout TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL REFERENCES blobs (sha256),"
  "  imported_at TEXT NOT NULL);"
  "CREATE TABLE workbook_sheets ("
  "  workbook_id INTEGER NOT NULL REFERENCES workbooks (id),"
  "  sheet INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  part TEXT NOT NULL,"
  "  met_column INTEGER,"
  "  response_column INTEGER,"
  "  PRIMARY KEY (workbook_id, sheet));"
  "CREATE TABLE item_sources ("
  "  item_id INTEGER PRIMARY KEY REFERENCES items (id),"
  "  workbook_id INTEGER NOT NULL,"
  "  sheet INTEGER NOT NULL,"
  "  row INTEGER NOT NULL CHECK (row >= 0),"
  "  FOREIGN KEY (workbook_id, sheet) REFERENCES workbook_sheets (workbook_id, sheet));",

  /* 4 → 5: the way to the audit. Exemptions of a whole chapter or
   * section (each with the status and reason its items had before),
   * sessions (dry run, pre-audit, validation audit) with their scope,
   * participants, states, verdicts and findings, and the agenda of their
   * days. A row a user's decision makes names the change that made it
   * (an edit in `changes`, with the history rows of any item fields it
   * set) and is in effect while that change is done (state 0 or 3): undo
   * and redo switch it off and on with nothing more written. Lifting an
   * exemption is a change of its own (lift_change_id); a finding's state
   * is its newest update in effect. audit_changes lists the changes that
   * made such rows, so that the project sees at once whether an undo or
   * a redo touched one. The agenda's plan and its times are not edits:
   * written as they happen, never undone. */
  "CREATE TABLE audit_changes ("
  "  change_id INTEGER PRIMARY KEY REFERENCES changes (id));"
  "CREATE TABLE exemptions ("
  "  id INTEGER PRIMARY KEY,"
  "  change_id INTEGER NOT NULL REFERENCES changes (id),"
  "  lift_change_id INTEGER REFERENCES changes (id),"
  "  chapter_id INTEGER NOT NULL REFERENCES chapters (id),"
  "  section_id INTEGER REFERENCES sections (id),"
  "  reason TEXT NOT NULL CHECK (trim (reason) <> ''),"
  "  evidence_id INTEGER REFERENCES evidence (id) ON DELETE SET NULL);"
  "CREATE TABLE exemption_items ("
  "  exemption_id INTEGER NOT NULL REFERENCES exemptions (id),"
  "  item_id INTEGER NOT NULL REFERENCES items (id),"
  "  status TEXT NOT NULL,"
  "  reason TEXT NOT NULL,"
  "  PRIMARY KEY (exemption_id, item_id)) WITHOUT ROWID;"
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  change_id INTEGER NOT NULL REFERENCES changes (id),"
  "  kind TEXT NOT NULL CHECK (kind IN ('dry-run', 'pre-audit', 'audit')),"
  "  date TEXT NOT NULL,"
  "  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 14),"
  "  day_start INTEGER NOT NULL CHECK (day_start BETWEEN 0 AND 1439),"
  "  day_minutes INTEGER NOT NULL CHECK (day_minutes BETWEEN 1 AND 1440),"
  "  title TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE session_participants ("
  "  session_id INTEGER NOT NULL REFERENCES sessions (id),"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  PRIMARY KEY (session_id, position)) WITHOUT ROWID;"
  /* A session's chapters; none: the whole checklist. */
  "CREATE TABLE session_chapters ("
  "  session_id INTEGER NOT NULL REFERENCES sessions (id),"
  "  chapter_id INTEGER NOT NULL REFERENCES chapters (id),"
  "  PRIMARY KEY (session_id, chapter_id)) WITHOUT ROWID;"
  /* No state in effect: planned. */
  "CREATE TABLE session_states ("
  "  id INTEGER PRIMARY KEY,"
  "  change_id INTEGER NOT NULL REFERENCES changes (id),"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id),"
  "  state TEXT NOT NULL CHECK (state IN ('planned', 'open', 'closed')));"
  "CREATE TABLE verdicts ("
  "  id INTEGER PRIMARY KEY,"
  "  change_id INTEGER NOT NULL REFERENCES changes (id),"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id),"
  "  item_id INTEGER NOT NULL REFERENCES items (id),"
  "  verdict TEXT NOT NULL CHECK (verdict IN ('passed', 'failed', 'observation',"
  "    'not-reached')));"
  "CREATE TABLE findings ("
  "  id INTEGER PRIMARY KEY,"
  "  change_id INTEGER NOT NULL REFERENCES changes (id),"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id),"
  "  item_id INTEGER REFERENCES items (id),"
  "  verdict_id INTEGER REFERENCES verdicts (id),"
  "  text TEXT NOT NULL CHECK (trim (text) <> ''));"
  /* fixed_by: the edit that addressed the finding, if one did. */
  "CREATE TABLE finding_updates ("
  "  id INTEGER PRIMARY KEY,"
  "  change_id INTEGER NOT NULL REFERENCES changes (id),"
  "  finding_id INTEGER NOT NULL REFERENCES findings (id),"
  "  state TEXT NOT NULL CHECK (state IN ('open', 'addressed')),"
  "  fixed_by INTEGER REFERENCES changes (id),"
  "  note TEXT);"
  /* Minutes planned by hand for a chapter; the others are derived. */
  "CREATE TABLE agenda_plans ("
  "  session_id INTEGER NOT NULL REFERENCES sessions (id),"
  "  chapter_id INTEGER NOT NULL REFERENCES chapters (id),"
  "  day INTEGER NOT NULL CHECK (day >= 1),"
  "  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),"
  "  PRIMARY KEY (session_id, chapter_id)) WITHOUT ROWID;"
  /* Time spent on a chapter; stopped_at NULL while it runs. */
  "CREATE TABLE agenda_times ("
  "  id INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id),"
  "  chapter_id INTEGER NOT NULL REFERENCES chapters (id),"
  "  started_at TEXT NOT NULL,"
  "  stopped_at TEXT);"
  "CREATE INDEX exemption_items_item ON exemption_items (item_id);"
  "CREATE INDEX session_states_session ON session_states (session_id);"
  "CREATE INDEX verdicts_session ON verdicts (session_id, item_id);"
  "CREATE INDEX verdicts_item ON verdicts (item_id);"
  "CREATE INDEX findings_session ON findings (session_id);"
  "CREATE INDEX findings_item ON findings (item_id);"
  "CREATE INDEX finding_updates_finding ON finding_updates (finding_id);"
  "CREATE INDEX agenda_times_session ON agenda_times (session_id);",

  /* 5 → 6: planning. An item's estimate in days (NULL: not estimated),
   * edited like its other fields. Named what-if scenarios, each a set of
   * assumptions about items ('met' or 'not-met') that change nothing
   * until the scenario is applied. The efforts per complexity and the
   * audit date are settings in `project` (effort-low, effort-medium,
   * effort-high, audit-date). */
  "ALTER TABLE items ADD COLUMN estimate REAL"
  "  CHECK (estimate IS NULL OR (estimate >= 0 AND estimate <= 10000));"
  "CREATE TABLE scenarios ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  saved_at TEXT NOT NULL);"
  "CREATE TABLE scenario_assumptions ("
  "  scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,"
  "  item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,"
  "  assumption TEXT NOT NULL CHECK (assumption IN ('met', 'not-met')),"
  "  PRIMARY KEY (scenario_id, item_id)) WITHOUT ROWID;",
  /* 6 → 7: checklist revisions. A revision is a change of its own kind,
   * undone and redone as one step: `changes` is rebuilt to allow the
   * kind (SQLite cannot change a CHECK in place; the history keeps
   * pointing at the same ids). Every version of the checklist the project
   * has been on is kept: its label, date, file and scoring mode, its
   * workbook, and its items as they were (version_items, version_extras;
   * sheet and row: the item's place in that workbook), with the mapping
   * from the version before (old item → new item, relation, similarity,
   * whether paired by hand). state 0: applied, 1: undone. Items stay rows
   * for good: one the checklist no longer has is not active (archived, or
   * brought by a revision since undone); its reference is then a
   * placeholder, its last reference is in version_items. An item's
   * recheck is the status it had before a revision reworded it (met or
   * ready), until someone confirms it. The project's current checklist
   * becomes version 1. */
  "PRAGMA defer_foreign_keys = ON;"
  "CREATE TEMP TABLE changes_before_revisions AS SELECT id, at, who, kind, state FROM changes;"
  "DROP TABLE changes;"
  "CREATE TABLE changes ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  who TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo', 'revision')),"
  "  state INTEGER NOT NULL DEFAULT 0);"
  "INSERT INTO changes (id, at, who, kind, state)"
  "  SELECT id, at, who, kind, state FROM temp.changes_before_revisions;"
  "DROP TABLE temp.changes_before_revisions;"
  "CREATE INDEX changes_undo ON changes (kind, state);"
  "ALTER TABLE items ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));"
  "ALTER TABLE items ADD COLUMN recheck TEXT CHECK (recheck IS NULL OR recheck IN"
  "  ('not-started', 'in-progress', 'ready', 'met', 'not-met', 'not-applicable'));"
  "CREATE TABLE checklist_versions ("
  "  id INTEGER PRIMARY KEY,"
  "  label TEXT NOT NULL,"
  "  applied_at TEXT NOT NULL,"
  "  source TEXT NOT NULL,"
  "  layout TEXT,"
  "  mapping TEXT,"
  "  mode TEXT NOT NULL CHECK (mode IN ('points', 'pass-fail')),"
  "  workbook_id INTEGER REFERENCES workbooks (id),"
  "  previous_id INTEGER REFERENCES checklist_versions (id),"
  "  change_id INTEGER REFERENCES changes (id),"
  "  state INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1)));"
  "CREATE TABLE version_items ("
  "  version_id INTEGER NOT NULL REFERENCES checklist_versions (id),"
  "  item_id INTEGER NOT NULL REFERENCES items (id),"
  "  position INTEGER NOT NULL,"
  "  ref TEXT NOT NULL,"
  "  chapter TEXT NOT NULL,"
  "  chapter_title TEXT NOT NULL,"
  "  section TEXT NOT NULL,"
  "  section_title TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  requirement TEXT NOT NULL,"
  "  evidence_hint TEXT NOT NULL,"
  "  points INTEGER NOT NULL,"
  "  mandatory INTEGER NOT NULL,"
  "  sheet INTEGER,"
  "  row INTEGER,"
  "  PRIMARY KEY (version_id, item_id),"
  "  UNIQUE (version_id, ref));"
  "CREATE INDEX version_items_item ON version_items (item_id);"
  "CREATE TABLE version_extras ("
  "  version_id INTEGER NOT NULL,"
  "  item_id INTEGER NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (version_id, item_id, position),"
  "  FOREIGN KEY (version_id, item_id) REFERENCES version_items (version_id, item_id));"
  "CREATE TABLE version_map ("
  "  id INTEGER PRIMARY KEY,"
  "  version_id INTEGER NOT NULL REFERENCES checklist_versions (id),"
  "  old_item_id INTEGER REFERENCES items (id),"
  "  new_item_id INTEGER REFERENCES items (id),"
  "  old_ref TEXT,"
  "  new_ref TEXT,"
  "  relation TEXT NOT NULL CHECK (relation IN ('unchanged', 'moved', 'reworded', 'split',"
  "    'merged', 'new', 'removed')),"
  "  similarity REAL NOT NULL,"
  "  manual INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),"
  "  CHECK (old_item_id IS NOT NULL OR new_item_id IS NOT NULL));"
  "CREATE INDEX version_map_version ON version_map (version_id);"
  "INSERT INTO checklist_versions (id, label, applied_at, source, layout, mapping, mode,"
  "                                workbook_id)"
  "  SELECT 1, coalesce ((SELECT value FROM project WHERE key = 'checklist-version'), ''),"
  "         coalesce ((SELECT value FROM project WHERE key = 'created'), ''),"
  "         coalesce ((SELECT value FROM project WHERE key = 'import-file'), ''),"
  "         (SELECT value FROM project WHERE key = 'import-layout'),"
  "         (SELECT value FROM project WHERE key = 'import-mapping'),"
  "         CASE (SELECT value FROM project WHERE key = 'mode')"
  "           WHEN 'pass-fail' THEN 'pass-fail' ELSE 'points' END,"
  "         (SELECT max (id) FROM workbooks)"
  "   WHERE EXISTS (SELECT 1 FROM items);"
  "INSERT INTO version_items (version_id, item_id, position, ref, chapter, chapter_title,"
  "                           section, section_title, title, requirement, evidence_hint,"
  "                           points, mandatory, sheet, row)"
  "  SELECT v.id, i.id, i.position, i.ref, c.number, c.title, coalesce (s.number, ''),"
  "         coalesce (s.title, ''), i.title, i.requirement, i.evidence_hint, i.points,"
  "         i.mandatory, src.sheet, src.row"
  "    FROM items i"
  "    JOIN checklist_versions v ON v.id = 1"
  "    JOIN chapters c ON c.id = i.chapter_id"
  "    LEFT JOIN sections s ON s.id = i.section_id"
  "    LEFT JOIN item_sources src ON src.item_id = i.id AND src.workbook_id = v.workbook_id;"
  "INSERT INTO version_extras (version_id, item_id, position, name, value)"
  "  SELECT 1, x.item_id, x.position, x.name, x.value FROM item_extras x"
  "   WHERE EXISTS (SELECT 1 FROM checklist_versions WHERE id = 1);",

  /* 7 → 8: the plan settings in the history. A change of kind 'edit'
   * that set keys of `project` (effort-low, effort-medium, effort-high,
   * audit-date) has a row per key with the value before and after (NULL:
   * no value, the default); undo writes the old values back, redo the new
   * ones, each with rows of its own. */
  "CREATE TABLE setting_history ("
  "  change_id INTEGER NOT NULL REFERENCES changes (id),"
  "  key TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  PRIMARY KEY (change_id, key)) WITHOUT ROWID;",
};

/* Tests only. */
static char *test_migration;

guint
evident_schema_get_version (void)
{
  return EVIDENT_PROJECT_SCHEMA_VERSION + (test_migration != NULL ? 1 : 0);
}

void
evident_schema_set_test_migration (const char *sql)
{
  g_free (test_migration);
  test_migration = g_strdup (sql);
}

/**
 * evident_schema_migrate:
 * @db: a connection in a write transaction
 * @from: the file's schema version; 0 for a new file
 * @to: the version to reach: evident_schema_get_version(), but for tests
 * @error: return location for an error
 *
 * Runs the migrations from @from to @to and sets the file's application id
 * and version. The caller commits or rolls back.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_schema_migrate (EvidentDb  *db,
                        guint       from,
                        guint       to,
                        GError    **error)
{
  g_autofree char *set_version = NULL;

  g_return_val_if_fail (from <= to && to <= evident_schema_get_version (), FALSE);

  for (guint v = from; v < to; v++)
    {
      const char *sql = v < EVIDENT_PROJECT_SCHEMA_VERSION ? migrations[v] : test_migration;

      if (!evident_db_exec (db, sql, error))
        return FALSE;
    }

  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u",
                                 EVIDENT_DB_APPLICATION_ID, to);
  return evident_db_exec (db, set_version, error);
}
