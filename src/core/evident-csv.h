/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_CSV_ERROR (evident_csv_error_quark ())

/**
 * EvidentCsvError:
 * @EVIDENT_CSV_ERROR_EMPTY: the file has no header row or no data rows
 * @EVIDENT_CSV_ERROR_ENCODING: the file is not valid UTF-8
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
 * EvidentCsvTable:
 *
 * A parsed CSV file: a header and rows of UTF-8 fields. Column look-up is by
 * name, case-insensitive, surrounding white space ignored.
 */
typedef struct _EvidentCsvTable EvidentCsvTable;

/**
 * EvidentChecklistEntry:
 * @line: the line of the CSV file on which the entry's row starts (1-based)
 *
 * One checklist item as read from a checklist file. Strings are never %NULL
 * (an absent optional column gives ""), all are trimmed.
 */
struct _EvidentChecklistEntry
{
  char    *ref;
  char    *chapter;
  char    *chapter_title;
  char    *section;
  char    *section_title;
  char    *title;
  char    *requirement;
  char    *evidence;
  int      points;
  gboolean mandatory;
  guint    line;
};

GQuark           evident_csv_error_quark       (void);

EvidentCsvTable *evident_csv_table_parse       (GBytes            *bytes,
                                                GError           **error);
void             evident_csv_table_free        (EvidentCsvTable   *table);
guint            evident_csv_table_get_n_rows  (EvidentCsvTable   *table);
int              evident_csv_table_find_column (EvidentCsvTable   *table,
                                                const char        *name);
const char      *evident_csv_table_get         (EvidentCsvTable   *table,
                                                guint              row,
                                                int                column);
guint            evident_csv_table_get_line    (EvidentCsvTable   *table,
                                                guint              row);

GPtrArray       *evident_checklist_parse       (GBytes            *bytes,
                                                GError           **error);
GPtrArray       *evident_checklist_load        (GFile             *file,
                                                GCancellable      *cancellable,
                                                GError           **error);
void             evident_checklist_entry_free  (EvidentChecklistEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentCsvTable, evident_csv_table_free)

G_END_DECLS
