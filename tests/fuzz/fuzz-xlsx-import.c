/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The XLSX importer: a workbook loaded with its limits, every sheet read,
 * and the import on its sheets as the preview shows it. The input is a
 * workbook, or the text of its parts (fuzz_workbook_new()). */

#include "config.h"

#include "evident-import.h"
#include "evident-xlsx.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (EvidentWorkbook) workbook = NULL;
  g_autoptr (GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) evident_sheet_unref);
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (GError) error = NULL;

  fuzz_init ();
  bytes = fuzz_workbook_new (data, size);
  evident_bytes_look_like_xlsx (bytes);
  workbook = evident_workbook_load (bytes, "fuzz.xlsx", NULL, &error);
  if (workbook == NULL)
    {
      g_debug ("Not loaded: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < evident_workbook_get_n_sheets (workbook); i++)
    {
      EvidentSheet *sheet = evident_workbook_get_sheet (workbook, i);

      evident_workbook_get_sheet_part (workbook, i);
      for (guint r = 0; r < evident_sheet_get_n_rows (sheet) && r < 64; r++)
        {
          g_free (evident_sheet_describe_row (sheet, r));
          for (guint c = 0; c < evident_sheet_get_n_columns (sheet) && c < 16; c++)
            evident_sheet_find_merge (sheet, r, c);
        }
      g_ptr_array_add (sheets, evident_sheet_ref (sheet));
    }

  import = evident_import_new (sheets, NULL);
  fuzz_import_explore (import, data, size);
  return 0;
}
