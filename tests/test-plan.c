/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The cheapest way over the pass line: the dynamic program against brute
 * force, the cases the issue names, estimates and efforts, and the plan
 * settings kept in the project. Items are built in memory unless a test
 * is about the project file. */

#include "config.h"

#include <gio/gio.h>

#include "evident-enums-util.h"
#include "evident-item-private.h"
#include "evident-plan.h"
#include "evident-scenario.h"
#include "evident-project-private.h"
#include "test-fixtures.h"

/* Helpers */

static EvidentItem *
new_item (guint       position,
          const char *ref,
          int         points,
          gboolean    mandatory,
          EvidentStatus status)
{
  EvidentItem *item = evident_item_new (position + 1, ref, "1.0", NULL, NULL, ref, NULL, NULL,
                                        points, mandatory);

  evident_item_set_field (item, EVIDENT_ITEM_FIELD_STATUS, evident_status_to_string (status));
  return item;
}

static void
set_estimate (EvidentItem *item,
              const char  *days)
{
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_ESTIMATE, days);
}

static EvidentPlan *
plan_for (const EvidentRules *rules,
          GPtrArray          *items,
          EvidentView         view)
{
  g_autoptr (GError) error = NULL;
  EvidentPlanSettings settings;
  EvidentPlan *plan;

  evident_plan_settings_init (&settings);
  plan = evident_plan_compute_for_items (rules, &settings, view, (EvidentItem **) items->pdata,
                                         NULL, items->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* The plan's steps as "ref,ref,…". */
static char *
step_refs (const EvidentPlan *plan)
{
  g_autoptr (GString) refs = g_string_new (NULL);

  for (guint i = 0; i < plan->steps->len; i++)
    g_string_append_printf (refs, "%s%s", i > 0 ? "," : "",
                            evident_item_get_ref (g_array_index (plan->steps, EvidentPlanStep, i).item));
  return g_string_free (g_steal_pointer (&refs), FALSE);
}

static char *
blocking_refs (const EvidentPlan *plan)
{
  g_autoptr (GString) refs = g_string_new (NULL);

  for (guint i = 0; i < plan->blocking->len; i++)
    g_string_append_printf (refs, "%s%s", i > 0 ? "," : "",
                            evident_item_get_ref (g_ptr_array_index (plan->blocking, i)));
  return g_string_free (g_steal_pointer (&refs), FALSE);
}

#define assert_steps(plan, expected)                                                               \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *refs_ = step_refs (plan);                                                     \
    g_assert_cmpstr (refs_, ==, (expected));                                                       \
  }                                                                                                \
  G_STMT_END

/* Brute force */

typedef struct
{
  gboolean found;
  gint64   effort;    /* hundredths of a day */
  guint    n_items;
  guint32  set;       /* of optional items, bit k for the k-th */
} Best;

/* Whether the set @a comes before @b in checklist order: the first item in
 * which they differ belongs to @a. Bit k is the k-th item. */
static gboolean
earlier_set (guint32 a,
             guint32 b)
{
  guint32 differ = a ^ b;

  return differ != 0 && (a & (differ & -differ)) != 0;
}

/* One random instance of up to 15 items, solved by the plan and by trying
 * every subset of the optional open items. */
static void
check_random_instance (GRand *rand)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (EvidentPlan) plan = NULL;
  g_autoptr (EvidentScore) base = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree EvidentStatus *statuses = NULL;
  EvidentPlanSettings settings;
  EvidentRules rules = { EVIDENT_SCORE_MODE_POINTS, 0, 0 };
  EvidentView view = g_rand_boolean (rand) ? EVIDENT_VIEW_PROJECTED : EVIDENT_VIEW_CONFIRMED;
  guint n_items = g_rand_int_range (rand, 1, 16);
  guint optional[15];
  gint64 cost[15];
  guint n_optional = 0;
  gint64 required_effort = 0;
  gint64 total_points = 0;
  gint64 score;
  Best best = { FALSE, 0, 0, 0 };

  evident_plan_settings_init (&settings);
  settings.effort[EVIDENT_COMPLEXITY_LOW] = g_rand_int_range (rand, 0, 5) / 2.0;
  settings.effort[EVIDENT_COMPLEXITY_MEDIUM] = g_rand_int_range (rand, 0, 13) / 4.0;
  settings.effort[EVIDENT_COMPLEXITY_HIGH] = g_rand_int_range (rand, 0, 11);
  settings.effort[EVIDENT_COMPLEXITY_NONE] = settings.effort[EVIDENT_COMPLEXITY_MEDIUM];
  if (g_rand_int_range (rand, 0, 5) == 0)
    rules.mode = EVIDENT_SCORE_MODE_PASS_FAIL;
  rules.mandatory_penalty = g_rand_int_range (rand, 0, 40);

  statuses = g_new (EvidentStatus, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *ref = g_strdup_printf ("%u", i + 1);
      EvidentStatus status = g_rand_int_range (rand, 0, EVIDENT_N_STATUSES);
      EvidentItem *item = new_item (i, ref, g_rand_int_range (rand, 0, 31),
                                    g_rand_int_range (rand, 0, 5) == 0, status);

      evident_item_set_field (item, EVIDENT_ITEM_FIELD_COMPLEXITY,
                              evident_complexity_to_string (g_rand_int_range (rand, 0, 4)));
      if (g_rand_boolean (rand))
        {
          g_autofree char *days = g_strdup_printf ("%d.%d", g_rand_int_range (rand, 0, 6),
                                                   g_rand_int_range (rand, 0, 10));

          set_estimate (item, days);
        }
      g_ptr_array_add (items, item);
      total_points += item->points;
    }
  rules.pass_score = g_rand_int_range (rand, -20, total_points + 30);

  /* The required items done, through the real scoring; then every subset
   * of the others on top. */
  for (guint i = 0; i < n_items; i++)
    {
      EvidentItem *item = g_ptr_array_index (items, i);
      gboolean open = item->status != EVIDENT_STATUS_NOT_MET
                      && !evident_status_counts_in (item->status, view);
      gint64 effort = evident_days_to_hundredths (
          evident_plan_settings_item_effort (&settings, item, NULL));

      statuses[i] = item->status;
      if (open && item->mandatory)
        {
          statuses[i] = EVIDENT_STATUS_MET;
          required_effort += effort;
        }
      else if (open && rules.mode == EVIDENT_SCORE_MODE_POINTS)
        {
          cost[n_optional] = effort;
          optional[n_optional++] = i;
        }
    }
  base = evident_score_compute_with_statuses (&rules, NULL, (EvidentItem **) items->pdata,
                                              statuses, n_items);
  score = (gint64) base->views[view].score;

  for (guint32 set = 0; set < (1u << n_optional); set++)
    {
      gint64 points = 0;
      gint64 effort = 0;
      guint count = 0;
      gboolean passes;

      for (guint k = 0; k < n_optional; k++)
        {
          if (!(set & (1u << k)))
            continue;
          points += ((EvidentItem *) g_ptr_array_index (items, optional[k]))->points;
          effort += cost[k];
          count++;
        }
      passes = rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL ? base->views[view].pass
                                                          : score + points >= rules.pass_score;
      if (!passes)
        continue;
      if (!best.found || effort < best.effort || (effort == best.effort && count < best.n_items)
          || (effort == best.effort && count == best.n_items && earlier_set (set, best.set)))
        best = (Best) { TRUE, effort, count, set };
    }

  plan = evident_plan_compute_for_items (&rules, &settings, view, (EvidentItem **) items->pdata,
                                         NULL, n_items, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->reachable, ==, best.found);

  if (best.found)
    {
      guint step = 0;

      g_assert_cmpint (evident_days_to_hundredths (plan->total_effort), ==,
                       required_effort + best.effort);
      g_assert_cmpfloat (plan->score_reached, >=,
                         rules.mode == EVIDENT_SCORE_MODE_POINTS ? rules.pass_score : 0);
      /* The very same items: the required ones and the best set. */
      for (guint i = 0, k = 0; i < n_items; i++)
        {
          EvidentItem *item = g_ptr_array_index (items, i);
          gboolean expected = statuses[i] != item->status;

          if (k < n_optional && optional[k] == i)
            expected = (best.set >> k++) & 1;
          if (!expected)
            continue;
          g_assert_cmpuint (step, <, plan->steps->len);
          g_assert_true (g_array_index (plan->steps, EvidentPlanStep, step++).item == item);
        }
      g_assert_cmpuint (step, ==, plan->steps->len);
    }
  else if (rules.mode == EVIDENT_SCORE_MODE_POINTS)
    {
      gint64 all = 0;

      for (guint k = 0; k < n_optional; k++)
        all += ((EvidentItem *) g_ptr_array_index (items, optional[k]))->points;
      g_assert_cmpint (plan->shortfall, ==, rules.pass_score - (score + all));
      g_assert_cmpfloat (plan->score_reached, ==, score + all);
    }
  else
    {
      g_assert_cmpint (plan->shortfall, ==, plan->blocking->len);
      g_assert_cmpuint (plan->blocking->len, >, 0);
    }
}

static void
test_brute_force (void)
{
  for (guint run = 0; run < 400; run++)
    {
      g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

      check_random_instance (rand);
    }
}

/* The counterexample: 10 points missing; greedy by points per
 * effort takes 9 points for 3 days, then 10 for 4, 7 days in all; the
 * optimum is the 10 points alone for 4 days. */
static void
test_counterexample (void)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (EvidentPlan) plan = NULL;
  EvidentRules rules = { EVIDENT_SCORE_MODE_POINTS, 10, 200 };

  g_ptr_array_add (items, new_item (0, "A", 9, FALSE, EVIDENT_STATUS_NOT_STARTED));
  g_ptr_array_add (items, new_item (1, "B", 10, FALSE, EVIDENT_STATUS_NOT_STARTED));
  set_estimate (g_ptr_array_index (items, 0), "3");
  set_estimate (g_ptr_array_index (items, 1), "4");

  plan = plan_for (&rules, items, EVIDENT_VIEW_PROJECTED);
  assert_steps (plan, "B");
  g_assert_cmpfloat (plan->total_effort, ==, 4);
  g_assert_cmpfloat (plan->score_reached, ==, 10);
  g_assert_cmpint (plan->missing, ==, 10);
  g_assert_true (plan->reachable);
  g_assert_false (plan->passes);
}

/* A mandatory item not counted is in the plan even when the view passes
 * already; a mandatory item met is not. */
static void
test_mandatory_always (void)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (EvidentPlan) plan = NULL;
  EvidentRules rules = { EVIDENT_SCORE_MODE_POINTS, 50, 0 };

  g_ptr_array_add (items, new_item (0, "X", 100, FALSE, EVIDENT_STATUS_MET));
  g_ptr_array_add (items, new_item (1, "M", 1, TRUE, EVIDENT_STATUS_IN_PROGRESS));
  g_ptr_array_add (items, new_item (2, "N", 1, TRUE, EVIDENT_STATUS_MET));
  g_ptr_array_add (items, new_item (3, "O", 5, FALSE, EVIDENT_STATUS_NOT_STARTED));

  plan = plan_for (&rules, items, EVIDENT_VIEW_PROJECTED);
  g_assert_true (plan->passes);
  assert_steps (plan, "M");
  g_assert_true (g_array_index (plan->steps, EvidentPlanStep, 0).mandatory);
  /* Unrated: as long as a medium item. */
  g_assert_cmpfloat (plan->total_effort, ==, EVIDENT_DEFAULT_EFFORT_MEDIUM);
}

/* Each mandatory item done lifts its penalty: with it, less is missing. */
static void
test_mandatory_lifts_penalty (void)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (EvidentPlan) plan = NULL;
  EvidentRules rules = { EVIDENT_SCORE_MODE_POINTS, 900, 200 };

  g_ptr_array_add (items, new_item (0, "1.1", 700, FALSE, EVIDENT_STATUS_MET));
  g_ptr_array_add (items, new_item (1, "1.2", 100, FALSE, EVIDENT_STATUS_READY));
  g_ptr_array_add (items, new_item (2, "1.3", 100, TRUE, EVIDENT_STATUS_NOT_STARTED));
  g_ptr_array_add (items, new_item (3, "1.4", 100, FALSE, EVIDENT_STATUS_NOT_STARTED));

  /* Projected now: 700 + 100 − 200 = 600, 300 missing; 1.3 brings its
   * 100 points and lifts the 200 penalty: 900, enough alone. */
  plan = plan_for (&rules, items, EVIDENT_VIEW_PROJECTED);
  g_assert_cmpfloat (plan->score, ==, 600);
  g_assert_cmpint (plan->missing, ==, 300);
  assert_steps (plan, "1.3");
  g_assert_cmpfloat (plan->score_reached, ==, 900);

  /* Confirmed: 700 − 200 = 500; with 1.3, 800: 100 more from 1.2 (ready,
   * so open here) or 1.4, as cheap as each other: the earlier one wins. */
  g_clear_pointer (&plan, evident_plan_free);
  plan = plan_for (&rules, items, EVIDENT_VIEW_CONFIRMED);
  g_assert_cmpfloat (plan->score, ==, 500);
  assert_steps (plan, "1.2,1.3");

  /* A pass line of 950: 1.3 and then 1.4. */
  rules.pass_score = 950;
  g_clear_pointer (&plan, evident_plan_free);
  plan = plan_for (&rules, items, EVIDENT_VIEW_PROJECTED);
  assert_steps (plan, "1.3,1.4");
  g_assert_cmpfloat (plan->score_reached, ==, 1000);
  g_assert_cmpfloat (plan->total_effort, ==, 2 * EVIDENT_DEFAULT_EFFORT_MEDIUM);
}

/* Not-met items cannot be completed: when even every open item falls
 * short, the plan says by how much and which items block. */
static void
test_unreachable (void)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (EvidentPlan) plan = NULL;
  g_autofree char *blocking = NULL;
  EvidentRules rules = { EVIDENT_SCORE_MODE_POINTS, 900, 200 };

  g_ptr_array_add (items, new_item (0, "1.1", 300, FALSE, EVIDENT_STATUS_NOT_STARTED));
  g_ptr_array_add (items, new_item (1, "1.2", 100, FALSE, EVIDENT_STATUS_NOT_MET));
  g_ptr_array_add (items, new_item (2, "1.3", 500, TRUE, EVIDENT_STATUS_NOT_MET));
  g_ptr_array_add (items, new_item (3, "1.4", 100, FALSE, EVIDENT_STATUS_MET));

  /* Best reachable: 300 + 100 − 200 = 200; 700 short. */
  plan = plan_for (&rules, items, EVIDENT_VIEW_PROJECTED);
  g_assert_false (plan->reachable);
  g_assert_cmpint (plan->shortfall, ==, 700);
  g_assert_cmpfloat (plan->score_reached, ==, 200);
  assert_steps (plan, "1.1");
  /* Most at risk first: 1.3 puts 700 at risk, 1.2 100. */
  blocking = blocking_refs (plan);
  g_assert_cmpstr (blocking, ==, "1.3,1.2");
}

/* Pass-fail: the plan is the open mandatory items; a mandatory item not
 * met blocks. */
static void
test_pass_fail (void)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (EvidentPlan) plan = NULL;
  g_autofree char *blocking = NULL;
  EvidentRules rules = { EVIDENT_SCORE_MODE_PASS_FAIL, 0, 0 };

  g_ptr_array_add (items, new_item (0, "A", 0, TRUE, EVIDENT_STATUS_NOT_STARTED));
  g_ptr_array_add (items, new_item (1, "B", 0, TRUE, EVIDENT_STATUS_READY));
  g_ptr_array_add (items, new_item (2, "C", 0, FALSE, EVIDENT_STATUS_NOT_STARTED));
  g_ptr_array_add (items, new_item (3, "D", 0, TRUE, EVIDENT_STATUS_MET));

  plan = plan_for (&rules, items, EVIDENT_VIEW_PROJECTED);
  assert_steps (plan, "A");
  g_assert_true (plan->reachable);
  g_assert_cmpint (plan->missing, ==, 1);
  g_assert_cmpfloat (plan->score_reached, ==, 75);

  g_clear_pointer (&plan, evident_plan_free);
  plan = plan_for (&rules, items, EVIDENT_VIEW_CONFIRMED);
  assert_steps (plan, "A,B");

  g_ptr_array_add (items, new_item (4, "E", 0, TRUE, EVIDENT_STATUS_NOT_MET));
  g_ptr_array_add (items, new_item (5, "F", 0, FALSE, EVIDENT_STATUS_NOT_MET));
  g_clear_pointer (&plan, evident_plan_free);
  plan = plan_for (&rules, items, EVIDENT_VIEW_PROJECTED);
  g_assert_false (plan->reachable);
  g_assert_cmpint (plan->shortfall, ==, 1);
  blocking = blocking_refs (plan);
  g_assert_cmpstr (blocking, ==, "E");
  assert_steps (plan, "A");
}

/* An item's own estimate wins over its complexity; the efforts per
 * complexity and the unrated items' follow the settings. */
static void
test_estimates_and_efforts (void)
{
  g_autoptr (EvidentItem) high = new_item (0, "H", 1, FALSE, EVIDENT_STATUS_NOT_STARTED);
  g_autoptr (EvidentItem) unrated = new_item (1, "U", 1, FALSE, EVIDENT_STATUS_NOT_STARTED);
  g_autoptr (GError) error = NULL;
  EvidentPlanSettings settings;
  g_autofree char *spec = NULL;
  gboolean estimated = TRUE;

  evident_plan_settings_init (&settings);
  evident_item_set_field (high, EVIDENT_ITEM_FIELD_COMPLEXITY, "high");
  g_assert_cmpfloat (evident_plan_settings_item_effort (&settings, high, &estimated), ==, 8);
  g_assert_false (estimated);
  g_assert_cmpfloat (evident_plan_settings_item_effort (&settings, unrated, NULL), ==, 3);

  set_estimate (high, "0,5");
  g_assert_cmpstr (evident_item_get_field (high, EVIDENT_ITEM_FIELD_ESTIMATE), ==, "0.5");
  g_assert_cmpfloat (evident_plan_settings_item_effort (&settings, high, &estimated), ==, 0.5);
  g_assert_true (estimated);

  g_assert_true (evident_plan_settings_parse_efforts (&settings, "medium=2, high=5.25", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (evident_plan_settings_get_effort (&settings, EVIDENT_COMPLEXITY_LOW), ==, 1);
  g_assert_cmpfloat (evident_plan_settings_item_effort (&settings, unrated, NULL), ==, 2);
  spec = evident_plan_settings_format_efforts (&settings);
  g_assert_cmpstr (spec, ==, "low=1,medium=2,high=5.25");

  g_assert_false (evident_plan_settings_parse_efforts (&settings, "huge=3", &error));
  g_assert_error (error, EVIDENT_PLAN_ERROR, EVIDENT_PLAN_ERROR_INVALID);
  fixture_assert_contains (error, "huge");
  g_clear_error (&error);
  g_assert_false (evident_plan_settings_parse_efforts (&settings, "low=-1", &error));
  fixture_assert_contains (error, "-1");
  g_clear_error (&error);
  g_assert_false (evident_plan_settings_parse_efforts (&settings, "low", &error));
  g_clear_error (&error);
  /* A refused spec changes nothing. */
  g_assert_false (evident_plan_settings_parse_efforts (&settings, "low=4,high=x", &error));
  g_assert_cmpfloat (evident_plan_settings_get_effort (&settings, EVIDENT_COMPLEXITY_LOW), ==, 1);
}

static void
test_days (void)
{
  const struct
  {
    const char *text;
    gboolean    valid;
    const char *canonical;
  } cases[] = {
    { "3", TRUE, "3" },         { " 2.5 ", TRUE, "2.5" },  { "0,25", TRUE, "0.25" },
    { "1.005", TRUE, "1.01" },  { ".5", TRUE, "0.5" },     { "10000", TRUE, "10000" },
    { "0", TRUE, "0" },         { "10000.01", FALSE, NULL }, { "-1", FALSE, NULL },
    { "1e3", FALSE, NULL },     { "inf", FALSE, NULL },    { "", FALSE, NULL },
    { "1.2.3", FALSE, NULL },   { "2 days", FALSE, NULL }, { ".", FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double days = -1;
      gboolean valid = evident_days_parse (cases[i].text, &days);

      g_assert_cmpint (valid, ==, cases[i].valid);
      if (valid)
        {
          g_autofree char *text = evident_days_format (days);

          g_assert_cmpstr (text, ==, cases[i].canonical);
        }
    }
}

/* A plan turned into a scenario assumes its steps met, and the scenario
 * scores what the plan said it reaches. */
static void
test_to_scenario (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "audit.evident", NULL);
  g_autoptr (GPtrArray) entries = fixture_new_entries ();
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (EvidentPlan) plan = NULL;
  g_autoptr (EvidentScenario) scenario = NULL;
  g_autoptr (GError) error = NULL;

  fixture_add_entry (entries, "1.1", "1.0", "One", 600, TRUE);
  fixture_add_entry (entries, "1.2", "1.0", "Two", 300, FALSE);
  fixture_add_entry (entries, "2.1", "2.0", "Three", 100, FALSE);
  project = fixture_create_project (path, entries);

  plan = evident_plan_compute (project, EVIDENT_VIEW_PROJECTED, NULL, &error);
  g_assert_no_error (error);
  assert_steps (plan, "1.1,1.2");
  g_assert_true (evident_plan_contains (plan, fixture_lookup (project, "1.2")));
  g_assert_false (evident_plan_contains (plan, fixture_lookup (project, "2.1")));

  scenario = evident_plan_to_scenario (plan, project);
  g_assert_cmpuint (evident_scenario_get_n_assumptions (scenario), ==, 2);
  g_assert_cmpfloat (evident_scenario_get_score (scenario)->views[EVIDENT_VIEW_PROJECTED].score,
                     ==, plan->score_reached);
  g_assert_true (evident_scenario_get_score (scenario)->views[EVIDENT_VIEW_PROJECTED].pass);

  g_clear_object (&scenario);
  fixture_close_project (&project);
}

/* Estimates are edits: in the history, undone, kept in the file; a bad
 * one is refused, naming the item. */
static void
test_estimate_edit (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "audit.evident", NULL);
  g_autoptr (GPtrArray) entries = fixture_new_entries ();
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  EvidentItemChange change = { EVIDENT_ITEM_FIELD_ESTIMATE, "2,5" };
  EvidentHistoryEntry *entry;
  EvidentItem *item;

  fixture_add_entry (entries, "1.1", "1.0", "One", 10, FALSE);
  project = fixture_create_project (path, entries);
  item = fixture_lookup (project, "1.1");
  g_assert_cmpfloat (evident_item_get_estimate (item), <, 0);

  g_assert_true (evident_project_update_item (project, item, &change, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (evident_item_get_estimate (item), ==, 2.5);
  history = evident_project_get_history (project, item, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpint (entry->field, ==, EVIDENT_ITEM_FIELD_ESTIMATE);
  g_assert_cmpstr (entry->old_value, ==, "");
  g_assert_cmpstr (entry->new_value, ==, "2.5");

  change.value = "a week";
  g_assert_false (evident_project_update_item (project, item, &change, 1, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID);
  fixture_assert_contains (error, "1.1");
  fixture_assert_contains (error, "a week");
  g_clear_error (&error);

  fixture_close_project (&project);
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_DEFAULT);
  item = fixture_lookup (project, "1.1");
  g_assert_cmpfloat (evident_item_get_estimate (item), ==, 2.5);
  g_assert_cmpstr (evident_item_get_field (item, EVIDENT_ITEM_FIELD_ESTIMATE), ==, "2.5");

  g_assert_true (evident_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (evident_item_get_estimate (item), <, 0);
  fixture_close_project (&project);
  g_assert_cmpint (fixture_sqlite_int_on (path, "SELECT estimate IS NULL FROM items"), ==, 1);
}

static void
changed_cb (EvidentProject *project,
            guint          *n_changed)
{
  (*n_changed)++;
}

/* The efforts and the audit date are kept in the project; saving them
 * tells listeners; a read-only project refuses. */
static void
test_settings_kept (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "audit.evident", NULL);
  g_autoptr (GPtrArray) entries = fixture_new_entries ();
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  const EvidentPlanSettings *saved;
  EvidentPlanSettings settings;
  guint n_changed = 0;

  fixture_add_entry (entries, "1.1", "1.0", "One", 10, FALSE);
  project = fixture_create_project (path, entries);
  saved = evident_project_get_plan_settings (project);
  g_assert_cmpfloat (evident_plan_settings_get_effort (saved, EVIDENT_COMPLEXITY_HIGH), ==, 8);
  g_assert_false (g_date_valid (&saved->audit_date));

  settings = *saved;
  g_assert_true (evident_plan_settings_parse_efforts (&settings, "low=0.5,high=13", NULL));
  g_assert_false (evident_plan_settings_set_audit_date (&settings, "2027-02-30", &error));
  fixture_assert_contains (error, "2027-02-30");
  g_clear_error (&error);
  g_assert_true (evident_plan_settings_set_audit_date (&settings, "2027-03-01", &error));
  g_signal_connect (project, "changed", G_CALLBACK (changed_cb), &n_changed);
  g_assert_true (evident_project_set_plan_settings (project, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  fixture_close_project (&project);

  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_READ_ONLY);
  saved = evident_project_get_plan_settings (project);
  g_assert_cmpfloat (evident_plan_settings_get_effort (saved, EVIDENT_COMPLEXITY_LOW), ==, 0.5);
  g_assert_cmpfloat (evident_plan_settings_get_effort (saved, EVIDENT_COMPLEXITY_MEDIUM), ==, 3);
  g_assert_cmpfloat (evident_plan_settings_get_effort (saved, EVIDENT_COMPLEXITY_HIGH), ==, 13);
  date = evident_plan_settings_dup_audit_date (saved);
  g_assert_cmpstr (date, ==, "2027-03-01");
  /* An edit like any other: in the history, to undo. */
  g_assert_true (evident_project_get_can_undo (project));

  g_assert_false (evident_project_set_plan_settings (project, &settings, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_READ_ONLY);
  fixture_close_project (&project);
}

/* Saving the plan settings is one edit: one step to undo and redo, with
 * the file and the listeners following; the same settings again change
 * nothing; an undo after reopening still works. */
static void
test_settings_undo (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "audit.evident", NULL);
  g_autoptr (GPtrArray) entries = fixture_new_entries ();
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  const EvidentPlanSettings *saved;
  EvidentPlanSettings defaults;
  EvidentPlanSettings settings;
  guint n_changed = 0;

  fixture_add_entry (entries, "1.1", "1.0", "One", 10, FALSE);
  project = fixture_create_project (path, entries);
  g_assert_false (evident_project_get_can_undo (project));
  g_signal_connect (project, "changed", G_CALLBACK (changed_cb), &n_changed);
  saved = evident_project_get_plan_settings (project);
  defaults = *saved;

  /* Two edits: the medium effort, then the audit date */
  settings = defaults;
  settings.effort[EVIDENT_COMPLEXITY_MEDIUM] = 4.5;
  g_assert_true (evident_project_set_plan_settings (project, &settings, &error));
  g_assert_true (evident_plan_settings_set_audit_date (&settings, "2027-03-01", NULL));
  g_assert_true (evident_project_set_plan_settings (project, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_true (evident_project_get_can_undo (project));

  /* The same again: no edit */
  g_assert_true (evident_project_set_plan_settings (project, &settings, &error));
  g_assert_cmpuint (n_changed, ==, 2);

  /* Undone one step at a time, unrated items following medium */
  g_assert_true (evident_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_false (g_date_valid (&saved->audit_date));
  g_assert_cmpfloat (evident_plan_settings_get_effort (saved, EVIDENT_COMPLEXITY_MEDIUM), ==, 4.5);
  g_assert_cmpfloat (evident_plan_settings_get_effort (saved, EVIDENT_COMPLEXITY_NONE), ==, 4.5);
  g_assert_true (evident_project_undo (project, &error));
  g_assert_true (evident_plan_settings_equal (saved, &defaults));
  g_assert_cmpfloat (evident_plan_settings_get_effort (saved, EVIDENT_COMPLEXITY_NONE), ==, 3);
  g_assert_false (evident_project_get_can_undo (project));
  g_assert_true (evident_project_get_can_redo (project));

  /* Redone */
  g_assert_true (evident_project_redo (project, &error));
  g_assert_cmpfloat (evident_plan_settings_get_effort (saved, EVIDENT_COMPLEXITY_MEDIUM), ==, 4.5);
  g_assert_true (evident_project_redo (project, &error));
  date = evident_plan_settings_dup_audit_date (saved);
  g_assert_cmpstr (date, ==, "2027-03-01");
  g_assert_true (evident_plan_settings_equal (saved, &settings));
  fixture_close_project (&project);

  /* Kept, and still undone after reopening: the file says what it was */
  project = fixture_open_project (path, 0);
  saved = evident_project_get_plan_settings (project);
  g_assert_true (evident_plan_settings_equal (saved, &settings));
  g_assert_true (evident_project_undo (project, &error));
  g_assert_true (evident_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_true (evident_plan_settings_equal (saved, &defaults));
  fixture_close_project (&project);

  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_READ_ONLY);
  g_assert_true (evident_plan_settings_equal (evident_project_get_plan_settings (project),
                                              &defaults));
  fixture_close_project (&project);
}

/* The plan settings' changes are part of the project's history, each
 * key a row with its values before and after (none: the default), the
 * undo too; an item's history has none of them. */
static void
test_settings_history (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "audit.evident", NULL);
  g_autoptr (GPtrArray) entries = fixture_new_entries ();
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GPtrArray) item_history = NULL;
  g_autoptr (GError) error = NULL;
  EvidentPlanSettings settings;
  EvidentHistoryEntry *entry;
  EvidentItem *item;

  fixture_add_entry (entries, "1.1", "1.0", "One", 10, FALSE);
  project = fixture_create_project (path, entries);
  item = evident_project_lookup_item (project, "1.1");
  g_assert_true (evident_project_set_status (project, item, EVIDENT_STATUS_MET, NULL, &error));
  g_assert_no_error (error);

  settings = *evident_project_get_plan_settings (project);
  settings.effort[EVIDENT_COMPLEXITY_HIGH] = 5;
  g_assert_true (evident_plan_settings_set_audit_date (&settings, "2027-03-01", NULL));
  g_assert_true (evident_project_set_plan_settings (project, &settings, &error));
  g_assert_no_error (error);
  g_assert_true (evident_project_undo (project, &error));
  g_assert_no_error (error);

  /* Newest first: the undo's two rows, the edit's two, the item's */
  history = evident_project_get_history (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 5);
  for (guint i = 0; i < 4; i++)
    {
      entry = g_ptr_array_index (history, i);
      g_assert_cmpstr (entry->kind, ==, i < 2 ? "undo" : "edit");
      g_assert_cmpstr (entry->ref, ==, "");
      g_assert_cmpstr (entry->setting, ==, i % 2 == 0 ? "audit-date" : "effort-high");
    }
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->old_value, ==, "2027-03-01");
  g_assert_null (entry->new_value);
  entry = g_ptr_array_index (history, 3);
  g_assert_null (entry->old_value);
  g_assert_cmpstr (entry->new_value, ==, "5");
  g_assert_cmpint (((EvidentHistoryEntry *) g_ptr_array_index (history, 0))->change, >,
                   entry->change);
  entry = g_ptr_array_index (history, 4);
  g_assert_null (entry->setting);
  g_assert_cmpstr (entry->ref, ==, "1.1");
  g_assert_cmpint (entry->field, ==, EVIDENT_ITEM_FIELD_STATUS);

  item_history = evident_project_get_history (project, item, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (item_history->len, ==, 1);
  fixture_close_project (&project);
}

/* Far too many points missing for the table: refused with a clear error,
 * not a machine swapped to death. */
static void
test_too_large (void)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  EvidentRules rules = { EVIDENT_SCORE_MODE_POINTS, 0, 0 };
  EvidentPlanSettings settings;
  EvidentPlan *plan;

  evident_plan_settings_init (&settings);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *ref = g_strdup_printf ("%u", i);

      /* Points with no common divisor, so that the table cannot shrink. */
      g_ptr_array_add (items, new_item (i, ref, i % 2 == 0 ? 9999 : 10000, FALSE,
                                        EVIDENT_STATUS_NOT_STARTED));
    }
  rules.pass_score = 2000 * 9000;
  plan = evident_plan_compute_for_items (&rules, &settings, EVIDENT_VIEW_PROJECTED,
                                         (EvidentItem **) items->pdata, NULL, items->len, &error);
  g_assert_null (plan);
  g_assert_error (error, EVIDENT_PLAN_ERROR, EVIDENT_PLAN_ERROR_TOO_LARGE);
}

/* An older project inspected, not upgraded: it loads without estimates. */
static void
test_inspect_older (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "old.evident", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_project_create_empty_at_version (file, EVIDENT_PLAN_SCHEMA_VERSION - 1,
                                                          &error));
  g_assert_no_error (error);
  fixture_sqlite_exec_on (path,
                          "INSERT INTO chapters (id, position, number, title)"
                          " VALUES (1, 0, '1', 'One');"
                          "INSERT INTO items (id, position, ref, chapter_id, title, points,"
                          " mandatory) VALUES (1, 0, '1.1', 1, 'First', 5, 1);"
                          "INSERT INTO project (key, value) VALUES ('effort-high', '5');");
  project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_INSPECT);
  g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_items (project)), ==, 1);
  g_assert_cmpfloat (evident_item_get_estimate (fixture_lookup (project, "1.1")), <, 0);
  g_assert_true (evident_project_check (project, &error));
  g_assert_no_error (error);
  fixture_close_project (&project);
  g_assert_cmpint (fixture_sqlite_int_on (path, "PRAGMA user_version"), ==,
                   EVIDENT_PLAN_SCHEMA_VERSION - 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/brute-force", test_brute_force);
  g_test_add_func ("/plan/counterexample", test_counterexample);
  g_test_add_func ("/plan/mandatory-always", test_mandatory_always);
  g_test_add_func ("/plan/mandatory-lifts-penalty", test_mandatory_lifts_penalty);
  g_test_add_func ("/plan/unreachable", test_unreachable);
  g_test_add_func ("/plan/pass-fail", test_pass_fail);
  g_test_add_func ("/plan/estimates-and-efforts", test_estimates_and_efforts);
  g_test_add_func ("/plan/days", test_days);
  g_test_add_func ("/plan/to-scenario", test_to_scenario);
  g_test_add_func ("/plan/estimate-edit", test_estimate_edit);
  g_test_add_func ("/plan/settings-kept", test_settings_kept);
  g_test_add_func ("/plan/settings-undo", test_settings_undo);
  g_test_add_func ("/plan/settings-history", test_settings_history);
  g_test_add_func ("/plan/too-large", test_too_large);
  g_test_add_func ("/plan/inspect-older", test_inspect_older);

  return g_test_run ();
}
