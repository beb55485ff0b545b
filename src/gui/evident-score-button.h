/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"
#include "evident-scenario.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_SCORE_BUTTON (evident_score_button_get_type ())

G_DECLARE_FINAL_TYPE (EvidentScoreButton, evident_score_button, EVIDENT, SCORE_BUTTON, AdwBin)

GtkWidget      *evident_score_button_new          (void);
EvidentProject *evident_score_button_get_project  (EvidentScoreButton *self);
void            evident_score_button_set_project  (EvidentScoreButton *self,
                                                   EvidentProject     *project);
gboolean        evident_score_button_get_compact  (EvidentScoreButton *self);
void            evident_score_button_set_compact  (EvidentScoreButton *self,
                                                   gboolean            compact);
const char     *evident_score_button_get_text     (EvidentScoreButton *self);
void            evident_score_button_popup        (EvidentScoreButton *self);
void            evident_score_button_popdown      (EvidentScoreButton *self);
void            evident_score_button_set_scenario (EvidentScoreButton *self,
                                                   EvidentScenario    *scenario);

G_END_DECLS
