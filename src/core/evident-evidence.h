/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_EVIDENCE       (evident_evidence_get_type ())
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
 * @EVIDENT_EVIDENCE_ERROR_FAILED: the project is closed, or writing an
 *   extracted copy failed
 * @EVIDENT_EVIDENCE_ERROR_NOT_A_FILE: the file to add is not a regular file
 *   (a folder, a named pipe, a socket, a device)
 * @EVIDENT_EVIDENCE_ERROR_TOO_LARGE: the file to add is larger than the
 *   limit (evident_evidence_store_set_max_file_size())
 *
 * Cancelled operations fail with %G_IO_ERROR_CANCELLED. When the project
 * file itself cannot be read or written, the error is an
 * #EvidentProjectError (%EVIDENT_PROJECT_ERROR_BUSY,
 * %EVIDENT_PROJECT_ERROR_READ_ONLY, %EVIDENT_PROJECT_ERROR_DAMAGED, …).
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
  EVIDENT_EVIDENCE_ERROR_NOT_A_FILE,
  EVIDENT_EVIDENCE_ERROR_TOO_LARGE,
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

G_END_DECLS

/* The store that holds the evidence of a project. */
#include "evident-evidence-store.h"
