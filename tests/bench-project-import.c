/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A benchmark, not a test: a 10,000-row self-assessment workbook imported
 * into a new project end to end (read, detect, build the entries, write
 * the project file with its workbook kept), beside the budget of the
 * real-checklists issue (1 s), with the peak memory of the first run; then
 * the exports of that project. Always exits 0.
 *
 * Usage: bench-project-import PATH/TO/evident-test-fixture. The workbook is
 * written by that program, so that this process holds only the file: peak
 * memory is the resident set's high-water mark during the first import
 * (reset through /proc/self/clear_refs) less the resident set before it.
 * Run with `meson test -C build --benchmark -v`. */

#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "evident-export.h"
#include "evident-import.h"
#include "evident-project.h"

#define RUNS 5
#define BUDGET_MS 1000.0

/* A field of /proc/self/status in KiB (VmRSS, VmHWM), or -1. */
static glong
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, field)) == NULL)
    return -1;
  return strtol (line + strlen (field) + 1, NULL, 10);
}

static gboolean
reset_peak (void)
{
  FILE *clear = fopen ("/proc/self/clear_refs", "w");
  gboolean ok;

  if (clear == NULL)
    return FALSE;
  ok = fputs ("5", clear) >= 0;
  return fclose (clear) == 0 && ok;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* One import, end to end; the project stays open for the exports. */
static EvidentProject *
import_once (GFile   *workbook,
             GFile   *project_file,
             double  *read_ms,
             double  *total_ms,
             GError **error)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr (EvidentImport) import = evident_import_new_for_file (workbook, NULL, error);
  EvidentProject *project;

  if (import == NULL || !evident_import_check (import, error))
    return NULL;
  *read_ms = elapsed_ms (start);
  project = evident_project_create_from_import (project_file, NULL, import, NULL, error);
  *total_ms = elapsed_ms (start);
  return project;
}

static void
bench_exports (EvidentProject *project,
               const char     *dir)
{
  for (guint format = 0; format < EVIDENT_N_EXPORT_FORMATS; format++)
    {
      g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *name = g_strconcat ("export", evident_export_format_get_extension (format),
                                           NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);

      for (guint i = 0; i < RUNS; i++)
        {
          g_autoptr (GError) error = NULL;
          gint64 start = g_get_monotonic_time ();
          double ms;

          if (!evident_export (project, format, file, NULL, &error))
            {
              g_print ("  export %s failed: %s\n", evident_export_format_to_string (format),
                       error->message);
              return;
            }
          ms = elapsed_ms (start);
          g_array_append_val (times, ms);
        }
      g_print ("  export %-8s median %.1f ms over %u runs\n",
               evident_export_format_to_string (format), median (times), times->len);
      g_unlink (path);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("evident-bench-import-XXXXXX", &error);
  g_autofree char *workbook_path = NULL;
  g_autoptr (GFile) workbook = NULL;
  g_autoptr (GArray) read_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) total_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (EvidentProject) kept = NULL;
  glong rss_before;
  glong peak = -1;
  int status;

  if (argc != 2 || dir == NULL)
    {
      g_print ("Usage: bench-project-import PATH/TO/evident-test-fixture\n");
      return 0;
    }
  workbook_path = g_build_filename (dir, "self-assessment.xlsx", NULL);
  {
    const char *fixture_argv[] = { argv[1], "rows-10000", workbook_path, NULL };

    if (!g_spawn_sync (NULL, (char **) fixture_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                       NULL, &status, &error)
        || !g_spawn_check_wait_status (status, &error))
      {
        g_print ("Generating the workbook failed: %s\n", error->message);
        return 0;
      }
  }
  workbook = g_file_new_for_path (workbook_path);

  g_print ("A 10,000-row self-assessment workbook imported into a new project:\n");
  malloc_trim (0);
  rss_before = status_kib ("VmRSS:");
  if (!reset_peak ())
    rss_before = -1;
  for (guint i = 0; i < RUNS; i++)
    {
      g_autofree char *name = g_strdup_printf ("run-%u.evident", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (EvidentProject) project = NULL;
      double read_ms = 0, total_ms = 0;

      project = import_once (workbook, file, &read_ms, &total_ms, &error);
      if (project == NULL)
        {
          g_print ("  import failed: %s\n", error->message);
          return 0;
        }
      if (i == 0)
        {
          peak = status_kib ("VmHWM:");
          g_print ("  items: %u\n",
                   g_list_model_get_n_items (evident_project_get_items (project)));
        }
      g_array_append_val (read_times, read_ms);
      g_array_append_val (total_times, total_ms);
      if (i + 1 == RUNS)
        kept = g_steal_pointer (&project);
      else
        {
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          evident_project_close (project);
          g_unlink (path);
          g_unlink (wal);
          g_unlink (shm);
        }
    }

  g_print ("  read and preview: median %.1f ms\n", median (read_times));
  g_print ("  end to end (into a new project file): median %.1f ms over %u runs "
           "(budget %.0f ms)\n",
           median (total_times), total_times->len, BUDGET_MS);
  if (rss_before >= 0 && peak >= 0)
    g_print ("  peak memory: %.1f MiB more resident during the first import\n",
             (peak - rss_before) / 1024.0);
  else
    g_print ("  peak memory: not measurable here (no /proc/self/clear_refs)\n");

  g_print ("The exports of that project:\n");
  bench_exports (kept, dir);
  evident_project_close (kept);
  return 0;
}
