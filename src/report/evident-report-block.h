/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The pieces a report is laid out from: blocks of text and rectangles,
 * measured once, placed on pages by evident-report-layout.c. A block is a
 * heading, a paragraph, a table row or a drawing; it moves to the next
 * page whole, and only a block taller than a page is cut, between lines
 * of its text. */

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Fonts, by family name through fontconfig: Cantarell (fonts-cantarell,
 * and the GNOME runtime) with DejaVu as the fallback. Sizes in points. */
#define REPORT_FONT      "Cantarell, DejaVu Sans, sans-serif"
#define REPORT_FONT_MONO "DejaVu Sans Mono, monospace"

/* Colours: GNOME's palette. */
typedef struct
{
  double r, g, b, a;
} EvidentReportColor;

extern const EvidentReportColor REPORT_TEXT;
extern const EvidentReportColor REPORT_DIM;
extern const EvidentReportColor REPORT_RULE;
extern const EvidentReportColor REPORT_SHADE;
extern const EvidentReportColor REPORT_ACCENT;
extern const EvidentReportColor REPORT_LINK;
extern const EvidentReportColor REPORT_GOOD;
extern const EvidentReportColor REPORT_GOOD_LIGHT;
extern const EvidentReportColor REPORT_BAD;
extern const EvidentReportColor REPORT_WARN;
extern const EvidentReportColor REPORT_TRACK;

typedef struct
{
  double             x, y, width, height, radius;
  EvidentReportColor color;
} EvidentReportRect;

typedef struct
{
  PangoLayout        *layout;
  double              x, y;
  EvidentReportColor  color;
  char               *uri;     /* a link around the text, or NULL */
} EvidentReportPiece;

typedef struct _EvidentReportBlock EvidentReportBlock;

struct _EvidentReportBlock
{
  double              height;
  double              space_before;   /* dropped at the top of a page */
  gboolean            keep_with_next;
  gboolean            page_break_before;
  EvidentReportBlock *header;         /* a table row: its header, repeated on a new page */
  char               *outline;        /* a bookmark at the top of the block, or NULL */
  int                 outline_level;
  GArray             *rects;          /* EvidentReportRect, drawn first */
  GPtrArray          *pieces;         /* EvidentReportPiece */
};

/* What blocks are made with. */
typedef struct
{
  PangoContext *pango;
  double        width;       /* of the text column */
  GPtrArray    *blocks;      /* EvidentReportBlock, in order, owned */
} EvidentReportFlow;

#define REPORT_MAX_COLUMNS 8

typedef struct
{
  guint          n_columns;
  double         widths[REPORT_MAX_COLUMNS];
  PangoAlignment align[REPORT_MAX_COLUMNS];
} EvidentReportColumns;

typedef struct
{
  EvidentReportFlow          *flow;
  const EvidentReportColumns *columns;
  EvidentReportBlock         *block;
  double                      bottom[REPORT_MAX_COLUMNS];
  double                      font_scale;
} EvidentReportRow;

void                evident_report_flow_init     (EvidentReportFlow        *flow,
                                                  PangoContext             *pango,
                                                  double                    width);
void                evident_report_flow_clear    (EvidentReportFlow        *flow);

EvidentReportBlock *evident_report_block_new     (EvidentReportFlow        *flow);
void                evident_report_block_free    (EvidentReportBlock       *block);
PangoLayout        *evident_report_text_new      (EvidentReportFlow        *flow,
                                                  const char               *font,
                                                  const char               *text,
                                                  gboolean                  markup,
                                                  double                    width,
                                                  PangoAlignment            align);
double              evident_report_add_text      (EvidentReportBlock       *block,
                                                  PangoLayout              *layout,
                                                  double                    x,
                                                  double                    y,
                                                  const EvidentReportColor *color,
                                                  const char               *uri);
void                evident_report_add_rect      (EvidentReportBlock       *block,
                                                  double                    x,
                                                  double                    y,
                                                  double                    width,
                                                  double                    height,
                                                  double                    radius,
                                                  const EvidentReportColor *color);

EvidentReportBlock *evident_report_heading       (EvidentReportFlow        *flow,
                                                  const char               *text,
                                                  int                       level,
                                                  const char               *outline);
EvidentReportBlock *evident_report_paragraph     (EvidentReportFlow        *flow,
                                                  const char               *font,
                                                  const char               *markup,
                                                  const EvidentReportColor *color);

void                evident_report_row_begin     (EvidentReportRow         *row,
                                                  EvidentReportFlow        *flow,
                                                  const EvidentReportColumns *columns);
double              evident_report_row_add_text  (EvidentReportRow         *row,
                                                  guint                     column,
                                                  const char               *font,
                                                  const char               *text,
                                                  gboolean                  markup,
                                                  const EvidentReportColor *color,
                                                  const char               *uri);
void                evident_report_row_add_bar   (EvidentReportRow         *row,
                                                  guint                     column,
                                                  double                    solid,
                                                  double                    light);
EvidentReportBlock *evident_report_row_end       (EvidentReportRow         *row,
                                                  EvidentReportBlock       *header,
                                                  const EvidentReportColor *background);
EvidentReportBlock *evident_report_row_end_header (EvidentReportRow        *row);

double              evident_report_block_find_cut (EvidentReportBlock      *block,
                                                   double                   y0,
                                                   double                   limit);
void                evident_report_block_draw    (EvidentReportBlock       *block,
                                                  cairo_t                  *cr,
                                                  double                    x,
                                                  double                    y,
                                                  double                    y0,
                                                  double                    y1);

void                evident_report_set_color     (cairo_t                  *cr,
                                                  const EvidentReportColor *color);

G_END_DECLS
