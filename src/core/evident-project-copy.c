/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Save a Copy: the SQLite backup API in a worker thread, into a temporary
 * file renamed over the destination once complete. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-project-private.h"
#include "evident-temporary.h"

static gboolean
check_copy_destination (EvidentProject  *self,
                        GFile           *destination,
                        GError         **error)
{
  g_autofree char *path = g_file_get_path (destination);

  if (evident_project_get_db (self) == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (evident_project_get_file (self));

      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("“%s” is closed"), name);
      return FALSE;
    }
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (destination);

      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("“%s” is not a local file"), name);
      return FALSE;
    }
  if (g_strcmp0 (path, evident_project_get_path (self)) == 0
      || g_file_equal (destination, evident_project_get_file (self)))
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_EXISTS,
                   _("A copy cannot replace the project itself; choose another name"));
      return FALSE;
    }
  return TRUE;
}

/* Writes the copy beside @destination and renames it into place once
 * complete: whatever fails, a file that was there stays as it was. */
static gboolean
save_copy (EvidentDb        *reader,
           GFile            *destination,
           EvidentProgress  *progress,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autofree char *path = g_file_get_path (destination);
  g_autoptr (EvidentTemporary) tmp = evident_temporary_new (path, error);

  return tmp != NULL
         && evident_db_backup (reader, evident_temporary_get_path (tmp), destination, progress,
                               cancellable, error)
         && !g_cancellable_set_error_if_cancelled (cancellable, error)
         && evident_temporary_commit (tmp, TRUE, error);
}

/**
 * evident_project_save_copy:
 * @self: a project
 * @destination: where the copy goes; replaced if it exists
 * @error: return location for an error
 *
 * evident_project_save_copy_async(), blocking: for the command line and
 * tests.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_project_save_copy (EvidentProject  *self,
                           GFile           *destination,
                           GError         **error)
{
  g_autoptr (EvidentDb) reader = NULL;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  if (!check_copy_destination (self, destination, error))
    return FALSE;
  reader = evident_project_open_connection (self, FALSE, error);
  return reader != NULL && save_copy (reader, destination, NULL, NULL, error);
}

typedef struct
{
  EvidentDb       *reader;
  GFile           *destination;
  EvidentProgress *progress;
} CopyJob;

static void
copy_job_free (CopyJob *job)
{
  g_clear_pointer (&job->reader, evident_db_close);
  g_clear_object (&job->destination);
  g_clear_pointer (&job->progress, evident_progress_unref);
  g_free (job);
}

static void
save_copy_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  CopyJob *job = task_data;
  GError *error = NULL;
  gboolean ok = save_copy (job->reader, job->destination, job->progress, cancellable, &error);

  evident_db_task_return (task, &job->reader, ok, error);
}

/**
 * evident_project_save_copy_async:
 * @self: a project
 * @destination: where the copy goes; replaced if it exists
 * @cancellable: (nullable): a cancellable
 * @progress: (nullable): called in the caller's main context with the
 *   bytes copied so far and the total, increasing, before @callback
 * @progress_data: data for @progress, valid until @callback runs
 * @callback: called when the copy is complete, or failed
 * @user_data: data for @callback
 *
 * Writes a consistent copy of the project (evidence included) with the
 * SQLite backup API in a worker thread, in short steps, while the project
 * stays open and editable: the copy is the project as it was when the copy
 * began. It is written to a temporary file beside @destination, made
 * durable, and renamed over @destination only once complete: on any
 * failure (a read-only folder, a full disk, cancellation) a file that was
 * at @destination stays byte for byte as it was, and no temporary file is
 * left behind.
 */
void
evident_project_save_copy_async (EvidentProject        *self,
                                 GFile                 *destination,
                                 GCancellable          *cancellable,
                                 GFileProgressCallback  progress,
                                 gpointer               progress_data,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;
  CopyJob *job;

  g_return_if_fail (EVIDENT_IS_PROJECT (self));
  g_return_if_fail (G_IS_FILE (destination));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_project_save_copy_async);
  g_task_set_name (task, "[evident] save a copy");

  job = g_new0 (CopyJob, 1);
  job->destination = g_object_ref (destination);
  job->progress = evident_progress_new (progress, progress_data);
  g_task_set_task_data (task, job, (GDestroyNotify) copy_job_free);

  if (!check_copy_destination (self, destination, &error)
      || (job->reader = evident_project_open_connection (self, FALSE, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, save_copy_thread);
}

gboolean
evident_project_save_copy_finish (EvidentProject  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                            == evident_project_save_copy_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

