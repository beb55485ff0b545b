/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-heatmap.h"
#include "evident-project.h"
#include "evident-scoring.h"
#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_SCENARIO (evident_scenario_get_type ())
#define EVIDENT_SCENARIO_ERROR (evident_scenario_error_quark ())

/**
 * EvidentScenarioError:
 * @EVIDENT_SCENARIO_ERROR_NOT_FOUND: no scenario of that name is kept in
 *   the project
 * @EVIDENT_SCENARIO_ERROR_INVALID_NAME: a scenario's name is empty, too
 *   long or holds control characters
 */
typedef enum
{
  EVIDENT_SCENARIO_ERROR_NOT_FOUND,
  EVIDENT_SCENARIO_ERROR_INVALID_NAME,
} EvidentScenarioError;

/**
 * EvidentAssumption:
 * @EVIDENT_ASSUMPTION_NONE: the item is taken as it is
 * @EVIDENT_ASSUMPTION_MET: the item is assumed met
 * @EVIDENT_ASSUMPTION_NOT_MET: the item is assumed not met
 *
 * What a scenario assumes about an item. The nick of each value is its
 * spelling in project files, on the command line and in JSON.
 */
typedef enum
{
  EVIDENT_ASSUMPTION_NONE,    /*< nick=none >*/
  EVIDENT_ASSUMPTION_MET,     /*< nick=met >*/
  EVIDENT_ASSUMPTION_NOT_MET, /*< nick=not-met >*/
} EvidentAssumption;

/* The longest name of a scenario, in characters. */
#define EVIDENT_SCENARIO_MAX_NAME 200

G_DECLARE_FINAL_TYPE (EvidentScenario, evident_scenario, EVIDENT, SCENARIO, GObject)

GQuark              evident_scenario_error_quark    (void);

EvidentScenario    *evident_scenario_new            (EvidentProject      *project);
EvidentProject     *evident_scenario_get_project    (EvidentScenario     *self);
const char         *evident_scenario_get_name       (EvidentScenario     *self);

void                evident_scenario_assume         (EvidentScenario     *self,
                                                     EvidentItem         *item,
                                                     EvidentAssumption    assumption);
guint               evident_scenario_assume_chapter (EvidentScenario     *self,
                                                     const char          *chapter,
                                                     EvidentAssumption    assumption);
void                evident_scenario_clear          (EvidentScenario     *self);
EvidentAssumption   evident_scenario_get_assumption (EvidentScenario     *self,
                                                     EvidentItem         *item);
guint               evident_scenario_get_n_assumptions (EvidentScenario  *self);
GPtrArray          *evident_scenario_dup_items      (EvidentScenario     *self,
                                                     EvidentAssumption    assumption);

const EvidentScore *evident_scenario_get_score      (EvidentScenario     *self);
double              evident_scenario_get_difference (EvidentScenario     *self,
                                                     EvidentView          view);
EvidentHeatmap     *evident_scenario_compute_heatmap (EvidentScenario    *self,
                                                      EvidentHeatmapMetric metric);

gboolean            evident_scenario_apply          (EvidentScenario     *self,
                                                     GError             **error);

char              **evident_scenario_list           (EvidentProject      *project,
                                                     GError             **error);
EvidentScenario    *evident_scenario_load           (EvidentProject      *project,
                                                     const char          *name,
                                                     GError             **error);
gboolean            evident_scenario_save           (EvidentScenario     *self,
                                                     const char          *name,
                                                     GError             **error);
gboolean            evident_scenario_delete         (EvidentProject      *project,
                                                     const char          *name,
                                                     GError             **error);

const char         *evident_assumption_to_string    (EvidentAssumption    assumption);
gboolean            evident_assumption_from_string  (const char          *string,
                                                     EvidentAssumption   *assumption);

G_END_DECLS
