/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * EvidentEntryRow, the text row of the item editor: a GtkEntry (which
 * reports its focus to screen readers, unlike libadwaita 1.2's
 * AdwEntryRow) with what the editor used of AdwEntryRow: the row is the
 * entry's GtkEditable, the keyboard goes straight into the entry, the
 * apply button comes up once the user edits, and Enter applies.
 * tests/e2e-entry-focus.py checks what AT-SPI reports in the application.
 */

#include "config.h"

#include "evident-entry-row.h"
#include "evident-test-utils.h"

static const char ROWS_UI[] =
  "<interface>"
  "  <object class='GtkWindow' id='window'>"
  "    <property name='child'>"
  "      <object class='AdwPreferencesGroup'>"
  "        <child>"
  "          <object class='GtkButton' id='before'>"
  "            <property name='label'>Before</property>"
  "          </object>"
  "        </child>"
  "        <child>"
  "          <object class='EvidentEntryRow' id='row'>"
  "            <property name='title'>_Owner</property>"
  "            <property name='use-underline'>true</property>"
  "            <property name='show-apply-button'>true</property>"
  "            <property name='input-purpose'>number</property>"
  "            <child>"
  "              <object class='GtkMenuButton' id='suffix'>"
  "                <property name='icon-name'>pan-down-symbolic</property>"
  "                <property name='popover'><object class='GtkPopover'/></property>"
  "              </object>"
  "            </child>"
  "          </object>"
  "        </child>"
  "      </object>"
  "    </property>"
  "  </object>"
  "</interface>";

typedef struct
{
  GtkBuilder      *builder;
  GtkWindow       *window;
  EvidentEntryRow *row;
  guint            n_applied;
  guint            n_activated;
} Fixture;

static void
applied_cb (EvidentEntryRow *row,
            Fixture         *fixture)
{
  fixture->n_applied++;
}

static void
activated_cb (EvidentEntryRow *row,
              Fixture         *fixture)
{
  fixture->n_activated++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_type_ensure (EVIDENT_TYPE_ENTRY_ROW);
  fixture->builder = gtk_builder_new_from_string (ROWS_UI, -1);
  fixture->window = GTK_WINDOW (gtk_builder_get_object (fixture->builder, "window"));
  fixture->row = EVIDENT_ENTRY_ROW (gtk_builder_get_object (fixture->builder, "row"));
  g_signal_connect (fixture->row, "apply", G_CALLBACK (applied_cb), fixture);
  g_signal_connect (fixture->row, "entry-activated", G_CALLBACK (activated_cb), fixture);
  gtk_window_present (fixture->window);
  evident_test_pump ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  evident_test_iterate ();
  g_object_unref (fixture->builder);
}

static GtkWidget *
get_focus (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static GtkWidget *
get_apply_button (Fixture *fixture)
{
  return evident_test_find_widget (GTK_WIDGET (fixture->row), GTK_TYPE_BUTTON,
                                   evident_test_has_css_class, (gpointer) "suggested-action");
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The row's text is its entry's, both ways, with the entry's signals. */
static void
test_editable (Fixture       *fixture,
               gconstpointer  data)
{
  GtkEntry *entry = evident_entry_row_get_entry (fixture->row);
  guint n_changed = 0;

  g_signal_connect_swapped (fixture->row, "changed", G_CALLBACK (count_cb), &n_changed);

  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "Dana");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Dana");
  g_assert_cmpuint (n_changed, >, 0);
  n_changed = 0;
  gtk_editable_set_text (GTK_EDITABLE (entry), "Sam");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->row)), ==, "Sam");
  g_assert_cmpuint (n_changed, >, 0);
  g_assert_cmpint (gtk_entry_get_input_purpose (entry), ==, GTK_INPUT_PURPOSE_NUMBER);

  /* A screen reader meets a text box, in the row */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (entry)), ==,
                   GTK_ACCESSIBLE_ROLE_TEXT_BOX);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (entry), GTK_WIDGET (fixture->row)));
}

/* The keyboard goes into the entry, never onto the row: one Tab stop,
 * and the suffix after it. */
static void
test_focus (Fixture       *fixture,
            gconstpointer  data)
{
  GtkEntry *entry = evident_entry_row_get_entry (fixture->row);
  GtkWidget *before = GTK_WIDGET (gtk_builder_get_object (fixture->builder, "before"));
  GtkWidget *suffix = GTK_WIDGET (gtk_builder_get_object (fixture->builder, "suffix"));

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (fixture->row)));
  g_assert_true (gtk_widget_is_ancestor (get_focus (fixture), GTK_WIDGET (entry)));

  gtk_widget_grab_focus (before);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (get_focus (fixture), GTK_WIDGET (entry)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (get_focus (fixture) == suffix
                 || gtk_widget_is_ancestor (get_focus (fixture), suffix));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_widget_is_ancestor (get_focus (fixture), GTK_WIDGET (entry)));

  /* The title's mnemonic, or a click on the row, puts the keyboard in
   * the entry too. */
  gtk_widget_grab_focus (before);
  adw_action_row_activate (ADW_ACTION_ROW (fixture->row));
  g_assert_true (gtk_widget_is_ancestor (get_focus (fixture), GTK_WIDGET (entry)));
}

/* The apply button comes up once the user edits; Enter then applies,
 * and otherwise only activates. */
static void
test_apply (Fixture       *fixture,
            gconstpointer  data)
{
  GtkEntry *entry = evident_entry_row_get_entry (fixture->row);
  GtkWidget *apply = get_apply_button (fixture);

  g_assert_nonnull (apply);
  g_assert_true (evident_entry_row_get_show_apply_button (fixture->row));

  /* The program's text, with the keyboard elsewhere: nothing to apply */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_builder_get_object (fixture->builder, "before")));
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "Dana");
  g_assert_false (gtk_widget_get_visible (apply));
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (fixture->n_applied, ==, 0);
  g_assert_cmpuint (fixture->n_activated, ==, 1);

  /* The user's */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->row));
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "Dana Lee");
  g_assert_true (gtk_widget_get_visible (apply));
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (fixture->n_applied, ==, 1);
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_false (gtk_widget_get_visible (apply));

  /* The button applies as Enter does, and the saved text takes it down */
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "Sam");
  g_assert_true (gtk_widget_get_visible (apply));
  g_signal_emit_by_name (apply, "clicked");
  g_assert_cmpuint (fixture->n_applied, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "Sam (SME)");
  g_assert_true (gtk_widget_get_visible (apply));
  evident_entry_row_reset_apply (fixture->row);
  g_assert_false (gtk_widget_get_visible (apply));

  /* Without the button, Enter activates */
  evident_entry_row_set_show_apply_button (fixture->row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "Robin");
  g_assert_false (gtk_widget_get_visible (apply));
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (fixture->n_applied, ==, 2);
  g_assert_cmpuint (fixture->n_activated, ==, 2);
}

/* What was typed is applied as the keyboard leaves the row, or when the
 * owner asks (before the row shows another item); nothing is applied
 * twice, nor what the program set. */
static void
test_apply_on_leave (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *before = GTK_WIDGET (gtk_builder_get_object (fixture->builder, "before"));
  GtkWidget *apply = get_apply_button (fixture);

  gtk_widget_grab_focus (GTK_WIDGET (fixture->row));
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "Dana Lee");
  g_assert_true (gtk_widget_get_visible (apply));
  gtk_widget_grab_focus (before);
  g_assert_cmpuint (fixture->n_applied, ==, 1);
  g_assert_false (gtk_widget_get_visible (apply));

  /* Back in and out without typing: nothing more */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->row));
  gtk_widget_grab_focus (before);
  g_assert_cmpuint (fixture->n_applied, ==, 1);

  gtk_widget_grab_focus (GTK_WIDGET (fixture->row));
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "Sam");
  evident_entry_row_flush (fixture->row);
  g_assert_cmpuint (fixture->n_applied, ==, 2);
  evident_entry_row_flush (fixture->row);
  gtk_widget_grab_focus (before);
  g_assert_cmpuint (fixture->n_applied, ==, 2);

  /* The program's text is not the user's */
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "Robin");
  evident_entry_row_flush (fixture->row);
  g_assert_cmpuint (fixture->n_applied, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/entry-row/no-display"))
    return g_test_run ();

  g_test_add ("/entry-row/editable", Fixture, NULL, fixture_set_up, test_editable,
              fixture_tear_down);
  g_test_add ("/entry-row/focus", Fixture, NULL, fixture_set_up, test_focus,
              fixture_tear_down);
  g_test_add ("/entry-row/apply", Fixture, NULL, fixture_set_up, test_apply,
              fixture_tear_down);
  g_test_add ("/entry-row/apply-on-leave", Fixture, NULL, fixture_set_up, test_apply_on_leave,
              fixture_tear_down);

  return g_test_run ();
}
