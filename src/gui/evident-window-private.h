/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-exports.h"
#include "evident-job.h"
#include "evident-item-editor.h"
#include "evident-item-list.h"
#include "evident-overview.h"
#include "evident-preview.h"
#include "evident-revision-actions.h"
#include "evident-score-button.h"
#include "evident-sessions-page.h"
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
EvidentRevisionActions *evident_window_get_revisions (EvidentWindow *self);
EvidentExports     *evident_window_get_exports      (EvidentWindow *self);
EvidentSessionsPage *evident_window_get_sessions_page (EvidentWindow *self);

void                evident_window_save_copy_to     (EvidentWindow *self,
                                                     GFile         *destination);
EvidentJob         *evident_window_get_copy_job     (EvidentWindow *self);
void                evident_window_set_closing_notice_delay (EvidentWindow *self,
                                                             guint          ms);

G_END_DECLS
