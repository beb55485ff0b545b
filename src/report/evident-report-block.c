/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Blocks of a report: text laid out with Pango at 72 units per inch (one
 * unit is one point on paper), with metrics that do not depend on the
 * device, so that a page breaks in the same place in a PDF file and on a
 * printer. */

#include "config.h"

#include <string.h>

#include "evident-report-block.h"

/* The space around the text of a table cell. */
#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.5
#define BAR_HEIGHT 6.0

const EvidentReportColor REPORT_TEXT = { 0x24 / 255., 0x1f / 255., 0x31 / 255., 1 };
const EvidentReportColor REPORT_DIM = { 0x5e / 255., 0x5c / 255., 0x64 / 255., 1 };
const EvidentReportColor REPORT_RULE = { 0xde / 255., 0xdd / 255., 0xda / 255., 1 };
const EvidentReportColor REPORT_SHADE = { 0xf6 / 255., 0xf5 / 255., 0xf4 / 255., 1 };
const EvidentReportColor REPORT_ACCENT = { 0x1c / 255., 0x71 / 255., 0xd8 / 255., 1 };
const EvidentReportColor REPORT_LINK = { 0x1a / 255., 0x5f / 255., 0xb4 / 255., 1 };
const EvidentReportColor REPORT_GOOD = { 0x26 / 255., 0xa2 / 255., 0x69 / 255., 1 };
const EvidentReportColor REPORT_GOOD_LIGHT = { 0x8f / 255., 0xf0 / 255., 0xa4 / 255., 1 };
const EvidentReportColor REPORT_BAD = { 0xc0 / 255., 0x1c / 255., 0x28 / 255., 1 };
const EvidentReportColor REPORT_WARN = { 0xe5 / 255., 0xa5 / 255., 0x0a / 255., 1 };
const EvidentReportColor REPORT_TRACK = { 0xea / 255., 0xe9 / 255., 0xe7 / 255., 1 };

static void
piece_clear (gpointer data)
{
  EvidentReportPiece *piece = data;

  g_clear_object (&piece->layout);
  g_clear_pointer (&piece->uri, g_free);
  g_free (piece);
}

void
evident_report_flow_init (EvidentReportFlow *flow,
                          PangoContext      *pango,
                          double             width)
{
  flow->pango = g_object_ref (pango);
  flow->width = width;
  flow->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) evident_report_block_free);
}

void
evident_report_flow_clear (EvidentReportFlow *flow)
{
  g_clear_object (&flow->pango);
  g_clear_pointer (&flow->blocks, g_ptr_array_unref);
}

/* A new, empty block at the end of @flow. */
EvidentReportBlock *
evident_report_block_new (EvidentReportFlow *flow)
{
  EvidentReportBlock *block = g_new0 (EvidentReportBlock, 1);

  block->rects = g_array_new (FALSE, FALSE, sizeof (EvidentReportRect));
  block->pieces = g_ptr_array_new_with_free_func (piece_clear);
  g_ptr_array_add (flow->blocks, block);
  return block;
}

void
evident_report_block_free (EvidentReportBlock *block)
{
  g_clear_pointer (&block->rects, g_array_unref);
  g_clear_pointer (&block->pieces, g_ptr_array_unref);
  g_clear_pointer (&block->outline, g_free);
  g_free (block);
}

/**
 * evident_report_text_new:
 * @font: a Pango font description, e.g. REPORT_FONT " Bold 9"
 * @width: where lines wrap, in points
 *
 * Returns: (transfer full): the text laid out
 */
PangoLayout *
evident_report_text_new (EvidentReportFlow *flow,
                         const char        *font,
                         const char        *text,
                         gboolean           markup,
                         double             width,
                         PangoAlignment     align)
{
  PangoLayout *layout = pango_layout_new (flow->pango);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Adds @layout (taking it) to @block at (@x, @y); returns its height. */
double
evident_report_add_text (EvidentReportBlock       *block,
                         PangoLayout              *layout,
                         double                    x,
                         double                    y,
                         const EvidentReportColor *color,
                         const char               *uri)
{
  EvidentReportPiece *piece = g_new0 (EvidentReportPiece, 1);
  PangoRectangle logical;

  piece->layout = layout;
  piece->x = x;
  piece->y = y;
  piece->color = *color;
  piece->uri = g_strdup (uri);
  g_ptr_array_add (block->pieces, piece);

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

void
evident_report_add_rect (EvidentReportBlock       *block,
                         double                    x,
                         double                    y,
                         double                    width,
                         double                    height,
                         double                    radius,
                         const EvidentReportColor *color)
{
  EvidentReportRect rect = { x, y, width, height, radius, *color };

  g_array_append_val (block->rects, rect);
}

/* A heading: level 0 opens a section, level 1 a chapter of the items.
 * It stays with what follows it. */
EvidentReportBlock *
evident_report_heading (EvidentReportFlow *flow,
                        const char        *text,
                        int                level,
                        const char        *outline)
{
  EvidentReportBlock *block = evident_report_block_new (flow);
  const char *font = level == 0 ? REPORT_FONT " Bold 15" : REPORT_FONT " Bold 11.5";
  PangoLayout *layout = evident_report_text_new (flow, font, text, FALSE, flow->width,
                                                 PANGO_ALIGN_LEFT);
  double height;

  height = evident_report_add_text (block, layout, 0, 0, &REPORT_TEXT, NULL);
  block->space_before = level == 0 ? 22 : 16;
  block->keep_with_next = TRUE;
  block->outline = g_strdup (outline);
  block->outline_level = level;
  if (level == 0)
    {
      evident_report_add_rect (block, 0, height + 3, flow->width, 1, 0, &REPORT_RULE);
      block->height = height + 10;
    }
  else
    {
      block->height = height + 5;
    }
  return block;
}

EvidentReportBlock *
evident_report_paragraph (EvidentReportFlow        *flow,
                          const char               *font,
                          const char               *markup,
                          const EvidentReportColor *color)
{
  EvidentReportBlock *block = evident_report_block_new (flow);
  PangoLayout *layout = evident_report_text_new (flow, font, markup, TRUE, flow->width,
                                                 PANGO_ALIGN_LEFT);

  block->height = evident_report_add_text (block, layout, 0, 0, color, NULL);
  block->space_before = 6;
  return block;
}

/* Table rows */

static double
column_x (const EvidentReportColumns *columns,
          guint                       column)
{
  double x = 0;

  for (guint i = 0; i < column; i++)
    x += columns->widths[i];
  return x;
}

void
evident_report_row_begin (EvidentReportRow           *row,
                          EvidentReportFlow          *flow,
                          const EvidentReportColumns *columns)
{
  memset (row, 0, sizeof *row);
  row->flow = flow;
  row->columns = columns;
  row->block = evident_report_block_new (flow);
  for (guint i = 0; i < columns->n_columns; i++)
    row->bottom[i] = CELL_PAD_Y;
}

/* Adds a paragraph to a cell, below what it holds; returns its height. */
double
evident_report_row_add_text (EvidentReportRow         *row,
                             guint                     column,
                             const char               *font,
                             const char               *text,
                             gboolean                  markup,
                             const EvidentReportColor *color,
                             const char               *uri)
{
  const EvidentReportColumns *columns = row->columns;
  double width = columns->widths[column] - 2 * CELL_PAD_X;
  PangoLayout *layout;
  double height;

  g_assert (column < columns->n_columns);
  layout = evident_report_text_new (row->flow, font, text, markup, width, columns->align[column]);
  height = evident_report_add_text (row->block, layout, column_x (columns, column) + CELL_PAD_X,
                                    row->bottom[column], color, uri);
  row->bottom[column] += height;
  return height;
}

/* A progress bar in a cell: @solid and @light (≥ @solid) of the track. */
void
evident_report_row_add_bar (EvidentReportRow *row,
                            guint             column,
                            double            solid,
                            double            light)
{
  const EvidentReportColumns *columns = row->columns;
  double x = column_x (columns, column) + CELL_PAD_X;
  double width = columns->widths[column] - 2 * CELL_PAD_X;
  double y = row->bottom[column] + 3;

  solid = CLAMP (solid, 0, 1);
  light = CLAMP (light, solid, 1);
  evident_report_add_rect (row->block, x, y, width, BAR_HEIGHT, BAR_HEIGHT / 2, &REPORT_TRACK);
  if (light > 0)
    evident_report_add_rect (row->block, x, y, MAX (width * light, BAR_HEIGHT), BAR_HEIGHT,
                             BAR_HEIGHT / 2, &REPORT_GOOD_LIGHT);
  if (solid > 0)
    evident_report_add_rect (row->block, x, y, MAX (width * solid, BAR_HEIGHT), BAR_HEIGHT,
                             BAR_HEIGHT / 2, &REPORT_GOOD);
  row->bottom[column] = y + BAR_HEIGHT + 3;
}

static double
row_measure (EvidentReportRow *row)
{
  double height = 0;

  for (guint i = 0; i < row->columns->n_columns; i++)
    height = MAX (height, row->bottom[i]);
  row->block->height = height + CELL_PAD_Y;
  return column_x (row->columns, row->columns->n_columns);
}

/**
 * evident_report_row_end:
 * @header: (nullable): the table's header row, repeated at the top of a
 *   page this row starts on
 * @background: (nullable): fills the row
 *
 * Measures a row of a table and rules it off below.
 */
EvidentReportBlock *
evident_report_row_end (EvidentReportRow         *row,
                        EvidentReportBlock       *header,
                        const EvidentReportColor *background)
{
  EvidentReportBlock *block = row->block;
  double width = row_measure (row);

  block->header = header;
  if (background != NULL)
    {
      EvidentReportRect fill = { 0, 0, width, block->height, 0, *background };

      g_array_prepend_val (block->rects, fill);
    }
  evident_report_add_rect (block, 0, block->height - 0.5, width, 0.5, 0, &REPORT_RULE);
  return block;
}

/* The header of a table: a stronger rule, and it stays with the first row. */
EvidentReportBlock *
evident_report_row_end_header (EvidentReportRow *row)
{
  EvidentReportBlock *block = row->block;
  double width = row_measure (row);

  evident_report_add_rect (block, 0, block->height - 1, width, 1, 0, &REPORT_DIM);
  block->keep_with_next = TRUE;
  block->space_before = 6;
  return block;
}

/* Pages */

typedef struct
{
  double top;
  double bottom;
} LineSpan;

static GArray *
collect_lines (EvidentReportBlock *block)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LineSpan));

  for (guint i = 0; i < block->pieces->len; i++)
    {
      EvidentReportPiece *piece = g_ptr_array_index (block->pieces, i);
      PangoLayoutIter *iter = pango_layout_get_iter (piece->layout);

      do
        {
          PangoRectangle logical;
          LineSpan span;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          span.top = piece->y + (double) logical.y / PANGO_SCALE;
          span.bottom = span.top + (double) logical.height / PANGO_SCALE;
          g_array_append_val (lines, span);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  return lines;
}

static gboolean
cuts_a_line (GArray *lines,
             double  y)
{
  for (guint i = 0; i < lines->len; i++)
    {
      LineSpan *span = &g_array_index (lines, LineSpan, i);

      if (span->top < y - 0.01 && span->bottom > y + 0.01)
        return TRUE;
    }
  return FALSE;
}

/**
 * evident_report_block_find_cut:
 * @y0: where the part to be placed starts, in the block
 * @limit: the most the part may reach, in the block
 *
 * Where to cut a block that does not fit: the lowest place above @limit
 * (and below @y0) that cuts no line of its text in two.
 *
 * Returns: the cut, or a negative number when no line fits
 */
double
evident_report_block_find_cut (EvidentReportBlock *block,
                               double              y0,
                               double              limit)
{
  g_autoptr (GArray) lines = collect_lines (block);
  double best = -1;

  for (guint i = 0; i < lines->len; i++)
    {
      double y = g_array_index (lines, LineSpan, i).bottom;

      if (y > y0 + 0.01 && y <= limit && y > best && !cuts_a_line (lines, y))
        best = y;
    }
  return best;
}

void
evident_report_set_color (cairo_t                  *cr,
                          const EvidentReportColor *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

static void
draw_rect (cairo_t                 *cr,
           const EvidentReportRect *rect)
{
  double r = MIN (rect->radius, MIN (rect->width, rect->height) / 2);

  evident_report_set_color (cr, &rect->color);
  if (r <= 0)
    {
      cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
    }
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, rect->x + rect->width - r, rect->y + r, r, -G_PI / 2, 0);
      cairo_arc (cr, rect->x + rect->width - r, rect->y + rect->height - r, r, 0, G_PI / 2);
      cairo_arc (cr, rect->x + r, rect->y + rect->height - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, rect->x + r, rect->y + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
    }
  cairo_fill (cr);
}

/* A link's target in cairo's attribute syntax: quotes and backslashes
 * escaped. */
static char *
link_attributes (const char *uri)
{
  GString *attrs = g_string_new ("uri='");

  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attrs, '\\');
      g_string_append_c (attrs, *p);
    }
  g_string_append_c (attrs, '\'');
  return g_string_free (attrs, FALSE);
}

static void
draw_piece (cairo_t            *cr,
            EvidentReportPiece *piece,
            double              y0,
            double              y1)
{
  PangoLayoutIter *iter = pango_layout_get_iter (piece->layout);
  g_autofree char *attrs = piece->uri != NULL ? link_attributes (piece->uri) : NULL;

  gboolean tagged = FALSE;

  evident_report_set_color (cr, &piece->color);
  do
    {
      PangoRectangle logical;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = piece->y + (double) logical.y / PANGO_SCALE;
      bottom = top + (double) logical.height / PANGO_SCALE;
      if (top >= y0 - 0.01 && bottom <= y1 + 0.01)
        {
          /* A link only around lines drawn: none for a part without any. */
          if (attrs != NULL && !tagged)
            {
              cairo_tag_begin (cr, CAIRO_TAG_LINK, attrs);
              tagged = TRUE;
            }
          cairo_move_to (cr, piece->x + (double) logical.x / PANGO_SCALE,
                         piece->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  if (tagged)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
}

/**
 * evident_report_block_draw:
 * @x: where the block's left edge goes on the page
 * @y: where the part's top goes on the page
 * @y0: the top of the part to draw, in the block
 * @y1: its bottom, in the block
 *
 * Draws the part of @block between @y0 and @y1: the whole block, or a
 * piece of one cut by evident_report_block_find_cut().
 */
void
evident_report_block_draw (EvidentReportBlock *block,
                           cairo_t            *cr,
                           double              x,
                           double              y,
                           double              y0,
                           double              y1)
{
  cairo_save (cr);
  cairo_translate (cr, x, y - y0);
  cairo_rectangle (cr, -x, y0, G_MAXINT16, y1 - y0);
  cairo_clip (cr);
  for (guint i = 0; i < block->rects->len; i++)
    draw_rect (cr, &g_array_index (block->rects, EvidentReportRect, i));
  for (guint i = 0; i < block->pieces->len; i++)
    draw_piece (cr, g_ptr_array_index (block->pieces, i), y0, y1);
  cairo_restore (cr);
}
