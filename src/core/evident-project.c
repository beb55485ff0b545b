/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>

#include "evident-chapter-private.h"
#include "evident-csv.h"
#include "evident-enums-util.h"
#include "evident-item-private.h"
#include "evident-project-private.h"
#include "evident-scoring-private.h"

/* "EVID": PRAGMA application_id of every project file, so that Evident (and
 * the shared MIME database) can tell its files from other SQLite files. */
#define EVIDENT_APPLICATION_ID 0x45564944

struct _EvidentProject
{
  GObject       parent_instance;

  GFile        *file;
  char         *path;
  sqlite3      *db;
  int           lock_fd;       /* flock()ed while open: one Evident per file */
  GHashTable   *statements;    /* SQL → sqlite3_stmt */

  char         *title;
  char         *checklist_version;
  EvidentRules  rules;

  GListStore   *items;
  GPtrArray    *item_array;    /* the same items, for scoring */
  GListStore   *chapters;
  GHashTable   *items_by_ref;
  GHashTable   *items_by_id;
  EvidentScore *score;

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
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Each step takes the schema from version i to i + 1. Creating a project runs
 * them all; opening an older project runs the missing ones. Never edit a step
 * that has shipped: add one. */
static const char *migrations[EVIDENT_PROJECT_SCHEMA_VERSION] = {
  /* 0 → 1: the checklist, its items and their history. */
  "CREATE TABLE project ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);"
  "CREATE TABLE chapters ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  number TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL);"
  "CREATE TABLE sections ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  chapter_id INTEGER NOT NULL REFERENCES chapters (id),"
  "  number TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  UNIQUE (chapter_id, number));"
  "CREATE TABLE owners ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE items ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  ref TEXT NOT NULL UNIQUE,"
  "  chapter_id INTEGER NOT NULL REFERENCES chapters (id),"
  "  section_id INTEGER REFERENCES sections (id),"
  "  title TEXT NOT NULL,"
  "  requirement TEXT NOT NULL DEFAULT '',"
  "  evidence_hint TEXT NOT NULL DEFAULT '',"
  "  points INTEGER NOT NULL CHECK (points >= 0),"
  "  mandatory INTEGER NOT NULL CHECK (mandatory IN (0, 1)),"
  "  status TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started',"
  "    'in-progress', 'ready', 'met', 'not-met', 'not-applicable')),"
  "  owner_id INTEGER REFERENCES owners (id),"
  "  complexity TEXT NOT NULL DEFAULT 'none' CHECK (complexity IN ('none', 'low',"
  "    'medium', 'high')),"
  "  reason TEXT,"
  "  note TEXT,"
  "  due TEXT);"
  /* One row per transaction; state 0 done, 1 undone, 2 undone and no
   * longer redoable. Undo and redo rows record what they did. */
  "CREATE TABLE changes ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  who TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo')),"
  "  state INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  change_id INTEGER NOT NULL REFERENCES changes (id),"
  "  item_id INTEGER NOT NULL REFERENCES items (id),"
  "  field TEXT NOT NULL,"
  "  old_value TEXT NOT NULL,"
  "  new_value TEXT NOT NULL);"
  "CREATE INDEX history_item ON history (item_id);"
  "CREATE INDEX history_change ON history (change_id);"
  "CREATE INDEX changes_undo ON changes (kind, state);",

  /* 1 → 2: evidence. Bytes are stored once per SHA-256, in chunks, so that
   * a large file is written (and read) in short steps; a blob is usable
   * once complete. Removed evidence keeps its row until cleanup, so that a
   * removal can be undone. */
  "CREATE TABLE blobs ("
  "  sha256 TEXT PRIMARY KEY,"
  "  size INTEGER NOT NULL,"
  "  complete INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  verified_at TEXT);"
  "CREATE TABLE blob_chunks ("
  "  id INTEGER PRIMARY KEY,"
  "  sha256 TEXT NOT NULL REFERENCES blobs (sha256) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  data BLOB NOT NULL,"
  "  UNIQUE (sha256, seq));"
  "CREATE TABLE evidence ("
  "  id INTEGER PRIMARY KEY,"
  "  item_id INTEGER NOT NULL REFERENCES items (id),"
  "  title TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'other',"
  "  filename TEXT,"
  "  content_type TEXT,"
  "  url TEXT,"
  "  sha256 TEXT REFERENCES blobs (sha256),"
  "  added_at TEXT NOT NULL,"
  "  removed_at TEXT,"
  "  CHECK ((sha256 IS NULL) <> (url IS NULL)));"
  "CREATE INDEX evidence_item ON evidence (item_id);"
  "CREATE INDEX evidence_blob ON evidence (sha256);",
};

static const char *field_columns[EVIDENT_N_ITEM_FIELDS] = {
  [EVIDENT_ITEM_FIELD_STATUS] = "status",
  [EVIDENT_ITEM_FIELD_OWNER] = "owner_id",
  [EVIDENT_ITEM_FIELD_COMPLEXITY] = "complexity",
  [EVIDENT_ITEM_FIELD_REASON] = "reason",
  [EVIDENT_ITEM_FIELD_NOTE] = "note",
  [EVIDENT_ITEM_FIELD_DUE] = "due",
};

static char *
display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

static gboolean
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  GFile       *file)
{
  g_autofree char *name = display_name (file);
  int code = rc & 0xff;

  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_BUSY,
                 _("“%s” is open in another window or program; close it there first"),
                 name);
  else if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_DAMAGED,
                 _("“%s” is damaged and cannot be read (%s)"),
                 name, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else if (code == SQLITE_FULL)
    g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                 _("Could not write “%s”: the disk is full"), name);
  else if (code == SQLITE_READONLY || code == SQLITE_PERM || code == SQLITE_CANTOPEN)
    g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                 _("Could not open “%s” for writing (%s)"),
                 name, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                 _("Could not read or write “%s” (%s)"),
                 name, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GFile       *file,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (error, db, rc, file);
  return TRUE;
}

/* Statements are prepared once per project and reset after each use. */
static sqlite3_stmt *
prepare (EvidentProject  *self,
         const char      *sql,
         GError         **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->file);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

static char *
who_am_i (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();
  return g_strdup (name);
}

static char *
now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Reads the 100-byte SQLite header without going through SQLite, so that a
 * file that is not ours is never opened for writing. */
static gboolean
check_header (GFile   *file,
              guint32 *user_version,
              GError **error)
{
  g_autofree char *name = display_name (file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  guint8 header[100];
  gsize n_read = 0;
  guint32 app_id;

  if (path == NULL)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("“%s” is not a local file; copy it to this computer first"), name);
      return FALSE;
    }

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                     _("“%s” does not exist"), name);
      else
        g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                     _("Could not open “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read,
                                NULL, &local_error))
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  app_id = n_read == sizeof header ? GUINT32_FROM_BE (*(guint32 *) (header + 68)) : 0;
  if (n_read < sizeof header || memcmp (header, "SQLite format 3", 16) != 0
      || app_id != EVIDENT_APPLICATION_ID)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NOT_A_PROJECT,
                   _("“%s” is not an Evident project"), name);
      return FALSE;
    }

  *user_version = GUINT32_FROM_BE (*(guint32 *) (header + 60));
  if (*user_version > EVIDENT_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Evident; update Evident to open it"),
                   name);
      return FALSE;
    }
  if (*user_version == 0)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_DAMAGED,
                   _("“%s” is damaged: it has no project data"), name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
run_migrations (sqlite3  *db,
                guint     from,
                guint     to,
                GFile    *file,
                GError  **error)
{
  g_autofree char *set_version = NULL;

  g_assert (to <= EVIDENT_PROJECT_SCHEMA_VERSION);

  if (!exec_sql (db, "BEGIN IMMEDIATE", file, error))
    return FALSE;

  for (guint v = from; v < to; v++)
    {
      if (!exec_sql (db, migrations[v], file, error))
        goto rollback;
    }

  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u",
                                 EVIDENT_APPLICATION_ID, to);
  if (!exec_sql (db, set_version, file, error) || !exec_sql (db, "COMMIT", file, error))
    goto rollback;

  return TRUE;

rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
backup_to_path (sqlite3     *db,
                const char  *path,
                GFile       *file,
                GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_autoptr (GFile) dest_file = g_file_new_for_path (path);

      set_sqlite_error (error, dest, rc, dest_file);
      sqlite3_close (dest);
      g_unlink (path);
      return FALSE;
    }

  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      g_unlink (path);
      return set_sqlite_error (error, NULL, rc, file);
    }
  return TRUE;
}

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

static gboolean
query_exists (EvidentProject *self,
              const char     *sql)
{
  sqlite3_stmt *stmt = prepare (self, sql, NULL);
  gboolean exists;

  if (stmt == NULL)
    return FALSE;
  exists = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return exists;
}

static void
update_undo_state (EvidentProject *self)
{
  gboolean can_undo = query_exists (
      self, "SELECT EXISTS (SELECT 1 FROM changes WHERE kind = 'edit' AND state = 0)");
  gboolean can_redo = query_exists (
      self, "SELECT EXISTS (SELECT 1 FROM changes WHERE kind = 'edit' AND state = 1)");

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
load_settings (EvidentProject  *self,
               GError         **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT key, value FROM project", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  self->rules.mode = EVIDENT_SCORE_MODE_POINTS;
  self->rules.pass_score = EVIDENT_DEFAULT_PASS_SCORE;
  self->rules.mandatory_penalty = EVIDENT_DEFAULT_MANDATORY_PENALTY;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = column_text (stmt, 0);
      const char *value = column_text (stmt, 1);

      if (g_str_equal (key, "title"))
        { g_free (self->title); self->title = g_strdup (value); }
      else if (g_str_equal (key, "checklist-version"))
        { g_free (self->checklist_version); self->checklist_version = g_strdup (value); }
      else if (g_str_equal (key, "mode"))
        evident_score_mode_from_string (value, &self->rules.mode);
      else if (g_str_equal (key, "pass-score"))
        self->rules.pass_score = atoi (value);
      else if (g_str_equal (key, "mandatory-penalty"))
        self->rules.mandatory_penalty = atoi (value);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, self->file);
  if (self->title == NULL)
    self->title = g_file_get_basename (self->file);
  if (self->checklist_version == NULL)
    self->checklist_version = g_strdup ("");
  return TRUE;
}

static gboolean
load_items (EvidentProject  *self,
            GError         **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) chapters = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "SELECT number, title FROM chapters ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (chapters, evident_chapter_new (column_text (stmt, 0),
                                                    column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, self->file);

  stmt = prepare (self,
                  "SELECT i.id, i.ref, c.number, s.number, s.title, i.title, i.requirement,"
                  "       i.evidence_hint, i.points, i.mandatory, i.status, o.name,"
                  "       i.complexity, i.reason, i.note, i.due"
                  "  FROM items i"
                  "  JOIN chapters c ON c.id = i.chapter_id"
                  "  LEFT JOIN sections s ON s.id = i.section_id"
                  "  LEFT JOIN owners o ON o.id = i.owner_id"
                  " ORDER BY i.position",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvidentItem *item = evident_item_new (sqlite3_column_int64 (stmt, 0),
                                            column_text (stmt, 1),
                                            column_text (stmt, 2),
                                            column_text (stmt, 3),
                                            column_text (stmt, 4),
                                            column_text (stmt, 5),
                                            column_text (stmt, 6),
                                            column_text (stmt, 7),
                                            sqlite3_column_int (stmt, 8),
                                            sqlite3_column_int (stmt, 9));
      EvidentStatus status;
      EvidentComplexity complexity;

      if (!evident_status_from_string (column_text (stmt, 10), &status)
          || !evident_complexity_from_string (column_text (stmt, 12), &complexity))
        {
          g_autofree char *name = display_name (self->file);

          g_object_unref (item);
          sqlite3_reset (stmt);
          g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_DAMAGED,
                       _("“%s” is damaged: item %s has an unknown status or complexity"),
                       name, column_text (stmt, 1));
          return FALSE;
        }

      evident_item_set_field (item, EVIDENT_ITEM_FIELD_STATUS, column_text (stmt, 10));
      evident_item_set_field (item, EVIDENT_ITEM_FIELD_OWNER, column_text (stmt, 11));
      evident_item_set_field (item, EVIDENT_ITEM_FIELD_COMPLEXITY, column_text (stmt, 12));
      evident_item_set_field (item, EVIDENT_ITEM_FIELD_REASON, column_text (stmt, 13));
      evident_item_set_field (item, EVIDENT_ITEM_FIELD_NOTE, column_text (stmt, 14));
      evident_item_set_field (item, EVIDENT_ITEM_FIELD_DUE, column_text (stmt, 15));
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, self->file);

  for (guint i = 0; i < items->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (items, i);

      g_hash_table_insert (self->items_by_ref, (gpointer) evident_item_get_ref (item), item);
      g_hash_table_insert (self->items_by_id, GINT_TO_POINTER (evident_item_get_id (item)), item);
    }

  g_list_store_splice (self->chapters, 0, 0, chapters->pdata, chapters->len);
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);
  g_clear_pointer (&self->item_array, g_ptr_array_unref);
  self->item_array = g_steal_pointer (&items);
  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

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
  g_clear_pointer (&self->statements, g_hash_table_unref);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentProject::changed:
   *
   * Emitted after every edit, undo and redo, once the items, the chapters
   * and the score are up to date.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
evident_project_init (EvidentProject *self)
{
  self->lock_fd = -1;
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->items = g_list_store_new (EVIDENT_TYPE_ITEM);
  self->item_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->chapters = g_list_store_new (EVIDENT_TYPE_CHAPTER);
  self->items_by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  self->items_by_id = g_hash_table_new (NULL, NULL);
}

void
evident_project_settings_init (EvidentProjectSettings *settings)
{
  g_return_if_fail (settings != NULL);

  memset (settings, 0, sizeof *settings);
  settings->rules.mode = EVIDENT_SCORE_MODE_POINTS;
  settings->rules.pass_score = EVIDENT_DEFAULT_PASS_SCORE;
  settings->rules.mandatory_penalty = EVIDENT_DEFAULT_MANDATORY_PENALTY;
}

void
evident_history_entry_free (EvidentHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->kind);
  g_clear_pointer (&entry->at, g_date_time_unref);
  g_free (entry->who);
  g_free (entry->ref);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

static gboolean
insert_setting (sqlite3     *db,
                const char  *key,
                const char  *value,
                GFile       *file,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "INSERT INTO project (key, value) VALUES (?, ?)", -1, &stmt,
                           NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, db, rc, file);
  return TRUE;
}

static gint64
ensure_row (sqlite3     *db,
            GHashTable  *ids,
            const char  *key,
            const char  *sql,
            const char  *a,
            const char  *b,
            gint64       c)
{
  sqlite3_stmt *stmt = NULL;
  gpointer found;
  gint64 id = -1;

  if (g_hash_table_lookup_extended (ids, key, NULL, &found))
    return GPOINTER_TO_SIZE (found);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  sqlite3_bind_int64 (stmt, 1, g_hash_table_size (ids));
  sqlite3_bind_text (stmt, 2, a, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, b, -1, SQLITE_STATIC);
  if (c >= 0)
    sqlite3_bind_int64 (stmt, 4, c);
  if (sqlite3_step (stmt) == SQLITE_DONE)
    id = sqlite3_last_insert_rowid (db);
  sqlite3_finalize (stmt);

  if (id >= 0)
    g_hash_table_insert (ids, g_strdup (key), GSIZE_TO_POINTER (id));
  return id;
}

static gboolean
write_checklist (sqlite3                      *db,
                 const EvidentProjectSettings *settings,
                 GPtrArray                    *entries,
                 GFile                        *file,
                 GError                      **error)
{
  g_autoptr (GHashTable) chapter_ids = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, NULL);
  g_autoptr (GHashTable) section_ids = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, NULL);
  g_autofree char *pass_score = g_strdup_printf ("%d", settings->rules.pass_score);
  g_autofree char *penalty = g_strdup_printf ("%d", settings->rules.mandatory_penalty);
  g_autofree char *created = now_iso8601 ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!insert_setting (db, "title", settings->title, file, error)
      || !insert_setting (db, "checklist-version",
                          settings->checklist_version ? settings->checklist_version : "",
                          file, error)
      || !insert_setting (db, "mode", evident_score_mode_to_string (settings->rules.mode),
                          file, error)
      || !insert_setting (db, "pass-score", pass_score, file, error)
      || !insert_setting (db, "mandatory-penalty", penalty, file, error)
      || !insert_setting (db, "created", created, file, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO items (position, ref, chapter_id, section_id, title,"
                           " requirement, evidence_hint, points, mandatory)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (error, db, rc, file);

  for (guint i = 0; i < entries->len; i++)
    {
      const EvidentChecklistEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *section_key = NULL;
      gint64 chapter_id;
      gint64 section_id = -1;

      chapter_id = ensure_row (db, chapter_ids, entry->chapter,
                               "INSERT INTO chapters (position, number, title) VALUES (?, ?, ?)",
                               entry->chapter,
                               *entry->chapter_title ? entry->chapter_title : entry->chapter,
                               -1);
      if (chapter_id < 0)
        goto failed;

      if (*entry->section != '\0' || *entry->section_title != '\0')
        {
          section_key = g_strconcat (entry->chapter, "\n", entry->section, NULL);
          section_id = ensure_row (db, section_ids, section_key,
                                   "INSERT INTO sections (position, number, title, chapter_id)"
                                   " VALUES (?, ?, ?, ?)",
                                   entry->section, entry->section_title, chapter_id);
          if (section_id < 0)
            goto failed;
        }

      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, entry->ref, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, chapter_id);
      if (section_id >= 0)
        sqlite3_bind_int64 (stmt, 4, section_id);
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_text (stmt, 5, entry->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, entry->requirement, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, entry->evidence, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 8, entry->points);
      sqlite3_bind_int (stmt, 9, entry->mandatory ? 1 : 0);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto failed;
    }

  sqlite3_finalize (stmt);
  return TRUE;

failed:
  set_sqlite_error (error, db, sqlite3_errcode (db), file);
  sqlite3_finalize (stmt);
  return FALSE;
}

/**
 * evident_project_create:
 * @file: where the project file goes; nothing may exist there yet
 * @settings: title, version and rules
 * @entries: (element-type EvidentChecklistEntry): the checklist
 * @error: return location for an error
 *
 * Writes a new project file in one go: either the complete project is there
 * afterwards, or nothing is.
 *
 * Returns: (transfer full): the project, open
 */
EvidentProject *
evident_project_create (GFile                        *file,
                        const EvidentProjectSettings *settings,
                        GPtrArray                    *entries,
                        GError                      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *name = NULL;
  EvidentProjectSettings defaults;
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (entries != NULL, NULL);

  name = display_name (file);
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
  if (entries->len == 0)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                   _("The checklist has no items"));
      return NULL;
    }

  if (settings == NULL)
    {
      evident_project_settings_init (&defaults);
      settings = &defaults;
    }
  if (settings->title == NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      char *dot = strrchr (basename, '.');

      if (dot != NULL && dot != basename)
        *dot = '\0';
      defaults = *settings;
      defaults.title = NULL;
      tmp_path = g_steal_pointer (&basename);
      defaults.title = tmp_path;
      settings = &defaults;
    }

  {
    g_autofree char *title_copy = g_strdup (settings->title);
    g_autofree char *new_path = g_strdup_printf ("%s.%08x.new", path, g_random_int ());

    g_free (tmp_path);
    tmp_path = g_steal_pointer (&new_path);
    defaults = *settings;
    defaults.title = title_copy;

    rc = sqlite3_open_v2 (tmp_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK)
      {
        set_sqlite_error (error, db, rc, file);
        goto failed;
      }

    /* Incremental auto-vacuum, so that cleaning up removed evidence can
     * give the space back; it must be set before the first table. */
    if (!exec_sql (db, "PRAGMA auto_vacuum = INCREMENTAL; PRAGMA journal_mode = OFF;"
                       "PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON",
                   file, error)
        || !run_migrations (db, 0, EVIDENT_PROJECT_SCHEMA_VERSION, file, error)
        || !exec_sql (db, "BEGIN", file, error)
        || !write_checklist (db, &defaults, entries, file, error)
        || !exec_sql (db, "COMMIT", file, error))
      goto failed;
  }

  rc = sqlite3_close (db);
  db = NULL;
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, NULL, rc, file);
      goto failed;
    }

  /* Make the bytes durable before the name appears. */
  {
    int fd = g_open (tmp_path, O_RDONLY, 0);

    if (fd >= 0)
      {
        fsync (fd);
        g_close (fd, NULL);
      }
  }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("Could not create “%s”: %s"), name, g_strerror (saved_errno));
      goto failed;
    }

  return evident_project_open (file, error);

failed:
  if (db != NULL)
    sqlite3_close (db);
  if (tmp_path != NULL)
    g_unlink (tmp_path);
  return NULL;
}

static gboolean
open_database (EvidentProject  *self,
               guint            version,
               GError         **error)
{
  int rc;

  /* One Evident per project file: a second instance fails at once and says
   * so, instead of waiting. flock() locks are apart from SQLite's own
   * fcntl() locks, so worker threads may still open connections of their
   * own to the same file. */
  self->lock_fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  if (self->lock_fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name (self->file);

      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("Could not open “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  if (flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    return set_sqlite_error (error, NULL, SQLITE_BUSY, self->file);

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (error, self->db, rc, self->file);

  sqlite3_extended_result_codes (self->db, TRUE);
  /* Worker connections write evidence in short transactions; an edit waits
   * for one of those at most, never for a whole file. */
  sqlite3_busy_timeout (self->db, 2000);

  if (!exec_sql (self->db, "PRAGMA foreign_keys = ON", self->file, error))
    return FALSE;

  if (!exec_sql (self->db, "BEGIN", self->file, error))
    return FALSE;
  if (!load_settings (self, error) || !load_items (self, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (!exec_sql (self->db, "COMMIT", self->file, error))
    return FALSE;

  /* Only now that the file has proven to be a readable project of ours is
   * anything written to it. */
  if (!exec_sql (self->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL",
                 self->file, error))
    return FALSE;

  if (version < EVIDENT_PROJECT_SCHEMA_VERSION)
    {
      g_autofree char *backup = g_strdup_printf ("%s.v%u.bak", self->path, version);

      if (!backup_to_path (self->db, backup, self->file, error)
          || !run_migrations (self->db, version, EVIDENT_PROJECT_SCHEMA_VERSION, self->file,
                              error))
        return FALSE;
      g_debug ("Migrated %s from schema %u to %u, backup in %s", self->path, version,
               EVIDENT_PROJECT_SCHEMA_VERSION, backup);
    }

  return TRUE;
}

/**
 * evident_project_open:
 * @file: a project file
 * @error: return location for an error
 *
 * Opens a project, upgrading an older file (after a backup beside it) and
 * refusing anything else: a file that is not a project, a damaged one, one
 * from a newer Evident, or one open elsewhere. A refused file is left as it
 * was, byte for byte.
 *
 * Returns: (transfer full): the project
 */
EvidentProject *
evident_project_open (GFile   *file,
                      GError **error)
{
  g_autoptr (EvidentProject) self = NULL;
  guint32 version = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!check_header (file, &version, error))
    return NULL;

  self = g_object_new (EVIDENT_TYPE_PROJECT, NULL);
  self->file = g_object_ref (file);
  self->path = g_file_get_path (file);

  if (!open_database (self, version, error))
    return NULL;

  ensure_score (self);
  update_undo_state (self);

  return g_steal_pointer (&self);
}

/**
 * evident_project_close:
 * @self: a project
 *
 * Closes the project file; the objects stay readable but edits fail.
 */
void
evident_project_close (EvidentProject *self)
{
  g_return_if_fail (EVIDENT_IS_PROJECT (self));

  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      self->db = NULL;
    }
  if (self->lock_fd >= 0)
    {
      g_close (self->lock_fd, NULL);
      self->lock_fd = -1;
    }
}

static gboolean
ensure_open (EvidentProject  *self,
             GError         **error)
{
  if (self->db == NULL)
    {
      g_autofree char *name = display_name (self->file);

      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("“%s” is closed"), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * evident_project_check:
 * @self: a project
 * @error: return location for an error
 *
 * Checks the integrity of the whole file: SQLite's own check of every page,
 * foreign keys, and the rules the schema cannot state.
 *
 * Returns: %TRUE when the project is sound
 */
gboolean
evident_project_check (EvidentProject  *self,
                       GError         **error)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);

  if (!ensure_open (self, error))
    return FALSE;

  stmt = prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = column_text (stmt, 0);

      if (!g_str_equal (line, "ok"))
        g_string_append_printf (problems, "\n%s", line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, self->file);

  stmt = prepare (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (problems, "\n%s", _("A row refers to a missing row"));
  sqlite3_reset (stmt);

  stmt = prepare (self,
                  "SELECT ref FROM items WHERE status = 'not-applicable'"
                  " AND (reason IS NULL OR trim (reason) = '') ORDER BY position",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append_c (problems, '\n');
      g_string_append_printf (problems, _("Item %s is not applicable but gives no reason"),
                              column_text (stmt, 0));
    }
  sqlite3_reset (stmt);

  if (problems->len > 0)
    {
      g_autofree char *name = display_name (self->file);

      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_DAMAGED,
                   _("“%s” has problems:%s"), name, problems->str);
      return FALSE;
    }
  return TRUE;
}

/**
 * evident_project_save_copy:
 * @self: a project
 * @destination: where the copy goes; replaced if it exists
 * @error: return location for an error
 *
 * Writes a consistent copy of the project with the SQLite backup API while
 * the project stays open.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_project_save_copy (EvidentProject  *self,
                           GFile           *destination,
                           GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  if (!ensure_open (self, error))
    return FALSE;

  path = g_file_get_path (destination);
  if (path == NULL)
    {
      g_autofree char *name = display_name (destination);

      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("“%s” is not a local file"), name);
      return FALSE;
    }
  if (g_strcmp0 (path, self->path) == 0)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_EXISTS,
                   _("A copy cannot replace the project itself; choose another name"));
      return FALSE;
    }

  tmp_path = g_strdup_printf ("%s.%08x.new", path, g_random_int ());
  if (!backup_to_path (self->db, tmp_path, destination, error))
    return FALSE;
  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name (destination);

      g_unlink (tmp_path);
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

sqlite3 *
evident_project_get_db (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  return self->db;
}

const char *
evident_project_get_path (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  return self->path;
}

GFile *
evident_project_get_file (EvidentProject *self)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  return self->file;
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

int
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

/**
 * evident_project_dup_owners:
 *
 * Returns: (transfer full): the names of everyone who owns or has owned an
 *   item, sorted
 */
char **
evident_project_dup_owners (EvidentProject *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);

  if (self->db != NULL
      && (stmt = prepare (self, "SELECT name FROM owners ORDER BY name COLLATE NOCASE", NULL)))
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (builder);
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

/* Brings a user's value to the form the project stores, or refuses it. */
static gboolean
normalize_value (EvidentItem       *item,
                 EvidentItemField   field,
                 const char        *value,
                 char             **normalized,
                 GError           **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));
  const char *ref = evident_item_get_ref (item);

  switch (field)
    {
    case EVIDENT_ITEM_FIELD_STATUS:
      {
        EvidentStatus status;

        if (!evident_status_from_string (stripped, &status))
          {
            g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                         _("“%s” is not a status; use not-started, in-progress, ready, met, "
                           "not-met or not-applicable"),
                         stripped);
            return FALSE;
          }
        *normalized = g_strdup (evident_status_to_string (status));
      }
      break;

    case EVIDENT_ITEM_FIELD_COMPLEXITY:
      {
        EvidentComplexity complexity;

        if (!evident_complexity_from_string (stripped, &complexity))
          {
            g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                         _("“%s” is not a complexity; use low, medium, high or none"),
                         stripped);
            return FALSE;
          }
        *normalized = g_strdup (evident_complexity_to_string (complexity));
      }
      break;

    case EVIDENT_ITEM_FIELD_DUE:
      if (*stripped != '\0')
        {
          int y, m, d;
          char end;

          if (sscanf (stripped, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3
              || !g_date_valid_dmy (d, m, y))
            {
              g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                           _("Item %s: “%s” is not a date; write it as YYYY-MM-DD"), ref,
                           stripped);
              return FALSE;
            }
          *normalized = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
          return TRUE;
        }
      *normalized = g_strdup ("");
      break;

    case EVIDENT_ITEM_FIELD_NOTE:
      /* Notes keep their white space, as typed. */
      *normalized = g_strdup (value ? value : "");
      break;

    case EVIDENT_ITEM_FIELD_OWNER:
    case EVIDENT_ITEM_FIELD_REASON:
      *normalized = g_steal_pointer (&stripped);
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static gint64
owner_id (EvidentProject  *self,
          const char      *name,
          GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "INSERT INTO owners (name) VALUES (?) ON CONFLICT (name) DO NOTHING",
                  error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->file);
      return -1;
    }

  stmt = prepare (self, "SELECT id FROM owners WHERE name = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, sqlite3_errcode (self->db), self->file);
      sqlite3_reset (stmt);
      return -1;
    }
  {
    gint64 id = sqlite3_column_int64 (stmt, 0);

    sqlite3_reset (stmt);
    return id;
  }
}

/* Writes one field of one item; inside a transaction. */
static gboolean
write_field (EvidentProject    *self,
             EvidentItem       *item,
             EvidentItemField   field,
             const char        *value,
             GError           **error)
{
  static const char *update_sql[EVIDENT_N_ITEM_FIELDS] = {
    [EVIDENT_ITEM_FIELD_STATUS] = "UPDATE items SET status = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_OWNER] = "UPDATE items SET owner_id = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_COMPLEXITY] = "UPDATE items SET complexity = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_REASON] = "UPDATE items SET reason = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_NOTE] = "UPDATE items SET note = ?2 WHERE id = ?1",
    [EVIDENT_ITEM_FIELD_DUE] = "UPDATE items SET due = ?2 WHERE id = ?1",
  };
  sqlite3_stmt *stmt;
  int rc;

  g_assert (field_columns[field] != NULL);

  stmt = prepare (self, update_sql[field], error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, evident_item_get_id (item));
  if (field == EVIDENT_ITEM_FIELD_OWNER && value != NULL && *value != '\0')
    {
      gint64 id = owner_id (self, value, error);

      if (id < 0)
        return FALSE;
      stmt = prepare (self, update_sql[field], error);
      sqlite3_bind_int64 (stmt, 1, evident_item_get_id (item));
      sqlite3_bind_int64 (stmt, 2, id);
    }
  else if (field == EVIDENT_ITEM_FIELD_STATUS || field == EVIDENT_ITEM_FIELD_COMPLEXITY)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  else
    bind_text_or_null (stmt, 2, value);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, self->file);
  return TRUE;
}

static gint64
begin_change (EvidentProject  *self,
              const char      *kind,
              GError         **error)
{
  g_autofree char *at = now_iso8601 ();
  g_autofree char *who = who_am_i ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "INSERT INTO changes (at, who, kind) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, who, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->file);
      return -1;
    }
  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
record_history (EvidentProject    *self,
                gint64             change,
                EvidentItem       *item,
                EvidentItemField   field,
                const char        *old_value,
                const char        *new_value,
                GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self,
                  "INSERT INTO history (change_id, item_id, field, old_value, new_value)"
                  " VALUES (?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  sqlite3_bind_int64 (stmt, 2, evident_item_get_id (item));
  sqlite3_bind_text (stmt, 3, evident_item_field_to_string (field), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, old_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, new_value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, self->file);
  return TRUE;
}

static gboolean
run (EvidentProject  *self,
     const char      *sql,
     GError         **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, self->file);
  return TRUE;
}

static void
rollback (EvidentProject *self)
{
  run (self, "ROLLBACK", NULL);
}

static void
emit_changed (EvidentProject *self)
{
  self->score_dirty = TRUE;
  update_undo_state (self);
  /* Listeners get an up-to-date score and chapters; without any (the
   * command line), scoring waits until asked for. */
  if (g_signal_has_handler_pending (self, signals[CHANGED], 0, FALSE))
    ensure_score (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

typedef struct
{
  EvidentItem      *item;
  EvidentItemField  field;
  char             *old_value;
  char             *new_value;
} FieldChange;

static void
field_change_clear (gpointer data)
{
  FieldChange *change = data;

  g_free (change->old_value);
  g_free (change->new_value);
}

/* Writes @changes as one transaction and one change with its history rows,
 * then updates the objects. For an undo or a redo, @target is the change it
 * reverts or re-applies, marked @target_state in the same transaction. */
static gboolean
commit_changes (EvidentProject  *self,
                const char      *kind,
                GArray          *changes,
                gint64           target,
                int              target_state,
                GError         **error)
{
  gint64 change;

  if (!run (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (g_str_equal (kind, "edit")
      && !run (self, "UPDATE changes SET state = 2 WHERE kind = 'edit' AND state = 1", error))
    goto failed;

  if (target >= 0)
    {
      sqlite3_stmt *stmt = prepare (self, "UPDATE changes SET state = ? WHERE id = ?", error);
      int rc;

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int (stmt, 1, target_state);
      sqlite3_bind_int64 (stmt, 2, target);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (error, self->db, rc, self->file);
          goto failed;
        }
    }

  change = begin_change (self, kind, error);
  if (change < 0)
    goto failed;

  for (guint i = 0; i < changes->len; i++)
    {
      FieldChange *fc = &g_array_index (changes, FieldChange, i);

      if (!write_field (self, fc->item, fc->field, fc->new_value, error)
          || !record_history (self, change, fc->item, fc->field, fc->old_value, fc->new_value,
                              error))
        goto failed;
    }

  if (!run (self, "COMMIT", error))
    goto failed;

  for (guint i = 0; i < changes->len; i++)
    {
      FieldChange *fc = &g_array_index (changes, FieldChange, i);

      evident_item_set_field (fc->item, fc->field, fc->new_value);
    }
  return TRUE;

failed:
  rollback (self);
  return FALSE;
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
 * that really changes. An item is only not applicable with a reason.
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
  g_autoptr (GArray) pending = g_array_new (FALSE, TRUE, sizeof (FieldChange));
  const char *final[EVIDENT_N_ITEM_FIELDS] = { 0 };
  EvidentStatus status;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), FALSE);
  g_return_val_if_fail (changes != NULL || n_changes == 0, FALSE);

  g_array_set_clear_func (pending, field_change_clear);

  if (!ensure_open (self, error))
    return FALSE;
  if (g_hash_table_lookup (self->items_by_id, GINT_TO_POINTER (evident_item_get_id (item)))
      != item)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NO_SUCH_ITEM,
                   _("Item %s is not part of this project"), evident_item_get_ref (item));
      return FALSE;
    }

  for (guint f = 0; f < EVIDENT_N_ITEM_FIELDS; f++)
    final[f] = evident_item_get_field (item, f);

  for (guint i = 0; i < n_changes; i++)
    {
      FieldChange fc = { item, changes[i].field, NULL, NULL };

      g_return_val_if_fail (changes[i].field < EVIDENT_N_ITEM_FIELDS, FALSE);

      if (!normalize_value (item, fc.field, changes[i].value, &fc.new_value, error))
        return FALSE;

      /* A field named twice: the last value wins. */
      for (guint j = 0; j < pending->len; j++)
        {
          if (g_array_index (pending, FieldChange, j).field == fc.field)
            {
              g_array_remove_index (pending, j);
              break;
            }
        }

      if (g_str_equal (fc.new_value, evident_item_get_field (item, fc.field)))
        {
          final[fc.field] = evident_item_get_field (item, fc.field);
          g_free (fc.new_value);
          continue;
        }

      fc.old_value = g_strdup (evident_item_get_field (item, fc.field));
      g_array_append_val (pending, fc);
      final[fc.field] = g_array_index (pending, FieldChange, pending->len - 1).new_value;
    }

  evident_status_from_string (final[EVIDENT_ITEM_FIELD_STATUS], &status);
  if (status == EVIDENT_STATUS_NOT_APPLICABLE && *final[EVIDENT_ITEM_FIELD_REASON] == '\0')
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                   _("Item %s can only be not applicable with a reason; give one"),
                   evident_item_get_ref (item));
      return FALSE;
    }

  if (pending->len == 0)
    return TRUE;

  if (!commit_changes (self, "edit", pending, -1, 0, error))
    return FALSE;

  emit_changed (self);
  return TRUE;
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

/* Undo reverts the newest change still done; redo re-applies the oldest one
 * undone since the last edit. Both are changes of their own in the history. */
static gboolean
undo_redo (EvidentProject  *self,
           gboolean         undo,
           GError         **error)
{
  g_autoptr (GArray) pending = g_array_new (FALSE, TRUE, sizeof (FieldChange));
  sqlite3_stmt *stmt;
  gint64 change;
  int rc;

  g_array_set_clear_func (pending, field_change_clear);

  if (!ensure_open (self, error))
    return FALSE;

  stmt = prepare (self,
                  undo ? "SELECT id FROM changes WHERE kind = 'edit' AND state = 0"
                         " ORDER BY id DESC LIMIT 1"
                       : "SELECT id FROM changes WHERE kind = 'edit' AND state = 1"
                         " ORDER BY id ASC LIMIT 1",
                  error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  change = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, self->file);
  if (change < 0)
    {
      g_set_error_literal (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NOTHING_TO_UNDO,
                           undo ? _("There is nothing to undo") : _("There is nothing to redo"));
      return FALSE;
    }

  stmt = prepare (self,
                  undo ? "SELECT item_id, field, old_value, new_value FROM history"
                         " WHERE change_id = ? ORDER BY id DESC"
                       : "SELECT item_id, field, old_value, new_value FROM history"
                         " WHERE change_id = ? ORDER BY id ASC",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvidentItem *item = g_hash_table_lookup (self->items_by_id,
                                               GINT_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
      FieldChange fc = { item, 0, NULL, NULL };

      if (item == NULL || !evident_item_field_from_string (column_text (stmt, 1), &fc.field))
        continue;
      /* What the item holds now, rather than what the row says it held:
       * the two agree unless the file was edited behind our back. */
      fc.old_value = g_strdup (evident_item_get_field (item, fc.field));
      fc.new_value = g_strdup (column_text (stmt, undo ? 2 : 3));
      g_array_append_val (pending, fc);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, self->file);

  if (!commit_changes (self, undo ? "undo" : "redo", pending, change, undo ? 1 : 0, error))
    return FALSE;

  emit_changed (self);
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
 * @item: (nullable): only this item's history
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
  g_autoptr (GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  g_return_val_if_fail (item == NULL || EVIDENT_IS_ITEM (item), NULL);

  if (!ensure_open (self, error))
    return NULL;

  stmt = prepare (self,
                  "SELECT c.id, c.kind, c.at, c.who, i.ref, h.field, h.old_value, h.new_value"
                  "  FROM history h"
                  "  JOIN changes c ON c.id = h.change_id"
                  "  JOIN items i ON i.id = h.item_id"
                  " WHERE ?1 IS NULL OR h.item_id = ?1"
                  " ORDER BY h.id DESC",
                  error);
  if (stmt == NULL)
    return NULL;
  if (item != NULL)
    sqlite3_bind_int64 (stmt, 1, evident_item_get_id (item));

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) evident_history_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvidentHistoryEntry *entry = g_new0 (EvidentHistoryEntry, 1);

      entry->change = sqlite3_column_int64 (stmt, 0);
      entry->kind = g_strdup (column_text (stmt, 1));
      entry->at = g_date_time_new_from_iso8601 (column_text (stmt, 2), NULL);
      if (entry->at == NULL)
        entry->at = g_date_time_new_from_unix_utc (0);
      entry->who = g_strdup (column_text (stmt, 3));
      entry->ref = g_strdup (column_text (stmt, 4));
      evident_item_field_from_string (column_text (stmt, 5), &entry->field);
      entry->old_value = g_strdup (column_text (stmt, 6));
      entry->new_value = g_strdup (column_text (stmt, 7));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->file);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/**
 * evident_project_import_state:
 * @self: a project
 * @csv: a CSV file with the columns ref, owner, complexity, status, reason
 *   and note (all but ref optional)
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
  static const struct
  {
    const char       *column;
    EvidentItemField  field;
  } columns[] = {
    { "owner", EVIDENT_ITEM_FIELD_OWNER },
    { "complexity", EVIDENT_ITEM_FIELD_COMPLEXITY },
    { "status", EVIDENT_ITEM_FIELD_STATUS },
    { "reason", EVIDENT_ITEM_FIELD_REASON },
    { "note", EVIDENT_ITEM_FIELD_NOTE },
    { "due", EVIDENT_ITEM_FIELD_DUE },
  };
  g_autoptr (EvidentCsvTable) table = NULL;
  g_autoptr (GArray) pending = g_array_new (FALSE, TRUE, sizeof (FieldChange));
  int ref_column;
  int indexes[G_N_ELEMENTS (columns)];

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (csv != NULL, FALSE);

  g_array_set_clear_func (pending, field_change_clear);

  if (!ensure_open (self, error))
    return FALSE;

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
    indexes[c] = evident_csv_table_find_column (table, columns[c].column);

  for (guint row = 0; row < evident_csv_table_get_n_rows (table); row++)
    {
      const char *ref = evident_csv_table_get (table, row, ref_column);
      EvidentItem *item = g_hash_table_lookup (self->items_by_ref, ref);
      g_autoptr (GError) local_error = NULL;
      EvidentStatus status = EVIDENT_STATUS_NOT_STARTED;
      const char *reason = NULL;

      if (item == NULL)
        {
          g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_BAD_VALUE,
                       _("Line %u: there is no item “%s” in the project"),
                       evident_csv_table_get_line (table, row), ref);
          return FALSE;
        }
      status = evident_item_get_status (item);

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          FieldChange fc = { item, columns[c].field, NULL, NULL };
          const char *value;

          if (indexes[c] < 0)
            continue;
          value = evident_csv_table_get (table, row, indexes[c]);
          if (columns[c].field == EVIDENT_ITEM_FIELD_STATUS && *value == '\0')
            continue;
          if (!normalize_value (item, fc.field, value, &fc.new_value, &local_error))
            {
              g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_BAD_VALUE,
                           _("Line %u: %s"), evident_csv_table_get_line (table, row),
                           local_error->message);
              return FALSE;
            }
          if (fc.field == EVIDENT_ITEM_FIELD_STATUS)
            evident_status_from_string (fc.new_value, &status);
          if (fc.field == EVIDENT_ITEM_FIELD_REASON)
            reason = fc.new_value;
          fc.old_value = g_strdup (evident_item_get_field (item, fc.field));
          g_array_append_val (pending, fc);
        }

      if (status == EVIDENT_STATUS_NOT_APPLICABLE && (reason == NULL || *reason == '\0'))
        {
          g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_BAD_VALUE,
                       _("Line %u: item %s can only be not applicable with a reason"),
                       evident_csv_table_get_line (table, row), ref);
          return FALSE;
        }
    }

  if (!run (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < pending->len; i++)
    {
      FieldChange *fc = &g_array_index (pending, FieldChange, i);

      if (!write_field (self, fc->item, fc->field, fc->new_value, error))
        {
          rollback (self);
          return FALSE;
        }
    }
  if (!run (self, "COMMIT", error))
    {
      rollback (self);
      return FALSE;
    }

  for (guint i = 0; i < pending->len; i++)
    {
      FieldChange *fc = &g_array_index (pending, FieldChange, i);

      evident_item_set_field (fc->item, fc->field, fc->new_value);
    }

  emit_changed (self);
  return TRUE;
}

/* For tests: an empty file at an older schema version, to test migrations. */
gboolean
evident_project_create_empty_at_version (GFile   *file,
                                         guint    version,
                                         GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  sqlite3 *db = NULL;
  gboolean ret;
  int rc;

  g_return_val_if_fail (version >= 1 && version <= EVIDENT_PROJECT_SCHEMA_VERSION, FALSE);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, file);
      sqlite3_close (db);
      return FALSE;
    }
  ret = run_migrations (db, 0, version, file, error);
  sqlite3_close (db);
  return ret;
}
