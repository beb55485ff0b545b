/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * EvidentCsvWriterFlags:
 * @EVIDENT_CSV_WRITER_DEFAULT: LF line ends, no byte order mark
 * @EVIDENT_CSV_WRITER_CRLF: CR LF line ends, as RFC 4180 has them
 * @EVIDENT_CSV_WRITER_BOM: start with a UTF-8 byte order mark, which
 *   spreadsheet programs need to read the file as UTF-8
 */
typedef enum
{
  EVIDENT_CSV_WRITER_DEFAULT = 0,
  EVIDENT_CSV_WRITER_CRLF    = 1 << 0,
  EVIDENT_CSV_WRITER_BOM     = 1 << 1,
} EvidentCsvWriterFlags;

/**
 * EvidentCsvWriter:
 *
 * Builds a CSV file in memory, record by record, as RFC 4180 describes it:
 * a field is quoted when it holds the delimiter, a quote, a line break or
 * white space at either end, quotes inside are doubled, line breaks inside a
 * field are kept. The first row is the header; it may repeat a column name
 * (Jira's importer reads a multi-valued field from repeated columns). A
 * shorter row is filled up with empty fields to the header's width.
 */
typedef struct _EvidentCsvWriter EvidentCsvWriter;

EvidentCsvWriter *evident_csv_writer_new           (EvidentCsvWriterFlags   flags);
void              evident_csv_writer_free          (EvidentCsvWriter       *self);
void              evident_csv_writer_set_delimiter (EvidentCsvWriter       *self,
                                                    char                    delimiter);

void              evident_csv_writer_add_field     (EvidentCsvWriter       *self,
                                                    const char             *field);
void              evident_csv_writer_add_int       (EvidentCsvWriter       *self,
                                                    gint64                  value);
void              evident_csv_writer_end_row       (EvidentCsvWriter       *self);
void              evident_csv_writer_add_row       (EvidentCsvWriter       *self,
                                                    const char * const     *fields,
                                                    gssize                  n_fields);
guint             evident_csv_writer_get_n_rows    (EvidentCsvWriter       *self);

GBytes           *evident_csv_writer_get_bytes     (EvidentCsvWriter       *self);
gboolean          evident_csv_writer_save          (EvidentCsvWriter       *self,
                                                    GFile                  *file,
                                                    GCancellable           *cancellable,
                                                    GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentCsvWriter, evident_csv_writer_free)

G_END_DECLS
