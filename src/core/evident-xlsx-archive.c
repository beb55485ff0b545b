/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The zip container of a workbook, read with libarchive from memory.
 *
 * Parts are streamed, never unpacked whole: a pass over the archive hands
 * each wanted part to a callback as an EvidentXlsxStream, and every byte
 * read through it is counted while it is inflated, whatever the headers
 * claim. Reading stops at the first byte past a limit (per part, in all,
 * or as a multiple of the file's size), so a zip bomb costs at most what the
 * limit allows. Parts may come in any order: each pass walks the central
 * directory, skipping (not inflating) what it does not want. */

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>

#include "evident-xlsx-private.h"

struct _EvidentXlsxArchive
{
  GBytes            *bytes;
  char              *display_name;
  EvidentXlsxLimits  limits;
  GHashTable        *members;  /* part key → member name as stored */
  guint64            unpacked; /* by every part read so far */
};

struct _EvidentXlsxStream
{
  EvidentXlsxArchive *archive;
  struct archive     *reader;
  const char         *part;
  guint64             unpacked;
  GError             *error;
};

static void
reader_free (struct archive *reader)
{
  archive_read_free (reader);
}

typedef struct archive ArchiveReader;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArchiveReader, reader_free)

/* Helpers */

static ArchiveReader *
open_reader (EvidentXlsxArchive *self)
{
  gsize         size;
  gconstpointer data = g_bytes_get_data (self->bytes, &size);
  struct archive *reader = archive_read_new ();

  /* The seekable reader trusts the central directory, as spreadsheet
   * programs do, so members written with data descriptors read too. */
  archive_read_support_format_zip_seekable (reader);
  if (archive_read_open_memory (reader, data, size) != ARCHIVE_OK)
    g_clear_pointer (&reader, archive_read_free);
  return reader;
}

static void
set_damaged (EvidentXlsxArchive *self, GError **error)
{
  g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_DAMAGED,
               _("“%s” is damaged or incomplete: its table of contents cannot be read. "
                 "Copy or download it again."),
               self->display_name);
}

static const char *
entry_name (struct archive_entry *entry)
{
  const char *name = archive_entry_pathname_utf8 (entry);

  return name != NULL ? name : archive_entry_pathname (entry);
}

/* Counts @n more bytes of the stream's part and checks every limit. */
static gboolean
count_unpacked (EvidentXlsxStream *stream, gsize n)
{
  EvidentXlsxArchive      *self = stream->archive;
  const EvidentXlsxLimits *limits = &self->limits;
  guint64                  file_size = g_bytes_get_size (self->bytes);
  g_autofree char         *limit = NULL;

  stream->unpacked += n;
  self->unpacked += n;

  if (stream->unpacked > limits->max_part_size)
    {
      limit = g_format_size (limits->max_part_size);
      g_set_error (&stream->error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_TOO_LARGE,
                   _("“%s” is too large to import: its part %s unpacks to more than %s."),
                   self->display_name, stream->part, limit);
      return FALSE;
    }
  if (self->unpacked > limits->max_total_size)
    {
      limit = g_format_size (limits->max_total_size);
      g_set_error (&stream->error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_TOO_LARGE,
                   _("“%s” is too large to import: it unpacks to more than %s."),
                   self->display_name, limit);
      return FALSE;
    }
  if (self->unpacked > limits->ratio_floor
      && self->unpacked / MAX (file_size, 1) >= limits->max_ratio)
    {
      g_set_error (&stream->error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_TOO_LARGE,
                   _("“%s” unpacks to more than %u times its size, far more than any "
                     "workbook: it may be crafted to exhaust your computer’s memory, "
                     "so it is not read."),
                   self->display_name, limits->max_ratio);
      return FALSE;
    }
  return TRUE;
}

/* Public API */

void
evident_xlsx_archive_free (EvidentXlsxArchive *self)
{
  if (self == NULL)
    return;

  g_bytes_unref (self->bytes);
  g_free (self->display_name);
  g_hash_table_unref (self->members);
  g_free (self);
}

/**
 * evident_xlsx_archive_open:
 *
 * Reads the archive's table of contents: the members' names, checked
 * against the limit on their number. A member encrypted in the zip way is
 * refused as %EVIDENT_XLSX_ERROR_ENCRYPTED.
 *
 * Returns: (transfer full) (nullable): the archive, or %NULL with @error set
 */
EvidentXlsxArchive *
evident_xlsx_archive_open (GBytes                  *bytes,
                           const char              *display_name,
                           const EvidentXlsxLimits *limits,
                           GError                 **error)
{
  g_autoptr (EvidentXlsxArchive) self = g_new0 (EvidentXlsxArchive, 1);
  g_autoptr (ArchiveReader) reader = NULL;
  struct archive_entry *entry;
  guint                 n_members = 0;
  int                   r;

  self->bytes = g_bytes_ref (bytes);
  self->display_name = g_strdup (display_name);
  self->limits = *limits;
  self->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  reader = open_reader (self);
  if (reader == NULL)
    {
      set_damaged (self, error);
      return NULL;
    }

  while ((r = archive_read_next_header (reader, &entry)) != ARCHIVE_EOF)
    {
      const char *name;

      if (r < ARCHIVE_WARN)
        {
          set_damaged (self, error);
          return NULL;
        }
      if (archive_entry_is_encrypted (entry))
        {
          g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_ENCRYPTED,
                       _("“%s” is protected with a password: open it in your spreadsheet "
                         "program and save it without a password."),
                       display_name);
          return NULL;
        }
      if (++n_members > limits->max_parts)
        {
          g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_TOO_LARGE,
                       _("“%s” holds more than %u files, far more than any workbook: it is "
                         "not read."),
                       display_name, limits->max_parts);
          return NULL;
        }

      name = entry_name (entry);
      if (name != NULL && archive_entry_filetype (entry) == AE_IFREG)
        {
          g_autofree char *key = evident_xlsx_part_key (name);

          /* The first of two members with one name wins, as it does in the
           * passes that read them. */
          if (!g_hash_table_contains (self->members, key))
            g_hash_table_insert (self->members, g_steal_pointer (&key), g_strdup (name));
        }
    }

  return g_steal_pointer (&self);
}

/**
 * evident_xlsx_archive_lookup:
 * @part: a part name, as a relationship resolves it
 *
 * Returns: (nullable): the member's name as the archive spells it (part
 *   names are compared without regard to ASCII case or a leading slash)
 */
const char *
evident_xlsx_archive_lookup (EvidentXlsxArchive *self,
                             const char         *part)
{
  g_autofree char *key = evident_xlsx_part_key (part);

  return g_hash_table_lookup (self->members, key);
}

/**
 * evident_xlsx_archive_read_parts:
 * @parts: (element-type utf8): members' names as the archive spells them
 *
 * One pass over the archive: @func reads each of @parts as it comes, in the
 * archive's order.
 */
gboolean
evident_xlsx_archive_read_parts (EvidentXlsxArchive  *self,
                                 GPtrArray           *parts,
                                 EvidentXlsxPartFunc  func,
                                 gpointer             user_data,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_autoptr (ArchiveReader) reader = open_reader (self);
  g_autoptr (GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  struct archive_entry *entry;
  int                   r;

  if (reader == NULL)
    {
      set_damaged (self, error);
      return FALSE;
    }
  for (guint i = 0; i < parts->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (parts, i));

  while (g_hash_table_size (wanted) > 0
         && (r = archive_read_next_header (reader, &entry)) != ARCHIVE_EOF)
    {
      EvidentXlsxStream stream = { self, reader, NULL, 0, NULL };
      gboolean          ok;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (r < ARCHIVE_WARN)
        {
          set_damaged (self, error);
          return FALSE;
        }
      if (entry_name (entry) == NULL
          || !g_hash_table_steal_extended (wanted, entry_name (entry),
                                           (gpointer *) &stream.part, NULL))
        continue;

      ok = func (&stream, stream.part, user_data, error);
      g_clear_error (&stream.error);
      if (!ok)
        return FALSE;
    }

  if (g_hash_table_size (wanted) > 0)
    {
      set_damaged (self, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * evident_xlsx_stream_read:
 *
 * Reads on in the stream's part, as an xmlInputReadCallback does.
 *
 * Returns: the number of bytes read, 0 at the end of the part, -1 on an
 *   error that evident_xlsx_stream_get_error() then describes
 */
int
evident_xlsx_stream_read (EvidentXlsxStream *stream,
                          char              *buffer,
                          int                len)
{
  la_ssize_t n;

  if (stream->error != NULL)
    return -1;

  n = archive_read_data (stream->reader, buffer, len);
  if (n < 0)
    {
      g_set_error (&stream->error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_DAMAGED,
                   _("“%s” is damaged or incomplete: its part %s cannot be unpacked. "
                     "Copy or download it again."),
                   stream->archive->display_name, stream->part);
      return -1;
    }
  if (!count_unpacked (stream, n))
    return -1;
  return n;
}

/**
 * evident_xlsx_stream_get_error:
 *
 * Returns: (nullable): why the stream stopped reading: a limit, damage
 */
const GError *
evident_xlsx_stream_get_error (EvidentXlsxStream *stream)
{
  return stream->error;
}

/**
 * evident_xlsx_part_key:
 *
 * Returns: (transfer full): @name as part names compare: without a leading
 *   slash, with forward slashes, in ASCII lower case
 */
char *
evident_xlsx_part_key (const char *name)
{
  char *key;

  while (*name == '/' || *name == '\\')
    name++;
  key = g_ascii_strdown (name, -1);
  g_strdelimit (key, "\\", '/');
  return key;
}

/**
 * evident_xlsx_part_resolve:
 * @source_part: the part whose relationship this is ("" for the package)
 * @target: the relationship's target: relative to @source_part's folder,
 *   or absolute ("/xl/worksheets/sheet1.xml"), percent-encoded
 *
 * Returns: (transfer full): the part name the target points to, without a
 *   leading slash, "." and ".." resolved
 */
char *
evident_xlsx_part_resolve (const char *source_part,
                           const char *target)
{
  g_autofree char *decoded = g_uri_unescape_string (target, NULL);
  g_autofree char *joined = NULL;
  g_auto (GStrv) segments = NULL;
  g_autoptr (GPtrArray) path = g_ptr_array_new ();
  const char *slash;

  if (decoded == NULL)
    decoded = g_strdup (target);
  g_strdelimit (decoded, "\\", '/');

  slash = strrchr (source_part, '/');
  if (decoded[0] == '/' || slash == NULL)
    joined = g_strdup (decoded);
  else
    joined = g_strdup_printf ("%.*s/%s", (int) (slash - source_part), source_part, decoded);

  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (path->len > 0)
            g_ptr_array_set_size (path, path->len - 1);
          continue;
        }
      g_ptr_array_add (path, segments[i]);
    }
  g_ptr_array_add (path, NULL);
  return g_strjoinv ("/", (char **) path->pdata);
}
