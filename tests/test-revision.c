/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A year's work carried across a revision of the checklist: the plan, what
 * every item carries, the archive and the versions, undo and redo giving
 * the same project, a second revision on top, pairs made by hand, files
 * refused before anything changes, and the migration of older projects.
 *
 * The fixtures (tests/data/revision-4.1.csv, -4.1.1.csv, -4.2.csv) hold a
 * renumbered item (1.2 → 1.3), a moved chapter (Billing 4.0 → 5.0), a
 * light and a heavy rewording (2.1, 2.2), a split (2.3 → 2.3 and 2.4), a
 * merge (2.4 and 2.5 → 2.5), a deletion (1.3), additions (1.2, 4.1) and
 * two similar items swapping places (3.1 and 3.2). */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "evident-audit.h"
#include "evident-chapter.h"
#include "evident-enums-util.h"
#include "evident-evidence.h"
#include "evident-import.h"
#include "evident-item-private.h"
#include "evident-project-private.h"
#include "evident-revision-store.h"
#include "evident-revision.h"
#include "evident-test-workbook.h"
#include "evident-versions.h"
#include "test-fixtures.h"

typedef struct
{
  char           *dir;
  char           *path;
  EvidentProject *project;
} Fixture;

/* Helpers */

static void
apply (EvidentProject *project,
       const char     *name)
{
  g_autoptr (EvidentRevision) revision = fixture_plan_revision (project, name);
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_revision_apply (revision, FALSE, &error));
  g_assert_no_error (error);
}

static void
attach (Fixture    *fixture,
        const char *ref,
        const char *name,
        const char *content)
{
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (fixture->project);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;

  fixture_write_file (path, content, strlen (content));
  evidence = evident_evidence_store_add_file (store, fixture_lookup (fixture->project, ref), file,
                                              NULL, EVIDENT_EVIDENCE_KIND_PROCESS, NULL, NULL,
                                              &error);
  g_assert_no_error (error);
}

/* The item's evidence titles, in order, joined by commas. */
static char *
evidence_titles (EvidentProject *project,
                 const char     *ref)
{
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (project);
  g_autoptr (GListModel) list = evident_evidence_store_list (store, fixture_lookup (project, ref));
  g_autoptr (GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (EvidentEvidence) evidence = g_list_model_get_item (list, i);

      g_string_append_printf (titles, "%s%s", i > 0 ? "," : "",
                              evident_evidence_get_title (evidence));
    }
  return g_strdup (titles->str);
}

/* Everything a user sees of a project, without row ids: settings,
 * chapters, items with their state, extra fields and evidence, the
 * versions with their mappings, the archive. Equal dumps, equal projects. */
static char *
dump (EvidentProject *project)
{
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (project);
  GListModel *items = evident_project_get_items (project);
  GListModel *chapters = evident_project_get_chapters (project);
  const EvidentRules *rules = evident_project_get_rules (project);
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GPtrArray) archive = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *workbook = evident_project_dup_workbook_name (project);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s|%s|%s|%d|%d|%s\n", evident_project_get_title (project),
                          evident_project_get_checklist_version (project),
                          evident_score_mode_to_string (rules->mode), rules->pass_score,
                          rules->mandatory_penalty, workbook != NULL ? workbook : "-");
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);

      g_string_append_printf (out, "chapter %s|%s\n", evident_chapter_get_number (chapter),
                              evident_chapter_get_title (chapter));
    }
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      g_autoptr (GListModel) evidence = evident_evidence_store_list (store, item);
      guint n_extra;
      const EvidentExtraField *extra = evident_item_get_extra_fields (item, &n_extra);

      g_string_append_printf (out, "item %s|%s|%s|%s|%s|%s|%s|%d|%d|", evident_item_get_ref (item),
                              evident_item_get_chapter (item), evident_item_get_section (item),
                              evident_item_get_section_title (item), evident_item_get_title (item),
                              evident_item_get_requirement (item),
                              evident_item_get_evidence_hint (item), evident_item_get_points (item),
                              evident_item_get_mandatory (item));
      for (guint f = 0; f < EVIDENT_N_ITEM_FIELDS; f++)
        g_string_append_printf (out, "%s|", evident_item_get_field (item, f));
      for (guint e = 0; e < n_extra; e++)
        g_string_append_printf (out, "%s=%s|", extra[e].name, extra[e].value);
      for (guint e = 0; e < g_list_model_get_n_items (evidence); e++)
        {
          g_autoptr (EvidentEvidence) piece = g_list_model_get_item (evidence, e);

          const char *sha256 = evident_evidence_get_sha256 (piece);
          const char *url = evident_evidence_get_url (piece);

          EvidentEvidenceKind kind = evident_evidence_get_kind (piece);

          g_string_append_printf (out, "[%s %s %s %s]", evident_evidence_get_title (piece),
                                  evident_evidence_kind_to_string (kind),
                                  sha256 != NULL ? sha256 : "", url != NULL ? url : "");
        }
      g_string_append_c (out, '\n');
    }

  versions = evident_project_list_versions (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < versions->len; i++)
    {
      EvidentChecklistVersion *version = g_ptr_array_index (versions, i);

      g_string_append_printf (out, "version %s|%s|%s|%u|%d\n", version->label, version->file_name,
                              evident_score_mode_to_string (version->mode), version->n_items,
                              version->current);
      for (guint m = 0; m < version->mapping->len; m++)
        {
          EvidentVersionMapping *mapping = g_ptr_array_index (version->mapping, m);

          g_string_append_printf (out, "  %s → %s %s %.3f %d\n", mapping->old_ref ?: "-",
                                  mapping->new_ref ?: "-",
                                  evident_revision_relation_to_string (mapping->relation),
                                  mapping->similarity, mapping->manual);
        }
    }

  archive = evident_project_list_archive (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < archive->len; i++)
    {
      EvidentArchivedItem *item = g_ptr_array_index (archive, i);

      g_string_append_printf (out, "archived %s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|",
                              item->ref, item->chapter, item->title, item->version,
                              item->removed_in,
                              evident_revision_relation_to_string (item->relation),
                              item->merged_into ?: "", evident_status_to_string (item->status),
                              item->owner ?: "", item->note ?: "", item->response ?: "");
      for (guint e = 0; e < item->evidence->len; e++)
        g_string_append_printf (out, "[%s]",
                                ((EvidentArchivedEvidence *) g_ptr_array_index (item->evidence, e))
                                    ->title);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Version 4.1 with a year's work on it. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (EvidentImport) import = fixture_read_checklist ("revision-4.1.csv");
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  EvidentProjectSettings settings;
  EvidentEvidenceStore *store;
  g_autoptr (EvidentEvidence) link = NULL;

  fixture->dir = fixture_tmp_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "audit.evident", NULL);
  file = g_file_new_for_path (fixture->path);
  evident_project_settings_init (&settings);
  settings.checklist_version = "4.1";
  settings.rules.pass_score = 60;
  fixture->project = evident_project_create_from_import (file, &settings, import, NULL, &error);
  g_assert_no_error (error);
  if (data != NULL)
    return;

  fixture_set_field (fixture->project, "1.1", EVIDENT_ITEM_FIELD_STATUS, "met");
  fixture_set_field (fixture->project, "1.1", EVIDENT_ITEM_FIELD_OWNER, "Alice");
  fixture_set_field (fixture->project, "1.1", EVIDENT_ITEM_FIELD_NOTE, "Deck approved");
  fixture_set_field (fixture->project, "1.2", EVIDENT_ITEM_FIELD_STATUS, "met");
  fixture_set_field (fixture->project, "1.2", EVIDENT_ITEM_FIELD_OWNER, "Bob");
  fixture_set_field (fixture->project, "1.2", EVIDENT_ITEM_FIELD_COMPLEXITY, "low");
  fixture_set_field (fixture->project, "1.2", EVIDENT_ITEM_FIELD_DUE, "2026-03-31");
  fixture_set_field (fixture->project, "1.2",
                     EVIDENT_ITEM_FIELD_RESPONSE, "The catalogue is online.");
  attach (fixture, "1.2", "catalogue.pdf", "catalogue");
  fixture_set_field (fixture->project, "1.3", EVIDENT_ITEM_FIELD_STATUS, "in-progress");
  fixture_set_field (fixture->project, "1.3", EVIDENT_ITEM_FIELD_NOTE, "Sponsor named");
  store = evident_evidence_store_get_for_project (fixture->project);
  link = evident_evidence_store_add_link (store, fixture_lookup (fixture->project, "1.3"),
                                          "https://intranet.example.com/sponsor", "Sponsor memo",
                                          EVIDENT_EVIDENCE_KIND_OTHER, &error);
  g_assert_no_error (error);
  fixture_set_field (fixture->project, "2.1", EVIDENT_ITEM_FIELD_STATUS, "ready");
  fixture_set_field (fixture->project, "2.1", EVIDENT_ITEM_FIELD_OWNER, "Carol");
  fixture_set_field (fixture->project, "2.2", EVIDENT_ITEM_FIELD_STATUS, "met");
  fixture_set_field (fixture->project, "2.2", EVIDENT_ITEM_FIELD_NOTE, "CAB minutes");
  fixture_set_field (fixture->project, "2.2", EVIDENT_ITEM_FIELD_ESTIMATE, "3");
  fixture_set_field (fixture->project, "2.3", EVIDENT_ITEM_FIELD_STATUS, "met");
  fixture_set_field (fixture->project, "2.3", EVIDENT_ITEM_FIELD_OWNER, "Carol");
  attach (fixture, "2.3", "backup-policy.pdf", "backup policy");
  fixture_set_field (fixture->project, "2.4", EVIDENT_ITEM_FIELD_STATUS, "in-progress");
  fixture_set_field (fixture->project, "2.4", EVIDENT_ITEM_FIELD_OWNER, "Dave");
  fixture_set_field (fixture->project, "2.4", EVIDENT_ITEM_FIELD_NOTE, "Patch reports monthly");
  fixture_set_field (fixture->project, "2.5", EVIDENT_ITEM_FIELD_ESTIMATE, "1.5");
  attach (fixture, "2.4", "patch.pdf", "patch report");
  fixture_set_field (fixture->project, "2.5", EVIDENT_ITEM_FIELD_STATUS, "met");
  fixture_set_field (fixture->project, "2.5", EVIDENT_ITEM_FIELD_NOTE, "Weekly scans");
  fixture_set_field (fixture->project, "2.5", EVIDENT_ITEM_FIELD_RESPONSE, "Scans run weekly.");
  attach (fixture, "2.5", "scan.pdf", "scan report");
  fixture_set_field (fixture->project, "3.1", EVIDENT_ITEM_FIELD_STATUS, "met");
  fixture_set_field (fixture->project, "3.1", EVIDENT_ITEM_FIELD_OWNER, "Erin");
  attach (fixture, "3.1", "kms.pdf", "kms settings");
  fixture_set_field (fixture->project, "3.2", EVIDENT_ITEM_FIELD_REASON, "No public endpoints");
  fixture_set_field (fixture->project, "3.2", EVIDENT_ITEM_FIELD_STATUS, "not-applicable");
  fixture_set_field (fixture->project, "4.1", EVIDENT_ITEM_FIELD_STATUS, "met");
  fixture_set_field (fixture->project, "4.1", EVIDENT_ITEM_FIELD_OWNER, "Frank");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->project != NULL)
    fixture_close_project (&fixture->project);
  g_clear_pointer (&fixture->path, g_free);
  fixture_tmp_dir_clear (&fixture->dir);
}

static EvidentRevisionEntry *
entry_for_new (EvidentRevision *revision,
               const char      *ref)
{
  EvidentRevisionEntry *entry = evident_revision_lookup_new (revision, ref);

  g_assert_nonnull (entry);
  return entry;
}

/* The plan */

static void
test_plan (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *before = dump (fixture->project);
  g_autofree char *after = NULL;
  g_autoptr (EvidentRevision) revision =
    fixture_plan_revision (fixture->project, "revision-4.2.csv");
  const EvidentScore *score;
  EvidentRevisionEntry *entry;
  GArray *diff;

  g_assert_cmpstr (evident_revision_get_label (revision), ==, "4.2");
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_UNCHANGED), ==, 1);
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_MOVED), ==, 3);
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_REWORDED), ==, 6);
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_SPLIT), ==, 1);
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_MERGED), ==, 1);
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_NEW), ==, 2);
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_REMOVED), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (evident_revision_get_entries (revision)), ==, 15);
  g_assert_cmpfloat_with_epsilon (evident_revision_get_matched_share (revision), 11.0 / 12, 1e-9);
  g_assert_false (evident_revision_get_unrelated (revision));
  g_assert_cmpuint (evident_revision_get_warnings (revision)->len, ==, 0);
  /* 2.1, 2.2, 2.3, 2.4 (split), 2.5 (merged into), 3.2 */
  g_assert_cmpuint (evident_revision_get_n_recheck (revision), ==, 6);

  entry = entry_for_new (revision, "1.3");
  g_assert_cmpint (evident_revision_entry_get_relation (entry), ==, EVIDENT_REVISION_MOVED);
  g_assert_cmpstr (evident_revision_entry_get_old_ref (entry), ==, "1.2");
  g_assert_cmpint (evident_revision_entry_get_status_after (entry), ==, EVIDENT_STATUS_MET);
  g_assert_false (evident_revision_entry_get_recheck (entry));

  entry = entry_for_new (revision, "2.1");
  g_assert_cmpint (evident_revision_entry_get_relation (entry), ==, EVIDENT_REVISION_REWORDED);
  g_assert_cmpint (evident_revision_entry_get_status_before (entry), ==, EVIDENT_STATUS_READY);
  g_assert_cmpint (evident_revision_entry_get_status_after (entry), ==, EVIDENT_STATUS_READY);
  g_assert_true (evident_revision_entry_get_recheck (entry));
  /* The word diff, as data. */
  diff = evident_revision_entry_get_diff (entry, EVIDENT_REVISION_PART_REQUIREMENT);
  g_assert_cmpuint (diff->len, ==, 6);
  g_assert_cmpint (g_array_index (diff, EvidentDiffSpan, 1).op, ==, EVIDENT_DIFF_INSERT);
  g_assert_cmpstr (g_array_index (diff, EvidentDiffSpan, 1).text, ==, "the");
  g_assert_cmpint (g_array_index (diff, EvidentDiffSpan, 3).op, ==, EVIDENT_DIFF_DELETE);
  g_assert_cmpstr (g_array_index (diff, EvidentDiffSpan, 3).text, ==, "every");
  g_assert_cmpstr (g_array_index (diff, EvidentDiffSpan, 4).text, ==, "each");
  g_assert_cmpuint (evident_revision_entry_get_diff (entry, EVIDENT_REVISION_PART_TITLE)->len,
                    ==, 1);

  entry = entry_for_new (revision, "2.4");
  g_assert_cmpint (evident_revision_entry_get_relation (entry), ==, EVIDENT_REVISION_SPLIT);
  g_assert_cmpstr (evident_revision_entry_get_old_ref (entry), ==, "2.3");
  g_assert_true (evident_revision_entry_get_carried (entry));
  entry = evident_revision_lookup_old (revision, "2.5");
  g_assert_cmpint (evident_revision_entry_get_relation (entry), ==, EVIDENT_REVISION_MERGED);
  g_assert_cmpstr (evident_revision_entry_get_new_ref (entry), ==, "2.5");
  entry = evident_revision_lookup_old (revision, "1.3");
  g_assert_cmpint (evident_revision_entry_get_relation (entry), ==, EVIDENT_REVISION_REMOVED);
  g_assert_null (evident_revision_entry_get_new_ref (entry));
  entry = entry_for_new (revision, "4.1");
  g_assert_cmpint (evident_revision_entry_get_relation (entry), ==, EVIDENT_REVISION_NEW);
  g_assert_false (evident_revision_entry_get_carried (entry));
  g_assert_cmpint (evident_revision_entry_get_status_after (entry), ==,
                   EVIDENT_STATUS_NOT_STARTED);

  /* Before, of 85 points: met or not applicable 1.1, 1.2, 2.2, 2.3, 2.5,
   * 3.1, 3.2, 4.1 = 60, mandatory 2.1 only ready (10). After, of 95: met
   * or not applicable 1.1, 1.3, 3.1, 5.1 = 25; ready (to re-check) 2.1,
   * 2.2, 2.3, 2.4, 2.5, 3.2 = 55, all mandatory but 2.5; the new 1.2 is
   * mandatory and not started. */
  score = evident_revision_get_score_before (revision);
  g_assert_cmpint (score->max_score, ==, 85);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_CONFIRMED].score, ==, 60 - 200 * 1);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_PROJECTED].score, ==, 70);
  g_assert_true (score->views[EVIDENT_VIEW_PROJECTED].pass);
  score = evident_revision_get_score_after (revision);
  g_assert_cmpint (score->max_score, ==, 95);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_CONFIRMED].score, ==, 25 - 200 * 6);
  g_assert_cmpfloat (score->views[EVIDENT_VIEW_PROJECTED].score, ==, 80 - 200 * 1);
  g_assert_false (score->views[EVIDENT_VIEW_PROJECTED].pass);
  g_assert_cmpuint (score->chapters->len, ==, 5);

  /* Planning changes nothing. */
  after = dump (fixture->project);
  g_assert_cmpstr (before, ==, after);
}

/* Applying */

static void
assert_after_4_2 (EvidentProject *project)
{
  EvidentItem *item;
  g_autofree char *titles = NULL;

  g_assert_cmpstr (evident_project_get_checklist_version (project), ==, "4.2");
  g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_items (project)), ==, 13);
  g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_chapters (project)), ==, 5);

  /* Unchanged, and moved: everything kept, no flag. */
  item = fixture_lookup (project, "1.1");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Alice");
  g_assert_cmpstr (evident_item_get_note (item), ==, "Deck approved");
  g_assert_false (evident_item_get_needs_recheck (item));
  item = fixture_lookup (project, "1.3");
  g_assert_cmpstr (evident_item_get_title (item), ==, "Service catalogue");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Bob");
  g_assert_cmpint (evident_item_get_complexity (item), ==, EVIDENT_COMPLEXITY_LOW);
  g_assert_cmpstr (evident_item_get_due (item), ==, "2026-03-31");
  g_assert_cmpstr (evident_item_get_response (item), ==, "The catalogue is online.");
  g_assert_false (evident_item_get_needs_recheck (item));
  titles = evidence_titles (project, "1.3");
  g_assert_cmpstr (titles, ==, "catalogue.pdf");
  g_clear_pointer (&titles, g_free);
  item = fixture_lookup (project, "5.1");
  g_assert_cmpstr (evident_item_get_chapter (item), ==, "5.0");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Frank");

  /* New items start not started. */
  item = fixture_lookup (project, "1.2");
  g_assert_cmpstr (evident_item_get_title (item), ==, "Service level agreements");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_null (evident_item_get_owner (item));
  g_assert_cmpint (evident_item_get_status (fixture_lookup (project, "4.1")), ==,
                   EVIDENT_STATUS_NOT_STARTED);

  /* Reworded: everything kept; ready, flagged, the old status shown. */
  item = fixture_lookup (project, "2.1");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_READY);
  g_assert_true (evident_item_get_needs_recheck (item));
  g_assert_cmpint (evident_item_get_recheck_status (item), ==, EVIDENT_STATUS_READY);
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Carol");
  item = fixture_lookup (project, "2.2");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_READY);
  g_assert_cmpint (evident_item_get_recheck_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_cmpstr (evident_item_get_note (item), ==, "CAB minutes");
  g_assert_cmpfloat (evident_item_get_estimate (item), ==, 3.0);

  /* The swapped pair: each kept its own work. */
  item = fixture_lookup (project, "3.2");
  g_assert_cmpstr (evident_item_get_title (item), ==, "Encryption at rest");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_READY);
  g_assert_cmpint (evident_item_get_recheck_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Erin");
  titles = evidence_titles (project, "3.2");
  g_assert_cmpstr (titles, ==, "kms.pdf");
  g_clear_pointer (&titles, g_free);
  item = fixture_lookup (project, "3.1");
  g_assert_cmpstr (evident_item_get_title (item), ==, "Encryption in transit");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_NOT_APPLICABLE);
  g_assert_cmpstr (evident_item_get_reason (item), ==, "No public endpoints");
  g_assert_false (evident_item_get_needs_recheck (item));

  /* The split: both parts carry the work, flagged; evidence united. */
  item = fixture_lookup (project, "2.3");
  g_assert_cmpstr (evident_item_get_title (item), ==, "Backups");
  g_assert_cmpint (evident_item_get_recheck_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Carol");
  item = fixture_lookup (project, "2.4");
  g_assert_cmpstr (evident_item_get_title (item), ==, "Restore tests");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_READY);
  g_assert_cmpint (evident_item_get_recheck_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Carol");
  titles = evidence_titles (project, "2.4");
  g_assert_cmpstr (titles, ==, "backup-policy.pdf");
  g_clear_pointer (&titles, g_free);

  /* The merge: the strongest status, flagged; owner, notes, responses and
   * evidence united. */
  item = fixture_lookup (project, "2.5");
  g_assert_cmpstr (evident_item_get_title (item), ==, "Vulnerability and patch management");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_READY);
  g_assert_cmpint (evident_item_get_recheck_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Dave");
  g_assert_cmpstr (evident_item_get_note (item), ==, "Patch reports monthly\n\nWeekly scans");
  /* The estimate of the one merged in, the item paired having none. */
  g_assert_cmpfloat (evident_item_get_estimate (item), ==, 1.5);
  g_assert_cmpstr (evident_item_get_response (item), ==, "Scans run weekly.");
  titles = evidence_titles (project, "2.5");
  g_assert_cmpstr (titles, ==, "patch.pdf,scan.pdf");
  g_clear_pointer (&titles, g_free);
}

static void
test_apply (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (EvidentRevision) revision =
    fixture_plan_revision (fixture->project, "revision-4.2.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) archive = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autofree char *applied = NULL;
  g_autofree char *reopened = NULL;
  EvidentItem *kept = fixture_lookup (fixture->project, "3.1");
  EvidentChecklistVersion *version;
  EvidentArchivedItem *archived;
  EvidentHistoryEntry *row;
  double projected = evident_revision_get_score_after (revision)->views[EVIDENT_VIEW_PROJECTED]
                         .score;

  g_assert_true (evident_revision_apply (revision, FALSE, &error));
  g_assert_no_error (error);
  assert_after_4_2 (fixture->project);
  g_assert_true (evident_project_check (fixture->project, &error));
  g_assert_no_error (error);

  /* The same objects for the items that stay; the plan still tells of
   * them as they were. */
  g_assert_true (fixture_lookup (fixture->project, "3.2") == kept);
  g_assert_cmpstr (evident_revision_entry_get_old_ref (entry_for_new (revision, "3.2")), ==,
                   "3.1");
  g_assert_cmpstr (evident_revision_entry_get_old_title (entry_for_new (revision, "3.2")), ==,
                   "Encryption at rest");
  /* The score the plan foresaw. */
  g_assert_cmpfloat (evident_project_get_score (fixture->project)->views[EVIDENT_VIEW_PROJECTED]
                         .score, ==, projected);
  /* A plan applies once. */
  g_assert_false (evident_revision_apply (revision, FALSE, &error));
  g_assert_error (error, EVIDENT_REVISION_ERROR, EVIDENT_REVISION_ERROR_STALE);
  g_clear_error (&error);

  /* The archive: the removed item and the one merged, with their work. */
  archive = evident_project_list_archive (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (archive->len, ==, 2);
  archived = g_ptr_array_index (archive, 0);
  g_assert_cmpstr (archived->ref, ==, "1.3");
  g_assert_cmpstr (archived->title, ==, "Executive sponsor");
  g_assert_cmpstr (archived->version, ==, "4.1");
  g_assert_cmpstr (archived->removed_in, ==, "4.2");
  g_assert_cmpint (archived->relation, ==, EVIDENT_REVISION_REMOVED);
  g_assert_cmpint (archived->status, ==, EVIDENT_STATUS_IN_PROGRESS);
  g_assert_cmpstr (archived->note, ==, "Sponsor named");
  g_assert_cmpuint (archived->evidence->len, ==, 1);
  g_assert_cmpstr (((EvidentArchivedEvidence *) g_ptr_array_index (archived->evidence, 0))->url,
                   ==, "https://intranet.example.com/sponsor");
  archived = g_ptr_array_index (archive, 1);
  g_assert_cmpstr (archived->ref, ==, "2.5");
  g_assert_cmpint (archived->relation, ==, EVIDENT_REVISION_MERGED);
  g_assert_cmpstr (archived->merged_into, ==, "2.5");
  g_assert_cmpstr (archived->note, ==, "Weekly scans");
  g_assert_cmpuint (archived->evidence->len, ==, 1);

  /* Every version, with the mapping. */
  versions = evident_project_list_versions (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  version = g_ptr_array_index (versions, 0);
  g_assert_cmpstr (version->label, ==, "4.1");
  g_assert_false (version->current);
  g_assert_cmpuint (version->n_items, ==, 12);
  g_assert_cmpuint (version->mapping->len, ==, 0);
  version = g_ptr_array_index (versions, 1);
  g_assert_cmpstr (version->label, ==, "4.2");
  g_assert_cmpstr (version->file_name, ==, "revision-4.2.csv");
  g_assert_true (version->current);
  g_assert_nonnull (version->applied_at);
  g_assert_cmpuint (version->n_items, ==, 13);
  g_assert_cmpuint (version->mapping->len, ==, 15);
  g_assert_cmpuint (version->counts[EVIDENT_REVISION_REWORDED], ==, 6);
  g_assert_cmpuint (version->counts[EVIDENT_REVISION_SPLIT], ==, 1);

  /* The item's history says where it was: "was 3.1 in 4.1". */
  history = evident_project_get_history (fixture->project, kept, &error);
  g_assert_no_error (error);
  row = NULL;
  for (guint i = 0; i < history->len && row == NULL; i++)
    {
      EvidentHistoryEntry *candidate = g_ptr_array_index (history, i);

      if (candidate->field == EVIDENT_ITEM_FIELD_REVISION)
        row = candidate;
    }
  if (row == NULL)
    g_assert_not_reached ();
  g_assert_cmpstr (row->kind, ==, "revision");
  g_assert_cmpstr (row->old_value, ==, "3.1 (4.1)");
  g_assert_cmpstr (row->new_value, ==, "3.2 (4.2)");
  g_assert_cmpstr (row->ref, ==, "3.2");

  /* All of it is in the file. */
  applied = dump (fixture->project);
  g_clear_object (&revision);
  fixture_close_project (&fixture->project);
  fixture->project = fixture_open_project (fixture->path, EVIDENT_PROJECT_OPEN_DEFAULT);
  reopened = dump (fixture->project);
  g_assert_cmpstr (reopened, ==, applied);
  assert_after_4_2 (fixture->project);
}

/* Undo gives back the project as it was; redo, or applying the same file
 * again, the same revised project. */
static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *before = dump (fixture->project);
  g_autofree char *applied = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *again = NULL;
  g_autofree char *reopened = NULL;
  g_autoptr (GError) error = NULL;

  apply (fixture->project, "revision-4.2.csv");
  applied = dump (fixture->project);
  g_assert_true (evident_project_get_can_undo (fixture->project));

  g_assert_true (evident_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  undone = dump (fixture->project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (evident_project_check (fixture->project, &error));
  g_assert_no_error (error);

  /* Across closing and opening too. */
  fixture_close_project (&fixture->project);
  fixture->project = fixture_open_project (fixture->path, EVIDENT_PROJECT_OPEN_DEFAULT);
  reopened = dump (fixture->project);
  g_assert_cmpstr (reopened, ==, before);
  g_assert_true (evident_project_get_can_redo (fixture->project));

  g_assert_true (evident_project_redo (fixture->project, &error));
  g_assert_no_error (error);
  redone = dump (fixture->project);
  g_assert_cmpstr (redone, ==, applied);
  assert_after_4_2 (fixture->project);

  /* Undone, then planned and applied again: the same result. */
  g_assert_true (evident_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  apply (fixture->project, "revision-4.2.csv");
  again = dump (fixture->project);
  g_assert_cmpstr (again, ==, applied);
  g_assert_false (evident_project_get_can_redo (fixture->project));

  /* The revision undoes as one step; the edits before it follow. */
  g_assert_true (evident_project_undo (fixture->project, &error));
  g_assert_true (evident_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evident_item_get_status (fixture_lookup (fixture->project, "4.1")), ==,
                   EVIDENT_STATUS_MET);
  g_assert_null (evident_item_get_owner (fixture_lookup (fixture->project, "4.1")));
}

/* 4.1 → 4.1.1 → 4.2: a revised project revises the same way. */
static void
test_twice (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *before = dump (fixture->project);
  g_autofree char *between = NULL;
  g_autofree char *undone = NULL;
  g_autoptr (EvidentRevision) revision = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GError) error = NULL;
  EvidentItem *item;

  apply (fixture->project, "revision-4.1.1.csv");
  between = dump (fixture->project);
  g_assert_cmpstr (evident_project_get_checklist_version (fixture->project), ==, "4.1.1");
  item = fixture_lookup (fixture->project, "2.1");
  g_assert_cmpint (evident_item_get_recheck_status (item), ==, EVIDENT_STATUS_READY);
  g_assert_cmpint (evident_item_get_status (fixture_lookup (fixture->project, "2.6")), ==,
                   EVIDENT_STATUS_NOT_STARTED);

  revision = fixture_plan_revision (fixture->project, "revision-4.2.csv");
  /* The new 2.6 (monitoring) has no place in 4.2. */
  g_assert_cmpint (evident_revision_entry_get_relation (evident_revision_lookup_old (revision,
                                                                                     "2.6")),
                   ==, EVIDENT_REVISION_REMOVED);
  g_assert_cmpint (evident_revision_entry_get_relation (entry_for_new (revision, "2.1")), ==,
                   EVIDENT_REVISION_REWORDED);
  g_assert_true (evident_revision_apply (revision, FALSE, &error));
  g_assert_no_error (error);

  /* 2.1 keeps the status it had before the first revision. */
  item = fixture_lookup (fixture->project, "2.1");
  g_assert_cmpint (evident_item_get_recheck_status (item), ==, EVIDENT_STATUS_READY);
  item = fixture_lookup (fixture->project, "5.2");
  g_assert_cmpstr (evident_item_get_title (item), ==, "Invoice accuracy");
  assert_after_4_2 (fixture->project);

  versions = evident_project_list_versions (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 3);
  g_assert_cmpstr (((EvidentChecklistVersion *) g_ptr_array_index (versions, 1))->label, ==,
                   "4.1.1");

  g_assert_true (evident_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  undone = dump (fixture->project);
  g_assert_cmpstr (undone, ==, between);
  g_clear_pointer (&undone, g_free);
  g_assert_true (evident_project_undo (fixture->project, &error));
  undone = dump (fixture->project);
  g_assert_cmpstr (undone, ==, before);
}

/* Confirming a re-check, and a status set instead. */
static void
test_confirm (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  EvidentItem *item;

  apply (fixture->project, "revision-4.2.csv");
  item = fixture_lookup (fixture->project, "2.2");
  g_assert_true (evident_project_confirm_item (fixture->project, item, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_MET);
  g_assert_false (evident_item_get_needs_recheck (item));

  g_assert_true (evident_project_undo (fixture->project, &error));
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_READY);
  g_assert_true (evident_item_get_needs_recheck (item));

  /* Another status chosen in confirming. */
  g_assert_true (evident_project_confirm_item (fixture->project, item, "in-progress", &error));
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_IN_PROGRESS);
  g_assert_false (evident_item_get_needs_recheck (item));

  /* Setting the status settles the re-check too, even to the same. */
  item = fixture_lookup (fixture->project, "2.3");
  fixture_set_field (fixture->project, "2.3", EVIDENT_ITEM_FIELD_STATUS, "ready");
  g_assert_false (evident_item_get_needs_recheck (item));
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_READY);
  /* Other fields do not. */
  fixture_set_field (fixture->project, "2.4", EVIDENT_ITEM_FIELD_NOTE, "Restore in May");
  g_assert_true (evident_item_get_needs_recheck (fixture_lookup (fixture->project, "2.4")));

  g_assert_false (evident_project_confirm_item (fixture->project, item, NULL, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID);
}

static void
count_cb (guint *n)
{
  (*n)++;
}

/* Pairs made and unmade by hand, in the plan and in the record. */
static void
test_overrides (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (EvidentRevision) revision =
    fixture_plan_revision (fixture->project, "revision-4.2.csv");
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GError) error = NULL;
  EvidentChecklistVersion *version;
  EvidentItem *item;
  guint n_changed = 0;
  gboolean found = FALSE;

  g_signal_connect_swapped (revision, "changed", G_CALLBACK (count_cb), &n_changed);
  g_assert_true (evident_revision_pair (revision, "1.3", "1.2", &error));
  g_assert_no_error (error);
  g_assert_true (evident_revision_unpair (revision, "2.1", &error));
  g_assert_cmpint (evident_revision_entry_get_relation (entry_for_new (revision, "1.2")), ==,
                   EVIDENT_REVISION_REWORDED);
  g_assert_true (evident_revision_entry_get_manual (entry_for_new (revision, "1.2")));
  g_assert_cmpint (evident_revision_entry_get_relation (entry_for_new (revision, "2.1")), ==,
                   EVIDENT_REVISION_NEW);
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_NEW), ==, 2);
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_REMOVED), ==, 1);
  g_assert_cmpuint (n_changed, ==, 2);

  g_assert_false (evident_revision_pair (revision, "9.9", "1.2", &error));
  g_assert_error (error, EVIDENT_REVISION_ERROR, EVIDENT_REVISION_ERROR_NO_SUCH_ITEM);
  g_clear_error (&error);
  g_assert_false (evident_revision_pair (revision, "1.1", "9.9", &error));
  g_assert_error (error, EVIDENT_REVISION_ERROR, EVIDENT_REVISION_ERROR_NO_SUCH_ITEM);
  g_clear_error (&error);

  g_assert_true (evident_revision_apply (revision, FALSE, &error));
  g_assert_no_error (error);
  item = fixture_lookup (fixture->project, "1.2");
  g_assert_cmpstr (evident_item_get_note (item), ==, "Sponsor named");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_IN_PROGRESS);
  item = fixture_lookup (fixture->project, "2.1");
  g_assert_cmpint (evident_item_get_status (item), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_null (evident_item_get_owner (item));

  versions = evident_project_list_versions (fixture->project, &error);
  version = g_ptr_array_index (versions, 1);
  for (guint i = 0; i < version->mapping->len; i++)
    {
      EvidentVersionMapping *mapping = g_ptr_array_index (version->mapping, i);

      if (g_strcmp0 (mapping->old_ref, "1.3") == 0)
        {
          g_assert_cmpstr (mapping->new_ref, ==, "1.2");
          g_assert_true (mapping->manual);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

/* Evidence from the archive onto an item of the checklist. */
static void
test_reattach (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GPtrArray) archive = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *titles = NULL;
  EvidentArchivedItem *archived;
  EvidentArchivedEvidence *memo;
  EvidentItem *item;

  apply (fixture->project, "revision-4.2.csv");
  archive = evident_project_list_archive (fixture->project, &error);
  archived = g_ptr_array_index (archive, 0);
  memo = g_ptr_array_index (archived->evidence, 0);
  item = fixture_lookup (fixture->project, "1.2");

  g_assert_true (evident_project_reattach_evidence (fixture->project, memo->id, item, &error));
  g_assert_no_error (error);
  titles = evidence_titles (fixture->project, "1.2");
  g_assert_cmpstr (titles, ==, "Sponsor memo");
  g_clear_pointer (&titles, g_free);

  /* Twice is once; the archive keeps its own. */
  g_assert_false (evident_project_reattach_evidence (fixture->project, memo->id, item, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&archive, g_ptr_array_unref);
  archive = evident_project_list_archive (fixture->project, &error);
  g_assert_cmpuint (((EvidentArchivedItem *) g_ptr_array_index (archive, 0))->evidence->len, ==, 1);

  g_assert_true (evident_project_undo (fixture->project, &error));
  titles = evidence_titles (fixture->project, "1.2");
  g_assert_cmpstr (titles, ==, "");
  g_clear_pointer (&titles, g_free);

  /* Only archived evidence. */
  g_assert_false (evident_project_reattach_evidence (fixture->project, 1, item, &error));
  g_assert_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID);
}

/* A file the import finds problems in, or one of another checklist: refused
 * before anything changes. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (EvidentImport) duplicate = fixture_read_csv_text (
      "ref,chapter,title\n1.1,1.0,Company overview\n1.1,1.0,Service catalogue\n");
  g_autoptr (EvidentImport) unrelated = fixture_read_csv_text (
      "ref,chapter,title,requirement\n"
      "K-1,K,Kitchen hygiene,Work surfaces are cleaned after every shift.\n"
      "K-2,K,Food storage,Raw and cooked food are stored apart.\n"
      "K-3,K,Allergen labels,Every dish lists the allergens it contains.\n");
  g_autoptr (EvidentRevision) revision = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) now = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fixture_close_project (&fixture->project);
  original = fixture_read_file (fixture->path);
  fixture->project = fixture_open_project (fixture->path, EVIDENT_PROJECT_OPEN_DEFAULT);
  before = dump (fixture->project);

  revision = evident_revision_new (fixture->project, duplicate, &error);
  g_assert_null (revision);
  g_assert_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_DUPLICATE);
  fixture_assert_contains (error, "1.1");
  g_clear_error (&error);

  revision = evident_revision_new (fixture->project, unrelated, &error);
  g_assert_no_error (error);
  g_assert_true (evident_revision_get_unrelated (revision));
  g_assert_cmpuint (evident_revision_get_warnings (revision)->len, >=, 1);
  g_assert_false (evident_revision_apply (revision, FALSE, &error));
  g_assert_error (error, EVIDENT_REVISION_ERROR, EVIDENT_REVISION_ERROR_UNRELATED);
  fixture_assert_contains (error, "0 of the checklist’s 12 items");

  after = dump (fixture->project);
  g_assert_cmpstr (after, ==, before);
  g_clear_object (&revision);
  fixture_close_project (&fixture->project);
  now = fixture_read_file (fixture->path);
  g_assert_true (g_bytes_equal (now, original));

  /* Forced, it applies: everything removed, into the archive. */
  fixture->project = fixture_open_project (fixture->path, EVIDENT_PROJECT_OPEN_DEFAULT);
  g_clear_error (&error);
  revision = evident_revision_new (fixture->project, unrelated, &error);
  g_assert_true (evident_revision_apply (revision, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (evident_project_get_items (fixture->project)), ==,
                    3);
  g_assert_cmpint (evident_project_get_rules (fixture->project)->mode, ==,
                   EVIDENT_SCORE_MODE_PASS_FAIL);
  g_assert_true (evident_project_undo (fixture->project, &error));
  g_clear_pointer (&after, g_free);
  after = dump (fixture->project);
  g_assert_cmpstr (after, ==, before);
  g_clear_object (&revision);
}

/* The plan made in a worker thread is the same plan. */
static void
new_async_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  EvidentRevision **revision = user_data;
  g_autoptr (GError) error = NULL;

  *revision = evident_revision_new_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (EvidentImport) import = fixture_read_checklist ("revision-4.2.csv");
  g_autoptr (EvidentRevision) revision = NULL;

  evident_revision_new_async (fixture->project, import, NULL, new_async_cb, &revision);
  while (revision == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_REWORDED), ==, 6);
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_SPLIT), ==, 1);
}

static void
apply_async_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (!evident_revision_apply_finish (EVIDENT_REVISION (object), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NONE, "applied");
}

/* Applying on a worker gives the project applying in the caller's thread
 * gives; undo takes it back the same; a stale plan changes nothing. */
static void
test_apply_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *before = dump (fixture->project);
  g_autofree char *applied = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *again = NULL;
  g_autoptr (EvidentRevision) revision =
    fixture_plan_revision (fixture->project, "revision-4.2.csv");
  g_autoptr (EvidentRevision) stale =
    fixture_plan_revision (fixture->project, "revision-4.1.1.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) done = NULL;

  evident_revision_apply_async (revision, FALSE, NULL, apply_async_cb, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (done, G_IO_ERROR, G_IO_ERROR_NONE);
  g_assert_cmpstr (evident_project_get_checklist_version (fixture->project), ==, "4.2");
  applied = dump (fixture->project);
  g_assert_true (evident_project_check (fixture->project, &error));
  g_assert_no_error (error);

  g_clear_error (&done);
  evident_revision_apply_async (stale, FALSE, NULL, apply_async_cb, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (done, EVIDENT_REVISION_ERROR, EVIDENT_REVISION_ERROR_STALE);
  refused = dump (fixture->project);
  g_assert_cmpstr (refused, ==, applied);

  g_assert_true (evident_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  undone = dump (fixture->project);
  g_assert_cmpstr (undone, ==, before);

  apply (fixture->project, "revision-4.2.csv");
  again = dump (fixture->project);
  g_assert_cmpstr (again, ==, applied);
}

/* The plan goes stale when the project's checklist changes under it. */
static void
test_stale (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (EvidentRevision) first = fixture_plan_revision (fixture->project, "revision-4.2.csv");
  g_autoptr (EvidentRevision) second =
    fixture_plan_revision (fixture->project, "revision-4.1.1.csv");
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_revision_apply (second, FALSE, &error));
  g_assert_false (evident_revision_apply (first, FALSE, &error));
  g_assert_error (error, EVIDENT_REVISION_ERROR, EVIDENT_REVISION_ERROR_STALE);
}

/* A workbook revised by a workbook: the new one is kept, the old one stays
 * with the old version. */
static EvidentImport *
read_workbook (const EvidentTestWorkbook *workbook,
               const char                *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = evident_test_workbook_build (workbook, &error);
  EvidentImport *import;

  g_assert_no_error (error);
  import = evident_import_new_for_bytes (bytes, name, NULL, &error);
  g_assert_no_error (error);
  return import;
}

static void
test_workbook (Fixture       *fixture,
               gconstpointer  data)
{
  const EvidentTestWorkbook *original = evident_test_workbook_get_default ();
  g_autoptr (EvidentImport) first = read_workbook (original, "Self-assessment 7.0.xlsx");
  g_autoptr (EvidentImport) second = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentRevision) revision = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "aws.evident", NULL);
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  g_autoptr (EvidentProject) project = NULL;
  EvidentTestWorkbook revised = *original;
  EvidentTestSheet sheets[2];
  EvidentTestSection sections[2];
  EvidentTestItem items[4];

  file = g_file_new_for_path (path);
  project = evident_project_create_from_import (file, NULL, first, NULL, &error);
  g_assert_no_error (error);
  before = dump (project);

  /* 7.1: OPSP-002 reworded, nothing answered. */
  memcpy (sheets, original->sheets, sizeof sheets);
  memcpy (sections, original->sheets[0].sections, sizeof sections);
  memcpy (items, sections[0].items, sizeof (EvidentTestItem) * 3);
  items[1].requirement = "Customer workloads are monitored day and night, and alerts reach an "
                         "on-call engineer within 15 minutes.";
  for (guint i = 0; i < 3; i++)
    items[i].met = items[i].response = NULL;
  sections[0].items = items;
  sheets[0].sections = sections;
  revised.sheets = sheets;
  second = read_workbook (&revised, "Self-assessment 7.1.xlsx");

  revision = evident_revision_new (project, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evident_revision_get_label (revision), ==, "7.1");
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_UNCHANGED), ==, 8);
  g_assert_cmpuint (evident_revision_get_count (revision, EVIDENT_REVISION_REWORDED), ==, 1);
  g_assert_true (evident_revision_apply (revision, FALSE, &error));
  g_assert_no_error (error);

  name = evident_project_dup_workbook_name (project);
  g_assert_cmpstr (name, ==, "Self-assessment 7.1.xlsx");
  /* The work stays: the answer in the old workbook was the project's. */
  g_assert_cmpint (evident_item_get_status (fixture_lookup (project, "OPSP-001")), ==,
                   EVIDENT_STATUS_MET);
  g_assert_true (evident_project_check (project, &error));
  g_assert_no_error (error);

  g_assert_true (evident_project_undo (project, &error));
  g_clear_pointer (&name, g_free);
  name = evident_project_dup_workbook_name (project);
  g_assert_cmpstr (name, ==, "Self-assessment 7.0.xlsx");
  undone = dump (project);
  g_assert_cmpstr (undone, ==, before);
  g_clear_object (&revision);
  fixture_close_project (&project);
}

/* An exempt chapter across a revision: its items keep their exemption,
 * the chapter (a new object) shows it, undo and lifting still work. */
static void
test_exemption (Fixture       *fixture,
                gconstpointer  data)
{
  EvidentAudit *audit = evident_audit_get_for_project (fixture->project);
  EvidentExemption *exemption;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  GListModel *chapters;
  EvidentChapter *security = NULL;

  exemption = evident_audit_exempt (audit, "3.0", "Security competency held", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (exemption);
  before = dump (fixture->project);

  apply (fixture->project, "revision-4.2.csv");
  g_assert_cmpint (evident_item_get_status (fixture_lookup (fixture->project, "3.2")), ==,
                   EVIDENT_STATUS_NOT_APPLICABLE);
  g_assert_false (evident_item_get_needs_recheck (fixture_lookup (fixture->project, "3.2")));
  chapters = evident_project_get_chapters (fixture->project);
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);

      if (g_str_equal (evident_chapter_get_number (chapter), "3.0"))
        security = chapter;
    }
  g_assert_nonnull (security);
  g_assert_nonnull (evident_chapter_get_exemption (security));
  g_assert_true (evident_project_check (fixture->project, &error));
  g_assert_no_error (error);

  g_assert_true (evident_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  undone = dump (fixture->project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (evident_project_redo (fixture->project, &error));
  g_assert_true (evident_audit_lift_exemption (audit, evident_audit_lookup_exemption (audit, "3.0"),
                                               NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evident_item_get_status (fixture_lookup (fixture->project, "3.2")), ==,
                   EVIDENT_STATUS_NOT_STARTED);
}

/* A project from before revisions: its checklist becomes its first
 * version, its history still undoes. */
static void
test_migrate (void)
{
  g_auto_tmp_dir dir = fixture_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "old.evident", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (EvidentRevision) revision = NULL;

  g_assert_true (evident_project_create_empty_at_version (file,
                                                         EVIDENT_REVISION_SCHEMA_VERSION - 1,
                                                         &error));
  g_assert_no_error (error);
  fixture_sqlite_exec_on (path,
      "INSERT INTO project (key, value) VALUES ('title', 'Fourth'), ('mode', 'points'),"
      " ('checklist-version', '1.0'), ('created', '2025-05-01T09:00:00Z');"
      "INSERT INTO chapters (id, position, number, title) VALUES (1, 0, '1', 'One');"
      "INSERT INTO items (id, position, ref, chapter_id, title, requirement, points, mandatory,"
      " status) VALUES (1, 0, '1.1', 1, 'Backups', 'Customer data is backed up every night.',"
      " 10, 1, 'met'),"
      " (2, 1, '1.2', 1, 'Restores', 'A restore is tested every year.', 10, 0, 'in-progress');"
      "INSERT INTO item_extras (item_id, position, name, value) VALUES (1, 0, 'Level', '2');"
      "INSERT INTO changes (id, at, who, kind, state)"
      " VALUES (1, '2025-05-01T09:00:00Z', 'Alice', 'edit', 0);"
      "INSERT INTO history (change_id, item_id, field, old_value, new_value)"
      " VALUES (1, 1, 'status', 'ready', 'met');");

  project = evident_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture_sqlite_int_on (path, "PRAGMA user_version"), ==,
                   EVIDENT_PROJECT_SCHEMA_VERSION);
  versions = evident_project_list_versions (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpstr (((EvidentChecklistVersion *) g_ptr_array_index (versions, 0))->label, ==, "1.0");
  g_assert_cmpuint (((EvidentChecklistVersion *) g_ptr_array_index (versions, 0))->n_items, ==, 2);
  g_assert_cmpint (fixture_sqlite_int_on (path, "SELECT count (*) FROM version_extras"), ==, 1);
  g_assert_true (evident_project_check (project, &error));
  g_assert_no_error (error);

  import = fixture_read_csv_text ("ref,chapter,title,requirement,points\n"
                      "1.1,1,Backups,Customer data is backed up every night.,10\n"
                      "1.2,1,Restore tests,A restore of customer data is tested every year.,10\n");
  revision = evident_revision_new (project, import, &error);
  g_assert_no_error (error);
  g_assert_true (evident_revision_apply (revision, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (evident_item_get_extra_field (fixture_lookup (project, "1.1"), "Level"), ==,
                   NULL);

  /* The revision, then the old edit. */
  g_assert_true (evident_project_undo (project, &error));
  g_assert_cmpstr (evident_item_get_extra_field (fixture_lookup (project, "1.1"), "Level"), ==,
                   "2");
  g_assert_true (evident_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evident_item_get_status (fixture_lookup (project, "1.1")), ==,
                   EVIDENT_STATUS_READY);
  g_assert_false (evident_project_get_can_undo (project));
  g_clear_object (&revision);
  fixture_close_project (&project);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data)                                                                      \
  g_test_add ("/revision/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("plan", test_plan, NULL);
  ADD ("apply", test_apply, NULL);
  ADD ("undo-redo", test_undo_redo, NULL);
  ADD ("twice", test_twice, NULL);
  ADD ("confirm", test_confirm, NULL);
  ADD ("overrides", test_overrides, NULL);
  ADD ("reattach", test_reattach, NULL);
  ADD ("refused", test_refused, NULL);
  ADD ("async", test_async, NULL);
  ADD ("apply-async", test_apply_async, NULL);
  ADD ("stale", test_stale, NULL);
  ADD ("workbook", test_workbook, "bare");
  ADD ("exemption", test_exemption, "bare");
#undef ADD
  g_test_add_func ("/revision/migrate", test_migrate);

  return g_test_run ();
}
