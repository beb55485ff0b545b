/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The commands of evident-cli, for the command table in evident-cli.c:
 * each one's options and work. */

#include "evident-cli-driver.h"

G_BEGIN_DECLS

/* evident-cli-project.c */
extern const EvidentCliOptions evident_cli_new_options;
int evident_cli_new      (EvidentCliContext  *cli,
                          GError            **error);
int evident_cli_check    (EvidentCliContext  *cli,
                          GError            **error);

/* evident-cli-items.c */
extern const EvidentCliOptions evident_cli_set_options;
int evident_cli_items    (EvidentCliContext  *cli,
                          GError            **error);
int evident_cli_set      (EvidentCliContext  *cli,
                          GError            **error);
int evident_cli_history  (EvidentCliContext  *cli,
                          GError            **error);

/* evident-cli-score.c */
int evident_cli_score    (EvidentCliContext  *cli,
                          GError            **error);

/* evident-cli-heatmap.c */
extern const EvidentCliOptions evident_cli_heatmap_options;
int evident_cli_heatmap  (EvidentCliContext  *cli,
                          GError            **error);

/* evident-cli-evidence.c */
extern const EvidentCliOptions evident_cli_attach_options;
extern const EvidentCliOptions evident_cli_extract_options;
extern const EvidentCliOptions evident_cli_verify_options;
int evident_cli_attach   (EvidentCliContext  *cli,
                          GError            **error);
int evident_cli_evidence (EvidentCliContext  *cli,
                          GError            **error);
int evident_cli_extract  (EvidentCliContext  *cli,
                          GError            **error);
int evident_cli_verify   (EvidentCliContext  *cli,
                          GError            **error);
int evident_cli_cleanup  (EvidentCliContext  *cli,
                          GError            **error);

/* evident-cli-plan.c */
extern const EvidentCliOptions evident_cli_plan_options;
extern const EvidentCliOptions evident_cli_settings_options;
extern const EvidentCliOptions evident_cli_workload_options;
int evident_cli_plan     (EvidentCliContext  *cli,
                          GError            **error);
int evident_cli_settings (EvidentCliContext  *cli,
                          GError            **error);
int evident_cli_workload (EvidentCliContext  *cli,
                          GError            **error);

/* evident-cli-scenario.c */
extern const EvidentCliOptions evident_cli_whatif_options;
extern const EvidentCliOptions evident_cli_scenario_options;
int evident_cli_whatif   (EvidentCliContext  *cli,
                          GError            **error);
int evident_cli_scenario (EvidentCliContext  *cli,
                          GError            **error);

G_END_DECLS
