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

#include "evident-cli-commands.h"
#include "evident-cli-output.h"

static char *
format_added (EvidentEvidence *evidence)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (evident_evidence_get_added (evidence));

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* attach */

typedef struct
{
  char                *title;
  char                *kind_name;
  EvidentEvidenceKind  kind;
  char                *max_size_text;
  guint64              max_size;
} AttachOptions;

/* The core's EVIDENT_EVIDENCE_DEFAULT_MAX_FILE_SIZE, as --help says it. */
#define DEFAULT_MAX_SIZE_TEXT "2GB"

static const GOptionEntry attach_entries[] = {
  { "title", 't', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (AttachOptions, title),
    N_("The evidence’s title (default: the file name)"), N_("TITLE") },
  { "kind", 'k', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (AttachOptions, kind_name),
    N_("presentation, process, asset, demonstration or other (default %s)"), N_("KIND") },
  { "max-size", 0, 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (AttachOptions, max_size_text),
    N_("Refuse a file larger than this, e.g. 500MB, 4GB or 3GiB (default %s)"), N_("SIZE") },
  { NULL }
};

static void
attach_init (gpointer values)
{
  AttachOptions *options = values;

  options->kind = EVIDENT_EVIDENCE_KIND_OTHER;
  options->kind_name = (char *) evident_evidence_kind_to_string (options->kind);
  options->max_size_text = (char *) DEFAULT_MAX_SIZE_TEXT;
}

/* "2GB", "500 MB", "1.5GiB", "4096": bytes, with the units g_format_size()
 * prints (powers of 1000) or their IEC forms (powers of 1024). */
static gboolean
parse_size (const char *text,
            guint64    *size)
{
  static const struct
  {
    const char *unit;
    double      factor;
  } units[] = {
    { "", 1 },          { "b", 1 },
    { "k", 1e3 },       { "kb", 1e3 },     { "kib", 1024.0 },
    { "m", 1e6 },       { "mb", 1e6 },     { "mib", 1048576.0 },
    { "g", 1e9 },       { "gb", 1e9 },     { "gib", 1073741824.0 },
    { "t", 1e12 },      { "tb", 1e12 },    { "tib", 1099511627776.0 },
  };
  g_autofree char *unit = NULL;
  char *end = NULL;
  double value;

  value = g_ascii_strtod (text, &end);
  if (end == text || !(value > 0))
    return FALSE;
  unit = g_ascii_strdown (g_strstrip (end), -1);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (g_str_equal (unit, units[i].unit) && value * units[i].factor >= 1
          && value * units[i].factor < 1.8e19)
        {
          *size = (guint64) (value * units[i].factor);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
attach_check (EvidentCliContext  *cli,
              GError            **error)
{
  AttachOptions *options = cli->options;
  g_autofree char *size_text = g_strdup (options->max_size_text);

  if (!evident_evidence_kind_from_string (options->kind_name, &options->kind))
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Unknown kind; use presentation, process, asset, demonstration or "
                           "other"));
  else if (!parse_size (size_text, &options->max_size))
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("The size is a number of bytes with a unit, e.g. 500MB, 4GB or 3GiB"));
  else
    return TRUE;
  return FALSE;
}

const EvidentCliOptions evident_cli_attach_options = {
  .entries = attach_entries,
  .size = sizeof (AttachOptions),
  .init = attach_init,
  .check = attach_check,
  .description = N_("A file’s bytes are stored in the project, once however many items use "
                    "them. An argument starting with https:// or http:// is added as a link.\n\n"
                    "Only regular files are added: folders, named pipes, sockets and devices "
                    "are refused. A symbolic link is followed: its target’s name and bytes are "
                    "added, and the command says so. A file is read only as far as its size "
                    "when it was opened: one that grows or changes meanwhile is refused."),
};

static gboolean
is_link (const char *argument)
{
  return g_str_has_prefix (argument, "https://") || g_str_has_prefix (argument, "http://");
}

int
evident_cli_attach (EvidentCliContext  *cli,
                    GError            **error)
{
  AttachOptions *options = cli->options;
  const char *what = cli->args[2];
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (cli->project);
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *size = NULL;
  g_auto (EvidentEvidenceAddition) addition = { 0 };
  EvidentItem *item;

  item = evident_cli_lookup_item (cli, cli->args[1], error);
  if (item == NULL)
    return EXIT_FAILURE;

  if (is_link (what))
    {
      evidence = evident_evidence_store_add_link (store, item, what, options->title,
                                                  options->kind, error);
      if (evidence == NULL)
        return EXIT_FAILURE;
      evident_cli_print (_("Added the link %s to %s\n"), evident_evidence_get_url (evidence),
                         evident_item_get_ref (item));
      return EXIT_SUCCESS;
    }

  file = g_file_new_for_commandline_arg (what);
  evident_evidence_store_set_max_file_size (store, options->max_size);
  evidence = evident_evidence_store_add_file (store, item, file, options->title, options->kind,
                                              NULL, &addition, error);
  if (evidence == NULL)
    return EXIT_FAILURE;

  if (addition.link_target != NULL)
    {
      g_autofree char *target = g_file_get_parse_name (addition.link_target);

      evident_cli_print (_("“%s” is a symbolic link: added the file it leads to, “%s”\n"), what,
                         target);
    }
  evident_cli_print (_("Added “%s” to %s\n"), evident_evidence_get_filename (evidence),
                     evident_item_get_ref (item));
  g_print ("SHA-256 %s\n", evident_evidence_get_sha256 (evidence));
  if (addition.already_stored)
    {
      g_print ("%s\n", _("The project already held this file: no space used"));
      return EXIT_SUCCESS;
    }
  size = g_format_size (evident_evidence_get_size (evidence));
  g_print (_("Stored %s\n"), size);
  return EXIT_SUCCESS;
}

/* evidence */

static void
add_json (JsonBuilder *builder,
          gpointer     object)
{
  EvidentEvidence *evidence = object;
  const char *url = evident_evidence_get_url (evidence);
  g_autofree char *added = format_added (evidence);

  json_builder_begin_object (builder);
  evident_cli_json_add_string (builder, "ref",
                               evident_item_get_ref (evident_evidence_get_item (evidence)));
  evident_cli_json_add_string (builder, "title", evident_evidence_get_title (evidence));
  evident_cli_json_add_string (builder, "kind", evident_evidence_kind_to_string (
                                                  evident_evidence_get_kind (evidence)));
  evident_cli_json_add_string (builder, "filename", evident_evidence_get_filename (evidence));
  evident_cli_json_add_string (builder, "content_type",
                               evident_evidence_get_content_type (evidence));
  if (url != NULL)
    evident_cli_json_add_string (builder, "size", NULL);
  else
    evident_cli_json_add_int (builder, "size", evident_evidence_get_size (evidence));
  evident_cli_json_add_string (builder, "sha256", evident_evidence_get_sha256 (evidence));
  evident_cli_json_add_string (builder, "url", url);
  evident_cli_json_add_string (builder, "added", added);
  evident_cli_json_add_boolean (builder, "verified", evident_evidence_get_verified (evidence));
  json_builder_end_object (builder);
}

/* Item, kind, size, the start of the SHA-256, ✓ when verified, title. */
static void
add_row (EvidentCliTable *table,
         gpointer         object)
{
  EvidentEvidence *evidence = object;
  const char *url = evident_evidence_get_url (evidence);
  const char *filename = evident_evidence_get_filename (evidence);
  const char *title = evident_evidence_get_title (evidence);

  evident_cli_table_add (table, evident_item_get_ref (evident_evidence_get_item (evidence)));
  evident_cli_table_add (table,
                         evident_evidence_kind_to_string (evident_evidence_get_kind (evidence)));
  if (url != NULL)
    {
      evident_cli_table_add (table, _("link"));
      evident_cli_table_add (table, "-");
    }
  else
    {
      g_autofree char *size = g_format_size (evident_evidence_get_size (evidence));
      g_autofree char *sha = g_strndup (evident_evidence_get_sha256 (evidence), 12);

      evident_cli_table_add (table, size);
      evident_cli_table_add (table, sha);
    }
  evident_cli_table_add (table, evident_evidence_get_verified (evidence) ? "✓" : "");
  if (url != NULL && !g_str_equal (title, url))
    evident_cli_table_add_printf (table, "%s <%s>", title, url);
  else if (url == NULL && !g_str_equal (title, filename))
    evident_cli_table_add_printf (table, "%s (%s)", title, filename);
  else
    evident_cli_table_add (table, title);
}

int
evident_cli_evidence (EvidentCliContext  *cli,
                      GError            **error)
{
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (cli->project);
  GListModel *items = evident_project_get_items (cli->project);
  g_autoptr (GListStore) evidence = g_list_store_new (EVIDENT_TYPE_EVIDENCE);
  EvidentItem *only = NULL;

  if (cli->n_args > 1 && (only = evident_cli_lookup_item (cli, cli->args[1], error)) == NULL)
    return EXIT_FAILURE;

  /* In checklist order. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      g_autoptr (GListModel) list = NULL;

      if (only != NULL && item != only)
        continue;
      list = evident_evidence_store_list (store, item);
      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr (EvidentEvidence) piece = g_list_model_get_item (list, j);

          g_list_store_append (evidence, piece);
        }
    }

  evident_cli_print_list (G_LIST_MODEL (evidence), cli->json, "l  l  r  l  l  l", add_json,
                          add_row);
  return EXIT_SUCCESS;
}

/* extract */

const EvidentCliOptions evident_cli_extract_options = {
  .description = N_("SHA256 may be the first digits of the SHA-256 that “evident-cli evidence” "
                    "shows, as long as no other stored file starts with them. The copy is "
                    "checked against the SHA-256 as it is written."),
};

int
evident_cli_extract (EvidentCliContext  *cli,
                     GError            **error)
{
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (cli->project);
  g_autoptr (GFile) destination = g_file_new_for_commandline_arg (cli->args[2]);
  g_autofree char *sha256 = NULL;

  sha256 = evident_evidence_store_resolve_sha256 (store, cli->args[1], error);
  if (sha256 == NULL)
    return EXIT_FAILURE;
  if (!evident_evidence_store_extract (store, sha256, destination, NULL, error))
    return EXIT_FAILURE;

  evident_cli_print (_("Saved %s as “%s”\n"), sha256, cli->args[2]);
  return EXIT_SUCCESS;
}

/* verify */

const EvidentCliOptions evident_cli_verify_options = {
  .description = N_("Exits with status 1 when a file does not match, and lists it with the "
                    "items that use it."),
};

/* One line per damaged file, with the items that use it. */
static void
print_mismatches (GPtrArray *mismatches,
                  guint      n_checked)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new ();
  g_autoptr (GHashTable) refs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);

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
          g_ptr_array_add (files, evidence);
        }
      if (!g_ptr_array_find_with_equal_func (list, ref, g_str_equal, NULL))
        g_ptr_array_add (list, (gpointer) ref);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u of %u stored files does not match its SHA-256:\n",
                        "%u of %u stored files do not match their SHA-256:\n", files->len),
           files->len, n_checked);
  for (guint i = 0; i < files->len; i++)
    {
      EvidentEvidence *evidence = g_ptr_array_index (files, i);
      GPtrArray *list = g_hash_table_lookup (refs, evident_evidence_get_sha256 (evidence));
      g_autoptr (GString) items = g_string_new (NULL);

      for (guint j = 0; j < list->len; j++)
        g_string_append_printf (items, "%s%s", j > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (list, j));
      evident_cli_print (_("  “%s” (SHA-256 %s), evidence for %s\n"),
                         evident_evidence_get_filename (evidence),
                         evident_evidence_get_sha256 (evidence), items->str);
    }
  g_print ("%s\n", _("Add the original files to those items again."));
}

int
evident_cli_verify (EvidentCliContext  *cli,
                    GError            **error)
{
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (cli->project);
  g_autoptr (GPtrArray) mismatches = NULL;
  guint n_checked = 0;

  if (!evident_evidence_store_verify (store, NULL, &n_checked, &mismatches, error))
    return EXIT_FAILURE;

  if (n_checked == 0)
    {
      g_print ("%s\n", _("The project holds no files to verify"));
      return EXIT_SUCCESS;
    }
  if (mismatches->len > 0)
    {
      print_mismatches (mismatches, n_checked);
      return EXIT_FAILURE;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u stored file matches its SHA-256\n",
                        "All %u stored files match their SHA-256\n", n_checked),
           n_checked);
  return EXIT_SUCCESS;
}

/* cleanup */

int
evident_cli_cleanup (EvidentCliContext  *cli,
                     GError            **error)
{
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (cli->project);
  g_autofree char *size = NULL;
  guint64 freed = 0;

  if (!evident_evidence_store_cleanup (store, &freed, error))
    return EXIT_FAILURE;

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
