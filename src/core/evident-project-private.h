/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "evident-project.h"

G_BEGIN_DECLS

gboolean evident_project_create_empty_at_version (GFile   *file,
                                                  guint    version,
                                                  GError **error);

/* For the other parts of the core (evidence store): the project's own
 * connection, used on the main thread only, and the file's path, for
 * connections of worker threads. */
sqlite3    *evident_project_get_db   (EvidentProject *self);
const char *evident_project_get_path (EvidentProject *self);

G_END_DECLS
