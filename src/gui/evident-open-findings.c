/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-audit-ui.h"
#include "evident-audit.h"
#include "evident-item.h"
#include "evident-open-findings.h"

/*
 * EvidentOpenFindings: the overview's group of the findings still open:
 * how many, and the oldest of them, as the overview lists the mandatory
 * items not counted. Choosing one opens its item (`win.open-item`), or the
 * sessions for a finding on a whole session (`win.show-sessions`).
 */

/* The overview stays short: the rest is on the Sessions page. */
#define N_SHOWN 8

struct _EvidentOpenFindings
{
  AdwBin               parent_instance;

  EvidentProject      *project;
  AdwPreferencesGroup *group;
  GtkListBox          *list;
  char                *count_text;
  /* The ids shown, to keep the rows (and the focus) when they stay */
  GArray              *shown;
};

G_DEFINE_FINAL_TYPE (EvidentOpenFindings, evident_open_findings, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_placeholder_row (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 14);
  gtk_widget_set_margin_bottom (label, 14);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

static GtkWidget *
create_row (EvidentFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *place = evident_finding_dup_place_text (finding);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evident_finding_get_text (finding));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), image);
  g_object_set_data_full (G_OBJECT (row), "finding", g_object_ref (finding), g_object_unref);
  return row;
}

static void
update (EvidentOpenFindings *self)
{
  GListModel *open;
  guint n;
  gboolean same;
  GtkWidget *child;

  if (self->project == NULL)
    return;

  open = evident_audit_get_open_findings (evident_audit_get_for_project (self->project));
  n = g_list_model_get_n_items (open);

  g_free (self->count_text);
  if (n == 0)
    self->count_text = g_strdup (_("Nothing left to address from the sessions."));
  else
    self->count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%u finding to address before the audit.",
                                                     "%u findings to address before the audit.",
                                                     n),
                                        n);
  adw_preferences_group_set_description (self->group, self->count_text);

  same = self->shown->len == MIN (n, N_SHOWN) + (n > N_SHOWN);
  for (guint i = 0; same && i < MIN (n, N_SHOWN); i++)
    {
      g_autoptr (EvidentFinding) finding = g_list_model_get_item (open, i);

      same = g_array_index (self->shown, gint64, i) == evident_finding_get_id (finding);
    }
  if (same && n > 0 && n <= N_SHOWN)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_array_set_size (self->shown, 0);
  for (guint i = 0; i < MIN (n, N_SHOWN); i++)
    {
      g_autoptr (EvidentFinding) finding = g_list_model_get_item (open, i);
      gint64 id = evident_finding_get_id (finding);

      gtk_list_box_append (self->list, create_row (finding));
      g_array_append_val (self->shown, id);
    }
  if (n > N_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more on the Sessions page",
                                                            "And %u more on the Sessions page",
                                                            n - N_SHOWN),
                                               n - N_SHOWN);
      gint64 none = 0;

      gtk_list_box_append (self->list, create_placeholder_row (more));
      g_array_append_val (self->shown, none);
    }
  if (n == 0)
    gtk_list_box_append (self->list, create_placeholder_row (_("No open findings")));
}

static void
row_activated_cb (EvidentOpenFindings *self,
                  GtkListBoxRow       *row)
{
  EvidentFinding *finding = g_object_get_data (G_OBJECT (row), "finding");
  EvidentItem *item;

  if (finding == NULL)
    return;
  item = evident_finding_get_item (finding);
  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-item", "s",
                                evident_item_get_ref (item));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-sessions", NULL);
}

static void
evident_open_findings_dispose (GObject *object)
{
  EvidentOpenFindings *self = EVIDENT_OPEN_FINDINGS (object);

  evident_open_findings_set_project (self, NULL);

  G_OBJECT_CLASS (evident_open_findings_parent_class)->dispose (object);
}

static void
evident_open_findings_finalize (GObject *object)
{
  EvidentOpenFindings *self = EVIDENT_OPEN_FINDINGS (object);

  g_clear_pointer (&self->count_text, g_free);
  g_clear_pointer (&self->shown, g_array_unref);

  G_OBJECT_CLASS (evident_open_findings_parent_class)->finalize (object);
}

static void
evident_open_findings_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EvidentOpenFindings *self = EVIDENT_OPEN_FINDINGS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_open_findings_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EvidentOpenFindings *self = EVIDENT_OPEN_FINDINGS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_open_findings_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_open_findings_class_init (EvidentOpenFindingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_open_findings_dispose;
  object_class->finalize = evident_open_findings_finalize;
  object_class->get_property = evident_open_findings_get_property;
  object_class->set_property = evident_open_findings_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evident_open_findings_init (EvidentOpenFindings *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Open Findings"));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open Findings"),
                                  -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
}

EvidentProject *
evident_open_findings_get_project (EvidentOpenFindings *self)
{
  g_return_val_if_fail (EVIDENT_IS_OPEN_FINDINGS (self), NULL);

  return self->project;
}

void
evident_open_findings_set_project (EvidentOpenFindings *self,
                                   EvidentProject      *project)
{
  g_return_if_fail (EVIDENT_IS_OPEN_FINDINGS (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_object (project, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_array_set_size (self->shown, 0);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

GtkListBox *
evident_open_findings_get_list (EvidentOpenFindings *self)
{
  g_return_val_if_fail (EVIDENT_IS_OPEN_FINDINGS (self), NULL);

  return self->list;
}

/* "3 findings to address before the audit." */
const char *
evident_open_findings_get_count_text (EvidentOpenFindings *self)
{
  g_return_val_if_fail (EVIDENT_IS_OPEN_FINDINGS (self), NULL);

  return self->count_text;
}
