/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_SIDEBAR_ROW (evident_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (EvidentSidebarRow, evident_sidebar_row, EVIDENT, SIDEBAR_ROW, GtkWidget)

GtkWidget *evident_sidebar_row_new    (void);
void       evident_sidebar_row_bind   (EvidentSidebarRow *self,
                                       GObject           *item,
                                       EvidentProject    *project,
                                       gboolean           is_overview);
void       evident_sidebar_row_unbind (EvidentSidebarRow *self);

G_END_DECLS
