/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-export-job.h"
#include "evident-export.h"
#include "evident-exports.h"
#include "evident-pack.h"
#include "evident-report-dialog.h"

G_BEGIN_DECLS

/*
 * What evident-exports.c shares with evident-exports-report.c and
 * evident-exports-pack.c, and what the tests drive.
 */

struct _EvidentExports
{
  GObject             parent_instance;

  /* The window whose actions these are; NULL once it is destroyed */
  EvidentWindow      *window;
  EvidentProject     *project;
  GSimpleActionGroup *actions;
  /* EvidentExportJob *: what is being written */
  GPtrArray          *jobs;
  GtkNativeDialog    *file_chooser;
  /* Where the last file was saved, to start the next chooser in */
  GFile              *last_folder;
  /* Tests: the file the next file chooser answers, without showing */
  GFile              *test_destination;
  /* The evidence pack made last in this window: its file name and digest */
  char               *pack_name;
  char               *pack_digest;
  GtkPrintSettings   *print_settings;
};

typedef void (*EvidentExportsFileChosen) (EvidentExports *self,
                                          GFile          *file,
                                          gpointer        user_data);

void               evident_exports_start_job       (EvidentExports           *self,
                                                    EvidentExportJob         *job);
void               evident_exports_choose_file     (EvidentExports           *self,
                                                    const char               *title,
                                                    const char               *filter_name,
                                                    const char               *extension,
                                                    const char               *mime_type,
                                                    const char               *stem,
                                                    EvidentExportsFileChosen  callback,
                                                    gpointer                  user_data,
                                                    GDestroyNotify            destroy);
void               evident_exports_add_toast       (EvidentExports           *self,
                                                    AdwToast                 *toast);
void               evident_exports_flush_editor    (EvidentExports           *self);

/* The actions' work, with a destination (the tests' way in) */
void               evident_exports_export          (EvidentExports           *self,
                                                    EvidentExportFormat       format,
                                                    GFile                    *destination);
EvidentReportDialog *evident_exports_show_report_dialog (EvidentExports      *self);
void               evident_exports_save_report     (EvidentExports           *self,
                                                    EvidentReport            *report,
                                                    GFile                    *destination);
GtkPrintOperation *evident_exports_print_report    (EvidentExports           *self,
                                                    EvidentReport            *report);
AdwMessageDialog  *evident_exports_show_pack_dialog (EvidentExports          *self);
void               evident_exports_write_pack      (EvidentExports           *self,
                                                    EvidentPackScope          scope,
                                                    const char               *chapter,
                                                    GFile                    *destination);

/* The actions of evident-exports-report.c and evident-exports-pack.c */
void               evident_exports_report_action   (GSimpleAction            *action,
                                                    GVariant                 *parameter,
                                                    gpointer                  user_data);
void               evident_exports_print_action    (GSimpleAction            *action,
                                                    GVariant                 *parameter,
                                                    gpointer                  user_data);
void               evident_exports_pack_action     (GSimpleAction            *action,
                                                    GVariant                 *parameter,
                                                    gpointer                  user_data);

/* Tests */
void               evident_exports_set_test_destination (EvidentExports      *self,
                                                    GFile                    *destination);
guint              evident_exports_get_n_jobs      (EvidentExports           *self);
const char        *evident_exports_get_pack_digest (EvidentExports           *self);

G_END_DECLS
