/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "evident-pdf-document.h"
#include "evident-render-texture.h"

/*
 * EvidentPdfDocument: a PDF document open in the document renderer
 * (evident-render, through an EvidentRenderClient), seen from the main
 * thread. Poppler never runs in the application's process: the document's
 * bytes go to the helper in a sealed memfd, pages come back as sealed
 * memfds of pixels wrapped as textures, matches of a search as
 * rectangles. Page sizes are read once, while loading, so that the main
 * thread lays pages out without asking.
 *
 * Every operation is asynchronous and cancellable: cancelling drops the
 * request in the helper, or its result. Letting go of the document closes
 * it in the helper.
 */

/* More pages than any real document; a page tree that claims more is
 * refused. */
#define MAX_PAGES 1000000

typedef struct
{
  double width;
  double height;
} PageSize;

struct _EvidentPdfDocument
{
  GObject              parent_instance;

  EvidentRenderClient *client;
  guint32              id;

  /* Read-only once loaded. */
  PageSize            *sizes;
  guint                n_pages;
  double               max_width;
};

G_DEFINE_FINAL_TYPE (EvidentPdfDocument, evident_pdf_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (evident-pdf-error-quark, evident_pdf_error)

static gboolean
get_failure (const EvidentRenderMessage *message,
             EvidentRenderFailure       *failure)
{
  EvidentRenderFailed failed;

  if (message->header.type != EVIDENT_RENDER_FAILED || message->size < sizeof failed)
    return FALSE;

  memcpy (&failed, message->payload, sizeof failed);
  *failure = failed.failure;
  return TRUE;
}

static GError *
open_error (EvidentRenderFailure failure)
{
  switch (failure)
    {
    case EVIDENT_RENDER_FAILURE_EMPTY:
      return g_error_new_literal (EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_EMPTY, _("The file is empty."));
    case EVIDENT_RENDER_FAILURE_NEEDS_PASSWORD:
      return g_error_new_literal (EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_NEEDS_PASSWORD,
                                  _("This document is protected by a password."));
    case EVIDENT_RENDER_FAILURE_BAD_PASSWORD:
      return g_error_new_literal (EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_BAD_PASSWORD,
                                  _("The password is not correct."));
    case EVIDENT_RENDER_FAILURE_NO_PAGES:
      return g_error_new_literal (EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_NO_PAGES,
                                  _("The document has no pages."));
    case EVIDENT_RENDER_FAILURE_CANCELLED:
      return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
    case EVIDENT_RENDER_FAILURE_DAMAGED:
    case EVIDENT_RENDER_FAILURE_NO_MEMORY:
    case EVIDENT_RENDER_FAILURE_UNSUPPORTED:
    case EVIDENT_RENDER_FAILURE_BAD_REQUEST:
    default:
      /* Poppler's own messages ("PDF document is damaged", "Failed to
       * load document") say little a user can act on: say what it means
       * for them. */
      return g_error_new_literal (EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_DAMAGED,
                                  _("The file is damaged, incomplete or not a PDF document."));
    }
}

static void
evident_pdf_document_finalize (GObject *object)
{
  EvidentPdfDocument *self = (EvidentPdfDocument *)object;

  if (self->client != NULL)
    evident_render_client_close_document (self->client, self->id);
  g_clear_object (&self->client);
  g_clear_pointer (&self->sizes, g_free);

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
}

/* Loading */

/* Reads the page sizes the helper sent, checking each. */
static gboolean
read_page_sizes (EvidentPdfDocument         *self,
                 const EvidentRenderMessage *message)
{
  EvidentRenderOpened opened;
  const double *sizes;
  gsize size;

  if (message->size != sizeof opened || message->fd < 0)
    return FALSE;

  memcpy (&opened, message->payload, sizeof opened);
  if (opened.n_pages == 0 || opened.n_pages > MAX_PAGES)
    return FALSE;

  size = (gsize) opened.n_pages * 2 * sizeof (double);
  sizes = evident_render_memfd_map (message->fd, size);
  if (sizes == NULL)
    return FALSE;

  self->n_pages = opened.n_pages;
  self->sizes = g_new0 (PageSize, self->n_pages);
  for (guint i = 0; i < self->n_pages; i++)
    {
      double width = sizes[2 * i];
      double height = sizes[2 * i + 1];

      /* As the helper does: a page without a usable size is A4. */
      if (!(width >= 1 && height >= 1 && width < 100000 && height < 100000))
        {
          width = 595;
          height = 842;
        }
      self->sizes[i].width = width;
      self->sizes[i].height = height;
      self->max_width = MAX (self->max_width, width);
    }
  evident_render_memfd_unmap (sizes, size);

  evident_render_client_note_usage (self->client, opened.cpu_ms, opened.peak_rss_kb);
  return TRUE;
}

static gboolean
open_reply (GTask                *task,
            EvidentRenderMessage *message)
{
  EvidentPdfDocument *self = g_task_get_task_data (task);
  EvidentRenderFailure failure;

  if (get_failure (message, &failure))
    {
      g_task_return_error (task, open_error (failure));
      return TRUE;
    }

  if (message->header.type != EVIDENT_RENDER_OPENED || !read_page_sizes (self, message))
    return FALSE;

  g_task_return_pointer (task, g_object_ref (self), g_object_unref);
  return TRUE;
}

/**
 * evident_pdf_document_load_async:
 * @client: the helper to open it in
 * @password: (nullable): tried, then wiped
 *
 * Opens @bytes as a PDF document in the helper and reads the size of
 * every page.
 */
void
evident_pdf_document_load_async (EvidentRenderClient *client,
                                 GBytes              *bytes,
                                 const char          *password,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  EvidentRenderOpen open = { password != NULL };
  g_autoptr(GTask) task = NULL;
  EvidentPdfDocument *self;

  g_return_if_fail (EVIDENT_IS_RENDER_CLIENT (client));
  g_return_if_fail (bytes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self = g_object_new (EVIDENT_TYPE_PDF_DOCUMENT, NULL);
  self->client = g_object_ref (client);
  self->id = evident_render_client_new_document_id (client);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_pdf_document_load_async);
  g_task_set_task_data (task, self, g_object_unref);

  if (password != NULL && strlen (password) > EVIDENT_RENDER_MAX_TEXT)
    {
      g_task_return_error (task, open_error (EVIDENT_RENDER_FAILURE_BAD_PASSWORD));
      return;
    }

  evident_render_client_request_task_with_bytes (client, task, EVIDENT_RENDER_OPEN_PDF, self->id,
                                                 &open, sizeof open,
                                                 password, password != NULL ? strlen (password) : 0,
                                                 bytes, open_reply);
}

/**
 * evident_pdf_document_load_finish:
 *
 * Returns: (transfer full): the document, or %NULL with @error set in
 *   %EVIDENT_PDF_ERROR, %EVIDENT_RENDER_ERROR (the helper is gone: the
 *   document could not be shown safely) or %G_IO_ERROR_CANCELLED
 */
EvidentPdfDocument *
evident_pdf_document_load_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == evident_pdf_document_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Returns: (transfer none): the helper the document is open in */
EvidentRenderClient *
evident_pdf_document_get_client (EvidentPdfDocument *self)
{
  g_return_val_if_fail (EVIDENT_IS_PDF_DOCUMENT (self), NULL);

  return self->client;
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

/* Rendering */

typedef struct
{
  guint width;
  guint height;
} RenderSize;

/* The page in a final reply, or why there is none; %FALSE (and no
 * error) when the reply is not one a render request allows. */
static gboolean
read_page_reply (const RenderSize      *size,
                 EvidentRenderMessage  *message,
                 GdkTexture           **texture,
                 GError               **error)
{
  EvidentRenderFailure failure;

  *texture = NULL;
  if (get_failure (message, &failure))
    {
      if (failure == EVIDENT_RENDER_FAILURE_CANCELLED)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      else if (failure == EVIDENT_RENDER_FAILURE_NO_MEMORY)
        g_set_error_literal (error, EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_RENDER,
                             _("Not enough memory to show this page."));
      else
        g_set_error_literal (error, EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_RENDER,
                             _("This page cannot be shown."));
      return TRUE;
    }

  *texture = evident_render_texture_new_from_message (message, size->width, size->height);
  return *texture != NULL;
}

static gboolean
render_reply (GTask                *task,
              EvidentRenderMessage *message)
{
  GdkTexture *texture;
  GError *error = NULL;

  if (!read_page_reply (g_task_get_task_data (task), message, &texture, &error))
    return FALSE;

  if (texture != NULL)
    g_task_return_pointer (task, texture, g_object_unref);
  else
    g_task_return_error (task, error);
  return TRUE;
}

/**
 * evident_pdf_document_render_page_async:
 * @index: the page, 0-based
 * @width: the texture's width in pixels
 * @height: the texture's height in pixels
 *
 * Renders a page on a white background, stretched to @width × @height
 * (or less, keeping the proportions, past 16 megapixels), in the helper.
 * Cancelling drops the request, or the pixels once made.
 */
void
evident_pdf_document_render_page_async (EvidentPdfDocument  *self,
                                        guint                index,
                                        int                  width,
                                        int                  height,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  EvidentRenderPage request = { index, MAX (width, 1), MAX (height, 1) };
  g_autoptr(GTask) task = NULL;
  RenderSize *size;

  g_return_if_fail (EVIDENT_IS_PDF_DOCUMENT (self));
  g_return_if_fail (index < self->n_pages);
  g_return_if_fail (width > 0 && height > 0);

  size = g_new0 (RenderSize, 1);
  size->width = request.width;
  size->height = request.height;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_pdf_document_render_page_async);
  g_task_set_task_data (task, size, g_free);
  evident_render_client_request_task (self->client, task, EVIDENT_RENDER_RENDER_PAGE, self->id,
                                      &request, sizeof request, NULL, 0, -1, render_reply);
}

/**
 * evident_pdf_document_render_page_finish:
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
GdkTexture *
evident_pdf_document_render_page_finish (EvidentPdfDocument  *self,
                                         GAsyncResult        *result,
                                         GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  RenderSize         size;
  EvidentPdfPageFunc func;
  gpointer           user_data;
  GDestroyNotify     destroy;
} PageRequest;

static void
page_request_free (PageRequest *request)
{
  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_free (request);
}

static gboolean
page_reply (EvidentRenderClient  *client,
            EvidentRenderMessage *message,
            const GError         *error,
            gpointer              user_data)
{
  PageRequest *request = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) failure = NULL;
  gboolean ok = TRUE;

  if (message == NULL)
    {
      request->func (NULL, error, request->user_data);
      return TRUE;
    }

  ok = read_page_reply (&request->size, message, &texture, &failure);
  if (!ok)
    failure = g_error_new_literal (EVIDENT_RENDER_ERROR, EVIDENT_RENDER_ERROR_PROTOCOL,
                                   _("The part of Evident that shows documents stopped responding correctly."));
  request->func (texture, failure, request->user_data);
  return ok;
}

/**
 * evident_pdf_document_render_page:
 * @index: the page, 0-based
 * @width: the texture's width in pixels
 * @height: the texture's height in pixels
 * @func: called once with the page or the error, unless cancelled
 *
 * As evident_pdf_document_render_page_async (), but @func is called as
 * soon as the page is read, also in the middle of a frame
 * (evident_render_client_read_pending ()), rather than from the main
 * loop, and never after evident_pdf_document_cancel_render (). @func is
 * never called from within this function.
 *
 * Returns: the request, for evident_pdf_document_cancel_render ()
 */
guint32
evident_pdf_document_render_page (EvidentPdfDocument *self,
                                  guint               index,
                                  int                 width,
                                  int                 height,
                                  EvidentPdfPageFunc  func,
                                  gpointer            user_data,
                                  GDestroyNotify      destroy)
{
  EvidentRenderPage page = { index, MAX (width, 1), MAX (height, 1) };
  PageRequest *request;

  g_return_val_if_fail (EVIDENT_IS_PDF_DOCUMENT (self), 0);
  g_return_val_if_fail (index < self->n_pages, 0);
  g_return_val_if_fail (func != NULL, 0);

  request = g_new0 (PageRequest, 1);
  request->size.width = page.width;
  request->size.height = page.height;
  request->func = func;
  request->user_data = user_data;
  request->destroy = destroy;

  return evident_render_client_request (self->client, EVIDENT_RENDER_RENDER_PAGE, self->id,
                                        &page, sizeof page, NULL, 0, -1, page_reply, request,
                                        (GDestroyNotify) page_request_free);
}

/* Drops @request: its function is not called again. */
void
evident_pdf_document_cancel_render (EvidentPdfDocument *self,
                                    guint32             request)
{
  g_return_if_fail (EVIDENT_IS_PDF_DOCUMENT (self));

  evident_render_client_cancel (self->client, request);
}

/* Finding text */

typedef struct
{
  guint                 n_pages;
  EvidentPdfMatchesFunc func;
  gpointer              data;
} Find;

static gboolean
matches_reply (const Find                 *find,
               const EvidentRenderMessage *message)
{
  EvidentRenderMatches matches;
  g_autoptr(GArray) rects = NULL;
  const EvidentRenderRect *tail;

  if (message->size < sizeof matches)
    return FALSE;

  memcpy (&matches, message->payload, sizeof matches);
  if (matches.page >= find->n_pages || matches.n_rects == 0 || matches.n_rects > EVIDENT_RENDER_MAX_RECTS
      || message->size != sizeof matches + matches.n_rects * sizeof (EvidentRenderRect))
    return FALSE;

  tail = (const EvidentRenderRect *) (message->payload + sizeof matches);
  rects = g_array_sized_new (FALSE, FALSE, sizeof (graphene_rect_t), matches.n_rects);
  for (guint i = 0; i < matches.n_rects; i++)
    {
      EvidentRenderRect r;
      graphene_rect_t rect;

      memcpy (&r, &tail[i], sizeof r);
      if (!isfinite (r.x) || !isfinite (r.y) || !isfinite (r.width) || !isfinite (r.height))
        return FALSE;

      graphene_rect_init (&rect, r.x, r.y, r.width, r.height);
      g_array_append_val (rects, rect);
    }

  find->func (matches.page, rects, find->data);
  return TRUE;
}

static gboolean
find_reply (GTask                *task,
            EvidentRenderMessage *message)
{
  const Find *find = g_task_get_task_data (task);
  EvidentRenderFailure failure;

  switch (message->header.type)
    {
    case EVIDENT_RENDER_MATCHES:
      return matches_reply (find, message);

    case EVIDENT_RENDER_PROGRESS:
      return TRUE;

    case EVIDENT_RENDER_DONE:
      g_task_return_boolean (task, TRUE);
      return TRUE;

    default:
      if (!get_failure (message, &failure))
        return FALSE;
      if (failure == EVIDENT_RENDER_FAILURE_CANCELLED)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      else
        g_task_return_boolean (task, TRUE);
      return TRUE;
    }
}

/**
 * evident_pdf_document_find_text_async:
 * @text: what to find, case-insensitively; not empty
 * @first_page: where to begin; the search goes round the document
 * @matches_func: called on the main thread with each page's matches, as
 *   they are found; never once the search is cancelled
 *
 * Finds @text in the helper, page by page, between the pages it renders.
 */
void
evident_pdf_document_find_text_async (EvidentPdfDocument    *self,
                                      const char            *text,
                                      guint                  first_page,
                                      EvidentPdfMatchesFunc  matches_func,
                                      gpointer               matches_data,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  EvidentRenderFind request = { first_page };
  g_autoptr(GTask) task = NULL;
  Find *find;

  g_return_if_fail (EVIDENT_IS_PDF_DOCUMENT (self));
  g_return_if_fail (text != NULL && *text != '\0');
  g_return_if_fail (matches_func != NULL);

  find = g_new0 (Find, 1);
  find->n_pages = self->n_pages;
  find->func = matches_func;
  find->data = matches_data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_pdf_document_find_text_async);
  g_task_set_task_data (task, find, g_free);

  /* Nothing that long is on a page. */
  if (strlen (text) > EVIDENT_RENDER_MAX_TEXT)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  evident_render_client_request_task (self->client, task, EVIDENT_RENDER_FIND_TEXT, self->id,
                                      &request, sizeof request, text, strlen (text), -1,
                                      find_reply);
}

gboolean
evident_pdf_document_find_text_finish (EvidentPdfDocument  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
