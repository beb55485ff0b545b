/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The main window on the sample project: the sidebar lists "Overview",
 * "All Items" and the 13 chapters in order; the project opens on the
 * overview; win.show-chapter, win.open-item and win.show-overview point the
 * window where the user asked, as do the overview's chapters, items and heat
 * map cells (a cell lists its owner's items of its complexity); an edit made
 * through the core changes the score in the header bar at once; win.undo
 * and win.redo take the item's status back and forth; the score popover's
 * items open the item. Every window is destroyed and finalized. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "evident-a11y.h"
#include "evident-chapter.h"
#include "evident-csv.h"
#include "evident-heatmap.h"
#include "evident-history-dialog.h"
#include "evident-list-heading.h"
#include "evident-item.h"
#include "evident-project-closer.h"
#include "evident-project.h"
#include "evident-sample.h"
#include "evident-settings.h"
#include "evident-test-utils.h"
#include "evident-window-private.h"
#include "evident-workload.h"

typedef struct
{
  char           *dir;
  EvidentProject *project;
  EvidentWindow  *window;
} Fixture;

static const char *chapter_titles[] = {
  "Partner Capabilities Overview",
  "Business Health",
  "Business Management",
  "Customer Obsession",
  "Solution Design Capability",
  "DevOps",
  "Infrastructure and Application Migration Capability",
  "Security",
  "Next Generation Service Management",
  "Service Level Agreement",
  "Optimization",
  "Billing and Cost Management",
  "Knowledge",
};

/* Helpers */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = evident_test_create_sample_project ("window", &fixture->dir);
  fixture->window = evident_test_window_new (fixture->project, 1280, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  evident_test_window_destroy (fixture->window);

  g_clear_object (&fixture->project);
  evident_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* The first item of @chapter_number whose status does not count in @view,
 * e.g. one a user would now set to met. */
static EvidentItem *
find_open_item (EvidentProject *project,
                const char     *chapter_number,
                EvidentView     view)
{
  GListModel *items = evident_project_get_items (project);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (evident_item_get_chapter (item), chapter_number)
          && !evident_item_counts_in (item, view)
          && evident_item_get_status (item) != EVIDENT_STATUS_NOT_APPLICABLE)
        return item;
    }

  return NULL;
}

/* The number after "Confirmed " in the score button's text. */
static int
parse_confirmed (const char *text)
{
  const char *start = strstr (text, "Confirmed ");

  g_assert_nonnull (start);
  return atoi (start + strlen ("Confirmed "));
}

/* The labels on screen under @widget, a line each. */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  g_autoptr (GPtrArray) labels = evident_test_collect_widgets (widget, GTK_TYPE_LABEL,
                                                               evident_test_is_mapped, NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      g_string_append (out, gtk_label_get_label (g_ptr_array_index (labels, i)));
      g_string_append_c (out, '\n');
    }
}

static gboolean
has_action_name (GtkWidget     *widget,
                 gconstpointer  name)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0;
}

static EvidentChapter *
get_list_chapter (Fixture *fixture)
{
  EvidentChapter *chapter = NULL;

  g_object_get (evident_window_get_item_list (fixture->window), "chapter", &chapter, NULL);
  if (chapter != NULL)
    g_object_unref (chapter);
  return chapter;
}

static EvidentItem *
get_selected_item (Fixture *fixture)
{
  EvidentItem *item = NULL;

  g_object_get (evident_window_get_item_list (fixture->window), "selected-item", &item, NULL);
  if (item != NULL)
    g_object_unref (item);
  return item;
}

/* Runs the main loop until the window's panes stopped moving. */
static void
settle (Fixture *fixture)
{
  GtkWidget *sidebar = GTK_WIDGET (evident_window_get_sidebar (fixture->window));
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (sidebar, ADW_TYPE_LEAFLET));

  evident_test_pump ();
  for (guint i = 0; i < 50 && adw_leaflet_get_child_transition_running (leaflet); i++)
    evident_test_pump ();
  g_assert_false (adw_leaflet_get_child_transition_running (leaflet));
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

/* What the window shows right of the sidebar: the overview, or the item
 * list (and the editor), never both. */
static void
assert_shows_overview (Fixture  *fixture,
                       gboolean  overview)
{
  EvidentWindow *window = fixture->window;

  g_assert_cmpint (evident_sidebar_get_overview (evident_window_get_sidebar (window)), ==, overview);
  g_assert_cmpint (is_mapped (evident_window_get_overview (window)), ==, overview);
  g_assert_cmpint (is_mapped (evident_window_get_item_list (window)), ==, !overview);
  g_assert_cmpint (is_mapped (evident_window_get_item_editor (window)), ==, !overview);
}

/* Tests */

/* Issue #2: the application's window lists the 13 chapters of the sample
 * checklist in the sidebar. */
static void
test_sidebar_13_chapters (Fixture       *fixture,
                          gconstpointer  data)
{
  EvidentSidebar *sidebar = evident_window_get_sidebar (fixture->window);
  GListModel *rows = evident_sidebar_get_model (sidebar);
  g_autoptr (GString) shown = g_string_new (NULL);
  g_autoptr (GObject) first = NULL;

  g_autoptr (GObject) second = NULL;
  g_autoptr (GObject) third = NULL;

  g_assert_nonnull (rows);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3 + G_N_ELEMENTS (chapter_titles));

  /* "Overview", "All Items" and "Sessions" first. */
  first = g_list_model_get_item (rows, 0);
  g_assert_false (EVIDENT_IS_CHAPTER (first));
  second = g_list_model_get_item (rows, 1);
  g_assert_false (EVIDENT_IS_CHAPTER (second));
  third = g_list_model_get_item (rows, 2);
  g_assert_false (EVIDENT_IS_CHAPTER (third));

  for (guint i = 0; i < G_N_ELEMENTS (chapter_titles); i++)
    {
      g_autoptr (GObject) row = g_list_model_get_item (rows, i + 3);
      g_autofree char *number = g_strdup_printf ("%u.0", i + 1);

      g_assert_true (EVIDENT_IS_CHAPTER (row));
      g_assert_cmpstr (evident_chapter_get_number (EVIDENT_CHAPTER (row)), ==, number);
      g_assert_cmpstr (evident_chapter_get_title (EVIDENT_CHAPTER (row)), ==, chapter_titles[i]);
    }

  /* What is on screen: the first rows with their titles and progress. */
  collect_labels (GTK_WIDGET (sidebar), shown);
  g_test_message ("Sidebar shows:\n%s", shown->str);
  g_assert_true (g_str_has_prefix (shown->str, "Overview\nAll Items\n"));
  g_assert_nonnull (strstr (shown->str, "\nSessions\n1.0\n"));
  g_assert_nonnull (strstr (shown->str, "1.0\n"));
  g_assert_nonnull (strstr (shown->str, "Partner Capabilities Overview\n"));
  g_assert_nonnull (strstr (shown->str, "Business Health\n"));
  g_assert_nonnull (strstr (shown->str, " items · "));

  /* "Overview" is selected at first, and the list behind it holds every
   * item. */
  g_assert_true (evident_sidebar_get_overview (sidebar));
  g_assert_null (evident_sidebar_get_chapter (sidebar));
  g_assert_null (get_list_chapter (fixture));

  /* Selecting "All Items" leaves the overview for every item. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (rows), 1);
  evident_test_pump ();
  g_assert_false (evident_sidebar_get_overview (sidebar));
  g_assert_null (get_list_chapter (fixture));
  assert_shows_overview (fixture, FALSE);
}

static void
test_show_chapter (Fixture       *fixture,
                   gconstpointer  data)
{
  EvidentSidebar *sidebar = evident_window_get_sidebar (fixture->window);
  EvidentChapter *security = evident_test_find_chapter (fixture->project, "8.0");

  g_assert_nonnull (security);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-chapter", "s", "8.0");
  evident_test_pump ();
  g_assert_true (evident_sidebar_get_chapter (sidebar) == security);
  g_assert_true (get_list_chapter (fixture) == security);

  /* Selecting a row in the sidebar does the same. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (evident_sidebar_get_model (sidebar)), 4);
  evident_test_pump ();
  g_assert_true (get_list_chapter (fixture)
                 == evident_test_find_chapter (fixture->project, "2.0"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-chapter", "s", "");
  evident_test_pump ();
  g_assert_null (get_list_chapter (fixture));

  /* An unknown chapter changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-chapter", "s", "99.0");
  evident_test_pump ();
  g_assert_null (get_list_chapter (fixture));
}

static void
test_score_follows_edits (Fixture       *fixture,
                          gconstpointer  data)
{
  EvidentScoreButton *button = evident_window_get_score_button (fixture->window);
  EvidentSidebar *sidebar = evident_window_get_sidebar (fixture->window);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *sidebar_before = NULL;
  g_autoptr (GString) shown = g_string_new (NULL);
  EvidentItem *item;
  int confirmed;
  int expected_gain;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-chapter", "s", "8.0");
  evident_test_pump ();

  item = find_open_item (fixture->project, "8.0", EVIDENT_VIEW_PROJECTED);
  g_assert_nonnull (item);

  before = g_strdup (evident_score_button_get_text (button));
  g_test_message ("Score before: %s", before);
  /* Labelled, on one line or two as the header bar has room. */
  g_assert_true (g_str_has_prefix (before, "Confirmed "));
  g_assert_nonnull (strstr (before, "Projected "));
  g_assert_nonnull (strstr (before, " / 900"));
  confirmed = parse_confirmed (before);
  g_assert_cmpint (confirmed, ==,
                   (int) evident_project_get_score (fixture->project)->views[EVIDENT_VIEW_CONFIRMED].score);

  expected_gain = evident_item_get_points (item);
  if (evident_item_get_mandatory (item))
    expected_gain += evident_project_get_rules (fixture->project)->mandatory_penalty;

  collect_labels (GTK_WIDGET (sidebar), shown);
  sidebar_before = g_strdup (shown->str);

  g_assert_true (evident_project_set_status (fixture->project, item, EVIDENT_STATUS_MET, NULL, &error));
  g_assert_no_error (error);

  /* At once, without waiting for the main loop. */
  g_test_message ("Score after: %s", evident_score_button_get_text (button));
  g_assert_cmpstr (evident_score_button_get_text (button), !=, before);
  g_assert_cmpint (parse_confirmed (evident_score_button_get_text (button)), ==,
                   confirmed + expected_gain);

  /* The sidebar's rows follow too. */
  evident_test_pump ();
  g_string_truncate (shown, 0);
  collect_labels (GTK_WIDGET (sidebar), shown);
  g_assert_cmpstr (shown->str, !=, sidebar_before);
}

/* A button for @action_name in @window, as a menu item or a header bar
 * button would be: sensitive while the action is enabled. */
static GtkWidget *
add_action_button (EvidentWindow *window,
                   const char    *action_name)
{
  GtkWidget *sidebar = GTK_WIDGET (evident_window_get_sidebar (window));
  GtkWidget *button = gtk_button_new_with_label (action_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (sidebar)), button);
  evident_test_iterate ();
  return button;
}

static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *undo_button = add_action_button (fixture->window, "win.undo");
  GtkWidget *redo_button = add_action_button (fixture->window, "win.redo");
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  EvidentScoreButton *button = evident_window_get_score_button (fixture->window);
  EvidentItem *item = find_open_item (fixture->project, "8.0", EVIDENT_VIEW_CONFIRMED);
  EvidentStatus old_status;

  g_assert_nonnull (item);
  old_status = evident_item_get_status (item);
  before = g_strdup (evident_score_button_get_text (button));

  g_assert_true (evident_project_set_status (fixture->project, item, EVIDENT_STATUS_MET, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_true (evident_project_get_can_undo (fixture->project));
  /* The actions follow the project's can-undo and can-redo. */
  g_assert_true (gtk_widget_get_sensitive (undo_button));
  g_assert_false (gtk_widget_get_sensitive (redo_button));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  evident_test_pump ();
  g_assert_cmpint (evident_item_get_status (item), ==, old_status);
  /* (The undo opened the item: the list's header bar may show the score
   * on two lines now.) */
  g_assert_cmpint (parse_confirmed (evident_score_button_get_text (button)), ==,
                   parse_confirmed (before));
  g_assert_true (evident_project_get_can_redo (fixture->project));
  g_assert_true (gtk_widget_get_sensitive (redo_button));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  evident_test_pump ();
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_cmpint (parse_confirmed (evident_score_button_get_text (button)), !=,
                   parse_confirmed (before));

  /* Nothing left to redo: the action is disabled and does nothing. */
  g_assert_false (evident_project_get_can_redo (fixture->project));
  g_assert_false (gtk_widget_get_sensitive (redo_button));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  evident_test_pump ();
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_MET);
}

/* Every undo and redo says what it did and opens the item it changed,
 * though another item is open: "Undone: status and reason of 8.4.4",
 * then "Undone: notes of 8.3.2". */
static void
test_undo_names_item (Fixture       *fixture,
                      gconstpointer  data)
{
  EvidentItemList *list = evident_window_get_item_list (fixture->window);
  EvidentItem *noted = evident_project_lookup_item (fixture->project, "8.3.2");
  EvidentItem *exempt = evident_project_lookup_item (fixture->project, "8.4.4");
  EvidentItem *other = evident_project_lookup_item (fixture->project, "1.1.1");
  g_autoptr (GError) error = NULL;
  AdwToast *toast;

  g_assert_true (evident_project_set_note (fixture->project, noted, "Waiting for the SIEM export",
                                           &error));
  g_assert_true (evident_project_set_status (fixture->project, exempt, EVIDENT_STATUS_NOT_APPLICABLE,
                                             "Covered by the DevOps competency", &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s", "1.1.1");
  evident_test_pump ();
  g_assert_true (evident_item_list_get_selected_item (list) == other);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  evident_test_pump ();
  toast = evident_window_get_undo_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Undone: status and reason of 8.4.4");
  g_assert_true (evident_item_list_get_selected_item (list) == exempt);
  g_assert_true (evident_item_editor_get_item (evident_window_get_item_editor (fixture->window))
                 == exempt);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  evident_test_pump ();
  toast = evident_window_get_undo_toast (fixture->window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Undone: notes of 8.3.2");
  g_assert_true (evident_item_list_get_selected_item (list) == noted);
  g_assert_cmpstr (evident_item_get_note (noted), !=, "Waiting for the SIEM export");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  evident_test_pump ();
  toast = evident_window_get_undo_toast (fixture->window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Redone: notes of 8.3.2");
  g_assert_cmpstr (evident_item_get_note (noted), ==, "Waiting for the SIEM export");
}

static gboolean
is_history_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (EVIDENT_IS_HISTORY_DIALOG (window))
        {
          *(EvidentHistoryDialog **) data = EVIDENT_HISTORY_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* The Edit History lists the project's changes, newest first, and a change
 * opens its item. */
static void
test_edit_history (Fixture       *fixture,
                   gconstpointer  data)
{
  EvidentItem *item = evident_project_lookup_item (fixture->project, "8.3.2");
  EvidentHistoryDialog *dialog = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;
  GtkListBox *rows;
  guint n_rows = 0;

  g_assert_true (evident_project_set_note (fixture->project, item, "Waiting for the SIEM export",
                                           &error));
  g_assert_true (evident_project_set_status (fixture->project, item, EVIDENT_STATUS_READY, NULL,
                                             &error));
  g_assert_no_error (error);
  history = evident_project_get_history (fixture->project, NULL, &error);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-history", NULL);
  g_assert_true (evident_test_wait_until (is_history_dialog, &dialog));
  rows = evident_history_dialog_get_list (dialog);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (rows)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n_rows += GTK_IS_LIST_BOX_ROW (row);
  g_assert_cmpuint (n_rows, ==, history->len);
  /* Newest first: the status, of 8.3.2. */
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (
                   ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (rows, 0))),
                 "8.3.2 "));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (
                      ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (rows, 0))), "Status:"));

  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (rows, 0))));
  evident_test_pump ();
  g_assert_false (is_history_dialog (&dialog));
  g_assert_true (evident_item_list_get_selected_item (evident_window_get_item_list (fixture->window))
                 == item);
}

/* A change of the plan settings is in the Edit History too, in words, and
 * names no item to open. */
static void
test_edit_history_settings (Fixture       *fixture,
                            gconstpointer  data)
{
  EvidentHistoryDialog *dialog = NULL;
  g_autoptr (GError) error = NULL;
  EvidentPlanSettings settings = *evident_project_get_plan_settings (fixture->project);
  GtkListBoxRow *row;

  settings.effort[EVIDENT_COMPLEXITY_HIGH] = 5;
  g_assert_true (evident_project_set_plan_settings (fixture->project, &settings, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-history", NULL);
  g_assert_true (evident_test_wait_until (is_history_dialog, &dialog));
  row = gtk_list_box_get_row_at_index (evident_history_dialog_get_list (dialog), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Plan settings — Effort for high complexity: 8 (default) → 5 days");
  g_assert_false (gtk_list_box_row_get_activatable (row));
  gtk_window_destroy (GTK_WINDOW (dialog));
  evident_test_pump ();

  /* Undone, it says so */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  evident_test_pump ();
  g_assert_cmpstr (adw_toast_get_title (evident_window_get_undo_toast (fixture->window)), ==,
                   "Undone: plan settings");
}

static gboolean
find_message_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        {
          *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* Error dialogs name the file, not its whole path. */
static void
test_error_names_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = g_error_new (EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_BUSY,
                                          "“/home/ann/Documents/Audits/2026/MSP audit.evident” "
                                          "is busy; try again in a moment");
  AdwMessageDialog *dialog = NULL;

  evident_window_show_error (fixture->window, "Could Not Open the Project", error);
  g_assert_true (evident_test_wait_until (find_message_dialog, &dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“MSP audit.evident” is busy; try again in a moment");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_open_item (Fixture       *fixture,
                gconstpointer  data)
{
  EvidentSidebar *sidebar = evident_window_get_sidebar (fixture->window);
  EvidentItem *item = find_open_item (fixture->project, "8.0", EVIDENT_VIEW_CONFIRMED);
  EvidentItem *shown = NULL;

  g_assert_nonnull (item);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-chapter", "s", "2.0");
  evident_test_pump ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s",
                              evident_item_get_ref (item));
  evident_test_pump ();

  /* All items, so that the item is in the list, selected and in the editor. */
  g_assert_null (evident_sidebar_get_chapter (sidebar));
  g_assert_true (get_selected_item (fixture) == item);
  g_object_get (evident_window_get_item_editor (fixture->window), "item", &shown, NULL);
  g_assert_true (shown == item);
  g_clear_object (&shown);

  /* Next and previous item move through the list from there. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-item", NULL);
  evident_test_pump ();
  g_assert_nonnull (get_selected_item (fixture));
  g_assert_true (get_selected_item (fixture) != item);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.previous-item", NULL);
  evident_test_pump ();
  g_assert_true (get_selected_item (fixture) == item);
}

/* A popover built when first opened stays up, before it is shown, though
 * another test's window has the keyboard. */
static void
keep_popover_up_cb (GtkMenuButton *button,
                    GParamSpec    *pspec,
                    gpointer       data)
{
  gtk_popover_set_autohide (gtk_menu_button_get_popover (button), FALSE);
}

static void
test_score_popover_opens_items (Fixture       *fixture,
                                gconstpointer  data)
{
  EvidentScoreButton *button = evident_window_get_score_button (fixture->window);
  const EvidentScore *score = evident_project_get_score (fixture->project);
  GListModel *items = evident_project_get_items (fixture->project);
  g_autoptr (GPtrArray) buttons = NULL;
  GtkMenuButton *menu_button;
  GtkWidget *popover;
  guint n_mandatory_open = 0;
  const char *ref;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (evident_item_get_mandatory (item) && !evident_item_counts_in (item, EVIDENT_VIEW_PROJECTED))
        n_mandatory_open++;
    }

  /* The list's score button, on screen; its popover stays up though
   * another test's window has the keyboard. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-chapter", "s", "8.0");
  evident_test_pump ();
  menu_button = GTK_MENU_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (button)));
  /* Built when first opened, not with the window. */
  g_assert_null (gtk_menu_button_get_popover (menu_button));
  g_signal_connect (menu_button, "notify::popover", G_CALLBACK (keep_popover_up_cb), NULL);
  evident_score_button_popup (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (menu_button));
  g_assert_nonnull (popover);
  g_assert_false (gtk_popover_get_autohide (GTK_POPOVER (popover)));
  evident_test_pump ();
  g_assert_true (gtk_widget_get_visible (popover));
  buttons = evident_test_collect_widgets (popover, GTK_TYPE_BUTTON,
                                          has_action_name, "win.open-item");

  /* The mandatory items not counted, then the ten most points at risk. */
  g_assert_cmpuint (buttons->len, ==, n_mandatory_open + MIN (score->at_risk->len, 10));
  g_assert_cmpuint (buttons->len, >, 0);

  /* The first of the ten is the item with most points at risk. */
  ref = g_variant_get_string (gtk_actionable_get_action_target_value (g_ptr_array_index (buttons, n_mandatory_open)), NULL);
  g_assert_cmpstr (ref, ==, evident_item_get_ref (g_ptr_array_index (score->at_risk, 0)));

  g_signal_emit_by_name (g_ptr_array_index (buttons, n_mandatory_open), "clicked");
  evident_test_pump ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_nonnull (get_selected_item (fixture));
  g_assert_cmpstr (evident_item_get_ref (get_selected_item (fixture)), ==, ref);
}

/* The window's title over the sidebar */
static gboolean
is_window_title (GtkWidget     *widget,
            gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0
         && gtk_widget_has_css_class (widget, "title");
}

static void
test_title (Fixture       *fixture,
            gconstpointer  data)
{
  const char *title = evident_project_get_title (fixture->project);
  g_autofree char *basename = g_file_get_basename (evident_project_get_file (fixture->project));
  g_autofree char *named = g_strconcat (title, ".evident", NULL);
  g_autofree char *tooltip = g_strconcat (title, "\n", basename, NULL);
  GtkWidget *sidebar_pane;
  GtkLabel *label;
  GtkWidget *subtitle;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, title);

  /* Over the sidebar: a long title on two lines, whole in the tooltip;
   * the file's name under it unless it only repeats the title. */
  sidebar_pane = gtk_widget_get_parent (GTK_WIDGET (evident_window_get_sidebar (fixture->window)));
  label = GTK_LABEL (evident_test_find_widget (sidebar_pane, GTK_TYPE_LABEL, is_window_title,
                                               title));
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_wrap (label));
  g_assert_cmpint (gtk_label_get_lines (label), ==, 2);
  g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_END);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (label))), ==,
                   tooltip);
  subtitle = gtk_widget_get_next_sibling (GTK_WIDGET (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (subtitle)), ==, basename);
  g_assert_true (gtk_widget_get_visible (subtitle) == !g_str_equal (basename, named));
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  EvidentScoreButton *button = evident_window_get_score_button (fixture->window);
  EvidentItem *item = find_open_item (fixture->project, "8.0", EVIDENT_VIEW_CONFIRMED);
  EvidentHeatmapView *heatmap_view =
    evident_overview_get_heatmap_view (evident_window_get_overview (fixture->window));

  /* At 360 pixels the panes fold: one at a time, the score on two short
   * lines, labelled still. */
  gtk_window_unmaximize (GTK_WINDOW (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  gtk_widget_set_size_request (GTK_WIDGET (fixture->window), 360, 700);
  gtk_widget_queue_resize (GTK_WIDGET (fixture->window));
  evident_test_pump ();
  evident_test_pump ();

  if (gtk_widget_get_width (GTK_WIDGET (fixture->window)) > 400)
    {
      g_test_skip ("The window manager did not let the window shrink");
      return;
    }

  g_assert_true (g_str_has_prefix (evident_score_button_get_text (button), "Confirmed "));
  g_assert_nonnull (strstr (evident_score_button_get_text (button), "Projected "));

  settle (fixture);

  /* The overview, alone; back leads to the sidebar, and choosing the
   * overview there leads to it again. */
  g_assert_true (is_mapped (evident_window_get_overview (fixture->window)));
  g_assert_false (is_mapped (evident_window_get_sidebar (fixture->window)));
  g_assert_false (is_mapped (evident_window_get_item_list (fixture->window)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  settle (fixture);
  g_assert_true (is_mapped (evident_window_get_sidebar (fixture->window)));
  g_assert_false (is_mapped (evident_window_get_overview (fixture->window)));
  g_signal_emit_by_name (evident_window_get_sidebar (fixture->window), "activated", FALSE);
  settle (fixture);
  g_assert_true (is_mapped (evident_window_get_overview (fixture->window)));
  g_assert_false (is_mapped (evident_window_get_sidebar (fixture->window)));

  /* A heat map cell leads forward to the list; back from there goes to the
   * sidebar, past the hidden overview. */
  evident_heatmap_view_activate_cell (heatmap_view, EVIDENT_HEATMAP_TOTAL, EVIDENT_HEATMAP_TOTAL);
  settle (fixture);
  g_assert_true (is_mapped (evident_window_get_item_list (fixture->window)));
  g_assert_false (is_mapped (evident_window_get_overview (fixture->window)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  settle (fixture);
  g_assert_true (is_mapped (evident_window_get_sidebar (fixture->window)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL);
  settle (fixture);
  g_assert_true (is_mapped (evident_window_get_overview (fixture->window)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s",
                              evident_item_get_ref (item));
  evident_test_pump ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (evident_window_get_item_editor (fixture->window))));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (evident_window_get_sidebar (fixture->window))));

  /* The editor's page shows the score, and a change of status moves it
   * at once. */
  {
    g_autoptr (GPtrArray) buttons = evident_test_collect_widgets (GTK_WIDGET (fixture->window),
                                                                  EVIDENT_TYPE_SCORE_BUTTON,
                                                                  evident_test_is_mapped, NULL);
    GtkWidget *editor_pane = gtk_widget_get_ancestor (
      gtk_widget_get_parent (GTK_WIDGET (evident_window_get_item_editor (fixture->window))),
      GTK_TYPE_BOX);
    EvidentScoreButton *shown = NULL;
    int before;

    /* (While the leaflet slides, the list's page is on screen too.) */
    for (guint i = 0; i < buttons->len; i++)
      if (gtk_widget_is_ancestor (g_ptr_array_index (buttons, i), editor_pane))
        shown = g_ptr_array_index (buttons, i);
    g_assert_nonnull (shown);
    g_assert_true (g_str_has_prefix (evident_score_button_get_text (shown), "Confirmed "));
    before = parse_confirmed (evident_score_button_get_text (shown));
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "met");
    g_assert_cmpint (parse_confirmed (evident_score_button_get_text (shown)), >, before);
  }

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  evident_test_pump ();
  evident_test_pump ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (evident_window_get_item_list (fixture->window))));
}

/* Issue #5: the project opens on the overview, with the score in its
 * header bar; the item list and the editor are not shown. */
static void
test_opens_on_overview (Fixture       *fixture,
                        gconstpointer  data)
{
  EvidentOverview *overview = evident_window_get_overview (fixture->window);
  EvidentScoreButton *list_button = evident_window_get_score_button (fixture->window);
  g_autoptr (GPtrArray) buttons = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) other_file = NULL;
  g_autoptr (EvidentProject) other = NULL;
  EvidentItem *item;
  g_autofree char *text = NULL;

  assert_shows_overview (fixture, TRUE);
  g_assert_true (evident_overview_get_project (overview) == fixture->project);
  g_assert_nonnull (evident_overview_get_score_text (overview, EVIDENT_VIEW_CONFIRMED));
  /* Issue #17: what the overview hides is not built for the first frame. */
  g_assert_null (adw_bin_get_child (ADW_BIN (evident_window_get_item_editor (fixture->window))));
  g_assert_null (adw_bin_get_child (ADW_BIN (fixture->window->preview_pane)));
  /* The keyboard shortcuts too (e2e-names.py opens them with Ctrl+?). */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));

  /* One score button in sight, the overview's, on two short lines (the
   * page shows the score in full) but labelled, with the confirmed score
   * of the item list's. */
  buttons = evident_test_collect_widgets (GTK_WIDGET (fixture->window), EVIDENT_TYPE_SCORE_BUTTON,
                                          evident_test_is_mapped, NULL);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_true (g_ptr_array_index (buttons, 0) != (gpointer) list_button);
  g_assert_true (evident_score_button_get_compact (g_ptr_array_index (buttons, 0)));
  text = g_strdup (evident_score_button_get_text (g_ptr_array_index (buttons, 0)));
  g_test_message ("Overview's score button: %s", text);
  g_assert_true (g_str_has_prefix (text, "Confirmed "));
  g_assert_nonnull (strstr (text, "\nProjected "));
  g_assert_cmpint (parse_confirmed (text), ==,
                   parse_confirmed (evident_score_button_get_text (list_button)));

  /* It follows edits as the other does. */
  item = find_open_item (fixture->project, "8.0", EVIDENT_VIEW_CONFIRMED);
  g_assert_nonnull (item);
  g_assert_true (evident_project_set_status (fixture->project, item, EVIDENT_STATUS_MET, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (evident_score_button_get_text (g_ptr_array_index (buttons, 0)), !=, text);
  g_assert_cmpint (parse_confirmed (evident_score_button_get_text (g_ptr_array_index (buttons, 0))), ==,
                   parse_confirmed (evident_score_button_get_text (list_button)));

  /* Another project opens on its overview too, wherever the window was. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-chapter", "s", "8.0");
  evident_test_pump ();
  assert_shows_overview (fixture, FALSE);
  /* Shown, the editor says that no item is selected. */
  g_assert_nonnull (adw_bin_get_child (ADW_BIN (evident_window_get_item_editor (fixture->window))));

  other_file = g_file_new_build_filename (fixture->dir, "other.evident", NULL);
  other = evident_sample_create_project (other_file, TRUE, NULL, &error);
  g_assert_no_error (error);
  evident_window_set_project (fixture->window, other);
  evident_test_pump ();
  assert_shows_overview (fixture, TRUE);
  g_assert_true (evident_overview_get_project (overview) == other);
  g_assert_null (get_list_chapter (fixture));
}

/* win.show-overview comes back to the overview from anywhere; a chapter,
 * an item or the search leave it. */
/* The heat map's metric is remembered: the one chosen last week is the
 * one a new window shows. */
static void
test_heatmap_metric_remembered (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr (GSettings) settings = evident_settings_new ();
  EvidentOverview *overview = evident_window_get_overview (fixture->window);
  g_autofree char *metric = NULL;
  EvidentWindow *second;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "heatmap-metric");
  g_assert_cmpint (evident_overview_get_metric (overview), ==, EVIDENT_HEATMAP_METRIC_OPEN);

  evident_overview_set_metric (overview, EVIDENT_HEATMAP_METRIC_RISK);
  metric = g_settings_get_string (settings, "heatmap-metric");
  g_assert_cmpstr (metric, ==, "risk");

  second = g_object_ref (evident_window_new (NULL));
  g_assert_cmpint (evident_overview_get_metric (evident_window_get_overview (second)), ==,
                   EVIDENT_HEATMAP_METRIC_RISK);
  gtk_window_destroy (GTK_WINDOW (second));
  evident_test_pump ();
  evident_test_assert_finalized (second);

  g_settings_reset (settings, "heatmap-metric");
}

static void
test_show_overview (Fixture       *fixture,
                    gconstpointer  data)
{
  EvidentSidebar *sidebar = evident_window_get_sidebar (fixture->window);
  EvidentItem *item = find_open_item (fixture->project, "8.0", EVIDENT_VIEW_CONFIRMED);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-chapter", "s", "8.0");
  evident_test_pump ();
  assert_shows_overview (fixture, FALSE);
  g_assert_true (get_list_chapter (fixture)
                 == evident_test_find_chapter (fixture->project, "8.0"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL);
  evident_test_pump ();
  assert_shows_overview (fixture, TRUE);
  g_assert_null (evident_sidebar_get_chapter (sidebar));

  /* Next item does not change the item behind the overview. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-item", NULL);
  evident_test_pump ();
  assert_shows_overview (fixture, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s",
                              evident_item_get_ref (item));
  evident_test_pump ();
  assert_shows_overview (fixture, FALSE);
  g_assert_true (get_selected_item (fixture) == item);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL);
  evident_test_pump ();
  assert_shows_overview (fixture, TRUE);

  /* The search is the item list's. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  evident_test_pump ();
  assert_shows_overview (fixture, FALSE);
  g_assert_null (get_list_chapter (fixture));
}

/* The overview's chapters and items open them in the window. */
static void
test_overview_opens_chapters_and_items (Fixture       *fixture,
                                        gconstpointer  data)
{
  EvidentOverview *overview = evident_window_get_overview (fixture->window);
  const EvidentScore *score = evident_project_get_score (fixture->project);
  EvidentItem *most_at_risk;
  EvidentItem *shown = NULL;
  GtkListBoxRow *row;

  /* The eighth chapter's row: chapter 8.0, Security. */
  row = gtk_list_box_get_row_at_index (evident_overview_get_chapter_list (overview), 7);
  g_assert_nonnull (row);
  gtk_widget_activate (GTK_WIDGET (row));
  evident_test_pump ();
  assert_shows_overview (fixture, FALSE);
  g_assert_true (get_list_chapter (fixture)
                 == evident_test_find_chapter (fixture->project, "8.0"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL);
  evident_test_pump ();
  assert_shows_overview (fixture, TRUE);

  /* The first of the items with most points at risk. */
  g_assert_cmpuint (score->at_risk->len, >, 0);
  most_at_risk = g_ptr_array_index (score->at_risk, 0);
  row = gtk_list_box_get_row_at_index (evident_overview_get_risk_list (overview), 0);
  g_assert_nonnull (row);
  gtk_widget_activate (GTK_WIDGET (row));
  evident_test_pump ();
  assert_shows_overview (fixture, FALSE);
  g_assert_true (get_selected_item (fixture) == most_at_risk);
  g_object_get (evident_window_get_item_editor (fixture->window), "item", &shown, NULL);
  g_assert_true (shown == most_at_risk);
  g_clear_object (&shown);
}

/* The items of @project with @owner ("" for none, NULL for any) and
 * @complexity (-1 for any), only those not counted in the projected view
 * if @open_only. */
static guint
count_items (EvidentProject *project,
             const char     *owner,
             int             complexity,
             gboolean        open_only)
{
  GListModel *items = evident_project_get_items (project);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      const char *item_owner = evident_item_get_owner (item);

      if (owner != NULL && g_strcmp0 (item_owner != NULL ? item_owner : "", owner) != 0)
        continue;
      if (complexity >= 0 && (int) evident_item_get_complexity (item) != complexity)
        continue;
      if (open_only && evident_item_counts_in (item, EVIDENT_VIEW_PROJECTED))
        continue;
      n++;
    }

  return n;
}

/* Every item the list shows has @owner and @complexity, as count_items()
 * takes them, and there are as many as the project has. */
static void
assert_list_holds (Fixture    *fixture,
                   const char *owner,
                   int         complexity,
                   gboolean    open_only,
                   guint       expected)
{
  GListModel *model = evident_item_list_get_model (evident_window_get_item_list (fixture->window));
  guint n = g_list_model_get_n_items (model);

  g_test_message ("Listed %u items of owner %s, complexity %d%s",
                  n, owner ? owner : "(any)", complexity, open_only ? ", open" : "");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (model, i);
      const char *item_owner = evident_item_get_owner (item);

      if (owner != NULL)
        g_assert_cmpstr (item_owner != NULL ? item_owner : "", ==, owner);
      if (complexity >= 0)
        g_assert_cmpint (evident_item_get_complexity (item), ==, complexity);
      if (open_only)
        g_assert_false (evident_item_counts_in (item, EVIDENT_VIEW_PROJECTED));
    }
  g_assert_cmpuint (n, ==, expected);
  g_assert_cmpuint (n, ==, count_items (fixture->project, owner, complexity, open_only));
}

/* Issue #5: choosing a heat map cell opens the item list filtered to that
 * owner and complexity: the items the cell counts. */
static void
test_heatmap_cell_filters_list (Fixture       *fixture,
                                gconstpointer  data)
{
  EvidentOverview *overview = evident_window_get_overview (fixture->window);
  EvidentHeatmapView *view = evident_overview_get_heatmap_view (overview);
  EvidentItemList *list = evident_window_get_item_list (fixture->window);
  EvidentSidebar *sidebar = evident_window_get_sidebar (fixture->window);
  const EvidentHeatmap *heatmap = evident_heatmap_view_get_heatmap (view);
  const EvidentHeatmapCell *cell;
  guint best_row = 0, best_column = 0, best_open = 0;
  guint unassigned;
  const char *owner;
  int complexity;

  g_assert_nonnull (heatmap);
  g_assert_cmpuint (heatmap->n_rows, >, 1);

  /* The owner's cell with most open items. */
  for (guint row = 0; row + 1 < heatmap->n_rows; row++)
    for (guint column = 0; column < EVIDENT_HEATMAP_N_COLUMNS; column++)
      {
        cell = evident_heatmap_get_cell (heatmap, row, column);
        if (cell->n_open > best_open)
          {
            best_open = cell->n_open;
            best_row = row;
            best_column = column;
          }
      }
  g_assert_cmpuint (best_open, >, 0);
  owner = evident_heatmap_get_owner (heatmap, best_row);
  complexity = evident_heatmap_column_get_complexity (best_column);
  g_assert_nonnull (owner);
  cell = evident_heatmap_get_cell (heatmap, best_row, best_column);
  g_assert_cmpuint (cell->n_items, >, cell->n_open);

  /* A search and a chapter left from before do not hide the cell's items. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-chapter", "s", "2.0");
  evident_item_list_set_search_text (list, "no such item anywhere");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL);
  evident_test_pump ();
  assert_shows_overview (fixture, TRUE);

  /* The cells count open items: the list holds the cell's open items. */
  g_assert_cmpint (evident_overview_get_metric (overview), ==, EVIDENT_HEATMAP_METRIC_OPEN);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s", "1.1.1");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL);
  evident_heatmap_view_activate_cell (view, best_row, best_column);
  evident_test_pump ();
  assert_shows_overview (fixture, FALSE);
  g_assert_null (evident_sidebar_get_chapter (sidebar));
  g_assert_cmpstr (evident_item_list_get_search_text (list) ? evident_item_list_get_search_text (list) : "", ==, "");
  assert_list_holds (fixture, owner, complexity, TRUE, best_open);

  /* The selection follows: the editor shows the first of the cell's items,
   * not 1.1.1, which the cell does not count; the heading says what the
   * list holds and why. */
  {
    g_autoptr (EvidentItem) first = g_list_model_get_item (evident_item_list_get_model (list), 0);
    EvidentListHeading *heading = EVIDENT_LIST_HEADING (
      evident_test_find_widget (GTK_WIDGET (list), EVIDENT_TYPE_LIST_HEADING, NULL, NULL));
    g_autofree char *count = g_strdup_printf ("All Items · %u of 130 items", best_open);

    g_assert_true (evident_item_list_get_selected_item (list) == first);
    g_assert_true (evident_item_editor_get_item (evident_window_get_item_editor (fixture->window))
                   == first);
    g_assert_cmpstr (evident_list_heading_get_title (heading), ==, count);
    g_assert_nonnull (evident_list_heading_get_filters (heading));
    g_assert_true (g_str_has_prefix (evident_list_heading_get_filters (heading), owner));
    g_assert_nonnull (strstr (evident_list_heading_get_filters (heading),
                              "not counted in the projected view"));
  }

  /* Share done: every item of the cell. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL);
  evident_overview_set_metric (overview, EVIDENT_HEATMAP_METRIC_DONE);
  evident_test_pump ();
  heatmap = evident_heatmap_view_get_heatmap (view);
  cell = evident_heatmap_get_cell (heatmap, best_row, best_column);
  evident_heatmap_view_activate_cell (view, best_row, best_column);
  evident_test_pump ();
  assert_shows_overview (fixture, FALSE);
  assert_list_holds (fixture, owner, complexity, FALSE, cell->n_items);

  /* The "Unassigned" row's total: the items without an owner. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL);
  evident_test_pump ();
  unassigned = heatmap->n_rows - 1;
  g_assert_null (evident_heatmap_get_owner (heatmap, unassigned));
  cell = evident_heatmap_get_cell (heatmap, unassigned, EVIDENT_HEATMAP_TOTAL);
  evident_heatmap_view_activate_cell (view, unassigned, EVIDENT_HEATMAP_TOTAL);
  evident_test_pump ();
  assert_list_holds (fixture, "", -1, FALSE, cell->n_items);

  /* The total row's column: any owner, one complexity. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL);
  evident_test_pump ();
  cell = evident_heatmap_get_cell (heatmap, EVIDENT_HEATMAP_TOTAL, best_column);
  evident_heatmap_view_activate_cell (view, EVIDENT_HEATMAP_TOTAL, best_column);
  evident_test_pump ();
  assert_list_holds (fixture, NULL, complexity, FALSE, cell->n_items);
}

static void
test_no_project (void)
{
  EvidentWindow *window = g_object_ref (evident_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  evident_test_pump ();
  g_assert_null (evident_window_get_project (window));
  g_assert_true (evident_window_is_pristine (window));

  /* Actions that need a project do nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-item", "s", "1.1.1");
  evident_test_pump ();

  gtk_window_destroy (GTK_WINDOW (window));
  evident_test_pump ();
  evident_test_assert_finalized (window);
}

/* The menu buttons build their menus when first opened, not with the
 * window; opened, each shows its menu. */
static void
test_menus_built_when_opened (Fixture       *fixture,
                              gconstpointer  data)
{
  EvidentWindow *window = fixture->window;
  GtkMenuButton *buttons[] = {
    window->primary_menu_button,
    window->empty_menu_button,
    GTK_MENU_BUTTON (window->overview_menu_button),
    GTK_MENU_BUTTON (window->list_menu_button),
    window->whatif_item_button,
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      g_assert_null (gtk_menu_button_get_popover (buttons[i]));
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (buttons[i])));
    }

  /* The main menu, from the sidebar's header bar. */
  gtk_menu_button_popup (window->primary_menu_button);
  evident_test_pump ();
  g_assert_true (GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (window->primary_menu_button)));
  g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (
                   gtk_menu_button_get_popover (window->primary_menu_button)))
                 == window->primary_menu);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (
                   gtk_menu_button_get_popover (window->primary_menu_button))));
  gtk_menu_button_popdown (window->primary_menu_button);
  evident_test_pump ();

  /* Opened again, the same popover. */
  {
    GtkPopover *popover = gtk_menu_button_get_popover (window->primary_menu_button);

    gtk_menu_button_popup (window->primary_menu_button);
    evident_test_pump ();
    g_assert_true (gtk_menu_button_get_popover (window->primary_menu_button) == popover);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    gtk_menu_button_popdown (window->primary_menu_button);
    evident_test_pump ();
  }

  /* The other buttons were not built by the first. */
  g_assert_null (gtk_menu_button_get_popover (window->empty_menu_button));

  /* The what-if menu of the editor has its own menu. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->whatif_item_button)));
  gtk_menu_button_popup (window->whatif_item_button);
  evident_test_pump ();
  g_assert_true (GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (window->whatif_item_button)));
  g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (
                   gtk_menu_button_get_popover (window->whatif_item_button)))
                 == window->whatif_item_menu);
  gtk_menu_button_popdown (window->whatif_item_button);
  evident_test_pump ();
}

/* The sessions page is built the first time it shows, with the window's
 * project, and follows the project from then on. */
static void
test_sessions_page_built_when_shown (Fixture       *fixture,
                                     gconstpointer  data)
{
  EvidentWindow *window = fixture->window;
  EvidentSessionsPage *page;

  g_assert_null (window->sessions_page);
  g_assert_null (adw_bin_get_child (window->sessions_bin));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sessions", NULL);
  evident_test_pump ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->overview_stack), ==, "sessions");
  page = window->sessions_page;
  g_assert_nonnull (page);
  g_assert_true (adw_bin_get_child (window->sessions_bin) == GTK_WIDGET (page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (evident_sessions_page_get_project (page) == fixture->project);
  g_assert_true (evident_window_get_sessions_page (window) == page);

  /* Back to the overview and again: the same page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-overview", NULL);
  evident_test_pump ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sessions", NULL);
  evident_test_pump ();
  g_assert_true (window->sessions_page == page);

  /* Another project: the page shows it. */
  evident_window_set_project (window, NULL);
  g_assert_null (evident_sessions_page_get_project (page));
  evident_window_set_project (window, fixture->project);
  g_assert_true (evident_sessions_page_get_project (page) == fixture->project);
}

/* The window with a project never loads the big icon of the window
 * without one (an SVG: librsvg, 6 MiB); that window shows it. */
static void
test_empty_icon_when_shown (Fixture       *fixture,
                            gconstpointer  data)
{
  EvidentWindow *window = fixture->window;

  g_assert_null (adw_status_page_get_icon_name (window->empty_status_page));

  evident_window_set_project (window, NULL);
  evident_test_pump ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->empty_status_page)));
  g_assert_cmpstr (adw_status_page_get_icon_name (window->empty_status_page), ==,
                   "x-office-document-symbolic");
}

/* The sidebar's captions count the overdue items of each chapter and of
 * all items, and follow a new due date. */
static void
test_sidebar_counts_overdue (Fixture       *fixture,
                             gconstpointer  data)
{
  EvidentItemChange change = { EVIDENT_ITEM_FIELD_DUE, "2020-01-02" };
  GListModel *items = evident_project_get_items (fixture->project);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) labels = g_string_new (NULL);
  g_autofree char *all_text = NULL;
  g_autofree char *chapter_text = NULL;
  EvidentItem *item = NULL;
  GDate today;
  guint n_all, n_chapter;

  /* An open item, not overdue yet. */
  g_date_set_time_t (&today, time (NULL));
  for (guint i = 0; item == NULL; i++)
    {
      g_autoptr (EvidentItem) candidate = g_list_model_get_item (items, i);

      if (!evident_item_counts_in (candidate, EVIDENT_VIEW_PROJECTED)
          && !evident_item_is_overdue (candidate, &today))
        item = candidate;
    }

  g_assert_true (evident_project_update_item (fixture->project, item, &change, 1, &error));
  g_assert_no_error (error);
  evident_test_pump ();

  n_all = evident_workload_count_overdue (items, NULL, &today);
  n_chapter = evident_workload_count_overdue (items, evident_item_get_chapter (item), &today);
  g_assert_cmpuint (n_chapter, >=, 1);
  collect_labels (GTK_WIDGET (fixture->window->sidebar), labels);
  chapter_text = g_strdup_printf (" · %u overdue\n", n_chapter);
  all_text = g_strdup_printf (" · %u overdue\n", n_all);
  g_assert_nonnull (strstr (labels->str, chapter_text));
  g_assert_nonnull (strstr (labels->str, all_text));
}

static gboolean
closer_done (gpointer unused)
{
  return !evident_project_closer_is_busy ();
}

/* Opening an item moves the sidebar from "Overview" to "All Items";
 * closing the window then lets go of the window, its sidebar and the
 * project: nothing keeps them once the window is gone. */
static void
test_sidebar_finalized (void)
{
  g_autofree char *dir = NULL;
  EvidentProject *project = evident_test_create_sample_project ("sidebar-finalized", &dir);
  EvidentWindow *window = evident_test_window_new (project, 1280, 800);
  EvidentSidebar *sidebar = evident_window_get_sidebar (window);

  g_object_add_weak_pointer (G_OBJECT (sidebar), (gpointer *) &sidebar);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-item", "s", "8.2.1"));
  evident_test_pump ();
  g_assert_false (evident_sidebar_get_overview (sidebar));
  g_assert_null (evident_sidebar_get_chapter (sidebar));

  evident_test_window_destroy (window);
  g_assert_null (sidebar);
  /* The project closes on a worker, which holds it until done. */
  g_assert_true (evident_test_wait_until (closer_done, NULL));
  evident_test_assert_finalized (project);
  evident_test_remove_dir (dir);
}

static void
test_templates_finalize (void)
{
  GtkWidget *widgets[] = {
    evident_sidebar_new (),
    evident_score_button_new (),
    evident_overview_new (),
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      g_object_ref_sink (widgets[i]);
      evident_test_assert_finalized (widgets[i]);
    }
}

/* A screen reader's "click" on a menu button or a drop-down, which GTK
 * 4.8 shows as a button (a combo box) around the button that opens it,
 * opens the menu (the list) from the outer one too; on a combo row it
 * opens the list, on a check button it toggles. */
static void
test_menu_button_click (void)
{
  GtkWidget *window;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  const char *const choices[] = { "Open Items", "Points at Risk", NULL };
  GtkWidget *drop_down = GTK_WIDGET (gtk_drop_down_new_from_strings (choices));
  GtkWidget *list_popover;
  GtkWidget *list;
  GtkWidget *combo_row;
  GtkWidget *check;
  g_autoptr (GtkStringList) strings = gtk_string_list_new (choices);

  evident_a11y_install_menu_button_click ();
  gtk_popover_set_child (GTK_POPOVER (popover), gtk_label_new ("Menu"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  gtk_box_append (GTK_BOX (box), menu_button);
  gtk_box_append (GTK_BOX (box), drop_down);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 200);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  evident_test_iterate ();

  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (gtk_widget_activate_action (menu_button, "click", NULL));
  evident_test_iterate ();
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));

  list_popover = evident_test_find_widget (drop_down, GTK_TYPE_POPOVER, NULL, NULL);
  g_assert_nonnull (list_popover);
  g_assert_false (gtk_widget_get_visible (list_popover));
  g_assert_true (gtk_widget_activate_action (drop_down, "click", NULL));
  g_assert_true (evident_test_wait_until ((EvidentTestCondition) gtk_widget_get_visible, list_popover));
  gtk_popover_popdown (GTK_POPOVER (list_popover));

  /* A combo row, a combo box to a screen reader too. */
  list = gtk_list_box_new ();
  combo_row = adw_combo_row_new ();
  adw_combo_row_set_model (ADW_COMBO_ROW (combo_row), G_LIST_MODEL (strings));
  gtk_list_box_append (GTK_LIST_BOX (list), combo_row);
  gtk_box_append (GTK_BOX (box), list);
  evident_test_iterate ();
  list_popover = evident_test_find_widget (combo_row, GTK_TYPE_POPOVER, NULL, NULL);
  g_assert_nonnull (list_popover);
  g_assert_false (gtk_widget_get_visible (list_popover));
  g_assert_true (gtk_widget_activate_action (combo_row, "click", NULL));
  g_assert_true (evident_test_wait_until ((EvidentTestCondition) gtk_widget_get_visible, list_popover));
  gtk_popover_popdown (GTK_POPOVER (list_popover));

  /* A check button toggles. */
  check = gtk_check_button_new_with_label ("Whole checklist");
  gtk_box_append (GTK_BOX (box), check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_widget_activate_action (check, "click", NULL));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_widget_activate_action (check, "click", NULL));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  gtk_window_destroy (GTK_WINDOW (window));
  evident_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/window/no-display"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/sidebar-13-chapters", test_sidebar_13_chapters);
  ADD ("/window/show-chapter", test_show_chapter);
  ADD ("/window/score-follows-edits", test_score_follows_edits);
  ADD ("/window/undo-redo", test_undo_redo);
  ADD ("/window/undo-names-item", test_undo_names_item);
  ADD ("/window/edit-history", test_edit_history);
  ADD ("/window/edit-history-settings", test_edit_history_settings);
  ADD ("/window/error-names-file", test_error_names_file);
  ADD ("/window/open-item", test_open_item);
  ADD ("/window/score-popover-opens-items", test_score_popover_opens_items);
  ADD ("/window/title", test_title);
  ADD ("/window/narrow", test_narrow);
  ADD ("/window/opens-on-overview", test_opens_on_overview);
  ADD ("/window/heatmap-metric-remembered", test_heatmap_metric_remembered);
  ADD ("/window/show-overview", test_show_overview);
  ADD ("/window/overview-opens-chapters-and-items", test_overview_opens_chapters_and_items);
  ADD ("/window/heatmap-cell-filters-list", test_heatmap_cell_filters_list);
  ADD ("/window/menus-built-when-opened", test_menus_built_when_opened);
  ADD ("/window/sessions-page-built-when-shown", test_sessions_page_built_when_shown);
  ADD ("/window/empty-icon-when-shown", test_empty_icon_when_shown);
  ADD ("/window/sidebar-counts-overdue", test_sidebar_counts_overdue);
  g_test_add_func ("/window/no-project", test_no_project);
  g_test_add_func ("/window/menu-button-click", test_menu_button_click);
  g_test_add_func ("/window/templates-finalize", test_templates_finalize);
  g_test_add_func ("/window/sidebar-finalized", test_sidebar_finalized);

#undef ADD

  return g_test_run ();
}
