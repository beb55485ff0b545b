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
 * A job reports back with ::finished as soon as its page is read: from
 * the main loop, or in the middle of a frame that takes it
 * (evident_render_scheduler_take_arrived ()), so that this frame draws
 * it, not the next. Cancelling a job drops it in the helper, or the
 * pixels it made; its ::finished follows from the main loop. Jobs never
 * hold a strong reference on the scheduler: their callbacks use a weak
 * reference, and a job the scheduler let go of reports nothing.
 */

typedef struct
{
  EvidentPdfDocument *document;
  GWeakRef            scheduler;
  guint32             request;
  guint               page;
  double              scale;
  guint               cancelled_id;
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
  g_clear_handle_id (&job->cancelled_id, g_source_remove);
  g_clear_object (&job->document);
  g_weak_ref_clear (&job->scheduler);
  g_free (job);
}

/* The job ended: the scheduler is free, and says so. */
static void
finish_job (RenderJob    *job,
            GdkTexture   *texture,
            const GError *error)
{
  g_autoptr(EvidentRenderScheduler) self = g_weak_ref_get (&job->scheduler);
  guint page = job->page;
  double scale = job->scale;

  if (self != NULL && self->job == job)
    self->job = NULL;
  render_job_free (job);

  if (self != NULL)
    g_signal_emit (self, signals[SIGNAL_FINISHED], 0, page, scale, texture, error);
}

/* Called as soon as the page is read: from the main loop, or from a
 * frame that took it (evident_render_scheduler_take_arrived ()). */
static void
page_done_cb (GdkTexture   *texture,
              const GError *error,
              gpointer      user_data)
{
  RenderJob *job = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    error = NULL;
  finish_job (job, texture, error);
}

static gboolean
cancelled_cb (gpointer user_data)
{
  RenderJob *job = user_data;

  job->cancelled_id = 0;
  finish_job (job, NULL, NULL);
  return G_SOURCE_REMOVE;
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
  job->document = g_object_ref (document);
  g_weak_ref_init (&job->scheduler, self);
  job->page = page;
  job->scale = scale;

  self->job = job;
  job->request = evident_pdf_document_render_page (document, page, width, height,
                                                   page_done_cb, job, NULL);
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
  EvidentRenderClient *client;

  g_return_if_fail (EVIDENT_IS_RENDER_SCHEDULER (self));

  if (self->job == NULL || self->job->cancelled_id != 0)
    return;
  client = evident_pdf_document_get_client (self->job->document);
  if (wait_ms > 0)
    evident_render_client_wait_pending (client, EVIDENT_RENDER_PIXELS, wait_ms);
  else
    evident_render_client_read_pending (client, EVIDENT_RENDER_PIXELS);
}

/* Cancels the job under way: it ends soon, without a texture, and
 * ::finished says so. */
void
evident_render_scheduler_cancel (EvidentRenderScheduler *self)
{
  g_return_if_fail (EVIDENT_IS_RENDER_SCHEDULER (self));

  if (self->job == NULL || self->job->cancelled_id != 0)
    return;

  /* Not from in here: whoever cancels is in the middle of something. */
  evident_pdf_document_cancel_render (self->job->document, self->job->request);
  self->job->cancelled_id = g_idle_add (cancelled_cb, self->job);
  g_source_set_name_by_id (self->job->cancelled_id, "[evident] render job cancelled");
}

/* Cancels the job under way and lets go of it: no ::finished. */
void
evident_render_scheduler_clear (EvidentRenderScheduler *self)
{
  g_return_if_fail (EVIDENT_IS_RENDER_SCHEDULER (self));

  if (self->job != NULL)
    {
      RenderJob *job = g_steal_pointer (&self->job);

      if (job->cancelled_id == 0)
        evident_pdf_document_cancel_render (job->document, job->request);
      render_job_free (job);
    }
}
