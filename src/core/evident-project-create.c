/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Writing a new project file from a checklist. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "evident-csv.h"
#include "evident-enums-util.h"
#include "evident-history.h"
#include "evident-project-private.h"
#include "evident-schema.h"
#include "evident-temporary.h"

void
evident_project_settings_init (EvidentProjectSettings *settings)
{
  g_return_if_fail (settings != NULL);

  memset (settings, 0, sizeof *settings);
  settings->rules.mode = EVIDENT_SCORE_MODE_POINTS;
  settings->rules.pass_score = EVIDENT_DEFAULT_PASS_SCORE;
  settings->rules.mandatory_penalty = EVIDENT_DEFAULT_MANDATORY_PENALTY;
}

static gboolean
insert_setting (EvidentDb   *db,
                const char  *key,
                const char  *value,
                GError     **error)
{
  sqlite3_stmt *stmt = evident_db_prepare (db, "INSERT INTO project (key, value) VALUES (?, ?)",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return evident_db_step_done (db, stmt, error);
}

static gboolean
write_settings (EvidentDb                     *db,
                const EvidentProjectSettings  *settings,
                GError                       **error)
{
  g_autofree char *pass_score = g_strdup_printf ("%d", settings->rules.pass_score);
  g_autofree char *penalty = g_strdup_printf ("%d", settings->rules.mandatory_penalty);
  g_autofree char *created = evident_history_now ();

  return insert_setting (db, "title", settings->title, error)
         && insert_setting (db, "checklist-version",
                            settings->checklist_version ? settings->checklist_version : "", error)
         && insert_setting (db, "mode", evident_score_mode_to_string (settings->rules.mode), error)
         && insert_setting (db, "pass-score", pass_score, error)
         && insert_setting (db, "mandatory-penalty", penalty, error)
         && insert_setting (db, "created", created, error);
}

/* The id of the chapter or section @key, inserted on first use with
 * @sql: (position, number, title[, chapter_id]). */
static gint64
ensure_row (EvidentDb   *db,
            GHashTable  *ids,
            const char  *key,
            const char  *sql,
            const char  *number,
            const char  *title,
            gint64       chapter_id,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gpointer found;
  gint64 id;

  if (g_hash_table_lookup_extended (ids, key, NULL, &found))
    return GPOINTER_TO_SIZE (found);

  stmt = evident_db_prepare (db, sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, g_hash_table_size (ids));
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_STATIC);
  if (chapter_id >= 0)
    sqlite3_bind_int64 (stmt, 4, chapter_id);
  if (!evident_db_step_done (db, stmt, error))
    return -1;

  id = evident_db_last_insert_id (db);
  g_hash_table_insert (ids, g_strdup (key), GSIZE_TO_POINTER (id));
  return id;
}

static gboolean
write_entry (EvidentDb                    *db,
             const EvidentChecklistEntry  *entry,
             guint                         position,
             GHashTable                   *chapter_ids,
             GHashTable                   *section_ids,
             GError                      **error)
{
  g_autofree char *section_key = NULL;
  sqlite3_stmt *stmt;
  gint64 chapter_id;
  gint64 section_id = -1;

  chapter_id = ensure_row (db, chapter_ids, entry->chapter,
                           "INSERT INTO chapters (position, number, title) VALUES (?, ?, ?)",
                           entry->chapter,
                           *entry->chapter_title ? entry->chapter_title : entry->chapter, -1,
                           error);
  if (chapter_id < 0)
    return FALSE;

  if (*entry->section != '\0' || *entry->section_title != '\0')
    {
      section_key = g_strconcat (entry->chapter, "\n", entry->section, NULL);
      section_id = ensure_row (db, section_ids, section_key,
                               "INSERT INTO sections (position, number, title, chapter_id)"
                               " VALUES (?, ?, ?, ?)",
                               entry->section, entry->section_title, chapter_id, error);
      if (section_id < 0)
        return FALSE;
    }

  stmt = evident_db_prepare (db,
                             "INSERT INTO items (position, ref, chapter_id, section_id, title,"
                             " requirement, evidence_hint, points, mandatory)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, position);
  sqlite3_bind_text (stmt, 2, entry->ref, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, chapter_id);
  if (section_id >= 0)
    sqlite3_bind_int64 (stmt, 4, section_id);
  sqlite3_bind_text (stmt, 5, entry->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, entry->requirement, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, entry->evidence, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, entry->points);
  sqlite3_bind_int (stmt, 9, entry->mandatory ? 1 : 0);
  return evident_db_step_done (db, stmt, error);
}

static gboolean
write_checklist (EvidentDb                     *db,
                 const EvidentProjectSettings  *settings,
                 GPtrArray                     *entries,
                 GError                       **error)
{
  g_autoptr (GHashTable) chapter_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
  g_autoptr (GHashTable) section_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);

  if (!write_settings (db, settings, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      if (!write_entry (db, g_ptr_array_index (entries, i), i, chapter_ids, section_ids, error))
        return FALSE;
    }
  return TRUE;
}

/* What the CSV reader cannot know: a bound that keeps every sum of points
 * far from overflowing. */
static gboolean
check_entries (GPtrArray  *entries,
               GError    **error)
{
  if (entries->len == 0)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                   _("The checklist has no items"));
      return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const EvidentChecklistEntry *entry = g_ptr_array_index (entries, i);

      if (entry->points >= 0 && entry->points <= EVIDENT_MAX_ITEM_POINTS)
        continue;

      if (entry->line > 0)
        g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                     _("Line %u: item %s is worth %d points; an item is worth 0 to %d points"),
                     entry->line, entry->ref, entry->points, EVIDENT_MAX_ITEM_POINTS);
      else
        g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                     _("Item %s is worth %d points; an item is worth 0 to %d points"),
                     entry->ref, entry->points, EVIDENT_MAX_ITEM_POINTS);
      return FALSE;
    }
  return TRUE;
}

/* Writes the whole file in one transaction, into a temporary file. */
static gboolean
write_project (const char                    *path,
               GFile                         *file,
               const EvidentProjectSettings  *settings,
               GPtrArray                     *entries,
               GError                       **error)
{
  g_autoptr (EvidentDb) db = evident_db_create (path, file, error);

  if (db == NULL)
    return FALSE;

  /* Incremental auto-vacuum, so that cleaning up removed evidence can
   * give the space back; it must be set before the first table. No
   * journal: a failure discards the whole temporary file anyway. */
  if (!evident_db_exec (db, "PRAGMA auto_vacuum = INCREMENTAL; PRAGMA journal_mode = OFF;"
                            "PRAGMA synchronous = OFF",
                        error)
      || !evident_db_begin_write (db, error)
      || !evident_schema_migrate (db, 0, evident_schema_get_version (), error)
      || !write_checklist (db, settings, entries, error)
      || !evident_db_commit (db, error))
    {
      evident_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/**
 * evident_project_create:
 * @file: where the project file goes; nothing may exist there yet
 * @settings: (nullable): title, version and rules
 * @entries: (element-type EvidentChecklistEntry): the checklist
 * @error: return location for an error
 *
 * Writes a new project file in one go: either the complete project is there
 * afterwards, or nothing is. An item may be worth 0 to
 * %EVIDENT_MAX_ITEM_POINTS points.
 *
 * Returns: (transfer full): the project, open (shared)
 */
EvidentProject *
evident_project_create (GFile                        *file,
                        const EvidentProjectSettings *settings,
                        GPtrArray                    *entries,
                        GError                      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *default_title = NULL;
  g_autoptr (EvidentTemporary) tmp = NULL;
  EvidentProjectSettings defaults;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (entries != NULL, NULL);

  name = g_file_get_parse_name (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("“%s” is not a local file"), name);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_EXISTS,
                   _("“%s” already exists; choose another name"), name);
      return NULL;
    }
  if (!check_entries (entries, error))
    return NULL;

  if (settings == NULL)
    evident_project_settings_init (&defaults);
  else
    defaults = *settings;
  if (defaults.title == NULL)
    {
      char *dot;

      default_title = g_file_get_basename (file);
      dot = strrchr (default_title, '.');
      if (dot != NULL && dot != default_title)
        *dot = '\0';
      defaults.title = default_title;
    }

  dir = g_path_get_dirname (path);
  evident_temporary_sweep (dir);

  tmp = evident_temporary_new (path, error);
  if (tmp == NULL
      || !write_project (evident_temporary_get_path (tmp), file, &defaults, entries, error)
      || !evident_temporary_commit (tmp, FALSE, error))
    return NULL;

  /* Its descriptor closed before the project's connection opens: closing
   * it later would drop that connection's locks. */
  g_clear_pointer (&tmp, evident_temporary_free);
  return evident_project_open (file, error);
}

/* For tests: an empty file at an older schema version, to test migrations. */
gboolean
evident_project_create_empty_at_version (GFile   *file,
                                         guint    version,
                                         GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (EvidentDb) db = NULL;

  g_return_val_if_fail (version >= 1 && version <= evident_schema_get_version (), FALSE);

  db = evident_db_create (path, file, error);
  if (db == NULL || !evident_db_begin_write (db, error)
      || !evident_schema_migrate (db, 0, version, error) || !evident_db_commit (db, error))
    return FALSE;
  return TRUE;
}
