/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-agenda.h"
#include "evident-finding.h"
#include "evident-scoring.h"
#include "evident-session.h"

G_BEGIN_DECLS

const char *evident_session_state_get_label         (EvidentSessionState  state);
const char *evident_verdict_get_css_class           (EvidentVerdict       verdict);
char       *evident_session_dup_title               (EvidentSession      *session);
char       *evident_session_dup_participants_text   (EvidentSession      *session);
char       *evident_session_dup_scope_text          (EvidentSession      *session);
char       *evident_session_dup_counts_text         (EvidentSession      *session);
char       *evident_session_dup_score_text          (EvidentSession      *session);
char       *evident_audit_dup_score_text            (const EvidentScore  *score);
char       *evident_finding_dup_place_text          (EvidentFinding      *finding);
char       *evident_finding_dup_state_text          (EvidentFinding      *finding);
char       *evident_audit_ui_format_time               (GDateTime           *utc);
char       *evident_audit_ui_format_duration           (gint64               seconds);
char       *evident_agenda_dup_status_text          (EvidentAgenda       *agenda,
                                                     const EvidentAgendaStatus *status);

void        evident_audit_toast                     (GtkWidget           *widget,
                                                     const char          *message,
                                                     gboolean             undo);
void        evident_audit_toast_error               (GtkWidget           *widget,
                                                     const GError        *error);

typedef gboolean (*EvidentAuditDialogApply) (gpointer   dialog,
                                             GError   **error);

GtkWindow  *evident_audit_ui_get_parent             (GtkWidget           *widget);
void        evident_audit_ui_present_dialog         (GtkWidget           *owner,
                                                     GtkWindow           *dialog,
                                                     const char          *response,
                                                     EvidentAuditDialogApply apply,
                                                     const char          *done);

G_END_DECLS
