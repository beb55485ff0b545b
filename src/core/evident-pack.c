/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Writing an evidence pack: the files the plan (evident-pack-plan.c)
 * places, streamed from the project file into a zip archive one chunk at
 * a time and checked against their SHA-256 on the way, then the manifest
 * as CSV and JSON. The archive is written beside its destination and
 * renamed into place once complete: a cancelled or failed pack leaves
 * nothing behind. */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>

#include "evident-atomic-write.h"
#include "evident-pack-private.h"
#include "evident-progress.h"
#include "evident-project.h"

#define CHUNK (256 * 1024)

G_DEFINE_QUARK (evident-pack-error-quark, evident_pack_error)

void
evident_pack_info_free (EvidentPackInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->digest);
  g_free (info);
}

void
evident_pack_problem_free (EvidentPackProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->path);
  g_free (problem);
}

typedef struct
{
  EvidentPackPlan *plan;
  GFile           *destination;
  EvidentProgress *progress;
  guint64          written;
  char            *digest;
} Writer;

static void
set_archive_error (GError         **error,
                   Writer          *writer,
                   struct archive  *archive)
{
  g_autofree char *name = g_file_get_parse_name (writer->destination);

  g_set_error (error, EVIDENT_PACK_ERROR, EVIDENT_PACK_ERROR_FAILED,
               _("Could not write the evidence pack “%s”: %s"), name,
               archive_error_string (archive) != NULL ? archive_error_string (archive)
                                                      : g_strerror (archive_errno (archive)));
}

static gboolean
write_header (Writer          *writer,
              struct archive  *archive,
              const char      *path,
              gint64           size,
              GDateTime       *modified,
              gboolean         compressed,
              GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  int status;

  archive_entry_set_pathname_utf8 (entry, path);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  archive_entry_set_mtime (entry, g_date_time_to_unix (modified), 0);
  if (compressed)
    archive_write_zip_set_compression_store (archive);
  else
    archive_write_zip_set_compression_deflate (archive);
  status = archive_write_header (archive, entry);
  archive_entry_free (entry);
  if (status < ARCHIVE_OK)
    {
      set_archive_error (error, writer, archive);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_data (Writer          *writer,
            struct archive  *archive,
            const void      *data,
            gsize            size,
            GError         **error)
{
  if (size > 0 && archive_write_data (archive, data, size) != (la_ssize_t) size)
    {
      set_archive_error (error, writer, archive);
      return FALSE;
    }
  return TRUE;
}

static void
set_damaged_error (GError          **error,
                   EvidentPackFile  *file)
{
  g_set_error (error, EVIDENT_PACK_ERROR, EVIDENT_PACK_ERROR_DAMAGED,
               _("The stored file “%s” (SHA-256 %s) no longer matches its SHA-256; run "
                 "“evident-cli verify” and add the original file again"),
               file->path, file->sha256);
}

/* One stored file, chunk by chunk from the project file, hashed on the way. */
static gboolean
write_file (Writer           *writer,
            struct archive   *archive,
            EvidentPackFile  *file,
            guint8           *buffer,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gint64 total = 0;

  stream = evident_evidence_store_open_stream (writer->plan->store, file->sha256, error);
  if (stream == NULL
      || !write_header (writer, archive, file->path, file->size, file->modified,
                        file->compressed, error))
    return FALSE;

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, CHUNK, cancellable, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      total += n;
      if (total > file->size)
        break;
      g_checksum_update (checksum, buffer, n);
      if (!write_data (writer, archive, buffer, n, error))
        return FALSE;
      writer->written += n;
      evident_progress_report (writer->progress, writer->written, writer->plan->size);
    }
  if (total != file->size || !g_str_equal (g_checksum_get_string (checksum), file->sha256))
    {
      set_damaged_error (error, file);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_bytes (Writer          *writer,
             struct archive  *archive,
             const char      *path,
             GBytes          *bytes,
             GError         **error)
{
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);

  return write_header (writer, archive, path, size, writer->plan->created, FALSE, error)
         && write_data (writer, archive, data, size, error);
}

static gboolean
write_archive (Writer          *writer,
               struct archive  *archive,
               GCancellable    *cancellable,
               GError         **error)
{
  EvidentPackPlan *plan = writer->plan;
  g_autofree guint8 *buffer = g_malloc (CHUNK);
  g_autoptr (GBytes) json = evident_pack_plan_manifest_json (plan);
  g_autoptr (GBytes) csv = evident_pack_plan_manifest_csv (plan);

  for (guint i = 0; i < plan->files->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !write_file (writer, archive, g_ptr_array_index (plan->files, i), buffer,
                          cancellable, error))
        return FALSE;
    }
  if (!write_bytes (writer, archive, EVIDENT_PACK_MANIFEST_CSV, csv, error)
      || !write_bytes (writer, archive, EVIDENT_PACK_MANIFEST_JSON, json, error))
    return FALSE;
  writer->digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, json);
  return TRUE;
}

static gboolean
write_pack_cb (const char    *path,
               gpointer       user_data,
               GCancellable  *cancellable,
               GError       **error)
{
  Writer *writer = user_data;
  struct archive *archive = archive_write_new ();
  gboolean ok;

  if (archive_write_set_format_zip (archive) != ARCHIVE_OK
      || archive_write_set_format_option (archive, "zip", "hdrcharset", "UTF-8") < ARCHIVE_OK
      || archive_write_open_filename (archive, path) != ARCHIVE_OK)
    {
      set_archive_error (error, writer, archive);
      archive_write_free (archive);
      return FALSE;
    }
  ok = write_archive (writer, archive, cancellable, error);
  if (archive_write_close (archive) != ARCHIVE_OK && ok)
    {
      set_archive_error (error, writer, archive);
      ok = FALSE;
    }
  archive_write_free (archive);
  return ok;
}

static EvidentPackInfo *
write_pack (EvidentPackPlan  *plan,
            GFile            *destination,
            EvidentProgress  *progress,
            GCancellable     *cancellable,
            GError          **error)
{
  Writer writer = { plan, destination, progress, 0, NULL };
  EvidentPackInfo *info;

  if (!evident_atomic_write (destination, write_pack_cb, &writer, cancellable, error))
    {
      g_free (writer.digest);
      return NULL;
    }
  info = g_new0 (EvidentPackInfo, 1);
  info->digest = writer.digest;
  info->n_items = plan->items->len;
  info->n_files = plan->files->len;
  info->n_links = plan->n_links;
  info->size = plan->size;
  return info;
}

/**
 * evident_pack_write:
 * @project: an open project
 * @scope: whose evidence
 * @chapter: (nullable): the chapter's number, for %EVIDENT_PACK_SCOPE_CHAPTER
 * @destination: the zip file to create or replace; a local file
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * evident_pack_write_async(), blocking: for the command line and tests.
 *
 * Returns: (transfer full): what the pack holds and its digest, or %NULL
 */
EvidentPackInfo *
evident_pack_write (EvidentProject    *project,
                    EvidentPackScope   scope,
                    const char        *chapter,
                    GFile             *destination,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr (EvidentPackPlan) plan = NULL;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (destination), NULL);

  plan = evident_pack_plan_new (project, scope, chapter, error);
  return plan != NULL ? write_pack (plan, destination, NULL, cancellable, error) : NULL;
}

typedef struct
{
  EvidentPackPlan *plan;
  GFile           *destination;
  EvidentProgress *progress;
} PackJob;

static void
pack_job_free (PackJob *job)
{
  g_clear_pointer (&job->plan, evident_pack_plan_free);
  g_clear_object (&job->destination);
  g_clear_pointer (&job->progress, evident_progress_unref);
  g_free (job);
}

static void
write_pack_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PackJob *job = task_data;
  GError *error = NULL;
  EvidentPackInfo *info = write_pack (job->plan, job->destination, job->progress, cancellable,
                                      &error);

  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) evident_pack_info_free);
}

/**
 * evident_pack_write_async:
 * @project: an open project
 * @scope: whose evidence: every item's, the items ready or met, or one
 *   chapter's
 * @chapter: (nullable): the chapter's number, for %EVIDENT_PACK_SCOPE_CHAPTER
 * @destination: the zip file to create or replace; a local file
 * @cancellable: (nullable): a cancellable
 * @progress: (nullable): called in the caller's main context with the
 *   bytes of evidence written so far and their total
 * @progress_data: data for @progress, valid until @callback runs
 * @callback: called when the pack is complete, or failed
 * @user_data: data for @callback
 *
 * Writes an evidence pack for an auditor: a zip archive with a folder per
 * chapter and item holding the item's files under their own names (made
 * safe and unique), each file stored once, in the folder of the first
 * item that uses it, and listed for every item in `manifest.json` and
 * `manifest.csv` (reference, title, file, size, SHA-256, date added;
 * links too). What goes in is decided at once; the files are streamed
 * from the project file in a worker thread, each checked against its
 * SHA-256. The archive is written beside @destination and renamed into
 * place once complete: on failure or cancellation nothing is left.
 */
void
evident_pack_write_async (EvidentProject        *project,
                          EvidentPackScope       scope,
                          const char            *chapter,
                          GFile                 *destination,
                          GCancellable          *cancellable,
                          GFileProgressCallback  progress,
                          gpointer               progress_data,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;
  PackJob *job;

  g_return_if_fail (EVIDENT_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (project, cancellable, callback, user_data);
  /* The worker says whether it was cancelled: once the file is in place,
   * a Cancel that comes too late must not report it as not written. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_source_tag (task, evident_pack_write_async);
  g_task_set_name (task, "[evident] write an evidence pack");
  job = g_new0 (PackJob, 1);
  job->destination = g_object_ref (destination);
  job->progress = evident_progress_new (progress, progress_data);
  g_task_set_task_data (task, job, (GDestroyNotify) pack_job_free);

  job->plan = evident_pack_plan_new (project, scope, chapter, &error);
  if (job->plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, write_pack_thread);
}

EvidentPackInfo *
evident_pack_write_finish (EvidentProject  *project,
                           GAsyncResult    *result,
                           GError         **error)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == evident_pack_write_async, NULL);

  /* No progress after the result. */
  if (g_task_get_task_data (G_TASK (result)) != NULL)
    evident_progress_finish (((PackJob *) g_task_get_task_data (G_TASK (result)))->progress);
  return g_task_propagate_pointer (G_TASK (result), error);
}
