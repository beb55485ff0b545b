/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-report-print.h"

/*
 * Printing a readiness report: a GtkPrintOperation that lays the report
 * out on the printer's pages when printing begins, and draws each page
 * with the same code that writes the PDF file (src/report). Its unit is
 * the point, the report's, and it draws on the whole page with the
 * report's own margins, as the PDF file does.
 */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                EvidentReport     *report)
{
  evident_report_paginate (report, gtk_print_context_get_cairo_context (context),
                           gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) evident_report_get_n_pages (report));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              EvidentReport     *report)
{
  evident_report_draw_page (report, gtk_print_context_get_cairo_context (context),
                            (guint) page_nr);
}

/**
 * evident_report_print_new:
 * @report: the report to print
 * @job_name: (nullable): what the print queue calls the job
 *
 * Returns: (transfer full): a print operation for @report, in points, on
 *   the locale's paper unless the user chooses another; run it with
 *   gtk_print_operation_run()
 */
GtkPrintOperation *
evident_report_print_new (EvidentReport *report,
                          const char    *job_name)
{
  GtkPrintOperation *operation;

  g_return_val_if_fail (EVIDENT_IS_REPORT (report), NULL);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (job_name != NULL)
    gtk_print_operation_set_job_name (operation, job_name);

  /* The operation keeps the report while it prints. */
  g_object_set_data_full (G_OBJECT (operation), "evident-report", g_object_ref (report),
                          g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), report);
  return operation;
}
