/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-plan-settings.h"
#include "evident-workload-chart.h"

/*
 * EvidentWorkloadChart: the open items' effort of each owner per week of
 * their due date, up to the audit date, drawn with GtkSnapshot: one row
 * per owner, one column per week between "Overdue" (drawn in the error
 * colour) and "Later" and "No date". A bar's height is the cell's effort
 * against the largest cell's; its number is the days. The chart follows
 * every edit; to screen readers it is an image whose description lists
 * each owner's items, days and overdue items.
 */

#define ROW_HEIGHT    40
#define HEADER_HEIGHT 22
#define COLUMN_WIDTH  52
#define OWNER_WIDTH   150
#define BAR_PADDING   3
#define NUMBER_HEIGHT 13

struct _EvidentWorkloadChart
{
  GtkWidget        parent_instance;

  EvidentProject  *project;
  EvidentWorkload *workload;
  GDate            today;    /* not valid: the real today */
  char            *description;
  guint            n_shown_rows;
  guint           *shown_rows; /* the workload's rows with items */
};

G_DEFINE_FINAL_TYPE (EvidentWorkloadChart, evident_workload_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_short_label (const EvidentWorkloadColumn *column)
{
  switch (column->bucket)
    {
    case EVIDENT_WORKLOAD_OVERDUE:
      return g_strdup (C_("workload", "Overdue"));
    case EVIDENT_WORKLOAD_WEEK:
      /* Translators: a week in the workload chart's header, e.g. "W49" */
      return g_strdup_printf (_("W%02u"), column->iso_week);
    case EVIDENT_WORKLOAD_LATER:
      return g_strdup (C_("workload", "Later"));
    case EVIDENT_WORKLOAD_NO_DATE:
      return g_strdup (C_("workload", "No date"));
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
update_description (EvidentWorkloadChart *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  const EvidentWorkload *workload = self->workload;

  for (guint r = 0; r < self->n_shown_rows; r++)
    {
      guint row = self->shown_rows[r];
      const EvidentWorkloadCell *total = evident_workload_get_cell (workload, row,
                                                                    EVIDENT_WORKLOAD_TOTAL);
      const EvidentWorkloadCell *overdue = evident_workload_get_cell (workload, row, 0);
      g_autofree char *days = evident_days_format (total->effort);
      g_autofree char *items = NULL;

      items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open item", "%u open items",
                                            total->items->len),
                               total->items->len);
      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: an owner's workload for screen readers, e.g.
       * "Security lead: 5 open items, 12 days, 2 overdue" */
      g_string_append_printf (text, _("%s: %s, %s days, %u overdue"),
                              evident_workload_get_row_label (workload, row), items, days,
                              overdue->items->len);
    }
  if (text->len == 0)
    g_string_append (text, _("No open items"));

  g_free (self->description);
  self->description = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
update (EvidentWorkloadChart *self)
{
  GDate today;

  g_clear_pointer (&self->workload, evident_workload_free);
  g_clear_pointer (&self->shown_rows, g_free);
  self->n_shown_rows = 0;

  if (self->project != NULL)
    {
      if (g_date_valid (&self->today))
        today = self->today;
      else
        g_date_set_time_t (&today, time (NULL));
      self->workload = evident_workload_compute (self->project, &today);

      self->shown_rows = g_new0 (guint, self->workload->n_rows);
      for (guint row = 0; row < self->workload->n_rows; row++)
        {
          const EvidentWorkloadCell *total;

          total = evident_workload_get_cell (self->workload, row, EVIDENT_WORKLOAD_TOTAL);
          if (total->items->len > 0)
            self->shown_rows[self->n_shown_rows++] = row;
        }
    }

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
project_changed_cb (EvidentWorkloadChart *self)
{
  update (self);
}

/* Drawing */

static void
append_text (EvidentWorkloadChart *self,
             GtkSnapshot          *snapshot,
             const char           *text,
             double                x,
             double                y,
             double                width,
             double                height,
             PangoAlignment        alignment,
             const GdkRGBA        *color,
             gboolean              small)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int text_height;

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_get_pixel_size (layout, NULL, &text_height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y + (height - text_height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static double
max_effort (EvidentWorkloadChart *self)
{
  double max = 0;

  for (guint r = 0; r < self->n_shown_rows; r++)
    for (guint c = 0; c < self->workload->n_columns; c++)
      max = MAX (max, evident_workload_get_cell (self->workload, self->shown_rows[r], c)->effort);
  return max;
}

static void
evident_workload_chart_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  EvidentWorkloadChart *self = EVIDENT_WORKLOAD_CHART (widget);
  const EvidentWorkload *workload = self->workload;
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA line;
  GdkRGBA bar = { 0.21, 0.52, 0.89, 0.85 };
  GdkRGBA late = { 0.88, 0.11, 0.14, 0.85 };
  double max;

  if (workload == NULL || self->n_shown_rows == 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = fg;
  dim.alpha *= 0.6;
  line = fg;
  line.alpha *= 0.12;
  max = max_effort (self);

  for (guint c = 0; c < workload->n_columns; c++)
    {
      g_autofree char *label = dup_short_label (&workload->columns[c]);
      gboolean overdue = workload->columns[c].bucket == EVIDENT_WORKLOAD_OVERDUE;

      append_text (self, snapshot, label, OWNER_WIDTH + c * COLUMN_WIDTH, 0, COLUMN_WIDTH,
                   HEADER_HEIGHT, PANGO_ALIGN_CENTER, overdue ? &late : &dim, TRUE);
    }

  for (guint r = 0; r < self->n_shown_rows; r++)
    {
      guint row = self->shown_rows[r];
      double y = HEADER_HEIGHT + r * ROW_HEIGHT;

      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (0, y, OWNER_WIDTH
                                                      + workload->n_columns * COLUMN_WIDTH, 1));
      append_text (self, snapshot, evident_workload_get_row_label (workload, row), 0, y,
                   OWNER_WIDTH - 6, ROW_HEIGHT, PANGO_ALIGN_LEFT, &fg, FALSE);

      for (guint c = 0; c < workload->n_columns; c++)
        {
          const EvidentWorkloadCell *cell = evident_workload_get_cell (workload, row, c);
          gboolean overdue = workload->columns[c].bucket == EVIDENT_WORKLOAD_OVERDUE;
          double x = OWNER_WIDTH + c * COLUMN_WIDTH;
          double full = ROW_HEIGHT - 2 * BAR_PADDING - NUMBER_HEIGHT;
          double height;
          g_autofree char *days = NULL;

          if (cell->items->len == 0)
            continue;

          height = max > 0 ? MAX (3, full * cell->effort / max) : 3;
          gtk_snapshot_append_color (snapshot, overdue ? &late : &bar,
                                     &GRAPHENE_RECT_INIT (x + BAR_PADDING,
                                                          y + ROW_HEIGHT - BAR_PADDING - height,
                                                          COLUMN_WIDTH - 2 * BAR_PADDING,
                                                          height));
          days = evident_days_format (cell->effort);
          append_text (self, snapshot, days, x, y + ROW_HEIGHT - BAR_PADDING - height - NUMBER_HEIGHT,
                       COLUMN_WIDTH, NUMBER_HEIGHT, PANGO_ALIGN_CENTER, &fg, TRUE);
        }
    }
}

static void
evident_workload_chart_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  EvidentWorkloadChart *self = EVIDENT_WORKLOAD_CHART (widget);
  guint n_columns = self->workload != NULL ? self->workload->n_columns : 0;

  if (self->n_shown_rows == 0)
    *minimum = *natural = 0;
  else if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = OWNER_WIDTH + n_columns * COLUMN_WIDTH;
  else
    *minimum = *natural = HEADER_HEIGHT + self->n_shown_rows * ROW_HEIGHT;
}

/* GObject */

static void
evident_workload_chart_dispose (GObject *object)
{
  EvidentWorkloadChart *self = EVIDENT_WORKLOAD_CHART (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (evident_workload_chart_parent_class)->dispose (object);
}

static void
evident_workload_chart_finalize (GObject *object)
{
  EvidentWorkloadChart *self = EVIDENT_WORKLOAD_CHART (object);

  g_clear_pointer (&self->workload, evident_workload_free);
  g_clear_pointer (&self->shown_rows, g_free);
  g_free (self->description);

  G_OBJECT_CLASS (evident_workload_chart_parent_class)->finalize (object);
}

static void
evident_workload_chart_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EvidentWorkloadChart *self = EVIDENT_WORKLOAD_CHART (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_workload_chart_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  EvidentWorkloadChart *self = EVIDENT_WORKLOAD_CHART (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_workload_chart_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_workload_chart_class_init (EvidentWorkloadChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_workload_chart_dispose;
  object_class->finalize = evident_workload_chart_finalize;
  object_class->get_property = evident_workload_chart_get_property;
  object_class->set_property = evident_workload_chart_set_property;
  widget_class->snapshot = evident_workload_chart_snapshot;
  widget_class->measure = evident_workload_chart_measure;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "evidentworkloadchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
evident_workload_chart_init (EvidentWorkloadChart *self)
{
  g_date_clear (&self->today, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Workload per owner and week"),
                                  -1);
  update_description (self);
}

/**
 * evident_workload_chart_new:
 *
 * Returns: (transfer floating): a new workload chart
 */
GtkWidget *
evident_workload_chart_new (void)
{
  return g_object_new (EVIDENT_TYPE_WORKLOAD_CHART, NULL);
}

EvidentProject *
evident_workload_chart_get_project (EvidentWorkloadChart *self)
{
  g_return_val_if_fail (EVIDENT_IS_WORKLOAD_CHART (self), NULL);

  return self->project;
}

void
evident_workload_chart_set_project (EvidentWorkloadChart *self,
                                    EvidentProject       *project)
{
  g_return_if_fail (EVIDENT_IS_WORKLOAD_CHART (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self,
                             G_CONNECT_SWAPPED);
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * evident_workload_chart_set_today:
 * @today: (nullable): the day to count weeks and overdue items from, or
 *   %NULL for the real today
 *
 * For tests and screenshots.
 */
void
evident_workload_chart_set_today (EvidentWorkloadChart *self,
                                  const GDate          *today)
{
  g_return_if_fail (EVIDENT_IS_WORKLOAD_CHART (self));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
  update (self);
}

/**
 * evident_workload_chart_get_workload:
 *
 * Returns: (nullable): the workload drawn, %NULL without a project
 */
const EvidentWorkload *
evident_workload_chart_get_workload (EvidentWorkloadChart *self)
{
  g_return_val_if_fail (EVIDENT_IS_WORKLOAD_CHART (self), NULL);

  return self->workload;
}

/**
 * evident_workload_chart_get_description:
 *
 * Returns: what screen readers read for the chart: each owner's open
 *   items, days and overdue items
 */
const char *
evident_workload_chart_get_description (EvidentWorkloadChart *self)
{
  g_return_val_if_fail (EVIDENT_IS_WORKLOAD_CHART (self), NULL);

  return self->description;
}
