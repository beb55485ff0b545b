/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli attach, evidence, extract, verify and cleanup: the files and
 * links that items hold as evidence. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-project.h"

#include "evident-cli-common.h"

static char *
format_added (EvidentEvidence *evidence)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (evident_evidence_get_added (evidence));

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
parse_kind (GOptionContext      *context,
            const char          *string,
            EvidentEvidenceKind *kind,
            int                 *ret)
{
  if (string == NULL)
    {
      *kind = EVIDENT_EVIDENCE_KIND_OTHER;
      return TRUE;
    }
  if (evident_evidence_kind_from_string (string, kind))
    return TRUE;
  *ret = evident_cli_usage_error (context, _("Unknown kind; use presentation, process, asset, "
                                             "demonstration or other"));
  return FALSE;
}

/* attach */

int
evident_cli_command_attach (int    argc,
                            char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
      _("PROJECT REF FILE|URL — add a file or a link to an item as evidence"));
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autofree char *title = NULL;
  g_autofree char *kind_name = NULL;
  EvidentEvidenceStore *store;
  EvidentEvidenceKind kind;
  EvidentItem *item;
  gboolean already_stored = FALSE;
  int ret;
  const GOptionEntry options[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title,
      N_("The evidence’s title (default: the file name)"), N_("TITLE") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name,
      N_("presentation, process, asset, demonstration or other (default)"), N_("KIND") },
    { NULL }
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  g_option_context_set_description (
      context, _("A file’s bytes are stored in the project, once however many items use "
                 "them. An argument starting with https:// or http:// is added as a link."));
  if ((ret = evident_cli_parse_options (context, &argc, &argv, 3, 3)) >= 0)
    return ret;
  if (!parse_kind (context, kind_name, &kind, &ret))
    return ret;

  project = evident_cli_open_project (argv[1], &error);
  if (project == NULL)
    return evident_cli_fail (error);
  item = evident_cli_lookup_item (project, argv[1], argv[2]);
  if (item == NULL)
    return EXIT_FAILURE;
  store = evident_evidence_store_get_for_project (project);

  if (g_str_has_prefix (argv[3], "https://") || g_str_has_prefix (argv[3], "http://"))
    {
      evidence = evident_evidence_store_add_link (store, item, argv[3], title, kind, &error);
      if (evidence == NULL)
        return evident_cli_fail (error);
      g_print (_("Added the link %s to %s\n"), evident_evidence_get_url (evidence),
               evident_item_get_ref (item));
      return EXIT_SUCCESS;
    }

  {
    g_autoptr (GFile) file = g_file_new_for_commandline_arg (argv[3]);

    evidence = evident_evidence_store_add_file (store, item, file, title, kind, NULL,
                                                &already_stored, &error);
  }
  if (evidence == NULL)
    return evident_cli_fail (error);

  g_print (_("Added “%s” to %s\n"), evident_evidence_get_filename (evidence),
           evident_item_get_ref (item));
  g_print ("SHA-256 %s\n", evident_evidence_get_sha256 (evidence));
  if (already_stored)
    g_print ("%s\n", _("The project already held this file: no space used"));
  else
    {
      g_autofree char *size = g_format_size (evident_evidence_get_size (evidence));

      g_print (_("Stored %s\n"), size);
    }
  return EXIT_SUCCESS;
}

/* evidence */

static void
add_json (JsonBuilder     *builder,
          EvidentEvidence *evidence)
{
  const char *url = evident_evidence_get_url (evidence);
  g_autofree char *added = format_added (evidence);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ref");
  json_builder_add_string_value (builder, evident_item_get_ref (evident_evidence_get_item (evidence)));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, evident_evidence_get_title (evidence));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder,
                                 evident_evidence_kind_to_string (evident_evidence_get_kind (evidence)));
  json_builder_set_member_name (builder, "filename");
  json_builder_add_string_value (builder, evident_evidence_get_filename (evidence));
  json_builder_set_member_name (builder, "content_type");
  json_builder_add_string_value (builder, evident_evidence_get_content_type (evidence));
  json_builder_set_member_name (builder, "size");
  if (url != NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, evident_evidence_get_size (evidence));
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, evident_evidence_get_sha256 (evidence));
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "added");
  json_builder_add_string_value (builder, added);
  json_builder_set_member_name (builder, "verified");
  json_builder_add_boolean_value (builder, evident_evidence_get_verified (evidence));
  json_builder_end_object (builder);
}

static void
print_line (EvidentEvidence *evidence)
{
  const char *url = evident_evidence_get_url (evidence);
  const char *filename = evident_evidence_get_filename (evidence);
  const char *title = evident_evidence_get_title (evidence);
  g_autofree char *size = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *what = NULL;

  if (url != NULL)
    {
      size = g_strdup (_("link"));
      sha = g_strdup ("-");
      what = g_str_equal (title, url) ? g_strdup (url) : g_strdup_printf ("%s <%s>", title, url);
    }
  else
    {
      size = g_format_size (evident_evidence_get_size (evidence));
      sha = g_strndup (evident_evidence_get_sha256 (evidence), 12);
      what = g_str_equal (title, filename) ? g_strdup (title)
                                           : g_strdup_printf ("%s (%s)", title, filename);
    }

  g_print ("%-10s %-13s %10s  %-12s %s %s\n",
           evident_item_get_ref (evident_evidence_get_item (evidence)),
           evident_evidence_kind_to_string (evident_evidence_get_kind (evidence)), size, sha,
           evident_evidence_get_verified (evidence) ? "✓" : " ", what);
}

int
evident_cli_command_evidence (int    argc,
                              char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
      _("PROJECT [REF] — list the evidence of every item, or of one"));
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GPtrArray) evidence = g_ptr_array_new_with_free_func (g_object_unref);
  EvidentEvidenceStore *store;
  GListModel *items;
  EvidentItem *only = NULL;
  gboolean json = FALSE;
  int ret;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if ((ret = evident_cli_parse_options (context, &argc, &argv, 1, 2)) >= 0)
    return ret;

  project = evident_cli_open_project (argv[1], &error);
  if (project == NULL)
    return evident_cli_fail (error);
  if (argc > 2 && (only = evident_cli_lookup_item (project, argv[1], argv[2])) == NULL)
    return EXIT_FAILURE;
  store = evident_evidence_store_get_for_project (project);

  /* In checklist order. */
  items = evident_project_get_items (project);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      g_autoptr (GListModel) list = NULL;

      if (only != NULL && item != only)
        continue;
      list = evident_evidence_store_list (store, item);
      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        g_ptr_array_add (evidence, g_list_model_get_item (list, j));
    }

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < evidence->len; i++)
        add_json (builder, g_ptr_array_index (evidence, i));
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      evident_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < evidence->len; i++)
    print_line (g_ptr_array_index (evidence, i));
  return EXIT_SUCCESS;
}

/* extract */

int
evident_cli_command_extract (int    argc,
                             char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
      _("PROJECT SHA256 OUTFILE — save a copy of a stored file"));
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GFile) destination = NULL;
  g_autofree char *sha256 = NULL;
  EvidentEvidenceStore *store;
  int ret;

  g_option_context_set_description (
      context, _("SHA256 may be the first digits of the SHA-256 that “evident-cli evidence” "
                 "shows, as long as no other stored file starts with them. The copy is checked "
                 "against the SHA-256 as it is written."));
  if ((ret = evident_cli_parse_options (context, &argc, &argv, 3, 3)) >= 0)
    return ret;

  project = evident_cli_open_project (argv[1], &error);
  if (project == NULL)
    return evident_cli_fail (error);
  store = evident_evidence_store_get_for_project (project);

  sha256 = evident_evidence_store_resolve_sha256 (store, argv[2], &error);
  if (sha256 == NULL)
    return evident_cli_fail (error);

  destination = g_file_new_for_commandline_arg (argv[3]);
  if (!evident_evidence_store_extract (store, sha256, destination, NULL, &error))
    return evident_cli_fail (error);

  g_print (_("Saved %s as “%s”\n"), sha256, argv[3]);
  return EXIT_SUCCESS;
}

/* verify */

int
evident_cli_command_verify (int    argc,
                            char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
      _("PROJECT — check every stored file against its SHA-256"));
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GPtrArray) mismatches = NULL;
  g_autoptr (GPtrArray) shas = g_ptr_array_new ();
  g_autoptr (GHashTable) refs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  EvidentEvidenceStore *store;
  guint n_checked = 0;
  int ret;

  g_option_context_set_description (
      context, _("Exits with status 1 when a file does not match, and lists it with the items "
                 "that use it."));
  if ((ret = evident_cli_parse_options (context, &argc, &argv, 1, 1)) >= 0)
    return ret;

  project = evident_cli_open_project (argv[1], &error);
  if (project == NULL)
    return evident_cli_fail (error);
  store = evident_evidence_store_get_for_project (project);

  if (!evident_evidence_store_verify (store, NULL, &n_checked, &mismatches, &error))
    return evident_cli_fail (error);

  if (n_checked == 0)
    {
      g_print ("%s\n", _("The project holds no files to verify"));
      return EXIT_SUCCESS;
    }
  if (mismatches->len == 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u stored file matches its SHA-256\n",
                            "All %u stored files match their SHA-256\n", n_checked),
               n_checked);
      return EXIT_SUCCESS;
    }

  /* One entry per damaged file, with the items that use it. */
  for (guint i = 0; i < mismatches->len; i++)
    {
      EvidentEvidence *evidence = g_ptr_array_index (mismatches, i);
      const char *sha256 = evident_evidence_get_sha256 (evidence);
      const char *ref = evident_item_get_ref (evident_evidence_get_item (evidence));
      GPtrArray *list = g_hash_table_lookup (refs, sha256);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (refs, (gpointer) sha256, list);
          g_ptr_array_add (shas, evidence);
        }
      if (!g_ptr_array_find_with_equal_func (list, ref, g_str_equal, NULL))
        g_ptr_array_add (list, (gpointer) ref);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u of %u stored files does not match its SHA-256:\n",
                        "%u of %u stored files do not match their SHA-256:\n", shas->len),
           shas->len, n_checked);
  for (guint i = 0; i < shas->len; i++)
    {
      EvidentEvidence *evidence = g_ptr_array_index (shas, i);
      GPtrArray *list = g_hash_table_lookup (refs, evident_evidence_get_sha256 (evidence));
      g_autoptr (GString) items = g_string_new (NULL);

      for (guint j = 0; j < list->len; j++)
        g_string_append_printf (items, "%s%s", j > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (list, j));
      g_print (_("  “%s” (SHA-256 %s), evidence for %s\n"),
               evident_evidence_get_filename (evidence), evident_evidence_get_sha256 (evidence),
               items->str);
    }
  g_print ("%s\n", _("Add the original files to those items again."));
  return EXIT_FAILURE;
}

/* cleanup */

int
evident_cli_command_cleanup (int    argc,
                             char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
      _("PROJECT — delete removed evidence and the files no evidence uses"));
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autofree char *size = NULL;
  guint64 freed = 0;
  int ret;

  if ((ret = evident_cli_parse_options (context, &argc, &argv, 1, 1)) >= 0)
    return ret;

  project = evident_cli_open_project (argv[1], &error);
  if (project == NULL)
    return evident_cli_fail (error);
  if (!evident_evidence_store_cleanup (evident_evidence_store_get_for_project (project), &freed,
                                       &error))
    return evident_cli_fail (error);

  if (freed == 0)
    {
      g_print ("%s\n", _("Nothing to free: every stored file is in use"));
      return EXIT_SUCCESS;
    }
  /* GLib's long format says both, translated: "1.0 MB (1,048,576 bytes)" */
  size = g_format_size_full (freed, G_FORMAT_SIZE_LONG_FORMAT);
  g_print (_("Freed %s\n"), size);
  return EXIT_SUCCESS;
}
