/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_ITEM (evident_item_get_type ())

/**
 * EvidentExtraField:
 * @name: the column's header text in the checklist file
 * @value: the item's cell in that column
 *
 * A column of the checklist file that no field of Evident took.
 */
typedef struct
{
  char *name;
  char *value;
} EvidentExtraField;

G_DECLARE_FINAL_TYPE (EvidentItem, evident_item, EVIDENT, ITEM, GObject)

gint64             evident_item_get_id            (EvidentItem *self);
const char        *evident_item_get_ref           (EvidentItem *self);
const char        *evident_item_get_chapter       (EvidentItem *self);
const char        *evident_item_get_section       (EvidentItem *self);
const char        *evident_item_get_section_title (EvidentItem *self);
const char        *evident_item_get_title         (EvidentItem *self);
const char        *evident_item_get_requirement   (EvidentItem *self);
const char        *evident_item_get_evidence_hint (EvidentItem *self);
int                evident_item_get_points        (EvidentItem *self);
gboolean           evident_item_get_mandatory     (EvidentItem *self);
EvidentStatus      evident_item_get_status        (EvidentItem *self);
const char        *evident_item_get_owner         (EvidentItem *self);
EvidentComplexity  evident_item_get_complexity    (EvidentItem *self);
const char        *evident_item_get_reason        (EvidentItem *self);
const char        *evident_item_get_note          (EvidentItem *self);
const char        *evident_item_get_due           (EvidentItem *self);
const char        *evident_item_get_response      (EvidentItem *self);
gboolean           evident_item_get_needs_recheck (EvidentItem *self);
EvidentStatus      evident_item_get_recheck_status (EvidentItem *self);
const EvidentExtraField *evident_item_get_extra_fields (EvidentItem *self,
                                                        guint       *n_fields);
const char        *evident_item_get_extra_field   (EvidentItem *self,
                                                   const char  *name);
double             evident_item_get_estimate      (EvidentItem *self);
gboolean           evident_item_is_overdue        (EvidentItem *self,
                                                   const GDate *today);
gboolean           evident_item_counts_in         (EvidentItem *self,
                                                   EvidentView  view);
gint64             evident_item_get_points_at_risk (EvidentItem *self,
                                                    int          mandatory_penalty);
gint64             evident_item_get_points_at_risk_as (EvidentItem   *self,
                                                       EvidentStatus  status,
                                                       int            mandatory_penalty);

G_END_DECLS
