/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EVIDENT_TYPE_JOB (evident_job_get_type ())

G_DECLARE_DERIVABLE_TYPE (EvidentJob, evident_job, EVIDENT, JOB, GObject)

/**
 * EvidentJobClass:
 * @run: starts the work; it ends with evident_job_finish()
 */
struct _EvidentJobClass
{
  GObjectClass parent_class;

  void (*run) (EvidentJob *self);
};

void          evident_job_start              (EvidentJob  *self);
void          evident_job_cancel             (EvidentJob  *self);
gboolean      evident_job_get_running        (EvidentJob  *self);
AdwToast     *evident_job_get_progress_toast (EvidentJob  *self);

/* For the jobs themselves */
GCancellable *evident_job_get_cancellable    (EvidentJob  *self);
void          evident_job_show_progress      (EvidentJob  *self,
                                              const char  *title,
                                              gboolean     can_cancel);
void          evident_job_show_toast         (EvidentJob  *self,
                                              AdwToast    *toast);
void          evident_job_finish             (EvidentJob  *self,
                                              AdwToast    *toast);

G_END_DECLS
