/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Opening a file to add as evidence. Evidence comes from other people, so
 * nothing about the file is taken on trust: a named pipe would block the
 * reader forever, a device never ends, a symbolic link called "x.pdf" may
 * lead to a password file, a file may be larger than anyone meant to store
 * or keep growing while it is read. A local file is checked with stat()
 * before it is opened, opened without blocking and checked again on the
 * descriptor; its content type comes from its bytes and its target's name. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "evident-evidence.h"
#include "evident-file-source.h"

/* How many bytes of a file g_content_type_guess() looks at. */
#define SNIFF_SIZE 4096

struct _EvidentFileSource
{
  GFile        *file;        /* as the caller gave it */
  GFile        *link_target; /* where @file leads when it is a symbolic link */
  char         *name;        /* the display name of the file read */
  goffset       size;        /* when it was opened */
  goffset       offset;
  int           fd;          /* a local file's descriptor, or -1 */
  GInputStream *stream;      /* other files are read through GIO */
};

/* Errors */

/* The file whose type and bytes count: the link's target, if any. */
static GFile *
read_file (EvidentFileSource *self)
{
  return self->link_target != NULL ? self->link_target : self->file;
}

static gboolean
set_read_error (GFile   *file,
                GError  *cause,
                GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CANNOT_READ,
                 _("“%s” does not exist"), name);
  else
    g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CANNOT_READ,
                 _("Could not read “%s”: %s"), name, cause->message);
  return FALSE;
}

static gboolean
set_errno_error (GFile   *file,
                 int      saved_errno,
                 GError **error)
{
  g_autoptr (GError) cause = g_error_new_literal (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                                  g_strerror (saved_errno));

  return set_read_error (file, cause, error);
}

/**
 * evident_file_source_set_changed_error:
 * @self: a file source
 * @error: return location for the error
 *
 * Says that the file changed while it was being added.
 *
 * Returns: %FALSE
 */
gboolean
evident_file_source_set_changed_error (EvidentFileSource  *self,
                                       GError            **error)
{
  g_autofree char *name = g_file_get_parse_name (self->file);

  g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CHANGED,
               _("“%s” changed while it was being added; add it again once it is saved"), name);
  return FALSE;
}

/* Checks */

static gboolean
check_mode (GFile   *file,
            mode_t   mode,
            GError **error)
{
  g_autofree char *name = NULL;
  const char *format;

  if (S_ISREG (mode))
    return TRUE;

  if (S_ISDIR (mode))
    format = _("“%s” is a folder; add the files in it instead");
  else if (S_ISFIFO (mode))
    format = _("“%s” is a named pipe, not a file: only regular files can be evidence");
  else if (S_ISSOCK (mode))
    format = _("“%s” is a socket, not a file: only regular files can be evidence");
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    format = _("“%s” is a device, not a file: only regular files can be evidence");
  else
    format = _("“%s” is not a regular file: only regular files can be evidence");

  name = g_file_get_parse_name (file);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_NOT_A_FILE, format, name);
#pragma GCC diagnostic pop
  return FALSE;
}

static gboolean
check_size (GFile    *file,
            goffset   size,
            guint64   max_size,
            GError  **error)
{
  g_autofree char *name = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;

  if (size >= 0 && (guint64) size <= max_size)
    return TRUE;

  name = g_file_get_parse_name (file);
  size_text = g_format_size (size);
  limit_text = g_format_size (max_size);
  if (g_str_equal (size_text, limit_text))
    {
      g_free (size_text);
      g_free (limit_text);
      size_text = g_format_size_full (size, G_FORMAT_SIZE_LONG_FORMAT);
      limit_text = g_format_size_full (max_size, G_FORMAT_SIZE_LONG_FORMAT);
    }
  g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_TOO_LARGE,
               _("“%s” is too large to add: %s, more than the limit of %s. Add a link to where "
                 "it is kept instead, or raise the limit."),
               name, size_text, limit_text);
  return FALSE;
}

/* Opening */

/* The path of what @fd has open: a link's target as the kernel resolved
 * it, whatever happened to the link since. */
static char *
opened_path (int fd)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", fd);

  return g_file_read_link (proc, NULL);
}

/* A local file: stat() decides before anything is opened (opening a named
 * pipe or a tape drive has effects of its own); the descriptor, opened
 * without blocking, is checked again in case the file was swapped. */
static gboolean
open_local (EvidentFileSource  *self,
            const char         *path,
            guint64             max_size,
            GError            **error)
{
  g_autofree char *target = NULL;
  struct stat st;
  int flags;

  if (lstat (path, &st) != 0)
    return set_errno_error (self->file, errno, error);
  if (S_ISLNK (st.st_mode))
    {
      char *real = realpath (path, NULL);

      if (real == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (self->file);

          if (errno != ENOENT)
            return set_errno_error (self->file, errno, error);
          g_set_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CANNOT_READ,
                       _("“%s” is a symbolic link to a file that does not exist"), name);
          return FALSE;
        }
      self->link_target = g_file_new_for_path (real);
      free (real);
    }

  if (stat (path, &st) != 0)
    return set_errno_error (read_file (self), errno, error);
  if (!check_mode (read_file (self), st.st_mode, error)
      || !check_size (read_file (self), st.st_size, max_size, error))
    return FALSE;

  self->fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (self->fd < 0)
    return set_errno_error (read_file (self), errno, error);
  if (fstat (self->fd, &st) != 0)
    return set_errno_error (read_file (self), errno, error);
  if (!check_mode (read_file (self), st.st_mode, error)
      || !check_size (read_file (self), st.st_size, max_size, error))
    return FALSE;
  flags = fcntl (self->fd, F_GETFL);
  if (flags != -1)
    fcntl (self->fd, F_SETFL, flags & ~O_NONBLOCK);
  self->size = st.st_size;

  if (self->link_target != NULL && (target = opened_path (self->fd)) != NULL
      && g_path_is_absolute (target))
    {
      g_object_unref (self->link_target);
      self->link_target = g_file_new_for_path (target);
    }
  self->name = g_filename_display_basename (g_file_peek_path (read_file (self)));
  return TRUE;
}

/* A file without a local path (a GVfs location): the same rules, as far
 * as GIO tells. */
static gboolean
open_remote (EvidentFileSource  *self,
             guint64             max_size,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFile) parent = NULL;
  const char *target;

  info = g_file_query_info (self->file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                            G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    return set_read_error (self->file, local_error, error);

  target = g_file_info_get_symlink_target (info);
  parent = g_file_get_parent (self->file);
  if (g_file_info_get_is_symlink (info) && target != NULL && parent != NULL)
    self->link_target = g_file_resolve_relative_path (parent, target);

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;
    case G_FILE_TYPE_DIRECTORY:
      return check_mode (read_file (self), S_IFDIR, error);
    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SPECIAL:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      return check_mode (read_file (self), 0, error);
    }
  if (!check_size (read_file (self), g_file_info_get_size (info), max_size, error))
    return FALSE;
  self->size = g_file_info_get_size (info);

  if (self->link_target != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->link_target);

      self->name = g_filename_display_name (basename);
    }
  else
    self->name = g_strdup (g_file_info_get_display_name (info));
  return TRUE;
}

/**
 * evident_file_source_open:
 * @file: the file to add
 * @max_size: the largest size accepted, in bytes
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Opens @file for adding as evidence. Only a regular file is opened: a
 * folder, a named pipe, a socket or a device is refused with
 * %EVIDENT_EVIDENCE_ERROR_NOT_A_FILE before it is opened for reading; a
 * file larger than @max_size with %EVIDENT_EVIDENCE_ERROR_TOO_LARGE. A
 * symbolic link is followed: its target's name and bytes are what count
 * (evident_file_source_get_link_target()).
 *
 * Returns: (transfer full): the open file, or %NULL with @error set
 */
EvidentFileSource *
evident_file_source_open (GFile         *file,
                          guint64        max_size,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr (EvidentFileSource) self = g_new0 (EvidentFileSource, 1);
  g_autofree char *path = g_file_get_path (file);
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self->file = g_object_ref (file);
  self->fd = -1;
  if (path != NULL)
    ok = open_local (self, path, max_size, error);
  else
    ok = open_remote (self, max_size, cancellable, error);
  return ok ? g_steal_pointer (&self) : NULL;
}

void
evident_file_source_free (EvidentFileSource *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    g_close (self->fd, NULL);
  g_clear_object (&self->stream);
  g_clear_object (&self->file);
  g_clear_object (&self->link_target);
  g_free (self->name);
  g_free (self);
}

/**
 * evident_file_source_get_name:
 * @self: a file source
 *
 * Returns: the display name of the file read: the link's target's, when
 *   the file given was a symbolic link
 */
const char *
evident_file_source_get_name (EvidentFileSource *self)
{
  return self->name;
}

/**
 * evident_file_source_get_link_target:
 * @self: a file source
 *
 * Returns: (nullable) (transfer none): the file the given file led to,
 *   when it was a symbolic link
 */
GFile *
evident_file_source_get_link_target (EvidentFileSource *self)
{
  return self->link_target;
}

/**
 * evident_file_source_get_size:
 * @self: a file source
 *
 * Returns: the file's size when it was opened: all that is ever read
 */
goffset
evident_file_source_get_size (EvidentFileSource *self)
{
  return self->size;
}

/* Reading */

/**
 * evident_file_source_rewind:
 * @self: a file source
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Starts reading from the beginning again.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_file_source_rewind (EvidentFileSource  *self,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_autoptr (GError) local_error = NULL;

  self->offset = 0;
  if (self->fd >= 0)
    return TRUE;

  g_clear_object (&self->stream);
  self->stream = G_INPUT_STREAM (g_file_read (self->file, cancellable, &local_error));
  if (self->stream == NULL)
    return set_read_error (read_file (self), local_error, error);
  return TRUE;
}

/* Reads up to @len bytes, fewer only at the end of the file. */
static gboolean
read_fully (EvidentFileSource  *self,
            guint8             *buffer,
            gsize               len,
            gsize              *n_read,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr (GError) local_error = NULL;
  gsize done = 0;

  if (self->fd < 0)
    {
      if (self->stream == NULL && !evident_file_source_rewind (self, cancellable, error))
        return FALSE;
      if (!g_input_stream_read_all (self->stream, buffer, len, n_read, cancellable,
                                    &local_error))
        return set_read_error (read_file (self), local_error, error);
      return TRUE;
    }

  while (done < len)
    {
      gssize n = pread (self->fd, buffer + done, len - done, self->offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_errno_error (read_file (self), errno, error);
      if (n == 0)
        break;
      done += n;
    }
  *n_read = done;
  return TRUE;
}

/**
 * evident_file_source_read:
 * @self: a file source
 * @buffer: where the bytes go
 * @len: the size of @buffer, at least 1
 * @n_read: (out): how many bytes were read; 0 at the end of the file
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reads the next bytes of the file, up to the size it had when it was
 * opened and no further: a file that turns out longer (a log still being
 * written) or shorter fails with %EVIDENT_EVIDENCE_ERROR_CHANGED at once,
 * so that no reading goes on for ever.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_file_source_read (EvidentFileSource  *self,
                          guint8             *buffer,
                          gsize               len,
                          gsize              *n_read,
                          GCancellable       *cancellable,
                          GError            **error)
{
  goffset remaining = self->size - self->offset;
  gsize want = MIN (len, (guint64) remaining);
  gsize got = 0;

  g_return_val_if_fail (len > 0, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (remaining == 0)
    {
      /* One byte more than there was means the file grew. */
      if (!read_fully (self, buffer, 1, &got, cancellable, error))
        return FALSE;
      if (got > 0)
        return evident_file_source_set_changed_error (self, error);
      *n_read = 0;
      return TRUE;
    }

  if (!read_fully (self, buffer, want, &got, cancellable, error))
    return FALSE;
  if (got < want)
    return evident_file_source_set_changed_error (self, error);
  self->offset += got;
  *n_read = got;
  return TRUE;
}

/* Content types */

/* As GIO judges text: no control characters but white space. */
static gboolean
looks_like_text (const guint8 *data,
                 gsize         len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_iscntrl (data[i]) && !g_ascii_isspace (data[i]) && data[i] != '\b')
        return FALSE;
    }
  return TRUE;
}

/**
 * evident_content_type_sniff:
 * @filename: (nullable): the file's name (a link's target's, not the link's)
 * @data: (array length=len) (nullable): the file's first bytes
 * @len: how many there are
 *
 * The MIME type of a file added as evidence, from its bytes first: a PDF
 * is a PDF by its `%PDF-` header, whatever its name, and text is text even
 * when it is called "x.pdf". The name refines what the bytes say (a .docx
 * is a zip archive, a .csv is text) but never contradicts it; bytes of no
 * known kind are application/octet-stream. An empty file goes by its name.
 *
 * Returns: (transfer full): a MIME type
 */
char *
evident_content_type_sniff (const char   *filename,
                            const guint8 *data,
                            gsize         len)
{
  g_autofree char *by_name = g_content_type_guess (filename, NULL, 0, NULL);
  g_autofree char *by_data = NULL;
  g_autofree char *mime = NULL;
  const char *type = by_name;

  if (len > 0)
    {
      len = MIN (len, SNIFF_SIZE);
      by_data = g_content_type_guess (NULL, data, len, NULL);
      /* A weak signature (a "%" for MATLAB) does not make binary bytes
       * text. */
      if (g_content_type_is_a (by_data, "text/plain") && !looks_like_text (data, len))
        {
          g_free (by_data);
          by_data = g_strdup ("application/octet-stream");
        }

      if (g_content_type_is_unknown (by_data))
        type = by_data;
      else if (g_content_type_is_a (by_name, by_data))
        type = by_name;
      /* Among kinds of text, the name knows better than a weak signature. */
      else if (g_content_type_is_a (by_data, "text/plain")
               && g_content_type_is_a (by_name, "text/plain"))
        type = by_name;
      else
        type = by_data;
    }

  mime = g_content_type_get_mime_type (type);
  return mime != NULL ? g_steal_pointer (&mime) : g_strdup ("application/octet-stream");
}
