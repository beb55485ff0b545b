/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What a project keeps of the checklist file it was made from: extra
 * fields, the workbook and each item's place in it (see
 * evident-project-source.h). */

#include "config.h"

#include "evident-blob-store.h"
#include "evident-enums.h"
#include "evident-history.h"
#include "evident-item-private.h"
#include "evident-project-private.h"
#include "evident-project-source.h"

/* Loading */

static void
extra_fields_clear (GArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      EvidentExtraField *field = &g_array_index (fields, EvidentExtraField, i);

      g_free (field->name);
      g_free (field->value);
    }
  g_array_set_size (fields, 0);
}

/* Hands @fields to the item (or drops them when the item is gone) and
 * returns an empty array for the next. */
static GArray *
give_extra_fields (GHashTable *items_by_id,
                   gint64      item_id,
                   GArray     *fields)
{
  EvidentItem *item = g_hash_table_lookup (items_by_id, GINT_TO_POINTER (item_id));
  guint n_fields = fields->len;

  if (n_fields == 0)
    return fields;
  if (item == NULL)
    {
      extra_fields_clear (fields);
      return fields;
    }
  evident_item_take_extra_fields (item, (EvidentExtraField *) g_array_free (fields, FALSE),
                                  n_fields);
  return g_array_new (FALSE, FALSE, sizeof (EvidentExtraField));
}

/**
 * evident_source_load_extras:
 * @db: a connection in a read transaction
 * @items_by_id: the project's items by id
 * @error: return location for an error
 *
 * Gives each item its extra fields, in their order.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_source_load_extras (EvidentDb   *db,
                            GHashTable  *items_by_id,
                            GError     **error)
{
  g_auto (EvidentDbStatement) stmt = NULL;
  GArray *fields;
  gint64 current = -1;
  gboolean ok;
  int rc;

  stmt = evident_db_prepare (db, "SELECT item_id, name, value FROM item_extras"
                                 " ORDER BY item_id, position",
                             error);
  if (stmt == NULL)
    return FALSE;

  fields = g_array_new (FALSE, FALSE, sizeof (EvidentExtraField));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 item_id = sqlite3_column_int64 (stmt, 0);
      EvidentExtraField field = {
        g_strdup (evident_db_column_text (stmt, 1)),
        g_strdup (evident_db_column_text (stmt, 2)),
      };

      if (item_id != current)
        {
          fields = give_extra_fields (items_by_id, current, fields);
          current = item_id;
        }
      g_array_append_val (fields, field);
    }
  ok = evident_db_step_end (db, stmt, rc, error);
  if (ok)
    fields = give_extra_fields (items_by_id, current, fields);
  extra_fields_clear (fields);
  g_array_unref (fields);
  return ok;
}

/* Writing, as a project is created */

/**
 * evident_source_write_extras:
 * @db: a connection in a write transaction
 * @item_id: the item's row
 * @entry: what the item was read from
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
evident_source_write_extras (EvidentDb                    *db,
                             gint64                        item_id,
                             const EvidentChecklistEntry  *entry,
                             GError                      **error)
{
  for (guint i = 0; entry->extra != NULL && i < entry->extra->len; i++)
    {
      const EvidentChecklistExtra *extra = g_ptr_array_index (entry->extra, i);
      sqlite3_stmt *stmt;

      stmt = evident_db_prepare (db, "INSERT INTO item_extras (item_id, position, name, value)"
                                     " VALUES (?, ?, ?, ?)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, extra->name != NULL ? extra->name : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, extra->value != NULL ? extra->value : "", -1, SQLITE_STATIC);
      if (!evident_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_column (sqlite3_stmt *stmt,
             int           index,
             int           column)
{
  if (column >= 0)
    sqlite3_bind_int (stmt, index, column);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
write_sheet (EvidentDb        *db,
             gint64            workbook_id,
             EvidentImport    *import,
             guint             index,
             GError          **error)
{
  EvidentWorkbook *workbook = evident_import_get_workbook (import);
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             "INSERT INTO workbook_sheets (workbook_id, sheet, name, part,"
                             " met_column, response_column) VALUES (?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workbook_id);
  sqlite3_bind_int (stmt, 2, index);
  sqlite3_bind_text (stmt, 3, evident_sheet_get_name (evident_workbook_get_sheet (workbook, index)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, evident_workbook_get_sheet_part (workbook, index), -1,
                     SQLITE_STATIC);
  bind_column (stmt, 5, evident_import_get_column (import, index, EVIDENT_IMPORT_FIELD_MET));
  bind_column (stmt, 6, evident_import_get_column (import, index, EVIDENT_IMPORT_FIELD_RESPONSE));
  return evident_db_step_done (db, stmt, error);
}

/**
 * evident_source_write_workbook:
 * @db: a connection in a write transaction
 * @import: an import from a workbook or a CSV file
 * @error: return location for an error
 *
 * Keeps the workbook @import was read from (its bytes as a blob), with
 * the answer columns of the sheets it used.
 *
 * Returns: the workbook's row; 0 when @import is not from a workbook; -1
 *   with @error set on failure
 */
gint64
evident_source_write_workbook (EvidentDb      *db,
                               EvidentImport  *import,
                               GError        **error)
{
  EvidentWorkbook *workbook = evident_import_get_workbook (import);
  g_autofree char *sha256 = NULL;
  g_autofree char *now = evident_history_now ();
  g_autoptr (GEnumClass) layouts = g_type_class_ref (EVIDENT_TYPE_IMPORT_LAYOUT);
  GEnumValue *layout = g_enum_get_value (layouts, evident_import_get_layout (import));
  sqlite3_stmt *stmt;
  gint64 id;

  if (workbook == NULL)
    return 0;
  if (!evident_blob_put_bytes (db, evident_workbook_get_bytes (workbook), &sha256, error))
    return -1;

  stmt = evident_db_prepare (db, "INSERT INTO workbooks (filename, layout, sha256, imported_at)"
                                 " VALUES (?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, evident_workbook_get_display_name (workbook), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, layout->value_nick, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  if (!evident_db_step_done (db, stmt, error))
    return -1;
  id = evident_db_last_insert_id (db);

  for (guint i = 0; i < evident_import_get_n_sheets (import); i++)
    {
      if (evident_import_get_sheet_status (import, i) == EVIDENT_IMPORT_SHEET_USED
          && !write_sheet (db, id, import, i, error))
        return -1;
    }
  return id;
}

/**
 * evident_source_write_place:
 * @db: a connection in a write transaction
 * @workbook_id: the kept workbook's row, 0 for none
 * @item_id: the item's row
 * @entry: what the item was read from
 * @error: return location for an error
 *
 * Records the item's sheet and row in the kept workbook, if there is one.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_source_write_place (EvidentDb                    *db,
                            gint64                        workbook_id,
                            gint64                        item_id,
                            const EvidentChecklistEntry  *entry,
                            GError                      **error)
{
  sqlite3_stmt *stmt;

  if (workbook_id <= 0 || !entry->source.known)
    return TRUE;

  stmt = evident_db_prepare (db, "INSERT INTO item_sources (item_id, workbook_id, sheet, row)"
                                 " VALUES (?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_int64 (stmt, 2, workbook_id);
  sqlite3_bind_int (stmt, 3, entry->source.sheet);
  sqlite3_bind_int (stmt, 4, entry->source.row);
  return evident_db_step_done (db, stmt, error);
}

/* Reading, for the hand-in */

static void
source_sheet_free (EvidentSourceSheet *sheet)
{
  g_free (sheet->name);
  g_free (sheet->part);
  g_free (sheet);
}

void
evident_source_workbook_free (EvidentSourceWorkbook *workbook)
{
  if (workbook == NULL)
    return;
  g_free (workbook->filename);
  g_free (workbook->layout);
  g_free (workbook->sha256);
  g_clear_pointer (&workbook->sheets, g_hash_table_unref);
  g_clear_pointer (&workbook->places, g_hash_table_unref);
  g_free (workbook);
}

static int
column_or_none (sqlite3_stmt *stmt,
                int           column)
{
  return evident_db_column_is_null (stmt, column) ? -1 : sqlite3_column_int (stmt, column);
}

static gboolean
load_sheets (EvidentDb              *db,
             gint64                  id,
             EvidentSourceWorkbook  *workbook,
             GError                **error)
{
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  stmt = evident_db_prepare (db, "SELECT sheet, name, part, met_column, response_column"
                                 "  FROM workbook_sheets WHERE workbook_id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvidentSourceSheet *sheet = g_new0 (EvidentSourceSheet, 1);

      sheet->name = g_strdup (evident_db_column_text (stmt, 1));
      sheet->part = g_strdup (evident_db_column_text (stmt, 2));
      sheet->met_column = column_or_none (stmt, 3);
      sheet->response_column = column_or_none (stmt, 4);
      g_hash_table_insert (workbook->sheets, GUINT_TO_POINTER (sqlite3_column_int (stmt, 0)),
                           sheet);
    }
  return evident_db_step_end (db, stmt, rc, error);
}

static gboolean
load_places (EvidentDb              *db,
             gint64                  id,
             EvidentSourceWorkbook  *workbook,
             GError                **error)
{
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  stmt = evident_db_prepare (db, "SELECT item_id, sheet, row FROM item_sources"
                                 " WHERE workbook_id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvidentSourcePlace *place = g_new (EvidentSourcePlace, 1);

      place->sheet = sqlite3_column_int (stmt, 1);
      place->row = sqlite3_column_int (stmt, 2);
      g_hash_table_insert (workbook->places, GINT_TO_POINTER (sqlite3_column_int64 (stmt, 0)),
                           place);
    }
  return evident_db_step_end (db, stmt, rc, error);
}

/**
 * evident_source_workbook_load:
 * @db: a connection
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the workbook the project keeps, its
 *   sheets and its items' places; %NULL without @error set when the project
 *   keeps none
 */
EvidentSourceWorkbook *
evident_source_workbook_load (EvidentDb  *db,
                              GError    **error)
{
  g_autoptr (EvidentSourceWorkbook) workbook = NULL;
  g_auto (EvidentDbStatement) stmt = NULL;
  gint64 id;
  int rc;

  stmt = evident_db_prepare (db, "SELECT id, filename, layout, sha256 FROM workbooks"
                                 " WHERE " EVIDENT_SOURCE_CURRENT_WORKBOOK,
                             error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      evident_db_error (db, rc, error);
      return NULL;
    }

  workbook = g_new0 (EvidentSourceWorkbook, 1);
  id = sqlite3_column_int64 (stmt, 0);
  workbook->filename = g_strdup (evident_db_column_text (stmt, 1));
  workbook->layout = g_strdup (evident_db_column_text (stmt, 2));
  workbook->sha256 = g_strdup (evident_db_column_text (stmt, 3));
  workbook->sheets = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) source_sheet_free);
  workbook->places = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  sqlite3_reset (stmt);

  if (!load_sheets (db, id, workbook, error) || !load_places (db, id, workbook, error))
    return NULL;
  return g_steal_pointer (&workbook);
}

/**
 * evident_project_dup_workbook_name:
 * @self: a project
 *
 * Whether the project keeps the workbook it was imported from, so that
 * the self-assessment can be handed in (%EVIDENT_EXPORT_FORMAT_AWS_XLSX).
 *
 * Returns: (transfer full) (nullable): the workbook's file name as it was
 *   imported, or %NULL when the project keeps none
 */
char *
evident_project_dup_workbook_name (EvidentProject *self)
{
  EvidentDb *db;
  g_auto (EvidentDbStatement) stmt = NULL;
  char *name = NULL;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);

  db = evident_project_get_db (self);
  if (db == NULL
      || (stmt = evident_db_prepare (db, "SELECT filename FROM workbooks"
                                         " WHERE " EVIDENT_SOURCE_CURRENT_WORKBOOK,
                                     NULL))
             == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (evident_db_column_text (stmt, 0));
  return name;
}
