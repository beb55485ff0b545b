/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evident-sheet.h"
#include "evident-xlsx-patch-private.h"

/* Writes cells into one worksheet's XML by splicing its bytes: a scan finds
 * the <row> and <c> elements of the rows written to, and only the written
 * cells are replaced or inserted; every other byte stays as it was.
 *
 * Cells are written as inline strings (t="inlineStr"), so the shared
 * strings need no change; a written cell keeps its style (s) and loses
 * whatever else it had (a formula, a cached value). A cell that does not
 * exist is created in column order, a row that does not exist in row
 * order; a new cell takes the row's style if the row has one, else its
 * column's. */

#define MAX_ROWS    1048576
#define MAX_COLUMNS 16384

typedef struct
{
  gsize  start;
  gsize  end;
  char  *text;
} Edit;

typedef struct
{
  guint     column;
  gsize     start;
  gsize     end;
  char     *style;
  gboolean  formula;
  gboolean  shared_master;
} CellSpan;

typedef struct
{
  guint  first;
  guint  last;
  char  *style;
} ColumnStyle;

typedef struct
{
  const char               *data;
  const EvidentSpliceWrite *writes;
  guint                     n_writes;
  guint                     next;          /* the first write not yet placed */
  EvidentSpliceContext     *context;
  GArray                   *edits;         /* of Edit, in document order */
  GArray                   *columns;       /* of ColumnStyle */

  gboolean                  in_cols;
  gboolean                  in_sheet_data;
  gboolean                  seen_sheet_data;
  guint                     sheet_data_depth;
  gsize                     sheet_data_content;
  gboolean                  sheet_data_empty;
  char                     *sheet_data_prefix; /* "x:" or "" */

  /* The row being scanned. */
  gboolean                  in_row;
  gint64                    row;
  gint64                    last_row;
  gsize                     row_content;
  gboolean                  row_empty;
  char                     *row_prefix;
  char                     *row_style;
  guint                     row_first;     /* its writes: [row_first, row_end) */
  guint                     row_end;
  GArray                   *cells;         /* of CellSpan, when it has writes */
  gint64                    last_column;
  gboolean                  in_cell;
  guint                     cell_depth;
  CellSpan                  cell;
} Splice;

static void
clear_edit (gpointer data)
{
  g_free (((Edit *) data)->text);
}

static void
clear_cell_span (gpointer data)
{
  g_free (((CellSpan *) data)->style);
}

static void
clear_column_style (gpointer data)
{
  g_free (((ColumnStyle *) data)->style);
}

/**
 * evident_xlsx_cell_name:
 *
 * Returns: (transfer full): a cell's A1-style name, e.g. "C14" for row 13,
 *   column 2
 */
char *
evident_xlsx_cell_name (guint row,
                        guint column)
{
  g_autofree char *letters = evident_sheet_column_name (column);

  return g_strdup_printf ("%s%u", letters, row + 1);
}

/**
 * evident_xlsx_parse_cell_name:
 * @row: (out) (optional): the row from 0, or G_MAXUINT when @name has no
 *   row number
 * @column: (out): the column from 0
 *
 * Returns: whether @name is a cell name such as "C14" (or just "C")
 */
gboolean
evident_xlsx_parse_cell_name (const char *name,
                              guint      *row,
                              guint      *column)
{
  guint64 col = 0;
  guint64 number = 0;
  const char *p = name;

  for (; g_ascii_isalpha (*p); p++)
    {
      col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (col > MAX_COLUMNS)
        return FALSE;
    }
  if (p == name)
    return FALSE;
  for (const char *digits = p; g_ascii_isdigit (*p); p++)
    {
      number = number * 10 + (*p - '0');
      if (number > MAX_ROWS || (number == 0 && p > digits))
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  *column = col - 1;
  if (row != NULL)
    *row = number > 0 ? number - 1 : G_MAXUINT;
  return TRUE;
}

static gboolean
parse_number (const char *text,
              guint64     max,
              guint64    *value)
{
  guint64 n;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, max, &n, NULL))
    return FALSE;
  *value = n;
  return TRUE;
}

/* The sheet's XML does not follow the format; @format gives a technical
 * detail (not translated, as the XML parser's are). */
static gboolean G_GNUC_PRINTF (3, 4)
damaged (GError    **error,
         Splice     *self,
         const char *format,
         ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the last %s says what is wrong, e.g. "it is empty"
   * (or a technical detail in English) */
  g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_DAMAGED,
               _("“%s” is damaged: the XML of sheet “%s” is not as workbooks have it (%s). Open "
                 "the workbook in a spreadsheet program, save it and import it again."),
               self->context->workbook, self->context->sheet, detail);
  return FALSE;
}

/* Whether @text holds "_xHHHH_" at its start, which Excel would read as
 * an escaped character. */
static gboolean
looks_escaped (const char *text)
{
  if (text[0] != '_' || text[1] != 'x')
    return FALSE;
  for (int i = 2; i < 6; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return text[6] == '_';
}

/* Cell text as SpreadsheetML writes it: XML escapes, and "_xHHHH_" for a
 * CR (which XML would turn into LF), for characters XML cannot hold, and
 * for a literal "_x" that would read as such an escape. */
static void
append_cell_text (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '&')
        g_string_append (out, "&amp;");
      else if (c == '<')
        g_string_append (out, "&lt;");
      else if (c == '>')
        g_string_append (out, "&gt;");
      else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF)
        g_string_append_printf (out, "_x%04X_", c);
      else if (c == '_' && looks_escaped (p))
        g_string_append (out, "_x005F_");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

static void
append_cell (GString    *out,
             const char *prefix,
             guint       row,
             guint       column,
             const char *style,
             const char *value)
{
  g_autofree char *name = evident_xlsx_cell_name (row, column);

  g_string_append_printf (out, "<%sc r=\"%s\"", prefix, name);
  if (style != NULL)
    {
      g_string_append (out, " s=\"");
      evident_xml_append_escaped (out, style, TRUE);
      g_string_append_c (out, '"');
    }
  if (value == NULL || *value == '\0')
    {
      g_string_append (out, "/>");
      return;
    }
  g_string_append_printf (out, " t=\"inlineStr\"><%sis><%st xml:space=\"preserve\">", prefix,
                          prefix);
  append_cell_text (out, value);
  g_string_append_printf (out, "</%st></%sis></%sc>", prefix, prefix, prefix);
}

static gboolean
is_empty (const char *value)
{
  return value == NULL || *value == '\0';
}

static const char *
column_style (Splice *self,
              guint   column)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      const ColumnStyle *range = &g_array_index (self->columns, ColumnStyle, i);

      if (column >= range->first && column <= range->last)
        return range->style;
    }
  return NULL;
}

static gboolean
add_edit (Splice      *self,
          gsize        start,
          gsize        end,
          GString     *text,
          GError     **error)
{
  Edit edit = { start, end, NULL };

  if (self->edits->len > 0)
    {
      Edit *last = &g_array_index (self->edits, Edit, self->edits->len - 1);

      /* Edits come in document order; an insertion right after another
       * joins it. */
      if (start < last->end)
        return damaged (error, self, "overlapping changes at byte %" G_GSIZE_FORMAT, start);
      if (start == end && last->start == last->end && last->end == start)
        {
          char *joined = g_strconcat (last->text, text->str, NULL);

          g_free (last->text);
          last->text = joined;
          return TRUE;
        }
    }
  edit.text = g_strndup (text->str, text->len);
  g_array_append_val (self->edits, edit);
  return TRUE;
}

/* New rows for the writes before row @before (or all that are left), at
 * @at. */
static gboolean
insert_missing_rows (Splice  *self,
                     gint64   before,
                     gsize    at,
                     GError **error)
{
  g_autoptr (GString) rows = g_string_new (NULL);
  const char *prefix = self->sheet_data_prefix;

  while (self->next < self->n_writes && (before < 0 || self->writes[self->next].row < before))
    {
      guint row = self->writes[self->next].row;
      gsize row_start = rows->len;
      gboolean any = FALSE;

      g_string_append_printf (rows, "<%srow r=\"%u\">", prefix, row + 1);
      for (; self->next < self->n_writes && self->writes[self->next].row == row; self->next++)
        {
          const EvidentSpliceWrite *write = &self->writes[self->next];

          if (is_empty (write->value))
            continue;
          append_cell (rows, prefix, row, write->column, column_style (self, write->column),
                       write->value);
          any = TRUE;
        }
      if (any)
        g_string_append_printf (rows, "</%srow>", prefix);
      else
        g_string_truncate (rows, row_start);
    }

  if (rows->len == 0)
    return TRUE;
  return add_edit (self, at, at, rows, error);
}

static void
read_column_style (Splice                  *self,
                   const EvidentXmlElement *element)
{
  g_autofree char *min = evident_xml_element_get_attribute (element, "min", NULL);
  g_autofree char *max = evident_xml_element_get_attribute (element, "max", NULL);
  g_autofree char *style = evident_xml_element_get_attribute (element, "style", NULL);
  guint64 first, last;
  ColumnStyle range;

  if (style == NULL || !parse_number (min, MAX_COLUMNS, &first)
      || !parse_number (max, MAX_COLUMNS, &last) || last < first)
    return;
  range.first = first - 1;
  range.last = last - 1;
  range.style = g_steal_pointer (&style);
  g_array_append_val (self->columns, range);
}

static gboolean
begin_row (Splice                  *self,
           const EvidentXmlElement *element,
           GError                 **error)
{
  g_autofree char *r = evident_xml_element_get_attribute (element, "r", NULL);
  guint64 number;

  if (r != NULL)
    {
      if (!parse_number (r, MAX_ROWS, &number))
        return damaged (error, self, "invalid row number “%s”", r);
      self->row = number - 1;
    }
  else
    self->row = self->last_row + 1;
  if (self->row <= self->last_row || self->row >= MAX_ROWS)
    return damaged (error, self, "row %" G_GINT64_FORMAT " after row %" G_GINT64_FORMAT,
                    self->row + 1, self->last_row + 1);

  if (!insert_missing_rows (self, self->row, element->start, error))
    return FALSE;

  self->last_row = self->row;
  self->in_row = TRUE;
  self->row_content = element->content;
  self->row_empty = element->empty;
  self->last_column = -1;
  self->row_first = self->next;
  while (self->next < self->n_writes && self->writes[self->next].row == self->row)
    self->next++;
  self->row_end = self->next;

  g_clear_pointer (&self->row_prefix, g_free);
  g_clear_pointer (&self->row_style, g_free);
  g_array_set_size (self->cells, 0);
  if (self->row_first == self->row_end)
    return TRUE;

  self->row_prefix = element->prefix ? g_strconcat (element->prefix, ":", NULL) : g_strdup ("");
  {
    g_autofree char *custom = evident_xml_element_get_attribute (element, "customFormat", NULL);

    if (g_strcmp0 (custom, "1") == 0 || g_strcmp0 (custom, "true") == 0)
      self->row_style = evident_xml_element_get_attribute (element, "s", NULL);
  }
  return TRUE;
}

static gboolean
begin_cell (Splice                  *self,
            const EvidentXmlElement *element,
            GError                 **error)
{
  g_autofree char *r = evident_xml_element_get_attribute (element, "r", NULL);
  guint column;

  if (r != NULL)
    {
      if (!evident_xlsx_parse_cell_name (r, NULL, &column))
        return damaged (error, self, "invalid cell reference “%s”", r);
    }
  else
    column = self->last_column + 1;
  if ((gint64) column <= self->last_column || column >= MAX_COLUMNS)
    return damaged (error, self, "cells out of order in row %" G_GINT64_FORMAT, self->row + 1);
  self->last_column = column;

  if (self->row_first == self->row_end)
    return TRUE;

  self->in_cell = TRUE;
  self->cell_depth = element->depth;
  memset (&self->cell, 0, sizeof self->cell);
  self->cell.column = column;
  self->cell.start = element->start;
  self->cell.style = evident_xml_element_get_attribute (element, "s", NULL);
  return TRUE;
}

static void
read_formula (Splice                  *self,
              const EvidentXmlElement *element)
{
  g_autofree char *type = evident_xml_element_get_attribute (element, "t", NULL);
  g_autofree char *ref = evident_xml_element_get_attribute (element, "ref", NULL);
  guint first_row, first_column, last_row, last_column;
  char *colon;

  self->cell.formula = TRUE;
  if (g_strcmp0 (type, "shared") != 0 || ref == NULL || (colon = strchr (ref, ':')) == NULL)
    return;

  /* The master of a formula other cells share: they would lose it. */
  *colon = '\0';
  if (evident_xlsx_parse_cell_name (ref, &first_row, &first_column)
      && evident_xlsx_parse_cell_name (colon + 1, &last_row, &last_column)
      && (first_row != last_row || first_column != last_column))
    self->cell.shared_master = TRUE;
}

static gboolean
start_cb (const EvidentXmlElement  *element,
          gpointer                  user_data,
          GError                  **error)
{
  Splice *self = user_data;

  if (!self->in_sheet_data)
    {
      if (element->depth == 1 && evident_xml_element_is (element, "cols"))
        self->in_cols = !element->empty;
      else if (self->in_cols && element->depth == 2 && evident_xml_element_is (element, "col"))
        read_column_style (self, element);
      else if (element->depth == 1 && evident_xml_element_is (element, "sheetData"))
        {
          if (self->seen_sheet_data)
            return damaged (error, self, "more than one sheetData");
          self->in_sheet_data = TRUE;
          self->seen_sheet_data = TRUE;
          self->sheet_data_depth = element->depth;
          self->sheet_data_content = element->content;
          self->sheet_data_empty = element->empty;
          self->sheet_data_prefix =
            element->prefix ? g_strconcat (element->prefix, ":", NULL) : g_strdup ("");
        }
      return TRUE;
    }

  if (element->depth == self->sheet_data_depth + 1 && evident_xml_element_is (element, "row"))
    return begin_row (self, element, error);
  if (self->in_row && element->depth == self->sheet_data_depth + 2
      && evident_xml_element_is (element, "c"))
    return begin_cell (self, element, error);
  if (self->in_cell && element->depth == self->cell_depth + 1
      && evident_xml_element_is (element, "f"))
    read_formula (self, element);
  return TRUE;
}

/* The cell for @write, replacing @existing or new. */
static gboolean
write_cell (Splice                   *self,
            const EvidentSpliceWrite *write,
            const CellSpan           *existing,
            GString                  *out,
            GError                  **error)
{
  if (existing == NULL)
    {
      const char *style = self->row_style ? self->row_style : column_style (self, write->column);

      append_cell (out, self->row_prefix, self->row, write->column, style, write->value);
      return TRUE;
    }

  if (existing->shared_master)
    {
      g_autofree char *name = evident_xlsx_cell_name (self->row, write->column);

      g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_BAD_CELL,
                   _("Cannot write cell %s of sheet “%s” in “%s”: other cells share its formula; "
                     "remove the formula in a spreadsheet program and import the workbook again"),
                   name, self->context->sheet, self->context->workbook);
      return FALSE;
    }
  if (existing->formula)
    self->context->removed_formula = TRUE;
  append_cell (out, self->row_prefix, self->row, write->column, existing->style, write->value);
  return TRUE;
}

/* The edits for a row with writes, at its end, when all its cells are
 * known. */
static gboolean
end_row (Splice  *self,
         gsize    end_tag,
         GError **error)
{
  g_autoptr (GString) insert = g_string_new (NULL);
  gsize insert_at = G_MAXSIZE;
  guint c = 0;

  for (guint w = self->row_first; w < self->row_end; w++)
    {
      const EvidentSpliceWrite *write = &self->writes[w];
      const CellSpan *existing = NULL;
      gsize at;

      while (c < self->cells->len && g_array_index (self->cells, CellSpan, c).column < write->column)
        c++;
      if (c < self->cells->len && g_array_index (self->cells, CellSpan, c).column == write->column)
        existing = &g_array_index (self->cells, CellSpan, c);

      if (existing != NULL)
        {
          g_autoptr (GString) cell = g_string_new (NULL);

          if (insert->len > 0 && !add_edit (self, insert_at, insert_at, insert, error))
            return FALSE;
          g_string_truncate (insert, 0);
          if (!write_cell (self, write, existing, cell, error)
              || !add_edit (self, existing->start, existing->end, cell, error))
            return FALSE;
          continue;
        }

      if (is_empty (write->value))
        continue;
      at = c < self->cells->len ? g_array_index (self->cells, CellSpan, c).start : end_tag;
      if (insert->len > 0 && at != insert_at)
        {
          if (!add_edit (self, insert_at, insert_at, insert, error))
            return FALSE;
          g_string_truncate (insert, 0);
        }
      insert_at = at;
      if (!write_cell (self, write, NULL, insert, error))
        return FALSE;
    }

  if (insert->len == 0)
    return TRUE;
  if (!self->row_empty)
    return add_edit (self, insert_at, insert_at, insert, error);

  /* <row …/> becomes <row …>cells</row>. */
  g_string_prepend_c (insert, '>');
  g_string_append_printf (insert, "</%srow>", self->row_prefix);
  return add_edit (self, self->row_content - 2, self->row_content, insert, error);
}

static gboolean
end_sheet_data (Splice  *self,
                gsize    end_tag,
                GError **error)
{
  g_autoptr (GString) rows = g_string_new (NULL);
  guint edits = self->edits->len;

  self->in_sheet_data = FALSE;
  if (!self->sheet_data_empty)
    return insert_missing_rows (self, -1, end_tag, error);

  /* <sheetData/> becomes <sheetData>rows</sheetData>. */
  if (!insert_missing_rows (self, -1, self->sheet_data_content, error))
    return FALSE;
  if (self->edits->len == edits)
    return TRUE;
  {
    Edit *edit = &g_array_index (self->edits, Edit, self->edits->len - 1);

    g_string_append_printf (rows, ">%s</%ssheetData>", edit->text, self->sheet_data_prefix);
    g_free (edit->text);
    edit->text = g_strndup (rows->str, rows->len);
    edit->start = self->sheet_data_content - 2;
  }
  return TRUE;
}

static gboolean
end_cb (const char  *name,
        const char  *uri,
        guint        depth,
        gsize        end_tag,
        gsize        end,
        gpointer     user_data,
        GError     **error)
{
  Splice *self = user_data;

  if (!evident_xlsx_is_main_ns (uri))
    return TRUE;

  if (self->in_cell && depth == self->cell_depth && strcmp (name, "c") == 0)
    {
      self->cell.end = end;
      g_array_append_val (self->cells, self->cell);
      memset (&self->cell, 0, sizeof self->cell);
      self->in_cell = FALSE;
    }
  else if (self->in_row && depth == self->sheet_data_depth + 1 && strcmp (name, "row") == 0)
    {
      self->in_row = FALSE;
      if (self->row_first < self->row_end)
        return end_row (self, end_tag, error);
    }
  else if (self->in_sheet_data && depth == self->sheet_data_depth
           && strcmp (name, "sheetData") == 0)
    return end_sheet_data (self, end_tag, error);
  else if (self->in_cols && depth == 1 && strcmp (name, "cols") == 0)
    self->in_cols = FALSE;
  return TRUE;
}

static GBytes *
apply_edits (Splice *self,
             gsize   size)
{
  GString *out = g_string_sized_new (size + 256);
  gsize done = 0;

  for (guint i = 0; i < self->edits->len; i++)
    {
      const Edit *edit = &g_array_index (self->edits, Edit, i);

      g_string_append_len (out, self->data + done, edit->start - done);
      g_string_append (out, edit->text);
      done = edit->end;
    }
  g_string_append_len (out, self->data + done, size - done);
  return g_string_free_to_bytes (out);
}

/* A scan error as a message for the user. */
static void
translate_scan_error (Splice  *self,
                      GError  *scan_error,
                      GError **error)
{
  switch (scan_error->code)
    {
    case EVIDENT_XML_SCAN_ERROR_DTD:
      g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_UNSAFE,
                   _("“%s” is refused: the XML of sheet “%s” has a document type declaration "
                     "(DTD), which workbooks never need"),
                   self->context->workbook, self->context->sheet);
      break;
    case EVIDENT_XML_SCAN_ERROR_ENCODING:
    case EVIDENT_XML_SCAN_ERROR_MALFORMED:
    default:
      damaged (error, self, "%s", scan_error->message);
      break;
    }
}

/**
 * evident_xlsx_splice_sheet:
 * @data: a worksheet part's XML
 * @writes: (array length=n_writes): sorted by row, then column, one per cell
 * @context: names for messages; tells whether a formula was removed
 *
 * Returns: (transfer full) (nullable): the sheet's XML with the cells
 *   written, or %NULL with @error set
 */
GBytes *
evident_xlsx_splice_sheet (const char                *data,
                           gsize                      size,
                           const EvidentSpliceWrite  *writes,
                           guint                      n_writes,
                           EvidentSpliceContext      *context,
                           GError                   **error)
{
  Splice self = { 0 };
  g_autoptr (GError) local_error = NULL;
  GBytes *result = NULL;

  self.data = data;
  self.writes = writes;
  self.n_writes = n_writes;
  self.context = context;
  self.last_row = -1;
  self.edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  g_array_set_clear_func (self.edits, clear_edit);
  self.columns = g_array_new (FALSE, FALSE, sizeof (ColumnStyle));
  g_array_set_clear_func (self.columns, clear_column_style);
  self.cells = g_array_new (FALSE, FALSE, sizeof (CellSpan));
  g_array_set_clear_func (self.cells, clear_cell_span);

  if (!evident_xml_scan (data, size, start_cb, end_cb, &self, &local_error))
    {
      if (local_error->domain == EVIDENT_XML_SCAN_ERROR)
        translate_scan_error (&self, local_error, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else if (!self.seen_sheet_data)
    damaged (error, &self, "no sheetData");
  else
    result = apply_edits (&self, size);

  g_free (self.cell.style);
  g_free (self.sheet_data_prefix);
  g_free (self.row_prefix);
  g_free (self.row_style);
  g_array_unref (self.edits);
  g_array_unref (self.columns);
  g_array_unref (self.cells);
  return result;
}
