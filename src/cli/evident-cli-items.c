/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli items, set and history: the checklist's items, their edits
 * and who made them. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-project.h"

#include "evident-cli-commands.h"
#include "evident-cli-output.h"

/* items */

/* The checklist file's other columns, in order; names may repeat. */
static void
add_extra_json (JsonBuilder *builder,
                EvidentItem *item)
{
  guint n_fields;
  const EvidentExtraField *fields = evident_item_get_extra_fields (item, &n_fields);

  json_builder_set_member_name (builder, "extra");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_fields; i++)
    {
      json_builder_begin_object (builder);
      evident_cli_json_add_string (builder, "name", fields[i].name);
      evident_cli_json_add_string (builder, "value", fields[i].value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_item_json (JsonBuilder *builder,
               gpointer     object)
{
  EvidentItem *item = object;

  json_builder_begin_object (builder);
  evident_cli_json_add_string (builder, "ref", evident_item_get_ref (item));
  evident_cli_json_add_string (builder, "chapter", evident_item_get_chapter (item));
  evident_cli_json_add_string (builder, "section", evident_item_get_section (item));
  evident_cli_json_add_string (builder, "title", evident_item_get_title (item));
  evident_cli_json_add_int (builder, "points", evident_item_get_points (item));
  evident_cli_json_add_boolean (builder, "mandatory", evident_item_get_mandatory (item));
  evident_cli_json_add_string (builder, "status",
                               evident_status_to_string (evident_item_get_status (item)));
  evident_cli_json_add_string (builder, "owner", evident_item_get_owner (item));
  evident_cli_json_add_string (builder, "complexity", evident_complexity_to_string (
                                                        evident_item_get_complexity (item)));
  evident_cli_json_add_string (builder, "response", evident_item_get_response (item));
  /* A revision reworded the item while it was met or ready: the status
   * it had, until someone confirms it. */
  evident_cli_json_add_boolean (builder, "recheck", evident_item_get_needs_recheck (item));
  evident_cli_json_add_string (builder, "recheck_status",
                               evident_item_get_needs_recheck (item)
                                   ? evident_status_to_string (
                                         evident_item_get_recheck_status (item))
                                   : NULL);
  add_extra_json (builder, item);
  /* Days, or null when nobody estimated the item. */
  json_builder_set_member_name (builder, "estimate");
  if (evident_item_get_estimate (item) >= 0)
    json_builder_add_value (builder, evident_cli_json_number (evident_item_get_estimate (item)));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/* Reference, status, points, M for mandatory, owner, title. */
static void
add_item_row (EvidentCliTable *table,
              gpointer         object)
{
  EvidentItem *item = object;
  const char *owner = evident_item_get_owner (item);

  evident_cli_table_add (table, evident_item_get_ref (item));
  if (evident_item_get_needs_recheck (item))
    /* Translators: an item's status, to be checked again after a revision */
    evident_cli_table_add_printf (table, _("%s (re-check)"),
                                  evident_status_to_string (evident_item_get_status (item)));
  else
    evident_cli_table_add (table, evident_status_to_string (evident_item_get_status (item)));
  evident_cli_table_add_printf (table, "%d", evident_item_get_points (item));
  evident_cli_table_add (table, evident_item_get_mandatory (item) ? "M" : "");
  evident_cli_table_add (table, owner != NULL ? owner : "-");
  evident_cli_table_add (table, evident_item_get_title (item));
}

int
evident_cli_items (EvidentCliContext  *cli,
                   GError            **error)
{
  evident_cli_print_list (evident_project_get_items (cli->project), cli->json,
                          "l  l  r l  l  l", add_item_json, add_item_row);
  return EXIT_SUCCESS;
}

/* set */

typedef struct
{
  char              *values[EVIDENT_N_ITEM_FIELDS];
  EvidentItemChange  changes[EVIDENT_N_ITEM_FIELDS + 1];
  guint              n_changes;
  gboolean           confirm;
} SetOptions;

#define SET_FIELD(field) EVIDENT_CLI_OPTION (SetOptions, values[EVIDENT_ITEM_FIELD_##field])

static const GOptionEntry set_entries[] = {
  { "status", 's', 0, G_OPTION_ARG_STRING, SET_FIELD (STATUS),
    N_("not-started, in-progress, ready, met, not-met or not-applicable"), N_("STATUS") },
  { "owner", 'o', 0, G_OPTION_ARG_STRING, SET_FIELD (OWNER),
    N_("Who owns the item, as “Name” or “Name <address>” (empty to clear)"), N_("NAME") },
  { "complexity", 'c', 0, G_OPTION_ARG_STRING, SET_FIELD (COMPLEXITY),
    N_("low, medium, high or none"), N_("COMPLEXITY") },
  { "reason", 'r', 0, G_OPTION_ARG_STRING, SET_FIELD (REASON),
    N_("Why the item is not applicable"), N_("TEXT") },
  { "note", 'n', 0, G_OPTION_ARG_STRING, SET_FIELD (NOTE),
    N_("Notes on the item"), N_("TEXT") },
  { "due", 'd', 0, G_OPTION_ARG_STRING, SET_FIELD (DUE),
    N_("Due date, YYYY-MM-DD (empty to clear)"), N_("DATE") },
  { "response", 0, 0, G_OPTION_ARG_STRING, SET_FIELD (RESPONSE),
    N_("The answer for the auditor, handed in with the self-assessment"), N_("TEXT") },
  { "estimate", 'e', 0, G_OPTION_ARG_STRING, SET_FIELD (ESTIMATE),
    N_("Days the item takes, e.g. 2.5, rather than its complexity’s (empty to clear)"),
    N_("DAYS") },
  { "confirm", 0, 0, G_OPTION_ARG_NONE, EVIDENT_CLI_OPTION (SetOptions, confirm),
    N_("The item was checked again after a revision: it gets back the status it had (or "
       "--status)"),
    NULL },
  { NULL }
};

/* The fields given, in the order of the fields; statuses and complexities
 * spelled as the core spells them. */
static gboolean
set_check (EvidentCliContext  *cli,
           GError            **error)
{
  SetOptions *options = cli->options;
  const char *status = options->values[EVIDENT_ITEM_FIELD_STATUS];
  const char *complexity = options->values[EVIDENT_ITEM_FIELD_COMPLEXITY];
  EvidentStatus status_value;
  EvidentComplexity complexity_value;

  for (guint f = 0; f < EVIDENT_N_ITEM_FIELDS; f++)
    {
      if (options->values[f] != NULL)
        options->changes[options->n_changes++] = (EvidentItemChange) {
          .field = f,
          .value = options->values[f],
        };
    }

  if (options->n_changes == 0 && !options->confirm)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Say what to change, e.g. --status met"));
  else if (status != NULL && !evident_status_from_string (status, &status_value))
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Unknown status; use not-started, in-progress, ready, met, "
                           "not-met or not-applicable"));
  else if (complexity != NULL && !evident_complexity_from_string (complexity, &complexity_value))
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Unknown complexity; use low, medium, high or none"));
  else
    return TRUE;
  return FALSE;
}

const EvidentCliOptions evident_cli_set_options = {
  .entries = set_entries,
  .size = sizeof (SetOptions),
  .check = set_check,
  .description = N_("Setting the status of an item that needs a re-check after a revision "
                    "confirms it too."),
};

/* --confirm: the re-check flag cleared, the status as it was unless given. */
static gboolean
add_confirmation (SetOptions   *options,
                  EvidentItem  *item,
                  const char   *path,
                  GError      **error)
{
  if (!evident_item_get_needs_recheck (item))
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                   _("%s: item %s needs no re-check"), path, evident_item_get_ref (item));
      return FALSE;
    }
  options->changes[options->n_changes++] = (EvidentItemChange) {
    EVIDENT_ITEM_FIELD_RECHECK, "",
  };
  if (options->values[EVIDENT_ITEM_FIELD_STATUS] == NULL)
    options->changes[options->n_changes++] = (EvidentItemChange) {
      EVIDENT_ITEM_FIELD_STATUS,
      evident_status_to_string (evident_item_get_recheck_status (item)),
    };
  return TRUE;
}

int
evident_cli_set (EvidentCliContext  *cli,
                 GError            **error)
{
  SetOptions *options = cli->options;
  EvidentItem *item = evident_cli_lookup_item (cli, cli->args[1], error);

  if (item == NULL)
    return EXIT_FAILURE;
  if (options->confirm && !add_confirmation (options, item, cli->path, error))
    return EXIT_FAILURE;
  if (!evident_project_update_item (cli->project, item, options->changes, options->n_changes,
                                    error))
    {
      g_prefix_error (error, "%s: ", cli->path);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

/* history */

static const char *
value_label (EvidentItemField  field,
             const char       *value)
{
  EvidentStatus status;
  EvidentComplexity complexity;

  if (value == NULL || *value == '\0')
    return "—";
  if ((field == EVIDENT_ITEM_FIELD_STATUS || field == EVIDENT_ITEM_FIELD_RECHECK)
      && evident_status_from_string (value, &status))
    return evident_status_to_string (status);
  if (field == EVIDENT_ITEM_FIELD_COMPLEXITY
      && evident_complexity_from_string (value, &complexity))
    return evident_complexity_to_string (complexity);
  return value;
}

int
evident_cli_history (EvidentCliContext  *cli,
                     GError            **error)
{
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("l  l  l  l  l  l");
  EvidentItem *item = NULL;

  if (cli->n_args > 1 && (item = evident_cli_lookup_item (cli, cli->args[1], error)) == NULL)
    return EXIT_FAILURE;

  history = evident_project_get_history (cli->project, item, error);
  if (history == NULL)
    return EXIT_FAILURE;

  /* When, who, undo or redo, which item, which field, old → new */
  for (guint i = 0; i < history->len; i++)
    {
      EvidentHistoryEntry *entry = g_ptr_array_index (history, i);
      g_autofree char *at = g_date_time_format (entry->at, "%Y-%m-%d %H:%M:%SZ");
      /* A plan setting: its key where an item's field goes, as stored */
      g_autofree char *old_value =
          evident_cli_one_line (entry->setting != NULL && entry->old_value == NULL ? "default"
                                : value_label (entry->field, entry->old_value));
      g_autofree char *new_value =
          evident_cli_one_line (entry->setting != NULL && entry->new_value == NULL ? "default"
                                : value_label (entry->field, entry->new_value));

      evident_cli_table_add (table, at);
      evident_cli_table_add (table, entry->who);
      evident_cli_table_add (table, g_str_equal (entry->kind, "edit") ? "" : entry->kind);
      evident_cli_table_add (table, entry->ref);
      evident_cli_table_add (table, entry->setting != NULL ? entry->setting
                                    : evident_item_field_to_string (entry->field));
      evident_cli_table_add_printf (table, "%s → %s", old_value, new_value);
    }
  evident_cli_table_print (table);
  return EXIT_SUCCESS;
}
