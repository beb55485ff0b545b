/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "evident-project.h"

G_BEGIN_DECLS

GtkPopover *evident_item_list_filter_new_popover (GListModel   *owners,
                                                  GtkDropDown **owner_dropdown,
                                                  GtkDropDown **complexity_dropdown);
char      **evident_item_list_filter_dup_owners  (EvidentProject *project,
                                                  const char     *owner);

G_END_DECLS
