/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Test helpers for workbooks: look inside the zip container, change one
 * member, read CSV strictly, and ask LibreOffice what it reads. */

GPtrArray  *evident_test_zip_list         (GBytes      *zip);
GBytes     *evident_test_zip_read         (GBytes      *zip,
                                           const char  *member);
char       *evident_test_zip_read_text    (GBytes      *zip,
                                           const char  *member);
GBytes     *evident_test_zip_read_raw     (GBytes      *zip,
                                           const char  *member);
GBytes     *evident_test_zip_replace      (GBytes      *zip,
                                           const char  *member,
                                           GBytes      *content);

char       *evident_test_xlsx_strip_cells (const char         *xml,
                                           const char * const *cells,
                                           gboolean            drop_new_rows);

GPtrArray  *evident_test_csv_parse        (const char  *text,
                                           gsize        length,
                                           char         delimiter);

gboolean    evident_test_soffice_skip     (void);
GHashTable *evident_test_soffice_read     (GBytes      *workbook,
                                           GError     **error);
const char *evident_test_sheet_cell       (GPtrArray   *rows,
                                           guint        row,
                                           guint        column);

G_END_DECLS
