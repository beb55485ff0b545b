/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli verdict, verdicts, findings, finding and finding new: what
 * the sessions found on each item, its history, and the findings to
 * address. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "evident-audit.h"
#include "evident-chapter.h"
#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-project.h"

#include "evident-cli-audit.h"
#include "evident-cli-commands.h"
#include "evident-cli-output.h"

/* verdict */

typedef struct
{
  char          *finding;
  char          *status_name;
  EvidentStatus  status;
} VerdictOptions;

static const GOptionEntry verdict_entries[] = {
  { "finding", 'f', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (VerdictOptions, finding),
    N_("What was found: an open finding to address"), N_("TEXT") },
  { "set-status", 's', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (VerdictOptions, status_name),
    N_("Also set the item’s status, in the same edit (e.g. met after a pass)"), N_("STATUS") },
  { NULL }
};

static gboolean
verdict_check (EvidentCliContext  *cli,
               GError            **error)
{
  VerdictOptions *options = cli->options;
  EvidentVerdict verdict;

  if (!evident_verdict_from_string (cli->args[cli->n_args - 1], &verdict))
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Unknown verdict; use passed, failed, observation or not-reached"));
  else if (options->status_name != NULL
           && !evident_status_from_string (options->status_name, &options->status))
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Unknown status; use not-started, in-progress, ready, met or "
                           "not-met"));
  else
    return TRUE;
  return FALSE;
}

const EvidentCliOptions evident_cli_verdict_options = {
  .entries = verdict_entries,
  .size = sizeof (VerdictOptions),
  .check = verdict_check,
  .description = N_("A verdict leaves the item’s status as it is unless --set-status says "
                    "otherwise; the session’s score reads a pass as met and a failure as not "
                    "met. A later verdict on the item replaces the earlier one."),
};

int
evident_cli_verdict (EvidentCliContext  *cli,
                     GError            **error)
{
  VerdictOptions *options = cli->options;
  EvidentSession *session = evident_cli_lookup_session (cli, cli->args[1], error);
  EvidentItem *item = session != NULL ? evident_cli_lookup_item (cli, cli->args[2], error) : NULL;
  EvidentAudit *audit = evident_audit_get_for_project (cli->project);
  EvidentVerdict verdict = EVIDENT_VERDICT_NONE;
  guint n_findings;
  gboolean ok;

  if (item == NULL)
    return EXIT_FAILURE;
  evident_verdict_from_string (cli->args[3], &verdict);
  n_findings = g_list_model_get_n_items (evident_audit_get_findings (audit));
  if (options->status_name != NULL)
    ok = evident_session_record_verdict_with_status (session, item, verdict, options->finding,
                                                     options->status, error);
  else
    ok = evident_session_record_verdict (session, item, verdict, options->finding,
                                         EVIDENT_VERDICT_FLAGS_NONE, error);
  if (!ok)
    return evident_cli_audit_fail (cli, error);

  /* The finding it opened, to address later by its number. */
  if (g_list_model_get_n_items (evident_audit_get_findings (audit)) > n_findings)
    {
      g_autoptr (EvidentFinding) finding = g_list_model_get_item (
          evident_audit_get_findings (audit), n_findings);

      g_print (_("Finding %lld is open\n"), (long long) evident_finding_get_id (finding));
    }
  return EXIT_SUCCESS;
}

/* verdicts */

typedef struct
{
  char *session;
} VerdictsOptions;

static const GOptionEntry verdicts_entries[] = {
  { "session", 's', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (VerdictsOptions, session),
    N_("Only this session’s verdicts"), N_("SESSION") },
  { NULL }
};

const EvidentCliOptions evident_cli_verdicts_options = {
  .entries = verdicts_entries,
  .size = sizeof (VerdictsOptions),
  .description = N_("REF is an item’s reference; CHAPTER a chapter’s number. Verdicts an undo "
                    "took back are left out; one a later verdict replaced is marked so."),
};

static void
add_record_json (JsonBuilder          *builder,
                 EvidentVerdictRecord *record)
{
  g_autofree char *at = evident_cli_format_utc (record->at);

  json_builder_begin_object (builder);
  evident_cli_json_add_int (builder, "session", record->session);
  evident_cli_json_add_string (builder, "kind", evident_session_kind_to_string (record->kind));
  evident_cli_json_add_string (builder, "date", record->session_date);
  json_builder_set_member_name (builder, "participants");
  json_builder_begin_array (builder);
  for (guint i = 0; record->participants[i] != NULL; i++)
    json_builder_add_string_value (builder, record->participants[i]);
  json_builder_end_array (builder);
  evident_cli_json_add_string (builder, "ref", record->ref);
  evident_cli_json_add_string (builder, "chapter", record->chapter);
  evident_cli_json_add_string (builder, "verdict", evident_verdict_to_string (record->verdict));
  evident_cli_json_add_string (builder, "status_set", record->status_set);
  evident_cli_json_add_string (builder, "finding", record->finding);
  evident_cli_json_add_string (builder, "at", at);
  evident_cli_json_add_string (builder, "who", record->who);
  evident_cli_json_add_boolean (builder, "current", record->current);
  json_builder_end_object (builder);
}

/* When, session, reference, verdict, status set, finding, participants. */
static void
add_record_row (EvidentCliTable      *table,
                EvidentVerdictRecord *record)
{
  g_autofree char *at = evident_cli_format_time (record->at);
  g_autofree char *finding = evident_cli_one_line (record->finding);
  g_autofree char *participants = g_strjoinv (", ", record->participants);

  evident_cli_table_add (table, at);
  evident_cli_table_add_printf (table, "#%" G_GINT64_FORMAT " %s", record->session,
                                evident_session_kind_to_string (record->kind));
  evident_cli_table_add (table, record->ref);
  if (record->current)
    evident_cli_table_add (table, evident_verdict_to_string (record->verdict));
  else
    /* Translators: a verdict a later one replaced */
    evident_cli_table_add_printf (table, _("%s (replaced)"),
                                  evident_verdict_to_string (record->verdict));
  if (record->status_set != NULL)
    evident_cli_table_add_printf (table, "→ %s", record->status_set);
  else
    evident_cli_table_add (table, "");
  evident_cli_table_add (table, finding);
  evident_cli_table_add (table, participants);
}

static void
add_record (JsonBuilder     *builder,
            EvidentCliTable *table,
            gpointer         record,
            gpointer         data)
{
  if (builder != NULL)
    add_record_json (builder, record);
  else
    add_record_row (table, record);
}

/* A chapter's number, else an item's reference. */
static gboolean
parse_subject (EvidentCliContext  *cli,
               const char         *subject,
               const char        **chapter,
               EvidentItem       **item,
               GError            **error)
{
  GListModel *chapters = evident_project_get_chapters (cli->project);

  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr (EvidentChapter) found = g_list_model_get_item (chapters, i);

      if (g_str_equal (evident_chapter_get_number (found), subject))
        {
          *chapter = subject;
          return TRUE;
        }
    }
  *item = evident_project_lookup_item (cli->project, subject);
  if (*item == NULL)
    g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NO_SUCH_ITEM,
                 _("%s: there is no item or chapter “%s”"), cli->path, subject);
  return *item != NULL;
}

int
evident_cli_verdicts (EvidentCliContext  *cli,
                      GError            **error)
{
  VerdictsOptions *options = cli->options;
  g_autoptr (GPtrArray) records = NULL;
  EvidentSession *session = NULL;
  const char *chapter = NULL;
  EvidentItem *item = NULL;

  if (cli->n_args > 1 && !parse_subject (cli, cli->args[1], &chapter, &item, error))
    return EXIT_FAILURE;
  if (options->session != NULL
      && (session = evident_cli_lookup_session (cli, options->session, error)) == NULL)
    return EXIT_FAILURE;

  records = evident_audit_list_verdicts (evident_audit_get_for_project (cli->project), session,
                                         chapter, item, error);
  if (records == NULL)
    return evident_cli_audit_fail (cli, error);
  evident_cli_print_array (records, cli->json, "l  l  l  l  l  l  l", add_record, NULL);
  return EXIT_SUCCESS;
}

/* findings */

typedef struct
{
  gboolean  open;
  char     *session;
} FindingsOptions;

static const GOptionEntry findings_entries[] = {
  { "open", 'o', 0, G_OPTION_ARG_NONE, EVIDENT_CLI_OPTION (FindingsOptions, open),
    N_("Only those still open"), NULL },
  { "session", 's', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (FindingsOptions, session),
    N_("Only this session’s findings"), N_("SESSION") },
  { NULL }
};

const EvidentCliOptions evident_cli_findings_options = {
  .entries = findings_entries,
  .size = sizeof (FindingsOptions),
};

static void
add_finding_json (JsonBuilder    *builder,
                  EvidentFinding *finding)
{
  EvidentItem *item = evident_finding_get_item (finding);
  EvidentVerdict verdict = evident_finding_get_verdict (finding);
  GDateTime *addressed = evident_finding_get_addressed (finding);
  g_autofree char *created = evident_cli_format_utc (evident_finding_get_created (finding));
  g_autofree char *addressed_at = addressed != NULL ? evident_cli_format_utc (addressed) : NULL;

  json_builder_begin_object (builder);
  evident_cli_json_add_int (builder, "id", evident_finding_get_id (finding));
  evident_cli_json_add_string (builder, "state",
                               evident_finding_state_to_string (evident_finding_get_state (finding)));
  evident_cli_json_add_int (builder, "session", evident_finding_get_session_id (finding));
  evident_cli_json_add_string (builder, "ref", item != NULL ? evident_item_get_ref (item) : NULL);
  evident_cli_json_add_string (builder, "verdict", verdict != EVIDENT_VERDICT_NONE
                                                       ? evident_verdict_to_string (verdict)
                                                       : NULL);
  evident_cli_json_add_string (builder, "text", evident_finding_get_text (finding));
  evident_cli_json_add_string (builder, "created", created);
  evident_cli_json_add_string (builder, "created_by", evident_finding_get_created_by (finding));
  evident_cli_json_add_string (builder, "addressed", addressed_at);
  evident_cli_json_add_string (builder, "addressed_by", evident_finding_get_addressed_by (finding));
  json_builder_set_member_name (builder, "fixed_by");
  if (evident_finding_get_fixed_by (finding) > 0)
    json_builder_add_int_value (builder, evident_finding_get_fixed_by (finding));
  else
    json_builder_add_null_value (builder);
  evident_cli_json_add_string (builder, "fix", evident_finding_get_fix_summary (finding));
  evident_cli_json_add_string (builder, "note", evident_finding_get_note (finding));
  json_builder_end_object (builder);
}

/* Number, state, session, reference, verdict, text, how it was addressed. */
static void
add_finding_row (EvidentCliTable *table,
                 EvidentFinding  *finding)
{
  EvidentItem *item = evident_finding_get_item (finding);
  EvidentVerdict verdict = evident_finding_get_verdict (finding);
  g_autofree char *text = evident_cli_one_line (evident_finding_get_text (finding));
  g_autoptr (GString) how = g_string_new (NULL);

  if (evident_finding_get_fixed_by (finding) > 0)
    /* Translators: a finding addressed by an edit: its number, what it did */
    g_string_append_printf (how, _("by change %lld (%s)"),
                            (long long) evident_finding_get_fixed_by (finding),
                            evident_finding_get_fix_summary (finding) != NULL
                                ? evident_finding_get_fix_summary (finding)
                                : "");
  if (evident_finding_get_note (finding) != NULL)
    {
      g_autofree char *note = evident_cli_one_line (evident_finding_get_note (finding));

      g_string_append_printf (how, "%s%s", how->len > 0 ? "; " : "", note);
    }

  evident_cli_table_add_printf (table, "%" G_GINT64_FORMAT, evident_finding_get_id (finding));
  evident_cli_table_add (table, evident_finding_state_to_string (evident_finding_get_state (finding)));
  evident_cli_table_add_printf (table, "#%" G_GINT64_FORMAT,
                                evident_finding_get_session_id (finding));
  evident_cli_table_add (table, item != NULL ? evident_item_get_ref (item) : "-");
  evident_cli_table_add (table, verdict != EVIDENT_VERDICT_NONE ? evident_verdict_to_string (verdict)
                                                                : "");
  evident_cli_table_add (table, text);
  evident_cli_table_add (table, how->str);
}

static void
add_finding (JsonBuilder     *builder,
             EvidentCliTable *table,
             gpointer         finding,
             gpointer         data)
{
  if (builder != NULL)
    add_finding_json (builder, finding);
  else
    add_finding_row (table, finding);
}

int
evident_cli_findings (EvidentCliContext  *cli,
                      GError            **error)
{
  FindingsOptions *options = cli->options;
  g_autoptr (GPtrArray) findings = NULL;
  EvidentSession *session = NULL;

  if (options->session != NULL
      && (session = evident_cli_lookup_session (cli, options->session, error)) == NULL)
    return EXIT_FAILURE;
  findings = evident_audit_list_findings (evident_audit_get_for_project (cli->project), session,
                                          NULL, options->open);
  evident_cli_print_array (findings, cli->json, "r  l  l  l  l  l  l", add_finding, NULL);
  return EXIT_SUCCESS;
}

/* finding */

typedef struct
{
  gboolean  address;
  gboolean  reopen;
  int       change;
  char     *fixed_by;
  char     *note;
} FindingOptions;

static const GOptionEntry finding_entries[] = {
  { "address", 'a', 0, G_OPTION_ARG_NONE, EVIDENT_CLI_OPTION (FindingOptions, address),
    N_("Mark the finding addressed"), NULL },
  { "change", 'c', 0, G_OPTION_ARG_INT, EVIDENT_CLI_OPTION (FindingOptions, change),
    N_("The number of the edit that addressed it"), N_("N") },
  { "fixed-by", 'f', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (FindingOptions, fixed_by),
    N_("The item whose newest edit addressed it"), N_("REF") },
  { "note", 'n', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (FindingOptions, note),
    N_("How it was addressed"), N_("TEXT") },
  { "reopen", 'r', 0, G_OPTION_ARG_NONE, EVIDENT_CLI_OPTION (FindingOptions, reopen),
    N_("Open the finding again"), NULL },
  { NULL }
};

static gboolean
finding_check (EvidentCliContext  *cli,
               GError            **error)
{
  FindingOptions *options = cli->options;
  gboolean how = options->change != 0 || options->fixed_by != NULL || options->note != NULL;

  if (options->address == options->reopen)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Say what to do: --address or --reopen"));
  else if (options->reopen && how)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("--change, --fixed-by and --note go with --address"));
  else if (options->change != 0 && options->fixed_by != NULL)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Give either --change or --fixed-by"));
  else if (options->change < 0)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("--change takes the number of an edit"));
  else
    return TRUE;
  return FALSE;
}

const EvidentCliOptions evident_cli_finding_options = {
  .entries = finding_entries,
  .size = sizeof (FindingOptions),
  .check = finding_check,
  .description = N_("An addressed finding links the edit that fixed it (--change N, or "
                    "--fixed-by REF for that item’s newest edit), a note, or both."),
};

int
evident_cli_finding (EvidentCliContext  *cli,
                     GError            **error)
{
  FindingOptions *options = cli->options;
  EvidentFinding *finding = evident_cli_lookup_finding (cli, cli->args[1], error);
  gint64 change = options->change;

  if (finding == NULL)
    return EXIT_FAILURE;
  if (options->reopen)
    return evident_finding_reopen (finding, error) ? EXIT_SUCCESS
                                                   : evident_cli_audit_fail (cli, error);

  if (options->fixed_by != NULL)
    {
      EvidentItem *item = evident_cli_lookup_item (cli, options->fixed_by, error);

      if (item == NULL)
        return EXIT_FAILURE;
      change = evident_audit_find_last_change (evident_audit_get_for_project (cli->project),
                                               item, error);
      if (change == 0)
        return evident_cli_audit_fail (cli, error);
    }
  if (!evident_finding_address (finding, change, options->note, error))
    return evident_cli_audit_fail (cli, error);
  if (evident_finding_get_fix_summary (finding) != NULL)
    g_print (_("Addressed by change %lld: %s\n"), (long long) change,
             evident_finding_get_fix_summary (finding));
  return EXIT_SUCCESS;
}

/* finding new */

typedef struct
{
  char *text;
} FindingNewOptions;

static const GOptionEntry finding_new_entries[] = {
  { "text", 't', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (FindingNewOptions, text),
    N_("What was found"), N_("TEXT") },
  { NULL }
};

static gboolean
finding_new_check (EvidentCliContext  *cli,
                   GError            **error)
{
  FindingNewOptions *options = cli->options;

  if (options->text != NULL)
    return TRUE;
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Say what was found with --text"));
  return FALSE;
}

const EvidentCliOptions evident_cli_finding_new_options = {
  .entries = finding_new_entries,
  .size = sizeof (FindingNewOptions),
  .check = finding_new_check,
  .description = N_("On an item (REF), or without one on the session as a whole: the "
                    "auditor’s closing findings, as they are presented. Prints the "
                    "finding’s number."),
};

int
evident_cli_finding_new (EvidentCliContext  *cli,
                         GError            **error)
{
  FindingNewOptions *options = cli->options;
  EvidentSession *session = evident_cli_lookup_session (cli, cli->args[1], error);
  EvidentItem *item = NULL;
  EvidentFinding *finding;

  if (session == NULL)
    return EXIT_FAILURE;
  if (cli->n_args > 2 && (item = evident_cli_lookup_item (cli, cli->args[2], error)) == NULL)
    return EXIT_FAILURE;
  finding = evident_session_add_finding (session, item, options->text, error);
  if (finding == NULL)
    return evident_cli_audit_fail (cli, error);
  g_print ("%" G_GINT64_FORMAT "\n", evident_finding_get_id (finding));
  return EXIT_SUCCESS;
}
