/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What-if mode in the window: items and chapters assumed met or not met
 * from the window's actions and menus; every score of the window (the
 * score buttons, the overview, the sidebar's progress, the heat map)
 * shows the scenario's, marked as what-if, and follows each assumption at
 * once, and the real figures come back when the mode is left; the bar says nothing is saved;
 * the project's items, score and undo history stay as they were until
 * the scenario is applied, as one edit that one undo takes back; a
 * scenario is kept, edited again, and left (asking first when assumptions
 * would be lost). Each test runs on the sample project in a window.
 *
 * With EVIDENT_TEST_SHOTS set to a folder, the tests save screenshots of
 * the window there (wide and narrow, light and dark) for a person to look
 * at; nothing is checked in them. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "evident-audit-ui.h"
#include "evident-heatmap-view.h"
#include "evident-item.h"
#include "evident-overview.h"
#include "evident-presenter-window.h"
#include "evident-project.h"
#include "evident-scenario.h"
#include "evident-score-button.h"
#include "evident-sidebar-row.h"
#include "evident-test-utils.h"
#include "evident-whatif.h"
#include "evident-whatif-bar.h"
#include "evident-window-audit.h"
#include "evident-window-private.h"

typedef struct
{
  char           *dir;
  EvidentProject *project;
  EvidentWindow  *window;
  EvidentWhatif  *whatif;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = evident_test_create_sample_project ("whatif-ui", &fixture->dir);
  fixture->window = evident_test_window_new (fixture->project, 1280, 800);
  fixture->whatif = evident_window_get_whatif (fixture->window);
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

/* Helpers */

/* Every item's status, in checklist order */
static GArray *
dup_statuses (EvidentProject *project)
{
  GListModel *items = evident_project_get_items (project);
  GArray *statuses = g_array_new (FALSE, FALSE, sizeof (EvidentStatus));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      EvidentStatus status = evident_item_get_status (item);

      g_array_append_val (statuses, status);
    }
  return statuses;
}

static void
assert_statuses_equal (GArray *a,
                       GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpmem (a->data, a->len * sizeof (EvidentStatus),
                   b->data, b->len * sizeof (EvidentStatus));
}

/* The first item of @chapter not counted in the projected view */
static EvidentItem *
find_open_item (EvidentProject *project,
                const char     *chapter)
{
  GListModel *items = evident_project_get_items (project);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (evident_item_get_chapter (item), chapter)
          && !evident_item_counts_in (item, EVIDENT_VIEW_PROJECTED))
        return item;
    }
  g_assert_not_reached ();
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr (GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr (GMenuModel) link = g_menu_link_iter_get_value (links);

          if (menu_has_action (link, action))
            return TRUE;
        }
    }
  return FALSE;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action,
                                                     parameter));
}

static void
assume_item (Fixture     *fixture,
             EvidentItem *item,
             const char  *assumption)
{
  activate (fixture, "whatif.assume-item",
            g_variant_new ("(ss)", evident_item_get_ref (item), assumption));
}

/* The sidebar's row of @chapter, on screen */
static EvidentSidebarRow *
find_chapter_row (Fixture    *fixture,
                  const char *chapter)
{
  g_autoptr (GPtrArray) rows = NULL;

  rows = evident_test_collect_widgets (GTK_WIDGET (evident_window_get_sidebar (fixture->window)),
                                       EVIDENT_TYPE_SIDEBAR_ROW, evident_test_is_mapped, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      EvidentChapter *row_chapter = evident_sidebar_row_get_chapter (rows->pdata[i]);

      if (row_chapter != NULL && g_str_equal (evident_chapter_get_number (row_chapter), chapter))
        return rows->pdata[i];
    }
  g_assert_not_reached ();
}

/* The heat map's open items, all owners and complexities */
static guint
heatmap_n_open (EvidentHeatmapView *view)
{
  const EvidentHeatmap *heatmap = evident_heatmap_view_get_heatmap (view);

  return evident_heatmap_get_cell (heatmap, EVIDENT_HEATMAP_TOTAL, EVIDENT_HEATMAP_TOTAL)->n_open;
}

/* Open items of @chapter: not counted in the projected view */
static guint
count_open (EvidentProject *project,
            const char     *chapter)
{
  GListModel *items = evident_project_get_items (project);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      n += g_str_equal (evident_item_get_chapter (item), chapter)
           && !evident_item_counts_in (item, EVIDENT_VIEW_PROJECTED);
    }
  return n;
}

/* Tests */

/* Assumptions change what the window shows, never the project: not an
 * item's status, not its score, not the undo history. */
static void
test_stored_untouched (Fixture       *fixture,
                       gconstpointer  data)
{
  EvidentScoreButton *button = evident_window_get_score_button (fixture->window);
  EvidentWhatifBar *bar = evident_window_get_whatif_bar (fixture->window);
  g_autoptr (GArray) before = dup_statuses (fixture->project);
  g_autoptr (GArray) after = NULL;
  gboolean could_undo = evident_project_get_can_undo (fixture->project);
  double real = evident_project_get_score (fixture->project)->views[EVIDENT_VIEW_PROJECTED].score;
  g_autofree char *real_text = g_strdup (evident_score_button_get_text (button));
  EvidentItem *item = find_open_item (fixture->project, "8.0");
  g_autoptr (GPtrArray) history = evident_project_get_history (fixture->project, item, NULL);
  guint n_history = history->len;
  EvidentScenario *scenario;

  g_assert_null (evident_whatif_get_scenario (fixture->whatif));
  g_assert_false (strstr (real_text, "What-if") != NULL);

  activate (fixture, "whatif.toggle", NULL);
  scenario = evident_whatif_get_scenario (fixture->whatif);
  g_assert_nonnull (scenario);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->window), "evident-whatif"));
  g_assert_nonnull (strstr (evident_whatif_bar_get_title (bar),
                            "nothing is saved until you apply it"));

  /* At once, without the main loop: the score shown follows. */
  assume_item (fixture, item, "met");
  g_assert_cmpint (evident_scenario_get_assumption (scenario, item), ==, EVIDENT_ASSUMPTION_MET);
  g_assert_cmpfloat (evident_scenario_get_difference (scenario, EVIDENT_VIEW_PROJECTED), >, 0);
  g_assert_true (g_str_has_prefix (evident_score_button_get_text (button), "What-if: "));
  g_assert_nonnull (strstr (evident_score_button_get_text (button), "(+"));
  g_assert_nonnull (strstr (evident_whatif_bar_get_scores (bar), "(+"));
  g_assert_true (evident_whatif_get_dirty (fixture->whatif));

  activate (fixture, "whatif.assume-chapter", g_variant_new ("(ss)", "2.0", "not-met"));
  g_assert_cmpuint (evident_scenario_get_n_assumptions (scenario), >, 1);
  evident_test_pump ();

  after = dup_statuses (fixture->project);
  assert_statuses_equal (before, after);
  g_assert_cmpfloat (evident_project_get_score (fixture->project)->views[EVIDENT_VIEW_PROJECTED].score,
                     ==, real);
  g_assert_cmpint (evident_project_get_can_undo (fixture->project), ==, could_undo);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = evident_project_get_history (fixture->project, item, NULL);
  g_assert_cmpuint (history->len, ==, n_history);

  /* Kept: stored as a scenario, still not as statuses */
  g_assert_true (evident_whatif_keep (fixture->whatif, "Security done", NULL));
  g_assert_false (evident_whatif_get_dirty (fixture->whatif));
  g_assert_nonnull (strstr (evident_whatif_bar_get_title (bar), "Security done"));
  g_clear_pointer (&after, g_array_unref);
  after = dup_statuses (fixture->project);
  assert_statuses_equal (before, after);

  /* Left: the real score again */
  evident_whatif_leave (fixture->whatif);
  g_assert_null (evident_whatif_get_scenario (fixture->whatif));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->window), "evident-whatif"));
  g_assert_cmpstr (evident_score_button_get_text (button), ==, real_text);
  g_clear_pointer (&after, g_array_unref);
  after = dup_statuses (fixture->project);
  assert_statuses_equal (before, after);
}

/* The sidebar's progress and the heat map follow the scenario, marked as
 * what-if, and show the real figures again once the mode is left. */
static void
test_sidebar_heatmap (Fixture       *fixture,
                      gconstpointer  data)
{
  EvidentSidebarRow *row = find_chapter_row (fixture, "8.0");
  EvidentHeatmapView *view = evident_overview_get_heatmap_view (fixture->window->overview);
  g_autofree char *real_caption = g_strdup (evident_sidebar_row_get_caption (row));
  double real_fraction = evident_sidebar_row_get_fraction (row);
  guint real_open = heatmap_n_open (view);
  guint chapter_open = count_open (fixture->project, "8.0");
  EvidentChapter *chapter = evident_test_find_chapter (fixture->project, "8.0");
  g_autofree char *all_met = NULL;

  g_assert_cmpuint (chapter_open, >, 0);
  g_assert_true (g_str_has_prefix (real_caption, "Projected "));
  g_assert_cmpfloat (real_fraction, <, 1.0);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "evident-whatif"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (view), "evident-whatif"));

  /* The whole chapter assumed met: at once, without the main loop */
  activate (fixture, "whatif.assume-chapter", g_variant_new ("(ss)", "8.0", "met"));
  all_met = g_strdup_printf ("What-If %u/%u items", evident_chapter_get_n_items (chapter),
                             evident_chapter_get_n_items (chapter));
  g_assert_true (g_str_has_prefix (evident_sidebar_row_get_caption (row), all_met));
  g_assert_cmpfloat (evident_sidebar_row_get_fraction (row), ==, 1.0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "evident-whatif"));
  g_assert_cmpuint (heatmap_n_open (view), ==, real_open - chapter_open);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (view), "evident-whatif"));

  /* One item assumed not met again: both follow */
  assume_item (fixture, find_open_item (fixture->project, "8.0"), "not-met");
  g_assert_cmpfloat (evident_sidebar_row_get_fraction (row), <, 1.0);
  g_assert_cmpuint (heatmap_n_open (view), ==, real_open - chapter_open + 1);

  /* The real figures, untouched by the scenario */
  g_assert_cmpuint (count_open (fixture->project, "8.0"), ==, chapter_open);
  evident_whatif_leave (fixture->whatif);
  evident_test_pump ();
  g_assert_cmpstr (evident_sidebar_row_get_caption (row), ==, real_caption);
  g_assert_cmpfloat (evident_sidebar_row_get_fraction (row), ==, real_fraction);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "evident-whatif"));
  g_assert_cmpuint (heatmap_n_open (view), ==, real_open);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (view), "evident-whatif"));
}

/* A kept scenario opened again, then applied: one edit, one undo. */
static void
test_edit_apply (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GArray) before = dup_statuses (fixture->project);
  g_autoptr (GArray) after = NULL;
  EvidentItem *item = find_open_item (fixture->project, "8.0");
  EvidentScenario *scenario;

  assume_item (fixture, item, "met");
  g_assert_nonnull (evident_whatif_get_scenario (fixture->whatif));
  g_assert_true (evident_whatif_keep (fixture->whatif, "One more", NULL));
  evident_whatif_leave (fixture->whatif);

  activate (fixture, "whatif.edit", g_variant_new_string ("One more"));
  scenario = evident_whatif_get_scenario (fixture->whatif);
  g_assert_nonnull (scenario);
  g_assert_cmpstr (evident_whatif_get_name (fixture->whatif), ==, "One more");
  g_assert_cmpint (evident_scenario_get_assumption (scenario, item), ==, EVIDENT_ASSUMPTION_MET);
  g_assert_false (evident_whatif_get_dirty (fixture->whatif));

  g_assert_true (evident_whatif_apply (fixture->whatif, NULL));
  g_assert_null (evident_whatif_get_scenario (fixture->whatif));
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_MET);

  g_assert_true (evident_project_undo (fixture->project, NULL));
  after = dup_statuses (fixture->project);
  assert_statuses_equal (before, after);
}

/* Leaving with assumptions not kept asks; the answer decides. */
static void
test_leave_asks (Fixture       *fixture,
                 gconstpointer  data)
{
  EvidentItem *item = find_open_item (fixture->project, "8.0");
  AdwMessageDialog *dialog;

  /* Nothing assumed: no question */
  activate (fixture, "whatif.toggle", NULL);
  activate (fixture, "whatif.leave", NULL);
  g_assert_null (evident_whatif_get_scenario (fixture->whatif));

  assume_item (fixture, item, "not-met");
  activate (fixture, "whatif.leave", NULL);
  g_assert_true (evident_test_wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "cancel");
  evident_test_pump ();
  g_assert_nonnull (evident_whatif_get_scenario (fixture->whatif));

  activate (fixture, "whatif.toggle", NULL);
  g_assert_true (evident_test_wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "discard");
  evident_test_pump ();
  g_assert_null (evident_whatif_get_scenario (fixture->whatif));
}

/* Leave, from the bar's button: the focus goes on to a control in sight,
 * not nowhere. */
static void
test_leave_keeps_focus (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *leave;
  GtkWidget *focus;

  activate (fixture, "whatif.toggle", NULL);
  evident_test_pump ();
  leave = evident_test_find_widget (GTK_WIDGET (evident_window_get_whatif_bar (fixture->window)),
                                    GTK_TYPE_BUTTON, evident_test_has_label, "_Leave");
  g_assert_nonnull (leave);
  g_assert_true (gtk_widget_grab_focus (leave));

  g_signal_emit_by_name (leave, "clicked");
  evident_test_pump ();
  g_assert_null (evident_whatif_get_scenario (fixture->whatif));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_false (gtk_widget_is_ancestor (focus,
                                          GTK_WIDGET (evident_window_get_whatif_bar (fixture->window))));
}

/* The item's menu, the chapter's menu and the editor's current item. */
static void
test_menus (Fixture       *fixture,
            gconstpointer  data)
{
  EvidentItem *item = find_open_item (fixture->project, "8.0");
  g_autoptr (GMenuModel) item_menu = evident_window_audit_create_item_menu (fixture->window,
                                                                            item);
  g_autoptr (GPtrArray) rows = NULL;
  EvidentSidebarRow *chapter_row = NULL;
  GVariant *state;

  g_assert_true (menu_has_action (item_menu, "whatif.assume-item"));

  rows = evident_test_collect_widgets (GTK_WIDGET (evident_window_get_sidebar (fixture->window)),
                                       EVIDENT_TYPE_SIDEBAR_ROW, evident_test_is_mapped, NULL);
  for (guint i = 0; i < rows->len && chapter_row == NULL; i++)
    if (evident_sidebar_row_popup_menu (rows->pdata[i], -1, -1))
      chapter_row = rows->pdata[i];
  g_assert_nonnull (chapter_row);
  g_assert_true (menu_has_action (evident_sidebar_row_get_menu_model (chapter_row),
                                  "whatif.assume-chapter"));

  evident_whatif_set_current_item (fixture->whatif, item);
  activate (fixture, "whatif.assume-current", g_variant_new_string ("met"));
  g_assert_cmpint (evident_scenario_get_assumption (evident_whatif_get_scenario (fixture->whatif),
                                                    item),
                   ==, EVIDENT_ASSUMPTION_MET);
  state = g_action_group_get_action_state (evident_whatif_get_action_group (fixture->whatif),
                                           "assume-current");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "met");
  g_variant_unref (state);
  evident_whatif_leave (fixture->whatif);
}

/* Screenshots for a person, when asked for */
static void
test_shots (Fixture       *fixture,
            gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_autoptr (GtkCssProvider) css = NULL;

  /* The application loads its style sheet; the tests have none. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/evidentapp/Evident/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  assume_item (fixture, find_open_item (fixture->project, "8.0"), "met");
  activate (fixture, "whatif.assume-chapter", g_variant_new ("(ss)", "6.0", "met"));
  evident_test_save_shot (GTK_WIDGET (fixture->window), "whatif-wide-light");
  /* The heat map, further down the overview */
  evident_heatmap_view_set_cursor (evident_overview_get_heatmap_view (fixture->window->overview),
                                   0, 0, TRUE);
  evident_test_save_shot (GTK_WIDGET (fixture->window), "whatif-wide-light-heatmap");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  evident_test_save_shot (GTK_WIDGET (fixture->window), "whatif-wide-dark-heatmap");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  evident_sidebar_set_overview (evident_window_get_sidebar (fixture->window), FALSE);
  evident_item_list_set_selected_item (evident_window_get_item_list (fixture->window),
                                       find_open_item (fixture->project, "8.0"));
  evident_test_save_shot (GTK_WIDGET (fixture->window), "whatif-wide-light-item");
  evident_sidebar_set_overview (evident_window_get_sidebar (fixture->window), TRUE);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  evident_test_save_shot (GTK_WIDGET (fixture->window), "whatif-wide-dark");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  evident_test_save_shot (GTK_WIDGET (fixture->window), "whatif-narrow-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  evident_test_save_shot (GTK_WIDGET (fixture->window), "whatif-narrow-light");
  evident_whatif_leave (fixture->whatif);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
}

/* A label of the window that reads @text (a toast's title, say) */
static gboolean
label_reads (GtkWidget     *widget,
             gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

#define PRESENTER_NOTE "Presenter mode shows the real score: what-if stays in this window"

/* Presenter mode is what the auditor sees: it shows the real score while
 * the window is in what-if mode, before and after assumptions, and the
 * window says so. */
static void
test_presenter_real_score (Fixture       *fixture,
                           gconstpointer  data)
{
  EvidentItem *item = evident_project_lookup_item (fixture->project, "8.3.2");
  EvidentPresenterWindow *presenter;
  EvidentSession *session;
  g_autofree char *real_text = NULL;

  g_assert_false (evident_item_counts_in (item, EVIDENT_VIEW_PROJECTED));
  activate (fixture, "whatif.toggle", NULL);
  assume_item (fixture, item, "met");
  g_assert_cmpfloat (evident_scenario_get_difference (evident_whatif_get_scenario (fixture->whatif),
                                                      EVIDENT_VIEW_PROJECTED), >, 0);

  presenter = evident_window_audit_present (fixture->window, NULL, item);
  g_assert_nonnull (presenter);
  evident_test_pump ();
  session = evident_presenter_window_get_session (presenter);
  real_text = session != NULL ? evident_session_dup_score_text (session)
                              : evident_audit_dup_score_text (evident_project_get_score (fixture->project));
  g_assert_cmpstr (evident_presenter_window_get_text (presenter, "score"), ==, real_text);
  g_assert_null (strstr (evident_presenter_window_get_text (presenter, "score"), "What-if"));
  g_assert_nonnull (evident_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL,
                                              label_reads, PRESENTER_NOTE));

  /* More assumptions with the presenter up change nothing there. */
  activate (fixture, "whatif.assume-chapter", g_variant_new ("(ss)", "2.0", "not-met"));
  evident_test_pump ();
  g_assert_cmpstr (evident_presenter_window_get_text (presenter, "score"), ==, real_text);

  gtk_window_destroy (GTK_WINDOW (presenter));
  evident_test_pump ();
  evident_whatif_leave (fixture->whatif);
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/whatif-ui/no-display"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/whatif-ui/stored-untouched", test_stored_untouched);
  ADD ("/whatif-ui/sidebar-heatmap", test_sidebar_heatmap);
  ADD ("/whatif-ui/edit-apply", test_edit_apply);
  ADD ("/whatif-ui/leave-asks", test_leave_asks);
  ADD ("/whatif-ui/leave-keeps-focus", test_leave_keeps_focus);
  ADD ("/whatif-ui/menus", test_menus);
  /* Not a test: screenshots for a person to look at, with
   * EVIDENT_TEST_SHOTS set to a folder for them. */
  if (g_getenv ("EVIDENT_TEST_SHOTS") != NULL)
    ADD ("/whatif-ui/shots", test_shots);
  ADD ("/whatif-ui/presenter-real-score", test_presenter_real_score);

#undef ADD

  return g_test_run ();
}
