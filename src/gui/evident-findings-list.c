/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-address-dialog.h"
#include "evident-audit-ui.h"
#include "evident-audit.h"
#include "evident-findings-list.h"
#include "evident-item.h"

/*
 * EvidentFindingsList: the findings of a project, of one session, or of
 * one item (:per-item, in the item editor): open, addressed, or all. Each
 * row says what was found, on which item and in which session, with which
 * verdict, and how it was addressed; choosing a row opens its item
 * (`win.open-item`), or its session in an item's list (`win.show-session`);
 * its button addresses it (EvidentAddressDialog) or opens it again. The
 * list is a filter over the audit's list model, and follows every edit,
 * undo and redo (EvidentProject::changed). In a project open read-only,
 * the buttons are off.
 */

struct _EvidentFindingsList
{
  AdwBin               parent_instance;

  EvidentProject      *project;
  EvidentSession      *session;
  EvidentItem         *item;
  EvidentFindingsShow  show;
  gboolean             per_item;
  gboolean             has_findings;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *model;

  /* Template widgets */
  AdwPreferencesGroup *group;
  GtkDropDown         *show_dropdown;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (EvidentFindingsList, evident_findings_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SESSION,
  PROP_ITEM,
  PROP_PER_ITEM,
  PROP_SHOW,
  PROP_HAS_FINDINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Whether @finding is one of those the list is about, open or not. */
static gboolean
in_scope (EvidentFindingsList *self,
          EvidentFinding      *finding)
{
  if (self->session != NULL && evident_finding_get_session (finding) != self->session)
    return FALSE;
  if (self->per_item && (self->item == NULL || evident_finding_get_item (finding) != self->item))
    return FALSE;
  return TRUE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  EvidentFindingsList *self = user_data;
  EvidentFinding *finding = item;
  gboolean open = evident_finding_get_state (finding) == EVIDENT_FINDING_OPEN;

  if (!in_scope (self, finding))
    return FALSE;
  switch (self->show)
    {
    case EVIDENT_FINDINGS_SHOW_OPEN:
      return open;
    case EVIDENT_FINDINGS_SHOW_ADDRESSED:
      return !open;
    case EVIDENT_FINDINGS_SHOW_ALL:
    default:
      return TRUE;
    }
}

/* Whether any finding is in scope, whichever are shown. */
static void
update_has_findings (EvidentFindingsList *self)
{
  gboolean has_findings = FALSE;
  GListModel *findings = self->model != NULL ? gtk_filter_list_model_get_model (self->model) : NULL;
  guint n = findings != NULL ? g_list_model_get_n_items (findings) : 0;

  for (guint i = 0; i < n && !has_findings; i++)
    {
      g_autoptr (EvidentFinding) finding = g_list_model_get_item (findings, i);

      has_findings = in_scope (self, finding);
    }
  if (self->has_findings == has_findings)
    return;
  self->has_findings = has_findings;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_FINDINGS]);
}

/* Rows */

static void
update_row (GtkWidget *row)
{
  EvidentFindingsList *self = g_object_get_data (G_OBJECT (row), "list");
  EvidentFinding *finding = g_object_get_data (G_OBJECT (row), "finding");
  GtkButton *button = g_object_get_data (G_OBJECT (row), "button");
  GtkWidget *pill = g_object_get_data (G_OBJECT (row), "pill");
  EvidentVerdict verdict = evident_finding_get_verdict (finding);
  gboolean open = evident_finding_get_state (finding) == EVIDENT_FINDING_OPEN;
  g_autofree char *place = NULL;
  g_autofree char *state = evident_finding_dup_state_text (finding);
  g_autofree char *subtitle = NULL;
  g_autofree char *button_name = NULL;

  /* In an item's list, the item goes without saying: the verdict it came
   * with and the session, in words, as the item editor is narrow. */
  if (self->per_item && evident_finding_get_session (finding) != NULL)
    {
      g_autofree char *session = evident_session_dup_title (evident_finding_get_session (finding));

      place = verdict != EVIDENT_VERDICT_NONE
                /* Translators: where a finding was made, in an item's
                 * findings: the verdict, then the session */
                ? g_strdup_printf (_("%s in %s"), evident_verdict_get_label (verdict), session)
                : g_steal_pointer (&session);
    }
  else
    place = evident_finding_dup_place_text (finding);
  /* Translators: under a finding: where it was made, then its state */
  subtitle = g_strdup_printf (_("%s · %s"), place, state);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evident_finding_get_text (finding));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Elsewhere, the verdict beside it; none for a closing finding typed in. */
  gtk_widget_set_visible (pill, verdict != EVIDENT_VERDICT_NONE && !self->per_item);
  gtk_label_set_label (GTK_LABEL (pill), evident_verdict_get_label (verdict));
  gtk_widget_set_css_classes (pill, (const char *[]) { "evident-verdict-pill",
                                                       evident_verdict_get_css_class (verdict),
                                                       NULL });

  gtk_button_set_label (button, open ? _("_Address…") : _("_Reopen"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button),
                                  open ? "findings.address" : "findings.reopen");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (evident_finding_get_id (finding)));
  /* Translators: a button's name for screen readers, %s is the finding */
  button_name = g_strdup_printf (open ? _("Address “%s”") : _("Reopen “%s”"),
                                 evident_finding_get_text (finding));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_name,
                                  -1);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  EvidentFindingsList *self = user_data;
  EvidentFinding *finding = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new ();
  GtkWidget *pill = gtk_label_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* In the narrow item editor, the subtitle says it all, on as many
   * lines as it takes. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), self->per_item ? 0 : 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row),
                                    self->per_item
                                      ? evident_finding_get_session (finding) != NULL
                                      : evident_finding_get_item (finding) != NULL);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  gtk_button_set_use_underline (GTK_BUTTON (button), TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  /* The row lives in the list: it needs no reference to it. */
  g_object_set_data (G_OBJECT (row), "list", self);
  g_object_set_data_full (G_OBJECT (row), "finding", g_object_ref (finding), g_object_unref);
  g_object_set_data (G_OBJECT (row), "button", button);
  g_object_set_data (G_OBJECT (row), "pill", pill);
  g_signal_connect_object (finding, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  update_row (row);
  return row;
}

static void
update_placeholder (EvidentFindingsList *self)
{
  const char *text;
  GtkWidget *label;

  switch (self->show)
    {
    case EVIDENT_FINDINGS_SHOW_OPEN:
      text = _("No open findings");
      break;
    case EVIDENT_FINDINGS_SHOW_ADDRESSED:
      text = _("No findings addressed yet");
      break;
    case EVIDENT_FINDINGS_SHOW_ALL:
    default:
      text = _("No findings yet");
      break;
    }
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_set_placeholder (self->list, label);
}

/* Callbacks */

static void
project_changed_cb (EvidentFindingsList *self)
{
  /* A finding addressed, reopened, recorded, or taken back by undo. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_has_findings (self);
}

static void
read_only_changed_cb (EvidentFindingsList *self)
{
  gboolean editable = self->project != NULL && !evident_project_get_read_only (self->project);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "findings.address", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "findings.reopen", editable);
}

static void
update_description (EvidentFindingsList *self)
{
  const char *description;

  if (self->per_item)
    description = _("What the sessions found on this item. Choose one to open its session.");
  else if (self->session != NULL)
    description = _("What this session found. Choose one to open its item.");
  else
    description = _("What the sessions found, to address before the audit. Choose one to open its item.");
  adw_preferences_group_set_description (self->group, description);
}

static void
show_selected_cb (EvidentFindingsList *self)
{
  evident_findings_list_set_show (self, gtk_drop_down_get_selected (self->show_dropdown));
}

static void
row_activated_cb (EvidentFindingsList *self,
                  GtkListBoxRow       *row)
{
  EvidentFinding *finding = g_object_get_data (G_OBJECT (row), "finding");
  EvidentItem *item = finding != NULL ? evident_finding_get_item (finding) : NULL;
  EvidentSession *session = finding != NULL ? evident_finding_get_session (finding) : NULL;

  if (self->per_item && session != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-session", "x",
                                evident_session_get_id (session));
  else if (!self->per_item && item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-item", "s",
                                evident_item_get_ref (item));
}

static EvidentFinding *
lookup_finding (EvidentFindingsList *self,
                GVariant            *parameter)
{
  if (self->project == NULL)
    return NULL;
  return evident_audit_lookup_finding (evident_audit_get_for_project (self->project),
                                       g_variant_get_int64 (parameter));
}

static void
address_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvidentFindingsList *self = EVIDENT_FINDINGS_LIST (widget);
  EvidentFinding *finding = lookup_finding (self, parameter);

  if (finding != NULL)
    evident_findings_list_address (self, finding);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvidentFindingsList *self = EVIDENT_FINDINGS_LIST (widget);
  EvidentFinding *finding = lookup_finding (self, parameter);
  g_autoptr (GError) error = NULL;

  if (finding == NULL)
    return;
  if (!evident_finding_reopen (finding, &error))
    evident_audit_toast_error (widget, error);
  else
    evident_audit_toast (widget, _("Finding open again"), TRUE);
}

/* GObject */

static void
evident_findings_list_dispose (GObject *object)
{
  EvidentFindingsList *self = EVIDENT_FINDINGS_LIST (object);

  evident_findings_list_set_project (self, NULL);
  /* The bin's child is a template child: the bin lets go of it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_FINDINGS_LIST);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);
  g_clear_object (&self->session);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (evident_findings_list_parent_class)->dispose (object);
}

static void
evident_findings_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EvidentFindingsList *self = EVIDENT_FINDINGS_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_PER_ITEM:
      g_value_set_boolean (value, self->per_item);
      break;

    case PROP_SHOW:
      g_value_set_int (value, self->show);
      break;

    case PROP_HAS_FINDINGS:
      g_value_set_boolean (value, self->has_findings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_findings_list_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EvidentFindingsList *self = EVIDENT_FINDINGS_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_findings_list_set_project (self, g_value_get_object (value));
      break;

    case PROP_SESSION:
      evident_findings_list_set_session (self, g_value_get_object (value));
      break;

    case PROP_ITEM:
      evident_findings_list_set_item (self, g_value_get_object (value));
      break;

    case PROP_PER_ITEM:
      self->per_item = g_value_get_boolean (value);
      update_description (self);
      break;

    case PROP_SHOW:
      evident_findings_list_set_show (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_findings_list_class_init (EvidentFindingsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_findings_list_dispose;
  object_class->get_property = evident_findings_list_get_property;
  object_class->set_property = evident_findings_list_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvidentFindingsList:session:
   *
   * Only this session's findings; %NULL for every session's.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, EVIDENT_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvidentFindingsList:item:
   *
   * With :per-item, the item whose findings the list shows.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, EVIDENT_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvidentFindingsList:per-item:
   *
   * Whether the list shows one item's findings, those of :item (none
   * without one), as the item editor does: its rows then name the session
   * rather than the item, and open the session when chosen.
   */
  properties[PROP_PER_ITEM] =
    g_param_spec_boolean ("per-item", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * EvidentFindingsList:has-findings:
   *
   * Whether there is any finding in the list's scope (the session's, the
   * item's or the project's), whichever of them :show shows.
   */
  properties[PROP_HAS_FINDINGS] =
    g_param_spec_boolean ("has-findings", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvidentFindingsList:show:
   *
   * Which findings: an #EvidentFindingsShow.
   */
  properties[PROP_SHOW] =
    g_param_spec_int ("show", NULL, NULL, EVIDENT_FINDINGS_SHOW_OPEN, EVIDENT_FINDINGS_SHOW_ALL,
                      EVIDENT_FINDINGS_SHOW_OPEN,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-findings-list.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentFindingsList, group);
  gtk_widget_class_bind_template_child (widget_class, EvidentFindingsList, show_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EvidentFindingsList, list);
  gtk_widget_class_bind_template_callback (widget_class, show_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "findings.address", "x", address_action);
  gtk_widget_class_install_action (widget_class, "findings.reopen", "x", reopen_action);
}

static void
evident_findings_list_init (EvidentFindingsList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  evident_a11y_name_drop_down (self->show_dropdown, _("Show Findings"));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->model = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->model), create_row, self, NULL);
  update_placeholder (self);
}

EvidentProject *
evident_findings_list_get_project (EvidentFindingsList *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDINGS_LIST (self), NULL);

  return self->project;
}

void
evident_findings_list_set_project (EvidentFindingsList *self,
                                   EvidentProject      *project)
{
  g_return_if_fail (EVIDENT_IS_FINDINGS_LIST (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::read-only", G_CALLBACK (read_only_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  if (self->session != NULL && project == NULL)
    g_clear_object (&self->session);
  if (self->item != NULL && project == NULL)
    g_clear_object (&self->item);
  if (self->model != NULL)
    {
      GListModel *old = gtk_filter_list_model_get_model (self->model);
      GListModel *findings = project != NULL
                               ? evident_audit_get_findings (evident_audit_get_for_project (project))
                               : NULL;

      if (old != NULL)
        g_signal_handlers_disconnect_by_data (old, self);
      gtk_filter_list_model_set_model (self->model, findings);
      /* A finding recorded or taken back, as the audit reads it again. */
      if (findings != NULL)
        g_signal_connect_object (findings, "items-changed", G_CALLBACK (update_has_findings), self,
                                 G_CONNECT_SWAPPED);
    }
  read_only_changed_cb (self);
  update_has_findings (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentSession *
evident_findings_list_get_session (EvidentFindingsList *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDINGS_LIST (self), NULL);

  return self->session;
}

void
evident_findings_list_set_session (EvidentFindingsList *self,
                                   EvidentSession      *session)
{
  g_return_if_fail (EVIDENT_IS_FINDINGS_LIST (self));
  g_return_if_fail (session == NULL || EVIDENT_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  update_description (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_has_findings (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

EvidentItem *
evident_findings_list_get_item (EvidentFindingsList *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDINGS_LIST (self), NULL);

  return self->item;
}

/**
 * evident_findings_list_set_item:
 * @item: (nullable): an item of the list's project
 *
 * With :per-item, shows @item's findings, from every session.
 */
void
evident_findings_list_set_item (EvidentFindingsList *self,
                                EvidentItem         *item)
{
  g_return_if_fail (EVIDENT_IS_FINDINGS_LIST (self));
  g_return_if_fail (item == NULL || EVIDENT_IS_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_has_findings (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

gboolean
evident_findings_list_get_has_findings (EvidentFindingsList *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDINGS_LIST (self), FALSE);

  return self->has_findings;
}

EvidentFindingsShow
evident_findings_list_get_show (EvidentFindingsList *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDINGS_LIST (self), EVIDENT_FINDINGS_SHOW_OPEN);

  return self->show;
}

void
evident_findings_list_set_show (EvidentFindingsList *self,
                                EvidentFindingsShow  show)
{
  g_return_if_fail (EVIDENT_IS_FINDINGS_LIST (self));
  g_return_if_fail (show <= EVIDENT_FINDINGS_SHOW_ALL);

  if (self->show == show)
    return;
  self->show = show;
  gtk_drop_down_set_selected (self->show_dropdown, show);
  update_placeholder (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW]);
}

/**
 * evident_findings_list_get_model:
 *
 * Returns: (transfer none): the findings shown (#EvidentFinding)
 */
GListModel *
evident_findings_list_get_model (EvidentFindingsList *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDINGS_LIST (self), NULL);

  return G_LIST_MODEL (self->model);
}

/**
 * evident_findings_list_get_list:
 *
 * Returns: (transfer none): the list box of the findings' rows
 */
GtkListBox *
evident_findings_list_get_list (EvidentFindingsList *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDINGS_LIST (self), NULL);

  return self->list;
}

/**
 * evident_findings_list_address:
 * @finding: a finding of the project
 *
 * Asks how @finding was addressed (`findings.address`), and addresses it
 * on the dialog's "address" response.
 *
 * Returns: (transfer none): the dialog, shown
 */
GtkWidget *
evident_findings_list_address (EvidentFindingsList *self,
                               EvidentFinding      *finding)
{
  EvidentAddressDialog *dialog;

  g_return_val_if_fail (EVIDENT_IS_FINDINGS_LIST (self), NULL);
  g_return_val_if_fail (EVIDENT_IS_FINDING (finding), NULL);
  g_return_val_if_fail (self->project != NULL, NULL);

  dialog = evident_address_dialog_new (evident_audit_ui_get_parent (GTK_WIDGET (self)),
                                       self->project, finding);
  evident_audit_ui_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog), "address",
                                   (EvidentAuditDialogApply) evident_address_dialog_apply,
                                   _("Finding addressed"));
  return GTK_WIDGET (dialog);
}
