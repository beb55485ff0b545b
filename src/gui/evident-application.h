/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-import.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_APPLICATION (evident_application_get_type ())

G_DECLARE_FINAL_TYPE (EvidentApplication, evident_application, EVIDENT, APPLICATION, AdwApplication)

EvidentApplication *evident_application_new          (void);
void                evident_application_open_file    (EvidentApplication *self,
                                                      GFile              *file,
                                                      GtkWindow          *parent);
GtkWindow          *evident_application_find_window  (EvidentApplication *self,
                                                      GFile              *file);
void                evident_application_import_checklist (EvidentApplication  *self,
                                                          GFile               *file,
                                                          GtkWindow           *parent);
void                evident_application_create_from_import (EvidentApplication  *self,
                                                            GtkWindow           *parent,
                                                            EvidentImport       *import,
                                                            GFile               *destination,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean            evident_application_create_from_import_finish (EvidentApplication  *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

G_END_DECLS
