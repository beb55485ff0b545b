/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_ITEM_LIST (evident_item_list_get_type ())

G_DECLARE_FINAL_TYPE (EvidentItemList, evident_item_list, EVIDENT, ITEM_LIST, AdwBin)

GtkWidget      *evident_item_list_new               (void);
EvidentProject *evident_item_list_get_project       (EvidentItemList *self);
void            evident_item_list_set_project       (EvidentItemList *self,
                                                     EvidentProject  *project);
EvidentChapter *evident_item_list_get_chapter       (EvidentItemList *self);
void            evident_item_list_set_chapter       (EvidentItemList *self,
                                                     EvidentChapter  *chapter);
EvidentItem    *evident_item_list_get_selected_item (EvidentItemList *self);
void            evident_item_list_set_selected_item (EvidentItemList *self,
                                                     EvidentItem     *item);
const char     *evident_item_list_get_search_text   (EvidentItemList *self);
void            evident_item_list_set_search_text   (EvidentItemList *self,
                                                     const char      *text);
void            evident_item_list_select_next       (EvidentItemList *self,
                                                     int              delta);
void            evident_item_list_focus_search      (EvidentItemList *self);
void            evident_item_list_set_filter        (EvidentItemList *self,
                                                     const char      *owner,
                                                     int              complexity);
GListModel     *evident_item_list_get_model         (EvidentItemList *self);
GtkFilter      *evident_item_list_get_state_filter  (EvidentItemList *self);

gboolean         evident_item_list_focus_row      (EvidentItemList *self);

G_END_DECLS
