/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Adding a file to an item as evidence: its bytes hashed and stored by a
 * worker thread (the blob store, reading through a file source that takes
 * regular files only, within the store's size limit), then the evidence
 * row written on the caller's thread, as an edit of the item. Part of
 * EvidentEvidenceStore's public API. */

#include "config.h"

#include "evident-blob-store.h"
#include "evident-evidence-store-private.h"
#include "evident-item.h"

typedef struct
{
  EvidentEvidenceStore *store;
  EvidentBlobStore     *blobs;
  EvidentItem          *item;
  GFile                *file;
  char                 *title;
  EvidentEvidenceKind   kind;
  guint64               max_size;
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
  job->blobs = evident_blob_store_ref (evident_evidence_store_get_blob_store (store));
  job->item = g_object_ref (item);
  job->file = g_object_ref (file);
  job->title = title != NULL ? g_strstrip (g_strdup (title)) : NULL;
  job->kind = kind;
  job->max_size = evident_evidence_store_get_max_file_size (store);
  return job;
}

static void
add_job_free (AddJob *job)
{
  evident_blob_store_release (job->blobs, &job->stored);
  evident_stored_file_clear (&job->stored);
  g_clear_pointer (&job->db, evident_db_close);
  g_clear_pointer (&job->progress, evident_progress_unref);
  g_clear_pointer (&job->blobs, evident_blob_store_unref);
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
  return evident_blob_store_add_file (job->blobs, job->db, job->file, job->max_size,
                                      job->progress, &job->stored, cancellable, error);
}

/* Back in the main thread: the evidence row, and the object. */
static EvidentEvidence *
add_job_finish (AddJob  *job,
                GError **error)
{
  EvidentNewEvidence row = {
    .item = job->item,
    .title = job->title != NULL && *job->title != '\0' ? job->title : job->stored.filename,
    .kind = job->kind,
    .filename = job->stored.filename,
    .content_type = job->stored.content_type,
    .sha256 = job->stored.sha256,
  };
  EvidentEvidence *evidence = evident_evidence_store_insert (job->store, &row, error);

  evident_blob_store_release (job->blobs, &job->stored);
  return evidence;
}

/* What the caller hears beside the evidence. */
static void
add_job_get_addition (AddJob                  *job,
                      EvidentEvidenceAddition *addition)
{
  if (addition == NULL)
    return;
  addition->already_stored = job->stored.already_stored;
  g_set_object (&addition->link_target, job->stored.link_target);
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
addition_free (EvidentEvidenceAddition *addition)
{
  evident_evidence_addition_clear (addition);
  g_free (addition);
}

static void
add_file_stored_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AddJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  EvidentEvidenceAddition *addition;
  EvidentEvidence *evidence;

  evident_progress_finish (job->progress);

  if (!g_task_propagate_boolean (G_TASK (result), &error)
      || g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      evident_blob_store_release (job->blobs, &job->stored);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  evidence = add_job_finish (job, &error);
  if (evidence == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  addition = g_new0 (EvidentEvidenceAddition, 1);
  add_job_get_addition (job, addition);
  g_task_set_task_data (task, addition, (GDestroyNotify) addition_free);
  g_task_return_pointer (task, evidence, g_object_unref);
}

/**
 * evident_evidence_addition_clear:
 * @addition: what an addition found out
 *
 * Frees what @addition holds, and zeroes it.
 */
void
evident_evidence_addition_clear (EvidentEvidenceAddition *addition)
{
  g_clear_object (&addition->link_target);
  addition->already_stored = FALSE;
}

/**
 * evident_evidence_store_add_file:
 * @self: a store
 * @item: the item the file is evidence for
 * @file: the file
 * @title: (nullable): its title; %NULL for the file's name
 * @kind: what kind of evidence it is
 * @cancellable: (nullable): a cancellable
 * @addition: (out caller-allocates) (optional): what the caller may want to
 *   tell the user: whether the project already held the same bytes (then
 *   nothing was written but the evidence row), and where a symbolic link
 *   led; clear it with evident_evidence_addition_clear()
 * @error: return location for an error
 *
 * Adds a file as evidence, storing its bytes in the project unless they are
 * there already: an edit of the item, in its history, undone by hiding the
 * evidence again. Blocks until done: for the command line and tests; the
 * application uses evident_evidence_store_add_file_async().
 *
 * Only a regular file is added: a folder, a named pipe, a socket or a device
 * fails with %EVIDENT_EVIDENCE_ERROR_NOT_A_FILE before it is opened for
 * reading, a file larger than #EvidentEvidenceStore:max-file-size with
 * %EVIDENT_EVIDENCE_ERROR_TOO_LARGE before it is read, and a file that
 * grows or changes while it is read with %EVIDENT_EVIDENCE_ERROR_CHANGED. A
 * symbolic link is followed: the evidence takes its target's name, and a
 * content type from the target's bytes and name.
 *
 * Returns: (transfer full): the new evidence
 */
EvidentEvidence *
evident_evidence_store_add_file (EvidentEvidenceStore     *self,
                                 EvidentItem              *item,
                                 GFile                    *file,
                                 const char               *title,
                                 EvidentEvidenceKind       kind,
                                 GCancellable             *cancellable,
                                 EvidentEvidenceAddition  *addition,
                                 GError                  **error)
{
  g_autoptr (AddJob) job = NULL;
  EvidentEvidence *evidence;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (kind < EVIDENT_N_EVIDENCE_KINDS, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  job = add_job_new (self, item, file, title, kind);
  job->db = evident_evidence_store_open_writer (self, item, error);
  if (job->db == NULL || !add_job_store (job, cancellable, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  evidence = add_job_finish (job, error);
  if (evidence != NULL)
    add_job_get_addition (job, addition);
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
 * remove. Files are checked as evident_evidence_store_add_file() says.
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
  job->db = evident_evidence_store_open_writer (self, item, &error);
  if (job->db == NULL)
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
 * @addition: (out caller-allocates) (optional): whether the project already
 *   held the same bytes, and where a symbolic link led; clear it with
 *   evident_evidence_addition_clear()
 * @error: return location for an error
 *
 * Returns: (transfer full): the new evidence
 */
EvidentEvidence *
evident_evidence_store_add_file_finish (EvidentEvidenceStore     *self,
                                        GAsyncResult             *result,
                                        EvidentEvidenceAddition  *addition,
                                        GError                  **error)
{
  EvidentEvidenceAddition *found;
  EvidentEvidence *evidence;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                            == evident_evidence_store_add_file_async,
                        NULL);

  evidence = g_task_propagate_pointer (G_TASK (result), error);
  found = g_task_get_task_data (G_TASK (result));
  if (evidence != NULL && addition != NULL && found != NULL)
    {
      addition->already_stored = found->already_stored;
      g_set_object (&addition->link_target, found->link_target);
    }
  return evidence;
}
