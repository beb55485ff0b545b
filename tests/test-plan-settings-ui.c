/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The plan settings in the window: the main menu's "Plan Settings…" (and
 * the plan panel's button, win.plan-settings) opens a dialog that sets the
 * efforts per complexity and the audit date. Each change is one edit of
 * the project that the plan follows; Ctrl+Z, in the dialog as in the
 * window, undoes it step by step and says so, and the dialog shows the
 * settings undone. Each test runs on the sample project in a window.
 *
 * With EVIDENT_TEST_SHOTS set to a folder, the tests save screenshots of
 * the dialog there (light and dark, wide and narrow) for a person to look
 * at; nothing is checked in them. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "evident-overview.h"
#include "evident-plan.h"
#include "evident-plan-panel.h"
#include "evident-plan-settings.h"
#include "evident-plan-settings-dialog.h"
#include "evident-project.h"
#include "evident-test-utils.h"
#include "evident-window-private.h"

typedef struct
{
  char                      *dir;
  EvidentProject            *project;
  EvidentWindow             *window;
  EvidentPlanPanel          *panel;
  EvidentPlanSettingsDialog *dialog;
} Fixture;

static gboolean
plan_ready (gpointer data)
{
  EvidentPlanPanel *panel = data;

  return !evident_plan_panel_get_computing (panel) && evident_plan_panel_get_plan (panel) != NULL;
}

static EvidentPlanSettingsDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (EVIDENT_IS_PLAN_SETTINGS_DIALOG (window)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return EVIDENT_PLAN_SETTINGS_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = evident_test_create_sample_project ("plan-settings-ui", &fixture->dir);
  fixture->window = evident_test_window_new (fixture->project, 1280, 800);
  fixture->panel = evident_overview_get_plan_panel (fixture->window->overview);
  g_assert_true (evident_test_wait_until (plan_ready, fixture->panel));

  /* The main menu's entry */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.plan-settings",
                                             NULL));
  g_assert_true (evident_test_wait_until (has_dialog, NULL));
  fixture->dialog = find_dialog ();
  g_assert_true (evident_plan_settings_dialog_get_project (fixture->dialog) == fixture->project);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_true (evident_test_wait_until (plan_ready, fixture->panel));
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  evident_test_window_destroy (fixture->window);
  g_clear_object (&fixture->project);
  evident_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Helpers */

static double
effort (Fixture           *fixture,
        EvidentComplexity  complexity)
{
  return evident_project_get_plan_settings (fixture->project)->effort[complexity];
}

static GtkSpinButton *
spin (Fixture           *fixture,
      EvidentComplexity  complexity)
{
  return evident_plan_settings_dialog_get_effort_button (fixture->dialog, complexity);
}

static char *
dup_audit_date (Fixture *fixture)
{
  return evident_plan_settings_dup_audit_date (evident_project_get_plan_settings (fixture->project));
}

/* The plan's total effort, once worked out again after a change */
static double
replanned_effort (Fixture *fixture)
{
  evident_test_run (50);
  g_assert_true (evident_test_wait_until (plan_ready, fixture->panel));
  return evident_plan_panel_get_plan (fixture->panel)->total_effort;
}

static const char *
undo_toast_title (Fixture *fixture)
{
  AdwToast *toast = evident_window_get_undo_toast (fixture->window);

  return toast != NULL ? adw_toast_get_title (toast) : NULL;
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* Tests */

/* The dialog shows the project's settings: the defaults on a new project. */
static void
test_shows_settings (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *low_row;

  g_assert_cmpfloat (gtk_spin_button_get_value (spin (fixture, EVIDENT_COMPLEXITY_LOW)), ==, 1);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (fixture, EVIDENT_COMPLEXITY_MEDIUM)), ==, 3);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (fixture, EVIDENT_COMPLEXITY_HIGH)), ==, 8);
  /* Days as people write them */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin (fixture, EVIDENT_COMPLEXITY_HIGH))),
                   ==, "8");
  g_assert_cmpstr (gtk_menu_button_get_label (
                       evident_plan_settings_dialog_get_date_button (fixture->dialog)),
                   ==, "No audit date");
  /* A screen reader hears each field's name once, not its row's title
   * after it. */
  for (guint c = EVIDENT_COMPLEXITY_LOW; c < EVIDENT_N_COMPLEXITIES; c++)
    g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (spin (fixture, c)),
                                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  /* One Tab stop per field, on its control: no row before it. */
  evident_test_iterate ();
  g_assert_null (evident_test_find_row_tab_stop (GTK_WIDGET (fixture->dialog), 100));
  /* The row's mnemonic still goes to its field. */
  low_row = gtk_widget_get_ancestor (GTK_WIDGET (spin (fixture, EVIDENT_COMPLEXITY_LOW)),
                                     ADW_TYPE_ACTION_ROW);
  g_assert_true (gtk_widget_mnemonic_activate (low_row, FALSE));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->dialog)),
                                         GTK_WIDGET (spin (fixture, EVIDENT_COMPLEXITY_LOW))));
}

/* An effort changed in the dialog is saved as one edit; the plan follows;
 * Ctrl+Z in the dialog undoes it, says so, and the dialog follows. */
static void
test_effort_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  double before = replanned_effort (fixture);
  double after;

  gtk_spin_button_set_value (spin (fixture, EVIDENT_COMPLEXITY_MEDIUM), 6);
  g_assert_cmpfloat (effort (fixture, EVIDENT_COMPLEXITY_MEDIUM), ==, 6);
  g_assert_true (evident_project_get_can_undo (fixture->project));
  after = replanned_effort (fixture);
  g_assert_cmpfloat (after, >, before);

  gtk_spin_button_set_value (spin (fixture, EVIDENT_COMPLEXITY_LOW), 2.5);
  g_assert_cmpfloat (effort (fixture, EVIDENT_COMPLEXITY_LOW), ==, 2.5);

  /* Ctrl+Z in the dialog: the window's undo, one step at a time */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "settings.undo", NULL));
  g_assert_cmpfloat (effort (fixture, EVIDENT_COMPLEXITY_LOW), ==, 1);
  g_assert_cmpfloat (effort (fixture, EVIDENT_COMPLEXITY_MEDIUM), ==, 6);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (fixture, EVIDENT_COMPLEXITY_LOW)), ==, 1);
  g_assert_cmpstr (undo_toast_title (fixture), ==, "Undone: plan settings");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpfloat (effort (fixture, EVIDENT_COMPLEXITY_MEDIUM), ==, 3);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (fixture, EVIDENT_COMPLEXITY_MEDIUM)), ==, 3);
  g_assert_cmpfloat (replanned_effort (fixture), ==, before);

  /* And redone */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "settings.redo", NULL));
  g_assert_cmpfloat (effort (fixture, EVIDENT_COMPLEXITY_MEDIUM), ==, 6);
  g_assert_cmpstr (undo_toast_title (fixture), ==, "Redone: plan settings");
  g_assert_cmpfloat (replanned_effort (fixture), ==, after);
}

/* The audit date from the calendar, cleared, and both undone. */
static void
test_audit_date (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkMenuButton *button = evident_plan_settings_dialog_get_date_button (fixture->dialog);
  g_autoptr (GDateTime) day = g_date_time_new_local (2026, 5, 14, 0, 0, 0);
  g_autofree char *date = NULL;
  g_autofree char *accessible = NULL;

  gtk_menu_button_popup (button);
  evident_test_pump ();
  gtk_calendar_select_day (evident_plan_settings_dialog_get_calendar (fixture->dialog), day);
  date = dup_audit_date (fixture);
  g_assert_cmpstr (date, ==, "2026-05-14");
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "14 May 2026");

  g_signal_emit_by_name (evident_test_find_widget (GTK_WIDGET (fixture->dialog), GTK_TYPE_BUTTON,
                                                   has_tooltip, "Clear Audit Date"),
                         "clicked");
  g_clear_pointer (&date, g_free);
  date = dup_audit_date (fixture);
  g_assert_null (date);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "No audit date");

  g_assert_true (evident_project_undo (fixture->project, NULL));
  date = dup_audit_date (fixture);
  g_assert_cmpstr (date, ==, "2026-05-14");
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "14 May 2026");
  g_assert_true (evident_project_undo (fixture->project, NULL));
  g_clear_pointer (&date, g_free);
  date = dup_audit_date (fixture);
  g_assert_null (date);
}

/* Screenshots for a person, when asked for */
static void
test_shots (Fixture       *fixture,
            gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr (GDateTime) day = g_date_time_new_local (2026, 5, 14, 0, 0, 0);
  g_autoptr (GtkCssProvider) css = NULL;

  /* The application loads its style sheet; the tests have none. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/evidentapp/Evident/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  gtk_menu_button_popup (evident_plan_settings_dialog_get_date_button (fixture->dialog));
  gtk_calendar_select_day (evident_plan_settings_dialog_get_calendar (fixture->dialog), day);
  gtk_spin_button_set_value (spin (fixture, EVIDENT_COMPLEXITY_HIGH), 10.5);
  evident_test_save_shot (GTK_WIDGET (fixture->dialog), "plan-settings-light");
  evident_test_save_shot (GTK_WIDGET (fixture->window), "plan-settings-window-light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  evident_test_save_shot (GTK_WIDGET (fixture->dialog), "plan-settings-dark");
  gtk_window_set_default_size (GTK_WINDOW (fixture->dialog), 360, 700);
  evident_test_save_shot (GTK_WIDGET (fixture->dialog), "plan-settings-narrow-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  evident_test_save_shot (GTK_WIDGET (fixture->dialog), "plan-settings-narrow-light");
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/plan-settings-ui/no-display"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/plan-settings-ui/shows-settings", test_shows_settings);
  ADD ("/plan-settings-ui/effort-undo", test_effort_undo);
  ADD ("/plan-settings-ui/audit-date", test_audit_date);
  /* Not a test: screenshots for a person to look at, with
   * EVIDENT_TEST_SHOTS set to a folder for them. */
  if (g_getenv ("EVIDENT_TEST_SHOTS") != NULL)
    ADD ("/plan-settings-ui/shots", test_shots);

#undef ADD

  return g_test_run ();
}
