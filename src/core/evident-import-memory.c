/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Mappings remembered for files with the same header: a small JSON file
 * in the user's configuration directory, keyed by a SHA-256 hash of the
 * header's normalised names, holding the header row's names (for a human
 * reading the file), the mapping as `--map` takes it and the options. */

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "evident-import-private.h"

#define MEMORY_FILE "import-mappings.json"
#define MEMORY_VERSION 1
/* How many headers are remembered; the least recently used go first. */
#define MEMORY_CAPACITY 50

/* Helpers */

static char *
memory_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "evident", MEMORY_FILE, NULL);
}

/* The remembered mappings, newest first; an empty array when there is no
 * file or it cannot be read (it is only a convenience). */
static JsonArray *
load_mappings (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *path = memory_path ();
  JsonNode        *root;
  JsonObject      *object;

  if (!json_parser_load_from_file (parser, path, NULL))
    return json_array_new ();

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return json_array_new ();
  object = json_node_get_object (root);
  if (json_object_get_int_member_with_default (object, "version", 0) != MEMORY_VERSION ||
      !json_object_has_member (object, "mappings") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "mappings")))
    return json_array_new ();

  return json_array_ref (json_object_get_array_member (object, "mappings"));
}

static JsonObject *
find_mapping (JsonArray *mappings, const char *key, guint *index)
{
  for (guint i = 0; i < json_array_get_length (mappings); i++)
    {
      JsonNode   *node = json_array_get_element (mappings, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member_with_default (object, "key", NULL), key) == 0)
        {
          if (index != NULL)
            *index = i;
          return object;
        }
    }

  return NULL;
}

static gboolean
save_mappings (JsonArray *mappings, GError **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *path = memory_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, MEMORY_VERSION);
  json_builder_set_member_name (builder, "mappings");
  json_builder_add_value (builder, json_node_init_array (json_node_alloc (), mappings));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents (path, text, -1, error);
}

static JsonNode *
describe_sheet (EvidentImport *self, ImportSheet *sheet, const char *key)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (EvidentImportMapping) mapping = evident_import_dup_mapping (self, sheet->index);
  g_autofree char *text = evident_import_mapping_to_string (mapping);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  guint            width = evident_import_row_width (sheet->sheet, sheet->header_row);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "header");
  json_builder_begin_array (builder);
  for (guint column = 0; column < width; column++)
    {
      g_autofree char *name = evident_import_clean_line (
          evident_sheet_get_cell (sheet->sheet, sheet->header_row, column));

      json_builder_add_string_value (builder, name);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "mapping");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "mandatory-level");
  json_builder_add_int_value (builder, evident_import_get_mandatory_level (self));
  json_builder_set_member_name (builder, "used");
  json_builder_add_string_value (builder, stamp);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Internal API */

/**
 * evident_import_header_key:
 * @row: the header row of @sheet
 *
 * Returns: (transfer full): the SHA-256 (hex) of the header's names,
 *   normalised: one line each, case-folded, trailing empty cells left out
 */
char *
evident_import_header_key (EvidentSheet *sheet, guint row)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint width = evident_import_row_width (sheet, row);

  for (guint column = 0; column < width; column++)
    {
      g_autofree char *line =
          evident_import_clean_line (evident_sheet_get_cell (sheet, row, column));
      g_autofree char *folded = g_utf8_casefold (line, -1);

      /* A unit separator between names, so that "a b|c" ≠ "a|b c". */
      g_checksum_update (checksum, (const guchar *) folded, -1);
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/* Public API */

/**
 * evident_import_recall_mapping:
 *
 * Looks for a remembered mapping for each sheet: when a row near the top
 * of a sheet reads as a header remembered before, that row becomes the
 * sheet's header (the sheet is used) and the remembered mapping and
 * mandatory level apply.
 *
 * Returns: whether a remembered mapping was applied
 */
gboolean
evident_import_recall_mapping (EvidentImport *self)
{
  g_autoptr (JsonArray) mappings = NULL;
  gboolean recalled = FALSE;

  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), FALSE);

  mappings = load_mappings ();
  if (json_array_get_length (mappings) == 0)
    return FALSE;

  for (guint i = 0; i < evident_import_get_n_sheets (self); i++)
    {
      ImportSheet *sheet = evident_import_get_import_sheet (self, i);
      guint        n_rows =
          MIN (evident_sheet_get_n_rows (sheet->sheet), EVIDENT_IMPORT_HEADER_SEARCH_ROWS);

      for (guint row = 0; row < n_rows; row++)
        {
          g_autofree char *key = NULL;
          g_autoptr (EvidentImportMapping) mapping = NULL;
          JsonObject *remembered;

          if (evident_sheet_row_is_empty (sheet->sheet, row))
            continue;
          key = evident_import_header_key (sheet->sheet, row);
          remembered = find_mapping (mappings, key, NULL);
          if (remembered == NULL)
            continue;
          mapping = evident_import_mapping_parse (
              json_object_get_string_member_with_default (remembered, "mapping", ""), NULL);
          if (mapping == NULL)
            continue;

          sheet->header_row = (int) row;
          sheet->used = TRUE;
          evident_import_propose_mapping (self, sheet);
          /* The header is the same, so every column it names is there. */
          if (!evident_import_apply_mapping_to_sheet (self, sheet, mapping, NULL))
            evident_import_propose_mapping (self, sheet);
          self->mandatory_level = (guint) CLAMP (
              json_object_get_int_member_with_default (remembered, "mandatory-level", 0), 0,
              G_MAXINT);
          recalled = TRUE;
          break;
        }
    }

  if (recalled)
    evident_import_changed (self);
  return recalled;
}

/**
 * evident_import_remember_mapping:
 * @error: return location for a #GError
 *
 * Remembers the mapping (and the mandatory level) of every used sheet with
 * a header row, for the next file with the same header, in
 * `$XDG_CONFIG_HOME/evident/import-mappings.json`.
 *
 * Returns: whether the file was written; if not, @error is set (a
 *   #GFileError or #GIOError)
 */
gboolean
evident_import_remember_mapping (EvidentImport *self, GError **error)
{
  g_autoptr (JsonArray) mappings = NULL;
  g_autoptr (JsonArray) kept = json_array_new ();
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  mappings = load_mappings ();
  for (guint i = 0; i < evident_import_get_n_sheets (self); i++)
    {
      ImportSheet *sheet = evident_import_get_import_sheet (self, i);
      char        *key;

      if (!sheet->used || sheet->header_row < 0)
        continue;
      key = evident_import_header_key (sheet->sheet, sheet->header_row);
      if (g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
        {
          g_free (key);
          continue;
        }
      g_ptr_array_add (keys, key);
      json_array_add_element (kept, describe_sheet (self, sheet, key));
    }

  for (guint i = 0; i < json_array_get_length (mappings); i++)
    {
      JsonNode   *node = json_array_get_element (mappings, i);
      const char *key;

      if (json_array_get_length (kept) >= MEMORY_CAPACITY)
        break;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      key = json_object_get_string_member_with_default (json_node_get_object (node), "key", "");
      if (!g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
        json_array_add_element (kept, json_node_copy (node));
    }

  return save_mappings (kept, error);
}
