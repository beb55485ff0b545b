/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-csv.h"
#include "evident-project.h"
#include "evident-sample.h"

#define SAMPLE_CHECKLIST "msp-sample.csv"
#define SAMPLE_DEMO_STATE "msp-sample-demo.csv"

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

/**
 * evident_sample_create_project:
 * @file: where the project goes
 * @with_demo_state: whether to give the items the demo owners and statuses
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Creates a project from the bundled sample checklist, creating its folder
 * when needed.
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
  g_autoptr (GFile) checklist = g_file_get_child (dir, SAMPLE_CHECKLIST);
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
      g_autoptr (GFile) demo = g_file_get_child (dir, SAMPLE_DEMO_STATE);
      g_autoptr (GBytes) bytes = g_file_load_bytes (demo, cancellable, NULL, error);

      if (bytes == NULL || !evident_project_import_state (project, bytes, error))
        {
          evident_project_close (project);
          g_file_delete (file, NULL, NULL);
          return NULL;
        }
    }

  return g_steal_pointer (&project);
}
