/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-copy-job.h"
#include "evident-enums-util.h"
#include "evident-history-dialog.h"
#include "evident-history-format.h"
#include "evident-item.h"
#include "evident-plan-settings-dialog.h"
#include "evident-plan-settings.h"
#include "evident-toast.h"
#include "evident-verify-job.h"
#include "evident-window-private.h"

/*
 * The window's actions (win.*): undo and redo, moving between chapters,
 * items and panes, setting the open item's status from the keyboard,
 * saving a copy, verifying evidence, the plan settings. Each has a keyboard path (the
 * application's accelerators; the shortcuts window lists them).
 */

static void
undo_toast_dismissed_cb (EvidentWindow *self,
                         AdwToast      *toast)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

/* The toast of undo and redo */
static void
show_undo_toast (EvidentWindow *self,
                 const char    *text)
{
  /* One at a time: the newest says what it did in the toast still up.
   * Not a new toast over it: libadwaita 1.2 aborts when a toast that put
   * another aside goes before the other has finished hiding, and Ctrl+Z
   * held down would do just that. */
  if (self->undo_toast != NULL)
    adw_toast_set_title (self->undo_toast, text);
  else
    {
      self->undo_toast = g_object_ref (adw_toast_new (text));
      adw_toast_set_priority (self->undo_toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_object (self->undo_toast, "dismissed",
                               G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
      evident_window_add_toast (self, g_object_ref (self->undo_toast));
    }
}

/* Says what an undo (or a redo) did, "Undone: notes of 8.3.2", and opens
 * the item it changed, so that the user sees it: it may be another item
 * than the one open, changed before a restart. */
static void
show_undone (EvidentWindow *self,
             gboolean       undo)
{
  g_autoptr (GPtrArray) entries = evident_project_get_history (self->project, NULL, NULL);
  g_autofree char *text = evident_history_describe_change (entries, undo);
  EvidentHistoryEntry *newest;
  EvidentItem *item;

  if (text == NULL)
    return;

  show_undo_toast (self, text);
  newest = g_ptr_array_index (entries, 0);
  item = evident_project_lookup_item (self->project, newest->ref);
  if (item == NULL || item == evident_item_list_get_selected_item (self->item_list))
    return;
  if (evident_sidebar_get_overview (self->sidebar))
    evident_sidebar_set_overview (self->sidebar, FALSE);
  g_object_set (self->item_list, "selected-item", item, NULL);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

/* Ctrl+Z and Ctrl+Shift+Z */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);
  gboolean undo = g_str_equal (action_name, "win.undo");
  g_autoptr (GError) error = NULL;
  EvidentPlanSettings settings;

  if (self->project == NULL)
    return;
  settings = *evident_project_get_plan_settings (self->project);

  /* Notes typed a moment ago are an edit too: save them first, so that
   * undo takes back the newest change the user made. */
  evident_item_editor_flush (self->item_editor);
  if (!(undo ? evident_project_undo (self->project, &error)
             : evident_project_redo (self->project, &error)))
    evident_window_toast_error (self, error);
  /* A change of the plan settings has no item to name or open. */
  else if (!evident_plan_settings_equal (&settings,
                                         evident_project_get_plan_settings (self->project)))
    show_undo_toast (self, undo ? _("Undone: plan settings") : _("Redone: plan settings"));
  else
    show_undone (self, undo);
}

/* The project's plan settings: efforts per complexity, the audit date */
static void
plan_settings_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);

  if (self->project == NULL)
    return;
  gtk_window_present (GTK_WINDOW (evident_plan_settings_dialog_new (GTK_WINDOW (self),
                                                                    self->project)));
}

/* Ctrl+H: the project's Edit History */
static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);

  if (self->project == NULL)
    return;

  /* Notes typed a moment ago belong in it. */
  evident_item_editor_flush (self->item_editor);
  gtk_window_present (GTK_WINDOW (evident_history_dialog_new (self->project, GTK_WINDOW (self))));
}

static void
destination_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (EvidentWindow) self = user_data;
  g_autoptr (GFile) destination = evident_copy_job_choose_destination_finish (result, NULL);

  if (destination != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    evident_window_save_copy_to (self, destination);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);

  if (self->project == NULL || self->copy_job != NULL)
    return;

  evident_copy_job_choose_destination (self->project, GTK_WINDOW (self), destination_chosen_cb,
                                       g_object_ref (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);

  /* The search is the item list's: leave the overview for all items. */
  evident_sidebar_set_overview (self->sidebar, FALSE);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  evident_item_list_focus_search (self->item_list);
}

static void
next_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);

  /* The list and the editor are hidden behind the overview. */
  if (evident_sidebar_get_overview (self->sidebar))
    return;

  evident_item_list_select_next (self->item_list,
                                 g_str_equal (action_name, "win.next-item") ? 1 : -1);
}

static void
show_chapter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);
  const char *number = g_variant_get_string (parameter, NULL);

  if (!evident_sidebar_select_number (self->sidebar, number))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a chapter number such as 8.0 */
      message = g_strdup_printf (_("The project has no chapter %s"), number);
      evident_window_add_toast (self, adw_toast_new (message));
      return;
    }

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
open_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);
  const char *ref = g_variant_get_string (parameter, NULL);
  EvidentItem *item;

  if (self->project == NULL)
    return;

  item = evident_project_lookup_item (self->project, ref);
  if (item == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is an item reference such as 8.2.1 */
      message = g_strdup_printf (_("The project has no item %s"), ref);
      evident_window_add_toast (self, adw_toast_new (message));
      return;
    }

  evident_score_button_popdown (self->score_button);
  evident_score_button_popdown (self->overview_score_button);
  evident_score_button_popdown (self->editor_score_button);
  evident_sidebar_select_number (self->sidebar, "");
  g_object_set (self->item_list, "selected-item", item, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
  gtk_widget_child_focus (GTK_WIDGET (self->item_editor), GTK_DIR_TAB_FORWARD);
}

static void
show_overview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);

  if (self->project == NULL)
    return;

  evident_sidebar_set_overview (self->sidebar, TRUE);
  adw_leaflet_set_visible_child (self->leaflet, self->overview_pane);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);

  /* From the preview, folded in the editor pane, back to the item first. */
  if (evident_window_preview_folded_in (self)
      && (!adw_leaflet_get_folded (self->leaflet)
          || adw_leaflet_get_visible_child (self->leaflet) == self->editor_pane))
    adw_leaflet_navigate (self->editor_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* F6 and Shift+F6 */
static void
cycle_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);

  if (self->project == NULL)
    return;
  evident_pane_layout_cycle_focus (self->layout,
                                   g_str_equal (action_name, "win.next-pane") ? 1 : -1);
}

/* The keyboard's ways to the open item */

/* The item the editor shows, brought into view where one pane shows at a
 * time; %NULL (and a toast saying so) when there is none. */
static EvidentItem *
get_open_item (EvidentWindow *self)
{
  EvidentItem *item;

  if (self->project == NULL)
    return NULL;

  item = evident_sidebar_get_overview (self->sidebar)
           ? NULL : evident_item_editor_get_item (self->item_editor);
  if (item == NULL)
    {
      evident_window_add_toast (self, adw_toast_new (_("Open an item first")));
      return NULL;
    }
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
  if (evident_window_preview_folded_in (self))
    adw_leaflet_set_visible_child (self->editor_leaflet, GTK_WIDGET (self->item_editor));
  return item;
}

/* Alt+1 … Alt+6: win.set-status::met and the others */
static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);

  if (get_open_item (self) == NULL)
    return;
  /* Not applicable asks for its reason, which takes the focus. */
  gtk_widget_activate_action_variant (GTK_WIDGET (self->item_editor), "editor.set-status",
                                      parameter);
}

/* Alt+S: the list of statuses */
static void
choose_status_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);

  if (get_open_item (self) != NULL)
    evident_item_editor_choose_status (self->item_editor);
}

/* Alt+N */
static void
focus_notes_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);

  if (get_open_item (self) != NULL)
    evident_item_editor_focus_notes (self->item_editor);
}

static gboolean
is_open (EvidentItem *item)
{
  return !evident_item_counts_in (item, EVIDENT_VIEW_CONFIRMED);
}

/* Alt+Page Down, Alt+Page Up: the next (or previous) item of the list,
 * in the order shown, that is not met yet; round the end of the list. */
static void
next_open_item_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);
  int delta = g_str_equal (action_name, "win.next-open-item") ? 1 : -1;
  GListModel *model;
  guint n, current;

  if (self->project == NULL)
    return;

  /* The list is behind the overview: all items, then. */
  evident_sidebar_set_overview (self->sidebar, FALSE);
  model = evident_item_list_get_model (self->item_list);
  n = g_list_model_get_n_items (model);
  current = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
  if (current == GTK_INVALID_LIST_POSITION)
    current = delta > 0 ? n - 1 : 0;

  for (guint step = 1; step <= n; step++)
    {
      guint position = (current + n + step * delta) % n;
      g_autoptr (EvidentItem) item = g_list_model_get_item (model, position);

      if (is_open (item))
        {
          g_object_set (self->item_list, "selected-item", item, NULL);
          if (adw_leaflet_get_folded (self->leaflet))
            adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
          return;
        }
    }

  evident_window_add_toast (self, adw_toast_new (_("Every item in the list is met")));
}

/* Alt+M: the next mandatory item not met yet, in checklist order after
 * the open one, in any chapter. */
static void
next_mandatory_item_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);
  EvidentItem *open_item;
  EvidentChapter *chapter;
  GListModel *items;
  guint n, current = 0;

  if (self->project == NULL)
    return;

  items = evident_project_get_items (self->project);
  n = g_list_model_get_n_items (items);
  open_item = evident_sidebar_get_overview (self->sidebar)
                ? NULL : evident_item_editor_get_item (self->item_editor);
  if (open_item != NULL)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

        if (item == open_item)
          {
            current = i + 1;
            break;
          }
      }

  for (guint step = 0; step < n; step++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, (current + step) % n);

      if (item == open_item || !evident_item_get_mandatory (item) || !is_open (item))
        continue;

      /* The chapter shown stays when the item is in it. */
      chapter = evident_sidebar_get_chapter (self->sidebar);
      if (evident_sidebar_get_overview (self->sidebar)
          || (chapter != NULL
              && g_strcmp0 (evident_chapter_get_number (chapter), evident_item_get_chapter (item)) != 0))
        evident_sidebar_select_number (self->sidebar, "");
      g_object_set (self->item_list, "selected-item", item, NULL);
      adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
      return;
    }

  evident_window_add_toast (self, adw_toast_new (open_item != NULL && evident_item_get_mandatory (open_item)
                                                   && is_open (open_item)
                                                   ? _("This is the only mandatory item not met")
                                                   : _("Every mandatory item is met")));
}

static void
verify_evidence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);

  if (self->project == NULL || self->verify_job != NULL)
    return;

  evident_window_start_job (self, &self->verify_job,
             EVIDENT_JOB (evident_verify_job_new (self->project, GTK_WINDOW (self))));
}


/* The keyboard shortcuts, built when first asked for rather than with
 * the window; their names are made clean there. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource ("/io/github/evidentapp/Evident/"
                                               "evident-shortcuts-window.ui");
      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
      evident_a11y_name_shortcuts_window (overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

void
evident_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.next-item", NULL, next_item_action);
  gtk_widget_class_install_action (widget_class, "win.previous-item", NULL, next_item_action);
  gtk_widget_class_install_action (widget_class, "win.show-chapter", "s", show_chapter_action);
  gtk_widget_class_install_action (widget_class, "win.open-item", "s", open_item_action);
  gtk_widget_class_install_action (widget_class, "win.show-overview", NULL, show_overview_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.verify-evidence", NULL,
                                   verify_evidence_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "win.plan-settings", NULL, plan_settings_action);
  gtk_widget_class_install_action (widget_class, "win.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "win.choose-status", NULL, choose_status_action);
  gtk_widget_class_install_action (widget_class, "win.focus-notes", NULL, focus_notes_action);
  gtk_widget_class_install_action (widget_class, "win.next-open-item", NULL, next_open_item_action);
  gtk_widget_class_install_action (widget_class, "win.previous-open-item", NULL,
                                   next_open_item_action);
  gtk_widget_class_install_action (widget_class, "win.next-mandatory-item", NULL,
                                   next_mandatory_item_action);
  gtk_widget_class_install_action (widget_class, "win.next-pane", NULL, cycle_pane_action);
  gtk_widget_class_install_action (widget_class, "win.previous-pane", NULL, cycle_pane_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "sidebar-visible");
}
