/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <csv.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "evident-test-xlsx.h"

/* LibreOffice's text export: comma, double quote, UTF-8, every sheet to
 * its own file BASE-SHEET.csv. Line breaks inside cells come back as LF. */
#define SOFFICE_FILTER "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
#define SOFFICE_TIMEOUT "120"

static zip_t *
open_zip (GBytes *zip)
{
  zip_error_t error;
  zip_source_t *source;
  zip_t *archive;
  gsize size;
  const void *data = g_bytes_get_data (zip, &size);

  zip_error_init (&error);
  source = zip_source_buffer_create (data, size, 0, &error);
  g_assert_nonnull (source);
  archive = zip_open_from_source (source, ZIP_RDONLY, &error);
  if (archive == NULL)
    zip_source_free (source);
  zip_error_fini (&error);
  return archive;
}

/**
 * evident_test_zip_list:
 *
 * Returns: (transfer full): the member names of @zip, in the order of its
 *   central directory
 */
GPtrArray *
evident_test_zip_list (GBytes *zip)
{
  zip_t *archive = open_zip (zip);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (archive);
  for (zip_int64_t i = 0; i < zip_get_num_entries (archive, 0); i++)
    g_ptr_array_add (names, g_strdup (zip_get_name (archive, i, 0)));
  zip_discard (archive);
  return names;
}

static GBytes *
read_member (GBytes     *zip,
             const char *member,
             zip_flags_t flags)
{
  zip_t *archive = open_zip (zip);
  zip_stat_t st;
  zip_file_t *file;
  guint8 *data;
  zip_uint64_t size;
  zip_int64_t n;

  g_assert_nonnull (archive);
  if (zip_stat (archive, member, 0, &st) != 0)
    {
      zip_discard (archive);
      return NULL;
    }
  size = (flags & ZIP_FL_COMPRESSED) ? st.comp_size : st.size;
  file = zip_fopen (archive, member, flags);
  g_assert_nonnull (file);
  data = g_malloc (size + 1);
  n = zip_fread (file, data, size);
  g_assert_cmpint (n, ==, (zip_int64_t) size);
  zip_fclose (file);
  zip_discard (archive);
  return g_bytes_new_take (data, size);
}

/**
 * evident_test_zip_read:
 *
 * Returns: (transfer full) (nullable): the uncompressed content of @member,
 *   or %NULL when @zip has no such member
 */
GBytes *
evident_test_zip_read (GBytes     *zip,
                       const char *member)
{
  return read_member (zip, member, 0);
}

/**
 * evident_test_zip_read_text:
 *
 * Returns: (transfer full): the uncompressed content of @member as a
 *   string; the member must exist
 */
char *
evident_test_zip_read_text (GBytes     *zip,
                            const char *member)
{
  g_autoptr (GBytes) bytes = read_member (zip, member, 0);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/**
 * evident_test_zip_read_raw:
 *
 * Returns: (transfer full) (nullable): the stored (compressed) bytes of
 *   @member, or %NULL when @zip has no such member
 */
GBytes *
evident_test_zip_read_raw (GBytes     *zip,
                           const char *member)
{
  return read_member (zip, member, ZIP_FL_COMPRESSED);
}

/**
 * evident_test_zip_replace:
 *
 * @content: (nullable): the new content, or %NULL to remove @member
 *
 * Returns: (transfer full): a copy of @zip with @member's content replaced
 *   by @content, or added when absent
 */
GBytes *
evident_test_zip_replace (GBytes     *zip,
                          const char *member,
                          GBytes     *content)
{
  zip_error_t error;
  zip_source_t *source;
  zip_source_t *replacement;
  zip_t *archive;
  zip_stat_t st;
  gsize size;
  const void *data = g_bytes_get_data (zip, &size);
  gsize content_size = 0;
  const void *content_data = content ? g_bytes_get_data (content, &content_size) : NULL;
  guint8 *out;
  zip_int64_t index;
  void *copy;

  /* libzip writes the new archive into the source: it gets a copy of
   * its own to do so (libzip 1.7 frees fragments it does not own). */
  zip_error_init (&error);
  copy = malloc (size);
  memcpy (copy, data, size);
  source = zip_source_buffer_create (copy, size, 1, &error);
  g_assert_nonnull (source);
  zip_source_keep (source);
  archive = zip_open_from_source (source, 0, &error);
  g_assert_nonnull (archive);

  index = zip_name_locate (archive, member, 0);
  replacement = content ? zip_source_buffer (archive, content_data, content_size, 0) : NULL;
  if (content == NULL)
    g_assert_cmpint (zip_delete (archive, index), ==, 0);
  else if (index >= 0)
    g_assert_cmpint (zip_file_replace (archive, index, replacement, 0), ==, 0);
  else
    g_assert_cmpint (zip_file_add (archive, member, replacement, 0), >=, 0);
  g_assert_cmpint (zip_close (archive), ==, 0);

  g_assert_cmpint (zip_source_open (source), ==, 0);
  g_assert_cmpint (zip_source_stat (source, &st), ==, 0);
  out = g_malloc (st.size);
  g_assert_cmpint (zip_source_read (source, out, st.size), ==, (zip_int64_t) st.size);
  zip_source_close (source);
  zip_source_free (source);
  zip_error_fini (&error);
  return g_bytes_new_take (out, st.size);
}

/**
 * evident_test_soffice_skip:
 *
 * Skips the current test when LibreOffice is not installed.
 *
 * Returns: %TRUE when skipped
 */
gboolean
evident_test_soffice_skip (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");

  if (soffice != NULL)
    return FALSE;
  g_test_skip ("LibreOffice (soffice) is not installed");
  return TRUE;
}

typedef struct
{
  GPtrArray *rows;
  GPtrArray *row;
} Parsed;

static void
field_cb (void   *data,
          size_t  length,
          void   *user_data)
{
  Parsed *parsed = user_data;

  if (parsed->row == NULL)
    parsed->row = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (parsed->row, g_strndup (data, length));
}

static void
row_cb (int   c,
        void *user_data)
{
  Parsed *parsed = user_data;

  if (parsed->row == NULL)
    parsed->row = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (parsed->row, NULL);
  g_ptr_array_add (parsed->rows, g_ptr_array_free (parsed->row, FALSE));
  parsed->row = NULL;
}

/**
 * evident_test_csv_parse:
 * @text: CSV text
 * @length: its length
 * @delimiter: the field delimiter
 *
 * Parses CSV strictly with libcsv, line breaks inside fields kept.
 *
 * Returns: (transfer full): the rows, each a %NULL-terminated string array
 */
GPtrArray *
evident_test_csv_parse (const char *text,
                        gsize       length,
                        char        delimiter)
{
  struct csv_parser parser;
  Parsed parsed = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev), NULL };

  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL), ==, 0);
  csv_set_delim (&parser, delimiter);
  g_assert_cmpuint (csv_parse (&parser, text, length, field_cb, row_cb, &parsed), ==, length);
  g_assert_cmpint (csv_fini (&parser, field_cb, row_cb, &parsed), ==, 0);
  csv_free (&parser);
  g_assert_null (parsed.row);
  return parsed.rows;
}

static GPtrArray *
parse_csv_file (const char *path)
{
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  return evident_test_csv_parse (text, length, ',');
}

static void
remove_tree (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

/**
 * evident_test_soffice_read:
 * @workbook: an .xlsx file
 *
 * Converts @workbook with LibreOffice (headless, a private profile, a time
 * limit) and reads back every sheet as it saw it.
 *
 * Returns: (transfer full): sheet name → #GPtrArray of rows (string arrays)
 */
GHashTable *
evident_test_soffice_read (GBytes  *workbook,
                           GError **error)
{
  g_autofree char *dir = g_dir_make_tmp ("evident-soffice-XXXXXX", error);
  g_autofree char *input = NULL;
  g_autofree char *outdir = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GHashTable) sheets = NULL;
  g_autoptr (GDir) listing = NULL;
  const char *name;
  int status;

  if (dir == NULL)
    return NULL;
  input = g_build_filename (dir, "book.xlsx", NULL);
  outdir = g_build_filename (dir, "out", NULL);
  profile = g_build_filename (dir, "profile", NULL);
  profile_arg = g_strdup_printf ("-env:UserInstallation=file://%s", profile);
  if (!g_file_set_contents (input, g_bytes_get_data (workbook, NULL), g_bytes_get_size (workbook),
                            error))
    return NULL;

  {
    const char *argv[] = {
      "timeout", SOFFICE_TIMEOUT, "soffice", profile_arg, "--headless", "--norestore",
      "--convert-to", SOFFICE_FILTER, "--outdir", outdir, input, NULL,
    };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                       &status, error))
      {
        remove_tree (dir);
        return NULL;
      }
  }

  sheets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify) g_ptr_array_unref);
  listing = g_dir_open (outdir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (outdir, name, NULL);

      if (!g_str_has_prefix (name, "book-") || !g_str_has_suffix (name, ".csv"))
        continue;
      g_hash_table_insert (sheets, g_strndup (name + 5, strlen (name) - 9),
                           parse_csv_file (path));
    }
  remove_tree (dir);

  if (g_hash_table_size (sheets) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "LibreOffice converted nothing (status %d): %s%s", status, out, err);
      return NULL;
    }
  return g_steal_pointer (&sheets);
}

/**
 * evident_test_sheet_cell:
 * @rows: a sheet from evident_test_soffice_read()
 *
 * Returns: the text of a cell (0-based) as LibreOffice exported it, ""
 *   beyond the data
 */
const char *
evident_test_sheet_cell (GPtrArray *rows,
                         guint      row,
                         guint      column)
{
  char **cells;

  if (row >= rows->len)
    return "";
  cells = g_ptr_array_index (rows, row);
  if (column >= g_strv_length (cells))
    return "";
  return cells[column];
}

static char *
replace_all (const char *text,
             const char *pattern,
             const char *replacement)
{
  g_autoptr (GRegex) regex = g_regex_new (pattern, G_REGEX_DOTALL, 0, NULL);

  g_assert_nonnull (regex);
  return g_regex_replace (regex, text, -1, 0, replacement, 0, NULL);
}

/**
 * evident_test_xlsx_strip_cells:
 * @xml: a worksheet part
 * @cells: (array zero-terminated=1): cell names, e.g. "C4"
 * @drop_new_rows: also drop rows as a patch creates them
 *
 * For comparing a sheet before and after a patch: @xml without the <c>
 * elements of @cells; rows left without cells read as <row …/>, and with
 * @drop_new_rows, rows as the patch creates them (<row r="N">, no other
 * attribute) are dropped.
 *
 * Returns: (transfer full): what is left
 */
char *
evident_test_xlsx_strip_cells (const char         *xml,
                               const char * const *cells,
                               gboolean            drop_new_rows)
{
  g_autofree char *text = g_strdup (xml);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *pattern =
        g_strdup_printf ("<c r=\"%s\"(?:\\s[^>]*?)?(?:/>|>.*?</c>)", cells[i]);
      char *stripped = replace_all (text, pattern, "");

      g_free (text);
      text = stripped;
    }
  if (drop_new_rows)
    {
      char *stripped = replace_all (text, "<row r=\"[0-9]+\"></row>", "");

      g_free (text);
      text = stripped;
    }
  {
    char *closed = replace_all (text, "(<row\\b[^>]*)></row>", "\\1/>");

    g_free (text);
    text = closed;
  }
  return g_steal_pointer (&text);
}
