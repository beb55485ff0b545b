/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-findings-list.h"
#include "evident-project.h"
#include "evident-session-view.h"
#include "evident-session.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_SESSIONS_PAGE (evident_sessions_page_get_type ())

G_DECLARE_FINAL_TYPE (EvidentSessionsPage, evident_sessions_page, EVIDENT, SESSIONS_PAGE, AdwBin)

EvidentProject      *evident_sessions_page_get_project       (EvidentSessionsPage *self);
void                 evident_sessions_page_set_project       (EvidentSessionsPage *self,
                                                              EvidentProject      *project);
void                 evident_sessions_page_show_session      (EvidentSessionsPage *self,
                                                              EvidentSession      *session);
void                 evident_sessions_page_show_list         (EvidentSessionsPage *self);
EvidentSessionView  *evident_sessions_page_get_session_view  (EvidentSessionsPage *self);
EvidentFindingsList *evident_sessions_page_get_findings_list (EvidentSessionsPage *self);
GtkListBox          *evident_sessions_page_get_session_list  (EvidentSessionsPage *self);

G_END_DECLS
