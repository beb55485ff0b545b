/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *evident_due_date_parse  (const char *iso_date);
char      *evident_due_date_format (const char *iso_date);

G_END_DECLS
