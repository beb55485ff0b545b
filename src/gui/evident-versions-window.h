/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-archive-view.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_VERSIONS_WINDOW (evident_versions_window_get_type ())

G_DECLARE_FINAL_TYPE (EvidentVersionsWindow, evident_versions_window, EVIDENT, VERSIONS_WINDOW,
                      AdwWindow)

EvidentVersionsWindow *evident_versions_window_new              (GtkWindow             *parent,
                                                                 EvidentProject        *project);
EvidentProject        *evident_versions_window_get_project      (EvidentVersionsWindow *self);
void                   evident_versions_window_show_page        (EvidentVersionsWindow *self,
                                                                 const char            *page);
const char            *evident_versions_window_get_page         (EvidentVersionsWindow *self);
void                   evident_versions_window_show_version     (EvidentVersionsWindow *self,
                                                                 guint                  index);

/* Its parts, for tests */
GPtrArray             *evident_versions_window_get_versions     (EvidentVersionsWindow *self);
GtkWidget             *evident_versions_window_get_version_row  (EvidentVersionsWindow *self,
                                                                 guint                  index);
GPtrArray             *evident_versions_window_get_mapping_rows (EvidentVersionsWindow *self);
EvidentArchiveView    *evident_versions_window_get_archive_view (EvidentVersionsWindow *self);

G_END_DECLS
