/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "evident-due-date.h"

/*
 * Due dates as project files spell them ("2025-03-31") and as people read
 * them ("31 March 2025"): the item's fields and its history show them.
 */

/**
 * evident_due_date_parse:
 * @iso_date: (nullable): a date as project files spell it
 *
 * Returns: (transfer full) (nullable): midnight of that day, local time;
 *   %NULL for no date or one that is not valid
 */
GDateTime *
evident_due_date_parse (const char *iso_date)
{
  int y, m, d;

  if (iso_date == NULL || *iso_date == '\0'
      || sscanf (iso_date, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

/**
 * evident_due_date_format:
 * @iso_date: (nullable): a date as project files spell it
 *
 * Returns: (transfer full) (nullable): the date as people read it, or
 *   @iso_date as it is when it is not a valid date
 */
char *
evident_due_date_format (const char *iso_date)
{
  g_autoptr (GDateTime) date = evident_due_date_parse (iso_date);

  if (date == NULL)
    return g_strdup (iso_date);
  /* Translators: a due date, in g_date_time_format() notation */
  return g_date_time_format (date, _("%-d %B %Y"));
}
