/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-item.h"
#include "evident-whatif.h"

/*
 * EvidentWhatif: the window's what-if mode. While it is on, a scenario (a
 * layer of assumptions over the project, see EvidentScenario) is what the
 * score shows: items and whole chapters are assumed met, not met, or taken
 * as they are, and nothing is stored. The scenario is then kept in the
 * project under a name, applied to the project as one edit, or left.
 *
 * Its actions ("whatif." on the window) are the way in: toggle, edit a
 * kept scenario, assume of an item, of the current item or of a chapter,
 * keep, apply, leave; the last three ask first where something is lost or
 * changed.
 */

struct _EvidentWhatif
{
  GObject             parent_instance;

  GtkWidget          *owner;       /* weak: the window, for dialogs */
  EvidentProject     *project;
  EvidentItem        *current_item;
  EvidentScenario    *scenario;
  char               *name;        /* the kept scenario edited, or NULL */
  GSimpleActionGroup *actions;
  gboolean            dirty;
};

G_DEFINE_FINAL_TYPE (EvidentWhatif, evident_whatif, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_CURRENT_ITEM,
  PROP_SCENARIO,
  PROP_NAME,
  PROP_DIRTY,
  N_PROPS
};

enum {
  KEPT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
set_dirty (EvidentWhatif *self,
           gboolean       dirty)
{
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
set_name (EvidentWhatif *self,
          const char    *name)
{
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

static void
update_actions (EvidentWhatif *self)
{
  gboolean active = self->scenario != NULL;
  gboolean writable = self->project != NULL && !evident_project_get_read_only (self->project);
  EvidentAssumption current = EVIDENT_ASSUMPTION_NONE;
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "toggle");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (active));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->project != NULL);

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "edit");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->project != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "assume-item");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->project != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "assume-chapter");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->project != NULL);

  if (active && self->current_item != NULL)
    current = evident_scenario_get_assumption (self->scenario, self->current_item);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "assume-current");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               self->project != NULL && self->current_item != NULL);
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (evident_assumption_to_string (current)));

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "keep");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), active && writable);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "apply");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), active && writable);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "leave");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), active);
}

static void
scenario_changed_cb (EvidentWhatif *self)
{
  update_actions (self);
}

static void
set_scenario (EvidentWhatif   *self,
              EvidentScenario *scenario,
              const char      *name)
{
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_func (self->scenario, scenario_changed_cb, self);
  g_set_object (&self->scenario, scenario);
  if (scenario != NULL)
    g_signal_connect_object (scenario, "changed", G_CALLBACK (scenario_changed_cb), self,
                             G_CONNECT_SWAPPED);
  set_name (self, name);
  set_dirty (self, FALSE);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

static GtkWindow *
get_parent_window (EvidentWhatif *self)
{
  GtkRoot *root = self->owner != NULL ? gtk_widget_get_root (self->owner) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (EvidentWhatif *self,
            const char    *heading,
            const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (get_parent_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  evident_a11y_name_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static AdwMessageDialog *
create_dialog (EvidentWhatif *self,
               const char    *heading,
               const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return ADW_MESSAGE_DIALOG (dialog);
}

/* "Keep as Scenario…": a name, not one of another scenario kept already */

static void
keep_name_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (entry);
  GStrv names = g_object_get_data (G_OBJECT (dialog), "evident-names");
  const char *current = g_object_get_data (G_OBJECT (dialog), "evident-current");
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean taken = names != NULL && g_strv_contains ((const char * const *) names, stripped)
                   && g_strcmp0 (stripped, current) != 0;

  adw_message_dialog_set_response_enabled (dialog, "keep", *stripped != '\0' && !taken);
  adw_message_dialog_set_body (dialog,
                               taken ? _("A scenario of this name is kept already: choose "
                                         "another name, or delete that one on the overview.")
                                     : _("The assumptions are kept in the project, beside its "
                                         "real state, and compared on the overview."));
}

static void
keep_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  EvidentWhatif *self = user_data;
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "keep") && !evident_whatif_keep (self, name, &error))
    show_error (self, _("The Scenario Was Not Kept"), error);
}

static char *
dup_new_name (GStrv names)
{
  for (guint n = 1;; n++)
    {
      /* Translators: the name proposed for a new what-if scenario */
      g_autofree char *name = g_strdup_printf (_("What-If %u"), n);

      if (names == NULL || !g_strv_contains ((const char * const *) names, name))
        return g_steal_pointer (&name);
    }
}

static void
keep_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  EvidentWhatif *self = user_data;
  g_auto (GStrv) names = evident_scenario_list (self->project, NULL);
  g_autofree char *proposed = self->name != NULL ? g_strdup (self->name) : dup_new_name (names);
  AdwMessageDialog *dialog = create_dialog (self, _("Keep as Scenario"), NULL);
  GtkWidget *entry = gtk_entry_new ();

  adw_message_dialog_add_response (dialog, "keep", _("_Keep"));
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep");
  g_object_set_data_full (G_OBJECT (dialog), "evident-names", g_steal_pointer (&names),
                          (GDestroyNotify) g_strfreev);
  g_object_set_data_full (G_OBJECT (dialog), "evident-current", g_strdup (self->name), g_free);

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), EVIDENT_SCENARIO_MAX_NAME);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scenario name"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_signal_connect (entry, "changed", G_CALLBACK (keep_name_changed_cb), dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), proposed);
  keep_name_changed_cb (GTK_EDITABLE (entry), dialog);

  g_signal_connect_object (dialog, "response", G_CALLBACK (keep_response_cb), self, 0);
  evident_a11y_name_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* "Apply to Project…" */

static void
apply_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  EvidentWhatif *self = user_data;
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "apply") && !evident_whatif_apply (self, &error))
    show_error (self, _("The Scenario Was Not Applied"), error);
}

static void
apply_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  EvidentWhatif *self = user_data;
  AdwMessageDialog *dialog;

  dialog = create_dialog (self, _("Apply to the Project?"),
                          _("The items assumed met become met, and those assumed not met "
                            "become not met. This is one edit: Undo takes it back."));
  adw_message_dialog_add_response (dialog, "apply", _("_Apply"));
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (apply_response_cb), self, 0);
  evident_a11y_name_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "Leave What-If": asks when assumptions not kept would be lost */

static void
leave_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  EvidentWhatif *self = user_data;

  if (g_str_equal (response, "discard"))
    evident_whatif_leave (self);
  else if (g_str_equal (response, "keep"))
    g_action_group_activate_action (G_ACTION_GROUP (self->actions), "keep", NULL);
}

static void
ask_leave (EvidentWhatif *self)
{
  guint n = evident_scenario_get_n_assumptions (self->scenario);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (!self->dirty || n == 0)
    {
      evident_whatif_leave (self);
      return;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The %u assumption made is not kept: leaving "
                                       "discards it. The project stays as it is.",
                                       "The %u assumptions made are not kept: leaving "
                                       "discards them. The project stays as it is.",
                                       n),
                          n);
  dialog = create_dialog (self, _("Leave What-If?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "keep", _("_Keep as Scenario…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "keep",
                                           !evident_project_get_read_only (self->project));
  g_signal_connect_object (dialog, "response", G_CALLBACK (leave_response_cb), self, 0);
  evident_a11y_name_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
leave_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  ask_leave (user_data);
}

static void
toggle_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  EvidentWhatif *self = user_data;

  if (self->scenario == NULL)
    evident_whatif_enter (self);
  else
    ask_leave (self);
}

static void
edit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  EvidentWhatif *self = user_data;
  g_autoptr (GError) error = NULL;

  if (self->scenario != NULL && self->dirty
      && evident_scenario_get_n_assumptions (self->scenario) > 0)
    {
      /* The assumptions not kept are not silently replaced. */
      ask_leave (self);
      return;
    }
  if (!evident_whatif_edit (self, g_variant_get_string (parameter, NULL), &error))
    show_error (self, _("The Scenario Was Not Opened"), error);
}

static void
assume_item_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  EvidentWhatif *self = user_data;
  const char *ref, *nick;
  EvidentAssumption assumption;
  EvidentItem *item;

  g_variant_get (parameter, "(&s&s)", &ref, &nick);
  item = evident_project_lookup_item (self->project, ref);
  if (item != NULL && evident_assumption_from_string (nick, &assumption))
    evident_whatif_assume (self, item, assumption);
}

static void
assume_current_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  EvidentWhatif *self = user_data;
  EvidentAssumption assumption;

  if (self->current_item != NULL
      && evident_assumption_from_string (g_variant_get_string (parameter, NULL), &assumption))
    evident_whatif_assume (self, self->current_item, assumption);
}

static void
assume_chapter_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  EvidentWhatif *self = user_data;
  const char *chapter, *nick;
  EvidentAssumption assumption;

  g_variant_get (parameter, "(&s&s)", &chapter, &nick);
  if (evident_assumption_from_string (nick, &assumption))
    evident_whatif_assume_chapter (self, chapter, assumption);
}

static void
project_notify_cb (EvidentWhatif *self)
{
  update_actions (self);
}

/* GObject */

static void
evident_whatif_dispose (GObject *object)
{
  EvidentWhatif *self = EVIDENT_WHATIF (object);

  evident_whatif_set_project (self, NULL);
  g_clear_weak_pointer (&self->owner);
  g_clear_object (&self->current_item);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (evident_whatif_parent_class)->dispose (object);
}

static void
evident_whatif_finalize (GObject *object)
{
  EvidentWhatif *self = EVIDENT_WHATIF (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (evident_whatif_parent_class)->finalize (object);
}

static void
evident_whatif_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EvidentWhatif *self = EVIDENT_WHATIF (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_CURRENT_ITEM:
      g_value_set_object (value, self->current_item);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_whatif_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EvidentWhatif *self = EVIDENT_WHATIF (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_whatif_set_project (self, g_value_get_object (value));
      break;
    case PROP_CURRENT_ITEM:
      evident_whatif_set_current_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_whatif_class_init (EvidentWhatifClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_whatif_dispose;
  object_class->finalize = evident_whatif_finalize;
  object_class->get_property = evident_whatif_get_property;
  object_class->set_property = evident_whatif_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_ITEM] =
    g_param_spec_object ("current-item", NULL, NULL, EVIDENT_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, EVIDENT_TYPE_SCENARIO,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentWhatif::kept:
   * @name: the name the scenario is kept under
   *
   * Emitted when the scenario was kept in the project.
   */
  signals[KEPT] =
    g_signal_new ("kept", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
evident_whatif_init (EvidentWhatif *self)
{
  const GActionEntry entries[] = {
    { "toggle", toggle_action_cb, NULL, "false", NULL },
    { "edit", edit_action_cb, "s", NULL, NULL },
    { "assume-item", assume_item_action_cb, "(ss)", NULL, NULL },
    { "assume-current", assume_current_action_cb, "s", "'none'", NULL },
    { "assume-chapter", assume_chapter_action_cb, "(ss)", NULL, NULL },
    { "keep", keep_action_cb, NULL, NULL, NULL },
    { "apply", apply_action_cb, NULL, NULL, NULL },
    { "leave", leave_action_cb, NULL, NULL, NULL },
  };

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  update_actions (self);
}

/**
 * evident_whatif_new:
 * @owner: the widget (in the window) that dialogs are shown over
 *
 * Returns: (transfer full): the what-if mode of a window, off
 */
EvidentWhatif *
evident_whatif_new (GtkWidget *owner)
{
  EvidentWhatif *self = g_object_new (EVIDENT_TYPE_WHATIF, NULL);

  g_set_weak_pointer (&self->owner, owner);
  return self;
}

EvidentProject *
evident_whatif_get_project (EvidentWhatif *self)
{
  g_return_val_if_fail (EVIDENT_IS_WHATIF (self), NULL);

  return self->project;
}

/**
 * evident_whatif_set_project:
 * @project: (nullable): the project
 *
 * Shows @project; what-if mode ends, its assumptions discarded.
 */
void
evident_whatif_set_project (EvidentWhatif  *self,
                            EvidentProject *project)
{
  g_return_if_fail (EVIDENT_IS_WHATIF (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->scenario != NULL)
    set_scenario (self, NULL, NULL);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_notify_cb, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_object (project, "notify::read-only", G_CALLBACK (project_notify_cb),
                             self, G_CONNECT_SWAPPED);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentItem *
evident_whatif_get_current_item (EvidentWhatif *self)
{
  g_return_val_if_fail (EVIDENT_IS_WHATIF (self), NULL);

  return self->current_item;
}

/**
 * evident_whatif_set_current_item:
 * @item: (nullable): the item open in the window
 *
 * Sets the item that "whatif.assume-current" acts on.
 */
void
evident_whatif_set_current_item (EvidentWhatif *self,
                                 EvidentItem   *item)
{
  g_return_if_fail (EVIDENT_IS_WHATIF (self));
  g_return_if_fail (item == NULL || EVIDENT_IS_ITEM (item));

  if (g_set_object (&self->current_item, item))
    {
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ITEM]);
    }
}

/**
 * evident_whatif_get_scenario:
 *
 * Returns: (transfer none) (nullable): the scenario shown, or %NULL
 *   outside what-if mode
 */
EvidentScenario *
evident_whatif_get_scenario (EvidentWhatif *self)
{
  g_return_val_if_fail (EVIDENT_IS_WHATIF (self), NULL);

  return self->scenario;
}

/**
 * evident_whatif_get_name:
 *
 * Returns: (nullable): the name of the kept scenario shown, or %NULL for
 *   one not kept yet
 */
const char *
evident_whatif_get_name (EvidentWhatif *self)
{
  g_return_val_if_fail (EVIDENT_IS_WHATIF (self), NULL);

  return self->name;
}

/**
 * evident_whatif_get_dirty:
 *
 * Returns: whether assumptions were made since the scenario was kept or
 *   opened
 */
gboolean
evident_whatif_get_dirty (EvidentWhatif *self)
{
  g_return_val_if_fail (EVIDENT_IS_WHATIF (self), FALSE);

  return self->dirty;
}

/**
 * evident_whatif_get_action_group:
 *
 * Returns: (transfer none): the "whatif." actions
 */
GActionGroup *
evident_whatif_get_action_group (EvidentWhatif *self)
{
  g_return_val_if_fail (EVIDENT_IS_WHATIF (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

/**
 * evident_whatif_enter:
 *
 * Starts what-if mode with a new scenario that assumes nothing; does
 * nothing when it is on already.
 */
void
evident_whatif_enter (EvidentWhatif *self)
{
  g_autoptr (EvidentScenario) scenario = NULL;

  g_return_if_fail (EVIDENT_IS_WHATIF (self));
  g_return_if_fail (self->project != NULL);

  if (self->scenario != NULL)
    return;
  scenario = evident_scenario_new (self->project);
  set_scenario (self, scenario, NULL);
}

/**
 * evident_whatif_edit:
 * @name: the name of a scenario kept in the project
 * @error: return location for an error
 *
 * Shows the kept scenario @name in what-if mode, in place of any other.
 *
 * Returns: %TRUE when shown
 */
gboolean
evident_whatif_edit (EvidentWhatif  *self,
                     const char     *name,
                     GError        **error)
{
  g_autoptr (EvidentScenario) scenario = NULL;

  g_return_val_if_fail (EVIDENT_IS_WHATIF (self), FALSE);
  g_return_val_if_fail (self->project != NULL, FALSE);

  scenario = evident_scenario_load (self->project, name, error);
  if (scenario == NULL)
    return FALSE;
  set_scenario (self, scenario, name);
  return TRUE;
}

/**
 * evident_whatif_assume:
 * @item: an item of the project
 * @assumption: what to assume of it
 *
 * Assumes @assumption of @item, starting what-if mode if it is off. The
 * item itself does not change.
 */
void
evident_whatif_assume (EvidentWhatif     *self,
                       EvidentItem       *item,
                       EvidentAssumption  assumption)
{
  g_return_if_fail (EVIDENT_IS_WHATIF (self));
  g_return_if_fail (EVIDENT_IS_ITEM (item));

  evident_whatif_enter (self);
  if (evident_scenario_get_assumption (self->scenario, item) == assumption)
    return;
  evident_scenario_assume (self->scenario, item, assumption);
  set_dirty (self, TRUE);
}

/**
 * evident_whatif_assume_chapter:
 * @chapter: a chapter's number, e.g. "8.0"
 * @assumption: what to assume of each of its items
 *
 * Assumes @assumption of every item of @chapter, starting what-if mode if
 * it is off.
 *
 * Returns: the number of items of @chapter
 */
guint
evident_whatif_assume_chapter (EvidentWhatif     *self,
                               const char        *chapter,
                               EvidentAssumption  assumption)
{
  guint n_items;

  g_return_val_if_fail (EVIDENT_IS_WHATIF (self), 0);
  g_return_val_if_fail (chapter != NULL, 0);

  evident_whatif_enter (self);
  n_items = evident_scenario_assume_chapter (self->scenario, chapter, assumption);
  if (n_items > 0)
    set_dirty (self, TRUE);
  return n_items;
}

/**
 * evident_whatif_keep:
 * @name: the name to keep the scenario under
 * @error: return location for an error
 *
 * Keeps the scenario shown in the project under @name (replacing one of
 * that name) and goes on showing it.
 *
 * Returns: %TRUE when kept
 */
gboolean
evident_whatif_keep (EvidentWhatif  *self,
                     const char     *name,
                     GError        **error)
{
  g_return_val_if_fail (EVIDENT_IS_WHATIF (self), FALSE);
  g_return_val_if_fail (self->scenario != NULL, FALSE);

  if (!evident_scenario_save (self->scenario, name, error))
    return FALSE;
  set_name (self, name);
  set_dirty (self, FALSE);
  g_signal_emit (self, signals[KEPT], 0, name);
  return TRUE;
}

/**
 * evident_whatif_apply:
 * @error: return location for an error
 *
 * Makes the scenario's assumptions real, as one edit that one undo takes
 * back, and leaves what-if mode.
 *
 * Returns: %TRUE when applied
 */
gboolean
evident_whatif_apply (EvidentWhatif  *self,
                      GError        **error)
{
  g_return_val_if_fail (EVIDENT_IS_WHATIF (self), FALSE);
  g_return_val_if_fail (self->scenario != NULL, FALSE);

  if (!evident_scenario_apply (self->scenario, error))
    return FALSE;
  evident_whatif_leave (self);
  return TRUE;
}

/**
 * evident_whatif_leave:
 *
 * Ends what-if mode without asking: assumptions not kept are discarded.
 */
void
evident_whatif_leave (EvidentWhatif *self)
{
  g_return_if_fail (EVIDENT_IS_WHATIF (self));

  if (self->scenario != NULL)
    set_scenario (self, NULL, NULL);
}

static void
append_assumptions (GMenu      *section,
                    const char *action,
                    const char *target)
{
  static const struct {
    const char *label;
    EvidentAssumption assumption;
  } entries[] = {
    { N_("Assume _Met"), EVIDENT_ASSUMPTION_MET },
    { N_("Assume _Not Met"), EVIDENT_ASSUMPTION_NOT_MET },
    { N_("As It _Is"), EVIDENT_ASSUMPTION_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr (GMenuItem) entry = g_menu_item_new (_(entries[i].label), NULL);
      const char *nick = evident_assumption_to_string (entries[i].assumption);

      g_menu_item_set_action_and_target_value (entry, action,
                                               g_variant_new ("(ss)", target, nick));
      g_menu_append_item (section, entry);
    }
}

/**
 * evident_whatif_append_item_menu:
 * @menu: an item's menu
 * @item: the item
 *
 * Appends the what-if section of an item's menu to @menu.
 */
void
evident_whatif_append_item_menu (GMenu       *menu,
                                 EvidentItem *item)
{
  g_autoptr (GMenu) section = g_menu_new ();

  g_return_if_fail (G_IS_MENU (menu));
  g_return_if_fail (EVIDENT_IS_ITEM (item));

  append_assumptions (section, "whatif.assume-item", evident_item_get_ref (item));
  /* Translators: a section of an item's menu */
  g_menu_append_section (menu, C_("menu", "What-If"), G_MENU_MODEL (section));
}

/**
 * evident_whatif_append_chapter_menu:
 * @menu: a chapter's menu
 * @chapter: the chapter's number
 *
 * Appends the what-if section of a chapter's menu to @menu: its items.
 */
void
evident_whatif_append_chapter_menu (GMenu      *menu,
                                    const char *chapter)
{
  g_autoptr (GMenu) section = g_menu_new ();

  g_return_if_fail (G_IS_MENU (menu));
  g_return_if_fail (chapter != NULL);

  append_assumptions (section, "whatif.assume-chapter", chapter);
  /* Translators: a section of a chapter's menu, for all of its items */
  g_menu_append_section (menu, C_("menu", "What-If, Whole Chapter"), G_MENU_MODEL (section));
}
