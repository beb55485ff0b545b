/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli revise: moving a project to a new version of its checklist,
 * or showing what that would do. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>

#include "evident-enums-util.h"
#include "evident-import.h"
#include "evident-item.h"
#include "evident-project.h"
#include "evident-revision.h"

#include "evident-cli-checklist.h"
#include "evident-cli-commands.h"
#include "evident-cli-output.h"

/* revise */

typedef struct
{
  gboolean                 dry_run;
  gboolean                 force;
  char                    *version;
  char                   **pairs;
  char                   **unpairs;
  EvidentCliImportOptions  import;
} ReviseOptions;

static const GOptionEntry revise_entries[] = {
  { "dry-run", 'n', 0, G_OPTION_ARG_NONE, EVIDENT_CLI_OPTION (ReviseOptions, dry_run),
    N_("Show what would happen to every item, and change nothing"), NULL },
  { "pair", 0, 0, G_OPTION_ARG_STRING_ARRAY, EVIDENT_CLI_OPTION (ReviseOptions, pairs),
    N_("The item OLD of the checklist is the item NEW of the new version (repeatable)"),
    N_("OLD=NEW") },
  { "unpair", 0, 0, G_OPTION_ARG_STRING_ARRAY, EVIDENT_CLI_OPTION (ReviseOptions, unpairs),
    N_("The item OLD has no counterpart in the new version (repeatable)"), N_("OLD") },
  { "force", 'f', 0, G_OPTION_ARG_NONE, EVIDENT_CLI_OPTION (ReviseOptions, force),
    N_("Apply a file even when hardly any item of the checklist is in it"), NULL },
  { "checklist-version", 0, 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (ReviseOptions, version),
    N_("The new version’s label, e.g. 4.2 (default: from the file name)"), N_("VERSION") },
  EVIDENT_CLI_IMPORT_OPTION_ENTRIES (ReviseOptions, import),
  { NULL }
};

static gboolean
revise_check (EvidentCliContext  *cli,
              GError            **error)
{
  ReviseOptions *options = cli->options;

  for (guint i = 0; options->pairs != NULL && options->pairs[i] != NULL; i++)
    {
      const char *equals = strchr (options->pairs[i], '=');

      if (equals == NULL || equals == options->pairs[i] || equals[1] == '\0')
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--pair takes OLD=NEW, two references; not “%s”"), options->pairs[i]);
          return FALSE;
        }
    }
  return evident_cli_check_import_options (&options->import, error);
}

const EvidentCliOptions evident_cli_revise_options = {
  .entries = revise_entries,
  .size = sizeof (ReviseOptions),
  .check = revise_check,
  .description = N_("Items are matched by their texts, not their numbers. Unchanged and moved "
                    "items keep their work; reworded, split and merged items keep it too, but "
                    "met or ready becomes ready and needs a re-check (“evident-cli set P REF "
                    "--confirm”); new items start not started; the items that leave keep "
                    "their work in the archive (“evident-cli archive P”). Applying is one "
                    "step that the application’s Undo takes back."),
};

static const char *
relation_name (EvidentRevisionRelation relation)
{
  return evident_revision_relation_to_string (relation);
}

static void
add_diff_json (JsonBuilder          *builder,
               EvidentRevisionEntry *entry)
{
  static const char *parts[] = { "title", "requirement", "evidence" };

  json_builder_set_member_name (builder, "diff");
  json_builder_begin_object (builder);
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      GArray *diff = evident_revision_entry_get_diff (entry, p);

      json_builder_set_member_name (builder, parts[p]);
      json_builder_begin_array (builder);
      for (guint i = 0; i < diff->len; i++)
        {
          const EvidentDiffSpan *span = &g_array_index (diff, EvidentDiffSpan, i);

          json_builder_begin_object (builder);
          evident_cli_json_add_string (builder, "op",
                                       span->op == EVIDENT_DIFF_EQUAL    ? "equal"
                                       : span->op == EVIDENT_DIFF_DELETE ? "delete"
                                                                         : "insert");
          evident_cli_json_add_string (builder, "text", span->text);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
add_entry_json (JsonBuilder          *builder,
                EvidentRevisionEntry *entry)
{
  EvidentRevisionRelation relation = evident_revision_entry_get_relation (entry);
  double similarity = evident_revision_entry_get_similarity (entry);

  json_builder_begin_object (builder);
  evident_cli_json_add_string (builder, "old", evident_revision_entry_get_old_ref (entry));
  evident_cli_json_add_string (builder, "new", evident_revision_entry_get_new_ref (entry));
  evident_cli_json_add_string (builder, "relation", relation_name (relation));
  json_builder_set_member_name (builder, "similarity");
  json_builder_add_value (builder, evident_cli_json_number (round (similarity * 1000) / 1000));
  evident_cli_json_add_boolean (builder, "manual", evident_revision_entry_get_manual (entry));
  evident_cli_json_add_string (builder, "title",
                               evident_revision_entry_get_new_title (entry) != NULL
                                   ? evident_revision_entry_get_new_title (entry)
                                   : evident_revision_entry_get_old_title (entry));
  evident_cli_json_add_string (builder, "status_before",
                               evident_revision_entry_get_old_item (entry) != NULL
                                   ? evident_status_to_string (
                                         evident_revision_entry_get_status_before (entry))
                                   : NULL);
  evident_cli_json_add_string (builder, "status_after",
                               evident_status_to_string (
                                   evident_revision_entry_get_status_after (entry)));
  evident_cli_json_add_boolean (builder, "recheck", evident_revision_entry_get_recheck (entry));
  evident_cli_json_add_string (builder, "recheck_status",
                               evident_revision_entry_get_recheck (entry)
                                   ? evident_status_to_string (
                                         evident_revision_entry_get_recheck_status (entry))
                                   : NULL);
  /* The word diffs where the texts differ; null where they are equal or
   * there is one item. */
  if (relation == EVIDENT_REVISION_REWORDED || relation == EVIDENT_REVISION_SPLIT
      || relation == EVIDENT_REVISION_MERGED)
    add_diff_json (builder, entry);
  else
    {
      json_builder_set_member_name (builder, "diff");
      json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
}

static void
add_score_json (JsonBuilder        *builder,
                const char         *member,
                const EvidentScore *score)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  evident_cli_json_add_string (builder, "mode", evident_score_mode_to_string (score->rules.mode));
  evident_cli_json_add_int (builder, "max_score", score->max_score);
  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      json_builder_set_member_name (builder, evident_view_to_string (v));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "score");
      json_builder_add_value (builder, evident_cli_json_number (score->views[v].score));
      evident_cli_json_add_boolean (builder, "pass", score->views[v].pass);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
print_plan_json (EvidentCliContext *cli,
                 EvidentRevision   *revision,
                 const char        *from,
                 gboolean           applied)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  GListModel *entries = evident_revision_get_entries (revision);
  GPtrArray *warnings = evident_revision_get_warnings (revision);

  json_builder_begin_object (builder);
  evident_cli_json_add_string (builder, "file", evident_revision_get_file_name (revision));
  evident_cli_json_add_string (builder, "from", from);
  evident_cli_json_add_string (builder, "to", evident_revision_get_label (revision));
  evident_cli_json_add_boolean (builder, "applied", applied);
  json_builder_set_member_name (builder, "matched");
  json_builder_add_value (builder, evident_cli_json_number (
                                       round (evident_revision_get_matched_share (revision) * 1000)
                                       / 1000));
  evident_cli_json_add_boolean (builder, "unrelated", evident_revision_get_unrelated (revision));
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint r = 0; r < EVIDENT_N_REVISION_RELATIONS; r++)
    evident_cli_json_add_int (builder, relation_name (r), evident_revision_get_count (revision, r));
  json_builder_end_object (builder);
  evident_cli_json_add_int (builder, "recheck", evident_revision_get_n_recheck (revision));
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (warnings, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "score");
  json_builder_begin_object (builder);
  add_score_json (builder, "before", evident_revision_get_score_before (revision));
  add_score_json (builder, "after", evident_revision_get_score_after (revision));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (EvidentRevisionEntry) entry = g_list_model_get_item (entries, i);

      add_entry_json (builder, entry);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  evident_cli_print_json (builder);
}

/* What the item's status becomes: "met", "ready (re-check, was met)". */
static char *
describe_status (EvidentRevisionEntry *entry)
{
  EvidentRevisionRelation relation = evident_revision_entry_get_relation (entry);
  const char *after = evident_status_to_string (evident_revision_entry_get_status_after (entry));

  if (relation == EVIDENT_REVISION_MERGED || relation == EVIDENT_REVISION_REMOVED)
    /* Translators: an item that leaves the checklist, with its status */
    return g_strdup_printf (_("%s, archived"), after);
  if (evident_revision_entry_get_recheck (entry))
    /* Translators: the status after a revision, and the status it had */
    return g_strdup_printf (_("%s, re-check (was %s)"), after,
                            evident_status_to_string (
                                evident_revision_entry_get_recheck_status (entry)));
  return g_strdup (after);
}

static void
print_entries (EvidentRevision *revision)
{
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("  l  l  l  l  r  l  l");
  GListModel *entries = evident_revision_get_entries (revision);

  /* Old, →, new, what, similarity, title, status after */
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (EvidentRevisionEntry) entry = g_list_model_get_item (entries, i);
      EvidentRevisionRelation relation = evident_revision_entry_get_relation (entry);
      const char *old_ref = evident_revision_entry_get_old_ref (entry);
      const char *new_ref = evident_revision_entry_get_new_ref (entry);
      const char *title = evident_revision_entry_get_new_title (entry);
      g_autofree char *status = describe_status (entry);

      evident_cli_table_add (table, old_ref != NULL ? old_ref : "-");
      evident_cli_table_add (table, "→");
      evident_cli_table_add (table, new_ref != NULL ? new_ref : "-");
      evident_cli_table_add_printf (table, "%s%s", relation_name (relation),
                                    evident_revision_entry_get_manual (entry) ? "*" : "");
      if (relation == EVIDENT_REVISION_REWORDED || relation == EVIDENT_REVISION_SPLIT
          || relation == EVIDENT_REVISION_MERGED)
        evident_cli_table_add_printf (table, "%d %%",
                                      (int) round (evident_revision_entry_get_similarity (entry)
                                                   * 100));
      else
        evident_cli_table_add (table, "");
      evident_cli_table_add (table, title != NULL ? title
                                                  : evident_revision_entry_get_old_title (entry));
      evident_cli_table_add (table, status);
    }
  evident_cli_table_print (table);
}

static void
print_scores (EvidentRevision *revision)
{
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("  l  r  l  r  l");
  const EvidentScore *before = evident_revision_get_score_before (revision);
  const EvidentScore *after = evident_revision_get_score_after (revision);

  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      g_autofree char *value_before = evident_score_format (before, v);
      g_autofree char *value_after = evident_score_format (after, v);

      evident_cli_table_add (table, evident_view_get_label (v));
      evident_cli_table_add (table, value_before);
      evident_cli_table_add (table, before->views[v].pass ? _("passes") : _("does not pass"));
      evident_cli_table_add (table, value_after);
      evident_cli_table_add (table, after->views[v].pass ? _("passes") : _("does not pass"));
    }
  g_print ("%s\n", _("Score before and after:"));
  evident_cli_table_print (table);
}

static void
print_plan_text (EvidentCliContext *cli,
                 EvidentRevision   *revision,
                 const char        *from,
                 gboolean           applied)
{
  GPtrArray *warnings = evident_revision_get_warnings (revision);
  g_autoptr (GString) counts = g_string_new (NULL);

  g_print (_("%s: checklist %s → %s (%s)\n"), cli->path, *from != '\0' ? from : "?",
           *evident_revision_get_label (revision) != '\0' ? evident_revision_get_label (revision)
                                                          : "?",
           evident_revision_get_file_name (revision));
  print_entries (revision);

  for (guint r = 0; r < EVIDENT_N_REVISION_RELATIONS; r++)
    g_string_append_printf (counts, "%s%u %s", r > 0 ? ", " : "",
                            evident_revision_get_count (revision, r), relation_name (r));
  g_print (_("Items: %s; %u to re-check\n"), counts->str,
           evident_revision_get_n_recheck (revision));
  print_scores (revision);
  for (guint i = 0; i < warnings->len; i++)
    g_print (_("Warning: %s\n"), (char *) g_ptr_array_index (warnings, i));

  if (applied)
    g_print (_("The project is on %s now; the application’s Undo takes the revision back.\n"),
             evident_revision_get_label (revision));
  else
    g_print ("%s\n", _("Nothing was changed (--dry-run)."));
}

/* --pair and --unpair, in the order given: pairs first. */
static gboolean
apply_overrides (ReviseOptions    *options,
                 EvidentRevision  *revision,
                 GError          **error)
{
  for (guint i = 0; options->pairs != NULL && options->pairs[i] != NULL; i++)
    {
      g_auto (GStrv) refs = g_strsplit (options->pairs[i], "=", 2);

      if (!evident_revision_pair (revision, g_strstrip (refs[0]), g_strstrip (refs[1]), error))
        return FALSE;
    }
  for (guint i = 0; options->unpairs != NULL && options->unpairs[i] != NULL; i++)
    {
      if (!evident_revision_unpair (revision, g_strstrip (options->unpairs[i]), error))
        return FALSE;
    }
  return TRUE;
}

int
evident_cli_revise (EvidentCliContext  *cli,
                    GError            **error)
{
  ReviseOptions *options = cli->options;
  const char *checklist = cli->args[1];
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (EvidentRevision) revision = NULL;
  g_autofree char *from = g_strdup (evident_project_get_checklist_version (cli->project));

  import = evident_cli_read_checklist (checklist, &options->import, error);
  if (import == NULL)
    return EXIT_FAILURE;
  revision = evident_revision_new (cli->project, import, error);
  if (revision == NULL)
    {
      if ((*error)->domain == EVIDENT_IMPORT_ERROR)
        evident_cli_prefix_import_error (error, checklist);
      return EXIT_FAILURE;
    }
  evident_revision_set_file_name (revision, checklist);
  if (options->version != NULL)
    evident_revision_set_label (revision, options->version);

  if (!apply_overrides (options, revision, error))
    {
      g_prefix_error (error, "%s: ", cli->path);
      return EXIT_FAILURE;
    }

  if (!options->dry_run && !evident_revision_apply (revision, options->force, error))
    {
      if (g_error_matches (*error, EVIDENT_REVISION_ERROR, EVIDENT_REVISION_ERROR_UNRELATED))
        {
          /* Translators: how to apply a file anyway, after the message why not */
          g_autofree char *message = g_strdup_printf (_("%s (--force)"), (*error)->message);

          g_free ((*error)->message);
          (*error)->message = g_steal_pointer (&message);
        }
      g_prefix_error (error, "%s: ", cli->path);
      return EXIT_FAILURE;
    }

  if (cli->json)
    print_plan_json (cli, revision, from, !options->dry_run);
  else
    print_plan_text (cli, revision, from, !options->dry_run);
  return EXIT_SUCCESS;
}
