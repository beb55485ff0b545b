/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A synthetic self-assessment workbook with the layout of AWS's partner
 * self-assessments, in Evident's own words, for tests of the checklist
 * import and the self-assessment export.
 *
 * The workbook starts with an introduction sheet (lines of text in column A,
 * no item header). Every checklist sheet then has, rows counted from 0:
 *
 *   row 0  the title: rich text (first word bold), merged across A:D
 *   row 1  the header: ID | Requirement Description | Met? | Partner Response
 *   then, for each section: a blank row (not for the first section), the
 *          section band (its text merged across A:D, if the section has
 *          one), and one row per item:
 *            A  the ID, e.g. OPSP-001
 *            B  rich text: the title (bold), LF, "Mandatory" or "Recommended"
 *               (italic), CR LF, the requirement, and when there is one,
 *               LF LF and the evidence paragraph ("Evidence …")
 *            C  Met?: the given answer, or a blank cell with the column's
 *               unlocked style
 *            D  Partner Response: likewise
 *
 * Columns have widths (A 12, B 70, C 10, D 50), C and D are unlocked and
 * carry their style as the column default, the sheet is protected, and C
 * has a "No,Yes" list validation from the first item row to the last. Blank
 * rows are absent from the sheet XML (or present and empty with
 * %EVIDENT_TEST_WORKBOOK_EMPTY_ROWS). Line breaks are written as Excel
 * writes them: CR as _x000D_ in the shared strings, LF as is.
 */

/**
 * EvidentTestItem:
 * @id: the ID in column A
 * @title: the first line of column B
 * @mandatory: %TRUE for "Mandatory", %FALSE for "Recommended"
 * @requirement: the requirement; may hold LF, CR LF and U+00A0
 * @evidence: (nullable): the evidence paragraph, starting "Evidence"
 * @met: (nullable): an answer already given in column C
 * @response: (nullable): a response already given in column D
 * @no_answer_cells: leave C and D out of the sheet XML altogether
 */
typedef struct
{
  const char *id;
  const char *title;
  gboolean    mandatory;
  const char *requirement;
  const char *evidence;
  const char *met;
  const char *response;
  gboolean    no_answer_cells;
} EvidentTestItem;

/**
 * EvidentTestSection:
 * @band: (nullable): the text of the section's band row; %NULL: no band
 */
typedef struct
{
  const char            *band;
  const EvidentTestItem *items;
  guint                  n_items;
} EvidentTestSection;

/**
 * EvidentTestSheet:
 * @name: the sheet's name
 * @title: the text of the merged title row
 */
typedef struct
{
  const char               *name;
  const char               *title;
  const EvidentTestSection *sections;
  guint                     n_sections;
} EvidentTestSheet;

/**
 * EvidentTestWorkbookFlags:
 * @EVIDENT_TEST_WORKBOOK_DEFAULT: blank rows absent from the sheet XML
 * @EVIDENT_TEST_WORKBOOK_EMPTY_ROWS: blank rows present, with no cells
 * @EVIDENT_TEST_WORKBOOK_NO_INTRO: no introduction sheet
 */
typedef enum
{
  EVIDENT_TEST_WORKBOOK_DEFAULT    = 0,
  EVIDENT_TEST_WORKBOOK_EMPTY_ROWS = 1 << 0,
  EVIDENT_TEST_WORKBOOK_NO_INTRO   = 1 << 1,
} EvidentTestWorkbookFlags;

/**
 * EvidentTestWorkbook:
 * @intro_lines: (nullable): %NULL-terminated lines of the introduction
 *   sheet ("Introduction"); %NULL for a default text
 * @sheets: the checklist sheets, in order, after the introduction
 */
typedef struct
{
  const char * const      *intro_lines;
  const EvidentTestSheet  *sheets;
  guint                    n_sheets;
  EvidentTestWorkbookFlags flags;
} EvidentTestWorkbook;

const EvidentTestWorkbook *evident_test_workbook_get_default  (void);
EvidentTestWorkbook       *evident_test_workbook_new_generated (guint                      n_sheets,
                                                               guint                      n_items);
void                       evident_test_workbook_free         (EvidentTestWorkbook       *workbook);

GBytes                    *evident_test_workbook_build        (const EvidentTestWorkbook *workbook,
                                                               GError                   **error);
gboolean                   evident_test_workbook_write        (const EvidentTestWorkbook *workbook,
                                                               const char                *path,
                                                               GError                   **error);

const EvidentTestItem     *evident_test_workbook_locate       (const EvidentTestWorkbook *workbook,
                                                               const char                *id,
                                                               const char               **sheet_name,
                                                               guint                     *sheet_index,
                                                               guint                     *row);
guint                      evident_test_workbook_get_n_rows   (const EvidentTestWorkbook *workbook,
                                                               guint                      sheet);
char                      *evident_test_workbook_get_part     (const EvidentTestWorkbook *workbook,
                                                               guint                      sheet);
char                      *evident_test_item_get_text         (const EvidentTestItem     *item);

/* The strings of the layout, as the header and column B hold them. */
#define EVIDENT_TEST_HEADER_ID          "ID"
#define EVIDENT_TEST_HEADER_REQUIREMENT "Requirement Description"
#define EVIDENT_TEST_HEADER_MET         "Met?"
#define EVIDENT_TEST_HEADER_RESPONSE    "Partner Response"
#define EVIDENT_TEST_INTRO_NAME         "Introduction"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentTestWorkbook, evident_test_workbook_free)

G_END_DECLS
