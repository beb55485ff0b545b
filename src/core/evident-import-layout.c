/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the sheets of an import are: which layout they follow (Evident's
 * own CSV, AWS's self-assessment workbook or its CSV export, Jira's CSV
 * export, anything else), where each sheet's header is, which sheets hold
 * items, and the mapping each starts with. */

#include "config.h"

#include <string.h>

#include "evident-import-private.h"

/* How many rows below a candidate header data must start. */
#define DATA_SEARCH_ROWS 5
/* How many titles are looked at to tell whether they carry references. */
#define TITLE_SAMPLE_ROWS 200

typedef enum
{
  KIND_NONE,
  KIND_EVIDENT,
  KIND_AWS,
  KIND_JIRA,
  KIND_MAPPED,
} SheetKind;

/* Helpers */

/* The normalised names of a row's cells. */
static GPtrArray *
row_names (EvidentSheet *sheet, guint row)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  guint      n_columns = evident_sheet_get_n_columns (sheet);

  for (guint column = 0; column < n_columns; column++)
    {
      const char *cell = evident_sheet_get_cell (sheet, row, column);

      if (*cell != '\0' && strlen (cell) <= 60)
        g_ptr_array_add (names, evident_import_normalize_name (cell));
    }

  return names;
}

static gboolean
has_name (GPtrArray *names, const char *name)
{
  for (guint i = 0; i < names->len; i++)
    {
      if (strcmp (g_ptr_array_index (names, i), name) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
followed_by_data (EvidentSheet *sheet, guint row)
{
  guint n_rows = evident_sheet_get_n_rows (sheet);

  for (guint next = row + 1; next < n_rows && next <= row + DATA_SEARCH_ROWS; next++)
    {
      if (!evident_sheet_row_is_empty (sheet, next))
        return TRUE;
    }

  return FALSE;
}

/* AWS's header, case- and space-tolerant: `ID | Requirement Description |
 * Met? | Partner Response`. */
static gboolean
is_aws_header (GPtrArray *names)
{
  return has_name (names, "id") && has_name (names, "requirement description") &&
         (has_name (names, "met") || has_name (names, "partner response"));
}

/* Finds the header of @sheet and says which layout it belongs to: the
 * first row that holds anything for Evident's format and Jira's export,
 * AWS's header anywhere near the top, else the row with the most names the
 * import knows that data follows. */
static SheetKind
find_header (EvidentSheet *sheet, int *header_row)
{
  g_autoptr (GPtrArray) first_names = NULL;
  int   first = evident_import_first_filled_row (sheet);
  guint limit;
  guint best_count = 0;

  *header_row = -1;
  if (first < 0)
    return KIND_NONE;

  first_names = row_names (sheet, first);
  *header_row = first;
  if (has_name (first_names, "ref") && has_name (first_names, "chapter"))
    return KIND_EVIDENT;
  if (has_name (first_names, "summary") &&
      (has_name (first_names, "issue key") || has_name (first_names, "issue id") ||
       has_name (first_names, "issue type")))
    return KIND_JIRA;

  limit = MIN (evident_sheet_get_n_rows (sheet), (guint) first + EVIDENT_IMPORT_HEADER_SEARCH_ROWS);
  for (guint row = first; row < limit; row++)
    {
      g_autoptr (GPtrArray) names = row_names (sheet, row);

      if (is_aws_header (names))
        {
          *header_row = (int) row;
          return KIND_AWS;
        }
    }

  *header_row = -1;
  for (guint row = first; row < limit; row++)
    {
      guint count;

      if (evident_sheet_row_is_empty (sheet, row))
        continue;
      count = evident_import_count_known_names (sheet, row);
      if (count >= 2 && count > best_count && followed_by_data (sheet, row))
        {
          best_count = count;
          *header_row = (int) row;
        }
    }

  /* A first row with a single known name is a header too: "ID,Foo,Bar". */
  if (*header_row < 0 && evident_import_count_known_names (sheet, first) >= 1)
    *header_row = first;

  return *header_row >= 0 ? KIND_MAPPED : KIND_NONE;
}

static void
find_wide_merges (ImportSheet *sheet)
{
  guint n_rows = evident_sheet_get_n_rows (sheet->sheet);
  guint n_merges = evident_sheet_get_n_merges (sheet->sheet);

  sheet->n_wide_merge = n_rows;
  sheet->wide_merge = g_new0 (guint8, MAX (n_rows, 1));
  for (guint i = 0; i < n_merges; i++)
    {
      const EvidentSheetRange *range = evident_sheet_get_merge (sheet->sheet, i);

      if (range->last_column == range->first_column)
        continue;
      for (guint row = range->first_row; row <= range->last_row && row < n_rows; row++)
        sheet->wide_merge[row] = TRUE;
    }
}

/* Whether most titles start with a reference ("8.2.1 MFA"), as Evident's
 * own Jira export writes them. */
static gboolean
titles_carry_refs (ImportSheet *sheet)
{
  int   column = sheet->columns[EVIDENT_IMPORT_FIELD_TITLE];
  guint n_rows = evident_sheet_get_n_rows (sheet->sheet);
  guint n_titles = 0;
  guint n_refs = 0;

  if (column < 0)
    return FALSE;

  for (guint row = sheet->header_row + 1; row < n_rows && n_titles < TITLE_SAMPLE_ROWS; row++)
    {
      g_autofree char *title =
          evident_import_clean_line (evident_sheet_get_cell (sheet->sheet, row, column));
      g_autofree char *ref = NULL;
      g_autofree char *rest = NULL;

      if (*title == '\0')
        continue;
      n_titles++;
      n_refs += evident_import_split_ref_title (title, &ref, &rest);
    }

  return n_titles > 0 && n_refs * 2 >= n_titles;
}

static int
find_named_column (ImportSheet *sheet, const char *name)
{
  guint n_columns = evident_sheet_get_n_columns (sheet->sheet);

  for (guint column = 0; column < n_columns; column++)
    {
      g_autofree char *cell = evident_import_normalize_name (
          evident_sheet_get_cell (sheet->sheet, sheet->header_row, column));

      if (strcmp (cell, name) == 0)
        return (int) column;
    }

  return -1;
}

/* Internal API */

/**
 * evident_import_first_filled_row:
 *
 * Returns: the first row of @sheet that holds anything, -1 if none
 */
int
evident_import_first_filled_row (EvidentSheet *sheet)
{
  guint n_rows = evident_sheet_get_n_rows (sheet);

  for (guint row = 0; row < n_rows; row++)
    {
      if (!evident_sheet_row_is_empty (sheet, row))
        return (int) row;
    }

  return -1;
}

/**
 * evident_import_row_width:
 *
 * Returns: one more than the last column of @row that holds text, spaces
 *   included; 0 for an empty row
 */
guint
evident_import_row_width (EvidentSheet *sheet, guint row)
{
  for (guint column = evident_sheet_get_n_columns (sheet); column > 0; column--)
    {
      if (*evident_sheet_get_cell (sheet, row, column - 1) != '\0')
        return column;
    }

  return 0;
}

/**
 * evident_import_propose_mapping:
 *
 * Proposes the mapping of @sheet from its header's names, and from the
 * values below when no name says which column holds references (not in
 * Evident's own format, which is strict). In Jira's export
 * the reference is at the start of the summary when Evident wrote it, else
 * the issue key.
 */
void
evident_import_propose_mapping (EvidentImport *self, ImportSheet *sheet)
{
  evident_import_propose_columns (sheet->sheet, sheet->header_row,
                                  self->layout == EVIDENT_IMPORT_LAYOUT_MAPPED ||
                                      self->layout == EVIDENT_IMPORT_LAYOUT_AWS_WORKBOOK ||
                                      self->layout == EVIDENT_IMPORT_LAYOUT_AWS_CSV,
                                  sheet->columns);
  if (sheet->header_row < 0)
    return;

  if (self->layout == EVIDENT_IMPORT_LAYOUT_JIRA && sheet->columns[EVIDENT_IMPORT_FIELD_REF] < 0 &&
      !titles_carry_refs (sheet))
    {
      int column = find_named_column (sheet, "issue key");

      if (column >= 0 && evident_import_get_column_field (self, sheet->index, column) < 0)
        sheet->columns[EVIDENT_IMPORT_FIELD_REF] = column;
    }
}

/* Whether a sheet's header names what every item needs: a reference and a
 * title or requirement. A sheet of mappings to other standards names only
 * the reference. */
static gboolean
header_is_complete (ImportSheet *sheet)
{
  int columns[EVIDENT_IMPORT_N_FIELDS];

  evident_import_propose_columns (sheet->sheet, sheet->header_row, TRUE, columns);
  return columns[EVIDENT_IMPORT_FIELD_REF] >= 0 && (columns[EVIDENT_IMPORT_FIELD_TITLE] >= 0 ||
                                                    columns[EVIDENT_IMPORT_FIELD_REQUIREMENT] >= 0);
}

static gboolean
sheet_is_hidden (EvidentImport *self, guint index)
{
  return self->workbook != NULL && evident_workbook_get_sheet_hidden (self->workbook, index);
}

/* What each sheet is, as found: a sheet without a header, or whose header
 * lacks what items need while another's has it, is no checklist; a hidden
 * sheet is left out while a visible one holds items. */
static EvidentImportSheetStatus
detect_status (EvidentImport   *self,
               const SheetKind *kinds,
               const gboolean  *complete,
               guint            index,
               gboolean         aws,
               gboolean         any_complete,
               gboolean         any_visible)
{
  ImportSheet *sheet = g_ptr_array_index (self->sheets, index);

  if (evident_import_first_filled_row (sheet->sheet) < 0)
    return EVIDENT_IMPORT_SHEET_EMPTY;
  if (kinds[index] == KIND_NONE || (aws && kinds[index] != KIND_AWS) ||
      (any_complete && kinds[index] == KIND_MAPPED && !complete[index]))
    return EVIDENT_IMPORT_SHEET_NO_HEADER;
  if (any_visible && sheet_is_hidden (self, index))
    return EVIDENT_IMPORT_SHEET_HIDDEN;
  return EVIDENT_IMPORT_SHEET_USED;
}

/* The items of a sheet as its proposed mapping reads them: each
 * reference with its title (or its requirement's first line), so that
 * sheets numbering their items afresh ("1", "2" on each) differ. */
static GHashTable *
collect_refs (ImportSheet *sheet)
{
  GHashTable *refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int         columns[EVIDENT_IMPORT_N_FIELDS];
  guint       n_rows = evident_sheet_get_n_rows (sheet->sheet);
  int         text;

  evident_import_propose_columns (sheet->sheet, sheet->header_row, TRUE, columns);
  text = columns[EVIDENT_IMPORT_FIELD_TITLE] >= 0 ? columns[EVIDENT_IMPORT_FIELD_TITLE]
                                                  : columns[EVIDENT_IMPORT_FIELD_REQUIREMENT];
  for (guint row = sheet->header_row + 1; columns[EVIDENT_IMPORT_FIELD_REF] >= 0 && row < n_rows;
       row++)
    {
      g_autofree char *ref = evident_import_clean_line (
          evident_sheet_get_cell (sheet->sheet, row, columns[EVIDENT_IMPORT_FIELD_REF]));
      g_autofree char *title = NULL;
      g_autofree char *folded = NULL;

      if (*ref == '\0')
        continue;
      title = evident_import_clean_line (
          text >= 0 ? evident_sheet_get_cell (sheet->sheet, row, text) : "");
      folded = g_utf8_casefold (title, -1);
      g_hash_table_add (refs, g_strconcat (ref, "\n", folded, NULL));
    }

  return refs;
}

/* Whether most items of @refs are in @earlier. */
static gboolean
mostly_in (GHashTable *refs, GHashTable *earlier)
{
  GHashTableIter iter;
  gpointer       ref;
  guint          shared = 0;

  g_hash_table_iter_init (&iter, refs);
  while (g_hash_table_iter_next (&iter, &ref, NULL))
    shared += g_hash_table_contains (earlier, ref);

  return g_hash_table_size (refs) > 0 && shared * 2 >= g_hash_table_size (refs);
}

/* A workbook may list its items again on another sheet (implementation
 * guidelines, a lighter edition): a used sheet whose items (references
 * with their titles) are mostly an earlier used sheet's is left out. */
static void
leave_out_repeats (EvidentImport *self, const SheetKind *kinds)
{
  g_autoptr (GPtrArray) ref_sets =
      g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < self->sheets->len; i++)
    {
      ImportSheet *sheet = g_ptr_array_index (self->sheets, i);
      GHashTable  *refs;
      gboolean     repeats = FALSE;

      if (!sheet->used || kinds[i] != KIND_MAPPED)
        continue;
      refs = collect_refs (sheet);
      for (guint j = 0; j < ref_sets->len && !repeats; j++)
        repeats = mostly_in (refs, g_ptr_array_index (ref_sets, j));
      if (!repeats)
        {
          g_ptr_array_add (ref_sets, refs);
          continue;
        }
      g_hash_table_unref (refs);
      sheet->used = FALSE;
      sheet->detected = EVIDENT_IMPORT_SHEET_REPEATED;
    }
}

/**
 * evident_import_detect:
 *
 * Looks at every sheet once: its header, its layout, whether it is used.
 * In AWS's workbook only the sheets with AWS's header are used; elsewhere
 * every visible sheet with a header that names what items need (another
 * sheet's header may name only references: mappings to other standards)
 * and whose items are not an earlier sheet's again.
 * When no sheet has one, the first that holds anything is used, so that
 * the missing header shows as a problem.
 */
void
evident_import_detect (EvidentImport *self)
{
  g_autofree SheetKind *kinds = g_new0 (SheetKind, MAX (self->sheets->len, 1));
  g_autofree gboolean  *complete = g_new0 (gboolean, MAX (self->sheets->len, 1));
  gboolean              aws = FALSE;
  gboolean              csv = FALSE;
  gboolean              any_used = FALSE;
  gboolean              any_complete = FALSE;
  gboolean              any_visible = FALSE;

  self->layout = EVIDENT_IMPORT_LAYOUT_MAPPED;
  for (guint i = 0; i < self->sheets->len; i++)
    {
      ImportSheet *sheet = g_ptr_array_index (self->sheets, i);

      find_wide_merges (sheet);
      kinds[i] = find_header (sheet->sheet, &sheet->header_row);
      aws |= kinds[i] == KIND_AWS;
      csv |= evident_sheet_is_csv (sheet->sheet);
      complete[i] = kinds[i] == KIND_MAPPED && header_is_complete (sheet);
      any_complete |= complete[i];
    }
  for (guint i = 0; i < self->sheets->len; i++)
    {
      any_visible |= !sheet_is_hidden (self, i) &&
                     detect_status (self, kinds, complete, i, aws, any_complete, FALSE) ==
                         EVIDENT_IMPORT_SHEET_USED;
    }

  for (guint i = 0; i < self->sheets->len; i++)
    {
      ImportSheet *sheet = g_ptr_array_index (self->sheets, i);

      sheet->detected = detect_status (self, kinds, complete, i, aws, any_complete, any_visible);
      if (sheet->detected == EVIDENT_IMPORT_SHEET_HIDDEN)
        continue;
      if (sheet->detected != EVIDENT_IMPORT_SHEET_USED)
        {
          sheet->header_row = -1;
          continue;
        }
      sheet->used = TRUE;
      if (!any_used && !aws)
        {
          if (kinds[i] == KIND_EVIDENT)
            self->layout = EVIDENT_IMPORT_LAYOUT_EVIDENT;
          else if (kinds[i] == KIND_JIRA)
            self->layout = EVIDENT_IMPORT_LAYOUT_JIRA;
        }
      any_used = TRUE;
    }

  if (aws)
    self->layout = csv ? EVIDENT_IMPORT_LAYOUT_AWS_CSV : EVIDENT_IMPORT_LAYOUT_AWS_WORKBOOK;
  else
    leave_out_repeats (self, kinds);

  for (guint i = 0; !any_used && i < self->sheets->len; i++)
    {
      ImportSheet *sheet = g_ptr_array_index (self->sheets, i);

      if (sheet->detected == EVIDENT_IMPORT_SHEET_NO_HEADER)
        {
          sheet->used = TRUE;
          any_used = TRUE;
        }
    }

  for (guint i = 0; i < self->sheets->len; i++)
    evident_import_propose_mapping (self, g_ptr_array_index (self->sheets, i));
  self->dirty = TRUE;
}
