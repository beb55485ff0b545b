/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli: the command table, and the entry point that picks a row. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evident-cli-commands.h"
#include "evident-cli-output.h"

#define READ   EVIDENT_CLI_PROJECT_READ
#define WRITE  EVIDENT_CLI_PROJECT_WRITE
#define CREATE EVIDENT_CLI_PROJECT_CREATE
#define INSPECT EVIDENT_CLI_PROJECT_INSPECT
#define JSON   EVIDENT_CLI_JSON
#define NONE   EVIDENT_CLI_FLAGS_NONE
#define FILE_ARG EVIDENT_CLI_PROJECT_NONE

/* Every command, in the order `evident-cli --help` lists them. The driver
 * (evident-cli-driver.c) parses the options, counts the arguments (the
 * fewest, the most), opens the project in the first argument as the
 * access column says, adds --json where flagged, then runs the command. */
static const EvidentCliCommand commands[] = {
  /* name, arguments, summary,
   *   fewest and most arguments, project, flags, options, work */
  { "new", N_("PROJECT --checklist FILE"), N_("Create a project from a checklist"),
    1, 1, CREATE, NONE, &evident_cli_new_options, evident_cli_new },
  { "inspect", N_("FILE"), N_("Show how a checklist file would be imported"),
    1, 1, FILE_ARG, JSON, &evident_cli_inspect_options, evident_cli_inspect },
  { "items", N_("PROJECT"), N_("List the items"),
    1, 1, READ, JSON, NULL, evident_cli_items },
  { "set", N_("PROJECT REF"), N_("Edit an item"),
    2, 2, WRITE, NONE, &evident_cli_set_options, evident_cli_set },
  { "score", N_("PROJECT"), N_("Show the score"),
    1, 1, READ, JSON, NULL, evident_cli_score },
  { "history", N_("PROJECT [REF]"), N_("Show who changed what, newest first"),
    1, 2, READ, NONE, NULL, evident_cli_history },
  { "check", N_("PROJECT"), N_("Check the project file’s integrity and schema"),
    1, 1, INSPECT, NONE, NULL, evident_cli_check },
  { "heatmap", N_("PROJECT"), N_("Show the items by owner and complexity"),
    1, 1, READ, JSON, &evident_cli_heatmap_options, evident_cli_heatmap },
  { "attach", N_("PROJECT REF FILE|URL"), N_("Add a file or a link to an item as evidence"),
    3, 3, WRITE, NONE, &evident_cli_attach_options, evident_cli_attach },
  { "evidence", N_("PROJECT [REF]"), N_("List the evidence of every item, or of one"),
    1, 2, READ, JSON, NULL, evident_cli_evidence },
  { "extract", N_("PROJECT SHA256 OUTFILE"), N_("Save a copy of a stored file"),
    3, 3, READ, NONE, &evident_cli_extract_options, evident_cli_extract },
  { "verify", N_("PROJECT"), N_("Check every stored file against its SHA-256"),
    1, 1, WRITE, NONE, &evident_cli_verify_options, evident_cli_verify },
  { "cleanup", N_("PROJECT"), N_("Delete removed evidence and the files no evidence uses"),
    1, 1, WRITE, NONE, NULL, evident_cli_cleanup },
  { "report", N_("PROJECT OUT.pdf"), N_("Write the readiness report as a PDF file"),
    2, 2, READ, NONE, &evident_cli_report_options, evident_cli_report },
  { "pack", N_("PROJECT OUT.zip"), N_("Write the evidence pack for the auditor"),
    2, 2, READ, NONE, &evident_cli_pack_options, evident_cli_pack },
  { "verify-pack", N_("PACK.zip"), N_("Check an evidence pack against its manifest"),
    1, 1, EVIDENT_CLI_PROJECT_NONE, NONE, &evident_cli_verify_pack_options, evident_cli_verify_pack },
  { "export", N_("PROJECT --format FORMAT OUTFILE"),
    N_("Write the self-assessment, a spreadsheet or CSV for Evident or Jira"),
    2, 2, READ, NONE, &evident_cli_export_options, evident_cli_export },
  { "exempt", N_("PROJECT CHAPTER|SECTION"),
    N_("Exempt a chapter or section (all its items not applicable), or lift it"),
    2, 2, WRITE, NONE, &evident_cli_exempt_options, evident_cli_exempt },
  { "exemptions", N_("PROJECT"), N_("List the exempt chapters and sections"),
    1, 1, READ, JSON, NULL, evident_cli_exemptions },
  { "session new", N_("PROJECT --kind KIND"),
    N_("Record a dry run, pre-audit or validation audit; print its number"),
    1, 1, WRITE, NONE, &evident_cli_session_new_options, evident_cli_session_new },
  { "session open", N_("PROJECT SESSION"), N_("Open a session (again)"),
    2, 2, WRITE, NONE, NULL, evident_cli_session_open },
  { "session close", N_("PROJECT SESSION"), N_("Close a session"),
    2, 2, WRITE, NONE, NULL, evident_cli_session_close },
  { "session start", N_("PROJECT SESSION CHAPTER"),
    N_("Move a session to a chapter: its time starts"),
    3, 3, WRITE, NONE, &evident_cli_session_time_options, evident_cli_session_start },
  { "session stop", N_("PROJECT SESSION"), N_("Stop the time of a session’s chapter"),
    2, 2, WRITE, NONE, &evident_cli_session_time_options, evident_cli_session_stop },
  { "session plan", N_("PROJECT SESSION CHAPTER MINUTES|auto"),
    N_("Plan the minutes of a chapter in a session’s agenda"),
    4, 4, WRITE, NONE, &evident_cli_session_plan_options, evident_cli_session_plan },
  { "sessions", N_("PROJECT"), N_("List the sessions and their verdicts"),
    1, 1, READ, JSON, NULL, evident_cli_sessions },
  { "verdict", N_("PROJECT SESSION REF VERDICT"),
    N_("Record an item’s verdict: passed, failed, observation or not-reached"),
    4, 4, WRITE, NONE, &evident_cli_verdict_options, evident_cli_verdict },
  { "verdicts", N_("PROJECT [REF|CHAPTER]"),
    N_("Show the verdicts given, newest first: the history of an item or a chapter"),
    1, 2, READ, JSON, &evident_cli_verdicts_options, evident_cli_verdicts },
  { "findings", N_("PROJECT"), N_("List the findings of the sessions"),
    1, 1, READ, JSON, &evident_cli_findings_options, evident_cli_findings },
  { "finding", N_("PROJECT FINDING"), N_("Address a finding, or open it again"),
    2, 2, WRITE, NONE, &evident_cli_finding_options, evident_cli_finding },
  { "finding new", N_("PROJECT SESSION [REF] --text TEXT"),
    N_("Record a finding without a verdict; print its number"),
    2, 3, WRITE, NONE, &evident_cli_finding_new_options, evident_cli_finding_new },
  { "agenda", N_("PROJECT SESSION"),
    N_("Show a session’s agenda: planned and spent minutes per chapter"),
    2, 2, READ, JSON, &evident_cli_agenda_options, evident_cli_agenda },
  { "plan", N_("PROJECT"), N_("Show the cheapest way over the pass line"),
    1, 1, READ, JSON, &evident_cli_plan_options, evident_cli_plan },
  { "whatif", N_("PROJECT --assume-met REF,…"),
    N_("Show the score with items assumed met or not met"),
    1, 1, READ, JSON, &evident_cli_whatif_options, evident_cli_whatif },
  /* Reads or writes as its action says (scenario_check). */
  { "scenario", N_("PROJECT list|show|save|apply|delete|compare [NAME…]"),
    N_("Keep, compare and apply what-if scenarios"),
    2, 4, READ, JSON, &evident_cli_scenario_options, evident_cli_scenario },
  /* Writes only with options (settings_check). */
  { "settings", N_("PROJECT"), N_("Show or change the audit date and the efforts per complexity"),
    1, 1, READ, JSON, &evident_cli_settings_options, evident_cli_settings },
  { "workload", N_("PROJECT"), N_("Show each owner’s open items by the week they are due"),
    1, 1, READ, JSON, &evident_cli_workload_options, evident_cli_workload },
  { "revise", N_("PROJECT CHECKLIST"),
    N_("Move the project to a new version of its checklist, keeping the work"),
    2, 2, WRITE, JSON, &evident_cli_revise_options, evident_cli_revise },
  { "versions", N_("PROJECT"), N_("List the checklist versions the project has been on"),
    1, 1, READ, JSON, NULL, evident_cli_versions },
  { "archive", N_("PROJECT"), N_("List the items revisions took out, with their evidence"),
    1, 1, READ, JSON, NULL, evident_cli_archive },
  { "reattach", N_("PROJECT EVIDENCE REF"),
    N_("Add evidence of an archived item to an item of the checklist"),
    3, 3, WRITE, NONE, NULL, evident_cli_reattach },
};

static void
print_usage (FILE *stream)
{
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("  l  l  l");
  g_autofree char *listing = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      evident_cli_table_add (table, commands[i].name);
      if (commands[i].flags & EVIDENT_CLI_JSON)
        evident_cli_table_add_printf (table, "%s [--json]", _(commands[i].args));
      else
        evident_cli_table_add (table, _(commands[i].args));
      evident_cli_table_add (table, _(commands[i].summary));
    }
  listing = evident_cli_table_to_string (table);

  fprintf (stream, "%s\n", _("Usage: evident-cli COMMAND [OPTIONS…] ARGUMENTS…"));
  fprintf (stream, "\n%s\n", _("Work on Evident audit projects without a display."));
  fprintf (stream, "\n%s\n%s", _("Commands:"), listing);
  fprintf (stream, "\n%s\n", _("Run “evident-cli COMMAND --help” for a command’s options."));
}

/* A command of two words (`session new`) given without its second word,
 * or with an unknown one: says which there are. */
static gboolean
print_subcommands (const char *word)
{
  g_autoptr (GString) names = g_string_new (NULL);
  gsize length = strlen (word);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_has_prefix (commands[i].name, word) && commands[i].name[length] == ' ')
        g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                                commands[i].name + length + 1);
    }
  if (names->len == 0)
    return FALSE;
  g_printerr (_("evident-cli: “%s” needs one of: %s\n\n"), word, names->str);
  print_usage (stderr);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc >= 3)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", argv[1], argv[2]);

      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        {
          if (g_str_equal (name, commands[i].name))
            return evident_cli_run_command (&commands[i], argc - 2, argv + 2);
        }
    }
  if (argc >= 2)
    {
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        {
          if (g_str_equal (argv[1], commands[i].name))
            return evident_cli_run_command (&commands[i], argc - 1, argv + 1);
        }
    }

  g_set_prgname ("evident-cli");
  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (print_subcommands (argv[1]))
    return EXIT_USAGE;
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")
      || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("evident-cli %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  g_printerr (_("evident-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
