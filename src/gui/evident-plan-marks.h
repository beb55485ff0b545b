/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-plan.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_PLAN_MARKS (evident_plan_marks_get_type ())

G_DECLARE_FINAL_TYPE (EvidentPlanMarks, evident_plan_marks, EVIDENT, PLAN_MARKS, GObject)

EvidentPlanMarks *evident_plan_marks_get_default (void);
void              evident_plan_marks_set         (EvidentPlanMarks  *self,
                                                  EvidentProject    *project,
                                                  const EvidentPlan *plan);
gboolean          evident_plan_marks_contains    (EvidentPlanMarks  *self,
                                                  EvidentItem       *item);
guint             evident_plan_marks_count       (EvidentPlanMarks  *self,
                                                  EvidentProject    *project,
                                                  gboolean           any_owner,
                                                  const char        *owner,
                                                  int                complexity);

G_END_DECLS
