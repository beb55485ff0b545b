/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "evident-gpu.h"

/*
 * Which renderer GTK draws the windows with. Without a GPU, GTK 4's GL
 * renderer still starts, on Mesa's software rasteriser (llvmpipe): in
 * our measurements that made the window appear about a third later and
 * cost about 80 MiB more than GTK's cairo renderer, with nothing gained,
 * as both draw on the CPU. So where no GPU can be opened, Evident asks
 * for the cairo renderer; where one can, GTK chooses as always, and
 * GSK_RENDERER set by the user always wins.
 *
 * With the cairo renderer GL is not needed at all, yet GDK opens it on
 * X11 the moment it connects to the display, to choose the windows'
 * visual: loading Mesa took 45 of the 90 ms GTK needed to start here.
 * GDK_DEBUG=gl-disable skips that. It is set for GTK's start only, and
 * put back as the user had it once GTK has started
 * (evident_gpu_restore_environment ()), so that the programs Evident
 * opens evidence with do not inherit it.
 */

static gboolean gdk_debug_changed;
static char *user_gdk_debug;

/**
 * evident_gpu_has_render_node:
 * @dev_dri: the folder of the DRM devices, normally /dev/dri
 *
 * Returns: whether @dev_dri holds a render node (renderD…) that this
 *   process may open for reading and writing: a GPU that GL can use
 */
gboolean
evident_gpu_has_render_node (const char *dev_dri)
{
  g_autoptr (GDir) dir = g_dir_open (dev_dri, 0, NULL);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, "renderD"))
        continue;
      path = g_build_filename (dev_dri, name, NULL);
      if (g_access (path, R_OK | W_OK) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * evident_gpu_choose_renderer_in:
 * @dev_dri: the folder of the DRM devices, normally /dev/dri
 *
 * Before GTK starts: the cairo renderer, without GL, when @dev_dri has no
 * GPU to use, unless the user chose a renderer.
 */
void
evident_gpu_choose_renderer_in (const char *dev_dri)
{
  const char *gdk_debug = g_getenv ("GDK_DEBUG");

  if (g_getenv ("GSK_RENDERER") != NULL || evident_gpu_has_render_node (dev_dri))
    return;

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  if (gdk_debug_changed)
    return;
  gdk_debug_changed = TRUE;
  user_gdk_debug = g_strdup (gdk_debug);
  if (gdk_debug != NULL && *gdk_debug != '\0')
    {
      g_autofree char *both = g_strconcat (gdk_debug, ",gl-disable", NULL);

      g_setenv ("GDK_DEBUG", both, TRUE);
    }
  else
    g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
}

/* Before GTK starts */
void
evident_gpu_choose_renderer (void)
{
  evident_gpu_choose_renderer_in ("/dev/dri");
}

/**
 * evident_gpu_restore_environment:
 *
 * Once GTK has started (GDK reads GDK_DEBUG as it starts): GDK_DEBUG as
 * the user had it, for the programs started from here.
 */
void
evident_gpu_restore_environment (void)
{
  if (!gdk_debug_changed)
    return;

  if (user_gdk_debug != NULL)
    g_setenv ("GDK_DEBUG", user_gdk_debug, TRUE);
  else
    g_unsetenv ("GDK_DEBUG");
  g_clear_pointer (&user_gdk_debug, g_free);
  gdk_debug_changed = FALSE;
}
