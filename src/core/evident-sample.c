/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "evident-csv.h"
#include "evident-project.h"
#include "evident-sample.h"

#define SAMPLE_CHECKLIST "msp-sample"
#define SAMPLE_DEMO_STATE "msp-sample-demo"

/**
 * evident_sample_get_checklists_dir:
 *
 * Where the bundled checklists are: $EVIDENT_DATADIR/checklists when set,
 * else the installed data directory, else the source tree of an uninstalled
 * build.
 *
 * Returns: (transfer full): the directory
 */
GFile *
evident_sample_get_checklists_dir (void)
{
  const char *override = g_getenv ("EVIDENT_DATADIR");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "checklists", NULL);

  if (override != NULL && *override != '\0')
    return g_file_new_build_filename (override, "checklists", NULL);
  if (g_file_test (installed, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (installed);
  return g_file_new_build_filename (SOURCE_DATADIR, "checklists", NULL);
}

/* The file of the sample called @stem in @language, or in English (the
 * original, without a language in its name) when @language is NULL. */
static GFile *
sample_get_file (GFile      *dir,
                 const char *stem,
                 const char *language)
{
  g_autofree char *name = NULL;

  if (language == NULL)
    name = g_strconcat (stem, ".csv", NULL);
  else
    name = g_strconcat (stem, ".", language, ".csv", NULL);
  return g_file_get_child (dir, name);
}

/**
 * evident_sample_get_language:
 * @dir: the directory of the bundled checklists
 *
 * The language a new sample project is written in: the first of the
 * user's languages, in the order gettext tries them, for which @dir has a
 * translation of the sample checklist (msp-sample.LANGUAGE.csv, e.g.
 * msp-sample.de.csv). As gettext does, LANGUAGE counts only outside the C
 * locale, so that the project speaks the language of the user interface.
 *
 * Returns: (transfer full) (nullable): the language, or %NULL for the
 *   English original
 */
char *
evident_sample_get_language (GFile *dir)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);
  const char * const *languages;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
    return NULL;

  languages = g_get_language_names_with_category ("LC_MESSAGES");
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autoptr (GFile) file = NULL;

      if (strcmp (languages[i], "C") == 0 || strcmp (languages[i], "POSIX") == 0)
        break;
      if (strchr (languages[i], G_DIR_SEPARATOR) != NULL || languages[i][0] == '.')
        continue;
      file = sample_get_file (dir, SAMPLE_CHECKLIST, languages[i]);
      if (g_file_query_exists (file, NULL))
        return g_strdup (languages[i]);
    }
  return NULL;
}

/**
 * evident_sample_get_default_project:
 *
 * Returns: (transfer full): where the default project lives, in the user's
 *   data directory
 */
GFile *
evident_sample_get_default_project (void)
{
  /* Translators: the file name of the demo project, without extension */
  g_autofree char *name = g_strconcat (_("Demo Project"), ".evident", NULL);

  return g_file_new_build_filename (g_get_user_data_dir (), "evident", name, NULL);
}

/* The demo owners, statuses and notes, in @language when translated. */
static GBytes *
sample_load_demo_state (GFile         *dir,
                        const char    *language,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr (GFile) demo = sample_get_file (dir, SAMPLE_DEMO_STATE, language);

  if (language != NULL && !g_file_query_exists (demo, cancellable))
    {
      g_object_unref (demo);
      demo = sample_get_file (dir, SAMPLE_DEMO_STATE, NULL);
    }
  return g_file_load_bytes (demo, cancellable, NULL, error);
}

/**
 * evident_sample_create_project:
 * @file: where the project goes
 * @with_demo_state: whether to give the items the demo owners and statuses
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Creates a project from the bundled sample checklist, creating its folder
 * when needed. The project is written in the user's language when the
 * sample is translated into it (see evident_sample_get_language()): its
 * texts are its data from then on, and stay as they are when the user
 * later runs Evident in another language.
 *
 * Returns: (transfer full): the project
 */
EvidentProject *
evident_sample_create_project (GFile         *file,
                               gboolean       with_demo_state,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr (GFile) dir = evident_sample_get_checklists_dir ();
  g_autofree char *language = evident_sample_get_language (dir);
  g_autoptr (GFile) checklist = sample_get_file (dir, SAMPLE_CHECKLIST, language);
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GError) local_error = NULL;
  EvidentProjectSettings settings;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  entries = evident_checklist_load (checklist, cancellable, error);
  if (entries == NULL)
    return NULL;

  if (parent != NULL && !g_file_make_directory_with_parents (parent, cancellable, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  evident_project_settings_init (&settings);
  settings.title = with_demo_state ? _("Demo Project: MSP Validation (sample data)")
                                   : _("MSP Validation");
  settings.checklist_version = "sample-1";

  project = evident_project_create (file, &settings, entries, error);
  if (project == NULL)
    return NULL;

  if (with_demo_state)
    {
      g_autoptr (GBytes) bytes = sample_load_demo_state (dir, language, cancellable, error);

      if (bytes == NULL || !evident_project_import_state (project, bytes, error))
        {
          evident_project_close (project);
          g_file_delete (file, NULL, NULL);
          return NULL;
        }
    }

  return g_steal_pointer (&project);
}
