/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A benchmark of the self-assessment export, not a test: it prints figures
 * beside the budget and always exits 0.
 *
 * A synthetic self-assessment workbook with one sheet of 10,000 items gets
 * an answer for every item: "Met?" and "Partner Response", 20,000 cells,
 * half of them existing empty cells, half new ones in rows that exist.
 * Run with `meson test -C build --benchmark -v`. */

#include "config.h"

#include <sys/resource.h>

#include "evident-test-workbook.h"
#include "evident-xlsx-patch.h"

#define N_ITEMS   10000
#define RUNS      5
#define BUDGET_MS 1000.0

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (EvidentTestWorkbook) desc = evident_test_workbook_new_generated (1, N_ITEMS);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GArray) writes = g_array_new (FALSE, TRUE, sizeof (EvidentCellWrite));
  g_autoptr (GPtrArray) responses = g_ptr_array_new_with_free_func (g_free);
  double times[RUNS];
  gsize patched_size = 0;
  gint64 start;
  struct rusage usage;

  start = g_get_monotonic_time ();
  original = evident_test_workbook_build (desc, &error);
  g_assert_no_error (error);
  g_print ("generated: %u items, a %.0f KiB workbook in %.0f ms\n", N_ITEMS,
           g_bytes_get_size (original) / 1024.0, (g_get_monotonic_time () - start) / 1000.0);

  for (guint i = 0; i < desc->sheets[0].sections[0].n_items; i++)
    {
      const EvidentTestItem *item = &desc->sheets[0].sections[0].items[i];
      EvidentCellWrite write = { desc->sheets[0].name, NULL, 0, 2, NULL };
      char *response = g_strdup_printf ("Answer to %s: see runbook %u & the evidence list.\n"
                                        "Reviewed by the audit lead.", item->id, i);

      g_assert_nonnull (evident_test_workbook_locate (desc, item->id, NULL, NULL, &write.row));
      write.value = i % 2 ? "Yes" : "No";
      g_array_append_val (writes, write);
      write.column = 3;
      write.value = response;
      g_array_append_val (writes, write);
      g_ptr_array_add (responses, response);
    }

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr (GBytes) patched = NULL;

      start = g_get_monotonic_time ();
      patched = evident_xlsx_patch (original, "bench.xlsx",
                                    (EvidentCellWrite *) (void *) writes->data, writes->len,
                                    NULL, &error);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      patched_size = g_bytes_get_size (patched);
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  getrusage (RUSAGE_SELF, &usage);

  g_print ("patch:       median %8.2f ms  (min %.2f, max %.2f, %u runs, %u cells, %.0f KiB out)"
           "   budget < %.0f ms   %s\n",
           times[RUNS / 2], times[0], times[RUNS - 1], RUNS, writes->len, patched_size / 1024.0,
           BUDGET_MS, times[RUNS / 2] < BUDGET_MS ? "ok" : "OVER BUDGET");
  g_print ("peak memory: %.1f MiB (the whole process)\n", usage.ru_maxrss / 1024.0);
  return 0;
}
