/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-item-notes.h"

/*
 * EvidentItemNotes: an item's internal notes, saved as the user types: a
 * moment after the typing pauses, when the focus leaves, and before
 * another item, another project or anything that must see them (undo)
 * comes. "Saving…", "Saved" or "Not saved" beside the heading says how it
 * went; notes not saved are tried again at the next change or flush.
 * The notes of a project open read-only can be read and copied, not
 * changed.
 */

/* How long typing must pause before the notes are saved. */
#define NOTES_SAVE_DELAY_MS 700

struct _EvidentItemNotes
{
  AdwPreferencesGroup  parent_instance;

  EvidentProject      *project;
  EvidentItem         *item;

  /* Template widgets */
  GtkTextView         *notes_view;
  GtkTextBuffer       *notes_buffer;
  GtkLabel            *notes_state_label;

  guint                notes_timeout_id;
  /* > 0 while the buffer is set from the item: its changes are echoes */
  guint                updating;
  /* The buffer holds text not saved yet */
  guint                notes_dirty : 1;
  /* The notes are being saved: the item's notify::note is our own echo */
  guint                saving_note : 1;
};

G_DEFINE_FINAL_TYPE (EvidentItemNotes, evident_item_notes, ADW_TYPE_PREFERENCES_GROUP)

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

/* "Saving…", "Saved" or "Not saved" beside the notes' heading; NULL hides it. */
static void
set_notes_state (EvidentItemNotes *self,
                 const char       *state,
                 gboolean          is_error)
{
  GtkWidget *label = GTK_WIDGET (self->notes_state_label);

  gtk_label_set_text (self->notes_state_label, state ? state : "");
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
sync_note (EvidentItemNotes *self)
{
  const char *note = evident_item_get_note (self->item);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);
  self->notes_dirty = FALSE;
  set_notes_state (self, NULL, FALSE);

  gtk_text_buffer_get_bounds (self->notes_buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->notes_buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, note ? note : "") == 0)
    return;

  self->updating++;
  /* Not something the text view's own undo should take back. */
  gtk_text_buffer_begin_irreversible_action (self->notes_buffer);
  gtk_text_buffer_set_text (self->notes_buffer, note ? note : "", -1);
  gtk_text_buffer_end_irreversible_action (self->notes_buffer);
  gtk_text_buffer_get_start_iter (self->notes_buffer, &start);
  gtk_text_buffer_place_cursor (self->notes_buffer, &start);
  self->updating--;
}

static gboolean
notes_timeout_cb (gpointer user_data)
{
  EvidentItemNotes *self = user_data;

  self->notes_timeout_id = 0;
  evident_item_notes_flush (self);
  return G_SOURCE_REMOVE;
}

/* Signal handlers */

static void
note_notify_cb (EvidentItemNotes *self,
                GParamSpec       *pspec,
                EvidentItem      *item)
{
  g_assert (item == self->item);

  /* Our own save comes back as a notification: the buffer already holds
   * the text, and setting it again would move the cursor. */
  if (!self->saving_note)
    sync_note (self);
}

static void
notes_buffer_changed_cb (EvidentItemNotes *self)
{
  if (self->updating > 0 || self->item == NULL)
    return;

  self->notes_dirty = TRUE;
  set_notes_state (self, _("Saving…"), FALSE);

  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);
  self->notes_timeout_id = g_timeout_add (NOTES_SAVE_DELAY_MS, notes_timeout_cb, self);
  g_source_set_name_by_id (self->notes_timeout_id, "[evident] save notes");
}

static void
notes_view_focus_leave_cb (EvidentItemNotes *self)
{
  evident_item_notes_flush (self);
}

/* GObject */

static void
evident_item_notes_unmap (GtkWidget *widget)
{
  evident_item_notes_flush (EVIDENT_ITEM_NOTES (widget));

  GTK_WIDGET_CLASS (evident_item_notes_parent_class)->unmap (widget);
}

static void
evident_item_notes_dispose (GObject *object)
{
  EvidentItemNotes *self = EVIDENT_ITEM_NOTES (object);

  evident_item_notes_flush (self);
  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, note_notify_cb, self);
  g_clear_object (&self->item);
  g_clear_object (&self->project);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_ITEM_NOTES);

  G_OBJECT_CLASS (evident_item_notes_parent_class)->dispose (object);
}

static void
evident_item_notes_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EvidentItemNotes *self = EVIDENT_ITEM_NOTES (object);

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
evident_item_notes_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EvidentItemNotes *self = EVIDENT_ITEM_NOTES (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_item_notes_set_project (self, g_value_get_object (value));
      break;
    case PROP_ITEM:
      evident_item_notes_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_notes_class_init (EvidentItemNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_item_notes_dispose;
  object_class->get_property = evident_item_notes_get_property;
  object_class->set_property = evident_item_notes_set_property;

  widget_class->unmap = evident_item_notes_unmap;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         EVIDENT_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentItemNotes::error:
   * @self: the notes
   * @message: what went wrong, for the user
   *
   * Emitted when the project could not save the notes.
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-item-notes.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentItemNotes, notes_view);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemNotes, notes_buffer);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemNotes, notes_state_label);
  gtk_widget_class_bind_template_callback (widget_class, notes_buffer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_view_focus_leave_cb);
}

static void
evident_item_notes_init (EvidentItemNotes *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

EvidentProject *
evident_item_notes_get_project (EvidentItemNotes *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_NOTES (self), NULL);

  return self->project;
}

/**
 * evident_item_notes_set_project:
 * @project: (nullable): the project the notes are saved in
 *
 * Saves the notes of the project before, and clears the item: set it
 * after the project.
 */
void
evident_item_notes_set_project (EvidentItemNotes *self,
                                EvidentProject   *project)
{
  gboolean editable;

  g_return_if_fail (EVIDENT_IS_ITEM_NOTES (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  evident_item_notes_set_item (self, NULL);
  g_set_object (&self->project, project);
  editable = project == NULL || !evident_project_get_read_only (project);
  gtk_text_view_set_editable (self->notes_view, editable);
  gtk_text_view_set_cursor_visible (self->notes_view, editable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentItem *
evident_item_notes_get_item (EvidentItemNotes *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_NOTES (self), NULL);

  return self->item;
}

/**
 * evident_item_notes_set_item:
 * @item: (nullable): an item of the project, or %NULL for none
 *
 * Shows @item's notes. Notes typed for the item shown before are saved
 * first.
 */
void
evident_item_notes_set_item (EvidentItemNotes *self,
                             EvidentItem      *item)
{
  g_return_if_fail (EVIDENT_IS_ITEM_NOTES (self));
  g_return_if_fail (item == NULL || EVIDENT_IS_ITEM (item));

  if (self->item == item)
    return;

  evident_item_notes_flush (self);
  /* A failed save of the item before is not this item's. */
  if (gtk_widget_has_css_class (GTK_WIDGET (self->notes_state_label), "error"))
    set_notes_state (self, NULL, FALSE);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, note_notify_cb, self);
  g_set_object (&self->item, item);
  if (self->item != NULL)
    {
      g_signal_connect_object (self->item, "notify::note", G_CALLBACK (note_notify_cb), self,
                               G_CONNECT_SWAPPED);
      sync_note (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * evident_item_notes_flush:
 *
 * Saves notes typed but not saved yet, at once.
 */
void
evident_item_notes_flush (EvidentItemNotes *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  gboolean saved;

  g_return_if_fail (EVIDENT_IS_ITEM_NOTES (self));

  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);

  if (!self->notes_dirty)
    return;
  self->notes_dirty = FALSE;

  if (self->item == NULL || self->project == NULL)
    return;

  gtk_text_buffer_get_bounds (self->notes_buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->notes_buffer, &start, &end, FALSE);

  self->saving_note = TRUE;
  saved = evident_project_set_note (self->project, self->item, text, &error);
  self->saving_note = FALSE;

  if (saved)
    {
      set_notes_state (self, _("Saved"), FALSE);
    }
  else
    {
      /* Still to save: the next change or flush tries again. */
      self->notes_dirty = TRUE;
      set_notes_state (self, _("Not saved"), TRUE);
      g_signal_emit (self, signals[ERROR], 0, error->message);
    }
}
