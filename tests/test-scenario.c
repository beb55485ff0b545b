/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What-if scenarios: scored like the real project, never written until
 * applied, kept by name, applied as one step of undo. */

#include "config.h"

#include <gio/gio.h>

#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-scenario.h"
#include "test-fixtures.h"

typedef struct
{
  char           *dir;
  char           *path;
  EvidentProject *project;
} Fixture;

/* Chapter 1.0: 1.1 (300, mandatory), 1.2 (200), 1.3 (100).
 * Chapter 2.0: 2.1 (250, mandatory), 2.2 (150). 1000 points; pass at
 * 900, 200 lost per mandatory item not counted. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GPtrArray) entries = fixture_new_entries ();
  g_autoptr (GError) error = NULL;

  fixture->dir = fixture_tmp_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "audit.evident", NULL);
  fixture_add_entry (entries, "1.1", "1.0", "One", 300, TRUE);
  fixture_add_entry (entries, "1.2", "1.0", "Two", 200, FALSE);
  fixture_add_entry (entries, "1.3", "1.0", "Three", 100, FALSE);
  fixture_add_entry (entries, "2.1", "2.0", "Four", 250, TRUE);
  fixture_add_entry (entries, "2.2", "2.0", "Five", 150, FALSE);
  fixture->project = fixture_create_project (fixture->path, entries);

  g_assert_true (evident_project_set_status (fixture->project,
                                             fixture_lookup (fixture->project, "1.1"),
                                             EVIDENT_STATUS_MET, NULL, &error));
  g_assert_true (evident_project_set_status (fixture->project,
                                             fixture_lookup (fixture->project, "2.2"),
                                             EVIDENT_STATUS_READY, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->project != NULL)
    fixture_close_project (&fixture->project);
  fixture_tmp_dir_clear (&fixture->dir);
  g_free (fixture->path);
}

static EvidentItem *
item (Fixture    *fixture,
      const char *ref)
{
  return fixture_lookup (fixture->project, ref);
}

/* Every item's status, as "ref=status;…", as the file holds them. */
static char *
stored_statuses (const char *path)
{
  g_autoptr (EvidentProject) project = fixture_open_project (path, EVIDENT_PROJECT_OPEN_READ_ONLY);
  GListModel *items = evident_project_get_items (project);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) it = g_list_model_get_item (items, i);

      g_string_append_printf (text, "%s=%s;", evident_item_get_ref (it),
                              evident_status_to_string (evident_item_get_status (it)));
    }
  fixture_close_project (&project);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

/* Assumptions change the score of every view, not an item. */
static void
test_score (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (EvidentScenario) scenario = evident_scenario_new (fixture->project);
  const EvidentScore *real = evident_project_get_score (fixture->project);
  const EvidentScore *score;
  guint n_changed = 0;

  /* Real: confirmed 300 − 200 = 100; projected 450 − 200 = 250. */
  g_assert_cmpfloat (real->views[EVIDENT_VIEW_CONFIRMED].score, ==, 100);
  g_assert_cmpfloat (real->views[EVIDENT_VIEW_PROJECTED].score, ==, 250);
  score = evident_scenario_get_score (scenario);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_PROJECTED].score, ==, 250);

  g_signal_connect (scenario, "changed", G_CALLBACK (count_cb), &n_changed);
  evident_scenario_assume (scenario, item (fixture, "2.1"), EVIDENT_ASSUMPTION_MET);
  evident_scenario_assume (scenario, item (fixture, "1.2"), EVIDENT_ASSUMPTION_MET);
  evident_scenario_assume (scenario, item (fixture, "1.2"), EVIDENT_ASSUMPTION_MET);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpuint (evident_scenario_get_n_assumptions (scenario), ==, 2);

  /* Confirmed: 300 + 250 + 200 = 750; projected + 150 = 900: passes. */
  score = evident_scenario_get_score (scenario);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_CONFIRMED].score, ==, 750);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_PROJECTED].score, ==, 900);
  g_assert_true (score->views[EVIDENT_VIEW_PROJECTED].pass);
  g_assert_false (score->views[EVIDENT_VIEW_CONFIRMED].pass);
  g_assert_cmpfloat (evident_scenario_get_difference (scenario, EVIDENT_VIEW_PROJECTED), ==, 650);
  g_assert_cmpfloat (evident_scenario_get_difference (scenario, EVIDENT_VIEW_CONFIRMED), ==, 650);

  /* Assumed not met: 1.1's points go and its penalty comes back. */
  evident_scenario_assume (scenario, item (fixture, "1.1"), EVIDENT_ASSUMPTION_NOT_MET);
  score = evident_scenario_get_score (scenario);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_BEST].score, ==, 700 - 200);
  g_assert_cmpuint (evident_scenario_get_assumption (scenario, item (fixture, "1.1")), ==,
                    EVIDENT_ASSUMPTION_NOT_MET);

  /* The items themselves are as they were. */
  g_assert_cmpint (evident_item_get_status (item (fixture, "2.1")), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpint (evident_item_get_status (item (fixture, "1.1")), ==, EVIDENT_STATUS_MET);
  g_assert_cmpfloat (evident_project_get_score (fixture->project)->views[EVIDENT_VIEW_PROJECTED].score,
                     ==, 250);

  evident_scenario_assume (scenario, item (fixture, "1.1"), EVIDENT_ASSUMPTION_NONE);
  g_assert_cmpuint (evident_scenario_get_n_assumptions (scenario), ==, 2);
  evident_scenario_clear (scenario);
  g_assert_cmpuint (evident_scenario_get_n_assumptions (scenario), ==, 0);
  g_assert_cmpfloat (evident_scenario_get_difference (scenario, EVIDENT_VIEW_PROJECTED), ==, 0);
}

/* A whole chapter at once; the chapters' numbers follow the assumptions. */
static void
test_chapter (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (EvidentScenario) scenario = evident_scenario_new (fixture->project);
  g_autoptr (GPtrArray) assumed = NULL;
  const EvidentScore *score;
  const EvidentChapterScore *chapter;
  guint n_changed = 0;

  g_signal_connect (scenario, "changed", G_CALLBACK (count_cb), &n_changed);
  g_assert_cmpuint (evident_scenario_assume_chapter (scenario, "1.0", EVIDENT_ASSUMPTION_MET), ==,
                    3);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (evident_scenario_assume_chapter (scenario, "9.0", EVIDENT_ASSUMPTION_MET), ==,
                    0);
  g_assert_cmpuint (n_changed, ==, 1);

  assumed = evident_scenario_dup_items (scenario, EVIDENT_ASSUMPTION_MET);
  g_assert_cmpuint (assumed->len, ==, 3);
  g_assert_cmpstr (evident_item_get_ref (g_ptr_array_index (assumed, 2)), ==, "1.3");

  score = evident_scenario_get_score (scenario);
  chapter = &g_array_index (score->chapters, EvidentChapterScore, 0);
  g_assert_cmpstr (chapter->number, ==, "1.0");
  g_assert_cmpint (chapter->points_counted[EVIDENT_VIEW_CONFIRMED], ==, 600);
  g_assert_cmpint (chapter->points_counted[EVIDENT_VIEW_CONFIRMED], ==, chapter->points);
  /* 600 + 150 − 200 (2.1) = 550 projected. */
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_PROJECTED].score, ==, 550);
}

/* The scenario follows the project's edits live: a real edit changes the
 * items it makes no assumption about. */
static void
test_follows_project (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (EvidentScenario) scenario = evident_scenario_new (fixture->project);
  g_autoptr (GError) error = NULL;
  guint n_changed = 0;

  evident_scenario_assume (scenario, item (fixture, "2.1"), EVIDENT_ASSUMPTION_MET);
  g_assert_cmpfloat (evident_scenario_get_score (scenario)->views[EVIDENT_VIEW_PROJECTED].score,
                     ==, 700);
  g_signal_connect (scenario, "changed", G_CALLBACK (count_cb), &n_changed);

  g_assert_true (evident_project_set_status (fixture->project, item (fixture, "1.3"),
                                             EVIDENT_STATUS_READY, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpfloat (evident_scenario_get_score (scenario)->views[EVIDENT_VIEW_PROJECTED].score,
                     ==, 800);
  g_assert_cmpfloat (evident_scenario_get_difference (scenario, EVIDENT_VIEW_PROJECTED), ==, 450);

  /* An edit of an item it makes assumptions about: the assumption wins. */
  g_assert_true (evident_project_set_status (fixture->project, item (fixture, "2.1"),
                                             EVIDENT_STATUS_NOT_MET, NULL, &error));
  g_assert_cmpfloat (evident_scenario_get_score (scenario)->views[EVIDENT_VIEW_PROJECTED].score,
                     ==, 800);
}

/* Nothing a scenario does reaches the items in the file until it is
 * applied: not assuming, not saving, not deleting. */
static void
test_nothing_stored (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (EvidentScenario) scenario = NULL;
  g_autoptr (EvidentScenario) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto (GStrv) names = NULL;
  gint64 changes = fixture_sqlite_int_on (fixture->path, "SELECT count(*) FROM changes");

  fixture_close_project (&fixture->project);
  before = stored_statuses (fixture->path);
  fixture->project = fixture_open_project (fixture->path, EVIDENT_PROJECT_OPEN_DEFAULT);
  scenario = evident_scenario_new (fixture->project);

  evident_scenario_assume_chapter (scenario, "2.0", EVIDENT_ASSUMPTION_MET);
  evident_scenario_assume (scenario, item (fixture, "1.1"), EVIDENT_ASSUMPTION_NOT_MET);
  g_assert_true (evident_scenario_get_score (scenario)->views[EVIDENT_VIEW_CONFIRMED].score != 100);
  g_assert_true (evident_scenario_save (scenario, "  Security first ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (evident_scenario_get_name (scenario), ==, "Security first");
  g_clear_object (&scenario);
  fixture_close_project (&fixture->project);

  after = stored_statuses (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (fixture_sqlite_int_on (fixture->path, "SELECT count(*) FROM changes"), ==,
                   changes);

  /* Kept, and read back as saved, read-only too. */
  fixture->project = fixture_open_project (fixture->path, EVIDENT_PROJECT_OPEN_READ_ONLY);
  names = evident_scenario_list (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "Security first");
  loaded = evident_scenario_load (fixture->project, "Security first", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evident_scenario_get_n_assumptions (loaded), ==, 3);
  g_assert_cmpuint (evident_scenario_get_assumption (loaded, item (fixture, "1.1")), ==,
                    EVIDENT_ASSUMPTION_NOT_MET);
  g_assert_cmpuint (evident_scenario_get_assumption (loaded, item (fixture, "2.2")), ==,
                    EVIDENT_ASSUMPTION_MET);
  g_assert_cmpuint (evident_scenario_get_assumption (loaded, item (fixture, "1.2")), ==,
                    EVIDENT_ASSUMPTION_NONE);
  /* A read-only project keeps nothing new. */
  g_assert_false (evident_scenario_save (loaded, "Other", &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&loaded);
  fixture_close_project (&fixture->project);
}

/* Saved under a name again, a scenario replaces the one kept; scenarios
 * are listed by name, compared, deleted. */
static void
test_keep (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (EvidentScenario) a = evident_scenario_new (fixture->project);
  g_autoptr (EvidentScenario) b = evident_scenario_new (fixture->project);
  g_autoptr (EvidentScenario) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = NULL;
  g_autofree char *long_name = g_strnfill (EVIDENT_SCENARIO_MAX_NAME + 1, 'x');

  evident_scenario_assume (a, item (fixture, "2.1"), EVIDENT_ASSUMPTION_MET);
  evident_scenario_assume (b, item (fixture, "1.2"), EVIDENT_ASSUMPTION_MET);
  g_assert_true (evident_scenario_save (a, "best", &error));
  g_assert_true (evident_scenario_save (b, "Alternative", &error));
  g_assert_no_error (error);

  names = evident_scenario_list (fixture->project, &error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Alternative");
  g_assert_cmpstr (names[1], ==, "best");

  /* Side by side: a brings 450 (250 and the penalty), b 200. */
  g_assert_cmpfloat (evident_scenario_get_score (a)->views[EVIDENT_VIEW_PROJECTED].score, ==, 700);
  g_assert_cmpfloat (evident_scenario_get_score (b)->views[EVIDENT_VIEW_PROJECTED].score, ==, 450);

  evident_scenario_assume (a, item (fixture, "2.1"), EVIDENT_ASSUMPTION_NONE);
  evident_scenario_assume (a, item (fixture, "1.3"), EVIDENT_ASSUMPTION_NOT_MET);
  g_assert_true (evident_scenario_save (a, "best", &error));
  loaded = evident_scenario_load (fixture->project, "best", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evident_scenario_get_n_assumptions (loaded), ==, 1);
  g_assert_cmpuint (evident_scenario_get_assumption (loaded, item (fixture, "1.3")), ==,
                    EVIDENT_ASSUMPTION_NOT_MET);
  g_clear_object (&loaded);

  g_assert_true (evident_scenario_delete (fixture->project, "best", &error));
  g_assert_no_error (error);
  g_assert_false (evident_scenario_delete (fixture->project, "best", &error));
  g_assert_error (error, EVIDENT_SCENARIO_ERROR, EVIDENT_SCENARIO_ERROR_NOT_FOUND);
  fixture_assert_contains (error, "best");
  g_clear_error (&error);
  g_assert_null (evident_scenario_load (fixture->project, "best", &error));
  g_assert_error (error, EVIDENT_SCENARIO_ERROR, EVIDENT_SCENARIO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (fixture_sqlite_int_on (fixture->path,
                                          "SELECT count(*) FROM scenario_assumptions"),
                   ==, 1);

  g_assert_false (evident_scenario_save (a, "   ", &error));
  g_assert_error (error, EVIDENT_SCENARIO_ERROR, EVIDENT_SCENARIO_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_false (evident_scenario_save (a, "two\nlines", &error));
  g_assert_error (error, EVIDENT_SCENARIO_ERROR, EVIDENT_SCENARIO_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_false (evident_scenario_save (a, long_name, &error));
  g_assert_error (error, EVIDENT_SCENARIO_ERROR, EVIDENT_SCENARIO_ERROR_INVALID_NAME);
}

/* Applying writes every assumption as a status, as one step of undo that
 * restores every item. */
static void
test_apply (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (EvidentScenario) scenario = evident_scenario_new (fixture->project);
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *applied = NULL;
  g_autofree char *undone = NULL;
  gint64 changes = fixture_sqlite_int_on (fixture->path, "SELECT count(*) FROM changes");
  guint n_history;
  double expected;

  before = g_strdup ("1.1=met;1.2=not-started;1.3=not-started;2.1=not-started;2.2=ready;");
  history = evident_project_get_history (fixture->project, NULL, &error);
  n_history = history->len;
  g_clear_pointer (&history, g_ptr_array_unref);

  evident_scenario_assume_chapter (scenario, "2.0", EVIDENT_ASSUMPTION_MET);
  evident_scenario_assume (scenario, item (fixture, "1.1"), EVIDENT_ASSUMPTION_MET);
  evident_scenario_assume (scenario, item (fixture, "1.3"), EVIDENT_ASSUMPTION_NOT_MET);
  expected = evident_scenario_get_score (scenario)->views[EVIDENT_VIEW_CONFIRMED].score;

  g_assert_true (evident_scenario_apply (scenario, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (evident_project_get_score (fixture->project)->views[EVIDENT_VIEW_CONFIRMED].score,
                     ==, expected);
  g_assert_cmpfloat (evident_scenario_get_difference (scenario, EVIDENT_VIEW_CONFIRMED), ==, 0);

  /* One change, one history row per item that changed (1.1 was met). */
  g_assert_cmpint (fixture_sqlite_int_on (fixture->path, "SELECT count(*) FROM changes"), ==,
                   changes + 1);
  history = evident_project_get_history (fixture->project, NULL, &error);
  g_assert_cmpuint (history->len, ==, n_history + 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (((EvidentHistoryEntry *) g_ptr_array_index (history, i))->change, ==,
                     ((EvidentHistoryEntry *) g_ptr_array_index (history, 0))->change);

  g_clear_object (&scenario);
  fixture_close_project (&fixture->project);
  applied = stored_statuses (fixture->path);
  g_assert_cmpstr (applied, ==, "1.1=met;1.2=not-started;1.3=not-met;2.1=met;2.2=met;");

  fixture->project = fixture_open_project (fixture->path, EVIDENT_PROJECT_OPEN_DEFAULT);
  g_assert_true (evident_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  fixture_close_project (&fixture->project);
  undone = stored_statuses (fixture->path);
  g_assert_cmpstr (undone, ==, before);
}

/* Nothing to write: applying changes nothing and leaves nothing to undo. */
static void
test_apply_nothing (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (EvidentScenario) scenario = evident_scenario_new (fixture->project);
  g_autoptr (GError) error = NULL;
  gint64 changes = fixture_sqlite_int_on (fixture->path, "SELECT count(*) FROM changes");

  evident_scenario_assume (scenario, item (fixture, "1.1"), EVIDENT_ASSUMPTION_MET);
  g_assert_true (evident_scenario_apply (scenario, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_sqlite_int_on (fixture->path, "SELECT count(*) FROM changes"), ==,
                   changes);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/scenario/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("score", test_score);
  ADD ("chapter", test_chapter);
  ADD ("follows-project", test_follows_project);
  ADD ("nothing-stored", test_nothing_stored);
  ADD ("keep", test_keep);
  ADD ("apply", test_apply);
  ADD ("apply-nothing", test_apply_nothing);

#undef ADD

  return g_test_run ();
}
