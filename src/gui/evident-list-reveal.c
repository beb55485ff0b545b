/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-list-reveal.h"

/*
 * EvidentListReveal: when a list view gets its rows, and scrolling it to
 * a row before they are there.
 *
 * The rows are built when the list is first shown, not with the window: a
 * project opens on its overview, and up to 200 rows of widgets for a list
 * nobody sees yet only delayed its first frame. Nor while it is mapped,
 * but two frames later: the list is mapped while a frame lays the window
 * out when an item opens with page 1 of its evidence (evident --item),
 * and the rows (60 to 100 ms) would delay page 1, in that frame or, when
 * the page comes during it, in the next.
 *
 * GTK 4.8 scrolls only among rows it has laid out, and no further than the
 * rows of a list laid out empty: a row asked for before then is scrolled
 * to once they are laid out.
 */

struct _EvidentListReveal
{
  GtkListView             *list_view;
  GListModel              *model;      /* what the rows show once attached */
  EvidentListRevealAttach  attach;     /* gives the list view @model */
  gpointer                 owner;

  GObject                 *scroll_item; /* to scroll to once laid out */
  guint                    scroll_tick_id;
  guint                    scroll_idle_id;
  guint                    rows_tick_id;
  guint                    rows_ticks;
};

/**
 * evident_list_reveal_find:
 *
 * Returns: the position of @item in @model, or %GTK_INVALID_LIST_POSITION
 */
guint
evident_list_reveal_find (GListModel *model,
                          gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Scrolls to the row asked for, wherever it is now. */
static void
scroll_to_item (EvidentListReveal *self)
{
  g_autoptr (GObject) item = g_steal_pointer (&self->scroll_item);
  guint position = item != NULL ? evident_list_reveal_find (self->model, item)
                                : GTK_INVALID_LIST_POSITION;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  EvidentListReveal *self = user_data;

  if (gtk_widget_get_height (widget) == 0 || gtk_list_view_get_model (self->list_view) == NULL)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  scroll_to_item (self);
  return G_SOURCE_REMOVE;
}

static gboolean
scroll_idle_cb (gpointer data)
{
  EvidentListReveal *self = data;

  self->scroll_idle_id = 0;
  scroll_to_item (self);
  return G_SOURCE_REMOVE;
}

static gboolean
build_rows_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  EvidentListReveal *self = user_data;

  if (++self->rows_ticks < 2)
    return G_SOURCE_CONTINUE;

  self->rows_tick_id = 0;
  if (gtk_list_view_get_model (self->list_view) != NULL)
    return G_SOURCE_REMOVE;

  self->attach (self->owner);

  /* A list laid out empty: scroll after the frame that lays out the rows. */
  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->scroll_tick_id);
      self->scroll_tick_id = 0;
      self->scroll_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, scroll_idle_cb, self, NULL);
    }
  return G_SOURCE_REMOVE;
}

/**
 * evident_list_reveal_new:
 * @list_view: the list view, with no model yet
 * @model: what its rows will show
 * @attach: sets @model on @list_view, called two frames after the first map
 * @owner: for @attach
 *
 * Returns: (transfer full): a reveal for @list_view, to free before it goes
 */
EvidentListReveal *
evident_list_reveal_new (GtkListView             *list_view,
                         GListModel              *model,
                         EvidentListRevealAttach  attach,
                         gpointer                 owner)
{
  EvidentListReveal *self = g_new0 (EvidentListReveal, 1);

  self->list_view = list_view;
  self->model = model;
  self->attach = attach;
  self->owner = owner;
  return self;
}

void
evident_list_reveal_free (EvidentListReveal *self)
{
  if (self == NULL)
    return;
  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_tick_id);
  if (self->rows_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->rows_tick_id);
  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  g_clear_object (&self->scroll_item);
  g_free (self);
}

/* From the owner's map: the rows two frames later, the first time. */
void
evident_list_reveal_map (EvidentListReveal *self)
{
  if (gtk_list_view_get_model (self->list_view) != NULL || self->rows_tick_id != 0)
    return;

  self->rows_ticks = 0;
  self->rows_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), build_rows_cb,
                                                     self, NULL);
}

/* Scrolls to the row at @position of the model: now when the list is laid
 * out, else once it is. */
void
evident_list_reveal_scroll_to (EvidentListReveal *self,
                               guint              position)
{
  GtkWidget *list_view = GTK_WIDGET (self->list_view);

  if (position >= g_list_model_get_n_items (self->model))
    return;

  g_clear_object (&self->scroll_item);
  if (gtk_widget_get_mapped (list_view) && gtk_widget_get_height (list_view) > 0)
    {
      gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
      return;
    }

  self->scroll_item = g_list_model_get_item (self->model, position);
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (list_view, scroll_tick_cb, self, NULL);
}
