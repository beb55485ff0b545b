/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-session.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_AGENDA_BAR (evident_agenda_bar_get_type ())

G_DECLARE_FINAL_TYPE (EvidentAgendaBar, evident_agenda_bar, EVIDENT, AGENDA_BAR, GtkWidget)

GtkWidget      *evident_agenda_bar_new             (void);
EvidentSession *evident_agenda_bar_get_session     (EvidentAgendaBar *self);
void            evident_agenda_bar_set_session     (EvidentAgendaBar *self,
                                                    EvidentSession   *session);
void            evident_agenda_bar_update          (EvidentAgendaBar *self,
                                                    GDateTime        *now);
const char     *evident_agenda_bar_get_time_text   (EvidentAgendaBar *self);
const char     *evident_agenda_bar_get_day_text    (EvidentAgendaBar *self);
gboolean        evident_agenda_bar_get_ticking     (EvidentAgendaBar *self);

G_END_DECLS
