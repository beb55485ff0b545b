/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The report's last section: every item in scope, chapter by chapter (each
 * a bookmark), in a table whose header repeats on every page: reference,
 * title with points and requirement, owner, complexity, status, due date,
 * and the evidence: each file with the start of its SHA-256, each link
 * clickable. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-enums-util.h"
#include "evident-report-sections.h"

#define FONT_CELL      REPORT_FONT " 8"
#define FONT_CELL_BOLD REPORT_FONT " Bold 8"
#define FONT_NOTE      REPORT_FONT " 7"
#define FONT_HEADER    REPORT_FONT " Bold 7"

/* Digits of a file's SHA-256 shown, as `evident-cli evidence` shows. */
#define SHORT_SHA256 12

enum
{
  COLUMN_REF,
  COLUMN_ITEM,
  COLUMN_OWNER,
  COLUMN_COMPLEXITY,
  COLUMN_STATUS,
  COLUMN_DUE,
  COLUMN_EVIDENCE,
  N_COLUMNS
};

static void
init_columns (EvidentReportColumns *columns,
              double                width,
              double                ref_width)
{
  const double widths[N_COLUMNS] = { ref_width, 0, 62, 52, 56, 52, 82 };
  double rest = width;

  columns->n_columns = N_COLUMNS;
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      columns->widths[i] = widths[i];
      columns->align[i] = PANGO_ALIGN_LEFT;
      rest -= widths[i];
    }
  columns->widths[COLUMN_ITEM] = rest;
}

static EvidentReportBlock *
build_header (EvidentReportFlow          *flow,
              const EvidentReportColumns *columns)
{
  const char *labels[N_COLUMNS] = {
    _("Ref."), _("Item"), C_("item field", "Owner"), C_("item field", "Complexity"),
    C_("item field", "Status"), _("Due"), C_("item field", "Evidence"),
  };
  EvidentReportRow row;

  evident_report_row_begin (&row, flow, columns);
  for (guint i = 0; i < N_COLUMNS; i++)
    evident_report_row_add_text (&row, i, FONT_HEADER, labels[i], FALSE, &REPORT_DIM, NULL);
  return evident_report_row_end_header (&row);
}

/* "8 points · mandatory" */
static char *
describe_weight (EvidentReportData *data,
                 EvidentReportItem *item)
{
  GString *text = g_string_new (NULL);

  if (data->rules.mode == EVIDENT_SCORE_MODE_POINTS)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d point", "%d points",
                                               item->points),
                            item->points);
  if (item->mandatory)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, _("mandatory"));
    }
  return g_string_free (text, FALSE);
}

static void
add_evidence (EvidentReportRow  *row,
              EvidentReportItem *item)
{
  if (item->evidence->len == 0)
    {
      evident_report_row_add_text (row, COLUMN_EVIDENCE, FONT_CELL, "—", FALSE, &REPORT_DIM,
                                   NULL);
      return;
    }
  for (guint i = 0; i < item->evidence->len; i++)
    {
      EvidentReportEvidence *evidence = g_ptr_array_index (item->evidence, i);
      g_autofree char *markup = NULL;
      g_autofree char *short_sha256 = NULL;

      if (evidence->url != NULL)
        {
          markup = g_markup_printf_escaped ("<u>%s</u>", evidence->title);
          evident_report_row_add_text (row, COLUMN_EVIDENCE, FONT_CELL, markup, TRUE,
                                       &REPORT_LINK, evidence->url);
          continue;
        }
      short_sha256 = g_strndup (evidence->sha256, SHORT_SHA256);
      markup = g_markup_printf_escaped ("%s <span font=\"" REPORT_FONT_MONO " 6.5\" "
                                        "foreground=\"#77767b\">%s</span>",
                                        evidence->title, short_sha256);
      evident_report_row_add_text (row, COLUMN_EVIDENCE, FONT_CELL, markup, TRUE, &REPORT_TEXT,
                                   NULL);
    }
}

static void
build_row (EvidentReportFlow          *flow,
           const EvidentReportColumns *columns,
           EvidentReportBlock         *header,
           EvidentReportData          *data,
           EvidentReportItem          *item)
{
  g_autofree char *weight = describe_weight (data, item);
  g_autofree char *due = item->due != NULL ? evident_report_format_due (item->due) : NULL;
  EvidentReportRow row;

  evident_report_row_begin (&row, flow, columns);
  evident_report_row_add_text (&row, COLUMN_REF, FONT_CELL_BOLD, item->ref, FALSE, &REPORT_TEXT,
                               NULL);
  evident_report_row_add_text (&row, COLUMN_ITEM, FONT_CELL_BOLD, item->title, FALSE,
                               &REPORT_TEXT, NULL);
  if (*weight != '\0')
    evident_report_row_add_text (&row, COLUMN_ITEM, FONT_NOTE, weight, FALSE, &REPORT_DIM, NULL);
  if (item->requirement != NULL)
    {
      row.bottom[COLUMN_ITEM] += 2;
      evident_report_row_add_text (&row, COLUMN_ITEM, FONT_NOTE, item->requirement, FALSE,
                                   &REPORT_DIM, NULL);
    }
  evident_report_row_add_text (&row, COLUMN_OWNER, FONT_CELL,
                               item->owner != NULL ? item->owner : "—", FALSE,
                               item->owner != NULL ? &REPORT_TEXT : &REPORT_DIM, NULL);
  evident_report_row_add_text (&row, COLUMN_COMPLEXITY, FONT_CELL,
                               item->complexity != EVIDENT_COMPLEXITY_NONE
                                 ? evident_complexity_get_label (item->complexity) : "—",
                               FALSE, &REPORT_TEXT, NULL);
  evident_report_row_add_text (&row, COLUMN_STATUS, FONT_CELL_BOLD,
                               evident_status_get_label (item->status), FALSE,
                               evident_report_status_color (item->status), NULL);
  evident_report_row_add_text (&row, COLUMN_DUE, FONT_CELL, due != NULL ? due : "—", FALSE,
                               due != NULL ? &REPORT_TEXT : &REPORT_DIM, NULL);
  add_evidence (&row, item);
  evident_report_row_end (&row, header, NULL);
}

void
evident_report_items_build (EvidentReportFlow *flow,
                            EvidentReportData *data)
{
  EvidentReportColumns columns;
  guint n_listed = 0;

  init_columns (&columns, flow->width, evident_report_ref_width (flow, data));
  evident_report_heading (flow, _("Items"), 0, _("Items"))->page_break_before = TRUE;
  evident_report_paragraph (flow, REPORT_FONT " 9.5",
                            _("Every item in this report, chapter by chapter, with its evidence: "
                              "each file with the first digits of its SHA-256, each link as a "
                              "link."),
                            &REPORT_DIM)->keep_with_next = TRUE;

  for (guint c = 0; c < data->chapters->len; c++)
    {
      EvidentReportChapter *chapter = g_ptr_array_index (data->chapters, c);
      g_autofree char *title = NULL;
      EvidentReportBlock *header;

      if (chapter->items->len == 0)
        continue;
      title = g_strdup_printf ("%s  %s", chapter->number, chapter->title);
      evident_report_heading (flow, title, 1, title);
      header = build_header (flow, &columns);
      for (guint i = 0; i < chapter->items->len; i++)
        build_row (flow, &columns, header, data, g_ptr_array_index (chapter->items, i));
      n_listed += chapter->items->len;
    }
  if (n_listed == 0)
    evident_report_paragraph (flow, REPORT_FONT " 9.5", _("No items"), &REPORT_DIM);
}
