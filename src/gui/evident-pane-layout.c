/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "evident-focus-hide.h"
#include "evident-pane-layout.h"

/*
 * EvidentPaneLayout: which of the window's panes its width shows, and the
 * focus moved from pane to pane (F6).
 *
 * The window's leaflet holds the sidebar, the overview or the item list,
 * and the editor pane; the editor pane holds the item editor and the
 * preview of its evidence in a leaflet of its own. Looking at the evidence
 * while setting the status is the main job, so the secondary panes give
 * way first, as the window narrows:
 *
 *  - wide (sidebar + list + item + preview fit): everything side by side,
 *    the sidebar as the user chose (F9, the sidebar button; remembered);
 *  - medium (list + item + preview fit): the sidebar folds away; the
 *    sidebar button shows it for a while, and then the preview folds
 *    behind the item instead;
 *  - narrow: one pane at a time, as on a phone: the list gives way, and
 *    the item and its preview stand side by side where they fit.
 *
 * The overview has room for the sidebar beside it at any width but the
 * narrowest: there the sidebar is as the user chose.
 *
 * The widths are the panes' own minimum widths (their width requests, or
 * more where their content needs it, as long German words do), measured
 * as the window is allocated: the layout changes in the same allocation,
 * never a frame late.
 */

struct _EvidentPaneLayout
{
  GObject          parent_instance;

  EvidentPanes     panes;

  int              width;
  EvidentPaneMode  mode;

  guint            released : 1;
  guint            overview : 1;
  guint            sidebar_shown : 1;   /* the user's choice, remembered */
  guint            peek : 1;            /* shown for a while where it folds */
  guint            sidebar_visible : 1;
};

G_DEFINE_FINAL_TYPE (EvidentPaneLayout, evident_pane_layout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SIDEBAR_SHOWN,
  PROP_SIDEBAR_VISIBLE,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* How narrow @widget can be: its width request, or what its content needs
 * when that is more. */
static int
pane_width (GtkWidget *widget)
{
  int request = -1;
  int minimum = 0;

  gtk_widget_get_size_request (widget, &request, NULL);
  if (gtk_widget_get_visible (widget))
    gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return MAX (request, minimum);
}

static void
set_pane_shown (EvidentPaneLayout *self,
                GtkWidget         *pane,
                gboolean           shown)
{
  AdwLeafletPage *page = adw_leaflet_get_page (self->panes.leaflet, pane);

  if (adw_leaflet_page_get_navigatable (page) != shown)
    adw_leaflet_page_set_navigatable (page, shown);
  if (gtk_widget_get_visible (pane) == shown)
    return;
  /* A leaflet's child hides twice, gtk_widget_hide() and then AdwLeaflet's
   * gtk_widget_set_child_visible(): with the focus in it, GTK would keep
   * the pane for good (evident-focus-hide.c). The focus goes on to the
   * window's first control, as GTK would put it a frame later. */
  if (shown)
    gtk_widget_set_visible (pane, TRUE);
  else
    evident_focus_hide (pane, NULL);
}

static gboolean
compute_sidebar_visible (EvidentPaneLayout *self)
{
  if (self->mode == EVIDENT_PANE_MODE_NARROW)
    return adw_leaflet_get_visible_child (self->panes.leaflet) == self->panes.sidebar;
  return gtk_widget_get_visible (self->panes.sidebar);
}

static void
update_sidebar_visible (EvidentPaneLayout *self)
{
  gboolean visible = compute_sidebar_visible (self);

  if (self->sidebar_visible == visible)
    return;
  self->sidebar_visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR_VISIBLE]);
}

/* Puts the panes where the window's width and the user's choices say. */
static void
update (EvidentPaneLayout *self)
{
  EvidentPanes *p = &self->panes;
  EvidentPaneMode mode;
  int sidebar, list, item, preview, overview;
  int editor_width;
  gboolean sidebar_shown;
  int width = self->width;

  if (self->released || width <= 0)
    return;

  /* A pixel for the line after each pane. */
  sidebar = pane_width (p->sidebar) + 1;
  list = pane_width (p->list) + 1;
  item = pane_width (p->item);
  preview = pane_width (p->preview) + 1;
  overview = pane_width (p->overview);

  g_debug ("Panes at %d px: sidebar %d, list %d, item %d, preview %d, overview %d",
           width, sidebar, list, item, preview, overview);

  if (self->overview)
    mode = width >= sidebar + overview ? EVIDENT_PANE_MODE_WIDE : EVIDENT_PANE_MODE_NARROW;
  else if (width >= sidebar + list + item + preview)
    mode = EVIDENT_PANE_MODE_WIDE;
  else if (width >= list + item + preview)
    mode = EVIDENT_PANE_MODE_MEDIUM;
  else
    mode = EVIDENT_PANE_MODE_NARROW;

  switch (mode)
    {
    case EVIDENT_PANE_MODE_WIDE:
      sidebar_shown = self->sidebar_shown || self->peek;
      editor_width = item + preview;
      break;

    case EVIDENT_PANE_MODE_MEDIUM:
      sidebar_shown = self->peek;
      editor_width = self->peek ? item : item + preview;
      break;

    case EVIDENT_PANE_MODE_NARROW:
    default:
      /* One pane at a time: the sidebar is the first page. The editor pane
       * asks for no more than the item needs, so that the window can be
       * as narrow as a phone; its own leaflet puts the preview beside
       * the item where there is room. */
      sidebar_shown = TRUE;
      editor_width = item;
      break;
    }

  set_pane_shown (self, p->sidebar, sidebar_shown);
  gtk_widget_set_visible (p->sidebar_separator, sidebar_shown);
  gtk_widget_set_size_request (p->editor, editor_width, -1);
  adw_leaflet_set_can_unfold (p->leaflet, mode != EVIDENT_PANE_MODE_NARROW);

  if (self->mode != mode)
    {
      self->mode = mode;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
    }
  update_sidebar_visible (self);
}

static void
leaflet_notify_cb (EvidentPaneLayout *self)
{
  update_sidebar_visible (self);
}

/* The pane a widget is in, the editor pane's header bar counting as the
 * item's. */
static EvidentPane
pane_of (EvidentPaneLayout *self,
         GtkWidget         *widget)
{
  EvidentPanes *p = &self->panes;

  if (widget == NULL)
    return EVIDENT_PANE_NONE;
  if (widget == p->preview || gtk_widget_is_ancestor (widget, p->preview))
    return EVIDENT_PANE_PREVIEW;
  if (widget == p->editor || gtk_widget_is_ancestor (widget, p->editor))
    return EVIDENT_PANE_EDITOR;
  if (widget == p->list || gtk_widget_is_ancestor (widget, p->list)
      || widget == p->overview || gtk_widget_is_ancestor (widget, p->overview))
    return EVIDENT_PANE_CONTENT;
  if (widget == p->sidebar || gtk_widget_is_ancestor (widget, p->sidebar))
    return EVIDENT_PANE_SIDEBAR;
  return EVIDENT_PANE_NONE;
}

/* The leaflet page that holds @pane. */
static GtkWidget *
page_of (EvidentPaneLayout *self,
         EvidentPane        pane)
{
  switch (pane)
    {
    case EVIDENT_PANE_SIDEBAR:
      return self->panes.sidebar;
    case EVIDENT_PANE_CONTENT:
      return evident_pane_layout_get_content_pane (self);
    case EVIDENT_PANE_EDITOR:
    case EVIDENT_PANE_PREVIEW:
      return self->panes.editor;
    case EVIDENT_PANE_NONE:
    default:
      return NULL;
    }
}

static gboolean
pane_available (EvidentPaneLayout *self,
                EvidentPane        pane)
{
  switch (pane)
    {
    case EVIDENT_PANE_SIDEBAR:
      return gtk_widget_get_visible (self->panes.sidebar);
    case EVIDENT_PANE_CONTENT:
      return TRUE;
    case EVIDENT_PANE_EDITOR:
      return !self->overview && gtk_widget_get_visible (self->panes.editor);
    case EVIDENT_PANE_PREVIEW:
      return !self->overview && gtk_widget_get_visible (self->panes.preview);
    case EVIDENT_PANE_NONE:
    default:
      return FALSE;
    }
}

/* GObject */

static void
evident_pane_layout_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EvidentPaneLayout *self = EVIDENT_PANE_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_SHOWN:
      g_value_set_boolean (value, self->sidebar_shown);
      break;
    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, self->sidebar_visible);
      break;
    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_pane_layout_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EvidentPaneLayout *self = EVIDENT_PANE_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_SHOWN:
      evident_pane_layout_set_sidebar_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_pane_layout_dispose (GObject *object)
{
  evident_pane_layout_release (EVIDENT_PANE_LAYOUT (object));

  G_OBJECT_CLASS (evident_pane_layout_parent_class)->dispose (object);
}

static void
evident_pane_layout_class_init (EvidentPaneLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_pane_layout_dispose;
  object_class->get_property = evident_pane_layout_get_property;
  object_class->set_property = evident_pane_layout_set_property;

  /**
   * EvidentPaneLayout:sidebar-shown:
   *
   * Whether the user wants the sidebar where the window is wide enough for
   * it; kept in the settings.
   */
  properties[PROP_SIDEBAR_SHOWN] =
    g_param_spec_boolean ("sidebar-shown", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * EvidentPaneLayout:sidebar-visible:
   *
   * Whether the sidebar is in view now.
   */
  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * EvidentPaneLayout:mode:
   *
   * The #EvidentPaneMode of the window's width.
   */
  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL,
                      EVIDENT_PANE_MODE_WIDE, EVIDENT_PANE_MODE_NARROW, EVIDENT_PANE_MODE_WIDE,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evident_pane_layout_init (EvidentPaneLayout *self)
{
  self->sidebar_shown = TRUE;
  self->sidebar_visible = TRUE;
  self->mode = EVIDENT_PANE_MODE_WIDE;
}

/* Public API */

/**
 * evident_pane_layout_new:
 * @panes: the window's panes; the layout keeps the pointers, not
 *   references, until evident_pane_layout_release()
 *
 * Returns: (transfer full): a layout for the window of @panes
 */
EvidentPaneLayout *
evident_pane_layout_new (const EvidentPanes *panes)
{
  EvidentPaneLayout *self;

  g_return_val_if_fail (panes != NULL, NULL);
  g_return_val_if_fail (ADW_IS_LEAFLET (panes->leaflet), NULL);
  g_return_val_if_fail (ADW_IS_LEAFLET (panes->editor_leaflet), NULL);

  self = g_object_new (EVIDENT_TYPE_PANE_LAYOUT, NULL);
  self->panes = *panes;
  g_signal_connect_object (panes->leaflet, "notify::visible-child",
                           G_CALLBACK (leaflet_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (panes->leaflet, "notify::folded",
                           G_CALLBACK (leaflet_notify_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * evident_pane_layout_release:
 *
 * Lets go of the panes: the window is going.
 */
void
evident_pane_layout_release (EvidentPaneLayout *self)
{
  g_return_if_fail (EVIDENT_IS_PANE_LAYOUT (self));

  if (self->released)
    return;
  self->released = TRUE;
  if (self->panes.leaflet != NULL)
    g_signal_handlers_disconnect_by_data (self->panes.leaflet, self);
  memset (&self->panes, 0, sizeof self->panes);
}

/**
 * evident_pane_layout_set_width:
 * @width: the window's width, as it is allocated
 *
 * Puts the panes where @width has room for them. The window calls it
 * before it allocates its children.
 */
void
evident_pane_layout_set_width (EvidentPaneLayout *self,
                               int                width)
{
  g_return_if_fail (EVIDENT_IS_PANE_LAYOUT (self));

  self->width = width;
  update (self);
}

EvidentPaneMode
evident_pane_layout_get_mode (EvidentPaneLayout *self)
{
  g_return_val_if_fail (EVIDENT_IS_PANE_LAYOUT (self), EVIDENT_PANE_MODE_WIDE);

  return self->mode;
}

gboolean
evident_pane_layout_get_overview (EvidentPaneLayout *self)
{
  g_return_val_if_fail (EVIDENT_IS_PANE_LAYOUT (self), FALSE);

  return self->overview;
}

/**
 * evident_pane_layout_get_content_pane:
 *
 * Returns: (transfer none): the pane the sidebar's selection leads to: the
 *   overview's, or the item list's
 */
GtkWidget *
evident_pane_layout_get_content_pane (EvidentPaneLayout *self)
{
  g_return_val_if_fail (EVIDENT_IS_PANE_LAYOUT (self), NULL);

  return self->overview ? self->panes.overview : self->panes.list;
}

/**
 * evident_pane_layout_set_overview:
 * @overview: whether the overview takes the place of the list and the
 *   editor
 *
 * Shows the overview, or the item list and the editor. The panes not shown
 * are hidden, so that the leaflet neither lays them out nor navigates to
 * them.
 */
void
evident_pane_layout_set_overview (EvidentPaneLayout *self,
                                  gboolean           overview)
{
  EvidentPanes *p;
  GtkWidget *visible;

  g_return_if_fail (EVIDENT_IS_PANE_LAYOUT (self));

  p = &self->panes;
  overview = !!overview;
  if (self->released
      || (self->overview == overview
          && gtk_widget_get_visible (p->overview) == overview
          && gtk_widget_get_visible (p->list) == !overview))
    return;

  self->overview = overview;
  visible = adw_leaflet_get_visible_child (p->leaflet);

  /* Show the new panes first: the leaflet picks another visible child when
   * its visible child goes away, and that would be the sidebar. */
  set_pane_shown (self, overview ? p->overview : p->list, TRUE);
  if (!overview)
    {
      set_pane_shown (self, p->editor, TRUE);
      gtk_widget_set_visible (p->editor_separator, TRUE);
    }

  if (visible != NULL && visible != p->sidebar)
    adw_leaflet_set_visible_child (p->leaflet, evident_pane_layout_get_content_pane (self));

  if (overview)
    {
      set_pane_shown (self, p->list, FALSE);
      set_pane_shown (self, p->editor, FALSE);
      gtk_widget_set_visible (p->editor_separator, FALSE);
    }
  else
    set_pane_shown (self, p->overview, FALSE);

  update (self);
}

gboolean
evident_pane_layout_get_sidebar_shown (EvidentPaneLayout *self)
{
  g_return_val_if_fail (EVIDENT_IS_PANE_LAYOUT (self), FALSE);

  return self->sidebar_shown;
}

/**
 * evident_pane_layout_set_sidebar_shown:
 * @shown: whether the user wants the sidebar where there is room for it
 */
void
evident_pane_layout_set_sidebar_shown (EvidentPaneLayout *self,
                                       gboolean           shown)
{
  g_return_if_fail (EVIDENT_IS_PANE_LAYOUT (self));

  shown = !!shown;
  if (self->sidebar_shown == shown)
    return;
  self->sidebar_shown = shown;
  if (!shown)
    self->peek = FALSE;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR_SHOWN]);
}

gboolean
evident_pane_layout_get_sidebar_visible (EvidentPaneLayout *self)
{
  g_return_val_if_fail (EVIDENT_IS_PANE_LAYOUT (self), FALSE);

  return self->sidebar_visible;
}

/**
 * evident_pane_layout_toggle_sidebar:
 *
 * Shows the sidebar, or hides it, as F9 and the sidebar button do: where
 * the window is wide enough, as the user's choice (remembered); where the
 * sidebar folds away, for a while; where one pane shows at a time, by
 * going to the sidebar or back from it.
 */
void
evident_pane_layout_toggle_sidebar (EvidentPaneLayout *self)
{
  gboolean chosen;

  g_return_if_fail (EVIDENT_IS_PANE_LAYOUT (self));

  if (self->released)
    return;

  if (self->mode == EVIDENT_PANE_MODE_NARROW)
    {
      GtkWidget *target = self->sidebar_visible ? evident_pane_layout_get_content_pane (self)
                                                : self->panes.sidebar;

      adw_leaflet_set_visible_child (self->panes.leaflet, target);
      return;
    }

  /* The user's choice decides where the window is wide (the overview is
   * wide enough at any width but the narrowest). */
  chosen = self->mode == EVIDENT_PANE_MODE_WIDE;
  if (self->sidebar_visible)
    {
      self->peek = FALSE;
      if (chosen)
        evident_pane_layout_set_sidebar_shown (self, FALSE);
    }
  else if (chosen)
    evident_pane_layout_set_sidebar_shown (self, TRUE);
  else
    self->peek = TRUE;
  update (self);
}

/**
 * evident_pane_layout_get_focus_pane:
 *
 * Returns: the pane that holds the keyboard focus, or %EVIDENT_PANE_NONE
 */
EvidentPane
evident_pane_layout_get_focus_pane (EvidentPaneLayout *self)
{
  GtkRoot *root;

  g_return_val_if_fail (EVIDENT_IS_PANE_LAYOUT (self), EVIDENT_PANE_NONE);

  if (self->released || (root = gtk_widget_get_root (GTK_WIDGET (self->panes.leaflet))) == NULL)
    return EVIDENT_PANE_NONE;
  return pane_of (self, gtk_root_get_focus (root));
}

/**
 * evident_pane_layout_focus_pane:
 * @pane: a pane
 *
 * Brings @pane into view where one pane shows at a time, and moves the
 * focus into it: to the selected row of the sidebar and of the item list,
 * to the first control of the overview, the item and the preview.
 *
 * Returns: whether the focus moved there
 */
gboolean
evident_pane_layout_focus_pane (EvidentPaneLayout *self,
                                EvidentPane        pane)
{
  EvidentPanes *p;
  GtkWidget *page;

  g_return_val_if_fail (EVIDENT_IS_PANE_LAYOUT (self), FALSE);

  p = &self->panes;
  if (self->released || !pane_available (self, pane))
    return FALSE;

  page = page_of (self, pane);
  if (adw_leaflet_get_folded (p->leaflet) && adw_leaflet_get_visible_child (p->leaflet) != page)
    adw_leaflet_set_visible_child (p->leaflet, page);
  if (adw_leaflet_get_folded (p->editor_leaflet)
      && (pane == EVIDENT_PANE_EDITOR || pane == EVIDENT_PANE_PREVIEW))
    adw_leaflet_set_visible_child (p->editor_leaflet,
                                   pane == EVIDENT_PANE_PREVIEW ? p->preview : p->item);

  switch (pane)
    {
    case EVIDENT_PANE_SIDEBAR:
      return evident_sidebar_focus_row (p->sidebar_list);
    case EVIDENT_PANE_CONTENT:
      if (self->overview)
        return gtk_widget_child_focus (p->overview_page, GTK_DIR_TAB_FORWARD);
      return evident_item_list_focus_row (p->item_list);
    case EVIDENT_PANE_EDITOR:
      return gtk_widget_child_focus (p->item, GTK_DIR_TAB_FORWARD);
    case EVIDENT_PANE_PREVIEW:
      return gtk_widget_child_focus (p->preview, GTK_DIR_TAB_FORWARD);
    case EVIDENT_PANE_NONE:
    default:
      return FALSE;
    }
}

/**
 * evident_pane_layout_cycle_focus:
 * @delta: 1 for the next pane (F6), -1 for the previous one (Shift+F6)
 *
 * Moves the focus to the next pane that can take it: sidebar, overview or
 * item list, item, preview, and round again.
 *
 * Returns: whether the focus moved
 */
gboolean
evident_pane_layout_cycle_focus (EvidentPaneLayout *self,
                                 int                delta)
{
  EvidentPane current;

  g_return_val_if_fail (EVIDENT_IS_PANE_LAYOUT (self), FALSE);
  g_return_val_if_fail (delta == 1 || delta == -1, FALSE);

  current = evident_pane_layout_get_focus_pane (self);
  if (current == EVIDENT_PANE_NONE)
    current = delta > 0 ? EVIDENT_N_PANES - 1 : 0;

  for (int step = 1; step <= EVIDENT_N_PANES; step++)
    {
      EvidentPane pane = (current + EVIDENT_N_PANES + step * delta) % EVIDENT_N_PANES;

      if (pane != current && evident_pane_layout_focus_pane (self, pane))
        return TRUE;
    }
  return FALSE;
}
