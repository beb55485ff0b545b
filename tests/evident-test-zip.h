/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Test fixtures for workbook readers: zip archives built from literal
 * members with libarchive's writer, so a test controls every byte and the
 * order of the members; a minimal workbook package around worksheets; and
 * compound (OLE2) files with a chosen directory. */

#include <glib.h>

G_BEGIN_DECLS

typedef struct _EvidentTestZip EvidentTestZip;

EvidentTestZip *evident_test_zip_new                (void);
void            evident_test_zip_add                (EvidentTestZip        *self,
                                                     const char            *name,
                                                     const char            *text);
void            evident_test_zip_add_data           (EvidentTestZip        *self,
                                                     const char            *name,
                                                     gconstpointer          data,
                                                     gsize                  size);
void            evident_test_zip_add_repeated       (EvidentTestZip        *self,
                                                     const char            *name,
                                                     const char            *head,
                                                     char                   fill,
                                                     gsize                  n_fill,
                                                     const char            *tail);
GBytes         *evident_test_zip_finish             (EvidentTestZip        *self);

/**
 * EvidentTestZipSheet:
 * @name: the sheet's name
 * @xml: (nullable): the worksheet part, or %NULL to leave the part out
 * @state: (nullable): "hidden", "veryHidden", or %NULL for a visible sheet
 */
typedef struct
{
  const char *name;
  const char *xml;
  const char *state;
} EvidentTestZipSheet;

void            evident_test_xlsx_add_package       (EvidentTestZip            *zip,
                                                     const EvidentTestZipSheet *sheets,
                                                     guint                      n_sheets,
                                                     gboolean                   date1904);
char           *evident_test_xlsx_worksheet         (const char             *sheet_data,
                                                     const char             *after);
char           *evident_test_xlsx_shared_strings    (const char             *items);
char           *evident_test_xlsx_worksheet_with_cols (const char           *cols,
                                                     const char             *sheet_data,
                                                     const char             *after);
char           *evident_test_xlsx_styles            (const char             *num_fmts,
                                                     const char             *cell_xfs);

GBytes         *evident_test_compound_file_new      (const char * const     *streams);

G_END_DECLS
