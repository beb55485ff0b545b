/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evident-export-job.h"

/*
 * EvidentExportJob: one file written from a project on a worker, from the
 * destination the user chose to the toast that says how it went: the
 * project in an export format (evident_export_async()), a readiness
 * report as a PDF file (evident_report_write_pdf_async()), or an evidence
 * pack (evident_pack_write_async()). A toast follows the progress, with
 * Cancel (EvidentJob): at once for a pack, which can be hundreds of
 * megabytes, after a moment for the others, so that a quick export only
 * says that it was saved. The writers replace the destination only once
 * the new file is complete: a file that fails or is cancelled leaves
 * nothing behind.
 *
 * Once written, a toast says "Saved “name”" with a button that opens the
 * file (the window's export.open action); a pack's shows the digest of
 * its manifest, with a button that copies it (export.copy) and one that
 * opens its folder. A failure says why in a toast that names the file.
 */

/* How long the work runs before its progress shows */
#define PROGRESS_DELAY_MS 300

/* How many digits of a pack's digest the toast shows; its tooltip has all */
#define SHORT_DIGEST 12

typedef enum
{
  KIND_EXPORT,
  KIND_REPORT,
  KIND_PACK,
} Kind;

struct _EvidentExportJob
{
  EvidentJob           parent_instance;

  Kind                 kind;
  EvidentProject      *project;
  EvidentExportFormat  format;
  EvidentReport       *report;
  EvidentPackScope     scope;
  char                *chapter;
  GFile               *destination;

  /* What the progress says, and the share done, or -1 */
  char                *title;
  int                  percent;
  guint                progress_id;
  guint                progress_shown : 1;

  GError              *error;
  EvidentPackInfo     *pack_info;
};

G_DEFINE_FINAL_TYPE (EvidentExportJob, evident_export_job, EVIDENT_TYPE_JOB)

/* Progress */

static void
show_progress (EvidentExportJob *self)
{
  g_autofree char *escaped = g_markup_escape_text (self->title, -1);
  g_autofree char *title = NULL;

  self->progress_shown = TRUE;
  if (self->percent < 0)
    {
      evident_job_show_progress (EVIDENT_JOB (self), escaped, TRUE);
      return;
    }
  /* Translators: a file being written: what is done, and the percentage done */
  title = g_strdup_printf (_("%s %d%%"), escaped, self->percent);
  evident_job_show_progress (EVIDENT_JOB (self), title, TRUE);
}

static gboolean
progress_delay_cb (gpointer user_data)
{
  EvidentExportJob *self = user_data;

  self->progress_id = 0;
  show_progress (self);
  return G_SOURCE_REMOVE;
}

static void
progress_cb (goffset  current,
             goffset  total,
             gpointer user_data)
{
  EvidentExportJob *self = user_data;
  int percent;

  if (total <= 0)
    return;
  percent = (int) (100 * CLAMP (current, 0, total) / total);
  if (percent == self->percent)
    return;
  self->percent = percent;
  if (self->progress_shown)
    show_progress (self);
}

/* How it went */

/* "Saved “name”", with a button that opens the file */
static AdwToast *
create_saved_toast (EvidentExportJob *self)
{
  g_autofree char *basename = g_file_get_basename (self->destination);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *uri = g_file_get_uri (self->destination);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: %s is the name of a file just written */
  title = g_strdup_printf (_("Saved “%s”"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "export.open");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  return toast;
}

/* "Evidence pack saved, digest 3f2a9c815b0e…" with a button that copies
 * the digest, and one that opens the pack's folder */
static AdwToast *
create_pack_toast (EvidentExportJob *self)
{
  g_autoptr (GFile) folder = g_file_get_parent (self->destination);
  g_autofree char *folder_uri = g_file_get_uri (folder);
  g_autofree char *text = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  GtkWidget *copy;
  AdwToast *toast;

  /* Translators: shown once an evidence pack is written; %.*s is the
   * start of its manifest's SHA-256 */
  text = g_strdup_printf (_("Evidence pack saved, digest %.*s…"), SHORT_DIGEST,
                          self->pack_info->digest);
  label = gtk_label_new (text);
  /* As the title of a toast looks */
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_tooltip_text (label, self->pack_info->digest);
  gtk_box_append (GTK_BOX (box), label);

  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_add_css_class (copy, "circular");
  gtk_widget_set_tooltip_text (copy, _("Copy Digest"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy the evidence pack’s digest"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "export.copy");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (copy),
                                          g_variant_new_string (self->pack_info->digest));
  gtk_box_append (GTK_BOX (box), copy);

  toast = adw_toast_new ("");
  adw_toast_set_custom_title (toast, box);
  adw_toast_set_button_label (toast, _("Open _Folder"));
  adw_toast_set_action_name (toast, "export.open");
  adw_toast_set_action_target_value (toast, g_variant_new_string (folder_uri));
  /* Time to read or copy it */
  adw_toast_set_timeout (toast, 20);
  return toast;
}

static AdwToast *
create_error_toast (EvidentExportJob *self)
{
  g_autofree char *message = evident_export_job_dup_error_message (self);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  return toast;
}

static void
finish (EvidentExportJob *self,
        GError           *error)
{
  AdwToast *toast = NULL;

  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->error = error;

  if (error == NULL)
    toast = self->kind == KIND_PACK ? create_pack_toast (self) : create_saved_toast (self);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast = create_error_toast (self);
  /* Before a progress toast of other work still shown, which comes back after */
  if (toast != NULL)
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  evident_job_finish (EVIDENT_JOB (self), toast);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (EvidentExportJob) self = user_data;
  GError *error = NULL;

  evident_export_finish (EVIDENT_PROJECT (object), result, &error);
  finish (self, error);
}

static void
report_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (EvidentExportJob) self = user_data;
  GError *error = NULL;

  evident_report_write_pdf_finish (EVIDENT_REPORT (object), result, &error);
  finish (self, error);
}

static void
pack_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (EvidentExportJob) self = user_data;
  GError *error = NULL;

  self->pack_info = evident_pack_write_finish (EVIDENT_PROJECT (object), result, &error);
  finish (self, error);
}

static void
evident_export_job_run (EvidentJob *job)
{
  EvidentExportJob *self = EVIDENT_EXPORT_JOB (job);
  GCancellable *cancellable = evident_job_get_cancellable (job);

  /* The pack's bytes take a while; the rest say only how they went */
  if (self->kind == KIND_PACK)
    show_progress (self);
  else
    {
      self->progress_id = g_timeout_add (PROGRESS_DELAY_MS, progress_delay_cb, self);
      g_source_set_name_by_id (self->progress_id, "[evident] show export progress");
    }

  switch (self->kind)
    {
    case KIND_EXPORT:
      evident_export_async (self->project, self->format, self->destination, cancellable,
                            exported_cb, g_object_ref (self));
      break;
    case KIND_REPORT:
      evident_report_write_pdf_async (self->report, self->destination, cancellable,
                                      progress_cb, self, report_written_cb, g_object_ref (self));
      break;
    case KIND_PACK:
      evident_pack_write_async (self->project, self->scope, self->chapter, self->destination,
                                cancellable, progress_cb, self, pack_written_cb,
                                g_object_ref (self));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* GObject */

static void
evident_export_job_dispose (GObject *object)
{
  EvidentExportJob *self = EVIDENT_EXPORT_JOB (object);

  g_clear_handle_id (&self->progress_id, g_source_remove);

  G_OBJECT_CLASS (evident_export_job_parent_class)->dispose (object);
}

static void
evident_export_job_finalize (GObject *object)
{
  EvidentExportJob *self = EVIDENT_EXPORT_JOB (object);

  g_clear_object (&self->project);
  g_clear_object (&self->report);
  g_clear_object (&self->destination);
  g_clear_pointer (&self->chapter, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->pack_info, evident_pack_info_free);

  G_OBJECT_CLASS (evident_export_job_parent_class)->finalize (object);
}

static void
evident_export_job_class_init (EvidentExportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EvidentJobClass *job_class = EVIDENT_JOB_CLASS (klass);

  object_class->dispose = evident_export_job_dispose;
  object_class->finalize = evident_export_job_finalize;
  job_class->run = evident_export_job_run;
}

static void
evident_export_job_init (EvidentExportJob *self)
{
  self->percent = -1;
}

static EvidentExportJob *
create (Kind   kind,
        GFile *destination)
{
  EvidentExportJob *self = g_object_new (EVIDENT_TYPE_EXPORT_JOB, NULL);
  g_autofree char *basename = g_file_get_basename (destination);
  g_autofree char *name = g_filename_display_name (basename);

  self->kind = kind;
  self->destination = g_object_ref (destination);
  switch (kind)
    {
    case KIND_EXPORT:
      /* Translators: %s is a file name */
      self->title = g_strdup_printf (_("Exporting “%s”…"), name);
      break;
    case KIND_REPORT:
      /* Translators: %s is a file name */
      self->title = g_strdup_printf (_("Writing “%s”…"), name);
      break;
    case KIND_PACK:
      self->title = g_strdup (_("Writing the evidence pack…"));
      break;
    default:
      g_assert_not_reached ();
    }
  return self;
}

/* Public API */

/**
 * evident_export_job_new:
 * @project: the project
 * @format: the format to write it in
 * @destination: the file to write
 *
 * Returns: (transfer full): a job that writes @project in @format;
 *   evident_job_start() starts it
 */
EvidentExportJob *
evident_export_job_new (EvidentProject      *project,
                        EvidentExportFormat  format,
                        GFile               *destination)
{
  EvidentExportJob *self;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (format < EVIDENT_N_EXPORT_FORMATS, NULL);
  g_return_val_if_fail (G_IS_FILE (destination), NULL);

  self = create (KIND_EXPORT, destination);
  self->project = g_object_ref (project);
  self->format = format;
  return self;
}

/**
 * evident_export_job_new_for_report:
 * @report: a readiness report
 * @destination: the PDF file to write
 *
 * Returns: (transfer full): a job that writes @report, with its pages as
 *   progress
 */
EvidentExportJob *
evident_export_job_new_for_report (EvidentReport *report,
                                   GFile         *destination)
{
  EvidentExportJob *self;

  g_return_val_if_fail (EVIDENT_IS_REPORT (report), NULL);
  g_return_val_if_fail (G_IS_FILE (destination), NULL);

  self = create (KIND_REPORT, destination);
  self->report = g_object_ref (report);
  return self;
}

/**
 * evident_export_job_new_for_pack:
 * @project: the project
 * @scope: whose evidence
 * @chapter: (nullable): the chapter's number, for %EVIDENT_PACK_SCOPE_CHAPTER
 * @destination: the zip archive to write
 *
 * Returns: (transfer full): a job that writes the evidence pack, with its
 *   bytes as progress
 */
EvidentExportJob *
evident_export_job_new_for_pack (EvidentProject   *project,
                                 EvidentPackScope  scope,
                                 const char       *chapter,
                                 GFile            *destination)
{
  EvidentExportJob *self;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (destination), NULL);

  self = create (KIND_PACK, destination);
  self->project = g_object_ref (project);
  self->scope = scope;
  self->chapter = g_strdup (chapter);
  return self;
}

GFile *
evident_export_job_get_destination (EvidentExportJob *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXPORT_JOB (self), NULL);

  return self->destination;
}

/**
 * evident_export_job_get_error:
 *
 * Returns: (nullable): why the file was not written, once the job ended;
 *   %NULL while it runs or once written
 */
const GError *
evident_export_job_get_error (EvidentExportJob *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXPORT_JOB (self), NULL);

  return self->error;
}

/**
 * evident_export_job_dup_error_message:
 *
 * Why the file was not written, for the user, naming the file: the
 * writers name it by its path, which is cut to its name (the user chose
 * the folder a moment ago); a message that does not name it is said of
 * it.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL when there
 *   was no error
 */
char *
evident_export_job_dup_error_message (EvidentExportJob *self)
{
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_auto (GStrv) parts = NULL;
  char *message;

  g_return_val_if_fail (EVIDENT_IS_EXPORT_JOB (self), NULL);

  if (self->error == NULL)
    return NULL;

  path = g_file_get_parse_name (self->destination);
  basename = g_file_get_basename (self->destination);
  name = g_filename_display_name (basename);
  parts = g_strsplit (self->error->message, path, -1);
  message = g_strjoinv (name, parts);
  if (strstr (message, name) == NULL)
    {
      char *named;

      /* Translators: a file that could not be written: its name, and why */
      named = g_strdup_printf (_("Could not save “%s”: %s"), name, message);
      g_free (message);
      message = named;
    }
  return message;
}

/**
 * evident_export_job_get_pack_info:
 *
 * Returns: (nullable): what an evidence pack written holds, and its digest
 */
const EvidentPackInfo *
evident_export_job_get_pack_info (EvidentExportJob *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXPORT_JOB (self), NULL);

  return self->pack_info;
}
