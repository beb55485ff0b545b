/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n.h>

#include "evident-csv.h"

/* How much of a bad value an error message quotes, in characters. */
#define MAX_QUOTED_VALUE 40

struct _EvidentCsvTable
{
  GStrv      header;
  guint      n_columns;
  guint      header_line;
  GPtrArray *rows;  /* of GStrv, each padded to n_columns */
  GArray    *lines; /* of guint, the line on which each row starts */
};

typedef struct
{
  EvidentCsvTable *table;
  GPtrArray       *fields;     /* of char *, the fields of the row being read */
  guint            line;       /* the line being fed to the parser */
  guint            row_line;   /* the line on which the row being read starts */
  guint            field_line; /* the line on which the field being read starts */
  gboolean         in_row;
  GError          *error; /* the first error raised by a callback */
} ParseState;

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

/* Whether the parser, waiting for a row, starts one on this line: libcsv
 * skips spaces, tabs and line breaks between rows. */
static gboolean
line_has_content (const char *p, const char *end)
{
  for (; p < end; p++)
    {
      if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
        return TRUE;
    }

  return FALSE;
}

/* The delimiter is whichever of ',' and ';' occurs more often outside quotes
 * in the first row (the header); a comma when neither does. */
static unsigned char
detect_delimiter (const char *p, const char *end)
{
  gboolean quoted = FALSE;
  guint    commas = 0;
  guint    semicolons = 0;

  /* Skip blank lines before the header, as the parser does. */
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\r' || *p == '\n')
        break;
    }

  return semicolons > commas ? ';' : ',';
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

static gboolean
row_is_empty (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = g_ptr_array_index (fields, i);

      for (const char *p = field; *p != '\0'; p++)
        {
          if (!g_ascii_isspace (*p))
            return FALSE;
        }
    }

  return TRUE;
}

static char *
shorten (const char *value)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (value, -1) <= MAX_QUOTED_VALUE)
    return g_strdup (value);

  start = g_utf8_substring (value, 0, MAX_QUOTED_VALUE - 1);

  return g_strconcat (start, "…", NULL);
}

/* Callbacks */

static void
field_cb (void *data, size_t len, void *user_data)
{
  ParseState *state = user_data;

  if (state->error != NULL)
    return;

  g_ptr_array_add (state->fields, field_dup (data, len));
  /* The next field starts right after the delimiter, on this line. */
  state->field_line = state->line;
}

static void
row_cb (int c, void *user_data)
{
  ParseState      *state = user_data;
  EvidentCsvTable *table = state->table;
  GPtrArray       *fields = state->fields;

  state->in_row = FALSE;

  if (state->error != NULL)
    return;

  /* Spreadsheets save rows that merely were formatted as ",,,": skip them
   * like blank lines. */
  if (row_is_empty (fields))
    {
      g_ptr_array_set_size (fields, 0);
      return;
    }

  if (table->header == NULL)
    {
      table->n_columns = fields->len;
      table->header_line = state->row_line;
      g_ptr_array_add (fields, NULL);
      table->header = (GStrv) g_ptr_array_free (fields, FALSE);
      state->fields = g_ptr_array_new_with_free_func (g_free);
      return;
    }

  if (fields->len > table->n_columns)
    {
      g_set_error (&state->error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_SYNTAX,
                   /* Translators: the first %u is a line number, the second a
                    * number of fields, the third the number of columns */
                   _ ("Line %u: this row has %u fields, but the header names only %u columns"),
                   state->row_line, fields->len, table->n_columns);
      return;
    }

  while (fields->len < table->n_columns)
    g_ptr_array_add (fields, g_strdup (""));
  g_ptr_array_add (fields, NULL);

  g_ptr_array_add (table->rows, g_ptr_array_free (fields, FALSE));
  g_array_append_val (table->lines, state->row_line);
  state->fields = g_ptr_array_new_with_free_func (g_free);
}

/* Checklist entries */

static gboolean
parse_points (const char *value, int *points)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT, &number, NULL))
    return FALSE;

  *points = (int) number;

  return TRUE;
}

static gboolean
parse_mandatory (const char *value, gboolean *mandatory)
{
  static const char *const yes[] = { "yes", "true", "1", "mandatory", "y" };
  static const char *const no[] = { "", "no", "false", "0", "recommended", "n" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (value, yes[i]) == 0)
        {
          *mandatory = TRUE;
          return TRUE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    {
      if (g_ascii_strcasecmp (value, no[i]) == 0)
        {
          *mandatory = FALSE;
          return TRUE;
        }
    }

  return FALSE;
}

static char *
get_trimmed (EvidentCsvTable *table, guint row, int column)
{
  return g_strstrip (g_strdup (evident_csv_table_get (table, row, column)));
}

/* Public API */

/**
 * evident_csv_table_parse:
 * @bytes: the contents of a CSV file
 * @error: return location for a #GError
 *
 * Parses a CSV file as spreadsheet programs save it: comma or semicolon
 * delimited (whichever occurs more outside quotes in the header line), UTF-8
 * with or without a byte order mark, with "\n", "\r\n" or "\r" line ends.
 * Fields may be quoted, and quoted fields may hold delimiters, doubled quotes
 * and line breaks (returned as "\n"). Blank lines and rows whose fields are
 * all empty are skipped; rows with fewer fields than the header are padded
 * with empty fields.
 *
 * Returns: (transfer full): the table, or %NULL with @error set in
 *   %EVIDENT_CSV_ERROR: EMPTY when there is no header row, ENCODING when the
 *   file is not UTF-8, SYNTAX for an unterminated quote, a misplaced quote or
 *   a row with more fields than the header
 */
EvidentCsvTable *
evident_csv_table_parse (GBytes *bytes, GError **error)
{
  g_autoptr (EvidentCsvTable) table = NULL;
  struct csv_parser parser;
  ParseState        state = { 0 };
  const char       *data;
  const char       *end;
  const char       *invalid;
  const char       *p;
  gsize             size;
  int               status = CSV_SUCCESS;
  gboolean          unterminated = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    data = "";
  end = data + size;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3;

  if (!g_utf8_validate (data, end - data, &invalid))
    {
      g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_ENCODING,
                   _ ("Line %u: the file is not UTF-8 text; save it as “CSV UTF-8”"),
                   count_line (data, invalid));
      return NULL;
    }

  table = g_new0 (EvidentCsvTable, 1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    g_error ("Could not initialize the CSV parser");
  csv_set_realloc_func (&parser, g_realloc);
  csv_set_free_func (&parser, g_free);
  csv_set_delim (&parser, detect_delimiter (data, end));

  state.table = table;
  state.fields = g_ptr_array_new_with_free_func (g_free);
  state.line = 1;

  /* One line at a time, so that the callbacks know the line they are on. */
  p = data;
  while (p < end)
    {
      const char *line_end = find_line_end (p, end);
      gsize       len = line_end - p;

      if (!state.in_row && line_has_content (p, line_end))
        {
          state.in_row = TRUE;
          state.row_line = state.line;
          state.field_line = state.line;
        }

      if (csv_parse (&parser, p, len, field_cb, row_cb, &state) != len)
        {
          status = csv_error (&parser);
          break;
        }

      if (state.error != NULL)
        break;

      p = line_end;
      if (p < end)
        state.line++;
    }

  /* Ends the last row when the file does not end with a line break. */
  if (status == CSV_SUCCESS && state.error == NULL &&
      csv_fini (&parser, field_cb, row_cb, &state) != 0)
    {
      status = csv_error (&parser);
      unterminated = TRUE;
    }

  csv_free (&parser);
  g_ptr_array_unref (state.fields);

  if (state.error != NULL)
    {
      g_propagate_error (error, state.error);
      return NULL;
    }

  if (unterminated)
    {
      g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_SYNTAX,
                   _ ("Line %u: a field starts with a quotation mark that is never closed"),
                   state.field_line);
      return NULL;
    }

  if (status == CSV_EPARSE)
    {
      g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_SYNTAX,
                   _ ("Line %u: a quotation mark is out of place; enclose the whole field in "
                      "quotation marks and double each one inside it"),
                   state.line);
      return NULL;
    }

  if (status != CSV_SUCCESS)
    {
      g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_SYNTAX,
                   _ ("Line %u: the file could not be read: %s"), state.line,
                   csv_strerror (status));
      return NULL;
    }

  if (table->header == NULL)
    {
      g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_EMPTY,
                   _ ("Line %u: the file is empty; its first line must name the columns"), 1u);
      return NULL;
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

  g_strfreev (table->header);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->lines);
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
      g_autofree char *column = g_utf8_casefold (table->header[i], -1);

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
  GStrv fields;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);
  g_return_val_if_fail (column >= -1 && column < (int) table->n_columns, NULL);

  if (column < 0)
    return "";

  fields = g_ptr_array_index (table->rows, row);

  return fields[column];
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

  return g_array_index (table->lines, guint, row);
}

/**
 * evident_checklist_parse:
 * @bytes: the contents of a checklist CSV file
 * @error: return location for a #GError
 *
 * Reads the items of a checklist. The header names the columns, in any
 * order and case: `ref`, `chapter`, `title` and `points` are required;
 * `chapter_title`, `section`, `section_title`, `requirement`, `evidence` and
 * `mandatory` are optional; others are ignored. Points are a whole number of
 * zero or more; mandatory is yes/no, true/false, 1/0, mandatory/recommended
 * or y/n in any case, and no when empty.
 *
 * Returns: (transfer container) (element-type EvidentChecklistEntry): the
 *   entries in file order, or %NULL with @error set in %EVIDENT_CSV_ERROR
 */
GPtrArray *
evident_checklist_parse (GBytes *bytes, GError **error)
{
  g_autoptr (EvidentCsvTable) table = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GHashTable) seen = NULL;
  static const char *const required[] = { "ref", "chapter", "title", "points" };
  int                      col_ref, col_chapter, col_chapter_title, col_section, col_section_title;
  int                      col_title, col_requirement, col_evidence, col_points, col_mandatory;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  table = evident_csv_table_parse (bytes, error);
  if (table == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (evident_csv_table_find_column (table, required[i]) < 0)
        {
          g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_MISSING_COLUMN,
                       /* Translators: %s is a column name, kept in English */
                       _ ("Line %u: the header has no “%s” column, which every checklist needs"),
                       table->header_line, required[i]);
          return NULL;
        }
    }

  if (table->rows->len == 0)
    {
      g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_EMPTY,
                   _ ("Line %u: the checklist has a header but no items below it"),
                   table->header_line);
      return NULL;
    }

  col_ref = evident_csv_table_find_column (table, "ref");
  col_chapter = evident_csv_table_find_column (table, "chapter");
  col_chapter_title = evident_csv_table_find_column (table, "chapter_title");
  col_section = evident_csv_table_find_column (table, "section");
  col_section_title = evident_csv_table_find_column (table, "section_title");
  col_title = evident_csv_table_find_column (table, "title");
  col_requirement = evident_csv_table_find_column (table, "requirement");
  col_evidence = evident_csv_table_find_column (table, "evidence");
  col_points = evident_csv_table_find_column (table, "points");
  col_mandatory = evident_csv_table_find_column (table, "mandatory");

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) evident_checklist_entry_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint row = 0; row < table->rows->len; row++)
    {
      EvidentChecklistEntry *entry = g_new0 (EvidentChecklistEntry, 1);
      g_autofree char       *points = get_trimmed (table, row, col_points);
      g_autofree char       *mandatory = get_trimmed (table, row, col_mandatory);
      gpointer               other;

      /* Owned by @entries from here on, freed with it on error. */
      g_ptr_array_add (entries, entry);

      entry->line = evident_csv_table_get_line (table, row);
      entry->ref = get_trimmed (table, row, col_ref);
      entry->chapter = get_trimmed (table, row, col_chapter);
      entry->chapter_title = get_trimmed (table, row, col_chapter_title);
      entry->section = get_trimmed (table, row, col_section);
      entry->section_title = get_trimmed (table, row, col_section_title);
      entry->title = get_trimmed (table, row, col_title);
      entry->requirement = get_trimmed (table, row, col_requirement);
      entry->evidence = get_trimmed (table, row, col_evidence);

      if (entry->ref[0] == '\0')
        {
          g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_BAD_VALUE,
                       _ ("Line %u: the “ref” column is empty; every item needs a reference"),
                       entry->line);
          return NULL;
        }

      if (entry->chapter[0] == '\0')
        {
          g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_BAD_VALUE,
                       _ ("Line %u: the “chapter” column is empty; every item belongs to a chapter"),
                       entry->line);
          return NULL;
        }

      if (entry->title[0] == '\0')
        {
          g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_BAD_VALUE,
                       _ ("Line %u: the “title” column is empty; every item needs a title"),
                       entry->line);
          return NULL;
        }

      if (points[0] == '\0')
        {
          g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_BAD_VALUE,
                       _ ("Line %u: the “points” column is empty; it must be a whole number"),
                       entry->line);
          return NULL;
        }

      if (!parse_points (points, &entry->points))
        {
          g_autofree char *value = shorten (points);

          g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_BAD_VALUE,
                       _ ("Line %u: “points” must be a whole number, 0 or more, not “%s”"),
                       entry->line, value);
          return NULL;
        }

      if (!parse_mandatory (mandatory, &entry->mandatory))
        {
          g_autofree char *value = shorten (mandatory);

          g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_BAD_VALUE,
                       _ ("Line %u: “mandatory” must be “yes” or “no”, not “%s”"), entry->line,
                       value);
          return NULL;
        }

      if (g_hash_table_lookup_extended (seen, entry->ref, NULL, &other))
        {
          const EvidentChecklistEntry *first = other;

          g_set_error (error, EVIDENT_CSV_ERROR, EVIDENT_CSV_ERROR_DUPLICATE,
                       /* Translators: the first %u and the second are line numbers */
                       _ ("Line %u: the reference “%s” is already used on line %u"), entry->line,
                       entry->ref, first->line);
          return NULL;
        }

      g_hash_table_insert (seen, entry->ref, entry);
    }

  return g_steal_pointer (&entries);
}

/**
 * evident_checklist_load:
 * @file: a checklist CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file and parses it with evident_checklist_parse(). Parse errors
 * start with "Line N: " and do not name the file: callers add its name.
 * Errors reading the file are in %G_IO_ERROR.
 *
 * Returns: (transfer container) (element-type EvidentChecklistEntry): the
 *   entries in file order, or %NULL with @error set
 */
GPtrArray *
evident_checklist_load (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  bytes = g_bytes_new_take (contents, length);

  return evident_checklist_parse (bytes, error);
}

/**
 * evident_checklist_entry_free:
 * @entry: (transfer full) (nullable): an entry
 *
 * Frees @entry.
 */
void
evident_checklist_entry_free (EvidentChecklistEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->ref);
  g_free (entry->chapter);
  g_free (entry->chapter_title);
  g_free (entry->section);
  g_free (entry->section_title);
  g_free (entry->title);
  g_free (entry->requirement);
  g_free (entry->evidence);
  g_free (entry);
}
