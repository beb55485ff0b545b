/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-revision-dialog.h"
#include "evident-window.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_REVISION_ACTIONS (evident_revision_actions_get_type ())

G_DECLARE_FINAL_TYPE (EvidentRevisionActions, evident_revision_actions, EVIDENT, REVISION_ACTIONS,
                      GObject)

EvidentRevisionActions *evident_revision_actions_new              (EvidentWindow          *window);
EvidentRevisionDialog  *evident_revision_actions_update_from_file (EvidentRevisionActions *self,
                                                                   GFile                  *file);
void                    evident_revision_actions_connect_dialog   (EvidentRevisionActions *self,
                                                                   EvidentRevisionDialog  *dialog);
GtkWindow              *evident_revision_actions_get_versions_window (EvidentRevisionActions *self);

G_END_DECLS
