/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-evidence.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_EVIDENCE_ROW (evident_evidence_row_get_type ())

G_DECLARE_FINAL_TYPE (EvidentEvidenceRow, evident_evidence_row, EVIDENT, EVIDENCE_ROW, GtkListBoxRow)

GtkWidget       *evident_evidence_row_new          (EvidentEvidence    *evidence);
EvidentEvidence *evident_evidence_row_get_evidence (EvidentEvidenceRow *self);
void             evident_evidence_row_rename       (EvidentEvidenceRow *self);
gboolean         evident_evidence_row_get_editable (EvidentEvidenceRow *self);
void             evident_evidence_row_set_editable (EvidentEvidenceRow *self,
                                                    gboolean            editable);

G_END_DECLS
