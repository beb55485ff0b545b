/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-project.h"

G_BEGIN_DECLS

/* Exit status for wrong usage; errors exit with EXIT_FAILURE. */
#define EXIT_USAGE 2

/* For the arg_data of a command's GOptionEntry: where the value goes in
 * the command's options struct. The driver points it at the real struct. */
#define EVIDENT_CLI_OPTION(Type, field) GSIZE_TO_POINTER (G_STRUCT_OFFSET (Type, field))

typedef struct _EvidentCliContext EvidentCliContext;

/**
 * EvidentCliAccess:
 * @EVIDENT_CLI_PROJECT_NONE: the first argument is not a project; nothing is opened
 * @EVIDENT_CLI_PROJECT_CREATE: the command creates the project named by the
 *   first argument; nothing is opened
 * @EVIDENT_CLI_PROJECT_READ: the project named by the first argument is
 *   opened for a command that only reads it
 * @EVIDENT_CLI_PROJECT_WRITE: the project named by the first argument is
 *   opened for a command that changes it
 * @EVIDENT_CLI_PROJECT_INSPECT: the project named by the first argument is
 *   opened read-only even when damaged, for a command that reports on it
 *
 * What a command does with its first argument; the driver opens the project
 * accordingly (evident_cli_open_project()).
 */
typedef enum
{
  EVIDENT_CLI_PROJECT_NONE,
  EVIDENT_CLI_PROJECT_CREATE,
  EVIDENT_CLI_PROJECT_READ,
  EVIDENT_CLI_PROJECT_WRITE,
  EVIDENT_CLI_PROJECT_INSPECT,
} EvidentCliAccess;

/**
 * EvidentCliFlags:
 * @EVIDENT_CLI_JSON: the command takes `--json`; the driver adds the option
 *   and sets #EvidentCliContext.json
 */
typedef enum
{
  EVIDENT_CLI_FLAGS_NONE = 0,
  EVIDENT_CLI_JSON       = 1 << 0,
} EvidentCliFlags;

/**
 * EvidentCliOptions:
 * @entries: the command's options, %NULL-terminated, or %NULL for none;
 *   descriptions and argument descriptions are N_() strings, and each
 *   arg_data is EVIDENT_CLI_OPTION (Type, field) of a struct of @size bytes
 *   (G_OPTION_ARG_NONE: a gboolean, _INT: an int, _STRING and _FILENAME:
 *   a char *, _STRING_ARRAY and _FILENAME_ARRAY: a char **)
 * @size: the size of the options struct, which starts zeroed
 * @init: sets defaults in the options struct before parsing, or %NULL.
 *   A description with a printf conversion shows the default: `%d` for an
 *   int option, `%s` for a string option (set to a static string: what
 *   the user gives replaces it, and the driver frees only that)
 * @check: checks and converts the option values before the project is
 *   opened, or %NULL; failing, it sets @error to what the user did wrong,
 *   and the command exits with %EXIT_USAGE. A command that writes only for
 *   some of its arguments or options sets #EvidentCliContext.access here
 *   (e.g. from %EVIDENT_CLI_PROJECT_READ to %EVIDENT_CLI_PROJECT_WRITE)
 * @description: a N_() text printed after the options by `--help`, or %NULL
 *
 * The part of a command that only it knows: its options.
 */
typedef struct
{
  const GOptionEntry *entries;
  gsize               size;
  void              (*init)        (gpointer            values);
  gboolean          (*check)       (EvidentCliContext  *cli,
                                    GError            **error);
  const char         *description;
} EvidentCliOptions;

/**
 * EvidentCliRunFunc:
 *
 * Does a command's work. Returns the exit status; failing, it returns
 * %EXIT_FAILURE and sets @error to one line naming the file and the place
 * (the driver prints it).
 */
typedef int (*EvidentCliRunFunc) (EvidentCliContext  *cli,
                                  GError            **error);

/**
 * EvidentCliCommand:
 * @name: what the user types after `evident-cli`
 * @args: N_(): the positional arguments, for the usage lines
 * @summary: N_(): one line, shown by `evident-cli --help` and the command's `--help`
 * @n_args_min: the fewest positional arguments
 * @n_args_max: the most positional arguments
 * @access: what the command does with the project in its first argument
 * @flags: options the driver handles for the command
 * @options: the command's own options, or %NULL
 * @run: the command's work
 *
 * A row of the command table (evident-cli.c).
 */
typedef struct
{
  const char              *name;
  const char              *args;
  const char              *summary;
  guint                    n_args_min;
  guint                    n_args_max;
  EvidentCliAccess         access;
  EvidentCliFlags          flags;
  const EvidentCliOptions *options;
  EvidentCliRunFunc        run;
} EvidentCliCommand;

/**
 * EvidentCliContext:
 * @command: the row of the command table being run
 * @args: the positional arguments, %NULL-terminated
 * @n_args: their number, within the command's bounds
 * @path: the first argument, as given: the project, for messages
 * @options: the command's options struct, parsed and checked
 * @access: how the project is opened: the command's access, unless its
 *   check function changed it
 * @json: whether `--json` was given
 * @project: the open project for commands that read or write one, else %NULL
 *
 * What a command runs with: everything the driver parsed and opened.
 */
struct _EvidentCliContext
{
  const EvidentCliCommand *command;
  char                   **args;
  guint                    n_args;
  const char              *path;
  gpointer                 options;
  EvidentCliAccess         access;
  gboolean                 json;
  EvidentProject          *project;

  /*< private >*/
  GOptionContext          *option_context;
  gpointer                 defaults;
  GPtrArray               *strings;
};

int             evident_cli_run_command   (const EvidentCliCommand  *command,
                                           int                       argc,
                                           char                    **argv);
EvidentProject *evident_cli_open_project  (const char               *path,
                                           EvidentCliAccess          access,
                                           GError                  **error);
EvidentItem    *evident_cli_lookup_item   (EvidentCliContext        *cli,
                                           const char               *ref,
                                           GError                  **error);

G_END_DECLS
