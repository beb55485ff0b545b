/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-focus-hide.h"

/*
 * Hiding a widget that holds the keyboard focus, or contains it.
 *
 * GTK 4.8 moves the focus out of a widget that hides only after the next
 * frame, and keeps a reference to the widget until then; a second widget
 * around the focus that hides (or leaves its parent, or is made
 * child-invisible by its container) before that frame replaces the
 * reference without dropping it (_gtk_window_unset_focus_and_default()).
 * The first widget, and everything in it, then outlives its window. It
 * happens wherever two of these come together: a leaflet's child hides
 * twice (gtk_widget_hide(), then AdwLeaflet's
 * gtk_widget_set_child_visible()), a row hides and then its list, a
 * revealer folds its child away and then hides.
 *
 * With the focus taken out first GTK keeps nothing; the focus then goes
 * on to a control in sight, which keyboard and screen-reader users
 * need, rather than nowhere.
 */

static gboolean
holds_focus (GtkWidget *widget,
             GtkWidget *focus)
{
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/**
 * evident_focus_is_within:
 * @widget: a widget
 *
 * Whether the keyboard focus of @widget's window is on @widget or in it,
 * whether or not the window is the active one (GTK's focus state flags
 * are only set in the active window).
 *
 * Returns: whether @widget holds the focus
 */
gboolean
evident_focus_is_within (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  root = gtk_widget_get_root (widget);
  return root != NULL && holds_focus (widget, gtk_root_get_focus (root));
}

/**
 * evident_focus_hide_release:
 * @widget: a widget about to hide or fold away
 *
 * Where the keyboard focus is in @widget, takes it out (the window keeps
 * none), so that @widget can hide without GTK holding on to it.
 *
 * Returns: whether @widget held the focus; then hand it on with
 *   evident_focus_hide_hand_on() once @widget is out of sight
 */
gboolean
evident_focus_hide_release (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!evident_focus_is_within (widget))
    return FALSE;

  root = gtk_widget_get_root (widget);
  gtk_root_set_focus (root, NULL);
  return TRUE;
}

/**
 * evident_focus_hide_hand_on:
 * @widget: the widget that held the focus, now out of sight
 * @next: (nullable): where the focus goes: this control, or the first one
 *   in it; %NULL, or where it takes none, to the window's first control
 *
 * Gives the focus released by evident_focus_hide_release() to a control
 * in sight.
 */
void
evident_focus_hide_hand_on (GtkWidget *widget,
                            GtkWidget *next)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  if (root == NULL)
    return;

  if (next != NULL && gtk_widget_get_mapped (next))
    {
      if (gtk_widget_get_focusable (next) && gtk_widget_grab_focus (next))
        return;
      if (gtk_widget_child_focus (next, GTK_DIR_TAB_FORWARD))
        return;
    }
  gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
}

/**
 * evident_focus_hide:
 * @widget: a widget to hide
 * @next: (nullable): where the focus goes if @widget holds it, as in
 *   evident_focus_hide_hand_on()
 *
 * Hides @widget; where it holds the keyboard focus, the focus goes on to
 * @next, taken out before @widget hides rather than a frame after.
 */
void
evident_focus_hide (GtkWidget *widget,
                    GtkWidget *next)
{
  gboolean had_focus;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  had_focus = evident_focus_hide_release (widget);
  gtk_widget_set_visible (widget, FALSE);
  if (had_focus)
    evident_focus_hide_hand_on (widget, next);
}
