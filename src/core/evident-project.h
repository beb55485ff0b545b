/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-types.h"
#include "evident-scoring.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_PROJECT (evident_project_get_type ())
#define EVIDENT_PROJECT_ERROR (evident_project_error_quark ())

/* The current schema version of project files, in PRAGMA user_version. */
#define EVIDENT_PROJECT_SCHEMA_VERSION 8

/**
 * EvidentProjectError:
 * @EVIDENT_PROJECT_ERROR_NOT_A_PROJECT: the file is not an Evident project
 * @EVIDENT_PROJECT_ERROR_DAMAGED: the file is an Evident project but damaged
 * @EVIDENT_PROJECT_ERROR_TOO_NEW: written by a newer version of Evident
 * @EVIDENT_PROJECT_ERROR_BUSY: another program holds the project open
 * @EVIDENT_PROJECT_ERROR_EXISTS: a file is already where a project was to be created
 * @EVIDENT_PROJECT_ERROR_INVALID: an edit was refused (e.g. not-applicable without a reason)
 * @EVIDENT_PROJECT_ERROR_NO_SUCH_ITEM: no item with that reference
 * @EVIDENT_PROJECT_ERROR_NOTHING_TO_UNDO: undo or redo with an empty stack
 * @EVIDENT_PROJECT_ERROR_FAILED: reading or writing the file failed
 * @EVIDENT_PROJECT_ERROR_READ_ONLY: an edit of a project open read-only (or
 *   whose file or folder cannot be written) was refused
 */
typedef enum
{
  EVIDENT_PROJECT_ERROR_NOT_A_PROJECT,
  EVIDENT_PROJECT_ERROR_DAMAGED,
  EVIDENT_PROJECT_ERROR_TOO_NEW,
  EVIDENT_PROJECT_ERROR_BUSY,
  EVIDENT_PROJECT_ERROR_EXISTS,
  EVIDENT_PROJECT_ERROR_INVALID,
  EVIDENT_PROJECT_ERROR_NO_SUCH_ITEM,
  EVIDENT_PROJECT_ERROR_NOTHING_TO_UNDO,
  EVIDENT_PROJECT_ERROR_FAILED,
  EVIDENT_PROJECT_ERROR_READ_ONLY,
} EvidentProjectError;

/**
 * EvidentProjectOpenFlags:
 * @EVIDENT_PROJECT_OPEN_DEFAULT: shared read-write: writers beside each
 *   other wait a few seconds for each other's transactions (the command
 *   line's editing commands)
 * @EVIDENT_PROJECT_OPEN_READ_ONLY: never writes, takes no lock, leaves no
 *   file beside the project; edits fail with
 *   %EVIDENT_PROJECT_ERROR_READ_ONLY (the command line's reading commands)
 * @EVIDENT_PROJECT_OPEN_EXCLUSIVE: the application: nobody else writes
 *   while it holds the project; others' writes fail with
 *   %EVIDENT_PROJECT_ERROR_BUSY ("open in another window or program")
 * @EVIDENT_PROJECT_OPEN_INSPECT: read-only, and neither refuses a damaged
 *   file nor upgrades an older one, so that evident_project_check() can
 *   report what is wrong (evident-cli check)
 *
 * A project whose file or folder cannot be written opens read-only
 * whatever the flags (#EvidentProject:read-only).
 */
typedef enum
{
  EVIDENT_PROJECT_OPEN_DEFAULT   = 0,
  EVIDENT_PROJECT_OPEN_READ_ONLY = 1 << 0,
  EVIDENT_PROJECT_OPEN_EXCLUSIVE = 1 << 1,
  EVIDENT_PROJECT_OPEN_INSPECT   = 1 << 2,
} EvidentProjectOpenFlags;

/**
 * EvidentProjectSettings:
 * @title: (nullable): the project's title; %NULL: the file's name
 * @checklist_version: (nullable): the checklist's version
 * @rules: pass score, penalty and scoring mode
 * @override_mode: evident_project_create_from_import() takes @rules.mode
 *   rather than the mode the import derives (pass/fail without points)
 *
 * What a new project is created with. %NULL strings take defaults.
 */
typedef struct
{
  const char      *title;
  const char      *checklist_version;
  EvidentRules     rules;
  gboolean         override_mode;
} EvidentProjectSettings;

void evident_project_settings_init (EvidentProjectSettings *settings);

/**
 * EvidentHistoryEntry:
 * @change: the change (transaction) this row belongs to
 * @kind: "edit", "undo" or "redo"
 * @at: when, in UTC
 * @ref: the item's reference (also for an edit of its evidence)
 * @field: which field; the evidence fields for an edit of evidence
 * @evidence: the evidence an evidence edit is about (its id), or 0; 0 too
 *   once a cleanup deleted it for good
 * @setting: for a change of the plan settings, the key it set
 *   ("effort-low", "effort-medium", "effort-high", "audit-date"), with
 *   @ref "" and @field meaning nothing; the values are as stored (days,
 *   an ISO 8601 date), %NULL for none (the default); %NULL for an item's
 *   change
 */
struct _EvidentHistoryEntry
{
  gint64            change;
  char             *kind;
  GDateTime        *at;
  char             *who;
  char             *ref;
  EvidentItemField  field;
  char             *old_value;
  char             *new_value;
  gint64            evidence;
  char             *setting;
};

void evident_history_entry_free (EvidentHistoryEntry *entry);

/**
 * EvidentItemChange:
 *
 * One field's new value in an edit; %NULL or "" clears the field.
 */
typedef struct
{
  EvidentItemField  field;
  const char       *value;
} EvidentItemChange;

G_DECLARE_FINAL_TYPE (EvidentProject, evident_project, EVIDENT, PROJECT, GObject)

GQuark            evident_project_error_quark        (void);

EvidentProject   *evident_project_create             (GFile                        *file,
                                                      const EvidentProjectSettings *settings,
                                                      GPtrArray                    *entries,
                                                      GError                      **error);
EvidentProject   *evident_project_create_from_import (GFile                        *file,
                                                      const EvidentProjectSettings *settings,
                                                      EvidentImport                *import,
                                                      GCancellable                 *cancellable,
                                                      GError                      **error);
EvidentProject   *evident_project_open               (GFile                        *file,
                                                      GError                      **error);
EvidentProject   *evident_project_open_full          (GFile                        *file,
                                                      EvidentProjectOpenFlags       flags,
                                                      GError                      **error);
void              evident_project_close              (EvidentProject               *self);
void              evident_project_close_async        (EvidentProject               *self,
                                                      GCancellable                 *cancellable,
                                                      GAsyncReadyCallback           callback,
                                                      gpointer                      user_data);
gboolean          evident_project_close_finish       (EvidentProject               *self,
                                                      GAsyncResult                 *result,
                                                      GError                      **error);
gboolean          evident_project_check              (EvidentProject               *self,
                                                      GError                      **error);
gboolean          evident_project_save_copy          (EvidentProject               *self,
                                                      GFile                        *destination,
                                                      GError                      **error);
void              evident_project_save_copy_async    (EvidentProject               *self,
                                                      GFile                        *destination,
                                                      GCancellable                 *cancellable,
                                                      GFileProgressCallback         progress,
                                                      gpointer                      progress_data,
                                                      GAsyncReadyCallback           callback,
                                                      gpointer                      user_data);
gboolean          evident_project_save_copy_finish   (EvidentProject               *self,
                                                      GAsyncResult                 *result,
                                                      GError                      **error);

GFile            *evident_project_get_file           (EvidentProject               *self);
gboolean          evident_project_get_read_only      (EvidentProject               *self);
const char       *evident_project_get_title          (EvidentProject               *self);
const char       *evident_project_get_checklist_version (EvidentProject            *self);
const EvidentRules *evident_project_get_rules        (EvidentProject               *self);
gint64            evident_project_get_max_score      (EvidentProject               *self);
GListModel       *evident_project_get_items          (EvidentProject               *self);
GListModel       *evident_project_get_chapters       (EvidentProject               *self);
char             *evident_project_dup_workbook_name  (EvidentProject               *self);
char            **evident_project_dup_owners         (EvidentProject               *self);
char             *evident_project_dup_owner_email    (EvidentProject               *self,
                                                      const char                   *name);
gboolean          evident_project_set_owner_email    (EvidentProject               *self,
                                                      const char                   *name,
                                                      const char                   *email,
                                                      GError                      **error);
EvidentItem      *evident_project_lookup_item        (EvidentProject               *self,
                                                      const char                   *ref);
const EvidentScore *evident_project_get_score        (EvidentProject               *self);

gboolean          evident_project_update_item        (EvidentProject               *self,
                                                      EvidentItem                  *item,
                                                      const EvidentItemChange      *changes,
                                                      guint                         n_changes,
                                                      GError                      **error);
gboolean          evident_project_set_status         (EvidentProject               *self,
                                                      EvidentItem                  *item,
                                                      EvidentStatus                 status,
                                                      const char                   *reason,
                                                      GError                      **error);
gboolean          evident_project_set_owner          (EvidentProject               *self,
                                                      EvidentItem                  *item,
                                                      const char                   *owner,
                                                      GError                      **error);
gboolean          evident_project_set_complexity     (EvidentProject               *self,
                                                      EvidentItem                  *item,
                                                      EvidentComplexity             complexity,
                                                      GError                      **error);
gboolean          evident_project_set_note           (EvidentProject               *self,
                                                      EvidentItem                  *item,
                                                      const char                   *note,
                                                      GError                      **error);
gboolean          evident_project_set_response       (EvidentProject               *self,
                                                      EvidentItem                  *item,
                                                      const char                   *response,
                                                      GError                      **error);

gboolean          evident_project_import_state       (EvidentProject               *self,
                                                      GBytes                       *csv,
                                                      GError                      **error);

gboolean          evident_project_get_can_undo       (EvidentProject               *self);
gboolean          evident_project_get_can_redo       (EvidentProject               *self);
gboolean          evident_project_undo               (EvidentProject               *self,
                                                      GError                      **error);
gboolean          evident_project_redo               (EvidentProject               *self,
                                                      GError                      **error);
GPtrArray        *evident_project_get_history        (EvidentProject               *self,
                                                      EvidentItem                  *item,
                                                      GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentHistoryEntry, evident_history_entry_free)

G_END_DECLS
