/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Updating a project's checklist from the window: the preview of a
 * revision on the core's synthetic pair (tests/data/revision-4.1.csv and
 * -4.2.csv: a renumbering, a moved chapter, a light and a heavy rewording,
 * a split, a merge, a deletion, additions, two similar items swapping
 * places), its counts, classes, scores and word diffs, pairs made and
 * unmade by hand; the dialog that reads, compares and applies, a file that
 * hardly matches, a project changed meanwhile, undo; then the items to
 * re-check in the list, the sidebar, the editor and the history, and the
 * versions and the archive with evidence put back. Every widget is
 * finalized. */

#include "config.h"

#include <string.h>

#include "evident-archive-view.h"
#include "evident-diff-label.h"
#include "evident-entry-row.h"
#include "evident-enums-util.h"
#include "evident-evidence-store.h"
#include "evident-item-editor.h"
#include "evident-item-history.h"
#include "evident-item-list.h"
#include "evident-item-recheck.h"
#include "evident-item-row.h"
#include "evident-recheck.h"
#include "evident-revision-dialog.h"
#include "evident-revision-row.h"
#include "evident-sidebar.h"
#include "evident-test-utils.h"
#include "evident-versions-window.h"
#include "evident-versions.h"
#include "evident-window-private.h"
#include "test-fixtures.h"

typedef struct
{
  char           *dir;
  EvidentProject *project;
} Fixture;

/* Helpers */

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_file_new_for_path (path);
}

static EvidentRevisionEntry *
find_entry (GListModel *entries,
            const char *old_ref,
            const char *new_ref)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (EvidentRevisionEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (evident_revision_entry_get_old_ref (entry), old_ref) == 0
          && g_strcmp0 (evident_revision_entry_get_new_ref (entry), new_ref) == 0)
        return entry;
    }
  return NULL;
}

static gboolean
label_has_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text);
}

static gboolean
page_is (gpointer data)
{
  EvidentRevisionDialog *dialog = data;
  const char *wanted = g_object_get_data (G_OBJECT (dialog), "wanted-page");

  return g_str_equal (evident_revision_dialog_get_page (dialog), wanted);
}

static void
wait_for_page (EvidentRevisionDialog *dialog,
               const char            *page)
{
  g_object_set_data (G_OBJECT (dialog), "wanted-page", (gpointer) page);
  g_assert_true (evident_test_wait_until (page_is, dialog));
}

static void
applied_cb (EvidentRevisionDialog *dialog,
            const char            *label,
            char                 **applied)
{
  g_free (*applied);
  *applied = g_strdup (label);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

/* Applying runs on a worker: the dialog says so until it is done. */
static void
wait_for_applied (EvidentRevisionDialog  *dialog,
                  char                  **applied)
{
  g_assert_cmpstr (evident_revision_dialog_get_page (dialog), ==, "busy");
  g_assert_null (*applied);
  g_assert_true (evident_test_wait_until (is_set, applied));
}

static void
destroy_window (gpointer window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  evident_test_pump ();
  evident_test_assert_finalized (window);
}

/* Version 4.1 with work on it: statuses, owners, notes, evidence. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (EvidentImport) import = fixture_read_checklist ("revision-4.1.csv");
  g_autoptr (EvidentEvidence) link = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  EvidentProjectSettings settings;

  fixture->dir = fixture_tmp_dir_new ();
  file = g_file_new_build_filename (fixture->dir, "audit.evident", NULL);
  evident_project_settings_init (&settings);
  settings.checklist_version = "4.1";
  settings.rules.pass_score = 60;
  settings.rules.mandatory_penalty = 20;
  fixture->project = evident_project_create_from_import (file, &settings, import, NULL, &error);
  g_assert_no_error (error);

  fixture_set_field (fixture->project, "1.1", EVIDENT_ITEM_FIELD_STATUS, "met");
  fixture_set_field (fixture->project, "1.2", EVIDENT_ITEM_FIELD_STATUS, "met");
  fixture_set_field (fixture->project, "1.3", EVIDENT_ITEM_FIELD_STATUS, "in-progress");
  fixture_set_field (fixture->project, "1.3", EVIDENT_ITEM_FIELD_NOTE, "Sponsor named");
  link = evident_evidence_store_add_link (evident_evidence_store_get_for_project (fixture->project),
                                          fixture_lookup (fixture->project, "1.3"),
                                          "https://intranet.example.com/sponsor", "Sponsor memo",
                                          EVIDENT_EVIDENCE_KIND_OTHER, &error);
  g_assert_no_error (error);
  fixture_set_field (fixture->project, "2.1", EVIDENT_ITEM_FIELD_STATUS, "ready");
  fixture_set_field (fixture->project, "2.2", EVIDENT_ITEM_FIELD_STATUS, "met");
  fixture_set_field (fixture->project, "2.2", EVIDENT_ITEM_FIELD_OWNER, "Carol");
  fixture_set_field (fixture->project, "2.3", EVIDENT_ITEM_FIELD_STATUS, "met");
  fixture_set_field (fixture->project, "2.4", EVIDENT_ITEM_FIELD_STATUS, "in-progress");
  fixture_set_field (fixture->project, "2.5", EVIDENT_ITEM_FIELD_STATUS, "met");
  fixture_set_field (fixture->project, "3.1", EVIDENT_ITEM_FIELD_STATUS, "met");
  fixture_set_field (fixture->project, "3.2", EVIDENT_ITEM_FIELD_STATUS, "ready");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  evident_test_pump ();
  if (fixture->project != NULL)
    {
      evident_project_close (fixture->project);
      evident_test_assert_finalized (fixture->project);
    }
  fixture_tmp_dir_clear (&fixture->dir);
}

/* Applies 4.2 as the core does; returns how many items need a re-check. */
static guint
apply_4_2 (Fixture *fixture)
{
  g_autoptr (EvidentRevision) revision =
    fixture_plan_revision (fixture->project, "revision-4.2.csv");
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_revision_apply (revision, FALSE, &error));
  g_assert_no_error (error);
  return evident_revision_get_n_recheck (revision);
}

/* The word diff */

static void
test_diff_label (void)
{
  g_autoptr (GArray) spans = evident_text_word_diff ("Every change is recorded.",
                                                     "Each change is recorded and reviewed.");
  EvidentDiffLabel *label = g_object_ref_sink (EVIDENT_DIFF_LABEL (evident_diff_label_new ()));
  g_autofree char *markup = evident_diff_format_markup (spans);
  g_autofree char *description = evident_diff_describe (spans);

  /* Deletions struck through, insertions underlined: not colour alone. */
  g_assert_nonnull (strstr (markup, "<span strikethrough=\"true\""));
  g_assert_nonnull (strstr (markup, "<span underline=\"single\""));
  g_assert_cmpstr (description, ==, "removed: Every, added: Each, added: and reviewed.");

  evident_diff_label_set_diff (label, spans);
  g_assert_cmpstr (evident_diff_label_get_description (label), ==, description);
  g_assert_cmpstr (evident_diff_label_get_text (label), ==,
                   "Every Each change is recorded and reviewed.");

  /* Equal texts say so. */
  g_clear_pointer (&spans, g_array_unref);
  spans = evident_text_word_diff ("The same.", "The same.");
  evident_diff_label_set_diff (label, spans);
  g_assert_cmpstr (evident_diff_label_get_description (label), ==, "unchanged");

  evident_test_assert_finalized (label);
}

/* The preview */

static guint
class_count (EvidentRevisionPreview *preview,
             const char             *filter)
{
  GtkWidget *row = evident_revision_preview_get_class_row (preview, filter);
  g_autoptr (GPtrArray) labels = evident_test_collect_widgets (row, GTK_TYPE_LABEL, NULL, NULL);

  /* The count is the row's last label. */
  g_assert_cmpuint (labels->len, >, 0);
  return (guint) g_ascii_strtoull (gtk_label_get_label (g_ptr_array_index (labels,
                                                                            labels->len - 1)),
                                   NULL, 10);
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (EvidentRevision) revision =
    fixture_plan_revision (fixture->project, "revision-4.2.csv");
  EvidentRevisionPreview *preview = g_object_ref_sink (EVIDENT_REVISION_PREVIEW (
      evident_revision_preview_new ()));
  GtkWidget *window = gtk_window_new ();
  GListModel *model = evident_revision_preview_get_model (preview);
  const EvidentScore *after = evident_revision_get_score_after (revision);
  g_autofree char *projected = evident_score_format (after, EVIDENT_VIEW_PROJECTED);
  EvidentRevisionEntry *entry;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  evident_revision_preview_set_revision (preview, revision);
  gtk_window_present (GTK_WINDOW (window));
  evident_test_pump ();

  /* Every class with its count, as the plan has it. */
  g_assert_cmpuint (class_count (preview, "unchanged"), ==, 1);
  g_assert_cmpuint (class_count (preview, "moved"), ==, 3);
  g_assert_cmpuint (class_count (preview, "reworded"), ==, 6);
  g_assert_cmpuint (class_count (preview, "split"), ==, 1);
  g_assert_cmpuint (class_count (preview, "merged"), ==, 1);
  g_assert_cmpuint (class_count (preview, "new"), ==, 2);
  g_assert_cmpuint (class_count (preview, "removed"), ==, 1);
  g_assert_cmpuint (class_count (preview, "all"), ==, 15);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 15);

  /* The score after in every view, pass or fail. */
  g_assert_nonnull (evident_test_find_widget (
      evident_revision_preview_get_score_row (preview, EVIDENT_VIEW_PROJECTED), GTK_TYPE_LABEL,
      label_is, projected));
  g_assert_nonnull (evident_test_find_widget (
      evident_revision_preview_get_score_row (preview, EVIDENT_VIEW_BEST), GTK_TYPE_LABEL,
      label_is, after->views[EVIDENT_VIEW_BEST].pass ? "Pass" : "Fail"));
  /* A revision of this checklist: no warning. */
  g_assert_false (gtk_widget_get_visible (evident_revision_preview_get_warnings (preview)));

  /* The first item shows in full at once. */
  g_assert_nonnull (evident_revision_preview_get_selected_entry (preview));

  /* Filtered by class, from the summary's row as from the action. */
  gtk_widget_activate (evident_revision_preview_get_class_row (preview, "reworded"));
  evident_test_pump ();
  g_assert_cmpstr (evident_revision_preview_get_filter (preview), ==, "reworded");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (EvidentRevisionEntry) reworded = g_list_model_get_item (model, i);

      g_assert_cmpint (evident_revision_entry_get_relation (reworded), ==,
                       EVIDENT_REVISION_REWORDED);
    }
  gtk_widget_activate_action (GTK_WIDGET (preview), "revision-preview.filter", "s", "new");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_object_set (preview, "filter", "all", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 15);

  /* A reworded item: a word diff of its requirement, said in words too. */
  entry = find_entry (evident_revision_get_entries (revision), "2.2", "2.2");
  g_assert_nonnull (entry);
  evident_revision_preview_select_entry (preview, entry);
  evident_test_pump ();
  {
    EvidentRevisionDetail *detail = evident_revision_preview_get_detail (preview);
    EvidentDiffLabel *diff = EVIDENT_DIFF_LABEL (
        evident_revision_detail_get_diff_label (detail, EVIDENT_REVISION_PART_REQUIREMENT));
    const char *description = evident_diff_label_get_description (diff);
    GArray *spans = evident_revision_entry_get_diff (entry, EVIDENT_REVISION_PART_REQUIREMENT);
    g_autofree char *expected = evident_diff_describe (spans);

    g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (diff)));
    g_assert_cmpstr (description, ==, expected);
    g_assert_true (g_str_has_prefix (description, "removed: ")
                   || g_str_has_prefix (description, "added: "));
    g_assert_nonnull (strstr (description, "added: "));
    g_assert_nonnull (strstr (description, "removed: "));
    /* Its status and re-check, in words */
    g_assert_nonnull (evident_test_find_widget (GTK_WIDGET (detail), GTK_TYPE_LABEL,
                                                label_has_text,
                                                "Met → Ready for Review"));
    g_assert_nonnull (evident_test_find_widget (GTK_WIDGET (detail), GTK_TYPE_LABEL,
                                                label_has_text, "it was Met"));
  }

  /* The new version's label: a text field a screen reader hears take the
   * focus (EvidentEntryRow), typed into the revision. */
  {
    GtkWidget *label_row = evident_test_find_widget (GTK_WIDGET (preview), EVIDENT_TYPE_ENTRY_ROW,
                                                     evident_test_has_title, (gpointer) "_Label");

    g_assert_nonnull (label_row);
    g_assert_true (gtk_widget_grab_focus (label_row));
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                           GTK_WIDGET (evident_entry_row_get_entry (
                                             EVIDENT_ENTRY_ROW (label_row)))));
    gtk_editable_set_text (GTK_EDITABLE (label_row), "Checklist 4.2");
    g_assert_cmpstr (evident_revision_get_label (revision), ==, "Checklist 4.2");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  evident_test_pump ();
  evident_test_assert_finalized (preview);
}

/* Pairs by hand: the preview follows the plan's ::changed. */
static void
test_pair_unpair (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (EvidentRevision) revision =
    fixture_plan_revision (fixture->project, "revision-4.2.csv");
  EvidentRevisionPreview *preview = g_object_ref_sink (EVIDENT_REVISION_PREVIEW (
      evident_revision_preview_new ()));
  GtkWidget *window = gtk_window_new ();
  EvidentRevisionEntry *entry;
  g_autoptr (GPtrArray) candidates = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  evident_revision_preview_set_revision (preview, revision);
  gtk_window_present (GTK_WINDOW (window));
  evident_test_pump ();

  /* 1.2 was renumbered 1.3: unpaired, it leaves, and 1.3 is new. */
  entry = find_entry (evident_revision_get_entries (revision), "1.2", "1.3");
  g_assert_nonnull (entry);
  evident_revision_preview_select_entry (preview, entry);
  gtk_widget_activate_action (GTK_WIDGET (preview), "revision-preview.unpair", "s", "1.2");
  evident_test_pump ();
  g_assert_cmpuint (class_count (preview, "moved"), ==, 2);
  g_assert_cmpuint (class_count (preview, "removed"), ==, 2);
  g_assert_cmpuint (class_count (preview, "new"), ==, 3);
  /* The item shown is its new entry: 1.3, new now. */
  entry = evident_revision_preview_get_selected_entry (preview);
  g_assert_cmpstr (evident_revision_entry_get_new_ref (entry), ==, "1.3");
  g_assert_cmpint (evident_revision_entry_get_relation (entry), ==, EVIDENT_REVISION_NEW);

  /* "Pair With…" on the new 1.3 offers the items that would leave. */
  candidates = evident_revision_detail_list_candidates (evident_revision_preview_get_detail (
      preview));
  g_assert_cmpuint (candidates->len, ==, 2);
  g_assert_nonnull (find_entry (evident_revision_get_entries (revision), "1.2", NULL));

  /* Paired again by hand: moved, marked as such. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "revision-preview.pair", "(ss)", "1.2",
                              "1.3");
  evident_test_pump ();
  g_assert_cmpuint (class_count (preview, "moved"), ==, 3);
  g_assert_cmpuint (class_count (preview, "removed"), ==, 1);
  entry = evident_revision_preview_get_selected_entry (preview);
  g_assert_cmpstr (evident_revision_entry_get_old_ref (entry), ==, "1.2");
  g_assert_true (evident_revision_entry_get_manual (entry));

  /* Reset forgets it. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "revision-preview.reset", NULL);
  evident_test_pump ();
  entry = evident_revision_preview_get_selected_entry (preview);
  g_assert_false (evident_revision_entry_get_manual (entry));
  g_assert_cmpuint (class_count (preview, "moved"), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  evident_test_pump ();
  evident_test_assert_finalized (preview);
}

/* The dialog: reading, comparing, applying, undo */

static void
test_dialog_apply_undo (Fixture       *fixture,
                        gconstpointer  data)
{
  EvidentWindow *window = evident_test_window_new (fixture->project, 1366, 768);
  g_autoptr (GFile) file = data_file ("revision-4.2.csv");
  EvidentRevisionDialog *dialog;
  g_autofree char *applied = NULL;
  g_autofree char *before = NULL;
  GWeakRef dialog_ref;

  g_object_ref (fixture->project);
  dialog = evident_revision_actions_update_from_file (evident_window_get_revisions (window), file);
  g_weak_ref_init (&dialog_ref, dialog);
  g_signal_connect (dialog, "applied", G_CALLBACK (applied_cb), &applied);
  gtk_window_present (GTK_WINDOW (dialog));
  /* A file in the project's own layout needs no columns. */
  wait_for_page (dialog, "preview");
  g_assert_cmpstr (evident_revision_get_label (evident_revision_dialog_get_revision (dialog)), ==,
                   "4.2");

  evident_revision_dialog_apply (dialog, FALSE);
  /* Closing while it writes waits for it. */
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for_applied (dialog, &applied);
  evident_test_pump ();
  g_assert_cmpstr (applied, ==, "4.2");
  g_assert_null (g_weak_ref_get (&dialog_ref));
  g_weak_ref_clear (&dialog_ref);
  g_assert_cmpstr (evident_project_get_checklist_version (fixture->project), ==, "4.2");
  g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_items (fixture->project)), ==,
                    13);

  /* One step of undo, from the window (as the toast's button does). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  evident_test_pump ();
  g_assert_cmpstr (evident_project_get_checklist_version (fixture->project), ==, "4.1");
  g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_items (fixture->project)), ==,
                    12);
  g_assert_cmpstr (evident_item_get_title (fixture_lookup (fixture->project, "1.3")), ==,
                   "Executive sponsor");

  evident_test_window_destroy (window);
  g_object_unref (fixture->project);
}

static const char unrelated_csv[] =
  "ref,chapter,chapter_title,title,requirement,points,mandatory\n"
  "A.1,A,Kitchen,Knife storage,Knives are kept in a locked drawer.,10,yes\n"
  "A.2,A,Kitchen,Fridge temperature,The fridge stays below five degrees.,10,no\n"
  "B.1,B,Garden,Hedge height,Hedges are cut to one metre twice a year.,10,no\n";

static void
test_dialog_unrelated (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (EvidentImport) import = fixture_read_csv_text (unrelated_csv);
  g_autofree char *applied = NULL;
  EvidentRevisionDialog *dialog;
  AdwMessageDialog *question;

  dialog = g_object_ref (evident_revision_dialog_new_for_import (NULL, fixture->project, NULL,
                                                                 import));
  g_signal_connect (dialog, "applied", G_CALLBACK (applied_cb), &applied);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_page (dialog, "preview");

  /* The preview warns in words before anything changes. */
  g_assert_true (gtk_widget_get_visible (evident_revision_preview_get_warnings (
      evident_revision_dialog_get_preview (dialog))));
  g_assert_nonnull (evident_test_find_widget (
      evident_revision_preview_get_warnings (evident_revision_dialog_get_preview (dialog)),
      GTK_TYPE_LABEL, label_has_text, "does not look like a revision"));

  /* Apply asks first; Cancel changes nothing. */
  evident_revision_dialog_apply (dialog, FALSE);
  g_assert_true (evident_test_wait_until (has_message_dialog, NULL));
  question = find_message_dialog ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Apply Anyway?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question),
                            "This does not look like a revision of this checklist"));
  adw_message_dialog_response (question, "cancel");
  /* Its buttons close it; a response given by hand does not. */
  gtk_window_destroy (GTK_WINDOW (question));
  evident_test_pump ();
  g_assert_null (applied);
  g_assert_cmpstr (evident_project_get_checklist_version (fixture->project), ==, "4.1");

  /* "Apply Anyway" applies it. */
  g_assert_cmpstr (evident_revision_dialog_get_page (dialog), ==, "preview");
  evident_revision_dialog_apply (dialog, FALSE);
  g_assert_true (evident_test_wait_until (has_message_dialog, NULL));
  question = find_message_dialog ();
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "apply");
  wait_for_applied (dialog, &applied);
  g_assert_cmpstr (applied, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_items (fixture->project)), ==,
                    3);

  evident_test_assert_finalized (dialog);
}

/* The project changed after the comparison: compared again. */
static void
test_dialog_stale (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (EvidentImport) import = fixture_read_checklist ("revision-4.1.1.csv");
  g_autofree char *applied = NULL;
  EvidentRevisionDialog *dialog;
  EvidentRevision *first;

  dialog = g_object_ref (evident_revision_dialog_new_for_import (NULL, fixture->project, NULL,
                                                                 import));
  g_signal_connect (dialog, "applied", G_CALLBACK (applied_cb), &applied);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_page (dialog, "preview");
  first = evident_revision_dialog_get_revision (dialog);

  /* Meanwhile, the project moved to 4.2. */
  apply_4_2 (fixture);

  evident_revision_dialog_apply (dialog, FALSE);
  g_assert_null (applied);
  wait_for_page (dialog, "preview");
  g_assert_true (evident_revision_dialog_get_revision (dialog) != first);

  evident_revision_dialog_apply (dialog, TRUE);
  wait_for_applied (dialog, &applied);
  evident_test_assert_finalized (dialog);
}

/* A file whose columns are guessed: the columns first, then compared. */
static const char keyed_csv[] =
  "Key,Name,Text\n"
  "1.1,Company overview,\"The partner presents its company, its history, its customers and its "
  "managed service offering in a short overview.\"\n"
  "1.2,Service catalogue,\"The partner keeps a catalogue of the managed services it sells, with a "
  "description and the pricing model of each service.\"\n";

static void
test_dialog_columns (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (EvidentImport) import = fixture_read_csv_text (keyed_csv);
  EvidentRevisionDialog *dialog;
  EvidentRevision *revision;

  /* "Key" holds references by its values, so the import takes it; as if
   * it had not, the user starts without it. */
  evident_import_set_column (import, 0, EVIDENT_IMPORT_FIELD_REF, -1);
  dialog = g_object_ref (evident_revision_dialog_new_for_import (NULL, fixture->project, NULL,
                                                                 import));
  gtk_window_present (GTK_WINDOW (dialog));
  evident_test_pump ();

  /* No column holds the references: the dialog says so and waits. */
  g_assert_cmpstr (evident_revision_dialog_get_page (dialog), ==, "columns");
  g_assert_true (g_str_has_prefix (evident_revision_dialog_get_problem_text (dialog),
                                   "Cannot compare yet."));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "revision-dialog.compare", NULL);
  evident_test_pump ();
  g_assert_cmpstr (evident_revision_dialog_get_page (dialog), ==, "columns");

  /* The user picks the column, in the import assistant's editor. */
  evident_import_set_column (import, 0, EVIDENT_IMPORT_FIELD_REF, 0);
  evident_test_pump ();
  g_assert_cmpstr (evident_revision_dialog_get_problem_text (dialog), ==, "");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "revision-dialog.compare", NULL);
  wait_for_page (dialog, "preview");
  /* Both items are found again (without their expected evidence: reworded);
   * the rest leave. */
  revision = evident_revision_dialog_get_revision (dialog);
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_REWORDED), ==, 2);
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_REMOVED), ==, 10);

  gtk_window_destroy (GTK_WINDOW (dialog));
  evident_test_pump ();
  evident_test_assert_finalized (dialog);
}

/* Re-checks, after the update */

static void
test_recheck_list_row (Fixture       *fixture,
                       gconstpointer  data)
{
  EvidentItemList *list = g_object_ref_sink (EVIDENT_ITEM_LIST (evident_item_list_new ()));
  EvidentItemRow *row = g_object_ref_sink (EVIDENT_ITEM_ROW (evident_item_row_new ()));
  EvidentSidebar *sidebar = g_object_ref_sink (EVIDENT_SIDEBAR (evident_sidebar_new ()));
  GtkWidget *window;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  guint n_recheck;
  guint n_chapter;
  g_autofree char *caption = NULL;
  g_autofree char *chapter_caption = NULL;
  g_autofree char *chapter_after = NULL;
  EvidentItem *item;

  n_recheck = apply_4_2 (fixture);
  g_assert_cmpuint (n_recheck, >, 1);
  g_assert_cmpuint (evident_recheck_count (fixture->project, NULL), ==, n_recheck);
  n_chapter = evident_recheck_count (fixture->project, "2.0");
  g_assert_cmpuint (n_chapter, >, 1);
  g_assert_cmpuint (n_chapter, <, n_recheck);
  item = fixture_lookup (fixture->project, "2.2");
  g_assert_true (evident_item_get_needs_recheck (item));

  /* The row: an icon named "Needs re-check". */
  evident_item_row_set_item (row, item, fixture->project, 20, FALSE);
  g_assert_true (gtk_widget_get_visible (evident_test_find_widget (
      GTK_WIDGET (row), GTK_TYPE_IMAGE, evident_test_has_css_class, "evident-recheck-tag")));
  evident_item_row_set_item (row, fixture_lookup (fixture->project, "1.1"), fixture->project, 20,
                             FALSE);
  g_assert_false (gtk_widget_get_visible (evident_test_find_widget (
      GTK_WIDGET (row), GTK_TYPE_IMAGE, evident_test_has_css_class, "evident-recheck-tag")));
  evident_item_row_set_item (row, NULL, NULL, 20, FALSE);

  /* The list's filter */
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (sidebar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (list));
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), box);
  evident_sidebar_set_project (sidebar, fixture->project);
  evident_item_list_set_project (list, fixture->project);
  gtk_window_present (GTK_WINDOW (window));
  evident_test_pump ();
  g_assert_cmpuint (g_list_model_get_n_items (evident_item_list_get_model (list)), ==, 13);
  gtk_widget_activate_action (GTK_WIDGET (list), "item-list.needs-recheck", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (evident_item_list_get_model (list)), ==, n_recheck);

  /* The sidebar counts them: all items, and chapter 2.0's. */
  caption = g_strdup_printf ("· %u to re-check", n_recheck);
  g_assert_nonnull (evident_test_find_widget (GTK_WIDGET (sidebar), GTK_TYPE_LABEL, label_has_text,
                                              caption));
  chapter_caption = g_strdup_printf ("· %u to re-check", n_chapter);
  g_assert_nonnull (evident_test_find_widget (GTK_WIDGET (sidebar), GTK_TYPE_LABEL, label_has_text,
                                              chapter_caption));

  /* Confirmed, an item leaves the filtered list and the counts. */
  g_assert_true (evident_project_confirm_item (fixture->project, item, NULL, NULL));
  evident_test_pump ();
  g_assert_cmpuint (g_list_model_get_n_items (evident_item_list_get_model (list)), ==,
                    n_recheck - 1);
  chapter_after = g_strdup_printf ("· %u to re-check", n_chapter - 1);
  g_assert_nonnull (evident_test_find_widget (GTK_WIDGET (sidebar), GTK_TYPE_LABEL, label_has_text,
                                              chapter_after));

  gtk_window_destroy (GTK_WINDOW (window));
  evident_test_pump ();
  evident_test_assert_finalized (row);
  evident_test_assert_finalized (list);
  evident_test_assert_finalized (sidebar);
}

static void
test_recheck_editor (Fixture       *fixture,
                     gconstpointer  data)
{
  EvidentItemEditor *editor = g_object_ref_sink (EVIDENT_ITEM_EDITOR (evident_item_editor_new ()));
  GtkWidget *window = evident_test_show_in_window (GTK_WIDGET (editor), fixture->project, 800, 700);
  EvidentItemRecheck *recheck;
  EvidentItem *item;

  apply_4_2 (fixture);
  item = fixture_lookup (fixture->project, "2.2");
  evident_item_editor_set_item (editor, item);
  evident_test_pump ();

  recheck = EVIDENT_ITEM_RECHECK (evident_test_find_widget (GTK_WIDGET (editor),
                                                            EVIDENT_TYPE_ITEM_RECHECK, NULL,
                                                            NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (recheck)));
  g_assert_cmpstr (evident_item_recheck_get_text (recheck), ==,
                   "Needs re-check after the update to 4.2: was Met");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_READY);

  /* The history says where the item came from, in words. */
  g_assert_nonnull (evident_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                              evident_test_has_title,
                                              "Came across the update to 4.2: was 2.2 in 4.1"));
  g_assert_nonnull (evident_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                              evident_test_has_title, "Needs re-check: was Met"));

  /* Confirm: the status it had comes back, the flag and the part go. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.confirm-recheck", NULL);
  evident_test_pump ();
  g_assert_false (evident_item_get_needs_recheck (item));
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (recheck)));
  g_assert_nonnull (evident_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                              evident_test_has_title, "Re-check done"));

  /* Another item: another status, chosen from the part's menu. */
  item = fixture_lookup (fixture->project, "2.3");
  evident_item_editor_set_item (editor, item);
  evident_test_pump ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (recheck)));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-status", "s", "in-progress");
  evident_test_pump ();
  g_assert_false (evident_item_get_needs_recheck (item));
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_IN_PROGRESS);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (recheck)));

  gtk_window_destroy (GTK_WINDOW (window));
  evident_test_pump ();
  evident_test_assert_finalized (editor);
}

/* Versions and the archive */

static void
test_versions_archive (Fixture       *fixture,
                       gconstpointer  data)
{
  EvidentWindow *window = evident_test_window_new (fixture->project, 1280, 800);
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (fixture->project);
  EvidentVersionsWindow *versions;
  EvidentArchiveView *archive;
  EvidentArchivedItem *removed = NULL;
  EvidentItem *target;
  GPtrArray *items;
  GPtrArray *rows;
  guint n_before;

  g_object_ref (fixture->project);
  apply_4_2 (fixture);

  gtk_widget_activate_action (GTK_WIDGET (window), "revision.show-versions", NULL);
  evident_test_pump ();
  versions = EVIDENT_VERSIONS_WINDOW (evident_revision_actions_get_versions_window (
      evident_window_get_revisions (window)));
  g_assert_nonnull (versions);
  g_assert_cmpstr (evident_versions_window_get_page (versions), ==, "versions");

  /* Two versions, the newest current, with its mapping. */
  g_assert_cmpuint (evident_versions_window_get_versions (versions)->len, ==, 2);
  g_assert_nonnull (evident_test_find_widget (evident_versions_window_get_version_row (versions, 1),
                                              GTK_TYPE_LABEL, label_is, "Current"));
  evident_versions_window_show_version (versions, 1);
  rows = evident_versions_window_get_mapping_rows (versions);
  g_assert_cmpuint (rows->len, ==, 15);
  g_assert_nonnull (evident_test_find_widget (GTK_WIDGET (versions), ADW_TYPE_ACTION_ROW,
                                              evident_test_has_title, "1.2 → 1.3"));

  /* The archive: 1.3 removed, with its note and its link. */
  gtk_widget_activate_action (GTK_WIDGET (window), "revision.show-archive", NULL);
  evident_test_pump ();
  g_assert_cmpstr (evident_versions_window_get_page (versions), ==, "archive");
  archive = evident_versions_window_get_archive_view (versions);
  items = evident_archive_view_get_items (archive);
  for (guint i = 0; i < items->len; i++)
    {
      EvidentArchivedItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->ref, "1.3"))
        removed = item;
    }
  g_assert_nonnull (removed);
  g_assert_cmpstr (removed->note, ==, "Sponsor named");
  {
    /* Its row is named for screen readers, the row around the
     * expander's own row included. */
    g_autofree char *title = g_strdup_printf ("%s %s", removed->ref, removed->title);
    GtkWidget *row = evident_test_find_widget (GTK_WIDGET (archive), ADW_TYPE_EXPANDER_ROW,
                                               evident_test_has_title, title);

    g_assert_nonnull (row);
    gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, title);
  }
  g_assert_cmpuint (removed->evidence->len, ==, 1);

  /* Re-attached to an item of the checklist: one edit, undone. */
  target = fixture_lookup (fixture->project, "1.1");
  {
    g_autoptr (GListModel) evidence = evident_evidence_store_list (store, target);

    n_before = g_list_model_get_n_items (evidence);
    g_assert_true (evident_archive_view_reattach (
        archive, ((EvidentArchivedEvidence *) g_ptr_array_index (removed->evidence, 0))->id,
        target));
    evident_test_pump ();
    g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, n_before + 1);
    gtk_widget_activate_action (GTK_WIDGET (versions), "versions.undo", NULL);
    evident_test_pump ();
    g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, n_before);
  }

  /* A new project closes the versions of the old one. */
  destroy_window (versions);
  evident_test_window_destroy (window);
  g_object_unref (fixture->project);
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/revision-ui/no-display"))
    return g_test_run ();

  g_test_add_func ("/revision-ui/diff-label", test_diff_label);
  g_test_add ("/revision-ui/preview", Fixture, NULL, fixture_set_up, test_preview,
              fixture_tear_down);
  g_test_add ("/revision-ui/pair-unpair", Fixture, NULL, fixture_set_up, test_pair_unpair,
              fixture_tear_down);
  g_test_add ("/revision-ui/dialog/apply-undo", Fixture, NULL, fixture_set_up,
              test_dialog_apply_undo, fixture_tear_down);
  g_test_add ("/revision-ui/dialog/unrelated", Fixture, NULL, fixture_set_up,
              test_dialog_unrelated, fixture_tear_down);
  g_test_add ("/revision-ui/dialog/stale", Fixture, NULL, fixture_set_up, test_dialog_stale,
              fixture_tear_down);
  g_test_add ("/revision-ui/dialog/columns", Fixture, NULL, fixture_set_up, test_dialog_columns,
              fixture_tear_down);
  g_test_add ("/revision-ui/recheck/list", Fixture, NULL, fixture_set_up, test_recheck_list_row,
              fixture_tear_down);
  g_test_add ("/revision-ui/recheck/editor", Fixture, NULL, fixture_set_up, test_recheck_editor,
              fixture_tear_down);
  g_test_add ("/revision-ui/versions-archive", Fixture, NULL, fixture_set_up,
              test_versions_archive, fixture_tear_down);

  return g_test_run ();
}
