/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "evident-enums.h"
#include "evident-enums-util.h"
#include "evident-heatmap-swatch.h"
#include "evident-heatmap-tile.h"
#include "evident-heatmap-view.h"
#include "evident-plan-marks.h"
#include "evident-scenario.h"

/*
 * EvidentHeatmapView: the owner × complexity heat map of a project, one row
 * per owner plus "Unassigned", one column per complexity, with a total row
 * and a total column, and a legend under it.
 *
 * Each cell is a real child widget (EvidentHeatmapTile) so that a screen
 * reader can reach it: a button whose accessible label reads the whole cell
 * ("Security lead, high complexity: 7 open items, 85 points at risk"). Only
 * one cell at a time takes part in the Tab chain (a roving cursor); the
 * arrow keys, Home and End move it, Enter and Space activate it, and so
 * does a click.
 *
 * The cells are coloured on a single-hue sequential scale that runs from the
 * background to a strong colour: orange for open items and points at risk,
 * purple for the share done. Lightness carries the value, so the scale reads
 * without hue discrimination, and the ramps are mirrored in dark mode, where
 * more is brighter. Cells without items and the totals stay neutral. Every
 * cell carries its number as text too.
 *
 * In what-if mode (evident_heatmap_view_set_scenario()) the cells are the
 * scenario's, the legend says so, and the view takes the style class
 * "evident-whatif".
 */

#define N_GRID_COLUMNS (EVIDENT_HEATMAP_N_COLUMNS + 1) /* with the totals */
#define N_STOPS 6

/* The grid's columns are all as wide, for cells of one size; the owners'
 * names take two of them. */
#define HEADER_SPAN 2

/* The color ramps, from the background's end to the strong end; in dark
 * mode the lightness runs the other way, so that more is always further
 * from the background. Orange and purple single-hue ramps after ColorBrewer
 * (Oranges, Purples): sequential, and legible with any colour vision. */

typedef enum
{
  RAMP_ORANGE,
  RAMP_PURPLE,
  N_RAMPS
} Ramp;

static const char *ramp_specs[N_RAMPS][2][N_STOPS] = {
  [RAMP_ORANGE] = {
    { "#feeddc", "#fdd0a2", "#fdae6b", "#f3843a", "#d95711", "#a23403" },
    { "#3a2b22", "#6b3a16", "#a04c10", "#d6671c", "#f7913f", "#fdc38d" },
  },
  [RAMP_PURPLE] = {
    { "#f1eff7", "#dadaeb", "#bcbddc", "#9e9ac8", "#7a6db5", "#54278f" },
    { "#2d2a38", "#433a66", "#5d4f94", "#7d6cbf", "#a195dc", "#cdc5f1" },
  },
};

static GdkRGBA ramps[N_RAMPS][2][N_STOPS];

/* EvidentHeatmapView */

struct _EvidentHeatmapView
{
  GtkWidget             parent_instance;

  GtkWidget            *scroller;
  GtkGrid              *grid;
  GtkWidget            *legend;
  GtkLabel             *legend_title;
  GtkLabel             *legend_min;
  GtkLabel             *legend_max;
  GtkWidget            *legend_ramp;
  GtkWidget            *legend_empty;

  EvidentProject       *project;
  /* What-if mode: the cells are this scenario's */
  EvidentScenario      *scenario;
  EvidentHeatmap       *heatmap;
  EvidentHeatmapMetric  metric;

  /* The widgets of the rows, totals last: a header label and
   * N_GRID_COLUMNS tiles per row. */
  GPtrArray            *headers;
  GPtrArray            *tiles;

  /* The cursor: the cell that takes the focus, kept on its owner across
   * edits. */
  char                 *cursor_owner;
  guint                 cursor_row;
  guint                 cursor_column;
};

G_DEFINE_FINAL_TYPE (EvidentHeatmapView, evident_heatmap_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_METRIC,
  N_PROPS
};

enum {
  SIGNAL_CELL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
n_grid_rows (EvidentHeatmapView *self)
{
  return self->heatmap != NULL ? self->heatmap->n_rows + 1 : 0;
}

/* Grid positions (the totals last) to heat map positions (the totals
 * EVIDENT_HEATMAP_TOTAL) and back. */
static guint
to_heatmap_row (EvidentHeatmapView *self,
                guint               row)
{
  return row == self->heatmap->n_rows ? EVIDENT_HEATMAP_TOTAL : row;
}

static guint
to_heatmap_column (guint column)
{
  return column == EVIDENT_HEATMAP_N_COLUMNS ? EVIDENT_HEATMAP_TOTAL : column;
}

static gboolean
from_heatmap_position (EvidentHeatmapView *self,
                       guint               row,
                       guint               column,
                       guint              *grid_row,
                       guint              *grid_column)
{
  if (self->heatmap == NULL)
    return FALSE;
  if (row == self->heatmap->n_rows || column == EVIDENT_HEATMAP_N_COLUMNS)
    return FALSE;
  if (row == EVIDENT_HEATMAP_TOTAL)
    row = self->heatmap->n_rows;
  if (column == EVIDENT_HEATMAP_TOTAL)
    column = EVIDENT_HEATMAP_N_COLUMNS;
  if (row > self->heatmap->n_rows || column > EVIDENT_HEATMAP_N_COLUMNS)
    return FALSE;

  *grid_row = row;
  *grid_column = column;
  return TRUE;
}

static EvidentHeatmapTile *
get_tile (EvidentHeatmapView *self,
          guint               row,
          guint               column)
{
  g_assert (row < n_grid_rows (self) && column < N_GRID_COLUMNS);

  return g_ptr_array_index (self->tiles, row * N_GRID_COLUMNS + column);
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static Ramp
get_ramp (EvidentHeatmapMetric metric)
{
  return metric == EVIDENT_HEATMAP_METRIC_DONE ? RAMP_PURPLE : RAMP_ORANGE;
}

static void
ramp_color (Ramp     ramp,
            gboolean dark,
            double   t,
            GdkRGBA *color)
{
  const GdkRGBA *stops = ramps[ramp][dark ? 1 : 0];
  double position = CLAMP (t, 0.0, 1.0) * (N_STOPS - 1);
  guint i = MIN ((guint) floor (position), N_STOPS - 2);
  double f = position - i;

  color->red = stops[i].red + f * (stops[i + 1].red - stops[i].red);
  color->green = stops[i].green + f * (stops[i + 1].green - stops[i].green);
  color->blue = stops[i].blue + f * (stops[i + 1].blue - stops[i].blue);
  color->alpha = 1;
}

static void
update_tile (EvidentHeatmapView *self,
             EvidentHeatmapTile *tile,
             double              max,
             gboolean            dark,
             gboolean            high_contrast)
{
  guint row = to_heatmap_row (self, evident_heatmap_tile_get_row (tile));
  guint column = to_heatmap_column (evident_heatmap_tile_get_column (tile));
  const EvidentHeatmapCell *cell = evident_heatmap_get_cell (self->heatmap, row, column);
  g_autofree char *text = evident_heatmap_format_value (self->heatmap, row, column);
  g_autofree char *description = evident_heatmap_describe_cell (self->heatmap, row, column);
  gboolean total = row == EVIDENT_HEATMAP_TOTAL || column == EVIDENT_HEATMAP_TOTAL;
  guint n_planned = evident_plan_marks_count (evident_plan_marks_get_default (), self->project,
                                              row == EVIDENT_HEATMAP_TOTAL,
                                              evident_heatmap_get_owner (self->heatmap, row),
                                              column == EVIDENT_HEATMAP_TOTAL
                                              ? -1
                                              : (int) evident_heatmap_column_get_complexity (column));
  g_autofree char *plan_note = NULL;

  if (n_planned > 0)
    /* Translators: a heat map cell's items in the plan to pass */
    plan_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u item in the plan to pass",
                                              "%u items in the plan to pass",
                                              n_planned),
                                 n_planned);
  evident_heatmap_tile_set_text (tile, text, description);
  evident_heatmap_tile_set_plan_note (tile, plan_note);
  evident_heatmap_tile_set_high_contrast (tile, high_contrast);

  if (total || cell->n_items == 0)
    {
      evident_heatmap_tile_set_neutral (tile, total ? 0.08 : 0.04, cell->n_items == 0);
    }
  else
    {
      double value = evident_heatmap_get_value (self->heatmap, row, column);
      GdkRGBA color;

      ramp_color (get_ramp (self->heatmap->metric), dark,
                  max > 0 && !isnan (value) ? value / max : 0.0,
                  &color);
      evident_heatmap_tile_set_color (tile, &color);
    }
}

static void
update_legend (EvidentHeatmapView *self)
{
  g_autofree char *accessible = NULL;
  g_autofree char *what_if_title = NULL;
  g_autofree char *max_text = NULL;
  const char *title;
  const char *min_text;
  gboolean done;

  if (self->heatmap == NULL)
    return;

  done = self->heatmap->metric == EVIDENT_HEATMAP_METRIC_DONE;
  title = evident_heatmap_metric_get_label (self->heatmap->metric);
  if (done)
    {
      /* Translators: the ends of the heat map's scale for the share done */
      min_text = C_("heat map legend", "0 %");
      max_text = g_strdup (C_("heat map legend", "100 %"));
    }
  else
    {
      min_text = "0";
      max_text = g_strdup_printf ("%.0f", evident_heatmap_get_max_value (self->heatmap));
    }

  if (self->scenario != NULL)
    /* Translators: the heat map's legend in what-if mode, e.g.
     * "What-If: Open Items" */
    title = what_if_title = g_strdup_printf (_("What-If: %s"), title);
  gtk_label_set_label (self->legend_title, title);
  gtk_label_set_label (self->legend_min, min_text);
  gtk_label_set_label (self->legend_max, max_text);
  gtk_widget_queue_draw (self->legend_ramp);
  gtk_widget_queue_draw (self->legend_empty);

  /* Translators: the heat map's legend for screen readers, e.g.
   * "Color scale of Open Items: lightest 0, strongest 17; gray cells have no items" */
  accessible = g_strdup_printf (_("Color scale of %s: lightest %s, strongest %s; gray cells have no items"),
                                title, min_text, max_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
update_cells (EvidentHeatmapView *self)
{
  gboolean dark = is_dark ();
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  g_autofree char *accessible = NULL;
  double max;

  if (self->heatmap == NULL)
    return;

  max = evident_heatmap_get_max_value (self->heatmap);
  for (guint i = 0; i < self->tiles->len; i++)
    update_tile (self, g_ptr_array_index (self->tiles, i), max, dark, high_contrast);

  /* Translators: the heat map for screen readers, e.g. "Open Items by
   * owner and complexity" */
  accessible = g_strdup_printf (_("%s by owner and complexity"),
                                evident_heatmap_metric_get_label (self->heatmap->metric));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  update_legend (self);
}

static void
set_cursor_internal (EvidentHeatmapView *self,
                     guint               row,
                     guint               column,
                     gboolean            grab_focus)
{
  EvidentHeatmapTile *previous = NULL;
  EvidentHeatmapTile *tile;

  g_assert (row < n_grid_rows (self) && column < N_GRID_COLUMNS);

  if (self->cursor_row < n_grid_rows (self) && self->cursor_column < N_GRID_COLUMNS)
    previous = get_tile (self, self->cursor_row, self->cursor_column);
  tile = get_tile (self, row, column);

  self->cursor_row = row;
  self->cursor_column = column;
  g_free (self->cursor_owner);
  self->cursor_owner = row < self->heatmap->n_rows
                       ? g_strdup (evident_heatmap_get_owner (self->heatmap, row))
                       : NULL;

  gtk_widget_set_focusable (GTK_WIDGET (tile), TRUE);
  if (grab_focus)
    gtk_widget_grab_focus (GTK_WIDGET (tile));
  if (previous != NULL && previous != tile)
    gtk_widget_set_focusable (GTK_WIDGET (previous), FALSE);
}

static void
emit_cell_activated (EvidentHeatmapView *self,
                     guint               row,
                     guint               column)
{
  gboolean any_owner = row == self->heatmap->n_rows;
  const char *owner = any_owner ? NULL : evident_heatmap_get_owner (self->heatmap, row);
  int complexity = column == EVIDENT_HEATMAP_N_COLUMNS
                   ? -1
                   : (int) evident_heatmap_column_get_complexity (column);

  g_signal_emit (self, signals[SIGNAL_CELL_ACTIVATED], 0, any_owner, owner, complexity);
}

static void
tile_activate_cb (EvidentHeatmapView *self,
                  EvidentHeatmapTile *tile)
{
  guint row = evident_heatmap_tile_get_row (tile);
  guint column = evident_heatmap_tile_get_column (tile);

  set_cursor_internal (self, row, column, FALSE);
  emit_cell_activated (self, row, column);
}

/* An owner's name in full when it does not fit. */
static gboolean
header_query_tooltip_cb (GtkLabel   *label,
                         int         x,
                         int         y,
                         gboolean    keyboard_mode,
                         GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_label (label));
  return TRUE;
}

static GtkWidget *
create_header (const char *text,
               gboolean    row_header)
{
  GtkWidget *label = gtk_label_new (text);

  if (row_header)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (header_query_tooltip_cb), NULL);
    }
  else
    {
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_set_valign (label, GTK_ALIGN_END);
    }
  gtk_widget_add_css_class (label, "heatmap-header");

  return label;
}

/* The rows are positional: row r's widgets stay in the grid's row r + 1
 * (row 0 holds the column headers), whoever's row it is. An edit that
 * adds or removes an owner adds or removes the last row, and the rows
 * take their new owners' names: no widget is rebuilt but those. */
static void
append_row (EvidentHeatmapView *self)
{
  guint r = self->headers->len;
  GtkWidget *header = create_header (NULL, TRUE);

  gtk_grid_attach (self->grid, header, 0, r + 1, HEADER_SPAN, 1);
  g_ptr_array_add (self->headers, header);

  for (guint c = 0; c < N_GRID_COLUMNS; c++)
    {
      GtkWidget *tile = evident_heatmap_tile_new (r, c);

      if (c == EVIDENT_HEATMAP_N_COLUMNS)
        {
          gtk_widget_add_css_class (tile, "total");
          gtk_widget_set_margin_start (tile, 6);
        }
      g_signal_connect_object (tile, "activate",
                               G_CALLBACK (tile_activate_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_grid_attach (self->grid, tile, c + HEADER_SPAN, r + 1, 1, 1);
      g_ptr_array_add (self->tiles, tile);
    }
}

static void
remove_last_row (EvidentHeatmapView *self)
{
  guint r = self->headers->len - 1;

  gtk_grid_remove (self->grid, g_ptr_array_index (self->headers, r));
  g_ptr_array_set_size (self->headers, r);
  for (guint c = 0; c < N_GRID_COLUMNS; c++)
    gtk_grid_remove (self->grid, g_ptr_array_index (self->tiles, r * N_GRID_COLUMNS + c));
  g_ptr_array_set_size (self->tiles, r * N_GRID_COLUMNS);
}

static void
clear_rows (EvidentHeatmapView *self)
{
  while (self->headers->len > 0)
    remove_last_row (self);
}

/* Gives the grid one row per row of the heat map, plus the totals, and
 * each row its owner's name and its look (the totals row stands apart). */
static void
sync_rows (EvidentHeatmapView *self)
{
  guint n_rows = n_grid_rows (self);

  while (self->headers->len > n_rows)
    remove_last_row (self);
  while (self->headers->len < n_rows)
    append_row (self);

  for (guint r = 0; r < n_rows; r++)
    {
      GtkWidget *header = g_ptr_array_index (self->headers, r);
      gboolean total_row = r == self->heatmap->n_rows;
      gboolean unassigned = !total_row && evident_heatmap_get_owner (self->heatmap, r) == NULL;

      gtk_label_set_label (GTK_LABEL (header),
                           evident_heatmap_get_row_label (self->heatmap, to_heatmap_row (self, r)));
      if (total_row)
        gtk_widget_add_css_class (header, "heading");
      else
        gtk_widget_remove_css_class (header, "heading");
      if (unassigned)
        gtk_widget_add_css_class (header, "dim-label");
      else
        gtk_widget_remove_css_class (header, "dim-label");
      gtk_widget_set_margin_top (header, total_row ? 6 : 0);

      for (guint c = 0; c < N_GRID_COLUMNS; c++)
        {
          GtkWidget *tile = GTK_WIDGET (get_tile (self, r, c));

          if (total_row || c == EVIDENT_HEATMAP_N_COLUMNS)
            gtk_widget_add_css_class (tile, "total");
          else
            gtk_widget_remove_css_class (tile, "total");
          gtk_widget_set_margin_top (tile, total_row ? 6 : 0);
        }
    }
}

static gboolean
same_owners (const EvidentHeatmap *a,
             const EvidentHeatmap *b)
{
  if (a == NULL || b == NULL || a->n_rows != b->n_rows)
    return FALSE;

  for (guint r = 0; r + 1 < a->n_rows; r++)
    if (!g_str_equal (a->owners[r], b->owners[r]))
      return FALSE;

  return TRUE;
}

static gboolean
has_focus_within (EvidentHeatmapView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->grid));
}

/* The metric shown: the one chosen, but a checklist without points has
 * none at risk, and shows its items open instead. */
static EvidentHeatmapMetric
get_shown_metric (EvidentHeatmapView *self)
{
  if (self->metric == EVIDENT_HEATMAP_METRIC_RISK && self->project != NULL
      && evident_project_get_rules (self->project)->mode == EVIDENT_SCORE_MODE_PASS_FAIL)
    return EVIDENT_HEATMAP_METRIC_OPEN;
  return self->metric;
}

static void
recompute (EvidentHeatmapView *self)
{
  g_autoptr (EvidentHeatmap) heatmap = NULL;
  gboolean had_focus;
  guint row;

  if (self->project == NULL)
    {
      clear_rows (self);
      g_clear_pointer (&self->heatmap, evident_heatmap_free);
      gtk_widget_set_visible (self->legend, FALSE);
      return;
    }

  if (self->scenario != NULL)
    heatmap = evident_scenario_compute_heatmap (self->scenario, get_shown_metric (self));
  else
    heatmap = evident_heatmap_compute (evident_project_get_rules (self->project),
                                       evident_project_get_items (self->project),
                                       get_shown_metric (self));

  if (same_owners (self->heatmap, heatmap))
    {
      evident_heatmap_free (self->heatmap);
      self->heatmap = g_steal_pointer (&heatmap);
      update_cells (self);
      return;
    }

  /* The owners changed: the cursor stays on its owner, or on the row
   * where it was when that owner has gone. */
  had_focus = has_focus_within (self);
  if (self->heatmap == NULL || self->cursor_row >= n_grid_rows (self))
    row = 0;
  else if (self->cursor_row == self->heatmap->n_rows)
    row = heatmap->n_rows;
  else if (!evident_heatmap_lookup_row (heatmap, self->cursor_owner, &row))
    row = MIN (self->cursor_row, heatmap->n_rows - 1);

  /* The cursor moves to another cell, or its cell goes. */
  if (self->cursor_row < n_grid_rows (self))
    gtk_widget_set_focusable (GTK_WIDGET (get_tile (self, self->cursor_row, self->cursor_column)),
                              FALSE);
  self->cursor_row = G_MAXUINT;

  evident_heatmap_free (self->heatmap);
  self->heatmap = g_steal_pointer (&heatmap);

  sync_rows (self);
  update_cells (self);
  gtk_widget_set_visible (self->legend, TRUE);

  set_cursor_internal (self, row, self->cursor_column, had_focus);
}

static void
project_changed_cb (EvidentHeatmapView *self)
{
  recompute (self);
}

static void
style_changed_cb (EvidentHeatmapView *self)
{
  update_cells (self);
}

static void
legend_ramp_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot,
                      gpointer     user_data)
{
  EvidentHeatmapView *self = user_data;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  Ramp ramp = get_ramp (self->metric);
  gboolean dark = is_dark ();
  GskColorStop stops[N_STOPS];
  GskRoundedRect outline;

  for (guint i = 0; i < N_STOPS; i++)
    {
      stops[i].offset = (float) i / (N_STOPS - 1);
      stops[i].color = ramps[ramp][dark ? 1 : 0][i];
    }

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), 4);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_linear_gradient (snapshot, &outline.bounds,
                                       &GRAPHENE_POINT_INIT (0, 0),
                                       &GRAPHENE_POINT_INIT (width, 0),
                                       stops, N_STOPS);
  gtk_snapshot_pop (snapshot);
}

static void
legend_empty_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot,
                       gpointer     user_data)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect outline;
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  fg.alpha = 0.04;

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), 4);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &fg, &outline.bounds);
  gtk_snapshot_pop (snapshot);

  if (is_dark () || adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    {
      float widths[4] = { 1, 1, 1, 1 };
      GdkRGBA colors[4];

      fg.alpha = 0.15;
      for (guint i = 0; i < 4; i++)
        colors[i] = fg;
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

/* Actions */

static void
move_cursor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EvidentHeatmapView *self = EVIDENT_HEATMAP_VIEW (widget);
  int dx, dy;
  gint64 row, column;

  if (self->heatmap == NULL)
    return;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  row = (gint64) self->cursor_row + dy;
  column = (gint64) self->cursor_column + dx;
  row = CLAMP (row, 0, (gint64) n_grid_rows (self) - 1);
  column = CLAMP (column, 0, N_GRID_COLUMNS - 1);

  set_cursor_internal (self, row, column, TRUE);
}

static void
activate_cursor_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EvidentHeatmapView *self = EVIDENT_HEATMAP_VIEW (widget);

  if (self->heatmap == NULL)
    return;

  emit_cell_activated (self, self->cursor_row, self->cursor_column);
}

static void
add_move_binding (GtkWidgetClass  *widget_class,
                  guint            keyval,
                  guint            keypad_keyval,
                  GdkModifierType  modifiers,
                  int              dx,
                  int              dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers,
                                       "heatmap.move-cursor", "(ii)", dx, dy);
  gtk_widget_class_add_binding_action (widget_class, keypad_keyval, modifiers,
                                       "heatmap.move-cursor", "(ii)", dx, dy);
}

/* GObject */

static void
evident_heatmap_view_dispose (GObject *object)
{
  EvidentHeatmapView *self = EVIDENT_HEATMAP_VIEW (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_clear_object (&self->project);
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_func (self->scenario, project_changed_cb, self);
  g_clear_object (&self->scenario);

  /* The cells go with the grid. */
  g_ptr_array_set_size (self->headers, 0);
  g_ptr_array_set_size (self->tiles, 0);
  g_clear_pointer (&self->heatmap, evident_heatmap_free);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->legend, gtk_widget_unparent);

  G_OBJECT_CLASS (evident_heatmap_view_parent_class)->dispose (object);
}

static void
evident_heatmap_view_finalize (GObject *object)
{
  EvidentHeatmapView *self = EVIDENT_HEATMAP_VIEW (object);

  g_clear_pointer (&self->heatmap, evident_heatmap_free);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->tiles, g_ptr_array_unref);
  g_clear_pointer (&self->cursor_owner, g_free);

  G_OBJECT_CLASS (evident_heatmap_view_parent_class)->finalize (object);
}

static void
evident_heatmap_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EvidentHeatmapView *self = EVIDENT_HEATMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_METRIC:
      g_value_set_enum (value, self->metric);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_heatmap_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EvidentHeatmapView *self = EVIDENT_HEATMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_heatmap_view_set_project (self, g_value_get_object (value));
      break;

    case PROP_METRIC:
      evident_heatmap_view_set_metric (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_heatmap_view_class_init (EvidentHeatmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_heatmap_view_dispose;
  object_class->finalize = evident_heatmap_view_finalize;
  object_class->get_property = evident_heatmap_view_get_property;
  object_class->set_property = evident_heatmap_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EVIDENT_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * EvidentHeatmapView:metric:
   *
   * What the cells show: open items, points at risk or the share done.
   * A checklist without points shows open items for points at risk.
   */
  properties[PROP_METRIC] =
    g_param_spec_enum ("metric", NULL, NULL,
                       EVIDENT_TYPE_HEATMAP_METRIC,
                       EVIDENT_HEATMAP_METRIC_OPEN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentHeatmapView::cell-activated:
   * @self: the heat map
   * @any_owner: %TRUE for the total row, whose items have any owner
   * @owner: (nullable): the row's owner; %NULL for the "Unassigned" row
   *   (and for the total row)
   * @complexity: the column's #EvidentComplexity (%EVIDENT_COMPLEXITY_NONE
   *   for "Unrated"), or -1 for the total column
   *
   * A cell was clicked, or chosen with the keyboard and activated.
   */
  signals[SIGNAL_CELL_ACTIVATED] =
    g_signal_new ("cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_BOOLEAN,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_INT);

  gtk_widget_class_install_property_action (widget_class, "heatmap.metric", "metric");
  gtk_widget_class_install_action (widget_class, "heatmap.move-cursor", "(ii)", move_cursor_action);
  gtk_widget_class_install_action (widget_class, "heatmap.activate-cursor", NULL, activate_cursor_action);

  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, 0, -1, 0);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 0, 1, 0);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, 0, -1);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 0, 1);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, 0, -N_GRID_COLUMNS, 0);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, 0, N_GRID_COLUMNS, 0);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, GDK_CONTROL_MASK,
                    -N_GRID_COLUMNS, G_MININT16);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, GDK_CONTROL_MASK,
                    N_GRID_COLUMNS, G_MAXINT16);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "heatmapview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  for (guint r = 0; r < N_RAMPS; r++)
    for (guint d = 0; d < 2; d++)
      for (guint s = 0; s < N_STOPS; s++)
        if (!gdk_rgba_parse (&ramps[r][d][s], ramp_specs[r][d][s]))
          g_assert_not_reached ();
}

static void
evident_heatmap_view_init (EvidentHeatmapView *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *viewport;
  GtkWidget *label;

  self->headers = g_ptr_array_new ();
  self->tiles = g_ptr_array_new ();
  self->metric = EVIDENT_HEATMAP_METRIC_OPEN;
  self->cursor_row = G_MAXUINT;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  /* The grid scrolls sideways in a narrow window. */
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  viewport = gtk_viewport_new (NULL, NULL);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), viewport);

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_grid_set_column_spacing (self->grid, 6);
  gtk_grid_set_column_homogeneous (self->grid, TRUE);
  /* Room for the focus ring of the outer cells. */
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 3);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 3);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 3);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Heat Map"),
                                  -1);
  gtk_viewport_set_child (GTK_VIEWPORT (viewport), GTK_WIDGET (self->grid));

  /* The column headers. */
  for (guint c = 0; c < N_GRID_COLUMNS; c++)
    {
      const char *text = c < EVIDENT_HEATMAP_N_COLUMNS
                         ? evident_complexity_get_label (evident_heatmap_column_get_complexity (c))
                         : C_("heat map", "Total");
      GtkWidget *header = create_header (text, FALSE);

      if (c == EVIDENT_HEATMAP_N_COLUMNS)
        gtk_widget_set_margin_start (header, 6);
      gtk_grid_attach (self->grid, header, c + HEADER_SPAN, 0, 1, 1);
    }

  /* The legend: the metric, the scale from its lightest to its strongest
   * end, and the neutral swatch of cells without items. The metric's name
   * and the scale give way in a narrow window. */
  self->legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->legend, "heatmap-legend");
  gtk_widget_set_margin_start (self->legend, 3);
  gtk_widget_set_margin_end (self->legend, 3);
  gtk_widget_set_visible (self->legend, FALSE);
  gtk_widget_set_parent (self->legend, GTK_WIDGET (self));

  self->legend_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->legend_title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->legend_title), "caption-heading");
  gtk_widget_set_margin_end (GTK_WIDGET (self->legend_title), 6);
  gtk_box_append (GTK_BOX (self->legend), GTK_WIDGET (self->legend_title));

  self->legend_min = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->legend_min), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->legend_min), "numeric");
  gtk_box_append (GTK_BOX (self->legend), GTK_WIDGET (self->legend_min));

  self->legend_ramp = evident_heatmap_swatch_new (legend_ramp_snapshot, self, 40, 96, 12);
  gtk_widget_set_valign (self->legend_ramp, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->legend), self->legend_ramp);

  self->legend_max = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->legend_max), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->legend_max), "numeric");
  gtk_box_append (GTK_BOX (self->legend), GTK_WIDGET (self->legend_max));

  self->legend_empty = evident_heatmap_swatch_new (legend_empty_snapshot, NULL, 16, 16, 12);
  gtk_widget_set_valign (self->legend_empty, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (self->legend_empty, 12);
  gtk_box_append (GTK_BOX (self->legend), self->legend_empty);

  label = gtk_label_new (_("No items"));
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (self->legend), label);

  /* The legend reads as one sentence, the label of its box. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->legend);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (style_manager, "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* The plan to pass is worked out apart: its items' cells follow it. */
  g_signal_connect_object (evident_plan_marks_get_default (), "changed",
                           G_CALLBACK (update_cells), self,
                           G_CONNECT_SWAPPED);
}

/**
 * evident_heatmap_view_new:
 *
 * Returns: (transfer floating): a new heat map view
 */
GtkWidget *
evident_heatmap_view_new (void)
{
  return g_object_new (EVIDENT_TYPE_HEATMAP_VIEW, NULL);
}

EvidentProject *
evident_heatmap_view_get_project (EvidentHeatmapView *self)
{
  g_return_val_if_fail (EVIDENT_IS_HEATMAP_VIEW (self), NULL);

  return self->project;
}

/**
 * evident_heatmap_view_set_project:
 * @project: (nullable): the project to show
 *
 * Shows @project's heat map, and follows its edits.
 */
void
evident_heatmap_view_set_project (EvidentHeatmapView *self,
                                  EvidentProject     *project)
{
  g_return_if_fail (EVIDENT_IS_HEATMAP_VIEW (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);

  g_set_object (&self->project, project);

  if (project != NULL)
    g_signal_connect_object (project, "changed",
                             G_CALLBACK (project_changed_cb), self,
                             G_CONNECT_SWAPPED);

  /* A new project starts with the cursor on its first cell. */
  clear_rows (self);
  g_clear_pointer (&self->heatmap, evident_heatmap_free);
  g_clear_pointer (&self->cursor_owner, g_free);
  self->cursor_row = G_MAXUINT;
  self->cursor_column = 0;
  recompute (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentHeatmapMetric
evident_heatmap_view_get_metric (EvidentHeatmapView *self)
{
  g_return_val_if_fail (EVIDENT_IS_HEATMAP_VIEW (self), EVIDENT_HEATMAP_METRIC_OPEN);

  return self->metric;
}

void
evident_heatmap_view_set_metric (EvidentHeatmapView   *self,
                                 EvidentHeatmapMetric  metric)
{
  g_return_if_fail (EVIDENT_IS_HEATMAP_VIEW (self));
  g_return_if_fail (metric < EVIDENT_HEATMAP_N_METRICS);

  if (self->metric == metric)
    return;

  self->metric = metric;
  if (self->heatmap != NULL)
    {
      evident_heatmap_set_metric (self->heatmap, get_shown_metric (self));
      update_cells (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRIC]);
}

/**
 * evident_heatmap_view_get_heatmap:
 *
 * Returns: (nullable) (transfer none): the heat map shown, %NULL without a
 *   project; it changes with every edit
 */
const EvidentHeatmap *
evident_heatmap_view_get_heatmap (EvidentHeatmapView *self)
{
  g_return_val_if_fail (EVIDENT_IS_HEATMAP_VIEW (self), NULL);

  return self->heatmap;
}

/**
 * evident_heatmap_view_get_cell:
 * @row: a row of the heat map, or %EVIDENT_HEATMAP_TOTAL
 * @column: a column of the heat map, or %EVIDENT_HEATMAP_TOTAL
 *
 * Returns: (nullable) (transfer none): the widget of a cell; its tooltip
 *   and accessible label are evident_heatmap_describe_cell()'s (see
 *   evident_heatmap_view_get_cell_description())
 */
GtkWidget *
evident_heatmap_view_get_cell (EvidentHeatmapView *self,
                               guint               row,
                               guint               column)
{
  guint grid_row, grid_column;

  g_return_val_if_fail (EVIDENT_IS_HEATMAP_VIEW (self), NULL);

  if (!from_heatmap_position (self, row, column, &grid_row, &grid_column))
    return NULL;

  return GTK_WIDGET (get_tile (self, grid_row, grid_column));
}

/**
 * evident_heatmap_view_get_cell_text:
 * @row: a row of the heat map, or %EVIDENT_HEATMAP_TOTAL
 * @column: a column of the heat map, or %EVIDENT_HEATMAP_TOTAL
 *
 * Returns: (nullable): the number a cell shows
 */
const char *
evident_heatmap_view_get_cell_text (EvidentHeatmapView *self,
                                    guint               row,
                                    guint               column)
{
  GtkWidget *cell;

  g_return_val_if_fail (EVIDENT_IS_HEATMAP_VIEW (self), NULL);

  cell = evident_heatmap_view_get_cell (self, row, column);
  if (cell == NULL)
    return NULL;

  return evident_heatmap_tile_get_text (EVIDENT_HEATMAP_TILE (cell));
}

/**
 * evident_heatmap_view_get_cell_description:
 * @row: a row of the heat map, or %EVIDENT_HEATMAP_TOTAL
 * @column: a column of the heat map, or %EVIDENT_HEATMAP_TOTAL
 *
 * Returns: (nullable): the sentence a cell's tooltip shows and a screen
 *   reader reads, e.g. "Security lead, high complexity: 7 open items,
 *   85 points at risk"
 */
const char *
evident_heatmap_view_get_cell_description (EvidentHeatmapView *self,
                                           guint               row,
                                           guint               column)
{
  GtkWidget *cell;

  g_return_val_if_fail (EVIDENT_IS_HEATMAP_VIEW (self), NULL);

  cell = evident_heatmap_view_get_cell (self, row, column);
  if (cell == NULL)
    return NULL;

  return evident_heatmap_tile_get_description (EVIDENT_HEATMAP_TILE (cell));
}

/**
 * evident_heatmap_view_get_cursor:
 * @row: (out) (optional): the cursor's row, or %EVIDENT_HEATMAP_TOTAL
 * @column: (out) (optional): the cursor's column, or %EVIDENT_HEATMAP_TOTAL
 *
 * The cursor is the cell that takes the keyboard focus.
 *
 * Returns: whether there is a cursor (there is one with a project)
 */
gboolean
evident_heatmap_view_get_cursor (EvidentHeatmapView *self,
                                 guint              *row,
                                 guint              *column)
{
  g_return_val_if_fail (EVIDENT_IS_HEATMAP_VIEW (self), FALSE);

  if (self->heatmap == NULL || self->cursor_row >= n_grid_rows (self))
    return FALSE;

  if (row != NULL)
    *row = to_heatmap_row (self, self->cursor_row);
  if (column != NULL)
    *column = to_heatmap_column (self->cursor_column);
  return TRUE;
}

/**
 * evident_heatmap_view_set_cursor:
 * @row: a row of the heat map, or %EVIDENT_HEATMAP_TOTAL
 * @column: a column of the heat map, or %EVIDENT_HEATMAP_TOTAL
 * @grab_focus: whether to move the keyboard focus to the cell too
 */
void
evident_heatmap_view_set_cursor (EvidentHeatmapView *self,
                                 guint               row,
                                 guint               column,
                                 gboolean            grab_focus)
{
  guint grid_row, grid_column;

  g_return_if_fail (EVIDENT_IS_HEATMAP_VIEW (self));
  g_return_if_fail (from_heatmap_position (self, row, column, &grid_row, &grid_column));

  set_cursor_internal (self, grid_row, grid_column, grab_focus);
}

/**
 * evident_heatmap_view_activate_cell:
 * @row: a row of the heat map, or %EVIDENT_HEATMAP_TOTAL
 * @column: a column of the heat map, or %EVIDENT_HEATMAP_TOTAL
 *
 * Moves the cursor to a cell and activates it, as a click does.
 */
void
evident_heatmap_view_activate_cell (EvidentHeatmapView *self,
                                    guint               row,
                                    guint               column)
{
  guint grid_row, grid_column;

  g_return_if_fail (EVIDENT_IS_HEATMAP_VIEW (self));
  g_return_if_fail (from_heatmap_position (self, row, column, &grid_row, &grid_column));

  gtk_widget_activate (GTK_WIDGET (get_tile (self, grid_row, grid_column)));
}

/**
 * evident_heatmap_view_set_scenario:
 * @scenario: (nullable): a what-if scenario over the project, or %NULL
 *
 * Shows the heat map with @scenario's assumptions, marked as what-if, and
 * follows its changes (the project's edits and its own assumptions); with
 * %NULL, the project's real figures again.
 */
void
evident_heatmap_view_set_scenario (EvidentHeatmapView *self,
                                   EvidentScenario    *scenario)
{
  g_return_if_fail (EVIDENT_IS_HEATMAP_VIEW (self));
  g_return_if_fail (scenario == NULL || EVIDENT_IS_SCENARIO (scenario));

  if (self->scenario == scenario)
    return;

  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_func (self->scenario, project_changed_cb, self);
  g_set_object (&self->scenario, scenario);
  if (scenario != NULL)
    {
      g_signal_connect_object (scenario, "changed", G_CALLBACK (project_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_add_css_class (GTK_WIDGET (self), "evident-whatif");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "evident-whatif");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  scenario != NULL ? _("Heat Map, What-If") : _("Heat Map"),
                                  -1);
  recompute (self);
}
