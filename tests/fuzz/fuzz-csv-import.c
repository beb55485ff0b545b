/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The CSV importer: a checklist file as a user picks it, read into a
 * sheet, looked at by the import (layout, header, mapping, entries, what
 * blocks it), shown as the preview does; and the command line's direct
 * path, evident_checklist_parse(). */

#include "config.h"

#include "evident-import.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) evident_sheet_unref);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (JsonNode) json = NULL;
  g_autoptr (GError) error = NULL;
  EvidentCsvFormat format;
  EvidentSheet *sheet;

  fuzz_init ();

  entries = evident_checklist_parse (bytes, NULL);

  sheet = evident_csv_read_sheet (bytes, &format, &error);
  if (sheet == NULL)
    {
      g_debug ("Not read: %s", error->message);
      return 0;
    }
  g_ptr_array_add (sheets, sheet);

  import = evident_import_new (sheets, &format);
  json = evident_import_to_json (import);
  evident_import_check (import, NULL);
  for (guint i = 0; i < evident_import_get_n_sheets (import); i++)
    {
      g_autoptr (EvidentImportMapping) mapping = evident_import_dup_mapping (import, i);

      if (mapping != NULL)
        {
          g_autofree char *text = evident_import_mapping_to_string (mapping);
          g_autoptr (EvidentImportMapping) again = evident_import_mapping_parse (text, NULL);

          if (again != NULL)
            evident_import_apply_mapping (import, again, NULL);
        }
      for (guint c = 0; c < evident_sheet_get_n_columns (evident_import_get_sheet (import, i));
           c++)
        g_free (evident_import_dup_column_name (import, i, c));
    }
  evident_import_get_chapters (import);
  g_debug ("%u entries", evident_import_get_entries (import)->len);
  return 0;
}
