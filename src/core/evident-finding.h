/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-session.h"
#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_FINDING (evident_finding_get_type ())

/**
 * EvidentFindingState:
 * @EVIDENT_FINDING_OPEN: still to be addressed
 * @EVIDENT_FINDING_ADDRESSED: addressed, by an edit or as a note says
 */
typedef enum
{
  EVIDENT_FINDING_OPEN,      /*< nick=open >*/
  EVIDENT_FINDING_ADDRESSED, /*< nick=addressed >*/
} EvidentFindingState;

G_DECLARE_FINAL_TYPE (EvidentFinding, evident_finding, EVIDENT, FINDING, GObject)

const char          *evident_finding_state_to_string  (EvidentFindingState  state);

gint64               evident_finding_get_id           (EvidentFinding      *self);
gint64               evident_finding_get_session_id   (EvidentFinding      *self);
EvidentSession      *evident_finding_get_session      (EvidentFinding      *self);
EvidentItem         *evident_finding_get_item         (EvidentFinding      *self);
EvidentVerdict       evident_finding_get_verdict      (EvidentFinding      *self);
const char          *evident_finding_get_text         (EvidentFinding      *self);
GDateTime           *evident_finding_get_created      (EvidentFinding      *self);
const char          *evident_finding_get_created_by   (EvidentFinding      *self);
EvidentFindingState  evident_finding_get_state        (EvidentFinding      *self);
GDateTime           *evident_finding_get_addressed    (EvidentFinding      *self);
const char          *evident_finding_get_addressed_by (EvidentFinding      *self);
gint64               evident_finding_get_fixed_by     (EvidentFinding      *self);
const char          *evident_finding_get_fix_summary  (EvidentFinding      *self);
const char          *evident_finding_get_note         (EvidentFinding      *self);

/* Edits: each one transaction and one step of undo */
EvidentFinding      *evident_session_add_finding      (EvidentSession      *session,
                                                       EvidentItem         *item,
                                                       const char          *text,
                                                       GError             **error);
gboolean             evident_finding_address          (EvidentFinding      *self,
                                                       gint64               fixed_by,
                                                       const char          *note,
                                                       GError             **error);
gboolean             evident_finding_reopen           (EvidentFinding      *self,
                                                       GError             **error);

G_END_DECLS
