/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The render helper's document loading: the input is a document's bytes
 * as the helper receives them (there in a sealed memfd, here in memory
 * AddressSanitizer watches), opened as its OPEN_PDF request opens them
 * (every page's size read; a second time with a password when the
 * document asks for one), page 1 and the last page rendered through the
 * helper's size limits, and text searched on them as its FIND_TEXT
 * request does, page by page: src/render/evident-render-pdf.c, the code
 * the helper runs, with the warm-up it runs first.
 *
 * Poppler is not instrumented and can take long or much memory on some
 * files (that is why it runs in a process of its own); here pages are
 * rendered small, at most two a document, so that a run measures our
 * code and poppler's parsing rather than pixels. */

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "evident-render-pdf.h"
#include "fuzz.h"

/* A page is rendered to fit this many pixels a side: small, but enough
 * for every operator of the page to draw something. */
#define RENDER_SIDE 160

/* What a user types in the password prompt, and what the search finds. */
#define PASSWORD "evident"
#define FIND     "Evident"

/* What the last input came to, for fuzz_check_seed(). */
static struct
{
  EvidentRenderFailure failure;   /* 0 when it opened */
  guint                n_pages;
  guint                n_matches; /* on page 1 */
  gboolean             painted;   /* page 1 is not all white */
} last;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  /* As the helper does before its first document: poppler's globals,
   * fontconfig and FreeType loaded, so that no input pays for them. */
  evident_render_pdf_warm_up ();
  return 0;
}

static gboolean
is_painted (const guint8 *data,
            guint         width,
            guint         height,
            guint         stride)
{
  for (guint y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (guint x = 0; x < width; x++)
        if (row[x] != 0xffffffff)
          return TRUE;
    }
  return FALSE;
}

/* Renders @page as the helper's RENDER_PAGE does, at a small size in the
 * page's proportions; returns whether anything was drawn on white. */
static gboolean
render_page (EvidentRenderPdf *pdf,
             guint             page)
{
  g_autofree guint8 *data = NULL;
  double width_pt, height_pt, scale;
  guint width, height, stride;

  evident_render_pdf_get_page_size (pdf, page, &width_pt, &height_pt);
  scale = RENDER_SIDE / MAX (width_pt, height_pt);
  width = MAX (1, (guint) ceil (width_pt * scale));
  height = MAX (1, (guint) ceil (height_pt * scale));
  evident_render_pdf_fit_size (&width, &height);
  stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);

  data = g_malloc ((gsize) stride * height);
  evident_render_pdf_render (pdf, page, data, width, height, stride);
  return is_painted (data, width, height, stride);
}

static guint
find_text (EvidentRenderPdf *pdf,
           guint             page)
{
  g_autoptr (GArray) rects = evident_render_pdf_find_text (pdf, page, FIND);

  for (guint i = 0; i < rects->len; i++)
    {
      EvidentRenderRect *rect = &g_array_index (rects, EvidentRenderRect, i);

      /* What the application is sent: finite numbers. */
      g_assert (isfinite (rect->x) && isfinite (rect->y));
      g_assert (isfinite (rect->width) && isfinite (rect->height));
    }
  return rects->len;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (EvidentRenderPdf) pdf = NULL;
  EvidentRenderFailure failure = 0;
  guint n_pages;

  fuzz_init ();
  memset (&last, 0, sizeof last);
  bytes = g_bytes_new (data, size);

  pdf = evident_render_pdf_open (bytes, NULL, &failure);
  if (pdf == NULL && failure == EVIDENT_RENDER_FAILURE_NEEDS_PASSWORD)
    pdf = evident_render_pdf_open (bytes, PASSWORD, &failure);
  if (pdf == NULL)
    {
      g_assert (failure >= EVIDENT_RENDER_FAILURE_EMPTY
                && failure <= EVIDENT_RENDER_FAILURE_BAD_PASSWORD);
      g_debug ("Not opened: failure %d", failure);
      last.failure = failure;
      return 0;
    }

  n_pages = evident_render_pdf_get_n_pages (pdf);
  g_assert_cmpuint (n_pages, >, 0);
  for (guint i = 0; i < n_pages; i++)
    {
      double width, height;

      /* What the application is sent: sizes it can lay out. */
      evident_render_pdf_get_page_size (pdf, i, &width, &height);
      g_assert (width >= 1 && height >= 1 && width < 100000 && height < 100000);
    }

  last.n_pages = n_pages;
  last.painted = render_page (pdf, 0);
  last.n_matches = find_text (pdf, 0);
  if (n_pages > 1)
    {
      render_page (pdf, n_pages - 1);
      find_text (pdf, n_pages - 1);
    }
  g_debug ("%u pages, %u matches on page 1", n_pages, last.n_matches);
  return 0;
}

/* The seeds that are well made (FuzzSeed.expect: their page count) open
 * with all their pages, and page 1 shows something and has the word;
 * the others fail as they should (-expect: the failure). */
void
fuzz_check_seed (const FuzzSeed *seed)
{
  if (seed->expect > 0)
    {
      g_assert_cmpint (last.failure, ==, 0);
      g_assert_cmpuint (last.n_pages, ==, seed->expect);
      g_assert_true (last.painted);
      g_assert_cmpuint (last.n_matches, >=, 1);
    }
  else if (seed->expect < 0)
    {
      g_assert_cmpint (last.failure, ==, -seed->expect);
    }
}
