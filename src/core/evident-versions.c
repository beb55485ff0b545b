/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The checklist versions a project has been on, the archive of the items
 * revisions took out, and the two edits that go with them: evidence from
 * the archive put back on an item, and an item's re-check confirmed. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-enums-util.h"
#include "evident-history.h"
#include "evident-item.h"
#include "evident-project-private.h"
#include "evident-revision-store.h"
#include "evident-versions.h"

static void
mapping_free (EvidentVersionMapping *mapping)
{
  g_free (mapping->old_ref);
  g_free (mapping->new_ref);
  g_free (mapping);
}

void
evident_checklist_version_free (EvidentChecklistVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->label);
  g_clear_pointer (&version->applied_at, g_date_time_unref);
  g_free (version->file_name);
  g_clear_pointer (&version->mapping, g_ptr_array_unref);
  g_free (version);
}

static void
archived_evidence_free (EvidentArchivedEvidence *evidence)
{
  g_free (evidence->title);
  g_free (evidence->filename);
  g_free (evidence->url);
  g_free (evidence->sha256);
  g_free (evidence);
}

void
evident_archived_item_free (EvidentArchivedItem *item)
{
  if (item == NULL)
    return;
  g_free (item->ref);
  g_free (item->chapter);
  g_free (item->title);
  g_free (item->version);
  g_free (item->removed_in);
  g_free (item->merged_into);
  g_free (item->owner);
  g_free (item->reason);
  g_free (item->note);
  g_free (item->response);
  g_clear_pointer (&item->evidence, g_ptr_array_unref);
  g_free (item);
}

static char *
dup_column_or_null (sqlite3_stmt *stmt,
                    int           column)
{
  return evident_db_column_is_null (stmt, column)
             ? NULL
             : g_strdup (evident_db_column_text (stmt, column));
}

static EvidentDb *
project_db (EvidentProject  *self,
            GError         **error)
{
  EvidentDb *db = evident_project_get_db (self);

  if (db == NULL)
    g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                 _("“%s” is closed"), evident_project_get_path (self));
  return db;
}

/* Versions */

static gboolean
load_mapping (EvidentDb                *db,
              EvidentChecklistVersion  *version,
              GError                  **error)
{
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  stmt = evident_db_prepare (db,
                             "SELECT relation, old_ref, new_ref, similarity, manual"
                             "  FROM version_map WHERE version_id = ? ORDER BY id",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvidentVersionMapping *mapping = g_new0 (EvidentVersionMapping, 1);

      evident_revision_relation_from_string (evident_db_column_text (stmt, 0),
                                             &mapping->relation);
      mapping->old_ref = dup_column_or_null (stmt, 1);
      mapping->new_ref = dup_column_or_null (stmt, 2);
      mapping->similarity = sqlite3_column_double (stmt, 3);
      mapping->manual = sqlite3_column_int (stmt, 4) != 0;
      version->counts[mapping->relation]++;
      g_ptr_array_add (version->mapping, mapping);
    }
  return evident_db_step_end (db, stmt, rc, error);
}

/**
 * evident_project_list_versions:
 * @self: a project
 * @error: return location for an error
 *
 * Every version of the checklist the project has been on, oldest first,
 * each with the mapping from the one before (a revision since undone is
 * not among them).
 *
 * Returns: (transfer full) (element-type EvidentChecklistVersion): the
 *   versions, or %NULL with @error set
 */
GPtrArray *
evident_project_list_versions (EvidentProject  *self,
                               GError         **error)
{
  g_autoptr (GPtrArray) versions = NULL;
  g_auto (EvidentDbStatement) stmt = NULL;
  EvidentDb *db;
  gint64 current;
  int rc;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);

  if ((db = project_db (self, error)) == NULL
      || (current = evident_revision_store_get_current (db, error)) < 0)
    return NULL;
  stmt = evident_db_prepare (db,
                             "SELECT v.id, v.label, v.applied_at, v.source, v.mode,"
                             "       (SELECT count (*) FROM version_items i"
                             "         WHERE i.version_id = v.id)"
                             "  FROM checklist_versions v WHERE v.state = 0 ORDER BY v.id",
                             error);
  if (stmt == NULL)
    return NULL;

  versions = g_ptr_array_new_with_free_func ((GDestroyNotify) evident_checklist_version_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvidentChecklistVersion *version = g_new0 (EvidentChecklistVersion, 1);

      version->id = sqlite3_column_int64 (stmt, 0);
      version->label = g_strdup (evident_db_column_text (stmt, 1));
      version->applied_at = g_date_time_new_from_iso8601 (evident_db_column_text (stmt, 2), NULL);
      version->file_name = g_strdup (evident_db_column_text (stmt, 3));
      evident_score_mode_from_string (evident_db_column_text (stmt, 4), &version->mode);
      version->n_items = sqlite3_column_int (stmt, 5);
      version->current = version->id == current;
      version->mapping = g_ptr_array_new_with_free_func ((GDestroyNotify) mapping_free);
      g_ptr_array_add (versions, version);
    }
  if (!evident_db_step_end (db, stmt, rc, error))
    return NULL;

  for (guint i = 0; i < versions->len; i++)
    {
      if (!load_mapping (db, g_ptr_array_index (versions, i), error))
        return NULL;
    }
  return g_steal_pointer (&versions);
}

/* The archive */

static gboolean
load_archived_evidence (EvidentDb            *db,
                        EvidentArchivedItem  *item,
                        GError              **error)
{
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  stmt = evident_db_prepare (db,
                             "SELECT id, title, kind, filename, url, sha256 FROM evidence"
                             " WHERE item_id = ? AND removed_at IS NULL ORDER BY id",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvidentArchivedEvidence *evidence = g_new0 (EvidentArchivedEvidence, 1);

      evidence->id = sqlite3_column_int64 (stmt, 0);
      evidence->title = g_strdup (evident_db_column_text (stmt, 1));
      if (!evident_evidence_kind_from_string (evident_db_column_text (stmt, 2), &evidence->kind))
        evidence->kind = EVIDENT_EVIDENCE_KIND_OTHER;
      evidence->filename = dup_column_or_null (stmt, 3);
      evidence->url = dup_column_or_null (stmt, 4);
      evidence->sha256 = dup_column_or_null (stmt, 5);
      g_ptr_array_add (item->evidence, evidence);
    }
  return evident_db_step_end (db, stmt, rc, error);
}

static EvidentArchivedItem *
archived_item_from_row (sqlite3_stmt *stmt)
{
  EvidentArchivedItem *item = g_new0 (EvidentArchivedItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->ref = g_strdup (evident_db_column_text (stmt, 1));
  item->chapter = g_strdup (evident_db_column_text (stmt, 2));
  item->title = g_strdup (evident_db_column_text (stmt, 3));
  item->version = g_strdup (evident_db_column_text (stmt, 4));
  item->removed_in = g_strdup (evident_db_column_text (stmt, 5));
  if (!evident_revision_relation_from_string (evident_db_column_text (stmt, 6), &item->relation))
    item->relation = EVIDENT_REVISION_REMOVED;
  item->merged_into = item->relation == EVIDENT_REVISION_MERGED ? dup_column_or_null (stmt, 7)
                                                                 : NULL;
  if (!evident_status_from_string (evident_db_column_text (stmt, 8), &item->status))
    item->status = EVIDENT_STATUS_NOT_STARTED;
  item->owner = dup_column_or_null (stmt, 9);
  item->reason = dup_column_or_null (stmt, 10);
  item->note = dup_column_or_null (stmt, 11);
  item->response = dup_column_or_null (stmt, 12);
  item->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) archived_evidence_free);
  return item;
}

/**
 * evident_project_list_archive:
 * @self: a project
 * @error: return location for an error
 *
 * The items revisions took out of the checklist (removed, or merged into
 * another), each as it was in the last version it was in, with its state,
 * notes, response and evidence, in the order they were taken out. An item
 * brought by a revision since undone is not among them.
 *
 * Returns: (transfer full) (element-type EvidentArchivedItem): the items,
 *   or %NULL with @error set
 */
GPtrArray *
evident_project_list_archive (EvidentProject  *self,
                              GError         **error)
{
  g_autoptr (GPtrArray) items = NULL;
  g_auto (EvidentDbStatement) stmt = NULL;
  EvidentDb *db;
  int rc;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);

  if ((db = project_db (self, error)) == NULL)
    return NULL;
  /* Each archived item in the last applied version it was in (v), the
   * applied version after it (n) and what n's mapping says of it (m). */
  stmt = evident_db_prepare (db,
                             "SELECT i.id, vi.ref, vi.chapter, vi.title, v.label, n.label,"
                             "       m.relation, m.new_ref, i.status, o.name, i.reason, i.note,"
                             "       i.response"
                             "  FROM items i"
                             "  JOIN version_items vi ON vi.item_id = i.id"
                             "  JOIN checklist_versions v ON v.id = vi.version_id AND v.state = 0"
                             "  JOIN checklist_versions n ON n.previous_id = v.id AND n.state = 0"
                             "  LEFT JOIN version_map m ON m.version_id = n.id"
                             "                         AND m.old_item_id = i.id"
                             "                         AND m.relation IN ('merged', 'removed')"
                             "  LEFT JOIN owners o ON o.id = i.owner_id"
                             " WHERE NOT i.active"
                             "   AND vi.version_id = (SELECT max (x.version_id)"
                             "                          FROM version_items x"
                             "                          JOIN checklist_versions y"
                             "                            ON y.id = x.version_id AND y.state = 0"
                             "                         WHERE x.item_id = i.id)"
                             " ORDER BY n.id, vi.position",
                             error);
  if (stmt == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) evident_archived_item_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, archived_item_from_row (stmt));
  if (!evident_db_step_end (db, stmt, rc, error))
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      if (!load_archived_evidence (db, g_ptr_array_index (items, i), error))
        return NULL;
    }
  return g_steal_pointer (&items);
}

/* Putting archived evidence back */

typedef struct
{
  gint64 evidence_id;
} Reattach;

/* Inside the edit's transaction: the copy, hidden until the edit shows it. */
static gboolean
insert_copy_cb (EvidentDb  *db,
                GArray     *edits,
                gpointer    user_data,
                GError    **error)
{
  Reattach *reattach = user_data;
  EvidentEdit *edit = &g_array_index (edits, EvidentEdit, 0);
  EvidentEvidenceCopy copy = { 0 };

  if (!evident_revision_store_copy_one_evidence (db, reattach->evidence_id,
                                                 evident_edit_get_item_id (edit), TRUE, &copy,
                                                 error))
    return FALSE;
  edit->evidence = copy.id;
  g_free (copy.title);
  return TRUE;
}

/**
 * evident_project_reattach_evidence:
 * @self: a project
 * @evidence_id: a piece of evidence of an archived item
 *   (#EvidentArchivedEvidence:id)
 * @item: an item of the checklist
 * @error: return location for an error
 *
 * Adds the archived evidence to @item as well, sharing its stored bytes:
 * an edit of @item like any addition, undone by hiding it again. The
 * archived item keeps its own.
 *
 * Returns: %TRUE when added; %FALSE with %EVIDENT_PROJECT_ERROR_INVALID
 *   when the evidence is not an archived item's, or @item has it already
 */
gboolean
evident_project_reattach_evidence (EvidentProject  *self,
                                   gint64           evidence_id,
                                   EvidentItem     *item,
                                   GError         **error)
{
  g_autoptr (GArray) edits = evident_edits_new ();
  g_auto (EvidentDbStatement) stmt = NULL;
  g_autofree char *title = NULL;
  Reattach reattach = { evidence_id };
  gboolean archived;
  gboolean present;
  EvidentDb *db;
  int rc;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), FALSE);

  if ((db = project_db (self, error)) == NULL)
    return FALSE;
  stmt = evident_db_prepare (db,
                             "SELECT e.title, NOT i.active AND e.removed_at IS NULL,"
                             "       EXISTS (SELECT 1 FROM evidence t"
                             "                WHERE t.item_id = ?2 AND t.removed_at IS NULL"
                             "                  AND t.sha256 IS e.sha256 AND t.url IS e.url)"
                             "  FROM evidence e JOIN items i ON i.id = e.item_id WHERE e.id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_int64 (stmt, 2, evident_item_get_id (item));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return evident_db_error (db, rc, error);
  archived = rc == SQLITE_ROW && sqlite3_column_int (stmt, 1) != 0;
  present = rc == SQLITE_ROW && sqlite3_column_int (stmt, 2) != 0;
  title = rc == SQLITE_ROW ? g_strdup (evident_db_column_text (stmt, 0)) : NULL;
  sqlite3_reset (stmt);

  if (!archived)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, evidence_id);

      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                   _("Evidence %s is not in the archive"), number);
      return FALSE;
    }
  if (present)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                   _("Item %s has “%s” already"), evident_item_get_ref (item), title);
      return FALSE;
    }

  evident_edits_add (edits, item, 0, EVIDENT_ITEM_FIELD_EVIDENCE, "", title);
  return evident_project_commit_edits (self, edits, insert_copy_cb, &reattach, error);
}

/* Re-checks */

/**
 * evident_project_confirm_item:
 * @self: a project
 * @item: an item flagged "needs re-check" (evident_item_get_needs_recheck())
 * @status: (nullable): the status it gets; %NULL for the one it had
 *   before the revision (evident_item_get_recheck_status())
 * @error: return location for an error
 *
 * Someone checked the reworded item again: the flag is cleared and the
 * item gets @status. One edit, undone like any other. Setting an item's
 * status (evident_project_update_item()) clears the flag too.
 *
 * Returns: %TRUE when saved; %FALSE with %EVIDENT_PROJECT_ERROR_INVALID
 *   when @item needs no re-check
 */
gboolean
evident_project_confirm_item (EvidentProject  *self,
                              EvidentItem     *item,
                              const char      *status,
                              GError         **error)
{
  EvidentItemChange changes[2];

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), FALSE);

  if (!evident_item_get_needs_recheck (item))
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                   _("Item %s needs no re-check"), evident_item_get_ref (item));
      return FALSE;
    }
  changes[0] = (EvidentItemChange) { EVIDENT_ITEM_FIELD_RECHECK, "" };
  changes[1] = (EvidentItemChange) {
    EVIDENT_ITEM_FIELD_STATUS,
    status != NULL ? status : evident_status_to_string (evident_item_get_recheck_status (item)),
  };
  return evident_project_update_item (self, item, changes, 2, error);
}
