/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*EvidentListFocusFunc) (gpointer owner);

void     evident_list_focus_install    (GtkWidget           *list,
                                        EvidentListFocusFunc focus_row,
                                        gpointer             owner);
gboolean evident_list_focus_leave      (GtkWidget        *list,
                                        GtkDirectionType  direction);
gboolean evident_list_focus_grab_row   (GtkWidget        *list,
                                        GHashTable       *rows,
                                        guint             position);

G_END_DECLS
