/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-db.h"
#include "evident-history.h"
#include "evident-plan-settings.h"
#include "evident-project.h"

G_BEGIN_DECLS

/* Tests only: open as if neither the file nor its folder could be written
 * (as a user who is not root finds a mode-444 file), whoever runs them. */
#define EVIDENT_PROJECT_OPEN_ASSUME_UNWRITABLE (1 << 16)

gboolean    evident_project_create_empty_at_version (GFile                  *file,
                                                     guint                   version,
                                                     GError                **error);

/* For the other parts of the core (evidence store): the project's own
 * connection, main thread only, %NULL once closed; more connections to the
 * file, for worker threads; and the commit path of every edit. */
EvidentDb  *evident_project_get_db                  (EvidentProject         *self);
EvidentDb  *evident_project_open_connection         (EvidentProject         *self,
                                                     gboolean                write,
                                                     GError                **error);
const char *evident_project_get_path                (EvidentProject         *self);
gboolean    evident_project_commit_edits            (EvidentProject         *self,
                                                     GArray                 *edits,
                                                     EvidentEditPrepareFunc  prepare,
                                                     gpointer                prepare_data,
                                                     GError                **error);
void        evident_project_history_changed         (EvidentProject         *self);
void        evident_project_emit_changed            (EvidentProject         *self);
EvidentPlanSettings *evident_project_peek_plan_settings (EvidentProject     *self);

/* A revision of the checklist (evident-revision.c): committed as one
 * change of its own; then the items and chapters are loaded again, keeping
 * the objects of the items that stay. */
gboolean    evident_project_commit_revision         (EvidentProject         *self,
                                                     GArray                 *edits,
                                                     EvidentEditPrepareFunc  prepare,
                                                     gpointer                prepare_data,
                                                     GError                **error);
guint       evident_project_get_schema_version      (EvidentProject         *self);
const GError *evident_project_get_load_error        (EvidentProject         *self);

/* evident-project-owners.c */
gboolean    evident_owner_split                     (const char             *text,
                                                     char                  **name,
                                                     char                  **email,
                                                     GError                **error);
gboolean    evident_owner_write                     (EvidentDb              *db,
                                                     const char             *name,
                                                     const char             *email,
                                                     GError                **error);

G_END_DECLS
