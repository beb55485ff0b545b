/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What evident-cli prints: tables aligned by terminal cells, and JSON. */

#include "config.h"

#include <stdarg.h>

#include "evident-cli-output.h"

typedef struct
{
  guint    gap;   /* spaces before the column */
  gboolean right;
  glong    width; /* of the widest cell, in terminal cells */
} Column;

struct _EvidentCliTable
{
  GArray    *columns;
  GPtrArray *cells; /* row after row */
};

/* The number of terminal cells @text takes: two for wide (CJK)
 * characters, none for combining marks, one for the rest. */
glong
evident_cli_display_width (const char *text)
{
  glong width = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/**
 * evident_cli_table_new:
 * @layout: one letter per column, `l` aligned left or `r` aligned right;
 *   the spaces before a letter are printed before that column, so that
 *   `"  l r  l"` indents by two and puts two spaces before the third column
 *
 * Returns: (transfer full): an empty table
 */
EvidentCliTable *
evident_cli_table_new (const char *layout)
{
  EvidentCliTable *table = g_new0 (EvidentCliTable, 1);
  guint gap = 0;

  table->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  table->cells = g_ptr_array_new_with_free_func (g_free);
  for (const char *p = layout; *p != '\0'; p++)
    {
      if (*p == ' ')
        {
          gap++;
          continue;
        }
      g_assert (*p == 'l' || *p == 'r');
      g_array_append_val (table->columns, ((Column) { .gap = gap, .right = *p == 'r' }));
      gap = 0;
    }
  g_assert (table->columns->len > 0);
  return table;
}

void
evident_cli_table_free (EvidentCliTable *table)
{
  g_array_unref (table->columns);
  g_ptr_array_unref (table->cells);
  g_free (table);
}

/* Fills the next cell, row after row. A line break or a tab in @text
 * becomes a space: every row stays on one line. */
void
evident_cli_table_add (EvidentCliTable *table,
                       const char      *text)
{
  char *cell = g_utf8_make_valid (text != NULL ? text : "", -1);
  Column *column = &g_array_index (table->columns, Column,
                                   table->cells->len % table->columns->len);

  for (char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        *p = ' ';
    }
  column->width = MAX (column->width, evident_cli_display_width (cell));
  g_ptr_array_add (table->cells, cell);
}

void
evident_cli_table_add_printf (EvidentCliTable *table,
                              const char      *format,
                              ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  evident_cli_table_add (table, text);
}

static void
append_spaces (GString *line,
               glong    n)
{
  for (glong i = 0; i < n; i++)
    g_string_append_c (line, ' ');
}

char *
evident_cli_table_to_string (EvidentCliTable *table)
{
  guint n_columns = table->columns->len;
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < table->cells->len; i += n_columns)
    {
      gsize start = text->len;

      for (guint c = 0; c < n_columns; c++)
        {
          const Column *column = &g_array_index (table->columns, Column, c);
          const char *cell = i + c < table->cells->len ? g_ptr_array_index (table->cells, i + c)
                                                       : "";
          glong padding = column->width - evident_cli_display_width (cell);

          /* A column empty in every row takes no room at all. */
          if (column->width == 0)
            continue;
          append_spaces (text, column->gap);
          if (column->right)
            append_spaces (text, padding);
          g_string_append (text, cell);
          if (!column->right && c + 1 < n_columns)
            append_spaces (text, padding);
        }
      /* An empty last cell leaves no spaces at the end of the line. */
      while (text->len > start && text->str[text->len - 1] == ' ')
        g_string_truncate (text, text->len - 1);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

void
evident_cli_table_print (EvidentCliTable *table)
{
  g_autofree char *text = evident_cli_table_to_string (table);

  g_print ("%s", text);
}

/* Text that spans lines (notes, findings) on one line: the start of it. */
char *
evident_cli_one_line (const char *text)
{
  GString *line = g_string_new (NULL);
  guint length = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p), length++)
    {
      gunichar c = g_utf8_get_char (p);

      if (length >= 60)
        {
          g_string_append (line, "…");
          break;
        }
      g_string_append_unichar (line, g_unichar_isspace (c) ? ' ' : c);
    }
  return g_string_free (line, FALSE);
}

/**
 * evident_cli_print_array:
 * @objects: what to print, in order
 * @json: whether to print a JSON array rather than a table
 * @layout: the table's columns, as for evident_cli_table_new()
 * @add: adds one of @objects: to the JSON array when given a builder, as
 *   a row of the table when given a table
 * @data: data for @add
 *
 * Prints @objects as a JSON array or as an aligned table.
 */
void
evident_cli_print_array (GPtrArray        *objects,
                         gboolean          json,
                         const char       *layout,
                         EvidentCliAddFunc add,
                         gpointer          data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (EvidentCliTable) table = evident_cli_table_new (layout);

  json_builder_begin_array (builder);
  for (guint i = 0; i < objects->len; i++)
    add (json ? builder : NULL, json ? NULL : table, g_ptr_array_index (objects, i), data);
  json_builder_end_array (builder);

  if (json)
    evident_cli_print_json (builder);
  else
    evident_cli_table_print (table);
}

/* Whole numbers as integers, others as they are. */
JsonNode *
evident_cli_json_number (double value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (value == (double) (gint64) value)
    json_node_set_int (node, (gint64) value);
  else
    json_node_set_double (node, value);
  return node;
}

/* @member: @value, or null when @value is %NULL. */
void
evident_cli_json_add_string (JsonBuilder *builder,
                             const char  *member,
                             const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
evident_cli_json_add_int (JsonBuilder *builder,
                          const char  *member,
                          gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
evident_cli_json_add_boolean (JsonBuilder *builder,
                              const char  *member,
                              gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* A double as its shortest text that reads back as the same double:
 * 0.3, not 0.29999999999999999 as json-glib writes it. */
static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%dg", digits);

      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

static void
append_indent (GString *out,
               guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* Writes @node as json-glib's pretty printer does, indented by two, but
 * for doubles. */
static void
append_node (GString  *out,
             JsonNode *node,
             guint     depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr (GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{  }");
            break;
          }
        g_string_append_c (out, '{');
        for (GList *m = members; m != NULL; m = m->next)
          {
            g_autoptr (JsonNode) name = json_node_init_string (json_node_alloc (), m->data);
            g_autofree char *quoted = json_to_string (name, FALSE);

            append_indent (out, depth + 1);
            g_string_append_printf (out, "%s : ", quoted);
            append_node (out, json_object_get_member (object, m->data), depth + 1);
            if (m->next != NULL)
              g_string_append_c (out, ',');
          }
        append_indent (out, depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = json_array_get_length (array);

        if (length == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < length; i++)
          {
            append_indent (out, depth + 1);
            append_node (out, json_array_get_element (array, i), depth + 1);
            if (i + 1 < length)
              g_string_append_c (out, ',');
          }
        append_indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        {
          append_double (out, json_node_get_double (node));
          break;
        }
      G_GNUC_FALLTHROUGH;
    case JSON_NODE_NULL:
    default:
      {
        g_autofree char *text = json_to_string (node, FALSE);

        g_string_append (out, text);
      }
      break;
    }
}

/* Prints what @builder built, indented by two. */
void
evident_cli_print_json (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autoptr (GString) text = g_string_new (NULL);

  append_node (text, root, 0);
  g_print ("%s\n", text->str);
}

/**
 * evident_cli_print_list:
 * @list: the objects to print, in order
 * @json: whether to print a JSON array rather than a table
 * @layout: the table's columns, as for evident_cli_table_new()
 * @add_json: adds one object of @list to the JSON array
 * @add_row: adds one object of @list as a row of the table
 *
 * Prints @list as a JSON array of objects or as an aligned table.
 */
void
evident_cli_print_list (GListModel        *list,
                        gboolean           json,
                        const char        *layout,
                        EvidentCliAddJson  add_json,
                        EvidentCliAddRow   add_row)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (EvidentCliTable) table = evident_cli_table_new (layout);

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (GObject) object = g_list_model_get_item (list, i);

      if (json)
        add_json (builder, object);
      else
        add_row (table, object);
    }
  json_builder_end_array (builder);

  if (json)
    evident_cli_print_json (builder);
  else
    evident_cli_table_print (table);
}
