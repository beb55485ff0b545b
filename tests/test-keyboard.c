/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The main window with the keyboard only, on the sample project: Tab
 * moves through every control of the open item, its status included, and
 * on out of the editor, round the window and back, with the sidebar and
 * the item list one stop each; Shift+Tab goes the same way back. F6
 * cycles the panes (sidebar, list, item, preview). Enter on a sidebar row
 * opens it. The keyboard's ways to the open item set its status, open the
 * list of statuses, go to the notes and to the next item not met or
 * mandatory item not met; the shortcuts window lists them all, in header
 * capitalization.
 *
 * Tab is pressed as GTK delivers it: to the key controllers that listen
 * in the capture phase on the way to the focus (the lists' own), then to
 * the window's focus chain ("move-focus"). */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "evident-entry-row.h"
#include "evident-evidence-store.h"
#include "evident-item.h"
#include "evident-item-row.h"
#include "evident-preview-private.h"
#include "evident-test-utils.h"
#include "evident-window-private.h"

#define MAX_PRESSES 80

typedef struct
{
  char           *dir;
  EvidentProject *project;
  EvidentWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = evident_test_create_sample_project ("keyboard", &fixture->dir);
  evident_test_add_pdf (fixture->project, fixture->dir, "8.2.1", "policy.pdf", 1);
  fixture->window = evident_test_window_new (fixture->project, 1366, 768);
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

static GtkWidget *
get_focus (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static gboolean
is_inside (GtkWidget *widget,
           gpointer   ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

/* Tab (or Shift+Tab), as GTK delivers it. */
static void
press_tab (Fixture  *fixture,
           gboolean  backward)
{
  g_autoptr (GPtrArray) path = g_ptr_array_new ();
  GtkWidget *focus = get_focus (fixture);

  /* Other tests' windows on the same display may have the keyboard: an
   * inactive window forgets the path to its focus, and Tab would start at
   * its first control. Set the focus again, as coming back would. */
  if (!gtk_window_is_active (GTK_WINDOW (fixture->window)) && focus != NULL)
    {
      gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
      gtk_window_set_focus (GTK_WINDOW (fixture->window), focus);
    }

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (path, 0, widget);

  for (guint i = 0; i < path->len; i++)
    {
      g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (path->pdata[i]);

      for (guint j = 0; j < g_list_model_get_n_items (controllers); j++)
        {
          g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, j);
          gboolean handled = FALSE;

          if (!GTK_IS_EVENT_CONTROLLER_KEY (controller)
              || gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
            continue;
          g_signal_emit_by_name (controller, "key-pressed",
                                 backward ? GDK_KEY_ISO_Left_Tab : GDK_KEY_Tab, 0,
                                 backward ? GDK_SHIFT_MASK : 0, &handled);
          if (handled)
            goto done;
        }
    }
  g_signal_emit_by_name (fixture->window, "move-focus",
                         backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);

done:
  evident_test_iterate ();
}

/* The widgets Tab stops on, from the focus round to it again. */
static GPtrArray *
walk_tab (Fixture  *fixture,
          gboolean  backward)
{
  GPtrArray *stops = g_ptr_array_new ();
  GtkWidget *start = get_focus (fixture);

  g_assert_nonnull (start);
  for (int i = 0; i < MAX_PRESSES; i++)
    {
      GtkWidget *focus;

      press_tab (fixture, backward);
      focus = get_focus (fixture);
      g_assert_nonnull (focus);
      /* A trap: Tab that moves nothing. */
      g_assert_true (stops->len == 0 || focus != g_ptr_array_index (stops, stops->len - 1));
      g_test_message ("stop %d: %s %s", i, G_OBJECT_TYPE_NAME (focus),
                      gtk_widget_get_tooltip_text (focus) ? gtk_widget_get_tooltip_text (focus) : "");
      if (focus == start)
        return stops;
      g_ptr_array_add (stops, focus);
    }
  g_test_message ("Tab did not come round in %d presses", MAX_PRESSES);
  g_assert_not_reached ();
  return NULL;
}

static guint
count_inside (GPtrArray *stops,
              GtkWidget *ancestor)
{
  guint n = 0;

  for (guint i = 0; i < stops->len; i++)
    n += is_inside (stops->pdata[i], ancestor);
  return n;
}

static gboolean
visits (GPtrArray *stops,
        GType      type,
        GtkWidget *inside)
{
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *widget = stops->pdata[i];

      for (; widget != NULL && widget != inside; widget = gtk_widget_get_parent (widget))
        if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && is_inside (widget, inside))
          return TRUE;
    }
  return FALSE;
}

/* The list view of the sidebar, or of the item list (not the one in its
 * filter's drop-down). */
static GtkWidget *
find_list_view (GtkWidget *root)
{
  GtkWidget *found = evident_test_find_widget (root, GTK_TYPE_LIST_VIEW,
                                               evident_test_has_css_class, "navigation-sidebar");

  g_assert_nonnull (found);
  return found;
}

/* The focus is on a row of @list, not on the list as a whole. */
static gboolean
on_row_of (GtkWidget *focus,
           GtkWidget *list)
{
  return focus != list && is_inside (focus, list);
}

static gboolean
focus_on_item_row (gpointer data)
{
  Fixture *fixture = data;

  return on_row_of (get_focus (fixture),
                    find_list_view (GTK_WIDGET (evident_window_get_item_list (fixture->window))));
}

static void
open_item (Fixture    *fixture,
           const char *ref)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s", ref);
  evident_test_pump ();
  g_assert_cmpstr (evident_item_get_ref (evident_item_editor_get_item (
                     evident_window_get_item_editor (fixture->window))), ==, ref);
}

/* Alt+N as soon as an item opens, before its editor has drawn a frame
 * (the parts below the fold come with the second): the notes take the
 * focus all the same. */
static void
test_notes_at_once (Fixture       *fixture,
                    gconstpointer  data)
{
  EvidentItemEditor *editor = evident_window_get_item_editor (fixture->window);
  GtkWidget *focus;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s", "8.1.3");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.focus-notes", NULL);
  focus = get_focus (fixture);
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  g_assert_true (is_inside (focus, editor));
  g_assert_true (gtk_widget_get_mapped (focus));

  /* And the parts stay in sight. */
  evident_test_pump ();
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_true (get_focus (fixture) == focus);
}

static gboolean
preview_has_document (gpointer data)
{
  return g_strcmp0 (evident_preview_get_state (data), "document") == 0;
}

static EvidentPane
focus_pane (Fixture *fixture)
{
  return evident_pane_layout_get_focus_pane (evident_window_get_pane_layout (fixture->window));
}

/* Tests */

/* Tab from the status round the window and back: no trap, every control
 * of the item, the sidebar and the list one stop each, Shift+Tab the same
 * way back, and a few dozen stops in all, not hundreds. */
static void
test_tab_round_the_window (Fixture       *fixture,
                           gconstpointer  data)
{
  EvidentItemEditor *editor = evident_window_get_item_editor (fixture->window);
  GtkWidget *sidebar_list = find_list_view (GTK_WIDGET (evident_window_get_sidebar (fixture->window)));
  GtkWidget *item_list = find_list_view (GTK_WIDGET (evident_window_get_item_list (fixture->window)));
  GtkWidget *preview = GTK_WIDGET (evident_window_get_preview (fixture->window));
  g_autoptr (GPtrArray) forward = NULL;
  g_autoptr (GPtrArray) backward = NULL;
  GtkWidget *start;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-chapter", "s", "8.0");
  evident_test_pump ();
  open_item (fixture, "8.2.1");
  g_assert_true (gtk_widget_get_mapped (preview));
  g_assert_true (evident_test_wait_until (preview_has_document, preview));

  /* Opening the item took the keyboard to its status. Tab follows the
   * layout: let it settle first. */
  evident_test_run (200);
  start = get_focus (fixture);
  g_test_message ("window %d×%d, editor mapped %d, height %d, mode %d, folded %d/%d",
                  gtk_widget_get_width (GTK_WIDGET (fixture->window)),
                  gtk_widget_get_height (GTK_WIDGET (fixture->window)),
                  gtk_widget_get_mapped (GTK_WIDGET (editor)),
                  gtk_widget_get_height (GTK_WIDGET (editor)),
                  evident_pane_layout_get_mode (evident_window_get_pane_layout (fixture->window)),
                  adw_leaflet_get_folded (ADW_LEAFLET (gtk_widget_get_ancestor (GTK_WIDGET (sidebar_list), ADW_TYPE_LEAFLET))),
                  adw_leaflet_get_folded (ADW_LEAFLET (gtk_widget_get_ancestor (GTK_WIDGET (editor), ADW_TYPE_LEAFLET))));
  g_assert_nonnull (gtk_widget_get_ancestor (start, ADW_TYPE_COMBO_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     gtk_widget_get_ancestor (start, ADW_TYPE_COMBO_ROW))), ==, "Status");

  forward = walk_tab (fixture, FALSE);
  g_test_message ("%u Tab stops round the window", forward->len + 1);
  g_assert_cmpuint (forward->len, <, 45);

  /* Every control of the item. */
  g_assert_true (visits (forward, EVIDENT_TYPE_ENTRY_ROW, GTK_WIDGET (editor)));
  g_assert_true (visits (forward, ADW_TYPE_COMBO_ROW, GTK_WIDGET (editor)));
  g_assert_true (visits (forward, GTK_TYPE_MENU_BUTTON, GTK_WIDGET (editor)));
  g_assert_true (visits (forward, GTK_TYPE_TEXT_VIEW, GTK_WIDGET (editor)));
  /* On out: the preview, the sidebar and the list, one stop each. */
  g_assert_cmpuint (count_inside (forward, preview), >, 0);
  g_assert_cmpuint (count_inside (forward, sidebar_list), ==, 1);
  g_assert_cmpuint (count_inside (forward, item_list), ==, 1);
  /* On a row: the selected one. */
  for (guint i = 0; i < forward->len; i++)
    if (is_inside (forward->pdata[i], sidebar_list))
      g_assert_true (on_row_of (forward->pdata[i], sidebar_list));
    else if (is_inside (forward->pdata[i], item_list))
      g_assert_true (on_row_of (forward->pdata[i], item_list));

  /* Shift+Tab: the same stops, the other way round. */
  backward = walk_tab (fixture, TRUE);
  g_assert_cmpuint (backward->len, ==, forward->len);
  for (guint i = 0; i < forward->len; i++)
    g_assert_true (forward->pdata[i] == backward->pdata[backward->len - 1 - i]);
}

/* F6 and Shift+F6: sidebar, list, item, preview, and round. */
static void
test_f6_cycles_panes (Fixture       *fixture,
                      gconstpointer  data)
{
  static const EvidentPane order[] = {
    EVIDENT_PANE_CONTENT, EVIDENT_PANE_EDITOR, EVIDENT_PANE_PREVIEW, EVIDENT_PANE_SIDEBAR,
  };
  EvidentPaneLayout *layout = evident_window_get_pane_layout (fixture->window);
  GtkWidget *sidebar_list = find_list_view (GTK_WIDGET (evident_window_get_sidebar (fixture->window)));

  open_item (fixture, "8.2.1");
  g_assert_true (evident_test_wait_until (preview_has_document,
                                          evident_window_get_preview (fixture->window)));
  g_assert_true (evident_pane_layout_focus_pane (layout, EVIDENT_PANE_SIDEBAR));
  g_assert_cmpint (focus_pane (fixture), ==, EVIDENT_PANE_SIDEBAR);
  /* On the selected row. */
  g_assert_true (on_row_of (get_focus (fixture), sidebar_list));

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-pane", NULL);
      evident_test_iterate ();
      g_assert_cmpint (focus_pane (fixture), ==, order[i]);
    }
  for (int i = G_N_ELEMENTS (order) - 2; i >= 0; i--)
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.previous-pane", NULL);
      evident_test_iterate ();
      g_assert_cmpint (focus_pane (fixture), ==, order[i]);
    }
  /* The list takes the focus on its selected row, once the row is made
   * (the rows come a few frames after the list is first shown). */
  g_assert_cmpint (focus_pane (fixture), ==, EVIDENT_PANE_CONTENT);
  g_assert_true (evident_test_wait_until (focus_on_item_row, fixture));
  g_assert_true (evident_item_row_get_item (EVIDENT_ITEM_ROW (
                   evident_test_find_widget (get_focus (fixture),
                                             EVIDENT_TYPE_ITEM_ROW, NULL, NULL)))
                 == evident_item_list_get_selected_item (evident_window_get_item_list (fixture->window)));

  /* An item without evidence has no preview to go to. */
  open_item (fixture, "8.1.1");
  evident_pane_layout_focus_pane (layout, EVIDENT_PANE_EDITOR);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-pane", NULL);
  g_assert_cmpint (focus_pane (fixture), ==, EVIDENT_PANE_SIDEBAR);
}

/* Enter on a sidebar row the focus reached without selecting it opens
 * that row, and takes the keyboard on to the list. */
static void
test_sidebar_enter (Fixture       *fixture,
                    gconstpointer  data)
{
  EvidentSidebar *sidebar = evident_window_get_sidebar (fixture->window);
  GtkWidget *sidebar_list = find_list_view (GTK_WIDGET (sidebar));
  GListModel *rows = evident_sidebar_get_model (sidebar);
  guint position = GTK_INVALID_LIST_POSITION;

  g_assert_true (evident_sidebar_get_overview (sidebar));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (GObject) row = g_list_model_get_item (rows, i);

      if (EVIDENT_IS_CHAPTER (row) && g_str_equal (evident_chapter_get_number (EVIDENT_CHAPTER (row)), "8.0"))
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  gtk_widget_grab_focus (sidebar_list);
  /* What Enter on that row does. */
  g_signal_emit_by_name (sidebar_list, "activate", position);
  evident_test_pump ();

  g_assert_false (evident_sidebar_get_overview (sidebar));
  g_assert_cmpstr (evident_chapter_get_number (evident_sidebar_get_chapter (sidebar)), ==, "8.0");
  g_assert_cmpint (focus_pane (fixture), ==, EVIDENT_PANE_CONTENT);
}

/* Whether @data, a widget in a scrolled page, shows whole in the page's
 * viewport as last laid out. */
static gboolean
shows_in_viewport (gpointer data)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (data, GTK_TYPE_VIEWPORT);
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (data, viewport, &bounds)
         && bounds.origin.y >= 0
         && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport);
}

static gboolean
hidden_in_viewport (gpointer data)
{
  return !shows_in_viewport (data);
}

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* Alt+1…6, Alt+S, Alt+N on the open item. */
static void
test_status_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  EvidentItemEditor *editor = evident_window_get_item_editor (fixture->window);
  EvidentItem *item = evident_project_lookup_item (fixture->project, "8.1.3");
  GtkWidget *focus, *status_row, *status_list;
  GtkAdjustment *vadjustment;

  /* Nothing open: nothing changes. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "met");
  g_assert_cmpint (evident_item_get_status (item), !=, EVIDENT_STATUS_MET);

  open_item (fixture, "8.1.3");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "met");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_MET);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "in-progress");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_IN_PROGRESS);

  /* Not applicable asks for the reason, with the focus on it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "not-applicable");
  evident_test_pump ();
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_IN_PROGRESS);
  focus = get_focus (fixture);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, EVIDENT_TYPE_ENTRY_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     gtk_widget_get_ancestor (focus, EVIDENT_TYPE_ENTRY_ROW))), ==, "Reason");

  /* Alt+N: the notes. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.focus-notes", NULL);
  focus = get_focus (fixture);
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  g_assert_true (is_inside (focus, editor));

  /* Alt+S: the list of statuses, on the status control. Pressed before
   * the page has scrolled to the notes: it stays on the status, and the
   * list opens from it, on screen. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.choose-status", NULL);
  evident_test_pump ();
  focus = get_focus (fixture);
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_POPOVER (gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER))
                 || ADW_IS_COMBO_ROW (gtk_widget_get_ancestor (focus, ADW_TYPE_COMBO_ROW)));
  status_row = gtk_widget_get_ancestor (focus, ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (status_row);
  g_assert_true (evident_test_has_title (status_row, "Status"));
  status_list = evident_test_find_widget (status_row, GTK_TYPE_POPOVER, NULL, NULL);
  g_assert_nonnull (status_list);
  g_assert_true (evident_test_wait_until (is_visible, status_list));
  g_assert_true (shows_in_viewport (status_row));

  /* With the status scrolled out of sight, Alt+S brings it back first. */
  gtk_popover_popdown (GTK_POPOVER (status_list));
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (
                  gtk_widget_get_ancestor (status_row, GTK_TYPE_VIEWPORT)));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  g_assert_true (evident_test_wait_until (hidden_in_viewport, status_row));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.choose-status", NULL);
  g_assert_true (evident_test_wait_until (is_visible, status_list));
  g_assert_true (shows_in_viewport (status_row));
  g_assert_true (is_inside (get_focus (fixture), status_row));
}

/* Alt+Page Down, Alt+Page Up, Alt+M. */
static void
test_next_open_items (Fixture       *fixture,
                      gconstpointer  data)
{
  EvidentItemList *list = evident_window_get_item_list (fixture->window);
  GListModel *model;
  EvidentItem *selected;
  EvidentItem *expected = NULL;
  guint n, current;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-chapter", "s", "8.0");
  evident_test_pump ();
  open_item (fixture, "8.1.1");
  model = evident_item_list_get_model (list);
  n = g_list_model_get_n_items (model);
  current = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
  g_assert_cmpuint (current, <, n);

  for (guint i = current + 1; i < n && expected == NULL; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (model, i);

      if (!evident_item_counts_in (item, EVIDENT_VIEW_CONFIRMED))
        expected = item;
    }
  g_assert_nonnull (expected);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-open-item", NULL);
  selected = evident_item_list_get_selected_item (list);
  g_assert_true (selected == expected);
  g_assert_false (evident_item_counts_in (selected, EVIDENT_VIEW_CONFIRMED));
  /* And back: the previous one not met. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.previous-open-item", NULL);
  selected = evident_item_list_get_selected_item (list);
  g_assert_false (evident_item_counts_in (selected, EVIDENT_VIEW_CONFIRMED));
  g_assert_true (selected != expected);

  /* The next mandatory item not met, in any chapter. */
  for (int i = 0; i < 3; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-mandatory-item", NULL);
      selected = evident_item_list_get_selected_item (list);
      g_assert_nonnull (selected);
      g_assert_true (evident_item_get_mandatory (selected));
      g_assert_false (evident_item_counts_in (selected, EVIDENT_VIEW_CONFIRMED));
      g_assert_true (evident_item_editor_get_item (evident_window_get_item_editor (fixture->window))
                     == selected);
    }
}

/* Header capitalization: every word but short articles, conjunctions and
 * prepositions begins with a capital. */
static gboolean
is_header_case (const char *title)
{
  static const char *small[] = { "a", "an", "and", "as", "at", "but", "by", "for", "in",
                                 "of", "on", "or", "the", "to", "via", NULL };
  g_auto (GStrv) words = g_strsplit_set (title, " ()", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0' || !g_ascii_isalpha (*words[i]))
        continue;
      if (i > 0 && g_strv_contains (small, words[i]))
        continue;
      if (!g_ascii_isupper (*words[i]))
        return FALSE;
    }
  return TRUE;
}

/* The shortcuts window lists every keyboard way, in header capitalization. */
static void
test_shortcuts_listed (void)
{
  static const char *actions[] = {
    "win.set-status::not-started", "win.set-status::in-progress", "win.set-status::ready",
    "win.set-status::met", "win.set-status::not-met", "win.set-status::not-applicable",
    "win.choose-status", "win.focus-notes", "win.next-open-item", "win.previous-open-item",
    "win.next-mandatory-item", "win.next-pane", "win.previous-pane", "win.toggle-sidebar",
    "win.show-history", "win.undo", "win.redo", "win.search",
  };
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/evidentapp/Evident/evident-shortcuts-window.ui");
  GtkWidget *window = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr (GPtrArray) shortcuts = evident_test_collect_widgets (window, GTK_TYPE_SHORTCUTS_SHORTCUT,
                                                                   NULL, NULL);
  g_autoptr (GPtrArray) groups = evident_test_collect_widgets (window, GTK_TYPE_SHORTCUTS_GROUP,
                                                                NULL, NULL);
  g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (shortcuts->len, >, 20);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *action = NULL;

      g_object_get (shortcuts->pdata[i], "title", &title, "action-name", &action, NULL);
      g_test_message ("%s: %s", title, action ? action : "");
      g_assert_true (is_header_case (title));
      if (action != NULL)
        g_hash_table_add (listed, g_steal_pointer (&action));
    }
  for (guint i = 0; i < groups->len; i++)
    {
      g_autofree char *title = NULL;

      g_object_get (groups->pdata[i], "title", &title, NULL);
      g_assert_true (is_header_case (title));
    }
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_test_message ("Listed: %s", actions[i]);
      g_assert_true (g_hash_table_contains (listed, actions[i]));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/keyboard/no-display"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/keyboard/tab-round-the-window", test_tab_round_the_window);
  ADD ("/keyboard/f6-cycles-panes", test_f6_cycles_panes);
  ADD ("/keyboard/sidebar-enter", test_sidebar_enter);
  ADD ("/keyboard/status-keys", test_status_keys);
  ADD ("/keyboard/notes-at-once", test_notes_at_once);
  ADD ("/keyboard/next-open-items", test_next_open_items);
  g_test_add_func ("/keyboard/shortcuts-listed", test_shortcuts_listed);

#undef ADD

  return g_test_run ();
}
