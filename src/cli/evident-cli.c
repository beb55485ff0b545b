/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli: the command table, and the entry point that picks a row. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "evident-cli-commands.h"
#include "evident-cli-output.h"

#define READ   EVIDENT_CLI_PROJECT_READ
#define WRITE  EVIDENT_CLI_PROJECT_WRITE
#define CREATE EVIDENT_CLI_PROJECT_CREATE
#define INSPECT EVIDENT_CLI_PROJECT_INSPECT
#define JSON   EVIDENT_CLI_JSON
#define NONE   EVIDENT_CLI_FLAGS_NONE

/* Every command, in the order `evident-cli --help` lists them. The driver
 * (evident-cli-driver.c) parses the options, counts the arguments (the
 * fewest, the most), opens the project in the first argument as the
 * access column says, adds --json where flagged, then runs the command. */
static const EvidentCliCommand commands[] = {
  /* name, arguments, summary,
   *   fewest and most arguments, project, flags, options, work */
  { "new", N_("PROJECT --checklist FILE.csv"), N_("Create a project from a checklist"),
    1, 1, CREATE, NONE, &evident_cli_new_options, evident_cli_new },
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

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

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

  evident_cli_printerr (_("evident-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
