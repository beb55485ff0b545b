/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A session's agenda in the project file: minutes planned by hand for a
 * chapter, and the time spent on each chapter as the session moves
 * through them. These are records of what happens, written at once and
 * never undone; the plan and the status are computed by evident-agenda.c. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-audit-private.h"
#include "evident-chapter.h"
#include "evident-item.h"
#include "evident-project.h"

/**
 * evident_session_dup_agenda:
 * @self: a session
 *
 * The agenda of the session's days: its chapters in checklist order with
 * their items in scope, the minutes planned for each (entered by hand, or
 * derived from the items: evident_agenda_derive()), and the time recorded.
 * Compute where the session stands with evident_agenda_get_status().
 *
 * Returns: (transfer full): the agenda
 */
EvidentAgenda *
evident_session_dup_agenda (EvidentSession *self)
{
  EvidentAudit *audit = evident_session_get_audit (self);
  EvidentProject *project = audit != NULL ? evident_audit_get_project (audit) : NULL;
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  EvidentAgenda *agenda;
  GListModel *chapters, *items;
  GArray *plans, *times;
  guint n;

  g_return_val_if_fail (EVIDENT_IS_SESSION (self), NULL);

  agenda = evident_agenda_new (evident_session_get_date (self), evident_session_get_days (self),
                               evident_session_get_day_start (self),
                               evident_session_get_day_minutes (self));
  if (project == NULL)
    return agenda;

  items = evident_project_get_items (project);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      const char *chapter = evident_item_get_chapter (item);

      if (evident_session_covers (self, item))
        g_hash_table_insert (counts, (gpointer) chapter,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                                   g_hash_table_lookup (counts, chapter))
                                               + 1));
    }

  chapters = evident_project_get_chapters (project);
  n = g_list_model_get_n_items (chapters);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);
      const char *number = evident_chapter_get_number (chapter);

      if (evident_session_get_everything (self)
          || g_strv_contains (evident_session_get_chapters (self), number))
        evident_agenda_add_chapter (agenda, number, evident_chapter_get_display_title (chapter),
                                    GPOINTER_TO_UINT (g_hash_table_lookup (counts, number)));
    }

  plans = evident_session_peek_plans (self);
  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      EvidentSessionPlan *plan = &g_array_index (plans, EvidentSessionPlan, i);
      int entry = evident_agenda_find (agenda, plan->chapter);

      if (entry >= 0)
        evident_agenda_enter (agenda, entry, plan->day, plan->minutes);
    }
  evident_agenda_derive (agenda);

  times = evident_session_peek_times (self);
  for (guint i = 0; times != NULL && i < times->len; i++)
    {
      EvidentSessionTime *time = &g_array_index (times, EvidentSessionTime, i);
      int entry = evident_agenda_find (agenda, time->chapter);

      if (entry >= 0)
        evident_agenda_add_interval (agenda, entry, time->start, time->stop);
    }
  return agenda;
}

/* The chapter @number's id, when it is in the session's scope. */
static gboolean
find_scope_chapter (EvidentSession  *self,
                    const char      *number,
                    gint64          *id,
                    GError         **error)
{
  if (!evident_audit_find_chapter (evident_session_get_audit (self), number, id, error))
    return FALSE;
  if (evident_session_get_everything (self)
      || g_strv_contains (evident_session_get_chapters (self), number))
    return TRUE;
  g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_OUT_OF_SCOPE,
               _("Chapter %s is not in the chapters of session %lld"), number,
               (long long) evident_session_get_id (self));
  return FALSE;
}

/* Planning */

typedef struct
{
  gint64 session;
  gint64 chapter;
  guint  day;
  int    minutes;
} Plan;

static gboolean
write_plan (EvidentDb  *db,
            gint64      change,
            gpointer    user_data,
            GError    **error)
{
  Plan *data = user_data;
  sqlite3_stmt *stmt;

  if (data->minutes < 0)
    stmt = evident_db_prepare (db,
                               "DELETE FROM agenda_plans WHERE session_id = ?1"
                               " AND chapter_id = ?2",
                               error);
  else
    stmt = evident_db_prepare (db,
                               "INSERT OR REPLACE INTO agenda_plans (session_id, chapter_id, day,"
                               " minutes) VALUES (?1, ?2, ?3, ?4)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->session);
  sqlite3_bind_int64 (stmt, 2, data->chapter);
  if (data->minutes >= 0)
    {
      sqlite3_bind_int (stmt, 3, data->day);
      sqlite3_bind_int (stmt, 4, data->minutes);
    }
  return evident_db_step_done (db, stmt, error);
}

/**
 * evident_session_plan_chapter:
 * @self: a session
 * @chapter: the number of a chapter in its scope
 * @day: the day to plan it on, from 1
 * @minutes: the minutes planned; -1 to plan it from its items again
 * @error: return location for an error
 *
 * Plans a chapter by hand; the chapters not planned by hand share what is
 * left of their days. Written at once, not undone.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_session_plan_chapter (EvidentSession  *self,
                              const char      *chapter,
                              guint            day,
                              int              minutes,
                              GError         **error)
{
  Plan data = { evident_session_get_id (self), 0, day, minutes };

  g_return_val_if_fail (EVIDENT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (chapter != NULL, FALSE);

  if (!evident_session_check_live (self, FALSE, error)
      || !find_scope_chapter (self, chapter, &data.chapter, error))
    return FALSE;
  if (minutes >= 0 && (day < 1 || day > evident_session_get_days (self)))
    {
      g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID,
                   _("Session %lld has no day %u"), (long long) data.session, day);
      return FALSE;
    }
  if (minutes > (int) evident_session_get_day_minutes (self))
    {
      g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID,
                   _("%d minutes do not fit in a day of session %lld"), minutes,
                   (long long) data.session);
      return FALSE;
    }
  return evident_audit_write (evident_session_get_audit (self), write_plan, &data, error);
}

/* The timer */

typedef struct
{
  gint64     session;
  gint64     chapter;  /* 0: only stop */
  GDateTime *at;
} Timer;

static gboolean
write_timer (EvidentDb  *db,
             gint64      change,
             gpointer    user_data,
             GError    **error)
{
  Timer *data = user_data;
  g_autofree char *at = evident_audit_format_time (data->at);
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             "UPDATE agenda_times SET stopped_at = ?2"
                             " WHERE session_id = ?1 AND stopped_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->session);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
  if (!evident_db_step_done (db, stmt, error))
    return FALSE;
  if (data->chapter == 0)
    return TRUE;

  stmt = evident_db_prepare (db,
                             "INSERT INTO agenda_times (session_id, chapter_id, started_at)"
                             " VALUES (?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->session);
  sqlite3_bind_int64 (stmt, 2, data->chapter);
  sqlite3_bind_text (stmt, 3, at, -1, SQLITE_TRANSIENT);
  return evident_db_step_done (db, stmt, error);
}

/* Time cannot run backwards: @at is not before the running time began. */
static gboolean
check_after_start (EvidentSession  *self,
                   GDateTime       *at,
                   GError         **error)
{
  GArray *times = evident_session_peek_times (self);

  for (guint i = 0; times != NULL && i < times->len; i++)
    {
      EvidentSessionTime *time = &g_array_index (times, EvidentSessionTime, i);

      if (time->stop == 0 && g_date_time_to_unix (at) < time->start)
        {
          g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID,
                       _("Chapter %s started after that time"), time->chapter);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
run_timer (EvidentSession  *self,
           const char      *chapter,
           GDateTime       *at,
           GError         **error)
{
  g_autoptr (GDateTime) now = at != NULL ? g_date_time_ref (at) : g_date_time_new_now_utc ();
  Timer data = { evident_session_get_id (self), 0, now };

  if (!evident_session_check_live (self, TRUE, error)
      || (chapter != NULL && !find_scope_chapter (self, chapter, &data.chapter, error))
      || !check_after_start (self, now, error))
    return FALSE;
  if (g_strcmp0 (chapter, evident_session_get_current_chapter (self)) == 0)
    return TRUE;
  return evident_audit_write (evident_session_get_audit (self), write_timer, &data, error);
}

/**
 * evident_session_start_chapter:
 * @self: a session, not closed
 * @chapter: the number of a chapter in its scope
 * @at: (nullable): when; %NULL: now
 * @error: return location for an error
 *
 * The session moves to @chapter: the time of the chapter running stops,
 * @chapter's starts. Nothing changes when @chapter is running already.
 * Written at once, not undone; #EvidentSession::agenda-changed follows.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_session_start_chapter (EvidentSession  *self,
                               const char      *chapter,
                               GDateTime       *at,
                               GError         **error)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (chapter != NULL, FALSE);

  return run_timer (self, chapter, at, error);
}

/**
 * evident_session_stop_timer:
 * @self: a session, not closed
 * @at: (nullable): when; %NULL: now
 * @error: return location for an error
 *
 * Stops the time of the chapter running (a break, the end of a day).
 * Nothing changes when none runs.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_session_stop_timer (EvidentSession  *self,
                            GDateTime       *at,
                            GError         **error)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), FALSE);

  return run_timer (self, NULL, at, error);
}
