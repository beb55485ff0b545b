/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the commands of the audit share (evident-cli-sessions.c): sessions
 * and findings by the numbers users type, times given on the command line
 * and times printed. */

#include "evident-audit.h"
#include "evident-cli-driver.h"

G_BEGIN_DECLS

EvidentSession *evident_cli_lookup_session   (EvidentCliContext  *cli,
                                              const char         *number,
                                              GError            **error);
EvidentFinding *evident_cli_lookup_finding   (EvidentCliContext  *cli,
                                              const char         *number,
                                              GError            **error);
GDateTime      *evident_cli_parse_time       (const char         *text,
                                              GError            **error);
char           *evident_cli_format_time      (GDateTime          *time);
char           *evident_cli_format_utc       (GDateTime          *time);
GPtrArray      *evident_cli_model_to_array   (GListModel         *model);
int             evident_cli_audit_fail       (EvidentCliContext  *cli,
                                              GError            **error);

G_END_DECLS
