/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "evident-a11y.h"
#include "evident-enums-util.h"
#include "evident-placeholder-row.h"
#include "evident-scenario-panel.h"
#include "evident-scenario.h"

/*
 * EvidentScenarioPanel: the what-if scenarios kept in the project, side by
 * side with the real state. Each row gives a scenario's score in every
 * view and its difference from the real one, marked as an assumption; a
 * scenario is applied (one edit, undone as one) or deleted from its row.
 * Scenarios are read again after each edit, since their scores follow it.
 */

#define RELOAD_DELAY_MS 150

struct _EvidentScenarioPanel
{
  AdwBin          parent_instance;

  GtkListBox     *list;
  EvidentProject *project;
  guint           n_scenarios;
  guint           reload_id;
};

G_DEFINE_FINAL_TYPE (EvidentScenarioPanel, evident_scenario_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const EvidentView shown_views[] = {
  EVIDENT_VIEW_CONFIRMED, EVIDENT_VIEW_PROJECTED, EVIDENT_VIEW_BEST,
};

/**
 * evident_scenario_panel_dup_scores:
 * @score: a score: the project's, or @scenario's
 * @scenario: (nullable): the scenario @score is of
 *
 * Returns: (transfer full): "Projected 912 (+64), passes" for each view,
 *   the difference only for a scenario
 */
char *
evident_scenario_panel_dup_scores (const EvidentScore *score,
                                   EvidentScenario    *scenario)
{
  g_autoptr (GString) text = g_string_new (NULL);
  gboolean pass_fail = score->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL;

  for (guint i = 0; i < G_N_ELEMENTS (shown_views); i++)
    {
      EvidentView view = shown_views[i];
      const EvidentViewScore *view_score = &score->views[view];
      g_autofree char *value = NULL;
      const char *verdict = view_score->pass ? _("passes") : _("fails");

      if (pass_fail)
        /* Translators: a pass-fail score, the share of items counted */
        value = g_strdup_printf (_("%ld %%"), lround (view_score->score));
      else
        value = g_strdup_printf ("%ld", lround (view_score->score));

      if (i > 0)
        g_string_append (text, " · ");
      if (scenario != NULL)
        /* Translators: a view's score in a scenario and its difference
         * from the real one, e.g. "Projected 912 (+64), passes" */
        g_string_append_printf (text, _("%s %s (%+ld), %s"), evident_view_get_label (view), value,
                                lround (evident_scenario_get_difference (scenario, view)),
                                verdict);
      else
        /* Translators: a view's real score, e.g. "Projected 848, fails" */
        g_string_append_printf (text, _("%s %s, %s"), evident_view_get_label (view), value,
                                verdict);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_tag (const char *text,
            const char *css_class)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "caption-heading");
  gtk_widget_add_css_class (tag, "evident-tag");
  gtk_widget_add_css_class (tag, css_class);
  return tag;
}

static GtkWidget *
create_real_row (EvidentProject *project)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *scores = evident_scenario_panel_dup_scores (evident_project_get_score (project),
                                                               NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Current State"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), scores);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_tag (_("Real"), "evident-real-tag"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
create_button (const char *icon_name,
               const char *tooltip,
               const char *accessible,
               const char *action,
               const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (name));
  return button;
}

static GtkWidget *
create_scenario_row (EvidentScenario *scenario,
                     gboolean         read_only)
{
  GtkWidget *row = adw_action_row_new ();
  const char *name = evident_scenario_get_name (scenario);
  guint n_assumptions = evident_scenario_get_n_assumptions (scenario);
  g_autofree char *scores =
    evident_scenario_panel_dup_scores (evident_scenario_get_score (scenario), scenario);
  g_autofree char *subtitle = NULL;
  g_autofree char *apply = NULL;
  g_autofree char *delete = NULL;
  g_autofree char *edit = NULL;
  GtkWidget *button;

  /* Translators: under a scenario's name: its assumptions, then its scores */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "What-if, not the real state: %u assumption\n%s",
                                           "What-if, not the real state: %u assumptions\n%s",
                                           n_assumptions),
                              n_assumptions, scores);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "evident-scenario");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             create_tag (C_("scenario", "What-if"), "evident-what-if-tag"));

  /* Translators: %s is a scenario's name */
  edit = g_strdup_printf (_("Edit scenario %s in what-if mode"), name);
  button = create_button ("document-edit-symbolic", _("Edit in What-If Mode"), edit,
                          "whatif.edit", name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  /* Translators: %s is a scenario's name */
  apply = g_strdup_printf (_("Apply scenario %s"), name);
  button = create_button ("object-select-symbolic", _("Apply to the Project…"), apply,
                          "scenarios.apply", name);
  gtk_widget_set_sensitive (button, !read_only);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  /* Translators: %s is a scenario's name */
  delete = g_strdup_printf (_("Delete scenario %s"), name);
  button = create_button ("user-trash-symbolic", _("Delete Scenario"), delete,
                          "scenarios.delete", name);
  gtk_widget_set_sensitive (button, !read_only);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* Applying and deleting */

static void
show_error (EvidentScenarioPanel *self,
            const char           *heading,
            const GError         *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  evident_a11y_name_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
apply_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  EvidentScenarioPanel *self = user_data;
  const char *name = g_object_get_data (G_OBJECT (dialog), "evident-scenario");
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "apply")
      && !evident_scenario_panel_apply (self, name, &error))
    show_error (self, _("The Scenario Was Not Applied"), error);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EvidentScenarioPanel *self = EVIDENT_SCENARIO_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a scenario's name */
  heading = g_strdup_printf (_("Apply “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The items the scenario assumes met become met, and "
                                     "those it assumes not met become not met. This is one "
                                     "edit: Undo takes it back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", _("_Apply"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "evident-scenario", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (apply_response_cb), self, 0);
  evident_a11y_name_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvidentScenarioPanel *self = EVIDENT_SCENARIO_PANEL (widget);
  g_autoptr (GError) error = NULL;

  /* A scenario is only assumptions, and the plan makes a new one in a
   * click: deleting needs no question. */
  if (!evident_scenario_panel_delete (self, g_variant_get_string (parameter, NULL), &error))
    show_error (self, _("The Scenario Was Not Deleted"), error);
}

/* Callbacks */

static gboolean
reload_cb (gpointer user_data)
{
  EvidentScenarioPanel *self = user_data;

  self->reload_id = 0;
  evident_scenario_panel_reload (self);
  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (EvidentScenarioPanel *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
}

/* GObject */

static void
evident_scenario_panel_dispose (GObject *object)
{
  EvidentScenarioPanel *self = EVIDENT_SCENARIO_PANEL (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (evident_scenario_panel_parent_class)->dispose (object);
}

static void
evident_scenario_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EvidentScenarioPanel *self = EVIDENT_SCENARIO_PANEL (object);

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
evident_scenario_panel_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  EvidentScenarioPanel *self = EVIDENT_SCENARIO_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_scenario_panel_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_scenario_panel_class_init (EvidentScenarioPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_scenario_panel_dispose;
  object_class->get_property = evident_scenario_panel_get_property;
  object_class->set_property = evident_scenario_panel_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "scenarios.apply", "s", apply_action);
  gtk_widget_class_install_action (widget_class, "scenarios.delete", "s", delete_action);
  gtk_widget_class_set_css_name (widget_class, "evidentscenariopanel");
}

static void
evident_scenario_panel_init (EvidentScenarioPanel *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, _("What-If Scenarios"));
  adw_preferences_group_set_description (group,
                                         _("Assumptions kept beside the project, compared with "
                                           "its real state. Nothing changes until you apply "
                                           "one."));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What-if scenarios"),
                                  -1);
  adw_preferences_group_add (group, GTK_WIDGET (self->list));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (group));
}

/**
 * evident_scenario_panel_new:
 *
 * Returns: (transfer floating): a new scenario panel
 */
GtkWidget *
evident_scenario_panel_new (void)
{
  return g_object_new (EVIDENT_TYPE_SCENARIO_PANEL, NULL);
}

EvidentProject *
evident_scenario_panel_get_project (EvidentScenarioPanel *self)
{
  g_return_val_if_fail (EVIDENT_IS_SCENARIO_PANEL (self), NULL);

  return self->project;
}

void
evident_scenario_panel_set_project (EvidentScenarioPanel *self,
                                    EvidentProject       *project)
{
  g_return_if_fail (EVIDENT_IS_SCENARIO_PANEL (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self,
                             G_CONNECT_SWAPPED);

  evident_scenario_panel_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * evident_scenario_panel_reload:
 *
 * Reads the project's scenarios again: after one was kept elsewhere.
 */
void
evident_scenario_panel_reload (EvidentScenarioPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = NULL;
  GtkWidget *child;
  gboolean read_only;

  g_return_if_fail (EVIDENT_IS_SCENARIO_PANEL (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_scenarios = 0;
  if (self->project == NULL)
    return;

  read_only = evident_project_get_read_only (self->project);
  gtk_list_box_append (self->list, create_real_row (self->project));
  names = evident_scenario_list (self->project, &error);
  if (names == NULL)
    {
      gtk_list_box_append (self->list, evident_placeholder_row_new (error->message));
      return;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr (GError) load_error = NULL;
      g_autoptr (EvidentScenario) scenario = evident_scenario_load (self->project, names[i],
                                                                    &load_error);

      if (scenario == NULL)
        {
          gtk_list_box_append (self->list, evident_placeholder_row_new (load_error->message));
          continue;
        }
      gtk_list_box_append (self->list, create_scenario_row (scenario, read_only));
      self->n_scenarios++;
    }

  if (self->n_scenarios == 0)
    gtk_list_box_append (self->list,
                         evident_placeholder_row_new (_("No scenario kept yet. Keep the plan to "
                                                   "pass as one to compare it here.")));
}

GtkListBox *
evident_scenario_panel_get_list (EvidentScenarioPanel *self)
{
  g_return_val_if_fail (EVIDENT_IS_SCENARIO_PANEL (self), NULL);

  return self->list;
}

guint
evident_scenario_panel_get_n_scenarios (EvidentScenarioPanel *self)
{
  g_return_val_if_fail (EVIDENT_IS_SCENARIO_PANEL (self), 0);

  return self->n_scenarios;
}

/**
 * evident_scenario_panel_apply:
 * @name: a scenario's name
 * @error: return location for an error
 *
 * Applies the scenario @name to the project, without asking.
 *
 * Returns: %TRUE when applied
 */
gboolean
evident_scenario_panel_apply (EvidentScenarioPanel  *self,
                              const char            *name,
                              GError               **error)
{
  g_autoptr (EvidentScenario) scenario = NULL;

  g_return_val_if_fail (EVIDENT_IS_SCENARIO_PANEL (self), FALSE);
  g_return_val_if_fail (self->project != NULL, FALSE);

  scenario = evident_scenario_load (self->project, name, error);
  if (scenario == NULL || !evident_scenario_apply (scenario, error))
    return FALSE;

  evident_scenario_panel_reload (self);
  return TRUE;
}

/**
 * evident_scenario_panel_delete:
 * @name: a scenario's name
 * @error: return location for an error
 *
 * Deletes the scenario @name from the project.
 *
 * Returns: %TRUE when deleted
 */
gboolean
evident_scenario_panel_delete (EvidentScenarioPanel  *self,
                               const char            *name,
                               GError               **error)
{
  g_return_val_if_fail (EVIDENT_IS_SCENARIO_PANEL (self), FALSE);
  g_return_val_if_fail (self->project != NULL, FALSE);

  if (!evident_scenario_delete (self->project, name, error))
    return FALSE;

  evident_scenario_panel_reload (self);
  return TRUE;
}
