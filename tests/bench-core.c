/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A benchmark of the core, not a test: it prints figures beside the budgets
 * of the foundation issue and always exits 0.
 *
 * On a generated project of 10,000 items: opening it and loading every item,
 * scoring every item, and committing a single edit (median and 99th
 * percentile). Run with `meson test -C build --benchmark -v`. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "evident-csv.h"
#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-project.h"
#include "evident-scoring.h"

#define N_ITEMS 10000
#define N_CHAPTERS 13
#define SEED 20261126
#define OPEN_RUNS 15
#define SCORE_RUNS 100
#define EDIT_RUNS 1000

#define BUDGET_OPEN_MS 100.0
#define BUDGET_SCORE_MS 2.0
#define BUDGET_EDIT_MS 1.0

static const char *chapter_titles[N_CHAPTERS] = {
  "Partner Capabilities Overview",
  "Business Health",
  "Business Management",
  "Customer Obsession",
  "Solution Design Capability",
  "DevOps",
  "Infrastructure and Application Migration Capability",
  "Security",
  "Next Generation Service Management",
  "Service Level Agreement",
  "Optimization",
  "Billing and Cost Management",
  "Knowledge",
};

static const char *owners[] = {
  "Audit lead",      "Cloud architect",    "Security officer",
  "Service manager", "Finance controller", "DevOps engineer",
};

static GPtrArray *
generate_entries (GRand *rand, guint *n_mandatory, int *points)
{
  GPtrArray *entries =
      g_ptr_array_new_with_free_func ((GDestroyNotify) evident_checklist_entry_free);
  guint previous_chapter = 0;
  guint within = 0;

  *n_mandatory = 0;
  *points = 0;
  for (guint i = 0; i < N_ITEMS; i++)
    {
      EvidentChecklistEntry *entry = g_new0 (EvidentChecklistEntry, 1);
      guint                  chapter = i * N_CHAPTERS / N_ITEMS + 1;
      guint                  section;

      /* Chapters of about 770 items, in sections of 25. */
      within = chapter == previous_chapter ? within + 1 : 0;
      previous_chapter = chapter;
      section = within / 25 + 1;

      entry->ref = g_strdup_printf ("%u.%u.%u", chapter, section, within % 25 + 1);
      entry->chapter = g_strdup_printf ("%u.0", chapter);
      entry->chapter_title = g_strdup (chapter_titles[chapter - 1]);
      entry->section = g_strdup_printf ("%u.%u", chapter, section);
      entry->section_title =
          g_strdup_printf ("Section %u of %s", section, chapter_titles[chapter - 1]);
      entry->title = g_strdup_printf ("Generated requirement number %u", i + 1);
      entry->requirement = g_strdup_printf (
          "The partner documents and demonstrates control %u, with an owner, a review cadence "
          "and evidence that the review happened in the last twelve months.",
          i + 1);
      entry->evidence = g_strdup ("Process document and a recent example");
      entry->points = g_rand_int_range (rand, 0, 21); /* 0 … 20 */
      entry->mandatory = g_rand_double (rand) < 0.15;
      entry->line = i + 2;
      *n_mandatory += entry->mandatory;
      *points += entry->points;
      g_ptr_array_add (entries, entry);
    }

  return entries;
}

/* A state CSV for evident_project_import_state(): random statuses, owners
 * and complexities. */
static GBytes *
generate_state (GRand *rand, GPtrArray *entries)
{
  GString *csv = g_string_new ("ref,status,reason,owner,complexity\n");

  for (guint i = 0; i < entries->len; i++)
    {
      const EvidentChecklistEntry *entry = g_ptr_array_index (entries, i);
      EvidentStatus                status = g_rand_int_range (rand, 0, EVIDENT_N_STATUSES);
      EvidentComplexity            complexity = g_rand_int_range (rand, 0, EVIDENT_N_COMPLEXITIES);

      g_string_append_printf (csv, "%s,%s,%s,%s,%s\n", entry->ref,
                              evident_status_to_string (status),
                              status == EVIDENT_STATUS_NOT_APPLICABLE ? "Out of scope" : "",
                              owners[g_rand_int_range (rand, 0, G_N_ELEMENTS (owners))],
                              evident_complexity_to_string (complexity));
    }

  return g_string_free_to_bytes (csv);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

/* Sorts @samples; the value at @fraction (0.5 median, 0.99 99th percentile,
 * nearest rank). */
static double
percentile (double *samples, guint n, double fraction)
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
verdict (double value, double budget)
{
  return value < budget ? "ok" : "OVER";
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
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GBytes) state = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  double           open_ms[OPEN_RUNS];
  double           score_ms[SCORE_RUNS];
  double           edit_ms[EDIT_RUNS];
  double           open_median, score_median, edit_median, edit_p99;
  guint            n_mandatory;
  int              points;
  GStatBuf         st;
  gint64           start;

  dir = g_dir_make_tmp ("evident-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench.evident", NULL);
  file = g_file_new_for_path (path);

  /* The project. */
  start = g_get_monotonic_time ();
  entries = generate_entries (rand, &n_mandatory, &points);
  state = generate_state (rand, entries);
  project = evident_project_create (file, NULL, entries, &error);
  if (project == NULL)
    g_error ("Creating %s: %s", path, error->message);
  if (!evident_project_import_state (project, state, &error))
    g_error ("Setting the state of %s: %s", path, error->message);
  g_clear_object (&project);
  g_stat (path, &st);
  g_print ("generated: %u items, %u chapters, %u mandatory, %d points, %.0f KiB file, "
           "in %.2f ms\n",
           N_ITEMS, N_CHAPTERS, n_mandatory, points, st.st_size / 1024.0, ms_since (start));

  /* Open and load every item. */
  for (guint run = 0; run < OPEN_RUNS; run++)
    {
      start = g_get_monotonic_time ();
      project = evident_project_open (file, &error);
      if (project == NULL)
        g_error ("Opening %s: %s", path, error->message);
      if (g_list_model_get_n_items (evident_project_get_items (project)) != N_ITEMS)
        g_error ("Expected %u items", N_ITEMS);
      open_ms[run] = ms_since (start);
      g_clear_object (&project);
    }
  open_median = percentile (open_ms, OPEN_RUNS, 0.5);
  g_print ("open+load:   median %8.2f ms  (min %.2f, max %.2f, %u runs)   budget < %.0f ms   %s\n",
           open_median, open_ms[0], open_ms[OPEN_RUNS - 1], OPEN_RUNS, BUDGET_OPEN_MS,
           verdict (open_median, BUDGET_OPEN_MS));

  project = evident_project_open (file, &error);
  if (project == NULL)
    g_error ("Opening %s: %s", path, error->message);

  /* Score every item. */
  for (guint run = 0; run < SCORE_RUNS; run++)
    {
      EvidentScore *score;

      start = g_get_monotonic_time ();
      score = evident_score_compute (evident_project_get_rules (project),
                                     evident_project_get_chapters (project),
                                     evident_project_get_items (project));
      score_ms[run] = ms_since (start);
      if (score->n_items != N_ITEMS)
        g_error ("Scored %u items", score->n_items);
      evident_score_free (score);
    }
  score_median = percentile (score_ms, SCORE_RUNS, 0.5);
  g_print ("score:       median %8.2f ms  (min %.2f, max %.2f, %u runs)  budget < %.0f ms     %s\n",
           score_median, score_ms[0], score_ms[SCORE_RUNS - 1], SCORE_RUNS, BUDGET_SCORE_MS,
           verdict (score_median, BUDGET_SCORE_MS));
  {
    const EvidentScore *score = evident_project_get_score (project);

    g_print ("             max %" G_GINT64_FORMAT ", confirmed %.0f, projected %.0f, best %.0f, %u at risk\n",
             score->max_score, score->views[EVIDENT_VIEW_CONFIRMED].score,
             score->views[EVIDENT_VIEW_PROJECTED].score, score->views[EVIDENT_VIEW_BEST].score,
             score->at_risk->len);
  }

  /* A single edit's commit, as the item editor makes it: one transaction,
   * one history row, the score brought up to date. */
  for (guint run = 0; run < EDIT_RUNS; run++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (evident_project_get_items (project),
                                                            g_rand_int_range (rand, 0, N_ITEMS));
      EvidentStatus status = run % 2 == 0 ? EVIDENT_STATUS_MET : EVIDENT_STATUS_IN_PROGRESS;

      if (evident_item_get_status (item) == status)
        status = status == EVIDENT_STATUS_MET ? EVIDENT_STATUS_READY : EVIDENT_STATUS_NOT_MET;

      start = g_get_monotonic_time ();
      if (!evident_project_set_status (project, item, status, NULL, &error))
        g_error ("Editing %s: %s", evident_item_get_ref (item), error->message);
      edit_ms[run] = ms_since (start);
    }
  edit_p99 = percentile (edit_ms, EDIT_RUNS, 0.99);
  edit_median = percentile (edit_ms, EDIT_RUNS, 0.5);
  g_print ("edit commit: median %8.2f ms  p99 %.2f ms (max %.2f, %u edits)    budget median < %.0f "
           "ms   %s\n",
           edit_median, edit_p99, edit_ms[EDIT_RUNS - 1], EDIT_RUNS, BUDGET_EDIT_MS,
           verdict (edit_median, BUDGET_EDIT_MS));

  g_clear_object (&project);
  remove_dir (dir);

  return 0;
}
