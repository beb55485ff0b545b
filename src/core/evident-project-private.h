/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-project.h"

G_BEGIN_DECLS

gboolean evident_project_create_empty_at_version (GFile   *file,
                                                  guint    version,
                                                  GError **error);

G_END_DECLS
