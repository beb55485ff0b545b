/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-resources.h"
#include "evident-scenario.h"
#include "evident-score-button.h"

/*
 * EvidentScoreButton: the project's score in the header bar, confirmed and
 * projected against the pass line, with a popover that shows the three
 * views (and what each counts), the mandatory items not yet counted and,
 * where the checklist has points, the items with most points at risk.
 * Each item there is a button for win.open-item.
 *
 * The score is labelled wherever it shows: "Confirmed 412 · Projected 566
 * / 900" where there is room, else the same on two short lines (an
 * AdwSqueezer picks the one that fits; "compact" asks for the short one).
 */

#define N_MANDATORY_SHOWN 25
#define N_AT_RISK_SHOWN 10

typedef enum
{
  SCORE_STATE_FAILING,
  SCORE_STATE_ON_TRACK,
  SCORE_STATE_PASSING,
} ScoreState;

struct _EvidentScoreButton
{
  AdwBin          parent_instance;

  GtkMenuButton  *menu_button;
  GtkWidget      *content;
  GtkImage       *state_icon;
  AdwSqueezer    *squeezer;
  GtkLabel       *label;
  GtkLabel       *compact_label;

  /* The popover's, once the button is first opened */
  GtkPopover     *popover;
  GtkLabel       *views_legend;
  GtkLabel       *pass_line_label;
  GtkWidget      *mandatory_box;
  GtkWidget      *risk_heading;
  GtkWidget      *risk_box;

  AdwActionRow   *view_rows[EVIDENT_N_VIEWS];
  GtkLabel       *view_scores[EVIDENT_N_VIEWS];
  GtkLabel       *view_states[EVIDENT_N_VIEWS];

  EvidentProject *project;
  /* What-if mode: the score shown is the scenario's */
  EvidentScenario *scenario;

  guint           compact : 1;
  guint           popover_dirty : 1;
};

G_DEFINE_FINAL_TYPE (EvidentScoreButton, evident_score_button, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const EvidentScore *
get_score (EvidentScoreButton *self)
{
  if (self->scenario != NULL)
    return evident_scenario_get_score (self->scenario);
  return evident_project_get_score (self->project);
}

/* In what-if mode: the label marked as such, with the difference. On two
 * short lines, for a phone's header bar, the difference only: the what-if
 * bar across the window and the tinted header bars say the rest. */
static char *
dup_whatif_text (EvidentScoreButton *self,
                 const char         *text,
                 gboolean            compact)
{
  long difference;

  if (self->scenario == NULL)
    return g_strdup (text);
  difference = lround (evident_scenario_get_difference (self->scenario,
                                                        EVIDENT_VIEW_PROJECTED));
  if (compact)
    /* Translators: the score on two short lines in what-if mode, e.g.
     * "Confirmed 412\nProjected 566 / 900 (+64)", the difference being
     * the projected one's */
    return g_strdup_printf (_("%s (%+ld)"), text, difference);
  /* Translators: the score in what-if mode, e.g. "What-if: Confirmed 412 ·
   * Projected 566 / 900 (+64)", the difference being the projected one's */
  return g_strdup_printf (_("What-if: %s (%+ld)"), text, difference);
}

static gboolean
is_pass_fail (const EvidentScore *score)
{
  return score->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL;
}

static ScoreState
get_state (const EvidentScore *score)
{
  if (score->views[EVIDENT_VIEW_CONFIRMED].pass)
    return SCORE_STATE_PASSING;
  if (score->views[EVIDENT_VIEW_PROJECTED].pass)
    return SCORE_STATE_ON_TRACK;
  return SCORE_STATE_FAILING;
}

static char *
dup_mandatory_open_text (guint n_open)
{
  /* Translators: in the row of a score view, e.g. the confirmed one */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u mandatory item not counted in this view",
                                       "%u mandatory items not counted in this view",
                                       n_open),
                          n_open);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
update_label (EvidentScoreButton *self)
{
  static const char *state_classes[] = { "error", "warning", "success" };
  const EvidentScore *score;
  g_autofree char *confirmed = NULL;
  g_autofree char *projected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *accessible = NULL;
  const char *state_text = NULL;
  ScoreState state;

  if (self->project == NULL)
    {
      gtk_label_set_label (self->label, "");
      gtk_label_set_label (self->compact_label, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), FALSE);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), TRUE);

  score = get_score (self);
  confirmed = evident_score_format (score, EVIDENT_VIEW_CONFIRMED);
  projected = evident_score_format (score, EVIDENT_VIEW_PROJECTED);
  state = get_state (score);

  switch (state)
    {
    case SCORE_STATE_PASSING:
      state_text = _("passing");
      break;

    case SCORE_STATE_ON_TRACK:
      state_text = _("projected to pass");
      break;

    case SCORE_STATE_FAILING:
    default:
      state_text = _("not passing");
      break;
    }

  if (is_pass_fail (score))
    {
      guint n_open = score->views[EVIDENT_VIEW_CONFIRMED].n_mandatory_open;
      g_autofree char *mandatory = NULL;

      if (n_open == 0)
        mandatory = g_strdup (_("all mandatory met"));
      else
        mandatory = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u mandatory open",
                                                  "%u mandatory open",
                                                  n_open),
                                     n_open);

      /* Translators: the score in pass-fail mode on two short lines, for
       * narrow header bars, e.g. "Confirmed 41 %\nProjected 56 %" */
      compact = g_strdup_printf (_("Confirmed %s\nProjected %s"), confirmed, projected);
      /* Translators: the score in pass-fail mode, e.g.
       * "Confirmed 41 % · Projected 56 % · all mandatory met" */
      text = g_strdup_printf (_("Confirmed %s · Projected %s · %s"),
                              confirmed, projected, mandatory);

      /* Translators: the score button's name for screen readers in pass-fail mode */
      accessible = g_strdup_printf (_("Score: confirmed %s, projected %s, %s, %s"),
                                    confirmed, projected, mandatory, state_text);
    }
  else
    {
      /* Translators: the score on two short lines, for narrow header bars,
       * e.g. "Confirmed 412\nProjected 566 / 900" where 900 is the pass line */
      compact = g_strdup_printf (_("Confirmed %s\nProjected %s / %d"),
                                 confirmed, projected, score->rules.pass_score);
      /* Translators: the score in the header bar, e.g.
       * "Confirmed 412 · Projected 566 / 900" where 900 is the pass line */
      text = g_strdup_printf (_("Confirmed %s · Projected %s / %d"),
                              confirmed, projected, score->rules.pass_score);

      /* Translators: the score button's name for screen readers, e.g.
       * "Score: confirmed 412, projected 566, pass line 900, not passing" */
      accessible = g_strdup_printf (_("Score: confirmed %s, projected %s, pass line %d, %s"),
                                    confirmed, projected, score->rules.pass_score, state_text);
    }

  {
    g_autofree char *whatif_text = dup_whatif_text (self, text, FALSE);
    g_autofree char *whatif_compact = dup_whatif_text (self, compact, TRUE);
    g_autofree char *whatif_accessible = dup_whatif_text (self, accessible, FALSE);

    gtk_label_set_label (self->label, whatif_text);
    gtk_label_set_label (self->compact_label, whatif_compact);
    g_free (accessible);
    accessible = g_steal_pointer (&whatif_accessible);
  }
  if (self->scenario != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->content), "evident-whatif");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->content), "evident-whatif");

  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), state_classes[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (self->content), state_classes[i]);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), state_classes[state]);
  gtk_widget_add_css_class (GTK_WIDGET (self->content), state_classes[state]);
  gtk_image_set_from_icon_name (self->state_icon,
                                state == SCORE_STATE_FAILING ? "dialog-warning-symbolic"
                                                             : "emblem-ok-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static GtkWidget *
create_item_button (EvidentScoreButton *self,
                    EvidentItem        *item,
                    int                 points_at_risk,
                    gboolean            show_points)
{
  const char *ref = evident_item_get_ref (item);
  const char *title = evident_item_get_title (item);
  g_autofree char *points_text = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *button;
  GtkWidget *box;
  GtkWidget *label;

  button = gtk_button_new ();
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "evident-item-link");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-item");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (ref));
  g_signal_connect_object (button, "clicked",
                           G_CALLBACK (gtk_popover_popdown), self->popover,
                           G_CONNECT_SWAPPED);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_button_set_child (GTK_BUTTON (button), box);

  label = gtk_label_new (ref);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (show_points)
    {
      /* Translators: points at risk of an item, e.g. "208 pts" */
      points_text = g_strdup_printf (_("%d pts"), points_at_risk);
      label = gtk_label_new (points_text);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "evident-points-at-risk");
      gtk_box_append (GTK_BOX (box), label);

      /* Translators: an item in the score popover, for screen readers:
       * reference, title, points at risk */
      accessible = g_strdup_printf (_("%s %s, %d points at risk"), ref, title, points_at_risk);
    }
  else
    accessible = g_strdup_printf ("%s %s", ref, title);

  /* Translators: tooltip of an item in the score popover */
  tooltip = g_strdup_printf (_("Open item %s"), ref);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return button;
}

static GtkWidget *
create_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
update_popover (EvidentScoreButton *self)
{
  const EvidentScore *score;
  GListModel *items;
  gboolean points_mode;
  guint n_items;
  guint n_mandatory = 0;

  self->popover_dirty = FALSE;

  clear_box (self->mandatory_box);
  clear_box (self->risk_box);

  if (self->project == NULL)
    return;

  score = get_score (self);
  points_mode = !is_pass_fail (score);

  if (points_mode)
    {
      g_autofree char *pass_line = NULL;

      /* Translators: explains the pass line in the score popover */
      pass_line = g_strdup_printf (_("Pass line %d of %d points. Each mandatory item not counted costs %d points."),
                                   score->rules.pass_score, (int) score->max_score,
                                   score->rules.mandatory_penalty);
      gtk_label_set_label (self->pass_line_label, pass_line);
    }
  else
    gtk_label_set_label (self->pass_line_label,
                         _("Passing needs every mandatory item counted."));

  {
    g_autoptr (GString) legend = g_string_new (NULL);

    for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
      {
        if (v > 0)
          g_string_append_c (legend, '\n');
        /* Translators: what a score view counts, a line each under the
         * score views, e.g. "Projected: confirmed items and those ready
         * for review" */
        g_string_append_printf (legend, _("%s: %s"),
                                evident_view_get_label (v), evident_view_get_description (v));
      }
    gtk_label_set_label (self->views_legend, legend->str);
  }

  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      const EvidentViewScore *view = &score->views[v];
      g_autofree char *value = evident_score_format (score, v);
      g_autofree char *subtitle = NULL;
      g_autofree char *accessible = NULL;

      if (points_mode)
        {
          int points = (int) lround (view->score);
          int gap = score->rules.pass_score - points;

          if (view->pass)
            subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Passes with %d point to spare",
                                                     "Passes with %d points to spare",
                                                     -gap),
                                        -gap);
          else
            subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%d point short of the pass line",
                                                     "%d points short of the pass line",
                                                     gap),
                                        gap);

          if (view->n_mandatory_open > 0)
            {
              g_autofree char *open = dup_mandatory_open_text (view->n_mandatory_open);
              char *joined = g_strdup_printf ("%s · %s", subtitle, open);

              g_free (subtitle);
              subtitle = joined;
            }
        }
      else if (view->n_mandatory_open == 0)
        subtitle = g_strdup (_("All mandatory items met"));
      else
        subtitle = dup_mandatory_open_text (view->n_mandatory_open);

      adw_action_row_set_subtitle (self->view_rows[v], subtitle);
      gtk_label_set_label (self->view_scores[v], value);
      gtk_label_set_label (self->view_states[v], view->pass ? _("Pass") : _("Fail"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->view_states[v]), view->pass ? "error" : "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->view_states[v]), view->pass ? "success" : "error");

      /* Translators: a score view for screen readers, e.g.
       * "Confirmed: 412, fail, 488 points short of the pass line" */
      accessible = g_strdup_printf (_("%s: %s, %s, %s"),
                                    evident_view_get_label (v), value,
                                    view->pass ? _("pass") : _("fail"), subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view_rows[v]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }

  items = evident_project_get_items (self->project);
  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (!evident_item_get_mandatory (item)
          || evident_item_counts_in (item, EVIDENT_VIEW_PROJECTED))
        continue;

      if (++n_mandatory > N_MANDATORY_SHOWN)
        continue;
      gtk_box_append (GTK_BOX (self->mandatory_box),
                      create_item_button (self, item,
                                          evident_item_get_points_at_risk (item, score->rules.mandatory_penalty),
                                          points_mode));
    }
  if (n_mandatory == 0)
    gtk_box_append (GTK_BOX (self->mandatory_box),
                    create_placeholder (_("Every mandatory item is counted in the projected view.")));
  else if (n_mandatory > N_MANDATORY_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more mandatory item",
                                                            "And %u more mandatory items",
                                                            n_mandatory - N_MANDATORY_SHOWN),
                                               n_mandatory - N_MANDATORY_SHOWN);

      gtk_box_append (GTK_BOX (self->mandatory_box), create_placeholder (more));
    }

  /* Without points there are none at risk: no such list. */
  gtk_widget_set_visible (self->risk_heading, points_mode);
  gtk_widget_set_visible (self->risk_box, points_mode);
  if (!points_mode)
    return;

  for (guint i = 0; i < MIN (score->at_risk->len, N_AT_RISK_SHOWN); i++)
    {
      EvidentItem *item = g_ptr_array_index (score->at_risk, i);

      gtk_box_append (GTK_BOX (self->risk_box),
                      create_item_button (self, item,
                                          evident_item_get_points_at_risk (item, score->rules.mandatory_penalty),
                                          points_mode));
    }
  if (score->at_risk->len == 0)
    gtk_box_append (GTK_BOX (self->risk_box),
                    create_placeholder (_("No points at risk: every item is counted in the projected view.")));
}

static void
project_changed_cb (EvidentScoreButton *self,
                    EvidentProject     *project)
{
  update_label (self);

  if (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    update_popover (self);
  else
    self->popover_dirty = TRUE;
}

static void
popover_show_cb (EvidentScoreButton *self,
                 GtkPopover         *popover)
{
  /* The tooltip would cover the popover's first line. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->menu_button), FALSE);
  if (self->popover_dirty)
    update_popover (self);
}

static void
popover_closed_cb (EvidentScoreButton *self,
                   GtkPopover         *popover)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->menu_button), TRUE);
}

/* The popover, built when the button is first opened: most sessions open
 * none of the window's score buttons, two of which start hidden. */
static void
create_popover_cb (GtkMenuButton *button,
                   gpointer       user_data)
{
  EvidentScoreButton *self = user_data;
  g_autoptr (GtkBuilder) builder = NULL;
  GtkListBox *views_list;

  if (self->popover != NULL)
    return;

  builder = gtk_builder_new_from_resource ("/io/github/evidentapp/Evident/evident-score-popover.ui");
  self->popover = GTK_POPOVER (gtk_builder_get_object (builder, "popover"));
  self->views_legend = GTK_LABEL (gtk_builder_get_object (builder, "views_legend"));
  self->pass_line_label = GTK_LABEL (gtk_builder_get_object (builder, "pass_line_label"));
  self->mandatory_box = GTK_WIDGET (gtk_builder_get_object (builder, "mandatory_box"));
  self->risk_heading = GTK_WIDGET (gtk_builder_get_object (builder, "risk_heading"));
  self->risk_box = GTK_WIDGET (gtk_builder_get_object (builder, "risk_box"));
  views_list = GTK_LIST_BOX (gtk_builder_get_object (builder, "views_list"));

  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evident_view_get_label (v));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);

      self->view_scores[v] = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (self->view_scores[v]), "title-4");
      gtk_widget_add_css_class (GTK_WIDGET (self->view_scores[v]), "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->view_scores[v]));

      self->view_states[v] = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_width_chars (self->view_states[v], 4);
      gtk_widget_set_valign (GTK_WIDGET (self->view_states[v]), GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (GTK_WIDGET (self->view_states[v]), "evident-pass-pill");
      gtk_widget_add_css_class (GTK_WIDGET (self->view_states[v]), "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->view_states[v]));

      self->view_rows[v] = ADW_ACTION_ROW (row);
      gtk_list_box_append (views_list, row);
    }

  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_show_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "closed", G_CALLBACK (popover_closed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->popover));
}

static void
evident_score_button_dispose (GObject *object)
{
  EvidentScoreButton *self = EVIDENT_SCORE_BUTTON (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_func (self->scenario, project_changed_cb, self);
  g_clear_object (&self->scenario);

  /* The menu button is both the bin's child and a template child: take it
   * out of the bin first, so that it is unparented once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_SCORE_BUTTON);
  self->popover = NULL;

  g_clear_object (&self->project);

  G_OBJECT_CLASS (evident_score_button_parent_class)->dispose (object);
}

static void
evident_score_button_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EvidentScoreButton *self = EVIDENT_SCORE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_score_button_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EvidentScoreButton *self = EVIDENT_SCORE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_score_button_set_project (self, g_value_get_object (value));
      break;

    case PROP_COMPACT:
      evident_score_button_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_score_button_class_init (EvidentScoreButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_score_button_dispose;
  object_class->get_property = evident_score_button_get_property;
  object_class->set_property = evident_score_button_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EVIDENT_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * EvidentScoreButton:compact:
   *
   * Whether to show the score on two short lines whatever the room, as the
   * overview's header bar does (its page shows the score in full).
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Links the resources of this static library in, and with them the
   * constructor that registers them. */
  (void) evident_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-score-button.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentScoreButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentScoreButton, content);
  gtk_widget_class_bind_template_child (widget_class, EvidentScoreButton, state_icon);
  gtk_widget_class_bind_template_child (widget_class, EvidentScoreButton, squeezer);
  gtk_widget_class_bind_template_child (widget_class, EvidentScoreButton, label);
  gtk_widget_class_bind_template_child (widget_class, EvidentScoreButton, compact_label);
}

static void
evident_score_button_init (EvidentScoreButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_popover_cb, self, NULL);

  self->popover_dirty = TRUE;
  update_label (self);
}

/**
 * evident_score_button_new:
 *
 * Returns: (transfer floating): a new score button
 */
GtkWidget *
evident_score_button_new (void)
{
  return g_object_new (EVIDENT_TYPE_SCORE_BUTTON, NULL);
}

EvidentProject *
evident_score_button_get_project (EvidentScoreButton *self)
{
  g_return_val_if_fail (EVIDENT_IS_SCORE_BUTTON (self), NULL);

  return self->project;
}

void
evident_score_button_set_project (EvidentScoreButton *self,
                                  EvidentProject     *project)
{
  g_return_if_fail (EVIDENT_IS_SCORE_BUTTON (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);

  g_set_object (&self->project, project);

  if (project != NULL)
    g_signal_connect_object (project, "changed",
                             G_CALLBACK (project_changed_cb), self,
                             G_CONNECT_SWAPPED);

  project_changed_cb (self, project);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
evident_score_button_get_compact (EvidentScoreButton *self)
{
  g_return_val_if_fail (EVIDENT_IS_SCORE_BUTTON (self), FALSE);

  return self->compact;
}

void
evident_score_button_set_compact (EvidentScoreButton *self,
                                  gboolean            compact)
{
  g_return_if_fail (EVIDENT_IS_SCORE_BUTTON (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  /* The squeezer falls back on the two lines only. */
  gtk_widget_set_visible (GTK_WIDGET (self->label), !compact);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

/**
 * evident_score_button_get_text:
 *
 * Returns: the text the button shows, e.g. "Confirmed 412 · Projected 566
 *   / 900", or in a narrow header bar "Confirmed 412\nProjected 566 / 900"
 */
const char *
evident_score_button_get_text (EvidentScoreButton *self)
{
  g_return_val_if_fail (EVIDENT_IS_SCORE_BUTTON (self), NULL);

  if (adw_squeezer_get_visible_child (self->squeezer) == GTK_WIDGET (self->compact_label))
    return gtk_label_get_label (self->compact_label);
  return gtk_label_get_label (self->label);
}

void
evident_score_button_popup (EvidentScoreButton *self)
{
  g_return_if_fail (EVIDENT_IS_SCORE_BUTTON (self));

  gtk_menu_button_popup (self->menu_button);
}

void
evident_score_button_popdown (EvidentScoreButton *self)
{
  g_return_if_fail (EVIDENT_IS_SCORE_BUTTON (self));

  gtk_menu_button_popdown (self->menu_button);
}

/**
 * evident_score_button_set_scenario:
 * @scenario: (nullable): a what-if scenario over the project, or %NULL
 *
 * Shows @scenario's score, marked as what-if, with its difference from
 * the real one; %NULL shows the real score again.
 */
void
evident_score_button_set_scenario (EvidentScoreButton *self,
                                   EvidentScenario    *scenario)
{
  g_return_if_fail (EVIDENT_IS_SCORE_BUTTON (self));
  g_return_if_fail (scenario == NULL || EVIDENT_IS_SCENARIO (scenario));

  if (self->scenario == scenario)
    return;

  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_func (self->scenario, project_changed_cb, self);
  g_set_object (&self->scenario, scenario);
  /* A scenario follows the project's edits and its own assumptions. */
  if (scenario != NULL)
    g_signal_connect_object (scenario, "changed", G_CALLBACK (project_changed_cb), self,
                             G_CONNECT_SWAPPED);
  project_changed_cb (self, self->project);
}
