/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window in what-if mode (EvidentWhatif): the "whatif." actions, the
 * bar across the top, and every score of the window (the three score
 * buttons, the overview with its heat map, and the sidebar's progress)
 * showing the scenario's while the mode is on;
 * the header bars are tinted so that the mode shows in each pane.
 * Presenter mode keeps the real score (evident-window-audit.c). */

#include "config.h"

#include "evident-window-audit.h"
#include "evident-window-private.h"

static void
scenario_notify_cb (EvidentWindow *self)
{
  EvidentScenario *scenario = evident_whatif_get_scenario (self->whatif);

  evident_score_button_set_scenario (self->score_button, scenario);
  evident_score_button_set_scenario (self->overview_score_button, scenario);
  evident_score_button_set_scenario (self->editor_score_button, scenario);
  evident_overview_set_scenario (self->overview, scenario);
  evident_sidebar_set_scenario (self->sidebar, scenario);
  if (scenario != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "evident-whatif");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "evident-whatif");
  /* Presenter mode, if on, keeps the real score. */
  evident_window_audit_note_whatif (self);
}

static void
kept_cb (EvidentWindow *self)
{
  evident_scenario_panel_reload (evident_overview_get_scenario_panel (self->overview));
}

void
evident_window_whatif_init (EvidentWindow *self)
{
  self->whatif = evident_whatif_new (GTK_WIDGET (self));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "whatif",
                                  evident_whatif_get_action_group (self->whatif));
  evident_whatif_bar_set_whatif (self->whatif_bar, self->whatif);
  g_object_bind_property (self->item_editor, "item", self->whatif, "current-item",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->whatif, "notify::scenario", G_CALLBACK (scenario_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->whatif, "kept", G_CALLBACK (kept_cb), self,
                           G_CONNECT_SWAPPED);
}

void
evident_window_whatif_dispose (EvidentWindow *self)
{
  if (self->whatif == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->whatif, self);
  evident_whatif_set_project (self->whatif, NULL);
  g_clear_object (&self->whatif);
}

/* For tests */
EvidentWhatif *
evident_window_get_whatif (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return self->whatif;
}

EvidentWhatifBar *
evident_window_get_whatif_bar (EvidentWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  return self->whatif_bar;
}
