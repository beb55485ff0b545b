/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The bytes of evidence files in the project: stored once per SHA-256, in
 * chunks, each written in a short transaction of its own; read back, checked
 * and cleaned up. The work of worker threads, each on a connection of its
 * own; private to the core (EvidentEvidenceStore is the public face). */

#include <gio/gio.h>

#include "evident-db.h"
#include "evident-progress.h"

G_BEGIN_DECLS

/* Files are stored, hashed and read in chunks of this size: each chunk is
 * one row and one short transaction, so a large file never holds the
 * project's write lock for long. */
#define EVIDENT_BLOB_CHUNK_SIZE (1024 * 1024)

/* What a project's threads share: the files being added right now, which a
 * cleanup leaves alone, and those being written or deleted, which one thread
 * at a time works on. */
typedef struct _EvidentBlobStore EvidentBlobStore;

/**
 * EvidentStoredFile:
 *
 * A file evident_blob_store_add_file() stored (or found stored).
 */
typedef struct
{
  char     *filename;     /* the target's, when a symbolic link was followed */
  char     *content_type;
  char     *sha256;
  gint64    size;
  gboolean  already_stored;
  gboolean  pending;      /* left alone by cleanups until released */
  GFile    *link_target;  /* where the file given led, when it was a symbolic link */
} EvidentStoredFile;

typedef gboolean (*EvidentChunkFunc) (const guint8  *data,
                                      gsize          len,
                                      gpointer       user_data,
                                      GError       **error);

EvidentBlobStore *evident_blob_store_new            (void);
EvidentBlobStore *evident_blob_store_ref            (EvidentBlobStore   *self);
void              evident_blob_store_unref          (EvidentBlobStore   *self);

gboolean          evident_blob_store_add_file       (EvidentBlobStore   *self,
                                                     EvidentDb          *db,
                                                     GFile              *file,
                                                     guint64             max_size,
                                                     EvidentProgress    *progress,
                                                     EvidentStoredFile  *stored,
                                                     GCancellable       *cancellable,
                                                     GError            **error);
void              evident_blob_store_release        (EvidentBlobStore   *self,
                                                     EvidentStoredFile  *stored);
gboolean          evident_blob_store_cleanup        (EvidentBlobStore   *self,
                                                     EvidentDb          *db,
                                                     gboolean            purge,
                                                     GArray             *purged,
                                                     guint64            *bytes_freed,
                                                     GCancellable       *cancellable,
                                                     GError            **error);

void              evident_stored_file_clear         (EvidentStoredFile  *stored);

GBytes           *evident_blob_load                 (EvidentDb          *db,
                                                     const char         *sha256,
                                                     GCancellable       *cancellable,
                                                     GError            **error);
gboolean          evident_blob_put_bytes            (EvidentDb          *db,
                                                     GBytes             *bytes,
                                                     char              **sha256,
                                                     GError            **error);

gboolean          evident_blob_check_complete       (EvidentDb          *db,
                                                     const char         *sha256,
                                                     const char         *filename,
                                                     GError            **error);
gboolean          evident_blob_read                 (EvidentDb          *db,
                                                     const char         *sha256,
                                                     GCancellable       *cancellable,
                                                     EvidentChunkFunc    func,
                                                     gpointer            user_data,
                                                     GError            **error);
char             *evident_blob_resolve              (EvidentDb          *db,
                                                     const char         *prefix,
                                                     GError            **error);
gboolean          evident_blob_extract              (EvidentDb          *db,
                                                     const char         *sha256,
                                                     GFile              *destination,
                                                     GCancellable       *cancellable,
                                                     GError            **error);
gboolean          evident_blob_verify               (EvidentDb          *db,
                                                     EvidentProgress    *progress,
                                                     GPtrArray          *good,
                                                     GPtrArray          *bad,
                                                     GCancellable       *cancellable,
                                                     GError            **error);

gboolean          evident_blob_is_sha256            (const char         *string);
gboolean          evident_blob_set_not_found_error  (const char         *sha256,
                                                     GError            **error);
gboolean          evident_blob_set_damaged_error    (EvidentDb          *db,
                                                     const char         *sha256,
                                                     GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentBlobStore, evident_blob_store_unref)

G_END_DECLS
