/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The agenda of the audit days: minutes derived from item counts within
 * each day's hours or entered by hand, time spent per chapter, and whether
 * the day is behind. Time is given to every computation: nothing sleeps. */

#include "config.h"

#include "evident-agenda.h"
#include "evident-audit.h"
#include "evident-project.h"
#include "test-fixtures.h"

static EvidentAgendaEntry *
entry (EvidentAgenda *agenda,
       guint          i)
{
  g_assert_cmpuint (i, <, agenda->entries->len);
  return &g_array_index (agenda->entries, EvidentAgendaEntry, i);
}

static guint
day_total (EvidentAgenda *agenda,
           guint          day)
{
  guint total = 0;

  for (guint i = 0; i < agenda->entries->len; i++)
    {
      if (entry (agenda, i)->day == day)
        total += entry (agenda, i)->planned_minutes;
    }
  return total;
}

/* Two days of 480 minutes; chapters of 10, 10 and 20 items: the first two
 * on day 1 (240 minutes each), the third on day 2. */
static void
test_derive_proportional (void)
{
  g_autoptr (EvidentAgenda) agenda = evident_agenda_new ("2026-03-02", 2, 9 * 60, 480);

  evident_agenda_add_chapter (agenda, "1.0", "Overview", 10);
  evident_agenda_add_chapter (agenda, "2.0", "Business", 10);
  evident_agenda_add_chapter (agenda, "3.0", "Security", 20);
  evident_agenda_derive (agenda);

  g_assert_cmpuint (entry (agenda, 0)->day, ==, 1);
  g_assert_cmpuint (entry (agenda, 1)->day, ==, 1);
  g_assert_cmpuint (entry (agenda, 2)->day, ==, 2);
  g_assert_cmpuint (entry (agenda, 0)->planned_minutes, ==, 240);
  g_assert_cmpuint (entry (agenda, 1)->planned_minutes, ==, 240);
  g_assert_cmpuint (entry (agenda, 2)->planned_minutes, ==, 480);
  g_assert_false (entry (agenda, 0)->entered);
}

/* Uneven shares: whole minutes that fill each day exactly, in checklist
 * order, a chapter without items getting none. */
static void
test_derive_rounding (void)
{
  g_autoptr (EvidentAgenda) agenda = evident_agenda_new ("2026-03-02", 2, 8 * 60, 450);
  const guint items[] = { 7, 3, 0, 11, 5, 9, 13, 1, 4, 6, 2, 8, 12 };
  guint last_day = 1;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *number = g_strdup_printf ("%u.0", i + 1);

      evident_agenda_add_chapter (agenda, number, number, items[i]);
    }
  evident_agenda_derive (agenda);

  g_assert_cmpuint (day_total (agenda, 1), ==, 450);
  g_assert_cmpuint (day_total (agenda, 2), ==, 450);
  g_assert_cmpuint (entry (agenda, 2)->planned_minutes, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_assert_cmpuint (entry (agenda, i)->day, >=, last_day);
      last_day = entry (agenda, i)->day;
    }
  /* Within a day, more items never get fewer minutes. */
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    for (guint j = 0; j < G_N_ELEMENTS (items); j++)
      if (entry (agenda, i)->day == entry (agenda, j)->day && items[i] > items[j])
        g_assert_cmpuint (entry (agenda, i)->planned_minutes, >=,
                          entry (agenda, j)->planned_minutes);
}

/* A chapter planned by hand keeps its minutes; the others share the rest
 * of its day. */
static void
test_derive_entered (void)
{
  g_autoptr (EvidentAgenda) agenda = evident_agenda_new ("2026-03-02", 1, 9 * 60, 480);

  evident_agenda_add_chapter (agenda, "1.0", "Overview", 10);
  evident_agenda_add_chapter (agenda, "2.0", "Business", 10);
  evident_agenda_add_chapter (agenda, "3.0", "Security", 20);
  evident_agenda_enter (agenda, 2, 1, 180);
  evident_agenda_derive (agenda);

  g_assert_true (entry (agenda, 2)->entered);
  g_assert_cmpuint (entry (agenda, 2)->planned_minutes, ==, 180);
  g_assert_cmpuint (entry (agenda, 0)->planned_minutes, ==, 150);
  g_assert_cmpuint (entry (agenda, 1)->planned_minutes, ==, 150);
  g_assert_cmpint (evident_agenda_find (agenda, "2.0"), ==, 1);
  g_assert_cmpint (evident_agenda_find (agenda, "9.0"), ==, -1);
}

static gint64
at (int hour,
    int minute)
{
  g_autoptr (GDateTime) time = g_date_time_new_local (2026, 3, 2, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static GDateTime *
when (int day,
      int hour,
      int minute)
{
  return g_date_time_new_local (2026, 3, 1 + day, hour, minute, 0);
}

/* Time on the current chapter against its plan, and whether the day
 * ends late, at given times. */
static void
test_status (void)
{
  g_autoptr (EvidentAgenda) agenda = evident_agenda_new ("2026-03-02", 2, 9 * 60, 480);
  g_autoptr (GDateTime) before = when (1, 8, 0);
  g_autoptr (GDateTime) ten = when (1, 10, 0);
  g_autoptr (GDateTime) late = when (1, 14, 0);
  g_autoptr (GDateTime) second_day = when (2, 9, 30);
  g_autoptr (GDateTime) after = when (5, 9, 0);
  EvidentAgendaStatus status;

  evident_agenda_add_chapter (agenda, "1.0", "Overview", 10);
  evident_agenda_add_chapter (agenda, "2.0", "Business", 10);
  evident_agenda_add_chapter (agenda, "3.0", "Security", 20);
  evident_agenda_derive (agenda);

  /* Before anything starts: no chapter running, the day as planned. */
  evident_agenda_get_status (agenda, before, &status);
  g_assert_cmpint (status.current, ==, -1);
  g_assert_cmpuint (status.day, ==, 1);
  g_assert_cmpint (status.day_remaining, ==, 480 * 60);
  g_assert_cmpint (status.day_behind, ==, 0);
  g_assert_false (status.behind);

  /* 1.0 from 9:15 (a late start), still running at 10:00. */
  evident_agenda_add_interval (agenda, 0, at (9, 15), 0);
  evident_agenda_get_status (agenda, ten, &status);
  g_assert_cmpint (status.current, ==, 0);
  g_assert_cmpint (status.current_spent, ==, 45 * 60);
  g_assert_cmpint (status.current_planned, ==, 240 * 60);
  g_assert_cmpint (status.day_remaining, ==, (195 + 240) * 60);
  g_assert_cmpint (status.day_behind, ==, 15 * 60);
  g_assert_true (status.behind);
  g_assert_cmpint (entry (agenda, 0)->spent_seconds, ==, 45 * 60);

  /* 1.0 overran until 13:30, then 2.0: at 14:00 the day is 30 minutes
   * behind (a late start and an overrun); time after "now" does not
   * count. */
  g_array_set_size (agenda->intervals, 0);
  evident_agenda_add_interval (agenda, 0, at (9, 15), at (13, 30));
  evident_agenda_add_interval (agenda, 1, at (13, 30), 0);
  evident_agenda_get_status (agenda, late, &status);
  g_assert_cmpint (status.current, ==, 1);
  g_assert_cmpint (status.current_spent, ==, 30 * 60);
  g_assert_cmpint (status.day_remaining, ==, 210 * 60);
  g_assert_cmpint (status.day_behind, ==, 30 * 60);
  g_assert_true (status.behind);
  evident_agenda_get_status (agenda, ten, &status);
  g_assert_cmpint (entry (agenda, 0)->spent_seconds, ==, 45 * 60);
  g_assert_cmpint (entry (agenda, 1)->spent_seconds, ==, 0);

  /* Day 2 begins with 2.0 still running: its rest and day 2's work. */
  evident_agenda_get_status (agenda, second_day, &status);
  g_assert_cmpuint (status.day, ==, 2);
  g_assert_cmpint (status.day_behind, >, 0);

  g_assert_false (status.outside);

  /* Outside the session's days, the running chapter's day, neither
   * behind nor ahead: days later, the planned end says nothing. */
  evident_agenda_get_status (agenda, after, &status);
  g_assert_cmpuint (status.day, ==, 1);
  g_assert_true (status.outside);
  g_assert_cmpint (status.day_behind, ==, 0);
  g_assert_false (status.behind);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

/* Through a session: times recorded (not undone), planned chapters, the
 * status at a given time, kept across a restart. */
static void
test_session_timer (void)
{
  static const char checklist[] =
      "ref,chapter,chapter_title,title,points,mandatory\n"
      "1.1,1.0,Overview,A,100,yes\n"
      "2.1,2.0,Business,B,100,yes\n"
      "2.2,2.0,Business,C,100,yes\n"
      "3.1,3.0,Security,D,100,yes\n";
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "audit.evident", NULL);
  g_autoptr (GPtrArray) entries = fixture_parse_checklist (checklist);
  g_autoptr (EvidentProject) project = fixture_create_project (path, entries);
  g_autoptr (EvidentAgenda) agenda = NULL;
  g_autoptr (GDateTime) start = when (1, 9, 0);
  g_autoptr (GDateTime) switch_at = when (1, 10, 30);
  g_autoptr (GDateTime) now = when (1, 11, 0);
  g_autoptr (GError) error = NULL;
  EvidentSessionSettings settings;
  EvidentSession *session;
  EvidentAgendaStatus status;
  guint n_agenda_changed = 0;

  evident_session_settings_init (&settings);
  settings.kind = EVIDENT_SESSION_AUDIT;
  settings.date = "2026-03-02";
  settings.days = 1;
  settings.chapters = (const char *[]) { "1.0", "2.0", NULL };
  session = evident_audit_new_session (evident_audit_get_for_project (project), &settings,
                                       &error);
  g_assert_no_error (error);
  g_signal_connect_swapped (session, "agenda-changed", G_CALLBACK (count_cb),
                            &n_agenda_changed);

  g_assert_true (evident_session_start_chapter (session, "1.0", start, &error));
  g_assert_cmpstr (evident_session_get_current_chapter (session), ==, "1.0");
  g_assert_true (evident_session_start_chapter (session, "2.0", switch_at, &error));
  g_assert_true (evident_session_start_chapter (session, "2.0", now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_agenda_changed, ==, 2);
  g_assert_false (evident_session_start_chapter (session, "3.0", now, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_OUT_OF_SCOPE);
  g_clear_error (&error);
  g_assert_false (evident_session_stop_timer (session, start, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID);
  g_clear_error (&error);

  /* 1 item and 2 items: 160 and 320 minutes, until 1.0 is planned by hand. */
  agenda = evident_session_dup_agenda (session);
  g_assert_cmpuint (agenda->entries->len, ==, 2);
  g_assert_cmpuint (entry (agenda, 1)->n_items, ==, 2);
  g_assert_cmpuint (entry (agenda, 1)->planned_minutes, ==, 320);
  g_assert_true (evident_session_plan_chapter (session, "1.0", 1, 60, &error));
  g_assert_no_error (error);
  g_clear_pointer (&agenda, evident_agenda_free);
  agenda = evident_session_dup_agenda (session);
  g_assert_cmpuint (entry (agenda, 0)->planned_minutes, ==, 60);
  g_assert_true (entry (agenda, 0)->entered);
  g_assert_cmpuint (entry (agenda, 1)->planned_minutes, ==, 420);

  /* At 11:00: 30 of 420 minutes on 2.0; 1.0 overran by 30 minutes. */
  evident_agenda_get_status (agenda, now, &status);
  g_assert_cmpint (status.current, ==, 1);
  g_assert_cmpint (status.current_spent, ==, 30 * 60);
  g_assert_cmpint (entry (agenda, 0)->spent_seconds, ==, 90 * 60);
  g_assert_cmpint (status.day_behind, ==, 30 * 60);
  g_assert_true (status.behind);

  /* The timer is not an edit: undo takes back the session itself. */
  g_assert_true (evident_project_get_can_undo (project));
  fixture_close_project (&project);
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
  session = evident_audit_lookup_session (evident_audit_get_for_project (project), 1);
  g_assert_cmpstr (evident_session_get_current_chapter (session), ==, "2.0");
  g_assert_true (evident_session_stop_timer (session, now, &error));
  g_assert_null (evident_session_get_current_chapter (session));
  g_clear_pointer (&agenda, evident_agenda_free);
  agenda = evident_session_dup_agenda (session);
  g_assert_cmpuint (entry (agenda, 0)->planned_minutes, ==, 60);
  g_assert_true (evident_session_plan_chapter (session, "1.0", 1, -1, &error));
  g_assert_no_error (error);
  g_assert_true (evident_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_null (evident_audit_lookup_session (evident_audit_get_for_project (project), 1));
  g_assert_false (evident_project_get_can_undo (project));
  fixture_close_project (&project);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agenda/derive/proportional", test_derive_proportional);
  g_test_add_func ("/agenda/derive/rounding", test_derive_rounding);
  g_test_add_func ("/agenda/derive/entered", test_derive_entered);
  g_test_add_func ("/agenda/status", test_status);
  g_test_add_func ("/agenda/session-timer", test_session_timer);

  return g_test_run ();
}
