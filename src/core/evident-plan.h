/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-plan-settings.h"
#include "evident-project.h"
#include "evident-scenario.h"
#include "evident-scoring.h"
#include "evident-types.h"

G_BEGIN_DECLS

/**
 * EvidentPlanStep:
 * @item: an open item to complete
 * @effort: the days it takes
 * @estimated: whether @effort is the item's own estimate (else the effort
 *   of its complexity)
 * @mandatory: whether the item is mandatory: always in a plan
 */
typedef struct
{
  EvidentItem *item;
  double       effort;
  gboolean     estimated;
  gboolean     mandatory;
} EvidentPlanStep;

/**
 * EvidentPlan:
 * @view: the view the plan passes in
 * @rules: the rules it was computed with
 * @score: the view's score now
 * @passes: whether the view passes now
 * @reachable: whether completing the plan's items passes
 * @steps: (element-type EvidentPlanStep): the items to complete, in
 *   checklist order: every open mandatory item, and the cheapest set of
 *   the other open items that reaches the pass line. When passing is out
 *   of reach, every open item (in pass-fail mode every open mandatory
 *   one): the most that can be done.
 * @total_effort: the days all the steps take
 * @score_reached: the view's score once the steps are done
 * @missing: what is missing to pass now: points (0 when passing); in
 *   pass-fail mode the mandatory items not counted
 * @shortfall: when not @reachable, what is still missing with every open
 *   item done: points; in pass-fail mode the mandatory items that block
 * @blocking: (element-type EvidentItem): when not @reachable, the items
 *   not met that keep the view from passing (in pass-fail mode the
 *   mandatory ones), most points at risk first, then in checklist order
 *
 * The cheapest way over the pass line (evident_plan_compute()). An item
 * is open when it is not counted in the view and not set not met: it can
 * still be completed. Not-met items stay as they are.
 */
typedef struct
{
  EvidentView   view;
  EvidentRules  rules;
  double        score;
  gboolean      passes;
  gboolean      reachable;
  GArray       *steps;
  double        total_effort;
  double        score_reached;
  gint64        missing;
  gint64        shortfall;
  GPtrArray    *blocking;
} EvidentPlan;

EvidentPlan     *evident_plan_compute             (EvidentProject             *project,
                                                   EvidentView                 view,
                                                   const EvidentPlanSettings  *settings,
                                                   GError                    **error);
EvidentPlan     *evident_plan_compute_for_items   (const EvidentRules         *rules,
                                                   const EvidentPlanSettings  *settings,
                                                   EvidentView                 view,
                                                   EvidentItem *const         *items,
                                                   const EvidentStatus        *statuses,
                                                   guint                       n_items,
                                                   GError                    **error);
void             evident_plan_free                (EvidentPlan                *plan);

gboolean         evident_plan_contains            (const EvidentPlan          *plan,
                                                   EvidentItem                *item);
EvidentScenario *evident_plan_to_scenario         (const EvidentPlan          *plan,
                                                   EvidentProject             *project);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentPlan, evident_plan_free)

G_END_DECLS
