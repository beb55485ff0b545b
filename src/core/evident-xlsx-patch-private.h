/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "evident-xlsx-patch.h"
#include "evident-xml-scan.h"

G_BEGIN_DECLS

/* evident-xlsx-splice.c: writing cells into one sheet's XML. */

/**
 * EvidentSpliceWrite:
 *
 * A write into one sheet, sorted by row and column, one per cell.
 */
typedef struct
{
  guint       row;
  guint       column;
  const char *value;
} EvidentSpliceWrite;

/**
 * EvidentSpliceContext:
 * @workbook: the workbook's name, for messages
 * @sheet: the sheet's name, for messages
 * @removed_formula: (out): set when a written cell had a formula
 */
typedef struct
{
  const char *workbook;
  const char *sheet;
  gboolean    removed_formula;
} EvidentSpliceContext;

GBytes  *evident_xlsx_splice_sheet    (const char                *data,
                                       gsize                      size,
                                       const EvidentSpliceWrite  *writes,
                                       guint                      n_writes,
                                       EvidentSpliceContext      *context,
                                       GError                   **error);
char    *evident_xlsx_cell_name       (guint                      row,
                                       guint                      column);
gboolean evident_xlsx_parse_cell_name (const char                *name,
                                       guint                     *row,
                                       guint                     *column);

G_END_DECLS
