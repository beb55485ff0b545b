/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define EVIDENT_XLSX_PATCH_ERROR (evident_xlsx_patch_error_quark ())

/**
 * EvidentXlsxPatchError:
 * @EVIDENT_XLSX_PATCH_ERROR_NOT_XLSX: the file is not an .xlsx workbook: an
 *   old .xls, a workbook protected with a password, or another kind of file
 * @EVIDENT_XLSX_PATCH_ERROR_DAMAGED: a part of the workbook is missing or
 *   is not well-formed XML
 * @EVIDENT_XLSX_PATCH_ERROR_UNSAFE: the workbook is refused: its XML has a
 *   document type declaration, or a part would unpack to more than the
 *   limits allow (a zip bomb)
 * @EVIDENT_XLSX_PATCH_ERROR_NO_SUCH_SHEET: a write names a sheet the
 *   workbook does not have, or a chart sheet
 * @EVIDENT_XLSX_PATCH_ERROR_BAD_CELL: a cell cannot be written: it is
 *   outside a sheet, its text is too long, or other cells share its formula
 *
 * Every message names the workbook and, where it applies, the sheet and the
 * cell. A cancelled patch fails with %G_IO_ERROR_CANCELLED.
 */
typedef enum
{
  EVIDENT_XLSX_PATCH_ERROR_NOT_XLSX,
  EVIDENT_XLSX_PATCH_ERROR_DAMAGED,
  EVIDENT_XLSX_PATCH_ERROR_UNSAFE,
  EVIDENT_XLSX_PATCH_ERROR_NO_SUCH_SHEET,
  EVIDENT_XLSX_PATCH_ERROR_BAD_CELL,
} EvidentXlsxPatchError;

/* A workbook part (sheet XML, relationships) may unpack to at most this
 * many bytes, and, above 1 MiB, to at most 100 times its compressed size. */
#define EVIDENT_XLSX_PATCH_MAX_PART_SIZE  (128 * 1024 * 1024)
#define EVIDENT_XLSX_PATCH_MAX_RATIO      100
#define EVIDENT_XLSX_PATCH_RATIO_GRACE    (1024 * 1024)

/**
 * EvidentCellWrite:
 * @sheet_name: (nullable): the sheet's name as its tab shows it (compared
 *   without regard to case, as spreadsheet programs do)
 * @sheet_part: (nullable): the sheet's part in the zip container, e.g.
 *   "xl/worksheets/sheet2.xml"; when both are given they must agree
 * @row: the row, from 0 (row 1 in a spreadsheet program)
 * @column: the column, from 0 (column A)
 * @value: (nullable): the text to write, UTF-8, line breaks kept; %NULL or
 *   "" empties the cell (its style stays)
 *
 * One cell to write into a copy of a workbook.
 */
typedef struct
{
  const char *sheet_name;
  const char *sheet_part;
  guint       row;
  guint       column;
  const char *value;
} EvidentCellWrite;

GQuark   evident_xlsx_patch_error_quark (void);

GBytes  *evident_xlsx_patch             (GBytes                  *original,
                                         const char              *name,
                                         const EvidentCellWrite  *writes,
                                         guint                    n_writes,
                                         GCancellable            *cancellable,
                                         GError                 **error);
gboolean evident_xlsx_patch_save        (GBytes                  *original,
                                         const char              *name,
                                         const EvidentCellWrite  *writes,
                                         guint                    n_writes,
                                         GFile                   *destination,
                                         GCancellable            *cancellable,
                                         GError                 **error);

G_END_DECLS
