/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-exports-private.h"
#include "evident-file-chooser.h"
#include "evident-window-private.h"

/*
 * EvidentExports: what leaves a window's project as a file, and the
 * window's "export.*" actions for it:
 *
 *  - export.aws-xlsx, export.xlsx, export.csv, export.jira-csv: the
 *    project in one of the export formats (the hand-in only for a project
 *    imported from a workbook);
 *  - export.report, export.print: the readiness report, as a PDF file or
 *    printed (evident-exports-report.c);
 *  - export.pack: the evidence pack for the auditor (evident-exports-pack.c);
 *  - export.open and export.copy: the toasts' buttons: open a file or a
 *    folder by its URI, copy a text.
 *
 * Each asks where to save (a file chooser), then writes on a worker, an
 * EvidentExportJob whose toasts show in the window: the progress, with a
 * button that cancels, then that the file was saved, with a button that
 * opens it. Several files may be written at once; a new project, or the
 * window going, cancels them all. The response and notes typed a moment
 * before are saved first, so that the file holds them.
 */

G_DEFINE_FINAL_TYPE (EvidentExports, evident_exports, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

enum {
  JOB_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Stops the jobs: the project they write goes, or the window. */
static void
cancel_jobs (EvidentExports *self)
{
  g_autoptr (GPtrArray) jobs = g_steal_pointer (&self->jobs);

  self->jobs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    {
      g_signal_handlers_disconnect_by_data (jobs->pdata[i], self);
      evident_job_cancel (jobs->pdata[i]);
    }
}

static void
update_actions (EvidentExports *self)
{
  static const char * const project_actions[] = {
    "xlsx", "csv", "jira-csv", "report", "print", "pack",
  };
  gboolean has_project = self->project != NULL;
  g_autofree char *workbook = NULL;
  GAction *action;

  for (guint i = 0; i < G_N_ELEMENTS (project_actions); i++)
    {
      action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), project_actions[i]);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_project);
    }

  /* The self-assessment is handed in only where the project keeps one. */
  if (has_project)
    workbook = evident_project_dup_workbook_name (self->project);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "aws-xlsx");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), workbook != NULL);
}

/* The name a file of @format is suggested, without its extension */
static char *
dup_export_stem (EvidentExports      *self,
                 EvidentExportFormat  format)
{
  const char *title = evident_project_get_title (self->project);
  g_autofree char *workbook = NULL;
  g_autofree char *stem = NULL;
  g_autoptr (GFile) file = NULL;

  switch (format)
    {
    case EVIDENT_EXPORT_FORMAT_AWS_XLSX:
      workbook = evident_project_dup_workbook_name (self->project);
      file = g_file_new_for_path (workbook != NULL ? workbook : title);
      stem = evident_file_chooser_dup_stem (file);
      /* Translators: the suggested name of the self-assessment handed
       * in, from the name of the workbook it was imported from */
      return g_strdup_printf (_("%s (answered)"), stem);
    case EVIDENT_EXPORT_FORMAT_JIRA_CSV:
      /* Translators: the suggested name of the CSV file for Jira, from the project's title */
      return g_strdup_printf (_("%s (Jira)"), title);
    case EVIDENT_EXPORT_FORMAT_XLSX:
    case EVIDENT_EXPORT_FORMAT_CSV:
    default:
      return g_strdup (title);
    }
}

/* Jobs */

static void
job_toast_cb (EvidentExports *self,
              AdwToast       *toast)
{
  evident_exports_add_toast (self, g_object_ref (toast));
}

/* A job that ended: the pack it made is the one a report offers next. */
static void
job_running_cb (EvidentExports   *self,
                GParamSpec       *pspec,
                EvidentExportJob *job)
{
  g_autoptr (EvidentExportJob) ended = g_object_ref (job);
  const EvidentPackInfo *info = evident_export_job_get_pack_info (job);
  GFile *destination = evident_export_job_get_destination (job);

  if (evident_job_get_running (EVIDENT_JOB (job)))
    return;

  g_signal_handlers_disconnect_by_data (job, self);
  g_ptr_array_remove (self->jobs, job);

  if (evident_export_job_get_error (job) == NULL)
    {
      g_clear_object (&self->last_folder);
      self->last_folder = g_file_get_parent (destination);
    }
  if (info != NULL)
    {
      g_free (self->pack_name);
      self->pack_name = g_file_get_basename (destination);
      g_free (self->pack_digest);
      self->pack_digest = g_strdup (info->digest);
    }
  g_signal_emit (self, signals[JOB_FINISHED], 0, destination, evident_export_job_get_error (job));
}

static void
export_file_chosen_cb (EvidentExports *self,
                       GFile          *file,
                       gpointer        user_data)
{
  evident_exports_export (self, GPOINTER_TO_INT (user_data), file);
}

/* Choosing where to save */

typedef struct
{
  EvidentExports           *exports;
  char                     *extension;
  EvidentExportsFileChosen  callback;
  gpointer                  user_data;
  GDestroyNotify            destroy;
} Choice;

static void
choice_free (Choice *choice)
{
  if (choice->destroy != NULL)
    choice->destroy (choice->user_data);
  g_clear_object (&choice->exports);
  g_free (choice->extension);
  g_free (choice);
}

static void
file_chooser_response_cb (GtkNativeDialog *native,
                          int              response,
                          Choice          *choice)
{
  EvidentExports *self = choice->exports;
  g_autoptr (GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  if (response == GTK_RESPONSE_ACCEPT && chosen != NULL && self->project != NULL)
    {
      g_autoptr (GFile) file = evident_file_chooser_ensure_suffix (chosen, choice->extension);

      choice->callback (self, file, choice->user_data);
    }

  gtk_native_dialog_destroy (native);
  /* Frees the choice */
  g_clear_object (&self->file_chooser);
}

/* Actions */

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  EvidentExports *self = user_data;
  EvidentExportFormat format;
  g_autofree char *stem = NULL;
  g_autofree char *title = NULL;
  gboolean workbook;

  if (self->project == NULL
      || !evident_export_format_from_string (g_action_get_name (G_ACTION (action)), &format))
    return;

  workbook = format == EVIDENT_EXPORT_FORMAT_AWS_XLSX || format == EVIDENT_EXPORT_FORMAT_XLSX;
  stem = dup_export_stem (self, format);
  /* Translators: the title of the file chooser of an export; %s is what
   * the file will be, e.g. "Jira Issues (CSV)" */
  title = g_strdup_printf (_("Export: %s"), evident_export_format_get_label (format));
  evident_exports_choose_file (self, title,
                               workbook ? _("Excel Workbooks") : _("CSV Files"),
                               evident_export_format_get_extension (format),
                               workbook
                                 ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                 : "text/csv",
                               stem, export_file_chosen_cb, GINT_TO_POINTER (format), NULL);
}

static void
show_uri_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (EvidentExports) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source_object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      AdwToast *toast = adw_toast_new (NULL);
      g_autofree char *title = g_markup_escape_text (error->message, -1);

      adw_toast_set_title (toast, title);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      evident_exports_add_toast (self, toast);
    }
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  EvidentExports *self = user_data;

  if (self->window == NULL)
    return;

  gtk_show_uri_full (GTK_WINDOW (self->window), g_variant_get_string (parameter, NULL),
                     GDK_CURRENT_TIME, NULL, show_uri_cb, g_object_ref (self));
}

static void
copy_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  EvidentExports *self = user_data;

  if (self->window == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self->window)),
                          g_variant_get_string (parameter, NULL));
  evident_exports_add_toast (self, adw_toast_new (_("Copied to the clipboard")));
}

static const GActionEntry action_entries[] = {
  { "aws-xlsx", export_action },
  { "xlsx", export_action },
  { "csv", export_action },
  { "jira-csv", export_action },
  { "report", evident_exports_report_action },
  { "print", evident_exports_print_action },
  { "pack", evident_exports_pack_action },
  { "open", open_action, "s" },
  { "copy", copy_action, "s" },
};

/* Signal handlers */

static void
window_destroy_cb (EvidentExports *self)
{
  /* The file chooser's answer holds the exports too. */
  g_autoptr (EvidentExports) hold = g_object_ref (self);

  cancel_jobs (self);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  gtk_widget_insert_action_group (GTK_WIDGET (self->window), "export", NULL);
  self->window = NULL;
}

/* GObject */

static void
evident_exports_dispose (GObject *object)
{
  EvidentExports *self = EVIDENT_EXPORTS (object);

  if (self->window != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->window, self);
      window_destroy_cb (self);
    }
  cancel_jobs (self);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (evident_exports_parent_class)->dispose (object);
}

static void
evident_exports_finalize (GObject *object)
{
  EvidentExports *self = EVIDENT_EXPORTS (object);

  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_object (&self->actions);
  g_clear_object (&self->last_folder);
  g_clear_object (&self->test_destination);
  g_clear_object (&self->print_settings);
  g_clear_pointer (&self->pack_name, g_free);
  g_clear_pointer (&self->pack_digest, g_free);

  G_OBJECT_CLASS (evident_exports_parent_class)->finalize (object);
}

static void
evident_exports_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EvidentExports *self = EVIDENT_EXPORTS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_exports_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EvidentExports *self = EVIDENT_EXPORTS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      if (self->project == g_value_get_object (value))
        break;
      /* Whatever was being written came from the project before. */
      cancel_jobs (self);
      g_clear_pointer (&self->pack_name, g_free);
      g_clear_pointer (&self->pack_digest, g_free);
      g_set_object (&self->project, g_value_get_object (value));
      update_actions (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_exports_class_init (EvidentExportsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_exports_dispose;
  object_class->finalize = evident_exports_finalize;
  object_class->get_property = evident_exports_get_property;
  object_class->set_property = evident_exports_set_property;

  /**
   * EvidentExports:project:
   *
   * The window's project, which the exports write.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentExports::job-finished:
   * @self: the exports
   * @file: the file written, or not
   * @error: (nullable): why not, or %NULL when it was written
   *
   * Emitted when a file was written, could not be, or was cancelled.
   */
  signals[JOB_FINISHED] =
    g_signal_new ("job-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);
}

static void
evident_exports_init (EvidentExports *self)
{
  self->jobs = g_ptr_array_new_with_free_func (g_object_unref);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  update_actions (self);
}

/**
 * evident_exports_new:
 * @window: the window whose project the exports write
 *
 * Puts the "export.*" actions on @window, which follow its project. The
 * window keeps the exports until it is destroyed, which cancels what is
 * being written.
 *
 * Returns: (transfer full): the window's exports
 */
EvidentExports *
evident_exports_new (EvidentWindow *window)
{
  EvidentExports *self;

  g_return_val_if_fail (EVIDENT_IS_WINDOW (window), NULL);

  self = g_object_new (EVIDENT_TYPE_EXPORTS, NULL);
  self->window = window;
  gtk_widget_insert_action_group (GTK_WIDGET (window), "export", G_ACTION_GROUP (self->actions));
  g_signal_connect_object (window, "destroy", G_CALLBACK (window_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (window, "project", self, "project", G_BINDING_SYNC_CREATE);
  return self;
}

/* Shared with evident-exports-report.c and evident-exports-pack.c */

/**
 * evident_exports_start_job:
 * @job: (transfer full): a job not started yet
 *
 * Starts @job; its toasts show in the window, and a new project or the
 * window going cancels it.
 */
void
evident_exports_start_job (EvidentExports   *self,
                           EvidentExportJob *job)
{
  g_return_if_fail (EVIDENT_IS_EXPORTS (self));
  g_return_if_fail (EVIDENT_IS_EXPORT_JOB (job));

  g_ptr_array_add (self->jobs, job);
  g_signal_connect_object (job, "toast", G_CALLBACK (job_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (job, "notify::running", G_CALLBACK (job_running_cb), self,
                           G_CONNECT_SWAPPED);
  evident_job_start (EVIDENT_JOB (job));
}

/**
 * evident_exports_choose_file:
 * @title: the file chooser's title
 * @filter_name: what the files are: "PDF Documents"
 * @extension: their extension, with the dot
 * @mime_type: their MIME type
 * @stem: the name to suggest, without the extension
 * @callback: called with the file chosen, not when the user cancels
 * @destroy: (nullable): frees @user_data
 *
 * Asks where to save a file; it gets @extension if its name lacks it.
 */
void
evident_exports_choose_file (EvidentExports           *self,
                             const char               *title,
                             const char               *filter_name,
                             const char               *extension,
                             const char               *mime_type,
                             const char               *stem,
                             EvidentExportsFileChosen  callback,
                             gpointer                  user_data,
                             GDestroyNotify            destroy)
{
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;
  Choice *choice;

  if (self->test_destination != NULL)
    {
      g_autoptr (GFile) file = g_steal_pointer (&self->test_destination);

      callback (self, file, user_data);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  /* One question at a time */
  if (self->window == NULL || self->file_chooser != NULL)
    {
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  native = evident_file_chooser_new_for_saving (title, GTK_WINDOW (self->window), filter_name,
                                                extension, mime_type);
  name = evident_file_chooser_make_name (stem, extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  if (self->last_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), self->last_folder, NULL);
  else
    evident_file_chooser_set_default_folder (GTK_FILE_CHOOSER (native));

  choice = g_new0 (Choice, 1);
  choice->exports = g_object_ref (self);
  choice->extension = g_strdup (extension);
  choice->callback = callback;
  choice->user_data = user_data;
  choice->destroy = destroy;
  g_object_set_data_full (G_OBJECT (native), "evident-choice", choice, (GDestroyNotify) choice_free);

  self->file_chooser = GTK_NATIVE_DIALOG (native);
  g_signal_connect (native, "response", G_CALLBACK (file_chooser_response_cb), choice);
  gtk_native_dialog_show (self->file_chooser);
}

void
evident_exports_add_toast (EvidentExports *self,
                           AdwToast       *toast)
{
  if (self->window != NULL)
    evident_window_add_toast (self->window, toast);
  else
    g_object_unref (toast);
}

/* Saves the response or notes typed a moment ago: the file is to hold them. */
void
evident_exports_flush_editor (EvidentExports *self)
{
  if (self->window != NULL)
    evident_item_editor_flush (evident_window_get_item_editor (self->window));
}

/**
 * evident_exports_export:
 * @format: the format
 * @destination: the file to write
 *
 * Writes the project to @destination in @format, on a worker.
 */
void
evident_exports_export (EvidentExports      *self,
                        EvidentExportFormat  format,
                        GFile               *destination)
{
  g_return_if_fail (EVIDENT_IS_EXPORTS (self));
  g_return_if_fail (G_IS_FILE (destination));

  if (self->project == NULL)
    return;

  evident_exports_flush_editor (self);
  evident_exports_start_job (self, evident_export_job_new (self->project, format, destination));
}

/* Tests */

/**
 * evident_exports_set_test_destination:
 * @destination: (nullable): the file the next file chooser answers
 *
 * For tests: the next question where to save is answered with
 * @destination, and no file chooser shows.
 */
void
evident_exports_set_test_destination (EvidentExports *self,
                                      GFile          *destination)
{
  g_return_if_fail (EVIDENT_IS_EXPORTS (self));

  g_set_object (&self->test_destination, destination);
}

/* Returns: how many files are being written */
guint
evident_exports_get_n_jobs (EvidentExports *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXPORTS (self), 0);

  return self->jobs->len;
}

/* Returns: (nullable): the digest of the evidence pack made last */
const char *
evident_exports_get_pack_digest (EvidentExports *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXPORTS (self), NULL);

  return self->pack_digest;
}
