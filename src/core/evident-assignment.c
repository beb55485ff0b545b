/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Hungarian method in its shortest-augmenting-path form (Kuhn and
 * Munkres, as Jonker and Volgenant and most textbooks write it today):
 * rows are added one at a time, and each finds the cheapest way into the
 * matching along reduced costs kept non-negative by row and column
 * potentials. O(n² m) for n rows and m ≥ n columns, in integers, so that
 * the result is exact and the same on every machine. */

#include "config.h"

#include "evident-assignment.h"

#define INFINITE_COST G_MAXINT64

typedef struct
{
  const gint64 *cost;
  guint         n_rows;  /* ≤ n_cols */
  guint         n_cols;
  gboolean      transposed;
} Problem;

static inline gint64
problem_cost (const Problem *problem,
              guint          row,
              guint          col)
{
  if (problem->transposed)
    return problem->cost[(gsize) col * problem->n_rows + row];
  return problem->cost[(gsize) row * problem->n_cols + col];
}

/* Rows and columns from 1 below; column 0 is the row being added. */
static void
solve (const Problem *problem,
       int           *col_of_row)
{
  guint n = problem->n_rows;
  guint m = problem->n_cols;
  g_autofree gint64 *u = g_new0 (gint64, n + 1);
  g_autofree gint64 *v = g_new0 (gint64, m + 1);
  g_autofree guint *row_of_col = g_new0 (guint, m + 1);
  g_autofree guint *way = g_new0 (guint, m + 1);
  g_autofree gint64 *min_reduced = g_new (gint64, m + 1);
  g_autofree gboolean *used = g_new (gboolean, m + 1);

  for (guint i = 1; i <= n; i++)
    {
      guint col = 0;

      row_of_col[0] = i;
      for (guint j = 0; j <= m; j++)
        {
          min_reduced[j] = INFINITE_COST;
          used[j] = FALSE;
        }

      /* Grow a tree of tight edges from row i until it reaches a free column. */
      do
        {
          guint row = row_of_col[col];
          gint64 delta = INFINITE_COST;
          guint next = 0;

          used[col] = TRUE;
          for (guint j = 1; j <= m; j++)
            {
              gint64 reduced;

              if (used[j])
                continue;
              reduced = problem_cost (problem, row - 1, j - 1) - u[row] - v[j];
              if (reduced < min_reduced[j])
                {
                  min_reduced[j] = reduced;
                  way[j] = col;
                }
              if (min_reduced[j] < delta)
                {
                  delta = min_reduced[j];
                  next = j;
                }
            }
          g_assert (next != 0);

          for (guint j = 0; j <= m; j++)
            {
              if (used[j])
                {
                  u[row_of_col[j]] += delta;
                  v[j] -= delta;
                }
              else
                min_reduced[j] -= delta;
            }
          col = next;
        }
      while (row_of_col[col] != 0);

      /* Flip the path back to row i. */
      do
        {
          guint previous = way[col];

          row_of_col[col] = row_of_col[previous];
          col = previous;
        }
      while (col != 0);
    }

  for (guint j = 1; j <= m; j++)
    {
      if (row_of_col[j] != 0)
        col_of_row[row_of_col[j] - 1] = j - 1;
    }
}

/**
 * evident_assignment_solve:
 * @cost: (array): the cost of pairing row i with column j at
 *   `cost[i * n_cols + j]`, each within ±%EVIDENT_ASSIGNMENT_MAX_COST
 * @n_rows: the number of rows
 * @n_cols: the number of columns
 * @row_to_col: (out caller-allocates) (array length=n_rows): the column of
 *   each row, or -1 for a row left over when there are fewer columns
 *
 * Pairs rows with columns one to one at the least total cost: every row
 * gets a column when there are at least as many columns as rows, every
 * column a row otherwise. Among pairings of equal cost, the result is the
 * same for the same matrix.
 *
 * Returns: the total cost of the pairing
 */
gint64
evident_assignment_solve (const gint64 *cost,
                          guint         n_rows,
                          guint         n_cols,
                          int          *row_to_col)
{
  Problem problem = { cost, n_rows, n_cols, FALSE };
  g_autofree int *col_to_row = NULL;
  gint64 total = 0;

  g_return_val_if_fail (cost != NULL || n_rows == 0 || n_cols == 0, 0);
  g_return_val_if_fail (row_to_col != NULL || n_rows == 0, 0);

  for (guint i = 0; i < n_rows; i++)
    row_to_col[i] = -1;
  if (n_rows == 0 || n_cols == 0)
    return 0;

  if (n_rows <= n_cols)
    solve (&problem, row_to_col);
  else
    {
      /* More rows than columns: solve the transposed problem. */
      problem.n_rows = n_cols;
      problem.n_cols = n_rows;
      problem.transposed = TRUE;
      col_to_row = g_new (int, n_cols);
      for (guint j = 0; j < n_cols; j++)
        col_to_row[j] = -1;
      solve (&problem, col_to_row);
      for (guint j = 0; j < n_cols; j++)
        {
          if (col_to_row[j] >= 0)
            row_to_col[col_to_row[j]] = j;
        }
    }

  for (guint i = 0; i < n_rows; i++)
    {
      if (row_to_col[i] >= 0)
        total += cost[(gsize) i * n_cols + row_to_col[i]];
    }
  return total;
}
