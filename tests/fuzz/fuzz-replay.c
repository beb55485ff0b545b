/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A main() for a harness built without libFuzzer: runs it once on each
 * seed of its target (fuzz-seeds.c), checking what it made of the seed
 * when the harness can (fuzz_check_seed()), and on each file given or
 * found in the folders given (tests/fuzz/corpus/TARGET: inputs that once
 * crashed it), as a TAP test. What libFuzzer found stays fixed this way,
 * in every build, with or without clang and sanitizers. */

#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>

#include "fuzz.h"

static guint n_tests;

/* @seed: (nullable): the seed @bytes come from, for the harness to check */
static void
replay (const char     *name,
        GBytes         *bytes,
        const FuzzSeed *seed)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  LLVMFuzzerTestOneInput (data, size);
  if (seed != NULL && fuzz_check_seed != NULL)
    fuzz_check_seed (seed);
  g_print ("ok %u - %s\n", ++n_tests, name);
}

static void
replay_path (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      file = g_file_new_for_path (path);
      bytes = g_file_load_bytes (file, NULL, NULL, &error);
      g_assert_no_error (error);
      replay (path, bytes, NULL);
      return;
    }

  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      replay_path (child);
    }
}

/* fuzz-replay-TARGET TARGET [PATH…] */
int
main (int    argc,
      char **argv)
{
  g_autoptr (GPtrArray) seeds = NULL;
  int n_args = argc;

  if (argc < 2)
    {
      g_printerr ("usage: %s TARGET [FILE|FOLDER…]\n", argv[0]);
      return 2;
    }
  fuzz_init ();
  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&n_args, &argv);
  seeds = fuzz_seeds_new (argv[1]);
  for (guint i = 0; i < seeds->len; i++)
    {
      FuzzSeed *seed = g_ptr_array_index (seeds, i);
      g_autofree char *name = g_strdup_printf ("seed %s", seed->name);

      replay (name, seed->bytes, seed);
    }
  for (int i = 2; i < argc; i++)
    replay_path (argv[i]);
  g_print ("1..%u\n", n_tests);
  return EXIT_SUCCESS;
}
