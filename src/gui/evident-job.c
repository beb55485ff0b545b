/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-job.h"
#include "evident-toast.h"

/*
 * EvidentJob: work that a window starts and that runs in the background,
 * such as saving a copy or verifying evidence: a toast follows its
 * progress ("Saving a copy… 42%", with Cancel where it can stop), and
 * another says how it went. The job only makes the toasts; they come out
 * as ::toast, for the window to show. :running is %TRUE from
 * evident_job_start() until the job finished or was cancelled; a
 * cancelled job shows nothing more.
 */

typedef struct
{
  GCancellable *cancellable;
  AdwToast     *progress_toast;
  guint         running : 1;
} EvidentJobPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (EvidentJob, evident_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

enum {
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_running (EvidentJob *self,
             gboolean    running)
{
  EvidentJobPrivate *priv = evident_job_get_instance_private (self);

  if (priv->running == !!running)
    return;
  priv->running = !!running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* Cancel: the toast goes by itself. */
static void
progress_toast_button_clicked_cb (EvidentJob *self,
                                  AdwToast   *toast)
{
  EvidentJobPrivate *priv = evident_job_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
}

/* Dismissed by the user: the work goes on, out of sight. */
static void
progress_toast_dismissed_cb (EvidentJob *self,
                             AdwToast   *toast)
{
  EvidentJobPrivate *priv = evident_job_get_instance_private (self);

  g_signal_handlers_disconnect_by_data (toast, self);
  g_clear_object (&priv->progress_toast);
}

static void
dismiss_progress_toast (EvidentJob *self)
{
  EvidentJobPrivate *priv = evident_job_get_instance_private (self);
  g_autoptr (AdwToast) toast = g_steal_pointer (&priv->progress_toast);

  if (toast == NULL)
    return;
  g_signal_handlers_disconnect_by_data (toast, self);
  evident_toast_dismiss (toast);
}

/* GObject */

static void
evident_job_dispose (GObject *object)
{
  EvidentJob *self = EVIDENT_JOB (object);
  EvidentJobPrivate *priv = evident_job_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  dismiss_progress_toast (self);

  G_OBJECT_CLASS (evident_job_parent_class)->dispose (object);
}

static void
evident_job_finalize (GObject *object)
{
  EvidentJob *self = EVIDENT_JOB (object);
  EvidentJobPrivate *priv = evident_job_get_instance_private (self);

  g_clear_object (&priv->cancellable);

  G_OBJECT_CLASS (evident_job_parent_class)->finalize (object);
}

static void
evident_job_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  EvidentJob *self = EVIDENT_JOB (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, evident_job_get_running (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_job_class_init (EvidentJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_job_dispose;
  object_class->finalize = evident_job_finalize;
  object_class->get_property = evident_job_get_property;

  /**
   * EvidentJob:running:
   *
   * Whether the work is under way: from evident_job_start() until it
   * finished or was cancelled.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentJob::toast:
   * @self: the job
   * @toast: the progress, or how it went
   *
   * Emitted with a toast to show (adw_toast_overlay_add_toast() takes a
   * reference of its own).
   */
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

static void
evident_job_init (EvidentJob *self)
{
  EvidentJobPrivate *priv = evident_job_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
}

/* Public API */

/**
 * evident_job_start:
 *
 * Starts the work; once only.
 */
void
evident_job_start (EvidentJob *self)
{
  EvidentJobPrivate *priv = evident_job_get_instance_private (self);

  g_return_if_fail (EVIDENT_IS_JOB (self));
  g_return_if_fail (!priv->running && !g_cancellable_is_cancelled (priv->cancellable));

  set_running (self, TRUE);
  EVIDENT_JOB_GET_CLASS (self)->run (self);
}

/**
 * evident_job_cancel:
 *
 * Stops the work; the job shows nothing more.
 */
void
evident_job_cancel (EvidentJob *self)
{
  EvidentJobPrivate *priv = evident_job_get_instance_private (self);

  g_return_if_fail (EVIDENT_IS_JOB (self));

  g_cancellable_cancel (priv->cancellable);
  dismiss_progress_toast (self);
}

gboolean
evident_job_get_running (EvidentJob *self)
{
  EvidentJobPrivate *priv = evident_job_get_instance_private (self);

  g_return_val_if_fail (EVIDENT_IS_JOB (self), FALSE);

  return priv->running;
}

/**
 * evident_job_get_progress_toast:
 *
 * Returns: (transfer none) (nullable): the toast that follows the
 *   progress, while there is one and the user did not dismiss it
 */
AdwToast *
evident_job_get_progress_toast (EvidentJob *self)
{
  EvidentJobPrivate *priv = evident_job_get_instance_private (self);

  g_return_val_if_fail (EVIDENT_IS_JOB (self), NULL);

  return priv->progress_toast;
}

/**
 * evident_job_get_cancellable:
 *
 * Returns: (transfer none): what stops the work
 */
GCancellable *
evident_job_get_cancellable (EvidentJob *self)
{
  EvidentJobPrivate *priv = evident_job_get_instance_private (self);

  g_return_val_if_fail (EVIDENT_IS_JOB (self), NULL);

  return priv->cancellable;
}

/**
 * evident_job_show_progress:
 * @title: what is happening, e.g. "Saving a copy… 42%"
 * @can_cancel: whether the toast offers Cancel (when it first shows)
 *
 * Shows @title in the toast that follows the work, which stays until the
 * work is done.
 */
void
evident_job_show_progress (EvidentJob *self,
                           const char *title,
                           gboolean    can_cancel)
{
  EvidentJobPrivate *priv = evident_job_get_instance_private (self);

  g_return_if_fail (EVIDENT_IS_JOB (self));
  g_return_if_fail (title != NULL);

  if (!priv->running || g_cancellable_is_cancelled (priv->cancellable))
    return;
  if (priv->progress_toast != NULL)
    {
      adw_toast_set_title (priv->progress_toast, title);
      return;
    }

  priv->progress_toast = adw_toast_new (title);
  adw_toast_set_timeout (priv->progress_toast, 0);
  if (can_cancel)
    {
      adw_toast_set_button_label (priv->progress_toast, _("_Cancel"));
      g_signal_connect_object (priv->progress_toast, "button-clicked",
                               G_CALLBACK (progress_toast_button_clicked_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (priv->progress_toast, "dismissed",
                           G_CALLBACK (progress_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  g_signal_emit (self, signals[TOAST], 0, priv->progress_toast);
}

/**
 * evident_job_show_toast:
 * @toast: (transfer full): a toast
 *
 * Hands @toast to whoever shows toasts.
 */
void
evident_job_show_toast (EvidentJob *self,
                        AdwToast   *toast)
{
  g_return_if_fail (EVIDENT_IS_JOB (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_signal_emit (self, signals[TOAST], 0, toast);
  g_object_unref (toast);
}

/**
 * evident_job_finish:
 * @toast: (transfer full) (nullable): how it went, shown unless the job
 *   was cancelled
 *
 * Ends the work: the progress toast goes, and :running turns %FALSE.
 */
void
evident_job_finish (EvidentJob *self,
                    AdwToast   *toast)
{
  EvidentJobPrivate *priv = evident_job_get_instance_private (self);
  g_autoptr (AdwToast) result = toast;
  gboolean had_progress = priv->progress_toast != NULL;

  g_return_if_fail (EVIDENT_IS_JOB (self));

  dismiss_progress_toast (self);
  if (result != NULL && !g_cancellable_is_cancelled (priv->cancellable))
    {
      /* At once, over the progress, which goes once it is fully in
       * (evident-toast.c) */
      if (had_progress)
        adw_toast_set_priority (result, ADW_TOAST_PRIORITY_HIGH);
      evident_job_show_toast (self, g_steal_pointer (&result));
    }
  set_running (self, FALSE);
}
