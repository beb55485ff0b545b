/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A session on the way to the audit (dry run, pre-audit, validation
 * audit): what it is, its state, the verdicts given in it and the score
 * as it reads them. The audit makes and updates sessions from the file;
 * their edits are in evident-session-edit.c, their agenda in
 * evident-session-agenda.c. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-audit-private.h"
#include "evident-enums.h"
#include "evident-enums-util.h"
#include "evident-item-private.h"
#include "evident-project.h"
#include "evident-scoring-private.h"

struct _EvidentSession
{
  GObject              parent_instance;

  EvidentAudit        *audit; /* weak */
  gint64               id;
  EvidentSessionKind   kind;
  char                *date;
  char                *title;
  char               **chapters;
  char               **participants;
  guint                days;
  int                  day_start;
  guint                day_minutes;
  GDateTime           *created;
  char                *created_by;

  EvidentSessionState  state;
  GHashTable          *verdicts; /* item id → EvidentVerdict, the newest in effect */
  guint                n_items;
  guint                counts[EVIDENT_N_VERDICTS];
  EvidentScore        *score;    /* NULL: to compute */
  GArray              *plans;    /* EvidentSessionPlan */
  GArray              *times;    /* EvidentSessionTime */
  char                *current_chapter;
};

G_DEFINE_FINAL_TYPE (EvidentSession, evident_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_DATE,
  PROP_TITLE,
  PROP_CHAPTERS,
  PROP_PARTICIPANTS,
  PROP_DAYS,
  PROP_STATE,
  PROP_N_ITEMS,
  PROP_N_PASSED,
  PROP_N_FAILED,
  PROP_N_OBSERVATIONS,
  PROP_N_NOT_REACHED,
  PROP_N_PENDING,
  PROP_CURRENT_CHAPTER,
  N_PROPS
};

enum {
  AGENDA_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *kind_names[EVIDENT_N_SESSION_KINDS] = { "dry-run", "pre-audit", "audit" };
static const char *state_names[EVIDENT_N_SESSION_STATES] = { "planned", "open", "closed" };
static const char *verdict_names[EVIDENT_N_VERDICTS] = {
  "none", "passed", "failed", "observation", "not-reached",
};

/* The count of each verdict's property; none: pending. */
static const guint count_props[EVIDENT_N_VERDICTS] = {
  PROP_N_PENDING, PROP_N_PASSED, PROP_N_FAILED, PROP_N_OBSERVATIONS, PROP_N_NOT_REACHED,
};

static gboolean
lookup_name (const char  *string,
             const char **names,
             guint        n_names,
             guint       *index)
{
  for (guint i = 0; string != NULL && i < n_names; i++)
    {
      if (g_ascii_strcasecmp (string, names[i]) == 0)
        {
          *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
evident_session_kind_to_string (EvidentSessionKind kind)
{
  g_return_val_if_fail (kind < EVIDENT_N_SESSION_KINDS, NULL);
  return kind_names[kind];
}

gboolean
evident_session_kind_from_string (const char         *string,
                                  EvidentSessionKind *kind)
{
  guint i;

  if (!lookup_name (string, kind_names, EVIDENT_N_SESSION_KINDS, &i))
    return FALSE;
  *kind = i;
  return TRUE;
}

const char *
evident_session_kind_get_label (EvidentSessionKind kind)
{
  switch (kind)
    {
    case EVIDENT_SESSION_DRY_RUN:
      return _("Dry run");
    case EVIDENT_SESSION_PRE_AUDIT:
      return _("Pre-audit");
    case EVIDENT_SESSION_AUDIT:
      return _("Validation audit");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
evident_session_state_to_string (EvidentSessionState state)
{
  g_return_val_if_fail (state < EVIDENT_N_SESSION_STATES, NULL);
  return state_names[state];
}

gboolean
evident_session_state_from_string (const char          *string,
                                   EvidentSessionState *state)
{
  guint i;

  if (!lookup_name (string, state_names, EVIDENT_N_SESSION_STATES, &i))
    return FALSE;
  *state = i;
  return TRUE;
}

const char *
evident_verdict_to_string (EvidentVerdict verdict)
{
  g_return_val_if_fail (verdict < EVIDENT_N_VERDICTS, NULL);
  return verdict_names[verdict];
}

/* Reads a verdict given by a user or the file; "none" is no verdict. */
gboolean
evident_verdict_from_string (const char     *string,
                             EvidentVerdict *verdict)
{
  guint i;

  if (!lookup_name (string, verdict_names, EVIDENT_N_VERDICTS, &i)
      || i == EVIDENT_VERDICT_NONE)
    return FALSE;
  *verdict = i;
  return TRUE;
}

const char *
evident_verdict_get_label (EvidentVerdict verdict)
{
  switch (verdict)
    {
    case EVIDENT_VERDICT_NONE:
      return _("No verdict");
    case EVIDENT_VERDICT_PASSED:
      return _("Passed");
    case EVIDENT_VERDICT_FAILED:
      return _("Failed");
    case EVIDENT_VERDICT_OBSERVATION:
      return _("Observation");
    case EVIDENT_VERDICT_NOT_REACHED:
      return _("Not reached");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * evident_session_settings_init:
 * @settings: settings to fill
 *
 * A dry run of the whole checklist, today, with the default days and
 * hours.
 */
void
evident_session_settings_init (EvidentSessionSettings *settings)
{
  *settings = (EvidentSessionSettings) { .kind = EVIDENT_SESSION_DRY_RUN, .day_start = -1 };
}

/* GObject */

static void
evident_session_dispose (GObject *object)
{
  EvidentSession *self = EVIDENT_SESSION (object);

  if (self->audit != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->audit), (gpointer *) &self->audit);
  self->audit = NULL;

  G_OBJECT_CLASS (evident_session_parent_class)->dispose (object);
}

static void
evident_session_finalize (GObject *object)
{
  EvidentSession *self = EVIDENT_SESSION (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->chapters, g_strfreev);
  g_clear_pointer (&self->participants, g_strfreev);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->created_by, g_free);
  g_clear_pointer (&self->verdicts, g_hash_table_unref);
  g_clear_pointer (&self->score, evident_score_free);
  g_clear_pointer (&self->plans, g_array_unref);
  g_clear_pointer (&self->times, g_array_unref);
  g_clear_pointer (&self->current_chapter, g_free);

  G_OBJECT_CLASS (evident_session_parent_class)->finalize (object);
}

static void
evident_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EvidentSession *self = EVIDENT_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CHAPTERS:
      g_value_set_boxed (value, self->chapters);
      break;
    case PROP_PARTICIPANTS:
      g_value_set_boxed (value, self->participants);
      break;
    case PROP_DAYS:
      g_value_set_uint (value, self->days);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_N_PASSED:
      g_value_set_uint (value, self->counts[EVIDENT_VERDICT_PASSED]);
      break;
    case PROP_N_FAILED:
      g_value_set_uint (value, self->counts[EVIDENT_VERDICT_FAILED]);
      break;
    case PROP_N_OBSERVATIONS:
      g_value_set_uint (value, self->counts[EVIDENT_VERDICT_OBSERVATION]);
      break;
    case PROP_N_NOT_REACHED:
      g_value_set_uint (value, self->counts[EVIDENT_VERDICT_NOT_REACHED]);
      break;
    case PROP_N_PENDING:
      g_value_set_uint (value, self->counts[EVIDENT_VERDICT_NONE]);
      break;
    case PROP_CURRENT_CHAPTER:
      g_value_set_string (value, self->current_chapter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_session_class_init (EvidentSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = evident_session_dispose;
  object_class->finalize = evident_session_finalize;
  object_class->get_property = evident_session_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, EVIDENT_TYPE_SESSION_KIND,
                                             EVIDENT_SESSION_DRY_RUN, ro);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  /* The chapters in scope; empty: the whole checklist. */
  properties[PROP_CHAPTERS] = g_param_spec_boxed ("chapters", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_PARTICIPANTS] = g_param_spec_boxed ("participants", NULL, NULL, G_TYPE_STRV,
                                                      ro);
  properties[PROP_DAYS] = g_param_spec_uint ("days", NULL, NULL, 1, EVIDENT_SESSION_MAX_DAYS, 1,
                                             ro);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, EVIDENT_TYPE_SESSION_STATE,
                                              EVIDENT_SESSION_PLANNED, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_PASSED] = g_param_spec_uint ("n-passed", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_FAILED] = g_param_spec_uint ("n-failed", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_OBSERVATIONS] = g_param_spec_uint ("n-observations", NULL, NULL, 0,
                                                       G_MAXUINT, 0, ro);
  properties[PROP_N_NOT_REACHED] = g_param_spec_uint ("n-not-reached", NULL, NULL, 0, G_MAXUINT,
                                                      0, ro);
  /* Items in scope without a verdict yet. */
  properties[PROP_N_PENDING] = g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0, ro);
  /* The chapter whose time is running, or NULL. */
  properties[PROP_CURRENT_CHAPTER] = g_param_spec_string ("current-chapter", NULL, NULL, NULL,
                                                          ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentSession::agenda-changed:
   *
   * Emitted when the agenda's plan or its recorded times changed (a
   * chapter started or stopped, minutes planned): read it again with
   * evident_session_dup_agenda().
   */
  signals[AGENDA_CHANGED] = g_signal_new ("agenda-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
evident_session_init (EvidentSession *self)
{
}

/* Made and updated by the audit */

EvidentSession *
evident_session_new (EvidentAudit            *audit,
                     const EvidentSessionRow *row,
                     char                   **chapters,
                     char                   **participants)
{
  EvidentSession *self = g_object_new (EVIDENT_TYPE_SESSION, NULL);

  self->audit = audit;
  g_object_add_weak_pointer (G_OBJECT (audit), (gpointer *) &self->audit);
  self->id = row->id;
  self->kind = row->kind;
  self->date = g_strdup (row->date);
  self->title = g_strdup (row->title);
  self->chapters = g_strdupv (chapters);
  self->participants = g_strdupv (participants);
  self->days = row->days;
  self->day_start = row->day_start;
  self->day_minutes = row->day_minutes;
  self->created = g_date_time_ref (row->created);
  self->created_by = g_strdup (row->created_by);
  return self;
}

static gboolean
same_plans (GArray *a,
            GArray *b)
{
  if ((a != NULL ? a->len : 0) != (b != NULL ? b->len : 0))
    return FALSE;
  for (guint i = 0; a != NULL && i < a->len; i++)
    {
      EvidentSessionPlan *pa = &g_array_index (a, EvidentSessionPlan, i);
      EvidentSessionPlan *pb = &g_array_index (b, EvidentSessionPlan, i);

      if (pa->chapter_id != pb->chapter_id || pa->day != pb->day || pa->minutes != pb->minutes)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_times (GArray *a,
            GArray *b)
{
  if ((a != NULL ? a->len : 0) != (b != NULL ? b->len : 0))
    return FALSE;
  for (guint i = 0; a != NULL && i < a->len; i++)
    {
      EvidentSessionTime *ta = &g_array_index (a, EvidentSessionTime, i);
      EvidentSessionTime *tb = &g_array_index (b, EvidentSessionTime, i);

      if (g_strcmp0 (ta->chapter, tb->chapter) != 0 || ta->start != tb->start
          || ta->stop != tb->stop)
        return FALSE;
    }
  return TRUE;
}

static void
update_counts (EvidentSession *self)
{
  EvidentProject *project = self->audit != NULL ? evident_audit_get_project (self->audit) : NULL;
  GListModel *items = project != NULL ? evident_project_get_items (project) : NULL;
  guint counts[EVIDENT_N_VERDICTS] = { 0 };
  guint n_items = 0;
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (!evident_session_covers (self, item))
        continue;
      n_items++;
      counts[evident_session_get_verdict (self, item)]++;
    }

  if (n_items != self->n_items)
    {
      self->n_items = n_items;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  for (guint v = 0; v < EVIDENT_N_VERDICTS; v++)
    {
      if (counts[v] != self->counts[v])
        {
          self->counts[v] = counts[v];
          g_object_notify_by_pspec (G_OBJECT (self), properties[count_props[v]]);
        }
    }
}

/* The chapter of the running time, if any. */
static const char *
running_chapter (GArray *times)
{
  for (guint i = 0; times != NULL && i < times->len; i++)
    {
      EvidentSessionTime *time = &g_array_index (times, EvidentSessionTime, i);

      if (time->stop == 0)
        return time->chapter;
    }
  return NULL;
}

/**
 * evident_session_update:
 * @self: a session
 * @state: its state in effect
 * @verdicts: (nullable): item id → its verdict in effect
 * @plans: (nullable) (element-type EvidentSessionPlan): minutes planned
 *   by hand
 * @times: (nullable) (element-type EvidentSessionTime): the time recorded
 *
 * What the file says now; notifies what changed.
 */
void
evident_session_update (EvidentSession      *self,
                        EvidentSessionState  state,
                        GHashTable          *verdicts,
                        GArray              *plans,
                        GArray              *times)
{
  gboolean agenda_changed = !same_plans (self->plans, plans) || !same_times (self->times, times);
  const char *current = running_chapter (times);

  g_object_freeze_notify (G_OBJECT (self));

  if (state != self->state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  g_clear_pointer (&self->verdicts, g_hash_table_unref);
  self->verdicts = verdicts != NULL ? g_hash_table_ref (verdicts) : NULL;
  g_clear_pointer (&self->score, evident_score_free);
  update_counts (self);

  if (agenda_changed)
    {
      g_clear_pointer (&self->plans, g_array_unref);
      g_clear_pointer (&self->times, g_array_unref);
      self->plans = plans != NULL ? g_array_ref (plans) : NULL;
      self->times = times != NULL ? g_array_ref (times) : NULL;
    }
  if (g_strcmp0 (current, self->current_chapter) != 0)
    {
      g_free (self->current_chapter);
      self->current_chapter = g_strdup (current);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_CHAPTER]);
    }

  g_object_thaw_notify (G_OBJECT (self));
  if (agenda_changed)
    g_signal_emit (self, signals[AGENDA_CHANGED], 0);
}

/* After an edit of items: the score is computed again when asked for. */
void
evident_session_invalidate (EvidentSession *self)
{
  g_return_if_fail (EVIDENT_IS_SESSION (self));
  g_clear_pointer (&self->score, evident_score_free);
}

EvidentAudit *
evident_session_get_audit (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), NULL);
  return self->audit;
}

/* For evident-session-agenda.c: what the file says of the agenda. */
GArray *
evident_session_peek_plans (EvidentSession *self)
{
  return self->plans;
}

GArray *
evident_session_peek_times (EvidentSession *self)
{
  return self->times;
}

/* Reading */

gint64
evident_session_get_id (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), 0);
  return self->id;
}

EvidentSessionKind
evident_session_get_kind (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), EVIDENT_SESSION_DRY_RUN);
  return self->kind;
}

/* The (first) day, YYYY-MM-DD. */
const char *
evident_session_get_date (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), NULL);
  return self->date;
}

/* The title given, or "". */
const char *
evident_session_get_title (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), NULL);
  return self->title;
}

/**
 * evident_session_get_chapters:
 *
 * Returns: (transfer none): the numbers of the chapters in scope, in
 *   checklist order; empty when the session covers the whole checklist
 */
const char * const *
evident_session_get_chapters (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), NULL);
  return (const char * const *) self->chapters;
}

/* Whether the session covers the whole checklist. */
gboolean
evident_session_get_everything (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), FALSE);
  return self->chapters[0] == NULL;
}

/**
 * evident_session_get_participants:
 *
 * Returns: (transfer none): the reviewers or auditors, by name
 */
const char * const *
evident_session_get_participants (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), NULL);
  return (const char * const *) self->participants;
}

guint
evident_session_get_days (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), 1);
  return self->days;
}

/* When its days start, in minutes after midnight (local time). */
int
evident_session_get_day_start (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), 0);
  return self->day_start;
}

guint
evident_session_get_day_minutes (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), 0);
  return self->day_minutes;
}

EvidentSessionState
evident_session_get_state (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), EVIDENT_SESSION_PLANNED);
  return self->state;
}

/**
 * evident_session_get_created:
 *
 * Returns: (transfer none): when the session was recorded, in UTC
 */
GDateTime *
evident_session_get_created (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), NULL);
  return self->created;
}

const char *
evident_session_get_created_by (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), NULL);
  return self->created_by;
}

/* Whether @item is in the session's scope. */
gboolean
evident_session_covers (EvidentSession *self,
                        EvidentItem    *item)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), FALSE);

  return self->chapters[0] == NULL
         || g_strv_contains ((const char * const *) self->chapters,
                             evident_item_get_chapter (item));
}

/* The items in scope. */
guint
evident_session_get_n_items (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), 0);
  return self->n_items;
}

/* The item's verdict in this session: the newest in effect, or none. */
EvidentVerdict
evident_session_get_verdict (EvidentSession *self,
                             EvidentItem    *item)
{
  gint64 id;

  g_return_val_if_fail (EVIDENT_IS_SESSION (self), EVIDENT_VERDICT_NONE);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), EVIDENT_VERDICT_NONE);

  id = evident_item_get_id (item);
  return self->verdicts != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (self->verdicts, &id))
                                : EVIDENT_VERDICT_NONE;
}

/* The items in scope whose verdict is @verdict; none: still pending. */
guint
evident_session_count_verdicts (EvidentSession *self,
                                EvidentVerdict  verdict)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), 0);
  g_return_val_if_fail (verdict < EVIDENT_N_VERDICTS, 0);
  return self->counts[verdict];
}

/**
 * evident_session_read_status:
 * @self: a session
 * @item: an item of the project
 *
 * The item's status as the session reads it: met when its verdict is
 * passed, not met when failed, else (an observation, not reached, no
 * verdict, or not in scope) its own status.
 *
 * Returns: the status
 */
EvidentStatus
evident_session_read_status (EvidentSession *self,
                             EvidentItem    *item)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), EVIDENT_STATUS_NOT_STARTED);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), EVIDENT_STATUS_NOT_STARTED);

  switch (evident_session_get_verdict (self, item))
    {
    case EVIDENT_VERDICT_PASSED:
      return EVIDENT_STATUS_MET;
    case EVIDENT_VERDICT_FAILED:
      return EVIDENT_STATUS_NOT_MET;
    case EVIDENT_VERDICT_NONE:
    case EVIDENT_VERDICT_OBSERVATION:
    case EVIDENT_VERDICT_NOT_REACHED:
    default:
      return evident_item_get_status (item);
    }
}

/**
 * evident_session_get_score:
 * @self: a session
 *
 * The score under the session's verdicts: the project's three views, by
 * the rules of DESIGN.md, over every item with its status as the session
 * reads it (evident_session_read_status()). It follows each verdict and
 * each edit of the items, as the project's own score does, without
 * changing any item.
 *
 * Returns: (transfer none): the score, valid until the next edit
 */
const EvidentScore *
evident_session_get_score (EvidentSession *self)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autofree EvidentStatus *statuses = NULL;
  EvidentProject *project;
  GListModel *model;
  guint n;

  g_return_val_if_fail (EVIDENT_IS_SESSION (self), NULL);

  if (self->score != NULL)
    return self->score;

  project = self->audit != NULL ? evident_audit_get_project (self->audit) : NULL;
  g_return_val_if_fail (project != NULL, NULL);

  model = evident_project_get_items (project);
  n = g_list_model_get_n_items (model);
  items = g_ptr_array_new_full (n, g_object_unref);
  statuses = g_new (EvidentStatus, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      EvidentItem *item = g_list_model_get_item (model, i);

      g_ptr_array_add (items, item);
      statuses[i] = evident_session_read_status (self, item);
    }
  self->score = evident_score_compute_with_statuses (evident_project_get_rules (project),
                                                     evident_project_get_chapters (project),
                                                     (EvidentItem * const *) items->pdata,
                                                     statuses, n);
  return self->score;
}

/**
 * evident_session_get_current_chapter:
 *
 * Returns: (nullable): the number of the chapter whose time is running
 */
const char *
evident_session_get_current_chapter (EvidentSession *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION (self), NULL);
  return self->current_chapter;
}
