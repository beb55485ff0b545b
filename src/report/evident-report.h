/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_REPORT  (evident_report_get_type ())
#define EVIDENT_REPORT_ERROR (evident_report_error_quark ())

/**
 * EvidentReportScope:
 * @EVIDENT_REPORT_SCOPE_ALL: every item of the project
 * @EVIDENT_REPORT_SCOPE_OPEN: the items not counted in the projected view
 * @EVIDENT_REPORT_SCOPE_CHAPTER: the items of one chapter
 *
 * Which items a report lists. The score against the pass line is always
 * the whole project's.
 */
typedef enum
{
  EVIDENT_REPORT_SCOPE_ALL,
  EVIDENT_REPORT_SCOPE_OPEN,
  EVIDENT_REPORT_SCOPE_CHAPTER,
} EvidentReportScope;

/**
 * EvidentReportError:
 * @EVIDENT_REPORT_ERROR_NO_SUCH_CHAPTER: the chapter of a chapter scope
 *   is not in the project
 * @EVIDENT_REPORT_ERROR_FAILED: cairo could not write the PDF file
 */
typedef enum
{
  EVIDENT_REPORT_ERROR_NO_SUCH_CHAPTER,
  EVIDENT_REPORT_ERROR_FAILED,
} EvidentReportError;

G_DECLARE_FINAL_TYPE (EvidentReport, evident_report, EVIDENT, REPORT, GObject)

GQuark         evident_report_error_quark         (void);

EvidentReport *evident_report_new                 (EvidentProject      *project,
                                                   EvidentReportScope   scope,
                                                   const char          *chapter,
                                                   GError             **error);
void           evident_report_set_pack_digest     (EvidentReport       *self,
                                                   const char          *sha256);
const char    *evident_report_get_pack_digest     (EvidentReport       *self);
guint          evident_report_get_n_items         (EvidentReport       *self);

void           evident_report_get_default_page_size (double            *width,
                                                     double            *height);

void           evident_report_paginate            (EvidentReport       *self,
                                                   cairo_t             *cr,
                                                   double               width,
                                                   double               height);
guint          evident_report_get_n_pages         (EvidentReport       *self);
void           evident_report_draw_page           (EvidentReport       *self,
                                                   cairo_t             *cr,
                                                   guint                page);

gboolean       evident_report_write_pdf           (EvidentReport       *self,
                                                   GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
void           evident_report_write_pdf_async     (EvidentReport       *self,
                                                   GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GFileProgressCallback progress,
                                                   gpointer             progress_data,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean       evident_report_write_pdf_finish    (EvidentReport       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
