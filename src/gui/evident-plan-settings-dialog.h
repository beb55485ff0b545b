/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"
#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_PLAN_SETTINGS_DIALOG (evident_plan_settings_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EvidentPlanSettingsDialog, evident_plan_settings_dialog, EVIDENT,
                      PLAN_SETTINGS_DIALOG, AdwPreferencesWindow)

EvidentPlanSettingsDialog *evident_plan_settings_dialog_new              (GtkWindow                 *parent,
                                                                          EvidentProject            *project);
EvidentProject            *evident_plan_settings_dialog_get_project      (EvidentPlanSettingsDialog *self);
GtkSpinButton             *evident_plan_settings_dialog_get_effort_button (EvidentPlanSettingsDialog *self,
                                                                          EvidentComplexity          complexity);
GtkCalendar               *evident_plan_settings_dialog_get_calendar     (EvidentPlanSettingsDialog *self);
GtkMenuButton             *evident_plan_settings_dialog_get_date_button  (EvidentPlanSettingsDialog *self);

G_END_DECLS
