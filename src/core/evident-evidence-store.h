/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-evidence.h"
#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_EVIDENCE_STORE (evident_evidence_store_get_type ())

G_DECLARE_FINAL_TYPE (EvidentEvidenceStore, evident_evidence_store, EVIDENT, EVIDENCE_STORE,
                      GObject)

/* The largest file that may be added as evidence unless the store's
 * #EvidentEvidenceStore:max-file-size says otherwise: 2 GB. */
#define EVIDENT_EVIDENCE_DEFAULT_MAX_FILE_SIZE G_GUINT64_CONSTANT (2000000000)

/**
 * EvidentEvidenceAddition:
 * @already_stored: the project already held the same bytes: nothing was
 *   written but the evidence row
 * @link_target: (nullable): when the file given was a symbolic link, the
 *   file it led to, whose name and bytes were added; %NULL otherwise
 *
 * What adding a file found out, beside the evidence, for the caller to tell
 * the user. Starts zeroed; clear it with evident_evidence_addition_clear().
 */
typedef struct
{
  gboolean  already_stored;
  GFile    *link_target;
} EvidentEvidenceAddition;

void             evident_evidence_addition_clear          (EvidentEvidenceAddition *addition);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EvidentEvidenceAddition, evident_evidence_addition_clear)

EvidentEvidenceStore *evident_evidence_store_get_for_project (EvidentProject      *project);

GListModel      *evident_evidence_store_list              (EvidentEvidenceStore   *self,
                                                           EvidentItem            *item);

guint64          evident_evidence_store_get_max_file_size (EvidentEvidenceStore   *self);
void             evident_evidence_store_set_max_file_size (EvidentEvidenceStore   *self,
                                                           guint64                 max_file_size);

EvidentEvidence *evident_evidence_store_add_file          (EvidentEvidenceStore   *self,
                                                           EvidentItem            *item,
                                                           GFile                  *file,
                                                           const char             *title,
                                                           EvidentEvidenceKind     kind,
                                                           GCancellable           *cancellable,
                                                           EvidentEvidenceAddition *addition,
                                                           GError                **error);
void             evident_evidence_store_add_file_async    (EvidentEvidenceStore   *self,
                                                           EvidentItem            *item,
                                                           GFile                  *file,
                                                           const char             *title,
                                                           EvidentEvidenceKind     kind,
                                                           GCancellable           *cancellable,
                                                           GFileProgressCallback   progress,
                                                           gpointer                progress_data,
                                                           GAsyncReadyCallback     callback,
                                                           gpointer                user_data);
EvidentEvidence *evident_evidence_store_add_file_finish   (EvidentEvidenceStore   *self,
                                                           GAsyncResult           *result,
                                                           EvidentEvidenceAddition *addition,
                                                           GError                **error);
EvidentEvidence *evident_evidence_store_add_link          (EvidentEvidenceStore   *self,
                                                           EvidentItem            *item,
                                                           const char             *url,
                                                           const char             *title,
                                                           EvidentEvidenceKind     kind,
                                                           GError                **error);

gboolean         evident_evidence_store_rename            (EvidentEvidenceStore   *self,
                                                           EvidentEvidence        *evidence,
                                                           const char             *title,
                                                           GError                **error);
gboolean         evident_evidence_store_set_kind          (EvidentEvidenceStore   *self,
                                                           EvidentEvidence        *evidence,
                                                           EvidentEvidenceKind     kind,
                                                           GError                **error);
gboolean         evident_evidence_store_remove            (EvidentEvidenceStore   *self,
                                                           EvidentEvidence        *evidence,
                                                           GError                **error);
gboolean         evident_evidence_store_restore           (EvidentEvidenceStore   *self,
                                                           EvidentEvidence        *evidence,
                                                           GError                **error);
gboolean         evident_evidence_store_cleanup           (EvidentEvidenceStore   *self,
                                                           guint64                *bytes_freed,
                                                           GError                **error);

/* Reading stored files: safe from any thread, each call on a connection
 * of its own. */
char            *evident_evidence_store_resolve_sha256    (EvidentEvidenceStore   *self,
                                                           const char             *prefix,
                                                           GError                **error);
GInputStream    *evident_evidence_store_open_stream       (EvidentEvidenceStore   *self,
                                                           const char             *sha256,
                                                           GError                **error);
GBytes          *evident_evidence_store_load_bytes        (EvidentEvidenceStore   *self,
                                                           const char             *sha256,
                                                           GCancellable           *cancellable,
                                                           GError                **error);
gboolean         evident_evidence_store_extract           (EvidentEvidenceStore   *self,
                                                           const char             *sha256,
                                                           GFile                  *destination,
                                                           GCancellable           *cancellable,
                                                           GError                **error);
void             evident_evidence_store_extract_async     (EvidentEvidenceStore   *self,
                                                           const char             *sha256,
                                                           GFile                  *destination,
                                                           GCancellable           *cancellable,
                                                           GAsyncReadyCallback     callback,
                                                           gpointer                user_data);
gboolean         evident_evidence_store_extract_finish    (EvidentEvidenceStore   *self,
                                                           GAsyncResult           *result,
                                                           GError                **error);

gboolean         evident_evidence_store_verify            (EvidentEvidenceStore   *self,
                                                           GCancellable           *cancellable,
                                                           guint                  *n_checked,
                                                           GPtrArray             **mismatches,
                                                           GError                **error);
void             evident_evidence_store_verify_async      (EvidentEvidenceStore   *self,
                                                           GCancellable           *cancellable,
                                                           GFileProgressCallback   progress,
                                                           gpointer                progress_data,
                                                           GAsyncReadyCallback     callback,
                                                           gpointer                user_data);
gboolean         evident_evidence_store_verify_finish     (EvidentEvidenceStore   *self,
                                                           GAsyncResult           *result,
                                                           guint                  *n_checked,
                                                           GPtrArray             **mismatches,
                                                           GError                **error);

G_END_DECLS
