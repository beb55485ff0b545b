/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "evident-project.h"
#include "evident-workload.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_WORKLOAD_CHART (evident_workload_chart_get_type ())

G_DECLARE_FINAL_TYPE (EvidentWorkloadChart, evident_workload_chart, EVIDENT, WORKLOAD_CHART,
                      GtkWidget)

GtkWidget             *evident_workload_chart_new          (void);
EvidentProject        *evident_workload_chart_get_project  (EvidentWorkloadChart *self);
void                   evident_workload_chart_set_project  (EvidentWorkloadChart *self,
                                                            EvidentProject       *project);
void                   evident_workload_chart_set_today    (EvidentWorkloadChart *self,
                                                            const GDate          *today);
const EvidentWorkload *evident_workload_chart_get_workload (EvidentWorkloadChart *self);
const char            *evident_workload_chart_get_description (EvidentWorkloadChart *self);

G_END_DECLS
