/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "evident-enums.h"
#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-project-private.h"

/* Files are stored, hashed and read in chunks of this size: each chunk is
 * one row and one short transaction, so a large file never holds the
 * project's write lock for long. */
#define CHUNK_SIZE (1024 * 1024)

/* Connections of worker threads wait this long for the main thread's
 * transactions, which are short. */
#define BUSY_TIMEOUT_MS 10000

/* How many bytes of a file g_content_type_guess() looks at. */
#define SNIFF_SIZE 4096

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close_v2)

/* The columns evidence objects are built from; see evidence_new_from_row(). */
#define EVIDENCE_SELECT                                                                            \
  "SELECT e.id, i.ref, e.title, e.kind, e.filename, e.content_type, e.url, e.sha256,"             \
  "       e.added_at, e.removed_at IS NOT NULL, b.size, b.verified_at IS NOT NULL"                 \
  "  FROM evidence e"                                                                              \
  "  JOIN items i ON i.id = e.item_id"                                                             \
  "  LEFT JOIN blobs b ON b.sha256 = e.sha256"

struct _EvidentEvidence
{
  GObject              parent_instance;

  gint64               id;
  EvidentItem         *item;
  char                *title;
  EvidentEvidenceKind  kind;
  char                *filename;
  char                *content_type;
  char                *url;
  char                *sha256;
  gint64               size;
  GDateTime           *added;

  guint                verified : 1;
  guint                removed : 1; /* out of the lists, restorable */
  guint                purged : 1;  /* its row is gone: cleanup ran after removal */
};

struct _EvidentEvidenceStore
{
  GObject         parent_instance;

  /* Main thread only. */
  EvidentProject *project; /* weak */
  GHashTable     *by_id;   /* evidence id → EvidentEvidence */
  GHashTable     *lists;   /* item id → GListStore */
  GListStore     *all;

  /* Set once, read by any thread. */
  char           *path;
  char           *name;

  /* Guards what follows, shared with worker threads. */
  GMutex          lock;
  GCond           cond;
  GHashTable     *pending; /* sha256 → count of additions in flight */
  GHashTable     *writing; /* sha256s whose chunks are being written */
};

G_DEFINE_FINAL_TYPE (EvidentEvidence, evident_evidence, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (EvidentEvidenceStore, evident_evidence_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (evident-evidence-error-quark, evident_evidence_error)

#define EVIDENT_TYPE_BLOB_STREAM (evident_blob_stream_get_type ())
G_DECLARE_FINAL_TYPE (EvidentBlobStream, evident_blob_stream, EVIDENT, BLOB_STREAM, GInputStream)

/* A stored file, read chunk by chunk through a connection of its own. */
struct _EvidentBlobStream
{
  GInputStream  parent_instance;

  sqlite3      *db;
  sqlite3_stmt *chunk_stmt;
  char         *sha256;
  char         *name;
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

enum {
  PROP_0,
  PROP_ID,
  PROP_ITEM,
  PROP_TITLE,
  PROP_KIND,
  PROP_FILENAME,
  PROP_CONTENT_TYPE,
  PROP_URL,
  PROP_SHA256,
  PROP_SIZE,
  PROP_ADDED,
  PROP_VERIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *kind_names[EVIDENT_N_EVIDENCE_KINDS] = {
  "presentation", "process", "asset", "demonstration", "other",
};

/* Helpers */

static char *
now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
set_db_error (GError    **error,
              sqlite3    *db,
              int         rc,
              const char *name)
{
  int code = rc & 0xff;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (code == SQLITE_FULL)
    g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED,
                 _("Could not write “%s”: the disk is full"), name);
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED,
                 _("“%s” is busy; try again in a moment"), name);
  else if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED,
                 _("“%s” is damaged and cannot be read (%s)"), name, detail);
  else
    g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED,
                 _("Could not read or write “%s” (%s)"), name, detail);
  return FALSE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         const char  *name,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_db_error (error, db, rc, name);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Runs a statement that returns no rows; finalizes it. */
static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           const char    *name,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_db_error (error, db, rc, name);
  return TRUE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      const char  *name,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_db_error (error, db, rc, name);
  return TRUE;
}

/* A connection of its own to the project file, for a worker thread (or
 * for a stream read on one). The project holds an flock(), not an SQLite
 * lock, and the file is in WAL mode: readers never wait for writers, and
 * writers wait for each other's short transactions. */
static sqlite3 *
open_connection (EvidentEvidenceStore  *self,
                 gboolean               write,
                 GError               **error)
{
  g_autoptr (sqlite3) db = NULL;
  int rc;

  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (error, db, rc, self->name);
      return NULL;
    }
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  /* synchronous = NORMAL is safe in WAL mode; the main connection's next
   * commit (synchronous = FULL) makes these writes durable too. */
  if (!exec (db,
             write ? "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL"
                   : "PRAGMA query_only = ON",
             self->name, error))
    return NULL;
  return g_steal_pointer (&db);
}

static gboolean
is_sha256 (const char *string)
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
describe_blob (sqlite3    *db,
               const char *sha256)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT filename FROM evidence WHERE sha256 = ? AND filename IS NOT NULL"
                          " ORDER BY removed_at IS NOT NULL, id LIMIT 1",
                          -1, &stmt, NULL)
      == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup (column_text (stmt, 0));
    }
  return g_strndup (sha256, 12);
}

static gboolean
set_damaged_error (GError    **error,
                   sqlite3    *db,
                   const char *sha256)
{
  g_autofree char *what = describe_blob (db, sha256);

  g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_DAMAGED,
               _("The copy of “%s” stored in the project is damaged: it no longer matches the "
                 "file that was added. Add the original file again."),
               what);
  return FALSE;
}

static gboolean
set_not_found_error (GError     **error,
                     const char  *sha256)
{
  g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_NOT_FOUND,
               _("The project holds no file with the SHA-256 %s"), sha256);
  return FALSE;
}

/* Looks up a stored blob: its size, and whether all its chunks are in. */
static gboolean
query_blob (sqlite3     *db,
            const char  *sha256,
            const char  *name,
            gboolean    *found,
            gint64      *size,
            gboolean    *complete,
            GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (db, "SELECT size, complete FROM blobs WHERE sha256 = ?", name, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_db_error (error, db, rc, name);
  *found = rc == SQLITE_ROW;
  if (size != NULL)
    *size = *found ? sqlite3_column_int64 (stmt, 0) : 0;
  if (complete != NULL)
    *complete = *found && sqlite3_column_int (stmt, 1) != 0;
  return TRUE;
}

typedef gboolean (*ChunkFunc) (const guint8  *data,
                               gsize          len,
                               gpointer       user_data,
                               GError       **error);

/* Reads a complete blob chunk by chunk, in one read transaction, checking
 * that the chunks follow each other, add up to its size and hash to its
 * SHA-256: a blob that does not fails with EVIDENT_EVIDENCE_ERROR_DAMAGED. */
static gboolean
read_blob (sqlite3       *db,
           const char    *name,
           const char    *sha256,
           GCancellable  *cancellable,
           ChunkFunc      func,
           gpointer       user_data,
           GError       **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gboolean found, complete;
  gint64 size, total = 0, seq = 0;
  int rc;

  if (!exec (db, "BEGIN", name, error))
    return FALSE;

  if (!query_blob (db, sha256, name, &found, &size, &complete, error))
    goto failed;
  if (!found || !complete)
    {
      set_not_found_error (error, sha256);
      goto failed;
    }

  stmt = prepare (db, "SELECT seq, data FROM blob_chunks WHERE sha256 = ? ORDER BY seq", name,
                  error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const guint8 *data = sqlite3_column_blob (stmt, 1);
      gsize len = sqlite3_column_bytes (stmt, 1);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;
      if (sqlite3_column_int64 (stmt, 0) != seq++ || total + (gint64) len > size)
        {
          set_damaged_error (error, db, sha256);
          goto failed;
        }
      total += len;
      g_checksum_update (checksum, data, len);
      if (func != NULL && !func (data, len, user_data, error))
        goto failed;
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, db, rc, name);
      goto failed;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  if (total != size || !g_str_equal (g_checksum_get_string (checksum), sha256))
    return set_damaged_error (error, db, sha256);
  return TRUE;

failed:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Progress, reported to the main context of the caller of an _async
 * function, or directly to the caller of a synchronous one. */

typedef struct
{
  gatomicrefcount        ref_count;
  GMainContext          *context;
  GFileProgressCallback  callback;
  gpointer               data;
  goffset                last;     /* worker thread only */
  gboolean               finished; /* in @context only: no more reports */
} Progress;

typedef struct
{
  Progress *progress;
  goffset   current;
  goffset   total;
} ProgressReport;

static Progress *
progress_new (GFileProgressCallback callback,
              gpointer              data)
{
  Progress *progress;

  if (callback == NULL)
    return NULL;

  progress = g_new0 (Progress, 1);
  g_atomic_ref_count_init (&progress->ref_count);
  progress->context = g_main_context_ref_thread_default ();
  progress->callback = callback;
  progress->data = data;
  progress->last = -1;
  return progress;
}

static Progress *
progress_ref (Progress *progress)
{
  g_atomic_ref_count_inc (&progress->ref_count);
  return progress;
}

static void
progress_unref (Progress *progress)
{
  if (progress == NULL || !g_atomic_ref_count_dec (&progress->ref_count))
    return;
  g_main_context_unref (progress->context);
  g_free (progress);
}

static void
progress_report_free (gpointer data)
{
  ProgressReport *report = data;

  progress_unref (report->progress);
  g_free (report);
}

static gboolean
progress_report_cb (gpointer data)
{
  ProgressReport *report = data;

  if (!report->progress->finished)
    report->progress->callback (report->current, report->total, report->progress->data);
  return G_SOURCE_REMOVE;
}

/* Reports only increases. An idle source rather than
 * g_main_context_invoke(), which would run the callback in this thread
 * whenever it can acquire the caller's context. */
static void
progress_report (Progress *progress,
                 goffset   current,
                 goffset   total)
{
  ProgressReport *report;
  GSource *source;

  if (progress == NULL || current <= progress->last)
    return;
  progress->last = current;

  report = g_new0 (ProgressReport, 1);
  report->progress = progress_ref (progress);
  report->current = current;
  report->total = total;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[evident] evidence progress");
  g_source_set_callback (source, progress_report_cb, report, progress_report_free);
  g_source_attach (source, progress->context);
  g_source_unref (source);
}

/* EvidentEvidence */

static void
evident_evidence_finalize (GObject *object)
{
  EvidentEvidence *self = EVIDENT_EVIDENCE (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->added, g_date_time_unref);

  G_OBJECT_CLASS (evident_evidence_parent_class)->finalize (object);
}

static void
evident_evidence_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EvidentEvidence *self = EVIDENT_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;
    case PROP_CONTENT_TYPE:
      g_value_set_string (value, self->content_type);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;
    case PROP_ADDED:
      g_value_set_boxed (value, self->added);
      break;
    case PROP_VERIFIED:
      g_value_set_boolean (value, self->verified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_evidence_class_init (EvidentEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = evident_evidence_finalize;
  object_class->get_property = evident_evidence_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, EVIDENT_TYPE_ITEM, ro);
  /**
   * EvidentEvidence:title:
   *
   * What the evidence is called; the store renames it.
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, EVIDENT_TYPE_EVIDENCE_KIND,
                                             EVIDENT_EVIDENCE_KIND_OTHER, ro);
  /**
   * EvidentEvidence:filename:
   *
   * The name of the file as it was added; %NULL for a link.
   */
  properties[PROP_FILENAME] = g_param_spec_string ("filename", NULL, NULL, NULL, ro);
  properties[PROP_CONTENT_TYPE] = g_param_spec_string ("content-type", NULL, NULL, NULL, ro);
  /**
   * EvidentEvidence:url:
   *
   * The address of a link; %NULL for a file.
   */
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, ro);
  /**
   * EvidentEvidence:sha256:
   *
   * The SHA-256 of a file's bytes, in lowercase hex: the key to read them
   * back with. %NULL for a link.
   */
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, ro);
  /**
   * EvidentEvidence:size:
   *
   * The size of a file in bytes; -1 for a link.
   */
  properties[PROP_SIZE] = g_param_spec_int64 ("size", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_ADDED] = g_param_spec_boxed ("added", NULL, NULL, G_TYPE_DATE_TIME, ro);
  /**
   * EvidentEvidence:verified:
   *
   * Whether the last verification of the stored file found it intact.
   */
  properties[PROP_VERIFIED] = g_param_spec_boolean ("verified", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evident_evidence_init (EvidentEvidence *self)
{
  self->size = -1;
}

static EvidentEvidenceKind
kind_from_string_or_other (const char *string)
{
  EvidentEvidenceKind kind;

  if (!evident_evidence_kind_from_string (string, &kind))
    kind = EVIDENT_EVIDENCE_KIND_OTHER;
  return kind;
}

/* Builds an object from a row of EVIDENCE_SELECT. */
static EvidentEvidence *
evidence_new_from_row (sqlite3_stmt *stmt,
                       EvidentItem  *item)
{
  EvidentEvidence *self = g_object_new (EVIDENT_TYPE_EVIDENCE, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->item = g_object_ref (item);
  self->title = g_strdup (column_text (stmt, 2));
  self->kind = kind_from_string_or_other (column_text (stmt, 3));
  self->filename = g_strdup (column_text (stmt, 4));
  self->content_type = g_strdup (column_text (stmt, 5));
  self->url = g_strdup (column_text (stmt, 6));
  self->sha256 = g_strdup (column_text (stmt, 7));
  self->added = column_text (stmt, 8) ? g_date_time_new_from_iso8601 (column_text (stmt, 8), NULL)
                                      : NULL;
  if (self->added == NULL)
    self->added = g_date_time_new_from_unix_utc (0);
  self->removed = sqlite3_column_int (stmt, 9) != 0;
  self->size = self->sha256 != NULL ? sqlite3_column_int64 (stmt, 10) : -1;
  self->verified = self->sha256 != NULL && sqlite3_column_int (stmt, 11) != 0;
  return self;
}

static void
evidence_set_title (EvidentEvidence *self,
                    const char      *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
evidence_set_kind (EvidentEvidence     *self,
                   EvidentEvidenceKind  kind)
{
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
evidence_set_verified (EvidentEvidence *self,
                       gboolean         verified)
{
  verified = !!verified;
  if (self->verified == (guint) verified)
    return;
  self->verified = verified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFIED]);
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  gint64 id_a = EVIDENT_EVIDENCE ((gpointer) a)->id;
  gint64 id_b = EVIDENT_EVIDENCE ((gpointer) b)->id;

  return id_a < id_b ? -1 : id_a > id_b;
}

/* EvidentBlobStream */

static gboolean
blob_stream_load_chunk (EvidentBlobStream  *self,
                        gint64              seq,
                        GError            **error)
{
  gint64 expected = MIN (self->chunk_size, self->size - seq * self->chunk_size);
  int rc;

  g_clear_pointer (&self->chunk, g_bytes_unref);
  self->chunk_seq = -1;

  sqlite3_reset (self->chunk_stmt);
  sqlite3_bind_int64 (self->chunk_stmt, 2, seq);
  rc = sqlite3_step (self->chunk_stmt);
  if (rc == SQLITE_ROW && sqlite3_column_bytes (self->chunk_stmt, 0) == expected)
    {
      self->chunk = g_bytes_new (sqlite3_column_blob (self->chunk_stmt, 0), expected);
      self->chunk_seq = seq;
    }
  sqlite3_reset (self->chunk_stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_db_error (error, self->db, rc, self->name);
  if (self->chunk == NULL)
    return set_damaged_error (error, self->db, self->sha256);
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
  g_clear_pointer (&self->chunk_stmt, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close_v2);
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
  g_clear_pointer (&self->chunk_stmt, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->name, g_free);

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
  self->chunk_size = CHUNK_SIZE;
}

/* EvidentEvidenceStore: main-thread helpers */

static GQuark
store_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("evident-evidence-store");
  return quark;
}

static sqlite3 *
main_db (EvidentEvidenceStore  *self,
         GError               **error)
{
  sqlite3 *db = self->project != NULL ? evident_project_get_db (self->project) : NULL;

  if (db == NULL)
    g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED,
                 _("“%s” is closed"), self->name);
  return db;
}

static gboolean
check_item (EvidentEvidenceStore  *self,
            EvidentItem           *item,
            GError               **error)
{
  if (self->project == NULL
      || evident_project_lookup_item (self->project, evident_item_get_ref (item)) != item)
    {
      g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID,
                   _("Item %s is not part of this project"), evident_item_get_ref (item));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_evidence (EvidentEvidenceStore  *self,
                EvidentEvidence       *evidence,
                GError               **error)
{
  if (evidence->purged || g_hash_table_lookup (self->by_id, &evidence->id) != evidence)
    {
      g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID,
                   _("“%s” is no longer part of this project"), evidence->title);
      return FALSE;
    }
  return TRUE;
}

/* The object for a row of EVIDENCE_SELECT: the one already known, so that
 * every list shows the same object, or a new one. */
static EvidentEvidence *
evidence_for_row (EvidentEvidenceStore *self,
                  sqlite3_stmt         *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  EvidentEvidence *evidence = g_hash_table_lookup (self->by_id, &id);
  EvidentItem *item;

  if (evidence != NULL)
    return evidence;

  item = evident_project_lookup_item (self->project, column_text (stmt, 1));
  if (item == NULL)
    return NULL;
  evidence = evidence_new_from_row (stmt, item);
  g_hash_table_insert (self->by_id, &evidence->id, evidence);
  return evidence;
}

static void
list_insert (GListStore      *list,
             EvidentEvidence *evidence)
{
  if (list != NULL && !g_list_store_find (list, evidence, NULL))
    g_list_store_insert_sorted (list, evidence, compare_by_id, NULL);
}

static void
list_remove (GListStore      *list,
             EvidentEvidence *evidence)
{
  guint position;

  if (list != NULL && g_list_store_find (list, evidence, &position))
    g_list_store_remove (list, position);
}

static void
lists_insert (EvidentEvidenceStore *self,
              EvidentEvidence      *evidence)
{
  gint64 item_id = evident_item_get_id (evidence->item);

  list_insert (g_hash_table_lookup (self->lists, &item_id), evidence);
  list_insert (self->all, evidence);
}

static void
lists_remove (EvidentEvidenceStore *self,
              EvidentEvidence      *evidence)
{
  gint64 item_id = evident_item_get_id (evidence->item);

  list_remove (g_hash_table_lookup (self->lists, &item_id), evidence);
  list_remove (self->all, evidence);
}

static void
pending_add_locked (EvidentEvidenceStore *self,
                    const char           *sha256)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->pending, sha256));

  g_hash_table_insert (self->pending, g_strdup (sha256), GUINT_TO_POINTER (count + 1));
}

static void
pending_remove (EvidentEvidenceStore *self,
                const char           *sha256)
{
  guint count;

  g_mutex_lock (&self->lock);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->pending, sha256));
  g_assert (count > 0);
  if (count > 1)
    g_hash_table_insert (self->pending, g_strdup (sha256), GUINT_TO_POINTER (count - 1));
  else
    g_hash_table_remove (self->pending, sha256);
  g_mutex_unlock (&self->lock);
}

/* EvidentEvidenceStore: adding a file, in a worker thread */

typedef struct
{
  EvidentEvidenceStore *store;
  EvidentItem          *item;
  GFile                *file;
  char                 *title;
  EvidentEvidenceKind   kind;
  Progress             *progress;

  /* Found by the worker. */
  char                 *filename;
  char                 *content_type;
  char                 *sha256;
  gint64                size;
  gboolean              already_stored;
  gboolean              pending; /* @sha256 counted in store->pending */
} AddJob;

static AddJob *
add_job_new (EvidentEvidenceStore *store,
             EvidentItem          *item,
             GFile                *file,
             const char           *title,
             EvidentEvidenceKind   kind)
{
  AddJob *job = g_new0 (AddJob, 1);

  job->store = g_object_ref (store);
  job->item = g_object_ref (item);
  job->file = g_object_ref (file);
  job->title = title != NULL ? g_strstrip (g_strdup (title)) : NULL;
  job->kind = kind;
  return job;
}

static void
add_job_release (AddJob *job)
{
  if (job->pending)
    {
      pending_remove (job->store, job->sha256);
      job->pending = FALSE;
    }
}

static void
add_job_free (AddJob *job)
{
  add_job_release (job);
  g_clear_object (&job->store);
  g_clear_object (&job->item);
  g_clear_object (&job->file);
  g_clear_pointer (&job->progress, progress_unref);
  g_free (job->title);
  g_free (job->filename);
  g_free (job->content_type);
  g_free (job->sha256);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AddJob, add_job_free)

static gboolean
set_read_error (GError     **error,
                GFile       *file,
                GError      *cause)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CANNOT_READ,
                 _("“%s” does not exist"), name);
  else
    g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CANNOT_READ,
                 _("Could not read “%s”: %s"), name, cause->message);
  return FALSE;
}

/* Reports progress on a scale of the file's size: the first half while
 * hashing, the second while writing (when there is anything to write). */
static void
add_job_report (AddJob  *job,
                goffset  hashed,
                goffset  written,
                goffset  total)
{
  goffset current = (MIN (hashed, total) + MIN (written, total)) / 2;

  progress_report (job->progress, MIN (current, total), total);
}

/* Pass one: the SHA-256, the size and the content type of the file. */
static gboolean
hash_file (AddJob        *job,
           guint8        *buffer,
           goffset        expected,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gboolean first = TRUE;
  gsize n_read;
  goffset total = 0;

  stream = G_INPUT_STREAM (g_file_read (job->file, cancellable, &local_error));
  if (stream == NULL)
    return set_read_error (error, job->file, local_error);

  do
    {
      if (!g_input_stream_read_all (stream, buffer, CHUNK_SIZE, &n_read, cancellable,
                                    &local_error))
        return set_read_error (error, job->file, local_error);

      if (first)
        {
          g_autofree char *type = NULL;
          g_autofree char *mime = NULL;

          type = g_content_type_guess (job->filename, n_read > 0 ? buffer : NULL,
                                       MIN (n_read, SNIFF_SIZE), NULL);
          mime = type != NULL ? g_content_type_get_mime_type (type) : NULL;
          job->content_type = mime != NULL ? g_steal_pointer (&mime)
                                           : g_strdup ("application/octet-stream");
          first = FALSE;
        }

      g_checksum_update (checksum, buffer, n_read);
      total += n_read;
      add_job_report (job, total, 0, expected);
    }
  while (n_read == CHUNK_SIZE);

  job->sha256 = g_strdup (g_checksum_get_string (checksum));
  job->size = total;
  g_input_stream_close (stream, NULL, NULL);
  return TRUE;
}

/* Pass two: the chunks, each its own transaction, then the blob marked
 * complete. The file is hashed again as it is written: bytes that no
 * longer match what pass one saw are refused. */
static gboolean
write_blob (AddJob        *job,
            sqlite3       *db,
            guint8        *buffer,
            GCancellable  *cancellable,
            GError       **error)
{
  EvidentEvidenceStore *self = job->store;
  const char *name = self->name;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;
  goffset written = 0;
  gsize n_read;
  gint64 seq = 0;
  int rc;

  /* The blob row, and no chunks left over from an attempt cut short. */
  if (!exec (db, "BEGIN IMMEDIATE", name, error))
    return FALSE;
  stmt = prepare (db,
                  "INSERT INTO blobs (sha256, size, complete, created_at) VALUES (?, ?, 0, ?)"
                  " ON CONFLICT (sha256) DO NOTHING",
                  name, error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_text (stmt, 1, job->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, job->size);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!step_done (db, stmt, name, error))
    goto rollback;
  stmt = prepare (db, "DELETE FROM blob_chunks WHERE sha256 = ?", name, error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_text (stmt, 1, job->sha256, -1, SQLITE_STATIC);
  if (!step_done (db, stmt, name, error) || !exec (db, "COMMIT", name, error))
    goto rollback;

  stream = G_INPUT_STREAM (g_file_read (job->file, cancellable, &local_error));
  if (stream == NULL)
    return set_read_error (error, job->file, local_error);

  insert = prepare (db, "INSERT INTO blob_chunks (sha256, seq, data) VALUES (?, ?, ?)", name,
                    error);
  if (insert == NULL)
    return FALSE;

  do
    {
      if (!g_input_stream_read_all (stream, buffer, CHUNK_SIZE, &n_read, cancellable,
                                    &local_error))
        return set_read_error (error, job->file, local_error);
      if (n_read == 0)
        break;

      g_checksum_update (checksum, buffer, n_read);
      written += n_read;
      if (written > job->size)
        break;

      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, job->sha256, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 2, seq++);
      sqlite3_bind_blob (insert, 3, buffer, n_read, SQLITE_STATIC);
      rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      if (rc != SQLITE_DONE)
        return set_db_error (error, db, rc, name);

      add_job_report (job, job->size, written, job->size);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  while (n_read == CHUNK_SIZE);
  g_input_stream_close (stream, NULL, NULL);

  if (written != job->size || !g_str_equal (g_checksum_get_string (checksum), job->sha256))
    {
      g_autofree char *file_name = g_file_get_parse_name (job->file);

      g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CHANGED,
                   _("“%s” changed while it was being added; add it again once it is saved"),
                   file_name);
      return FALSE;
    }

  stmt = prepare (db, "UPDATE blobs SET complete = 1 WHERE sha256 = ?", name, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, job->sha256, -1, SQLITE_STATIC);
  return step_done (db, stmt, name, error);

rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* What an addition cut short leaves: dropped at once, before another
 * thread may write the same blob (cleanup would drop it too). */
static void
drop_incomplete_blob (sqlite3    *db,
                      const char *sha256)
{
  const char *sql[] = {
    "DELETE FROM blob_chunks WHERE sha256 = ?1"
    " AND EXISTS (SELECT 1 FROM blobs WHERE sha256 = ?1 AND complete = 0)",
    "DELETE FROM blobs WHERE sha256 = ?1 AND complete = 0",
  };
  gboolean ok;

  ok = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
  for (guint i = 0; ok && i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr (sqlite3_stmt) stmt = NULL;

      ok = sqlite3_prepare_v2 (db, sql[i], -1, &stmt, NULL) == SQLITE_OK;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
          ok = sqlite3_step (stmt) == SQLITE_DONE;
        }
    }
  sqlite3_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
}

/* Runs in a worker thread (or in the caller's, for the synchronous API):
 * hashes the file, then stores its bytes unless the project has them. */
static gboolean
store_file (AddJob        *job,
            GCancellable  *cancellable,
            GError       **error)
{
  EvidentEvidenceStore *self = job->store;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (sqlite3) db = NULL;
  g_autofree guint8 *buffer = NULL;
  gboolean found, complete, ok;
  goffset expected;

  info = g_file_query_info (job->file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    return set_read_error (error, job->file, local_error);
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_parse_name (job->file);

      g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CANNOT_READ,
                   _("“%s” is a folder; add the files in it instead"), name);
      return FALSE;
    }
  job->filename = g_strdup (g_file_info_get_display_name (info));
  expected = g_file_info_get_size (info);

  buffer = g_malloc (CHUNK_SIZE);
  if (!hash_file (job, buffer, expected, cancellable, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  db = open_connection (self, TRUE, error);
  if (db == NULL)
    return FALSE;

  /* From here until the evidence row is in, cleanup leaves this blob
   * alone; and only one thread writes a given blob. */
  g_mutex_lock (&self->lock);
  pending_add_locked (self, job->sha256);
  job->pending = TRUE;
  while (g_hash_table_contains (self->writing, job->sha256))
    g_cond_wait (&self->cond, &self->lock);
  if (!query_blob (db, job->sha256, self->name, &found, NULL, &complete, error))
    {
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  if (complete)
    {
      g_mutex_unlock (&self->lock);
      job->already_stored = TRUE;
      progress_report (job->progress, MAX (expected, job->size), MAX (expected, job->size));
      return TRUE;
    }
  g_hash_table_add (self->writing, g_strdup (job->sha256));
  g_mutex_unlock (&self->lock);

  ok = write_blob (job, db, buffer, cancellable, error);
  if (!ok)
    {
      g_debug ("Addition of %s to %s cut short; dropping what was written", job->filename,
               self->path);
      drop_incomplete_blob (db, job->sha256);
    }

  g_mutex_lock (&self->lock);
  g_hash_table_remove (self->writing, job->sha256);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  if (ok)
    progress_report (job->progress, MAX (expected, job->size), MAX (expected, job->size));
  return ok;
}

/* Back in the main thread: the evidence row, and the object. */
static EvidentEvidence *
insert_evidence (EvidentEvidenceStore  *self,
                 EvidentItem           *item,
                 const char            *title,
                 EvidentEvidenceKind    kind,
                 const char            *filename,
                 const char            *content_type,
                 const char            *url,
                 const char            *sha256,
                 GError               **error)
{
  g_autofree char *now = now_iso8601 ();
  g_autoptr (sqlite3_stmt) select = NULL;
  EvidentEvidence *evidence;
  sqlite3_stmt *stmt;
  sqlite3 *db;
  gint64 id;
  int rc;

  if (!check_item (self, item, error) || (db = main_db (self, error)) == NULL)
    return NULL;

  stmt = prepare (db,
                  "INSERT INTO evidence (item_id, title, kind, filename, content_type, url,"
                  " sha256, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  self->name, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evident_item_get_id (item));
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kind_names[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, filename, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, content_type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (!step_done (db, stmt, self->name, error))
    return NULL;
  id = sqlite3_last_insert_rowid (db);

  select = prepare (db, EVIDENCE_SELECT " WHERE e.id = ?", self->name, error);
  if (select == NULL)
    return NULL;
  sqlite3_bind_int64 (select, 1, id);
  rc = sqlite3_step (select);
  if (rc != SQLITE_ROW)
    {
      set_db_error (error, db, rc, self->name);
      return NULL;
    }
  evidence = evidence_for_row (self, select);
  g_assert (evidence != NULL);
  lists_insert (self, evidence);
  return g_object_ref (evidence);
}

static EvidentEvidence *
add_job_finish (AddJob  *job,
                GError **error)
{
  const char *title = job->title != NULL && *job->title != '\0' ? job->title : job->filename;
  EvidentEvidence *evidence;

  evidence = insert_evidence (job->store, job->item, title, job->kind, job->filename,
                              job->content_type, NULL, job->sha256, error);
  add_job_release (job);
  return evidence;
}

static void
add_file_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (!store_file (task_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
add_file_stored_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AddJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  EvidentEvidence *evidence;

  if (job->progress != NULL)
    job->progress->finished = TRUE;

  if (!g_task_propagate_boolean (G_TASK (result), &error)
      || g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      add_job_release (job);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  evidence = add_job_finish (job, &error);
  if (evidence == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, GINT_TO_POINTER (job->already_stored), NULL);
  g_task_return_pointer (task, evidence, g_object_unref);
}

/* Extracting */

typedef struct
{
  GOutputStream *stream;
  GFile         *destination;
  GCancellable  *cancellable;
} ExtractJob;

static gboolean
write_chunk (const guint8  *data,
             gsize          len,
             gpointer       user_data,
             GError       **error)
{
  ExtractJob *job = user_data;
  g_autoptr (GError) local_error = NULL;

  if (!g_output_stream_write_all (job->stream, data, len, NULL, job->cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (job->destination);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED,
                     _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
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

static void
extract_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *destination = g_object_get_data (G_OBJECT (task), "destination");
  GError *error = NULL;

  if (!evident_evidence_store_extract (source_object, task_data, destination, cancellable,
                                       &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Verifying */

typedef struct
{
  Progress  *progress;
  GPtrArray *good; /* sha256s */
  GPtrArray *bad;
  goffset    done;
  goffset    total;
} VerifyJob;

static void
verify_job_free (VerifyJob *job)
{
  g_clear_pointer (&job->progress, progress_unref);
  g_clear_pointer (&job->good, g_ptr_array_unref);
  g_clear_pointer (&job->bad, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VerifyJob, verify_job_free)

static VerifyJob *
verify_job_new (void)
{
  VerifyJob *job = g_new0 (VerifyJob, 1);

  job->good = g_ptr_array_new_with_free_func (g_free);
  job->bad = g_ptr_array_new_with_free_func (g_free);
  return job;
}

static gboolean
count_chunk (const guint8  *data,
             gsize          len,
             gpointer       user_data,
             GError       **error)
{
  VerifyJob *job = user_data;

  job->done += len;
  progress_report (job->progress, MIN (job->done, job->total), job->total);
  return TRUE;
}

/* Runs in a worker thread (or in the caller's): re-hashes every file that
 * live evidence uses, and records the verdicts. */
static gboolean
verify_blobs (EvidentEvidenceStore  *self,
              VerifyJob             *job,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autoptr (sqlite3) db = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) sizes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) shas = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *now = now_iso8601 ();
  int rc;

  db = open_connection (self, TRUE, error);
  if (db == NULL)
    return FALSE;

  stmt = prepare (db,
                  "SELECT DISTINCT e.sha256, coalesce (b.size, 0) FROM evidence e"
                  "  LEFT JOIN blobs b ON b.sha256 = e.sha256"
                  " WHERE e.removed_at IS NULL AND e.sha256 IS NOT NULL ORDER BY e.sha256",
                  self->name, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 size = sqlite3_column_int64 (stmt, 1);

      g_ptr_array_add (shas, g_strdup (column_text (stmt, 0)));
      g_array_append_val (sizes, size);
      job->total += size;
    }
  if (rc != SQLITE_DONE)
    return set_db_error (error, db, rc, self->name);
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < shas->len; i++)
    {
      const char *sha256 = g_ptr_array_index (shas, i);
      g_autoptr (GError) local_error = NULL;
      goffset done = job->done;

      if (read_blob (db, self->name, sha256, cancellable, count_chunk, job, &local_error))
        g_ptr_array_add (job->good, g_strdup (sha256));
      else if (g_error_matches (local_error, EVIDENT_EVIDENCE_ERROR,
                                EVIDENT_EVIDENCE_ERROR_DAMAGED)
               || g_error_matches (local_error, EVIDENT_EVIDENCE_ERROR,
                                   EVIDENT_EVIDENCE_ERROR_NOT_FOUND))
        g_ptr_array_add (job->bad, g_strdup (sha256));
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      job->done = done + g_array_index (sizes, gint64, i);
      progress_report (job->progress, job->done, job->total);
    }

  if (!exec (db, "BEGIN IMMEDIATE", self->name, error))
    return FALSE;
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *list = pass == 0 ? job->good : job->bad;

      stmt = prepare (db, "UPDATE blobs SET verified_at = ? WHERE sha256 = ?", self->name,
                      error);
      if (stmt == NULL)
        goto rollback;
      for (guint i = 0; i < list->len; i++)
        {
          sqlite3_reset (stmt);
          if (pass == 0)
            sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (stmt, 1);
          sqlite3_bind_text (stmt, 2, g_ptr_array_index (list, i), -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
          if (rc != SQLITE_DONE)
            {
              set_db_error (error, db, rc, self->name);
              goto rollback;
            }
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (!exec (db, "COMMIT", self->name, error))
    goto rollback;
  progress_report (job->progress, job->total, job->total);
  return TRUE;

rollback:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static int
compare_evidence_by_item (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  GHashTable *positions = user_data;
  EvidentEvidence *ea = *(EvidentEvidence **) a;
  EvidentEvidence *eb = *(EvidentEvidence **) b;
  guint pa = GPOINTER_TO_UINT (g_hash_table_lookup (positions, ea->item));
  guint pb = GPOINTER_TO_UINT (g_hash_table_lookup (positions, eb->item));

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return compare_by_id (ea, eb, NULL);
}

/* Back in the main thread: the objects learn the verdicts; the evidence
 * that uses a damaged file is listed in checklist order. */
static gboolean
verify_apply (EvidentEvidenceStore  *self,
              VerifyJob             *job,
              guint                 *n_checked,
              GPtrArray            **mismatches,
              GError               **error)
{
  g_autoptr (GHashTable) verdicts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;
  sqlite3 *db;

  for (guint i = 0; i < job->good->len; i++)
    g_hash_table_insert (verdicts, g_ptr_array_index (job->good, i), GINT_TO_POINTER (1));
  for (guint i = 0; i < job->bad->len; i++)
    g_hash_table_insert (verdicts, g_ptr_array_index (job->bad, i), GINT_TO_POINTER (2));

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      EvidentEvidence *evidence = value;
      int verdict = evidence->sha256 != NULL
                        ? GPOINTER_TO_INT (g_hash_table_lookup (verdicts, evidence->sha256))
                        : 0;

      if (verdict != 0)
        evidence_set_verified (evidence, verdict == 1);
    }

  if (job->bad->len > 0 && mismatches != NULL)
    {
      g_autoptr (GHashTable) positions = g_hash_table_new (NULL, NULL);
      GListModel *items;
      int rc = SQLITE_DONE;

      if ((db = main_db (self, error)) == NULL)
        return FALSE;

      for (guint i = 0; i < job->bad->len && rc == SQLITE_DONE; i++)
        {
          g_autoptr (sqlite3_stmt) stmt = NULL;

          stmt = prepare (db, EVIDENCE_SELECT " WHERE e.removed_at IS NULL AND e.sha256 = ?",
                          self->name, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, g_ptr_array_index (job->bad, i), -1, SQLITE_STATIC);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              EvidentEvidence *evidence = evidence_for_row (self, stmt);

              if (evidence != NULL)
                g_ptr_array_add (found, g_object_ref (evidence));
            }
          if (rc != SQLITE_DONE)
            return set_db_error (error, db, rc, self->name);
        }

      items = evident_project_get_items (self->project);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

          g_hash_table_insert (positions, item, GUINT_TO_POINTER (i));
        }
      g_ptr_array_sort_with_data (found, compare_evidence_by_item, positions);
    }

  if (n_checked != NULL)
    *n_checked = job->good->len + job->bad->len;
  if (mismatches != NULL)
    *mismatches = g_steal_pointer (&found);
  return TRUE;
}

typedef struct
{
  guint      n_checked;
  GPtrArray *mismatches;
} VerifyResult;

static void
verify_result_free (VerifyResult *result)
{
  g_clear_pointer (&result->mismatches, g_ptr_array_unref);
  g_free (result);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (!verify_blobs (source_object, task_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
verify_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  EvidentEvidenceStore *self = EVIDENT_EVIDENCE_STORE (source_object);
  g_autoptr (GTask) task = user_data;
  VerifyJob *job = g_task_get_task_data (G_TASK (result));
  VerifyResult *verdict;
  GError *error = NULL;

  if (job->progress != NULL)
    job->progress->finished = TRUE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  verdict = g_new0 (VerifyResult, 1);
  if (!verify_apply (self, job, &verdict->n_checked, &verdict->mismatches, &error))
    {
      verify_result_free (verdict);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, verdict, (GDestroyNotify) verify_result_free);
}

/* EvidentEvidenceStore */

static void
evident_evidence_store_dispose (GObject *object)
{
  EvidentEvidenceStore *self = EVIDENT_EVIDENCE_STORE (object);

  if (self->project != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->project), (gpointer *) &self->project);
      self->project = NULL;
    }
  g_clear_object (&self->all);
  g_hash_table_remove_all (self->lists);
  g_hash_table_remove_all (self->by_id);

  G_OBJECT_CLASS (evident_evidence_store_parent_class)->dispose (object);
}

static void
evident_evidence_store_finalize (GObject *object)
{
  EvidentEvidenceStore *self = EVIDENT_EVIDENCE_STORE (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->writing, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (evident_evidence_store_parent_class)->finalize (object);
}

static void
evident_evidence_store_class_init (EvidentEvidenceStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_evidence_store_dispose;
  object_class->finalize = evident_evidence_store_finalize;
}

static void
evident_evidence_store_init (EvidentEvidenceStore *self)
{
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  self->lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->writing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

/* Public API: kinds */

const char *
evident_evidence_kind_to_string (EvidentEvidenceKind kind)
{
  g_return_val_if_fail (kind < EVIDENT_N_EVIDENCE_KINDS, NULL);
  return kind_names[kind];
}

gboolean
evident_evidence_kind_from_string (const char          *string,
                                   EvidentEvidenceKind *kind)
{
  if (string == NULL)
    return FALSE;
  for (guint i = 0; i < EVIDENT_N_EVIDENCE_KINDS; i++)
    {
      if (g_ascii_strcasecmp (string, kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
evident_evidence_kind_get_label (EvidentEvidenceKind kind)
{
  switch (kind)
    {
    case EVIDENT_EVIDENCE_KIND_PRESENTATION:
      return _("Presentation");
    case EVIDENT_EVIDENCE_KIND_PROCESS:
      return _("Process document");
    case EVIDENT_EVIDENCE_KIND_ASSET:
      return _("Asset");
    case EVIDENT_EVIDENCE_KIND_DEMONSTRATION:
      return _("Technical demonstration");
    case EVIDENT_EVIDENCE_KIND_OTHER:
      return _("Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Public API: EvidentEvidence */

gint64
evident_evidence_get_id (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), 0);
  return self->id;
}

/**
 * evident_evidence_get_item:
 *
 * Returns: (transfer none): the item the evidence belongs to
 */
EvidentItem *
evident_evidence_get_item (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), NULL);
  return self->item;
}

const char *
evident_evidence_get_title (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), NULL);
  return self->title;
}

EvidentEvidenceKind
evident_evidence_get_kind (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), EVIDENT_EVIDENCE_KIND_OTHER);
  return self->kind;
}

const char *
evident_evidence_get_filename (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), NULL);
  return self->filename;
}

const char *
evident_evidence_get_content_type (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), NULL);
  return self->content_type;
}

const char *
evident_evidence_get_url (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), NULL);
  return self->url;
}

const char *
evident_evidence_get_sha256 (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), NULL);
  return self->sha256;
}

gint64
evident_evidence_get_size (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), -1);
  return self->size;
}

/**
 * evident_evidence_get_added:
 *
 * Returns: (transfer none): when the evidence was added, in UTC
 */
GDateTime *
evident_evidence_get_added (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), NULL);
  return self->added;
}

gboolean
evident_evidence_get_verified (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), FALSE);
  return self->verified;
}

gboolean
evident_evidence_is_link (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), FALSE);
  return self->url != NULL;
}

/* Public API: EvidentEvidenceStore */

/**
 * evident_evidence_store_get_for_project:
 * @project: an open project
 *
 * The evidence store of a project, made on first use; it lives as long as
 * the project. Its functions are for the main thread, except those that
 * read stored files, which any thread may call.
 *
 * Returns: (transfer none): the store
 */
EvidentEvidenceStore *
evident_evidence_store_get_for_project (EvidentProject *project)
{
  EvidentEvidenceStore *self;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);

  self = g_object_get_qdata (G_OBJECT (project), store_quark ());
  if (self != NULL)
    return self;

  self = g_object_new (EVIDENT_TYPE_EVIDENCE_STORE, NULL);
  self->project = project;
  g_object_add_weak_pointer (G_OBJECT (project), (gpointer *) &self->project);
  self->path = g_strdup (evident_project_get_path (project));
  self->name = g_file_get_parse_name (evident_project_get_file (project));
  g_object_set_qdata_full (G_OBJECT (project), store_quark (), self, g_object_unref);
  return self;
}

/**
 * evident_evidence_store_list:
 * @self: a store
 * @item: (nullable): an item of the store's project, or %NULL for all
 *
 * The evidence of an item (or of the whole project), oldest first, without
 * the removed evidence. The list follows additions, removals and restores;
 * its objects follow renames.
 *
 * Returns: (transfer full): a list model of #EvidentEvidence
 */
GListModel *
evident_evidence_store_list (EvidentEvidenceStore *self,
                             EvidentItem          *item)
{
  g_autoptr (GListStore) list = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) error = NULL;
  GListStore *cached;
  gint64 item_id;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (item == NULL || EVIDENT_IS_ITEM (item), NULL);

  item_id = item != NULL ? evident_item_get_id (item) : 0;
  cached = item != NULL ? g_hash_table_lookup (self->lists, &item_id) : self->all;
  if (cached != NULL)
    return g_object_ref (G_LIST_MODEL (cached));

  list = g_list_store_new (EVIDENT_TYPE_EVIDENCE);
  if ((item != NULL && !check_item (self, item, NULL)) || (db = main_db (self, NULL)) == NULL)
    return G_LIST_MODEL (g_steal_pointer (&list));

  stmt = prepare (db,
                  EVIDENCE_SELECT " WHERE e.removed_at IS NULL AND (?1 IS NULL OR e.item_id = ?1)"
                                  " ORDER BY e.id",
                  self->name, &error);
  if (stmt == NULL)
    {
      g_warning ("Could not list evidence: %s", error->message);
      return G_LIST_MODEL (g_steal_pointer (&list));
    }
  if (item != NULL)
    sqlite3_bind_int64 (stmt, 1, item_id);

  found = g_ptr_array_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvidentEvidence *evidence = evidence_for_row (self, stmt);

      if (evidence != NULL)
        g_ptr_array_add (found, evidence);
    }
  if (rc != SQLITE_DONE)
    {
      g_warning ("Could not list evidence: %s", sqlite3_errmsg (db));
      return G_LIST_MODEL (g_steal_pointer (&list));
    }

  g_list_store_splice (list, 0, 0, found->pdata, found->len);
  if (item != NULL)
    g_hash_table_insert (self->lists, g_memdup2 (&item_id, sizeof item_id), g_object_ref (list));
  else
    self->all = g_object_ref (list);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * evident_evidence_store_add_file:
 * @self: a store
 * @item: the item the file is evidence for
 * @file: the file
 * @title: (nullable): its title; %NULL for the file's name
 * @kind: what kind of evidence it is
 * @cancellable: (nullable): a cancellable
 * @already_stored: (out) (optional): set to whether the project already held
 *   the same bytes, in which case nothing was written but the evidence row
 * @error: return location for an error
 *
 * Adds a file as evidence, storing its bytes in the project unless they are
 * there already. Blocks until done: for the command line and tests; the
 * application uses evident_evidence_store_add_file_async().
 *
 * Returns: (transfer full): the new evidence
 */
EvidentEvidence *
evident_evidence_store_add_file (EvidentEvidenceStore  *self,
                                 EvidentItem           *item,
                                 GFile                 *file,
                                 const char            *title,
                                 EvidentEvidenceKind    kind,
                                 GCancellable          *cancellable,
                                 gboolean              *already_stored,
                                 GError               **error)
{
  g_autoptr (AddJob) job = NULL;
  EvidentEvidence *evidence;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (kind < EVIDENT_N_EVIDENCE_KINDS, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (!check_item (self, item, error) || main_db (self, error) == NULL)
    return NULL;

  job = add_job_new (self, item, file, title, kind);
  if (!store_file (job, cancellable, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  evidence = add_job_finish (job, error);
  if (evidence != NULL && already_stored != NULL)
    *already_stored = job->already_stored;
  return evidence;
}

/**
 * evident_evidence_store_add_file_async:
 * @self: a store
 * @item: the item the file is evidence for
 * @file: the file
 * @title: (nullable): its title; %NULL for the file's name
 * @kind: what kind of evidence it is
 * @cancellable: (nullable): a cancellable
 * @progress: (nullable) (scope notified): called in the caller's main
 *   context with the bytes done so far (on the scale of the file's size),
 *   increasing, until @callback runs
 * @progress_data: data for @progress, valid until @callback runs
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Adds a file as evidence: a worker thread hashes it and writes its bytes
 * to the project in short transactions, unless the project already holds
 * them; the evidence row is written in the caller's thread. A cancelled
 * addition leaves nothing that cleanup does not remove.
 */
void
evident_evidence_store_add_file_async (EvidentEvidenceStore  *self,
                                       EvidentItem           *item,
                                       GFile                 *file,
                                       const char            *title,
                                       EvidentEvidenceKind    kind,
                                       GCancellable          *cancellable,
                                       GFileProgressCallback  progress,
                                       gpointer               progress_data,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) worker = NULL;
  GError *error = NULL;
  AddJob *job;

  g_return_if_fail (EVIDENT_IS_EVIDENCE_STORE (self));
  g_return_if_fail (EVIDENT_IS_ITEM (item));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (kind < EVIDENT_N_EVIDENCE_KINDS);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_evidence_store_add_file_async);
  /* Cancellation is checked before the evidence row is written; once it
   * is, the caller gets the evidence. */
  g_task_set_check_cancellable (task, FALSE);

  if (!check_item (self, item, &error) || main_db (self, &error) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job = add_job_new (self, item, file, title, kind);
  job->progress = progress_new (progress, progress_data);

  worker = g_task_new (self, cancellable, add_file_stored_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, add_file_thread);
  g_task_set_name (worker, "[evident] add evidence");
  g_task_set_task_data (worker, job, (GDestroyNotify) add_job_free);
  g_task_run_in_thread (worker, add_file_thread);
}

/**
 * evident_evidence_store_add_file_finish:
 * @self: a store
 * @result: the result
 * @already_stored: (out) (optional): whether the project already held the
 *   same bytes
 * @error: return location for an error
 *
 * Returns: (transfer full): the new evidence
 */
EvidentEvidence *
evident_evidence_store_add_file_finish (EvidentEvidenceStore  *self,
                                        GAsyncResult          *result,
                                        gboolean              *already_stored,
                                        GError               **error)
{
  EvidentEvidence *evidence;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                            == evident_evidence_store_add_file_async,
                        NULL);

  evidence = g_task_propagate_pointer (G_TASK (result), error);
  if (evidence != NULL && already_stored != NULL)
    *already_stored = GPOINTER_TO_INT (g_task_get_task_data (G_TASK (result))) != 0;
  return evidence;
}

/**
 * evident_evidence_store_add_link:
 * @self: a store
 * @item: the item the link is evidence for
 * @url: an http or https address
 * @title: (nullable): its title; %NULL for the address
 * @kind: what kind of evidence it is
 * @error: return location for an error
 *
 * Returns: (transfer full): the new evidence
 */
EvidentEvidence *
evident_evidence_store_add_link (EvidentEvidenceStore  *self,
                                 EvidentItem           *item,
                                 const char            *url,
                                 const char            *title,
                                 EvidentEvidenceKind    kind,
                                 GError               **error)
{
  g_autofree char *address = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GUri) uri = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), NULL);
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (kind < EVIDENT_N_EVIDENCE_KINDS, NULL);

  address = g_strstrip (g_strdup (url));
  uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (uri == NULL || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
      || host == NULL || *host == '\0')
    {
      g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_BAD_LINK,
                   _("“%s” is not a web address; a link starts with https:// or http://"),
                   address);
      return NULL;
    }

  name = title != NULL ? g_strstrip (g_strdup (title)) : NULL;
  return insert_evidence (self, item, name != NULL && *name != '\0' ? name : address, kind, NULL,
                          NULL, address, NULL, error);
}

/**
 * evident_evidence_store_rename:
 * @self: a store
 * @evidence: evidence of the store
 * @title: the new title
 * @error: return location for an error
 *
 * Returns: %TRUE when saved (or nothing changed)
 */
gboolean
evident_evidence_store_rename (EvidentEvidenceStore  *self,
                               EvidentEvidence       *evidence,
                               const char            *title,
                               GError               **error)
{
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (evidence), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  if (!check_evidence (self, evidence, error) || (db = main_db (self, error)) == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (title));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID,
                           _("Evidence needs a title; type one"));
      return FALSE;
    }
  if (g_str_equal (stripped, evidence->title))
    return TRUE;

  stmt = prepare (db, "UPDATE evidence SET title = ? WHERE id = ?", self->name, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, evidence->id);
  if (!step_done (db, stmt, self->name, error))
    return FALSE;

  evidence_set_title (evidence, stripped);
  return TRUE;
}

/**
 * evident_evidence_store_set_kind:
 * @self: a store
 * @evidence: evidence of the store
 * @kind: its new kind
 * @error: return location for an error
 *
 * Returns: %TRUE when saved (or nothing changed)
 */
gboolean
evident_evidence_store_set_kind (EvidentEvidenceStore  *self,
                                 EvidentEvidence       *evidence,
                                 EvidentEvidenceKind    kind,
                                 GError               **error)
{
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (evidence), FALSE);
  g_return_val_if_fail (kind < EVIDENT_N_EVIDENCE_KINDS, FALSE);

  if (!check_evidence (self, evidence, error) || (db = main_db (self, error)) == NULL)
    return FALSE;
  if (kind == evidence->kind)
    return TRUE;

  stmt = prepare (db, "UPDATE evidence SET kind = ? WHERE id = ?", self->name, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind_names[kind], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, evidence->id);
  if (!step_done (db, stmt, self->name, error))
    return FALSE;

  evidence_set_kind (evidence, kind);
  return TRUE;
}

/**
 * evident_evidence_store_remove:
 * @self: a store
 * @evidence: evidence of the store
 * @error: return location for an error
 *
 * Takes evidence off its item. Its row and its bytes stay in the project
 * until the next cleanup, so that evident_evidence_store_restore() can undo
 * the removal.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_evidence_store_remove (EvidentEvidenceStore  *self,
                               EvidentEvidence       *evidence,
                               GError               **error)
{
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (evidence), FALSE);

  if (!check_evidence (self, evidence, error) || (db = main_db (self, error)) == NULL)
    return FALSE;
  if (evidence->removed)
    return TRUE;

  stmt = prepare (db, "UPDATE evidence SET removed_at = ? WHERE id = ?", self->name, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, evidence->id);
  if (!step_done (db, stmt, self->name, error))
    return FALSE;

  evidence->removed = TRUE;
  lists_remove (self, evidence);
  return TRUE;
}

/**
 * evident_evidence_store_restore:
 * @self: a store
 * @evidence: removed evidence of the store
 * @error: return location for an error
 *
 * Undoes evident_evidence_store_remove(), unless a cleanup has run since.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_evidence_store_restore (EvidentEvidenceStore  *self,
                                EvidentEvidence       *evidence,
                                GError               **error)
{
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (evidence), FALSE);

  if (!check_evidence (self, evidence, error) || (db = main_db (self, error)) == NULL)
    return FALSE;
  if (!evidence->removed)
    return TRUE;

  stmt = prepare (db, "UPDATE evidence SET removed_at = NULL WHERE id = ?", self->name, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence->id);
  if (!step_done (db, stmt, self->name, error))
    return FALSE;

  evidence->removed = FALSE;
  lists_insert (self, evidence);
  return TRUE;
}

/**
 * evident_evidence_store_cleanup:
 * @self: a store
 * @bytes_freed: (out) (optional): how many bytes of stored files were freed
 * @error: return location for an error
 *
 * Deletes removed evidence for good, then every stored file that no
 * evidence uses any more, and what is left of additions cut short; one
 * transaction. Additions in progress are left alone. For the project's
 * open and close, and evident-cli cleanup.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_evidence_store_cleanup (EvidentEvidenceStore  *self,
                                guint64               *bytes_freed,
                                GError               **error)
{
  g_autoptr (GArray) purged = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) doomed = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  guint64 freed = 0;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);

  if ((db = main_db (self, error)) == NULL)
    return FALSE;

  /* Held until the commit: a worker that finds a blob complete has marked
   * it pending first, so either it sees this cleanup's result or this
   * cleanup sees its mark. */
  g_mutex_lock (&self->lock);

  if (!exec (db, "BEGIN IMMEDIATE", self->name, error))
    goto unlock;

  stmt = prepare (db, "SELECT id FROM evidence WHERE removed_at IS NOT NULL", self->name, error);
  if (stmt == NULL)
    goto rollback;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (purged, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, db, rc, self->name);
      goto rollback;
    }

  stmt = prepare (db, "DELETE FROM evidence WHERE removed_at IS NOT NULL", self->name, error);
  if (stmt == NULL || !step_done (db, stmt, self->name, error))
    goto rollback;

  stmt = prepare (db,
                  "SELECT b.sha256, (SELECT coalesce (sum (length (c.data)), 0)"
                  "                    FROM blob_chunks c WHERE c.sha256 = b.sha256)"
                  "  FROM blobs b"
                  " WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.sha256 = b.sha256)",
                  self->name, error);
  if (stmt == NULL)
    goto rollback;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sha256 = column_text (stmt, 0);

      if (g_hash_table_contains (self->pending, sha256))
        continue;
      g_ptr_array_add (doomed, g_strdup (sha256));
      freed += sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, db, rc, self->name);
      goto rollback;
    }

  for (guint i = 0; i < doomed->len; i++)
    {
      const char *sql[] = {
        "DELETE FROM blob_chunks WHERE sha256 = ?",
        "DELETE FROM blobs WHERE sha256 = ?",
      };

      for (guint s = 0; s < G_N_ELEMENTS (sql); s++)
        {
          stmt = prepare (db, sql[s], self->name, error);
          if (stmt == NULL)
            goto rollback;
          sqlite3_bind_text (stmt, 1, g_ptr_array_index (doomed, i), -1, SQLITE_STATIC);
          if (!step_done (db, stmt, self->name, error))
            goto rollback;
        }
    }

  if (!exec (db, "COMMIT", self->name, error))
    goto rollback;
  g_mutex_unlock (&self->lock);

  /* Gives the pages back to the file system when the project was created
   * with auto_vacuum = INCREMENTAL; a no-op otherwise. */
  sqlite3_exec (db, "PRAGMA incremental_vacuum", NULL, NULL, NULL);

  for (guint i = 0; i < purged->len; i++)
    {
      gint64 id = g_array_index (purged, gint64, i);
      EvidentEvidence *evidence = g_hash_table_lookup (self->by_id, &id);

      if (evidence != NULL)
        {
          evidence->purged = TRUE;
          g_hash_table_remove (self->by_id, &id);
        }
    }

  g_debug ("Cleanup of %s: %u evidence rows, %u files, %" G_GUINT64_FORMAT " bytes", self->path,
           purged->len, doomed->len, freed);
  if (bytes_freed != NULL)
    *bytes_freed = freed;
  return TRUE;

rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
unlock:
  g_mutex_unlock (&self->lock);
  return FALSE;
}

/**
 * evident_evidence_store_resolve_sha256:
 * @self: a store
 * @prefix: the start of a SHA-256 in hex (at least 4 digits), or all of it
 * @error: return location for an error
 *
 * Finds the one stored file whose SHA-256 starts with @prefix. Any thread.
 *
 * Returns: (transfer full): its whole SHA-256
 */
char *
evident_evidence_store_resolve_sha256 (EvidentEvidenceStore  *self,
                                       const char            *prefix,
                                       GError               **error)
{
  g_autoptr (sqlite3) db = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *found = NULL;
  gsize len;
  int rc;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  lower = g_ascii_strdown (prefix, -1);
  len = strlen (lower);
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

  db = open_connection (self, FALSE, error);
  if (db == NULL)
    return NULL;
  stmt = prepare (db,
                  "SELECT sha256 FROM blobs WHERE complete = 1 AND substr (sha256, 1, ?2) = ?1"
                  " LIMIT 2",
                  self->name, error);
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
      found = g_strdup (column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, db, rc, self->name);
      return NULL;
    }
  if (found == NULL)
    {
      set_not_found_error (error, lower);
      return NULL;
    }
  return g_steal_pointer (&found);
}

/**
 * evident_evidence_store_open_stream:
 * @self: a store
 * @sha256: the SHA-256 of a stored file
 * @error: return location for an error
 *
 * Opens a stored file for reading, chunk by chunk, through a connection
 * of the stream's own: any thread may open and read it (one at a time).
 * The stream can seek. It does not check the SHA-256: see
 * evident_evidence_store_verify().
 *
 * Returns: (transfer full): a #GInputStream that is also a #GSeekable
 */
GInputStream *
evident_evidence_store_open_stream (EvidentEvidenceStore  *self,
                                    const char            *sha256,
                                    GError               **error)
{
  g_autoptr (EvidentBlobStream) stream = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  if (!is_sha256 (sha256))
    {
      set_not_found_error (error, sha256);
      return NULL;
    }

  stream = g_object_new (EVIDENT_TYPE_BLOB_STREAM, NULL);
  stream->sha256 = g_strdup (sha256);
  stream->name = g_strdup (self->name);
  stream->db = open_connection (self, FALSE, error);
  if (stream->db == NULL)
    return NULL;

  stmt = prepare (stream->db,
                  "SELECT size, complete, (SELECT length (data) FROM blob_chunks"
                  "                         WHERE sha256 = b.sha256 AND seq = 0)"
                  "  FROM blobs b WHERE sha256 = ?",
                  self->name, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_db_error (error, stream->db, rc, self->name);
      return NULL;
    }
  if (rc == SQLITE_DONE || sqlite3_column_int (stmt, 1) == 0)
    {
      set_not_found_error (error, sha256);
      return NULL;
    }
  stream->size = sqlite3_column_int64 (stmt, 0);
  if (stream->size > 0)
    {
      stream->chunk_size = sqlite3_column_int64 (stmt, 2);
      if (stream->chunk_size <= 0)
        {
          set_damaged_error (error, stream->db, sha256);
          return NULL;
        }
    }

  stream->chunk_stmt = prepare (stream->db,
                                "SELECT data FROM blob_chunks WHERE sha256 = ?1 AND seq = ?2",
                                self->name, error);
  if (stream->chunk_stmt == NULL)
    return NULL;
  sqlite3_bind_text (stream->chunk_stmt, 1, stream->sha256, -1, SQLITE_STATIC);
  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

/**
 * evident_evidence_store_load_bytes:
 * @self: a store
 * @sha256: the SHA-256 of a stored file
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reads a whole stored file, checking it against its SHA-256. Any thread.
 *
 * Returns: (transfer full): the bytes
 */
GBytes *
evident_evidence_store_load_bytes (EvidentEvidenceStore  *self,
                                   const char            *sha256,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  g_autoptr (sqlite3) db = NULL;
  g_autoptr (GByteArray) bytes = g_byte_array_new ();

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  if (!is_sha256 (sha256))
    {
      set_not_found_error (error, sha256);
      return NULL;
    }
  db = open_connection (self, FALSE, error);
  if (db == NULL || !read_blob (db, self->name, sha256, cancellable, append_chunk, bytes, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * evident_evidence_store_extract:
 * @self: a store
 * @sha256: the SHA-256 of a stored file
 * @destination: where to save a copy; replaced if it exists
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Saves a copy of a stored file. The copy is checked against the SHA-256
 * as it is written: a damaged file is refused and @destination is left as
 * it was. Any thread.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_evidence_store_extract (EvidentEvidenceStore  *self,
                                const char            *sha256,
                                GFile                 *destination,
                                GCancellable          *cancellable,
                                GError               **error)
{
  g_autoptr (sqlite3) db = NULL;
  g_autoptr (GFileOutputStream) out = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GCancellable) abort = NULL;
  ExtractJob job = { NULL, destination, cancellable };
  gboolean existed;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  if (!is_sha256 (sha256))
    return set_not_found_error (error, sha256);

  {
    g_autofree char *path = g_file_get_path (destination);

    if (path != NULL && g_strcmp0 (path, self->path) == 0)
      {
        g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED,
                     _("A copy cannot replace the project itself; choose another name"));
        return FALSE;
      }
  }

  db = open_connection (self, FALSE, error);
  if (db == NULL)
    return FALSE;

  existed = g_file_query_exists (destination, cancellable);
  out = g_file_replace (destination, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                        &local_error);
  if (out == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (destination);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED,
                     _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  job.stream = G_OUTPUT_STREAM (out);

  if (read_blob (db, self->name, sha256, cancellable, write_chunk, &job, error))
    {
      if (g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
        return TRUE;
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        {
          g_autofree char *name = g_file_get_parse_name (destination);

          g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED,
                       _("Could not save “%s”: %s"), name, local_error->message);
        }
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

void
evident_evidence_store_extract_async (EvidentEvidenceStore *self,
                                      const char           *sha256,
                                      GFile                *destination,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (EVIDENT_IS_EVIDENCE_STORE (self));
  g_return_if_fail (sha256 != NULL);
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_evidence_store_extract_async);
  g_task_set_name (task, "[evident] extract evidence");
  g_task_set_task_data (task, g_strdup (sha256), g_free);
  g_object_set_data_full (G_OBJECT (task), "destination", g_object_ref (destination),
                          g_object_unref);
  g_task_run_in_thread (task, extract_thread);
}

gboolean
evident_evidence_store_extract_finish (EvidentEvidenceStore  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * evident_evidence_store_verify:
 * @self: a store
 * @cancellable: (nullable): a cancellable
 * @n_checked: (out) (optional): how many stored files were checked
 * @mismatches: (out) (optional) (transfer full) (element-type EvidentEvidence):
 *   the evidence whose files no longer match their SHA-256, in checklist order
 * @error: return location for an error
 *
 * Re-hashes every stored file that evidence uses and records the result
 * (#EvidentEvidence:verified). Main thread; blocks until done, reading
 * through a connection of its own: the application uses
 * evident_evidence_store_verify_async().
 *
 * Returns: %TRUE when the check ran, whatever it found
 */
gboolean
evident_evidence_store_verify (EvidentEvidenceStore  *self,
                               GCancellable          *cancellable,
                               guint                 *n_checked,
                               GPtrArray            **mismatches,
                               GError               **error)
{
  g_autoptr (VerifyJob) job = verify_job_new ();

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (!verify_blobs (self, job, cancellable, error))
    return FALSE;
  return verify_apply (self, job, n_checked, mismatches, error);
}

/**
 * evident_evidence_store_verify_async:
 * @self: a store
 * @cancellable: (nullable): a cancellable
 * @progress: (nullable): called in the caller's main context with the bytes
 *   checked so far, increasing, until @callback runs
 * @progress_data: data for @progress
 * @callback: called when done
 * @user_data: data for @callback
 *
 * evident_evidence_store_verify() in a worker thread.
 */
void
evident_evidence_store_verify_async (EvidentEvidenceStore  *self,
                                     GCancellable          *cancellable,
                                     GFileProgressCallback  progress,
                                     gpointer               progress_data,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) worker = NULL;
  VerifyJob *job;

  g_return_if_fail (EVIDENT_IS_EVIDENCE_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_evidence_store_verify_async);
  g_task_set_check_cancellable (task, FALSE);

  job = verify_job_new ();
  job->progress = progress_new (progress, progress_data);

  worker = g_task_new (self, cancellable, verify_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, verify_thread);
  /* The worker stops at the next chunk when cancelled; a verification it
   * finished is applied to the objects, as it is to the file. */
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_name (worker, "[evident] verify evidence");
  g_task_set_task_data (worker, job, (GDestroyNotify) verify_job_free);
  g_task_run_in_thread (worker, verify_thread);
}

gboolean
evident_evidence_store_verify_finish (EvidentEvidenceStore  *self,
                                      GAsyncResult          *result,
                                      guint                 *n_checked,
                                      GPtrArray            **mismatches,
                                      GError               **error)
{
  VerifyResult *verdict;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                            == evident_evidence_store_verify_async,
                        FALSE);

  verdict = g_task_propagate_pointer (G_TASK (result), error);
  if (verdict == NULL)
    return FALSE;
  if (n_checked != NULL)
    *n_checked = verdict->n_checked;
  if (mismatches != NULL)
    *mismatches = g_steal_pointer (&verdict->mismatches);
  verify_result_free (verdict);
  return TRUE;
}
