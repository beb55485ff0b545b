/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "evident-project.h"

G_BEGIN_DECLS

/* Exit status for wrong usage; errors exit with EXIT_FAILURE. */
#define EXIT_USAGE 2

int             evident_cli_fail          (GError          *error);
int             evident_cli_usage_error   (GOptionContext  *context,
                                           const char      *message);
int             evident_cli_parse_options (GOptionContext  *context,
                                           int             *argc,
                                           char          ***argv,
                                           int              n_args_min,
                                           int              n_args_max);
EvidentProject *evident_cli_open_project  (const char      *path,
                                           GError         **error);
EvidentItem    *evident_cli_lookup_item   (EvidentProject  *project,
                                           const char      *path,
                                           const char      *ref);
JsonNode       *evident_cli_json_number   (double           value);
void            evident_cli_print_json    (JsonNode        *root);

int             evident_cli_command_heatmap (int    argc,
                                             char **argv);

/* evident-cli-evidence.c */
int             evident_cli_command_attach   (int    argc,
                                              char **argv);
int             evident_cli_command_evidence (int    argc,
                                              char **argv);
int             evident_cli_command_extract  (int    argc,
                                              char **argv);
int             evident_cli_command_verify   (int    argc,
                                              char **argv);
int             evident_cli_command_cleanup  (int    argc,
                                              char **argv);

G_END_DECLS
