/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-plan-settings.h"
#include "evident-project.h"
#include "evident-types.h"

G_BEGIN_DECLS

/**
 * EvidentWorkloadBucket:
 * @EVIDENT_WORKLOAD_OVERDUE: due before today
 * @EVIDENT_WORKLOAD_WEEK: due in one ISO week, from this week to the
 *   audit's
 * @EVIDENT_WORKLOAD_LATER: due after the last week shown
 * @EVIDENT_WORKLOAD_NO_DATE: without a due date
 *
 * What a column of a workload holds. The nick of each value is its
 * spelling in JSON.
 */
typedef enum
{
  EVIDENT_WORKLOAD_OVERDUE, /*< nick=overdue >*/
  EVIDENT_WORKLOAD_WEEK,    /*< nick=week >*/
  EVIDENT_WORKLOAD_LATER,   /*< nick=later >*/
  EVIDENT_WORKLOAD_NO_DATE, /*< nick=no-date >*/
} EvidentWorkloadBucket;

/* Weeks shown at most, without an audit date or before a distant one. */
#define EVIDENT_WORKLOAD_MAX_WEEKS 104

/* Pass as a row or a column to get the totals, as with the heat map. */
#define EVIDENT_WORKLOAD_TOTAL G_MAXUINT

/**
 * EvidentWorkloadColumn:
 * @bucket: what the column holds
 * @monday: for a week, its Monday
 * @iso_year: for a week, the ISO 8601 week-numbering year
 * @iso_week: for a week, the ISO 8601 week number, 1 to 53
 */
typedef struct
{
  EvidentWorkloadBucket bucket;
  GDate                 monday;
  guint                 iso_year;
  guint                 iso_week;
} EvidentWorkloadColumn;

/**
 * EvidentWorkloadCell:
 * @items: (element-type EvidentItem): the open items, in checklist order
 * @effort: the days they take (estimates, else efforts per complexity)
 */
typedef struct
{
  GPtrArray *items;
  double     effort;
} EvidentWorkloadCell;

/**
 * EvidentWorkload:
 * @today: the day it was computed for
 * @audit_date: the audit date it runs to; not valid when none is set
 * @owners: the owners with at least one open item, sorted by name
 *   ignoring case
 * @n_rows: one row per owner, then the "Unassigned" row, always last
 * @n_columns: the columns: overdue first, then one per week from this
 *   week to the audit's (without an audit date, to the latest due date;
 *   at most %EVIDENT_WORKLOAD_MAX_WEEKS), then later, then no date; all
 *   present even when empty
 * @columns: (array length=n_columns): what each column holds
 *
 * The open items (not counted in the projected view) of each owner by
 * when they are due, with the effort they take: owner × week → items,
 * effort. Every open item is in exactly one cell.
 */
typedef struct
{
  GDate                  today;
  GDate                  audit_date;
  char                 **owners;
  guint                  n_rows;
  guint                  n_columns;
  EvidentWorkloadColumn *columns;

  /*< private >*/
  EvidentWorkloadCell   *cells; /* (n_rows + 1) × (n_columns + 1), totals last */
} EvidentWorkload;

EvidentWorkload           *evident_workload_compute           (EvidentProject            *project,
                                                               const GDate               *today);
EvidentWorkload           *evident_workload_compute_for_items (const EvidentPlanSettings *settings,
                                                               GListModel                *items,
                                                               const GDate               *today);
void                       evident_workload_free              (EvidentWorkload           *workload);

const EvidentWorkloadCell *evident_workload_get_cell          (const EvidentWorkload     *workload,
                                                               guint                      row,
                                                               guint                      column);
const char                *evident_workload_get_owner         (const EvidentWorkload     *workload,
                                                               guint                      row);
const char                *evident_workload_get_row_label     (const EvidentWorkload     *workload,
                                                               guint                      row);
gboolean                   evident_workload_lookup_row        (const EvidentWorkload     *workload,
                                                               const char                *owner,
                                                               guint                     *row);
char                      *evident_workload_dup_column_label  (const EvidentWorkload     *workload,
                                                               guint                      column);
const char                *evident_workload_bucket_to_string  (EvidentWorkloadBucket      bucket);

guint                      evident_workload_count_overdue     (GListModel                *items,
                                                               const char                *chapter,
                                                               const GDate               *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentWorkload, evident_workload_free)

G_END_DECLS
