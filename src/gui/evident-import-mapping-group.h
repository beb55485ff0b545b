/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-import.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_IMPORT_MAPPING_GROUP (evident_import_mapping_group_get_type ())

G_DECLARE_FINAL_TYPE (EvidentImportMappingGroup, evident_import_mapping_group, EVIDENT, IMPORT_MAPPING_GROUP, AdwPreferencesGroup)

GtkWidget     *evident_import_mapping_group_new           (void);
EvidentImport *evident_import_mapping_group_get_import    (EvidentImportMappingGroup *self);
void           evident_import_mapping_group_set_import    (EvidentImportMappingGroup *self,
                                                           EvidentImport             *import);
guint          evident_import_mapping_group_get_sheet     (EvidentImportMappingGroup *self);
void           evident_import_mapping_group_set_sheet     (EvidentImportMappingGroup *self,
                                                           guint                      sheet);
AdwComboRow   *evident_import_mapping_group_get_sheet_row (EvidentImportMappingGroup *self);
AdwComboRow   *evident_import_mapping_group_get_field_row (EvidentImportMappingGroup *self,
                                                           EvidentImportField         field);
GtkSpinButton *evident_import_mapping_group_get_header_spin (EvidentImportMappingGroup *self);
AdwComboRow   *evident_import_mapping_group_get_level_row (EvidentImportMappingGroup *self);
const char    *evident_import_mapping_group_get_extras    (EvidentImportMappingGroup *self);

G_END_DECLS
