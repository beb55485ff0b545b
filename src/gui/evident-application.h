/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EVIDENT_TYPE_APPLICATION (evident_application_get_type ())

G_DECLARE_FINAL_TYPE (EvidentApplication, evident_application, EVIDENT, APPLICATION, AdwApplication)

EvidentApplication *evident_application_new          (void);
void                evident_application_open_file    (EvidentApplication *self,
                                                      GFile              *file,
                                                      GtkWindow          *parent);
GtkWindow          *evident_application_find_window  (EvidentApplication *self,
                                                      GFile              *file);

G_END_DECLS
