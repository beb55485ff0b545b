/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-chapter.h"
#include "evident-item-list.h"
#include "evident-item-state-filter.h"
#include "evident-list-heading.h"
#include "evident-project.h"

/*
 * EvidentListHeading: what the item list above which it stands lists:
 * the chapter (or "All Items") and how many items, and when filters or a
 * search narrow it, what they let through, in words, with a button that
 * clears them: "All Items · 4 of 130 items", "Cloud architect · High
 * complexity · not counted in the projected view". A heat map cell's
 * filter reads as what the cell counted.
 */

struct _EvidentListHeading
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkLabel        *title;
  GtkLabel        *filters;
  GtkWidget       *clear_button;

  EvidentItemList *list;   /* weak: the heading is inside it */
  GListModel      *model;
  GtkFilter       *state;
};

G_DEFINE_FINAL_TYPE (EvidentListHeading, evident_list_heading, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (EvidentListHeading *self)
{
  EvidentChapter *chapter;
  EvidentProject *project;
  g_autofree char *name = NULL;
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  g_autofree char *filters = NULL;
  g_autofree char *state = NULL;
  const char *search;
  guint n_listed, n_total;

  if (self->list == NULL)
    return;

  chapter = evident_item_list_get_chapter (self->list);
  project = evident_item_list_get_project (self->list);
  n_listed = g_list_model_get_n_items (self->model);
  n_total = chapter != NULL ? evident_chapter_get_n_items (chapter)
            : project != NULL ? g_list_model_get_n_items (evident_project_get_items (project))
                              : 0;
  name = chapter != NULL ? g_strdup_printf ("%s %s", evident_chapter_get_number (chapter),
                                            evident_chapter_get_display_title (chapter))
                         : g_strdup (_("All Items"));

  state = evident_item_state_filter_dup_description (EVIDENT_ITEM_STATE_FILTER (self->state));
  search = evident_item_list_get_search_text (self->list);
  if (search != NULL && *search != '\0')
    {
      /* Translators: a search of the item list, in its heading */
      g_autofree char *matching = g_strdup_printf (_("matching “%s”"), search);

      filters = state != NULL ? g_strdup_printf ("%s · %s", state, matching)
                              : g_steal_pointer (&matching);
    }
  else
    filters = g_steal_pointer (&state);

  if (filters != NULL)
    /* Translators: how many items the filters leave of the chapter's, e.g.
     * "4 of 16 items" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u item", "%u of %u items",
                                          n_total),
                             n_listed, n_total);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n_total),
                             n_total);
  /* Translators: the item list's heading: what it lists · how many */
  title = g_strdup_printf (_("%s · %s"), name, count);

  gtk_label_set_label (self->title, title);
  gtk_label_set_label (self->filters, filters != NULL ? filters : "");
  gtk_widget_set_visible (GTK_WIDGET (self->filters), filters != NULL);
  gtk_widget_set_visible (self->clear_button, filters != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), project != NULL);
}

static void
set_list (EvidentListHeading *self,
          EvidentItemList    *list)
{
  g_assert (self->list == NULL);

  if (list == NULL)
    return;

  self->list = list;
  g_object_add_weak_pointer (G_OBJECT (list), (gpointer *) &self->list);
  self->model = g_object_ref (evident_item_list_get_model (list));
  self->state = g_object_ref (GTK_FILTER (evident_item_list_get_state_filter (list)));
  g_signal_connect_object (list, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
evident_list_heading_dispose (GObject *object)
{
  EvidentListHeading *self = EVIDENT_LIST_HEADING (object);

  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      g_object_remove_weak_pointer (G_OBJECT (self->list), (gpointer *) &self->list);
      self->list = NULL;
    }
  g_clear_object (&self->model);
  g_clear_object (&self->state);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (evident_list_heading_parent_class)->dispose (object);
}

static void
evident_list_heading_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_LIST:
      set_list (EVIDENT_LIST_HEADING (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_list_heading_class_init (EvidentListHeadingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_list_heading_dispose;
  object_class->set_property = evident_list_heading_set_property;

  /**
   * EvidentListHeading:list:
   *
   * The item list it stands above, set once.
   */
  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL, EVIDENT_TYPE_ITEM_LIST,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidentlistheading");
}

static void
evident_list_heading_init (EvidentListHeading *self)
{
  GtkWidget *text;

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), text);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0.0);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->title));

  self->filters = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->filters, 0.0);
  gtk_label_set_wrap (self->filters, TRUE);
  gtk_label_set_wrap_mode (self->filters, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->filters), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->filters), "dim-label");
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->filters));

  self->clear_button = gtk_button_new_from_icon_name ("edit-clear-all-symbolic");
  gtk_widget_set_valign (self->clear_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->clear_button, "flat");
  gtk_widget_set_tooltip_text (self->clear_button, _("Clear Filters"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clear Filters"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->clear_button), "item-list.clear-filters");
  gtk_box_append (GTK_BOX (self->box), self->clear_button);

  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 6);
  gtk_widget_set_margin_top (self->box, 3);
  gtk_widget_set_margin_bottom (self->box, 3);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Tests: the heading's two lines */
const char *
evident_list_heading_get_title (EvidentListHeading *self)
{
  g_return_val_if_fail (EVIDENT_IS_LIST_HEADING (self), NULL);
  return gtk_label_get_label (self->title);
}

/**
 * evident_list_heading_get_filters:
 *
 * Returns: (nullable): what the filters and the search let through, or
 *   %NULL when nothing narrows the list
 */
const char *
evident_list_heading_get_filters (EvidentListHeading *self)
{
  g_return_val_if_fail (EVIDENT_IS_LIST_HEADING (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->filters)) ? gtk_label_get_label (self->filters)
                                                              : NULL;
}
