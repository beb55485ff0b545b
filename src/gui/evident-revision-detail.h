/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-revision.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_REVISION_DETAIL (evident_revision_detail_get_type ())

G_DECLARE_FINAL_TYPE (EvidentRevisionDetail, evident_revision_detail, EVIDENT, REVISION_DETAIL,
                      GtkWidget)

GtkWidget            *evident_revision_detail_new             (void);
EvidentRevision      *evident_revision_detail_get_revision    (EvidentRevisionDetail *self);
void                  evident_revision_detail_set_revision    (EvidentRevisionDetail *self,
                                                               EvidentRevision       *revision);
EvidentRevisionEntry *evident_revision_detail_get_entry       (EvidentRevisionDetail *self);
void                  evident_revision_detail_set_entry       (EvidentRevisionDetail *self,
                                                               EvidentRevisionEntry  *entry);

/* For tests: the word diff of a part, and the candidates "Pair With…" lists */
GtkWidget            *evident_revision_detail_get_diff_label  (EvidentRevisionDetail *self,
                                                               EvidentRevisionPart    part);
GPtrArray            *evident_revision_detail_list_candidates (EvidentRevisionDetail *self);

G_END_DECLS
