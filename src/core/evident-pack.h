/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_PACK_ERROR (evident_pack_error_quark ())

/* The manifest in a pack whose SHA-256 is the pack's digest, and the same
 * as CSV for spreadsheets. */
#define EVIDENT_PACK_MANIFEST_JSON "manifest.json"
#define EVIDENT_PACK_MANIFEST_CSV  "manifest.csv"

/**
 * EvidentPackScope:
 * @EVIDENT_PACK_SCOPE_ALL: the evidence of every item
 * @EVIDENT_PACK_SCOPE_READY: of the items ready for review or met
 * @EVIDENT_PACK_SCOPE_CHAPTER: of the items of one chapter
 */
typedef enum
{
  EVIDENT_PACK_SCOPE_ALL,
  EVIDENT_PACK_SCOPE_READY,
  EVIDENT_PACK_SCOPE_CHAPTER,
} EvidentPackScope;

/**
 * EvidentPackError:
 * @EVIDENT_PACK_ERROR_NO_SUCH_CHAPTER: the chapter of a chapter scope is
 *   not in the project
 * @EVIDENT_PACK_ERROR_DAMAGED: a stored file no longer matches its SHA-256
 * @EVIDENT_PACK_ERROR_NOT_A_PACK: the file is not a zip archive with an
 *   evidence pack's manifest
 * @EVIDENT_PACK_ERROR_FAILED: the zip archive could not be written or read
 *
 * Cancelled packs fail with %G_IO_ERROR_CANCELLED.
 */
typedef enum
{
  EVIDENT_PACK_ERROR_NO_SUCH_CHAPTER,
  EVIDENT_PACK_ERROR_DAMAGED,
  EVIDENT_PACK_ERROR_NOT_A_PACK,
  EVIDENT_PACK_ERROR_FAILED,
} EvidentPackError;

/**
 * EvidentPackInfo:
 * @digest: the SHA-256 of the pack's manifest.json, in hex: what the
 *   report's cover shows (evident_report_set_pack_digest())
 * @n_items: the items in scope
 * @n_files: the files stored, each once
 * @n_links: the links listed in the manifest
 * @size: the bytes of the files stored
 */
typedef struct
{
  char    *digest;
  guint    n_items;
  guint    n_files;
  guint    n_links;
  guint64  size;
} EvidentPackInfo;

/**
 * EvidentPackProblemKind:
 * @EVIDENT_PACK_PROBLEM_CHANGED: a file's bytes are not the manifest's
 * @EVIDENT_PACK_PROBLEM_MISSING: a file of the manifest is not in the pack
 * @EVIDENT_PACK_PROBLEM_EXTRA: a file in the pack is not in the manifest
 */
typedef enum
{
  EVIDENT_PACK_PROBLEM_CHANGED,
  EVIDENT_PACK_PROBLEM_MISSING,
  EVIDENT_PACK_PROBLEM_EXTRA,
} EvidentPackProblemKind;

typedef struct
{
  EvidentPackProblemKind  kind;
  char                   *path;
} EvidentPackProblem;

GQuark           evident_pack_error_quark    (void);

void             evident_pack_info_free      (EvidentPackInfo       *info);
void             evident_pack_problem_free   (EvidentPackProblem    *problem);

EvidentPackInfo *evident_pack_write          (EvidentProject        *project,
                                              EvidentPackScope       scope,
                                              const char            *chapter,
                                              GFile                 *destination,
                                              GCancellable          *cancellable,
                                              GError               **error);
void             evident_pack_write_async    (EvidentProject        *project,
                                              EvidentPackScope       scope,
                                              const char            *chapter,
                                              GFile                 *destination,
                                              GCancellable          *cancellable,
                                              GFileProgressCallback  progress,
                                              gpointer               progress_data,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
EvidentPackInfo *evident_pack_write_finish   (EvidentProject        *project,
                                              GAsyncResult          *result,
                                              GError               **error);

char            *evident_pack_read_digest    (GFile                 *pack,
                                              GError               **error);
gboolean         evident_pack_verify         (GFile                 *pack,
                                              GCancellable          *cancellable,
                                              char                 **digest,
                                              guint                 *n_checked,
                                              GPtrArray            **problems,
                                              GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentPackInfo, evident_pack_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentPackProblem, evident_pack_problem_free)

G_END_DECLS
