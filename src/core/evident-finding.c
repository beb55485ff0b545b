/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A finding of a session: what a reviewer or the auditor found on an item
 * (or on the session as a whole), open until addressed, by an edit that
 * fixed it or as a note says. Recording, addressing and reopening one are
 * edits: one transaction, one step of undo each. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-audit-private.h"
#include "evident-enums.h"
#include "evident-item.h"
#include "evident-project.h"

struct _EvidentFinding
{
  GObject              parent_instance;

  EvidentAudit        *audit; /* weak */
  gint64               id;
  gint64               session;
  EvidentItem         *item;
  EvidentVerdict       verdict;
  char                *text;
  GDateTime           *created;
  char                *created_by;

  EvidentFindingState  state;
  GDateTime           *addressed;
  char                *addressed_by;
  gint64               fixed_by;
  char                *fix_summary;
  char                *note;
};

G_DEFINE_FINAL_TYPE (EvidentFinding, evident_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SESSION,
  PROP_ITEM,
  PROP_VERDICT,
  PROP_TEXT,
  PROP_STATE,
  PROP_ADDRESSED,
  PROP_FIXED_BY,
  PROP_FIX_SUMMARY,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
evident_finding_state_to_string (EvidentFindingState state)
{
  switch (state)
    {
    case EVIDENT_FINDING_OPEN:
      return "open";
    case EVIDENT_FINDING_ADDRESSED:
      return "addressed";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
evident_finding_dispose (GObject *object)
{
  EvidentFinding *self = EVIDENT_FINDING (object);

  if (self->audit != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->audit), (gpointer *) &self->audit);
  self->audit = NULL;
  g_clear_object (&self->item);

  G_OBJECT_CLASS (evident_finding_parent_class)->dispose (object);
}

static void
evident_finding_finalize (GObject *object)
{
  EvidentFinding *self = EVIDENT_FINDING (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->created_by, g_free);
  g_clear_pointer (&self->addressed, g_date_time_unref);
  g_clear_pointer (&self->addressed_by, g_free);
  g_clear_pointer (&self->fix_summary, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (evident_finding_parent_class)->finalize (object);
}

static void
evident_finding_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EvidentFinding *self = EVIDENT_FINDING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SESSION:
      g_value_set_object (value, evident_finding_get_session (self));
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_VERDICT:
      g_value_set_enum (value, self->verdict);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ADDRESSED:
      g_value_set_boxed (value, self->addressed);
      break;
    case PROP_FIXED_BY:
      g_value_set_int64 (value, self->fixed_by);
      break;
    case PROP_FIX_SUMMARY:
      g_value_set_string (value, self->fix_summary);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_finding_class_init (EvidentFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = evident_finding_dispose;
  object_class->finalize = evident_finding_finalize;
  object_class->get_property = evident_finding_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, EVIDENT_TYPE_SESSION,
                                                  ro);
  /* NULL for a finding on the session as a whole. */
  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, EVIDENT_TYPE_ITEM, ro);
  /* The verdict it was recorded with; none for a finding of its own. */
  properties[PROP_VERDICT] = g_param_spec_enum ("verdict", NULL, NULL, EVIDENT_TYPE_VERDICT,
                                                EVIDENT_VERDICT_NONE, ro);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, ro);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, EVIDENT_TYPE_FINDING_STATE,
                                              EVIDENT_FINDING_OPEN, ro);
  properties[PROP_ADDRESSED] = g_param_spec_boxed ("addressed", NULL, NULL, G_TYPE_DATE_TIME,
                                                   ro);
  /* The change (a row of the history, evident_project_get_history()) that
   * addressed it, or 0. */
  properties[PROP_FIXED_BY] = g_param_spec_int64 ("fixed-by", NULL, NULL, 0, G_MAXINT64, 0, ro);
  /* What that change did: "8.2.1 status → met". */
  properties[PROP_FIX_SUMMARY] = g_param_spec_string ("fix-summary", NULL, NULL, NULL, ro);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evident_finding_init (EvidentFinding *self)
{
}

/* Made and updated by the audit */

static void
set_string (EvidentFinding *self,
            char          **field,
            const char     *value,
            guint           prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  if (prop != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
evident_finding_update (EvidentFinding          *self,
                        const EvidentFindingRow *row)
{
  gboolean same_time = (self->addressed == NULL) == (row->addressed == NULL)
                       && (self->addressed == NULL
                           || g_date_time_equal (self->addressed, row->addressed));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->state != row->state)
    {
      self->state = row->state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (!same_time)
    {
      g_clear_pointer (&self->addressed, g_date_time_unref);
      self->addressed = row->addressed != NULL ? g_date_time_ref (row->addressed) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESSED]);
    }
  set_string (self, &self->addressed_by, row->addressed_by, PROP_0);
  if (self->fixed_by != row->fixed_by)
    {
      self->fixed_by = row->fixed_by;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIXED_BY]);
    }
  set_string (self, &self->fix_summary, row->fix_summary, PROP_FIX_SUMMARY);
  set_string (self, &self->note, row->note, PROP_NOTE);
  g_object_thaw_notify (G_OBJECT (self));
}

EvidentFinding *
evident_finding_new (EvidentAudit            *audit,
                     const EvidentFindingRow *row)
{
  EvidentFinding *self = g_object_new (EVIDENT_TYPE_FINDING, NULL);

  self->audit = audit;
  g_object_add_weak_pointer (G_OBJECT (audit), (gpointer *) &self->audit);
  self->id = row->id;
  self->session = row->session;
  self->item = row->item != NULL ? g_object_ref (row->item) : NULL;
  self->verdict = row->verdict;
  self->text = g_strdup (row->text);
  self->created = g_date_time_ref (row->created);
  self->created_by = g_strdup (row->created_by);
  evident_finding_update (self, row);
  return self;
}

/* Reading */

gint64
evident_finding_get_id (EvidentFinding *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDING (self), 0);
  return self->id;
}

gint64
evident_finding_get_session_id (EvidentFinding *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDING (self), 0);
  return self->session;
}

/**
 * evident_finding_get_session:
 *
 * Returns: (transfer none) (nullable): the session it was found in
 */
EvidentSession *
evident_finding_get_session (EvidentFinding *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDING (self), NULL);
  return self->audit != NULL ? evident_audit_lookup_session (self->audit, self->session) : NULL;
}

/**
 * evident_finding_get_item:
 *
 * Returns: (transfer none) (nullable): the item; %NULL for a finding on
 *   the session as a whole
 */
EvidentItem *
evident_finding_get_item (EvidentFinding *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDING (self), NULL);
  return self->item;
}

/* The verdict it came with; none for a finding recorded on its own. */
EvidentVerdict
evident_finding_get_verdict (EvidentFinding *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDING (self), EVIDENT_VERDICT_NONE);
  return self->verdict;
}

const char *
evident_finding_get_text (EvidentFinding *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDING (self), NULL);
  return self->text;
}

/**
 * evident_finding_get_created:
 *
 * Returns: (transfer none): when it was recorded, in UTC
 */
GDateTime *
evident_finding_get_created (EvidentFinding *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDING (self), NULL);
  return self->created;
}

const char *
evident_finding_get_created_by (EvidentFinding *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDING (self), NULL);
  return self->created_by;
}

EvidentFindingState
evident_finding_get_state (EvidentFinding *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDING (self), EVIDENT_FINDING_OPEN);
  return self->state;
}

/**
 * evident_finding_get_addressed:
 *
 * Returns: (transfer none) (nullable): when it was addressed; %NULL while open
 */
GDateTime *
evident_finding_get_addressed (EvidentFinding *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDING (self), NULL);
  return self->addressed;
}

/* Who addressed it; NULL while open. */
const char *
evident_finding_get_addressed_by (EvidentFinding *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDING (self), NULL);
  return self->addressed_by;
}

/* The change that addressed it (its id in the history), or 0. */
gint64
evident_finding_get_fixed_by (EvidentFinding *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDING (self), 0);
  return self->fixed_by;
}

/* What that change did, e.g. "8.2.1 status → met"; NULL without one. */
const char *
evident_finding_get_fix_summary (EvidentFinding *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDING (self), NULL);
  return self->fix_summary;
}

/* The note it was addressed with, or NULL. */
const char *
evident_finding_get_note (EvidentFinding *self)
{
  g_return_val_if_fail (EVIDENT_IS_FINDING (self), NULL);
  return self->note;
}

/* Edits */

typedef struct
{
  gint64               session;
  EvidentItem         *item;
  const char          *text;
  gint64               finding;
  EvidentFindingState  state;
  gint64               fixed_by;
  const char          *note;
} FindingEdit;

static gboolean
write_finding (EvidentDb  *db,
               gint64      change,
               gpointer    user_data,
               GError    **error)
{
  FindingEdit *data = user_data;
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             "INSERT INTO findings (change_id, session_id, item_id, text)"
                             " VALUES (?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  sqlite3_bind_int64 (stmt, 2, data->session);
  if (data->item != NULL)
    sqlite3_bind_int64 (stmt, 3, evident_item_get_id (data->item));
  sqlite3_bind_text (stmt, 4, data->text, -1, SQLITE_TRANSIENT);
  if (!evident_db_step_done (db, stmt, error))
    return FALSE;
  data->finding = evident_db_last_insert_id (db);
  return TRUE;
}

/**
 * evident_session_add_finding:
 * @session: a session
 * @item: (nullable): the item; %NULL for a finding on the session as a
 *   whole (the auditor's closing findings)
 * @text: what was found
 * @error: return location for an error
 *
 * Records a finding without a verdict, open: one edit, one step of undo.
 * A closed session takes findings too, as they are presented at its end.
 *
 * Returns: (transfer none): the finding, or %NULL with @error set
 */
EvidentFinding *
evident_session_add_finding (EvidentSession  *session,
                             EvidentItem     *item,
                             const char      *text,
                             GError         **error)
{
  g_autoptr (GArray) edits = evident_edits_new ();
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  FindingEdit data = { evident_session_get_id (session), item, stripped };
  EvidentAudit *audit = evident_session_get_audit (session);

  g_return_val_if_fail (EVIDENT_IS_SESSION (session), NULL);
  g_return_val_if_fail (item == NULL || EVIDENT_IS_ITEM (item), NULL);

  if (!evident_session_check_live (session, FALSE, error)
      || (item != NULL && !evident_audit_check_item (audit, item, error)))
    return NULL;
  if (*stripped == '\0')
    {
      g_set_error_literal (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_INVALID,
                           _("Say what was found"));
      return NULL;
    }
  if (item != NULL && !evident_session_check_covers (session, item, error))
    return NULL;
  if (!evident_audit_commit (audit, edits, write_finding, &data, error))
    return NULL;
  return evident_audit_lookup_finding (audit, data.finding);
}

static gboolean
write_update (EvidentDb  *db,
              gint64      change,
              gpointer    user_data,
              GError    **error)
{
  FindingEdit *data = user_data;
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             "INSERT INTO finding_updates (change_id, finding_id, state, fixed_by,"
                             " note) VALUES (?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  sqlite3_bind_int64 (stmt, 2, data->finding);
  sqlite3_bind_text (stmt, 3, evident_finding_state_to_string (data->state), -1, SQLITE_STATIC);
  if (data->fixed_by > 0)
    sqlite3_bind_int64 (stmt, 4, data->fixed_by);
  if (data->note != NULL)
    sqlite3_bind_text (stmt, 5, data->note, -1, SQLITE_TRANSIENT);
  return evident_db_step_done (db, stmt, error);
}

static gboolean
check_live (EvidentFinding  *self,
            GError         **error)
{
  if (self->audit == NULL || evident_audit_lookup_finding (self->audit, self->id) != self)
    {
      g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND,
                   _("Finding %lld is no longer part of the project"), (long long) self->id);
      return FALSE;
    }
  return evident_audit_get_db (self->audit, error) != NULL;
}

/* Whether @change is an edit in effect, which a finding can point at. */
static gboolean
check_fix (EvidentAudit  *audit,
           gint64         change,
           GError       **error)
{
  EvidentDb *db = evident_audit_get_db (audit, error);
  sqlite3_stmt *stmt;
  gboolean found;
  int rc;

  if (db == NULL)
    return FALSE;
  stmt = evident_db_prepare (db,
                             "SELECT 1 FROM changes"
                             " WHERE id = ? AND kind = 'edit' AND state IN (0, 3)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change);
  rc = sqlite3_step (stmt);
  found = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return evident_db_error (db, rc, error);
  if (!found)
    g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND,
                 _("There is no edit %lld in effect to address the finding with"),
                 (long long) change);
  return found;
}

/**
 * evident_finding_address:
 * @self: a finding
 * @fixed_by: the change that addressed it (an edit in effect, e.g. the one
 *   that set the item met; see evident_audit_find_last_change()), or 0
 * @note: (nullable): how it was addressed
 * @error: return location for an error
 *
 * Marks the finding addressed, linked to the edit that fixed it or with a
 * note, or both: one edit, one step of undo. Addressing it again replaces
 * the link and the note.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_finding_address (EvidentFinding  *self,
                         gint64           fixed_by,
                         const char      *note,
                         GError         **error)
{
  g_autoptr (GArray) edits = evident_edits_new ();
  g_autofree char *stripped = g_strstrip (g_strdup (note != NULL ? note : ""));
  FindingEdit data = {
    .finding = self->id,
    .state = EVIDENT_FINDING_ADDRESSED,
    .fixed_by = fixed_by,
    .note = *stripped != '\0' ? stripped : NULL,
  };

  g_return_val_if_fail (EVIDENT_IS_FINDING (self), FALSE);
  g_return_val_if_fail (fixed_by >= 0, FALSE);

  if (!check_live (self, error) || (fixed_by > 0 && !check_fix (self->audit, fixed_by, error)))
    return FALSE;
  return evident_audit_commit (self->audit, edits, write_update, &data, error);
}

/**
 * evident_finding_reopen:
 * @self: a finding
 * @error: return location for an error
 *
 * Opens an addressed finding again (the fix did not hold): one edit, one
 * step of undo.
 *
 * Returns: %TRUE when saved (or the finding was open already)
 */
gboolean
evident_finding_reopen (EvidentFinding  *self,
                        GError         **error)
{
  g_autoptr (GArray) edits = evident_edits_new ();
  FindingEdit data = { .finding = self->id, .state = EVIDENT_FINDING_OPEN };

  g_return_val_if_fail (EVIDENT_IS_FINDING (self), FALSE);

  if (!check_live (self, error))
    return FALSE;
  if (self->state == EVIDENT_FINDING_OPEN)
    return TRUE;
  return evident_audit_commit (self->audit, edits, write_update, &data, error);
}

/**
 * evident_audit_find_last_change:
 * @self: an audit
 * @item: an item
 * @error: return location for an error
 *
 * The newest edit in effect of @item's fields or evidence: the change a
 * finding on it was most likely addressed by.
 *
 * Returns: the change's id, or 0 with @error set when there is none
 */
gint64
evident_audit_find_last_change (EvidentAudit  *self,
                                EvidentItem   *item,
                                GError       **error)
{
  EvidentDb *db;
  sqlite3_stmt *stmt;
  gint64 change = 0;
  int rc;

  g_return_val_if_fail (EVIDENT_IS_AUDIT (self), 0);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), 0);

  db = evident_audit_get_db (self, error);
  if (db == NULL)
    return 0;
  stmt = evident_db_prepare (db,
                             "SELECT max (h.change_id) FROM history h"
                             "  JOIN changes c ON c.id = h.change_id"
                             " WHERE h.item_id = ? AND c.kind = 'edit' AND c.state IN (0, 3)",
                             error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, evident_item_get_id (item));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    change = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    evident_db_error (db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  else if (change == 0)
    g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND,
                 _("Item %s has no edit in effect"), evident_item_get_ref (item));
  return change;
}
