/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-enums-util.h"
#include "evident-history.h"
#include "evident-item-private.h"
#include "evident-plan-settings.h"
#include "evident-project-private.h"

static void
edit_clear (gpointer data)
{
  EvidentEdit *edit = data;

  g_clear_pointer (&edit->old_value, g_free);
  g_clear_pointer (&edit->new_value, g_free);
}

/**
 * evident_edits_new:
 *
 * Returns: (transfer full) (element-type EvidentEdit): an empty list of edits
 */
GArray *
evident_edits_new (void)
{
  GArray *edits = g_array_new (FALSE, TRUE, sizeof (EvidentEdit));

  g_array_set_clear_func (edits, edit_clear);
  return edits;
}

gint64
evident_edit_get_item_id (const EvidentEdit *edit)
{
  return edit->item != NULL ? evident_item_get_id (edit->item) : edit->item_id;
}

void
evident_edits_add (GArray           *edits,
                   EvidentItem      *item,
                   gint64            evidence,
                   EvidentItemField  field,
                   const char       *old_value,
                   const char       *new_value)
{
  EvidentEdit edit = {
    .item = item,
    .evidence = evidence,
    .field = field,
    .old_value = g_strdup (old_value ? old_value : ""),
    .new_value = g_strdup (new_value ? new_value : ""),
  };

  g_array_append_val (edits, edit);
}

char *
evident_history_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
who_am_i (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();
  return g_strdup (name);
}

static gint64
owner_id (EvidentDb   *db,
          const char  *name,
          GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  if (!evident_owner_write (db, name, NULL, error))
    return -1;

  stmt = evident_db_prepare (db, "SELECT id FROM owners WHERE name = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    evident_db_error (db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  return id;
}

/* Writes one field of an item or of its evidence; inside a transaction. */
static gboolean
write_field (EvidentDb          *db,
             const EvidentEdit  *edit,
             GError            **error)
{
  static const char *update_sql[EVIDENT_N_HISTORY_FIELDS] = {
    [EVIDENT_ITEM_FIELD_STATUS] = "UPDATE items SET status = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_OWNER] = "UPDATE items SET owner_id = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_COMPLEXITY] = "UPDATE items SET complexity = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_REASON] = "UPDATE items SET reason = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_NOTE] = "UPDATE items SET note = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_DUE] = "UPDATE items SET due = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_RESPONSE] = "UPDATE items SET response = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_ESTIMATE] = "UPDATE items SET estimate = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_RECHECK] = "UPDATE items SET recheck = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_EVIDENCE] = "UPDATE evidence SET removed_at = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_EVIDENCE_TITLE] = "UPDATE evidence SET title = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_EVIDENCE_KIND] = "UPDATE evidence SET kind = ?2 WHERE id = ?1",
  };
  const char *value = edit->new_value;
  gint64 owner = -1;
  sqlite3_stmt *stmt;

  g_assert (edit->field < EVIDENT_N_HISTORY_FIELDS);

  if (edit->field == EVIDENT_ITEM_FIELD_REVISION)
    return TRUE;
  if (edit->field == EVIDENT_ITEM_FIELD_OWNER && *value != '\0'
      && (owner = owner_id (db, value, error)) < 0)
    return FALSE;

  stmt = evident_db_prepare (db, update_sql[edit->field], error);
  if (stmt == NULL)
    return FALSE;

  switch (edit->field)
    {
    case EVIDENT_ITEM_FIELD_OWNER:
      sqlite3_bind_int64 (stmt, 1, evident_edit_get_item_id (edit));
      if (owner >= 0)
        sqlite3_bind_int64 (stmt, 2, owner);
      break;

    case EVIDENT_ITEM_FIELD_STATUS:
    case EVIDENT_ITEM_FIELD_COMPLEXITY:
      sqlite3_bind_int64 (stmt, 1, evident_edit_get_item_id (edit));
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      break;

    case EVIDENT_ITEM_FIELD_REASON:
    case EVIDENT_ITEM_FIELD_NOTE:
    case EVIDENT_ITEM_FIELD_DUE:
    case EVIDENT_ITEM_FIELD_RESPONSE:
    case EVIDENT_ITEM_FIELD_RECHECK:
      sqlite3_bind_int64 (stmt, 1, evident_edit_get_item_id (edit));
      evident_db_bind_text_or_null (stmt, 2, value);
      break;

    case EVIDENT_ITEM_FIELD_ESTIMATE:
      /* A number in the file: days, normalized already. */
      sqlite3_bind_int64 (stmt, 1, evident_edit_get_item_id (edit));
      if (*value != '\0')
        sqlite3_bind_double (stmt, 2, g_ascii_strtod (value, NULL));
      break;

    case EVIDENT_ITEM_FIELD_EVIDENCE:
      /* Present (any title) or removed: removed_at says which. */
      sqlite3_bind_int64 (stmt, 1, edit->evidence);
      if (*value == '\0')
        sqlite3_bind_text (stmt, 2, evident_history_now (), -1, g_free);
      break;

    case EVIDENT_ITEM_FIELD_EVIDENCE_TITLE:
    case EVIDENT_ITEM_FIELD_EVIDENCE_KIND:
      sqlite3_bind_int64 (stmt, 1, edit->evidence);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      break;

    default:
      g_assert_not_reached ();
    }

  return evident_db_step_done (db, stmt, error);
}

static gboolean
normalize_status (const char  *text,
                  char       **normalized,
                  GError     **error)
{
  EvidentStatus status;

  if (!evident_status_from_string (text, &status))
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                   _("“%s” is not a status; use not-started, in-progress, ready, met, "
                     "not-met or not-applicable"),
                   text);
      return FALSE;
    }
  *normalized = g_strdup (evident_status_to_string (status));
  return TRUE;
}

/* Brings a user's value to the form the project stores, or refuses it. */
gboolean
evident_edit_normalize (EvidentItem       *item,
                        EvidentItemField   field,
                        const char        *value,
                        char             **normalized,
                        GError           **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));
  const char *ref = evident_item_get_ref (item);

  switch (field)
    {
    case EVIDENT_ITEM_FIELD_STATUS:
      return normalize_status (stripped, normalized, error);

    case EVIDENT_ITEM_FIELD_COMPLEXITY:
      {
        EvidentComplexity complexity;

        if (!evident_complexity_from_string (stripped, &complexity))
          {
            g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                         _("“%s” is not a complexity; use low, medium, high or none"),
                         stripped);
            return FALSE;
          }
        *normalized = g_strdup (evident_complexity_to_string (complexity));
      }
      break;

    case EVIDENT_ITEM_FIELD_DUE:
      if (*stripped != '\0')
        {
          if (!evident_date_normalize (stripped, normalized))
            {
              g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                           _("Item %s: “%s” is not a date; write it as YYYY-MM-DD"), ref,
                           stripped);
              return FALSE;
            }
          return TRUE;
        }
      *normalized = g_strdup ("");
      break;

    case EVIDENT_ITEM_FIELD_ESTIMATE:
      {
        double days;

        if (*stripped == '\0')
          *normalized = g_strdup ("");
        else if (evident_days_parse (stripped, &days))
          *normalized = evident_days_format (days);
        else
          {
            g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                         _("Item %s: “%s” is not an estimate; give the days it takes as a "
                           "number from 0 to 10000, e.g. 2.5"),
                         ref, stripped);
            return FALSE;
          }
      }
      break;

    case EVIDENT_ITEM_FIELD_RECHECK:
      /* The status before the revision, or "" once confirmed. */
      if (*stripped == '\0')
        {
          *normalized = g_strdup ("");
          return TRUE;
        }
      return normalize_status (stripped, normalized, error);

    case EVIDENT_ITEM_FIELD_NOTE:
    case EVIDENT_ITEM_FIELD_RESPONSE:
      /* Notes and responses keep their white space, as typed. */
      *normalized = g_strdup (value ? value : "");
      break;

    case EVIDENT_ITEM_FIELD_OWNER:
    case EVIDENT_ITEM_FIELD_REASON:
      *normalized = g_steal_pointer (&stripped);
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/**
 * evident_history_write_fields:
 * @db: a connection in a write transaction
 * @edits: (element-type EvidentEdit): what to write
 * @error: return location for an error
 *
 * Writes the new values, without history: for seeding a project.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_history_write_fields (EvidentDb  *db,
                              GArray     *edits,
                              GError    **error)
{
  for (guint i = 0; i < edits->len; i++)
    {
      if (!write_field (db, &g_array_index (edits, EvidentEdit, i), error))
        return FALSE;
    }
  return TRUE;
}

static gint64
insert_change (EvidentDb   *db,
               const char  *kind,
               GError     **error)
{
  g_autofree char *at = evident_history_now ();
  g_autofree char *who = who_am_i ();
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db, "INSERT INTO changes (at, who, kind) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, who, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  if (!evident_db_step_done (db, stmt, error))
    return -1;
  return evident_db_last_insert_id (db);
}

static gboolean
insert_history (EvidentDb          *db,
                gint64              change,
                const EvidentEdit  *edit,
                GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             "INSERT INTO history (change_id, item_id, evidence_id, field,"
                             " old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  sqlite3_bind_int64 (stmt, 2, evident_edit_get_item_id (edit));
  if (edit->evidence > 0)
    sqlite3_bind_int64 (stmt, 3, edit->evidence);
  sqlite3_bind_text (stmt, 4, evident_item_field_to_string (edit->field), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, edit->old_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, edit->new_value, -1, SQLITE_TRANSIENT);
  return evident_db_step_done (db, stmt, error);
}

static gboolean
set_change_state (EvidentDb           *db,
                  gint64               change,
                  EvidentChangeState   state,
                  GError             **error)
{
  sqlite3_stmt *stmt = evident_db_prepare (db, "UPDATE changes SET state = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, state);
  sqlite3_bind_int64 (stmt, 2, change);
  return evident_db_step_done (db, stmt, error);
}

/**
 * evident_history_commit:
 * @db: the project's connection
 * @kind: "edit", "undo" or "redo"
 * @edits: (element-type EvidentEdit): the fields to change
 * @target: for an undo or a redo, the change it reverts or re-applies; -1
 * @target_state: what @target becomes, in the same transaction
 * @prepare: (nullable): runs first inside the transaction
 * @prepare_data: data for @prepare
 * @error: return location for an error
 *
 * Writes @edits as one transaction and one change with its history rows.
 * A new edit drops what could be redone. The caller updates the objects.
 *
 * Returns: %TRUE when committed
 */
gboolean
evident_history_commit (EvidentDb               *db,
                        const char              *kind,
                        GArray                  *edits,
                        gint64                   target,
                        EvidentChangeState       target_state,
                        EvidentEditPrepareFunc   prepare,
                        gpointer                 prepare_data,
                        GError                 **error)
{
  sqlite3_stmt *stmt;
  gint64 change;

  if (!evident_db_begin_write (db, error))
    return FALSE;

  if (g_str_equal (kind, "edit") || g_str_equal (kind, "revision"))
    {
      stmt = evident_db_prepare (db,
                                 "UPDATE changes SET state = 2"
                                 " WHERE kind IN " EVIDENT_HISTORY_UNDOABLE_KINDS " AND state = 1",
                                 error);
      if (stmt == NULL || !evident_db_step_done (db, stmt, error))
        goto failed;
    }

  if (target >= 0 && !set_change_state (db, target, target_state, error))
    goto failed;

  change = insert_change (db, kind, error);
  if (change < 0)
    goto failed;

  if (prepare != NULL && !prepare (db, edits, prepare_data, error))
    goto failed;

  for (guint i = 0; i < edits->len; i++)
    {
      const EvidentEdit *edit = &g_array_index (edits, EvidentEdit, i);

      if (!write_field (db, edit, error) || !insert_history (db, change, edit, error))
        goto failed;
    }

  if (!evident_db_commit (db, error))
    goto failed;
  return TRUE;

failed:
  evident_db_rollback (db);
  return FALSE;
}

/**
 * evident_history_find_target:
 * @db: the project's connection
 * @undo: whether for an undo (else a redo)
 * @change: (out): the newest change still done, or the oldest one undone
 *   since the last edit; -1 when there is none
 * @error: return location for an error
 *
 * Returns: %TRUE on success, whether or not there is a change
 */
gboolean
evident_history_find_target (EvidentDb  *db,
                             gboolean    undo,
                             gint64     *change,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

#define TARGET_SELECT "SELECT id FROM changes WHERE kind IN " EVIDENT_HISTORY_UNDOABLE_KINDS
  stmt = evident_db_prepare (db,
                             undo ? TARGET_SELECT " AND state = 0 ORDER BY id DESC LIMIT 1"
                                  : TARGET_SELECT " AND state = 1 ORDER BY id ASC LIMIT 1",
                             error);
#undef TARGET_SELECT
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *change = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;
  return evident_db_step_end (db, stmt, rc, error);
}

/**
 * evident_history_load_rows:
 * @db: the project's connection
 * @items_by_id: the project's items by id
 * @change: a change
 * @undo: %TRUE for the edits that undo @change, %FALSE for those that redo it
 * @edits: (element-type EvidentEdit): where the edits go
 * @error: return location for an error
 *
 * The edits that undo or redo @change exactly as its rows say, for items
 * with objects or without (a revision's new and archived items): what a
 * revision of the checklist is undone and redone with. Rows about
 * evidence deleted for good are skipped.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_history_load_rows (EvidentDb   *db,
                           GHashTable  *items_by_id,
                           gint64       change,
                           gboolean     undo,
                           GArray      *edits,
                           GError     **error)
{
#define ROWS_SELECT                                                                                \
  "SELECT h.item_id, coalesce (h.evidence_id, 0), h.evidence_id IS NULL, h.field, h.old_value,"   \
  "       h.new_value"                                                                             \
  "  FROM history h WHERE h.change_id = ?"
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  stmt = evident_db_prepare (db,
                             undo ? ROWS_SELECT " ORDER BY h.id DESC"
                                  : ROWS_SELECT " ORDER BY h.id ASC",
                             error);
#undef ROWS_SELECT
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvidentEdit edit = { 0 };

      if (!evident_item_field_from_string (evident_db_column_text (stmt, 3), &edit.field)
          || (edit.field >= EVIDENT_ITEM_FIELD_EVIDENCE
              && edit.field != EVIDENT_ITEM_FIELD_REVISION && sqlite3_column_int (stmt, 2)))
        continue;
      edit.item_id = sqlite3_column_int64 (stmt, 0);
      edit.item = g_hash_table_lookup (items_by_id, GINT_TO_POINTER (edit.item_id));
      edit.evidence = sqlite3_column_int64 (stmt, 1);
      edit.old_value = g_strdup (evident_db_column_text (stmt, undo ? 5 : 4));
      edit.new_value = g_strdup (evident_db_column_text (stmt, undo ? 4 : 5));
      g_array_append_val (edits, edit);
    }
  return evident_db_step_end (db, stmt, rc, error);
}

/* The inverse (or the repeat) of one history row of evidence, against what
 * the evidence holds now. FALSE when the evidence is gone. */
static gboolean
evidence_values (sqlite3_stmt      *stmt,
                 EvidentItemField   field,
                 const char        *target,
                 char             **current,
                 char             **wanted)
{
  const char *title = evident_db_column_text (stmt, 5);
  gboolean present = sqlite3_column_int (stmt, 7) != 0;

  if (evident_db_column_is_null (stmt, 1) || sqlite3_column_int (stmt, 8) == 0)
    return FALSE;

  switch (field)
    {
    case EVIDENT_ITEM_FIELD_EVIDENCE:
      *current = g_strdup (present ? title : "");
      *wanted = g_strdup (*target != '\0' ? title : "");
      break;
    case EVIDENT_ITEM_FIELD_EVIDENCE_TITLE:
      *current = g_strdup (title);
      *wanted = g_strdup (target);
      break;
    case EVIDENT_ITEM_FIELD_EVIDENCE_KIND:
      *current = g_strdup (evident_db_column_text (stmt, 6));
      *wanted = g_strdup (target);
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/**
 * evident_history_load_inverse:
 * @db: the project's connection
 * @items_by_id: the project's items by id
 * @change: a change
 * @undo: %TRUE for the edits that undo @change, %FALSE for those that redo it
 * @edits: (element-type EvidentEdit): where the edits go
 * @error: return location for an error
 *
 * Old values are what the items and the evidence hold now, rather than what
 * the rows say they held: the two agree unless the file was edited behind
 * Evident's back. Rows about items or evidence that are gone are skipped.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_history_load_inverse (EvidentDb   *db,
                              GHashTable  *items_by_id,
                              gint64       change,
                              gboolean     undo,
                              GArray      *edits,
                              GError     **error)
{
#define INVERSE_SELECT                                                                             \
  "SELECT h.item_id, h.evidence_id, h.field, h.old_value, h.new_value,"                            \
  "       e.title, e.kind, e.removed_at IS NULL, e.id IS NOT NULL"                                 \
  "  FROM history h LEFT JOIN evidence e ON e.id = h.evidence_id"                                  \
  " WHERE h.change_id = ?"
  sqlite3_stmt *stmt;
  int rc;

  stmt = evident_db_prepare (db,
                             undo ? INVERSE_SELECT " ORDER BY h.id DESC"
                                  : INVERSE_SELECT " ORDER BY h.id ASC",
                             error);
#undef INVERSE_SELECT
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvidentItem *item = g_hash_table_lookup (items_by_id,
                                               GINT_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
      const char *target = evident_db_column_text (stmt, undo ? 3 : 4);
      EvidentEdit edit = { item, sqlite3_column_int64 (stmt, 1), 0, NULL, NULL };

      if (item == NULL
          || !evident_item_field_from_string (evident_db_column_text (stmt, 2), &edit.field)
          || edit.field == EVIDENT_ITEM_FIELD_REVISION)
        continue;

      if (edit.field < EVIDENT_N_ITEM_FIELDS)
        {
          edit.evidence = 0;
          edit.old_value = g_strdup (evident_item_get_field (item, edit.field));
          edit.new_value = g_strdup (target);
        }
      else if (!evidence_values (stmt, edit.field, target, &edit.old_value, &edit.new_value))
        continue;

      g_array_append_val (edits, edit);
    }
  return evident_db_step_end (db, stmt, rc, error);
}

static gboolean
query_exists (EvidentDb  *db,
              const char *sql)
{
  gint64 exists = 0;

  return evident_db_query_int64 (db, sql, &exists, NULL) && exists != 0;
}

void
evident_history_get_undo_state (EvidentDb *db,
                                gboolean  *can_undo,
                                gboolean  *can_redo)
{
#define EXISTS_SELECT                                                                              \
  "SELECT EXISTS (SELECT 1 FROM changes WHERE kind IN " EVIDENT_HISTORY_UNDOABLE_KINDS
  *can_undo = query_exists (db, EXISTS_SELECT " AND state = 0)");
  *can_redo = query_exists (db, EXISTS_SELECT " AND state = 1)");
#undef EXISTS_SELECT
}

/**
 * evident_history_list:
 * @db: the project's connection
 * @item: (nullable): only this item's history, its evidence's included
 * @error: return location for an error
 *
 * Without @item, the changes of the plan settings are part of the
 * history too, each key a row of its own with its @setting set.
 *
 * Returns: (transfer full) (element-type EvidentHistoryEntry): the
 *   history, newest first
 */
GPtrArray *
evident_history_list (EvidentDb    *db,
                      EvidentItem  *item,
                      GError      **error)
{
  g_autoptr (GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  /* An item a revision took out of the checklist goes by the reference
   * it last had. The plan settings' rows come after the items' rows of
   * their change (a change has one or the other), in the keys' order. */
  stmt = evident_db_prepare (db,
                             "SELECT c.id, c.kind, c.at, c.who,"
                             "       CASE WHEN i.active THEN i.ref"
                             "       ELSE coalesce ((SELECT vi.ref FROM version_items vi"
                             "                         JOIN checklist_versions v"
                             "                           ON v.id = vi.version_id"
                             "                        WHERE vi.item_id = h.item_id"
                             "                        ORDER BY v.state, v.id DESC LIMIT 1), '')"
                             "       END,"
                             "       h.field, h.old_value, h.new_value, coalesce (h.evidence_id, 0),"
                             "       NULL, h.change_id AS change_order, h.id AS row_order"
                             "  FROM history h"
                             "  LEFT JOIN changes c ON c.id = h.change_id"
                             "  LEFT JOIN items i ON i.id = h.item_id"
                             " WHERE ?1 IS NULL OR h.item_id = ?1"
                             " UNION ALL "
                             "SELECT c.id, c.kind, c.at, c.who, '', NULL, s.old_value, s.new_value, 0,"
                             "       s.key, s.change_id, -1"
                             "  FROM setting_history s"
                             "  JOIN changes c ON c.id = s.change_id"
                             " WHERE ?1 IS NULL"
                             " ORDER BY change_order DESC, row_order DESC, 10",
                             error);
  if (stmt == NULL)
    return NULL;
  if (item != NULL)
    sqlite3_bind_int64 (stmt, 1, evident_item_get_id (item));

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) evident_history_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvidentHistoryEntry *entry = g_new0 (EvidentHistoryEntry, 1);

      entry->change = sqlite3_column_int64 (stmt, 0);
      entry->kind = g_strdup (evident_db_column_text (stmt, 1));
      entry->at = g_date_time_new_from_iso8601 (evident_db_column_text (stmt, 2), NULL);
      if (entry->at == NULL)
        entry->at = g_date_time_new_from_unix_utc (0);
      entry->who = g_strdup (evident_db_column_text (stmt, 3));
      entry->ref = g_strdup (evident_db_column_text (stmt, 4));
      if (!evident_db_column_is_null (stmt, 9))
        entry->setting = g_strdup (evident_db_column_text (stmt, 9));
      else
        evident_item_field_from_string (evident_db_column_text (stmt, 5), &entry->field);
      if (!evident_db_column_is_null (stmt, 6) || entry->setting == NULL)
        entry->old_value = g_strdup (evident_db_column_text (stmt, 6));
      if (!evident_db_column_is_null (stmt, 7) || entry->setting == NULL)
        entry->new_value = g_strdup (evident_db_column_text (stmt, 7));
      entry->evidence = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (entries, entry);
    }
  if (!evident_db_step_end (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&entries);
}

/**
 * evident_history_finalize_evidence:
 * @db: a connection in a write transaction
 * @evidence: evidence about to be deleted for good
 * @error: return location for an error
 *
 * The edits of @evidence can no longer be undone (nor redone): their
 * changes leave the undo and redo stacks, and stay in the history.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_history_finalize_evidence (EvidentDb  *db,
                                   gint64      evidence,
                                   GError    **error)
{
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             "UPDATE changes SET state = CASE state WHEN 0 THEN 3 WHEN 1 THEN 2"
                             "                                      ELSE state END"
                             " WHERE kind IN " EVIDENT_HISTORY_UNDOABLE_KINDS
                             "   AND id IN (SELECT change_id FROM history WHERE evidence_id = ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence);
  return evident_db_step_done (db, stmt, error);
}

void
evident_history_entry_free (EvidentHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->setting);
  g_free (entry->kind);
  g_clear_pointer (&entry->at, g_date_time_unref);
  g_free (entry->who);
  g_free (entry->ref);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}
