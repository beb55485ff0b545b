/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-heatmap.h"
#include "evident-heatmap-view.h"
#include "evident-plan-panel.h"
#include "evident-project.h"
#include "evident-scenario.h"
#include "evident-scenario-panel.h"
#include "evident-workload-chart.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_OVERVIEW (evident_overview_get_type ())

G_DECLARE_FINAL_TYPE (EvidentOverview, evident_overview, EVIDENT, OVERVIEW, AdwBin)

GtkWidget            *evident_overview_new              (void);
EvidentProject       *evident_overview_get_project      (EvidentOverview      *self);
void                  evident_overview_set_project      (EvidentOverview      *self,
                                                         EvidentProject       *project);
EvidentHeatmapMetric  evident_overview_get_metric       (EvidentOverview      *self);
void                  evident_overview_set_metric       (EvidentOverview      *self,
                                                         EvidentHeatmapMetric  metric);
EvidentHeatmapView   *evident_overview_get_heatmap_view (EvidentOverview      *self);
const char           *evident_overview_get_score_text   (EvidentOverview      *self,
                                                         EvidentView           view);
const char           *evident_overview_get_gap_text     (EvidentOverview      *self,
                                                         EvidentView           view);
GtkListBox           *evident_overview_get_chapter_list (EvidentOverview      *self);
GtkListBox           *evident_overview_get_mandatory_list (EvidentOverview    *self);
GtkListBox           *evident_overview_get_no_evidence_list (EvidentOverview  *self);
GtkListBox           *evident_overview_get_risk_list    (EvidentOverview      *self);
EvidentPlanPanel     *evident_overview_get_plan_panel   (EvidentOverview      *self);
EvidentScenarioPanel *evident_overview_get_scenario_panel (EvidentOverview    *self);
EvidentWorkloadChart *evident_overview_get_workload_chart (EvidentOverview    *self);

void                  evident_overview_set_scenario     (EvidentOverview      *self,
                                                         EvidentScenario      *scenario);

G_END_DECLS
