/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_ARCHIVE_VIEW (evident_archive_view_get_type ())

G_DECLARE_FINAL_TYPE (EvidentArchiveView, evident_archive_view, EVIDENT, ARCHIVE_VIEW, GtkWidget)

GtkWidget      *evident_archive_view_new          (void);
EvidentProject *evident_archive_view_get_project  (EvidentArchiveView *self);
void            evident_archive_view_set_project  (EvidentArchiveView *self,
                                                   EvidentProject     *project);
void            evident_archive_view_reload       (EvidentArchiveView *self);
gboolean        evident_archive_view_reattach     (EvidentArchiveView *self,
                                                   gint64              evidence_id,
                                                   EvidentItem        *item);

/* For tests: the archive as shown, and one of its items' rows */
GPtrArray      *evident_archive_view_get_items    (EvidentArchiveView *self);
GtkWidget      *evident_archive_view_get_item_row (EvidentArchiveView *self,
                                                   guint               index);

G_END_DECLS
