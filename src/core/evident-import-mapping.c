/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What columns are called: the fields an import fills, the header names
 * real checklists use for them, and mappings by name (`--map ref=ID,…`,
 * remembered mappings) applied to an import's sheets. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "evident-import-private.h"

/* How many data rows are looked at to tell a reference column. */
#define REF_SAMPLE_ROWS 200

struct _EvidentImportMapping
{
  /* Per field: the column's header text; "" to leave the field unmapped;
   * NULL when the mapping does not name the field. */
  char *columns[EVIDENT_IMPORT_N_FIELDS];
};

static const struct
{
  const char *name;
  const char *label;
} fields[EVIDENT_IMPORT_N_FIELDS] = {
  [EVIDENT_IMPORT_FIELD_REF] = { "ref", NC_ ("import field", "Reference") },
  [EVIDENT_IMPORT_FIELD_CHAPTER] = { "chapter", NC_ ("import field", "Chapter") },
  [EVIDENT_IMPORT_FIELD_CHAPTER_TITLE] = { "chapter_title", NC_ ("import field", "Chapter title") },
  [EVIDENT_IMPORT_FIELD_SECTION] = { "section", NC_ ("import field", "Section") },
  [EVIDENT_IMPORT_FIELD_SECTION_TITLE] = { "section_title", NC_ ("import field", "Section title") },
  [EVIDENT_IMPORT_FIELD_TITLE] = { "title", NC_ ("import field", "Title") },
  [EVIDENT_IMPORT_FIELD_REQUIREMENT] = { "requirement", NC_ ("import field", "Requirement") },
  [EVIDENT_IMPORT_FIELD_EVIDENCE] = { "evidence", NC_ ("import field", "Expected evidence") },
  [EVIDENT_IMPORT_FIELD_POINTS] = { "points", NC_ ("import field", "Points") },
  [EVIDENT_IMPORT_FIELD_MANDATORY] = { "mandatory", NC_ ("import field", "Mandatory") },
  [EVIDENT_IMPORT_FIELD_LEVEL] = { "level", NC_ ("import field", "Level") },
  [EVIDENT_IMPORT_FIELD_LABELS] = { "labels", NC_ ("import field", "Labels") },
  [EVIDENT_IMPORT_FIELD_MET] = { "met", NC_ ("import field", "Met?") },
  [EVIDENT_IMPORT_FIELD_RESPONSE] = { "response", NC_ ("import field", "Response") },
  [EVIDENT_IMPORT_FIELD_STATUS] = { "status", NC_ ("import field", "Status") },
  [EVIDENT_IMPORT_FIELD_OWNER] = { "owner", NC_ ("import field", "Owner") },
  [EVIDENT_IMPORT_FIELD_COMPLEXITY] = { "complexity", NC_ ("import field", "Complexity") },
  [EVIDENT_IMPORT_FIELD_REASON] = { "reason", NC_ ("import field", "Reason") },
  [EVIDENT_IMPORT_FIELD_NOTE] = { "note", NC_ ("import field", "Note") },
  [EVIDENT_IMPORT_FIELD_DUE] = { "due", NC_ ("import field", "Due date") },
};

/* Header names real checklists use, normalised as
 * evident_import_normalize_name() does; earlier names win over later ones
 * when two columns could take a field, and a column that loses may take
 * a later field it also names. */
static const struct
{
  EvidentImportField field;
  const char        *name;
} aliases[] = {
  /* Evident's own columns first. */
  { EVIDENT_IMPORT_FIELD_REF, "ref" },
  { EVIDENT_IMPORT_FIELD_CHAPTER, "chapter" },
  { EVIDENT_IMPORT_FIELD_CHAPTER_TITLE, "chapter title" },
  { EVIDENT_IMPORT_FIELD_SECTION, "section" },
  { EVIDENT_IMPORT_FIELD_SECTION_TITLE, "section title" },
  { EVIDENT_IMPORT_FIELD_TITLE, "title" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "requirement" },
  { EVIDENT_IMPORT_FIELD_EVIDENCE, "evidence" },
  { EVIDENT_IMPORT_FIELD_POINTS, "points" },
  { EVIDENT_IMPORT_FIELD_MANDATORY, "mandatory" },
  { EVIDENT_IMPORT_FIELD_LEVEL, "level" },
  { EVIDENT_IMPORT_FIELD_LABELS, "labels" },
  { EVIDENT_IMPORT_FIELD_MET, "met" },
  { EVIDENT_IMPORT_FIELD_RESPONSE, "response" },
  { EVIDENT_IMPORT_FIELD_STATUS, "status" },
  { EVIDENT_IMPORT_FIELD_OWNER, "owner" },
  { EVIDENT_IMPORT_FIELD_COMPLEXITY, "complexity" },
  { EVIDENT_IMPORT_FIELD_REASON, "reason" },
  { EVIDENT_IMPORT_FIELD_NOTE, "note" },
  { EVIDENT_IMPORT_FIELD_DUE, "due" },
  /* Strong synonyms. */
  { EVIDENT_IMPORT_FIELD_REF, "id" },
  { EVIDENT_IMPORT_FIELD_REF, "reference" },
  { EVIDENT_IMPORT_FIELD_REF, "control id" },
  { EVIDENT_IMPORT_FIELD_REF, "req id" },
  { EVIDENT_IMPORT_FIELD_REF, "requirement id" },
  { EVIDENT_IMPORT_FIELD_REF, "item id" },
  { EVIDENT_IMPORT_FIELD_REF, "reference id" },
  { EVIDENT_IMPORT_FIELD_REF, "ref id" },
  { EVIDENT_IMPORT_FIELD_REF, "ref no" },
  { EVIDENT_IMPORT_FIELD_REF, "control no" },
  { EVIDENT_IMPORT_FIELD_REF, "control number" },
  { EVIDENT_IMPORT_FIELD_REF, "identifier" },
  { EVIDENT_IMPORT_FIELD_REF, "control identifier" },
  { EVIDENT_IMPORT_FIELD_REF, "requirement number" },
  { EVIDENT_IMPORT_FIELD_REF, "requirement no" },
  { EVIDENT_IMPORT_FIELD_REF, "req no" },
  { EVIDENT_IMPORT_FIELD_REF, "cis safeguard" },
  { EVIDENT_IMPORT_FIELD_REF, "safeguard" },
  { EVIDENT_IMPORT_FIELD_REF, "safeguard id" },
  { EVIDENT_IMPORT_FIELD_REF, "tsc ref" },
  { EVIDENT_IMPORT_FIELD_REF, "criteria ref" },
  { EVIDENT_IMPORT_FIELD_REF, "criterion id" },
  { EVIDENT_IMPORT_FIELD_CHAPTER, "chapter id" },
  { EVIDENT_IMPORT_FIELD_CHAPTER, "chapter no" },
  { EVIDENT_IMPORT_FIELD_CHAPTER, "chapter number" },
  { EVIDENT_IMPORT_FIELD_CHAPTER, "control domain" },
  { EVIDENT_IMPORT_FIELD_CHAPTER, "cis control" },
  { EVIDENT_IMPORT_FIELD_CHAPTER_TITLE, "chapter name" },
  { EVIDENT_IMPORT_FIELD_SECTION, "section id" },
  { EVIDENT_IMPORT_FIELD_SECTION, "section no" },
  { EVIDENT_IMPORT_FIELD_SECTION, "section number" },
  { EVIDENT_IMPORT_FIELD_SECTION_TITLE, "section name" },
  { EVIDENT_IMPORT_FIELD_TITLE, "name" },
  { EVIDENT_IMPORT_FIELD_TITLE, "summary" },
  { EVIDENT_IMPORT_FIELD_TITLE, "requirement name" },
  { EVIDENT_IMPORT_FIELD_TITLE, "requirement title" },
  { EVIDENT_IMPORT_FIELD_TITLE, "control name" },
  { EVIDENT_IMPORT_FIELD_TITLE, "control title" },
  { EVIDENT_IMPORT_FIELD_TITLE, "item title" },
  { EVIDENT_IMPORT_FIELD_TITLE, "short description" },
  { EVIDENT_IMPORT_FIELD_TITLE, "safeguard title" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "requirement description" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "description" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "req description" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "requirement text" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "control description" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "control text" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "control statement" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "control specification" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "requirement statement" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "defined approach requirements" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "requirements" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "trust services criteria" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "criterion" },
  { EVIDENT_IMPORT_FIELD_EVIDENCE, "expected evidence" },
  { EVIDENT_IMPORT_FIELD_EVIDENCE, "evidence required" },
  { EVIDENT_IMPORT_FIELD_EVIDENCE, "required evidence" },
  { EVIDENT_IMPORT_FIELD_EVIDENCE, "evidence expected" },
  { EVIDENT_IMPORT_FIELD_EVIDENCE, "audit evidence" },
  { EVIDENT_IMPORT_FIELD_EVIDENCE, "defined approach testing procedures" },
  { EVIDENT_IMPORT_FIELD_EVIDENCE, "testing procedures" },
  { EVIDENT_IMPORT_FIELD_EVIDENCE, "test procedures" },
  { EVIDENT_IMPORT_FIELD_POINTS, "score" },
  { EVIDENT_IMPORT_FIELD_POINTS, "weight" },
  { EVIDENT_IMPORT_FIELD_POINTS, "weighting" },
  { EVIDENT_IMPORT_FIELD_POINTS, "max points" },
  { EVIDENT_IMPORT_FIELD_POINTS, "max score" },
  { EVIDENT_IMPORT_FIELD_MANDATORY, "required" },
  { EVIDENT_IMPORT_FIELD_MANDATORY, "mandatory or recommended" },
  { EVIDENT_IMPORT_FIELD_MANDATORY, "mandatory/recommended" },
  { EVIDENT_IMPORT_FIELD_MANDATORY, "obligation" },
  { EVIDENT_IMPORT_FIELD_LEVEL, "l" },
  { EVIDENT_IMPORT_FIELD_LEVEL, "asvs level" },
  { EVIDENT_IMPORT_FIELD_LEVEL, "maturity level" },
  { EVIDENT_IMPORT_FIELD_LEVEL, "tier" },
  { EVIDENT_IMPORT_FIELD_LEVEL, "ig1" },
  { EVIDENT_IMPORT_FIELD_LEVEL, "l1" },
  { EVIDENT_IMPORT_FIELD_LEVEL, "level 1" },
  { EVIDENT_IMPORT_FIELD_LEVEL, "level1" },
  { EVIDENT_IMPORT_FIELD_LABELS, "label" },
  { EVIDENT_IMPORT_FIELD_LABELS, "tags" },
  { EVIDENT_IMPORT_FIELD_MET, "compliant" },
  { EVIDENT_IMPORT_FIELD_MET, "implemented" },
  { EVIDENT_IMPORT_FIELD_RESPONSE, "partner response" },
  { EVIDENT_IMPORT_FIELD_RESPONSE, "self assessment response" },
  { EVIDENT_IMPORT_FIELD_STATUS, "state" },
  { EVIDENT_IMPORT_FIELD_STATUS, "applicable" },
  { EVIDENT_IMPORT_FIELD_STATUS, "applicable (y/n)" },
  { EVIDENT_IMPORT_FIELD_STATUS, "applicability" },
  { EVIDENT_IMPORT_FIELD_OWNER, "assignee" },
  { EVIDENT_IMPORT_FIELD_OWNER, "responsible" },
  { EVIDENT_IMPORT_FIELD_OWNER, "assigned to" },
  { EVIDENT_IMPORT_FIELD_COMPLEXITY, "effort" },
  { EVIDENT_IMPORT_FIELD_REASON, "justification" },
  { EVIDENT_IMPORT_FIELD_REASON, "not applicable reason" },
  { EVIDENT_IMPORT_FIELD_NOTE, "notes" },
  { EVIDENT_IMPORT_FIELD_DUE, "due date" },
  /* Weak ones: a better column takes the field first. */
  { EVIDENT_IMPORT_FIELD_REF, "control" },
  { EVIDENT_IMPORT_FIELD_REF, "item" },
  { EVIDENT_IMPORT_FIELD_REF, "no" },
  { EVIDENT_IMPORT_FIELD_REF, "nr" },
  { EVIDENT_IMPORT_FIELD_REF, "#" },
  { EVIDENT_IMPORT_FIELD_REF, "number" },
  { EVIDENT_IMPORT_FIELD_CHAPTER, "domain" },
  { EVIDENT_IMPORT_FIELD_CHAPTER, "category" },
  { EVIDENT_IMPORT_FIELD_CHAPTER, "area" },
  { EVIDENT_IMPORT_FIELD_CHAPTER, "family" },
  { EVIDENT_IMPORT_FIELD_CHAPTER, "control family" },
  { EVIDENT_IMPORT_FIELD_CHAPTER, "group" },
  { EVIDENT_IMPORT_FIELD_CHAPTER, "theme" },
  { EVIDENT_IMPORT_FIELD_CHAPTER_TITLE, "domain name" },
  { EVIDENT_IMPORT_FIELD_CHAPTER_TITLE, "category name" },
  { EVIDENT_IMPORT_FIELD_SECTION, "subsection" },
  { EVIDENT_IMPORT_FIELD_SECTION, "sub section" },
  { EVIDENT_IMPORT_FIELD_SECTION, "subcategory" },
  { EVIDENT_IMPORT_FIELD_SECTION, "sub category" },
  { EVIDENT_IMPORT_FIELD_TITLE, "control" },
  { EVIDENT_IMPORT_FIELD_TITLE, "item" },
  { EVIDENT_IMPORT_FIELD_TITLE, "heading" },
  { EVIDENT_IMPORT_FIELD_TITLE, "subject" },
  { EVIDENT_IMPORT_FIELD_TITLE, "topic" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "details" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "text" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "statement" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "criteria" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "question" },
  { EVIDENT_IMPORT_FIELD_REQUIREMENT, "specification" },
  { EVIDENT_IMPORT_FIELD_EVIDENCE, "artifacts" },
  { EVIDENT_IMPORT_FIELD_EVIDENCE, "artefacts" },
  { EVIDENT_IMPORT_FIELD_EVIDENCE, "proof" },
};

typedef struct
{
  guint              rank;
  guint              column;
  EvidentImportField field;
} Candidate;

/* Fields */

/**
 * evident_import_field_get_name:
 *
 * Returns: the field's name in a mapping and in README's CSV: `ref`,
 *   `chapter_title`, …
 */
const char *
evident_import_field_get_name (EvidentImportField field)
{
  g_return_val_if_fail (field < EVIDENT_IMPORT_N_FIELDS, "");

  return fields[field].name;
}

/**
 * evident_import_field_get_label:
 *
 * Returns: the field's name for the user, translated
 */
const char *
evident_import_field_get_label (EvidentImportField field)
{
  g_return_val_if_fail (field < EVIDENT_IMPORT_N_FIELDS, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "import field", fields[field].label);
}

/**
 * evident_import_field_from_name:
 * @name: a field's name, in any case
 * @field: (out): the field
 *
 * Returns: whether @name names a field
 */
gboolean
evident_import_field_from_name (const char *name, EvidentImportField *field)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
    {
      if (g_ascii_strcasecmp (name, fields[f].name) == 0)
        {
          *field = f;
          return TRUE;
        }
    }

  return FALSE;
}

/* Header names */

/* A header name without what real checklists add around the name itself:
 * parenthesised remarks within it ("Control (or Control Enhancement)
 * Name"; not at its end: exports write "Area (extra)"), dots and number
 * signs ("TSC Ref. #"). */
static char *
loosen_name (const char *normalized)
{
  GString *out = g_string_sized_new (strlen (normalized));
  guint    depth = 0;
  gboolean space = FALSE;
  gsize    length = strlen (normalized);
  gboolean keep_remarks = length > 0 && normalized[length - 1] == ')';

  for (const char *p = normalized; *p != '\0'; p++)
    {
      if (keep_remarks && (*p == '(' || *p == ')'))
        g_string_append_c (out, *p);
      else if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth > 0)
        continue;
      else if (*p == ' ' || *p == '.' || *p == '#')
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
find_exact_alias (const char *normalized, guint from, guint *rank)
{
  for (guint i = from; i < G_N_ELEMENTS (aliases); i++)
    {
      if (strcmp (normalized, aliases[i].name) == 0)
        {
          *rank = i;
          return TRUE;
        }
    }

  return FALSE;
}

static guint
first_weak_rank (void);

/* The alias @normalized is, from @from on; or, if none, the strong alias
 * it is without remarks and signs. */
static gboolean
find_alias (const char *normalized, guint from, guint *rank)
{
  g_autofree char *loose = NULL;

  if (find_exact_alias (normalized, from, rank))
    return TRUE;
  loose = loosen_name (normalized);
  return *loose != '\0' && strcmp (loose, normalized) != 0 &&
         find_exact_alias (loose, from, rank) && *rank < first_weak_rank ();
}

/**
 * evident_import_header_field:
 * @header: a column's header text
 * @own: (out) (optional): whether @header is the field's own name
 *   (`chapter_title`, `Chapter Title`) rather than a synonym
 *
 * For exports, which must not write an extra field under a name that the
 * import would read as a field of its own.
 *
 * Returns: the field (an #EvidentImportField) the import would take a
 *   column called @header for, or -1
 */
int
evident_import_header_field (const char *header, gboolean *own)
{
  g_autofree char *name = evident_import_normalize_name (header);
  g_autofree char *field_name = NULL;
  guint            rank;

  if (!find_alias (name, 0, &rank))
    return -1;
  if (own != NULL)
    {
      field_name = evident_import_normalize_name (fields[aliases[rank].field].name);
      *own = strcmp (field_name, name) == 0;
    }
  return (int) aliases[rank].field;
}

/**
 * evident_import_count_known_names:
 *
 * Returns: how many cells of @row are header names the import knows
 */
guint
evident_import_count_known_names (EvidentSheet *sheet, guint row)
{
  guint n_columns = evident_sheet_get_n_columns (sheet);
  guint n = 0;

  for (guint column = 0; column < n_columns; column++)
    {
      const char      *cell = evident_sheet_get_cell (sheet, row, column);
      g_autofree char *name = NULL;
      guint            rank;

      if (*cell == '\0' || strlen (cell) > 60)
        continue;
      name = evident_import_normalize_name (cell);
      n += find_alias (name, 0, &rank);
    }

  return n;
}

/* Where the weak names start in @aliases. */
static guint
first_weak_rank (void)
{
  static guint rank = 0;

  if (rank == 0)
    {
      for (rank = 0; rank < G_N_ELEMENTS (aliases); rank++)
        {
          if (aliases[rank].field == EVIDENT_IMPORT_FIELD_REF &&
              strcmp (aliases[rank].name, "control") == 0)
            break;
        }
    }

  return rank;
}

/* Whether most values below the header look like references: a column
 * with a weak name such as "Control" may hold the control's name. A
 * column called "ID" or "Ref" holds references, whatever they look like. */
static gboolean
values_look_like_refs (EvidentSheet *sheet, guint header_row, guint column)
{
  guint n_rows = MIN (evident_sheet_get_n_rows (sheet), header_row + 1 + REF_SAMPLE_ROWS);
  guint n_values = 0;
  guint n_refs = 0;

  for (guint row = header_row + 1; row < n_rows; row++)
    {
      g_autofree char *value =
          evident_import_clean_line (evident_sheet_get_cell (sheet, row, column));

      if (*value == '\0')
        continue;
      n_values++;
      n_refs += evident_import_looks_like_ref (value);
    }

  return n_values == 0 || n_refs * 2 >= n_values;
}

static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->rank != cb->rank)
    return ca->rank < cb->rank ? -1 : 1;
  return ca->column < cb->column ? -1 : ca->column > cb->column;
}

/* Whether @column mostly holds distinct references: what a column called
 * "Requirement" holds in a list that numbers its requirements there. */
static gboolean
values_are_refs (EvidentSheet *sheet, guint header_row, guint column)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_rows = MIN (evident_sheet_get_n_rows (sheet), header_row + 1 + REF_SAMPLE_ROWS);
  guint n_values = 0;
  guint n_refs = 0;

  for (guint row = header_row + 1; row < n_rows; row++)
    {
      char *value = evident_import_clean_line (evident_sheet_get_cell (sheet, row, column));

      if (*value == '\0')
        {
          g_free (value);
          continue;
        }
      n_values++;
      n_refs += evident_import_looks_like_ref (value);
      g_hash_table_add (seen, value);
    }

  return n_values >= 2 && n_refs * 5 >= n_values * 4 &&
         g_hash_table_size (seen) * 10 >= n_values * 9;
}

/* The leftmost column that holds references by its values, when no
 * column is called so: one no field takes, or a text field takes by a
 * name that does not fit its values. */
static int
find_ref_column_by_values (EvidentSheet *sheet, int header_row, const int *columns)
{
  guint n_columns = evident_sheet_get_n_columns (sheet);

  for (guint column = 0; column < n_columns; column++)
    {
      gboolean text_or_none = !evident_sheet_get_column_hidden (sheet, column);

      for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
        {
          if (columns[f] == (int) column && f != EVIDENT_IMPORT_FIELD_TITLE &&
              f != EVIDENT_IMPORT_FIELD_REQUIREMENT)
            text_or_none = FALSE;
        }
      if (text_or_none && values_are_refs (sheet, header_row, column))
        return (int) column;
    }

  return -1;
}

/* Whether most values of @column start with a reference ("ID.AM-1:
 * Physical devices are inventoried"). */
static gboolean
values_start_with_refs (EvidentSheet *sheet, guint header_row, guint column)
{
  guint n_rows = MIN (evident_sheet_get_n_rows (sheet), header_row + 1 + REF_SAMPLE_ROWS);
  guint n_values = 0;
  guint n_refs = 0;

  for (guint row = header_row + 1; row < n_rows; row++)
    {
      g_autofree char *value =
          evident_import_clean_line (evident_sheet_get_cell (sheet, row, column));
      g_autofree char *ref = NULL;
      g_autofree char *rest = NULL;

      if (*value == '\0')
        continue;
      n_values++;
      n_refs += evident_import_split_ref_title (value, &ref, &rest);
    }

  return n_values >= 2 && n_refs * 5 >= n_values * 4;
}

/* The leftmost column whose values start with references, when no column
 * holds references or titles: its values are the titles, and the
 * references are taken from them (NIST CSF's "Subcategory"). */
static int
find_titles_with_refs (EvidentSheet *sheet, int header_row)
{
  guint n_columns = evident_sheet_get_n_columns (sheet);

  for (guint column = 0; column < n_columns; column++)
    {
      if (!evident_sheet_get_column_hidden (sheet, column) &&
          values_start_with_refs (sheet, header_row, column))
        return (int) column;
    }

  return -1;
}

/* Gives each field the column with its best-ranked name, skipping the
 * columns already taken. */
static void
assign_candidates (EvidentSheet *sheet,
                   int           header_row,
                   GArray       *candidates,
                   int          *columns,
                   gboolean     *taken)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);

      if (columns[candidate->field] >= 0 || taken[candidate->column])
        continue;
      if (candidate->field == EVIDENT_IMPORT_FIELD_REF && candidate->rank >= first_weak_rank () &&
          !values_look_like_refs (sheet, header_row, candidate->column))
        continue;
      columns[candidate->field] = candidate->column;
      taken[candidate->column] = TRUE;
    }
}

/**
 * evident_import_propose_columns:
 * @columns: (array fixed-size=EVIDENT_IMPORT_N_FIELDS) (out caller-allocates):
 *   the column of each field, -1 for none
 *
 * Proposes a mapping from the names in @header_row: each field takes the
 * column with its best-ranked name (the leftmost of equals); a column
 * takes one field. A reference column with a weak name ("Control", "No")
 * must mostly hold references. When no column is named for references
 * and @refs_by_values is set, the leftmost that holds distinct references is taken for them, before
 * any field its name would give it ("Requirement" holding `1.1.1`); or,
 * when no column holds titles either, the leftmost whose values start with
 * references is taken for the titles, which give the references. Columns
 * the author hid are left out.
 */
void
evident_import_propose_columns (EvidentSheet *sheet,
                                int           header_row,
                                gboolean      refs_by_values,
                                int          *columns)
{
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree gboolean *taken = NULL;
  guint                n_columns = evident_sheet_get_n_columns (sheet);
  int                  ref_column;
  EvidentImportField   field;

  for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
    columns[f] = -1;
  if (header_row < 0)
    return;

  for (guint column = 0; column < n_columns; column++)
    {
      const char      *cell = evident_sheet_get_cell (sheet, header_row, column);
      g_autofree char *name = NULL;
      guint            rank = 0;

      /* A column the author hid is not proposed (the user may still
       * choose it). */
      if (*cell == '\0' || evident_sheet_get_column_hidden (sheet, column))
        continue;
      name = evident_import_normalize_name (cell);
      for (guint from = 0; find_alias (name, from, &rank); from = rank + 1)
        {
          Candidate candidate = { rank, column, aliases[rank].field };

          g_array_append_val (candidates, candidate);
        }
    }
  g_array_sort (candidates, compare_candidates);

  taken = g_new0 (gboolean, MAX (n_columns, 1));
  assign_candidates (sheet, header_row, candidates, columns, taken);
  if (columns[EVIDENT_IMPORT_FIELD_REF] >= 0 || !refs_by_values)
    return;

  ref_column = find_ref_column_by_values (sheet, header_row, columns);
  field = EVIDENT_IMPORT_FIELD_REF;
  if (ref_column < 0 && columns[EVIDENT_IMPORT_FIELD_TITLE] < 0)
    {
      ref_column = find_titles_with_refs (sheet, header_row);
      field = EVIDENT_IMPORT_FIELD_TITLE;
    }
  if (ref_column < 0)
    return;
  for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
    columns[f] = -1;
  memset (taken, 0, sizeof (gboolean) * MAX (n_columns, 1));
  columns[field] = ref_column;
  taken[ref_column] = TRUE;
  assign_candidates (sheet, header_row, candidates, columns, taken);
}

static int
find_column_by_name (EvidentSheet *sheet, int header_row, const char *name)
{
  g_autofree char *wanted = evident_import_normalize_name (name);
  guint            n_columns = evident_sheet_get_n_columns (sheet);

  for (guint column = 0; header_row >= 0 && column < n_columns; column++)
    {
      g_autofree char *cell =
          evident_import_normalize_name (evident_sheet_get_cell (sheet, header_row, column));

      if (*cell != '\0' && strcmp (cell, wanted) == 0)
        return (int) column;
    }

  /* A column's letters, for a column without a name. */
  if (strlen (name) <= 3 && strspn (name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == strlen (name) &&
      *name != '\0')
    {
      guint column = 0;

      for (const char *p = name; *p != '\0'; p++)
        column = column * 26 + (*p - 'A' + 1);
      return (int) column - 1;
    }

  return -1;
}

/**
 * evident_import_dup_column_name:
 *
 * Returns: (transfer full): the column's name: its header text on one
 *   line, or its letters (A, B, …, AA) when the header cell is empty
 */
char *
evident_import_dup_column_name (EvidentImport *self, guint sheet, guint column)
{
  ImportSheet     *s;
  g_autofree char *name = NULL;

  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), NULL);
  g_return_val_if_fail (sheet < evident_import_get_n_sheets (self), NULL);

  s = evident_import_get_import_sheet (self, sheet);
  if (s->header_row >= 0)
    name = evident_import_clean_line (evident_sheet_get_cell (s->sheet, s->header_row, column));
  if (name == NULL || *name == '\0')
    return evident_sheet_column_name (column);

  return g_steal_pointer (&name);
}

/* Mappings */

EvidentImportMapping *
evident_import_mapping_new (void)
{
  return g_new0 (EvidentImportMapping, 1);
}

void
evident_import_mapping_free (EvidentImportMapping *mapping)
{
  if (mapping == NULL)
    return;

  for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
    g_free (mapping->columns[f]);
  g_free (mapping);
}

/**
 * evident_import_mapping_set:
 * @column: (nullable): the column's header text; "" leaves @field
 *   unmapped; %NULL forgets @field (the proposal stands)
 */
void
evident_import_mapping_set (EvidentImportMapping *mapping,
                            EvidentImportField    field,
                            const char           *column)
{
  g_return_if_fail (mapping != NULL);
  g_return_if_fail (field < EVIDENT_IMPORT_N_FIELDS);

  g_free (mapping->columns[field]);
  mapping->columns[field] = g_strdup (column);
}

/**
 * evident_import_mapping_get:
 *
 * Returns: (nullable): the header text of @field's column, "" when the
 *   mapping leaves it unmapped, %NULL when it does not name @field
 */
const char *
evident_import_mapping_get (const EvidentImportMapping *mapping, EvidentImportField field)
{
  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (field < EVIDENT_IMPORT_N_FIELDS, NULL);

  return mapping->columns[field];
}

/* Splits @text at commas outside double quotes; a quoted value may hold
 * doubled quotes. Returns the items, unquoted, or NULL on a bad quote. */
static GPtrArray *
split_items (const char *text)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) item = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text;; p++)
    {
      if (quoted)
        {
          if (*p == '\0')
            return NULL;
          if (*p == '"' && p[1] == '"')
            g_string_append_c (item, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (item, *p);
          continue;
        }
      if (*p == '"')
        quoted = TRUE;
      else if (*p == ',' || *p == '\0')
        {
          g_ptr_array_add (items, g_strdup (item->str));
          g_string_truncate (item, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (item, *p);
    }

  return g_steal_pointer (&items);
}

/**
 * evident_import_mapping_parse:
 * @text: `field=COLUMN,…`, as `--map` takes it: fields named as README's
 *   CSV columns (ref, chapter, chapter_title, section, section_title,
 *   title, requirement, evidence, points, mandatory; also level, labels,
 *   met, response, status, owner, complexity, reason, note, due), COLUMN the
 *   header text (any case; its letters for a column without a name; empty
 *   to leave the field unmapped). A COLUMN with a comma goes in double
 *   quotes: `title="Name, short"`.
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the mapping, or %NULL with @error set to
 *   %EVIDENT_IMPORT_ERROR_BAD_MAPPING
 */
EvidentImportMapping *
evident_import_mapping_parse (const char *text, GError **error)
{
  g_autoptr (EvidentImportMapping) mapping = evident_import_mapping_new ();
  g_autoptr (GPtrArray) items = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  items = split_items (text);
  if (items == NULL)
    {
      g_set_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_BAD_MAPPING,
                   _ ("The mapping “%s” opens a quotation mark that it never closes"), text);
      return NULL;
    }

  for (guint i = 0; i < items->len; i++)
    {
      char              *item = g_ptr_array_index (items, i);
      char              *equals = strchr (item, '=');
      g_autofree char   *name = NULL;
      g_autofree char   *column = NULL;
      g_autofree char   *trimmed = g_strstrip (g_strdup (item));
      EvidentImportField field;

      if (*trimmed == '\0')
        continue;
      if (equals == NULL)
        {
          g_set_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_BAD_MAPPING,
                       _ ("“%s” is not of the form field=COLUMN, e.g. ref=ID"), item);
          return NULL;
        }
      name = g_strstrip (g_strndup (item, equals - item));
      column = g_strstrip (g_strdup (equals + 1));
      if (!evident_import_field_from_name (name, &field))
        {
          g_set_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_BAD_MAPPING,
                       /* Translators: %s is what the user typed; the list names fields, keep them
                          in English */
                       _ ("“%s” is not a field; use ref, chapter, chapter_title, section, "
                          "section_title, title, requirement, evidence, points, mandatory, level, "
                          "labels, met, response, status, owner, complexity, reason or note"),
                       name);
          return NULL;
        }
      if (mapping->columns[field] != NULL)
        {
          g_set_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_BAD_MAPPING,
                       _ ("The mapping names the field “%s” twice"), name);
          return NULL;
        }
      mapping->columns[field] = g_steal_pointer (&column);
    }

  return g_steal_pointer (&mapping);
}

/**
 * evident_import_mapping_to_string:
 *
 * Returns: (transfer full): the mapping as evident_import_mapping_parse()
 *   reads it, fields in a fixed order
 */
char *
evident_import_mapping_to_string (const EvidentImportMapping *mapping)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (mapping != NULL, NULL);

  for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
    {
      const char *column = mapping->columns[f];

      if (column == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (out, "%s=", fields[f].name);
      if (strpbrk (column, ",\"=") != NULL || g_ascii_isspace (*column) ||
          (*column != '\0' && g_ascii_isspace (column[strlen (column) - 1])))
        {
          g_string_append_c (out, '"');
          for (const char *p = column; *p != '\0'; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, column);
    }

  return g_string_free (out, FALSE);
}

/**
 * evident_import_dup_mapping:
 *
 * Returns: (transfer full): the mapping of @sheet by header text, every
 *   field named ("" for those unmapped)
 */
EvidentImportMapping *
evident_import_dup_mapping (EvidentImport *self, guint sheet)
{
  EvidentImportMapping *mapping;
  ImportSheet          *s;

  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), NULL);
  g_return_val_if_fail (sheet < evident_import_get_n_sheets (self), NULL);

  s = evident_import_get_import_sheet (self, sheet);
  mapping = evident_import_mapping_new ();
  for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
    mapping->columns[f] = s->columns[f] >= 0
                              ? evident_import_dup_column_name (self, sheet, s->columns[f])
                              : g_strdup ("");
  return mapping;
}

static char *
list_header (EvidentImport *self, ImportSheet *sheet)
{
  GString *out = g_string_new (NULL);
  guint    n_columns = evident_sheet_get_n_columns (sheet->sheet);

  for (guint column = 0; column < n_columns; column++)
    {
      g_autofree char *name = NULL;

      if (*evident_sheet_get_cell (sheet->sheet, sheet->header_row, column) == '\0')
        continue;
      name = evident_import_dup_column_name (self, sheet->index, column);
      g_string_append_printf (out, "%s“%s”", out->len > 0 ? ", " : "", name);
    }

  return g_string_free (out, FALSE);
}

/* Applies the fields @mapping names to one sheet with a header row. */
gboolean
evident_import_apply_mapping_to_sheet (EvidentImport              *self,
                                       ImportSheet                *sheet,
                                       const EvidentImportMapping *mapping,
                                       GError                    **error)
{
  int columns[EVIDENT_IMPORT_N_FIELDS];

  memcpy (columns, sheet->columns, sizeof columns);
  for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
    {
      const char *name = mapping->columns[f];
      int         column;

      if (name == NULL)
        continue;
      if (*name == '\0')
        {
          columns[f] = -1;
          continue;
        }

      column = find_column_by_name (sheet->sheet, sheet->header_row, name);
      if (column < 0)
        {
          g_autofree char *place =
              evident_import_describe_place (sheet->sheet, sheet->header_row, -1);
          g_autofree char *header = list_header (self, sheet);

          g_set_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_MISSING_COLUMN,
                       /* Translators: the first %s is a place ("Line 3", "Sheet “Security”,
                        * row 3"), the second a column name, the third a field, the fourth a
                        * list of column names */
                       _ ("%s: no column is called “%s” (for “%s”); the header names %s"), place,
                       name, fields[f].name, header);
          return FALSE;
        }
      for (guint other = 0; other < EVIDENT_IMPORT_N_FIELDS; other++)
        {
          if (columns[other] == column)
            columns[other] = -1;
        }
      columns[f] = column;
    }

  memcpy (sheet->columns, columns, sizeof columns);
  return TRUE;
}

/**
 * evident_import_apply_mapping:
 * @mapping: the fields to map by header text; fields it does not name
 *   keep their columns
 * @error: return location for a #GError
 *
 * Applies @mapping to every used sheet that has a header row.
 *
 * Returns: whether every column @mapping names is in every such sheet's
 *   header; if not, @error is set (%EVIDENT_IMPORT_ERROR_MISSING_COLUMN,
 *   naming the header's columns) and nothing changed
 */
gboolean
evident_import_apply_mapping (EvidentImport              *self,
                              const EvidentImportMapping *mapping,
                              GError                    **error)
{
  guint n_sheets;
  int  *saved;
  guint n_mapped = 0;

  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_sheets = evident_import_get_n_sheets (self);
  saved = g_new (int, (gsize) MAX (n_sheets, 1) * EVIDENT_IMPORT_N_FIELDS);
  for (guint i = 0; i < n_sheets; i++)
    memcpy (saved + i * EVIDENT_IMPORT_N_FIELDS, evident_import_get_import_sheet (self, i)->columns,
            sizeof (int) * EVIDENT_IMPORT_N_FIELDS);

  for (guint i = 0; i < n_sheets; i++)
    {
      ImportSheet *sheet = evident_import_get_import_sheet (self, i);

      if (!sheet->used || sheet->header_row < 0)
        continue;
      if (!evident_import_apply_mapping_to_sheet (self, sheet, mapping, error))
        {
          for (guint j = 0; j < n_sheets; j++)
            memcpy (evident_import_get_import_sheet (self, j)->columns,
                    saved + j * EVIDENT_IMPORT_N_FIELDS, sizeof (int) * EVIDENT_IMPORT_N_FIELDS);
          g_free (saved);
          return FALSE;
        }
      n_mapped++;
    }
  g_free (saved);

  if (n_mapped == 0)
    {
      g_set_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_NO_HEADER,
                   _ ("No sheet has a header row to map; name the row that holds the column "
                      "names"));
      return FALSE;
    }

  evident_import_changed (self);
  return TRUE;
}

static gboolean
select_sheet (EvidentImport *self, const char *name, GError **error)
{
  guint    n_sheets = evident_import_get_n_sheets (self);
  int      found = -1;
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < n_sheets; i++)
    {
      const char *sheet_name = evident_sheet_get_name (evident_import_get_sheet (self, i));

      if (sheet_name == NULL)
        continue;
      g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "", sheet_name);
      if (found < 0 && g_utf8_collate (sheet_name, name) == 0)
        found = (int) i;
    }
  for (guint i = 0; found < 0 && i < n_sheets; i++)
    {
      const char      *sheet_name = evident_sheet_get_name (evident_import_get_sheet (self, i));
      g_autofree char *a = sheet_name != NULL ? g_utf8_casefold (sheet_name, -1) : NULL;
      g_autofree char *b = g_utf8_casefold (name, -1);

      if (a != NULL && strcmp (a, b) == 0)
        found = (int) i;
    }

  if (found < 0)
    {
      if (names->len == 0)
        g_set_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_NO_SHEET,
                     _ ("There is no sheet “%s”: a CSV file has a single sheet without a "
                        "name; leave the sheet out"),
                     name);
      else
        g_set_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_NO_SHEET,
                     /* Translators: the second %s is a list of sheet names */
                     _ ("There is no sheet “%s”; the workbook has %s"), name, names->str);
      g_string_free (names, TRUE);
      return FALSE;
    }
  g_string_free (names, TRUE);

  for (guint i = 0; i < n_sheets; i++)
    evident_import_set_sheet_used (self, i, i == (guint) found);
  return TRUE;
}

/**
 * evident_import_apply_options:
 * @options: what the command line said
 * @error: return location for a #GError
 *
 * Applies, in this order: the sheet (only it is used), the header row (of
 * each used sheet, proposing its mapping afresh), the mapping, the
 * mandatory level.
 *
 * Returns: whether every option could be applied; if not, @error is set in
 *   %EVIDENT_IMPORT_ERROR
 */
gboolean
evident_import_apply_options (EvidentImport              *self,
                              const EvidentImportOptions *options,
                              GError                    **error)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->sheet != NULL && !select_sheet (self, options->sheet, error))
    return FALSE;

  for (guint i = 0; options->header_row > 0 && i < evident_import_get_n_sheets (self); i++)
    {
      ImportSheet *sheet = evident_import_get_import_sheet (self, i);
      guint        n_rows = evident_sheet_get_n_rows (sheet->sheet);

      if (!sheet->used)
        continue;
      if (options->header_row > n_rows)
        {
          const char *name = evident_sheet_get_name (sheet->sheet);

          if (name != NULL)
            g_set_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_NO_HEADER,
                         _ ("Sheet “%s” has %u rows; the header cannot be row %u"), name, n_rows,
                         options->header_row);
          else
            g_set_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_NO_HEADER,
                         _ ("The file has %u rows; the header cannot be row %u"), n_rows,
                         options->header_row);
          return FALSE;
        }
      evident_import_set_header_row (self, i, (int) options->header_row - 1);
    }

  if (options->mapping != NULL && !evident_import_apply_mapping (self, options->mapping, error))
    return FALSE;

  evident_import_set_mandatory_level (self, options->mandatory_level);
  return TRUE;
}
