/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-evidence-store.h"
#include "evident-item.h"
#include "evident-verify-job.h"

/*
 * EvidentVerifyJob: Verify Evidence, from the menu item to what came of
 * it. The stored files are hashed again on a worker
 * (evident_evidence_store_verify_async()); a toast follows the progress;
 * files that no longer match are listed in a dialog, with what to do,
 * and a clean result or an error ends in a toast (EvidentJob).
 */

struct _EvidentVerifyJob
{
  EvidentJob      parent_instance;

  EvidentProject *project;
  GWeakRef        parent;
};

G_DEFINE_FINAL_TYPE (EvidentVerifyJob, evident_verify_job, EVIDENT_TYPE_JOB)

static void
verify_progress_cb (goffset  current,
                    goffset  total,
                    gpointer user_data)
{
  EvidentVerifyJob *self = user_data;
  g_autofree char *title = NULL;

  if (total <= 0)
    return;

  /* Translators: shown while evidence is verified; %d is a percentage */
  title = g_strdup_printf (_("Verifying evidence… %d%%"), (int) (100 * current / total));
  evident_job_show_progress (EVIDENT_JOB (self), title, FALSE);
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
  evident_a11y_name_mnemonics (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static AdwToast *
create_result_toast (guint n_checked)
{
  g_autofree char *title = NULL;

  if (n_checked == 0)
    title = g_strdup (_("The project holds no files to verify"));
  else
    title = g_strdup_printf (ngettext ("%u stored file matches",
                                       "All %u stored files match",
                                       n_checked),
                             n_checked);
  return adw_toast_new (title);
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (EvidentVerifyJob) self = user_data;
  g_autoptr (GPtrArray) mismatches = NULL;
  g_autoptr (GError) error = NULL;
  AdwToast *toast = NULL;
  guint n_checked = 0;

  if (!evident_evidence_store_verify_finish (EVIDENT_EVIDENCE_STORE (object), result,
                                             &n_checked, &mismatches, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      toast = adw_toast_new (escaped);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  else if (mismatches == NULL || mismatches->len == 0)
    toast = create_result_toast (n_checked);
  /* Cancelled: another project, or the window went. */
  else if (!g_cancellable_is_cancelled (evident_job_get_cancellable (EVIDENT_JOB (self))))
    show_mismatches (self, mismatches);

  evident_job_finish (EVIDENT_JOB (self), toast);
}

static void
evident_verify_job_run (EvidentJob *job)
{
  EvidentVerifyJob *self = EVIDENT_VERIFY_JOB (job);

  evident_job_show_progress (job, _("Verifying evidence…"), FALSE);
  evident_evidence_store_verify_async (evident_evidence_store_get_for_project (self->project),
                                       evident_job_get_cancellable (job),
                                       verify_progress_cb, self,
                                       verify_cb, g_object_ref (self));
}

/* GObject */

static void
evident_verify_job_finalize (GObject *object)
{
  EvidentVerifyJob *self = EVIDENT_VERIFY_JOB (object);

  g_clear_object (&self->project);
  g_weak_ref_clear (&self->parent);

  G_OBJECT_CLASS (evident_verify_job_parent_class)->finalize (object);
}

static void
evident_verify_job_class_init (EvidentVerifyJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EvidentJobClass *job_class = EVIDENT_JOB_CLASS (klass);

  object_class->finalize = evident_verify_job_finalize;
  job_class->run = evident_verify_job_run;
}

static void
evident_verify_job_init (EvidentVerifyJob *self)
{
  g_weak_ref_init (&self->parent, NULL);
}

/* Public API */

/**
 * evident_verify_job_new:
 * @project: the project whose stored files to verify
 * @parent: (nullable): the window the mismatches dialog belongs to
 *
 * Returns: (transfer full): a job; evident_job_start() starts it
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
