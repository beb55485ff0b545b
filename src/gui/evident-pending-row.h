/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EVIDENT_TYPE_PENDING_ROW (evident_pending_row_get_type ())

G_DECLARE_FINAL_TYPE (EvidentPendingRow, evident_pending_row, EVIDENT, PENDING_ROW, GtkListBoxRow)

GtkWidget *evident_pending_row_new          (GFile             *file,
                                             GCancellable      *cancellable);
void       evident_pending_row_set_fraction (EvidentPendingRow *self,
                                             double             fraction);

G_END_DECLS
