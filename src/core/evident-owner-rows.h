/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rows of a matrix by owner (the heat map, the workload): one per
 * owner, sorted by name ignoring case, then the unassigned row, always
 * last. Private to the core. */

/* A row that stands for the totals (EVIDENT_HEATMAP_TOTAL,
 * EVIDENT_WORKLOAD_TOTAL). */
#define EVIDENT_OWNER_ROWS_TOTAL G_MAXUINT

char       **evident_owner_rows_sort      (GPtrArray   *names,
                                           guint       *sources);
const char  *evident_owner_rows_get_label (char *const *owners,
                                           guint        row);
gboolean     evident_owner_rows_lookup    (char *const *owners,
                                           guint        n_rows,
                                           const char  *owner,
                                           guint       *row);

G_END_DECLS
