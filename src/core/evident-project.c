/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "evident-audit-private.h"
#include "evident-blob-store.h"
#include "evident-chapter-private.h"
#include "evident-csv.h"
#include "evident-enums-util.h"
#include "evident-evidence-store-private.h"
#include "evident-item-private.h"
#include "evident-plan-settings-private.h"
#include "evident-project-private.h"
#include "evident-project-source.h"
#include "evident-revision-store.h"
#include "evident-schema.h"
#include "evident-scoring-private.h"
#include "evident-temporary.h"

struct _EvidentProject
{
  GObject       parent_instance;

  GFile        *file;
  char         *path;
  char         *name;          /* for messages */
  EvidentDb    *db;            /* NULL once closed */
  guint         version;       /* the file's schema version (older when inspected) */
  GError       *load_error;    /* an inspected project that did not load */

  char         *title;
  char         *checklist_version;
  EvidentRules  rules;
  EvidentPlanSettings plan_settings;

  GListStore   *items;
  GPtrArray    *item_array;    /* the same items, for scoring */
  GListStore   *chapters;
  GHashTable   *items_by_ref;
  GHashTable   *items_by_id;
  EvidentScore *score;

  guint         read_only : 1;
  guint         can_undo : 1;
  guint         can_redo : 1;
  guint         score_dirty : 1;
};

G_DEFINE_FINAL_TYPE (EvidentProject, evident_project, G_TYPE_OBJECT)
G_DEFINE_QUARK (evident-project-error-quark, evident_project_error)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  EVIDENCE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The score, and the chapters' numbers with it, is computed when asked for
 * after a change rather than in every edit, so that an edit's commit stays
 * short when nobody is looking at the score. */
static void
ensure_score (EvidentProject *self)
{
  guint n_chapters = g_list_model_get_n_items (G_LIST_MODEL (self->chapters));

  if (self->score != NULL && !self->score_dirty)
    return;
  self->score_dirty = FALSE;

  g_clear_pointer (&self->score, evident_score_free);
  self->score = evident_score_compute_array (&self->rules, G_LIST_MODEL (self->chapters),
                                             (EvidentItem **) self->item_array->pdata,
                                             self->item_array->len);

  for (guint i = 0; i < n_chapters && i < self->score->chapters->len; i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (G_LIST_MODEL (self->chapters),
                                                                  i);

      evident_chapter_update (chapter,
                              &g_array_index (self->score->chapters, EvidentChapterScore, i));
    }
}

static void
update_undo_state (EvidentProject *self)
{
  gboolean can_undo = FALSE;
  gboolean can_redo = FALSE;

  if (self->db != NULL && self->load_error == NULL)
    evident_history_get_undo_state (self->db, &can_undo, &can_redo);

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
}

static gboolean
set_damaged_error (EvidentProject  *self,
                   const char      *detail,
                   GError         **error)
{
  g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_DAMAGED,
               _("“%s” is damaged and cannot be read (%s)"), self->name, detail);
  return FALSE;
}

/* Loading */

static gboolean
load_settings (EvidentProject  *self,
               GError         **error)
{
  sqlite3_stmt *stmt = evident_db_prepare (self->db, "SELECT key, value FROM project", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  self->rules.mode = EVIDENT_SCORE_MODE_POINTS;
  self->rules.pass_score = EVIDENT_DEFAULT_PASS_SCORE;
  self->rules.mandatory_penalty = EVIDENT_DEFAULT_MANDATORY_PENALTY;
  evident_plan_settings_init (&self->plan_settings);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = evident_db_column_text (stmt, 0);
      const char *value = evident_db_column_text (stmt, 1);

      if (g_str_equal (key, "title"))
        {
          g_free (self->title);
          self->title = g_strdup (value);
        }
      else if (g_str_equal (key, "checklist-version"))
        {
          g_free (self->checklist_version);
          self->checklist_version = g_strdup (value);
        }
      else if (g_str_equal (key, "mode"))
        evident_score_mode_from_string (value, &self->rules.mode);
      else if (g_str_equal (key, "pass-score"))
        self->rules.pass_score = atoi (value);
      else if (g_str_equal (key, "mandatory-penalty"))
        self->rules.mandatory_penalty = atoi (value);
      else
        evident_plan_settings_load_key (&self->plan_settings, key, value);
    }
  if (!evident_db_step_end (self->db, stmt, rc, error))
    return FALSE;

  if (self->title == NULL)
    self->title = g_file_get_basename (self->file);
  if (self->checklist_version == NULL)
    self->checklist_version = g_strdup ("");
  return TRUE;
}

/* The chapters that hold items of the checklist, in order (a revision
 * keeps the chapters of earlier versions for the items it archived). */
static gboolean
load_chapters (EvidentProject  *self,
               GPtrArray       *chapters,
               GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = evident_db_prepare (self->db,
                             self->version >= EVIDENT_REVISION_SCHEMA_VERSION
                                 ? "SELECT number, title FROM chapters c"
                                   " WHERE EXISTS (SELECT 1 FROM items i"
                                   "                WHERE i.chapter_id = c.id AND i.active)"
                                   " ORDER BY position"
                                 : "SELECT number, title FROM chapters ORDER BY position",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (chapters, evident_chapter_new (evident_db_column_text (stmt, 0),
                                                    evident_db_column_text (stmt, 1)));
  return evident_db_step_end (self->db, stmt, rc, error);
}

/* An item from a row of the query in load_items(), or NULL when the row
 * says that the file is damaged: no item is left out silently. */
static EvidentItem *
item_from_row (EvidentProject  *self,
               sqlite3_stmt    *stmt,
               GError         **error)
{
  g_autoptr (EvidentItem) item = NULL;
  const char *ref = evident_db_column_text (stmt, 1);
  EvidentStatus status;
  EvidentComplexity complexity;

  if (evident_db_column_is_null (stmt, 2))
    {
      g_autofree char *detail = g_strdup_printf (
          _("Item %s belongs to a chapter that does not exist"), ref);

      set_damaged_error (self, detail, error);
      return NULL;
    }
  if (!evident_status_from_string (evident_db_column_text (stmt, 10), &status)
      || !evident_complexity_from_string (evident_db_column_text (stmt, 12), &complexity))
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_DAMAGED,
                   _("“%s” is damaged: item %s has an unknown status or complexity"), self->name,
                   ref);
      return NULL;
    }

  item = evident_item_new (sqlite3_column_int64 (stmt, 0), ref, evident_db_column_text (stmt, 2),
                           evident_db_column_text (stmt, 3), evident_db_column_text (stmt, 4),
                           evident_db_column_text (stmt, 5), evident_db_column_text (stmt, 6),
                           evident_db_column_text (stmt, 7), sqlite3_column_int (stmt, 8),
                           sqlite3_column_int (stmt, 9));
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_STATUS, evident_db_column_text (stmt, 10));
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_OWNER, evident_db_column_text (stmt, 11));
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_COMPLEXITY, evident_db_column_text (stmt, 12));
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_REASON, evident_db_column_text (stmt, 13));
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_NOTE, evident_db_column_text (stmt, 14));
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_DUE, evident_db_column_text (stmt, 15));
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_RESPONSE, evident_db_column_text (stmt, 16));
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_ESTIMATE, evident_db_column_text (stmt, 17));
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_RECHECK, evident_db_column_text (stmt, 18));
  return g_steal_pointer (&item);
}

/* The checklist as the file has it: the chapters and the items in it, in
 * order, with their extra fields; @by_id gets the items by id. */
static gboolean
read_checklist (EvidentProject  *self,
                GPtrArray       *items,
                GPtrArray       *chapters,
                GHashTable      *by_id,
                GError         **error)
{
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  if (!load_chapters (self, chapters, error))
    return FALSE;

#define ITEMS_SELECT(columns, where)                                                               \
  "SELECT i.id, i.ref, c.number, s.number, s.title, i.title,"                                      \
  "       i.requirement, i.evidence_hint, i.points, i.mandatory,"                                  \
  "       i.status, o.name, i.complexity, i.reason, i.note, i.due, " columns                      \
  "  FROM items i"                                                                                 \
  "  LEFT JOIN chapters c ON c.id = i.chapter_id"                                                  \
  "  LEFT JOIN sections s ON s.id = i.section_id"                                                  \
  "  LEFT JOIN owners o ON o.id = i.owner_id" where                                                \
  " ORDER BY i.position"
  /* An older file is only loaded to be inspected: it has no responses
   * before schema 4, no estimates before schema 6, no re-checks before
   * schema 7, when every item is in its checklist. */
  stmt = evident_db_prepare (
      self->db,
      self->version >= EVIDENT_REVISION_SCHEMA_VERSION
          ? ITEMS_SELECT ("i.response, i.estimate, i.recheck", " WHERE i.active")
      : self->version >= EVIDENT_PLAN_SCHEMA_VERSION
          ? ITEMS_SELECT ("i.response, i.estimate, NULL", "")
      : self->version >= EVIDENT_SOURCE_SCHEMA_VERSION ? ITEMS_SELECT ("i.response, NULL, NULL", "")
                                                       : ITEMS_SELECT ("NULL, NULL, NULL", ""),
      error);
#undef ITEMS_SELECT
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvidentItem *item = item_from_row (self, stmt, error);

      if (item == NULL)
        return FALSE;
      g_ptr_array_add (items, item);
      g_hash_table_insert (by_id, GINT_TO_POINTER (evident_item_get_id (item)), item);
    }
  if (!evident_db_step_end (self->db, stmt, rc, error))
    return FALSE;

  return self->version < EVIDENT_SOURCE_SCHEMA_VERSION
         || evident_source_load_extras (self->db, by_id, error);
}

/* Makes @items and @chapters the project's, in place of what it had. */
static void
install_checklist (EvidentProject *self,
                   GPtrArray      *items,
                   GPtrArray      *chapters)
{
  g_hash_table_remove_all (self->items_by_ref);
  g_hash_table_remove_all (self->items_by_id);
  for (guint i = 0; i < items->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (items, i);

      g_hash_table_insert (self->items_by_ref, (gpointer) evident_item_get_ref (item), item);
      g_hash_table_insert (self->items_by_id, GINT_TO_POINTER (evident_item_get_id (item)), item);
    }

  g_list_store_splice (self->chapters, 0, g_list_model_get_n_items (G_LIST_MODEL (self->chapters)),
                       chapters->pdata, chapters->len);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  g_clear_pointer (&self->item_array, g_ptr_array_unref);
  self->item_array = g_ptr_array_ref (items);
}

static gboolean
load_items (EvidentProject  *self,
            GError         **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) chapters = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) by_id = g_hash_table_new (NULL, NULL);

  if (!read_checklist (self, items, chapters, by_id, error))
    return FALSE;
  install_checklist (self, items, chapters);
  return TRUE;
}

static gboolean
load (EvidentProject  *self,
      GError         **error)
{
  if (!evident_db_begin_read (self->db, error))
    return FALSE;
  if (!load_settings (self, error) || !load_items (self, error)
      || !evident_audit_load (self, error))
    {
      evident_db_rollback (self->db);
      return FALSE;
    }
  return evident_db_commit (self->db, error);
}

/* GObject */

static void
evident_project_dispose (GObject *object)
{
  EvidentProject *self = EVIDENT_PROJECT (object);

  evident_project_close (self);

  G_OBJECT_CLASS (evident_project_parent_class)->dispose (object);
}

static void
evident_project_finalize (GObject *object)
{
  EvidentProject *self = EVIDENT_PROJECT (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_error (&self->load_error);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->checklist_version, g_free);
  g_clear_pointer (&self->items_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->items_by_id, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_pointer (&self->item_array, g_ptr_array_unref);
  g_clear_object (&self->chapters);
  g_clear_pointer (&self->score, evident_score_free);

  G_OBJECT_CLASS (evident_project_parent_class)->finalize (object);
}

static void
evident_project_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EvidentProject *self = EVIDENT_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_project_class_init (EvidentProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = evident_project_dispose;
  object_class->finalize = evident_project_finalize;
  object_class->get_property = evident_project_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  /**
   * EvidentProject:read-only:
   *
   * Whether the project was opened read-only, asked to or because its file
   * or folder cannot be written: every edit fails with
   * %EVIDENT_PROJECT_ERROR_READ_ONLY. It does not change while open.
   */
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentProject::changed:
   *
   * Emitted after every edit, undo and redo (of items and of evidence),
   * and after the plan settings change, once the items, the chapters and
   * the score are up to date.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * EvidentProject::evidence-changed:
   * @project: the project
   * @evidence: the id of the evidence (see evident_evidence_get_id())
   *
   * Emitted when an edit, an undo or a redo added, removed, restored,
   * renamed or re-kinded a piece of evidence, before #EvidentProject::changed.
   * The evidence store's objects and lists follow it.
   */
  signals[EVIDENCE_CHANGED] = g_signal_new ("evidence-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                            1, G_TYPE_INT64);
}

static void
evident_project_init (EvidentProject *self)
{
  self->items = g_list_store_new (EVIDENT_TYPE_ITEM);
  self->item_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->chapters = g_list_store_new (EVIDENT_TYPE_CHAPTER);
  self->items_by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  self->items_by_id = g_hash_table_new (NULL, NULL);
}

/* Opening */

/* What a quick look finds wrong, before anything is written: a damaged
 * project is refused and left as it is. */
static gboolean
refuse_damaged (EvidentProject  *self,
                GError         **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  if (!evident_db_find_problems (self->db, TRUE, problems, error))
    return FALSE;
  if (problems->len > 0)
    return set_damaged_error (self, g_ptr_array_index (problems, 0), error);
  return TRUE;
}

/* A copy of the project as it is, beside it, before a migration. */
static gboolean
back_up (EvidentProject  *self,
         const char      *path,
         GError         **error)
{
  g_autoptr (EvidentDb) reader = NULL;
  g_autoptr (EvidentTemporary) tmp = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);

  reader = evident_project_open_connection (self, FALSE, error);
  tmp = reader != NULL ? evident_temporary_new (path, error) : NULL;
  return tmp != NULL
         && evident_db_backup (reader, evident_temporary_get_path (tmp), file, NULL, NULL, error)
         && evident_temporary_commit (tmp, TRUE, error);
}

/* Upgrades an older project, after a backup beside it
 * (NAME.evident.vN.bak), in one write transaction: another Evident opening
 * the same file at the same time waits, then finds it upgraded. */
static gboolean
migrate (EvidentProject  *self,
         GError         **error)
{
  g_autofree char *backup = NULL;
  gint64 version = 0;

  if (!evident_db_begin_write (self->db, error))
    return FALSE;
  if (!evident_db_query_int64 (self->db, "PRAGMA user_version", &version, error))
    goto failed;
  if (version >= evident_schema_get_version ())
    return evident_db_commit (self->db, error);

  backup = g_strdup_printf ("%s.v%u.bak", self->path, (guint) version);
  if (!back_up (self, backup, error))
    goto failed;
  if (!evident_schema_migrate (self->db, version, evident_schema_get_version (), error)
      || !evident_db_commit (self->db, error))
    {
      g_unlink (backup);
      goto failed;
    }

  g_debug ("Migrated %s from schema %u to %u, backup in %s", self->path, (guint) version,
           evident_schema_get_version (), backup);
  return TRUE;

failed:
  evident_db_rollback (self->db);
  return FALSE;
}

static gboolean
open_database (EvidentProject           *self,
               EvidentProjectOpenFlags   flags,
               GError                  **error)
{
  gboolean inspect = (flags & EVIDENT_PROJECT_OPEN_INSPECT) != 0;
  gboolean writable = (flags & EVIDENT_PROJECT_OPEN_ASSUME_UNWRITABLE) == 0
                      && evident_file_lock_may_write (self->path);
  EvidentFileLockMode lock_mode = EVIDENT_FILE_LOCK_NONE;
  EvidentDbFlags db_flags = EVIDENT_DB_DEFAULT;
  guint version = 0;

  self->read_only = inspect || (flags & EVIDENT_PROJECT_OPEN_READ_ONLY) || !writable;
  if (self->read_only)
    db_flags |= EVIDENT_DB_READ_ONLY | (writable ? 0 : EVIDENT_DB_IMMUTABLE);
  else
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      lock_mode = (flags & EVIDENT_PROJECT_OPEN_EXCLUSIVE) ? EVIDENT_FILE_LOCK_EXCLUSIVE
                                                           : EVIDENT_FILE_LOCK_SHARED;
      evident_temporary_sweep (dir);
    }

  /* Header, then a quick check, then a backup and the migrations, then
   * loading: nothing is written before the file has proven sound, and
   * nothing is read into objects before it is current. */
  self->db = evident_db_open (self->file, lock_mode, db_flags, &version, error);
  if (self->db == NULL || (!inspect && !refuse_damaged (self, error)))
    return FALSE;
  self->version = inspect ? version : evident_schema_get_version ();

  if (version < evident_schema_get_version () && !inspect)
    {
      if (self->read_only)
        {
          g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_READ_ONLY,
                       _("“%s” was saved by an older version of Evident and is read-only, so it "
                         "cannot be upgraded; copy it to a folder you can write to"),
                       self->name);
          return FALSE;
        }
      if (!migrate (self, error))
        return FALSE;
    }

  if (!self->read_only
      && !evident_db_exec (self->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL",
                           error))
    return FALSE;

  if (!load (self, inspect ? &self->load_error : error))
    return inspect;
  return TRUE;
}

/**
 * evident_project_open_full:
 * @file: a project file
 * @flags: how to open it
 * @error: return location for an error
 *
 * Opens a project: checks that the file is a project of ours (without
 * SQLite), that its tables are sound (a quick check of everything but the
 * evidence bytes, and of the foreign keys), backs up and upgrades an older
 * file, and loads it. Refuses anything else, leaving the file as it was,
 * byte for byte: a file that is not a project, a damaged one
 * (%EVIDENT_PROJECT_ERROR_DAMAGED), one from a newer Evident, one the
 * application holds (%EVIDENT_PROJECT_ERROR_BUSY). A project whose file or
 * folder cannot be written opens read-only, with nothing created beside it.
 *
 * Returns: (transfer full): the project
 */
EvidentProject *
evident_project_open_full (GFile                    *file,
                           EvidentProjectOpenFlags   flags,
                           GError                  **error)
{
  g_autoptr (EvidentProject) self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (EVIDENT_TYPE_PROJECT, NULL);
  self->file = g_object_ref (file);
  self->path = g_file_get_path (file);
  self->name = g_file_get_parse_name (file);

  if (!open_database (self, flags, error))
    return NULL;

  ensure_score (self);
  update_undo_state (self);

  return g_steal_pointer (&self);
}

/**
 * evident_project_open:
 * @file: a project file
 * @error: return location for an error
 *
 * evident_project_open_full() with %EVIDENT_PROJECT_OPEN_DEFAULT: shared
 * read-write.
 *
 * Returns: (transfer full): the project
 */
EvidentProject *
evident_project_open (GFile   *file,
                      GError **error)
{
  return evident_project_open_full (file, EVIDENT_PROJECT_OPEN_DEFAULT, error);
}

/* Closing */

/**
 * evident_project_close:
 * @self: a project
 *
 * Closes the project file at once; the objects stay readable but edits
 * fail. Does no clean-up: see evident_project_close_async().
 */
void
evident_project_close (EvidentProject *self)
{
  g_return_if_fail (EVIDENT_IS_PROJECT (self));

  g_clear_pointer (&self->db, evident_db_close);
}

static void
close_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  EvidentDb *db = g_object_steal_data (G_OBJECT (task), "db");
  EvidentBlobStore *blobs = task_data;
  GError *error = NULL;
  gboolean ok;

  ok = evident_blob_store_cleanup (blobs, db, FALSE, NULL, NULL, cancellable, &error)
       && evident_db_vacuum (db, cancellable, &error);
  /* The file let go of, and its lock, before the caller hears of it. */
  evident_db_task_return (task, &db, ok, error);
}

/**
 * evident_project_close_async:
 * @self: a project
 * @cancellable: (nullable): stops the clean-up (the project closes anyway)
 * @callback: called when the clean-up is done and the file let go of
 * @user_data: data for @callback
 *
 * Closes the project at once, as evident_project_close() does, then
 * cleans up in a worker thread on a connection of its own: evidence whose
 * removal can no longer be undone, stored files no evidence uses, what an
 * addition cut short left; then gives free space back, in short steps.
 * Other programs may write between the steps. The file stays locked until
 * @callback runs. A read-only project only closes.
 */
void
evident_project_close_async (EvidentProject      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  EvidentBlobStore *blobs;
  EvidentDb *db;

  g_return_if_fail (EVIDENT_IS_PROJECT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_project_close_async);
  g_task_set_name (task, "[evident] close project");

  if (self->db == NULL || self->read_only)
    {
      evident_project_close (self);
      g_task_return_boolean (task, TRUE);
      return;
    }

  db = evident_project_open_connection (self, TRUE, &error);
  evident_project_close (self);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  blobs = evident_evidence_store_peek_blob_store (self);
  g_task_set_task_data (task, blobs != NULL ? evident_blob_store_ref (blobs) : NULL,
                        (GDestroyNotify) evident_blob_store_unref);
  g_object_set_data_full (G_OBJECT (task), "db", db, (GDestroyNotify) evident_db_close);
  g_task_run_in_thread (task, close_thread);
}

gboolean
evident_project_close_finish (EvidentProject  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
ensure_open (EvidentProject  *self,
             GError         **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("“%s” is closed"), self->name);
      return FALSE;
    }
  return TRUE;
}

/* Reading */

GFile *
evident_project_get_file (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  return self->file;
}

gboolean
evident_project_get_read_only (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  return self->read_only;
}

const char *
evident_project_get_title (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  return self->title;
}

const char *
evident_project_get_checklist_version (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  return self->checklist_version;
}

const EvidentRules *
evident_project_get_rules (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  return &self->rules;
}

gint64
evident_project_get_max_score (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), 0);
  ensure_score (self);
  return self->score->max_score;
}

/**
 * evident_project_get_items:
 *
 * Returns: (transfer none): the items (#EvidentItem) in checklist order
 */
GListModel *
evident_project_get_items (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * evident_project_get_chapters:
 *
 * Returns: (transfer none): the chapters (#EvidentChapter) in checklist order
 */
GListModel *
evident_project_get_chapters (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  ensure_score (self);
  return G_LIST_MODEL (self->chapters);
}

EvidentItem *
evident_project_lookup_item (EvidentProject *self,
                             const char     *ref)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);
  return g_hash_table_lookup (self->items_by_ref, ref);
}

const EvidentScore *
evident_project_get_score (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  ensure_score (self);
  return self->score;
}

/* Editing */

static void
emit_changed (EvidentProject *self)
{
  self->score_dirty = TRUE;
  update_undo_state (self);
  /* Exemptions, sessions and findings follow the edit, undo or redo. */
  evident_audit_sync (self);
  /* Listeners get an up-to-date score and chapters; without any (the
   * command line), scoring waits until asked for. */
  if (g_signal_has_handler_pending (self, signals[CHANGED], 0, FALSE))
    ensure_score (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* After a commit: the objects take the new values; the evidence store
 * hears of its evidence; then everyone of the change. */
static void
apply_edits (EvidentProject *self,
             GArray         *edits)
{
  g_autoptr (GArray) evidence = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < edits->len; i++)
    {
      EvidentEdit *edit = &g_array_index (edits, EvidentEdit, i);

      if (edit->field < EVIDENT_N_ITEM_FIELDS)
        evident_item_set_field (edit->item, edit->field, edit->new_value);
      else if (evidence->len == 0
               || g_array_index (evidence, gint64, evidence->len - 1) != edit->evidence)
        g_array_append_val (evidence, edit->evidence);
    }

  for (guint i = 0; i < evidence->len; i++)
    g_signal_emit (self, signals[EVIDENCE_CHANGED], 0, g_array_index (evidence, gint64, i));
  emit_changed (self);
}

/**
 * evident_project_commit_edits:
 * @self: a project
 * @edits: (element-type EvidentEdit): the edit, one entry per field
 * @prepare: (nullable): runs first inside the edit's transaction
 * @prepare_data: data for @prepare
 * @error: return location for an error
 *
 * The one way an edit reaches the file: one transaction, one change and
 * its history rows, one step to undo; then the objects and the signals.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_project_commit_edits (EvidentProject          *self,
                              GArray                  *edits,
                              EvidentEditPrepareFunc   prepare,
                              gpointer                 prepare_data,
                              GError                 **error)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);

  if (!ensure_open (self, error)
      || !evident_history_commit (self->db, "edit", edits, -1, EVIDENT_CHANGE_DONE, prepare,
                                  prepare_data, error))
    return FALSE;

  apply_edits (self, edits);
  return TRUE;
}

/* Fills @pending with the fields of @changes that really change; @final
 * gets each field's value after the edit. */
static gboolean
collect_item_edits (EvidentItem              *item,
                    const EvidentItemChange  *changes,
                    guint                     n_changes,
                    GArray                   *pending,
                    const char              **final,
                    GError                  **error)
{
  for (guint f = 0; f < EVIDENT_N_ITEM_FIELDS; f++)
    final[f] = evident_item_get_field (item, f);

  for (guint i = 0; i < n_changes; i++)
    {
      EvidentItemField field = changes[i].field;
      g_autofree char *value = NULL;

      if (!evident_edit_normalize (item, field, changes[i].value, &value, error))
        return FALSE;

      /* A field named twice: the last value wins. */
      for (guint j = 0; j < pending->len; j++)
        {
          if (g_array_index (pending, EvidentEdit, j).field == field)
            {
              g_array_remove_index (pending, j);
              break;
            }
        }

      if (g_str_equal (value, evident_item_get_field (item, field)))
        {
          final[field] = evident_item_get_field (item, field);
          continue;
        }

      evident_edits_add (pending, item, 0, field, evident_item_get_field (item, field), value);
      final[field] = g_array_index (pending, EvidentEdit, pending->len - 1).new_value;
    }
  return TRUE;
}

static gboolean
names_field (const EvidentItemChange *changes,
             guint                    n_changes,
             EvidentItemField         field)
{
  for (guint i = 0; i < n_changes; i++)
    {
      if (changes[i].field == field)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  const char *name;
  const char *email;
} OwnerEmail;

/* Inside an edit's transaction: the new owner's address. */
static gboolean
write_owner_email (EvidentDb  *db,
                   GArray     *edits,
                   gpointer    user_data,
                   GError    **error)
{
  OwnerEmail *data = user_data;

  return evident_owner_write (db, data->name, data->email, error);
}

/**
 * evident_project_update_item:
 * @self: a project
 * @item: one of its items
 * @changes: (array length=n_changes): new field values
 * @n_changes: the number of @changes
 * @error: return location for an error
 *
 * Saves an edit of one item: one transaction and one history row per field
 * that really changes. An item is only not applicable with a reason. An
 * owner written "Name <name@example.com>" (or as a bare address) records
 * the address for that owner too (evident_project_set_owner_email()); the
 * field holds the name.
 *
 * Returns: %TRUE when saved (or nothing changed)
 */
gboolean
evident_project_update_item (EvidentProject          *self,
                             EvidentItem             *item,
                             const EvidentItemChange *changes,
                             guint                    n_changes,
                             GError                 **error)
{
  g_autoptr (GArray) pending = evident_edits_new ();
  g_autofree EvidentItemChange *copy = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *owner = NULL;
  g_autofree char *email = NULL;
  const char *final[EVIDENT_N_ITEM_FIELDS] = { 0 };
  EvidentStatus status;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), FALSE);
  g_return_val_if_fail (changes != NULL || n_changes == 0, FALSE);
  for (guint i = 0; i < n_changes; i++)
    g_return_val_if_fail (changes[i].field < EVIDENT_N_ITEM_FIELDS, FALSE);

  if (!ensure_open (self, error))
    return FALSE;
  if (g_hash_table_lookup (self->items_by_id, GINT_TO_POINTER (evident_item_get_id (item)))
      != item)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NO_SUCH_ITEM,
                   _("Item %s is not part of this project"), evident_item_get_ref (item));
      return FALSE;
    }

  /* Setting the status is a decision about the item: it settles a re-check. */
  if (evident_item_get_needs_recheck (item) && names_field (changes, n_changes,
                                                            EVIDENT_ITEM_FIELD_STATUS)
      && !names_field (changes, n_changes, EVIDENT_ITEM_FIELD_RECHECK))
    {
      copy = g_new (EvidentItemChange, n_changes + 1);
      memcpy (copy, changes, n_changes * sizeof *changes);
      copy[n_changes++] = (EvidentItemChange) { EVIDENT_ITEM_FIELD_RECHECK, "" };
      changes = copy;
    }

  /* "Name <address>": the name is the field, the address the owner's. */
  for (guint i = 0; i < n_changes; i++)
    {
      char *name;

      if (changes[i].field != EVIDENT_ITEM_FIELD_OWNER)
        continue;
      if (copy == NULL)
        changes = copy = g_memdup2 (changes, n_changes * sizeof *changes);
      g_clear_pointer (&email, g_free);
      if (!evident_owner_split (changes[i].value, &name, &email, error))
        return FALSE;
      g_ptr_array_add (names, name);
      copy[i].value = owner = name;
    }

  if (!collect_item_edits (item, changes, n_changes, pending, final, error))
    return FALSE;

  evident_status_from_string (final[EVIDENT_ITEM_FIELD_STATUS], &status);
  if (status == EVIDENT_STATUS_NOT_APPLICABLE && *final[EVIDENT_ITEM_FIELD_REASON] == '\0')
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                   _("Item %s can only be not applicable with a reason; give one"),
                   evident_item_get_ref (item));
      return FALSE;
    }

  if (email != NULL && *owner != '\0')
    {
      OwnerEmail data = { owner, email };

      if (pending->len == 0)
        return evident_project_set_owner_email (self, owner, email, error);
      return evident_project_commit_edits (self, pending, write_owner_email, &data, error);
    }
  if (pending->len == 0)
    return TRUE;
  return evident_project_commit_edits (self, pending, NULL, NULL, error);
}

gboolean
evident_project_set_status (EvidentProject  *self,
                            EvidentItem     *item,
                            EvidentStatus    status,
                            const char      *reason,
                            GError         **error)
{
  EvidentItemChange changes[] = {
    { EVIDENT_ITEM_FIELD_STATUS, evident_status_to_string (status) },
    { EVIDENT_ITEM_FIELD_REASON, reason },
  };

  return evident_project_update_item (self, item, changes, reason != NULL ? 2 : 1, error);
}

gboolean
evident_project_set_owner (EvidentProject  *self,
                           EvidentItem     *item,
                           const char      *owner,
                           GError         **error)
{
  EvidentItemChange change = { EVIDENT_ITEM_FIELD_OWNER, owner };

  return evident_project_update_item (self, item, &change, 1, error);
}

gboolean
evident_project_set_complexity (EvidentProject     *self,
                                EvidentItem        *item,
                                EvidentComplexity   complexity,
                                GError            **error)
{
  EvidentItemChange change = {
    EVIDENT_ITEM_FIELD_COMPLEXITY,
    evident_complexity_to_string (complexity),
  };

  return evident_project_update_item (self, item, &change, 1, error);
}

gboolean
evident_project_set_note (EvidentProject  *self,
                          EvidentItem     *item,
                          const char      *note,
                          GError         **error)
{
  EvidentItemChange change = { EVIDENT_ITEM_FIELD_NOTE, note };

  return evident_project_update_item (self, item, &change, 1, error);
}

/**
 * evident_project_set_response:
 * @self: a project
 * @item: one of its items
 * @response: (nullable): the answer for the auditor; %NULL or "" clears it
 * @error: return location for an error
 *
 * Saves the item's response (%EVIDENT_ITEM_FIELD_RESPONSE): an edit with
 * its history row, undone like any other. White space is kept as typed.
 *
 * Returns: %TRUE when saved (or nothing changed)
 */
gboolean
evident_project_set_response (EvidentProject  *self,
                              EvidentItem     *item,
                              const char      *response,
                              GError         **error)
{
  EvidentItemChange change = { EVIDENT_ITEM_FIELD_RESPONSE, response };

  return evident_project_update_item (self, item, &change, 1, error);
}

/* Undo and redo */

gboolean
evident_project_get_can_undo (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  return self->can_undo;
}

gboolean
evident_project_get_can_redo (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  return self->can_redo;
}

/* For the evidence store, after a cleanup made changes final. */
void
evident_project_history_changed (EvidentProject *self)
{
  g_return_if_fail (EVIDENT_IS_PROJECT (self));
  update_undo_state (self);
}

/* The ids of the items in @items but not in @other. */
static void
add_missing_ids (GHashTable *items,
                 GHashTable *other,
                 GArray     *ids)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (other, key))
        g_array_append_val (ids, (gint64) { GPOINTER_TO_INT (key) });
    }
}

/* After a revision of the checklist, its undo or its redo: the settings,
 * chapters and items as the file now has them. An item that stays keeps
 * its object, which takes the new values; those that leave are let go of.
 * The evidence store hears of the evidence of the items that came or went
 * and of @edits'. */
static gboolean
reload_checklist (EvidentProject  *self,
                  GArray          *edits,
                  GError         **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) chapters = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) by_id = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) moved = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) evidence = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!evident_db_begin_read (self->db, error))
    return FALSE;
  if (!load_settings (self, error) || !read_checklist (self, items, chapters, by_id, error))
    {
      evident_db_rollback (self->db);
      return FALSE;
    }
  add_missing_ids (self->items_by_id, by_id, moved);
  add_missing_ids (by_id, self->items_by_id, moved);
  if (!evident_revision_store_list_evidence (self->db, moved, evidence, error)
      || !evident_db_commit (self->db, error))
    {
      evident_db_rollback (self->db);
      return FALSE;
    }

  for (guint i = 0; i < items->len; i++)
    {
      EvidentItem *fresh = g_ptr_array_index (items, i);
      EvidentItem *existing = g_hash_table_lookup (
          self->items_by_id, GINT_TO_POINTER (evident_item_get_id (fresh)));

      if (existing == NULL)
        continue;
      evident_item_update_from (existing, fresh);
      items->pdata[i] = g_object_ref (existing);
      g_object_unref (fresh);
    }
  install_checklist (self, items, chapters);

  for (guint i = 0; i < edits->len; i++)
    {
      EvidentEdit *edit = &g_array_index (edits, EvidentEdit, i);

      if (edit->evidence > 0)
        g_array_append_val (evidence, edit->evidence);
    }
  for (guint i = 0; i < evidence->len; i++)
    g_signal_emit (self, signals[EVIDENCE_CHANGED], 0, g_array_index (evidence, gint64, i));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  /* The audit's objects name chapters and items, which may be new. */
  if (!evident_audit_reload (evident_audit_get_for_project (self), error))
    return FALSE;
  emit_changed (self);
  return TRUE;
}

/* Undoing or redoing a revision: the rows it wrote, exactly, and the
 * checklist version before it (or its own) made the project's again. */
static gboolean
undo_redo_revision (EvidentProject  *self,
                    gint64           change,
                    gboolean         undo,
                    GError         **error)
{
  g_autoptr (GArray) pending = evident_edits_new ();
  EvidentRevisionSwitch data = { change, undo };

  if (!evident_history_load_rows (self->db, self->items_by_id, change, undo, pending, error)
      || !evident_history_commit (self->db, undo ? "undo" : "redo", pending, change,
                                  undo ? EVIDENT_CHANGE_UNDONE : EVIDENT_CHANGE_DONE,
                                  evident_revision_store_switch, &data, error))
    return FALSE;
  return reload_checklist (self, pending, error);
}

/**
 * evident_project_commit_revision:
 * @self: a project
 * @edits: (element-type EvidentEdit): the fields the revision changes, and
 *   its rows for the items' histories
 * @prepare: writes the new version of the checklist, inside the transaction
 * @prepare_data: data for @prepare
 * @error: return location for an error
 *
 * A revision of the checklist: one transaction, one change of its own kind,
 * one step to undo; then the objects follow (see reload_checklist()).
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_project_commit_revision (EvidentProject          *self,
                                 GArray                  *edits,
                                 EvidentEditPrepareFunc   prepare,
                                 gpointer                 prepare_data,
                                 GError                 **error)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);

  if (!ensure_open (self, error)
      || !evident_history_commit (self->db, "revision", edits, -1, EVIDENT_CHANGE_DONE, prepare,
                                  prepare_data, error))
    return FALSE;
  return reload_checklist (self, edits, error);
}

/* After a revision a worker committed with a connection of its own. */
gboolean
evident_project_reload_revision (EvidentProject  *self,
                                 GArray          *edits,
                                 GError         **error)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  return ensure_open (self, error) && reload_checklist (self, edits, error);
}

guint
evident_project_get_schema_version (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), 0);
  return self->version;
}

/* Why an inspected project did not load, or %NULL. */
const GError *
evident_project_get_load_error (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  return self->load_error;
}

/* Undo reverts the newest change still done; redo re-applies the oldest one
 * undone since the last edit. Both are changes of their own in the history,
 * for items and evidence alike. */
static gboolean
undo_redo (EvidentProject  *self,
           gboolean         undo,
           GError         **error)
{
  g_autoptr (GArray) pending = evident_edits_new ();
  EvidentPlanSettingsSwitch settings = { -1, undo, FALSE };
  gint64 change;

  if (!ensure_open (self, error) || !evident_history_find_target (self->db, undo, &change, error))
    return FALSE;
  if (change < 0)
    {
      g_set_error_literal (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NOTHING_TO_UNDO,
                           undo ? _("There is nothing to undo") : _("There is nothing to redo"));
      return FALSE;
    }

  if (evident_revision_store_is_revision (self->db, change))
    return undo_redo_revision (self, change, undo, error);

  settings.change = change;
  if (!evident_history_load_inverse (self->db, self->items_by_id, change, undo, pending, error)
      || !evident_history_commit (self->db, undo ? "undo" : "redo", pending, change,
                                  undo ? EVIDENT_CHANGE_UNDONE : EVIDENT_CHANGE_DONE,
                                  evident_plan_settings_switch, &settings, error))
    return FALSE;

  evident_plan_settings_switched (self, &settings);
  apply_edits (self, pending);
  return TRUE;
}

gboolean
evident_project_undo (EvidentProject  *self,
                      GError         **error)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  return undo_redo (self, TRUE, error);
}

gboolean
evident_project_redo (EvidentProject  *self,
                      GError         **error)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  return undo_redo (self, FALSE, error);
}

/**
 * evident_project_get_history:
 * @self: a project
 * @item: (nullable): only this item's history, its evidence's included
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EvidentHistoryEntry): the history,
 *   newest first
 */
GPtrArray *
evident_project_get_history (EvidentProject  *self,
                             EvidentItem     *item,
                             GError         **error)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  g_return_val_if_fail (item == NULL || EVIDENT_IS_ITEM (item), NULL);

  if (!ensure_open (self, error))
    return NULL;
  return evident_history_list (self->db, item, error);
}

/* For the rest of the core */

/* The plan settings as loaded, for evident-plan-settings.c to read and,
 * once saved, to change. */
EvidentPlanSettings *
evident_project_peek_plan_settings (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  return &self->plan_settings;
}

/* After a change the project's own edits do not make: the plan settings,
 * a seeded state. */
void
evident_project_emit_changed (EvidentProject *self)
{
  g_return_if_fail (EVIDENT_IS_PROJECT (self));
  emit_changed (self);
}

EvidentDb *
evident_project_get_db (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  return self->db;
}

/**
 * evident_project_open_connection:
 * @self: an open project
 * @write: whether the connection writes (a read-only project gives a
 *   read-only connection anyway)
 * @error: return location for an error
 *
 * Returns: (transfer full): a connection of its own to the project's file,
 *   for one worker thread at a time
 */
EvidentDb *
evident_project_open_connection (EvidentProject  *self,
                                 gboolean         write,
                                 GError         **error)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);

  if (!ensure_open (self, error))
    return NULL;
  return evident_db_open_connection (self->db, write, error);
}

const char *
evident_project_get_path (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  return self->path;
}
