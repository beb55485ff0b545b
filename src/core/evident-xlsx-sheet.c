/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One worksheet's XML into an EvidentSheet, streamed row by row:
 *
 *   <cols><col min="3" max="4" hidden="1"/></cols>
 *   <row r="3" hidden="1"><c r="B3" t="s" s="4"><v>12</v></c>…</row>
 *   <mergeCells><mergeCell ref="A1:D1"/></mergeCells>
 *
 * Rows and cells without "r" follow the previous ones; rows the file leaves
 * out stay empty. A cell's text depends on its type "t": a shared string
 * (s), an inline string (inlineStr, <is>), a formula's string (str),
 * TRUE/FALSE (b), an error value (e), an ISO date (d), or a number (n or
 * none), shown as a date when its style's number format is one. Formulas
 * give their cached <v>. Rows and columns hidden (by hand, by a filter, in
 * a collapsed group) are marked so in the sheet. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "evident-xlsx-private.h"

/* The size of a sheet in Excel since 2007. */
#define MAX_ROWS    1048576
#define MAX_COLUMNS 16384

typedef enum
{
  CELL_NUMBER,
  CELL_SHARED,
  CELL_INLINE,
  CELL_STRING,
  CELL_BOOLEAN,
  CELL_ERROR,
  CELL_DATE,
} CellType;

typedef struct
{
  EvidentSheet                  *sheet;
  EvidentXlsxXml                *xml;
  xmlTextReaderPtr               reader;
  const EvidentXlsxSheetContext *context;

  guint     row;         /* the row being read */
  gboolean  started;     /* whether a row has been read */
  guint     next_column; /* of a cell without "r" */
  guint     row_width;   /* the columns the row spans so far */
  guint64   n_hidden_columns; /* marked so far: at most the sheet's width */

  guint     cell_row;
  guint     cell_column;
  CellType  type;
  guint     style;
  gboolean  in_v;
  gboolean  has_inline;
  GString  *value;
  GString  *inline_text;
} Parser;

/* Helpers */

/* An XML Schema boolean. */
static gboolean
is_true (const char *value)
{
  return value != NULL && (strcmp (value, "1") == 0 || strcmp (value, "true") == 0);
}

static void
set_bad_reference (Parser *self, const char *ref, GError **error)
{
  g_autofree char *place = evident_sheet_describe_row (self->sheet, self->row);

  g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_MALFORMED,
               _("“%s” is damaged: %s has a cell reference “%s” that names no cell. Open "
                 "it in your spreadsheet program and save it again."),
               self->context->display_name, place, ref);
}

static void
set_bad_row (Parser *self, const char *number, GError **error)
{
  g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_MALFORMED,
               _("“%s” is damaged: sheet “%s” has a row numbered “%s”, which no spreadsheet "
                 "has. Open it in your spreadsheet program and save it again."),
               self->context->display_name, evident_sheet_get_name (self->sheet), number);
}

static gboolean
start_row (Parser *self, GError **error)
{
  g_autofree char *r = evident_xlsx_xml_dup_attribute (self->xml, "r");
  g_autofree char *hidden = evident_xlsx_xml_dup_attribute (self->xml, "hidden");
  guint64          number;

  if (r == NULL)
    number = self->started ? (guint64) self->row + 2 : 1;
  else if (!g_ascii_string_to_unsigned (r, 10, 1, MAX_ROWS, &number, NULL))
    {
      set_bad_row (self, r, error);
      return FALSE;
    }
  if (number > MAX_ROWS)
    {
      set_bad_row (self, "1048577", error);
      return FALSE;
    }

  self->row = number - 1;
  self->started = TRUE;
  if (is_true (hidden))
    evident_sheet_set_row_hidden (self->sheet, self->row, TRUE);
  self->next_column = 0;
  self->row_width = 0;
  return TRUE;
}

static CellType
parse_type (const char *t)
{
  if (t == NULL || strcmp (t, "n") == 0)
    return CELL_NUMBER;
  if (strcmp (t, "s") == 0)
    return CELL_SHARED;
  if (strcmp (t, "inlineStr") == 0)
    return CELL_INLINE;
  if (strcmp (t, "b") == 0)
    return CELL_BOOLEAN;
  if (strcmp (t, "e") == 0)
    return CELL_ERROR;
  if (strcmp (t, "d") == 0)
    return CELL_DATE;
  return CELL_STRING;
}

static gboolean
start_cell (Parser *self, GError **error)
{
  g_autofree char *ref = NULL;
  g_autofree char *t = NULL;
  guint64          style = 0;

  /* One walk over the attributes: this runs for every cell. */
  for (int r = xmlTextReaderMoveToFirstAttribute (self->reader); r == 1;
       r = xmlTextReaderMoveToNextAttribute (self->reader))
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (self->reader);
      const char *value = (const char *) xmlTextReaderConstValue (self->reader);

      if (xmlTextReaderConstNamespaceUri (self->reader) != NULL)
        continue;
      if (strcmp (name, "r") == 0)
        ref = g_strdup (value);
      else if (strcmp (name, "t") == 0)
        t = g_strdup (value);
      else if (strcmp (name, "s") == 0)
        g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &style, NULL);
    }
  xmlTextReaderMoveToElement (self->reader);

  self->cell_row = self->row;
  self->cell_column = self->next_column;
  if (ref != NULL && !evident_xlsx_parse_reference (ref, &self->cell_row, &self->cell_column))
    {
      set_bad_reference (self, ref, error);
      return FALSE;
    }
  if (self->cell_column >= MAX_COLUMNS)
    {
      g_autofree char *column = evident_sheet_column_name (self->cell_column);

      set_bad_reference (self, column, error);
      return FALSE;
    }

  self->next_column = self->cell_column + 1;
  self->type = parse_type (t);
  self->style = style;
  self->in_v = FALSE;
  self->has_inline = FALSE;
  g_string_truncate (self->value, 0);
  g_string_truncate (self->inline_text, 0);
  return TRUE;
}

static gboolean
shared_text (Parser *self, const char **text, GError **error)
{
  EvidentXlsxStrings *strings = self->context->strings;
  g_autofree char    *place = NULL;
  guint64             index;

  g_strstrip (self->value->str);
  if (self->value->str[0] == '\0')
    return TRUE;
  if (g_ascii_string_to_unsigned (self->value->str, 10, 0, G_MAXUINT, &index, NULL)
      && strings != NULL && index < evident_xlsx_strings_get_n (strings))
    {
      *text = evident_xlsx_strings_get (strings, index);
      return TRUE;
    }

  place = evident_sheet_describe_cell (self->sheet, self->cell_row, self->cell_column);
  g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_MALFORMED,
               _("“%s” is damaged: %s refers to shared text number %s, but the workbook "
                 "has only %u shared texts. Open it in your spreadsheet program and save it "
                 "again."),
               self->context->display_name, place, self->value->str,
               strings != NULL ? evident_xlsx_strings_get_n (strings) : 0);
  return FALSE;
}

/* Whether all sheets together still span no more cells than the limit. */
static gboolean
check_cells (Parser *self, GError **error)
{
  if (*self->context->n_cells > self->context->limits->max_cells)
    {
      g_autofree char *limit =
          g_strdup_printf ("%" G_GUINT64_FORMAT, self->context->limits->max_cells);

      g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_TOO_LARGE,
                   _("“%s” is too large to import: its sheets span more than %s cells (at "
                     "sheet “%s”, row %u)."),
                   self->context->display_name, limit, evident_sheet_get_name (self->sheet),
                   self->cell_row + 1);
      return FALSE;
    }
  return TRUE;
}

/* Counts the rows the sheet spans and the cells the row spans once this
 * cell is in them. */
static gboolean
count_cells (Parser *self, GError **error)
{
  guint64 *n_cells = self->context->n_cells;
  guint    width = self->cell_column + 1;
  guint    height = evident_sheet_get_n_rows (self->sheet);

  if (self->cell_row >= height)
    *n_cells += self->cell_row + 1 - height;
  if (self->cell_row != self->row)
    *n_cells += width;
  else if (width > self->row_width)
    {
      *n_cells += width - self->row_width;
      self->row_width = width;
    }

  return check_cells (self, error);
}

static gboolean
end_cell (Parser *self, GError **error)
{
  const char      *text = self->value->str;
  g_autofree char *formatted = NULL;
  g_autofree char *shown = NULL;
  char            *t;

  switch (self->type)
    {
    case CELL_SHARED:
      text = NULL;
      if (!shared_text (self, &text, error))
        return FALSE;
      break;
    case CELL_INLINE:
      text = self->has_inline ? self->inline_text->str : self->value->str;
      break;
    case CELL_STRING:
      evident_xlsx_unescape (self->value);
      text = self->value->str;
      break;
    case CELL_BOOLEAN:
      if (strcmp (text, "1") == 0)
        text = "TRUE";
      else if (strcmp (text, "0") == 0)
        text = "FALSE";
      break;
    case CELL_DATE:
      /* An ISO date and time: midnight is a date alone. */
      if (g_str_has_suffix (text, "T00:00:00"))
        self->value->str[self->value->len - strlen ("T00:00:00")] = '\0';
      if ((t = strchr (self->value->str, 'T')) != NULL)
        *t = ' ';
      break;
    case CELL_NUMBER:
      if (self->has_inline)
        text = self->inline_text->str;
      else
        {
          EvidentXlsxFormat format =
              evident_xlsx_styles_get_format (self->context->styles, self->style);

          formatted = evident_xlsx_format_number (text, format, self->context->date1904);
          if (formatted != NULL)
            text = formatted;
          if (format == EVIDENT_XLSX_FORMAT_NUMBER && formatted != NULL)
            shown = evident_xlsx_styles_show_number (self->context->styles, self->style,
                                                     self->value->str);
        }
      break;
    case CELL_ERROR:
    default:
      break;
    }

  if (text == NULL || *text == '\0')
    return TRUE;
  if (!count_cells (self, error))
    return FALSE;
  evident_sheet_set_cell (self->sheet, self->cell_row, self->cell_column, text);
  if (shown != NULL && strcmp (shown, text) != 0)
    {
      /* A second text takes room as a cell does. */
      ++*self->context->n_cells;
      if (!check_cells (self, error))
        return FALSE;
      evident_sheet_set_cell_shown (self->sheet, self->cell_row, self->cell_column, shown);
    }
  return TRUE;
}

/* <col min="3" max="4" hidden="1"/>: columns C to D are hidden. */
static void
read_column_range (Parser *self)
{
  g_autofree char *hidden = evident_xlsx_xml_dup_attribute (self->xml, "hidden");
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  guint64          first, last;

  if (!is_true (hidden))
    return;
  min = evident_xlsx_xml_dup_attribute (self->xml, "min");
  max = evident_xlsx_xml_dup_attribute (self->xml, "max");
  /* A range that names no columns hides nothing. Ranges do not overlap,
   * so together they cover the sheet's width at most: more is no
   * spreadsheet's, and left out rather than marked again and again. */
  if (min == NULL || max == NULL ||
      !g_ascii_string_to_unsigned (min, 10, 1, MAX_COLUMNS, &first, NULL) ||
      !g_ascii_string_to_unsigned (max, 10, first, MAX_COLUMNS, &last, NULL) ||
      self->n_hidden_columns + (last - first + 1) > MAX_COLUMNS)
    return;
  self->n_hidden_columns += last - first + 1;
  for (guint64 column = first; column <= last; column++)
    evident_sheet_set_column_hidden (self->sheet, column - 1, TRUE);
}

static gboolean
add_merge (Parser *self, GError **error)
{
  g_autofree char *ref = evident_xlsx_xml_dup_attribute (self->xml, "ref");
  g_auto (GStrv) ends = NULL;
  EvidentSheetRange range;

  if (++*self->context->n_merges > self->context->limits->max_merges)
    {
      g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_TOO_LARGE,
                   _("“%s” is too large to import: its sheets have more than %u merged "
                     "ranges (at sheet “%s”)."),
                   self->context->display_name, self->context->limits->max_merges,
                   evident_sheet_get_name (self->sheet));
      return FALSE;
    }

  /* A merge that names no cells means nothing; it is left out. */
  if (ref == NULL)
    return TRUE;
  ends = g_strsplit (ref, ":", 3);
  if (!evident_xlsx_parse_reference (ends[0], &range.first_row, &range.first_column))
    return TRUE;
  range.last_row = range.first_row;
  range.last_column = range.first_column;
  if (ends[1] != NULL
      && (ends[2] != NULL
          || !evident_xlsx_parse_reference (ends[1], &range.last_row, &range.last_column)))
    return TRUE;
  evident_sheet_add_merge (self->sheet, &range);
  return TRUE;
}

static gboolean
handle_element (Parser *self, GError **error)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (self->reader);
  gboolean    empty = xmlTextReaderIsEmptyElement (self->reader);

  if (strcmp (name, "c") == 0)
    return start_cell (self, error) && (!empty || end_cell (self, error));
  if (strcmp (name, "v") == 0)
    self->in_v = !empty;
  else if (strcmp (name, "is") == 0)
    {
      self->has_inline = TRUE;
      return evident_xlsx_xml_read_rich_text (self->xml, self->inline_text, error);
    }
  else if (strcmp (name, "row") == 0)
    {
      if (!start_row (self, error))
        return FALSE;
      if (empty)
        return !g_cancellable_set_error_if_cancelled (self->context->cancellable, error);
    }
  else if (strcmp (name, "mergeCell") == 0)
    return add_merge (self, error);
  else if (strcmp (name, "col") == 0)
    read_column_range (self);
  return TRUE;
}

static gboolean
handle_end_element (Parser *self, GError **error)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (self->reader);

  if (strcmp (name, "v") == 0)
    self->in_v = FALSE;
  else if (strcmp (name, "c") == 0)
    return end_cell (self, error);
  else if (strcmp (name, "row") == 0)
    return !g_cancellable_set_error_if_cancelled (self->context->cancellable, error);
  return TRUE;
}

/* Public API */

/**
 * evident_xlsx_parse_reference:
 * @ref: a cell reference such as "C14" (a "$" before either part is allowed)
 *
 * Returns: whether @ref names a cell of a spreadsheet, then its row and
 *   column from 0
 */
gboolean
evident_xlsx_parse_reference (const char *ref,
                              guint      *row,
                              guint      *column)
{
  const char *p = ref;
  guint64     c = 0;
  guint64     r = 0;

  if (*p == '$')
    p++;
  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (c > MAX_COLUMNS)
        return FALSE;
    }
  if (c == 0)
    return FALSE;
  if (*p == '$')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      r = r * 10 + (*p - '0');
      if (r > MAX_ROWS)
        return FALSE;
    }
  if (*p != '\0' || r == 0)
    return FALSE;

  *row = r - 1;
  *column = c - 1;
  return TRUE;
}

/**
 * evident_xlsx_sheet_parse:
 * @sheet: an empty sheet, named
 *
 * Reads the sheet's cells and merged ranges into @sheet, checking the
 * cancellable between rows.
 */
gboolean
evident_xlsx_sheet_parse (EvidentSheet                  *sheet,
                          EvidentXlsxXml                *xml,
                          const EvidentXlsxSheetContext *context,
                          GError                       **error)
{
  g_autoptr (GString) value = g_string_new (NULL);
  g_autoptr (GString) inline_text = g_string_new (NULL);
  Parser self = {
    .sheet = sheet,
    .xml = xml,
    .reader = evident_xlsx_xml_get_reader (xml),
    .context = context,
    .value = value,
    .inline_text = inline_text,
  };
  int r;

  while ((r = evident_xlsx_xml_read (xml, error)) == 1)
    {
      switch (xmlTextReaderNodeType (self.reader))
        {
        case XML_READER_TYPE_ELEMENT:
          if (!handle_element (&self, error))
            return FALSE;
          break;
        case XML_READER_TYPE_END_ELEMENT:
          if (!handle_end_element (&self, error))
            return FALSE;
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (self.in_v)
            g_string_append (self.value,
                             (const char *) xmlTextReaderConstValue (self.reader));
          break;
        default:
          break;
        }
    }
  return r == 0;
}
