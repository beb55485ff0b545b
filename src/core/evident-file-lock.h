/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * EvidentFileLockMode:
 * @EVIDENT_FILE_LOCK_NONE: keeps the file open and locks nothing: readers
 * @EVIDENT_FILE_LOCK_SHARED: writers that work beside each other (the
 *   command line); refused at once while the application holds the file
 * @EVIDENT_FILE_LOCK_EXCLUSIVE: the application: nobody else writes while
 *   it has the project open
 *
 * An flock() on the project file, apart from SQLite's own fcntl() locks
 * (which arbitrate transactions): it says who may write at all.
 */
typedef enum
{
  EVIDENT_FILE_LOCK_NONE,
  EVIDENT_FILE_LOCK_SHARED,
  EVIDENT_FILE_LOCK_EXCLUSIVE,
} EvidentFileLockMode;

typedef struct _EvidentFileLock EvidentFileLock;

EvidentFileLock *evident_file_lock_acquire (const char          *path,
                                            EvidentFileLockMode  mode,
                                            guint                timeout_ms,
                                            GError             **error);
EvidentFileLock *evident_file_lock_ref     (EvidentFileLock     *lock);
void             evident_file_lock_unref   (EvidentFileLock     *lock);
gssize           evident_file_lock_pread   (EvidentFileLock     *lock,
                                            void                *buffer,
                                            gsize                count,
                                            goffset              offset);
gboolean         evident_file_lock_may_write (const char        *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentFileLock, evident_file_lock_unref)

G_END_DECLS
