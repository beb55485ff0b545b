/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-whatif.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_WHATIF_BAR (evident_whatif_bar_get_type ())

G_DECLARE_FINAL_TYPE (EvidentWhatifBar, evident_whatif_bar, EVIDENT, WHATIF_BAR, AdwBin)

GtkWidget     *evident_whatif_bar_new         (void);
EvidentWhatif *evident_whatif_bar_get_whatif  (EvidentWhatifBar *self);
void           evident_whatif_bar_set_whatif  (EvidentWhatifBar *self,
                                               EvidentWhatif    *whatif);
const char    *evident_whatif_bar_get_title   (EvidentWhatifBar *self);
const char    *evident_whatif_bar_get_scores  (EvidentWhatifBar *self);

G_END_DECLS
