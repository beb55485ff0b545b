/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Reading a checklist file on the command line, for `new` and `inspect`:
 * the options they share (--sheet, --header-row, --map,
 * --mandatory-level) and the import they make. */

#include "evident-cli-driver.h"
#include "evident-import.h"

G_BEGIN_DECLS

/**
 * EvidentCliImportOptions:
 * @sheet: `--sheet NAME`, or %NULL
 * @header_row: `--header-row N`, 0 to find it
 * @map: `--map field=COLUMN,…`, or %NULL
 * @mandatory_level: `--mandatory-level N`, 0 for none
 */
typedef struct
{
  char *sheet;
  int   header_row;
  char *map;
  int   mandatory_level;
} EvidentCliImportOptions;

/* The option entries of an EvidentCliImportOptions member @field of the
 * command's options struct @Type. */
#define EVIDENT_CLI_IMPORT_OPTION_ENTRIES(Type, field)                                            \
  { "sheet", 0, 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (Type, field.sheet),                   \
    N_("Import only this sheet of a workbook"), N_("NAME") },                                     \
  { "header-row", 0, 0, G_OPTION_ARG_INT, EVIDENT_CLI_OPTION (Type, field.header_row),            \
    N_("The row that names the columns, from 1 (default: found by its names)"), N_("N") },       \
  { "map", 0, 0, G_OPTION_ARG_STRING, EVIDENT_CLI_OPTION (Type, field.map),                       \
    N_("Which column each field takes, e.g. ref=ID,title=Name (fields as README’s CSV "          \
       "columns)"),                                                                                \
    N_("FIELD=COLUMN,…") },                                                                        \
  { "mandatory-level", 0, 0, G_OPTION_ARG_INT, EVIDENT_CLI_OPTION (Type, field.mandatory_level),  \
    N_("Items up to this level are mandatory, those above recommended (needs a level column)"),   \
    N_("N") }

gboolean       evident_cli_check_import_options (const EvidentCliImportOptions  *options,
                                                 GError                        **error);
EvidentImport *evident_cli_read_checklist       (const char                     *path,
                                                 const EvidentCliImportOptions  *options,
                                                 GError                        **error);
void           evident_cli_prefix_import_error  (GError                        **error,
                                                 const char                     *path);

G_END_DECLS
