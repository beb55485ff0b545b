/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli export: the self-assessment handed in, a spreadsheet, CSV
 * for Evident and for Jira. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "evident-export.h"

#include "evident-cli-commands.h"
#include "evident-cli-output.h"

typedef struct
{
  char                *format_name;
  EvidentExportFormat  format;
} ExportOptions;

static const GOptionEntry export_entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (ExportOptions, format_name),
    N_("aws-xlsx (the self-assessment handed in), xlsx, csv or jira-csv"), N_("FORMAT") },
  { NULL }
};

static gboolean
export_check (EvidentCliContext  *cli,
              GError            **error)
{
  ExportOptions *options = cli->options;

  if (options->format_name == NULL)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Say what to write with --format aws-xlsx, xlsx, csv or jira-csv"));
  else if (!evident_export_format_from_string (options->format_name, &options->format))
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("“%s” is not a format; use aws-xlsx, xlsx, csv or jira-csv"),
                 options->format_name);
  else
    return TRUE;
  return FALSE;
}

const EvidentCliOptions evident_cli_export_options = {
  .entries = export_entries,
  .size = sizeof (ExportOptions),
  .check = export_check,
  .description = N_("aws-xlsx writes the answers into a copy of the workbook the project was "
                    "imported from: “Met?” and “Partner Response”, nothing else. OUTFILE is "
                    "replaced only once the new file is complete."),
};

int
evident_cli_export (EvidentCliContext  *cli,
                    GError            **error)
{
  ExportOptions *options = cli->options;
  g_autoptr (GFile) destination = g_file_new_for_commandline_arg (cli->args[1]);

  if (!evident_export (cli->project, options->format, destination, NULL, error))
    {
      g_prefix_error (error, "%s: ", cli->path);
      return EXIT_FAILURE;
    }

  evident_cli_print (_("Exported %u items to “%s”\n"),
                     g_list_model_get_n_items (evident_project_get_items (cli->project)),
                     cli->args[1]);
  return EXIT_SUCCESS;
}
