/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What an import would do, as JSON: for `evident-cli inspect --json` and
 * anything else that wants the whole preview at once. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "evident-enums-util.h"
#include "evident-enums.h"
#include "evident-import-private.h"

/* Helpers */

static const char *
nick (GType type, int value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  return enum_value != NULL ? enum_value->value_nick : "";
}

static void
add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* A row as a user counts it: from 1, and for CSV the line it starts on. */
static void
add_row (JsonBuilder *builder, EvidentSheet *sheet, int row)
{
  json_builder_set_member_name (builder, "row");
  if (row < 0)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_add_int_value (builder, row + 1);
  if (evident_sheet_is_csv (sheet))
    add_int (builder, "line", evident_sheet_get_row_line (sheet, row));
}

static void
add_sheet (JsonBuilder *builder, EvidentImport *self, guint index)
{
  EvidentSheet *sheet = evident_import_get_sheet (self, index);
  int           header_row = evident_import_get_header_row (self, index);
  g_autoptr (EvidentImportMapping) mapping = evident_import_dup_mapping (self, index);

  json_builder_begin_object (builder);
  add_int (builder, "index", index);
  add_string (builder, "name", evident_sheet_get_name (sheet));
  add_string (
      builder, "status",
      nick (EVIDENT_TYPE_IMPORT_SHEET_STATUS, evident_import_get_sheet_status (self, index)));
  json_builder_set_member_name (builder, "header");
  json_builder_begin_object (builder);
  add_row (builder, sheet, header_row);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "mapping");
  json_builder_begin_object (builder);
  for (guint f = 0; header_row >= 0 && f < EVIDENT_IMPORT_N_FIELDS; f++)
    {
      const char *column = evident_import_mapping_get (mapping, f);

      add_string (builder, evident_import_field_get_name (f),
                  column != NULL && *column != '\0' ? column : NULL);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_chapters (JsonBuilder *builder, GPtrArray *chapters)
{
  json_builder_set_member_name (builder, "chapters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < chapters->len; i++)
    {
      const EvidentImportChapter *chapter = g_ptr_array_index (chapters, i);

      json_builder_begin_object (builder);
      add_string (builder, "number", chapter->number);
      add_string (builder, "title", chapter->title);
      add_int (builder, "items", chapter->n_items);
      json_builder_set_member_name (builder, "sections");
      json_builder_begin_array (builder);
      for (guint j = 0; j < chapter->sections->len; j++)
        {
          const EvidentImportSection *section = g_ptr_array_index (chapter->sections, j);

          json_builder_begin_object (builder);
          add_string (builder, "number", section->number);
          add_string (builder, "title", section->title);
          add_int (builder, "items", section->n_items);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_skipped (JsonBuilder *builder, EvidentImport *self)
{
  GArray *skipped = evident_import_get_skipped (self);

  json_builder_set_member_name (builder, "skipped");
  json_builder_begin_array (builder);
  for (guint i = 0; i < skipped->len; i++)
    {
      const EvidentImportSkip *skip = &g_array_index (skipped, EvidentImportSkip, i);
      EvidentSheet            *sheet = evident_import_get_sheet (self, skip->sheet);
      g_autofree char         *place = evident_sheet_describe_row (sheet, skip->row);

      json_builder_begin_object (builder);
      add_int (builder, "sheet", skip->sheet);
      add_row (builder, sheet, (int) skip->row);
      add_string (builder, "place", place);
      add_string (builder, "reason", nick (EVIDENT_TYPE_IMPORT_SKIP_REASON, skip->reason));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_problems (JsonBuilder *builder, EvidentImport *self)
{
  GPtrArray *problems = evident_import_get_problems (self);

  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      const EvidentImportProblem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      add_string (builder, "code", nick (EVIDENT_TYPE_IMPORT_ERROR, problem->code));
      json_builder_set_member_name (builder, "sheet");
      if (problem->sheet >= 0)
        json_builder_add_int_value (builder, problem->sheet);
      else
        json_builder_add_null_value (builder);
      if (problem->sheet >= 0)
        add_row (builder, evident_import_get_sheet (self, problem->sheet), problem->row);
      if (problem->column >= 0)
        {
          g_autofree char *letters = evident_sheet_column_name (problem->column);

          add_string (builder, "column", letters);
        }
      add_string (builder, "message", problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Public API */

/**
 * evident_import_to_json:
 *
 * Describes the import as it stands: layout, how a CSV file was read, each
 * sheet with its status, header row and mapping (by header text), the
 * scoring mode, the chapter tree with item counts, every skipped row with
 * its reason and every problem. Rows count from 1 (the spreadsheet's row
 * numbers); CSV rows also give the line they start on.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
evident_import_to_json (EvidentImport *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  const EvidentCsvFormat *format;
  GPtrArray              *entries;
  guint                   n_mandatory = 0;

  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), NULL);

  entries = evident_import_get_entries (self);
  for (guint i = 0; i < entries->len; i++)
    n_mandatory += ((EvidentChecklistEntry *) g_ptr_array_index (entries, i))->mandatory;
  format = evident_import_get_csv_format (self);

  json_builder_begin_object (builder);
  add_string (builder, "layout",
              nick (EVIDENT_TYPE_IMPORT_LAYOUT, evident_import_get_layout (self)));
  if (format != NULL)
    {
      char delimiter[2] = { format->delimiter, '\0' };

      add_string (builder, "encoding", evident_csv_encoding_get_name (format->encoding));
      add_string (builder, "delimiter", delimiter);
    }
  add_string (builder, "mode", evident_score_mode_to_string (evident_import_get_mode (self)));
  add_int (builder, "items", entries->len);
  add_int (builder, "mandatory", n_mandatory);
  add_int (builder, "max-level", evident_import_get_max_level (self));
  add_int (builder, "mandatory-level", evident_import_get_mandatory_level (self));

  json_builder_set_member_name (builder, "sheets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < evident_import_get_n_sheets (self); i++)
    add_sheet (builder, self, i);
  json_builder_end_array (builder);

  add_chapters (builder, evident_import_get_chapters (self));
  add_skipped (builder, self);
  add_problems (builder, self);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
