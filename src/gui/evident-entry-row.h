/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EVIDENT_TYPE_ENTRY_ROW (evident_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (EvidentEntryRow, evident_entry_row, EVIDENT, ENTRY_ROW, AdwActionRow)

GtkWidget *evident_entry_row_new                   (void);
GtkEntry  *evident_entry_row_get_entry             (EvidentEntryRow *self);
gboolean   evident_entry_row_get_show_apply_button (EvidentEntryRow *self);
void       evident_entry_row_set_show_apply_button (EvidentEntryRow *self,
                                                    gboolean         show_apply_button);
void       evident_entry_row_flush                 (EvidentEntryRow *self);
void       evident_entry_row_reset_apply           (EvidentEntryRow *self);

G_END_DECLS
