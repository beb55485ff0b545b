/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_EXEMPTION (evident_exemption_get_type ())

G_DECLARE_FINAL_TYPE (EvidentExemption, evident_exemption, EVIDENT, EXEMPTION, GObject)

gint64      evident_exemption_get_id          (EvidentExemption *self);
const char *evident_exemption_get_chapter     (EvidentExemption *self);
const char *evident_exemption_get_section     (EvidentExemption *self);
const char *evident_exemption_get_number      (EvidentExemption *self);
const char *evident_exemption_get_title       (EvidentExemption *self);
const char *evident_exemption_get_reason      (EvidentExemption *self);
gint64      evident_exemption_get_evidence_id (EvidentExemption *self);
GDateTime  *evident_exemption_get_applied     (EvidentExemption *self);
const char *evident_exemption_get_applied_by  (EvidentExemption *self);
guint       evident_exemption_get_n_items     (EvidentExemption *self);
gboolean    evident_exemption_covers          (EvidentExemption *self,
                                               EvidentItem      *item);

G_END_DECLS
