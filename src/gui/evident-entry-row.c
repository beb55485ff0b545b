/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-entry-row.h"
#include "evident-focus-hide.h"

/*
 * EvidentEntryRow: a preferences row with a text field, in place of
 * AdwEntryRow, that a screen reader hears take the focus.
 *
 * libadwaita 1.2's AdwEntryRow keeps its GtkText inside a private gizmo;
 * GTK 4.8 passes the focus of the GtkText (which has no accessible role of
 * its own) only to its direct parent, the gizmo, which never reports it:
 * AT-SPI shows no focused object while the user types in the row. A
 * GtkEntry reports the focus of its GtkText as its own, so this row holds
 * a GtkEntry, labelled by the row's title.
 *
 * It keeps what the editor used of AdwEntryRow: the row is a GtkEditable
 * (its text is the entry's), the focus goes straight to the entry, and
 * with #EvidentEntryRow:show-apply-button an apply button comes up once
 * the user edits the text; the button, or Enter while it shows, emits
 * #EvidentEntryRow::apply. Enter otherwise emits
 * #EvidentEntryRow::entry-activated. Children given in a template go after
 * the entry and its apply button, as with AdwActionRow.
 */

struct _EvidentEntryRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *entry;
  GtkWidget    *apply_button;
  GtkWidget    *edit_icon;

  guint         show_apply_button : 1;
  /* The user changed the text since the row was last set or applied */
  guint         text_changed      : 1;

  /* While there is text to apply: the window whose focus is watched */
  GtkWidget    *root;
  gulong        root_focus_id;
};

static void evident_entry_row_editable_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EvidentEntryRow, evident_entry_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE,
                                                      evident_entry_row_editable_init))

enum {
  PROP_0,
  PROP_SHOW_APPLY_BUTTON,
  PROP_INPUT_PURPOSE,
  N_PROPS
};

enum {
  APPLY,
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_editing (EvidentEntryRow *self)
{
  return (gtk_widget_get_state_flags (self->entry) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

/* As AdwEntryRow shows it: a pencil while the keyboard is elsewhere, the
 * row's focus ring while it is in the entry, the apply button once the
 * user has edited the text. */
static void
update_indicators (EvidentEntryRow *self)
{
  gboolean editing = is_editing (self);

  gtk_widget_set_visible (self->apply_button, self->show_apply_button && self->text_changed);
  gtk_widget_set_visible (self->edit_icon, !editing && !self->text_changed);
  gtk_widget_set_sensitive (self->edit_icon,
                            gtk_editable_get_editable (GTK_EDITABLE (self->entry)));
  if (editing)
    gtk_widget_add_css_class (GTK_WIDGET (self), "focused");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "focused");
}

/* Whether the keyboard is in the entry, in its window (active or not). */
static gboolean
has_keyboard (EvidentEntryRow *self)
{
  return evident_focus_is_within (self->entry);
}

static void apply (EvidentEntryRow *self);

static void
unwatch_root (EvidentEntryRow *self)
{
  if (self->root != NULL)
    g_signal_handler_disconnect (self->root, self->root_focus_id);
  self->root_focus_id = 0;
  g_clear_weak_pointer (&self->root);
}

/* What was typed is saved as the keyboard leaves the row (Tab, a click
 * elsewhere), as with every other edit, not only on Enter or Apply. The
 * window's focus widget tells, active or not (GTK sets a widget's focus
 * state only while its window is active). */
static void
root_focus_cb (EvidentEntryRow *self)
{
  if (has_keyboard (self))
    return;
  unwatch_root (self);
  if (self->show_apply_button && self->text_changed)
    apply (self);
}

static void
entry_changed_cb (EvidentEntryRow *self)
{
  /* Only the user's edits: the program sets the text while the keyboard
   * is elsewhere, or takes the button down after
   * (evident_entry_row_reset_apply). */
  if (self->show_apply_button && has_keyboard (self))
    {
      self->text_changed = TRUE;
      update_indicators (self);
      if (self->root == NULL)
        {
          g_set_weak_pointer (&self->root, GTK_WIDGET (gtk_widget_get_root (self->entry)));
          self->root_focus_id = g_signal_connect_swapped (self->root, "notify::focus-widget",
                                                          G_CALLBACK (root_focus_cb), self);
        }
    }
}

static void
entry_state_flags_changed_cb (EvidentEntryRow *self)
{
  /* Also while the row is disposed, its parts going */
  if (self->entry != NULL && self->edit_icon != NULL)
    update_indicators (self);
}

static void
apply (EvidentEntryRow *self)
{
  /* The button goes: the keyboard stays in the row. */
  if (evident_focus_is_within (self->apply_button))
    gtk_widget_grab_focus (self->entry);

  self->text_changed = FALSE;
  unwatch_root (self);
  update_indicators (self);
  g_signal_emit (self, signals[APPLY], 0);
}

static void
entry_activate_cb (EvidentEntryRow *self)
{
  if (gtk_widget_get_visible (self->apply_button))
    apply (self);
  else
    g_signal_emit (self, signals[ENTRY_ACTIVATED], 0);
}

/* GtkWidget */

/* The entry, never the row itself, takes the focus: one Tab stop, as
 * with AdwEntryRow. */
/* The entry takes the room the title leaves, so that its text starts
 * beside the title: the title keeps to one line (a wrapping title would
 * be squeezed to the entry's height), and the row's title box (its child
 * with the "title" class) stops expanding. Should libadwaita lay the row
 * out otherwise, the entry shares the room, and no more. */
static void
let_entry_expand (EvidentEntryRow *self)
{
  GtkWidget *header = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self));

  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 1);

  for (GtkWidget *child = header != NULL ? gtk_widget_get_first_child (header) : NULL;
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BOX (child) && gtk_widget_has_css_class (child, "title"))
      gtk_widget_set_hexpand (child, FALSE);
}

static gboolean
evident_entry_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (EVIDENT_ENTRY_ROW (widget)->entry);
}

static gboolean
evident_entry_row_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget));

  return child != NULL && gtk_widget_child_focus (child, direction);
}

/* GtkEditable */

static GtkEditable *
evident_entry_row_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (EVIDENT_ENTRY_ROW (editable)->entry);
}

static void
evident_entry_row_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = evident_entry_row_get_delegate;
}

/* GObject */

static void
evident_entry_row_dispose (GObject *object)
{
  EvidentEntryRow *self = EVIDENT_ENTRY_ROW (object);

  unwatch_root (self);
  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  self->entry = NULL;
  self->apply_button = NULL;
  self->edit_icon = NULL;

  G_OBJECT_CLASS (evident_entry_row_parent_class)->dispose (object);
}

static void
evident_entry_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EvidentEntryRow *self = EVIDENT_ENTRY_ROW (object);

  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;

  switch (prop_id)
    {
    case PROP_SHOW_APPLY_BUTTON:
      g_value_set_boolean (value, self->show_apply_button);
      break;
    case PROP_INPUT_PURPOSE:
      g_value_set_enum (value, gtk_entry_get_input_purpose (GTK_ENTRY (self->entry)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_entry_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EvidentEntryRow *self = EVIDENT_ENTRY_ROW (object);

  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    return;

  switch (prop_id)
    {
    case PROP_SHOW_APPLY_BUTTON:
      evident_entry_row_set_show_apply_button (self, g_value_get_boolean (value));
      break;
    case PROP_INPUT_PURPOSE:
      gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_entry_row_class_init (EvidentEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_entry_row_dispose;
  object_class->get_property = evident_entry_row_get_property;
  object_class->set_property = evident_entry_row_set_property;

  widget_class->grab_focus = evident_entry_row_grab_focus;
  widget_class->focus = evident_entry_row_focus;

  /**
   * EvidentEntryRow:show-apply-button:
   *
   * Whether an apply button comes up once the user edits the text.
   */
  properties[PROP_SHOW_APPLY_BUTTON] =
    g_param_spec_boolean ("show-apply-button", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * EvidentEntryRow:input-purpose:
   *
   * The entry's purpose, for input methods.
   */
  properties[PROP_INPUT_PURPOSE] =
    g_param_spec_enum ("input-purpose", NULL, NULL,
                       GTK_TYPE_INPUT_PURPOSE, GTK_INPUT_PURPOSE_FREE_FORM,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_editable_install_properties (object_class, N_PROPS);

  /**
   * EvidentEntryRow::apply:
   *
   * Emitted when the user applies the text: the apply button, or Enter
   * while it shows.
   */
  signals[APPLY] =
    g_signal_new ("apply",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * EvidentEntryRow::entry-activated:
   *
   * Emitted on Enter in the entry while no apply button shows.
   */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
evident_entry_row_init (EvidentEntryRow *self)
{
  /* Styled as AdwEntryRow (the "entry" row class draws its focus ring
   * and its error colours): the entry has no frame of its own. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "entry");
  gtk_widget_add_css_class (GTK_WIDGET (self), "evident-entry-row");

  self->entry = gtk_entry_new ();
  gtk_widget_add_css_class (self->entry, "flat");
  gtk_widget_set_hexpand (self->entry, TRUE);
  /* Apart from the title, that the two do not read as one phrase */
  gtk_widget_set_margin_start (self->entry, 12);
  gtk_widget_set_valign (self->entry, GTK_ALIGN_CENTER);
  /* A narrow window shrinks the entry down to a few characters, before
   * the title (the entry grows back with the room it gets). */
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 6);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->entry);

  self->apply_button = gtk_button_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_valign (self->apply_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->apply_button, _("Apply"));
  gtk_widget_set_focus_on_click (self->apply_button, FALSE);
  gtk_widget_set_visible (self->apply_button, FALSE);
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  gtk_widget_add_css_class (self->apply_button, "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->apply_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Apply"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->apply_button);

  self->edit_icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (self->edit_icon, GTK_ALIGN_CENTER);
  gtk_widget_set_can_target (self->edit_icon, FALSE);
  gtk_widget_add_css_class (self->edit_icon, "edit-icon");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->edit_icon);

  /* A click on the row's title, or its mnemonic, puts the keyboard in
   * the entry; the row also makes the entry labelled by its title, which
   * names it for screen readers. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->entry);

  gtk_editable_init_delegate (GTK_EDITABLE (self));
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (entry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (entry_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "state-flags-changed",
                           G_CALLBACK (entry_state_flags_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->apply_button, "clicked", G_CALLBACK (apply), self,
                           G_CONNECT_SWAPPED);
  update_indicators (self);
  let_entry_expand (self);
}

/* Public API */

GtkWidget *
evident_entry_row_new (void)
{
  return g_object_new (EVIDENT_TYPE_ENTRY_ROW, NULL);
}

/**
 * evident_entry_row_get_entry:
 *
 * Returns: (transfer none): the row's entry, for its accessible
 *   description and the like
 */
GtkEntry *
evident_entry_row_get_entry (EvidentEntryRow *self)
{
  g_return_val_if_fail (EVIDENT_IS_ENTRY_ROW (self), NULL);

  return GTK_ENTRY (self->entry);
}

gboolean
evident_entry_row_get_show_apply_button (EvidentEntryRow *self)
{
  g_return_val_if_fail (EVIDENT_IS_ENTRY_ROW (self), FALSE);

  return self->show_apply_button;
}

void
evident_entry_row_set_show_apply_button (EvidentEntryRow *self,
                                         gboolean         show_apply_button)
{
  g_return_if_fail (EVIDENT_IS_ENTRY_ROW (self));

  show_apply_button = !!show_apply_button;
  if (self->show_apply_button == show_apply_button)
    return;

  self->show_apply_button = show_apply_button;
  self->text_changed = FALSE;
  update_indicators (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_APPLY_BUTTON]);
}

/**
 * evident_entry_row_flush:
 *
 * Applies the text typed and not applied yet, if any (#EvidentEntryRow::apply),
 * as before the row is set from another item.
 */
void
evident_entry_row_flush (EvidentEntryRow *self)
{
  g_return_if_fail (EVIDENT_IS_ENTRY_ROW (self));

  if (self->show_apply_button && self->text_changed)
    apply (self);
}

/**
 * evident_entry_row_reset_apply:
 *
 * Takes the apply button down: the text is as saved (after the program
 * set it from the model).
 */
void
evident_entry_row_reset_apply (EvidentEntryRow *self)
{
  g_return_if_fail (EVIDENT_IS_ENTRY_ROW (self));

  self->text_changed = FALSE;
  unwatch_root (self);
  update_indicators (self);
}
