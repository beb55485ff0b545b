/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The harnesses' set-up: quiet logs (but a critical is a crash: our code
 * was handed what it refuses), a temporary folder, and workbooks made from
 * text so that mutations reach the XML rather than the zip container. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "evident-import.h"
#include "evident-test-zip.h"
#include "fuzz.h"

static gboolean verbose;

/* Silent, unless FUZZ_VERBOSE is set: bad input is what a fuzzer feeds. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    {
      g_log_writer_standard_streams (level, fields, n_fields, user_data);
      abort ();
    }
  if (verbose)
    g_log_writer_standard_streams (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

/* Fontconfig keeps its patterns' values behind offsets rather than
 * pointers, where LeakSanitizer cannot follow them: what cairo and
 * poppler hold of a font (their caches, alive until exit) looks lost.
 * Chromium suppresses it the same way. A harness that draws text would
 * otherwise report this on its first input. */
const char *__lsan_default_suppressions (void);
const char *__lsan_default_options      (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}

/* And no table of what was suppressed at exit. */
const char *
__lsan_default_options (void)
{
  return "print_suppressions=0";
}

static char *tmp_dir;

static void
remove_tmp_dir (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmp_dir);
}

/* Once per process. */
void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  verbose = g_getenv ("FUZZ_VERBOSE") != NULL;
  g_log_set_writer_func (log_writer, NULL, NULL);
  tmp_dir = g_dir_make_tmp ("evident-fuzz-XXXXXX", NULL);
  g_assert (tmp_dir != NULL);
  atexit (remove_tmp_dir);
}

/* A path in this process's temporary folder. */
char *
fuzz_tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/**
 * fuzz_workbook_new:
 *
 * The bytes of a workbook: @data as it is when it is a zip archive ("PK");
 * otherwise a workbook built around it, @data being the text of the
 * first sheet's XML, then optionally the shared strings and the styles
 * (empty ones when not given), separated by FUZZ_PART_SEPARATOR lines. A
 * leading "1904\n" sets the 1904 date system.
 */
GBytes *
fuzz_workbook_new (const uint8_t *data,
                   size_t         size)
{
#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
  static const char *members[] = { NULL, "xl/sharedStrings.xml", "xl/styles.xml" };
  static const char *defaults[] = {
    NULL,
    "<sst " NS " count=\"0\" uniqueCount=\"0\"/>",
    "<styleSheet " NS "><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>",
  };
#undef NS
  g_autofree char *text = NULL;
  g_auto (GStrv) parts = NULL;
  EvidentTestZip *zip;
  EvidentTestZipSheet sheets[2] = {
    { "Security", NULL, NULL },
    { "Notes", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
               "<sheetData/></worksheet>", "hidden" },
  };
  gboolean date1904 = FALSE;
  const char *start;

  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    return g_bytes_new (data, size);

  text = g_strndup ((const char *) data, size);
  start = text;
  if (g_str_has_prefix (start, "1904\n"))
    {
      date1904 = TRUE;
      start += 5;
    }
  parts = g_strsplit (start, FUZZ_PART_SEPARATOR, G_N_ELEMENTS (members));
  sheets[0].xml = parts[0];

  zip = evident_test_zip_new ();
  evident_test_xlsx_add_package (zip, sheets, G_N_ELEMENTS (sheets), date1904);
  for (guint i = 1; i < G_N_ELEMENTS (members); i++)
    {
      gboolean given = parts[0] != NULL && g_strv_length (parts) > i;

      evident_test_zip_add (zip, members[i], given ? parts[i] : defaults[i]);
    }
  return evident_test_zip_finish (zip);
}

/* Reads everything an import shows: what the preview and the command
 * line's inspect ask for. */
static void
read_import (EvidentImport *import)
{
  json_node_unref (evident_import_to_json (import));
  evident_import_check (import, NULL);
  evident_import_get_chapters (import);
  evident_import_get_skipped (import);
  evident_import_get_mode (import);
  for (guint i = 0; i < evident_import_get_n_sheets (import); i++)
    {
      g_autoptr (EvidentImportMapping) mapping = evident_import_dup_mapping (import, i);
      EvidentSheet *sheet = evident_import_get_sheet (import, i);

      evident_import_get_sheet_status (import, i);
      for (guint c = 0; c < evident_sheet_get_n_columns (sheet) && c < 64; c++)
        {
          g_free (evident_import_dup_column_name (import, i, c));
          evident_import_get_column_field (import, i, c);
        }
      if (mapping != NULL)
        {
          g_autofree char *text = evident_import_mapping_to_string (mapping);
          g_autoptr (EvidentImportMapping) again = evident_import_mapping_parse (text, NULL);

          if (again != NULL)
            evident_import_apply_mapping (import, again, NULL);
        }
    }
}

/**
 * fuzz_import_explore:
 * @import: an import of fuzzed sheets
 * @data: the input, whose hash chooses the steps
 *
 * Reads the import, then takes a few steps a user of the import assistant
 * or of the command line's options takes (another header row, a column
 * for a field, a sheet left out, a mandatory level, options), with the
 * preview after each, and reads it all again at the end.
 */
void
fuzz_import_explore (EvidentImport *import,
                     const uint8_t *data,
                     size_t         size)
{
  g_autoptr (GRand) rand = NULL;
  guint32 hash = 5381;

  for (size_t i = 0; i < size; i++)
    hash = hash * 33 + data[i];
  rand = g_rand_new_with_seed (hash);

  read_import (import);
  for (guint step = 0; step < 6 && evident_import_get_n_sheets (import) > 0; step++)
    {
      guint sheet = g_rand_int_range (rand, 0, evident_import_get_n_sheets (import));
      EvidentSheet *s = evident_import_get_sheet (import, sheet);
      int n_rows = evident_sheet_get_n_rows (s);
      int n_columns = evident_sheet_get_n_columns (s);

      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:
          {
            int row = g_rand_int_range (rand, -1, n_rows + 2);

            g_debug ("Sheet %u: header row %d", sheet, row);
            evident_import_set_header_row (import, sheet, row);
          }
          break;
        case 1:
          {
            EvidentImportField field = g_rand_int_range (rand, 0, EVIDENT_IMPORT_N_FIELDS);
            int column = g_rand_int_range (rand, -1, MAX (n_columns, 0));

            g_debug ("Sheet %u: %s in column %d", sheet, evident_import_field_get_name (field),
                     column);
            evident_import_set_column (import, sheet, field, column);
          }
          break;
        case 2:
          {
            gboolean used = g_rand_boolean (rand);

            g_debug ("Sheet %u: used %d", sheet, used);
            evident_import_set_sheet_used (import, sheet, used);
          }
          break;
        case 3:
          {
            guint level = g_rand_int_range (rand, 0, evident_import_get_max_level (import) + 2);

            g_debug ("Mandatory level %u", level);
            evident_import_set_mandatory_level (import, level);
          }
          break;
        default:
          {
            EvidentImportOptions options = {
              .sheet = g_rand_boolean (rand) ? evident_sheet_get_name (s) : NULL,
              .header_row = g_rand_int_range (rand, 0, n_rows + 2),
              .mandatory_level = g_rand_int_range (rand, 0, 4),
            };

            g_debug ("Options: sheet %s, header row %u, level %u", options.sheet,
                     options.header_row, options.mandatory_level);
            evident_import_apply_options (import, &options, NULL);
          }
        }
      /* What the preview shows after each step. */
      evident_import_get_entries (import);
      evident_import_get_problems (import);
    }
  read_import (import);
  g_debug ("%u entries", evident_import_get_entries (import)->len);
}
