/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EVIDENT_TYPE_LIST_HEADING (evident_list_heading_get_type ())

G_DECLARE_FINAL_TYPE (EvidentListHeading, evident_list_heading, EVIDENT, LIST_HEADING, GtkWidget)

const char *evident_list_heading_get_title   (EvidentListHeading *self);
const char *evident_list_heading_get_filters (EvidentListHeading *self);

G_END_DECLS
