/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-revision.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_REVISION_ROW (evident_revision_row_get_type ())

G_DECLARE_FINAL_TYPE (EvidentRevisionRow, evident_revision_row, EVIDENT, REVISION_ROW, GtkWidget)

GtkWidget            *evident_revision_row_new       (void);
EvidentRevisionEntry *evident_revision_row_get_entry (EvidentRevisionRow   *self);
void                  evident_revision_row_set_entry (EvidentRevisionRow   *self,
                                                      EvidentRevisionEntry *entry);

/* What an entry is, in words, for its row and its page */
const char           *evident_revision_relation_get_css_class (EvidentRevisionRelation relation);
char                 *evident_revision_entry_dup_refs         (EvidentRevisionEntry   *entry);
char                 *evident_revision_entry_dup_statuses     (EvidentRevisionEntry   *entry);
const char           *evident_revision_entry_get_display_title (EvidentRevisionEntry  *entry);

G_END_DECLS
