/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "evident-render-client.h"

/*
 * Asynchronous operations on the document renderer: a request whose
 * replies end in a GTask, cancelled with the task's cancellable; the same
 * with a file, put in a sealed memfd on a worker thread first; and the
 * tests' commands. EvidentPdfDocument and the image decoder are built on
 * these.
 */

/* Requests that end in a GTask */

typedef struct
{
  EvidentRenderClient   *client;
  GTask                 *task;
  EvidentRenderTaskFunc  func;
  GSource               *cancelled;
  guint32                request;
} TaskRequest;

static void
task_request_free (TaskRequest *tr)
{
  if (tr->cancelled != NULL)
    {
      g_source_destroy (tr->cancelled);
      g_source_unref (tr->cancelled);
    }
  g_clear_object (&tr->task);
  g_clear_object (&tr->client);
  g_free (tr);
}

static gboolean
task_reply (EvidentRenderClient  *client,
            EvidentRenderMessage *message,
            const GError         *error,
            gpointer              user_data)
{
  TaskRequest *tr = user_data;

  if (message == NULL)
    {
      g_task_return_error (tr->task, g_error_copy (error));
      return TRUE;
    }

  /* Cancelled, and the cancellable's source has not run yet: nothing
   * more reaches whoever asked. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (tr->task)))
    {
      if (evident_render_message_is_final (message->header.type))
        g_task_return_error_if_cancelled (tr->task);
      return TRUE;
    }

  if (!tr->func (tr->task, message))
    {
      if (evident_render_message_is_final (message->header.type))
        g_task_return_new_error (tr->task, EVIDENT_RENDER_ERROR, EVIDENT_RENDER_ERROR_PROTOCOL,
                                 "%s",
                                 _("The part of Evident that shows documents stopped responding correctly."));
      return FALSE;
    }

  return TRUE;
}

/* The task's cancellable was cancelled: the request goes, the task
 * returns at once. */
static gboolean
task_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  TaskRequest *tr = user_data;

  g_task_return_error_if_cancelled (tr->task);
  /* Frees tr, and this source with it. */
  evident_render_client_cancel (tr->client, tr->request);

  return G_SOURCE_REMOVE;
}

/**
 * evident_render_client_request_task:
 * @task: the operation: returned by @func, by the helper's end, or with
 *   %G_IO_ERROR_CANCELLED when its cancellable is cancelled
 * @func: called with each reply; returns @task with the final one
 *
 * Sends a request for an asynchronous operation, as
 * evident_render_client_request () does. A reply @func refuses (returns
 * %FALSE) ends @task with an error and stops the helper.
 */
void
evident_render_client_request_task (EvidentRenderClient   *self,
                                    GTask                 *task,
                                    guint32                type,
                                    guint32                document,
                                    const void            *payload,
                                    gsize                  size,
                                    const void            *tail,
                                    gsize                  tail_size,
                                    int                    fd,
                                    EvidentRenderTaskFunc  func)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  TaskRequest *tr;

  g_return_if_fail (EVIDENT_IS_RENDER_CLIENT (self));
  g_return_if_fail (G_IS_TASK (task));

  if (g_task_return_error_if_cancelled (task))
    return;

  tr = g_new0 (TaskRequest, 1);
  tr->client = g_object_ref (self);
  tr->task = g_object_ref (task);
  tr->func = func;
  tr->request = evident_render_client_request (self, type, document, payload, size,
                                               tail, tail_size, fd, task_reply, tr,
                                               (GDestroyNotify) task_request_free);

  if (cancellable != NULL)
    {
      tr->cancelled = g_cancellable_source_new (cancellable);
      g_source_set_callback (tr->cancelled, G_SOURCE_FUNC (task_cancelled_cb), tr, NULL);
      g_source_set_static_name (tr->cancelled, "[evident] renderer request cancelled");
      g_source_attach (tr->cancelled, g_task_get_context (task));
    }
}

/* Requests that carry a file */

typedef struct
{
  EvidentRenderClient   *client;
  GTask                 *task;
  guint32                type;
  guint32                document;
  GBytes                *payload;
  GBytes                *tail;
  GBytes                *bytes;
  EvidentRenderTaskFunc  func;
} BytesRequest;

/* Files up to this size go into their memfd on the main thread */
#define INLINE_MEMFD_MAX (256 * 1024)

static void
bytes_request_free (BytesRequest *br)
{
  g_clear_object (&br->client);
  g_clear_object (&br->task);
  g_clear_pointer (&br->payload, g_bytes_unref);
  g_clear_pointer (&br->tail, evident_render_bytes_wipe);
  g_clear_pointer (&br->bytes, g_bytes_unref);
  g_free (br);
}

static void
memfd_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BytesRequest *br = task_data;
  gsize size;
  const void *data = g_bytes_get_data (br->bytes, &size);
  int fd = evident_render_memfd_from_data ("evident-document", data, size);

  if (fd < 0)
    g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errno),
                             _("Not enough memory to show this document: %s"), g_strerror (errno));
  else
    g_task_return_int (task, fd);
}

static void
memfd_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  BytesRequest *br = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gssize fd = g_task_propagate_int (G_TASK (result), &error);
  gconstpointer payload;
  gconstpointer tail;
  gsize size;
  gsize tail_size;

  if (error != NULL)
    {
      g_task_return_error (br->task, error);
      return;
    }

  payload = g_bytes_get_data (br->payload, &size);
  tail = g_bytes_get_data (br->tail, &tail_size);
  evident_render_client_request_task (br->client, br->task, br->type, br->document,
                                      payload, size, tail, tail_size, fd, br->func);
  close (fd);
}

/**
 * evident_render_client_request_task_with_bytes:
 * @bytes: the file, sent in a sealed memfd made on a worker thread
 *   (at once when it is small)
 *
 * Sends a request that carries a file, as
 * evident_render_client_request_task () does.
 */
void
evident_render_client_request_task_with_bytes (EvidentRenderClient   *self,
                                               GTask                 *task,
                                               guint32                type,
                                               guint32                document,
                                               const void            *payload,
                                               gsize                  size,
                                               const void            *tail,
                                               gsize                  tail_size,
                                               GBytes                *bytes,
                                               EvidentRenderTaskFunc  func)
{
  g_autoptr(GTask) memfd_task = NULL;
  BytesRequest *br;
  int fd;

  g_return_if_fail (EVIDENT_IS_RENDER_CLIENT (self));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (bytes != NULL);

  /* A small file is copied at once (well under a millisecond): the
   * request goes out now, not after the next frame, which may be the
   * window's first and take long. */
  if (g_bytes_get_size (bytes) <= INLINE_MEMFD_MAX
      && (fd = evident_render_memfd_from_data ("evident-document", g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes))) >= 0)
    {
      evident_render_client_request_task (self, task, type, document, payload, size,
                                          tail, tail_size, fd, func);
      close (fd);
      return;
    }

  br = g_new0 (BytesRequest, 1);
  br->client = g_object_ref (self);
  br->task = g_object_ref (task);
  br->type = type;
  br->document = document;
  br->payload = g_bytes_new (payload, size);
  br->tail = g_bytes_new (tail, tail_size);
  br->bytes = g_bytes_ref (bytes);
  br->func = func;

  memfd_task = g_task_new (NULL, NULL, memfd_done_cb, NULL);
  g_task_set_source_tag (memfd_task, evident_render_client_request_task_with_bytes);
  g_task_set_name (memfd_task, "[evident] document to memfd");
  g_task_set_task_data (memfd_task, br, (GDestroyNotify) bytes_request_free);
  g_task_run_in_thread (memfd_task, memfd_thread);
}

/* Tests */

static gboolean
test_reply (GTask                *task,
            EvidentRenderMessage *message)
{
  EvidentRenderTestResult result;

  if (message->header.type == EVIDENT_RENDER_FAILED)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "The helper takes no test commands");
      return TRUE;
    }

  if (message->header.type != EVIDENT_RENDER_TEST_RESULT || message->size < sizeof result)
    return FALSE;

  memcpy (&result, message->payload, sizeof result);
  g_task_return_pointer (task, g_memdup2 (&result, sizeof result), g_free);
  return TRUE;
}

/**
 * evident_render_client_test_async:
 * @argument: (nullable): a path, for %EVIDENT_RENDER_TEST_WRITE_FILE
 *
 * Asks the helper (started with EVIDENT_RENDER_TEST_COMMANDS set) to do
 * what the sandbox must refuse, or to hang or crash.
 */
void
evident_render_client_test_async (EvidentRenderClient *self,
                                  EvidentRenderTestOp  op,
                                  const char          *argument,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  EvidentRenderTest test = { op };
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EVIDENT_IS_RENDER_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_render_client_test_async);
  evident_render_client_request_task (self, task, EVIDENT_RENDER_TEST, 0, &test, sizeof test,
                                      argument, argument != NULL ? strlen (argument) : 0, -1,
                                      test_reply);
}
/**
 * evident_render_client_test_finish:
 * @out: (out): what the call the helper tried returned, and its errno
 *
 * Returns: whether the helper answered
 */
gboolean
evident_render_client_test_finish (EvidentRenderClient      *self,
                                   GAsyncResult             *result,
                                   EvidentRenderTestResult  *out,
                                   GError                  **error)
{
  g_autofree EvidentRenderTestResult *value = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_pointer (G_TASK (result), error);
  if (value == NULL)
    return FALSE;

  *out = *value;
  return TRUE;
}
