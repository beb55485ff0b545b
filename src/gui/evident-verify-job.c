/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-evidence-store.h"
#include "evident-item.h"
#include "evident-verify-job.h"

/*
 * EvidentVerifyJob: Verify Evidence, from the menu item to what came of
 * it. The stored files are hashed again on a worker
 * (evident_evidence_store_verify_async()); a toast follows the progress;
 * files that no longer match are listed in a dialog, with what to do,
 * and a clean result or an error ends in a toast. The toasts come out as
 * ::toast, for the window to show.
 */

struct _EvidentVerifyJob
{
  GObject         parent_instance;

  EvidentProject *project;
  GWeakRef        parent;
  GCancellable   *cancellable;
  AdwToast       *progress_toast;
  guint           running : 1;
};

G_DEFINE_FINAL_TYPE (EvidentVerifyJob, evident_verify_job, G_TYPE_OBJECT)

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

/* Hands @toast (taken) to whoever shows toasts. */
static void
emit_toast (EvidentVerifyJob *self,
            AdwToast         *toast)
{
  g_signal_emit (self, signals[TOAST], 0, toast);
  g_object_unref (toast);
}

static void
verify_progress_cb (goffset  current,
                    goffset  total,
                    gpointer user_data)
{
  EvidentVerifyJob *self = user_data;
  g_autofree char *title = NULL;

  if (total <= 0 || self->progress_toast == NULL)
    return;

  /* Translators: shown while evidence is verified; %d is a percentage */
  title = g_strdup_printf (_("Verifying evidence… %d%%"), (int) (100 * current / total));
  adw_toast_set_title (self->progress_toast, title);
}

static void
show_mismatches (EvidentVerifyJob *self,
                 GPtrArray        *mismatches)
{
  g_autoptr (GtkWindow) parent = g_weak_ref_get (&self->parent);
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  heading = g_strdup_printf (ngettext ("%u File No Longer Matches",
                                       "%u Files No Longer Match",
                                       mismatches->len),
                             mismatches->len);
  g_string_append (body, _("These files changed inside the project file since they were added. "
                           "Add them to their items again from a good copy:"));
  g_string_append_c (body, '\n');

  for (guint i = 0; i < mismatches->len; i++)
    {
      EvidentEvidence *evidence = g_ptr_array_index (mismatches, i);
      EvidentItem *item = evident_evidence_get_item (evidence);

      const char *title = evident_evidence_get_title (evidence);
      const char *filename = evident_evidence_get_filename (evidence);

      g_string_append_c (body, '\n');
      if (g_strcmp0 (title, filename) == 0)
        /* Translators: a file that no longer matches: item reference, file name */
        g_string_append_printf (body, _("%s: %s"), evident_item_get_ref (item), filename);
      else
        /* Translators: a file that no longer matches: item reference, evidence title, file name */
        g_string_append_printf (body, _("%s: %s (%s)"), evident_item_get_ref (item), title,
                                filename);
    }

  dialog = adw_message_dialog_new (parent, heading, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_result (EvidentVerifyJob *self,
             guint             n_checked)
{
  g_autofree char *title = NULL;

  if (n_checked == 0)
    title = g_strdup (_("The project holds no files to verify"));
  else
    title = g_strdup_printf (ngettext ("%u stored file matches",
                                       "All %u stored files match",
                                       n_checked),
                             n_checked);
  emit_toast (self, adw_toast_new (title));
}

static void
dismiss_progress_toast (EvidentVerifyJob *self)
{
  if (self->progress_toast == NULL)
    return;
  adw_toast_dismiss (self->progress_toast);
  g_clear_object (&self->progress_toast);
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (EvidentVerifyJob) self = user_data;
  g_autoptr (GPtrArray) mismatches = NULL;
  g_autoptr (GError) error = NULL;
  guint n_checked = 0;
  gboolean done;

  done = evident_evidence_store_verify_finish (EVIDENT_EVIDENCE_STORE (object), result,
                                               &n_checked, &mismatches, &error);
  dismiss_progress_toast (self);

  /* Cancelled: another project, or the window went. */
  if (!g_cancellable_is_cancelled (self->cancellable))
    {
      if (!done)
        {
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);
          AdwToast *toast = adw_toast_new (escaped);

          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          emit_toast (self, toast);
        }
      else if (mismatches != NULL && mismatches->len > 0)
        show_mismatches (self, mismatches);
      else
        show_result (self, n_checked);
    }

  self->running = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* GObject */

static void
evident_verify_job_dispose (GObject *object)
{
  EvidentVerifyJob *self = EVIDENT_VERIFY_JOB (object);

  g_cancellable_cancel (self->cancellable);
  dismiss_progress_toast (self);

  G_OBJECT_CLASS (evident_verify_job_parent_class)->dispose (object);
}

static void
evident_verify_job_finalize (GObject *object)
{
  EvidentVerifyJob *self = EVIDENT_VERIFY_JOB (object);

  g_clear_object (&self->project);
  g_weak_ref_clear (&self->parent);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (evident_verify_job_parent_class)->finalize (object);
}

static void
evident_verify_job_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EvidentVerifyJob *self = EVIDENT_VERIFY_JOB (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_verify_job_class_init (EvidentVerifyJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_verify_job_dispose;
  object_class->finalize = evident_verify_job_finalize;
  object_class->get_property = evident_verify_job_get_property;

  /**
   * EvidentVerifyJob:running:
   *
   * Whether the files are being verified: from evident_verify_job_start()
   * until the result is shown, or the job cancelled.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentVerifyJob::toast:
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
evident_verify_job_init (EvidentVerifyJob *self)
{
  self->cancellable = g_cancellable_new ();
  g_weak_ref_init (&self->parent, NULL);
}

/* Public API */

/**
 * evident_verify_job_new:
 * @project: the project whose stored files to verify
 * @parent: (nullable): the window the mismatches dialog belongs to
 *
 * Returns: (transfer full): a job; evident_verify_job_start() starts it
 */
EvidentVerifyJob *
evident_verify_job_new (EvidentProject *project,
                        GtkWindow      *parent)
{
  EvidentVerifyJob *self;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (EVIDENT_TYPE_VERIFY_JOB, NULL);
  self->project = g_object_ref (project);
  g_weak_ref_set (&self->parent, parent);
  return self;
}

void
evident_verify_job_start (EvidentVerifyJob *self)
{
  g_return_if_fail (EVIDENT_IS_VERIFY_JOB (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  self->progress_toast = adw_toast_new (_("Verifying evidence…"));
  adw_toast_set_timeout (self->progress_toast, 0);
  g_signal_emit (self, signals[TOAST], 0, self->progress_toast);

  evident_evidence_store_verify_async (evident_evidence_store_get_for_project (self->project),
                                       self->cancellable,
                                       verify_progress_cb, self,
                                       verify_cb, g_object_ref (self));
}

/**
 * evident_verify_job_cancel:
 *
 * Stops verifying: nothing more is shown.
 */
void
evident_verify_job_cancel (EvidentVerifyJob *self)
{
  g_return_if_fail (EVIDENT_IS_VERIFY_JOB (self));

  g_cancellable_cancel (self->cancellable);
  dismiss_progress_toast (self);
}

gboolean
evident_verify_job_get_running (EvidentVerifyJob *self)
{
  g_return_val_if_fail (EVIDENT_IS_VERIFY_JOB (self), FALSE);

  return self->running;
}

/**
 * evident_verify_job_get_progress_toast:
 *
 * Returns: (transfer none) (nullable): the toast that shows the progress
 *   while the files are verified
 */
AdwToast *
evident_verify_job_get_progress_toast (EvidentVerifyJob *self)
{
  g_return_val_if_fail (EVIDENT_IS_VERIFY_JOB (self), NULL);

  return self->progress_toast;
}
