/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-item.h"
#include "evident-preview.h"
#include "evident-project.h"
#include "evident-session.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_PRESENTER_WINDOW (evident_presenter_window_get_type ())

G_DECLARE_FINAL_TYPE (EvidentPresenterWindow, evident_presenter_window, EVIDENT, PRESENTER_WINDOW,
                      AdwWindow)

EvidentPresenterWindow *evident_presenter_window_new               (EvidentProject         *project,
                                                                    EvidentSession         *session);
EvidentProject         *evident_presenter_window_get_project       (EvidentPresenterWindow *self);
EvidentSession         *evident_presenter_window_get_session       (EvidentPresenterWindow *self);
EvidentItem            *evident_presenter_window_get_item          (EvidentPresenterWindow *self);
void                    evident_presenter_window_set_item          (EvidentPresenterWindow *self,
                                                                    EvidentItem            *item);
gboolean                evident_presenter_window_jump              (EvidentPresenterWindow *self,
                                                                    const char             *ref);
void                    evident_presenter_window_present_beside    (EvidentPresenterWindow *self,
                                                                    GtkWindow              *window);
EvidentSession         *evident_presenter_window_choose_session    (EvidentProject         *project);

/* For tests and the benchmark */
EvidentPreview         *evident_presenter_window_get_preview       (EvidentPresenterWindow *self);
GtkWidget              *evident_presenter_window_get_jump_entry    (EvidentPresenterWindow *self);
GtkWidget              *evident_presenter_window_get_finding_entry (EvidentPresenterWindow *self);
gboolean                evident_presenter_window_get_show_internal (EvidentPresenterWindow *self);
const char             *evident_presenter_window_get_text          (EvidentPresenterWindow *self,
                                                                    const char             *part);

G_END_DECLS
