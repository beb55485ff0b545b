/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "evident-csv.h"
#include "evident-sheet.h"
#include "evident-types.h"
#include "evident-xlsx.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_IMPORT  (evident_import_get_type ())
#define EVIDENT_IMPORT_ERROR (evident_import_error_quark ())

/* The most points one item may carry; more is a typing error. The project
 * file knows the same bound. */
#ifndef EVIDENT_MAX_ITEM_POINTS
#define EVIDENT_MAX_ITEM_POINTS 10000
#endif

/**
 * EvidentImportError:
 * @EVIDENT_IMPORT_ERROR_EMPTY: a header but no items below it
 * @EVIDENT_IMPORT_ERROR_NO_HEADER: no row of a sheet names the columns
 * @EVIDENT_IMPORT_ERROR_NO_SHEET: no sheet is selected, or none has that name
 * @EVIDENT_IMPORT_ERROR_MISSING_COLUMN: no column holds a field every item
 *   needs (the reference; the title or the requirement), or a mapping names
 *   a column the header does not have
 * @EVIDENT_IMPORT_ERROR_BAD_VALUE: a cell holds a value of the wrong kind (a
 *   number, a flag) or an item lacks what it needs
 * @EVIDENT_IMPORT_ERROR_DUPLICATE: two items share a reference
 * @EVIDENT_IMPORT_ERROR_SYNTAX: a row of Evident's own format has more
 *   fields than its header names
 * @EVIDENT_IMPORT_ERROR_BAD_MAPPING: a mapping (`field=COLUMN,…`) or an
 *   option cannot be read
 *
 * What blocks an import. Every message starts with the place it applies
 * to: "Line 14: …" in a CSV file, "Sheet “Security”, row 14: …" or
 * "Sheet “Security”, cell C14: …" in a workbook.
 */
typedef enum
{
  EVIDENT_IMPORT_ERROR_EMPTY,
  EVIDENT_IMPORT_ERROR_NO_HEADER,
  EVIDENT_IMPORT_ERROR_NO_SHEET,
  EVIDENT_IMPORT_ERROR_MISSING_COLUMN,
  EVIDENT_IMPORT_ERROR_BAD_VALUE,
  EVIDENT_IMPORT_ERROR_DUPLICATE,
  EVIDENT_IMPORT_ERROR_SYNTAX,
  EVIDENT_IMPORT_ERROR_BAD_MAPPING,
} EvidentImportError;

/**
 * EvidentChecklistExtra:
 * @name: the column's header text (its letter when the header cell is empty)
 * @value: the cell's text, normalised as entry texts are
 *
 * A column of the source that no field takes, kept with the entry so that
 * exports can write it back.
 */
typedef struct
{
  char *name;
  char *value;
} EvidentChecklistExtra;

/**
 * EvidentChecklistSource:
 * @known: %FALSE when the entry was not read from a sheet (then the other
 *   members are 0)
 * @sheet: the sheet's index in the list the import was made from
 * @row: the entry's row in that sheet, from 0
 * @met_column: the column of the sheet's "Met?" answers, -1 if none
 * @response_column: the column of its "Partner Response" answers, -1 if none
 *
 * Where an entry came from, so that an export can write the answers back
 * into a copy of the source workbook.
 */
typedef struct
{
  gboolean known;
  guint    sheet;
  guint    row;
  int      met_column;
  int      response_column;
} EvidentChecklistSource;

/**
 * EvidentChecklistState:
 * @met: the "Met?" answer as the source spells it ("Yes", "No"), or %NULL
 * @response: the answer's text for the auditor ("Partner Response"), or %NULL
 * @status_text: the status as the source spells it ("In Progress"), or %NULL
 * @has_status: whether @status holds a status read or derived from the
 *   source: from @status_text (Jira's "Done" is met), else from @met
 *   ("Yes" is met, "No" not met)
 * @status: the status, when @has_status
 * @owner: the owner (Jira's assignee), or %NULL
 * @complexity: the complexity, %EVIDENT_COMPLEXITY_NONE when not given
 * @reason: why the item does not apply, or %NULL
 * @note: an internal note, or %NULL
 * @due: the due date as YYYY-MM-DD, or %NULL (a cell that holds no date
 *   is kept as an extra field instead)
 *
 * The answers and state the source already had for an item: what a project
 * starts from. Strings are %NULL, never "", when the source has nothing.
 */
typedef struct
{
  char             *met;
  char             *response;
  char             *status_text;
  gboolean          has_status;
  EvidentStatus     status;
  char             *owner;
  EvidentComplexity complexity;
  char             *reason;
  char             *note;
  char             *due;
} EvidentChecklistState;

/**
 * EvidentChecklistEntry:
 * @line: the line of the CSV file on which the entry's row starts, or the
 *   row number of a workbook sheet (both from 1): for messages
 * @no_points: the checklist gives no points (a pass/fail checklist);
 *   @points is then 0
 * @extra: (nullable) (element-type EvidentChecklistExtra): the source's
 *   other columns, in column order
 * @source: where in the source the entry is
 * @state: the answers and state the source gave, if any
 *
 * One checklist item as read from a checklist file. Strings are never %NULL
 * (an absent optional column gives ""), all are trimmed; texts have "\n"
 * line ends and plain spaces. Entries made by hand with g_new0() are valid:
 * every member added since the first version reads as "not given" when 0.
 */
struct _EvidentChecklistEntry
{
  char                  *ref;
  char                  *chapter;
  char                  *chapter_title;
  char                  *section;
  char                  *section_title;
  char                  *title;
  char                  *requirement;
  char                  *evidence;
  int                    points;
  gboolean               mandatory;
  guint                  line;
  gboolean               no_points;
  GPtrArray             *extra;
  EvidentChecklistSource source;
  EvidentChecklistState  state;
};

/**
 * EvidentImportField:
 *
 * What a column can mean. The nick of each value is its name in a mapping
 * (`--map ref=ID,title=Name`) and README's CSV column.
 */
typedef enum
{
  EVIDENT_IMPORT_FIELD_REF,           /*< nick=ref >*/
  EVIDENT_IMPORT_FIELD_CHAPTER,       /*< nick=chapter >*/
  EVIDENT_IMPORT_FIELD_CHAPTER_TITLE, /*< nick=chapter_title >*/
  EVIDENT_IMPORT_FIELD_SECTION,       /*< nick=section >*/
  EVIDENT_IMPORT_FIELD_SECTION_TITLE, /*< nick=section_title >*/
  EVIDENT_IMPORT_FIELD_TITLE,         /*< nick=title >*/
  EVIDENT_IMPORT_FIELD_REQUIREMENT,   /*< nick=requirement >*/
  EVIDENT_IMPORT_FIELD_EVIDENCE,      /*< nick=evidence >*/
  EVIDENT_IMPORT_FIELD_POINTS,        /*< nick=points >*/
  EVIDENT_IMPORT_FIELD_MANDATORY,     /*< nick=mandatory >*/
  EVIDENT_IMPORT_FIELD_LEVEL,         /*< nick=level >*/
  EVIDENT_IMPORT_FIELD_LABELS,        /*< nick=labels >*/
  EVIDENT_IMPORT_FIELD_MET,           /*< nick=met >*/
  EVIDENT_IMPORT_FIELD_RESPONSE,      /*< nick=response >*/
  EVIDENT_IMPORT_FIELD_STATUS,        /*< nick=status >*/
  EVIDENT_IMPORT_FIELD_OWNER,         /*< nick=owner >*/
  EVIDENT_IMPORT_FIELD_COMPLEXITY,    /*< nick=complexity >*/
  EVIDENT_IMPORT_FIELD_REASON,        /*< nick=reason >*/
  EVIDENT_IMPORT_FIELD_NOTE,          /*< nick=note >*/
  EVIDENT_IMPORT_FIELD_DUE,           /*< nick=due >*/
} EvidentImportField;

#define EVIDENT_IMPORT_N_FIELDS (EVIDENT_IMPORT_FIELD_DUE + 1)

/**
 * EvidentImportLayout:
 * @EVIDENT_IMPORT_LAYOUT_EVIDENT: Evident's own CSV format (README): the
 *   first row names `ref`, `chapter`, …; strict
 * @EVIDENT_IMPORT_LAYOUT_AWS_WORKBOOK: AWS's self-assessment workbook: one
 *   chapter per checklist sheet, `ID | Requirement Description | Met? |
 *   Partner Response`, section bands
 * @EVIDENT_IMPORT_LAYOUT_AWS_CSV: one such sheet saved as CSV: its bands
 *   (`Business,,,`) are the chapters
 * @EVIDENT_IMPORT_LAYOUT_JIRA: Jira's CSV export of issues
 * @EVIDENT_IMPORT_LAYOUT_MAPPED: anything else, by a mapping proposed from
 *   the header's names
 */
typedef enum
{
  EVIDENT_IMPORT_LAYOUT_EVIDENT,      /*< nick=evident >*/
  EVIDENT_IMPORT_LAYOUT_AWS_WORKBOOK, /*< nick=aws-workbook >*/
  EVIDENT_IMPORT_LAYOUT_AWS_CSV,      /*< nick=aws-csv >*/
  EVIDENT_IMPORT_LAYOUT_JIRA,         /*< nick=jira >*/
  EVIDENT_IMPORT_LAYOUT_MAPPED,       /*< nick=mapped >*/
} EvidentImportLayout;

/**
 * EvidentImportSheetStatus:
 * @EVIDENT_IMPORT_SHEET_USED: its rows become items
 * @EVIDENT_IMPORT_SHEET_NO_HEADER: left out: no row names item columns (an
 *   introduction, a list of values)
 * @EVIDENT_IMPORT_SHEET_EMPTY: left out: it holds nothing
 * @EVIDENT_IMPORT_SHEET_EXCLUDED: left out by the user (or `--sheet`)
 * @EVIDENT_IMPORT_SHEET_HIDDEN: left out: hidden in the workbook (a list of
 *   values, an old version), while a visible sheet holds items
 * @EVIDENT_IMPORT_SHEET_REPEATED: left out: its items are mostly an earlier
 *   sheet's again (implementation guidelines, a lighter edition)
 */
typedef enum
{
  EVIDENT_IMPORT_SHEET_USED,      /*< nick=used >*/
  EVIDENT_IMPORT_SHEET_NO_HEADER, /*< nick=no-header >*/
  EVIDENT_IMPORT_SHEET_EMPTY,     /*< nick=empty >*/
  EVIDENT_IMPORT_SHEET_EXCLUDED,  /*< nick=excluded >*/
  EVIDENT_IMPORT_SHEET_HIDDEN,    /*< nick=hidden >*/
  EVIDENT_IMPORT_SHEET_REPEATED,  /*< nick=repeated >*/
} EvidentImportSheetStatus;

/**
 * EvidentImportSkipReason:
 * @EVIDENT_IMPORT_SKIP_BLANK: nothing in it
 * @EVIDENT_IMPORT_SKIP_ABOVE_HEADER: above the header: a title, a note
 * @EVIDENT_IMPORT_SKIP_HEADER: the header itself
 * @EVIDENT_IMPORT_SKIP_REPEATED_HEADER: the header again, further down
 * @EVIDENT_IMPORT_SKIP_BAND: a band naming the section (or chapter) of the
 *   items below it
 * @EVIDENT_IMPORT_SKIP_NO_REFERENCE: text, but no reference: a note
 * @EVIDENT_IMPORT_SKIP_CONTINUATION: no reference, but more text of the
 *   item above (points of focus below a criterion): added to that item
 * @EVIDENT_IMPORT_SKIP_WITHDRAWN: an item the catalogue withdrew
 *   ("[Withdrawn: …]" as its name or text)
 * @EVIDENT_IMPORT_SKIP_HIDDEN: a row the workbook hides (by hand, by a
 *   filter, in a collapsed group): an item taken out of use
 *
 * Why a row of a used sheet gives no item.
 */
typedef enum
{
  EVIDENT_IMPORT_SKIP_BLANK,            /*< nick=blank >*/
  EVIDENT_IMPORT_SKIP_ABOVE_HEADER,     /*< nick=above-header >*/
  EVIDENT_IMPORT_SKIP_HEADER,           /*< nick=header >*/
  EVIDENT_IMPORT_SKIP_REPEATED_HEADER,  /*< nick=repeated-header >*/
  EVIDENT_IMPORT_SKIP_BAND,             /*< nick=band >*/
  EVIDENT_IMPORT_SKIP_NO_REFERENCE,     /*< nick=no-reference >*/
  EVIDENT_IMPORT_SKIP_CONTINUATION,     /*< nick=continuation >*/
  EVIDENT_IMPORT_SKIP_WITHDRAWN,        /*< nick=withdrawn >*/
  EVIDENT_IMPORT_SKIP_HIDDEN,           /*< nick=hidden >*/
} EvidentImportSkipReason;

/**
 * EvidentImportSkip:
 * @sheet: the sheet's index
 * @row: the row, from 0
 * @reason: why no item comes from it
 */
typedef struct
{
  guint                   sheet;
  guint                   row;
  EvidentImportSkipReason reason;
} EvidentImportSkip;

/**
 * EvidentImportProblem:
 * @code: what is wrong, in %EVIDENT_IMPORT_ERROR
 * @sheet: the sheet's index, -1 for the import as a whole
 * @row: the row, -1 for the sheet as a whole
 * @column: the column, -1 for the row as a whole
 * @message: for the user, starting with the place
 *
 * Something that blocks the import until the mapping or the file changes.
 */
typedef struct
{
  EvidentImportError code;
  int                sheet;
  int                row;
  int                column;
  char              *message;
} EvidentImportProblem;

/**
 * EvidentImportSection:
 * @number: the section's number (derived ones: "2.1", "2.2", …)
 * @title: its title, "" if none
 * @n_items: how many items it holds
 */
typedef struct
{
  char *number;
  char *title;
  guint n_items;
} EvidentImportSection;

/**
 * EvidentImportChapter:
 * @number: the chapter's number (or derived key, e.g. "V1", "A.5", "1")
 * @title: its title, "" if none
 * @n_items: how many items it holds, in sections or not
 * @sections: (element-type EvidentImportSection): its sections, in order
 */
typedef struct
{
  char      *number;
  char      *title;
  guint      n_items;
  GPtrArray *sections;
} EvidentImportChapter;

/**
 * EvidentImportMapping:
 *
 * Which column each field takes, by the column's header text: what
 * `--map field=COLUMN,…` says and what is remembered for a header.
 */
typedef struct _EvidentImportMapping EvidentImportMapping;

/**
 * EvidentImportOptions:
 * @sheet: (nullable): `--sheet NAME`: import only this sheet
 * @header_row: `--header-row N`: the header is row N of each used sheet,
 *   counted from 1 as a spreadsheet shows rows (in a CSV file: the N-th
 *   record); 0 finds it
 * @mapping: (nullable): `--map field=COLUMN,…`: overrides of the proposed
 *   mapping
 * @mandatory_level: items up to this level are mandatory, those above
 *   recommended (needs a level column and no mandatory column); 0: all
 *
 * What the command line can say about an import.
 */
typedef struct
{
  const char                 *sheet;
  guint                       header_row;
  const EvidentImportMapping *mapping;
  guint                       mandatory_level;
} EvidentImportOptions;

G_DECLARE_FINAL_TYPE (EvidentImport, evident_import, EVIDENT, IMPORT, GObject)

GQuark                   evident_import_error_quark          (void);

/* Entries */
void                     evident_checklist_entry_free        (EvidentChecklistEntry *entry);
const char              *evident_checklist_entry_get_extra   (const EvidentChecklistEntry *entry,
                                                              const char            *name);
EvidentScoreMode         evident_checklist_entries_get_mode  (GPtrArray             *entries);

/* Evident's CSV format, or any CSV layout the import recognises */
GPtrArray               *evident_checklist_parse             (GBytes                *bytes,
                                                              GError               **error);
GPtrArray               *evident_checklist_load              (GFile                 *file,
                                                              GCancellable          *cancellable,
                                                              GError               **error);

/* Fields */
const char              *evident_import_field_get_name       (EvidentImportField     field);
const char              *evident_import_field_get_label      (EvidentImportField     field);
gboolean                 evident_import_field_from_name      (const char            *name,
                                                              EvidentImportField    *field);
const char              *evident_import_layout_get_label     (EvidentImportLayout    layout);
const char              *evident_import_skip_reason_get_label (EvidentImportSkipReason reason);
const char              *evident_import_sheet_status_get_label (EvidentImportSheetStatus status);

/* The import */
EvidentImport           *evident_import_new                  (GPtrArray             *sheets,
                                                              const EvidentCsvFormat *csv_format);
EvidentImport           *evident_import_new_for_csv          (GBytes                *bytes,
                                                              GError               **error);
EvidentImport           *evident_import_new_for_bytes        (GBytes                *bytes,
                                                              const char            *display_name,
                                                              GCancellable          *cancellable,
                                                              GError               **error);
EvidentImport           *evident_import_new_for_file         (GFile                 *file,
                                                              GCancellable          *cancellable,
                                                              GError               **error);
void                     evident_import_new_for_file_async   (GFile                 *file,
                                                              GCancellable          *cancellable,
                                                              GAsyncReadyCallback    callback,
                                                              gpointer               user_data);
EvidentImport           *evident_import_new_for_file_finish  (GAsyncResult          *result,
                                                              GError               **error);
EvidentWorkbook         *evident_import_get_workbook         (EvidentImport         *self);

EvidentImportLayout      evident_import_get_layout           (EvidentImport         *self);
const EvidentCsvFormat  *evident_import_get_csv_format       (EvidentImport         *self);

guint                    evident_import_get_n_sheets         (EvidentImport         *self);
EvidentSheet            *evident_import_get_sheet            (EvidentImport         *self,
                                                              guint                  sheet);
EvidentImportSheetStatus evident_import_get_sheet_status     (EvidentImport         *self,
                                                              guint                  sheet);
void                     evident_import_set_sheet_used       (EvidentImport         *self,
                                                              guint                  sheet,
                                                              gboolean               used);
int                      evident_import_get_header_row       (EvidentImport         *self,
                                                              guint                  sheet);
void                     evident_import_set_header_row       (EvidentImport         *self,
                                                              guint                  sheet,
                                                              int                    row);

int                      evident_import_get_column           (EvidentImport         *self,
                                                              guint                  sheet,
                                                              EvidentImportField     field);
void                     evident_import_set_column           (EvidentImport         *self,
                                                              guint                  sheet,
                                                              EvidentImportField     field,
                                                              int                    column);
int                      evident_import_get_column_field     (EvidentImport         *self,
                                                              guint                  sheet,
                                                              guint                  column);
char                    *evident_import_dup_column_name      (EvidentImport         *self,
                                                              guint                  sheet,
                                                              guint                  column);

guint                    evident_import_get_max_level        (EvidentImport         *self);
guint                    evident_import_get_mandatory_level  (EvidentImport         *self);
void                     evident_import_set_mandatory_level  (EvidentImport         *self,
                                                              guint                  level);

GPtrArray               *evident_import_get_entries          (EvidentImport         *self);
GArray                  *evident_import_get_skipped          (EvidentImport         *self);
guint                    evident_import_count_skipped        (EvidentImport         *self,
                                                              guint                  sheet,
                                                              EvidentImportSkipReason reason);
GPtrArray               *evident_import_get_chapters         (EvidentImport         *self);
GPtrArray               *evident_import_get_problems         (EvidentImport         *self);
EvidentScoreMode         evident_import_get_mode             (EvidentImport         *self);
gboolean                 evident_import_check                (EvidentImport         *self,
                                                              GError               **error);

/* Mappings and options */
EvidentImportMapping    *evident_import_mapping_new          (void);
EvidentImportMapping    *evident_import_mapping_parse        (const char            *text,
                                                              GError               **error);
void                     evident_import_mapping_free         (EvidentImportMapping  *mapping);
void                     evident_import_mapping_set          (EvidentImportMapping  *mapping,
                                                              EvidentImportField     field,
                                                              const char            *column);
const char              *evident_import_mapping_get          (const EvidentImportMapping *mapping,
                                                              EvidentImportField     field);
char                    *evident_import_mapping_to_string    (const EvidentImportMapping *mapping);

EvidentImportMapping    *evident_import_dup_mapping          (EvidentImport         *self,
                                                              guint                  sheet);
gboolean                 evident_import_apply_mapping        (EvidentImport         *self,
                                                              const EvidentImportMapping *mapping,
                                                              GError               **error);
gboolean                 evident_import_apply_options        (EvidentImport         *self,
                                                              const EvidentImportOptions *options,
                                                              GError               **error);

/* The whole preview as JSON (`evident-cli inspect --json`) */
JsonNode                *evident_import_to_json              (EvidentImport         *self);

/* Mappings remembered per header, in the user's configuration */
gboolean                 evident_import_recall_mapping       (EvidentImport         *self);
gboolean                 evident_import_remember_mapping     (EvidentImport         *self,
                                                              GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentImportMapping, evident_import_mapping_free)

G_END_DECLS
