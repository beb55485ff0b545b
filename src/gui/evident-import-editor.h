/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-import-mapping-group.h"
#include "evident-import-preview.h"
#include "evident-import.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_IMPORT_EDITOR (evident_import_editor_get_type ())

G_DECLARE_FINAL_TYPE (EvidentImportEditor, evident_import_editor, EVIDENT, IMPORT_EDITOR, AdwBin)

GtkWidget                 *evident_import_editor_new               (void);
EvidentImport             *evident_import_editor_get_import        (EvidentImportEditor *self);
void                       evident_import_editor_set_import        (EvidentImportEditor *self,
                                                                    EvidentImport       *import);
gboolean                   evident_import_editor_get_recalled      (EvidentImportEditor *self);
void                       evident_import_editor_set_recalled      (EvidentImportEditor *self,
                                                                    gboolean             recalled);
gboolean                   evident_import_editor_get_edited        (EvidentImportEditor *self);
void                       evident_import_editor_show_problems     (EvidentImportEditor *self);

/* Its parts, for the windows that hold it and for tests */
EvidentImportMappingGroup *evident_import_editor_get_mapping_group (EvidentImportEditor *self);
EvidentImportPreview      *evident_import_editor_get_preview       (EvidentImportEditor *self);
AdwActionRow              *evident_import_editor_get_summary_row   (EvidentImportEditor *self,
                                                                    const char          *name);
GtkSwitch                 *evident_import_editor_get_sheet_switch  (EvidentImportEditor *self,
                                                                    guint                sheet);

G_END_DECLS
