/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"
#include "evident-session.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_SESSION_VIEW (evident_session_view_get_type ())

G_DECLARE_FINAL_TYPE (EvidentSessionView, evident_session_view, EVIDENT, SESSION_VIEW, AdwBin)

EvidentProject *evident_session_view_get_project    (EvidentSessionView *self);
void            evident_session_view_set_project    (EvidentSessionView *self,
                                                     EvidentProject     *project);
EvidentSession *evident_session_view_get_session    (EvidentSessionView *self);
void            evident_session_view_set_session    (EvidentSessionView *self,
                                                     EvidentSession     *session);
GtkListBox     *evident_session_view_get_item_list  (EvidentSessionView *self);
GtkWidget      *evident_session_view_record_verdict (EvidentSessionView *self,
                                                     EvidentItem        *item);
EvidentFinding *evident_session_view_add_finding    (EvidentSessionView *self,
                                                     const char         *ref,
                                                     const char         *text,
                                                     GError            **error);

G_END_DECLS
