/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-window.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_EXPORTS (evident_exports_get_type ())

G_DECLARE_FINAL_TYPE (EvidentExports, evident_exports, EVIDENT, EXPORTS, GObject)

EvidentExports *evident_exports_new (EvidentWindow *window);

G_END_DECLS
