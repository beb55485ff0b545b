/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-evidence-store.h"
#include "evident-item.h"
#include "evident-project.h"

G_BEGIN_DECLS

gboolean   evident_item_is_met_without_evidence      (EvidentItem    *item,
                                                      EvidentProject *project);
GPtrArray *evident_project_dup_met_without_evidence  (EvidentProject *project);

G_END_DECLS
