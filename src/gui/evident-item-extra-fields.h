/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-item.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_ITEM_EXTRA_FIELDS (evident_item_extra_fields_get_type ())

G_DECLARE_FINAL_TYPE (EvidentItemExtraFields, evident_item_extra_fields, EVIDENT, ITEM_EXTRA_FIELDS,
                      AdwPreferencesGroup)

EvidentItem *evident_item_extra_fields_get_item (EvidentItemExtraFields *self);
void         evident_item_extra_fields_set_item (EvidentItemExtraFields *self,
                                                 EvidentItem            *item);

G_END_DECLS
