/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-import-editor.h"
#include "evident-project.h"
#include "evident-revision-preview.h"
#include "evident-revision.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_REVISION_DIALOG (evident_revision_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EvidentRevisionDialog, evident_revision_dialog, EVIDENT, REVISION_DIALOG,
                      AdwWindow)

EvidentRevisionDialog  *evident_revision_dialog_new               (GtkWindow             *parent,
                                                                   EvidentProject        *project,
                                                                   GFile                 *file);
EvidentRevisionDialog  *evident_revision_dialog_new_for_import    (GtkWindow             *parent,
                                                                   EvidentProject        *project,
                                                                   GFile                 *file,
                                                                   EvidentImport         *import);
EvidentProject         *evident_revision_dialog_get_project       (EvidentRevisionDialog *self);
EvidentImport          *evident_revision_dialog_get_import        (EvidentRevisionDialog *self);
EvidentRevision        *evident_revision_dialog_get_revision      (EvidentRevisionDialog *self);
const char             *evident_revision_dialog_get_page          (EvidentRevisionDialog *self);
void                    evident_revision_dialog_compare           (EvidentRevisionDialog *self);
void                    evident_revision_dialog_apply             (EvidentRevisionDialog *self,
                                                                   gboolean               force);

/* Its parts, for tests */
EvidentRevisionPreview *evident_revision_dialog_get_preview       (EvidentRevisionDialog *self);
EvidentImportEditor    *evident_revision_dialog_get_import_editor (EvidentRevisionDialog *self);
const char             *evident_revision_dialog_get_problem_text  (EvidentRevisionDialog *self);

G_END_DECLS
