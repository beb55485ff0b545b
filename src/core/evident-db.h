/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The one owner of SQLite in Evident: connections to a project file with
 * their pragmas, the header checks, statements, transactions and the one
 * mapping of SQLite's result codes to EVIDENT_PROJECT_ERROR. Private to the
 * core: no other file calls sqlite3_prepare*() or maps a result code. */

#include <gio/gio.h>
#include <sqlite3.h>

#include "evident-file-lock.h"
#include "evident-progress.h"

G_BEGIN_DECLS

/* "EVID": PRAGMA application_id of every project file, so that Evident (and
 * the shared MIME database) can tell its files from other SQLite files. */
#define EVIDENT_DB_APPLICATION_ID 0x45564944

/* How long a connection waits for another's write transaction before it
 * reports the project busy. Transactions are short: an edit, one chunk of
 * a file, one step of a cleanup. */
#define EVIDENT_DB_BUSY_TIMEOUT_MS 5000

/**
 * EvidentDbFlags:
 * @EVIDENT_DB_READ_ONLY: the connection never writes (PRAGMA query_only);
 *   write transactions fail with %EVIDENT_PROJECT_ERROR_READ_ONLY
 * @EVIDENT_DB_IMMUTABLE: neither the file nor its folder can be written:
 *   SQLite takes no locks and creates no -wal or -shm file beside it
 */
typedef enum
{
  EVIDENT_DB_DEFAULT   = 0,
  EVIDENT_DB_READ_ONLY = 1 << 0,
  EVIDENT_DB_IMMUTABLE = 1 << 1,
} EvidentDbFlags;

typedef struct _EvidentDb EvidentDb;

/* A statement from evident_db_prepare(), reset when it goes out of scope:
 * g_auto (EvidentDbStatement) stmt = evident_db_prepare (...). */
typedef sqlite3_stmt *EvidentDbStatement;

EvidentDb     *evident_db_open           (GFile               *file,
                                          EvidentFileLockMode  lock_mode,
                                          EvidentDbFlags       flags,
                                          guint               *version,
                                          GError             **error);
EvidentDb     *evident_db_open_connection (EvidentDb          *db,
                                          gboolean             write,
                                          GError             **error);
EvidentDb     *evident_db_new_source     (EvidentDb           *db,
                                          GError             **error);
EvidentDb     *evident_db_create         (const char          *path,
                                          GFile               *file,
                                          GError             **error);
void           evident_db_close          (EvidentDb           *db);
void           evident_db_task_return    (GTask               *task,
                                          EvidentDb          **db,
                                          gboolean             ok,
                                          GError              *error);

const char    *evident_db_get_name       (EvidentDb           *db);
gboolean       evident_db_is_read_only   (EvidentDb           *db);
gint64         evident_db_last_insert_id (EvidentDb           *db);
int            evident_db_changes        (EvidentDb           *db);

gboolean       evident_db_error          (EvidentDb           *db,
                                          int                  rc,
                                          GError             **error);
gboolean       evident_db_error_read_only (EvidentDb          *db,
                                          GError             **error);

sqlite3_stmt  *evident_db_prepare        (EvidentDb           *db,
                                          const char          *sql,
                                          GError             **error);
gboolean       evident_db_exec           (EvidentDb           *db,
                                          const char          *sql,
                                          GError             **error);
gboolean       evident_db_step_done      (EvidentDb           *db,
                                          sqlite3_stmt        *stmt,
                                          GError             **error);
gboolean       evident_db_step_end       (EvidentDb           *db,
                                          sqlite3_stmt        *stmt,
                                          int                  rc,
                                          GError             **error);
gboolean       evident_db_query_int64    (EvidentDb           *db,
                                          const char          *sql,
                                          gint64              *value,
                                          GError             **error);

gboolean       evident_db_begin_read     (EvidentDb           *db,
                                          GError             **error);
gboolean       evident_db_begin_write    (EvidentDb           *db,
                                          GError             **error);
gboolean       evident_db_commit         (EvidentDb           *db,
                                          GError             **error);
void           evident_db_rollback       (EvidentDb           *db);

const char    *evident_db_column_text    (sqlite3_stmt        *stmt,
                                          int                  column);
void           evident_db_bind_text_or_null (sqlite3_stmt     *stmt,
                                          int                  index,
                                          const char          *text);
gboolean       evident_db_column_is_null (sqlite3_stmt        *stmt,
                                          int                  column);

gboolean       evident_db_find_problems  (EvidentDb           *db,
                                          gboolean             quick,
                                          GPtrArray           *problems,
                                          GError             **error);
gboolean       evident_db_backup         (EvidentDb           *db,
                                          const char          *path,
                                          GFile               *destination,
                                          EvidentProgress     *progress,
                                          GCancellable        *cancellable,
                                          GError             **error);
gboolean       evident_db_vacuum         (EvidentDb           *db,
                                          GCancellable        *cancellable,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentDb, evident_db_close)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (EvidentDbStatement, sqlite3_reset, NULL)

G_END_DECLS
