/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The scoring service against the normative rules of DESIGN.md, "Scoring
 * rules". Pure: items are built in memory, no project file. Every expected
 * number is worked out by hand in the comment beside it. */

#include "config.h"

#include <math.h>

#include <gio/gio.h>

#include "evident-chapter-private.h"
#include "evident-enums-util.h"
#include "evident-item-private.h"
#include "evident-scoring.h"

/* Helpers */

static const EvidentRules default_rules = {
  EVIDENT_SCORE_MODE_POINTS,
  EVIDENT_DEFAULT_PASS_SCORE,
  EVIDENT_DEFAULT_MANDATORY_PENALTY,
};

static GListStore *
new_items (void)
{
  return g_list_store_new (EVIDENT_TYPE_ITEM);
}

static EvidentItem *
add_item (GListStore *items,
          const char *ref,
          const char *chapter,
          int         points,
          gboolean    mandatory,
          const char *status)
{
  g_autoptr (EvidentItem) item = NULL;
  g_autofree char *title = g_strdup_printf ("Item %s", ref);

  item = evident_item_new (g_list_model_get_n_items (G_LIST_MODEL (items)) + 1, ref, chapter, NULL,
                           NULL, title, NULL, NULL, points, mandatory);
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_STATUS, status);
  g_list_store_append (items, item);

  return item; /* owned by @items */
}

static EvidentScore *
compute (const EvidentRules *rules, GListStore *chapters, GListStore *items)
{
  EvidentScore *score = evident_score_compute (rules, chapters ? G_LIST_MODEL (chapters) : NULL,
                                               G_LIST_MODEL (items));

  g_assert_nonnull (score);
  return score;
}

static const EvidentChapterScore *
chapter_at (const EvidentScore *score, guint i)
{
  g_assert_cmpuint (i, <, score->chapters->len);
  return &g_array_index (score->chapters, EvidentChapterScore, i);
}

static const char *
at_risk_ref (const EvidentScore *score, guint i)
{
  g_assert_cmpuint (i, <, score->at_risk->len);
  return evident_item_get_ref (g_ptr_array_index (score->at_risk, i));
}

#define assert_view(s, view, expected_score, expected_pass)                                        \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_assert_cmpfloat ((s)->views[(view)].score, ==, (expected_score));                            \
    g_assert_cmpint ((s)->views[(view)].pass, ==, (expected_pass));                                \
  }                                                                                                \
  G_STMT_END

/* The three views */

static void
test_views_each_status (void)
{
  static const struct
  {
    const char *status;
    gboolean    counts[EVIDENT_N_VIEWS]; /* confirmed, projected, best */
  } cases[] = {
    { "not-started", { FALSE, FALSE, TRUE } }, { "in-progress", { FALSE, FALSE, TRUE } },
    { "ready", { FALSE, TRUE, TRUE } },        { "met", { TRUE, TRUE, TRUE } },
    { "not-met", { FALSE, FALSE, FALSE } },    { "not-applicable", { TRUE, TRUE, TRUE } },
  };

  /* One item of 10 points per status, alone in its checklist, so that the
   * score of a view is 10 when the status counts there and 0 otherwise. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GListStore) items = new_items ();
      g_autoptr (EvidentScore) score = NULL;

      add_item (items, "1.1", "1", 10, FALSE, cases[i].status);
      score = compute (&default_rules, NULL, items);

      for (EvidentView v = 0; v < EVIDENT_N_VIEWS; v++)
        {
          g_assert_cmpfloat (score->views[v].score, ==, cases[i].counts[v] ? 10 : 0);
          g_assert_cmpuint (score->views[v].n_counted, ==, cases[i].counts[v] ? 1 : 0);
          g_assert_false (score->views[v].pass); /* 10 < 900 */
          g_assert_cmpint (evident_status_counts_in ((EvidentStatus) i, v), ==, cases[i].counts[v]);
        }
    }
}

static void
test_views_mixed (void)
{
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) score = NULL;

  /* Powers of two, so that every sum names the items in it. */
  add_item (items, "1.1", "1", 1, FALSE, "not-started");
  add_item (items, "1.2", "1", 2, FALSE, "in-progress");
  add_item (items, "1.3", "1", 4, FALSE, "ready");
  add_item (items, "1.4", "1", 8, FALSE, "met");
  add_item (items, "1.5", "1", 16, FALSE, "not-met");
  add_item (items, "1.6", "1", 32, FALSE, "not-applicable");

  score = compute (&default_rules, NULL, items);

  g_assert_cmpint (score->max_score, ==, 63);             /* 1+2+4+8+16+32 */
  assert_view (score, EVIDENT_VIEW_CONFIRMED, 40, FALSE); /* met 8 + n/a 32 */
  assert_view (score, EVIDENT_VIEW_PROJECTED, 44, FALSE); /* 40 + ready 4 */
  assert_view (score, EVIDENT_VIEW_BEST, 47, FALSE);      /* 63 − not-met 16 */
  g_assert_cmpuint (score->views[EVIDENT_VIEW_CONFIRMED].n_counted, ==, 2);
  g_assert_cmpuint (score->views[EVIDENT_VIEW_PROJECTED].n_counted, ==, 3);
  g_assert_cmpuint (score->views[EVIDENT_VIEW_BEST].n_counted, ==, 5);
}

/* Penalties */

static void
test_penalty (void)
{
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) score = NULL;

  add_item (items, "1.1", "1", 600, TRUE, "met");
  add_item (items, "1.2", "1", 200, TRUE, "ready");
  add_item (items, "1.3", "1", 100, TRUE, "in-progress");
  add_item (items, "1.4", "1", 50, TRUE, "not-met");
  add_item (items, "1.5", "1", 50, FALSE, "not-met"); /* not mandatory: no penalty */

  score = compute (&default_rules, NULL, items);

  g_assert_cmpuint (score->n_mandatory, ==, 4);
  /* confirmed: 600 − 200 × 3 (1.2, 1.3, 1.4) = 0 */
  assert_view (score, EVIDENT_VIEW_CONFIRMED, 0, FALSE);
  g_assert_cmpuint (score->views[EVIDENT_VIEW_CONFIRMED].n_mandatory_open, ==, 3);
  /* projected: 600 + 200 − 200 × 2 (1.3, 1.4) = 400 */
  assert_view (score, EVIDENT_VIEW_PROJECTED, 400, FALSE);
  g_assert_cmpuint (score->views[EVIDENT_VIEW_PROJECTED].n_mandatory_open, ==, 2);
  /* best: 600 + 200 + 100 − 200 × 1 (1.4) = 700 */
  assert_view (score, EVIDENT_VIEW_BEST, 700, FALSE);
  g_assert_cmpuint (score->views[EVIDENT_VIEW_BEST].n_mandatory_open, ==, 1);
}

static void
test_penalty_below_zero (void)
{
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) score = NULL;

  add_item (items, "1.1", "1", 30, FALSE, "met");
  add_item (items, "1.2", "1", 40, TRUE, "not-started");
  add_item (items, "1.3", "1", 50, TRUE, "not-met");

  score = compute (&default_rules, NULL, items);

  /* confirmed and projected: 30 − 200 × 2 = −370 */
  assert_view (score, EVIDENT_VIEW_CONFIRMED, -370, FALSE);
  assert_view (score, EVIDENT_VIEW_PROJECTED, -370, FALSE);
  /* best: 30 + 40 − 200 × 1 = −130 */
  assert_view (score, EVIDENT_VIEW_BEST, -130, FALSE);
}

static void
test_penalty_mandatory_zero_points (void)
{
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) score = NULL;

  /* A mandatory item worth no points still costs the penalty. */
  add_item (items, "1.1", "1", 1000, FALSE, "met");
  add_item (items, "1.2", "1", 0, TRUE, "in-progress");

  score = compute (&default_rules, NULL, items);

  assert_view (score, EVIDENT_VIEW_CONFIRMED, 800, FALSE); /* 1000 + 0 − 200 */
  assert_view (score, EVIDENT_VIEW_BEST, 1000, TRUE);      /* 1000 + 0, nothing open */
}

/* The pass line */

static void
test_pass_line (void)
{
  g_autoptr (GListStore) at_line = new_items ();
  g_autoptr (GListStore) below = new_items ();
  g_autoptr (GListStore) penalised = new_items ();
  g_autoptr (EvidentScore) at_line_score = NULL;
  g_autoptr (EvidentScore) below_score = NULL;
  g_autoptr (EvidentScore) penalised_score = NULL;

  add_item (at_line, "1.1", "1", 900, FALSE, "met");
  add_item (at_line, "1.2", "1", 100, FALSE, "not-started");
  at_line_score = compute (&default_rules, NULL, at_line);
  assert_view (at_line_score, EVIDENT_VIEW_CONFIRMED, 900, TRUE); /* 900 ≥ 900 */

  add_item (below, "1.1", "1", 899, FALSE, "met");
  add_item (below, "1.2", "1", 101, FALSE, "not-started");
  below_score = compute (&default_rules, NULL, below);
  assert_view (below_score, EVIDENT_VIEW_CONFIRMED, 899, FALSE); /* 899 < 900 */
  assert_view (below_score, EVIDENT_VIEW_BEST, 1000, TRUE);

  /* 1000 points counted, but one open mandatory item: 1000 + 0 − 200 = 800. */
  add_item (penalised, "1.1", "1", 1000, FALSE, "met");
  add_item (penalised, "1.2", "1", 0, TRUE, "not-met");
  penalised_score = compute (&default_rules, NULL, penalised);
  assert_view (penalised_score, EVIDENT_VIEW_CONFIRMED, 800, FALSE);
  assert_view (penalised_score, EVIDENT_VIEW_BEST, 800, FALSE);
}

static void
test_not_applicable_counts_as_met (void)
{
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) score = NULL;

  add_item (items, "1.1", "1", 700, TRUE, "met");
  add_item (items, "1.2", "1", 200, TRUE, "not-applicable");
  add_item (items, "1.3", "1", 100, FALSE, "in-progress");

  score = compute (&default_rules, NULL, items);

  /* 700 + 200 = 900, no penalty for the not-applicable mandatory item. */
  assert_view (score, EVIDENT_VIEW_CONFIRMED, 900, TRUE);
  g_assert_cmpuint (score->views[EVIDENT_VIEW_CONFIRMED].n_mandatory_open, ==, 0);
  g_assert_cmpuint (score->views[EVIDENT_VIEW_CONFIRMED].n_counted, ==, 2);
  /* Nor is it at risk; only 1.3 is. */
  g_assert_cmpuint (score->at_risk->len, ==, 1);
  g_assert_cmpstr (at_risk_ref (score, 0), ==, "1.3");
}

static void
test_custom_rules (void)
{
  const EvidentRules custom = { EVIDENT_SCORE_MODE_POINTS, 500, 50 };
  const EvidentRules no_penalty = { EVIDENT_SCORE_MODE_POINTS, 350, 0 };
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) with_defaults = NULL;
  g_autoptr (EvidentScore) with_custom = NULL;
  g_autoptr (EvidentScore) with_no_penalty = NULL;

  add_item (items, "1.1", "1", 300, TRUE, "met");
  add_item (items, "1.2", "1", 250, FALSE, "met");
  add_item (items, "1.3", "1", 100, TRUE, "not-started");
  add_item (items, "1.4", "1", 50, FALSE, "ready");

  with_defaults = compute (&default_rules, NULL, items);
  assert_view (with_defaults, EVIDENT_VIEW_CONFIRMED, 350, FALSE); /* 550 − 200 */
  assert_view (with_defaults, EVIDENT_VIEW_PROJECTED, 400, FALSE); /* 600 − 200 */

  with_custom = compute (&custom, NULL, items);
  g_assert_cmpint (with_custom->rules.pass_score, ==, 500);
  g_assert_cmpint (with_custom->rules.mandatory_penalty, ==, 50);
  assert_view (with_custom, EVIDENT_VIEW_CONFIRMED, 500, TRUE); /* 550 − 50 = 500 ≥ 500 */
  assert_view (with_custom, EVIDENT_VIEW_PROJECTED, 550, TRUE); /* 600 − 50 */
  assert_view (with_custom, EVIDENT_VIEW_BEST, 700, TRUE);      /* 700, nothing open */
  g_assert_cmpint (
      evident_item_get_points_at_risk (g_ptr_array_index (with_custom->at_risk, 0), 50), ==,
      150); /* 100 + 50 */

  with_no_penalty = compute (&no_penalty, NULL, items);
  assert_view (with_no_penalty, EVIDENT_VIEW_CONFIRMED, 550, TRUE); /* 550 − 0 ≥ 350 */
}

/* Pass-fail mode */

static void
test_pass_fail_percent (void)
{
  const EvidentRules rules = { EVIDENT_SCORE_MODE_PASS_FAIL, 900, 200 };
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) score = NULL;

  /* The share of items, not of points: 1.1 alone holds most of the points. */
  add_item (items, "1.1", "1", 970, FALSE, "met");
  add_item (items, "1.2", "1", 10, FALSE, "ready");
  add_item (items, "1.3", "1", 10, FALSE, "not-applicable");
  add_item (items, "1.4", "1", 10, FALSE, "not-met");

  score = compute (&rules, NULL, items);

  assert_view (score, EVIDENT_VIEW_CONFIRMED, 50, TRUE); /* 2 of 4 = 50 % */
  assert_view (score, EVIDENT_VIEW_PROJECTED, 75, TRUE); /* 3 of 4 = 75 % */
  assert_view (score, EVIDENT_VIEW_BEST, 75, TRUE);      /* 3 of 4: not-met never counts */
  g_assert_cmpint (score->max_score, ==, 1000);          /* 970 + 10 + 10 + 10 */
}

static void
test_pass_fail_thirds (void)
{
  const EvidentRules rules = { EVIDENT_SCORE_MODE_PASS_FAIL, 900, 200 };
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) score = NULL;

  add_item (items, "1.1", "1", 10, FALSE, "met");
  add_item (items, "1.2", "1", 10, FALSE, "in-progress");
  add_item (items, "1.3", "1", 10, FALSE, "not-started");

  score = compute (&rules, NULL, items);

  /* 1 of 3 = 33.33… %; 3 of 3 = 100 % */
  g_assert_cmpfloat_with_epsilon (score->views[EVIDENT_VIEW_CONFIRMED].score, 100.0 / 3, 1e-9);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_BEST].score, ==, 100);
}

static void
test_pass_fail_low_percent_passes (void)
{
  const EvidentRules rules = { EVIDENT_SCORE_MODE_PASS_FAIL, 900, 200 };
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) score = NULL;

  /* The only mandatory item is met; nine others are not started. */
  add_item (items, "1.0", "1", 10, TRUE, "met");
  for (guint i = 1; i <= 9; i++)
    {
      g_autofree char *ref = g_strdup_printf ("1.%u", i);

      add_item (items, ref, "1", 10, FALSE, "not-started");
    }

  score = compute (&rules, NULL, items);

  /* 1 of 10 = 10 %: far below pass_score, yet a pass, since pass-fail only
   * asks for every mandatory item. No penalty either. */
  assert_view (score, EVIDENT_VIEW_CONFIRMED, 10, TRUE);
  assert_view (score, EVIDENT_VIEW_PROJECTED, 10, TRUE);
  assert_view (score, EVIDENT_VIEW_BEST, 100, TRUE); /* 10 of 10 */
}

static void
test_pass_fail_open_mandatory_fails (void)
{
  const EvidentRules rules = { EVIDENT_SCORE_MODE_PASS_FAIL, 90, 200 };
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) score = NULL;

  for (guint i = 1; i <= 99; i++)
    {
      g_autofree char *ref = g_strdup_printf ("1.%u", i);

      add_item (items, ref, "1", 1, FALSE, i % 2 ? "met" : "not-applicable");
    }
  add_item (items, "2.1", "2", 1, TRUE, "ready");

  score = compute (&rules, NULL, items);

  /* 99 of 100 = 99 %, but the mandatory 2.1 is only ready: fail. */
  assert_view (score, EVIDENT_VIEW_CONFIRMED, 99, FALSE);
  g_assert_cmpuint (score->views[EVIDENT_VIEW_CONFIRMED].n_mandatory_open, ==, 1);
  /* Projected counts ready: 100 of 100, pass. */
  assert_view (score, EVIDENT_VIEW_PROJECTED, 100, TRUE);
  assert_view (score, EVIDENT_VIEW_BEST, 100, TRUE);
}

/* Chapters */

static void
test_chapters (void)
{
  g_autoptr (GListStore) chapters = g_list_store_new (EVIDENT_TYPE_CHAPTER);
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) score = NULL;
  const EvidentChapterScore *c;

  /* The chapters model decides the order, not the items nor the numbers;
   * chapter 5 has no items. */
  {
    const char *numbers[] = { "2", "10", "1", "5" };
    const char *titles[] = { "Business Health", "Service Level Agreement",
                             "Partner Capabilities Overview", "Solution Design Capability" };

    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      {
        g_autoptr (EvidentChapter) chapter = evident_chapter_new (numbers[i], titles[i]);

        g_list_store_append (chapters, chapter);
      }
  }

  add_item (items, "1.1", "1", 40, TRUE, "met");
  add_item (items, "1.2", "1", 30, TRUE, "not-started");
  add_item (items, "1.3", "1", 20, FALSE, "ready");
  add_item (items, "2.1", "2", 100, TRUE, "not-met");
  add_item (items, "2.2", "2", 50, FALSE, "not-applicable");
  add_item (items, "10.1", "10", 7, FALSE, "in-progress");

  score = compute (&default_rules, chapters, items);

  g_assert_cmpuint (score->chapters->len, ==, 4);

  c = chapter_at (score, 0);
  g_assert_cmpstr (c->number, ==, "2");
  g_assert_cmpstr (c->title, ==, "Business Health");
  g_assert_cmpuint (c->n_items, ==, 2);
  g_assert_cmpint (c->points, ==, 150);                                /* 100 + 50 */
  g_assert_cmpint (c->points_counted[EVIDENT_VIEW_CONFIRMED], ==, 50); /* n/a 50, no −200 */
  g_assert_cmpint (c->points_counted[EVIDENT_VIEW_PROJECTED], ==, 50);
  g_assert_cmpint (c->points_counted[EVIDENT_VIEW_BEST], ==, 50); /* not-met never */
  g_assert_cmpuint (c->n_counted[EVIDENT_VIEW_CONFIRMED], ==, 1);
  g_assert_cmpuint (c->n_counted[EVIDENT_VIEW_BEST], ==, 1);
  g_assert_cmpuint (c->n_mandatory_open, ==, 1); /* 2.1 */

  c = chapter_at (score, 1);
  g_assert_cmpstr (c->number, ==, "10");
  g_assert_cmpstr (c->title, ==, "Service Level Agreement");
  g_assert_cmpuint (c->n_items, ==, 1);
  g_assert_cmpint (c->points, ==, 7);
  g_assert_cmpint (c->points_counted[EVIDENT_VIEW_CONFIRMED], ==, 0);
  g_assert_cmpint (c->points_counted[EVIDENT_VIEW_PROJECTED], ==, 0);
  g_assert_cmpint (c->points_counted[EVIDENT_VIEW_BEST], ==, 7);
  g_assert_cmpuint (c->n_mandatory_open, ==, 0);

  c = chapter_at (score, 2);
  g_assert_cmpstr (c->number, ==, "1");
  g_assert_cmpstr (c->title, ==, "Partner Capabilities Overview");
  g_assert_cmpuint (c->n_items, ==, 3);
  g_assert_cmpint (c->points, ==, 90);                                 /* 40 + 30 + 20 */
  g_assert_cmpint (c->points_counted[EVIDENT_VIEW_CONFIRMED], ==, 40); /* no −200 for 1.2 */
  g_assert_cmpint (c->points_counted[EVIDENT_VIEW_PROJECTED], ==, 60); /* 40 + 20 */
  g_assert_cmpint (c->points_counted[EVIDENT_VIEW_BEST], ==, 90);
  g_assert_cmpuint (c->n_counted[EVIDENT_VIEW_CONFIRMED], ==, 1);
  g_assert_cmpuint (c->n_counted[EVIDENT_VIEW_PROJECTED], ==, 2);
  g_assert_cmpuint (c->n_counted[EVIDENT_VIEW_BEST], ==, 3);
  g_assert_cmpuint (c->n_mandatory_open, ==, 1); /* 1.2 */

  c = chapter_at (score, 3);
  g_assert_cmpstr (c->number, ==, "5");
  g_assert_cmpuint (c->n_items, ==, 0);
  g_assert_cmpint (c->points, ==, 0);
  for (EvidentView v = 0; v < EVIDENT_N_VIEWS; v++)
    g_assert_cmpint (c->points_counted[v], ==, 0);

  /* The whole checklist does carry the penalties: 40 + 50 − 200 × 2 = −310. */
  assert_view (score, EVIDENT_VIEW_CONFIRMED, -310, FALSE);

  /* What the sidebar shows once the chapter objects are updated. */
  for (guint i = 0; i < score->chapters->len; i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (G_LIST_MODEL (chapters), i);

      evident_chapter_update (chapter, chapter_at (score, i));
    }
  {
    g_autoptr (EvidentChapter) first = g_list_model_get_item (G_LIST_MODEL (chapters), 2);
    g_autoptr (EvidentChapter) empty = g_list_model_get_item (G_LIST_MODEL (chapters), 3);

    g_assert_cmpuint (evident_chapter_get_n_items (first), ==, 3);
    g_assert_cmpint (evident_chapter_get_points (first), ==, 90);
    g_assert_cmpint (evident_chapter_get_points_counted (first, EVIDENT_VIEW_PROJECTED), ==, 60);
    g_assert_cmpuint (evident_chapter_get_n_counted (first, EVIDENT_VIEW_CONFIRMED), ==, 1);
    g_assert_cmpuint (evident_chapter_get_n_mandatory_open (first), ==, 1);
    g_assert_cmpfloat_with_epsilon (evident_chapter_get_progress (first), 2.0 / 3, 1e-9);
    g_assert_cmpfloat (evident_chapter_get_progress (empty), ==, 0);
  }
}

static void
test_chapters_without_model (void)
{
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) score = NULL;

  /* Without a chapters model: in order of first appearance among the items. */
  add_item (items, "3.1", "3", 5, FALSE, "met");
  add_item (items, "1.1", "1", 6, FALSE, "ready");
  add_item (items, "3.2", "3", 7, FALSE, "not-met");

  score = compute (&default_rules, NULL, items);

  g_assert_cmpuint (score->chapters->len, ==, 2);
  g_assert_cmpstr (chapter_at (score, 0)->number, ==, "3");
  g_assert_cmpuint (chapter_at (score, 0)->n_items, ==, 2);
  g_assert_cmpint (chapter_at (score, 0)->points, ==, 12); /* 5 + 7 */
  g_assert_cmpint (chapter_at (score, 0)->points_counted[EVIDENT_VIEW_CONFIRMED], ==, 5);
  g_assert_cmpstr (chapter_at (score, 1)->number, ==, "1");
  g_assert_cmpint (chapter_at (score, 1)->points_counted[EVIDENT_VIEW_CONFIRMED], ==, 0);
  g_assert_cmpint (chapter_at (score, 1)->points_counted[EVIDENT_VIEW_PROJECTED], ==, 6);
}

/* Totals */

static void
test_max_score (void)
{
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) score = NULL;

  /* Every item's points, whatever its status or flag. */
  add_item (items, "1.1", "1", 250, TRUE, "not-met");
  add_item (items, "1.2", "1", 0, FALSE, "met");
  add_item (items, "2.1", "2", 125, FALSE, "not-applicable");
  add_item (items, "2.2", "2", 625, TRUE, "not-started");

  score = compute (&default_rules, NULL, items);

  g_assert_cmpint (score->max_score, ==, 1000); /* 250 + 0 + 125 + 625 */
  g_assert_cmpuint (score->n_items, ==, 4);
  g_assert_cmpuint (score->n_mandatory, ==, 2);
  g_assert_cmpint (score->rules.mode, ==, EVIDENT_SCORE_MODE_POINTS);
  g_assert_cmpint (score->rules.pass_score, ==, 900);
}


/* Sums are 64-bit: points as large as a file can hold do not wrap (which
 * UBSan reports as undefined behaviour). */
static void
test_max_score_no_overflow (void)
{
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) score = NULL;
  const EvidentChapterScore *chapter;

  add_item (items, "1.1", "1", G_MAXINT, TRUE, "met");
  add_item (items, "1.2", "1", G_MAXINT, TRUE, "ready");
  add_item (items, "1.3", "1", G_MAXINT, TRUE, "not-started");

  score = compute (&default_rules, NULL, items);
  g_assert_cmpint (score->max_score, ==, 3 * (gint64) G_MAXINT);
  chapter = &g_array_index (score->chapters, EvidentChapterScore, 0);
  g_assert_cmpint (chapter->points, ==, 3 * (gint64) G_MAXINT);
  g_assert_cmpint (chapter->points_counted[EVIDENT_VIEW_BEST], ==, 3 * (gint64) G_MAXINT);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_PROJECTED].score, ==, 2.0 * G_MAXINT - 200);
  /* The one at risk, with its penalty. */
  g_assert_cmpuint (score->at_risk->len, ==, 1);
  g_assert_cmpint (evident_item_get_points_at_risk (g_ptr_array_index (score->at_risk, 0), 200),
                   ==, (gint64) G_MAXINT + 200);
}

/* Points at risk */

static void
test_at_risk (void)
{
  const EvidentRules no_penalty = { EVIDENT_SCORE_MODE_POINTS, 900, 0 };
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) score = NULL;
  g_autoptr (EvidentScore) score_no_penalty = NULL;
  EvidentItem *f;

  add_item (items, "1.1", "1", 50, FALSE, "not-started");   /* 50 */
  add_item (items, "1.2", "1", 30, TRUE, "in-progress");    /* 30 + 200 = 230 */
  add_item (items, "1.3", "1", 100, TRUE, "met");           /* counted */
  add_item (items, "1.4", "1", 50, FALSE, "not-met");       /* 50, ties with 1.1 */
  add_item (items, "1.5", "1", 10, TRUE, "ready");          /* counted in projected */
  f = add_item (items, "2.1", "2", 0, TRUE, "not-met");     /* 0 + 200 = 200 */
  add_item (items, "2.2", "2", 250, FALSE, "not-started");  /* 250 */
  add_item (items, "2.3", "2", 40, TRUE, "not-applicable"); /* counted */

  score = compute (&default_rules, NULL, items);

  /* Largest first, ties in checklist order, counted items absent. */
  g_assert_cmpuint (score->at_risk->len, ==, 5);
  g_assert_cmpstr (at_risk_ref (score, 0), ==, "2.2"); /* 250 */
  g_assert_cmpstr (at_risk_ref (score, 1), ==, "1.2"); /* 230 */
  g_assert_cmpstr (at_risk_ref (score, 2), ==, "2.1"); /* 200 */
  g_assert_cmpstr (at_risk_ref (score, 3), ==, "1.1"); /* 50, before 1.4 */
  g_assert_cmpstr (at_risk_ref (score, 4), ==, "1.4"); /* 50 */

  g_assert_cmpint (evident_item_get_points_at_risk (f, 200), ==, 200);
  g_assert_cmpint (evident_item_get_points_at_risk (g_ptr_array_index (score->at_risk, 1), 200), ==,
                   230);

  /* Without a penalty the mandatory items drop back. */
  score_no_penalty = compute (&no_penalty, NULL, items);
  g_assert_cmpuint (score_no_penalty->at_risk->len, ==, 5);
  g_assert_cmpstr (at_risk_ref (score_no_penalty, 0), ==, "2.2"); /* 250 */
  g_assert_cmpstr (at_risk_ref (score_no_penalty, 1), ==, "1.1"); /* 50 */
  g_assert_cmpstr (at_risk_ref (score_no_penalty, 2), ==, "1.4"); /* 50 */
  g_assert_cmpstr (at_risk_ref (score_no_penalty, 3), ==, "1.2"); /* 30 + 0 */
  g_assert_cmpstr (at_risk_ref (score_no_penalty, 4), ==, "2.1"); /* 0 + 0 */
}

static void
test_at_risk_follows_status (void)
{
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (EvidentScore) before = NULL;
  g_autoptr (EvidentScore) after = NULL;
  EvidentItem *item;

  item = add_item (items, "1.1", "1", 70, TRUE, "in-progress");
  before = compute (&default_rules, NULL, items);
  g_assert_cmpuint (before->at_risk->len, ==, 1);
  g_assert_cmpint (evident_item_get_points_at_risk (item, 200), ==, 270); /* 70 + 200 */

  /* Ready for review: counted in the projected view, so no longer at risk. */
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_STATUS, "ready");
  after = compute (&default_rules, NULL, items);
  g_assert_cmpuint (after->at_risk->len, ==, 0);
  g_assert_cmpint (evident_item_get_points_at_risk (item, 200), ==, 0);
  /* Still not confirmed, so the penalty stays there: 0 − 200 = −200. */
  assert_view (after, EVIDENT_VIEW_CONFIRMED, -200, FALSE);
  assert_view (after, EVIDENT_VIEW_PROJECTED, 70, FALSE);
}

/* Degenerate input */

static void
test_empty (void)
{
  const EvidentRules pass_fail = { EVIDENT_SCORE_MODE_PASS_FAIL, 900, 200 };
  g_autoptr (GListStore) items = new_items ();
  g_autoptr (GListStore) chapters = g_list_store_new (EVIDENT_TYPE_CHAPTER);
  g_autoptr (EvidentChapter) chapter = evident_chapter_new ("1", "Partner Capabilities Overview");
  g_autoptr (EvidentScore) score = NULL;
  g_autoptr (EvidentScore) with_chapter = NULL;
  g_autoptr (EvidentScore) pass_fail_score = NULL;

  score = compute (&default_rules, NULL, items);
  g_assert_cmpint (score->max_score, ==, 0);
  g_assert_cmpuint (score->n_items, ==, 0);
  g_assert_cmpuint (score->n_mandatory, ==, 0);
  g_assert_cmpuint (score->chapters->len, ==, 0);
  g_assert_cmpuint (score->at_risk->len, ==, 0);
  for (EvidentView v = 0; v < EVIDENT_N_VIEWS; v++)
    assert_view (score, v, 0, FALSE); /* 0 < 900 */

  g_list_store_append (chapters, chapter);
  with_chapter = compute (&default_rules, chapters, items);
  g_assert_cmpuint (with_chapter->chapters->len, ==, 1);
  g_assert_cmpuint (chapter_at (with_chapter, 0)->n_items, ==, 0);

  /* No division by zero in pass-fail mode. */
  pass_fail_score = compute (&pass_fail, NULL, items);
  for (EvidentView v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      g_assert_false (isnan (pass_fail_score->views[v].score));
      g_assert_cmpfloat (pass_fail_score->views[v].score, ==, 0);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scoring/views/each-status", test_views_each_status);
  g_test_add_func ("/scoring/views/mixed", test_views_mixed);
  g_test_add_func ("/scoring/penalty", test_penalty);
  g_test_add_func ("/scoring/penalty/below-zero", test_penalty_below_zero);
  g_test_add_func ("/scoring/penalty/zero-points", test_penalty_mandatory_zero_points);
  g_test_add_func ("/scoring/pass-line", test_pass_line);
  g_test_add_func ("/scoring/not-applicable", test_not_applicable_counts_as_met);
  g_test_add_func ("/scoring/custom-rules", test_custom_rules);
  g_test_add_func ("/scoring/pass-fail/percent", test_pass_fail_percent);
  g_test_add_func ("/scoring/pass-fail/thirds", test_pass_fail_thirds);
  g_test_add_func ("/scoring/pass-fail/low-percent-passes", test_pass_fail_low_percent_passes);
  g_test_add_func ("/scoring/pass-fail/open-mandatory-fails", test_pass_fail_open_mandatory_fails);
  g_test_add_func ("/scoring/chapters", test_chapters);
  g_test_add_func ("/scoring/chapters/without-model", test_chapters_without_model);
  g_test_add_func ("/scoring/max-score", test_max_score);
  g_test_add_func ("/scoring/max-score/no-overflow", test_max_score_no_overflow);
  g_test_add_func ("/scoring/at-risk", test_at_risk);
  g_test_add_func ("/scoring/at-risk/follows-status", test_at_risk_follows_status);
  g_test_add_func ("/scoring/empty", test_empty);

  return g_test_run ();
}
