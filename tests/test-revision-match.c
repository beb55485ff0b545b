/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Matching two versions of a checklist, without a project: texts
 * normalised and compared, the assignment solver against brute force, and
 * the pairing of tests/data/revision-4.1.csv with revision-4.2.csv, where
 * a greedy pairing goes wrong. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "evident-assignment.h"
#include "evident-import.h"
#include "evident-revision-match.h"
#include "evident-text-compare.h"

/* Texts */

static void
test_normalize (void)
{
  static const struct
  {
    const char *text;
    const char *normalized;
  } cases[] = {
    { "  Backups,  are\tENCRYPTED!  ", "backups are encrypted" },
    /* NFKC: the ligature and the full-width letters; a non-breaking space */
    { "Ofﬁce\u00a0ＡＢＣ", "office abc" },
    /* Bullets and list numbers at the start of a line; not inside */
    { "• First point\n- second point\n1. third\n(b) fourth\niv) fifth",
      "first point second point third fourth fifth" },
    { "Keep 1. here", "keep 1 here" },
    /* AWS's second line */
    { "Incident response\nMandatory\nThe partner responds.",
      "incident response the partner responds" },
    { "Recommended:\nText", "text" },
    { "TLS 1.2 or later", "tls 1 2 or later" },
    { "", "" },
    { "—!?", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = evident_text_normalize (cases[i].text);

      g_assert_cmpstr (normalized, ==, cases[i].normalized);
    }
}

/* The bit-parallel edit distance against the textbook table, on random
 * strings of a small alphabet (many matches), short and long. */
static guint
table_distance (const char *a,
                const char *b)
{
  guint na = strlen (a);
  guint nb = strlen (b);
  g_autofree guint *d = g_new (guint, (na + 1) * (nb + 1));

  for (guint i = 0; i <= na; i++)
    d[i * (nb + 1)] = i;
  for (guint j = 0; j <= nb; j++)
    d[j] = j;
  for (guint i = 1; i <= na; i++)
    for (guint j = 1; j <= nb; j++)
      d[i * (nb + 1) + j] = MIN (MIN (d[(i - 1) * (nb + 1) + j] + 1, d[i * (nb + 1) + j - 1] + 1),
                                 d[(i - 1) * (nb + 1) + j - 1] + (a[i - 1] != b[j - 1]));
  return d[na * (nb + 1) + nb];
}

static char *
random_string (GRand *rand,
               guint  max_length)
{
  guint length = g_rand_int_range (rand, 0, max_length + 1);
  char *text = g_new (char, length + 1);

  for (guint i = 0; i < length; i++)
    text[i] = "abcd"[g_rand_int_range (rand, 0, 4)];
  text[length] = '\0';
  return text;
}

static void
test_edit_distance (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260331);

  g_assert_cmpuint (evident_text_edit_distance ("kitten", "sitting"), ==, 3);
  g_assert_cmpuint (evident_text_edit_distance ("", "abc"), ==, 3);
  g_assert_cmpuint (evident_text_edit_distance ("Müller", "Muller"), ==, 1);
  g_assert_cmpfloat_with_epsilon (evident_text_edit_similarity ("abcd", "abcd"), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (evident_text_edit_similarity ("abcd", "abxd"), 0.75, 1e-9);

  for (guint n = 0; n < 2000; n++)
    {
      /* Up to 64 characters takes the bit-parallel path, more the table. */
      g_autofree char *a = random_string (rand, n % 3 == 0 ? 90 : 64);
      g_autofree char *b = random_string (rand, n % 5 == 0 ? 90 : 64);

      g_assert_cmpuint (evident_text_edit_distance (a, b), ==, table_distance (a, b));
    }
}

static char *
diff_to_string (GArray *diff)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < diff->len; i++)
    {
      const EvidentDiffSpan *span = &g_array_index (diff, EvidentDiffSpan, i);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, span->op == EVIDENT_DIFF_EQUAL    ? "%s"
                                    : span->op == EVIDENT_DIFF_DELETE ? "[-%s-]"
                                                                      : "{+%s+}",
                              span->text);
    }
  return g_string_free (text, FALSE);
}

static void
test_word_diff (void)
{
  static const struct
  {
    const char *old_text;
    const char *new_text;
    const char *diff;
  } cases[] = {
    { "The partner detects, records and resolves incidents within agreed response times.",
      "The partner detects, records and resolves incidents within the agreed response times.",
      "The partner detects, records and resolves incidents within {+the+} agreed response "
      "times." },
    { "keys are rotated every year", "keys are renewed before they expire",
      "keys are [-rotated every year-] {+renewed before they expire+}" },
    /* Case and punctuation do not make a difference; the new spelling shows. */
    { "Backups, tested.", "backups tested", "backups tested" },
    { "", "all new", "{+all new+}" },
    { "all gone", "", "[-all gone-]" },
    { "", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GArray) diff = evident_text_word_diff (cases[i].old_text, cases[i].new_text);
      g_autofree char *text = diff_to_string (diff);

      g_assert_cmpstr (text, ==, cases[i].diff);
    }
}

/* The assignment solver */

/* The least total cost over every pairing of rows with columns (rows ≤
 * columns), by trying all of them. */
static gint64
brute_force (const gint64 *cost,
             guint         n_rows,
             guint         n_cols,
             guint         row,
             gboolean     *used)
{
  gint64 best = G_MAXINT64;

  if (row == n_rows)
    return 0;
  for (guint j = 0; j < n_cols; j++)
    {
      gint64 rest;

      if (used[j])
        continue;
      used[j] = TRUE;
      rest = brute_force (cost, n_rows, n_cols, row + 1, used);
      used[j] = FALSE;
      best = MIN (best, cost[row * n_cols + j] + rest);
    }
  return best;
}

static void
test_assignment_brute_force (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (4242);

  for (guint n = 0; n < 500; n++)
    {
      guint n_rows = g_rand_int_range (rand, 1, 7);
      guint n_cols = g_rand_int_range (rand, 1, 7);
      g_autofree gint64 *cost = g_new (gint64, n_rows * n_cols);
      g_autofree gint64 *transposed = g_new (gint64, n_rows * n_cols);
      g_autofree int *row_to_col = g_new (int, n_rows);
      g_autofree gboolean *used = g_new0 (gboolean, MAX (n_rows, n_cols));
      gboolean *seen = g_newa (gboolean, n_cols);
      gint64 total;
      gint64 expected;
      guint n_paired = 0;

      /* Small ranges give ties; negative costs too. */
      for (guint k = 0; k < n_rows * n_cols; k++)
        cost[k] = g_rand_int_range (rand, n % 2 ? -5 : 0, n % 3 ? 10 : 1000);
      for (guint i = 0; i < n_rows; i++)
        for (guint j = 0; j < n_cols; j++)
          transposed[j * n_rows + i] = cost[i * n_cols + j];

      expected = n_rows <= n_cols ? brute_force (cost, n_rows, n_cols, 0, used)
                                  : brute_force (transposed, n_cols, n_rows, 0, used);
      total = evident_assignment_solve (cost, n_rows, n_cols, row_to_col);
      g_assert_cmpint (total, ==, expected);

      /* One to one, and every row (or column) has a partner. */
      memset (seen, 0, n_cols * sizeof (gboolean));
      for (guint i = 0; i < n_rows; i++)
        {
          if (row_to_col[i] < 0)
            continue;
          g_assert_cmpint (row_to_col[i], <, n_cols);
          g_assert_false (seen[row_to_col[i]]);
          seen[row_to_col[i]] = TRUE;
          n_paired++;
        }
      g_assert_cmpuint (n_paired, ==, MIN (n_rows, n_cols));
    }
}

/* Matching the fixture versions */

typedef struct
{
  GPtrArray         *old_entries;
  GPtrArray         *new_entries;
  EvidentMatchInput *old_inputs;
  EvidentMatchInput *new_inputs;
  GPtrArray         *texts;
} Versions;

static GPtrArray *
load_entries (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentImport) import = evident_import_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (evident_import_check (import, &error));
  return g_ptr_array_ref (evident_import_get_entries (import));
}

static EvidentMatchInput *
make_inputs (GPtrArray *entries,
             GPtrArray *texts)
{
  EvidentMatchInput *inputs = g_new0 (EvidentMatchInput, entries->len);

  for (guint i = 0; i < entries->len; i++)
    {
      EvidentChecklistEntry *entry = g_ptr_array_index (entries, i);
      char *text = g_strconcat (entry->requirement, "\n", entry->evidence, NULL);

      g_ptr_array_add (texts, text);
      inputs[i] = (EvidentMatchInput) { entry->ref, entry->chapter, entry->title, text };
    }
  return inputs;
}

static EvidentRevisionMatch *
match_versions (Versions   *versions,
                const char *old_name,
                const char *new_name)
{
  versions->texts = g_ptr_array_new_with_free_func (g_free);
  versions->old_entries = load_entries (old_name);
  versions->new_entries = load_entries (new_name);
  versions->old_inputs = make_inputs (versions->old_entries, versions->texts);
  versions->new_inputs = make_inputs (versions->new_entries, versions->texts);
  return evident_revision_match_new (versions->old_inputs, versions->old_entries->len,
                                     versions->new_inputs, versions->new_entries->len);
}

static void
versions_clear (Versions *versions)
{
  g_clear_pointer (&versions->old_entries, g_ptr_array_unref);
  g_clear_pointer (&versions->new_entries, g_ptr_array_unref);
  g_clear_pointer (&versions->old_inputs, g_free);
  g_clear_pointer (&versions->new_inputs, g_free);
  g_clear_pointer (&versions->texts, g_ptr_array_unref);
}

static int
find (GPtrArray  *entries,
      const char *ref)
{
  for (guint i = 0; i < entries->len; i++)
    {
      if (g_str_equal (((EvidentChecklistEntry *) g_ptr_array_index (entries, i))->ref, ref))
        return i;
    }
  g_assert_not_reached ();
}

/* "old → new relation" for every old item, then "→ new relation ← old"
 * for every new item that is not a pair. */
static char *
describe_match (EvidentRevisionMatch *match,
                Versions             *versions)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < versions->old_entries->len; i++)
    {
      const EvidentMatchResult *result = evident_revision_match_get_old (match, i);

      g_string_append_printf (text, "%s → %s %s\n", versions->old_inputs[i].ref,
                              result->partner >= 0 ? versions->new_inputs[result->partner].ref
                                                   : "-",
                              evident_revision_relation_to_string (result->relation));
    }
  for (guint j = 0; j < versions->new_entries->len; j++)
    {
      const EvidentMatchResult *result = evident_revision_match_get_new (match, j);

      if (result->relation != EVIDENT_REVISION_SPLIT && result->relation != EVIDENT_REVISION_NEW)
        continue;
      g_string_append_printf (text, "→ %s %s ← %s\n", versions->new_inputs[j].ref,
                              evident_revision_relation_to_string (result->relation),
                              result->partner >= 0 ? versions->old_inputs[result->partner].ref
                                                   : "-");
    }
  return g_string_free (text, FALSE);
}

static const char expected_4_1_to_4_2[] =
    "1.1 → 1.1 unchanged\n"
    "1.2 → 1.3 moved\n"
    "1.3 → - removed\n"
    "2.1 → 2.1 reworded\n"
    "2.2 → 2.2 reworded\n"
    "2.3 → 2.3 reworded\n"
    "2.4 → 2.5 reworded\n"
    "2.5 → 2.5 merged\n"
    "3.1 → 3.2 reworded\n"
    "3.2 → 3.1 reworded\n"
    "4.1 → 5.1 moved\n"
    "4.2 → 5.2 moved\n"
    "→ 1.2 new ← -\n"
    "→ 2.4 split ← 2.3\n"
    "→ 4.1 new ← -\n";

static void
test_match_fixture (void)
{
  Versions versions = { 0 };
  g_autoptr (EvidentRevisionMatch) match = match_versions (&versions, "revision-4.1.csv",
                                                           "revision-4.2.csv");
  g_autofree char *described = NULL;
  int old_31 = find (versions.old_entries, "3.1");
  int new_32 = find (versions.new_entries, "3.2");

  evident_revision_match_run (match);
  described = describe_match (match, &versions);
  g_assert_cmpstr (described, ==, expected_4_1_to_4_2);

  /* Similarities as the header documents them: a light rewording about
   * 0.9, a heavy one about 0.6, equal texts 1. */
  g_assert_cmpfloat (evident_revision_match_get_old (match, find (versions.old_entries, "2.1"))
                         ->similarity, >, 0.85);
  g_assert_cmpfloat (evident_revision_match_get_old (match, find (versions.old_entries, "2.2"))
                         ->similarity, <, 0.75);
  g_assert_cmpfloat (evident_revision_match_get_old (match, old_31)->similarity, ==,
                     evident_revision_match_similarity (match, old_31, new_32));
  g_assert_cmpfloat (evident_revision_match_get_old (match, 0)->similarity, ==, 1.0);
  g_assert_true (evident_revision_match_same_text (match, 0, 0));
  versions_clear (&versions);
}

/* 3.1 (encryption at rest) and 3.2 (in transit) are alike and swap places;
 * 3.1's new text is reworded more heavily. Taking each old item's most
 * similar new item in turn, 3.1 takes the new 3.1 (in transit) and leaves
 * 3.2 without a partner: the optimal pairing gives each its own. */
static void
test_match_swap_not_greedy (void)
{
  Versions versions = { 0 };
  g_autoptr (EvidentRevisionMatch) match = match_versions (&versions, "revision-4.1.csv",
                                                           "revision-4.2.csv");
  guint n_old = versions.old_entries->len;
  guint n_new = versions.new_entries->len;
  g_autofree gboolean *taken = g_new0 (gboolean, n_new);
  int x = find (versions.old_entries, "3.1");     /* at rest */
  int y = find (versions.old_entries, "3.2");     /* in transit */
  int x_new = find (versions.new_entries, "3.2"); /* at rest, heavily reworded */
  int y_new = find (versions.new_entries, "3.1"); /* in transit, lightly */
  int greedy_x = -1;
  int greedy_y = -1;

  /* The situation: 3.1's best partner is the other's, a worse pair than
   * the other's own; both true pairs are similar enough. */
  g_assert_cmpfloat (evident_revision_match_similarity (match, x, y_new), >,
                     evident_revision_match_similarity (match, x, x_new));
  g_assert_cmpfloat (evident_revision_match_similarity (match, y, y_new), >,
                     evident_revision_match_similarity (match, x, y_new));
  g_assert_cmpfloat (evident_revision_match_similarity (match, x, x_new), >=,
                     EVIDENT_REVISION_REWORD_THRESHOLD);

  /* Greedy, in the checklist's order: each old item takes the most similar
   * new item left, if similar enough. */
  for (guint i = 0; i < n_old; i++)
    {
      int best = -1;
      double best_similarity = EVIDENT_REVISION_REWORD_THRESHOLD;

      for (guint j = 0; j < n_new; j++)
        {
          double s = evident_revision_match_similarity (match, i, j);

          if (!taken[j] && s >= best_similarity)
            {
              best = j;
              best_similarity = s;
            }
        }
      if (best >= 0)
        taken[best] = TRUE;
      if ((int) i == x)
        greedy_x = best;
      if ((int) i == y)
        greedy_y = best;
    }
  g_assert_cmpint (greedy_x, ==, y_new);
  g_assert_cmpint (greedy_y, !=, y_new);

  /* The optimal pairing gives each its own. */
  evident_revision_match_run (match);
  g_assert_cmpint (evident_revision_match_get_old (match, x)->partner, ==, x_new);
  g_assert_cmpint (evident_revision_match_get_old (match, y)->partner, ==, y_new);
  g_assert_cmpint (evident_revision_match_get_old (match, x)->relation, ==,
                   EVIDENT_REVISION_REWORDED);
  versions_clear (&versions);
}

/* Pairs made and unmade by hand win over the texts. */
static void
test_match_overrides (void)
{
  Versions versions = { 0 };
  g_autoptr (EvidentRevisionMatch) match = match_versions (&versions, "revision-4.1.csv",
                                                           "revision-4.2.csv");
  int sponsor = find (versions.old_entries, "1.3");
  int sla = find (versions.new_entries, "1.2");
  int incidents = find (versions.old_entries, "2.1");
  const EvidentMatchResult *result;

  evident_revision_match_pair (match, sponsor, sla);
  evident_revision_match_unpair (match, incidents);
  evident_revision_match_run (match);

  result = evident_revision_match_get_old (match, sponsor);
  g_assert_cmpint (result->relation, ==, EVIDENT_REVISION_REWORDED);
  g_assert_cmpint (result->partner, ==, sla);
  g_assert_true (result->manual);
  g_assert_cmpfloat (result->similarity, <, EVIDENT_REVISION_REWORD_THRESHOLD);

  g_assert_cmpint (evident_revision_match_get_old (match, incidents)->relation, ==,
                   EVIDENT_REVISION_REMOVED);
  g_assert_cmpint (evident_revision_match_get_new (match, find (versions.new_entries, "2.1"))
                       ->relation, ==, EVIDENT_REVISION_NEW);

  /* Pairing an item by hand takes it out of the pairs its partner had. */
  evident_revision_match_pair (match, find (versions.old_entries, "1.1"), sla);
  evident_revision_match_run (match);
  g_assert_cmpint (evident_revision_match_get_old (match, sponsor)->relation, ==,
                   EVIDENT_REVISION_REMOVED);
  g_assert_cmpint (evident_revision_match_get_new (match, sla)->partner, ==,
                   find (versions.old_entries, "1.1"));

  evident_revision_match_reset (match);
  evident_revision_match_run (match);
  g_assert_cmpint (evident_revision_match_get_old (match, incidents)->relation, ==,
                   EVIDENT_REVISION_REWORDED);
  versions_clear (&versions);
}

/* Items with the same text twice: pinned one to one, same reference
 * first. */
static void
test_match_duplicates (void)
{
  EvidentMatchInput old_items[] = {
    { "A-1", "A", "Review", "The team reviews the plan." },
    { "A-2", "A", "Review", "The team reviews the plan." },
  };
  EvidentMatchInput new_items[] = {
    { "A-2", "A", "Review", "The team reviews the plan." },
    { "A-3", "A", "Review", "The team reviews the plan." },
  };
  g_autoptr (EvidentRevisionMatch) match = evident_revision_match_new (old_items, 2, new_items, 2);

  evident_revision_match_run (match);
  g_assert_cmpint (evident_revision_match_get_old (match, 1)->partner, ==, 0);
  g_assert_cmpint (evident_revision_match_get_old (match, 1)->relation, ==,
                   EVIDENT_REVISION_UNCHANGED);
  g_assert_cmpint (evident_revision_match_get_old (match, 0)->partner, ==, 1);
  g_assert_cmpint (evident_revision_match_get_old (match, 0)->relation, ==,
                   EVIDENT_REVISION_MOVED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/revision-match/normalize", test_normalize);
  g_test_add_func ("/revision-match/edit-distance", test_edit_distance);
  g_test_add_func ("/revision-match/word-diff", test_word_diff);
  g_test_add_func ("/revision-match/assignment-brute-force", test_assignment_brute_force);
  g_test_add_func ("/revision-match/fixture", test_match_fixture);
  g_test_add_func ("/revision-match/swap-not-greedy", test_match_swap_not_greedy);
  g_test_add_func ("/revision-match/overrides", test_match_overrides);
  g_test_add_func ("/revision-match/duplicates", test_match_duplicates);

  return g_test_run ();
}
