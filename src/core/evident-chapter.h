/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "evident-exemption.h"
#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_CHAPTER (evident_chapter_get_type ())

G_DECLARE_FINAL_TYPE (EvidentChapter, evident_chapter, EVIDENT, CHAPTER, GObject)

const char *evident_chapter_get_number            (EvidentChapter *self);
const char *evident_chapter_get_title             (EvidentChapter *self);
const char *evident_chapter_get_display_title     (EvidentChapter *self);
guint       evident_chapter_get_n_items           (EvidentChapter *self);
gint64      evident_chapter_get_points            (EvidentChapter *self);
guint       evident_chapter_get_n_counted         (EvidentChapter *self,
                                                   EvidentView     view);
gint64      evident_chapter_get_points_counted    (EvidentChapter *self,
                                                   EvidentView     view);
guint       evident_chapter_get_n_mandatory_open  (EvidentChapter *self);
double      evident_chapter_get_progress          (EvidentChapter *self);
EvidentExemption *evident_chapter_get_exemption   (EvidentChapter *self);
const char *evident_chapter_get_exemption_reason  (EvidentChapter *self);

G_END_DECLS
