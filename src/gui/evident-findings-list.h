/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-finding.h"
#include "evident-project.h"
#include "evident-session.h"

G_BEGIN_DECLS

/**
 * EvidentFindingsShow:
 * @EVIDENT_FINDINGS_SHOW_OPEN: the findings still open
 * @EVIDENT_FINDINGS_SHOW_ADDRESSED: those addressed
 * @EVIDENT_FINDINGS_SHOW_ALL: every finding
 */
typedef enum
{
  EVIDENT_FINDINGS_SHOW_OPEN,
  EVIDENT_FINDINGS_SHOW_ADDRESSED,
  EVIDENT_FINDINGS_SHOW_ALL,
} EvidentFindingsShow;

#define EVIDENT_TYPE_FINDINGS_LIST (evident_findings_list_get_type ())

G_DECLARE_FINAL_TYPE (EvidentFindingsList, evident_findings_list, EVIDENT, FINDINGS_LIST, AdwBin)

EvidentProject      *evident_findings_list_get_project      (EvidentFindingsList  *self);
void                 evident_findings_list_set_project      (EvidentFindingsList  *self,
                                                             EvidentProject       *project);
EvidentSession      *evident_findings_list_get_session      (EvidentFindingsList  *self);
void                 evident_findings_list_set_session      (EvidentFindingsList  *self,
                                                             EvidentSession       *session);
EvidentItem         *evident_findings_list_get_item         (EvidentFindingsList  *self);
void                 evident_findings_list_set_item         (EvidentFindingsList  *self,
                                                             EvidentItem          *item);
gboolean             evident_findings_list_get_has_findings (EvidentFindingsList  *self);
EvidentFindingsShow  evident_findings_list_get_show         (EvidentFindingsList  *self);
void                 evident_findings_list_set_show         (EvidentFindingsList  *self,
                                                             EvidentFindingsShow   show);
GListModel          *evident_findings_list_get_model        (EvidentFindingsList  *self);
GtkListBox          *evident_findings_list_get_list         (EvidentFindingsList  *self);
GtkWidget           *evident_findings_list_address          (EvidentFindingsList  *self,
                                                             EvidentFinding       *finding);

G_END_DECLS
