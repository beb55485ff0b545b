/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "evident-item.h"
#include "evident-project.h"

G_BEGIN_DECLS

gboolean  evident_recheck_parse_place    (const char     *place,
                                          char          **ref,
                                          char          **label);
char     *evident_recheck_describe_place (const char     *old_place,
                                          const char     *new_place);
char     *evident_recheck_dup_version    (EvidentProject *project,
                                          EvidentItem    *item);
char     *evident_recheck_describe       (EvidentProject *project,
                                          EvidentItem    *item);
guint     evident_recheck_count          (EvidentProject *project,
                                          const char     *chapter);

G_END_DECLS
