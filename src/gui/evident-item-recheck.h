/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-item.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_ITEM_RECHECK (evident_item_recheck_get_type ())

G_DECLARE_FINAL_TYPE (EvidentItemRecheck, evident_item_recheck, EVIDENT, ITEM_RECHECK, GtkWidget)

EvidentProject *evident_item_recheck_get_project (EvidentItemRecheck *self);
void            evident_item_recheck_set_project (EvidentItemRecheck *self,
                                                  EvidentProject     *project);
EvidentItem    *evident_item_recheck_get_item    (EvidentItemRecheck *self);
void            evident_item_recheck_set_item    (EvidentItemRecheck *self,
                                                  EvidentItem        *item);
gboolean        evident_item_recheck_confirm     (EvidentItemRecheck *self);
const char     *evident_item_recheck_get_text    (EvidentItemRecheck *self);

G_END_DECLS
