/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-agenda-list.h"
#include "evident-audit-ui.h"
#include "evident-audit.h"
#include "evident-enums-util.h"
#include "evident-findings-list.h"
#include "evident-item.h"
#include "evident-session-view.h"
#include "evident-verdict-dialog.h"

/*
 * EvidentSessionView: one session: where it stands (its verdicts, the
 * score under them, who takes part, its scope), its agenda, a line to type
 * findings in as they are presented, the items in its scope with their
 * verdicts (choose one to record a verdict, EvidentVerdictDialog), and
 * its findings. It opens and closes the session (`session.toggle-state`)
 * and presents it full screen (`win.present-session`). Everything follows
 * EvidentProject::changed, so an undo shows at once.
 */

struct _EvidentSessionView
{
  AdwBin               parent_instance;

  EvidentProject      *project;
  EvidentSession      *session;

  /* Template widgets */
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkButton           *state_button;
  GtkWidget           *add_finding_button;
  AdwActionRow        *verdicts_row;
  AdwActionRow        *score_row;
  AdwActionRow        *participants_row;
  AdwActionRow        *scope_row;
  EvidentAgendaList   *agenda_list;
  GtkEntry            *finding_ref_entry;
  GtkEntry            *finding_text_entry;
  GtkListBox          *item_list;
  EvidentFindingsList *findings_list;
};

G_DEFINE_FINAL_TYPE (EvidentSessionView, evident_session_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The items in scope */

static void
update_item_row (EvidentSessionView *self,
                 GtkWidget          *row)
{
  EvidentItem *item = g_object_get_data (G_OBJECT (row), "item");
  GtkWidget *pill = g_object_get_data (G_OBJECT (row), "pill");
  EvidentVerdict verdict = evident_session_get_verdict (self->session, item);
  const char *old_class = g_object_get_data (G_OBJECT (row), "pill-class");
  const char *new_class = evident_verdict_get_css_class (verdict);
  g_autofree char *title = g_strdup_printf ("%s %s", evident_item_get_ref (item),
                                            evident_item_get_title (item));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               evident_status_get_label (evident_item_get_status (item)));
  gtk_label_set_label (GTK_LABEL (pill), verdict != EVIDENT_VERDICT_NONE
                                           ? evident_verdict_get_label (verdict)
                                           : _("No verdict"));
  if (old_class != NULL)
    gtk_widget_remove_css_class (pill, old_class);
  gtk_widget_add_css_class (pill, new_class);
  g_object_set_data (G_OBJECT (row), "pill-class", (gpointer) new_class);
}

static GtkWidget *
create_item_row (EvidentSessionView *self,
                 EvidentItem        *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = gtk_label_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "evident-verdict-pill");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "pill", pill);
  update_item_row (self, row);
  return row;
}

static void
fill_items (EvidentSessionView *self)
{
  GtkWidget *child;
  GListModel *items;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->item_list))) != NULL)
    gtk_list_box_remove (self->item_list, child);
  if (self->project == NULL || self->session == NULL)
    return;

  items = evident_project_get_items (self->project);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (evident_session_covers (self->session, item))
        gtk_list_box_append (self->item_list, create_item_row (self, item));
    }
}

static void
update_items (EvidentSessionView *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->item_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "item") != NULL)
      {
        update_item_row (self, row);
        n++;
      }
  /* A revision took items out of the scope, or put some in. */
  if (n != evident_session_get_n_items (self->session))
    fill_items (self);
}

/* Where it stands */

static void
update_summary (EvidentSessionView *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *score = NULL;
  g_autofree char *participants = NULL;
  g_autofree char *scope = NULL;
  EvidentSessionState state;
  const char *label;

  if (self->session == NULL)
    return;

  state = evident_session_get_state (self->session);
  title = evident_session_dup_title (self->session);
  /* Translators: under a session's title: its kind and state, as in
   * "Dry run · Open" */
  subtitle = g_strdup_printf (_("%s · %s"),
                              evident_session_kind_get_label (evident_session_get_kind (self->session)),
                              evident_session_state_get_label (state));
  counts = evident_session_dup_counts_text (self->session);
  score = evident_session_dup_score_text (self->session);
  participants = evident_session_dup_participants_text (self->session);
  scope = evident_session_dup_scope_text (self->session);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  adw_action_row_set_subtitle (self->verdicts_row, counts);
  adw_action_row_set_subtitle (self->score_row, score);
  adw_action_row_set_subtitle (self->participants_row, participants);
  adw_action_row_set_subtitle (self->scope_row, scope);

  switch (state)
    {
    case EVIDENT_SESSION_PLANNED:
      label = _("_Open Session");
      break;
    case EVIDENT_SESSION_OPEN:
      label = _("_Close Session");
      break;
    case EVIDENT_SESSION_CLOSED:
    default:
      label = _("_Reopen Session");
      break;
    }
  gtk_button_set_label (self->state_button, label);
  evident_a11y_name_mnemonics (GTK_WIDGET (self->state_button));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.record-verdict",
                                 state != EVIDENT_SESSION_CLOSED);
}

static void
project_changed_cb (EvidentSessionView *self)
{
  if (self->session == NULL)
    return;
  update_summary (self);
  update_items (self);
}

/* Actions */

static void
item_row_activated_cb (EvidentSessionView *self,
                       GtkListBoxRow      *row)
{
  EvidentItem *item = g_object_get_data (G_OBJECT (row), "item");

  if (item != NULL)
    evident_session_view_record_verdict (self, item);
}

static void
record_verdict_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EvidentSessionView *self = EVIDENT_SESSION_VIEW (widget);
  EvidentItem *item;

  if (self->project == NULL || self->session == NULL)
    return;
  item = evident_project_lookup_item (self->project, g_variant_get_string (parameter, NULL));
  if (item != NULL)
    evident_session_view_record_verdict (self, item);
}

static void
toggle_state_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvidentSessionView *self = EVIDENT_SESSION_VIEW (widget);
  g_autoptr (GError) error = NULL;
  EvidentSessionState state;
  const char *message;

  if (self->session == NULL)
    return;
  if (evident_session_get_state (self->session) == EVIDENT_SESSION_OPEN)
    {
      state = EVIDENT_SESSION_CLOSED;
      message = _("Session closed");
    }
  else
    {
      state = EVIDENT_SESSION_OPEN;
      message = _("Session open");
    }
  if (!evident_session_set_state (self->session, state, &error))
    evident_audit_toast_error (widget, error);
  else
    evident_audit_toast (widget, message, TRUE);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvidentSessionView *self = EVIDENT_SESSION_VIEW (widget);

  if (self->session != NULL)
    gtk_widget_activate_action (widget, "win.present-session", "x",
                                evident_session_get_id (self->session));
}

static void
add_finding (EvidentSessionView *self)
{
  g_autoptr (GError) error = NULL;

  if (evident_session_view_add_finding (self, gtk_editable_get_text (GTK_EDITABLE (self->finding_ref_entry)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->finding_text_entry)),
                                        &error) == NULL)
    {
      evident_audit_toast_error (GTK_WIDGET (self), error);
      return;
    }
  /* Ready for the next one, as the auditor goes on. */
  gtk_editable_set_text (GTK_EDITABLE (self->finding_ref_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->finding_text_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->finding_ref_entry));
  evident_audit_toast (GTK_WIDGET (self), _("Finding added"), TRUE);
}

static void
add_finding_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  add_finding (EVIDENT_SESSION_VIEW (widget));
}

static void
finding_activate_cb (EvidentSessionView *self)
{
  add_finding (self);
}

/* GObject */

static void
evident_session_view_dispose (GObject *object)
{
  EvidentSessionView *self = EVIDENT_SESSION_VIEW (object);

  evident_session_view_set_session (self, NULL);
  evident_session_view_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_SESSION_VIEW);

  G_OBJECT_CLASS (evident_session_view_parent_class)->dispose (object);
}

static void
evident_session_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EvidentSessionView *self = EVIDENT_SESSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_session_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EvidentSessionView *self = EVIDENT_SESSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_session_view_set_project (self, g_value_get_object (value));
      break;

    case PROP_SESSION:
      evident_session_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_session_view_class_init (EvidentSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_session_view_dispose;
  object_class->get_property = evident_session_view_get_property;
  object_class->set_property = evident_session_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvidentSessionView:session:
   *
   * The session shown, one of the project's; set after the project.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, EVIDENT_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EVIDENT_TYPE_AGENDA_LIST);
  g_type_ensure (EVIDENT_TYPE_FINDINGS_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-session-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionView, title_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionView, state_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionView, verdicts_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionView, score_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionView, participants_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionView, scope_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionView, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionView, finding_ref_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionView, finding_text_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionView, item_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionView, findings_list);
  gtk_widget_class_bind_template_callback (widget_class, item_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, finding_activate_cb);

  gtk_widget_class_bind_template_child (widget_class, EvidentSessionView, add_finding_button);
  gtk_widget_class_install_action (widget_class, "session.record-verdict", "s",
                                   record_verdict_action);
  gtk_widget_class_install_action (widget_class, "session.toggle-state", NULL,
                                   toggle_state_action);
  gtk_widget_class_install_action (widget_class, "session.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "session.add-finding", NULL, add_finding_action);
}

static void
evident_session_view_init (EvidentSessionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  evident_a11y_name_mnemonics (GTK_WIDGET (self));
  /* "Add" says more with what it adds. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_finding_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Finding"),
                                  -1);
}

EvidentProject *
evident_session_view_get_project (EvidentSessionView *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION_VIEW (self), NULL);

  return self->project;
}

void
evident_session_view_set_project (EvidentSessionView *self,
                                  EvidentProject     *project)
{
  g_return_if_fail (EVIDENT_IS_SESSION_VIEW (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  evident_session_view_set_session (self, NULL);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self,
                             G_CONNECT_SWAPPED);
  evident_findings_list_set_project (self->findings_list, project);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentSession *
evident_session_view_get_session (EvidentSessionView *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION_VIEW (self), NULL);

  return self->session;
}

void
evident_session_view_set_session (EvidentSessionView *self,
                                  EvidentSession     *session)
{
  g_return_if_fail (EVIDENT_IS_SESSION_VIEW (self));
  g_return_if_fail (session == NULL || EVIDENT_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  evident_findings_list_set_session (self->findings_list, session);
  evident_agenda_list_set_session (self->agenda_list, session);
  fill_items (self);
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkListBox *
evident_session_view_get_item_list (EvidentSessionView *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION_VIEW (self), NULL);

  return self->item_list;
}

/**
 * evident_session_view_record_verdict:
 * @item: an item in the session's scope
 *
 * Asks for @item's verdict, and records it on the dialog's "record"
 * response (`session.record-verdict`).
 *
 * Returns: (transfer none): the dialog, shown
 */
GtkWidget *
evident_session_view_record_verdict (EvidentSessionView *self,
                                     EvidentItem        *item)
{
  EvidentVerdictDialog *dialog;

  g_return_val_if_fail (EVIDENT_IS_SESSION_VIEW (self), NULL);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), NULL);
  g_return_val_if_fail (self->session != NULL, NULL);

  dialog = evident_verdict_dialog_new (evident_audit_ui_get_parent (GTK_WIDGET (self)),
                                       self->session, item);
  evident_audit_ui_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog), "record",
                                   (EvidentAuditDialogApply) evident_verdict_dialog_apply,
                                   _("Verdict recorded"));
  return GTK_WIDGET (dialog);
}

/**
 * evident_session_view_add_finding:
 * @ref: (nullable): an item's reference; %NULL or blank for a finding on
 *   the whole session
 * @text: what was found
 * @error: return location for an error
 *
 * Records a finding as presented (`session.add-finding`): one edit.
 *
 * Returns: (transfer none) (nullable): the finding, or %NULL with @error set
 */
EvidentFinding *
evident_session_view_add_finding (EvidentSessionView  *self,
                                  const char          *ref,
                                  const char          *text,
                                  GError             **error)
{
  g_autofree char *stripped_ref = g_strstrip (g_strdup (ref != NULL ? ref : ""));
  g_autofree char *stripped_text = g_strstrip (g_strdup (text != NULL ? text : ""));
  EvidentItem *item = NULL;

  g_return_val_if_fail (EVIDENT_IS_SESSION_VIEW (self), NULL);
  g_return_val_if_fail (self->session != NULL, NULL);

  if (*stripped_ref != '\0')
    {
      item = evident_project_lookup_item (self->project, stripped_ref);
      if (item == NULL)
        {
          g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND,
                       _("The project has no item %s"), stripped_ref);
          return NULL;
        }
    }
  return evident_session_add_finding (self->session, item, stripped_text, error);
}
