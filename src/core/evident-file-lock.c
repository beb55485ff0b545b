/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Who may write a project file: an flock() on it, shared by the command
 * line's writers, exclusive for the application.
 *
 * Closing any descriptor of a file drops every fcntl() lock the process
 * holds on it, SQLite's included (POSIX semantics). So this module opens
 * each project file once per process and keeps that descriptor until the
 * last connection to the file has gone: the header is read through it, and
 * the flock() lives on it. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "evident-file-lock.h"

/* How often a wait for an exclusive lock looks again. */
#define RETRY_INTERVAL_MS 20

typedef struct
{
  dev_t dev;
  ino_t ino;
  int   fd;
  guint n_locks;     /* EvidentFileLock objects on this file */
  guint n_shared;    /* of which hold it shared */
  guint n_exclusive; /* of which hold it exclusively (at most one) */
} Inode;

struct _EvidentFileLock
{
  gatomicrefcount      ref_count;
  Inode               *inode;
  EvidentFileLockMode  mode;
};

static GMutex inodes_mutex;
static GHashTable *inodes; /* Inode → itself, by device and inode number */

static guint
inode_hash (gconstpointer key)
{
  const Inode *inode = key;

  guint64 ino = inode->ino;

  return (guint) (ino ^ (ino >> 32)) ^ (guint) inode->dev;
}

static gboolean
inode_equal (gconstpointer a,
             gconstpointer b)
{
  const Inode *ia = a;
  const Inode *ib = b;

  return ia->dev == ib->dev && ia->ino == ib->ino;
}

/* Either a real lock, or a file system without flock(): then there is no
 * arbitration between programs, as on most network shares. */
static gboolean
try_flock (int fd,
           int operation)
{
  if (flock (fd, operation | LOCK_NB) == 0)
    return TRUE;
  if (errno == EWOULDBLOCK)
    return FALSE;
  g_debug ("flock() not available (%s); not locking", g_strerror (errno));
  return TRUE;
}

static gboolean
try_hold_locked (Inode               *inode,
                 EvidentFileLockMode  mode)
{
  switch (mode)
    {
    case EVIDENT_FILE_LOCK_NONE:
      return TRUE;

    case EVIDENT_FILE_LOCK_SHARED:
      if (inode->n_exclusive > 0)
        return FALSE;
      if (inode->n_shared == 0 && !try_flock (inode->fd, LOCK_SH))
        return FALSE;
      inode->n_shared++;
      return TRUE;

    case EVIDENT_FILE_LOCK_EXCLUSIVE:
      if (inode->n_exclusive > 0 || inode->n_shared > 0)
        return FALSE;
      if (!try_flock (inode->fd, LOCK_EX))
        return FALSE;
      inode->n_exclusive++;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static void
release_hold_locked (Inode               *inode,
                     EvidentFileLockMode  mode)
{
  if (mode == EVIDENT_FILE_LOCK_SHARED)
    inode->n_shared--;
  else if (mode == EVIDENT_FILE_LOCK_EXCLUSIVE)
    inode->n_exclusive--;
  if (mode != EVIDENT_FILE_LOCK_NONE && inode->n_shared == 0 && inode->n_exclusive == 0)
    flock (inode->fd, LOCK_UN);
}

static void
release_inode_locked (Inode *inode)
{
  if (--inode->n_locks > 0)
    return;
  g_hash_table_remove (inodes, inode);
  close (inode->fd);
  g_free (inode);
}

static Inode *
find_inode_locked (const char  *path,
                   GError     **error)
{
  Inode key = { 0 };
  Inode *inode;
  struct stat st;
  int fd;

  if (inodes == NULL)
    inodes = g_hash_table_new (inode_hash, inode_equal);

  /* Looked up before opening: opening and closing a second descriptor
   * would drop the locks of the connections already open. */
  if (stat (path, &st) != 0)
    goto failed;
  key.dev = st.st_dev;
  key.ino = st.st_ino;
  inode = g_hash_table_lookup (inodes, &key);
  if (inode != NULL)
    {
      inode->n_locks++;
      return inode;
    }

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    goto failed;
  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      errno = saved_errno;
      goto failed;
    }

  inode = g_new0 (Inode, 1);
  inode->dev = st.st_dev;
  inode->ino = st.st_ino;
  inode->fd = fd;
  inode->n_locks = 1;
  g_hash_table_add (inodes, inode);
  return inode;

failed:
  {
    int saved_errno = errno;

    g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                         g_strerror (saved_errno));
    return NULL;
  }
}

/**
 * evident_file_lock_acquire:
 * @path: a file that exists
 * @mode: how to hold it
 * @timeout_ms: how long to wait for a lock held elsewhere
 * @error: return location for an error: %G_IO_ERROR_BUSY when the lock is
 *   held elsewhere, else why the file cannot be opened
 *
 * Returns: (transfer full): the lock, held until its last reference goes
 */
EvidentFileLock *
evident_file_lock_acquire (const char           *path,
                           EvidentFileLockMode   mode,
                           guint                 timeout_ms,
                           GError              **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  EvidentFileLock *lock;
  Inode *inode;

  g_return_val_if_fail (path != NULL, NULL);

  g_mutex_lock (&inodes_mutex);
  inode = find_inode_locked (path, error);
  if (inode == NULL)
    {
      g_mutex_unlock (&inodes_mutex);
      return NULL;
    }

  while (!try_hold_locked (inode, mode))
    {
      if (g_get_monotonic_time () >= deadline)
        {
          release_inode_locked (inode);
          g_mutex_unlock (&inodes_mutex);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, "locked");
          return NULL;
        }
      g_mutex_unlock (&inodes_mutex);
      g_usleep (RETRY_INTERVAL_MS * 1000);
      g_mutex_lock (&inodes_mutex);
    }
  g_mutex_unlock (&inodes_mutex);

  lock = g_new0 (EvidentFileLock, 1);
  g_atomic_ref_count_init (&lock->ref_count);
  lock->inode = inode;
  lock->mode = mode;
  return lock;
}

EvidentFileLock *
evident_file_lock_ref (EvidentFileLock *lock)
{
  g_return_val_if_fail (lock != NULL, NULL);

  g_atomic_ref_count_inc (&lock->ref_count);
  return lock;
}

void
evident_file_lock_unref (EvidentFileLock *lock)
{
  if (lock == NULL || !g_atomic_ref_count_dec (&lock->ref_count))
    return;

  g_mutex_lock (&inodes_mutex);
  release_hold_locked (lock->inode, lock->mode);
  release_inode_locked (lock->inode);
  g_mutex_unlock (&inodes_mutex);
  g_free (lock);
}

/* Reads from the file without opening it again. */
gssize
evident_file_lock_pread (EvidentFileLock *lock,
                         void            *buffer,
                         gsize            count,
                         goffset          offset)
{
  gsize done = 0;

  g_return_val_if_fail (lock != NULL, -1);

  while (done < count)
    {
      gssize n = pread (lock->inode->fd, (char *) buffer + done, count - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      done += n;
    }
  return done;
}

/* Whether any write permission bit is set on @path. */
static gboolean
allows_writing (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) != 0 || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0;
}

/**
 * evident_file_lock_may_write:
 * @path: a project file
 *
 * Whether the project at @path may be written: the file and its folder
 * (where SQLite keeps its journal) are writable. Root may write anything,
 * but a file or folder with no write permission bit (chmod a-w) is meant
 * to stay as it is, whoever opens it.
 *
 * Returns: whether @path may be written
 */
gboolean
evident_file_lock_may_write (const char *path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  return access (path, W_OK) == 0 && access (dir, W_OK) == 0
         && allows_writing (path) && allows_writing (dir);
}
