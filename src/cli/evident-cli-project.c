/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli new and check: a project file as a whole. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "evident-enums-util.h"
#include "evident-import.h"
#include "evident-project.h"

#include "evident-cli-checklist.h"
#include "evident-cli-commands.h"
#include "evident-cli-output.h"

/* new */

typedef struct
{
  char                    *checklist;
  char                    *title;
  char                    *version;
  char                    *mode;
  EvidentCliImportOptions  import;
  EvidentProjectSettings   settings;
} NewOptions;

static const GOptionEntry new_entries[] = {
  { "checklist", 'c', 0, G_OPTION_ARG_FILENAME, EVIDENT_CLI_OPTION (NewOptions, checklist),
    N_("The checklist to import: a workbook (.xlsx) or a CSV file"), N_("FILE") },
  { "title", 't', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (NewOptions, title),
    N_("The project’s title"), N_("TITLE") },
  { "checklist-version", 0, 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (NewOptions, version),
    N_("The checklist’s version, e.g. 4.1"), N_("VERSION") },
  { "pass-score", 0, 0, G_OPTION_ARG_INT,
    EVIDENT_CLI_OPTION (NewOptions, settings.rules.pass_score),
    N_("Score needed to pass (default %d)"), N_("N") },
  { "penalty", 0, 0, G_OPTION_ARG_INT,
    EVIDENT_CLI_OPTION (NewOptions, settings.rules.mandatory_penalty),
    N_("Points lost for each mandatory item not met (default %d)"), N_("N") },
  { "mode", 0, 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (NewOptions, mode),
    N_("Scoring mode: points or pass-fail (default: pass-fail when no item has points, "
       "else points)"),
    N_("MODE") },
  EVIDENT_CLI_IMPORT_OPTION_ENTRIES (NewOptions, import),
  { NULL }
};

/* The core's defaults for a new project. */
static void
new_init (gpointer values)
{
  NewOptions *options = values;

  evident_project_settings_init (&options->settings);
}

static gboolean
new_check (EvidentCliContext  *cli,
           GError            **error)
{
  NewOptions *options = cli->options;
  EvidentRules *rules = &options->settings.rules;

  options->settings.override_mode = options->mode != NULL;
  if (options->checklist == NULL)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Say which checklist to import with --checklist FILE"));
  else if (options->mode != NULL && !evident_score_mode_from_string (options->mode, &rules->mode))
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("The mode is either “points” or “pass-fail”"));
  else if (rules->pass_score < 0 || rules->mandatory_penalty < 0)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("The pass score and the penalty cannot be negative"));
  else
    return evident_cli_check_import_options (&options->import, error);
  return FALSE;
}

const EvidentCliOptions evident_cli_new_options = {
  .entries = new_entries,
  .size = sizeof (NewOptions),
  .init = new_init,
  .check = new_check,
  .description = N_("Workbooks and the layouts Evident knows (its own CSV format, AWS’s "
                    "self-assessment, Jira’s CSV export) need no more options; "
                    "“evident-cli inspect FILE” shows how any other file is read."),
};

int
evident_cli_new (EvidentCliContext  *cli,
                 GError            **error)
{
  NewOptions *options = cli->options;
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (cli->path);
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (EvidentProject) project = NULL;
  const EvidentRules *rules;
  guint n_items;
  guint n_chapters;
  g_autofree char *items = NULL;
  g_autofree char *chapters = NULL;

  import = evident_cli_read_checklist (options->checklist, &options->import, error);
  if (import == NULL)
    return EXIT_FAILURE;

  options->settings.title = options->title;
  options->settings.checklist_version = options->version;
  project = evident_project_create_from_import (file, &options->settings, import, NULL, error);
  if (project == NULL)
    {
      if ((*error)->domain == EVIDENT_IMPORT_ERROR)
        evident_cli_prefix_import_error (error, options->checklist);
      return EXIT_FAILURE;
    }

  rules = evident_project_get_rules (project);
  n_items = g_list_model_get_n_items (evident_project_get_items (project));
  n_chapters = g_list_model_get_n_items (evident_project_get_chapters (project));
  /* Translators: how many items a new project has, in "Created “%s” %s %s" */
  items = g_strdup_printf (ngettext ("with %u item", "with %u items", n_items), n_items);
  chapters = g_strdup_printf (ngettext ("in %u chapter", "in %u chapters", n_chapters), n_chapters);
  if (rules->mode == EVIDENT_SCORE_MODE_POINTS)
    /* Translators: the file, "with %u items", "in %u chapters" and the points to reach */
    evident_cli_print (_("Created “%s” %s %s (%d points)\n"), cli->path, items, chapters,
                       (int) evident_project_get_max_score (project));
  else
    /* Translators: the file, "with %u items" and "in %u chapters" */
    evident_cli_print (_("Created “%s” %s %s (pass/fail)\n"), cli->path, items, chapters);
  return EXIT_SUCCESS;
}

/* check */

int
evident_cli_check (EvidentCliContext  *cli,
                   GError            **error)
{
  if (!evident_project_check (cli->project, error))
    return EXIT_FAILURE;

  evident_cli_print (_("%s: no problems found (schema version %d, %u items)\n"), cli->path,
                     EVIDENT_PROJECT_SCHEMA_VERSION,
                     g_list_model_get_n_items (evident_project_get_items (cli->project)));
  return EXIT_SUCCESS;
}
