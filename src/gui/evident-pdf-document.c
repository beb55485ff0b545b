/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "evident-pdf-document.h"

/*
 * EvidentPdfDocument: a PopplerDocument that worker threads can share.
 *
 * Poppler is not thread-safe for one document, so every call into it goes
 * through the document's lock; page sizes are read once while loading (on
 * the worker that loads) so that the main thread can lay pages out without
 * ever touching poppler or waiting for the lock. Loading, rendering and
 * searching are blocking calls meant for worker threads; load_async runs
 * the load in a GTask thread.
 */

/* A rendered page is never bigger than this, whatever the zoom: beyond it
 * the view scales a smaller texture up. */
#define MAX_TEXTURE_PIXELS (4096 * 4096)
#define MAX_TEXTURE_SIDE   8192

typedef struct
{
  double width;
  double height;
} PageSize;

struct _EvidentPdfDocument
{
  GObject          parent_instance;

  GMutex           mutex;
  PopplerDocument *document;   /* under mutex */
  GBytes          *bytes;      /* poppler reads from it: keep it alive */
  GInputStream    *stream;     /* or from this, over the bytes */

  /* Read-only after construction. */
  PageSize        *sizes;
  guint            n_pages;
  double           max_width;
};

G_DEFINE_FINAL_TYPE (EvidentPdfDocument, evident_pdf_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (evident-pdf-error-quark, evident_pdf_error)

typedef struct
{
  GBytes *bytes;
  char   *password;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_bytes_unref (data->bytes);
  if (data->password != NULL)
    {
      /* Not kept anywhere once it has been tried. */
      explicit_bzero (data->password, strlen (data->password));
      g_free (data->password);
    }
  g_free (data);
}

static void
translate_error (GError     *poppler_error,
                 gboolean    has_password,
                 GError    **error)
{
  if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (has_password)
        g_set_error_literal (error, EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_BAD_PASSWORD,
                             _("The password is not correct."));
      else
        g_set_error_literal (error, EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_NEEDS_PASSWORD,
                             _("This document is protected by a password."));
      return;
    }

  /* Poppler's own messages ("PDF document is damaged", "Failed to load
   * document") say little a user can act on: say what it means for them. */
  g_set_error_literal (error, EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_DAMAGED,
                       _("The file is damaged, incomplete or not a PDF document."));
}

static void
evident_pdf_document_finalize (GObject *object)
{
  EvidentPdfDocument *self = (EvidentPdfDocument *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->stream);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->sizes, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (evident_pdf_document_parent_class)->finalize (object);
}

static void
evident_pdf_document_class_init (EvidentPdfDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = evident_pdf_document_finalize;
}

static void
evident_pdf_document_init (EvidentPdfDocument *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * evident_pdf_document_new_from_bytes:
 *
 * Parses @bytes as a PDF document and reads the size of every page. This
 * blocks: call it on a worker thread (or in tests).
 *
 * Returns: (transfer full): the document, or %NULL with @error set in
 *   %EVIDENT_PDF_ERROR (or %G_IO_ERROR_CANCELLED).
 */
EvidentPdfDocument *
evident_pdf_document_new_from_bytes (GBytes        *bytes,
                                     const char    *password,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  g_autoptr(EvidentPdfDocument) self = NULL;
  g_autoptr(GInputStream) stream = NULL;
  PopplerDocument *document;
  g_autoptr(GError) local_error = NULL;
  int n_pages;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (password == NULL)
    {
      document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
    }
  else
    {
      /* Poppler 22.x's new_from_bytes () and new_from_data () use a freed
       * stream when a password fails in Latin-1 and is tried again in
       * UTF-8 (fixed later by copying the stream): they crash on a wrong
       * password. new_from_stream () copies it. */
      stream = g_memory_input_stream_new_from_bytes (bytes);
      document = poppler_document_new_from_stream (stream, g_bytes_get_size (bytes),
                                                   password, cancellable, &local_error);
    }

  if (document == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_debug ("Poppler cannot open the document: %s", local_error->message);
      translate_error (local_error, password != NULL, error);
      return NULL;
    }

  /* Poppler's types have no autoptr cleanup in 22.x. */
  self = g_object_new (EVIDENT_TYPE_PDF_DOCUMENT, NULL);
  self->document = document;
  self->stream = g_steal_pointer (&stream);

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages <= 0)
    {
      g_set_error_literal (error, EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_NO_PAGES,
                           _("The document has no pages."));
      return NULL;
    }

  self->bytes = g_bytes_ref (bytes);
  self->n_pages = n_pages;
  self->sizes = g_new0 (PageSize, n_pages);

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page;
      double width = 0;
      double height = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      page = poppler_document_get_page (document, i);
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

      self->sizes[i].width = width;
      self->sizes[i].height = height;
      self->max_width = MAX (self->max_width, width);
    }

  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  EvidentPdfDocument *document;
  GError *error = NULL;

  document = evident_pdf_document_new_from_bytes (data->bytes, data->password,
                                                  cancellable, &error);
  if (document != NULL)
    g_task_return_pointer (task, document, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * evident_pdf_document_load_async:
 *
 * Loads @bytes as a PDF document on a worker thread. @password, when not
 * %NULL, is copied, tried and wiped.
 */
void
evident_pdf_document_load_async (GBytes              *bytes,
                                 const char          *password,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (bytes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->bytes = g_bytes_ref (bytes);
  data->password = g_strdup (password);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_pdf_document_load_async);
  g_task_set_name (task, "[evident] load PDF");
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_thread);
}

EvidentPdfDocument *
evident_pdf_document_load_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == evident_pdf_document_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
evident_pdf_document_get_n_pages (EvidentPdfDocument *self)
{
  g_return_val_if_fail (EVIDENT_IS_PDF_DOCUMENT (self), 0);

  return self->n_pages;
}

/**
 * evident_pdf_document_get_page_size:
 *
 * The size of page @index (0-based) in points. Never blocks.
 */
void
evident_pdf_document_get_page_size (EvidentPdfDocument *self,
                                    guint               index,
                                    double             *width,
                                    double             *height)
{
  g_return_if_fail (EVIDENT_IS_PDF_DOCUMENT (self));
  g_return_if_fail (index < self->n_pages);

  if (width != NULL)
    *width = self->sizes[index].width;
  if (height != NULL)
    *height = self->sizes[index].height;
}

double
evident_pdf_document_get_max_width (EvidentPdfDocument *self)
{
  g_return_val_if_fail (EVIDENT_IS_PDF_DOCUMENT (self), 0);

  return self->max_width;
}

static void
free_surface_data (gpointer data)
{
  cairo_surface_destroy (data);
}

/**
 * evident_pdf_document_render_page:
 * @index: the page, 0-based
 * @width: the texture's width in pixels
 * @height: the texture's height in pixels
 *
 * Renders a page on a white background, stretched to @width × @height
 * (or less, keeping the proportions, past 16 megapixels). This blocks: call
 * it on a worker thread. The texture wraps the cairo surface's pixels
 * without a copy.
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
GdkTexture *
evident_pdf_document_render_page (EvidentPdfDocument  *self,
                                  guint                index,
                                  int                  width,
                                  int                  height,
                                  GCancellable        *cancellable,
                                  GError             **error)
{
  PopplerPage *page;
  g_autoptr(GBytes) pixels = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_width;
  double page_height;
  double shrink = 1.0;
  int stride;

  g_return_val_if_fail (EVIDENT_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->n_pages, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  page_width = self->sizes[index].width;
  page_height = self->sizes[index].height;

  if ((double) width * height > MAX_TEXTURE_PIXELS)
    shrink = sqrt (MAX_TEXTURE_PIXELS / ((double) width * height));
  if (MAX (width, height) * shrink > MAX_TEXTURE_SIDE)
    shrink = (double) MAX_TEXTURE_SIDE / MAX (width, height);
  if (shrink < 1.0)
    {
      width = MAX (1, (int) floor (width * shrink));
      height = MAX (1, (int) floor (height * shrink));
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error_literal (error, EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_RENDER,
                           _("Not enough memory to show this page."));
      return NULL;
    }

  /* Poppler leaves what the page does not paint transparent. */
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / page_width, height / page_height);

  g_mutex_lock (&self->mutex);
  /* Waiting for the lock may have taken a while: still wanted? */
  if (!g_cancellable_is_cancelled (cancellable))
    {
      page = poppler_document_get_page (self->document, index);
      if (page != NULL)
        {
          poppler_page_render (page, cr);
          g_object_unref (page);
        }
    }
  g_mutex_unlock (&self->mutex);

  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  stride = cairo_image_surface_get_stride (surface);
  pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                       (gsize) height * stride,
                                       free_surface_data, surface);

  /* GDK_MEMORY_DEFAULT is CAIRO_FORMAT_ARGB32 in native byte order. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, stride);
}

/**
 * evident_pdf_document_find_text:
 *
 * Finds @text (case-insensitively) on page @index. This blocks: call it on
 * a worker thread.
 *
 * Returns: (transfer full) (element-type graphene_rect_t): one rectangle
 *   per match, in points from the page's top-left corner
 */
GArray *
evident_pdf_document_find_text (EvidentPdfDocument *self,
                                guint               index,
                                const char         *text,
                                GCancellable       *cancellable)
{
  GArray *rects;
  GList *matches = NULL;
  double page_height;

  g_return_val_if_fail (EVIDENT_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->n_pages, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  if (*text == '\0' || g_cancellable_is_cancelled (cancellable))
    return rects;

  page_height = self->sizes[index].height;

  g_mutex_lock (&self->mutex);
  if (!g_cancellable_is_cancelled (cancellable))
    {
      PopplerPage *page = poppler_document_get_page (self->document, index);

      if (page != NULL)
        {
          matches = poppler_page_find_text_with_options (page, text, POPPLER_FIND_DEFAULT);
          g_object_unref (page);
        }
    }
  g_mutex_unlock (&self->mutex);

  for (const GList *l = matches; l != NULL; l = l->next)
    {
      PopplerRectangle *match = l->data;
      graphene_rect_t rect;

      /* Poppler's find_text puts the origin at the bottom-left corner. */
      graphene_rect_init (&rect,
                          MIN (match->x1, match->x2),
                          page_height - MAX (match->y1, match->y2),
                          fabs (match->x2 - match->x1),
                          fabs (match->y2 - match->y1));
      g_array_append_val (rects, rect);
    }

  g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);

  return rects;
}
