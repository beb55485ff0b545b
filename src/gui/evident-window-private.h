/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-job.h"
#include "evident-item-editor.h"
#include "evident-item-list.h"
#include "evident-overview.h"
#include "evident-pane-layout.h"
#include "evident-preview.h"
#include "evident-score-button.h"
#include "evident-sidebar.h"
#include "evident-window.h"

G_BEGIN_DECLS

/* For tests: the window's parts. */
EvidentSidebar     *evident_window_get_sidebar      (EvidentWindow *self);
EvidentItemList    *evident_window_get_item_list    (EvidentWindow *self);
EvidentItemEditor  *evident_window_get_item_editor  (EvidentWindow *self);
EvidentScoreButton *evident_window_get_score_button (EvidentWindow *self);
EvidentOverview    *evident_window_get_overview     (EvidentWindow *self);
EvidentPreview     *evident_window_get_preview      (EvidentWindow *self);
EvidentPaneLayout  *evident_window_get_pane_layout  (EvidentWindow *self);
gboolean            evident_window_get_sidebar_visible (EvidentWindow *self);

void                evident_window_save_copy_to     (EvidentWindow *self,
                                                     GFile         *destination);
EvidentJob         *evident_window_get_copy_job     (EvidentWindow *self);
void                evident_window_set_closing_notice_delay (EvidentWindow *self,
                                                             guint          ms);

G_END_DECLS
