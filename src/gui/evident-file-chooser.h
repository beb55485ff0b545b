/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileChooserNative *evident_file_chooser_new_for_projects (const char           *title,
                                                             GtkWindow            *parent,
                                                             GtkFileChooserAction  action,
                                                             const char           *accept_label);
GtkFileChooserNative *evident_file_chooser_new_for_checklists (GtkWindow          *parent);
void                  evident_file_chooser_set_default_folder (GtkFileChooser     *chooser);
GFile                *evident_file_chooser_ensure_extension (GFile                *file);
char                 *evident_file_chooser_dup_stem         (GFile                *file);

G_END_DECLS
