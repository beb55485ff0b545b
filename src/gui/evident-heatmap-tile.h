/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EVIDENT_TYPE_HEATMAP_TILE (evident_heatmap_tile_get_type ())

G_DECLARE_FINAL_TYPE (EvidentHeatmapTile, evident_heatmap_tile, EVIDENT, HEATMAP_TILE, GtkWidget)

GtkWidget  *evident_heatmap_tile_new               (guint               row,
                                                    guint               column);
guint       evident_heatmap_tile_get_row           (EvidentHeatmapTile *self);
guint       evident_heatmap_tile_get_column        (EvidentHeatmapTile *self);
const char *evident_heatmap_tile_get_text          (EvidentHeatmapTile *self);
const char *evident_heatmap_tile_get_description   (EvidentHeatmapTile *self);
void        evident_heatmap_tile_set_text          (EvidentHeatmapTile *self,
                                                    const char         *text,
                                                    const char         *description);
void        evident_heatmap_tile_set_neutral       (EvidentHeatmapTile *self,
                                                    double              alpha,
                                                    gboolean            dim);
void        evident_heatmap_tile_set_color         (EvidentHeatmapTile *self,
                                                    const GdkRGBA      *color);
void        evident_heatmap_tile_set_high_contrast (EvidentHeatmapTile *self,
                                                    gboolean            high_contrast);
void        evident_heatmap_tile_set_plan_note     (EvidentHeatmapTile *self,
                                                    const char         *note);

G_END_DECLS
