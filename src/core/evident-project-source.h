/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What a project keeps of the checklist file it was made from: each item's
 * extra fields and its place in the workbook, the workbook itself (a blob)
 * with the answer columns of its sheets. Written once, when the project is
 * created; read when it loads (extra fields) and when it is exported.
 * Private to the core. */

#include "evident-db.h"
#include "evident-import.h"

G_BEGIN_DECLS

/* The first schema version with sources (evident-schema.c, 3 → 4). */
#define EVIDENT_SOURCE_SCHEMA_VERSION 4

/* The workbook the project keeps, as an SQL condition on `workbooks`:
 * that of the checklist version the project is on (none when that
 * version came from a CSV file); a revision keeps the earlier ones with
 * their versions. */
#define EVIDENT_SOURCE_CURRENT_WORKBOOK                                                           \
  "id IS (SELECT workbook_id FROM checklist_versions WHERE state = 0 ORDER BY id DESC LIMIT 1)"

/**
 * EvidentSourceSheet:
 * @name: the sheet's name, as its tab shows it
 * @part: its part in the zip container
 * @met_column: the column of its "Met?" answers, -1 if none
 * @response_column: the column of its "Partner Response", -1 if none
 */
typedef struct
{
  char *name;
  char *part;
  int   met_column;
  int   response_column;
} EvidentSourceSheet;

/**
 * EvidentSourcePlace:
 * @sheet: the sheet's index in the workbook
 * @row: the item's row, from 0
 */
typedef struct
{
  guint sheet;
  guint row;
} EvidentSourcePlace;

/**
 * EvidentSourceWorkbook:
 * @filename: the workbook's file name when it was imported
 * @layout: the layout the import found (an #EvidentImportLayout nick)
 * @sha256: its bytes' blob
 * @sheets: (element-type guint EvidentSourceSheet): by sheet index
 * @places: (element-type gint64 EvidentSourcePlace): by item id
 *
 * The workbook a project was imported from, and where its items are.
 */
typedef struct
{
  char       *filename;
  char       *layout;
  char       *sha256;
  GHashTable *sheets;
  GHashTable *places;
} EvidentSourceWorkbook;

gboolean               evident_source_load_extras     (EvidentDb                   *db,
                                                       GHashTable                  *items_by_id,
                                                       GError                     **error);
gboolean               evident_source_write_extras    (EvidentDb                   *db,
                                                       gint64                       item_id,
                                                       const EvidentChecklistEntry *entry,
                                                       GError                     **error);
gint64                 evident_source_write_workbook  (EvidentDb                   *db,
                                                       EvidentImport               *import,
                                                       GError                     **error);
gboolean               evident_source_write_place     (EvidentDb                   *db,
                                                       gint64                       workbook_id,
                                                       gint64                       item_id,
                                                       const EvidentChecklistEntry *entry,
                                                       GError                     **error);

EvidentSourceWorkbook *evident_source_workbook_load   (EvidentDb                   *db,
                                                       GError                     **error);
void                   evident_source_workbook_free   (EvidentSourceWorkbook       *workbook);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentSourceWorkbook, evident_source_workbook_free)

G_END_DECLS
