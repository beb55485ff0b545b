/* SPDX-License-Identifier: GPL-3.0-or-later */

/* An exemption in force: a whole chapter or section whose items are not
 * applicable for one reason. A value object: what it says does not change
 * while it is in force; lifting it (or undoing it) takes it out of the
 * audit's list. */

#include "config.h"

#include "evident-audit-private.h"
#include "evident-item.h"

struct _EvidentExemption
{
  GObject    parent_instance;

  gint64     id;
  char      *chapter;
  char      *section;
  char      *title;
  char      *reason;
  gint64     evidence_id;
  GDateTime *applied;
  char      *applied_by;
  guint      n_items;
};

G_DEFINE_FINAL_TYPE (EvidentExemption, evident_exemption, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHAPTER,
  PROP_SECTION,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_REASON,
  PROP_EVIDENCE_ID,
  PROP_APPLIED,
  PROP_APPLIED_BY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
evident_exemption_finalize (GObject *object)
{
  EvidentExemption *self = EVIDENT_EXEMPTION (object);

  g_clear_pointer (&self->chapter, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->applied, g_date_time_unref);
  g_clear_pointer (&self->applied_by, g_free);

  G_OBJECT_CLASS (evident_exemption_parent_class)->finalize (object);
}

static void
evident_exemption_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EvidentExemption *self = EVIDENT_EXEMPTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CHAPTER:
      g_value_set_string (value, self->chapter);
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, evident_exemption_get_number (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_EVIDENCE_ID:
      g_value_set_int64 (value, self->evidence_id);
      break;
    case PROP_APPLIED:
      g_value_set_boxed (value, self->applied);
      break;
    case PROP_APPLIED_BY:
      g_value_set_string (value, self->applied_by);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_exemption_class_init (EvidentExemptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = evident_exemption_finalize;
  object_class->get_property = evident_exemption_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHAPTER] = g_param_spec_string ("chapter", NULL, NULL, NULL, ro);
  /* NULL when the whole chapter is exempt. */
  properties[PROP_SECTION] = g_param_spec_string ("section", NULL, NULL, NULL, ro);
  /* The section's number, else the chapter's. */
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, ro);
  /* The evidence it points at (evident_evidence_get_id()), or 0. */
  properties[PROP_EVIDENCE_ID] = g_param_spec_int64 ("evidence-id", NULL, NULL, 0, G_MAXINT64,
                                                     0, ro);
  properties[PROP_APPLIED] = g_param_spec_boxed ("applied", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_APPLIED_BY] = g_param_spec_string ("applied-by", NULL, NULL, NULL, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evident_exemption_init (EvidentExemption *self)
{
}

/* For the audit, as it loads exemptions in force. */
EvidentExemption *
evident_exemption_new (gint64      id,
                       const char *chapter,
                       const char *section,
                       const char *title,
                       const char *reason,
                       gint64      evidence_id,
                       GDateTime  *applied,
                       const char *applied_by,
                       guint       n_items)
{
  EvidentExemption *self = g_object_new (EVIDENT_TYPE_EXEMPTION, NULL);

  self->id = id;
  self->chapter = g_strdup (chapter);
  self->section = section != NULL && *section != '\0' ? g_strdup (section) : NULL;
  self->title = g_strdup (title);
  self->reason = g_strdup (reason);
  self->evidence_id = evidence_id;
  self->applied = g_date_time_ref (applied);
  self->applied_by = g_strdup (applied_by);
  self->n_items = n_items;
  return self;
}

gint64
evident_exemption_get_id (EvidentExemption *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXEMPTION (self), 0);
  return self->id;
}

/**
 * evident_exemption_get_chapter:
 *
 * Returns: the number of the exempt chapter, or of the chapter holding the
 *   exempt section
 */
const char *
evident_exemption_get_chapter (EvidentExemption *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXEMPTION (self), NULL);
  return self->chapter;
}

/**
 * evident_exemption_get_section:
 *
 * Returns: (nullable): the number of the exempt section; %NULL when the
 *   whole chapter is exempt
 */
const char *
evident_exemption_get_section (EvidentExemption *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXEMPTION (self), NULL);
  return self->section;
}

/* What was exempted: the section's number, else the chapter's. */
const char *
evident_exemption_get_number (EvidentExemption *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXEMPTION (self), NULL);
  return self->section != NULL ? self->section : self->chapter;
}

const char *
evident_exemption_get_title (EvidentExemption *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXEMPTION (self), NULL);
  return self->title;
}

const char *
evident_exemption_get_reason (EvidentExemption *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXEMPTION (self), NULL);
  return self->reason;
}

/**
 * evident_exemption_get_evidence_id:
 *
 * Returns: the id of the evidence given for the exemption (a certificate
 *   attached to an item), or 0: none, or it was deleted for good since
 */
gint64
evident_exemption_get_evidence_id (EvidentExemption *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXEMPTION (self), 0);
  return self->evidence_id;
}

/**
 * evident_exemption_get_applied:
 *
 * Returns: (transfer none): when the exemption was applied, in UTC
 */
GDateTime *
evident_exemption_get_applied (EvidentExemption *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXEMPTION (self), NULL);
  return self->applied;
}

const char *
evident_exemption_get_applied_by (EvidentExemption *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXEMPTION (self), NULL);
  return self->applied_by;
}

/* The items it made not applicable, when it was applied. */
guint
evident_exemption_get_n_items (EvidentExemption *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXEMPTION (self), 0);
  return self->n_items;
}

/* Whether @item is in the exempt chapter or section. */
gboolean
evident_exemption_covers (EvidentExemption *self,
                          EvidentItem      *item)
{
  g_return_val_if_fail (EVIDENT_IS_EXEMPTION (self), FALSE);
  g_return_val_if_fail (EVIDENT_IS_ITEM (item), FALSE);

  if (g_strcmp0 (evident_item_get_chapter (item), self->chapter) != 0)
    return FALSE;
  return self->section == NULL || g_strcmp0 (evident_item_get_section (item), self->section) == 0;
}
