/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-list-focus.h"

/*
 * A list as one Tab stop, as in Files and Settings: the arrow keys (and
 * Home, End, Page Up and Page Down) move within the list, Tab and
 * Shift+Tab move on to the controls before and after it. GTK 4.8 makes
 * every row of a GtkListView a Tab stop of its own (the "tab-behavior"
 * property came with 4.12): a key controller in the capture phase takes
 * Tab before the rows do and moves the focus past the list.
 *
 * Coming back in, GtkListView focuses the row it last focused, which
 * "list.scroll-to-item" sets: the lists scroll to their selected row
 * with it, so that Tab lands on the selection.
 */

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return GDK_EVENT_PROPAGATE;
  /* Ctrl+Tab and the like are someone else's. */
  if ((modifiers & ~GDK_SHIFT_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  evident_list_focus_leave (list, (modifiers & GDK_SHIFT_MASK) != 0 || keyval == GDK_KEY_ISO_Left_Tab
                                    ? GTK_DIR_TAB_BACKWARD
                                    : GTK_DIR_TAB_FORWARD);
  return GDK_EVENT_STOP;
}

/**
 * evident_list_focus_install:
 * @list: a list view (or any widget whose rows take the focus one by one)
 *
 * Makes @list one Tab stop: Tab and Shift+Tab leave it.
 */
void
evident_list_focus_install (GtkWidget *list)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (list));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), NULL);
  gtk_widget_add_controller (list, controller);
}

/**
 * evident_list_focus_leave:
 * @list: a list that holds the focus
 * @direction: %GTK_DIR_TAB_FORWARD or %GTK_DIR_TAB_BACKWARD
 *
 * Moves the focus to the control after (or before) @list, wrapping
 * around at the end of the window, as Tab does anywhere else.
 *
 * Returns: whether the focus moved
 */
gboolean
evident_list_focus_leave (GtkWidget        *list,
                          GtkDirectionType  direction)
{
  GtkRoot *root;
  gboolean moved;

  g_return_val_if_fail (GTK_IS_WIDGET (list), FALSE);

  root = gtk_widget_get_root (list);
  if (root == NULL)
    return FALSE;

  /* The focus moves on from where it is; a list that cannot take it is
   * passed over, rows and all. */
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}
