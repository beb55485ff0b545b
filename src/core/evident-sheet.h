/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * EvidentSheet:
 *
 * A grid of text cells as read from one CSV file or one sheet of a workbook,
 * before any meaning is given to it: what a checklist import looks at to find
 * the header, the section bands and the items.
 *
 * Rows and columns count from 0. In a workbook sheet, row r is spreadsheet
 * row r + 1 and column c is column letter c (0 is A), so rows and cells the
 * file leaves out are empty here. In a CSV file, row r is the r-th record and
 * remembers the line on which it starts. Cells hold the text a user sees:
 * cached values of formulas, dates as ISO dates, rich text flattened, line
 * breaks and non-breaking spaces as the file has them. An empty cell reads "".
 */
typedef struct _EvidentSheet EvidentSheet;

/**
 * EvidentSheetRange:
 *
 * A rectangle of cells, bounds included, e.g. a merged range.
 */
typedef struct
{
  guint first_row;
  guint first_column;
  guint last_row;
  guint last_column;
} EvidentSheetRange;

EvidentSheet            *evident_sheet_new               (const char              *name);
EvidentSheet            *evident_sheet_ref               (EvidentSheet            *self);
void                     evident_sheet_unref             (EvidentSheet            *self);

const char              *evident_sheet_get_name          (EvidentSheet            *self);
gboolean                 evident_sheet_is_csv            (EvidentSheet            *self);

guint                    evident_sheet_get_n_rows        (EvidentSheet            *self);
guint                    evident_sheet_get_n_columns     (EvidentSheet            *self);
const char              *evident_sheet_get_cell          (EvidentSheet            *self,
                                                          guint                    row,
                                                          guint                    column);
void                     evident_sheet_set_cell          (EvidentSheet            *self,
                                                          guint                    row,
                                                          guint                    column,
                                                          const char              *text);
const char              *evident_sheet_get_cell_shown    (EvidentSheet            *self,
                                                          guint                    row,
                                                          guint                    column);
void                     evident_sheet_set_cell_shown    (EvidentSheet            *self,
                                                          guint                    row,
                                                          guint                    column,
                                                          const char              *text);
gboolean                 evident_sheet_row_is_empty      (EvidentSheet            *self,
                                                          guint                    row);
gboolean                 evident_sheet_get_row_hidden    (EvidentSheet            *self,
                                                          guint                    row);
void                     evident_sheet_set_row_hidden    (EvidentSheet            *self,
                                                          guint                    row,
                                                          gboolean                 hidden);
gboolean                 evident_sheet_get_column_hidden (EvidentSheet            *self,
                                                          guint                    column);
void                     evident_sheet_set_column_hidden (EvidentSheet            *self,
                                                          guint                    column,
                                                          gboolean                 hidden);
guint                    evident_sheet_row_get_n_filled  (EvidentSheet            *self,
                                                          guint                    row);

void                     evident_sheet_set_row_line      (EvidentSheet            *self,
                                                          guint                    row,
                                                          guint                    line);
guint                    evident_sheet_get_row_line      (EvidentSheet            *self,
                                                          guint                    row);

void                     evident_sheet_add_merge         (EvidentSheet            *self,
                                                          const EvidentSheetRange *range);
guint                    evident_sheet_get_n_merges      (EvidentSheet            *self);
const EvidentSheetRange *evident_sheet_get_merge         (EvidentSheet            *self,
                                                          guint                    index);
const EvidentSheetRange *evident_sheet_find_merge        (EvidentSheet            *self,
                                                          guint                    row,
                                                          guint                    column);

char                    *evident_sheet_column_name       (guint                    column);
char                    *evident_sheet_describe_row      (EvidentSheet            *self,
                                                          guint                    row);
char                    *evident_sheet_describe_cell     (EvidentSheet            *self,
                                                          guint                    row,
                                                          guint                    column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentSheet, evident_sheet_unref)

G_END_DECLS
