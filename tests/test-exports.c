/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What leaves a window's project as a file, driven through the window's
 * export.* actions and dialogs as a user would, with the file chooser
 * answered by the test: the actions there are (the hand-in only for a
 * project imported from a workbook), each export format written with the
 * response typed a moment before, an error naming the file, the readiness
 * report's scopes read back with poppler, printing through the same
 * drawing, the evidence pack and its digest on the report's cover, and a
 * cancelled pack that leaves nothing. Nothing leaks: the window, its
 * exports and the project are finalized. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "evident-evidence-store.h"
#include "evident-exports-private.h"
#include "evident-import.h"
#include "evident-item-text.h"
#include "evident-report-print.h"
#include "evident-test-utils.h"
#include "evident-test-workbook.h"
#include "evident-window-private.h"

/* poppler-glib 22 has no g_autoptr() of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)

typedef struct
{
  char           *dir;
  EvidentProject *project;
  EvidentWindow  *window;
  EvidentExports *exports;
  /* What job-finished said last */
  GFile          *finished;
  GError         *error;
  guint           n_finished;
} Fixture;

static void
job_finished_cb (EvidentExports *exports,
                 GFile          *file,
                 const GError   *error,
                 Fixture        *fixture)
{
  g_set_object (&fixture->finished, file);
  g_clear_error (&fixture->error);
  if (error != NULL)
    fixture->error = g_error_copy (error);
  fixture->n_finished++;
}

static void
fixture_open (Fixture        *fixture,
              EvidentProject *project)
{
  fixture->project = project;
  fixture->window = evident_test_window_new (project, 1200, 800);
  fixture->exports = evident_window_get_exports (fixture->window);
  g_assert_nonnull (fixture->exports);
  g_object_add_weak_pointer (G_OBJECT (fixture->exports), (gpointer *) &fixture->exports);
  g_signal_connect (fixture->exports, "job-finished", G_CALLBACK (job_finished_cb), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_open (fixture, evident_test_create_sample_project ("exports", &fixture->dir));
}

/* A project imported from the synthetic self-assessment workbook */
static void
fixture_set_up_workbook (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = evident_test_workbook_build (evident_test_workbook_get_default (),
                                                          &error);
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (GFile) file = NULL;
  EvidentProject *project;

  g_assert_no_error (error);
  fixture->dir = g_dir_make_tmp ("evident-test-exports-XXXXXX", &error);
  g_assert_no_error (error);
  import = evident_import_new_for_bytes (bytes, "MSP self-assessment.xlsx", NULL, &error);
  g_assert_no_error (error);
  file = g_file_new_build_filename (fixture->dir, "audit.evident", NULL);
  project = evident_project_create_from_import (file, NULL, import, NULL, &error);
  g_assert_no_error (error);
  fixture_open (fixture, project);
}

static gboolean
held_once (gpointer object)
{
  return g_atomic_int_get (&G_OBJECT (object)->ref_count) == 1;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    evident_test_window_destroy (fixture->window);
  /* The window's exports went with it. */
  g_assert_null (fixture->exports);
  /* The window closes its project on a worker, which holds it meanwhile. */
  g_assert_true (evident_test_wait_until (held_once, fixture->project));
  evident_project_close (fixture->project);
  evident_test_assert_finalized (fixture->project);
  g_clear_object (&fixture->finished);
  g_clear_error (&fixture->error);

  evident_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* Helpers */

static GFile *
fixture_file (Fixture    *fixture,
              const char *name)
{
  return g_file_new_build_filename (fixture->dir, name, NULL);
}

static gboolean
is_response (GtkWidget     *widget,
             gconstpointer  data)
{
  return evident_item_text_get_field (EVIDENT_ITEM_TEXT (widget)) == EVIDENT_ITEM_FIELD_RESPONSE;
}

static gboolean
action_enabled (Fixture    *fixture,
                const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->exports->actions), name);
}

static gboolean
no_jobs (gpointer data)
{
  Fixture *fixture = data;

  return fixture->exports == NULL || evident_exports_get_n_jobs (fixture->exports) == 0;
}

static void
wait_for_jobs (Fixture *fixture)
{
  g_assert_true (evident_test_wait_until (no_jobs, fixture));
  evident_test_iterate ();
}

/* Activates export.@name as the menu does, the file chooser answering
 * @destination, and waits until the file is written. */
static void
export_through_action (Fixture    *fixture,
                       const char *name,
                       GFile      *destination)
{
  g_autofree char *action = g_strconcat ("export.", name, NULL);
  guint n_finished = fixture->n_finished;

  evident_exports_set_test_destination (fixture->exports, destination);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  wait_for_jobs (fixture);
  g_assert_cmpuint (fixture->n_finished, ==, n_finished + 1);
  g_assert_true (g_file_equal (fixture->finished, destination));
}

static char *
read_file (GFile *file)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static PopplerDocument *
open_pdf (GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static int
count_pdf_pages (GFile *file)
{
  g_autoptr (PopplerDocument) document = open_pdf (file);

  return poppler_document_get_n_pages (document);
}

static char *
pdf_text (GFile *file)
{
  g_autoptr (PopplerDocument) document = open_pdf (file);
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_object_unref (page);
    }
  return g_string_free (text, FALSE);
}

/* The pages of the report @scope makes, written the way the CLI writes it */
static int
expected_pages (Fixture            *fixture,
                EvidentReportScope  scope,
                const char         *chapter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentReport) report = evident_report_new (fixture->project, scope, chapter, &error);
  g_autoptr (GFile) file = fixture_file (fixture, "expected.pdf");
  int n_pages;

  g_assert_no_error (error);
  g_assert_true (evident_report_write_pdf (report, file, NULL, &error));
  g_assert_no_error (error);
  n_pages = count_pdf_pages (file);
  g_file_delete (file, NULL, NULL);
  return n_pages;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The folder's files but the project's own, sorted, one a line */
static char *
list_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "sample.evident"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

/* Adds @size bytes of evidence to @ref, from a file in the folder */
static void
attach_evidence (Fixture    *fixture,
                 const char *ref,
                 const char *name,
                 gsize       size)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree guint8 *bytes = g_malloc (size);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;

  /* Not compressible, as evidence is */
  for (gsize i = 0; i < size; i++)
    bytes[i] = (guint8) g_random_int ();
  g_file_set_contents (path, (const char *) bytes, size, &error);
  g_assert_no_error (error);
  evidence = evident_evidence_store_add_file (evident_evidence_store_get_for_project (fixture->project),
                                              evident_project_lookup_item (fixture->project, ref),
                                              file, NULL, EVIDENT_EVIDENCE_KIND_OTHER, NULL, NULL,
                                              &error);
  g_assert_no_error (error);
  g_unlink (path);
}

/* Tests */

/* The shortcuts window lists printing, with the action the menu has. */
static void
test_shortcut (void)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/evidentapp/Evident/evident-shortcuts-window.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr (GPtrArray) shortcuts = evident_test_collect_widgets (overlay,
                                                                  GTK_TYPE_SHORTCUTS_SHORTCUT,
                                                                  NULL, NULL);
  gboolean found = FALSE;

  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *action = NULL;

      g_object_get (shortcuts->pdata[i], "action-name", &action, NULL);
      found |= g_strcmp0 (action, "export.print") == 0;
    }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* The actions follow the project: none without one, the hand-in only
 * where the project keeps the workbook it was imported from. */
static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const always[] = { "xlsx", "csv", "jira-csv", "report", "print", "pack" };

  for (guint i = 0; i < G_N_ELEMENTS (always); i++)
    g_assert_true (action_enabled (fixture, always[i]));
  /* The sample project was not imported from a workbook. */
  g_assert_false (action_enabled (fixture, "aws-xlsx"));
}

/* A window without a project has nothing to export. */
static void
test_actions_no_project (void)
{
  EvidentWindow *window = g_object_ref (evident_window_new (NULL));
  EvidentExports *exports = evident_window_get_exports (window);
  static const char * const actions[] = {
    "aws-xlsx", "xlsx", "csv", "jira-csv", "report", "print", "pack",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (exports->actions),
                                                       actions[i]));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "export.csv", NULL)
                  && evident_exports_get_n_jobs (exports) > 0);

  g_object_add_weak_pointer (G_OBJECT (exports), (gpointer *) &exports);
  gtk_window_destroy (GTK_WINDOW (window));
  evident_test_assert_finalized (window);
  g_assert_null (exports);
}

static void
test_actions_workbook (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *workbook = evident_project_dup_workbook_name (fixture->project);

  g_assert_cmpstr (workbook, ==, "MSP self-assessment.xlsx");
  g_assert_true (action_enabled (fixture, "aws-xlsx"));
  g_assert_true (action_enabled (fixture, "csv"));
}

/* A response typed a moment ago is in the file, though the editor has
 * not saved it yet on its own. */
static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  EvidentItem *item = evident_project_lookup_item (fixture->project, "1.1.1");
  EvidentItemEditor *editor = evident_window_get_item_editor (fixture->window);
  g_autoptr (GFile) destination = fixture_file (fixture, "audit.csv");
  g_autofree char *contents = NULL;
  EvidentItemText *response;
  GtkTextIter end;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s",
                                             "1.1.1"));
  evident_test_pump ();
  response = EVIDENT_ITEM_TEXT (evident_test_find_widget (GTK_WIDGET (editor),
                                                          EVIDENT_TYPE_ITEM_TEXT, is_response,
                                                          NULL));
  gtk_text_buffer_get_end_iter (evident_item_text_get_buffer (response), &end);
  gtk_text_buffer_insert (evident_item_text_get_buffer (response), &end,
                          "Service descriptions are on the partner portal.", -1);

  export_through_action (fixture, "csv", destination);
  g_assert_no_error (fixture->error);
  g_assert_cmpstr (evident_item_get_response (item), ==,
                   "Service descriptions are on the partner portal.");
  contents = read_file (destination);
  /* Evident's CSV format, with a byte-order mark for spreadsheets */
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfref,"));
  g_assert_nonnull (strstr (contents, "Service descriptions are on the partner portal."));
}

static void
test_export_formats (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GFile) xlsx = fixture_file (fixture, "audit.xlsx");
  g_autoptr (GFile) jira = fixture_file (fixture, "jira.csv");
  g_autoptr (GFile) hand_in = fixture_file (fixture, "answered.xlsx");
  g_autofree char *jira_contents = NULL;
  g_autofree char *xlsx_contents = NULL;
  g_autofree char *hand_in_contents = NULL;

  export_through_action (fixture, "xlsx", xlsx);
  g_assert_no_error (fixture->error);
  xlsx_contents = read_file (xlsx);
  g_assert_true (g_str_has_prefix (xlsx_contents, "PK"));

  export_through_action (fixture, "jira-csv", jira);
  g_assert_no_error (fixture->error);
  jira_contents = read_file (jira);
  g_assert_nonnull (strstr (jira_contents, "Summary"));

  export_through_action (fixture, "aws-xlsx", hand_in);
  g_assert_no_error (fixture->error);
  hand_in_contents = read_file (hand_in);
  g_assert_true (g_str_has_prefix (hand_in_contents, "PK"));
}

/* A file that cannot be written: an error that names it, and no file. */
static void
test_export_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no such folder", "audit.csv", NULL);
  g_autoptr (GFile) destination = g_file_new_for_path (path);
  g_autoptr (EvidentExportJob) job = NULL;
  g_autofree char *message = NULL;

  evident_exports_export (fixture->exports, EVIDENT_EXPORT_FORMAT_CSV, destination);
  g_assert_cmpuint (evident_exports_get_n_jobs (fixture->exports), ==, 1);
  job = g_object_ref (g_ptr_array_index (fixture->exports->jobs, 0));
  wait_for_jobs (fixture);

  g_assert_nonnull (fixture->error);
  g_assert_true (evident_export_job_get_error (job) != NULL);
  g_assert_false (g_file_query_exists (destination, NULL));
  /* The toast names the file, not the whole path the user just chose */
  message = evident_export_job_dup_error_message (job);
  g_assert_nonnull (strstr (message, "audit.csv"));
  g_test_message ("%s", message);
  g_assert_null (strstr (message, path));
  g_assert_false (evident_job_get_running (EVIDENT_JOB (job)));
}

/* Each scope of the report dialog gives the report the CLI gives for it:
 * as many pages, and the items of that scope. */
static void
test_report_scopes (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct {
    guint       scope;
    const char *chapter;
  } scopes[] = {
    { EVIDENT_REPORT_SCOPE_ALL, NULL },
    { EVIDENT_REPORT_SCOPE_OPEN, NULL },
    { EVIDENT_REPORT_SCOPE_CHAPTER, "8.0" },
  };
  int n_pages[G_N_ELEMENTS (scopes)];

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%u.pdf", i);
      g_autoptr (GFile) destination = fixture_file (fixture, name);
      g_autofree char *text = NULL;
      EvidentReportDialog *dialog = evident_exports_show_report_dialog (fixture->exports);
      EvidentScopeGroup *group;

      g_assert_nonnull (dialog);
      group = evident_report_dialog_get_scope_group (dialog);
      g_assert_true (evident_scope_group_set_scope (group, scopes[i].scope, scopes[i].chapter));
      g_assert_cmpstr (evident_scope_group_get_chapter (group), ==, scopes[i].chapter);
      /* No pack made yet: nothing for the cover */
      g_assert_null (evident_report_dialog_get_digest (dialog));
      /* The switch for it is named once, not also after its row. */
      {
        GtkWidget *pack_switch = evident_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH,
                                                           NULL, NULL);

        g_assert_nonnull (pack_switch);
        gtk_test_accessible_assert_property (pack_switch, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "Show the evidence pack’s digest on the cover");
        g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (pack_switch),
                                                          GTK_ACCESSIBLE_RELATION_LABELLED_BY));
      }

      evident_exports_set_test_destination (fixture->exports, destination);
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
      wait_for_jobs (fixture);
      g_assert_no_error (fixture->error);
      g_assert_true (g_file_equal (fixture->finished, destination));

      n_pages[i] = count_pdf_pages (destination);
      g_assert_cmpint (n_pages[i], ==,
                       expected_pages (fixture, scopes[i].scope, scopes[i].chapter));

      text = pdf_text (destination);
      g_assert_nonnull (strstr (text, "Page 2 of"));
      if (scopes[i].chapter != NULL)
        g_assert_nonnull (strstr (text, "8.2.1"));
    }

  /* One chapter is less than the whole project */
  g_assert_cmpint (n_pages[2], <, n_pages[0]);
}

/* Printing draws what the PDF file holds: the same pages, the same text. */
static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentReport) report = evident_report_new (fixture->project,
                                                         EVIDENT_REPORT_SCOPE_ALL, NULL, &error);
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GFile) printed = fixture_file (fixture, "printed.pdf");
  g_autofree char *path = g_file_get_path (printed);
  g_autofree char *text = NULL;
  GtkPrintOperationResult result;

  g_assert_no_error (error);
  operation = evident_report_print_new (report, "Readiness report");
  gtk_print_operation_set_export_filename (operation, path);
  /* Exporting takes the path printing does: begin-print, then draw-page */
  gtk_print_operation_set_allow_async (operation, FALSE);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_assert_cmpuint (evident_report_get_n_pages (report), >, 1);
  g_assert_cmpint (count_pdf_pages (printed), ==, (int) evident_report_get_n_pages (report));
  text = pdf_text (printed);
  g_assert_nonnull (strstr (text, "1.1.1"));
  g_assert_nonnull (strstr (text, "13.1.1"));
}

/* The pack: written through its dialog, its digest remembered and offered
 * for the report's cover, and the report then carries it. */
static void
test_pack (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (GFile) pack = fixture_file (fixture, "pack.zip");
  g_autoptr (GFile) report_file = fixture_file (fixture, "report.pdf");
  g_autoptr (GError) error = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *text = NULL;
  EvidentReportDialog *dialog;
  AdwMessageDialog *pack_dialog;

  attach_evidence (fixture, "8.2.1", "runbook.pdf", 4096);

  pack_dialog = evident_exports_show_pack_dialog (fixture->exports);
  g_assert_nonnull (pack_dialog);
  g_assert_true (EVIDENT_IS_SCOPE_GROUP (adw_message_dialog_get_extra_child (pack_dialog)));
  evident_exports_set_test_destination (fixture->exports, pack);
  adw_message_dialog_response (pack_dialog, "save");
  wait_for_jobs (fixture);
  g_assert_no_error (fixture->error);

  digest = evident_pack_read_digest (pack, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evident_exports_get_pack_digest (fixture->exports), ==, digest);

  /* The report dialog offers it, and the cover shows it */
  dialog = evident_exports_show_report_dialog (fixture->exports);
  g_assert_cmpstr (evident_report_dialog_get_digest (dialog), ==, digest);
  evident_exports_set_test_destination (fixture->exports, report_file);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  wait_for_jobs (fixture);
  g_assert_no_error (fixture->error);
  text = pdf_text (report_file);
  g_assert_nonnull (strstr (text, digest));
}

static gboolean
has_error_class (gpointer widget)
{
  return gtk_widget_has_css_class (widget, "error");
}

static gboolean
digest_read (gpointer data)
{
  return evident_report_dialog_get_digest (data) != NULL;
}

/* A pack made earlier, chosen from its file; a file that is no pack is
 * refused in the dialog, with nothing for the cover. */
static void
test_report_pack_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GFile) pack = fixture_file (fixture, "earlier.zip");
  g_autoptr (GFile) not_a_pack = fixture_file (fixture, "notes.zip");
  g_autoptr (EvidentPackInfo) info = NULL;
  g_autoptr (EvidentReport) report = NULL;
  g_autoptr (GError) error = NULL;
  EvidentReportDialog *dialog;
  GtkWidget *row;

  info = evident_pack_write (fixture->project, EVIDENT_PACK_SCOPE_ALL, NULL, pack, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_replace_contents (not_a_pack, "not a zip", 9, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));

  dialog = evident_exports_show_report_dialog (fixture->exports);
  row = evident_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                  evident_test_has_title, "Digest on the Cover");
  g_assert_nonnull (row);

  evident_report_dialog_read_pack (dialog, not_a_pack);
  g_assert_true (evident_test_wait_until (has_error_class, row));
  g_assert_null (evident_report_dialog_get_digest (dialog));

  evident_report_dialog_read_pack (dialog, pack);
  g_assert_true (evident_test_wait_until (digest_read, dialog));
  g_assert_cmpstr (evident_report_dialog_get_digest (dialog), ==, info->digest);
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  report = evident_report_dialog_create_report (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evident_report_get_pack_digest (report), ==, info->digest);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  evident_test_iterate ();
}

/* Cancelled from its toast while it writes: no pack, no file beside it. */
static void
test_pack_cancel (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (GFile) pack = fixture_file (fixture, "pack.zip");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  EvidentJob *job;
  AdwToast *progress;

  /* Enough that the worker is still at it when the button is pressed */
  attach_evidence (fixture, "8.2.1", "demo.mp4", 24 * 1024 * 1024);
  before = list_dir (fixture->dir);

  evident_exports_write_pack (fixture->exports, EVIDENT_PACK_SCOPE_ALL, NULL, pack);
  g_assert_cmpuint (evident_exports_get_n_jobs (fixture->exports), ==, 1);
  job = g_ptr_array_index (fixture->exports->jobs, 0);
  /* The pack's progress shows at once, with Cancel */
  progress = evident_job_get_progress_toast (job);
  g_assert_nonnull (progress);
  g_assert_cmpstr (adw_toast_get_button_label (progress), ==, "_Cancel");
  g_signal_emit_by_name (progress, "button-clicked");
  wait_for_jobs (fixture);

  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_query_exists (pack, NULL));
  after = list_dir (fixture->dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (evident_exports_get_pack_digest (fixture->exports));
}

static void
count_cb (AdwToast *toast,
          guint    *count)
{
  (*count)++;
}

/* A job's progress that goes the moment it shows, while the toast before
 * it is still going: the toast goes once it is fully in, and goes. On
 * libadwaita 1.2, taking it away at once crashed the application as it
 * finished coming in (evident-toast.c). */
static void
test_progress_gone_at_once (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (GFile) pack = fixture_file (fixture, "pack.zip");
  g_autoptr (AdwToast) before = adw_toast_new ("Copied to the clipboard");
  g_autoptr (AdwToast) progress = NULL;
  guint n_dismissed = 0;
  EvidentJob *job;

  evident_window_add_toast (fixture->window, g_object_ref (before));
  evident_test_run (400);
  /* As its close button does */
  adw_toast_dismiss (before);

  attach_evidence (fixture, "8.2.1", "demo.mp4", 4 * 1024 * 1024);
  evident_exports_write_pack (fixture->exports, EVIDENT_PACK_SCOPE_ALL, NULL, pack);
  job = g_ptr_array_index (fixture->exports->jobs, 0);
  progress = g_object_ref (evident_job_get_progress_toast (job));
  g_assert_nonnull (progress);
  g_signal_connect (progress, "dismissed", G_CALLBACK (count_cb), &n_dismissed);
  /* As a new project or the window closing does */
  evident_job_cancel (job);
  g_assert_null (evident_job_get_progress_toast (job));
  /* Not while it comes in */
  g_assert_cmpuint (n_dismissed, ==, 0);

  /* Long enough for either animation to end */
  evident_test_run (1000);
  g_assert_cmpuint (n_dismissed, ==, 1);
  wait_for_jobs (fixture);
}

static gboolean
job_ended (gpointer job)
{
  return !evident_job_get_running (job);
}

/* Closing the window while a pack is written cancels it, and nothing is
 * left of it or of the window. */
static void
test_pack_window_closed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GFile) pack = fixture_file (fixture, "pack.zip");
  EvidentWindow *window = fixture->window;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  EvidentExportJob *job;

  attach_evidence (fixture, "8.2.1", "demo.mp4", 24 * 1024 * 1024);
  before = list_dir (fixture->dir);
  evident_exports_write_pack (fixture->exports, EVIDENT_PACK_SCOPE_ALL, NULL, pack);
  g_assert_cmpuint (evident_exports_get_n_jobs (fixture->exports), ==, 1);
  job = g_object_ref (g_ptr_array_index (fixture->exports->jobs, 0));

  /* As the window's close button does, the application letting go */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  fixture->window = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_assert_null (window);
  g_assert_null (fixture->exports);

  /* The worker stops, and leaves nothing. */
  g_assert_true (evident_test_wait_until (job_ended, job));
  g_assert_error ((GError *) evident_export_job_get_error (job), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_query_exists (pack, NULL));
  after = list_dir (fixture->dir);
  g_assert_cmpstr (after, ==, before);
  evident_test_assert_finalized (job);
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/exports/no-display"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/exports/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_WORKBOOK(path, func) \
  g_test_add ("/exports/" path, Fixture, NULL, fixture_set_up_workbook, func, fixture_tear_down)

  g_test_add_func ("/exports/shortcut", test_shortcut);
  ADD ("actions", test_actions);
  g_test_add_func ("/exports/actions-no-project", test_actions_no_project);
  ADD_WORKBOOK ("actions-workbook", test_actions_workbook);
  ADD ("export-csv", test_export_csv);
  ADD_WORKBOOK ("export-formats", test_export_formats);
  ADD ("export-error", test_export_error);
  ADD ("report-scopes", test_report_scopes);
  ADD ("print", test_print);
  ADD ("pack", test_pack);
  ADD ("report-pack-file", test_report_pack_file);
  ADD ("pack-cancel", test_pack_cancel);
  ADD ("pack-window-closed", test_pack_window_closed);
  ADD ("progress-gone-at-once", test_progress_gone_at_once);

#undef ADD
#undef ADD_WORKBOOK

  return g_test_run ();
}
