/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

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

GQuark              evident_pdf_error_quark              (void);

EvidentPdfDocument *evident_pdf_document_new_from_bytes  (GBytes               *bytes,
                                                          const char           *password,
                                                          GCancellable         *cancellable,
                                                          GError              **error);
void                evident_pdf_document_load_async      (GBytes               *bytes,
                                                          const char           *password,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
EvidentPdfDocument *evident_pdf_document_load_finish     (GAsyncResult         *result,
                                                          GError              **error);

guint               evident_pdf_document_get_n_pages     (EvidentPdfDocument   *self);
void                evident_pdf_document_get_page_size   (EvidentPdfDocument   *self,
                                                          guint                 index,
                                                          double               *width,
                                                          double               *height);
double              evident_pdf_document_get_max_width   (EvidentPdfDocument   *self);

GdkTexture         *evident_pdf_document_render_page     (EvidentPdfDocument   *self,
                                                          guint                 index,
                                                          int                   width,
                                                          int                   height,
                                                          GCancellable         *cancellable,
                                                          GError              **error);
GArray             *evident_pdf_document_find_text       (EvidentPdfDocument   *self,
                                                          guint                 index,
                                                          const char           *text,
                                                          GCancellable         *cancellable);

G_END_DECLS
