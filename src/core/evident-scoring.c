/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "evident-chapter.h"
#include "evident-item.h"
#include "evident-scoring.h"

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
  int          at_risk;
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
  g_autoptr (GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) risks = NULL;
  EvidentScore *score;
  int points_counted[EVIDENT_N_VIEWS] = { 0 };
  guint n_items;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

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

  n_items = g_list_model_get_n_items (items);
  risks = g_array_sized_new (FALSE, FALSE, sizeof (RiskEntry), 64);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      const char *number = evident_item_get_chapter (item);
      int points = evident_item_get_points (item);
      gboolean mandatory = evident_item_get_mandatory (item);
      EvidentChapterScore *chapter;
      gpointer slot;
      guint c;

      if (g_hash_table_lookup_extended (index, number, NULL, &slot))
        c = GPOINTER_TO_UINT (slot) - 1;
      else
        c = add_chapter (score->chapters, index, number, NULL);
      chapter = &g_array_index (score->chapters, EvidentChapterScore, c);

      score->n_items++;
      score->max_score += points;
      score->n_mandatory += mandatory;
      chapter->n_items++;
      chapter->points += points;

      for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
        {
          if (evident_item_counts_in (item, v))
            {
              score->views[v].n_counted++;
              points_counted[v] += points;
              chapter->n_counted[v]++;
              chapter->points_counted[v] += points;
            }
          else if (mandatory)
            {
              score->views[v].n_mandatory_open++;
            }
        }

      if (!evident_item_counts_in (item, EVIDENT_VIEW_PROJECTED))
        {
          RiskEntry risk = {
            .item = item,
            .at_risk = evident_item_get_points_at_risk (item, rules->mandatory_penalty),
            .position = i,
          };

          if (mandatory)
            chapter->n_mandatory_open++;
          g_array_append_val (risks, risk);
          g_steal_pointer (&item);
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

  g_array_sort (risks, compare_risk);
  for (guint i = 0; i < risks->len; i++)
    g_ptr_array_add (score->at_risk, g_array_index (risks, RiskEntry, i).item);

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
