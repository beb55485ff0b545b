/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The plan to pass in the window: the overview's plan panel shows the
 * plan the core works out and follows edits, its rows open their items,
 * and keeping it as a scenario stores assumptions only; the scenario panel
 * compares and applies scenarios; the workload chart counts overdue
 * effort; overdue items are tagged in the item row; the item editor edits
 * the estimate. Each test runs on the sample project with its demo state,
 * in a window, and checks that nothing leaks. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "evident-entry-row.h"
#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-item-fields.h"
#include "evident-item-row.h"
#include "evident-overview.h"
#include "evident-plan.h"
#include "evident-plan-marks.h"
#include "evident-plan-panel.h"
#include "evident-project.h"
#include "evident-scenario.h"
#include "evident-scenario-panel.h"
#include "evident-test-utils.h"
#include "evident-workload-chart.h"

typedef struct
{
  char             *dir;
  EvidentProject   *project;
  GtkWidget        *window;
  EvidentOverview  *overview;
  EvidentPlanPanel *panel;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = evident_test_create_sample_project ("plan-ui", &fixture->dir);
  fixture->overview = g_object_ref (EVIDENT_OVERVIEW (evident_overview_new ()));
  fixture->panel = evident_overview_get_plan_panel (fixture->overview);
  fixture->window = evident_test_show_in_window (GTK_WIDGET (fixture->overview),
                                                 fixture->project, 900, 900);
}

static gboolean
plan_idle (gpointer data)
{
  return !evident_plan_panel_get_computing (data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* A worker still at work holds the items until it is done. */
  g_assert_true (evident_test_wait_until (plan_idle, fixture->panel));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  evident_test_iterate ();
  evident_test_assert_finalized (fixture->overview);
  evident_test_assert_finalized (fixture->project);

  g_assert_true (evident_test_remove_dir (fixture->dir));
  g_free (fixture->dir);
}

static gboolean
plan_ready (gpointer data)
{
  EvidentPlanPanel *panel = data;

  return !evident_plan_panel_get_computing (panel) && evident_plan_panel_get_plan (panel) != NULL;
}

static const EvidentPlan *
wait_for_plan (Fixture *fixture)
{
  g_assert_true (evident_test_wait_until (plan_ready, fixture->panel));
  return evident_plan_panel_get_plan (fixture->panel);
}

static EvidentItem *
step_item (const EvidentPlan *plan,
           guint              i)
{
  return g_array_index (plan->steps, EvidentPlanStep, i).item;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static void
ref_activated_cb (GtkWidget  *widget,
                  const char *ref,
                  char      **seen)
{
  g_free (*seen);
  *seen = g_strdup (ref);
}

/* The panel shows the plan the core works out, with the project's items. */
static void
test_steps (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentPlan) expected = NULL;
  const EvidentPlan *plan = wait_for_plan (fixture);
  GtkListBox *list = evident_plan_panel_get_step_list (fixture->panel);

  expected = evident_plan_compute (fixture->project, EVIDENT_VIEW_PROJECTED, NULL, &error);
  g_assert_no_error (error);

  g_assert_false (plan->passes);
  g_assert_true (plan->reachable);
  g_assert_cmpuint (plan->steps->len, ==, expected->steps->len);
  g_assert_cmpfloat (plan->total_effort, ==, expected->total_effort);
  for (guint i = 0; i < plan->steps->len; i++)
    {
      EvidentItem *item = step_item (plan, i);

      g_assert_true (item == evident_project_lookup_item (fixture->project,
                                                          evident_item_get_ref (item)));
      g_assert_cmpstr (evident_item_get_ref (item), ==,
                       evident_item_get_ref (step_item (expected, i)));
    }

  g_assert_nonnull (strstr (evident_plan_panel_get_summary (fixture->panel), "900"));

  /* The steps are marked for the item list and the heat map. */
  g_assert_cmpuint (evident_plan_marks_count (evident_plan_marks_get_default (), fixture->project,
                                              TRUE, NULL, -1), ==, plan->steps->len);
  g_assert_true (evident_plan_marks_contains (evident_plan_marks_get_default (),
                                              step_item (plan, 0)));
  /* A long plan is shortened, with a row to show all of it. */
  g_assert_cmpuint (plan->steps->len, >, 8);
  g_assert_cmpuint (count_rows (list), ==, 9);
}

/* A row opens its item through the overview; "Show All" shows every step. */
static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  const EvidentPlan *plan = wait_for_plan (fixture);
  GtkListBox *list = evident_plan_panel_get_step_list (fixture->panel);
  g_autofree char *seen = NULL;

  g_signal_connect (fixture->overview, "item-activated", G_CALLBACK (ref_activated_cb), &seen);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (seen, ==, evident_item_get_ref (step_item (plan, 1)));

  g_clear_pointer (&seen, g_free);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 8));
  g_assert_null (seen);
  g_assert_cmpuint (count_rows (list), ==, plan->steps->len);
}

/* An edit brings a new plan: an item done leaves it. */
static void
test_follows_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const EvidentPlan *plan = wait_for_plan (fixture);
  g_autoptr (EvidentItem) done = g_object_ref (step_item (plan, 0));
  guint n_steps = plan->steps->len;

  g_assert_true (evident_project_set_status (fixture->project, done, EVIDENT_STATUS_MET,
                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_true (evident_plan_panel_get_computing (fixture->panel));

  plan = wait_for_plan (fixture);
  g_assert_false (evident_plan_contains (plan, done));
  g_assert_false (evident_plan_marks_contains (evident_plan_marks_get_default (), done));
  g_assert_cmpuint (plan->steps->len, <=, n_steps);
}

/* Keeping the plan as a scenario stores assumptions and nothing else; the
 * scenario panel lists it beside the real state and applies it as one
 * edit, which Undo takes back. */
static void
test_scenario (Fixture       *fixture,
               gconstpointer  data)
{
  EvidentScenarioPanel *scenarios = evident_overview_get_scenario_panel (fixture->overview);
  GListModel *items = evident_project_get_items (fixture->project);
  guint n_items = g_list_model_get_n_items (items);
  g_autofree EvidentStatus *before = g_new (EvidentStatus, n_items);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_auto (GStrv) names = NULL;
  const EvidentPlan *plan = wait_for_plan (fixture);
  g_autoptr (EvidentItem) first = g_object_ref (step_item (plan, 0));
  EvidentStatus first_status = evident_item_get_status (first);
  double projected = evident_project_get_score (fixture->project)
                       ->views[EVIDENT_VIEW_PROJECTED].score;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      before[i] = evident_item_get_status (item);
    }
  g_assert_cmpuint (evident_scenario_panel_get_n_scenarios (scenarios), ==, 0);

  name = evident_plan_panel_save_scenario (fixture->panel, &error);
  g_assert_no_error (error);
  g_assert_nonnull (name);
  names = evident_scenario_list (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) names, name));
  g_assert_cmpuint (evident_scenario_panel_get_n_scenarios (scenarios), ==, 1);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      g_assert_cmpint (evident_item_get_status (item), ==, before[i]);
    }
  /* The real state and the scenario, side by side. */
  g_assert_cmpuint (count_rows (evident_scenario_panel_get_list (scenarios)), ==, 2);

  g_assert_true (evident_scenario_panel_apply (scenarios, name, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evident_item_get_status (first), ==, EVIDENT_STATUS_MET);
  g_assert_cmpfloat (evident_project_get_score (fixture->project)
                       ->views[EVIDENT_VIEW_PROJECTED].score, >=, 900);

  g_assert_true (evident_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evident_item_get_status (first), ==, first_status);
  g_assert_cmpfloat (evident_project_get_score (fixture->project)
                       ->views[EVIDENT_VIEW_PROJECTED].score, ==, projected);

  g_assert_true (evident_scenario_panel_delete (scenarios, name, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (evident_scenario_panel_get_n_scenarios (scenarios), ==, 0);
}

/* The chart counts an overdue item in its owner's overdue column, and
 * says so to screen readers; the item row tags it. */
static void
test_workload_overdue (Fixture       *fixture,
                       gconstpointer  data)
{
  EvidentWorkloadChart *chart = evident_overview_get_workload_chart (fixture->overview);
  EvidentItemChange change = { EVIDENT_ITEM_FIELD_DUE, "2026-03-02" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) today = g_date_new_dmy (16, G_DATE_MARCH, 2026);
  g_autoptr (GtkWidget) row = g_object_ref_sink (evident_item_row_new ());
  EvidentItem *item = NULL;
  const EvidentWorkload *workload;
  const EvidentWorkloadCell *cell;
  GListModel *items = evident_project_get_items (fixture->project);
  guint row_index;
  GtkWidget *tag;

  /* An open item with an owner. */
  for (guint i = 0; item == NULL; i++)
    {
      g_autoptr (EvidentItem) candidate = g_list_model_get_item (items, i);

      if (!evident_item_counts_in (candidate, EVIDENT_VIEW_PROJECTED)
          && evident_item_get_status (candidate) != EVIDENT_STATUS_NOT_MET
          && evident_item_get_owner (candidate) != NULL)
        item = candidate;
    }

  evident_workload_chart_set_today (chart, today);
  workload = evident_workload_chart_get_workload (chart);
  g_assert_true (evident_workload_lookup_row (workload, evident_item_get_owner (item), &row_index));
  g_assert_cmpuint (evident_workload_get_cell (workload, row_index, 0)->items->len, ==, 0);

  g_assert_true (evident_project_update_item (fixture->project, item, &change, 1, &error));
  g_assert_no_error (error);
  workload = evident_workload_chart_get_workload (chart);
  g_assert_true (evident_workload_lookup_row (workload, evident_item_get_owner (item), &row_index));
  cell = evident_workload_get_cell (workload, row_index, 0);
  g_assert_cmpint (workload->columns[0].bucket, ==, EVIDENT_WORKLOAD_OVERDUE);
  g_assert_cmpuint (cell->items->len, ==, 1);
  g_assert_true (g_ptr_array_index (cell->items, 0) == item);
  g_assert_nonnull (strstr (evident_workload_chart_get_description (chart), "1 overdue"));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), >, 0);

  /* The row judges by the real today: 2 March 2026 has passed. */
  evident_item_row_set_item (EVIDENT_ITEM_ROW (row), item, fixture->project, 200, FALSE);
  tag = evident_test_find_widget (row, GTK_TYPE_LABEL, evident_test_has_css_class,
                                  "evident-overdue-tag");
  g_assert_nonnull (tag);
  g_assert_true (gtk_widget_get_visible (tag));
}

/* An item row tags an item of the plan, and drops the tag when the
 * project's plan goes. */
static void
test_row_tag (Fixture       *fixture,
              gconstpointer  data)
{
  const EvidentPlan *plan = wait_for_plan (fixture);
  g_autoptr (GtkWidget) row = g_object_ref_sink (evident_item_row_new ());
  GtkWidget *tag;

  evident_item_row_set_item (EVIDENT_ITEM_ROW (row), step_item (plan, 0), fixture->project, 200,
                             FALSE);
  tag = evident_test_find_widget (row, GTK_TYPE_LABEL, evident_test_has_css_class,
                                  "evident-plan-tag");
  g_assert_nonnull (tag);
  g_assert_true (gtk_widget_get_visible (tag));

  evident_overview_set_project (fixture->overview, NULL);
  g_assert_false (gtk_widget_get_visible (tag));
}

static gboolean
is_estimate_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                    "Estimate (Days)") == 0;
}

/* The editor saves an estimate, refuses a bad one beside the row, and
 * shows one set elsewhere. */
static void
test_estimate (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *fields = evident_test_show_in_window (g_object_new (EVIDENT_TYPE_ITEM_FIELDS, NULL),
                                                   fixture->project, 500, 900);
  EvidentItemFields *self = EVIDENT_ITEM_FIELDS (gtk_window_get_child (GTK_WINDOW (fields)));
  EvidentItem *item = evident_project_lookup_item (fixture->project, "8.2.1");
  EvidentItemChange change = { EVIDENT_ITEM_FIELD_ESTIMATE, "4" };
  g_autoptr (GError) error = NULL;
  GtkWidget *row;

  evident_item_fields_set_project (self, fixture->project);
  evident_item_fields_set_item (self, item);
  row = evident_test_find_widget (GTK_WIDGET (self), EVIDENT_TYPE_ENTRY_ROW, is_estimate_row, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (row), "2.5");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpfloat (evident_item_get_estimate (item), ==, 2.5);

  gtk_editable_set_text (GTK_EDITABLE (row), "soon");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpfloat (evident_item_get_estimate (item), ==, 2.5);
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  g_assert_true (evident_project_update_item (fixture->project, item, &change, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "4");

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpfloat (evident_item_get_estimate (item), <, 0);

  gtk_window_destroy (GTK_WINDOW (fields));
  evident_test_iterate ();
}

/* Working out the plan reads the items and changes none of them: the
 * checklist file's other columns stay. */
static void
test_items_untouched (void)
{
  static const char csv[] =
    "ref,chapter,title,points,Area\n"
    "1.1,1,Access policy,500,Identity\n"
    "1.2,1,Account review,500,Operations\n";
  g_autofree char *dir = NULL;
  g_autoptr (EvidentProject) project = evident_test_create_csv_project ("plan-untouched", csv,
                                                                        &dir);
  EvidentPlanPanel *panel = g_object_ref_sink (EVIDENT_PLAN_PANEL (evident_plan_panel_new ()));
  EvidentItem *item = evident_project_lookup_item (project, "1.1");
  const EvidentExtraField *fields;
  guint n_fields = 0;

  evident_plan_panel_set_project (panel, project);
  g_assert_true (evident_test_wait_until (plan_ready, panel));
  g_assert_cmpuint (evident_plan_panel_get_plan (panel)->steps->len, ==, 2);

  fields = evident_item_get_extra_fields (item, &n_fields);
  g_assert_cmpuint (n_fields, ==, 1);
  g_assert_cmpstr (fields[0].value, ==, "Identity");
  g_assert_cmpstr (evident_item_get_title (item), ==, "Access policy");

  evident_plan_panel_set_project (panel, NULL);
  evident_test_assert_finalized (panel);
  g_clear_object (&project);
  g_assert_true (evident_test_remove_dir (dir));
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/plan-ui/no-display"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/plan-panel/items-untouched", test_items_untouched);
  ADD ("/plan-panel/steps", test_steps);
  ADD ("/plan-panel/activate", test_activate);
  ADD ("/plan-panel/follows-edits", test_follows_edits);
  ADD ("/plan-panel/scenario", test_scenario);
  ADD ("/plan-panel/row-tag", test_row_tag);
  ADD ("/workload-chart/overdue", test_workload_overdue);
  ADD ("/item-fields/estimate", test_estimate);

#undef ADD

  return g_test_run ();
}
