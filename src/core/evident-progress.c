/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-progress.h"

struct _EvidentProgress
{
  gatomicrefcount        ref_count;
  GMainContext          *context;
  GFileProgressCallback  callback;
  gpointer               data;
  goffset                last;     /* worker thread only */
  gboolean               finished; /* in @context only: no more reports */
};

typedef struct
{
  EvidentProgress *progress;
  goffset          current;
  goffset          total;
} Report;

/**
 * evident_progress_new:
 * @callback: (nullable): what to call
 * @data: data for @callback
 *
 * Returns: (transfer full) (nullable): a progress reporter, or %NULL when
 *   there is no @callback; the functions below accept %NULL
 */
EvidentProgress *
evident_progress_new (GFileProgressCallback callback,
                      gpointer              data)
{
  EvidentProgress *progress;

  if (callback == NULL)
    return NULL;

  progress = g_new0 (EvidentProgress, 1);
  g_atomic_ref_count_init (&progress->ref_count);
  progress->context = g_main_context_ref_thread_default ();
  progress->callback = callback;
  progress->data = data;
  progress->last = -1;
  return progress;
}

EvidentProgress *
evident_progress_ref (EvidentProgress *progress)
{
  g_atomic_ref_count_inc (&progress->ref_count);
  return progress;
}

void
evident_progress_unref (EvidentProgress *progress)
{
  if (progress == NULL || !g_atomic_ref_count_dec (&progress->ref_count))
    return;
  g_main_context_unref (progress->context);
  g_free (progress);
}

static void
report_free (gpointer data)
{
  Report *report = data;

  evident_progress_unref (report->progress);
  g_free (report);
}

static gboolean
report_cb (gpointer data)
{
  Report *report = data;

  if (!report->progress->finished)
    report->progress->callback (report->current, report->total, report->progress->data);
  return G_SOURCE_REMOVE;
}

/* Reports only increases. An idle source rather than
 * g_main_context_invoke(), which would run the callback in this thread
 * whenever it can acquire the caller's context. */
void
evident_progress_report (EvidentProgress *progress,
                         goffset          current,
                         goffset          total)
{
  Report *report;
  GSource *source;

  if (progress == NULL || current <= progress->last)
    return;
  progress->last = current;

  report = g_new0 (Report, 1);
  report->progress = evident_progress_ref (progress);
  report->current = current;
  report->total = total;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[evident] progress");
  g_source_set_callback (source, report_cb, report, report_free);
  g_source_attach (source, progress->context);
  g_source_unref (source);
}

/* In the caller's context, once the work is done: reports still queued
 * are dropped, so that none arrives after the result. */
void
evident_progress_finish (EvidentProgress *progress)
{
  if (progress != NULL)
    progress->finished = TRUE;
}
