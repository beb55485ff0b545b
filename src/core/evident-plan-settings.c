/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A project's settings for planning: the days an item of each complexity
 * takes, and the audit date; days and dates as people write them. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "evident-enums-util.h"
#include "evident-history.h"
#include "evident-item.h"
#include "evident-plan-settings-private.h"
#include "evident-project-private.h"

G_DEFINE_QUARK (evident-plan-error-quark, evident_plan_error)

/* The keys in the project file's `project` table. */
static const char *effort_keys[EVIDENT_N_COMPLEXITIES] = {
  [EVIDENT_COMPLEXITY_LOW] = "effort-low",
  [EVIDENT_COMPLEXITY_MEDIUM] = "effort-medium",
  [EVIDENT_COMPLEXITY_HIGH] = "effort-high",
};
#define AUDIT_DATE_KEY "audit-date"

void
evident_plan_settings_init (EvidentPlanSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->effort[EVIDENT_COMPLEXITY_NONE] = EVIDENT_DEFAULT_EFFORT_MEDIUM;
  settings->effort[EVIDENT_COMPLEXITY_LOW] = EVIDENT_DEFAULT_EFFORT_LOW;
  settings->effort[EVIDENT_COMPLEXITY_MEDIUM] = EVIDENT_DEFAULT_EFFORT_MEDIUM;
  settings->effort[EVIDENT_COMPLEXITY_HIGH] = EVIDENT_DEFAULT_EFFORT_HIGH;
  g_date_clear (&settings->audit_date, 1);
}

/* Days */

/**
 * evident_days_parse:
 * @text: a number of days: digits with a decimal point or comma, e.g.
 *   "3", "2.5", "0,5"
 * @days: (out): the days, rounded to a hundredth
 *
 * Returns: whether @text is a number of days from 0 to %EVIDENT_MAX_DAYS
 *   and nothing else (white space around it aside)
 */
gboolean
evident_days_parse (const char *text,
                    double     *days)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 whole = 0;
  gint64 hundredths = 0;
  guint n_digits = 0;
  guint n_decimals = 0;
  gboolean separator = FALSE;

  /* Digits, read exactly: 1.005 rounds to 1.01, as written. */
  for (const char *p = copy; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && !separator)
        {
          if (++n_digits > 6)
            return FALSE;
          whole = whole * 10 + (*p - '0');
        }
      else if (g_ascii_isdigit (*p))
        {
          n_digits++;
          if (n_decimals < 2)
            hundredths = hundredths * 10 + (*p - '0');
          else if (n_decimals == 2 && *p >= '5')
            hundredths++;
          n_decimals++;
        }
      else if ((*p == '.' || *p == ',') && !separator)
        separator = TRUE;
      else
        return FALSE;
    }
  if (n_digits == 0)
    return FALSE;
  for (; n_decimals < 2; n_decimals++)
    hundredths *= 10;

  hundredths += whole * 100;
  if (hundredths > (gint64) EVIDENT_MAX_DAYS * 100)
    return FALSE;
  *days = hundredths / 100.0;
  return TRUE;
}

/**
 * evident_days_to_hundredths:
 * @days: days, from 0 to %EVIDENT_MAX_DAYS
 *
 * Returns: @days in hundredths of a day, rounded: efforts add up exactly
 *   in these
 */
gint64
evident_days_to_hundredths (double days)
{
  return llround (CLAMP (days, 0.0, EVIDENT_MAX_DAYS) * 100.0);
}

/**
 * evident_days_format:
 * @days: days
 *
 * Returns: (transfer full): @days as the project file and the command
 *   line write them, whatever the locale: "3", "2.5", "0.25"
 */
char *
evident_days_format (double days)
{
  gint64 hundredths = evident_days_to_hundredths (days);
  gint64 whole = hundredths / 100;
  gint64 fraction = hundredths % 100;

  if (fraction == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, whole);
  if (fraction % 10 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, whole, fraction / 10);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT, whole, fraction);
}

/* Dates */

/**
 * evident_date_parse:
 * @text: a date as YYYY-MM-DD
 * @date: (out caller-allocates): the date
 *
 * Returns: whether @text is a valid date and nothing else
 */
gboolean
evident_date_parse (const char *text,
                    GDate      *date)
{
  int y, m, d;
  char end;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/**
 * evident_date_format:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as YYYY-MM-DD
 */
char *
evident_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Settings */

/**
 * evident_plan_settings_parse_efforts:
 * @settings: settings to change
 * @spec: efforts as "low=1,medium=3,high=8"; any of the three, in any order
 * @error: return location for an error
 *
 * Sets the efforts @spec names and leaves the others. On an error,
 * @settings is left as it was.
 *
 * Returns: %TRUE when @spec was understood
 */
gboolean
evident_plan_settings_parse_efforts (EvidentPlanSettings  *settings,
                                     const char           *spec,
                                     GError              **error)
{
  g_auto (GStrv) parts = NULL;
  double effort[EVIDENT_N_COMPLEXITIES];

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  memcpy (effort, settings->effort, sizeof effort);
  parts = g_strsplit (spec, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      char *value = strchr (part, '=');
      EvidentComplexity complexity;

      if (*part == '\0')
        continue;
      if (value == NULL)
        {
          g_set_error (error, EVIDENT_PLAN_ERROR, EVIDENT_PLAN_ERROR_INVALID,
                       _("“%s” is not an effort; write e.g. low=1,medium=3,high=8"), part);
          return FALSE;
        }
      *value++ = '\0';
      g_strstrip (part);
      if (!evident_complexity_from_string (part, &complexity)
          || complexity == EVIDENT_COMPLEXITY_NONE)
        {
          g_set_error (error, EVIDENT_PLAN_ERROR, EVIDENT_PLAN_ERROR_INVALID,
                       _("“%s” is not a complexity; use low, medium or high"), part);
          return FALSE;
        }
      if (!evident_days_parse (value, &effort[complexity]))
        {
          g_set_error (error, EVIDENT_PLAN_ERROR, EVIDENT_PLAN_ERROR_INVALID,
                       _("“%s” is not a number of days; use a number from 0 to 10000, e.g. 2.5"),
                       g_strstrip (value));
          return FALSE;
        }
    }

  effort[EVIDENT_COMPLEXITY_NONE] = effort[EVIDENT_COMPLEXITY_MEDIUM];
  memcpy (settings->effort, effort, sizeof effort);
  return TRUE;
}

/**
 * evident_plan_settings_format_efforts:
 *
 * Returns: (transfer full): the efforts as "low=1,medium=3,high=8"
 */
char *
evident_plan_settings_format_efforts (const EvidentPlanSettings *settings)
{
  g_autofree char *low = evident_days_format (settings->effort[EVIDENT_COMPLEXITY_LOW]);
  g_autofree char *medium = evident_days_format (settings->effort[EVIDENT_COMPLEXITY_MEDIUM]);
  g_autofree char *high = evident_days_format (settings->effort[EVIDENT_COMPLEXITY_HIGH]);

  return g_strdup_printf ("low=%s,medium=%s,high=%s", low, medium, high);
}

/**
 * evident_plan_settings_set_audit_date:
 * @settings: settings to change
 * @date: (nullable): the audit date as YYYY-MM-DD; %NULL or "" for none
 * @error: return location for an error
 *
 * Returns: %TRUE when @date was understood
 */
gboolean
evident_plan_settings_set_audit_date (EvidentPlanSettings  *settings,
                                      const char           *date,
                                      GError              **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (date != NULL ? date : ""));
  GDate parsed;

  g_return_val_if_fail (settings != NULL, FALSE);

  if (*stripped == '\0')
    {
      g_date_clear (&settings->audit_date, 1);
      return TRUE;
    }
  if (!evident_date_parse (stripped, &parsed))
    {
      g_set_error (error, EVIDENT_PLAN_ERROR, EVIDENT_PLAN_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD"), stripped);
      return FALSE;
    }
  settings->audit_date = parsed;
  return TRUE;
}

/**
 * evident_plan_settings_dup_audit_date:
 *
 * Returns: (transfer full) (nullable): the audit date as YYYY-MM-DD, or
 *   %NULL when none is set
 */
char *
evident_plan_settings_dup_audit_date (const EvidentPlanSettings *settings)
{
  g_return_val_if_fail (settings != NULL, NULL);

  if (!g_date_valid (&settings->audit_date))
    return NULL;
  return evident_date_format (&settings->audit_date);
}

/**
 * evident_plan_settings_get_effort:
 * @complexity: a complexity
 *
 * Returns: the days an item of @complexity takes; an unrated item as long
 *   as a medium one
 */
double
evident_plan_settings_get_effort (const EvidentPlanSettings *settings,
                                  EvidentComplexity          complexity)
{
  g_return_val_if_fail (settings != NULL, 0);
  g_return_val_if_fail (complexity < EVIDENT_N_COMPLEXITIES, 0);

  if (complexity == EVIDENT_COMPLEXITY_NONE)
    complexity = EVIDENT_COMPLEXITY_MEDIUM;
  return settings->effort[complexity];
}

/**
 * evident_plan_settings_item_effort:
 * @settings: plan settings
 * @item: an item
 * @estimated: (out) (optional): whether the item's own estimate gave it
 *
 * Returns: the days @item takes: its own estimate when it has one, else
 *   the effort of its complexity (an unrated item's: medium's)
 */
double
evident_plan_settings_item_effort (const EvidentPlanSettings *settings,
                                   EvidentItem               *item,
                                   gboolean                  *estimated)
{
  double estimate;

  g_return_val_if_fail (settings != NULL, 0);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), 0);

  estimate = evident_item_get_estimate (item);
  if (estimated != NULL)
    *estimated = estimate >= 0;
  if (estimate >= 0)
    return estimate;
  return evident_plan_settings_get_effort (settings, evident_item_get_complexity (item));
}

/* In the project file */

gboolean
evident_plan_settings_load_key (EvidentPlanSettings *settings,
                                const char          *key,
                                const char          *value)
{
  if (g_str_equal (key, AUDIT_DATE_KEY))
    {
      if (!evident_plan_settings_set_audit_date (settings, value, NULL))
        g_warning ("Ignoring the audit date “%s”, which is not a date", value);
      return TRUE;
    }

  for (guint c = EVIDENT_COMPLEXITY_LOW; c < EVIDENT_N_COMPLEXITIES; c++)
    {
      if (g_str_equal (key, effort_keys[c]))
        {
          if (!evident_days_parse (value, &settings->effort[c]))
            g_warning ("Ignoring the effort “%s” for %s items, which is not a number of days",
                       value, evident_complexity_to_string (c));
          settings->effort[EVIDENT_COMPLEXITY_NONE] = settings->effort[EVIDENT_COMPLEXITY_MEDIUM];
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
write_key (EvidentDb   *db,
           const char  *key,
           const char  *value,
           GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             value != NULL ? "INSERT OR REPLACE INTO project (key, value)"
                                             " VALUES (?1, ?2)"
                                           : "DELETE FROM project WHERE key = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return evident_db_step_done (db, stmt, error);
}

/* One key's change, for the history */
typedef struct
{
  const char *key;
  char       *old_value;
  char       *new_value;
} KeyChange;

static void
key_change_clear (gpointer data)
{
  KeyChange *change = data;

  g_clear_pointer (&change->old_value, g_free);
  g_clear_pointer (&change->new_value, g_free);
}

static GArray *
key_changes_new (void)
{
  GArray *changes = g_array_new (FALSE, TRUE, sizeof (KeyChange));

  g_array_set_clear_func (changes, key_change_clear);
  return changes;
}

static gboolean
read_key (EvidentDb   *db,
          const char  *key,
          char       **value,
          GError     **error)
{
  sqlite3_stmt *stmt = evident_db_prepare (db, "SELECT value FROM project WHERE key = ?1",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  *value = NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_free (*value);
      *value = g_strdup (evident_db_column_text (stmt, 0));
    }
  return evident_db_step_end (db, stmt, rc, error);
}

/* Writes @changes' new values, each with its row in setting_history for
 * the change just inserted (the newest); inside its transaction. */
static gboolean
write_key_changes (EvidentDb   *db,
                   GArray      *changes,
                   GError     **error)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const KeyChange *change = &g_array_index (changes, KeyChange, i);
      sqlite3_stmt *stmt;

      if (!write_key (db, change->key, change->new_value, error))
        return FALSE;
      stmt = evident_db_prepare (db,
                                 "INSERT INTO setting_history (change_id, key, old_value,"
                                 "                             new_value)"
                                 " VALUES ((SELECT max (id) FROM changes), ?1, ?2, ?3)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, change->key, -1, SQLITE_STATIC);
      evident_db_bind_text_or_null (stmt, 2, change->old_value);
      evident_db_bind_text_or_null (stmt, 3, change->new_value);
      if (!evident_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The edit's prepare step: the keys whose stored value @settings changes */
static gboolean
write_settings_cb (EvidentDb  *db,
                   GArray     *edits,
                   gpointer    user_data,
                   GError    **error)
{
  const EvidentPlanSettings *settings = user_data;
  g_autoptr (GArray) changes = key_changes_new ();
  const char *keys[] = {
    effort_keys[EVIDENT_COMPLEXITY_LOW],
    effort_keys[EVIDENT_COMPLEXITY_MEDIUM],
    effort_keys[EVIDENT_COMPLEXITY_HIGH],
    AUDIT_DATE_KEY,
  };
  char *values[G_N_ELEMENTS (keys)] = {
    evident_days_format (settings->effort[EVIDENT_COMPLEXITY_LOW]),
    evident_days_format (settings->effort[EVIDENT_COMPLEXITY_MEDIUM]),
    evident_days_format (settings->effort[EVIDENT_COMPLEXITY_HIGH]),
    evident_plan_settings_dup_audit_date (settings),
  };
  EvidentPlanSettings defaults;
  gboolean ok = TRUE;

  evident_plan_settings_init (&defaults);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      KeyChange change = { keys[i], NULL, values[i] };
      /* No value is the default: saving the default where there was none
       * changes nothing, and the history would say "1 → 1 day". */
      EvidentComplexity complexity = EVIDENT_COMPLEXITY_LOW + i;
      g_autofree char *default_value = complexity <= EVIDENT_COMPLEXITY_HIGH
                                       ? evident_days_format (defaults.effort[complexity])
                                       : NULL;

      values[i] = NULL;
      if (ok && !read_key (db, keys[i], &change.old_value, error))
        ok = FALSE;
      if (g_strcmp0 (change.old_value != NULL ? change.old_value : default_value,
                     change.new_value) == 0)
        key_change_clear (&change);
      else
        g_array_append_val (changes, change);
    }
  return ok && write_key_changes (db, changes, error);
}

/* Loads the plan settings from the file again, after an undo or a redo. */
static gboolean
reload_settings (EvidentProject  *project,
                 GError         **error)
{
  EvidentDb *db = evident_project_get_db (project);
  EvidentPlanSettings settings;
  sqlite3_stmt *stmt;
  int rc;

  stmt = evident_db_prepare (db,
                             "SELECT key, value FROM project WHERE key IN ('effort-low',"
                             " 'effort-medium', 'effort-high', '" AUDIT_DATE_KEY "')",
                             error);
  if (stmt == NULL)
    return FALSE;
  evident_plan_settings_init (&settings);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    evident_plan_settings_load_key (&settings, evident_db_column_text (stmt, 0),
                                    evident_db_column_text (stmt, 1));
  if (!evident_db_step_end (db, stmt, rc, error))
    return FALSE;
  *evident_project_peek_plan_settings (project) = settings;
  return TRUE;
}

/**
 * evident_plan_settings_switch:
 * @db: the project's connection, in the undo's or redo's transaction
 * @edits: the items' edits of the undo or redo (not used)
 * @user_data: an #EvidentPlanSettingsSwitch
 * @error: return location for an error
 *
 * An #EvidentEditPrepareFunc for undo and redo: when the change undone or
 * redone set plan settings, writes their values before (undo) or after
 * (redo) it, with rows of the undo's or redo's own, and sets the
 * switch's @switched.
 *
 * Returns: %TRUE on success, whether or not the change set any
 */
gboolean
evident_plan_settings_switch (EvidentDb  *db,
                              GArray     *edits,
                              gpointer    user_data,
                              GError    **error)
{
  EvidentPlanSettingsSwitch *data = user_data;
  g_autoptr (GArray) changes = key_changes_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = evident_db_prepare (db,
                             "SELECT key, old_value, new_value FROM setting_history"
                             " WHERE change_id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->change);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = evident_db_column_text (stmt, 0);
      KeyChange change = { NULL, NULL, NULL };
      int from = data->undo ? 2 : 1;
      int to = data->undo ? 1 : 2;

      /* The key as a constant, for the statements to bind as static. */
      for (guint c = EVIDENT_COMPLEXITY_LOW; c < EVIDENT_N_COMPLEXITIES; c++)
        if (g_strcmp0 (key, effort_keys[c]) == 0)
          change.key = effort_keys[c];
      if (g_strcmp0 (key, AUDIT_DATE_KEY) == 0)
        change.key = AUDIT_DATE_KEY;
      if (change.key == NULL)
        continue;
      if (!evident_db_column_is_null (stmt, from))
        change.old_value = g_strdup (evident_db_column_text (stmt, from));
      if (!evident_db_column_is_null (stmt, to))
        change.new_value = g_strdup (evident_db_column_text (stmt, to));
      g_array_append_val (changes, change);
    }
  if (!evident_db_step_end (db, stmt, rc, error))
    return FALSE;

  data->switched = changes->len > 0;
  return write_key_changes (db, changes, error);
}

/**
 * evident_plan_settings_switched:
 * @project: a project
 * @data: the switch an undo or a redo ran with
 *
 * After the undo or redo committed: the project's plan settings as the
 * file now has them, when it set any.
 */
void
evident_plan_settings_switched (EvidentProject                  *project,
                                const EvidentPlanSettingsSwitch *data)
{
  g_autoptr (GError) error = NULL;

  if (data->switched && !reload_settings (project, &error))
    g_warning ("Cannot read the plan settings of %s: %s", evident_project_get_path (project),
               error->message);
}

/**
 * evident_plan_settings_equal:
 * @a: plan settings
 * @b: plan settings
 *
 * Returns: whether @a and @b are saved the same: efforts to a hundredth
 *   of a day, the same audit date or none
 */
gboolean
evident_plan_settings_equal (const EvidentPlanSettings *a,
                             const EvidentPlanSettings *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  for (guint c = EVIDENT_COMPLEXITY_LOW; c < EVIDENT_N_COMPLEXITIES; c++)
    {
      if (evident_days_to_hundredths (a->effort[c]) != evident_days_to_hundredths (b->effort[c]))
        return FALSE;
    }
  if (g_date_valid (&a->audit_date) != g_date_valid (&b->audit_date))
    return FALSE;
  return !g_date_valid (&a->audit_date) || g_date_compare (&a->audit_date, &b->audit_date) == 0;
}

/**
 * evident_project_get_plan_settings:
 * @project: a project
 *
 * Returns: (transfer none): the project's plan settings, as saved; the
 *   defaults (low 1, medium 3, high 8 days, no audit date) when none are
 */
const EvidentPlanSettings *
evident_project_get_plan_settings (EvidentProject *project)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  return evident_project_peek_plan_settings (project);
}

/**
 * evident_project_set_plan_settings:
 * @project: a project
 * @settings: the new settings
 * @error: return location for an error
 *
 * Saves the plan settings as one edit: one transaction, one change in the
 * history (the keys it set, before and after), one step to undo, like an
 * edit of an item; then emits #EvidentProject::changed so that plans and
 * workloads follow. Settings the same as saved change nothing.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_project_set_plan_settings (EvidentProject             *project,
                                   const EvidentPlanSettings  *settings,
                                   GError                    **error)
{
  g_autoptr (GArray) edits = NULL;
  EvidentPlanSettings *current;
  EvidentDb *db;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  for (guint c = EVIDENT_COMPLEXITY_LOW; c < EVIDENT_N_COMPLEXITIES; c++)
    {
      if (!(settings->effort[c] >= 0 && settings->effort[c] <= EVIDENT_MAX_DAYS))
        {
          g_set_error (error, EVIDENT_PLAN_ERROR, EVIDENT_PLAN_ERROR_INVALID,
                       _("The effort for complexity %s must be from 0 to 10000 days"),
                       evident_complexity_to_string (c));
          return FALSE;
        }
    }

  db = evident_project_get_db (project);
  if (db == NULL)
    {
      g_set_error_literal (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                           _("The project is closed"));
      return FALSE;
    }
  /* A read-only project refuses even what would change nothing. */
  if (evident_db_is_read_only (db))
    return evident_db_error_read_only (db, error);
  current = evident_project_peek_plan_settings (project);
  if (evident_plan_settings_equal (current, settings))
    return TRUE;
  edits = evident_edits_new ();
  if (!evident_history_commit (db, "edit", edits, -1, EVIDENT_CHANGE_DONE, write_settings_cb,
                               (gpointer) settings, error))
    return FALSE;

  *current = *settings;
  for (guint c = EVIDENT_COMPLEXITY_LOW; c < EVIDENT_N_COMPLEXITIES; c++)
    current->effort[c] = evident_days_to_hundredths (current->effort[c]) / 100.0;
  current->effort[EVIDENT_COMPLEXITY_NONE] = current->effort[EVIDENT_COMPLEXITY_MEDIUM];
  evident_project_emit_changed (project);
  return TRUE;
}
