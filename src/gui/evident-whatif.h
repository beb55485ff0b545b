/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"
#include "evident-item.h"
#include "evident-scenario.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_WHATIF (evident_whatif_get_type ())

G_DECLARE_FINAL_TYPE (EvidentWhatif, evident_whatif, EVIDENT, WHATIF, GObject)

EvidentWhatif   *evident_whatif_new                (GtkWidget          *owner);
EvidentProject  *evident_whatif_get_project        (EvidentWhatif      *self);
void             evident_whatif_set_project        (EvidentWhatif      *self,
                                                    EvidentProject     *project);
EvidentItem     *evident_whatif_get_current_item   (EvidentWhatif      *self);
void             evident_whatif_set_current_item   (EvidentWhatif      *self,
                                                    EvidentItem        *item);
EvidentScenario *evident_whatif_get_scenario       (EvidentWhatif      *self);
const char      *evident_whatif_get_name           (EvidentWhatif      *self);
gboolean         evident_whatif_get_dirty          (EvidentWhatif      *self);
GActionGroup    *evident_whatif_get_action_group   (EvidentWhatif      *self);

void             evident_whatif_enter              (EvidentWhatif      *self);
gboolean         evident_whatif_edit               (EvidentWhatif      *self,
                                                    const char         *name,
                                                    GError            **error);
void             evident_whatif_assume             (EvidentWhatif      *self,
                                                    EvidentItem        *item,
                                                    EvidentAssumption   assumption);
guint            evident_whatif_assume_chapter     (EvidentWhatif      *self,
                                                    const char         *chapter,
                                                    EvidentAssumption   assumption);
gboolean         evident_whatif_keep               (EvidentWhatif      *self,
                                                    const char         *name,
                                                    GError            **error);
gboolean         evident_whatif_apply              (EvidentWhatif      *self,
                                                    GError            **error);
void             evident_whatif_leave              (EvidentWhatif      *self);

void             evident_whatif_append_item_menu    (GMenu             *menu,
                                                     EvidentItem       *item);
void             evident_whatif_append_chapter_menu (GMenu             *menu,
                                                     const char        *chapter);

G_END_DECLS
