/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A project's settings for planning: the days an item of each complexity
 * takes, and the audit date; days and dates as people write them. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "evident-enums-util.h"
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

static gboolean
write_settings (EvidentDb                  *db,
                const EvidentPlanSettings  *settings,
                GError                    **error)
{
  g_autofree char *date = evident_plan_settings_dup_audit_date (settings);

  for (guint c = EVIDENT_COMPLEXITY_LOW; c < EVIDENT_N_COMPLEXITIES; c++)
    {
      g_autofree char *days = evident_days_format (settings->effort[c]);

      if (!write_key (db, effort_keys[c], days, error))
        return FALSE;
    }
  return write_key (db, AUDIT_DATE_KEY, date, error);
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
 * Saves the plan settings in one transaction, then emits
 * #EvidentProject::changed so that plans and workloads follow. They are
 * the project's settings, not an edit of an item: they are not in the
 * history and not undone.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_project_set_plan_settings (EvidentProject             *project,
                                   const EvidentPlanSettings  *settings,
                                   GError                    **error)
{
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
  if (!evident_db_begin_write (db, error))
    return FALSE;
  if (!write_settings (db, settings, error) || !evident_db_commit (db, error))
    {
      evident_db_rollback (db);
      return FALSE;
    }

  current = evident_project_peek_plan_settings (project);
  *current = *settings;
  for (guint c = EVIDENT_COMPLEXITY_LOW; c < EVIDENT_N_COMPLEXITIES; c++)
    current->effort[c] = evident_days_to_hundredths (current->effort[c]) / 100.0;
  current->effort[EVIDENT_COMPLEXITY_NONE] = current->effort[EVIDENT_COMPLEXITY_MEDIUM];
  evident_project_emit_changed (project);
  return TRUE;
}
