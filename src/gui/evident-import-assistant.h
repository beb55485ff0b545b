/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-import.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_IMPORT_ASSISTANT (evident_import_assistant_get_type ())

G_DECLARE_FINAL_TYPE (EvidentImportAssistant, evident_import_assistant, EVIDENT, IMPORT_ASSISTANT, AdwWindow)

EvidentImportAssistant *evident_import_assistant_new        (GtkWindow              *parent,
                                                             GFile                  *file,
                                                             EvidentImport          *import);
EvidentImportAssistant *evident_import_assistant_open       (GtkWindow              *parent,
                                                             GFile                  *file);
GFile                  *evident_import_assistant_get_file   (EvidentImportAssistant *self);
EvidentImport          *evident_import_assistant_get_import (EvidentImportAssistant *self);

G_END_DECLS
