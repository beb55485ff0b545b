/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli versions, archive and reattach: the checklist versions a
 * project has been on, the items revisions took out of it, and their
 * evidence put back on an item. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>

#include "evident-enums-util.h"
#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-project.h"
#include "evident-versions.h"

#include "evident-cli-commands.h"
#include "evident-cli-output.h"

/* Prints @rows as a JSON array of objects or as an aligned table. */
static void
print_rows (GPtrArray         *rows,
            gboolean           json,
            const char        *layout,
            EvidentCliAddJson  add_json,
            EvidentCliAddRow   add_row)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (EvidentCliTable) table = evident_cli_table_new (layout);

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      if (json)
        add_json (builder, g_ptr_array_index (rows, i));
      else
        add_row (table, g_ptr_array_index (rows, i));
    }
  json_builder_end_array (builder);

  if (json)
    evident_cli_print_json (builder);
  else
    evident_cli_table_print (table);
}

static const char *
relation_name (EvidentRevisionRelation relation)
{
  return evident_revision_relation_to_string (relation);
}

/* versions */

static void
add_version_json (JsonBuilder *builder,
                  gpointer     object)
{
  EvidentChecklistVersion *version = object;
  g_autofree char *applied = version->applied_at != NULL
                                 ? g_date_time_format (version->applied_at, "%Y-%m-%dT%H:%M:%SZ")
                                 : NULL;

  json_builder_begin_object (builder);
  evident_cli_json_add_string (builder, "version", version->label);
  evident_cli_json_add_string (builder, "applied", applied);
  evident_cli_json_add_string (builder, "file", version->file_name);
  evident_cli_json_add_string (builder, "mode", evident_score_mode_to_string (version->mode));
  evident_cli_json_add_int (builder, "items", version->n_items);
  evident_cli_json_add_boolean (builder, "current", version->current);
  json_builder_set_member_name (builder, "mapping");
  json_builder_begin_array (builder);
  for (guint i = 0; i < version->mapping->len; i++)
    {
      EvidentVersionMapping *mapping = g_ptr_array_index (version->mapping, i);

      json_builder_begin_object (builder);
      evident_cli_json_add_string (builder, "old", mapping->old_ref);
      evident_cli_json_add_string (builder, "new", mapping->new_ref);
      evident_cli_json_add_string (builder, "relation", relation_name (mapping->relation));
      json_builder_set_member_name (builder, "similarity");
      json_builder_add_value (builder,
                              evident_cli_json_number (round (mapping->similarity * 1000) / 1000));
      evident_cli_json_add_boolean (builder, "manual", mapping->manual);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_version_row (EvidentCliTable *table,
                 gpointer         object)
{
  EvidentChecklistVersion *version = object;
  g_autofree char *applied = version->applied_at != NULL
                                 ? g_date_time_format (version->applied_at, "%Y-%m-%d")
                                 : g_strdup ("-");
  g_autoptr (GString) counts = g_string_new (NULL);

  for (guint r = 0; r < EVIDENT_N_REVISION_RELATIONS && version->mapping->len > 0; r++)
    {
      if (version->counts[r] > 0)
        g_string_append_printf (counts, "%s%u %s", counts->len > 0 ? ", " : "",
                                version->counts[r], relation_name (r));
    }
  evident_cli_table_add_printf (table, "%s%s", *version->label != '\0' ? version->label : "?",
                                version->current ? " *" : "");
  evident_cli_table_add (table, applied);
  evident_cli_table_add (table, *version->file_name != '\0' ? version->file_name : "-");
  evident_cli_table_add_printf (table,
                                g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items",
                                             version->n_items),
                                version->n_items);
  evident_cli_table_add (table, counts->str);
}

int
evident_cli_versions (EvidentCliContext  *cli,
                      GError            **error)
{
  g_autoptr (GPtrArray) versions = evident_project_list_versions (cli->project, error);

  if (versions == NULL)
    return EXIT_FAILURE;
  print_rows (versions, cli->json, "l  l  l  r  l", add_version_json, add_version_row);
  return EXIT_SUCCESS;
}

/* archive */

static void
add_archived_evidence_json (JsonBuilder         *builder,
                            EvidentArchivedItem *item)
{
  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < item->evidence->len; i++)
    {
      EvidentArchivedEvidence *evidence = g_ptr_array_index (item->evidence, i);

      json_builder_begin_object (builder);
      evident_cli_json_add_int (builder, "id", evidence->id);
      evident_cli_json_add_string (builder, "title", evidence->title);
      evident_cli_json_add_string (builder, "kind",
                                   evident_evidence_kind_to_string (evidence->kind));
      evident_cli_json_add_string (builder, "filename", evidence->filename);
      evident_cli_json_add_string (builder, "url", evidence->url);
      evident_cli_json_add_string (builder, "sha256", evidence->sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_archived_json (JsonBuilder *builder,
                   gpointer     object)
{
  EvidentArchivedItem *item = object;

  json_builder_begin_object (builder);
  evident_cli_json_add_string (builder, "ref", item->ref);
  evident_cli_json_add_string (builder, "chapter", item->chapter);
  evident_cli_json_add_string (builder, "title", item->title);
  evident_cli_json_add_string (builder, "version", item->version);
  evident_cli_json_add_string (builder, "removed_in", item->removed_in);
  evident_cli_json_add_string (builder, "relation", relation_name (item->relation));
  evident_cli_json_add_string (builder, "merged_into", item->merged_into);
  evident_cli_json_add_string (builder, "status", evident_status_to_string (item->status));
  evident_cli_json_add_string (builder, "owner", item->owner);
  evident_cli_json_add_string (builder, "reason", item->reason);
  evident_cli_json_add_string (builder, "note", item->note);
  evident_cli_json_add_string (builder, "response", item->response);
  add_archived_evidence_json (builder, item);
  json_builder_end_object (builder);
}

/* The item, then a row per piece of evidence with the id that reattach
 * takes. */
static void
add_archived_rows (EvidentCliTable *table,
                   gpointer         object)
{
  EvidentArchivedItem *item = object;
  g_autofree char *fate = NULL;

  if (item->merged_into != NULL)
    /* Translators: an archived item: its version, and the item it went into in another */
    fate = g_strdup_printf (_("%s, merged into %s in %s"), item->version, item->merged_into,
                            item->removed_in);
  else
    /* Translators: an archived item: its version, and the version it left in */
    fate = g_strdup_printf (_("%s, removed in %s"), item->version, item->removed_in);

  evident_cli_table_add (table, item->ref);
  evident_cli_table_add (table, evident_status_to_string (item->status));
  evident_cli_table_add (table, item->owner != NULL ? item->owner : "-");
  evident_cli_table_add (table, fate);
  evident_cli_table_add (table, item->title);
  for (guint i = 0; i < item->evidence->len; i++)
    {
      EvidentArchivedEvidence *evidence = g_ptr_array_index (item->evidence, i);

      evident_cli_table_add (table, "");
      evident_cli_table_add_printf (table, "#%" G_GINT64_FORMAT, evidence->id);
      evident_cli_table_add (table, "");
      evident_cli_table_add (table, evident_evidence_kind_to_string (evidence->kind));
      if (evidence->url != NULL && g_strcmp0 (evidence->url, evidence->title) != 0)
        evident_cli_table_add_printf (table, "%s <%s>", evidence->title, evidence->url);
      else
        evident_cli_table_add (table, evidence->title);
    }
}

int
evident_cli_archive (EvidentCliContext  *cli,
                     GError            **error)
{
  g_autoptr (GPtrArray) archive = evident_project_list_archive (cli->project, error);

  if (archive == NULL)
    return EXIT_FAILURE;
  print_rows (archive, cli->json, "l  l  l  l  l", add_archived_json, add_archived_rows);
  return EXIT_SUCCESS;
}

/* reattach */

int
evident_cli_reattach (EvidentCliContext  *cli,
                      GError            **error)
{
  const char *id_text = cli->args[1];
  EvidentItem *item;
  guint64 id;

  if (!g_ascii_string_to_unsigned (id_text[0] == '#' ? id_text + 1 : id_text, 10, 1,
                                   G_MAXINT64, &id, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not the number of a piece of evidence; “evident-cli archive” "
                     "lists them"),
                   cli->path, id_text);
      return EXIT_FAILURE;
    }
  item = evident_cli_lookup_item (cli, cli->args[2], error);
  if (item == NULL)
    return EXIT_FAILURE;
  if (!evident_project_reattach_evidence (cli->project, id, item, error))
    {
      g_prefix_error (error, "%s: ", cli->path);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
