/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A pass/fail project (no points count) in the window: the score button
 * shows shares of items and whether every mandatory item is met, and no
 * list row, item header or sidebar caption speaks of points. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "evident-import.h"
#include "evident-item-row.h"
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

  evident_test_window_destroy (window);
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
  return g_test_run ();
}
