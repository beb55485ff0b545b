/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_HISTORY_DIALOG (evident_history_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EvidentHistoryDialog, evident_history_dialog, EVIDENT, HISTORY_DIALOG,
                      AdwWindow)

GtkWidget  *evident_history_dialog_new      (EvidentProject       *project,
                                             GtkWindow            *parent);
GtkListBox *evident_history_dialog_get_list (EvidentHistoryDialog *self);

G_END_DECLS
