/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-types.h"

G_BEGIN_DECLS

const char *evident_status_to_string     (EvidentStatus      status);
gboolean    evident_status_from_string   (const char        *string,
                                          EvidentStatus     *status);
const char *evident_status_get_label     (EvidentStatus      status);
gboolean    evident_status_counts_in     (EvidentStatus      status,
                                          EvidentView        view);

const char *evident_complexity_to_string   (EvidentComplexity  complexity);
gboolean    evident_complexity_from_string (const char        *string,
                                            EvidentComplexity *complexity);
const char *evident_complexity_get_label   (EvidentComplexity  complexity);

const char *evident_score_mode_to_string   (EvidentScoreMode   mode);
gboolean    evident_score_mode_from_string (const char        *string,
                                            EvidentScoreMode  *mode);

const char *evident_view_to_string         (EvidentView        view);
const char *evident_view_get_label         (EvidentView        view);
const char *evident_view_get_description   (EvidentView        view);

const char *evident_item_field_to_string   (EvidentItemField   field);
gboolean    evident_item_field_from_string (const char        *string,
                                            EvidentItemField  *field);
const char *evident_item_field_get_label   (EvidentItemField   field);

const char *evident_translate_title        (const char        *title);

int         evident_ref_compare            (const char        *a,
                                            const char        *b);

gboolean    evident_date_normalize         (const char        *text,
                                            char             **iso);

G_END_DECLS
