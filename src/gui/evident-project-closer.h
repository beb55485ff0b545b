/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-project.h"

G_BEGIN_DECLS

void     evident_project_closer_close        (EvidentProject      *project,
                                              GApplication        *application,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean evident_project_closer_close_finish (GAsyncResult        *result,
                                              GError             **error);
gboolean evident_project_closer_is_closing   (GFile               *file);
gboolean evident_project_closer_is_busy      (void);
void     evident_project_closer_wait_async   (GFile               *file,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean evident_project_closer_wait_finish  (GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
