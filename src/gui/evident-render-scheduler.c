/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "evident-render-scheduler.h"

/*
 * EvidentRenderScheduler: renders the pages of a PDF document one at a
 * time, in a pool of worker threads shared by every scheduler, that run
 * below the main thread's priority: when both want the CPU (scrolling),
 * the frame comes first and the pages after. One job at a time per
 * scheduler, since the document's lock would serialise more anyway.
 *
 * A job reports back on the thread that started it, with ::finished. Jobs
 * never hold a strong reference on the scheduler: their callbacks use a
 * weak reference, and a job the scheduler let go of reports nothing.
 */

#define N_RENDER_THREADS 2

typedef struct
{
  EvidentPdfDocument *document;
  GCancellable       *cancellable;
  GMainContext       *context;
  GWeakRef            scheduler;
  guint               page;
  double              scale;
  int                 width;
  int                 height;

  /* Set by the worker. */
  GdkTexture         *texture;
  GError             *error;
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
  g_clear_object (&job->document);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_weak_ref_clear (&job->scheduler);
  g_clear_object (&job->texture);
  g_clear_error (&job->error);
  g_free (job);
}

static gboolean
render_done_cb (gpointer data)
{
  RenderJob *job = data;
  g_autoptr (EvidentRenderScheduler) self = g_weak_ref_get (&job->scheduler);
  gboolean cancelled = g_cancellable_is_cancelled (job->cancellable);
  GError *error = job->error;

  if (self == NULL || self->job != job)
    return G_SOURCE_REMOVE;

  self->job = NULL;

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    error = NULL;
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, job->page, job->scale,
                 cancelled ? NULL : job->texture, error);

  return G_SOURCE_REMOVE;
}

static void
render_thread (gpointer data,
               gpointer user_data)
{
  static GPrivate niced;
  RenderJob *job = data;
  GSource *source;

  /* Below the main thread: when both want the CPU (scrolling), the frame
   * comes first and the pages after. */
  if (g_private_get (&niced) == NULL)
    {
#ifdef __linux__
      setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10);
#endif
      g_private_set (&niced, GINT_TO_POINTER (1));
    }

  job->texture = evident_pdf_document_render_page (job->document, job->page,
                                                   job->width, job->height,
                                                   job->cancellable, &job->error);

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[evident] page rendered");
  g_source_set_callback (source, render_done_cb, job, (GDestroyNotify) render_job_free);
  g_source_attach (source, job->context);
  g_source_unref (source);
}

/* The threads every scheduler's jobs run in. */
static GThreadPool *
get_render_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      GThreadPool *new_pool = g_thread_pool_new (render_thread, NULL, N_RENDER_THREADS,
                                                 TRUE, NULL);

      g_once_init_leave (&pool, new_pool);
    }

  return pool;
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
 * Renders @page of @document on a worker thread; ::finished says when it
 * is done. The scheduler must be idle.
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
  job->cancellable = g_cancellable_new ();
  job->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&job->scheduler, self);
  job->page = page;
  job->scale = scale;
  job->width = width;
  job->height = height;

  self->job = job;
  g_thread_pool_push (get_render_pool (), job, NULL);
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
