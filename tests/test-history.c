/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Edits, their history, undo and redo: every edit is one transaction and
 * one change in the history; undo and redo apply the inverse and are kept
 * in the file, so they survive closing the project. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "evident-chapter.h"
#include "evident-csv.h"
#include "evident-enums-util.h"
#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-project.h"
#include "test-fixtures.h"

typedef struct
{
  char           *dir;
  char           *path;
  EvidentProject *project;
  guint           n_changed;
  double          score_when_changed; /* confirmed score seen by the handler */
} Fixture;

/* Chapter 1: 1.1 (100, mandatory), 1.2 (50), 1.3 (30, mandatory).
 * Chapter 2: 2.1 (820). 1000 points in all. */
static void
add_entry (GPtrArray *entries, const char *ref, const char *chapter, int points, gboolean mandatory)
{
  EvidentChecklistEntry *entry = g_new0 (EvidentChecklistEntry, 1);

  entry->ref = g_strdup (ref);
  entry->chapter = g_strdup (chapter);
  entry->chapter_title = g_strdup_printf ("Chapter %s", chapter);
  entry->section = g_strdup ("");
  entry->section_title = g_strdup ("");
  entry->title = g_strdup_printf ("Item %s", ref);
  entry->requirement = g_strdup ("");
  entry->evidence = g_strdup ("");
  entry->points = points;
  entry->mandatory = mandatory;
  entry->line = entries->len + 2;
  g_ptr_array_add (entries, entry);
}

static void
changed_cb (EvidentProject *project, Fixture *fixture)
{
  fixture->n_changed++;
  /* The score is already up to date when the signal fires. */
  fixture->score_when_changed =
      evident_project_get_score (project)->views[EVIDENT_VIEW_CONFIRMED].score;
}

static void
open_fixture_project (Fixture *fixture)
{
  g_autoptr (GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr (GError) error = NULL;

  fixture->project = evident_project_open (file, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->project, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
close_fixture_project (Fixture *fixture)
{
  evident_project_close (fixture->project);
  g_assert_finalize_object (g_steal_pointer (&fixture->project));
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) entries =
      g_ptr_array_new_with_free_func ((GDestroyNotify) evident_checklist_entry_free);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("evident-test-history-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "audit.evident", NULL);
  file = g_file_new_for_path (fixture->path);

  add_entry (entries, "1.1", "1", 100, TRUE);
  add_entry (entries, "1.2", "1", 50, FALSE);
  add_entry (entries, "1.3", "1", 30, TRUE);
  add_entry (entries, "2.1", "2", 820, FALSE);

  fixture->project = evident_project_create (file, NULL, entries, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->project, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (fixture->project != NULL)
    close_fixture_project (fixture);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static EvidentItem *
item (Fixture *fixture, const char *ref)
{
  EvidentItem *found = evident_project_lookup_item (fixture->project, ref);

  g_assert_nonnull (found);
  return found;
}

static EvidentStatus
status_of (Fixture *fixture, const char *ref)
{
  return evident_item_get_status (item (fixture, ref));
}

static void
set_status (Fixture *fixture, const char *ref, EvidentStatus status)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (
      evident_project_set_status (fixture->project, item (fixture, ref), status, NULL, &error));
  g_assert_no_error (error);
}

static void
undo (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_project_undo (fixture->project, &error));
  g_assert_no_error (error);
}

static void
redo (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_project_redo (fixture->project, &error));
  g_assert_no_error (error);
}

static GPtrArray *
history (Fixture *fixture, const char *ref)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *entries =
      evident_project_get_history (fixture->project, ref ? item (fixture, ref) : NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static EvidentHistoryEntry *
entry_at (GPtrArray *entries, guint i)
{
  g_assert_cmpuint (i, <, entries->len);
  return g_ptr_array_index (entries, i);
}

static void
assert_entry (EvidentHistoryEntry *entry,
              const char          *kind,
              const char          *ref,
              EvidentItemField     field,
              const char          *old_value,
              const char          *new_value)
{
  g_assert_cmpstr (entry->kind, ==, kind);
  g_assert_cmpstr (entry->ref, ==, ref);
  g_assert_cmpint (entry->field, ==, field);
  g_assert_cmpstr (entry->old_value, ==, old_value);
  g_assert_cmpstr (entry->new_value, ==, new_value);
}

static double
confirmed (Fixture *fixture)
{
  return evident_project_get_score (fixture->project)->views[EVIDENT_VIEW_CONFIRMED].score;
}

static void
assert_undo_redo (Fixture *fixture, gboolean can_undo, gboolean can_redo)
{
  gboolean undo_prop, redo_prop;

  g_object_get (fixture->project, "can-undo", &undo_prop, "can-redo", &redo_prop, NULL);
  g_assert_cmpint (evident_project_get_can_undo (fixture->project), ==, can_undo);
  g_assert_cmpint (evident_project_get_can_redo (fixture->project), ==, can_redo);
  g_assert_cmpint (undo_prop, ==, can_undo);
  g_assert_cmpint (redo_prop, ==, can_redo);
}

/* Edits and their history */

static void
test_edit_records_history (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) of_item = NULL;
  g_autoptr (GDateTime) start = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) end = NULL;
  g_autoptr (GError) error = NULL;
  EvidentHistoryEntry *entry;

  set_status (fixture, "1.2", EVIDENT_STATUS_READY);
  g_assert_true (
      evident_project_set_owner (fixture->project, item (fixture, "1.2"), "Alice", &error));
  g_assert_true (evident_project_set_complexity (fixture->project, item (fixture, "2.1"),
                                                 EVIDENT_COMPLEXITY_MEDIUM, &error));
  g_assert_true (evident_project_set_note (fixture->project, item (fixture, "2.1"),
                                           "Ask finance for the report", &error));
  g_assert_no_error (error);
  end = g_date_time_new_now_utc ();

  /* Newest first, one change each. */
  all = history (fixture, NULL);
  g_assert_cmpuint (all->len, ==, 4);
  assert_entry (entry_at (all, 0), "edit", "2.1", EVIDENT_ITEM_FIELD_NOTE, "",
                "Ask finance for the report");
  assert_entry (entry_at (all, 1), "edit", "2.1", EVIDENT_ITEM_FIELD_COMPLEXITY, "none", "medium");
  assert_entry (entry_at (all, 2), "edit", "1.2", EVIDENT_ITEM_FIELD_OWNER, "", "Alice");
  assert_entry (entry_at (all, 3), "edit", "1.2", EVIDENT_ITEM_FIELD_STATUS, "not-started",
                "ready");
  for (guint i = 0; i + 1 < all->len; i++)
    g_assert_cmpint (entry_at (all, i)->change, >, entry_at (all, i + 1)->change);

  /* Who and when: someone, in UTC, between the start and end of the test
   * (to the second, as stored). */
  entry = entry_at (all, 3);
  g_assert_nonnull (entry->who);
  g_assert_cmpstr (entry->who, !=, "");
  g_assert_nonnull (entry->at);
  g_assert_cmpint (g_date_time_get_utc_offset (entry->at), ==, 0);
  g_assert_cmpint (g_date_time_to_unix (entry->at), >=, g_date_time_to_unix (start));
  g_assert_cmpint (g_date_time_to_unix (entry->at), <=, g_date_time_to_unix (end));

  /* One item's history. */
  of_item = history (fixture, "1.2");
  g_assert_cmpuint (of_item->len, ==, 2);
  assert_entry (entry_at (of_item, 0), "edit", "1.2", EVIDENT_ITEM_FIELD_OWNER, "", "Alice");

  g_assert_cmpuint (fixture->n_changed, ==, 4);
}

static void
test_unchanged_value_no_row (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  set_status (fixture, "1.1", EVIDENT_STATUS_MET);
  g_assert_true (
      evident_project_set_owner (fixture->project, item (fixture, "1.1"), "Alice", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  /* The same values again, the owner with stray white space. */
  set_status (fixture, "1.1", EVIDENT_STATUS_MET);
  g_assert_true (
      evident_project_set_owner (fixture->project, item (fixture, "1.1"), " Alice ", &error));
  g_assert_true (evident_project_set_complexity (fixture->project, item (fixture, "1.1"),
                                                 EVIDENT_COMPLEXITY_NONE, &error));
  g_assert_true (evident_project_set_note (fixture->project, item (fixture, "1.2"), "", &error));
  g_assert_no_error (error);

  rows = history (fixture, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  /* And an edit that changes nothing leaves nothing new to undo. */
  undo (fixture);
  g_assert_null (evident_item_get_owner (item (fixture, "1.1")));
  g_assert_cmpint (status_of (fixture, "1.1"), ==, EVIDENT_STATUS_MET);
}

static void
test_not_applicable_needs_reason (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  const char *blanks[] = { NULL, "", "   " };

  /* Nothing counted yet, 1.1 and 1.3 open: 0 − 200 × 2 = −400 */
  g_assert_cmpfloat (confirmed (fixture), ==, -400);

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_assert_false (evident_project_set_status (fixture->project, item (fixture, "1.3"),
                                                  EVIDENT_STATUS_NOT_APPLICABLE, blanks[i],
                                                  &error));
      g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "1.3"));
      g_clear_error (&error);
    }

  g_assert_cmpint (status_of (fixture, "1.3"), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_null (evident_item_get_reason (item (fixture, "1.3")));
  rows = history (fixture, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  assert_undo_redo (fixture, FALSE, FALSE);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* With a reason: one change, two rows. */
  g_assert_true (evident_project_set_status (fixture->project, item (fixture, "1.3"),
                                             EVIDENT_STATUS_NOT_APPLICABLE,
                                             "DevOps competency held", &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (fixture, "1.3"), ==, EVIDENT_STATUS_NOT_APPLICABLE);
  g_assert_cmpstr (evident_item_get_reason (item (fixture, "1.3")), ==, "DevOps competency held");
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  /* 30 counted, only 1.1 open: 30 − 200 = −170 */
  g_assert_cmpfloat (confirmed (fixture), ==, -170);

  rows = history (fixture, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (entry_at (rows, 0)->change, ==, entry_at (rows, 1)->change);
  assert_entry (entry_at (rows, 0), "edit", "1.3", EVIDENT_ITEM_FIELD_REASON, "",
                "DevOps competency held");
  assert_entry (entry_at (rows, 1), "edit", "1.3", EVIDENT_ITEM_FIELD_STATUS, "not-started",
                "not-applicable");

  /* Clearing the reason of a not-applicable item is refused too. */
  {
    EvidentItemChange clear = { EVIDENT_ITEM_FIELD_REASON, "" };

    g_assert_false (
        evident_project_update_item (fixture->project, item (fixture, "1.3"), &clear, 1, &error));
    g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* One undo reverts both fields. */
  undo (fixture);
  g_assert_cmpint (status_of (fixture, "1.3"), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_null (evident_item_get_reason (item (fixture, "1.3")));
  g_assert_cmpfloat (confirmed (fixture), ==, -400);
  assert_undo_redo (fixture, FALSE, TRUE);

  /* And one redo brings both back. */
  redo (fixture);
  g_assert_cmpint (status_of (fixture, "1.3"), ==, EVIDENT_STATUS_NOT_APPLICABLE);
  g_assert_cmpstr (evident_item_get_reason (item (fixture, "1.3")), ==, "DevOps competency held");
}

static void
test_update_item_atomic (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  const EvidentItemChange bad[] = {
    { EVIDENT_ITEM_FIELD_OWNER, "Alice" },
    { EVIDENT_ITEM_FIELD_STATUS, "finished" },
  };
  const EvidentItemChange good[] = {
    { EVIDENT_ITEM_FIELD_OWNER, "Alice" },
    { EVIDENT_ITEM_FIELD_STATUS, "in-progress" },
    { EVIDENT_ITEM_FIELD_DUE, "2026-12-01" },
  };

  /* One bad value: nothing of the edit is saved. */
  g_assert_false (evident_project_update_item (fixture->project, item (fixture, "1.2"), bad,
                                               G_N_ELEMENTS (bad), &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "finished"));
  g_clear_error (&error);
  g_assert_null (evident_item_get_owner (item (fixture, "1.2")));
  rows = history (fixture, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Several fields: one change, undone in one step. */
  g_assert_true (evident_project_update_item (fixture->project, item (fixture, "1.2"), good,
                                              G_N_ELEMENTS (good), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  rows = history (fixture, NULL);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (entry_at (rows, 0)->change, ==, entry_at (rows, 2)->change);

  undo (fixture);
  g_assert_null (evident_item_get_owner (item (fixture, "1.2")));
  g_assert_cmpint (status_of (fixture, "1.2"), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_null (evident_item_get_due (item (fixture, "1.2")));
  assert_undo_redo (fixture, FALSE, TRUE);
}

/* Undo and redo */

static void
test_undo_redo_sequence (Fixture *fixture, gconstpointer data)
{
  /* 1.1 (100, mandatory) and 2.1 (820) both start not started:
   * 0 − 200 × 2 = −400 confirmed. */
  assert_undo_redo (fixture, FALSE, FALSE);
  g_assert_cmpfloat (confirmed (fixture), ==, -400);

  set_status (fixture, "1.1", EVIDENT_STATUS_MET);   /* A */
  g_assert_cmpfloat (confirmed (fixture), ==, -100); /* 100 − 200 */
  assert_undo_redo (fixture, TRUE, FALSE);

  set_status (fixture, "2.1", EVIDENT_STATUS_MET);  /* B */
  g_assert_cmpfloat (confirmed (fixture), ==, 720); /* 100 + 820 − 200 */
  assert_undo_redo (fixture, TRUE, FALSE);

  undo (fixture); /* B undone */
  g_assert_cmpint (status_of (fixture, "1.1"), ==, EVIDENT_STATUS_MET);
  g_assert_cmpint (status_of (fixture, "2.1"), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpfloat (confirmed (fixture), ==, -100);
  assert_undo_redo (fixture, TRUE, TRUE);

  undo (fixture); /* A undone */
  g_assert_cmpint (status_of (fixture, "1.1"), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpint (status_of (fixture, "2.1"), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpfloat (confirmed (fixture), ==, -400);
  assert_undo_redo (fixture, FALSE, TRUE);

  redo (fixture); /* A again, the oldest undone first */
  g_assert_cmpint (status_of (fixture, "1.1"), ==, EVIDENT_STATUS_MET);
  g_assert_cmpint (status_of (fixture, "2.1"), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpfloat (confirmed (fixture), ==, -100);
  assert_undo_redo (fixture, TRUE, TRUE);

  redo (fixture); /* B again */
  g_assert_cmpint (status_of (fixture, "1.1"), ==, EVIDENT_STATUS_MET);
  g_assert_cmpint (status_of (fixture, "2.1"), ==, EVIDENT_STATUS_MET);
  g_assert_cmpfloat (confirmed (fixture), ==, 720);
  assert_undo_redo (fixture, TRUE, FALSE);

  g_assert_cmpuint (fixture->n_changed, ==, 6);
}

static void
test_new_edit_drops_redo (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  set_status (fixture, "1.1", EVIDENT_STATUS_MET);   /* A */
  set_status (fixture, "1.2", EVIDENT_STATUS_READY); /* B */
  undo (fixture);                                    /* B undone */
  assert_undo_redo (fixture, TRUE, TRUE);

  set_status (fixture, "2.1", EVIDENT_STATUS_IN_PROGRESS); /* C */
  assert_undo_redo (fixture, TRUE, FALSE);
  g_assert_false (evident_project_redo (fixture->project, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* Undo goes back through C and A; B never comes back. */
  undo (fixture);
  g_assert_cmpint (status_of (fixture, "2.1"), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpint (status_of (fixture, "1.1"), ==, EVIDENT_STATUS_MET);
  g_assert_cmpint (status_of (fixture, "1.2"), ==, EVIDENT_STATUS_NOT_STARTED);
  undo (fixture);
  g_assert_cmpint (status_of (fixture, "1.1"), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpint (status_of (fixture, "1.2"), ==, EVIDENT_STATUS_NOT_STARTED);
  assert_undo_redo (fixture, FALSE, TRUE);
  g_assert_false (evident_project_undo (fixture->project, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* Redo brings back A, then C, and only those. */
  redo (fixture);
  redo (fixture);
  g_assert_cmpint (status_of (fixture, "1.1"), ==, EVIDENT_STATUS_MET);
  g_assert_cmpint (status_of (fixture, "1.2"), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpint (status_of (fixture, "2.1"), ==, EVIDENT_STATUS_IN_PROGRESS);
  assert_undo_redo (fixture, TRUE, FALSE);
}

static void
notify_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_can_undo_notify (Fixture *fixture, gconstpointer data)
{
  guint undo_notified = 0;
  guint redo_notified = 0;

  g_signal_connect (fixture->project, "notify::can-undo", G_CALLBACK (notify_cb), &undo_notified);
  g_signal_connect (fixture->project, "notify::can-redo", G_CALLBACK (notify_cb), &redo_notified);

  /* Notified on a real change of the value only. */
  set_status (fixture, "1.1", EVIDENT_STATUS_MET); /* can-undo: no → yes */
  g_assert_cmpuint (undo_notified, ==, 1);
  g_assert_cmpuint (redo_notified, ==, 0);

  set_status (fixture, "1.2", EVIDENT_STATUS_MET); /* no change of either */
  g_assert_cmpuint (undo_notified, ==, 1);
  g_assert_cmpuint (redo_notified, ==, 0);

  undo (fixture); /* can-redo: no → yes */
  g_assert_cmpuint (undo_notified, ==, 1);
  g_assert_cmpuint (redo_notified, ==, 1);

  undo (fixture); /* can-undo: yes → no */
  g_assert_cmpuint (undo_notified, ==, 2);
  g_assert_cmpuint (redo_notified, ==, 1);

  redo (fixture); /* can-undo: no → yes */
  g_assert_cmpuint (undo_notified, ==, 3);
  g_assert_cmpuint (redo_notified, ==, 1);

  redo (fixture); /* can-redo: yes → no */
  g_assert_cmpuint (undo_notified, ==, 3);
  g_assert_cmpuint (redo_notified, ==, 2);

  undo (fixture);                                    /* can-redo: no → yes */
  set_status (fixture, "2.1", EVIDENT_STATUS_READY); /* can-redo: yes → no, stack dropped */
  g_assert_cmpuint (undo_notified, ==, 3);
  g_assert_cmpuint (redo_notified, ==, 4);
}

static void
test_undo_redo_persisted (Fixture *fixture, gconstpointer data)
{
  set_status (fixture, "1.1", EVIDENT_STATUS_MET);   /* A */
  set_status (fixture, "1.2", EVIDENT_STATUS_READY); /* B */
  undo (fixture);                                    /* B undone */

  close_fixture_project (fixture);
  open_fixture_project (fixture);

  g_assert_cmpint (status_of (fixture, "1.1"), ==, EVIDENT_STATUS_MET);
  g_assert_cmpint (status_of (fixture, "1.2"), ==, EVIDENT_STATUS_NOT_STARTED);
  assert_undo_redo (fixture, TRUE, TRUE);

  redo (fixture); /* B, undone before closing, redone after */
  g_assert_cmpint (status_of (fixture, "1.2"), ==, EVIDENT_STATUS_READY);
  assert_undo_redo (fixture, TRUE, FALSE);

  close_fixture_project (fixture);
  open_fixture_project (fixture);

  g_assert_cmpint (status_of (fixture, "1.2"), ==, EVIDENT_STATUS_READY);
  assert_undo_redo (fixture, TRUE, FALSE);
  undo (fixture);
  undo (fixture);
  g_assert_cmpint (status_of (fixture, "1.1"), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpint (status_of (fixture, "1.2"), ==, EVIDENT_STATUS_NOT_STARTED);

  close_fixture_project (fixture);
  open_fixture_project (fixture);

  g_assert_cmpint (status_of (fixture, "1.1"), ==, EVIDENT_STATUS_NOT_STARTED);
  assert_undo_redo (fixture, FALSE, TRUE);
  redo (fixture);
  g_assert_cmpint (status_of (fixture, "1.1"), ==, EVIDENT_STATUS_MET);
}

static void
test_changed_signal (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentChapter) chapter =
      g_list_model_get_item (evident_project_get_chapters (fixture->project), 1);

  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* 2.1 (820, chapter 2) met: 820 − 200 × 2 (1.1, 1.3) = 420 */
  set_status (fixture, "2.1", EVIDENT_STATUS_MET);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpfloat (fixture->score_when_changed, ==, 420);
  /* The chapters too: chapter 2 counts its 820 points. */
  g_assert_cmpint (evident_chapter_get_points_counted (chapter, EVIDENT_VIEW_CONFIRMED), ==, 820);

  undo (fixture);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  g_assert_cmpfloat (fixture->score_when_changed, ==, -400); /* 0 − 200 × 2 */
  g_assert_cmpint (evident_chapter_get_points_counted (chapter, EVIDENT_VIEW_CONFIRMED), ==, 0);

  redo (fixture);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
  g_assert_cmpfloat (fixture->score_when_changed, ==, 420);

  /* Neither an edit that changes nothing nor a refused one. */
  set_status (fixture, "2.1", EVIDENT_STATUS_MET);
  g_assert_false (evident_project_set_status (fixture->project, item (fixture, "1.1"),
                                              EVIDENT_STATUS_NOT_APPLICABLE, NULL, &error));
  g_clear_error (&error);
  g_assert_false (evident_project_redo (fixture->project, &error));
  g_clear_error (&error);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
}

static void
test_undo_redo_rows (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = NULL;

  set_status (fixture, "1.1", EVIDENT_STATUS_READY);
  undo (fixture);
  redo (fixture);

  /* Undo and redo are changes of their own, recorded as such. */
  rows = history (fixture, "1.1");
  g_assert_cmpuint (rows->len, ==, 3);
  assert_entry (entry_at (rows, 0), "redo", "1.1", EVIDENT_ITEM_FIELD_STATUS, "not-started",
                "ready");
  assert_entry (entry_at (rows, 1), "undo", "1.1", EVIDENT_ITEM_FIELD_STATUS, "ready",
                "not-started");
  assert_entry (entry_at (rows, 2), "edit", "1.1", EVIDENT_ITEM_FIELD_STATUS, "not-started",
                "ready");
  g_assert_cmpint (entry_at (rows, 0)->change, >, entry_at (rows, 1)->change);
  g_assert_cmpint (entry_at (rows, 1)->change, >, entry_at (rows, 2)->change);
}

static void
test_nothing_to_undo (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (evident_project_undo (fixture->project, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);
  g_assert_false (evident_project_redo (fixture->project, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  rows = history (fixture, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  assert_undo_redo (fixture, FALSE, FALSE);
}

/* Fields */

static void
test_owner (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  EvidentItem *it = item (fixture, "1.2");

  g_assert_true (evident_project_set_owner (fixture->project, it, "Alice", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (evident_item_get_owner (it), ==, "Alice");

  g_assert_true (evident_project_set_owner (fixture->project, it, "Bob", &error));
  g_assert_cmpstr (evident_item_get_owner (it), ==, "Bob");

  /* NULL and "" both clear it. */
  g_assert_true (evident_project_set_owner (fixture->project, it, NULL, &error));
  g_assert_null (evident_item_get_owner (it));
  g_assert_true (evident_project_set_owner (fixture->project, it, "Carol", &error));
  g_assert_true (evident_project_set_owner (fixture->project, it, "", &error));
  g_assert_no_error (error);
  g_assert_null (evident_item_get_owner (it));

  rows = history (fixture, "1.2");
  g_assert_cmpuint (rows->len, ==, 5);
  assert_entry (entry_at (rows, 0), "edit", "1.2", EVIDENT_ITEM_FIELD_OWNER, "Carol", "");
  assert_entry (entry_at (rows, 2), "edit", "1.2", EVIDENT_ITEM_FIELD_OWNER, "Bob", "");
  assert_entry (entry_at (rows, 3), "edit", "1.2", EVIDENT_ITEM_FIELD_OWNER, "Alice", "Bob");

  undo (fixture);
  g_assert_cmpstr (evident_item_get_owner (it), ==, "Carol");

  /* Kept across closing. */
  close_fixture_project (fixture);
  open_fixture_project (fixture);
  g_assert_cmpstr (evident_item_get_owner (item (fixture, "1.2")), ==, "Carol");
}

static void
test_due_date (Fixture *fixture, gconstpointer data)
{
  const char *refused[] = { "2026-02-30",  "2026-13-01", "2026-00-10", "26-11-2026",
                            "2026-11-26x", "next week",  "2027-02-29" };
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  EvidentItem *it = item (fixture, "2.1");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      EvidentItemChange change = { EVIDENT_ITEM_FIELD_DUE, refused[i] };

      g_assert_false (evident_project_update_item (fixture->project, it, &change, 1, &error));
      g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, refused[i]));
      g_clear_error (&error);
      g_assert_null (evident_item_get_due (it));
    }
  rows = history (fixture, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  {
    EvidentItemChange change = { EVIDENT_ITEM_FIELD_DUE, "2026-11-26" };

    g_assert_true (evident_project_update_item (fixture->project, it, &change, 1, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (evident_item_get_due (it), ==, "2026-11-26");
  }
  {
    /* A leap day, in a leap year. */
    EvidentItemChange change = { EVIDENT_ITEM_FIELD_DUE, "2028-02-29" };

    g_assert_true (evident_project_update_item (fixture->project, it, &change, 1, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (evident_item_get_due (it), ==, "2028-02-29");
  }
  {
    EvidentItemChange change = { EVIDENT_ITEM_FIELD_DUE, "" };

    g_assert_true (evident_project_update_item (fixture->project, it, &change, 1, &error));
    g_assert_no_error (error);
    g_assert_null (evident_item_get_due (it));
  }

  rows = history (fixture, NULL);
  g_assert_cmpuint (rows->len, ==, 3);
  assert_entry (entry_at (rows, 2), "edit", "2.1", EVIDENT_ITEM_FIELD_DUE, "", "2026-11-26");
  assert_entry (entry_at (rows, 0), "edit", "2.1", EVIDENT_ITEM_FIELD_DUE, "2028-02-29", "");
}

static void
test_closed_project_refuses_edits (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  EvidentItem *it = item (fixture, "1.1");

  evident_project_close (fixture->project);

  /* The objects stay readable, edits fail without changing them. */
  g_assert_false (
      evident_project_set_status (fixture->project, it, EVIDENT_STATUS_MET, NULL, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (evident_item_get_status (it), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_false (evident_project_undo (fixture->project, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}


/* Evidence edits: in the history and the undo stack like any other */

static EvidentEvidenceStore *
store (Fixture *fixture)
{
  return evident_evidence_store_get_for_project (fixture->project);
}

static EvidentEvidence *
add_runbook (Fixture *fixture, const char *ref)
{
  g_autofree char *path = g_build_filename (fixture->dir, "runbook.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  EvidentEvidence *evidence;

  fixture_write_file (path, "%PDF-1.4 a runbook", 18);
  evidence = evident_evidence_store_add_file (store (fixture), item (fixture, ref), file, NULL,
                                              EVIDENT_EVIDENCE_KIND_OTHER, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  return evidence;
}

static guint
n_listed (Fixture *fixture, const char *ref)
{
  g_autoptr (GListModel) list = evident_evidence_store_list (store (fixture),
                                                             ref ? item (fixture, ref) : NULL);

  return g_list_model_get_n_items (list);
}

static void
test_evidence_edits_recorded (Fixture *fixture, gconstpointer data)
{
  g_autoptr (EvidentEvidence) file = add_runbook (fixture, "1.1");
  g_autoptr (EvidentEvidence) link = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  link = evident_evidence_store_add_link (store (fixture), item (fixture, "2.1"),
                                          "https://wiki.example.com/dr", "DR plan",
                                          EVIDENT_EVIDENCE_KIND_PROCESS, &error);
  g_assert_no_error (error);
  g_assert_true (evident_evidence_store_rename (store (fixture), file, "Runbook v2", &error));
  g_assert_true (evident_evidence_store_set_kind (store (fixture), file,
                                                  EVIDENT_EVIDENCE_KIND_PROCESS, &error));
  g_assert_true (evident_evidence_store_remove (store (fixture), file, &error));
  g_assert_true (evident_evidence_store_restore (store (fixture), file, &error));
  g_assert_no_error (error);

  /* One change each, heard as a change of the project. */
  g_assert_cmpuint (fixture->n_changed, ==, 6);
  assert_undo_redo (fixture, TRUE, FALSE);

  rows = history (fixture, NULL);
  g_assert_cmpuint (rows->len, ==, 6);
  assert_entry (entry_at (rows, 5), "edit", "1.1", EVIDENT_ITEM_FIELD_EVIDENCE, "", "runbook.pdf");
  assert_entry (entry_at (rows, 4), "edit", "2.1", EVIDENT_ITEM_FIELD_EVIDENCE, "", "DR plan");
  assert_entry (entry_at (rows, 3), "edit", "1.1", EVIDENT_ITEM_FIELD_EVIDENCE_TITLE,
                "runbook.pdf", "Runbook v2");
  assert_entry (entry_at (rows, 2), "edit", "1.1", EVIDENT_ITEM_FIELD_EVIDENCE_KIND, "other",
                "process");
  assert_entry (entry_at (rows, 1), "edit", "1.1", EVIDENT_ITEM_FIELD_EVIDENCE, "Runbook v2", "");
  assert_entry (entry_at (rows, 0), "edit", "1.1", EVIDENT_ITEM_FIELD_EVIDENCE, "", "Runbook v2");
  g_assert_cmpint (entry_at (rows, 0)->evidence, ==, evident_evidence_get_id (file));
  g_assert_cmpint (entry_at (rows, 4)->evidence, ==, evident_evidence_get_id (link));
  g_assert_cmpstr (evident_item_field_to_string (EVIDENT_ITEM_FIELD_EVIDENCE_TITLE), ==,
                   "evidence-title");

  /* An item's history holds its evidence's. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = history (fixture, "2.1");
  g_assert_cmpuint (rows->len, ==, 1);
}

/* Undo and redo of evidence edits, and the lists following them. */
static void
test_evidence_undo_redo (Fixture *fixture, gconstpointer data)
{
  g_autoptr (EvidentEvidence) evidence = add_runbook (fixture, "1.2");
  g_autoptr (GListModel) list = evident_evidence_store_list (store (fixture), item (fixture, "1.2"));
  g_autoptr (GListModel) all = evident_evidence_store_list (store (fixture), NULL);
  g_autoptr (EvidentEvidence) listed = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* Undoing the addition takes the evidence off the lists; redoing it
   * brings back the same object. */
  undo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 0);
  redo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  listed = g_list_model_get_item (list, 0);
  g_assert_true (listed == evidence);

  /* A rename, undone. */
  g_assert_true (evident_evidence_store_rename (store (fixture), evidence, "Runbook", &error));
  g_assert_no_error (error);
  undo (fixture);
  g_assert_cmpstr (evident_evidence_get_title (evidence), ==, "runbook.pdf");
  redo (fixture);
  g_assert_cmpstr (evident_evidence_get_title (evidence), ==, "Runbook");

  /* A removal, undone, as Ctrl+Z does. */
  g_assert_true (evident_evidence_store_remove (store (fixture), evidence, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  undo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);

  rows = history (fixture, "1.2");
  assert_entry (entry_at (rows, 0), "undo", "1.2", EVIDENT_ITEM_FIELD_EVIDENCE, "", "Runbook");
}

static void
closed_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_project_close_finish (EVIDENT_PROJECT (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

/* Closes the project as the window does: with a clean-up in a worker. */
static void
close_async_and_reopen (Fixture *fixture)
{
  gboolean closed = FALSE;

  evident_project_close_async (fixture->project, NULL, closed_cb, &closed);
  while (!closed)
    g_main_context_iteration (NULL, TRUE);
  fixture_close_project (&fixture->project);
  open_fixture_project (fixture);
}

/* A removal survives closing the project: the clean-up on close keeps what
 * an undo may still bring back, and deletes what it never can. */
static void
test_evidence_undo_after_restart (Fixture *fixture, gconstpointer data)
{
  g_autoptr (EvidentEvidence) kept = add_runbook (fixture, "1.1");
  g_autoptr (EvidentEvidence) dropped = NULL;
  g_autoptr (EvidentEvidence) restored = NULL;
  g_autoptr (GListModel) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *sha256 = g_strdup (evident_evidence_get_sha256 (kept));

  /* A link added, its addition undone, then a new edit: nothing can bring
   * it back any more. */
  dropped = evident_evidence_store_add_link (store (fixture), item (fixture, "2.1"),
                                             "https://example.com/old", NULL,
                                             EVIDENT_EVIDENCE_KIND_OTHER, &error);
  g_assert_no_error (error);
  undo (fixture);
  g_assert_true (evident_evidence_store_remove (store (fixture), kept, &error));
  g_assert_no_error (error);
  g_clear_object (&kept);
  g_clear_object (&dropped);

  close_async_and_reopen (fixture);
  g_assert_cmpint (fixture_sqlite_int_on (fixture->path, "SELECT count (*) FROM evidence"), ==, 1);
  g_assert_cmpint (fixture_sqlite_int_on (fixture->path, "SELECT count (*) FROM blobs"), ==, 1);

  g_assert_cmpuint (n_listed (fixture, "1.1"), ==, 0);
  assert_undo_redo (fixture, TRUE, FALSE);
  undo (fixture);
  list = evident_evidence_store_list (store (fixture), item (fixture, "1.1"));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  restored = g_list_model_get_item (list, 0);
  g_assert_cmpstr (evident_evidence_get_title (restored), ==, "runbook.pdf");
  bytes = evident_evidence_store_load_bytes (store (fixture), sha256, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 18);
}

/* evident-cli cleanup deletes removed evidence for good: its edits stay in
 * the history, and leave the undo stack. */
static void
test_evidence_cleanup_final (Fixture *fixture, gconstpointer data)
{
  g_autoptr (EvidentEvidence) evidence = add_runbook (fixture, "1.1");
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  set_status (fixture, "1.2", EVIDENT_STATUS_READY);
  g_assert_true (evident_evidence_store_remove (store (fixture), evidence, &error));
  g_assert_true (evident_evidence_store_cleanup (store (fixture), NULL, &error));
  g_assert_no_error (error);

  /* Undo skips what can no longer be undone: the status is next. */
  assert_undo_redo (fixture, TRUE, FALSE);
  undo (fixture);
  g_assert_cmpint (status_of (fixture, "1.2"), ==, EVIDENT_STATUS_NOT_STARTED);
  assert_undo_redo (fixture, FALSE, TRUE);
  g_assert_false (evident_evidence_store_restore (store (fixture), evidence, &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID);

  rows = history (fixture, "1.1");
  g_assert_cmpuint (rows->len, ==, 2);
  assert_entry (entry_at (rows, 0), "edit", "1.1", EVIDENT_ITEM_FIELD_EVIDENCE, "runbook.pdf", "");
  g_assert_cmpint (entry_at (rows, 0)->evidence, ==, 0);
}

#define add_test(path, func)                                                                       \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/history/edit-records-history", test_edit_records_history);
  add_test ("/history/unchanged-value-no-row", test_unchanged_value_no_row);
  add_test ("/history/not-applicable-needs-reason", test_not_applicable_needs_reason);
  add_test ("/history/update-item-atomic", test_update_item_atomic);
  add_test ("/history/undo-redo/sequence", test_undo_redo_sequence);
  add_test ("/history/undo-redo/new-edit-drops-redo", test_new_edit_drops_redo);
  add_test ("/history/undo-redo/can-undo-notify", test_can_undo_notify);
  add_test ("/history/undo-redo/persisted", test_undo_redo_persisted);
  add_test ("/history/undo-redo/rows", test_undo_redo_rows);
  add_test ("/history/undo-redo/nothing-to-undo", test_nothing_to_undo);
  add_test ("/history/changed-signal", test_changed_signal);
  add_test ("/history/owner", test_owner);
  add_test ("/history/due-date", test_due_date);
  add_test ("/history/closed-project-refuses-edits", test_closed_project_refuses_edits);
  add_test ("/history/evidence/edits-recorded", test_evidence_edits_recorded);
  add_test ("/history/evidence/undo-redo", test_evidence_undo_redo);
  add_test ("/history/evidence/undo-after-restart", test_evidence_undo_after_restart);
  add_test ("/history/evidence/cleanup-final", test_evidence_cleanup_final);

  return g_test_run ();
}
