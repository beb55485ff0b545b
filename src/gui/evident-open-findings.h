/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_OPEN_FINDINGS (evident_open_findings_get_type ())

G_DECLARE_FINAL_TYPE (EvidentOpenFindings, evident_open_findings, EVIDENT, OPEN_FINDINGS, AdwBin)

EvidentProject *evident_open_findings_get_project (EvidentOpenFindings *self);
void            evident_open_findings_set_project (EvidentOpenFindings *self,
                                                   EvidentProject      *project);
GtkListBox     *evident_open_findings_get_list    (EvidentOpenFindings *self);
const char     *evident_open_findings_get_count_text (EvidentOpenFindings *self);

G_END_DECLS
