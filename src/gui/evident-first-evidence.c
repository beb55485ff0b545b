/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-evidence-store.h"
#include "evident-first-evidence.h"
#include "evident-preview-pane.h"

/*
 * The evidence `evident --item REF` shows, and its file read ahead.
 *
 * The application opens the project, then builds and lays out its window,
 * all on the main thread and without returning to the main loop; only
 * then does the preview read the evidence file, on a worker thread whose
 * result waits for the main loop, behind the window's first size
 * computation. Read ahead here, on a worker thread from the moment the
 * project is open, the file is in memory by the time the preview asks
 * for it, and goes to the document renderer at once.
 *
 * One file at a time; the worker leaves it where the preview takes it
 * (evident_first_evidence_take ()), without the main loop, and whatever
 * is not taken is dropped with evident_first_evidence_forget ().
 */

typedef struct
{
  GMutex        lock;
  guint         generation;
  char         *sha256;
  GBytes       *bytes;
  GCancellable *cancellable;
} Ahead;

static Ahead ahead;

typedef struct
{
  EvidentEvidenceStore *store;
  char                 *sha256;
  guint                 generation;
} Read;

static void
read_free (Read *read)
{
  g_clear_object (&read->store);
  g_free (read->sha256);
  g_free (read);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Read *read = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = evident_evidence_store_load_bytes (read->store, read->sha256, cancellable, &error);
  if (bytes == NULL)
    {
      /* The preview reads it again, and says what is wrong. */
      g_debug ("Not read ahead: %s", error->message);
      return;
    }

  g_mutex_lock (&ahead.lock);
  if (ahead.generation == read->generation && ahead.bytes == NULL)
    ahead.bytes = g_steal_pointer (&bytes);
  g_mutex_unlock (&ahead.lock);
}

/**
 * evident_first_evidence_find:
 * @project: the project @item is in
 *
 * Returns: (transfer full) (nullable): the first of @item's evidence the
 *   preview draws pages of (a PDF or an image), else its first evidence;
 *   %NULL when it has none
 */
EvidentEvidence *
evident_first_evidence_find (EvidentProject *project,
                             EvidentItem    *item)
{
  g_autoptr(GListModel) evidence = NULL;
  guint n;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), NULL);

  evidence = evident_evidence_store_list (evident_evidence_store_get_for_project (project), item);
  n = g_list_model_get_n_items (evidence);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EvidentEvidence) candidate = g_list_model_get_item (evidence, i);

      if (evident_preview_pane_renders (candidate))
        return g_steal_pointer (&candidate);
    }

  return n > 0 ? g_list_model_get_item (evidence, 0) : NULL;
}

/**
 * evident_first_evidence_read_ahead:
 * @project: a project just opened
 * @ref: the reference of the item the window will show
 *
 * Starts reading the file of the evidence that showing @ref will preview,
 * on a worker thread; nothing when there is no such item, or its first
 * evidence is not a file the preview draws. Replaces any file read ahead
 * before.
 */
void
evident_first_evidence_read_ahead (EvidentProject *project,
                                   const char     *ref)
{
  g_autoptr(EvidentEvidence) first = NULL;
  g_autoptr(GTask) task = NULL;
  EvidentItem *item;
  Read *read;

  g_return_if_fail (EVIDENT_IS_PROJECT (project));
  g_return_if_fail (ref != NULL);

  evident_first_evidence_forget ();

  item = evident_project_lookup_item (project, ref);
  if (item != NULL)
    first = evident_first_evidence_find (project, item);
  if (first == NULL || !evident_preview_pane_renders (first))
    return;

  read = g_new0 (Read, 1);
  read->store = g_object_ref (evident_evidence_store_get_for_project (project));
  read->sha256 = g_strdup (evident_evidence_get_sha256 (first));

  g_mutex_lock (&ahead.lock);
  read->generation = ++ahead.generation;
  ahead.sha256 = g_strdup (read->sha256);
  ahead.cancellable = g_cancellable_new ();
  task = g_task_new (NULL, ahead.cancellable, NULL, NULL);
  g_mutex_unlock (&ahead.lock);

  g_task_set_source_tag (task, evident_first_evidence_read_ahead);
  g_task_set_name (task, "[evident] read the first evidence ahead");
  g_task_set_task_data (task, read, (GDestroyNotify) read_free);
  g_task_run_in_thread (task, read_thread);
}

/**
 * evident_first_evidence_take:
 * @sha256: the file the preview is about to read
 *
 * Returns: (transfer full) (nullable): the file's bytes when it was read
 *   ahead and is in memory already, else %NULL: the preview reads it
 */
GBytes *
evident_first_evidence_take (const char *sha256)
{
  GBytes *bytes = NULL;

  g_return_val_if_fail (sha256 != NULL, NULL);

  g_mutex_lock (&ahead.lock);
  if (g_strcmp0 (ahead.sha256, sha256) == 0)
    bytes = g_steal_pointer (&ahead.bytes);
  g_mutex_unlock (&ahead.lock);

  /* Taken, or still being read: either way the preview has it in hand. */
  if (bytes != NULL)
    evident_first_evidence_forget ();

  return bytes;
}

/* Whether @sha256's file is read ahead, in memory now. */
gboolean
evident_first_evidence_has (const char *sha256)
{
  gboolean has;

  g_return_val_if_fail (sha256 != NULL, FALSE);

  g_mutex_lock (&ahead.lock);
  has = ahead.bytes != NULL && g_strcmp0 (ahead.sha256, sha256) == 0;
  g_mutex_unlock (&ahead.lock);

  return has;
}

/* Drops the file read ahead, or stops reading it. */
void
evident_first_evidence_forget (void)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_mutex_lock (&ahead.lock);
  ahead.generation++;
  g_clear_pointer (&ahead.sha256, g_free);
  bytes = g_steal_pointer (&ahead.bytes);
  cancellable = g_steal_pointer (&ahead.cancellable);
  g_mutex_unlock (&ahead.lock);

  if (cancellable != NULL)
    g_cancellable_cancel (cancellable);
}
