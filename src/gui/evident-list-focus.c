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
 * Coming back in, Tab would focus the list view itself, a stop with no
 * row (GTK 4.8's list views take the focus as a whole), and so would a
 * grab on the list: whenever the list itself gets the focus, the list's
 * owner takes it on to the selected row (evident_list_focus_grab_row()).
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

typedef struct
{
  EvidentListFocusFunc focus_row;
  gpointer             owner;
  guint                idle_id;
  GtkWidget           *root;      /* while mapped, whose focus is watched */
  gulong               root_focus_id;
} FocusRow;

#define FOCUS_ROW_KEY "evident-list-focus-row"
/* Set while evident_list_focus_grab_row() puts the focus on the list
 * itself, and while the list waits for a row that is not made yet: the
 * focus stays on the list meanwhile. */
#define GRABBING_KEY "evident-list-focus-grabbing"
#define PENDING_KEY "evident-list-focus-pending"

/* The window's focus, active or not (GTK sets a widget's own focus state
 * only while its window is active) */
static gboolean
is_focus (GtkWidget *list)
{
  GtkRoot *root = gtk_widget_get_root (list);

  return root != NULL && gtk_root_get_focus (root) == list;
}

static gboolean
focus_row_idle_cb (gpointer data)
{
  GtkWidget *list = data;
  FocusRow *focus_row = g_object_get_data (G_OBJECT (list), FOCUS_ROW_KEY);

  focus_row->idle_id = 0;
  if (is_focus (list) && g_object_get_data (G_OBJECT (list), PENDING_KEY) == NULL)
    focus_row->focus_row (focus_row->owner);
  return G_SOURCE_REMOVE;
}

/* The focus came to the list as a whole, from outside it (Tab, a grab)
 * or from one of its rows (a grab on the list): on to the row. Not
 * while the focus is still moving: the window would put it back on the
 * list once its focus change is done. */
static void
root_focus_cb (GtkWidget *list)
{
  FocusRow *focus_row = g_object_get_data (G_OBJECT (list), FOCUS_ROW_KEY);

  if (is_focus (list) && focus_row->idle_id == 0
      && g_object_get_data (G_OBJECT (list), GRABBING_KEY) == NULL
      && g_object_get_data (G_OBJECT (list), PENDING_KEY) == NULL)
    focus_row->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, focus_row_idle_cb,
                                          g_object_ref (list), g_object_unref);
}

static void
unwatch_root (FocusRow *focus_row)
{
  if (focus_row->root != NULL)
    g_signal_handler_disconnect (focus_row->root, focus_row->root_focus_id);
  focus_row->root_focus_id = 0;
  g_clear_weak_pointer (&focus_row->root);
}

static void
list_map_cb (GtkWidget *list,
             FocusRow  *focus_row)
{
  unwatch_root (focus_row);
  g_set_weak_pointer (&focus_row->root, GTK_WIDGET (gtk_widget_get_root (list)));
  focus_row->root_focus_id = g_signal_connect_swapped (focus_row->root, "notify::focus-widget",
                                                       G_CALLBACK (root_focus_cb), list);
}

static void
focus_row_free (gpointer data)
{
  FocusRow *focus_row = data;

  unwatch_root (focus_row);
  g_free (focus_row);
}

/**
 * evident_list_focus_install:
 * @list: a list view (or any widget whose rows take the focus one by one)
 * @focus_row: puts the focus on @list's current row
 * @owner: what @focus_row is called with; it outlives @list
 *
 * Makes @list one Tab stop: Tab and Shift+Tab leave it, and coming in the
 * focus lands on the row @focus_row chooses.
 */
void
evident_list_focus_install (GtkWidget            *list,
                            EvidentListFocusFunc  focus_row,
                            gpointer              owner)
{
  GtkEventController *controller;
  FocusRow *data;

  g_return_if_fail (GTK_IS_WIDGET (list));
  g_return_if_fail (focus_row != NULL);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), NULL);
  gtk_widget_add_controller (list, controller);

  data = g_new0 (FocusRow, 1);
  data->focus_row = focus_row;
  data->owner = owner;
  g_object_set_data_full (G_OBJECT (list), FOCUS_ROW_KEY, data, focus_row_free);
  g_signal_connect (list, "map", G_CALLBACK (list_map_cb), data);
  g_signal_connect_swapped (list, "unmap", G_CALLBACK (unwatch_root), data);
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

/* The row of @position among @rows, if it is made. */
static GtkWidget *
find_row (GHashTable *rows,
          guint       position)
{
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    {
      GtkWidget *child = gtk_list_item_get_child (list_item);

      if (gtk_list_item_get_position (list_item) == position && child != NULL
          && gtk_widget_get_parent (child) != NULL)
        return gtk_widget_get_parent (child);
    }
  return NULL;
}

/* A row asked for before it was made: the focus waits on the list and
 * moves on to the row once a frame has made it, unless it went
 * elsewhere meanwhile. */
#define PENDING_FRAMES 30

typedef struct
{
  GHashTable *rows;
  guint       position;
  guint       frames;
} PendingRow;

static void
pending_row_free (gpointer data)
{
  PendingRow *pending = data;

  g_hash_table_unref (pending->rows);
  g_free (pending);
}

static gboolean
pending_row_cb (GtkWidget     *list,
                GdkFrameClock *frame_clock,
                gpointer       data)
{
  PendingRow *pending = data;
  GtkWidget *row;

  if (!is_focus (list) || ++pending->frames > PENDING_FRAMES)
    goto done;
  row = find_row (pending->rows, pending->position);
  if (row == NULL)
    return G_SOURCE_CONTINUE;
  gtk_widget_grab_focus (row);

done:
  g_object_set_data (G_OBJECT (list), PENDING_KEY, NULL);
  return G_SOURCE_REMOVE;
}

static void
cancel_pending_row (GtkWidget *list)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list), PENDING_KEY));

  if (id != 0)
    {
      gtk_widget_remove_tick_callback (list, id);
      g_object_set_data (G_OBJECT (list), PENDING_KEY, NULL);
    }
}

/* The focus on @list itself, not passed on to a row by the list. */
static gboolean
grab_list (GtkWidget *list)
{
  gboolean grabbed;

  g_object_set_data (G_OBJECT (list), GRABBING_KEY, GINT_TO_POINTER (TRUE));
  grabbed = gtk_widget_grab_focus (list);
  g_object_set_data (G_OBJECT (list), GRABBING_KEY, NULL);
  return grabbed;
}

/**
 * evident_list_focus_grab_row:
 * @list: a list view
 * @rows: (element-type GtkListItem): the list items bound to rows
 * @position: the row to focus
 *
 * Puts the focus on the row of @position, scrolling to it. Where the row
 * is not made yet (a list just shown, a row far down), the focus goes to
 * the list and moves on to the row in the frame that makes it.
 *
 * Returns: whether the focus moved into @list
 */
gboolean
evident_list_focus_grab_row (GtkWidget  *list,
                             GHashTable *rows,
                             guint       position)
{
  PendingRow *pending;
  GtkWidget *row;

  g_return_val_if_fail (GTK_IS_WIDGET (list), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  cancel_pending_row (list);
  if (position == GTK_INVALID_LIST_POSITION)
    return grab_list (list);

  /* The list view focuses the row it scrolled to last, as Tab comes in. */
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);

  row = find_row (rows, position);
  if (row != NULL)
    return gtk_widget_grab_focus (row);
  if (!grab_list (list))
    return FALSE;

  pending = g_new0 (PendingRow, 1);
  pending->rows = g_hash_table_ref (rows);
  pending->position = position;
  g_object_set_data (G_OBJECT (list), PENDING_KEY,
                     GUINT_TO_POINTER (gtk_widget_add_tick_callback (list, pending_row_cb, pending,
                                                                     pending_row_free)));
  return TRUE;
}
