/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-due-date.h"
#include "evident-plan-settings-dialog.h"
#include "evident-plan-settings.h"

/*
 * EvidentPlanSettingsDialog: the project's plan settings in the GUI: the
 * days an item of each complexity takes (when it has no estimate of its
 * own) and the audit date, as `evident-cli settings` sets them. Each
 * change is saved at once, as one edit of the project (one transaction,
 * one step to undo: Ctrl+Z here or in the window), and the plan and the
 * workload follow. The dialog follows the project in turn: an undo shows
 * at once.
 */

struct _EvidentPlanSettingsDialog
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkWidget            *effort_group;
  GtkWidget            *audit_group;
  GtkSpinButton        *low_spin;
  GtkSpinButton        *medium_spin;
  GtkSpinButton        *high_spin;
  GtkMenuButton        *date_button;
  GtkPopover           *date_popover;
  GtkCalendar          *calendar;
  GtkWidget            *date_clear_button;

  EvidentProject       *project;
  guint                 updating;
};

G_DEFINE_FINAL_TYPE (EvidentPlanSettingsDialog, evident_plan_settings_dialog,
                     ADW_TYPE_PREFERENCES_WINDOW)

#define COMPLEXITY_KEY "evident-complexity"

/* Helpers */

static GtkSpinButton *
get_spin (EvidentPlanSettingsDialog *self,
          EvidentComplexity          complexity)
{
  switch (complexity)
    {
    case EVIDENT_COMPLEXITY_LOW:
      return self->low_spin;
    case EVIDENT_COMPLEXITY_MEDIUM:
      return self->medium_spin;
    case EVIDENT_COMPLEXITY_HIGH:
      return self->high_spin;
    case EVIDENT_COMPLEXITY_NONE:
    default:
      return NULL;
    }
}

/* The widgets show the project's settings as saved. */
static void
sync_widgets (EvidentPlanSettingsDialog *self)
{
  const EvidentPlanSettings *settings = evident_project_get_plan_settings (self->project);
  g_autofree char *iso_date = evident_plan_settings_dup_audit_date (settings);
  g_autofree char *label = NULL;
  g_autofree char *accessible = NULL;
  gboolean editable = !evident_project_get_read_only (self->project);

  self->updating++;
  for (guint c = EVIDENT_COMPLEXITY_LOW; c < EVIDENT_N_COMPLEXITIES; c++)
    gtk_spin_button_set_value (get_spin (self, c), settings->effort[c]);
  self->updating--;

  label = iso_date != NULL ? evident_due_date_format (iso_date) : g_strdup (_("No audit date"));
  gtk_menu_button_set_label (self->date_button, label);
  /* Translators: the audit date's button for screen readers, e.g. "Audit
   * date: 14 May 2026" */
  accessible = g_strdup_printf (_("Audit date: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* The row names it after its title too: once is enough. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->date_button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_widget_set_visible (self->date_clear_button, iso_date != NULL);

  gtk_widget_set_sensitive (self->effort_group, editable);
  gtk_widget_set_sensitive (self->audit_group, editable);
}

/* Saves @settings as one edit; a refusal shows as a toast, and the
 * widgets go back to what is saved. */
static void
save (EvidentPlanSettingsDialog *self,
      const EvidentPlanSettings *settings)
{
  g_autoptr (GError) error = NULL;

  if (!evident_project_set_plan_settings (self->project, settings, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      sync_widgets (self);
    }
}

/* AdwPreferencesWindow keeps a search entry even with search off, which
 * a screen reader would read by its class name: it gets a name. */
static void
name_search_entries (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Plan Settings"),
                                    -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_search_entries (child);
}

/* Callbacks */

static void
effort_changed_cb (GtkSpinButton             *spin,
                   EvidentPlanSettingsDialog *self)
{
  EvidentPlanSettings settings;
  EvidentComplexity complexity;

  if (self->updating > 0 || self->project == NULL)
    return;

  complexity = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), COMPLEXITY_KEY));
  settings = *evident_project_get_plan_settings (self->project);
  settings.effort[complexity] = gtk_spin_button_get_value (spin);
  save (self, &settings);
}

/* Days as people write them: "3", "2.5", not "3.00" */
static gboolean
effort_output_cb (GtkSpinButton *spin,
                  gpointer       user_data)
{
  g_autofree char *text = evident_days_format (gtk_spin_button_get_value (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* With a decimal point or a comma, whatever the locale */
static int
effort_input_cb (GtkSpinButton *spin,
                 double        *new_value,
                 gpointer       user_data)
{
  if (!evident_days_parse (gtk_editable_get_text (GTK_EDITABLE (spin)), new_value))
    return GTK_INPUT_ERROR;
  return TRUE;
}

static void
date_popover_show_cb (EvidentPlanSettingsDialog *self)
{
  const EvidentPlanSettings *settings = evident_project_get_plan_settings (self->project);
  g_autofree char *iso_date = evident_plan_settings_dup_audit_date (settings);
  g_autoptr (GDateTime) date = evident_due_date_parse (iso_date);

  if (date == NULL)
    date = g_date_time_new_now_local ();
  self->updating++;
  gtk_calendar_select_day (self->calendar, date);
  self->updating--;
}

static void
calendar_day_selected_cb (EvidentPlanSettingsDialog *self)
{
  g_autoptr (GDateTime) date = NULL;
  EvidentPlanSettings settings;

  if (self->updating > 0 || self->project == NULL)
    return;

  date = gtk_calendar_get_date (self->calendar);
  settings = *evident_project_get_plan_settings (self->project);
  g_date_set_dmy (&settings.audit_date, g_date_time_get_day_of_month (date),
                  g_date_time_get_month (date), g_date_time_get_year (date));
  gtk_popover_popdown (self->date_popover);
  save (self, &settings);
}

static void
date_clear_cb (EvidentPlanSettingsDialog *self)
{
  EvidentPlanSettings settings = *evident_project_get_plan_settings (self->project);

  g_date_clear (&settings.audit_date, 1);
  save (self, &settings);
  /* The button goes: the focus stays in the row. */
  gtk_widget_grab_focus (GTK_WIDGET (self->date_button));
}

/* Ctrl+Z and Ctrl+Shift+Z: the window's, so that they say what they did */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));
  const char *name = g_str_equal (action_name, "settings.undo") ? "win.undo" : "win.redo";

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), name, NULL);
}

/* GObject */

static void
evident_plan_settings_dialog_dispose (GObject *object)
{
  EvidentPlanSettingsDialog *self = EVIDENT_PLAN_SETTINGS_DIALOG (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, sync_widgets, self);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_PLAN_SETTINGS_DIALOG);

  G_OBJECT_CLASS (evident_plan_settings_dialog_parent_class)->dispose (object);
}

static void
evident_plan_settings_dialog_class_init (EvidentPlanSettingsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_plan_settings_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/"
                                               "evident-plan-settings-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentPlanSettingsDialog, effort_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentPlanSettingsDialog, audit_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentPlanSettingsDialog, low_spin);
  gtk_widget_class_bind_template_child (widget_class, EvidentPlanSettingsDialog, medium_spin);
  gtk_widget_class_bind_template_child (widget_class, EvidentPlanSettingsDialog, high_spin);
  gtk_widget_class_bind_template_child (widget_class, EvidentPlanSettingsDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentPlanSettingsDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, EvidentPlanSettingsDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, EvidentPlanSettingsDialog,
                                        date_clear_button);
  gtk_widget_class_bind_template_callback (widget_class, date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_clear_cb);

  gtk_widget_class_install_action (widget_class, "settings.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "settings.redo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "settings.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "settings.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "settings.redo", NULL);
}

static void
evident_plan_settings_dialog_init (EvidentPlanSettingsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_search_entries (GTK_WIDGET (self));

  for (guint c = EVIDENT_COMPLEXITY_LOW; c < EVIDENT_N_COMPLEXITIES; c++)
    {
      GtkSpinButton *spin = get_spin (self, c);

      g_object_set_data (G_OBJECT (spin), COMPLEXITY_KEY, GUINT_TO_POINTER (c));
      /* Ctrl+Z undoes the edit saved, not the typing. */
      gtk_editable_set_enable_undo (GTK_EDITABLE (spin), FALSE);
      g_signal_connect (spin, "output", G_CALLBACK (effort_output_cb), NULL);
      g_signal_connect (spin, "input", G_CALLBACK (effort_input_cb), NULL);
      g_signal_connect (spin, "value-changed", G_CALLBACK (effort_changed_cb), self);
      /* Named in full in the template; the row that activates it would
       * add its title: "Effort of a low-complexity item, in days Low". */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
}

/* Public API */

/**
 * evident_plan_settings_dialog_new:
 * @parent: the window the dialog belongs to
 * @project: the project whose settings it edits
 *
 * Returns: (transfer full): a new dialog, not yet shown
 */
EvidentPlanSettingsDialog *
evident_plan_settings_dialog_new (GtkWindow      *parent,
                                  EvidentProject *project)
{
  EvidentPlanSettingsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);

  self = g_object_new (EVIDENT_TYPE_PLAN_SETTINGS_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  g_signal_connect_object (project, "changed", G_CALLBACK (sync_widgets), self,
                           G_CONNECT_SWAPPED);
  sync_widgets (self);
  return self;
}

EvidentProject *
evident_plan_settings_dialog_get_project (EvidentPlanSettingsDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_PLAN_SETTINGS_DIALOG (self), NULL);

  return self->project;
}

/* For tests: the spin button of @complexity's effort */
GtkSpinButton *
evident_plan_settings_dialog_get_effort_button (EvidentPlanSettingsDialog *self,
                                                EvidentComplexity          complexity)
{
  g_return_val_if_fail (EVIDENT_IS_PLAN_SETTINGS_DIALOG (self), NULL);

  return get_spin (self, complexity);
}

/* For tests: the audit date's calendar and its button */
GtkCalendar *
evident_plan_settings_dialog_get_calendar (EvidentPlanSettingsDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_PLAN_SETTINGS_DIALOG (self), NULL);

  return self->calendar;
}

GtkMenuButton *
evident_plan_settings_dialog_get_date_button (EvidentPlanSettingsDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_PLAN_SETTINGS_DIALOG (self), NULL);

  return self->date_button;
}
