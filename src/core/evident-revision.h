/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A revision of a project's checklist: the plan of what happens to every
 * item when the project moves to a new version of its checklist, changed
 * by hand where need be, then applied as one step to undo. */

#include <gio/gio.h>

#include "evident-revision-match.h"
#include "evident-scoring.h"
#include "evident-text-compare.h"
#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_REVISION       (evident_revision_get_type ())
#define EVIDENT_TYPE_REVISION_ENTRY (evident_revision_entry_get_type ())
#define EVIDENT_REVISION_ERROR      (evident_revision_error_quark ())

/* Fewer of the old items than this share matched (paired or merged): the
 * file is not a revision of the project's checklist, and applying it needs
 * force. */
#define EVIDENT_REVISION_MIN_MATCHED 0.2

/**
 * EvidentRevisionError:
 * @EVIDENT_REVISION_ERROR_UNRELATED: hardly any item of the checklist is in
 *   the file: it is not a revision of this checklist (apply with force)
 * @EVIDENT_REVISION_ERROR_NO_SUCH_ITEM: a pair names a reference that the
 *   checklist (or the file) does not have
 * @EVIDENT_REVISION_ERROR_STALE: the project changed since the plan was
 *   made, or the plan was applied already: make it again
 *
 * Why a revision is not applied. A file that cannot be read, or that the
 * import finds problems in, fails with the import's own error
 * (%EVIDENT_IMPORT_ERROR, naming the place); a project that cannot be
 * written with %EVIDENT_PROJECT_ERROR.
 */
typedef enum
{
  EVIDENT_REVISION_ERROR_UNRELATED,
  EVIDENT_REVISION_ERROR_NO_SUCH_ITEM,
  EVIDENT_REVISION_ERROR_STALE,
} EvidentRevisionError;

/**
 * EvidentRevisionPart:
 * @EVIDENT_REVISION_PART_TITLE: the item's title
 * @EVIDENT_REVISION_PART_REQUIREMENT: what it requires
 * @EVIDENT_REVISION_PART_EVIDENCE: the evidence it expects
 *
 * The texts of an item that a word diff compares.
 */
typedef enum
{
  EVIDENT_REVISION_PART_TITLE,       /*< nick=title >*/
  EVIDENT_REVISION_PART_REQUIREMENT, /*< nick=requirement >*/
  EVIDENT_REVISION_PART_EVIDENCE,    /*< nick=evidence >*/
} EvidentRevisionPart;

G_DECLARE_FINAL_TYPE (EvidentRevision, evident_revision, EVIDENT, REVISION, GObject)
G_DECLARE_FINAL_TYPE (EvidentRevisionEntry, evident_revision_entry, EVIDENT, REVISION_ENTRY,
                      GObject)

GQuark               evident_revision_error_quark          (void);

/* The plan */
EvidentRevision     *evident_revision_new                  (EvidentProject        *project,
                                                            EvidentImport         *import,
                                                            GError               **error);
void                 evident_revision_new_async            (EvidentProject        *project,
                                                            EvidentImport         *import,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
EvidentRevision     *evident_revision_new_finish           (GAsyncResult          *result,
                                                            GError               **error);

EvidentProject      *evident_revision_get_project          (EvidentRevision       *self);
EvidentImport       *evident_revision_get_import           (EvidentRevision       *self);
const char          *evident_revision_get_label            (EvidentRevision       *self);
void                 evident_revision_set_label            (EvidentRevision       *self,
                                                            const char            *label);
const char          *evident_revision_get_file_name        (EvidentRevision       *self);
void                 evident_revision_set_file_name        (EvidentRevision       *self,
                                                            const char            *file_name);
EvidentScoreMode     evident_revision_get_mode_after       (EvidentRevision       *self);

GListModel          *evident_revision_get_entries          (EvidentRevision       *self);
EvidentRevisionEntry *evident_revision_lookup_old          (EvidentRevision       *self,
                                                            const char            *old_ref);
EvidentRevisionEntry *evident_revision_lookup_new          (EvidentRevision       *self,
                                                            const char            *new_ref);
guint                evident_revision_get_count            (EvidentRevision       *self,
                                                            EvidentRevisionRelation relation);
guint                evident_revision_get_n_recheck        (EvidentRevision       *self);
double               evident_revision_get_matched_share    (EvidentRevision       *self);
gboolean             evident_revision_get_unrelated        (EvidentRevision       *self);
GPtrArray           *evident_revision_get_warnings         (EvidentRevision       *self);
const EvidentScore  *evident_revision_get_score_before     (EvidentRevision       *self);
const EvidentScore  *evident_revision_get_score_after      (EvidentRevision       *self);

gboolean             evident_revision_pair                 (EvidentRevision       *self,
                                                            const char            *old_ref,
                                                            const char            *new_ref,
                                                            GError               **error);
gboolean             evident_revision_unpair               (EvidentRevision       *self,
                                                            const char            *old_ref,
                                                            GError               **error);
void                 evident_revision_reset                (EvidentRevision       *self);

gboolean             evident_revision_check                (EvidentRevision       *self,
                                                            gboolean               force,
                                                            GError               **error);
gboolean             evident_revision_apply                (EvidentRevision       *self,
                                                            gboolean               force,
                                                            GError               **error);

/* One item's fate */
EvidentRevisionRelation evident_revision_entry_get_relation    (EvidentRevisionEntry *self);
EvidentItem         *evident_revision_entry_get_old_item       (EvidentRevisionEntry *self);
const char          *evident_revision_entry_get_old_ref        (EvidentRevisionEntry *self);
const char          *evident_revision_entry_get_new_ref        (EvidentRevisionEntry *self);
const char          *evident_revision_entry_get_old_title      (EvidentRevisionEntry *self);
const char          *evident_revision_entry_get_new_title      (EvidentRevisionEntry *self);
const char          *evident_revision_entry_get_old_chapter    (EvidentRevisionEntry *self);
const char          *evident_revision_entry_get_new_chapter    (EvidentRevisionEntry *self);
const EvidentChecklistEntry *evident_revision_entry_get_new_entry (EvidentRevisionEntry *self);
double               evident_revision_entry_get_similarity     (EvidentRevisionEntry *self);
gboolean             evident_revision_entry_get_manual         (EvidentRevisionEntry *self);
gboolean             evident_revision_entry_get_carried        (EvidentRevisionEntry *self);
EvidentStatus        evident_revision_entry_get_status_before  (EvidentRevisionEntry *self);
EvidentStatus        evident_revision_entry_get_status_after   (EvidentRevisionEntry *self);
gboolean             evident_revision_entry_get_recheck        (EvidentRevisionEntry *self);
EvidentStatus        evident_revision_entry_get_recheck_status (EvidentRevisionEntry *self);
const char          *evident_revision_entry_get_text           (EvidentRevisionEntry *self,
                                                                EvidentRevisionPart   part,
                                                                gboolean              new_version);
GArray              *evident_revision_entry_get_diff           (EvidentRevisionEntry *self,
                                                                EvidentRevisionPart   part);

G_END_DECLS
