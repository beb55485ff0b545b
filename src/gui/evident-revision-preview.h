/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-revision-detail.h"
#include "evident-revision.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_REVISION_PREVIEW (evident_revision_preview_get_type ())

G_DECLARE_FINAL_TYPE (EvidentRevisionPreview, evident_revision_preview, EVIDENT, REVISION_PREVIEW,
                      GtkWidget)

GtkWidget             *evident_revision_preview_new                (void);
EvidentRevision       *evident_revision_preview_get_revision       (EvidentRevisionPreview *self);
void                   evident_revision_preview_set_revision       (EvidentRevisionPreview *self,
                                                                    EvidentRevision        *revision);
const char            *evident_revision_preview_get_filter         (EvidentRevisionPreview *self);
void                   evident_revision_preview_set_filter         (EvidentRevisionPreview *self,
                                                                    const char             *filter);
EvidentRevisionEntry  *evident_revision_preview_get_selected_entry (EvidentRevisionPreview *self);
void                   evident_revision_preview_select_entry       (EvidentRevisionPreview *self,
                                                                    EvidentRevisionEntry   *entry);

/* Its parts, for tests */
GListModel            *evident_revision_preview_get_model          (EvidentRevisionPreview *self);
EvidentRevisionDetail *evident_revision_preview_get_detail         (EvidentRevisionPreview *self);
GtkWidget             *evident_revision_preview_get_class_row      (EvidentRevisionPreview *self,
                                                                    const char             *filter);
GtkWidget             *evident_revision_preview_get_score_row      (EvidentRevisionPreview *self,
                                                                    EvidentView             view);
GtkWidget             *evident_revision_preview_get_warnings       (EvidentRevisionPreview *self);

G_END_DECLS
