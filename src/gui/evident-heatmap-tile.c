/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "evident-heatmap-tile.h"

/*
 * EvidentHeatmapTile: one cell of the heat map, a real child widget so that
 * a screen reader can reach it: a button whose accessible label reads the
 * whole cell ("Security lead, high complexity: 7 open items, 85 points at
 * risk"), the same sentence as its tooltip. It paints its colour, or a
 * faint wash of the text colour when it is neutral, with text that reads
 * on it, and takes clicks, Enter and Space as ::activate. The heat map
 * view decides what it shows and which cell takes the focus.
 */

typedef enum
{
  TILE_NEUTRAL,
  TILE_RAMP,
} TileKind;

struct _EvidentHeatmapTile
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  char      *description;
  GdkRGBA    color;
  TileKind   kind;
  guint      row;    /* 0 … n_rows, n_rows being the totals */
  guint      column; /* 0 … the number of columns, the last being the totals */
  guint      high_contrast : 1;
  char      *plan_note;
};

G_DEFINE_FINAL_TYPE (EvidentHeatmapTile, evident_heatmap_tile, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
linearize (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

/* Whether white text reads better than black on @color (WCAG contrast). */
static gboolean
wants_light_text (const GdkRGBA *color)
{
  double luminance = 0.2126 * linearize (color->red)
                     + 0.7152 * linearize (color->green)
                     + 0.0722 * linearize (color->blue);

  return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05;
}

static void
click_pressed_cb (EvidentHeatmapTile *self,
                  int                 n_press,
                  double              x,
                  double              y,
                  GtkGestureClick    *gesture)
{
  gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_ACTIVE, FALSE);
}

static void
click_released_cb (EvidentHeatmapTile *self,
                   int                 n_press,
                   double              x,
                   double              y,
                   GtkGestureClick    *gesture)
{
  gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_ACTIVE);

  if (!gtk_widget_contains (GTK_WIDGET (self), x, y))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0);
}

static void
click_stopped_cb (EvidentHeatmapTile *self,
                  GtkGestureClick    *gesture)
{
  gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_ACTIVE);
}

static void
evident_heatmap_tile_state_flags_changed (GtkWidget     *widget,
                                          GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  if (changed & (GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_ACTIVE))
    gtk_widget_queue_draw (widget);

  GTK_WIDGET_CLASS (evident_heatmap_tile_parent_class)->state_flags_changed (widget, previous);
}

static void
evident_heatmap_tile_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  EvidentHeatmapTile *self = EVIDENT_HEATMAP_TILE (widget);
  GtkStateFlags state = gtk_widget_get_state_flags (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect outline;
  GdkRGBA fill = self->color;

  /* Neutral cells: a faint wash of the text colour, whatever the style. */
  if (self->kind == TILE_NEUTRAL)
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fill);
      G_GNUC_END_IGNORE_DEPRECATIONS
      fill.alpha = self->color.alpha;
    }

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), 6);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &fill, &outline.bounds);

  /* Hover and press: a veil of the text's colour. */
  if (state & (GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_ACTIVE))
    {
      GdkRGBA veil;

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (self->label), &veil);
      G_GNUC_END_IGNORE_DEPRECATIONS
      veil.alpha = (state & GTK_STATE_FLAG_ACTIVE) ? 0.16 : 0.08;
      gtk_snapshot_append_color (snapshot, &veil, &outline.bounds);
    }
  gtk_snapshot_pop (snapshot);

  if (self->high_contrast)
    {
      GdkRGBA border;
      float widths[4] = { 1, 1, 1, 1 };
      GdkRGBA colors[4];

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &border);
      G_GNUC_END_IGNORE_DEPRECATIONS
      border.alpha = 0.5;
      for (guint i = 0; i < 4; i++)
        colors[i] = border;
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }

  /* Items of the plan to pass: a dot in the corner, in the text's colour. */
  if (self->plan_note != NULL)
    {
      GskRoundedRect dot;
      GdkRGBA color;

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (self->label), &color);
      G_GNUC_END_IGNORE_DEPRECATIONS
      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (width - 10, 4, 6, 6), 3);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &color, &dot.bounds);
      gtk_snapshot_pop (snapshot);
    }

  gtk_widget_snapshot_child (widget, self->label, snapshot);
}

/* The tooltip is asked for, not set: setting a tooltip queries the
 * pointer, which costs a round trip to the display server per cell. */
static gboolean
evident_heatmap_tile_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_mode,
                                    GtkTooltip *tooltip)
{
  EvidentHeatmapTile *self = EVIDENT_HEATMAP_TILE (widget);

  g_autofree char *text = NULL;

  if (self->description == NULL)
    return FALSE;

  if (self->plan_note != NULL)
    text = g_strdup_printf ("%s\n%s", self->description, self->plan_note);
  gtk_tooltip_set_text (tooltip, text != NULL ? text : self->description);
  return TRUE;
}

static void
evident_heatmap_tile_dispose (GObject *object)
{
  EvidentHeatmapTile *self = EVIDENT_HEATMAP_TILE (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (evident_heatmap_tile_parent_class)->dispose (object);
}

static void
evident_heatmap_tile_finalize (GObject *object)
{
  EvidentHeatmapTile *self = EVIDENT_HEATMAP_TILE (object);

  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->plan_note, g_free);

  G_OBJECT_CLASS (evident_heatmap_tile_parent_class)->finalize (object);
}

/* What a screen reader's "click" does: GTK 4.8 offers assistive
 * technologies the actions a widget installs, by their names, and a
 * button only its own "click"; this one is a button too. */
static void
click_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_ACTIVATE], 0);
}

static void
evident_heatmap_tile_class_init (EvidentHeatmapTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_heatmap_tile_dispose;
  object_class->finalize = evident_heatmap_tile_finalize;
  widget_class->snapshot = evident_heatmap_tile_snapshot;
  widget_class->query_tooltip = evident_heatmap_tile_query_tooltip;
  widget_class->state_flags_changed = evident_heatmap_tile_state_flags_changed;

  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[SIGNAL_ACTIVATE]);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_ISO_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Space, 0, "activate", NULL);

  gtk_widget_class_install_action (widget_class, "click", NULL, click_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "heatmapcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
evident_heatmap_tile_init (EvidentHeatmapTile *self)
{
  GtkGesture *gesture;

  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  self->label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->label, "numeric");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  /* The cell's own label says it all. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "pressed",
                           G_CALLBACK (click_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "released",
                           G_CALLBACK (click_released_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "stopped",
                           G_CALLBACK (click_stopped_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

/* Public API */

/**
 * evident_heatmap_tile_new:
 * @row: the row of the grid, the totals last
 * @column: the column of the grid, the totals last
 *
 * Returns: (transfer floating): an empty cell
 */
GtkWidget *
evident_heatmap_tile_new (guint row,
                          guint column)
{
  EvidentHeatmapTile *self = g_object_new (EVIDENT_TYPE_HEATMAP_TILE, NULL);

  self->row = row;
  self->column = column;
  return GTK_WIDGET (self);
}

guint
evident_heatmap_tile_get_row (EvidentHeatmapTile *self)
{
  g_return_val_if_fail (EVIDENT_IS_HEATMAP_TILE (self), 0);

  return self->row;
}

guint
evident_heatmap_tile_get_column (EvidentHeatmapTile *self)
{
  g_return_val_if_fail (EVIDENT_IS_HEATMAP_TILE (self), 0);

  return self->column;
}

/* The number the cell shows. */
const char *
evident_heatmap_tile_get_text (EvidentHeatmapTile *self)
{
  g_return_val_if_fail (EVIDENT_IS_HEATMAP_TILE (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->label));
}

/* The sentence the tooltip shows and a screen reader reads. */
const char *
evident_heatmap_tile_get_description (EvidentHeatmapTile *self)
{
  g_return_val_if_fail (EVIDENT_IS_HEATMAP_TILE (self), NULL);

  return self->description;
}

/**
 * evident_heatmap_tile_set_text:
 * @text: the number to show
 * @description: the whole cell in a sentence, for the tooltip and for
 *   screen readers
 */
void
evident_heatmap_tile_set_text (EvidentHeatmapTile *self,
                               const char         *text,
                               const char         *description)
{
  g_return_if_fail (EVIDENT_IS_HEATMAP_TILE (self));

  gtk_label_set_label (GTK_LABEL (self->label), text);
  /* The same sentence for the tooltip (query_tooltip) and for screen
   * readers; only the label, so that it is not read twice. */
  if (g_strcmp0 (self->description, description) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      -1);
      g_free (self->description);
      self->description = g_strdup (description);
    }
}

/**
 * evident_heatmap_tile_set_neutral:
 * @alpha: how strong a wash of the text colour to paint
 * @dim: whether the number is dimmed (a cell without items)
 */
void
evident_heatmap_tile_set_neutral (EvidentHeatmapTile *self,
                                  double              alpha,
                                  gboolean            dim)
{
  g_return_if_fail (EVIDENT_IS_HEATMAP_TILE (self));

  self->kind = TILE_NEUTRAL;
  self->color = (GdkRGBA) { 0, 0, 0, alpha };
  gtk_widget_remove_css_class (GTK_WIDGET (self), "on-light");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "on-dark");
  if (dim)
    gtk_widget_add_css_class (self->label, "dim-label");
  else
    gtk_widget_remove_css_class (self->label, "dim-label");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Paints the cell @color, with the text colour that reads best on it. */
void
evident_heatmap_tile_set_color (EvidentHeatmapTile *self,
                                const GdkRGBA      *color)
{
  g_return_if_fail (EVIDENT_IS_HEATMAP_TILE (self));
  g_return_if_fail (color != NULL);

  self->kind = TILE_RAMP;
  self->color = *color;
  gtk_widget_remove_css_class (GTK_WIDGET (self), "on-light");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "on-dark");
  gtk_widget_remove_css_class (self->label, "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self), wants_light_text (color) ? "on-dark" : "on-light");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Draws a border round the cell, for the high-contrast style. */
void
evident_heatmap_tile_set_high_contrast (EvidentHeatmapTile *self,
                                        gboolean            high_contrast)
{
  g_return_if_fail (EVIDENT_IS_HEATMAP_TILE (self));

  self->high_contrast = !!high_contrast;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * evident_heatmap_tile_set_plan_note:
 * @note: (nullable): how many items of the plan to pass the cell holds,
 *   or %NULL when none
 *
 * Marks the cell with a dot, and adds @note to its tooltip and, as its
 * accessible description, to what screen readers read.
 */
void
evident_heatmap_tile_set_plan_note (EvidentHeatmapTile *self,
                                    const char         *note)
{
  g_return_if_fail (EVIDENT_IS_HEATMAP_TILE (self));

  if (g_strcmp0 (self->plan_note, note) == 0)
    return;
  g_free (self->plan_note);
  self->plan_note = g_strdup (note);
  if (note != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
