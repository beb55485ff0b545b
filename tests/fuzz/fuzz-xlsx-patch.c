/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The self-assessment export: answers written into a copy of a workbook
 * that came from elsewhere. The input is the workbook (or the text of its
 * parts, fuzz_workbook_new()); the writes are fixed. A patched copy must
 * still be a workbook the patcher takes. */

#include "config.h"

#include "evident-xlsx-patch.h"
#include "fuzz.h"

#define SHEET "xl/worksheets/sheet1.xml"

static const EvidentCellWrite writes[] = {
  { NULL, SHEET, 0, 0, "Yes" },
  { NULL, SHEET, 2, 2, "No" },
  { NULL, SHEET, 3, 3, "Line one\nLine two & <three> \"quoted\"" },
  { NULL, SHEET, 3, 2, NULL },
  { NULL, SHEET, 40, 27, "Far out" },
  { NULL, SHEET, 1, 1, "Ümlaut — and a long dash" },
  { NULL, SHEET, 5, 1, "Bell\a, escape\x1b and a literal _x0041_" },
  { NULL, SHEET, 1048575, 16383, "The last cell" },
};

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) patched = NULL;
  g_autoptr (GBytes) again = NULL;
  g_autoptr (GError) error = NULL;

  fuzz_init ();
  bytes = fuzz_workbook_new (data, size);
  patched = evident_xlsx_patch (bytes, "fuzz.xlsx", writes, G_N_ELEMENTS (writes), NULL, &error);
  if (patched == NULL)
    {
      g_debug ("Not patched: %s", error->message);
      return 0;
    }
  g_debug ("Patched");

  again = evident_xlsx_patch (patched, "fuzz.xlsx", writes, 1, NULL, &error);
  if (again == NULL)
    g_error ("A patched copy is refused: %s", error->message);
  return 0;
}
