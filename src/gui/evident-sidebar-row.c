/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evident-chapter.h"
#include "evident-scenario.h"
#include "evident-sidebar-row.h"
#include "evident-whatif.h"

/*
 * EvidentSidebarRow: one row of the sidebar: "Overview", "All Items" with
 * the project's progress, or a chapter with its number, title, progress in
 * the projected view and a badge for its mandatory items not yet counted,
 * how many of its items need a re-check after a checklist update, and
 * "Exempt: …" under a chapter exempt as a whole. It follows the chapter's
 * properties (or the project's changes), and gives screen readers the
 * whole of it as its name. A chapter's row has a menu (right click, long
 * press, or Shift+F10 through the sidebar): mark it exempt or lift the
 * exemption, and its session history. Rows are recycled from one kind to
 * another; "Overview" and "Sessions" are pages
 * (evident_sidebar_row_bind_page()). In what-if mode
 * (evident_sidebar_row_set_scenario()) the counts and the progress are the
 * scenario's, marked "What-If" and with the style class "evident-whatif".
 */

struct _EvidentSidebarRow
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *grid;
  GtkWidget      *icon;
  GtkLabel       *number;
  GtkLabel       *title;
  GtkLabel       *badge;
  GtkProgressBar *progress;
  GtkLabel       *caption;
  GtkWidget      *exempt_box;
  GtkLabel       *exempt_label;
  GtkWidget      *menu;

  /* One of the two: the chapter shown, or the project for "All Items";
   * neither for "Overview". */
  EvidentChapter *chapter;
  EvidentProject *project;
  /* The project whose items a row counts for re-checks and overdue items */
  EvidentProject *items_project;
  /* What-if mode: the figures are this scenario's */
  EvidentScenario *scenario;
};

/* What a row counts, in the projected view */
typedef struct
{
  guint  n_items;
  guint  n_counted;
  guint  n_open;
  gint64 points;
  gint64 points_counted;
  /* a pass/fail checklist, or one whose items have no points */
  gboolean no_points;
} Figures;

G_DEFINE_FINAL_TYPE (EvidentSidebarRow, evident_sidebar_row, GTK_TYPE_WIDGET)

/* "Exempt: DevOps competency held" under an exempt chapter, the reason in
 * full as its tooltip and the row's accessible description. */
static void
update_exemption (EvidentSidebarRow *self)
{
  const char *reason = self->chapter != NULL
                         ? evident_chapter_get_exemption_reason (self->chapter)
                         : NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->exempt_box, reason != NULL);
  if (reason != NULL)
    /* Translators: under a chapter in the sidebar; %s is the reason */
    text = g_strdup_printf (_("Exempt: %s"), reason);
  gtk_label_set_label (self->exempt_label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (self->exempt_box, reason);
  if (reason != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static const EvidentChapterScore *
lookup_chapter_score (const EvidentScore *score,
                      const char         *number)
{
  for (guint i = 0; i < score->chapters->len; i++)
    {
      const EvidentChapterScore *chapter = &g_array_index (score->chapters,
                                                           EvidentChapterScore, i);

      if (g_strcmp0 (chapter->number, number) == 0)
        return chapter;
    }
  return NULL;
}

static gboolean get_counts (EvidentSidebarRow *self,
                            Figures           *figures);

/* The row's figures: its chapter's or the project's, or in what-if mode
 * the scenario's. FALSE for a row of neither. */
static gboolean
get_figures (EvidentSidebarRow *self,
             Figures           *figures)
{
  if (!get_counts (self, figures))
    return FALSE;

  figures->no_points = figures->points == 0
                       || (self->items_project != NULL
                           && evident_project_get_rules (self->items_project)->mode
                                == EVIDENT_SCORE_MODE_PASS_FAIL);
  return TRUE;
}

static gboolean
get_counts (EvidentSidebarRow *self,
            Figures           *figures)
{
  const EvidentScore *score = NULL;
  const EvidentChapterScore *chapter = NULL;

  memset (figures, 0, sizeof *figures);
  if (self->chapter != NULL && self->scenario != NULL)
    chapter = lookup_chapter_score (evident_scenario_get_score (self->scenario),
                                    evident_chapter_get_number (self->chapter));
  if (chapter != NULL)
    {
      figures->n_items = chapter->n_items;
      figures->n_counted = chapter->n_counted[EVIDENT_VIEW_PROJECTED];
      figures->n_open = chapter->n_mandatory_open;
      figures->points = chapter->points;
      figures->points_counted = chapter->points_counted[EVIDENT_VIEW_PROJECTED];
      return TRUE;
    }
  if (self->chapter != NULL)
    {
      figures->n_items = evident_chapter_get_n_items (self->chapter);
      figures->n_counted = evident_chapter_get_n_counted (self->chapter, EVIDENT_VIEW_PROJECTED);
      figures->n_open = evident_chapter_get_n_mandatory_open (self->chapter);
      figures->points = evident_chapter_get_points (self->chapter);
      figures->points_counted = evident_chapter_get_points_counted (self->chapter,
                                                                    EVIDENT_VIEW_PROJECTED);
      return TRUE;
    }
  if (self->project == NULL)
    return FALSE;

  score = self->scenario != NULL ? evident_scenario_get_score (self->scenario)
                                 : evident_project_get_score (self->project);
  figures->n_items = score->n_items;
  figures->n_counted = score->views[EVIDENT_VIEW_PROJECTED].n_counted;
  figures->n_open = score->views[EVIDENT_VIEW_PROJECTED].n_mandatory_open;
  figures->points = score->max_score;
  for (guint i = 0; i < score->chapters->len; i++)
    figures->points_counted += g_array_index (score->chapters, EvidentChapterScore, i)
                                 .points_counted[EVIDENT_VIEW_PROJECTED];
  return TRUE;
}

/* The row's name for screen readers: the whole of it; @open_text says
 * its mandatory items not counted. */
static void
update_accessible (EvidentSidebarRow *self,
                   const Figures     *figures,
                   const char        *open_text,
                   guint              n_recheck,
                   guint              n_overdue)
{
  g_autofree char *accessible = NULL;
  g_autofree char *items_text = NULL;
  g_autofree char *points_text = NULL;
  guint n_items = figures->n_items;
  guint n_counted = figures->n_counted;
  int points = figures->points;
  int points_counted = figures->points_counted;
  GtkWidget *parent;

  if (self->scenario != NULL)
    /* Translators: part of a row's name for screen readers in what-if
     * mode, e.g. "what-if: 12 of 15 items" */
    items_text = g_strdup_printf (_("what-if: %u of %u items"), n_counted, n_items);
  else
    /* Translators: part of a row's name for screen readers, e.g. "projected
     * view: 12 of 15 items" */
    items_text = g_strdup_printf (_("projected view: %u of %u items"), n_counted, n_items);
  /* Translators: part of a row's name for screen readers, e.g. "85 of 120 points" */
  points_text = !figures->no_points ? g_strdup_printf (_("%d of %d points"), points_counted, points)
                           : NULL;
  if (self->chapter != NULL)
    accessible = g_strdup_printf ("%s %s, %s%s%s",
                                  evident_chapter_get_number (self->chapter),
                                  evident_chapter_get_display_title (self->chapter),
                                  items_text, points_text ? ", " : "", points_text ?: "");
  else
    accessible = g_strdup_printf ("%s, %s%s%s", _("All Items"), items_text,
                                  points_text ? ", " : "", points_text ?: "");
  if (figures->n_open > 0)
    {
      char *with_open = g_strdup_printf ("%s, %s", accessible, open_text);

      g_free (accessible);
      accessible = with_open;
    }
  if (n_recheck > 0)
    {
      /* Translators: appended to a sidebar row's name for screen readers */
      char *with_recheck = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%s, %u item needs a re-check",
                                                         "%s, %u items need a re-check",
                                                         n_recheck),
                                            accessible, n_recheck);

      g_free (accessible);
      accessible = with_recheck;
    }
  if (gtk_widget_get_visible (self->exempt_box))
    {
      char *with_exempt = g_strdup_printf ("%s, %s", accessible,
                                           gtk_label_get_label (self->exempt_label));

      g_free (accessible);
      accessible = with_exempt;
    }
  if (n_overdue > 0)
    {
      /* Translators: part of a sidebar row's name for screen readers */
      char *with_overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%s, %u item overdue",
                                                         "%s, %u items overdue",
                                                         n_overdue),
                                            accessible, n_overdue);

      g_free (accessible);
      accessible = with_overdue;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* The list item around the row is what a screen reader focuses and
   * selects: give it the same name. */
  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  if (parent != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                    -1);
}

/* How many items of each chapter need a re-check, and how many are
 * overdue, counted for all the rows in one pass over the items and kept
 * on the project until it changes or the day does: each row counting for
 * itself made each edit of a 10,000-item project go through the items
 * thirty times (every row updates for its chapter and for the project),
 * some 25 ms. */
typedef struct
{
  guint n_recheck;
  guint n_overdue;
} Flagged;

typedef struct
{
  GHashTable *chapters;  /* number → Flagged */
  Flagged     all;
  guint32     julian;
} FlaggedCounts;

#define FLAGGED_COUNTS_KEY "evident-sidebar-flagged-counts"

static void
flagged_counts_free (gpointer data)
{
  FlaggedCounts *counts = data;

  g_hash_table_unref (counts->chapters);
  g_free (counts);
}

/* Before anyone hears of a change, the counts are forgotten. */
static gboolean
forget_flagged_counts_cb (GSignalInvocationHint *hint,
                          guint                  n_values,
                          const GValue          *values,
                          gpointer               data)
{
  g_object_set_data (g_value_get_object (&values[0]), FLAGGED_COUNTS_KEY, NULL);
  return TRUE;
}

static FlaggedCounts *
get_flagged_counts (EvidentProject *project)
{
  static gsize hooked;
  FlaggedCounts *counts = g_object_get_data (G_OBJECT (project), FLAGGED_COUNTS_KEY);
  GListModel *items = evident_project_get_items (project);
  guint n_items = g_list_model_get_n_items (items);
  GDate today;

  g_date_set_time_t (&today, time (NULL));
  if (counts != NULL && counts->julian == g_date_get_julian (&today))
    return counts;

  if (g_once_init_enter (&hooked))
    {
      /* An emission hook runs before the handlers: the rows' among them
       * cannot see counts from before the change. */
      g_signal_add_emission_hook (g_signal_lookup ("changed", EVIDENT_TYPE_PROJECT), 0,
                                  forget_flagged_counts_cb, NULL, NULL);
      g_once_init_leave (&hooked, 1);
    }

  counts = g_new0 (FlaggedCounts, 1);
  counts->chapters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  counts->julian = g_date_get_julian (&today);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      gboolean recheck = evident_item_get_needs_recheck (item);
      gboolean overdue = evident_item_is_overdue (item, &today);
      const char *chapter = evident_item_get_chapter (item);
      Flagged *flagged;

      if (!recheck && !overdue)
        continue;
      flagged = g_hash_table_lookup (counts->chapters, chapter);
      if (flagged == NULL)
        {
          flagged = g_new0 (Flagged, 1);
          g_hash_table_insert (counts->chapters, g_strdup (chapter), flagged);
        }
      flagged->n_recheck += recheck;
      flagged->n_overdue += overdue;
      counts->all.n_recheck += recheck;
      counts->all.n_overdue += overdue;
    }
  g_object_set_data_full (G_OBJECT (project), FLAGGED_COUNTS_KEY, counts, flagged_counts_free);
  return counts;
}

/* How many items of @chapter (%NULL: all) need a re-check, and how many
 * are overdue. */
static void
count_flagged (EvidentProject *project,
               const char     *chapter,
               guint          *n_recheck,
               guint          *n_overdue)
{
  FlaggedCounts *counts = get_flagged_counts (project);
  Flagged *flagged = chapter != NULL ? g_hash_table_lookup (counts->chapters, chapter)
                                     : &counts->all;

  if (flagged != NULL)
    {
      *n_recheck = flagged->n_recheck;
      *n_overdue = flagged->n_overdue;
    }
}

static void
update_row (EvidentSidebarRow *self)
{
  g_autofree char *caption = NULL;
  g_autofree char *badge = NULL;
  g_autofree char *tooltip = NULL;
  Figures figures;
  guint n_items, n_counted, n_open;
  int points, points_counted;
  guint n_recheck = 0;
  guint n_overdue = 0;
  EvidentProject *project = self->items_project;

  if (!get_figures (self, &figures))
    return;
  n_items = figures.n_items;
  n_counted = figures.n_counted;
  n_open = figures.n_open;
  points = figures.points;
  points_counted = figures.points_counted;
  /* As evident_chapter_get_progress() */
  gtk_progress_bar_set_fraction (self->progress,
                                 n_items > 0 ? (double) n_counted / n_items : 0.0);
  if (self->scenario != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "evident-whatif");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "evident-whatif");

  update_exemption (self);

  /* A pass/fail checklist has no points to count. */
  if (figures.no_points && self->scenario != NULL)
    /* Translators: as "Projected 12/15 items", in what-if mode, where the
     * checklist has no points */
    caption = g_strdup_printf (_("What-If %u/%u items"), n_counted, n_items);
  else if (figures.no_points)
    /* Translators: the view the numbers are of, items counted in it /
     * items in the chapter, where the checklist has no points */
    caption = g_strdup_printf (_("Projected %u/%u items"), n_counted, n_items);
  else if (self->scenario != NULL)
    /* Translators: as "Projected 12/15 items · 85/120 pts", in what-if
     * mode: the projected view with the scenario's assumptions */
    caption = g_strdup_printf (_("What-If %u/%u items · %d/%d pts"),
                               n_counted, n_items, points_counted, points);
  else
    /* Translators: the view the numbers are of, items counted in it /
     * items in the chapter, then points counted / points available, e.g.
     * "Projected 12/15 items · 85/120 pts" */
    caption = g_strdup_printf (_("Projected %u/%u items · %d/%d pts"),
                               n_counted, n_items, points_counted, points);
  if (project != NULL)
    count_flagged (project,
                   self->chapter != NULL ? evident_chapter_get_number (self->chapter) : NULL,
                   &n_recheck, &n_overdue);
  if (n_recheck > 0)
    {
      /* Translators: appended to a sidebar row's counts: items to check
       * again after a checklist update, e.g. "· 2 to re-check" */
      char *with_recheck = g_strdup_printf (_("%s · %u to re-check"), caption, n_recheck);

      g_free (caption);
      caption = with_recheck;
    }
  if (n_overdue > 0)
    {
      /* Translators: appended to a sidebar row's caption, e.g.
       * "12/15 items · 85/120 pts · 2 overdue" */
      char *with_overdue = g_strdup_printf (_("%s · %u overdue"), caption, n_overdue);

      g_free (caption);
      caption = with_overdue;
    }
  gtk_label_set_label (self->caption, caption);

  badge = g_strdup_printf ("%u", n_open);
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u mandatory item not counted in the projected view",
                                          "%u mandatory items not counted in the projected view",
                                          n_open),
                             n_open);
  gtk_label_set_label (self->badge, badge);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->badge), tooltip);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), n_open > 0);

  if (n_items > 0 && n_counted == n_items)
    gtk_widget_add_css_class (GTK_WIDGET (self->progress), "complete");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->progress), "complete");

  update_accessible (self, &figures, tooltip, n_recheck, n_overdue);
}

static void
pressed_cb (EvidentSidebarRow *self,
            int                n_press,
            double             x,
            double             y,
            GtkGestureClick   *gesture)
{
  /* A click on a row both selects it (the list view does that) and, in the
   * folded window, moves on to the item list. Keyboard moves only select. */
  if (n_press == 1)
    gtk_widget_activate_action (GTK_WIDGET (self), "sidebar.row-pressed", NULL);
}

/* A chapter's menu */

static GMenuModel *
create_chapter_menu (EvidentChapter *chapter)
{
  const char *number = evident_chapter_get_number (chapter);
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) section = g_menu_new ();
  g_autoptr (GMenuItem) exempt = NULL;
  g_autoptr (GMenuItem) history = NULL;

  if (evident_chapter_get_exemption (chapter) != NULL)
    exempt = g_menu_item_new (_("_Lift Exemption"), NULL);
  else
    exempt = g_menu_item_new (_("_Mark as Exempt…"), NULL);
  g_menu_item_set_action_and_target_value (exempt,
                                           evident_chapter_get_exemption (chapter) != NULL
                                             ? "win.lift-exemption"
                                             : "win.exempt",
                                           g_variant_new_string (number));
  g_menu_append_item (section, exempt);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  history = g_menu_item_new (_("Session _History"), NULL);
  g_menu_item_set_action_and_target_value (history, "win.chapter-history",
                                           g_variant_new_string (number));
  g_menu_append_item (menu, history);
  evident_whatif_append_chapter_menu (menu, number);
  return G_MENU_MODEL (menu);
}

static void
menu_pressed_cb (EvidentSidebarRow *self,
                 int                n_press,
                 double             x,
                 double             y,
                 GtkGestureClick   *gesture)
{
  if (evident_sidebar_row_popup_menu (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
long_pressed_cb (EvidentSidebarRow   *self,
                 double               x,
                 double               y,
                 GtkGestureLongPress *gesture)
{
  if (evident_sidebar_row_popup_menu (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
evident_sidebar_row_dispose (GObject *object)
{
  EvidentSidebarRow *self = EVIDENT_SIDEBAR_ROW (object);

  evident_sidebar_row_unbind (self);
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_func (self->scenario, update_row, self);
  g_clear_object (&self->scenario);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_SIDEBAR_ROW);

  G_OBJECT_CLASS (evident_sidebar_row_parent_class)->dispose (object);
}

static void
evident_sidebar_row_class_init (EvidentSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_sidebar_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentSidebarRow, grid);
  gtk_widget_class_bind_template_child (widget_class, EvidentSidebarRow, icon);
  gtk_widget_class_bind_template_child (widget_class, EvidentSidebarRow, number);
  gtk_widget_class_bind_template_child (widget_class, EvidentSidebarRow, title);
  gtk_widget_class_bind_template_child (widget_class, EvidentSidebarRow, badge);
  gtk_widget_class_bind_template_child (widget_class, EvidentSidebarRow, progress);
  gtk_widget_class_bind_template_child (widget_class, EvidentSidebarRow, caption);
  gtk_widget_class_bind_template_child (widget_class, EvidentSidebarRow, exempt_box);
  gtk_widget_class_bind_template_child (widget_class, EvidentSidebarRow, exempt_label);
  gtk_widget_class_bind_template_callback (widget_class, pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, menu_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, long_pressed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidentsidebarrow");
}

static void
evident_sidebar_row_init (EvidentSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
evident_sidebar_row_new (void)
{
  return g_object_new (EVIDENT_TYPE_SIDEBAR_ROW, NULL);
}

/**
 * evident_sidebar_row_bind:
 * @item: the row's item of the sidebar's model: a chapter, or the plain
 *   object of "Overview" or "All Items"
 * @project: (nullable): the project, for "All Items"
 * @is_overview: whether @item is "Overview"
 *
 * Shows @item, and follows it until the row is unbound.
 */
void
evident_sidebar_row_bind (EvidentSidebarRow *self,
                          GObject           *item,
                          EvidentProject    *project,
                          gboolean           is_overview)
{
  g_return_if_fail (EVIDENT_IS_SIDEBAR_ROW (self));

  evident_sidebar_row_unbind (self);

  /* Rows are recycled from one kind to another: set up every part. */
  gtk_widget_set_visible (GTK_WIDGET (self->progress), !is_overview);
  gtk_widget_set_visible (GTK_WIDGET (self->caption), !is_overview);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), FALSE);

  if (is_overview)
    {
      evident_sidebar_row_bind_page (self, "view-grid-symbolic", _("Overview"));
      return;
    }

  if (EVIDENT_IS_CHAPTER (item))
    {
      self->chapter = g_object_ref (EVIDENT_CHAPTER (item));
      gtk_label_set_label (self->number, evident_chapter_get_number (self->chapter));
      gtk_label_set_label (self->title, evident_chapter_get_display_title (self->chapter));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title),
                                   evident_chapter_get_display_title (self->chapter));
      g_signal_connect_object (self->chapter, "notify",
                               G_CALLBACK (update_row), self,
                               G_CONNECT_SWAPPED);
      /* Re-checks and due dates are the items', not the chapter's: follow
       * the project. */
      if (project != NULL)
        {
          self->items_project = g_object_ref (project);
          g_signal_connect_object (project, "changed", G_CALLBACK (update_row), self,
                                   G_CONNECT_SWAPPED);
        }
    }
  else if (project != NULL)
    {
      self->project = g_object_ref (project);
      self->items_project = g_object_ref (project);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), "view-list-bullet-symbolic");
      gtk_label_set_label (self->title, _("All Items"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), NULL);
      g_signal_connect_object (self->project, "changed",
                               G_CALLBACK (update_row), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_widget_set_visible (self->icon, self->chapter == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->number), self->chapter != NULL);
  update_row (self);
}

/**
 * evident_sidebar_row_bind_page:
 * @icon_name: the page's icon
 * @title: its title, e.g. "Overview" or "Sessions"
 *
 * Shows a row that leads to a page of the whole project: an icon and a
 * title, nothing that changes.
 */
void
evident_sidebar_row_bind_page (EvidentSidebarRow *self,
                               const char        *icon_name,
                               const char        *title)
{
  GtkWidget *parent;

  g_return_if_fail (EVIDENT_IS_SIDEBAR_ROW (self));

  evident_sidebar_row_unbind (self);

  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->caption), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), FALSE);
  gtk_widget_set_visible (self->exempt_box, FALSE);
  gtk_widget_set_visible (self->icon, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->number), FALSE);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon_name);
  gtk_label_set_label (self->title, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  if (parent != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
}

/**
 * evident_sidebar_row_popup_menu:
 * @x: where to point, in the row's coordinates; negative: at the row
 * @y: likewise
 *
 * Shows a chapter's menu (a row of another kind has none).
 *
 * Returns: whether it showed
 */
gboolean
evident_sidebar_row_popup_menu (EvidentSidebarRow *self,
                                double             x,
                                double             y)
{
  g_autoptr (GMenuModel) model = NULL;

  g_return_val_if_fail (EVIDENT_IS_SIDEBAR_ROW (self), FALSE);

  if (self->chapter == NULL)
    return FALSE;

  model = create_chapter_menu (self->chapter);
  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), x >= 0);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);

  if (x >= 0 && y >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                                 &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  else
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), NULL);
  gtk_popover_popup (GTK_POPOVER (self->menu));
  return TRUE;
}

/* Tests: the chapter's menu, once it was shown. */
GMenuModel *
evident_sidebar_row_get_menu_model (EvidentSidebarRow *self)
{
  g_return_val_if_fail (EVIDENT_IS_SIDEBAR_ROW (self), NULL);

  return self->menu != NULL ? gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (self->menu))
                            : NULL;
}

/* The chapter the row shows, or NULL. */
EvidentChapter *
evident_sidebar_row_get_chapter (EvidentSidebarRow *self)
{
  g_return_val_if_fail (EVIDENT_IS_SIDEBAR_ROW (self), NULL);

  return self->chapter;
}

/* Lets go of what the row showed. */
void
evident_sidebar_row_unbind (EvidentSidebarRow *self)
{
  g_return_if_fail (EVIDENT_IS_SIDEBAR_ROW (self));

  if (self->chapter != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->chapter, update_row, self);
      g_clear_object (&self->chapter);
    }
  if (self->items_project != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->items_project, update_row, self);
      g_clear_object (&self->items_project);
    }
  g_clear_object (&self->project);
}

/**
 * evident_sidebar_row_set_scenario:
 * @scenario: (nullable): a what-if scenario over the project, or %NULL
 *
 * Shows @scenario's counts and progress, marked as what-if, and follows
 * its changes; %NULL shows the real ones again. Kept across binds.
 */
void
evident_sidebar_row_set_scenario (EvidentSidebarRow *self,
                                  EvidentScenario   *scenario)
{
  g_return_if_fail (EVIDENT_IS_SIDEBAR_ROW (self));
  g_return_if_fail (scenario == NULL || EVIDENT_IS_SCENARIO (scenario));

  if (self->scenario == scenario)
    return;
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_func (self->scenario, update_row, self);
  g_set_object (&self->scenario, scenario);
  if (scenario != NULL)
    g_signal_connect_object (scenario, "changed", G_CALLBACK (update_row), self,
                             G_CONNECT_SWAPPED);
  update_row (self);
}

/* Tests: the counts under the title, as shown */
const char *
evident_sidebar_row_get_caption (EvidentSidebarRow *self)
{
  g_return_val_if_fail (EVIDENT_IS_SIDEBAR_ROW (self), NULL);

  return gtk_label_get_label (self->caption);
}

/* Tests: the progress bar's fraction */
double
evident_sidebar_row_get_fraction (EvidentSidebarRow *self)
{
  g_return_val_if_fail (EVIDENT_IS_SIDEBAR_ROW (self), 0);

  return gtk_progress_bar_get_fraction (self->progress);
}
