/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-db.h"

G_BEGIN_DECLS

/* The schema of project files and its forward migrations. */

guint    evident_schema_get_version        (void);
gboolean evident_schema_migrate            (EvidentDb   *db,
                                            guint        from,
                                            guint        to,
                                            GError     **error);

/* Tests only: one more migration step after the last real one, so that a
 * test can prove what happens around a migration. %NULL removes it. */
void     evident_schema_set_test_migration (const char  *sql);

G_END_DECLS
