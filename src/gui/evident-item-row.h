/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "evident-item.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_ITEM_ROW (evident_item_row_get_type ())

G_DECLARE_FINAL_TYPE (EvidentItemRow, evident_item_row, EVIDENT, ITEM_ROW, GtkWidget)

GtkWidget   *evident_item_row_new            (void);
EvidentItem *evident_item_row_get_item       (EvidentItemRow *self);
void         evident_item_row_set_item       (EvidentItemRow *self,
                                              EvidentItem    *item,
                                              EvidentProject *project,
                                              int             penalty,
                                              gboolean        show_risk);
void         evident_item_row_set_header     (EvidentItemRow *self,
                                              const char     *text);
void         evident_item_row_popup_menu     (EvidentItemRow *self,
                                              GMenuModel     *model,
                                              double          x,
                                              double          y);
GMenuModel  *evident_item_row_get_menu_model (EvidentItemRow *self);

G_END_DECLS
