/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-import.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_IMPORT_PREVIEW (evident_import_preview_get_type ())

G_DECLARE_FINAL_TYPE (EvidentImportPreview, evident_import_preview, EVIDENT, IMPORT_PREVIEW, AdwBin)

/* A row of the sheet in the grid: its number and what it reads as. */
#define EVIDENT_TYPE_IMPORT_PREVIEW_ROW (evident_import_preview_row_get_type ())

G_DECLARE_FINAL_TYPE (EvidentImportPreviewRow, evident_import_preview_row, EVIDENT, IMPORT_PREVIEW_ROW, GObject)

/* A chapter or a section in the chapter tree. */
#define EVIDENT_TYPE_IMPORT_PREVIEW_NODE (evident_import_preview_node_get_type ())

G_DECLARE_FINAL_TYPE (EvidentImportPreviewNode, evident_import_preview_node, EVIDENT, IMPORT_PREVIEW_NODE, GObject)

GtkWidget     *evident_import_preview_new          (void);
EvidentImport *evident_import_preview_get_import   (EvidentImportPreview *self);
void           evident_import_preview_set_import   (EvidentImportPreview *self,
                                                    EvidentImport        *import);
guint          evident_import_preview_get_sheet    (EvidentImportPreview *self);
void           evident_import_preview_set_sheet    (EvidentImportPreview *self,
                                                    guint                 sheet);
const char    *evident_import_preview_get_counts   (EvidentImportPreview *self);
void           evident_import_preview_show_page    (EvidentImportPreview *self,
                                                    const char           *name);

GtkColumnView *evident_import_preview_get_grid     (EvidentImportPreview *self);
GListModel    *evident_import_preview_get_rows     (EvidentImportPreview *self);
GListModel    *evident_import_preview_get_chapters (EvidentImportPreview *self);
GListModel    *evident_import_preview_get_skipped  (EvidentImportPreview *self);
GListModel    *evident_import_preview_get_problems (EvidentImportPreview *self);

guint          evident_import_preview_row_get_row       (EvidentImportPreviewRow  *self);
const char    *evident_import_preview_row_get_reads_as  (EvidentImportPreviewRow  *self);
gboolean       evident_import_preview_row_get_skipped   (EvidentImportPreviewRow  *self);

const char    *evident_import_preview_node_get_label    (EvidentImportPreviewNode *self);
guint          evident_import_preview_node_get_n_items  (EvidentImportPreviewNode *self);
GListModel    *evident_import_preview_node_get_children (EvidentImportPreviewNode *self);

G_END_DECLS
