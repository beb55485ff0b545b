/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-chapter.h"
#include "evident-project.h"
#include "evident-scenario.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_SIDEBAR (evident_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (EvidentSidebar, evident_sidebar, EVIDENT, SIDEBAR, AdwBin)

GtkWidget      *evident_sidebar_new                (void);
EvidentProject *evident_sidebar_get_project        (EvidentSidebar *self);
void            evident_sidebar_set_project        (EvidentSidebar *self,
                                                    EvidentProject *project);
EvidentChapter *evident_sidebar_get_chapter        (EvidentSidebar *self);
void            evident_sidebar_set_chapter        (EvidentSidebar *self,
                                                    EvidentChapter *chapter);
gboolean        evident_sidebar_select_number      (EvidentSidebar *self,
                                                    const char     *number);
gboolean        evident_sidebar_get_overview       (EvidentSidebar *self);
void            evident_sidebar_set_overview       (EvidentSidebar *self,
                                                    gboolean        overview);
gboolean        evident_sidebar_get_sessions       (EvidentSidebar *self);
void            evident_sidebar_set_sessions       (EvidentSidebar *self,
                                                    gboolean        sessions);
GListModel     *evident_sidebar_get_model          (EvidentSidebar *self);
gboolean        evident_sidebar_focus_row          (EvidentSidebar *self);
void            evident_sidebar_set_scenario       (EvidentSidebar  *self,
                                                    EvidentScenario *scenario);

G_END_DECLS
