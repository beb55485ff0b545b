/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-agenda-bar.h"
#include "evident-audit-ui.h"

/*
 * EvidentAgendaBar: presenter mode's timer: the chapter whose time runs,
 * the time spent on it against its plan ("12:03 / 45:00", in the warning
 * colour once over), and where the day stands ("Day 1 · 12 min behind",
 * in the error colour when behind). It keeps a copy of the session's
 * agenda, read again on EvidentSession::agenda-changed, and computes the
 * status from it once a second while a chapter runs and the bar is on
 * screen: a timeout of a second, a few subtractions, three labels.
 */

struct _EvidentAgendaBar
{
  GtkWidget       parent_instance;

  EvidentSession *session;
  EvidentAgenda  *agenda;
  guint           tick_id;

  GtkWidget      *box;
  GtkLabel       *chapter_label;
  GtkLabel       *time_label;
  GtkLabel       *day_label;
};

G_DEFINE_FINAL_TYPE (EvidentAgendaBar, evident_agenda_bar, GTK_TYPE_WIDGET)

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static gboolean
tick_cb (gpointer data)
{
  EvidentAgendaBar *self = data;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  evident_agenda_bar_update (self, now);
  return G_SOURCE_CONTINUE;
}

/* Ticks while a chapter runs and the bar is on screen. */
static void
update_ticking (EvidentAgendaBar *self)
{
  gboolean tick = self->agenda != NULL && self->agenda->current >= 0
                  && gtk_widget_get_mapped (GTK_WIDGET (self));

  if (tick && self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  else if (!tick)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

static void
agenda_changed_cb (EvidentAgendaBar *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  g_clear_pointer (&self->agenda, evident_agenda_free);
  if (self->session != NULL)
    self->agenda = evident_session_dup_agenda (self->session);
  evident_agenda_bar_update (self, now);
  update_ticking (self);
}

static void
evident_agenda_bar_map (GtkWidget *widget)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  GTK_WIDGET_CLASS (evident_agenda_bar_parent_class)->map (widget);
  evident_agenda_bar_update (EVIDENT_AGENDA_BAR (widget), now);
  update_ticking (EVIDENT_AGENDA_BAR (widget));
}

static void
evident_agenda_bar_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (evident_agenda_bar_parent_class)->unmap (widget);
  update_ticking (EVIDENT_AGENDA_BAR (widget));
}

static void
evident_agenda_bar_dispose (GObject *object)
{
  EvidentAgendaBar *self = EVIDENT_AGENDA_BAR (object);

  evident_agenda_bar_set_session (self, NULL);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (evident_agenda_bar_parent_class)->dispose (object);
}

static void
evident_agenda_bar_class_init (EvidentAgendaBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_agenda_bar_dispose;
  widget_class->map = evident_agenda_bar_map;
  widget_class->unmap = evident_agenda_bar_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidentagendabar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkLabel *
add_label (EvidentAgendaBar *self,
           const char       *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, css_class);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (self->box), label);
  return GTK_LABEL (label);
}

static void
evident_agenda_bar_init (EvidentAgendaBar *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->chapter_label = add_label (self, "evident-agenda-chapter");
  self->time_label = add_label (self, "evident-agenda-time");
  self->day_label = add_label (self, "evident-agenda-day");
  gtk_label_set_ellipsize (self->chapter_label, PANGO_ELLIPSIZE_END);
  /* A narrow header cuts the time and the day short rather than overflow. */
  gtk_label_set_ellipsize (self->time_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (self->day_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->chapter_label, 28);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Agenda"),
                                  -1);
}

GtkWidget *
evident_agenda_bar_new (void)
{
  return g_object_new (EVIDENT_TYPE_AGENDA_BAR, NULL);
}

EvidentSession *
evident_agenda_bar_get_session (EvidentAgendaBar *self)
{
  g_return_val_if_fail (EVIDENT_IS_AGENDA_BAR (self), NULL);

  return self->session;
}

void
evident_agenda_bar_set_session (EvidentAgendaBar *self,
                                EvidentSession   *session)
{
  g_return_if_fail (EVIDENT_IS_AGENDA_BAR (self));
  g_return_if_fail (session == NULL || EVIDENT_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "agenda-changed", G_CALLBACK (agenda_changed_cb), self,
                             G_CONNECT_SWAPPED);
  agenda_changed_cb (self);
}

/**
 * evident_agenda_bar_update:
 * @now: the time to show the agenda at
 *
 * Shows where the session stands at @now (the bar does so itself each
 * second; tests give the time).
 */
void
evident_agenda_bar_update (EvidentAgendaBar *self,
                           GDateTime        *now)
{
  EvidentAgendaStatus status;
  g_autofree char *spent = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *chapter_text = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (EVIDENT_IS_AGENDA_BAR (self));

  gtk_widget_set_visible (self->box, self->agenda != NULL);
  if (self->agenda == NULL)
    return;

  evident_agenda_get_status (self->agenda, now, &status);
  if (status.current >= 0)
    {
      EvidentAgendaEntry *entry = &g_array_index (self->agenda->entries, EvidentAgendaEntry,
                                                  status.current);

      chapter_text = g_strdup_printf ("%s %s", entry->chapter,
                                      entry->title != NULL ? entry->title : "");
      spent = evident_audit_ui_format_duration (status.current_spent);
      planned = evident_audit_ui_format_duration (status.current_planned);
      /* Translators: the time spent on a chapter against its plan, as in "12:03 / 45:00" */
      time_text = g_strdup_printf (_("%s / %s"), spent, planned);
    }
  else
    {
      chapter_text = g_strdup (_("Timer stopped"));
      time_text = g_strdup ("—");
    }
  day_text = evident_agenda_dup_status_text (self->agenda, &status);

  gtk_label_set_label (self->chapter_label, g_strstrip (chapter_text));
  gtk_label_set_label (self->time_label, time_text);
  gtk_label_set_label (self->day_label, day_text);
  set_class (GTK_WIDGET (self->time_label), "warning",
             status.current >= 0 && status.current_spent > status.current_planned);
  set_class (GTK_WIDGET (self->day_label), "error", status.behind);
  set_class (GTK_WIDGET (self->day_label), "dim-label", !status.behind);

  /* Translators: presenter mode's timer for screen readers: the chapter,
   * the time spent against the plan, and the day, as in
   * "8.0 Security, 12:03 / 45:00, Day 1 · 12 min behind" */
  accessible = g_strdup_printf (_("%s, %s, %s"), chapter_text, time_text, day_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible,
                                  -1);
}

const char *
evident_agenda_bar_get_time_text (EvidentAgendaBar *self)
{
  g_return_val_if_fail (EVIDENT_IS_AGENDA_BAR (self), NULL);

  return gtk_label_get_label (self->time_label);
}

const char *
evident_agenda_bar_get_day_text (EvidentAgendaBar *self)
{
  g_return_val_if_fail (EVIDENT_IS_AGENDA_BAR (self), NULL);

  return gtk_label_get_label (self->day_label);
}

/* Tests: whether the second's timeout runs. */
gboolean
evident_agenda_bar_get_ticking (EvidentAgendaBar *self)
{
  g_return_val_if_fail (EVIDENT_IS_AGENDA_BAR (self), FALSE);

  return self->tick_id != 0;
}
