/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A stored file, read chunk by chunk through a connection of its own: any
 * thread may open and read it (one at a time). */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "evident-blob-store.h"
#include "evident-blob-stream.h"

struct _EvidentBlobStream
{
  GInputStream  parent_instance;

  EvidentDb    *db;
  char         *sha256;
  goffset       size;
  goffset       chunk_size;
  goffset       position;
  gint64        chunk_seq; /* of @chunk; -1 when none is loaded */
  GBytes       *chunk;
};

static void evident_blob_stream_seekable_init (GSeekableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EvidentBlobStream, evident_blob_stream, G_TYPE_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_SEEKABLE,
                                                      evident_blob_stream_seekable_init))

static gboolean
blob_stream_load_chunk (EvidentBlobStream  *self,
                        gint64              seq,
                        GError            **error)
{
  gint64 expected = MIN (self->chunk_size, self->size - seq * self->chunk_size);
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  g_clear_pointer (&self->chunk, g_bytes_unref);
  self->chunk_seq = -1;

  stmt = evident_db_prepare (self->db,
                             "SELECT data FROM blob_chunks WHERE sha256 = ?1 AND seq = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, seq);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) == expected)
    {
      self->chunk = g_bytes_new (sqlite3_column_blob (stmt, 0), expected);
      self->chunk_seq = seq;
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return evident_db_error (self->db, rc, error);
  if (self->chunk == NULL)
    return evident_blob_set_damaged_error (self->db, self->sha256, error);
  return TRUE;
}

static gssize
evident_blob_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  EvidentBlobStream *self = EVIDENT_BLOB_STREAM (stream);
  gint64 seq;
  gsize offset, len, n;
  const guint8 *data;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  if (count == 0 || self->position >= self->size)
    return 0;

  seq = self->position / self->chunk_size;
  if (seq != self->chunk_seq && !blob_stream_load_chunk (self, seq, error))
    return -1;

  data = g_bytes_get_data (self->chunk, &len);
  offset = self->position - seq * self->chunk_size;
  n = MIN (count, len - offset);
  memcpy (buffer, data + offset, n);
  self->position += n;
  return n;
}

static gboolean
evident_blob_stream_close (GInputStream  *stream,
                           GCancellable  *cancellable,
                           GError       **error)
{
  EvidentBlobStream *self = EVIDENT_BLOB_STREAM (stream);

  g_clear_pointer (&self->chunk, g_bytes_unref);
  g_clear_pointer (&self->db, evident_db_close);
  return TRUE;
}

static goffset
evident_blob_stream_tell (GSeekable *seekable)
{
  return EVIDENT_BLOB_STREAM (seekable)->position;
}

static gboolean
evident_blob_stream_can_seek (GSeekable *seekable)
{
  return TRUE;
}

static gboolean
evident_blob_stream_seek (GSeekable     *seekable,
                          goffset        offset,
                          GSeekType      type,
                          GCancellable  *cancellable,
                          GError       **error)
{
  EvidentBlobStream *self = EVIDENT_BLOB_STREAM (seekable);
  goffset position;

  if (g_input_stream_is_closed (G_INPUT_STREAM (self)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("Stream is already closed"));
      return FALSE;
    }

  switch (type)
    {
    case G_SEEK_CUR:
      position = self->position + offset;
      break;
    case G_SEEK_SET:
      position = offset;
      break;
    case G_SEEK_END:
      position = self->size + offset;
      break;
    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Invalid seek type"));
      return FALSE;
    }

  if (position < 0 || position > self->size)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Cannot seek outside the file"));
      return FALSE;
    }
  self->position = position;
  return TRUE;
}

static gboolean
evident_blob_stream_can_truncate (GSeekable *seekable)
{
  return FALSE;
}

static gboolean
evident_blob_stream_truncate (GSeekable     *seekable,
                              goffset        offset,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Stored evidence cannot be changed"));
  return FALSE;
}

static void
evident_blob_stream_seekable_init (GSeekableIface *iface)
{
  iface->tell = evident_blob_stream_tell;
  iface->can_seek = evident_blob_stream_can_seek;
  iface->seek = evident_blob_stream_seek;
  iface->can_truncate = evident_blob_stream_can_truncate;
  iface->truncate_fn = evident_blob_stream_truncate;
}

static void
evident_blob_stream_finalize (GObject *object)
{
  EvidentBlobStream *self = EVIDENT_BLOB_STREAM (object);

  g_clear_pointer (&self->chunk, g_bytes_unref);
  g_clear_pointer (&self->db, evident_db_close);
  g_clear_pointer (&self->sha256, g_free);

  G_OBJECT_CLASS (evident_blob_stream_parent_class)->finalize (object);
}

static void
evident_blob_stream_class_init (EvidentBlobStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = evident_blob_stream_finalize;
  stream_class->read_fn = evident_blob_stream_read;
  stream_class->close_fn = evident_blob_stream_close;
}

static void
evident_blob_stream_init (EvidentBlobStream *self)
{
  self->chunk_seq = -1;
  self->chunk_size = EVIDENT_BLOB_CHUNK_SIZE;
}

/**
 * evident_blob_stream_new:
 * @db: (transfer full): a connection of the stream's own
 * @sha256: the SHA-256 of a stored file
 * @error: return location for an error
 *
 * The stream can seek. It does not check the SHA-256: see
 * evident_evidence_store_verify().
 *
 * Returns: (transfer full): a #GInputStream that is also a #GSeekable
 */
GInputStream *
evident_blob_stream_new (EvidentDb   *db,
                         const char  *sha256,
                         GError     **error)
{
  g_autoptr (EvidentBlobStream) self = g_object_new (EVIDENT_TYPE_BLOB_STREAM, NULL);
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  self->db = db;
  self->sha256 = g_strdup (sha256);

  if (!evident_blob_is_sha256 (sha256))
    {
      evident_blob_set_not_found_error (sha256, error);
      return NULL;
    }

  stmt = evident_db_prepare (self->db,
                             "SELECT size, complete, (SELECT length (data) FROM blob_chunks"
                             "                         WHERE sha256 = b.sha256 AND seq = 0)"
                             "  FROM blobs b WHERE sha256 = ?",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      evident_db_error (self->db, rc, error);
      return NULL;
    }
  if (rc == SQLITE_DONE || sqlite3_column_int (stmt, 1) != 1)
    {
      evident_blob_set_not_found_error (sha256, error);
      return NULL;
    }
  self->size = sqlite3_column_int64 (stmt, 0);
  if (self->size > 0)
    {
      self->chunk_size = sqlite3_column_int64 (stmt, 2);
      if (self->chunk_size <= 0)
        {
          evident_blob_set_damaged_error (self->db, sha256, error);
          return NULL;
        }
    }
  return G_INPUT_STREAM (g_steal_pointer (&self));
}
