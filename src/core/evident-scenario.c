/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What-if scenarios: a layer of assumptions over a project ("this item
 * met, that one not"), scored by the very rules of the real score without
 * changing an item; kept in the project under a name; applied as one
 * edit. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "evident-enums-util.h"
#include "evident-history.h"
#include "evident-item-private.h"
#include "evident-project-private.h"
#include "evident-scenario.h"
#include "evident-scoring.h"

struct _EvidentScenario
{
  GObject         parent_instance;

  EvidentProject *project;
  gulong          changed_id;
  gulong          items_changed_id;
  char           *name;

  GPtrArray      *items;        /* EvidentItem, checklist order */
  GHashTable     *positions;    /* EvidentItem * → its position + 1 */
  guint8         *assumptions;  /* EvidentAssumption, one per item */
  EvidentStatus  *statuses;     /* what the score sees, one per item */
  guint           n_assumptions;

  EvidentScore   *score;
  gboolean        score_dirty;
};

G_DEFINE_FINAL_TYPE (EvidentScenario, evident_scenario, G_TYPE_OBJECT)
G_DEFINE_QUARK (evident-scenario-error-quark, evident_scenario_error)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_NAME,
  PROP_N_ASSUMPTIONS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *assumption_names[] = { "none", "met", "not-met" };

/* Helpers */

static void
set_n_assumptions (EvidentScenario *self,
                   guint            n_assumptions)
{
  if (self->n_assumptions == n_assumptions)
    return;
  self->n_assumptions = n_assumptions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ASSUMPTIONS]);
}

static void
invalidate (EvidentScenario *self)
{
  self->score_dirty = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The project's items, with the assumptions about those still there kept
 * (by id): at construction, and should the project's items ever change. */
static void
load_items (EvidentScenario *self)
{
  GListModel *model = evident_project_get_items (self->project);
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr (GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  /* The keys of @kept point into these, which live until the end. */
  g_autoptr (GPtrArray) old_items = g_steal_pointer (&self->items);
  guint n_assumptions = 0;

  for (guint i = 0; old_items != NULL && i < old_items->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (old_items, i);

      if (self->assumptions[i] != EVIDENT_ASSUMPTION_NONE)
        g_hash_table_insert (kept, &item->id, GUINT_TO_POINTER (self->assumptions[i]));
    }

  g_hash_table_remove_all (self->positions);
  self->items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (self->items, g_list_model_get_item (model, i));

  self->assumptions = g_renew (guint8, self->assumptions, MAX (n_items, 1));
  self->statuses = g_renew (EvidentStatus, self->statuses, MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    {
      EvidentItem *item = g_ptr_array_index (self->items, i);

      g_hash_table_insert (self->positions, item, GUINT_TO_POINTER (i + 1));
      self->assumptions[i] = GPOINTER_TO_UINT (g_hash_table_lookup (kept, &item->id));
      n_assumptions += self->assumptions[i] != EVIDENT_ASSUMPTION_NONE;
    }
  set_n_assumptions (self, n_assumptions);
}

static gboolean
lookup_position (EvidentScenario *self,
                 EvidentItem     *item,
                 guint           *position)
{
  guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, item));

  if (slot == 0)
    return FALSE;
  *position = slot - 1;
  return TRUE;
}

static EvidentStatus
assumed_status (EvidentAssumption assumption,
                EvidentStatus     status)
{
  switch (assumption)
    {
    case EVIDENT_ASSUMPTION_MET:
      return EVIDENT_STATUS_MET;
    case EVIDENT_ASSUMPTION_NOT_MET:
      return EVIDENT_STATUS_NOT_MET;
    case EVIDENT_ASSUMPTION_NONE:
    default:
      return status;
    }
}

/* Callbacks */

static void
project_changed_cb (EvidentScenario *self)
{
  invalidate (self);
}

static void
items_changed_cb (EvidentScenario *self)
{
  load_items (self);
  invalidate (self);
}

/* GObject */

static void
evident_scenario_constructed (GObject *object)
{
  EvidentScenario *self = EVIDENT_SCENARIO (object);

  G_OBJECT_CLASS (evident_scenario_parent_class)->constructed (object);

  g_assert (EVIDENT_IS_PROJECT (self->project));
  load_items (self);
  self->changed_id = g_signal_connect_swapped (self->project, "changed",
                                               G_CALLBACK (project_changed_cb), self);
  self->items_changed_id = g_signal_connect_swapped (evident_project_get_items (self->project),
                                                     "items-changed",
                                                     G_CALLBACK (items_changed_cb), self);
}

static void
evident_scenario_dispose (GObject *object)
{
  EvidentScenario *self = EVIDENT_SCENARIO (object);

  if (self->project != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->project);
      g_clear_signal_handler (&self->items_changed_id, evident_project_get_items (self->project));
      g_clear_object (&self->project);
    }
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (evident_scenario_parent_class)->dispose (object);
}

static void
evident_scenario_finalize (GObject *object)
{
  EvidentScenario *self = EVIDENT_SCENARIO (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->assumptions, g_free);
  g_clear_pointer (&self->statuses, g_free);
  g_clear_pointer (&self->score, evident_score_free);

  G_OBJECT_CLASS (evident_scenario_parent_class)->finalize (object);
}

static void
evident_scenario_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EvidentScenario *self = EVIDENT_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_N_ASSUMPTIONS:
      g_value_set_uint (value, self->n_assumptions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_scenario_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EvidentScenario *self = EVIDENT_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_scenario_class_init (EvidentScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = evident_scenario_constructed;
  object_class->dispose = evident_scenario_dispose;
  object_class->finalize = evident_scenario_finalize;
  object_class->get_property = evident_scenario_get_property;
  object_class->set_property = evident_scenario_set_property;

  /**
   * EvidentScenario:project:
   *
   * The project the scenario makes assumptions about; never changed by it
   * but through evident_scenario_apply().
   */
  properties[PROP_PROJECT] = g_param_spec_object ("project", NULL, NULL, EVIDENT_TYPE_PROJECT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                    | G_PARAM_STATIC_STRINGS);
  /**
   * EvidentScenario:name:
   *
   * The name it is kept under in the project, or %NULL while not saved.
   */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  /**
   * EvidentScenario:n-assumptions:
   *
   * How many items the scenario assumes met or not met.
   */
  properties[PROP_N_ASSUMPTIONS] = g_param_spec_uint ("n-assumptions", NULL, NULL, 0, G_MAXUINT,
                                                      0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentScenario::changed:
   *
   * Emitted when an assumption changes and when the project changes (an
   * edit, an undo, a redo): evident_scenario_get_score() then gives the
   * new score, computed when first asked for.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
evident_scenario_init (EvidentScenario *self)
{
  self->positions = g_hash_table_new (NULL, NULL);
  self->score_dirty = TRUE;
}

/* Public API */

/**
 * evident_scenario_new:
 * @project: a project
 *
 * Returns: (transfer full): a scenario over @project that assumes nothing
 *   yet
 */
EvidentScenario *
evident_scenario_new (EvidentProject *project)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);

  return g_object_new (EVIDENT_TYPE_SCENARIO, "project", project, NULL);
}

/**
 * evident_scenario_get_project:
 *
 * Returns: (transfer none): the project
 */
EvidentProject *
evident_scenario_get_project (EvidentScenario *self)
{
  g_return_val_if_fail (EVIDENT_IS_SCENARIO (self), NULL);
  return self->project;
}

/**
 * evident_scenario_get_name:
 *
 * Returns: (nullable): the name it is kept under, %NULL while not saved
 */
const char *
evident_scenario_get_name (EvidentScenario *self)
{
  g_return_val_if_fail (EVIDENT_IS_SCENARIO (self), NULL);
  return self->name;
}

/* Sets one assumption; TRUE when it changed. */
static gboolean
set_assumption (EvidentScenario   *self,
                guint              position,
                EvidentAssumption  assumption)
{
  EvidentAssumption old = self->assumptions[position];

  if (old == assumption)
    return FALSE;
  self->assumptions[position] = assumption;
  if (old == EVIDENT_ASSUMPTION_NONE)
    set_n_assumptions (self, self->n_assumptions + 1);
  else if (assumption == EVIDENT_ASSUMPTION_NONE)
    set_n_assumptions (self, self->n_assumptions - 1);
  return TRUE;
}

/**
 * evident_scenario_assume:
 * @self: a scenario
 * @item: an item of its project
 * @assumption: what to assume; %EVIDENT_ASSUMPTION_NONE takes the item as
 *   it is again
 *
 * Changes what the scenario assumes about @item; nothing is written.
 * Emits #EvidentScenario::changed when that changes anything.
 */
void
evident_scenario_assume (EvidentScenario   *self,
                         EvidentItem       *item,
                         EvidentAssumption  assumption)
{
  guint position;

  g_return_if_fail (EVIDENT_IS_SCENARIO (self));
  g_return_if_fail (EVIDENT_IS_ITEM (item));
  g_return_if_fail (assumption <= EVIDENT_ASSUMPTION_NOT_MET);

  if (!lookup_position (self, item, &position))
    {
      g_critical ("Item %s is not part of the scenario's project", evident_item_get_ref (item));
      return;
    }
  if (set_assumption (self, position, assumption))
    invalidate (self);
}

/**
 * evident_scenario_assume_chapter:
 * @self: a scenario
 * @chapter: a chapter's number, e.g. "8.0"
 * @assumption: what to assume about each of its items
 *
 * Assumes the same of every item of @chapter, as one change (one
 * #EvidentScenario::changed).
 *
 * Returns: the number of items in @chapter; 0 when there is no such chapter
 */
guint
evident_scenario_assume_chapter (EvidentScenario   *self,
                                 const char        *chapter,
                                 EvidentAssumption  assumption)
{
  gboolean changed = FALSE;
  guint n_items = 0;

  g_return_val_if_fail (EVIDENT_IS_SCENARIO (self), 0);
  g_return_val_if_fail (chapter != NULL, 0);
  g_return_val_if_fail (assumption <= EVIDENT_ASSUMPTION_NOT_MET, 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (self->items, i);

      if (!g_str_equal (item->chapter, chapter))
        continue;
      n_items++;
      changed |= set_assumption (self, i, assumption);
    }
  if (changed)
    invalidate (self);
  return n_items;
}

/**
 * evident_scenario_clear:
 *
 * Drops every assumption.
 */
void
evident_scenario_clear (EvidentScenario *self)
{
  g_return_if_fail (EVIDENT_IS_SCENARIO (self));

  if (self->n_assumptions == 0)
    return;
  memset (self->assumptions, EVIDENT_ASSUMPTION_NONE, self->items->len);
  set_n_assumptions (self, 0);
  invalidate (self);
}

EvidentAssumption
evident_scenario_get_assumption (EvidentScenario *self,
                                 EvidentItem     *item)
{
  guint position;

  g_return_val_if_fail (EVIDENT_IS_SCENARIO (self), EVIDENT_ASSUMPTION_NONE);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), EVIDENT_ASSUMPTION_NONE);

  if (!lookup_position (self, item, &position))
    return EVIDENT_ASSUMPTION_NONE;
  return self->assumptions[position];
}

guint
evident_scenario_get_n_assumptions (EvidentScenario *self)
{
  g_return_val_if_fail (EVIDENT_IS_SCENARIO (self), 0);
  return self->n_assumptions;
}

/**
 * evident_scenario_dup_items:
 * @self: a scenario
 * @assumption: which assumption; %EVIDENT_ASSUMPTION_NONE for the items
 *   it assumes anything about
 *
 * Returns: (transfer full) (element-type EvidentItem): the items, in
 *   checklist order
 */
GPtrArray *
evident_scenario_dup_items (EvidentScenario   *self,
                            EvidentAssumption  assumption)
{
  GPtrArray *items;

  g_return_val_if_fail (EVIDENT_IS_SCENARIO (self), NULL);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->items->len; i++)
    {
      if (self->assumptions[i] == EVIDENT_ASSUMPTION_NONE
          || (assumption != EVIDENT_ASSUMPTION_NONE && self->assumptions[i] != assumption))
        continue;
      g_ptr_array_add (items, g_object_ref (g_ptr_array_index (self->items, i)));
    }
  return items;
}

/**
 * evident_scenario_get_score:
 * @self: a scenario
 *
 * The score of every view with the scenario's assumptions, by the rules
 * of the real score (evident_score_compute_with_statuses()); computed
 * when first asked for after a change, in well under a millisecond for a
 * few hundred items.
 *
 * Returns: (transfer none): the score, valid until the next
 *   #EvidentScenario::changed
 */
const EvidentScore *
evident_scenario_get_score (EvidentScenario *self)
{
  g_return_val_if_fail (EVIDENT_IS_SCENARIO (self), NULL);

  if (self->score != NULL && !self->score_dirty)
    return self->score;

  for (guint i = 0; i < self->items->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (self->items, i);

      self->statuses[i] = assumed_status (self->assumptions[i], item->status);
    }
  g_clear_pointer (&self->score, evident_score_free);
  self->score = evident_score_compute_with_statuses (evident_project_get_rules (self->project),
                                                     evident_project_get_chapters (self->project),
                                                     (EvidentItem **) self->items->pdata,
                                                     self->statuses, self->items->len);
  self->score_dirty = FALSE;
  return self->score;
}

/**
 * evident_scenario_compute_heatmap:
 * @self: a scenario
 * @metric: what the heat map's values are
 *
 * The owner × complexity heat map with the scenario's assumptions
 * (evident_heatmap_compute_with_statuses()), for the heat map to follow
 * what-if mode as the score does.
 *
 * Returns: (transfer full): the heat map, to free with evident_heatmap_free()
 */
EvidentHeatmap *
evident_scenario_compute_heatmap (EvidentScenario      *self,
                                  EvidentHeatmapMetric  metric)
{
  g_return_val_if_fail (EVIDENT_IS_SCENARIO (self), NULL);

  /* The statuses are brought up to date with the score. */
  evident_scenario_get_score (self);
  return evident_heatmap_compute_with_statuses (evident_project_get_rules (self->project),
                                                (EvidentItem **) self->items->pdata,
                                                self->statuses, self->items->len, metric);
}

/**
 * evident_scenario_get_difference:
 * @self: a scenario
 * @view: a view
 *
 * Returns: the scenario's score of @view less the project's real one
 */
double
evident_scenario_get_difference (EvidentScenario *self,
                                 EvidentView      view)
{
  const EvidentScore *real;

  g_return_val_if_fail (EVIDENT_IS_SCENARIO (self), 0);
  g_return_val_if_fail (view < EVIDENT_N_VIEWS, 0);

  real = evident_project_get_score (self->project);
  return evident_scenario_get_score (self)->views[view].score - real->views[view].score;
}

/**
 * evident_scenario_apply:
 * @self: a scenario
 * @error: return location for an error
 *
 * Makes the assumptions real: an item assumed met gets the status met, one
 * assumed not met the status not-met. One edit of the project: one
 * transaction, a history row per item whose status changes, one step to
 * undo that restores every item. The assumptions stay; they now agree
 * with the project.
 *
 * Returns: %TRUE when saved (or when nothing had to change)
 */
gboolean
evident_scenario_apply (EvidentScenario  *self,
                        GError          **error)
{
  g_autoptr (GArray) edits = evident_edits_new ();

  g_return_val_if_fail (EVIDENT_IS_SCENARIO (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (self->items, i);
      EvidentStatus status = assumed_status (self->assumptions[i], item->status);

      if (status != item->status)
        evident_edits_add (edits, item, 0, EVIDENT_ITEM_FIELD_STATUS,
                           evident_status_to_string (item->status),
                           evident_status_to_string (status));
    }

  if (edits->len == 0)
    return TRUE;
  return evident_project_commit_edits (self->project, edits, NULL, NULL, error);
}

/* Kept in the project */

static gboolean
ensure_db (EvidentProject  *project,
           EvidentDb      **db,
           GError         **error)
{
  *db = evident_project_get_db (project);
  if (*db == NULL)
    {
      g_set_error_literal (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                           _("The project is closed"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  glong length;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, EVIDENT_SCENARIO_ERROR, EVIDENT_SCENARIO_ERROR_INVALID_NAME,
                           _("A scenario needs a name"));
      return FALSE;
    }
  length = g_utf8_strlen (name, -1);
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error_literal (error, EVIDENT_SCENARIO_ERROR,
                               EVIDENT_SCENARIO_ERROR_INVALID_NAME,
                               _("A scenario’s name must not hold line breaks or tabs"));
          return FALSE;
        }
    }
  if (length > EVIDENT_SCENARIO_MAX_NAME)
    {
      g_set_error (error, EVIDENT_SCENARIO_ERROR, EVIDENT_SCENARIO_ERROR_INVALID_NAME,
                   _("A scenario’s name can have at most %d characters"),
                   EVIDENT_SCENARIO_MAX_NAME);
      return FALSE;
    }
  return TRUE;
}

static void
set_not_found (const char  *name,
               GError     **error)
{
  g_set_error (error, EVIDENT_SCENARIO_ERROR, EVIDENT_SCENARIO_ERROR_NOT_FOUND,
               _("There is no scenario “%s” in the project"), name);
}

/**
 * evident_scenario_list:
 * @project: a project
 * @error: return location for an error
 *
 * Returns: (transfer full): the names of the scenarios kept in @project,
 *   sorted ignoring case
 */
char **
evident_scenario_list (EvidentProject  *project,
                       GError         **error)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  EvidentDb *db;
  int rc;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);

  if (!ensure_db (project, &db, error))
    return NULL;
  stmt = evident_db_prepare (db, "SELECT name FROM scenarios ORDER BY name COLLATE NOCASE, name",
                             error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, evident_db_column_text (stmt, 0));
  if (!evident_db_step_end (db, stmt, rc, error))
    return NULL;
  return g_strv_builder_end (names);
}

static gboolean
read_assumptions (EvidentScenario  *self,
                  EvidentDb        *db,
                  const char       *name,
                  GError          **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  gint64 id = -1;
  int rc;

  stmt = evident_db_prepare (db, "SELECT id FROM scenarios WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!evident_db_step_end (db, stmt, rc, error))
    return FALSE;
  if (id < 0)
    {
      set_not_found (name, error);
      return FALSE;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (self->items, i);

      g_hash_table_insert (by_id, &item->id, GUINT_TO_POINTER (i + 1));
    }

  stmt = evident_db_prepare (db,
                             "SELECT item_id, assumption FROM scenario_assumptions"
                             " WHERE scenario_id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 item_id = sqlite3_column_int64 (stmt, 0);
      guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, &item_id));
      EvidentAssumption assumption;

      if (slot != 0
          && evident_assumption_from_string (evident_db_column_text (stmt, 1), &assumption))
        set_assumption (self, slot - 1, assumption);
    }
  return evident_db_step_end (db, stmt, rc, error);
}

/**
 * evident_scenario_load:
 * @project: a project
 * @name: the name of a scenario kept in it
 * @error: return location for an error
 *
 * Returns: (transfer full): the scenario, or %NULL with
 *   %EVIDENT_SCENARIO_ERROR_NOT_FOUND when @project keeps none of that name
 */
EvidentScenario *
evident_scenario_load (EvidentProject  *project,
                       const char      *name,
                       GError         **error)
{
  g_autoptr (EvidentScenario) self = NULL;
  EvidentDb *db;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!ensure_db (project, &db, error))
    return NULL;

  self = evident_scenario_new (project);
  if (!evident_db_begin_read (db, error))
    return NULL;
  if (!read_assumptions (self, db, name, error))
    {
      evident_db_rollback (db);
      return NULL;
    }
  if (!evident_db_commit (db, error))
    return NULL;

  self->name = g_strdup (name);
  return g_steal_pointer (&self);
}

static gboolean
write_scenario (EvidentScenario  *self,
                EvidentDb        *db,
                const char       *name,
                GError          **error)
{
  g_autofree char *now = evident_history_now ();
  sqlite3_stmt *stmt;
  gint64 id = -1;

  stmt = evident_db_prepare (db,
                             "INSERT INTO scenarios (name, saved_at) VALUES (?1, ?2)"
                             " ON CONFLICT (name) DO UPDATE SET saved_at = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!evident_db_step_done (db, stmt, error))
    return FALSE;

  stmt = evident_db_prepare (db, "SELECT id FROM scenarios WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id < 0)
    return evident_db_error (db, SQLITE_CORRUPT, error);

  stmt = evident_db_prepare (db, "DELETE FROM scenario_assumptions WHERE scenario_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!evident_db_step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < self->items->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (self->items, i);

      if (self->assumptions[i] == EVIDENT_ASSUMPTION_NONE)
        continue;
      stmt = evident_db_prepare (db,
                                 "INSERT INTO scenario_assumptions (scenario_id, item_id,"
                                 " assumption) VALUES (?, ?, ?)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, item->id);
      sqlite3_bind_text (stmt, 3, evident_assumption_to_string (self->assumptions[i]), -1,
                         SQLITE_STATIC);
      if (!evident_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * evident_scenario_save:
 * @self: a scenario
 * @name: the name to keep it under in the project; one kept under the
 *   same name already is replaced
 * @error: return location for an error
 *
 * Keeps the scenario's assumptions in the project file, in one
 * transaction. Scenarios are not edits of items: saving one is not in
 * the history and not undone.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_scenario_save (EvidentScenario  *self,
                       const char       *name,
                       GError          **error)
{
  g_autofree char *stripped = NULL;
  EvidentDb *db;

  g_return_val_if_fail (EVIDENT_IS_SCENARIO (self), FALSE);

  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (!check_name (stripped, error) || !ensure_db (self->project, &db, error)
      || !evident_db_begin_write (db, error))
    return FALSE;
  if (!write_scenario (self, db, stripped, error) || !evident_db_commit (db, error))
    {
      evident_db_rollback (db);
      return FALSE;
    }

  if (g_strcmp0 (self->name, stripped) != 0)
    {
      g_free (self->name);
      self->name = g_steal_pointer (&stripped);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
  return TRUE;
}

/**
 * evident_scenario_delete:
 * @project: a project
 * @name: the name of a scenario kept in it
 * @error: return location for an error
 *
 * Returns: %TRUE when deleted; %FALSE with
 *   %EVIDENT_SCENARIO_ERROR_NOT_FOUND when @project keeps none of that name
 */
gboolean
evident_scenario_delete (EvidentProject  *project,
                         const char      *name,
                         GError         **error)
{
  sqlite3_stmt *stmt;
  EvidentDb *db;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!ensure_db (project, &db, error) || !evident_db_begin_write (db, error))
    return FALSE;
  stmt = evident_db_prepare (db, "DELETE FROM scenarios WHERE name = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!evident_db_step_done (db, stmt, error))
    goto failed;
  if (evident_db_changes (db) == 0)
    {
      set_not_found (name, error);
      goto failed;
    }
  return evident_db_commit (db, error);

failed:
  evident_db_rollback (db);
  return FALSE;
}

const char *
evident_assumption_to_string (EvidentAssumption assumption)
{
  g_return_val_if_fail (assumption < G_N_ELEMENTS (assumption_names), NULL);
  return assumption_names[assumption];
}

gboolean
evident_assumption_from_string (const char        *string,
                                EvidentAssumption *assumption)
{
  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (assumption_names); i++)
    {
      if (g_ascii_strcasecmp (string, assumption_names[i]) == 0)
        {
          *assumption = i;
          return TRUE;
        }
    }
  return FALSE;
}
