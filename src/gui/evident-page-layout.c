/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "evident-page-layout.h"

/*
 * EvidentPageLayout: where the pages of a document (or one image) stand in
 * a view: one below the other, centred, with a margin round them and a gap
 * between them, in CSS pixels at a zoom. Page sizes are in points, as the
 * document read them while loading; an image's pixels count as CSS pixels
 * at 100 %. Page rectangles are whole pixels, so that a texture of the same
 * size in device pixels is drawn as is, not resampled.
 *
 * It keeps the page sizes, not the document, so that it never holds the
 * last reference to one (which closes the document in the renderer).
 */

#define PT_TO_PX (96.0 / 72.0)
#define MARGIN   12.0
#define SPACING  12.0

typedef struct
{
  double width;
  double height;
} PageSize;

struct _EvidentPageLayout
{
  GObject   parent_instance;

  /* The pages, in points */
  GArray   *sizes;
  double    max_width;
  /* An image: fits whole, never blown up, centred */
  guint     is_image : 1;

  /* The layout, in CSS pixels; valid when valid */
  double   *offsets;
  double    zoom;
  double    content_width;
  double    content_height;
  int       width;
  int       height;
  guint     valid : 1;
};

G_DEFINE_FINAL_TYPE (EvidentPageLayout, evident_page_layout, G_TYPE_OBJECT)

static const PageSize *
get_size (EvidentPageLayout *self,
          guint              page)
{
  return &g_array_index (self->sizes, PageSize, page);
}

/* Forgets the layout and the pages, for new ones. */
static void
reset (EvidentPageLayout *self,
       guint              n_pages)
{
  g_array_set_size (self->sizes, n_pages);
  self->max_width = 0;
  self->is_image = FALSE;

  g_clear_pointer (&self->offsets, g_free);
  self->offsets = g_new0 (double, MAX (n_pages, 1));
  self->valid = FALSE;
}

static void
evident_page_layout_finalize (GObject *object)
{
  EvidentPageLayout *self = EVIDENT_PAGE_LAYOUT (object);

  g_clear_pointer (&self->sizes, g_array_unref);
  g_clear_pointer (&self->offsets, g_free);

  G_OBJECT_CLASS (evident_page_layout_parent_class)->finalize (object);
}

static void
evident_page_layout_class_init (EvidentPageLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = evident_page_layout_finalize;
}

static void
evident_page_layout_init (EvidentPageLayout *self)
{
  self->sizes = g_array_new (FALSE, TRUE, sizeof (PageSize));
  self->zoom = 1.0;
  reset (self, 0);
}

/* Public API */

EvidentPageLayout *
evident_page_layout_new (void)
{
  return g_object_new (EVIDENT_TYPE_PAGE_LAYOUT, NULL);
}

/**
 * evident_page_layout_set_document:
 * @document: (nullable): the document whose pages to lay out, or %NULL for
 *   none
 *
 * Takes @document's page sizes; the layout is invalid until the next
 * update.
 */
void
evident_page_layout_set_document (EvidentPageLayout  *self,
                                  EvidentPdfDocument *document)
{
  guint n_pages;

  g_return_if_fail (EVIDENT_IS_PAGE_LAYOUT (self));
  g_return_if_fail (document == NULL || EVIDENT_IS_PDF_DOCUMENT (document));

  n_pages = document != NULL ? evident_pdf_document_get_n_pages (document) : 0;
  reset (self, n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      PageSize *size = &g_array_index (self->sizes, PageSize, i);

      evident_pdf_document_get_page_size (document, i, &size->width, &size->height);
    }
  if (document != NULL)
    self->max_width = evident_pdf_document_get_max_width (document);
}

/**
 * evident_page_layout_set_image:
 * @image: (nullable): the image to lay out, or %NULL for none
 *
 * Takes @image's size, as one page that fits whole; the layout is invalid
 * until the next update.
 */
void
evident_page_layout_set_image (EvidentPageLayout *self,
                               GdkTexture        *image)
{
  PageSize *size;

  g_return_if_fail (EVIDENT_IS_PAGE_LAYOUT (self));
  g_return_if_fail (image == NULL || GDK_IS_TEXTURE (image));

  reset (self, image != NULL ? 1 : 0);
  if (image == NULL)
    return;

  size = &g_array_index (self->sizes, PageSize, 0);
  size->width = gdk_texture_get_width (image) / PT_TO_PX;
  size->height = gdk_texture_get_height (image) / PT_TO_PX;
  self->max_width = size->width;
  self->is_image = TRUE;
}

guint
evident_page_layout_get_n_pages (EvidentPageLayout *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_LAYOUT (self), 0);

  return self->sizes->len;
}

/**
 * evident_page_layout_get_fit_zoom:
 * @width: the view's width
 * @height: the view's height
 *
 * Returns: the zoom at which the widest page fills @width, less the
 *   margins; for an image, the zoom at which it fits whole, at most 1.0;
 *   1.0 when there is nothing to fit
 */
double
evident_page_layout_get_fit_zoom (EvidentPageLayout *self,
                                  int                width,
                                  int                height)
{
  double page_width;
  double zoom;

  g_return_val_if_fail (EVIDENT_IS_PAGE_LAYOUT (self), 1.0);

  page_width = self->max_width * PT_TO_PX;
  if (page_width <= 0)
    return 1.0;

  zoom = (width - 2 * MARGIN) / page_width;

  /* An image fits whole and is never blown up. */
  if (self->is_image)
    {
      double page_height = get_size (self, 0)->height * PT_TO_PX;

      zoom = MIN (zoom, (height - 2 * MARGIN) / page_height);
      zoom = MIN (zoom, 1.0);
    }

  return zoom;
}

/* How wide the pages are at @zoom, with their margins. */
double
evident_page_layout_get_width_for_zoom (EvidentPageLayout *self,
                                        double             zoom)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_LAYOUT (self), 0);

  return ceil (self->max_width * zoom * PT_TO_PX) + 2 * MARGIN;
}

/* How tall the pages are at @zoom, with their margins and the gaps. */
double
evident_page_layout_get_height_for_zoom (EvidentPageLayout *self,
                                         double             zoom)
{
  double ppx = zoom * PT_TO_PX;
  double height = 2 * MARGIN - SPACING;

  g_return_val_if_fail (EVIDENT_IS_PAGE_LAYOUT (self), 0);

  for (guint i = 0; i < self->sizes->len; i++)
    height += MAX (1, round (get_size (self, i)->height * ppx)) + SPACING;

  return height;
}

/**
 * evident_page_layout_update:
 * @width: the view's width
 * @height: the view's height
 * @zoom: 1.0 is 100 %
 *
 * Lays the pages out in a view of @width × @height at @zoom.
 */
void
evident_page_layout_update (EvidentPageLayout *self,
                            int                width,
                            int                height,
                            double             zoom)
{
  guint n_pages;
  double ppx;
  double y;

  g_return_if_fail (EVIDENT_IS_PAGE_LAYOUT (self));

  n_pages = self->sizes->len;
  self->zoom = zoom;
  ppx = evident_page_layout_get_ppx (self);

  y = MARGIN;
  for (guint i = 0; i < n_pages; i++)
    {
      self->offsets[i] = y;
      y += MAX (1, round (get_size (self, i)->height * ppx)) + SPACING;
    }

  self->content_height = n_pages > 0 ? y - SPACING + MARGIN : 0;

  /* An image smaller than the view sits in its middle. */
  if (self->is_image && self->content_height < height)
    self->offsets[0] += floor ((height - self->content_height) / 2);
  self->content_width = n_pages > 0 ? ceil (self->max_width * ppx) + 2 * MARGIN : 0;
  self->width = width;
  self->height = height;
  self->valid = TRUE;
}

/* Whether the pages were laid out since they came. */
gboolean
evident_page_layout_is_valid (EvidentPageLayout *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_LAYOUT (self), FALSE);

  return self->valid;
}

/* The view's width at the last update (kept when new pages come). */
int
evident_page_layout_get_width (EvidentPageLayout *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_LAYOUT (self), 0);

  return self->width;
}

int
evident_page_layout_get_height (EvidentPageLayout *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_LAYOUT (self), 0);

  return self->height;
}

/* The width of the pages with their margins; 0 without pages. */
double
evident_page_layout_get_content_width (EvidentPageLayout *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_LAYOUT (self), 0);

  return self->content_width;
}

double
evident_page_layout_get_content_height (EvidentPageLayout *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_LAYOUT (self), 0);

  return self->content_height;
}

/* CSS pixels per point at the zoom of the last update. */
double
evident_page_layout_get_ppx (EvidentPageLayout *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_LAYOUT (self), 0);

  return evident_page_layout_ppx_for_zoom (self->zoom);
}

/* CSS pixels per point at @zoom. */
double
evident_page_layout_ppx_for_zoom (double zoom)
{
  return zoom * PT_TO_PX;
}

/**
 * evident_page_layout_get_page_size_for_zoom:
 * @page: 0-based
 * @width: (out): @page's width at @zoom, in whole CSS pixels
 * @height: (out): its height
 *
 * The size @page will have once laid out at @zoom, whether or not the
 * pages are laid out yet: as evident_page_layout_get_page_rect () gives.
 */
void
evident_page_layout_get_page_size_for_zoom (EvidentPageLayout *self,
                                            guint              page,
                                            double             zoom,
                                            double            *width,
                                            double            *height)
{
  double ppx = evident_page_layout_ppx_for_zoom (zoom);
  const PageSize *size;

  g_return_if_fail (EVIDENT_IS_PAGE_LAYOUT (self));
  g_return_if_fail (page < self->sizes->len);

  size = get_size (self, page);
  *width = MAX (1, round (size->width * ppx));
  *height = MAX (1, round (size->height * ppx));
}

/**
 * evident_page_layout_get_page_rect:
 * @page: 0-based
 * @rect: (out): where @page stands, in whole CSS pixels from the top left
 *   corner of the pages
 */
void
evident_page_layout_get_page_rect (EvidentPageLayout *self,
                                   guint              page,
                                   graphene_rect_t   *rect)
{
  double width;
  double height;
  double area_width;

  g_return_if_fail (EVIDENT_IS_PAGE_LAYOUT (self));
  g_return_if_fail (page < self->sizes->len);

  evident_page_layout_get_page_size_for_zoom (self, page, self->zoom, &width, &height);
  area_width = MAX (self->content_width, self->width);

  graphene_rect_init (rect, floor ((area_width - width) / 2), self->offsets[page], width, height);
}

/* Where to scroll to so that @page is at the top of the view, with half
 * the gap above it. */
double
evident_page_layout_get_page_top (EvidentPageLayout *self,
                                  guint              page)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_LAYOUT (self), 0);
  g_return_val_if_fail (page < self->sizes->len, 0);

  return page == 0 ? 0 : self->offsets[page] - SPACING / 2;
}

/* The last page whose top is at or above @y. */
guint
evident_page_layout_get_page_at_y (EvidentPageLayout *self,
                                   double             y)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (EVIDENT_IS_PAGE_LAYOUT (self), 0);

  hi = self->sizes->len;
  g_assert (hi > 0);

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->offsets[mid] <= y)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

/**
 * evident_page_layout_get_visible_range:
 * @top: the view's top, scrolled
 * @first: (out): the first page in view
 * @last: (out): the last page in view
 *
 * Returns: whether any page is in view: %FALSE before the first update or
 *   without pages
 */
gboolean
evident_page_layout_get_visible_range (EvidentPageLayout *self,
                                       double             top,
                                       guint             *first,
                                       guint             *last)
{
  guint n_pages;
  double bottom;
  graphene_rect_t rect;

  g_return_val_if_fail (EVIDENT_IS_PAGE_LAYOUT (self), FALSE);

  n_pages = self->sizes->len;
  if (!self->valid || n_pages == 0 || self->height <= 0)
    return FALSE;

  bottom = top + self->height;

  *first = evident_page_layout_get_page_at_y (self, top);
  evident_page_layout_get_page_rect (self, *first, &rect);
  /* top is in the gap below *first */
  if (rect.origin.y + rect.size.height <= top && *first + 1 < n_pages)
    *first += 1;
  *last = evident_page_layout_get_page_at_y (self, bottom);
  if (*last > *first && self->offsets[*last] >= bottom)
    *last -= 1;

  return TRUE;
}

/**
 * evident_page_layout_get_current_page:
 * @top: the view's top, scrolled
 *
 * Returns: the page that shows most in view, or the last when the view is
 *   scrolled to the end; 0 when none is in view
 */
guint
evident_page_layout_get_current_page (EvidentPageLayout *self,
                                      double             top)
{
  double bottom;
  double best_visible = -1;
  guint best = 0;
  guint first;
  guint last;

  g_return_val_if_fail (EVIDENT_IS_PAGE_LAYOUT (self), 0);

  if (!evident_page_layout_get_visible_range (self, top, &first, &last))
    return 0;

  bottom = top + self->height;

  /* Scrolled to the end: the last page, even if the one before shows as
   * much of itself. */
  if (top > 0 && bottom >= self->content_height - 0.5)
    return last;

  for (guint i = first; i <= last; i++)
    {
      graphene_rect_t rect;
      double visible;

      evident_page_layout_get_page_rect (self, i, &rect);
      visible = MIN (bottom, rect.origin.y + rect.size.height) - MAX (top, rect.origin.y);
      if (visible > best_visible + 0.5)
        {
          best_visible = visible;
          best = i;
        }
    }

  return best;
}
