/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading the audit from the project file: the exemptions in force, the
 * sessions with their state, verdicts and agenda, and the findings with
 * their state. Objects already known are kept and updated, so that a list
 * changes only where the file did. Rows count while the change that made
 * them is done (changes.state 0 or 3). */

#include "config.h"

#include "evident-audit-private.h"
#include "evident-item.h"
#include "evident-project.h"
#include "evident-session.h"

static GHashTable *
new_id_table (GDestroyNotify value_free)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, value_free);
}

static gint64 *
dup_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static EvidentItem *
lookup_item (EvidentAudit *self,
             const char   *ref)
{
  EvidentProject *project = evident_audit_get_project (self);

  return project != NULL && *ref != '\0' ? evident_project_lookup_item (project, ref) : NULL;
}

/* Exemptions */

gboolean
evident_audit_load_exemptions (EvidentAudit  *self,
                               EvidentDb     *db,
                               GListStore    *list,
                               GError       **error)
{
  g_autoptr (GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) known = new_id_table (g_object_unref);
  g_auto (EvidentDbStatement) stmt = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  int rc;

  for (guint i = 0; i < n; i++)
    {
      EvidentExemption *exemption = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_hash_table_insert (known, dup_id (evident_exemption_get_id (exemption)), exemption);
    }

  stmt = evident_db_prepare (db,
                             "SELECT e.id, ch.number, s.number, coalesce (s.title, ch.title),"
                             "       e.reason, coalesce (e.evidence_id, 0), c.at, c.who,"
                             "       (SELECT count (*) FROM exemption_items x"
                             "         WHERE x.exemption_id = e.id)"
                             "  FROM exemptions e"
                             "  JOIN changes c ON c.id = e.change_id"
                             "  JOIN chapters ch ON ch.id = e.chapter_id"
                             "  LEFT JOIN sections s ON s.id = e.section_id"
                             "  LEFT JOIN changes l ON l.id = e.lift_change_id"
                             " WHERE c.state IN (0, 3) AND (l.id IS NULL OR l.state IN (1, 2))"
                             " ORDER BY ch.position, s.position",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      EvidentExemption *exemption = g_hash_table_lookup (known, &id);

      if (exemption != NULL)
        g_ptr_array_add (objects, g_object_ref (exemption));
      else
        {
          g_autoptr (GDateTime) applied = evident_audit_parse_time (
              evident_db_column_text (stmt, 6));

          g_ptr_array_add (objects,
                           evident_exemption_new (id, evident_db_column_text (stmt, 1),
                                                  evident_db_column_text (stmt, 2),
                                                  evident_db_column_text (stmt, 3),
                                                  evident_db_column_text (stmt, 4),
                                                  sqlite3_column_int64 (stmt, 5), applied,
                                                  evident_db_column_text (stmt, 7),
                                                  sqlite3_column_int (stmt, 8)));
        }
    }
  if (!evident_db_step_end (db, stmt, rc, error))
    return FALSE;

  evident_audit_replace_list (list, objects);
  return TRUE;
}

/* Sessions */

/* Values of (session id, text) rows, in order, as a table of string
 * arrays by session. */
static gboolean
load_strings (EvidentDb   *db,
              const char  *sql,
              GHashTable  *by_session,
              GError     **error)
{
  g_auto (EvidentDbStatement) stmt = evident_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *values = g_hash_table_lookup (by_session, &id);

      if (values == NULL)
        {
          values = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (by_session, dup_id (id), values);
        }
      g_ptr_array_add (values, g_strdup (evident_db_column_text (stmt, 1)));
    }
  return evident_db_step_end (db, stmt, rc, error);
}

static char **
take_strv (GHashTable *by_session,
           gint64      id)
{
  GPtrArray *values = g_hash_table_lookup (by_session, &id);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **strv;

  for (guint i = 0; values != NULL && i < values->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (values, i));
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

/* What changes about the sessions, by session id. */
typedef struct
{
  GHashTable *states;   /* id → GINT_TO_POINTER (state + 1) */
  GHashTable *verdicts; /* id → GHashTable of item id → verdict */
  GHashTable *plans;    /* id → GArray of EvidentSessionPlan */
  GHashTable *times;    /* id → GArray of EvidentSessionTime */
} SessionChanges;

static void
session_changes_clear (SessionChanges *changes)
{
  g_clear_pointer (&changes->states, g_hash_table_unref);
  g_clear_pointer (&changes->verdicts, g_hash_table_unref);
  g_clear_pointer (&changes->plans, g_hash_table_unref);
  g_clear_pointer (&changes->times, g_hash_table_unref);
}

static void
plan_clear (gpointer data)
{
  g_free (((EvidentSessionPlan *) data)->chapter);
}

static void
time_clear (gpointer data)
{
  g_free (((EvidentSessionTime *) data)->chapter);
}

static GArray *
lookup_array (GHashTable     *table,
              gint64          id,
              gsize           size,
              GDestroyNotify  clear)
{
  GArray *array = g_hash_table_lookup (table, &id);

  if (array == NULL)
    {
      array = g_array_new (FALSE, TRUE, size);
      g_array_set_clear_func (array, clear);
      g_hash_table_insert (table, dup_id (id), array);
    }
  return array;
}

static gboolean
load_states_and_verdicts (EvidentDb       *db,
                          SessionChanges  *changes,
                          GError         **error)
{
  g_auto (EvidentDbStatement) states = NULL;
  g_auto (EvidentDbStatement) verdicts = NULL;
  int rc;

  /* The newest state in effect wins. */
  states = evident_db_prepare (db,
                               "SELECT st.session_id, st.state FROM session_states st"
                               "  JOIN changes c ON c.id = st.change_id"
                               " WHERE c.state IN (0, 3) ORDER BY st.id",
                               error);
  if (states == NULL)
    return FALSE;
  while ((rc = sqlite3_step (states)) == SQLITE_ROW)
    {
      EvidentSessionState state = EVIDENT_SESSION_PLANNED;

      evident_session_state_from_string (evident_db_column_text (states, 1), &state);
      g_hash_table_insert (changes->states, dup_id (sqlite3_column_int64 (states, 0)),
                           GINT_TO_POINTER (state + 1));
    }
  if (!evident_db_step_end (db, states, rc, error))
    return FALSE;

  /* The newest verdict in effect on an item wins. */
  verdicts = evident_db_prepare (db,
                                 "SELECT v.session_id, v.item_id, v.verdict FROM verdicts v"
                                 "  JOIN changes c ON c.id = v.change_id"
                                 " WHERE c.state IN (0, 3) ORDER BY v.id",
                                 error);
  if (verdicts == NULL)
    return FALSE;
  while ((rc = sqlite3_step (verdicts)) == SQLITE_ROW)
    {
      gint64 session = sqlite3_column_int64 (verdicts, 0);
      GHashTable *items = g_hash_table_lookup (changes->verdicts, &session);
      EvidentVerdict verdict = EVIDENT_VERDICT_NONE;

      if (items == NULL)
        {
          items = new_id_table (NULL);
          g_hash_table_insert (changes->verdicts, dup_id (session), items);
        }
      evident_verdict_from_string (evident_db_column_text (verdicts, 2), &verdict);
      g_hash_table_insert (items, dup_id (sqlite3_column_int64 (verdicts, 1)),
                           GINT_TO_POINTER (verdict));
    }
  return evident_db_step_end (db, verdicts, rc, error);
}

static gboolean
load_agendas (EvidentDb       *db,
              SessionChanges  *changes,
              GError         **error)
{
  g_auto (EvidentDbStatement) plans = NULL;
  g_auto (EvidentDbStatement) times = NULL;
  int rc;

  plans = evident_db_prepare (db,
                              "SELECT p.session_id, p.chapter_id, ch.number, p.day, p.minutes"
                              "  FROM agenda_plans p JOIN chapters ch ON ch.id = p.chapter_id"
                              " ORDER BY p.session_id, ch.position",
                              error);
  if (plans == NULL)
    return FALSE;
  while ((rc = sqlite3_step (plans)) == SQLITE_ROW)
    {
      GArray *array = lookup_array (changes->plans, sqlite3_column_int64 (plans, 0),
                                    sizeof (EvidentSessionPlan), plan_clear);
      EvidentSessionPlan plan = {
        sqlite3_column_int64 (plans, 1), g_strdup (evident_db_column_text (plans, 2)),
        sqlite3_column_int (plans, 3), sqlite3_column_int (plans, 4),
      };

      g_array_append_val (array, plan);
    }
  if (!evident_db_step_end (db, plans, rc, error))
    return FALSE;

  times = evident_db_prepare (db,
                              "SELECT t.session_id, ch.number, t.started_at, t.stopped_at"
                              "  FROM agenda_times t JOIN chapters ch ON ch.id = t.chapter_id"
                              " ORDER BY t.id",
                              error);
  if (times == NULL)
    return FALSE;
  while ((rc = sqlite3_step (times)) == SQLITE_ROW)
    {
      GArray *array = lookup_array (changes->times, sqlite3_column_int64 (times, 0),
                                    sizeof (EvidentSessionTime), time_clear);
      g_autoptr (GDateTime) start = evident_audit_parse_time (evident_db_column_text (times, 2));
      g_autoptr (GDateTime) stop = NULL;
      EvidentSessionTime time = { g_strdup (evident_db_column_text (times, 1)),
                                  g_date_time_to_unix (start), 0 };

      if (!evident_db_column_is_null (times, 3))
        {
          stop = evident_audit_parse_time (evident_db_column_text (times, 3));
          time.stop = g_date_time_to_unix (stop);
        }
      g_array_append_val (array, time);
    }
  return evident_db_step_end (db, times, rc, error);
}

static EvidentSession *
session_from_row (EvidentAudit  *self,
                  sqlite3_stmt  *stmt,
                  GHashTable    *chapters,
                  GHashTable    *participants)
{
  g_autoptr (GDateTime) created = evident_audit_parse_time (evident_db_column_text (stmt, 7));
  g_auto (GStrv) scope = take_strv (chapters, sqlite3_column_int64 (stmt, 0));
  g_auto (GStrv) names = take_strv (participants, sqlite3_column_int64 (stmt, 0));
  EvidentSessionRow row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .date = evident_db_column_text (stmt, 2),
    .days = sqlite3_column_int (stmt, 3),
    .day_start = sqlite3_column_int (stmt, 4),
    .day_minutes = sqlite3_column_int (stmt, 5),
    .title = evident_db_column_text (stmt, 6),
    .created = created,
    .created_by = evident_db_column_text (stmt, 8),
  };

  evident_session_kind_from_string (evident_db_column_text (stmt, 1), &row.kind);
  return evident_session_new (self, &row, scope, names);
}

gboolean
evident_audit_load_sessions (EvidentAudit  *self,
                             EvidentDb     *db,
                             GListStore    *list,
                             GHashTable    *by_id,
                             GError       **error)
{
  g_autoptr (GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) chapters = new_id_table ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) participants = new_id_table ((GDestroyNotify) g_ptr_array_unref);
  g_auto (EvidentDbStatement) stmt = NULL;
  SessionChanges changes = {
    new_id_table (NULL), new_id_table ((GDestroyNotify) g_hash_table_unref),
    new_id_table ((GDestroyNotify) g_array_unref), new_id_table ((GDestroyNotify) g_array_unref),
  };
  gboolean ok = FALSE;
  int rc;

  if (!load_strings (db,
                     "SELECT sc.session_id, ch.number FROM session_chapters sc"
                     "  JOIN chapters ch ON ch.id = sc.chapter_id"
                     " ORDER BY sc.session_id, ch.position",
                     chapters, error)
      || !load_strings (db,
                        "SELECT session_id, name FROM session_participants"
                        " ORDER BY session_id, position",
                        participants, error)
      || !load_states_and_verdicts (db, &changes, error) || !load_agendas (db, &changes, error))
    goto out;

  stmt = evident_db_prepare (db,
                             "SELECT s.id, s.kind, s.date, s.days, s.day_start, s.day_minutes,"
                             "       s.title, c.at, c.who"
                             "  FROM sessions s JOIN changes c ON c.id = s.change_id"
                             " WHERE c.state IN (0, 3) ORDER BY s.date, s.id",
                             error);
  if (stmt == NULL)
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      EvidentSession *session = g_hash_table_lookup (by_id, &id);

      g_ptr_array_add (objects, session != NULL ? g_object_ref (session)
                                                : session_from_row (self, stmt, chapters,
                                                                    participants));
    }
  if (!evident_db_step_end (db, stmt, rc, error))
    goto out;

  g_hash_table_remove_all (by_id);
  for (guint i = 0; i < objects->len; i++)
    {
      EvidentSession *session = g_ptr_array_index (objects, i);
      gint64 id = evident_session_get_id (session);
      gpointer state = g_hash_table_lookup (changes.states, &id);

      g_hash_table_insert (by_id, dup_id (id), g_object_ref (session));
      evident_session_update (session,
                              state != NULL ? GPOINTER_TO_INT (state) - 1
                                            : EVIDENT_SESSION_PLANNED,
                              g_hash_table_lookup (changes.verdicts, &id),
                              g_hash_table_lookup (changes.plans, &id),
                              g_hash_table_lookup (changes.times, &id));
    }
  evident_audit_replace_list (list, objects);
  ok = TRUE;

out:
  session_changes_clear (&changes);
  return ok;
}

/* Findings */

/* What the edit @change did, in a few words: "8.2.1 status → met". */
static char *
summarize_change (EvidentDb *db,
                  gint64     change)
{
  g_auto (EvidentDbStatement) stmt = NULL;
  g_autoptr (GString) summary = g_string_new (NULL);
  guint n = 0;

  stmt = evident_db_prepare (db,
                             "SELECT coalesce (i.ref, ''), h.field, h.new_value FROM history h"
                             "  LEFT JOIN items i ON i.id = h.item_id"
                             " WHERE h.change_id = ? ORDER BY h.id",
                             NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, change);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *value = evident_db_column_text (stmt, 2);

      if (n++ == 3)
        {
          g_string_append (summary, ", …");
          break;
        }
      g_string_append_printf (summary, "%s%s %s → %s", summary->len > 0 ? ", " : "",
                              evident_db_column_text (stmt, 0), evident_db_column_text (stmt, 1),
                              *value != '\0' ? value : "—");
    }
  return summary->len > 0 ? g_strdup (summary->str) : NULL;
}

#define FINDINGS_SELECT                                                                           \
  "SELECT f.id, f.session_id, coalesce (i.ref, ''), coalesce (v.verdict, ''), f.text,"            \
  "       c.at, c.who, coalesce (u.state, 'open'), uc.at, uc.who, coalesce (u.fixed_by, 0),"      \
  "       u.note"                                                                                 \
  "  FROM findings f"                                                                             \
  "  JOIN changes c ON c.id = f.change_id"                                                        \
  "  LEFT JOIN items i ON i.id = f.item_id"                                                       \
  "  LEFT JOIN verdicts v ON v.id = f.verdict_id"                                                 \
  "  LEFT JOIN finding_updates u ON u.id = ("                                                     \
  "    SELECT u2.id FROM finding_updates u2 JOIN changes c2 ON c2.id = u2.change_id"              \
  "     WHERE u2.finding_id = f.id AND c2.state IN (0, 3) ORDER BY u2.id DESC LIMIT 1)"           \
  "  LEFT JOIN changes uc ON uc.id = u.change_id"                                                 \
  " WHERE c.state IN (0, 3)"                                                                      \
  " ORDER BY f.id"

gboolean
evident_audit_load_findings (EvidentAudit  *self,
                             EvidentDb     *db,
                             GListStore    *list,
                             GHashTable    *by_id,
                             GError       **error)
{
  g_autoptr (GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto (EvidentDbStatement) stmt = evident_db_prepare (db, FINDINGS_SELECT, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GDateTime) created = evident_audit_parse_time (evident_db_column_text (stmt, 5));
      g_autoptr (GDateTime) addressed = NULL;
      g_autofree char *summary = NULL;
      EvidentFindingRow row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .session = sqlite3_column_int64 (stmt, 1),
        .item = lookup_item (self, evident_db_column_text (stmt, 2)),
        .text = evident_db_column_text (stmt, 4),
        .created = created,
        .created_by = evident_db_column_text (stmt, 6),
        .fixed_by = sqlite3_column_int64 (stmt, 10),
      };
      EvidentFinding *finding;

      evident_verdict_from_string (evident_db_column_text (stmt, 3), &row.verdict);
      if (g_str_equal (evident_db_column_text (stmt, 7), "addressed"))
        {
          row.state = EVIDENT_FINDING_ADDRESSED;
          addressed = evident_audit_parse_time (evident_db_column_text (stmt, 8));
          row.addressed = addressed;
          row.addressed_by = evident_db_column_text (stmt, 9);
          row.note = evident_db_column_is_null (stmt, 11) ? NULL : evident_db_column_text (stmt, 11);
          if (row.fixed_by > 0)
            row.fix_summary = summary = summarize_change (db, row.fixed_by);
        }

      finding = g_hash_table_lookup (by_id, &row.id);
      if (finding != NULL)
        {
          evident_finding_update (finding, &row);
          g_object_ref (finding);
        }
      else
        finding = evident_finding_new (self, &row);
      g_ptr_array_add (objects, finding);
    }
  if (!evident_db_step_end (db, stmt, rc, error))
    return FALSE;

  g_hash_table_remove_all (by_id);
  for (guint i = 0; i < objects->len; i++)
    {
      EvidentFinding *finding = g_ptr_array_index (objects, i);

      g_hash_table_insert (by_id, dup_id (evident_finding_get_id (finding)),
                           g_object_ref (finding));
    }
  evident_audit_replace_list (list, objects);
  return TRUE;
}

#undef FINDINGS_SELECT
