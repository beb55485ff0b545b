/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Writing a new project file from a checklist. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "evident-csv.h"
#include "evident-enums-util.h"
#include "evident-enums.h"
#include "evident-history.h"
#include "evident-import.h"
#include "evident-project-private.h"
#include "evident-project-source.h"
#include "evident-revision-store.h"
#include "evident-schema.h"
#include "evident-temporary.h"

/* How often a long creation looks at its cancellable. */
#define CANCEL_CHECK_ENTRIES 256

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

/* The state an item starts with, from what its checklist file says
 * (evident_project_create_from_import() documents the rules). */
typedef struct
{
  EvidentStatus  status;
  char          *owner;
  char          *email;
  const char    *reason;
  char          *due;
} EntryState;

static void
entry_state_clear (EntryState *state)
{
  g_clear_pointer (&state->owner, g_free);
  g_clear_pointer (&state->email, g_free);
  g_clear_pointer (&state->due, g_free);
}

static gboolean
read_entry_state (const EvidentChecklistEntry  *entry,
                  EntryState                   *state,
                  GError                      **error)
{
  const EvidentChecklistState *given = &entry->state;

  state->status = given->has_status ? given->status : EVIDENT_STATUS_NOT_STARTED;
  if (state->status >= EVIDENT_N_STATUSES)
    state->status = EVIDENT_STATUS_NOT_STARTED;
  state->reason = given->reason;
  if (state->status == EVIDENT_STATUS_NOT_APPLICABLE
      && (state->reason == NULL || *state->reason == '\0'))
    state->reason = _("Not applicable according to the imported checklist");

  /* An owner the address of whom cannot be read is still the owner. */
  if (given->owner != NULL
      && !evident_owner_split (given->owner, &state->owner, &state->email, NULL))
    state->owner = g_strstrip (g_strdup (given->owner));

  if (given->due != NULL && *given->due != '\0'
      && !evident_date_normalize (given->due, &state->due))
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                   _("Item %s: “%s” is not a date; write it as YYYY-MM-DD"), entry->ref,
                   given->due);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_item (EvidentDb                    *db,
             const EvidentChecklistEntry  *entry,
             guint                         position,
             gint64                        chapter_id,
             gint64                        section_id,
             const EntryState             *state,
             GError                      **error)
{
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             "INSERT INTO items (position, ref, chapter_id, section_id, title,"
                             " requirement, evidence_hint, points, mandatory, status, owner_id,"
                             " complexity, reason, note, due, response)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                             "         (SELECT id FROM owners WHERE name = ?11),"
                             "         ?12, ?13, ?14, ?15, ?16)",
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
  sqlite3_bind_text (stmt, 10, evident_status_to_string (state->status), -1, SQLITE_STATIC);
  evident_db_bind_text_or_null (stmt, 11, state->owner);
  sqlite3_bind_text (stmt, 12,
                     evident_complexity_to_string (entry->state.complexity < EVIDENT_N_COMPLEXITIES
                                                       ? entry->state.complexity
                                                       : EVIDENT_COMPLEXITY_NONE),
                     -1, SQLITE_STATIC);
  evident_db_bind_text_or_null (stmt, 13, state->reason);
  evident_db_bind_text_or_null (stmt, 14, entry->state.note);
  evident_db_bind_text_or_null (stmt, 15, state->due);
  evident_db_bind_text_or_null (stmt, 16, entry->state.response);
  return evident_db_step_done (db, stmt, error);
}

static gboolean
write_entry (EvidentDb                    *db,
             const EvidentChecklistEntry  *entry,
             guint                         position,
             GHashTable                   *chapter_ids,
             GHashTable                   *section_ids,
             gint64                        workbook_id,
             GError                      **error)
{
  g_autofree char *section_key = NULL;
  EntryState state = { 0 };
  gint64 chapter_id;
  gint64 section_id = -1;
  gint64 item_id;
  gboolean ok;

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

  ok = read_entry_state (entry, &state, error)
       && (state.owner == NULL || *state.owner == '\0'
           || evident_owner_write (db, state.owner, state.email, error))
       && insert_item (db, entry, position, chapter_id, section_id, &state, error);
  entry_state_clear (&state);
  if (!ok)
    return FALSE;

  item_id = evident_db_last_insert_id (db);
  return evident_source_write_extras (db, item_id, entry, error)
         && evident_source_write_place (db, workbook_id, item_id, entry, error);
}

/* The import's layout and mapping, for the record and for an import of
 * the checklist's next version. */
static gboolean
write_import_settings (EvidentDb      *db,
                       EvidentImport  *import,
                       GError        **error)
{
  g_autoptr (GEnumClass) layouts = g_type_class_ref (EVIDENT_TYPE_IMPORT_LAYOUT);
  GEnumValue *layout = g_enum_get_value (layouts, evident_import_get_layout (import));
  EvidentWorkbook *workbook = evident_import_get_workbook (import);

  if (!insert_setting (db, "import-layout", layout->value_nick, error))
    return FALSE;
  if (workbook != NULL
      && !insert_setting (db, "import-file", evident_workbook_get_display_name (workbook), error))
    return FALSE;

  for (guint i = 0; i < evident_import_get_n_sheets (import); i++)
    {
      g_autoptr (EvidentImportMapping) mapping = NULL;
      g_autofree char *text = NULL;

      if (evident_import_get_sheet_status (import, i) != EVIDENT_IMPORT_SHEET_USED)
        continue;
      mapping = evident_import_dup_mapping (import, i);
      text = evident_import_mapping_to_string (mapping);
      return insert_setting (db, "import-mapping", text, error);
    }
  return TRUE;
}

typedef struct
{
  const EvidentProjectSettings *settings;
  GPtrArray                    *entries;
  EvidentImport                *import; /* nullable */
  GCancellable                 *cancellable;
} Checklist;

static gboolean
write_checklist (EvidentDb        *db,
                 const Checklist  *checklist,
                 GError          **error)
{
  g_autoptr (GHashTable) chapter_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
  g_autoptr (GHashTable) section_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
  GPtrArray *entries = checklist->entries;
  gint64 workbook_id = 0;

  if (!write_settings (db, checklist->settings, error))
    return FALSE;
  if (checklist->import != NULL
      && (!write_import_settings (db, checklist->import, error)
          || (workbook_id = evident_source_write_workbook (db, checklist->import, error)) < 0))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      if (i % CANCEL_CHECK_ENTRIES == 0
          && g_cancellable_set_error_if_cancelled (checklist->cancellable, error))
        return FALSE;
      if (!write_entry (db, g_ptr_array_index (entries, i), i, chapter_ids, section_ids,
                        workbook_id, error))
        return FALSE;
    }
  return !g_cancellable_set_error_if_cancelled (checklist->cancellable, error)
         && evident_revision_store_record_initial (db, error);
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
write_project (const char       *path,
               GFile            *file,
               const Checklist  *checklist,
               GError          **error)
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
      || !write_checklist (db, checklist, error)
      || !evident_db_commit (db, error))
    {
      evident_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* Writes a new project file in one go, from @entries and, when they come
 * from one, the import. */
static EvidentProject *
create_project (GFile                         *file,
                const EvidentProjectSettings  *settings,
                GPtrArray                     *entries,
                EvidentImport                 *import,
                GCancellable                  *cancellable,
                GError                       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *default_title = NULL;
  g_autoptr (EvidentTemporary) tmp = NULL;
  EvidentProjectSettings defaults;
  Checklist checklist = { &defaults, entries, import, cancellable };

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
  if (import != NULL && !defaults.override_mode)
    defaults.rules.mode = evident_import_get_mode (import);

  dir = g_path_get_dirname (path);
  evident_temporary_sweep (dir);

  tmp = evident_temporary_new (path, error);
  if (tmp == NULL
      || !write_project (evident_temporary_get_path (tmp), file, &checklist, error)
      || !evident_temporary_commit (tmp, FALSE, error))
    return NULL;

  /* Its descriptor closed before the project's connection opens: closing
   * it later would drop that connection's locks. */
  g_clear_pointer (&tmp, evident_temporary_free);
  return evident_project_open (file, error);
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
 * %EVIDENT_MAX_ITEM_POINTS points. The entries' extra fields and state
 * come along as evident_project_create_from_import() describes; their
 * places in a workbook do not (no workbook is kept).
 *
 * Returns: (transfer full): the project, open (shared)
 */
EvidentProject *
evident_project_create (GFile                        *file,
                        const EvidentProjectSettings *settings,
                        GPtrArray                    *entries,
                        GError                      **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (entries != NULL, NULL);

  return create_project (file, settings, entries, NULL, NULL, error);
}

/**
 * evident_project_create_from_import:
 * @file: where the project file goes; nothing may exist there yet
 * @settings: (nullable): title, version and rules; the scoring mode is the
 *   import's (evident_import_get_mode()) unless @settings->override_mode
 * @import: an import without problems (evident_import_check())
 * @cancellable: (nullable): gives up, leaving nothing behind
 * @error: return location for an error
 *
 * Creates a project from a checklist file as the import reads it, in one
 * go: either the complete project is there afterwards, or nothing is. An
 * import with problems is refused with the first of them
 * (%EVIDENT_IMPORT_ERROR, its message naming the place).
 *
 * Each item gets its extra fields, and the state the file gives it:
 *
 * - the status from a status column (Jira's "In Progress", "Done", "Won't
 *   Do", Evident's own spellings), else from a "Met?" answer: "Yes" is met,
 *   "No" is not met (the partner says it is not), "N/A" is not applicable;
 *   an empty answer leaves the item not started. Not applicable without a
 *   reason gets "Not applicable according to the imported checklist";
 * - the response ("Partner Response"), note, reason, complexity and due
 *   date;
 * - the owner (Jira's assignee): "Name <address>" or a bare address records
 *   the address too.
 *
 * The initial state is not an edit: there is nothing to undo. A workbook
 * is kept in the project (its bytes, file name and layout) with each
 * item's sheet and row and each sheet's "Met?" and "Partner Response"
 * columns, so that the self-assessment can be handed in from any copy of
 * the project; the layout and the first used sheet's mapping are kept as
 * the settings `import-layout` and `import-mapping`.
 *
 * Runs in the calling thread; the import's preview is built if it is not.
 *
 * Returns: (transfer full): the project, open (shared)
 */
EvidentProject *
evident_project_create_from_import (GFile                         *file,
                                    const EvidentProjectSettings  *settings,
                                    EvidentImport                 *import,
                                    GCancellable                  *cancellable,
                                    GError                       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (EVIDENT_IS_IMPORT (import), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (!evident_import_check (import, error))
    return NULL;
  return create_project (file, settings, evident_import_get_entries (import), import,
                         cancellable, error);
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
