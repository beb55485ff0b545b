/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-copy-job.h"
#include "evident-file-chooser.h"

/*
 * EvidentCopyJob: one Save a Copy, from the destination the user chose to
 * the toast that says how it went. The copy runs on a worker
 * (evident_project_save_copy_async()), so that a project of hundreds of
 * megabytes never freezes the window; a toast follows its progress
 * ("Saving a copy… 42%") with a Cancel button (EvidentJob). A copy that
 * fails or is cancelled leaves a file that was at the destination as it
 * was (the core writes beside it and renames only once complete); the
 * error names the file, not its whole path.
 *
 * Where the copy goes is asked first, with the file chooser for projects,
 * which asks before it replaces a file; a name that only gained
 * ".evident" afterwards is asked about here.
 */

struct _EvidentCopyJob
{
  EvidentJob      parent_instance;

  EvidentProject *project;
  GFile          *destination;
  int             percent;
};

G_DEFINE_FINAL_TYPE (EvidentCopyJob, evident_copy_job, EVIDENT_TYPE_JOB)

/* @message with the destination's full path (as the core names files)
 * cut to its name: the user chose the folder a moment ago. */
static char *
name_the_file (EvidentCopyJob *self,
               const char     *message)
{
  g_autofree char *path = g_file_get_parse_name (self->destination);
  g_autofree char *basename = g_file_get_basename (self->destination);
  g_autofree char *name = g_filename_display_name (basename);
  g_auto (GStrv) parts = g_strsplit (message, path, -1);

  return g_strjoinv (name, parts);
}

static void
progress_cb (goffset  current,
             goffset  total,
             gpointer user_data)
{
  EvidentCopyJob *self = user_data;
  g_autofree char *title = NULL;
  int percent;

  if (total <= 0)
    return;
  percent = (int) CLAMP (100 * current / total, 0, 100);
  if (percent == self->percent)
    return;
  self->percent = percent;

  /* Translators: shown while a copy of the project is saved; %d is a percentage */
  title = g_strdup_printf (_("Saving a copy… %d%%"), percent);
  evident_job_show_progress (EVIDENT_JOB (self), title, TRUE);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (EvidentCopyJob) self = user_data;
  g_autoptr (GError) error = NULL;
  AdwToast *toast = NULL;

  if (evident_project_save_copy_finish (EVIDENT_PROJECT (object), result, &error))
    {
      g_autofree char *path = g_file_get_path (self->destination);

      toast = adw_toast_new (_("Copy saved"));
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "app.open-recent");
      adw_toast_set_action_target_value (toast, g_variant_new_string (path));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = name_the_file (self, error->message);
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      toast = adw_toast_new (escaped);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 0);
    }

  evident_job_finish (EVIDENT_JOB (self), toast);
}

static void
evident_copy_job_run (EvidentJob *job)
{
  EvidentCopyJob *self = EVIDENT_COPY_JOB (job);

  evident_job_show_progress (job, _("Saving a copy…"), TRUE);
  evident_project_save_copy_async (self->project, self->destination,
                                   evident_job_get_cancellable (job),
                                   progress_cb, self, saved_cb, g_object_ref (self));
}

/* GObject */

static void
evident_copy_job_finalize (GObject *object)
{
  EvidentCopyJob *self = EVIDENT_COPY_JOB (object);

  g_clear_object (&self->project);
  g_clear_object (&self->destination);

  G_OBJECT_CLASS (evident_copy_job_parent_class)->finalize (object);
}

static void
evident_copy_job_class_init (EvidentCopyJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EvidentJobClass *job_class = EVIDENT_JOB_CLASS (klass);

  object_class->finalize = evident_copy_job_finalize;
  job_class->run = evident_copy_job_run;
}

static void
evident_copy_job_init (EvidentCopyJob *self)
{
  self->percent = -1;
}

/* Choosing where a copy goes */

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GTask            *task)
{
  GFile *destination = g_task_get_task_data (task);

  if (g_str_equal (response, "replace"))
    g_task_return_pointer (task, g_object_ref (destination), g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Not replaced");
  g_object_unref (task);
}

/* Asks before @task's destination is replaced; takes @task. */
static void
confirm_replace (GtkWindow *parent,
                 GTask     *task)
{
  GFile *destination = g_task_get_task_data (task);
  g_autofree char *basename = g_file_get_basename (destination);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Replace “%s”?"), name);
  dialog = adw_message_dialog_new (parent, heading,
                                   _("A file with this name already exists. The copy replaces "
                                     "it once it is complete."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (replace_response_cb), task);
  evident_a11y_name_mnemonics (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     GTask           *task)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr (GFile) destination = evident_file_chooser_ensure_extension (chosen);

      if (!g_file_equal (chosen, destination) && g_file_query_exists (destination, NULL))
        {
          g_task_set_task_data (task, g_steal_pointer (&destination), g_object_unref);
          confirm_replace (gtk_native_dialog_get_transient_for (native), task);
        }
      else
        {
          g_task_return_pointer (task, g_steal_pointer (&destination), g_object_unref);
          g_object_unref (task);
        }
    }
  else
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      g_object_unref (task);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

/**
 * evident_copy_job_choose_destination:
 * @project: the project to copy
 * @parent: (nullable): the window the file chooser is modal for
 * @callback: called with the user's answer
 * @user_data: data for @callback
 *
 * Asks where a copy of @project goes: in its folder, under its name with
 * " (copy)", by default.
 */
void
evident_copy_job_choose_destination (EvidentProject      *project,
                                     GtkWindow           *parent,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr (GFile) folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  GTask *task;

  g_return_if_fail (EVIDENT_IS_PROJECT (project));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, evident_copy_job_choose_destination);

  native = evident_file_chooser_new_for_projects (_("Save a Copy"), parent,
                                                  GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  stem = evident_file_chooser_dup_stem (evident_project_get_file (project));
  /* Translators: the suggested file name of a copy of project %s */
  name = g_strdup_printf (_("%s (copy).evident"), stem);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  folder = g_file_get_parent (evident_project_get_file (project));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * evident_copy_job_choose_destination_finish:
 *
 * Returns: (transfer full) (nullable): where the copy goes, or %NULL
 *   when the user cancelled (%G_IO_ERROR_CANCELLED)
 */
GFile *
evident_copy_job_choose_destination_finish (GAsyncResult  *result,
                                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                            == evident_copy_job_choose_destination,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Public API */

/**
 * evident_copy_job_new:
 * @project: the project to copy
 * @destination: where the copy goes; a file there is replaced once the
 *   copy is complete
 *
 * Returns: (transfer full): a job; evident_job_start() starts it
 */
EvidentCopyJob *
evident_copy_job_new (EvidentProject *project,
                      GFile          *destination)
{
  EvidentCopyJob *self;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (destination), NULL);

  self = g_object_new (EVIDENT_TYPE_COPY_JOB, NULL);
  self->project = g_object_ref (project);
  self->destination = g_object_ref (destination);
  return self;
}

GFile *
evident_copy_job_get_destination (EvidentCopyJob *self)
{
  g_return_val_if_fail (EVIDENT_IS_COPY_JOB (self), NULL);

  return self->destination;
}
