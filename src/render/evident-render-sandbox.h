/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A request's CPU time beyond the time limit, before the helper stops
 * itself: the application's watchdog acts first. */
#define EVIDENT_RENDER_SANDBOX_CPU_GRACE_MS 2000

guint32  evident_render_sandbox_set_limits       (guint64  memory_limit,
                                                  guint    time_limit_ms);
gboolean evident_render_sandbox_enter            (GError **error);
guint    evident_render_sandbox_get_seccomp_mode (void);
void     evident_render_sandbox_begin_work       (void);
void     evident_render_sandbox_end_work         (void);

G_END_DECLS
