/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _EvidentListReveal EvidentListReveal;

typedef void (*EvidentListRevealAttach) (gpointer owner);

EvidentListReveal *evident_list_reveal_new       (GtkListView             *list_view,
                                                  GListModel              *model,
                                                  EvidentListRevealAttach  attach,
                                                  gpointer                 owner);
void               evident_list_reveal_free      (EvidentListReveal       *self);
void               evident_list_reveal_map       (EvidentListReveal       *self);
void               evident_list_reveal_scroll_to (EvidentListReveal       *self,
                                                  guint                    position);
guint              evident_list_reveal_find      (GListModel              *model,
                                                  gpointer                 item);

G_END_DECLS
