/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-heatmap-swatch.h"

/*
 * EvidentHeatmapSwatch: a small area of the heat map's legend that a
 * function paints, such as the colour scale or the neutral cell. A
 * GtkWidget has no snapshot signal: this tiny subclass forwards it.
 */

struct _EvidentHeatmapSwatch
{
  GtkWidget                 parent_instance;

  EvidentHeatmapSwatchDraw  draw;
  gpointer                  user_data;
  int                       min_width;
  int                       natural_width;
  int                       height;
};

G_DEFINE_FINAL_TYPE (EvidentHeatmapSwatch, evident_heatmap_swatch, GTK_TYPE_WIDGET)

static void
evident_heatmap_swatch_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  EvidentHeatmapSwatch *self = EVIDENT_HEATMAP_SWATCH (widget);

  if (self->draw != NULL)
    self->draw (widget, snapshot, self->user_data);
}

static void
evident_heatmap_swatch_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  EvidentHeatmapSwatch *self = EVIDENT_HEATMAP_SWATCH (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->min_width;
      *natural = self->natural_width;
    }
  else
    *minimum = *natural = self->height;
}

static void
evident_heatmap_swatch_class_init (EvidentHeatmapSwatchClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = evident_heatmap_swatch_snapshot;
  widget_class->measure = evident_heatmap_swatch_measure;
  gtk_widget_class_set_css_name (widget_class, "heatmapswatch");
}

static void
evident_heatmap_swatch_init (EvidentHeatmapSwatch *self)
{
}

/**
 * evident_heatmap_swatch_new:
 * @draw: what draws the swatch
 * @user_data: for @draw
 * @min_width: the least width it takes
 * @natural_width: the width it would like
 * @height: its height
 *
 * Returns: (transfer floating): a swatch that @draw paints
 */
GtkWidget *
evident_heatmap_swatch_new (EvidentHeatmapSwatchDraw  draw,
                            gpointer                  user_data,
                            int                       min_width,
                            int                       natural_width,
                            int                       height)
{
  EvidentHeatmapSwatch *swatch = g_object_new (EVIDENT_TYPE_HEATMAP_SWATCH, NULL);

  swatch->draw = draw;
  swatch->user_data = user_data;
  swatch->min_width = min_width;
  swatch->natural_width = natural_width;
  swatch->height = height;
  return GTK_WIDGET (swatch);
}
