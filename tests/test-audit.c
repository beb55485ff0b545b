/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The audit: exemptions of whole chapters and sections, sessions with
 * their verdicts and findings, the score under verdicts and the history
 * of the sessions. Every decision is one edit and one step of undo, kept
 * in the file across restarts. */

#include "config.h"

#include <glib/gstdio.h>

#include "evident-audit.h"
#include "evident-chapter.h"
#include "evident-enums-util.h"
#include "evident-evidence-store.h"
#include "evident-item.h"
#include "evident-project-private.h"
#include "test-fixtures.h"

/* 1000 points: chapter 1.0 (150), 2.0 DevOps (450, two sections), 3.0 (400). */
static const char checklist[] =
    "ref,chapter,chapter_title,section,section_title,title,points,mandatory\n"
    "1.1.1,1.0,Basics,1.1,Start,Alpha,100,yes\n"
    "1.1.2,1.0,Basics,1.1,Start,Beta,50,no\n"
    "2.1.1,2.0,DevOps,2.1,Pipelines,Gamma,200,yes\n"
    "2.1.2,2.0,DevOps,2.1,Pipelines,Delta,100,no\n"
    "2.2.1,2.0,DevOps,2.2,Releases,Epsilon,150,no\n"
    "3.1.1,3.0,Security,3.1,Keys,Zeta,400,yes\n";

typedef struct
{
  char           *dir;
  char           *path;
  EvidentProject *project;
  EvidentAudit   *audit;
  guint           n_changed;
} Fixture;

static void
changed_cb (EvidentProject *project,
            Fixture        *fixture)
{
  fixture->n_changed++;
}

static void
open_project (Fixture *fixture)
{
  fixture->project = fixture_open_project (fixture->path, EVIDENT_PROJECT_OPEN_DEFAULT);
  fixture->audit = evident_audit_get_for_project (fixture->project);
  g_signal_connect (fixture->project, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
reopen (Fixture *fixture)
{
  fixture->audit = NULL;
  fixture_close_project (&fixture->project);
  open_project (fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GPtrArray) entries = fixture_parse_checklist (checklist);
  g_autoptr (EvidentProject) project = NULL;

  fixture->dir = fixture_tmp_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "audit.evident", NULL);
  project = fixture_create_project (fixture->path, entries);
  fixture_close_project (&project);
  open_project (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->project != NULL)
    fixture_close_project (&fixture->project);
  g_free (fixture->path);
  fixture_tmp_dir_clear (&fixture->dir);
}

static EvidentItem *
item (Fixture    *fixture,
      const char *ref)
{
  return fixture_lookup (fixture->project, ref);
}

static const char *
status_of (Fixture    *fixture,
           const char *ref)
{
  return evident_status_to_string (evident_item_get_status (item (fixture, ref)));
}

static const char *
reason_of (Fixture    *fixture,
           const char *ref)
{
  const char *reason = evident_item_get_reason (item (fixture, ref));

  return reason != NULL ? reason : "";
}

static void
set_status (Fixture       *fixture,
            const char    *ref,
            EvidentStatus  status,
            const char    *reason)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_project_set_status (fixture->project, item (fixture, ref), status,
                                             reason, &error));
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

static double
confirmed (Fixture *fixture)
{
  return evident_project_get_score (fixture->project)->views[EVIDENT_VIEW_CONFIRMED].score;
}

static EvidentChapter *
chapter (Fixture    *fixture,
         const char *number)
{
  GListModel *chapters = evident_project_get_chapters (fixture->project);

  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr (EvidentChapter) found = g_list_model_get_item (chapters, i);

      if (g_str_equal (evident_chapter_get_number (found), number))
        return found;
    }
  g_assert_not_reached ();
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return fixture_sqlite_int_on (fixture->path, sql);
}

static EvidentExemption *
exempt (Fixture    *fixture,
        const char *number,
        const char *reason)
{
  g_autoptr (GError) error = NULL;
  EvidentExemption *exemption = evident_audit_exempt (fixture->audit, number, reason, NULL,
                                                      &error);

  g_assert_no_error (error);
  g_assert_nonnull (exemption);
  return exemption;
}

static GPtrArray *
lift (Fixture    *fixture,
      const char *number)
{
  EvidentExemption *exemption = evident_audit_lookup_exemption (fixture->audit, number);
  g_autoptr (GError) error = NULL;
  GPtrArray *kept = NULL;

  g_assert_nonnull (exemption);
  g_assert_true (evident_audit_lift_exemption (fixture->audit, exemption, &kept, &error));
  g_assert_no_error (error);
  return kept;
}

/* Exemptions */

#define DEVOPS "DevOps competency held, certificate attached"

/* Items in several states before, all not applicable with the reason
 * after, in one change with a history row per field set; lifting gives
 * each its status and reason back. */
static void
test_exempt_apply_lift (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GPtrArray) kept = NULL;
  EvidentChapter *devops = chapter (fixture, "2.0");
  gint64 changes_before;
  EvidentExemption *exemption;
  guint n_changed;

  set_status (fixture, "2.1.1", EVIDENT_STATUS_MET, NULL);
  set_status (fixture, "2.1.2", EVIDENT_STATUS_NOT_APPLICABLE, "Not offered");
  set_status (fixture, "2.2.1", EVIDENT_STATUS_IN_PROGRESS, NULL);
  /* 200 met − 200 × 2 mandatory open (1.1.1, 3.1.1) + 100 n/a */
  g_assert_cmpfloat (confirmed (fixture), ==, -100);
  g_assert_false (evident_chapter_get_exemption (devops) != NULL);

  changes_before = count (fixture, "SELECT count (*) FROM changes");
  n_changed = fixture->n_changed;
  exemption = exempt (fixture, "2.0", "  " DEVOPS " ");

  for (guint i = 0; i < 3; i++)
    {
      const char *ref = (const char *[]) { "2.1.1", "2.1.2", "2.2.1" }[i];

      g_assert_cmpstr (status_of (fixture, ref), ==, "not-applicable");
      g_assert_cmpstr (reason_of (fixture, ref), ==, DEVOPS);
    }
  g_assert_cmpstr (status_of (fixture, "1.1.1"), ==, "not-started");
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM changes"), ==, changes_before + 1);
  /* 2.1.1 status and reason, 2.1.2 reason, 2.2.1 status and reason. */
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM history"
                                   " WHERE change_id = (SELECT max (id) FROM changes)"),
                   ==, 5);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 1);

  /* The score counts them: 450 − 200 × 2 mandatory open. */
  g_assert_cmpfloat (confirmed (fixture), ==, 50);
  g_assert_true (evident_chapter_get_exemption (devops) != NULL);
  g_assert_true (evident_chapter_get_exemption (devops) == exemption);
  g_assert_cmpstr (evident_chapter_get_exemption_reason (devops), ==, DEVOPS);
  g_assert_cmpstr (evident_exemption_get_number (exemption), ==, "2.0");
  g_assert_null (evident_exemption_get_section (exemption));
  g_assert_cmpstr (evident_exemption_get_title (exemption), ==, "DevOps");
  g_assert_cmpuint (evident_exemption_get_n_items (exemption), ==, 3);
  g_assert_true (evident_audit_get_item_exemption (fixture->audit, item (fixture, "2.2.1"))
                 == exemption);
  g_assert_null (evident_audit_get_item_exemption (fixture->audit, item (fixture, "1.1.1")));
  g_assert_cmpuint (g_list_model_get_n_items (evident_audit_get_exemptions (fixture->audit)),
                    ==, 1);

  kept = lift (fixture, "2.0");
  g_assert_cmpuint (kept->len, ==, 0);
  g_assert_cmpstr (status_of (fixture, "2.1.1"), ==, "met");
  g_assert_cmpstr (reason_of (fixture, "2.1.1"), ==, "");
  g_assert_cmpstr (status_of (fixture, "2.1.2"), ==, "not-applicable");
  g_assert_cmpstr (reason_of (fixture, "2.1.2"), ==, "Not offered");
  g_assert_cmpstr (status_of (fixture, "2.2.1"), ==, "in-progress");
  g_assert_cmpfloat (confirmed (fixture), ==, -100);
  g_assert_false (evident_chapter_get_exemption (devops) != NULL);
  g_assert_null (evident_audit_lookup_exemption (fixture->audit, "2.0"));
  g_assert_cmpuint (g_list_model_get_n_items (evident_audit_get_exemptions (fixture->audit)),
                    ==, 0);
}

/* Undo of "exempt" restores the items, redo applies it again; the lift
 * is one step of its own. */
static void
test_exempt_undo_redo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GPtrArray) kept = NULL;
  EvidentChapter *devops = chapter (fixture, "2.0");

  set_status (fixture, "2.1.1", EVIDENT_STATUS_READY, NULL);
  exempt (fixture, "2.0", DEVOPS);

  undo (fixture);
  g_assert_cmpstr (status_of (fixture, "2.1.1"), ==, "ready");
  g_assert_cmpstr (status_of (fixture, "2.2.1"), ==, "not-started");
  g_assert_false (evident_chapter_get_exemption (devops) != NULL);
  g_assert_null (evident_audit_lookup_exemption (fixture->audit, "2.0"));

  redo (fixture);
  g_assert_cmpstr (status_of (fixture, "2.1.1"), ==, "not-applicable");
  g_assert_true (evident_chapter_get_exemption (devops) != NULL);

  kept = lift (fixture, "2.0");
  g_assert_cmpstr (status_of (fixture, "2.1.1"), ==, "ready");
  undo (fixture);
  g_assert_cmpstr (status_of (fixture, "2.1.1"), ==, "not-applicable");
  g_assert_cmpstr (reason_of (fixture, "2.1.1"), ==, DEVOPS);
  g_assert_true (evident_chapter_get_exemption (devops) != NULL);
  redo (fixture);
  g_assert_cmpstr (status_of (fixture, "2.1.1"), ==, "ready");
  g_assert_false (evident_chapter_get_exemption (devops) != NULL);

  /* Undone twice more: the lift, then the exemption; the ready item was
   * the edit before. */
  undo (fixture);
  undo (fixture);
  g_assert_cmpstr (status_of (fixture, "2.1.1"), ==, "ready");
  g_assert_false (evident_chapter_get_exemption (devops) != NULL);
  undo (fixture);
  g_assert_cmpstr (status_of (fixture, "2.1.1"), ==, "not-started");
}

/* The exemption and what it recorded are in the file: after a restart
 * the chapter is exempt, lifting restores, and undo still works. */
static void
test_exempt_restart (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GPtrArray) kept = NULL;

  set_status (fixture, "2.1.2", EVIDENT_STATUS_MET, NULL);
  exempt (fixture, "2.0", DEVOPS);
  reopen (fixture);

  g_assert_true (evident_chapter_get_exemption (chapter (fixture, "2.0")) != NULL);
  g_assert_cmpstr (evident_chapter_get_exemption_reason (chapter (fixture, "2.0")), ==, DEVOPS);
  kept = lift (fixture, "2.0");
  g_assert_cmpstr (status_of (fixture, "2.1.2"), ==, "met");
  reopen (fixture);
  g_assert_cmpstr (status_of (fixture, "2.1.2"), ==, "met");
  g_assert_false (evident_chapter_get_exemption (chapter (fixture, "2.0")) != NULL);
  undo (fixture);
  g_assert_cmpstr (status_of (fixture, "2.1.2"), ==, "not-applicable");
  g_assert_true (evident_chapter_get_exemption (chapter (fixture, "2.0")) != NULL);
}

/* Edits elsewhere (and of other fields of exempt items) between exempting
 * and lifting change nothing of what lifting restores. */
static void
test_exempt_unrelated_edits (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (GPtrArray) kept = NULL;
  g_autoptr (GError) error = NULL;

  set_status (fixture, "2.2.1", EVIDENT_STATUS_READY, NULL);
  exempt (fixture, "2.0", DEVOPS);
  set_status (fixture, "1.1.1", EVIDENT_STATUS_MET, NULL);
  g_assert_true (evident_project_set_note (fixture->project, item (fixture, "2.2.1"),
                                           "Certificate in the DevOps folder", &error));
  g_assert_true (evident_project_set_owner (fixture->project, item (fixture, "2.1.1"), "Dana",
                                            &error));
  g_assert_no_error (error);
  reopen (fixture);

  kept = lift (fixture, "2.0");
  g_assert_cmpuint (kept->len, ==, 0);
  g_assert_cmpstr (status_of (fixture, "2.2.1"), ==, "ready");
  g_assert_cmpstr (status_of (fixture, "2.1.1"), ==, "not-started");
  g_assert_cmpstr (status_of (fixture, "1.1.1"), ==, "met");
  g_assert_cmpstr (evident_item_get_note (item (fixture, "2.2.1")), ==,
                   "Certificate in the DevOps folder");
  g_assert_cmpstr (evident_item_get_owner (item (fixture, "2.1.1")), ==, "Dana");
}

/* An item whose status or reason was edited while exempt keeps what it
 * was edited to when the exemption is lifted; the others are restored. */
static void
test_exempt_edited_while_exempt (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr (GPtrArray) kept = NULL;

  exempt (fixture, "2.0", DEVOPS);
  set_status (fixture, "2.1.1", EVIDENT_STATUS_MET, NULL);
  set_status (fixture, "2.2.1", EVIDENT_STATUS_NOT_APPLICABLE, "Releases are the customer’s");
  g_assert_true (evident_chapter_get_exemption (chapter (fixture, "2.0")) != NULL);

  kept = lift (fixture, "2.0");
  g_assert_cmpuint (kept->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (kept, 0), ==, "2.1.1");
  g_assert_cmpstr (g_ptr_array_index (kept, 1), ==, "2.2.1");
  g_assert_cmpstr (status_of (fixture, "2.1.1"), ==, "met");
  g_assert_cmpstr (reason_of (fixture, "2.2.1"), ==, "Releases are the customer’s");
  g_assert_cmpstr (status_of (fixture, "2.1.2"), ==, "not-started");
  g_assert_cmpstr (reason_of (fixture, "2.1.2"), ==, "");

  /* Undoing the lift puts back only what it restored. */
  undo (fixture);
  g_assert_cmpstr (status_of (fixture, "2.1.2"), ==, "not-applicable");
  g_assert_cmpstr (status_of (fixture, "2.1.1"), ==, "met");
}

/* A section alone; overlapping exemptions are refused. */
static void
test_exempt_section (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) kept = NULL;
  EvidentExemption *exemption = exempt (fixture, "2.2", "Releases run by the customer");

  g_assert_cmpstr (evident_exemption_get_chapter (exemption), ==, "2.0");
  g_assert_cmpstr (evident_exemption_get_section (exemption), ==, "2.2");
  g_assert_cmpstr (evident_exemption_get_title (exemption), ==, "Releases");
  g_assert_cmpstr (status_of (fixture, "2.2.1"), ==, "not-applicable");
  g_assert_cmpstr (status_of (fixture, "2.1.1"), ==, "not-started");
  g_assert_false (evident_chapter_get_exemption (chapter (fixture, "2.0")) != NULL);
  g_assert_true (evident_audit_lookup_exemption (fixture->audit, "2.2") == exemption);

  g_assert_null (evident_audit_exempt (fixture->audit, "2.0", DEVOPS, NULL, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_EXEMPT);
  fixture_assert_contains (error, "2.2");
  g_clear_error (&error);
  g_assert_null (evident_audit_exempt (fixture->audit, "2.2", DEVOPS, NULL, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_EXEMPT);
  g_clear_error (&error);

  kept = lift (fixture, "2.2");
  exempt (fixture, "2.0", DEVOPS);
  g_assert_null (evident_audit_exempt (fixture->audit, "2.1", DEVOPS, NULL, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_EXEMPT);
  fixture_assert_contains (error, "2.0");
}

static void
test_exempt_refusals (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) read_only = NULL;
  EvidentAudit *audit;
  gint64 changes = count (fixture, "SELECT count (*) FROM changes");

  g_assert_null (evident_audit_exempt (fixture->audit, "2.0", "   ", NULL, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (evident_audit_exempt (fixture->audit, "7.0", DEVOPS, NULL, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND);
  fixture_assert_contains (error, "7.0");
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM changes"), ==, changes);

  fixture_close_project (&fixture->project);
  read_only = fixture_open_project (fixture->path, EVIDENT_PROJECT_OPEN_READ_ONLY);
  audit = evident_audit_get_for_project (read_only);
  g_assert_null (evident_audit_exempt (audit, "2.0", DEVOPS, NULL, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_READ_ONLY);
  g_assert_cmpint (evident_item_get_status (fixture_lookup (read_only, "2.1.1")), ==,
                   EVIDENT_STATUS_NOT_STARTED);
  g_assert_null (evident_audit_lookup_exemption (audit, "2.0"));
  fixture_close_project (&read_only);
}

/* Evidence for the exemption: a certificate attached to an item. */
static void
test_exempt_evidence (Fixture       *fixture,
                      gconstpointer  data)
{
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (fixture->project);
  g_autoptr (EvidentEvidence) certificate = NULL;
  g_autoptr (GError) error = NULL;
  EvidentExemption *exemption;

  certificate = evident_evidence_store_add_link (store, item (fixture, "2.1.1"),
                                                 "https://example.com/devops-certificate",
                                                 "DevOps competency", EVIDENT_EVIDENCE_KIND_ASSET,
                                                 &error);
  g_assert_no_error (error);
  exemption = evident_audit_exempt (fixture->audit, "2.0", DEVOPS, certificate, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evident_exemption_get_evidence_id (exemption), ==,
                   evident_evidence_get_id (certificate));
  undo (fixture);

  g_assert_true (evident_evidence_store_remove (store, certificate, &error));
  g_assert_null (evident_audit_exempt (fixture->audit, "2.0", DEVOPS, certificate, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID);
  g_assert_cmpstr (status_of (fixture, "2.1.1"), ==, "not-started");
}

/* Sessions */

static EvidentSession *
new_session (Fixture            *fixture,
             EvidentSessionKind  kind,
             const char * const *chapters)
{
  const char *participants[] = { "Avery Auditor", NULL };
  g_autoptr (GError) error = NULL;
  EvidentSessionSettings settings;
  EvidentSession *session;

  evident_session_settings_init (&settings);
  settings.kind = kind;
  settings.date = "2026-03-02";
  settings.chapters = chapters;
  settings.participants = participants;
  session = evident_audit_new_session (fixture->audit, &settings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  return session;
}

static void
verdict (EvidentSession      *session,
         Fixture             *fixture,
         const char          *ref,
         EvidentVerdict       verdict,
         const char          *finding,
         EvidentVerdictFlags  flags)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_session_record_verdict (session, item (fixture, ref), verdict, finding,
                                                 flags, &error));
  g_assert_no_error (error);
}

static void
test_session_new (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *scope[] = { "2.0", " 3.0 ", NULL };
  g_autoptr (GError) error = NULL;
  EvidentSessionSettings settings;
  EvidentSession *audit_day = new_session (fixture, EVIDENT_SESSION_AUDIT, scope);
  EvidentSession *dry_run;

  g_assert_cmpint (evident_session_get_kind (audit_day), ==, EVIDENT_SESSION_AUDIT);
  g_assert_cmpstr (evident_session_get_date (audit_day), ==, "2026-03-02");
  g_assert_cmpuint (evident_session_get_days (audit_day), ==, 2);
  g_assert_cmpint (evident_session_get_day_start (audit_day), ==, 9 * 60);
  g_assert_cmpuint (evident_session_get_day_minutes (audit_day), ==, 8 * 60);
  g_assert_cmpint (evident_session_get_state (audit_day), ==, EVIDENT_SESSION_PLANNED);
  g_assert_cmpstrv (evident_session_get_chapters (audit_day),
                    ((const char *[]) { "2.0", "3.0", NULL }));
  g_assert_cmpstrv (evident_session_get_participants (audit_day),
                    ((const char *[]) { "Avery Auditor", NULL }));
  g_assert_cmpuint (evident_session_get_n_items (audit_day), ==, 4);
  g_assert_cmpuint (evident_session_count_verdicts (audit_day, EVIDENT_VERDICT_NONE), ==, 4);
  g_assert_false (evident_session_covers (audit_day, item (fixture, "1.1.1")));

  dry_run = new_session (fixture, EVIDENT_SESSION_DRY_RUN, NULL);
  g_assert_true (evident_session_get_everything (dry_run));
  g_assert_cmpuint (evident_session_get_days (dry_run), ==, 1);
  g_assert_cmpuint (evident_session_get_n_items (dry_run), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (evident_audit_get_sessions (fixture->audit)), ==,
                    2);

  /* A new session is a step of undo. */
  undo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (evident_audit_get_sessions (fixture->audit)), ==,
                    1);
  redo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (evident_audit_get_sessions (fixture->audit)), ==,
                    2);

  evident_session_settings_init (&settings);
  settings.date = "2026-02-30";
  g_assert_null (evident_audit_new_session (fixture->audit, &settings, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID);
  fixture_assert_contains (error, "2026-02-30");
  g_clear_error (&error);
  settings.date = NULL;
  settings.chapters = (const char *[]) { "9.0", NULL };
  g_assert_null (evident_audit_new_session (fixture->audit, &settings, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND);
  fixture_assert_contains (error, "9.0");
}

/* A verdict alone is one step of undo and leaves the status; with the
 * status it is still one step, for both. */
static void
test_session_verdicts (Fixture       *fixture,
                       gconstpointer  data)
{
  EvidentSession *session = new_session (fixture, EVIDENT_SESSION_DRY_RUN, NULL);
  g_autoptr (GError) error = NULL;
  gint64 changes;

  set_status (fixture, "1.1.1", EVIDENT_STATUS_READY, NULL);
  changes = count (fixture, "SELECT count (*) FROM changes");
  verdict (session, fixture, "1.1.1", EVIDENT_VERDICT_PASSED, NULL, EVIDENT_VERDICT_FLAGS_NONE);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM changes"), ==, changes + 1);
  g_assert_cmpstr (status_of (fixture, "1.1.1"), ==, "ready");
  g_assert_cmpint (evident_session_get_verdict (session, item (fixture, "1.1.1")), ==,
                   EVIDENT_VERDICT_PASSED);
  g_assert_cmpuint (evident_session_count_verdicts (session, EVIDENT_VERDICT_PASSED), ==, 1);
  g_assert_cmpuint (evident_session_count_verdicts (session, EVIDENT_VERDICT_NONE), ==, 5);
  /* The first verdict opened the session. */
  g_assert_cmpint (evident_session_get_state (session), ==, EVIDENT_SESSION_OPEN);

  undo (fixture);
  g_assert_cmpint (evident_session_get_verdict (session, item (fixture, "1.1.1")), ==,
                   EVIDENT_VERDICT_NONE);
  g_assert_cmpint (evident_session_get_state (session), ==, EVIDENT_SESSION_PLANNED);
  g_assert_cmpstr (status_of (fixture, "1.1.1"), ==, "ready");

  verdict (session, fixture, "1.1.1", EVIDENT_VERDICT_PASSED, NULL, EVIDENT_VERDICT_SET_STATUS);
  g_assert_cmpstr (status_of (fixture, "1.1.1"), ==, "met");
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM history"
                                   " WHERE change_id = (SELECT max (id) FROM changes)"),
                   ==, 1);
  undo (fixture);
  g_assert_cmpstr (status_of (fixture, "1.1.1"), ==, "ready");
  g_assert_cmpint (evident_session_get_verdict (session, item (fixture, "1.1.1")), ==,
                   EVIDENT_VERDICT_NONE);
  redo (fixture);
  g_assert_cmpstr (status_of (fixture, "1.1.1"), ==, "met");
  g_assert_cmpint (evident_session_get_verdict (session, item (fixture, "1.1.1")), ==,
                   EVIDENT_VERDICT_PASSED);

  /* A failed verdict may leave the status, set not met, or another. */
  verdict (session, fixture, "2.1.1", EVIDENT_VERDICT_FAILED, NULL, EVIDENT_VERDICT_SET_STATUS);
  g_assert_cmpstr (status_of (fixture, "2.1.1"), ==, "not-met");
  g_assert_true (evident_session_record_verdict_with_status (
      session, item (fixture, "2.1.2"), EVIDENT_VERDICT_FAILED, NULL,
      EVIDENT_STATUS_IN_PROGRESS, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_of (fixture, "2.1.2"), ==, "in-progress");

  /* A later verdict replaces the earlier one. */
  verdict (session, fixture, "2.1.1", EVIDENT_VERDICT_OBSERVATION, NULL,
           EVIDENT_VERDICT_FLAGS_NONE);
  g_assert_cmpint (evident_session_get_verdict (session, item (fixture, "2.1.1")), ==,
                   EVIDENT_VERDICT_OBSERVATION);
  g_assert_cmpuint (evident_session_count_verdicts (session, EVIDENT_VERDICT_FAILED), ==, 1);

  reopen (fixture);
  session = evident_audit_lookup_session (fixture->audit, 1);
  g_assert_nonnull (session);
  g_assert_cmpint (evident_session_get_verdict (session, item (fixture, "2.1.1")), ==,
                   EVIDENT_VERDICT_OBSERVATION);
  g_assert_cmpint (evident_session_get_verdict (session, item (fixture, "1.1.1")), ==,
                   EVIDENT_VERDICT_PASSED);
  undo (fixture);
  g_assert_cmpint (evident_session_get_verdict (session, item (fixture, "2.1.1")), ==,
                   EVIDENT_VERDICT_FAILED);
}

static void
test_session_refusals (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (EvidentSession) session = g_object_ref (
      new_session (fixture, EVIDENT_SESSION_PRE_AUDIT, (const char *[]) { "2.0", NULL }));
  g_autoptr (GError) error = NULL;
  gint64 changes = count (fixture, "SELECT count (*) FROM changes");

  g_assert_false (evident_session_record_verdict (session, item (fixture, "1.1.1"),
                                                  EVIDENT_VERDICT_PASSED, NULL,
                                                  EVIDENT_VERDICT_FLAGS_NONE, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_OUT_OF_SCOPE);
  fixture_assert_contains (error, "1.1.1");
  g_clear_error (&error);
  g_assert_false (evident_session_record_verdict (session, item (fixture, "2.1.1"),
                                                  EVIDENT_VERDICT_OBSERVATION, NULL,
                                                  EVIDENT_VERDICT_SET_STATUS, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (evident_session_record_verdict_with_status (
      session, item (fixture, "2.1.1"), EVIDENT_VERDICT_PASSED, NULL,
      EVIDENT_STATUS_NOT_APPLICABLE, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM changes"), ==, changes);

  g_assert_true (evident_session_set_state (session, EVIDENT_SESSION_CLOSED, &error));
  g_assert_false (evident_session_record_verdict (session, item (fixture, "2.1.1"),
                                                  EVIDENT_VERDICT_PASSED, NULL,
                                                  EVIDENT_VERDICT_FLAGS_NONE, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_true (evident_session_set_state (session, EVIDENT_SESSION_OPEN, &error));
  verdict (session, fixture, "2.1.1", EVIDENT_VERDICT_PASSED, NULL, EVIDENT_VERDICT_FLAGS_NONE);

  /* Undone to before the session: it is gone, and says so. */
  undo (fixture);
  undo (fixture);
  undo (fixture);
  undo (fixture);
  g_assert_null (evident_audit_lookup_session (fixture->audit, 1));
  g_assert_false (evident_session_record_verdict (session, item (fixture, "2.1.1"),
                                                  EVIDENT_VERDICT_PASSED, NULL,
                                                  EVIDENT_VERDICT_FLAGS_NONE, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND);
}

/* The score under verdicts: passed counts as met, failed as not met, in
 * the same three views; the project's own score waits for statuses. */
static void
test_session_score (Fixture       *fixture,
                    gconstpointer  data)
{
  EvidentSession *session = new_session (fixture, EVIDENT_SESSION_AUDIT, NULL);
  const EvidentScore *score;

  set_status (fixture, "1.1.1", EVIDENT_STATUS_MET, NULL);
  set_status (fixture, "2.1.1", EVIDENT_STATUS_READY, NULL);
  set_status (fixture, "3.1.1", EVIDENT_STATUS_READY, NULL);
  /* Confirmed: 100 − 200 × 2 (2.1.1, 3.1.1); projected: 700. */
  score = evident_session_get_score (session);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_CONFIRMED].score, ==, -300);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_PROJECTED].score, ==, 700);

  verdict (session, fixture, "2.1.1", EVIDENT_VERDICT_PASSED, NULL, EVIDENT_VERDICT_FLAGS_NONE);
  score = evident_session_get_score (session);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_CONFIRMED].score, ==, 100);
  g_assert_cmpfloat (confirmed (fixture), ==, -300);

  verdict (session, fixture, "1.1.1", EVIDENT_VERDICT_FAILED, "Overview out of date",
           EVIDENT_VERDICT_FLAGS_NONE);
  score = evident_session_get_score (session);
  /* 200 − 200 × 2 (1.1.1, 3.1.1); projected 200 + 400 − 200 (1.1.1). */
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_CONFIRMED].score, ==, -200);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_PROJECTED].score, ==, 400);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_BEST].score, ==, 700);
  g_assert_false (score->views[EVIDENT_VIEW_BEST].pass);

  /* An observation or "not reached" reads the item's own status. */
  verdict (session, fixture, "3.1.1", EVIDENT_VERDICT_OBSERVATION, NULL,
           EVIDENT_VERDICT_FLAGS_NONE);
  g_assert_cmpint (evident_session_read_status (session, item (fixture, "3.1.1")), ==,
                   EVIDENT_STATUS_READY);
  g_assert_cmpfloat (evident_session_get_score (session)->views[EVIDENT_VIEW_CONFIRMED].score,
                     ==, -200);

  /* It follows edits of the items too. */
  set_status (fixture, "3.1.1", EVIDENT_STATUS_MET, NULL);
  g_assert_cmpfloat (evident_session_get_score (session)->views[EVIDENT_VIEW_CONFIRMED].score,
                     ==, 400);
  /* And undo of a verdict. */
  undo (fixture);
  undo (fixture);
  undo (fixture);
  g_assert_cmpint (evident_session_get_verdict (session, item (fixture, "1.1.1")), ==,
                   EVIDENT_VERDICT_NONE);
  g_assert_cmpfloat (evident_session_get_score (session)->views[EVIDENT_VIEW_CONFIRMED].score,
                     ==, 100);
}

/* Findings */

static void
test_findings (Fixture       *fixture,
               gconstpointer  data)
{
  EvidentSession *session = new_session (fixture, EVIDENT_SESSION_AUDIT, NULL);
  GListModel *open = evident_audit_get_open_findings (fixture->audit);
  g_autoptr (GPtrArray) of_item = NULL;
  g_autoptr (GError) error = NULL;
  EvidentFinding *finding, *closing;
  gint64 fix;

  verdict (session, fixture, "2.1.1", EVIDENT_VERDICT_FAILED, "No rollback plan",
           EVIDENT_VERDICT_SET_STATUS);
  g_assert_cmpuint (evident_audit_get_n_open_findings (fixture->audit), ==, 1);
  finding = g_list_model_get_item (open, 0);
  g_object_unref (finding);
  g_assert_cmpstr (evident_finding_get_text (finding), ==, "No rollback plan");
  g_assert_true (evident_finding_get_item (finding) == item (fixture, "2.1.1"));
  g_assert_true (evident_finding_get_session (finding) == session);
  g_assert_cmpint (evident_finding_get_verdict (finding), ==, EVIDENT_VERDICT_FAILED);
  g_assert_cmpint (evident_finding_get_state (finding), ==, EVIDENT_FINDING_OPEN);

  /* The auditor's closing finding, on the session as a whole. */
  closing = evident_session_add_finding (session, NULL, "Keep the runbooks in one place",
                                         &error);
  g_assert_no_error (error);
  g_assert_null (evident_finding_get_item (closing));
  g_assert_cmpuint (evident_audit_get_n_open_findings (fixture->audit), ==, 2);
  g_assert_null (evident_session_add_finding (session, NULL, "  ", &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID);
  g_clear_error (&error);

  /* The fix, then the finding addressed by it. */
  set_status (fixture, "2.1.1", EVIDENT_STATUS_MET, NULL);
  fix = evident_audit_find_last_change (fixture->audit, item (fixture, "2.1.1"), &error);
  g_assert_no_error (error);
  g_assert_true (evident_finding_address (finding, fix, "Rollback plan added", &error));
  g_assert_no_error (error);
  g_assert_cmpint (evident_finding_get_state (finding), ==, EVIDENT_FINDING_ADDRESSED);
  g_assert_cmpint (evident_finding_get_fixed_by (finding), ==, fix);
  g_assert_cmpstr (evident_finding_get_fix_summary (finding), ==, "2.1.1 status → met");
  g_assert_cmpstr (evident_finding_get_note (finding), ==, "Rollback plan added");
  g_assert_nonnull (evident_finding_get_addressed (finding));
  g_assert_cmpuint (evident_audit_get_n_open_findings (fixture->audit), ==, 1);
  {
    g_autoptr (EvidentFinding) first_open = g_list_model_get_item (open, 0);

    g_assert_true (first_open == closing);
  }

  of_item = evident_audit_list_findings (fixture->audit, NULL, item (fixture, "2.1.1"), FALSE);
  g_assert_cmpuint (of_item->len, ==, 1);
  g_clear_pointer (&of_item, g_ptr_array_unref);
  of_item = evident_audit_list_findings (fixture->audit, session, NULL, TRUE);
  g_assert_cmpuint (of_item->len, ==, 1);

  /* Addressing is a step of undo; so is reopening. */
  undo (fixture);
  g_assert_cmpint (evident_finding_get_state (finding), ==, EVIDENT_FINDING_OPEN);
  g_assert_null (evident_finding_get_fix_summary (finding));
  redo (fixture);
  g_assert_cmpint (evident_finding_get_state (finding), ==, EVIDENT_FINDING_ADDRESSED);
  g_assert_true (evident_finding_reopen (finding, &error));
  g_assert_cmpint (evident_finding_get_state (finding), ==, EVIDENT_FINDING_OPEN);
  undo (fixture);

  /* After a restart the link is there. */
  reopen (fixture);
  finding = evident_audit_lookup_finding (fixture->audit, 1);
  g_assert_cmpint (evident_finding_get_state (finding), ==, EVIDENT_FINDING_ADDRESSED);
  g_assert_cmpint (evident_finding_get_fixed_by (finding), ==, fix);
  g_assert_cmpstr (evident_finding_get_fix_summary (finding), ==, "2.1.1 status → met");

  /* Only an edit in effect can address a finding. */
  g_assert_false (evident_finding_address (finding, 9999, NULL, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND);
  fixture_assert_contains (error, "9999");
}

/* What was reviewed, when, by whom, with which verdict. */
static void
test_session_history (Fixture       *fixture,
                      gconstpointer  data)
{
  EvidentSession *dry_run = new_session (fixture, EVIDENT_SESSION_DRY_RUN,
                                         (const char *[]) { "2.0", NULL });
  EvidentSession *audit_days = new_session (fixture, EVIDENT_SESSION_AUDIT, NULL);
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) error = NULL;
  EvidentVerdictRecord *record;

  verdict (dry_run, fixture, "2.1.1", EVIDENT_VERDICT_FAILED, "Pipeline undocumented",
           EVIDENT_VERDICT_FLAGS_NONE);
  verdict (dry_run, fixture, "2.1.1", EVIDENT_VERDICT_PASSED, NULL, EVIDENT_VERDICT_SET_STATUS);
  verdict (dry_run, fixture, "2.2.1", EVIDENT_VERDICT_NOT_REACHED, NULL,
           EVIDENT_VERDICT_FLAGS_NONE);
  verdict (audit_days, fixture, "2.1.1", EVIDENT_VERDICT_PASSED, NULL,
           EVIDENT_VERDICT_FLAGS_NONE);
  verdict (audit_days, fixture, "3.1.1", EVIDENT_VERDICT_OBSERVATION, NULL,
           EVIDENT_VERDICT_FLAGS_NONE);
  undo (fixture);

  /* The history of a chapter, newest first, the undone one left out. */
  records = evident_audit_list_verdicts (fixture->audit, NULL, "2.0", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 4);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpint (record->session, ==, evident_session_get_id (audit_days));
  g_assert_cmpint (record->kind, ==, EVIDENT_SESSION_AUDIT);
  g_assert_cmpstr (record->ref, ==, "2.1.1");
  g_assert_cmpint (record->verdict, ==, EVIDENT_VERDICT_PASSED);
  g_assert_cmpstrv (record->participants, ((const char *[]) { "Avery Auditor", NULL }));
  g_assert_true (record->current);
  record = g_ptr_array_index (records, 2);
  g_assert_cmpstr (record->ref, ==, "2.1.1");
  g_assert_cmpstr (record->status_set, ==, "met");
  g_assert_true (record->current);
  record = g_ptr_array_index (records, 3);
  g_assert_cmpint (record->verdict, ==, EVIDENT_VERDICT_FAILED);
  g_assert_cmpstr (record->finding, ==, "Pipeline undocumented");
  g_assert_null (record->status_set);
  g_assert_false (record->current);
  g_assert_cmpstr (record->session_date, ==, "2026-03-02");
  g_assert_nonnull (record->who);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* Of an item, and of a session. */
  records = evident_audit_list_verdicts (fixture->audit, NULL, NULL, item (fixture, "2.2.1"),
                                         &error);
  g_assert_cmpuint (records->len, ==, 1);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = evident_audit_list_verdicts (fixture->audit, audit_days, NULL, NULL, &error);
  g_assert_cmpuint (records->len, ==, 1);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = evident_audit_list_verdicts (fixture->audit, NULL, "3.0", NULL, &error);
  g_assert_cmpuint (records->len, ==, 0);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

/* The lists follow edits, undo and redo with items-changed, and
 * ::changed comes once per edit, after them. */
static void
test_session_signals (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *sessions = evident_audit_get_sessions (fixture->audit);
  GListModel *findings = evident_audit_get_findings (fixture->audit);
  EvidentSession *session;
  guint n_changed = fixture->n_changed;
  guint n_notified = 0;
  guint n_items_changed = 0;

  g_signal_connect_swapped (sessions, "items-changed", G_CALLBACK (count_cb), &n_items_changed);
  g_signal_connect_swapped (findings, "items-changed", G_CALLBACK (count_cb), &n_items_changed);
  session = new_session (fixture, EVIDENT_SESSION_DRY_RUN, NULL);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 1);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1);
  g_assert_cmpuint (n_items_changed, ==, 1);

  g_signal_connect_swapped (session, "notify::n-passed", G_CALLBACK (count_cb), &n_notified);
  verdict (session, fixture, "1.1.1", EVIDENT_VERDICT_PASSED, "Well shown",
           EVIDENT_VERDICT_FLAGS_NONE);
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpuint (n_items_changed, ==, 2);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 2);
  undo (fixture);
  g_assert_cmpuint (n_notified, ==, 2);
  g_assert_cmpuint (n_items_changed, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  redo (fixture);
  /* An edit that is not the audit's reads nothing again. */
  set_status (fixture, "2.1.1", EVIDENT_STATUS_MET, NULL);
  g_assert_cmpuint (evident_session_count_verdicts (session, EVIDENT_VERDICT_PASSED), ==, 1);
}

/* Migration */

/* A project of the schema before the audit keeps its items and history,
 * and gains the audit. */
static void
test_migrate (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "old.evident", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GError) error = NULL;
  EvidentAudit *audit;

  g_assert_true (evident_project_create_empty_at_version (file, EVIDENT_AUDIT_SCHEMA_VERSION - 1,
                                                          &error));
  g_assert_no_error (error);
  fixture_sqlite_exec_on (path,
                          "INSERT INTO chapters (id, position, number, title)"
                          " VALUES (1, 0, '6.0', 'DevOps');"
                          "INSERT INTO sections (id, position, chapter_id, number, title)"
                          " VALUES (1, 0, 1, '6.1', 'Pipelines');"
                          "INSERT INTO items (id, position, ref, chapter_id, section_id, title,"
                          " points, mandatory, status)"
                          " VALUES (1, 0, '6.1.1', 1, 1, 'Pipelines', 40, 1, 'met'),"
                          " (2, 1, '6.1.2', 1, 1, 'Tests', 60, 0, 'ready');"
                          "INSERT INTO changes (id, at, who, kind, state)"
                          " VALUES (1, '2026-01-05T09:00:00Z', 'Alice', 'edit', 0);"
                          "INSERT INTO history (change_id, item_id, field, old_value, new_value)"
                          " VALUES (1, 1, 'status', 'ready', 'met');");

  project = evident_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture_sqlite_int_on (path, "PRAGMA user_version"), ==,
                   EVIDENT_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (evident_item_get_status (fixture_lookup (project, "6.1.2")), ==,
                   EVIDENT_STATUS_READY);
  audit = evident_audit_get_for_project (project);
  g_assert_cmpuint (g_list_model_get_n_items (evident_audit_get_sessions (audit)), ==, 0);

  g_assert_nonnull (evident_audit_exempt (audit, "6.0", "DevOps competency held", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evident_item_get_status (fixture_lookup (project, "6.1.1")), ==,
                   EVIDENT_STATUS_NOT_APPLICABLE);
  /* The old history is still there, and undo reaches it. */
  g_assert_true (evident_project_undo (project, &error));
  g_assert_true (evident_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evident_item_get_status (fixture_lookup (project, "6.1.1")), ==,
                   EVIDENT_STATUS_READY);
  fixture_close_project (&project);
}

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/audit/exempt/apply-lift", test_exempt_apply_lift);
  ADD ("/audit/exempt/undo-redo", test_exempt_undo_redo);
  ADD ("/audit/exempt/restart", test_exempt_restart);
  ADD ("/audit/exempt/unrelated-edits", test_exempt_unrelated_edits);
  ADD ("/audit/exempt/edited-while-exempt", test_exempt_edited_while_exempt);
  ADD ("/audit/exempt/section", test_exempt_section);
  ADD ("/audit/exempt/refusals", test_exempt_refusals);
  ADD ("/audit/exempt/evidence", test_exempt_evidence);
  ADD ("/audit/session/new", test_session_new);
  ADD ("/audit/session/verdicts", test_session_verdicts);
  ADD ("/audit/session/refusals", test_session_refusals);
  ADD ("/audit/session/score", test_session_score);
  ADD ("/audit/session/history", test_session_history);
  ADD ("/audit/session/signals", test_session_signals);
  ADD ("/audit/findings", test_findings);
  g_test_add_func ("/audit/migrate", test_migrate);

  return g_test_run ();
}
