/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the fuzz harnesses share. Each harness is one file that defines
 * LLVMFuzzerTestOneInput(); built with -Dfuzzing=true (clang) it is a
 * libFuzzer program, otherwise fuzz-replay.c gives it a main() that runs
 * it over the seeds (fuzz-seeds.c) and the checked-in inputs in
 * tests/fuzz/corpus/, as a test. Each calls fuzz_init() first. */

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "evident-import.h"

G_BEGIN_DECLS

/* Optional: a harness that needs more than fuzz_init() defines it. */
int      LLVMFuzzerInitialize   (int            *argc,
                                 char         ***argv) __attribute__ ((weak));
int      LLVMFuzzerTestOneInput (const uint8_t  *data,
                                 size_t          size);

void     fuzz_init              (void);
GBytes  *fuzz_workbook_new      (const uint8_t  *data,
                                 size_t          size);
char    *fuzz_tmp_path          (const char     *name);

void     fuzz_import_explore    (EvidentImport  *import,
                                 const uint8_t  *data,
                                 size_t          size);

/* Parts of a workbook given as text (fuzz_workbook_new()), in this order,
 * each after a line of its own holding FUZZ_PART_SEPARATOR. */
#define FUZZ_PART_SEPARATOR "\n@@\n"

/* A seed: a name, bytes, and what a harness that checks its seeds should
 * make of it (its own meaning; 0: nothing known). */
typedef struct
{
  char   *name;
  GBytes *bytes;
  int     expect;
} FuzzSeed;

GPtrArray *fuzz_seeds_new       (const char     *target);

/* Optional: after each seed, fuzz-replay.c lets the harness check that
 * what it made of the seed is what FuzzSeed.expect says. */
void       fuzz_check_seed      (const FuzzSeed *seed) __attribute__ ((weak));

G_END_DECLS
