/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Who has to finish what by when: the open items of each owner by the ISO
 * week they are due, up to the audit date, with the effort they take;
 * overdue items. */

#include "config.h"


#include <glib/gi18n.h>

#include "evident-enums-util.h"
#include "evident-item-private.h"
#include "evident-owner-rows.h"
#include "evident-workload.h"

static const char *bucket_names[] = { "overdue", "week", "later", "no-date" };

/* An open item, where it goes. */
typedef struct
{
  EvidentItem *item;
  guint        owner;   /* 0: unassigned; else index into the names + 1 */
  gint64       due;     /* Julian day, or 0 for none */
  gint64       effort;  /* hundredths of a day */
} Entry;

static inline EvidentWorkloadCell *
cell_at (const EvidentWorkload *workload,
         guint                  row,
         guint                  column)
{
  if (row == EVIDENT_WORKLOAD_TOTAL)
    row = workload->n_rows;
  if (column == EVIDENT_WORKLOAD_TOTAL)
    column = workload->n_columns;
  g_assert (row <= workload->n_rows);
  g_assert (column <= workload->n_columns);

  return &workload->cells[row * (workload->n_columns + 1) + column];
}

static gint64
monday_of (gint64 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return julian - (g_date_get_weekday (&date) - G_DATE_MONDAY);
}

/* The week columns: from this week to the audit's, or without an audit
 * date to the latest due date; at least this week. */
static void
set_columns (EvidentWorkload *workload,
             GArray          *entries)
{
  gint64 first = monday_of (g_date_get_julian (&workload->today));
  gint64 last = first;
  guint n_weeks;

  if (g_date_valid (&workload->audit_date))
    last = monday_of (g_date_get_julian (&workload->audit_date));
  else
    {
      for (guint i = 0; i < entries->len; i++)
        last = MAX (last, monday_of (MAX (g_array_index (entries, Entry, i).due, first)));
    }
  n_weeks = last < first ? 0 : (guint) MIN ((last - first) / 7 + 1, EVIDENT_WORKLOAD_MAX_WEEKS);

  workload->n_columns = n_weeks + 3;
  workload->columns = g_new0 (EvidentWorkloadColumn, workload->n_columns);
  workload->columns[0].bucket = EVIDENT_WORKLOAD_OVERDUE;
  for (guint w = 0; w < n_weeks; w++)
    {
      EvidentWorkloadColumn *column = &workload->columns[w + 1];
      GDate thursday;

      column->bucket = EVIDENT_WORKLOAD_WEEK;
      g_date_clear (&column->monday, 1);
      g_date_set_julian (&column->monday, first + 7 * w);
      /* The ISO year is the year of the week's Thursday. */
      thursday = column->monday;
      g_date_add_days (&thursday, 3);
      column->iso_year = g_date_get_year (&thursday);
      column->iso_week = g_date_get_iso8601_week_of_year (&column->monday);
    }
  workload->columns[n_weeks + 1].bucket = EVIDENT_WORKLOAD_LATER;
  workload->columns[n_weeks + 2].bucket = EVIDENT_WORKLOAD_NO_DATE;
}

static guint
column_of (const EvidentWorkload *workload,
           gint64                 due)
{
  gint64 today = g_date_get_julian (&workload->today);
  gint64 week;
  guint n_weeks = workload->n_columns - 3;

  if (due == 0)
    return workload->n_columns - 1;
  if (due < today)
    return 0;
  week = (monday_of (due) - monday_of (today)) / 7;
  return week < n_weeks ? (guint) week + 1 : n_weeks + 1;
}

static void
cell_add (EvidentWorkloadCell *cell,
          EvidentItem         *item,
          gint64               effort)
{
  if (cell->items == NULL)
    cell->items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (cell->items, g_object_ref (item));
  /* Hundredths of a day until the end, so that sums are exact. */
  cell->effort += effort;
}

/**
 * evident_workload_compute_for_items:
 * @settings: the efforts per complexity and the audit date
 * @items: the items (#EvidentItem), in checklist order
 * @today: the day to count from
 *
 * Sorts the open items (not counted in the projected view) by owner and
 * by when they are due: overdue (before @today), each ISO week from
 * @today's to the audit date's, later, or no due date.
 *
 * Returns: (transfer full): the workload
 */
EvidentWorkload *
evident_workload_compute_for_items (const EvidentPlanSettings *settings,
                                    GListModel                *items,
                                    const GDate               *today)
{
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autofree guint *sources = NULL;
  g_autofree guint *rows = NULL;
  EvidentWorkload *workload;
  guint n_items;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      Entry entry = { item, 0, 0, 0 };
      GDate due;

      if (evident_status_counts_in (item->status, EVIDENT_VIEW_PROJECTED))
        continue;
      if (item->owner != NULL)
        {
          entry.owner = GPOINTER_TO_UINT (g_hash_table_lookup (index, item->owner));
          if (entry.owner == 0)
            {
              g_ptr_array_add (names, g_strdup (item->owner));
              entry.owner = names->len;
              g_hash_table_insert (index, g_ptr_array_index (names, names->len - 1),
                                   GUINT_TO_POINTER (entry.owner));
            }
        }
      if (item->due != NULL && evident_date_parse (item->due, &due))
        entry.due = g_date_get_julian (&due);
      entry.effort = evident_days_to_hundredths (
          evident_plan_settings_item_effort (settings, item, NULL));
      g_object_ref (item);
      g_array_append_val (entries, entry);
    }

  workload = g_new0 (EvidentWorkload, 1);
  workload->today = *today;
  workload->audit_date = settings->audit_date;
  /* Owners sorted ignoring case, then the unassigned row; rows[] finds
   * an entry's row. */
  sources = g_new (guint, names->len + 1);
  rows = g_new (guint, names->len + 1);
  workload->owners = evident_owner_rows_sort (names, sources);
  workload->n_rows = names->len + 1;
  for (guint r = 0; r < workload->n_rows; r++)
    rows[sources[r]] = r;
  set_columns (workload, entries);
  workload->cells = g_new0 (EvidentWorkloadCell,
                            (workload->n_rows + 1) * (workload->n_columns + 1));

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      guint row = rows[entry->owner];
      guint column = column_of (workload, entry->due);

      cell_add (cell_at (workload, row, column), entry->item, entry->effort);
      cell_add (cell_at (workload, row, EVIDENT_WORKLOAD_TOTAL), entry->item, entry->effort);
      cell_add (cell_at (workload, EVIDENT_WORKLOAD_TOTAL, column), entry->item, entry->effort);
      cell_add (cell_at (workload, EVIDENT_WORKLOAD_TOTAL, EVIDENT_WORKLOAD_TOTAL), entry->item,
                entry->effort);
      g_object_unref (entry->item);
    }

  for (guint c = 0; c < (workload->n_rows + 1) * (workload->n_columns + 1); c++)
    {
      EvidentWorkloadCell *cell = &workload->cells[c];

      if (cell->items == NULL)
        cell->items = g_ptr_array_new_with_free_func (g_object_unref);
      cell->effort /= 100.0;
    }
  return workload;
}

/**
 * evident_workload_compute:
 * @project: a project
 * @today: the day to count from
 *
 * evident_workload_compute_for_items() over the project's items, with its
 * plan settings.
 *
 * Returns: (transfer full): the workload
 */
EvidentWorkload *
evident_workload_compute (EvidentProject *project,
                          const GDate    *today)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);

  return evident_workload_compute_for_items (evident_project_get_plan_settings (project),
                                             evident_project_get_items (project), today);
}

void
evident_workload_free (EvidentWorkload *workload)
{
  if (workload == NULL)
    return;

  for (guint c = 0; workload->cells != NULL && c < (workload->n_rows + 1) * (workload->n_columns + 1);
       c++)
    g_clear_pointer (&workload->cells[c].items, g_ptr_array_unref);
  g_clear_pointer (&workload->cells, g_free);
  g_clear_pointer (&workload->columns, g_free);
  g_clear_pointer (&workload->owners, g_strfreev);
  g_free (workload);
}

/**
 * evident_workload_get_cell:
 * @workload: a workload
 * @row: a row, or %EVIDENT_WORKLOAD_TOTAL
 * @column: a column, or %EVIDENT_WORKLOAD_TOTAL
 *
 * Returns: (transfer none): the cell
 */
const EvidentWorkloadCell *
evident_workload_get_cell (const EvidentWorkload *workload,
                           guint                  row,
                           guint                  column)
{
  g_return_val_if_fail (workload != NULL, NULL);
  g_return_val_if_fail (row < workload->n_rows || row == EVIDENT_WORKLOAD_TOTAL, NULL);
  g_return_val_if_fail (column < workload->n_columns || column == EVIDENT_WORKLOAD_TOTAL, NULL);

  return cell_at (workload, row, column);
}

/**
 * evident_workload_get_owner:
 * @workload: a workload
 * @row: a row, or %EVIDENT_WORKLOAD_TOTAL
 *
 * Returns: (nullable): the owner of the items in @row; %NULL for the
 *   unassigned row (the last) and for the totals
 */
const char *
evident_workload_get_owner (const EvidentWorkload *workload,
                            guint                  row)
{
  g_return_val_if_fail (workload != NULL, NULL);
  g_return_val_if_fail (row < workload->n_rows || row == EVIDENT_WORKLOAD_TOTAL, NULL);

  if (row == EVIDENT_WORKLOAD_TOTAL)
    return NULL;
  return workload->owners[row];
}

/**
 * evident_workload_get_row_label:
 *
 * Returns: the owner's name, or "Unassigned" or "Total", translated
 */
const char *
evident_workload_get_row_label (const EvidentWorkload *workload,
                                guint                  row)
{
  g_return_val_if_fail (workload != NULL, NULL);
  g_return_val_if_fail (row < workload->n_rows || row == EVIDENT_WORKLOAD_TOTAL, NULL);

  return evident_owner_rows_get_label (workload->owners, row);
}

/**
 * evident_workload_lookup_row:
 * @workload: a workload
 * @owner: (nullable): an owner; %NULL or "" for the unassigned row
 * @row: (out): where to store the row
 *
 * Returns: whether @owner has a row (the unassigned row always exists)
 */
gboolean
evident_workload_lookup_row (const EvidentWorkload *workload,
                             const char            *owner,
                             guint                 *row)
{
  g_return_val_if_fail (workload != NULL, FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  return evident_owner_rows_lookup (workload->owners, workload->n_rows, owner, row);
}

/**
 * evident_workload_dup_column_label:
 * @workload: a workload
 * @column: a column
 *
 * Returns: (transfer full): "Overdue", "Later", "No date", or a week as
 *   ISO 8601 writes it, e.g. "2026-W09"
 */
char *
evident_workload_dup_column_label (const EvidentWorkload *workload,
                                   guint                  column)
{
  const EvidentWorkloadColumn *c;

  g_return_val_if_fail (workload != NULL, NULL);
  g_return_val_if_fail (column < workload->n_columns, NULL);

  c = &workload->columns[column];
  switch (c->bucket)
    {
    case EVIDENT_WORKLOAD_OVERDUE:
      return g_strdup (C_("workload", "Overdue"));
    case EVIDENT_WORKLOAD_WEEK:
      return g_strdup_printf ("%04u-W%02u", c->iso_year, c->iso_week);
    case EVIDENT_WORKLOAD_LATER:
      return g_strdup (C_("workload", "Later"));
    case EVIDENT_WORKLOAD_NO_DATE:
      return g_strdup (C_("workload", "No date"));
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
evident_workload_bucket_to_string (EvidentWorkloadBucket bucket)
{
  g_return_val_if_fail (bucket < G_N_ELEMENTS (bucket_names), NULL);
  return bucket_names[bucket];
}

/**
 * evident_workload_count_overdue:
 * @items: the items (#EvidentItem)
 * @chapter: (nullable): only the items of this chapter (its number)
 * @today: the day to judge by
 *
 * For the list and the sidebar: how many items are overdue
 * (evident_item_is_overdue()).
 *
 * Returns: the number of overdue items
 */
guint
evident_workload_count_overdue (GListModel  *items,
                                const char  *chapter,
                                const GDate *today)
{
  guint n_items;
  guint n_overdue = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if ((chapter == NULL || g_str_equal (item->chapter, chapter))
          && evident_item_is_overdue (item, today))
        n_overdue++;
    }
  return n_overdue;
}
