/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EVIDENT_TYPE_PAGE_CACHE (evident_page_cache_get_type ())

G_DECLARE_FINAL_TYPE (EvidentPageCache, evident_page_cache, EVIDENT, PAGE_CACHE, GObject)

EvidentPageCache *evident_page_cache_new            (void);
GdkTexture       *evident_page_cache_lookup         (EvidentPageCache *self,
                                                     guint             page);
void              evident_page_cache_insert         (EvidentPageCache *self,
                                                     guint             page,
                                                     GdkTexture       *texture,
                                                     double            scale);
void              evident_page_cache_clear          (EvidentPageCache *self);
guint             evident_page_cache_get_n_pages    (EvidentPageCache *self);

void              evident_page_cache_set_range      (EvidentPageCache *self,
                                                     guint             first,
                                                     guint             last,
                                                     guint             n_pages);
gboolean          evident_page_cache_wants          (EvidentPageCache *self,
                                                     guint             page);
gboolean          evident_page_cache_next_to_render (EvidentPageCache *self,
                                                     guint             current,
                                                     double            scale,
                                                     guint            *page);

G_END_DECLS
