/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-enums-util.h"
#include "evident-verdict-dialog.h"

/*
 * EvidentVerdictDialog: an item's verdict in a session (passed, failed,
 * observation, not reached), a finding if there was one, and a status to
 * set with it only when the user says so (a dry-run pass may set "met").
 * The owner calls evident_verdict_dialog_apply() on the "record" response:
 * verdict, finding and status are one edit, one step of undo.
 */

/* What the status drop-down offers after "keep", in its order. */
static const EvidentStatus offered_statuses[] = {
  EVIDENT_STATUS_MET,
  EVIDENT_STATUS_NOT_MET,
  EVIDENT_STATUS_IN_PROGRESS,
  EVIDENT_STATUS_READY,
  EVIDENT_STATUS_NOT_STARTED,
};

struct _EvidentVerdictDialog
{
  AdwMessageDialog  parent_instance;

  EvidentSession   *session;
  EvidentItem      *item;

  /* Template widgets */
  GtkToggleButton  *passed_button;
  GtkToggleButton  *failed_button;
  GtkToggleButton  *observation_button;
  GtkToggleButton  *not_reached_button;
  GtkEntry         *finding_entry;
  GtkDropDown      *status_dropdown;
};

G_DEFINE_FINAL_TYPE (EvidentVerdictDialog, evident_verdict_dialog, ADW_TYPE_MESSAGE_DIALOG)

static EvidentVerdict
get_verdict (EvidentVerdictDialog *self)
{
  GtkToggleButton *buttons[] = { NULL, self->passed_button, self->failed_button,
                                 self->observation_button, self->not_reached_button };

  for (guint i = 1; i < G_N_ELEMENTS (buttons); i++)
    if (gtk_toggle_button_get_active (buttons[i]))
      return i;
  return EVIDENT_VERDICT_NONE;
}

static void
verdict_toggled_cb (EvidentVerdictDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record",
                                           get_verdict (self) != EVIDENT_VERDICT_NONE);
}

static void
fill_statuses (EvidentVerdictDialog *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *keep = NULL;

  /* Translators: the first choice of a verdict's status; %s is the item's
   * status now, as in "Keep It (Ready for Review)" */
  keep = g_strdup_printf (_("Keep It (%s)"),
                          evident_status_get_label (evident_item_get_status (self->item)));
  gtk_string_list_append (labels, keep);
  for (guint i = 0; i < G_N_ELEMENTS (offered_statuses); i++)
    gtk_string_list_append (labels, evident_status_get_label (offered_statuses[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (labels));
  evident_a11y_name_drop_down (self->status_dropdown, _("Status"));
}

static void
evident_verdict_dialog_dispose (GObject *object)
{
  EvidentVerdictDialog *self = EVIDENT_VERDICT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_VERDICT_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (evident_verdict_dialog_parent_class)->dispose (object);
}

static void
evident_verdict_dialog_class_init (EvidentVerdictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_verdict_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-verdict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentVerdictDialog, passed_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentVerdictDialog, failed_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentVerdictDialog, observation_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentVerdictDialog, not_reached_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentVerdictDialog, finding_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentVerdictDialog, status_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, verdict_toggled_cb);
}

static void
evident_verdict_dialog_init (EvidentVerdictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * evident_verdict_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @session: a session, not closed
 * @item: an item in its scope
 *
 * Returns: (transfer floating): the dialog, not shown yet, with the
 *   item's verdict so far chosen
 */
EvidentVerdictDialog *
evident_verdict_dialog_new (GtkWindow      *parent,
                            EvidentSession *session,
                            EvidentItem    *item)
{
  EvidentVerdictDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (EVIDENT_IS_SESSION (session), NULL);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), NULL);

  self = g_object_new (EVIDENT_TYPE_VERDICT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->item = g_object_ref (item);

  /* Translators: the heading of the verdict dialog; %s is an item's reference */
  heading = g_strdup_printf (_("Verdict on %s"), evident_item_get_ref (item));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), evident_item_get_title (item));
  fill_statuses (self);
  evident_a11y_name_mnemonics (GTK_WIDGET (self));
  evident_verdict_dialog_set_verdict (self, evident_session_get_verdict (session, item));
  return self;
}

EvidentItem *
evident_verdict_dialog_get_item (EvidentVerdictDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_VERDICT_DIALOG (self), NULL);

  return self->item;
}

void
evident_verdict_dialog_set_verdict (EvidentVerdictDialog *self,
                                    EvidentVerdict        verdict)
{
  GtkToggleButton *buttons[] = { NULL, self->passed_button, self->failed_button,
                                 self->observation_button, self->not_reached_button };

  g_return_if_fail (EVIDENT_IS_VERDICT_DIALOG (self));
  g_return_if_fail (verdict < EVIDENT_N_VERDICTS);

  if (verdict != EVIDENT_VERDICT_NONE)
    gtk_toggle_button_set_active (buttons[verdict], TRUE);
  verdict_toggled_cb (self);
}

void
evident_verdict_dialog_set_finding (EvidentVerdictDialog *self,
                                    const char           *finding)
{
  g_return_if_fail (EVIDENT_IS_VERDICT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->finding_entry), finding != NULL ? finding : "");
}

/**
 * evident_verdict_dialog_set_status:
 * @status: an #EvidentStatus to set with the verdict (not "not
 *   applicable"), or %EVIDENT_VERDICT_DIALOG_KEEP_STATUS
 */
void
evident_verdict_dialog_set_status (EvidentVerdictDialog *self,
                                   int                   status)
{
  g_return_if_fail (EVIDENT_IS_VERDICT_DIALOG (self));

  gtk_drop_down_set_selected (self->status_dropdown, 0);
  for (guint i = 0; i < G_N_ELEMENTS (offered_statuses); i++)
    if ((int) offered_statuses[i] == status)
      gtk_drop_down_set_selected (self->status_dropdown, i + 1);
}

/**
 * evident_verdict_dialog_apply:
 * @error: return location for an error
 *
 * Records the verdict chosen: one edit, one step of undo.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_verdict_dialog_apply (EvidentVerdictDialog  *self,
                              GError               **error)
{
  guint selected;
  int status = EVIDENT_VERDICT_DIALOG_KEEP_STATUS;

  g_return_val_if_fail (EVIDENT_IS_VERDICT_DIALOG (self), FALSE);

  selected = gtk_drop_down_get_selected (self->status_dropdown);
  if (selected >= 1 && selected <= G_N_ELEMENTS (offered_statuses))
    status = offered_statuses[selected - 1];
  return evident_verdict_record (self->session, self->item, get_verdict (self),
                                 gtk_editable_get_text (GTK_EDITABLE (self->finding_entry)),
                                 status, error);
}

/**
 * evident_verdict_record:
 * @session: a session, not closed
 * @item: an item in its scope
 * @verdict: passed, failed, observation or not reached
 * @finding: (nullable): what was found; blank for nothing
 * @status: a status to set with it, or %EVIDENT_VERDICT_DIALOG_KEEP_STATUS
 * @error: return location for an error
 *
 * Records a verdict as the dialog and presenter mode do: one edit.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_verdict_record (EvidentSession  *session,
                        EvidentItem     *item,
                        EvidentVerdict   verdict,
                        const char      *finding,
                        int              status,
                        GError         **error)
{
  g_autofree char *text = g_strstrip (g_strdup (finding != NULL ? finding : ""));
  const char *found = *text != '\0' ? text : NULL;

  if (status == EVIDENT_VERDICT_DIALOG_KEEP_STATUS)
    return evident_session_record_verdict (session, item, verdict, found,
                                           EVIDENT_VERDICT_FLAGS_NONE, error);
  return evident_session_record_verdict_with_status (session, item, verdict, found, status, error);
}
