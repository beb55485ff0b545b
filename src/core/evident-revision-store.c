/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The checklist versions of a project in its file (the header says what).
 *
 * A version's items are kept as they were (version_items, version_extras),
 * so that making a version the project's checklist again is exact: the
 * undo of a revision materialises the version before it, its redo the
 * version itself. Materialising takes every item out of the checklist
 * (a placeholder reference, not active), then puts the version's items
 * back in with their references, texts, chapters, sections, points, extra
 * fields and places in the version's workbook. Chapters and sections are
 * kept by number, never deleted: archived items still belong to theirs. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-enums-util.h"
#include "evident-history.h"
#include "evident-project-private.h"
#include "evident-revision-store.h"

static void
evidence_copy_clear (gpointer data)
{
  EvidentEvidenceCopy *copy = data;

  g_clear_pointer (&copy->title, g_free);
}

/**
 * evident_evidence_copies_new:
 *
 * Returns: (transfer full) (element-type EvidentEvidenceCopy): an empty list
 */
GArray *
evident_evidence_copies_new (void)
{
  GArray *copies = g_array_new (FALSE, TRUE, sizeof (EvidentEvidenceCopy));

  g_array_set_clear_func (copies, evidence_copy_clear);
  return copies;
}

static gboolean
exec_on_version (EvidentDb   *db,
                 const char  *sql,
                 gint64       version_id,
                 GError     **error)
{
  sqlite3_stmt *stmt = evident_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  return evident_db_step_done (db, stmt, error);
}

/**
 * evident_revision_store_record_initial:
 * @db: a connection in a write transaction, on a new project's file
 * @error: return location for an error
 *
 * Records the checklist a project was created with as its first version,
 * as the migration to schema 5 does for older projects.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_revision_store_record_initial (EvidentDb  *db,
                                       GError    **error)
{
  return evident_db_exec (
      db,
      "INSERT INTO checklist_versions (id, label, applied_at, source, layout, mapping, mode,"
      "                                workbook_id)"
      "  SELECT 1, coalesce ((SELECT value FROM project WHERE key = 'checklist-version'), ''),"
      "         coalesce ((SELECT value FROM project WHERE key = 'created'), ''),"
      "         coalesce ((SELECT value FROM project WHERE key = 'import-file'), ''),"
      "         (SELECT value FROM project WHERE key = 'import-layout'),"
      "         (SELECT value FROM project WHERE key = 'import-mapping'),"
      "         CASE (SELECT value FROM project WHERE key = 'mode')"
      "           WHEN 'pass-fail' THEN 'pass-fail' ELSE 'points' END,"
      "         (SELECT max (id) FROM workbooks);"
      "INSERT INTO version_items (version_id, item_id, position, ref, chapter, chapter_title,"
      "                           section, section_title, title, requirement, evidence_hint,"
      "                           points, mandatory, sheet, row)"
      "  SELECT 1, i.id, i.position, i.ref, c.number, c.title, coalesce (s.number, ''),"
      "         coalesce (s.title, ''), i.title, i.requirement, i.evidence_hint, i.points,"
      "         i.mandatory, src.sheet, src.row"
      "    FROM items i"
      "    JOIN chapters c ON c.id = i.chapter_id"
      "    LEFT JOIN sections s ON s.id = i.section_id"
      "    LEFT JOIN item_sources src ON src.item_id = i.id;"
      "INSERT INTO version_extras (version_id, item_id, position, name, value)"
      "  SELECT 1, item_id, position, name, value FROM item_extras;",
      error);
}

/**
 * evident_revision_store_is_revision:
 *
 * Returns: whether @change is a revision of the checklist
 */
gboolean
evident_revision_store_is_revision (EvidentDb *db,
                                    gint64     change)
{
  g_auto (EvidentDbStatement) stmt = NULL;

  stmt = evident_db_prepare (db, "SELECT kind = 'revision' FROM changes WHERE id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

/**
 * evident_revision_store_get_current:
 *
 * Returns: the version the project is on; 0 when it has none recorded
 *   (an empty file); -1 with @error set on failure
 */
gint64
evident_revision_store_get_current (EvidentDb  *db,
                                    GError    **error)
{
  gint64 id = 0;

  if (!evident_db_query_int64 (db,
                               "SELECT coalesce (max (id), 0) FROM checklist_versions"
                               " WHERE state = 0",
                               &id, error))
    return -1;
  return id;
}

/**
 * evident_revision_store_list_evidence:
 * @item_ids: (element-type gint64): items
 * @evidence: (element-type gint64): gets the ids of their evidence
 *
 * Returns: %TRUE on success
 */
gboolean
evident_revision_store_list_evidence (EvidentDb  *db,
                                      GArray     *item_ids,
                                      GArray     *evidence,
                                      GError    **error)
{
  for (guint i = 0; i < item_ids->len; i++)
    {
      g_auto (EvidentDbStatement) stmt = NULL;
      int rc;

      stmt = evident_db_prepare (db, "SELECT id FROM evidence WHERE item_id = ? ORDER BY id",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (item_ids, gint64, i));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_array_append_val (evidence, (gint64) { sqlite3_column_int64 (stmt, 0) });
      if (!evident_db_step_end (db, stmt, rc, error))
        return FALSE;
    }
  return TRUE;
}

/* Writing a revision */

/**
 * evident_revision_store_last_change:
 *
 * Returns: the change the transaction's commit is writing (the newest), or
 *   -1 with @error set
 */
gint64
evident_revision_store_last_change (EvidentDb  *db,
                                    GError    **error)
{
  gint64 id = -1;

  if (!evident_db_query_int64 (db, "SELECT max (id) FROM changes", &id, error))
    return -1;
  return id;
}

/**
 * evident_revision_store_add_version:
 *
 * Returns: the new version's id, or -1 with @error set
 */
gint64
evident_revision_store_add_version (EvidentDb                *db,
                                    const EvidentVersionRow  *row,
                                    GError                  **error)
{
  g_autofree char *now = evident_history_now ();
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             "INSERT INTO checklist_versions (label, applied_at, source, layout,"
                             " mapping, mode, workbook_id, previous_id, change_id)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, row->label != NULL ? row->label : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, row->source != NULL ? row->source : "", -1, SQLITE_TRANSIENT);
  evident_db_bind_text_or_null (stmt, 4, row->layout);
  evident_db_bind_text_or_null (stmt, 5, row->mapping);
  sqlite3_bind_text (stmt, 6, evident_score_mode_to_string (row->mode), -1, SQLITE_STATIC);
  if (row->workbook_id > 0)
    sqlite3_bind_int64 (stmt, 7, row->workbook_id);
  if (row->previous_id > 0)
    sqlite3_bind_int64 (stmt, 8, row->previous_id);
  sqlite3_bind_int64 (stmt, 9, row->change_id);
  if (!evident_db_step_done (db, stmt, error))
    return -1;
  return evident_db_last_insert_id (db);
}

/**
 * evident_revision_store_add_item:
 * @state: what the item starts with
 *
 * A new item's row, not in the checklist yet: materialising the version
 * it belongs to puts it there.
 *
 * Returns: the item's id, or -1 with @error set
 */
gint64
evident_revision_store_add_item (EvidentDb               *db,
                                 const EvidentItemState  *state,
                                 GError                 **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (state->owner != NULL && *state->owner != '\0'
      && !evident_owner_write (db, state->owner, state->owner_email, error))
    return -1;

  /* Any chapter will do until the item is put in its own. */
  stmt = evident_db_prepare (db,
                             "INSERT INTO items (position, ref, chapter_id, title, points,"
                             " mandatory, active, status, owner_id, complexity, reason, note,"
                             " due, response, recheck, estimate)"
                             " VALUES (0, '" EVIDENT_REVISION_RETIRED_PREFIX "new',"
                             "         (SELECT min (id) FROM chapters), '', 0, 0, 0, ?1,"
                             "         (SELECT id FROM owners WHERE name = ?2), ?3, ?4, ?5, ?6,"
                             "         ?7, ?8, ?9)",
                             error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, evident_status_to_string (state->status), -1, SQLITE_STATIC);
  evident_db_bind_text_or_null (stmt, 2, state->owner);
  sqlite3_bind_text (stmt, 3, evident_complexity_to_string (state->complexity), -1,
                     SQLITE_STATIC);
  evident_db_bind_text_or_null (stmt, 4, state->reason);
  evident_db_bind_text_or_null (stmt, 5, state->note);
  evident_db_bind_text_or_null (stmt, 6, state->due);
  evident_db_bind_text_or_null (stmt, 7, state->response);
  evident_db_bind_text_or_null (stmt, 8, state->recheck);
  /* Days, as the estimate's edits write them (evident-history.c). */
  if (state->estimate != NULL && *state->estimate != '\0')
    sqlite3_bind_double (stmt, 9, g_ascii_strtod (state->estimate, NULL));
  if (!evident_db_step_done (db, stmt, error))
    return -1;
  id = evident_db_last_insert_id (db);

  stmt = evident_db_prepare (db,
                             "UPDATE items SET ref = '" EVIDENT_REVISION_RETIRED_PREFIX "' || id"
                             " WHERE id = ?",
                             error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  return evident_db_step_done (db, stmt, error) ? id : -1;
}

static gboolean
add_version_extras (EvidentDb                    *db,
                    gint64                        version_id,
                    gint64                        item_id,
                    const EvidentChecklistEntry  *entry,
                    GError                      **error)
{
  for (guint i = 0; entry->extra != NULL && i < entry->extra->len; i++)
    {
      const EvidentChecklistExtra *extra = g_ptr_array_index (entry->extra, i);
      sqlite3_stmt *stmt;

      stmt = evident_db_prepare (db,
                                 "INSERT INTO version_extras (version_id, item_id, position,"
                                 " name, value) VALUES (?, ?, ?, ?, ?)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, version_id);
      sqlite3_bind_int64 (stmt, 2, item_id);
      sqlite3_bind_int (stmt, 3, i);
      sqlite3_bind_text (stmt, 4, extra->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, extra->value, -1, SQLITE_STATIC);
      if (!evident_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * evident_revision_store_add_version_item:
 * @version_id: a version
 * @item_id: the item that @entry is in this version
 * @position: its place in the checklist, from 0
 * @entry: the item as the version's file has it
 *
 * Returns: %TRUE on success
 */
gboolean
evident_revision_store_add_version_item (EvidentDb                    *db,
                                         gint64                        version_id,
                                         gint64                        item_id,
                                         guint                         position,
                                         const EvidentChecklistEntry  *entry,
                                         GError                      **error)
{
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             "INSERT INTO version_items (version_id, item_id, position, ref,"
                             " chapter, chapter_title, section, section_title, title,"
                             " requirement, evidence_hint, points, mandatory, sheet, row)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_text (stmt, 4, entry->ref, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entry->chapter, -1, SQLITE_STATIC);
  /* As a new project names its chapters: by number when they have no title. */
  sqlite3_bind_text (stmt, 6, *entry->chapter_title != '\0' ? entry->chapter_title : entry->chapter,
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, entry->section, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, entry->section_title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, entry->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, entry->requirement, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, entry->evidence, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 12, entry->points);
  sqlite3_bind_int (stmt, 13, entry->mandatory ? 1 : 0);
  if (entry->source.known)
    {
      sqlite3_bind_int (stmt, 14, entry->source.sheet);
      sqlite3_bind_int (stmt, 15, entry->source.row);
    }
  return evident_db_step_done (db, stmt, error)
         && add_version_extras (db, version_id, item_id, entry, error);
}

/**
 * evident_revision_store_add_mapping:
 *
 * Records what became of an old item (@old_item_id, 0 for a new item) in
 * a version (@new_item_id, 0 for a removed item).
 *
 * Returns: %TRUE on success
 */
gboolean
evident_revision_store_add_mapping (EvidentDb                *db,
                                    gint64                    version_id,
                                    gint64                    old_item_id,
                                    gint64                    new_item_id,
                                    const char               *old_ref,
                                    const char               *new_ref,
                                    EvidentRevisionRelation   relation,
                                    double                    similarity,
                                    gboolean                  manual,
                                    GError                  **error)
{
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             "INSERT INTO version_map (version_id, old_item_id, new_item_id,"
                             " old_ref, new_ref, relation, similarity, manual)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  if (old_item_id > 0)
    sqlite3_bind_int64 (stmt, 2, old_item_id);
  if (new_item_id > 0)
    sqlite3_bind_int64 (stmt, 3, new_item_id);
  evident_db_bind_text_or_null (stmt, 4, old_ref);
  evident_db_bind_text_or_null (stmt, 5, new_ref);
  sqlite3_bind_text (stmt, 6, evident_revision_relation_to_string (relation), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 7, similarity);
  sqlite3_bind_int (stmt, 8, manual ? 1 : 0);
  return evident_db_step_done (db, stmt, error);
}

/**
 * evident_revision_store_copy_one_evidence:
 * @evidence_id: a piece of evidence
 * @to_item_id: the item that gets a copy of it
 * @hidden: whether the copy starts removed, for an edit to show it
 * @copy: (out caller-allocates): the copy's id and title
 *
 * Returns: %TRUE on success
 */
gboolean
evident_revision_store_copy_one_evidence (EvidentDb            *db,
                                          gint64                evidence_id,
                                          gint64                to_item_id,
                                          gboolean              hidden,
                                          EvidentEvidenceCopy  *copy,
                                          GError              **error)
{
  g_autofree char *now = evident_history_now ();
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  stmt = evident_db_prepare (db,
                             "INSERT INTO evidence (item_id, title, kind, filename, content_type,"
                             " url, sha256, added_at, removed_at)"
                             " SELECT ?2, title, kind, filename, content_type, url, sha256,"
                             "        ?3, CASE WHEN ?4 THEN ?3 END"
                             "   FROM evidence WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_int64 (stmt, 2, to_item_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, hidden ? 1 : 0);
  if (!evident_db_step_done (db, stmt, error))
    return FALSE;
  copy->id = evident_db_last_insert_id (db);

  stmt = evident_db_prepare (db, "SELECT title FROM evidence WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, copy->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return evident_db_error (db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  copy->title = g_strdup (evident_db_column_text (stmt, 0));
  return TRUE;
}

/**
 * evident_revision_store_copy_evidence:
 * @from_item_id: the item whose evidence is copied
 * @to_item_id: the item that gets it
 * @hidden: whether the copies start removed, for an edit to show them
 * @copies: (element-type EvidentEvidenceCopy): gets the copies
 *
 * Unites an item's evidence with another's: a copy of each file or link
 * of @from_item_id that @to_item_id does not have (the same bytes, the
 * same address), sharing its stored bytes.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_revision_store_copy_evidence (EvidentDb  *db,
                                      gint64      from_item_id,
                                      gint64      to_item_id,
                                      gboolean    hidden,
                                      GArray     *copies,
                                      GError    **error)
{
  g_autoptr (GArray) sources = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  stmt = evident_db_prepare (db,
                             "SELECT e.id FROM evidence e"
                             " WHERE e.item_id = ?1 AND e.removed_at IS NULL"
                             "   AND NOT EXISTS (SELECT 1 FROM evidence t"
                             "                    WHERE t.item_id = ?2 AND t.removed_at IS NULL"
                             "                      AND t.sha256 IS e.sha256 AND t.url IS e.url)"
                             " ORDER BY e.id",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_item_id);
  sqlite3_bind_int64 (stmt, 2, to_item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_array_append_val (sources, (gint64) { sqlite3_column_int64 (stmt, 0) });
  if (!evident_db_step_end (db, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < sources->len; i++)
    {
      EvidentEvidenceCopy copy = { 0 };

      if (!evident_revision_store_copy_one_evidence (db, g_array_index (sources, gint64, i),
                                                     to_item_id, hidden, &copy, error))
        return FALSE;
      g_array_append_val (copies, copy);
    }
  return TRUE;
}

/* Materialising */

static gboolean
write_settings (EvidentDb   *db,
                gint64       version_id,
                GError     **error)
{
  /* Each key from the version, or gone when the version has none. */
  static const char *const keys[][2] = {
    { "checklist-version", "label" },
    { "mode", "mode" },
    { "import-file", "CASE WHEN workbook_id IS NOT NULL AND source <> '' THEN source END" },
    { "import-layout", "layout" },
    { "import-mapping", "mapping" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autofree char *sql = g_strdup_printf (
          "DELETE FROM project WHERE key = '%s';"
          "INSERT INTO project (key, value)"
          "  SELECT '%s', %s FROM checklist_versions WHERE id = %" G_GINT64_FORMAT
          "   AND %s IS NOT NULL",
          keys[k][0], keys[k][0], keys[k][1], version_id, keys[k][1]);

      if (!evident_db_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * evident_revision_store_materialize:
 * @version_id: a version of the checklist
 *
 * Makes @version_id the project's checklist (see above), with its
 * settings: label, scoring mode, file, layout and mapping.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_revision_store_materialize (EvidentDb  *db,
                                    gint64      version_id,
                                    GError    **error)
{
  static const char *const steps[] = {
    /* Every item out, so that references can move between items. */
    "UPDATE items SET active = 0, ref = '" EVIDENT_REVISION_RETIRED_PREFIX "' || id"
    " WHERE active = 1",
    "INSERT INTO chapters (position, number, title)"
    "  SELECT min (position), chapter, chapter_title FROM version_items"
    "   WHERE version_id = ?1 GROUP BY chapter"
    "  ON CONFLICT (number) DO UPDATE SET position = excluded.position, title = excluded.title",
    "INSERT INTO sections (position, chapter_id, number, title)"
    "  SELECT min (v.position), c.id, v.section, v.section_title"
    "    FROM version_items v JOIN chapters c ON c.number = v.chapter"
    "   WHERE v.version_id = ?1 AND (v.section <> '' OR v.section_title <> '')"
    "   GROUP BY c.id, v.section"
    "  ON CONFLICT (chapter_id, number) DO UPDATE"
    "    SET position = excluded.position, title = excluded.title",
    "UPDATE items SET active = 1, position = v.position, ref = v.ref, chapter_id = c.id,"
    "       section_id = s.id, title = v.title, requirement = v.requirement,"
    "       evidence_hint = v.evidence_hint, points = v.points, mandatory = v.mandatory"
    "  FROM version_items v"
    "  JOIN chapters c ON c.number = v.chapter"
    "  LEFT JOIN sections s ON s.chapter_id = c.id AND s.number = v.section"
    "                      AND (v.section <> '' OR v.section_title <> '')"
    " WHERE v.version_id = ?1 AND items.id = v.item_id",
    "DELETE FROM item_extras"
    " WHERE item_id IN (SELECT item_id FROM version_items WHERE version_id = ?1)",
    "INSERT INTO item_extras (item_id, position, name, value)"
    "  SELECT item_id, position, name, value FROM version_extras WHERE version_id = ?1",
    "DELETE FROM item_sources"
    " WHERE item_id IN (SELECT item_id FROM version_items WHERE version_id = ?1)",
    "INSERT INTO item_sources (item_id, workbook_id, sheet, row)"
    "  SELECT v.item_id, cv.workbook_id, v.sheet, v.row"
    "    FROM version_items v JOIN checklist_versions cv ON cv.id = v.version_id"
    "   WHERE v.version_id = ?1 AND cv.workbook_id IS NOT NULL AND v.sheet IS NOT NULL",
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (!exec_on_version (db, steps[i], version_id, error))
        return FALSE;
    }
  return write_settings (db, version_id, error);
}

/**
 * evident_revision_store_switch:
 * @db: the project's connection, in the undo's or redo's transaction
 * @edits: unused
 * @data: an #EvidentRevisionSwitch
 * @error: return location for an error
 *
 * An #EvidentEditPrepareFunc: for the undo of a revision, materialises the
 * version before it and marks the revision's version undone; for its redo,
 * materialises that version again and marks it applied.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_revision_store_switch (EvidentDb  *db,
                               GArray     *edits,
                               gpointer    data,
                               GError    **error)
{
  EvidentRevisionSwitch *request = data;
  g_auto (EvidentDbStatement) stmt = NULL;
  gint64 version;
  gint64 previous;
  int rc;

  stmt = evident_db_prepare (db,
                             "SELECT id, coalesce (previous_id, 0) FROM checklist_versions"
                             " WHERE change_id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request->change);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return evident_db_error (db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  version = sqlite3_column_int64 (stmt, 0);
  previous = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  if (request->undo && previous <= 0)
    return evident_db_error (db, SQLITE_CORRUPT, error);
  stmt = evident_db_prepare (db, "UPDATE checklist_versions SET state = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, request->undo ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, version);
  if (!evident_db_step_done (db, stmt, error))
    return FALSE;
  return evident_revision_store_materialize (db, request->undo ? previous : version, error);
}
