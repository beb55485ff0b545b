/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli agenda, session start, session stop and session plan: the
 * days of a session split into chapters, the time spent on each, and
 * whether the day is behind. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "evident-audit.h"

#include "evident-cli-audit.h"
#include "evident-cli-commands.h"
#include "evident-cli-output.h"

/* --at, for the commands that record or compute at a time */

typedef struct
{
  char *at;
} TimeOptions;

static const GOptionEntry time_entries[] = {
  { "at", 0, 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (TimeOptions, at),
    N_("The time, e.g. 2026-03-02T10:15 (default: now)"), N_("TIME") },
  { NULL }
};

static gboolean
time_check (EvidentCliContext  *cli,
            GError            **error)
{
  TimeOptions *options = cli->options;
  g_autoptr (GDateTime) at = NULL;

  if (options->at == NULL)
    return TRUE;
  at = evident_cli_parse_time (options->at, error);
  return at != NULL;
}

/* The time of --at, else now. */
static GDateTime *
time_of (EvidentCliContext *cli)
{
  TimeOptions *options = cli->options;

  if (options->at == NULL)
    return g_date_time_new_now_utc ();
  return evident_cli_parse_time (options->at, NULL);
}

const EvidentCliOptions evident_cli_session_time_options = {
  .entries = time_entries,
  .size = sizeof (TimeOptions),
  .check = time_check,
  .description = N_("Times are records of what happened, kept at once: undo leaves them. "
                    "--at enters a time afterwards."),
};

/* session start, session stop */

int
evident_cli_session_start (EvidentCliContext  *cli,
                           GError            **error)
{
  EvidentSession *session = evident_cli_lookup_session (cli, cli->args[1], error);
  g_autoptr (GDateTime) at = time_of (cli);

  if (session == NULL)
    return EXIT_FAILURE;
  if (!evident_session_start_chapter (session, cli->args[2], at, error))
    return evident_cli_audit_fail (cli, error);
  return EXIT_SUCCESS;
}

int
evident_cli_session_stop (EvidentCliContext  *cli,
                          GError            **error)
{
  EvidentSession *session = evident_cli_lookup_session (cli, cli->args[1], error);
  g_autoptr (GDateTime) at = time_of (cli);

  if (session == NULL)
    return EXIT_FAILURE;
  if (!evident_session_stop_timer (session, at, error))
    return evident_cli_audit_fail (cli, error);
  return EXIT_SUCCESS;
}

/* session plan */

typedef struct
{
  int day;
  int minutes;
} PlanOptions;

static const GOptionEntry plan_entries[] = {
  { "day", 0, 0, G_OPTION_ARG_INT, EVIDENT_CLI_OPTION (PlanOptions, day),
    N_("The day to plan the chapter on (default: its day in the agenda)"), N_("N") },
  { NULL }
};

static gboolean
plan_check (EvidentCliContext  *cli,
            GError            **error)
{
  PlanOptions *options = cli->options;
  const char *minutes = cli->args[3];
  char *end = NULL;

  if (g_ascii_strcasecmp (minutes, "auto") == 0)
    options->minutes = -1;
  else
    {
      gint64 value = g_ascii_strtoll (minutes, &end, 10);

      if (end == minutes || *end != '\0' || value < 0 || value > 24 * 60)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("Give the minutes as a number from 0 to 1440, or auto"));
          return FALSE;
        }
      options->minutes = value;
    }
  if (options->day >= 0)
    return TRUE;
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--day takes a day of the session, from 1"));
  return FALSE;
}

const EvidentCliOptions evident_cli_session_plan_options = {
  .entries = plan_entries,
  .size = sizeof (PlanOptions),
  .check = plan_check,
  .description = N_("The chapters not planned by hand share what is left of their day in "
                    "proportion to their items; auto plans a chapter that way again."),
};

int
evident_cli_session_plan (EvidentCliContext  *cli,
                          GError            **error)
{
  PlanOptions *options = cli->options;
  EvidentSession *session = evident_cli_lookup_session (cli, cli->args[1], error);
  g_autoptr (EvidentAgenda) agenda = NULL;
  guint day = options->day;

  if (session == NULL)
    return EXIT_FAILURE;
  if (day == 0)
    {
      int entry;

      agenda = evident_session_dup_agenda (session);
      entry = evident_agenda_find (agenda, cli->args[2]);
      day = entry >= 0 ? g_array_index (agenda->entries, EvidentAgendaEntry, entry).day : 1;
    }
  if (!evident_session_plan_chapter (session, cli->args[2], day, options->minutes, error))
    return evident_cli_audit_fail (cli, error);
  return EXIT_SUCCESS;
}

/* agenda */

const EvidentCliOptions evident_cli_agenda_options = {
  .entries = time_entries,
  .size = sizeof (TimeOptions),
  .check = time_check,
  .description = N_("--at shows where the session stands at that time rather than now."),
};

static char *
format_minutes (gint64 seconds)
{
  gint64 minutes = (ABS (seconds) + 30) / 60;

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d", seconds < 0 ? "−" : "", minutes / 60,
                          (int) (minutes % 60));
}

static void
add_status_json (JsonBuilder         *builder,
                 EvidentAgenda       *agenda,
                 EvidentAgendaStatus *status,
                 GDateTime           *at)
{
  g_autofree char *when = evident_cli_format_utc (at);

  json_builder_set_member_name (builder, "status");
  json_builder_begin_object (builder);
  evident_cli_json_add_string (builder, "at", when);
  evident_cli_json_add_string (builder, "current",
                               status->current >= 0
                                   ? g_array_index (agenda->entries, EvidentAgendaEntry,
                                                    status->current).chapter
                                   : NULL);
  evident_cli_json_add_int (builder, "current_spent_seconds", status->current_spent);
  evident_cli_json_add_int (builder, "current_planned_seconds", status->current_planned);
  evident_cli_json_add_int (builder, "day", status->day);
  evident_cli_json_add_int (builder, "day_remaining_seconds", status->day_remaining);
  evident_cli_json_add_int (builder, "day_behind_seconds", status->day_behind);
  evident_cli_json_add_boolean (builder, "behind", status->behind);
  json_builder_end_object (builder);
}

static void
print_json (EvidentSession      *session,
            EvidentAgenda       *agenda,
            EvidentAgendaStatus *status,
            GDateTime           *at)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *start = g_strdup_printf ("%02u:%02u", agenda->day_start / 60,
                                            agenda->day_start % 60);

  json_builder_begin_object (builder);
  evident_cli_json_add_int (builder, "session", evident_session_get_id (session));
  evident_cli_json_add_string (builder, "kind",
                               evident_session_kind_to_string (evident_session_get_kind (session)));
  evident_cli_json_add_string (builder, "date", agenda->date);
  evident_cli_json_add_int (builder, "days", agenda->n_days);
  evident_cli_json_add_string (builder, "day_start", start);
  evident_cli_json_add_int (builder, "day_minutes", agenda->day_minutes);
  json_builder_set_member_name (builder, "chapters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < agenda->entries->len; i++)
    {
      EvidentAgendaEntry *entry = &g_array_index (agenda->entries, EvidentAgendaEntry, i);

      json_builder_begin_object (builder);
      evident_cli_json_add_string (builder, "chapter", entry->chapter);
      evident_cli_json_add_string (builder, "title", entry->title);
      evident_cli_json_add_int (builder, "items", entry->n_items);
      evident_cli_json_add_int (builder, "day", entry->day);
      evident_cli_json_add_int (builder, "planned_minutes", entry->planned_minutes);
      evident_cli_json_add_boolean (builder, "entered", entry->entered);
      evident_cli_json_add_int (builder, "spent_seconds", entry->spent_seconds);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_status_json (builder, agenda, status, at);
  json_builder_end_object (builder);
  evident_cli_print_json (builder);
}

static void
print_day (EvidentAgenda *agenda,
           guint          day)
{
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("  l  l  r  r  r  l");
  g_autoptr (GDateTime) start = evident_agenda_get_day_start (agenda, day);
  g_autofree char *date = start != NULL ? g_date_time_format (start, "%Y-%m-%d %H:%M") : NULL;

  evident_cli_print (_("Day %u, %s\n"), day, date != NULL ? date : agenda->date);
  for (guint i = 0; i < agenda->entries->len; i++)
    {
      EvidentAgendaEntry *entry = &g_array_index (agenda->entries, EvidentAgendaEntry, i);
      g_autofree char *planned = format_minutes ((gint64) entry->planned_minutes * 60);
      g_autofree char *spent = format_minutes (entry->spent_seconds);

      if (entry->day != day)
        continue;
      evident_cli_table_add (table, entry->chapter);
      evident_cli_table_add (table, entry->title);
      evident_cli_table_add_printf (table, g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items",
                                                        entry->n_items),
                                    entry->n_items);
      /* Translators: planned time of a chapter, hours:minutes */
      evident_cli_table_add_printf (table, _("plan %s"), planned);
      /* Translators: time spent on a chapter, hours:minutes */
      evident_cli_table_add_printf (table, _("spent %s"), spent);
      evident_cli_table_add (table, entry->entered ? _("planned by hand") : "");
    }
  evident_cli_table_print (table);
}

static void
print_status (EvidentAgenda       *agenda,
              EvidentAgendaStatus *status)
{
  g_autofree char *behind = format_minutes (ABS (status->day_behind));

  if (status->current >= 0)
    {
      EvidentAgendaEntry *entry = &g_array_index (agenda->entries, EvidentAgendaEntry,
                                                  status->current);
      g_autofree char *spent = format_minutes (status->current_spent);
      g_autofree char *planned = format_minutes (status->current_planned);

      evident_cli_print (_("Now: %s %s, %s of %s\n"), entry->chapter, entry->title, spent, planned);
    }
  if (status->day == 0 || status->outside)
    return;
  if (status->behind)
    g_print (_("Day %u is %s behind\n"), status->day, behind);
  else
    g_print (_("Day %u is on time (%s to spare)\n"), status->day, behind);
}

int
evident_cli_agenda (EvidentCliContext  *cli,
                    GError            **error)
{
  EvidentSession *session = evident_cli_lookup_session (cli, cli->args[1], error);
  g_autoptr (EvidentAgenda) agenda = NULL;
  g_autoptr (GDateTime) at = time_of (cli);
  EvidentAgendaStatus status;

  if (session == NULL)
    return EXIT_FAILURE;
  agenda = evident_session_dup_agenda (session);
  evident_agenda_get_status (agenda, at, &status);

  if (cli->json)
    {
      print_json (session, agenda, &status, at);
      return EXIT_SUCCESS;
    }
  g_print ("%s %" G_GINT64_FORMAT "\n",
           evident_session_kind_get_label (evident_session_get_kind (session)),
           evident_session_get_id (session));
  for (guint day = 1; day <= agenda->n_days; day++)
    {
      g_print ("\n");
      print_day (agenda, day);
    }
  g_print ("\n");
  print_status (agenda, &status);
  return EXIT_SUCCESS;
}
