/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EVIDENT_TYPE_ITEM_SEARCH_FILTER (evident_item_search_filter_get_type ())

G_DECLARE_FINAL_TYPE (EvidentItemSearchFilter, evident_item_search_filter, EVIDENT, ITEM_SEARCH_FILTER, GtkFilter)

GtkFilter  *evident_item_search_filter_new         (void);
const char *evident_item_search_filter_get_text    (EvidentItemSearchFilter *self);
gboolean    evident_item_search_filter_set_text    (EvidentItemSearchFilter *self,
                                                    const char              *text);
gboolean    evident_item_search_filter_is_active   (EvidentItemSearchFilter *self);
void        evident_item_search_filter_clear_cache (EvidentItemSearchFilter *self);

G_END_DECLS
