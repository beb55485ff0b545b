/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "evident-render-pdf.h"

/*
 * PDF documents in the helper, with poppler-glib: opened from the bytes
 * the application sent, page sizes read once, pages rendered into memory
 * the caller gives (a memfd's mapping), text found page by page. Nothing
 * here knows about the socket; a hostile document can make any of these
 * calls crash, loop or exhaust memory, and the process's limits and the
 * application's watchdog see to it.
 */

/* A rendered page is never bigger than this, whatever the zoom: beyond it
 * the application scales a smaller texture up. */
#define MAX_TEXTURE_PIXELS (4096 * 4096)
#define MAX_TEXTURE_SIDE   8192

typedef struct
{
  double width;
  double height;
} PageSize;

struct _EvidentRenderPdf
{
  PopplerDocument *document;
  GBytes          *bytes;
  GInputStream    *stream;
  PageSize        *sizes;
  guint            n_pages;
};

/**
 * evident_render_pdf_open:
 * @password: (nullable): tried, never kept
 * @failure: (out): why it could not be opened
 *
 * Returns: (nullable): the document, with every page's size read
 */
EvidentRenderPdf *
evident_render_pdf_open (GBytes               *bytes,
                         const char           *password,
                         EvidentRenderFailure *failure)
{
  g_autoptr(EvidentRenderPdf) pdf = g_new0 (EvidentRenderPdf, 1);
  g_autoptr(GError) error = NULL;
  int n_pages;

  if (g_bytes_get_size (bytes) == 0)
    {
      *failure = EVIDENT_RENDER_FAILURE_EMPTY;
      return NULL;
    }

  pdf->bytes = g_bytes_ref (bytes);
  if (password == NULL)
    {
      pdf->document = poppler_document_new_from_bytes (bytes, NULL, &error);
    }
  else
    {
      /* Poppler 22.x's new_from_bytes () and new_from_data () use a freed
       * stream when a password fails in Latin-1 and is tried again in
       * UTF-8 (fixed later by copying the stream): they crash on a wrong
       * password. new_from_stream () copies it. */
      pdf->stream = g_memory_input_stream_new_from_bytes (bytes);
      pdf->document = poppler_document_new_from_stream (pdf->stream, g_bytes_get_size (bytes),
                                                        password, NULL, &error);
    }

  if (pdf->document == NULL)
    {
      if (g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        *failure = password != NULL ? EVIDENT_RENDER_FAILURE_BAD_PASSWORD
                                    : EVIDENT_RENDER_FAILURE_NEEDS_PASSWORD;
      else
        *failure = EVIDENT_RENDER_FAILURE_DAMAGED;
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (pdf->document);
  if (n_pages <= 0)
    {
      *failure = EVIDENT_RENDER_FAILURE_NO_PAGES;
      return NULL;
    }

  pdf->n_pages = n_pages;
  pdf->sizes = g_new0 (PageSize, n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf->document, i);
      double width = 0;
      double height = 0;

      if (page != NULL)
        {
          poppler_page_get_size (page, &width, &height);
          g_object_unref (page);
        }

      /* A page without a usable size still takes room: A4. */
      if (!(width >= 1 && height >= 1 && width < 100000 && height < 100000))
        {
          width = 595;
          height = 842;
        }

      pdf->sizes[i].width = width;
      pdf->sizes[i].height = height;
    }

  return g_steal_pointer (&pdf);
}

void
evident_render_pdf_free (EvidentRenderPdf *pdf)
{
  if (pdf == NULL)
    return;

  g_clear_object (&pdf->document);
  g_clear_object (&pdf->stream);
  g_clear_pointer (&pdf->bytes, g_bytes_unref);
  g_free (pdf->sizes);
  g_free (pdf);
}

guint
evident_render_pdf_get_n_pages (EvidentRenderPdf *pdf)
{
  return pdf->n_pages;
}

/* The size of @page in points. */
void
evident_render_pdf_get_page_size (EvidentRenderPdf *pdf,
                                  guint             page,
                                  double           *width,
                                  double           *height)
{
  g_assert (page < pdf->n_pages);

  *width = pdf->sizes[page].width;
  *height = pdf->sizes[page].height;
}

/* Shrinks a texture's size, keeping its proportions, to what a page may
 * take. */
void
evident_render_pdf_fit_size (guint *width,
                             guint *height)
{
  double w = MAX (1, *width);
  double h = MAX (1, *height);
  double shrink = 1.0;

  if (w * h > MAX_TEXTURE_PIXELS)
    shrink = sqrt (MAX_TEXTURE_PIXELS / (w * h));
  if (MAX (w, h) * shrink > MAX_TEXTURE_SIDE)
    shrink = MAX_TEXTURE_SIDE / MAX (w, h);

  *width = MAX (1, (guint) floor (w * MIN (shrink, 1.0)));
  *height = MAX (1, (guint) floor (h * MIN (shrink, 1.0)));
}

/**
 * evident_render_pdf_render:
 * @data: @height rows of @stride bytes, cairo's ARGB32
 *
 * Renders @page on white, stretched to @width × @height pixels.
 */
void
evident_render_pdf_render (EvidentRenderPdf *pdf,
                           guint             page,
                           guint8           *data,
                           guint             width,
                           guint             height,
                           guint             stride)
{
  cairo_surface_t *surface;
  PopplerPage *poppler_page;
  cairo_t *cr;

  g_assert (page < pdf->n_pages);

  surface = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32, width, height, stride);
  cr = cairo_create (surface);

  /* Poppler leaves what the page does not paint transparent. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / pdf->sizes[page].width, height / pdf->sizes[page].height);

  poppler_page = poppler_document_get_page (pdf->document, page);
  if (poppler_page != NULL)
    {
      poppler_page_render (poppler_page, cr);
      g_object_unref (poppler_page);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

/**
 * evident_render_pdf_find_text:
 *
 * Finds @text, case-insensitively, on @page.
 *
 * Returns: (transfer full) (element-type EvidentRenderRect): the matches
 *   in points from the page's top left corner
 */
GArray *
evident_render_pdf_find_text (EvidentRenderPdf *pdf,
                              guint             page,
                              const char       *text)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (EvidentRenderRect));
  PopplerPage *poppler_page;
  GList *matches = NULL;
  double page_height;

  g_assert (page < pdf->n_pages);

  page_height = pdf->sizes[page].height;
  poppler_page = poppler_document_get_page (pdf->document, page);
  if (poppler_page != NULL)
    {
      matches = poppler_page_find_text_with_options (poppler_page, text, POPPLER_FIND_DEFAULT);
      g_object_unref (poppler_page);
    }

  for (const GList *l = matches; l != NULL; l = l->next)
    {
      PopplerRectangle *match = l->data;
      /* Poppler's find_text puts the origin at the bottom-left corner. */
      EvidentRenderRect rect = {
        MIN (match->x1, match->x2),
        page_height - MAX (match->y1, match->y2),
        fabs (match->x2 - match->x1),
        fabs (match->y2 - match->y1),
      };

      g_array_append_val (rects, rect);
    }

  g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);

  return rects;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A page as most evidence has them: text in a font embedded in the file
 * (cairo subsets the system's sans-serif font), a rule and a box. */
static GBytes *
make_embedded_font_page (void)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, array, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 20);
  cairo_move_to (cr, 56, 80);
  cairo_show_text (cr, "Evident: warming up");
  cairo_set_font_size (cr, 10);
  for (int line = 0; line < 4; line++)
    {
      cairo_move_to (cr, 56, 120 + line * 14);
      cairo_show_text (cr, "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789.,;:");
    }
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_rectangle (cr, 56, 700, 200, 80);
  cairo_fill (cr);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (array);
}

/* A page of text in a standard font the file does not embed: poppler
 * asks fontconfig for one. */
static GBytes *
make_standard_font_page (void)
{
  static const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 40] "
     "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    "<< /Length 37 >>\nstream\nBT /F1 12 Tf 10 15 Td (Evident) Tj ET\nendstream",
  };
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", (guint) G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf,
                          "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          (guint) G_N_ELEMENTS (objects) + 1, xref);

  return g_string_free_to_bytes (pdf);
}

static void
warm_up_with (GBytes *bytes,
              guint   width,
              guint   height)
{
  g_autoptr(EvidentRenderPdf) document = NULL;
  g_autofree guint8 *pixels = NULL;
  EvidentRenderFailure failure;
  guint stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);

  document = evident_render_pdf_open (bytes, NULL, &failure);
  if (document == NULL)
    return;

  pixels = g_malloc ((gsize) stride * height);
  evident_render_pdf_render (document, 0, pixels, width, height, stride);
  g_array_unref (evident_render_pdf_find_text (document, 0, "evident"));
}

/* Opens and renders pages of text, in a font the file embeds and in one
 * it does not, at the size of a page on screen, so that poppler's
 * globals, fontconfig, FreeType, cairo and pixman are ready (and their
 * files read) before the sandbox closes and before the first document
 * arrives: the first page then comes as soon as the next. */
void
evident_render_pdf_warm_up (void)
{
  g_autoptr(GBytes) embedded = make_embedded_font_page ();
  g_autoptr(GBytes) standard = make_standard_font_page ();

  warm_up_with (embedded, 744, 1052);
  warm_up_with (standard, 100, 40);
}
