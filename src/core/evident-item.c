/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-enums.h"
#include "evident-enums-util.h"
#include "evident-item-private.h"
#include "evident-plan-settings.h"


G_DEFINE_FINAL_TYPE (EvidentItem, evident_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REF,
  PROP_CHAPTER,
  PROP_SECTION,
  PROP_SECTION_TITLE,
  PROP_TITLE,
  PROP_REQUIREMENT,
  PROP_EVIDENCE_HINT,
  PROP_POINTS,
  PROP_MANDATORY,
  PROP_STATUS,
  PROP_OWNER,
  PROP_COMPLEXITY,
  PROP_REASON,
  PROP_NOTE,
  PROP_DUE,
  PROP_RESPONSE,
  PROP_ESTIMATE,
  PROP_NEEDS_RECHECK,
  PROP_RECHECK_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const int field_props[EVIDENT_N_ITEM_FIELDS] = {
  [EVIDENT_ITEM_FIELD_STATUS] = PROP_STATUS,
  [EVIDENT_ITEM_FIELD_OWNER] = PROP_OWNER,
  [EVIDENT_ITEM_FIELD_COMPLEXITY] = PROP_COMPLEXITY,
  [EVIDENT_ITEM_FIELD_REASON] = PROP_REASON,
  [EVIDENT_ITEM_FIELD_NOTE] = PROP_NOTE,
  [EVIDENT_ITEM_FIELD_DUE] = PROP_DUE,
  [EVIDENT_ITEM_FIELD_RESPONSE] = PROP_RESPONSE,
  [EVIDENT_ITEM_FIELD_ESTIMATE] = PROP_ESTIMATE,
  [EVIDENT_ITEM_FIELD_RECHECK] = PROP_NEEDS_RECHECK,
};

static void
evident_item_finalize (GObject *object)
{
  EvidentItem *self = EVIDENT_ITEM (object);

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->chapter, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->section_title, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->requirement, g_free);
  g_clear_pointer (&self->evidence_hint, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->due, g_free);
  g_clear_pointer (&self->response, g_free);
  g_clear_pointer (&self->estimate, g_free);
  g_clear_pointer (&self->recheck, g_free);
  for (guint i = 0; i < self->n_extra_fields; i++)
    {
      g_free (self->extra_fields[i].name);
      g_free (self->extra_fields[i].value);
    }
  g_clear_pointer (&self->extra_fields, g_free);

  G_OBJECT_CLASS (evident_item_parent_class)->finalize (object);
}

static void
evident_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EvidentItem *self = EVIDENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;
    case PROP_CHAPTER:
      g_value_set_string (value, self->chapter);
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    case PROP_SECTION_TITLE:
      g_value_set_string (value, self->section_title);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_REQUIREMENT:
      g_value_set_string (value, self->requirement);
      break;
    case PROP_EVIDENCE_HINT:
      g_value_set_string (value, self->evidence_hint);
      break;
    case PROP_POINTS:
      g_value_set_int (value, self->points);
      break;
    case PROP_MANDATORY:
      g_value_set_boolean (value, self->mandatory);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_COMPLEXITY:
      g_value_set_enum (value, self->complexity);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;
    case PROP_RESPONSE:
      g_value_set_string (value, self->response);
      break;
    case PROP_ESTIMATE:
      g_value_set_double (value, self->estimate_days);
      break;
    case PROP_NEEDS_RECHECK:
      g_value_set_boolean (value, self->recheck != NULL);
      break;
    case PROP_RECHECK_STATUS:
      g_value_set_enum (value, evident_item_get_recheck_status (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_class_init (EvidentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = evident_item_finalize;
  object_class->get_property = evident_item_get_property;

  properties[PROP_REF] = g_param_spec_string ("ref", NULL, NULL, NULL, ro);
  properties[PROP_CHAPTER] = g_param_spec_string ("chapter", NULL, NULL, NULL, ro);
  properties[PROP_SECTION] = g_param_spec_string ("section", NULL, NULL, NULL, ro);
  properties[PROP_SECTION_TITLE] = g_param_spec_string ("section-title", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_REQUIREMENT] = g_param_spec_string ("requirement", NULL, NULL, NULL, ro);
  properties[PROP_EVIDENCE_HINT] = g_param_spec_string ("evidence-hint", NULL, NULL, NULL, ro);
  properties[PROP_POINTS] = g_param_spec_int ("points", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_MANDATORY] = g_param_spec_boolean ("mandatory", NULL, NULL, FALSE, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, EVIDENT_TYPE_STATUS,
                                               EVIDENT_STATUS_NOT_STARTED, ro);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, ro);
  properties[PROP_COMPLEXITY] = g_param_spec_enum ("complexity", NULL, NULL,
                                                   EVIDENT_TYPE_COMPLEXITY,
                                                   EVIDENT_COMPLEXITY_NONE, ro);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, ro);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, ro);
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, ro);
  /**
   * EvidentItem:response:
   *
   * The answer for the auditor: what the self-assessment's "Partner
   * Response" gets on export. The note stays internal.
   */
  properties[PROP_RESPONSE] = g_param_spec_string ("response", NULL, NULL, NULL, ro);
  /**
   * EvidentItem:estimate:
   *
   * The days the item takes, as someone estimated them; -1 when nobody
   * did (a plan then takes the effort of its complexity).
   */
  properties[PROP_ESTIMATE] = g_param_spec_double ("estimate", NULL, NULL, -1, EVIDENT_MAX_DAYS,
                                                   -1, ro);
  /**
   * EvidentItem:needs-recheck:
   *
   * A revision of the checklist reworded the item while it was met or
   * ready: it is ready until someone confirms it (and counts as ready).
   * #EvidentItem:recheck-status is the status it had before.
   */
  properties[PROP_NEEDS_RECHECK] = g_param_spec_boolean ("needs-recheck", NULL, NULL, FALSE, ro);
  properties[PROP_RECHECK_STATUS] = g_param_spec_enum ("recheck-status", NULL, NULL,
                                                       EVIDENT_TYPE_STATUS,
                                                       EVIDENT_STATUS_NOT_STARTED, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evident_item_init (EvidentItem *self)
{
  self->estimate_days = -1;
}

EvidentItem *
evident_item_new (gint64      id,
                  const char *ref,
                  const char *chapter,
                  const char *section,
                  const char *section_title,
                  const char *title,
                  const char *requirement,
                  const char *evidence_hint,
                  int         points,
                  gboolean    mandatory)
{
  EvidentItem *self = g_object_new (EVIDENT_TYPE_ITEM, NULL);

  self->id = id;
  self->ref = g_strdup (ref);
  self->chapter = g_strdup (chapter);
  self->section = g_strdup (section ? section : "");
  self->section_title = g_strdup (section_title ? section_title : "");
  self->title = g_strdup (title);
  self->requirement = g_strdup (requirement ? requirement : "");
  self->evidence_hint = g_strdup (evidence_hint ? evidence_hint : "");
  self->points = points;
  self->mandatory = !!mandatory;

  return self;
}

/* Field values as stored in the project file and its history: "" for unset. */
const char *
evident_item_get_field (EvidentItem      *self,
                        EvidentItemField  field)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);

  switch (field)
    {
    case EVIDENT_ITEM_FIELD_STATUS:
      return evident_status_to_string (self->status);
    case EVIDENT_ITEM_FIELD_COMPLEXITY:
      return evident_complexity_to_string (self->complexity);
    case EVIDENT_ITEM_FIELD_OWNER:
      return self->owner ? self->owner : "";
    case EVIDENT_ITEM_FIELD_REASON:
      return self->reason ? self->reason : "";
    case EVIDENT_ITEM_FIELD_NOTE:
      return self->note ? self->note : "";
    case EVIDENT_ITEM_FIELD_DUE:
      return self->due ? self->due : "";
    case EVIDENT_ITEM_FIELD_RESPONSE:
      return self->response ? self->response : "";
    case EVIDENT_ITEM_FIELD_ESTIMATE:
      return self->estimate ? self->estimate : "";
    case EVIDENT_ITEM_FIELD_RECHECK:
      return self->recheck ? self->recheck : "";
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
set_string (char       **slot,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

/* @value must already be valid for @field (the project checks). */
void
evident_item_set_field (EvidentItem      *self,
                        EvidentItemField  field,
                        const char       *value)
{
  gboolean changed = FALSE;

  g_return_if_fail (EVIDENT_IS_ITEM (self));
  g_return_if_fail (field < EVIDENT_N_ITEM_FIELDS);

  switch (field)
    {
    case EVIDENT_ITEM_FIELD_STATUS:
      {
        EvidentStatus status = EVIDENT_STATUS_NOT_STARTED;

        if (!evident_status_from_string (value, &status))
          g_return_if_reached ();
        changed = status != self->status;
        self->status = status;
      }
      break;
    case EVIDENT_ITEM_FIELD_COMPLEXITY:
      {
        EvidentComplexity complexity = EVIDENT_COMPLEXITY_NONE;

        if (value != NULL && !evident_complexity_from_string (value, &complexity))
          g_return_if_reached ();
        changed = complexity != self->complexity;
        self->complexity = complexity;
      }
      break;
    case EVIDENT_ITEM_FIELD_OWNER:
      changed = set_string (&self->owner, value);
      break;
    case EVIDENT_ITEM_FIELD_REASON:
      changed = set_string (&self->reason, value);
      break;
    case EVIDENT_ITEM_FIELD_NOTE:
      changed = set_string (&self->note, value);
      break;
    case EVIDENT_ITEM_FIELD_DUE:
      changed = set_string (&self->due, value);
      break;
    case EVIDENT_ITEM_FIELD_RESPONSE:
      changed = set_string (&self->response, value);
      break;
    case EVIDENT_ITEM_FIELD_ESTIMATE:
      {
        double days = -1;
        g_autofree char *canonical = NULL;

        if (value != NULL && *value != '\0')
          {
            if (!evident_days_parse (value, &days))
              g_return_if_reached ();
            canonical = evident_days_format (days);
          }
        changed = set_string (&self->estimate, canonical);
        self->estimate_days = days;
      }
      break;
    case EVIDENT_ITEM_FIELD_RECHECK:
      changed = set_string (&self->recheck, value);
      if (changed)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECHECK_STATUS]);
      break;
    default:
      g_assert_not_reached ();
    }

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[field_props[field]]);
}

gint64
evident_item_get_id (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), 0);
  return self->id;
}

const char *
evident_item_get_ref (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);
  return self->ref;
}

const char *
evident_item_get_chapter (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);
  return self->chapter;
}

const char *
evident_item_get_section (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);
  return self->section;
}

const char *
evident_item_get_section_title (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);
  return self->section_title;
}

const char *
evident_item_get_title (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);
  return self->title;
}

const char *
evident_item_get_requirement (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);
  return self->requirement;
}

const char *
evident_item_get_evidence_hint (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);
  return self->evidence_hint;
}

int
evident_item_get_points (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), 0);
  return self->points;
}

gboolean
evident_item_get_mandatory (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), FALSE);
  return self->mandatory;
}

EvidentStatus
evident_item_get_status (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), EVIDENT_STATUS_NOT_STARTED);
  return self->status;
}

const char *
evident_item_get_owner (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);
  return self->owner;
}

EvidentComplexity
evident_item_get_complexity (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), EVIDENT_COMPLEXITY_NONE);
  return self->complexity;
}

const char *
evident_item_get_reason (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);
  return self->reason;
}

const char *
evident_item_get_note (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);
  return self->note;
}

const char *
evident_item_get_due (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);
  return self->due;
}

/**
 * evident_item_get_response:
 *
 * Returns: (nullable): the answer for the auditor (#EvidentItem:response)
 */
const char *
evident_item_get_response (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);
  return self->response;
}

/**
 * evident_item_get_needs_recheck:
 *
 * Returns: whether a revision of the checklist reworded the item while it
 *   was met or ready, and nobody has confirmed it since (it is ready)
 */
gboolean
evident_item_get_needs_recheck (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), FALSE);
  return self->recheck != NULL;
}

/**
 * evident_item_get_recheck_status:
 *
 * Returns: the status the item had before the revision that flagged it
 *   for a re-check (met or ready); %EVIDENT_STATUS_NOT_STARTED when not
 *   flagged
 */
EvidentStatus
evident_item_get_recheck_status (EvidentItem *self)
{
  EvidentStatus status = EVIDENT_STATUS_NOT_STARTED;

  g_return_val_if_fail (EVIDENT_IS_ITEM (self), EVIDENT_STATUS_NOT_STARTED);
  if (self->recheck != NULL)
    evident_status_from_string (self->recheck, &status);
  return status;
}

/**
 * evident_item_get_extra_fields:
 * @self: an item
 * @n_fields: (out): how many there are
 *
 * The columns of the checklist file that no field of Evident took, as
 * they were imported: shown read-only, written back on export. Names may
 * repeat (Jira's multi-valued columns).
 *
 * Returns: (array length=n_fields) (nullable) (transfer none): the extra
 *   fields in the column order of the source file; %NULL when there are
 *   none
 */
const EvidentExtraField *
evident_item_get_extra_fields (EvidentItem *self,
                               guint       *n_fields)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);
  g_return_val_if_fail (n_fields != NULL, NULL);

  *n_fields = self->n_extra_fields;
  return self->extra_fields;
}

/**
 * evident_item_get_extra_field:
 * @self: an item
 * @name: an extra field's name, compared without regard to case
 *
 * Returns: (nullable): the value of the first extra field called @name
 */
const char *
evident_item_get_extra_field (EvidentItem *self,
                              const char  *name)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->n_extra_fields; i++)
    {
      if (g_ascii_strcasecmp (self->extra_fields[i].name, name) == 0)
        return self->extra_fields[i].value;
    }
  return NULL;
}

/* The project, loading: takes @fields (names and values). */
void
evident_item_take_extra_fields (EvidentItem       *self,
                                EvidentExtraField *fields,
                                guint              n_fields)
{
  g_return_if_fail (EVIDENT_IS_ITEM (self));
  g_return_if_fail (self->extra_fields == NULL);

  self->extra_fields = fields;
  self->n_extra_fields = n_fields;
}

/**
 * evident_item_get_estimate:
 *
 * Returns: the days the item takes as someone estimated them
 *   (#EvidentItem:estimate), or -1 when nobody did
 */
double
evident_item_get_estimate (EvidentItem *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), -1);
  return self->estimate_days;
}

/**
 * evident_item_is_overdue:
 * @self: an item
 * @today: the day to judge by
 *
 * An item is overdue when its due date is before @today and it is not
 * counted in the projected view (neither ready, met nor not applicable).
 *
 * Returns: whether @self is overdue on @today
 */
gboolean
evident_item_is_overdue (EvidentItem *self,
                         const GDate *today)
{
  GDate due;

  g_return_val_if_fail (EVIDENT_IS_ITEM (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (self->due == NULL || evident_status_counts_in (self->status, EVIDENT_VIEW_PROJECTED))
    return FALSE;
  return evident_date_parse (self->due, &due) && g_date_compare (&due, today) < 0;
}

static void
update_checklist_string (EvidentItem  *self,
                         char        **slot,
                         char        **value,
                         guint         prop)
{
  if (g_strcmp0 (*slot, *value) == 0)
    return;
  g_free (*slot);
  *slot = g_steal_pointer (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* The project, after a revision of the checklist, its undo or its redo:
 * @self takes everything @source (the same item, loaded again) holds,
 * and tells of what changed. @source is emptied. */
void
evident_item_update_from (EvidentItem *self,
                          EvidentItem *source)
{
  g_return_if_fail (EVIDENT_IS_ITEM (self));
  g_return_if_fail (EVIDENT_IS_ITEM (source));

  g_object_freeze_notify (G_OBJECT (self));
  update_checklist_string (self, &self->ref, &source->ref, PROP_REF);
  update_checklist_string (self, &self->chapter, &source->chapter, PROP_CHAPTER);
  update_checklist_string (self, &self->section, &source->section, PROP_SECTION);
  update_checklist_string (self, &self->section_title, &source->section_title,
                           PROP_SECTION_TITLE);
  update_checklist_string (self, &self->title, &source->title, PROP_TITLE);
  update_checklist_string (self, &self->requirement, &source->requirement, PROP_REQUIREMENT);
  update_checklist_string (self, &self->evidence_hint, &source->evidence_hint,
                           PROP_EVIDENCE_HINT);
  if (self->points != source->points)
    {
      self->points = source->points;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POINTS]);
    }
  if (self->mandatory != source->mandatory)
    {
      self->mandatory = source->mandatory;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANDATORY]);
    }
  for (guint f = 0; f < EVIDENT_N_ITEM_FIELDS; f++)
    evident_item_set_field (self, f, evident_item_get_field (source, f));

  for (guint i = 0; i < self->n_extra_fields; i++)
    {
      g_free (self->extra_fields[i].name);
      g_free (self->extra_fields[i].value);
    }
  g_free (self->extra_fields);
  self->extra_fields = g_steal_pointer (&source->extra_fields);
  self->n_extra_fields = source->n_extra_fields;
  source->n_extra_fields = 0;
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
evident_item_counts_in (EvidentItem *self,
                        EvidentView  view)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), FALSE);
  return evident_status_counts_in (self->status, view);
}

/* DESIGN.md: what an item not counted in the projected view puts at risk. */
gint64
evident_item_get_points_at_risk (EvidentItem *self,
                                 int          mandatory_penalty)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), 0);

  return evident_item_get_points_at_risk_as (self, self->status, mandatory_penalty);
}

/* The same, were the item's status @status (a what-if scenario's). */
gint64
evident_item_get_points_at_risk_as (EvidentItem   *self,
                                    EvidentStatus  status,
                                    int            mandatory_penalty)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM (self), 0);

  if (evident_status_counts_in (status, EVIDENT_VIEW_PROJECTED))
    return 0;
  return (gint64) self->points + (self->mandatory ? mandatory_penalty : 0);
}
