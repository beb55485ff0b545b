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

/* An undo or a redo: the change it undoes or redoes; whether that set
 * plan settings, once evident_plan_settings_switch() ran. */
typedef struct
{
  gint64   change;
  gboolean undo;
  gboolean switched;
} EvidentPlanSettingsSwitch;

gboolean evident_plan_settings_switch   (EvidentDb                       *db,
                                         GArray                          *edits,
                                         gpointer                         user_data,
                                         GError                         **error);
void     evident_plan_settings_switched (EvidentProject                  *project,
                                         const EvidentPlanSettingsSwitch *data);

G_END_DECLS
