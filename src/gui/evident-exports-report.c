/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-exports-private.h"
#include "evident-report-print.h"

/*
 * The readiness report leaving the window: export.report asks what it
 * covers (EvidentReportDialog), then saves it as a PDF file on a worker,
 * with the pages written as progress, or prints it; export.print prints
 * the whole project's at once. Printing runs the print dialog without
 * blocking the window, with its preview, and draws with the same code as
 * the PDF file. The print settings chosen are kept for the next time.
 */

/**
 * evident_exports_save_report:
 * @report: the report
 * @destination: the PDF file to write
 *
 * Writes @report to @destination on a worker.
 */
void
evident_exports_save_report (EvidentExports *self,
                             EvidentReport  *report,
                             GFile          *destination)
{
  g_return_if_fail (EVIDENT_IS_EXPORTS (self));
  g_return_if_fail (EVIDENT_IS_REPORT (report));
  g_return_if_fail (G_IS_FILE (destination));

  evident_exports_start_job (self, evident_export_job_new_for_report (report, destination));
}

static void
report_file_chosen_cb (EvidentExports *self,
                       GFile          *file,
                       gpointer        user_data)
{
  evident_exports_save_report (self, EVIDENT_REPORT (user_data), file);
}

/* Printing */

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  g_autoptr (EvidentExports) self = user_data;
  g_autoptr (GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->window != NULL)
    {
      gtk_print_operation_get_error (operation, &error);
      evident_window_show_error (self->window, _("Could Not Print the Readiness Report"), error);
    }

  g_object_unref (operation);
}

/**
 * evident_exports_print_report:
 * @report: the report
 *
 * Shows the print dialog for @report, and prints it as the user says.
 *
 * Returns: (transfer none): the print operation, running
 */
GtkPrintOperation *
evident_exports_print_report (EvidentExports *self,
                              EvidentReport  *report)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;

  g_return_val_if_fail (EVIDENT_IS_EXPORTS (self), NULL);
  g_return_val_if_fail (EVIDENT_IS_REPORT (report), NULL);

  /* Translators: the name of a print job; %s is the project's title */
  job_name = g_strdup_printf (_("Readiness report: %s"),
                              self->project != NULL ? evident_project_get_title (self->project)
                                                    : "");
  operation = evident_report_print_new (report, job_name);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  /* "done" takes the reference this function holds. */
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self));

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    self->window != NULL ? GTK_WINDOW (self->window) : NULL,
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->window != NULL)
    evident_window_show_error (self->window, _("Could Not Print the Readiness Report"), error);
  return operation;
}

/* The dialog */

static void
report_dialog_response_cb (EvidentReportDialog *dialog,
                           const char          *response,
                           EvidentExports      *self)
{
  g_autoptr (EvidentReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *stem = NULL;

  if (self->project == NULL || g_strcmp0 (response, "cancel") == 0)
    return;

  evident_exports_flush_editor (self);
  report = evident_report_dialog_create_report (dialog, &error);
  if (report == NULL)
    {
      if (self->window != NULL)
        evident_window_show_error (self->window, _("Could Not Make the Readiness Report"), error);
      return;
    }

  if (g_strcmp0 (response, "print") == 0)
    {
      evident_exports_print_report (self, report);
      return;
    }

  /* Translators: the suggested name of a readiness report; %s is the project's title */
  stem = g_strdup_printf (_("%s (readiness report)"), evident_project_get_title (self->project));
  evident_exports_choose_file (self, _("Save the Readiness Report"), _("PDF Documents"), ".pdf",
                               "application/pdf", stem, report_file_chosen_cb,
                               g_steal_pointer (&report), g_object_unref);
}

/**
 * evident_exports_show_report_dialog:
 *
 * Asks what the readiness report covers, offering the digest of the
 * evidence pack made last; the answer saves or prints it.
 *
 * Returns: (transfer none) (nullable): the dialog, shown
 */
EvidentReportDialog *
evident_exports_show_report_dialog (EvidentExports *self)
{
  EvidentReportDialog *dialog;

  g_return_val_if_fail (EVIDENT_IS_EXPORTS (self), NULL);

  if (self->project == NULL || self->window == NULL)
    return NULL;

  dialog = evident_report_dialog_new (GTK_WINDOW (self->window), self->project);
  if (self->pack_digest != NULL)
    evident_report_dialog_set_pack (dialog, self->pack_name, self->pack_digest);
  g_signal_connect_object (dialog, "response", G_CALLBACK (report_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Actions */

/* export.report */
void
evident_exports_report_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  evident_exports_show_report_dialog (EVIDENT_EXPORTS (user_data));
}

/* export.print: the whole project's report, with the digest of the pack
 * made last */
void
evident_exports_print_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  EvidentExports *self = EVIDENT_EXPORTS (user_data);
  g_autoptr (EvidentReport) report = NULL;
  g_autoptr (GError) error = NULL;

  if (self->project == NULL)
    return;

  evident_exports_flush_editor (self);
  report = evident_report_new (self->project, EVIDENT_REPORT_SCOPE_ALL, NULL, &error);
  if (report == NULL)
    {
      if (self->window != NULL)
        evident_window_show_error (self->window, _("Could Not Make the Readiness Report"), error);
      return;
    }
  evident_report_set_pack_digest (report, self->pack_digest);
  evident_exports_print_report (self, report);
}
