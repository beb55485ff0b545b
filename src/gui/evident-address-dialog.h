/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-finding.h"
#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_ADDRESS_DIALOG (evident_address_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EvidentAddressDialog, evident_address_dialog, EVIDENT, ADDRESS_DIALOG,
                      AdwMessageDialog)

EvidentAddressDialog *evident_address_dialog_new         (GtkWindow            *parent,
                                                          EvidentProject       *project,
                                                          EvidentFinding       *finding);
EvidentFinding       *evident_address_dialog_get_finding (EvidentAddressDialog *self);
gint64                evident_address_dialog_get_change  (EvidentAddressDialog *self);
void                  evident_address_dialog_set_link    (EvidentAddressDialog *self,
                                                          gboolean              link);
void                  evident_address_dialog_set_note    (EvidentAddressDialog *self,
                                                          const char           *note);
gboolean              evident_address_dialog_apply       (EvidentAddressDialog *self,
                                                          GError              **error);

G_END_DECLS
