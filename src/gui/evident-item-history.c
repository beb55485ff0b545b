/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-history-format.h"
#include "evident-item-history.h"

/*
 * EvidentItemHistory: who changed what in an item, and when, newest first:
 * "Status: Not Started → Met", "Security lead · 5 minutes ago", undone or
 * redone changes tagged (evident-history-format says how a change reads:
 * evidence, checklist updates and re-checks too).
 * It reads the history from the project each time the project says it
 * changed.
 */

/* The newest history rows shown; older ones are summed up in one row. */
#define MAX_HISTORY_ROWS 50

struct _EvidentItemHistory
{
  AdwPreferencesGroup  parent_instance;

  EvidentProject      *project;
  EvidentItem         *item;

  /* The rows this group shows */
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (EvidentItemHistory, evident_item_history, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_history (EvidentItemHistory *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_history_row (EvidentItemHistory *self,
                 GtkWidget          *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
create_placeholder_row (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
sync_history (EvidentItemHistory *self)
{
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentHistoryNames) names = NULL;
  guint n_shown;

  clear_history (self);
  if (self->item == NULL || self->project == NULL)
    return;

  entries = evident_project_get_history (self->project, self->item, &error);
  if (entries == NULL)
    {
      add_history_row (self, create_placeholder_row (error->message));
      return;
    }
  if (entries->len == 0)
    {
      add_history_row (self, create_placeholder_row (_("No changes yet")));
      return;
    }

  names = evident_history_names_new (entries);
  n_shown = MIN (entries->len, MAX_HISTORY_ROWS);
  for (guint i = 0; i < n_shown; i++)
    add_history_row (self, evident_history_row_new (g_ptr_array_index (entries, i), names, NULL));

  if (entries->len > n_shown)
    {
      guint n_older = entries->len - n_shown;
      g_autofree char *more = g_strdup_printf (ngettext ("%u older change not shown",
                                                         "%u older changes not shown",
                                                         n_older),
                                               n_older);

      add_history_row (self, create_placeholder_row (more));
    }
}

static void
project_changed_cb (EvidentItemHistory *self,
                    EvidentProject     *project)
{
  if (self->item != NULL)
    sync_history (self);
}

/* GObject */

static void
evident_item_history_dispose (GObject *object)
{
  EvidentItemHistory *self = EVIDENT_ITEM_HISTORY (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_clear_object (&self->project);
  g_clear_object (&self->item);

  /* The group removes its rows itself as it goes. */
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_ITEM_HISTORY);

  G_OBJECT_CLASS (evident_item_history_parent_class)->dispose (object);
}

static void
evident_item_history_finalize (GObject *object)
{
  EvidentItemHistory *self = EVIDENT_ITEM_HISTORY (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (evident_item_history_parent_class)->finalize (object);
}

static void
evident_item_history_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EvidentItemHistory *self = EVIDENT_ITEM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_history_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EvidentItemHistory *self = EVIDENT_ITEM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_item_history_set_project (self, g_value_get_object (value));
      break;
    case PROP_ITEM:
      evident_item_history_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_history_class_init (EvidentItemHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_item_history_dispose;
  object_class->finalize = evident_item_history_finalize;
  object_class->get_property = evident_item_history_get_property;
  object_class->set_property = evident_item_history_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         EVIDENT_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-item-history.ui");
}

static void
evident_item_history_init (EvidentItemHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
}

/* Public API */

EvidentProject *
evident_item_history_get_project (EvidentItemHistory *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_HISTORY (self), NULL);

  return self->project;
}

/**
 * evident_item_history_set_project:
 * @project: (nullable): the project whose history it shows
 *
 * A new project clears the item: set it after the project.
 */
void
evident_item_history_set_project (EvidentItemHistory *self,
                                  EvidentProject     *project)
{
  g_return_if_fail (EVIDENT_IS_ITEM_HISTORY (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  evident_item_history_set_item (self, NULL);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_set_object (&self->project, project);
  if (self->project != NULL)
    g_signal_connect_object (self->project, "changed", G_CALLBACK (project_changed_cb), self,
                             G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentItem *
evident_item_history_get_item (EvidentItemHistory *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_HISTORY (self), NULL);

  return self->item;
}

/**
 * evident_item_history_set_item:
 * @item: (nullable): an item of the project, or %NULL for none
 *
 * Shows @item's history.
 */
void
evident_item_history_set_item (EvidentItemHistory *self,
                               EvidentItem        *item)
{
  g_return_if_fail (EVIDENT_IS_ITEM_HISTORY (self));
  g_return_if_fail (item == NULL || EVIDENT_IS_ITEM (item));

  if (self->item == item)
    return;

  g_set_object (&self->item, item);
  sync_history (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
