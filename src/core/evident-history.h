/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The history of a project: every edit, of an item or of its evidence, is
 * one transaction with one row in `changes` and one row per field in
 * `history`; undo and redo apply the inverse as changes of their own.
 * Private to the core: EvidentProject drives it and keeps the objects in
 * step, the evidence store edits evidence through it. */

#include "evident-db.h"
#include "evident-project.h"

G_BEGIN_DECLS

/* What a change's state in the file says (see evident-schema.c). */
typedef enum
{
  EVIDENT_CHANGE_DONE,       /* undoable */
  EVIDENT_CHANGE_UNDONE,     /* redoable */
  EVIDENT_CHANGE_DROPPED,    /* undone, and a newer edit dropped its redo */
  EVIDENT_CHANGE_FINAL,      /* done, its evidence deleted for good: not undoable */
} EvidentChangeState;

/* The kinds of change on the undo stack, as SQL: edits, and revisions of
 * the checklist (evident-revision-store.c undoes and redoes those). */
#define EVIDENT_HISTORY_UNDOABLE_KINDS "('edit', 'revision')"

/**
 * EvidentEdit:
 * @item: the item, also for an edit of its evidence; %NULL for an item
 *   that has no object (one a revision adds), named by @item_id
 * @evidence: the evidence row, for the evidence fields; 0 for the item's
 * @field: which field
 * @old_value: what it held
 * @new_value: what it holds after the edit
 *
 * @item_id: the item's row, when @item is %NULL
 *
 * One field's change. For %EVIDENT_ITEM_FIELD_EVIDENCE, a value is the
 * evidence's title while it is part of the item, "" while it is removed.
 * %EVIDENT_ITEM_FIELD_REVISION writes nothing: the revision did.
 */
typedef struct
{
  EvidentItem      *item;
  gint64            evidence;
  EvidentItemField  field;
  char             *old_value;
  char             *new_value;
  gint64            item_id;
} EvidentEdit;

/* Runs inside the edit's transaction, before its fields are written: e.g.
 * inserts the evidence row an addition is about, and sets the edits'
 * evidence id. */
typedef gboolean (*EvidentEditPrepareFunc) (EvidentDb  *db,
                                            GArray     *edits,
                                            gpointer    user_data,
                                            GError    **error);

GArray    *evident_edits_new                (void);
gint64     evident_edit_get_item_id         (const EvidentEdit      *edit);
void       evident_edits_add                (GArray                 *edits,
                                             EvidentItem            *item,
                                             gint64                  evidence,
                                             EvidentItemField        field,
                                             const char             *old_value,
                                             const char             *new_value);

gboolean   evident_edit_normalize           (EvidentItem            *item,
                                             EvidentItemField        field,
                                             const char             *value,
                                             char                  **normalized,
                                             GError                **error);

gboolean   evident_history_commit           (EvidentDb              *db,
                                             const char             *kind,
                                             GArray                 *edits,
                                             gint64                  target,
                                             EvidentChangeState      target_state,
                                             EvidentEditPrepareFunc  prepare,
                                             gpointer                prepare_data,
                                             GError                **error);
gboolean   evident_history_write_fields     (EvidentDb              *db,
                                             GArray                 *edits,
                                             GError                **error);
gboolean   evident_history_find_target      (EvidentDb              *db,
                                             gboolean                undo,
                                             gint64                 *change,
                                             GError                **error);
gboolean   evident_history_load_rows        (EvidentDb              *db,
                                             GHashTable             *items_by_id,
                                             gint64                  change,
                                             gboolean                undo,
                                             GArray                 *edits,
                                             GError                **error);
gboolean   evident_history_load_inverse     (EvidentDb              *db,
                                             GHashTable             *items_by_id,
                                             gint64                  change,
                                             gboolean                undo,
                                             GArray                 *edits,
                                             GError                **error);
void       evident_history_get_undo_state   (EvidentDb              *db,
                                             gboolean               *can_undo,
                                             gboolean               *can_redo);
GPtrArray *evident_history_list             (EvidentDb              *db,
                                             EvidentItem            *item,
                                             GError                **error);
gboolean   evident_history_finalize_evidence (EvidentDb             *db,
                                             gint64                  evidence,
                                             GError                **error);

char      *evident_history_now              (void);

G_END_DECLS
