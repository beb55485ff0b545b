/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The CSV importer: a checklist file as a user picks it, read into a
 * sheet, looked at by the import (layout, header, mapping, entries, what
 * blocks it), shown as the preview does; and the command line's direct
 * path, evident_checklist_parse(). */

#include "config.h"

#include "evident-import.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) evident_sheet_unref);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (EvidentImport) import = NULL;
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
  fuzz_import_explore (import, data, size);
  return 0;
}
