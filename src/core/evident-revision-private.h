/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the parts of a revision share: the plan (evident-revision.c), its
 * entries (evident-revision-entry.c), and what the items carry across and
 * how that is written (evident-revision-carry.c). Private to the core. */

#include "evident-import.h"
#include "evident-revision.h"

G_BEGIN_DECLS

/**
 * EvidentRevisionInput:
 * @project: the project
 * @import: the new version's file, read
 * @old_items: (element-type EvidentItem): the project's items when the plan
 *   was made, in order: the match's old side
 * @new_entries: (element-type EvidentChecklistEntry): the import's items, in
 *   order: the match's new side
 * @match: the match, run
 * @label: the new version's label
 * @source: the new version's file name
 * @mode_after: the scoring mode the project has on the new version
 */
typedef struct
{
  EvidentProject       *project;
  EvidentImport        *import;
  GPtrArray            *old_items;
  GPtrArray            *new_entries;
  EvidentRevisionMatch *match;
  const char           *label;
  const char           *source;
  EvidentScoreMode      mode_after;
} EvidentRevisionInput;

/**
 * EvidentCarried:
 * @primary: (nullable): the old item the new one is (paired with it)
 * @others: (element-type EvidentItem): other old items whose work goes
 *   into the new one: merged into it, or split into it
 * @text_changed: the new item's text is not the old one's (reworded,
 *   split, merged)
 * @status: the status it gets
 * @recheck: (nullable): the status it had, when it is flagged "needs
 *   re-check"
 * @owner, @complexity, @reason, @note, @due, @response, @estimate: what
 *   it gets
 *
 * What a new version's item carries across from the old version.
 */
typedef struct
{
  EvidentItem       *primary;
  GPtrArray         *others;
  gboolean           text_changed;

  EvidentStatus      status;
  char              *recheck;
  char              *owner;
  char              *owner_email;
  EvidentComplexity  complexity;
  char              *reason;
  char              *note;
  char              *due;
  char              *response;
  char              *estimate;
} EvidentCarried;

void     evident_carried_compute    (EvidentCarried              *carried,
                                     const EvidentRevisionInput  *input,
                                     guint                        new_index);
void     evident_carried_clear      (EvidentCarried              *carried);

gboolean evident_revision_write     (const EvidentRevisionInput  *input,
                                     GError                     **error);

/* Entries */
EvidentRevisionEntry *evident_revision_entry_new (EvidentItem                 *old_item,
                                                  const EvidentChecklistEntry *new_entry,
                                                  const EvidentMatchResult    *result,
                                                  EvidentStatus                status_after,
                                                  const char                  *recheck,
                                                  gboolean                     carried);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EvidentCarried, evident_carried_clear)

G_END_DECLS
