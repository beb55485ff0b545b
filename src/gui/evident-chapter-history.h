/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_CHAPTER_HISTORY (evident_chapter_history_get_type ())

G_DECLARE_FINAL_TYPE (EvidentChapterHistory, evident_chapter_history, EVIDENT, CHAPTER_HISTORY,
                      AdwWindow)

EvidentChapterHistory *evident_chapter_history_new        (GtkWindow             *parent,
                                                           EvidentProject        *project,
                                                           const char            *number,
                                                           GError               **error);
GtkListBox            *evident_chapter_history_get_list   (EvidentChapterHistory *self);

G_END_DECLS
