/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli pack and verify-pack: the evidence pack for an auditor, and
 * checking one against its manifest. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "evident-pack.h"
#include "evident-project.h"

#include "evident-cli-commands.h"
#include "evident-cli-output.h"

/* pack */

typedef struct
{
  char *scope;
} PackOptions;

static const GOptionEntry pack_entries[] = {
  { "scope", 's', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (PackOptions, scope),
    N_("all, ready (the items ready for review or met) or a chapter’s number (default %s)"),
    N_("SCOPE") },
  { NULL }
};

static void
pack_init (gpointer values)
{
  PackOptions *options = values;

  options->scope = (char *) "all";
}

const EvidentCliOptions evident_cli_pack_options = {
  .entries = pack_entries,
  .size = sizeof (PackOptions),
  .init = pack_init,
  .description = N_("The zip archive has a folder per chapter and item with the item’s files "
                    "under their own names; a file used by several items is stored once. "
                    "manifest.json and manifest.csv list every item’s evidence with its "
                    "SHA-256. The SHA-256 of manifest.json, printed at the end, is what "
                    "“evident-cli report --pack” shows on the report’s cover."),
};

static EvidentPackScope
parse_scope (const char  *scope,
             const char **chapter)
{
  *chapter = NULL;
  if (g_str_equal (scope, "all"))
    return EVIDENT_PACK_SCOPE_ALL;
  if (g_str_equal (scope, "ready"))
    return EVIDENT_PACK_SCOPE_READY;
  *chapter = scope;
  return EVIDENT_PACK_SCOPE_CHAPTER;
}

int
evident_cli_pack (EvidentCliContext  *cli,
                  GError            **error)
{
  PackOptions *options = cli->options;
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (cli->args[1]);
  g_autoptr (EvidentPackInfo) info = NULL;
  g_autofree char *size = NULL;
  const char *chapter;
  EvidentPackScope scope = parse_scope (options->scope, &chapter);

  info = evident_pack_write (cli->project, scope, chapter, file, NULL, error);
  if (info == NULL)
    return EXIT_FAILURE;

  size = g_format_size (info->size);
  evident_cli_print (g_dngettext (GETTEXT_PACKAGE, "Wrote the evidence of %u item to “%s”\n",
                                  "Wrote the evidence of %u items to “%s”\n", info->n_items),
                     info->n_items, cli->args[1]);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u file (%s)", "%u files (%s)", info->n_files),
           info->n_files, size);
  if (info->n_links > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, ", %u link\n", ", %u links\n", info->n_links),
             info->n_links);
  else
    g_print ("\n");
  g_print (_("Manifest SHA-256 %s\n"), info->digest);
  return EXIT_SUCCESS;
}

/* verify-pack */

const EvidentCliOptions evident_cli_verify_pack_options = {
  .description = N_("Hashes every file in the pack again and compares it with manifest.json. "
                    "Exits with status 1 when a file was changed, is missing or is not in the "
                    "manifest, and names it. Compare the manifest’s SHA-256 with the one on "
                    "the report’s cover."),
};

static const char *
describe_problem (EvidentPackProblemKind kind)
{
  switch (kind)
    {
    case EVIDENT_PACK_PROBLEM_CHANGED:
      return _("changed");
    case EVIDENT_PACK_PROBLEM_MISSING:
      return _("missing");
    case EVIDENT_PACK_PROBLEM_EXTRA:
    default:
      return _("not in the manifest");
    }
}

int
evident_cli_verify_pack (EvidentCliContext  *cli,
                         GError            **error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (cli->args[0]);
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *digest = NULL;
  guint n_checked = 0;

  if (!evident_pack_verify (file, NULL, &digest, &n_checked, &problems, error))
    return EXIT_FAILURE;

  if (problems->len > 0)
    {
      evident_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                      "%u file of “%s” does not match its manifest:\n",
                                      "%u files of “%s” do not match its manifest:\n",
                                      problems->len),
                         problems->len, cli->args[0]);
      for (guint i = 0; i < problems->len; i++)
        {
          EvidentPackProblem *problem = g_ptr_array_index (problems, i);

          evident_cli_print ("  %s: %s\n", describe_problem (problem->kind), problem->path);
        }
    }
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u file matches the manifest\n",
                            "All %u files match the manifest\n", n_checked),
               n_checked);
    }
  g_print (_("Manifest SHA-256 %s\n"), digest);
  return problems->len > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
