/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "evident-overview-bar.h"

/*
 * EvidentOverviewBar: a bar of points against a maximum, with a lighter
 * second value behind the first (the projected points behind the
 * confirmed ones) and an optional mark (the pass line). The rows around it
 * say what it shows, in words.
 */

#define BAR_TROUGH_HEIGHT 8
#define BAR_MARK_WIDTH 3

struct _EvidentOverviewBar
{
  GtkWidget parent_instance;

  double    max;
  double    value;
  double    secondary;
  double    mark;      /* NAN for none */
  guint     passing : 1;
};

G_DEFINE_FINAL_TYPE (EvidentOverviewBar, evident_overview_bar, GTK_TYPE_WIDGET)

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    gdk_rgba_parse (color, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static double
bar_fraction (EvidentOverviewBar *self,
              double              value)
{
  if (self->max <= 0 || isnan (value))
    return 0;
  return CLAMP (value / self->max, 0.0, 1.0);
}

static void
evident_overview_bar_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  EvidentOverviewBar *self = EVIDENT_OVERVIEW_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float top = (height - BAR_TROUGH_HEIGHT) / 2.0f;
  GskRoundedRect trough;
  GdkRGBA fg, fill, secondary;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  lookup_color (widget, self->passing ? "success_bg_color" : "accent_bg_color", &fill);
  secondary = fill;
  secondary.alpha = 0.35;

  gsk_rounded_rect_init_from_rect (&trough,
                                   &GRAPHENE_RECT_INIT (0, top, width, BAR_TROUGH_HEIGHT),
                                   BAR_TROUGH_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &trough);

  fg.alpha = 0.12;
  gtk_snapshot_append_color (snapshot, &fg, &trough.bounds);
  if (self->secondary > self->value)
    gtk_snapshot_append_color (snapshot, &secondary,
                               &GRAPHENE_RECT_INIT (0, top,
                                                    width * bar_fraction (self, self->secondary),
                                                    BAR_TROUGH_HEIGHT));
  gtk_snapshot_append_color (snapshot, &fill,
                             &GRAPHENE_RECT_INIT (0, top,
                                                  width * bar_fraction (self, self->value),
                                                  BAR_TROUGH_HEIGHT));
  gtk_snapshot_pop (snapshot);

  if (!isnan (self->mark))
    {
      float x = width * bar_fraction (self, self->mark);
      GskRoundedRect mark;

      x = CLAMP (x - BAR_MARK_WIDTH / 2.0f, 0, width - BAR_MARK_WIDTH);
      gsk_rounded_rect_init_from_rect (&mark,
                                       &GRAPHENE_RECT_INIT (x, 0, BAR_MARK_WIDTH, height),
                                       BAR_MARK_WIDTH / 2.0f);
      fg.alpha = 0.85;
      gtk_snapshot_push_rounded_clip (snapshot, &mark);
      gtk_snapshot_append_color (snapshot, &fg, &mark.bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static void
evident_overview_bar_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 48;
  else
    *minimum = *natural = isnan (EVIDENT_OVERVIEW_BAR (widget)->mark) ? BAR_TROUGH_HEIGHT : 18;
}

static void
evident_overview_bar_class_init (EvidentOverviewBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = evident_overview_bar_snapshot;
  widget_class->measure = evident_overview_bar_measure;
  gtk_widget_class_set_css_name (widget_class, "overviewbar");
  /* The rows around it say what it shows, in words. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
evident_overview_bar_init (EvidentOverviewBar *self)
{
  self->mark = NAN;
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

/* Public API */

GtkWidget *
evident_overview_bar_new (void)
{
  return g_object_new (EVIDENT_TYPE_OVERVIEW_BAR, NULL);
}

/**
 * evident_overview_bar_set:
 * @max: the bar's full length
 * @value: the value the bar fills to
 * @secondary: a value drawn lighter behind @value, when it is larger
 * @mark: where to draw a mark, or NAN for none
 * @passing: whether to fill in the colour of success
 */
void
evident_overview_bar_set (EvidentOverviewBar *self,
                          double              max,
                          double              value,
                          double              secondary,
                          double              mark,
                          gboolean            passing)
{
  gboolean had_mark;

  g_return_if_fail (EVIDENT_IS_OVERVIEW_BAR (self));

  had_mark = !isnan (self->mark);

  self->max = max;
  self->value = value;
  self->secondary = secondary;
  self->mark = mark;
  self->passing = !!passing;

  if (had_mark != !isnan (mark))
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
