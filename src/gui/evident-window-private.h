/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-exports.h"
#include "evident-job.h"
#include "evident-item-editor.h"
#include "evident-item-list.h"
#include "evident-overview.h"
#include "evident-pane-layout.h"
#include "evident-preview.h"
#include "evident-preview-pane.h"
#include "evident-revision-actions.h"
#include "evident-score-button.h"
#include "evident-sessions-page.h"
#include "evident-sidebar.h"
#include "evident-whatif.h"
#include "evident-whatif-bar.h"
#include "evident-window.h"

G_BEGIN_DECLS

/* The window's parts, for its own files (evident-window*.c). */
struct _EvidentWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_pane;
  GtkWidget            *sidebar_separator;
  GtkWidget            *list_pane;
  GtkWidget            *editor_pane;
  GtkWidget            *editor_separator;
  GtkWidget            *overview_pane;
  GtkRevealer          *overview_read_only_banner;
  GtkRevealer          *editor_read_only_banner;
  GtkWidget            *window_title;
  GtkLabel             *window_title_label;
  GtkLabel             *window_subtitle_label;
  AdwWindowTitle       *item_title;
  EvidentScoreButton   *editor_score_button;
  EvidentSidebar       *sidebar;
  EvidentScoreButton   *score_button;
  EvidentItemList      *item_list;
  EvidentItemEditor    *item_editor;
  GtkWidget            *editor_back_button;
  GtkToggleButton      *preview_button;
  AdwLeaflet           *editor_leaflet;
  GtkWidget            *preview_separator;
  EvidentPreviewPane   *preview_pane;
  EvidentOverview      *overview;
  GtkStack             *overview_stack;
  AdwStatusPage        *empty_status_page;
  AdwBin               *sessions_bin;
  /* NULL until first shown (evident_window_get_sessions_page()) */
  EvidentSessionsPage  *sessions_page;
  EvidentScoreButton   *overview_score_button;
  GMenuModel           *primary_menu;
  GMenuModel           *whatif_item_menu;
  GMenuModel           *item_narrow_menu;
  GMenu                *recent_section;
  GtkMenuButton        *primary_menu_button;
  GtkMenuButton        *empty_menu_button;
  GtkWidget            *overview_sidebar_button;
  GtkWidget            *list_sidebar_button;
  GtkWidget            *overview_menu_button;
  GtkWidget            *list_menu_button;
  GtkMenuButton        *whatif_item_button;
  GtkMenuButton        *item_menu_button;
  GtkWidget            *item_move_box;
  EvidentWhatifBar     *whatif_bar;

  /* Which panes the window's width shows; F6 */
  EvidentPaneLayout    *layout;
  GSettings            *settings;
  EvidentProject       *project;
  /* The revision.* actions: Update Checklist…, versions, archive */
  EvidentRevisionActions *revisions;
  /* The export.* actions: exports, report, evidence pack */
  EvidentExports       *exports;
  /* The whatif.* actions: what-if mode (evident-window-whatif.c) */
  EvidentWhatif        *whatif;

  guint                 back_button_idle_id;
  /* How long a project's clean-up runs before the window says so */
  guint                 closing_notice_delay_ms;
  /* Set while evidence is verified */
  EvidentJob           *verify_job;
  /* Set while a copy of the project is saved */
  EvidentJob           *copy_job;
  /* What the last undo or redo did, while it shows */
  AdwToast             *undo_toast;

  /* Where a press on an item in the folded item list began. */
  double                press_x;
  double                press_y;

  /* Showing the default project, not edited since it was opened. */
  guint                 pristine : 1;
  /* The preview button is set from the editor pane, not by the user */
  guint                 syncing_preview_button : 1;
  guint                 press_on_item : 1;
};


void     evident_window_class_install_actions (GtkWidgetClass  *widget_class);
void     evident_window_toast_error           (EvidentWindow   *self,
                                               const GError    *error);
gboolean evident_window_preview_folded_in     (EvidentWindow   *self);
void     evident_window_show_preview          (EvidentWindow   *self);
void     evident_window_start_job             (EvidentWindow   *self,
                                               EvidentJob     **slot,
                                               EvidentJob      *job);
void     evident_window_title_init            (EvidentWindow   *self);
void     evident_window_update_title          (EvidentWindow   *self);
void     evident_window_update_titles         (EvidentWindow   *self);
void     evident_window_whatif_init           (EvidentWindow   *self);
void     evident_window_whatif_dispose        (EvidentWindow   *self);


/* For tests: the window's parts. */
EvidentSidebar     *evident_window_get_sidebar      (EvidentWindow *self);
EvidentItemList    *evident_window_get_item_list    (EvidentWindow *self);
EvidentItemEditor  *evident_window_get_item_editor  (EvidentWindow *self);
EvidentScoreButton *evident_window_get_score_button (EvidentWindow *self);
EvidentOverview    *evident_window_get_overview     (EvidentWindow *self);
EvidentPreview     *evident_window_get_preview      (EvidentWindow *self);
EvidentRevisionActions *evident_window_get_revisions (EvidentWindow *self);
EvidentExports     *evident_window_get_exports      (EvidentWindow *self);
EvidentWhatif      *evident_window_get_whatif       (EvidentWindow *self);
EvidentWhatifBar   *evident_window_get_whatif_bar   (EvidentWindow *self);
EvidentSessionsPage *evident_window_get_sessions_page (EvidentWindow *self);
EvidentPaneLayout  *evident_window_get_pane_layout  (EvidentWindow *self);
gboolean            evident_window_get_sidebar_visible (EvidentWindow *self);
AdwToast           *evident_window_get_undo_toast   (EvidentWindow *self);
GtkMenuButton      *evident_window_get_item_menu_button (EvidentWindow *self);

void                evident_window_save_copy_to     (EvidentWindow *self,
                                                     GFile         *destination);
EvidentJob         *evident_window_get_copy_job     (EvidentWindow *self);
void                evident_window_set_closing_notice_delay (EvidentWindow *self,
                                                             guint          ms);

G_END_DECLS
