/* SPDX-License-Identifier: GPL-3.0-or-later */

/* renameat2() */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "evident-project.h"
#include "evident-temporary.h"

/* ".NAME.XXXXXXXX.evident-tmp" beside NAME. */
#define SUFFIX ".evident-tmp"

/* A temporary younger than this is never swept: its writer may be between
 * creating it and locking it. */
#define SWEEP_MIN_AGE_S 2

/* The files SQLite keeps beside a database while it writes it. */
static const char *side_suffixes[] = { "-journal", "-wal", "-shm" };

struct _EvidentTemporary
{
  char *path;
  char *destination;
  int   fd;         /* flock()ed while the temporary is being written */
  guint committed : 1;
};

static void
set_write_error (GError     **error,
                 const char  *destination,
                 int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (destination);

  g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
               _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
}

static void
unlink_with_side_files (const char *path)
{
  g_unlink (path);
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, side_suffixes[i], NULL);

      g_unlink (side);
    }
}

/**
 * evident_temporary_new:
 * @destination: where the file goes once complete
 * @error: return location for an error
 *
 * Creates an empty temporary file beside @destination, locked.
 *
 * Returns: (transfer full): the temporary
 */
EvidentTemporary *
evident_temporary_new (const char  *destination,
                       GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (destination);
  g_autofree char *base = g_path_get_basename (destination);
  EvidentTemporary *self;
  int saved_errno = EEXIST;

  g_return_val_if_fail (destination != NULL, NULL);

  self = g_new0 (EvidentTemporary, 1);
  self->destination = g_strdup (destination);
  self->fd = -1;

  for (guint attempt = 0; attempt < 16 && saved_errno == EEXIST; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x" SUFFIX, base, g_random_int ());

      g_free (self->path);
      self->path = g_build_filename (dir, name, NULL);
      self->fd = open (self->path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
      saved_errno = self->fd < 0 ? errno : 0;
    }

  if (self->fd < 0)
    {
      set_write_error (error, destination, saved_errno);
      g_clear_pointer (&self->path, g_free);
      evident_temporary_free (self);
      return NULL;
    }

  flock (self->fd, LOCK_EX | LOCK_NB);
  return self;
}

const char *
evident_temporary_get_path (EvidentTemporary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

static gboolean
rename_into_place (const char *from,
                   const char *to,
                   gboolean    replace)
{
  if (replace)
    return rename (from, to) == 0;

  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return TRUE;
  if (errno != EINVAL && errno != ENOSYS)
    return FALSE;

  /* A file system without RENAME_NOREPLACE: link() refuses to replace. */
  if (link (from, to) != 0)
    return FALSE;
  unlink (from);
  return TRUE;
}

/**
 * evident_temporary_commit:
 * @self: a temporary whose writer has closed it
 * @replace: whether to replace a file at the destination
 * @error: return location for an error
 *
 * Makes the bytes durable and renames the temporary to its destination.
 * Fails with %EVIDENT_PROJECT_ERROR_EXISTS when @replace is %FALSE and a
 * file is there.
 *
 * Returns: %TRUE when the destination is the complete file
 */
gboolean
evident_temporary_commit (EvidentTemporary  *self,
                          gboolean           replace,
                          GError           **error)
{
  g_autofree char *dir = NULL;
  int dir_fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (fsync (self->fd) != 0)
    {
      set_write_error (error, self->destination, errno);
      return FALSE;
    }

  if (!rename_into_place (self->path, self->destination, replace))
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        {
          g_autofree char *name = g_filename_display_name (self->destination);

          g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_EXISTS,
                       _("“%s” already exists; choose another name"), name);
        }
      else
        set_write_error (error, self->destination, saved_errno);
      return FALSE;
    }
  self->committed = TRUE;

  /* The new name durable too. */
  dir = g_path_get_dirname (self->destination);
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

/* Removes the temporary unless it was committed. */
void
evident_temporary_free (EvidentTemporary *self)
{
  if (self == NULL)
    return;

  if (!self->committed && self->path != NULL)
    unlink_with_side_files (self->path);
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->path);
  g_free (self->destination);
  g_free (self);
}

static gboolean
is_temporary_name (const char *name)
{
  gsize len = strlen (name);

  /* "." + at least one character + "." + 8 hex digits + SUFFIX */
  if (name[0] != '.' || !g_str_has_suffix (name, SUFFIX) || len < 11 + strlen (SUFFIX))
    return FALSE;
  for (gsize i = len - strlen (SUFFIX) - 8; i < len - strlen (SUFFIX); i++)
    {
      if (!g_ascii_isxdigit (name[i]))
        return FALSE;
    }
  return name[len - strlen (SUFFIX) - 9] == '.';
}

/**
 * evident_temporary_sweep:
 * @dir: a folder
 *
 * Removes the temporaries in @dir that no process is writing any more:
 * what a crash, or a killed evident-cli, left behind.
 */
void
evident_temporary_sweep (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_temporary_name (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || now - st.st_mtime < SWEEP_MIN_AGE_S)
        continue;

      fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          g_debug ("Removing %s, left behind by an interrupted write", path);
          unlink_with_side_files (path);
        }
      close (fd);
    }
}
