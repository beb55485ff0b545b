/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The audit of a project, as the main thread sees it: the exemptions in
 * force, the sessions (dry runs, pre-audits, validation audits) with their
 * verdicts and agendas, and the findings, as list models that follow every
 * edit, undo and redo. Every decision a user records is an edit through
 * the project's commit path, and so one step of undo; the lists are read
 * again from the file whenever an edit, an undo or a redo touched them. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-audit-private.h"
#include "evident-chapter-private.h"
#include "evident-item.h"
#include "evident-project-private.h"

struct _EvidentAudit
{
  GObject         parent_instance;

  EvidentProject *project;        /* weak */
  GListStore     *exemptions;
  GListStore     *sessions;
  GListStore     *findings;
  GListStore     *open_findings;
  GHashTable     *sessions_by_id; /* id → EvidentSession */
  GHashTable     *findings_by_id; /* id → EvidentFinding */

  /* The audit's changes in effect when the lists were read: an edit, an
   * undo or a redo changes their number by one, or leaves it. */
  gint64          n_live;
  gint64          live_sum;
  guint           has_tables : 1;
};

G_DEFINE_FINAL_TYPE (EvidentAudit, evident_audit, G_TYPE_OBJECT)
G_DEFINE_QUARK (evident-audit-error-quark, evident_audit_error)

enum {
  PROP_0,
  PROP_N_OPEN_FINDINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark
audit_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("evident-audit");
  return quark;
}

static void
evident_audit_dispose (GObject *object)
{
  EvidentAudit *self = EVIDENT_AUDIT (object);

  if (self->project != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->project), (gpointer *) &self->project);
  self->project = NULL;

  G_OBJECT_CLASS (evident_audit_parent_class)->dispose (object);
}

static void
evident_audit_finalize (GObject *object)
{
  EvidentAudit *self = EVIDENT_AUDIT (object);

  g_clear_object (&self->exemptions);
  g_clear_object (&self->sessions);
  g_clear_object (&self->findings);
  g_clear_object (&self->open_findings);
  g_clear_pointer (&self->sessions_by_id, g_hash_table_unref);
  g_clear_pointer (&self->findings_by_id, g_hash_table_unref);

  G_OBJECT_CLASS (evident_audit_parent_class)->finalize (object);
}

static void
evident_audit_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EvidentAudit *self = EVIDENT_AUDIT (object);

  switch (prop_id)
    {
    case PROP_N_OPEN_FINDINGS:
      g_value_set_uint (value, evident_audit_get_n_open_findings (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_audit_class_init (EvidentAuditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_audit_dispose;
  object_class->finalize = evident_audit_finalize;
  object_class->get_property = evident_audit_get_property;

  /**
   * EvidentAudit:n-open-findings:
   *
   * The findings still to address, for the overview.
   */
  properties[PROP_N_OPEN_FINDINGS] =
      g_param_spec_uint ("n-open-findings", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evident_audit_init (EvidentAudit *self)
{
  self->exemptions = g_list_store_new (EVIDENT_TYPE_EXEMPTION);
  self->sessions = g_list_store_new (EVIDENT_TYPE_SESSION);
  self->findings = g_list_store_new (EVIDENT_TYPE_FINDING);
  self->open_findings = g_list_store_new (EVIDENT_TYPE_FINDING);
  self->sessions_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                g_object_unref);
  self->findings_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                g_object_unref);
}

/* Reading the file */

static gboolean
read_live (EvidentAudit  *self,
           EvidentDb     *db,
           gint64        *n_live,
           gint64        *live_sum,
           GError       **error)
{
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  stmt = evident_db_prepare (db,
                             "SELECT count (*), coalesce (sum (a.change_id), 0)"
                             "  FROM audit_changes a JOIN changes c ON c.id = a.change_id"
                             " WHERE c.state IN (0, 3)",
                             error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return evident_db_error (db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  *n_live = sqlite3_column_int64 (stmt, 0);
  *live_sum = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* The findings still open, in the order of all findings. */
static void
update_open_findings (EvidentAudit *self)
{
  g_autoptr (GPtrArray) open = g_ptr_array_new ();
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (self->open_findings));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));

  for (guint i = 0; i < n; i++)
    {
      EvidentFinding *finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);

      if (evident_finding_get_state (finding) == EVIDENT_FINDING_OPEN)
        g_ptr_array_add (open, finding);
      g_object_unref (finding);
    }
  evident_audit_replace_list (self->open_findings, open);
  if (open->len != n_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN_FINDINGS]);
}

static void
update_chapters (EvidentAudit *self)
{
  GListModel *chapters = evident_project_get_chapters (self->project);
  guint n = g_list_model_get_n_items (chapters);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);

      evident_chapter_set_exemption (
          chapter, evident_audit_lookup_exemption (self, evident_chapter_get_number (chapter)));
    }
}

/* Reads everything again, in a read transaction the caller began. */
static gboolean
reload_in_transaction (EvidentAudit  *self,
                       EvidentDb     *db,
                       GError       **error)
{
  if (!self->has_tables)
    return TRUE;

  if (!read_live (self, db, &self->n_live, &self->live_sum, error)
      || !evident_audit_load_exemptions (self, db, self->exemptions, error)
      || !evident_audit_load_sessions (self, db, self->sessions, self->sessions_by_id, error)
      || !evident_audit_load_findings (self, db, self->findings, self->findings_by_id, error))
    return FALSE;

  update_open_findings (self);
  update_chapters (self);
  return TRUE;
}

gboolean
evident_audit_reload (EvidentAudit  *self,
                      GError       **error)
{
  EvidentDb *db = evident_audit_get_db (self, error);

  if (db == NULL || !evident_db_begin_read (db, error))
    return FALSE;
  if (!reload_in_transaction (self, db, error))
    {
      evident_db_rollback (db);
      return FALSE;
    }
  return evident_db_commit (db, error);
}

/* For the project */

/**
 * evident_audit_load:
 * @project: a project being opened, its chapters and items loaded
 * @error: return location for an error
 *
 * Makes the project's audit and reads it, inside the project's read
 * transaction. A file too old to have the audit's tables (one opened only
 * to be inspected) has an empty audit.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_audit_load (EvidentProject  *project,
                    GError         **error)
{
  EvidentAudit *self = g_object_new (EVIDENT_TYPE_AUDIT, NULL);
  EvidentDb *db = evident_project_get_db (project);
  gint64 has_tables = 0;

  self->project = project;
  g_object_add_weak_pointer (G_OBJECT (project), (gpointer *) &self->project);
  g_object_set_qdata_full (G_OBJECT (project), audit_quark (), self, g_object_unref);

  if (!evident_db_query_int64 (db,
                               "SELECT count (*) FROM sqlite_master"
                               " WHERE type = 'table' AND name = 'audit_changes'",
                               &has_tables, error))
    return FALSE;
  self->has_tables = has_tables != 0;
  return reload_in_transaction (self, db, error);
}

/**
 * evident_audit_sync:
 * @project: a project
 *
 * After an edit, an undo or a redo: reads the audit again when the change
 * made, undid or redid one of its rows, and marks the sessions' scores
 * stale (the items' statuses may have changed).
 */
void
evident_audit_sync (EvidentProject *project)
{
  EvidentAudit *self = g_object_get_qdata (G_OBJECT (project), audit_quark ());
  g_autoptr (GError) error = NULL;
  EvidentDb *db = evident_project_get_db (project);
  gint64 n_live = 0, live_sum = 0;
  guint n_sessions;

  if (self == NULL || db == NULL || !self->has_tables)
    return;

  n_sessions = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr (EvidentSession) session = g_list_model_get_item (G_LIST_MODEL (self->sessions),
                                                                  i);

      evident_session_invalidate (session);
    }

  if (!read_live (self, db, &n_live, &live_sum, &error))
    {
      g_warning ("Cannot read the audit of %s: %s", evident_project_get_path (project),
                 error->message);
      return;
    }
  if (n_live == self->n_live && live_sum == self->live_sum)
    return;
  if (!evident_audit_reload (self, &error))
    g_warning ("Cannot read the audit of %s: %s", evident_project_get_path (project),
               error->message);
}

/* Writing */

EvidentDb *
evident_audit_get_db (EvidentAudit  *self,
                      GError       **error)
{
  EvidentDb *db = self->project != NULL ? evident_project_get_db (self->project) : NULL;

  if (db == NULL)
    g_set_error_literal (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                         _("The project is closed"));
  return db;
}

typedef struct
{
  EvidentAuditWriteFunc  write;
  gpointer               data;
} Prepare;

/* Inside the edit's transaction, after its row in `changes`: the newest. */
static gboolean
prepare_cb (EvidentDb  *db,
            GArray     *edits,
            gpointer    user_data,
            GError    **error)
{
  Prepare *prepare = user_data;
  sqlite3_stmt *stmt;
  gint64 change = 0;

  if (!evident_db_query_int64 (db, "SELECT max (id) FROM changes", &change, error))
    return FALSE;
  stmt = evident_db_prepare (db, "INSERT INTO audit_changes (change_id) VALUES (?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  return evident_db_step_done (db, stmt, error) && prepare->write (db, change, prepare->data, error);
}

/**
 * evident_audit_commit:
 * @self: an audit
 * @edits: (element-type EvidentEdit): fields of items the edit sets too;
 *   may be empty
 * @write: writes the audit's rows of the edit
 * @data: data for @write
 * @error: return location for an error
 *
 * One edit: one transaction, one change, the items' history rows, one
 * step of undo. When it returns, the audit's lists, the items and the
 * score are up to date and #EvidentProject::changed was emitted.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_audit_commit (EvidentAudit           *self,
                      GArray                 *edits,
                      EvidentAuditWriteFunc   write,
                      gpointer                data,
                      GError                **error)
{
  Prepare prepare = { write, data };

  if (evident_audit_get_db (self, error) == NULL)
    return FALSE;
  return evident_project_commit_edits (self->project, edits, prepare_cb, &prepare, error);
}

/**
 * evident_audit_write:
 * @self: an audit
 * @write: writes the rows; its change is 0
 * @data: data for @write
 * @error: return location for an error
 *
 * Writes what is not an edit (the agenda's plan and times) in one
 * transaction, then reads the audit again.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_audit_write (EvidentAudit           *self,
                     EvidentAuditWriteFunc   write,
                     gpointer                data,
                     GError                **error)
{
  EvidentDb *db = evident_audit_get_db (self, error);

  if (db == NULL || !evident_db_begin_write (db, error))
    return FALSE;
  if (!write (db, 0, data, error) || !evident_db_commit (db, error))
    {
      evident_db_rollback (db);
      return FALSE;
    }
  return evident_audit_reload (self, error);
}

/* Helpers for the audit's parts */

/* The id of the chapter @number, or an error naming it. */
gboolean
evident_audit_find_chapter (EvidentAudit  *self,
                            const char    *number,
                            gint64        *id,
                            GError       **error)
{
  EvidentDb *db = evident_audit_get_db (self, error);
  sqlite3_stmt *stmt;
  int rc;

  if (db == NULL)
    return FALSE;
  stmt = evident_db_prepare (db, "SELECT id FROM chapters WHERE number = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return evident_db_error (db, rc, error);
  g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND,
               _("There is no chapter “%s”"), number);
  return FALSE;
}

/* Whether @item is one of the project's items, or an error saying not. */
gboolean
evident_audit_check_item (EvidentAudit  *self,
                          EvidentItem   *item,
                          GError       **error)
{
  if (self->project == NULL
      || evident_project_lookup_item (self->project, evident_item_get_ref (item)) != item)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NO_SUCH_ITEM,
                   _("Item %s is not part of this project"), evident_item_get_ref (item));
      return FALSE;
    }
  return TRUE;
}

/* Times in the file: UTC, to the second. */
char *
evident_audit_format_time (GDateTime *time)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

GDateTime *
evident_audit_parse_time (const char *text)
{
  GDateTime *time = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return time != NULL ? time : g_date_time_new_from_unix_utc (0);
}

/* Replaces the contents of @list by @objects, when they differ. */
void
evident_audit_replace_list (GListStore *list,
                            GPtrArray  *objects)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  gboolean same = n == objects->len;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr (GObject) object = g_list_model_get_item (G_LIST_MODEL (list), i);

      same = object == g_ptr_array_index (objects, i);
    }
  if (!same)
    g_list_store_splice (list, 0, n, objects->pdata, objects->len);
}

/* Public API */

/**
 * evident_audit_get_for_project:
 * @project: an open project
 *
 * The audit of a project: made when the project opens, it lives as long
 * as the project. Main thread only.
 *
 * Returns: (transfer none): the audit
 */
EvidentAudit *
evident_audit_get_for_project (EvidentProject *project)
{
  EvidentAudit *self;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);

  self = g_object_get_qdata (G_OBJECT (project), audit_quark ());
  g_return_val_if_fail (self != NULL, NULL);
  return self;
}

/**
 * evident_audit_get_project:
 *
 * Returns: (transfer none) (nullable): the project, %NULL once it is gone
 */
EvidentProject *
evident_audit_get_project (EvidentAudit *self)
{
  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), NULL);
  return self->project;
}

/**
 * evident_audit_get_exemptions:
 *
 * Returns: (transfer none): the exemptions in force (#EvidentExemption),
 *   in checklist order
 */
GListModel *
evident_audit_get_exemptions (EvidentAudit *self)
{
  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), NULL);
  return G_LIST_MODEL (self->exemptions);
}

/**
 * evident_audit_lookup_exemption:
 * @self: an audit
 * @number: a chapter's or a section's number
 *
 * Returns: (transfer none) (nullable): the exemption in force of that
 *   chapter or section (the chapter's, when a chapter and a section have
 *   the same number)
 */
EvidentExemption *
evident_audit_lookup_exemption (EvidentAudit *self,
                                const char   *number)
{
  EvidentExemption *found = NULL;
  guint n;

  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->exemptions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentExemption) exemption =
          g_list_model_get_item (G_LIST_MODEL (self->exemptions), i);

      if (evident_exemption_get_section (exemption) == NULL
          && g_str_equal (evident_exemption_get_chapter (exemption), number))
        return exemption;
      if (found == NULL && g_strcmp0 (evident_exemption_get_section (exemption), number) == 0)
        found = exemption;
    }
  return found;
}

/**
 * evident_audit_get_item_exemption:
 *
 * Returns: (transfer none) (nullable): the exemption in force that covers
 *   @item
 */
EvidentExemption *
evident_audit_get_item_exemption (EvidentAudit *self,
                                  EvidentItem  *item)
{
  guint n;

  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), NULL);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->exemptions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentExemption) exemption =
          g_list_model_get_item (G_LIST_MODEL (self->exemptions), i);

      if (evident_exemption_covers (exemption, item))
        return exemption;
    }
  return NULL;
}

/**
 * evident_audit_get_sessions:
 *
 * Returns: (transfer none): the sessions (#EvidentSession), by date
 */
GListModel *
evident_audit_get_sessions (EvidentAudit *self)
{
  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), NULL);
  return G_LIST_MODEL (self->sessions);
}

/**
 * evident_audit_lookup_session:
 *
 * Returns: (transfer none) (nullable): the session @id
 */
EvidentSession *
evident_audit_lookup_session (EvidentAudit *self,
                              gint64        id)
{
  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), NULL);
  return g_hash_table_lookup (self->sessions_by_id, &id);
}

/**
 * evident_audit_get_findings:
 *
 * Returns: (transfer none): every finding (#EvidentFinding), oldest first
 */
GListModel *
evident_audit_get_findings (EvidentAudit *self)
{
  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), NULL);
  return G_LIST_MODEL (self->findings);
}

/**
 * evident_audit_get_open_findings:
 *
 * Returns: (transfer none): the findings still open (#EvidentFinding),
 *   oldest first
 */
GListModel *
evident_audit_get_open_findings (EvidentAudit *self)
{
  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), NULL);
  return G_LIST_MODEL (self->open_findings);
}

guint
evident_audit_get_n_open_findings (EvidentAudit *self)
{
  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->open_findings));
}

/**
 * evident_audit_lookup_finding:
 *
 * Returns: (transfer none) (nullable): the finding @id
 */
EvidentFinding *
evident_audit_lookup_finding (EvidentAudit *self,
                              gint64        id)
{
  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), NULL);
  return g_hash_table_lookup (self->findings_by_id, &id);
}

/**
 * evident_audit_list_findings:
 * @self: an audit
 * @session: (nullable): only this session's
 * @item: (nullable): only this item's
 * @open_only: only those still open
 *
 * Returns: (transfer full) (element-type EvidentFinding): the findings,
 *   oldest first
 */
GPtrArray *
evident_audit_list_findings (EvidentAudit   *self,
                             EvidentSession *session,
                             EvidentItem    *item,
                             gboolean        open_only)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), found);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings),
                                                                  i);

      if ((session == NULL || evident_finding_get_session (finding) == session)
          && (item == NULL || evident_finding_get_item (finding) == item)
          && (!open_only || evident_finding_get_state (finding) == EVIDENT_FINDING_OPEN))
        g_ptr_array_add (found, g_steal_pointer (&finding));
    }
  return found;
}
