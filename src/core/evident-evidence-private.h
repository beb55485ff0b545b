/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "evident-evidence.h"

G_BEGIN_DECLS

/* The columns evidence objects are built from: see
 * evident_evidence_new_from_row(). */
#define EVIDENT_EVIDENCE_SELECT                                                                    \
  "SELECT e.id, i.ref, e.title, e.kind, e.filename, e.content_type, e.url, e.sha256,"             \
  "       e.added_at, e.removed_at IS NOT NULL, b.size, b.verified_at IS NOT NULL"                 \
  "  FROM evidence e"                                                                              \
  "  JOIN items i ON i.id = e.item_id"                                                             \
  "  LEFT JOIN blobs b ON b.sha256 = e.sha256"

/* Only the evidence store makes and changes evidence objects. */
EvidentEvidence *evident_evidence_new_from_row (sqlite3_stmt     *stmt,
                                                EvidentItem      *item);
void             evident_evidence_update       (EvidentEvidence  *self,
                                                sqlite3_stmt     *stmt);
gboolean         evident_evidence_is_removed   (EvidentEvidence  *self);
gboolean         evident_evidence_is_purged    (EvidentEvidence  *self);
void             evident_evidence_set_purged   (EvidentEvidence  *self);
void             evident_evidence_set_verified (EvidentEvidence  *self,
                                                gboolean          verified);

G_END_DECLS
