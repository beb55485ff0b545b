/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "evident-render-protocol.h"

G_BEGIN_DECLS

/* A PDF document inside the helper: poppler, blocking calls. */
typedef struct _EvidentRenderPdf EvidentRenderPdf;

EvidentRenderPdf *evident_render_pdf_open          (GBytes                *bytes,
                                                    const char            *password,
                                                    EvidentRenderFailure  *failure);
void              evident_render_pdf_free          (EvidentRenderPdf      *pdf);
guint             evident_render_pdf_get_n_pages   (EvidentRenderPdf      *pdf);
void              evident_render_pdf_get_page_size (EvidentRenderPdf      *pdf,
                                                    guint                  page,
                                                    double                *width,
                                                    double                *height);
void              evident_render_pdf_fit_size      (guint                 *width,
                                                    guint                 *height);
void              evident_render_pdf_render        (EvidentRenderPdf      *pdf,
                                                    guint                  page,
                                                    guint8                *data,
                                                    guint                  width,
                                                    guint                  height,
                                                    guint                  stride);
GArray           *evident_render_pdf_find_text     (EvidentRenderPdf      *pdf,
                                                    guint                  page,
                                                    const char            *text);
void              evident_render_pdf_warm_up       (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentRenderPdf, evident_render_pdf_free)

G_END_DECLS
