/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-plan.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_PLAN_PANEL (evident_plan_panel_get_type ())

G_DECLARE_FINAL_TYPE (EvidentPlanPanel, evident_plan_panel, EVIDENT, PLAN_PANEL, AdwBin)

GtkWidget         *evident_plan_panel_new            (void);
EvidentProject    *evident_plan_panel_get_project    (EvidentPlanPanel *self);
void               evident_plan_panel_set_project    (EvidentPlanPanel *self,
                                                      EvidentProject   *project);
const EvidentPlan *evident_plan_panel_get_plan       (EvidentPlanPanel *self);
gboolean           evident_plan_panel_get_computing  (EvidentPlanPanel *self);
GtkListBox        *evident_plan_panel_get_step_list  (EvidentPlanPanel *self);
const char        *evident_plan_panel_get_summary    (EvidentPlanPanel *self);
char              *evident_plan_panel_save_scenario  (EvidentPlanPanel *self,
                                                      GError          **error);

G_END_DECLS
