/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A pass/fail project (no points count) in the window: the score button
 * shows shares of items and whether every mandatory item is met, and no
 * list row, item header, sidebar caption, score popover or overview
 * section (its lists, chapters and heat map menu) speaks of points. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "evident-import.h"
#include "evident-enums-util.h"
#include "evident-heatmap.h"
#include "evident-heatmap-view.h"
#include "evident-item-row.h"
#include "evident-overview.h"
#include "evident-project.h"
#include "evident-sample.h"
#include "evident-score-button.h"
#include "evident-sidebar-row.h"
#include "evident-test-utils.h"
#include "evident-window-private.h"

/* The sample checklist as a pass/fail project in a new folder @dir;
 * @n_mandatory: its mandatory items. */
static EvidentProject *
create_pass_fail_project (char  **dir,
                          guint  *n_mandatory)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) checklists = evident_sample_get_checklists_dir ();
  g_autoptr (GFile) checklist = g_file_get_child (checklists, "msp-sample.csv");
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GFile) file = NULL;
  EvidentProjectSettings settings;
  EvidentProject *project;

  *dir = g_dir_make_tmp ("evident-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_file_new_build_filename (*dir, "pass-fail.evident", NULL);
  entries = evident_checklist_load (checklist, NULL, &error);
  g_assert_no_error (error);

  evident_project_settings_init (&settings);
  settings.rules.mode = EVIDENT_SCORE_MODE_PASS_FAIL;
  project = evident_project_create (file, &settings, entries, &error);
  g_assert_no_error (error);

  *n_mandatory = 0;
  for (guint i = 0; i < entries->len; i++)
    *n_mandatory += ((EvidentChecklistEntry *) g_ptr_array_index (entries, i))->mandatory;
  return project;
}

/* In pass-fail mode the button shows shares of items and whether every
 * mandatory item is met, not points against a pass line. */
static void
test_score_button (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *button;
  GListModel *items;
  const char *text;
  guint n_mandatory;

  project = create_pass_fail_project (&dir, &n_mandatory);

  button = g_object_ref_sink (evident_score_button_new ());
  evident_score_button_set_project (EVIDENT_SCORE_BUTTON (button), project);

  expected = g_strdup_printf ("Confirmed 0 %% · Projected 0 %% · %u mandatory open", n_mandatory);

  text = evident_score_button_get_text (EVIDENT_SCORE_BUTTON (button));
  g_test_message ("Pass-fail score: %s", text);
  g_assert_cmpstr (text, ==, expected);

  /* Every mandatory item met: the button says so, still without points. */
  items = evident_project_get_items (project);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (evident_item_get_mandatory (item))
        {
          g_assert_true (evident_project_set_status (project, item, EVIDENT_STATUS_MET, NULL, &error));
          g_assert_no_error (error);
        }
    }
  text = evident_score_button_get_text (EVIDENT_SCORE_BUTTON (button));
  g_test_message ("Pass-fail score: %s", text);
  g_assert_true (g_str_has_suffix (text, " · all mandatory met"));
  g_assert_null (strstr (text, "Confirmed 0 %"));
  g_assert_null (strstr (text, "/ 900"));

  evident_score_button_set_project (EVIDENT_SCORE_BUTTON (button), NULL);
  evident_test_assert_finalized (button);

  evident_project_close (project);
  g_clear_object (&project);
  evident_test_remove_dir (dir);
}

/* A shown label that speaks of points */
static gboolean
shows_points (GtkWidget     *widget,
              gconstpointer  data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (widget));

  return gtk_widget_is_visible (widget)
         && (strstr (text, " pts") != NULL || strstr (text, " pt") != NULL
             || g_str_has_suffix (text, " points") || g_str_has_suffix (text, " point"));
}

/* A shown label that speaks of points in any words */
static gboolean
speaks_of_points (GtkWidget     *widget,
                  gconstpointer  data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (widget));

  if (!gtk_widget_is_visible (widget))
    return FALSE;
  if (strstr (text, "point") == NULL && strstr (text, "Point") == NULL
      && strstr (text, "pts") == NULL)
    return FALSE;
  g_test_message ("Speaks of points: %s", text);
  return TRUE;
}

/* Every sidebar row's counts are without points; counts the rows. */
static gboolean
check_caption (GtkWidget     *widget,
               gconstpointer  data)
{
  const char *caption = evident_sidebar_row_get_caption (EVIDENT_SIDEBAR_ROW (widget));

  g_test_message ("Sidebar: %s", caption);
  g_assert_null (strstr (caption, "pts"));
  (*(guint *) data)++;  /* the test's own counter */
  return FALSE;
}

static gboolean
item_rows_shown (gpointer data)
{
  return evident_test_find_widget (GTK_WIDGET (evident_window_get_item_list (data)),
                                   EVIDENT_TYPE_ITEM_ROW, NULL, NULL) != NULL;
}

/* A checklist without points shows none: not in the list's rows, not
 * beside the item's title, not under the chapters. */
static void
test_no_points (void)
{
  g_autoptr (EvidentProject) project = NULL;
  g_autofree char *dir = NULL;
  EvidentWindow *window;
  GtkWidget *found;
  guint n_mandatory;
  guint n_rows = 0;

  project = create_pass_fail_project (&dir, &n_mandatory);
  window = evident_test_window_new (project, 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-item", "s", "8.2.1");
  evident_test_pump ();
  g_assert_true (evident_test_wait_until (item_rows_shown, window));

  found = evident_test_find_widget (GTK_WIDGET (evident_window_get_item_list (window)),
                                    GTK_TYPE_LABEL, shows_points, NULL);
  g_assert_null (found);
  found = evident_test_find_widget (GTK_WIDGET (evident_window_get_item_editor (window)),
                                    GTK_TYPE_LABEL, shows_points, NULL);
  g_assert_null (found);
  evident_test_find_widget (GTK_WIDGET (evident_window_get_sidebar (window)),
                            EVIDENT_TYPE_SIDEBAR_ROW, check_caption, &n_rows);
  g_assert_cmpuint (n_rows, >, 1);

  /* The score's popover: no list of points at risk. */
  evident_score_button_popup (evident_window_get_score_button (window));
  evident_test_pump ();
  found = evident_test_find_widget (GTK_WIDGET (evident_window_get_score_button (window)),
                                    GTK_TYPE_LABEL, speaks_of_points, NULL);
  g_assert_null (found);
  found = evident_test_find_widget (GTK_WIDGET (evident_window_get_score_button (window)),
                                    GTK_TYPE_POPOVER, NULL, NULL);
  g_assert_nonnull (found);
  evident_test_save_shot (found, "pass-fail-score-popover");
  evident_score_button_popdown (evident_window_get_score_button (window));
  evident_test_pump ();

  evident_test_window_destroy (window);
  evident_project_close (project);
  g_clear_object (&project);
  evident_test_remove_dir (dir);
}

static gboolean
chapters_shown (gpointer data)
{
  return gtk_list_box_get_row_at_index (evident_overview_get_chapter_list (data), 0) != NULL;
}

/* The overview's item lists, chapters and heat map menu without points:
 * the items are named by owner and status, the chapters count items,
 * there is no list of points at risk, and the heat map offers no points,
 * showing open items where points at risk were chosen. */
static void
test_overview (void)
{
  g_autoptr (EvidentProject) project = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *expected = NULL;
  const EvidentChapterScore *chapter;
  EvidentOverview *overview;
  GtkListBoxRow *row;
  GtkDropDown *dropdown;
  EvidentItem *item;
  GListModel *metrics;
  GtkWidget *window;
  GtkWidget *found;
  const char *text;
  const char *owner;
  guint n_mandatory;

  project = create_pass_fail_project (&dir, &n_mandatory);
  overview = g_object_ref (EVIDENT_OVERVIEW (evident_overview_new ()));
  window = evident_test_show_in_window (GTK_WIDGET (overview), project, 900, 900);
  g_assert_true (evident_test_wait_until (chapters_shown, overview));

  found = evident_test_find_widget (GTK_WIDGET (overview), GTK_TYPE_LABEL, speaks_of_points, NULL);
  g_assert_null (found);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (evident_overview_get_risk_list (overview))));

  /* A mandatory item not counted: for screen readers, without points. */
  row = gtk_list_box_get_row_at_index (evident_overview_get_mandatory_list (overview), 0);
  g_assert_nonnull (row);
  item = evident_project_lookup_item (project, g_object_get_data (G_OBJECT (row), "evident-ref"));
  g_assert_nonnull (item);
  owner = evident_item_get_owner (item);
  expected = g_strdup_printf ("%s %s: %s, %s", evident_item_get_ref (item),
                              evident_item_get_title (item),
                              owner != NULL && *owner != '\0' ? owner : "Unassigned",
                              evident_status_get_label (evident_item_get_status (item)));
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  /* A chapter counts its items, for eyes and screen readers. */
  chapter = &g_array_index (evident_project_get_score (project)->chapters, EvidentChapterScore, 0);
  row = gtk_list_box_get_row_at_index (evident_overview_get_chapter_list (overview), 0);
  text = gtk_widget_get_tooltip_text (GTK_WIDGET (row));
  g_test_message ("Chapter: %s", text);
  g_free (expected);
  expected = g_strdup_printf ("%s %s: 0 items confirmed, 0 projected, of %u",
                              chapter->number, chapter->title, chapter->n_items);
  g_assert_true (g_str_has_prefix (text, expected));
  g_assert_null (strstr (text, "points"));
  /* Shots of each part, scrolled to by its focus */
  gtk_widget_grab_focus (GTK_WIDGET (row));
  evident_test_save_shot (window, "pass-fail-overview-chapters");
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (evident_overview_get_mandatory_list (overview), 0)));
  evident_test_save_shot (window, "pass-fail-overview-mandatory");

  /* The heat map's menu offers no points at risk, and what was chosen
   * elsewhere falls back to open items. */
  dropdown = GTK_DROP_DOWN (evident_test_find_widget (GTK_WIDGET (overview), GTK_TYPE_DROP_DOWN,
                                                      NULL, NULL));
  metrics = gtk_drop_down_get_model (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (metrics), ==, EVIDENT_HEATMAP_N_METRICS - 1);
  for (guint i = 0; i < g_list_model_get_n_items (metrics); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (metrics), i), !=,
                     evident_heatmap_metric_get_label (EVIDENT_HEATMAP_METRIC_RISK));
  evident_overview_set_metric (overview, EVIDENT_HEATMAP_METRIC_RISK);
  evident_test_pump ();
  g_assert_cmpint (evident_heatmap_view_get_heatmap (evident_overview_get_heatmap_view (overview))->metric,
                   ==, EVIDENT_HEATMAP_METRIC_OPEN);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (metrics),
                                               gtk_drop_down_get_selected (dropdown)),
                   ==, evident_heatmap_metric_get_label (EVIDENT_HEATMAP_METRIC_OPEN));
  found = evident_test_find_widget (GTK_WIDGET (overview), GTK_TYPE_LABEL, speaks_of_points, NULL);
  g_assert_null (found);
  gtk_widget_grab_focus (GTK_WIDGET (dropdown));
  evident_test_save_shot (window, "pass-fail-overview-heatmap");
  /* Choosing in the menu still chooses. */
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpint (evident_overview_get_metric (overview), ==, EVIDENT_HEATMAP_METRIC_DONE);
  g_assert_cmpint (evident_heatmap_view_get_heatmap (evident_overview_get_heatmap_view (overview))->metric,
                   ==, EVIDENT_HEATMAP_METRIC_DONE);

  gtk_window_destroy (GTK_WINDOW (window));
  evident_test_iterate ();
  evident_test_assert_finalized (overview);
  evident_project_close (project);
  g_clear_object (&project);
  evident_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/pass-fail-ui/no-display"))
    return g_test_run ();

  g_test_add_func ("/pass-fail-ui/score-button", test_score_button);
  g_test_add_func ("/pass-fail-ui/no-points", test_no_points);
  g_test_add_func ("/pass-fail-ui/overview", test_overview);
  return g_test_run ();
}
