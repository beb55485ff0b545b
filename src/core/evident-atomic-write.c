/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evident-atomic-write.h"

/* evident_atomic_write_bytes() writes in pieces of this size, looking at
 * its cancellable between them. */
#define WRITE_CHUNK (1024 * 1024)

/* Temporary names stay well below NAME_MAX (255 bytes) whatever the
 * destination is called. */
#define MAX_TEMP_STEM 200

/* A GIO error for @saved_errno that names the file being saved and, when
 * the folder is to blame, the folder. */
static void
set_save_error (GError     **error,
                int          saved_errno,
                const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_name = g_filename_display_name (dir);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not save “%s”: the folder “%s” cannot be written to; choose "
                     "another folder"),
                   name, dir_name);
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not save “%s”: the folder “%s” does not exist"), name, dir_name);
      break;
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not save “%s”: the disk is full"), name);
      break;
    default:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not save “%s”: %s"), name, g_strerror (saved_errno));
      break;
    }
}

/* "DIR/.NAME.XXXXXX": hidden, in the destination's folder (so that the
 * rename stays on one file system), unique. */
static char *
temp_template (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = NULL;

  if (strlen (base) > MAX_TEMP_STEM)
    base[MAX_TEMP_STEM] = '\0';
  stem = g_strdup_printf (".%s.XXXXXX", base);
  return g_build_filename (dir, stem, NULL);
}

/* Flushes @path's data to the disk. */
static gboolean
sync_file (const char  *path,
           const char  *destination,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      set_save_error (error, saved_errno, destination);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Makes the rename itself durable; a file system that cannot sync a folder
 * loses nothing by it, so failures are ignored. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * evident_atomic_write:
 * @destination: the file to create or replace; it must have a local path
 * @func: writes the content to a temporary file
 * @user_data: for @func
 * @cancellable: (nullable): cancels the write; the destination stays as it was
 * @error: a %G_IO_ERROR that names @destination, or @func's error
 *
 * Replaces @destination in one step: @func writes a hidden temporary file
 * beside it, which is flushed to the disk and renamed over @destination only
 * when complete. On failure or cancellation the temporary file is removed and
 * @destination is untouched; a file it replaces keeps its permissions.
 *
 * Returns: %TRUE when @destination holds the new content
 */
gboolean
evident_atomic_write (GFile                   *destination,
                      EvidentAtomicWriteFunc   func,
                      gpointer                 user_data,
                      GCancellable            *cancellable,
                      GError                 **error)
{
  const char *path;
  g_autofree char *temp = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_peek_path (destination);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (destination);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save “%s”: only files on this computer can be written; "
                     "choose a local folder"),
                   uri);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  temp = temp_template (path);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_save_error (error, errno, path);
      return FALSE;
    }
  /* A replaced file keeps its permissions; a new one gets the umask's. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    fchmod (fd, st.st_mode & 07777);
  close (fd);

  if (!func (temp, user_data, cancellable, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error)
      || !sync_file (temp, path, error))
    {
      g_unlink (temp);
      return FALSE;
    }

  if (g_rename (temp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      set_save_error (error, saved_errno, path);
      return FALSE;
    }
  sync_folder (path);
  return TRUE;
}

typedef struct
{
  GBytes     *bytes;
  const char *destination;
} WriteBytes;

static gboolean
write_bytes_cb (const char    *path,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  WriteBytes *job = user_data;
  gsize size;
  const guint8 *data = g_bytes_get_data (job->bytes, &size);
  gsize done = 0;
  int fd = g_open (path, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);

  if (fd < 0)
    {
      set_save_error (error, errno, job->destination);
      return FALSE;
    }

  while (done < size)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return FALSE;
        }
      n = write (fd, data + done, MIN (size - done, WRITE_CHUNK));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          set_save_error (error, saved_errno, job->destination);
          return FALSE;
        }
      done += n;
    }

  if (close (fd) != 0)
    {
      set_save_error (error, errno, job->destination);
      return FALSE;
    }
  return TRUE;
}

/**
 * evident_atomic_write_bytes:
 * @destination: the file to create or replace; it must have a local path
 * @bytes: its new content
 * @cancellable: (nullable): cancels the write; the destination stays as it was
 * @error: a %G_IO_ERROR that names @destination
 *
 * Writes @bytes to @destination with evident_atomic_write().
 *
 * Returns: %TRUE when @destination holds @bytes
 */
gboolean
evident_atomic_write_bytes (GFile         *destination,
                            GBytes        *bytes,
                            GCancellable  *cancellable,
                            GError       **error)
{
  WriteBytes job;

  g_return_val_if_fail (G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  job.bytes = bytes;
  job.destination = g_file_peek_path (destination);
  return evident_atomic_write (destination, write_bytes_cb, &job, cancellable, error);
}
