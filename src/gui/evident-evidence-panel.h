/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_EVIDENCE_PANEL (evident_evidence_panel_get_type ())

G_DECLARE_FINAL_TYPE (EvidentEvidencePanel, evident_evidence_panel, EVIDENT, EVIDENCE_PANEL, AdwPreferencesGroup)

EvidentProject  *evident_evidence_panel_get_project           (EvidentEvidencePanel *self);
void             evident_evidence_panel_set_project           (EvidentEvidencePanel *self,
                                                               EvidentProject       *project);
EvidentItem     *evident_evidence_panel_get_item              (EvidentEvidencePanel *self);
void             evident_evidence_panel_set_item              (EvidentEvidencePanel *self,
                                                               EvidentItem          *item);
EvidentEvidence *evident_evidence_panel_get_selected_evidence (EvidentEvidencePanel *self);
void             evident_evidence_panel_set_selected_evidence (EvidentEvidencePanel *self,
                                                               EvidentEvidence      *evidence);

void             evident_evidence_panel_add_files             (EvidentEvidencePanel *self);
void             evident_evidence_panel_add_uri               (EvidentEvidencePanel *self,
                                                               const char           *uri);
void             evident_evidence_panel_add_link              (EvidentEvidencePanel *self);
void             evident_evidence_panel_open                  (EvidentEvidencePanel *self,
                                                               gint64                id);
void             evident_evidence_panel_save_copy             (EvidentEvidencePanel *self,
                                                               gint64                id);
void             evident_evidence_panel_rename                (EvidentEvidencePanel *self,
                                                               gint64                id);
void             evident_evidence_panel_set_title             (EvidentEvidencePanel *self,
                                                               gint64                id,
                                                               const char           *title);
void             evident_evidence_panel_set_kind              (EvidentEvidencePanel *self,
                                                               gint64                id,
                                                               const char           *name);
void             evident_evidence_panel_remove                (EvidentEvidencePanel *self,
                                                               gint64                id);

G_END_DECLS
