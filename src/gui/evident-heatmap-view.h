/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "evident-heatmap.h"
#include "evident-project.h"
#include "evident-scenario.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_HEATMAP_VIEW (evident_heatmap_view_get_type ())

G_DECLARE_FINAL_TYPE (EvidentHeatmapView, evident_heatmap_view, EVIDENT, HEATMAP_VIEW, GtkWidget)

GtkWidget            *evident_heatmap_view_new           (void);
EvidentProject       *evident_heatmap_view_get_project   (EvidentHeatmapView   *self);
void                  evident_heatmap_view_set_project   (EvidentHeatmapView   *self,
                                                          EvidentProject       *project);
void                  evident_heatmap_view_set_scenario  (EvidentHeatmapView   *self,
                                                          EvidentScenario      *scenario);
EvidentHeatmapMetric  evident_heatmap_view_get_metric    (EvidentHeatmapView   *self);
void                  evident_heatmap_view_set_metric    (EvidentHeatmapView   *self,
                                                          EvidentHeatmapMetric  metric);
const EvidentHeatmap *evident_heatmap_view_get_heatmap   (EvidentHeatmapView   *self);
GtkWidget            *evident_heatmap_view_get_cell      (EvidentHeatmapView   *self,
                                                          guint                 row,
                                                          guint                 column);
const char           *evident_heatmap_view_get_cell_text (EvidentHeatmapView   *self,
                                                          guint                 row,
                                                          guint                 column);
const char           *evident_heatmap_view_get_cell_description (EvidentHeatmapView *self,
                                                                 guint               row,
                                                                 guint               column);
gboolean              evident_heatmap_view_get_cursor    (EvidentHeatmapView   *self,
                                                          guint                *row,
                                                          guint                *column);
void                  evident_heatmap_view_set_cursor    (EvidentHeatmapView   *self,
                                                          guint                 row,
                                                          guint                 column,
                                                          gboolean              grab_focus);
void                  evident_heatmap_view_activate_cell (EvidentHeatmapView   *self,
                                                          guint                 row,
                                                          guint                 column);

G_END_DECLS
