/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "evident-blob-store.h"
#include "evident-evidence.h"
#include "evident-history.h"

/* How many bytes of a file g_content_type_guess() looks at. */
#define SNIFF_SIZE 4096

/* A cleanup deletes this many chunks of a file per transaction. */
#define DELETE_CHUNKS 8

struct _EvidentBlobStore
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  GCond            cond;
  GHashTable      *pending; /* sha256 → count of additions in flight */
  GHashTable      *writing; /* sha256s being written, or deleted by a cleanup */
};

EvidentBlobStore *
evident_blob_store_new (void)
{
  EvidentBlobStore *self = g_new0 (EvidentBlobStore, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->writing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

EvidentBlobStore *
evident_blob_store_ref (EvidentBlobStore *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
evident_blob_store_unref (EvidentBlobStore *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->writing, g_hash_table_unref);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

void
evident_stored_file_clear (EvidentStoredFile *stored)
{
  g_clear_pointer (&stored->filename, g_free);
  g_clear_pointer (&stored->content_type, g_free);
  g_clear_pointer (&stored->sha256, g_free);
}

/* Errors */

gboolean
evident_blob_is_sha256 (const char *string)
{
  if (string == NULL || strlen (string) != 64)
    return FALSE;
  for (const char *p = string; *p != '\0'; p++)
    {
      if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
        return FALSE;
    }
  return TRUE;
}

/* For messages: a name a user knows a stored file by. */
static char *
describe_blob (EvidentDb  *db,
               const char *sha256)
{
  g_auto (EvidentDbStatement) stmt = NULL;

  stmt = evident_db_prepare (db,
                             "SELECT filename FROM (SELECT filename, removed_at IS NOT NULL AS gone, id"
                             "                        FROM evidence WHERE sha256 = ?1"
                             "                       UNION ALL"
                             "                      SELECT filename, 0, 0 FROM workbooks"
                             "                       WHERE sha256 = ?1)"
                             " WHERE filename IS NOT NULL ORDER BY gone, id LIMIT 1",
                             NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup (evident_db_column_text (stmt, 0));
    }
  return g_strndup (sha256, 12);
}

gboolean
evident_blob_set_damaged_error (EvidentDb   *db,
                                const char  *sha256,
                                GError     **error)
{
  g_autofree char *what = describe_blob (db, sha256);

  g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_DAMAGED,
               _("The copy of “%s” stored in the project is damaged: it no longer matches the "
                 "file that was added. Add the original file again."),
               what);
  return FALSE;
}

gboolean
evident_blob_set_not_found_error (const char  *sha256,
                                  GError     **error)
{
  g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_NOT_FOUND,
               _("The project holds no file with the SHA-256 %s"), sha256);
  return FALSE;
}

static gboolean
set_removed_meanwhile_error (const char  *filename,
                             GError     **error)
{
  g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CHANGED,
               _("The stored copy of “%s” was removed by a cleanup at the same time; add it "
                 "again"),
               filename);
  return FALSE;
}

/* A cancellation passes through as it is; other errors of files are put
 * in words by the callers. */
static gboolean
pass_cancelled (GError **error,
                GError  *cause)
{
  if (!g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  g_propagate_error (error, g_error_copy (cause));
  return TRUE;
}

static gboolean
set_read_error (GError     **error,
                GFile       *file,
                GError      *cause)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (pass_cancelled (error, cause))
    return FALSE;
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CANNOT_READ,
                 _("“%s” does not exist"), name);
  else
    g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CANNOT_READ,
                 _("Could not read “%s”: %s"), name, cause->message);
  return FALSE;
}

/* Reading */

/* Looks up a stored blob: its size, and whether all its chunks are in. */
static gboolean
query_blob (EvidentDb   *db,
            const char  *sha256,
            gboolean    *found,
            gint64      *size,
            gboolean    *complete,
            GError     **error)
{
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  stmt = evident_db_prepare (db, "SELECT size, complete FROM blobs WHERE sha256 = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return evident_db_error (db, rc, error);
  *found = rc == SQLITE_ROW;
  if (size != NULL)
    *size = *found ? sqlite3_column_int64 (stmt, 0) : 0;
  if (complete != NULL)
    *complete = *found && sqlite3_column_int (stmt, 1) == 1;
  return TRUE;
}

/* Reads the chunks of a complete blob in order, checking that they follow
 * each other and add up to its size and SHA-256. */
static gboolean
read_chunks (EvidentDb     *db,
             const char    *sha256,
             gint64         size,
             GCancellable  *cancellable,
             GChecksum     *checksum,
             gint64        *total,
             EvidentChunkFunc func,
             gpointer       user_data,
             GError       **error)
{
  g_auto (EvidentDbStatement) stmt = NULL;
  gint64 seq = 0;
  int rc;

  stmt = evident_db_prepare (db, "SELECT seq, data FROM blob_chunks WHERE sha256 = ? ORDER BY seq",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const guint8 *data = sqlite3_column_blob (stmt, 1);
      gsize len = sqlite3_column_bytes (stmt, 1);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (sqlite3_column_int64 (stmt, 0) != seq++ || *total + (gint64) len > size)
        return evident_blob_set_damaged_error (db, sha256, error);
      *total += len;
      g_checksum_update (checksum, data, len);
      if (func != NULL && !func (data, len, user_data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return evident_db_error (db, rc, error);
  return TRUE;
}

/**
 * evident_blob_read:
 * @db: a connection of the calling thread
 * @sha256: the SHA-256 of a stored file
 * @cancellable: (nullable): a cancellable
 * @func: (nullable): gets the bytes, chunk by chunk
 * @user_data: data for @func
 * @error: return location for an error
 *
 * Reads a complete blob chunk by chunk, in one read transaction, checking
 * that the chunks follow each other, add up to its size and hash to its
 * SHA-256: a blob that does not fails with %EVIDENT_EVIDENCE_ERROR_DAMAGED.
 *
 * Returns: %TRUE when the blob is whole
 */
gboolean
evident_blob_read (EvidentDb        *db,
                   const char       *sha256,
                   GCancellable     *cancellable,
                   EvidentChunkFunc  func,
                   gpointer          user_data,
                   GError          **error)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gboolean found, complete;
  gint64 size, total = 0;

  if (!evident_blob_is_sha256 (sha256))
    return evident_blob_set_not_found_error (sha256, error);
  if (!evident_db_begin_read (db, error))
    return FALSE;

  if (!query_blob (db, sha256, &found, &size, &complete, error))
    goto failed;
  if (!found || !complete)
    {
      evident_blob_set_not_found_error (sha256, error);
      goto failed;
    }
  if (!read_chunks (db, sha256, size, cancellable, checksum, &total, func, user_data, error))
    goto failed;
  evident_db_rollback (db);

  if (total != size || !g_str_equal (g_checksum_get_string (checksum), sha256))
    return evident_blob_set_damaged_error (db, sha256, error);
  return TRUE;

failed:
  evident_db_rollback (db);
  return FALSE;
}

/**
 * evident_blob_check_complete:
 * @db: a connection in the write transaction that adds evidence
 * @sha256: the file the evidence is to use
 * @filename: its name, for the message
 * @error: return location for an error
 *
 * Whether the file is still complete: a cleanup of another program may
 * have taken it while it was being added.
 *
 * Returns: %TRUE when evidence may use it
 */
gboolean
evident_blob_check_complete (EvidentDb   *db,
                             const char  *sha256,
                             const char  *filename,
                             GError     **error)
{
  gboolean found, complete;

  if (!query_blob (db, sha256, &found, NULL, &complete, error))
    return FALSE;
  if (!complete)
    return set_removed_meanwhile_error (filename, error);
  return TRUE;
}

/**
 * evident_blob_resolve:
 * @db: a connection of the calling thread
 * @prefix: the start of a SHA-256 in hex (at least 4 digits), or all of it
 * @error: return location for an error
 *
 * Returns: (transfer full): the whole SHA-256 of the one stored file whose
 *   SHA-256 starts with @prefix
 */
char *
evident_blob_resolve (EvidentDb   *db,
                      const char  *prefix,
                      GError     **error)
{
  g_auto (EvidentDbStatement) stmt = NULL;
  g_autofree char *lower = g_ascii_strdown (prefix, -1);
  g_autofree char *found = NULL;
  gsize len = strlen (lower);
  int rc;

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (!g_ascii_isxdigit (*p))
        len = 0;
    }
  if (len < 4 || len > 64)
    {
      g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID,
                   _("“%s” is not a SHA-256; give at least its first 4 hex digits"), prefix);
      return NULL;
    }

  stmt = evident_db_prepare (db,
                             "SELECT sha256 FROM blobs WHERE complete = 1"
                             " AND substr (sha256, 1, ?2) = ?1 LIMIT 2",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, len);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (found != NULL)
        {
          g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID,
                       _("Several stored files have a SHA-256 starting with %s; give more "
                         "digits"),
                       lower);
          return NULL;
        }
      found = g_strdup (evident_db_column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    {
      evident_db_error (db, rc, error);
      return NULL;
    }
  if (found == NULL)
    {
      evident_blob_set_not_found_error (lower, error);
      return NULL;
    }
  return g_steal_pointer (&found);
}

typedef struct
{
  GOutputStream *stream;
  GFile         *destination;
  GCancellable  *cancellable;
} ExtractJob;

static gboolean
set_save_error (GError     **error,
                GFile       *destination,
                GError      *cause)
{
  g_autofree char *name = g_file_get_parse_name (destination);

  if (!pass_cancelled (error, cause))
    g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED,
                 _("Could not save “%s”: %s"), name, cause->message);
  return FALSE;
}

static gboolean
write_chunk (const guint8  *data,
             gsize          len,
             gpointer       user_data,
             GError       **error)
{
  ExtractJob *job = user_data;
  g_autoptr (GError) local_error = NULL;

  if (!g_output_stream_write_all (job->stream, data, len, NULL, job->cancellable, &local_error))
    return set_save_error (error, job->destination, local_error);
  return TRUE;
}

/**
 * evident_blob_extract:
 * @db: a connection of the calling thread
 * @sha256: the SHA-256 of a stored file
 * @destination: where to save a copy; replaced if it exists
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Saves a copy of a stored file, checked against the SHA-256 as it is
 * written: a damaged file is refused and @destination is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_blob_extract (EvidentDb     *db,
                      const char    *sha256,
                      GFile         *destination,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr (GFileOutputStream) out = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GCancellable) abort = NULL;
  ExtractJob job = { NULL, destination, cancellable };
  gboolean existed;

  existed = g_file_query_exists (destination, cancellable);
  out = g_file_replace (destination, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                        &local_error);
  if (out == NULL)
    return set_save_error (error, destination, local_error);
  job.stream = G_OUTPUT_STREAM (out);

  if (evident_blob_read (db, sha256, cancellable, write_chunk, &job, error))
    {
      if (g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
        return TRUE;
      set_save_error (error, destination, local_error);
    }

  /* Closing with a cancelled cancellable leaves a replaced file as it was;
   * a file that was not there before goes. */
  abort = g_cancellable_new ();
  g_cancellable_cancel (abort);
  g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
  if (!existed)
    g_file_delete (destination, NULL, NULL);
  return FALSE;
}

/* Adding */

typedef struct
{
  GFile           *file;
  EvidentProgress *progress;
  goffset          expected;
} Reader;

/* Reports progress on a scale of the file's size: the first half while
 * hashing, the second while writing (when there is anything to write). */
static void
report (Reader  *reader,
        goffset  hashed,
        goffset  written)
{
  goffset total = reader->expected;
  goffset current = (MIN (hashed, total) + MIN (written, total)) / 2;

  evident_progress_report (reader->progress, MIN (current, total), total);
}

/* Reads the file in chunks, hashing it, and hands each chunk (with the
 * bytes read so far) to @func; the SHA-256 and the size come out. */
typedef gboolean (*ReadFunc) (Reader        *reader,
                              const guint8  *data,
                              gsize          len,
                              goffset        total,
                              gpointer       user_data,
                              GError       **error);

static gboolean
read_file (Reader        *reader,
           guint8        *buffer,
           ReadFunc       func,
           gpointer       user_data,
           char         **sha256,
           goffset       *size,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  goffset total = 0;
  gsize n_read;

  stream = G_INPUT_STREAM (g_file_read (reader->file, cancellable, &local_error));
  if (stream == NULL)
    return set_read_error (error, reader->file, local_error);

  do
    {
      if (!g_input_stream_read_all (stream, buffer, EVIDENT_BLOB_CHUNK_SIZE, &n_read, cancellable,
                                    &local_error))
        return set_read_error (error, reader->file, local_error);
      g_checksum_update (checksum, buffer, n_read);
      total += n_read;
      if (!func (reader, buffer, n_read, total, user_data, error)
          || g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  while (n_read == EVIDENT_BLOB_CHUNK_SIZE);

  *sha256 = g_strdup (g_checksum_get_string (checksum));
  *size = total;
  g_input_stream_close (stream, NULL, NULL);
  return TRUE;
}

static gboolean
set_changed_error (Reader  *reader,
                   GError **error)
{
  g_autofree char *name = g_file_get_parse_name (reader->file);

  g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CHANGED,
               _("“%s” changed while it was being added; add it again once it is saved"), name);
  return FALSE;
}

/* Pass one: the content type from the first chunk. */
static gboolean
sniff_chunk (Reader        *reader,
             const guint8  *data,
             gsize          len,
             goffset        total,
             gpointer       user_data,
             GError       **error)
{
  EvidentStoredFile *stored = user_data;

  if (stored->content_type == NULL)
    {
      g_autofree char *type = NULL;
      g_autofree char *mime = NULL;

      type = g_content_type_guess (stored->filename, len > 0 ? data : NULL, MIN (len, SNIFF_SIZE),
                                   NULL);
      mime = type != NULL ? g_content_type_get_mime_type (type) : NULL;
      stored->content_type = mime != NULL ? g_steal_pointer (&mime)
                                          : g_strdup ("application/octet-stream");
    }
  report (reader, total, 0);
  return TRUE;
}

/* The blob row, incomplete until its chunks are in; claimed from a cleanup
 * of another program that may be deleting it. */
static gboolean
insert_blob_row (EvidentDb          *db,
                 EvidentStoredFile  *stored,
                 GError            **error)
{
  g_autofree char *now = evident_history_now ();
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             "INSERT INTO blobs (sha256, size, complete, created_at)"
                             " VALUES (?1, ?2, 0, ?3)"
                             " ON CONFLICT (sha256) DO UPDATE SET complete = 0, size = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, stored->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, stored->size);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  return evident_db_step_done (db, stmt, error);
}

/* The blob row, and no chunks left over from an attempt cut short. */
static gboolean
start_blob (EvidentDb          *db,
            EvidentStoredFile  *stored,
            GError            **error)
{
  sqlite3_stmt *stmt;

  if (!evident_db_begin_write (db, error) || !insert_blob_row (db, stored, error))
    goto failed;

  stmt = evident_db_prepare (db, "DELETE FROM blob_chunks WHERE sha256 = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, stored->sha256, -1, SQLITE_STATIC);
  if (!evident_db_step_done (db, stmt, error) || !evident_db_commit (db, error))
    goto failed;
  return TRUE;

failed:
  evident_db_rollback (db);
  return FALSE;
}

/* Marks the blob complete, unless a cleanup of another program deleted
 * chunks meanwhile. */
static gboolean
complete_blob (EvidentDb          *db,
               EvidentStoredFile  *stored,
               GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             "UPDATE blobs SET complete = 1 WHERE sha256 = ?1 AND complete = 0"
                             " AND size = (SELECT coalesce (sum (length (data)), 0)"
                             "              FROM blob_chunks WHERE sha256 = ?1)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, stored->sha256, -1, SQLITE_STATIC);
  if (!evident_db_step_done (db, stmt, error))
    return FALSE;
  if (evident_db_changes (db) != 1)
    return set_removed_meanwhile_error (stored->filename, error);
  return TRUE;
}

typedef struct
{
  EvidentDb         *db;
  EvidentStoredFile *stored;
  gint64             seq;
} Writer;

/* Pass two: each chunk a row, and a transaction, of its own. */
static gboolean
store_chunk (Reader        *reader,
             const guint8  *data,
             gsize          len,
             goffset        total,
             gpointer       user_data,
             GError       **error)
{
  Writer *writer = user_data;
  sqlite3_stmt *insert;

  if (len == 0)
    return TRUE;
  if (total > writer->stored->size)
    return set_changed_error (reader, error);

  insert = evident_db_prepare (writer->db, "INSERT INTO blob_chunks (sha256, seq, data)"
                                           " VALUES (?, ?, ?)",
                               error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, writer->stored->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, writer->seq++);
  sqlite3_bind_blob (insert, 3, data, len, SQLITE_STATIC);
  if (!evident_db_step_done (writer->db, insert, error))
    return FALSE;

  report (reader, reader->expected, total);
  return TRUE;
}

/* The chunks, then the blob marked complete. The file is hashed again as
 * it is written: bytes that no longer match what pass one saw are refused. */
static gboolean
write_blob (Reader             *reader,
            EvidentDb          *db,
            guint8             *buffer,
            EvidentStoredFile  *stored,
            GCancellable       *cancellable,
            GError            **error)
{
  Writer writer = { db, stored, 0 };
  g_autofree char *sha256 = NULL;
  goffset size;

  if (!start_blob (db, stored, error)
      || !read_file (reader, buffer, store_chunk, &writer, &sha256, &size, cancellable, error))
    return FALSE;
  if (size != stored->size || !g_str_equal (sha256, stored->sha256))
    return set_changed_error (reader, error);
  return complete_blob (db, stored, error);
}

/* What an addition cut short leaves: dropped at once, before another
 * thread may write the same blob (cleanup would drop it too). */
static void
drop_incomplete_blob (EvidentDb  *db,
                      const char *sha256)
{
  const char *sql[] = {
    "DELETE FROM blob_chunks WHERE sha256 = ?1"
    " AND EXISTS (SELECT 1 FROM blobs WHERE sha256 = ?1 AND complete = 0)",
    "DELETE FROM blobs WHERE sha256 = ?1 AND complete = 0",
  };
  gboolean ok = evident_db_begin_write (db, NULL);

  for (guint i = 0; ok && i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = evident_db_prepare (db, sql[i], NULL);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
          ok = evident_db_step_done (db, stmt, NULL);
        }
    }
  if (!ok || !evident_db_commit (db, NULL))
    evident_db_rollback (db);
}

static void
pending_add_locked (EvidentBlobStore *self,
                    const char       *sha256)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->pending, sha256));

  g_hash_table_insert (self->pending, g_strdup (sha256), GUINT_TO_POINTER (count + 1));
}

/* Drops @stored's mark once its evidence row is in (or will never be). */
void
evident_blob_store_release (EvidentBlobStore  *self,
                            EvidentStoredFile *stored)
{
  guint count;

  if (!stored->pending)
    return;
  stored->pending = FALSE;

  g_mutex_lock (&self->lock);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->pending, stored->sha256));
  g_assert (count > 0);
  if (count > 1)
    g_hash_table_insert (self->pending, g_strdup (stored->sha256), GUINT_TO_POINTER (count - 1));
  else
    g_hash_table_remove (self->pending, stored->sha256);
  g_mutex_unlock (&self->lock);
}

static void
writing_done (EvidentBlobStore *self,
              const char       *sha256)
{
  g_mutex_lock (&self->lock);
  g_hash_table_remove (self->writing, sha256);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* Until the evidence row is in, cleanups leave the blob alone (pending);
 * and only one thread writes (or deletes) a given blob. Whether the blob
 * is complete, then, is the answer that counts. */
static gboolean
claim_blob (EvidentBlobStore   *self,
            EvidentDb          *db,
            EvidentStoredFile  *stored,
            GError            **error)
{
  gboolean found, complete;

  g_mutex_lock (&self->lock);
  pending_add_locked (self, stored->sha256);
  stored->pending = TRUE;
  while (g_hash_table_contains (self->writing, stored->sha256))
    g_cond_wait (&self->cond, &self->lock);
  if (!query_blob (db, stored->sha256, &found, NULL, &complete, error))
    {
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  stored->already_stored = complete;
  if (!complete)
    g_hash_table_add (self->writing, g_strdup (stored->sha256));
  g_mutex_unlock (&self->lock);
  return TRUE;
}

/**
 * evident_blob_store_add_file:
 * @self: the store of the project
 * @db: a connection that writes, of the calling (worker) thread
 * @file: the file to add
 * @progress: (nullable): reports the bytes done, on the scale of the size
 * @stored: (out caller-allocates): what was stored; clear it with
 *   evident_stored_file_clear() after evident_blob_store_release()
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Hashes the file, then stores its bytes unless the project has them. The
 * blob stays out of cleanups' way until evident_blob_store_release().
 *
 * Returns: %TRUE when the project holds the file's bytes
 */
gboolean
evident_blob_store_add_file (EvidentBlobStore   *self,
                             EvidentDb          *db,
                             GFile              *file,
                             EvidentProgress    *progress,
                             EvidentStoredFile  *stored,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autofree guint8 *buffer = NULL;
  Reader reader = { file, progress, 0 };
  gboolean ok;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    return set_read_error (error, file, local_error);
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CANNOT_READ,
                   _("“%s” is a folder; add the files in it instead"), name);
      return FALSE;
    }
  stored->filename = g_strdup (g_file_info_get_display_name (info));
  reader.expected = g_file_info_get_size (info);

  buffer = g_malloc (EVIDENT_BLOB_CHUNK_SIZE);
  if (!read_file (&reader, buffer, sniff_chunk, stored, &stored->sha256, &stored->size,
                  cancellable, error))
    return FALSE;
  reader.expected = MAX (reader.expected, stored->size);

  if (!claim_blob (self, db, stored, error))
    return FALSE;
  if (stored->already_stored)
    {
      evident_progress_report (progress, reader.expected, reader.expected);
      return TRUE;
    }

  ok = write_blob (&reader, db, buffer, stored, cancellable, error);
  if (!ok)
    {
      g_debug ("Addition of %s cut short; dropping what was written", stored->filename);
      drop_incomplete_blob (db, stored->sha256);
    }
  writing_done (self, stored->sha256);

  if (ok)
    evident_progress_report (progress, reader.expected, reader.expected);
  return ok;
}

static gboolean
append_chunk (const guint8  *data,
              gsize          len,
              gpointer       user_data,
              GError       **error)
{
  g_byte_array_append (user_data, data, len);
  return TRUE;
}

/**
 * evident_blob_load:
 * @db: a connection of the calling thread, outside a transaction
 * @sha256: the SHA-256 of a stored file
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reads a whole stored file with evident_blob_read(), which checks it.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 */
GBytes *
evident_blob_load (EvidentDb     *db,
                   const char    *sha256,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();

  if (!evident_blob_read (db, sha256, cancellable, append_chunk, bytes, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * evident_blob_put_bytes:
 * @db: a connection in a write transaction
 * @bytes: a file's bytes, in memory
 * @sha256: (out) (transfer full): their SHA-256
 * @error: return location for an error
 *
 * Stores @bytes as a complete blob inside the caller's transaction, unless
 * the project has them: for a file that comes with a new project (the
 * workbook it was imported from), where one transaction writes it all.
 *
 * Returns: %TRUE when the project holds the bytes
 */
gboolean
evident_blob_put_bytes (EvidentDb  *db,
                        GBytes     *bytes,
                        char      **sha256,
                        GError    **error)
{
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  const guint8 *data = g_bytes_get_data (bytes, NULL);
  gsize size = g_bytes_get_size (bytes);
  gboolean found, complete;

  if (!query_blob (db, sum, &found, NULL, &complete, error))
    return FALSE;
  if (!complete)
    {
      EvidentStoredFile stored = { .sha256 = sum, .size = size };
      Writer writer = { db, &stored, 0 };

      if (!insert_blob_row (db, &stored, error))
        return FALSE;

      for (gsize offset = 0; offset < size; offset += EVIDENT_BLOB_CHUNK_SIZE)
        {
          Reader reader = { NULL, NULL, size };

          if (!store_chunk (&reader, data + offset, MIN (EVIDENT_BLOB_CHUNK_SIZE, size - offset),
                            offset + MIN (EVIDENT_BLOB_CHUNK_SIZE, size - offset), &writer,
                            error))
            return FALSE;
        }
      if (!complete_blob (db, &stored, error))
        return FALSE;
    }

  *sha256 = g_steal_pointer (&sum);
  return TRUE;
}

/* Verifying */

typedef struct
{
  EvidentProgress *progress;
  goffset          done;
  goffset          total;
} VerifyProgress;

static gboolean
count_chunk (const guint8  *data,
             gsize          len,
             gpointer       user_data,
             GError       **error)
{
  VerifyProgress *job = user_data;

  job->done += len;
  evident_progress_report (job->progress, MIN (job->done, job->total), job->total);
  return TRUE;
}

/* The verdicts, in the file: best effort, since verifying is reading. */
static void
record_verdicts (EvidentDb *db,
                 GPtrArray *good,
                 GPtrArray *bad)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *now = evident_history_now ();

  if (evident_db_is_read_only (db) || !evident_db_begin_write (db, &error))
    goto failed;
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *list = pass == 0 ? good : bad;

      for (guint i = 0; i < list->len; i++)
        {
          sqlite3_stmt *stmt = evident_db_prepare (
              db, "UPDATE blobs SET verified_at = ? WHERE sha256 = ?", &error);

          if (stmt == NULL)
            goto failed;
          if (pass == 0)
            sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, g_ptr_array_index (list, i), -1, SQLITE_STATIC);
          if (!evident_db_step_done (db, stmt, &error))
            goto failed;
        }
    }
  if (evident_db_commit (db, &error))
    return;

failed:
  evident_db_rollback (db);
  g_debug ("Verification of %s not recorded: %s", evident_db_get_name (db),
           error != NULL ? error->message : "read-only");
}

static gboolean
list_blobs_in_use (EvidentDb  *db,
                   GPtrArray  *shas,
                   GArray     *sizes,
                   goffset    *total,
                   GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = evident_db_prepare (db,
                             "SELECT DISTINCT u.sha256, coalesce (b.size, 0)"
                             "  FROM (SELECT sha256 FROM evidence"
                             "         WHERE removed_at IS NULL AND sha256 IS NOT NULL"
                             "        UNION SELECT sha256 FROM workbooks) u"
                             "  LEFT JOIN blobs b ON b.sha256 = u.sha256"
                             " ORDER BY u.sha256",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 size = sqlite3_column_int64 (stmt, 1);

      g_ptr_array_add (shas, g_strdup (evident_db_column_text (stmt, 0)));
      g_array_append_val (sizes, size);
      *total += size;
    }
  return evident_db_step_end (db, stmt, rc, error);
}

/**
 * evident_blob_verify:
 * @db: a connection of the calling (worker) thread
 * @progress: (nullable): reports the bytes checked
 * @good: (element-type utf8): gets the SHA-256 of every intact file
 * @bad: (element-type utf8): gets those of the damaged or missing ones
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Re-hashes every stored file that live evidence uses, and records the
 * verdicts in the file when it can: on a read-only project, or when the
 * disk is full, the verdicts are still returned.
 *
 * Returns: %TRUE when the check ran, whatever it found
 */
gboolean
evident_blob_verify (EvidentDb        *db,
                     EvidentProgress  *progress,
                     GPtrArray        *good,
                     GPtrArray        *bad,
                     GCancellable     *cancellable,
                     GError          **error)
{
  g_autoptr (GArray) sizes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) shas = g_ptr_array_new_with_free_func (g_free);
  VerifyProgress job = { progress, 0, 0 };

  if (!list_blobs_in_use (db, shas, sizes, &job.total, error))
    return FALSE;

  for (guint i = 0; i < shas->len; i++)
    {
      const char *sha256 = g_ptr_array_index (shas, i);
      g_autoptr (GError) local_error = NULL;
      goffset done = job.done;

      if (evident_blob_read (db, sha256, cancellable, count_chunk, &job, &local_error))
        g_ptr_array_add (good, g_strdup (sha256));
      else if (g_error_matches (local_error, EVIDENT_EVIDENCE_ERROR,
                                EVIDENT_EVIDENCE_ERROR_DAMAGED)
               || g_error_matches (local_error, EVIDENT_EVIDENCE_ERROR,
                                   EVIDENT_EVIDENCE_ERROR_NOT_FOUND))
        g_ptr_array_add (bad, g_strdup (sha256));
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      job.done = done + g_array_index (sizes, gint64, i);
      evident_progress_report (progress, job.done, job.total);
    }

  record_verdicts (db, good, bad);
  evident_progress_report (progress, job.total, job.total);
  return TRUE;
}

/* Cleaning up */

/* Deletes removed evidence for good: all of it (@purge), or only what no
 * undo or redo can bring back any more. Their edits leave the undo stack. */
static gboolean
purge_evidence (EvidentDb  *db,
                gboolean    purge,
                GArray     *purged,
                GError    **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = evident_db_prepare (db,
                             "SELECT e.id FROM evidence e WHERE e.removed_at IS NOT NULL"
                             " AND (?1 OR NOT EXISTS (SELECT 1 FROM history h"
                             "                         JOIN changes c ON c.id = h.change_id"
                             "                        WHERE h.evidence_id = e.id"
                             "                          AND c.kind IN "
                             EVIDENT_HISTORY_UNDOABLE_KINDS
                             "                          AND c.state IN (0, 1)))",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, purge);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!evident_db_step_end (db, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!evident_history_finalize_evidence (db, id, error))
        return FALSE;
      stmt = evident_db_prepare (db, "DELETE FROM evidence WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!evident_db_step_done (db, stmt, error))
        return FALSE;
      if (purged != NULL)
        g_array_append_val (purged, id);
    }
  return TRUE;
}

/* Marks the blobs no evidence uses for deletion (complete = -1), except
 * those being added in this process; inside a transaction, with the
 * store's lock held. */
static gboolean
doom_blobs_locked (EvidentBlobStore  *self,
                   EvidentDb         *db,
                   GPtrArray         *doomed,
                   guint64           *freed,
                   GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = evident_db_prepare (db,
                             "SELECT b.sha256, (SELECT coalesce (sum (length (c.data)), 0)"
                             "                    FROM blob_chunks c WHERE c.sha256 = b.sha256)"
                             "  FROM blobs b"
                             " WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.sha256 = b.sha256)"
                             "   AND NOT EXISTS (SELECT 1 FROM workbooks w WHERE w.sha256 = b.sha256)",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sha256 = evident_db_column_text (stmt, 0);

      if (self != NULL
          && (g_hash_table_contains (self->pending, sha256)
              || g_hash_table_contains (self->writing, sha256)))
        continue;
      g_ptr_array_add (doomed, g_strdup (sha256));
      *freed += sqlite3_column_int64 (stmt, 1);
    }
  if (!evident_db_step_end (db, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < doomed->len; i++)
    {
      stmt = evident_db_prepare (db, "UPDATE blobs SET complete = -1 WHERE sha256 = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (doomed, i), -1, SQLITE_STATIC);
      if (!evident_db_step_done (db, stmt, error))
        return FALSE;
      if (self != NULL)
        g_hash_table_add (self->writing, g_strdup (g_ptr_array_index (doomed, i)));
    }
  return TRUE;
}

/* Deletes a doomed blob a few chunks per transaction, unless an addition
 * (of another program) claims it back meanwhile. */
static gboolean
delete_blob (EvidentDb     *db,
             const char    *sha256,
             GCancellable  *cancellable,
             GError       **error)
{
  int n_deleted;

  do
    {
      sqlite3_stmt *stmt;

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !evident_db_begin_write (db, error))
        return FALSE;

      stmt = evident_db_prepare (db,
                                 "DELETE FROM blob_chunks WHERE id IN"
                                 " (SELECT id FROM blob_chunks WHERE sha256 = ?1"
                                 "   AND EXISTS (SELECT 1 FROM blobs"
                                 "                WHERE sha256 = ?1 AND complete = -1)"
                                 "  ORDER BY seq DESC LIMIT ?2)",
                                 error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, DELETE_CHUNKS);
      if (!evident_db_step_done (db, stmt, error))
        goto failed;
      n_deleted = evident_db_changes (db);

      if (n_deleted == 0)
        {
          stmt = evident_db_prepare (db,
                                     "DELETE FROM blobs WHERE sha256 = ?1 AND complete = -1"
                                     " AND NOT EXISTS (SELECT 1 FROM blob_chunks WHERE sha256 = ?1)"
                                     " AND NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = ?1)"
                                     " AND NOT EXISTS (SELECT 1 FROM workbooks WHERE sha256 = ?1)",
                                     error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
          if (!evident_db_step_done (db, stmt, error))
            goto failed;
        }

      if (!evident_db_commit (db, error))
        goto failed;
    }
  while (n_deleted > 0);
  return TRUE;

failed:
  evident_db_rollback (db);
  return FALSE;
}

/**
 * evident_blob_store_cleanup:
 * @self: (nullable): the store of the project, when there is one in this
 *   process: additions in progress are left alone
 * @db: a connection that writes, of the calling thread
 * @purge: delete all removed evidence for good (evident-cli cleanup), not
 *   only the evidence whose removal can no longer be undone (on close)
 * @purged: (nullable) (element-type gint64): gets the ids of the evidence
 *   deleted
 * @bytes_freed: (out) (optional): how many bytes of stored files were freed
 * @cancellable: (nullable): a cancellable, checked between steps
 * @error: return location for an error
 *
 * Deletes removed evidence, then every stored file that no evidence uses
 * any more, and what is left of additions cut short. One short transaction
 * for the evidence; then a few chunks per transaction: no step holds the
 * write lock for long, and a cancelled cleanup is finished by the next.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_blob_store_cleanup (EvidentBlobStore  *self,
                            EvidentDb         *db,
                            gboolean           purge,
                            GArray            *purged,
                            guint64           *bytes_freed,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_autoptr (GPtrArray) doomed = g_ptr_array_new_with_free_func (g_free);
  guint64 freed = 0;
  gboolean ok;

  /* Held until the commit: an addition that finds a blob complete has
   * marked it pending first, so either it sees this cleanup's result or
   * this cleanup sees its mark. */
  if (self != NULL)
    g_mutex_lock (&self->lock);
  ok = evident_db_begin_write (db, error);
  if (ok)
    {
      ok = purge_evidence (db, purge, purged, error)
           && doom_blobs_locked (self, db, doomed, &freed, error)
           && evident_db_commit (db, error);
      if (!ok)
        {
          evident_db_rollback (db);
          if (purged != NULL)
            g_array_set_size (purged, 0);
          if (self != NULL)
            for (guint i = 0; i < doomed->len; i++)
              g_hash_table_remove (self->writing, g_ptr_array_index (doomed, i));
          g_ptr_array_set_size (doomed, 0);
        }
    }
  if (self != NULL)
    g_mutex_unlock (&self->lock);

  for (guint i = 0; ok && i < doomed->len; i++)
    ok = delete_blob (db, g_ptr_array_index (doomed, i), cancellable, error);

  for (guint i = 0; self != NULL && i < doomed->len; i++)
    writing_done (self, g_ptr_array_index (doomed, i));

  g_debug ("Cleanup of %s: %u files, %" G_GUINT64_FORMAT " bytes", evident_db_get_name (db),
           doomed->len, freed);
  if (ok && bytes_freed != NULL)
    *bytes_freed = freed;
  return ok;
}
