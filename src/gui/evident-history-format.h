/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-project.h"

G_BEGIN_DECLS

/* What the history knows of the evidence its rows are about */
typedef struct _EvidentHistoryNames EvidentHistoryNames;

EvidentHistoryNames *evident_history_names_new         (GPtrArray           *entries);
void                 evident_history_names_free        (EvidentHistoryNames *names);

char                *evident_history_format_when       (GDateTime           *at);
char                *evident_history_format_change     (EvidentHistoryEntry *entry,
                                                        EvidentHistoryNames *names);
GtkWidget           *evident_history_row_new           (EvidentHistoryEntry *entry,
                                                        EvidentHistoryNames *names,
                                                        const char          *item_text);
const char          *evident_history_field_in_sentence (EvidentItemField     field);
char                *evident_history_describe_change   (GPtrArray           *entries,
                                                        gboolean             undo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentHistoryNames, evident_history_names_free)

G_END_DECLS
