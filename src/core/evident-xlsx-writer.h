/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define EVIDENT_XLSX_WRITER_ERROR (evident_xlsx_writer_error_quark ())

/**
 * EvidentXlsxWriterError:
 * @EVIDENT_XLSX_WRITER_ERROR_TOO_LONG: a cell's text is longer than the
 *   32,767 characters a cell holds
 * @EVIDENT_XLSX_WRITER_ERROR_TOO_LARGE: a table has more rows or columns
 *   than a sheet holds
 * @EVIDENT_XLSX_WRITER_ERROR_FAILED: the workbook could not be written
 *
 * Messages name the file and, where it applies, the sheet and cell. Errors
 * of the file system are %G_IO_ERROR errors that name the file; a cancelled
 * write fails with %G_IO_ERROR_CANCELLED.
 */
typedef enum
{
  EVIDENT_XLSX_WRITER_ERROR_TOO_LONG,
  EVIDENT_XLSX_WRITER_ERROR_TOO_LARGE,
  EVIDENT_XLSX_WRITER_ERROR_FAILED,
} EvidentXlsxWriterError;

/**
 * EvidentXlsxColumnFlags:
 * @EVIDENT_XLSX_COLUMN_DEFAULT: text on one line
 * @EVIDENT_XLSX_COLUMN_WRAP: long text, wrapped within the column's width
 */
typedef enum
{
  EVIDENT_XLSX_COLUMN_DEFAULT = 0,
  EVIDENT_XLSX_COLUMN_WRAP    = 1 << 0,
} EvidentXlsxColumnFlags;

/**
 * EvidentXlsxTable:
 *
 * One sheet of a fresh workbook: a header row of column names, then rows of
 * text and numbers. The sheet shows the header in bold, frozen above the
 * rows, with an autofilter; every cell is aligned to the top.
 */
typedef struct _EvidentXlsxTable EvidentXlsxTable;

GQuark            evident_xlsx_writer_error_quark (void);

EvidentXlsxTable *evident_xlsx_table_new          (const char              *sheet_name);
void              evident_xlsx_table_free         (EvidentXlsxTable        *self);
const char       *evident_xlsx_table_get_name     (EvidentXlsxTable        *self);
guint             evident_xlsx_table_add_column   (EvidentXlsxTable        *self,
                                                   const char              *header,
                                                   double                   width,
                                                   EvidentXlsxColumnFlags   flags);
guint             evident_xlsx_table_add_row      (EvidentXlsxTable        *self);
void              evident_xlsx_table_set_string   (EvidentXlsxTable        *self,
                                                   guint                    row,
                                                   guint                    column,
                                                   const char              *text);
void              evident_xlsx_table_set_number   (EvidentXlsxTable        *self,
                                                   guint                    row,
                                                   guint                    column,
                                                   double                   value);
guint             evident_xlsx_table_get_n_rows   (EvidentXlsxTable        *self);
guint             evident_xlsx_table_get_n_columns (EvidentXlsxTable       *self);

gboolean          evident_xlsx_write_tables       (GFile                   *file,
                                                   EvidentXlsxTable * const *tables,
                                                   guint                    n_tables,
                                                   GCancellable            *cancellable,
                                                   GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentXlsxTable, evident_xlsx_table_free)

G_END_DECLS
