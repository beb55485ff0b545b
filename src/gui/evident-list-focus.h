/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     evident_list_focus_install    (GtkWidget        *list);
gboolean evident_list_focus_leave      (GtkWidget        *list,
                                        GtkDirectionType  direction);

G_END_DECLS
