/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "evident-chapter.h"
#include "evident-enums-util.h"
#include "evident-item-private.h"
#include "evident-scoring-private.h"

static void
chapter_score_clear (gpointer data)
{
  EvidentChapterScore *chapter = data;

  g_clear_pointer (&chapter->number, g_free);
  g_clear_pointer (&chapter->title, g_free);
}

static guint
add_chapter (GArray     *chapters,
             GHashTable *index,
             const char *number,
             const char *title)
{
  EvidentChapterScore chapter = { 0 };

  chapter.number = g_strdup (number);
  chapter.title = g_strdup (title ? title : "");
  g_array_append_val (chapters, chapter);
  g_hash_table_insert (index, g_strdup (number), GUINT_TO_POINTER (chapters->len));

  return chapters->len - 1;
}

typedef struct
{
  EvidentItem *item;
  gint64       at_risk;
  guint        position;
} RiskEntry;

static int
compare_risk (gconstpointer a,
              gconstpointer b)
{
  const RiskEntry *ra = a;
  const RiskEntry *rb = b;

  if (ra->at_risk != rb->at_risk)
    return ra->at_risk > rb->at_risk ? -1 : 1;
  return ra->position < rb->position ? -1 : ra->position > rb->position;
}

/* Orders @risks by points at risk, largest first, then checklist order, into
 * @at_risk. Points at risk span a small range (points plus a penalty), so a
 * counting sort does it in linear time; a general sort handles the rest. */
static void
sort_risks (GArray    *risks,
            GPtrArray *at_risk)
{
  g_autofree guint *starts = NULL;
  gint64 lowest = G_MAXINT64;
  gint64 highest = G_MININT64;
  guint64 range;

  if (risks->len == 0)
    return;

  for (guint i = 0; i < risks->len; i++)
    {
      gint64 value = g_array_index (risks, RiskEntry, i).at_risk;

      lowest = MIN (lowest, value);
      highest = MAX (highest, value);
    }

  range = (guint64) (highest - lowest) + 1;
  if (range > 4 * (guint64) risks->len + 4096)
    {
      g_array_sort (risks, compare_risk);
      for (guint i = 0; i < risks->len; i++)
        g_ptr_array_add (at_risk, g_object_ref (g_array_index (risks, RiskEntry, i).item));
      return;
    }

  /* starts[k]: where the items with (highest - k) points at risk begin. */
  starts = g_new0 (guint, range + 1);
  for (guint i = 0; i < risks->len; i++)
    starts[highest - g_array_index (risks, RiskEntry, i).at_risk + 1]++;
  for (gsize k = 1; k <= range; k++)
    starts[k] += starts[k - 1];

  g_ptr_array_set_size (at_risk, risks->len);
  for (guint i = 0; i < risks->len; i++)
    {
      const RiskEntry *risk = &g_array_index (risks, RiskEntry, i);

      g_ptr_array_index (at_risk, starts[highest - risk->at_risk]++) = g_object_ref (risk->item);
    }
}

/**
 * evident_score_compute:
 * @rules: the checklist's rules
 * @chapters: (nullable): the checklist's chapters (#EvidentChapter), to get
 *   their order and titles
 * @items: the items (#EvidentItem), in checklist order
 *
 * Computes the score of every view, the per-chapter numbers and the items at
 * risk, following the normative rules of DESIGN.md.
 *
 * Returns: (transfer full): the score
 */
EvidentScore *
evident_score_compute (const EvidentRules *rules,
                       GListModel         *chapters,
                       GListModel         *items)
{
  g_autoptr (GPtrArray) array = NULL;
  guint n_items;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  n_items = g_list_model_get_n_items (items);
  array = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));

  return evident_score_compute_array (rules, chapters, (EvidentItem **) array->pdata, n_items);
}

/* The work of evident_score_compute(), over a plain array: the project
 * scores its items after every edit. */
EvidentScore *
evident_score_compute_array (const EvidentRules *rules,
                             GListModel         *chapters,
                             EvidentItem       **items,
                             guint               n_items)
{
  return evident_score_compute_with_statuses (rules, chapters, items, NULL, n_items);
}

/**
 * evident_score_compute_with_statuses:
 * @rules: the checklist's rules
 * @chapters: (nullable): the checklist's chapters, as for evident_score_compute()
 * @items: (array length=n_items): the items, in checklist order
 * @statuses: (array length=n_items) (nullable): the status to score each
 *   item with in place of its own; %NULL scores the items as they are
 * @n_items: the number of @items
 *
 * The score as it would be if each item had the status @statuses gives
 * it: what a what-if scenario and a plan show, by the very rules of the
 * real score, without copying or changing an item. The items at risk are
 * those not counted in the projected view with these statuses.
 *
 * This loop reads fields directly, for 10,000 items after every edit, and
 * looks a chapter up only when it changes from one item to the next.
 *
 * Returns: (transfer full): the score
 */
EvidentScore *
evident_score_compute_with_statuses (const EvidentRules  *rules,
                                     GListModel          *chapters,
                                     EvidentItem *const  *items,
                                     const EvidentStatus *statuses,
                                     guint                n_items)
{
  g_autoptr (GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) risks = NULL;
  EvidentScore *score;
  gint64 points_counted[EVIDENT_N_VIEWS] = { 0 };
  const char *last_number = NULL;
  gboolean counts[EVIDENT_N_STATUSES][EVIDENT_N_VIEWS];
  guint c = 0;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (items != NULL || n_items == 0, NULL);

  for (guint st = 0; st < EVIDENT_N_STATUSES; st++)
    for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
      counts[st][v] = evident_status_counts_in (st, v);

  score = g_new0 (EvidentScore, 1);
  score->rules = *rules;
  score->chapters = g_array_new (FALSE, TRUE, sizeof (EvidentChapterScore));
  g_array_set_clear_func (score->chapters, chapter_score_clear);
  score->at_risk = g_ptr_array_new_with_free_func (g_object_unref);

  if (chapters != NULL)
    {
      guint n_chapters = g_list_model_get_n_items (chapters);

      for (guint i = 0; i < n_chapters; i++)
        {
          g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);

          add_chapter (score->chapters, index,
                       evident_chapter_get_number (chapter),
                       evident_chapter_get_title (chapter));
        }
    }

  risks = g_array_sized_new (FALSE, FALSE, sizeof (RiskEntry), n_items / 2 + 1);

  for (guint i = 0; i < n_items; i++)
    {
      EvidentItem *item = items[i];
      EvidentStatus status = statuses != NULL ? statuses[i] : item->status;
      EvidentChapterScore *chapter;
      gboolean counted[EVIDENT_N_VIEWS];

      g_assert (status < EVIDENT_N_STATUSES);

      if (last_number == NULL || strcmp (last_number, item->chapter) != 0)
        {
          gpointer slot;

          if (g_hash_table_lookup_extended (index, item->chapter, NULL, &slot))
            c = GPOINTER_TO_UINT (slot) - 1;
          else
            c = add_chapter (score->chapters, index, item->chapter, NULL);
          last_number = item->chapter;
        }
      chapter = &g_array_index (score->chapters, EvidentChapterScore, c);

      score->n_items++;
      score->max_score += item->points;
      score->n_mandatory += item->mandatory;
      chapter->n_items++;
      chapter->points += item->points;

      for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
        {
          counted[v] = counts[status][v];
          if (counted[v])
            {
              score->views[v].n_counted++;
              points_counted[v] += item->points;
              chapter->n_counted[v]++;
              chapter->points_counted[v] += item->points;
            }
          else if (item->mandatory)
            {
              score->views[v].n_mandatory_open++;
            }
        }

      if (!counted[EVIDENT_VIEW_PROJECTED])
        {
          RiskEntry risk = {
            .item = item,
            .at_risk = (gint64) item->points + (item->mandatory ? rules->mandatory_penalty : 0),
            .position = i,
          };

          if (item->mandatory)
            chapter->n_mandatory_open++;
          g_array_append_val (risks, risk);
        }
    }

  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      EvidentViewScore *view = &score->views[v];

      if (rules->mode == EVIDENT_SCORE_MODE_PASS_FAIL)
        {
          view->score = n_items > 0 ? 100.0 * view->n_counted / n_items : 0;
          view->pass = view->n_mandatory_open == 0;
        }
      else
        {
          view->score = (double) points_counted[v]
                        - (double) rules->mandatory_penalty * view->n_mandatory_open;
          view->pass = view->score >= rules->pass_score;
        }
    }

  sort_risks (risks, score->at_risk);

  return score;
}

void
evident_score_free (EvidentScore *score)
{
  if (score == NULL)
    return;

  g_clear_pointer (&score->chapters, g_array_unref);
  g_clear_pointer (&score->at_risk, g_ptr_array_unref);
  g_free (score);
}

/**
 * evident_score_format:
 * @score: a score
 * @view: which of its views
 *
 * The score of @view as people read it: whole points, or in pass-fail mode
 * the share of items counted, rounded down so that it never shows 100 %
 * before every item counts.
 *
 * Returns: (transfer full): e.g. "528" or "96 %"
 */
char *
evident_score_format (const EvidentScore *score,
                      EvidentView         view)
{
  double value;

  g_return_val_if_fail (score != NULL, NULL);
  g_return_val_if_fail (view < EVIDENT_N_VIEWS, NULL);

  value = score->views[view].score;
  if (score->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL)
    /* Translators: a score in pass-fail mode, the share of items counted */
    return g_strdup_printf (_("%d %%"), (int) floor (value));
  return g_strdup_printf ("%ld", lround (value));
}
