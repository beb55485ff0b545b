/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Seeding a project with the state of many items at once, as the demo
 * project is: no edit, no history. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-csv.h"
#include "evident-enums-util.h"
#include "evident-item-private.h"
#include "evident-project-private.h"

static gboolean
collect_state_row (EvidentProject   *self,
                   EvidentCsvTable  *table,
                   guint             row,
                   int               ref_column,
                   const int        *indexes,
                   GArray           *pending,
                   GError          **error)
{
  static const EvidentItemField fields[] = {
    EVIDENT_ITEM_FIELD_OWNER, EVIDENT_ITEM_FIELD_COMPLEXITY, EVIDENT_ITEM_FIELD_STATUS,
    EVIDENT_ITEM_FIELD_REASON, EVIDENT_ITEM_FIELD_NOTE, EVIDENT_ITEM_FIELD_DUE,
    EVIDENT_ITEM_FIELD_RESPONSE,
  };
  const char *ref = evident_csv_table_get (table, row, ref_column);
  EvidentItem *item = evident_project_lookup_item (self, ref);
  guint line = evident_csv_table_get_line (table, row);
  EvidentStatus status;
  const char *reason = NULL;

  if (item == NULL)
    {
      g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_BAD_VALUE,
                   _("Line %u: there is no item “%s” in the project"), line, ref);
      return FALSE;
    }
  status = evident_item_get_status (item);

  for (guint c = 0; c < G_N_ELEMENTS (fields); c++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autofree char *value = NULL;
      const char *cell;

      if (indexes[c] < 0)
        continue;
      cell = evident_csv_table_get (table, row, indexes[c]);
      if (fields[c] == EVIDENT_ITEM_FIELD_STATUS && *cell == '\0')
        continue;
      if (!evident_edit_normalize (item, fields[c], cell, &value, &local_error))
        {
          g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_BAD_VALUE, _("Line %u: %s"),
                       line, local_error->message);
          return FALSE;
        }
      evident_edits_add (pending, item, 0, fields[c], evident_item_get_field (item, fields[c]),
                         value);
      if (fields[c] == EVIDENT_ITEM_FIELD_STATUS)
        evident_status_from_string (value, &status);
      if (fields[c] == EVIDENT_ITEM_FIELD_REASON)
        reason = g_array_index (pending, EvidentEdit, pending->len - 1).new_value;
    }

  if (status == EVIDENT_STATUS_NOT_APPLICABLE && (reason == NULL || *reason == '\0'))
    {
      g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_BAD_VALUE,
                   _("Line %u: item %s can only be not applicable with a reason"), line, ref);
      return FALSE;
    }
  return TRUE;
}

/**
 * evident_project_import_state:
 * @self: a project
 * @csv: a CSV file with the columns ref, owner, complexity, status, reason,
 *   note, due and response (all but ref optional)
 * @error: return location for an error
 *
 * Sets the state of many items at once, as one transaction: all rows apply
 * or, when one is wrong, none. Used to seed the demo project; it records no
 * history and leaves nothing to undo.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_project_import_state (EvidentProject  *self,
                              GBytes          *csv,
                              GError         **error)
{
  static const char *columns[] = {
    "owner", "complexity", "status", "reason", "note", "due", "response",
  };
  g_autoptr (EvidentCsvTable) table = NULL;
  g_autoptr (GArray) pending = evident_edits_new ();
  int indexes[G_N_ELEMENTS (columns)];
  int ref_column;
  EvidentDb *db;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (csv != NULL, FALSE);

  db = evident_project_get_db (self);
  if (db == NULL)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("“%s” is closed"), evident_project_get_path (self));
      return FALSE;
    }

  table = evident_csv_table_parse (csv, error);
  if (table == NULL)
    return FALSE;

  ref_column = evident_csv_table_find_column (table, "ref");
  if (ref_column < 0)
    {
      g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_MISSING_COLUMN,
                   _("Line 1: the column “%s” is missing"), "ref");
      return FALSE;
    }
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    indexes[c] = evident_csv_table_find_column (table, columns[c]);

  for (guint row = 0; row < evident_csv_table_get_n_rows (table); row++)
    {
      if (!collect_state_row (self, table, row, ref_column, indexes, pending, error))
        return FALSE;
    }

  if (!evident_db_begin_write (db, error))
    return FALSE;
  if (!evident_history_write_fields (db, pending, error) || !evident_db_commit (db, error))
    {
      evident_db_rollback (db);
      return FALSE;
    }

  for (guint i = 0; i < pending->len; i++)
    {
      EvidentEdit *edit = &g_array_index (pending, EvidentEdit, i);

      evident_item_set_field (edit->item, edit->field, edit->new_value);
    }
  evident_project_emit_changed (self);
  return TRUE;
}
