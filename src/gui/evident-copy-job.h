/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_COPY_JOB (evident_copy_job_get_type ())

G_DECLARE_FINAL_TYPE (EvidentCopyJob, evident_copy_job, EVIDENT, COPY_JOB, GObject)

void            evident_copy_job_choose_destination (EvidentProject      *project,
                                                     GtkWindow           *parent,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GFile          *evident_copy_job_choose_destination_finish (GAsyncResult *result,
                                                            GError      **error);

EvidentCopyJob *evident_copy_job_new                (EvidentProject *project,
                                                     GFile          *destination);
void            evident_copy_job_start              (EvidentCopyJob *self);
void            evident_copy_job_cancel             (EvidentCopyJob *self);
gboolean        evident_copy_job_get_running        (EvidentCopyJob *self);
GFile          *evident_copy_job_get_destination    (EvidentCopyJob *self);
AdwToast       *evident_copy_job_get_progress_toast (EvidentCopyJob *self);

G_END_DECLS
