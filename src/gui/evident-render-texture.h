/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "evident-render-client.h"

G_BEGIN_DECLS

GdkTexture *evident_render_texture_new_from_message (EvidentRenderMessage  *message,
                                                     guint                  max_width,
                                                     guint                  max_height);

void        evident_render_texture_decode_async     (EvidentRenderClient   *client,
                                                     GBytes                *bytes,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
GdkTexture *evident_render_texture_decode_finish    (GAsyncResult          *result,
                                                     GError               **error);

G_END_DECLS
