/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "evident-cli-common.h"

int
evident_cli_fail (GError *error)
{
  g_printerr ("evident-cli: %s\n", error->message);
  return EXIT_FAILURE;
}

int
evident_cli_usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("evident-cli: %s\n\n%s", message, help);
  return EXIT_USAGE;
}

/* Parses the options of a command. Returns -1 when parsing went well,
 * else the exit status. */
int
evident_cli_parse_options (GOptionContext *context,
               int            *argc,
               char         ***argv,
               int             n_args_min,
               int             n_args_max)
{
  g_autoptr (GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    return evident_cli_usage_error (context, error->message);
  /* argv[0] is the command name */
  if (*argc - 1 < n_args_min)
    return evident_cli_usage_error (context, _("Missing arguments"));
  if (*argc - 1 > n_args_max)
    return evident_cli_usage_error (context, _("Too many arguments"));
  return -1;
}

EvidentProject *
evident_cli_open_project (const char  *path,
              GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);

  return evident_project_open (file, error);
}

JsonNode *
evident_cli_json_number (double value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (value == (double) (gint64) value)
    json_node_set_int (node, (gint64) value);
  else
    json_node_set_double (node, value);
  return node;
}

void
evident_cli_print_json (JsonNode *root)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* The item @ref of the project at @path, or %NULL after saying there is
 * none. */
EvidentItem *
evident_cli_lookup_item (EvidentProject *project,
                         const char     *path,
                         const char     *ref)
{
  EvidentItem *item = evident_project_lookup_item (project, ref);

  if (item == NULL)
    g_printerr (_("evident-cli: %s: there is no item “%s”\n"), path, ref);
  return item;
}
