/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-enums-util.h"
#include "evident-evidence-check.h"
#include "evident-evidence-store.h"
#include "evident-item-row.h"
#include "evident-plan-marks.h"

/*
 * EvidentItemRow: one item in the item list: its reference, title and
 * status (with an icon when it needs a re-check after a checklist update,
 * and a warning sign when it is met without evidence), its owner,
 * complexity and points, a "Mandatory" tag, the points at risk when the
 * list is sorted by them, and the section's title when the row starts a
 * section. It follows its item's properties, and gives screen readers the
 * whole of it as its name. It shows a menu its owner makes
 * (evident_item_row_popup_menu(): the window's, for its section and
 * chapter).
 *
 * Few widgets per row: GTK 4.8 makes rows anew when a filter changes much
 * of the list.
 */

struct _EvidentItemRow
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkWidget    *box;
  GtkLabel     *header;
  GtkLabel     *ref;
  GtkLabel     *title;
  GtkLabel     *status;
  GtkWidget    *recheck;
  GtkWidget    *no_evidence;
  GtkLabel     *details;     /* owner · complexity · points */
  GtkLabel     *mandatory;
  GtkLabel     *overdue;
  GtkLabel     *in_plan;
  GtkLabel     *risk;

  EvidentItem  *item;
  GtkWidget    *menu;
  EvidentProject *project;
  GListModel   *evidence;    /* the item's, to follow */
  int           penalty;
  EvidentStatus status_class;
  guint         show_risk : 1;
};

G_DEFINE_FINAL_TYPE (EvidentItemRow, evident_item_row, GTK_TYPE_WIDGET)

static const char *status_classes[EVIDENT_N_STATUSES] = {
  "evident-status-not-started",
  "evident-status-in-progress",
  "evident-status-ready",
  "evident-status-met",
  "evident-status-not-met",
  "evident-status-not-applicable",
};

static void
append_escaped (GString    *markup,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (markup, escaped);
}

/* Everything the row shows, and says to screen readers, from its item. */
/* A checklist without points: a row shows none. */
static gboolean
is_pass_fail (EvidentItemRow *self)
{
  return self->project != NULL
         && evident_project_get_rules (self->project)->mode == EVIDENT_SCORE_MODE_PASS_FAIL;
}

static void
update_row (EvidentItemRow *self)
{
  g_autofree char *points = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *owner_text = NULL;
  g_autofree char *complexity_text = NULL;
  g_autofree char *points_text = NULL;
  g_autofree char *description = NULL;
  GString *markup;
  const char *section;
  const char *owner;
  EvidentStatus status;
  EvidentComplexity complexity;
  GtkWidget *parent;
  gboolean mandatory;
  gboolean without_evidence;
  gboolean overdue;
  gboolean in_plan;
  gboolean pass_fail;
  GDate today;
  int risk;

  if (self->item == NULL)
    return;

  pass_fail = is_pass_fail (self);

  status = evident_item_get_status (self->item);
  owner = evident_item_get_owner (self->item);
  complexity = evident_item_get_complexity (self->item);
  mandatory = evident_item_get_mandatory (self->item);
  risk = evident_item_get_points_at_risk (self->item, self->penalty);
  g_date_set_time_t (&today, time (NULL));
  overdue = evident_item_is_overdue (self->item, &today);
  in_plan = evident_plan_marks_contains (evident_plan_marks_get_default (), self->item);

  gtk_label_set_label (self->ref, evident_item_get_ref (self->item));
  gtk_label_set_label (self->title, evident_item_get_title (self->item));

  gtk_label_set_label (self->status, evident_status_get_label (status));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status), status_classes[self->status_class]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), status_classes[status]);
  self->status_class = status;

  without_evidence = self->project != NULL
                     && evident_item_is_met_without_evidence (self->item, self->project);
  gtk_widget_set_visible (self->no_evidence, without_evidence);

  /* The owner in italics when there is none, the complexity when rated. */
  markup = g_string_new (NULL);
  if (owner != NULL && *owner != '\0')
    append_escaped (markup, owner);
  else
    {
      g_string_append (markup, "<i>");
      append_escaped (markup, _("Unassigned"));
      g_string_append (markup, "</i>");
    }
  if (complexity != EVIDENT_COMPLEXITY_NONE)
    {
      g_string_append (markup, " · ");
      append_escaped (markup, evident_complexity_get_label (complexity));
    }
  /* A pass/fail checklist has no points to show. */
  if (!pass_fail)
    {
      points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d pt", "%d pts",
                                             evident_item_get_points (self->item)),
                                evident_item_get_points (self->item));
      g_string_append (markup, " · ");
      append_escaped (markup, points);
    }
  details = g_string_free (markup, FALSE);
  gtk_label_set_markup (self->details, details);

  gtk_widget_set_visible (GTK_WIDGET (self->mandatory), mandatory);
  gtk_widget_set_visible (self->recheck, evident_item_get_needs_recheck (self->item));
  gtk_widget_set_visible (GTK_WIDGET (self->overdue), overdue);
  gtk_widget_set_visible (GTK_WIDGET (self->in_plan), in_plan);

  if (self->show_risk && risk > 0)
    {
      g_autofree char *risk_label = NULL;

      /* Translators: points at risk, shown when the list is sorted by them */
      risk_label = g_strdup_printf (_("−%d at risk"), risk);
      gtk_label_set_label (self->risk, risk_label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->risk), self->show_risk && risk > 0);

  /* Translators: part of an item row's name for screen readers */
  owner_text = owner != NULL && *owner != '\0' ? g_strdup_printf (_("owner %s"), owner)
                                               : g_strdup (_("unassigned"));
  /* Translators: part of an item row's name for screen readers, e.g. "High complexity" */
  complexity_text = g_strdup_printf (_("%s complexity"), evident_complexity_get_label (complexity));
  if (pass_fail)
    /* Translators: an item row's name for screen readers in a pass/fail
     * checklist: reference and title, status, owner, complexity, e.g.
     * "8.2.1 Incident runbooks, In Progress, owner Security lead, High complexity" */
    accessible = g_strdup_printf (_("%s %s, %s, %s, %s"),
                                  evident_item_get_ref (self->item),
                                  evident_item_get_title (self->item),
                                  evident_status_get_label (status),
                                  owner_text, complexity_text);
  else
    {
      points_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d point", "%d points",
                                                  evident_item_get_points (self->item)),
                                     evident_item_get_points (self->item));
      /* Translators: an item row's name for screen readers: reference and title,
       * status, owner, complexity, points, e.g. "8.2.1 Incident runbooks, In
       * Progress, owner Security lead, High complexity, 10 points" */
      accessible = g_strdup_printf (_("%s %s, %s, %s, %s, %s"),
                                    evident_item_get_ref (self->item),
                                    evident_item_get_title (self->item),
                                    evident_status_get_label (status),
                                    owner_text, complexity_text, points_text);
    }
  if (mandatory)
    {
      /* Translators: appended to an item row's name for screen readers */
      char *with_mandatory = g_strdup_printf ("%s, %s", accessible, _("mandatory"));

      g_free (accessible);
      accessible = with_mandatory;
    }
  if (evident_item_get_needs_recheck (self->item))
    {
      EvidentStatus was = evident_item_get_recheck_status (self->item);
      /* Translators: appended to an item row's name for screen readers; %s
       * is the status the item had before a checklist update reworded it */
      char *with_recheck = g_strdup_printf (_("%s, needs re-check, was %s"), accessible,
                                            evident_status_get_label (was));

      g_free (accessible);
      accessible = with_recheck;
    }
  if (without_evidence)
    {
      /* Translators: appended to an item row's name for screen readers */
      char *with_flag = g_strdup_printf ("%s, %s", accessible, _("met without evidence"));

      g_free (accessible);
      accessible = with_flag;
    }
  if (in_plan)
    {
      /* Translators: appended to an item row's name for screen readers */
      char *with_plan = g_strdup_printf ("%s, %s", accessible, _("in the plan to pass"));

      g_free (accessible);
      accessible = with_plan;
    }
  if (overdue)
    {
      /* Translators: appended to an item row's name for screen readers */
      char *with_overdue = g_strdup_printf ("%s, %s", accessible, _("overdue"));

      g_free (accessible);
      accessible = with_overdue;
    }
  if (self->show_risk && risk > 0)
    {
      /* Translators: appended to an item row's name for screen readers */
      char *with_risk = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%s, %d point at risk",
                                                      "%s, %d points at risk", risk),
                                         accessible, risk);

      g_free (accessible);
      accessible = with_risk;
    }

  section = evident_item_get_section (self->item);
  /* Translators: an item row's description for screen readers, e.g.
   * "Section 8.2 Identity and Access" */
  description = section != NULL
                  ? g_strdup_printf (_("Section %s %s"), section,
                                     evident_item_get_section_title (self->item))
                  : g_strdup ("");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  /* The list item around the row is what a screen reader focuses and
   * selects: give it the same name. */
  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  if (parent != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}

/* One handler for the row's tooltips: a tooltip set on a label asks the
 * display server where the pointer is, each time a row is made. */
static gboolean
evident_item_row_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_tooltip,
                                GtkTooltip *tooltip)
{
  EvidentItemRow *self = EVIDENT_ITEM_ROW (widget);
  g_autofree char *text = NULL;
  GtkWidget *picked;

  if (keyboard_tooltip || self->item == NULL)
    return FALSE;

  picked = gtk_widget_pick (widget, x, y, GTK_PICK_DEFAULT);
  if (picked == GTK_WIDGET (self->title))
    {
      /* The whole title, when it does not fit. */
      if (!pango_layout_is_ellipsized (gtk_label_get_layout (self->title)))
        return FALSE;
      text = g_strdup (evident_item_get_title (self->item));
    }
  else if (picked == GTK_WIDGET (self->risk))
    text = g_strdup (_("Points lost if this item is not counted, with the penalty "
                       "for a mandatory item"));
  else if (picked == self->recheck)
    /* Translators: the tooltip of an item's re-check icon; %s is the
     * status it had before a checklist update reworded it */
    text = g_strdup_printf (_("Needs re-check after a checklist update: was %s"),
                            evident_status_get_label (evident_item_get_recheck_status (self->item)));
  else if (picked == self->no_evidence)
    text = g_strdup (_("Met without evidence: nothing shows the auditor that it is met"));
  else if (picked == GTK_WIDGET (self->mandatory) && is_pass_fail (self))
    text = g_strdup (_("Mandatory: the checklist is not passed while this item is not counted"));
  else if (picked == GTK_WIDGET (self->mandatory))
    text = g_strdup_printf (_("Mandatory: if it is not counted, the score loses %d points"),
                            self->penalty);
  else
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
evident_item_row_dispose (GObject *object)
{
  EvidentItemRow *self = EVIDENT_ITEM_ROW (object);

  evident_item_row_set_item (self, NULL, NULL, 0, FALSE);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_ITEM_ROW);

  G_OBJECT_CLASS (evident_item_row_parent_class)->dispose (object);
}

static void
evident_item_row_class_init (EvidentItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_item_row_dispose;

  widget_class->query_tooltip = evident_item_row_query_tooltip;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRow, box);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRow, header);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRow, ref);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRow, title);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRow, status);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRow, recheck);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRow, no_evidence);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRow, details);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRow, mandatory);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRow, overdue);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRow, in_plan);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemRow, risk);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidentitemrow");
}

static void
evident_item_row_init (EvidentItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->status_class = EVIDENT_STATUS_NOT_STARTED;
  gtk_widget_add_css_class (GTK_WIDGET (self->status), status_classes[self->status_class]);
  /* The plan to pass is worked out apart from the items: its tag follows it. */
  g_signal_connect_object (evident_plan_marks_get_default (), "changed",
                           G_CALLBACK (update_row), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
evident_item_row_new (void)
{
  return g_object_new (EVIDENT_TYPE_ITEM_ROW, NULL);
}

EvidentItem *
evident_item_row_get_item (EvidentItemRow *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_ROW (self), NULL);

  return self->item;
}

/**
 * evident_item_row_set_item:
 * @item: (nullable): the item to show, or %NULL for none
 * @project: (nullable): @item's project, for its evidence
 * @penalty: the project's mandatory penalty, for the points at risk
 * @show_risk: whether to show the points at risk
 *
 * Shows @item, and follows its changes, and its evidence's, until another
 * item comes.
 */
void
evident_item_row_set_item (EvidentItemRow *self,
                           EvidentItem    *item,
                           EvidentProject *project,
                           int             penalty,
                           gboolean        show_risk)
{
  g_return_if_fail (EVIDENT_IS_ITEM_ROW (self));
  g_return_if_fail (item == NULL || EVIDENT_IS_ITEM (item));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->item != item || self->project != project)
    {
      if (self->item != NULL)
        g_signal_handlers_disconnect_by_func (self->item, update_row, self);
      if (self->evidence != NULL)
        g_signal_handlers_disconnect_by_func (self->evidence, update_row, self);
      g_clear_object (&self->evidence);
      g_set_object (&self->item, item);
      g_set_object (&self->project, project);
      if (self->item != NULL)
        g_signal_connect_swapped (self->item, "notify",
                                  G_CALLBACK (update_row), self);
      if (self->item != NULL && self->project != NULL)
        {
          self->evidence = evident_evidence_store_list (
            evident_evidence_store_get_for_project (self->project), self->item);
          g_signal_connect_swapped (self->evidence, "items-changed",
                                    G_CALLBACK (update_row), self);
        }
    }
  self->penalty = penalty;
  self->show_risk = !!show_risk;
  update_row (self);
}

/**
 * evident_item_row_set_header:
 * @text: (nullable): the section's title, or %NULL when the row does not
 *   start a section
 */
void
evident_item_row_set_header (EvidentItemRow *self,
                             const char     *text)
{
  g_return_if_fail (EVIDENT_IS_ITEM_ROW (self));

  if (text != NULL)
    gtk_label_set_label (self->header, text);
  gtk_widget_set_visible (GTK_WIDGET (self->header), text != NULL);
}

/**
 * evident_item_row_popup_menu:
 * @model: the menu
 * @x: where to point, in the row's coordinates; negative: at the row
 * @y: likewise
 *
 * Shows @model as the row's context menu.
 */
void
evident_item_row_popup_menu (EvidentItemRow *self,
                             GMenuModel     *model,
                             double          x,
                             double          y)
{
  g_return_if_fail (EVIDENT_IS_ITEM_ROW (self));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), x >= 0);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               x >= 0 && y >= 0 ? &(GdkRectangle) { (int) x, (int) y, 1, 1 }
                                                : NULL);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Tests: the context menu, once it was shown. */
GMenuModel *
evident_item_row_get_menu_model (EvidentItemRow *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_ROW (self), NULL);

  return self->menu != NULL ? gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (self->menu))
                            : NULL;
}
