/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "evident-a11y.h"
#include "evident-copy-job.h"
#include "evident-error-text.h"
#include "evident-evidence.h"
#include "evident-exports.h"
#include "evident-file-chooser.h"
#include "evident-item.h"
#include "evident-pane-layout.h"
#include "evident-preview-pane.h"
#include "evident-project-closer.h"
#include "evident-resources.h"
#include "evident-revision-actions.h"
#include "evident-sample.h"
#include "evident-settings.h"
#include "evident-toast.h"
#include "evident-verify-job.h"
#include "evident-window-audit.h"
#include "evident-window-private.h"

/*
 * EvidentWindow: one project. A leaflet of three panes, the chapter sidebar,
 * the item list (with the score in its header bar) and the item editor, that
 * folds to one pane at a time in a narrow window. While the sidebar's
 * "Overview" row is selected, the overview pane takes the place of the list
 * and the editor: the panes not shown are hidden, so that the leaflet neither
 * lays them out nor navigates to them.
 *
 * The editor pane holds a leaflet of its own: the item editor and the
 * preview of the evidence selected in it, side by side where the pane is
 * wide enough; otherwise the preview folds away behind the editor, and
 * activating evidence (or the header bar's preview button) brings it up.
 */

#define MAX_RECENT 8

G_DEFINE_FINAL_TYPE (EvidentWindow, evident_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SIDEBAR_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
evident_window_toast_error (EvidentWindow *self,
                            const GError  *error)
{
  g_autofree char *message = evident_error_text_shorten_paths (error->message);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  evident_window_add_toast (self, toast);
}

/* Closing a project the window lets go of */

/* A close that is quick shows nothing; one that takes longer says so. */
#define CLOSING_NOTICE_DELAY_MS 1000

typedef struct
{
  GWeakRef  window;
  char     *title;
  AdwToast *toast;
  guint     notice_id;
} Closing;

static void
closing_free (Closing *closing)
{
  g_weak_ref_clear (&closing->window);
  g_clear_handle_id (&closing->notice_id, g_source_remove);
  if (closing->toast != NULL)
    evident_toast_dismiss (closing->toast);
  g_clear_object (&closing->toast);
  g_free (closing->title);
  g_free (closing);
}

static gboolean
closing_notice_cb (gpointer user_data)
{
  Closing *closing = user_data;
  g_autoptr (EvidentWindow) self = g_weak_ref_get (&closing->window);
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  closing->notice_id = 0;
  if (self == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;

  escaped = g_markup_escape_text (closing->title, -1);
  /* Translators: shown while a project's clean-up takes a moment; %s is its title */
  title = g_strdup_printf (_("Closing “%s”…"), escaped);
  closing->toast = adw_toast_new (title);
  adw_toast_set_timeout (closing->toast, 0);
  evident_window_add_toast (self, g_object_ref (closing->toast));
  return G_SOURCE_REMOVE;
}

static void
project_closed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Closing *closing = user_data;

  /* The closer said what failed; the file is free either way. */
  evident_project_closer_close_finish (result, NULL);
  closing_free (closing);
}

/* Lets go of @project: its clean-up runs in the background, holding the
 * application, and a quiet toast says so when it takes more than a
 * second. */
static void
close_project (EvidentWindow  *self,
               EvidentProject *project)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  Closing *closing = g_new0 (Closing, 1);

  /* A window being destroyed has left its application already. */
  if (application == NULL && GTK_IS_APPLICATION (g_application_get_default ()))
    application = GTK_APPLICATION (g_application_get_default ());

  g_weak_ref_init (&closing->window, self);
  closing->title = g_strdup (evident_project_get_title (project));
  closing->notice_id = g_timeout_add (self->closing_notice_delay_ms, closing_notice_cb, closing);
  evident_project_closer_close (project, G_APPLICATION (application), project_closed_cb,
                                closing);
}

static void
update_actions (EvidentWindow *self)
{
  gboolean has_project = self->project != NULL;
  gboolean editable = has_project && !evident_project_get_read_only (self->project);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 editable && evident_project_get_can_undo (self->project));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 editable && evident_project_get_can_redo (self->project));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy",
                                 has_project && self->copy_job == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-item", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-item", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-chapter", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-item", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-overview", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.verify-evidence",
                                 has_project && self->verify_job == NULL);
  evident_window_audit_update_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-history", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.plan-settings", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-status", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-status", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.focus-notes", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-open-item", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-open-item", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-mandatory-item", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-pane", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-pane", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-sidebar", has_project);
}

static void
update_item_title (EvidentWindow *self)
{
  EvidentItem *item = NULL;

  g_object_get (self->item_list, "selected-item", &item, NULL);

  if (item != NULL)
    {
      adw_window_title_set_title (self->item_title, evident_item_get_title (item));
      adw_window_title_set_subtitle (self->item_title, evident_item_get_ref (item));
      g_object_unref (item);
    }
  else
    {
      adw_window_title_set_title (self->item_title, "");
      adw_window_title_set_subtitle (self->item_title, NULL);
    }
}

static void
update_recent_menu (EvidentWindow *self)
{
  g_auto (GStrv) recent = evident_settings_dup_recent_projects (self->settings, MAX_RECENT);
  g_autoptr (GMenu) submenu = g_menu_new ();

  g_menu_remove_all (self->recent_section);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_path (recent[i]);
      g_autoptr (GMenuItem) item = NULL;
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *label = NULL;
      g_auto (GStrv) parts = NULL;

      /* Menu labels take "_" for mnemonics: keep the file's own. */
      parts = g_strsplit (basename, "_", -1);
      label = g_strjoinv ("__", parts);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", recent[i]);
      g_menu_append_item (submenu, item);
    }

  if (recent[0] != NULL)
    g_menu_append_submenu (self->recent_section, _("_Recent Projects"), G_MENU_MODEL (submenu));
}

static void
project_notify_cb (EvidentWindow  *self,
                   GParamSpec     *pspec,
                   EvidentProject *project)
{
  update_actions (self);
  evident_window_update_titles (self);
}

static void
project_changed_cb (EvidentWindow  *self,
                    EvidentProject *project)
{
  self->pristine = FALSE;
}

static void
settings_changed_cb (EvidentWindow *self,
                     const char    *key,
                     GSettings     *settings)
{
  update_recent_menu (self);
}

static void
menu_popover_show_cb (EvidentWindow *self,
                      GtkPopover    *popover)
{
  /* Files come and go: check the recent ones each time the menu opens. */
  update_recent_menu (self);
}

/* The big icon of the window without a project exists in the icon theme
 * only as SVG: loading it brings in librsvg, some 6 MiB, which a window
 * that opens a project never needs. */
static void
empty_status_page_map_cb (AdwStatusPage *page)
{
  if (adw_status_page_get_icon_name (page) == NULL)
    adw_status_page_set_icon_name (page, "x-office-document-symbolic");
}

/* The sidebar's Sessions row shows the sessions page: build it. */
static void
overview_stack_notify_cb (EvidentWindow *self,
                          GParamSpec    *pspec,
                          GtkStack      *stack)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "sessions") == 0)
    evident_window_get_sessions_page (self);
}

/* A menu button's popover is built when it first opens: the window has
 * the main menu four times, and each built up front cost a hundred
 * widgets before the window could map. GTK calls this each time the
 * button opens; the popover built the first time stays. */
static void
create_menu_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  EvidentWindow *self = user_data;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  if (button == self->whatif_item_button || button == self->item_menu_button)
    {
      gtk_menu_button_set_menu_model (button, button == self->whatif_item_button
                                              ? self->whatif_item_menu
                                              : self->item_narrow_menu);
      return;
    }

  gtk_menu_button_set_menu_model (button, self->primary_menu);
  g_signal_connect_object (gtk_menu_button_get_popover (button), "show",
                           G_CALLBACK (menu_popover_show_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Shows the overview, or the item list and the editor, as the sidebar's
 * selection says. */
static void
update_content (EvidentWindow *self)
{
  gboolean overview = evident_sidebar_get_overview (self->sidebar);

  evident_score_button_popdown (overview ? self->score_button : self->overview_score_button);
  evident_pane_layout_set_overview (self->layout, overview);
}

/* The header bars' sidebar buttons, and the main menu where the sidebar
 * (which holds it) is out of sight. */
static void
update_sidebar_buttons (EvidentWindow *self)
{
  gboolean narrow = evident_pane_layout_get_mode (self->layout) == EVIDENT_PANE_MODE_NARROW;
  gboolean visible = evident_pane_layout_get_sidebar_visible (self->layout);

  gtk_widget_set_visible (self->overview_sidebar_button, !narrow);
  gtk_widget_set_visible (self->list_sidebar_button, !narrow);
  gtk_widget_set_visible (self->overview_menu_button, !narrow && !visible);
  gtk_widget_set_visible (self->list_menu_button, !narrow && !visible);
}

static void
layout_notify_cb (EvidentWindow     *self,
                  GParamSpec        *pspec,
                  EvidentPaneLayout *layout)
{
  update_sidebar_buttons (self);
  if (pspec == NULL || g_str_equal (pspec->name, "sidebar-visible"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR_VISIBLE]);
}

static void
sidebar_overview_notify_cb (EvidentWindow  *self,
                            GParamSpec     *pspec,
                            EvidentSidebar *sidebar)
{
  update_content (self);
}

/* The editor pane is folded, and shows the preview rather than the item. */
gboolean
evident_window_preview_folded_in (EvidentWindow *self)
{
  return adw_leaflet_get_folded (self->editor_leaflet)
         && (adw_leaflet_get_visible_child (self->editor_leaflet)
             == GTK_WIDGET (self->preview_pane));
}

static void
update_editor_back_button (EvidentWindow *self)
{
  gboolean to_item = evident_window_preview_folded_in (self);
  const char *label = to_item ? _("Back to the Item") : _("Items");

  gtk_widget_set_visible (self->editor_back_button,
                          adw_leaflet_get_folded (self->leaflet) || to_item);
  gtk_widget_set_tooltip_text (self->editor_back_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor_back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  /* Side by side, the preview is in view whenever there is one. On a
   * phone's width the header bar has no room for the button: a piece of
   * evidence opens its preview, the back button leads to the item. */
  self->syncing_preview_button = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->preview_button),
                          adw_leaflet_get_folded (self->editor_leaflet)
                          && !adw_leaflet_get_folded (self->leaflet)
                          && gtk_widget_get_visible (GTK_WIDGET (self->preview_pane)));
  gtk_toggle_button_set_active (self->preview_button, to_item);
  self->syncing_preview_button = FALSE;
}

static void
leaflet_folded_cb (EvidentWindow *self,
                   GParamSpec    *pspec,
                   AdwLeaflet    *leaflet)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);

  /* The editor shows the item's title itself; its header bar has room to
   * repeat it only in the wide window. */
  gtk_widget_set_visible (GTK_WIDGET (self->item_title), !folded);
  gtk_widget_set_visible (GTK_WIDGET (self->editor_score_button), folded);
  /* At a phone's width the header bar has room for the way back, the
   * score and the close button: the item's other commands go into a
   * menu. */
  gtk_widget_set_visible (self->item_move_box, !folded);
  gtk_widget_set_visible (GTK_WIDGET (self->whatif_item_button), !folded);
  gtk_widget_set_visible (GTK_WIDGET (self->item_menu_button), folded);
  /* Room for the score on a phone: the close button is the window button
   * that matters there, in each pane that shows alone. */
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *pane = (GtkWidget *[]) { self->overview_pane, self->list_pane,
                                          self->editor_pane }[i];

      adw_header_bar_set_decoration_layout (ADW_HEADER_BAR (gtk_widget_get_first_child (pane)),
                                            folded ? ":close" : NULL);
    }
  update_editor_back_button (self);

  /* Coming out of the folded layout keeps the panes; going in shows the
   * overview or the list, the pane the user is most likely to want. */
  if (folded
      && adw_leaflet_get_visible_child (leaflet) != self->editor_pane)
    adw_leaflet_set_visible_child (leaflet, evident_pane_layout_get_content_pane (self->layout));
}

/* A row chosen (clicked, or Enter): on to the overview or the list. The
 * keyboard follows Enter; a click leaves the focus where it is. */
static void
sidebar_activated_cb (EvidentWindow  *self,
                      gboolean        keyboard,
                      EvidentSidebar *sidebar)
{
  adw_leaflet_set_visible_child (self->leaflet, evident_pane_layout_get_content_pane (self->layout));
  if (keyboard)
    evident_pane_layout_focus_pane (self->layout, EVIDENT_PANE_CONTENT);
}

static void
overview_item_activated_cb (EvidentWindow   *self,
                            const char      *ref,
                            EvidentOverview *overview)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-item", "s", ref);
}

static void
overview_chapter_activated_cb (EvidentWindow   *self,
                               const char      *number,
                               EvidentOverview *overview)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-chapter", "s", number);
}

/* A heat map cell: the item list, filtered to the cell's owner and
 * complexity, and to open items unless the cells show the share done, so
 * that the list holds the items the cell counts. */
static void
overview_heatmap_cell_activated_cb (EvidentWindow   *self,
                                    gboolean         any_owner,
                                    const char      *owner,
                                    int              complexity,
                                    EvidentOverview *overview)
{
  gboolean open_only = evident_overview_get_metric (overview) != EVIDENT_HEATMAP_METRIC_DONE;
  GListModel *model;

  if (self->project == NULL)
    return;

  evident_sidebar_select_number (self->sidebar, "");
  gtk_widget_activate_action (GTK_WIDGET (self->item_list), "item-list.clear-filters", NULL);
  evident_item_list_set_filter (self->item_list,
                                any_owner ? NULL : (owner != NULL ? owner : ""),
                                complexity);
  g_object_set (self->item_list, "at-risk", open_only, NULL);

  /* The editor shows an item the cell counts: the first, unless the one
   * open is among them. */
  model = evident_item_list_get_model (self->item_list);
  if (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)) == GTK_INVALID_LIST_POSITION)
    {
      g_autoptr (EvidentItem) first = g_list_model_get_item (model, 0);

      g_object_set (self->item_list, "selected-item", first, NULL);
    }

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  evident_pane_layout_focus_pane (self->layout, EVIDENT_PANE_CONTENT);
}

/* An item opened: Enter takes the keyboard to its first control (the
 * status), a click leaves the focus in the list where both show. */
static void
item_activated_cb (EvidentWindow   *self,
                   EvidentItem     *item,
                   gboolean         keyboard,
                   EvidentItemList *list)
{
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
  if (keyboard || adw_leaflet_get_folded (self->leaflet))
    evident_pane_layout_focus_pane (self->layout, EVIDENT_PANE_EDITOR);
}

static void
editor_error_cb (EvidentWindow     *self,
                 const char        *message,
                 EvidentItemEditor *editor)
{
  g_autofree char *shortened = evident_error_text_shorten_paths (message);
  AdwToast *toast = adw_toast_new (shortened);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  evident_window_add_toast (self, toast);
}

static gboolean
show_selected_item_cb (gpointer data)
{
  EvidentWindow *self = data;

  if (self->project != NULL && evident_item_list_get_selected_item (self->item_list) != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);

  return G_SOURCE_REMOVE;
}

/* In the folded window a click or tap on an item (which selects it) moves
 * on to the editor; keyboard moves only select, and Enter activates. The
 * rows claim their clicks, so this watches the events themselves. */
static gboolean
item_list_event_cb (EvidentWindow            *self,
                    GdkEvent                 *event,
                    GtkEventControllerLegacy *controller)
{
  GdkEventType type = gdk_event_get_event_type (event);
  double x, y;

  if (!adw_leaflet_get_folded (self->leaflet) || !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;

  if ((type == GDK_BUTTON_PRESS && gdk_button_event_get_button (event) == GDK_BUTTON_PRIMARY)
      || type == GDK_TOUCH_BEGIN)
    {
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self->item_list));
      GtkWidget *picked;
      double nx, ny;

      gtk_native_get_surface_transform (native, &nx, &ny);
      picked = gtk_widget_pick (GTK_WIDGET (native), x - nx, y - ny, GTK_PICK_DEFAULT);
      self->press_on_item = picked != NULL
                            && gtk_widget_is_ancestor (picked, GTK_WIDGET (self->item_list))
                            && gtk_widget_get_ancestor (picked, GTK_TYPE_LIST_VIEW) != NULL;
      self->press_x = x;
      self->press_y = y;
    }
  else if ((type == GDK_BUTTON_RELEASE && gdk_button_event_get_button (event) == GDK_BUTTON_PRIMARY)
           || type == GDK_TOUCH_END)
    {
      gboolean was_click = self->press_on_item
                           && ABS (x - self->press_x) < 8 && ABS (y - self->press_y) < 8;

      self->press_on_item = FALSE;
      /* The row selects itself on release, after this. */
      if (was_click)
        g_idle_add_full (G_PRIORITY_DEFAULT, show_selected_item_cb,
                         g_object_ref (self), g_object_unref);
    }

  return GDK_EVENT_PROPAGATE;
}

static void
selected_item_notify_cb (EvidentWindow   *self,
                         GParamSpec      *pspec,
                         EvidentItemList *list)
{
  update_item_title (self);
}

/* For tests/bench-startup.py: say on standard output when the first frame
 * has been painted. */
static void
report_first_frame_cb (GdkFrameClock *clock,
                       gpointer       user_data)
{
  g_print ("evident: first frame\n");
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, report_first_frame_cb, user_data);
}

static void
report_first_frame_realize_cb (GtkWidget *widget,
                               gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (report_first_frame_cb), NULL);
}

/* The evidence preview beside the editor */

static void
set_preview_shown (EvidentWindow *self,
                   gboolean       shown)
{
  gtk_widget_set_visible (GTK_WIDGET (self->preview_pane), shown);
  gtk_widget_set_visible (self->preview_separator, shown);
  update_editor_back_button (self);
}

/* Shows @evidence beside the editor, where there is one. */
static void
show_evidence_preview (EvidentWindow   *self,
                       EvidentEvidence *evidence)
{
  evident_preview_pane_set_evidence (self->preview_pane, evidence);
  set_preview_shown (self, evidence != NULL && self->project != NULL);
}

static void
editor_selected_evidence_cb (EvidentWindow     *self,
                             GParamSpec        *pspec,
                             EvidentItemEditor *editor)
{
  show_evidence_preview (self, evident_item_editor_get_selected_evidence (editor));
}

static void
editor_evidence_activated_cb (EvidentWindow     *self,
                              EvidentEvidence   *evidence,
                              EvidentItemEditor *editor)
{
  /* Side by side, the preview shows it already. */
  if (!adw_leaflet_get_folded (self->editor_leaflet)
      || !gtk_widget_get_visible (GTK_WIDGET (self->preview_pane)))
    return;

  adw_leaflet_set_visible_child (self->editor_leaflet, GTK_WIDGET (self->preview_pane));
  gtk_widget_child_focus (GTK_WIDGET (self->preview_pane), GTK_DIR_TAB_FORWARD);
}

/* Brings the preview into view where it folds away behind the item, as
 * `--item` asks for; side by side, it is in view already. */
void
evident_window_show_preview (EvidentWindow *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->preview_pane)))
    return;

  /* Before the first allocation the leaflet does not know yet whether it
   * folds: it keeps the visible child for then. */
  adw_leaflet_set_visible_child (self->editor_leaflet, GTK_WIDGET (self->preview_pane));
  update_editor_back_button (self);
}

static void
preview_button_toggled_cb (EvidentWindow   *self,
                           GtkToggleButton *button)
{
  if (self->syncing_preview_button || !adw_leaflet_get_folded (self->editor_leaflet))
    return;

  if (gtk_toggle_button_get_active (button)
      && gtk_widget_get_visible (GTK_WIDGET (self->preview_pane)))
    adw_leaflet_set_visible_child (self->editor_leaflet, GTK_WIDGET (self->preview_pane));
  else
    adw_leaflet_set_visible_child (self->editor_leaflet, GTK_WIDGET (self->item_editor));
  update_editor_back_button (self);
}

static gboolean
update_editor_back_button_cb (gpointer data)
{
  EvidentWindow *self = data;

  self->back_button_idle_id = 0;
  update_editor_back_button (self);
  return G_SOURCE_REMOVE;
}

static void
editor_leaflet_notify_cb (EvidentWindow *self,
                          GParamSpec    *pspec,
                          AdwLeaflet    *leaflet)
{
  /* The leaflet folds while it is allocated, after the header bar above
   * it: change the header bar once the allocation is over. */
  if (self->back_button_idle_id == 0)
    self->back_button_idle_id = g_idle_add (update_editor_back_button_cb, self);
}

static void
editor_toast_cb (EvidentWindow     *self,
                 AdwToast          *toast,
                 EvidentItemEditor *editor)
{
  evident_window_add_toast (self, g_object_ref (toast));
}

static void
preview_open_requested_cb (EvidentWindow   *self,
                           EvidentEvidence *evidence)
{
  gtk_widget_activate_action (GTK_WIDGET (self->item_editor), "editor.open-evidence", "x",
                              evident_evidence_get_id (evidence));
}

/* Work in the background: saving a copy, verifying evidence */

static void
job_toast_cb (EvidentWindow *self,
              AdwToast      *toast)
{
  evident_window_add_toast (self, g_object_ref (toast));
}

/* A job that ended lets its action be used again. */
static void
job_running_cb (EvidentWindow *self,
                GParamSpec    *pspec,
                EvidentJob    *job)
{
  EvidentJob **slot = job == self->copy_job ? &self->copy_job
                      : job == self->verify_job ? &self->verify_job
                      : NULL;

  if (evident_job_get_running (job) || slot == NULL)
    return;

  g_signal_handlers_disconnect_by_data (job, self);
  g_clear_object (slot);
  update_actions (self);
}

/* Runs @job (taken) in @slot; its toasts show in the window. */
void
evident_window_start_job (EvidentWindow  *self,
                          EvidentJob    **slot,
                          EvidentJob     *job)
{
  g_assert (*slot == NULL);

  *slot = job;
  g_signal_connect_object (job, "toast", G_CALLBACK (job_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (job, "notify::running", G_CALLBACK (job_running_cb), self,
                           G_CONNECT_SWAPPED);
  evident_job_start (job);
  update_actions (self);
}

/* Stops the jobs: the project they work on goes, or the window. */
static void
cancel_jobs (EvidentWindow *self)
{
  EvidentJob **slots[] = { &self->copy_job, &self->verify_job };

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      if (*slots[i] == NULL)
        continue;
      g_signal_handlers_disconnect_by_data (*slots[i], self);
      evident_job_cancel (*slots[i]);
      g_clear_object (slots[i]);
    }
}

/* GObject */

/* The panes follow the window's width before its children are allocated,
 * so that a resize never shows a frame of the old layout. */
static void
evident_window_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);

  if (self->layout != NULL)
    evident_pane_layout_set_width (self->layout, width);

  GTK_WIDGET_CLASS (evident_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static gboolean
evident_window_close_request (GtkWindow *window)
{
  EvidentWindow *self = EVIDENT_WINDOW (window);

  evident_settings_save_window (self->settings, window);
  /* Let go of the project while the window still belongs to the
   * application, which its clean-up holds. */
  evident_window_set_project (self, NULL);

  return GTK_WINDOW_CLASS (evident_window_parent_class)->close_request (window);
}

static void
evident_window_dispose (GObject *object)
{
  EvidentWindow *self = EVIDENT_WINDOW (object);

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
    }
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, settings_changed_cb, self);

  cancel_jobs (self);
  g_clear_handle_id (&self->back_button_idle_id, g_source_remove);
  g_clear_object (&self->revisions);
  g_clear_object (&self->exports);
  evident_window_whatif_dispose (self);
  if (self->undo_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_toast, self);
  g_clear_object (&self->undo_toast);
  if (self->layout != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->layout, self);
      evident_pane_layout_release (self->layout);
    }
  if (self->sidebar != NULL)
    evident_sidebar_set_project (self->sidebar, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_WINDOW);
  /* Went with the template's sessions_bin. */
  self->sessions_page = NULL;

  /* The window owns its project: let go of the file now, so that it can be
   * opened again at once, even if some reference lingers. */
  if (self->project != NULL)
    close_project (self, self->project);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (evident_window_parent_class)->dispose (object);
}

static void
evident_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EvidentWindow *self = EVIDENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, self->layout != NULL
                                  && evident_pane_layout_get_sidebar_visible (self->layout));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EvidentWindow *self = EVIDENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_window_set_project (self, g_value_get_object (value));
      break;

    case PROP_SIDEBAR_VISIBLE:
      if (self->layout != NULL
          && g_value_get_boolean (value) != evident_pane_layout_get_sidebar_visible (self->layout))
        evident_pane_layout_toggle_sidebar (self->layout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_window_class_init (EvidentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = evident_window_dispose;
  object_class->get_property = evident_window_get_property;
  object_class->set_property = evident_window_set_property;

  window_class->close_request = evident_window_close_request;
  widget_class->size_allocate = evident_window_size_allocate;

  /**
   * EvidentWindow:project:
   *
   * The project shown; the window closes it when it lets go of it.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EVIDENT_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * EvidentWindow:sidebar-visible:
   *
   * Whether the chapter sidebar is in view; setting it shows or hides the
   * sidebar as F9 does (win.toggle-sidebar).
   */
  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EVIDENT_TYPE_ITEM_EDITOR);
  g_type_ensure (EVIDENT_TYPE_ITEM_LIST);
  g_type_ensure (EVIDENT_TYPE_OVERVIEW);
  g_type_ensure (EVIDENT_TYPE_PREVIEW_PANE);
  g_type_ensure (EVIDENT_TYPE_SCORE_BUTTON);
  g_type_ensure (EVIDENT_TYPE_SIDEBAR);
  g_type_ensure (EVIDENT_TYPE_WHATIF_BAR);

  /* Links the resources of this static library in, and with them the
   * constructor that registers them. */
  (void) evident_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, overview_sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, list_sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, overview_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, list_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, editor_separator);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, overview_pane);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, overview_read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, editor_read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, whatif_bar);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, overview_stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, sessions_bin);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, empty_status_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, overview_score_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, window_title_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, window_subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, item_title);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, editor_score_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, score_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, item_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, item_editor);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, editor_back_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, preview_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, editor_leaflet);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, preview_separator);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, preview_pane);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, whatif_item_menu);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, item_narrow_menu);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, whatif_item_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, item_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, item_move_box);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentWindow, empty_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_selected_evidence_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_evidence_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_leaflet_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_open_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, overview_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, overview_chapter_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, overview_heatmap_cell_activated_cb);

  evident_window_class_install_actions (widget_class);
  evident_window_audit_class_init (widget_class);
}

static void
evident_window_init (EvidentWindow *self)
{
  GtkEventController *controller;
  EvidentPanes panes;

  gtk_widget_init_template (GTK_WIDGET (self));
  evident_a11y_name_mnemonics (GTK_WIDGET (self));

  panes = (EvidentPanes) {
    .leaflet = self->leaflet,
    .sidebar = self->sidebar_pane,
    .sidebar_separator = self->sidebar_separator,
    .overview = self->overview_pane,
    .list = self->list_pane,
    .editor_separator = self->editor_separator,
    .editor = self->editor_pane,
    .editor_leaflet = self->editor_leaflet,
    .item = GTK_WIDGET (self->item_editor),
    .preview = GTK_WIDGET (self->preview_pane),
    .sidebar_list = self->sidebar,
    .overview_page = GTK_WIDGET (self->overview),
    .item_list = self->item_list,
  };
  self->layout = evident_pane_layout_new (&panes);
  g_signal_connect_object (self->layout, "notify",
                           G_CALLBACK (layout_notify_cb), self, G_CONNECT_SWAPPED);

  self->closing_notice_delay_ms = CLOSING_NOTICE_DELAY_MS;

  if (g_getenv ("EVIDENT_REPORT_FIRST_FRAME") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (report_first_frame_realize_cb), NULL);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_object_bind_property (self->sidebar, "chapter",
                          self->item_list, "chapter",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->item_list, "selected-item",
                          self->item_editor, "item",
                          G_BINDING_SYNC_CREATE);
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event",
                           G_CALLBACK (item_list_event_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->item_list), controller);

  g_signal_connect_object (self->item_editor, "error",
                           G_CALLBACK (editor_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item_list, "notify::selected-item",
                           G_CALLBACK (selected_item_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::overview",
                           G_CALLBACK (sidebar_overview_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self->empty_status_page, "map",
                    G_CALLBACK (empty_status_page_map_cb), NULL);
  g_signal_connect_object (self->overview_stack, "notify::visible-child-name",
                           G_CALLBACK (overview_stack_notify_cb), self,
                           G_CONNECT_SWAPPED);
  evident_window_audit_init (self, self->overview_stack);
  evident_window_whatif_init (self);
  evident_window_title_init (self);

  self->revisions = evident_revision_actions_new (self);
  self->exports = evident_exports_new (self);

  self->settings = evident_settings_new ();
  evident_settings_restore_window (self->settings, GTK_WINDOW (self));
  if (self->settings != NULL)
    {
      /* The metric chosen last week is the one to see this week. */
      g_settings_bind (self->settings, "heatmap-metric", self->overview, "metric",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "sidebar-shown", self->layout, "sidebar-shown",
                       G_SETTINGS_BIND_DEFAULT);

      g_signal_connect_object (self->settings, "changed::recent-projects",
                               G_CALLBACK (settings_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_menu_popup_cb,
                                         self, NULL);
  gtk_menu_button_set_create_popup_func (self->empty_menu_button, create_menu_popup_cb,
                                         self, NULL);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->overview_menu_button),
                                         create_menu_popup_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->list_menu_button),
                                         create_menu_popup_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->whatif_item_button, create_menu_popup_cb,
                                         self, NULL);
  gtk_menu_button_set_create_popup_func (self->item_menu_button, create_menu_popup_cb,
                                         self, NULL);

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_recent_menu (self);
  evident_window_update_title (self);
  update_item_title (self);
  update_editor_back_button (self);
  update_sidebar_buttons (self);
  update_actions (self);
}

/**
 * evident_window_new:
 * @application: (nullable): the application
 *
 * Returns: (transfer none): a new window without a project
 */
EvidentWindow *
evident_window_new (GtkApplication *application)
{
  return g_object_new (EVIDENT_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

EvidentProject *
evident_window_get_project (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return self->project;
}

/**
 * evident_window_set_project:
 * @project: (nullable): the project to show
 *
 * Shows @project; the window closes the project it showed before.
 */
void
evident_window_set_project (EvidentWindow  *self,
                            EvidentProject *project)
{
  g_autoptr (EvidentProject) old = NULL;

  g_return_if_fail (EVIDENT_IS_WINDOW (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  old = g_steal_pointer (&self->project);
  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);
  cancel_jobs (self);

  if (project != NULL)
    {
      g_autoptr (GFile) default_file = evident_sample_get_default_project ();

      self->project = g_object_ref (project);
      self->pristine = g_file_equal (evident_project_get_file (project), default_file);

      g_signal_connect_object (project, "notify::title",
                               G_CALLBACK (project_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::can-undo",
                               G_CALLBACK (project_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::can-redo",
                               G_CALLBACK (project_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::read-only",
                               G_CALLBACK (project_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "changed",
                               G_CALLBACK (project_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    self->pristine = FALSE;

  /* The preview reads the evidence the editor selects from the project. */
  evident_preview_pane_set_project (self->preview_pane, project);
  /* The editor first, so that it saves what it holds into the old project. */
  evident_item_editor_flush (self->item_editor);
  g_object_set (self->item_editor, "item", NULL, "project", project, NULL);
  /* The sidebar before the list: its chapter goes back to "All Items"
   * first, so that the list never holds a chapter of the other project. */
  evident_sidebar_set_project (self->sidebar, project);
  g_object_set (self->item_list, "project", project, NULL);
  /* What-if mode ends first: the scores go back to the real ones. */
  evident_whatif_set_project (self->whatif, project);
  evident_score_button_set_project (self->score_button, project);
  evident_score_button_set_project (self->overview_score_button, project);
  evident_score_button_set_project (self->editor_score_button, project);
  evident_overview_set_project (self->overview, project);
  evident_window_audit_set_project (self, project);

  if (old != NULL)
    close_project (self, old);

  gtk_stack_set_visible_child_name (self->main_stack, project != NULL ? "project" : "empty");
  /* A project opens on its overview (the sidebar selects it). */
  update_content (self);
  if (project != NULL)
    adw_leaflet_set_visible_child (self->leaflet,
                                   adw_leaflet_get_folded (self->leaflet)
                                     ? evident_pane_layout_get_content_pane (self->layout)
                                     : self->sidebar_pane);

  evident_window_update_titles (self);
  update_item_title (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * evident_window_is_pristine:
 *
 * Returns: whether the window shows the default project and nothing was
 *   changed in it since: a new project may replace it
 */
gboolean
evident_window_is_pristine (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), FALSE);

  return self->project == NULL || self->pristine;
}

void
evident_window_add_toast (EvidentWindow *self,
                          AdwToast      *toast)
{
  AdwToast *progress[2] = { NULL, NULL };

  g_return_if_fail (EVIDENT_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* A toast that follows work under way stays up for as long as the work
   * takes: others show over it at once, and it comes back after them. */
  if (self->copy_job != NULL)
    progress[0] = evident_job_get_progress_toast (self->copy_job);
  if (self->verify_job != NULL)
    progress[1] = evident_job_get_progress_toast (self->verify_job);
  if ((progress[0] != NULL || progress[1] != NULL)
      && toast != progress[0] && toast != progress[1])
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  evident_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * evident_window_show_error:
 * @heading: what failed, e.g. "Could Not Open the Project"
 * @error: why, in words for the user
 *
 * Shows @error in a dialog over the window.
 */
void
evident_window_show_error (EvidentWindow *self,
                           const char    *heading,
                           const GError  *error)
{
  g_autofree char *message = NULL;
  GtkWidget *dialog;

  g_return_if_fail (EVIDENT_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  /* The file's name: its folder is where the user just chose it. */
  message = evident_error_text_shorten_paths (error->message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  evident_a11y_name_mnemonics (dialog);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

EvidentSidebar *
evident_window_get_sidebar (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return self->sidebar;
}

EvidentItemList *
evident_window_get_item_list (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return self->item_list;
}

EvidentItemEditor *
evident_window_get_item_editor (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return self->item_editor;
}

EvidentScoreButton *
evident_window_get_score_button (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return self->score_button;
}

EvidentOverview *
evident_window_get_overview (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return self->overview;
}

EvidentRevisionActions *
evident_window_get_revisions (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return self->revisions;
}

EvidentExports *
evident_window_get_exports (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return self->exports;
}

EvidentSessionsPage *
evident_window_get_sessions_page (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  /* Built when first needed: a window opens on the overview, and the
   * sessions page is some 230 widgets. */
  if (self->sessions_page == NULL)
    {
      self->sessions_page = g_object_new (EVIDENT_TYPE_SESSIONS_PAGE, NULL);
      evident_sessions_page_set_project (self->sessions_page, self->project);
      adw_bin_set_child (self->sessions_bin, GTK_WIDGET (self->sessions_page));
    }

  return self->sessions_page;
}

EvidentPreview *
evident_window_get_preview (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return evident_preview_pane_get_preview (self->preview_pane);
}

EvidentPaneLayout *
evident_window_get_pane_layout (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return self->layout;
}

gboolean
evident_window_get_sidebar_visible (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), FALSE);

  return evident_pane_layout_get_sidebar_visible (self->layout);
}

/* Tests: the editor's menu where its header bar is narrow */
GtkMenuButton *
evident_window_get_item_menu_button (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return self->item_menu_button;
}

/* Tests: the toast saying what the last undo or redo did, while it shows */
AdwToast *
evident_window_get_undo_toast (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return self->undo_toast;
}

/* Tests: how long a project's clean-up runs before the window says so. */
void
evident_window_set_closing_notice_delay (EvidentWindow *self,
                                         guint          ms)
{
  g_return_if_fail (EVIDENT_IS_WINDOW (self));

  self->closing_notice_delay_ms = ms;
}

/**
 * evident_window_save_copy_to:
 * @destination: where the copy goes; a file there is replaced once the
 *   copy is complete
 *
 * Saves a copy of the project in the background, as Save a Copy does once
 * the user chose where (tests call it directly).
 */
void
evident_window_save_copy_to (EvidentWindow *self,
                             GFile         *destination)
{
  g_return_if_fail (EVIDENT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (destination));

  if (self->project == NULL || self->copy_job != NULL)
    return;

  evident_window_start_job (self, &self->copy_job, EVIDENT_JOB (evident_copy_job_new (self->project, destination)));
}

/* Tests: the copy under way, if any */
EvidentJob *
evident_window_get_copy_job (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return self->copy_job;
}
