/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-item.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_ITEM_TEXT (evident_item_text_get_type ())

G_DECLARE_FINAL_TYPE (EvidentItemText, evident_item_text, EVIDENT, ITEM_TEXT, AdwPreferencesGroup)

EvidentProject   *evident_item_text_get_project (EvidentItemText *self);
void              evident_item_text_set_project (EvidentItemText *self,
                                                 EvidentProject  *project);
EvidentItem      *evident_item_text_get_item    (EvidentItemText *self);
void              evident_item_text_set_item    (EvidentItemText *self,
                                                 EvidentItem     *item);
EvidentItemField  evident_item_text_get_field   (EvidentItemText *self);
GtkTextBuffer    *evident_item_text_get_buffer  (EvidentItemText *self);
void              evident_item_text_flush       (EvidentItemText *self);

G_END_DECLS
