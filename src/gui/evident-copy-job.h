/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-job.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_COPY_JOB (evident_copy_job_get_type ())

G_DECLARE_FINAL_TYPE (EvidentCopyJob, evident_copy_job, EVIDENT, COPY_JOB, EvidentJob)

void            evident_copy_job_choose_destination (EvidentProject      *project,
                                                     GtkWindow           *parent,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GFile          *evident_copy_job_choose_destination_finish (GAsyncResult *result,
                                                            GError      **error);

EvidentCopyJob *evident_copy_job_new                (EvidentProject *project,
                                                     GFile          *destination);
GFile          *evident_copy_job_get_destination    (EvidentCopyJob *self);

G_END_DECLS
