/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_ITEM_STATE_FILTER (evident_item_state_filter_get_type ())

G_DECLARE_FINAL_TYPE (EvidentItemStateFilter, evident_item_state_filter, EVIDENT,
                      ITEM_STATE_FILTER, GtkFilter)

EvidentItemStateFilter *evident_item_state_filter_new        (void);

const char *evident_item_state_filter_get_owner          (EvidentItemStateFilter *self);
int         evident_item_state_filter_get_complexity     (EvidentItemStateFilter *self);
gboolean    evident_item_state_filter_set_owner_complexity (EvidentItemStateFilter *self,
                                                          const char             *owner,
                                                          int                     complexity);
guint       evident_item_state_filter_get_status_mask    (EvidentItemStateFilter *self);
gboolean    evident_item_state_filter_set_status_mask    (EvidentItemStateFilter *self,
                                                          guint                   mask);
gboolean    evident_item_state_filter_get_mandatory_only (EvidentItemStateFilter *self);
gboolean    evident_item_state_filter_set_mandatory_only (EvidentItemStateFilter *self,
                                                          gboolean                mandatory_only);
gboolean    evident_item_state_filter_get_at_risk        (EvidentItemStateFilter *self);
gboolean    evident_item_state_filter_set_at_risk        (EvidentItemStateFilter *self,
                                                          gboolean                at_risk);
gboolean    evident_item_state_filter_get_needs_recheck  (EvidentItemStateFilter *self);
gboolean    evident_item_state_filter_set_needs_recheck  (EvidentItemStateFilter *self,
                                                          gboolean                needs_recheck);
void        evident_item_state_filter_clear              (EvidentItemStateFilter *self);
guint       evident_item_state_filter_count_active       (EvidentItemStateFilter *self);
char       *evident_item_state_filter_dup_description    (EvidentItemStateFilter *self);

G_END_DECLS
