/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EVIDENT_TYPE_HEATMAP_SWATCH (evident_heatmap_swatch_get_type ())

G_DECLARE_FINAL_TYPE (EvidentHeatmapSwatch, evident_heatmap_swatch, EVIDENT, HEATMAP_SWATCH, GtkWidget)

typedef void (*EvidentHeatmapSwatchDraw) (GtkWidget   *widget,
                                          GtkSnapshot *snapshot,
                                          gpointer     user_data);

GtkWidget *evident_heatmap_swatch_new (EvidentHeatmapSwatchDraw  draw,
                                       gpointer                  user_data,
                                       int                       min_width,
                                       int                       natural_width,
                                       int                       height);

G_END_DECLS
