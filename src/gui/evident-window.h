/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_WINDOW (evident_window_get_type ())

G_DECLARE_FINAL_TYPE (EvidentWindow, evident_window, EVIDENT, WINDOW, AdwApplicationWindow)

EvidentWindow  *evident_window_new          (GtkApplication *application);
EvidentProject *evident_window_get_project  (EvidentWindow  *self);
void            evident_window_set_project  (EvidentWindow  *self,
                                             EvidentProject *project);
gboolean        evident_window_is_pristine  (EvidentWindow  *self);
void            evident_window_add_toast    (EvidentWindow  *self,
                                             AdwToast       *toast);
void            evident_window_show_error   (EvidentWindow  *self,
                                             const char     *heading,
                                             const GError   *error);

G_END_DECLS
