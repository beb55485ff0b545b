/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-item.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_ITEM_FIELDS (evident_item_fields_get_type ())

G_DECLARE_FINAL_TYPE (EvidentItemFields, evident_item_fields, EVIDENT, ITEM_FIELDS, AdwBin)

EvidentProject *evident_item_fields_get_project (EvidentItemFields *self);
void            evident_item_fields_set_project (EvidentItemFields *self,
                                                 EvidentProject    *project);
EvidentItem    *evident_item_fields_get_item    (EvidentItemFields *self);
void            evident_item_fields_set_item    (EvidentItemFields *self,
                                                 EvidentItem       *item);
void            evident_item_fields_apply       (EvidentItemFields *self,
                                                 EvidentItemField   field,
                                                 const char        *value);
void            evident_item_fields_choose_status (EvidentItemFields *self);
void            evident_item_fields_flush         (EvidentItemFields *self);

G_END_DECLS
