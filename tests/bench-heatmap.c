/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How long the overview's heat map takes to recompute for a large project:
 * 10,000 items, 50 owners (and some unassigned items), every complexity,
 * random statuses from a fixed seed. Prints the median and the worst of 200
 * recomputes beside the budget of one frame. Run with `meson test --benchmark`. */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <gio/gio.h>

#include "evident-enums-util.h"
#include "evident-heatmap.h"
#include "evident-item-private.h"

#define N_ITEMS    10000
#define N_OWNERS   50
#define N_RUNS     200
#define BUDGET_MS  16.0

/* CPU time of this thread: unlike the wall clock, not stretched when a busy
 * machine preempts the run. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static GListStore *
new_project (void)
{
  GListStore *items = g_list_store_new (EVIDENT_TYPE_ITEM);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240501);
  g_autoptr (GPtrArray) owners = g_ptr_array_new_with_free_func (g_free);

  for (guint o = 0; o < N_OWNERS; o++)
    g_ptr_array_add (owners, g_strdup_printf ("Owner %02u", o));

  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autoptr (EvidentItem) item = NULL;
      g_autofree char *ref = g_strdup_printf ("%u.%u", i / 100 + 1, i % 100 + 1);
      guint owner = g_rand_int_range (rand, 0, N_OWNERS + 1); /* N_OWNERS: unassigned */
      EvidentStatus status = g_rand_int_range (rand, 0, EVIDENT_N_STATUSES);
      EvidentComplexity complexity = g_rand_int_range (rand, 0, EVIDENT_N_COMPLEXITIES);

      item = evident_item_new (i + 1, ref, "1", NULL, NULL, ref, NULL, NULL,
                               g_rand_int_range (rand, 0, 51), g_rand_boolean (rand));
      evident_item_set_field (item, EVIDENT_ITEM_FIELD_STATUS, evident_status_to_string (status));
      evident_item_set_field (item, EVIDENT_ITEM_FIELD_COMPLEXITY,
                              evident_complexity_to_string (complexity));
      evident_item_set_field (item, EVIDENT_ITEM_FIELD_OWNER,
                              owner < N_OWNERS ? g_ptr_array_index (owners, owner) : NULL);
      g_list_store_append (items, item);
    }

  return items;
}

int
main (int   argc,
      char *argv[])
{
  const EvidentRules rules = {
    EVIDENT_SCORE_MODE_POINTS,
    EVIDENT_DEFAULT_PASS_SCORE,
    EVIDENT_DEFAULT_MANDATORY_PENALTY,
  };
  g_autoptr (GListStore) items = new_project ();
  double times[N_RUNS];
  double cpu_times[N_RUNS];
  guint n_items = 0;

  /* One run unmeasured, to warm the caches as a live page would have. */
  evident_heatmap_free (evident_heatmap_compute (&rules, G_LIST_MODEL (items),
                                                 EVIDENT_HEATMAP_METRIC_OPEN));

  for (guint r = 0; r < N_RUNS; r++)
    {
      g_autoptr (EvidentHeatmap) heatmap = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();

      heatmap = evident_heatmap_compute (&rules, G_LIST_MODEL (items),
                                         r % EVIDENT_HEATMAP_N_METRICS);
      cpu_times[r] = thread_cpu_ms () - cpu_start;
      times[r] = (g_get_monotonic_time () - start) / 1000.0;

      /* Keep the result alive and checked, so that nothing is optimised out. */
      n_items = evident_heatmap_get_cell (heatmap, EVIDENT_HEATMAP_TOTAL,
                                          EVIDENT_HEATMAP_TOTAL)->n_items;
      if (n_items != N_ITEMS || heatmap->n_rows != N_OWNERS + 1)
        {
          g_printerr ("bench-heatmap: wrong heat map: %u items, %u rows\n", n_items,
                      heatmap->n_rows);
          return EXIT_FAILURE;
        }
    }

  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  qsort (cpu_times, N_RUNS, sizeof (double), compare_doubles);
  g_print ("heat map of %u items, %u owners + unassigned, %u recomputes:\n", N_ITEMS, N_OWNERS,
           N_RUNS);
  g_print ("  wall: median %.3f ms, max %.3f ms (budget < %.0f ms, one frame)\n",
           (times[N_RUNS / 2 - 1] + times[N_RUNS / 2]) / 2, times[N_RUNS - 1], BUDGET_MS);
  g_print ("  CPU:  median %.3f ms, max %.3f ms\n",
           (cpu_times[N_RUNS / 2 - 1] + cpu_times[N_RUNS / 2]) / 2, cpu_times[N_RUNS - 1]);
  return EXIT_SUCCESS;
}
