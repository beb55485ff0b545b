/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A session's agenda: its days split into chapters, each with planned
 * minutes entered by hand or derived from its items, and the time spent
 * on each. Plain computations on plain data: the session fills an agenda
 * from the project file (evident-session-agenda.c), the tests fill one by
 * hand and give the time. */

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "evident-agenda.h"

static void
entry_clear (gpointer data)
{
  EvidentAgendaEntry *entry = data;

  g_clear_pointer (&entry->chapter, g_free);
  g_clear_pointer (&entry->title, g_free);
}

/**
 * evident_agenda_new:
 * @date: the first day, YYYY-MM-DD
 * @n_days: how many days, at least one
 * @day_start: when each day starts, in minutes after midnight (local time)
 * @day_minutes: how long each day is, in minutes
 *
 * Returns: (transfer full): an agenda without chapters
 */
EvidentAgenda *
evident_agenda_new (const char *date,
                    guint       n_days,
                    guint       day_start,
                    guint       day_minutes)
{
  EvidentAgenda *agenda = g_new0 (EvidentAgenda, 1);

  g_return_val_if_fail (date != NULL, NULL);

  agenda->date = g_strdup (date);
  agenda->n_days = MAX (n_days, 1);
  agenda->day_start = day_start;
  agenda->day_minutes = day_minutes;
  agenda->entries = g_array_new (FALSE, TRUE, sizeof (EvidentAgendaEntry));
  g_array_set_clear_func (agenda->entries, entry_clear);
  agenda->intervals = g_array_new (FALSE, TRUE, sizeof (EvidentAgendaInterval));
  agenda->current = -1;
  return agenda;
}

void
evident_agenda_free (EvidentAgenda *agenda)
{
  if (agenda == NULL)
    return;

  g_free (agenda->date);
  g_array_unref (agenda->entries);
  g_array_unref (agenda->intervals);
  g_free (agenda);
}

/**
 * evident_agenda_add_chapter:
 * @agenda: an agenda
 * @chapter: the chapter's number
 * @title: its title
 * @n_items: its items in the session's scope
 *
 * Adds a chapter, after those added before (in checklist order), to be
 * planned by evident_agenda_derive() unless evident_agenda_enter() plans it.
 *
 * Returns: the index of its entry
 */
guint
evident_agenda_add_chapter (EvidentAgenda *agenda,
                            const char    *chapter,
                            const char    *title,
                            guint          n_items)
{
  EvidentAgendaEntry entry = {
    .chapter = g_strdup (chapter),
    .title = g_strdup (title),
    .n_items = n_items,
    .day = 1,
  };

  g_array_append_val (agenda->entries, entry);
  return agenda->entries->len - 1;
}

/* Plans @entry by hand: @minutes on @day (up to the agenda's last day). */
void
evident_agenda_enter (EvidentAgenda *agenda,
                      guint          entry,
                      guint          day,
                      guint          minutes)
{
  EvidentAgendaEntry *e;

  g_return_if_fail (entry < agenda->entries->len);

  e = &g_array_index (agenda->entries, EvidentAgendaEntry, entry);
  e->entered = TRUE;
  e->day = CLAMP (day, 1, agenda->n_days);
  e->planned_minutes = minutes;
}

/* Time spent on @entry from @start to @stop (seconds since the epoch; a
 * @stop of 0 while it runs: the entry is the current one). */
void
evident_agenda_add_interval (EvidentAgenda *agenda,
                             guint          entry,
                             gint64         start,
                             gint64         stop)
{
  EvidentAgendaInterval interval = { entry, start, stop };

  g_return_if_fail (entry < agenda->entries->len);

  g_array_append_val (agenda->intervals, interval);
  if (stop == 0)
    agenda->current = entry;
}

int
evident_agenda_find (EvidentAgenda *agenda,
                     const char    *chapter)
{
  for (guint i = 0; i < agenda->entries->len; i++)
    {
      if (g_strcmp0 (g_array_index (agenda->entries, EvidentAgendaEntry, i).chapter, chapter)
          == 0)
        return i;
    }
  return -1;
}

/* Shares @total among @entries (indexes) in proportion to their items, in
 * whole minutes that add up to @total: each gets the whole part of its
 * share, and the minutes left go to the largest remainders, earlier
 * chapters first among equals. */
static void
share_minutes (EvidentAgenda *agenda,
               GArray        *members,
               guint          total)
{
  g_autofree double *remainders = g_new0 (double, MAX (members->len, 1));
  guint64 n_items = 0;
  guint given = 0;

  for (guint i = 0; i < members->len; i++)
    n_items += g_array_index (agenda->entries, EvidentAgendaEntry,
                              g_array_index (members, guint, i)).n_items;
  if (n_items == 0)
    return;

  for (guint i = 0; i < members->len; i++)
    {
      EvidentAgendaEntry *e = &g_array_index (agenda->entries, EvidentAgendaEntry,
                                              g_array_index (members, guint, i));
      double share = (double) total * e->n_items / n_items;

      e->planned_minutes = (guint) floor (share);
      remainders[i] = share - e->planned_minutes;
      given += e->planned_minutes;
    }

  while (given < total)
    {
      guint best = 0;

      for (guint i = 1; i < members->len; i++)
        {
          if (remainders[i] > remainders[best])
            best = i;
        }
      g_array_index (agenda->entries, EvidentAgendaEntry,
                     g_array_index (members, guint, best)).planned_minutes++;
      remainders[best] = -1;
      given++;
    }
}

/* The day whose share of @capacity holds @position (minutes from the
 * start of the first day); the last day for anything beyond. */
static guint
day_at (const guint *capacity,
        guint        n_days,
        double       position)
{
  double end = 0;

  for (guint d = 0; d < n_days; d++)
    {
      end += capacity[d];
      if (position < end)
        return d + 1;
    }
  return n_days;
}

/**
 * evident_agenda_derive:
 * @agenda: an agenda with its chapters, some perhaps entered by hand
 *
 * Plans the chapters not entered by hand. What the entered ones leave of
 * each day is the time to share. The chapters go to the days in checklist
 * order, each on the day where the middle of its share of the whole time
 * falls (a chapter's share in proportion to its items); then each day's
 * time is shared among its chapters in proportion to their items, in whole
 * minutes that fill the day. A chapter is never split across two days; a
 * chapter without items gets no time.
 */
void
evident_agenda_derive (EvidentAgenda *agenda)
{
  g_autofree guint *capacity = g_new0 (guint, agenda->n_days);
  guint64 n_items = 0;
  guint64 total = 0;
  guint64 before = 0;

  for (guint d = 0; d < agenda->n_days; d++)
    capacity[d] = agenda->day_minutes;

  for (guint i = 0; i < agenda->entries->len; i++)
    {
      EvidentAgendaEntry *e = &g_array_index (agenda->entries, EvidentAgendaEntry, i);

      if (e->entered)
        capacity[e->day - 1] -= MIN (capacity[e->day - 1], e->planned_minutes);
      else
        n_items += e->n_items;
    }
  for (guint d = 0; d < agenda->n_days; d++)
    total += capacity[d];

  for (guint i = 0; i < agenda->entries->len; i++)
    {
      EvidentAgendaEntry *e = &g_array_index (agenda->entries, EvidentAgendaEntry, i);
      double middle;

      if (e->entered)
        continue;
      e->planned_minutes = 0;
      middle = n_items > 0 ? (before + e->n_items / 2.0) / n_items : 0;
      before += e->n_items;
      if (total > 0)
        e->day = day_at (capacity, agenda->n_days, middle * total);
      else
        e->day = MIN ((guint) (middle * agenda->n_days) + 1, agenda->n_days);
    }

  for (guint d = 1; d <= agenda->n_days; d++)
    {
      g_autoptr (GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < agenda->entries->len; i++)
        {
          EvidentAgendaEntry *e = &g_array_index (agenda->entries, EvidentAgendaEntry, i);

          if (!e->entered && e->day == d)
            g_array_append_val (members, i);
        }
      share_minutes (agenda, members, capacity[d - 1]);
    }
}

static gboolean
parse_date (const char *date,
            int        *year,
            int        *month,
            int        *day)
{
  char end;

  return sscanf (date, "%4d-%2d-%2d%c", year, month, day, &end) == 3
         && g_date_valid_dmy (*day, *month, *year);
}

/**
 * evident_agenda_get_day_start:
 * @agenda: an agenda
 * @day: a day of it, from 1
 *
 * Returns: (transfer full) (nullable): when @day starts, in local time;
 *   %NULL when the agenda's date is not a date
 */
GDateTime *
evident_agenda_get_day_start (EvidentAgenda *agenda,
                              guint          day)
{
  g_autoptr (GDateTime) midnight = NULL;
  g_autoptr (GDateTime) date = NULL;
  int y, m, d;

  if (!parse_date (agenda->date, &y, &m, &d))
    return NULL;
  midnight = g_date_time_new_local (y, m, d, 0, 0, 0);
  date = g_date_time_add_days (midnight, (int) day - 1);
  return g_date_time_add_minutes (date, agenda->day_start);
}

/* The day of the agenda that @now falls on (its local date), or 0. */
static guint
day_of (EvidentAgenda *agenda,
        GDateTime     *now)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (now);
  int y, m, d;
  GDate first, today;
  int offset;

  if (!parse_date (agenda->date, &y, &m, &d))
    return 0;
  g_date_clear (&first, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&first, d, m, y);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  offset = g_date_days_between (&first, &today);
  return offset >= 0 && (guint) offset < agenda->n_days ? (guint) offset + 1 : 0;
}

/**
 * evident_agenda_get_status:
 * @agenda: an agenda, planned (evident_agenda_derive())
 * @now: the time to compute for
 * @status: (out caller-allocates): where the session stands at @now
 *
 * The time spent on the current chapter against its plan, and whether
 * the day is behind: the day's remaining work is what is left of the
 * current chapter's plan (nothing when it overran) and the plans of the
 * day's chapters with no time spent yet; the day is behind when that
 * work, begun at @now (or at the day's start, if later), ends after the
 * day's planned end. The day is @now's day of the session, else the
 * current chapter's. Also sets each entry's @spent_seconds as of @now:
 * time recorded after @now does not count.
 */
void
evident_agenda_get_status (EvidentAgenda       *agenda,
                           GDateTime           *now,
                           EvidentAgendaStatus *status)
{
  g_autoptr (GDateTime) day_begin = NULL;
  gint64 now_s = g_date_time_to_unix (now);
  gint64 from, end;

  g_return_if_fail (agenda != NULL && now != NULL && status != NULL);

  *status = (EvidentAgendaStatus) { .current = agenda->current };

  for (guint i = 0; i < agenda->entries->len; i++)
    g_array_index (agenda->entries, EvidentAgendaEntry, i).spent_seconds = 0;
  for (guint i = 0; i < agenda->intervals->len; i++)
    {
      EvidentAgendaInterval *interval = &g_array_index (agenda->intervals,
                                                        EvidentAgendaInterval, i);
      gint64 stop = interval->stop != 0 ? MIN (interval->stop, now_s) : now_s;

      if (stop > interval->start)
        g_array_index (agenda->entries, EvidentAgendaEntry, interval->entry).spent_seconds
            += stop - interval->start;
    }

  if (agenda->current >= 0)
    {
      EvidentAgendaEntry *current = &g_array_index (agenda->entries, EvidentAgendaEntry,
                                                    agenda->current);

      status->current_spent = current->spent_seconds;
      status->current_planned = (gint64) current->planned_minutes * 60;
      status->day_remaining = MAX (0, status->current_planned - status->current_spent);
    }

  status->day = day_of (agenda, now);
  status->outside = status->day == 0;
  if (status->day == 0 && agenda->current >= 0)
    status->day = g_array_index (agenda->entries, EvidentAgendaEntry, agenda->current).day;
  if (status->day == 0)
    {
      status->day_remaining = 0;
      return;
    }

  for (guint i = 0; i < agenda->entries->len; i++)
    {
      EvidentAgendaEntry *e = &g_array_index (agenda->entries, EvidentAgendaEntry, i);

      if ((int) i != agenda->current && e->day == status->day && e->spent_seconds == 0)
        status->day_remaining += (gint64) e->planned_minutes * 60;
    }

  /* The planned end of a day gone by, or still to come, says nothing of
   * how the time spent now compares with the plan. */
  if (status->outside)
    return;
  day_begin = evident_agenda_get_day_start (agenda, status->day);
  if (day_begin == NULL)
    return;
  from = MAX (now_s, g_date_time_to_unix (day_begin));
  end = g_date_time_to_unix (day_begin) + (gint64) agenda->day_minutes * 60;
  status->day_behind = from + status->day_remaining - end;
  status->behind = status->day_behind > 0;
}
