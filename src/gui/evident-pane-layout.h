/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-item-list.h"
#include "evident-sidebar.h"

G_BEGIN_DECLS

/**
 * EvidentPaneMode:
 * @EVIDENT_PANE_MODE_WIDE: every pane side by side, the sidebar as the user
 *   chose
 * @EVIDENT_PANE_MODE_MEDIUM: the sidebar folds away (the sidebar button
 *   brings it back for a while); list, editor and preview side by side
 * @EVIDENT_PANE_MODE_NARROW: one pane at a time, the editor and the
 *   preview side by side where they fit: the list gives way
 *
 * How much of the window's panes its width shows.
 */
typedef enum
{
  EVIDENT_PANE_MODE_WIDE,
  EVIDENT_PANE_MODE_MEDIUM,
  EVIDENT_PANE_MODE_NARROW,
} EvidentPaneMode;

/**
 * EvidentPane:
 *
 * The window's panes, in the order F6 moves through them.
 */
typedef enum
{
  EVIDENT_PANE_SIDEBAR,
  EVIDENT_PANE_CONTENT,
  EVIDENT_PANE_EDITOR,
  EVIDENT_PANE_PREVIEW,
  EVIDENT_N_PANES,
  EVIDENT_PANE_NONE = EVIDENT_N_PANES,
} EvidentPane;

/**
 * EvidentPanes:
 * @leaflet: the window's leaflet
 * @sidebar: its pane of the chapter sidebar
 * @sidebar_separator: the line after it
 * @overview: the overview's pane
 * @list: the item list's pane
 * @editor_separator: the line between list and editor
 * @editor: the editor's pane
 * @editor_leaflet: the leaflet in the editor pane
 * @item: the item editor, in @editor_leaflet
 * @preview: the preview of its evidence, in @editor_leaflet
 * @sidebar_list: the sidebar, in @sidebar
 * @overview_page: the overview, in @overview
 * @item_list: the item list, in @list
 *
 * The widgets the layout shows, hides and sizes; the window keeps them.
 */
typedef struct
{
  AdwLeaflet *leaflet;
  GtkWidget  *sidebar;
  GtkWidget  *sidebar_separator;
  GtkWidget  *overview;
  GtkWidget  *list;
  GtkWidget  *editor_separator;
  GtkWidget  *editor;
  AdwLeaflet *editor_leaflet;
  GtkWidget  *item;
  GtkWidget  *preview;
  EvidentSidebar  *sidebar_list;
  GtkWidget       *overview_page;
  EvidentItemList *item_list;
} EvidentPanes;

#define EVIDENT_TYPE_PANE_LAYOUT (evident_pane_layout_get_type ())

G_DECLARE_FINAL_TYPE (EvidentPaneLayout, evident_pane_layout, EVIDENT, PANE_LAYOUT, GObject)

EvidentPaneLayout *evident_pane_layout_new               (const EvidentPanes *panes);
void               evident_pane_layout_release           (EvidentPaneLayout  *self);

void               evident_pane_layout_set_width         (EvidentPaneLayout  *self,
                                                          int                 width);
EvidentPaneMode    evident_pane_layout_get_mode          (EvidentPaneLayout  *self);
gboolean           evident_pane_layout_get_overview      (EvidentPaneLayout  *self);
void               evident_pane_layout_set_overview      (EvidentPaneLayout  *self,
                                                          gboolean            overview);
GtkWidget         *evident_pane_layout_get_content_pane  (EvidentPaneLayout  *self);

gboolean           evident_pane_layout_get_sidebar_shown (EvidentPaneLayout  *self);
void               evident_pane_layout_set_sidebar_shown (EvidentPaneLayout  *self,
                                                          gboolean            shown);
gboolean           evident_pane_layout_get_sidebar_visible (EvidentPaneLayout *self);
void               evident_pane_layout_toggle_sidebar    (EvidentPaneLayout  *self);

EvidentPane        evident_pane_layout_get_focus_pane    (EvidentPaneLayout  *self);
gboolean           evident_pane_layout_focus_pane        (EvidentPaneLayout  *self,
                                                          EvidentPane         pane);
gboolean           evident_pane_layout_cycle_focus       (EvidentPaneLayout  *self,
                                                          int                 delta);

G_END_DECLS
