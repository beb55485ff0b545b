/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "evident-gpu.h"
#include "evident-test-utils.h"

/* A GPU is a render node in the DRM folder; a card node alone (a display
 * without a GPU GL can use), an empty folder or none is not. */
static void
test_render_node (void)
{
  g_autofree char *dir = g_dir_make_tmp ("evident-gpu-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *card = g_build_filename (dir, "card0", NULL);
  g_autofree char *render = g_build_filename (dir, "renderD128", NULL);

  g_assert_nonnull (dir);
  g_assert_false (evident_gpu_has_render_node (missing));
  g_assert_false (evident_gpu_has_render_node (dir));

  g_assert_true (g_file_set_contents (card, "", 0, NULL));
  g_assert_false (evident_gpu_has_render_node (dir));

  g_assert_true (g_file_set_contents (render, "", 0, NULL));
  g_assert_true (evident_gpu_has_render_node (dir));

  g_assert_cmpint (g_unlink (render), ==, 0);
  g_assert_cmpint (g_unlink (card), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The cairo renderer, without GL, exactly when the machine has no GPU
 * to use; a renderer the user chose is kept. */
static void
test_choose_renderer (void)
{
  g_autofree char *none = g_dir_make_tmp ("evident-gpu-XXXXXX", NULL);
  g_autofree char *gpu = g_dir_make_tmp ("evident-gpu-XXXXXX", NULL);
  g_autofree char *render = g_build_filename (gpu, "renderD128", NULL);

  g_assert_true (g_file_set_contents (render, "", 0, NULL));
  g_unsetenv ("GDK_DEBUG");

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  evident_gpu_choose_renderer_in (none);
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
  g_assert_null (g_getenv ("GDK_DEBUG"));

  g_unsetenv ("GSK_RENDERER");
  evident_gpu_choose_renderer_in (gpu);
  g_assert_null (g_getenv ("GSK_RENDERER"));
  g_assert_null (g_getenv ("GDK_DEBUG"));

  evident_gpu_choose_renderer_in (none);
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");
  evident_gpu_restore_environment ();

  g_assert_cmpint (g_unlink (render), ==, 0);
  g_assert_cmpint (g_rmdir (gpu), ==, 0);
  g_assert_cmpint (g_rmdir (none), ==, 0);
}

/* GL is disabled for GTK's start only: afterwards GDK_DEBUG is what the
 * user had, for the programs that open evidence. */
static void
test_restore_environment (void)
{
  g_autofree char *none = g_dir_make_tmp ("evident-gpu-XXXXXX", NULL);

  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
  evident_gpu_choose_renderer_in (none);
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");
  evident_gpu_restore_environment ();
  g_assert_null (g_getenv ("GDK_DEBUG"));
  /* The renderer stays: GTK reads it for every window. */
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");

  g_unsetenv ("GSK_RENDERER");
  g_setenv ("GDK_DEBUG", "events", TRUE);
  evident_gpu_choose_renderer_in (none);
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "events,gl-disable");
  evident_gpu_restore_environment ();
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "events");

  /* Nothing to put back when nothing was changed */
  evident_gpu_restore_environment ();
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "events");

  g_assert_cmpint (g_rmdir (none), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gpu/render-node", test_render_node);
  g_test_add_func ("/gpu/choose-renderer", test_choose_renderer);
  g_test_add_func ("/gpu/restore-environment", test_restore_environment);

  return g_test_run ();
}
