/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A benchmark, not a test: an evidence pack of 500 MB (50 distinct files
 * of 10 MB, attached to items of a generated project, some shared), its
 * time and the peak memory while it is written and verified, which shows
 * that files are streamed, not held. EVIDENT_BENCH_PACK_MB sets the size;
 * it is made smaller when the disk has not room for three copies. Prints
 * figures and always exits 0. Run with `meson test -C build --benchmark -v`. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "evident-csv.h"
#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-pack.h"
#include "evident-project.h"

#define FILE_MB 10
#define DEFAULT_MB 500
#define N_ITEMS 130

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

/* Starts the high-water mark of the resident set afresh. */
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

static double
max_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static guint
choose_size (const char *dir)
{
  const char *env = g_getenv ("EVIDENT_BENCH_PACK_MB");
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autoptr (GFileInfo) info = g_file_query_filesystem_info (folder,
                                                             G_FILE_ATTRIBUTE_FILESYSTEM_FREE,
                                                             NULL, NULL);
  guint64 free_mb = info != NULL ? g_file_info_get_attribute_uint64 (info,
                                                                     G_FILE_ATTRIBUTE_FILESYSTEM_FREE)
                                   / (1024 * 1024)
                                 : G_MAXUINT;
  guint mb = env != NULL ? (guint) strtoul (env, NULL, 10) : DEFAULT_MB;

  /* The project, the pack, and room to spare. */
  if ((guint64) mb * 3 > free_mb)
    {
      guint fits = (guint) (free_mb / 3 / FILE_MB * FILE_MB);

      g_print ("only %" G_GUINT64_FORMAT " MB free: %u MB instead of %u MB\n", free_mb, fits, mb);
      mb = fits;
    }
  return MAX (mb / FILE_MB, 1) * FILE_MB;
}

static EvidentProject *
generate (const char *dir,
          guint       n_files)
{
  g_autoptr (GString) csv = g_string_new ("ref,chapter,chapter_title,title,points\n");
  g_autofree char *path = g_build_filename (dir, "bench.evident", NULL);
  g_autofree char *source = g_build_filename (dir, "source.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) source_file = g_file_new_for_path (source);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree guint8 *data = g_malloc (FILE_MB * 1024 * 1024);
  EvidentEvidenceStore *store;
  EvidentProjectSettings settings;
  EvidentProject *project;
  GRand *rand = g_rand_new_with_seed (500);

  for (guint i = 0; i < N_ITEMS; i++)
    g_string_append_printf (csv, "%u.%u,%u.0,Chapter %u,Item %u,5\n", i / 10 + 1, i, i / 10 + 1,
                            i / 10 + 1, i);
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
  entries = evident_checklist_parse (bytes, &error);
  g_assert_no_error (error);
  evident_project_settings_init (&settings);
  project = evident_project_create (file, &settings, entries, &error);
  g_assert_no_error (error);
  store = evident_evidence_store_get_for_project (project);

  /* Distinct files of random bytes (as compressed as PDF content), each
   * attached to an item and every fifth to a second one too. */
  for (guint f = 0; f < n_files; f++)
    {
      g_autoptr (EvidentItem) first = g_list_model_get_item (evident_project_get_items (project),
                                                             f % N_ITEMS);
      g_autoptr (EvidentItem) second = g_list_model_get_item (evident_project_get_items (project),
                                                              (f * 7 + 3) % N_ITEMS);
      g_autoptr (EvidentEvidence) a = NULL;
      g_autoptr (EvidentEvidence) b = NULL;

      for (gsize i = 0; i < FILE_MB * 1024 * 1024 / 4; i++)
        ((guint32 *) data)[i] = g_rand_int (rand);
      g_file_set_contents (source, (const char *) data, FILE_MB * 1024 * 1024, &error);
      g_assert_no_error (error);
      a = evident_evidence_store_add_file (store, first, source_file, NULL,
                                           EVIDENT_EVIDENCE_KIND_OTHER, NULL, NULL, &error);
      g_assert_no_error (error);
      if (f % 5 == 0)
        {
          b = evident_evidence_store_add_file (store, second, source_file, NULL,
                                               EVIDENT_EVIDENCE_KIND_OTHER, NULL, NULL, &error);
          g_assert_no_error (error);
        }
    }
  g_unlink (source);
  g_rand_free (rand);
  return project;
}

static void
remove_all (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (void)
{
  g_autofree char *dir = g_dir_make_tmp ("evident-bench-pack-XXXXXX", NULL);
  g_autofree char *zip = g_build_filename (dir, "pack.zip", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (zip);
  g_autoptr (EvidentPackInfo) info = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  guint mb = choose_size (dir);
  EvidentProject *project;
  glong rss_before, peak_pack = -1, peak_verify = -1;
  gint64 start, packed, verified;
  gboolean can_reset;
  guint n_checked = 0;

  g_print ("generating a project with %u MB of evidence (%u files of %u MB)\n", mb,
           mb / FILE_MB, FILE_MB);
  project = generate (dir, mb / FILE_MB);

  rss_before = status_kib ("VmRSS:");
  can_reset = reset_peak ();
  start = g_get_monotonic_time ();
  info = evident_pack_write (project, EVIDENT_PACK_SCOPE_ALL, NULL, file, NULL, &error);
  packed = g_get_monotonic_time ();
  g_assert_no_error (error);
  if (can_reset)
    peak_pack = status_kib ("VmHWM:");

  can_reset = reset_peak ();
  evident_pack_verify (file, NULL, NULL, &n_checked, &problems, &error);
  verified = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  if (can_reset)
    peak_verify = status_kib ("VmHWM:");

  g_print ("pack of %u files, %.0f MB: %.1f s (%.0f MB/s)\n", info->n_files, info->size / 1e6,
           (packed - start) / 1e6, info->size / 1e6 / ((packed - start) / 1e6));
  g_print ("verify-pack of %u files: %.1f s\n", n_checked, (verified - packed) / 1e6);
  g_print ("resident set before the pack: %.1f MiB\n", rss_before / 1024.0);
  if (peak_pack >= 0)
    g_print ("peak resident set while packing: %.1f MiB; while verifying: %.1f MiB\n",
             peak_pack / 1024.0, peak_verify / 1024.0);
  g_print ("peak memory of the whole process (getrusage ru_maxrss, generation included): "
           "%.1f MiB\n", max_rss_mib ());

  evident_project_close (project);
  g_object_unref (project);
  remove_all (dir);
  return 0;
}
