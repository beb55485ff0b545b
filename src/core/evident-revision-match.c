/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Matching the items of two versions of a checklist (the header says how). */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "evident-assignment.h"
#include "evident-revision-match.h"
#include "evident-text-compare.h"

#define WEIGHT_TITLE    0.3
#define WEIGHT_WORDS    0.4
#define WEIGHT_SHINGLES 0.3

/* Similarities become whole numbers for the solver: exact, and the same
 * on every machine. Ties are broken by 2 for the same reference and 1 for
 * the same chapter, below one step of similarity. */
#define SCALE 1000000
#define TIE_STEP 4

typedef struct
{
  const char         *ref;
  const char         *chapter;
  char               *key;      /* normalised title "\n" text: equal texts */
  guint32            *words;    /* sorted word ids, title and text */
  guint               n_words;
  guint32            *shingles; /* sorted ids of word pairs */
  guint               n_shingles;
  EvidentTextPattern *title;
} Prepared;

struct _EvidentRevisionMatch
{
  Prepared           *old_items;
  guint               n_old;
  Prepared           *new_items;
  guint               n_new;

  int                *forced;    /* per old item: the new one paired by hand, or -1 */
  gboolean           *forbidden; /* per old item: unpaired by hand */

  EvidentMatchResult *old_results;
  EvidentMatchResult *new_results;
};

/* Preparing */

typedef struct
{
  GHashTable *words;    /* word → id */
  GHashTable *shingles; /* two ids → id */
} Vocabulary;

static int
compare_id (const void *a,
            const void *b)
{
  guint32 x = *(const guint32 *) a;
  guint32 y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* Sorts @ids and drops repeats; returns how many are left. */
static guint
sort_unique (guint32 *ids,
             guint    n)
{
  guint kept = 0;

  qsort (ids, n, sizeof *ids, compare_id);
  for (guint i = 0; i < n; i++)
    {
      if (kept == 0 || ids[kept - 1] != ids[i])
        ids[kept++] = ids[i];
    }
  return kept;
}

static guint32
word_id (Vocabulary *vocabulary,
         const char *word)
{
  gpointer id;

  if (!g_hash_table_lookup_extended (vocabulary->words, word, NULL, &id))
    {
      id = GUINT_TO_POINTER (g_hash_table_size (vocabulary->words));
      g_hash_table_insert (vocabulary->words, g_strdup (word), id);
    }
  return GPOINTER_TO_UINT (id);
}

static guint32
shingle_id (Vocabulary *vocabulary,
            guint32     first,
            guint32     second)
{
  guint64 key = ((guint64) first << 32) | second;
  gpointer id;

  if (!g_hash_table_lookup_extended (vocabulary->shingles, &key, NULL, &id))
    {
      id = GUINT_TO_POINTER (g_hash_table_size (vocabulary->shingles));
      g_hash_table_insert (vocabulary->shingles, g_memdup2 (&key, sizeof key), id);
    }
  return GPOINTER_TO_UINT (id);
}

static void
prepare (Prepared                *item,
         const EvidentMatchInput *input,
         Vocabulary              *vocabulary)
{
  g_autofree char *title = evident_text_normalize (input->title);
  g_autofree char *text = evident_text_normalize (input->text);
  g_auto (GStrv) title_words = g_strsplit (title, " ", -1);
  g_auto (GStrv) text_words = g_strsplit (text, " ", -1);
  char **shingled = *text != '\0' ? text_words : title_words;
  guint n_title = *title != '\0' ? g_strv_length (title_words) : 0;
  guint n_text = *text != '\0' ? g_strv_length (text_words) : 0;
  guint n_shingled = shingled == text_words ? n_text : n_title;
  g_autofree guint32 *shingled_ids = g_new (guint32, n_shingled + 1);

  item->ref = input->ref != NULL ? input->ref : "";
  item->chapter = input->chapter != NULL ? input->chapter : "";
  item->key = g_strconcat (title, "\n", text, NULL);
  item->title = evident_text_pattern_new (title);

  item->words = g_new (guint32, n_title + n_text + 1);
  for (guint i = 0; i < n_title; i++)
    item->words[item->n_words++] = word_id (vocabulary, title_words[i]);
  for (guint i = 0; i < n_text; i++)
    item->words[item->n_words++] = word_id (vocabulary, text_words[i]);
  item->n_words = sort_unique (item->words, item->n_words);

  for (guint i = 0; i < n_shingled; i++)
    shingled_ids[i] = word_id (vocabulary, shingled[i]);
  item->shingles = g_new (guint32, MAX (n_shingled, 1));
  if (n_shingled == 1)
    item->shingles[item->n_shingles++] = shingle_id (vocabulary, shingled_ids[0], G_MAXUINT32);
  for (guint i = 0; i + 1 < n_shingled; i++)
    item->shingles[item->n_shingles++] = shingle_id (vocabulary, shingled_ids[i],
                                                     shingled_ids[i + 1]);
  item->n_shingles = sort_unique (item->shingles, item->n_shingles);
}

static void
prepared_clear (Prepared *item)
{
  g_clear_pointer (&item->key, g_free);
  g_clear_pointer (&item->words, g_free);
  g_clear_pointer (&item->shingles, g_free);
  g_clear_pointer (&item->title, evident_text_pattern_free);
}

/**
 * evident_revision_match_new:
 * @old_items: (array length=n_old): the old version's items, in order
 * @n_old: their number
 * @new_items: (array length=n_new): the new version's items, in order
 * @n_new: their number
 *
 * Prepares the two versions' items for matching. The inputs' strings must
 * outlive the match (references and chapters are kept, not copied).
 *
 * Returns: (transfer full): the match, to be run
 */
EvidentRevisionMatch *
evident_revision_match_new (const EvidentMatchInput *old_items,
                            guint                    n_old,
                            const EvidentMatchInput *new_items,
                            guint                    n_new)
{
  EvidentRevisionMatch *self = g_new0 (EvidentRevisionMatch, 1);
  Vocabulary vocabulary = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
  };

  self->n_old = n_old;
  self->n_new = n_new;
  self->old_items = g_new0 (Prepared, MAX (n_old, 1));
  self->new_items = g_new0 (Prepared, MAX (n_new, 1));
  for (guint i = 0; i < n_old; i++)
    prepare (&self->old_items[i], &old_items[i], &vocabulary);
  for (guint j = 0; j < n_new; j++)
    prepare (&self->new_items[j], &new_items[j], &vocabulary);
  g_hash_table_unref (vocabulary.words);
  g_hash_table_unref (vocabulary.shingles);

  self->forced = g_new (int, MAX (n_old, 1));
  self->forbidden = g_new0 (gboolean, MAX (n_old, 1));
  self->old_results = g_new0 (EvidentMatchResult, MAX (n_old, 1));
  self->new_results = g_new0 (EvidentMatchResult, MAX (n_new, 1));
  evident_revision_match_reset (self);
  return self;
}

void
evident_revision_match_free (EvidentRevisionMatch *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_old; i++)
    prepared_clear (&self->old_items[i]);
  for (guint j = 0; j < self->n_new; j++)
    prepared_clear (&self->new_items[j]);
  g_free (self->old_items);
  g_free (self->new_items);
  g_free (self->forced);
  g_free (self->forbidden);
  g_free (self->old_results);
  g_free (self->new_results);
  g_free (self);
}

guint
evident_revision_match_get_n_old (EvidentRevisionMatch *self)
{
  return self->n_old;
}

guint
evident_revision_match_get_n_new (EvidentRevisionMatch *self)
{
  return self->n_new;
}

/* Similarity */

static guint
count_common (const guint32 *a,
              guint          na,
              const guint32 *b,
              guint          nb)
{
  guint i = 0;
  guint j = 0;
  guint common = 0;

  while (i < na && j < nb)
    {
      if (a[i] < b[j])
        i++;
      else if (a[i] > b[j])
        j++;
      else
        {
          common++;
          i++;
          j++;
        }
    }
  return common;
}

static double
dice (guint common,
      guint na,
      guint nb)
{
  return na + nb == 0 ? 1.0 : 2.0 * common / (na + nb);
}

static double
title_similarity (const Prepared *a,
                  const Prepared *b)
{
  guint longer = MAX (evident_text_pattern_get_length (a->title),
                      evident_text_pattern_get_length (b->title));

  if (longer == 0)
    return 1.0;
  return 1.0 - (double) evident_text_pattern_distance (a->title, b->title) / longer;
}

/* The similarity, or -1 when it is surely below @floor: the titles' edit
 * distance, the dearest part, is only computed when it can matter. */
static double
similarity_above (const Prepared *a,
                  const Prepared *b,
                  double          floor)
{
  double words = dice (count_common (a->words, a->n_words, b->words, b->n_words), a->n_words,
                       b->n_words);
  double shingles = dice (count_common (a->shingles, a->n_shingles, b->shingles, b->n_shingles),
                          a->n_shingles, b->n_shingles);
  double without_title = WEIGHT_WORDS * words + WEIGHT_SHINGLES * shingles;

  if (without_title + WEIGHT_TITLE < floor)
    return -1.0;
  return without_title + WEIGHT_TITLE * title_similarity (a, b);
}

/**
 * evident_revision_match_similarity:
 *
 * Returns: how similar an old and a new item are, from 0 to 1 (the
 *   header says how it is computed)
 */
double
evident_revision_match_similarity (EvidentRevisionMatch *self,
                                   guint                 old_index,
                                   guint                 new_index)
{
  g_return_val_if_fail (old_index < self->n_old && new_index < self->n_new, 0.0);
  return similarity_above (&self->old_items[old_index], &self->new_items[new_index], 0.0);
}

/**
 * evident_revision_match_containment:
 * @old_in_new: %TRUE for the share of the old item's words that the new
 *   one has, %FALSE for the share of the new item's words the old one has
 *
 * Returns: the share, from 0 to 1
 */
double
evident_revision_match_containment (EvidentRevisionMatch *self,
                                    guint                 old_index,
                                    guint                 new_index,
                                    gboolean              old_in_new)
{
  const Prepared *a;
  const Prepared *b;
  guint common;

  g_return_val_if_fail (old_index < self->n_old && new_index < self->n_new, 0.0);

  a = &self->old_items[old_index];
  b = &self->new_items[new_index];
  common = count_common (a->words, a->n_words, b->words, b->n_words);
  if (old_in_new)
    return a->n_words > 0 ? (double) common / a->n_words : 0.0;
  return b->n_words > 0 ? (double) common / b->n_words : 0.0;
}

/**
 * evident_revision_match_same_text:
 *
 * Returns: whether the two items' titles and texts are the same, once
 *   normalised
 */
gboolean
evident_revision_match_same_text (EvidentRevisionMatch *self,
                                  guint                 old_index,
                                  guint                 new_index)
{
  g_return_val_if_fail (old_index < self->n_old && new_index < self->n_new, FALSE);
  return g_str_equal (self->old_items[old_index].key, self->new_items[new_index].key);
}

/* Overrides */

/**
 * evident_revision_match_pair:
 *
 * Pairs @old_index with @new_index whatever their texts, and unpairs each
 * from any other pair made by hand. Takes effect at the next run.
 */
void
evident_revision_match_pair (EvidentRevisionMatch *self,
                             guint                 old_index,
                             guint                 new_index)
{
  g_return_if_fail (old_index < self->n_old && new_index < self->n_new);

  for (guint i = 0; i < self->n_old; i++)
    {
      if (self->forced[i] == (int) new_index)
        self->forced[i] = -1;
    }
  self->forced[old_index] = new_index;
  self->forbidden[old_index] = FALSE;
}

/**
 * evident_revision_match_unpair:
 *
 * Keeps @old_index from being paired with (or merged into) any new item:
 * it is removed. Takes effect at the next run.
 */
void
evident_revision_match_unpair (EvidentRevisionMatch *self,
                               guint                 old_index)
{
  g_return_if_fail (old_index < self->n_old);

  self->forced[old_index] = -1;
  self->forbidden[old_index] = TRUE;
}

/**
 * evident_revision_match_reset:
 *
 * Forgets the pairs made and unmade by hand; the results stay until the
 * next run.
 */
void
evident_revision_match_reset (EvidentRevisionMatch *self)
{
  for (guint i = 0; i < self->n_old; i++)
    {
      self->forced[i] = -1;
      self->forbidden[i] = FALSE;
    }
}

/* Running */

static void
set_pair (EvidentRevisionMatch *self,
          guint                 i,
          guint                 j,
          double                similarity,
          gboolean              manual)
{
  const Prepared *a = &self->old_items[i];
  const Prepared *b = &self->new_items[j];
  EvidentRevisionRelation relation;

  if (!g_str_equal (a->key, b->key))
    relation = EVIDENT_REVISION_REWORDED;
  else if (g_str_equal (a->ref, b->ref) && g_str_equal (a->chapter, b->chapter))
    relation = EVIDENT_REVISION_UNCHANGED;
  else
    relation = EVIDENT_REVISION_MOVED;

  self->old_results[i] = (EvidentMatchResult) { relation, j, similarity, manual };
  self->new_results[j] = (EvidentMatchResult) { relation, i, similarity, manual };
}

static gboolean
is_paired_new (EvidentRevisionMatch *self,
               guint                 j)
{
  return self->new_results[j].relation <= EVIDENT_REVISION_REWORDED
         && self->new_results[j].partner >= 0;
}

/* Equal texts, pinned before anything else: per new item, the free old
 * item with the same text, preferring the same reference, then the same
 * chapter, then the first. */
static void
pin_equal_texts (EvidentRevisionMatch *self,
                 gboolean             *old_used,
                 gboolean             *new_used)
{
  g_autoptr (GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < self->n_old; i++)
    {
      GArray *same;

      if (old_used[i])
        continue;
      same = g_hash_table_lookup (by_key, self->old_items[i].key);
      if (same == NULL)
        {
          same = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_key, self->old_items[i].key, same);
        }
      g_array_append_val (same, i);
    }

  for (guint j = 0; j < self->n_new; j++)
    {
      const Prepared *b = &self->new_items[j];
      GArray *same = new_used[j] ? NULL : g_hash_table_lookup (by_key, b->key);
      int best = -1;
      int best_rank = -1;

      for (guint k = 0; same != NULL && k < same->len; k++)
        {
          guint i = g_array_index (same, guint, k);
          const Prepared *a = &self->old_items[i];
          int rank = (g_str_equal (a->ref, b->ref) ? 2 : 0)
                     + (g_str_equal (a->chapter, b->chapter) ? 1 : 0);

          if (!old_used[i] && rank > best_rank)
            {
              best = i;
              best_rank = rank;
            }
        }
      if (best < 0)
        continue;
      old_used[best] = new_used[j] = TRUE;
      set_pair (self, best, j, 1.0, FALSE);
    }
}

typedef struct
{
  guint  old_index;
  guint  new_index;
  double similarity;
  gint64 weight;
} Edge;

static guint
find_root (guint *parent,
           guint  x)
{
  while (parent[x] != x)
    {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
  return x;
}

/* Solves one group of items that resemble each other: the pairs with the
 * largest total weight (@edges, sorted by old item, all of this group). */
static void
solve_group (EvidentRevisionMatch *self,
             const Edge           *edges,
             guint                 n_edges,
             GArray               *rows,
             GArray               *cols)
{
  guint n = MAX (rows->len, cols->len);
  g_autofree gint64 *cost = g_new0 (gint64, (gsize) n * n);
  g_autofree double *similarity = g_new0 (double, (gsize) n * n);
  g_autofree int *row_to_col = g_new (int, n);
  g_autoptr (GHashTable) row_of = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) col_of = g_hash_table_new (NULL, NULL);

  for (guint r = 0; r < rows->len; r++)
    g_hash_table_insert (row_of, GUINT_TO_POINTER (g_array_index (rows, guint, r)),
                         GUINT_TO_POINTER (r));
  for (guint c = 0; c < cols->len; c++)
    g_hash_table_insert (col_of, GUINT_TO_POINTER (g_array_index (cols, guint, c)),
                         GUINT_TO_POINTER (c));

  /* Pairs that are not edges cost nothing: as good as no pair. */
  for (guint e = 0; e < n_edges; e++)
    {
      guint r = GPOINTER_TO_UINT (g_hash_table_lookup (row_of,
                                                       GUINT_TO_POINTER (edges[e].old_index)));
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (col_of,
                                                       GUINT_TO_POINTER (edges[e].new_index)));

      cost[(gsize) r * n + c] = -edges[e].weight;
      similarity[(gsize) r * n + c] = edges[e].similarity;
    }

  evident_assignment_solve (cost, n, n, row_to_col);
  for (guint r = 0; r < rows->len; r++)
    {
      int c = row_to_col[r];

      if (c < 0 || c >= (int) cols->len || cost[(gsize) r * n + c] == 0)
        continue;
      set_pair (self, g_array_index (rows, guint, r), g_array_index (cols, guint, c),
                similarity[(gsize) r * n + c], FALSE);
    }
}

static int
compare_edge_group (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  guint *group_of_old = user_data;
  const Edge *ea = a;
  const Edge *eb = b;
  guint ga = group_of_old[ea->old_index];
  guint gb = group_of_old[eb->old_index];

  if (ga != gb)
    return ga < gb ? -1 : 1;
  if (ea->old_index != eb->old_index)
    return ea->old_index < eb->old_index ? -1 : 1;
  return ea->new_index < eb->new_index ? -1 : ea->new_index > eb->new_index;
}

/* Every pair of free items at least as similar as the threshold is an
 * edge; items joined by edges form groups, each solved on its own. */
static void
pair_similar (EvidentRevisionMatch *self,
              const gboolean       *old_used,
              const gboolean       *new_used)
{
  g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_autofree guint *parent = g_new (guint, self->n_old + self->n_new);
  g_autofree guint *group_of_old = g_new (guint, MAX (self->n_old, 1));
  g_autofree gboolean *new_has_edge = g_new0 (gboolean, MAX (self->n_new, 1));
  g_autoptr (GHashTable) cols_of_group = g_hash_table_new_full (NULL, NULL, NULL,
                                                                (GDestroyNotify) g_array_unref);
  guint start = 0;

  for (guint x = 0; x < self->n_old + self->n_new; x++)
    parent[x] = x;

  for (guint i = 0; i < self->n_old; i++)
    {
      const Prepared *a = &self->old_items[i];

      if (old_used[i])
        continue;
      for (guint j = 0; j < self->n_new; j++)
        {
          const Prepared *b = &self->new_items[j];
          double s;
          Edge edge;

          if (new_used[j])
            continue;
          s = similarity_above (a, b, EVIDENT_REVISION_REWORD_THRESHOLD);
          if (s < EVIDENT_REVISION_REWORD_THRESHOLD)
            continue;
          edge.old_index = i;
          edge.new_index = j;
          edge.similarity = s;
          edge.weight = llround ((s - EVIDENT_REVISION_REWORD_THRESHOLD) * SCALE) * TIE_STEP
                        + TIE_STEP + (g_str_equal (a->ref, b->ref) ? 2 : 0)
                        + (g_str_equal (a->chapter, b->chapter) ? 1 : 0);
          g_array_append_val (edges, edge);
          new_has_edge[j] = TRUE;
          parent[find_root (parent, i)] = find_root (parent, self->n_old + j);
        }
    }

  for (guint i = 0; i < self->n_old; i++)
    group_of_old[i] = find_root (parent, i);
  g_array_sort_with_data (edges, compare_edge_group, group_of_old);

  /* Each group's new items, in order. */
  for (guint j = 0; j < self->n_new; j++)
    {
      guint group = find_root (parent, self->n_old + j);
      GArray *cols;

      if (!new_has_edge[j])
        continue;
      cols = g_hash_table_lookup (cols_of_group, GUINT_TO_POINTER (group));
      if (cols == NULL)
        {
          cols = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (cols_of_group, GUINT_TO_POINTER (group), cols);
        }
      g_array_append_val (cols, j);
    }

  while (start < edges->len)
    {
      guint group = group_of_old[g_array_index (edges, Edge, start).old_index];
      g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
      GArray *cols = g_hash_table_lookup (cols_of_group, GUINT_TO_POINTER (group));
      guint end = start;

      while (end < edges->len && group_of_old[g_array_index (edges, Edge, end).old_index] == group)
        {
          const Edge *edge = &g_array_index (edges, Edge, end);

          if (rows->len == 0 || g_array_index (rows, guint, rows->len - 1) != edge->old_index)
            g_array_append_val (rows, edge->old_index);
          end++;
        }
      g_assert (cols != NULL);
      solve_group (self, &g_array_index (edges, Edge, start), end - start, rows, cols);
      start = end;
    }
}

/* The item on the other side that holds most of this one's words, if it
 * holds enough of them; -1 otherwise. */
static int
find_container (EvidentRevisionMatch *self,
                guint                 index,
                gboolean              old_side,
                const gboolean       *excluded,
                double               *share)
{
  const Prepared *item = old_side ? &self->old_items[index] : &self->new_items[index];
  guint n_other = old_side ? self->n_new : self->n_old;
  int best = -1;
  double best_share = 0.0;

  for (guint k = 0; k < n_other; k++)
    {
      const Prepared *other = old_side ? &self->new_items[k] : &self->old_items[k];
      guint common;
      double s;

      if (excluded != NULL && excluded[k])
        continue;
      common = count_common (item->words, item->n_words, other->words, other->n_words);
      if (common < EVIDENT_REVISION_PART_MIN_WORDS || item->n_words == 0)
        continue;
      s = (double) common / item->n_words;
      if (s >= EVIDENT_REVISION_PART_CONTAINMENT && s > best_share)
        {
          best = k;
          best_share = s;
        }
    }
  *share = best_share;
  return best;
}

/* Old items left over that went into a new one, then new items left over
 * that came out of an old one (not one merged into them). */
static void
find_parts (EvidentRevisionMatch *self)
{
  g_autofree gboolean *merged_into = g_new0 (gboolean, MAX (self->n_new, 1));

  for (guint i = 0; i < self->n_old; i++)
    {
      EvidentMatchResult *result = &self->old_results[i];
      double share;
      int j;

      if (result->relation != EVIDENT_REVISION_REMOVED || self->forbidden[i])
        continue;
      j = find_container (self, i, TRUE, NULL, &share);
      if (j < 0)
        continue;
      *result = (EvidentMatchResult) { EVIDENT_REVISION_MERGED, j,
                                       evident_revision_match_similarity (self, i, j), FALSE };
      merged_into[j] = TRUE;
    }

  for (guint j = 0; j < self->n_new; j++)
    {
      EvidentMatchResult *result = &self->new_results[j];
      g_autofree gboolean *excluded = NULL;
      double share;
      int i;

      if (result->relation != EVIDENT_REVISION_NEW)
        continue;
      excluded = g_memdup2 (self->forbidden, MAX (self->n_old, 1) * sizeof (gboolean));
      for (guint k = 0; k < self->n_old; k++)
        {
          if (self->old_results[k].relation == EVIDENT_REVISION_MERGED
              && self->old_results[k].partner == (int) j)
            excluded[k] = TRUE;
        }
      i = find_container (self, j, FALSE, excluded, &share);
      if (i < 0)
        continue;
      *result = (EvidentMatchResult) { EVIDENT_REVISION_SPLIT, i,
                                       evident_revision_match_similarity (self, i, j), FALSE };
    }
}

/**
 * evident_revision_match_run:
 *
 * Matches the two versions' items, as the header describes, with the
 * pairs made and unmade by hand. The results are the same for the same
 * items and overrides.
 */
void
evident_revision_match_run (EvidentRevisionMatch *self)
{
  g_autofree gboolean *old_used = g_new0 (gboolean, MAX (self->n_old, 1));
  g_autofree gboolean *new_used = g_new0 (gboolean, MAX (self->n_new, 1));

  for (guint i = 0; i < self->n_old; i++)
    self->old_results[i] = (EvidentMatchResult) { EVIDENT_REVISION_REMOVED, -1, 0.0, FALSE };
  for (guint j = 0; j < self->n_new; j++)
    self->new_results[j] = (EvidentMatchResult) { EVIDENT_REVISION_NEW, -1, 0.0, FALSE };

  for (guint i = 0; i < self->n_old; i++)
    {
      int j = self->forced[i];

      if (self->forbidden[i])
        old_used[i] = TRUE;
      if (j < 0)
        continue;
      old_used[i] = new_used[j] = TRUE;
      set_pair (self, i, j, evident_revision_match_similarity (self, i, j), TRUE);
    }

  pin_equal_texts (self, old_used, new_used);
  pair_similar (self, old_used, new_used);
  find_parts (self);

  for (guint j = 0; j < self->n_new; j++)
    g_assert (is_paired_new (self, j) || self->new_results[j].relation >= EVIDENT_REVISION_SPLIT);
}

const EvidentMatchResult *
evident_revision_match_get_old (EvidentRevisionMatch *self,
                                guint                 old_index)
{
  g_return_val_if_fail (old_index < self->n_old, NULL);
  return &self->old_results[old_index];
}

const EvidentMatchResult *
evident_revision_match_get_new (EvidentRevisionMatch *self,
                                guint                 new_index)
{
  g_return_val_if_fail (new_index < self->n_new, NULL);
  return &self->new_results[new_index];
}

/* Classes */

static const char *relation_names[EVIDENT_N_REVISION_RELATIONS] = {
  "unchanged", "moved", "reworded", "split", "merged", "new", "removed",
};

const char *
evident_revision_relation_to_string (EvidentRevisionRelation relation)
{
  g_return_val_if_fail (relation < EVIDENT_N_REVISION_RELATIONS, NULL);
  return relation_names[relation];
}

gboolean
evident_revision_relation_from_string (const char           *string,
                                    EvidentRevisionRelation *relation)
{
  for (guint k = 0; k < EVIDENT_N_REVISION_RELATIONS; k++)
    {
      if (g_strcmp0 (string, relation_names[k]) == 0)
        {
          *relation = k;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
evident_revision_relation_get_label (EvidentRevisionRelation relation)
{
  switch (relation)
    {
    case EVIDENT_REVISION_UNCHANGED:
      return C_("revision", "Unchanged");
    case EVIDENT_REVISION_MOVED:
      return C_("revision", "Moved or renumbered");
    case EVIDENT_REVISION_REWORDED:
      return C_("revision", "Reworded");
    case EVIDENT_REVISION_SPLIT:
      return C_("revision", "Split");
    case EVIDENT_REVISION_MERGED:
      return C_("revision", "Merged");
    case EVIDENT_REVISION_NEW:
      return C_("revision", "New");
    case EVIDENT_REVISION_REMOVED:
      return C_("revision", "Removed");
    default:
      g_return_val_if_reached (NULL);
    }
}
