/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"
#include "evident-session.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_SESSION_DIALOG (evident_session_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EvidentSessionDialog, evident_session_dialog, EVIDENT, SESSION_DIALOG,
                      AdwMessageDialog)

EvidentSessionDialog *evident_session_dialog_new              (GtkWindow            *parent,
                                                               EvidentProject       *project);
void                  evident_session_dialog_set_kind         (EvidentSessionDialog *self,
                                                               EvidentSessionKind    kind);
void                  evident_session_dialog_set_date         (EvidentSessionDialog *self,
                                                               const char           *date);
void                  evident_session_dialog_set_participants (EvidentSessionDialog *self,
                                                               const char           *names);
gboolean              evident_session_dialog_set_chapter      (EvidentSessionDialog *self,
                                                               const char           *number,
                                                               gboolean              in_scope);
EvidentSession       *evident_session_dialog_apply            (EvidentSessionDialog *self,
                                                               GError              **error);

G_END_DECLS
