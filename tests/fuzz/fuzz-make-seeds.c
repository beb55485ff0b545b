/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fuzz-make-seeds OUTDIR TARGET…: writes each harness's seeds to
 * OUTDIR/TARGET/, for libFuzzer to start from (build-aux/dev fuzz). */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "fuzz.h"

int
main (int    argc,
      char **argv)
{
  if (argc < 3)
    {
      g_printerr ("usage: fuzz-make-seeds OUTDIR TARGET…\n");
      return 2;
    }
  for (int i = 2; i < argc; i++)
    {
      g_autoptr (GPtrArray) seeds = fuzz_seeds_new (argv[i]);
      g_autofree char *dir = g_build_filename (argv[1], argv[i], NULL);

      if (g_mkdir_with_parents (dir, 0755) != 0)
        g_error ("Cannot make %s", dir);
      for (guint s = 0; s < seeds->len; s++)
        {
          FuzzSeed *seed = g_ptr_array_index (seeds, s);
          g_autofree char *path = g_build_filename (dir, seed->name, NULL);
          g_autoptr (GError) error = NULL;
          gsize size;
          const char *data = g_bytes_get_data (seed->bytes, &size);

          if (!g_file_set_contents (path, data, size, &error))
            g_error ("%s", error->message);
        }
    }
  return EXIT_SUCCESS;
}
