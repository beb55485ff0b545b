/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The report's sections before the items: the cover with the score in
 * every view against the pass line, the chapters with their progress, the
 * mandatory items not counted, the most points at risk and the owner ×
 * complexity heat map. Each is a heading and blocks, in order. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "evident-enums-util.h"
#include "evident-report-sections.h"

#define FONT_BODY       REPORT_FONT " 9.5"
#define FONT_SMALL      REPORT_FONT " 8"
#define FONT_CELL       REPORT_FONT " 8"
#define FONT_CELL_BOLD  REPORT_FONT " Bold 8"
#define FONT_HEADER     REPORT_FONT " Bold 7.5"

/* The text column is about 493 points wide on A4, 510 on Letter: tables
 * give their first text column what the others leave. */
#define N_AT_RISK_SHOWN 10

static const EvidentReportColor STATUS_IN_PROGRESS = { 0x9c / 255., 0x6e / 255., 0x03 / 255., 1 };

/* The heat map's ramp (as the application's, light end): no open items,
 * then fewest to most. */
static const EvidentReportColor HEAT[] = {
  { 0xfe / 255., 0xed / 255., 0xdc / 255., 1 },
  { 0xfd / 255., 0xd0 / 255., 0xa2 / 255., 1 },
  { 0xfd / 255., 0xae / 255., 0x6b / 255., 1 },
  { 0xf3 / 255., 0x84 / 255., 0x3a / 255., 1 },
};

const EvidentReportColor *
evident_report_status_color (EvidentStatus status)
{
  switch (status)
    {
    case EVIDENT_STATUS_MET:
    case EVIDENT_STATUS_NOT_APPLICABLE:
      return &REPORT_GOOD;
    case EVIDENT_STATUS_READY:
      return &REPORT_ACCENT;
    case EVIDENT_STATUS_IN_PROGRESS:
      return &STATUS_IN_PROGRESS;
    case EVIDENT_STATUS_NOT_MET:
      return &REPORT_BAD;
    case EVIDENT_STATUS_NOT_STARTED:
    default:
      return &REPORT_DIM;
    }
}

/**
 * evident_report_ref_width:
 *
 * The width of a column of references: the longest reference in scope on
 * one line ("8.2.1" or "SECP-001"), within reason.
 */
double
evident_report_ref_width (EvidentReportFlow *flow,
                          EvidentReportData *data)
{
  g_autoptr (PangoLayout) layout = evident_report_text_new (flow, FONT_CELL_BOLD, "", FALSE,
                                                            flow->width, PANGO_ALIGN_LEFT);
  double widest = 0;

  for (guint i = 0; i < data->items->len; i++)
    {
      EvidentReportItem *item = g_ptr_array_index (data->items, i);
      PangoRectangle logical;

      pango_layout_set_text (layout, item->ref, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      widest = MAX (widest, (double) logical.width / PANGO_SCALE);
    }
  /* The cell's padding, and a little room. */
  return CLAMP (ceil (widest) + 10, 36, 80);
}

static char *
format_number (gint64 number)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, number);
}

static void add_cell_number (EvidentReportRow *row,
                             guint             column,
                             gint64            number);

/* Cover */

static const char *
describe_scope (EvidentReportData *data)
{
  switch (data->scope)
    {
    case EVIDENT_REPORT_SCOPE_ALL:
      return _("Every item");
    case EVIDENT_REPORT_SCOPE_OPEN:
      return _("Open items: not counted in the projected view");
    case EVIDENT_REPORT_SCOPE_CHAPTER:
    default:
      return NULL;
    }
}

static void
add_fact (EvidentReportFlow          *flow,
          const EvidentReportColumns *columns,
          const char                 *label,
          const char                 *value,
          const char                 *font)
{
  EvidentReportRow row;

  evident_report_row_begin (&row, flow, columns);
  evident_report_row_add_text (&row, 0, FONT_BODY, label, FALSE, &REPORT_DIM, NULL);
  evident_report_row_add_text (&row, 1, font, value, FALSE, &REPORT_TEXT, NULL);
  evident_report_row_end (&row, NULL, NULL);
}

static void
build_title (EvidentReportFlow *flow,
             EvidentReportData *data)
{
  EvidentReportBlock *block = evident_report_block_new (flow);
  double y = 96;

  y += evident_report_add_text (block, evident_report_text_new (flow, REPORT_FONT " Bold 10.5",
                                                                _("Readiness report"), FALSE,
                                                                flow->width, PANGO_ALIGN_LEFT),
                                0, y, &REPORT_ACCENT, NULL);
  y += 6;
  y += evident_report_add_text (block, evident_report_text_new (flow, REPORT_FONT " Bold 26",
                                                                data->project_title, FALSE,
                                                                flow->width, PANGO_ALIGN_LEFT),
                                0, y, &REPORT_TEXT, NULL);
  if (data->checklist_version != NULL && *data->checklist_version != '\0')
    {
      g_autofree char *version = g_strdup_printf (_("Checklist version %s"),
                                                  data->checklist_version);

      y += 4;
      y += evident_report_add_text (block, evident_report_text_new (flow, REPORT_FONT " 13",
                                                                    version, FALSE, flow->width,
                                                                    PANGO_ALIGN_LEFT),
                                    0, y, &REPORT_DIM, NULL);
    }
  y += 18;
  evident_report_add_rect (block, 0, y, 48, 3, 1.5, &REPORT_ACCENT);
  block->height = y + 3 + 30;
}

static void
build_facts (EvidentReportFlow *flow,
             EvidentReportData *data)
{
  static EvidentReportColumns columns = { 2, { 130, 0 }, { PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT } };
  g_autofree char *date = evident_report_format_date (data->created);
  g_autofree char *items = NULL;
  g_autofree char *chapter = NULL;
  const char *scope = describe_scope (data);

  columns.widths[1] = flow->width - columns.widths[0];
  if (scope == NULL)
    {
      EvidentReportChapter *only = g_ptr_array_index (data->chapters, 0);

      /* Translators: the scope of a report: one chapter, its number and title */
      chapter = g_strdup_printf (_("Chapter %s %s"), only->number, only->title);
      scope = chapter;
    }
  items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u item", "%u of %u items",
                                        data->n_project_items),
                           data->items->len, data->n_project_items);

  add_fact (flow, &columns, _("Date"), date, FONT_BODY);
  add_fact (flow, &columns, _("Scope"), scope, FONT_BODY);
  add_fact (flow, &columns, _("Items in this report"), items, FONT_BODY);
  if (data->pack_digest != NULL)
    add_fact (flow, &columns, _("Evidence pack manifest (SHA-256)"), data->pack_digest,
              REPORT_FONT_MONO " 8");
}

static const char *
describe_view (EvidentView view)
{
  switch (view)
    {
    case EVIDENT_VIEW_CONFIRMED:
      return _("Items met or not applicable");
    case EVIDENT_VIEW_PROJECTED:
      return _("Also the items ready for review");
    case EVIDENT_VIEW_BEST:
    default:
      return _("Every item not marked not met");
    }
}

/* A view's score: its name and what it counts, the score and whether it
 * passes, a bar with the pass line marked. */
static void
build_view (EvidentReportFlow *flow,
            EvidentReportData *data,
            EvidentView        view)
{
  EvidentReportBlock *block = evident_report_block_new (flow);
  const EvidentViewScore *score = &data->views[view];
  gboolean points = data->rules.mode == EVIDENT_SCORE_MODE_POINTS;
  g_autofree char *max = format_number (data->max_score);
  g_autofree char *value = NULL;
  g_autoptr (GString) verdict = g_string_new (score->pass ? _("passes") : _("does not pass"));
  double fraction;
  double width = flow->width;

  if (points)
    {
      g_autofree char *number = g_strdup_printf ("%ld", lround (score->score));

      /* Translators: a score against the most there is, e.g. "528 of 1000 points" */
      value = g_strdup_printf (_("%s of %s points"), number, max);
      fraction = data->max_score > 0 ? score->score / data->max_score : 0;
    }
  else
    {
      /* Translators: a score in pass-fail mode, the share of items counted */
      value = g_strdup_printf (_("%d %%"), (int) floor (score->score));
      fraction = score->score / 100;
    }
  if (score->n_mandatory_open > 0)
    g_string_append_printf (verdict,
                            g_dngettext (GETTEXT_PACKAGE, " (%u mandatory item not counted)",
                                         " (%u mandatory items not counted)",
                                         score->n_mandatory_open),
                            score->n_mandatory_open);

  evident_report_add_text (block, evident_report_text_new (flow, REPORT_FONT " Bold 11",
                                                           evident_view_get_label (view), FALSE,
                                                           width / 2, PANGO_ALIGN_LEFT),
                           0, 0, &REPORT_TEXT, NULL);
  evident_report_add_text (block, evident_report_text_new (flow, FONT_SMALL, describe_view (view),
                                                           FALSE, width / 2, PANGO_ALIGN_LEFT),
                           0, 16, &REPORT_DIM, NULL);
  evident_report_add_text (block, evident_report_text_new (flow, REPORT_FONT " Bold 11", value,
                                                           FALSE, width / 2, PANGO_ALIGN_RIGHT),
                           width / 2, 0, &REPORT_TEXT, NULL);
  evident_report_add_text (block, evident_report_text_new (flow, FONT_SMALL, verdict->str, FALSE,
                                                           width / 2, PANGO_ALIGN_RIGHT),
                           width / 2, 16, score->pass ? &REPORT_GOOD : &REPORT_BAD, NULL);

  fraction = CLAMP (fraction, 0, 1);
  evident_report_add_rect (block, 0, 34, width, 10, 5, &REPORT_TRACK);
  if (fraction > 0)
    evident_report_add_rect (block, 0, 34, MAX (width * fraction, 10), 10, 5,
                             score->pass ? &REPORT_GOOD : &REPORT_ACCENT);
  if (points && data->max_score > 0)
    {
      double pass = CLAMP ((double) data->rules.pass_score / data->max_score, 0, 1);

      evident_report_add_rect (block, width * pass - 1, 30, 2, 18, 0, &REPORT_TEXT);
    }
  block->height = 48;
  block->space_before = 16;
}

static void
build_score (EvidentReportFlow *flow,
             EvidentReportData *data)
{
  g_autofree char *rules = NULL;

  evident_report_heading (flow, _("Score"), 0, _("Score"));
  if (data->rules.mode == EVIDENT_SCORE_MODE_POINTS)
    rules = g_markup_printf_escaped (_("The pass line is %d of %d points, marked on each bar. "
                                       "Each mandatory item not counted costs %d points."),
                                     data->rules.pass_score, (int) data->max_score,
                                     data->rules.mandatory_penalty);
  else
    rules = g_markup_escape_text (_("A pass-fail checklist: the score is the share of items "
                                    "counted, and passing needs every mandatory item counted."),
                                  -1);
  evident_report_paragraph (flow, FONT_BODY, rules, &REPORT_DIM);
  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    build_view (flow, data, v);
}

/* How many items have each status, in the whole project. */
static void
build_statuses (EvidentReportFlow *flow,
                EvidentReportData *data)
{
  static const EvidentStatus order[] = {
    EVIDENT_STATUS_MET, EVIDENT_STATUS_NOT_APPLICABLE, EVIDENT_STATUS_READY,
    EVIDENT_STATUS_IN_PROGRESS, EVIDENT_STATUS_NOT_STARTED, EVIDENT_STATUS_NOT_MET,
  };
  EvidentReportColumns columns = { 3, { 130, 50, 0 },
                                   { PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT } };

  columns.widths[2] = flow->width - 180;
  evident_report_heading (flow, _("Items by status"), 1, NULL)->space_before = 22;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      guint n = data->n_status[order[i]];
      EvidentReportRow row;

      evident_report_row_begin (&row, flow, &columns);
      evident_report_row_add_text (&row, 0, FONT_CELL_BOLD, evident_status_get_label (order[i]),
                                   FALSE, evident_report_status_color (order[i]), NULL);
      add_cell_number (&row, 1, n);
      row.bottom[2] -= 1;
      evident_report_row_add_bar (&row, 2, data->n_project_items > 0
                                             ? (double) n / data->n_project_items : 0, 0);
      evident_report_row_end (&row, NULL, NULL);
    }
}

/* Chapters */

static EvidentReportBlock *
header_row (EvidentReportFlow          *flow,
            const EvidentReportColumns *columns,
            const char * const         *labels)
{
  EvidentReportRow row;

  evident_report_row_begin (&row, flow, columns);
  for (guint i = 0; i < columns->n_columns; i++)
    evident_report_row_add_text (&row, i, FONT_HEADER, labels[i], FALSE, &REPORT_DIM, NULL);
  return evident_report_row_end_header (&row);
}

static void
add_cell_number (EvidentReportRow *row,
                 guint             column,
                 gint64            number)
{
  g_autofree char *text = format_number (number);

  evident_report_row_add_text (row, column, FONT_CELL, text, FALSE, &REPORT_TEXT, NULL);
}

static void
build_chapters (EvidentReportFlow *flow,
                EvidentReportData *data)
{
  EvidentReportColumns columns = {
    5, { 0, 110, 62, 62, 62 },
    { PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT }
  };
  gboolean points = data->rules.mode == EVIDENT_SCORE_MODE_POINTS;
  const char *labels[] = { _("Chapter"), _("Progress"), C_("score view", "Confirmed"),
                           C_("score view", "Projected"),
                           points ? _("Available") : _("Items") };
  EvidentReportBlock *header;
  g_autofree char *legend = NULL;

  columns.widths[0] = flow->width - 296;
  evident_report_heading (flow, _("Chapters"), 0, _("Chapters"))->page_break_before = TRUE;
  legend = g_markup_escape_text (points ? _("Points confirmed (solid) and projected (light) of "
                                            "the points available.")
                                        : _("Items confirmed (solid) and projected (light) of "
                                            "the items."),
                                 -1);
  evident_report_paragraph (flow, FONT_BODY, legend, &REPORT_DIM)->keep_with_next = TRUE;
  header = header_row (flow, &columns, labels);

  for (guint c = 0; c < data->chapters->len; c++)
    {
      EvidentReportChapter *chapter = g_ptr_array_index (data->chapters, c);
      gboolean by_points = points && chapter->points > 0;
      double whole = by_points ? chapter->points : chapter->n_items;
      double confirmed = by_points ? chapter->points_counted[EVIDENT_VIEW_CONFIRMED]
                                   : chapter->n_counted[EVIDENT_VIEW_CONFIRMED];
      double projected = by_points ? chapter->points_counted[EVIDENT_VIEW_PROJECTED]
                                   : chapter->n_counted[EVIDENT_VIEW_PROJECTED];
      g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>  %s", chapter->number,
                                                       chapter->title);
      EvidentReportRow row;

      evident_report_row_begin (&row, flow, &columns);
      evident_report_row_add_text (&row, 0, FONT_CELL, name, TRUE, &REPORT_TEXT, NULL);
      evident_report_row_add_bar (&row, 1, whole > 0 ? confirmed / whole : 0,
                                  whole > 0 ? projected / whole : 0);
      add_cell_number (&row, 2, (gint64) confirmed);
      add_cell_number (&row, 3, (gint64) projected);
      add_cell_number (&row, 4, (gint64) whole);
      evident_report_row_end (&row, header, NULL);
    }
}

/* Items in short: the open mandatory ones, the most points at risk. */

static void
build_item_list (EvidentReportFlow *flow,
                 EvidentReportData *data,
                 GPtrArray         *items,
                 guint              n_shown,
                 gboolean           with_risk)
{
  EvidentReportColumns columns = {
    5, { 0, 0, 84, 74, 64 },
    { PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT,
      with_risk ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT }
  };
  const char *labels[] = { _("Ref."), _("Title"), C_("item field", "Owner"),
                           C_("item field", "Status"),
                           with_risk ? _("At risk") : C_("item field", "Due Date") };
  EvidentReportBlock *header;

  columns.widths[0] = evident_report_ref_width (flow, data);
  columns.widths[1] = flow->width - columns.widths[0] - 222;
  header = header_row (flow, &columns, labels);
  for (guint i = 0; i < MIN (items->len, n_shown); i++)
    {
      EvidentReportItem *item = g_ptr_array_index (items, i);
      g_autofree char *last = NULL;
      EvidentReportRow row;

      if (with_risk)
        last = format_number (item->at_risk);
      else if (item->due != NULL)
        last = evident_report_format_due (item->due);
      evident_report_row_begin (&row, flow, &columns);
      evident_report_row_add_text (&row, 0, FONT_CELL_BOLD, item->ref, FALSE, &REPORT_TEXT, NULL);
      evident_report_row_add_text (&row, 1, FONT_CELL, item->title, FALSE, &REPORT_TEXT, NULL);
      evident_report_row_add_text (&row, 2, FONT_CELL,
                                   item->owner != NULL ? item->owner : C_("owner", "Unassigned"),
                                   FALSE, item->owner != NULL ? &REPORT_TEXT : &REPORT_DIM, NULL);
      evident_report_row_add_text (&row, 3, FONT_CELL, evident_status_get_label (item->status),
                                   FALSE, evident_report_status_color (item->status), NULL);
      evident_report_row_add_text (&row, 4, FONT_CELL, last != NULL ? last : "—", FALSE,
                                   last != NULL ? &REPORT_TEXT : &REPORT_DIM, NULL);
      evident_report_row_end (&row, header, NULL);
    }
}

static void
build_mandatory (EvidentReportFlow *flow,
                 EvidentReportData *data)
{
  evident_report_heading (flow, _("Mandatory items not counted"), 0,
                          _("Mandatory items not counted"));
  if (data->mandatory_open->len == 0)
    {
      evident_report_paragraph (flow, FONT_BODY,
                                _("Every mandatory item is counted in the projected view."),
                                &REPORT_DIM);
      return;
    }
  evident_report_paragraph (flow, FONT_BODY,
                            data->rules.mode == EVIDENT_SCORE_MODE_POINTS
                              ? _("Each costs the penalty until it is ready for review or met.")
                              : _("Passing needs each of them ready for review or met."),
                            &REPORT_DIM)->keep_with_next = TRUE;
  build_item_list (flow, data, data->mandatory_open, G_MAXUINT, FALSE);
}

static void
build_at_risk (EvidentReportFlow *flow,
               EvidentReportData *data)
{
  g_autofree char *summary = NULL;
  gint64 total = 0;

  for (guint i = 0; i < data->at_risk->len; i++)
    total += ((EvidentReportItem *) g_ptr_array_index (data->at_risk, i))->at_risk;

  evident_report_heading (flow, _("Most points at risk"), 0, _("Most points at risk"));
  if (data->at_risk->len == 0)
    {
      evident_report_paragraph (flow, FONT_BODY,
                                _("Every item is counted in the projected view."), &REPORT_DIM);
      return;
    }
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u item is not counted in the projected view: "
                                          "%d points at risk, penalties included.",
                                          "%u items are not counted in the projected view: "
                                          "%d points at risk, penalties included.",
                                          data->at_risk->len),
                             data->at_risk->len, (int) total);
  evident_report_paragraph (flow, FONT_BODY, summary, &REPORT_DIM)->keep_with_next = TRUE;
  build_item_list (flow, data, data->at_risk, N_AT_RISK_SHOWN, TRUE);
}

/* Heat map */

static const EvidentReportColor *
heat_color (const EvidentHeatmap *heatmap,
            guint                 n_open)
{
  guint max = 0;

  for (guint r = 0; r < heatmap->n_rows; r++)
    for (guint c = 0; c < EVIDENT_HEATMAP_N_COLUMNS; c++)
      max = MAX (max, evident_heatmap_get_cell (heatmap, r, c)->n_open);
  if (n_open == 0 || max == 0)
    return NULL;
  return &HEAT[MIN ((n_open * G_N_ELEMENTS (HEAT) + max - 1) / max, G_N_ELEMENTS (HEAT)) - 1];
}

/* Returns the cell's fill, or %NULL. */
static const EvidentReportColor *
add_heat_cell (EvidentReportRow  *row,
               EvidentReportData *data,
               guint              r,
               guint              c,
               guint              column)
{
  const EvidentHeatmapCell *cell = evident_heatmap_get_cell (data->heatmap, r, c);
  gboolean total = r == EVIDENT_HEATMAP_TOTAL || c == EVIDENT_HEATMAP_TOTAL;
  g_autofree char *open = g_strdup_printf ("%u", cell->n_open);

  if (cell->n_items == 0)
    {
      evident_report_row_add_text (row, column, FONT_CELL, "·", FALSE, &REPORT_DIM, NULL);
      return NULL;
    }
  evident_report_row_add_text (row, column, total ? FONT_CELL_BOLD : FONT_CELL, open, FALSE,
                               &REPORT_TEXT, NULL);
  if (data->rules.mode == EVIDENT_SCORE_MODE_POINTS && cell->n_open > 0)
    {
      g_autofree char *risk = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d point at risk",
                                                            "%d points at risk",
                                                            (int) cell->points_at_risk),
                                               (int) cell->points_at_risk);

      evident_report_row_add_text (row, column, REPORT_FONT " 6.5", risk, FALSE, &REPORT_DIM,
                                   NULL);
    }
  return total ? NULL : heat_color (data->heatmap, cell->n_open);
}

/* Fills behind the cells of a measured row. */
static void
fill_cells (EvidentReportBlock         *block,
            const EvidentReportColumns *columns,
            const EvidentReportColor  **fills)
{
  double x = 0;

  for (guint i = 0; i < columns->n_columns; i++)
    {
      if (fills[i] != NULL)
        {
          EvidentReportRect rect = { x + 1, 1, columns->widths[i] - 2, block->height - 2, 2,
                                     *fills[i] };

          g_array_prepend_val (block->rects, rect);
        }
      x += columns->widths[i];
    }
}

static void
build_heatmap (EvidentReportFlow *flow,
               EvidentReportData *data)
{
  EvidentHeatmap *heatmap = data->heatmap;
  EvidentReportColumns columns = { 6, { 0 }, { PANGO_ALIGN_LEFT } };
  const char *labels[6] = { C_("item field", "Owner") };
  EvidentReportBlock *header;

  columns.widths[0] = flow->width - 5 * 72;
  for (guint c = 0; c <= EVIDENT_HEATMAP_N_COLUMNS; c++)
    {
      columns.widths[c + 1] = 72;
      columns.align[c + 1] = PANGO_ALIGN_CENTER;
      labels[c + 1] = c < EVIDENT_HEATMAP_N_COLUMNS
                        ? evident_complexity_get_label (evident_heatmap_column_get_complexity (c))
                        : C_("heat map", "Total");
    }

  evident_report_heading (flow, _("Heat map"), 0, _("Heat map"));
  evident_report_paragraph (flow, FONT_BODY,
                            _("Open items (not counted in the projected view), by owner and "
                              "complexity"),
                            &REPORT_DIM)->keep_with_next = TRUE;
  header = header_row (flow, &columns, labels);
  for (guint r = 0; r <= heatmap->n_rows; r++)
    {
      guint row_index = r < heatmap->n_rows ? r : EVIDENT_HEATMAP_TOTAL;
      const EvidentReportColor *fills[REPORT_MAX_COLUMNS] = { NULL };
      EvidentReportRow row;

      evident_report_row_begin (&row, flow, &columns);
      evident_report_row_add_text (&row, 0, r < heatmap->n_rows ? FONT_CELL : FONT_CELL_BOLD,
                                   evident_heatmap_get_row_label (heatmap, row_index), FALSE,
                                   &REPORT_TEXT, NULL);
      for (guint c = 0; c <= EVIDENT_HEATMAP_N_COLUMNS; c++)
        fills[c + 1] = add_heat_cell (&row, data, row_index,
                                      c < EVIDENT_HEATMAP_N_COLUMNS ? c : EVIDENT_HEATMAP_TOTAL,
                                      c + 1);
      fill_cells (evident_report_row_end (&row, header, r < heatmap->n_rows ? NULL : &REPORT_SHADE),
                  &columns, fills);
    }
}

/**
 * evident_report_sections_build:
 *
 * Makes the blocks of the whole report, in order, into @flow.
 */
void
evident_report_sections_build (EvidentReportFlow *flow,
                               EvidentReportData *data)
{
  build_title (flow, data);
  build_facts (flow, data);
  build_score (flow, data);
  build_statuses (flow, data);
  build_chapters (flow, data);
  build_mandatory (flow, data);
  if (data->rules.mode == EVIDENT_SCORE_MODE_POINTS)
    build_at_risk (flow, data);
  build_heatmap (flow, data);
  evident_report_items_build (flow, data);
}
