/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "evident-atomic-write.h"
#include "evident-csv-writer.h"

struct _EvidentCsvWriter
{
  GString               *out;
  EvidentCsvWriterFlags  flags;
  char                   delimiter;
  guint                  n_rows;
  guint                  width;     /* the header's number of fields */
  guint                  n_fields;  /* in the row being written */
  gsize                  row_start; /* where the row being written starts in out */
};

/**
 * evident_csv_writer_new:
 * @flags: line ends and byte order mark
 *
 * Returns: (transfer full): a writer with no rows, delimiter ','
 */
EvidentCsvWriter *
evident_csv_writer_new (EvidentCsvWriterFlags flags)
{
  EvidentCsvWriter *self = g_new0 (EvidentCsvWriter, 1);

  self->out = g_string_new (NULL);
  self->flags = flags;
  self->delimiter = ',';
  if (flags & EVIDENT_CSV_WRITER_BOM)
    g_string_append (self->out, "\xef\xbb\xbf");
  self->row_start = self->out->len;
  return self;
}

void
evident_csv_writer_free (EvidentCsvWriter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->out, TRUE);
  g_free (self);
}

/**
 * evident_csv_writer_set_delimiter:
 * @delimiter: ',' (the default), ';' or '\t'
 *
 * Sets the field delimiter; call it before the first field.
 */
void
evident_csv_writer_set_delimiter (EvidentCsvWriter *self,
                                  char              delimiter)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (delimiter == ',' || delimiter == ';' || delimiter == '\t');
  g_return_if_fail (self->n_rows == 0 && self->n_fields == 0);

  self->delimiter = delimiter;
}

static gboolean
needs_quotes (const char *field,
              gsize       length,
              char        delimiter)
{
  if (length == 0)
    return FALSE;
  if (g_ascii_isspace (field[0]) || g_ascii_isspace (field[length - 1]))
    return TRUE;
  for (gsize i = 0; i < length; i++)
    {
      char c = field[i];

      if (c == delimiter || c == '"' || c == '\r' || c == '\n')
        return TRUE;
    }
  return FALSE;
}

/**
 * evident_csv_writer_add_field:
 * @field: (nullable): UTF-8 text, %NULL for an empty field
 *
 * Appends a field to the current row, quoted where needed. Text that is not
 * valid UTF-8 is repaired with U+FFFD.
 */
void
evident_csv_writer_add_field (EvidentCsvWriter *self,
                              const char       *field)
{
  g_autofree char *valid = NULL;
  gsize length;

  g_return_if_fail (self != NULL);

  if (field == NULL)
    field = "";
  length = strlen (field);
  if (!g_utf8_validate_len (field, length, NULL))
    {
      valid = g_utf8_make_valid (field, length);
      field = valid;
      length = strlen (valid);
    }

  if (self->n_fields > 0)
    g_string_append_c (self->out, self->delimiter);
  self->n_fields++;

  if (!needs_quotes (field, length, self->delimiter))
    {
      g_string_append_len (self->out, field, length);
      return;
    }

  g_string_append_c (self->out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->out, '"');
      g_string_append_c (self->out, *p);
    }
  g_string_append_c (self->out, '"');
}

/**
 * evident_csv_writer_add_int:
 * @value: a whole number, written in the C locale
 *
 * Appends a number field to the current row.
 */
void
evident_csv_writer_add_int (EvidentCsvWriter *self,
                            gint64            value)
{
  char buffer[32];

  g_return_if_fail (self != NULL);

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  evident_csv_writer_add_field (self, buffer);
}

/**
 * evident_csv_writer_end_row:
 *
 * Ends the current row. The first row ended sets the table's width; a
 * later row with fewer fields is filled up with empty ones, a row with more
 * is a programming error.
 */
void
evident_csv_writer_end_row (EvidentCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  if (self->n_rows == 0)
    self->width = self->n_fields;
  else if (self->n_fields > self->width)
    g_critical ("CSV row %u has %u fields, more than the header's %u",
                self->n_rows + 1, self->n_fields, self->width);

  while (self->n_fields < self->width)
    evident_csv_writer_add_field (self, NULL);

  /* A row of one empty field would read as a blank line, which readers
   * skip: it is written as "". */
  if (self->out->len == self->row_start && self->width > 0)
    g_string_append (self->out, "\"\"");

  g_string_append (self->out, (self->flags & EVIDENT_CSV_WRITER_CRLF) ? "\r\n" : "\n");
  self->n_rows++;
  self->n_fields = 0;
  self->row_start = self->out->len;
}

/**
 * evident_csv_writer_add_row:
 * @fields: (array length=n_fields): the row's fields; an element may be %NULL
 * @n_fields: the number of fields, or -1 when @fields ends with %NULL
 *
 * Appends a whole row.
 */
void
evident_csv_writer_add_row (EvidentCsvWriter   *self,
                            const char * const *fields,
                            gssize              n_fields)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (fields != NULL || n_fields <= 0);

  for (gssize i = 0; n_fields < 0 ? fields[i] != NULL : i < n_fields; i++)
    evident_csv_writer_add_field (self, fields[i]);
  evident_csv_writer_end_row (self);
}

/**
 * evident_csv_writer_get_n_rows:
 *
 * Returns: the number of rows ended so far, the header included
 */
guint
evident_csv_writer_get_n_rows (EvidentCsvWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

/**
 * evident_csv_writer_get_bytes:
 *
 * Ends a row still being written, then returns the file so far.
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
evident_csv_writer_get_bytes (EvidentCsvWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->n_fields > 0)
    evident_csv_writer_end_row (self);
  return g_bytes_new (self->out->str, self->out->len);
}

/**
 * evident_csv_writer_save:
 * @file: the file to create or replace
 * @cancellable: (nullable): cancels the write; @file stays as it was
 * @error: a %G_IO_ERROR that names @file
 *
 * Writes the file with evident_atomic_write_bytes(): @file is replaced only
 * once the whole content is on the disk.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_csv_writer_save (EvidentCsvWriter  *self,
                         GFile             *file,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = evident_csv_writer_get_bytes (self);
  return evident_atomic_write_bytes (file, bytes, cancellable, error);
}
