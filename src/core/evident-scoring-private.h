/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-scoring.h"

G_BEGIN_DECLS

EvidentScore *evident_score_compute_array (const EvidentRules *rules,
                                           GListModel         *chapters,
                                           EvidentItem       **items,
                                           guint               n_items);

G_END_DECLS
