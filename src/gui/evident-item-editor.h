/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_ITEM_EDITOR (evident_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (EvidentItemEditor, evident_item_editor, EVIDENT, ITEM_EDITOR, AdwBin)

GtkWidget       *evident_item_editor_new                   (void);
EvidentProject  *evident_item_editor_get_project           (EvidentItemEditor *self);
void             evident_item_editor_set_project           (EvidentItemEditor *self,
                                                            EvidentProject    *project);
EvidentItem     *evident_item_editor_get_item              (EvidentItemEditor *self);
void             evident_item_editor_set_item              (EvidentItemEditor *self,
                                                            EvidentItem       *item);
void             evident_item_editor_flush                 (EvidentItemEditor *self);
void             evident_item_editor_build_parts           (EvidentItemEditor *self);
EvidentEvidence *evident_item_editor_get_selected_evidence (EvidentItemEditor *self);
void             evident_item_editor_set_selected_evidence (EvidentItemEditor *self,
                                                            EvidentEvidence   *evidence);
void             evident_item_editor_choose_status         (EvidentItemEditor *self);
gboolean         evident_item_editor_focus_notes           (EvidentItemEditor *self);

G_END_DECLS
