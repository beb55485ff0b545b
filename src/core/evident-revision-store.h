/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The checklist versions a project has been on, in its file: each version's
 * items as they were, the mapping from the version before, and making a
 * version the project's checklist (materialising it) for a revision, its
 * undo and its redo. Private to the core; every function but the first
 * two runs inside a write transaction. */

#include "evident-db.h"
#include "evident-import.h"
#include "evident-revision-match.h"

G_BEGIN_DECLS

/* The first schema version with checklist versions (evident-schema.c, 6 → 7). */
#define EVIDENT_REVISION_SCHEMA_VERSION 7

/* Items no longer in the checklist keep their rows; their reference is this
 * prefix and their id, which no checklist file can hold. */
#define EVIDENT_REVISION_RETIRED_PREFIX "\x1f"

/**
 * EvidentRevisionSwitch:
 * @change: a revision (a change of kind "revision")
 * @undo: whether it is being undone (else redone)
 *
 * What evident_revision_store_switch() does, as its prepare data.
 */
typedef struct
{
  gint64   change;
  gboolean undo;
} EvidentRevisionSwitch;

/**
 * EvidentVersionRow:
 * @label: the version's label ("4.2"), "" if none
 * @source: the checklist file's name
 * @layout: (nullable): the layout the import found (a nick)
 * @mapping: (nullable): the mapping of its first sheet, as `--map` takes it
 * @mode: the project's scoring mode on this version
 * @workbook_id: the kept workbook, 0 for none (a CSV file)
 * @previous_id: the version before
 * @change_id: the revision's change
 */
typedef struct
{
  const char       *label;
  const char       *source;
  const char       *layout;
  const char       *mapping;
  EvidentScoreMode  mode;
  gint64            workbook_id;
  gint64            previous_id;
  gint64            change_id;
} EvidentVersionRow;

/**
 * EvidentItemState:
 *
 * An item's state as a revision writes it into a new item's row. Strings
 * may be %NULL or "" for none.
 */
typedef struct
{
  EvidentStatus      status;
  const char        *recheck;
  const char        *owner;
  const char        *owner_email;
  EvidentComplexity  complexity;
  const char        *reason;
  const char        *note;
  const char        *due;
  const char        *response;
  const char        *estimate;
} EvidentItemState;

/**
 * EvidentEvidenceCopy:
 * @id: the new evidence row
 * @title: its title
 *
 * A piece of evidence a revision copied from one item to another.
 */
typedef struct
{
  gint64  id;
  char   *title;
} EvidentEvidenceCopy;

GArray  *evident_evidence_copies_new           (void);

gboolean evident_revision_store_record_initial (EvidentDb                   *db,
                                                GError                     **error);
gboolean evident_revision_store_is_revision    (EvidentDb                   *db,
                                                gint64                       change);
gint64   evident_revision_store_get_current    (EvidentDb                   *db,
                                                GError                     **error);
gboolean evident_revision_store_list_evidence  (EvidentDb                   *db,
                                                GArray                      *item_ids,
                                                GArray                      *evidence,
                                                GError                     **error);

gint64   evident_revision_store_last_change    (EvidentDb                   *db,
                                                GError                     **error);
gint64   evident_revision_store_add_version    (EvidentDb                   *db,
                                                const EvidentVersionRow     *row,
                                                GError                     **error);
gint64   evident_revision_store_add_item       (EvidentDb                   *db,
                                                const EvidentItemState      *state,
                                                GError                     **error);
gboolean evident_revision_store_add_version_item (EvidentDb                 *db,
                                                gint64                       version_id,
                                                gint64                       item_id,
                                                guint                        position,
                                                const EvidentChecklistEntry *entry,
                                                GError                     **error);
gboolean evident_revision_store_add_mapping    (EvidentDb                   *db,
                                                gint64                       version_id,
                                                gint64                       old_item_id,
                                                gint64                       new_item_id,
                                                const char                  *old_ref,
                                                const char                  *new_ref,
                                                EvidentRevisionRelation      relation,
                                                double                       similarity,
                                                gboolean                     manual,
                                                GError                     **error);
gboolean evident_revision_store_copy_one_evidence (EvidentDb               *db,
                                                gint64                       evidence_id,
                                                gint64                       to_item_id,
                                                gboolean                     hidden,
                                                EvidentEvidenceCopy         *copy,
                                                GError                     **error);
gboolean evident_revision_store_copy_evidence  (EvidentDb                   *db,
                                                gint64                       from_item_id,
                                                gint64                       to_item_id,
                                                gboolean                     hidden,
                                                GArray                      *copies,
                                                GError                     **error);
gboolean evident_revision_store_materialize    (EvidentDb                   *db,
                                                gint64                       version_id,
                                                GError                     **error);
gboolean evident_revision_store_switch         (EvidentDb                   *db,
                                                GArray                      *edits,
                                                gpointer                     data,
                                                GError                     **error);

G_END_DECLS
