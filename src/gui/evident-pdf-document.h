/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "evident-render-client.h"

G_BEGIN_DECLS

#define EVIDENT_PDF_ERROR (evident_pdf_error_quark ())

typedef enum
{
  EVIDENT_PDF_ERROR_EMPTY,
  EVIDENT_PDF_ERROR_DAMAGED,
  EVIDENT_PDF_ERROR_NO_PAGES,
  EVIDENT_PDF_ERROR_NEEDS_PASSWORD,
  EVIDENT_PDF_ERROR_BAD_PASSWORD,
  EVIDENT_PDF_ERROR_RENDER,
} EvidentPdfError;

#define EVIDENT_TYPE_PDF_DOCUMENT (evident_pdf_document_get_type ())

G_DECLARE_FINAL_TYPE (EvidentPdfDocument, evident_pdf_document, EVIDENT, PDF_DOCUMENT, GObject)

/**
 * EvidentPdfMatchesFunc:
 * @page: 0-based
 * @rects: (element-type graphene_rect_t): the matches on @page, in points
 *   from its top left corner
 */
typedef void (*EvidentPdfMatchesFunc) (guint     page,
                                       GArray   *rects,
                                       gpointer  user_data);

/**
 * EvidentPdfPageFunc:
 * @texture: (nullable): the page
 * @error: (nullable): why there is none
 */
typedef void (*EvidentPdfPageFunc) (GdkTexture   *texture,
                                    const GError *error,
                                    gpointer      user_data);

GQuark               evident_pdf_error_quark                  (void);

void                 evident_pdf_document_load_async          (EvidentRenderClient   *client,
                                                               GBytes                *bytes,
                                                               const char            *password,
                                                               GCancellable          *cancellable,
                                                               GAsyncReadyCallback    callback,
                                                               gpointer               user_data);
EvidentPdfDocument  *evident_pdf_document_load_finish         (GAsyncResult          *result,
                                                               GError               **error);

EvidentRenderClient *evident_pdf_document_get_client          (EvidentPdfDocument    *self);
guint                evident_pdf_document_get_n_pages         (EvidentPdfDocument    *self);
void                 evident_pdf_document_get_page_size       (EvidentPdfDocument    *self,
                                                               guint                  index,
                                                               double                *width,
                                                               double                *height);
double               evident_pdf_document_get_max_width       (EvidentPdfDocument    *self);

void                 evident_pdf_document_render_page_async   (EvidentPdfDocument    *self,
                                                               guint                  index,
                                                               int                    width,
                                                               int                    height,
                                                               GCancellable          *cancellable,
                                                               GAsyncReadyCallback    callback,
                                                               gpointer               user_data);
GdkTexture          *evident_pdf_document_render_page_finish  (EvidentPdfDocument    *self,
                                                               GAsyncResult          *result,
                                                               GError               **error);
guint32              evident_pdf_document_render_page         (EvidentPdfDocument    *self,
                                                               guint                  index,
                                                               int                    width,
                                                               int                    height,
                                                               EvidentPdfPageFunc     func,
                                                               gpointer               user_data,
                                                               GDestroyNotify         destroy);
void                 evident_pdf_document_cancel_render       (EvidentPdfDocument    *self,
                                                               guint32                request);

void                 evident_pdf_document_find_text_async     (EvidentPdfDocument    *self,
                                                               const char            *text,
                                                               guint                  first_page,
                                                               EvidentPdfMatchesFunc  matches_func,
                                                               gpointer               matches_data,
                                                               GCancellable          *cancellable,
                                                               GAsyncReadyCallback    callback,
                                                               gpointer               user_data);
gboolean             evident_pdf_document_find_text_finish    (EvidentPdfDocument    *self,
                                                               GAsyncResult          *result,
                                                               GError               **error);

G_END_DECLS
