/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-types.h"
#include "evident-scoring.h"

G_BEGIN_DECLS

/**
 * EvidentHeatmapMetric:
 * @EVIDENT_HEATMAP_METRIC_OPEN: items not counted in the projected view
 * @EVIDENT_HEATMAP_METRIC_RISK: points at risk (points, plus the mandatory
 *   penalty for mandatory items), of the items not counted in the projected view
 * @EVIDENT_HEATMAP_METRIC_DONE: share of items counted in the projected view,
 *   in percent (not-applicable items count as done)
 *
 * What a heat map's cells show. The nick of each value is its spelling on
 * the command line, in settings and in JSON.
 */
typedef enum
{
  EVIDENT_HEATMAP_METRIC_OPEN, /*< nick=open >*/
  EVIDENT_HEATMAP_METRIC_RISK, /*< nick=risk >*/
  EVIDENT_HEATMAP_METRIC_DONE, /*< nick=done >*/
} EvidentHeatmapMetric;

#define EVIDENT_HEATMAP_N_METRICS (EVIDENT_HEATMAP_METRIC_DONE + 1)

/* Columns: low, medium, high, unrated. */
#define EVIDENT_HEATMAP_N_COLUMNS 4

/* Pass as a row or a column to get the totals: the row totals are in column
 * %EVIDENT_HEATMAP_TOTAL, the column totals in row %EVIDENT_HEATMAP_TOTAL,
 * the grand total at (%EVIDENT_HEATMAP_TOTAL, %EVIDENT_HEATMAP_TOTAL). */
#define EVIDENT_HEATMAP_TOTAL G_MAXUINT

/**
 * EvidentHeatmapCell:
 * @n_items: the items in the cell
 * @n_open: the items not counted in the projected view
 * @points: the points of all the items
 * @points_counted: the points of the items counted in the projected view
 * @points_at_risk: the points at risk of the open items, penalties included
 */
typedef struct
{
  guint  n_items;
  guint  n_open;
  gint64 points;
  gint64 points_counted;
  gint64 points_at_risk;
} EvidentHeatmapCell;

typedef struct _EvidentHeatmap EvidentHeatmap;

/**
 * EvidentHeatmap:
 * @rules: the rules it was computed with
 * @metric: what evident_heatmap_get_value() returns; may be changed without
 *   computing again
 * @owners: the owners with at least one item, sorted by name ignoring case
 * @n_rows: the rows: one per owner, then the "Unassigned" row, always last
 *   (and present even when empty)
 *
 * An owner × complexity matrix of the items, for one set of items.
 */
struct _EvidentHeatmap
{
  EvidentRules          rules;
  EvidentHeatmapMetric  metric;
  char                **owners;
  guint                 n_rows;

  /*< private >*/
  EvidentHeatmapCell   *cells; /* (n_rows + 1) × (N_COLUMNS + 1), totals last */
};

EvidentHeatmap           *evident_heatmap_compute          (const EvidentRules   *rules,
                                                            GListModel           *items,
                                                            EvidentHeatmapMetric  metric);
EvidentHeatmap           *evident_heatmap_compute_with_statuses (const EvidentRules   *rules,
                                                                 EvidentItem *const   *items,
                                                                 const EvidentStatus  *statuses,
                                                                 guint                 n_items,
                                                                 EvidentHeatmapMetric  metric);
void                      evident_heatmap_free             (EvidentHeatmap       *heatmap);

void                      evident_heatmap_set_metric       (EvidentHeatmap       *heatmap,
                                                            EvidentHeatmapMetric  metric);
const char               *evident_heatmap_get_owner        (const EvidentHeatmap *heatmap,
                                                            guint                 row);
const char               *evident_heatmap_get_row_label    (const EvidentHeatmap *heatmap,
                                                            guint                 row);
gboolean                  evident_heatmap_lookup_row       (const EvidentHeatmap *heatmap,
                                                            const char           *owner,
                                                            guint                *row);
const EvidentHeatmapCell *evident_heatmap_get_cell         (const EvidentHeatmap *heatmap,
                                                            guint                 row,
                                                            guint                 column);
double                    evident_heatmap_get_value        (const EvidentHeatmap *heatmap,
                                                            guint                 row,
                                                            guint                 column);
double                    evident_heatmap_get_max_value    (const EvidentHeatmap *heatmap);
char                     *evident_heatmap_format_value     (const EvidentHeatmap *heatmap,
                                                            guint                 row,
                                                            guint                 column);
char                     *evident_heatmap_describe_cell    (const EvidentHeatmap *heatmap,
                                                            guint                 row,
                                                            guint                 column);
double                    evident_heatmap_round_share      (double                share);

EvidentComplexity         evident_heatmap_column_get_complexity (guint             column);
guint                     evident_heatmap_complexity_get_column (EvidentComplexity complexity);

const char               *evident_heatmap_metric_to_string   (EvidentHeatmapMetric  metric);
gboolean                  evident_heatmap_metric_from_string (const char           *string,
                                                              EvidentHeatmapMetric *metric);
const char               *evident_heatmap_metric_get_label   (EvidentHeatmapMetric  metric);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentHeatmap, evident_heatmap_free)

G_END_DECLS
