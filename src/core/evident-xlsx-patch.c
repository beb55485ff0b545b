/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "evident-atomic-write.h"
#include "evident-xlsx-patch-private.h"

/* Writes cells into a copy of a workbook, changing as little as it can:
 * the copy is made with libzip, which copies every member it is not told to
 * change as it was (compressed bytes included); only the worksheets written
 * to are replaced, and within them only the cells written (see
 * evident-xlsx-splice.c). When a written cell had a formula, the calculation
 * chain, which would point at it, is dropped for Excel to rebuild.
 *
 * The workbook comes from someone else: a part is unpacked only when it is
 * needed and only within size limits, and its XML is scanned with DTDs
 * refused (see evident-xml-scan.c). */

#define MAX_ROWS      1048576
#define MAX_COLUMNS   16384

#define NS_CONTENT_TYPES "http://schemas.openxmlformats.org/package/2006/content-types"
#define NS_PACKAGE_RELS  "http://schemas.openxmlformats.org/package/2006/relationships"

typedef struct
{
  char     *name;
  char     *part;
  gboolean  worksheet;
} SheetInfo;

typedef struct
{
  char  *id;
  char  *type;
  char  *target; /* resolved part name; NULL for an external target */
  gsize  start;
  gsize  end;
} Relationship;

typedef struct
{
  const char   *name;
  GBytes       *original;
  zip_source_t *source;
  zip_t        *zip;
  GPtrArray    *sheets;      /* of SheetInfo */
  GPtrArray    *keep;        /* of GBytes, the new parts, until the zip is closed */
  char         *workbook_part;
  gboolean      changed;
} Patch;

/* A write with its place in the caller's array, to keep the last of two
 * writes to one cell. */
typedef struct
{
  EvidentSpliceWrite write;
  guint              index;
} SheetWrite;

G_DEFINE_QUARK (evident-xlsx-patch-error-quark, evident_xlsx_patch_error)

static void
sheet_info_free (gpointer data)
{
  SheetInfo *sheet = data;

  g_free (sheet->name);
  g_free (sheet->part);
  g_free (sheet);
}

static void
relationship_clear (gpointer data)
{
  Relationship *rel = data;

  g_free (rel->id);
  g_free (rel->type);
  g_free (rel->target);
}

static void
patch_clear (Patch *self)
{
  if (self->zip != NULL)
    zip_discard (self->zip);
  if (self->source != NULL)
    zip_source_free (self->source);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->keep, g_ptr_array_unref);
  g_clear_pointer (&self->workbook_part, g_free);
}

static gboolean
part_equal (const char *a,
            const char *b)
{
  /* Part names in a package compare without regard to ASCII case. */
  return a != NULL && b != NULL && g_ascii_strcasecmp (a, b) == 0;
}

/* @target of a relationship of @source, as a part name without leading
 * '/': "worksheets/sheet1.xml" of "xl/workbook.xml" is
 * "xl/worksheets/sheet1.xml". */
static char *
resolve_target (const char *source,
                const char *target)
{
  g_autoptr (GPtrArray) segments = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_auto (GStrv) parts = NULL;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    {
      const char *slash = strrchr (source, '/');

      joined = slash ? g_strdup_printf ("%.*s/%s", (int) (slash - source), source, target)
                     : g_strdup (target);
    }

  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (segments->len > 0)
            g_ptr_array_remove_index (segments, segments->len - 1);
          continue;
        }
      g_ptr_array_add (segments, g_strdup (parts[i]));
    }
  g_ptr_array_add (segments, NULL);
  return g_strjoinv ("/", (char **) segments->pdata);
}

/* The relationships part of @part: "xl/_rels/workbook.xml.rels". */
static char *
rels_part_for (const char *part)
{
  const char *slash = strrchr (part, '/');

  if (slash == NULL)
    return g_strdup_printf ("_rels/%s.rels", part);
  return g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - part), part, slash + 1);
}

static gboolean
type_is (const char *type,
         const char *kind)
{
  return type != NULL && g_str_has_suffix (type, kind)
         && type[strlen (type) - strlen (kind) - 1] == '/';
}

static void
set_damaged_part (GError     **error,
                  Patch       *self,
                  const char  *part,
                  const char  *detail)
{
  /* Translators: the last %s says what is wrong, e.g. "it is empty"
   * (or a technical detail in English) */
  g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_DAMAGED,
               _("“%s” is damaged: its part %s cannot be read (%s). Open the workbook in a "
                 "spreadsheet program, save it and import it again."),
               self->name, part, detail);
}

static void
set_not_xlsx (GError     **error,
              Patch       *self,
              const char  *detail)
{
  /* Translators: the last %s is a technical detail in English */
  g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_NOT_XLSX,
               _("“%s” is not an Excel workbook (.xlsx) or is damaged (%s)"), self->name, detail);
}

/* The uncompressed content of @part, within the limits; %NULL and no
 * error when an optional part is absent. */
static GBytes *
read_part (Patch       *self,
           const char  *part,
           gboolean     required,
           GError     **error)
{
  zip_int64_t index = zip_name_locate (self->zip, part, ZIP_FL_NOCASE);
  zip_stat_t st;
  zip_file_t *file;
  guint8 *data;
  zip_int64_t n;

  if (index < 0)
    {
      if (required)
        set_damaged_part (error, self, part, "missing");
      return NULL;
    }
  if (zip_stat_index (self->zip, index, 0, &st) != 0)
    {
      set_damaged_part (error, self, part, zip_strerror (self->zip));
      return NULL;
    }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    {
      g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_NOT_XLSX,
                   _("“%s” is protected with a password: open it in a spreadsheet program, "
                     "save it without a password and import it again"),
                   self->name);
      return NULL;
    }
  if (st.size > EVIDENT_XLSX_PATCH_MAX_PART_SIZE
      || (st.size > EVIDENT_XLSX_PATCH_RATIO_GRACE
          && st.size / MAX (st.comp_size, 1) > EVIDENT_XLSX_PATCH_MAX_RATIO))
    {
      g_autofree char *size = g_format_size (st.size);
      g_autofree char *compressed = g_format_size (st.comp_size);

      g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_UNSAFE,
                   _("“%s” is refused: its part %s would unpack from %s to %s, beyond the limits "
                     "for a workbook (a zip bomb?)"),
                   self->name, part, compressed, size);
      return NULL;
    }

  file = zip_fopen_index (self->zip, index, 0);
  if (file == NULL)
    {
      set_damaged_part (error, self, part, zip_strerror (self->zip));
      return NULL;
    }
  /* One byte more than announced shows a member that unpacks to more. */
  data = g_malloc (st.size + 1);
  n = zip_fread (file, data, st.size + 1);
  if (n != (zip_int64_t) st.size)
    {
      set_damaged_part (error, self, part,
                        n < 0 ? zip_file_strerror (file) : "size differs from the directory");
      zip_fclose (file);
      g_free (data);
      return NULL;
    }
  zip_fclose (file);
  return g_bytes_new_take (data, st.size);
}

/* Scans an XML part; turns the scan's errors into messages for the user. */
static gboolean
scan_part (Patch               *self,
           const char          *part,
           GBytes              *bytes,
           EvidentXmlStartFunc  start,
           gpointer             user_data,
           GError             **error)
{
  g_autoptr (GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (evident_xml_scan (data, size, start, NULL, user_data, &local_error))
    return TRUE;

  if (g_error_matches (local_error, EVIDENT_XML_SCAN_ERROR, EVIDENT_XML_SCAN_ERROR_DTD))
    g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_UNSAFE,
                 _("“%s” is refused: its part %s has a document type declaration (DTD), which "
                   "workbooks never need"),
                 self->name, part);
  else if (local_error->domain == EVIDENT_XML_SCAN_ERROR)
    set_damaged_part (error, self, part, local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

typedef struct
{
  const char *part;
  GArray     *rels;
} RelsScan;

static gboolean
rels_start_cb (const EvidentXmlElement  *element,
               gpointer                  user_data,
               GError                  **error)
{
  RelsScan *scan = user_data;
  g_autofree char *mode = NULL;
  g_autofree char *target = NULL;
  Relationship rel = { 0 };

  if (element->depth != 1 || strcmp (element->name, "Relationship") != 0
      || g_strcmp0 (element->uri, NS_PACKAGE_RELS) != 0)
    return TRUE;

  mode = evident_xml_element_get_attribute (element, "TargetMode", NULL);
  target = evident_xml_element_get_attribute (element, "Target", NULL);
  rel.id = evident_xml_element_get_attribute (element, "Id", NULL);
  rel.type = evident_xml_element_get_attribute (element, "Type", NULL);
  if (target != NULL && g_strcmp0 (mode, "External") != 0)
    rel.target = resolve_target (scan->part, target);
  rel.start = element->start;
  rel.end = element->content; /* a Relationship is empty */
  g_array_append_val (scan->rels, rel);
  return TRUE;
}

/* The relationships of @part (an array of Relationship), and, in @bytes,
 * the relationships part itself. */
static GArray *
read_rels (Patch       *self,
           const char  *part,
           GBytes     **bytes,
           GError     **error)
{
  g_autofree char *rels_part = rels_part_for (part);
  g_autoptr (GBytes) content = read_part (self, rels_part, TRUE, error);
  RelsScan scan = { part, g_array_new (FALSE, TRUE, sizeof (Relationship)) };

  g_array_set_clear_func (scan.rels, relationship_clear);
  if (content == NULL || !scan_part (self, rels_part, content, rels_start_cb, &scan, error))
    {
      g_array_unref (scan.rels);
      return NULL;
    }
  if (bytes != NULL)
    *bytes = g_steal_pointer (&content);
  return scan.rels;
}

typedef struct
{
  GPtrArray *sheets; /* of SheetInfo, with the r:id as part until resolved */
  gboolean   in_sheets;
  gboolean   is_workbook;
} WorkbookScan;

static gboolean
workbook_start_cb (const EvidentXmlElement  *element,
                   gpointer                  user_data,
                   GError                  **error)
{
  WorkbookScan *scan = user_data;
  SheetInfo *sheet;

  if (element->depth == 0)
    scan->is_workbook = evident_xml_element_is (element, "workbook");
  if (element->depth == 1)
    scan->in_sheets = evident_xml_element_is (element, "sheets");
  if (!scan->in_sheets || element->depth != 2 || !evident_xml_element_is (element, "sheet"))
    return TRUE;

  sheet = g_new0 (SheetInfo, 1);
  sheet->name = evident_xml_element_get_attribute (element, "name", NULL);
  sheet->part = evident_xml_element_get_attribute (element, "id", EVIDENT_XLSX_NS_REL);
  if (sheet->part == NULL)
    sheet->part = evident_xml_element_get_attribute (element, "id", EVIDENT_XLSX_NS_REL_STRICT);
  g_ptr_array_add (scan->sheets, sheet);
  return TRUE;
}

/* Finds the workbook part and its sheets: their names and parts. */
static gboolean
read_workbook (Patch   *self,
               GError **error)
{
  g_autoptr (GArray) root_rels = NULL;
  g_autoptr (GArray) rels = NULL;
  g_autoptr (GBytes) workbook = NULL;
  g_autoptr (GError) local_error = NULL;
  WorkbookScan scan = { NULL, FALSE, FALSE };

  /* The package's relationships name the workbook part; a package
   * without them has it in the usual place. */
  if (zip_name_locate (self->zip, "_rels/.rels", ZIP_FL_NOCASE) >= 0)
    {
      root_rels = read_rels (self, "", NULL, error);
      if (root_rels == NULL)
        return FALSE;
      for (guint i = 0; i < root_rels->len && self->workbook_part == NULL; i++)
        {
          const Relationship *rel = &g_array_index (root_rels, Relationship, i);

          if (type_is (rel->type, "officeDocument") && rel->target != NULL)
            self->workbook_part = g_strdup (rel->target);
        }
    }
  if (self->workbook_part == NULL)
    self->workbook_part = g_strdup ("xl/workbook.xml");

  workbook = read_part (self, self->workbook_part, FALSE, &local_error);
  if (workbook == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_not_xlsx (error, self, "no workbook part");
      return FALSE;
    }
  rels = read_rels (self, self->workbook_part, NULL, error);
  if (rels == NULL)
    return FALSE;

  scan.sheets = self->sheets;
  if (!scan_part (self, self->workbook_part, workbook, workbook_start_cb, &scan, error))
    return FALSE;
  if (!scan.is_workbook)
    {
      set_not_xlsx (error, self, "no workbook part");
      return FALSE;
    }

  for (guint s = 0; s < self->sheets->len; s++)
    {
      SheetInfo *sheet = g_ptr_array_index (self->sheets, s);
      g_autofree char *id = g_steal_pointer (&sheet->part);

      for (guint i = 0; i < rels->len; i++)
        {
          const Relationship *rel = &g_array_index (rels, Relationship, i);

          if (id != NULL && g_strcmp0 (rel->id, id) == 0 && rel->target != NULL)
            {
              sheet->part = g_strdup (rel->target);
              sheet->worksheet = type_is (rel->type, "worksheet");
            }
        }
    }
  return TRUE;
}

static gboolean
open_zip (Patch   *self,
          GError **error)
{
  static const guint8 ole[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  gsize size;
  const guint8 *data = g_bytes_get_data (self->original, &size);
  zip_error_t zerror;
  void *copy;

  /* An old .xls and a workbook encrypted with a password are both OLE
   * compound files. */
  if (size >= sizeof ole && memcmp (data, ole, sizeof ole) == 0)
    {
      g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_NOT_XLSX,
                   _("“%s” is an old Excel workbook (.xls) or protected with a password: open it "
                     "in a spreadsheet program and save it as an .xlsx workbook without a "
                     "password"),
                   self->name);
      return FALSE;
    }

  /* libzip gets a copy of its own: libzip 1.7 may free fragments of a
   * buffer it does not own when it writes the new archive into it. */
  /* libzip would take an empty file for a new, empty archive. */
  if (size < 4 || memcmp (data, "PK", 2) != 0)
    {
      set_not_xlsx (error, self, "not a zip file");
      return FALSE;
    }

  zip_error_init (&zerror);
  copy = size > 0 ? malloc (size) : NULL;
  if (size > 0 && copy == NULL)
    g_error ("out of memory copying a workbook of %" G_GSIZE_FORMAT " bytes", size);
  if (copy != NULL)
    memcpy (copy, data, size);
  self->source = zip_source_buffer_create (copy, size, 1, &zerror);
  if (self->source == NULL)
    free (copy);
  /* The archive takes the source; a second reference keeps it for reading
   * the copy back once the archive is closed. */
  if (self->source != NULL)
    self->zip = zip_open_from_source (self->source, 0, &zerror);
  if (self->zip != NULL)
    zip_source_keep (self->source);
  if (self->zip == NULL)
    {
      set_not_xlsx (error, self, zip_error_strerror (&zerror));
      zip_error_fini (&zerror);
      return FALSE;
    }
  zip_error_fini (&zerror);
  return TRUE;
}

static gboolean
replace_part (Patch       *self,
              const char  *part,
              GBytes      *content,
              GError     **error)
{
  zip_int64_t index = zip_name_locate (self->zip, part, ZIP_FL_NOCASE);
  zip_source_t *source;
  zip_stat_t st;
  gsize size;
  const void *data = g_bytes_get_data (content, &size);

  g_assert (index >= 0);
  zip_stat_index (self->zip, index, 0, &st);
  g_ptr_array_add (self->keep, g_bytes_ref (content));
  source = zip_source_buffer (self->zip, data, size, 0);
  if (source == NULL || zip_file_replace (self->zip, index, source, 0) != 0)
    {
      if (source != NULL)
        zip_source_free (source);
      set_damaged_part (error, self, part, zip_strerror (self->zip));
      return FALSE;
    }
  /* The new part keeps the old one's date; it is compressed as usual. */
  if (st.valid & ZIP_STAT_MTIME)
    zip_file_set_mtime (self->zip, index, st.mtime, 0);
  zip_set_file_compression (self->zip, index, ZIP_CM_DEFLATE, 0);
  self->changed = TRUE;
  return TRUE;
}

static GBytes *
remove_span (GBytes *bytes,
             gsize   start,
             gsize   end)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  GString *out = g_string_sized_new (size);

  g_string_append_len (out, data, start);
  g_string_append_len (out, data + end, size - end);
  return g_string_free_to_bytes (out);
}

typedef struct
{
  const char *part;
  gsize       start;
  gsize       end;
} OverrideScan;

static gboolean
override_start_cb (const EvidentXmlElement  *element,
                   gpointer                  user_data,
                   GError                  **error)
{
  OverrideScan *scan = user_data;
  g_autofree char *name = NULL;

  if (element->depth != 1 || strcmp (element->name, "Override") != 0
      || g_strcmp0 (element->uri, NS_CONTENT_TYPES) != 0)
    return TRUE;
  name = evident_xml_element_get_attribute (element, "PartName", NULL);
  if (name != NULL && part_equal (name[0] == '/' ? name + 1 : name, scan->part))
    {
      scan->start = element->start;
      scan->end = element->content;
    }
  return TRUE;
}

/* Drops the calculation chain, its relationship and its content type:
 * it lists the cells with formulas, and Excel repairs a workbook whose
 * chain names a cell without one. Excel builds a new chain on opening. */
static gboolean
remove_calc_chain (Patch   *self,
                   GError **error)
{
  g_autoptr (GBytes) rels_bytes = NULL;
  g_autoptr (GArray) rels = read_rels (self, self->workbook_part, &rels_bytes, error);
  g_autofree char *rels_part = rels_part_for (self->workbook_part);
  g_autoptr (GBytes) types = NULL;
  g_autoptr (GBytes) new_rels = NULL;
  g_autoptr (GBytes) new_types = NULL;
  const Relationship *chain = NULL;
  OverrideScan scan = { NULL, 0, 0 };
  zip_int64_t index;

  if (rels == NULL)
    return FALSE;
  for (guint i = 0; i < rels->len && chain == NULL; i++)
    if (type_is (g_array_index (rels, Relationship, i).type, "calcChain"))
      chain = &g_array_index (rels, Relationship, i);
  if (chain == NULL || chain->target == NULL)
    return TRUE;

  types = read_part (self, "[Content_Types].xml", TRUE, error);
  scan.part = chain->target;
  if (types == NULL
      || !scan_part (self, "[Content_Types].xml", types, override_start_cb, &scan, error))
    return FALSE;

  new_rels = remove_span (rels_bytes, chain->start, chain->end);
  if (!replace_part (self, rels_part, new_rels, error))
    return FALSE;
  if (scan.end > scan.start)
    {
      new_types = remove_span (types, scan.start, scan.end);
      if (!replace_part (self, "[Content_Types].xml", new_types, error))
        return FALSE;
    }
  index = zip_name_locate (self->zip, chain->target, ZIP_FL_NOCASE);
  if (index >= 0)
    zip_delete (self->zip, index);
  return TRUE;
}

/* The sheet a write names. */
static SheetInfo *
find_sheet (Patch                   *self,
            const EvidentCellWrite  *write,
            GError                 **error)
{
  SheetInfo *by_name = NULL;
  SheetInfo *by_part = NULL;

  if (write->sheet_name != NULL)
    {
      g_autofree char *wanted = g_utf8_casefold (write->sheet_name, -1);

      for (guint i = 0; i < self->sheets->len && by_name == NULL; i++)
        {
          SheetInfo *sheet = g_ptr_array_index (self->sheets, i);

          if (g_strcmp0 (sheet->name, write->sheet_name) == 0)
            by_name = sheet;
        }
      for (guint i = 0; i < self->sheets->len && by_name == NULL; i++)
        {
          SheetInfo *sheet = g_ptr_array_index (self->sheets, i);
          g_autofree char *name = sheet->name ? g_utf8_casefold (sheet->name, -1) : NULL;

          if (g_strcmp0 (name, wanted) == 0)
            by_name = sheet;
        }
      if (by_name == NULL)
        {
          g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_NO_SUCH_SHEET,
                       _("“%s” has no sheet “%s”"), self->name, write->sheet_name);
          return NULL;
        }
    }

  if (write->sheet_part != NULL)
    {
      const char *part = write->sheet_part[0] == '/' ? write->sheet_part + 1 : write->sheet_part;

      for (guint i = 0; i < self->sheets->len && by_part == NULL; i++)
        {
          SheetInfo *sheet = g_ptr_array_index (self->sheets, i);

          if (part_equal (sheet->part, part))
            by_part = sheet;
        }
      if (by_part == NULL || (by_name != NULL && by_name != by_part))
        {
          if (by_name != NULL)
            g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_NO_SUCH_SHEET,
                         _("“%s” has no sheet “%s” stored as %s"), self->name, write->sheet_name,
                         write->sheet_part);
          else
            g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_NO_SUCH_SHEET,
                         _("“%s” has no sheet stored as %s"), self->name, write->sheet_part);
          return NULL;
        }
    }

  by_name = by_name ? by_name : by_part;
  g_return_val_if_fail (by_name != NULL, NULL);
  if (by_name->part == NULL)
    {
      g_autofree char *detail = g_strdup_printf ("no part for sheet “%s”", by_name->name);

      set_damaged_part (error, self, self->workbook_part, detail);
      return NULL;
    }
  if (!by_name->worksheet)
    {
      g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_NO_SUCH_SHEET,
                   _("Sheet “%s” of “%s” is not a worksheet (a chart sheet?); its cells cannot be "
                     "written"),
                   by_name->name, self->name);
      return NULL;
    }
  return by_name;
}

static gboolean
check_write (Patch                   *self,
             const SheetInfo         *sheet,
             const EvidentCellWrite  *write,
             GError                 **error)
{
  g_autofree char *cell = evident_xlsx_cell_name (write->row, write->column);

  if (write->row >= MAX_ROWS || write->column >= MAX_COLUMNS)
    g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_BAD_CELL,
                 _("Cannot write cell %s of sheet “%s” in “%s”: it is outside the sheet"), cell,
                 sheet->name, self->name);
  else if (write->value != NULL && !g_utf8_validate (write->value, -1, NULL))
    g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_BAD_CELL,
                 _("Cannot write cell %s of sheet “%s” in “%s”: the text is not valid UTF-8"),
                 cell, sheet->name, self->name);
  else if (write->value != NULL && !evident_xlsx_text_fits_cell (write->value))
    g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_BAD_CELL,
                 _("Cannot write cell %s of sheet “%s” in “%s”: the text is longer than the "
                   "32,767 characters a cell can hold; shorten it"),
                 cell, sheet->name, self->name);
  else
    return TRUE;
  return FALSE;
}

static int
compare_sheet_writes (gconstpointer a,
                      gconstpointer b)
{
  const SheetWrite *x = a;
  const SheetWrite *y = b;

  if (x->write.row != y->write.row)
    return x->write.row < y->write.row ? -1 : 1;
  if (x->write.column != y->write.column)
    return x->write.column < y->write.column ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Writes @writes (of SheetWrite) into @sheet's part. */
static gboolean
patch_sheet (Patch      *self,
             SheetInfo  *sheet,
             GArray     *writes,
             gboolean   *removed_formula,
             GError    **error)
{
  g_autoptr (GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (EvidentSpliceWrite),
                                                 writes->len);
  g_autoptr (GBytes) content = NULL;
  g_autoptr (GBytes) patched = NULL;
  EvidentSpliceContext context = { self->name, sheet->name, FALSE };
  gsize size;
  const char *data;

  /* In row and column order; of two writes to one cell, the later wins. */
  g_array_sort (writes, compare_sheet_writes);
  for (guint i = 0; i < writes->len; i++)
    {
      const SheetWrite *write = &g_array_index (writes, SheetWrite, i);
      const SheetWrite *next = i + 1 < writes->len ? write + 1 : NULL;

      if (next != NULL && next->write.row == write->write.row
          && next->write.column == write->write.column)
        continue;
      g_array_append_val (sorted, write->write);
    }

  content = read_part (self, sheet->part, TRUE, error);
  if (content == NULL)
    return FALSE;
  data = g_bytes_get_data (content, &size);
  patched = evident_xlsx_splice_sheet (data, size, (EvidentSpliceWrite *) (void *) sorted->data,
                                       sorted->len, &context, error);
  if (patched == NULL || !replace_part (self, sheet->part, patched, error))
    return FALSE;
  *removed_formula |= context.removed_formula;
  return TRUE;
}

/* Closes the copy and returns its bytes. */
static GBytes *
finish (Patch   *self,
        GError **error)
{
  zip_stat_t st;
  guint8 *data;
  zip_int64_t n;

  if (!self->changed)
    return g_bytes_ref (self->original);

  if (zip_close (self->zip) != 0)
    {
      g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_DAMAGED,
                   _("Could not write a copy of “%s”: %s"), self->name, zip_strerror (self->zip));
      return NULL;
    }
  self->zip = NULL;

  if (zip_source_open (self->source) != 0)
    goto failed;
  if (zip_source_stat (self->source, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
    {
      zip_source_close (self->source);
      goto failed;
    }
  data = g_malloc (MAX (st.size, 1));
  n = zip_source_read (self->source, data, st.size);
  zip_source_close (self->source);
  if (n != (zip_int64_t) st.size)
    {
      g_free (data);
      goto failed;
    }
  return g_bytes_new_take (data, st.size);

failed:
  g_set_error (error, EVIDENT_XLSX_PATCH_ERROR, EVIDENT_XLSX_PATCH_ERROR_DAMAGED,
               _("Could not write a copy of “%s”: %s"), self->name,
               zip_error_strerror (zip_source_error (self->source)));
  return NULL;
}

static void
free_writes (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

/* Groups the writes by sheet (an array of SheetWrite per sheet, or NULL),
 * checking each. */
static GPtrArray *
group_writes (Patch                   *self,
              const EvidentCellWrite  *writes,
              guint                    n_writes,
              GError                 **error)
{
  g_autoptr (GPtrArray) groups = g_ptr_array_new_full (self->sheets->len, free_writes);

  g_ptr_array_set_size (groups, self->sheets->len);
  for (guint i = 0; i < n_writes; i++)
    {
      SheetInfo *sheet = find_sheet (self, &writes[i], error);
      SheetWrite write;
      guint s;

      if (sheet == NULL || !check_write (self, sheet, &writes[i], error))
        return NULL;
      g_assert (g_ptr_array_find (self->sheets, sheet, &s));
      if (groups->pdata[s] == NULL)
        groups->pdata[s] = g_array_new (FALSE, FALSE, sizeof (SheetWrite));

      write.write.row = writes[i].row;
      write.write.column = writes[i].column;
      write.write.value = writes[i].value;
      write.index = i;
      g_array_append_val (groups->pdata[s], write);
    }
  return g_steal_pointer (&groups);
}

/**
 * evident_xlsx_patch:
 * @original: the workbook (.xlsx) to copy
 * @name: the workbook's file name as the user knows it, for messages
 * @writes: (array length=n_writes): the cells to write
 * @n_writes: how many
 * @cancellable: (nullable): to give up
 * @error: an %EVIDENT_XLSX_PATCH_ERROR naming @name, the sheet and the
 *   cell, or %G_IO_ERROR_CANCELLED
 *
 * Makes a copy of @original with @writes written into it as text and
 * everything else as it was: every other member of the zip container is
 * copied byte for byte, and in a sheet written to, only the cells written
 * change (see EvidentCellWrite). The only other change: when a written
 * cell had a formula, the workbook's calculation chain is dropped (Excel
 * rebuilds it).
 *
 * Returns: (transfer full) (nullable): the copy's bytes, or %NULL with
 *   @error set
 */
GBytes *
evident_xlsx_patch (GBytes                  *original,
                    const char              *name,
                    const EvidentCellWrite  *writes,
                    guint                    n_writes,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  Patch self = { 0 };
  g_autoptr (GPtrArray) groups = NULL;
  gboolean removed_formula = FALSE;
  GBytes *result = NULL;

  g_return_val_if_fail (original != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (writes != NULL || n_writes == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  for (guint i = 0; i < n_writes; i++)
    g_return_val_if_fail (writes[i].sheet_name != NULL || writes[i].sheet_part != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self.name = name;
  self.original = original;
  self.sheets = g_ptr_array_new_with_free_func (sheet_info_free);
  self.keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  if (!open_zip (&self, error) || !read_workbook (&self, error))
    goto out;
  groups = group_writes (&self, writes, n_writes, error);
  if (groups == NULL)
    goto out;

  for (guint s = 0; s < groups->len; s++)
    {
      if (groups->pdata[s] == NULL)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !patch_sheet (&self, g_ptr_array_index (self.sheets, s), groups->pdata[s],
                           &removed_formula, error))
        goto out;
    }
  if (removed_formula && !remove_calc_chain (&self, error))
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  result = finish (&self, error);

out:
  patch_clear (&self);
  return result;
}

/**
 * evident_xlsx_patch_save:
 * @destination: the copy to create or replace
 *
 * Writes evident_xlsx_patch()'s copy to @destination, atomically (see
 * evident_atomic_write()): on failure @destination is as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_xlsx_patch_save (GBytes                  *original,
                         const char              *name,
                         const EvidentCellWrite  *writes,
                         guint                    n_writes,
                         GFile                   *destination,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  g_autoptr (GBytes) patched = NULL;

  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  patched = evident_xlsx_patch (original, name, writes, n_writes, cancellable, error);
  if (patched == NULL)
    return FALSE;
  return evident_atomic_write_bytes (destination, patched, cancellable, error);
}
