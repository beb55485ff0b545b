/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "evident-page-view.h"
#include "evident-pdf-document.h"
#include "evident-preview-private.h"
#include "evident-render-client.h"
#include "evident-render-scheduler.h"
#include "evident-resources.h"
#include "evident-test-utils.h"

/*
 * The inline preview. PDFs are made here with cairo's PDF surface;
 * tests/data/encrypted.pdf is the one fixture, since cairo 1.16 cannot
 * encrypt: a 200 × 200 pt page with a red square at (50, 50, 100, 100),
 * made with `qpdf --encrypt secret owner 256 -- plain.pdf encrypted.pdf`
 * (user password "secret").
 */

static void
draw_red_rectangle (cairo_t  *cr,
                    int       page,
                    gpointer  user_data)
{
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 50, 60, 100, 80);
  cairo_fill (cr);
}

static void
draw_numbered (cairo_t  *cr,
               int       page,
               gpointer  user_data)
{
  g_autofree char *text = g_strdup_printf ("Page %d", page + 1);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 18);
  cairo_move_to (cr, 72, 72);
  cairo_show_text (cr, text);
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_rectangle (cr, 72, 120, 300, 200);
  cairo_fill (cr);

  /* A word on page 2 only, for search. */
  if (page == 1)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, 100, 400);
      cairo_show_text (cr, "Evidentiary");
    }
}

static GBytes *
make_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 48);
  GByteArray *array = g_byte_array_new ();
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0, 0.5, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, evident_test_append_bytes, array),
                   ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (array);
}

static gboolean
not_loading (gpointer data)
{
  return !evident_preview_get_loading (data);
}

static gboolean
first_page_shown (gpointer data)
{
  EvidentPageView *view = evident_preview_get_page_view (data);

  return evident_page_view_get_first_shown (view) != 0;
}

static gboolean
not_searching (gpointer data)
{
  return !evident_page_view_get_searching (evident_preview_get_page_view (data));
}

typedef struct
{
  GtkWidget      *window;
  EvidentPreview *preview;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->preview = evident_test_preview_new (&fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  evident_test_preview_destroy (fixture->preview, &fixture->window);
}

static void
load (Fixture    *fixture,
      GBytes     *bytes,
      const char *content_type,
      const char *filename)
{
  evident_preview_set_bytes (fixture->preview, bytes, content_type, filename);
  g_assert_true (evident_test_wait_until (not_loading, fixture->preview));
}

/* Rendering */

static guint32
pixel_at (const guchar *pixels,
          gsize         stride,
          int           x,
          int           y)
{
  guint32 value;

  memcpy (&value, pixels + y * stride + x * 4, 4);
  return value;
}

/* The document renderer, driven from here: each call runs the main loop
 * until its reply came. */

static GdkTexture *
render_page (EvidentPdfDocument  *document,
             guint                page,
             int                  width,
             int                  height,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  evident_pdf_document_render_page_async (document, page, width, height, cancellable,
                                          evident_test_store_result_cb, &result);
  return evident_pdf_document_render_page_finish (document, evident_test_wait_for_result (&result), error);
}

static void
free_rects (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static void
collect_matches_cb (guint     page,
                    GArray   *rects,
                    gpointer  user_data)
{
  GPtrArray *pages = user_data;

  if (page >= pages->len)
    g_ptr_array_set_size (pages, page + 1);
  g_ptr_array_index (pages, page) = g_array_ref (rects);
}

static void
test_render_pixels (void)
{
  g_autoptr(GBytes) bytes = evident_test_make_pdf (1, 200, 300, draw_red_rectangle, NULL);
  g_autoptr(EvidentRenderClient) client = evident_render_client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EvidentPdfDocument) document = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  const guint32 white = 0xffffffff;
  const guint32 red = 0xffff0000;   /* ARGB32, native endian */
  double width;
  double height;
  gsize stride;

  document = evident_test_load_pdf (client, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evident_pdf_document_get_n_pages (document), ==, 1);
  evident_pdf_document_get_page_size (document, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 200, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 300, 0.01);

  texture = render_page (document, 0, 400, 600, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 400);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 600);

  stride = 400 * 4;
  pixels = g_malloc (stride * 600);
  gdk_texture_download (texture, pixels, stride);

  /* White, not transparent, where nothing is drawn. */
  g_assert_cmphex (pixel_at (pixels, stride, 5, 5), ==, white);
  g_assert_cmphex (pixel_at (pixels, stride, 395, 595), ==, white);
  /* The rectangle (50, 60, 100 × 80 pt) at 2 px/pt, from the top left. */
  g_assert_cmphex (pixel_at (pixels, stride, 200, 200), ==, red);
  g_assert_cmphex (pixel_at (pixels, stride, 104, 124), ==, red);
  g_assert_cmphex (pixel_at (pixels, stride, 296, 276), ==, red);
  g_assert_cmphex (pixel_at (pixels, stride, 96, 200), ==, white);
  g_assert_cmphex (pixel_at (pixels, stride, 200, 116), ==, white);
  g_assert_cmphex (pixel_at (pixels, stride, 200, 284), ==, white);
  g_assert_cmphex (pixel_at (pixels, stride, 200, 600 - 200), ==, white);
}

static void
test_render_cancelled (void)
{
  g_autoptr(GBytes) bytes = evident_test_make_pdf (1, 200, 300, draw_red_rectangle, NULL);
  g_autoptr(EvidentRenderClient) client = evident_render_client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EvidentPdfDocument) document = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  document = evident_test_load_pdf (client, bytes, &error);
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  texture = render_page (document, 0, 200, 300, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (texture);
  g_clear_error (&error);

  /* Cancelled once sent: it ends at once, without the pixels. */
  g_cancellable_reset (cancellable);
  evident_pdf_document_render_page_async (document, 0, 200, 300, cancellable,
                                          evident_test_store_result_cb, &result);
  g_cancellable_cancel (cancellable);
  texture = evident_pdf_document_render_page_finish (document, evident_test_wait_for_result (&result),
                                                     &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (texture);
  g_clear_error (&error);

  /* And the renderer goes on. */
  texture = render_page (document, 0, 100, 150, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 100);
}

typedef struct
{
  guint       n_finished;
  GdkTexture *texture;
} Finished;

static void
finished_cb (EvidentRenderScheduler *scheduler,
             guint                   page,
             double                  scale,
             GdkTexture             *texture,
             GError                 *error,
             Finished               *finished)
{
  g_assert_no_error (error);
  finished->n_finished++;
  g_set_object (&finished->texture, texture);
}

/* A page that has come is handed over by the frame that takes it, there
 * and then, for that frame to draw; a cancelled job ends from the main
 * loop, without a page, and the scheduler renders on. */
static void
test_render_take_arrived (void)
{
  g_autoptr(GBytes) bytes = evident_test_make_pdf (2, 200, 300, draw_red_rectangle, NULL);
  g_autoptr(EvidentRenderClient) client = evident_render_client_new ();
  g_autoptr(EvidentRenderScheduler) scheduler = evident_render_scheduler_new ();
  g_autoptr(EvidentPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  Finished finished = { 0 };

  document = evident_test_load_pdf (client, bytes, &error);
  g_assert_no_error (error);
  g_signal_connect (scheduler, "finished", G_CALLBACK (finished_cb), &finished);

  evident_render_scheduler_render (scheduler, document, 0, 1.0, 200, 300);
  g_assert_true (evident_render_scheduler_get_job (scheduler, NULL, NULL));
  g_assert_cmpuint (finished.n_finished, ==, 0);
  /* Without the main loop, as in the middle of a frame. */
  evident_render_scheduler_take_arrived (scheduler, 10000);
  g_assert_cmpuint (finished.n_finished, ==, 1);
  g_assert_nonnull (finished.texture);
  g_assert_cmpint (gdk_texture_get_width (finished.texture), ==, 200);
  g_assert_false (evident_render_scheduler_get_job (scheduler, NULL, NULL));
  g_clear_object (&finished.texture);

  evident_render_scheduler_render (scheduler, document, 1, 1.0, 200, 300);
  evident_render_scheduler_cancel (scheduler);
  g_assert_cmpuint (finished.n_finished, ==, 1);
  g_assert_true (evident_render_scheduler_get_job (scheduler, NULL, NULL));
  while (finished.n_finished < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (finished.texture);
  g_assert_false (evident_render_scheduler_get_job (scheduler, NULL, NULL));

  evident_render_scheduler_render (scheduler, document, 1, 0.5, 100, 150);
  while (finished.n_finished < 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (finished.texture);
  g_assert_cmpint (gdk_texture_get_width (finished.texture), ==, 100);
  g_clear_object (&finished.texture);
}

static void
test_find_text_coordinates (void)
{
  g_autoptr(GBytes) bytes = evident_test_make_pdf (3, 612, 792, draw_numbered, NULL);
  g_autoptr(EvidentRenderClient) client = evident_render_client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EvidentPdfDocument) document = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (free_rects);
  g_autoptr(GAsyncResult) result = NULL;
  GArray *rects;
  graphene_rect_t *rect;

  document = evident_test_load_pdf (client, bytes, &error);
  g_assert_no_error (error);

  evident_pdf_document_find_text_async (document, "evidentiary", 1, collect_matches_cb, pages,
                                        NULL, evident_test_store_result_cb, &result);
  g_assert_true (evident_pdf_document_find_text_finish (document, evident_test_wait_for_result (&result),
                                                        &error));
  g_assert_no_error (error);

  /* Page 2 only. */
  g_assert_cmpuint (pages->len, ==, 2);
  g_assert_null (g_ptr_array_index (pages, 0));
  rects = g_ptr_array_index (pages, 1);
  g_assert_cmpuint (rects->len, ==, 1);
  rect = &g_array_index (rects, graphene_rect_t, 0);

  /* Drawn with its baseline at y = 400 from the top, x from 100: the
   * rectangle is above the baseline, in top-left coordinates. */
  g_assert_cmpfloat (rect->origin.x, >=, 99);
  g_assert_cmpfloat (rect->origin.x, <=, 102);
  g_assert_cmpfloat (rect->origin.y, >, 400 - 30);
  g_assert_cmpfloat (rect->origin.y, <, 400);
  g_assert_cmpfloat (rect->origin.y + rect->size.height, >, 395);
  g_assert_cmpfloat (rect->origin.y + rect->size.height, <, 410);
}

/* The widget */

static void
test_first_page (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = evident_test_make_pdf (12, 612, 792, draw_numbered, NULL);
  EvidentPageView *view = evident_preview_get_page_view (fixture->preview);

  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "empty");

  load (fixture, bytes, "application/pdf", "report.pdf");
  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "document");
  g_assert_cmpuint (evident_preview_get_n_pages (fixture->preview), ==, 12);
  g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 1);
  g_assert_true (evident_preview_get_fit_width (fixture->preview));

  g_assert_true (evident_test_wait_until (first_page_shown, fixture->preview));
  g_assert_cmpuint (evident_preview_get_n_rendered_for_test (fixture->preview), >=, 1);

  /* Fit width: the page fills the view's width less its margins. */
  g_assert_cmpfloat_with_epsilon (evident_preview_get_zoom (fixture->preview),
                                  (gtk_widget_get_width (GTK_WIDGET (view)) - 24) / (612 * 96 / 72.0),
                                  0.01);

  /* The page area takes the keyboard. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
}

typedef struct
{
  gboolean rendering;
  guint    page;
  double   scale;
} RenderJob;

static void
n_pages_cb (EvidentPageView *view,
            GParamSpec      *pspec,
            RenderJob       *job)
{
  job->rendering = evident_page_view_get_render_job (view, &job->page, &job->scale);
}

/* Page 1 is asked for as soon as the document comes, before the view is
 * laid out for it, and at the scale the layout then wants: kept, not
 * cancelled and asked for again. Both for the first document (the view
 * not allocated yet: the preview tells it its size) and the next. */
static void
test_first_page_ahead (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) first = evident_test_make_pdf (12, 612, 792, draw_numbered, NULL);
  g_autoptr(GBytes) next = evident_test_make_pdf (3, 595, 842, draw_numbered, NULL);
  EvidentPageView *view = evident_preview_get_page_view (fixture->preview);
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (view));
  GBytes *documents[] = { first, next };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      RenderJob job = { 0 };
      gulong handler = g_signal_connect (view, "notify::n-pages", G_CALLBACK (n_pages_cb), &job);

      load (fixture, documents[i], "application/pdf", "report.pdf");
      g_signal_handler_disconnect (view, handler);
      g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "document");

      g_assert_true (job.rendering);
      g_assert_cmpuint (job.page, ==, 0);
      g_assert_true (evident_test_wait_until (first_page_shown, fixture->preview));
      g_assert_cmpfloat_with_epsilon (job.scale,
                                      evident_preview_get_zoom (fixture->preview) * 96 / 72.0 * scale_factor,
                                      1e-6);
      /* Page 1 came from that job: the first render of the document. */
      g_assert_cmpuint (evident_page_view_get_n_rendered (view), >=, 1);
    }
}

/* A document that comes before the preview was ever laid out (no
 * allocation, no size to go by) still has page 1 asked for at once, and
 * rendered, not left waiting for a frame; shown, page 1 is on screen. */
static gboolean
page_one_rendered (gpointer data)
{
  return evident_page_view_get_n_rendered (data) >= 1;
}

static void
test_first_page_before_layout (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GBytes) bytes = evident_test_make_pdf (5, 612, 792, draw_numbered, NULL);
  EvidentPreview *preview = EVIDENT_PREVIEW (g_object_ref_sink (evident_preview_new ()));
  EvidentPageView *view = evident_preview_get_page_view (preview);
  RenderJob job = { 0 };
  gulong handler = g_signal_connect (view, "notify::n-pages", G_CALLBACK (n_pages_cb), &job);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (preview)), ==, 0);
  evident_preview_set_bytes (preview, bytes, "application/pdf", "report.pdf");
  g_assert_true (evident_test_wait_until (not_loading, preview));
  g_signal_handler_disconnect (view, handler);

  g_assert_true (job.rendering);
  g_assert_cmpuint (job.page, ==, 0);
  g_assert_true (evident_test_wait_until (page_one_rendered, view));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));

  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (preview));
  g_assert_true (evident_test_wait_until (first_page_shown, preview));

  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->preview));
  g_object_unref (preview);
}

static gboolean
rendering_settled (gpointer data)
{
  static guint last;
  static gint64 since;
  EvidentPreview *preview = data;
  guint n = evident_preview_get_n_rendered_for_test (preview);

  if (n != last || since == 0)
    {
      last = n;
      since = g_get_monotonic_time ();
      return FALSE;
    }

  /* Nothing new for 300 ms. */
  if (g_get_monotonic_time () - since > 300 * 1000)
    {
      since = 0;
      return TRUE;
    }

  return FALSE;
}

static void
test_many_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = evident_test_make_pdf (200, 612, 792, draw_numbered, NULL);
  EvidentPageView *view = evident_preview_get_page_view (fixture->preview);
  GtkAdjustment *vadjustment;
  double upper;
  double page_size;
  guint after_first;
  guint after_scroll;
  const int n_steps = 50;

  load (fixture, bytes, NULL, "long.pdf");
  g_assert_cmpuint (evident_preview_get_n_pages (fixture->preview), ==, 200);
  g_assert_true (evident_test_wait_until (first_page_shown, fixture->preview));
  g_assert_true (evident_test_wait_until (rendering_settled, fixture->preview));

  /* The scrollbar covers every page before they are rendered. */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  upper = gtk_adjustment_get_upper (vadjustment);
  page_size = gtk_adjustment_get_page_size (vadjustment);
  g_assert_cmpfloat (upper, >, 200 * 792 * evident_preview_get_zoom (fixture->preview) * 96 / 72.0);

  /* The visible pages and two either side, no more. */
  after_first = evident_preview_get_n_rendered_for_test (fixture->preview);
  g_test_message ("rendered after showing page 1: %u", after_first);
  g_assert_cmpuint (after_first, >=, 1);
  g_assert_cmpuint (after_first, <=, 6);
  g_assert_cmpuint (evident_page_view_get_n_cached (view), <=, 6);

  /* A fling to the end: pages scrolled past are not all rendered, and the
   * cache stays bounded all along. */
  for (int i = 1; i <= n_steps; i++)
    {
      gtk_adjustment_set_value (vadjustment, (upper - page_size) * i / n_steps);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_cmpuint (evident_page_view_get_n_cached (view), <=, 8);
    }

  g_assert_true (evident_test_wait_until (rendering_settled, fixture->preview));
  after_scroll = evident_preview_get_n_rendered_for_test (fixture->preview);
  g_test_message ("rendered after scrolling to the end: %u", after_scroll);
  g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 200);
  g_assert_cmpuint (after_scroll, <, 100);
  g_assert_cmpuint (evident_page_view_get_n_cached (view), <=, 6);
  g_assert_cmpuint (evident_page_view_get_n_cached (view), >=, 1);
}

static gboolean
is_page_entry (GtkWidget     *widget,
               gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Go to page") == 0;
}

static void
test_navigation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = evident_test_make_pdf (20, 612, 792, draw_numbered, NULL);
  EvidentPageView *view = evident_preview_get_page_view (fixture->preview);
  double fit_zoom;

  load (fixture, bytes, "application/pdf", "nav.pdf");
  g_assert_true (evident_test_wait_until (first_page_shown, fixture->preview));

  evident_preview_set_page (fixture->preview, 5);
  g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.page", "i", 1));
  g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.page", "i", -1));
  g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.page", "i", G_MAXINT32));
  g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.page", "i", G_MININT32));
  g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 1);

  /* Zooming keeps the page in view; fit width comes back. */
  evident_preview_set_page (fixture->preview, 8);
  fit_zoom = evident_preview_get_zoom (fixture->preview);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.zoom-in", NULL));
  g_assert_false (evident_preview_get_fit_width (fixture->preview));
  g_assert_cmpfloat (evident_preview_get_zoom (fixture->preview), >, fit_zoom);
  g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 8);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.zoom-out", NULL));
  g_assert_cmpfloat (evident_preview_get_zoom (fixture->preview), <, fit_zoom);
  g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 8);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.fit-width", NULL));
  g_assert_true (evident_preview_get_fit_width (fixture->preview));
  evident_test_run (50);
  g_assert_cmpfloat_with_epsilon (evident_preview_get_zoom (fixture->preview), fit_zoom, 0.001);
  g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 8);

  /* The page area says where it is. */
  g_assert_cmpuint (evident_page_view_get_page (view), ==, 8);

  /* Page Down with the focus in the page field shows the page it went
   * to there; a number being typed stays until Enter. */
  {
    GtkWidget *entry = evident_test_find_widget (GTK_WIDGET (fixture->preview), GTK_TYPE_ENTRY,
                                                 is_page_entry, NULL);

    g_assert_nonnull (entry);
    g_assert_true (gtk_widget_grab_focus (entry));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "8");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.page", "i", 1));
    g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 9);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "9");

    gtk_editable_set_text (GTK_EDITABLE (entry), "15");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.page", "i", 1));
    g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 10);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "15");
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 15);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "15");
  }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GBytes) bytes = evident_test_make_pdf (5, 612, 792, draw_numbered, NULL);

  load (fixture, bytes, "application/pdf", "search.pdf");

  evident_preview_search (fixture->preview, "Evidentiary");
  g_assert_true (evident_test_wait_until (not_searching, fixture->preview));
  evident_test_run (20);

  g_assert_cmpuint (evident_page_view_get_n_matches (evident_preview_get_page_view (fixture->preview)), ==, 1);
  g_assert_cmpstr (evident_preview_get_match_text (fixture->preview), ==, "1 of 1");
  /* The preview went to the match. */
  g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 2);

  /* Every page says "Page n". */
  evident_preview_search (fixture->preview, "page");
  g_assert_true (evident_test_wait_until (not_searching, fixture->preview));
  evident_test_run (20);
  g_assert_cmpstr (evident_preview_get_match_text (fixture->preview), ==, "2 of 5");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.find-next", NULL));
  g_assert_cmpstr (evident_preview_get_match_text (fixture->preview), ==, "3 of 5");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.find-previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.find-previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.find-previous", NULL));
  g_assert_cmpstr (evident_preview_get_match_text (fixture->preview), ==, "5 of 5");

  evident_preview_search (fixture->preview, "nowhere to be found");
  g_assert_true (evident_test_wait_until (not_searching, fixture->preview));
  evident_test_run (20);
  g_assert_cmpstr (evident_preview_get_match_text (fixture->preview), ==, "No matches");
}

static void
assert_error (Fixture    *fixture,
              GBytes     *bytes,
              const char *content_type,
              const char *filename)
{
  evident_preview_clear (fixture->preview);
  load (fixture, bytes, content_type, filename);
  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "error");
  g_assert_cmpuint (evident_preview_get_n_pages (fixture->preview), ==, 0);
}

static void
test_broken (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GBytes) garbage = g_bytes_new_static ("%PDF-1.4 garbage", 16);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GBytes) pdf = evident_test_make_pdf (3, 612, 792, draw_numbered, NULL);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (pdf, 0, 200);

  assert_error (fixture, garbage, NULL, "broken.pdf");
  assert_error (fixture, empty, NULL, "empty.pdf");
  assert_error (fixture, empty, "application/pdf", NULL);
  assert_error (fixture, png, NULL, "scan.pdf");
  assert_error (fixture, png, "application/pdf", "scan.pdf");
  assert_error (fixture, truncated, "application/pdf", "truncated.pdf");

  /* And a good one after them. */
  load (fixture, pdf, NULL, "good.pdf");
  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "document");
  g_assert_cmpuint (evident_preview_get_n_pages (fixture->preview), ==, 3);
}

static void
test_encrypted (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "encrypted.pdf", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *entry = evident_preview_get_password_entry (fixture->preview);
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, length);

  load (fixture, bytes, NULL, "locked.pdf");
  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "password");
  g_assert_null (evident_preview_get_password_error (fixture->preview));

  gtk_editable_set_text (GTK_EDITABLE (entry), "wrong");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.unlock", NULL));
  g_assert_true (evident_preview_get_loading (fixture->preview));
  g_assert_true (evident_test_wait_until (not_loading, fixture->preview));
  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "password");
  g_assert_nonnull (evident_preview_get_password_error (fixture->preview));

  /* Not Latin-1: poppler tries it twice, which crashed poppler 22.x. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "пароль ✓");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.unlock", NULL));
  g_assert_true (evident_test_wait_until (not_loading, fixture->preview));
  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "password");
  g_assert_nonnull (evident_preview_get_password_error (fixture->preview));

  gtk_editable_set_text (GTK_EDITABLE (entry), "secret");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.unlock", NULL));
  g_assert_true (evident_test_wait_until (not_loading, fixture->preview));
  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "document");
  g_assert_cmpuint (evident_preview_get_n_pages (fixture->preview), ==, 1);
  g_assert_true (evident_test_wait_until (first_page_shown, fixture->preview));
  /* Not kept in the entry either. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static gboolean
has_svg_loader (void)
{
  GSList *formats = gdk_pixbuf_get_formats ();
  gboolean found = FALSE;

  for (const GSList *l = formats; l != NULL && !found; l = l->next)
    {
      g_autofree char *name = gdk_pixbuf_format_get_name (l->data);

      found = g_strcmp0 (name, "svg") == 0;
    }

  g_slist_free (formats);
  return found;
}

static void
test_image (Fixture       *fixture,
            gconstpointer  data)
{
  static const char svg[] =
    "<svg xmlns='http://www.w3.org/2000/svg' width='120' height='80'>"
    "<rect x='0' y='0' width='120' height='80' fill='#3584e4'/></svg>";
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GBytes) svg_bytes = g_bytes_new_static (svg, sizeof svg - 1);
  g_autoptr(GBytes) bad_png = g_bytes_new_static ("\x89PNG\r\n\x1a\nnope", 12);
  EvidentPageView *view = evident_preview_get_page_view (fixture->preview);
  GdkTexture *image;

  load (fixture, png, NULL, "screenshot.png");
  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "document");
  image = evident_page_view_get_image (view);
  g_assert_nonnull (image);
  g_assert_cmpint (gdk_texture_get_width (image), ==, 64);
  /* A small image is not blown up to fit. */
  g_assert_cmpfloat (evident_preview_get_zoom (fixture->preview), ==, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.zoom-in", NULL));
  g_assert_cmpfloat (evident_preview_get_zoom (fixture->preview), >, 1.0);

  /* SVG goes through librsvg's gdk-pixbuf loader (Debian: librsvg2-common). */
  if (has_svg_loader ())
    {
      load (fixture, svg_bytes, "image/svg+xml", "diagram.svg");
      g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "document");
      image = evident_page_view_get_image (view);
      g_assert_nonnull (image);
      g_assert_cmpint (gdk_texture_get_width (image), ==, 120);
      g_assert_cmpint (gdk_texture_get_height (image), ==, 80);
    }
  else
    {
      g_test_message ("No SVG loader for gdk-pixbuf (librsvg2-common): SVG not tested");
    }

  load (fixture, bad_png, NULL, "broken.png");
  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "error");
}

static void
open_requested_cb (EvidentPreview *preview,
                   guint          *count)
{
  (*count)++;
}

static void
test_other (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("PK\3\4 not much of a document", 28);
  guint count = 0;

  g_signal_connect (fixture->preview, "open-requested", G_CALLBACK (open_requested_cb), &count);

  evident_preview_set_bytes (fixture->preview, bytes,
                             "application/vnd.oasis.opendocument.text", "process.odt");
  g_assert_false (evident_preview_get_loading (fixture->preview));
  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "other");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.open", NULL));
  g_assert_cmpuint (count, ==, 1);

  evident_preview_clear (fixture->preview);
  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "empty");
}

static void
test_replace_while_loading (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GBytes) big = evident_test_make_pdf (200, 612, 792, draw_numbered, NULL);
  g_autoptr(GBytes) small = evident_test_make_pdf (2, 612, 792, draw_red_rectangle, NULL);
  EvidentPageView *view = evident_preview_get_page_view (fixture->preview);

  /* The first load is cancelled: only the second one shows. */
  evident_preview_set_bytes (fixture->preview, big, NULL, "big.pdf");
  evident_preview_set_bytes (fixture->preview, small, NULL, "small.pdf");
  g_assert_true (evident_test_wait_until (not_loading, fixture->preview));
  evident_test_run (100);
  g_assert_cmpuint (evident_preview_get_n_pages (fixture->preview), ==, 2);

  /* While pages render, another document. */
  evident_preview_set_bytes (fixture->preview, big, NULL, "big.pdf");
  g_assert_true (evident_test_wait_until (not_loading, fixture->preview));
  g_assert_cmpuint (evident_preview_get_n_pages (fixture->preview), ==, 200);
  evident_preview_set_bytes (fixture->preview, small, NULL, "small.pdf");
  g_assert_cmpuint (evident_page_view_get_n_cached (view), ==, 0);
  g_assert_true (evident_test_wait_until (not_loading, fixture->preview));
  g_assert_true (evident_test_wait_until (first_page_shown, fixture->preview));
  g_assert_cmpuint (evident_preview_get_n_pages (fixture->preview), ==, 2);

  /* And torn down in the middle of a load (fixture_tear_down). */
  evident_preview_set_bytes (fixture->preview, big, NULL, "big.pdf");
}

static void
test_file (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GBytes) bytes = evident_test_make_pdf (4, 612, 792, draw_numbered, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileIOStream) stream = NULL;

  file = g_file_new_tmp ("evident-preview-XXXXXX.pdf", &stream, &error);
  g_assert_no_error (error);
  g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                           NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  evident_preview_set_file (fixture->preview, file);
  g_assert_true (evident_preview_get_loading (fixture->preview));
  g_assert_true (evident_test_wait_until (not_loading, fixture->preview));
  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "document");
  g_assert_cmpuint (evident_preview_get_n_pages (fixture->preview), ==, 4);

  g_file_delete (file, NULL, NULL);
}

static void
test_standalone (void)
{
  GtkWidget *preview = evident_preview_new ();

  g_object_ref_sink (preview);
  g_assert_cmpstr (evident_preview_get_state (EVIDENT_PREVIEW (preview)), ==, "empty");
  evident_test_assert_finalized (preview);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/preview/render/pixels", test_render_pixels);
  g_test_add_func ("/preview/render/cancelled", test_render_cancelled);
  g_test_add_func ("/preview/render/take-arrived", test_render_take_arrived);
  g_test_add_func ("/preview/find-text/coordinates", test_find_text_coordinates);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the widget tests");
      return g_test_run ();
    }

  adw_init ();
  /* Link the resources, and with them the templates, into this program. */
  g_assert_nonnull (evident_get_resource ());

  g_test_add_func ("/preview/standalone", test_standalone);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/preview/first-page", test_first_page);
  ADD ("/preview/first-page-ahead", test_first_page_ahead);
  ADD ("/preview/first-page-before-layout", test_first_page_before_layout);
  ADD ("/preview/many-pages", test_many_pages);
  ADD ("/preview/navigation", test_navigation);
  ADD ("/preview/search", test_search);
  ADD ("/preview/broken", test_broken);
  ADD ("/preview/encrypted", test_encrypted);
  ADD ("/preview/image", test_image);
  ADD ("/preview/other", test_other);
  ADD ("/preview/replace-while-loading", test_replace_while_loading);
  ADD ("/preview/file", test_file);
#undef ADD

  return g_test_run ();
}
