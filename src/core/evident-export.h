/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_EXPORT_ERROR (evident_export_error_quark ())

/**
 * EvidentExportFormat:
 * @EVIDENT_EXPORT_FORMAT_AWS_XLSX: the self-assessment handed in: a copy of
 *   the workbook the project was imported from, "Met?" and "Partner
 *   Response" answered, everything else as it was
 * @EVIDENT_EXPORT_FORMAT_XLSX: a fresh workbook, one row per item and a
 *   summary sheet with the score
 * @EVIDENT_EXPORT_FORMAT_CSV: Evident's CSV format with the items' state,
 *   which `evident-cli new --checklist` reads back
 * @EVIDENT_EXPORT_FORMAT_JIRA_CSV: a CSV file for Jira's importer, one issue
 *   per item, which Evident's import reads back too
 *
 * The nick of each value is its name on the command line
 * (`evident-cli export --format`).
 */
typedef enum
{
  EVIDENT_EXPORT_FORMAT_AWS_XLSX, /*< nick=aws-xlsx >*/
  EVIDENT_EXPORT_FORMAT_XLSX,     /*< nick=xlsx >*/
  EVIDENT_EXPORT_FORMAT_CSV,      /*< nick=csv >*/
  EVIDENT_EXPORT_FORMAT_JIRA_CSV, /*< nick=jira-csv >*/
} EvidentExportFormat;

#define EVIDENT_N_EXPORT_FORMATS (EVIDENT_EXPORT_FORMAT_JIRA_CSV + 1)

/**
 * EvidentExportError:
 * @EVIDENT_EXPORT_ERROR_NO_WORKBOOK: the self-assessment cannot be handed
 *   in: the project was not imported from a workbook, or the workbook has
 *   no "Met?" or "Partner Response" column to answer in
 *
 * Errors writing the file are those of the writers: %G_IO_ERROR naming the
 * file (%G_IO_ERROR_CANCELLED when cancelled), %EVIDENT_XLSX_PATCH_ERROR,
 * %EVIDENT_XLSX_WRITER_ERROR; reading the project, %EVIDENT_PROJECT_ERROR
 * and %EVIDENT_EVIDENCE_ERROR (a damaged copy of the kept workbook).
 */
typedef enum
{
  EVIDENT_EXPORT_ERROR_NO_WORKBOOK,
} EvidentExportError;

GQuark       evident_export_error_quark       (void);

const char  *evident_export_format_to_string  (EvidentExportFormat   format);
gboolean     evident_export_format_from_string (const char           *string,
                                                EvidentExportFormat  *format);
const char  *evident_export_format_get_label  (EvidentExportFormat   format);
const char  *evident_export_format_get_extension (EvidentExportFormat format);

gboolean     evident_export_aws_xlsx          (EvidentProject       *project,
                                               GFile                *destination,
                                               GCancellable         *cancellable,
                                               GError              **error);
gboolean     evident_export_xlsx              (EvidentProject       *project,
                                               GFile                *destination,
                                               GCancellable         *cancellable,
                                               GError              **error);
gboolean     evident_export_csv               (EvidentProject       *project,
                                               GFile                *destination,
                                               GCancellable         *cancellable,
                                               GError              **error);
gboolean     evident_export_jira_csv          (EvidentProject       *project,
                                               GFile                *destination,
                                               GCancellable         *cancellable,
                                               GError              **error);

gboolean     evident_export                   (EvidentProject       *project,
                                               EvidentExportFormat   format,
                                               GFile                *destination,
                                               GCancellable         *cancellable,
                                               GError              **error);
void         evident_export_async             (EvidentProject       *project,
                                               EvidentExportFormat   format,
                                               GFile                *destination,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean     evident_export_finish            (EvidentProject       *project,
                                               GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
