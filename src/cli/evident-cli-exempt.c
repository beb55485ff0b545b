/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli exempt and exemptions: whole chapters or sections not
 * applicable for one reason ("DevOps competency held"), and lifting that. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "evident-audit.h"
#include "evident-evidence-store.h"
#include "evident-item.h"

#include "evident-cli-audit.h"
#include "evident-cli-commands.h"
#include "evident-cli-output.h"

/* exempt */

typedef struct
{
  char     *reason;
  char     *evidence;
  gboolean  lift;
} ExemptOptions;

static const GOptionEntry exempt_entries[] = {
  { "reason", 'r', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (ExemptOptions, reason),
    N_("Why, e.g. “DevOps competency held, certificate attached”"), N_("TEXT") },
  { "evidence", 'e', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (ExemptOptions, evidence),
    N_("Evidence for it: the SHA-256 (or its start) of a file attached to an item, or a "
       "link’s address"),
    N_("SHA256|URL") },
  { "lift", 'l', 0, G_OPTION_ARG_NONE, EVIDENT_CLI_OPTION (ExemptOptions, lift),
    N_("Lift the exemption: give the items back their status and reason"), NULL },
  { NULL }
};

static gboolean
exempt_check (EvidentCliContext  *cli,
              GError            **error)
{
  ExemptOptions *options = cli->options;

  if ((options->reason != NULL) == options->lift)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Give either --reason TEXT or --lift"));
  else if (options->lift && options->evidence != NULL)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("--evidence goes with --reason"));
  else
    return TRUE;
  return FALSE;
}

const EvidentCliOptions evident_cli_exempt_options = {
  .entries = exempt_entries,
  .size = sizeof (ExemptOptions),
  .check = exempt_check,
  .description = N_("Every item of the chapter or section becomes not applicable with the "
                    "reason, as one edit that undo takes back. Lifting gives each item the "
                    "status and reason it had before; an item edited since keeps its edit."),
};

/* The evidence the user means: a file by (the start of) its SHA-256, or a
 * link by its address, attached to any item. */
static EvidentEvidence *
find_evidence (EvidentCliContext  *cli,
               const char         *what,
               GError            **error)
{
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (cli->project);
  GListModel *all = evident_evidence_store_list (store, NULL);
  g_autofree char *sha256 = NULL;
  gboolean link = g_str_has_prefix (what, "https://") || g_str_has_prefix (what, "http://");

  if (!link && (sha256 = evident_evidence_store_resolve_sha256 (store, what, error)) == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (EvidentEvidence) evidence = g_list_model_get_item (all, i);

      if (link ? g_strcmp0 (evident_evidence_get_url (evidence), what) == 0
               : g_strcmp0 (evident_evidence_get_sha256 (evidence), sha256) == 0)
        return g_steal_pointer (&evidence);
    }
  g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND,
               _("No item holds “%s” as evidence; attach it first (evident-cli attach)"), what);
  return NULL;
}

static void
print_kept (GPtrArray *kept)
{
  g_autoptr (GString) refs = g_string_new (NULL);

  if (kept->len == 0)
    return;
  for (guint i = 0; i < kept->len; i++)
    g_string_append_printf (refs, "%s%s", i > 0 ? ", " : "", (char *) g_ptr_array_index (kept, i));
  g_print (_("Kept as edited since the exemption: %s\n"), refs->str);
}

int
evident_cli_exempt (EvidentCliContext  *cli,
                    GError            **error)
{
  ExemptOptions *options = cli->options;
  EvidentAudit *audit = evident_audit_get_for_project (cli->project);
  const char *number = cli->args[1];
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GPtrArray) kept = NULL;
  EvidentExemption *exemption;

  if (options->lift)
    {
      exemption = evident_audit_lookup_exemption (audit, number);
      if (exemption == NULL)
        {
          g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND,
                       _("%s: “%s” is not exempt"), cli->path, number);
          return EXIT_FAILURE;
        }
      if (!evident_audit_lift_exemption (audit, exemption, &kept, error))
        return evident_cli_audit_fail (cli, error);
      print_kept (kept);
      return EXIT_SUCCESS;
    }

  if (options->evidence != NULL
      && (evidence = find_evidence (cli, options->evidence, error)) == NULL)
    return evident_cli_audit_fail (cli, error);
  exemption = evident_audit_exempt (audit, number, options->reason, evidence, error);
  if (exemption == NULL)
    return evident_cli_audit_fail (cli, error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s %s: %u item not applicable\n",
                        "%s %s: %u items not applicable\n",
                        evident_exemption_get_n_items (exemption)),
           evident_exemption_get_number (exemption), evident_exemption_get_title (exemption),
           evident_exemption_get_n_items (exemption));
  return EXIT_SUCCESS;
}

/* exemptions */

/* The title of the evidence @id, or NULL. */
static EvidentEvidence *
lookup_evidence (EvidentProject *project,
                 gint64          id)
{
  GListModel *all = evident_evidence_store_list (evident_evidence_store_get_for_project (project),
                                                 NULL);

  for (guint i = 0; id > 0 && i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (EvidentEvidence) evidence = g_list_model_get_item (all, i);

      if (evident_evidence_get_id (evidence) == id)
        return g_steal_pointer (&evidence);
    }
  return NULL;
}

static void
add_evidence_json (JsonBuilder     *builder,
                   EvidentEvidence *evidence)
{
  json_builder_set_member_name (builder, "evidence");
  if (evidence == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  evident_cli_json_add_string (builder, "ref",
                               evident_item_get_ref (evident_evidence_get_item (evidence)));
  evident_cli_json_add_string (builder, "title", evident_evidence_get_title (evidence));
  evident_cli_json_add_string (builder, "sha256", evident_evidence_get_sha256 (evidence));
  evident_cli_json_add_string (builder, "url", evident_evidence_get_url (evidence));
  json_builder_end_object (builder);
}

static void
add_exemption (JsonBuilder     *builder,
               EvidentCliTable *table,
               gpointer         object,
               gpointer         project)
{
  EvidentExemption *exemption = object;
  g_autoptr (EvidentEvidence) evidence = lookup_evidence (
      project, evident_exemption_get_evidence_id (exemption));
  g_autofree char *applied = evident_cli_format_utc (evident_exemption_get_applied (exemption));

  if (table != NULL)
    {
      evident_cli_table_add (table, evident_exemption_get_number (exemption));
      evident_cli_table_add (table, evident_exemption_get_title (exemption));
      evident_cli_table_add_printf (table,
                                    g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items",
                                                 evident_exemption_get_n_items (exemption)),
                                    evident_exemption_get_n_items (exemption));
      evident_cli_table_add (table, evident_exemption_get_reason (exemption));
      evident_cli_table_add (table, evidence != NULL ? evident_evidence_get_title (evidence) : "");
      return;
    }

  json_builder_begin_object (builder);
  evident_cli_json_add_string (builder, "number", evident_exemption_get_number (exemption));
  evident_cli_json_add_string (builder, "chapter", evident_exemption_get_chapter (exemption));
  evident_cli_json_add_string (builder, "section", evident_exemption_get_section (exemption));
  evident_cli_json_add_string (builder, "title", evident_exemption_get_title (exemption));
  evident_cli_json_add_string (builder, "reason", evident_exemption_get_reason (exemption));
  evident_cli_json_add_int (builder, "items", evident_exemption_get_n_items (exemption));
  add_evidence_json (builder, evidence);
  evident_cli_json_add_string (builder, "applied", applied);
  evident_cli_json_add_string (builder, "applied_by",
                               evident_exemption_get_applied_by (exemption));
  json_builder_end_object (builder);
}

int
evident_cli_exemptions (EvidentCliContext  *cli,
                        GError            **error)
{
  g_autoptr (GPtrArray) exemptions = evident_cli_model_to_array (
      evident_audit_get_exemptions (evident_audit_get_for_project (cli->project)));

  evident_cli_print_array (exemptions, cli->json, "l  l  r  l  l", add_exemption, cli->project);
  return EXIT_SUCCESS;
}
