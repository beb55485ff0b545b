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

/* evident-cli-checklist.c */
extern const EvidentCliOptions evident_cli_inspect_options;
int evident_cli_inspect  (EvidentCliContext  *cli,
                          GError            **error);

/* evident-cli-export.c */
extern const EvidentCliOptions evident_cli_export_options;
int evident_cli_export   (EvidentCliContext  *cli,
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

/* evident-cli-revise.c */
extern const EvidentCliOptions evident_cli_revise_options;
int evident_cli_revise   (EvidentCliContext  *cli,
                          GError            **error);

/* evident-cli-versions.c */
int evident_cli_versions (EvidentCliContext  *cli,
                          GError            **error);
int evident_cli_archive  (EvidentCliContext  *cli,
                          GError            **error);
int evident_cli_reattach (EvidentCliContext  *cli,
                          GError            **error);

/* evident-cli-report.c */
extern const EvidentCliOptions evident_cli_report_options;
int evident_cli_report      (EvidentCliContext  *cli,
                             GError            **error);

/* evident-cli-pack.c */
extern const EvidentCliOptions evident_cli_pack_options;
extern const EvidentCliOptions evident_cli_verify_pack_options;
int evident_cli_pack        (EvidentCliContext  *cli,
                             GError            **error);
int evident_cli_verify_pack (EvidentCliContext  *cli,
                             GError            **error);

/* evident-cli-exempt.c */
extern const EvidentCliOptions evident_cli_exempt_options;
int evident_cli_exempt         (EvidentCliContext  *cli,
                                GError            **error);
int evident_cli_exemptions     (EvidentCliContext  *cli,
                                GError            **error);

/* evident-cli-sessions.c */
extern const EvidentCliOptions evident_cli_session_new_options;
int evident_cli_session_new    (EvidentCliContext  *cli,
                                GError            **error);
int evident_cli_session_open   (EvidentCliContext  *cli,
                                GError            **error);
int evident_cli_session_close  (EvidentCliContext  *cli,
                                GError            **error);
int evident_cli_sessions       (EvidentCliContext  *cli,
                                GError            **error);

/* evident-cli-agenda.c */
extern const EvidentCliOptions evident_cli_session_time_options;
extern const EvidentCliOptions evident_cli_session_plan_options;
extern const EvidentCliOptions evident_cli_agenda_options;
int evident_cli_session_start  (EvidentCliContext  *cli,
                                GError            **error);
int evident_cli_session_stop   (EvidentCliContext  *cli,
                                GError            **error);
int evident_cli_session_plan   (EvidentCliContext  *cli,
                                GError            **error);
int evident_cli_agenda         (EvidentCliContext  *cli,
                                GError            **error);

/* evident-cli-verdicts.c */
extern const EvidentCliOptions evident_cli_verdict_options;
extern const EvidentCliOptions evident_cli_verdicts_options;
extern const EvidentCliOptions evident_cli_findings_options;
extern const EvidentCliOptions evident_cli_finding_options;
extern const EvidentCliOptions evident_cli_finding_new_options;
int evident_cli_verdict        (EvidentCliContext  *cli,
                                GError            **error);
int evident_cli_verdicts       (EvidentCliContext  *cli,
                                GError            **error);
int evident_cli_findings       (EvidentCliContext  *cli,
                                GError            **error);
int evident_cli_finding        (EvidentCliContext  *cli,
                                GError            **error);
int evident_cli_finding_new    (EvidentCliContext  *cli,
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
