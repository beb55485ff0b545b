/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <locale.h>

#include "evident-a11y.h"
#include "evident-application.h"
#include "evident-gpu.h"

/* Run from a meson build directory (build/src/gui/evident), find the
 * schemas compiled into build/data, so that the uninstalled program works
 * without GSETTINGS_SCHEMA_DIR. Must run before GSettings is first used. */
static void
use_build_schemas (void)
{
  g_autofree char *exe = NULL;
  g_autofree char *exe_dir = NULL;
  g_autofree char *build_root = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *schemas = NULL;
  g_autofree char *compiled = NULL;

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") != NULL)
    return;

  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe == NULL)
    return;

  exe_dir = g_path_get_dirname (exe);
  build_root = g_build_filename (exe_dir, "..", "..", NULL);
  marker = g_build_filename (build_root, "meson-private", NULL);
  schemas = g_build_filename (build_root, "data", NULL);
  compiled = g_build_filename (schemas, "gschemas.compiled", NULL);

  if (g_file_test (marker, G_FILE_TEST_IS_DIR)
      && g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
    g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, FALSE);
}

/* SIGTERM and SIGINT quit as app.quit does: each window saves its size
 * and closes its project file. */
static gboolean
quit_signal_cb (gpointer data)
{
  g_action_group_activate_action (G_ACTION_GROUP (data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (EvidentApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  use_build_schemas ();
  evident_gpu_choose_renderer ();
  evident_a11y_install_menu_button_click ();

  app = evident_application_new ();
  g_unix_signal_add (SIGTERM, quit_signal_cb, app);
  g_unix_signal_add (SIGINT, quit_signal_cb, app);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
