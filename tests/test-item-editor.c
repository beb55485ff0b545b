/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-entry-row.h"
#include "evident-enums-util.h"
#include "evident-item-editor.h"
#include "evident-item-text.h"
#include "evident-sample.h"
#include "evident-test-utils.h"

typedef struct
{
  char              *dir;
  EvidentProject    *project;
  EvidentItemEditor *editor;
  GPtrArray         *errors;
} Fixture;

static void
error_cb (EvidentItemEditor *editor,
          const char        *message,
          Fixture           *fixture)
{
  g_ptr_array_add (fixture->errors, g_strdup (message));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = evident_test_create_sample_project ("item-editor", &fixture->dir);

  fixture->errors = g_ptr_array_new_with_free_func (g_free);
  fixture->editor = g_object_ref_sink (EVIDENT_ITEM_EDITOR (evident_item_editor_new ()));
  g_signal_connect (fixture->editor, "error", G_CALLBACK (error_cb), fixture);
  evident_item_editor_set_project (fixture->editor, fixture->project);
  /* Not on screen, it would build them with its first item. */
  evident_item_editor_build_parts (fixture->editor);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  evident_test_iterate ();
  evident_test_assert_finalized (fixture->editor);
  evident_project_close (fixture->project);
  evident_test_assert_finalized (fixture->project);
  g_ptr_array_unref (fixture->errors);

  evident_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* Helpers */

static AdwComboRow *
get_status_row (Fixture *fixture)
{
  GtkWidget *row = evident_test_find_widget (GTK_WIDGET (fixture->editor), ADW_TYPE_COMBO_ROW,
                                             evident_test_has_title, "Status");

  g_assert_nonnull (row);
  return ADW_COMBO_ROW (row);
}

static EvidentEntryRow *
get_entry_row (Fixture    *fixture,
               const char *title)
{
  GtkWidget *row = evident_test_find_widget (GTK_WIDGET (fixture->editor), EVIDENT_TYPE_ENTRY_ROW,
                                             evident_test_has_title, title);

  g_assert_nonnull (row);
  return EVIDENT_ENTRY_ROW (row);
}

static gboolean
has_field (GtkWidget     *widget,
           gconstpointer  field)
{
  return (int) evident_item_text_get_field (EVIDENT_ITEM_TEXT (widget)) == GPOINTER_TO_INT (field);
}

static EvidentItemText *
get_item_text (Fixture          *fixture,
               EvidentItemField  field)
{
  GtkWidget *text = evident_test_find_widget (GTK_WIDGET (fixture->editor), EVIDENT_TYPE_ITEM_TEXT,
                                              has_field, GINT_TO_POINTER (field));

  g_assert_nonnull (text);
  return EVIDENT_ITEM_TEXT (text);
}

static GtkTextBuffer *
get_notes_buffer (Fixture *fixture)
{
  return evident_item_text_get_buffer (get_item_text (fixture, EVIDENT_ITEM_FIELD_NOTE));
}

static GtkTextBuffer *
get_response_buffer (Fixture *fixture)
{
  return evident_item_text_get_buffer (get_item_text (fixture, EVIDENT_ITEM_FIELD_RESPONSE));
}

static char *
get_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
append_text (GtkTextBuffer *buffer,
             const char    *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
}

/* An item of the sample project with @status and no reason. */
static EvidentItem *
find_item (Fixture       *fixture,
           EvidentStatus  status,
           EvidentItem   *other_than)
{
  GListModel *items = evident_project_get_items (fixture->project);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (evident_item_get_status (item) == status && evident_item_get_reason (item) == NULL
          && item != other_than)
        return item;
    }
  g_assert_not_reached ();
  return NULL;
}

static guint
count_history (Fixture     *fixture,
               EvidentItem *item,
               const char  *kind)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = evident_project_get_history (fixture->project, item, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      EvidentHistoryEntry *entry = g_ptr_array_index (entries, i);

      if (kind == NULL || g_strcmp0 (entry->kind, kind) == 0)
        n++;
    }
  return n;
}

static gboolean
has_note (gpointer item)
{
  return evident_item_get_note (item) != NULL;
}

static gboolean
has_response (gpointer item)
{
  return evident_item_get_response (item) != NULL;
}

/* Edits of @item's @field in the history */
static guint
count_field_edits (Fixture          *fixture,
                   EvidentItem      *item,
                   EvidentItemField  field)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = evident_project_get_history (fixture->project, item, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      EvidentHistoryEntry *entry = g_ptr_array_index (entries, i);

      if (entry->field == field && g_strcmp0 (entry->kind, "edit") == 0)
        n++;
    }
  return n;
}

/* Runs the main loop until @item has a note. */
static void
wait_for_note (EvidentItem *item)
{
  g_assert_true (evident_test_wait_until (has_note, item));
}

static void
activate (Fixture    *fixture,
          const char *action,
          const char *value)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), action, "s", value));
}

/* Tests */

static void
test_empty (void)
{
  EvidentItemEditor *editor = g_object_ref_sink (EVIDENT_ITEM_EDITOR (evident_item_editor_new ()));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack;
  GtkWidget *page;

  /* Its parts are built when it is first shown (or given an item). */
  g_assert_null (adw_bin_get_child (ADW_BIN (editor)));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));
  evident_test_pump ();

  stack = evident_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_STACK, NULL, NULL);
  g_assert_null (evident_item_editor_get_item (editor));
  g_assert_nonnull (stack);
  page = gtk_stack_get_visible_child (GTK_STACK (stack));
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No Item Selected");

  /* Nothing to edit: the actions do nothing. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-status", "s", "met");
  g_assert_null (evident_item_editor_get_item (editor));

  gtk_window_destroy (GTK_WINDOW (window));
  evident_test_pump ();
  evident_test_assert_finalized (editor);
}

static void
test_shows_item (Fixture       *fixture,
                 gconstpointer  data)
{
  EvidentItem *item = evident_project_lookup_item (fixture->project, "1.1.1");
  GtkWidget *stack = evident_test_find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_STACK,
                                               NULL, NULL);

  g_assert_nonnull (item);
  g_object_set (fixture->editor, "item", item, NULL);

  g_assert_true (evident_item_editor_get_item (fixture->editor) == item);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "item");
  g_assert_cmpuint (adw_combo_row_get_selected (get_status_row (fixture)), ==,
                    evident_item_get_status (item));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_entry_row (fixture, "Owner"))), ==,
                   evident_item_get_owner (item));

  /* Back to nothing: the status page again. */
  evident_item_editor_set_item (fixture->editor, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  EvidentItem *item = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, NULL);
  AdwComboRow *status_row = get_status_row (fixture);
  g_autoptr (GPtrArray) history = NULL;
  EvidentHistoryEntry *newest;
  guint n_history;

  evident_item_editor_set_item (fixture->editor, item);
  n_history = count_history (fixture, item, NULL);

  /* Through the action */
  activate (fixture, "editor.set-status", "in-progress");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_IN_PROGRESS);
  g_assert_cmpuint (adw_combo_row_get_selected (status_row), ==, EVIDENT_STATUS_IN_PROGRESS);
  g_assert_cmpuint (count_history (fixture, item, NULL), ==, n_history + 1);

  /* Through the combo row, as a user picks it */
  adw_combo_row_set_selected (status_row, EVIDENT_STATUS_MET);
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_cmpuint (count_history (fixture, item, NULL), ==, n_history + 2);

  history = evident_project_get_history (fixture->project, item, NULL);
  newest = g_ptr_array_index (history, 0);
  g_assert_cmpint (newest->field, ==, EVIDENT_ITEM_FIELD_STATUS);
  g_assert_cmpstr (newest->old_value, ==, "in-progress");
  g_assert_cmpstr (newest->new_value, ==, "met");
  g_assert_cmpuint (fixture->errors->len, ==, 0);
}

static gboolean
has_text (GtkWidget     *widget,
          gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
         && gtk_widget_get_visible (widget);
}

static void
test_not_applicable (Fixture       *fixture,
                     gconstpointer  data)
{
  EvidentItem *item = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, NULL);
  AdwComboRow *status_row = get_status_row (fixture);
  EvidentEntryRow *reason_row = get_entry_row (fixture, "Reason");
  g_autoptr (GPtrArray) history = NULL;
  guint n_history;

  evident_item_editor_set_item (fixture->editor, item);
  n_history = count_history (fixture, item, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (reason_row)));

  /* Picking not-applicable asks for a reason and changes nothing yet. */
  adw_combo_row_set_selected (status_row, EVIDENT_STATUS_NOT_APPLICABLE);
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpuint (count_history (fixture, item, NULL), ==, n_history);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reason_row)));
  g_assert_cmpuint (adw_combo_row_get_selected (status_row), ==, EVIDENT_STATUS_NOT_APPLICABLE);
  g_assert_cmpuint (fixture->errors->len, ==, 0);

  /* An empty reason is refused, and said so once, beside the field, in
   * plain words (not again in a toast). */
  activate (fixture, "editor.set-reason", "  ");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpuint (count_history (fixture, item, NULL), ==, n_history);
  g_assert_cmpuint (fixture->errors->len, ==, 0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (reason_row), "error"));
  g_assert_nonnull (evident_test_find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_LABEL,
                                              has_text,
                                              "Say why this item does not apply: "
                                              "not applicable needs a reason"));

  /* With a reason, status and reason change together, as one change. */
  gtk_editable_set_text (GTK_EDITABLE (reason_row), "DevOps competency held");
  gtk_editable_set_position (GTK_EDITABLE (reason_row), -1);
  g_signal_emit_by_name (reason_row, "apply");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_NOT_APPLICABLE);
  g_assert_cmpstr (evident_item_get_reason (item), ==, "DevOps competency held");
  /* The entry keeps what was typed, the cursor where it was, the hint goes. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reason_row)), ==,
                   "DevOps competency held");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (reason_row)), ==, 22);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (reason_row), "error"));
  g_assert_cmpuint (count_history (fixture, item, NULL), ==, n_history + 2);
  history = evident_project_get_history (fixture->project, item, NULL);
  g_assert_cmpint (((EvidentHistoryEntry *) history->pdata[0])->change, ==,
                   ((EvidentHistoryEntry *) history->pdata[1])->change);

  /* Clearing the reason of a not-applicable item is refused. */
  activate (fixture, "editor.set-reason", "");
  g_assert_cmpstr (evident_item_get_reason (item), ==, "DevOps competency held");
  g_assert_cmpuint (fixture->errors->len, ==, 0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (reason_row), "error"));

  /* Editing it saves. */
  activate (fixture, "editor.set-reason", "Covered by the DevOps competency");
  g_assert_cmpstr (evident_item_get_reason (item), ==, "Covered by the DevOps competency");
  g_assert_cmpuint (count_history (fixture, item, NULL), ==, n_history + 3);
}

static void
test_not_applicable_abandoned (Fixture       *fixture,
                               gconstpointer  data)
{
  EvidentItem *item = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, NULL);
  EvidentItem *other = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, item);
  AdwComboRow *status_row = get_status_row (fixture);
  EvidentEntryRow *reason_row = get_entry_row (fixture, "Reason");
  guint n_history;

  evident_item_editor_set_item (fixture->editor, item);
  n_history = count_history (fixture, item, NULL);

  /* The user picks not-applicable, then goes to another item and back. */
  activate (fixture, "editor.set-status", "not-applicable");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reason_row)));
  evident_item_editor_set_item (fixture->editor, other);
  evident_item_editor_set_item (fixture->editor, item);

  g_assert_cmpuint (adw_combo_row_get_selected (status_row), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (reason_row)));
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpuint (count_history (fixture, item, NULL), ==, n_history);

  /* Picking another status instead ends the question as well. */
  activate (fixture, "editor.set-status", "not-applicable");
  activate (fixture, "editor.set-status", "ready");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_READY);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (reason_row)));
}

static void
test_notes_debounced (Fixture       *fixture,
                      gconstpointer  data)
{
  EvidentItem *item = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, NULL);
  GtkTextBuffer *buffer = get_notes_buffer (fixture);
  g_autofree char *note = NULL;
  GtkTextIter iter;
  guint n_notes;

  evident_item_editor_set_item (fixture->editor, item);
  g_assert_null (evident_item_get_note (item));
  n_notes = count_history (fixture, item, NULL);

  /* Three bursts of typing */
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, "Deck ", -1);
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, "from the ", -1);
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, "kick-off\n", -1);

  /* Nothing saved per keystroke */
  g_assert_null (evident_item_get_note (item));
  g_assert_cmpuint (count_history (fixture, item, NULL), ==, n_notes);

  /* The cursor somewhere in the middle, where the user is */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 5);
  gtk_text_buffer_place_cursor (buffer, &iter);

  wait_for_note (item);
  note = g_strdup (evident_item_get_note (item));
  g_assert_cmpstr (g_strstrip (note), ==, "Deck from the kick-off");
  g_assert_cmpuint (count_history (fixture, item, "edit"), ==, n_notes + 1);

  /* Whatever white space the project keeps, the buffer keeps the new line
   * the user is about to type on, and the cursor stays where it was. */
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 5);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 23);
  g_assert_cmpuint (fixture->errors->len, ==, 0);
}

static void
test_notes_flushed_on_switch (Fixture       *fixture,
                              gconstpointer  data)
{
  EvidentItem *item = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, NULL);
  EvidentItem *other = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, item);
  GtkTextBuffer *buffer = get_notes_buffer (fixture);
  GtkTextIter iter;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  evident_item_editor_set_item (fixture->editor, item);
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, "Ask Dana for the chart", -1);

  /* Another item, before the delay is over: the first keeps its notes. */
  evident_item_editor_set_item (fixture->editor, other);
  g_assert_cmpstr (evident_item_get_note (item), ==, "Ask Dana for the chart");

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "");

  /* And no late save lands on the second. */
  evident_test_run (1200);
  g_assert_null (evident_item_get_note (other));
  g_assert_cmpuint (count_history (fixture, other, NULL), ==, 0);
}

static void
test_external_change (Fixture       *fixture,
                      gconstpointer  data)
{
  EvidentItem *item = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, NULL);
  AdwComboRow *status_row = get_status_row (fixture);
  EvidentEntryRow *owner_row = get_entry_row (fixture, "Owner");
  GtkTextBuffer *buffer = get_notes_buffer (fixture);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  guint n_edits;

  evident_item_editor_set_item (fixture->editor, item);
  activate (fixture, "editor.set-status", "met");
  n_edits = count_history (fixture, item, "edit");

  /* Undo elsewhere: the combo follows without an edit of its own. */
  evident_project_undo (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpuint (adw_combo_row_get_selected (status_row), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpuint (count_history (fixture, item, "edit"), ==, n_edits);
  g_assert_cmpuint (count_history (fixture, item, "undo"), ==, 1);
  g_assert_true (evident_project_get_can_redo (fixture->project));

  /* Owner and notes set by another part of the application */
  evident_project_set_owner (fixture->project, item, "Dana", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner_row)), ==, "Dana");
  evident_project_set_note (fixture->project, item, "From the CLI", &error);
  g_assert_no_error (error);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "From the CLI");

  /* Two edits, and no echo from the editor after any of them */
  evident_test_run (1000);
  g_assert_cmpuint (count_history (fixture, item, "edit"), ==, n_edits + 2);
  g_assert_cmpuint (fixture->errors->len, ==, 0);
}

static void
test_owner_complexity_due (Fixture       *fixture,
                           gconstpointer  data)
{
  EvidentItem *item = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, NULL);
  EvidentEntryRow *owner_row = get_entry_row (fixture, "Owner");

  evident_item_editor_set_item (fixture->editor, item);

  /* A new owner, typed and applied */
  gtk_editable_set_text (GTK_EDITABLE (owner_row), "Sam (SME)");
  g_signal_emit_by_name (owner_row, "apply");
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Sam (SME)");
  activate (fixture, "editor.set-owner", "");
  g_assert_null (evident_item_get_owner (item));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner_row)), ==, "");

  activate (fixture, "editor.set-complexity", "high");
  g_assert_cmpint (evident_item_get_complexity (item), ==, EVIDENT_COMPLEXITY_HIGH);

  activate (fixture, "editor.set-due", "2025-03-31");
  g_assert_cmpstr (evident_item_get_due (item), ==, "2025-03-31");
  activate (fixture, "editor.set-due", "");
  g_assert_null (evident_item_get_due (item));

  /* A refused edit changes nothing and is reported, once: beside its
   * field, not again in a toast. */
  g_assert_cmpuint (fixture->errors->len, ==, 0);
  activate (fixture, "editor.set-due", "31/03/2025");
  g_assert_null (evident_item_get_due (item));
  g_assert_cmpuint (fixture->errors->len, ==, 0);
  g_assert_true (gtk_widget_has_css_class (evident_test_find_widget (GTK_WIDGET (fixture->editor),
                                                                     ADW_TYPE_ACTION_ROW,
                                                                     evident_test_has_title,
                                                                     "Due Date"),
                                           "error"));
}

/* An owner typed and not applied is saved when the keyboard leaves it,
 * and for its own item when another item is shown: nothing typed is
 * lost. */
static void
test_typed_owner_kept (Fixture       *fixture,
                       gconstpointer  data)
{
  EvidentItem *first = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, NULL);
  EvidentItem *second = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, first);
  EvidentEntryRow *owner_row = get_entry_row (fixture, "Owner");
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (fixture->editor));
  gtk_window_present (GTK_WINDOW (window));
  evident_item_editor_set_item (fixture->editor, first);
  evident_test_iterate ();

  /* Typed, then another item: saved for the first */
  gtk_widget_grab_focus (GTK_WIDGET (owner_row));
  gtk_editable_set_text (GTK_EDITABLE (owner_row), "Dana Lee");
  evident_item_editor_set_item (fixture->editor, second);
  g_assert_cmpstr (evident_item_get_owner (first), ==, "Dana Lee");
  g_assert_cmpstr (evident_item_get_owner (second), !=, "Dana Lee");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner_row)), ==,
                   evident_item_get_owner (second) != NULL ? evident_item_get_owner (second) : "");

  /* Typed, then Tab away: saved */
  gtk_editable_set_text (GTK_EDITABLE (owner_row), "Sam (SME)");
  g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (evident_item_get_owner (second), ==, "Sam (SME)");
  g_assert_cmpuint (fixture->errors->len, ==, 0);

  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* One Tab stop per field, on its control: the due date's row is not a
 * stop of its own before its button; the button still names the field
 * for screen readers. */
static void
test_tab_stops (Fixture       *fixture,
                gconstpointer  data)
{
  EvidentItem *item = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, NULL);
  GtkWidget *due_row = evident_test_find_widget (GTK_WIDGET (fixture->editor), ADW_TYPE_ACTION_ROW,
                                                 evident_test_has_title, "Due Date");
  GtkWidget *due_button = evident_test_find_widget (due_row, GTK_TYPE_MENU_BUTTON, NULL, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (fixture->editor));
  gtk_window_present (GTK_WINDOW (window));
  evident_item_editor_set_item (fixture->editor, item);
  activate (fixture, "editor.set-due", "2025-03-31");
  evident_test_iterate ();

  row = evident_test_find_row_tab_stop (window, 200);
  g_assert_null (row);
  g_assert_true (gtk_widget_child_focus (due_row, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), due_button));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (due_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Due date: 31 March 2025");

  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_in_window (Fixture       *fixture,
                gconstpointer  data)
{
  EvidentItem *item = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, NULL);
  GtkTextBuffer *buffer = get_notes_buffer (fixture);
  EvidentEntryRow *reason_row = get_entry_row (fixture, "Reason");
  EvidentEntryRow *owner_row = get_entry_row (fixture, "Owner");
  GtkWidget *due_row = evident_test_find_widget (GTK_WIDGET (fixture->editor), ADW_TYPE_ACTION_ROW,
                                                 evident_test_has_title, "Due Date");
  GtkWidget *due_button = evident_test_find_widget (due_row, GTK_TYPE_MENU_BUTTON, NULL, NULL);
  GtkWidget *window = gtk_window_new ();
  g_autoptr (GDateTime) date = NULL;
  GtkWidget *calendar;
  GtkWidget *focus;
  GtkTextIter iter;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (fixture->editor));
  gtk_window_present (GTK_WINDOW (window));
  evident_item_editor_set_item (fixture->editor, item);
  evident_test_iterate ();

  /* Not applicable: the reason entry takes the focus; leaving it without
   * a reason puts the status back. */
  activate (fixture, "editor.set-status", "not-applicable");
  evident_test_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (reason_row)));
  gtk_widget_grab_focus (GTK_WIDGET (owner_row));
  evident_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (reason_row)));
  g_assert_cmpuint (adw_combo_row_get_selected (get_status_row (fixture)), ==,
                    EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_NOT_STARTED);

  /* Opening the calendar changes nothing; picking a day sets the date. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (due_button));
  evident_test_iterate ();
  g_assert_null (evident_item_get_due (item));
  g_assert_cmpuint (count_history (fixture, item, NULL), ==, 0);
  calendar = evident_test_find_widget (due_button, GTK_TYPE_CALENDAR, NULL, NULL);
  g_assert_nonnull (calendar);
  date = g_date_time_new_local (2025, 3, 31, 0, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_cmpstr (evident_item_get_due (item), ==, "2025-03-31");
  g_assert_cmpuint (count_history (fixture, item, NULL), ==, 1);
  evident_test_iterate ();

  /* Closing the window saves what was typed. */
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, "Typed just before closing", -1);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  evident_test_iterate ();
  g_assert_cmpstr (evident_item_get_note (item), ==, "Typed just before closing");
  evident_test_assert_finalized (window);
}

/* The response for the auditor: its own field, saved as the user types,
 * one edit per pause, the notes untouched. */
static void
test_response_saved (Fixture       *fixture,
                     gconstpointer  data)
{
  EvidentItem *item = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, NULL);
  GtkTextBuffer *buffer = get_response_buffer (fixture);
  EvidentItemText *response = get_item_text (fixture, EVIDENT_ITEM_FIELD_RESPONSE);

  evident_item_editor_set_item (fixture->editor, item);
  g_assert_null (evident_item_get_response (item));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (response)), ==,
                   "Response for the Auditor");
  /* The sample project was not imported from a workbook. */
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (response)), ==,
                   "What the auditor reads about this item");

  append_text (buffer, "Staff sign in through ");
  append_text (buffer, "the IdP with MFA.");
  g_assert_null (evident_item_get_response (item));

  g_assert_true (evident_test_wait_until (has_response, item));
  g_assert_cmpstr (evident_item_get_response (item), ==, "Staff sign in through the IdP with MFA.");
  g_assert_cmpuint (count_field_edits (fixture, item, EVIDENT_ITEM_FIELD_RESPONSE), ==, 1);
  g_assert_cmpuint (count_field_edits (fixture, item, EVIDENT_ITEM_FIELD_NOTE), ==, 0);
  g_assert_null (evident_item_get_note (item));
  g_assert_cmpuint (fixture->errors->len, ==, 0);
}

/* Undo takes back one pause of typing at a time, and the field follows. */
static void
test_response_undo (Fixture       *fixture,
                    gconstpointer  data)
{
  EvidentItem *item = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, NULL);
  GtkTextBuffer *buffer = get_response_buffer (fixture);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  evident_item_editor_set_item (fixture->editor, item);
  append_text (buffer, "Runbooks are in the wiki.");
  evident_item_editor_flush (fixture->editor);
  append_text (buffer, " Reviewed each quarter.");
  /* What undo (win.undo) does first */
  evident_item_editor_flush (fixture->editor);
  g_assert_cmpuint (count_field_edits (fixture, item, EVIDENT_ITEM_FIELD_RESPONSE), ==, 2);

  g_assert_true (evident_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (evident_item_get_response (item), ==, "Runbooks are in the wiki.");
  text = get_buffer_text (buffer);
  g_assert_cmpstr (text, ==, "Runbooks are in the wiki.");
  g_clear_pointer (&text, g_free);

  g_assert_true (evident_project_undo (fixture->project, &error));
  g_assert_null (evident_item_get_response (item));
  text = get_buffer_text (buffer);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  g_assert_true (evident_project_redo (fixture->project, &error));
  text = get_buffer_text (buffer);
  g_assert_cmpstr (text, ==, "Runbooks are in the wiki.");

  /* No echo of the undo from the editor */
  evident_test_run (1000);
  g_assert_cmpuint (count_field_edits (fixture, item, EVIDENT_ITEM_FIELD_RESPONSE), ==, 2);
  g_assert_cmpuint (fixture->errors->len, ==, 0);
}

/* Another item shows its own response; what was typed stays with the
 * item it was typed for. */
static void
test_response_follows_selection (Fixture       *fixture,
                                 gconstpointer  data)
{
  EvidentItem *item = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, NULL);
  EvidentItem *other = find_item (fixture, EVIDENT_STATUS_NOT_STARTED, item);
  GtkTextBuffer *buffer = get_response_buffer (fixture);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (evident_project_set_response (fixture->project, other, "Answered before",
                                               &error));
  g_assert_no_error (error);

  evident_item_editor_set_item (fixture->editor, item);
  append_text (buffer, "Typed for the first");
  evident_item_editor_set_item (fixture->editor, other);
  g_assert_cmpstr (evident_item_get_response (item), ==, "Typed for the first");
  text = get_buffer_text (buffer);
  g_assert_cmpstr (text, ==, "Answered before");
  g_clear_pointer (&text, g_free);

  /* The notes of neither changed, and no late save lands anywhere. */
  evident_test_run (1000);
  g_assert_cmpstr (evident_item_get_response (other), ==, "Answered before");
  g_assert_null (evident_item_get_note (item));
  g_assert_null (evident_item_get_note (other));

  evident_item_editor_set_item (fixture->editor, item);
  text = get_buffer_text (buffer);
  g_assert_cmpstr (text, ==, "Typed for the first");
}

/* The checklist file's other columns, shown read-only where an item has
 * them, and not at all where it has none. */
static void
test_extra_fields (void)
{
  static const char csv[] =
    "ref,chapter,title,Area,Control owner\n"
    "1.1,1,Access policy,Identity,Platform team\n"
    "1.2,1,Account review,,\n";
  g_autofree char *dir = NULL;
  g_autoptr (EvidentProject) project = evident_test_create_csv_project ("extra-fields", csv, &dir);
  g_autoptr (EvidentProject) sample = NULL;
  g_autofree char *sample_dir = NULL;
  EvidentItemEditor *editor = g_object_ref_sink (EVIDENT_ITEM_EDITOR (evident_item_editor_new ()));
  GtkWidget *group;
  GtkWidget *expander;
  GPtrArray *labels;
  guint n_fields;

  evident_item_editor_set_project (editor, project);
  evident_item_editor_set_item (editor, evident_project_lookup_item (project, "1.1"));
  g_assert_nonnull (evident_item_get_extra_fields (evident_project_lookup_item (project, "1.1"),
                                                   &n_fields));
  g_assert_cmpuint (n_fields, ==, 2);

  expander = evident_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW,
                                       evident_test_has_title, "From the Checklist File");
  g_assert_nonnull (expander);
  group = gtk_widget_get_ancestor (expander, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "Area, Control owner");
  /* Screen readers name the row around the expander's own row too. */
  gtk_test_accessible_assert_property (expander, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "From the Checklist File");

  /* Name and value of each, the value selectable to copy */
  labels = evident_test_collect_widgets (expander, GTK_TYPE_LABEL, NULL, NULL);
  {
    gboolean found_value = FALSE;

    for (guint i = 0; i < labels->len; i++)
      if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), "Platform team") == 0)
        {
          g_assert_true (gtk_label_get_selectable (labels->pdata[i]));
          found_value = TRUE;
        }
    g_assert_true (found_value);
  }
  g_ptr_array_unref (labels);

  /* An item from a file without extra columns: nothing shown */
  sample = evident_test_create_sample_project ("extra-fields-sample", &sample_dir);
  evident_item_editor_set_project (editor, sample);
  evident_item_editor_set_item (editor, evident_project_lookup_item (sample, "1.1.1"));
  g_assert_false (gtk_widget_get_visible (group));

  /* Back to one that has them */
  evident_item_editor_set_project (editor, project);
  evident_item_editor_set_item (editor, evident_project_lookup_item (project, "1.1"));
  g_assert_true (gtk_widget_get_visible (group));

  evident_test_assert_finalized (editor);
  evident_project_close (sample);
  evident_project_close (project);
  evident_test_remove_dir (sample_dir);
  evident_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/item-editor/no-display"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/item-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/item-editor/empty", test_empty);
  ADD ("shows-item", test_shows_item);
  ADD ("status", test_status);
  ADD ("not-applicable", test_not_applicable);
  ADD ("not-applicable-abandoned", test_not_applicable_abandoned);
  ADD ("notes-debounced", test_notes_debounced);
  ADD ("notes-flushed-on-switch", test_notes_flushed_on_switch);
  ADD ("external-change", test_external_change);
  ADD ("owner-complexity-due", test_owner_complexity_due);
  ADD ("in-window", test_in_window);
  ADD ("tab-stops", test_tab_stops);
  ADD ("typed-owner-kept", test_typed_owner_kept);
  ADD ("response-saved", test_response_saved);
  ADD ("response-undo", test_response_undo);
  ADD ("response-follows-selection", test_response_follows_selection);
  g_test_add_func ("/item-editor/extra-fields", test_extra_fields);

#undef ADD

  return g_test_run ();
}
