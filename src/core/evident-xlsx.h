/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-sheet.h"

G_BEGIN_DECLS

#define EVIDENT_XLSX_ERROR (evident_xlsx_error_quark ())

/**
 * EvidentXlsxError:
 * @EVIDENT_XLSX_ERROR_NOT_A_WORKBOOK: the file is not a zip archive, or a zip
 *   archive without a workbook part (e.g. an OpenDocument spreadsheet)
 * @EVIDENT_XLSX_ERROR_ENCRYPTED: the workbook is protected with a password
 * @EVIDENT_XLSX_ERROR_OLD_FORMAT: an Excel 97–2003 workbook (.xls)
 * @EVIDENT_XLSX_ERROR_MISSING_PART: a part the workbook refers to (a sheet,
 *   the shared strings, the list of parts) is not in the file
 * @EVIDENT_XLSX_ERROR_TOO_LARGE: the file, a part, the whole of what it
 *   unpacks to, its compression ratio or its number of cells exceeds a limit
 *   (a zip bomb ends here, promptly)
 * @EVIDENT_XLSX_ERROR_UNSAFE: a part's XML has a document type declaration
 *   (entity declarations, external entities): workbooks never do
 * @EVIDENT_XLSX_ERROR_MALFORMED: a part's XML is not well-formed, or a cell
 *   holds what no spreadsheet writes (a bad reference, a shared string that
 *   does not exist)
 * @EVIDENT_XLSX_ERROR_DAMAGED: the zip container is truncated or corrupt
 *
 * Every message names the file and, where there is one, the part, sheet,
 * row or cell, in words a user can act on, e.g. "“audit.xlsx” is damaged:
 * Sheet “Security”, cell C14 refers to shared text 120, but the workbook
 * has only 100."
 */
typedef enum
{
  EVIDENT_XLSX_ERROR_NOT_A_WORKBOOK,
  EVIDENT_XLSX_ERROR_ENCRYPTED,
  EVIDENT_XLSX_ERROR_OLD_FORMAT,
  EVIDENT_XLSX_ERROR_MISSING_PART,
  EVIDENT_XLSX_ERROR_TOO_LARGE,
  EVIDENT_XLSX_ERROR_UNSAFE,
  EVIDENT_XLSX_ERROR_MALFORMED,
  EVIDENT_XLSX_ERROR_DAMAGED,
} EvidentXlsxError;

/**
 * EvidentWorkbook:
 *
 * An Excel workbook (.xlsx) read into one #EvidentSheet per sheet, in the
 * order the workbook shows them, hidden ones included; and the original
 * bytes, kept so that an export can patch a copy of them.
 *
 * Cells hold what a user sees: shared, inline and rich text flattened
 * (phonetic runs left out, `_x000D_` escapes decoded, so CR LF, LF and
 * non-breaking spaces stay as stored); the cached values of formulas;
 * booleans as `TRUE`/`FALSE`; error values such as `#N/A` as written;
 * numbers in their shortest form that reads back the same (`42`, `0.1`);
 * numbers shown as dates as ISO dates (`2024-05-31`, or `2024-05-31 13:30`
 * / `2024-05-31 13:30:15` when there is a time of day, in both the 1900 and
 * 1904 date systems), those shown as times only as `13:30:00`. A number
 * whose format of digits shows it longer (`0.00` shows 1.1 as 1.10, `000`
 * 7 as 007) keeps that text too, for evident_sheet_get_cell_shown(). Merged
 * ranges are recorded with evident_sheet_add_merge(), hidden rows and
 * columns with evident_sheet_set_row_hidden() and
 * evident_sheet_set_column_hidden(). Chart sheets are there, empty.
 *
 * A workbook comes from others and is read with limits: the file's size,
 * what it unpacks to in all and per part, its compression ratio, the number
 * of its parts and cells; XML is streamed (never a whole sheet in memory as
 * a tree) with network access and entity substitution off, and a document
 * type declaration is refused.
 *
 * Loading may take a while for large workbooks: call the synchronous
 * functions from a worker thread, or evident_workbook_load_file_async(),
 * which does. An #EvidentWorkbook is not changed once loaded and may be
 * passed between threads.
 */
typedef struct _EvidentWorkbook EvidentWorkbook;

GQuark           evident_xlsx_error_quark            (void);

gboolean         evident_bytes_look_like_xlsx        (GBytes              *bytes);

EvidentWorkbook *evident_workbook_load               (GBytes              *bytes,
                                                      const char          *display_name,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
EvidentWorkbook *evident_workbook_load_file          (GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
void             evident_workbook_load_file_async    (GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
EvidentWorkbook *evident_workbook_load_file_finish   (GAsyncResult        *result,
                                                      GError             **error);
EvidentWorkbook *evident_workbook_ref                (EvidentWorkbook     *self);
void             evident_workbook_unref              (EvidentWorkbook     *self);

const char      *evident_workbook_get_display_name   (EvidentWorkbook     *self);
GBytes          *evident_workbook_get_bytes          (EvidentWorkbook     *self);
gboolean         evident_workbook_get_date1904       (EvidentWorkbook     *self);

guint            evident_workbook_get_n_sheets       (EvidentWorkbook     *self);
EvidentSheet    *evident_workbook_get_sheet          (EvidentWorkbook     *self,
                                                      guint                index);
const char      *evident_workbook_get_sheet_part     (EvidentWorkbook     *self,
                                                      guint                index);
gboolean         evident_workbook_get_sheet_hidden   (EvidentWorkbook     *self,
                                                      guint                index);
int              evident_workbook_find_sheet         (EvidentWorkbook     *self,
                                                      const char          *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentWorkbook, evident_workbook_unref)

G_END_DECLS
