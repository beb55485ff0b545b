/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evident-archive-view.h"
#include "evident-enums-util.h"
#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-versions.h"

/*
 * EvidentArchiveView: the items checklist revisions took out (removed, or
 * merged into another), grouped by the version that took them out, each
 * as it was left: status, owner, notes, response, and its evidence. Any
 * piece of evidence can be put back on an item of the checklist
 * ("Re-attach…": a popover to search the items): an edit of that item,
 * undone like any other, announced in a toast ("toast" signal) whose
 * button undoes it. The archive is read again whenever the project
 * changes.
 */

struct _EvidentArchiveView
{
  GtkWidget       parent_instance;

  GtkWidget      *stack;
  GtkWidget      *box;
  GPtrArray      *groups;   /* AdwPreferencesGroup, in box */
  GPtrArray      *rows;     /* AdwExpanderRow, one per archived item */

  EvidentProject *project;
  GPtrArray      *items;    /* EvidentArchivedItem */
};

G_DEFINE_FINAL_TYPE (EvidentArchiveView, evident_archive_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

enum {
  TOAST,
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static GtkWidget *
create_text_row (const char *title,
                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static char *
dup_item_subtitle (const EvidentArchivedItem *item)
{
  const char *status = evident_status_get_label (item->status);
  g_autofree char *fate = NULL;

  if (item->relation == EVIDENT_REVISION_MERGED && item->merged_into != NULL)
    /* Translators: an archived item went into another in a version, e.g.
     * "Merged into 2.5 in 4.2" */
    fate = g_strdup_printf (_("Merged into %s in %s"), item->merged_into, item->removed_in);
  else
    /* Translators: the version that took an archived item out, e.g. "Removed in 4.2" */
    fate = g_strdup_printf (_("Removed in %s"), item->removed_in);

  if (item->owner != NULL && *item->owner != '\0')
    /* Translators: an archived item: what became of it, its status and owner */
    return g_strdup_printf (_("%s · %s · %s"), fate, status, item->owner);
  /* Translators: an archived item: what became of it and its status */
  return g_strdup_printf (_("%s · %s"), fate, status);
}

/* Re-attaching */

typedef struct
{
  GtkListBox *list;
  char       *search;
} ItemSearch;

static void
item_search_free (gpointer data)
{
  ItemSearch *search = data;

  g_free (search->search);
  g_free (search);
}

static gboolean
item_filter_func (GtkListBoxRow *row,
                  gpointer       user_data)
{
  ItemSearch *search = user_data;
  EvidentItem *item = g_object_get_data (G_OBJECT (row), "item");
  g_autofree char *text = NULL;

  if (search->search == NULL || *search->search == '\0')
    return TRUE;
  text = g_utf8_casefold (evident_item_get_title (item), -1);
  return strstr (text, search->search) != NULL
         || g_str_has_prefix (evident_item_get_ref (item), search->search);
}

static void
item_search_changed_cb (GtkSearchEntry *entry,
                        ItemSearch     *search)
{
  g_free (search->search);
  search->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gtk_list_box_invalidate_filter (search->list);
}

static void
item_activated_cb (GtkListBox    *list,
                   GtkListBoxRow *row,
                   gpointer       user_data)
{
  EvidentArchiveView *self = user_data;
  EvidentItem *item = g_object_get_data (G_OBJECT (row), "item");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);
  gint64 evidence_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (popover), "evidence"));

  gtk_popover_popdown (GTK_POPOVER (popover));
  evident_archive_view_reattach (self, evidence_id, item);
}

/* The popover's list of the checklist's items, made when it first shows. */
static void
reattach_popover_show_cb (GtkPopover         *popover,
                          EvidentArchiveView *self)
{
  GListModel *items;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *scrolled;
  GtkWidget *list;
  ItemSearch *search;

  if (gtk_popover_get_child (popover) != NULL || self->project == NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_search_entry_new ();
  g_object_set (entry, "placeholder-text", _("Search the items"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the items"),
                                  -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 280);
  list = gtk_list_box_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Items of the checklist"),
                                  -1);
  gtk_widget_add_css_class (list, "navigation-sidebar");

  items = evident_project_get_items (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      g_autofree char *text = g_strdup_printf ("%s %s", evident_item_get_ref (item),
                                               evident_item_get_title (item));
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "item", g_steal_pointer (&item), g_object_unref);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  search = g_new0 (ItemSearch, 1);
  search->list = GTK_LIST_BOX (list);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (list), item_filter_func, search, item_search_free);
  g_signal_connect (entry, "search-changed", G_CALLBACK (item_search_changed_cb), search);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (item_activated_cb), self, 0);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (popover, box);
}

static GtkWidget *
create_evidence_row (EvidentArchiveView            *self,
                     const EvidentArchivedEvidence *evidence)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  g_autofree char *accessible = NULL;
  const char *detail = evidence->url != NULL ? evidence->url : evidence->filename;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evidence->title);
  if (detail != NULL && *detail != '\0')
    /* Translators: a piece of evidence: its kind and its file name or address */
    subtitle = g_strdup_printf (_("%s · %s"), evident_evidence_kind_get_label (evidence->kind),
                                detail);
  else
    subtitle = g_strdup (evident_evidence_kind_get_label (evidence->kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), evidence->url != NULL
                                                          ? "web-browser-symbolic"
                                                          : "text-x-generic-symbolic");

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Re-attach…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: the button that puts archived evidence back on an item;
   * %s is the evidence's title */
  accessible = g_strdup_printf (_("Re-attach “%s” to an item…"), evidence->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (button, _("Add this evidence to an item of the checklist"));
  g_object_set_data (G_OBJECT (popover), "evidence", GSIZE_TO_POINTER ((gsize) evidence->id));
  g_signal_connect_object (popover, "show", G_CALLBACK (reattach_popover_show_cb), self, 0);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_sensitive (button, !evident_project_get_read_only (self->project));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
create_item_row (EvidentArchiveView        *self,
                 const EvidentArchivedItem *item)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *title = g_strdup_printf ("%s %s", item->ref, item->title);
  g_autofree char *subtitle = dup_item_subtitle (item);
  guint n_rows = 0;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  /* The row around the expander's own row has no name of its own. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  if (item->reason != NULL && *item->reason != '\0')
    {
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                create_text_row (_("Why Not Applicable"), item->reason));
      n_rows++;
    }
  if (item->note != NULL && *item->note != '\0')
    {
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), create_text_row (_("Notes"), item->note));
      n_rows++;
    }
  if (item->response != NULL && *item->response != '\0')
    {
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                create_text_row (_("Response"), item->response));
      n_rows++;
    }
  for (guint i = 0; i < item->evidence->len; i++, n_rows++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              create_evidence_row (self, g_ptr_array_index (item->evidence, i)));
  if (n_rows == 0)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              create_text_row (_("Nothing Kept"),
                                               _("The item had no notes, response or evidence")));
  return row;
}

static void
clear (EvidentArchiveView *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (GTK_BOX (self->box), g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->items, g_ptr_array_unref);
}

static void
project_changed_cb (EvidentArchiveView *self)
{
  evident_archive_view_reload (self);
}

/* GObject */

static void
evident_archive_view_dispose (GObject *object)
{
  EvidentArchiveView *self = EVIDENT_ARCHIVE_VIEW (object);

  evident_archive_view_set_project (self, NULL);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (evident_archive_view_parent_class)->dispose (object);
}

static void
evident_archive_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EvidentArchiveView *self = EVIDENT_ARCHIVE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_archive_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EvidentArchiveView *self = EVIDENT_ARCHIVE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_archive_view_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_archive_view_class_init (EvidentArchiveViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_archive_view_dispose;
  object_class->get_property = evident_archive_view_get_property;
  object_class->set_property = evident_archive_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentArchiveView::toast:
   * @toast: what was done, with a button that undoes it
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  /**
   * EvidentArchiveView::error:
   * @message: why evidence could not be put back, for the user
   */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidentarchiveview");
}

static void
evident_archive_view_init (EvidentArchiveView *self)
{
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->groups = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();

  /* Nothing in it to use: no Tab stop on its scrolled box. */
  gtk_widget_set_can_focus (empty, FALSE);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "folder-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Items Archived"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Items a checklist update takes out are kept here, with "
                                     "their notes and evidence"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (self->box, 24);
  gtk_widget_set_margin_bottom (self->box, 24);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
evident_archive_view_new (void)
{
  return g_object_new (EVIDENT_TYPE_ARCHIVE_VIEW, NULL);
}

EvidentProject *
evident_archive_view_get_project (EvidentArchiveView *self)
{
  g_return_val_if_fail (EVIDENT_IS_ARCHIVE_VIEW (self), NULL);

  return self->project;
}

void
evident_archive_view_set_project (EvidentArchiveView *self,
                                  EvidentProject     *project)
{
  g_return_if_fail (EVIDENT_IS_ARCHIVE_VIEW (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self,
                             G_CONNECT_SWAPPED);
  evident_archive_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * evident_archive_view_reload:
 *
 * Reads the archive again from the project.
 */
void
evident_archive_view_reload (EvidentArchiveView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           NULL);
  AdwPreferencesGroup *group = NULL;
  const char *removed_in = NULL;

  g_return_if_fail (EVIDENT_IS_ARCHIVE_VIEW (self));

  /* The items open before stay open. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      EvidentArchivedItem *item = g_ptr_array_index (self->items, i);

      if (adw_expander_row_get_expanded (g_ptr_array_index (self->rows, i)))
        g_hash_table_add (expanded, g_memdup2 (&item->id, sizeof item->id));
    }
  clear (self);
  if (self->project != NULL)
    self->items = evident_project_list_archive (self->project, &error);
  if (error != NULL)
    g_signal_emit (self, signals[ERROR], 0, error->message);

  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      EvidentArchivedItem *item = g_ptr_array_index (self->items, i);
      GtkWidget *row = create_item_row (self, item);

      /* One group per version that took items out */
      if (group == NULL || g_strcmp0 (removed_in, item->removed_in) != 0)
        {
          g_autofree char *title = NULL;

          /* Translators: the items a checklist version took out, e.g. "Left in 4.2" */
          title = g_strdup_printf (_("Left in %s"), item->removed_in);
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, title);
          gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (group));
          g_ptr_array_add (self->groups, group);
          removed_in = item->removed_in;
        }
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                     g_hash_table_contains (expanded, &item->id));
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    self->rows->len > 0 ? "list" : "empty");
}

/**
 * evident_archive_view_reattach:
 * @evidence_id: a piece of evidence of an archived item
 * @item: an item of the checklist
 *
 * Puts the evidence back on @item (evident_project_reattach_evidence()),
 * as "Re-attach…" does; a toast says so, with a button that undoes it.
 *
 * Returns: %TRUE when done; else "error" says why
 */
gboolean
evident_archive_view_reattach (EvidentArchiveView *self,
                               gint64              evidence_id,
                               EvidentItem        *item)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (EVIDENT_IS_ARCHIVE_VIEW (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), FALSE);

  if (self->project == NULL)
    return FALSE;
  if (!evident_project_reattach_evidence (self->project, evidence_id, item, &error))
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      return FALSE;
    }

  /* Translators: a toast: archived evidence was added to an item; %s is
   * the item's reference */
  title = g_strdup_printf (_("Evidence re-attached to %s"), evident_item_get_ref (item));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "versions.undo");
  g_signal_emit (self, signals[TOAST], 0, toast);
  g_object_unref (toast);
  return TRUE;
}

/**
 * evident_archive_view_get_items:
 *
 * Returns: (transfer none) (nullable) (element-type EvidentArchivedItem):
 *   the archive as shown
 */
GPtrArray *
evident_archive_view_get_items (EvidentArchiveView *self)
{
  g_return_val_if_fail (EVIDENT_IS_ARCHIVE_VIEW (self), NULL);

  return self->items;
}

GtkWidget *
evident_archive_view_get_item_row (EvidentArchiveView *self,
                                   guint               index)
{
  g_return_val_if_fail (EVIDENT_IS_ARCHIVE_VIEW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}
