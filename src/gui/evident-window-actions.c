/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-copy-job.h"
#include "evident-item.h"
#include "evident-verify-job.h"
#include "evident-window-private.h"

/*
 * The window's actions (win.*): undo and redo, moving between chapters,
 * items and panes, setting the open item's status from the keyboard,
 * saving a copy, verifying evidence. Each has a keyboard path (the
 * application's accelerators; the shortcuts window lists them).
 */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (self->project == NULL)
    return;

  /* Notes typed a moment ago are an edit too: save them first, so that
   * undo takes back the newest change the user made. */
  evident_item_editor_flush (self->item_editor);
  if (!evident_project_undo (self->project, &error))
    evident_window_toast_error (self, error);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (self->project == NULL)
    return;

  /* Notes typed a moment ago are an edit too: save them first, so that
   * undo takes back the newest change the user made. */
  evident_item_editor_flush (self->item_editor);
  if (!evident_project_redo (self->project, &error))
    evident_window_toast_error (self, error);
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


void
evident_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
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
  gtk_widget_class_install_action (widget_class, "win.next-pane", NULL, cycle_pane_action);
  gtk_widget_class_install_action (widget_class, "win.previous-pane", NULL, cycle_pane_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "sidebar-visible");
}
