/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EVIDENT_TYPE_DIFF_LABEL (evident_diff_label_get_type ())

G_DECLARE_FINAL_TYPE (EvidentDiffLabel, evident_diff_label, EVIDENT, DIFF_LABEL, GtkWidget)

GtkWidget  *evident_diff_label_new             (void);
void        evident_diff_label_set_diff        (EvidentDiffLabel *self,
                                                GArray           *spans);
const char *evident_diff_label_get_text        (EvidentDiffLabel *self);
const char *evident_diff_label_get_description (EvidentDiffLabel *self);

char       *evident_diff_format_markup         (GArray           *spans);
char       *evident_diff_describe              (GArray           *spans);

G_END_DECLS
