/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evident-chapter.h"
#include "evident-enums.h"
#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-item-row.h"
#include "evident-item-search-filter.h"
#include "evident-item-state-filter.h"
#include "evident-list-heading.h"
#include "evident-list-focus.h"
#include "evident-list-reveal.h"
#include "evident-project.h"

#include "evident-item-list.h"
#include "evident-item-list-filter.h"

/*
 * EvidentItemList: the items of a project (or of one chapter), searched,
 * filtered and sorted through a GListModel chain:
 *
 *   project items → GtkFilterListModel (GtkEveryFilter: chapter, search
 *   (EvidentItemSearchFilter), state) → GtkSortListModel (checklist order,
 *   or points at risk) → GtkSingleSelection → GtkListView
 *
 * Rows (EvidentItemRow) follow their item's properties. GTK 4.8 has no
 * section headers in list views, so the first row of each section carries
 * the section's title.
 *
 * "selected-item" is the item the user picked. It stays set when an edit
 * or a search filters its row out (the editor keeps showing it) and the row
 * is selected again when it comes back.
 */

typedef enum
{
  SORT_REFERENCE,
  SORT_RISK,
} SortOrder;

static const char *sort_names[] = { "ref", "risk" };

struct _EvidentItemList
{
  AdwBin                   parent_instance;

  /* Template */
  GtkSearchEntry          *search_entry;
  GtkMenuButton           *filter_button;
  GtkLabel                *filter_count;
  GtkStringList           *owner_list;
  GtkWidget               *heading;
  GtkStack                *stack;
  GtkListView             *list_view;
  AdwStatusPage           *empty_page;
  GtkWidget               *empty_clear_button;

  /* The filter popover's, once it is first opened */
  GtkDropDown             *owner_dropdown;
  GtkDropDown             *complexity_dropdown;

  /* Model chain */
  GtkFilterListModel      *filter_model;
  GtkSortListModel        *sort_model;
  GtkSingleSelection      *selection;
  GtkFilter               *chapter_filter;
  EvidentItemSearchFilter *search_filter;
  EvidentItemStateFilter  *state;
  GtkSorter               *risk_sorter;
  GSimpleActionGroup      *status_actions;

  EvidentProject          *project;
  GListModel              *items;
  EvidentChapter          *chapter;
  EvidentItem             *selected_item;

  /* Filter state */
  char                    *chapter_number;
  char                   **owners;        /* in the owner drop-down, after "Unassigned" */
  SortOrder                sort;
  guint                    syncing : 1;

  GHashTable              *positions;     /* EvidentItem → checklist position + 1 */
  GHashTable              *rows;          /* bound GtkListItems */

  EvidentListReveal       *reveal;        /* when the rows come, scrolling */
};

G_DEFINE_FINAL_TYPE (EvidentItemList, evident_item_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_CHAPTER,
  PROP_SELECTED_ITEM,
  PROP_SEARCH_TEXT,
  PROP_MANDATORY_ONLY,
  PROP_AT_RISK,
  PROP_NEEDS_RECHECK,
  PROP_SORT,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
get_penalty (EvidentItemList *self)
{
  if (self->project == NULL)
    return EVIDENT_DEFAULT_MANDATORY_PENALTY;
  return evident_project_get_rules (self->project)->mandatory_penalty;
}

static guint
count_active_filters (EvidentItemList *self)
{
  return evident_item_state_filter_count_active (self->state);
}

/* Finding rows */

static guint
find_position (EvidentItemList *self,
               EvidentItem     *item)
{
  return evident_list_reveal_find (G_LIST_MODEL (self->selection), item);
}

/* Selects the row of @position without touching "selected-item". */
static void
select_position (EvidentItemList *self,
                 guint            position)
{
  gboolean syncing = self->syncing;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = syncing;
}

static void
set_selected_item_internal (EvidentItemList *self,
                            EvidentItem     *item)
{
  if (g_set_object (&self->selected_item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

/* Section headers */

static void
update_row_header (EvidentItemList *self,
                   GtkListItem     *list_item)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  EvidentItem *item = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  g_autofree char *header = NULL;
  const char *section;

  if (row == NULL)
    return;

  section = item != NULL ? evident_item_get_section (item) : NULL;
  if (section != NULL && self->sort == SORT_REFERENCE && position != GTK_INVALID_LIST_POSITION)
    {
      GListModel *model = G_LIST_MODEL (self->selection);
      g_autoptr (EvidentItem) current = g_list_model_get_item (model, position);
      g_autoptr (EvidentItem) previous = NULL;

      /* While the list view catches up with a change of the model, the
       * position may be stale: notify::position follows. */
      if (current != item)
        return;

      if (position > 0)
        previous = g_list_model_get_item (model, position - 1);
      if (previous == NULL || g_strcmp0 (evident_item_get_section (previous), section) != 0)
        {
          const char *title = evident_item_get_section_title (item);

          if (title != NULL && *title != '\0')
            header = g_strdup_printf ("%s %s", section, title);
          else
            header = g_strdup (section);
        }
    }

  evident_item_row_set_header (EVIDENT_ITEM_ROW (row), header);
}

static void
update_rows (EvidentItemList *self,
             gboolean         contents)
{
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    {
      if (contents)
        evident_item_row_set_item (EVIDENT_ITEM_ROW (gtk_list_item_get_child (list_item)),
                                   gtk_list_item_get_item (list_item), self->project,
                                   get_penalty (self), self->sort == SORT_RISK);
      update_row_header (self, list_item);
    }
}

/* Filters and sorting */

static gboolean
chapter_filter_func (gpointer object,
                     gpointer user_data)
{
  EvidentItemList *self = user_data;

  return self->chapter_number == NULL
         || g_strcmp0 (evident_item_get_chapter (object), self->chapter_number) == 0;
}

static int
risk_compare_func (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  EvidentItemList *self = user_data;
  int penalty = get_penalty (self);
  int risk_a = evident_item_get_points_at_risk ((EvidentItem *) a, penalty);
  int risk_b = evident_item_get_points_at_risk ((EvidentItem *) b, penalty);
  guint position_a, position_b;

  if (risk_a != risk_b)
    return risk_a > risk_b ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  position_a = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, a));
  position_b = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, b));
  return position_a < position_b ? GTK_ORDERING_SMALLER
         : position_a > position_b ? GTK_ORDERING_LARGER
                                   : GTK_ORDERING_EQUAL;
}

static void
update_filter_state (EvidentItemList *self)
{
  guint n_active = count_active_filters (self);
  g_autofree char *count = NULL;
  g_autofree char *accessible = NULL;

  count = g_strdup_printf ("%u", n_active);
  gtk_label_set_label (self->filter_count, count);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_count), n_active > 0);
  if (n_active > 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "evident-filters-active");
      /* Translators: the filter button's name for screen readers */
      accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Filter, %u filter active",
                                                 "Filter, %u filters active",
                                                 n_active),
                                    n_active);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "evident-filters-active");
      accessible = g_strdup (_("Filter"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item-list.clear-filters",
                                 n_active > 0
                                 || evident_item_search_filter_is_active (self->search_filter));
}

/* After a change of the state filter: the controls and the heading. */
static void
state_filter_changed (EvidentItemList *self)
{
  update_filter_state (self);
}

static void
update_empty_state (EvidentItemList *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gboolean filtered = count_active_filters (self) > 0
                      || evident_item_search_filter_is_active (self->search_filter);

  if (n_items > 0 || self->project == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (filtered)
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Items"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try a different search or clear the filters"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Items"));
      adw_status_page_set_description (self->empty_page, _("This chapter has no items"));
    }
  gtk_widget_set_visible (self->empty_clear_button, filtered);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The status, owner and complexity controls follow the filter state. */
static void
sync_controls (EvidentItemList *self)
{
  const char *owner = evident_item_state_filter_get_owner (self->state);
  gboolean syncing = self->syncing;
  guint owner_index = 0;

  self->syncing = TRUE;

  for (guint i = 0; i < EVIDENT_N_STATUSES; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->status_actions),
                                                    evident_status_to_string (i));

      g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                 g_variant_new_boolean ((evident_item_state_filter_get_status_mask (self->state)
                                                         & (1u << i)) != 0));
    }

  if (owner != NULL && *owner == '\0')
    owner_index = 1;
  else if (owner != NULL)
    {
      for (guint i = 0; self->owners != NULL && self->owners[i] != NULL; i++)
        {
          if (g_strcmp0 (self->owners[i], owner) == 0)
            {
              owner_index = i + 2;
              break;
            }
        }
    }
  if (self->owner_dropdown != NULL)
    {
      gtk_drop_down_set_selected (self->owner_dropdown, owner_index);
      gtk_drop_down_set_selected (self->complexity_dropdown,
                                  evident_item_state_filter_get_complexity (self->state) + 1);
    }

  self->syncing = syncing;
}

/* The owner drop-down offers everyone who owns or has owned an item, and
 * the owner filtered on even when the project does not know them. */
static void
update_owners (EvidentItemList *self)
{
  const char *owner = evident_item_state_filter_get_owner (self->state);
  g_auto (GStrv) owners = evident_item_list_filter_dup_owners (self->project, owner);
  gboolean syncing;
  guint n_old;

  if (self->owners != NULL && g_strv_equal ((const char *const *) owners,
                                            (const char *const *) self->owners))
    return;

  n_old = self->owners != NULL ? g_strv_length (self->owners) : 0;
  g_strfreev (self->owners);
  self->owners = g_steal_pointer (&owners);

  /* Splicing may move the drop-down's selection: put it back after. */
  syncing = self->syncing;
  self->syncing = TRUE;
  gtk_string_list_splice (self->owner_list, 2, n_old, (const char *const *) self->owners);
  self->syncing = syncing;
  sync_controls (self);
}

/* Callbacks */

static void
project_changed_cb (EvidentItemList *self,
                    EvidentProject  *project)
{
  /* An edit may change whether an item passes a filter, or where it sorts. */
  if (count_active_filters (self) > 0)
    gtk_filter_changed (GTK_FILTER (self->state), GTK_FILTER_CHANGE_DIFFERENT);
  if (evident_item_search_filter_is_active (self->search_filter))
    gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (self->sort == SORT_RISK)
    gtk_sorter_changed (self->risk_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  update_owners (self);
}

static void
items_changed_cb (EvidentItemList *self,
                  guint            position,
                  guint            removed,
                  guint            added,
                  GListModel       *model)
{
  guint n = g_list_model_get_n_items (model);

  g_hash_table_remove_all (self->positions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (model, i);

      g_hash_table_insert (self->positions, item, GUINT_TO_POINTER (i + 1));
    }
}

static void
selection_items_changed_cb (EvidentItemList *self,
                            guint            position,
                            guint            removed,
                            guint            added,
                            GListModel       *model)
{
  /* The list view has handled the change (it connected first): rows whose
   * predecessor changed may now start, or no longer start, a section. */
  update_rows (self, FALSE);
  update_empty_state (self);

  /* The picked item came back into the list: select its row again. */
  if (self->selected_item != NULL
      && gtk_single_selection_get_selected_item (self->selection) == NULL
      && added > 0)
    {
      guint found = find_position (self, self->selected_item);

      if (found != GTK_INVALID_LIST_POSITION)
        select_position (self, found);
    }
}

static void
selection_changed_cb (EvidentItemList    *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  EvidentItem *item;

  if (self->syncing)
    return;

  /* A row filtered out leaves the selection empty: keep the picked item. */
  item = gtk_single_selection_get_selected_item (selection);
  if (item != NULL)
    set_selected_item_internal (self, item);
}

static void
list_item_position_cb (GtkListItem     *list_item,
                       GParamSpec      *pspec,
                       EvidentItemList *self)
{
  update_row_header (self, list_item);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              EvidentItemList          *self)
{
  gtk_list_item_set_child (list_item, evident_item_row_new ());
  g_signal_connect_object (list_item, "notify::position",
                           G_CALLBACK (list_item_position_cb), self, 0);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             EvidentItemList          *self)
{
  evident_item_row_set_item (EVIDENT_ITEM_ROW (gtk_list_item_get_child (list_item)),
                             gtk_list_item_get_item (list_item), self->project,
                             get_penalty (self), self->sort == SORT_RISK);
  update_row_header (self, list_item);
  g_hash_table_add (self->rows, list_item);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               EvidentItemList          *self)
{
  g_hash_table_remove (self->rows, list_item);
  evident_item_row_set_item (EVIDENT_ITEM_ROW (gtk_list_item_get_child (list_item)),
                             NULL, NULL, 0, FALSE);
}

static void
activate_position (EvidentItemList *self,
                   guint            position,
                   gboolean         keyboard)
{
  g_autoptr (EvidentItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item == NULL)
    return;
  select_position (self, position);
  set_selected_item_internal (self, item);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item, keyboard);
}

/* Enter (or a double click) on a row: the row the focus is on. */
static void
list_activate_cb (EvidentItemList *self,
                  guint            position,
                  GtkListView     *list_view)
{
  activate_position (self, position, TRUE);
}

/* A click picks a row and, as a click on a sidebar row does, moves on to
 * the item: the window then shows the editor when it is folded. */
static void
list_pressed_cb (EvidentItemList *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  GtkWidget *picked;
  GtkWidget *row;
  EvidentItem *item;
  guint position;

  if (n_press != 1)
    return;

  picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  row = picked != NULL ? gtk_widget_get_ancestor (picked, EVIDENT_TYPE_ITEM_ROW) : NULL;
  if (row == NULL && picked != NULL && EVIDENT_IS_ITEM_ROW (gtk_widget_get_first_child (picked)))
    row = gtk_widget_get_first_child (picked);
  item = row != NULL ? evident_item_row_get_item (EVIDENT_ITEM_ROW (row)) : NULL;
  if (item == NULL)
    return;

  position = find_position (self, item);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  activate_position (self, position, FALSE);
}

static void
search_changed_cb (EvidentItemList *self,
                   GtkSearchEntry  *entry)
{
  evident_item_list_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activate_cb (EvidentItemList *self,
                    GtkSearchEntry  *entry)
{
  guint n;

  /* Enter: apply the search now, then go to the first result. */
  evident_item_list_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n == 0)
    return;
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    evident_item_list_select_next (self, 1);
  /* The list passes the focus on to the row, where Enter opens it. */
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
search_stop_cb (EvidentItemList *self,
                GtkSearchEntry  *entry)
{
  /* Escape: clear the search and go back to the list. */
  evident_item_list_set_search_text (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
owner_selected_cb (EvidentItemList *self,
                   GParamSpec      *pspec,
                   GtkDropDown     *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *owner = NULL;

  if (self->syncing)
    return;

  if (selected == 1)
    owner = "";
  else if (selected >= 2 && self->owners != NULL && selected - 2 < g_strv_length (self->owners))
    owner = self->owners[selected - 2];
  evident_item_list_set_filter (self, owner, evident_item_state_filter_get_complexity (self->state));
}

static void
complexity_selected_cb (EvidentItemList *self,
                        GParamSpec      *pspec,
                        GtkDropDown     *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  evident_item_list_set_filter (self, evident_item_state_filter_get_owner (self->state),
                                (int) selected - 1);
}

static void
status_action_change_state_cb (GSimpleAction *action,
                               GVariant      *state,
                               gpointer       user_data)
{
  EvidentItemList *self = user_data;
  EvidentStatus status;
  guint mask;

  g_simple_action_set_state (action, state);
  if (self->syncing || !evident_status_from_string (g_action_get_name (G_ACTION (action)), &status))
    return;

  mask = evident_item_state_filter_get_status_mask (self->state);
  if (g_variant_get_boolean (state))
    mask |= 1u << status;
  else
    mask &= ~(1u << status);
  if (evident_item_state_filter_set_status_mask (self->state, mask))
    state_filter_changed (self);
}

/* The filter popover, built when the Filter button is first opened. */
static void
create_filter_popover_cb (GtkMenuButton *button,
                          gpointer       user_data)
{
  EvidentItemList *self = user_data;
  GtkPopover *popover;

  if (self->owner_dropdown != NULL)
    return;

  popover = evident_item_list_filter_new_popover (G_LIST_MODEL (self->owner_list),
                                                  &self->owner_dropdown,
                                                  &self->complexity_dropdown);
  gtk_menu_button_set_popover (button, GTK_WIDGET (popover));
  sync_controls (self);
  g_signal_connect_object (self->owner_dropdown, "notify::selected",
                           G_CALLBACK (owner_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->complexity_dropdown, "notify::selected",
                           G_CALLBACK (complexity_selected_cb), self, G_CONNECT_SWAPPED);
}

/* Actions */

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EvidentItemList *self = EVIDENT_ITEM_LIST (widget);
  gboolean mandatory_changed = evident_item_state_filter_get_mandatory_only (self->state);
  gboolean at_risk_changed = evident_item_state_filter_get_at_risk (self->state);
  gboolean recheck_changed = evident_item_state_filter_get_needs_recheck (self->state);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* The heading's and the empty state's buttons hide once nothing is
   * filtered: the focus on them would fall back to the window's first
   * widget. It goes to the list instead (a user's action only). */
  gboolean keep_focus = action_name != NULL && focus != NULL
                        && gtk_widget_is_ancestor (focus, widget)
                        && GTK_IS_BUTTON (focus)
                        && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) == NULL;

  evident_item_state_filter_clear (self->state);
  sync_controls (self);
  state_filter_changed (self);
  evident_item_list_set_search_text (self, NULL);
  if (keep_focus)
    evident_item_list_focus_row (self);

  if (mandatory_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANDATORY_ONLY]);
  if (at_risk_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT_RISK]);
  if (recheck_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_RECHECK]);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  evident_item_list_focus_search (EVIDENT_ITEM_LIST (widget));
}

/* Properties */

/* One of the state filter's switches, by its setter, and the list's
 * property that says it. */
static void
set_state_switch (EvidentItemList *self,
                  gboolean       (*setter) (EvidentItemStateFilter *, gboolean),
                  gboolean         value,
                  guint            property)
{
  if (!setter (self->state, value))
    return;
  state_filter_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[property]);
}

static void
set_sort (EvidentItemList *self,
          const char      *name)
{
  SortOrder sort;

  if (g_strcmp0 (name, sort_names[SORT_RISK]) == 0)
    sort = SORT_RISK;
  else if (name == NULL || g_strcmp0 (name, sort_names[SORT_REFERENCE]) == 0)
    sort = SORT_REFERENCE;
  else
    {
      g_warning ("Unknown sort order “%s”", name);
      return;
    }

  if (self->sort == sort)
    return;
  self->sort = sort;
  /* Without a sorter the list keeps the checklist order of the project. */
  gtk_sort_list_model_set_sorter (self->sort_model, sort == SORT_RISK ? self->risk_sorter : NULL);
  update_rows (self, TRUE);
  if (gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    evident_list_reveal_scroll_to (self->reveal, gtk_single_selection_get_selected (self->selection));
  else
    evident_list_reveal_scroll_to (self->reveal, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

/* The list view gets its rows (see EvidentListReveal); it handles a
 * change before this list does (see init). */
static void
attach_rows (gpointer owner)
{
  EvidentItemList *self = owner;

  g_signal_handlers_disconnect_by_func (self->selection, selection_items_changed_cb, self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_items_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
evident_item_list_map (GtkWidget *widget)
{
  EvidentItemList *self = EVIDENT_ITEM_LIST (widget);

  GTK_WIDGET_CLASS (evident_item_list_parent_class)->map (widget);
  evident_list_reveal_map (self->reveal);
}

/**
 * evident_item_list_focus_row:
 *
 * Puts the keyboard focus on the selected row (on the first when none
 * is), or on the search when nothing is listed: F6, Enter in the sidebar,
 * and Tab into the list.
 *
 * Returns: whether the focus moved
 */
gboolean
evident_item_list_focus_row (EvidentItemList *self)
{
  guint position;

  g_return_val_if_fail (EVIDENT_IS_ITEM_LIST (self), FALSE);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  position = gtk_single_selection_get_selected (self->selection);
  return evident_list_focus_grab_row (GTK_WIDGET (self->list_view), self->rows,
                                      position != GTK_INVALID_LIST_POSITION ? position : 0);
}

static gboolean
focus_row_cb (gpointer owner)
{
  return evident_item_list_focus_row (owner);
}

static void
evident_item_list_dispose (GObject *object)
{
  EvidentItemList *self = EVIDENT_ITEM_LIST (object);

  evident_item_list_set_project (self, NULL);
  g_clear_pointer (&self->reveal, evident_list_reveal_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_ITEM_LIST);
  self->owner_dropdown = NULL;
  self->complexity_dropdown = NULL;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->risk_sorter);
  g_clear_object (&self->status_actions);
  self->sort_model = NULL;
  self->filter_model = NULL;
  self->chapter_filter = NULL;
  g_clear_object (&self->state);

  G_OBJECT_CLASS (evident_item_list_parent_class)->dispose (object);
}

static void
evident_item_list_finalize (GObject *object)
{
  EvidentItemList *self = EVIDENT_ITEM_LIST (object);

  g_clear_pointer (&self->chapter_number, g_free);
  g_clear_pointer (&self->owners, g_strfreev);
  g_clear_object (&self->search_filter);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (evident_item_list_parent_class)->finalize (object);
}

static void
evident_item_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EvidentItemList *self = EVIDENT_ITEM_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_CHAPTER:
      g_value_set_object (value, self->chapter);
      break;
    case PROP_SELECTED_ITEM:
      g_value_set_object (value, self->selected_item);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, evident_item_list_get_search_text (self));
      break;
    case PROP_MANDATORY_ONLY:
      g_value_set_boolean (value, evident_item_state_filter_get_mandatory_only (self->state));
      break;
    case PROP_AT_RISK:
      g_value_set_boolean (value, evident_item_state_filter_get_at_risk (self->state));
      break;
    case PROP_NEEDS_RECHECK:
      g_value_set_boolean (value, evident_item_state_filter_get_needs_recheck (self->state));
      break;
    case PROP_SORT:
      g_value_set_string (value, sort_names[self->sort]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EvidentItemList *self = EVIDENT_ITEM_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_item_list_set_project (self, g_value_get_object (value));
      break;
    case PROP_CHAPTER:
      evident_item_list_set_chapter (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ITEM:
      evident_item_list_set_selected_item (self, g_value_get_object (value));
      break;
    case PROP_SEARCH_TEXT:
      evident_item_list_set_search_text (self, g_value_get_string (value));
      break;
    case PROP_MANDATORY_ONLY:
      set_state_switch (self, evident_item_state_filter_set_mandatory_only,
                        g_value_get_boolean (value), PROP_MANDATORY_ONLY);
      break;
    case PROP_AT_RISK:
      set_state_switch (self, evident_item_state_filter_set_at_risk, g_value_get_boolean (value),
                        PROP_AT_RISK);
      break;
    case PROP_NEEDS_RECHECK:
      set_state_switch (self, evident_item_state_filter_set_needs_recheck,
                        g_value_get_boolean (value), PROP_NEEDS_RECHECK);
      break;
    case PROP_SORT:
      set_sort (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_list_class_init (EvidentItemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = evident_item_list_dispose;
  object_class->finalize = evident_item_list_finalize;
  object_class->get_property = evident_item_list_get_property;
  object_class->set_property = evident_item_list_set_property;

  widget_class->map = evident_item_list_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, EVIDENT_TYPE_PROJECT, flags);
  /**
   * EvidentItemList:chapter:
   *
   * The chapter whose items are listed, or %NULL for every item.
   */
  properties[PROP_CHAPTER] =
    g_param_spec_object ("chapter", NULL, NULL, EVIDENT_TYPE_CHAPTER, flags);
  /**
   * EvidentItemList:selected-item:
   *
   * The item the user picked. Setting it selects its row and scrolls to it,
   * showing its chapter and clearing the filters and the search if they hide
   * it.
   */
  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL, EVIDENT_TYPE_ITEM, flags);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  properties[PROP_MANDATORY_ONLY] =
    g_param_spec_boolean ("mandatory-only", NULL, NULL, FALSE, flags);
  /**
   * EvidentItemList:at-risk:
   *
   * Whether only items not counted in the projected view are listed.
   */
  properties[PROP_AT_RISK] =
    g_param_spec_boolean ("at-risk", NULL, NULL, FALSE, flags);
  /**
   * EvidentItemList:needs-recheck:
   *
   * Only items flagged "needs re-check" after a checklist update.
   */
  properties[PROP_NEEDS_RECHECK] =
    g_param_spec_boolean ("needs-recheck", NULL, NULL, FALSE, flags);
  /**
   * EvidentItemList:sort:
   *
   * "ref" for checklist order, grouped by section, or "risk" for the most
   * points at risk first.
   */
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL, "ref", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentItemList::item-activated:
   * @item: the item of the row
   * @keyboard: %TRUE for Enter (or a double click), %FALSE for a click
   *
   * Emitted when the user opens a row: with Enter, a double click, or a
   * click (which a folded window follows to the editor). After Enter the
   * keyboard focus goes to the item.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, EVIDENT_TYPE_ITEM, G_TYPE_BOOLEAN);

  g_type_ensure (EVIDENT_TYPE_LIST_HEADING);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-item-list.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentItemList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemList, filter_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemList, filter_count);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemList, owner_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemList, heading);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemList, stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemList, list_view);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemList, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemList, empty_clear_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_property_action (widget_class, "item-list.mandatory-only",
                                            "mandatory-only");
  gtk_widget_class_install_property_action (widget_class, "item-list.at-risk", "at-risk");
  gtk_widget_class_install_property_action (widget_class, "item-list.needs-recheck",
                                            "needs-recheck");
  gtk_widget_class_install_property_action (widget_class, "item-list.sort", "sort");
  gtk_widget_class_install_action (widget_class, "item-list.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "item-list.focus-search", NULL,
                                   focus_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "item-list.focus-search", NULL);

  gtk_widget_class_set_css_name (widget_class, "evidentitemlist");
}

static void
evident_item_list_init (EvidentItemList *self)
{
  GtkGesture *gesture;
  GtkFilter *every;

  self->sort = SORT_REFERENCE;
  self->positions = g_hash_table_new (NULL, NULL);
  self->rows = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The status filter: one stateful action per status, named by its nick,
   * so that the check buttons follow the state and tests can drive it. */
  self->status_actions = g_simple_action_group_new ();
  for (guint i = 0; i < EVIDENT_N_STATUSES; i++)
    {
      g_autoptr (GSimpleAction) action = NULL;

      action = g_simple_action_new_stateful (evident_status_to_string (i), NULL,
                                             g_variant_new_boolean (FALSE));
      g_signal_connect (action, "change-state",
                        G_CALLBACK (status_action_change_state_cb), self);
      g_action_map_add_action (G_ACTION_MAP (self->status_actions), G_ACTION (action));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "status-filter",
                                  G_ACTION_GROUP (self->status_actions));
  gtk_menu_button_set_create_popup_func (self->filter_button, create_filter_popover_cb,
                                         self, NULL);

  /* The model chain. */
  every = GTK_FILTER (gtk_every_filter_new ());
  self->chapter_filter = GTK_FILTER (gtk_custom_filter_new (chapter_filter_func, self, NULL));
  /* The list keeps its own reference: the search text outlives the chain. */
  self->search_filter = EVIDENT_ITEM_SEARCH_FILTER (evident_item_search_filter_new ());
  /* The list keeps its own reference, as for the search. */
  self->state = evident_item_state_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), self->chapter_filter);
  gtk_multi_filter_append (GTK_MULTI_FILTER (every),
                           g_object_ref (GTK_FILTER (self->search_filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (GTK_FILTER (self->state)));
  self->filter_model = gtk_filter_list_model_new (NULL, every);
  self->risk_sorter = GTK_SORTER (gtk_custom_sorter_new (risk_compare_func, self, NULL));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  /* The list view gets the model when first mapped. */

  /* After the list view's handlers (connected again when it gets them). */
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  self->reveal = evident_list_reveal_new (self->list_view, G_LIST_MODEL (self->selection),
                                          attach_rows, self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  /* One Tab stop; the arrow keys move between the rows. */
  evident_list_focus_install (GTK_WIDGET (self->list_view), focus_row_cb, self);

  /* Before the list view selects the row, so that the row is selected by
   * the time "item-activated" is emitted. */
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (list_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (gesture));

  update_owners (self);
  update_filter_state (self);
  update_empty_state (self);
  g_object_set (self->heading, "list", self, NULL);
}

/**
 * evident_item_list_new:
 *
 * Returns: (transfer floating): a new item list
 */
GtkWidget *
evident_item_list_new (void)
{
  return g_object_new (EVIDENT_TYPE_ITEM_LIST, NULL);
}

EvidentProject *
evident_item_list_get_project (EvidentItemList *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_LIST (self), NULL);
  return self->project;
}

/**
 * evident_item_list_set_project:
 *
 * Lists @project's items. The chapter, the selected item, the filters and
 * the search all belong to the previous project: they are cleared.
 */
void
evident_item_list_set_project (EvidentItemList *self,
                               EvidentProject  *project)
{
  g_return_if_fail (EVIDENT_IS_ITEM_LIST (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->items, items_changed_cb, self);
      evident_item_search_filter_clear_cache (self->search_filter);
      g_hash_table_remove_all (self->positions);
      self->items = NULL;
      g_clear_object (&self->project);
    }

  evident_item_list_set_selected_item (self, NULL);
  evident_item_list_set_chapter (self, NULL);
  if (self->filter_model != NULL)
    clear_filters_action (GTK_WIDGET (self), NULL, NULL);

  if (project != NULL)
    {
      self->project = g_object_ref (project);
      self->items = evident_project_get_items (project);
      items_changed_cb (self, 0, 0, 0, self->items);
      g_signal_connect_object (self->items, "items-changed",
                               G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->filter_model != NULL)
    {
      gtk_filter_list_model_set_model (self->filter_model, self->items);
      update_owners (self);
      update_empty_state (self);
      evident_list_reveal_scroll_to (self->reveal, 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_thaw_notify (G_OBJECT (self));
}

EvidentChapter *
evident_item_list_get_chapter (EvidentItemList *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_LIST (self), NULL);
  return self->chapter;
}

/**
 * evident_item_list_set_chapter:
 * @chapter: (nullable): a chapter of the project, or %NULL for all items
 *
 * Lists the items of @chapter. The selected item is cleared when it
 * belongs to another chapter.
 */
void
evident_item_list_set_chapter (EvidentItemList *self,
                               EvidentChapter  *chapter)
{
  guint position;

  g_return_if_fail (EVIDENT_IS_ITEM_LIST (self));
  g_return_if_fail (chapter == NULL || EVIDENT_IS_CHAPTER (chapter));

  if (!g_set_object (&self->chapter, chapter))
    return;

  g_free (self->chapter_number);
  self->chapter_number = chapter != NULL ? g_strdup (evident_chapter_get_number (chapter)) : NULL;

  if (self->selected_item != NULL && self->chapter_number != NULL
      && g_strcmp0 (evident_item_get_chapter (self->selected_item), self->chapter_number) != 0)
    evident_item_list_set_selected_item (self, NULL);

  if (self->chapter_filter != NULL)
    {
      gtk_filter_changed (self->chapter_filter, GTK_FILTER_CHANGE_DIFFERENT);
      position = gtk_single_selection_get_selected (self->selection);
      evident_list_reveal_scroll_to (self->reveal,
                                     position != GTK_INVALID_LIST_POSITION ? position : 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHAPTER]);
}

EvidentItem *
evident_item_list_get_selected_item (EvidentItemList *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_LIST (self), NULL);
  return self->selected_item;
}

static EvidentChapter *
find_chapter (EvidentItemList *self,
              const char      *number)
{
  GListModel *chapters;
  guint n;

  if (self->project == NULL || number == NULL)
    return NULL;

  chapters = evident_project_get_chapters (self->project);
  n = g_list_model_get_n_items (chapters);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);

      if (g_strcmp0 (evident_chapter_get_number (chapter), number) == 0)
        return chapter;
    }
  return NULL;
}

/**
 * evident_item_list_set_selected_item:
 * @item: (nullable): an item of the project
 *
 * Selects @item's row and scrolls to it. When the chapter shown is not
 * @item's, shows @item's chapter; when the filters or the search hide it,
 * clears them.
 */
void
evident_item_list_set_selected_item (EvidentItemList *self,
                                     EvidentItem     *item)
{
  guint position;

  g_return_if_fail (EVIDENT_IS_ITEM_LIST (self));
  g_return_if_fail (item == NULL || EVIDENT_IS_ITEM (item));

  g_object_ref (self);
  g_object_freeze_notify (G_OBJECT (self));

  set_selected_item_internal (self, item);

  if (item == NULL || self->selection == NULL)
    {
      if (self->selection != NULL)
        select_position (self, GTK_INVALID_LIST_POSITION);
      goto out;
    }

  if (self->chapter_number != NULL
      && g_strcmp0 (evident_item_get_chapter (item), self->chapter_number) != 0)
    evident_item_list_set_chapter (self, find_chapter (self, evident_item_get_chapter (item)));

  position = find_position (self, item);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      clear_filters_action (GTK_WIDGET (self), NULL, NULL);
      position = find_position (self, item);
    }

  select_position (self, position);
  if (position != GTK_INVALID_LIST_POSITION)
    evident_list_reveal_scroll_to (self->reveal, position);

out:
  g_object_thaw_notify (G_OBJECT (self));
  g_object_unref (self);
}

const char *
evident_item_list_get_search_text (EvidentItemList *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_LIST (self), NULL);
  return evident_item_search_filter_get_text (self->search_filter);
}

/**
 * evident_item_list_set_search_text:
 * @text: (nullable): what to search for
 *
 * Lists only the items whose reference, title, requirement or notes contain
 * every word of @text, ignoring case. The search entry shows @text.
 */
void
evident_item_list_set_search_text (EvidentItemList *self,
                                   const char      *text)
{
  EvidentItemSearchFilter *filter;

  g_return_if_fail (EVIDENT_IS_ITEM_LIST (self));

  filter = self->search_filter;
  if (text == NULL)
    text = "";
  if (g_strcmp0 (text, evident_item_search_filter_get_text (filter)) == 0)
    return;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      /* Setting the text goes through "" when it replaces some. */
      g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
    }

  evident_item_search_filter_set_text (filter, text);
  update_filter_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

/**
 * evident_item_list_select_next:
 * @delta: how many rows to move: 1 for the next, -1 for the previous
 *
 * Moves the selection through the listed items, in the order shown,
 * stopping at either end.
 */
void
evident_item_list_select_next (EvidentItemList *self,
                               int              delta)
{
  guint n;
  guint position;
  gint64 target;

  g_return_if_fail (EVIDENT_IS_ITEM_LIST (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n == 0 || delta == 0)
    return;

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    target = delta > 0 ? 0 : n - 1;
  else
    target = CLAMP ((gint64) position + delta, 0, (gint64) n - 1);

  if ((guint) target != position)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), target);

      select_position (self, target);
      set_selected_item_internal (self, item);
    }
  evident_list_reveal_scroll_to (self->reveal, target);
}

void
evident_item_list_focus_search (EvidentItemList *self)
{
  g_return_if_fail (EVIDENT_IS_ITEM_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * evident_item_list_set_filter:
 * @owner: (nullable): the owner whose items to list, "" for unassigned
 *   items, or %NULL for any owner
 * @complexity: an #EvidentComplexity, or -1 for any
 *
 * Lists only the items of @owner with @complexity, as the heat map's cells
 * do. The other filters stay.
 */
void
evident_item_list_set_filter (EvidentItemList *self,
                              const char      *owner,
                              int              complexity)
{
  g_return_if_fail (EVIDENT_IS_ITEM_LIST (self));
  g_return_if_fail (complexity >= -1 && complexity < EVIDENT_N_COMPLEXITIES);

  if (!evident_item_state_filter_set_owner_complexity (self->state, owner, complexity))
    return;

  update_owners (self);
  sync_controls (self);
  state_filter_changed (self);
}

/**
 * evident_item_list_get_model:
 *
 * Returns: (transfer none): the listed items, filtered and sorted as shown,
 *   with the selection
 */
GListModel *
evident_item_list_get_model (EvidentItemList *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_LIST (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/**
 * evident_item_list_get_state_filter:
 *
 * Returns: (transfer none): the filter of statuses, owner, complexity,
 *   mandatory and at risk (an #EvidentItemStateFilter)
 */
GtkFilter *
evident_item_list_get_state_filter (EvidentItemList *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_LIST (self), NULL);
  return GTK_FILTER (self->state);
}
