/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-item-state-filter.h"

/*
 * EvidentItemStateFilter: the item list's filters on what an item is and
 * where it stands: statuses, owner (or unassigned), complexity, mandatory
 * items only, items at risk only (not counted in the projected view),
 * items to check again after a checklist update only. It
 * says what it lets through in words, for the list's heading: "Cloud
 * architect · High complexity · not counted in the projected view".
 *
 * Each setter returns whether the filter changed, and tells the list how
 * (more or less strict), so that the list filters only what it must.
 */

struct _EvidentItemStateFilter
{
  GtkFilter  parent_instance;

  char      *owner;         /* NULL: any; "": unassigned */
  int        complexity;    /* -1: any */
  guint      status_mask;   /* 1 << EvidentStatus; 0: any */
  guint      mandatory_only : 1;
  guint      at_risk : 1;
  guint      needs_recheck : 1;
};

G_DEFINE_FINAL_TYPE (EvidentItemStateFilter, evident_item_state_filter, GTK_TYPE_FILTER)

static gboolean
evident_item_state_filter_match (GtkFilter *filter,
                                 gpointer   object)
{
  EvidentItemStateFilter *self = EVIDENT_ITEM_STATE_FILTER (filter);
  EvidentItem *item = object;

  if (self->status_mask != 0 && (self->status_mask & (1u << evident_item_get_status (item))) == 0)
    return FALSE;

  if (self->owner != NULL)
    {
      const char *owner = evident_item_get_owner (item);

      if (*self->owner == '\0' ? (owner != NULL && *owner != '\0')
                               : g_strcmp0 (owner, self->owner) != 0)
        return FALSE;
    }

  if (self->complexity >= 0 && (int) evident_item_get_complexity (item) != self->complexity)
    return FALSE;

  if (self->mandatory_only && !evident_item_get_mandatory (item))
    return FALSE;

  if (self->at_risk && evident_item_counts_in (item, EVIDENT_VIEW_PROJECTED))
    return FALSE;

  if (self->needs_recheck && !evident_item_get_needs_recheck (item))
    return FALSE;

  return TRUE;
}

static GtkFilterMatch
evident_item_state_filter_get_strictness (GtkFilter *filter)
{
  return evident_item_state_filter_count_active (EVIDENT_ITEM_STATE_FILTER (filter)) == 0
           ? GTK_FILTER_MATCH_ALL
           : GTK_FILTER_MATCH_SOME;
}

static void
evident_item_state_filter_finalize (GObject *object)
{
  EvidentItemStateFilter *self = EVIDENT_ITEM_STATE_FILTER (object);

  g_clear_pointer (&self->owner, g_free);

  G_OBJECT_CLASS (evident_item_state_filter_parent_class)->finalize (object);
}

static void
evident_item_state_filter_class_init (EvidentItemStateFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = evident_item_state_filter_finalize;
  filter_class->match = evident_item_state_filter_match;
  filter_class->get_strictness = evident_item_state_filter_get_strictness;
}

static void
evident_item_state_filter_init (EvidentItemStateFilter *self)
{
  self->complexity = -1;
}

EvidentItemStateFilter *
evident_item_state_filter_new (void)
{
  return g_object_new (EVIDENT_TYPE_ITEM_STATE_FILTER, NULL);
}

const char *
evident_item_state_filter_get_owner (EvidentItemStateFilter *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_STATE_FILTER (self), NULL);
  return self->owner;
}

int
evident_item_state_filter_get_complexity (EvidentItemStateFilter *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_STATE_FILTER (self), -1);
  return self->complexity;
}

/**
 * evident_item_state_filter_set_owner_complexity:
 * @owner: (nullable): the owner whose items to let through, "" for
 *   unassigned items, %NULL for any owner
 * @complexity: an #EvidentComplexity, or -1 for any
 *
 * Returns: whether the filter changed
 */
gboolean
evident_item_state_filter_set_owner_complexity (EvidentItemStateFilter *self,
                                                const char             *owner,
                                                int                     complexity)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_STATE_FILTER (self), FALSE);
  g_return_val_if_fail (complexity >= -1 && complexity < EVIDENT_N_COMPLEXITIES, FALSE);

  if (g_strcmp0 (owner, self->owner) == 0 && complexity == self->complexity)
    return FALSE;

  if (g_strcmp0 (owner, self->owner) != 0)
    {
      g_free (self->owner);
      self->owner = g_strdup (owner);
    }
  self->complexity = complexity;
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
  return TRUE;
}

guint
evident_item_state_filter_get_status_mask (EvidentItemStateFilter *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_STATE_FILTER (self), 0);
  return self->status_mask;
}

/**
 * evident_item_state_filter_set_status_mask:
 * @mask: 1 << each #EvidentStatus to let through; 0 for any
 *
 * Returns: whether the filter changed
 */
gboolean
evident_item_state_filter_set_status_mask (EvidentItemStateFilter *self,
                                           guint                   mask)
{
  GtkFilterChange change;

  g_return_val_if_fail (EVIDENT_IS_ITEM_STATE_FILTER (self), FALSE);

  if (mask == self->status_mask)
    return FALSE;

  /* Checking the first status narrows the list, checking another widens it;
   * unchecking one narrows it, unless it was the last. */
  if (self->status_mask == 0)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (mask == 0 || (mask & self->status_mask) == self->status_mask)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  self->status_mask = mask;
  gtk_filter_changed (GTK_FILTER (self), change);
  return TRUE;
}

gboolean
evident_item_state_filter_get_mandatory_only (EvidentItemStateFilter *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_STATE_FILTER (self), FALSE);
  return self->mandatory_only;
}

gboolean
evident_item_state_filter_set_mandatory_only (EvidentItemStateFilter *self,
                                              gboolean                mandatory_only)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_STATE_FILTER (self), FALSE);

  mandatory_only = !!mandatory_only;
  if (self->mandatory_only == mandatory_only)
    return FALSE;
  self->mandatory_only = mandatory_only;
  gtk_filter_changed (GTK_FILTER (self), mandatory_only ? GTK_FILTER_CHANGE_MORE_STRICT
                                                        : GTK_FILTER_CHANGE_LESS_STRICT);
  return TRUE;
}

gboolean
evident_item_state_filter_get_at_risk (EvidentItemStateFilter *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_STATE_FILTER (self), FALSE);
  return self->at_risk;
}

gboolean
evident_item_state_filter_set_at_risk (EvidentItemStateFilter *self,
                                       gboolean                at_risk)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_STATE_FILTER (self), FALSE);

  at_risk = !!at_risk;
  if (self->at_risk == at_risk)
    return FALSE;
  self->at_risk = at_risk;
  gtk_filter_changed (GTK_FILTER (self), at_risk ? GTK_FILTER_CHANGE_MORE_STRICT
                                                 : GTK_FILTER_CHANGE_LESS_STRICT);
  return TRUE;
}

gboolean
evident_item_state_filter_get_needs_recheck (EvidentItemStateFilter *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_STATE_FILTER (self), FALSE);
  return self->needs_recheck;
}

gboolean
evident_item_state_filter_set_needs_recheck (EvidentItemStateFilter *self,
                                             gboolean                needs_recheck)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_STATE_FILTER (self), FALSE);

  needs_recheck = !!needs_recheck;
  if (self->needs_recheck == needs_recheck)
    return FALSE;
  self->needs_recheck = needs_recheck;
  gtk_filter_changed (GTK_FILTER (self), needs_recheck ? GTK_FILTER_CHANGE_MORE_STRICT
                                                       : GTK_FILTER_CHANGE_LESS_STRICT);
  return TRUE;
}

/* Lets every item through. */
void
evident_item_state_filter_clear (EvidentItemStateFilter *self)
{
  g_return_if_fail (EVIDENT_IS_ITEM_STATE_FILTER (self));

  if (evident_item_state_filter_count_active (self) == 0)
    return;
  self->status_mask = 0;
  g_clear_pointer (&self->owner, g_free);
  self->complexity = -1;
  self->mandatory_only = FALSE;
  self->at_risk = FALSE;
  self->needs_recheck = FALSE;
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
}

/* How many of its filters are on: statuses, owner, complexity, mandatory,
 * at risk, re-check. */
guint
evident_item_state_filter_count_active (EvidentItemStateFilter *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_STATE_FILTER (self), 0);

  return (self->status_mask != 0)
         + (self->owner != NULL)
         + (self->complexity >= 0)
         + self->mandatory_only
         + self->at_risk
         + self->needs_recheck;
}

/**
 * evident_item_state_filter_dup_description:
 *
 * Returns: (transfer full) (nullable): what the filter lets through, e.g.
 *   "Cloud architect · High complexity · not counted in the projected
 *   view", or %NULL when it lets everything through
 */
char *
evident_item_state_filter_dup_description (EvidentItemStateFilter *self)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) statuses = NULL;

  g_return_val_if_fail (EVIDENT_IS_ITEM_STATE_FILTER (self), NULL);

  if (self->owner != NULL)
    g_ptr_array_add (parts, g_strdup (*self->owner != '\0' ? self->owner : _("Unassigned")));
  if (self->complexity >= 0)
    /* Translators: a filter of the item list, e.g. "High complexity" */
    g_ptr_array_add (parts, g_strdup_printf (_("%s complexity"),
                                             evident_complexity_get_label (self->complexity)));
  for (guint i = 0; i < EVIDENT_N_STATUSES; i++)
    if ((self->status_mask & (1u << i)) != 0)
      {
        if (statuses == NULL)
          statuses = g_string_new (evident_status_get_label (i));
        else
          g_string_append_printf (statuses, ", %s", evident_status_get_label (i));
      }
  if (statuses != NULL)
    g_ptr_array_add (parts, g_string_free (g_steal_pointer (&statuses), FALSE));
  if (self->mandatory_only)
    g_ptr_array_add (parts, g_strdup (_("mandatory only")));
  if (self->at_risk)
    g_ptr_array_add (parts, g_strdup (_("not counted in the projected view")));
  if (self->needs_recheck)
    g_ptr_array_add (parts, g_strdup (_("to re-check")));

  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}
