/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-item.h"
#include "evident-plan-marks.h"

/*
 * EvidentPlanMarks: which items are in the plan to pass now, for the
 * widgets that highlight them (the item rows, the heat map) without
 * knowing where the plan is worked out. The plan panel sets the items of
 * its project's plan; "changed" tells the widgets to look again. One per
 * process: items belong to one project, so the plans of several windows
 * do not mix.
 */

struct _EvidentPlanMarks
{
  GObject     parent_instance;

  GHashTable *projects; /* EvidentProject (not held) → GHashTable of EvidentItem */
};

G_DEFINE_FINAL_TYPE (EvidentPlanMarks, evident_plan_marks, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
evident_plan_marks_finalize (GObject *object)
{
  EvidentPlanMarks *self = EVIDENT_PLAN_MARKS (object);

  g_hash_table_unref (self->projects);

  G_OBJECT_CLASS (evident_plan_marks_parent_class)->finalize (object);
}

static void
evident_plan_marks_class_init (EvidentPlanMarksClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = evident_plan_marks_finalize;

  /**
   * EvidentPlanMarks::changed:
   *
   * The items of a plan changed.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
evident_plan_marks_init (EvidentPlanMarks *self)
{
  self->projects = g_hash_table_new_full (NULL, NULL, NULL,
                                          (GDestroyNotify) g_hash_table_unref);
}

/**
 * evident_plan_marks_get_default:
 *
 * Returns: (transfer none): the marks of the process
 */
EvidentPlanMarks *
evident_plan_marks_get_default (void)
{
  static gsize marks;

  if (g_once_init_enter (&marks))
    g_once_init_leave (&marks, (gsize) g_object_new (EVIDENT_TYPE_PLAN_MARKS, NULL));
  return (EvidentPlanMarks *) marks;
}

/**
 * evident_plan_marks_set:
 * @project: the project @plan is for
 * @plan: (nullable): its plan, or %NULL to mark none of its items
 *
 * Marks the steps of @plan, in place of the items of @project marked
 * before.
 */
void
evident_plan_marks_set (EvidentPlanMarks  *self,
                        EvidentProject    *project,
                        const EvidentPlan *plan)
{
  GHashTable *items;

  g_return_if_fail (EVIDENT_IS_PLAN_MARKS (self));
  g_return_if_fail (project != NULL);

  if (plan == NULL)
    {
      if (g_hash_table_remove (self->projects, project))
        g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
      return;
    }

  items = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  for (guint i = 0; i < plan->steps->len; i++)
    g_hash_table_add (items, g_object_ref (g_array_index (plan->steps, EvidentPlanStep, i).item));
  g_hash_table_replace (self->projects, project, items);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * evident_plan_marks_contains:
 *
 * Returns: whether @item is in its project's plan
 */
gboolean
evident_plan_marks_contains (EvidentPlanMarks *self,
                             EvidentItem      *item)
{
  GHashTableIter iter;
  GHashTable *items;

  g_return_val_if_fail (EVIDENT_IS_PLAN_MARKS (self), FALSE);

  g_hash_table_iter_init (&iter, self->projects);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &items))
    {
      if (g_hash_table_contains (items, item))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_unassigned (const char *owner)
{
  return owner == NULL || *owner == '\0';
}

/**
 * evident_plan_marks_count:
 * @any_owner: whether to count the items of every owner
 * @owner: (nullable): else the owner, %NULL for the unassigned items
 * @complexity: an #EvidentComplexity, or -1 for any
 *
 * Returns: how many items of @project's plan are in that cell of the heat
 *   map
 */
guint
evident_plan_marks_count (EvidentPlanMarks *self,
                          EvidentProject   *project,
                          gboolean          any_owner,
                          const char       *owner,
                          int               complexity)
{
  GHashTable *items;
  GHashTableIter iter;
  EvidentItem *item;
  guint n = 0;

  g_return_val_if_fail (EVIDENT_IS_PLAN_MARKS (self), 0);

  items = g_hash_table_lookup (self->projects, project);
  if (items == NULL)
    return 0;

  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, (gpointer *) &item, NULL))
    {
      const char *item_owner = evident_item_get_owner (item);

      if (complexity >= 0 && (int) evident_item_get_complexity (item) != complexity)
        continue;
      if (!any_owner
          && !(is_unassigned (owner) ? is_unassigned (item_owner)
                                     : g_strcmp0 (owner, item_owner) == 0))
        continue;
      n++;
    }
  return n;
}
