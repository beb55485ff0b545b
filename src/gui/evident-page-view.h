/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "evident-pdf-document.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_PAGE_VIEW (evident_page_view_get_type ())

G_DECLARE_FINAL_TYPE (EvidentPageView, evident_page_view, EVIDENT, PAGE_VIEW, GtkWidget)

GtkWidget          *evident_page_view_new               (void);
EvidentPdfDocument *evident_page_view_get_document      (EvidentPageView    *self);
void                evident_page_view_set_document      (EvidentPageView    *self,
                                                         EvidentPdfDocument *document);
GdkTexture         *evident_page_view_get_image         (EvidentPageView    *self);
void                evident_page_view_set_image         (EvidentPageView    *self,
                                                         GdkTexture         *image);
void                evident_page_view_clear             (EvidentPageView    *self);

guint               evident_page_view_get_n_pages       (EvidentPageView    *self);
guint               evident_page_view_get_page          (EvidentPageView    *self);
void                evident_page_view_set_page          (EvidentPageView    *self,
                                                         guint               page);
double              evident_page_view_get_zoom          (EvidentPageView    *self);
void                evident_page_view_set_zoom          (EvidentPageView    *self,
                                                         double              zoom);
gboolean            evident_page_view_get_fit           (EvidentPageView    *self);
void                evident_page_view_set_fit           (EvidentPageView    *self,
                                                         gboolean            fit);
gboolean            evident_page_view_can_zoom_in       (EvidentPageView    *self);
gboolean            evident_page_view_can_zoom_out      (EvidentPageView    *self);
void                evident_page_view_zoom_in           (EvidentPageView    *self);
void                evident_page_view_zoom_out          (EvidentPageView    *self);

void                evident_page_view_search            (EvidentPageView    *self,
                                                         const char         *text);
gboolean            evident_page_view_get_searching     (EvidentPageView    *self);
guint               evident_page_view_get_n_matches     (EvidentPageView    *self);
guint               evident_page_view_get_current_match (EvidentPageView    *self);
void                evident_page_view_find_next         (EvidentPageView    *self);
void                evident_page_view_find_previous     (EvidentPageView    *self);
void                evident_page_view_set_size_hint     (EvidentPageView    *self,
                                                         int                 width,
                                                         int                 height);

/* For tests and benchmarks. */
guint               evident_page_view_get_n_rendered    (EvidentPageView    *self);
guint               evident_page_view_get_n_cached      (EvidentPageView    *self);
gint64              evident_page_view_get_first_shown   (EvidentPageView    *self);
gboolean            evident_page_view_get_render_job    (EvidentPageView    *self,
                                                         guint              *page,
                                                         double             *scale);

G_END_DECLS
