/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "import-test-support.h"

/* Sheets and imports */

/**
 * set_row:
 * @...: the texts of row @row of @sheet from column A, up to %NULL; ""
 *   leaves a cell empty
 */
void
set_row (EvidentSheet *sheet, guint row, ...)
{
  va_list     args;
  const char *text;
  guint       column = 0;

  va_start (args, row);
  while ((text = va_arg (args, const char *)) != NULL)
    evident_sheet_set_cell (sheet, row, column++, text);
  va_end (args);
}

static GPtrArray *
sheet_list_va (EvidentSheet *first, va_list args)
{
  GPtrArray    *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) evident_sheet_unref);
  EvidentSheet *sheet;

  for (sheet = first; sheet != NULL; sheet = va_arg (args, EvidentSheet *))
    g_ptr_array_add (sheets, sheet);
  return sheets;
}

/**
 * sheet_list:
 * @first: (transfer full): the first sheet, then more up to %NULL
 *
 * Returns: (transfer full): the sheets as a list a workbook gives
 */
GPtrArray *
sheet_list (EvidentSheet *first, ...)
{
  GPtrArray *sheets;
  va_list    args;

  va_start (args, first);
  sheets = sheet_list_va (first, args);
  va_end (args);
  return sheets;
}

/**
 * import_sheets:
 * @first: (transfer full): the first sheet, then more up to %NULL
 *
 * Returns: (transfer full): an import of the sheets as a workbook's
 */
EvidentImport *
import_sheets (EvidentSheet *first, ...)
{
  g_autoptr (GPtrArray) sheets = NULL;
  va_list args;

  va_start (args, first);
  sheets = sheet_list_va (first, args);
  va_end (args);
  return evident_import_new (sheets, NULL);
}

EvidentImport *
import_csv (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  EvidentImport *import = evident_import_new_for_csv (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

/* Look-ups */

void
assert_no_problems (EvidentImport *import)
{
  g_autoptr (GError) error = NULL;

  if (!evident_import_check (import, &error))
    g_error ("unexpected problem: %s", error->message);
}

EvidentChecklistEntry *
find_entry (EvidentImport *import, const char *ref)
{
  GPtrArray *entries = evident_import_get_entries (import);

  for (guint i = 0; i < entries->len; i++)
    {
      EvidentChecklistEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->ref, ref) == 0)
        return entry;
    }
  g_error ("no entry “%s”", ref);
  return NULL;
}

EvidentImportSkipReason
skip_reason (EvidentImport *import, guint sheet, guint row)
{
  GArray *skipped = evident_import_get_skipped (import);

  for (guint i = 0; i < skipped->len; i++)
    {
      const EvidentImportSkip *skip = &g_array_index (skipped, EvidentImportSkip, i);

      if (skip->sheet == sheet && skip->row == row)
        return skip->reason;
    }
  g_error ("row %u of sheet %u is not skipped", row, sheet);
  return EVIDENT_IMPORT_SKIP_BLANK;
}

const EvidentImportChapter *
chapter_at (EvidentImport *import, guint i)
{
  GPtrArray *chapters = evident_import_get_chapters (import);

  g_assert_cmpuint (i, <, chapters->len);
  return g_ptr_array_index (chapters, i);
}
