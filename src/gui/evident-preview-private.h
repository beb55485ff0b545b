/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-page-view.h"
#include "evident-preview.h"
#include "evident-render-client.h"

G_BEGIN_DECLS

/* For tests and benchmarks. */
EvidentPageView *evident_preview_get_page_view            (EvidentPreview *self);
const char      *evident_preview_get_state                (EvidentPreview *self);
const char      *evident_preview_get_match_text           (EvidentPreview *self);
const char      *evident_preview_get_password_error       (EvidentPreview *self);
const char      *evident_preview_get_error_title          (EvidentPreview *self);
GtkWidget       *evident_preview_get_password_entry       (EvidentPreview *self);
guint            evident_preview_get_n_rendered_for_test  (EvidentPreview *self);
EvidentRenderClient *evident_preview_get_render_client    (EvidentPreview *self);

G_END_DECLS
