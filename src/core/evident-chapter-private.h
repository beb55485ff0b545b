/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-chapter.h"
#include "evident-scoring.h"

G_BEGIN_DECLS

EvidentChapter *evident_chapter_new    (const char                *number,
                                        const char                *title);
void            evident_chapter_update (EvidentChapter            *self,
                                        const EvidentChapterScore *score);
void            evident_chapter_set_exemption (EvidentChapter     *self,
                                        EvidentExemption          *exemption);

G_END_DECLS
