/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The assignment problem: pair the rows of a cost matrix with its columns,
 * one to one, at the least total cost. Pure: no database, no objects. */

#include <glib.h>

G_BEGIN_DECLS

/* The largest cost the solver takes, in either sign: sums over thousands of
 * rows stay far from overflowing. */
#define EVIDENT_ASSIGNMENT_MAX_COST ((gint64) 1 << 40)

gint64 evident_assignment_solve (const gint64 *cost,
                                 guint         n_rows,
                                 guint         n_cols,
                                 int          *row_to_col);

G_END_DECLS
