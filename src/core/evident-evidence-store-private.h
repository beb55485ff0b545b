/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-blob-store.h"
#include "evident-db.h"
#include "evident-evidence.h"
#include "evident-evidence-store.h"

G_BEGIN_DECLS

/* For the project's close: what its evidence store has in flight, if the
 * project has a store. */
EvidentBlobStore *evident_evidence_store_peek_blob_store (EvidentProject            *project);

/* For adding evidence (evident-evidence-add.c). */
typedef struct
{
  EvidentItem         *item;
  const char          *title;
  EvidentEvidenceKind  kind;
  const char          *filename;
  const char          *content_type;
  const char          *url;
  const char          *sha256;
} EvidentNewEvidence;

EvidentBlobStore *evident_evidence_store_get_blob_store  (EvidentEvidenceStore      *self);
EvidentDb        *evident_evidence_store_open_writer     (EvidentEvidenceStore      *self,
                                                          EvidentItem               *item,
                                                          GError                   **error);
EvidentEvidence  *evident_evidence_store_insert          (EvidentEvidenceStore      *self,
                                                          const EvidentNewEvidence  *row,
                                                          GError                   **error);

G_END_DECLS
