/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The import assistant on the checklists a user brings: a CSV file mapped
 * by its header names, AWS's self-assessment workbook recognised as it is,
 * a CSV file whose references are not recognised, one with a duplicate
 * reference, one with levels, and files that cannot be read at all. Each
 * test reads what the assistant says (what was recognised, the count
 * line, the chapters, the skipped rows, the problems), changes the mapping
 * through the drop-downs and switches as a user would, checks that the
 * preview and the create button follow, and that nothing leaks. */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "evident-import-assistant-private.h"
#include "evident-test-utils.h"
#include "evident-test-workbook.h"

/* Security controls, semicolon-separated, with a title and a blank line
 * above the header, and two columns no field takes. */
static const char controls_csv[] =
  "Security controls register;;;;;\n"
  ";;;;;\n"
  "Control ID;Control Name;Description;Domain;Owner team;Jira key\n"
  "AC-01;Access policy;An access control policy is documented.;Access control;Platform;SEC-11\n"
  "AC-02;Account management;Accounts are reviewed every quarter.;Access control;Platform;SEC-12\n"
  "AC-03;Least privilege;Users get the least privilege they need.;Access control;Platform;SEC-13\n"
  "LG-01;Central logging;Security events go to a central store.;Logging;SRE;SEC-21\n"
  "LG-02;Log retention;Logs are kept for a year.;Logging;SRE;SEC-22\n"
  "IR-01;Incident plan;An incident response plan exists and is tested.;Incident response;Security;SEC-31\n"
  "IR-02;Incident review;Every major incident gets a written review.;Incident response;Security;SEC-32\n";

/* No column name says "reference", and no column's values look like
 * references (they have no number). */
static const char keyed_csv[] =
  "Key,Name,Text,Area\n"
  "access-policy,Access policy,An access control policy is documented.,Access\n"
  "account-review,Account review,Accounts are reviewed every quarter.,Access\n"
  "central-logging,Central logging,Security events go to a central store.,Logging\n";

static const char duplicate_csv[] =
  "ID,Title,Description\n"
  "A-1,First,The first requirement.\n"
  "A-2,Second,The second requirement.\n"
  "A-2,Third,The third requirement.\n";

/* OWASP ASVS's shape: a level column and no mandatory one. */
static const char levels_csv[] =
  "Req ID,Req Description,L\n"
  "V1.1.1,Use a secure development lifecycle.,2\n"
  "V1.1.2,Use threat modelling for every design change.,1\n"
  "V1.2.1,Use unique low-privilege accounts for components.,3\n"
  "V2.1.1,User passwords are at least 12 characters long.,1\n";

/* A safeguard list as CIS publishes it: each control's own row (no
 * safeguard) above its safeguards, implementation groups as marks. */
static const char safeguards_csv[] =
  "CIS Control,CIS Safeguard,Asset Type,Security Function,Title,Description,IG1,IG2,IG3\r\n"
  "1,,,,Inventory of devices,Know every device that touches the network.,,,\r\n"
  "1,1.1,Devices,Identify,Keep a device list,List every device with its owner.,x,x,x\r\n"
  "1,1.2,Devices,Respond,Handle unknown devices,Remove or approve unknown devices weekly.,x,x,x\r\n"
  "1,1.3,Devices,Detect,Scan for devices,Scan the network daily for devices.,,x,x\r\n"
  "2,,,,Inventory of software,Know every program that runs.,,,\r\n"
  "2,2.1,Software,Identify,Keep a software list,List every program with its version.,x,x,x\r\n"
  "2,2.2,Software,Identify,Use supported software,Run only programs their makers support.,,,x\r\n";

/* Criteria with their points of focus in rows of their own. */
static const char criteria_csv[] =
  "TSC Ref. #,Trust Services Criteria,Points of Focus\n"
  "CC1.1,The entity shows it values integrity and ethics.,\n"
  ",,Sets the tone at the top\n"
  ",,Holds people to standards of conduct\n"
  "CC6.1,The entity limits logical access to its systems.,\n"
  ",,Keeps an inventory of information assets\n";

/* Helpers */

static EvidentImport *
import_csv (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr (GError) error = NULL;
  EvidentImport *import = evident_import_new_for_csv (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static EvidentImportAssistant *
assistant_new (EvidentImport *import,
               const char    *name)
{
  g_autoptr (GFile) file = g_file_new_for_path (name);
  EvidentImportAssistant *assistant = evident_import_assistant_new (NULL, file, import);

  g_object_ref_sink (assistant);
  gtk_window_set_default_size (GTK_WINDOW (assistant), 1120, 720);
  gtk_window_present (GTK_WINDOW (assistant));
  evident_test_pump ();
  return assistant;
}

static void
assistant_destroy (EvidentImportAssistant *assistant,
                   EvidentImport          *import)
{
  gtk_window_destroy (GTK_WINDOW (assistant));
  evident_test_pump ();
  evident_test_assert_finalized (assistant);
  evident_test_assert_finalized (import);
}

static const char *
row_title (AdwActionRow *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static const char *
summary_title (EvidentImportAssistant *assistant,
               const char             *name)
{
  return row_title (evident_import_assistant_get_summary_row (assistant, name));
}

static const char *
counts (EvidentImportAssistant *assistant)
{
  return evident_import_preview_get_counts (evident_import_assistant_get_preview (assistant));
}

/* Chooses @label in the drop-down of @field, as the popover does. */
static void
choose_column (EvidentImportAssistant *assistant,
               EvidentImportField      field,
               const char             *label)
{
  EvidentImportMappingGroup *group = evident_import_assistant_get_mapping_group (assistant);
  AdwComboRow *row = evident_import_mapping_group_get_field_row (group, field);
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        {
          adw_combo_row_set_selected (row, i);
          evident_test_pump ();
          return;
        }
    }

  g_error ("The %s drop-down offers no “%s”", evident_import_field_get_label (field), label);
}

static const char *
chosen_column (EvidentImportAssistant *assistant,
               EvidentImportField      field)
{
  EvidentImportMappingGroup *group = evident_import_assistant_get_mapping_group (assistant);
  AdwComboRow *row = evident_import_mapping_group_get_field_row (group, field);

  return gtk_string_object_get_string (GTK_STRING_OBJECT (adw_combo_row_get_selected_item (row)));
}

/* What the row of @field says under its name */
static const char *
field_hint (EvidentImportAssistant *assistant,
            EvidentImportField      field)
{
  EvidentImportMappingGroup *group = evident_import_assistant_get_mapping_group (assistant);

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (evident_import_mapping_group_get_field_row (group, field)));
}

static gboolean
can_create (EvidentImportAssistant *assistant)
{
  return gtk_widget_is_sensitive (evident_import_assistant_get_create_button (assistant));
}

/* "1 Access control: 3 items; 2 Logging: 2 items" */
static char *
describe_chapters (EvidentImportAssistant *assistant,
                   gboolean                sections)
{
  GListModel *chapters = evident_import_preview_get_chapters (evident_import_assistant_get_preview (assistant));
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr (EvidentImportPreviewNode) node = g_list_model_get_item (chapters, i);
      GListModel *children = evident_import_preview_node_get_children (node);

      g_string_append_printf (text, "%s%s: %u", i > 0 ? "; " : "",
                              evident_import_preview_node_get_label (node),
                              evident_import_preview_node_get_n_items (node));
      for (guint j = 0; sections && children != NULL && j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr (EvidentImportPreviewNode) child = g_list_model_get_item (children, j);

          g_string_append_printf (text, " [%s: %u]", evident_import_preview_node_get_label (child),
                                  evident_import_preview_node_get_n_items (child));
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_strings (GListModel *strings)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (strings); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (strings, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", gtk_string_object_get_string (item));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static EvidentImportPreviewRow *
grid_row (EvidentImportAssistant *assistant,
          guint                   index)
{
  GListModel *rows = evident_import_preview_get_rows (evident_import_assistant_get_preview (assistant));
  EvidentImportPreviewRow *row = g_list_model_get_item (rows, index);

  g_object_unref (row);  /* the model keeps it */
  return row;
}

static const char *
grid_column_title (EvidentImportAssistant *assistant,
                   guint                   column)
{
  GtkColumnView *grid = evident_import_preview_get_grid (evident_import_assistant_get_preview (assistant));
  g_autoptr (GtkColumnViewColumn) view_column =
    g_list_model_get_item (gtk_column_view_get_columns (grid), column + 2);

  return gtk_column_view_column_get_title (view_column);
}

/* Tests */

static void
test_csv_mapped (void)
{
  EvidentImport *import = import_csv (controls_csv);
  EvidentImportAssistant *assistant = assistant_new (import, "/tmp/controls.csv");
  EvidentImportMappingGroup *group = evident_import_assistant_get_mapping_group (assistant);
  GListModel *skipped = evident_import_preview_get_skipped (evident_import_assistant_get_preview (assistant));
  g_autofree char *chapters = NULL;
  g_autofree char *skipped_text = NULL;

  /* What was recognised, in plain words. */
  g_assert_cmpstr (summary_title (assistant, "layout"), ==, "Columns mapped by their names");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (evident_import_assistant_get_summary_row (assistant, "format"))));
  g_assert_cmpstr (summary_title (assistant, "format"), ==, "UTF-8, separated by semicolons");
  g_assert_cmpstr (summary_title (assistant, "mode"), ==, "Pass/fail: the file has no points");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (evident_import_assistant_get_summary_row (assistant, "recalled"))));

  /* The proposed mapping, and what is kept besides. */
  g_assert_cmpstr (chosen_column (assistant, EVIDENT_IMPORT_FIELD_REF), ==, "Control ID (A)");
  g_assert_cmpstr (chosen_column (assistant, EVIDENT_IMPORT_FIELD_TITLE), ==, "Control Name (B)");
  g_assert_cmpstr (chosen_column (assistant, EVIDENT_IMPORT_FIELD_REQUIREMENT), ==, "Description (C)");
  g_assert_cmpstr (chosen_column (assistant, EVIDENT_IMPORT_FIELD_CHAPTER), ==, "Domain (D)");
  g_assert_cmpstr (chosen_column (assistant, EVIDENT_IMPORT_FIELD_POINTS), ==, "(Not in the file)");
  g_assert_cmpstr (evident_import_mapping_group_get_extras (group), ==, "Owner team, Jira key");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (evident_import_mapping_group_get_header_spin (group)), ==, 3);
  /* Only a field left out says what happens without it. */
  g_assert_cmpstr (field_hint (assistant, EVIDENT_IMPORT_FIELD_CHAPTER), ==, "");
  g_assert_cmpstr (field_hint (assistant, EVIDENT_IMPORT_FIELD_POINTS), ==,
                   "Not in the file: a pass/fail checklist");

  /* The preview: counts, chapters, skipped rows, the grid. */
  g_assert_cmpstr (counts (assistant), ==, "7 items in 3 chapters · pass/fail · 3 rows skipped");
  chapters = describe_chapters (assistant, FALSE);
  g_test_message ("Chapters: %s", chapters);
  g_assert_cmpstr (chapters, ==, "1 Access control: 3; 2 Logging: 2; 3 Incident response: 2");
  skipped_text = describe_strings (skipped);
  g_assert_cmpstr (skipped_text, ==, "Line 1 · Above the header\nLine 2 · Blank\nLine 3 · Header");
  g_assert_true (evident_import_preview_row_get_skipped (grid_row (assistant, 0)));
  g_assert_cmpstr (evident_import_preview_row_get_reads_as (grid_row (assistant, 0)), ==, "Above the header");
  g_assert_cmpstr (evident_import_preview_row_get_reads_as (grid_row (assistant, 2)), ==, "Header");
  g_assert_cmpstr (evident_import_preview_row_get_reads_as (grid_row (assistant, 3)), ==, "Item AC-01");
  g_assert_false (evident_import_preview_row_get_skipped (grid_row (assistant, 3)));
  g_assert_cmpstr (grid_column_title (assistant, 0), ==, "Control ID → Reference");
  g_assert_cmpstr (grid_column_title (assistant, 4), ==, "Owner team → extra field");
  g_assert_true (can_create (assistant));
  g_assert_false (evident_import_assistant_get_edited (assistant));

  /* Chapters from the references instead of the domains. */
  choose_column (assistant, EVIDENT_IMPORT_FIELD_CHAPTER, "(Not in the file)");
  g_clear_pointer (&chapters, g_free);
  chapters = describe_chapters (assistant, FALSE);
  g_assert_cmpstr (chapters, ==, "AC: 3; LG: 2; IR: 2");
  g_assert_cmpstr (field_hint (assistant, EVIDENT_IMPORT_FIELD_CHAPTER), ==,
                   "Not in the file: taken from the reference");
  g_assert_cmpstr (evident_import_mapping_group_get_extras (group), ==, "Domain, Owner team, Jira key");
  g_assert_cmpstr (grid_column_title (assistant, 3), ==, "Domain → extra field");
  g_assert_true (evident_import_assistant_get_edited (assistant));

  /* The owner team is a column a field can take, and then no extra. */
  choose_column (assistant, EVIDENT_IMPORT_FIELD_OWNER, "Owner team (E)");
  g_assert_cmpint (evident_import_get_column (import, 0, EVIDENT_IMPORT_FIELD_OWNER), ==, 4);
  g_assert_cmpstr (evident_import_mapping_group_get_extras (group), ==, "Domain, Jira key");

  /* A column takes one field: the Jira key as reference leaves it to
   * nothing else, and the IDs become an extra field. */
  choose_column (assistant, EVIDENT_IMPORT_FIELD_REF, "Jira key (F)");
  g_assert_cmpstr (evident_import_preview_row_get_reads_as (grid_row (assistant, 3)), ==, "Item SEC-11");
  g_clear_pointer (&chapters, g_free);
  chapters = describe_chapters (assistant, FALSE);
  g_assert_cmpstr (chapters, ==, "SEC: 7");
  g_assert_cmpstr (counts (assistant), ==, "7 items in 1 chapter · pass/fail · 3 rows skipped");

  assistant_destroy (assistant, import);
}

static void
test_csv_needs_reference (void)
{
  EvidentImport *import = import_csv (keyed_csv);
  EvidentImportAssistant *assistant = assistant_new (import, "/tmp/keyed.csv");
  GListModel *problems = evident_import_preview_get_problems (evident_import_assistant_get_preview (assistant));

  /* Nothing says "reference": the import waits for one, and says where. */
  g_assert_cmpstr (chosen_column (assistant, EVIDENT_IMPORT_FIELD_REF), ==, "(Not in the file)");
  g_assert_false (can_create (assistant));
  g_test_message ("Problem: %s", evident_import_assistant_get_problem_text (assistant));
  g_assert_true (g_str_has_prefix (evident_import_assistant_get_problem_text (assistant),
                                   "Cannot create the project yet. Line 1: "));
  g_assert_nonnull (strstr (evident_import_assistant_get_problem_text (assistant), "references"));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  g_assert_cmpstr (counts (assistant), ==, "0 items in 0 chapters · pass/fail · 4 rows skipped · 1 problem");
  g_assert_cmpstr (evident_import_preview_row_get_reads_as (grid_row (assistant, 1)), ==, "No reference");

  choose_column (assistant, EVIDENT_IMPORT_FIELD_REF, "Key (A)");
  g_assert_true (can_create (assistant));
  g_assert_cmpstr (evident_import_assistant_get_problem_text (assistant), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  g_assert_cmpstr (counts (assistant), ==, "3 items in 2 chapters · pass/fail · 1 row skipped");
  g_assert_cmpstr (evident_import_preview_row_get_reads_as (grid_row (assistant, 1)), ==, "Item access-policy");

  assistant_destroy (assistant, import);
}

static void
test_duplicate_reference (void)
{
  EvidentImport *import = import_csv (duplicate_csv);
  EvidentImportAssistant *assistant = assistant_new (import, "/tmp/duplicate.csv");
  GListModel *problems = evident_import_preview_get_problems (evident_import_assistant_get_preview (assistant));
  g_autofree char *text = describe_strings (problems);

  g_test_message ("Problems: %s", text);
  g_assert_false (can_create (assistant));
  g_assert_false (gtk_widget_get_sensitive (evident_import_assistant_get_create_button (assistant)));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  /* The problem names the place: the line of the second A-2. */
  g_assert_true (g_str_has_prefix (text, "Line 4: "));
  g_assert_nonnull (strstr (text, "A-2"));
  g_assert_nonnull (strstr (evident_import_assistant_get_problem_text (assistant), "Line 4: "));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (evident_import_assistant_get_create_button (assistant)), ==,
                   evident_import_assistant_get_problem_text (assistant));
  g_assert_cmpstr (evident_import_preview_row_get_reads_as (grid_row (assistant, 3)), ==, "Problem");

  /* Create does nothing while the problem blocks it. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.create", NULL);
  evident_test_pump ();
  g_assert_cmpuint (g_list_length (gtk_window_list_toplevels ()), ==, 1);

  assistant_destroy (assistant, import);
}

static void
test_aws_workbook (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = evident_test_workbook_build (evident_test_workbook_get_default (), &error);
  EvidentImport *import = NULL;
  EvidentImportAssistant *assistant;
  EvidentImportMappingGroup *group;
  EvidentImportPreview *preview;
  g_autofree char *chapters = NULL;
  g_autofree char *skipped = NULL;

  g_assert_no_error (error);
  import = evident_import_new_for_bytes (bytes, "self-assessment.xlsx", NULL, &error);
  g_assert_no_error (error);
  assistant = assistant_new (import, "/tmp/self-assessment.xlsx");
  group = evident_import_assistant_get_mapping_group (assistant);
  preview = evident_import_assistant_get_preview (assistant);

  /* Recognised as it is: nothing to map, and the assistant says so. */
  g_assert_cmpstr (summary_title (assistant, "layout"), ==, "AWS self-assessment workbook");
  g_assert_cmpstr (adw_action_row_get_subtitle (evident_import_assistant_get_summary_row (assistant, "layout")), ==,
                   "Recognised: no columns to choose");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (evident_import_assistant_get_summary_row (assistant, "format"))));
  g_assert_cmpstr (summary_title (assistant, "mode"), ==, "Pass/fail: the file has no points");
  g_assert_cmpstr (adw_action_row_get_subtitle (evident_import_assistant_get_summary_row (assistant, "mode")), ==,
                   "7 of 9 items are mandatory");
  g_assert_true (can_create (assistant));

  /* The introduction is left out; the checklist sheets are used, and the
   * first of them shows. */
  g_assert_false (gtk_switch_get_active (evident_import_assistant_get_sheet_switch (assistant, 0)));
  g_assert_true (gtk_switch_get_active (evident_import_assistant_get_sheet_switch (assistant, 1)));
  g_assert_true (gtk_switch_get_active (evident_import_assistant_get_sheet_switch (assistant, 2)));
  g_assert_cmpuint (evident_import_mapping_group_get_sheet (group), ==, 1);
  g_assert_cmpuint (evident_import_preview_get_sheet (preview), ==, 1);
  g_assert_cmpstr (chosen_column (assistant, EVIDENT_IMPORT_FIELD_REF), ==, "ID (A)");

  g_assert_cmpstr (counts (assistant), ==, "9 items in 2 chapters · pass/fail · 8 rows skipped");
  chapters = describe_chapters (assistant, TRUE);
  g_test_message ("Chapters: %s", chapters);
  g_assert_true (g_str_has_prefix (chapters, "1 Operations: 7 [1.1 Operations: 3] [1.2 Security "));
  g_assert_true (g_str_has_suffix (chapters, ": 4]; 2 Business: 2 [2.1 Business: 2]"));
  skipped = describe_strings (evident_import_preview_get_skipped (preview));
  g_assert_true (g_str_has_prefix (skipped, "Sheet “Operations”, row 1 · Above the header\n"
                                            "Sheet “Operations”, row 2 · Header\n"
                                            "Sheet “Operations”, row 3 · Heading\n"));
  g_assert_cmpstr (evident_import_preview_row_get_reads_as (grid_row (assistant, 3)), ==, "Item OPSP-001");

  /* Leaving a sheet out, with its switch. */
  gtk_switch_set_active (evident_import_assistant_get_sheet_switch (assistant, 2), FALSE);
  evident_test_pump ();
  g_assert_cmpint (evident_import_get_sheet_status (import, 2), ==, EVIDENT_IMPORT_SHEET_EXCLUDED);
  g_assert_cmpstr (counts (assistant), ==, "7 items in 1 chapter · pass/fail · 5 rows skipped");
  g_assert_true (evident_import_assistant_get_edited (assistant));

  /* The sheet drop-down shows another sheet's columns and rows. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (evident_import_mapping_group_get_sheet_row (group))));
  adw_combo_row_set_selected (evident_import_mapping_group_get_sheet_row (group), 0);
  evident_test_pump ();
  g_assert_cmpuint (evident_import_mapping_group_get_sheet (group), ==, 0);
  g_assert_cmpuint (evident_import_preview_get_sheet (preview), ==, 0);
  g_assert_cmpstr (evident_import_preview_row_get_reads_as (grid_row (assistant, 0)), ==, "Sheet left out");

  assistant_destroy (assistant, import);
}

static void
test_levels (void)
{
  EvidentImport *import = import_csv (levels_csv);
  EvidentImportAssistant *assistant = assistant_new (import, "/tmp/asvs.csv");
  EvidentImportMappingGroup *group = evident_import_assistant_get_mapping_group (assistant);
  AdwComboRow *level_row = evident_import_mapping_group_get_level_row (group);
  AdwActionRow *mode_row = evident_import_assistant_get_summary_row (assistant, "mode");

  /* Every item is mandatory until a level is chosen. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (level_row)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (level_row)), ==, 4);
  g_assert_cmpstr (adw_action_row_get_subtitle (mode_row), ==, "4 of 4 items are mandatory");

  adw_combo_row_set_selected (level_row, 1);
  evident_test_pump ();
  g_assert_cmpuint (evident_import_get_mandatory_level (import), ==, 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (mode_row), ==, "2 of 4 items are mandatory");
  g_assert_true (evident_import_assistant_get_edited (assistant));

  assistant_destroy (assistant, import);
}

static gboolean
has_import (gpointer data)
{
  return evident_import_assistant_get_import (data) != NULL;
}

static gboolean
find_message_dialog (gpointer data)
{
  GtkWidget **dialog = data;
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        *dialog = l->data;
    }
  return *dialog != NULL;
}

/* Reading a file goes through the worker; a remembered mapping applies
 * and the assistant says so. */
static void
test_open_remembered (void)
{
  g_autofree char *dir = g_dir_make_tmp ("evident-test-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "keyed.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  EvidentImport *first = import_csv (keyed_csv);
  EvidentImportAssistant *assistant;
  GWeakRef weak;

  g_assert_true (g_file_set_contents (path, keyed_csv, -1, &error));
  g_assert_no_error (error);

  /* The first time: the user maps the reference, and it is remembered. */
  evident_import_set_column (first, 0, EVIDENT_IMPORT_FIELD_REF, 0);
  g_assert_true (evident_import_remember_mapping (first, &error));
  g_assert_no_error (error);
  evident_test_assert_finalized (first);

  assistant = g_object_ref_sink (evident_import_assistant_open (NULL, file));
  g_weak_ref_init (&weak, assistant);
  g_assert_true (evident_test_wait_until (has_import, assistant));
  evident_test_pump ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (assistant)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (evident_import_assistant_get_summary_row (assistant, "recalled"))));
  g_assert_cmpstr (summary_title (assistant, "recalled"), ==,
                   "Using the columns you chose last time for this header");
  g_assert_cmpstr (chosen_column (assistant, EVIDENT_IMPORT_FIELD_REF), ==, "Key (A)");
  g_assert_true (can_create (assistant));

  g_object_ref (evident_import_assistant_get_import (assistant));
  {
    EvidentImport *import = evident_import_assistant_get_import (assistant);

    assistant_destroy (assistant, import);
  }
  g_weak_ref_clear (&weak);
  evident_test_remove_dir (dir);
}

/* A file that cannot be read gets a dialog that names it, and no
 * assistant. */
static void
test_open_unreadable (void)
{
  static const guint8 xls[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0 };
  g_autofree char *dir = g_dir_make_tmp ("evident-test-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old-checklist.xls", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  GtkWidget *parent = gtk_window_new ();
  EvidentImportAssistant *assistant;
  GtkWidget *dialog = NULL;
  GWeakRef weak;

  g_assert_true (g_file_set_contents (path, (const char *) xls, sizeof xls, &error));
  g_assert_no_error (error);
  g_object_ref_sink (parent);
  gtk_window_present (GTK_WINDOW (parent));

  assistant = evident_import_assistant_open (GTK_WINDOW (parent), file);
  g_weak_ref_init (&weak, assistant);
  g_assert_true (evident_test_wait_until (find_message_dialog, &dialog));
  g_test_message ("%s: %s", adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                  adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Read “old-checklist.xls”");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), !=, "");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (parent));
  {
    GObject *gone = g_weak_ref_get (&weak);

    g_assert_null (gone);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (parent));
  evident_test_pump ();
  evident_test_assert_finalized (parent);
  g_weak_ref_clear (&weak);
  evident_test_remove_dir (dir);
}

/* Narrow: the settings first, the preview a step further. */
/* Published checklists of other shapes need no mapping: heading rows
 * title the chapters, points of focus join their criterion. */
static void
test_published_shapes (void)
{
  EvidentImport *import = import_csv (safeguards_csv);
  EvidentImportAssistant *assistant = assistant_new (import, "/tmp/safeguards.csv");
  GListModel *skipped = evident_import_preview_get_skipped (evident_import_assistant_get_preview (assistant));
  g_autofree char *chapters = NULL;
  g_autofree char *skipped_text = NULL;

  g_assert_cmpstr (chosen_column (assistant, EVIDENT_IMPORT_FIELD_REF), ==, "CIS Safeguard (B)");
  g_assert_cmpstr (chosen_column (assistant, EVIDENT_IMPORT_FIELD_CHAPTER), ==, "CIS Control (A)");
  g_assert_cmpstr (chosen_column (assistant, EVIDENT_IMPORT_FIELD_LEVEL), ==, "IG1 (G)");
  g_assert_cmpstr (counts (assistant), ==, "5 items in 2 chapters · pass/fail · 3 rows skipped");
  chapters = describe_chapters (assistant, FALSE);
  g_assert_cmpstr (chapters, ==, "1 Inventory of devices: 3; 2 Inventory of software: 2");
  skipped_text = describe_strings (skipped);
  g_assert_cmpstr (skipped_text, ==, "Line 1 · Header\nLine 2 · Heading\nLine 6 · Heading");
  g_assert_true (can_create (assistant));
  evident_test_save_shot (GTK_WIDGET (assistant), "import-safeguards");
  assistant_destroy (assistant, import);

  import = import_csv (criteria_csv);
  assistant = assistant_new (import, "/tmp/criteria.csv");
  skipped = evident_import_preview_get_skipped (evident_import_assistant_get_preview (assistant));
  g_assert_cmpstr (counts (assistant), ==, "2 items in 2 chapters · pass/fail · 4 rows skipped");
  g_clear_pointer (&skipped_text, g_free);
  skipped_text = describe_strings (skipped);
  g_assert_nonnull (strstr (skipped_text, "Line 3 · Joins item above"));
  g_assert_cmpstr (evident_import_preview_row_get_reads_as (grid_row (assistant, 2)), ==,
                   "Joins item above");
  g_assert_true (can_create (assistant));
  evident_test_save_shot (GTK_WIDGET (assistant), "import-criteria");
  assistant_destroy (assistant, import);
}

static void
test_narrow (void)
{
  EvidentImport *import = import_csv (controls_csv);
  EvidentImportAssistant *assistant = assistant_new (import, "/tmp/controls.csv");
  AdwLeaflet *leaflet;
  GtkWidget *preview = GTK_WIDGET (evident_import_assistant_get_preview (assistant));

  gtk_window_set_default_size (GTK_WINDOW (assistant), 360, 640);
  evident_test_pump ();
  leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (preview, ADW_TYPE_LEAFLET));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_is_ancestor (preview, adw_leaflet_get_visible_child (leaflet)));

  gtk_widget_activate_action (GTK_WIDGET (evident_import_assistant_get_editor (assistant)),
                              "import-editor.show-preview", NULL);
  evident_test_pump ();
  g_assert_true (gtk_widget_is_ancestor (preview, adw_leaflet_get_visible_child (leaflet)));
  gtk_widget_activate_action (GTK_WIDGET (evident_import_assistant_get_editor (assistant)),
                              "import-editor.show-settings", NULL);
  evident_test_pump ();
  g_assert_false (gtk_widget_is_ancestor (preview, adw_leaflet_get_visible_child (leaflet)));

  gtk_window_set_default_size (GTK_WINDOW (assistant), 1120, 720);
  evident_test_pump ();
  g_assert_false (adw_leaflet_get_folded (leaflet));

  assistant_destroy (assistant, import);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = g_dir_make_tmp ("evident-test-import-config-XXXXXX", NULL);
  g_autofree char *memory = g_build_filename (config, "evident", NULL);
  int status;

  /* Remembered mappings go to a folder of the test's own. */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  if (!evident_test_init (&argc, &argv, "/import-assistant/no-display"))
    return g_test_run ();

  g_test_add_func ("/import-assistant/csv-mapped", test_csv_mapped);
  g_test_add_func ("/import-assistant/csv-needs-reference", test_csv_needs_reference);
  g_test_add_func ("/import-assistant/duplicate-reference", test_duplicate_reference);
  g_test_add_func ("/import-assistant/aws-workbook", test_aws_workbook);
  g_test_add_func ("/import-assistant/levels", test_levels);
  g_test_add_func ("/import-assistant/open-remembered", test_open_remembered);
  g_test_add_func ("/import-assistant/open-unreadable", test_open_unreadable);
  g_test_add_func ("/import-assistant/narrow", test_narrow);
  g_test_add_func ("/import-assistant/published-shapes", test_published_shapes);

  status = g_test_run ();
  evident_test_remove_dir (memory);
  evident_test_remove_dir (config);
  return status;
}
