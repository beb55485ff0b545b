/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-item.h"
#include "evident-session.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_VERDICT_DIALOG (evident_verdict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EvidentVerdictDialog, evident_verdict_dialog, EVIDENT, VERDICT_DIALOG,
                      AdwMessageDialog)

/* The status choice that leaves the item's status as it is. */
#define EVIDENT_VERDICT_DIALOG_KEEP_STATUS (-1)

EvidentVerdictDialog *evident_verdict_dialog_new         (GtkWindow            *parent,
                                                          EvidentSession       *session,
                                                          EvidentItem          *item);
EvidentItem          *evident_verdict_dialog_get_item    (EvidentVerdictDialog *self);
void                  evident_verdict_dialog_set_verdict (EvidentVerdictDialog *self,
                                                          EvidentVerdict        verdict);
void                  evident_verdict_dialog_set_finding (EvidentVerdictDialog *self,
                                                          const char           *finding);
void                  evident_verdict_dialog_set_status  (EvidentVerdictDialog *self,
                                                          int                   status);
gboolean              evident_verdict_dialog_apply       (EvidentVerdictDialog *self,
                                                          GError              **error);

gboolean              evident_verdict_record             (EvidentSession       *session,
                                                          EvidentItem          *item,
                                                          EvidentVerdict        verdict,
                                                          const char           *finding,
                                                          int                   status,
                                                          GError              **error);

G_END_DECLS
