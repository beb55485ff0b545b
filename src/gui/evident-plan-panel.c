/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "evident-a11y.h"
#include "evident-enums-util.h"
#include "evident-item-private.h"
#include "evident-plan-marks.h"
#include "evident-plan-panel.h"
#include "evident-plan-settings.h"
#include "evident-scenario.h"

/*
 * EvidentPlanPanel: the plan to pass on the overview. The cheapest set of
 * open items that gets the projected view over the pass line, with owners,
 * efforts and their total, or by how much passing is out of reach. A
 * worker computes it on a snapshot of the items, again after each edit
 * (the one before cancelled). A row emits "item-activated" with the
 * item's reference; "Keep as Scenario" saves the plan as a what-if
 * scenario that assumes its items met, and emits "scenario-saved". A
 * button opens the plan settings (win.plan-settings).
 */

/* Edits come in bursts (an import, an undo of many): wait for the last. */
#define RECOMPUTE_DELAY_MS 150
/* Steps shown before "Show All": the overview stays an overview. */
#define N_STEPS_SHOWN 8

struct _EvidentPlanPanel
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;
  GtkLabel            *summary;
  GtkListBox          *step_list;
  GtkWidget           *scenario_button;
  GtkWidget           *spinner;

  EvidentProject      *project;
  EvidentPlan         *plan;
  char                *summary_text;
  GCancellable        *cancellable;
  guint                recompute_id;
  gboolean             show_all;

  /* The first plan of a window opening starts in its second frame */
  GtkWidget           *start_root;
  guint                start_tick_id;
  guint                start_ticks;
};

G_DEFINE_FINAL_TYPE (EvidentPlanPanel, evident_plan_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_COMPUTING,
  N_PROPS
};

enum {
  SIGNAL_ITEM_ACTIVATED,
  SIGNAL_PLAN_CHANGED,
  SIGNAL_SCENARIO_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The worker */

typedef struct
{
  EvidentRules         rules;
  EvidentPlanSettings  settings;
  GPtrArray           *copies;     /* EvidentItem, the worker's own */
  GHashTable          *originals;  /* copy → the project's item */
} PlanJob;

static void
plan_job_free (PlanJob *job)
{
  g_clear_pointer (&job->originals, g_hash_table_unref);
  g_clear_pointer (&job->copies, g_ptr_array_unref);
  g_free (job);
}

/* The items are the main thread's: the worker gets copies. */
static PlanJob *
plan_job_new (EvidentProject *project)
{
  PlanJob *job = g_new0 (PlanJob, 1);
  GListModel *items = evident_project_get_items (project);
  guint n_items = g_list_model_get_n_items (items);

  job->rules = *evident_project_get_rules (project);
  job->settings = *evident_project_get_plan_settings (project);
  job->copies = g_ptr_array_new_full (n_items, g_object_unref);
  job->originals = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      EvidentItem *copy = evident_item_new (evident_item_get_id (item),
                                            evident_item_get_ref (item),
                                            evident_item_get_chapter (item),
                                            evident_item_get_section (item),
                                            evident_item_get_section_title (item),
                                            evident_item_get_title (item),
                                            evident_item_get_requirement (item),
                                            evident_item_get_evidence_hint (item),
                                            evident_item_get_points (item),
                                            evident_item_get_mandatory (item));

      /* Field by field: evident_item_update_from() would empty @item. */
      for (guint f = 0; f < EVIDENT_N_ITEM_FIELDS; f++)
        evident_item_set_field (copy, f, evident_item_get_field (item, f));
      g_ptr_array_add (job->copies, copy);
      g_hash_table_insert (job->originals, copy, g_steal_pointer (&item));
    }

  return job;
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PlanJob *job = task_data;
  EvidentPlan *plan;
  GError *error = NULL;

  plan = evident_plan_compute_for_items (&job->rules, &job->settings, EVIDENT_VIEW_PROJECTED,
                                         (EvidentItem **) job->copies->pdata, NULL,
                                         job->copies->len, &error);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) evident_plan_free);
}

/* Puts the project's items in place of the worker's copies. */
static void
plan_adopt_items (EvidentPlan *plan,
                  GHashTable  *originals)
{
  for (guint i = 0; i < plan->steps->len; i++)
    {
      EvidentPlanStep *step = &g_array_index (plan->steps, EvidentPlanStep, i);
      EvidentItem *original = g_hash_table_lookup (originals, step->item);

      g_set_object (&step->item, original);
    }
  for (guint i = 0; i < plan->blocking->len; i++)
    {
      EvidentItem *original = g_hash_table_lookup (originals, plan->blocking->pdata[i]);

      g_object_unref (plan->blocking->pdata[i]);
      plan->blocking->pdata[i] = g_object_ref (original);
    }
}

/* The view */

static char *
dup_days (double days)
{
  g_autofree char *number = evident_days_format (days);

  /* Translators: an effort in days, e.g. "3 d" or "1.5 d" */
  return g_strdup_printf (_("%s d"), number);
}

static char *
dup_summary (const EvidentPlan *plan)
{
  g_autofree char *days = evident_days_format (plan->total_effort);
  guint n_steps = plan->steps->len;

  if (!plan->reachable)
    {
      long shortfall = (long) plan->shortfall;

      if (plan->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Passing is out of reach: %ld mandatory item not "
                                             "met blocks it.",
                                             "Passing is out of reach: %ld mandatory items not "
                                             "met block it.",
                                             shortfall),
                                shortfall);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Passing is out of reach: even with every open item "
                                           "done, %ld point is missing.",
                                           "Passing is out of reach: even with every open item "
                                           "done, %ld points are missing.",
                                           shortfall),
                              shortfall);
    }

  if (n_steps == 0)
    return g_strdup (_("The projected view passes: no open item is needed."));

  if (plan->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL)
    /* Translators: e.g. "4 items, 12 days: every mandatory item counted" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u item, %s days: every mandatory item counted",
                                         "%u items, %s days: every mandatory item counted",
                                         n_steps),
                            n_steps, days);

  /* Translators: e.g. "7 items, 19 days: reaches 912 of 900" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u item, %s days: reaches %ld of %d",
                                       "%u items, %s days: reaches %ld of %d",
                                       n_steps),
                          n_steps, days, lround (plan->score_reached), plan->rules.pass_score);
}

static GtkWidget *
create_step_row (const EvidentPlanStep *step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *effort;
  GtkWidget *image;
  const char *owner = evident_item_get_owner (step->item);
  const char *ref = evident_item_get_ref (step->item);
  const char *title = evident_item_get_title (step->item) ?: "";
  g_autofree char *days = dup_days (step->effort);
  g_autofree char *effort_text = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  if (owner == NULL || *owner == '\0')
    owner = C_("owner", "Unassigned");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  if (step->mandatory)
    /* Translators: a step of the plan: reference · owner · mandatory */
    subtitle = g_strdup_printf (_("%s · %s · mandatory"), ref, owner);
  else
    /* Translators: a step of the plan: reference · owner */
    subtitle = g_strdup_printf (_("%s · %s"), ref, owner);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  if (step->estimated)
    /* Translators: an effort that is the item's own estimate, e.g. "2 d (estimate)" */
    effort_text = g_strdup_printf (_("%s (estimate)"), days);
  else
    effort_text = g_strdup (days);
  effort = gtk_label_new (effort_text);
  gtk_widget_add_css_class (effort, "numeric");
  gtk_widget_add_css_class (effort, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), effort);

  image = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), image);

  /* Translators: a step of the plan for screen readers, e.g.
   * "8.2.3 Least privilege: Security lead, 3 d" */
  accessible = g_strdup_printf (_("%s %s: %s, %s"), ref, title, owner, effort_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "evident-ref", g_strdup (ref), g_free);

  return row;
}

static GtkWidget *
create_more_row (guint n_steps)
{
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *text = NULL;
  GtkWidget *label;

  /* Translators: the last row of a shortened plan */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Item", "Show All %u Items",
                                       n_steps),
                          n_steps);
  label = gtk_label_new (text);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_add_css_class (label, "accent");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  g_object_set_data (G_OBJECT (row), "evident-more", GINT_TO_POINTER (TRUE));
  return row;
}

static void
clear_steps (EvidentPlanPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->step_list))) != NULL)
    gtk_list_box_remove (self->step_list, child);
}

static void
set_summary (EvidentPlanPanel *self,
             char             *text)
{
  g_free (self->summary_text);
  self->summary_text = text;
  gtk_label_set_text (self->summary, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary), text != NULL);
}

static void
show_plan (EvidentPlanPanel *self)
{
  const EvidentPlan *plan = self->plan;

  clear_steps (self);
  if (plan == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->step_list), FALSE);
      gtk_widget_set_sensitive (self->scenario_button, FALSE);
      return;
    }

  set_summary (self, dup_summary (plan));
  for (guint i = 0; i < plan->steps->len; i++)
    {
      if (i == N_STEPS_SHOWN && !self->show_all)
        {
          gtk_list_box_append (self->step_list, create_more_row (plan->steps->len));
          break;
        }
      gtk_list_box_append (self->step_list,
                           create_step_row (&g_array_index (plan->steps, EvidentPlanStep, i)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->step_list), plan->steps->len > 0);
  gtk_widget_set_sensitive (self->scenario_button,
                            plan->steps->len > 0 && !evident_project_get_read_only (self->project));
}

static void
set_computing (EvidentPlanPanel *self,
               gboolean          computing)
{
  if (computing == gtk_widget_get_visible (self->spinner))
    return;

  gtk_widget_set_visible (self->spinner, computing);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), computing);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPUTING]);
}

static void
plan_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (EvidentPlanPanel) self = user_data;
  GTask *task = G_TASK (result);
  g_autoptr (GError) error = NULL;
  EvidentPlan *plan = g_task_propagate_pointer (task, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_task_get_cancellable (task) != self->cancellable)
    {
      g_clear_pointer (&plan, evident_plan_free);
      return;
    }

  set_computing (self, FALSE);
  g_clear_pointer (&self->plan, evident_plan_free);
  if (plan == NULL)
    {
      set_summary (self, g_strdup (error->message));
    }
  else
    {
      plan_adopt_items (plan, ((PlanJob *) g_task_get_task_data (task))->originals);
      self->plan = plan;
    }
  show_plan (self);
  evident_plan_marks_set (evident_plan_marks_get_default (), self->project, self->plan);
  g_signal_emit (self, signals[SIGNAL_PLAN_CHANGED], 0);
}

static void
cancel_start_tick (EvidentPlanPanel *self)
{
  if (self->start_tick_id != 0 && self->start_root != NULL)
    gtk_widget_remove_tick_callback (self->start_root, self->start_tick_id);
  self->start_tick_id = 0;
  g_clear_weak_pointer (&self->start_root);
}

static void
start_plan (EvidentPlanPanel *self)
{
  g_autoptr (GTask) task = NULL;

  cancel_start_tick (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->project == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, plan_ready_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_plan);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, plan_job_new (self->project), (GDestroyNotify) plan_job_free);
  set_computing (self, TRUE);
  g_task_run_in_thread (task, plan_thread);
}

static gboolean
start_tick_cb (GtkWidget     *root,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  EvidentPlanPanel *self = user_data;

  if (self->start_ticks++ == 0)
    return G_SOURCE_CONTINUE;

  self->start_tick_id = 0;
  start_plan (self);
  return G_SOURCE_REMOVE;
}

/* A window opening shows the panel working in its first frame and starts
 * the plan in its second: copying the items for the worker took 12 ms of
 * the first frame with 10,000 items. As the item list's rows, which show
 * the plan, come then too. */
static gboolean
start_plan_after_first_frame (EvidentPlanPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->project == NULL || root == NULL || gtk_widget_get_mapped (GTK_WIDGET (root)))
    return FALSE;

  cancel_start_tick (self);
  self->start_ticks = 0;
  g_set_weak_pointer (&self->start_root, GTK_WIDGET (root));
  self->start_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (root), start_tick_cb, self,
                                                      NULL);
  set_computing (self, TRUE);
  return TRUE;
}

static gboolean
recompute_cb (gpointer user_data)
{
  EvidentPlanPanel *self = user_data;

  self->recompute_id = 0;
  start_plan (self);
  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (EvidentPlanPanel *self)
{
  if (self->recompute_id == 0)
    self->recompute_id = g_timeout_add (RECOMPUTE_DELAY_MS, recompute_cb, self);
}

/* Callbacks */

static void
step_activated_cb (EvidentPlanPanel *self,
                   GtkListBoxRow    *row,
                   GtkListBox       *list)
{
  const char *ref = g_object_get_data (G_OBJECT (row), "evident-ref");

  if (g_object_get_data (G_OBJECT (row), "evident-more") != NULL)
    {
      guint index = gtk_list_box_row_get_index (row);

      self->show_all = TRUE;
      show_plan (self);
      /* The focus goes on where the row was: to the first step it showed. */
      row = gtk_list_box_get_row_at_index (self->step_list, index);
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  else if (ref != NULL)
    {
      g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0, ref);
    }
}

static void
scenario_clicked_cb (EvidentPlanPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = evident_plan_panel_save_scenario (self, &error);

  if (name == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root)
                                                           ? GTK_WINDOW (root) : NULL,
                                                           _("The Plan Was Not Kept"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      evident_a11y_name_mnemonics (GTK_WIDGET (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* GObject */

static void
evident_plan_panel_dispose (GObject *object)
{
  EvidentPlanPanel *self = EVIDENT_PLAN_PANEL (object);

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  cancel_start_tick (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
      evident_plan_marks_set (evident_plan_marks_get_default (), self->project, NULL);
    }
  g_clear_object (&self->project);
  g_clear_pointer (&self->plan, evident_plan_free);

  G_OBJECT_CLASS (evident_plan_panel_parent_class)->dispose (object);
}

static void
evident_plan_panel_finalize (GObject *object)
{
  EvidentPlanPanel *self = EVIDENT_PLAN_PANEL (object);

  g_free (self->summary_text);

  G_OBJECT_CLASS (evident_plan_panel_parent_class)->finalize (object);
}

static void
evident_plan_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EvidentPlanPanel *self = EVIDENT_PLAN_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_COMPUTING:
      g_value_set_boolean (value, evident_plan_panel_get_computing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_plan_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EvidentPlanPanel *self = EVIDENT_PLAN_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_plan_panel_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_plan_panel_class_init (EvidentPlanPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_plan_panel_dispose;
  object_class->finalize = evident_plan_panel_finalize;
  object_class->get_property = evident_plan_panel_get_property;
  object_class->set_property = evident_plan_panel_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvidentPlanPanel:computing:
   *
   * Whether a worker is working out the plan for the latest edits.
   */
  properties[PROP_COMPUTING] =
    g_param_spec_boolean ("computing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentPlanPanel::item-activated:
   * @ref: the reference of the item chosen
   */
  signals[SIGNAL_ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * EvidentPlanPanel::plan-changed:
   *
   * A new plan is shown (evident_plan_panel_get_plan()).
   */
  signals[SIGNAL_PLAN_CHANGED] =
    g_signal_new ("plan-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * EvidentPlanPanel::scenario-saved:
   * @name: the name the plan is kept under, as a scenario
   */
  signals[SIGNAL_SCENARIO_SAVED] =
    g_signal_new ("scenario-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "evidentplanpanel");
}

static void
evident_plan_panel_init (EvidentPlanPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *settings_button;

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Plan to Pass"));
  adw_preferences_group_set_description (self->group,
                                         _("The open items that get the projected view over "
                                           "the pass line with the least effort: estimates, "
                                           "else the effort of each complexity."));

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_set_valign (self->spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Working out the plan"),
                                  -1);
  gtk_box_append (GTK_BOX (suffix), self->spinner);

  self->scenario_button = gtk_button_new_with_mnemonic (_("_Keep as Scenario"));
  gtk_widget_set_valign (self->scenario_button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (self->scenario_button, FALSE);
  gtk_widget_set_tooltip_text (self->scenario_button,
                               _("Keep a what-if scenario that assumes the plan’s items met"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scenario_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Keep plan as scenario"),
                                  -1);
  g_signal_connect_swapped (self->scenario_button, "clicked",
                            G_CALLBACK (scenario_clicked_cb), self);
  gtk_box_append (GTK_BOX (suffix), self->scenario_button);

  /* The efforts and the audit date the plan is worked out with */
  settings_button = gtk_button_new_from_icon_name ("emblem-system-symbolic");
  gtk_widget_set_valign (settings_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (settings_button, "flat");
  gtk_widget_set_tooltip_text (settings_button, _("Plan Settings"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (settings_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Plan Settings"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (settings_button), "win.plan-settings");
  gtk_box_append (GTK_BOX (suffix), settings_button);
  adw_preferences_group_set_header_suffix (self->group, suffix);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "heading");
  gtk_widget_set_visible (GTK_WIDGET (self->summary), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));

  self->step_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->step_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->step_list), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->step_list), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->step_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Plan to pass"),
                                  -1);
  g_signal_connect_swapped (self->step_list, "row-activated",
                            G_CALLBACK (step_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->step_list));

  adw_preferences_group_add (self->group, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
}

/**
 * evident_plan_panel_new:
 *
 * Returns: (transfer floating): a new plan panel
 */
GtkWidget *
evident_plan_panel_new (void)
{
  return g_object_new (EVIDENT_TYPE_PLAN_PANEL, NULL);
}

EvidentProject *
evident_plan_panel_get_project (EvidentPlanPanel *self)
{
  g_return_val_if_fail (EVIDENT_IS_PLAN_PANEL (self), NULL);

  return self->project;
}

/**
 * evident_plan_panel_set_project:
 * @project: (nullable): the project to plan for
 *
 * Works out @project's plan in a worker, and again after its edits.
 */
void
evident_plan_panel_set_project (EvidentPlanPanel *self,
                                EvidentProject   *project)
{
  g_return_if_fail (EVIDENT_IS_PLAN_PANEL (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
      evident_plan_marks_set (evident_plan_marks_get_default (), self->project, NULL);
    }
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self,
                             G_CONNECT_SWAPPED);

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  g_clear_pointer (&self->plan, evident_plan_free);
  self->show_all = FALSE;
  set_summary (self, NULL);
  show_plan (self);
  if (!start_plan_after_first_frame (self))
    start_plan (self);
  if (project == NULL)
    set_computing (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * evident_plan_panel_get_plan:
 *
 * Returns: (nullable): the plan shown, with the project's items; %NULL
 *   before the first is worked out
 */
const EvidentPlan *
evident_plan_panel_get_plan (EvidentPlanPanel *self)
{
  g_return_val_if_fail (EVIDENT_IS_PLAN_PANEL (self), NULL);

  return self->plan;
}

gboolean
evident_plan_panel_get_computing (EvidentPlanPanel *self)
{
  g_return_val_if_fail (EVIDENT_IS_PLAN_PANEL (self), FALSE);

  return self->recompute_id != 0 || self->start_tick_id != 0
         || gtk_widget_get_visible (self->spinner);
}

GtkListBox *
evident_plan_panel_get_step_list (EvidentPlanPanel *self)
{
  g_return_val_if_fail (EVIDENT_IS_PLAN_PANEL (self), NULL);

  return self->step_list;
}

/**
 * evident_plan_panel_get_summary:
 *
 * Returns: (nullable): the line above the steps: their count, effort and
 *   the score they reach, or why passing is out of reach
 */
const char *
evident_plan_panel_get_summary (EvidentPlanPanel *self)
{
  g_return_val_if_fail (EVIDENT_IS_PLAN_PANEL (self), NULL);

  return self->summary_text;
}

/**
 * evident_plan_panel_save_scenario:
 * @error: return location for an error
 *
 * Keeps the plan shown as a scenario that assumes its items met, named
 * after the day ("Plan of …", numbered when that name is taken). Nothing
 * of the project's state changes.
 *
 * Returns: (transfer full) (nullable): the scenario's name, or %NULL
 *   with @error set
 */
char *
evident_plan_panel_save_scenario (EvidentPlanPanel  *self,
                                  GError           **error)
{
  g_autoptr (EvidentScenario) scenario = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%x");
  g_auto (GStrv) names = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (EVIDENT_IS_PLAN_PANEL (self), NULL);
  g_return_val_if_fail (self->plan != NULL, NULL);

  names = evident_scenario_list (self->project, error);
  if (names == NULL)
    return NULL;

  /* Translators: the name of a scenario made from the plan, e.g. "Plan of 12/06/26" */
  name = g_strdup_printf (_("Plan of %s"), day);
  for (guint n = 2; g_strv_contains ((const char * const *) names, name); n++)
    {
      g_free (name);
      /* Translators: the name of the nth scenario made from the plan in one day */
      name = g_strdup_printf (_("Plan of %s (%u)"), day, n);
    }

  scenario = evident_plan_to_scenario (self->plan, self->project);
  if (!evident_scenario_save (scenario, name, error))
    return NULL;

  g_signal_emit (self, signals[SIGNAL_SCENARIO_SAVED], 0, name);
  return g_steal_pointer (&name);
}
