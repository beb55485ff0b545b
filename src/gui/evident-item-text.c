/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-enums-util.h"
#include "evident-enums.h"
#include "evident-item-text.h"

/*
 * EvidentItemText: one of an item's free texts, its internal notes or its
 * response for the auditor (#EvidentItemText:field), saved as the user
 * types: a moment after the typing pauses, when the focus leaves, and
 * before another item, another project or anything that must see it
 * (undo, an export) comes; each pause is one edit, and one step of undo.
 * "Saving…", "Saved" or "Not saved" beside the heading says how it went;
 * text not saved is tried again at the next change or flush.
 *
 * The text of a project open read-only can be read and copied, not
 * changed. The group's title is the text view's accessible name, its
 * description the view's accessible description.
 */

/* How long typing must pause before the text is saved. */
#define TEXT_SAVE_DELAY_MS 700

struct _EvidentItemText
{
  AdwPreferencesGroup  parent_instance;

  EvidentProject      *project;
  EvidentItem         *item;
  EvidentItemField     field;
  /* "notify::note" or "notify::response" */
  char                *notify_signal;

  /* Template widgets */
  GtkTextView         *text_view;
  GtkTextBuffer       *buffer;
  GtkLabel            *state_label;

  guint                timeout_id;
  /* > 0 while the buffer is set from the item: its changes are echoes */
  guint                updating;
  /* The buffer holds text not saved yet */
  guint                dirty : 1;
  /* The text is being saved: the item's notification is our own echo */
  guint                saving : 1;
};

G_DEFINE_FINAL_TYPE (EvidentItemText, evident_item_text, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ITEM,
  PROP_FIELD,
  N_PROPS
};

enum {
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The item's text this widget edits */
static const char *
get_item_text (EvidentItemText *self)
{
  if (self->field == EVIDENT_ITEM_FIELD_RESPONSE)
    return evident_item_get_response (self->item);
  return evident_item_get_note (self->item);
}

static gboolean
save_item_text (EvidentItemText  *self,
                const char       *text,
                GError          **error)
{
  if (self->field == EVIDENT_ITEM_FIELD_RESPONSE)
    return evident_project_set_response (self->project, self->item, text, error);
  return evident_project_set_note (self->project, self->item, text, error);
}

/* "Saving…", "Saved" or "Not saved" beside the heading; NULL hides it. */
static void
set_state (EvidentItemText *self,
           const char      *state,
           gboolean         is_error)
{
  GtkWidget *label = GTK_WIDGET (self->state_label);

  gtk_label_set_text (self->state_label, state ? state : "");
  gtk_widget_set_visible (label, state != NULL);
  if (is_error)
    {
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "error");
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

static void
sync_text (EvidentItemText *self)
{
  const char *value = get_item_text (self);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->dirty = FALSE;
  set_state (self, NULL, FALSE);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, value ? value : "") == 0)
    return;

  self->updating++;
  /* Not something the text view's own undo should take back. */
  gtk_text_buffer_begin_irreversible_action (self->buffer);
  gtk_text_buffer_set_text (self->buffer, value ? value : "", -1);
  gtk_text_buffer_end_irreversible_action (self->buffer);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  self->updating--;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  EvidentItemText *self = user_data;

  self->timeout_id = 0;
  evident_item_text_flush (self);
  return G_SOURCE_REMOVE;
}

/* Signal handlers */

static void
item_text_notify_cb (EvidentItemText *self,
                     GParamSpec      *pspec,
                     EvidentItem     *item)
{
  g_assert (item == self->item);

  /* Our own save comes back as a notification: the buffer already holds
   * the text, and setting it again would move the cursor. */
  if (!self->saving)
    sync_text (self);
}

static void
buffer_changed_cb (EvidentItemText *self)
{
  if (self->updating > 0 || self->item == NULL)
    return;

  self->dirty = TRUE;
  set_state (self, _("Saving…"), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (TEXT_SAVE_DELAY_MS, save_timeout_cb, self);
  g_source_set_name_by_id (self->timeout_id, "[evident] save item text");
}

static void
text_view_focus_leave_cb (EvidentItemText *self)
{
  evident_item_text_flush (self);
}

/* The heading names the text view for assistive technologies. */
static void
heading_notify_cb (EvidentItemText *self)
{
  const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (self));
  const char *description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : "",
                                  -1);
}

/* GObject */

static void
evident_item_text_unmap (GtkWidget *widget)
{
  evident_item_text_flush (EVIDENT_ITEM_TEXT (widget));

  GTK_WIDGET_CLASS (evident_item_text_parent_class)->unmap (widget);
}

static void
evident_item_text_constructed (GObject *object)
{
  EvidentItemText *self = EVIDENT_ITEM_TEXT (object);

  G_OBJECT_CLASS (evident_item_text_parent_class)->constructed (object);

  /* The item's property of the same name as the field: "note", "response" */
  self->notify_signal = g_strconcat ("notify::", evident_item_field_to_string (self->field),
                                     NULL);
}

static void
evident_item_text_dispose (GObject *object)
{
  EvidentItemText *self = EVIDENT_ITEM_TEXT (object);

  evident_item_text_flush (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, item_text_notify_cb, self);
  g_clear_object (&self->item);
  g_clear_object (&self->project);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_ITEM_TEXT);

  G_OBJECT_CLASS (evident_item_text_parent_class)->dispose (object);
}

static void
evident_item_text_finalize (GObject *object)
{
  EvidentItemText *self = EVIDENT_ITEM_TEXT (object);

  g_clear_pointer (&self->notify_signal, g_free);

  G_OBJECT_CLASS (evident_item_text_parent_class)->finalize (object);
}

static void
evident_item_text_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EvidentItemText *self = EVIDENT_ITEM_TEXT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_text_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EvidentItemText *self = EVIDENT_ITEM_TEXT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_item_text_set_project (self, g_value_get_object (value));
      break;
    case PROP_ITEM:
      evident_item_text_set_item (self, g_value_get_object (value));
      break;
    case PROP_FIELD:
      self->field = g_value_get_enum (value);
      g_return_if_fail (self->field == EVIDENT_ITEM_FIELD_NOTE
                        || self->field == EVIDENT_ITEM_FIELD_RESPONSE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_text_class_init (EvidentItemTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = evident_item_text_constructed;
  object_class->dispose = evident_item_text_dispose;
  object_class->finalize = evident_item_text_finalize;
  object_class->get_property = evident_item_text_get_property;
  object_class->set_property = evident_item_text_set_property;

  widget_class->unmap = evident_item_text_unmap;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         EVIDENT_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * EvidentItemText:field:
   *
   * Which text of the item: %EVIDENT_ITEM_FIELD_NOTE or
   * %EVIDENT_ITEM_FIELD_RESPONSE.
   */
  properties[PROP_FIELD] =
    g_param_spec_enum ("field", NULL, NULL,
                       EVIDENT_TYPE_ITEM_FIELD, EVIDENT_ITEM_FIELD_NOTE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentItemText::error:
   * @self: the text
   * @message: what went wrong, for the user
   *
   * Emitted when the project could not save the text.
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-item-text.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentItemText, text_view);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemText, buffer);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemText, state_label);
  gtk_widget_class_bind_template_callback (widget_class, buffer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_view_focus_leave_cb);
}

static void
evident_item_text_init (EvidentItemText *self)
{
  self->field = EVIDENT_ITEM_FIELD_NOTE;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::title", G_CALLBACK (heading_notify_cb), NULL);
  g_signal_connect (self, "notify::description", G_CALLBACK (heading_notify_cb), NULL);
}

/* Public API */

EvidentProject *
evident_item_text_get_project (EvidentItemText *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_TEXT (self), NULL);

  return self->project;
}

/**
 * evident_item_text_set_project:
 * @project: (nullable): the project the text is saved in
 *
 * Saves the text typed for the project before, and clears the item: set
 * it after the project.
 */
void
evident_item_text_set_project (EvidentItemText *self,
                               EvidentProject  *project)
{
  gboolean editable;

  g_return_if_fail (EVIDENT_IS_ITEM_TEXT (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  evident_item_text_set_item (self, NULL);
  g_set_object (&self->project, project);
  editable = project == NULL || !evident_project_get_read_only (project);
  gtk_text_view_set_editable (self->text_view, editable);
  gtk_text_view_set_cursor_visible (self->text_view, editable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentItem *
evident_item_text_get_item (EvidentItemText *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_TEXT (self), NULL);

  return self->item;
}

/**
 * evident_item_text_set_item:
 * @item: (nullable): an item of the project, or %NULL for none
 *
 * Shows @item's text. Text typed for the item shown before is saved
 * first.
 */
void
evident_item_text_set_item (EvidentItemText *self,
                            EvidentItem     *item)
{
  g_return_if_fail (EVIDENT_IS_ITEM_TEXT (self));
  g_return_if_fail (item == NULL || EVIDENT_IS_ITEM (item));

  if (self->item == item)
    return;

  evident_item_text_flush (self);
  /* A failed save of the item before is not this item's. */
  if (gtk_widget_has_css_class (GTK_WIDGET (self->state_label), "error"))
    set_state (self, NULL, FALSE);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, item_text_notify_cb, self);
  g_set_object (&self->item, item);
  if (self->item != NULL)
    {
      g_signal_connect_object (self->item, self->notify_signal, G_CALLBACK (item_text_notify_cb),
                               self, G_CONNECT_SWAPPED);
      sync_text (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

EvidentItemField
evident_item_text_get_field (EvidentItemText *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_TEXT (self), EVIDENT_ITEM_FIELD_NOTE);

  return self->field;
}

/**
 * evident_item_text_get_buffer:
 *
 * Returns: (transfer none): the buffer the user types in
 */
GtkTextBuffer *
evident_item_text_get_buffer (EvidentItemText *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_TEXT (self), NULL);

  return self->buffer;
}

/**
 * evident_item_text_flush:
 *
 * Saves text typed but not saved yet, at once.
 */
void
evident_item_text_flush (EvidentItemText *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  gboolean saved;

  g_return_if_fail (EVIDENT_IS_ITEM_TEXT (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (!self->dirty)
    return;
  self->dirty = FALSE;

  if (self->item == NULL || self->project == NULL)
    return;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);

  self->saving = TRUE;
  saved = save_item_text (self, text, &error);
  self->saving = FALSE;

  if (saved)
    {
      set_state (self, _("Saved"), FALSE);
    }
  else
    {
      /* Still to save: the next change or flush tries again. */
      self->dirty = TRUE;
      set_state (self, _("Not saved"), TRUE);
      g_signal_emit (self, signals[ERROR], 0, error->message);
    }
}
