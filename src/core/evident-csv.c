/* SPDX-License-Identifier: GPL-3.0-or-later */

/* CSV files as spreadsheets save them, read into an #EvidentSheet: the
 * encoding and the delimiter are found, the syntax is strict. */

#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n.h>

#include "evident-csv.h"

/* How many records the delimiter sniffer looks at, and how far. */
#define SNIFF_RECORDS 100
#define SNIFF_BYTES (256 * 1024)

struct _EvidentCsvTable
{
  EvidentSheet *sheet;
  guint         header_row;
  guint         n_columns;
  GArray       *rows; /* of guint, the sheet rows below the header that hold data */
};

typedef struct
{
  EvidentSheet *sheet;
  GPtrArray    *fields;     /* of char *, the fields of the record being read */
  guint         n_records;  /* records read so far: the next one's row */
  guint         line;       /* the line being fed to the parser */
  guint         row_line;   /* the line on which the record being read starts */
  guint         field_line; /* the line on which the field being read starts */
  gboolean      in_row;
} ParseState;

static const char delimiters[] = { ',', ';', '\t', '|' };

GQuark
evident_csv_error_quark (void)
{
  return g_quark_from_static_string ("evident-csv-error-quark");
}

/* Helpers */

/* Lines end with "\n", "\r\n" or a lone "\r" (as old Mac spreadsheets save
 * them): libcsv ends a row on any of them outside quotes. Returns the end of
 * the line that starts at @p, terminator included. */
static const char *
find_line_end (const char *p, const char *end)
{
  for (; p < end; p++)
    {
      if (*p == '\n')
        return p + 1;

      if (*p == '\r')
        return (p + 1 < end && p[1] == '\n') ? p + 2 : p + 1;
    }

  return end;
}

static guint
count_line (const char *start, const char *pos)
{
  guint line = 1;

  for (const char *p = start; p < pos;)
    {
      p = find_line_end (p, pos);
      if (p[-1] == '\n' || p[-1] == '\r')
        line++;
    }

  return line;
}

/* The line of a position in UTF-16 text, counted in code units. */
static guint
count_line_utf16 (const guchar *start, gsize n_bytes, gboolean big_endian)
{
  guint line = 1;

  for (gsize i = 0; i + 1 < n_bytes; i += 2)
    {
      guint unit = big_endian ? (start[i] << 8 | start[i + 1]) : (start[i] | start[i + 1] << 8);

      if (unit == '\n')
        line++;
      else if (unit == '\r')
        {
          gsize next = i + 2;
          guint following = 0;

          if (next + 1 < n_bytes)
            following = big_endian ? (start[next] << 8 | start[next + 1])
                                   : (start[next] | start[next + 1] << 8);
          if (following != '\n')
            line++;
        }
    }

  return line;
}

/* Whether the parser, waiting for a record, starts one on this line: libcsv
 * skips spaces and line breaks between records, and tabs unless they
 * delimit. */
static gboolean
line_has_content (const char *p, const char *end, char delimiter)
{
  for (; p < end; p++)
    {
      if (*p == '\t' && delimiter == '\t')
        return TRUE;
      if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
        return TRUE;
    }

  return FALSE;
}

static int
is_space (unsigned char c)
{
  return c == CSV_SPACE;
}

static int
is_space_or_tab (unsigned char c)
{
  return c == CSV_SPACE || c == CSV_TAB;
}

/* The delimiter is the candidate that occurs, outside quotes, the same
 * number of times in the most records (then: more often per record; then:
 * in the order of @delimiters). A title cell above the header, a comma in
 * a tab-separated text or a semicolon inside quotes does not mislead it. */
static char
sniff_delimiter (const char *p, const char *end)
{
  guint    counts[SNIFF_RECORDS][G_N_ELEMENTS (delimiters)] = { { 0 } };
  guint    n_records = 0;
  gboolean quoted = FALSE;
  gboolean in_record = FALSE;
  guint    best_agree = 0;
  guint    best_count = 0;
  char     best = ',';

  end = MIN (end, p + SNIFF_BYTES);
  for (; p < end && n_records < SNIFF_RECORDS; p++)
    {
      if (*p == '"')
        {
          quoted = !quoted;
          in_record = TRUE;
        }
      else if (quoted)
        continue;
      else if (*p == '\r' || *p == '\n')
        {
          if (in_record)
            n_records++;
          in_record = FALSE;
        }
      else
        {
          for (guint d = 0; d < G_N_ELEMENTS (delimiters); d++)
            {
              if (*p == delimiters[d])
                counts[n_records][d]++;
            }
          /* A tab may delimit: a line of tabs is a record. */
          if (*p != ' ')
            in_record = TRUE;
        }
    }
  if (in_record && n_records < SNIFF_RECORDS)
    n_records++;

  for (guint d = 0; d < G_N_ELEMENTS (delimiters); d++)
    {
      /* The count that most records agree on, among counts above zero. */
      for (guint r = 0; r < n_records; r++)
        {
          guint count = counts[r][d];
          guint agree = 0;

          if (count == 0)
            continue;
          for (guint s = 0; s < n_records; s++)
            agree += counts[s][d] == count;
          if (agree > best_agree || (agree == best_agree && count > best_count))
            {
              best_agree = agree;
              best_count = count;
              best = delimiters[d];
            }
        }
    }

  return best;
}

/* Line breaks inside quoted fields come out as "\n" whatever the file uses. */
static char *
field_dup (const char *data, gsize len)
{
  char *field = g_strndup (data, len);
  char *out = field;

  if (memchr (field, '\r', len) == NULL)
    return field;

  for (const char *in = field; *in != '\0'; in++)
    {
      if (*in == '\r')
        {
          *out++ = '\n';
          if (in[1] == '\n')
            in++;
        }
      else
        {
          *out++ = *in;
        }
    }
  *out = '\0';

  return field;
}

static void
set_encoding_error (GError **error, guint line)
{
  g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_ENCODING,
               _ ("Line %u: the file is not UTF-8 text; save it as “CSV UTF-8”"), line);
}

/* Decodes @data into UTF-8 without a byte order mark. */
static char *
decode (const char *data, gsize size, EvidentCsvEncoding *encoding, gsize *length, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = NULL;
  const char      *invalid;
  const char      *nul;
  gsize            n_read = 0;

  if (size >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    *encoding = EVIDENT_CSV_ENCODING_UTF16LE;
  else if (size >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    *encoding = EVIDENT_CSV_ENCODING_UTF16BE;
  else if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    *encoding = EVIDENT_CSV_ENCODING_UTF8_BOM;
  else
    *encoding = EVIDENT_CSV_ENCODING_UTF8;

  if (*encoding == EVIDENT_CSV_ENCODING_UTF16LE || *encoding == EVIDENT_CSV_ENCODING_UTF16BE)
    {
      gboolean big_endian = *encoding == EVIDENT_CSV_ENCODING_UTF16BE;

      text = g_convert (data + 2, size - 2, "UTF-8", big_endian ? "UTF-16BE" : "UTF-16LE", &n_read,
                        length, &local_error);
      /* With bytes_read given, g_convert() stops silently at a partial
       * character. */
      if (text == NULL || n_read != size - 2)
        {
          g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_ENCODING,
                       _ ("Line %u: the file starts as UTF-16 text but is not; save it again as "
                          "“Unicode Text” or “CSV UTF-8”"),
                       count_line_utf16 ((const guchar *) data + 2, n_read, big_endian));
          return NULL;
        }
    }
  else
    {
      if (*encoding == EVIDENT_CSV_ENCODING_UTF8_BOM)
        {
          data += 3;
          size -= 3;
        }

      /* A zero byte: binary data, or UTF-16 without a byte order mark. */
      nul = memchr (data, '\0', size);
      if (nul != NULL)
        {
          g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_ENCODING,
                       _ ("Line %u: the file holds a zero byte, so it is not text that Evident "
                          "can read; save it as “CSV UTF-8”"),
                       count_line (data, nul));
          return NULL;
        }

      if (g_utf8_validate (data, size, &invalid))
        {
          *length = size;
          return g_strndup (data, size);
        }

      if (*encoding == EVIDENT_CSV_ENCODING_UTF8_BOM)
        {
          set_encoding_error (error, count_line (data, invalid));
          return NULL;
        }

      /* Not UTF-8: a spreadsheet's "CSV" in a western locale. */
      *encoding = EVIDENT_CSV_ENCODING_WINDOWS_1252;
      text = g_convert (data, size, "UTF-8", "WINDOWS-1252", &n_read, length, &local_error);
      if (text == NULL)
        {
          set_encoding_error (error, count_line (data, data + MIN (n_read, size)));
          return NULL;
        }
    }

  nul = memchr (text, '\0', *length);
  if (nul != NULL)
    {
      g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_ENCODING,
                   _ ("Line %u: the file holds a zero byte, so it is not text that Evident "
                      "can read; save it as “CSV UTF-8”"),
                   count_line (text, nul));
      return NULL;
    }

  return g_steal_pointer (&text);
}

/* Callbacks */

static void
field_cb (void *data, size_t len, void *user_data)
{
  ParseState *state = user_data;

  g_ptr_array_add (state->fields, field_dup (data, len));
  /* The next field starts right after the delimiter, on this line. */
  state->field_line = state->line;
}

static void
row_cb (int c, void *user_data)
{
  ParseState *state = user_data;
  guint       row = state->n_records++;

  state->in_row = FALSE;

  for (guint i = 0; i < state->fields->len; i++)
    evident_sheet_set_cell (state->sheet, row, i, g_ptr_array_index (state->fields, i));
  evident_sheet_set_row_line (state->sheet, row, state->row_line);
  g_ptr_array_set_size (state->fields, 0);
}

/* Feeds @text to @parser one line at a time, so that the callbacks know the
 * line they are on. */
static gboolean
parse_text (const char *text, gsize length, char delimiter, ParseState *state, GError **error)
{
  struct csv_parser parser;
  const char       *end = text + length;
  const char       *p = text;
  int               status = CSV_SUCCESS;
  gboolean          unterminated = FALSE;

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    g_error ("Could not initialize the CSV parser");
  csv_set_realloc_func (&parser, g_realloc);
  csv_set_free_func (&parser, g_free);
  csv_set_delim (&parser, (unsigned char) delimiter);
  csv_set_space_func (&parser, delimiter == '\t' ? is_space : is_space_or_tab);

  state->line = 1;
  while (p < end)
    {
      const char *line_end = find_line_end (p, end);
      gsize       len = line_end - p;

      if (!state->in_row && line_has_content (p, line_end, delimiter))
        {
          state->in_row = TRUE;
          state->row_line = state->line;
          state->field_line = state->line;
        }

      if (csv_parse (&parser, p, len, field_cb, row_cb, state) != len)
        {
          status = csv_error (&parser);
          break;
        }

      p = line_end;
      if (p < end)
        state->line++;
    }

  /* Ends the last record when the file does not end with a line break. */
  if (status == CSV_SUCCESS && csv_fini (&parser, field_cb, row_cb, state) != 0)
    {
      status = csv_error (&parser);
      unterminated = TRUE;
    }
  csv_free (&parser);

  if (unterminated)
    {
      g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_SYNTAX,
                   _ ("Line %u: a field starts with a quotation mark that is never closed"),
                   state->field_line);
      return FALSE;
    }

  if (status == CSV_EPARSE)
    {
      g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_SYNTAX,
                   _ ("Line %u: a quotation mark is out of place; enclose the whole field in "
                      "quotation marks and double each one inside it"),
                   state->line);
      return FALSE;
    }

  if (status != CSV_SUCCESS)
    {
      g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_SYNTAX,
                   _ ("Line %u: the file could not be read: %s"), state->line,
                   csv_strerror (status));
      return FALSE;
    }

  return TRUE;
}

static int
first_filled_row (EvidentSheet *sheet)
{
  guint n_rows = evident_sheet_get_n_rows (sheet);

  for (guint row = 0; row < n_rows; row++)
    {
      if (!evident_sheet_row_is_empty (sheet, row))
        return (int) row;
    }

  return -1;
}

/* One more than the last column of @row that holds a field, spaces count. */
static guint
row_width (EvidentSheet *sheet, guint row)
{
  for (guint column = evident_sheet_get_n_columns (sheet); column > 0; column--)
    {
      if (*evident_sheet_get_cell (sheet, row, column - 1) != '\0')
        return column;
    }

  return 0;
}

/* Public API */

/**
 * evident_csv_read_sheet:
 * @bytes: the contents of a CSV file
 * @format: (out caller-allocates) (optional): how the file was read
 * @error: return location for a #GError
 *
 * Reads a CSV file as spreadsheet programs save it into a sheet: one row
 * per record, each remembering the line on which it starts, records of
 * empty fields included (blank lines are not records).
 *
 * The encoding is UTF-8 with or without a byte order mark, UTF-16 with a
 * byte order mark (Excel's "Unicode Text"), or, when the bytes are not
 * UTF-8, Windows-1252. The delimiter is a comma, a semicolon, a tab or a
 * vertical bar, whichever the records agree on outside quotes. Line ends
 * are "\n", "\r\n" or "\r". Fields may be quoted, and quoted fields may hold
 * delimiters, doubled quotes and line breaks (read as "\n").
 *
 * The syntax is strict: an unterminated quote or a quote inside an
 * unquoted field is refused, naming the line, and nothing is read.
 *
 * Returns: (transfer full): the sheet, with no name; or %NULL with @error
 *   set in %EVIDENT_CSV_ERROR: EMPTY when no record holds anything,
 *   ENCODING, SYNTAX
 */
EvidentSheet *
evident_csv_read_sheet (GBytes *bytes, EvidentCsvFormat *format, GError **error)
{
  g_autoptr (EvidentSheet) sheet = NULL;
  g_autoptr (GPtrArray) fields = NULL;
  g_autofree char   *text = NULL;
  EvidentCsvEncoding encoding;
  ParseState         state = { 0 };
  const char        *data;
  gsize              size;
  gsize              length = 0;
  char               delimiter;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    data = "";

  text = decode (data, size, &encoding, &length, error);
  if (text == NULL)
    return NULL;

  delimiter = sniff_delimiter (text, text + length);
  sheet = evident_sheet_new (NULL);
  fields = g_ptr_array_new_with_free_func (g_free);
  state.sheet = sheet;
  state.fields = fields;

  if (!parse_text (text, length, delimiter, &state, error))
    return NULL;

  if (first_filled_row (sheet) < 0)
    {
      g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_EMPTY,
                   _ ("Line %u: the file is empty; its first line must name the columns"), 1u);
      return NULL;
    }

  if (format != NULL)
    {
      format->encoding = encoding;
      format->delimiter = delimiter;
    }

  return g_steal_pointer (&sheet);
}

/**
 * evident_csv_encoding_get_name:
 *
 * Returns: the encoding's name as g_convert() and a user know it, e.g.
 *   "UTF-8", "UTF-16LE", "Windows-1252"
 */
const char *
evident_csv_encoding_get_name (EvidentCsvEncoding encoding)
{
  switch (encoding)
    {
    case EVIDENT_CSV_ENCODING_UTF8:
    case EVIDENT_CSV_ENCODING_UTF8_BOM:
      return "UTF-8";
    case EVIDENT_CSV_ENCODING_UTF16LE:
      return "UTF-16LE";
    case EVIDENT_CSV_ENCODING_UTF16BE:
      return "UTF-16BE";
    case EVIDENT_CSV_ENCODING_WINDOWS_1252:
      return "Windows-1252";
    default:
      g_return_val_if_reached ("UTF-8");
    }
}

/**
 * evident_csv_format_describe:
 *
 * Returns: (transfer full): how the file was read, for a user, e.g.
 *   "Windows-1252 (assumed: the file is not UTF-8), separated by semicolons"
 */
char *
evident_csv_format_describe (const EvidentCsvFormat *format)
{
  const char *encoding;
  const char *separated;

  g_return_val_if_fail (format != NULL, NULL);

  switch (format->encoding)
    {
    case EVIDENT_CSV_ENCODING_UTF8_BOM:
      encoding = _ ("UTF-8 with a byte order mark");
      break;
    case EVIDENT_CSV_ENCODING_WINDOWS_1252:
      encoding = _ ("Windows-1252 (assumed: the file is not UTF-8)");
      break;
    default:
      encoding = evident_csv_encoding_get_name (format->encoding);
      break;
    }

  switch (format->delimiter)
    {
    case ';':
      separated = _ ("separated by semicolons");
      break;
    case '\t':
      separated = _ ("separated by tabs");
      break;
    case '|':
      separated = _ ("separated by vertical bars");
      break;
    default:
      separated = _ ("separated by commas");
      break;
    }

  /* Translators: an encoding, then how fields are separated, e.g.
   * "UTF-8, separated by commas" */
  return g_strdup_printf (C_ ("csv format", "%s, %s"), encoding, separated);
}

/**
 * evident_csv_table_parse:
 * @bytes: the contents of a CSV file
 * @error: return location for a #GError
 *
 * Reads a CSV file with evident_csv_read_sheet() as a table: its first
 * record that holds anything is the header, the records below it that hold
 * anything are the rows. Rows with fewer fields than the header are padded
 * with empty fields.
 *
 * Returns: (transfer full): the table, or %NULL with @error set in
 *   %EVIDENT_CSV_ERROR: EMPTY when there is no header row, ENCODING,
 *   SYNTAX for an unterminated quote, a misplaced quote or a row with more
 *   fields than the header
 */
EvidentCsvTable *
evident_csv_table_parse (GBytes *bytes, GError **error)
{
  g_autoptr (EvidentCsvTable) table = NULL;
  g_autoptr (EvidentSheet) sheet = NULL;
  guint n_rows;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sheet = evident_csv_read_sheet (bytes, NULL, error);
  if (sheet == NULL)
    return NULL;

  table = g_new0 (EvidentCsvTable, 1);
  table->sheet = g_steal_pointer (&sheet);
  table->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  table->header_row = first_filled_row (table->sheet);
  table->n_columns = row_width (table->sheet, table->header_row);

  n_rows = evident_sheet_get_n_rows (table->sheet);
  for (guint row = table->header_row + 1; row < n_rows; row++)
    {
      guint width;

      if (evident_sheet_row_is_empty (table->sheet, row))
        continue;

      width = row_width (table->sheet, row);
      if (width > table->n_columns)
        {
          g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_SYNTAX,
                       /* Translators: the first %u is a line number, the second a
                        * number of fields, the third the number of columns */
                       _ ("Line %u: this row has %u fields, but the header names only %u columns"),
                       evident_sheet_get_row_line (table->sheet, row), width, table->n_columns);
          return NULL;
        }
      g_array_append_val (table->rows, row);
    }

  return g_steal_pointer (&table);
}

/**
 * evident_csv_table_free:
 * @table: (transfer full) (nullable): a table
 *
 * Frees @table.
 */
void
evident_csv_table_free (EvidentCsvTable *table)
{
  if (table == NULL)
    return;

  g_clear_pointer (&table->sheet, evident_sheet_unref);
  g_clear_pointer (&table->rows, g_array_unref);
  g_free (table);
}

/**
 * evident_csv_table_get_n_rows:
 * @table: a table
 *
 * Returns: the number of rows below the header
 */
guint
evident_csv_table_get_n_rows (EvidentCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

/**
 * evident_csv_table_find_column:
 * @table: a table
 * @name: a column name
 *
 * Looks a column up by name, ignoring case and surrounding white space in
 * the header. When two columns have the same name, the first one counts.
 *
 * Returns: the index of the column, or -1 if the header does not name it
 */
int
evident_csv_table_find_column (EvidentCsvTable *table, const char *name)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (table != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  wanted = g_utf8_casefold (name, -1);
  g_strstrip (wanted);

  for (guint i = 0; i < table->n_columns; i++)
    {
      const char      *cell = evident_sheet_get_cell (table->sheet, table->header_row, i);
      g_autofree char *column = g_utf8_casefold (cell, -1);

      if (g_strcmp0 (g_strstrip (column), wanted) == 0)
        return (int) i;
    }

  return -1;
}

/**
 * evident_csv_table_get:
 * @table: a table
 * @row: a row index, below evident_csv_table_get_n_rows()
 * @column: a column index, or -1 for a column the header does not have
 *
 * Returns: (transfer none): the field, as read (not trimmed); "" for
 *   @column -1, so that the result of evident_csv_table_find_column() can be
 *   passed for an optional column
 */
const char *
evident_csv_table_get (EvidentCsvTable *table, guint row, int column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);
  g_return_val_if_fail (column >= -1 && column < (int) table->n_columns, NULL);

  if (column < 0)
    return "";

  return evident_sheet_get_cell (table->sheet, g_array_index (table->rows, guint, row),
                                 (guint) column);
}

/**
 * evident_csv_table_get_line:
 * @table: a table
 * @row: a row index, below evident_csv_table_get_n_rows()
 *
 * Returns: the line of the file on which @row starts (1-based)
 */
guint
evident_csv_table_get_line (EvidentCsvTable *table, guint row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->rows->len, 0);

  return evident_sheet_get_row_line (table->sheet, g_array_index (table->rows, guint, row));
}
