/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The preview of an import: every row of the used sheets read with the
 * current mapping into an entry, or skipped with a reason; then what is
 * missing derived (chapters, sections, the scoring mode) and what blocks
 * the import collected as problems. Cheap enough to run on every change. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "evident-enums-util.h"
#include "evident-import-build-private.h"

/* How many rows without a reference may add to the item above: points of
 * focus are a handful; thousands are no item's text (and would make the
 * preview slow). */
#define MAX_CONTINUATION_ROWS 200

/* A band is one word or phrase. */
#define MAX_BAND_LENGTH 120

/* What one sheet's rows need, worked out once. */
typedef struct
{
  ImportSheet           *sheet;
  guint                  ordinal;
  guint                  header_width;
  guint                  first_column;  /* the header's first named column */
  GPtrArray             *header;        /* of char *, clean case-folded header cells */
  GArray                *extra_columns; /* of guint, in column order, labels columns included */
  gboolean              *is_label;      /* per column: a labels column */
  GPtrArray             *extra_names;   /* of char *, the names of extra_columns */
  char                  *labels_name;
  EvidentChecklistEntry *above;        /* the last entry read from the sheet */
  EvidentChecklistEntry *last;         /* the same, unless a heading or band came since */
  guint                  n_continued;  /* rows added to @last */
  guint8                *merged_above; /* per row: a merge from a row above covers it */
  guint                  n_merged_above;
} SheetContext;

/* Helpers */

/**
 * evident_import_describe_place:
 * @row: a row, -1 for the sheet as a whole
 * @column: a column, -1 for the row as a whole
 *
 * Returns: (transfer full): where something is, starting a message: “Line
 *   14” in a CSV file (also for a cell: messages name the column), “Sheet
 *   “Security”, row 14” or “Sheet “Security”, cell C14” in a workbook
 */
char *
evident_import_describe_place (EvidentSheet *sheet, int row, int column)
{
  if (row < 0 && evident_sheet_is_csv (sheet))
    return evident_sheet_describe_row (sheet, 0);
  if (row < 0)
    /* Translators: a place in a workbook, e.g. Sheet “Security” */
    return g_strdup_printf (C_ ("place", "Sheet “%s”"), evident_sheet_get_name (sheet));
  if (column < 0 || evident_sheet_is_csv (sheet))
    return evident_sheet_describe_row (sheet, row);
  return evident_sheet_describe_cell (sheet, row, column);
}

static void
problem_free (EvidentImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
section_free (EvidentImportSection *section)
{
  g_free (section->number);
  g_free (section->title);
  g_free (section);
}

static void
chapter_free (EvidentImportChapter *chapter)
{
  g_free (chapter->number);
  g_free (chapter->title);
  g_ptr_array_unref (chapter->sections);
  g_free (chapter);
}

/* Adds a problem at a place; takes @message, which must not name the
 * place yet. */
static void
add_problem (Build             *build,
             EvidentImportError code,
             ImportSheet       *sheet,
             int                row,
             int                column,
             char              *message)
{
  EvidentImportProblem *problem = g_new0 (EvidentImportProblem, 1);
  g_autofree char      *place = NULL;

  problem->code = code;
  problem->sheet = sheet != NULL ? (int) sheet->index : -1;
  problem->row = row;
  problem->column = column;
  if (sheet != NULL)
    {
      place = evident_import_describe_place (sheet->sheet, row, column);
      /* Translators: a place, then what is wrong there: "Line 4: …" */
      problem->message = g_strdup_printf (_ ("%s: %s"), place, message);
      g_free (message);
    }
  else
    problem->message = message;
  g_ptr_array_add (build->self->problems, problem);
}

void
evident_import_add_skip (Build                  *build,
                         ImportSheet            *sheet,
                         guint                   row,
                         EvidentImportSkipReason reason)
{
  EvidentImportSkip skip = { sheet->index, row, reason };

  g_array_append_val (build->self->skipped, skip);
}

static char *
column_name (Build *build, ImportSheet *sheet, int column)
{
  return evident_import_dup_column_name (build->self, sheet->index, (guint) column);
}

static const char *
cell (SheetContext *context, guint row, EvidentImportField field)
{
  int column = context->sheet->columns[field];

  if (column < 0)
    return "";
  /* Identifiers as the spreadsheet shows them: 1.10 in a number cell
   * formatted `0.00` holds 1.1. */
  if (field == EVIDENT_IMPORT_FIELD_REF || field == EVIDENT_IMPORT_FIELD_CHAPTER ||
      field == EVIDENT_IMPORT_FIELD_SECTION)
    return evident_sheet_get_cell_shown (context->sheet->sheet, row, column);
  return evident_sheet_get_cell (context->sheet->sheet, row, column);
}

static char *
cell_line (SheetContext *context, guint row, EvidentImportField field)
{
  return evident_import_clean_line (cell (context, row, field));
}

/* A clean line, or NULL when it is empty. */
static char *
cell_line_or_null (SheetContext *context, guint row, EvidentImportField field)
{
  char *line = cell_line (context, row, field);

  if (*line != '\0')
    return line;
  g_free (line);
  return NULL;
}

void
evident_import_set_string (char **field, const char *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static char *
fold_cell (EvidentSheet *sheet, guint row, guint column)
{
  g_autofree char *line = evident_import_clean_line (evident_sheet_get_cell (sheet, row, column));

  return g_utf8_casefold (line, -1);
}

/* Per sheet */

static void
sheet_context_clear (SheetContext *context)
{
  g_clear_pointer (&context->header, g_ptr_array_unref);
  g_clear_pointer (&context->extra_columns, g_array_unref);
  g_clear_pointer (&context->is_label, g_free);
  g_clear_pointer (&context->extra_names, g_ptr_array_unref);
  g_clear_pointer (&context->labels_name, g_free);
  g_clear_pointer (&context->merged_above, g_free);
}

static gboolean
column_has_values (EvidentSheet *sheet, guint header_row, guint column)
{
  guint n_rows = evident_sheet_get_n_rows (sheet);

  for (guint row = header_row + 1; row < n_rows; row++)
    {
      if (*evident_sheet_get_cell (sheet, row, column) != '\0')
        return TRUE;
    }
  return FALSE;
}

/* Which columns are extra fields (those no field takes, and the level,
 * which is kept too) and which hold labels (every column named as the
 * labels column: Jira repeats it). */
static void
sheet_context_init (SheetContext *context, Build *build, ImportSheet *sheet, guint ordinal)
{
  EvidentSheet *s = sheet->sheet;
  guint         n_columns = evident_sheet_get_n_columns (s);
  int           labels = sheet->columns[EVIDENT_IMPORT_FIELD_LABELS];

  context->sheet = sheet;
  context->ordinal = ordinal;
  context->header_width = evident_import_row_width (s, sheet->header_row);
  context->header = g_ptr_array_new_with_free_func (g_free);
  context->extra_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  context->is_label = g_new0 (gboolean, MAX (n_columns, 1));
  for (guint column = 0; column < context->header_width; column++)
    g_ptr_array_add (context->header, fold_cell (s, sheet->header_row, column));
  while (context->first_column < context->header_width &&
         *(char *) g_ptr_array_index (context->header, context->first_column) == '\0')
    context->first_column++;
  if (labels >= 0)
    context->labels_name = column_name (build, sheet, labels);

  for (guint column = 0; column < n_columns; column++)
    {
      int field = evident_import_get_column_field (build->self, sheet->index, column);

      /* The labels column may lie beyond the header (a column with no
       * name): then it is the only one. */
      if (labels >= 0 &&
          (column == (guint) labels ||
           (column < context->header_width && (guint) labels < context->header_width &&
            strcmp (g_ptr_array_index (context->header, column),
                    g_ptr_array_index (context->header, labels)) == 0)))
        {
          context->is_label[column] = TRUE;
          g_array_append_val (context->extra_columns, column);
          continue;
        }
      if (field >= 0 && field != EVIDENT_IMPORT_FIELD_LEVEL)
        continue;
      /* A column the author hid is no field of the items, unless mapped. */
      if (field < 0 && evident_sheet_get_column_hidden (s, column))
        continue;
      if (*evident_sheet_get_cell (s, sheet->header_row, column) == '\0' &&
          !column_has_values (s, sheet->header_row, column))
        continue;
      g_array_append_val (context->extra_columns, column);
    }

  context->n_merged_above = evident_sheet_get_n_rows (s);
  context->merged_above = g_new0 (guint8, MAX (context->n_merged_above, 1));
  for (guint i = 0; i < evident_sheet_get_n_merges (s); i++)
    {
      const EvidentSheetRange *range = evident_sheet_get_merge (s, i);

      for (guint row = range->first_row + 1;
           row <= range->last_row && row < context->n_merged_above; row++)
        context->merged_above[row] = TRUE;
    }

  context->extra_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < context->extra_columns->len; i++)
    g_ptr_array_add (context->extra_names,
                     column_name (build, sheet, g_array_index (context->extra_columns, guint, i)));
}

static gboolean
is_repeated_header (SheetContext *context, guint row)
{
  EvidentSheet *sheet = context->sheet->sheet;

  if (evident_import_row_width (sheet, row) != context->header_width)
    return FALSE;
  for (guint column = 0; column < context->header_width; column++)
    {
      g_autofree char *folded = fold_cell (sheet, row, column);

      if (strcmp (folded, g_ptr_array_index (context->header, column)) != 0)
        return FALSE;
    }
  return TRUE;
}

/* A band: one word or phrase alone in its row, merged across the sheet or
 * not a reference. Returns its text, or NULL. */
static char *
band_text (SheetContext *context, guint row)
{
  ImportSheet     *sheet = context->sheet;
  guint            n_columns = evident_sheet_get_n_columns (sheet->sheet);
  g_autofree char *text = NULL;
  gboolean         merged;
  guint            column;

  if (evident_sheet_row_get_n_filled (sheet->sheet, row) != 1)
    return NULL;

  for (column = 0; column < n_columns && text == NULL; column++)
    {
      const char *value = evident_sheet_get_cell (sheet->sheet, row, column);

      if (*value != '\0')
        {
          g_autofree char *line = evident_import_clean_line (value);

          if (*line != '\0')
            text = g_steal_pointer (&line);
        }
    }
  column--;
  if (text == NULL || g_utf8_strlen (text, -1) > MAX_BAND_LENGTH)
    return NULL;

  /* Merged across the sheet; or, not merged, where a heading goes (the
   * first column, the reference's, the title's) and not a reference. A
   * lone cell elsewhere is a note. */
  merged = row < sheet->n_wide_merge && sheet->wide_merge[row];
  if (!merged && (evident_import_looks_like_ref (text) ||
                  (column != context->first_column &&
                   (int) column != sheet->columns[EVIDENT_IMPORT_FIELD_REF] &&
                   (int) column != sheet->columns[EVIDENT_IMPORT_FIELD_TITLE])))
    return NULL;

  return g_steal_pointer (&text);
}

/* Labels such as `chapter-8.0` and `section-8.2` give the chapter and the
 * section; the others stay as extra fields. */
static void
read_labels (SheetContext *context, const char *value, EvidentChecklistEntry *entry)
{
  static const char *const separators = "-_:=";
  g_auto (GStrv) labels = g_strsplit_set (value, " ,", -1);

  for (guint j = 0; labels[j] != NULL; j++)
    {
      const char *label = labels[j];

      if (*label == '\0')
        continue;
      if (g_ascii_strncasecmp (label, "chapter", 7) == 0 && label[7] != '\0' &&
          strchr (separators, label[7]) != NULL && label[8] != '\0')
        {
          if (*entry->chapter == '\0')
            evident_import_set_string (&entry->chapter, label + 8);
          continue;
        }
      if (g_ascii_strncasecmp (label, "section", 7) == 0 && label[7] != '\0' &&
          strchr (separators, label[7]) != NULL && label[8] != '\0')
        {
          if (*entry->section == '\0')
            evident_import_set_string (&entry->section, label + 8);
          continue;
        }
      evident_checklist_entry_take_extra (entry, g_strdup (context->labels_name), g_strdup (label));
    }
}

/* The value of a cell merged with the cells above it (a function named
 * once for the rows below), or "". */
static const char *
merged_value (SheetContext *context, guint row, guint column)
{
  EvidentSheet            *sheet = context->sheet->sheet;
  const EvidentSheetRange *range;

  if (row >= context->n_merged_above || !context->merged_above[row])
    return "";
  range = evident_sheet_find_merge (sheet, row, column);

  if (range == NULL || range->first_row >= row)
    return "";
  return evident_sheet_get_cell (sheet, range->first_row, range->first_column);
}

/* The columns no field takes, in column order, as extra fields; with
 * @merged, a cell merged with those above reads their value. */
static void
read_extras (SheetContext *context, guint row, gboolean merged, EvidentChecklistEntry *entry)
{
  for (guint i = 0; i < context->extra_columns->len; i++)
    {
      guint       column = g_array_index (context->extra_columns, guint, i);
      const char *value = evident_sheet_get_cell (context->sheet->sheet, row, column);

      if (merged && *value == '\0')
        value = merged_value (context, row, column);

      if (context->is_label[column])
        {
          g_autofree char *line = evident_import_clean_line (value);

          read_labels (context, line, entry);
          continue;
        }
      evident_checklist_entry_take_extra (entry,
                                          g_strdup (g_ptr_array_index (context->extra_names, i)),
                                          evident_import_clean_text (value));
    }
}

/* A due date as Evident keeps it (a workbook's date cell reads
 * "2026-03-31" or "2026-03-31 00:00"); anything else stays an extra field,
 * so that nothing is lost. */
static void
read_due (Build *build, SheetContext *context, guint row, EvidentChecklistEntry *entry)
{
  g_autofree char *due = cell_line (context, row, EVIDENT_IMPORT_FIELD_DUE);
  int              column = context->sheet->columns[EVIDENT_IMPORT_FIELD_DUE];

  if (*due == '\0')
    return;
  if (strlen (due) > 10 && (due[10] == ' ' || due[10] == 'T'))
    due[10] = '\0';
  if (evident_date_normalize (due, &entry->state.due))
    return;
  evident_checklist_entry_take_extra (entry, column_name (build, context->sheet, column),
                                      cell_line (context, row, EVIDENT_IMPORT_FIELD_DUE));
}

/* Whether the status column says whether the item applies (a statement
 * of applicability's "Applicable (Y/N)"). */
static gboolean
is_applicability (SheetContext *context)
{
  int              column = context->sheet->columns[EVIDENT_IMPORT_FIELD_STATUS];
  g_autofree char *name = evident_import_normalize_name (
      evident_sheet_get_cell (context->sheet->sheet, context->sheet->header_row, column));

  return g_str_has_prefix (name, "applicab");
}

static void
read_state (Build *build, SheetContext *context, guint row, EvidentChecklistEntry *entry)
{
  EvidentChecklistState *state = &entry->state;
  g_autofree char       *complexity = cell_line (context, row, EVIDENT_IMPORT_FIELD_COMPLEXITY);
  g_autofree char       *response =
      evident_import_clean_text (cell (context, row, EVIDENT_IMPORT_FIELD_RESPONSE));

  state->met = cell_line_or_null (context, row, EVIDENT_IMPORT_FIELD_MET);
  state->response = *response != '\0' ? g_steal_pointer (&response) : NULL;
  state->status_text = cell_line_or_null (context, row, EVIDENT_IMPORT_FIELD_STATUS);
  state->owner = cell_line_or_null (context, row, EVIDENT_IMPORT_FIELD_OWNER);
  state->reason = cell_line_or_null (context, row, EVIDENT_IMPORT_FIELD_REASON);
  state->note = cell_line_or_null (context, row, EVIDENT_IMPORT_FIELD_NOTE);
  state->complexity = evident_import_parse_complexity (complexity);
  read_due (build, context, row, entry);

  if (state->status_text != NULL && is_applicability (context))
    {
      gboolean applicable = TRUE;

      /* "Applicable (Y/N)": "N" is not applicable, "Y" says no status. */
      evident_import_parse_mandatory (state->status_text, &applicable);
      g_clear_pointer (&state->status_text, g_free);
      state->has_status = !applicable;
      state->status = EVIDENT_STATUS_NOT_APPLICABLE;
    }
  else if (state->status_text != NULL)
    state->has_status = evident_import_parse_status (state->status_text, &state->status);
  else if (state->met != NULL)
    state->has_status = evident_import_parse_met (state->met, &state->status);
}

/* A level given by marks in columns named with a number each (`IG1 IG2
 * IG3`, `L1 L2 L3`, an "x" under each that applies): the first marked.
 * Returns 0 when the level column is not such a group. */
static guint
level_from_marks (SheetContext *context, guint row)
{
  EvidentSheet    *sheet = context->sheet->sheet;
  int              first = context->sheet->columns[EVIDENT_IMPORT_FIELD_LEVEL];
  guint            header = (guint) context->sheet->header_row;
  g_autofree char *name =
      evident_import_normalize_name (evident_sheet_get_cell (sheet, header, first));
  gsize stem = strlen (name);
  guint level;

  while (stem > 0 && g_ascii_isdigit (name[stem - 1]))
    stem--;
  if (stem == 0 || stem == strlen (name) || strlen (name) - stem > 2)
    return 0;
  level = (guint) g_ascii_strtoull (name + stem, NULL, 10);

  for (guint column = first; column < evident_sheet_get_n_columns (sheet); column++, level++)
    {
      g_autofree char *other =
          evident_import_normalize_name (evident_sheet_get_cell (sheet, header, column));
      g_autofree char *wanted = g_strdup_printf ("%.*s%u", (int) stem, name, level);
      g_autofree char *mark = NULL;

      if (strcmp (other, wanted) != 0)
        break;
      mark = evident_import_clean_line (evident_sheet_get_cell (sheet, row, column));
      if (*mark != '\0')
        return level;
    }

  return 0;
}

/* A mark in a cell that says yes (outside Evident's own strict format). */
static gboolean
is_mark (const char *text)
{
  static const char *const marks[] = { "x", "X", "✓", "✔", "●" };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      if (strcmp (text, marks[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Points and the mandatory flag; problems for bad values. */
static void
read_numbers (Build                          *build,
              SheetContext                   *context,
              guint                           row,
              const EvidentImportDescription *description,
              Pending                        *pending)
{
  EvidentChecklistEntry *entry = pending->entry;
  ImportSheet           *sheet = context->sheet;
  int                    column;

  column = sheet->columns[EVIDENT_IMPORT_FIELD_POINTS];
  pending->points_column = column;
  if (column >= 0)
    {
      g_autofree char *text = cell_line (context, row, EVIDENT_IMPORT_FIELD_POINTS);
      g_autofree char *name = column_name (build, sheet, column);
      g_autofree char *value = evident_import_quote (text);

      switch (evident_import_parse_points (text, &entry->points))
        {
        case EVIDENT_IMPORT_POINTS_OK:
          build->any_points = TRUE;
          break;
        case EVIDENT_IMPORT_POINTS_EMPTY:
          pending->points_empty = TRUE;
          break;
        case EVIDENT_IMPORT_POINTS_NOT_A_NUMBER:
          add_problem (build, EVIDENT_IMPORT_ERROR_BAD_VALUE, sheet, row, column,
                       g_strdup_printf (_ ("“%s” must be a whole number, 0 or more, not “%s”"),
                                        name, value));
          break;
        case EVIDENT_IMPORT_POINTS_TOO_MANY:
        default:
          add_problem (build, EVIDENT_IMPORT_ERROR_BAD_VALUE, sheet, row, column,
                       g_strdup_printf (_ ("item %s: “%s” is “%s”, more than an item can "
                                           "carry (%d); check the number"),
                                        entry->ref, name, value, EVIDENT_MAX_ITEM_POINTS));
          break;
        }
    }

  column = sheet->columns[EVIDENT_IMPORT_FIELD_MANDATORY];
  if (column >= 0)
    {
      g_autofree char *text = cell_line (context, row, EVIDENT_IMPORT_FIELD_MANDATORY);

      if (build->self->layout != EVIDENT_IMPORT_LAYOUT_EVIDENT && is_mark (text))
        entry->mandatory = TRUE;
      else if (!evident_import_parse_mandatory (text, &entry->mandatory))
        {
          g_autofree char *name = column_name (build, sheet, column);
          g_autofree char *value = evident_import_quote (text);

          add_problem (build, EVIDENT_IMPORT_ERROR_BAD_VALUE, sheet, row, column,
                       g_strdup_printf (_ ("“%s” must be “yes” or “no”, not “%s”"), name, value));
        }
    }
  else if (description->has_mandatory)
    entry->mandatory = description->mandatory;
  else if (build->self->layout == EVIDENT_IMPORT_LAYOUT_EVIDENT)
    entry->mandatory = FALSE;
  else
    entry->mandatory = TRUE;

  if (sheet->columns[EVIDENT_IMPORT_FIELD_LEVEL] >= 0)
    {
      g_autofree char *text = cell_line (context, row, EVIDENT_IMPORT_FIELD_LEVEL);
      guint            level = evident_import_parse_level (text);

      if (level == 0)
        level = level_from_marks (context, row);

      build->self->max_level = MAX (build->self->max_level, level);
      if (column < 0 && !description->has_mandatory && build->self->mandatory_level > 0)
        entry->mandatory = level <= build->self->mandatory_level;
    }
}

/* Evident's Jira export writes the expected evidence both in its own
 * column and at the end of the description, for people reading the issue:
 * the requirement is what comes before it. */
static void
drop_repeated_evidence (EvidentChecklistEntry *entry)
{
  gsize length = strlen (entry->requirement);
  gsize evidence_length = strlen (entry->evidence);
  char *end;

  if (evidence_length == 0 || length <= evidence_length ||
      !g_str_has_suffix (entry->requirement, entry->evidence) ||
      entry->requirement[length - evidence_length - 1] != '\n')
    return;

  end = entry->requirement + length - evidence_length;
  *end = '\0';
  g_strchomp (entry->requirement);
}

/* The texts of an entry: title, requirement, evidence; a title derived
 * from the requirement when there is none. Returns FALSE with a problem
 * when the row has neither. */
static gboolean
read_texts (Build                    *build,
            SheetContext             *context,
            guint                     row,
            char                     *title,
            EvidentChecklistEntry    *entry,
            EvidentImportDescription *description)
{
  ImportSheet     *sheet = context->sheet;
  g_autofree char *requirement =
      evident_import_clean_text (cell (context, row, EVIDENT_IMPORT_FIELD_REQUIREMENT));
  gboolean split_evidence = sheet->columns[EVIDENT_IMPORT_FIELD_EVIDENCE] < 0;

  evident_import_split_description (requirement, *title == '\0', split_evidence, description);
  if (*title != '\0')
    entry->title = g_strdup (title);
  else if (description->title != NULL)
    entry->title = g_strdup (description->title);
  else
    entry->title = evident_import_title_from_text (description->requirement);
  entry->requirement = g_strdup (description->requirement);
  if (!split_evidence)
    {
      entry->evidence =
          evident_import_clean_text (cell (context, row, EVIDENT_IMPORT_FIELD_EVIDENCE));
      if (build->self->layout == EVIDENT_IMPORT_LAYOUT_JIRA)
        drop_repeated_evidence (entry);
    }
  else
    entry->evidence = g_strdup (description->evidence != NULL ? description->evidence : "");

  if (*entry->title != '\0')
    return TRUE;

  if (build->self->layout == EVIDENT_IMPORT_LAYOUT_EVIDENT &&
      sheet->columns[EVIDENT_IMPORT_FIELD_TITLE] >= 0)
    {
      g_autofree char *name =
          column_name (build, sheet, sheet->columns[EVIDENT_IMPORT_FIELD_TITLE]);

      add_problem (
          build, EVIDENT_IMPORT_ERROR_BAD_VALUE, sheet, row, -1,
          g_strdup_printf (_ ("the “%s” column is empty; every item needs a title"), name));
    }
  else
    add_problem (
        build, EVIDENT_IMPORT_ERROR_BAD_VALUE, sheet, row, -1,
        g_strdup_printf (_ ("item “%s” has neither a title nor a requirement"), entry->ref));
  return FALSE;
}

/* Rows of other shapes: headings, continuations, blanks below a value */

/* Whether only the layouts that a mapping reads (not Evident's own, AWS's
 * or Jira's) are read with what follows. */
static gboolean
is_mapped (Build *build)
{
  return build->self->layout == EVIDENT_IMPORT_LAYOUT_MAPPED;
}

/* A row without a reference that names a chapter and gives it a title:
 * the control's own row above its safeguards (`1 | | Inventory of…`).
 * Returns whether @row is one. */
static gboolean
read_heading (Build *build, SheetContext *context, guint row)
{
  g_autofree char *chapter = cell_line (context, row, EVIDENT_IMPORT_FIELD_CHAPTER);
  g_autofree char *title = cell_line (context, row, EVIDENT_IMPORT_FIELD_TITLE);

  if (*chapter == '\0' || (context->last != NULL && strcmp (context->last->chapter, chapter) == 0))
    return FALSE;
  if (*title == '\0')
    {
      g_autofree char *text =
          evident_import_clean_text (cell (context, row, EVIDENT_IMPORT_FIELD_REQUIREMENT));

      g_free (title);
      title = evident_import_title_from_text (text);
    }
  if (*title == '\0')
    return FALSE;

  if (!g_hash_table_contains (build->headings, chapter))
    g_hash_table_insert (build->headings, g_steal_pointer (&chapter), g_steal_pointer (&title));
  context->last = NULL;
  return TRUE;
}

static void
append_line (char **text, const char *line)
{
  char *joined = **text != '\0' ? g_strconcat (*text, "\n", line, NULL) : g_strdup (line);

  g_free (*text);
  *text = joined;
}

/* A row without a reference below an item, with text only where the
 * item's requirement, evidence or extra fields are: more of the same item
 * (points of focus under a criterion). Returns whether @row is one; its
 * texts are added to the item's. */
static gboolean
continue_entry (SheetContext *context, guint row)
{
  static const EvidentImportField own[] = {
    EVIDENT_IMPORT_FIELD_TITLE,         EVIDENT_IMPORT_FIELD_CHAPTER,
    EVIDENT_IMPORT_FIELD_CHAPTER_TITLE, EVIDENT_IMPORT_FIELD_SECTION,
    EVIDENT_IMPORT_FIELD_SECTION_TITLE,
  };
  EvidentChecklistEntry *entry = context->last;
  g_autofree char       *requirement = NULL;
  g_autofree char       *evidence = NULL;
  gboolean               any = FALSE;

  if (entry == NULL || context->n_continued >= MAX_CONTINUATION_ROWS)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      g_autofree char *value = cell_line (context, row, own[i]);

      if (*value != '\0')
        return FALSE;
    }

  requirement = evident_import_clean_text (cell (context, row, EVIDENT_IMPORT_FIELD_REQUIREMENT));
  evidence = evident_import_clean_text (cell (context, row, EVIDENT_IMPORT_FIELD_EVIDENCE));
  if (*requirement != '\0')
    append_line (&entry->requirement, requirement);
  if (*evidence != '\0')
    append_line (&entry->evidence, evidence);
  any = *requirement != '\0' || *evidence != '\0';

  for (guint i = 0; entry->extra != NULL && i < context->extra_columns->len; i++)
    {
      guint            column = g_array_index (context->extra_columns, guint, i);
      const char      *name = g_ptr_array_index (context->extra_names, i);
      g_autofree char *value = NULL;

      if (context->is_label[column])
        continue;
      value =
          evident_import_clean_text (evident_sheet_get_cell (context->sheet->sheet, row, column));
      if (*value == '\0')
        continue;
      for (guint j = 0; j < entry->extra->len; j++)
        {
          EvidentChecklistExtra *extra = g_ptr_array_index (entry->extra, j);

          if (strcmp (extra->name, name) == 0)
            {
              append_line (&extra->value, value);
              any = TRUE;
              break;
            }
        }
    }

  context->n_continued += any;
  return any;
}

/* A chapter or section cell left blank below the row that names it (a
 * domain named once for its controls) is that row's. */
static void
fill_down (SheetContext *context, EvidentChecklistEntry *entry)
{
  EvidentChecklistEntry *above = context->above;
  const int             *columns = context->sheet->columns;

  if (above == NULL)
    return;
  if (columns[EVIDENT_IMPORT_FIELD_CHAPTER] >= 0 && *entry->chapter == '\0')
    evident_import_set_string (&entry->chapter, above->chapter);
  if (columns[EVIDENT_IMPORT_FIELD_CHAPTER_TITLE] >= 0 && *entry->chapter_title == '\0')
    evident_import_set_string (&entry->chapter_title, above->chapter_title);
  if (columns[EVIDENT_IMPORT_FIELD_SECTION] >= 0 && *entry->section == '\0')
    evident_import_set_string (&entry->section, above->section);
  if (columns[EVIDENT_IMPORT_FIELD_SECTION_TITLE] >= 0 && *entry->section_title == '\0')
    evident_import_set_string (&entry->section_title, above->section_title);
}

/* Whether @text is digits, a dot, digits; their values in @major and
 * @minor (the minor's digits as written). */
static gboolean
split_decimal (const char *text, guint64 *major, const char **minor)
{
  const char *dot = strchr (text, '.');

  if (dot == NULL || dot == text || dot[1] == '\0' ||
      strspn (text, "0123456789") != (gsize) (dot - text) ||
      strspn (dot + 1, "0123456789") != strlen (dot + 1))
    return FALSE;
  *major = g_ascii_strtoull (text, NULL, 10);
  *minor = dot + 1;
  return TRUE;
}

/* A spreadsheet stores `1.10` typed into a number cell as the number 1.1:
 * after `1.9` a reference `1.1` is `1.10` (and `1.2` after `1.19` is
 * `1.20`). Returns the reference as meant, or NULL when @ref is as
 * meant. */
static char *
restore_decimal_ref (const EvidentChecklistEntry *above, const char *ref)
{
  guint64          major, above_major;
  const char      *minor, *above_minor;
  g_autofree char *next = NULL;
  gsize            length;

  if (above == NULL || !split_decimal (ref, &major, &minor) ||
      !split_decimal (above->ref, &above_major, &above_minor) || major != above_major ||
      strlen (above_minor) > 9)
    return NULL;

  next = g_strdup_printf ("%" G_GUINT64_FORMAT, g_ascii_strtoull (above_minor, NULL, 10) + 1);
  length = strlen (minor);
  if (strlen (next) <= length || strncmp (next, minor, length) != 0 ||
      strspn (next + length, "0") != strlen (next + length))
    return NULL;

  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%s", major, next);
}

/* Whether a catalogue keeps the row only to say the item is gone:
 * "[Withdrawn: Incorporated into KM-2.]" as its name or text. */
static gboolean
is_withdrawn (SheetContext *context, guint row, const char *title)
{
  g_autofree char *requirement = cell_line (context, row, EVIDENT_IMPORT_FIELD_REQUIREMENT);
  const char      *texts[] = { title, requirement };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *text = texts[i];

      if (*text == '[')
        text++;
      if (g_ascii_strncasecmp (text, "withdrawn", strlen ("withdrawn")) == 0 &&
          (text[strlen ("withdrawn")] == ':' || text[strlen ("withdrawn")] == ']'))
        return TRUE;
    }

  return FALSE;
}

/* Reads the entry of one row, or says why there is none. */
static void
read_row (Build *build, SheetContext *context, guint row, const char *band)
{
  ImportSheet             *sheet = context->sheet;
  g_autofree char         *ref = cell_line (context, row, EVIDENT_IMPORT_FIELD_REF);
  g_autofree char         *title = cell_line (context, row, EVIDENT_IMPORT_FIELD_TITLE);
  EvidentImportDescription description = { 0 };
  EvidentChecklistEntry   *entry;
  Pending                 *pending;

  /* No reference column: the reference may start the title. */
  if (sheet->columns[EVIDENT_IMPORT_FIELD_REF] < 0 && *title != '\0')
    {
      char *title_ref = NULL;
      char *rest = NULL;

      if (evident_import_split_ref_title (title, &title_ref, &rest))
        {
          g_free (ref);
          ref = title_ref;
          g_free (title);
          title = rest;
        }
    }

  if (*ref != '\0' && is_mapped (build))
    {
      char *restored = restore_decimal_ref (context->above, ref);

      if (restored != NULL)
        {
          g_free (ref);
          ref = restored;
        }
    }

  if (*ref == '\0')
    {
      /* Headings need a column of references; an item above (which
       * may have taken its reference from its title) needs none. */
      gboolean shaped = is_mapped (build) && sheet->columns[EVIDENT_IMPORT_FIELD_REF] >= 0;

      if (shaped && read_heading (build, context, row))
        evident_import_add_skip (build, sheet, row, EVIDENT_IMPORT_SKIP_BAND);
      else if (is_mapped (build) && continue_entry (context, row))
        evident_import_add_skip (build, sheet, row, EVIDENT_IMPORT_SKIP_CONTINUATION);
      else if (build->self->layout == EVIDENT_IMPORT_LAYOUT_EVIDENT)
        {
          g_autofree char *name =
              column_name (build, sheet, sheet->columns[EVIDENT_IMPORT_FIELD_REF]);

          add_problem (build, EVIDENT_IMPORT_ERROR_BAD_VALUE, sheet, row, -1,
                       g_strdup_printf (_ ("the “%s” column is empty; every item needs a "
                                           "reference"),
                                        name));
        }
      else
        evident_import_add_skip (build, sheet, row, EVIDENT_IMPORT_SKIP_NO_REFERENCE);
      return;
    }

  if (is_mapped (build) && is_withdrawn (context, row, title))
    {
      evident_import_add_skip (build, sheet, row, EVIDENT_IMPORT_SKIP_WITHDRAWN);
      return;
    }

  entry = g_new0 (EvidentChecklistEntry, 1);
  pending = g_new0 (Pending, 1);
  pending->entry = entry;
  pending->sheet = sheet;
  pending->sheet_ordinal = context->ordinal;
  pending->band = band;
  g_ptr_array_add (build->pending, pending);
  g_ptr_array_add (build->self->entries, entry);

  entry->ref = g_steal_pointer (&ref);
  entry->line = evident_sheet_get_row_line (sheet->sheet, row);
  entry->source.known = TRUE;
  entry->source.sheet = sheet->index;
  entry->source.row = row;
  entry->source.met_column = sheet->columns[EVIDENT_IMPORT_FIELD_MET];
  entry->source.response_column = sheet->columns[EVIDENT_IMPORT_FIELD_RESPONSE];
  entry->chapter = cell_line (context, row, EVIDENT_IMPORT_FIELD_CHAPTER);
  entry->chapter_title = cell_line (context, row, EVIDENT_IMPORT_FIELD_CHAPTER_TITLE);
  entry->section = cell_line (context, row, EVIDENT_IMPORT_FIELD_SECTION);
  entry->section_title = cell_line (context, row, EVIDENT_IMPORT_FIELD_SECTION_TITLE);
  if (is_mapped (build))
    fill_down (context, entry);
  context->above = entry;
  context->last = entry;
  context->n_continued = 0;

  read_texts (build, context, row, title, entry, &description);
  read_extras (context, row, is_mapped (build), entry);
  if (*entry->chapter == '\0' && build->self->layout == EVIDENT_IMPORT_LAYOUT_EVIDENT)
    {
      g_autofree char *name =
          column_name (build, sheet, sheet->columns[EVIDENT_IMPORT_FIELD_CHAPTER]);

      add_problem (build, EVIDENT_IMPORT_ERROR_BAD_VALUE, sheet, row, -1,
                   g_strdup_printf (_ ("the “%s” column is empty; every item belongs to a "
                                       "chapter"),
                                    name));
    }
  read_numbers (build, context, row, &description, pending);
  read_state (build, context, row, entry);
  evident_import_description_clear (&description);
}

/* A header with what every item needs. */
static gboolean
check_columns (Build *build, ImportSheet *sheet)
{
  const int *columns = sheet->columns;

  if (columns[EVIDENT_IMPORT_FIELD_REF] < 0 && columns[EVIDENT_IMPORT_FIELD_TITLE] < 0)
    {
      add_problem (build, EVIDENT_IMPORT_ERROR_MISSING_COLUMN, sheet, sheet->header_row, -1,
                   g_strdup (_ ("no column holds the items’ references, such as “ref” or "
                                "“ID”; choose one")));
      return FALSE;
    }

  if (columns[EVIDENT_IMPORT_FIELD_TITLE] < 0 && columns[EVIDENT_IMPORT_FIELD_REQUIREMENT] < 0)
    {
      add_problem (build, EVIDENT_IMPORT_ERROR_MISSING_COLUMN, sheet, sheet->header_row, -1,
                   g_strdup (_ ("no column holds the items’ titles or requirements, such as "
                                "“title” or “requirement”; choose one")));
      return FALSE;
    }

  return TRUE;
}

static void
build_sheet (Build *build, ImportSheet *sheet, guint ordinal)
{
  SheetContext context = { 0 };
  guint        n_rows = evident_sheet_get_n_rows (sheet->sheet);
  guint        n_before = build->pending->len;
  const char  *band = NULL;
  gboolean     evident = build->self->layout == EVIDENT_IMPORT_LAYOUT_EVIDENT;

  if (sheet->header_row < 0)
    {
      add_problem (build, EVIDENT_IMPORT_ERROR_NO_HEADER, sheet, -1, -1,
                   g_strdup (_ ("no row names the columns, such as “ID” and “Title”; choose the "
                                "header row")));
      return;
    }
  if (!check_columns (build, sheet))
    return;

  sheet_context_init (&context, build, sheet, ordinal);
  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *text = NULL;

      if (row < (guint) sheet->header_row)
        evident_import_add_skip (build, sheet, row,
                                 evident_sheet_row_is_empty (sheet->sheet, row)
                                     ? EVIDENT_IMPORT_SKIP_BLANK
                                     : EVIDENT_IMPORT_SKIP_ABOVE_HEADER);
      else if (row == (guint) sheet->header_row)
        evident_import_add_skip (build, sheet, row, EVIDENT_IMPORT_SKIP_HEADER);
      else if (evident_sheet_row_is_empty (sheet->sheet, row))
        evident_import_add_skip (build, sheet, row, EVIDENT_IMPORT_SKIP_BLANK);
      else if (is_repeated_header (&context, row))
        evident_import_add_skip (build, sheet, row, EVIDENT_IMPORT_SKIP_REPEATED_HEADER);
      else if (!evident && (text = band_text (&context, row)) != NULL)
        {
          band = text;
          context.last = NULL;
          g_ptr_array_add (build->bands, g_steal_pointer (&text));
          evident_import_add_skip (build, sheet, row, EVIDENT_IMPORT_SKIP_BAND);
        }
      /* A hidden item is one taken out of use; a hidden band still
       * names the rows below it (a filter hides bands too). */
      else if (evident_sheet_get_row_hidden (sheet->sheet, row))
        evident_import_add_skip (build, sheet, row, EVIDENT_IMPORT_SKIP_HIDDEN);
      else if (evident && evident_import_row_width (sheet->sheet, row) > context.header_width)
        add_problem (build, EVIDENT_IMPORT_ERROR_SYNTAX, sheet, row, -1,
                     g_strdup_printf (_ ("this row has %u fields, but the header names only %u "
                                         "columns"),
                                      evident_import_row_width (sheet->sheet, row),
                                      context.header_width));
      else
        read_row (build, &context, row, band);
    }
  sheet_context_clear (&context);

  /* References were to come from the titles, but none did. */
  if (sheet->columns[EVIDENT_IMPORT_FIELD_REF] < 0 && build->pending->len == n_before)
    add_problem (build, EVIDENT_IMPORT_ERROR_MISSING_COLUMN, sheet, sheet->header_row, -1,
                 g_strdup (_ ("no column holds the items’ references, such as “ref” or “ID”; "
                              "choose one")));
}

static void
check_points (Build *build)
{
  EvidentImport *self = build->self;

  self->mode = build->any_points ? EVIDENT_SCORE_MODE_POINTS : EVIDENT_SCORE_MODE_PASS_FAIL;
  for (guint i = 0; i < build->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (build->pending, i);

      if (!build->any_points)
        {
          pending->entry->no_points = TRUE;
          pending->entry->points = 0;
        }
      else if (pending->points_empty)
        {
          g_autofree char *name = column_name (build, pending->sheet, pending->points_column);

          add_problem (build, EVIDENT_IMPORT_ERROR_BAD_VALUE, pending->sheet,
                       (int) pending->entry->source.row, pending->points_column,
                       g_strdup_printf (_ ("“%s” is empty, but other items have points; give it "
                                           "a whole number"),
                                        name));
        }
    }
}

/* Whether @ref could have been a number cell: digits, a dot, digits. */
static gboolean
is_decimal (const char *ref)
{
  guint64     major;
  const char *minor;

  return split_decimal (ref, &major, &minor);
}

static void
check_duplicates (Build *build)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < build->pending->len; i++)
    {
      Pending               *pending = g_ptr_array_index (build->pending, i);
      EvidentChecklistEntry *entry = pending->entry;
      Pending               *first = g_hash_table_lookup (seen, entry->ref);
      char                  *message;

      if (first == NULL)
        {
          g_hash_table_insert (seen, entry->ref, pending);
          continue;
        }

      if (evident_sheet_is_csv (first->sheet->sheet))
        message = g_strdup_printf (_ ("the reference “%s” is already used on line %u"), entry->ref,
                                   first->entry->line);
      else if (is_decimal (entry->ref))
        message = g_strdup_printf (_ ("the reference “%s” is already used in sheet “%s”, row %u; "
                                      "if the column holds numbers, 1.10 reads as 1.1: format it "
                                      "as text and type the references again"),
                                   entry->ref, evident_sheet_get_name (first->sheet->sheet),
                                   first->entry->source.row + 1);
      else
        message = g_strdup_printf (_ ("the reference “%s” is already used in sheet “%s”, row %u"),
                                   entry->ref, evident_sheet_get_name (first->sheet->sheet),
                                   first->entry->source.row + 1);
      add_problem (build, EVIDENT_IMPORT_ERROR_DUPLICATE, pending->sheet, (int) entry->source.row,
                   -1, message);
    }
}

static void
make_chapters (EvidentImport *self)
{
  g_autoptr (GHashTable) chapters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      EvidentChecklistEntry *entry = g_ptr_array_index (self->entries, i);
      EvidentImportChapter  *chapter = g_hash_table_lookup (chapters, entry->chapter);
      EvidentImportSection  *section;
      char                  *key;

      if (chapter == NULL)
        {
          chapter = g_new0 (EvidentImportChapter, 1);
          chapter->number = g_strdup (entry->chapter);
          chapter->title = g_strdup (entry->chapter_title);
          chapter->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
          g_ptr_array_add (self->chapters, chapter);
          g_hash_table_insert (chapters, chapter->number, chapter);
        }
      chapter->n_items++;

      if (*entry->section == '\0' && *entry->section_title == '\0')
        continue;
      key = g_strconcat (entry->chapter, "\n", entry->section, NULL);
      section = g_hash_table_lookup (sections, key);
      if (section == NULL)
        {
          section = g_new0 (EvidentImportSection, 1);
          section->number = g_strdup (entry->section);
          section->title = g_strdup (entry->section_title);
          g_ptr_array_add (chapter->sections, section);
          g_hash_table_insert (sections, key, section);
        }
      else
        g_free (key);
      section->n_items++;
    }
}

static int
compare_problems (gconstpointer a, gconstpointer b)
{
  const EvidentImportProblem *pa = *(EvidentImportProblem *const *) a;
  const EvidentImportProblem *pb = *(EvidentImportProblem *const *) b;

  if (pa->sheet != pb->sheet)
    return pa->sheet < pb->sheet ? -1 : 1;
  if (pa->row != pb->row)
    return pa->row < pb->row ? -1 : 1;
  return 0;
}

static void
finish (Build *build)
{
  EvidentImport *self = build->self;

  evident_import_derive_structure (build);
  check_points (build);
  check_duplicates (build);
  make_chapters (self);
}

/* Internal API */

/**
 * evident_import_build:
 *
 * Rebuilds the preview: entries, skipped rows, chapters, problems, mode.
 */
void
evident_import_build (EvidentImport *self)
{
  Build build = { self };
  guint ordinal = 0;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->skipped, g_array_unref);
  g_clear_pointer (&self->chapters, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) evident_checklist_entry_free);
  self->skipped = g_array_new (FALSE, FALSE, sizeof (EvidentImportSkip));
  self->chapters = g_ptr_array_new_with_free_func ((GDestroyNotify) chapter_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  self->max_level = 0;
  build.pending = g_ptr_array_new_with_free_func (g_free);
  build.bands = g_ptr_array_new_with_free_func (g_free);
  build.headings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < self->sheets->len; i++)
    build.n_used += ((ImportSheet *) g_ptr_array_index (self->sheets, i))->used;

  for (guint i = 0; i < self->sheets->len; i++)
    {
      ImportSheet *sheet = g_ptr_array_index (self->sheets, i);

      if (sheet->used)
        build_sheet (&build, sheet, ++ordinal);
    }
  finish (&build);

  if (build.n_used == 0)
    add_problem (&build, EVIDENT_IMPORT_ERROR_NO_SHEET, NULL, -1, -1,
                 g_strdup (_ ("No sheet is chosen; choose the sheets that hold the checklist")));
  else if (self->entries->len == 0 && self->problems->len == 0)
    {
      for (guint i = 0; i < self->sheets->len; i++)
        {
          ImportSheet *sheet = g_ptr_array_index (self->sheets, i);

          if (sheet->used && sheet->header_row >= 0)
            {
              add_problem (&build, EVIDENT_IMPORT_ERROR_EMPTY, sheet, sheet->header_row, -1,
                           g_strdup (_ ("the checklist has a header but no items below it")));
              break;
            }
        }
    }
  g_ptr_array_sort (self->problems, compare_problems);

  g_ptr_array_unref (build.pending);
  g_ptr_array_unref (build.bands);
  g_hash_table_unref (build.headings);
}
