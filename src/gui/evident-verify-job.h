/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-job.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_VERIFY_JOB (evident_verify_job_get_type ())

G_DECLARE_FINAL_TYPE (EvidentVerifyJob, evident_verify_job, EVIDENT, VERIFY_JOB, EvidentJob)

EvidentVerifyJob *evident_verify_job_new (EvidentProject *project,
                                          GtkWindow      *parent);

G_END_DECLS
