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
 */

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

/* Before GTK starts: the cairo renderer when there is no GPU to use,
 * unless the user chose a renderer. */
void
evident_gpu_choose_renderer (void)
{
  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  if (!evident_gpu_has_render_node ("/dev/dri"))
    g_setenv ("GSK_RENDERER", "cairo", FALSE);
}
