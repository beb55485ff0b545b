/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Texts compared as people read them: normalised, in words, by edit
 * distance, and as a word diff. Pure: no database, no objects. */

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * EvidentDiffOp:
 * @EVIDENT_DIFF_EQUAL: words both texts have
 * @EVIDENT_DIFF_DELETE: words only the old text has
 * @EVIDENT_DIFF_INSERT: words only the new text has
 */
typedef enum
{
  EVIDENT_DIFF_EQUAL,  /*< nick=equal >*/
  EVIDENT_DIFF_DELETE, /*< nick=delete >*/
  EVIDENT_DIFF_INSERT, /*< nick=insert >*/
} EvidentDiffOp;

/**
 * EvidentDiffSpan:
 * @op: whether the words are in both texts, only the old or only the new
 * @text: the words as the text writes them (the new text's spelling for
 *   equal words), joined by single spaces
 *
 * A run of words of a word diff. Consecutive spans differ in @op; a
 * deletion comes before the insertion that replaces it.
 */
typedef struct
{
  EvidentDiffOp  op;
  char          *text;
} EvidentDiffSpan;

/**
 * EvidentTextPattern:
 *
 * A short text (a title) prepared for many edit distances against others.
 */
typedef struct _EvidentTextPattern EvidentTextPattern;

char               *evident_text_normalize           (const char               *text);
char               *evident_text_normalize_word      (const char               *word);

EvidentTextPattern *evident_text_pattern_new         (const char               *text);
void                evident_text_pattern_free        (EvidentTextPattern       *pattern);
guint               evident_text_pattern_get_length  (const EvidentTextPattern *pattern);
guint               evident_text_pattern_distance    (const EvidentTextPattern *pattern,
                                                      const EvidentTextPattern *text);
guint               evident_text_edit_distance       (const char               *a,
                                                      const char               *b);
double              evident_text_edit_similarity     (const char               *a,
                                                      const char               *b);

GArray             *evident_text_word_diff           (const char               *old_text,
                                                      const char               *new_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentTextPattern, evident_text_pattern_free)

G_END_DECLS
