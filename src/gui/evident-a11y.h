/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char *evident_a11y_strip_mnemonic        (const char         *label);
void  evident_a11y_name_mnemonics        (GtkWidget          *root);
void  evident_a11y_name_drop_down        (GtkDropDown        *dropdown,
                                          const char         *label);
void  evident_a11y_name_combo_row        (AdwComboRow        *row);
void  evident_a11y_name_shortcuts_window (GtkShortcutsWindow *window);
void  evident_a11y_name_about_window     (AdwAboutWindow     *window);
void  evident_a11y_name_row_of           (GtkWidget          *child,
                                          guint               levels,
                                          const char         *name);
void  evident_a11y_install_menu_button_click (void);
void  evident_a11y_install_icon_click        (void);

G_END_DECLS
