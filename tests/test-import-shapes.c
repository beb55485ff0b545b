/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Published checklists of many shapes, built in code with their real
 * column names and reference styles but in Evident's own words: control
 * catalogues, safeguard lists with heading rows, matrices with a title
 * block and a two-row header, statements of applicability, criteria with
 * points of focus below them, requirement lists numbered 1.1.1. Each
 * imports with no mapping. */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "evident-import.h"

/* Helpers */

static void
set_row (EvidentSheet *sheet, guint row, ...)
{
  va_list     args;
  const char *text;
  guint       column = 0;

  va_start (args, row);
  while ((text = va_arg (args, const char *)) != NULL)
    evident_sheet_set_cell (sheet, row, column++, text);
  va_end (args);
}

static EvidentImport *
import_sheets (EvidentSheet *first, ...)
{
  g_autoptr (GPtrArray) sheets =
      g_ptr_array_new_with_free_func ((GDestroyNotify) evident_sheet_unref);
  va_list       args;
  EvidentSheet *sheet;

  va_start (args, first);
  for (sheet = first; sheet != NULL; sheet = va_arg (args, EvidentSheet *))
    g_ptr_array_add (sheets, sheet);
  va_end (args);
  return evident_import_new (sheets, NULL);
}

static EvidentImport *
import_csv (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  EvidentImport *import = evident_import_new_for_csv (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
assert_no_problems (EvidentImport *import)
{
  g_autoptr (GError) error = NULL;

  if (!evident_import_check (import, &error))
    g_error ("unexpected problem: %s", error->message);
}

static EvidentChecklistEntry *
find_entry (EvidentImport *import, const char *ref)
{
  GPtrArray *entries = evident_import_get_entries (import);

  for (guint i = 0; i < entries->len; i++)
    {
      EvidentChecklistEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->ref, ref) == 0)
        return entry;
    }
  g_error ("no entry “%s”", ref);
  return NULL;
}

static const EvidentImportChapter *
chapter_at (EvidentImport *import, guint i)
{
  GPtrArray *chapters = evident_import_get_chapters (import);

  g_assert_cmpuint (i, <, chapters->len);
  return g_ptr_array_index (chapters, i);
}

static void
assert_chapter (EvidentImport *import, guint i, const char *number, const char *title, guint n_items)
{
  const EvidentImportChapter *chapter = chapter_at (import, i);

  g_assert_cmpstr (chapter->number, ==, number);
  g_assert_cmpstr (chapter->title, ==, title);
  g_assert_cmpuint (chapter->n_items, ==, n_items);
}

static const char *
field_column (EvidentImport *import, guint sheet, EvidentImportField field)
{
  static char *name = NULL;
  int          column = evident_import_get_column (import, sheet, field);

  g_clear_pointer (&name, g_free);
  if (column < 0)
    return NULL;
  name = evident_import_dup_column_name (import, sheet, (guint) column);
  return name;
}

/* A control catalogue: "Control Identifier", a name with a remark in
 * parentheses, multi-line control text, families from the identifiers. */
static void
test_control_catalogue (void)
{
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (GString) csv = g_string_new (
      "Control Identifier,Control (or Control Enhancement) Name,Control Text,Discussion,"
      "Related Controls\r\n");

  g_string_append (csv, "KM-1,Policy and Procedures,\"a. Write the key policy down;\nb. share it.\","
                        "Why it helps.,\"KM-2, LG-1\"\r\n");
  g_string_append (csv, "KM-2,Key Inventory,Keep a list of keys.,,KM-1\r\n");
  g_string_append (csv, "KM-2(1),Key Inventory | Automated List,Keep the list by tools.,,\r\n");
  g_string_append (csv, "LG-1,Log Policy,Write the log policy down.,,\r\n");
  g_string_append (csv, "LG-7(12),Log Host Protection,Protect the log hosts.,,\r\n");
  import = import_csv (csv->str);

  assert_no_problems (import);
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_REF), ==, "Control Identifier");
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_TITLE), ==,
                   "Control (or Control Enhancement) Name");
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_REQUIREMENT), ==, "Control Text");
  g_assert_cmpuint (evident_import_get_entries (import)->len, ==, 5);
  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 2);
  assert_chapter (import, 0, "KM", "", 3);
  assert_chapter (import, 1, "LG", "", 2);
  g_assert_cmpstr (find_entry (import, "KM-1")->requirement, ==,
                   "a. Write the key policy down;\nb. share it.");
  g_assert_cmpstr (find_entry (import, "KM-2(1)")->title, ==, "Key Inventory | Automated List");
  g_assert_cmpstr (evident_checklist_entry_get_extra (find_entry (import, "KM-1"), "Related Controls"),
                   ==, "KM-2, LG-1");
}

/* Requirements numbered in a column called "Requirement", their text in
 * "Defined Approach Requirements", the assessor's procedures beside. */
static void
test_requirement_numbers (void)
{
  g_autoptr (EvidentImport) import = import_csv (
      "Requirement,Defined Approach Requirements,Defined Approach Testing Procedures,Guidance\n"
      "1.1.1,The network rules are written down.,Examine the written rules.,Keep them short.\n"
      "1.2.1,The rules are reviewed.,Interview the reviewers.,\n"
      "12.10.7,Incidents are rehearsed.,Examine the rehearsal notes.,\n");

  assert_no_problems (import);
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_REF), ==, "Requirement");
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_REQUIREMENT), ==,
                   "Defined Approach Requirements");
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_EVIDENCE), ==,
                   "Defined Approach Testing Procedures");
  g_assert_cmpstr (find_entry (import, "12.10.7")->requirement, ==, "Incidents are rehearsed.");
  g_assert_cmpstr (find_entry (import, "1.2.1")->evidence, ==, "Interview the reviewers.");
  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 2);
  assert_chapter (import, 0, "1", "", 2);
  assert_chapter (import, 1, "12", "", 1);
}

/* Criteria with a header named "TSC Ref. #": signs and dots around the
 * name. */
static void
test_header_signs (void)
{
  EvidentSheet *sheet = evident_sheet_new ("Criteria");
  g_autoptr (EvidentImport) import = NULL;

  set_row (sheet, 0, "TSC Ref. #", "Trust Services Criteria", NULL);
  set_row (sheet, 1, "CC1.1", "The entity shows it values integrity.", NULL);
  set_row (sheet, 2, "CC6.1", "The entity limits logical access.", NULL);
  set_row (sheet, 3, "PI1.3", "The entity processes data completely.", NULL);
  import = import_sheets (sheet, NULL);

  assert_no_problems (import);
  g_assert_cmpint (evident_import_get_header_row (import, 0), ==, 0);
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_REF), ==, "TSC Ref. #");
  g_assert_cmpstr (field_column (import, 0, EVIDENT_IMPORT_FIELD_REQUIREMENT), ==,
                   "Trust Services Criteria");
  g_assert_cmpuint (evident_import_get_chapters (import)->len, ==, 3);
  assert_chapter (import, 0, "CC1", "", 1);
  assert_chapter (import, 2, "PI1", "", 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-shapes/control-catalogue", test_control_catalogue);
  g_test_add_func ("/import-shapes/requirement-numbers", test_requirement_numbers);
  g_test_add_func ("/import-shapes/header-signs", test_header_signs);

  return g_test_run ();
}
