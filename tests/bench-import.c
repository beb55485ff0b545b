/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A benchmark of the checklist import, not a test: it prints figures
 * beside the budgets and always exits 0.
 *
 * - a 10,000-row CSV read into a sheet, its layout detected and its
 *   preview built, as `evident-cli new` and the assistant's first look do;
 * - the preview rebuilt after a change of the mapping, as the import
 *   assistant does on every change, against one frame at 60 Hz: for 400
 *   rows (the size of real checklists: MSP ~130, OWASP ASVS 345), 3,000
 *   and 10,000;
 * - an AWS-style workbook of 10 sheets × 1,000 rows (merged bands,
 *   multi-line description cells) from sheets to entries.
 *
 * Run with `meson test -C build --benchmark -v`. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "evident-import.h"

#define RUNS 15
#define BUDGET_FRAME_MS 16.0
#define BUDGET_CSV_MS 1000.0

static const char *domains[] = { "Organisational", "People", "Physical", "Technological" };

static GBytes *
generate_csv (guint n_rows)
{
  GString *csv = g_string_new ("Evident control catalogue\n"
                               "\n"
                               "Control ID;Control Name;Description;Domain;Weight;Notes\n");

  for (guint i = 0; i < n_rows; i++)
    {
      if (i % 50 == 0)
        g_string_append_printf (csv, "Part %u;;;;;\n", i / 50 + 1);
      g_string_append_printf (csv,
                              "A.%u.%u;Control number %u;\"The organisation defines control %u, "
                              "names an owner\nand reviews it every year.\";%s;%u;%s\n",
                              i / 100 + 1, i % 100 + 1, i + 1, i + 1, domains[i % 4], i % 20,
                              i % 7 == 0 ? "check with legal" : "");
    }

  return g_string_free_to_bytes (csv);
}

static GPtrArray *
generate_workbook (guint n_sheets, guint n_rows)
{
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) evident_sheet_unref);

  for (guint s = 0; s < n_sheets; s++)
    {
      g_autofree char  *name = g_strdup_printf ("Area %u", s + 1);
      EvidentSheet     *sheet = evident_sheet_new (name);
      EvidentSheetRange title = { 0, 0, 0, 3 };
      guint             row = 2;

      evident_sheet_set_cell (sheet, 0, 0, "Evident Partner Programme\r\nSelf-assessment");
      evident_sheet_add_merge (sheet, &title);
      evident_sheet_set_cell (sheet, 1, 0, "ID");
      evident_sheet_set_cell (sheet, 1, 1, "Requirement Description");
      evident_sheet_set_cell (sheet, 1, 2, "Met?");
      evident_sheet_set_cell (sheet, 1, 3, "Partner Response");
      for (guint i = 0; i < n_rows; i++, row++)
        {
          g_autofree char *ref = g_strdup_printf ("AR%uP-%03u", s + 1, i + 1);
          g_autofree char *description = g_strdup_printf (
              "Item %u of area %u\r\n%s\r\nThe partner shows how it handles case %u, "
              "with\xc2\xa0"
              "an owner.\r\n\r\nEvidence: a document and a demonstration.",
              i + 1, s + 1, i % 5 == 0 ? "Recommended" : "Mandatory", i + 1);

          if (i % 20 == 0)
            {
              EvidentSheetRange band = { row, 0, row, 3 };

              evident_sheet_set_cell (sheet, row, 0, i % 40 == 0 ? "Business" : "Security");
              evident_sheet_add_merge (sheet, &band);
              row++;
            }
          evident_sheet_set_cell (sheet, row, 0, ref);
          evident_sheet_set_cell (sheet, row, 1, description);
          evident_sheet_set_cell (sheet, row, 2, i % 3 == 0 ? "Yes" : "");
        }
      g_ptr_array_add (sheets, sheet);
    }

  return sheets;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (double *samples, guint n)
{
  qsort (samples, n, sizeof *samples, compare_doubles);
  return samples[n / 2];
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* A CSV from bytes to a checked preview. */
static void
bench_csv (guint n_rows)
{
  g_autoptr (GBytes) bytes = generate_csv (n_rows);
  double read_ms[RUNS];
  double total_ms[RUNS];
  guint  n_entries = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr (EvidentImport) import = NULL;
      g_autoptr (EvidentSheet) sheet = NULL;
      g_autoptr (GPtrArray) sheets = g_ptr_array_new ();
      g_autoptr (GError) error = NULL;
      gint64           start = g_get_monotonic_time ();
      EvidentCsvFormat format;

      sheet = evident_csv_read_sheet (bytes, &format, NULL);
      read_ms[run] = ms_since (start);
      g_ptr_array_add (sheets, sheet);
      import = evident_import_new (sheets, &format);
      if (!evident_import_check (import, &error))
        g_error ("the generated checklist has problems: %s", error->message);
      n_entries = evident_import_get_entries (import)->len;
      total_ms[run] = ms_since (start);
    }

  g_print ("CSV of %u rows (%zu KiB) read into a sheet: %.1f ms (median of %u)\n", n_rows,
           g_bytes_get_size (bytes) / 1024, median (read_ms, RUNS), RUNS);
  g_print ("  … and imported: %u entries in %.1f ms (budget %.0f ms)\n", n_entries,
           median (total_ms, RUNS), BUDGET_CSV_MS);
}

/* The assistant's live preview: one mapping change, one rebuild. */
static void
bench_rebuild (guint n_rows)
{
  g_autoptr (GBytes) bytes = generate_csv (n_rows);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentImport) import = evident_import_new_for_csv (bytes, &error);
  double samples[RUNS];

  g_assert_no_error (error);
  evident_import_get_entries (import);
  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      /* The title from the description, then back: two changes. */
      evident_import_set_column (import, 0, EVIDENT_IMPORT_FIELD_TITLE, run % 2 ? 1 : 2);
      evident_import_get_entries (import);
      evident_import_get_chapters (import);
      evident_import_get_skipped (import);
      samples[run] = ms_since (start);
    }

  g_print ("Preview rebuilt after a mapping change, %u rows: %.1f ms (median of %u; one "
           "frame is %.0f ms)\n",
           n_rows, median (samples, RUNS), RUNS, BUDGET_FRAME_MS);
}

static void
bench_workbook (guint n_sheets, guint n_rows)
{
  g_autoptr (GPtrArray) sheets = generate_workbook (n_sheets, n_rows);
  double samples[RUNS];
  guint  n_entries = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (EvidentImport) import = evident_import_new (sheets, NULL);

      if (evident_import_get_layout (import) != EVIDENT_IMPORT_LAYOUT_AWS_WORKBOOK ||
          !evident_import_check (import, NULL))
        g_error ("the generated workbook is not read as AWS's");
      n_entries = evident_import_get_entries (import)->len;
      samples[run] = ms_since (start);
    }

  g_print ("AWS-style workbook, %u sheets × %u rows, from sheets to %u entries: %.1f ms "
           "(median of %u)\n",
           n_sheets, n_rows, n_entries, median (samples, RUNS), RUNS);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  bench_csv (10000);
  bench_rebuild (400);
  bench_rebuild (3000);
  bench_rebuild (10000);
  bench_workbook (10, 1000);
  return 0;
}
