/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-presenter-window.h"
#include "evident-window.h"

G_BEGIN_DECLS

void                    evident_window_audit_class_init     (GtkWidgetClass *widget_class);
void                    evident_window_audit_init           (EvidentWindow  *self,
                                                             GtkStack       *overview_stack);
void                    evident_window_audit_update_actions (EvidentWindow  *self);
void                    evident_window_audit_set_project    (EvidentWindow  *self,
                                                             EvidentProject *project);
EvidentPresenterWindow *evident_window_audit_present        (EvidentWindow  *self,
                                                             EvidentSession *session,
                                                             EvidentItem    *item);
EvidentPresenterWindow *evident_window_audit_get_presenter  (EvidentWindow  *self);
void                    evident_window_audit_note_whatif    (EvidentWindow  *self);
GMenuModel             *evident_window_audit_create_item_menu (EvidentWindow *self,
                                                               EvidentItem   *item);
gboolean                evident_window_audit_open_item      (EvidentWindow  *self,
                                                             const char     *ref,
                                                             GError        **error);
void                    evident_window_audit_focus_item     (EvidentWindow  *self);

G_END_DECLS
