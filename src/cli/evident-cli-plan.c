/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli plan, settings and workload: the cheapest way over the pass
 * line, the efforts and the audit date it is planned with, and who has to
 * finish what by when. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-plan.h"
#include "evident-project.h"
#include "evident-workload.h"

#include "evident-cli-commands.h"
#include "evident-cli-output.h"

/* A workload row lists at most this many references in the text. */
#define N_REFS_SHOWN 8

static void
add_number_json (JsonBuilder *builder,
                 const char  *member,
                 double       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_value (builder, evident_cli_json_number (value));
}

static void
add_efforts_json (JsonBuilder               *builder,
                  const EvidentPlanSettings *settings)
{
  json_builder_set_member_name (builder, "effort");
  json_builder_begin_object (builder);
  for (guint c = EVIDENT_COMPLEXITY_LOW; c < EVIDENT_N_COMPLEXITIES; c++)
    add_number_json (builder, evident_complexity_to_string (c), settings->effort[c]);
  json_builder_end_object (builder);
}

static gboolean
check_efforts (const char  *spec,
               GError     **error)
{
  EvidentPlanSettings settings;

  evident_plan_settings_init (&settings);
  return spec == NULL || evident_plan_settings_parse_efforts (&settings, spec, error);
}

/* plan */

typedef struct
{
  char        *effort;
  char        *view;
  EvidentView  view_value;
} PlanOptions;

#define PLAN_OPTION(field) EVIDENT_CLI_OPTION (PlanOptions, field)

static const GOptionEntry plan_entries[] = {
  { "effort", 'e', 0, G_OPTION_ARG_STRING, PLAN_OPTION (effort),
    N_("Days an item of each complexity takes, for this plan only, e.g. "
       "low=1,medium=3,high=8 (default: the project’s settings)"),
    N_("EFFORTS") },
  { "view", 0, 0, G_OPTION_ARG_STRING, PLAN_OPTION (view),
    N_("The view to pass in: projected or confirmed (default: %s)"), N_("VIEW") },
  { NULL }
};

static void
plan_init (gpointer values)
{
  PlanOptions *options = values;

  options->view = (char *) "projected";
}

static gboolean
plan_check (EvidentCliContext  *cli,
            GError            **error)
{
  PlanOptions *options = cli->options;

  if (g_str_equal (options->view, "projected"))
    options->view_value = EVIDENT_VIEW_PROJECTED;
  else if (g_str_equal (options->view, "confirmed"))
    options->view_value = EVIDENT_VIEW_CONFIRMED;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown view “%s”; use projected or confirmed"), options->view);
      return FALSE;
    }
  return check_efforts (options->effort, error);
}

const EvidentCliOptions evident_cli_plan_options = {
  .entries = plan_entries,
  .size = sizeof (PlanOptions),
  .init = plan_init,
  .check = plan_check,
  .description = N_("Lists the open items whose completion passes with the least effort: every "
                    "mandatory item not yet counted, then the cheapest set of the others that "
                    "covers the points still missing. An item’s effort is its estimate "
                    "(evident-cli set --estimate), else the effort of its complexity; unrated "
                    "items count as medium. Items not met stay as they are."),
};

static void
add_item_json (JsonBuilder *builder,
               EvidentItem *item)
{
  evident_cli_json_add_string (builder, "ref", evident_item_get_ref (item));
  evident_cli_json_add_string (builder, "title", evident_item_get_title (item));
  evident_cli_json_add_string (builder, "owner", evident_item_get_owner (item));
  evident_cli_json_add_int (builder, "points", evident_item_get_points (item));
  evident_cli_json_add_boolean (builder, "mandatory", evident_item_get_mandatory (item));
  evident_cli_json_add_string (builder, "status",
                               evident_status_to_string (evident_item_get_status (item)));
}

static void
print_plan_json (const EvidentPlan         *plan,
                 const EvidentPlanSettings *settings)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  evident_cli_json_add_string (builder, "view", evident_view_to_string (plan->view));
  evident_cli_json_add_string (builder, "mode", evident_score_mode_to_string (plan->rules.mode));
  evident_cli_json_add_int (builder, "pass_score", plan->rules.pass_score);
  add_number_json (builder, "score", plan->score);
  evident_cli_json_add_boolean (builder, "passes", plan->passes);
  evident_cli_json_add_int (builder, "missing", plan->missing);
  evident_cli_json_add_boolean (builder, "reachable", plan->reachable);
  add_efforts_json (builder, settings);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->steps->len; i++)
    {
      const EvidentPlanStep *step = &g_array_index (plan->steps, EvidentPlanStep, i);

      json_builder_begin_object (builder);
      add_item_json (builder, step->item);
      evident_cli_json_add_string (builder, "complexity", evident_complexity_to_string (
                                                            evident_item_get_complexity (step->item)));
      add_number_json (builder, "effort", step->effort);
      evident_cli_json_add_boolean (builder, "estimated", step->estimated);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_number_json (builder, "total_effort", plan->total_effort);
  add_number_json (builder, "score_reached", plan->score_reached);
  evident_cli_json_add_int (builder, "shortfall", plan->shortfall);

  json_builder_set_member_name (builder, "blocking");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->blocking->len; i++)
    {
      json_builder_begin_object (builder);
      add_item_json (builder, g_ptr_array_index (plan->blocking, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  evident_cli_print_json (builder);
}

/* "Projected: 600 points, the pass line 900: 300 missing" and the like. */
static void
print_plan_state (const EvidentPlan *plan,
                  const char        *score)
{
  const char *view = evident_view_get_label (plan->view);

  if (plan->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL)
    {
      if (plan->missing == 0)
        /* Translators: the first %s is a view, e.g. "Projected"; the second a share, "96 %" */
        g_print (_("%s: %s of the items, every mandatory one counted: passes\n"), view, score);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %s of the items; %u mandatory item not counted\n",
                              "%s: %s of the items; %u mandatory items not counted\n",
                              (guint) plan->missing),
                 view, score, (guint) plan->missing);
    }
  else if (plan->passes)
    /* Translators: %s is a view, e.g. "Projected", then its score and the pass line */
    g_print (_("%s: %s points, the pass line %d: passes\n"), view, score, plan->rules.pass_score);
  else
    {
      g_autofree char *missing = g_strdup_printf ("%" G_GINT64_FORMAT, plan->missing);

      /* Translators: the last %s is a number of points */
      g_print (_("%s: %s points, the pass line %d: %s missing\n"), view, score,
               plan->rules.pass_score, missing);
    }
}

static void
print_steps (const EvidentPlan *plan)
{
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("  l  r l  l  l  l");

  evident_cli_table_add (table, _("Item"));
  evident_cli_table_add (table, _("Days"));
  evident_cli_table_add (table, "");
  evident_cli_table_add (table, _("Owner"));
  evident_cli_table_add (table, "");
  evident_cli_table_add (table, _("Title"));
  for (guint i = 0; i < plan->steps->len; i++)
    {
      const EvidentPlanStep *step = &g_array_index (plan->steps, EvidentPlanStep, i);
      const char *owner = evident_item_get_owner (step->item);
      g_autofree char *days = evident_days_format (step->effort);

      evident_cli_table_add (table, evident_item_get_ref (step->item));
      evident_cli_table_add (table, days);
      /* Translators: marks an effort that is the item's own estimate */
      evident_cli_table_add (table, step->estimated ? _("(estimate)") : "");
      evident_cli_table_add (table, owner != NULL ? owner : "-");
      evident_cli_table_add (table, step->mandatory ? "M" : "");
      evident_cli_table_add (table, evident_item_get_title (step->item));
    }
  evident_cli_table_print (table);
}

static void
print_blocking (const EvidentPlan *plan)
{
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("  l  r l  l");

  for (guint i = 0; i < plan->blocking->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (plan->blocking, i);

      evident_cli_table_add (table, evident_item_get_ref (item));
      if (plan->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL)
        evident_cli_table_add (table, "");
      else
        evident_cli_table_add_printf (table, "%d", evident_item_get_points (item));
      evident_cli_table_add (table, evident_item_get_mandatory (item) ? "M" : "");
      evident_cli_table_add (table, evident_item_get_title (item));
    }
  evident_cli_table_print (table);
}

static void
print_plan_text (const EvidentPlan *plan)
{
  g_autofree char *days = evident_days_format (plan->total_effort);
  g_autofree char *score = NULL;
  g_autofree char *reached = NULL;
  EvidentScore view_score = { .rules = plan->rules };

  /* evident_score_format() on the plan's two numbers, for "96 %". */
  view_score.views[plan->view].score = plan->score;
  score = evident_score_format (&view_score, plan->view);
  view_score.views[plan->view].score = plan->score_reached;
  reached = evident_score_format (&view_score, plan->view);

  print_plan_state (plan, score);

  if (plan->steps->len == 0)
    {
      g_print (_("Nothing is left to do to pass in this view.\n"));
      return;
    }

  if (!plan->reachable)
    {
      if (plan->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL)
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "Passing is out of reach: %u mandatory item is not met.\n",
                              "Passing is out of reach: %u mandatory items are not met.\n",
                              (guint) plan->shortfall),
                 (guint) plan->shortfall);
      else
        {
          g_autofree char *shortfall = g_strdup_printf ("%" G_GINT64_FORMAT, plan->shortfall);

          /* Translators: the last %s is a number of points */
          g_print (_("Passing is out of reach: with every open item done (%u items, %s days), the "
                     "score reaches %s, %s points short of the pass line.\n"),
                   plan->steps->len, days, reached, shortfall);
        }
      if (plan->blocking->len > 0)
        {
          g_print ("\n%s\n", plan->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL
                                ? _("Blocked by these mandatory items, not met:")
                                : _("Blocked by these items, not met (points, M for mandatory):"));
          print_blocking (plan);
        }
      return;
    }

  g_print ("\n");
  if (plan->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Every mandatory item must count: %u item to finish, %s days\n",
                          "Every mandatory item must count: %u items to finish, %s days\n",
                          plan->steps->len),
             plan->steps->len, days);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "The cheapest way over the pass line: %u item, %s days\n",
                          "The cheapest way over the pass line: %u items, %s days\n",
                          plan->steps->len),
             plan->steps->len, days);
  print_steps (plan);
  g_print ("\n");
  /* Translators: the first %s is a score, e.g. "900" or "96 %" */
  g_print (_("Done, they bring the score to %s: passes.\n"), reached);
}

int
evident_cli_plan (EvidentCliContext  *cli,
                  GError            **error)
{
  PlanOptions *options = cli->options;
  EvidentPlanSettings settings = *evident_project_get_plan_settings (cli->project);
  g_autoptr (EvidentPlan) plan = NULL;

  if (options->effort != NULL)
    evident_plan_settings_parse_efforts (&settings, options->effort, NULL);

  plan = evident_plan_compute (cli->project, options->view_value, &settings, error);
  if (plan == NULL)
    {
      g_prefix_error (error, "%s: ", cli->path);
      return EXIT_FAILURE;
    }

  if (cli->json)
    print_plan_json (plan, &settings);
  else
    print_plan_text (plan);
  return EXIT_SUCCESS;
}

/* settings */

typedef struct
{
  char *audit_date;
  char *effort;
} SettingsOptions;

#define SETTINGS_OPTION(field) EVIDENT_CLI_OPTION (SettingsOptions, field)

static const GOptionEntry settings_entries[] = {
  { "audit-date", 'a', 0, G_OPTION_ARG_STRING, SETTINGS_OPTION (audit_date),
    N_("The day of the validation audit, YYYY-MM-DD (empty to clear)"), N_("DATE") },
  { "effort", 'e', 0, G_OPTION_ARG_STRING, SETTINGS_OPTION (effort),
    N_("Days an item of each complexity takes, e.g. low=1,medium=3,high=8"), N_("EFFORTS") },
  { NULL }
};

/* Without options, the settings are only shown: the project opens
 * read-only. */
static gboolean
settings_check (EvidentCliContext  *cli,
                GError            **error)
{
  SettingsOptions *options = cli->options;
  EvidentPlanSettings settings;

  evident_plan_settings_init (&settings);
  if (options->audit_date != NULL || options->effort != NULL)
    cli->access = EVIDENT_CLI_PROJECT_WRITE;
  return evident_plan_settings_set_audit_date (&settings, options->audit_date, error)
         && check_efforts (options->effort, error);
}

const EvidentCliOptions evident_cli_settings_options = {
  .entries = settings_entries,
  .size = sizeof (SettingsOptions),
  .check = settings_check,
  .description = N_("Without options, shows the settings. Items without a complexity take as "
                    "long as medium ones."),
};

static void
print_settings (const EvidentPlanSettings *settings,
                gboolean                   json)
{
  g_autofree char *date = evident_plan_settings_dup_audit_date (settings);
  g_autofree char *low = evident_days_format (settings->effort[EVIDENT_COMPLEXITY_LOW]);
  g_autofree char *medium = evident_days_format (settings->effort[EVIDENT_COMPLEXITY_MEDIUM]);
  g_autofree char *high = evident_days_format (settings->effort[EVIDENT_COMPLEXITY_HIGH]);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      evident_cli_json_add_string (builder, "audit_date", date);
      add_efforts_json (builder, settings);
      json_builder_end_object (builder);
      evident_cli_print_json (builder);
      return;
    }

  if (date != NULL)
    g_print (_("Audit date: %s\n"), date);
  else
    g_print ("%s\n", _("Audit date: not set"));
  g_print (_("Days per complexity: low %s, medium %s, high %s (unrated items as medium)\n"), low,
           medium, high);
}

int
evident_cli_settings (EvidentCliContext  *cli,
                      GError            **error)
{
  SettingsOptions *options = cli->options;
  EvidentPlanSettings settings = *evident_project_get_plan_settings (cli->project);

  if (cli->access == EVIDENT_CLI_PROJECT_WRITE)
    {
      if (options->audit_date != NULL)
        evident_plan_settings_set_audit_date (&settings, options->audit_date, NULL);
      if (options->effort != NULL)
        evident_plan_settings_parse_efforts (&settings, options->effort, NULL);
      if (!evident_project_set_plan_settings (cli->project, &settings, error))
        {
          g_prefix_error (error, "%s: ", cli->path);
          return EXIT_FAILURE;
        }
    }

  print_settings (evident_project_get_plan_settings (cli->project), cli->json);
  return EXIT_SUCCESS;
}

/* workload */

typedef struct
{
  char  *today;
  GDate  today_value;
} WorkloadOptions;

#define WORKLOAD_OPTION(field) EVIDENT_CLI_OPTION (WorkloadOptions, field)

static const GOptionEntry workload_entries[] = {
  { "today", 0, 0, G_OPTION_ARG_STRING, WORKLOAD_OPTION (today),
    N_("Count from this day rather than today, YYYY-MM-DD"), N_("DATE") },
  { NULL }
};

static gboolean
workload_check (EvidentCliContext  *cli,
                GError            **error)
{
  WorkloadOptions *options = cli->options;

  if (options->today == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&options->today_value, 1);
      g_date_set_dmy (&options->today_value, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
      return TRUE;
    }
  if (!evident_date_parse (options->today, &options->today_value))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a date; write it as YYYY-MM-DD"), options->today);
      return FALSE;
    }
  return TRUE;
}

const EvidentCliOptions evident_cli_workload_options = {
  .entries = workload_entries,
  .size = sizeof (WorkloadOptions),
  .check = workload_check,
  .description = N_("Open items are those not yet ready, met or not applicable. An item’s "
                    "effort is its estimate, else the effort of its complexity "
                    "(evident-cli settings)."),
};

static void
add_cell_json (JsonBuilder               *builder,
               const EvidentWorkloadCell *cell)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cell->items->len; i++)
    json_builder_add_string_value (builder,
                                   evident_item_get_ref (g_ptr_array_index (cell->items, i)));
  json_builder_end_array (builder);
  add_number_json (builder, "effort", cell->effort);
  json_builder_end_object (builder);
}

static void
add_columns_json (JsonBuilder           *builder,
                  const EvidentWorkload *workload)
{
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint c = 0; c < workload->n_columns; c++)
    {
      const EvidentWorkloadColumn *column = &workload->columns[c];

      json_builder_begin_object (builder);
      evident_cli_json_add_string (builder, "bucket",
                                   evident_workload_bucket_to_string (column->bucket));
      if (column->bucket == EVIDENT_WORKLOAD_WEEK)
        {
          g_autofree char *week = evident_workload_dup_column_label (workload, c);
          g_autofree char *monday = evident_date_format (&column->monday);

          evident_cli_json_add_string (builder, "week", week);
          evident_cli_json_add_string (builder, "monday", monday);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_workload_json (const EvidentWorkload *workload,
                     EvidentProject        *project)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *today = evident_date_format (&workload->today);
  g_autofree char *audit = g_date_valid (&workload->audit_date)
                             ? evident_date_format (&workload->audit_date)
                             : NULL;
  GListModel *items = evident_project_get_items (project);

  json_builder_begin_object (builder);
  evident_cli_json_add_string (builder, "today", today);
  evident_cli_json_add_string (builder, "audit_date", audit);
  add_columns_json (builder, workload);

  json_builder_set_member_name (builder, "owners");
  json_builder_begin_array (builder);
  for (guint r = 0; r < workload->n_rows; r++)
    {
      json_builder_begin_object (builder);
      evident_cli_json_add_string (builder, "owner", evident_workload_get_owner (workload, r));
      json_builder_set_member_name (builder, "cells");
      json_builder_begin_array (builder);
      for (guint c = 0; c < workload->n_columns; c++)
        add_cell_json (builder, evident_workload_get_cell (workload, r, c));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "total");
      add_cell_json (builder, evident_workload_get_cell (workload, r, EVIDENT_WORKLOAD_TOTAL));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_array (builder);
  for (guint c = 0; c < workload->n_columns; c++)
    add_cell_json (builder, evident_workload_get_cell (workload, EVIDENT_WORKLOAD_TOTAL, c));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "total");
  add_cell_json (builder, evident_workload_get_cell (workload, EVIDENT_WORKLOAD_TOTAL,
                                                     EVIDENT_WORKLOAD_TOTAL));

  json_builder_set_member_name (builder, "overdue");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (evident_item_is_overdue (item, &workload->today))
        json_builder_add_string_value (builder, evident_item_get_ref (item));
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  evident_cli_print_json (builder);
}

static char *
join_refs (GPtrArray *items)
{
  g_autoptr (GString) refs = g_string_new (NULL);

  for (guint i = 0; i < items->len && i < N_REFS_SHOWN; i++)
    g_string_append_printf (refs, "%s%s", i > 0 ? ", " : "",
                            evident_item_get_ref (g_ptr_array_index (items, i)));
  if (items->len > N_REFS_SHOWN)
    g_string_append (refs, ", …");
  return g_string_free (g_steal_pointer (&refs), FALSE);
}

static void
add_workload_row (EvidentCliTable           *table,
                  const char                *owner,
                  const char                *when,
                  const EvidentWorkloadCell *cell)
{
  g_autofree char *days = evident_days_format (cell->effort);
  g_autofree char *refs = join_refs (cell->items);

  evident_cli_table_add (table, owner);
  evident_cli_table_add (table, when);
  evident_cli_table_add_printf (table, "%u", cell->items->len);
  evident_cli_table_add (table, days);
  evident_cli_table_add (table, refs);
}

static void
print_workload_text (const EvidentWorkload *workload)
{
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("l  l  r  r  l");
  g_autofree char *today = evident_date_format (&workload->today);
  const EvidentWorkloadCell *total;

  if (g_date_valid (&workload->audit_date))
    {
      g_autofree char *audit = evident_date_format (&workload->audit_date);

      g_print (_("Open items by owner and week due, from %s to the audit on %s\n"), today, audit);
    }
  else
    g_print (_("Open items by owner and week due, from %s (no audit date set)\n"), today);

  total = evident_workload_get_cell (workload, EVIDENT_WORKLOAD_TOTAL, EVIDENT_WORKLOAD_TOTAL);
  if (total->items->len == 0)
    {
      g_print ("%s\n", _("No open items."));
      return;
    }

  evident_cli_table_add (table, _("Owner"));
  evident_cli_table_add (table, _("Due"));
  evident_cli_table_add (table, _("Items"));
  evident_cli_table_add (table, _("Days"));
  evident_cli_table_add (table, _("References"));
  for (guint r = 0; r < workload->n_rows; r++)
    {
      for (guint c = 0; c < workload->n_columns; c++)
        {
          const EvidentWorkloadCell *cell = evident_workload_get_cell (workload, r, c);
          g_autofree char *when = NULL;

          if (cell->items->len == 0)
            continue;
          when = evident_workload_dup_column_label (workload, c);
          add_workload_row (table, evident_workload_get_row_label (workload, r), when, cell);
        }
    }
  add_workload_row (table, evident_workload_get_row_label (workload, EVIDENT_WORKLOAD_TOTAL), "",
                    total);
  g_print ("\n");
  evident_cli_table_print (table);

  total = evident_workload_get_cell (workload, EVIDENT_WORKLOAD_TOTAL, 0);
  if (total->items->len > 0)
    {
      g_autofree char *refs = join_refs (total->items);

      g_print ("\n");
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u item is overdue: %s\n",
                            "%u items are overdue: %s\n", total->items->len),
               total->items->len, refs);
    }
}

int
evident_cli_workload (EvidentCliContext  *cli,
                      GError            **error)
{
  WorkloadOptions *options = cli->options;
  g_autoptr (EvidentWorkload) workload = evident_workload_compute (cli->project,
                                                                   &options->today_value);

  if (cli->json)
    print_workload_json (workload, cli->project);
  else
    print_workload_text (workload);
  return EXIT_SUCCESS;
}
