/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"
#include "evident-report.h"
#include "evident-scope-group.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_REPORT_DIALOG (evident_report_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EvidentReportDialog, evident_report_dialog, EVIDENT, REPORT_DIALOG,
                      AdwMessageDialog)

EvidentReportDialog *evident_report_dialog_new             (GtkWindow           *parent,
                                                            EvidentProject      *project);
EvidentScopeGroup   *evident_report_dialog_get_scope_group (EvidentReportDialog *self);
void                 evident_report_dialog_set_pack        (EvidentReportDialog *self,
                                                            const char          *name,
                                                            const char          *digest);
void                 evident_report_dialog_read_pack       (EvidentReportDialog *self,
                                                            GFile               *pack);
const char          *evident_report_dialog_get_digest      (EvidentReportDialog *self);
EvidentReport       *evident_report_dialog_create_report   (EvidentReportDialog *self,
                                                            GError             **error);

G_END_DECLS
