/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the checklist import's tests share: sheets filled in code, imports
 * made from them or from CSV text, and the look-ups their assertions make
 * (an entry by reference, a skipped row's reason, a chapter by position). */

#include "evident-import.h"

G_BEGIN_DECLS

void                        set_row            (EvidentSheet  *sheet,
                                                guint          row,
                                                ...) G_GNUC_NULL_TERMINATED;
GPtrArray                  *sheet_list         (EvidentSheet  *first,
                                                ...) G_GNUC_NULL_TERMINATED;
EvidentImport              *import_sheets      (EvidentSheet  *first,
                                                ...) G_GNUC_NULL_TERMINATED;
EvidentImport              *import_csv         (const char    *text);

void                        assert_no_problems (EvidentImport *import);
EvidentChecklistEntry      *find_entry         (EvidentImport *import,
                                                const char    *ref);
EvidentImportSkipReason     skip_reason        (EvidentImport *import,
                                                guint          sheet,
                                                guint          row);
const EvidentImportChapter *chapter_at         (EvidentImport *import,
                                                guint          i);

G_END_DECLS
