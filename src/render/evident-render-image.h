/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "evident-render-protocol.h"

G_BEGIN_DECLS

GdkPixbuf *evident_render_image_decode (GBytes               *bytes,
                                        guint                 max_side,
                                        guint64               max_pixels,
                                        EvidentRenderFailure *failure);

G_END_DECLS
