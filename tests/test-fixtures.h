/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the core's tests share: temporary folders, files as bytes, small
 * checklists, checklists read from tests/data or from text, revisions
 * planned from them, and pokes at a project file behind Evident's back. */

#include <gio/gio.h>

#include "evident-import.h"
#include "evident-project.h"
#include "evident-revision.h"

G_BEGIN_DECLS

char           *fixture_tmp_dir_new        (void);
void            fixture_tmp_dir_clear      (char          **dir);

/* A temporary folder, removed with its contents when it goes out of scope. */
#define g_auto_tmp_dir __attribute__ ((cleanup (fixture_tmp_dir_clear))) char *

char           *fixture_list_dir           (const char     *dir);
GBytes         *fixture_read_file          (const char     *path);
void            fixture_write_file         (const char     *path,
                                            const void     *data,
                                            gsize           length);
void            fixture_make_writable      (const char     *path);

GPtrArray      *fixture_parse_checklist    (const char     *text);
GPtrArray      *fixture_new_entries        (void);
void            fixture_add_entry          (GPtrArray      *entries,
                                            const char     *ref,
                                            const char     *chapter,
                                            const char     *title,
                                            int             points,
                                            gboolean        mandatory);

EvidentProject *fixture_create_project     (const char     *path,
                                            GPtrArray      *entries);
EvidentProject *fixture_open_project       (const char     *path,
                                            EvidentProjectOpenFlags flags);
void            fixture_close_project      (EvidentProject **project);
EvidentItem    *fixture_lookup             (EvidentProject *project,
                                            const char     *ref);
void            fixture_set_field          (EvidentProject *project,
                                            const char     *ref,
                                            EvidentItemField field,
                                            const char     *value);

EvidentImport  *fixture_read_checklist     (const char     *name);
EvidentImport  *fixture_read_csv_text      (const char     *text);
EvidentRevision *fixture_plan_revision     (EvidentProject *project,
                                            const char     *name);

void            fixture_sqlite_exec_on     (const char     *path,
                                            const char     *sql);
gint64          fixture_sqlite_int_on      (const char     *path,
                                            const char     *sql);

void            fixture_assert_contains    (const GError   *error,
                                            const char     *part);

G_END_DECLS
