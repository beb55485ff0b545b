/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-item.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_ITEM_HISTORY (evident_item_history_get_type ())

G_DECLARE_FINAL_TYPE (EvidentItemHistory, evident_item_history, EVIDENT, ITEM_HISTORY, AdwPreferencesGroup)

EvidentProject *evident_item_history_get_project (EvidentItemHistory *self);
void            evident_item_history_set_project (EvidentItemHistory *self,
                                                  EvidentProject     *project);
EvidentItem    *evident_item_history_get_item    (EvidentItemHistory *self);
void            evident_item_history_set_item    (EvidentItemHistory *self,
                                                  EvidentItem        *item);

G_END_DECLS
