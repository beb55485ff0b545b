/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EVIDENT_TYPE_OVERVIEW_BAR (evident_overview_bar_get_type ())

G_DECLARE_FINAL_TYPE (EvidentOverviewBar, evident_overview_bar, EVIDENT, OVERVIEW_BAR, GtkWidget)

GtkWidget *evident_overview_bar_new (void);
void       evident_overview_bar_set (EvidentOverviewBar *self,
                                     double              max,
                                     double              value,
                                     double              secondary,
                                     double              mark,
                                     gboolean            passing);

G_END_DECLS
