/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *evident_error_text_shorten_paths (const char *message);

G_END_DECLS
