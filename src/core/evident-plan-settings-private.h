/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-db.h"
#include "evident-plan-settings.h"

G_BEGIN_DECLS

/* The project's loading: takes a row of the `project` table that is a
 * plan setting (effort-low, effort-medium, effort-high, audit-date); a
 * value it cannot read leaves the default. FALSE for any other key. */
gboolean evident_plan_settings_load_key (EvidentPlanSettings *settings,
                                         const char          *key,
                                         const char          *value);

G_END_DECLS
