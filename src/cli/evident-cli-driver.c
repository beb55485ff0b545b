/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The one way every evident-cli command runs: its options parsed, its
 * arguments counted, its project opened, its errors reported. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "evident-cli-driver.h"

static const GOptionEntry json_entry = {
  "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print JSON"), NULL
};

static int
usage_error (EvidentCliContext *cli,
             const char        *message)
{
  g_autofree char *help = g_option_context_get_help (cli->option_context, TRUE, NULL);

  g_printerr ("evident-cli: %s\n\n%s", message, help);
  return EXIT_USAGE;
}

static gpointer
option_value (gpointer            values,
              const GOptionEntry *entry)
{
  return (char *) values + GPOINTER_TO_SIZE (entry->arg_data);
}

/* The translated description of @entry, with the default in @values where
 * it has a printf conversion for it. */
static char *
describe (const GOptionEntry *entry,
          gpointer            values)
{
  const char *text = entry->description ? _(entry->description) : NULL;

  if (text == NULL || strchr (text, '%') == NULL)
    return g_strdup (text);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  switch (entry->arg)
    {
    case G_OPTION_ARG_INT:
      return g_strdup_printf (text, *(int *) option_value (values, entry));
    case G_OPTION_ARG_STRING:
    case G_OPTION_ARG_FILENAME:
      {
        const char *value = *(const char **) option_value (values, entry);

        return g_strdup_printf (text, value != NULL ? value : "");
      }
    default:
      return g_strdup (text);
    }
#pragma GCC diagnostic pop
}

/* The command's own option entries, an empty list when it has none. */
static const GOptionEntry *
command_entries (const EvidentCliCommand *command)
{
  static const GOptionEntry none[] = { { NULL } };

  if (command->options == NULL || command->options->entries == NULL)
    return none;
  return command->options->entries;
}

/* @entry for GOption: translated, described, pointing into @cli's
 * options. */
static GOptionEntry
localize_entry (EvidentCliContext  *cli,
                const GOptionEntry *entry,
                gpointer            arg_data)
{
  GOptionEntry localized = *entry;
  char *description = describe (entry, cli->options);

  g_ptr_array_add (cli->strings, description);
  localized.description = description;
  localized.arg_description = entry->arg_description ? _(entry->arg_description) : NULL;
  localized.arg_data = arg_data;
  return localized;
}

/* The command's option context, with its options' defaults set. Every
 * string is translated here: GOption translates nothing more. */
static void
setup_options (EvidentCliContext *cli)
{
  const EvidentCliCommand *command = cli->command;
  const EvidentCliOptions *options = command->options;
  gsize size = options != NULL ? MAX (options->size, 1) : 1;
  g_autoptr (GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  GOptionGroup *group = g_option_group_new (NULL, NULL, NULL, NULL, NULL);
  g_autofree char *name = g_strdup_printf ("evident-cli %s", command->name);

  cli->options = g_malloc0 (size);
  if (options != NULL && options->init != NULL)
    options->init (cli->options);
  cli->defaults = g_memdup2 (cli->options, size);

  for (const GOptionEntry *entry = command_entries (command); entry->long_name != NULL; entry++)
    {
      /* A callback's arg_data is the function to call, not an offset. */
      gpointer arg_data = entry->arg == G_OPTION_ARG_CALLBACK ? entry->arg_data
                                                              : option_value (cli->options, entry);
      GOptionEntry localized = localize_entry (cli, entry, arg_data);

      g_array_append_val (entries, localized);
    }
  if (command->flags & EVIDENT_CLI_JSON)
    {
      GOptionEntry localized = localize_entry (cli, &json_entry, &cli->json);

      g_array_append_val (entries, localized);
    }

  /* The usage line reads "evident-cli COMMAND [OPTION…] ARGS". */
  g_set_prgname (name);
  cli->option_context = g_option_context_new (_(command->args));
  g_option_context_set_summary (cli->option_context, _(command->summary));
  if (options != NULL && options->description != NULL)
    g_option_context_set_description (cli->option_context, _(options->description));
  g_option_group_add_entries (group, (const GOptionEntry *) (gpointer) entries->data);
  g_option_context_set_main_group (cli->option_context, group);
}

/* Frees the option values that parsing allocated; defaults are static. */
static void
free_options (EvidentCliContext *cli)
{
  for (const GOptionEntry *entry = command_entries (cli->command); entry->long_name != NULL;
       entry++)
    {
      gboolean is_string = entry->arg == G_OPTION_ARG_STRING
                           || entry->arg == G_OPTION_ARG_FILENAME;
      gboolean is_array = entry->arg == G_OPTION_ARG_STRING_ARRAY
                          || entry->arg == G_OPTION_ARG_FILENAME_ARRAY;
      gpointer *value;

      if (!is_string && !is_array)
        continue;
      value = option_value (cli->options, entry);
      if (*value == *(gpointer *) option_value (cli->defaults, entry))
        continue;
      if (is_string)
        g_free (*value);
      else
        g_strfreev (*value);
    }
  g_free (cli->options);
  g_free (cli->defaults);
}

/**
 * evident_cli_open_project:
 * @path: the project's path as the user gave it
 * @access: what the command does with it
 *
 * Opens the project for a command; the only place the command line opens
 * one.
 *
 * Returns: (transfer full): the project, or %NULL with @error set to a
 *   message naming the file
 */
EvidentProject *
evident_cli_open_project (const char        *path,
                          EvidentCliAccess   access,
                          GError           **error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  EvidentProjectOpenFlags flags;

  /* Readers never wait for writers nor hold them up, and a damaged file
   * opens only to be reported on. */
  switch (access)
    {
    case EVIDENT_CLI_PROJECT_READ:
      flags = EVIDENT_PROJECT_OPEN_READ_ONLY;
      break;
    case EVIDENT_CLI_PROJECT_INSPECT:
      flags = EVIDENT_PROJECT_OPEN_READ_ONLY | EVIDENT_PROJECT_OPEN_INSPECT;
      break;
    case EVIDENT_CLI_PROJECT_WRITE:
      flags = EVIDENT_PROJECT_OPEN_DEFAULT;
      break;
    case EVIDENT_CLI_PROJECT_NONE:
    case EVIDENT_CLI_PROJECT_CREATE:
    default:
      g_return_val_if_reached (NULL);
    }

  return evident_project_open_full (file, flags, error);
}

/**
 * evident_cli_lookup_item:
 * @ref: an item's reference as the user gave it
 *
 * Returns: (transfer none): the item @ref of @cli's project, or %NULL with
 *   @error set to a message naming the file and the reference
 */
EvidentItem *
evident_cli_lookup_item (EvidentCliContext  *cli,
                         const char         *ref,
                         GError            **error)
{
  EvidentItem *item = evident_project_lookup_item (cli->project, ref);

  if (item == NULL)
    g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NO_SUCH_ITEM,
                 _("%s: there is no item “%s”"), cli->path, ref);
  return item;
}

static int
run_parsed (EvidentCliContext *cli)
{
  const EvidentCliCommand *command = cli->command;
  g_autoptr (GError) error = NULL;
  int ret = EXIT_FAILURE;

  if (cli->n_args < command->n_args_min)
    return usage_error (cli, _("Missing arguments"));
  if (cli->n_args > command->n_args_max)
    return usage_error (cli, _("Too many arguments"));
  if (command->options != NULL && command->options->check != NULL
      && !command->options->check (cli, &error))
    return usage_error (cli, error->message);

  if (cli->access == EVIDENT_CLI_PROJECT_READ || cli->access == EVIDENT_CLI_PROJECT_WRITE
      || cli->access == EVIDENT_CLI_PROJECT_INSPECT)
    cli->project = evident_cli_open_project (cli->path, cli->access, &error);

  if (error == NULL)
    ret = command->run (cli, &error);
  if (error != NULL)
    {
      g_printerr ("evident-cli: %s\n", error->message);
      return EXIT_FAILURE;
    }
  return ret;
}

/**
 * evident_cli_run_command:
 * @argv: the command's name, then its options and arguments
 *
 * Runs @command on the command line @argv: parses its options (a
 * `--help` prints the command's help and exits), counts its arguments,
 * checks its options, opens its project, runs it and reports its error.
 *
 * Returns: the exit status: 0, %EXIT_FAILURE on an error, %EXIT_USAGE on
 *   wrong usage
 */
int
evident_cli_run_command (const EvidentCliCommand  *command,
                         int                       argc,
                         char                    **argv)
{
  EvidentCliContext cli = { .command = command, .access = command->access };
  g_autoptr (GError) error = NULL;
  int ret;

  cli.strings = g_ptr_array_new_with_free_func (g_free);
  setup_options (&cli);

  if (!g_option_context_parse (cli.option_context, &argc, &argv, &error))
    ret = usage_error (&cli, error->message);
  else
    {
      /* argv[0] is the command's name */
      cli.args = argv + 1;
      cli.n_args = argc - 1;
      cli.path = cli.n_args > 0 ? cli.args[0] : NULL;
      ret = run_parsed (&cli);
    }

  g_clear_object (&cli.project);
  free_options (&cli);
  g_option_context_free (cli.option_context);
  g_ptr_array_unref (cli.strings);
  return ret;
}
