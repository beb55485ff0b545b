/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The owner × complexity heat map of the overview page. Pure: items are
 * built in memory, no project file. Every expected number is worked out by
 * hand in the comment beside it. */

#include "config.h"

#include <math.h>

#include <gio/gio.h>

#include "evident-enums.h"
#include "evident-heatmap.h"
#include "evident-item-private.h"

/* Helpers */

static const EvidentRules default_rules = {
  EVIDENT_SCORE_MODE_POINTS,
  EVIDENT_DEFAULT_PASS_SCORE,
  EVIDENT_DEFAULT_MANDATORY_PENALTY, /* 200 */
};

enum
{
  LOW,
  MEDIUM,
  HIGH,
  UNRATED,
};

#define TOTAL EVIDENT_HEATMAP_TOTAL

static EvidentItem *
add_item (GListStore *items,
          const char *ref,
          const char *owner,
          const char *complexity,
          int         points,
          gboolean    mandatory,
          const char *status)
{
  g_autoptr (EvidentItem) item = NULL;
  g_autofree char *title = g_strdup_printf ("Item %s", ref);

  item = evident_item_new (g_list_model_get_n_items (G_LIST_MODEL (items)) + 1, ref, "1", NULL,
                           NULL, title, NULL, NULL, points, mandatory);
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_STATUS, status);
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_OWNER, owner);
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_COMPLEXITY, complexity);
  g_list_store_append (items, item);

  return item; /* owned by @items */
}

/* The checklist most tests use. Rows once sorted ignoring case:
 *   0 audit lead, 1 Billing, 2 Security lead, 3 Unassigned
 * (a case-sensitive sort would put "audit lead" last). Penalty 200.
 *
 *   ref  owner          complexity  points  M  status          open?  at risk
 *   1.1  Security lead  high          40    M  not-started     open   40 + 200 = 240
 *   1.2  Security lead  high          30       in-progress     open   30
 *   1.3  Security lead  high          20       ready           done   0
 *   1.4  Security lead  low           10       met             done   0
 *   2.1  audit lead     medium        50    M  ready           done   0
 *   2.2  audit lead     medium        25       not-met         open   25
 *   2.3  audit lead     unrated       15       not-applicable  done   0
 *   3.1  —              low           60    M  not-met         open   60 + 200 = 260
 *   3.2  —              unrated        5       not-started     open   5
 *   3.3  Billing        high          35       met             done   0
 */
static GListStore *
new_checklist (void)
{
  GListStore *items = g_list_store_new (EVIDENT_TYPE_ITEM);

  add_item (items, "1.1", "Security lead", "high", 40, TRUE, "not-started");
  add_item (items, "1.2", "Security lead", "high", 30, FALSE, "in-progress");
  add_item (items, "1.3", "Security lead", "high", 20, FALSE, "ready");
  add_item (items, "1.4", "Security lead", "low", 10, FALSE, "met");
  add_item (items, "2.1", "audit lead", "medium", 50, TRUE, "ready");
  add_item (items, "2.2", "audit lead", "medium", 25, FALSE, "not-met");
  add_item (items, "2.3", "audit lead", NULL, 15, FALSE, "not-applicable");
  add_item (items, "3.1", NULL, "low", 60, TRUE, "not-met");
  add_item (items, "3.2", NULL, NULL, 5, FALSE, "not-started");
  add_item (items, "3.3", "Billing", "high", 35, FALSE, "met");

  return items;
}

static EvidentHeatmap *
compute (const EvidentRules   *rules,
         GListStore           *items,
         EvidentHeatmapMetric  metric)
{
  EvidentHeatmap *heatmap = evident_heatmap_compute (rules, G_LIST_MODEL (items), metric);

  g_assert_nonnull (heatmap);
  return heatmap;
}

#define assert_cell(hm, row, column, items, open, pts, counted, at_risk)                           \
  G_STMT_START                                                                                     \
  {                                                                                                \
    const EvidentHeatmapCell *cell_ = evident_heatmap_get_cell ((hm), (row), (column));            \
    g_assert_nonnull (cell_);                                                                      \
    g_assert_cmpuint (cell_->n_items, ==, (items));                                                \
    g_assert_cmpuint (cell_->n_open, ==, (open));                                                  \
    g_assert_cmpint (cell_->points, ==, (pts));                                                    \
    g_assert_cmpint (cell_->points_counted, ==, (counted));                                        \
    g_assert_cmpint (cell_->points_at_risk, ==, (at_risk));                                        \
  }                                                                                                \
  G_STMT_END

#define assert_value(hm, row, column, expected)                                                    \
  g_assert_cmpfloat_with_epsilon (evident_heatmap_get_value ((hm), (row), (column)), (expected),   \
                                  1e-9)

/* Rows and columns */

static void
test_owner_order (void)
{
  g_autoptr (GListStore) items = new_checklist ();
  g_autoptr (EvidentHeatmap) hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_OPEN);
  const char *expected[] = { "audit lead", "Billing", "Security lead", NULL };
  guint row = 99;

  g_assert_cmpuint (hm->n_rows, ==, 4); /* three owners + Unassigned */
  g_assert_cmpstrv (hm->owners, expected);
  for (guint r = 0; r < 3; r++)
    {
      g_assert_cmpstr (evident_heatmap_get_owner (hm, r), ==, expected[r]);
      g_assert_cmpstr (evident_heatmap_get_row_label (hm, r), ==, expected[r]);
    }
  g_assert_null (evident_heatmap_get_owner (hm, 3));
  g_assert_cmpstr (evident_heatmap_get_row_label (hm, 3), ==, "Unassigned");
  g_assert_null (evident_heatmap_get_owner (hm, TOTAL));
  g_assert_cmpstr (evident_heatmap_get_row_label (hm, TOTAL), ==, "Total");

  g_assert_true (evident_heatmap_lookup_row (hm, "Security lead", &row));
  g_assert_cmpuint (row, ==, 2);
  g_assert_true (evident_heatmap_lookup_row (hm, NULL, &row));
  g_assert_cmpuint (row, ==, 3);
  g_assert_true (evident_heatmap_lookup_row (hm, "", &row));
  g_assert_cmpuint (row, ==, 3);
  row = 99;
  g_assert_false (evident_heatmap_lookup_row (hm, "security lead", &row)); /* names are exact */
  g_assert_false (evident_heatmap_lookup_row (hm, "Nobody", &row));
  g_assert_cmpuint (row, ==, 99);
}

static void
test_owner_order_same_name_in_two_cases (void)
{
  g_autoptr (GListStore) items = g_list_store_new (EVIDENT_TYPE_ITEM);
  g_autoptr (EvidentHeatmap) hm = NULL;
  const char *expected[] = { "Bob", "bob", "Carol", "Éva", NULL };

  /* Two owners that differ in case only stay two rows, in a stable order;
   * "Éva" sorts by its folded case, after "Carol" in any locale. */
  add_item (items, "1.1", "Éva", "low", 1, FALSE, "met");
  add_item (items, "1.2", "bob", "low", 1, FALSE, "met");
  add_item (items, "1.3", "Carol", "low", 1, FALSE, "met");
  add_item (items, "1.4", "Bob", "low", 1, FALSE, "met");
  add_item (items, "1.5", "bob", "low", 1, FALSE, "met");
  hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_OPEN);

  g_assert_cmpstrv (hm->owners, expected);
  g_assert_cmpuint (hm->n_rows, ==, 5);
  assert_cell (hm, 1, LOW, 2, 0, 2, 2, 0); /* "bob": 1.2 and 1.5 */
  assert_cell (hm, 0, LOW, 1, 0, 1, 1, 0); /* "Bob": 1.4 */
}

static void
test_unassigned_row_always_last (void)
{
  g_autoptr (GListStore) items = g_list_store_new (EVIDENT_TYPE_ITEM);
  g_autoptr (EvidentHeatmap) hm = NULL;

  /* Everything assigned: the Unassigned row is still there, empty. */
  add_item (items, "1.1", "Zed", "low", 10, FALSE, "not-started");
  hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_OPEN);

  g_assert_cmpuint (hm->n_rows, ==, 2);
  g_assert_cmpstr (evident_heatmap_get_row_label (hm, 0), ==, "Zed");
  g_assert_cmpstr (evident_heatmap_get_row_label (hm, 1), ==, "Unassigned");
  for (guint c = 0; c < EVIDENT_HEATMAP_N_COLUMNS; c++)
    assert_cell (hm, 1, c, 0, 0, 0, 0, 0);
  assert_cell (hm, 1, TOTAL, 0, 0, 0, 0, 0);
}

static void
test_unassigned (void)
{
  g_autoptr (GListStore) items = new_checklist ();
  g_autoptr (EvidentHeatmap) hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_OPEN);

  /* 3.1: low, 60 points, mandatory, not-met: open, 60 + 200 = 260 at risk */
  assert_cell (hm, 3, LOW, 1, 1, 60, 0, 260);
  /* 3.2: unrated, 5 points, not-started: open, 5 at risk */
  assert_cell (hm, 3, UNRATED, 1, 1, 5, 0, 5);
  assert_cell (hm, 3, MEDIUM, 0, 0, 0, 0, 0);
  assert_cell (hm, 3, HIGH, 0, 0, 0, 0, 0);
  /* row: 2 items, both open, 260 + 5 = 265 at risk */
  assert_cell (hm, 3, TOTAL, 2, 2, 65, 0, 265);
}

static void
test_unrated (void)
{
  g_autoptr (GListStore) items = new_checklist ();
  g_autoptr (EvidentHeatmap) hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_OPEN);

  /* The columns are low, medium, high, unrated; unrated is the last. */
  g_assert_cmpint (evident_heatmap_column_get_complexity (0), ==, EVIDENT_COMPLEXITY_LOW);
  g_assert_cmpint (evident_heatmap_column_get_complexity (1), ==, EVIDENT_COMPLEXITY_MEDIUM);
  g_assert_cmpint (evident_heatmap_column_get_complexity (2), ==, EVIDENT_COMPLEXITY_HIGH);
  g_assert_cmpint (evident_heatmap_column_get_complexity (3), ==, EVIDENT_COMPLEXITY_NONE);
  for (guint c = 0; c < EVIDENT_HEATMAP_N_COLUMNS; c++)
    g_assert_cmpuint (
        evident_heatmap_complexity_get_column (evident_heatmap_column_get_complexity (c)), ==, c);

  /* 2.3 (audit lead, n/a, 15) and 3.2 (unassigned, not-started, 5) */
  assert_cell (hm, 0, UNRATED, 1, 0, 15, 15, 0);
  assert_cell (hm, 3, UNRATED, 1, 1, 5, 0, 5);
  assert_cell (hm, TOTAL, UNRATED, 2, 1, 20, 15, 5);
}

/* The numbers */

static void
test_cells (void)
{
  g_autoptr (GListStore) items = new_checklist ();
  g_autoptr (EvidentHeatmap) hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_OPEN);

  /* audit lead: medium 2.1 (ready, done) + 2.2 (not-met, open, 25);
   * unrated 2.3 (n/a) */
  assert_cell (hm, 0, LOW, 0, 0, 0, 0, 0);
  assert_cell (hm, 0, MEDIUM, 2, 1, 75, 50, 25); /* 50 + 25 points, 50 counted */
  assert_cell (hm, 0, HIGH, 0, 0, 0, 0, 0);
  assert_cell (hm, 0, UNRATED, 1, 0, 15, 15, 0);
  /* Billing: high 3.3 (met) */
  assert_cell (hm, 1, LOW, 0, 0, 0, 0, 0);
  assert_cell (hm, 1, MEDIUM, 0, 0, 0, 0, 0);
  assert_cell (hm, 1, HIGH, 1, 0, 35, 35, 0);
  assert_cell (hm, 1, UNRATED, 0, 0, 0, 0, 0);
  /* Security lead: low 1.4 (met); high 1.1 (open, 240), 1.2 (open, 30),
   * 1.3 (ready): 40 + 30 + 20 = 90 points, 20 counted, 240 + 30 = 270 */
  assert_cell (hm, 2, LOW, 1, 0, 10, 10, 0);
  assert_cell (hm, 2, MEDIUM, 0, 0, 0, 0, 0);
  assert_cell (hm, 2, HIGH, 3, 2, 90, 20, 270);
  assert_cell (hm, 2, UNRATED, 0, 0, 0, 0, 0);
}

static void
test_totals (void)
{
  g_autoptr (GListStore) items = new_checklist ();
  g_autoptr (EvidentHeatmap) hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_OPEN);

  /* Rows */
  assert_cell (hm, 0, TOTAL, 3, 1, 90, 65, 25);    /* 75 + 15 points; 50 + 15 counted */
  assert_cell (hm, 1, TOTAL, 1, 0, 35, 35, 0);
  assert_cell (hm, 2, TOTAL, 4, 2, 100, 30, 270);  /* 10 + 90 points; 10 + 20 counted */
  assert_cell (hm, 3, TOTAL, 2, 2, 65, 0, 265);
  /* Columns */
  assert_cell (hm, TOTAL, LOW, 2, 1, 70, 10, 260);     /* 1.4, 3.1: 10 + 60 */
  assert_cell (hm, TOTAL, MEDIUM, 2, 1, 75, 50, 25);   /* 2.1, 2.2 */
  assert_cell (hm, TOTAL, HIGH, 4, 2, 125, 55, 270);   /* 1.1–1.3, 3.3: 90 + 35; 20 + 35 */
  assert_cell (hm, TOTAL, UNRATED, 2, 1, 20, 15, 5);   /* 2.3, 3.2 */
  /* Everything: 10 items, 5 open (1.1, 1.2, 2.2, 3.1, 3.2);
   * points 40+30+20+10+50+25+15+60+5+35 = 290;
   * counted (1.3, 1.4, 2.1, 2.3, 3.3) 20+10+50+15+35 = 130;
   * at risk 240 + 30 + 25 + 260 + 5 = 560 */
  assert_cell (hm, TOTAL, TOTAL, 10, 5, 290, 130, 560);
}

static void
test_metric_open (void)
{
  g_autoptr (GListStore) items = new_checklist ();
  g_autoptr (EvidentHeatmap) hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_OPEN);
  const double cells[4][4] = {
    { 0, 1, 0, 0 }, /* audit lead: 2.2 */
    { 0, 0, 0, 0 }, /* Billing */
    { 0, 0, 2, 0 }, /* Security lead: 1.1, 1.2 */
    { 1, 0, 0, 1 }, /* Unassigned: 3.1, 3.2 */
  };
  const double row_totals[4] = { 1, 0, 2, 2 };
  const double column_totals[4] = { 1, 1, 2, 1 };

  for (guint r = 0; r < 4; r++)
    for (guint c = 0; c < 4; c++)
      assert_value (hm, r, c, cells[r][c]);
  for (guint i = 0; i < 4; i++)
    {
      assert_value (hm, i, TOTAL, row_totals[i]);
      assert_value (hm, TOTAL, i, column_totals[i]);
    }
  assert_value (hm, TOTAL, TOTAL, 5);
  g_assert_cmpfloat (evident_heatmap_get_max_value (hm), ==, 2);
}

static void
test_metric_risk (void)
{
  g_autoptr (GListStore) items = new_checklist ();
  g_autoptr (EvidentHeatmap) hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_RISK);
  const double cells[4][4] = {
    { 0, 25, 0, 0 },  /* 2.2: 25, not mandatory */
    { 0, 0, 0, 0 },   /* 3.3 met */
    { 0, 0, 270, 0 }, /* 1.1: 40 + 200; 1.2: 30 */
    { 260, 0, 0, 5 }, /* 3.1: 60 + 200; 3.2: 5 */
  };
  const double row_totals[4] = { 25, 0, 270, 265 };
  const double column_totals[4] = { 260, 25, 270, 5 };

  for (guint r = 0; r < 4; r++)
    for (guint c = 0; c < 4; c++)
      assert_value (hm, r, c, cells[r][c]);
  for (guint i = 0; i < 4; i++)
    {
      assert_value (hm, i, TOTAL, row_totals[i]);
      assert_value (hm, TOTAL, i, column_totals[i]);
    }
  assert_value (hm, TOTAL, TOTAL, 560); /* 25 + 270 + 265 */
  g_assert_cmpfloat (evident_heatmap_get_max_value (hm), ==, 270);
}

/* Statuses given in place of the items' own (a what-if scenario's): the
 * items' own give the same heat map; others move items between open and
 * done, and their points at risk with them, the items untouched. */
static void
test_with_statuses (void)
{
  g_autoptr (GListStore) items = new_checklist ();
  g_autoptr (EvidentHeatmap) real = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_RISK);
  g_autoptr (EvidentHeatmap) same = NULL;
  g_autoptr (EvidentHeatmap) assumed = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (items));
  g_autoptr (GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree EvidentStatus *statuses = g_new (EvidentStatus, n);

  for (guint i = 0; i < n; i++)
    {
      EvidentItem *item = g_list_model_get_item (G_LIST_MODEL (items), i);

      g_ptr_array_add (array, item);
      statuses[i] = evident_item_get_status (item);
    }
  same = evident_heatmap_compute_with_statuses (&default_rules, (EvidentItem **) array->pdata,
                                                statuses, n, EVIDENT_HEATMAP_METRIC_RISK);
  for (guint r = 0; r < 4; r++)
    for (guint c = 0; c < 4; c++)
      assert_value (same, r, c, evident_heatmap_get_value (real, r, c));

  /* 1.1 (mandatory, 40) assumed met; 1.4 (10, met) assumed not met */
  statuses[0] = EVIDENT_STATUS_MET;
  statuses[3] = EVIDENT_STATUS_NOT_MET;
  assumed = evident_heatmap_compute_with_statuses (&default_rules, (EvidentItem **) array->pdata,
                                                   statuses, n, EVIDENT_HEATMAP_METRIC_RISK);
  /* Security lead: high 1.2 only (30), low 1.4 (10) */
  assert_cell (assumed, 2, HIGH, 3, 1, 90, 60, 30);
  assert_cell (assumed, 2, LOW, 1, 1, 10, 0, 10);
  assert_value (assumed, TOTAL, TOTAL, 560 - 240 + 10);
  g_assert_cmpint (evident_item_get_status (g_ptr_array_index (array, 0)), ==,
                   EVIDENT_STATUS_NOT_STARTED);
}

static void
test_metric_done (void)
{
  g_autoptr (GListStore) items = new_checklist ();
  g_autoptr (EvidentHeatmap) hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_DONE);

  /* Cells: done / items × 100; NAN without items */
  g_assert_true (isnan (evident_heatmap_get_value (hm, 0, LOW)));
  assert_value (hm, 0, MEDIUM, 50);        /* 1 of 2 */
  assert_value (hm, 0, UNRATED, 100);      /* 2.3 n/a counts as done */
  assert_value (hm, 1, HIGH, 100);         /* 1 of 1 */
  assert_value (hm, 2, LOW, 100);          /* 1 of 1 */
  assert_value (hm, 2, HIGH, 100.0 / 3);   /* 1.3 of 1.1–1.3 */
  assert_value (hm, 3, LOW, 0);            /* 0 of 1 */
  assert_value (hm, 3, UNRATED, 0);

  /* Rows: over the row's items, not an average of its cells: Security lead
   * is 2 of 4 = 50, where the mean of its cells (100, 33.3) would be 66.7. */
  assert_value (hm, 0, TOTAL, 200.0 / 3); /* 2 of 3 */
  assert_value (hm, 1, TOTAL, 100);       /* 1 of 1 */
  assert_value (hm, 2, TOTAL, 50);        /* 2 of 4 */
  assert_value (hm, 3, TOTAL, 0);         /* 0 of 2 */
  /* Columns: low 1.4 of 1.4, 3.1; medium 2.1 of 2; high 1.3, 3.3 of 4;
   * unrated 2.3 of 2.3, 3.2 */
  assert_value (hm, TOTAL, LOW, 50);
  assert_value (hm, TOTAL, MEDIUM, 50);
  assert_value (hm, TOTAL, HIGH, 50);
  assert_value (hm, TOTAL, UNRATED, 50);
  assert_value (hm, TOTAL, TOTAL, 50); /* 5 of 10 */

  /* The scale of a share is fixed. */
  g_assert_cmpfloat (evident_heatmap_get_max_value (hm), ==, 100);
}

static void
test_set_metric (void)
{
  g_autoptr (GListStore) items = new_checklist ();
  g_autoptr (EvidentHeatmap) hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_OPEN);

  /* Security lead, high: 2 open, 270 at risk, 1 of 3 done */
  assert_value (hm, 2, HIGH, 2);
  evident_heatmap_set_metric (hm, EVIDENT_HEATMAP_METRIC_RISK);
  assert_value (hm, 2, HIGH, 270);
  evident_heatmap_set_metric (hm, EVIDENT_HEATMAP_METRIC_DONE);
  assert_value (hm, 2, HIGH, 100.0 / 3);
}

static void
test_not_applicable (void)
{
  g_autoptr (GListStore) items = g_list_store_new (EVIDENT_TYPE_ITEM);
  g_autoptr (EvidentHeatmap) hm = NULL;

  /* A mandatory not-applicable item: done, not open, nothing at risk, its
   * points counted. */
  add_item (items, "1.1", "Ops", "medium", 80, TRUE, "not-applicable");
  add_item (items, "1.2", "Ops", "medium", 20, FALSE, "in-progress");
  hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_OPEN);

  assert_cell (hm, 0, MEDIUM, 2, 1, 100, 80, 20); /* only 1.2 open: 20 at risk */
  assert_value (hm, 0, MEDIUM, 1);
  evident_heatmap_set_metric (hm, EVIDENT_HEATMAP_METRIC_RISK);
  assert_value (hm, 0, MEDIUM, 20);
  evident_heatmap_set_metric (hm, EVIDENT_HEATMAP_METRIC_DONE);
  assert_value (hm, 0, MEDIUM, 50); /* 1 of 2 */
}

static void
test_mandatory_penalty (void)
{
  const EvidentRules rules = { EVIDENT_SCORE_MODE_POINTS, 600, 75 };
  g_autoptr (GListStore) items = g_list_store_new (EVIDENT_TYPE_ITEM);
  g_autoptr (EvidentHeatmap) hm = NULL;
  g_autoptr (EvidentHeatmap) hm_default = NULL;

  add_item (items, "1.1", "Ops", "high", 40, TRUE, "not-met");
  add_item (items, "1.2", "Ops", "high", 30, TRUE, "in-progress");
  add_item (items, "1.3", "Ops", "high", 20, TRUE, "ready"); /* counted: no risk */
  add_item (items, "1.4", "Ops", "high", 10, FALSE, "not-started");
  hm = compute (&rules, items, EVIDENT_HEATMAP_METRIC_RISK);
  hm_default = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_RISK);

  /* (40 + 75) + (30 + 75) + 10 = 230 */
  assert_value (hm, 0, HIGH, 230);
  g_assert_cmpint (hm->rules.mandatory_penalty, ==, 75);
  /* (40 + 200) + (30 + 200) + 10 = 480 */
  assert_value (hm_default, 0, HIGH, 480);
}

static void
test_empty (void)
{
  g_autoptr (GListStore) items = g_list_store_new (EVIDENT_TYPE_ITEM);
  g_autoptr (EvidentHeatmap) hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_DONE);
  g_autofree char *text = NULL;

  g_assert_cmpuint (hm->n_rows, ==, 1); /* Unassigned only */
  g_assert_cmpuint (g_strv_length (hm->owners), ==, 0);
  for (guint c = 0; c < EVIDENT_HEATMAP_N_COLUMNS; c++)
    {
      g_assert_true (isnan (evident_heatmap_get_value (hm, 0, c)));
      g_assert_true (isnan (evident_heatmap_get_value (hm, TOTAL, c)));
    }
  g_assert_true (isnan (evident_heatmap_get_value (hm, 0, TOTAL)));
  g_assert_true (isnan (evident_heatmap_get_value (hm, TOTAL, TOTAL)));
  g_assert_cmpfloat (evident_heatmap_get_max_value (hm), ==, 100);
  text = evident_heatmap_format_value (hm, 0, 0);
  g_assert_cmpstr (text, ==, "—");

  /* The other metrics count nothing: 0, not NAN */
  evident_heatmap_set_metric (hm, EVIDENT_HEATMAP_METRIC_OPEN);
  assert_value (hm, TOTAL, TOTAL, 0);
  g_assert_cmpfloat (evident_heatmap_get_max_value (hm), ==, 0);
  evident_heatmap_set_metric (hm, EVIDENT_HEATMAP_METRIC_RISK);
  assert_value (hm, TOTAL, TOTAL, 0);
  g_assert_cmpfloat (evident_heatmap_get_max_value (hm), ==, 0);
}

static void
test_follows_edits (void)
{
  g_autoptr (GListStore) items = new_checklist ();
  g_autoptr (EvidentHeatmap) before = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_RISK);
  g_autoptr (EvidentHeatmap) after = NULL;
  g_autoptr (EvidentItem) item = g_list_model_get_item (G_LIST_MODEL (items), 0); /* 1.1 */

  /* 1.1 (Security lead, high, 40, M, not-started) is handed to Billing and
   * made ready: Security lead's high cell loses 240 at risk, Billing's
   * high cell gains the item, done. */
  assert_value (before, 2, HIGH, 270);
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_OWNER, "Billing");
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_STATUS, "ready");
  after = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_RISK);

  assert_value (after, 2, HIGH, 30);
  assert_cell (after, 1, HIGH, 2, 0, 75, 75, 0); /* 35 + 40 */
  assert_value (after, TOTAL, TOTAL, 320);       /* 560 − 240 */
}

/* Text */

static void
test_describe_cell (void)
{
  g_autoptr (GListStore) items = new_checklist ();
  g_autoptr (EvidentHeatmap) hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_OPEN);
  static const struct
  {
    guint       row;
    guint       column;
    const char *text;
  } cases[] = {
    { 2, HIGH, "Security lead, high complexity: 2 open items, 270 points at risk" },
    { 0, MEDIUM, "audit lead, medium complexity: 1 open item, 25 points at risk" },
    { 1, HIGH, "Billing, high complexity: 0 open items, 0 points at risk" },
    { 0, LOW, "audit lead, low complexity: no items" },
    { 3, UNRATED, "Unassigned, complexity not rated: 1 open item, 5 points at risk" },
    { 3, TOTAL, "Unassigned, all complexities: 2 open items, 265 points at risk" },
    { TOTAL, LOW, "Low complexity, all owners: 1 open item, 260 points at risk" },
    { TOTAL, UNRATED, "Complexity not rated, all owners: 1 open item, 5 points at risk" },
    { TOTAL, TOTAL, "All items: 5 open items, 560 points at risk" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = evident_heatmap_describe_cell (hm, cases[i].row, cases[i].column);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_describe_cell_done (void)
{
  g_autoptr (GListStore) items = new_checklist ();
  g_autoptr (EvidentHeatmap) hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_DONE);
  g_autoptr (GListStore) one = g_list_store_new (EVIDENT_TYPE_ITEM);
  g_autoptr (EvidentHeatmap) hm_one = NULL;
  g_autofree char *third = evident_heatmap_describe_cell (hm, 2, HIGH);
  g_autofree char *all = evident_heatmap_describe_cell (hm, 1, HIGH);
  g_autofree char *empty = evident_heatmap_describe_cell (hm, 2, MEDIUM);
  g_autofree char *single = NULL;

  /* With the share done first: 1 of 3 = 33.3 % */
  g_assert_cmpstr (third, ==,
                   "Security lead, high complexity: 33.3 % done, 2 open items, "
                   "270 points at risk");
  g_assert_cmpstr (all, ==, "Billing, high complexity: 100 % done, 0 open items, 0 points at risk");
  g_assert_cmpstr (empty, ==, "Security lead, medium complexity: no items");

  /* Singular points */
  add_item (one, "1.1", "Ops", "low", 1, FALSE, "not-started");
  hm_one = compute (&default_rules, one, EVIDENT_HEATMAP_METRIC_OPEN);
  single = evident_heatmap_describe_cell (hm_one, 0, LOW);
  g_assert_cmpstr (single, ==, "Ops, low complexity: 1 open item, 1 point at risk");
}

/* A pass-fail checklist has no points to put at risk: its cells say how
 * many items are open (and done), not "200 points at risk". */
static void
test_describe_cell_pass_fail (void)
{
  const EvidentRules rules = { EVIDENT_SCORE_MODE_PASS_FAIL, 100, 200 };
  g_autoptr (GListStore) items = new_checklist ();
  g_autoptr (EvidentHeatmap) hm = compute (&rules, items, EVIDENT_HEATMAP_METRIC_OPEN);
  g_autoptr (EvidentHeatmap) done = compute (&rules, items, EVIDENT_HEATMAP_METRIC_DONE);
  g_autofree char *cell = evident_heatmap_describe_cell (hm, 2, HIGH);
  g_autofree char *all = evident_heatmap_describe_cell (hm, TOTAL, TOTAL);
  g_autofree char *empty = evident_heatmap_describe_cell (hm, 0, LOW);
  g_autofree char *share = evident_heatmap_describe_cell (done, 2, HIGH);

  g_assert_cmpstr (cell, ==, "Security lead, high complexity: 2 open items");
  g_assert_cmpstr (all, ==, "All items: 5 open items");
  g_assert_cmpstr (empty, ==, "audit lead, low complexity: no items");
  g_assert_cmpstr (share, ==, "Security lead, high complexity: 33.3 % done, 2 open items");
}

static void
test_format_value (void)
{
  g_autoptr (GListStore) items = g_list_store_new (EVIDENT_TYPE_ITEM);
  g_autoptr (EvidentHeatmap) hm = NULL;
  static const struct
  {
    EvidentHeatmapMetric metric;
    guint                row;
    guint                column;
    const char          *text;
  } cases[] = {
    { EVIDENT_HEATMAP_METRIC_OPEN, 0, LOW, "1" },
    { EVIDENT_HEATMAP_METRIC_RISK, 0, LOW, "210" },     /* 10 + 200 */
    { EVIDENT_HEATMAP_METRIC_DONE, 0, LOW, "66.7 %" },  /* 2 of 3 = 66.666… */
    { EVIDENT_HEATMAP_METRIC_DONE, 0, HIGH, "99.9 %" }, /* 1999 of 2000 = 99.95: not 100 */
    { EVIDENT_HEATMAP_METRIC_DONE, 0, MEDIUM, "0.1 %" }, /* 1 of 2000 = 0.05: not 0 */
    { EVIDENT_HEATMAP_METRIC_DONE, 0, UNRATED, "—" },
    { EVIDENT_HEATMAP_METRIC_DONE, 1, TOTAL, "—" },
  };

  add_item (items, "1.1", "Ops", "low", 10, TRUE, "not-started");
  add_item (items, "1.2", "Ops", "low", 10, FALSE, "met");
  add_item (items, "1.3", "Ops", "low", 10, FALSE, "met");
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *high = g_strdup_printf ("2.%u", i);
      g_autofree char *medium = g_strdup_printf ("3.%u", i);

      add_item (items, high, "Ops", "high", 1, FALSE, i == 0 ? "not-met" : "met");
      add_item (items, medium, "Ops", "medium", 1, FALSE, i == 0 ? "met" : "not-met");
    }
  hm = compute (&default_rules, items, EVIDENT_HEATMAP_METRIC_OPEN);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;

      evident_heatmap_set_metric (hm, cases[i].metric);
      text = evident_heatmap_format_value (hm, cases[i].row, cases[i].column);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_metric_names (void)
{
  g_autoptr (GEnumClass) enum_class = g_type_class_ref (EVIDENT_TYPE_HEATMAP_METRIC);
  EvidentHeatmapMetric metric;

  g_assert_cmpuint (enum_class->n_values, ==, EVIDENT_HEATMAP_N_METRICS);
  for (EvidentHeatmapMetric m = 0; m < EVIDENT_HEATMAP_N_METRICS; m++)
    {
      const char *name = evident_heatmap_metric_to_string (m);

      /* The spelling on the command line is the enum's nick. */
      g_assert_cmpstr (name, ==, g_enum_get_value (enum_class, m)->value_nick);
      g_assert_true (evident_heatmap_metric_from_string (name, &metric));
      g_assert_cmpint (metric, ==, m);
      g_assert_nonnull (evident_heatmap_metric_get_label (m));
    }
  g_assert_cmpstr (evident_heatmap_metric_to_string (EVIDENT_HEATMAP_METRIC_OPEN), ==, "open");
  g_assert_cmpstr (evident_heatmap_metric_to_string (EVIDENT_HEATMAP_METRIC_RISK), ==, "risk");
  g_assert_cmpstr (evident_heatmap_metric_to_string (EVIDENT_HEATMAP_METRIC_DONE), ==, "done");
  g_assert_true (evident_heatmap_metric_from_string ("RISK", &metric));
  g_assert_cmpint (metric, ==, EVIDENT_HEATMAP_METRIC_RISK);
  g_assert_false (evident_heatmap_metric_from_string ("points", &metric));
  g_assert_false (evident_heatmap_metric_from_string (NULL, &metric));
}


/* Sums of points are 64-bit: no cell wraps, whatever a file holds. */
static void
test_points_no_overflow (void)
{
  g_autoptr (GListStore) items = g_list_store_new (EVIDENT_TYPE_ITEM);
  g_autoptr (EvidentHeatmap) heatmap = NULL;
  g_autofree char *text = NULL;

  add_item (items, "1.1", "Ann", "high", G_MAXINT, TRUE, "not-started");
  add_item (items, "1.2", "Ann", "high", G_MAXINT, FALSE, "met");
  add_item (items, "1.3", "Ann", "low", G_MAXINT, FALSE, "in-progress");

  heatmap = evident_heatmap_compute (&default_rules, G_LIST_MODEL (items),
                                     EVIDENT_HEATMAP_METRIC_RISK);
  g_assert_cmpint (evident_heatmap_get_cell (heatmap, TOTAL, TOTAL)->points, ==,
                   3 * (gint64) G_MAXINT);
  g_assert_cmpint (evident_heatmap_get_cell (heatmap, TOTAL, TOTAL)->points_at_risk, ==,
                   2 * (gint64) G_MAXINT + 200);
  text = evident_heatmap_format_value (heatmap, TOTAL, TOTAL);
  g_assert_cmpstr (text, ==, "4294967494");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/heatmap/owners/order", test_owner_order);
  g_test_add_func ("/heatmap/points/no-overflow", test_points_no_overflow);
  g_test_add_func ("/heatmap/owners/case", test_owner_order_same_name_in_two_cases);
  g_test_add_func ("/heatmap/owners/unassigned-last", test_unassigned_row_always_last);
  g_test_add_func ("/heatmap/unassigned", test_unassigned);
  g_test_add_func ("/heatmap/unrated", test_unrated);
  g_test_add_func ("/heatmap/cells", test_cells);
  g_test_add_func ("/heatmap/totals", test_totals);
  g_test_add_func ("/heatmap/metric/open", test_metric_open);
  g_test_add_func ("/heatmap/metric/risk", test_metric_risk);
  g_test_add_func ("/heatmap/metric/done", test_metric_done);
  g_test_add_func ("/heatmap/metric/switch", test_set_metric);
  g_test_add_func ("/heatmap/metric/names", test_metric_names);
  g_test_add_func ("/heatmap/not-applicable", test_not_applicable);
  g_test_add_func ("/heatmap/mandatory-penalty", test_mandatory_penalty);
  g_test_add_func ("/heatmap/empty", test_empty);
  g_test_add_func ("/heatmap/follows-edits", test_follows_edits);
  g_test_add_func ("/heatmap/describe-cell", test_describe_cell);
  g_test_add_func ("/heatmap/describe-cell/done", test_describe_cell_done);
  g_test_add_func ("/heatmap/describe-cell/pass-fail", test_describe_cell_pass_fail);
  g_test_add_func ("/heatmap/format-value", test_format_value);
  g_test_add_func ("/heatmap/with-statuses", test_with_statuses);

  return g_test_run ();
}
