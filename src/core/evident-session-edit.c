/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Sessions as edits: a new session, its state, the verdicts given in it,
 * and the history of those verdicts. Each edit is one transaction and one
 * step of undo through the project's commit path (evident_audit_commit());
 * a verdict that also sets the item's status is one edit with it. */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "evident-audit-private.h"
#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-project.h"

/* Helpers */

static EvidentProject *
audit_project (EvidentAudit  *audit,
               GError       **error)
{
  EvidentProject *project = audit != NULL ? evident_audit_get_project (audit) : NULL;

  if (project == NULL)
    g_set_error_literal (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                         _("The project is closed"));
  return project;
}

/**
 * evident_session_check_live:
 * @self: a session
 * @writing: whether verdicts or times are to be recorded: refused in a
 *   closed session
 * @error: return location for an error
 *
 * Whether the session is still part of its project (undoing its creation
 * takes it out), and open to more when @writing.
 *
 * Returns: %TRUE when it is
 */
gboolean
evident_session_check_live (EvidentSession  *self,
                            gboolean         writing,
                            GError         **error)
{
  EvidentAudit *audit = evident_session_get_audit (self);
  gint64 id = evident_session_get_id (self);

  if (audit_project (audit, error) == NULL)
    return FALSE;
  if (evident_audit_lookup_session (audit, id) != self)
    {
      g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND,
                   _("Session %lld is no longer part of the project"), (long long) id);
      return FALSE;
    }
  if (writing && evident_session_get_state (self) == EVIDENT_SESSION_CLOSED)
    {
      g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_CLOSED,
                   _("Session %lld is closed; open it again to record more"), (long long) id);
      return FALSE;
    }
  return TRUE;
}

/* Whether @item is in the session's scope, or an error naming both. */
gboolean
evident_session_check_covers (EvidentSession  *self,
                              EvidentItem     *item,
                              GError         **error)
{
  if (evident_session_covers (self, item))
    return TRUE;
  g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_OUT_OF_SCOPE,
               _("Item %s is not in the chapters of session %lld"), evident_item_get_ref (item),
               (long long) evident_session_get_id (self));
  return FALSE;
}

static gboolean
insert_state (EvidentDb            *db,
              gint64                change,
              gint64                session,
              EvidentSessionState   state,
              GError              **error)
{
  sqlite3_stmt *stmt = evident_db_prepare (db,
                                           "INSERT INTO session_states (change_id, session_id,"
                                           " state) VALUES (?, ?, ?)",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  sqlite3_bind_int64 (stmt, 2, session);
  sqlite3_bind_text (stmt, 3, evident_session_state_to_string (state), -1, SQLITE_STATIC);
  return evident_db_step_done (db, stmt, error);
}

/* A new session */

typedef struct
{
  const EvidentSessionSettings *settings;
  char                         *date;
  char                         *title;
  GArray                       *chapters;     /* chapter ids */
  GPtrArray                    *participants;
  guint                         days;
  int                           day_start;
  guint                         day_minutes;
  gint64                        id;           /* once written */
} NewSession;

static void
new_session_clear (NewSession *data)
{
  g_clear_pointer (&data->date, g_free);
  g_clear_pointer (&data->title, g_free);
  g_clear_pointer (&data->chapters, g_array_unref);
  g_clear_pointer (&data->participants, g_ptr_array_unref);
}

static gboolean
write_session (EvidentDb  *db,
               gint64      change,
               gpointer    user_data,
               GError    **error)
{
  NewSession *data = user_data;
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             "INSERT INTO sessions (change_id, kind, date, days, day_start,"
                             " day_minutes, title) VALUES (?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  sqlite3_bind_text (stmt, 2, evident_session_kind_to_string (data->settings->kind), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, data->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, data->days);
  sqlite3_bind_int (stmt, 5, data->day_start);
  sqlite3_bind_int (stmt, 6, data->day_minutes);
  sqlite3_bind_text (stmt, 7, data->title, -1, SQLITE_TRANSIENT);
  if (!evident_db_step_done (db, stmt, error))
    return FALSE;
  data->id = evident_db_last_insert_id (db);

  for (guint i = 0; i < data->participants->len; i++)
    {
      stmt = evident_db_prepare (db,
                                 "INSERT INTO session_participants (session_id, position, name)"
                                 " VALUES (?, ?, ?)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, g_ptr_array_index (data->participants, i), -1,
                         SQLITE_TRANSIENT);
      if (!evident_db_step_done (db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < data->chapters->len; i++)
    {
      stmt = evident_db_prepare (db,
                                 "INSERT OR IGNORE INTO session_chapters (session_id, chapter_id)"
                                 " VALUES (?, ?)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (data->chapters, gint64, i));
      if (!evident_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* A date as YYYY-MM-DD; today (local time) when @text is NULL. */
static char *
normalize_date (const char  *text,
                GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  int y, m, d;
  char end;

  if (text == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      return g_date_time_format (now, "%Y-%m-%d");
    }
  if (sscanf (stripped, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD"), stripped);
      return NULL;
    }
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static gboolean
check_days (NewSession  *data,
            GError     **error)
{
  const EvidentSessionSettings *settings = data->settings;

  data->days = settings->days != 0 ? settings->days
                                   : settings->kind == EVIDENT_SESSION_AUDIT ? 2 : 1;
  data->day_start = settings->day_start >= 0 ? settings->day_start : 9 * 60;
  data->day_minutes = settings->day_minutes != 0 ? settings->day_minutes : 8 * 60;

  if (data->days > EVIDENT_SESSION_MAX_DAYS)
    g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID,
                 _("A session lasts %d days at most"), EVIDENT_SESSION_MAX_DAYS);
  else if (data->day_start + data->day_minutes > 24 * 60)
    g_set_error_literal (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID,
                         _("A session’s day must end by midnight"));
  else
    return TRUE;
  return FALSE;
}

/**
 * evident_audit_new_session:
 * @self: an audit
 * @settings: what the session is
 * @error: return location for an error
 *
 * Records a new session, planned: one edit, undone as one step.
 *
 * Returns: (transfer none): the session, or %NULL with @error set (an
 *   unknown chapter, a bad date)
 */
EvidentSession *
evident_audit_new_session (EvidentAudit                  *self,
                           const EvidentSessionSettings  *settings,
                           GError                       **error)
{
  g_autoptr (GArray) edits = evident_edits_new ();
  NewSession data = { settings };
  EvidentSession *session = NULL;

  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), NULL);
  g_return_val_if_fail (settings != NULL && settings->kind < EVIDENT_N_SESSION_KINDS, NULL);

  data.chapters = g_array_new (FALSE, FALSE, sizeof (gint64));
  data.participants = g_ptr_array_new_with_free_func (g_free);
  data.title = g_strstrip (g_strdup (settings->title != NULL ? settings->title : ""));
  data.date = normalize_date (settings->date, error);
  if (data.date == NULL || !check_days (&data, error))
    goto out;

  for (guint i = 0; settings->chapters != NULL && settings->chapters[i] != NULL; i++)
    {
      g_autofree char *number = g_strstrip (g_strdup (settings->chapters[i]));
      gint64 id;

      if (*number == '\0')
        continue;
      if (!evident_audit_find_chapter (self, number, &id, error))
        goto out;
      g_array_append_val (data.chapters, id);
    }
  for (guint i = 0; settings->participants != NULL && settings->participants[i] != NULL; i++)
    {
      char *name = g_strstrip (g_strdup (settings->participants[i]));

      if (*name != '\0')
        g_ptr_array_add (data.participants, name);
      else
        g_free (name);
    }

  if (evident_audit_commit (self, edits, write_session, &data, error))
    session = evident_audit_lookup_session (self, data.id);

out:
  new_session_clear (&data);
  return session;
}

/* Its state */

typedef struct
{
  gint64              session;
  EvidentSessionState state;
} SetState;

static gboolean
write_state (EvidentDb  *db,
             gint64      change,
             gpointer    user_data,
             GError    **error)
{
  SetState *data = user_data;

  return insert_state (db, change, data->session, data->state, error);
}

/**
 * evident_session_set_state:
 * @self: a session
 * @state: planned, open or closed
 * @error: return location for an error
 *
 * Opens, closes or reopens the session: one edit, undone as one step.
 *
 * Returns: %TRUE when saved (or the session was in @state already)
 */
gboolean
evident_session_set_state (EvidentSession       *self,
                           EvidentSessionState   state,
                           GError              **error)
{
  g_autoptr (GArray) edits = evident_edits_new ();
  SetState data = { evident_session_get_id (self), state };

  g_return_val_if_fail (EVIDENT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (state < EVIDENT_N_SESSION_STATES, FALSE);

  if (!evident_session_check_live (self, FALSE, error))
    return FALSE;
  if (evident_session_get_state (self) == state)
    return TRUE;
  return evident_audit_commit (evident_session_get_audit (self), edits, write_state, &data,
                               error);
}

/* Verdicts */

typedef struct
{
  EvidentSession *session;
  EvidentItem    *item;
  EvidentVerdict  verdict;
  char           *finding;
} RecordVerdict;

static gboolean
write_verdict (EvidentDb  *db,
               gint64      change,
               gpointer    user_data,
               GError    **error)
{
  RecordVerdict *data = user_data;
  gint64 session = evident_session_get_id (data->session);
  sqlite3_stmt *stmt;
  gint64 verdict;

  /* The first verdict opens a planned session, in the same edit. */
  if (evident_session_get_state (data->session) == EVIDENT_SESSION_PLANNED
      && !insert_state (db, change, session, EVIDENT_SESSION_OPEN, error))
    return FALSE;

  stmt = evident_db_prepare (db,
                             "INSERT INTO verdicts (change_id, session_id, item_id, verdict)"
                             " VALUES (?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  sqlite3_bind_int64 (stmt, 2, session);
  sqlite3_bind_int64 (stmt, 3, evident_item_get_id (data->item));
  sqlite3_bind_text (stmt, 4, evident_verdict_to_string (data->verdict), -1, SQLITE_STATIC);
  if (!evident_db_step_done (db, stmt, error))
    return FALSE;
  verdict = evident_db_last_insert_id (db);

  if (data->finding == NULL)
    return TRUE;
  stmt = evident_db_prepare (db,
                             "INSERT INTO findings (change_id, session_id, item_id, verdict_id,"
                             " text) VALUES (?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  sqlite3_bind_int64 (stmt, 2, session);
  sqlite3_bind_int64 (stmt, 3, evident_item_get_id (data->item));
  sqlite3_bind_int64 (stmt, 4, verdict);
  sqlite3_bind_text (stmt, 5, data->finding, -1, SQLITE_TRANSIENT);
  return evident_db_step_done (db, stmt, error);
}

static gboolean
record_verdict (EvidentSession  *self,
                EvidentItem     *item,
                EvidentVerdict   verdict,
                const char      *finding,
                gboolean         set_status,
                EvidentStatus    status,
                GError         **error)
{
  g_autoptr (GArray) edits = evident_edits_new ();
  g_autofree char *text = g_strstrip (g_strdup (finding != NULL ? finding : ""));
  RecordVerdict data = { self, item, verdict, *text != '\0' ? text : NULL };

  if (!evident_session_check_live (self, TRUE, error)
      || !evident_audit_check_item (evident_session_get_audit (self), item, error)
      || !evident_session_check_covers (self, item, error))
    return FALSE;
  if (set_status && status == EVIDENT_STATUS_NOT_APPLICABLE)
    {
      g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID,
                   _("A verdict cannot make item %s not applicable; set its status with a "
                     "reason, or exempt its section"),
                   evident_item_get_ref (item));
      return FALSE;
    }

  if (set_status && status != evident_item_get_status (item))
    evident_edits_add (edits, item, 0, EVIDENT_ITEM_FIELD_STATUS,
                       evident_status_to_string (evident_item_get_status (item)),
                       evident_status_to_string (status));
  return evident_audit_commit (evident_session_get_audit (self), edits, write_verdict, &data,
                               error);
}

/**
 * evident_session_record_verdict:
 * @self: a session, not closed
 * @item: an item in its scope
 * @verdict: passed, failed, observation or not reached
 * @finding: (nullable): what was found; a text makes an open finding
 * @flags: %EVIDENT_VERDICT_SET_STATUS to set the status the verdict stands
 *   for (passed: met, failed: not met) in the same edit
 * @error: return location for an error
 *
 * Records the item's verdict in the session, replacing an earlier one:
 * one edit, undone as one step with the status it set and the finding it
 * made. Without %EVIDENT_VERDICT_SET_STATUS the item's status stays as it
 * is; the session's score reads the verdict (evident_session_get_score()).
 * The first verdict opens a planned session.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_session_record_verdict (EvidentSession       *self,
                                EvidentItem          *item,
                                EvidentVerdict        verdict,
                                const char           *finding,
                                EvidentVerdictFlags   flags,
                                GError              **error)
{
  gboolean set_status = (flags & EVIDENT_VERDICT_SET_STATUS) != 0;

  g_return_val_if_fail (EVIDENT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), FALSE);
  g_return_val_if_fail (verdict > EVIDENT_VERDICT_NONE && verdict < EVIDENT_N_VERDICTS, FALSE);

  if (set_status && verdict != EVIDENT_VERDICT_PASSED && verdict != EVIDENT_VERDICT_FAILED)
    {
      g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID,
                   _("“%s” stands for no status; give the status to set"),
                   evident_verdict_to_string (verdict));
      return FALSE;
    }
  return record_verdict (self, item, verdict, finding, set_status,
                         verdict == EVIDENT_VERDICT_PASSED ? EVIDENT_STATUS_MET
                                                           : EVIDENT_STATUS_NOT_MET,
                         error);
}

/**
 * evident_session_record_verdict_with_status:
 * @self: a session, not closed
 * @item: an item in its scope
 * @verdict: passed, failed, observation or not reached
 * @finding: (nullable): what was found
 * @status: the status to set with it (any but not applicable, which needs
 *   a reason)
 * @error: return location for an error
 *
 * As evident_session_record_verdict(), setting @status: a failed verdict
 * may set "in progress" as well as "not met"; one edit, one step of undo.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_session_record_verdict_with_status (EvidentSession  *self,
                                            EvidentItem     *item,
                                            EvidentVerdict   verdict,
                                            const char      *finding,
                                            EvidentStatus    status,
                                            GError         **error)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), FALSE);
  g_return_val_if_fail (verdict > EVIDENT_VERDICT_NONE && verdict < EVIDENT_N_VERDICTS, FALSE);
  g_return_val_if_fail (status < EVIDENT_N_STATUSES, FALSE);

  return record_verdict (self, item, verdict, finding, TRUE, status, error);
}

/* The history of the verdicts */

void
evident_verdict_record_free (EvidentVerdictRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->session_date);
  g_strfreev (record->participants);
  g_free (record->ref);
  g_free (record->chapter);
  g_free (record->status_set);
  g_free (record->finding);
  g_clear_pointer (&record->at, g_date_time_unref);
  g_free (record->who);
  g_free (record);
}

static EvidentVerdictRecord *
record_from_row (EvidentAudit *self,
                 sqlite3_stmt *stmt,
                 GHashTable   *seen)
{
  EvidentVerdictRecord *record = g_new0 (EvidentVerdictRecord, 1);
  EvidentSession *session;
  g_autofree char *key = NULL;

  record->id = sqlite3_column_int64 (stmt, 0);
  record->session = sqlite3_column_int64 (stmt, 1);
  evident_session_kind_from_string (evident_db_column_text (stmt, 2), &record->kind);
  record->session_date = g_strdup (evident_db_column_text (stmt, 3));
  record->ref = g_strdup (evident_db_column_text (stmt, 4));
  record->chapter = g_strdup (evident_db_column_text (stmt, 5));
  evident_verdict_from_string (evident_db_column_text (stmt, 6), &record->verdict);
  record->at = evident_audit_parse_time (evident_db_column_text (stmt, 7));
  record->who = g_strdup (evident_db_column_text (stmt, 8));
  if (!evident_db_column_is_null (stmt, 9))
    record->status_set = g_strdup (evident_db_column_text (stmt, 9));
  if (!evident_db_column_is_null (stmt, 10))
    record->finding = g_strdup (evident_db_column_text (stmt, 10));

  session = evident_audit_lookup_session (self, record->session);
  record->participants = g_strdupv (
      session != NULL ? (char **) evident_session_get_participants (session) : NULL);
  if (record->participants == NULL)
    record->participants = g_new0 (char *, 1);

  /* Newest first: the first of a session and an item is its verdict. */
  key = g_strdup_printf ("%" G_GINT64_FORMAT " %s", record->session, record->ref);
  record->current = !g_hash_table_contains (seen, key);
  g_hash_table_add (seen, g_steal_pointer (&key));
  return record;
}

/**
 * evident_audit_list_verdicts:
 * @self: an audit
 * @session: (nullable): only this session's verdicts
 * @chapter: (nullable): only those on this chapter's items: the history of
 *   a chapter
 * @item: (nullable): only those on this item
 * @error: return location for an error
 *
 * What was reviewed, when, by whom (the session's participants, and who
 * recorded it), with which verdict: every verdict in effect, those an
 * undo took back left out, newest first.
 *
 * Returns: (transfer full) (element-type EvidentVerdictRecord): the
 *   verdicts, or %NULL with @error set
 */
GPtrArray *
evident_audit_list_verdicts (EvidentAudit    *self,
                             EvidentSession  *session,
                             const char      *chapter,
                             EvidentItem     *item,
                             GError         **error)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (EvidentDbStatement) stmt = NULL;
  EvidentDb *db;
  int rc;

  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), NULL);

  db = evident_audit_get_db (self, error);
  if (db == NULL)
    return NULL;
  stmt = evident_db_prepare (db,
                             "SELECT v.id, v.session_id, s.kind, s.date, i.ref, ch.number,"
                             "       v.verdict, c.at, c.who,"
                             "       (SELECT h.new_value FROM history h"
                             "         WHERE h.change_id = v.change_id AND h.item_id = v.item_id"
                             "           AND h.field = 'status'),"
                             "       (SELECT f.text FROM findings f WHERE f.verdict_id = v.id)"
                             "  FROM verdicts v"
                             "  JOIN changes c ON c.id = v.change_id"
                             "  JOIN sessions s ON s.id = v.session_id"
                             "  JOIN changes sc ON sc.id = s.change_id"
                             "  JOIN items i ON i.id = v.item_id"
                             "  JOIN chapters ch ON ch.id = i.chapter_id"
                             " WHERE c.state IN (0, 3) AND sc.state IN (0, 3)"
                             "   AND (?1 IS NULL OR v.session_id = ?1)"
                             "   AND (?2 IS NULL OR ch.number = ?2)"
                             "   AND (?3 IS NULL OR v.item_id = ?3)"
                             " ORDER BY v.id DESC",
                             error);
  if (stmt == NULL)
    return NULL;
  if (session != NULL)
    sqlite3_bind_int64 (stmt, 1, evident_session_get_id (session));
  if (chapter != NULL)
    sqlite3_bind_text (stmt, 2, chapter, -1, SQLITE_TRANSIENT);
  if (item != NULL)
    sqlite3_bind_int64 (stmt, 3, evident_item_get_id (item));

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) evident_verdict_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (self, stmt, seen));
  if (!evident_db_step_end (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&records);
}
