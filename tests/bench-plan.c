/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A benchmark, not a test: it prints figures beside the budgets of the
 * plan-to-pass issue and always exits 0.
 *
 * - The cheapest plan over 10,000 items with 1,000 points missing
 *   (budget 50 ms).
 * - A what-if recomputation (one assumption toggled, the score asked for)
 *   over 300 and 10,000 items (budget: one frame, 16 ms, for a few hundred).
 *
 * Run with `meson test -C build --benchmark -v plan`. */

#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "evident-csv.h"
#include "evident-enums-util.h"
#include "evident-item-private.h"
#include "evident-plan.h"
#include "evident-scenario.h"

#define SEED 20270301
#define N_PLAN_ITEMS 10000
#define PLAN_MISSING 1000
#define PLAN_RUNS 21
#define TOGGLES 400

#define BUDGET_PLAN_MS 50.0
#define BUDGET_FRAME_MS 16.0

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

/* Sorts @samples; the value at @fraction, nearest rank. */
static double
percentile (double *samples,
            guint   n,
            double  fraction)
{
  guint rank;

  qsort (samples, n, sizeof *samples, compare_doubles);
  rank = (guint) (fraction * n + 0.999999);
  rank = CLAMP (rank, 1, n);
  return samples[rank - 1];
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static const char *
verdict (double value,
         double budget)
{
  return value < budget ? "ok" : "OVER";
}

/* 10,000 items of 0 to 20 points, every tenth one mandatory and met, a
 * third of the rest met; random complexities, a quarter estimated. The
 * pass line sits 1,000 points above the projected score. */
static void
bench_plan (GRand *rand)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (EvidentScore) score = NULL;
  EvidentRules rules = { EVIDENT_SCORE_MODE_POINTS, 0, 200 };
  EvidentPlanSettings settings;
  double ms[PLAN_RUNS];
  double median;
  guint n_steps = 0;
  double effort = 0;

  evident_plan_settings_init (&settings);
  for (guint i = 0; i < N_PLAN_ITEMS; i++)
    {
      g_autofree char *ref = g_strdup_printf ("%u.%u", i / 770 + 1, i % 770 + 1);
      gboolean mandatory = i % 10 == 0;
      EvidentItem *item = evident_item_new (i + 1, ref, "1.0", NULL, NULL, ref, NULL, NULL,
                                            g_rand_int_range (rand, 0, 21), mandatory);

      evident_item_set_field (item, EVIDENT_ITEM_FIELD_STATUS,
                              mandatory || g_rand_int_range (rand, 0, 3) == 0 ? "met"
                                                                              : "in-progress");
      evident_item_set_field (item, EVIDENT_ITEM_FIELD_COMPLEXITY,
                              evident_complexity_to_string (g_rand_int_range (rand, 0, 4)));
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          g_autofree char *days = g_strdup_printf ("%d.%d", g_rand_int_range (rand, 0, 10),
                                                   g_rand_int_range (rand, 0, 10));

          evident_item_set_field (item, EVIDENT_ITEM_FIELD_ESTIMATE, days);
        }
      g_ptr_array_add (items, item);
    }
  score = evident_score_compute_with_statuses (&rules, NULL, (EvidentItem **) items->pdata, NULL,
                                               items->len);
  rules.pass_score = (int) score->views[EVIDENT_VIEW_PROJECTED].score + PLAN_MISSING;

  for (guint run = 0; run < PLAN_RUNS; run++)
    {
      g_autoptr (GError) error = NULL;
      EvidentPlan *plan;
      gint64 start = g_get_monotonic_time ();

      plan = evident_plan_compute_for_items (&rules, &settings, EVIDENT_VIEW_PROJECTED,
                                             (EvidentItem **) items->pdata, NULL, items->len,
                                             &error);
      ms[run] = ms_since (start);
      if (plan == NULL)
        g_error ("Plan: %s", error->message);
      if (plan->missing != PLAN_MISSING || !plan->reachable)
        g_error ("Expected %d points missing and a reachable plan", PLAN_MISSING);
      n_steps = plan->steps->len;
      effort = plan->total_effort;
      evident_plan_free (plan);
    }
  median = percentile (ms, PLAN_RUNS, 0.5);
  g_print ("plan:        %u items, %d points missing: %u items, %.2f days\n", N_PLAN_ITEMS,
           PLAN_MISSING, n_steps, effort);
  g_print ("             median %8.2f ms  (min %.2f, max %.2f, %u runs)  budget < %.0f ms    %s\n",
           median, ms[0], ms[PLAN_RUNS - 1], PLAN_RUNS, BUDGET_PLAN_MS,
           verdict (median, BUDGET_PLAN_MS));
}

static GPtrArray *
generate_entries (GRand *rand,
                  guint  n_items)
{
  GPtrArray *entries =
      g_ptr_array_new_with_free_func ((GDestroyNotify) evident_checklist_entry_free);

  for (guint i = 0; i < n_items; i++)
    {
      EvidentChecklistEntry *entry = g_new0 (EvidentChecklistEntry, 1);
      guint chapter = i * 13 / n_items + 1;

      entry->ref = g_strdup_printf ("%u.%u", chapter, i + 1);
      entry->chapter = g_strdup_printf ("%u.0", chapter);
      entry->chapter_title = g_strdup_printf ("Chapter %u", chapter);
      entry->section = g_strdup ("");
      entry->section_title = g_strdup ("");
      entry->title = g_strdup_printf ("Generated requirement %u", i + 1);
      entry->requirement = g_strdup ("");
      entry->evidence = g_strdup ("");
      entry->points = g_rand_int_range (rand, 0, 21);
      entry->mandatory = g_rand_double (rand) < 0.15;
      entry->line = i + 2;
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

/* Toggles one random item's assumption and asks for the score, as the
 * scenario panel does on a click. */
static void
bench_whatif (GRand      *rand,
              const char *dir,
              guint       n_items)
{
  g_autofree char *name = g_strdup_printf ("whatif-%u.evident", n_items);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) entries = generate_entries (rand, n_items);
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (EvidentScenario) scenario = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *items;
  double ms[TOGGLES];
  double median, p99;

  project = evident_project_create (file, NULL, entries, &error);
  if (project == NULL)
    g_error ("Creating %s: %s", path, error->message);
  items = evident_project_get_items (project);
  scenario = evident_scenario_new (project);

  for (guint run = 0; run < TOGGLES; run++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items,
                                                            g_rand_int_range (rand, 0, n_items));
      EvidentAssumption assumption = (evident_scenario_get_assumption (scenario, item) + 1) % 3;
      gint64 start = g_get_monotonic_time ();

      evident_scenario_assume (scenario, item, assumption);
      (void) evident_scenario_get_score (scenario);
      (void) evident_scenario_get_difference (scenario, EVIDENT_VIEW_PROJECTED);
      ms[run] = ms_since (start);
    }
  median = percentile (ms, TOGGLES, 0.5);
  p99 = percentile (ms, TOGGLES, 0.99);
  g_print ("what-if:     %5u items: median %6.3f ms, 99th percentile %6.3f ms (%u toggles)"
           "  budget < %.0f ms    %s\n",
           n_items, median, p99, TOGGLES, BUDGET_FRAME_MS, verdict (p99, BUDGET_FRAME_MS));

  g_clear_object (&scenario);
  evident_project_close (project);
}

static void
remove_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("evident-bench-plan-XXXXXX", &error);

  if (dir == NULL)
    g_error ("%s", error->message);

  bench_plan (rand);
  bench_whatif (rand, dir, 300);
  bench_whatif (rand, dir, 10000);

  remove_dir (dir);
  return EXIT_SUCCESS;
}
