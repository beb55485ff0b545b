/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Exempting a whole chapter or section, and lifting the exemption. Each is
 * one edit: one transaction, one change, a history row per item field it
 * sets, one step of undo. The exemption records each item's status and
 * reason as they were, so that lifting it restores them, after a restart
 * and after other edits too. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-audit-private.h"
#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-project.h"

/* What a number names: a chapter, or a section of a chapter. */
typedef struct
{
  gint64  chapter_id;
  gint64  section_id; /* 0 for a whole chapter */
  char   *chapter;
  char   *section;
} Scope;

static void
scope_clear (Scope *scope)
{
  g_clear_pointer (&scope->chapter, g_free);
  g_clear_pointer (&scope->section, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scope, scope_clear)

/* A chapter's number, else a section's (which must be in one chapter). */
static gboolean
find_scope (EvidentAudit  *self,
            const char    *number,
            Scope         *scope,
            GError       **error)
{
  EvidentDb *db = evident_audit_get_db (self, error);
  g_auto (EvidentDbStatement) stmt = NULL;
  guint found = 0;
  int rc;

  if (db == NULL)
    return FALSE;
  stmt = evident_db_prepare (db,
                             "SELECT ch.id, 0, ch.number, NULL, 0 FROM chapters ch"
                             " WHERE ch.number = ?1"
                             " UNION ALL"
                             " SELECT s.chapter_id, s.id, ch.number, s.number, 1 FROM sections s"
                             "  JOIN chapters ch ON ch.id = s.chapter_id WHERE s.number = ?1"
                             " ORDER BY 5",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* A chapter wins over a section of the same number. */
      if (found > 0 && (scope->section_id == 0 || sqlite3_column_int64 (stmt, 1) == 0))
        continue;
      if (found++ > 0)
        break;
      scope->chapter_id = sqlite3_column_int64 (stmt, 0);
      scope->section_id = sqlite3_column_int64 (stmt, 1);
      scope->chapter = g_strdup (evident_db_column_text (stmt, 2));
      if (scope->section_id > 0)
        scope->section = g_strdup (evident_db_column_text (stmt, 3));
    }
  if (rc != SQLITE_ROW && !evident_db_step_end (db, stmt, rc, error))
    return FALSE;

  if (found == 0)
    g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND,
                 _("There is no chapter or section “%s”"), number);
  else if (found > 1)
    g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID,
                 _("There is a section “%s” in more than one chapter; exempt the chapter, or "
                   "give the section a number of its own"),
                 number);
  return found == 1;
}

/* An exemption in force that overlaps @scope: the same chapter or
 * section, the chapter of the section, or a section of the chapter. */
static EvidentExemption *
find_overlap (EvidentAudit *self,
              const Scope  *scope)
{
  GListModel *exemptions = evident_audit_get_exemptions (self);
  guint n = g_list_model_get_n_items (exemptions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentExemption) exemption = g_list_model_get_item (exemptions, i);
      const char *section = evident_exemption_get_section (exemption);

      if (g_str_equal (evident_exemption_get_chapter (exemption), scope->chapter)
          && (section == NULL || scope->section == NULL || g_str_equal (section, scope->section)))
        return exemption;
    }
  return NULL;
}

static gboolean
in_scope (const Scope *scope,
          EvidentItem *item)
{
  return g_str_equal (evident_item_get_chapter (item), scope->chapter)
         && (scope->section == NULL || g_str_equal (evident_item_get_section (item), scope->section));
}

/* Exempting */

/* An item's reason as the edits spell it: "" for none. */
static const char *
reason_of (EvidentItem *item)
{
  const char *reason = evident_item_get_reason (item);

  return reason != NULL ? reason : "";
}

typedef struct
{
  const Scope *scope;
  const char  *reason;
  gint64       evidence;
  GPtrArray   *items;
  gint64       id; /* once written */
} Exempt;

static gboolean
check_evidence (EvidentDb  *db,
                gint64      evidence,
                GError    **error)
{
  gint64 present = 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = evident_db_prepare (db, "SELECT removed_at IS NULL FROM evidence WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    present = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return evident_db_error (db, rc, error);
  if (!present)
    g_set_error_literal (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID,
                         _("The evidence given for the exemption is no longer part of the "
                           "project"));
  return present != 0;
}

static gboolean
write_exemption (EvidentDb  *db,
                 gint64      change,
                 gpointer    user_data,
                 GError    **error)
{
  Exempt *data = user_data;
  sqlite3_stmt *stmt;

  if (data->evidence > 0 && !check_evidence (db, data->evidence, error))
    return FALSE;

  stmt = evident_db_prepare (db,
                             "INSERT INTO exemptions (change_id, chapter_id, section_id, reason,"
                             " evidence_id) VALUES (?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  sqlite3_bind_int64 (stmt, 2, data->scope->chapter_id);
  if (data->scope->section_id > 0)
    sqlite3_bind_int64 (stmt, 3, data->scope->section_id);
  sqlite3_bind_text (stmt, 4, data->reason, -1, SQLITE_TRANSIENT);
  if (data->evidence > 0)
    sqlite3_bind_int64 (stmt, 5, data->evidence);
  if (!evident_db_step_done (db, stmt, error))
    return FALSE;
  data->id = evident_db_last_insert_id (db);

  for (guint i = 0; i < data->items->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (data->items, i);

      stmt = evident_db_prepare (db,
                                 "INSERT INTO exemption_items (exemption_id, item_id, status,"
                                 " reason) VALUES (?, ?, ?, ?)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->id);
      sqlite3_bind_int64 (stmt, 2, evident_item_get_id (item));
      sqlite3_bind_text (stmt, 3, evident_status_to_string (evident_item_get_status (item)), -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, reason_of (item), -1, SQLITE_TRANSIENT);
      if (!evident_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * evident_audit_exempt:
 * @self: an audit
 * @number: a chapter's number, or a section's (a chapter's wins when both
 *   have it)
 * @reason: why, e.g. "DevOps competency held, certificate attached"
 * @evidence: (nullable): evidence for it, attached to any item (e.g. the
 *   certificate on the chapter's first item)
 * @error: return location for an error
 *
 * Makes every item of the chapter or section not applicable with
 * @reason, recording the status and reason each had: one edit, one
 * transaction, a history row per field it sets, one step of undo (which
 * restores the items and takes the exemption back). Refused when the
 * chapter or section, or a part of it or the chapter it is in, is exempt
 * already.
 *
 * Returns: (transfer none): the exemption, or %NULL with @error set
 */
EvidentExemption *
evident_audit_exempt (EvidentAudit     *self,
                      const char       *number,
                      const char       *reason,
                      EvidentEvidence  *evidence,
                      GError          **error)
{
  g_autoptr (GArray) edits = evident_edits_new ();
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  g_autofree char *stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_auto (Scope) scope = { 0 };
  EvidentExemption *overlap;
  EvidentProject *project;
  Exempt data;
  GListModel *model;
  guint n;

  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (evidence == NULL || EVIDENT_IS_EVIDENCE (evidence), NULL);

  if (*stripped == '\0')
    {
      g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID,
                   _("Give a reason for exempting “%s”"), number);
      return NULL;
    }
  if (!find_scope (self, number, &scope, error))
    return NULL;
  overlap = find_overlap (self, &scope);
  if (overlap != NULL)
    {
      g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_EXEMPT,
                   _("“%s” is exempt already; lift that exemption first"),
                   evident_exemption_get_number (overlap));
      return NULL;
    }

  project = evident_audit_get_project (self);
  model = evident_project_get_items (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (model, i);

      if (!in_scope (&scope, item))
        continue;
      g_ptr_array_add (items, item);
      if (evident_item_get_status (item) != EVIDENT_STATUS_NOT_APPLICABLE)
        evident_edits_add (edits, item, 0, EVIDENT_ITEM_FIELD_STATUS,
                           evident_status_to_string (evident_item_get_status (item)),
                           evident_status_to_string (EVIDENT_STATUS_NOT_APPLICABLE));
      if (!g_str_equal (reason_of (item), stripped))
        evident_edits_add (edits, item, 0, EVIDENT_ITEM_FIELD_REASON, reason_of (item), stripped);
    }

  data = (Exempt) {
    &scope, stripped, evidence != NULL ? evident_evidence_get_id (evidence) : 0, items, 0,
  };
  if (!evident_audit_commit (self, edits, write_exemption, &data, error))
    return NULL;
  return evident_audit_lookup_exemption (self, scope.section != NULL ? scope.section
                                                                     : scope.chapter);
}

/* Lifting */

typedef struct
{
  gint64 exemption;
} Lift;

static gboolean
write_lift (EvidentDb  *db,
            gint64      change,
            gpointer    user_data,
            GError    **error)
{
  Lift *data = user_data;
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db, "UPDATE exemptions SET lift_change_id = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  sqlite3_bind_int64 (stmt, 2, data->exemption);
  return evident_db_step_done (db, stmt, error);
}

/* The edits that give each item of @exemption back the status and reason
 * it had, unless it was edited since: then it stays as it is, in @kept. */
static gboolean
collect_restores (EvidentAudit      *self,
                  EvidentExemption  *exemption,
                  GArray            *edits,
                  GPtrArray         *kept,
                  GError           **error)
{
  EvidentDb *db = evident_audit_get_db (self, error);
  EvidentProject *project = evident_audit_get_project (self);
  const char *reason = evident_exemption_get_reason (exemption);
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  if (db == NULL)
    return FALSE;
  stmt = evident_db_prepare (db,
                             "SELECT i.ref, x.status, x.reason FROM exemption_items x"
                             "  JOIN items i ON i.id = x.item_id"
                             " WHERE x.exemption_id = ? ORDER BY i.position",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evident_exemption_get_id (exemption));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EvidentItem *item = evident_project_lookup_item (project, evident_db_column_text (stmt, 0));
      const char *status = evident_db_column_text (stmt, 1);
      const char *old_reason = evident_db_column_text (stmt, 2);
      const char *current;

      if (item == NULL)
        continue;
      current = evident_status_to_string (evident_item_get_status (item));
      if (evident_item_get_status (item) != EVIDENT_STATUS_NOT_APPLICABLE
          || !g_str_equal (reason_of (item), reason))
        {
          g_ptr_array_add (kept, g_strdup (evident_item_get_ref (item)));
          continue;
        }
      if (!g_str_equal (current, status))
        evident_edits_add (edits, item, 0, EVIDENT_ITEM_FIELD_STATUS, current, status);
      if (!g_str_equal (reason_of (item), old_reason))
        evident_edits_add (edits, item, 0, EVIDENT_ITEM_FIELD_REASON, reason_of (item),
                           old_reason);
    }
  return evident_db_step_end (db, stmt, rc, error);
}

/**
 * evident_audit_lift_exemption:
 * @self: an audit
 * @exemption: an exemption in force
 * @kept: (out) (optional) (transfer full) (element-type utf8): the
 *   references of the items left as they are
 * @error: return location for an error
 *
 * Lifts the exemption: each of its items gets back the status and reason
 * it had before it, as recorded with the exemption. An item edited since
 * (its status or reason no longer the exemption's) keeps what it was
 * edited to: that later edit was a decision of its own, and lifting does
 * not overwrite it. One edit, one step of undo (which puts the exemption
 * back in force with its items).
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_audit_lift_exemption (EvidentAudit      *self,
                              EvidentExemption  *exemption,
                              GPtrArray        **kept,
                              GError           **error)
{
  g_autoptr (GArray) edits = evident_edits_new ();
  g_autoptr (GPtrArray) kept_refs = g_ptr_array_new_with_free_func (g_free);
  Lift data;

  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_EXEMPTION (exemption), FALSE);

  if (evident_audit_lookup_exemption (self, evident_exemption_get_number (exemption))
      != exemption)
    {
      g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND,
                   _("“%s” is no longer exempt"), evident_exemption_get_number (exemption));
      return FALSE;
    }
  if (!collect_restores (self, exemption, edits, kept_refs, error))
    return FALSE;

  data.exemption = evident_exemption_get_id (exemption);
  if (!evident_audit_commit (self, edits, write_lift, &data, error))
    return FALSE;
  if (kept != NULL)
    *kept = g_steal_pointer (&kept_refs);
  return TRUE;
}
