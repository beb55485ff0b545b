/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean evident_gpu_has_render_node     (const char *dev_dri);
void     evident_gpu_choose_renderer_in  (const char *dev_dri);
void     evident_gpu_choose_renderer     (void);
void     evident_gpu_restore_environment (void);

G_END_DECLS
