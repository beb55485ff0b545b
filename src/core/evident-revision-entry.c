/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One row of a revision's plan: an old item, a new one, or both, what
 * became of it, and what it will be. Immutable: the plan makes new entries
 * whenever the pairing changes. */

#include "config.h"

#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-revision-private.h"

struct _EvidentRevisionEntry
{
  GObject                      parent_instance;

  EvidentRevisionRelation      relation;
  EvidentItem                 *old_item;  /* nullable */
  /* The old item as it was when the plan was made: applying the revision
   * changes the item itself. */
  char                        *old_texts[EVIDENT_REVISION_PART_EVIDENCE + 1];
  char                        *old_ref;
  char                        *old_chapter;
  EvidentStatus                status_before;
  const EvidentChecklistEntry *new_entry; /* nullable; the import's, which the plan holds */
  double                       similarity;
  gboolean                     manual;
  gboolean                     carried;
  EvidentStatus                status_after;
  gboolean                     recheck;
  EvidentStatus                recheck_status;

  GArray                      *diffs[EVIDENT_REVISION_PART_EVIDENCE + 1];
};

G_DEFINE_FINAL_TYPE (EvidentRevisionEntry, evident_revision_entry, G_TYPE_OBJECT)

static void
evident_revision_entry_finalize (GObject *object)
{
  EvidentRevisionEntry *self = EVIDENT_REVISION_ENTRY (object);

  g_clear_object (&self->old_item);
  g_clear_pointer (&self->old_ref, g_free);
  g_clear_pointer (&self->old_chapter, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->diffs); i++)
    {
      g_clear_pointer (&self->old_texts[i], g_free);
      g_clear_pointer (&self->diffs[i], g_array_unref);
    }

  G_OBJECT_CLASS (evident_revision_entry_parent_class)->finalize (object);
}

static void
evident_revision_entry_class_init (EvidentRevisionEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = evident_revision_entry_finalize;
}

static void
evident_revision_entry_init (EvidentRevisionEntry *self)
{
}

/* For the plan: @new_entry must outlive the entry; @recheck is the status
 * a flagged item had, %NULL when not flagged. */
EvidentRevisionEntry *
evident_revision_entry_new (EvidentItem                 *old_item,
                            const EvidentChecklistEntry *new_entry,
                            const EvidentMatchResult    *result,
                            EvidentStatus                status_after,
                            const char                  *recheck,
                            gboolean                     carried)
{
  EvidentRevisionEntry *self = g_object_new (EVIDENT_TYPE_REVISION_ENTRY, NULL);

  self->relation = result->relation;
  if (old_item != NULL)
    {
      self->old_item = g_object_ref (old_item);
      self->old_ref = g_strdup (evident_item_get_ref (old_item));
      self->old_chapter = g_strdup (evident_item_get_chapter (old_item));
      self->old_texts[EVIDENT_REVISION_PART_TITLE] = g_strdup (evident_item_get_title (old_item));
      self->old_texts[EVIDENT_REVISION_PART_REQUIREMENT] = g_strdup (
          evident_item_get_requirement (old_item));
      self->old_texts[EVIDENT_REVISION_PART_EVIDENCE] = g_strdup (
          evident_item_get_evidence_hint (old_item));
      self->status_before = evident_item_get_status (old_item);
    }
  self->new_entry = new_entry;
  self->similarity = result->similarity;
  self->manual = result->manual;
  self->status_after = status_after;
  self->recheck = recheck != NULL;
  self->recheck_status = EVIDENT_STATUS_NOT_STARTED;
  if (recheck != NULL)
    evident_status_from_string (recheck, &self->recheck_status);
  self->carried = carried;
  return self;
}

/**
 * evident_revision_entry_get_relation:
 *
 * Returns: what became of the item. An entry with both an old and a new
 *   item is a pair (unchanged, moved, reworded), a part split from the old
 *   item (split: the new one), or an old item merged into the new one
 *   (merged: the old one); with one of them, a new or a removed item.
 */
EvidentRevisionRelation
evident_revision_entry_get_relation (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), EVIDENT_REVISION_NEW);
  return self->relation;
}

/**
 * evident_revision_entry_get_old_item:
 *
 * Returns: (transfer none) (nullable): the project's item (once the
 *   revision is applied, it is the new version's item, or archived); %NULL
 *   for a new item. The entry's other getters tell of the old item as it
 *   was when the plan was made.
 */
EvidentItem *
evident_revision_entry_get_old_item (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), NULL);
  return self->old_item;
}

/**
 * evident_revision_entry_get_old_ref:
 *
 * Returns: (nullable): the old item's reference, %NULL for a new item
 */
const char *
evident_revision_entry_get_old_ref (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), NULL);
  return self->old_ref;
}

/**
 * evident_revision_entry_get_new_ref:
 *
 * Returns: (nullable): the new item's reference, %NULL for a removed item
 */
const char *
evident_revision_entry_get_new_ref (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), NULL);
  return self->new_entry != NULL ? self->new_entry->ref : NULL;
}

const char *
evident_revision_entry_get_old_title (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), NULL);
  return self->old_texts[EVIDENT_REVISION_PART_TITLE];
}

const char *
evident_revision_entry_get_new_title (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), NULL);
  return self->new_entry != NULL ? self->new_entry->title : NULL;
}

const char *
evident_revision_entry_get_old_chapter (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), NULL);
  return self->old_chapter;
}

const char *
evident_revision_entry_get_new_chapter (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), NULL);
  return self->new_entry != NULL ? self->new_entry->chapter : NULL;
}

/**
 * evident_revision_entry_get_new_entry:
 *
 * Returns: (transfer none) (nullable): the new item as the file has it
 *   (points, mandatory, section, extra fields…); %NULL for a removed item
 */
const EvidentChecklistEntry *
evident_revision_entry_get_new_entry (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), NULL);
  return self->new_entry;
}

/**
 * evident_revision_entry_get_similarity:
 *
 * Returns: how similar the old and the new item are, from 0 to 1 (see
 *   evident-revision-match.h); 0 for a new or removed item
 */
double
evident_revision_entry_get_similarity (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), 0.0);
  return self->similarity;
}

/**
 * evident_revision_entry_get_manual:
 *
 * Returns: whether the pair was made by hand (evident_revision_pair())
 */
gboolean
evident_revision_entry_get_manual (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), FALSE);
  return self->manual;
}

/**
 * evident_revision_entry_get_carried:
 *
 * Returns: whether the new item gets the work of old items (its status,
 *   owner, notes, evidence…): pairs, split parts and items others were
 *   merged into
 */
gboolean
evident_revision_entry_get_carried (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), FALSE);
  return self->carried;
}

/**
 * evident_revision_entry_get_status_before:
 *
 * Returns: the old item's status; not started for a new item
 */
EvidentStatus
evident_revision_entry_get_status_before (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), EVIDENT_STATUS_NOT_STARTED);
  return self->status_before;
}

/**
 * evident_revision_entry_get_status_after:
 *
 * Returns: the new item's status once the revision is applied; for an old
 *   item that leaves (merged, removed), its status in the archive
 */
EvidentStatus
evident_revision_entry_get_status_after (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), EVIDENT_STATUS_NOT_STARTED);
  return self->status_after;
}

/**
 * evident_revision_entry_get_recheck:
 *
 * Returns: whether the new item will be flagged "needs re-check": ready
 *   until someone confirms it, because its text changed while it was met
 *   or ready
 */
gboolean
evident_revision_entry_get_recheck (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), FALSE);
  return self->recheck;
}

/**
 * evident_revision_entry_get_recheck_status:
 *
 * Returns: the status a flagged item had (met or ready, from the old item
 *   whose status it carries); not started when not flagged
 */
EvidentStatus
evident_revision_entry_get_recheck_status (EvidentRevisionEntry *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), EVIDENT_STATUS_NOT_STARTED);
  return self->recheck_status;
}

/**
 * evident_revision_entry_get_text:
 * @part: which text
 * @new_version: the new item's (else the old one's)
 *
 * Returns: (nullable): the text, %NULL where there is no such item
 */
const char *
evident_revision_entry_get_text (EvidentRevisionEntry *self,
                                 EvidentRevisionPart   part,
                                 gboolean              new_version)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), NULL);
  g_return_val_if_fail (part <= EVIDENT_REVISION_PART_EVIDENCE, NULL);

  if (new_version)
    {
      if (self->new_entry == NULL)
        return NULL;
      switch (part)
        {
        case EVIDENT_REVISION_PART_TITLE:
          return self->new_entry->title;
        case EVIDENT_REVISION_PART_REQUIREMENT:
          return self->new_entry->requirement;
        case EVIDENT_REVISION_PART_EVIDENCE:
        default:
          return self->new_entry->evidence;
        }
    }
  return self->old_texts[part];
}

/**
 * evident_revision_entry_get_diff:
 * @part: which text
 *
 * The word diff of the old item's text and the new one's: runs of equal,
 * deleted and inserted words (evident_text_word_diff()), for showing a
 * rewording. A new item's text is all inserted, a removed one's all
 * deleted. Made on first use, then kept.
 *
 * Returns: (transfer none) (element-type EvidentDiffSpan): the runs
 */
GArray *
evident_revision_entry_get_diff (EvidentRevisionEntry *self,
                                 EvidentRevisionPart   part)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ENTRY (self), NULL);
  g_return_val_if_fail (part <= EVIDENT_REVISION_PART_EVIDENCE, NULL);

  if (self->diffs[part] == NULL)
    self->diffs[part] = evident_text_word_diff (evident_revision_entry_get_text (self, part, FALSE),
                                                evident_revision_entry_get_text (self, part, TRUE));
  return self->diffs[part];
}
