/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-import-assistant.h"
#include "evident-import-editor.h"

G_BEGIN_DECLS

/* The assistant's parts, for tests. */
EvidentImportEditor       *evident_import_assistant_get_editor        (EvidentImportAssistant *self);
EvidentImportMappingGroup *evident_import_assistant_get_mapping_group (EvidentImportAssistant *self);
EvidentImportPreview      *evident_import_assistant_get_preview       (EvidentImportAssistant *self);
GtkWidget                 *evident_import_assistant_get_create_button (EvidentImportAssistant *self);
const char                *evident_import_assistant_get_problem_text  (EvidentImportAssistant *self);
AdwActionRow              *evident_import_assistant_get_summary_row   (EvidentImportAssistant *self,
                                                                       const char             *name);
GtkSwitch                 *evident_import_assistant_get_sheet_switch  (EvidentImportAssistant *self,
                                                                       guint                   sheet);
gboolean                   evident_import_assistant_get_edited        (EvidentImportAssistant *self);

G_END_DECLS
