/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-settings.h"

/*
 * Evident's settings: the GSettings object, and what the application and
 * its windows keep in it (the last and the recent projects, the window's
 * size). Without the schema installed there are no settings (%NULL), and
 * every function here does nothing: nothing is remembered.
 *
 * The widgets bind their own keys, such as the heat map's metric.
 */

#define SCHEMA_ID "io.github.evidentapp.Evident"
/* The recent projects remembered; the menu shows fewer. */
#define MAX_RECENT_STORED 16

/**
 * evident_settings_new:
 *
 * Returns: (transfer full) (nullable): Evident's settings, or %NULL when the
 *   schema is not installed (then nothing is remembered)
 */
GSettings *
evident_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; settings are not kept", SCHEMA_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * evident_settings_dup_last_project:
 * @settings: (nullable): Evident's settings
 *
 * Returns: (transfer full) (nullable): the path of the project opened last,
 *   or %NULL
 */
char *
evident_settings_dup_last_project (GSettings *settings)
{
  g_autofree char *last = NULL;

  if (settings == NULL)
    return NULL;

  last = g_settings_get_string (settings, "last-project");
  return *last != '\0' ? g_steal_pointer (&last) : NULL;
}

/**
 * evident_settings_dup_recent_projects:
 * @settings: (nullable): Evident's settings
 * @max: how many at most
 *
 * Returns: (transfer full): the paths of the recent projects that are still
 *   there, the most recent first
 */
GStrv
evident_settings_dup_recent_projects (GSettings *settings,
                                      guint      max)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) recent = NULL;
  guint n = 0;

  if (settings != NULL)
    recent = g_settings_get_strv (settings, "recent-projects");

  for (guint i = 0; recent != NULL && recent[i] != NULL && n < max; i++)
    {
      if (!g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }

  return g_strv_builder_end (builder);
}

/**
 * evident_settings_note_opened:
 * @settings: (nullable): Evident's settings
 * @file: a project file
 *
 * Remembers @file as the last project and first of the recent ones.
 */
void
evident_settings_note_opened (GSettings *settings,
                              GFile     *file)
{
  g_autofree char *path = NULL;
  g_auto (GStrv) recent = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) updated = NULL;
  guint n = 1;

  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (settings == NULL || path == NULL)
    return;

  recent = g_settings_get_strv (settings, "recent-projects");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_STORED; i++)
    {
      if (g_str_equal (recent[i], path))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);

  g_settings_delay (settings);
  g_settings_set_string (settings, "last-project", path);
  g_settings_set_strv (settings, "recent-projects", (const char * const *) updated);
  g_settings_apply (settings);
}

/**
 * evident_settings_restore_window:
 * @settings: (nullable): Evident's settings
 *
 * Gives @window the size it had when a window was last closed, maximized
 * if it was.
 */
void
evident_settings_restore_window (GSettings *settings,
                                 GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (settings == NULL)
    return;

  gtk_window_set_default_size (window,
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (window);
}

/**
 * evident_settings_save_window:
 * @settings: (nullable): Evident's settings
 *
 * Remembers the size of @window, as it closes.
 */
void
evident_settings_save_window (GSettings *settings,
                              GtkWindow *window)
{
  int width, height;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (settings == NULL)
    return;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (settings);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_apply (settings);
}
