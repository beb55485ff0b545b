/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "evident-atomic-write.h"
#include "evident-sheet.h"
#include "evident-xml-scan.h"
#include "evident-xlsx-writer.h"

/* The longest sheet name Excel takes, in characters. */
#define MAX_SHEET_NAME 31

/* Automatic column widths, in characters. */
#define AUTO_WIDTH_MIN      8
#define AUTO_WIDTH_MAX      50
#define AUTO_WIDTH_WRAP_MAX 80

/* How many rows are written between looks at the cancellable. */
#define CANCEL_CHECK_ROWS 256

typedef struct
{
  char                   *header;
  double                  width; /* <= 0: automatic */
  EvidentXlsxColumnFlags  flags;
} Column;

typedef enum
{
  CELL_EMPTY,
  CELL_TEXT,
  CELL_NUMBER,
} CellKind;

typedef struct
{
  CellKind kind;
  union
  {
    char   *text;
    double  number;
  };
} Cell;

struct _EvidentXlsxTable
{
  char      *name;
  GArray    *columns; /* of Column */
  GPtrArray *rows;    /* of GArray of Cell */
};

/* The formats a workbook's tables share. */
typedef struct
{
  lxw_format *header;
  lxw_format *top;
  lxw_format *wrap;
} Formats;

G_DEFINE_QUARK (evident-xlsx-writer-error-quark, evident_xlsx_writer_error)

static void
clear_column (gpointer data)
{
  Column *column = data;

  g_free (column->header);
}

static void
clear_cell (gpointer data)
{
  Cell *cell = data;

  if (cell->kind == CELL_TEXT)
    g_free (cell->text);
  cell->kind = CELL_EMPTY;
}

static void
free_row (gpointer data)
{
  g_array_unref (data);
}

/* A place in a workbook, e.g. Sheet “Items”, cell D14 (as EvidentSheet
 * says it). */
static char *
describe_cell (const char *sheet,
               guint       row,
               guint       column)
{
  g_autofree char *letters = evident_sheet_column_name (column);

  /* Translators: a place in a workbook, e.g. Sheet “Security”, cell C14 */
  return g_strdup_printf (_("Sheet “%s”, cell %s%u"), sheet, letters, row + 1);
}

/**
 * evident_xlsx_table_new:
 * @sheet_name: the sheet's name; characters a sheet name may not hold
 *   (`[ ] : * ? / \`) become "-", a name longer than 31 characters is
 *   shortened and a name used twice in a workbook is numbered
 *
 * Returns: (transfer full): a table with no columns and no rows
 */
EvidentXlsxTable *
evident_xlsx_table_new (const char *sheet_name)
{
  EvidentXlsxTable *self;

  g_return_val_if_fail (sheet_name != NULL, NULL);

  self = g_new0 (EvidentXlsxTable, 1);
  self->name = g_strdup (sheet_name);
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, clear_column);
  self->rows = g_ptr_array_new_with_free_func (free_row);
  return self;
}

void
evident_xlsx_table_free (EvidentXlsxTable *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_array_unref (self->columns);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

const char *
evident_xlsx_table_get_name (EvidentXlsxTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

/**
 * evident_xlsx_table_add_column:
 * @header: the column's name in the header row
 * @width: the width in characters, or 0 to fit the content (up to 50
 *   characters, 80 for wrapped text)
 * @flags: how the column shows its text
 *
 * Returns: the column's index, from 0
 */
guint
evident_xlsx_table_add_column (EvidentXlsxTable       *self,
                               const char             *header,
                               double                  width,
                               EvidentXlsxColumnFlags  flags)
{
  Column column = { g_strdup (header), width, flags };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (header != NULL, 0);

  g_array_append_val (self->columns, column);
  return self->columns->len - 1;
}

/**
 * evident_xlsx_table_add_row:
 *
 * Appends an empty row below the header.
 *
 * Returns: the row's index, from 0 for the first row below the header
 */
guint
evident_xlsx_table_add_row (EvidentXlsxTable *self)
{
  GArray *row;

  g_return_val_if_fail (self != NULL, 0);

  row = g_array_sized_new (FALSE, TRUE, sizeof (Cell), self->columns->len);
  g_array_set_clear_func (row, clear_cell);
  g_ptr_array_add (self->rows, row);
  return self->rows->len - 1;
}

static Cell *
get_cell (EvidentXlsxTable *self,
          guint             row,
          guint             column)
{
  GArray *cells = g_ptr_array_index (self->rows, row);
  Cell *cell;

  if (column >= cells->len)
    g_array_set_size (cells, column + 1);
  cell = &g_array_index (cells, Cell, column);
  clear_cell (cell);
  return cell;
}

/**
 * evident_xlsx_table_set_string:
 * @row: a row from evident_xlsx_table_add_row()
 * @column: a column from evident_xlsx_table_add_column()
 * @text: (nullable): UTF-8 text, line breaks kept; %NULL or "" for an
 *   empty cell
 *
 * Sets a cell's text. Text is always text: "=1+1" is not a formula.
 */
void
evident_xlsx_table_set_string (EvidentXlsxTable *self,
                               guint             row,
                               guint             column,
                               const char       *text)
{
  Cell *cell;

  g_return_if_fail (self != NULL);
  g_return_if_fail (row < self->rows->len);
  g_return_if_fail (column < self->columns->len);

  cell = get_cell (self, row, column);
  if (text == NULL || *text == '\0')
    return;
  cell->kind = CELL_TEXT;
  cell->text = g_utf8_make_valid (text, -1);
}

/**
 * evident_xlsx_table_set_number:
 * @row: a row from evident_xlsx_table_add_row()
 * @column: a column from evident_xlsx_table_add_column()
 * @value: a finite number
 *
 * Sets a cell to a number.
 */
void
evident_xlsx_table_set_number (EvidentXlsxTable *self,
                               guint             row,
                               guint             column,
                               double            value)
{
  Cell *cell;

  g_return_if_fail (self != NULL);
  g_return_if_fail (row < self->rows->len);
  g_return_if_fail (column < self->columns->len);
  g_return_if_fail (isfinite (value));

  cell = get_cell (self, row, column);
  cell->kind = CELL_NUMBER;
  cell->number = value;
}

guint
evident_xlsx_table_get_n_rows (EvidentXlsxTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

guint
evident_xlsx_table_get_n_columns (EvidentXlsxTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->columns->len;
}

/* The longest line of @text, in characters. */
static gsize
longest_line (const char *text)
{
  gsize longest = 0;
  gsize current = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        current = 0;
      else if (++current > longest)
        longest = current;
    }
  return longest;
}

static double
column_width (EvidentXlsxTable *self,
              guint             index)
{
  const Column *column = &g_array_index (self->columns, Column, index);
  gsize longest;
  gsize limit = (column->flags & EVIDENT_XLSX_COLUMN_WRAP) ? AUTO_WIDTH_WRAP_MAX : AUTO_WIDTH_MAX;

  if (column->width > 0)
    return column->width;

  longest = longest_line (column->header);
  for (guint r = 0; r < self->rows->len && longest < limit; r++)
    {
      GArray *cells = g_ptr_array_index (self->rows, r);
      const Cell *cell;

      if (index >= cells->len)
        continue;
      cell = &g_array_index (cells, Cell, index);
      if (cell->kind == CELL_TEXT)
        longest = MAX (longest, longest_line (cell->text));
      else if (cell->kind == CELL_NUMBER)
        longest = MAX (longest, 10);
    }
  return CLAMP (longest + 2, AUTO_WIDTH_MIN, limit);
}

/* Refuses, before anything is written, what a sheet cannot hold. */
static gboolean
check_table (EvidentXlsxTable  *self,
             const char        *sheet_name,
             const char        *file_name,
             GError           **error)
{
  if (self->rows->len + 1 > LXW_ROW_MAX || self->columns->len > LXW_COL_MAX)
    {
      g_set_error (error, EVIDENT_XLSX_WRITER_ERROR, EVIDENT_XLSX_WRITER_ERROR_TOO_LARGE,
                   _("Could not write “%s”: sheet “%s” has more rows or columns than a "
                     "workbook sheet can hold (1,048,576 rows, 16,384 columns)"),
                   file_name, sheet_name);
      return FALSE;
    }

  for (guint r = 0; r <= self->rows->len; r++)
    {
      GArray *cells = r > 0 ? g_ptr_array_index (self->rows, r - 1) : NULL;
      guint n = cells != NULL ? cells->len : self->columns->len;

      for (guint c = 0; c < n; c++)
        {
          const char *text = NULL;

          if (cells == NULL)
            text = g_array_index (self->columns, Column, c).header;
          else if (g_array_index (cells, Cell, c).kind == CELL_TEXT)
            text = g_array_index (cells, Cell, c).text;

          if (text != NULL && !evident_xlsx_text_fits_cell (text))
            {
              g_autofree char *place = describe_cell (sheet_name, r, c);

              g_set_error (error, EVIDENT_XLSX_WRITER_ERROR, EVIDENT_XLSX_WRITER_ERROR_TOO_LONG,
                           _("Could not write “%s”: %s: the text is longer than the 32,767 "
                             "characters a cell can hold; shorten it"),
                           file_name, place);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* @name as a sheet may be called: no [ ] : * ? / \, not empty, at most 31
 * characters, no apostrophe at either end, unique in @used (case-insensitive). */
static char *
sheet_name_for (const char *name,
                GHashTable *used)
{
  g_autoptr (GString) clean = g_string_new (NULL);
  g_autofree char *key = NULL;
  glong length;

  for (const char *p = name; *p != '\0'; p++)
    g_string_append_c (clean, strchr ("[]:*?/\\", *p) != NULL ? '-' : *p);
  g_strstrip (clean->str);
  g_string_set_size (clean, strlen (clean->str));
  while (clean->len > 0 && clean->str[0] == '\'')
    g_string_erase (clean, 0, 1);
  while (clean->len > 0 && clean->str[clean->len - 1] == '\'')
    g_string_truncate (clean, clean->len - 1);
  if (clean->len == 0)
    g_string_assign (clean, C_("default sheet name", "Sheet"));

  length = g_utf8_strlen (clean->str, -1);
  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n > 1 ? g_strdup_printf (" (%u)", n) : g_strdup ("");
      glong keep = MIN (length, MAX_SHEET_NAME - (glong) strlen (suffix));
      g_autofree char *candidate = NULL;
      const char *end = g_utf8_offset_to_pointer (clean->str, keep);

      candidate = g_strdup_printf ("%.*s%s", (int) (end - clean->str), clean->str, suffix);
      key = g_utf8_casefold (candidate, -1);
      if (!g_hash_table_contains (used, key))
        {
          g_hash_table_add (used, g_steal_pointer (&key));
          return g_steal_pointer (&candidate);
        }
      g_clear_pointer (&key, g_free);
    }
}

static lxw_error
write_table (lxw_worksheet    *sheet,
             EvidentXlsxTable *self,
             const Formats    *formats,
             GCancellable     *cancellable)
{
  guint n_columns = self->columns->len;
  lxw_error status = LXW_NO_ERROR;

  for (guint c = 0; c < n_columns; c++)
    {
      const Column *column = &g_array_index (self->columns, Column, c);
      lxw_format *format = (column->flags & EVIDENT_XLSX_COLUMN_WRAP) ? formats->wrap : formats->top;

      worksheet_set_column (sheet, c, c, column_width (self, c), format);
      status = worksheet_write_string (sheet, 0, c, column->header, formats->header);
      if (status != LXW_NO_ERROR)
        return status;
    }

  for (guint r = 0; r < self->rows->len; r++)
    {
      GArray *cells = g_ptr_array_index (self->rows, r);

      if (r % CANCEL_CHECK_ROWS == 0 && g_cancellable_is_cancelled (cancellable))
        return LXW_NO_ERROR;

      for (guint c = 0; c < cells->len && status == LXW_NO_ERROR; c++)
        {
          const Cell *cell = &g_array_index (cells, Cell, c);
          const Column *column = &g_array_index (self->columns, Column, c);
          lxw_format *format =
            (column->flags & EVIDENT_XLSX_COLUMN_WRAP) ? formats->wrap : formats->top;

          if (cell->kind == CELL_TEXT)
            status = worksheet_write_string (sheet, r + 1, c, cell->text, format);
          else if (cell->kind == CELL_NUMBER)
            status = worksheet_write_number (sheet, r + 1, c, cell->number, format);
        }
      if (status != LXW_NO_ERROR)
        return status;
    }

  if (n_columns > 0)
    {
      worksheet_freeze_panes (sheet, 1, 0);
      status = worksheet_autofilter (sheet, 0, 0, self->rows->len, n_columns - 1);
    }
  return status;
}

typedef struct
{
  const char               *file_name;
  EvidentXlsxTable * const *tables;
  guint                     n_tables;
} WriteJob;

static void
add_formats (lxw_workbook *workbook,
             Formats      *formats)
{
  formats->header = workbook_add_format (workbook);
  format_set_bold (formats->header);
  format_set_align (formats->header, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (formats->header);
  format_set_bottom (formats->header, LXW_BORDER_THIN);

  formats->top = workbook_add_format (workbook);
  format_set_align (formats->top, LXW_ALIGN_VERTICAL_TOP);

  formats->wrap = workbook_add_format (workbook);
  format_set_align (formats->wrap, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (formats->wrap);
}

static gboolean
write_workbook_cb (const char    *path,
                   gpointer       user_data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  WriteJob *job = user_data;
  lxw_workbook_options options = { 0 };
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lxw_workbook *workbook;
  Formats formats;
  lxw_error status = LXW_NO_ERROR;
  lxw_error closed;

  options.use_zip64 = LXW_FALSE;
  workbook = workbook_new_opt (path, &options);
  if (workbook == NULL)
    {
      g_set_error (error, EVIDENT_XLSX_WRITER_ERROR, EVIDENT_XLSX_WRITER_ERROR_FAILED,
                   _("Could not write “%s”: there is not enough memory"), job->file_name);
      return FALSE;
    }
  add_formats (workbook, &formats);

  for (guint i = 0; i < job->n_tables && status == LXW_NO_ERROR; i++)
    {
      g_autofree char *name = sheet_name_for (job->tables[i]->name, used);
      lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);

      if (sheet == NULL)
        status = LXW_ERROR_SHEETNAME_ALREADY_USED;
      else
        status = write_table (sheet, job->tables[i], &formats, cancellable);
    }

  /* Closing writes the file; it also frees the workbook, so it runs even
   * after a failure (the temporary file is removed then). */
  closed = workbook_close (workbook);
  if (status == LXW_NO_ERROR)
    status = closed;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, EVIDENT_XLSX_WRITER_ERROR, EVIDENT_XLSX_WRITER_ERROR_FAILED,
                   _("Could not write “%s”: %s"), job->file_name, lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * evident_xlsx_write_tables:
 * @file: the workbook to create or replace; it must have a local path
 * @tables: (array length=n_tables): the sheets, in order
 * @n_tables: at least 1
 * @cancellable: (nullable): cancels the write; @file stays as it was
 * @error: an %EVIDENT_XLSX_WRITER_ERROR or a %G_IO_ERROR, naming @file
 *
 * Writes a fresh workbook with one sheet per table, atomically (see
 * evident_atomic_write()): on failure @file is as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_xlsx_write_tables (GFile                    *file,
                           EvidentXlsxTable * const *tables,
                           guint                     n_tables,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  g_autofree char *file_name = NULL;
  g_autoptr (GHashTable) used = NULL;
  WriteJob job;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (tables != NULL && n_tables > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file_name = g_file_get_parse_name (file);
  used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n_tables; i++)
    {
      g_autofree char *name = sheet_name_for (tables[i]->name, used);

      if (!check_table (tables[i], name, file_name, error))
        return FALSE;
    }

  job.file_name = file_name;
  job.tables = tables;
  job.n_tables = n_tables;
  return evident_atomic_write (file, write_workbook_cb, &job, cancellable, error);
}
