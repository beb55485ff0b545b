/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-import-private.h"

G_BEGIN_DECLS

/* What the two passes of the preview share (evident-import-build.c reads
 * the rows, evident-import-structure.c derives the structure). */

/* An entry read from a row, with what pass two needs to finish it. */
typedef struct
{
  EvidentChecklistEntry *entry;
  ImportSheet           *sheet;
  guint                  sheet_ordinal; /* among the used sheets, from 1 */
  const char            *band;          /* the band above the row, or NULL */
  gboolean               points_empty;
  int                    points_column;
} Pending;

typedef struct
{
  EvidentImport *self;
  GPtrArray     *pending; /* of Pending */
  GPtrArray     *bands;   /* of char *, the texts Pending.band points into */
  gboolean       any_points;
  guint          n_used;
  GHashTable    *headings; /* chapter → the title its heading row gives */
} Build;

void evident_import_set_string       (char                    **field,
                                      const char               *value);
void evident_import_add_skip         (Build                    *build,
                                      ImportSheet              *sheet,
                                      guint                     row,
                                      EvidentImportSkipReason   reason);
void evident_import_derive_structure (Build                    *build);

G_END_DECLS
