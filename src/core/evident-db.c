/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>

#include "evident-db.h"
#include "evident-project.h"
#include "evident-schema.h"

/* How long the application waits for the command line's writers to let go
 * of a project before it says that the project is busy. */
#define EXCLUSIVE_TIMEOUT_MS 3000

/* A backup or a vacuum copies or frees this many pages per step: short
 * steps for progress, cancellation, and other writers. */
#define STEP_PAGES 256

/* The tables that hold evidence bytes: too large to check at every open. */
#define BULK_TABLE "blob_chunks"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

struct _EvidentDb
{
  sqlite3         *handle;
  GFile           *file;       /* the project file, for messages */
  char            *name;       /* its display name */
  char            *uri;        /* for more connections; NULL for a new file */
  int              open_flags;
  EvidentDbFlags   flags;
  EvidentFileLock *lock;       /* (nullable) */
  GHashTable      *statements; /* SQL (static strings) → sqlite3_stmt */
};

/* Errors */

static gboolean
set_error (GError     **error,
           const char  *name,
           sqlite3     *handle,
           int          rc)
{
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_BUSY,
                   _("“%s” is busy; try again in a moment"), name);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be read (%s)"), name, detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("Could not write “%s”: the disk is full"), name);
      break;
    case SQLITE_READONLY:
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_READ_ONLY,
                   _("“%s” is read-only; save a copy to edit it"), name);
      break;
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("Could not open “%s” for writing (%s)"), name, detail);
      break;
    default:
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("Could not read or write “%s” (%s)"), name, detail);
      break;
    }
  return FALSE;
}

/**
 * evident_db_error:
 * @db: a connection
 * @rc: what SQLite returned
 * @error: return location for an error
 *
 * Sets @error to the #EvidentProjectError a user can act on for @rc.
 *
 * Returns: %FALSE, for `return evident_db_error (...)`
 */
gboolean
evident_db_error (EvidentDb  *db,
                  int         rc,
                  GError    **error)
{
  return set_error (error, db->name, db->handle, rc);
}

gboolean
evident_db_error_read_only (EvidentDb  *db,
                            GError    **error)
{
  return set_error (error, db->name, NULL, SQLITE_READONLY);
}

/* Opening */

/* Reads the 100-byte SQLite header through the lock's descriptor, without
 * SQLite, so that a file that is not ours is never opened by SQLite. */
static gboolean
check_header (EvidentFileLock  *probe,
              const char       *name,
              guint            *version,
              GError          **error)
{
  guint8 header[100];
  gssize n_read;
  guint32 app_id;

  n_read = evident_file_lock_pread (probe, header, sizeof header, 0);
  if (n_read < 0)
    {
      int saved_errno = errno;

      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("Could not read “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  app_id = n_read == sizeof header ? GUINT32_FROM_BE (*(guint32 *) (header + 68)) : 0;
  if (n_read < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0
      || app_id != EVIDENT_DB_APPLICATION_ID)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NOT_A_PROJECT,
                   _("“%s” is not an Evident project"), name);
      return FALSE;
    }

  *version = GUINT32_FROM_BE (*(guint32 *) (header + 60));
  return TRUE;
}

static gboolean
check_version (guint        version,
               const char  *name,
               GError     **error)
{
  if (version > evident_schema_get_version ())
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Evident; update Evident to open it"),
                   name);
      return FALSE;
    }
  if (version == 0)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_DAMAGED,
                   _("“%s” is damaged: it has no project data"), name);
      return FALSE;
    }
  return TRUE;
}

static EvidentFileLock *
acquire_lock (const char           *path,
              const char           *name,
              EvidentFileLockMode   mode,
              GError              **error)
{
  g_autoptr (GError) local_error = NULL;
  EvidentFileLock *lock;

  lock = evident_file_lock_acquire (path, mode,
                                    mode == EVIDENT_FILE_LOCK_EXCLUSIVE ? EXCLUSIVE_TIMEOUT_MS : 0,
                                    &local_error);
  if (lock != NULL)
    return lock;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_BUSY))
    g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_BUSY,
                 _("“%s” is open in another window or program; close it there first"), name);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                 _("“%s” does not exist"), name);
  else
    g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                 _("Could not open “%s”: %s"), name, local_error->message);
  return NULL;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static EvidentDb *
db_new (GFile          *file,
        const char     *uri,
        int             open_flags,
        EvidentDbFlags  flags)
{
  EvidentDb *db = g_new0 (EvidentDb, 1);

  db->file = g_object_ref (file);
  db->name = g_file_get_parse_name (file);
  db->uri = g_strdup (uri);
  db->open_flags = open_flags;
  db->flags = flags;
  db->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  return db;
}

/* The connection itself, with the pragmas every connection has. */
static gboolean
open_handle (EvidentDb  *db,
             GError    **error)
{
  int rc;

  rc = sqlite3_open_v2 (db->uri, &db->handle, db->open_flags, NULL);
  if (rc != SQLITE_OK)
    return evident_db_error (db, rc, error);

  sqlite3_extended_result_codes (db->handle, TRUE);
  sqlite3_busy_timeout (db->handle, EVIDENT_DB_BUSY_TIMEOUT_MS);
  if (!evident_db_exec (db, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if ((db->flags & EVIDENT_DB_READ_ONLY) && !evident_db_exec (db, "PRAGMA query_only = ON", error))
    return FALSE;
  return TRUE;
}

static char *
make_uri (const char     *path,
          EvidentDbFlags  flags)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strconcat ("file:", escaped, (flags & EVIDENT_DB_IMMUTABLE) ? "?immutable=1" : "",
                      NULL);
}

/* An immutable connection ignores a -wal file: one with commits in it, as
 * a copy taken while the project was open has, must be read. */
static gboolean
has_wal_content (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  return stat (wal, &st) == 0 && st.st_size > 0;
}

/**
 * evident_db_open:
 * @file: a project file
 * @lock_mode: who else may write while it is open
 * @flags: how to open it
 * @version: (out): the file's schema version
 * @error: return location for an error
 *
 * Opens a connection to a project file after checking, without SQLite,
 * that it is one: a file that is not a project, is too new or is held by
 * the application is refused before SQLite opens it.
 *
 * Returns: (transfer full): the connection
 */
EvidentDb *
evident_db_open (GFile                *file,
                 EvidentFileLockMode   lock_mode,
                 EvidentDbFlags        flags,
                 guint                *version,
                 GError              **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *uri = NULL;
  g_autoptr (EvidentFileLock) probe = NULL;
  g_autoptr (EvidentDb) db = NULL;
  gint64 user_version = 0;
  guint header_version = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (path == NULL)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("“%s” is not a local file; copy it to this computer first"), name);
      return NULL;
    }

  probe = acquire_lock (path, name, EVIDENT_FILE_LOCK_NONE, error);
  if (probe == NULL || !check_header (probe, name, &header_version, error)
      || !check_version (header_version, name, error))
    return NULL;

  if ((flags & EVIDENT_DB_IMMUTABLE) && has_wal_content (path))
    flags &= ~EVIDENT_DB_IMMUTABLE;
  uri = make_uri (path, flags);
  db = db_new (file, uri,
               SQLITE_OPEN_URI
                   | ((flags & EVIDENT_DB_IMMUTABLE) ? SQLITE_OPEN_READONLY
                                                     : SQLITE_OPEN_READWRITE),
               flags);

  db->lock = lock_mode == EVIDENT_FILE_LOCK_NONE ? g_steal_pointer (&probe)
                                                 : acquire_lock (path, name, lock_mode, error);
  if (db->lock == NULL || !open_handle (db, error))
    return NULL;

  /* The header's version may be older than the one in the -wal file. */
  if (!evident_db_query_int64 (db, "PRAGMA user_version", &user_version, error)
      || !check_version (user_version, name, error))
    return NULL;

  *version = user_version;
  return g_steal_pointer (&db);
}

/**
 * evident_db_open_connection:
 * @db: a connection to a project file
 * @write: whether the new connection writes
 * @error: return location for an error
 *
 * Another connection to the same file, for a worker thread (or for a
 * stream read on one): it shares @db's lock and never outlives the file's
 * descriptor. A read-only @db gives read-only connections.
 *
 * Returns: (transfer full): the connection
 */
EvidentDb *
evident_db_open_connection (EvidentDb  *db,
                            gboolean    write,
                            GError    **error)
{
  g_autoptr (EvidentDb) other = NULL;

  g_return_val_if_fail (db != NULL && db->uri != NULL, NULL);

  other = db_new (db->file, db->uri, db->open_flags,
                  db->flags | (write ? 0 : EVIDENT_DB_READ_ONLY));
  other->lock = db->lock != NULL ? evident_file_lock_ref (db->lock) : NULL;
  if (!open_handle (other, error))
    return NULL;
  /* Safe in WAL mode; the main connection's next commit (synchronous =
   * FULL) makes these writes durable too. */
  if (write && !(other->flags & EVIDENT_DB_READ_ONLY)
      && !evident_db_exec (other, "PRAGMA synchronous = NORMAL", error))
    return NULL;
  return g_steal_pointer (&other);
}

/**
 * evident_db_new_source:
 * @db: a connection to a project file
 * @error: return location for an error
 *
 * Something to open read-only connections from, in any thread, with
 * evident_db_open_connection(): it keeps the file's descriptor, but none
 * of @db's lock, so that readers never keep the project locked after the
 * project has closed.
 *
 * Returns: (transfer full): the source, not a connection itself
 */
EvidentDb *
evident_db_new_source (EvidentDb  *db,
                       GError    **error)
{
  g_autofree char *path = g_file_get_path (db->file);
  g_autoptr (EvidentDb) source = NULL;

  g_return_val_if_fail (db != NULL && db->uri != NULL, NULL);

  source = db_new (db->file, db->uri, db->open_flags, db->flags | EVIDENT_DB_READ_ONLY);
  source->lock = acquire_lock (path, db->name, EVIDENT_FILE_LOCK_NONE, error);
  if (source->lock == NULL)
    return NULL;
  return g_steal_pointer (&source);
}

/**
 * evident_db_create:
 * @path: where the new file goes (a temporary)
 * @file: the project file it will be, for messages
 * @error: return location for an error
 *
 * Returns: (transfer full): a connection to a new, empty database
 */
EvidentDb *
evident_db_create (const char  *path,
                   GFile       *file,
                   GError     **error)
{
  g_autoptr (EvidentDb) db = db_new (file, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                     EVIDENT_DB_DEFAULT);

  if (!open_handle (db, error))
    return NULL;
  g_clear_pointer (&db->uri, g_free);
  return g_steal_pointer (&db);
}

void
evident_db_close (EvidentDb *db)
{
  if (db == NULL)
    return;

  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close_v2 (db->handle);
  /* Only now: the lock's descriptor outlives SQLite's. */
  g_clear_pointer (&db->lock, evident_file_lock_unref);
  g_clear_object (&db->file);
  g_free (db->name);
  g_free (db->uri);
  g_free (db);
}

const char *
evident_db_get_name (EvidentDb *db)
{
  return db->name;
}

gboolean
evident_db_is_read_only (EvidentDb *db)
{
  return (db->flags & EVIDENT_DB_READ_ONLY) != 0;
}

gint64
evident_db_last_insert_id (EvidentDb *db)
{
  return sqlite3_last_insert_rowid (db->handle);
}

int
evident_db_changes (EvidentDb *db)
{
  return sqlite3_changes (db->handle);
}

/**
 * evident_db_task_return:
 * @task: a task, in its worker thread
 * @db: (inout) (transfer full): the worker's connection; closed and cleared
 * @ok: whether the work succeeded
 * @error: (transfer full) (nullable): why not
 *
 * Returns a worker's result only after closing its connection: a GTask's
 * worker drops its reference after the caller's callback may have run, and
 * the caller may open the file again at once (exclusively, say).
 */
void
evident_db_task_return (GTask      *task,
                        EvidentDb **db,
                        gboolean    ok,
                        GError     *error)
{
  g_clear_pointer (db, evident_db_close);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Statements */

/**
 * evident_db_bind_text_or_null:
 * @stmt: a statement
 * @index: the parameter, from 1
 * @text: (nullable): a value; %NULL or "" binds NULL (an optional text the
 *   project keeps as NULL when empty)
 */
void
evident_db_bind_text_or_null (sqlite3_stmt *stmt,
                              int           index,
                              const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/**
 * evident_db_prepare:
 * @db: a connection
 * @sql: a statement, as a static string: it is the key of the cache
 * @error: return location for an error
 *
 * Prepares @sql once per connection; later calls get the same statement,
 * reset and with its bindings cleared. Reset it after use (or take it in
 * a g_auto (EvidentDbStatement)), and never use it twice at once.
 *
 * Returns: (transfer none): the statement
 */
sqlite3_stmt *
evident_db_prepare (EvidentDb   *db,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      evident_db_error (db, rc, error);
      return NULL;
    }
  g_hash_table_insert (db->statements, (gpointer) sql, stmt);
  return stmt;
}

/* A statement built at run time: not cached. */
static sqlite3_stmt *
prepare_once (EvidentDb   *db,
              const char  *sql,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      evident_db_error (db, rc, error);
      return NULL;
    }
  return stmt;
}

/* Runs SQL that returns no rows; several statements at once are fine. */
gboolean
evident_db_exec (EvidentDb   *db,
                 const char  *sql,
                 GError     **error)
{
  int rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return evident_db_error (db, rc, error);
  return TRUE;
}

/* Steps a statement that returns no rows, and resets it. */
gboolean
evident_db_step_done (EvidentDb     *db,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return evident_db_error (db, rc, error);
  return TRUE;
}

/* After a loop over rows: resets the statement, and fails unless the loop
 * ended at the last row. */
gboolean
evident_db_step_end (EvidentDb     *db,
                     sqlite3_stmt  *stmt,
                     int            rc,
                     GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return evident_db_error (db, rc, error);
  return TRUE;
}

/* The first column of the first row of @sql (a static string). */
gboolean
evident_db_query_int64 (EvidentDb   *db,
                        const char  *sql,
                        gint64      *value,
                        GError     **error)
{
  g_auto (EvidentDbStatement) stmt = evident_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return evident_db_error (db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* One NULL behaviour for the whole core: text columns read "" for NULL;
 * evident_db_column_is_null() tells the two apart where that matters. */
const char *
evident_db_column_text (sqlite3_stmt *stmt,
                        int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

gboolean
evident_db_column_is_null (sqlite3_stmt *stmt,
                           int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL;
}

/* Transactions */

static gboolean
run (EvidentDb   *db,
     const char  *sql,
     GError     **error)
{
  sqlite3_stmt *stmt = evident_db_prepare (db, sql, error);

  return stmt != NULL && evident_db_step_done (db, stmt, error);
}

gboolean
evident_db_begin_read (EvidentDb  *db,
                       GError    **error)
{
  return run (db, "BEGIN", error);
}

/* Takes the write lock at once, waiting for other writers for the busy
 * timeout at most: a write transaction never starts as a read one, which
 * another writer could make stale. */
gboolean
evident_db_begin_write (EvidentDb  *db,
                        GError    **error)
{
  if (db->flags & EVIDENT_DB_READ_ONLY)
    return evident_db_error_read_only (db, error);
  return run (db, "BEGIN IMMEDIATE", error);
}

gboolean
evident_db_commit (EvidentDb  *db,
                   GError    **error)
{
  return run (db, "COMMIT", error);
}

void
evident_db_rollback (EvidentDb *db)
{
  if (!sqlite3_get_autocommit (db->handle))
    run (db, "ROLLBACK", NULL);
}

/* Checks */

/* A violation of a foreign key, in words. */
static char *
describe_violation (EvidentDb  *db,
                    const char *table,
                    gint64      rowid,
                    const char *parent)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *ref = NULL;

  if (g_str_equal (table, "items"))
    stmt = prepare_once (db, "SELECT ref FROM items WHERE rowid = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, rowid);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        ref = g_strdup (evident_db_column_text (stmt, 0));
    }

  if (ref != NULL && g_str_equal (parent, "chapters"))
    return g_strdup_printf (_("Item %s belongs to a chapter that does not exist"), ref);
  if (ref != NULL && g_str_equal (parent, "sections"))
    return g_strdup_printf (_("Item %s belongs to a section that does not exist"), ref);
  if (ref != NULL && g_str_equal (parent, "owners"))
    return g_strdup_printf (_("Item %s has an owner that does not exist"), ref);
  return g_strdup (_("A row refers to a missing row"));
}

/* Runs a check pragma; adds a problem per row that is not "ok". */
static gboolean
run_check (EvidentDb   *db,
           const char  *sql,
           gboolean     foreign_keys,
           GPtrArray   *problems,
           GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = prepare_once (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *first = evident_db_column_text (stmt, 0);

      if (foreign_keys)
        g_ptr_array_add (problems,
                         describe_violation (db, first, sqlite3_column_int64 (stmt, 1),
                                             evident_db_column_text (stmt, 2)));
      else if (!g_str_equal (first, "ok"))
        g_ptr_array_add (problems, g_strdup (first));
    }
  if (rc != SQLITE_DONE)
    return evident_db_error (db, rc, error);
  return TRUE;
}

/**
 * evident_db_find_problems:
 * @db: a connection
 * @quick: check the small tables only (for every open), rather than every
 *   page of the file (for evident-cli check)
 * @problems: (element-type utf8): where the problems found go, one line each
 * @error: return location for an error: %EVIDENT_PROJECT_ERROR_DAMAGED when
 *   the file is too damaged to check
 *
 * SQLite's check of the pages, and of the foreign keys. A quick check
 * leaves out the evidence bytes, which make most of a large project.
 *
 * Returns: %TRUE when the checks ran, whatever they found
 */
gboolean
evident_db_find_problems (EvidentDb  *db,
                          gboolean    quick,
                          GPtrArray  *problems,
                          GError    **error)
{
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  sqlite3_stmt *stmt;
  int rc;

  if (!quick)
    return run_check (db, "PRAGMA integrity_check", FALSE, problems, error)
           && run_check (db, "PRAGMA foreign_key_check", TRUE, problems, error);

  stmt = evident_db_prepare (db,
                             "SELECT name FROM sqlite_master WHERE type = 'table'"
                             " AND name <> '" BULK_TABLE "' AND name NOT LIKE 'sqlite%'"
                             " ORDER BY name",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup (evident_db_column_text (stmt, 0)));
  if (!evident_db_step_end (db, stmt, rc, error))
    return FALSE;

  /* The pages and the foreign keys, not the CHECK constraints: checking
   * those costs most of the time, and loading checks what they say. */
  if (!evident_db_exec (db, "PRAGMA ignore_check_constraints = ON", error))
    return FALSE;
  for (guint i = 0; ok && i < tables->len; i++)
    {
      char *quick_check = sqlite3_mprintf ("PRAGMA quick_check(\"%w\")", tables->pdata[i]);
      char *fk_check = sqlite3_mprintf ("PRAGMA foreign_key_check(\"%w\")", tables->pdata[i]);

      ok = run_check (db, quick_check, FALSE, problems, error)
           && run_check (db, fk_check, TRUE, problems, error);
      sqlite3_free (quick_check);
      sqlite3_free (fk_check);
    }
  return evident_db_exec (db, "PRAGMA ignore_check_constraints = OFF", ok ? error : NULL) && ok;
}

/* Copies and space */

/* Copies step by step; returns SQLITE_DONE when complete, SQLITE_INTERRUPT
 * when cancelled, else what failed. */
static int
backup_steps (sqlite3_backup   *backup,
              gint64            page_size,
              EvidentProgress  *progress,
              GCancellable     *cancellable)
{
  gint64 deadline = g_get_monotonic_time () + EVIDENT_DB_BUSY_TIMEOUT_MS * 1000;
  int rc;

  do
    {
      if (g_cancellable_is_cancelled (cancellable))
        return SQLITE_INTERRUPT;

      rc = sqlite3_backup_step (backup, STEP_PAGES);
      if (rc == SQLITE_OK || rc == SQLITE_DONE)
        {
          gint64 total = sqlite3_backup_pagecount (backup);

          evident_progress_report (progress, (total - sqlite3_backup_remaining (backup)) * page_size,
                                   total * page_size);
          deadline = g_get_monotonic_time () + EVIDENT_DB_BUSY_TIMEOUT_MS * 1000;
        }
      else if (((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
               && g_get_monotonic_time () < deadline)
        {
          g_usleep (10 * 1000);
          rc = SQLITE_OK;
        }
    }
  while (rc == SQLITE_OK);
  return rc;
}

/**
 * evident_db_backup:
 * @db: a connection that is in no transaction
 * @path: a new file to write the copy to (a temporary)
 * @destination: the file the copy will be, for messages
 * @progress: (nullable): reports the bytes copied
 * @cancellable: (nullable): a cancellable, checked between steps
 * @error: return location for an error
 *
 * Copies the project with SQLite's backup API, in short steps, from one
 * read transaction: the copy is the project as it was when the copy began,
 * while others keep writing. The copy is a file of its own, without a
 * -wal file.
 *
 * Returns: %TRUE when the copy is complete
 */
gboolean
evident_db_backup (EvidentDb        *db,
                   const char       *path,
                   GFile            *destination,
                   EvidentProgress  *progress,
                   GCancellable     *cancellable,
                   GError          **error)
{
  g_autofree char *dest_name = g_file_get_parse_name (destination);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gint64 page_size = 0;
  gint64 n_tables = 0;
  int rc;

  /* One snapshot of the source for all steps. */
  if (!evident_db_query_int64 (db, "PRAGMA page_size", &page_size, error)
      || !evident_db_begin_read (db, error)
      || !evident_db_query_int64 (db, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    {
      evident_db_rollback (db);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", db->handle, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = backup_steps (backup, page_size, progress, cancellable);
          sqlite3_backup_finish (backup);
        }
    }
  evident_db_rollback (db);

  /* A file of its own: out of WAL mode, which the copied header asks for. */
  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc == SQLITE_INTERRUPT)
    g_cancellable_set_error_if_cancelled (cancellable, error);
  else if (rc != SQLITE_OK)
    set_error (error, dest_name, dest, rc); /* mostly the copy's disk, full or read-only */
  if (rc != SQLITE_OK)
    {
      sqlite3_close_v2 (dest);
      return FALSE;
    }

  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    return set_error (error, dest_name, NULL, rc);
  return TRUE;
}

/**
 * evident_db_vacuum:
 * @db: a connection that writes
 * @cancellable: (nullable): a cancellable, checked between steps
 * @error: return location for an error
 *
 * Gives free pages back to the file system when the project was created
 * with auto_vacuum = INCREMENTAL, a few at a time, each step a write
 * transaction of its own; a no-op otherwise.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_db_vacuum (EvidentDb     *db,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gint64 mode = 0;
  gint64 n_free = 0;

  if (!evident_db_query_int64 (db, "PRAGMA auto_vacuum", &mode, error))
    return FALSE;
  if (mode != 2)
    return TRUE;

  while (evident_db_query_int64 (db, "PRAGMA freelist_count", &n_free, error))
    {
      g_autofree char *sql = NULL;

      if (n_free == 0)
        return TRUE;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      sql = g_strdup_printf ("PRAGMA incremental_vacuum(%d)", STEP_PAGES);
      if (!evident_db_exec (db, sql, error))
        return FALSE;
    }
  return FALSE;
}
