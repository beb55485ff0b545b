/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-export.h"
#include "evident-job.h"
#include "evident-pack.h"
#include "evident-project.h"
#include "evident-report.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_EXPORT_JOB (evident_export_job_get_type ())

G_DECLARE_FINAL_TYPE (EvidentExportJob, evident_export_job, EVIDENT, EXPORT_JOB, EvidentJob)

EvidentExportJob      *evident_export_job_new             (EvidentProject      *project,
                                                           EvidentExportFormat  format,
                                                           GFile               *destination);
EvidentExportJob      *evident_export_job_new_for_report  (EvidentReport       *report,
                                                           GFile               *destination);
EvidentExportJob      *evident_export_job_new_for_pack    (EvidentProject      *project,
                                                           EvidentPackScope     scope,
                                                           const char          *chapter,
                                                           GFile               *destination);

GFile                 *evident_export_job_get_destination (EvidentExportJob    *self);
const GError          *evident_export_job_get_error       (EvidentExportJob    *self);
char                  *evident_export_job_dup_error_message (EvidentExportJob  *self);
const EvidentPackInfo *evident_export_job_get_pack_info   (EvidentExportJob    *self);

G_END_DECLS
