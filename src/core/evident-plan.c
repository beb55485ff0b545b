/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The cheapest way over the pass line: every open mandatory item, then the
 * open items that cover the points still missing with the least effort, a
 * minimum-cost covering knapsack solved exactly by dynamic programming
 * over points. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-enums-util.h"
#include "evident-item-private.h"
#include "evident-plan.h"

/* The decision table of the dynamic program holds one bit per open item
 * and point still missing; past this many bits (128 MiB) the plan is
 * refused rather than the machine swapped to death. Real checklists need
 * a few kilobytes. */
#define MAX_TABLE_BITS ((guint64) 1 << 30)

/* A cost is compared as one number: the effort in hundredths of a day,
 * then the number of items: effort × COUNT_SCALE + items. */
typedef struct
{
  guint  position;   /* in the items given */
  gint64 points;
  gint64 cost;
} Option;

typedef struct
{
  EvidentItem *item;
  gint64       at_risk;
  guint        position;
} Blocker;

static void
step_clear (gpointer data)
{
  EvidentPlanStep *step = data;

  g_clear_object (&step->item);
}

static EvidentPlan *
plan_new (const EvidentRules *rules,
          EvidentView         view)
{
  EvidentPlan *plan = g_new0 (EvidentPlan, 1);

  plan->rules = *rules;
  plan->view = view;
  plan->steps = g_array_new (FALSE, TRUE, sizeof (EvidentPlanStep));
  g_array_set_clear_func (plan->steps, step_clear);
  plan->blocking = g_ptr_array_new_with_free_func (g_object_unref);
  return plan;
}

void
evident_plan_free (EvidentPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_pointer (&plan->steps, g_array_unref);
  g_clear_pointer (&plan->blocking, g_ptr_array_unref);
  g_free (plan);
}

static gint64
gcd (gint64 a,
     gint64 b)
{
  while (b != 0)
    {
      gint64 t = a % b;

      a = b;
      b = t;
    }
  return a;
}

/* The cheapest subset of @options whose points add up to at least
 * @missing (> 0, and at most the points of all @options): marks it in
 * @chosen. Least effort first, then fewest items, then the set that comes
 * first in checklist order (the earliest item wins a tie).
 *
 * dp[p] is the least cost of reaching p more points (p capped at
 * @missing) with the options from k on; options are taken from the last
 * to the first, so that the table's bit (k, p) says "taking option k is
 * best with p missing", and reading the bits from the first option on
 * gives the set that prefers earlier items. */
static gboolean
cover (Option    *options,
       guint      n_options,
       gint64     missing,
       gboolean  *chosen,
       GError   **error)
{
  g_autofree gint64 *dp = NULL;
  g_autofree guint64 *take = NULL;
  gint64 divisor = 0;
  gint64 m;
  guint64 words;

  /* Points that share a divisor need a table that much smaller. */
  for (guint k = 0; k < n_options; k++)
    divisor = gcd (options[k].points, divisor);
  g_assert (divisor > 0);
  m = (missing + divisor - 1) / divisor;

  words = ((guint64) m + 1 + 63) / 64;
  if ((guint64) n_options * words * 64 > MAX_TABLE_BITS)
    {
      g_autofree char *points = g_strdup_printf ("%" G_GINT64_FORMAT, missing);

      /* Translators: the first %s is a number of points */
      g_set_error (error, EVIDENT_PLAN_ERROR, EVIDENT_PLAN_ERROR_TOO_LARGE,
                   _("The plan is too large to work out: %s points are missing over %u open "
                     "items"),
                   points, n_options);
      return FALSE;
    }

  dp = g_new (gint64, m + 1);
  take = g_try_new0 (guint64, n_options * words);
  if (take == NULL)
    {
      g_set_error_literal (error, EVIDENT_PLAN_ERROR, EVIDENT_PLAN_ERROR_TOO_LARGE,
                           _("There is not enough memory to work out the plan"));
      return FALSE;
    }

  /* Unreachable is so large that adding a cost to it stays larger than
   * anything reachable, and never wraps. */
  dp[0] = 0;
  for (gint64 p = 1; p <= m; p++)
    dp[p] = G_MAXINT64 / 4;

  for (guint k = n_options; k-- > 0;)
    {
      gint64 w = options[k].points / divisor;
      gint64 c = options[k].cost;
      guint64 *row = take + (gsize) k * words;
      gint64 p;

      /* p > w: the option leaves p - w to the later ones; p ≤ w: alone
       * it covers p. Descending, so dp[p - w] is still the later ones'. */
      for (p = m; p > w; p--)
        {
          gint64 with = dp[p - w] + c;

          if (with <= dp[p])
            {
              dp[p] = with;
              row[p >> 6] |= (guint64) 1 << (p & 63);
            }
        }
      for (; p > 0; p--)
        {
          if (c <= dp[p])
            {
              dp[p] = c;
              row[p >> 6] |= (guint64) 1 << (p & 63);
            }
        }
    }

  for (guint k = 0; k < n_options && m > 0; k++)
    {
      const guint64 *row = take + (gsize) k * words;

      if ((row[m >> 6] >> (m & 63)) & 1)
        {
          chosen[k] = TRUE;
          m -= MIN (m, options[k].points / divisor);
        }
    }
  g_assert (m == 0);
  return TRUE;
}

static int
compare_blockers (gconstpointer a,
                  gconstpointer b)
{
  const Blocker *ba = a;
  const Blocker *bb = b;

  if (ba->at_risk != bb->at_risk)
    return ba->at_risk > bb->at_risk ? -1 : 1;
  return ba->position < bb->position ? -1 : ba->position > bb->position;
}

/* The not-met items that block: all of them in points mode, the
 * mandatory ones in pass-fail mode. */
static void
find_blocking (EvidentPlan         *plan,
               EvidentItem *const  *items,
               const EvidentStatus *statuses,
               guint                n_items)
{
  g_autoptr (GArray) blockers = g_array_new (FALSE, FALSE, sizeof (Blocker));
  gboolean pass_fail = plan->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL;

  for (guint i = 0; i < n_items; i++)
    {
      EvidentItem *item = items[i];
      Blocker blocker = { item, item->points, i };

      if (statuses[i] != EVIDENT_STATUS_NOT_MET
          || evident_status_counts_in (statuses[i], plan->view)
          || (pass_fail && !item->mandatory))
        continue;
      if (item->mandatory)
        blocker.at_risk += plan->rules.mandatory_penalty;
      g_array_append_val (blockers, blocker);
    }
  g_array_sort (blockers, compare_blockers);
  for (guint i = 0; i < blockers->len; i++)
    g_ptr_array_add (plan->blocking, g_object_ref (g_array_index (blockers, Blocker, i).item));
}

static void
add_step (EvidentPlan               *plan,
          const EvidentPlanSettings *settings,
          EvidentItem               *item)
{
  EvidentPlanStep step = { g_object_ref (item), 0, FALSE, item->mandatory };

  step.effort = evident_days_to_hundredths (
                    evident_plan_settings_item_effort (settings, item, &step.estimated))
                / 100.0;
  g_array_append_val (plan->steps, step);
}

/* Which open items beside the mandatory ones the plan takes, in @chosen
 * (one per item): none when the mandatory ones pass; every one when even
 * all of them fall short, with the shortfall. */
static gboolean
choose_optional (EvidentPlan                *plan,
                 const EvidentPlanSettings  *settings,
                 EvidentItem *const         *items,
                 const gboolean             *open,
                 guint                       n_items,
                 gint64                      missing,
                 gboolean                   *chosen,
                 GError                    **error)
{
  g_autoptr (GArray) options = g_array_new (FALSE, FALSE, sizeof (Option));
  g_autofree gboolean *taken = NULL;
  gint64 available = 0;
  gint64 count_scale;

  if (missing <= 0)
    return TRUE;

  for (guint i = 0; i < n_items; i++)
    {
      Option option = { i, items[i]->points, 0 };

      if (!open[i] || items[i]->mandatory || items[i]->points <= 0)
        continue;
      available += option.points;
      g_array_append_val (options, option);
    }

  if (available < missing)
    {
      for (guint i = 0; i < n_items; i++)
        chosen[i] = open[i];
      plan->reachable = FALSE;
      plan->shortfall = missing - available;
      return TRUE;
    }

  count_scale = (gint64) options->len + 1;
  for (guint k = 0; k < options->len; k++)
    {
      Option *option = &g_array_index (options, Option, k);
      double days = evident_plan_settings_item_effort (settings, items[option->position], NULL);

      option->cost = evident_days_to_hundredths (days) * count_scale + 1;
    }

  taken = g_new0 (gboolean, MAX (options->len, 1));
  if (!cover ((Option *) (gpointer) options->data, options->len, missing, taken, error))
    return FALSE;
  for (guint k = 0; k < options->len; k++)
    chosen[g_array_index (options, Option, k).position] = taken[k];
  return TRUE;
}

/**
 * evident_plan_compute_for_items:
 * @rules: the checklist's rules
 * @settings: the efforts per complexity
 * @view: the view to pass in: projected or confirmed, usually
 * @items: (array length=n_items): the items, in checklist order
 * @statuses: (array length=n_items) (nullable): the status to take each
 *   item as having, or %NULL for their own (as for
 *   evident_score_compute_with_statuses())
 * @n_items: the number of @items
 * @error: return location for an error
 *
 * Works out the cheapest way over the pass line in @view: every open
 * mandatory item (each also removes its penalty), then, in points mode,
 * the open items whose points cover what is still missing with the least
 * effort, exactly. An item's effort is its estimate, else the effort of
 * its complexity (medium's when unrated). In pass-fail mode the plan is
 * the open mandatory items: pass needs every one counted, and there is no
 * share to reach.
 *
 * Returns: (transfer full): the plan, or %NULL with
 *   %EVIDENT_PLAN_ERROR_TOO_LARGE when the points missing are too many
 *   to work out
 */
EvidentPlan *
evident_plan_compute_for_items (const EvidentRules         *rules,
                                const EvidentPlanSettings  *settings,
                                EvidentView                 view,
                                EvidentItem *const         *items,
                                const EvidentStatus        *statuses,
                                guint                       n_items,
                                GError                    **error)
{
  g_autoptr (EvidentPlan) plan = NULL;
  g_autoptr (EvidentScore) now = NULL;
  g_autoptr (EvidentScore) reached = NULL;
  g_autofree EvidentStatus *own = NULL;
  g_autofree EvidentStatus *done = NULL;
  g_autofree gboolean *open = NULL;
  g_autofree gboolean *chosen = NULL;
  gint64 missing = 0;
  gint64 effort = 0;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (view < EVIDENT_N_VIEWS, NULL);
  g_return_val_if_fail (items != NULL || n_items == 0, NULL);

  if (statuses == NULL)
    {
      statuses = own = g_new (EvidentStatus, MAX (n_items, 1));
      for (guint i = 0; i < n_items; i++)
        own[i] = items[i]->status;
    }

  plan = plan_new (rules, view);
  now = evident_score_compute_with_statuses (rules, NULL, items, statuses, n_items);
  plan->score = now->views[view].score;
  plan->passes = now->views[view].pass;
  plan->reachable = TRUE;

  open = g_new0 (gboolean, MAX (n_items, 1));
  chosen = g_new0 (gboolean, MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    {
      open[i] = statuses[i] != EVIDENT_STATUS_NOT_MET
                && !evident_status_counts_in (statuses[i], view);
      /* Mandatory items are always in the plan, and lift their penalty. */
      chosen[i] = open[i] && items[i]->mandatory;
      if (chosen[i])
        missing -= (gint64) items[i]->points + rules->mandatory_penalty;
    }

  if (rules->mode == EVIDENT_SCORE_MODE_PASS_FAIL)
    {
      plan->missing = now->views[view].n_mandatory_open;
      find_blocking (plan, items, statuses, n_items);
      plan->reachable = plan->blocking->len == 0;
      plan->shortfall = plan->blocking->len;
    }
  else
    {
      gint64 score = (gint64) now->views[view].score;

      plan->missing = MAX (0, (gint64) rules->pass_score - score);
      missing += (gint64) rules->pass_score - score;
      if (!choose_optional (plan, settings, items, open, n_items, missing, chosen, error))
        return NULL;
      if (!plan->reachable)
        find_blocking (plan, items, statuses, n_items);
    }

  done = g_memdup2 (statuses, sizeof (EvidentStatus) * MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    {
      if (!chosen[i])
        continue;
      add_step (plan, settings, items[i]);
      effort += evident_days_to_hundredths (
          g_array_index (plan->steps, EvidentPlanStep, plan->steps->len - 1).effort);
      done[i] = EVIDENT_STATUS_MET;
    }
  plan->total_effort = effort / 100.0;

  reached = evident_score_compute_with_statuses (rules, NULL, items, done, n_items);
  plan->score_reached = reached->views[view].score;
  g_assert (!plan->reachable || reached->views[view].pass);

  return g_steal_pointer (&plan);
}

/**
 * evident_plan_compute:
 * @project: a project
 * @view: the view to pass in: projected or confirmed, usually
 * @settings: (nullable): the efforts to use; %NULL for the project's
 * @error: return location for an error
 *
 * evident_plan_compute_for_items() over the project's items as they are.
 * A few milliseconds for 10,000 items with 1,000 points missing.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
EvidentPlan *
evident_plan_compute (EvidentProject             *project,
                      EvidentView                 view,
                      const EvidentPlanSettings  *settings,
                      GError                    **error)
{
  GListModel *model;
  g_autoptr (GPtrArray) items = NULL;
  guint n_items;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);

  if (settings == NULL)
    settings = evident_project_get_plan_settings (project);

  model = evident_project_get_items (project);
  n_items = g_list_model_get_n_items (model);
  items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return evident_plan_compute_for_items (evident_project_get_rules (project), settings, view,
                                         (EvidentItem **) items->pdata, NULL, n_items, error);
}

/**
 * evident_plan_contains:
 *
 * Linear in the steps: to highlight many items, put the steps in a set.
 *
 * Returns: whether @item is one of @plan's steps
 */
gboolean
evident_plan_contains (const EvidentPlan *plan,
                       EvidentItem       *item)
{
  g_return_val_if_fail (plan != NULL, FALSE);

  for (guint i = 0; i < plan->steps->len; i++)
    {
      if (g_array_index (plan->steps, EvidentPlanStep, i).item == item)
        return TRUE;
    }
  return FALSE;
}

/**
 * evident_plan_to_scenario:
 * @plan: a plan
 * @project: the project it was computed for
 *
 * Returns: (transfer full): a scenario that assumes every step of @plan
 *   met, and nothing else
 */
EvidentScenario *
evident_plan_to_scenario (const EvidentPlan *plan,
                          EvidentProject    *project)
{
  EvidentScenario *scenario;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);

  scenario = evident_scenario_new (project);
  for (guint i = 0; i < plan->steps->len; i++)
    evident_scenario_assume (scenario, g_array_index (plan->steps, EvidentPlanStep, i).item,
                             EVIDENT_ASSUMPTION_MET);
  return scenario;
}
