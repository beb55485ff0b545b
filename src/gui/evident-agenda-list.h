/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-session.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_AGENDA_LIST (evident_agenda_list_get_type ())

G_DECLARE_FINAL_TYPE (EvidentAgendaList, evident_agenda_list, EVIDENT, AGENDA_LIST, AdwBin)

EvidentSession *evident_agenda_list_get_session (EvidentAgendaList *self);
void            evident_agenda_list_set_session (EvidentAgendaList *self,
                                                 EvidentSession    *session);
gboolean        evident_agenda_list_plan        (EvidentAgendaList *self,
                                                 const char        *chapter,
                                                 int                minutes,
                                                 GError           **error);

G_END_DECLS
