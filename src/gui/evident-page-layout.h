/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "evident-pdf-document.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_PAGE_LAYOUT (evident_page_layout_get_type ())

G_DECLARE_FINAL_TYPE (EvidentPageLayout, evident_page_layout, EVIDENT, PAGE_LAYOUT, GObject)

EvidentPageLayout *evident_page_layout_new                 (void);
void               evident_page_layout_set_document        (EvidentPageLayout  *self,
                                                            EvidentPdfDocument *document);
void               evident_page_layout_set_image           (EvidentPageLayout  *self,
                                                            GdkTexture         *image);
guint              evident_page_layout_get_n_pages         (EvidentPageLayout  *self);

double             evident_page_layout_get_fit_zoom        (EvidentPageLayout  *self,
                                                            int                 width,
                                                            int                 height);
double             evident_page_layout_get_width_for_zoom  (EvidentPageLayout  *self,
                                                            double              zoom);
double             evident_page_layout_get_height_for_zoom (EvidentPageLayout  *self,
                                                            double              zoom);

void               evident_page_layout_update              (EvidentPageLayout  *self,
                                                            int                 width,
                                                            int                 height,
                                                            double              zoom);
gboolean           evident_page_layout_is_valid            (EvidentPageLayout  *self);
int                evident_page_layout_get_width           (EvidentPageLayout  *self);
int                evident_page_layout_get_height          (EvidentPageLayout  *self);
double             evident_page_layout_get_content_width   (EvidentPageLayout  *self);
double             evident_page_layout_get_content_height  (EvidentPageLayout  *self);
double             evident_page_layout_get_ppx             (EvidentPageLayout  *self);
double             evident_page_layout_ppx_for_zoom        (double              zoom);
void               evident_page_layout_get_page_size_for_zoom
                                                           (EvidentPageLayout  *self,
                                                            guint               page,
                                                            double              zoom,
                                                            double             *width,
                                                            double             *height);

void               evident_page_layout_get_page_rect       (EvidentPageLayout  *self,
                                                            guint               page,
                                                            graphene_rect_t    *rect);
double             evident_page_layout_get_page_top        (EvidentPageLayout  *self,
                                                            guint               page);
guint              evident_page_layout_get_page_at_y       (EvidentPageLayout  *self,
                                                            double              y);
gboolean           evident_page_layout_get_visible_range   (EvidentPageLayout  *self,
                                                            double              top,
                                                            guint              *first,
                                                            guint              *last);
guint              evident_page_layout_get_current_page    (EvidentPageLayout  *self,
                                                            double              top);

G_END_DECLS
