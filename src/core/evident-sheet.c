/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-sheet.h"

struct _EvidentSheet
{
  gatomicrefcount  ref_count;
  char            *name;      /* NULL for a CSV file */
  GPtrArray       *rows;      /* of GPtrArray of char * (NULL: empty), or NULL */
  GArray          *lines;     /* of guint, the CSV line each row starts on; 0 unknown */
  GArray          *merges;    /* of EvidentSheetRange */
  guint            n_columns;
  GArray          *hidden_rows;    /* of guint8, or NULL: none hidden */
  GArray          *hidden_columns; /* of guint8, or NULL: none hidden */
  GHashTable      *shown;          /* cell key → char *, or NULL: none */
};

/* A cell as one number: a sheet has at most 2^20 rows of 2^14 columns. */
static guint64
cell_key (guint row, guint column)
{
  return ((guint64) row << 32) | column;
}

static void
set_flag (GArray **flags, guint index, gboolean value)
{
  if (*flags == NULL)
    {
      if (!value)
        return;
      *flags = g_array_new (FALSE, TRUE, sizeof (guint8));
    }
  if (index >= (*flags)->len)
    {
      if (!value)
        return;
      g_array_set_size (*flags, index + 1);
    }
  g_array_index (*flags, guint8, index) = !!value;
}

static gboolean
get_flag (GArray *flags, guint index)
{
  return flags != NULL && index < flags->len && g_array_index (flags, guint8, index);
}

static void
free_row (gpointer row)
{
  if (row != NULL)
    g_ptr_array_unref (row);
}

/**
 * evident_sheet_new:
 * @name: (nullable): the sheet's name in its workbook, or %NULL for a CSV file
 *
 * Returns: (transfer full): an empty sheet
 */
EvidentSheet *
evident_sheet_new (const char *name)
{
  EvidentSheet *self = g_new0 (EvidentSheet, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name);
  self->rows = g_ptr_array_new_with_free_func (free_row);
  self->lines = g_array_new (FALSE, TRUE, sizeof (guint));
  self->merges = g_array_new (FALSE, FALSE, sizeof (EvidentSheetRange));
  return self;
}

EvidentSheet *
evident_sheet_ref (EvidentSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
evident_sheet_unref (EvidentSheet *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->name);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->lines);
  g_array_unref (self->merges);
  g_clear_pointer (&self->hidden_rows, g_array_unref);
  g_clear_pointer (&self->hidden_columns, g_array_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_free (self);
}

/**
 * evident_sheet_get_name:
 *
 * Returns: (nullable): the sheet's name, or %NULL for a CSV file
 */
const char *
evident_sheet_get_name (EvidentSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

gboolean
evident_sheet_is_csv (EvidentSheet *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->name == NULL;
}

/**
 * evident_sheet_get_n_rows:
 *
 * Returns: one more than the last row that holds a cell or a line number
 */
guint
evident_sheet_get_n_rows (EvidentSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return MAX (self->rows->len, self->lines->len);
}

/**
 * evident_sheet_get_n_columns:
 *
 * Returns: one more than the last column that holds a cell
 */
guint
evident_sheet_get_n_columns (EvidentSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

/**
 * evident_sheet_get_cell:
 *
 * Returns: the cell's text, "" when it is empty or outside the grid
 */
const char *
evident_sheet_get_cell (EvidentSheet *self,
                        guint         row,
                        guint         column)
{
  GPtrArray *cells;
  const char *text;

  g_return_val_if_fail (self != NULL, "");

  if (row >= self->rows->len || (cells = g_ptr_array_index (self->rows, row)) == NULL
      || column >= cells->len)
    return "";
  text = g_ptr_array_index (cells, column);
  return text != NULL ? text : "";
}

/**
 * evident_sheet_set_cell:
 * @text: (nullable): the text; %NULL or "" empties the cell
 */
void
evident_sheet_set_cell (EvidentSheet *self,
                        guint         row,
                        guint         column,
                        const char   *text)
{
  GPtrArray *cells;

  g_return_if_fail (self != NULL);

  if (text == NULL || *text == '\0')
    {
      if (row < self->rows->len && (cells = g_ptr_array_index (self->rows, row)) != NULL
          && column < cells->len)
        g_clear_pointer (&g_ptr_array_index (cells, column), g_free);
      return;
    }

  if (row >= self->rows->len)
    g_ptr_array_set_size (self->rows, row + 1);
  cells = g_ptr_array_index (self->rows, row);
  if (cells == NULL)
    {
      cells = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_index (self->rows, row) = cells;
    }
  if (column >= cells->len)
    g_ptr_array_set_size (cells, column + 1);
  g_free (g_ptr_array_index (cells, column));
  g_ptr_array_index (cells, column) = g_strdup (text);
  self->n_columns = MAX (self->n_columns, column + 1);
}

/**
 * evident_sheet_set_cell_shown:
 * @text: (nullable): how the spreadsheet shows the cell, when that is not
 *   its text: a number cell formatted `0.00` holds "1.1" and shows "1.10";
 *   %NULL forgets it
 */
void
evident_sheet_set_cell_shown (EvidentSheet *self,
                              guint         row,
                              guint         column,
                              const char   *text)
{
  guint64 key = cell_key (row, column);

  g_return_if_fail (self != NULL);

  if (text == NULL)
    {
      if (self->shown != NULL)
        g_hash_table_remove (self->shown, &key);
      return;
    }
  if (self->shown == NULL)
    self->shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_hash_table_insert (self->shown, g_memdup2 (&key, sizeof key), g_strdup (text));
}

/**
 * evident_sheet_get_cell_shown:
 *
 * Returns: the cell's text as the spreadsheet shows it (what identifiers
 *   are read from): the text set with evident_sheet_set_cell_shown(), else
 *   the cell's text
 */
const char *
evident_sheet_get_cell_shown (EvidentSheet *self,
                              guint         row,
                              guint         column)
{
  guint64     key = cell_key (row, column);
  const char *shown;

  g_return_val_if_fail (self != NULL, "");

  if (self->shown != NULL && (shown = g_hash_table_lookup (self->shown, &key)) != NULL)
    return shown;
  return evident_sheet_get_cell (self, row, column);
}

/**
 * evident_sheet_set_row_hidden:
 * @hidden: whether the spreadsheet hides the row (hidden by hand, by a
 *   filter or in a collapsed group)
 */
void
evident_sheet_set_row_hidden (EvidentSheet *self,
                              guint         row,
                              gboolean      hidden)
{
  g_return_if_fail (self != NULL);
  set_flag (&self->hidden_rows, row, hidden);
}

gboolean
evident_sheet_get_row_hidden (EvidentSheet *self,
                              guint         row)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return get_flag (self->hidden_rows, row);
}

/**
 * evident_sheet_set_column_hidden:
 * @hidden: whether the spreadsheet hides the column
 */
void
evident_sheet_set_column_hidden (EvidentSheet *self,
                                 guint         column,
                                 gboolean      hidden)
{
  g_return_if_fail (self != NULL);
  set_flag (&self->hidden_columns, column, hidden);
}

gboolean
evident_sheet_get_column_hidden (EvidentSheet *self,
                                 guint         column)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return get_flag (self->hidden_columns, column);
}

/**
 * evident_sheet_row_get_n_filled:
 *
 * Returns: how many cells of @row hold text that is not only white space
 */
guint
evident_sheet_row_get_n_filled (EvidentSheet *self,
                                guint         row)
{
  GPtrArray *cells;
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (row >= self->rows->len || (cells = g_ptr_array_index (self->rows, row)) == NULL)
    return 0;

  for (guint c = 0; c < cells->len; c++)
    {
      const char *p = g_ptr_array_index (cells, c);

      /* White space includes the non-breaking space spreadsheets scatter. */
      for (; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        {
          if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0xa0)
            {
              n++;
              break;
            }
        }
    }
  return n;
}

/**
 * evident_sheet_row_is_empty:
 *
 * Returns: whether no cell of @row holds more than white space, as for a
 *   row the file leaves out
 */
gboolean
evident_sheet_row_is_empty (EvidentSheet *self,
                            guint         row)
{
  return evident_sheet_row_get_n_filled (self, row) == 0;
}

/**
 * evident_sheet_set_row_line:
 * @line: the line of the CSV file on which @row starts, from 1
 */
void
evident_sheet_set_row_line (EvidentSheet *self,
                            guint         row,
                            guint         line)
{
  g_return_if_fail (self != NULL);

  if (row >= self->lines->len)
    g_array_set_size (self->lines, row + 1);
  g_array_index (self->lines, guint, row) = line;
}

/**
 * evident_sheet_get_row_line:
 *
 * Returns: the CSV line on which @row starts, or for a workbook sheet (or a
 *   row without a line) the spreadsheet row number, @row + 1
 */
guint
evident_sheet_get_row_line (EvidentSheet *self,
                            guint         row)
{
  guint line = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (row < self->lines->len)
    line = g_array_index (self->lines, guint, row);
  return line != 0 ? line : row + 1;
}

void
evident_sheet_add_merge (EvidentSheet            *self,
                         const EvidentSheetRange *range)
{
  EvidentSheetRange copy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (range != NULL);

  copy.first_row = MIN (range->first_row, range->last_row);
  copy.last_row = MAX (range->first_row, range->last_row);
  copy.first_column = MIN (range->first_column, range->last_column);
  copy.last_column = MAX (range->first_column, range->last_column);
  g_array_append_val (self->merges, copy);
}

guint
evident_sheet_get_n_merges (EvidentSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->merges->len;
}

const EvidentSheetRange *
evident_sheet_get_merge (EvidentSheet *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->merges->len, NULL);
  return &g_array_index (self->merges, EvidentSheetRange, index);
}

/**
 * evident_sheet_find_merge:
 *
 * Returns: (nullable): the merged range that covers the cell, if any
 */
const EvidentSheetRange *
evident_sheet_find_merge (EvidentSheet *self,
                          guint         row,
                          guint         column)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->merges->len; i++)
    {
      const EvidentSheetRange *range = &g_array_index (self->merges, EvidentSheetRange, i);

      if (row >= range->first_row && row <= range->last_row && column >= range->first_column
          && column <= range->last_column)
        return range;
    }
  return NULL;
}

/**
 * evident_sheet_column_name:
 *
 * Returns: (transfer full): the spreadsheet letters of @column: A, …, Z, AA, …
 */
char *
evident_sheet_column_name (guint column)
{
  char letters[8];
  int i = G_N_ELEMENTS (letters) - 1;
  guint64 n = (guint64) column + 1;

  letters[i] = '\0';
  while (n > 0 && i > 0)
    {
      n--;
      letters[--i] = 'A' + n % 26;
      n /= 26;
    }

  return g_strdup (letters + i);
}

/**
 * evident_sheet_describe_row:
 *
 * Returns: (transfer full): where @row is, for a message: “Line 14” in a
 *   CSV file, “Sheet “Security”, row 14” in a workbook
 */
char *
evident_sheet_describe_row (EvidentSheet *self,
                            guint         row)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->name == NULL)
    return g_strdup_printf (_("Line %u"), evident_sheet_get_row_line (self, row));
  /* Translators: a place in a workbook, e.g. Sheet “Security”, row 14 */
  return g_strdup_printf (_("Sheet “%s”, row %u"), self->name, row + 1);
}

/**
 * evident_sheet_describe_cell:
 *
 * Returns: (transfer full): where the cell is, for a message: “Line 14,
 *   column 3” in a CSV file, “Sheet “Security”, cell C14” in a workbook
 */
char *
evident_sheet_describe_cell (EvidentSheet *self,
                             guint         row,
                             guint         column)
{
  g_autofree char *letters = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->name == NULL)
    return g_strdup_printf (_("Line %u, column %u"), evident_sheet_get_row_line (self, row),
                            column + 1);
  letters = evident_sheet_column_name (column);
  /* Translators: a place in a workbook, e.g. Sheet “Security”, cell C14 */
  return g_strdup_printf (_("Sheet “%s”, cell %s%u"), self->name, letters, row + 1);
}
