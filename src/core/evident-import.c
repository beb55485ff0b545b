/* SPDX-License-Identifier: GPL-3.0-or-later */

/* EvidentImport: sheets of cells on their way to becoming checklist
 * entries, as data an import assistant can drive live. It holds the sheets,
 * the detected layout, a header row and a mapping per sheet; the preview
 * (entries, skipped rows, chapters, problems) is rebuilt on demand after
 * each change. The jobs it delegates: evident-import-layout.c (what the
 * sheets are), evident-import-mapping.c (what the columns are called),
 * evident-import-build.c (the preview), evident-import-derive.c (one cell),
 * evident-import-memory.c (mappings remembered). */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-import-private.h"

G_DEFINE_FINAL_TYPE (EvidentImport, evident_import, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GQuark
evident_import_error_quark (void)
{
  return g_quark_from_static_string ("evident-import-error-quark");
}

/* Helpers */

static void
import_sheet_free (ImportSheet *sheet)
{
  g_clear_pointer (&sheet->sheet, evident_sheet_unref);
  g_free (sheet->wide_merge);
  g_free (sheet);
}

static void
ensure_built (EvidentImport *self)
{
  if (!self->dirty)
    return;

  evident_import_build (self);
  self->dirty = FALSE;
}

static ImportSheet *
get_sheet (EvidentImport *self, guint index)
{
  g_return_val_if_fail (index < self->sheets->len, NULL);

  return g_ptr_array_index (self->sheets, index);
}

ImportSheet *
evident_import_get_import_sheet (EvidentImport *self, guint index)
{
  return get_sheet (self, index);
}

/* Marks the preview stale and tells the assistant. */
void
evident_import_changed (EvidentImport *self)
{
  self->dirty = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* GObject */

static void
evident_import_finalize (GObject *object)
{
  EvidentImport *self = EVIDENT_IMPORT (object);

  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->workbook, evident_workbook_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->skipped, g_array_unref);
  g_clear_pointer (&self->chapters, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (evident_import_parent_class)->finalize (object);
}

static void
evident_import_class_init (EvidentImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = evident_import_finalize;

  /**
   * EvidentImport::changed:
   *
   * The layout's reading changed (a sheet, a header row, a column, an
   * option): the preview is stale and is rebuilt when next asked for.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
evident_import_init (EvidentImport *self)
{
  self->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) import_sheet_free);
  self->dirty = TRUE;
}

/* Entries */

static void
extra_free (EvidentChecklistExtra *extra)
{
  g_free (extra->name);
  g_free (extra->value);
  g_free (extra);
}

/**
 * evident_checklist_entry_free:
 * @entry: (transfer full) (nullable): an entry
 *
 * Frees @entry.
 */
void
evident_checklist_entry_free (EvidentChecklistEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->ref);
  g_free (entry->chapter);
  g_free (entry->chapter_title);
  g_free (entry->section);
  g_free (entry->section_title);
  g_free (entry->title);
  g_free (entry->requirement);
  g_free (entry->evidence);
  g_clear_pointer (&entry->extra, g_ptr_array_unref);
  g_free (entry->state.met);
  g_free (entry->state.response);
  g_free (entry->state.status_text);
  g_free (entry->state.owner);
  g_free (entry->state.reason);
  g_free (entry->state.note);
  g_free (entry->state.due);
  g_free (entry);
}

/* Adds an extra field to @entry; takes @name and @value. */
void
evident_checklist_entry_take_extra (EvidentChecklistEntry *entry, char *name, char *value)
{
  EvidentChecklistExtra *extra = g_new0 (EvidentChecklistExtra, 1);

  if (entry->extra == NULL)
    entry->extra = g_ptr_array_new_with_free_func ((GDestroyNotify) extra_free);
  extra->name = name;
  extra->value = value;
  g_ptr_array_add (entry->extra, extra);
}

/**
 * evident_checklist_entry_get_extra:
 * @entry: an entry
 * @name: an extra field's name, compared without regard to case
 *
 * Returns: (nullable): the value of the first extra field called @name
 */
const char *
evident_checklist_entry_get_extra (const EvidentChecklistEntry *entry, const char *name)
{
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; entry->extra != NULL && i < entry->extra->len; i++)
    {
      const EvidentChecklistExtra *extra = g_ptr_array_index (entry->extra, i);

      if (g_ascii_strcasecmp (extra->name, name) == 0)
        return extra->value;
    }

  return NULL;
}

/**
 * evident_checklist_entries_get_mode:
 * @entries: (element-type EvidentChecklistEntry): entries
 *
 * Returns: %EVIDENT_SCORE_MODE_PASS_FAIL when no entry has points, else
 *   %EVIDENT_SCORE_MODE_POINTS
 */
EvidentScoreMode
evident_checklist_entries_get_mode (GPtrArray *entries)
{
  g_return_val_if_fail (entries != NULL, EVIDENT_SCORE_MODE_POINTS);

  for (guint i = 0; i < entries->len; i++)
    {
      const EvidentChecklistEntry *entry = g_ptr_array_index (entries, i);

      if (!entry->no_points)
        return EVIDENT_SCORE_MODE_POINTS;
    }

  return entries->len > 0 ? EVIDENT_SCORE_MODE_PASS_FAIL : EVIDENT_SCORE_MODE_POINTS;
}

/* Evident's own format, and every CSV layout */

static int
csv_error_code (int import_code)
{
  switch (import_code)
    {
    case EVIDENT_IMPORT_ERROR_EMPTY:
    case EVIDENT_IMPORT_ERROR_NO_SHEET:
      return EVIDENT_CSV_ERROR_EMPTY;
    case EVIDENT_IMPORT_ERROR_NO_HEADER:
    case EVIDENT_IMPORT_ERROR_MISSING_COLUMN:
    case EVIDENT_IMPORT_ERROR_BAD_MAPPING:
      return EVIDENT_CSV_ERROR_MISSING_COLUMN;
    case EVIDENT_IMPORT_ERROR_DUPLICATE:
      return EVIDENT_CSV_ERROR_DUPLICATE;
    case EVIDENT_IMPORT_ERROR_SYNTAX:
      return EVIDENT_CSV_ERROR_SYNTAX;
    case EVIDENT_IMPORT_ERROR_BAD_VALUE:
    default:
      return EVIDENT_CSV_ERROR_BAD_VALUE;
    }
}

/**
 * evident_checklist_parse:
 * @bytes: the contents of a checklist CSV file
 * @error: return location for a #GError
 *
 * Reads the items of a checklist from a CSV file with evident_import_new_for_csv()
 * and no further choices: Evident's own format (README: `ref`, `chapter`,
 * `title`, `points`, …; without a `mandatory` column no item is
 * mandatory), AWS's self-assessment sheet saved as CSV, Jira's CSV export,
 * or any CSV whose header names its columns in words the import knows.
 * Missing pieces are derived (see #EvidentImport). Use an #EvidentImport to
 * choose sheets, header rows or columns.
 *
 * Returns: (transfer container) (element-type EvidentChecklistEntry): the
 *   entries in file order, or %NULL with @error set in %EVIDENT_CSV_ERROR;
 *   messages start with "Line N: "
 */
GPtrArray *
evident_checklist_parse (GBytes *bytes, GError **error)
{
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  import = evident_import_new_for_csv (bytes, error);
  if (import == NULL)
    return NULL;

  if (!evident_import_check (import, &local_error))
    {
      g_set_error_literal (error, EVIDENT_CSV_ERROR, csv_error_code (local_error->code),
                           local_error->message);
      return NULL;
    }

  return g_ptr_array_ref (evident_import_get_entries (import));
}

/**
 * evident_checklist_load:
 * @file: a checklist CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file and parses it with evident_checklist_parse(). Parse errors
 * start with "Line N: " and do not name the file: callers add its name.
 * Errors reading the file are in %G_IO_ERROR.
 *
 * Returns: (transfer container) (element-type EvidentChecklistEntry): the
 *   entries in file order, or %NULL with @error set
 */
GPtrArray *
evident_checklist_load (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  import = evident_import_new_for_file (file, cancellable, error);
  if (import == NULL)
    return NULL;

  if (!evident_import_check (import, &local_error))
    {
      if (evident_import_get_workbook (import) != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, EVIDENT_CSV_ERROR, csv_error_code (local_error->code),
                             local_error->message);
      return NULL;
    }

  return g_ptr_array_ref (evident_import_get_entries (import));
}

/* Labels */

/**
 * evident_import_layout_get_label:
 *
 * Returns: the layout's name for the user, translated
 */
const char *
evident_import_layout_get_label (EvidentImportLayout layout)
{
  switch (layout)
    {
    case EVIDENT_IMPORT_LAYOUT_EVIDENT:
      return C_ ("import layout", "Evident checklist");
    case EVIDENT_IMPORT_LAYOUT_AWS_WORKBOOK:
      return C_ ("import layout", "AWS self-assessment workbook");
    case EVIDENT_IMPORT_LAYOUT_AWS_CSV:
      return C_ ("import layout", "AWS self-assessment sheet saved as CSV");
    case EVIDENT_IMPORT_LAYOUT_JIRA:
      return C_ ("import layout", "Jira issues exported as CSV");
    case EVIDENT_IMPORT_LAYOUT_MAPPED:
      return C_ ("import layout", "Columns mapped by their names");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * evident_import_skip_reason_get_label:
 *
 * Returns: why a row gives no item, for the user, translated
 */
const char *
evident_import_skip_reason_get_label (EvidentImportSkipReason reason)
{
  switch (reason)
    {
    case EVIDENT_IMPORT_SKIP_BLANK:
      return C_ ("import row", "Blank");
    case EVIDENT_IMPORT_SKIP_ABOVE_HEADER:
      return C_ ("import row", "Above the header");
    case EVIDENT_IMPORT_SKIP_HEADER:
      return C_ ("import row", "Header");
    case EVIDENT_IMPORT_SKIP_REPEATED_HEADER:
      return C_ ("import row", "Header repeated");
    case EVIDENT_IMPORT_SKIP_BAND:
      return C_ ("import row", "Heading");
    case EVIDENT_IMPORT_SKIP_NO_REFERENCE:
      return C_ ("import row", "No reference");
    case EVIDENT_IMPORT_SKIP_CONTINUATION:
      return C_ ("import row", "Joins item above");
    case EVIDENT_IMPORT_SKIP_WITHDRAWN:
      return C_ ("import row", "Withdrawn");
    case EVIDENT_IMPORT_SKIP_HIDDEN:
      return C_ ("import row", "Hidden");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * evident_import_sheet_status_get_label:
 *
 * Returns: what becomes of a sheet, for the user, translated
 */
const char *
evident_import_sheet_status_get_label (EvidentImportSheetStatus status)
{
  switch (status)
    {
    case EVIDENT_IMPORT_SHEET_USED:
      return C_ ("import sheet", "Imported");
    case EVIDENT_IMPORT_SHEET_NO_HEADER:
      return C_ ("import sheet", "Skipped: no item header");
    case EVIDENT_IMPORT_SHEET_EMPTY:
      return C_ ("import sheet", "Skipped: empty");
    case EVIDENT_IMPORT_SHEET_EXCLUDED:
      return C_ ("import sheet", "Left out");
    case EVIDENT_IMPORT_SHEET_HIDDEN:
      return C_ ("import sheet", "Skipped: hidden sheet");
    case EVIDENT_IMPORT_SHEET_REPEATED:
      return C_ ("import sheet", "Skipped: repeats another sheet’s items");
    default:
      g_return_val_if_reached ("");
    }
}

/* The import */

static EvidentImport *import_new (GPtrArray              *sheets,
                                  const EvidentCsvFormat *csv_format,
                                  EvidentWorkbook        *workbook);

/**
 * evident_import_new:
 * @sheets: (element-type EvidentSheet): the sheets of a workbook in order,
 *   or the one sheet of a CSV file
 * @csv_format: (nullable): how the CSV file was read; %NULL for a workbook
 *
 * Looks at the sheets and proposes an import: the layout, the sheets to
 * use, a header row and a mapping for each. Nothing is refused here: what
 * blocks the import is in evident_import_get_problems().
 *
 * Returns: (transfer full): the import
 */
EvidentImport *
evident_import_new (GPtrArray *sheets, const EvidentCsvFormat *csv_format)
{
  g_return_val_if_fail (sheets != NULL, NULL);

  return import_new (sheets, csv_format, NULL);
}

static EvidentImport *
import_new (GPtrArray *sheets, const EvidentCsvFormat *csv_format, EvidentWorkbook *workbook)
{
  EvidentImport *self;

  self = g_object_new (EVIDENT_TYPE_IMPORT, NULL);
  self->workbook = workbook;
  for (guint i = 0; i < sheets->len; i++)
    {
      ImportSheet *sheet = g_new0 (ImportSheet, 1);

      sheet->sheet = evident_sheet_ref (g_ptr_array_index (sheets, i));
      sheet->index = i;
      sheet->header_row = -1;
      for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
        sheet->columns[f] = -1;
      g_ptr_array_add (self->sheets, sheet);
    }
  if (csv_format != NULL)
    {
      self->has_csv_format = TRUE;
      self->csv_format = *csv_format;
    }

  evident_import_detect (self);
  return self;
}

/**
 * evident_import_new_for_csv:
 * @bytes: the contents of a CSV file
 * @error: return location for a #GError
 *
 * Reads a CSV file with evident_csv_read_sheet() and proposes its import.
 *
 * Returns: (transfer full): the import, or %NULL with @error set in
 *   %EVIDENT_CSV_ERROR when the file cannot be read as CSV
 */
EvidentImport *
evident_import_new_for_csv (GBytes *bytes, GError **error)
{
  g_autoptr (GPtrArray) sheets =
      g_ptr_array_new_with_free_func ((GDestroyNotify) evident_sheet_unref);
  EvidentCsvFormat format;
  EvidentSheet    *sheet;

  g_return_val_if_fail (bytes != NULL, NULL);

  sheet = evident_csv_read_sheet (bytes, &format, error);
  if (sheet == NULL)
    return NULL;
  g_ptr_array_add (sheets, sheet);

  return evident_import_new (sheets, &format);
}

static gboolean
named_as_workbook (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm");
}

/**
 * evident_import_new_for_bytes:
 * @bytes: the contents of a checklist file: a workbook (.xlsx) or CSV
 * @display_name: the file's name, for messages
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a workbook with evident_workbook_load(), or anything else as CSV
 * with evident_csv_read_sheet(), and proposes its import. A file named as
 * a workbook (.xlsx, .xlsm) is read as one whatever it holds, so that an
 * old .xls or a file that is no zip archive is refused as a workbook
 * rather than misread as CSV. A workbook stays
 * with the import (evident_import_get_workbook()), so that a project can
 * keep it and hand the answers back in a copy of it.
 *
 * Returns: (transfer full): the import, or %NULL with @error set in
 *   %EVIDENT_XLSX_ERROR or %EVIDENT_CSV_ERROR
 */
EvidentImport *
evident_import_new_for_bytes (GBytes        *bytes,
                              const char    *display_name,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr (EvidentWorkbook) workbook = NULL;
  g_autoptr (GPtrArray) sheets = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!evident_bytes_look_like_xlsx (bytes) && !named_as_workbook (display_name))
    return evident_import_new_for_csv (bytes, error);

  workbook = evident_workbook_load (bytes, display_name, cancellable, error);
  if (workbook == NULL)
    return NULL;

  sheets = g_ptr_array_new ();
  for (guint i = 0; i < evident_workbook_get_n_sheets (workbook); i++)
    g_ptr_array_add (sheets, evident_workbook_get_sheet (workbook, i));

  return import_new (sheets, NULL, g_steal_pointer (&workbook));
}

/**
 * evident_import_new_for_file:
 * @file: a checklist file: a workbook (.xlsx) or CSV
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file with evident_import_new_for_bytes(). Errors reading the file
 * are in %G_IO_ERROR.
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
EvidentImport *
evident_import_new_for_file (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_basename (file);
  return evident_import_new_for_bytes (bytes, name, cancellable, error);
}

static void
new_for_file_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  EvidentImport *import = evident_import_new_for_file (task_data, cancellable, &error);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, g_object_unref);
}

/**
 * evident_import_new_for_file_async:
 *
 * Reads and looks at a checklist file on a worker thread; see
 * evident_import_new_for_file().
 */
void
evident_import_new_for_file_async (GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_import_new_for_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, new_for_file_thread);
}

/**
 * evident_import_new_for_file_finish:
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
EvidentImport *
evident_import_new_for_file_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == evident_import_new_for_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * evident_import_get_workbook:
 *
 * Returns: (transfer none) (nullable): the workbook the sheets were read
 *   from, or %NULL for a CSV file
 */
EvidentWorkbook *
evident_import_get_workbook (EvidentImport *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), NULL);
  return self->workbook;
}

EvidentImportLayout
evident_import_get_layout (EvidentImport *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), EVIDENT_IMPORT_LAYOUT_MAPPED);

  return self->layout;
}

/**
 * evident_import_get_csv_format:
 *
 * Returns: (nullable): how the CSV file was read (the encoding assumed, the
 *   delimiter), %NULL for a workbook
 */
const EvidentCsvFormat *
evident_import_get_csv_format (EvidentImport *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), NULL);

  return self->has_csv_format ? &self->csv_format : NULL;
}

guint
evident_import_get_n_sheets (EvidentImport *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), 0);

  return self->sheets->len;
}

/**
 * evident_import_get_sheet:
 *
 * Returns: (transfer none): the sheet
 */
EvidentSheet *
evident_import_get_sheet (EvidentImport *self, guint sheet)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), NULL);
  g_return_val_if_fail (sheet < self->sheets->len, NULL);

  return get_sheet (self, sheet)->sheet;
}

EvidentImportSheetStatus
evident_import_get_sheet_status (EvidentImport *self, guint sheet)
{
  ImportSheet *s;

  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), EVIDENT_IMPORT_SHEET_EXCLUDED);
  g_return_val_if_fail (sheet < self->sheets->len, EVIDENT_IMPORT_SHEET_EXCLUDED);

  s = get_sheet (self, sheet);
  if (s->used)
    return EVIDENT_IMPORT_SHEET_USED;
  if (s->detected == EVIDENT_IMPORT_SHEET_HIDDEN || s->detected == EVIDENT_IMPORT_SHEET_REPEATED)
    return s->detected;
  if (s->detected != EVIDENT_IMPORT_SHEET_USED && s->header_row < 0)
    return s->detected;
  return EVIDENT_IMPORT_SHEET_EXCLUDED;
}

/**
 * evident_import_set_sheet_used:
 *
 * Takes a sheet into the import or leaves it out. A sheet taken in without
 * a header row is a problem until evident_import_set_header_row() names one.
 */
void
evident_import_set_sheet_used (EvidentImport *self, guint sheet, gboolean used)
{
  ImportSheet *s;

  g_return_if_fail (EVIDENT_IS_IMPORT (self));
  g_return_if_fail (sheet < self->sheets->len);

  s = get_sheet (self, sheet);
  if (s->used == !!used)
    return;
  s->used = !!used;
  evident_import_changed (self);
}

/**
 * evident_import_get_header_row:
 *
 * Returns: the row (from 0) that names the sheet's columns, -1 if none
 */
int
evident_import_get_header_row (EvidentImport *self, guint sheet)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), -1);
  g_return_val_if_fail (sheet < self->sheets->len, -1);

  return get_sheet (self, sheet)->header_row;
}

/**
 * evident_import_set_header_row:
 * @row: the row (from 0) that names the columns, -1 for none
 *
 * Names the header row of a sheet, takes the sheet into the import, and
 * proposes its mapping afresh from the new header's names.
 */
void
evident_import_set_header_row (EvidentImport *self, guint sheet, int row)
{
  ImportSheet *s;

  g_return_if_fail (EVIDENT_IS_IMPORT (self));
  g_return_if_fail (sheet < self->sheets->len);
  g_return_if_fail (row >= -1);

  s = get_sheet (self, sheet);
  if (s->header_row == row && (row < 0 || s->used))
    return;
  s->header_row = row;
  if (row >= 0)
    s->used = TRUE;
  evident_import_propose_mapping (self, s);
  evident_import_changed (self);
}

/**
 * evident_import_get_column:
 *
 * Returns: the column (from 0) that @field takes in @sheet, -1 if none
 */
int
evident_import_get_column (EvidentImport *self, guint sheet, EvidentImportField field)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), -1);
  g_return_val_if_fail (sheet < self->sheets->len, -1);
  g_return_val_if_fail (field < EVIDENT_IMPORT_N_FIELDS, -1);

  return get_sheet (self, sheet)->columns[field];
}

/**
 * evident_import_set_column:
 * @column: a column (from 0), or -1 to leave @field unmapped
 *
 * Maps @field to @column in @sheet and in every other used sheet whose
 * header reads the same: a column takes one field, so a field that had
 * @column before is left unmapped. Unmapped columns are kept as extra
 * fields.
 */
void
evident_import_set_column (EvidentImport *self, guint sheet, EvidentImportField field, int column)
{
  g_autofree char *key = NULL;
  ImportSheet     *s;
  gboolean         changed = FALSE;

  g_return_if_fail (EVIDENT_IS_IMPORT (self));
  g_return_if_fail (sheet < self->sheets->len);
  g_return_if_fail (field < EVIDENT_IMPORT_N_FIELDS);
  g_return_if_fail (column >= -1);

  s = get_sheet (self, sheet);
  if (s->header_row >= 0)
    key = evident_import_header_key (s->sheet, s->header_row);

  for (guint i = 0; i < self->sheets->len; i++)
    {
      ImportSheet     *other = get_sheet (self, i);
      g_autofree char *other_key = NULL;

      if (other != s)
        {
          if (!other->used || other->header_row < 0 || key == NULL)
            continue;
          other_key = evident_import_header_key (other->sheet, other->header_row);
          if (g_strcmp0 (key, other_key) != 0)
            continue;
        }

      if (other->columns[field] == column)
        continue;
      for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS && column >= 0; f++)
        {
          if (other->columns[f] == column)
            other->columns[f] = -1;
        }
      other->columns[field] = column;
      changed = TRUE;
    }

  if (changed)
    evident_import_changed (self);
}

/**
 * evident_import_get_column_field:
 *
 * Returns: the field (an #EvidentImportField) that @column of @sheet
 *   holds, or -1 when it is kept as an extra field
 */
int
evident_import_get_column_field (EvidentImport *self, guint sheet, guint column)
{
  ImportSheet *s;

  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), -1);
  g_return_val_if_fail (sheet < self->sheets->len, -1);

  s = get_sheet (self, sheet);
  for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
    {
      if (s->columns[f] == (int) column)
        return (int) f;
    }

  return -1;
}

/**
 * evident_import_get_max_level:
 *
 * Returns: the highest level in the mapped level column, 0 without one:
 *   what "items up to level N are mandatory" offers
 */
guint
evident_import_get_max_level (EvidentImport *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), 0);

  ensure_built (self);
  return self->max_level;
}

guint
evident_import_get_mandatory_level (EvidentImport *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), 0);

  return self->mandatory_level;
}

/**
 * evident_import_set_mandatory_level:
 * @level: items up to this level are mandatory, those above recommended;
 *   0 makes every item mandatory
 *
 * Applies when a level column is mapped and no mandatory column is.
 */
void
evident_import_set_mandatory_level (EvidentImport *self, guint level)
{
  g_return_if_fail (EVIDENT_IS_IMPORT (self));

  if (self->mandatory_level == level)
    return;
  self->mandatory_level = level;
  evident_import_changed (self);
}

/**
 * evident_import_get_entries:
 *
 * The entries the import makes now, in sheet and row order, also while
 * problems block it (then some may be incomplete). The array is replaced,
 * not changed, on the next rebuild: keep a reference to keep it.
 *
 * Returns: (transfer none) (element-type EvidentChecklistEntry): the entries
 */
GPtrArray *
evident_import_get_entries (EvidentImport *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), NULL);

  ensure_built (self);
  return self->entries;
}

/**
 * evident_import_get_skipped:
 *
 * Returns: (transfer none) (element-type EvidentImportSkip): every row of
 *   the used sheets that gives no item, and why, in sheet and row order
 */
GArray *
evident_import_get_skipped (EvidentImport *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), NULL);

  ensure_built (self);
  return self->skipped;
}

/**
 * evident_import_count_skipped:
 * @sheet: a sheet's index
 * @reason: why the rows give no item
 *
 * Returns: how many rows of @sheet are skipped for @reason, e.g. the
 *   hidden ones, for a summary ("2 hidden rows skipped")
 */
guint
evident_import_count_skipped (EvidentImport          *self,
                              guint                   sheet,
                              EvidentImportSkipReason reason)
{
  guint n = 0;

  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), 0);

  ensure_built (self);
  for (guint i = 0; i < self->skipped->len; i++)
    {
      const EvidentImportSkip *skip = &g_array_index (self->skipped, EvidentImportSkip, i);

      n += skip->sheet == sheet && skip->reason == reason;
    }
  return n;
}

/**
 * evident_import_get_chapters:
 *
 * Returns: (transfer none) (element-type EvidentImportChapter): the chapter
 *   tree the entries make, in order, with item counts
 */
GPtrArray *
evident_import_get_chapters (EvidentImport *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), NULL);

  ensure_built (self);
  return self->chapters;
}

/**
 * evident_import_get_problems:
 *
 * Returns: (transfer none) (element-type EvidentImportProblem): what blocks
 *   the import, in sheet and row order; empty when it can go ahead
 */
GPtrArray *
evident_import_get_problems (EvidentImport *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), NULL);

  ensure_built (self);
  return self->problems;
}

/**
 * evident_import_get_mode:
 *
 * Returns: %EVIDENT_SCORE_MODE_PASS_FAIL when no item has points, else
 *   %EVIDENT_SCORE_MODE_POINTS: the mode the project gets
 */
EvidentScoreMode
evident_import_get_mode (EvidentImport *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), EVIDENT_SCORE_MODE_POINTS);

  ensure_built (self);
  return self->mode;
}

/**
 * evident_import_check:
 * @error: return location for the first problem, in %EVIDENT_IMPORT_ERROR
 *
 * Returns: whether the import can go ahead: there are entries and no
 *   problems
 */
gboolean
evident_import_check (EvidentImport *self, GError **error)
{
  const EvidentImportProblem *problem;

  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ensure_built (self);
  if (self->problems->len == 0)
    return TRUE;

  problem = g_ptr_array_index (self->problems, 0);
  g_set_error_literal (error, EVIDENT_IMPORT_ERROR, problem->code, problem->message);
  return FALSE;
}
