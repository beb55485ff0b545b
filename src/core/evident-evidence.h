/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_EVIDENCE       (evident_evidence_get_type ())
#define EVIDENT_TYPE_EVIDENCE_STORE (evident_evidence_store_get_type ())
#define EVIDENT_EVIDENCE_ERROR      (evident_evidence_error_quark ())

/**
 * EvidentEvidenceKind:
 *
 * What a piece of evidence is to the auditor. The nick of each value is its
 * spelling in project files, on the command line and in JSON.
 */
typedef enum
{
  EVIDENT_EVIDENCE_KIND_PRESENTATION,  /*< nick=presentation >*/
  EVIDENT_EVIDENCE_KIND_PROCESS,       /*< nick=process >*/
  EVIDENT_EVIDENCE_KIND_ASSET,         /*< nick=asset >*/
  EVIDENT_EVIDENCE_KIND_DEMONSTRATION, /*< nick=demonstration >*/
  EVIDENT_EVIDENCE_KIND_OTHER,         /*< nick=other >*/
} EvidentEvidenceKind;

#define EVIDENT_N_EVIDENCE_KINDS (EVIDENT_EVIDENCE_KIND_OTHER + 1)

/**
 * EvidentEvidenceError:
 * @EVIDENT_EVIDENCE_ERROR_CANNOT_READ: the file to add cannot be read
 * @EVIDENT_EVIDENCE_ERROR_CHANGED: the file changed while it was being added
 * @EVIDENT_EVIDENCE_ERROR_BAD_LINK: a link is not an http or https address
 * @EVIDENT_EVIDENCE_ERROR_INVALID: an edit was refused (empty title, an item
 *   of another project, evidence removed for good)
 * @EVIDENT_EVIDENCE_ERROR_NOT_FOUND: the project holds no complete file with
 *   that SHA-256
 * @EVIDENT_EVIDENCE_ERROR_DAMAGED: a stored file no longer matches its SHA-256
 * @EVIDENT_EVIDENCE_ERROR_FAILED: reading or writing the project file, or
 *   writing an extracted copy, failed
 *
 * Cancelled operations fail with %G_IO_ERROR_CANCELLED.
 */
typedef enum
{
  EVIDENT_EVIDENCE_ERROR_CANNOT_READ,
  EVIDENT_EVIDENCE_ERROR_CHANGED,
  EVIDENT_EVIDENCE_ERROR_BAD_LINK,
  EVIDENT_EVIDENCE_ERROR_INVALID,
  EVIDENT_EVIDENCE_ERROR_NOT_FOUND,
  EVIDENT_EVIDENCE_ERROR_DAMAGED,
  EVIDENT_EVIDENCE_ERROR_FAILED,
} EvidentEvidenceError;

GQuark               evident_evidence_error_quark        (void);

const char          *evident_evidence_kind_to_string     (EvidentEvidenceKind   kind);
gboolean             evident_evidence_kind_from_string   (const char           *string,
                                                          EvidentEvidenceKind  *kind);
const char          *evident_evidence_kind_get_label     (EvidentEvidenceKind   kind);

G_DECLARE_FINAL_TYPE (EvidentEvidence, evident_evidence, EVIDENT, EVIDENCE, GObject)

gint64               evident_evidence_get_id             (EvidentEvidence      *self);
EvidentItem         *evident_evidence_get_item           (EvidentEvidence      *self);
const char          *evident_evidence_get_title          (EvidentEvidence      *self);
EvidentEvidenceKind  evident_evidence_get_kind           (EvidentEvidence      *self);
const char          *evident_evidence_get_filename       (EvidentEvidence      *self);
const char          *evident_evidence_get_content_type   (EvidentEvidence      *self);
const char          *evident_evidence_get_url            (EvidentEvidence      *self);
const char          *evident_evidence_get_sha256         (EvidentEvidence      *self);
gint64               evident_evidence_get_size           (EvidentEvidence      *self);
GDateTime           *evident_evidence_get_added          (EvidentEvidence      *self);
gboolean             evident_evidence_get_verified       (EvidentEvidence      *self);
gboolean             evident_evidence_is_link            (EvidentEvidence      *self);

G_DECLARE_FINAL_TYPE (EvidentEvidenceStore, evident_evidence_store, EVIDENT, EVIDENCE_STORE,
                      GObject)

EvidentEvidenceStore *evident_evidence_store_get_for_project (EvidentProject      *project);

GListModel      *evident_evidence_store_list              (EvidentEvidenceStore   *self,
                                                           EvidentItem            *item);

EvidentEvidence *evident_evidence_store_add_file          (EvidentEvidenceStore   *self,
                                                           EvidentItem            *item,
                                                           GFile                  *file,
                                                           const char             *title,
                                                           EvidentEvidenceKind     kind,
                                                           GCancellable           *cancellable,
                                                           gboolean               *already_stored,
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
                                                           gboolean               *already_stored,
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
