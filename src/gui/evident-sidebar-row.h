/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "evident-chapter.h"
#include "evident-project.h"
#include "evident-scenario.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_SIDEBAR_ROW (evident_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (EvidentSidebarRow, evident_sidebar_row, EVIDENT, SIDEBAR_ROW, GtkWidget)

GtkWidget      *evident_sidebar_row_new            (void);
void            evident_sidebar_row_bind           (EvidentSidebarRow *self,
                                                    GObject           *item,
                                                    EvidentProject    *project,
                                                    gboolean           is_overview);
void            evident_sidebar_row_unbind         (EvidentSidebarRow *self);
void            evident_sidebar_row_bind_page      (EvidentSidebarRow *self,
                                                    const char        *icon_name,
                                                    const char        *title);
gboolean        evident_sidebar_row_popup_menu     (EvidentSidebarRow *self,
                                                    double             x,
                                                    double             y);
GMenuModel     *evident_sidebar_row_get_menu_model (EvidentSidebarRow *self);
EvidentChapter *evident_sidebar_row_get_chapter    (EvidentSidebarRow *self);
void            evident_sidebar_row_set_scenario   (EvidentSidebarRow *self,
                                                    EvidentScenario   *scenario);
const char     *evident_sidebar_row_get_caption    (EvidentSidebarRow *self);
double          evident_sidebar_row_get_fraction   (EvidentSidebarRow *self);

G_END_DECLS
