/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A benchmark of checklist revisions, not a test: it prints figures beside
 * the budgets and always exits 0.
 *
 * - matching 1,000 items against 1,000 (budget 1 s): a generated checklist
 *   and its next version, in which most items stay, many are renumbered,
 *   some reworded lightly or heavily, some removed, added, split or merged;
 * - the same as a whole plan on a project (scores, what each item
 *   carries), and applying it;
 * - the assignment solver alone on a dense 1,000 × 1,000 matrix of random
 *   costs, the worst case the matching never meets in practice.
 *
 * Run with `meson test -C build --benchmark -v`. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "evident-assignment.h"
#include "evident-import.h"
#include "evident-project.h"
#include "evident-revision.h"
#include "evident-revision-match.h"

#define N_ITEMS 1000
#define RUNS 5
#define BUDGET_MS 1000.0

/* Words for generated texts: consonant-vowel syllables, some common. */
static char *
word (GRand *rand)
{
  static const char *syllables[] = {
    "ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu", "pa", "re", "si", "to", "vu",
    "wa", "ze", "lo", "ri", "ta",
  };
  static const char *common[] = { "the", "and", "is", "of", "every", "customer", "partner" };
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 2, 4);

  if (g_rand_int_range (rand, 0, 4) == 0)
    {
      g_string_free (text, TRUE);
      return g_strdup (common[g_rand_int_range (rand, 0, G_N_ELEMENTS (common))]);
    }
  for (guint i = 0; i < n; i++)
    g_string_append (text, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
  return g_string_free (text, FALSE);
}

static char *
sentence (GRand *rand,
          guint  n_words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      g_autofree char *w = word (rand);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", w);
    }
  return g_string_free (text, FALSE);
}

/* Replaces about @share of the words of @text. */
static char *
reword (GRand      *rand,
        const char *text,
        double      share)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *replacement = g_rand_double (rand) < share ? word (rand) : NULL;

      g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                              replacement != NULL ? replacement : words[i]);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  char *ref;
  char *chapter;
  char *title;
  char *text;
} Item;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->ref);
  g_free (item->chapter);
  g_free (item->title);
  g_free (item->text);
}

static GArray *
generate_old (GRand *rand)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  g_array_set_clear_func (items, item_clear);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      Item item = {
        g_strdup_printf ("%u.%u", i / 77 + 1, i % 77 + 1),
        g_strdup_printf ("%u.0", i / 77 + 1),
        sentence (rand, g_rand_int_range (rand, 2, 6)),
        sentence (rand, g_rand_int_range (rand, 15, 45)),
      };

      g_array_append_val (items, item);
    }
  return items;
}

/* The next version: of every 20 items, 12 stay, 3 are renumbered, 2
 * reworded lightly, 1 heavily, 1 removed and 1 split in two (with one
 * new item added); every 100th pair is merged. */
static GArray *
generate_new (GRand  *rand,
              GArray *old)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));
  guint serial = 0;

  g_array_set_clear_func (items, item_clear);
  for (guint i = 0; i < old->len; i++)
    {
      const Item *from = &g_array_index (old, Item, i);
      Item item = { NULL, g_strdup (from->chapter), g_strdup (from->title), NULL };
      guint kind = i % 20;

      /* Renumbered: a reference no old item has. */
      item.ref = kind >= 12 && kind < 15 ? g_strdup_printf ("%s.%u", from->chapter, 100 + ++serial)
                                         : g_strdup (from->ref);
      if (kind < 15)
        item.text = g_strdup (from->text);
      else if (kind < 17)
        item.text = reword (rand, from->text, 0.1);
      else if (kind == 17)
        item.text = reword (rand, from->text, 0.45);
      else if (kind == 18)
        {
          item_clear (&item);
          continue;
        }
      else
        {
          g_auto (GStrv) words = g_strsplit (from->text, " ", -1);
          guint half = g_strv_length (words) / 2;
          Item part = { g_strdup_printf ("%s.%u", from->chapter, 100 + ++serial),
                        g_strdup (from->chapter), sentence (rand, 3), NULL, };
          Item added = { g_strdup_printf ("%s.%u", from->chapter, 100 + ++serial),
                         g_strdup (from->chapter), sentence (rand, 4), sentence (rand, 30) };

          char *second = words[half];

          part.text = g_strjoinv (" ", words + half);
          words[half] = NULL;
          item.text = g_strjoinv (" ", words);
          words[half] = second;
          g_array_append_val (items, item);
          g_array_append_val (items, part);
          g_array_append_val (items, added);
          continue;
        }
      if (i % 100 == 1 && i + 1 < old->len)
        {
          char *merged = g_strconcat (item.text, " ", g_array_index (old, Item, i + 1).text, NULL);

          g_free (item.text);
          item.text = merged;
          i++;
        }
      g_array_append_val (items, item);
    }
  return items;
}

static EvidentMatchInput *
inputs_of (GArray *items)
{
  EvidentMatchInput *inputs = g_new (EvidentMatchInput, items->len);

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      inputs[i] = (EvidentMatchInput) { item->ref, item->chapter, item->title, item->text };
    }
  return inputs;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_double);
  return values[n / 2];
}

static void
bench_match (GArray *old,
             GArray *new)
{
  g_autofree EvidentMatchInput *old_inputs = inputs_of (old);
  g_autofree EvidentMatchInput *new_inputs = inputs_of (new);
  double times[RUNS];
  guint counts[EVIDENT_N_REVISION_RELATIONS] = { 0 };

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (EvidentRevisionMatch) match = evident_revision_match_new (old_inputs, old->len,
                                                                           new_inputs, new->len);

      evident_revision_match_run (match);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      if (run > 0)
        continue;
      for (guint j = 0; j < new->len; j++)
        counts[evident_revision_match_get_new (match, j)->relation]++;
      for (guint i = 0; i < old->len; i++)
        {
          EvidentRevisionRelation relation = evident_revision_match_get_old (match, i)->relation;

          if (relation == EVIDENT_REVISION_MERGED || relation == EVIDENT_REVISION_REMOVED)
            counts[relation]++;
        }
    }

  g_print ("Matching %u items against %u: %.1f ms (median of %u; budget %.0f ms)\n", old->len,
           new->len, median (times, RUNS), RUNS, BUDGET_MS);
  g_print ("  %u unchanged, %u moved, %u reworded, %u split, %u merged, %u new, %u removed\n",
           counts[EVIDENT_REVISION_UNCHANGED], counts[EVIDENT_REVISION_MOVED],
           counts[EVIDENT_REVISION_REWORDED], counts[EVIDENT_REVISION_SPLIT],
           counts[EVIDENT_REVISION_MERGED], counts[EVIDENT_REVISION_NEW],
           counts[EVIDENT_REVISION_REMOVED]);
}

static GBytes *
to_csv (GArray *items)
{
  GString *csv = g_string_new ("ref,chapter,title,requirement,points,mandatory\n");

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      g_string_append_printf (csv, "%s,%s,%s,%s,%u,%s\n", item->ref, item->chapter, item->title,
                              item->text, 1 + i % 3, i % 4 == 0 ? "yes" : "no");
    }
  return g_string_free_to_bytes (csv);
}

static EvidentImport *
import_of (GArray *items)
{
  g_autoptr (GBytes) csv = to_csv (items);
  g_autoptr (GError) error = NULL;
  EvidentImport *import = evident_import_new_for_bytes (csv, "list.csv", NULL, &error);

  g_assert_no_error (error);
  return import;
}

/* The whole plan on a project, then applying it. */
static void
bench_plan (GArray *old,
            GArray *new)
{
  g_autofree char *dir = g_dir_make_tmp ("evident-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.evident", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentImport) old_import = import_of (old);
  g_autoptr (EvidentImport) new_import = import_of (new);
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (EvidentRevision) revision = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *wal = NULL;
  gint64 start;
  double plan_ms;
  double apply_ms;
  double undo_ms;

  project = evident_project_create_from_import (file, NULL, old_import, NULL, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  revision = evident_revision_new (project, new_import, &error);
  g_assert_no_error (error);
  plan_ms = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  evident_revision_apply (revision, TRUE, &error);
  g_assert_no_error (error);
  apply_ms = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  evident_project_undo (project, &error);
  g_assert_no_error (error);
  undo_ms = (g_get_monotonic_time () - start) / 1000.0;

  g_print ("The plan on a project of %u items (match, what each carries, scores): %.1f ms\n",
           old->len, plan_ms);
  g_print ("  applied in one transaction: %.1f ms; undone: %.1f ms\n", apply_ms, undo_ms);

  g_clear_object (&revision);
  evident_project_close (project);
  g_clear_object (&project);
  wal = g_strconcat (path, "-wal", NULL);
  g_unlink (wal);
  g_free (wal);
  wal = g_strconcat (path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (path);
  g_rmdir (dir);
}

static void
bench_solver (GRand *rand)
{
  guint n = N_ITEMS;
  g_autofree gint64 *cost = g_new (gint64, (gsize) n * n);
  g_autofree int *row_to_col = g_new (int, n);
  gint64 start;

  for (gsize k = 0; k < (gsize) n * n; k++)
    cost[k] = g_rand_int_range (rand, 0, 1000000);
  start = g_get_monotonic_time ();
  evident_assignment_solve (cost, n, n, row_to_col);
  g_print ("The assignment solver on a dense %u × %u matrix of random costs: %.1f ms\n", n, n,
           (g_get_monotonic_time () - start) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (12);
  g_autoptr (GArray) old = NULL;
  g_autoptr (GArray) new = NULL;

  setlocale (LC_ALL, "");
  old = generate_old (rand);
  new = generate_new (rand, old);

  bench_match (old, new);
  bench_plan (old, new);
  bench_solver (rand);
  return EXIT_SUCCESS;
}
