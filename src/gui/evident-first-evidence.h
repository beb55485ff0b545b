/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-project.h"

G_BEGIN_DECLS

EvidentEvidence *evident_first_evidence_find       (EvidentProject *project,
                                                    EvidentItem    *item);
void             evident_first_evidence_read_ahead (EvidentProject *project,
                                                    const char     *ref);
gboolean         evident_first_evidence_has        (const char     *sha256);
GBytes          *evident_first_evidence_take       (const char     *sha256);
void             evident_first_evidence_forget     (void);

G_END_DECLS
