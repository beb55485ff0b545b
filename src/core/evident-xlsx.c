/* SPDX-License-Identifier: GPL-3.0-or-later */

/* EvidentWorkbook: an .xlsx file read into EvidentSheets.
 *
 * The order of reading, one pass over the zip archive each (a pass skips
 * what it does not want without inflating it, so members may come in any
 * order):
 *
 *   1. _rels/.rels                 where the workbook part is (xl/workbook.xml)
 *   2. xl/workbook.xml             the sheets: names, order, r:id, hidden; date1904
 *   3. xl/_rels/workbook.xml.rels  each r:id's part, the shared strings, the styles
 *   4. sharedStrings, styles       what cells refer to
 *   5. the worksheets              streamed into their EvidentSheets
 *
 * [Content_Types].xml is not needed and not read. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "evident-xlsx-private.h"

#define REL_OFFICE_DOCUMENT "officeDocument"
#define REL_WORKSHEET       "worksheet"
#define REL_CHARTSHEET      "chartsheet"
#define REL_SHARED_STRINGS  "sharedStrings"
#define REL_STYLES          "styles"

typedef struct
{
  EvidentSheet *sheet;
  char         *rel_id;
  char         *part; /* the member's name as the archive spells it */
  gboolean      hidden;
  gboolean      chart;
} SheetInfo;

struct _EvidentWorkbook
{
  gatomicrefcount  ref_count;
  GBytes          *bytes;
  char            *display_name;
  gboolean         date1904;
  GPtrArray       *sheets; /* of SheetInfo */
};

typedef struct
{
  char *type;   /* the last segment of the type's URI, e.g. "worksheet" */
  char *target; /* the part name it resolves to */
} Relationship;

typedef struct
{
  EvidentWorkbook         *workbook;
  EvidentXlsxArchive      *archive;
  const EvidentXlsxLimits *limits;
  GCancellable            *cancellable;

  const char              *rels_source; /* the part whose relationships are read */
  GHashTable              *rels;        /* Id → Relationship */
  const char              *strings_part;
  const char              *styles_part;
  EvidentXlsxStrings      *strings;
  EvidentXlsxStyles       *styles;
  GHashTable              *sheets_by_part;
  guint64                  n_cells;
  guint                    n_merges;
} Loader;

G_DEFINE_QUARK (evident-xlsx-error-quark, evident_xlsx_error)

/* Helpers */

static void
sheet_info_free (gpointer data)
{
  SheetInfo *info = data;

  g_clear_pointer (&info->sheet, evident_sheet_unref);
  g_free (info->rel_id);
  g_free (info->part);
  g_free (info);
}

static void
relationship_free (gpointer data)
{
  Relationship *rel = data;

  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->archive, evident_xlsx_archive_free);
  g_clear_pointer (&loader->rels, g_hash_table_unref);
  g_clear_pointer (&loader->strings, evident_xlsx_strings_free);
  g_clear_pointer (&loader->styles, evident_xlsx_styles_free);
  g_clear_pointer (&loader->sheets_by_part, g_hash_table_unref);
  g_clear_pointer (&loader->workbook, evident_workbook_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

static SheetInfo *
get_info (EvidentWorkbook *self, guint index)
{
  return g_ptr_array_index (self->sheets, index);
}

static void
set_too_many (Loader *loader, const char *part, GError **error)
{
  g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_TOO_LARGE,
               _("“%s” is too large to import: %s lists more than %u parts, far more than "
                 "any workbook."),
               loader->workbook->display_name, part, loader->limits->max_parts);
}

static gboolean
read_part (Loader *loader, const char *part, EvidentXlsxPartFunc func, GError **error)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  g_ptr_array_add (parts, (gpointer) part);
  return evident_xlsx_archive_read_parts (loader->archive, parts, func, loader,
                                          loader->cancellable, error);
}

static gboolean
read_rels_cb (EvidentXlsxStream *stream, const char *part, gpointer user_data, GError **error)
{
  Loader *loader = user_data;
  g_autoptr (EvidentXlsxXml) xml =
      evident_xlsx_xml_new (stream, loader->workbook->display_name, part);
  int     r;

  while ((r = evident_xlsx_xml_read (xml, error)) == 1)
    {
      g_autofree char *id = NULL;
      g_autofree char *type = NULL;
      g_autofree char *target = NULL;
      g_autofree char *mode = NULL;
      Relationship    *rel;

      if (!evident_xlsx_xml_is_element (xml, "Relationship"))
        continue;
      if (g_hash_table_size (loader->rels) >= loader->limits->max_parts)
        {
          set_too_many (loader, part, error);
          return FALSE;
        }
      id = evident_xlsx_xml_dup_attribute (xml, "Id");
      type = evident_xlsx_xml_dup_attribute (xml, "Type");
      target = evident_xlsx_xml_dup_attribute (xml, "Target");
      mode = evident_xlsx_xml_dup_attribute (xml, "TargetMode");
      if (id == NULL || type == NULL || target == NULL
          || g_strcmp0 (mode, "External") == 0 || g_hash_table_contains (loader->rels, id))
        continue;

      rel = g_new0 (Relationship, 1);
      rel->type = g_strdup (strrchr (type, '/') != NULL ? strrchr (type, '/') + 1 : type);
      rel->target = evident_xlsx_part_resolve (loader->rels_source, target);
      g_hash_table_insert (loader->rels, g_steal_pointer (&id), rel);
    }
  return r == 0;
}

/* Reads the relationships of @source (e.g. xl/_rels/workbook.xml.rels for
 * xl/workbook.xml, _rels/.rels for the package, "") into loader->rels.
 * The package may lack them, the workbook not. */
static gboolean
read_rels (Loader *loader, const char *source, gboolean *found, GError **error)
{
  const char      *slash = strrchr (source, '/');
  g_autofree char *rels_part = NULL;
  const char      *member;

  if (slash == NULL)
    rels_part = g_strdup_printf ("_rels/%s.rels", source);
  else
    rels_part = g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - source), source,
                                 slash + 1);

  g_clear_pointer (&loader->rels, g_hash_table_unref);
  loader->rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, relationship_free);
  loader->rels_source = source;

  member = evident_xlsx_archive_lookup (loader->archive, rels_part);
  *found = member != NULL;
  if (member == NULL)
    {
      if (*source != '\0')
        g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_MISSING_PART,
                     _("“%s” is incomplete: the list of its parts (%s) is missing. Open it "
                       "in your spreadsheet program and save it again."),
                     loader->workbook->display_name, rels_part);
      return *source == '\0';
    }
  return read_part (loader, member, read_rels_cb, error);
}

/* The target of the first relationship of @type, if its part exists. */
static const char *
find_rel_part (Loader *loader, const char *type, const char **target)
{
  GHashTableIter iter;
  Relationship  *rel;

  g_hash_table_iter_init (&iter, loader->rels);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &rel))
    {
      if (strcmp (rel->type, type) != 0)
        continue;
      if (target != NULL)
        *target = rel->target;
      return evident_xlsx_archive_lookup (loader->archive, rel->target);
    }
  return NULL;
}

static gboolean
find_workbook_part (Loader *loader, const char **workbook_part, GError **error)
{
  EvidentWorkbook *self = loader->workbook;
  gboolean         found;

  if (!read_rels (loader, "", &found, error))
    return FALSE;

  *workbook_part = find_rel_part (loader, REL_OFFICE_DOCUMENT, NULL);
  if (*workbook_part == NULL)
    *workbook_part = evident_xlsx_archive_lookup (loader->archive, "xl/workbook.xml");
  if (*workbook_part != NULL)
    return TRUE;

  if (evident_xlsx_archive_lookup (loader->archive, "content.xml") != NULL
      && evident_xlsx_archive_lookup (loader->archive, "mimetype") != NULL)
    g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_NOT_A_WORKBOOK,
                 _("“%s” is an OpenDocument spreadsheet, not an Excel workbook: open it in "
                   "your spreadsheet program and save it as .xlsx (Excel Workbook)."),
                 self->display_name);
  else
    g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_NOT_A_WORKBOOK,
                 _("“%s” is a zip archive but not an Excel workbook: it has no workbook "
                   "part (xl/workbook.xml)."),
                 self->display_name);
  return FALSE;
}

static void
add_sheet (Loader *loader, EvidentXlsxXml *xml)
{
  g_autofree char *name = evident_xlsx_xml_dup_attribute (xml, "name");
  g_autofree char *state = evident_xlsx_xml_dup_attribute (xml, "state");
  SheetInfo       *info = g_new0 (SheetInfo, 1);

  if (name == NULL)
    name = g_strdup_printf ("%u", loader->workbook->sheets->len + 1);
  info->sheet = evident_sheet_new (name);
  info->rel_id = evident_xlsx_xml_dup_rel_id (xml);
  info->hidden = state != NULL && strcmp (state, "visible") != 0;
  g_ptr_array_add (loader->workbook->sheets, info);
}

static gboolean
read_workbook_cb (EvidentXlsxStream *stream, const char *part, gpointer user_data, GError **error)
{
  Loader  *loader = user_data;
  g_autoptr (EvidentXlsxXml) xml =
      evident_xlsx_xml_new (stream, loader->workbook->display_name, part);
  gboolean in_sheets = FALSE;
  int      r;

  while ((r = evident_xlsx_xml_read (xml, error)) == 1)
    {
      if (evident_xlsx_xml_is_element (xml, "workbookPr"))
        {
          g_autofree char *date1904 = evident_xlsx_xml_dup_attribute (xml, "date1904");

          loader->workbook->date1904 =
              g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
        }
      else if (evident_xlsx_xml_is_element (xml, "sheets"))
        in_sheets = !xmlTextReaderIsEmptyElement (evident_xlsx_xml_get_reader (xml));
      else if (evident_xlsx_xml_is_end_element (xml, "sheets"))
        in_sheets = FALSE;
      else if (in_sheets && evident_xlsx_xml_is_element (xml, "sheet"))
        {
          /* Each sheet needs a part of its own. */
          if (loader->workbook->sheets->len >= loader->limits->max_parts)
            {
              set_too_many (loader, part, error);
              return FALSE;
            }
          add_sheet (loader, xml);
        }
    }
  return r == 0;
}

/* Finds each sheet's part through its r:id. */
static gboolean
resolve_sheets (Loader *loader, GError **error)
{
  EvidentWorkbook *self = loader->workbook;

  for (guint i = 0; i < self->sheets->len; i++)
    {
      SheetInfo    *info = get_info (self, i);
      const char   *name = evident_sheet_get_name (info->sheet);
      Relationship *rel = info->rel_id != NULL ? g_hash_table_lookup (loader->rels, info->rel_id)
                                               : NULL;
      const char   *part;

      if (rel == NULL)
        {
          g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_MISSING_PART,
                       _("“%s” is incomplete: sheet “%s” is missing from the list of its "
                         "parts. Open it in your spreadsheet program and save it again."),
                       self->display_name, name);
          return FALSE;
        }
      part = evident_xlsx_archive_lookup (loader->archive, rel->target);
      if (part == NULL)
        {
          g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_MISSING_PART,
                       _("“%s” is incomplete: sheet “%s” should be in %s, which is missing. "
                         "Open it in your spreadsheet program and save it again."),
                       self->display_name, name, rel->target);
          return FALSE;
        }
      info->part = g_strdup (part);
      info->chart = strcmp (rel->type, REL_CHARTSHEET) == 0;
      if (!info->chart && !g_hash_table_contains (loader->sheets_by_part, part))
        g_hash_table_insert (loader->sheets_by_part, info->part, info);
    }
  return TRUE;
}

static gboolean
read_shared_cb (EvidentXlsxStream *stream, const char *part, gpointer user_data, GError **error)
{
  Loader *loader = user_data;
  g_autoptr (EvidentXlsxXml) xml =
      evident_xlsx_xml_new (stream, loader->workbook->display_name, part);

  if (g_strcmp0 (part, loader->strings_part) == 0)
    return evident_xlsx_strings_parse (loader->strings, xml, loader->workbook->display_name,
                                       loader->limits->max_cells, loader->cancellable, error);
  return evident_xlsx_styles_parse (loader->styles, xml, error);
}

/* The shared strings and the styles, in one pass, whichever comes first.
 * A workbook without a relationship to its shared strings may still have
 * them where spreadsheets put them; a relationship to missing shared
 * strings is an error, to missing styles not (they only make dates). */
static gboolean
read_shared_parts (Loader *loader, const char *workbook_part, GError **error)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  const char *target = NULL;

  loader->strings_part = find_rel_part (loader, REL_SHARED_STRINGS, &target);
  if (loader->strings_part == NULL && target != NULL)
    {
      g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_MISSING_PART,
                   _("“%s” is incomplete: its shared texts (%s) are missing. Open it in your "
                     "spreadsheet program and save it again."),
                   loader->workbook->display_name, target);
      return FALSE;
    }
  if (loader->strings_part == NULL)
    {
      g_autofree char *guess = evident_xlsx_part_resolve (workbook_part, "sharedStrings.xml");

      loader->strings_part = evident_xlsx_archive_lookup (loader->archive, guess);
    }
  loader->styles_part = find_rel_part (loader, REL_STYLES, NULL);

  loader->styles = evident_xlsx_styles_new ();
  if (loader->styles_part != NULL)
    g_ptr_array_add (parts, (gpointer) loader->styles_part);
  if (loader->strings_part != NULL)
    {
      loader->strings = evident_xlsx_strings_new ();
      g_ptr_array_add (parts, (gpointer) loader->strings_part);
    }
  return evident_xlsx_archive_read_parts (loader->archive, parts, read_shared_cb, loader,
                                          loader->cancellable, error);
}

static gboolean
read_sheet_cb (EvidentXlsxStream *stream, const char *part, gpointer user_data, GError **error)
{
  Loader          *loader = user_data;
  SheetInfo       *info = g_hash_table_lookup (loader->sheets_by_part, part);
  const char      *name = evident_sheet_get_name (info->sheet);
  /* Translators: a place in a workbook, e.g. sheet “Security” (xl/worksheets/sheet1.xml) */
  g_autofree char *place = g_strdup_printf (_("sheet “%s” (%s)"), name, part);
  g_autoptr (EvidentXlsxXml) xml =
      evident_xlsx_xml_new (stream, loader->workbook->display_name, place);
  EvidentXlsxSheetContext context = {
    .display_name = loader->workbook->display_name,
    .strings = loader->strings,
    .styles = loader->styles,
    .date1904 = loader->workbook->date1904,
    .limits = loader->limits,
    .n_cells = &loader->n_cells,
    .n_merges = &loader->n_merges,
    .cancellable = loader->cancellable,
  };

  return evident_xlsx_sheet_parse (info->sheet, xml, &context, error);
}

/* Refuses what is not a zip archive, saying what it is when it can tell. */
static gboolean
check_kind (GBytes *bytes, const char *display_name, const EvidentXlsxLimits *limits,
            GError **error)
{
  g_autofree char *limit = NULL;

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_NOT_A_WORKBOOK,
                   _("“%s” is empty."), display_name);
      return FALSE;
    }
  if (g_bytes_get_size (bytes) > limits->max_file_size)
    {
      limit = g_format_size (limits->max_file_size);
      g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_TOO_LARGE,
                   _("“%s” is too large to import: it is larger than %s."), display_name,
                   limit);
      return FALSE;
    }

  switch (evident_xlsx_sniff (bytes))
    {
    case EVIDENT_XLSX_KIND_ZIP:
      return TRUE;
    case EVIDENT_XLSX_KIND_ENCRYPTED:
      g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_ENCRYPTED,
                   _("“%s” is protected with a password: open it in your spreadsheet "
                     "program and save it without a password."),
                   display_name);
      return FALSE;
    case EVIDENT_XLSX_KIND_XLS:
      g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_OLD_FORMAT,
                   _("“%s” is an Excel 97–2003 workbook (.xls): open it in your "
                     "spreadsheet program and save it as .xlsx (Excel Workbook)."),
                   display_name);
      return FALSE;
    case EVIDENT_XLSX_KIND_COMPOUND:
      g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_NOT_A_WORKBOOK,
                   _("“%s” is an older Microsoft Office file, not an Excel workbook (.xlsx)."),
                   display_name);
      return FALSE;
    case EVIDENT_XLSX_KIND_UNKNOWN:
    default:
      g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_NOT_A_WORKBOOK,
                   _("“%s” is not an Excel workbook (.xlsx): open it in your spreadsheet "
                     "program and save it as .xlsx (Excel Workbook)."),
                   display_name);
      return FALSE;
    }
}

static gboolean
load (Loader *loader, GError **error)
{
  EvidentWorkbook  *self = loader->workbook;
  g_autoptr (GPtrArray) sheet_parts = g_ptr_array_new ();
  g_autofree char  *workbook_part = NULL;
  const char       *part;
  gboolean          found;
  SheetInfo        *info;

  if (!find_workbook_part (loader, &part, error))
    return FALSE;
  workbook_part = g_strdup (part);
  if (!read_part (loader, workbook_part, read_workbook_cb, error))
    return FALSE;
  if (self->sheets->len == 0)
    {
      g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_MALFORMED,
                   _("“%s” is damaged: its workbook part (%s) lists no sheets. Open it in "
                     "your spreadsheet program and save it again."),
                   self->display_name, workbook_part);
      return FALSE;
    }

  if (!read_rels (loader, workbook_part, &found, error) || !resolve_sheets (loader, error)
      || !read_shared_parts (loader, workbook_part, error))
    return FALSE;

  /* Chart sheets have no cells; a part two sheets share is read once. */
  for (guint i = 0; i < self->sheets->len; i++)
    {
      info = get_info (self, i);
      if (g_hash_table_lookup (loader->sheets_by_part, info->part) == info)
        g_ptr_array_add (sheet_parts, info->part);
    }
  return evident_xlsx_archive_read_parts (loader->archive, sheet_parts, read_sheet_cb, loader,
                                          loader->cancellable, error);
}

/* Public API */

/**
 * evident_xlsx_limits_init:
 *
 * Fills @limits with the limits evident_workbook_load() applies: a file of
 * up to 64 MiB that unpacks to at most 256 MiB in all and 128 MiB per part,
 * at most 100 times its size once past 8 MiB, with at most 10,000 members,
 * 8 million cells spanned and 100,000 merged ranges.
 */
void
evident_xlsx_limits_init (EvidentXlsxLimits *limits)
{
  limits->max_file_size = 64 * 1024 * 1024;
  limits->max_total_size = 256 * 1024 * 1024;
  limits->max_part_size = 128 * 1024 * 1024;
  limits->max_ratio = 100;
  limits->ratio_floor = 8 * 1024 * 1024;
  limits->max_parts = 10000;
  limits->max_cells = 8000000;
  limits->max_merges = 100000;
}

EvidentWorkbook *
evident_workbook_load_with_limits (GBytes                  *bytes,
                                   const char              *display_name,
                                   const EvidentXlsxLimits *limits,
                                   GCancellable            *cancellable,
                                   GError                 **error)
{
  g_auto (Loader) loader = { NULL };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_kind (bytes, display_name, limits, error))
    return NULL;

  loader.workbook = g_new0 (EvidentWorkbook, 1);
  g_atomic_ref_count_init (&loader.workbook->ref_count);
  loader.workbook->bytes = g_bytes_ref (bytes);
  loader.workbook->display_name = g_strdup (display_name);
  loader.workbook->sheets = g_ptr_array_new_with_free_func (sheet_info_free);
  loader.limits = limits;
  loader.cancellable = cancellable;
  loader.sheets_by_part = g_hash_table_new (g_str_hash, g_str_equal);

  loader.archive = evident_xlsx_archive_open (bytes, display_name, limits, error);
  if (loader.archive == NULL || !load (&loader, error))
    return NULL;
  return g_steal_pointer (&loader.workbook);
}

/**
 * evident_workbook_load:
 * @bytes: the file's contents
 * @display_name: the file's name as messages show it, e.g. "audit.xlsx"
 * @cancellable: (nullable): checked between parts and rows
 *
 * Reads a workbook with the limits of evident_xlsx_limits_init().
 *
 * Returns: (transfer full) (nullable): the workbook, or %NULL with @error
 *   set in the #EVIDENT_XLSX_ERROR domain (or %G_IO_ERROR_CANCELLED)
 */
EvidentWorkbook *
evident_workbook_load (GBytes       *bytes,
                       const char   *display_name,
                       GCancellable *cancellable,
                       GError      **error)
{
  EvidentXlsxLimits limits;

  evident_xlsx_limits_init (&limits);
  return evident_workbook_load_with_limits (bytes, display_name, &limits, cancellable, error);
}

/**
 * evident_workbook_load_file:
 *
 * Reads @file as evident_workbook_load() reads bytes, named by its display
 * name; a file over the size limit is refused before it is read.
 *
 * Returns: (transfer full) (nullable): the workbook, or %NULL with @error set
 *   (%G_IO_ERROR when the file cannot be read)
 */
EvidentWorkbook *
evident_workbook_load_file (GFile        *file,
                            GCancellable *cancellable,
                            GError      **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;
  EvidentXlsxLimits limits;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  evident_xlsx_limits_init (&limits);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if ((guint64) g_file_info_get_size (info) > limits.max_file_size)
    {
      g_autofree char *limit = g_format_size (limits.max_file_size);

      g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_TOO_LARGE,
                   _("“%s” is too large to import: it is larger than %s."),
                   g_file_info_get_display_name (info), limit);
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  return evident_workbook_load_with_limits (bytes, g_file_info_get_display_name (info), &limits,
                                            cancellable, error);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError          *error = NULL;
  EvidentWorkbook *workbook = evident_workbook_load_file (task_data, cancellable, &error);

  if (workbook == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, workbook, (GDestroyNotify) evident_workbook_unref);
}

/**
 * evident_workbook_load_file_async:
 * @cancellable: (nullable): checked between parts and rows
 *
 * Reads @file as evident_workbook_load_file() does, on a worker thread.
 */
void
evident_workbook_load_file_async (GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_workbook_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * evident_workbook_load_file_finish:
 *
 * Returns: (transfer full) (nullable): the workbook, or %NULL with @error set
 */
EvidentWorkbook *
evident_workbook_load_file_finish (GAsyncResult *result,
                                   GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == evident_workbook_load_file_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

EvidentWorkbook *
evident_workbook_ref (EvidentWorkbook *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
evident_workbook_unref (EvidentWorkbook *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_bytes_unref (self->bytes);
  g_free (self->display_name);
  g_ptr_array_unref (self->sheets);
  g_free (self);
}

const char *
evident_workbook_get_display_name (EvidentWorkbook *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->display_name;
}

/**
 * evident_workbook_get_bytes:
 *
 * Returns: (transfer none): the file as it was read, for an export that
 *   patches a copy of it
 */
GBytes *
evident_workbook_get_bytes (EvidentWorkbook *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->bytes;
}

/**
 * evident_workbook_get_date1904:
 *
 * Returns: whether the workbook counts dates from 1904 (old Mac workbooks)
 */
gboolean
evident_workbook_get_date1904 (EvidentWorkbook *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->date1904;
}

guint
evident_workbook_get_n_sheets (EvidentWorkbook *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sheets->len;
}

/**
 * evident_workbook_get_sheet:
 * @index: from 0, in the order the workbook shows its sheets
 *
 * Returns: (transfer none): the sheet, named as in the workbook
 */
EvidentSheet *
evident_workbook_get_sheet (EvidentWorkbook *self,
                            guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sheets->len, NULL);
  return get_info (self, index)->sheet;
}

/**
 * evident_workbook_get_sheet_part:
 *
 * Returns: the zip member that holds the sheet, spelled as in the archive,
 *   e.g. "xl/worksheets/sheet2.xml"
 */
const char *
evident_workbook_get_sheet_part (EvidentWorkbook *self,
                                 guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sheets->len, NULL);
  return get_info (self, index)->part;
}

/**
 * evident_workbook_get_sheet_hidden:
 *
 * Returns: whether the sheet is hidden ("hidden" or "veryHidden")
 */
gboolean
evident_workbook_get_sheet_hidden (EvidentWorkbook *self,
                                   guint            index)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->sheets->len, FALSE);
  return get_info (self, index)->hidden;
}

/**
 * evident_workbook_find_sheet:
 * @name: a sheet's name, case ignored as spreadsheets ignore it
 *
 * Returns: the sheet's index, or -1 when there is none of that name
 */
int
evident_workbook_find_sheet (EvidentWorkbook *self,
                             const char      *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < self->sheets->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (evident_sheet_get_name (get_info (self, i)->sheet), -1);

      if (strcmp (folded, other) == 0)
        return i;
    }
  return -1;
}
