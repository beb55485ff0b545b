/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-item-recheck.h"
#include "evident-recheck.h"
#include "evident-resources.h"
#include "evident-versions.h"

/*
 * EvidentItemRecheck: the item editor's part for an item a checklist
 * update reworded while it was met or ready: "Needs re-check after the
 * update to 4.2: was Met", with "Confirm" (editor.confirm-recheck: the
 * item gets back the status it had) and a menu of other statuses
 * (editor.set-status, which clears the flag too). Hidden for any other
 * item; it follows the item's notify::needs-recheck and the project's
 * changes.
 */

struct _EvidentItemRecheck
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GtkLabel       *text;
  GtkWidget      *confirm_button;
  GtkWidget      *status_button;

  EvidentProject *project;
  EvidentItem    *item;
};

G_DEFINE_FINAL_TYPE (EvidentItemRecheck, evident_item_recheck, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ITEM,
  N_PROPS
};

enum {
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update (EvidentItemRecheck *self)
{
  gboolean shown = self->project != NULL && self->item != NULL
                   && evident_item_get_needs_recheck (self->item);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), shown);
  if (!shown)
    return;

  text = evident_recheck_describe (self->project, self->item);
  gtk_label_set_label (self->text, text);
  gtk_widget_set_sensitive (self->status_button, !evident_project_get_read_only (self->project));
}

/* GObject */

static void
evident_item_recheck_dispose (GObject *object)
{
  EvidentItemRecheck *self = EVIDENT_ITEM_RECHECK (object);

  evident_item_recheck_set_item (self, NULL);
  evident_item_recheck_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_ITEM_RECHECK);

  G_OBJECT_CLASS (evident_item_recheck_parent_class)->dispose (object);
}

static void
evident_item_recheck_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EvidentItemRecheck *self = EVIDENT_ITEM_RECHECK (object);

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
evident_item_recheck_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EvidentItemRecheck *self = EVIDENT_ITEM_RECHECK (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_item_recheck_set_project (self, g_value_get_object (value));
      break;
    case PROP_ITEM:
      evident_item_recheck_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_recheck_class_init (EvidentItemRecheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_item_recheck_dispose;
  object_class->get_property = evident_item_recheck_get_property;
  object_class->set_property = evident_item_recheck_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, EVIDENT_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentItemRecheck::error:
   * @message: why the re-check was not saved, for the user
   */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-item-recheck.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRecheck, box);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRecheck, text);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRecheck, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRecheck, status_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidentitemrecheck");
}

static void
evident_item_recheck_init (EvidentItemRecheck *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

EvidentProject *
evident_item_recheck_get_project (EvidentItemRecheck *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_RECHECK (self), NULL);

  return self->project;
}

void
evident_item_recheck_set_project (EvidentItemRecheck *self,
                                  EvidentProject     *project)
{
  g_return_if_fail (EVIDENT_IS_ITEM_RECHECK (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, update, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      g_signal_connect_object (project, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::read-only", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentItem *
evident_item_recheck_get_item (EvidentItemRecheck *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_RECHECK (self), NULL);

  return self->item;
}

void
evident_item_recheck_set_item (EvidentItemRecheck *self,
                               EvidentItem        *item)
{
  g_return_if_fail (EVIDENT_IS_ITEM_RECHECK (self));
  g_return_if_fail (item == NULL || EVIDENT_IS_ITEM (item));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect_object (item, "notify::needs-recheck", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * evident_item_recheck_confirm:
 *
 * Someone checked the item again: it gets back the status it had before
 * the update (evident_project_confirm_item()), as "Confirm" does.
 *
 * Returns: %TRUE when saved; else "error" says why
 */
gboolean
evident_item_recheck_confirm (EvidentItemRecheck *self)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (EVIDENT_IS_ITEM_RECHECK (self), FALSE);

  if (self->project == NULL || self->item == NULL)
    return FALSE;
  if (!evident_project_confirm_item (self->project, self->item, NULL, &error))
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * evident_item_recheck_get_text:
 *
 * Returns: what the part says, "" while hidden
 */
const char *
evident_item_recheck_get_text (EvidentItemRecheck *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_RECHECK (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_label (self->text) : "";
}
