/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _EvidentRenderServer EvidentRenderServer;

EvidentRenderServer *evident_render_server_new   (int                  socket,
                                                  gboolean             test_commands);
void                 evident_render_server_free  (EvidentRenderServer *server);
void                 evident_render_server_hello (EvidentRenderServer *server,
                                                  guint32              seccomp,
                                                  guint32              limits,
                                                  guint                time_limit_ms,
                                                  guint64              memory_limit);
void                 evident_render_server_run   (EvidentRenderServer *server);

G_END_DECLS
