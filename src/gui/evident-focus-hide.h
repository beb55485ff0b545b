/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean evident_focus_is_within    (GtkWidget *widget);
gboolean evident_focus_hide_release (GtkWidget *widget);
void     evident_focus_hide_hand_on (GtkWidget *widget,
                                     GtkWidget *next);
void     evident_focus_hide         (GtkWidget *widget,
                                     GtkWidget *next);

G_END_DECLS
