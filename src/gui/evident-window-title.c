/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window's title: the project's, with its file name under it in the
 * header bar; read-only said in both. Two windows on projects of one
 * title (a project and a copy of it) are told apart by their file names,
 * in the title the window list and a screen reader show too. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-window-private.h"

/* Whether another window of the application shows a project of @self's
 * title from another file */
static gboolean
title_shared (EvidentWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  const char *title = evident_project_get_title (self->project);

  if (application == NULL)
    return FALSE;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      EvidentWindow *other = l->data;

      if (other != self && EVIDENT_IS_WINDOW (other) && other->project != NULL
          && g_strcmp0 (evident_project_get_title (other->project), title) == 0
          && !g_file_equal (evident_project_get_file (other->project),
                            evident_project_get_file (self->project)))
        return TRUE;
    }
  return FALSE;
}

/**
 * evident_window_update_title:
 *
 * Shows the title of @self's project, or the application's name when it
 * has none.
 */
void
evident_window_update_title (EvidentWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *named = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;
  const char *title;
  gboolean read_only;
  gboolean shared;
  gboolean show_subtitle;

  /* Gone with its window (a window closing as this one does) */
  if (self->window_title_label == NULL)
    return;

  if (self->project == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Evident"));
      gtk_label_set_label (self->window_title_label, _("Evident"));
      gtk_widget_set_visible (GTK_WIDGET (self->window_subtitle_label), FALSE);
      gtk_widget_set_tooltip_text (self->window_title, NULL);
      gtk_revealer_set_reveal_child (self->overview_read_only_banner, FALSE);
      gtk_revealer_set_reveal_child (self->editor_read_only_banner, FALSE);
      return;
    }

  title = evident_project_get_title (self->project);
  basename = g_file_get_basename (evident_project_get_file (self->project));
  read_only = evident_project_get_read_only (self->project);
  shared = title_shared (self);

  /* Translators: the window's title when another window shows a project
   * of the same title: the project's title, then its file name */
  named = shared ? g_strdup_printf (C_("window title", "%s — %s"), title, basename) : g_strdup (title);
  if (read_only)
    {
      /* Translators: the window's title for a project open read-only; %s is its title */
      window_title = g_strdup_printf (_("%s (read-only)"), named);
      /* Translators: under the project's title, for a project open read-only;
       * %s is its file name */
      subtitle = g_strdup_printf (_("Read-only · %s"), basename);
    }
  else
    {
      window_title = g_strdup (named);
    }

  /* The file's name under the title, unless it only says the title again
   * ("Audit 2026.evident" for "Audit 2026") and no other window shows a
   * project of that title: a long title gets the room. */
  show_subtitle = read_only || shared || !g_str_has_prefix (basename, title)
                  || !g_str_equal (basename + strlen (title), ".evident");
  tooltip = g_strconcat (read_only ? window_title : title, "\n", basename, NULL);

  gtk_window_set_title (GTK_WINDOW (self), window_title);
  gtk_label_set_label (self->window_title_label, title);
  gtk_label_set_label (self->window_subtitle_label, read_only ? subtitle : basename);
  gtk_widget_set_visible (GTK_WIDGET (self->window_subtitle_label), show_subtitle);
  /* Cut short on screen, whole in the tooltip and for a screen reader */
  gtk_widget_set_tooltip_text (self->window_title, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->window_title),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, window_title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, basename,
                                  -1);
  gtk_revealer_set_reveal_child (self->overview_read_only_banner, read_only);
  gtk_revealer_set_reveal_child (self->editor_read_only_banner, read_only);
}

/**
 * evident_window_update_titles:
 *
 * Updates the title of @self and those of its application's other
 * windows, after @self opened, closed or renamed a project: a title two
 * of them share, or no longer share, changes.
 */
void
evident_window_update_titles (EvidentWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  evident_window_update_title (self);
  if (application == NULL)
    return;
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (EVIDENT_IS_WINDOW (l->data) && l->data != (gpointer) self)
      evident_window_update_title (l->data);
}

/* A window closed: a title it shared with @self may be @self's alone. */
static void
window_removed_cb (GtkApplication *application,
                   GtkWindow      *window,
                   EvidentWindow  *self)
{
  if (window != GTK_WINDOW (self) && gtk_window_get_application (GTK_WINDOW (self)) == application)
    evident_window_update_title (self);
}

static void
application_notify_cb (EvidentWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  /* Leaving it, as a window does that closes: the others hear of it. */
  if (application == NULL)
    return;

  g_signal_connect_object (application, "window-removed", G_CALLBACK (window_removed_cb), self, 0);
  evident_window_update_titles (self);
}

void
evident_window_title_init (EvidentWindow *self)
{
  g_signal_connect (self, "notify::application", G_CALLBACK (application_notify_cb), NULL);
}
