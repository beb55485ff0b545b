/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Workload by owner and ISO week up to the audit date, and overdue items.
 * Items are built in memory; "today" is fixed by each test. */

#include "config.h"

#include <gio/gio.h>

#include "evident-enums-util.h"
#include "evident-item-private.h"
#include "evident-workload.h"

static EvidentItem *
add_item (GListStore *items,
          const char *ref,
          const char *chapter,
          const char *owner,
          const char *due,
          const char *status,
          const char *complexity,
          const char *estimate)
{
  g_autoptr (EvidentItem) item = NULL;

  item = evident_item_new (g_list_model_get_n_items (G_LIST_MODEL (items)) + 1, ref, chapter,
                           NULL, NULL, ref, NULL, NULL, 10, FALSE);
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_OWNER, owner);
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_DUE, due);
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_STATUS, status);
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_COMPLEXITY, complexity);
  evident_item_set_field (item, EVIDENT_ITEM_FIELD_ESTIMATE, estimate);
  g_list_store_append (items, item);
  return item;
}

static GDate
date (const char *text)
{
  GDate parsed;

  g_assert_true (evident_date_parse (text, &parsed));
  return parsed;
}

static char *
cell_refs (const EvidentWorkload *workload,
           guint                  row,
           guint                  column)
{
  const EvidentWorkloadCell *cell = evident_workload_get_cell (workload, row, column);
  g_autoptr (GString) refs = g_string_new (NULL);

  for (guint i = 0; i < cell->items->len; i++)
    g_string_append_printf (refs, "%s%s", i > 0 ? "," : "",
                            evident_item_get_ref (g_ptr_array_index (cell->items, i)));
  return g_string_free (g_steal_pointer (&refs), FALSE);
}

#define assert_cell(w, r, c, refs, days)                                                           \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *refs_ = cell_refs ((w), (r), (c));                                            \
    g_assert_cmpstr (refs_, ==, (refs));                                                           \
    g_assert_cmpfloat (evident_workload_get_cell ((w), (r), (c))->effort, ==, (days));             \
  }                                                                                                \
  G_STMT_END

#define assert_column_label(workload, column, expected)                                            \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *label_ = evident_workload_dup_column_label ((workload), (column));            \
    g_assert_cmpstr (label_, ==, (expected));                                                      \
  }                                                                                                \
  G_STMT_END

/* Today: Wednesday 4 March 2026 (ISO week 10); audit: Monday 30 March
 * (week 14). Columns: overdue, weeks 10 to 14, later, no date. */
static GListStore *
march_items (void)
{
  GListStore *items = g_list_store_new (EVIDENT_TYPE_ITEM);

  add_item (items, "A", "1.0", "Bea", "2026-03-01", "not-started", "low", NULL);
  add_item (items, "B", "1.0", "Bea", "2026-03-04", "in-progress", "high", "2.5");
  add_item (items, "C", "2.0", "al", "2026-03-08", "not-started", "high", NULL);
  add_item (items, "D", "2.0", "al", "2026-03-09", "not-started", "medium", NULL);
  add_item (items, "E", "2.0", "Bea", "2026-04-15", "not-started", "none", NULL);
  add_item (items, "F", "3.0", NULL, NULL, "not-started", "low", NULL);
  add_item (items, "G", "1.0", "Bea", "2026-03-01", "ready", "low", NULL);
  add_item (items, "H", "3.0", "Cy", "2026-03-30", "not-met", "medium", NULL);
  add_item (items, "I", "3.0", "Cy", NULL, "met", "low", NULL);
  add_item (items, "J", "2.0", "al", "2026-02-20", "not-met", "low", NULL);
  return items;
}

static void
test_weeks_and_owners (void)
{
  g_autoptr (GListStore) items = march_items ();
  g_autoptr (EvidentWorkload) workload = NULL;
  EvidentPlanSettings settings;
  GDate today = date ("2026-03-04");
  guint row;

  evident_plan_settings_init (&settings);
  g_assert_true (evident_plan_settings_set_audit_date (&settings, "2026-03-30", NULL));
  workload = evident_workload_compute_for_items (&settings, G_LIST_MODEL (items), &today);

  /* Owners sorted ignoring case, then the unassigned; Cy's only open item
   * is not met, still work to do. */
  g_assert_cmpuint (workload->n_rows, ==, 4);
  g_assert_cmpstr (evident_workload_get_owner (workload, 0), ==, "al");
  g_assert_cmpstr (evident_workload_get_owner (workload, 1), ==, "Bea");
  g_assert_cmpstr (evident_workload_get_owner (workload, 2), ==, "Cy");
  g_assert_null (evident_workload_get_owner (workload, 3));
  g_assert_true (evident_workload_lookup_row (workload, "Cy", &row));
  g_assert_cmpuint (row, ==, 2);
  g_assert_true (evident_workload_lookup_row (workload, NULL, &row));
  g_assert_cmpuint (row, ==, 3);
  g_assert_false (evident_workload_lookup_row (workload, "Nobody", &row));

  g_assert_cmpuint (workload->n_columns, ==, 8);
  g_assert_cmpint (workload->columns[0].bucket, ==, EVIDENT_WORKLOAD_OVERDUE);
  g_assert_cmpint (workload->columns[1].bucket, ==, EVIDENT_WORKLOAD_WEEK);
  g_assert_cmpuint (workload->columns[1].iso_week, ==, 10);
  g_assert_cmpuint (g_date_get_day (&workload->columns[1].monday), ==, 2);
  g_assert_cmpuint (workload->columns[5].iso_week, ==, 14);
  g_assert_cmpint (workload->columns[6].bucket, ==, EVIDENT_WORKLOAD_LATER);
  g_assert_cmpint (workload->columns[7].bucket, ==, EVIDENT_WORKLOAD_NO_DATE);
  assert_column_label (workload, 1, "2026-W10");
  assert_column_label (workload, 5, "2026-W14");

  /* al: J overdue (not met, due in February), C on Sunday of this week, D
   * on Monday of the next. */
  assert_cell (workload, 0, 0, "J", 1);
  assert_cell (workload, 0, 1, "C", 8);
  assert_cell (workload, 0, 2, "D", 3);
  /* Bea: A overdue; B due today, its estimate wins over high; E after the
   * audit (unrated: medium); G ready, so not open. */
  assert_cell (workload, 1, 0, "A", 1);
  assert_cell (workload, 1, 1, "B", 2.5);
  assert_cell (workload, 1, 6, "E", 3);
  assert_cell (workload, 2, 5, "H", 3);
  assert_cell (workload, 3, 7, "F", 1);
  assert_cell (workload, 1, 3, "", 0);

  /* Totals: per owner, per week, in all. */
  assert_cell (workload, 0, EVIDENT_WORKLOAD_TOTAL, "C,D,J", 12);
  assert_cell (workload, EVIDENT_WORKLOAD_TOTAL, 1, "B,C", 10.5);
  assert_cell (workload, EVIDENT_WORKLOAD_TOTAL, 0, "A,J", 2);
  assert_cell (workload, EVIDENT_WORKLOAD_TOTAL, EVIDENT_WORKLOAD_TOTAL, "A,B,C,D,E,F,H,J", 22.5);
}

/* Weeks across the turn of the year, numbered as ISO 8601 does: 28
 * December 2026 starts week 53 of 2026; 4 January 2027 week 1 of 2027. */
static void
test_iso_year (void)
{
  g_autoptr (GListStore) items = g_list_store_new (EVIDENT_TYPE_ITEM);
  g_autoptr (EvidentWorkload) workload = NULL;
  EvidentPlanSettings settings;
  GDate today = date ("2026-12-30");

  add_item (items, "A", "1.0", "Bea", "2027-01-03", "not-started", "low", NULL);
  add_item (items, "B", "1.0", "Bea", "2027-01-04", "not-started", "low", NULL);
  evident_plan_settings_init (&settings);
  g_assert_true (evident_plan_settings_set_audit_date (&settings, "2027-01-12", NULL));
  workload = evident_workload_compute_for_items (&settings, G_LIST_MODEL (items), &today);

  g_assert_cmpuint (workload->n_columns, ==, 6);
  assert_column_label (workload, 1, "2026-W53");
  assert_column_label (workload, 2, "2027-W01");
  assert_column_label (workload, 3, "2027-W02");
  assert_cell (workload, 0, 1, "A", 1);
  assert_cell (workload, 0, 2, "B", 1);
}

/* Without an audit date the weeks run to the latest due date; an audit
 * date gone by leaves no weeks, and what is not overdue comes later. */
static void
test_no_audit_date (void)
{
  g_autoptr (GListStore) items = march_items ();
  g_autoptr (EvidentWorkload) workload = NULL;
  EvidentPlanSettings settings;
  GDate today = date ("2026-03-04");

  evident_plan_settings_init (&settings);
  workload = evident_workload_compute_for_items (&settings, G_LIST_MODEL (items), &today);
  /* E, due 15 April (week 16): weeks 10 to 16. */
  g_assert_false (g_date_valid (&workload->audit_date));
  g_assert_cmpuint (workload->n_columns, ==, 7 + 3);
  assert_cell (workload, 1, 7, "E", 3);
  g_clear_pointer (&workload, evident_workload_free);

  g_assert_true (evident_plan_settings_set_audit_date (&settings, "2026-02-01", NULL));
  workload = evident_workload_compute_for_items (&settings, G_LIST_MODEL (items), &today);
  g_assert_cmpuint (workload->n_columns, ==, 3);
  assert_cell (workload, EVIDENT_WORKLOAD_TOTAL, 0, "A,J", 2);
  assert_cell (workload, EVIDENT_WORKLOAD_TOTAL, 1, "B,C,D,E,H", 19.5);
  assert_cell (workload, EVIDENT_WORKLOAD_TOTAL, 2, "F", 1);
}

/* Overdue: due before today and not yet ready, met or not applicable. */
static void
test_overdue (void)
{
  g_autoptr (GListStore) items = march_items ();
  GDate today = date ("2026-03-04");
  GDate later = date ("2026-03-10");
  EvidentItem *a = g_list_model_get_item (G_LIST_MODEL (items), 0);
  EvidentItem *b = g_list_model_get_item (G_LIST_MODEL (items), 1);
  EvidentItem *g = g_list_model_get_item (G_LIST_MODEL (items), 6);

  g_assert_true (evident_item_is_overdue (a, &today));
  g_assert_false (evident_item_is_overdue (b, &today)); /* due today */
  g_assert_true (evident_item_is_overdue (b, &later));
  g_assert_false (evident_item_is_overdue (g, &today)); /* ready */

  g_assert_cmpuint (evident_workload_count_overdue (G_LIST_MODEL (items), NULL, &today), ==, 2);
  g_assert_cmpuint (evident_workload_count_overdue (G_LIST_MODEL (items), "1.0", &today), ==, 1);
  g_assert_cmpuint (evident_workload_count_overdue (G_LIST_MODEL (items), "2.0", &today), ==, 1);
  g_assert_cmpuint (evident_workload_count_overdue (G_LIST_MODEL (items), "3.0", &today), ==, 0);
  /* By the 10th, B, C and D are overdue too. */
  g_assert_cmpuint (evident_workload_count_overdue (G_LIST_MODEL (items), NULL, &later), ==, 5);

  evident_item_set_field (a, EVIDENT_ITEM_FIELD_STATUS, "not-applicable");
  g_assert_false (evident_item_is_overdue (a, &today));

  g_object_unref (a);
  g_object_unref (b);
  g_object_unref (g);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workload/weeks-and-owners", test_weeks_and_owners);
  g_test_add_func ("/workload/iso-year", test_iso_year);
  g_test_add_func ("/workload/no-audit-date", test_no_audit_date);
  g_test_add_func ("/workload/overdue", test_overdue);

  return g_test_run ();
}
