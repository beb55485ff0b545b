/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Checking a project file's integrity: SQLite's checks, and the rules the
 * schema cannot state. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-project-private.h"
#include "evident-revision-store.h"

/* The first column of every row of @sql. */
static GPtrArray *
collect (EvidentDb   *db,
         const char  *sql,
         GError     **error)
{
  g_autoptr (GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = evident_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (refs, g_strdup (evident_db_column_text (stmt, 0)));
  if (!evident_db_step_end (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&refs);
}

#define CURRENT_VERSION "(SELECT max (id) FROM checklist_versions WHERE state = 0)"

static gboolean
find_rule_problems (EvidentProject  *self,
                    EvidentDb       *db,
                    GPtrArray       *problems,
                    GError         **error)
{
  g_autoptr (GPtrArray) without_reason = NULL;
  g_autoptr (GPtrArray) outside = NULL;
  g_autoptr (GPtrArray) missing = NULL;

  without_reason = collect (db,
                            "SELECT ref FROM items WHERE status = 'not-applicable'"
                            " AND (reason IS NULL OR trim (reason) = '') ORDER BY position",
                            error);
  if (without_reason == NULL)
    return FALSE;
  for (guint i = 0; i < without_reason->len; i++)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Item %s is not applicable but gives no reason"),
                                      (char *) g_ptr_array_index (without_reason, i)));
  if (evident_project_get_schema_version (self) < EVIDENT_REVISION_SCHEMA_VERSION)
    return TRUE;

  /* The checklist is the version the project is on, item for item. */
  outside = collect (db,
                     "SELECT i.ref FROM items i WHERE i.active AND NOT EXISTS"
                     " (SELECT 1 FROM version_items v"
                     "   WHERE v.item_id = i.id AND v.version_id = " CURRENT_VERSION ")"
                     " ORDER BY i.position",
                     error);
  missing = outside != NULL ? collect (db,
                                       "SELECT v.ref FROM version_items v"
                                       "  JOIN items i ON i.id = v.item_id"
                                       " WHERE NOT i.active AND v.version_id = " CURRENT_VERSION
                                       " ORDER BY v.position",
                                       error)
                            : NULL;
  if (missing == NULL)
    return FALSE;
  for (guint i = 0; i < outside->len; i++)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Item %s is not part of the checklist version the "
                                        "project is on"),
                                      (char *) g_ptr_array_index (outside, i)));
  for (guint i = 0; i < missing->len; i++)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Item %s of the checklist version the project is on "
                                        "is missing"),
                                      (char *) g_ptr_array_index (missing, i)));
  return TRUE;
}

/**
 * evident_project_check:
 * @self: a project
 * @error: return location for an error
 *
 * Checks the integrity of the whole file: SQLite's own check of every page,
 * foreign keys, and the rules the schema cannot state (an item not
 * applicable gives a reason; the checklist is the version the project is
 * on). Reads only: a project opened with %EVIDENT_PROJECT_OPEN_INSPECT
 * reports here what the other ways of opening refuse.
 *
 * Returns: %TRUE when the project is sound
 */
gboolean
evident_project_check (EvidentProject  *self,
                       GError         **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *name = NULL;
  const GError *load_error;
  EvidentDb *db;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);

  name = g_file_get_parse_name (evident_project_get_file (self));
  db = evident_project_get_db (self);
  if (db == NULL)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("“%s” is closed"), name);
      return FALSE;
    }

  load_error = evident_project_get_load_error (self);
  if (load_error != NULL)
    g_ptr_array_add (problems, g_strdup (load_error->message));
  if (!evident_db_find_problems (db, FALSE, problems, error)
      || !find_rule_problems (self, db, problems, error))
    return FALSE;

  if (problems->len == 0)
    return TRUE;

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "\n%s", (char *) g_ptr_array_index (problems, i));
  g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_DAMAGED,
               _("“%s” has problems:%s"), name, text->str);
  return FALSE;
}
