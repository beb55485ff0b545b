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

#include "evident-cli-commands.h"
#include "evident-cli-output.h"

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

/* A header row, one row per owner and the unassigned items, then the
 * column totals; one column per complexity, then the row totals. */
static void
print_text (const EvidentHeatmap *heatmap)
{
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("l  r  r  r  r  r");

  evident_cli_table_add (table, _("Owner"));
  for (guint c = 0; c < EVIDENT_HEATMAP_N_COLUMNS; c++)
    evident_cli_table_add (table, evident_complexity_get_label (
                                    evident_heatmap_column_get_complexity (c)));
  evident_cli_table_add (table, C_("heat map", "Total"));

  for (guint r = 0; r <= heatmap->n_rows; r++)
    {
      guint row = r < heatmap->n_rows ? r : EVIDENT_HEATMAP_TOTAL;

      evident_cli_table_add (table, evident_heatmap_get_row_label (heatmap, row));
      for (guint c = 0; c <= EVIDENT_HEATMAP_N_COLUMNS; c++)
        {
          guint column = c < EVIDENT_HEATMAP_N_COLUMNS ? c : EVIDENT_HEATMAP_TOTAL;
          g_autofree char *text = evident_heatmap_format_value (heatmap, row, column);

          evident_cli_table_add (table, text);
        }
    }

  g_print ("%s\n\n", metric_description (heatmap->metric));
  evident_cli_table_print (table);
}

typedef struct
{
  char                 *metric_name;
  EvidentHeatmapMetric  metric;
} HeatmapOptions;

static const GOptionEntry heatmap_entries[] = {
  { "metric", 'm', 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (HeatmapOptions, metric_name),
    N_("What the cells show: open, risk or done (default %s)"), N_("METRIC") },
  { NULL }
};

static void
heatmap_init (gpointer values)
{
  HeatmapOptions *options = values;

  options->metric = EVIDENT_HEATMAP_METRIC_OPEN;
  options->metric_name = (char *) evident_heatmap_metric_to_string (options->metric);
}

static gboolean
heatmap_check (EvidentCliContext  *cli,
               GError            **error)
{
  HeatmapOptions *options = cli->options;

  if (evident_heatmap_metric_from_string (options->metric_name, &options->metric))
    return TRUE;
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The metric is “open”, “risk” or “done”"));
  return FALSE;
}

const EvidentCliOptions evident_cli_heatmap_options = {
  .entries = heatmap_entries,
  .size = sizeof (HeatmapOptions),
  .init = heatmap_init,
  .check = heatmap_check,
  .description = N_("One row per owner, then the unassigned items; one column per complexity: "
                    "low, medium, high, unrated; with row and column totals.\n\n"
                    "Metrics:\n"
                    "  open  items not counted in the projected view\n"
                    "  risk  points at risk: the open items’ points, plus the mandatory penalty "
                    "for open mandatory items\n"
                    "  done  share of the items counted in the projected view, in percent "
                    "(not-applicable items count as done)"),
};

int
evident_cli_heatmap (EvidentCliContext  *cli,
                     GError            **error)
{
  HeatmapOptions *options = cli->options;
  g_autoptr (EvidentHeatmap) heatmap = NULL;

  heatmap = evident_heatmap_compute (evident_project_get_rules (cli->project),
                                     evident_project_get_items (cli->project), options->metric);
  if (cli->json)
    print_json (heatmap);
  else
    print_text (heatmap);
  return EXIT_SUCCESS;
}
