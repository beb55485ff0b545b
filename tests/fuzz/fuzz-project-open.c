/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Opening a project file that came from elsewhere, read-only as the
 * command line's readers do: the header check, the quick check, loading
 * the settings, chapters, items, score, history and evidence; and the
 * integrity report of `evident-cli check` on the same bytes. */

#include "config.h"

#include <glib/gstdio.h>

#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-project.h"
#include "fuzz.h"

static char *path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
remove_files (void)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

/* Everything a reader of the project asks for. */
static void
read_project (EvidentProject *project)
{
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GListModel) evidence = NULL;
  GListModel *items = evident_project_get_items (project);

  evident_project_get_score (project);
  g_list_model_get_n_items (evident_project_get_chapters (project));
  history = evident_project_get_history (project, NULL, NULL);
  evidence = evident_evidence_store_list (evident_evidence_store_get_for_project (project),
                                          NULL);
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr (EvidentEvidence) piece = g_list_model_get_item (evidence, i);
      const char *sha256 = evident_evidence_get_sha256 (piece);
      g_autoptr (GBytes) bytes = NULL;

      if (sha256 != NULL)
        bytes = evident_evidence_store_load_bytes (
            evident_evidence_store_get_for_project (project), sha256, NULL, NULL);
    }
  for (guint i = 0; i < g_list_model_get_n_items (items) && i < 32; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      GPtrArray *item_history = evident_project_get_history (project, item, NULL);

      g_clear_pointer (&item_history, g_ptr_array_unref);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const EvidentProjectOpenFlags modes[] = {
    EVIDENT_PROJECT_OPEN_READ_ONLY,
    EVIDENT_PROJECT_OPEN_READ_ONLY | EVIDENT_PROJECT_OPEN_INSPECT,
  };
  g_autoptr (GFile) file = NULL;

  fuzz_init ();
  if (path == NULL)
    path = fuzz_tmp_path ("fuzz.evident");
  remove_files ();
  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    g_error ("Cannot write %s", path);
  file = g_file_new_for_path (path);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (EvidentProject) project = evident_project_open_full (file, modes[m], &error);

      if (project == NULL)
        {
          g_debug ("Not opened: %s", error->message);
          continue;
        }
      g_debug ("Opened, %u items", g_list_model_get_n_items (evident_project_get_items (project)));
      if (modes[m] & EVIDENT_PROJECT_OPEN_INSPECT)
        evident_project_check (project, NULL);
      else
        read_project (project);
      evident_project_close (project);
    }
  remove_files ();
  return 0;
}
