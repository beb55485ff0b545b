/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-list-focus.h"
#include "evident-resources.h"
#include "evident-scenario.h"
#include "evident-sidebar-row.h"
#include "evident-sidebar.h"

/*
 * EvidentSidebar: the chapters of a project, in checklist order, after an
 * "Overview" row, an "All Items" row and a "Sessions" row. Each chapter row
 * shows the chapter's progress in the projected view and a badge for its
 * mandatory items not yet counted; rows (EvidentSidebarRow) follow the
 * chapter's properties, so they change the moment an item does. A
 * chapter's menu (Shift+F10, Menu, right click) marks it exempt.
 *
 * "Overview" and "Sessions" are pages of the whole project, which the
 * window shows in place of the item list: EvidentSidebar:overview is TRUE
 * for both, EvidentSidebar:sessions for "Sessions" only.
 *
 * In what-if mode (evident_sidebar_set_scenario()) the rows count with the
 * scenario's assumptions, marked as what-if.
 */

struct _EvidentSidebar
{
  AdwBin              parent_instance;

  GtkListView        *list_view;

  EvidentProject     *project;
  EvidentChapter     *chapter;
  EvidentScenario    *scenario;
  /* The rows before the chapters: plain objects. */
  GListStore         *all_store;
  GObject            *overview_item;
  GObject            *all_item;
  GObject            *sessions_item;
  GtkSingleSelection *selection;
  GHashTable         *rows;   /* bound GtkListItems */

  guint               overview : 1;
  guint               sessions : 1;
};

G_DEFINE_FINAL_TYPE (EvidentSidebar, evident_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_CHAPTER,
  PROP_OVERVIEW,
  PROP_SESSIONS,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
selection_notify_cb (EvidentSidebar     *self,
                     GParamSpec         *pspec,
                     GtkSingleSelection *selection)
{
  GObject *item = selection ? gtk_single_selection_get_selected_item (selection) : NULL;
  EvidentChapter *chapter = EVIDENT_IS_CHAPTER (item) ? EVIDENT_CHAPTER (item) : NULL;
  gboolean sessions = item != NULL && item == self->sessions_item;
  gboolean overview = item != NULL && (item == self->overview_item || sessions);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->chapter, chapter))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHAPTER]);
  if (self->overview != overview)
    {
      self->overview = overview;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERVIEW]);
    }
  if (self->sessions != sessions)
    {
      self->sessions = sessions;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSIONS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
select_item (EvidentSidebar *self,
             GObject        *target)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (item == target)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }

  return FALSE;
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  EvidentSidebar           *self)
{
  gtk_list_item_set_child (list_item, evident_sidebar_row_new ());
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 EvidentSidebar           *self)
{
  GObject *item = gtk_list_item_get_item (list_item);

  if (item == self->sessions_item)
    evident_sidebar_row_bind_page (EVIDENT_SIDEBAR_ROW (gtk_list_item_get_child (list_item)),
                                   "x-office-calendar-symbolic", _("Sessions"));
  else
    evident_sidebar_row_bind (EVIDENT_SIDEBAR_ROW (gtk_list_item_get_child (list_item)),
                              item, self->project, item == self->overview_item);
  evident_sidebar_row_set_scenario (EVIDENT_SIDEBAR_ROW (gtk_list_item_get_child (list_item)),
                                    self->scenario);
  g_hash_table_add (self->rows, list_item);
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   EvidentSidebar           *self)
{
  if (self->rows != NULL)
    g_hash_table_remove (self->rows, list_item);
  evident_sidebar_row_unbind (EVIDENT_SIDEBAR_ROW (gtk_list_item_get_child (list_item)));
}

/* Enter on a row: the row the focus is on, which the arrow keys select
 * but Tab (or a screen reader) may have reached without selecting. */
static void
list_view_activate_cb (EvidentSidebar *self,
                       guint           position,
                       GtkListView    *list_view)
{
  if (self->selection != NULL && position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[ACTIVATED], 0, TRUE);
}

static void
row_pressed_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[ACTIVATED], 0, FALSE);
}

/**
 * evident_sidebar_focus_row:
 *
 * Puts the keyboard focus on the selected row: F6, and Tab into the
 * sidebar.
 *
 * Returns: whether the focus moved
 */
gboolean
evident_sidebar_focus_row (EvidentSidebar *self)
{
  g_return_val_if_fail (EVIDENT_IS_SIDEBAR (self), FALSE);

  return evident_list_focus_grab_row (GTK_WIDGET (self->list_view), self->rows,
                                      self->selection != NULL
                                        ? gtk_single_selection_get_selected (self->selection)
                                        : GTK_INVALID_LIST_POSITION);
}

static gboolean
focus_row_cb (gpointer owner)
{
  return evident_sidebar_focus_row (owner);
}

/* Shift+F10 or Menu: the menu of the chapter row the focus is on. */
static void
popup_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EvidentSidebar *self = EVIDENT_SIDEBAR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return;
  /* The focus is on the list item around the row, or inside the row. */
  if (!EVIDENT_IS_SIDEBAR_ROW (focus) && EVIDENT_IS_SIDEBAR_ROW (gtk_widget_get_first_child (focus)))
    focus = gtk_widget_get_first_child (focus);
  else if (!EVIDENT_IS_SIDEBAR_ROW (focus))
    focus = gtk_widget_get_ancestor (focus, EVIDENT_TYPE_SIDEBAR_ROW);
  if (focus != NULL)
    evident_sidebar_row_popup_menu (EVIDENT_SIDEBAR_ROW (focus), -1, -1);
}

static void
evident_sidebar_dispose (GObject *object)
{
  EvidentSidebar *self = EVIDENT_SIDEBAR (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_notify_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_SIDEBAR);

  g_clear_object (&self->selection);
  g_clear_object (&self->chapter);
  g_clear_object (&self->project);
  g_clear_object (&self->scenario);
  g_clear_object (&self->all_store);
  g_clear_object (&self->overview_item);
  g_clear_object (&self->all_item);
  g_clear_object (&self->sessions_item);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (evident_sidebar_parent_class)->dispose (object);
}

static void
evident_sidebar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EvidentSidebar *self = EVIDENT_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_CHAPTER:
      g_value_set_object (value, self->chapter);
      break;

    case PROP_OVERVIEW:
      g_value_set_boolean (value, self->overview);
      break;

    case PROP_SESSIONS:
      g_value_set_boolean (value, self->sessions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_sidebar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EvidentSidebar *self = EVIDENT_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_sidebar_set_project (self, g_value_get_object (value));
      break;

    case PROP_CHAPTER:
      evident_sidebar_set_chapter (self, g_value_get_object (value));
      break;

    case PROP_OVERVIEW:
      evident_sidebar_set_overview (self, g_value_get_boolean (value));
      break;

    case PROP_SESSIONS:
      evident_sidebar_set_sessions (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_sidebar_class_init (EvidentSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_sidebar_dispose;
  object_class->get_property = evident_sidebar_get_property;
  object_class->set_property = evident_sidebar_set_property;


  /**
   * EvidentSidebar:project:
   *
   * The project whose chapters are listed.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EVIDENT_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * EvidentSidebar:chapter:
   *
   * The selected chapter, or %NULL when "All Items" or "Overview" is
   * selected.
   */
  properties[PROP_CHAPTER] =
    g_param_spec_object ("chapter", NULL, NULL,
                         EVIDENT_TYPE_CHAPTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * EvidentSidebar:overview:
   *
   * Whether a page of the whole project is selected, the "Overview" row
   * or the "Sessions" row: the window shows it in place of the item list.
   * The overview is selected when a project is set; setting this to
   * %TRUE selects "Overview", to %FALSE "All Items".
   */
  properties[PROP_OVERVIEW] =
    g_param_spec_boolean ("overview", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * EvidentSidebar:sessions:
   *
   * Whether the "Sessions" row is selected (#EvidentSidebar:overview is
   * then %TRUE too). Setting it to %FALSE selects "Overview".
   */
  properties[PROP_SESSIONS] =
    g_param_spec_boolean ("sessions", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentSidebar::activated:
   * @keyboard: %TRUE for Enter, %FALSE for a click
   *
   * The user clicked a row or pressed Enter on it, which selects it: the
   * window moves on to the overview or the item list, and after Enter
   * the keyboard focus goes there too.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  /* Links the resources of this static library in, and with them the
   * constructor that registers them. */
  (void) evident_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "sidebar.row-pressed", NULL, row_pressed_action);
  gtk_widget_class_install_action (widget_class, "sidebar.popup-menu", NULL, popup_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "sidebar.popup-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "sidebar.popup-menu", NULL);
}

static void
evident_sidebar_init (EvidentSidebar *self)
{
  self->rows = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* One Tab stop; the arrow keys move between the rows. */
  evident_list_focus_install (GTK_WIDGET (self->list_view), focus_row_cb, self);

  /* The "Overview", "All Items" and "Sessions" rows: plain objects before
   * the chapters. */
  self->overview_item = g_object_new (G_TYPE_OBJECT, NULL);
  self->all_item = g_object_new (G_TYPE_OBJECT, NULL);
  self->sessions_item = g_object_new (G_TYPE_OBJECT, NULL);
  self->all_store = g_list_store_new (G_TYPE_OBJECT);
  g_list_store_append (self->all_store, self->overview_item);
  g_list_store_append (self->all_store, self->all_item);
  g_list_store_append (self->all_store, self->sessions_item);
}

/**
 * evident_sidebar_new:
 *
 * Returns: (transfer floating): a new sidebar
 */
GtkWidget *
evident_sidebar_new (void)
{
  return g_object_new (EVIDENT_TYPE_SIDEBAR, NULL);
}

EvidentProject *
evident_sidebar_get_project (EvidentSidebar *self)
{
  g_return_val_if_fail (EVIDENT_IS_SIDEBAR (self), NULL);

  return self->project;
}

void
evident_sidebar_set_project (EvidentSidebar *self,
                             EvidentProject *project)
{
  g_autoptr (GListStore) models = NULL;

  g_return_if_fail (EVIDENT_IS_SIDEBAR (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->selection != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->selection, selection_notify_cb, self);
      gtk_list_view_set_model (self->list_view, NULL);
      g_clear_object (&self->selection);
    }

  g_set_object (&self->project, project);

  if (project != NULL)
    {
      GtkFlattenListModel *flatten;

      models = g_list_store_new (G_TYPE_LIST_MODEL);
      g_list_store_append (models, self->all_store);
      g_list_store_append (models, evident_project_get_chapters (project));
      flatten = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&models)));
      self->selection = gtk_single_selection_new (G_LIST_MODEL (flatten));
      gtk_single_selection_set_autoselect (self->selection, TRUE);
      gtk_single_selection_set_can_unselect (self->selection, FALSE);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (selection_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }

  /* A project opens on its first row, the overview. */
  selection_notify_cb (self, NULL, self->selection);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);

  g_object_thaw_notify (G_OBJECT (self));
}

EvidentChapter *
evident_sidebar_get_chapter (EvidentSidebar *self)
{
  g_return_val_if_fail (EVIDENT_IS_SIDEBAR (self), NULL);

  return self->chapter;
}

void
evident_sidebar_set_chapter (EvidentSidebar *self,
                             EvidentChapter *chapter)
{
  g_return_if_fail (EVIDENT_IS_SIDEBAR (self));
  g_return_if_fail (chapter == NULL || EVIDENT_IS_CHAPTER (chapter));

  evident_sidebar_select_number (self, chapter ? evident_chapter_get_number (chapter) : "");
}

/**
 * evident_sidebar_select_number:
 * @number: a chapter number, or "" for "All Items"
 *
 * Selects the row of chapter @number and scrolls it into view.
 *
 * Returns: %FALSE when the project has no such chapter
 */
gboolean
evident_sidebar_select_number (EvidentSidebar *self,
                               const char     *number)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (EVIDENT_IS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  if (self->selection == NULL)
    return FALSE;

  if (*number == '\0')
    return select_item (self, self->all_item);

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      gboolean match;

      if (EVIDENT_IS_CHAPTER (item))
        match = g_strcmp0 (evident_chapter_get_number (EVIDENT_CHAPTER (item)), number) == 0;
      else
        match = FALSE;

      if (match)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * evident_sidebar_get_model:
 *
 * Returns: (transfer none) (nullable): the rows: an "Overview" object, an
 *   "All Items" object, a "Sessions" object, then the project's chapters
 */
GListModel *
evident_sidebar_get_model (EvidentSidebar *self)
{
  g_return_val_if_fail (EVIDENT_IS_SIDEBAR (self), NULL);

  return self->selection ? G_LIST_MODEL (self->selection) : NULL;
}

gboolean
evident_sidebar_get_overview (EvidentSidebar *self)
{
  g_return_val_if_fail (EVIDENT_IS_SIDEBAR (self), FALSE);

  return self->overview;
}

/**
 * evident_sidebar_set_overview:
 * @overview: %TRUE to select the "Overview" row, %FALSE to leave it (or
 *   "Sessions") for "All Items"
 *
 * Selects the "Overview" row, or, if it or "Sessions" is selected and
 * @overview is %FALSE, the "All Items" row. Does nothing without a
 * project.
 */
void
evident_sidebar_set_overview (EvidentSidebar *self,
                              gboolean        overview)
{
  g_return_if_fail (EVIDENT_IS_SIDEBAR (self));

  if (self->selection == NULL || (!overview && !self->overview)
      || (overview && self->overview && !self->sessions))
    return;

  select_item (self, overview ? self->overview_item : self->all_item);
}

gboolean
evident_sidebar_get_sessions (EvidentSidebar *self)
{
  g_return_val_if_fail (EVIDENT_IS_SIDEBAR (self), FALSE);

  return self->sessions;
}

/**
 * evident_sidebar_set_sessions:
 * @sessions: %TRUE to select the "Sessions" row, %FALSE to leave it for
 *   "Overview"
 *
 * Does nothing without a project.
 */
void
evident_sidebar_set_sessions (EvidentSidebar *self,
                              gboolean        sessions)
{
  g_return_if_fail (EVIDENT_IS_SIDEBAR (self));

  if (self->selection == NULL || !!sessions == self->sessions)
    return;

  select_item (self, sessions ? self->sessions_item : self->overview_item);
}

/**
 * evident_sidebar_set_scenario:
 * @scenario: (nullable): a what-if scenario over the project, or %NULL
 *
 * Counts the chapters' progress with @scenario's assumptions, marked as
 * what-if, following its changes; %NULL counts the real statuses again.
 */
void
evident_sidebar_set_scenario (EvidentSidebar  *self,
                              EvidentScenario *scenario)
{
  GHashTableIter iter;
  gpointer list_item;

  g_return_if_fail (EVIDENT_IS_SIDEBAR (self));
  g_return_if_fail (scenario == NULL || EVIDENT_IS_SCENARIO (scenario));

  if (!g_set_object (&self->scenario, scenario))
    return;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    evident_sidebar_row_set_scenario (
        EVIDENT_SIDEBAR_ROW (gtk_list_item_get_child (GTK_LIST_ITEM (list_item))), scenario);
}
