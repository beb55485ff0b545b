/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * EvidentAgendaEntry:
 * @chapter: the chapter's number
 * @title: the chapter's title
 * @n_items: its items in the session's scope
 * @day: the day it is planned on, from 1
 * @planned_minutes: the minutes planned for it
 * @entered: whether @planned_minutes and @day were entered by hand (else
 *   derived from the items)
 * @spent_seconds: the time recorded on it, up to the agenda's time
 *
 * One chapter of a session's agenda.
 */
typedef struct
{
  char     *chapter;
  char     *title;
  guint     n_items;
  guint     day;
  guint     planned_minutes;
  gboolean  entered;
  gint64    spent_seconds;
} EvidentAgendaEntry;

/**
 * EvidentAgendaInterval:
 * @entry: the index of the entry (chapter) the time was spent on
 * @start: when it started, in seconds since the epoch
 * @stop: when it stopped; 0 while it runs
 */
typedef struct
{
  guint  entry;
  gint64 start;
  gint64 stop;
} EvidentAgendaInterval;

/**
 * EvidentAgenda:
 * @date: the first day, YYYY-MM-DD
 * @n_days: how many days
 * @day_start: when each day starts, in minutes after midnight, local time
 * @day_minutes: how long each day is
 * @entries: (element-type EvidentAgendaEntry): the chapters, in checklist
 *   order, each with its day
 * @intervals: (element-type EvidentAgendaInterval): the time recorded,
 *   oldest first
 * @current: the entry whose time is running, or -1
 *
 * The plan of a session's days, chapter by chapter, and the time spent.
 */
typedef struct
{
  char   *date;
  guint   n_days;
  guint   day_start;
  guint   day_minutes;
  GArray *entries;
  GArray *intervals;
  int     current;
} EvidentAgenda;

/**
 * EvidentAgendaStatus:
 * @current: the entry whose time is running, or -1
 * @current_spent: seconds spent on it, every visit counted
 * @current_planned: seconds planned for it
 * @day: the day the status is about, from 1; 0 outside the session's days
 *   with no chapter running
 * @day_remaining: seconds of planned work left on @day: the rest of the
 *   current chapter's plan and the plans of its chapters not begun
 * @day_behind: seconds by which @day ends after its planned end when the
 *   rest goes as planned; negative: that much time to spare
 * @behind: whether @day_behind is positive
 * @outside: whether the time is outside the session's days: then @day is
 *   the running chapter's day, and the day is neither behind nor ahead
 *   (a session held on another day than planned is not weeks behind)
 *
 * Where a session stands against its agenda at a given time.
 */
typedef struct
{
  int      current;
  gint64   current_spent;
  gint64   current_planned;
  guint    day;
  gint64   day_remaining;
  gint64   day_behind;
  gboolean behind;
  gboolean outside;
} EvidentAgendaStatus;

EvidentAgenda *evident_agenda_new             (const char          *date,
                                               guint                n_days,
                                               guint                day_start,
                                               guint                day_minutes);
void           evident_agenda_free            (EvidentAgenda       *agenda);
guint          evident_agenda_add_chapter     (EvidentAgenda       *agenda,
                                               const char          *chapter,
                                               const char          *title,
                                               guint                n_items);
void           evident_agenda_enter           (EvidentAgenda       *agenda,
                                               guint                entry,
                                               guint                day,
                                               guint                minutes);
void           evident_agenda_add_interval    (EvidentAgenda       *agenda,
                                               guint                entry,
                                               gint64               start,
                                               gint64               stop);
void           evident_agenda_derive          (EvidentAgenda       *agenda);
int            evident_agenda_find            (EvidentAgenda       *agenda,
                                               const char          *chapter);
GDateTime     *evident_agenda_get_day_start   (EvidentAgenda       *agenda,
                                               guint                day);
void           evident_agenda_get_status      (EvidentAgenda       *agenda,
                                               GDateTime           *now,
                                               EvidentAgendaStatus *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentAgenda, evident_agenda_free)

G_END_DECLS
