/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-types.h"

G_BEGIN_DECLS

GFile          *evident_sample_get_checklists_dir  (void);
GFile          *evident_sample_get_default_project (void);
char           *evident_sample_get_language        (GFile         *dir);
EvidentProject *evident_sample_create_project      (GFile         *file,
                                                    gboolean       with_demo_state,
                                                    GCancellable  *cancellable,
                                                    GError       **error);

G_END_DECLS
