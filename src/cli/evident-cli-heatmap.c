/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli heatmap: the overview page's owner × complexity matrix. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>

#include "evident-enums-util.h"
#include "evident-heatmap.h"
#include "evident-project.h"

#include "evident-cli-common.h"

/* The owner of the unassigned row in JSON, untranslated like every JSON key
 * and value. */
#define JSON_UNASSIGNED "Unassigned"

static void
append_string (GString    *json,
               const char *string)
{
  g_autoptr (JsonNode) node = json_node_init_string (json_node_alloc (), string);
  g_autofree char *quoted = json_to_string (node, FALSE);

  g_string_append (json, quoted);
}

/* Counts and points as integers, shares with one decimal (json-glib would
 * print 33.299999999999997), null for the share of an empty cell. */
static void
append_value (GString              *json,
              const EvidentHeatmap *heatmap,
              guint                 row,
              guint                 column)
{
  double value = evident_heatmap_get_value (heatmap, row, column);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    g_string_append (json, "null");
  else if (heatmap->metric == EVIDENT_HEATMAP_METRIC_DONE)
    g_string_append (json, g_ascii_formatd (buffer, sizeof buffer, "%.1f",
                                            evident_heatmap_round_share (value)));
  else
    g_string_append_printf (json, "%" G_GINT64_FORMAT, (gint64) value);
}

/* One line per owner's row of cells, so that the matrix reads as one. */
static void
print_json (const EvidentHeatmap *heatmap)
{
  g_autoptr (GString) json = g_string_new ("{\n");

  g_string_append (json, "  \"metric\": ");
  append_string (json, evident_heatmap_metric_to_string (heatmap->metric));

  g_string_append (json, ",\n  \"owners\": [");
  for (guint r = 0; r < heatmap->n_rows; r++)
    {
      const char *owner = evident_heatmap_get_owner (heatmap, r);

      if (r > 0)
        g_string_append (json, ", ");
      append_string (json, owner ? owner : JSON_UNASSIGNED);
    }

  g_string_append (json, "],\n  \"complexities\": [");
  for (guint c = 0; c < EVIDENT_HEATMAP_N_COLUMNS; c++)
    {
      EvidentComplexity complexity = evident_heatmap_column_get_complexity (c);

      if (c > 0)
        g_string_append (json, ", ");
      append_string (json, complexity == EVIDENT_COMPLEXITY_NONE
                             ? "unrated"
                             : evident_complexity_to_string (complexity));
    }

  g_string_append (json, "],\n  \"cells\": [\n");
  for (guint r = 0; r < heatmap->n_rows; r++)
    {
      g_string_append (json, "    [");
      for (guint c = 0; c < EVIDENT_HEATMAP_N_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append (json, ", ");
          append_value (json, heatmap, r, c);
        }
      g_string_append (json, r + 1 < heatmap->n_rows ? "],\n" : "]\n");
    }

  g_string_append (json, "  ],\n  \"row_totals\": [");
  for (guint r = 0; r < heatmap->n_rows; r++)
    {
      if (r > 0)
        g_string_append (json, ", ");
      append_value (json, heatmap, r, EVIDENT_HEATMAP_TOTAL);
    }

  g_string_append (json, "],\n  \"column_totals\": [");
  for (guint c = 0; c < EVIDENT_HEATMAP_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append (json, ", ");
      append_value (json, heatmap, EVIDENT_HEATMAP_TOTAL, c);
    }

  g_string_append (json, "],\n  \"total\": ");
  append_value (json, heatmap, EVIDENT_HEATMAP_TOTAL, EVIDENT_HEATMAP_TOTAL);
  g_string_append (json, "\n}\n");

  g_print ("%s", json->str);
}

/* Pads @text to @width characters (not bytes: names and translations are
 * UTF-8), on the left when @right. */
static void
print_padded (const char *text,
              guint       width,
              gboolean    right)
{
  glong length = g_utf8_strlen (text, -1);
  guint pad = length < (glong) width ? width - (guint) length : 0;

  if (right)
    g_print ("%*s%s", pad, "", text);
  else
    g_print ("%s%*s", text, pad, "");
}

static const char *
metric_description (EvidentHeatmapMetric metric)
{
  switch (metric)
    {
    case EVIDENT_HEATMAP_METRIC_OPEN:
      return _("Open items (not counted in the projected view), by owner and complexity");
    case EVIDENT_HEATMAP_METRIC_RISK:
      return _("Points at risk (open items’ points, plus the penalty for open mandatory items), "
               "by owner and complexity");
    case EVIDENT_HEATMAP_METRIC_DONE:
      return _("Share of items done (counted in the projected view), by owner and complexity");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
print_text (const EvidentHeatmap *heatmap)
{
  /* Rows: the owners, then the column totals; columns: the complexities,
   * then the row totals. */
  guint n_rows = heatmap->n_rows + 1;
  guint n_columns = EVIDENT_HEATMAP_N_COLUMNS + 1;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint label_width = g_utf8_strlen (_("Owner"), -1);
  guint widths[EVIDENT_HEATMAP_N_COLUMNS + 1];

  for (guint c = 0; c < n_columns; c++)
    {
      const char *title = c < EVIDENT_HEATMAP_N_COLUMNS
                            ? evident_complexity_get_label (evident_heatmap_column_get_complexity (c))
                            : C_("heat map", "Total");

      widths[c] = MAX (g_utf8_strlen (title, -1), 4);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      guint row = r < heatmap->n_rows ? r : EVIDENT_HEATMAP_TOTAL;

      label_width = MAX (label_width, g_utf8_strlen (evident_heatmap_get_row_label (heatmap, row), -1));
      for (guint c = 0; c < n_columns; c++)
        {
          guint column = c < EVIDENT_HEATMAP_N_COLUMNS ? c : EVIDENT_HEATMAP_TOTAL;
          char *text = evident_heatmap_format_value (heatmap, row, column);

          widths[c] = MAX (widths[c], g_utf8_strlen (text, -1));
          g_ptr_array_add (texts, text);
        }
    }

  g_print ("%s\n\n", metric_description (heatmap->metric));

  print_padded (_("Owner"), label_width, FALSE);
  for (guint c = 0; c < n_columns; c++)
    {
      g_print ("  ");
      print_padded (c < EVIDENT_HEATMAP_N_COLUMNS
                      ? evident_complexity_get_label (evident_heatmap_column_get_complexity (c))
                      : C_("heat map", "Total"),
                    widths[c], TRUE);
    }
  g_print ("\n");

  for (guint r = 0; r < n_rows; r++)
    {
      guint row = r < heatmap->n_rows ? r : EVIDENT_HEATMAP_TOTAL;

      print_padded (evident_heatmap_get_row_label (heatmap, row), label_width, FALSE);
      for (guint c = 0; c < n_columns; c++)
        {
          g_print ("  ");
          print_padded (g_ptr_array_index (texts, r * n_columns + c), widths[c], TRUE);
        }
      g_print ("\n");
    }
}

int
evident_cli_command_heatmap (int    argc,
                             char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
      _("PROJECT — show the items by owner and complexity"));
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (EvidentHeatmap) heatmap = NULL;
  g_autofree char *metric_name = NULL;
  EvidentHeatmapMetric metric = EVIDENT_HEATMAP_METRIC_OPEN;
  gboolean json = FALSE;
  int ret;
  const GOptionEntry options[] = {
    { "metric", 'm', 0, G_OPTION_ARG_STRING, &metric_name,
      N_("What the cells show: open (the default), risk or done"), N_("METRIC") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  g_option_context_set_description (
      context, _("One row per owner, then the unassigned items; one column per complexity: low, "
                 "medium, high, unrated; with row and column totals.\n\n"
                 "Metrics:\n"
                 "  open  items not counted in the projected view\n"
                 "  risk  points at risk: the open items’ points, plus the mandatory penalty for "
                 "open mandatory items\n"
                 "  done  share of the items counted in the projected view, in percent "
                 "(not-applicable items count as done)"));
  if ((ret = evident_cli_parse_options (context, &argc, &argv, 1, 1)) >= 0)
    return ret;
  if (metric_name != NULL && !evident_heatmap_metric_from_string (metric_name, &metric))
    return evident_cli_usage_error (context, _("The metric is “open”, “risk” or “done”"));

  project = evident_cli_open_project (argv[1], &error);
  if (project == NULL)
    return evident_cli_fail (error);

  heatmap = evident_heatmap_compute (evident_project_get_rules (project),
                                     evident_project_get_items (project), metric);
  if (json)
    print_json (heatmap);
  else
    print_text (heatmap);
  return EXIT_SUCCESS;
}
