/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Progress of work in a worker thread, reported to the main context of
 * the caller of an _async function (or at once, to the caller of a
 * synchronous one, when that is the calling thread's context). */
typedef struct _EvidentProgress EvidentProgress;

EvidentProgress *evident_progress_new    (GFileProgressCallback  callback,
                                          gpointer               data);
EvidentProgress *evident_progress_ref    (EvidentProgress       *progress);
void             evident_progress_unref  (EvidentProgress       *progress);
void             evident_progress_report (EvidentProgress       *progress,
                                          goffset                current,
                                          goffset                total);
void             evident_progress_finish (EvidentProgress       *progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentProgress, evident_progress_unref)

G_END_DECLS
