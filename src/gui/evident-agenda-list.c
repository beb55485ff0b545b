/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-agenda-list.h"
#include "evident-audit-ui.h"

/*
 * EvidentAgendaList: a session's agenda, chapter by chapter: its day, the
 * minutes planned (derived from the items, or entered here: the spin
 * button plans a chapter by hand) and the time spent on it so far, the
 * chapter running marked. Presenter mode records the time; the plan and
 * the times are written at once and not undone
 * (evident_session_plan_chapter()). The list follows
 * EvidentSession::agenda-changed.
 */

struct _EvidentAgendaList
{
  AdwBin               parent_instance;

  EvidentSession      *session;
  AdwPreferencesGroup *group;
  /* One row per entry, in the agenda's order */
  GPtrArray           *rows;
  guint                updating : 1;
};

G_DEFINE_FINAL_TYPE (EvidentAgendaList, evident_agenda_list, ADW_TYPE_BIN)

static void
minutes_changed_cb (EvidentAgendaList *self,
                    GtkSpinButton     *spin)
{
  const char *chapter = g_object_get_data (G_OBJECT (spin), "chapter");
  g_autoptr (GError) error = NULL;

  if (self->updating || self->session == NULL)
    return;
  if (!evident_agenda_list_plan (self, chapter, gtk_spin_button_get_value_as_int (spin), &error))
    evident_audit_toast_error (GTK_WIDGET (self), error);
}

static GtkWidget *
create_row (EvidentAgendaList        *self,
            const EvidentAgendaEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 24 * 60, 5);
  g_autofree char *title = g_strdup_printf ("%s %s", entry->chapter,
                                            entry->title != NULL ? entry->title : "");
  g_autofree char *name = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  /* Translators: the name of a spin button, for screen readers; %s is a
   * chapter, as in "Minutes planned for 8.0 Security" */
  name = g_strdup_printf (_("Minutes planned for %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_tooltip_text (spin, _("Minutes planned"));
  g_object_set_data_full (G_OBJECT (spin), "chapter", g_strdup (entry->chapter), g_free);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (minutes_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  g_object_set_data (G_OBJECT (row), "spin", spin);
  return row;
}

static void
update_row (GtkWidget                *row,
            const EvidentAgendaEntry *entry,
            gboolean                  running)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (row), "spin");
  g_autofree char *spent = evident_audit_ui_format_duration (entry->spent_seconds);
  g_autofree char *subtitle = NULL;

  /* Translators: a chapter of a session's agenda: its day, the time spent
   * on it, how many items and how it was planned, as in
   * "Day 1 · 12:03 spent · 14 items · planned by hand" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Day %1$u · %2$s spent · %3$u item · %4$s",
                                           "Day %1$u · %2$s spent · %3$u items · %4$s",
                                           entry->n_items),
                              entry->day, spent, entry->n_items,
                              running ? _("running now")
                                      : entry->entered ? _("planned by hand")
                                                       : _("planned from its items"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_value (spin, entry->planned_minutes);
}

static void
update (EvidentAgendaList *self)
{
  g_autoptr (EvidentAgenda) agenda = NULL;
  g_autoptr (GDateTime) now = NULL;
  EvidentAgendaStatus status;

  if (self->session == NULL)
    return;

  agenda = evident_session_dup_agenda (self->session);
  now = g_date_time_new_now_utc ();
  /* The time spent on each chapter, up to now. */
  evident_agenda_get_status (agenda, now, &status);
  self->updating = TRUE;
  if (agenda->entries->len != self->rows->len)
    {
      for (guint i = 0; i < self->rows->len; i++)
        adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
      g_ptr_array_set_size (self->rows, 0);
      for (guint i = 0; i < agenda->entries->len; i++)
        {
          GtkWidget *row = create_row (self, &g_array_index (agenda->entries, EvidentAgendaEntry, i));

          g_ptr_array_add (self->rows, row);
          adw_preferences_group_add (self->group, row);
        }
    }
  for (guint i = 0; i < agenda->entries->len; i++)
    update_row (g_ptr_array_index (self->rows, i),
                &g_array_index (agenda->entries, EvidentAgendaEntry, i), agenda->current == (int) i);
  self->updating = FALSE;
}

static void
evident_agenda_list_dispose (GObject *object)
{
  EvidentAgendaList *self = EVIDENT_AGENDA_LIST (object);

  evident_agenda_list_set_session (self, NULL);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (evident_agenda_list_parent_class)->dispose (object);
}

static void
evident_agenda_list_class_init (EvidentAgendaListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_agenda_list_dispose;
}

static void
evident_agenda_list_init (EvidentAgendaList *self)
{
  self->rows = g_ptr_array_new ();
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Agenda"));
  adw_preferences_group_set_description (self->group,
                                         _("The minutes planned for each chapter, from its items "
                                           "unless you enter them, and the time spent on it in "
                                           "presenter mode."));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
}

EvidentSession *
evident_agenda_list_get_session (EvidentAgendaList *self)
{
  g_return_val_if_fail (EVIDENT_IS_AGENDA_LIST (self), NULL);

  return self->session;
}

void
evident_agenda_list_set_session (EvidentAgendaList *self,
                                 EvidentSession    *session)
{
  g_return_if_fail (EVIDENT_IS_AGENDA_LIST (self));
  g_return_if_fail (session == NULL || EVIDENT_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "agenda-changed", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  update (self);
}

/**
 * evident_agenda_list_plan:
 * @chapter: a chapter in the session's scope
 * @minutes: the minutes planned for it; -1 to plan it from its items
 * @error: return location for an error
 *
 * Plans @chapter by hand on the day it is on: written at once.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_agenda_list_plan (EvidentAgendaList  *self,
                          const char         *chapter,
                          int                 minutes,
                          GError            **error)
{
  g_autoptr (EvidentAgenda) agenda = NULL;
  int entry;
  guint day = 1;

  g_return_val_if_fail (EVIDENT_IS_AGENDA_LIST (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  agenda = evident_session_dup_agenda (self->session);
  entry = evident_agenda_find (agenda, chapter);
  if (entry >= 0)
    day = g_array_index (agenda->entries, EvidentAgendaEntry, entry).day;
  return evident_session_plan_chapter (self->session, chapter, MAX (day, 1), minutes, error);
}
