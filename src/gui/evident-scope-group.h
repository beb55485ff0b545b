/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_SCOPE_GROUP (evident_scope_group_get_type ())

/* The last of the choices: one chapter, which the chapter row chooses */
#define EVIDENT_SCOPE_GROUP_CHAPTER 2

G_DECLARE_FINAL_TYPE (EvidentScopeGroup, evident_scope_group, EVIDENT, SCOPE_GROUP, AdwPreferencesGroup)

GtkWidget  *evident_scope_group_new         (EvidentProject     *project,
                                             const char         *all_label,
                                             const char         *some_label);
guint       evident_scope_group_get_scope   (EvidentScopeGroup  *self);
const char *evident_scope_group_get_chapter (EvidentScopeGroup  *self);
gboolean    evident_scope_group_set_scope   (EvidentScopeGroup  *self,
                                             guint               scope,
                                             const char         *chapter);

G_END_DECLS
