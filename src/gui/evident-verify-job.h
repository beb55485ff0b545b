/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_VERIFY_JOB (evident_verify_job_get_type ())

G_DECLARE_FINAL_TYPE (EvidentVerifyJob, evident_verify_job, EVIDENT, VERIFY_JOB, GObject)

EvidentVerifyJob *evident_verify_job_new                (EvidentProject   *project,
                                                         GtkWindow        *parent);
void              evident_verify_job_start              (EvidentVerifyJob *self);
void              evident_verify_job_cancel             (EvidentVerifyJob *self);
gboolean          evident_verify_job_get_running        (EvidentVerifyJob *self);
AdwToast         *evident_verify_job_get_progress_toast (EvidentVerifyJob *self);

G_END_DECLS
