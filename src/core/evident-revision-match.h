/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Which item of a checklist's new version is which item of the old one:
 * identity across versions is by text, matched one to one optimally.
 * Pure: no database, no objects.
 *
 * Each item is normalised (evident_text_normalize(): Unicode NFKC, case
 * folded, bullets, punctuation, list numbers and the Mandatory/Recommended
 * line dropped, white space collapsed). The similarity of an old and a new
 * item, from 0 to 1, is
 *
 *   0.3 × T + 0.4 × W + 0.3 × S
 *
 * T: the titles' edit similarity (1 − Levenshtein distance over the longer
 *    title's length, in characters);
 * W: the Dice coefficient (2 |A ∩ B| / (|A| + |B|)) of the items' word
 *    sets, title and text together;
 * S: the Dice coefficient of the texts' word pairs (shingles of two words;
 *    of the title when an item has no text).
 *
 * Items whose normalised title and text are equal are pinned to each other
 * first (among several, the one with the same reference, then the same
 * chapter). The rest are paired one to one so that the sum of
 * (similarity − %EVIDENT_REVISION_REWORD_THRESHOLD) over the pairs is
 * largest, among pairs at least that similar: the assignment problem,
 * solved exactly per group of items that resemble each other
 * (evident_assignment_solve()); a greedy pairing would let an item steal
 * the partner of a better pair. Subtracting the threshold makes one close
 * pair worth more than two barely similar ones. The same reference, then
 * the same chapter, only break ties.
 *
 * An old item left over whose words are mostly (%EVIDENT_REVISION_PART_CONTAINMENT,
 * and at least %EVIDENT_REVISION_PART_MIN_WORDS words) in a new item was
 * merged into it; a new item left over whose words are mostly in an old
 * item was split from it. The rest are removed and new.
 *
 * The thresholds follow git's rename detection (50 % similar is the same
 * file, rewritten), tuned on the fixtures of tests/test-revision.c: a
 * light rewording scores about 0.9, a heavy one (the title kept, half the
 * words changed) about 0.6, unrelated items of the same checklist 0.1 to
 * 0.3.
 */

#include <glib-object.h>

G_BEGIN_DECLS

#define EVIDENT_REVISION_REWORD_THRESHOLD   0.5
#define EVIDENT_REVISION_PART_CONTAINMENT   0.6
#define EVIDENT_REVISION_PART_MIN_WORDS     3

/**
 * EvidentRevisionRelation:
 * @EVIDENT_REVISION_UNCHANGED: the same text, reference and chapter
 * @EVIDENT_REVISION_MOVED: the same text under another reference or chapter
 * @EVIDENT_REVISION_REWORDED: a similar text: the same item, reworded
 * @EVIDENT_REVISION_SPLIT: a new item that is part of an old one (which
 *   may be carried by another new item too)
 * @EVIDENT_REVISION_MERGED: an old item that became part of a new one
 *   (which may carry another old item too)
 * @EVIDENT_REVISION_NEW: a new item like no old one
 * @EVIDENT_REVISION_REMOVED: an old item like no new one
 *
 * What became of an item across a revision. The nick of each value is its
 * name in JSON and in the project's record of the revision.
 */
typedef enum
{
  EVIDENT_REVISION_UNCHANGED, /*< nick=unchanged >*/
  EVIDENT_REVISION_MOVED,     /*< nick=moved >*/
  EVIDENT_REVISION_REWORDED,  /*< nick=reworded >*/
  EVIDENT_REVISION_SPLIT,     /*< nick=split >*/
  EVIDENT_REVISION_MERGED,    /*< nick=merged >*/
  EVIDENT_REVISION_NEW,       /*< nick=new >*/
  EVIDENT_REVISION_REMOVED,   /*< nick=removed >*/
} EvidentRevisionRelation;

#define EVIDENT_N_REVISION_RELATIONS (EVIDENT_REVISION_REMOVED + 1)

/**
 * EvidentMatchInput:
 * @ref: the item's reference
 * @chapter: its chapter's number
 * @title: its title
 * @text: what else it says: the requirement and the expected evidence
 *
 * An item as the matching sees it; the strings belong to the caller.
 */
typedef struct
{
  const char *ref;
  const char *chapter;
  const char *title;
  const char *text;
} EvidentMatchInput;

/**
 * EvidentMatchResult:
 * @relation: what became of the item
 * @partner: the item on the other side: the pair's partner (unchanged,
 *   moved, reworded), the new item an old one was merged into, the old
 *   item a new one was split from; -1 for new and removed items
 * @similarity: the similarity with @partner, 0 without one
 * @manual: the pair was made by hand (evident_revision_match_pair())
 */
typedef struct
{
  EvidentRevisionRelation relation;
  int                     partner;
  double                  similarity;
  gboolean                manual;
} EvidentMatchResult;

typedef struct _EvidentRevisionMatch EvidentRevisionMatch;

EvidentRevisionMatch     *evident_revision_match_new         (const EvidentMatchInput *old_items,
                                                              guint                    n_old,
                                                              const EvidentMatchInput *new_items,
                                                              guint                    n_new);
void                      evident_revision_match_free        (EvidentRevisionMatch    *self);

guint                     evident_revision_match_get_n_old   (EvidentRevisionMatch    *self);
guint                     evident_revision_match_get_n_new   (EvidentRevisionMatch    *self);
double                    evident_revision_match_similarity  (EvidentRevisionMatch    *self,
                                                              guint                    old_index,
                                                              guint                    new_index);
double                    evident_revision_match_containment (EvidentRevisionMatch    *self,
                                                              guint                    old_index,
                                                              guint                    new_index,
                                                              gboolean                 old_in_new);
gboolean                  evident_revision_match_same_text   (EvidentRevisionMatch    *self,
                                                              guint                    old_index,
                                                              guint                    new_index);

void                      evident_revision_match_pair        (EvidentRevisionMatch    *self,
                                                              guint                    old_index,
                                                              guint                    new_index);
void                      evident_revision_match_unpair      (EvidentRevisionMatch    *self,
                                                              guint                    old_index);
void                      evident_revision_match_reset       (EvidentRevisionMatch    *self);
void                      evident_revision_match_run         (EvidentRevisionMatch    *self);

const EvidentMatchResult *evident_revision_match_get_old     (EvidentRevisionMatch    *self,
                                                              guint                    old_index);
const EvidentMatchResult *evident_revision_match_get_new     (EvidentRevisionMatch    *self,
                                                              guint                    new_index);

const char *evident_revision_relation_to_string   (EvidentRevisionRelation  relation);
gboolean    evident_revision_relation_from_string (const char              *string,
                                                   EvidentRevisionRelation *relation);
const char *evident_revision_relation_get_label   (EvidentRevisionRelation  relation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentRevisionMatch, evident_revision_match_free)

G_END_DECLS
