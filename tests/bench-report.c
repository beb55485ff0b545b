/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A benchmark, not a test: the readiness report of a generated project of
 * 1,000 items (varied states, owners and evidence) written as a PDF file,
 * beside the budget of 2 s; prints figures and always exits 0. Run with
 * `meson test -C build --benchmark -v`. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "evident-csv.h"
#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-project.h"
#include "evident-report.h"

#define N_ITEMS 1000
#define N_CHAPTERS 13
#define RUNS 5
#define BUDGET_MS 2000.0

static const char *owners[] = {
  "Audit lead", "Cloud architect", "Security officer", "Service manager", "Finance controller",
};

static EvidentProject *
generate (const char *dir)
{
  g_autoptr (GString) csv = g_string_new ("ref,chapter,chapter_title,title,requirement,points,"
                                          "mandatory\n");
  g_autofree char *path = g_build_filename (dir, "bench.evident", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  EvidentProjectSettings settings;
  EvidentProject *project;
  GListModel *items;
  GRand *rand = g_rand_new_with_seed (1000);

  for (guint i = 0; i < N_ITEMS; i++)
    {
      guint chapter = i * N_CHAPTERS / N_ITEMS + 1;

      g_string_append_printf (csv, "%u.%u,%u.0,Chapter %u,Item number %u of the benchmark,"
                                   "\"The partner shows, with documents and a demonstration, "
                                   "that requirement %u is met in every customer environment "
                                   "it manages, and who is accountable for it.\",%u,%s\n",
                              chapter, i, chapter, chapter, i, i, 1 + i % 9,
                              i % 4 == 0 ? "yes" : "no");
    }
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
  entries = evident_checklist_parse (bytes, &error);
  g_assert_no_error (error);
  evident_project_settings_init (&settings);
  settings.title = "Benchmark audit";
  project = evident_project_create (file, &settings, entries, &error);
  g_assert_no_error (error);

  items = evident_project_get_items (project);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      EvidentItemChange changes[] = {
        { EVIDENT_ITEM_FIELD_STATUS, (const char *[]) { "met", "ready", "in-progress",
                                                        "not-started" }[g_rand_int_range (rand, 0, 4)] },
        { EVIDENT_ITEM_FIELD_OWNER, owners[g_rand_int_range (rand, 0, G_N_ELEMENTS (owners))] },
        { EVIDENT_ITEM_FIELD_COMPLEXITY, (const char *[]) { "low", "medium", "high" }[i % 3] },
      };

      evident_project_update_item (project, item, changes, G_N_ELEMENTS (changes), &error);
      g_assert_no_error (error);
      if (i % 5 == 0)
        {
          g_autofree char *url = g_strdup_printf ("https://example.com/evidence/%u", i);
          g_autoptr (EvidentEvidence) link = NULL;

          link = evident_evidence_store_add_link (evident_evidence_store_get_for_project (project),
                                                  item, url, NULL, EVIDENT_EVIDENCE_KIND_OTHER,
                                                  &error);
          g_assert_no_error (error);
        }
    }
  g_rand_free (rand);
  return project;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (void)
{
  g_autofree char *dir = g_dir_make_tmp ("evident-bench-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (pdf);
  g_autoptr (EvidentProject) project = generate (dir);
  double times[RUNS], snapshot_ms = 0;
  guint n_pages = 0;
  GStatBuf st;

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr (EvidentReport) report = NULL;
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 made;

      report = evident_report_new (project, EVIDENT_REPORT_SCOPE_ALL, NULL, &error);
      made = g_get_monotonic_time ();
      g_assert_no_error (error);
      evident_report_write_pdf (report, file, NULL, &error);
      g_assert_no_error (error);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      snapshot_ms += (made - start) / 1000.0 / RUNS;
      if (r == 0)
        {
          double width, height;

          evident_report_get_default_page_size (&width, &height);
          evident_report_paginate (report, NULL, width, height);
          n_pages = evident_report_get_n_pages (report);
        }
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  g_stat (pdf, &st);

  g_print ("report of %u items: %u pages, %.1f MB\n", N_ITEMS, n_pages, st.st_size / 1e6);
  g_print ("  copying the project's state: %.1f ms\n", snapshot_ms);
  g_print ("  whole report to PDF: median %.0f ms, worst %.0f ms of %d runs (budget %.0f ms): %s\n",
           times[RUNS / 2], times[RUNS - 1], RUNS, BUDGET_MS,
           times[RUNS / 2] <= BUDGET_MS ? "within" : "OVER");

  evident_project_close (project);
  g_unlink (pdf);
  {
    g_autofree char *path = g_build_filename (dir, "bench.evident", NULL);
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
