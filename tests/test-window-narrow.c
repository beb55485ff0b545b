/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The main window on a narrow screen (360 pixels, a phone or a tiled
 * window): every header bar fits, so that each of its buttons, the window's
 * own among them, is on screen, on every page: the overview, the sessions,
 * a chapter's items, an item, and an item with its PDF preview. And the
 * window, closed while folded or with its sidebar hidden, takes its panes
 * with it.
 *
 * With EVIDENT_TEST_SHOTS set to a folder, each page is saved there as
 * narrow-PAGE.png, for a person to look at. */

#include "config.h"

#include <adwaita.h>

#include "evident-evidence-store.h"
#include "evident-item.h"
#include "evident-project-closer.h"
#include "evident-sidebar.h"
#include "evident-test-utils.h"
#include "evident-window-audit.h"
#include "evident-window-private.h"

#define NARROW 360

typedef struct
{
  EvidentProject *project;
  EvidentWindow  *window;
  char           *dir;
} Fixture;

/* The sample, with a PDF as evidence of 8.2.1 */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = evident_test_create_sample_project ("window-narrow", &fixture->dir);
  evident_test_add_pdf (fixture->project, fixture->dir, "8.2.1", "Access Control Process.pdf", 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    evident_test_window_destroy (fixture->window);
  if (fixture->project != NULL)
    evident_project_close (fixture->project);
  g_clear_object (&fixture->project);
  evident_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* A window at 360 × 700, or FALSE (and the test skipped) where the
 * display does not let it shrink. */
static gboolean
open_narrow (Fixture *fixture)
{
  fixture->window = evident_test_window_new (fixture->project, NARROW, 700);
  gtk_window_unmaximize (GTK_WINDOW (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), NARROW, 700);
  gtk_widget_queue_resize (GTK_WIDGET (fixture->window));
  evident_test_pump ();
  evident_test_pump ();
  if (gtk_widget_get_width (GTK_WIDGET (fixture->window)) > NARROW)
    {
      g_test_skip ("The window manager did not let the window shrink");
      return FALSE;
    }
  return TRUE;
}

static void
settle (Fixture *fixture)
{
  AdwLeaflet *leaflet;

  evident_test_pump ();
  leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (GTK_WIDGET (evident_window_get_sidebar (fixture->window)),
                                                  ADW_TYPE_LEAFLET));
  for (guint i = 0; i < 50 && adw_leaflet_get_child_transition_running (leaflet); i++)
    evident_test_run (20);
  evident_test_pump ();
}

static gboolean
is_header_bar (GtkWidget     *widget,
               gconstpointer  unused)
{
  return ADW_IS_HEADER_BAR (widget) && gtk_widget_get_mapped (widget);
}

/* What a user can press in a header bar: buttons of every kind */
static gboolean
is_mapped_control (GtkWidget     *widget,
                   gconstpointer  unused)
{
  return gtk_widget_get_mapped (widget)
         && (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget));
}

/* Every header bar on screen is no wider than the window, and every
 * button in it lies inside the window. */
static void
assert_headers_fit (Fixture    *fixture,
                    const char *page)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  int width = gtk_widget_get_width (window);
  g_autoptr (GPtrArray) headers = evident_test_collect_widgets (window, ADW_TYPE_HEADER_BAR,
                                                                is_header_bar, NULL);
  g_autofree char *shot = g_strdup_printf ("narrow-%s", page);

  evident_test_save_shot (window, shot);
  /* A window narrower than its content grows past the screen's edge. */
  if (width > NARROW)
    g_error ("On the %s page the window needs %d pixels, more than %d", page, width, NARROW);
  g_assert_cmpuint (headers->len, >, 0);
  for (guint i = 0; i < headers->len; i++)
    {
      GtkWidget *header = g_ptr_array_index (headers, i);
      g_autoptr (GPtrArray) controls = evident_test_collect_widgets (header, GTK_TYPE_WIDGET,
                                                                     is_mapped_control, NULL);
      int minimum;

      gtk_widget_measure (header, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > width)
        g_error ("On the %s page a header bar needs %d pixels in a window of %d",
                 page, minimum, width);
      g_assert_cmpuint (controls->len, >, 0);
      for (guint c = 0; c < controls->len; c++)
        {
          GtkWidget *control = g_ptr_array_index (controls, c);
          graphene_rect_t bounds;

          g_assert_true (gtk_widget_compute_bounds (control, window, &bounds));
          if (bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > width + 0.5)
            g_error ("On the %s page a %s (“%s”) lies at %.0f–%.0f in a window of %d",
                     page, G_OBJECT_TYPE_NAME (control),
                     gtk_widget_get_tooltip_text (control) != NULL
                       ? gtk_widget_get_tooltip_text (control) : "",
                     bounds.origin.x, bounds.origin.x + bounds.size.width, width);
        }
    }
}

static void
test_headers_fit (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *window;
  g_autoptr (GError) error = NULL;

  if (!open_narrow (fixture))
    return;
  window = GTK_WIDGET (fixture->window);
  settle (fixture);
  assert_headers_fit (fixture, "overview");

  gtk_widget_activate_action (window, "win.show-sessions", NULL);
  settle (fixture);
  assert_headers_fit (fixture, "sessions");

  gtk_widget_activate_action (window, "win.go-back", NULL);
  settle (fixture);
  assert_headers_fit (fixture, "sidebar");

  gtk_widget_activate_action (window, "win.show-chapter", "s", "8.0");
  settle (fixture);
  assert_headers_fit (fixture, "chapter");

  gtk_widget_activate_action (window, "win.open-item", "s", "8.1.1");
  settle (fixture);
  assert_headers_fit (fixture, "item");

  g_assert_true (evident_window_audit_open_item (fixture->window, "8.2.1", &error));
  g_assert_no_error (error);
  settle (fixture);
  g_assert_true (evident_window_preview_folded_in (fixture->window));
  assert_headers_fit (fixture, "item-preview");

  /* In what-if mode too, where the headers are tinted */
  gtk_widget_activate_action (window, "whatif.toggle", NULL);
  settle (fixture);
  assert_headers_fit (fixture, "item-preview-whatif");
}

/* At 360 pixels the editor's header keeps the way back, the score and
 * the window's close button; the item's other commands (previous, next,
 * what-if) are in its menu, which the keyboard reaches and which says
 * what it is. */
static void
test_item_menu (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GtkMenuButton *button;
  GMenuModel *model;
  gboolean has_next = FALSE;
  gboolean has_whatif = FALSE;

  if (!open_narrow (fixture))
    return;
  g_assert_true (evident_window_audit_open_item (fixture->window, "8.2.1", &error));
  g_assert_no_error (error);
  settle (fixture);

  button = evident_window_get_item_menu_button (fixture->window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (button))
                 || gtk_widget_get_focusable (gtk_widget_get_first_child (GTK_WIDGET (button))));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  evident_test_pump ();
  model = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (model);
  for (int s = 0; s < g_menu_model_get_n_items (model); s++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (model, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          has_next |= g_strcmp0 (action, "win.next-item") == 0;
          has_whatif |= g_strcmp0 (action, "whatif.assume-current") == 0;
        }
    }
  gtk_menu_button_popdown (button);
  g_assert_true (has_next);
  g_assert_true (has_whatif);

  /* Wide, the buttons are back and the menu goes. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 700);
  gtk_widget_queue_resize (GTK_WIDGET (fixture->window));
  evident_test_pump ();
  settle (fixture);
  if (gtk_widget_get_width (GTK_WIDGET (fixture->window)) < 1200)
    return;
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (button)));
}

static gboolean
closer_done (gpointer unused)
{
  return !evident_project_closer_is_busy ();
}

/* Closes the window, and asserts that it lets go of @sidebar and of the
 * project. */
static void
assert_window_finalized (Fixture   *fixture,
                         GtkWidget *sidebar)
{
  EvidentProject *project = fixture->project;

  g_object_add_weak_pointer (G_OBJECT (sidebar), (gpointer *) &sidebar);
  g_clear_pointer (&fixture->window, evident_test_window_destroy);
  g_assert_null (sidebar);

  /* The project closes on a worker, which holds it until done. */
  g_assert_true (evident_test_wait_until (closer_done, NULL));
  fixture->project = NULL;
  evident_test_assert_finalized (project);
}

/* Closed while the sidebar is out of sight (folded at 360 pixels, folded
 * away beside an item at 1000, hidden with F9 at 1280), the window lets
 * go of the sidebar and of the project.
 *
 * At 1000 pixels the sidebar hides while it holds the keyboard focus,
 * which the window puts there as it first shows. GTK 4.8 kept a
 * reference to a widget hidden with the focus in it until the next
 * frame, and lost one when the widget hid twice before that frame, as a
 * leaflet's child does: the sidebar's pane outlived the window. */
static void
test_folded_finalized (Fixture       *fixture,
                       gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);
  GtkWidget *sidebar;

  if (width == NARROW && !open_narrow (fixture))
    return;
  if (width != NARROW)
    fixture->window = evident_test_window_new (fixture->project, width, 700);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s", "8.1.1");
  settle (fixture);
  if (evident_window_get_sidebar_visible (fixture->window))
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL);
      settle (fixture);
    }
  sidebar = GTK_WIDGET (evident_window_get_sidebar (fixture->window));
  g_assert_false (gtk_widget_get_mapped (sidebar));

  assert_window_finalized (fixture, sidebar);
}

/* On the overview at 1280 pixels, F9 hides the sidebar while one of its
 * rows has the keyboard focus: the focus goes on to a control in sight,
 * and the window, closed, lets go of the sidebar and of the project. */
static void
test_overview_f9_finalized (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *sidebar;
  GtkWidget *focus;

  fixture->window = evident_test_window_new (fixture->project, 1280, 700);
  settle (fixture);
  sidebar = GTK_WIDGET (evident_window_get_sidebar (fixture->window));
  if (!evident_window_get_sidebar_visible (fixture->window))
    {
      g_test_skip ("The window is too narrow to show the sidebar beside the overview");
      return;
    }
  g_assert_true (evident_sidebar_get_overview (EVIDENT_SIDEBAR (sidebar)));
  g_assert_true (evident_sidebar_focus_row (EVIDENT_SIDEBAR (sidebar)));
  settle (fixture);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, sidebar));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL);
  settle (fixture);
  g_assert_false (gtk_widget_get_mapped (sidebar));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_mapped (focus));

  assert_window_finalized (fixture, sidebar);
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/window-narrow/no-display"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window-narrow/headers-fit", test_headers_fit);
  ADD ("/window-narrow/item-menu", test_item_menu);
  g_test_add ("/window-narrow/folded-finalized/360", Fixture, GINT_TO_POINTER (NARROW),
              fixture_set_up, test_folded_finalized, fixture_tear_down);
  g_test_add ("/window-narrow/folded-finalized/1000", Fixture, GINT_TO_POINTER (1000),
              fixture_set_up, test_folded_finalized, fixture_tear_down);
  g_test_add ("/window-narrow/folded-finalized/1280-f9", Fixture, GINT_TO_POINTER (1280),
              fixture_set_up, test_folded_finalized, fixture_tear_down);
  ADD ("/window-narrow/overview-f9-finalized", test_overview_f9_finalized);

#undef ADD

  return g_test_run ();
}
