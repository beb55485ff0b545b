/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli session new, open and close, and sessions: the dry runs,
 * pre-audits and validation audits of a project; and what the audit's
 * commands share. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "evident-audit.h"
#include "evident-chapter.h"
#include "evident-enums-util.h"
#include "evident-project.h"

#include "evident-cli-audit.h"
#include "evident-cli-commands.h"
#include "evident-cli-output.h"

/* Shared */

static gboolean
parse_number (const char *text,
              gint64     *number)
{
  char *end = NULL;

  *number = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0' && *number > 0;
}

EvidentSession *
evident_cli_lookup_session (EvidentCliContext  *cli,
                            const char         *number,
                            GError            **error)
{
  EvidentSession *session = NULL;
  gint64 id;

  if (parse_number (number, &id))
    session = evident_audit_lookup_session (evident_audit_get_for_project (cli->project), id);
  if (session == NULL)
    g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND,
                 _("%s: there is no session %s"), cli->path, number);
  return session;
}

EvidentFinding *
evident_cli_lookup_finding (EvidentCliContext  *cli,
                            const char         *number,
                            GError            **error)
{
  EvidentFinding *finding = NULL;
  gint64 id;

  if (parse_number (number, &id))
    finding = evident_audit_lookup_finding (evident_audit_get_for_project (cli->project), id);
  if (finding == NULL)
    g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND,
                 _("%s: there is no finding %s"), cli->path, number);
  return finding;
}

/* An ISO 8601 time, to the minute or the second, with a T or a space
 * before the time; without a time zone, local time. */
GDateTime *
evident_cli_parse_time (const char  *text,
                        GError     **error)
{
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autoptr (GString) iso = g_string_new (text);
  GDateTime *time;

  if (iso->len >= 16 && iso->str[10] == ' ')
    iso->str[10] = 'T';
  /* 2026-03-02T10:15 has no seconds, which GLib wants. */
  if (iso->len >= 16 && iso->str[13] == ':' && (iso->len == 16 || iso->str[16] != ':'))
    g_string_insert (iso, 16, ":00");
  time = g_date_time_new_from_iso8601 (iso->str, local);

  if (time == NULL)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("“%s” is not a time; write it as 2026-03-02T10:15 (local time) or "
                   "2026-03-02T09:15:00Z"),
                 text);
  return time;
}

/* A time as people read it, in local time, to the minute. */
char *
evident_cli_format_time (GDateTime *time)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* A time for JSON: UTC, to the second. */
char *
evident_cli_format_utc (GDateTime *time)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* The objects of @model, for evident_cli_print_array(). */
GPtrArray *
evident_cli_model_to_array (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

/* An error of the core, named with the project. */
int
evident_cli_audit_fail (EvidentCliContext  *cli,
                        GError            **error)
{
  g_prefix_error (error, "%s: ", cli->path);
  return EXIT_FAILURE;
}

/* session new */

typedef struct
{
  char                *kind_name;
  char                *scope;
  char                *date;
  char               **with;
  int                  days;
  char                *hours;
  char                *title;
  EvidentSessionKind   kind;
  int                  day_start;
  int                  day_minutes;
} NewOptions;

static const GOptionEntry new_entries[] = {
  { "kind", 'k', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (NewOptions, kind_name),
    N_("dry-run, pre-audit or audit (the validation audit)"), N_("KIND") },
  { "scope", 's', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (NewOptions, scope),
    N_("The chapters, e.g. 8.0,9.0, or all (default %s)"), N_("CHAPTERS") },
  { "date", 'd', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (NewOptions, date),
    N_("The (first) day, YYYY-MM-DD (default: today)"), N_("DATE") },
  { "with", 'w', 0, G_OPTION_ARG_STRING_ARRAY, EVIDENT_CLI_OPTION (NewOptions, with),
    N_("A reviewer or auditor, by name (again for each)"), N_("NAME") },
  { "days", 0, 0, G_OPTION_ARG_INT, EVIDENT_CLI_OPTION (NewOptions, days),
    N_("How many days (default: 2 for an audit, else 1)"), N_("N") },
  { "hours", 0, 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (NewOptions, hours),
    N_("The hours of each day (default %s)"), N_("HH:MM-HH:MM") },
  { "title", 't', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (NewOptions, title),
    N_("A title for the session"), N_("TITLE") },
  { NULL }
};

static void
new_init (gpointer values)
{
  NewOptions *options = values;

  options->scope = (char *) "all";
  options->hours = (char *) "09:00-17:00";
}

static gboolean
parse_hours (const char *text,
             int        *start,
             int        *minutes)
{
  int h1, m1, h2, m2;
  char end;

  if (sscanf (text, "%2d:%2d-%2d:%2d%c", &h1, &m1, &h2, &m2, &end) != 4 || h1 > 23 || h2 > 24
      || m1 > 59 || m2 > 59 || h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0)
    return FALSE;
  *start = h1 * 60 + m1;
  *minutes = h2 * 60 + m2 - *start;
  return *minutes > 0 && *start + *minutes <= 24 * 60;
}

static gboolean
new_check (EvidentCliContext  *cli,
           GError            **error)
{
  NewOptions *options = cli->options;

  if (options->kind_name == NULL)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Say what kind of session with --kind dry-run, pre-audit or audit"));
  else if (!evident_session_kind_from_string (options->kind_name, &options->kind))
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Unknown kind; use dry-run, pre-audit or audit"));
  else if (options->days < 0 || options->days > EVIDENT_SESSION_MAX_DAYS)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("--days takes a number from 1 to %d"), EVIDENT_SESSION_MAX_DAYS);
  else if (!parse_hours (options->hours, &options->day_start, &options->day_minutes))
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Give the hours of a day as 09:00-17:00"));
  else
    return TRUE;
  return FALSE;
}

const EvidentCliOptions evident_cli_session_new_options = {
  .entries = new_entries,
  .size = sizeof (NewOptions),
  .init = new_init,
  .check = new_check,
  .description = N_("Every item of the chapters in scope gets a verdict in the session "
                    "(evident-cli verdict). Prints the session’s number."),
};

int
evident_cli_session_new (EvidentCliContext  *cli,
                         GError            **error)
{
  NewOptions *options = cli->options;
  g_auto (GStrv) chapters = NULL;
  EvidentSessionSettings settings;
  EvidentSession *session;

  evident_session_settings_init (&settings);
  settings.kind = options->kind;
  settings.date = options->date;
  settings.title = options->title;
  settings.participants = (const char * const *) options->with;
  settings.days = options->days;
  settings.day_start = options->day_start;
  settings.day_minutes = options->day_minutes;
  if (g_ascii_strcasecmp (options->scope, "all") != 0)
    {
      chapters = g_strsplit (options->scope, ",", -1);
      settings.chapters = (const char * const *) chapters;
    }

  session = evident_audit_new_session (evident_audit_get_for_project (cli->project), &settings,
                                       error);
  if (session == NULL)
    return evident_cli_audit_fail (cli, error);
  g_print ("%" G_GINT64_FORMAT "\n", evident_session_get_id (session));
  return EXIT_SUCCESS;
}

/* session open, session close */

static int
set_state (EvidentCliContext    *cli,
           EvidentSessionState   state,
           GError              **error)
{
  EvidentSession *session = evident_cli_lookup_session (cli, cli->args[1], error);

  if (session == NULL)
    return EXIT_FAILURE;
  if (!evident_session_set_state (session, state, error))
    return evident_cli_audit_fail (cli, error);
  return EXIT_SUCCESS;
}

int
evident_cli_session_open (EvidentCliContext  *cli,
                          GError            **error)
{
  return set_state (cli, EVIDENT_SESSION_OPEN, error);
}

int
evident_cli_session_close (EvidentCliContext  *cli,
                           GError            **error)
{
  return set_state (cli, EVIDENT_SESSION_CLOSED, error);
}

/* sessions */

static void
add_string_array (JsonBuilder        *builder,
                  const char         *member,
                  const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/* The chapters a session covers: those it names, or every one. */
static char **
dup_scope (EvidentSession *session,
           EvidentProject *project)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *chapters = evident_project_get_chapters (project);

  if (!evident_session_get_everything (session))
    return g_strdupv ((char **) evident_session_get_chapters (session));
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);

      g_strv_builder_add (builder, evident_chapter_get_number (chapter));
    }
  return g_strv_builder_end (builder);
}

static void
add_score_json (JsonBuilder        *builder,
                const EvidentScore *score)
{
  json_builder_set_member_name (builder, "score");
  json_builder_begin_object (builder);
  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      json_builder_set_member_name (builder, evident_view_to_string (v));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "score");
      json_builder_add_value (builder, evident_cli_json_number (score->views[v].score));
      evident_cli_json_add_boolean (builder, "pass", score->views[v].pass);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_session_json (JsonBuilder    *builder,
                  EvidentSession *session,
                  EvidentProject *project)
{
  EvidentAudit *audit = evident_audit_get_for_project (project);
  g_autoptr (GPtrArray) open = evident_audit_list_findings (audit, session, NULL, TRUE);
  g_autofree char *created = evident_cli_format_utc (evident_session_get_created (session));
  g_auto (GStrv) scope = dup_scope (session, project);
  const char *title = evident_session_get_title (session);

  json_builder_begin_object (builder);
  evident_cli_json_add_int (builder, "id", evident_session_get_id (session));
  evident_cli_json_add_string (builder, "kind",
                               evident_session_kind_to_string (evident_session_get_kind (session)));
  evident_cli_json_add_string (builder, "title", *title != '\0' ? title : NULL);
  evident_cli_json_add_string (builder, "date", evident_session_get_date (session));
  evident_cli_json_add_int (builder, "days", evident_session_get_days (session));
  evident_cli_json_add_string (builder, "state", evident_session_state_to_string (
                                                     evident_session_get_state (session)));
  evident_cli_json_add_boolean (builder, "everything", evident_session_get_everything (session));
  add_string_array (builder, "scope", (const char * const *) scope);
  add_string_array (builder, "participants", evident_session_get_participants (session));
  evident_cli_json_add_int (builder, "items", evident_session_get_n_items (session));
  json_builder_set_member_name (builder, "verdicts");
  json_builder_begin_object (builder);
  for (guint v = EVIDENT_VERDICT_PASSED; v < EVIDENT_N_VERDICTS; v++)
    {
      g_autofree char *key = g_strdelimit (g_strdup (evident_verdict_to_string (v)), "-", '_');

      evident_cli_json_add_int (builder, key, evident_session_count_verdicts (session, v));
    }
  evident_cli_json_add_int (builder, "pending",
                            evident_session_count_verdicts (session, EVIDENT_VERDICT_NONE));
  json_builder_end_object (builder);
  evident_cli_json_add_int (builder, "open_findings", open->len);
  add_score_json (builder, evident_session_get_score (session));
  evident_cli_json_add_string (builder, "created", created);
  evident_cli_json_add_string (builder, "created_by", evident_session_get_created_by (session));
  json_builder_end_object (builder);
}

/* Number, kind, date, state, scope, participants, verdicts, score. */
static void
add_session_row (EvidentCliTable *table,
                 EvidentSession  *session,
                 EvidentProject  *project)
{
  g_autofree char *participants = g_strjoinv (", ", (char **) evident_session_get_participants (
                                                         session));
  g_autofree char *scope = g_strjoinv (", ", (char **) evident_session_get_chapters (session));
  g_autofree char *score = evident_score_format (evident_session_get_score (session),
                                                 EVIDENT_VIEW_CONFIRMED);
  guint days = evident_session_get_days (session);

  evident_cli_table_add_printf (table, "%" G_GINT64_FORMAT, evident_session_get_id (session));
  evident_cli_table_add (table, evident_session_kind_to_string (evident_session_get_kind (session)));
  if (days > 1)
    /* Translators: a session's first day and how many days it lasts */
    evident_cli_table_add_printf (table, _("%s (%u days)"), evident_session_get_date (session),
                                  days);
  else
    evident_cli_table_add (table, evident_session_get_date (session));
  evident_cli_table_add (table, evident_session_state_to_string (
                                    evident_session_get_state (session)));
  evident_cli_table_add (table, evident_session_get_everything (session) ? _("all chapters")
                                                                          : scope);
  evident_cli_table_add (table, *participants != '\0' ? participants : "-");
  evident_cli_table_add_printf (
      table, _("passed %u, failed %u, observation %u, not reached %u, pending %u"),
      evident_session_count_verdicts (session, EVIDENT_VERDICT_PASSED),
      evident_session_count_verdicts (session, EVIDENT_VERDICT_FAILED),
      evident_session_count_verdicts (session, EVIDENT_VERDICT_OBSERVATION),
      evident_session_count_verdicts (session, EVIDENT_VERDICT_NOT_REACHED),
      evident_session_count_verdicts (session, EVIDENT_VERDICT_NONE));
  /* Translators: the confirmed score as a session's verdicts read it */
  evident_cli_table_add_printf (table, _("score %s"), score);
}

static void
add_session (JsonBuilder     *builder,
             EvidentCliTable *table,
             gpointer         session,
             gpointer         project)
{
  if (builder != NULL)
    add_session_json (builder, session, project);
  else
    add_session_row (table, session, project);
}

int
evident_cli_sessions (EvidentCliContext  *cli,
                      GError            **error)
{
  g_autoptr (GPtrArray) sessions = evident_cli_model_to_array (
      evident_audit_get_sessions (evident_audit_get_for_project (cli->project)));

  evident_cli_print_array (sessions, cli->json, "r  l  l  l  l  l  l  l", add_session,
                           cli->project);
  return EXIT_SUCCESS;
}
