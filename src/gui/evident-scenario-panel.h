/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"
#include "evident-scenario.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_SCENARIO_PANEL (evident_scenario_panel_get_type ())

G_DECLARE_FINAL_TYPE (EvidentScenarioPanel, evident_scenario_panel, EVIDENT, SCENARIO_PANEL,
                      AdwBin)

GtkWidget      *evident_scenario_panel_new          (void);
EvidentProject *evident_scenario_panel_get_project  (EvidentScenarioPanel *self);
void            evident_scenario_panel_set_project  (EvidentScenarioPanel *self,
                                                     EvidentProject       *project);
void            evident_scenario_panel_reload       (EvidentScenarioPanel *self);
GtkListBox     *evident_scenario_panel_get_list     (EvidentScenarioPanel *self);
guint           evident_scenario_panel_get_n_scenarios (EvidentScenarioPanel *self);
gboolean        evident_scenario_panel_apply        (EvidentScenarioPanel *self,
                                                     const char           *name,
                                                     GError              **error);
gboolean        evident_scenario_panel_delete       (EvidentScenarioPanel *self,
                                                     const char           *name,
                                                     GError              **error);
char           *evident_scenario_panel_dup_scores   (const EvidentScore   *score,
                                                     EvidentScenario      *scenario);

G_END_DECLS
