/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-project-closer.h"

/*
 * Projects the application lets go of. Closing a project cleans it up on
 * a worker (evident_project_close_async(): evidence whose removal can no
 * longer be undone, stored files nothing uses, free space given back),
 * which can take a while on a large project and keeps the file locked
 * until it is done. Here the window hands its project over and carries on
 * at once; meanwhile the application is held (and marked busy), so that
 * quitting waits for the clean-up instead of cutting it short, and
 * opening the same file again waits until it is free rather than finding
 * it "open in another window". Main thread only.
 */

typedef struct
{
  GFile *file;
  guint  n_closing;   /* closings of this file under way */
  GList *waiters;     /* GTasks waiting for the file to be free */
} Closing;

/* GFile → Closing, of the files being closed */
static GHashTable *closings;

typedef struct
{
  GApplication *application;
  GFile        *file;
  gboolean      busy;
} CloseData;

static void
close_data_free (CloseData *data)
{
  if (data->application != NULL)
    {
      if (data->busy)
        g_application_unmark_busy (data->application);
      g_application_release (data->application);
      g_object_unref (data->application);
    }
  g_clear_object (&data->file);
  g_free (data);
}

static void
closing_free (Closing *closing)
{
  g_clear_object (&closing->file);
  g_assert (closing->waiters == NULL);
  g_free (closing);
}

static Closing *
lookup_closing (GFile *file)
{
  return closings != NULL ? g_hash_table_lookup (closings, file) : NULL;
}

static void
closed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  CloseData *data = g_task_get_task_data (task);
  Closing *closing = lookup_closing (data->file);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  ok = evident_project_close_finish (EVIDENT_PROJECT (object), result, &error);
  if (!ok)
    g_message ("Could not clean up the evidence of the project: %s", error->message);

  g_assert (closing != NULL);
  if (--closing->n_closing == 0)
    {
      GList *waiters = g_steal_pointer (&closing->waiters);

      g_hash_table_remove (closings, data->file);
      for (GList *l = waiters; l != NULL; l = l->next)
        g_task_return_boolean (l->data, TRUE);
      g_list_free_full (waiters, g_object_unref);
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * evident_project_closer_close:
 * @project: a project the caller lets go of
 * @application: (nullable): the application to hold until it is closed
 * @callback: (nullable): called once the clean-up is done and the file is
 *   free
 * @user_data: data for @callback
 *
 * Closes @project: at once for its objects, in the background for its
 * clean-up.
 */
void
evident_project_closer_close (EvidentProject      *project,
                              GApplication        *application,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  CloseData *data;
  Closing *closing;
  GFile *file;

  g_return_if_fail (EVIDENT_IS_PROJECT (project));
  g_return_if_fail (application == NULL || G_IS_APPLICATION (application));

  file = evident_project_get_file (project);
  if (closings == NULL)
    closings = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal, NULL,
                                      (GDestroyNotify) closing_free);
  closing = lookup_closing (file);
  if (closing == NULL)
    {
      closing = g_new0 (Closing, 1);
      closing->file = g_object_ref (file);
      g_hash_table_insert (closings, closing->file, closing);
    }
  closing->n_closing++;

  data = g_new0 (CloseData, 1);
  data->file = g_object_ref (file);
  if (application != NULL)
    {
      data->application = g_object_ref (application);
      g_application_hold (application);
      /* The desktop shows a busy application (only a registered one has
       * somewhere to say so). */
      data->busy = g_application_get_is_registered (application);
      if (data->busy)
        g_application_mark_busy (application);
    }

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, evident_project_closer_close);
  g_task_set_task_data (task, data, (GDestroyNotify) close_data_free);
  evident_project_close_async (project, NULL, closed_cb, g_steal_pointer (&task));
}

gboolean
evident_project_closer_close_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == evident_project_closer_close,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * evident_project_closer_is_closing:
 * @file: a project file
 *
 * Returns: whether @file is being closed: it opens once that is done
 */
gboolean
evident_project_closer_is_closing (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return lookup_closing (file) != NULL;
}

/**
 * evident_project_closer_is_busy:
 *
 * Returns: whether any project is being closed
 */
gboolean
evident_project_closer_is_busy (void)
{
  return closings != NULL && g_hash_table_size (closings) > 0;
}

/**
 * evident_project_closer_wait_async:
 * @file: a project file
 * @callback: called once @file is not being closed (at once, from the
 *   main loop, when it is not)
 * @user_data: data for @callback
 *
 * Waits until @file can be opened again.
 */
void
evident_project_closer_wait_async (GFile               *file,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Closing *closing;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, evident_project_closer_wait_async);

  closing = lookup_closing (file);
  if (closing == NULL)
    g_task_return_boolean (task, TRUE);
  else
    closing->waiters = g_list_append (closing->waiters, g_steal_pointer (&task));
}

gboolean
evident_project_closer_wait_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                            == evident_project_closer_wait_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
