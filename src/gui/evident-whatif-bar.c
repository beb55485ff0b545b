/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-focus-hide.h"
#include "evident-scenario-panel.h"
#include "evident-whatif-bar.h"

/*
 * EvidentWhatifBar: the coloured bar across the top of the window while
 * what-if mode is on, so that an assumed score is never taken for the
 * real one: "What-if: <name> — nothing is saved until you apply it", the
 * scenario's score in each view with its difference from the real one,
 * and the ways out (keep, apply, leave). Hidden while the mode is off.
 */

struct _EvidentWhatifBar
{
  AdwBin           parent_instance;

  GtkRevealer     *revealer;
  GtkWidget       *flow;
  GtkLabel        *title;
  GtkLabel        *scores;
  EvidentWhatif   *whatif;
  EvidentScenario *scenario;
};

G_DEFINE_FINAL_TYPE (EvidentWhatifBar, evident_whatif_bar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WHATIF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (EvidentWhatifBar *self)
{
  g_autofree char *title = NULL;
  g_autofree char *scores = NULL;
  g_autofree char *accessible = NULL;
  const char *name;

  if (self->scenario == NULL)
    return;

  name = evident_whatif_get_name (self->whatif);
  if (name != NULL && evident_whatif_get_dirty (self->whatif))
    /* Translators: the what-if bar; %s is a kept scenario, changed since */
    title = g_strdup_printf (_("What-if: %s (changed) — nothing is saved until you apply it"),
                             name);
  else if (name != NULL)
    /* Translators: the what-if bar; %s is a kept scenario's name */
    title = g_strdup_printf (_("What-if: %s — nothing is saved until you apply it"), name);
  else
    title = g_strdup (_("What-if: new scenario — nothing is saved until you apply it"));

  scores = evident_scenario_panel_dup_scores (evident_scenario_get_score (self->scenario),
                                              self->scenario);
  gtk_label_set_label (self->title, title);
  gtk_label_set_label (self->scores, scores);

  accessible = g_strdup_printf ("%s. %s", title, scores);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->flow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
scenario_changed_cb (EvidentWhatifBar *self)
{
  update (self);
}

/* Leaving the mode makes the bar's buttons insensitive, and GTK drops the
 * focus from the one that had it: the focus goes on to the first control
 * below the bar, for the keyboard and screen readers, rather than
 * nowhere. */
static void
hand_on_focus (EvidentWhatifBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (root == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (focus == NULL || evident_focus_hide_release (GTK_WIDGET (self)))
    evident_focus_hide_hand_on (GTK_WIDGET (self),
                                gtk_widget_get_next_sibling (GTK_WIDGET (self)));
}

static void
whatif_notify_cb (EvidentWhatifBar *self)
{
  EvidentScenario *scenario = self->whatif != NULL ? evident_whatif_get_scenario (self->whatif)
                                                   : NULL;
  gboolean leaving = self->scenario != NULL && scenario == NULL;

  if (self->scenario != scenario)
    {
      if (self->scenario != NULL)
        g_signal_handlers_disconnect_by_func (self->scenario, scenario_changed_cb, self);
      g_set_object (&self->scenario, scenario);
      if (scenario != NULL)
        g_signal_connect_object (scenario, "changed", G_CALLBACK (scenario_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  if (scenario != NULL)
    gtk_widget_set_visible (self->flow, TRUE);
  gtk_revealer_set_reveal_child (self->revealer, scenario != NULL);
  update (self);
  if (leaving)
    hand_on_focus (self);
}

/* Hidden once folded away, so that screen readers do not find it. */
static void
child_revealed_cb (EvidentWhatifBar *self)
{
  if (!gtk_revealer_get_child_revealed (self->revealer)
      && !gtk_revealer_get_reveal_child (self->revealer))
    gtk_widget_set_visible (self->flow, FALSE);
}

static GtkWidget *
create_button (const char *label,
               const char *tooltip,
               const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

/* GObject */

static void
evident_whatif_bar_dispose (GObject *object)
{
  EvidentWhatifBar *self = EVIDENT_WHATIF_BAR (object);

  evident_whatif_bar_set_whatif (self, NULL);

  G_OBJECT_CLASS (evident_whatif_bar_parent_class)->dispose (object);
}

static void
evident_whatif_bar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EvidentWhatifBar *self = EVIDENT_WHATIF_BAR (object);

  switch (prop_id)
    {
    case PROP_WHATIF:
      g_value_set_object (value, self->whatif);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_whatif_bar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EvidentWhatifBar *self = EVIDENT_WHATIF_BAR (object);

  switch (prop_id)
    {
    case PROP_WHATIF:
      evident_whatif_bar_set_whatif (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_whatif_bar_class_init (EvidentWhatifBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_whatif_bar_dispose;
  object_class->get_property = evident_whatif_bar_get_property;
  object_class->set_property = evident_whatif_bar_set_property;

  properties[PROP_WHATIF] =
    g_param_spec_object ("whatif", NULL, NULL, EVIDENT_TYPE_WHATIF,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "evidentwhatifbar");
}

static void
evident_whatif_bar_init (EvidentWhatifBar *self)
{
  GtkWidget *flow = self->flow = gtk_flow_box_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *child;

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  g_signal_connect_object (self->revealer, "notify::child-revealed",
                           G_CALLBACK (child_revealed_cb), self, G_CONNECT_SWAPPED);

  /* The text beside the buttons where there is room, above them if not */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_widget_add_css_class (flow, "evident-whatif-bar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What-if mode"),
                                  -1);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_xalign (self->title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->title));

  self->scores = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->scores, TRUE);
  gtk_label_set_xalign (self->scores, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->scores), "caption");
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->scores));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_size_request (text, 280, -1);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), text);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons),
                  create_button (_("_Keep…"), _("Keep as a scenario in the project"),
                                 "whatif.keep"));
  gtk_box_append (GTK_BOX (buttons),
                  create_button (_("_Apply…"), _("Apply to the project, as one edit"),
                                 "whatif.apply"));
  gtk_box_append (GTK_BOX (buttons),
                  create_button (_("_Leave"), _("Leave what-if mode"), "whatif.leave"));
  gtk_flow_box_append (GTK_FLOW_BOX (flow), buttons);

  /* The flow box's children only hold the two parts. */
  for (child = gtk_widget_get_first_child (flow); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  gtk_widget_set_visible (flow, FALSE);
  gtk_revealer_set_child (self->revealer, flow);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));
}

/**
 * evident_whatif_bar_new:
 *
 * Returns: (transfer floating): a new what-if bar
 */
GtkWidget *
evident_whatif_bar_new (void)
{
  return g_object_new (EVIDENT_TYPE_WHATIF_BAR, NULL);
}

EvidentWhatif *
evident_whatif_bar_get_whatif (EvidentWhatifBar *self)
{
  g_return_val_if_fail (EVIDENT_IS_WHATIF_BAR (self), NULL);

  return self->whatif;
}

void
evident_whatif_bar_set_whatif (EvidentWhatifBar *self,
                               EvidentWhatif    *whatif)
{
  g_return_if_fail (EVIDENT_IS_WHATIF_BAR (self));
  g_return_if_fail (whatif == NULL || EVIDENT_IS_WHATIF (whatif));

  if (self->whatif == whatif)
    return;

  if (self->whatif != NULL)
    g_signal_handlers_disconnect_by_func (self->whatif, whatif_notify_cb, self);
  g_set_object (&self->whatif, whatif);
  if (whatif != NULL)
    {
      g_signal_connect_object (whatif, "notify::scenario", G_CALLBACK (whatif_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (whatif, "notify::name", G_CALLBACK (whatif_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (whatif, "notify::dirty", G_CALLBACK (whatif_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }
  whatif_notify_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHATIF]);
}

const char *
evident_whatif_bar_get_title (EvidentWhatifBar *self)
{
  g_return_val_if_fail (EVIDENT_IS_WHATIF_BAR (self), NULL);

  return gtk_label_get_label (self->title);
}

const char *
evident_whatif_bar_get_scores (EvidentWhatifBar *self)
{
  g_return_val_if_fail (EVIDENT_IS_WHATIF_BAR (self), NULL);

  return gtk_label_get_label (self->scores);
}
