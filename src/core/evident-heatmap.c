/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The owner × complexity heat map: one pass over the items, an owner index
 * in a hash table keyed by the items' own strings, no allocation per item.
 * The overview page recomputes it on every edit, so it must stay well
 * within a frame for a large project (tests/bench-heatmap.c). */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "evident-enums-util.h"
#include "evident-heatmap.h"
#include "evident-item.h"
#include "evident-owner-rows.h"

#define N_CELL_COLUMNS (EVIDENT_HEATMAP_N_COLUMNS + 1)

static const EvidentComplexity column_complexities[EVIDENT_HEATMAP_N_COLUMNS] = {
  EVIDENT_COMPLEXITY_LOW,
  EVIDENT_COMPLEXITY_MEDIUM,
  EVIDENT_COMPLEXITY_HIGH,
  EVIDENT_COMPLEXITY_NONE,
};

static const char *metric_names[EVIDENT_HEATMAP_N_METRICS] = {
  "open", "risk", "done",
};

/* One owner's cells while the items are walked. */
typedef struct
{
  EvidentHeatmapCell cells[EVIDENT_HEATMAP_N_COLUMNS];
} RowCells;

static inline EvidentHeatmapCell *
cell_at (const EvidentHeatmap *heatmap,
         guint                 row,
         guint                 column)
{
  if (row == EVIDENT_HEATMAP_TOTAL)
    row = heatmap->n_rows;
  if (column == EVIDENT_HEATMAP_TOTAL)
    column = EVIDENT_HEATMAP_N_COLUMNS;
  g_assert (row <= heatmap->n_rows);
  g_assert (column <= EVIDENT_HEATMAP_N_COLUMNS);

  return &heatmap->cells[row * N_CELL_COLUMNS + column];
}

static gboolean
valid_position (const EvidentHeatmap *heatmap,
                guint                 row,
                guint                 column)
{
  return (row < heatmap->n_rows || row == EVIDENT_HEATMAP_TOTAL)
         && (column < EVIDENT_HEATMAP_N_COLUMNS || column == EVIDENT_HEATMAP_TOTAL);
}

static void
cell_add (EvidentHeatmapCell       *sum,
          const EvidentHeatmapCell *cell)
{
  sum->n_items += cell->n_items;
  sum->n_open += cell->n_open;
  sum->points += cell->points;
  sum->points_counted += cell->points_counted;
  sum->points_at_risk += cell->points_at_risk;
}

static double
cell_value (const EvidentHeatmapCell *cell,
            EvidentHeatmapMetric      metric)
{
  switch (metric)
    {
    case EVIDENT_HEATMAP_METRIC_OPEN:
      return cell->n_open;
    case EVIDENT_HEATMAP_METRIC_RISK:
      return cell->points_at_risk;
    case EVIDENT_HEATMAP_METRIC_DONE:
      if (cell->n_items == 0)
        return NAN;
      return 100.0 * (cell->n_items - cell->n_open) / cell->n_items;
    default:
      g_assert_not_reached ();
    }
}

/**
 * evident_heatmap_compute:
 * @rules: the checklist's rules, for the mandatory penalty
 * @items: the items (#EvidentItem)
 * @metric: what evident_heatmap_get_value() is to return
 *
 * Sorts the items into one row per owner, plus an "Unassigned" row last,
 * and one column per complexity: low, medium, high, unrated. An item is
 * open when it is not counted in the projected view; a not-applicable item
 * counts, so it is done, not open, and puts no points at risk.
 *
 * Returns: (transfer full): the heat map, to free with evident_heatmap_free()
 */
EvidentHeatmap *
evident_heatmap_compute (const EvidentRules   *rules,
                         GListModel           *items,
                         EvidentHeatmapMetric  metric)
{
  g_autoptr (GPtrArray) array = NULL;
  guint n_items;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (metric < EVIDENT_HEATMAP_N_METRICS, NULL);

  n_items = g_list_model_get_n_items (items);
  array = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));
  return evident_heatmap_compute_with_statuses (rules, (EvidentItem **) array->pdata, NULL,
                                                n_items, metric);
}

/**
 * evident_heatmap_compute_with_statuses:
 * @rules: the checklist's rules, for the mandatory penalty
 * @items: (array length=n_items): the items
 * @statuses: (array length=n_items) (nullable): the status each item is
 *   taken to have (a what-if scenario's); %NULL for their own
 * @n_items: how many
 * @metric: what evident_heatmap_get_value() is to return
 *
 * evident_heatmap_compute() with the statuses given, as
 * evident_score_compute_with_statuses() is for the score.
 *
 * Returns: (transfer full): the heat map, to free with evident_heatmap_free()
 */
EvidentHeatmap *
evident_heatmap_compute_with_statuses (const EvidentRules   *rules,
                                       EvidentItem *const   *items,
                                       const EvidentStatus  *statuses,
                                       guint                 n_items,
                                       EvidentHeatmapMetric  metric)
{
  g_autoptr (GHashTable) index = NULL;
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autofree guint *sources = NULL;
  EvidentHeatmap *heatmap;
  guint n_owners;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (items != NULL || n_items == 0, NULL);
  g_return_val_if_fail (metric < EVIDENT_HEATMAP_N_METRICS, NULL);

  /* Owner name → row in @rows, in order of first appearance; row 0 collects
   * the unassigned items. The names are copied once per owner, not
   * borrowed, in case @items hands out items that do not outlive the call. */
  index = g_hash_table_new (g_str_hash, g_str_equal);
  names = g_ptr_array_new_full (64, g_free);
  rows = g_array_sized_new (FALSE, TRUE, sizeof (RowCells), 64);
  g_array_set_size (rows, 1);

  for (guint i = 0; i < n_items; i++)
    {
      EvidentItem *item = items[i];
      EvidentStatus status = statuses != NULL ? statuses[i] : evident_item_get_status (item);
      const char *owner = evident_item_get_owner (item);
      EvidentComplexity complexity = evident_item_get_complexity (item);
      int points = evident_item_get_points (item);
      EvidentHeatmapCell *cell;
      guint row = 0;
      guint column;

      if (owner != NULL && *owner != '\0')
        {
          gpointer slot = g_hash_table_lookup (index, owner);

          if (slot != NULL)
            {
              row = GPOINTER_TO_UINT (slot);
            }
          else
            {
              char *name = g_strdup (owner);

              g_ptr_array_add (names, name);
              row = rows->len;
              g_array_set_size (rows, row + 1);
              g_hash_table_insert (index, name, GUINT_TO_POINTER (row));
            }
        }

      column = evident_heatmap_complexity_get_column (complexity);
      cell = &g_array_index (rows, RowCells, row).cells[column];
      cell->n_items++;
      cell->points += points;
      if (evident_status_counts_in (status, EVIDENT_VIEW_PROJECTED))
        {
          cell->points_counted += points;
        }
      else
        {
          cell->n_open++;
          cell->points_at_risk += evident_item_get_points_at_risk_as (item, status,
                                                                      rules->mandatory_penalty);
        }
    }

  /* Owners sorted by name ignoring case; then the unassigned row. */
  n_owners = names->len;
  sources = g_new (guint, n_owners + 1);

  heatmap = g_new0 (EvidentHeatmap, 1);
  heatmap->rules = *rules;
  heatmap->metric = metric;
  heatmap->n_rows = n_owners + 1;
  heatmap->owners = evident_owner_rows_sort (names, sources);
  heatmap->cells = g_new0 (EvidentHeatmapCell, (heatmap->n_rows + 1) * N_CELL_COLUMNS);

  for (guint r = 0; r < heatmap->n_rows; r++)
    {
      const RowCells *from = &g_array_index (rows, RowCells, sources[r]);

      for (guint c = 0; c < EVIDENT_HEATMAP_N_COLUMNS; c++)
        {
          *cell_at (heatmap, r, c) = from->cells[c];
          cell_add (cell_at (heatmap, r, EVIDENT_HEATMAP_TOTAL), &from->cells[c]);
          cell_add (cell_at (heatmap, EVIDENT_HEATMAP_TOTAL, c), &from->cells[c]);
          cell_add (cell_at (heatmap, EVIDENT_HEATMAP_TOTAL, EVIDENT_HEATMAP_TOTAL),
                    &from->cells[c]);
        }
    }

  return heatmap;
}

void
evident_heatmap_free (EvidentHeatmap *heatmap)
{
  if (heatmap == NULL)
    return;

  g_clear_pointer (&heatmap->owners, g_strfreev);
  g_clear_pointer (&heatmap->cells, g_free);
  g_free (heatmap);
}

/**
 * evident_heatmap_set_metric:
 * @heatmap: a heat map
 * @metric: what evident_heatmap_get_value() is to return from now on
 *
 * Switches the metric; the heat map holds every metric's numbers, so this
 * needs no new computation.
 */
void
evident_heatmap_set_metric (EvidentHeatmap       *heatmap,
                            EvidentHeatmapMetric  metric)
{
  g_return_if_fail (heatmap != NULL);
  g_return_if_fail (metric < EVIDENT_HEATMAP_N_METRICS);

  heatmap->metric = metric;
}

/**
 * evident_heatmap_get_owner:
 * @heatmap: a heat map
 * @row: a row, or %EVIDENT_HEATMAP_TOTAL
 *
 * Returns: (nullable): the owner of the items in @row; %NULL for the
 *   unassigned row (the last) and for the totals
 */
const char *
evident_heatmap_get_owner (const EvidentHeatmap *heatmap,
                           guint                 row)
{
  g_return_val_if_fail (heatmap != NULL, NULL);
  g_return_val_if_fail (row < heatmap->n_rows || row == EVIDENT_HEATMAP_TOTAL, NULL);

  if (row == EVIDENT_HEATMAP_TOTAL)
    return NULL;
  return heatmap->owners[row]; /* the terminating NULL for the last row */
}

/**
 * evident_heatmap_get_row_label:
 * @heatmap: a heat map
 * @row: a row, or %EVIDENT_HEATMAP_TOTAL
 *
 * Returns: the owner's name, or "Unassigned" or "Total", translated
 */
const char *
evident_heatmap_get_row_label (const EvidentHeatmap *heatmap,
                               guint                 row)
{
  g_return_val_if_fail (heatmap != NULL, NULL);
  g_return_val_if_fail (row < heatmap->n_rows || row == EVIDENT_HEATMAP_TOTAL, NULL);

  return evident_owner_rows_get_label (heatmap->owners, row);
}

/**
 * evident_heatmap_lookup_row:
 * @heatmap: a heat map
 * @owner: (nullable): an owner; %NULL or "" for the unassigned row
 * @row: (out): where to store the row
 *
 * Finds an owner's row, e.g. to keep the focus on it after an edit.
 *
 * Returns: whether @owner has a row (the unassigned row always exists)
 */
gboolean
evident_heatmap_lookup_row (const EvidentHeatmap *heatmap,
                            const char           *owner,
                            guint                *row)
{
  g_return_val_if_fail (heatmap != NULL, FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  return evident_owner_rows_lookup (heatmap->owners, heatmap->n_rows, owner, row);
}

/**
 * evident_heatmap_get_cell:
 * @heatmap: a heat map
 * @row: a row, or %EVIDENT_HEATMAP_TOTAL for the column totals
 * @column: a column, or %EVIDENT_HEATMAP_TOTAL for the row totals
 *
 * Returns: (transfer none): the numbers of one cell or total
 */
const EvidentHeatmapCell *
evident_heatmap_get_cell (const EvidentHeatmap *heatmap,
                          guint                 row,
                          guint                 column)
{
  g_return_val_if_fail (heatmap != NULL, NULL);
  g_return_val_if_fail (valid_position (heatmap, row, column), NULL);

  return cell_at (heatmap, row, column);
}

/**
 * evident_heatmap_get_value:
 * @heatmap: a heat map
 * @row: a row, or %EVIDENT_HEATMAP_TOTAL for the column totals
 * @column: a column, or %EVIDENT_HEATMAP_TOTAL for the row totals
 *
 * The number a cell shows for the heat map's metric: the open items, the
 * points at risk, or the share of items done in percent. Totals are worked
 * out the same way over all their items: the share done of a row is that of
 * the row's items, not an average of its cells' shares.
 *
 * Returns: the value; NAN for the share done of a cell without items
 */
double
evident_heatmap_get_value (const EvidentHeatmap *heatmap,
                           guint                 row,
                           guint                 column)
{
  g_return_val_if_fail (heatmap != NULL, NAN);
  g_return_val_if_fail (valid_position (heatmap, row, column), NAN);

  return cell_value (cell_at (heatmap, row, column), heatmap->metric);
}

/**
 * evident_heatmap_get_max_value:
 * @heatmap: a heat map
 *
 * The top of the colour scale: the largest value among the owner ×
 * complexity cells (not the totals), 0 when they are all 0; always 100 for
 * the share done, whose scale is fixed.
 *
 * Returns: the largest value
 */
double
evident_heatmap_get_max_value (const EvidentHeatmap *heatmap)
{
  double max = 0;

  g_return_val_if_fail (heatmap != NULL, 0);

  if (heatmap->metric == EVIDENT_HEATMAP_METRIC_DONE)
    return 100;

  for (guint r = 0; r < heatmap->n_rows; r++)
    for (guint c = 0; c < EVIDENT_HEATMAP_N_COLUMNS; c++)
      max = MAX (max, cell_value (cell_at (heatmap, r, c), heatmap->metric));

  return max;
}

/**
 * evident_heatmap_round_share:
 * @share: a share in percent, or NAN
 *
 * Rounds a share done to the one decimal it is shown with, except that a
 * share below 100 never becomes 100, nor one above 0 becomes 0: a cell
 * that shows 100 % has nothing left to do.
 *
 * Returns: the rounded share; NAN for NAN
 */
double
evident_heatmap_round_share (double share)
{
  double shown = round (share * 10) / 10;

  if (shown >= 100 && share < 100)
    return 99.9;
  if (shown <= 0 && share > 0)
    return 0.1;
  return shown;
}

/* A share for people, e.g. "66.7 %", "100 %". */
static char *
format_share (double share)
{
  double shown = evident_heatmap_round_share (share);

  if (shown == floor (shown))
    /* Translators: a share in percent, e.g. "60 %" */
    return g_strdup_printf (C_("heat map cell", "%.0f %%"), shown);
  /* Translators: a share in percent, e.g. "66.7 %" */
  return g_strdup_printf (C_("heat map cell", "%.1f %%"), shown);
}

/**
 * evident_heatmap_format_value:
 * @heatmap: a heat map
 * @row: a row, or %EVIDENT_HEATMAP_TOTAL for the column totals
 * @column: a column, or %EVIDENT_HEATMAP_TOTAL for the row totals
 *
 * The text a cell shows for the heat map's metric: a count, points, or a
 * share such as "66.7 %"; "—" for the share done of a cell without items.
 *
 * Returns: (transfer full): the text
 */
char *
evident_heatmap_format_value (const EvidentHeatmap *heatmap,
                              guint                 row,
                              guint                 column)
{
  const EvidentHeatmapCell *cell;

  g_return_val_if_fail (heatmap != NULL, NULL);
  g_return_val_if_fail (valid_position (heatmap, row, column), NULL);

  cell = cell_at (heatmap, row, column);
  switch (heatmap->metric)
    {
    case EVIDENT_HEATMAP_METRIC_OPEN:
      return g_strdup_printf ("%u", cell->n_open);
    case EVIDENT_HEATMAP_METRIC_RISK:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->points_at_risk);
    case EVIDENT_HEATMAP_METRIC_DONE:
      if (cell->n_items == 0)
        return g_strdup ("—");
      return format_share (cell_value (cell, EVIDENT_HEATMAP_METRIC_DONE));
    default:
      g_assert_not_reached ();
    }
}

static char *
describe_subject (const EvidentHeatmap *heatmap,
                  guint                 row,
                  guint                 column)
{
  const char *owner = evident_heatmap_get_row_label (heatmap, row);

  if (row == EVIDENT_HEATMAP_TOTAL && column == EVIDENT_HEATMAP_TOTAL)
    return g_strdup (C_("heat map cell", "All items"));

  if (column == EVIDENT_HEATMAP_TOTAL)
    /* Translators: %s is an owner, e.g. "Security lead", or "Unassigned" */
    return g_strdup_printf (C_("heat map cell", "%s, all complexities"), owner);

  if (row == EVIDENT_HEATMAP_TOTAL)
    {
      switch (column_complexities[column])
        {
        case EVIDENT_COMPLEXITY_LOW:
          return g_strdup (C_("heat map cell", "Low complexity, all owners"));
        case EVIDENT_COMPLEXITY_MEDIUM:
          return g_strdup (C_("heat map cell", "Medium complexity, all owners"));
        case EVIDENT_COMPLEXITY_HIGH:
          return g_strdup (C_("heat map cell", "High complexity, all owners"));
        case EVIDENT_COMPLEXITY_NONE:
          return g_strdup (C_("heat map cell", "Complexity not rated, all owners"));
        default:
          g_assert_not_reached ();
        }
    }

  /* Translators: in the following, %s is an owner, e.g. "Security lead",
   * or "Unassigned" */
  switch (column_complexities[column])
    {
    case EVIDENT_COMPLEXITY_LOW:
      return g_strdup_printf (C_("heat map cell", "%s, low complexity"), owner);
    case EVIDENT_COMPLEXITY_MEDIUM:
      return g_strdup_printf (C_("heat map cell", "%s, medium complexity"), owner);
    case EVIDENT_COMPLEXITY_HIGH:
      return g_strdup_printf (C_("heat map cell", "%s, high complexity"), owner);
    case EVIDENT_COMPLEXITY_NONE:
      return g_strdup_printf (C_("heat map cell", "%s, complexity not rated"), owner);
    default:
      g_assert_not_reached ();
    }
}

/**
 * evident_heatmap_describe_cell:
 * @heatmap: a heat map
 * @row: a row, or %EVIDENT_HEATMAP_TOTAL
 * @column: a column, or %EVIDENT_HEATMAP_TOTAL
 *
 * A sentence for a screen reader, e.g. "Security lead, high complexity:
 * 7 open items, 85 points at risk"; with the share done first when that is
 * the metric.
 *
 * Returns: (transfer full): the description, translated
 */
char *
evident_heatmap_describe_cell (const EvidentHeatmap *heatmap,
                               guint                 row,
                               guint                 column)
{
  g_autofree char *subject = NULL;
  g_autofree char *open = NULL;
  g_autofree char *risk = NULL;
  const EvidentHeatmapCell *cell;
  int risk_points;

  g_return_val_if_fail (heatmap != NULL, NULL);
  g_return_val_if_fail (valid_position (heatmap, row, column), NULL);

  cell = cell_at (heatmap, row, column);
  subject = describe_subject (heatmap, row, column);

  if (cell->n_items == 0)
    /* Translators: %s is e.g. "Security lead, high complexity" */
    return g_strdup_printf (C_("heat map cell", "%s: no items"), subject);

  open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open item", "%u open items",
                                       cell->n_open),
                          cell->n_open);

  /* A pass-fail checklist has no points: its items put only the
   * mandatory penalty "at risk", a number that means nothing to its
   * users. The open items say it all. */
  if (heatmap->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL)
    {
      if (heatmap->metric == EVIDENT_HEATMAP_METRIC_DONE)
        {
          g_autofree char *share = format_share (cell_value (cell, EVIDENT_HEATMAP_METRIC_DONE));
          g_autofree char *done = g_strdup_printf (C_("heat map cell", "%s done"), share);

          /* Translators: e.g. "Security lead, high complexity: 60 % done,
           * 2 open items" (a checklist without points) */
          return g_strdup_printf (C_("heat map cell", "%s: %s, %s"), subject, done, open);
        }
      /* Translators: e.g. "Security lead, high complexity: 7 open items"
       * (a checklist without points) */
      return g_strdup_printf (C_("heat map cell", "%s: %s"), subject, open);
    }
  /* Sums are 64-bit; a sentence saturates rather than wraps. */
  risk_points = (int) CLAMP (cell->points_at_risk, 0, G_MAXINT);
  risk = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d point at risk",
                                       "%d points at risk", risk_points),
                          risk_points);

  if (heatmap->metric == EVIDENT_HEATMAP_METRIC_DONE)
    {
      g_autofree char *share = format_share (cell_value (cell, EVIDENT_HEATMAP_METRIC_DONE));
      g_autofree char *done = NULL;

      /* Translators: share of the items done, e.g. "60 % done" (the
       * share comes with its percent sign) */
      done = g_strdup_printf (C_("heat map cell", "%s done"), share);
      /* Translators: e.g. "Security lead, high complexity: 60 % done,
       * 2 open items, 85 points at risk" */
      return g_strdup_printf (C_("heat map cell", "%s: %s, %s, %s"), subject, done, open, risk);
    }

  /* Translators: e.g. "Security lead, high complexity: 7 open items,
   * 85 points at risk" */
  return g_strdup_printf (C_("heat map cell", "%s: %s, %s"), subject, open, risk);
}

/**
 * evident_heatmap_column_get_complexity:
 * @column: a column, below %EVIDENT_HEATMAP_N_COLUMNS
 *
 * Returns: the complexity of the items in @column
 */
EvidentComplexity
evident_heatmap_column_get_complexity (guint column)
{
  g_return_val_if_fail (column < EVIDENT_HEATMAP_N_COLUMNS, EVIDENT_COMPLEXITY_NONE);
  return column_complexities[column];
}

/**
 * evident_heatmap_complexity_get_column:
 * @complexity: a complexity
 *
 * Returns: the column of the items of @complexity
 */
guint
evident_heatmap_complexity_get_column (EvidentComplexity complexity)
{
  switch (complexity)
    {
    case EVIDENT_COMPLEXITY_LOW:
      return 0;
    case EVIDENT_COMPLEXITY_MEDIUM:
      return 1;
    case EVIDENT_COMPLEXITY_HIGH:
      return 2;
    case EVIDENT_COMPLEXITY_NONE:
      return 3;
    default:
      g_return_val_if_reached (3);
    }
}

const char *
evident_heatmap_metric_to_string (EvidentHeatmapMetric metric)
{
  g_return_val_if_fail (metric < EVIDENT_HEATMAP_N_METRICS, NULL);
  return metric_names[metric];
}

gboolean
evident_heatmap_metric_from_string (const char           *string,
                                    EvidentHeatmapMetric *metric)
{
  g_return_val_if_fail (metric != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint m = 0; m < EVIDENT_HEATMAP_N_METRICS; m++)
    {
      if (g_ascii_strcasecmp (string, metric_names[m]) == 0)
        {
          *metric = m;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
evident_heatmap_metric_get_label (EvidentHeatmapMetric metric)
{
  switch (metric)
    {
    case EVIDENT_HEATMAP_METRIC_OPEN:
      return C_("heat map metric", "Open Items");
    case EVIDENT_HEATMAP_METRIC_RISK:
      return C_("heat map metric", "Points at Risk");
    case EVIDENT_HEATMAP_METRIC_DONE:
      return C_("heat map metric", "Share Done");
    default:
      g_return_val_if_reached (NULL);
    }
}
