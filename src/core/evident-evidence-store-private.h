/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-blob-store.h"
#include "evident-evidence-store.h"

G_BEGIN_DECLS

/* For the project's close: what its evidence store has in flight, if the
 * project has a store. */
EvidentBlobStore *evident_evidence_store_peek_blob_store (EvidentProject *project);

G_END_DECLS
