/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The overview page and its heat map: one row per owner plus "Unassigned",
 * cells that show and describe the core's numbers for every metric, the
 * keyboard cursor and the filter a chosen cell asks for, the score against
 * the pass line, the item and chapter lists, and all of it following edits
 * made through the core. Each test runs on the sample project with its demo
 * state, in a window, and checks that nothing leaks. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "evident-csv.h"
#include "evident-enums-util.h"
#include "evident-heatmap.h"
#include "evident-heatmap-view.h"
#include "evident-evidence-check.h"
#include "evident-evidence-store.h"
#include "evident-item.h"
#include "evident-overview.h"
#include "evident-project.h"
#include "evident-sample.h"
#include "evident-test-utils.h"

typedef struct
{
  char               *dir;
  EvidentProject     *project;
  GtkWidget          *window;
  EvidentOverview    *overview;
  EvidentHeatmapView *view;
} Fixture;

/* What a signal handler saw. */
typedef struct
{
  guint     n_emissions;
  gboolean  any_owner;
  char     *owner;
  int       complexity;
  char     *string;
} Emission;

static void
emission_clear (Emission *emission)
{
  g_clear_pointer (&emission->owner, g_free);
  g_clear_pointer (&emission->string, g_free);
  emission->n_emissions = 0;
}

static void
cell_activated_cb (GtkWidget  *widget,
                   gboolean    any_owner,
                   const char *owner,
                   int         complexity,
                   Emission   *emission)
{
  emission->n_emissions++;
  emission->any_owner = any_owner;
  g_free (emission->owner);
  emission->owner = g_strdup (owner);
  emission->complexity = complexity;
}

static void
string_activated_cb (GtkWidget  *widget,
                     const char *string,
                     Emission   *emission)
{
  emission->n_emissions++;
  g_free (emission->string);
  emission->string = g_strdup (string);
}

/* Helpers */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = evident_test_create_sample_project ("overview", &fixture->dir);

  fixture->overview = g_object_ref (EVIDENT_OVERVIEW (evident_overview_new ()));
  fixture->view = g_object_ref (evident_overview_get_heatmap_view (fixture->overview));
  fixture->window = evident_test_show_in_window (GTK_WIDGET (fixture->overview),
                                                 fixture->project, 900, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  evident_test_iterate ();
  evident_test_assert_finalized (fixture->overview);
  evident_test_assert_finalized (fixture->view);
  evident_test_assert_finalized (fixture->project);

  g_assert_true (evident_test_remove_dir (fixture->dir));
  g_free (fixture->dir);
}

static EvidentHeatmap *
compute (Fixture              *fixture,
         EvidentHeatmapMetric  metric)
{
  return evident_heatmap_compute (evident_project_get_rules (fixture->project),
                                  evident_project_get_items (fixture->project),
                                  metric);
}

static EvidentItem *
lookup (Fixture    *fixture,
        const char *ref)
{
  EvidentItem *item = evident_project_lookup_item (fixture->project, ref);

  g_assert_nonnull (item);
  return item;
}

static void
set_status (Fixture       *fixture,
            const char    *ref,
            EvidentStatus  status)
{
  g_autoptr (GError) error = NULL;

  evident_project_set_status (fixture->project, lookup (fixture, ref), status, NULL, &error);
  g_assert_no_error (error);
  evident_test_iterate ();
}

static void
set_owner (Fixture    *fixture,
           const char *ref,
           const char *owner)
{
  g_autoptr (GError) error = NULL;

  evident_project_set_owner (fixture->project, lookup (fixture, ref), owner, &error);
  g_assert_no_error (error);
  evident_test_iterate ();
}

/* Asserts that every cell, totals included, shows and describes what the
 * core computes for @metric. */
static void
assert_cells_match (Fixture              *fixture,
                    EvidentHeatmapMetric  metric)
{
  g_autoptr (EvidentHeatmap) expected = compute (fixture, metric);
  const EvidentHeatmap *shown = evident_heatmap_view_get_heatmap (fixture->view);

  g_assert_nonnull (shown);
  g_assert_cmpuint (shown->n_rows, ==, expected->n_rows);
  g_assert_cmpint (shown->metric, ==, metric);

  for (guint r = 0; r <= expected->n_rows; r++)
    {
      guint row = r == expected->n_rows ? EVIDENT_HEATMAP_TOTAL : r;

      for (guint c = 0; c <= EVIDENT_HEATMAP_N_COLUMNS; c++)
        {
          guint column = c == EVIDENT_HEATMAP_N_COLUMNS ? EVIDENT_HEATMAP_TOTAL : c;
          g_autofree char *text = evident_heatmap_format_value (expected, row, column);
          g_autofree char *description = evident_heatmap_describe_cell (expected, row, column);
          GtkWidget *cell = evident_heatmap_view_get_cell (fixture->view, row, column);

          g_assert_nonnull (cell);
          g_assert_cmpstr (evident_heatmap_view_get_cell_text (fixture->view, row, column), ==, text);
          /* The tooltip's and the accessible label's sentence. */
          g_assert_cmpstr (evident_heatmap_view_get_cell_description (fixture->view, row, column), ==, description);
          g_assert_true (gtk_widget_get_has_tooltip (cell));
        }
    }
}

static void
assert_cursor (Fixture *fixture,
               guint    row,
               guint    column)
{
  guint cursor_row, cursor_column;
  GtkWidget *cell = evident_heatmap_view_get_cell (fixture->view, row, column);

  g_assert_true (evident_heatmap_view_get_cursor (fixture->view, &cursor_row, &cursor_column));
  g_assert_cmpuint (cursor_row, ==, row);
  g_assert_cmpuint (cursor_column, ==, column);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == cell);
  /* The cursor alone is in the Tab chain. */
  g_assert_true (gtk_widget_get_focusable (cell));
}

static void
move (Fixture *fixture,
      int      dx,
      int      dy)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "heatmap.move-cursor", "(ii)", dx, dy));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static const char *
row_ref (GtkListBox *list,
         guint       index)
{
  return g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, index)), "evident-ref");
}

static char *
expected_score_text (const EvidentScore *score,
                     EvidentView         view)
{
  return g_strdup_printf ("%ld", lround (score->views[view].score));
}

/* Tests */

static void
test_new (void)
{
  GtkWidget *overview = g_object_ref_sink (evident_overview_new ());
  GtkWidget *view = g_object_ref_sink (evident_heatmap_view_new ());
  guint row, column;

  g_assert_null (evident_overview_get_project (EVIDENT_OVERVIEW (overview)));
  g_assert_null (evident_heatmap_view_get_heatmap (EVIDENT_HEATMAP_VIEW (view)));
  g_assert_null (evident_heatmap_view_get_cell (EVIDENT_HEATMAP_VIEW (view), 0, 0));
  g_assert_false (evident_heatmap_view_get_cursor (EVIDENT_HEATMAP_VIEW (view), &row, &column));

  evident_test_assert_finalized (overview);
  evident_test_assert_finalized (view);
}

/* One row per owner, sorted, then "Unassigned", then the totals. */
static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (EvidentHeatmap) expected = compute (fixture, EVIDENT_HEATMAP_METRIC_OPEN);
  g_auto (GStrv) owners = evident_project_dup_owners (fixture->project);
  const EvidentHeatmap *shown = evident_heatmap_view_get_heatmap (fixture->view);

  g_assert_nonnull (shown);
  g_assert_cmpuint (shown->n_rows, ==, expected->n_rows);
  g_assert_cmpuint (shown->n_rows, ==, g_strv_length (owners) + 1);
  g_assert_cmpuint (shown->n_rows, >, 5);

  for (guint r = 0; r < expected->n_rows; r++)
    {
      g_assert_cmpstr (evident_heatmap_get_owner (shown, r), ==, evident_heatmap_get_owner (expected, r));
      g_assert_nonnull (evident_heatmap_view_get_cell (fixture->view, r, 0));
      g_assert_nonnull (evident_heatmap_view_get_cell (fixture->view, r, EVIDENT_HEATMAP_TOTAL));
    }
  g_assert_null (evident_heatmap_get_owner (shown, shown->n_rows - 1));
  g_assert_nonnull (evident_heatmap_view_get_cell (fixture->view, EVIDENT_HEATMAP_TOTAL, EVIDENT_HEATMAP_TOTAL));
  g_assert_null (evident_heatmap_view_get_cell (fixture->view, shown->n_rows, 0));
  g_assert_null (evident_heatmap_view_get_cell (fixture->view, 0, EVIDENT_HEATMAP_N_COLUMNS));

  assert_cells_match (fixture, EVIDENT_HEATMAP_METRIC_OPEN);
}

/* Each metric, chosen through the heat map's action and through the
 * overview's, shows the core's numbers and descriptions. */
static void
test_metrics (Fixture       *fixture,
              gconstpointer  data)
{
  g_assert_cmpint (evident_heatmap_view_get_metric (fixture->view), ==, EVIDENT_HEATMAP_METRIC_OPEN);
  assert_cells_match (fixture, EVIDENT_HEATMAP_METRIC_OPEN);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "heatmap.metric", "s", "risk"));
  g_assert_cmpint (evident_heatmap_view_get_metric (fixture->view), ==, EVIDENT_HEATMAP_METRIC_RISK);
  g_assert_cmpint (evident_overview_get_metric (fixture->overview), ==, EVIDENT_HEATMAP_METRIC_RISK);
  assert_cells_match (fixture, EVIDENT_HEATMAP_METRIC_RISK);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->overview), "overview.metric", "s", "done"));
  g_assert_cmpint (evident_heatmap_view_get_metric (fixture->view), ==, EVIDENT_HEATMAP_METRIC_DONE);
  assert_cells_match (fixture, EVIDENT_HEATMAP_METRIC_DONE);

  /* The share done of a cell without items is a dash, not 0 %. */
  {
    const EvidentHeatmap *shown = evident_heatmap_view_get_heatmap (fixture->view);
    gboolean found_empty = FALSE;

    for (guint r = 0; r < shown->n_rows; r++)
      for (guint c = 0; c < EVIDENT_HEATMAP_N_COLUMNS; c++)
        if (evident_heatmap_get_cell (shown, r, c)->n_items == 0)
          {
            g_assert_cmpstr (evident_heatmap_view_get_cell_text (fixture->view, r, c), ==, "—");
            found_empty = TRUE;
          }
    g_assert_true (found_empty);
  }

  evident_overview_set_metric (fixture->overview, EVIDENT_HEATMAP_METRIC_OPEN);
  g_assert_cmpint (evident_heatmap_view_get_metric (fixture->view), ==, EVIDENT_HEATMAP_METRIC_OPEN);
  assert_cells_match (fixture, EVIDENT_HEATMAP_METRIC_OPEN);
}

/* The arrow keys' action moves the cursor and the focus, within the grid;
 * activating it asks for the items of that owner and complexity. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  const EvidentHeatmap *heatmap = evident_heatmap_view_get_heatmap (fixture->view);
  guint last = heatmap->n_rows - 1; /* Unassigned */
  Emission emission = { 0 };

  g_signal_connect (fixture->view, "cell-activated", G_CALLBACK (cell_activated_cb), &emission);

  evident_heatmap_view_set_cursor (fixture->view, 0, 0, TRUE);
  assert_cursor (fixture, 0, 0);

  move (fixture, 1, 0);
  assert_cursor (fixture, 0, 1);
  g_assert_false (gtk_widget_get_focusable (evident_heatmap_view_get_cell (fixture->view, 0, 0)));
  move (fixture, 0, 1);
  move (fixture, 1, 0);
  assert_cursor (fixture, 1, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "heatmap.activate-cursor", NULL));
  g_assert_cmpuint (emission.n_emissions, ==, 1);
  g_assert_false (emission.any_owner);
  g_assert_cmpstr (emission.owner, ==, evident_heatmap_get_owner (heatmap, 1));
  g_assert_cmpint (emission.complexity, ==, EVIDENT_COMPLEXITY_HIGH);

  /* The edges hold the cursor. */
  move (fixture, -10, -10);
  assert_cursor (fixture, 0, 0);

  /* End: the row's total; Enter there means any complexity. */
  move (fixture, 5, 0);
  assert_cursor (fixture, 0, EVIDENT_HEATMAP_TOTAL);
  g_assert_true (gtk_widget_activate (evident_heatmap_view_get_cell (fixture->view, 0, EVIDENT_HEATMAP_TOTAL)));
  g_assert_cmpuint (emission.n_emissions, ==, 2);
  g_assert_false (emission.any_owner);
  g_assert_cmpstr (emission.owner, ==, evident_heatmap_get_owner (heatmap, 0));
  g_assert_cmpint (emission.complexity, ==, -1);
  /* A screen reader's "click" does the same (AT-SPI lists the action). */
  g_assert_true (gtk_widget_activate_action (evident_heatmap_view_get_cell (fixture->view, 0,
                                                                           EVIDENT_HEATMAP_TOTAL),
                                             "click", NULL));
  g_assert_cmpuint (emission.n_emissions, ==, 3);
  g_assert_cmpstr (emission.owner, ==, evident_heatmap_get_owner (heatmap, 0));

  /* Down to the unassigned row, then the totals row. */
  move (fixture, -5, last);
  assert_cursor (fixture, last, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "heatmap.activate-cursor", NULL));
  g_assert_false (emission.any_owner);
  g_assert_null (emission.owner);
  g_assert_cmpint (emission.complexity, ==, EVIDENT_COMPLEXITY_LOW);

  move (fixture, 3, 1);
  assert_cursor (fixture, EVIDENT_HEATMAP_TOTAL, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "heatmap.activate-cursor", NULL));
  g_assert_true (emission.any_owner);
  g_assert_null (emission.owner);
  g_assert_cmpint (emission.complexity, ==, EVIDENT_COMPLEXITY_NONE);

  move (fixture, 10, 10);
  assert_cursor (fixture, EVIDENT_HEATMAP_TOTAL, EVIDENT_HEATMAP_TOTAL);
  g_assert_cmpuint (emission.n_emissions, ==, 5);

  g_signal_handlers_disconnect_by_func (fixture->view, cell_activated_cb, &emission);
  emission_clear (&emission);
}

/* Activating a cell (what a click and Enter do) moves the cursor there and
 * asks, through the overview, for that owner's items of that complexity. */
static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  const EvidentHeatmap *heatmap = evident_heatmap_view_get_heatmap (fixture->view);
  Emission emission = { 0 };
  guint row, column;
  guint security;

  g_signal_connect (fixture->overview, "heatmap-cell-activated", G_CALLBACK (cell_activated_cb), &emission);

  g_assert_true (evident_heatmap_lookup_row (heatmap, "Security lead", &security));
  evident_heatmap_view_activate_cell (fixture->view, security, 2);
  g_assert_cmpuint (emission.n_emissions, ==, 1);
  g_assert_false (emission.any_owner);
  g_assert_cmpstr (emission.owner, ==, "Security lead");
  g_assert_cmpint (emission.complexity, ==, EVIDENT_COMPLEXITY_HIGH);
  g_assert_true (evident_heatmap_view_get_cursor (fixture->view, &row, &column));
  g_assert_cmpuint (row, ==, security);
  g_assert_cmpuint (column, ==, 2);

  /* The cell's own activation, as its Enter and Space bindings emit it. */
  g_assert_true (gtk_widget_activate (evident_heatmap_view_get_cell (fixture->view, heatmap->n_rows - 1, 3)));
  g_assert_cmpuint (emission.n_emissions, ==, 2);
  g_assert_false (emission.any_owner);
  g_assert_null (emission.owner);
  g_assert_cmpint (emission.complexity, ==, EVIDENT_COMPLEXITY_NONE);

  evident_heatmap_view_activate_cell (fixture->view, EVIDENT_HEATMAP_TOTAL, EVIDENT_HEATMAP_TOTAL);
  g_assert_cmpuint (emission.n_emissions, ==, 3);
  g_assert_true (emission.any_owner);
  g_assert_null (emission.owner);
  g_assert_cmpint (emission.complexity, ==, -1);

  g_signal_handlers_disconnect_by_func (fixture->overview, cell_activated_cb, &emission);
  emission_clear (&emission);
}

/* Edits through the core change the cells at once; a new owner gets a row,
 * and the cursor stays on its owner. */
static void
test_live (Fixture       *fixture,
           gconstpointer  data)
{
  const EvidentHeatmap *heatmap = evident_heatmap_view_get_heatmap (fixture->view);
  EvidentItem *item = lookup (fixture, "1.3.2"); /* unassigned, not started */
  guint column = evident_heatmap_complexity_get_column (evident_item_get_complexity (item));
  guint unassigned = heatmap->n_rows - 1;
  guint n_rows = heatmap->n_rows;
  const EvidentHeatmapCell *cell = evident_heatmap_get_cell (heatmap, unassigned, column);
  guint n_open = cell->n_open;
  g_autofree char *before = g_strdup_printf ("%u", n_open);
  g_autofree char *after = g_strdup_printf ("%u", n_open - 1);
  guint row, cursor_column, security;

  g_assert_null (evident_item_get_owner (item));
  g_assert_false (evident_item_counts_in (item, EVIDENT_VIEW_PROJECTED));
  g_assert_cmpstr (evident_heatmap_view_get_cell_text (fixture->view, unassigned, column), ==, before);

  set_status (fixture, "1.3.2", EVIDENT_STATUS_READY);
  heatmap = evident_heatmap_view_get_heatmap (fixture->view);
  g_assert_cmpstr (evident_heatmap_view_get_cell_text (fixture->view, unassigned, column), ==, after);
  assert_cells_match (fixture, EVIDENT_HEATMAP_METRIC_OPEN);

  g_assert_true (evident_project_undo (fixture->project, NULL));
  evident_test_iterate ();
  heatmap = evident_heatmap_view_get_heatmap (fixture->view); /* each edit makes a new one */
  g_assert_cmpstr (evident_heatmap_view_get_cell_text (fixture->view, unassigned, column), ==, before);

  /* A new owner, sorted first: every row below moves down one. */
  g_assert_true (evident_heatmap_lookup_row (heatmap, "Security lead", &security));
  evident_heatmap_view_set_cursor (fixture->view, security, 1, TRUE);
  set_owner (fixture, "1.3.2", "Aardvark consultant");
  heatmap = evident_heatmap_view_get_heatmap (fixture->view);
  g_assert_cmpuint (heatmap->n_rows, ==, n_rows + 1);
  g_assert_cmpstr (evident_heatmap_get_owner (heatmap, 0), ==, "Aardvark consultant");
  g_assert_cmpstr (evident_heatmap_view_get_cell_text (fixture->view, 0, column), ==, "1");
  assert_cells_match (fixture, EVIDENT_HEATMAP_METRIC_OPEN);
  g_assert_true (evident_heatmap_view_get_cursor (fixture->view, &row, &cursor_column));
  g_assert_cmpstr (evident_heatmap_get_owner (heatmap, row), ==, "Security lead");
  g_assert_cmpuint (cursor_column, ==, 1);
  assert_cursor (fixture, security + 1, 1);
}

/* The score of each view, and the gap to the pass line, follow edits. */
static void
test_score (Fixture       *fixture,
            gconstpointer  data)
{
  const EvidentScore *score = evident_project_get_score (fixture->project);
  g_autofree char *confirmed = NULL;
  g_autofree char *gap = NULL;
  int before;

  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      g_autofree char *text = expected_score_text (score, v);

      g_assert_cmpstr (evident_overview_get_score_text (fixture->overview, v), ==, text);
    }

  /* The demo state does not pass on confirmed points: the gap is shown. */
  g_assert_false (score->views[EVIDENT_VIEW_CONFIRMED].pass);
  gap = g_strdup_printf ("%ld points short of %d",
                         score->rules.pass_score - lround (score->views[EVIDENT_VIEW_CONFIRMED].score),
                         score->rules.pass_score);
  g_assert_true (g_str_has_prefix (evident_overview_get_gap_text (fixture->overview, EVIDENT_VIEW_CONFIRMED), gap));
  g_assert_true (score->views[EVIDENT_VIEW_BEST].pass);
  g_assert_true (g_str_has_prefix (evident_overview_get_gap_text (fixture->overview, EVIDENT_VIEW_BEST),
                                   "Passes with "));

  /* Met: the item's points count in the confirmed view at once. */
  before = lround (score->views[EVIDENT_VIEW_CONFIRMED].score);
  set_status (fixture, "1.3.2", EVIDENT_STATUS_MET);
  score = evident_project_get_score (fixture->project);
  g_assert_cmpint (lround (score->views[EVIDENT_VIEW_CONFIRMED].score), ==,
                   before + evident_item_get_points (lookup (fixture, "1.3.2")));
  confirmed = expected_score_text (score, EVIDENT_VIEW_CONFIRMED);
  g_assert_cmpstr (evident_overview_get_score_text (fixture->overview, EVIDENT_VIEW_CONFIRMED), ==, confirmed);
}

/* The mandatory items not counted in the projected view, and the items with
 * most points at risk, each opening its item. */
static void
test_items (Fixture       *fixture,
            gconstpointer  data)
{
  GtkListBox *mandatory = evident_overview_get_mandatory_list (fixture->overview);
  GtkListBox *risk = evident_overview_get_risk_list (fixture->overview);
  const EvidentScore *score = evident_project_get_score (fixture->project);
  Emission emission = { 0 };
  guint n_mandatory_open = score->views[EVIDENT_VIEW_PROJECTED].n_mandatory_open;

  g_signal_connect (fixture->overview, "item-activated", G_CALLBACK (string_activated_cb), &emission);

  /* The ten items with most at risk, in the core's order. */
  g_assert_cmpuint (score->at_risk->len, >=, 10);
  g_assert_cmpuint (count_rows (risk), ==, 10);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpstr (row_ref (risk, i), ==, evident_item_get_ref (g_ptr_array_index (score->at_risk, i)));

  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (risk, 0))));
  g_assert_cmpuint (emission.n_emissions, ==, 1);
  g_assert_cmpstr (emission.string, ==, evident_item_get_ref (g_ptr_array_index (score->at_risk, 0)));

  /* A mandatory item falls back to in progress: it is listed, and opens. */
  g_assert_cmpuint (n_mandatory_open, ==, 0);
  g_assert_null (row_ref (mandatory, 0));
  set_status (fixture, "8.2.1", EVIDENT_STATUS_IN_PROGRESS);
  g_assert_cmpuint (count_rows (mandatory), ==, 1);
  g_assert_cmpstr (row_ref (mandatory, 0), ==, "8.2.1");
  g_assert_true (strstr (evident_overview_get_gap_text (fixture->overview, EVIDENT_VIEW_PROJECTED),
                         "1 mandatory item not counted in this view") != NULL);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (mandatory, 0))));
  g_assert_cmpuint (emission.n_emissions, ==, 2);
  g_assert_cmpstr (emission.string, ==, "8.2.1");

  /* With its penalty it leads the items at risk. */
  score = evident_project_get_score (fixture->project);
  g_assert_cmpstr (row_ref (risk, 0), ==, evident_item_get_ref (g_ptr_array_index (score->at_risk, 0)));
  g_assert_cmpstr (row_ref (risk, 0), ==, "8.2.1");

  set_status (fixture, "8.2.1", EVIDENT_STATUS_MET);
  g_assert_null (row_ref (mandatory, 0));
  g_assert_cmpuint (count_rows (mandatory), ==, 1); /* the placeholder */

  g_signal_handlers_disconnect_by_func (fixture->overview, string_activated_cb, &emission);
  emission_clear (&emission);
}

/* The items met without evidence: their number, and the first of them,
 * each opening its item; the list follows the evidence. */
static void
test_met_without_evidence (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkListBox *list = evident_overview_get_no_evidence_list (fixture->overview);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (list),
                                                                               ADW_TYPE_PREFERENCES_GROUP));
  g_autoptr (GPtrArray) items = evident_project_dup_met_without_evidence (fixture->project);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentEvidence) link = NULL;
  g_autofree char *expected = NULL;
  Emission emission = { 0 };
  guint n = items->len;

  /* The demo has items met, and no evidence at all. */
  g_assert_cmpuint (n, >, 0);
  expected = g_strdup_printf ("Met without evidence: %u.", n);
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (group), expected));
  g_assert_cmpstr (row_ref (list, 0), ==, evident_item_get_ref (g_ptr_array_index (items, 0)));

  g_signal_connect (fixture->overview, "item-activated", G_CALLBACK (string_activated_cb), &emission);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))));
  g_assert_cmpstr (emission.string, ==, evident_item_get_ref (g_ptr_array_index (items, 0)));
  g_signal_handlers_disconnect_by_func (fixture->overview, string_activated_cb, &emission);
  emission_clear (&emission);

  link = evident_evidence_store_add_link (evident_evidence_store_get_for_project (fixture->project),
                                          g_ptr_array_index (items, 0), "https://example.com/a", "A",
                                          EVIDENT_EVIDENCE_KIND_PROCESS, &error);
  g_assert_no_error (error);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Met without evidence: %u.", n - 1);
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (group), expected));
  g_assert_cmpstr (row_ref (list, 0), !=, evident_item_get_ref (g_ptr_array_index (items, 0)));
}

/* One row per chapter, each opening its chapter. */
static void
test_chapters (Fixture       *fixture,
               gconstpointer  data)
{
  GtkListBox *list = evident_overview_get_chapter_list (fixture->overview);
  GListModel *chapters = evident_project_get_chapters (fixture->project);
  Emission emission = { 0 };
  GtkListBoxRow *row;

  g_assert_cmpuint (count_rows (list), ==, g_list_model_get_n_items (chapters));
  g_assert_cmpuint (count_rows (list), ==, 13);

  g_signal_connect (fixture->overview, "chapter-activated", G_CALLBACK (string_activated_cb), &emission);
  row = gtk_list_box_get_row_at_index (list, 7);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_cmpuint (emission.n_emissions, ==, 1);
  g_assert_cmpstr (emission.string, ==, "8.0");

  /* The rows follow edits, and are the same rows. */
  set_status (fixture, "8.2.3", EVIDENT_STATUS_MET);
  g_assert_true (gtk_list_box_get_row_at_index (list, 7) == row);
  g_assert_true (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), "8.0 Security") != NULL);

  g_signal_handlers_disconnect_by_func (fixture->overview, string_activated_cb, &emission);
  emission_clear (&emission);
}

/* A project taken away and given back. */
static void
test_project_swap (Fixture       *fixture,
                   gconstpointer  data)
{
  evident_overview_set_project (fixture->overview, NULL);
  g_assert_null (evident_heatmap_view_get_heatmap (fixture->view));
  g_assert_null (evident_heatmap_view_get_cell (fixture->view, 0, 0));
  g_assert_cmpuint (count_rows (evident_overview_get_chapter_list (fixture->overview)), ==, 0);

  evident_overview_set_project (fixture->overview, fixture->project);
  /* The heat map and the lists fill when the main loop is next idle. */
  evident_test_iterate ();
  assert_cells_match (fixture, EVIDENT_HEATMAP_METRIC_OPEN);
  g_assert_cmpuint (count_rows (evident_overview_get_chapter_list (fixture->overview)), ==, 13);
}

/* What the first frame shows (title, score) comes with the project; the
 * sections below the plan are neither built nor measured until the main
 * loop is idle after that, or until asked for, and then show in full. */
static void
test_below_waits (Fixture       *fixture,
                  gconstpointer  data)
{
  EvidentProject *project = fixture->project;

  for (guint round = 0; round < 2; round++)
    {
      evident_overview_set_project (fixture->overview, NULL);
      evident_overview_set_project (fixture->overview, project);

      g_assert_cmpstr (evident_overview_get_score_text (fixture->overview, EVIDENT_VIEW_CONFIRMED),
                       !=, "");
      g_assert_false (gtk_widget_is_visible (GTK_WIDGET (fixture->view)));
      g_assert_null (evident_heatmap_view_get_heatmap (fixture->view));

      if (round == 0)
        /* Shown when the main loop is idle. */
        evident_test_iterate ();
      else
        /* Or at once for whoever asks for a list. */
        g_assert_cmpuint (count_rows (evident_overview_get_chapter_list (fixture->overview)),
                          ==, 13);

      g_assert_true (gtk_widget_is_visible (GTK_WIDGET (fixture->view)));
      assert_cells_match (fixture, EVIDENT_HEATMAP_METRIC_OPEN);
      g_assert_cmpuint (count_rows (evident_overview_get_chapter_list (fixture->overview)), ==, 13);
      g_assert_cmpuint (count_rows (evident_overview_get_risk_list (fixture->overview)), >, 0);
    }

  /* A change while they wait is in them when they fill. */
  evident_overview_set_project (fixture->overview, NULL);
  evident_overview_set_project (fixture->overview, project);
  set_status (fixture, "1.1.1", EVIDENT_STATUS_MET);
  assert_cells_match (fixture, EVIDENT_HEATMAP_METRIC_OPEN);
}

/* Pass-fail mode: the share of items counted, and the mandatory items that
 * stand between it and a pass. */
static void
test_pass_fail (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("evident-test-overview-XXXXXX", &error);
  g_autoptr (GFile) checklists = evident_sample_get_checklists_dir ();
  g_autoptr (GFile) checklist = g_file_get_child (checklists, "msp-sample.csv");
  g_autoptr (GFile) file = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *open = NULL;
  EvidentProjectSettings settings;
  EvidentProject *project;
  const EvidentScore *score;
  GtkWidget *window;
  EvidentOverview *overview;
  GListModel *items;
  guint n_mandatory;

  g_assert_no_error (error);
  entries = evident_checklist_load (checklist, NULL, &error);
  g_assert_no_error (error);
  evident_project_settings_init (&settings);
  settings.rules.mode = EVIDENT_SCORE_MODE_PASS_FAIL;
  file = g_file_new_build_filename (dir, "pass-fail.evident", NULL);
  project = evident_project_create (file, &settings, entries, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  overview = EVIDENT_OVERVIEW (g_object_ref (evident_overview_new ()));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (overview));
  evident_overview_set_project (overview, project);
  gtk_window_present (GTK_WINDOW (window));
  evident_test_iterate ();

  score = evident_project_get_score (project);
  n_mandatory = score->n_mandatory;
  g_assert_cmpuint (n_mandatory, >, 1);
  g_assert_cmpstr (evident_overview_get_score_text (overview, EVIDENT_VIEW_CONFIRMED), ==, "0 %");
  open = g_strdup_printf ("%u mandatory items open", n_mandatory);
  g_assert_cmpstr (evident_overview_get_gap_text (overview, EVIDENT_VIEW_CONFIRMED), ==, open);

  /* Every mandatory item met: passes, at the share of items counted. */
  items = evident_project_get_items (project);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (evident_item_get_mandatory (item))
        {
          evident_project_set_status (project, item, EVIDENT_STATUS_MET, NULL, &error);
          g_assert_no_error (error);
        }
    }
  evident_test_iterate ();
  score = evident_project_get_score (project);
  g_assert_true (score->views[EVIDENT_VIEW_CONFIRMED].pass);
  {
    g_autofree char *share = g_strdup_printf ("%d %%", (int) floor (score->views[EVIDENT_VIEW_CONFIRMED].score));

    g_assert_cmpstr (evident_overview_get_score_text (overview, EVIDENT_VIEW_CONFIRMED), ==, share);
  }
  g_assert_cmpstr (evident_overview_get_gap_text (overview, EVIDENT_VIEW_CONFIRMED), ==,
                   "All mandatory items counted");

  gtk_window_destroy (GTK_WINDOW (window));
  evident_test_iterate ();
  evident_test_assert_finalized (overview);
  evident_project_close (project);
  evident_test_assert_finalized (project);
  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/overview/no-display"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/overview/new", test_new);
  ADD ("/heatmap-view/rows", test_rows);
  ADD ("/heatmap-view/metrics", test_metrics);
  ADD ("/heatmap-view/keyboard", test_keyboard);
  ADD ("/heatmap-view/activate", test_activate);
  ADD ("/heatmap-view/live", test_live);
  ADD ("/overview/score", test_score);
  ADD ("/overview/items", test_items);
  ADD ("/overview/met-without-evidence", test_met_without_evidence);
  ADD ("/overview/chapters", test_chapters);
  ADD ("/overview/project-swap", test_project_swap);
  ADD ("/overview/below-waits", test_below_waits);
  g_test_add_func ("/overview/pass-fail", test_pass_fail);

#undef ADD

  return g_test_run ();
}
