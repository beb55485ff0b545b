/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "evident-pdf-document.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_PAGE_SEARCH (evident_page_search_get_type ())

G_DECLARE_FINAL_TYPE (EvidentPageSearch, evident_page_search, EVIDENT, PAGE_SEARCH, GObject)

EvidentPageSearch     *evident_page_search_new               (void);
void                   evident_page_search_start             (EvidentPageSearch  *self,
                                                              EvidentPdfDocument *document,
                                                              const char         *text,
                                                              guint               first_page);
void                   evident_page_search_clear             (EvidentPageSearch  *self);
gboolean               evident_page_search_get_searching     (EvidentPageSearch  *self);
guint                  evident_page_search_get_n_matches     (EvidentPageSearch  *self);
guint                  evident_page_search_get_current_match (EvidentPageSearch  *self);
GArray                *evident_page_search_get_page_matches  (EvidentPageSearch  *self,
                                                              guint               page);
const graphene_rect_t *evident_page_search_get_current       (EvidentPageSearch  *self,
                                                              guint              *page,
                                                              guint              *index);
void                   evident_page_search_step              (EvidentPageSearch  *self,
                                                              int                 direction);

G_END_DECLS
