/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-evidence.h"
#include "evident-preview.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_PREVIEW_PANE (evident_preview_pane_get_type ())

G_DECLARE_FINAL_TYPE (EvidentPreviewPane, evident_preview_pane, EVIDENT, PREVIEW_PANE, AdwBin)

EvidentProject  *evident_preview_pane_get_project  (EvidentPreviewPane *self);
void             evident_preview_pane_set_project  (EvidentPreviewPane *self,
                                                    EvidentProject     *project);
EvidentEvidence *evident_preview_pane_get_evidence (EvidentPreviewPane *self);
void             evident_preview_pane_set_evidence (EvidentPreviewPane *self,
                                                    EvidentEvidence    *evidence);
EvidentPreview  *evident_preview_pane_get_preview  (EvidentPreviewPane *self);

gboolean         evident_preview_pane_renders      (EvidentEvidence    *evidence);

G_END_DECLS
