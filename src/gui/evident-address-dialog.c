/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evident-a11y.h"
#include "evident-address-dialog.h"
#include "evident-audit-ui.h"
#include "evident-audit.h"
#include "evident-enums-util.h"
#include "evident-item.h"

/*
 * EvidentAddressDialog: a finding addressed, linked to the change that
 * fixed it or with a note, or both. The item's latest edit is offered as
 * the change (the one that most likely fixed it: the status set met, the
 * evidence added); a finding on the whole session, or on an item never
 * edited, takes a note. The owner calls evident_address_dialog_apply() on
 * the "address" response: one edit, one step of undo.
 */

struct _EvidentAddressDialog
{
  AdwMessageDialog  parent_instance;

  EvidentProject   *project;
  EvidentFinding   *finding;
  gint64            change;   /* the item's latest edit, or 0 */

  /* Template widgets */
  GtkCheckButton   *link_check;
  GtkCheckButton   *note_check;
  GtkLabel         *change_label;
  GtkEntry         *note_entry;
};

G_DEFINE_FINAL_TYPE (EvidentAddressDialog, evident_address_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
dup_note (EvidentAddressDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
}

static gboolean
get_link (EvidentAddressDialog *self)
{
  return self->change != 0 && gtk_check_button_get_active (self->link_check);
}

static void
update_cb (EvidentAddressDialog *self)
{
  g_autofree char *note = dup_note (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "address",
                                           get_link (self) || *note != '\0');
}

/* What the change did: "Status, Evidence, 10 March 2025, 14:05". */
static char *
describe_change (EvidentProject *project,
                 EvidentItem    *item,
                 gint64          change)
{
  g_autoptr (GPtrArray) history = evident_project_get_history (project, item, NULL);
  g_autoptr (GString) fields = g_string_new (NULL);
  g_autofree char *when = NULL;

  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      EvidentHistoryEntry *entry = g_ptr_array_index (history, i);
      const char *label = evident_item_field_get_label (entry->field);

      if (entry->change != change || strstr (fields->str, label) != NULL)
        continue;
      if (when == NULL)
        when = evident_audit_ui_format_time (entry->at);
      if (fields->len > 0)
        g_string_append (fields, ", ");
      g_string_append (fields, label);
    }
  if (when == NULL)
    return NULL;
  /* Translators: the edit offered as a finding's fix: the item, the fields
   * it changed and when, as in "8.2.1: Status, Evidence · 10 March 2025, 14:05" */
  return g_strdup_printf (_("%1$s: %2$s · %3$s"), evident_item_get_ref (item), fields->str, when);
}

static void
evident_address_dialog_dispose (GObject *object)
{
  EvidentAddressDialog *self = EVIDENT_ADDRESS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_ADDRESS_DIALOG);
  g_clear_object (&self->project);
  g_clear_object (&self->finding);

  G_OBJECT_CLASS (evident_address_dialog_parent_class)->dispose (object);
}

static void
evident_address_dialog_class_init (EvidentAddressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_address_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-address-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentAddressDialog, link_check);
  gtk_widget_class_bind_template_child (widget_class, EvidentAddressDialog, note_check);
  gtk_widget_class_bind_template_child (widget_class, EvidentAddressDialog, change_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentAddressDialog, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, update_cb);
}

static void
evident_address_dialog_init (EvidentAddressDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  evident_a11y_name_mnemonics (GTK_WIDGET (self));
}

/**
 * evident_address_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @project: the project
 * @finding: a finding of the project
 *
 * Returns: (transfer floating): the dialog, not shown yet
 */
EvidentAddressDialog *
evident_address_dialog_new (GtkWindow      *parent,
                            EvidentProject *project,
                            EvidentFinding *finding)
{
  EvidentAddressDialog *self;
  EvidentItem *item;
  g_autofree char *description = NULL;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (EVIDENT_IS_FINDING (finding), NULL);

  self = g_object_new (EVIDENT_TYPE_ADDRESS_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->finding = g_object_ref (finding);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), evident_finding_get_text (finding));

  item = evident_finding_get_item (finding);
  if (item != NULL)
    self->change = evident_audit_find_last_change (evident_audit_get_for_project (project), item,
                                                   NULL);
  if (self->change != 0)
    description = describe_change (project, item, self->change);
  if (description == NULL)
    {
      self->change = 0;
      gtk_widget_set_sensitive (GTK_WIDGET (self->link_check), FALSE);
      gtk_check_button_set_active (self->note_check, TRUE);
      description = g_strdup (item != NULL ? _("The item was not edited")
                                           : _("A finding on the whole session takes a note"));
    }
  gtk_label_set_label (self->change_label, description);
  update_cb (self);

  return self;
}

EvidentFinding *
evident_address_dialog_get_finding (EvidentAddressDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_ADDRESS_DIALOG (self), NULL);

  return self->finding;
}

/* The change offered as the fix, or 0. */
gint64
evident_address_dialog_get_change (EvidentAddressDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_ADDRESS_DIALOG (self), 0);

  return self->change;
}

/* Whether to link the change offered (else the note alone). */
void
evident_address_dialog_set_link (EvidentAddressDialog *self,
                                 gboolean              link)
{
  g_return_if_fail (EVIDENT_IS_ADDRESS_DIALOG (self));

  gtk_check_button_set_active (link ? self->link_check : self->note_check, TRUE);
}

void
evident_address_dialog_set_note (EvidentAddressDialog *self,
                                 const char           *note)
{
  g_return_if_fail (EVIDENT_IS_ADDRESS_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");
}

/**
 * evident_address_dialog_apply:
 * @error: return location for an error
 *
 * Marks the finding addressed as chosen: one edit, one step of undo.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_address_dialog_apply (EvidentAddressDialog  *self,
                              GError               **error)
{
  g_autofree char *note = NULL;

  g_return_val_if_fail (EVIDENT_IS_ADDRESS_DIALOG (self), FALSE);

  note = dup_note (self);
  return evident_finding_address (self->finding, get_link (self) ? self->change : 0,
                                  *note != '\0' ? note : NULL, error);
}
