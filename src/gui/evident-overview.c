/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "evident-a11y.h"
#include "evident-enums-util.h"
#include "evident-enums.h"
#include "evident-evidence-check.h"
#include "evident-item.h"
#include "evident-open-findings.h"
#include "evident-overview-bar.h"
#include "evident-overview.h"
#include "evident-placeholder-row.h"
#include "evident-plan-panel.h"
#include "evident-resources.h"
#include "evident-scenario-panel.h"
#include "evident-workload-chart.h"

/*
 * EvidentOverview: the page a project opens on. The score of the three
 * views against the pass line, the owner × complexity heat map, the
 * mandatory items not counted yet, the items with most points at risk, and
 * each chapter's points (for a checklist without points: no points at
 * risk, and each chapter's items counted). It follows every edit. It
 * knows no window: it emits "item-activated", "chapter-activated" and
 * "heatmap-cell-activated", and its host opens the item, the chapter or
 * the filtered item list.
 */

#define N_AT_RISK_SHOWN 10
/* A real checklist has some 20 mandatory items; a generated one may have
 * thousands, which would cost seconds of layout for a list nobody reads. */
#define N_MANDATORY_SHOWN 25

typedef struct
{
  GtkWidget          *row;
  GtkLabel           *value;
  GtkLabel           *state;
  GtkLabel           *gap;
  EvidentOverviewBar *bar;
} ScoreRow;

/* Items met without evidence, listed at most */
#define N_NO_EVIDENCE_SHOWN 25

typedef struct
{
  GtkWidget          *row;
  GtkLabel           *number;
  GtkLabel           *title;
  GtkLabel           *tag;
  GtkLabel           *points;
  EvidentOverviewBar *bar;
} ChapterRow;

struct _EvidentOverview
{
  AdwBin                parent_instance;

  GtkLabel             *title_label;
  GtkLabel             *file_label;
  GtkListBox           *score_list;
  AdwPreferencesGroup  *score_group;
  AdwPreferencesGroup  *heatmap_group;
  GtkDropDown          *metric_dropdown;
  EvidentHeatmapView   *heatmap_view;
  AdwPreferencesGroup  *mandatory_group;
  GtkListBox           *mandatory_list;
  GtkWidget            *mandatory_more_row;
  AdwPreferencesGroup  *risk_group;
  GtkListBox           *risk_list;
  AdwPreferencesGroup  *chapters_group;
  GtkListBox           *chapter_list;
  AdwPreferencesGroup  *no_evidence_group;
  GtkListBox           *no_evidence_list;
  GtkWidget            *no_evidence_more_row;
  EvidentPlanPanel     *plan_panel;
  EvidentScenarioPanel *scenario_panel;
  EvidentWorkloadChart *workload_chart;
  EvidentOpenFindings  *findings_group;
  GtkWidget            *below_box;
  /* The sections below the plan wait for the first idle moment after the
   * window shows: until then they are neither built nor measured. */
  guint                 below_source;
  gboolean              below_filled;

  ScoreRow              score_rows[EVIDENT_N_VIEWS];
  GArray               *chapter_rows;  /* ChapterRow */
  GStrv                 mandatory_refs;
  GStrv                 risk_refs;
  GStrv                 no_evidence_refs;

  EvidentProject       *project;
  /* What-if mode: the scores shown are this scenario's */
  EvidentScenario      *scenario;
  EvidentHeatmapMetric  metric;
  /* The metrics the menu offers, in its order; a pass/fail checklist's
   * menu has none of points. */
  EvidentHeatmapMetric  menu_metrics[EVIDENT_HEATMAP_N_METRICS];
  guint                 n_menu_metrics;
  gboolean              filling_menu;
};

G_DEFINE_FINAL_TYPE (EvidentOverview, evident_overview, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_METRIC,
  N_PROPS
};

enum {
  SIGNAL_ITEM_ACTIVATED,
  SIGNAL_CHAPTER_ACTIVATED,
  SIGNAL_HEATMAP_CELL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const EvidentScore *
get_score (EvidentOverview *self)
{
  if (self->scenario != NULL)
    return evident_scenario_get_score (self->scenario);
  return evident_project_get_score (self->project);
}

static gboolean
is_pass_fail (const EvidentScore *score)
{
  return score->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL;
}

static char *
dup_gap_text (const EvidentScore *score,
              EvidentView         view)
{
  const EvidentViewScore *view_score = &score->views[view];
  guint n_open = view_score->n_mandatory_open;
  g_autofree char *gap = NULL;
  g_autofree char *mandatory = NULL;

  if (is_pass_fail (score))
    {
      if (n_open == 0)
        return g_strdup (_("All mandatory items counted"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u mandatory item open",
                                           "%u mandatory items open",
                                           n_open),
                              n_open);
    }

  if (view_score->pass)
    {
      long spare = lround (view_score->score) - score->rules.pass_score;

      /* Translators: the score is above the pass line by this many points */
      gap = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Passes with %ld point to spare",
                                          "Passes with %ld points to spare",
                                          spare),
                             spare);
    }
  else
    {
      long short_by = score->rules.pass_score - lround (view_score->score);

      /* Translators: e.g. "112 points short of 900", 900 being the pass line */
      gap = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%ld point short of %d",
                                          "%ld points short of %d",
                                          short_by),
                             short_by, score->rules.pass_score);
    }

  if (n_open == 0)
    return g_steal_pointer (&gap);

  /* Translators: in the row of a score view, e.g. the confirmed one */
  mandatory = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u mandatory item not counted in this view",
                                            "%u mandatory items not counted in this view",
                                            n_open),
                               n_open);
  /* Translators: the gap to the pass line, then the mandatory items not
   * counted, e.g. "712 points short of 900 · 1 mandatory item not counted
   * in this view" */
  return g_strdup_printf (_("%s · %s"), gap, mandatory);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The score */

static void
create_score_rows (EvidentOverview *self)
{
  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      ScoreRow *row = &self->score_rows[v];
      GtkWidget *box, *line, *label;

      row->row = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
      gtk_widget_set_focusable (row->row, FALSE);

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 10);
      gtk_widget_set_margin_bottom (box, 10);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);

      line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_box_append (GTK_BOX (box), line);

      label = gtk_label_new (evident_view_get_label (v));
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (line), label);

      row->state = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_set_valign (GTK_WIDGET (row->state), GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (GTK_WIDGET (row->state), "evident-pass-pill");
      gtk_widget_add_css_class (GTK_WIDGET (row->state), "caption-heading");
      gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->state));

      row->value = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (row->value, 1.0);
      gtk_label_set_width_chars (row->value, 5);
      gtk_widget_add_css_class (GTK_WIDGET (row->value), "title-3");
      gtk_widget_add_css_class (GTK_WIDGET (row->value), "numeric");
      gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->value));

      row->bar = EVIDENT_OVERVIEW_BAR (evident_overview_bar_new ());
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->bar));

      row->gap = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (row->gap, 0.0);
      gtk_label_set_wrap (row->gap, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (row->gap), "dim-label");
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->gap));

      /* The legend: what the view counts, in one line. */
      {
        g_autofree char *counts = NULL;

        /* Translators: under a score view, e.g. "Counts items met or not
         * applicable" */
        counts = g_strdup_printf (_("Counts %s"), evident_view_get_description (v));
        label = gtk_label_new (counts);
        gtk_label_set_xalign (GTK_LABEL (label), 0.0);
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_widget_add_css_class (label, "caption");
        gtk_widget_add_css_class (label, "dim-label");
        gtk_box_append (GTK_BOX (box), label);
      }

      gtk_list_box_append (self->score_list, row->row);
    }
}

static void
update_score (EvidentOverview *self)
{
  const EvidentScore *score;
  g_autofree char *description = NULL;
  gboolean pass_fail;

  if (self->project == NULL)
    return;

  score = get_score (self);
  pass_fail = is_pass_fail (score);

  if (pass_fail)
    description = g_strdup (_("The share of items counted. Passing needs every mandatory item counted."));
  else
    /* Translators: the score group's description; the mark is the line
     * drawn across each bar */
    description = g_strdup_printf (_("The mark on each bar is the pass line, %d of %d points. "
                                     "Each mandatory item not counted costs %d points."),
                                   score->rules.pass_score, (int) score->max_score,
                                   score->rules.mandatory_penalty);
  adw_preferences_group_set_description (self->score_group, description);
  adw_preferences_group_set_title (self->score_group,
                                   self->scenario != NULL ? _("Score, What-If")
                                                          : _("Score"));

  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      const EvidentViewScore *view = &score->views[v];
      ScoreRow *row = &self->score_rows[v];
      g_autofree char *value = evident_score_format (score, v);
      g_autofree char *gap = dup_gap_text (score, v);
      g_autofree char *accessible = NULL;

      if (self->scenario != NULL)
        {
          /* Translators: a view's score in what-if mode and its difference
           * from the real one, e.g. "912 (+64)" */
          long difference = lround (evident_scenario_get_difference (self->scenario, v));
          char *with_difference = g_strdup_printf (_("%s (%+ld)"), value, difference);

          g_free (value);
          value = with_difference;
        }
      gtk_label_set_label (row->value, value);
      gtk_label_set_label (row->gap, gap);
      gtk_label_set_label (row->state, view->pass ? _("Pass") : _("Fail"));
      gtk_widget_remove_css_class (GTK_WIDGET (row->state), view->pass ? "error" : "success");
      gtk_widget_add_css_class (GTK_WIDGET (row->state), view->pass ? "success" : "error");

      if (pass_fail)
        evident_overview_bar_set (row->bar, 100, view->score, 0, NAN, view->pass);
      else
        evident_overview_bar_set (row->bar, score->max_score, view->score, 0,
                          score->rules.pass_score, view->pass);

      /* Translators: a score view for screen readers, e.g.
       * "Projected: 528, fail, 372 points short of 900" */
      accessible = g_strdup_printf (_("%s: %s, %s, %s"),
                                    evident_view_get_label (v), value,
                                    view->pass ? _("pass") : _("fail"), gap);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }
}

/* The chapters */

static void
update_chapter_row (EvidentOverview           *self,
                    ChapterRow                *row,
                    const EvidentChapterScore *chapter,
                    gboolean                   no_points)
{
  int confirmed = chapter->points_counted[EVIDENT_VIEW_CONFIRMED];
  int projected = chapter->points_counted[EVIDENT_VIEW_PROJECTED];
  int available = chapter->points;
  guint n_confirmed = chapter->n_counted[EVIDENT_VIEW_CONFIRMED];
  guint n_projected = chapter->n_counted[EVIDENT_VIEW_PROJECTED];
  g_autofree char *points = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *mandatory = NULL;
  g_autofree char *items = NULL;

  gtk_label_set_label (row->number, chapter->number);
  gtk_label_set_label (row->title, evident_translate_title (chapter->title));

  if (no_points)
    /* Translators: a chapter's items counted: confirmed · projected / all,
     * where the checklist has no points, e.g. "7 · 9 / 15 items" */
    points = g_strdup_printf (_("%u · %u / %u items"), n_confirmed, n_projected, chapter->n_items);
  else
    /* Translators: a chapter's points: confirmed · projected / available */
    points = g_strdup_printf (_("%d · %d / %d"), confirmed, projected, available);
  gtk_label_set_label (row->points, points);

  if (chapter->n_mandatory_open > 0)
    {
      mandatory = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u mandatory item not counted",
                                                "%u mandatory items not counted",
                                                chapter->n_mandatory_open),
                                   chapter->n_mandatory_open);
      g_autofree char *tag = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%u mandatory",
                                                           "%u mandatory",
                                                           chapter->n_mandatory_open),
                                              chapter->n_mandatory_open);
      gtk_label_set_label (row->tag, tag);
    }
  gtk_widget_set_visible (GTK_WIDGET (row->tag), chapter->n_mandatory_open > 0);

  if (no_points)
    evident_overview_bar_set (row->bar, chapter->n_items, n_confirmed, n_projected, NAN,
                              chapter->n_items > 0 && n_confirmed >= chapter->n_items);
  else
    evident_overview_bar_set (row->bar, chapter->points, confirmed, projected, NAN,
                              chapter->points > 0 && confirmed >= chapter->points);

  if (no_points)
    {
      /* Translators: a chapter for screen readers, where the checklist has
       * no points, e.g. "8.0 Security: 7 items confirmed, 9 projected, of 15" */
      items = g_strdup_printf (_("%s %s: %u items confirmed, %u projected, of %u"),
                               chapter->number, evident_translate_title (chapter->title),
                               n_confirmed, n_projected, chapter->n_items);
      if (mandatory != NULL)
        /* Translators: a chapter for screen readers, then its mandatory
         * items not counted, e.g. "8.0 Security: 7 items confirmed, 9
         * projected, of 15; 1 mandatory item not counted" */
        accessible = g_strdup_printf (_("%s; %s"), items, mandatory);
      else
        accessible = g_steal_pointer (&items);
    }
  else if (mandatory != NULL)
    /* Translators: a chapter for screen readers, e.g. "8.0 Security: 77
     * points confirmed, 103 projected, of 160; 1 mandatory item not counted" */
    accessible = g_strdup_printf (_("%s %s: %d points confirmed, %d projected, of %d; %s"),
                                  chapter->number, evident_translate_title (chapter->title),
                                  confirmed, projected, available, mandatory);
  else
    /* Translators: a chapter for screen readers, e.g. "8.0 Security: 77
     * points confirmed, 103 projected, of 160" */
    accessible = g_strdup_printf (_("%s %s: %d points confirmed, %d projected, of %d"),
                                  chapter->number, evident_translate_title (chapter->title),
                                  confirmed, projected, available);
  /* Setting a tooltip queries the pointer: only on a change. The tooltip
   * is not the description too, or screen readers would read it twice. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (row->row), accessible) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      gtk_widget_set_tooltip_text (row->row, accessible);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  g_object_set_data_full (G_OBJECT (row->row), "evident-chapter",
                          g_strdup (chapter->number), g_free);
}

static ChapterRow
create_chapter_row (void)
{
  ChapterRow row;
  GtkWidget *box, *line, *image;

  row.row = gtk_list_box_row_new ();

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row.row), box);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (box), line);

  row.number = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row.number, 0.0);
  gtk_label_set_width_chars (row.number, 4);
  gtk_widget_add_css_class (GTK_WIDGET (row.number), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row.number), "numeric");
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row.number));

  row.title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row.title, 0.0);
  gtk_label_set_ellipsize (row.title, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (row.title), TRUE);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row.title));

  row.tag = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (row.tag), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row.tag), "evident-overview-tag");
  gtk_widget_add_css_class (GTK_WIDGET (row.tag), "caption-heading");
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row.tag));

  row.points = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (row.points), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (row.points), "dim-label");
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row.points));

  image = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (line), image);

  row.bar = EVIDENT_OVERVIEW_BAR (evident_overview_bar_new ());
  gtk_widget_set_margin_end (GTK_WIDGET (row.bar), 24);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row.bar));

  return row;
}

static void
update_chapters (EvidentOverview *self)
{
  const EvidentScore *score;

  if (self->project == NULL)
    return;

  score = get_score (self);
  if (is_pass_fail (score))
    adw_preferences_group_set_description (self->chapters_group,
                                           _("Items confirmed (solid) and projected (light) "
                                             "of the chapter's items."));
  else
    adw_preferences_group_set_description (self->chapters_group,
                                           _("Points confirmed (solid) and projected (light) "
                                             "of the points available."));

  if (self->chapter_rows->len != score->chapters->len)
    {
      clear_list (self->chapter_list);
      g_array_set_size (self->chapter_rows, 0);

      for (guint i = 0; i < score->chapters->len; i++)
        {
          ChapterRow row = create_chapter_row ();

          g_array_append_val (self->chapter_rows, row);
          gtk_list_box_append (self->chapter_list, row.row);
        }
    }

  for (guint i = 0; i < score->chapters->len; i++)
    update_chapter_row (self,
                        &g_array_index (self->chapter_rows, ChapterRow, i),
                        &g_array_index (score->chapters, EvidentChapterScore, i),
                        is_pass_fail (score));
}

/* The items */

/* @points: the item's points at risk, or with @at_risk %FALSE its points;
 * with @no_points (a pass/fail checklist) the row shows none. */
static void
fill_item_row (AdwActionRow *row,
               EvidentItem  *item,
               int           points,
               gboolean      at_risk,
               gboolean      no_points)
{
  int points_at_risk = points;
  const char *ref = evident_item_get_ref (item);
  const char *owner = evident_item_get_owner (item);
  const char *status = evident_status_get_label (evident_item_get_status (item));
  GtkLabel *points_label = g_object_get_data (G_OBJECT (row), "evident-points");
  g_autofree char *subtitle = NULL;
  g_autofree char *points_text = NULL;
  g_autofree char *accessible = NULL;

  if (owner == NULL || *owner == '\0')
    owner = C_("owner", "Unassigned");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evident_item_get_title (item));
  /* Translators: an item's line under its title: reference · owner · status */
  subtitle = g_strdup_printf (_("%s · %s · %s"), ref, owner, status);
  adw_action_row_set_subtitle (row, subtitle);

  /* Translators: points at risk of an item, e.g. "208 pts" */
  points_text = g_strdup_printf (_("%d pts"), points_at_risk);
  gtk_label_set_label (points_label, points_text);
  gtk_widget_set_visible (GTK_WIDGET (points_label), !no_points);

  if (no_points)
    /* Translators: an item for screen readers, where the checklist has no
     * points, e.g. "8.2.3 Least privilege: Security lead, In progress" */
    accessible = g_strdup_printf (_("%s %s: %s, %s"),
                                  ref, evident_item_get_title (item), owner, status);
  else if (at_risk)
    /* Translators: an item for screen readers, e.g. "8.2.3 Least privilege:
     * 11 points at risk, Security lead, In progress" */
    accessible = g_strdup_printf (_("%s %s: %d points at risk, %s, %s"),
                                  ref, evident_item_get_title (item), points_at_risk,
                                  owner, status);
  else
    /* Translators: an item for screen readers, e.g. "8.2.3 Least privilege:
     * 11 points, Security lead, Met" */
    accessible = g_strdup_printf (_("%s %s: %d points, %s, %s"),
                                  ref, evident_item_get_title (item), points, owner, status);
  if (at_risk)
    gtk_widget_add_css_class (GTK_WIDGET (points_label), "evident-points-at-risk");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (points_label), "evident-points-at-risk");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "evident-ref", g_strdup (ref), g_free);
}

static GtkWidget *
create_item_row (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *points;
  GtkWidget *image;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The row's label (fill_item_row()) says it all; without this, screen
   * readers would read the title after it again. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  points = gtk_label_new (NULL);
  gtk_widget_add_css_class (points, "numeric");
  gtk_widget_add_css_class (points, "evident-points-at-risk");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), points);
  g_object_set_data (G_OBJECT (row), "evident-points", points);

  image = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), image);

  return row;
}

/* Shows @items in @list; keeps the rows (and the focus) when the same
 * items are shown as before, which is the common case for an edit. */
static void
update_item_list (GtkListBox  *list,
                  GStrv       *shown,
                  GPtrArray   *items,
                  int          penalty,
                  gboolean     at_risk,
                  gboolean     no_points,
                  const char  *placeholder)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) refs = NULL;

  for (guint i = 0; i < items->len; i++)
    g_strv_builder_add (builder, evident_item_get_ref (g_ptr_array_index (items, i)));
  refs = g_strv_builder_end (builder);

  if (*shown == NULL || !g_strv_equal ((const char * const *) *shown, (const char * const *) refs))
    {
      clear_list (list);
      for (guint i = 0; i < items->len; i++)
        gtk_list_box_append (list, create_item_row ());
      if (items->len == 0)
        gtk_list_box_append (list, evident_placeholder_row_new (placeholder));

      g_strfreev (*shown);
      *shown = g_steal_pointer (&refs);
    }

  for (guint i = 0; i < items->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (items, i);

      fill_item_row (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, i)), item,
                     at_risk ? evident_item_get_points_at_risk (item, penalty)
                             : evident_item_get_points (item),
                     at_risk, no_points);
    }
}

/* The items met without evidence: how many, and the first of them. */
static void
update_no_evidence (EvidentOverview *self)
{
  g_autoptr (GPtrArray) items = evident_project_dup_met_without_evidence (self->project);
  g_autoptr (GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *description = NULL;

  for (guint i = 0; i < MIN (items->len, N_NO_EVIDENCE_SHOWN); i++)
    g_ptr_array_add (shown, g_ptr_array_index (items, i));

  /* Translators: the description of the overview's list of items met
   * without evidence, with their number */
  description = g_strdup_printf (_("Met without evidence: %u. Each item met should show the "
                                   "auditor its evidence."),
                                 items->len);
  adw_preferences_group_set_description (self->no_evidence_group, description);

  if (self->no_evidence_more_row != NULL)
    {
      gtk_list_box_remove (self->no_evidence_list, self->no_evidence_more_row);
      self->no_evidence_more_row = NULL;
    }
  update_item_list (self->no_evidence_list, &self->no_evidence_refs, shown, 0, FALSE,
                    is_pass_fail (evident_project_get_score (self->project)),
                    _("Every item met has its evidence."));
  if (items->len > shown->len)
    {
      guint n_more = items->len - shown->len;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more item",
                                                            "And %u more items",
                                                            n_more),
                                               n_more);

      self->no_evidence_more_row = evident_placeholder_row_new (text);
      gtk_list_box_append (self->no_evidence_list, self->no_evidence_more_row);
    }
}

static void
update_title (EvidentOverview *self)
{
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;

  name = g_file_get_basename (evident_project_get_file (self->project));
  gtk_label_set_label (self->title_label, evident_project_get_title (self->project));
  gtk_label_set_label (self->file_label, name);
}

static void
update_items (EvidentOverview *self)
{
  g_autoptr (GPtrArray) mandatory = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) at_risk = g_ptr_array_new ();
  const EvidentScore *score;
  GListModel *items;
  guint n_items;
  guint n_more = 0;

  if (self->project == NULL)
    return;

  score = evident_project_get_score (self->project);

  items = evident_project_get_items (self->project);
  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (evident_item_get_mandatory (item)
          && !evident_item_counts_in (item, EVIDENT_VIEW_PROJECTED))
        {
          if (mandatory->len < N_MANDATORY_SHOWN)
            g_ptr_array_add (mandatory, g_steal_pointer (&item));
          else
            n_more++;
        }
    }

  for (guint i = 0; i < MIN (score->at_risk->len, N_AT_RISK_SHOWN); i++)
    g_ptr_array_add (at_risk, g_ptr_array_index (score->at_risk, i));

  if (is_pass_fail (score))
    adw_preferences_group_set_description (self->mandatory_group,
                                           _("Not counted in the projected view: passing needs "
                                             "each of them ready for review or met."));
  else
    adw_preferences_group_set_description (self->mandatory_group,
                                           _("Not counted in the projected view: each costs the "
                                             "penalty until it is ready for review or met."));
  if (self->mandatory_more_row != NULL)
    {
      gtk_list_box_remove (self->mandatory_list, self->mandatory_more_row);
      self->mandatory_more_row = NULL;
    }
  update_item_list (self->mandatory_list, &self->mandatory_refs, mandatory,
                    score->rules.mandatory_penalty, TRUE, is_pass_fail (score),
                    _("Every mandatory item is counted in the projected view."));
  if (n_more > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more mandatory item",
                                                            "And %u more mandatory items",
                                                            n_more),
                                               n_more);

      self->mandatory_more_row = evident_placeholder_row_new (text);
      gtk_list_box_append (self->mandatory_list, self->mandatory_more_row);
    }
  /* Without points there are none at risk: the section is of no use. */
  gtk_widget_set_visible (GTK_WIDGET (self->risk_group), !is_pass_fail (score));
  update_item_list (self->risk_list, &self->risk_refs, at_risk,
                    score->rules.mandatory_penalty, TRUE, is_pass_fail (score),
                    _("No points at risk: every item is counted in the projected view."));
  update_no_evidence (self);
}

static void
fill_below (EvidentOverview *self)
{
  g_clear_handle_id (&self->below_source, g_source_remove);
  self->below_filled = self->project != NULL;

  evident_heatmap_view_set_project (self->heatmap_view, self->project);
  evident_workload_chart_set_project (self->workload_chart, self->project);
  evident_open_findings_set_project (self->findings_group, self->project);
  update_chapters (self);
  update_items (self);
  gtk_widget_set_visible (self->below_box, self->below_filled);
}

static gboolean
fill_below_cb (gpointer data)
{
  EvidentOverview *self = data;

  self->below_source = 0;
  fill_below (self);
  return G_SOURCE_REMOVE;
}

/* Fills the sections below the plan now if they wait; the getters of
 * what they hold call it, so that callers always see them filled. */
static void
ensure_below (EvidentOverview *self)
{
  if (self->below_source != 0)
    fill_below (self);
}

/* The menu's place of @metric; a metric it does not offer falls back to
 * the first, items open, which the heat map then shows. */
static guint
get_metric_position (EvidentOverview      *self,
                     EvidentHeatmapMetric  metric)
{
  for (guint i = 0; i < self->n_menu_metrics; i++)
    if (self->menu_metrics[i] == metric)
      return i;
  return 0;
}

/* Selects @self's metric in the menu, without taking the selection for
 * a choice: a metric the menu lacks stays chosen for other projects. */
static void
select_metric (EvidentOverview *self)
{
  self->filling_menu = TRUE;
  gtk_drop_down_set_selected (self->metric_dropdown, get_metric_position (self, self->metric));
  self->filling_menu = FALSE;
}

/* The metric menu: every metric, or for a checklist without points, the
 * metrics that mean something there (not points at risk). Left as it is
 * when it offers those already. */
static void
fill_metric_menu (EvidentOverview *self)
{
  g_autoptr (GtkStringList) labels = NULL;
  gboolean no_points = self->project != NULL
                       && is_pass_fail (evident_project_get_score (self->project));

  if (self->n_menu_metrics == (no_points ? EVIDENT_HEATMAP_N_METRICS - 1 : EVIDENT_HEATMAP_N_METRICS))
    return;

  labels = gtk_string_list_new (NULL);
  self->n_menu_metrics = 0;
  for (guint m = 0; m < EVIDENT_HEATMAP_N_METRICS; m++)
    {
      if (no_points && m == EVIDENT_HEATMAP_METRIC_RISK)
        continue;
      self->menu_metrics[self->n_menu_metrics++] = m;
      gtk_string_list_append (labels, evident_heatmap_metric_get_label (m));
    }
  self->filling_menu = TRUE;
  gtk_drop_down_set_model (self->metric_dropdown, G_LIST_MODEL (labels));
  self->filling_menu = FALSE;
  select_metric (self);
}

static void
update_all (EvidentOverview *self)
{
  update_title (self);
  update_score (self);
  if (self->below_filled)
    {
      update_chapters (self);
      update_items (self);
    }
}

/* Callbacks */

static void
project_changed_cb (EvidentOverview *self)
{
  /* A revision of the checklist may have changed its scoring mode. */
  fill_metric_menu (self);
  update_all (self);
}

static void
scenario_changed_cb (EvidentOverview *self)
{
  update_score (self);
  if (self->below_filled)
    update_chapters (self);
}

static void
item_row_activated_cb (EvidentOverview *self,
                       GtkListBoxRow   *row,
                       GtkListBox      *list)
{
  const char *ref = g_object_get_data (G_OBJECT (row), "evident-ref");

  if (ref != NULL)
    g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0, ref);
}

static void
chapter_row_activated_cb (EvidentOverview *self,
                          GtkListBoxRow   *row,
                          GtkListBox      *list)
{
  const char *number = g_object_get_data (G_OBJECT (row), "evident-chapter");

  if (number != NULL)
    g_signal_emit (self, signals[SIGNAL_CHAPTER_ACTIVATED], 0, number);
}

static void
plan_item_activated_cb (EvidentOverview  *self,
                        const char       *ref,
                        EvidentPlanPanel *panel)
{
  g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0, ref);
}

static void
plan_scenario_saved_cb (EvidentOverview  *self,
                        const char       *name,
                        EvidentPlanPanel *panel)
{
  evident_scenario_panel_reload (self->scenario_panel);
}

static void
metric_selected_cb (EvidentOverview *self,
                    GParamSpec      *pspec,
                    GtkDropDown     *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (!self->filling_menu && selected < self->n_menu_metrics)
    evident_overview_set_metric (self, self->menu_metrics[selected]);
}

static void
heatmap_cell_activated_cb (EvidentOverview    *self,
                           gboolean            any_owner,
                           const char         *owner,
                           int                 complexity,
                           EvidentHeatmapView *view)
{
  g_signal_emit (self, signals[SIGNAL_HEATMAP_CELL_ACTIVATED], 0, any_owner, owner, complexity);
}

/* GObject */

static void
evident_overview_dispose (GObject *object)
{
  EvidentOverview *self = EVIDENT_OVERVIEW (object);

  g_clear_handle_id (&self->below_source, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_clear_object (&self->project);
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_func (self->scenario, scenario_changed_cb, self);
  g_clear_object (&self->scenario);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_OVERVIEW);

  G_OBJECT_CLASS (evident_overview_parent_class)->dispose (object);
}

static void
evident_overview_finalize (GObject *object)
{
  EvidentOverview *self = EVIDENT_OVERVIEW (object);

  g_clear_pointer (&self->chapter_rows, g_array_unref);
  g_clear_pointer (&self->mandatory_refs, g_strfreev);
  g_clear_pointer (&self->risk_refs, g_strfreev);
  g_clear_pointer (&self->no_evidence_refs, g_strfreev);

  G_OBJECT_CLASS (evident_overview_parent_class)->finalize (object);
}

static void
evident_overview_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EvidentOverview *self = EVIDENT_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_METRIC:
      g_value_set_enum (value, self->metric);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_overview_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EvidentOverview *self = EVIDENT_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_overview_set_project (self, g_value_get_object (value));
      break;

    case PROP_METRIC:
      evident_overview_set_metric (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_overview_class_init (EvidentOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_overview_dispose;
  object_class->finalize = evident_overview_finalize;
  object_class->get_property = evident_overview_get_property;
  object_class->set_property = evident_overview_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EVIDENT_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * EvidentOverview:metric:
   *
   * What the heat map's cells show.
   */
  properties[PROP_METRIC] =
    g_param_spec_enum ("metric", NULL, NULL,
                       EVIDENT_TYPE_HEATMAP_METRIC,
                       EVIDENT_HEATMAP_METRIC_OPEN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentOverview::item-activated:
   * @self: the overview
   * @ref: the item's reference
   *
   * An item of the mandatory or at-risk lists was chosen.
   */
  signals[SIGNAL_ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * EvidentOverview::chapter-activated:
   * @self: the overview
   * @number: the chapter's number, e.g. "8.0"
   *
   * A chapter was chosen.
   */
  signals[SIGNAL_CHAPTER_ACTIVATED] =
    g_signal_new ("chapter-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * EvidentOverview::heatmap-cell-activated:
   * @self: the overview
   * @any_owner: %TRUE for the heat map's total row
   * @owner: (nullable): the owner; %NULL for "Unassigned" (and any owner)
   * @complexity: an #EvidentComplexity, or -1 for any (the total column)
   *
   * A heat map cell was chosen; see #EvidentHeatmapView::cell-activated.
   */
  signals[SIGNAL_HEATMAP_CELL_ACTIVATED] =
    g_signal_new ("heatmap-cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_BOOLEAN,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_INT);

  gtk_widget_class_install_property_action (widget_class, "overview.metric", "metric");

  /* Links the resources of this static library in. */
  (void) evident_get_resource ();

  g_type_ensure (EVIDENT_TYPE_HEATMAP_VIEW);
  g_type_ensure (EVIDENT_TYPE_OPEN_FINDINGS);
  g_type_ensure (EVIDENT_TYPE_PLAN_PANEL);
  g_type_ensure (EVIDENT_TYPE_SCENARIO_PANEL);
  g_type_ensure (EVIDENT_TYPE_WORKLOAD_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, score_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, score_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, heatmap_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, heatmap_view);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, mandatory_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, mandatory_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, no_evidence_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, findings_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, below_box);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, no_evidence_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, title_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, file_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, risk_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, risk_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, chapters_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, chapter_list);
  gtk_widget_class_bind_template_callback (widget_class, item_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, chapter_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, heatmap_cell_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, metric_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_scenario_saved_cb);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, plan_panel);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, scenario_panel);
  gtk_widget_class_bind_template_child (widget_class, EvidentOverview, workload_chart);

  gtk_widget_class_set_css_name (widget_class, "evidentoverview");
}

static void
evident_overview_init (EvidentOverview *self)
{
  self->metric = EVIDENT_HEATMAP_METRIC_OPEN;
  self->chapter_rows = g_array_new (FALSE, FALSE, sizeof (ChapterRow));

  gtk_widget_init_template (GTK_WIDGET (self));

  fill_metric_menu (self);
  evident_a11y_name_drop_down (self->metric_dropdown, _("Heat map metric"));

  create_score_rows (self);
  g_object_bind_property (self, "metric", self->heatmap_view, "metric",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

/**
 * evident_overview_new:
 *
 * Returns: (transfer floating): a new overview page
 */
GtkWidget *
evident_overview_new (void)
{
  return g_object_new (EVIDENT_TYPE_OVERVIEW, NULL);
}

EvidentProject *
evident_overview_get_project (EvidentOverview *self)
{
  g_return_val_if_fail (EVIDENT_IS_OVERVIEW (self), NULL);

  return self->project;
}

/**
 * evident_overview_set_project:
 * @project: (nullable): the project to show
 *
 * Shows @project, and follows its edits.
 */
void
evident_overview_set_project (EvidentOverview *self,
                              EvidentProject  *project)
{
  g_return_if_fail (EVIDENT_IS_OVERVIEW (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  g_set_object (&self->project, project);

  if (project != NULL)
    {
      g_signal_connect_object (project, "changed",
                               G_CALLBACK (project_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::title",
                               G_CALLBACK (update_title), self,
                               G_CONNECT_SWAPPED);
    }

  /* A new project's rows. */
  clear_list (self->chapter_list);
  g_array_set_size (self->chapter_rows, 0);
  clear_list (self->mandatory_list);
  self->mandatory_more_row = NULL;
  clear_list (self->risk_list);
  clear_list (self->no_evidence_list);
  self->no_evidence_more_row = NULL;
  g_clear_pointer (&self->mandatory_refs, g_strfreev);
  g_clear_pointer (&self->risk_refs, g_strfreev);
  g_clear_pointer (&self->no_evidence_refs, g_strfreev);
  gtk_widget_set_visible (GTK_WIDGET (self->score_list), project != NULL);

  evident_plan_panel_set_project (self->plan_panel, project);
  evident_scenario_panel_set_project (self->scenario_panel, project);
  fill_metric_menu (self);
  update_all (self);

  /* What the first frame shows (the title, the score, the plan) now; the
   * sections below it (heat map, workload, lists, chapters: hundreds of
   * widgets) once the window shows, or when asked for. */
  self->below_filled = FALSE;
  gtk_widget_set_visible (self->below_box, FALSE);
  g_clear_handle_id (&self->below_source, g_source_remove);
  if (project != NULL)
    self->below_source = g_idle_add_full (G_PRIORITY_LOW, fill_below_cb, self, NULL);
  else
    fill_below (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentHeatmapMetric
evident_overview_get_metric (EvidentOverview *self)
{
  g_return_val_if_fail (EVIDENT_IS_OVERVIEW (self), EVIDENT_HEATMAP_METRIC_OPEN);

  return self->metric;
}

void
evident_overview_set_metric (EvidentOverview      *self,
                             EvidentHeatmapMetric  metric)
{
  g_return_if_fail (EVIDENT_IS_OVERVIEW (self));
  g_return_if_fail (metric < EVIDENT_HEATMAP_N_METRICS);

  if (self->metric == metric)
    return;

  self->metric = metric;
  select_metric (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRIC]);
}

/**
 * evident_overview_get_heatmap_view:
 *
 * Returns: (transfer none): the heat map on the page
 */
EvidentHeatmapView *
evident_overview_get_heatmap_view (EvidentOverview *self)
{
  g_return_val_if_fail (EVIDENT_IS_OVERVIEW (self), NULL);
  ensure_below (self);

  return self->heatmap_view;
}

/**
 * evident_overview_get_score_text:
 * @view: a view
 *
 * Returns: the score shown for @view, e.g. "528" or "56 %"
 */
const char *
evident_overview_get_score_text (EvidentOverview *self,
                                 EvidentView      view)
{
  g_return_val_if_fail (EVIDENT_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (view < EVIDENT_N_VIEWS, NULL);

  return gtk_label_get_label (self->score_rows[view].value);
}

/**
 * evident_overview_get_gap_text:
 * @view: a view
 *
 * Returns: the gap to the pass line shown for @view, e.g. "372 points
 *   short of 900"
 */
const char *
evident_overview_get_gap_text (EvidentOverview *self,
                               EvidentView      view)
{
  g_return_val_if_fail (EVIDENT_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (view < EVIDENT_N_VIEWS, NULL);

  return gtk_label_get_label (self->score_rows[view].gap);
}

/**
 * evident_overview_get_chapter_list:
 *
 * Returns: (transfer none): the list of chapters, one row per chapter
 */
GtkListBox *
evident_overview_get_chapter_list (EvidentOverview *self)
{
  g_return_val_if_fail (EVIDENT_IS_OVERVIEW (self), NULL);
  ensure_below (self);

  return self->chapter_list;
}

/**
 * evident_overview_get_mandatory_list:
 *
 * Returns: (transfer none): the list of mandatory items not counted
 */
GtkListBox *
evident_overview_get_mandatory_list (EvidentOverview *self)
{
  g_return_val_if_fail (EVIDENT_IS_OVERVIEW (self), NULL);
  ensure_below (self);

  return self->mandatory_list;
}

/**
 * evident_overview_get_risk_list:
 *
 * Returns: (transfer none): the list of the items with most points at risk
 */
GtkListBox *
evident_overview_get_risk_list (EvidentOverview *self)
{
  g_return_val_if_fail (EVIDENT_IS_OVERVIEW (self), NULL);
  ensure_below (self);

  return self->risk_list;
}

/**
 * evident_overview_get_no_evidence_list:
 *
 * Returns: (transfer none): the list of the items met without evidence
 */
GtkListBox *
evident_overview_get_no_evidence_list (EvidentOverview *self)
{
  g_return_val_if_fail (EVIDENT_IS_OVERVIEW (self), NULL);
  ensure_below (self);

  return self->no_evidence_list;
}

EvidentPlanPanel *
evident_overview_get_plan_panel (EvidentOverview *self)
{
  g_return_val_if_fail (EVIDENT_IS_OVERVIEW (self), NULL);

  return self->plan_panel;
}

EvidentScenarioPanel *
evident_overview_get_scenario_panel (EvidentOverview *self)
{
  g_return_val_if_fail (EVIDENT_IS_OVERVIEW (self), NULL);

  return self->scenario_panel;
}

EvidentWorkloadChart *
evident_overview_get_workload_chart (EvidentOverview *self)
{
  g_return_val_if_fail (EVIDENT_IS_OVERVIEW (self), NULL);
  ensure_below (self);

  return self->workload_chart;
}

/**
 * evident_overview_set_scenario:
 * @scenario: (nullable): a what-if scenario over the project, or %NULL
 *
 * Shows @scenario's scores (each view and each chapter), with the
 * difference from the real ones, and its heat map; %NULL shows the real
 * ones again.
 */
void
evident_overview_set_scenario (EvidentOverview *self,
                               EvidentScenario *scenario)
{
  g_return_if_fail (EVIDENT_IS_OVERVIEW (self));
  g_return_if_fail (scenario == NULL || EVIDENT_IS_SCENARIO (scenario));

  if (self->scenario == scenario)
    return;

  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_func (self->scenario, scenario_changed_cb, self);
  g_set_object (&self->scenario, scenario);
  if (scenario != NULL)
    g_signal_connect_object (scenario, "changed", G_CALLBACK (scenario_changed_cb), self,
                             G_CONNECT_SWAPPED);
  evident_heatmap_view_set_scenario (self->heatmap_view, scenario);
  adw_preferences_group_set_title (self->heatmap_group,
                                   scenario != NULL ? _("Owners and Complexity, What-If")
                                                    : _("Owners and Complexity"));
  scenario_changed_cb (self);
}
