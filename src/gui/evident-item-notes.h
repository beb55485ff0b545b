/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-item.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_ITEM_NOTES (evident_item_notes_get_type ())

G_DECLARE_FINAL_TYPE (EvidentItemNotes, evident_item_notes, EVIDENT, ITEM_NOTES, AdwPreferencesGroup)

EvidentProject *evident_item_notes_get_project (EvidentItemNotes *self);
void            evident_item_notes_set_project (EvidentItemNotes *self,
                                                EvidentProject   *project);
EvidentItem    *evident_item_notes_get_item    (EvidentItemNotes *self);
void            evident_item_notes_set_item    (EvidentItemNotes *self,
                                                EvidentItem      *item);
void            evident_item_notes_flush       (EvidentItemNotes *self);

G_END_DECLS
