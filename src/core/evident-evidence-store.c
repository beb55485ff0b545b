/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The evidence of a project, as the main thread sees it: one object per
 * piece of evidence, list models per item that follow every edit, undo and
 * redo, and the public face of the blob store's work in worker threads.
 * Every edit goes through the project's commit path, and so into its
 * history. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-blob-store.h"
#include "evident-blob-stream.h"
#include "evident-evidence-private.h"
#include "evident-evidence-store-private.h"
#include "evident-item.h"
#include "evident-project-private.h"

struct _EvidentEvidenceStore
{
  GObject           parent_instance;

  /* Main thread only. */
  EvidentProject   *project; /* weak */
  GHashTable       *by_id;   /* evidence id → EvidentEvidence */
  GHashTable       *lists;   /* item id → GListStore */
  GListStore       *all;

  /* Set once, used by any thread. */
  char             *name;
  char             *path;
  EvidentDb        *source;  /* for read connections; NULL when the project was closed */
  EvidentBlobStore *blobs;
};

G_DEFINE_FINAL_TYPE (EvidentEvidenceStore, evident_evidence_store, G_TYPE_OBJECT)

/* Helpers */

static GQuark
store_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("evident-evidence-store");
  return quark;
}

static EvidentDb *
main_db (EvidentEvidenceStore  *self,
         GError               **error)
{
  EvidentDb *db = self->project != NULL ? evident_project_get_db (self->project) : NULL;

  if (db == NULL)
    g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED,
                 _("“%s” is closed"), self->name);
  return db;
}

/* A connection of the calling thread's own, for reading. */
static EvidentDb *
open_reader (EvidentEvidenceStore  *self,
             GError               **error)
{
  if (self->source == NULL)
    {
      g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED,
                   _("“%s” is closed"), self->name);
      return NULL;
    }
  return evident_db_open_connection (self->source, FALSE, error);
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
  gint64 id = evident_evidence_get_id (evidence);

  if (evident_evidence_is_purged (evidence) || g_hash_table_lookup (self->by_id, &id) != evidence)
    {
      g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID,
                   _("“%s” is no longer part of this project"),
                   evident_evidence_get_title (evidence));
      return FALSE;
    }
  return main_db (self, error) != NULL;
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  gint64 id_a = evident_evidence_get_id ((EvidentEvidence *) a);
  gint64 id_b = evident_evidence_get_id ((EvidentEvidence *) b);

  return id_a < id_b ? -1 : id_a > id_b;
}

/* The object for a row of EVIDENT_EVIDENCE_SELECT: the one already known,
 * so that every list shows the same object, or a new one. */
static EvidentEvidence *
evidence_for_row (EvidentEvidenceStore *self,
                  sqlite3_stmt         *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  EvidentEvidence *evidence = g_hash_table_lookup (self->by_id, &id);
  EvidentItem *item;

  if (evidence != NULL)
    return evidence;

  item = evident_project_lookup_item (self->project, evident_db_column_text (stmt, 1));
  if (item == NULL)
    return NULL;
  evidence = evident_evidence_new_from_row (stmt, item);
  g_hash_table_insert (self->by_id, g_memdup2 (&id, sizeof id), evidence);
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

static GListStore *
lists_of_item (EvidentEvidenceStore *self,
               EvidentEvidence      *evidence)
{
  gint64 item_id = evident_item_get_id (evident_evidence_get_item (evidence));

  return g_hash_table_lookup (self->lists, &item_id);
}

/* Puts the evidence in, or takes it out of, the lists it belongs to. */
static void
lists_update (EvidentEvidenceStore *self,
              EvidentEvidence      *evidence)
{
  GListStore *list = lists_of_item (self, evidence);

  if (evident_evidence_is_removed (evidence))
    {
      list_remove (list, evidence);
      list_remove (self->all, evidence);
    }
  else
    {
      list_insert (list, evidence);
      list_insert (self->all, evidence);
    }
}

/* Evidence a cleanup deleted for good: no restoring, no editing. */
static void
forget (EvidentEvidenceStore *self,
        gint64                id)
{
  EvidentEvidence *evidence = g_hash_table_lookup (self->by_id, &id);

  if (evidence == NULL)
    return;
  evident_evidence_set_purged (evidence);
  lists_update (self, evidence);
  g_hash_table_remove (self->by_id, &id);
}

/* After an edit, an undo or a redo of a piece of evidence: its object and
 * the lists take what the file now says. */
static void
evidence_changed_cb (EvidentProject       *project,
                     gint64                id,
                     EvidentEvidenceStore *self)
{
  g_autoptr (GError) error = NULL;
  g_auto (EvidentDbStatement) stmt = NULL;
  EvidentEvidence *evidence;
  EvidentDb *db;
  int rc;

  if ((db = main_db (self, &error)) == NULL
      || (stmt = evident_db_prepare (db, EVIDENT_EVIDENCE_SELECT " WHERE e.id = ?", &error))
             == NULL)
    {
      g_warning ("Could not follow evidence %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      forget (self, id);
      return;
    }

  /* Its item left the checklist (a revision): out of every list, and a
   * new object should the item come back. */
  evidence = g_hash_table_lookup (self->by_id, &id);
  if (evidence != NULL
      && evident_project_lookup_item (self->project, evident_db_column_text (stmt, 1))
             != evident_evidence_get_item (evidence))
    {
      list_remove (self->all, evidence);
      list_remove (lists_of_item (self, evidence), evidence);
      g_hash_table_remove (self->by_id, &id);
      evidence = NULL;
    }

  if (evidence != NULL)
    evident_evidence_update (evidence, stmt);
  else if ((evidence = evidence_for_row (self, stmt)) == NULL)
    return;
  lists_update (self, evidence);
}

/* GObject */

static void
evident_evidence_store_dispose (GObject *object)
{
  EvidentEvidenceStore *self = EVIDENT_EVIDENCE_STORE (object);

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
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
  g_clear_pointer (&self->source, evident_db_close);
  g_clear_pointer (&self->blobs, evident_blob_store_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->path, g_free);

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
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->blobs = evident_blob_store_new ();
}

/* Public API */

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
  g_autoptr (GError) error = NULL;
  EvidentEvidenceStore *self;
  EvidentDb *db;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);

  self = g_object_get_qdata (G_OBJECT (project), store_quark ());
  if (self != NULL)
    return self;

  self = g_object_new (EVIDENT_TYPE_EVIDENCE_STORE, NULL);
  self->project = project;
  g_object_add_weak_pointer (G_OBJECT (project), (gpointer *) &self->project);
  self->path = g_strdup (evident_project_get_path (project));
  self->name = g_file_get_parse_name (evident_project_get_file (project));
  db = evident_project_get_db (project);
  if (db != NULL && (self->source = evident_db_new_source (db, &error)) == NULL)
    g_debug ("Stored files of %s cannot be read: %s", self->path, error->message);
  g_signal_connect (project, "evidence-changed", G_CALLBACK (evidence_changed_cb), self);
  g_object_set_qdata_full (G_OBJECT (project), store_quark (), self, g_object_unref);
  return self;
}

EvidentBlobStore *
evident_evidence_store_peek_blob_store (EvidentProject *project)
{
  EvidentEvidenceStore *self = g_object_get_qdata (G_OBJECT (project), store_quark ());

  return self != NULL ? self->blobs : NULL;
}

/**
 * evident_evidence_store_list:
 * @self: a store
 * @item: (nullable): an item of the store's project, or %NULL for all
 *
 * The evidence of an item (or of the whole project), oldest first, without
 * the removed evidence. The list follows additions, removals and restores,
 * and their undo and redo; its objects follow renames.
 *
 * Returns: (transfer full): a list model of #EvidentEvidence
 */
GListModel *
evident_evidence_store_list (EvidentEvidenceStore *self,
                             EvidentItem          *item)
{
  g_autoptr (GListStore) list = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (EvidentDbStatement) stmt = NULL;
  GListStore *cached;
  gint64 item_id;
  EvidentDb *db;
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

  stmt = evident_db_prepare (db,
                             EVIDENT_EVIDENCE_SELECT
                             " WHERE e.removed_at IS NULL AND (?1 IS NULL OR e.item_id = ?1)"
                             " ORDER BY e.id",
                             &error);
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
  if (!evident_db_step_end (db, stmt, rc, &error))
    {
      g_warning ("Could not list evidence: %s", error->message);
      return G_LIST_MODEL (g_steal_pointer (&list));
    }

  g_list_store_splice (list, 0, 0, found->pdata, found->len);
  if (item != NULL)
    g_hash_table_insert (self->lists, g_memdup2 (&item_id, sizeof item_id), g_object_ref (list));
  else
    self->all = g_object_ref (list);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Adding */

typedef struct
{
  EvidentItem         *item;
  const char          *title;
  EvidentEvidenceKind  kind;
  const char          *filename;
  const char          *content_type;
  const char          *url;
  const char          *sha256;
} NewEvidence;

/* Inside the edit's transaction: the row, hidden until the edit's
 * "evidence" field shows it (and until an undo hides it again). */
static gboolean
insert_row_cb (EvidentDb  *db,
               GArray     *edits,
               gpointer    user_data,
               GError    **error)
{
  NewEvidence *row = user_data;
  g_autofree char *now = evident_history_now ();
  sqlite3_stmt *stmt;

  if (row->sha256 != NULL && !evident_blob_check_complete (db, row->sha256, row->filename, error))
    return FALSE;

  stmt = evident_db_prepare (db,
                             "INSERT INTO evidence (item_id, title, kind, filename, content_type,"
                             " url, sha256, added_at, removed_at)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?8, ?8)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evident_item_get_id (row->item));
  sqlite3_bind_text (stmt, 2, row->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, evident_evidence_kind_to_string (row->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, row->filename, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, row->content_type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, row->url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, row->sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (!evident_db_step_done (db, stmt, error))
    return FALSE;

  g_array_index (edits, EvidentEdit, 0).evidence = evident_db_last_insert_id (db);
  return TRUE;
}

/* The evidence row and the object: one edit, in the item's history. */
static EvidentEvidence *
insert_evidence (EvidentEvidenceStore  *self,
                 NewEvidence           *row,
                 GError               **error)
{
  g_autoptr (GArray) edits = evident_edits_new ();
  EvidentEvidence *evidence;
  gint64 id;

  if (!check_item (self, row->item, error) || main_db (self, error) == NULL)
    return NULL;

  evident_edits_add (edits, row->item, 0, EVIDENT_ITEM_FIELD_EVIDENCE, "", row->title);
  if (!evident_project_commit_edits (self->project, edits, insert_row_cb, row, error))
    return NULL;

  id = g_array_index (edits, EvidentEdit, 0).evidence;
  evidence = g_hash_table_lookup (self->by_id, &id);
  g_assert (evidence != NULL);
  return g_object_ref (evidence);
}

typedef struct
{
  EvidentEvidenceStore *store;
  EvidentItem          *item;
  GFile                *file;
  char                 *title;
  EvidentEvidenceKind   kind;
  EvidentDb            *db;
  EvidentProgress      *progress;
  EvidentStoredFile     stored;
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
add_job_free (AddJob *job)
{
  evident_blob_store_release (job->store->blobs, &job->stored);
  evident_stored_file_clear (&job->stored);
  g_clear_pointer (&job->db, evident_db_close);
  g_clear_pointer (&job->progress, evident_progress_unref);
  g_clear_object (&job->store);
  g_clear_object (&job->item);
  g_clear_object (&job->file);
  g_free (job->title);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AddJob, add_job_free)

/* In a worker thread (or the caller's, for the synchronous API). */
static gboolean
add_job_store (AddJob        *job,
               GCancellable  *cancellable,
               GError       **error)
{
  return evident_blob_store_add_file (job->store->blobs, job->db, job->file, job->progress,
                                      &job->stored, cancellable, error);
}

/* Back in the main thread: the evidence row, and the object. */
static EvidentEvidence *
add_job_finish (AddJob  *job,
                GError **error)
{
  NewEvidence row = {
    .item = job->item,
    .title = job->title != NULL && *job->title != '\0' ? job->title : job->stored.filename,
    .kind = job->kind,
    .filename = job->stored.filename,
    .content_type = job->stored.content_type,
    .sha256 = job->stored.sha256,
  };
  EvidentEvidence *evidence = insert_evidence (job->store, &row, error);

  evident_blob_store_release (job->store->blobs, &job->stored);
  return evidence;
}

static void
add_file_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AddJob *job = task_data;
  GError *error = NULL;
  gboolean ok = add_job_store (job, cancellable, &error);

  evident_db_task_return (task, &job->db, ok, error);
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

  evident_progress_finish (job->progress);

  if (!g_task_propagate_boolean (G_TASK (result), &error)
      || g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      evident_blob_store_release (job->store->blobs, &job->stored);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  evidence = add_job_finish (job, &error);
  if (evidence == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, GINT_TO_POINTER (job->stored.already_stored), NULL);
  g_task_return_pointer (task, evidence, g_object_unref);
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
 * there already: an edit of the item, in its history, undone by hiding the
 * evidence again. Blocks until done: for the command line and tests; the
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
  job->db = evident_project_open_connection (self->project, TRUE, error);
  if (job->db == NULL || !add_job_store (job, cancellable, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  evidence = add_job_finish (job, error);
  if (evidence != NULL && already_stored != NULL)
    *already_stored = job->stored.already_stored;
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
 * them; the evidence row is written in the caller's thread, as an edit of
 * the item. A cancelled addition leaves nothing that cleanup does not
 * remove.
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
  g_autoptr (AddJob) job = NULL;
  GError *error = NULL;

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

  job = add_job_new (self, item, file, title, kind);
  if (!check_item (self, item, &error) || main_db (self, &error) == NULL
      || (job->db = evident_project_open_connection (self->project, TRUE, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->progress = evident_progress_new (progress, progress_data);

  worker = g_task_new (self, cancellable, add_file_stored_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, add_file_thread);
  g_task_set_name (worker, "[evident] add evidence");
  g_task_set_task_data (worker, g_steal_pointer (&job), (GDestroyNotify) add_job_free);
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
  NewEvidence row = { item, NULL, kind, NULL, NULL, NULL, NULL };

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
  row.title = name != NULL && *name != '\0' ? name : address;
  row.url = address;
  return insert_evidence (self, &row, error);
}

/* Editing */

/* One field of one piece of evidence, as an edit of its item. */
static gboolean
edit_evidence (EvidentEvidenceStore  *self,
               EvidentEvidence       *evidence,
               EvidentItemField       field,
               const char            *old_value,
               const char            *new_value,
               GError               **error)
{
  g_autoptr (GArray) edits = evident_edits_new ();

  evident_edits_add (edits, evident_evidence_get_item (evidence),
                     evident_evidence_get_id (evidence), field, old_value, new_value);
  return evident_project_commit_edits (self->project, edits, NULL, NULL, error);
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

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (evidence), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  if (!check_evidence (self, evidence, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (title));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID,
                           _("Evidence needs a title; type one"));
      return FALSE;
    }
  if (g_str_equal (stripped, evident_evidence_get_title (evidence)))
    return TRUE;

  return edit_evidence (self, evidence, EVIDENT_ITEM_FIELD_EVIDENCE_TITLE,
                        evident_evidence_get_title (evidence), stripped, error);
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
  EvidentEvidenceKind old_kind;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (evidence), FALSE);
  g_return_val_if_fail (kind < EVIDENT_N_EVIDENCE_KINDS, FALSE);

  if (!check_evidence (self, evidence, error))
    return FALSE;
  old_kind = evident_evidence_get_kind (evidence);
  if (kind == old_kind)
    return TRUE;

  return edit_evidence (self, evidence, EVIDENT_ITEM_FIELD_EVIDENCE_KIND,
                        evident_evidence_kind_to_string (old_kind),
                        evident_evidence_kind_to_string (kind), error);
}

/**
 * evident_evidence_store_remove:
 * @self: a store
 * @evidence: evidence of the store
 * @error: return location for an error
 *
 * Takes evidence off its item: an edit of the item, which
 * evident_project_undo() undoes, also after the project was closed and
 * opened again. Its row and its bytes stay in the project as long as the
 * removal can be undone (see evident_evidence_store_cleanup()).
 *
 * Returns: %TRUE on success
 */
gboolean
evident_evidence_store_remove (EvidentEvidenceStore  *self,
                               EvidentEvidence       *evidence,
                               GError               **error)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (evidence), FALSE);

  if (!check_evidence (self, evidence, error))
    return FALSE;
  if (evident_evidence_is_removed (evidence))
    return TRUE;

  return edit_evidence (self, evidence, EVIDENT_ITEM_FIELD_EVIDENCE,
                        evident_evidence_get_title (evidence), "", error);
}

/**
 * evident_evidence_store_restore:
 * @self: a store
 * @evidence: removed evidence of the store
 * @error: return location for an error
 *
 * Brings removed evidence back, as an edit of its own, unless a cleanup
 * deleted it for good since.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_evidence_store_restore (EvidentEvidenceStore  *self,
                                EvidentEvidence       *evidence,
                                GError               **error)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (evidence), FALSE);

  if (!check_evidence (self, evidence, error))
    return FALSE;
  if (!evident_evidence_is_removed (evidence))
    return TRUE;

  return edit_evidence (self, evidence, EVIDENT_ITEM_FIELD_EVIDENCE, "",
                        evident_evidence_get_title (evidence), error);
}

/**
 * evident_evidence_store_cleanup:
 * @self: a store
 * @bytes_freed: (out) (optional): how many bytes of stored files were freed
 * @error: return location for an error
 *
 * Deletes all removed evidence for good (its edits can no longer be undone
 * and leave the undo stack), then every stored file that no evidence uses
 * any more, and what is left of additions cut short; then gives the space
 * back. Each step is a short transaction. Additions in progress are left
 * alone. For evident-cli cleanup; closing a project with
 * evident_project_close_async() cleans up what no undo can bring back.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_evidence_store_cleanup (EvidentEvidenceStore  *self,
                                guint64               *bytes_freed,
                                GError               **error)
{
  g_autoptr (GArray) purged = g_array_new (FALSE, FALSE, sizeof (gint64));
  EvidentDb *db;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);

  if ((db = main_db (self, error)) == NULL)
    return FALSE;

  if (!evident_blob_store_cleanup (self->blobs, db, TRUE, purged, bytes_freed, NULL, error))
    return FALSE;

  for (guint i = 0; i < purged->len; i++)
    forget (self, g_array_index (purged, gint64, i));
  if (purged->len > 0)
    evident_project_history_changed (self->project);
  return evident_db_vacuum (db, NULL, error);
}

/* Reading */

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
  g_autoptr (EvidentDb) db = NULL;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  db = open_reader (self, error);
  return db != NULL ? evident_blob_resolve (db, prefix, error) : NULL;
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
  EvidentDb *db;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  db = open_reader (self, error);
  return db != NULL ? evident_blob_stream_new (db, sha256, error) : NULL;
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
  g_autoptr (EvidentDb) db = NULL;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  if (!evident_blob_is_sha256 (sha256))
    {
      evident_blob_set_not_found_error (sha256, error);
      return NULL;
    }
  db = open_reader (self, error);
  return db != NULL ? evident_blob_load (db, sha256, cancellable, error) : NULL;
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
  g_autoptr (EvidentDb) db = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  if (!evident_blob_is_sha256 (sha256))
    return evident_blob_set_not_found_error (sha256, error);

  path = g_file_get_path (destination);
  if (path != NULL && g_strcmp0 (path, self->path) == 0)
    {
      g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED,
                   _("A copy cannot replace the project itself; choose another name"));
      return FALSE;
    }

  db = open_reader (self, error);
  return db != NULL && evident_blob_extract (db, sha256, destination, cancellable, error);
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

/* Verifying */

typedef struct
{
  EvidentDb       *db;
  EvidentProgress *progress;
  GPtrArray       *good; /* sha256s */
  GPtrArray       *bad;
} VerifyJob;

static void
verify_job_free (VerifyJob *job)
{
  g_clear_pointer (&job->db, evident_db_close);
  g_clear_pointer (&job->progress, evident_progress_unref);
  g_clear_pointer (&job->good, g_ptr_array_unref);
  g_clear_pointer (&job->bad, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VerifyJob, verify_job_free)

/* The connection that verifies, and records the verdicts unless the
 * project is read-only. */
static VerifyJob *
verify_job_new (EvidentEvidenceStore  *self,
                GError               **error)
{
  g_autoptr (VerifyJob) job = g_new0 (VerifyJob, 1);

  job->good = g_ptr_array_new_with_free_func (g_free);
  job->bad = g_ptr_array_new_with_free_func (g_free);
  if (main_db (self, error) == NULL
      || (job->db = evident_project_open_connection (self->project, TRUE, error)) == NULL)
    return NULL;
  return g_steal_pointer (&job);
}

static int
compare_evidence_by_item (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  GHashTable *positions = user_data;
  EvidentEvidence *ea = *(EvidentEvidence **) a;
  EvidentEvidence *eb = *(EvidentEvidence **) b;
  guint pa = GPOINTER_TO_UINT (g_hash_table_lookup (positions, evident_evidence_get_item (ea)));
  guint pb = GPOINTER_TO_UINT (g_hash_table_lookup (positions, evident_evidence_get_item (eb)));

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return compare_by_id (ea, eb, NULL);
}

/* The live evidence that uses the files in @bad, in checklist order. */
static GPtrArray *
find_mismatches (EvidentEvidenceStore  *self,
                 GPtrArray             *bad,
                 GError               **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) positions = g_hash_table_new (NULL, NULL);
  GListModel *items;
  EvidentDb *db;

  if (bad->len == 0)
    return g_steal_pointer (&found);
  if ((db = main_db (self, error)) == NULL)
    return NULL;

  for (guint i = 0; i < bad->len; i++)
    {
      g_auto (EvidentDbStatement) stmt = NULL;
      int rc;

      stmt = evident_db_prepare (db, EVIDENT_EVIDENCE_SELECT
                                     " WHERE e.removed_at IS NULL AND e.sha256 = ?",
                                 error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (bad, i), -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          EvidentEvidence *evidence = evidence_for_row (self, stmt);

          if (evidence != NULL)
            g_ptr_array_add (found, g_object_ref (evidence));
        }
      if (rc != SQLITE_DONE)
        {
          evident_db_error (db, rc, error);
          return NULL;
        }
    }

  items = evident_project_get_items (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      g_hash_table_insert (positions, item, GUINT_TO_POINTER (i));
    }
  g_ptr_array_sort_with_data (found, compare_evidence_by_item, positions);
  return g_steal_pointer (&found);
}

/* Back in the main thread: the objects learn the verdicts. */
static gboolean
verify_apply (EvidentEvidenceStore  *self,
              VerifyJob             *job,
              guint                 *n_checked,
              GPtrArray            **mismatches,
              GError               **error)
{
  g_autoptr (GHashTable) verdicts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) found = NULL;
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < job->good->len; i++)
    g_hash_table_insert (verdicts, g_ptr_array_index (job->good, i), GINT_TO_POINTER (1));
  for (guint i = 0; i < job->bad->len; i++)
    g_hash_table_insert (verdicts, g_ptr_array_index (job->bad, i), GINT_TO_POINTER (2));

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const char *sha256 = evident_evidence_get_sha256 (value);
      int verdict = sha256 != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (verdicts, sha256)) : 0;

      if (verdict != 0)
        evident_evidence_set_verified (value, verdict == 1);
    }

  if (mismatches != NULL && (found = find_mismatches (self, job->bad, error)) == NULL)
    return FALSE;

  if (n_checked != NULL)
    *n_checked = job->good->len + job->bad->len;
  if (mismatches != NULL)
    *mismatches = g_steal_pointer (&found);
  return TRUE;
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
 * (#EvidentEvidence:verified) in the file when it can: a read-only project,
 * or a full disk, still gets the verdicts. Main thread; blocks until done,
 * reading through a connection of its own: the application uses
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
  g_autoptr (VerifyJob) job = NULL;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  job = verify_job_new (self, error);
  return job != NULL
         && evident_blob_verify (job->db, NULL, job->good, job->bad, cancellable, error)
         && verify_apply (self, job, n_checked, mismatches, error);
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
  VerifyJob *job = task_data;
  GError *error = NULL;
  gboolean ok = evident_blob_verify (job->db, job->progress, job->good, job->bad, cancellable,
                                     &error);

  evident_db_task_return (task, &job->db, ok, error);
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

  evident_progress_finish (job->progress);

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
  GError *error = NULL;
  VerifyJob *job;

  g_return_if_fail (EVIDENT_IS_EVIDENCE_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_evidence_store_verify_async);
  g_task_set_check_cancellable (task, FALSE);

  job = verify_job_new (self, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->progress = evident_progress_new (progress, progress_data);

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
