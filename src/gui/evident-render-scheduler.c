/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-render-client.h"
#include "evident-render-scheduler.h"

/*
 * EvidentRenderScheduler: renders the pages of a PDF document one at a
 * time, in the document renderer (a process of its own). One job at a
 * time per scheduler: the helper renders one page at a time anyway, and
 * the next page to render is better chosen when this one is done.
 *
 * A job reports back with ::finished. Cancelling a job drops it in the
 * helper, or the pixels it made; its ::finished follows at once. Jobs
 * never hold a strong reference on the scheduler: their callbacks use a
 * weak reference, and a job the scheduler let go of reports nothing.
 */

typedef struct
{
  GCancellable *cancellable;
  EvidentRenderClient *client;
  GWeakRef      scheduler;
  guint         page;
  double        scale;
} RenderJob;

struct _EvidentRenderScheduler
{
  GObject    parent_instance;

  RenderJob *job;
};

G_DEFINE_FINAL_TYPE (EvidentRenderScheduler, evident_render_scheduler, G_TYPE_OBJECT)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
render_job_free (RenderJob *job)
{
  g_clear_object (&job->cancellable);
  g_clear_object (&job->client);
  g_weak_ref_clear (&job->scheduler);
  g_free (job);
}

static void
render_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RenderJob *job = user_data;
  g_autoptr(EvidentRenderScheduler) self = g_weak_ref_get (&job->scheduler);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = evident_pdf_document_render_page_finish (EVIDENT_PDF_DOCUMENT (object), result, &error);

  if (self != NULL && self->job == job)
    {
      self->job = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_clear_error (&error);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, job->page, job->scale, texture, error);
    }

  render_job_free (job);
}

static void
evident_render_scheduler_dispose (GObject *object)
{
  EvidentRenderScheduler *self = EVIDENT_RENDER_SCHEDULER (object);

  evident_render_scheduler_clear (self);

  G_OBJECT_CLASS (evident_render_scheduler_parent_class)->dispose (object);
}

static void
evident_render_scheduler_class_init (EvidentRenderSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_render_scheduler_dispose;

  /**
   * EvidentRenderScheduler::finished:
   * @self: the scheduler
   * @page: the page rendered, 0-based
   * @scale: the scale asked for
   * @texture: (nullable): the page, or %NULL when the job was cancelled
   *   or failed
   * @error: (nullable): why it failed; %NULL when it was cancelled
   *
   * The job under way ended: the scheduler is free for the next.
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4,
                  G_TYPE_UINT, G_TYPE_DOUBLE, GDK_TYPE_TEXTURE, G_TYPE_ERROR);
}

static void
evident_render_scheduler_init (EvidentRenderScheduler *self)
{
}

/* Public API */

EvidentRenderScheduler *
evident_render_scheduler_new (void)
{
  return g_object_new (EVIDENT_TYPE_RENDER_SCHEDULER, NULL);
}

/**
 * evident_render_scheduler_render:
 * @page: 0-based
 * @scale: device pixels per point, for ::finished to report
 * @width: the texture's width in device pixels
 * @height: the texture's height
 *
 * Renders @page of @document in the document renderer; ::finished says
 * when it is done. The scheduler must be idle.
 */
void
evident_render_scheduler_render (EvidentRenderScheduler *self,
                                 EvidentPdfDocument     *document,
                                 guint                   page,
                                 double                  scale,
                                 int                     width,
                                 int                     height)
{
  RenderJob *job;

  g_return_if_fail (EVIDENT_IS_RENDER_SCHEDULER (self));
  g_return_if_fail (EVIDENT_IS_PDF_DOCUMENT (document));
  g_return_if_fail (self->job == NULL);

  job = g_new0 (RenderJob, 1);
  job->cancellable = g_cancellable_new ();
  job->client = g_object_ref (evident_pdf_document_get_client (document));
  g_weak_ref_init (&job->scheduler, self);
  job->page = page;
  job->scale = scale;

  self->job = job;
  evident_pdf_document_render_page_async (document, page, width, height, job->cancellable,
                                          render_done_cb, job);
}

/**
 * evident_render_scheduler_get_job:
 * @page: (out) (optional): the page being rendered
 * @scale: (out) (optional): its scale
 *
 * Returns: whether a job is under way
 */
gboolean
evident_render_scheduler_get_job (EvidentRenderScheduler *self,
                                  guint                  *page,
                                  double                 *scale)
{
  g_return_val_if_fail (EVIDENT_IS_RENDER_SCHEDULER (self), FALSE);

  if (self->job == NULL)
    return FALSE;

  if (page != NULL)
    *page = self->job->page;
  if (scale != NULL)
    *scale = self->job->scale;
  return TRUE;
}

/**
 * evident_render_scheduler_take_arrived:
 * @wait_ms: the longest to wait for the page, 0 not to
 *
 * Finishes the job under way now, without the main loop, when its page
 * has come (or comes within @wait_ms): for a frame that would draw the
 * page blank otherwise. See evident_render_client_read_pending ().
 */
void
evident_render_scheduler_take_arrived (EvidentRenderScheduler *self,
                                       guint                   wait_ms)
{
  g_return_if_fail (EVIDENT_IS_RENDER_SCHEDULER (self));

  if (self->job == NULL)
    return;
  if (wait_ms > 0)
    evident_render_client_wait_pending (self->job->client, EVIDENT_RENDER_PIXELS, wait_ms);
  else
    evident_render_client_read_pending (self->job->client, EVIDENT_RENDER_PIXELS);
}

/* Cancels the job under way: it ends soon, without a texture, and
 * ::finished says so. */
void
evident_render_scheduler_cancel (EvidentRenderScheduler *self)
{
  g_return_if_fail (EVIDENT_IS_RENDER_SCHEDULER (self));

  if (self->job != NULL)
    g_cancellable_cancel (self->job->cancellable);
}

/* Cancels the job under way and lets go of it: no ::finished. */
void
evident_render_scheduler_clear (EvidentRenderScheduler *self)
{
  g_return_if_fail (EVIDENT_IS_RENDER_SCHEDULER (self));

  if (self->job != NULL)
    {
      g_cancellable_cancel (self->job->cancellable);
      self->job = NULL;
    }
}
