/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileChooserNative *evident_file_chooser_new_for_projects (const char           *title,
                                                             GtkWindow            *parent,
                                                             GtkFileChooserAction  action,
                                                             const char           *accept_label);
GtkFileChooserNative *evident_file_chooser_new_for_checklists (GtkWindow          *parent);
GtkFileChooserNative *evident_file_chooser_new_for_saving   (const char           *title,
                                                             GtkWindow            *parent,
                                                             const char           *filter_name,
                                                             const char           *extension,
                                                             const char           *mime_type);
void                  evident_file_chooser_set_default_folder (GtkFileChooser     *chooser);
GFile                *evident_file_chooser_ensure_extension (GFile                *file);
gboolean              evident_file_chooser_has_project_extension (GFile          *file);
GFile                *evident_file_chooser_ensure_suffix    (GFile                *file,
                                                             const char           *extension);
char                 *evident_file_chooser_dup_stem         (GFile                *file);
char                 *evident_file_chooser_make_name        (const char           *stem,
                                                             const char           *extension);

G_END_DECLS
