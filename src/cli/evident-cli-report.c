/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli report: the readiness report as a PDF file. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "evident-pack.h"
#include "evident-project.h"
#include "evident-report.h"

#include "evident-cli-commands.h"
#include "evident-cli-output.h"

typedef struct
{
  char *scope;
  char *pack;
} ReportOptions;

static const GOptionEntry report_entries[] = {
  { "scope", 's', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (ReportOptions, scope),
    N_("all, open (the items not counted in the projected view) or a chapter’s number "
       "(default %s)"), N_("SCOPE") },
  { "pack", 'p', 0, G_OPTION_ARG_FILENAME, EVIDENT_CLI_OPTION (ReportOptions, pack),
    N_("An evidence pack made with “evident-cli pack”, whose manifest’s SHA-256 the cover "
       "shows"), N_("PACK.zip") },
  { NULL }
};

static void
report_init (gpointer values)
{
  ReportOptions *options = values;

  options->scope = (char *) "all";
}

const EvidentCliOptions evident_cli_report_options = {
  .entries = report_entries,
  .size = sizeof (ReportOptions),
  .init = report_init,
  .description = N_("The report has a cover with the score in every view against the pass "
                    "line, the chapters, the mandatory items not counted, the most points at "
                    "risk, the heat map and a table of the items with their evidence. It is "
                    "printed on the locale’s paper (A4, or US Letter where that is usual), "
                    "and in the locale’s language."),
};

static EvidentReportScope
parse_scope (const char  *scope,
             const char **chapter)
{
  *chapter = NULL;
  if (g_str_equal (scope, "all"))
    return EVIDENT_REPORT_SCOPE_ALL;
  if (g_str_equal (scope, "open"))
    return EVIDENT_REPORT_SCOPE_OPEN;
  *chapter = scope;
  return EVIDENT_REPORT_SCOPE_CHAPTER;
}

int
evident_cli_report (EvidentCliContext  *cli,
                    GError            **error)
{
  ReportOptions *options = cli->options;
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (cli->args[1]);
  g_autoptr (EvidentReport) report = NULL;
  g_autofree char *digest = NULL;
  const char *chapter;
  EvidentReportScope scope = parse_scope (options->scope, &chapter);

  if (options->pack != NULL)
    {
      g_autoptr (GFile) pack = g_file_new_for_commandline_arg (options->pack);

      digest = evident_pack_read_digest (pack, error);
      if (digest == NULL)
        return EXIT_FAILURE;
    }

  report = evident_report_new (cli->project, scope, chapter, error);
  if (report == NULL)
    return EXIT_FAILURE;
  evident_report_set_pack_digest (report, digest);
  if (!evident_report_write_pdf (report, file, NULL, error))
    return EXIT_FAILURE;

  evident_cli_print (g_dngettext (GETTEXT_PACKAGE, "Wrote the report of %u item to “%s”\n",
                                  "Wrote the report of %u items to “%s”\n",
                                  evident_report_get_n_items (report)),
                     evident_report_get_n_items (report), cli->args[1]);
  if (digest != NULL)
    g_print (_("Its cover shows the evidence pack’s manifest SHA-256 %s\n"), digest);
  return EXIT_SUCCESS;
}
