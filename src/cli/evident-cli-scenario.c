/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli whatif and scenario: the score with items assumed met or not
 * met, and named scenarios kept in the project. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>

#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-project.h"
#include "evident-scenario.h"

#include "evident-cli-commands.h"
#include "evident-cli-output.h"

/* The options of whatif and of scenario save: what to assume. */
typedef struct
{
  char **met;
  char **not_met;
  char **chapters_met;
  char **chapters_not_met;
} AssumeOptions;

#define ASSUME_OPTION(field) EVIDENT_CLI_OPTION (AssumeOptions, field)

static const GOptionEntry assume_entries[] = {
  { "assume-met", 'm', 0, G_OPTION_ARG_STRING_ARRAY, ASSUME_OPTION (met),
    N_("Assume these items met (references, separated by commas)"), N_("REF,…") },
  { "assume-not-met", 'n', 0, G_OPTION_ARG_STRING_ARRAY, ASSUME_OPTION (not_met),
    N_("Assume these items not met"), N_("REF,…") },
  { "chapter-met", 0, 0, G_OPTION_ARG_STRING_ARRAY, ASSUME_OPTION (chapters_met),
    N_("Assume every item of these chapters met (numbers, e.g. 8.0)"), N_("CHAPTER,…") },
  { "chapter-not-met", 0, 0, G_OPTION_ARG_STRING_ARRAY, ASSUME_OPTION (chapters_not_met),
    N_("Assume every item of these chapters not met"), N_("CHAPTER,…") },
  { NULL }
};

static gboolean
has_assumptions (AssumeOptions *options)
{
  return options->met != NULL || options->not_met != NULL || options->chapters_met != NULL
         || options->chapters_not_met != NULL;
}

/* The references in repeated options, each a list separated by commas. */
static GPtrArray *
split_lists (char **values)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint p = 0; parts[p] != NULL; p++)
        {
          char *name = g_strstrip (g_strdup (parts[p]));

          if (*name == '\0')
            g_free (name);
          else
            g_ptr_array_add (names, name);
        }
    }
  return names;
}

static gboolean
assume_chapters (EvidentCliContext  *cli,
                 EvidentScenario    *scenario,
                 char              **values,
                 EvidentAssumption   assumption,
                 GError            **error)
{
  g_autoptr (GPtrArray) chapters = split_lists (values);

  for (guint i = 0; i < chapters->len; i++)
    {
      const char *chapter = g_ptr_array_index (chapters, i);

      if (evident_scenario_assume_chapter (scenario, chapter, assumption) == 0)
        {
          g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NO_SUCH_ITEM,
                       _("%s: there is no chapter “%s”"), cli->path, chapter);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
assume_items (EvidentCliContext  *cli,
              EvidentScenario    *scenario,
              char              **values,
              EvidentAssumption   assumption,
              GHashTable         *seen,
              GError            **error)
{
  g_autoptr (GPtrArray) refs = split_lists (values);

  for (guint i = 0; i < refs->len; i++)
    {
      EvidentItem *item = evident_cli_lookup_item (cli, g_ptr_array_index (refs, i), error);
      gpointer before;

      if (item == NULL)
        return FALSE;
      if (g_hash_table_lookup_extended (seen, item, NULL, &before)
          && GPOINTER_TO_UINT (before) != assumption)
        {
          g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                       _("%s: item %s cannot be assumed both met and not met"), cli->path,
                       evident_item_get_ref (item));
          return FALSE;
        }
      g_hash_table_insert (seen, item, GUINT_TO_POINTER (assumption));
      evident_scenario_assume (scenario, item, assumption);
    }
  return TRUE;
}

/* The options' assumptions on @scenario: chapters first, then items, so
 * that an item's own assumption wins over its chapter's. */
static gboolean
apply_options (EvidentCliContext  *cli,
               EvidentScenario    *scenario,
               GError            **error)
{
  AssumeOptions *options = cli->options;
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

  return assume_chapters (cli, scenario, options->chapters_met, EVIDENT_ASSUMPTION_MET, error)
         && assume_chapters (cli, scenario, options->chapters_not_met, EVIDENT_ASSUMPTION_NOT_MET,
                             error)
         && assume_items (cli, scenario, options->met, EVIDENT_ASSUMPTION_MET, seen, error)
         && assume_items (cli, scenario, options->not_met, EVIDENT_ASSUMPTION_NOT_MET, seen,
                          error);
}

/* Printing */

static const char *
verdict (gboolean pass)
{
  return pass ? _("passes") : _("does not pass");
}

static char *
format_change (const EvidentScore *score,
               double              change)
{
  if (score->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL)
    /* Translators: a change of a share of items in percent, e.g. "+25 %" */
    return g_strdup_printf (_("%+d %%"), (int) lround (change));
  return g_strdup_printf ("%+ld", lround (change));
}

/* View, the score of @a, of @b, the change, and whether each passes. */
static void
print_views (const EvidentScore *a,
             const EvidentScore *b,
             const char         *a_label,
             const char         *b_label)
{
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("  l  r  r  r  l");

  evident_cli_table_add (table, "");
  evident_cli_table_add (table, a_label);
  evident_cli_table_add (table, b_label);
  evident_cli_table_add (table, _("Change"));
  evident_cli_table_add (table, "");
  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      g_autofree char *a_score = evident_score_format (a, v);
      g_autofree char *b_score = evident_score_format (b, v);
      g_autofree char *change = format_change (b, b->views[v].score - a->views[v].score);

      evident_cli_table_add (table, evident_view_get_label (v));
      evident_cli_table_add (table, a_score);
      evident_cli_table_add (table, b_score);
      evident_cli_table_add (table, change);
      if (a->views[v].pass == b->views[v].pass)
        evident_cli_table_add (table, verdict (b->views[v].pass));
      else
        evident_cli_table_add_printf (table, "%s → %s", verdict (a->views[v].pass),
                                      verdict (b->views[v].pass));
    }
  evident_cli_table_print (table);
}

static void
add_refs_json (JsonBuilder     *builder,
               const char      *member,
               EvidentScenario *scenario,
               EvidentAssumption assumption)
{
  g_autoptr (GPtrArray) items = evident_scenario_dup_items (scenario, assumption);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    json_builder_add_string_value (builder, evident_item_get_ref (g_ptr_array_index (items, i)));
  json_builder_end_array (builder);
}

static void
add_score_json (JsonBuilder        *builder,
                const char         *member,
                const EvidentScore *score,
                EvidentView         view)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_value (builder, evident_cli_json_number (score->views[view].score));
}

/* "views": { "confirmed": { "now", "assumed", "change", "pass_now",
 * "pass_assumed" }, … } */
static void
add_comparison_json (JsonBuilder        *builder,
                     const EvidentScore *a,
                     const EvidentScore *b,
                     const char         *a_name,
                     const char         *b_name)
{
  g_autofree char *pass_a = g_strdup_printf ("pass_%s", a_name);
  g_autofree char *pass_b = g_strdup_printf ("pass_%s", b_name);

  json_builder_set_member_name (builder, "views");
  json_builder_begin_object (builder);
  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      json_builder_set_member_name (builder, evident_view_to_string (v));
      json_builder_begin_object (builder);
      add_score_json (builder, a_name, a, v);
      add_score_json (builder, b_name, b, v);
      json_builder_set_member_name (builder, "change");
      json_builder_add_value (builder,
                              evident_cli_json_number (b->views[v].score - a->views[v].score));
      evident_cli_json_add_boolean (builder, pass_a, a->views[v].pass);
      evident_cli_json_add_boolean (builder, pass_b, b->views[v].pass);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/* The scenario's assumptions and the score now and with them. */
static void
print_scenario (EvidentCliContext *cli,
                EvidentScenario   *scenario)
{
  const EvidentScore *now = evident_project_get_score (cli->project);
  const EvidentScore *assumed = evident_scenario_get_score (scenario);
  const char *name = evident_scenario_get_name (scenario);

  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      if (name != NULL)
        evident_cli_json_add_string (builder, "name", name);
      json_builder_set_member_name (builder, "assumptions");
      json_builder_begin_object (builder);
      add_refs_json (builder, "met", scenario, EVIDENT_ASSUMPTION_MET);
      add_refs_json (builder, "not_met", scenario, EVIDENT_ASSUMPTION_NOT_MET);
      json_builder_end_object (builder);
      add_comparison_json (builder, now, assumed, "now", "assumed");
      json_builder_end_object (builder);
      evident_cli_print_json (builder);
      return;
    }

  {
    g_autoptr (GPtrArray) met = evident_scenario_dup_items (scenario, EVIDENT_ASSUMPTION_MET);
    g_autoptr (GPtrArray) not_met = evident_scenario_dup_items (scenario,
                                                                EVIDENT_ASSUMPTION_NOT_MET);

    if (name != NULL)
      g_print (_("Scenario “%s”: "), name);
    g_print (_("%u assumed met, %u assumed not met\n\n"), met->len, not_met->len);
  }
  print_views (now, assumed, _("Now"), _("Assumed"));
}

/* whatif */

static gboolean
whatif_check (EvidentCliContext  *cli,
              GError            **error)
{
  if (has_assumptions (cli->options))
    return TRUE;
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Say what to assume, e.g. --assume-met 8.2.1"));
  return FALSE;
}

const EvidentCliOptions evident_cli_whatif_options = {
  .entries = assume_entries,
  .size = sizeof (AssumeOptions),
  .check = whatif_check,
  .description = N_("Changes nothing in the project. An item’s own assumption wins over its "
                    "chapter’s."),
};

int
evident_cli_whatif (EvidentCliContext  *cli,
                    GError            **error)
{
  g_autoptr (EvidentScenario) scenario = evident_scenario_new (cli->project);

  if (!apply_options (cli, scenario, error))
    return EXIT_FAILURE;
  print_scenario (cli, scenario);
  return EXIT_SUCCESS;
}

/* scenario */

typedef enum
{
  ACTION_LIST,
  ACTION_SHOW,
  ACTION_SAVE,
  ACTION_APPLY,
  ACTION_DELETE,
  ACTION_COMPARE,
} Action;

static const struct
{
  const char *name;
  guint       n_names;
  gboolean    writes;
} actions[] = {
  [ACTION_LIST] = { "list", 0, FALSE },
  [ACTION_SHOW] = { "show", 1, FALSE },
  [ACTION_SAVE] = { "save", 1, TRUE },
  [ACTION_APPLY] = { "apply", 1, TRUE },
  [ACTION_DELETE] = { "delete", 1, TRUE },
  [ACTION_COMPARE] = { "compare", 2, FALSE },
};

static gboolean
lookup_action (const char *name,
               Action     *action)
{
  for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
    {
      if (g_str_equal (name, actions[a].name))
        {
          *action = a;
          return TRUE;
        }
    }
  return FALSE;
}

/* The action and its names, checked before the project is opened: for
 * reading (list, show, compare) or for writing (save, apply, delete). */
static gboolean
scenario_check (EvidentCliContext  *cli,
                GError            **error)
{
  Action action;

  if (!lookup_action (cli->args[1], &action))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown action “%s”; use list, show, save, apply, delete or compare"),
                   cli->args[1]);
      return FALSE;
    }
  if (cli->n_args < 2 + actions[action].n_names)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   g_dngettext (GETTEXT_PACKAGE, "%s needs the name of a scenario",
                                "%s needs the names of two scenarios", actions[action].n_names),
                   actions[action].name);
      return FALSE;
    }
  if (cli->n_args > 2 + actions[action].n_names)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Too many arguments"));
      return FALSE;
    }
  if (action == ACTION_SAVE && !has_assumptions (cli->options))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Say what to assume, e.g. --assume-met 8.2.1"));
      return FALSE;
    }
  if (action != ACTION_SAVE && has_assumptions (cli->options))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Assumptions go with save: scenario PROJECT save NAME --assume-met …"));
      return FALSE;
    }
  if (actions[action].writes)
    cli->access = EVIDENT_CLI_PROJECT_WRITE;
  return TRUE;
}

const EvidentCliOptions evident_cli_scenario_options = {
  .entries = assume_entries,
  .size = sizeof (AssumeOptions),
  .check = scenario_check,
  .description = N_("Actions:\n"
                    "  list                  the scenarios kept in the project\n"
                    "  show NAME             its assumptions, the score now and with them\n"
                    "  save NAME --assume-…  keep a scenario (replacing one of that name)\n"
                    "  apply NAME            set its items met or not met, as one edit\n"
                    "  delete NAME           forget it\n"
                    "  compare NAME NAME     two scenarios’ scores side by side"),
};

/* A kept scenario, or %NULL with an error naming the file. */
static EvidentScenario *
load (EvidentCliContext  *cli,
      const char         *name,
      GError            **error)
{
  EvidentScenario *scenario = evident_scenario_load (cli->project, name, error);

  if (scenario == NULL)
    g_prefix_error (error, "%s: ", cli->path);
  return scenario;
}

static int
scenario_list (EvidentCliContext  *cli,
               GError            **error)
{
  g_auto (GStrv) names = evident_scenario_list (cli->project, error);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("l  r  r  r  l");

  if (names == NULL)
    {
      g_prefix_error (error, "%s: ", cli->path);
      return EXIT_FAILURE;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr (EvidentScenario) scenario = load (cli, names[i], error);
      g_autoptr (GPtrArray) met = NULL;
      g_autoptr (GPtrArray) not_met = NULL;
      const EvidentScore *score;
      g_autofree char *projected = NULL;

      if (scenario == NULL)
        return EXIT_FAILURE;
      score = evident_scenario_get_score (scenario);
      if (cli->json)
        {
          json_builder_begin_object (builder);
          evident_cli_json_add_string (builder, "name", names[i]);
          add_refs_json (builder, "met", scenario, EVIDENT_ASSUMPTION_MET);
          add_refs_json (builder, "not_met", scenario, EVIDENT_ASSUMPTION_NOT_MET);
          json_builder_set_member_name (builder, "views");
          json_builder_begin_object (builder);
          for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
            {
              json_builder_set_member_name (builder, evident_view_to_string (v));
              json_builder_begin_object (builder);
              add_score_json (builder, "score", score, v);
              evident_cli_json_add_boolean (builder, "pass", score->views[v].pass);
              json_builder_end_object (builder);
            }
          json_builder_end_object (builder);
          json_builder_end_object (builder);
          continue;
        }

      met = evident_scenario_dup_items (scenario, EVIDENT_ASSUMPTION_MET);
      not_met = evident_scenario_dup_items (scenario, EVIDENT_ASSUMPTION_NOT_MET);
      projected = evident_score_format (score, EVIDENT_VIEW_PROJECTED);
      evident_cli_table_add (table, names[i]);
      /* Translators: how many items a scenario assumes met */
      evident_cli_table_add_printf (table, _("%u met"), met->len);
      /* Translators: how many items a scenario assumes not met */
      evident_cli_table_add_printf (table, _("%u not met"), not_met->len);
      evident_cli_table_add (table, projected);
      evident_cli_table_add (table, verdict (score->views[EVIDENT_VIEW_PROJECTED].pass));
    }
  json_builder_end_array (builder);

  if (cli->json)
    evident_cli_print_json (builder);
  else if (names[0] == NULL)
    g_print ("%s\n", _("No scenarios are kept in the project."));
  else
    evident_cli_table_print (table);
  return EXIT_SUCCESS;
}

static int
scenario_compare (EvidentCliContext  *cli,
                  GError            **error)
{
  g_autoptr (EvidentScenario) a = load (cli, cli->args[2], error);
  g_autoptr (EvidentScenario) b = NULL;

  if (a == NULL || (b = load (cli, cli->args[3], error)) == NULL)
    return EXIT_FAILURE;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "scenarios");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, cli->args[2]);
      json_builder_add_string_value (builder, cli->args[3]);
      json_builder_end_array (builder);
      add_comparison_json (builder, evident_scenario_get_score (a),
                           evident_scenario_get_score (b), "first", "second");
      json_builder_end_object (builder);
      evident_cli_print_json (builder);
    }
  else
    print_views (evident_scenario_get_score (a), evident_scenario_get_score (b), cli->args[2],
                 cli->args[3]);
  return EXIT_SUCCESS;
}

static int
scenario_apply (EvidentCliContext  *cli,
                GError            **error)
{
  g_autoptr (EvidentScenario) scenario = load (cli, cli->args[2], error);
  g_autoptr (GPtrArray) assumed = NULL;
  g_autoptr (GPtrArray) changed = g_ptr_array_new ();

  if (scenario == NULL)
    return EXIT_FAILURE;

  /* What will change: items whose status is not already the assumed one. */
  assumed = evident_scenario_dup_items (scenario, EVIDENT_ASSUMPTION_NONE);
  for (guint i = 0; i < assumed->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (assumed, i);
      EvidentStatus wanted = evident_scenario_get_assumption (scenario, item)
                                     == EVIDENT_ASSUMPTION_MET
                               ? EVIDENT_STATUS_MET
                               : EVIDENT_STATUS_NOT_MET;

      if (evident_item_get_status (item) != wanted)
        g_ptr_array_add (changed, item);
    }

  if (!evident_scenario_apply (scenario, error))
    {
      g_prefix_error (error, "%s: ", cli->path);
      return EXIT_FAILURE;
    }

  if (cli->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      evident_cli_json_add_string (builder, "name", cli->args[2]);
      json_builder_set_member_name (builder, "changed");
      json_builder_begin_array (builder);
      for (guint i = 0; i < changed->len; i++)
        json_builder_add_string_value (builder,
                                       evident_item_get_ref (g_ptr_array_index (changed, i)));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      evident_cli_print_json (builder);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Applied scenario “%s”: %u item changed, as one edit.\n",
                          "Applied scenario “%s”: %u items changed, as one edit.\n",
                          changed->len),
             cli->args[2], changed->len);
  return EXIT_SUCCESS;
}

int
evident_cli_scenario (EvidentCliContext  *cli,
                      GError            **error)
{
  g_autoptr (EvidentScenario) scenario = NULL;
  Action action = ACTION_LIST;

  if (!lookup_action (cli->args[1], &action))
    g_assert_not_reached (); /* scenario_check() */
  switch (action)
    {
    case ACTION_LIST:
      return scenario_list (cli, error);
    case ACTION_COMPARE:
      return scenario_compare (cli, error);
    case ACTION_APPLY:
      return scenario_apply (cli, error);
    case ACTION_SHOW:
      scenario = load (cli, cli->args[2], error);
      if (scenario == NULL)
        return EXIT_FAILURE;
      break;
    case ACTION_SAVE:
      scenario = evident_scenario_new (cli->project);
      if (!apply_options (cli, scenario, error))
        return EXIT_FAILURE;
      if (!evident_scenario_save (scenario, cli->args[2], error))
        {
          g_prefix_error (error, "%s: ", cli->path);
          return EXIT_FAILURE;
        }
      break;
    case ACTION_DELETE:
      if (!evident_scenario_delete (cli->project, cli->args[2], error))
        {
          g_prefix_error (error, "%s: ", cli->path);
          return EXIT_FAILURE;
        }
      if (cli->json)
        {
          g_autoptr (JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          evident_cli_json_add_string (builder, "deleted", cli->args[2]);
          json_builder_end_object (builder);
          evident_cli_print_json (builder);
        }
      else
        g_print (_("Deleted scenario “%s”.\n"), cli->args[2]);
      return EXIT_SUCCESS;
    default:
      g_assert_not_reached ();
    }

  print_scenario (cli, scenario);
  return EXIT_SUCCESS;
}
