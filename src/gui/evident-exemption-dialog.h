/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-evidence.h"
#include "evident-exemption.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_EXEMPTION_DIALOG (evident_exemption_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EvidentExemptionDialog, evident_exemption_dialog, EVIDENT, EXEMPTION_DIALOG,
                      AdwMessageDialog)

EvidentExemptionDialog *evident_exemption_dialog_new             (GtkWindow              *parent,
                                                                  EvidentProject         *project,
                                                                  const char             *number,
                                                                  GError                **error);
const char             *evident_exemption_dialog_get_number      (EvidentExemptionDialog *self);
void                    evident_exemption_dialog_set_reason      (EvidentExemptionDialog *self,
                                                                  const char             *reason);
gboolean                evident_exemption_dialog_select_evidence (EvidentExemptionDialog *self,
                                                                  EvidentEvidence        *evidence);
EvidentExemption       *evident_exemption_dialog_apply           (EvidentExemptionDialog *self,
                                                                  GError                **error);

G_END_DECLS
