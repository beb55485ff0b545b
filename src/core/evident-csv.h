/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-sheet.h"
#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_CSV_ERROR (evident_csv_error_quark ())

/**
 * EvidentCsvError:
 * @EVIDENT_CSV_ERROR_EMPTY: the file has no header row or no data rows
 * @EVIDENT_CSV_ERROR_ENCODING: the file is not text in an encoding spreadsheets save
 * @EVIDENT_CSV_ERROR_SYNTAX: a quote is not terminated or a row is malformed
 * @EVIDENT_CSV_ERROR_MISSING_COLUMN: a required column is absent from the header
 * @EVIDENT_CSV_ERROR_BAD_VALUE: a cell holds a value of the wrong kind (a number, a flag)
 * @EVIDENT_CSV_ERROR_DUPLICATE: two rows share a reference
 *
 * Every error message names the line it applies to, in words a user can act
 * on, e.g. "Line 14: “points” must be a whole number, not “ten”".
 */
typedef enum
{
  EVIDENT_CSV_ERROR_EMPTY,
  EVIDENT_CSV_ERROR_ENCODING,
  EVIDENT_CSV_ERROR_SYNTAX,
  EVIDENT_CSV_ERROR_MISSING_COLUMN,
  EVIDENT_CSV_ERROR_BAD_VALUE,
  EVIDENT_CSV_ERROR_DUPLICATE,
} EvidentCsvError;

/**
 * EvidentCsvEncoding:
 * @EVIDENT_CSV_ENCODING_UTF8: UTF-8 without a byte order mark
 * @EVIDENT_CSV_ENCODING_UTF8_BOM: UTF-8 with a byte order mark ("CSV UTF-8")
 * @EVIDENT_CSV_ENCODING_UTF16LE: UTF-16, little endian, with a byte order
 *   mark (Excel's "Unicode Text")
 * @EVIDENT_CSV_ENCODING_UTF16BE: UTF-16, big endian, with a byte order mark
 * @EVIDENT_CSV_ENCODING_WINDOWS_1252: assumed when the bytes are not UTF-8:
 *   what spreadsheets in western European locales save as plain "CSV"
 *
 * The encoding a CSV file was read in.
 */
typedef enum
{
  EVIDENT_CSV_ENCODING_UTF8,
  EVIDENT_CSV_ENCODING_UTF8_BOM,
  EVIDENT_CSV_ENCODING_UTF16LE,
  EVIDENT_CSV_ENCODING_UTF16BE,
  EVIDENT_CSV_ENCODING_WINDOWS_1252,
} EvidentCsvEncoding;

/**
 * EvidentCsvFormat:
 * @encoding: the encoding the file was read in
 * @delimiter: the delimiter found: ',', ';', '\t' or '|'
 *
 * How a CSV file was read, as an import reports it.
 */
typedef struct
{
  EvidentCsvEncoding encoding;
  char               delimiter;
} EvidentCsvFormat;

/**
 * EvidentCsvTable:
 *
 * A parsed CSV file: a header and rows of UTF-8 fields. Column look-up is by
 * name, case-insensitive, surrounding white space ignored.
 */
typedef struct _EvidentCsvTable EvidentCsvTable;

GQuark           evident_csv_error_quark       (void);

EvidentSheet    *evident_csv_read_sheet        (GBytes                 *bytes,
                                                EvidentCsvFormat       *format,
                                                GError                **error);
const char      *evident_csv_encoding_get_name (EvidentCsvEncoding      encoding);
char            *evident_csv_format_describe   (const EvidentCsvFormat *format);

EvidentCsvTable *evident_csv_table_parse       (GBytes                 *bytes,
                                                GError                **error);
void             evident_csv_table_free        (EvidentCsvTable        *table);
guint            evident_csv_table_get_n_rows  (EvidentCsvTable        *table);
int              evident_csv_table_find_column (EvidentCsvTable        *table,
                                                const char             *name);
const char      *evident_csv_table_get         (EvidentCsvTable        *table,
                                                guint                   row,
                                                int                     column);
guint            evident_csv_table_get_line    (EvidentCsvTable        *table,
                                                guint                   row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentCsvTable, evident_csv_table_free)

G_END_DECLS

/* Checklist entries and evident_checklist_parse()/_load() moved to the
 * import; their callers keep including this header. */
#include "evident-import.h"
