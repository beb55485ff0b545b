/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The item list: a chapter, the search, every filter and both sort orders
 * narrow and order the listed items as a user expects; edits made through
 * the core move items in and out of the list and change the rows at once;
 * section headers sit on the first row of each section. Each test drives
 * the widget through its actions and properties, in a window, on the
 * sample project with its demo state, and checks that nothing leaks. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "evident-chapter.h"
#include "evident-enums-util.h"
#include "evident-evidence-store.h"
#include "evident-item.h"
#include "evident-item-list.h"
#include "evident-project.h"
#include "evident-test-utils.h"

typedef struct
{
  char            *dir;
  EvidentProject  *project;
  GtkWidget       *window;
  EvidentItemList *list;
} Fixture;

/* Helpers */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = evident_test_create_sample_project ("item-list", &fixture->dir);

  fixture->list = g_object_ref (EVIDENT_ITEM_LIST (evident_item_list_new ()));
  fixture->window = evident_test_show_in_window (GTK_WIDGET (fixture->list), fixture->project,
                                                 600, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  evident_test_iterate ();
  evident_test_assert_finalized (fixture->list);
  evident_test_assert_finalized (fixture->project);

  g_assert_true (evident_test_remove_dir (fixture->dir));
  g_free (fixture->dir);
}

static GListModel *
get_model (Fixture *fixture)
{
  return evident_item_list_get_model (fixture->list);
}

static EvidentItem *
model_item (Fixture *fixture,
            guint    position)
{
  g_autoptr (EvidentItem) item = g_list_model_get_item (get_model (fixture), position);

  return item;
}

/* The references listed, in order, separated by spaces. */
static char *
listed_refs (Fixture *fixture)
{
  GListModel *model = get_model (fixture);
  GString *refs = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (refs, ' ');
      g_string_append (refs, evident_item_get_ref (item));
    }
  return g_string_free (refs, FALSE);
}

typedef gboolean (*ItemPredicate) (EvidentItem *item,
                                   gpointer     data);

/* The references of the project's items for which @predicate holds, in
 * checklist order: what the list should show. */
static char *
expected_refs (Fixture       *fixture,
               ItemPredicate  predicate,
               gpointer       data)
{
  GListModel *items = evident_project_get_items (fixture->project);
  GString *refs = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (!predicate (item, data))
        continue;
      if (refs->len > 0)
        g_string_append_c (refs, ' ');
      g_string_append (refs, evident_item_get_ref (item));
    }
  return g_string_free (refs, FALSE);
}

static gboolean
in_chapter (EvidentItem *item,
            gpointer     data)
{
  return g_strcmp0 (evident_item_get_chapter (item), data) == 0;
}

static gboolean
is_mandatory (EvidentItem *item,
              gpointer     data)
{
  return evident_item_get_mandatory (item);
}

static gboolean
is_at_risk (EvidentItem *item,
            gpointer     data)
{
  return !evident_item_counts_in (item, EVIDENT_VIEW_PROJECTED);
}

static gboolean
has_status (EvidentItem *item,
            gpointer     data)
{
  guint mask = GPOINTER_TO_UINT (data);

  return (mask & (1u << evident_item_get_status (item))) != 0;
}

static gboolean
is_unassigned (EvidentItem *item,
               gpointer     data)
{
  return evident_item_get_owner (item) == NULL;
}

static gboolean
has_owner_and_complexity (EvidentItem *item,
                          gpointer     data)
{
  return g_strcmp0 (evident_item_get_owner (item), data) == 0
         && evident_item_get_complexity (item) == EVIDENT_COMPLEXITY_HIGH;
}

/* Whether @word occurs, ignoring case, in what a search looks at. */
static gboolean
mentions (EvidentItem *item,
          gpointer     data)
{
  const char *fields[] = {
    evident_item_get_ref (item),
    evident_item_get_title (item),
    evident_item_get_requirement (item),
    evident_item_get_note (item),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *folded = fields[i] != NULL ? g_utf8_casefold (fields[i], -1) : NULL;

      if (folded != NULL && strstr (folded, data) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* @widget and its descendants with @css_class. */
static GPtrArray *
collect_by_class (GtkWidget  *widget,
                  const char *css_class)
{
  return evident_test_collect_widgets (widget, GTK_TYPE_WIDGET, evident_test_has_css_class,
                                       css_class);
}

static GtkWidget *
find_by_class (GtkWidget  *widget,
               const char *css_class)
{
  g_autoptr (GPtrArray) found = collect_by_class (widget, css_class);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/* The contents of the row showing @ref, or NULL. */
static GtkWidget *
find_row (Fixture    *fixture,
          const char *ref)
{
  g_autoptr (GPtrArray) refs = collect_by_class (GTK_WIDGET (fixture->list), "evident-item-ref");

  for (guint i = 0; i < refs->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (refs, i);

      if (gtk_widget_get_mapped (label)
          && g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), ref) == 0)
        return gtk_widget_get_parent (gtk_widget_get_parent (label));
    }
  return NULL;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return evident_ref_compare (*(const char *const *) a, *(const char *const *) b);
}

/* "ref: header" for every mapped row that shows a section header, sorted. */
static char *
shown_headers (Fixture *fixture)
{
  g_autoptr (GPtrArray) headers = collect_by_class (GTK_WIDGET (fixture->list),
                                                    "evident-section-header");
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < headers->len; i++)
    {
      GtkWidget *header = g_ptr_array_index (headers, i);
      GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (header));
      GtkWidget *ref = find_by_class (row, "evident-item-ref");

      if (!gtk_widget_get_mapped (header))
        continue;
      g_ptr_array_add (lines, g_strdup_printf ("%s: %s", gtk_label_get_label (GTK_LABEL (ref)),
                                               gtk_label_get_label (GTK_LABEL (header))));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_strdup (text->str);
}

/* What shown_headers() should say: a header on each row whose section
 * differs from the row above it. */
static char *
expected_headers (Fixture *fixture)
{
  GListModel *model = get_model (fixture);
  g_autoptr (GString) text = g_string_new (NULL);
  const char *previous = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      EvidentItem *item = model_item (fixture, i);

      if (g_strcmp0 (evident_item_get_section (item), previous) != 0)
        g_string_append_printf (text, "%s: %s %s\n", evident_item_get_ref (item),
                                evident_item_get_section (item),
                                evident_item_get_section_title (item));
      previous = evident_item_get_section (item);
    }
  return g_strdup (text->str);
}

static gboolean
headers_match (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *shown = shown_headers (fixture);
  g_autofree char *expected = expected_headers (fixture);

  return g_strcmp0 (shown, expected) == 0;
}

static gboolean
no_headers (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *shown = shown_headers (fixture);

  return *shown == '\0';
}

static void
set_status (Fixture       *fixture,
            const char    *ref,
            EvidentStatus  status)
{
  g_autoptr (GError) error = NULL;
  EvidentItem *item = evident_project_lookup_item (fixture->project, ref);

  g_assert_nonnull (item);
  evident_project_set_status (fixture->project, item, status, NULL, &error);
  g_assert_no_error (error);
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->list), action,
                                                     parameter));
}

static gboolean
row_shown (gpointer data)
{
  Fixture *fixture = data;
  return find_row (fixture, "8.3.4") != NULL;
}

static gboolean
first_row_shown (gpointer data)
{
  Fixture *fixture = data;
  return find_row (fixture, "1.1.1") != NULL;
}

/* Tests */

static void
test_new (void)
{
  GtkWidget *list = evident_item_list_new ();

  g_object_ref_sink (list);
  g_assert_null (evident_item_list_get_project (EVIDENT_ITEM_LIST (list)));
  g_assert_cmpuint (g_list_model_get_n_items (evident_item_list_get_model (EVIDENT_ITEM_LIST (list))),
                    ==, 0);
  evident_test_assert_finalized (list);
}

static void
test_all_items (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *items = evident_project_get_items (fixture->project);

  /* Without a chapter: every item, in checklist order. */
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)),
                    ==, g_list_model_get_n_items (items));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      g_assert_true (model_item (fixture, i) == item);
    }
  g_assert_null (evident_item_list_get_selected_item (fixture->list));
}

static void
test_chapter (Fixture       *fixture,
              gconstpointer  data)
{
  EvidentChapter *chapter = evident_test_find_chapter (fixture->project, "8.0");
  g_autofree char *expected = expected_refs (fixture, in_chapter, "8.0");
  g_autofree char *listed = NULL;

  g_object_set (fixture->list, "chapter", chapter, NULL);
  g_assert_true (evident_item_list_get_chapter (fixture->list) == chapter);

  listed = listed_refs (fixture);
  g_assert_cmpstr (listed, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)),
                    ==, evident_chapter_get_n_items (chapter));
  g_assert_cmpstr (evident_item_get_ref (model_item (fixture, 0)), ==, "8.1.1");

  /* Back to all items. */
  g_object_set (fixture->list, "chapter", NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)),
                    ==, g_list_model_get_n_items (evident_project_get_items (fixture->project)));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = expected_refs (fixture, mentions, "incident");
  g_autofree char *listed = NULL;
  g_autofree char *expected_note = NULL;
  g_autofree char *listed_note = NULL;
  EvidentItem *item;

  /* Any case, over reference, title, requirement and notes. */
  g_object_set (fixture->list, "search-text", "InCiDeNt", NULL);
  listed = listed_refs (fixture);
  g_assert_cmpstr (listed, ==, expected);
  g_assert_nonnull (strstr (listed, "8.3.3"));
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), <,
                    g_list_model_get_n_items (evident_project_get_items (fixture->project)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list),
                                             "item-list.clear-filters", NULL));

  /* A reference. */
  g_object_set (fixture->list, "search-text", "8.3.3", NULL);
  g_clear_pointer (&listed, g_free);
  listed = listed_refs (fixture);
  g_assert_cmpstr (listed, ==, "8.3.3");

  /* Every word must match, in any order. */
  g_object_set (fixture->list, "search-text", "plan  incident", NULL);
  g_clear_pointer (&listed, g_free);
  listed = listed_refs (fixture);
  g_assert_nonnull (strstr (listed, "8.3.3"));
  for (guint i = 0; i < g_list_model_get_n_items (get_model (fixture)); i++)
    {
      item = model_item (fixture, i);
      g_assert_true (mentions (item, "plan") && mentions (item, "incident"));
    }

  /* A note written after a search is found by the next one. */
  g_object_set (fixture->list, "search-text", "kangaroo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 0);
  item = evident_project_lookup_item (fixture->project, "2.1.1");
  evident_project_set_note (fixture->project, item, "Ask the Kangaroo team", &error);
  g_assert_no_error (error);
  expected_note = expected_refs (fixture, mentions, "kangaroo");
  listed_note = listed_refs (fixture);
  g_assert_cmpstr (expected_note, ==, "2.1.1");
  g_assert_cmpstr (listed_note, ==, "2.1.1");

  g_object_set (fixture->list, "search-text", "", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)),
                    ==, g_list_model_get_n_items (evident_project_get_items (fixture->project)));
}

static void
test_mandatory_only (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *expected = expected_refs (fixture, is_mandatory, NULL);
  g_autofree char *listed = NULL;
  gboolean mandatory_only = FALSE;

  activate (fixture, "item-list.mandatory-only", NULL);
  g_object_get (fixture->list, "mandatory-only", &mandatory_only, NULL);
  g_assert_true (mandatory_only);
  listed = listed_refs (fixture);
  g_assert_cmpstr (listed, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (get_model (fixture)); i++)
    g_assert_true (evident_item_get_mandatory (model_item (fixture, i)));

  activate (fixture, "item-list.mandatory-only", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)),
                    ==, g_list_model_get_n_items (evident_project_get_items (fixture->project)));
}

static void
test_at_risk (Fixture       *fixture,
              gconstpointer  data)
{
  const EvidentScore *score = evident_project_get_score (fixture->project);
  g_autofree char *expected = expected_refs (fixture, is_at_risk, NULL);
  g_autofree char *listed = NULL;
  guint n_at_risk;

  activate (fixture, "item-list.at-risk", NULL);
  listed = listed_refs (fixture);
  g_assert_cmpstr (listed, ==, expected);
  n_at_risk = g_list_model_get_n_items (get_model (fixture));
  g_assert_cmpuint (n_at_risk, ==, score->at_risk->len);
  g_assert_cmpuint (n_at_risk, >, 0);

  /* 8.3.4 is not started: at risk until it is ready for review. */
  g_assert_nonnull (strstr (listed, "8.3.4"));
  set_status (fixture, "8.3.4", EVIDENT_STATUS_READY);
  g_clear_pointer (&listed, g_free);
  listed = listed_refs (fixture);
  g_assert_null (strstr (listed, "8.3.4"));
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, n_at_risk - 1);

  /* A met item found not met after all comes in. */
  set_status (fixture, "8.1.1", EVIDENT_STATUS_NOT_MET);
  g_clear_pointer (&listed, g_free);
  listed = listed_refs (fixture);
  g_assert_nonnull (strstr (listed, "8.1.1"));
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, n_at_risk);

  /* Undo goes back, too. */
  g_assert_true (evident_project_undo (fixture->project, NULL));
  g_clear_pointer (&listed, g_free);
  listed = listed_refs (fixture);
  g_assert_null (strstr (listed, "8.1.1"));
}

static void
test_status_filter (Fixture       *fixture,
                    gconstpointer  data)
{
  guint met = 1u << EVIDENT_STATUS_MET;
  guint met_or_ready = met | 1u << EVIDENT_STATUS_READY;
  g_autofree char *expected_met = expected_refs (fixture, has_status, GUINT_TO_POINTER (met));
  g_autofree char *expected_both = expected_refs (fixture, has_status,
                                                  GUINT_TO_POINTER (met_or_ready));
  g_autofree char *listed_met = NULL;
  g_autofree char *listed_both = NULL;
  g_autofree char *listed_ready = NULL;

  activate (fixture, "status-filter.met", NULL);
  listed_met = listed_refs (fixture);
  g_assert_cmpstr (listed_met, ==, expected_met);

  activate (fixture, "status-filter.ready", NULL);
  listed_both = listed_refs (fixture);
  g_assert_cmpstr (listed_both, ==, expected_both);
  g_assert_cmpuint (strlen (listed_both), >, strlen (listed_met));

  /* An item set to met joins the list, one set to not met leaves it. */
  set_status (fixture, "8.3.4", EVIDENT_STATUS_MET);
  set_status (fixture, "8.1.1", EVIDENT_STATUS_NOT_MET);
  g_clear_pointer (&expected_both, g_free);
  g_clear_pointer (&listed_both, g_free);
  expected_both = expected_refs (fixture, has_status, GUINT_TO_POINTER (met_or_ready));
  listed_both = listed_refs (fixture);
  g_assert_cmpstr (listed_both, ==, expected_both);
  g_assert_nonnull (strstr (listed_both, "8.3.4"));
  g_assert_null (strstr (listed_both, "8.1.1 "));

  /* Unchecking met leaves the ready items. */
  activate (fixture, "status-filter.met", NULL);
  listed_ready = listed_refs (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (get_model (fixture)); i++)
    g_assert_cmpint (evident_item_get_status (model_item (fixture, i)), ==, EVIDENT_STATUS_READY);

  /* The last one unchecked: every item. */
  activate (fixture, "status-filter.ready", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)),
                    ==, g_list_model_get_n_items (evident_project_get_items (fixture->project)));
}

static void
test_owner_filter (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *expected_unassigned = expected_refs (fixture, is_unassigned, NULL);
  g_autofree char *expected_security = expected_refs (fixture, has_owner_and_complexity,
                                                      "Security lead");
  g_autofree char *listed = NULL;

  /* As a cell of the heat map asks: one owner, one complexity. */
  evident_item_list_set_filter (fixture->list, "Security lead", EVIDENT_COMPLEXITY_HIGH);
  listed = listed_refs (fixture);
  g_assert_cmpstr (listed, ==, expected_security);
  g_assert_cmpuint (strlen (listed), >, 0);

  evident_item_list_set_filter (fixture->list, "", -1);
  g_clear_pointer (&listed, g_free);
  listed = listed_refs (fixture);
  g_assert_cmpstr (listed, ==, expected_unassigned);
  g_assert_cmpuint (strlen (listed), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list),
                                             "item-list.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)),
                    ==, g_list_model_get_n_items (evident_project_get_items (fixture->project)));
}

static gboolean
has_underlined_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  return GTK_IS_LABEL (widget)
         && gtk_label_get_use_underline (GTK_LABEL (widget))
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), label) == 0;
}

static gboolean
has_status_action (GtkWidget     *widget,
                   gconstpointer  unused)
{
  return GTK_IS_CHECK_BUTTON (widget)
         && g_str_has_prefix (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                              "status-filter.");
}

static gboolean
popover_shown (gpointer button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

/* The filter popover is not built with the list but when the Filter
 * button is first opened, by the mouse or by Alt+F; it then shows the
 * filters set before, and its drop-downs and check buttons filter. */
static void
test_filter_popover (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *label = evident_test_find_widget (GTK_WIDGET (fixture->list), GTK_TYPE_LABEL,
                                               has_underlined_label, "_Filter");
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_ancestor (label, GTK_TYPE_MENU_BUTTON));
  g_autofree char *expected_unassigned = expected_refs (fixture, is_unassigned, NULL);
  g_autofree char *expected_met = expected_refs (fixture, has_status,
                                                 GUINT_TO_POINTER (1u << EVIDENT_STATUS_MET));
  g_autoptr (GPtrArray) checks = NULL;
  g_autofree char *listed = NULL;
  GtkPopover *popover;
  GtkDropDown *owner;
  GtkDropDown *complexity;

  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  evident_item_list_set_filter (fixture->list, "Security lead", EVIDENT_COMPLEXITY_HIGH);
  g_assert_null (gtk_menu_button_get_popover (button));

  /* Alt+F: the label's mnemonic opens the button (after its press). */
  g_assert_true (gtk_widget_mnemonic_activate (label, FALSE));
  g_assert_true (evident_test_wait_until (popover_shown, button));
  popover = gtk_menu_button_get_popover (button);

  owner = GTK_DROP_DOWN (evident_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_DROP_DOWN,
                                                   NULL, NULL));
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (owner)),
                   ==, "Security lead");
  complexity = GTK_DROP_DOWN (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (GTK_WIDGET (owner))));
  g_assert_true (GTK_IS_DROP_DOWN (complexity));
  g_assert_cmpuint (gtk_drop_down_get_selected (complexity), ==, EVIDENT_COMPLEXITY_HIGH + 1);

  /* The drop-downs filter the list. */
  gtk_drop_down_set_selected (complexity, 0);
  gtk_drop_down_set_selected (owner, 1);
  listed = listed_refs (fixture);
  g_assert_cmpstr (listed, ==, expected_unassigned);
  g_assert_cmpuint (strlen (listed), >, 0);

  /* A check button per status, acting on the list. */
  checks = evident_test_collect_widgets (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON, has_status_action, NULL);
  g_assert_cmpuint (checks->len, ==, EVIDENT_N_STATUSES);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list),
                                             "item-list.clear-filters", NULL));
  g_assert_cmpuint (gtk_drop_down_get_selected (owner), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (complexity), ==, 0);
  g_assert_true (gtk_widget_activate (g_ptr_array_index (checks, EVIDENT_STATUS_MET)));
  g_clear_pointer (&listed, g_free);
  listed = listed_refs (fixture);
  g_assert_cmpstr (listed, ==, expected_met);
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, EVIDENT_STATUS_MET)));

  /* Opened again, the same popover. */
  gtk_menu_button_popdown (button);
  evident_test_iterate ();
  gtk_menu_button_popup (button);
  evident_test_iterate ();
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_menu_button_popdown (button);
}

static void
test_sort_by_risk (Fixture       *fixture,
                   gconstpointer  data)
{
  const EvidentScore *score = evident_project_get_score (fixture->project);
  int penalty = evident_project_get_rules (fixture->project)->mandatory_penalty;
  GListModel *model = get_model (fixture);
  g_autofree char *sort = NULL;
  int previous = G_MAXINT;

  activate (fixture, "item-list.sort", g_variant_new_string ("risk"));
  g_object_get (fixture->list, "sort", &sort, NULL);
  g_assert_cmpstr (sort, ==, "risk");

  /* The items with most points at risk first, as the score lists them. */
  g_assert_true (model_item (fixture, 0) == g_ptr_array_index (score->at_risk, 0));
  for (guint i = 0; i < score->at_risk->len; i++)
    g_assert_true (model_item (fixture, i) == g_ptr_array_index (score->at_risk, i));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      int risk = evident_item_get_points_at_risk (model_item (fixture, i), penalty);

      g_assert_cmpint (risk, <=, previous);
      previous = risk;
    }

  /* Marking the riskiest item ready moves it behind every item at risk. */
  set_status (fixture, evident_item_get_ref (model_item (fixture, 0)), EVIDENT_STATUS_READY);
  score = evident_project_get_score (fixture->project);
  g_assert_true (model_item (fixture, 0) == g_ptr_array_index (score->at_risk, 0));
  g_assert_cmpint (evident_item_get_points_at_risk (model_item (fixture, score->at_risk->len),
                                                    penalty), ==, 0);

  /* Back to checklist order. */
  activate (fixture, "item-list.sort", g_variant_new_string ("ref"));
  test_all_items (fixture, data);
}

static void
test_select_next (Fixture       *fixture,
                  gconstpointer  data)
{
  guint n;

  g_object_set (fixture->list,
                "chapter", evident_test_find_chapter (fixture->project, "8.0"), NULL);
  n = g_list_model_get_n_items (get_model (fixture));

  evident_item_list_select_next (fixture->list, 1);
  g_assert_true (evident_item_list_get_selected_item (fixture->list) == model_item (fixture, 0));
  evident_item_list_select_next (fixture->list, 1);
  g_assert_true (evident_item_list_get_selected_item (fixture->list) == model_item (fixture, 1));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (get_model (fixture))),
                    ==, 1);
  evident_item_list_select_next (fixture->list, -1);
  g_assert_true (evident_item_list_get_selected_item (fixture->list) == model_item (fixture, 0));

  /* Stops at either end. */
  evident_item_list_select_next (fixture->list, -1);
  g_assert_true (evident_item_list_get_selected_item (fixture->list) == model_item (fixture, 0));
  g_object_set (fixture->list, "selected-item", model_item (fixture, n - 1), NULL);
  evident_item_list_select_next (fixture->list, 1);
  g_assert_true (evident_item_list_get_selected_item (fixture->list)
                 == model_item (fixture, n - 1));

  /* In the order shown. */
  activate (fixture, "item-list.sort", g_variant_new_string ("risk"));
  g_object_set (fixture->list, "selected-item", model_item (fixture, 2), NULL);
  evident_item_list_select_next (fixture->list, 1);
  g_assert_true (evident_item_list_get_selected_item (fixture->list) == model_item (fixture, 3));
}

static void
test_selected_item (Fixture       *fixture,
                    gconstpointer  data)
{
  EvidentItem *item = evident_project_lookup_item (fixture->project, "8.3.4");
  EvidentItem *other = evident_project_lookup_item (fixture->project, "1.1.1");
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (get_model (fixture));

  /* Shown and selected. */
  g_object_set (fixture->list,
                "chapter", evident_test_find_chapter (fixture->project, "8.0"), NULL);
  g_object_set (fixture->list, "selected-item", item, NULL);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == item);

  /* An edit that filters the row out keeps the item picked, and the row
   * comes back selected. */
  activate (fixture, "item-list.at-risk", NULL);
  set_status (fixture, "8.3.4", EVIDENT_STATUS_MET);
  g_assert_null (gtk_single_selection_get_selected_item (selection));
  g_assert_true (evident_item_list_get_selected_item (fixture->list) == item);
  g_assert_true (evident_project_undo (fixture->project, NULL));
  g_assert_true (gtk_single_selection_get_selected_item (selection) == item);

  /* Picking a hidden item clears the search and filters that hide it. */
  g_object_set (fixture->list, "search-text", "encryption", NULL);
  g_object_set (fixture->list, "selected-item", NULL, NULL);
  g_assert_null (gtk_single_selection_get_selected_item (selection));
  g_object_set (fixture->list, "selected-item", item, NULL);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == item);
  g_assert_cmpstr (evident_item_list_get_search_text (fixture->list), ==, "");

  /* ... and shows its chapter. */
  g_object_set (fixture->list, "selected-item", other, NULL);
  g_assert_cmpstr (evident_chapter_get_number (evident_item_list_get_chapter (fixture->list)),
                   ==, "1.0");
  g_assert_true (gtk_single_selection_get_selected_item (selection) == other);

  /* Another chapter drops an item it does not list. */
  g_object_set (fixture->list,
                "chapter", evident_test_find_chapter (fixture->project, "8.0"), NULL);
  g_assert_null (evident_item_list_get_selected_item (fixture->list));
}

static gboolean
far_row_in_view (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *list_view = find_by_class (GTK_WIDGET (fixture->list), "evident-item-list");
  GtkWidget *row = find_row (fixture, "12.1.1");
  graphene_point_t point;

  if (row == NULL
      || !gtk_widget_compute_point (row, list_view, &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;
  return point.y >= 0 && point.y + gtk_widget_get_height (row) <= gtk_widget_get_height (list_view);
}

static void
test_scroll (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *list_view = find_by_class (GTK_WIDGET (fixture->list), "evident-item-list");
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  EvidentItem *far = evident_project_lookup_item (fixture->project, "12.1.1");
  Fixture other = *fixture;

  /* 12.1.1 is far below the window: picking it scrolls there. */
  g_assert_true (evident_test_wait_until (first_row_shown, fixture));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
  g_assert_false (far_row_in_view (fixture));
  g_object_set (fixture->list, "selected-item", far, NULL);
  g_assert_true (evident_test_wait_until (far_row_in_view, fixture));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);

  /* Also when it is picked before the list is first shown, as when the
   * window opens on the item the user last worked on. */
  other.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (other.window), 600, 900);
  other.list = EVIDENT_ITEM_LIST (evident_item_list_new ());
  g_object_ref (other.list);
  gtk_window_set_child (GTK_WINDOW (other.window), GTK_WIDGET (other.list));
  g_object_set (other.list, "project", fixture->project, "selected-item", far, NULL);
  gtk_window_present (GTK_WINDOW (other.window));
  g_assert_true (evident_test_wait_until (far_row_in_view, &other));

  gtk_window_destroy (GTK_WINDOW (other.window));
  evident_test_iterate ();
  evident_test_assert_finalized (other.list);
}

static void
mapped_cb (GtkWidget *list,
           guint     *rows_when_mapped)
{
  g_autoptr (GPtrArray) refs = collect_by_class (list, "evident-item-ref");

  *rows_when_mapped = refs->len;
}

/* Mapping the list does not build its rows: it is mapped while a frame
 * lays the window out when an item opens with page 1 of its evidence
 * (evident --item), and that frame does not wait for them. They come with
 * the next frame, and the item picked before is still scrolled to. */
static void
test_rows_after_map (Fixture       *fixture,
                     gconstpointer  data)
{
  EvidentItem *far = evident_project_lookup_item (fixture->project, "12.1.1");
  Fixture other = *fixture;
  guint rows_when_mapped = G_MAXUINT;

  other.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (other.window), 600, 900);
  other.list = EVIDENT_ITEM_LIST (evident_item_list_new ());
  g_object_ref (other.list);
  gtk_window_set_child (GTK_WINDOW (other.window), GTK_WIDGET (other.list));
  g_object_set (other.list, "project", fixture->project, "selected-item", far, NULL);
  g_signal_connect_after (other.list, "map", G_CALLBACK (mapped_cb), &rows_when_mapped);
  gtk_window_present (GTK_WINDOW (other.window));

  g_assert_cmpuint (rows_when_mapped, ==, 0);
  g_assert_true (evident_test_wait_until (far_row_in_view, &other));

  gtk_window_destroy (GTK_WINDOW (other.window));
  evident_test_iterate ();
  evident_test_assert_finalized (other.list);
}

static void
item_activated_cb (EvidentItemList  *list,
                   EvidentItem      *item,
                   gboolean          keyboard,
                   EvidentItem     **activated)
{
  *activated = item;
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GListModel) controllers = NULL;
  EvidentItem *activated = NULL;
  GtkWidget *list_view = find_by_class (GTK_WIDGET (fixture->list), "evident-item-list");
  graphene_point_t point;

  g_assert_true (GTK_IS_LIST_VIEW (list_view));
  g_signal_connect (fixture->list, "item-activated", G_CALLBACK (item_activated_cb), &activated);
  g_object_set (fixture->list,
                "chapter", evident_test_find_chapter (fixture->project, "8.0"), NULL);

  /* What Enter or a double click on the third row does. */
  g_signal_emit_by_name (list_view, "activate", 2);
  g_assert_true (activated == model_item (fixture, 2));
  g_assert_true (evident_item_list_get_selected_item (fixture->list) == activated);

  /* A click on a row selects and opens it. */
  activated = NULL;
  g_assert_true (evident_test_wait_until (row_shown, fixture));
  g_assert_true (gtk_widget_compute_point (find_row (fixture, "8.3.4"), list_view,
                                           &GRAPHENE_POINT_INIT (10, 10), &point));
  controllers = gtk_widget_observe_controllers (list_view);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "pressed", 1, (double) point.x, (double) point.y);
    }
  g_assert_true (activated == evident_project_lookup_item (fixture->project, "8.3.4"));
  g_assert_true (evident_item_list_get_selected_item (fixture->list) == activated);
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (get_model (fixture)))
                 == activated);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (find_by_class (GTK_WIDGET (fixture->list),
                                                                       "evident-item-list"),
                                                        GTK_TYPE_STACK));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  g_object_set (fixture->list, "search-text", "no such words anywhere", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* The status page's button clears the search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list),
                                             "item-list.clear-filters", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* An edit can fill an empty result: no item of chapter 1 is not met. */
  g_object_set (fixture->list,
                "chapter", evident_test_find_chapter (fixture->project, "1.0"), NULL);
  activate (fixture, "status-filter.not-met", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  set_status (fixture, "1.1.1", EVIDENT_STATUS_NOT_MET);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 1);
}

static gboolean
focus_on_row (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *list_view = find_by_class (GTK_WIDGET (fixture->list), "evident-item-list");
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list_view));

  return focus != NULL && focus != list_view && gtk_widget_is_ancestor (focus, list_view);
}

static void
test_search_enter_focus (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *entry = evident_test_find_widget (GTK_WIDGET (fixture->list), GTK_TYPE_SEARCH_ENTRY,
                                               NULL, NULL);

  /* Ctrl+F, a reference, Enter: the focus is on the first result's row,
   * where Enter opens it (on the list as a whole, Enter does nothing). */
  evident_item_list_focus_search (fixture->list);
  gtk_editable_set_text (GTK_EDITABLE (entry), "8.3.3");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)), ==, 1);
  g_assert_true (evident_item_list_get_selected_item (fixture->list)
                 == evident_project_lookup_item (fixture->project, "8.3.3"));
  g_assert_true (evident_test_wait_until (focus_on_row, fixture));

  /* Escape in the search clears it and goes back to the row too. */
  evident_item_list_focus_search (fixture->list);
  gtk_editable_set_text (GTK_EDITABLE (entry), "incident");
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)),
                    ==, g_list_model_get_n_items (evident_project_get_items (fixture->project)));
  g_assert_true (evident_test_wait_until (focus_on_row, fixture));
}

/* The list view itself taking the focus (Tab into it, a grab on it)
 * passes it on to a row, from outside the list and from one of its
 * rows alike: on the list as a whole the arrows and Enter do nothing. */
static void
test_list_focus_to_row (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *list_view = find_by_class (GTK_WIDGET (fixture->list), "evident-item-list");
  GtkWidget *entry = evident_test_find_widget (GTK_WIDGET (fixture->list), GTK_TYPE_SEARCH_ENTRY,
                                               NULL, NULL);
  EvidentItem *item = model_item (fixture, 2);
  GtkWidget *focus;
  GtkWidget *row;

  evident_item_list_set_selected_item (fixture->list, item);
  evident_test_iterate ();

  /* From the search entry */
  g_assert_true (gtk_widget_grab_focus (entry));
  evident_test_iterate ();
  gtk_widget_grab_focus (list_view);
  g_assert_true (evident_test_wait_until (focus_on_row, fixture));
  /* On the selected row */
  focus = gtk_root_get_focus (gtk_widget_get_root (list_view));
  row = find_row (fixture, evident_item_get_ref (item));
  g_assert_nonnull (row);
  g_assert_true (focus == row || gtk_widget_is_ancestor (row, focus)
                 || gtk_widget_is_ancestor (focus, row));

  /* From a row, the list view grabbed again */
  gtk_widget_grab_focus (list_view);
  g_assert_true (evident_test_wait_until (focus_on_row, fixture));
}

static gboolean
is_clear_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Clear Filters") == 0;
}

static void
test_clear_filters_focus (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *button;

  /* The heading's button, shown while a search narrows the list, hides
   * once it is pressed: the focus goes to the list, not to whatever
   * widget comes first in the window. */
  g_object_set (fixture->list, "search-text", "incident", NULL);
  evident_test_iterate ();
  button = evident_test_find_widget (GTK_WIDGET (fixture->list), GTK_TYPE_BUTTON,
                                     is_clear_button, NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  g_signal_emit_by_name (button, "clicked");
  evident_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (get_model (fixture)),
                    ==, g_list_model_get_n_items (evident_project_get_items (fixture->project)));
  g_assert_false (gtk_widget_get_visible (button));
  /* On a row, once it is made. */
  g_assert_true (evident_test_wait_until (focus_on_row, fixture));

  /* So does the empty state's button. */
  g_object_set (fixture->list, "search-text", "no such words anywhere", NULL);
  evident_test_iterate ();
  button = evident_test_find_widget (GTK_WIDGET (fixture->list), GTK_TYPE_BUTTON,
                                     evident_test_has_label, "_Clear Filters");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (evident_test_wait_until (focus_on_row, fixture));
}

static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *shown = NULL;

  g_object_set (fixture->list,
                "chapter", evident_test_find_chapter (fixture->project, "8.0"), NULL);
  g_assert_true (evident_test_wait_until (headers_match, fixture));
  shown = shown_headers (fixture);
  g_assert_cmpstr (shown, ==,
                   "8.1.1: 8.1 Security Governance\n"
                   "8.2.1: 8.2 Identity and Access\n"
                   "8.3.1: 8.3 Detection and Response\n"
                   "8.4.1: 8.4 Data and Vulnerability Protection\n");

  /* Filtered: the first row left of each section carries its header. */
  activate (fixture, "item-list.at-risk", NULL);
  g_assert_true (evident_test_wait_until (headers_match, fixture));
  set_status (fixture, "8.3.2", EVIDENT_STATUS_READY);
  g_assert_true (evident_test_wait_until (headers_match, fixture));
  g_clear_pointer (&shown, g_free);
  shown = shown_headers (fixture);
  g_assert_nonnull (strstr (shown, "8.3.4: 8.3 Detection and Response\n"));
  g_assert_true (evident_project_undo (fixture->project, NULL));
  g_assert_true (evident_test_wait_until (headers_match, fixture));

  /* Sorted by risk, sections mean nothing. */
  activate (fixture, "item-list.sort", g_variant_new_string ("risk"));
  g_assert_true (evident_test_wait_until (no_headers, fixture));
  activate (fixture, "item-list.sort", g_variant_new_string ("ref"));
  g_assert_true (evident_test_wait_until (headers_match, fixture));
}

static gboolean
mandatory_row_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *row = find_row (fixture, "8.3.3");

  return row != NULL && gtk_widget_get_visible (find_by_class (row, "evident-mandatory"));
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  EvidentItem *item = evident_project_lookup_item (fixture->project, "8.3.4");
  GtkWidget *row;
  GtkWidget *status;
  GtkWidget *details;

  g_object_set (fixture->list,
                "chapter", evident_test_find_chapter (fixture->project, "8.0"), NULL);
  g_assert_true (evident_test_wait_until (row_shown, fixture));
  row = find_row (fixture, "8.3.4");
  status = find_by_class (row, "evident-status-pill");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status)),
                   ==, evident_status_get_label (EVIDENT_STATUS_NOT_STARTED));
  g_assert_true (gtk_widget_has_css_class (status, "evident-status-not-started"));

  /* An edit shows at once. */
  set_status (fixture, "8.3.4", EVIDENT_STATUS_NOT_MET);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status)),
                   ==, evident_status_get_label (EVIDENT_STATUS_NOT_MET));
  g_assert_true (gtk_widget_has_css_class (status, "evident-status-not-met"));
  g_assert_false (gtk_widget_has_css_class (status, "evident-status-not-started"));

  /* Owner, complexity and points, under the title. */
  details = find_by_class (row, "evident-item-details");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (details)), ==, "Security lead · High · 7 pts");
  evident_project_set_owner (fixture->project, item, NULL, &error);
  g_assert_no_error (error);
  evident_project_set_complexity (fixture->project, item, EVIDENT_COMPLEXITY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (details)), ==, "Unassigned · 7 pts");

  /* The mandatory tag follows the item. */
  g_assert_false (gtk_widget_get_visible (find_by_class (row, "evident-mandatory")));
  g_assert_true (evident_test_wait_until (mandatory_row_shown, fixture));
}

/* An item met without evidence is flagged in its row, and the flag goes
 * as evidence comes. */
static void
test_met_without_evidence (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentEvidence) link = NULL;
  EvidentItem *item = evident_project_lookup_item (fixture->project, "8.3.4");
  GtkWidget *row;
  GtkWidget *flag;

  g_object_set (fixture->list,
                "chapter", evident_test_find_chapter (fixture->project, "8.0"), NULL);
  g_assert_true (evident_test_wait_until (row_shown, fixture));
  row = find_row (fixture, "8.3.4");
  flag = find_by_class (row, "evident-no-evidence");
  g_assert_nonnull (flag);
  g_assert_false (gtk_widget_get_visible (flag));

  set_status (fixture, "8.3.4", EVIDENT_STATUS_MET);
  g_assert_true (gtk_widget_get_visible (flag));

  link = evident_evidence_store_add_link (evident_evidence_store_get_for_project (fixture->project),
                                          item, "https://example.com/forensics", "Forensics plan",
                                          EVIDENT_EVIDENCE_KIND_PROCESS, &error);
  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_visible (flag));

  g_assert_true (evident_evidence_store_remove (evident_evidence_store_get_for_project (fixture->project),
                                                link, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (flag));

  /* Not applicable needs no evidence. */
  g_assert_true (evident_project_set_status (fixture->project, item, EVIDENT_STATUS_NOT_APPLICABLE,
                                             "Out of scope", &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_visible (flag));
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/item-list/no-display"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/item-list/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/item-list/new", test_new);
  ADD ("all-items", test_all_items);
  ADD ("chapter", test_chapter);
  ADD ("search", test_search);
  ADD ("mandatory-only", test_mandatory_only);
  ADD ("at-risk", test_at_risk);
  ADD ("status-filter", test_status_filter);
  ADD ("owner-filter", test_owner_filter);
  ADD ("filter-popover", test_filter_popover);
  ADD ("sort-by-risk", test_sort_by_risk);
  ADD ("select-next", test_select_next);
  ADD ("selected-item", test_selected_item);
  ADD ("scroll", test_scroll);
  ADD ("rows-after-map", test_rows_after_map);
  ADD ("activate", test_activate);
  ADD ("empty", test_empty);
  ADD ("clear-filters-focus", test_clear_filters_focus);
  ADD ("search-enter-focus", test_search_enter_focus);
  ADD ("list-focus-to-row", test_list_focus_to_row);
  ADD ("sections", test_sections);
  ADD ("rows", test_rows);
  ADD ("met-without-evidence", test_met_without_evidence);

#undef ADD

  return g_test_run ();
}
