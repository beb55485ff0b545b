/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What a project keeps of the checklist versions it has been on: each
 * version with the mapping from the one before, the items revisions took
 * out of the checklist (the archive), and their evidence put back on an
 * item of the checklist. */

#include <gio/gio.h>

#include "evident-evidence.h"
#include "evident-revision-match.h"
#include "evident-types.h"

G_BEGIN_DECLS

/**
 * EvidentVersionMapping:
 * @relation: what became of the item
 * @old_ref: (nullable): its reference in the version before, %NULL for a
 *   new item
 * @new_ref: (nullable): its reference in this version (for a merged item,
 *   the item it went into), %NULL for a removed item
 * @similarity: how similar the texts were, from 0 to 1
 * @manual: paired by hand
 */
typedef struct
{
  EvidentRevisionRelation  relation;
  char                    *old_ref;
  char                    *new_ref;
  double                   similarity;
  gboolean                 manual;
} EvidentVersionMapping;

/**
 * EvidentChecklistVersion:
 * @id: the version's row
 * @label: its label ("4.2"), "" when unknown
 * @applied_at: (nullable): when the project moved to it (created, for the
 *   first), %NULL when unknown
 * @file_name: the checklist file's name, "" when unknown
 * @mode: the project's scoring mode on it
 * @n_items: its number of items
 * @current: whether the project is on it
 * @counts: how many items of each relation the mapping holds
 * @mapping: (element-type EvidentVersionMapping): what became of each item
 *   of the version before; empty for the first version
 */
typedef struct
{
  gint64      id;
  char       *label;
  GDateTime  *applied_at;
  char       *file_name;
  EvidentScoreMode mode;
  guint       n_items;
  gboolean    current;
  guint       counts[EVIDENT_N_REVISION_RELATIONS];
  GPtrArray  *mapping;
} EvidentChecklistVersion;

/**
 * EvidentArchivedEvidence:
 * @id: the evidence's row (for evident_project_reattach_evidence())
 * @title: its title
 * @kind: its kind
 * @filename: (nullable): a file's name
 * @url: (nullable): a link's address
 * @sha256: (nullable): a file's SHA-256
 */
typedef struct
{
  gint64               id;
  char                *title;
  EvidentEvidenceKind  kind;
  char                *filename;
  char                *url;
  char                *sha256;
} EvidentArchivedEvidence;

/**
 * EvidentArchivedItem:
 * @id: the item's row
 * @ref: its reference in the last version it was in
 * @chapter: its chapter there
 * @title: its title there
 * @version: that version's label
 * @removed_in: the label of the version that took it out
 * @relation: removed, or merged into @merged_into
 * @merged_into: (nullable): the item it went into
 * @status: its status, as it was left
 * @owner: (nullable): its owner
 * @reason: (nullable): why it was not applicable
 * @note: (nullable): its notes
 * @response: (nullable): its response
 * @evidence: (element-type EvidentArchivedEvidence): its evidence
 *
 * An item a revision took out of the checklist, with its work.
 */
typedef struct
{
  gint64                   id;
  char                    *ref;
  char                    *chapter;
  char                    *title;
  char                    *version;
  char                    *removed_in;
  EvidentRevisionRelation  relation;
  char                    *merged_into;
  EvidentStatus            status;
  char                    *owner;
  char                    *reason;
  char                    *note;
  char                    *response;
  GPtrArray               *evidence;
} EvidentArchivedItem;

void       evident_checklist_version_free      (EvidentChecklistVersion *version);
void       evident_archived_item_free          (EvidentArchivedItem     *item);

GPtrArray *evident_project_list_versions       (EvidentProject          *self,
                                                GError                 **error);
GPtrArray *evident_project_list_archive        (EvidentProject          *self,
                                                GError                 **error);
gboolean   evident_project_reattach_evidence   (EvidentProject          *self,
                                                gint64                   evidence_id,
                                                EvidentItem             *item,
                                                GError                 **error);
gboolean   evident_project_confirm_item        (EvidentProject          *self,
                                                EvidentItem             *item,
                                                const char              *status,
                                                GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentChecklistVersion, evident_checklist_version_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentArchivedItem, evident_archived_item_free)

G_END_DECLS
