/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_PLAN_ERROR (evident_plan_error_quark ())

/**
 * EvidentPlanError:
 * @EVIDENT_PLAN_ERROR_INVALID: an effort, an estimate or a date is not
 *   one Evident can use
 * @EVIDENT_PLAN_ERROR_TOO_LARGE: the plan would need more memory than
 *   Evident allows itself (a pass line of many millions of points)
 */
typedef enum
{
  EVIDENT_PLAN_ERROR_INVALID,
  EVIDENT_PLAN_ERROR_TOO_LARGE,
} EvidentPlanError;

/* The first schema version with estimates and scenarios: an older file
 * opened to be inspected has neither. */
#define EVIDENT_PLAN_SCHEMA_VERSION 6

/* Estimates and efforts are days, kept to a hundredth of a day. */
#define EVIDENT_MAX_DAYS 10000.0

#define EVIDENT_DEFAULT_EFFORT_LOW    1.0
#define EVIDENT_DEFAULT_EFFORT_MEDIUM 3.0
#define EVIDENT_DEFAULT_EFFORT_HIGH   8.0

/**
 * EvidentPlanSettings:
 * @effort: the days an item of each complexity takes, when it has no
 *   estimate of its own; an unrated item (%EVIDENT_COMPLEXITY_NONE) takes
 *   as long as a medium one, and its own slot is not used
 * @audit_date: the day of the validation audit; not valid (g_date_valid())
 *   when none is set
 *
 * A project's settings for planning (DESIGN.md does not fix them): kept in
 * the project file, edited with evident_project_set_plan_settings().
 */
typedef struct
{
  double effort[EVIDENT_N_COMPLEXITIES];
  GDate  audit_date;
} EvidentPlanSettings;

GQuark    evident_plan_error_quark          (void);

void      evident_plan_settings_init        (EvidentPlanSettings        *settings);
gboolean  evident_plan_settings_equal       (const EvidentPlanSettings  *a,
                                             const EvidentPlanSettings  *b);
gboolean  evident_plan_settings_parse_efforts (EvidentPlanSettings      *settings,
                                             const char                 *spec,
                                             GError                    **error);
char     *evident_plan_settings_format_efforts (const EvidentPlanSettings *settings);
gboolean  evident_plan_settings_set_audit_date (EvidentPlanSettings     *settings,
                                             const char                 *date,
                                             GError                    **error);
char     *evident_plan_settings_dup_audit_date (const EvidentPlanSettings *settings);
double    evident_plan_settings_get_effort  (const EvidentPlanSettings  *settings,
                                             EvidentComplexity           complexity);
double    evident_plan_settings_item_effort (const EvidentPlanSettings  *settings,
                                             EvidentItem                *item,
                                             gboolean                   *estimated);

gboolean  evident_days_parse                (const char                 *text,
                                             double                     *days);
char     *evident_days_format               (double                      days);
gint64    evident_days_to_hundredths        (double                      days);

gboolean  evident_date_parse                (const char                 *text,
                                             GDate                      *date);
char     *evident_date_format               (const GDate                *date);

gboolean  evident_project_set_plan_settings (EvidentProject             *project,
                                             const EvidentPlanSettings  *settings,
                                             GError                    **error);
const EvidentPlanSettings *evident_project_get_plan_settings (EvidentProject *project);

G_END_DECLS
