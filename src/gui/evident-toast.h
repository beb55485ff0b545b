/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void evident_toast_overlay_add_toast (AdwToastOverlay *overlay,
                                      AdwToast        *toast);
void evident_toast_dismiss           (AdwToast        *toast);

G_END_DECLS
