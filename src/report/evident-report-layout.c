/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The pages of a report for one page size: the blocks of the sections
 * (evident-report-sections.c) placed one below the other, a block that
 * does not fit moved to the next page whole, a table's header repeated at
 * the top of each page it continues on, and only a block taller than a
 * page cut between lines. Then the footer: "Page n of N". */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-report-block.h"
#include "evident-report-private.h"
#include "evident-report-sections.h"

/* Margins, in points: about 18 mm at the sides, 20 mm above and below. */
#define MARGIN_X      51.0
#define MARGIN_TOP    54.0
#define MARGIN_BOTTOM 62.0
/* The footer's baseline, above the bottom edge. */
#define FOOTER_Y      34.0
/* Of a block kept with the next one, this much of that one must fit too. */
#define KEEP_MIN      36.0

typedef struct
{
  EvidentReportBlock *block;
  double              y;       /* on the page */
  double              y0, y1;  /* the part of the block */
} Placement;

struct _EvidentReportLayout
{
  EvidentReportData *data;
  double             width;
  double             height;
  PangoContext      *pango;
  EvidentReportFlow  flow;
  GPtrArray         *pages;    /* GArray of Placement */
  GPtrArray         *outline;  /* EvidentReportOutline */
};

typedef struct
{
  EvidentReportLayout *layout;
  GArray              *page;
  double               y;
  gboolean             empty;  /* nothing on the page but a repeated header */
} Pager;

static void
outline_free (gpointer data)
{
  EvidentReportOutline *entry = data;

  g_free (entry->title);
  g_free (entry);
}

static double
page_top (void)
{
  return MARGIN_TOP;
}

static double
page_bottom (Pager *pager)
{
  return pager->layout->height - MARGIN_BOTTOM;
}

static void
place (Pager              *pager,
       EvidentReportBlock *block,
       double              y0,
       double              y1)
{
  Placement placement = { block, pager->y, y0, y1 };

  if (y0 == 0 && block->outline != NULL)
    {
      EvidentReportOutline *entry = g_new0 (EvidentReportOutline, 1);

      entry->title = g_strdup (block->outline);
      entry->level = block->outline_level;
      entry->page = pager->layout->pages->len - 1;
      entry->y = pager->y;
      g_ptr_array_add (pager->layout->outline, entry);
    }
  g_array_append_val (pager->page, placement);
  pager->y += y1 - y0;
  pager->empty = FALSE;
}

/* Starts a page; a table row that continues a table there gets its
 * header first. */
static void
new_page (Pager              *pager,
          EvidentReportBlock *header)
{
  pager->page = g_array_new (FALSE, FALSE, sizeof (Placement));
  g_ptr_array_add (pager->layout->pages, pager->page);
  pager->y = page_top ();
  pager->empty = TRUE;
  if (header != NULL)
    {
      place (pager, header, 0, header->height);
      pager->empty = TRUE;
    }
}

/* The height @blocks[i] needs on this page: itself, and what it keeps
 * with (a heading with a table's header and first row). */
static double
needed_height (GPtrArray *blocks,
               guint      i,
               gboolean   at_top)
{
  EvidentReportBlock *block = g_ptr_array_index (blocks, i);
  double need = (at_top ? 0 : block->space_before) + block->height;

  while (block->keep_with_next && i + 1 < blocks->len)
    {
      block = g_ptr_array_index (blocks, ++i);
      need += block->space_before;
      need += block->keep_with_next ? block->height : MIN (block->height, KEEP_MIN);
    }
  return need;
}

/* A block taller than a page, from the top of a page: cut between lines
 * of its text, each part on a page of its own. */
static void
place_cut (Pager              *pager,
           EvidentReportBlock *block)
{
  double y0 = 0;

  for (;;)
    {
      double room = page_bottom (pager) - pager->y;
      double cut;

      if (block->height - y0 <= room)
        {
          place (pager, block, y0, block->height);
          return;
        }
      cut = evident_report_block_find_cut (block, y0, y0 + room);
      if (cut < 0)
        {
          if (!pager->empty)
            {
              new_page (pager, block->header);
              continue;
            }
          /* Not even a line fits a page: cut where the page ends. */
          cut = y0 + room;
        }
      place (pager, block, y0, cut);
      y0 = cut;
      new_page (pager, block->header);
    }
}

static void
paginate (EvidentReportLayout *layout)
{
  GPtrArray *blocks = layout->flow.blocks;
  Pager pager = { layout, NULL, 0, TRUE };

  new_page (&pager, NULL);
  for (guint i = 0; i < blocks->len; i++)
    {
      EvidentReportBlock *block = g_ptr_array_index (blocks, i);

      if (block->page_break_before && !pager.empty)
        new_page (&pager, NULL);
      if (pager.y + needed_height (blocks, i, pager.empty) > page_bottom (&pager) && !pager.empty)
        new_page (&pager, block->header);
      if (!pager.empty)
        pager.y += block->space_before;
      if (pager.y + block->height > page_bottom (&pager))
        place_cut (&pager, block);
      else
        place (&pager, block, 0, block->height);
    }
}

/**
 * evident_report_layout_new:
 * @data: what the report shows
 * @width: the page's width, in points
 * @height: the page's height, in points
 *
 * Lays out the whole report for pages of this size.
 *
 * Returns: (transfer full): the pages
 */
EvidentReportLayout *
evident_report_layout_new (EvidentReportData *data,
                           double             width,
                           double             height)
{
  EvidentReportLayout *layout = g_new0 (EvidentReportLayout, 1);
  PangoFontMap *fontmap = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  layout->data = evident_report_data_ref (data);
  layout->width = MAX (width, 4 * MARGIN_X);
  layout->height = MAX (height, 2 * (MARGIN_TOP + MARGIN_BOTTOM));
  layout->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  layout->outline = g_ptr_array_new_with_free_func (outline_free);

  /* One unit is one point, and glyph metrics are the font's own, not
   * rounded to a device's pixels: the same breaks on paper and in PDF. */
  layout->pango = pango_font_map_create_context (fontmap);
  pango_cairo_context_set_resolution (layout->pango, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (layout->pango, options);
  cairo_font_options_destroy (options);

  evident_report_flow_init (&layout->flow, layout->pango, layout->width - 2 * MARGIN_X);
  evident_report_sections_build (&layout->flow, data);
  paginate (layout);
  return layout;
}

void
evident_report_layout_free (EvidentReportLayout *layout)
{
  g_clear_pointer (&layout->pages, g_ptr_array_unref);
  g_clear_pointer (&layout->outline, g_ptr_array_unref);
  evident_report_flow_clear (&layout->flow);
  g_clear_object (&layout->pango);
  g_clear_pointer (&layout->data, evident_report_data_unref);
  g_free (layout);
}

guint
evident_report_layout_get_n_pages (EvidentReportLayout *layout)
{
  return layout->pages->len;
}

/* (element-type EvidentReportOutline): the bookmarks, in order. */
GPtrArray *
evident_report_layout_get_outline (EvidentReportLayout *layout)
{
  return layout->outline;
}

static void
draw_footer (EvidentReportLayout *layout,
             cairo_t             *cr,
             guint                page)
{
  EvidentReportFlow *flow = &layout->flow;
  double half = flow->width / 2;
  double y = layout->height - FOOTER_Y;
  g_autofree char *number = NULL;
  g_autoptr (PangoLayout) left = NULL;
  g_autoptr (PangoLayout) right = NULL;
  PangoRectangle logical;

  /* Translators: the footer of every page of a report */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, layout->pages->len);
  left = evident_report_text_new (flow, REPORT_FONT " 7.5", layout->data->project_title, FALSE,
                                  half, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (left, 0);
  right = evident_report_text_new (flow, REPORT_FONT " 7.5", number, FALSE, half,
                                   PANGO_ALIGN_RIGHT);

  evident_report_set_color (cr, &REPORT_RULE);
  cairo_rectangle (cr, MARGIN_X, y - 12, flow->width, 0.5);
  cairo_fill (cr);

  evident_report_set_color (cr, &REPORT_DIM);
  pango_layout_get_extents (left, NULL, &logical);
  cairo_move_to (cr, MARGIN_X, y - (double) pango_layout_get_baseline (left) / PANGO_SCALE);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, MARGIN_X + half, y - (double) pango_layout_get_baseline (right) / PANGO_SCALE);
  pango_cairo_show_layout (cr, right);
}

/**
 * evident_report_layout_draw_page:
 * @cr: a cairo context whose unit is the point, the page's top left at
 *   the origin
 * @page: the page, from 0
 */
void
evident_report_layout_draw_page (EvidentReportLayout *layout,
                                 cairo_t             *cr,
                                 guint                page)
{
  GArray *placements;

  g_return_if_fail (page < layout->pages->len);

  placements = g_ptr_array_index (layout->pages, page);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *placement = &g_array_index (placements, Placement, i);

      evident_report_block_draw (placement->block, cr, MARGIN_X, placement->y, placement->y0,
                                 placement->y1);
    }
  /* The cover has none. */
  if (page > 0)
    draw_footer (layout, cr, page);
}
