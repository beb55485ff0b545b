/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Hostile PDF files, written object by object by the tests that need
 * them (never downloaded): each is small on disk and asks a renderer for
 * far more than a preview may take.
 */

typedef struct _EvidentTestPdf EvidentTestPdf;

EvidentTestPdf *evident_test_pdf_new            (void);
guint           evident_test_pdf_reserve        (EvidentTestPdf *pdf);
void            evident_test_pdf_add_object     (EvidentTestPdf *pdf,
                                                 guint           number,
                                                 const char     *body);
void            evident_test_pdf_add_stream     (EvidentTestPdf *pdf,
                                                 guint           number,
                                                 const char     *dictionary,
                                                 const void     *data,
                                                 gsize           length);
GBytes         *evident_test_pdf_finish         (EvidentTestPdf *pdf,
                                                 guint           root);

GBytes         *evident_test_pdf_one_page       (const char     *content,
                                                 const char     *resources);
GBytes         *evident_test_pdf_deep_nesting   (guint           depth);
GBytes         *evident_test_pdf_huge_image     (guint           width,
                                                 guint           height);
GBytes         *evident_test_pdf_flate_bomb     (guint64         inflated_size);
GBytes         *evident_test_pdf_many_pages     (guint           n_pages);

G_END_DECLS
