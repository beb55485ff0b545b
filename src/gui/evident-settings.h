/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GSettings *evident_settings_new                 (void);
char      *evident_settings_dup_last_project    (GSettings *settings);
GStrv      evident_settings_dup_recent_projects (GSettings *settings,
                                                 guint      max);
void       evident_settings_note_opened         (GSettings *settings,
                                                 GFile     *file);
void       evident_settings_restore_window      (GSettings *settings,
                                                 GtkWindow *window);
void       evident_settings_save_window         (GSettings *settings,
                                                 GtkWindow *window);

G_END_DECLS
