/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "evident-chapter.h"
#include "evident-csv.h"
#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-project.h"
#include "evident-scoring.h"

#include "evident-cli-common.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  func;
} Command;

/* @text padded with spaces to @width characters: printf pads by bytes,
 * which misaligns text with umlauts or an ellipsis. */
static char *
pad (const char *text,
     int         width)
{
  glong length = g_utf8_strlen (text, -1);
  GString *padded = g_string_new (text);

  for (glong i = length; i < width; i++)
    g_string_append_c (padded, ' ');
  return g_string_free (padded, FALSE);
}

/* new */

static int
command_new (int    argc,
             char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_("PROJECT — create a project"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) checklist_file = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autofree char *checklist = NULL;
  g_autofree char *title = NULL;
  g_autofree char *version = NULL;
  g_autofree char *mode = NULL;
  EvidentProjectSettings settings;
  int ret;
  GOptionEntry entries_desc[] = {
    { "checklist", 'c', 0, G_OPTION_ARG_FILENAME, &checklist,
      N_("The checklist to import (CSV)"), N_("FILE.csv") },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The project’s title"), N_("TITLE") },
    { "checklist-version", 0, 0, G_OPTION_ARG_STRING, &version,
      N_("The checklist’s version, e.g. 4.1"), N_("VERSION") },
    { "pass-score", 0, 0, G_OPTION_ARG_INT, NULL, N_("Score needed to pass (default 900)"),
      N_("N") },
    { "penalty", 0, 0, G_OPTION_ARG_INT, NULL,
      N_("Points lost for each mandatory item not met (default 200)"), N_("N") },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode, N_("Scoring mode: points or pass-fail"),
      N_("MODE") },
    { NULL }
  };

  evident_project_settings_init (&settings);
  entries_desc[3].arg_data = &settings.rules.pass_score;
  entries_desc[4].arg_data = &settings.rules.mandatory_penalty;
  g_option_context_add_main_entries (context, entries_desc, GETTEXT_PACKAGE);

  if ((ret = evident_cli_parse_options (context, &argc, &argv, 1, 1)) >= 0)
    return ret;
  if (checklist == NULL)
    return evident_cli_usage_error (context, _("Say which checklist to import with --checklist FILE.csv"));
  if (mode != NULL && !evident_score_mode_from_string (mode, &settings.rules.mode))
    return evident_cli_usage_error (context, _("The mode is either “points” or “pass-fail”"));
  if (settings.rules.pass_score < 0 || settings.rules.mandatory_penalty < 0)
    return evident_cli_usage_error (context, _("The pass score and the penalty cannot be negative"));

  checklist_file = g_file_new_for_commandline_arg (checklist);
  entries = evident_checklist_load (checklist_file, NULL, &error);
  if (entries == NULL)
    {
      g_printerr ("evident-cli: %s: %s\n", checklist, error->message);
      return EXIT_FAILURE;
    }

  settings.title = title;
  settings.checklist_version = version;
  file = g_file_new_for_commandline_arg (argv[1]);
  project = evident_project_create (file, &settings, entries, &error);
  if (project == NULL)
    return evident_cli_fail (error);

  g_print (_("Created “%s” with %u items in %u chapters (%d points)\n"), argv[1],
           g_list_model_get_n_items (evident_project_get_items (project)),
           g_list_model_get_n_items (evident_project_get_chapters (project)),
           (int) evident_project_get_max_score (project));
  return EXIT_SUCCESS;
}

/* items */

static int
command_items (int    argc,
               char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_("PROJECT — list the items"));
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  gboolean json = FALSE;
  GListModel *items;
  guint n_items;
  int ret;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if ((ret = evident_cli_parse_options (context, &argc, &argv, 1, 1)) >= 0)
    return ret;

  project = evident_cli_open_project (argv[1], &error);
  if (project == NULL)
    return evident_cli_fail (error);

  items = evident_project_get_items (project);
  n_items = g_list_model_get_n_items (items);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
          const char *owner = evident_item_get_owner (item);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "ref");
          json_builder_add_string_value (builder, evident_item_get_ref (item));
          json_builder_set_member_name (builder, "chapter");
          json_builder_add_string_value (builder, evident_item_get_chapter (item));
          json_builder_set_member_name (builder, "section");
          json_builder_add_string_value (builder, evident_item_get_section (item));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, evident_item_get_title (item));
          json_builder_set_member_name (builder, "points");
          json_builder_add_int_value (builder, evident_item_get_points (item));
          json_builder_set_member_name (builder, "mandatory");
          json_builder_add_boolean_value (builder, evident_item_get_mandatory (item));
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder,
                                         evident_status_to_string (evident_item_get_status (item)));
          json_builder_set_member_name (builder, "owner");
          if (owner != NULL)
            json_builder_add_string_value (builder, owner);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "complexity");
          json_builder_add_string_value (
              builder, evident_complexity_to_string (evident_item_get_complexity (item)));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      evident_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      const char *owner = evident_item_get_owner (item);

      g_print ("%-10s %-15s %4d %s %-22s %s\n", evident_item_get_ref (item),
               evident_status_to_string (evident_item_get_status (item)),
               evident_item_get_points (item), evident_item_get_mandatory (item) ? "M" : " ",
               owner ? owner : "-", evident_item_get_title (item));
    }
  return EXIT_SUCCESS;
}

/* set */

static int
set_item (int     argc,
          char  **argv,
          char  **values);

static int
command_set (int    argc,
             char **argv)
{
  char *values[EVIDENT_N_ITEM_FIELDS] = { NULL };
  int ret = set_item (argc, argv, values);

  for (guint f = 0; f < EVIDENT_N_ITEM_FIELDS; f++)
    g_free (values[f]);
  return ret;
}

/* Fills @values, which the caller frees, from the options. */
static int
set_item (int     argc,
          char  **argv,
          char  **values)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_("PROJECT REF — edit an item"));
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  EvidentItemChange changes[EVIDENT_N_ITEM_FIELDS];
  guint n_changes = 0;
  EvidentItem *item;
  int ret;
  const GOptionEntry options[] = {
    { "status", 's', 0, G_OPTION_ARG_STRING, &values[EVIDENT_ITEM_FIELD_STATUS],
      N_("not-started, in-progress, ready, met, not-met or not-applicable"), N_("STATUS") },
    { "owner", 'o', 0, G_OPTION_ARG_STRING, &values[EVIDENT_ITEM_FIELD_OWNER],
      N_("Who owns the item (empty to clear)"), N_("NAME") },
    { "complexity", 'c', 0, G_OPTION_ARG_STRING, &values[EVIDENT_ITEM_FIELD_COMPLEXITY],
      N_("low, medium, high or none"), N_("COMPLEXITY") },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &values[EVIDENT_ITEM_FIELD_REASON],
      N_("Why the item is not applicable"), N_("TEXT") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &values[EVIDENT_ITEM_FIELD_NOTE],
      N_("Notes on the item"), N_("TEXT") },
    { "due", 'd', 0, G_OPTION_ARG_STRING, &values[EVIDENT_ITEM_FIELD_DUE],
      N_("Due date, YYYY-MM-DD (empty to clear)"), N_("DATE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if ((ret = evident_cli_parse_options (context, &argc, &argv, 2, 2)) >= 0)
    return ret;

  for (guint f = 0; f < EVIDENT_N_ITEM_FIELDS; f++)
    {
      if (values[f] != NULL)
        {
          changes[n_changes].field = f;
          changes[n_changes].value = values[f];
          n_changes++;
        }
    }
  if (n_changes == 0)
    return evident_cli_usage_error (context, _("Say what to change, e.g. --status met"));

  if (values[EVIDENT_ITEM_FIELD_STATUS] != NULL)
    {
      EvidentStatus status;

      if (!evident_status_from_string (values[EVIDENT_ITEM_FIELD_STATUS], &status))
        return evident_cli_usage_error (context, _("Unknown status; use not-started, in-progress, ready, met, "
                                       "not-met or not-applicable"));
    }
  if (values[EVIDENT_ITEM_FIELD_COMPLEXITY] != NULL)
    {
      EvidentComplexity complexity;

      if (!evident_complexity_from_string (values[EVIDENT_ITEM_FIELD_COMPLEXITY], &complexity))
        return evident_cli_usage_error (context, _("Unknown complexity; use low, medium, high or none"));
    }

  project = evident_cli_open_project (argv[1], &error);
  if (project == NULL)
    return evident_cli_fail (error);

  item = evident_cli_lookup_item (project, argv[1], argv[2]);
  if (item == NULL)
    return EXIT_FAILURE;

  if (!evident_project_update_item (project, item, changes, n_changes, &error))
    {
      g_printerr ("evident-cli: %s: %s\n", argv[1], error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

/* score */

static void
add_view (JsonBuilder        *builder,
          const EvidentScore *score,
          EvidentView         view)
{
  json_builder_set_member_name (builder, evident_view_to_string (view));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "score");
  json_builder_add_value (builder, evident_cli_json_number (score->views[view].score));
  json_builder_set_member_name (builder, "pass");
  json_builder_add_boolean_value (builder, score->views[view].pass);
  json_builder_end_object (builder);
}

static void
print_score_json (EvidentProject     *project,
                  const EvidentScore *score)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "checklist");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, evident_project_get_title (project));
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, evident_project_get_checklist_version (project));
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, evident_score_mode_to_string (score->rules.mode));
  json_builder_set_member_name (builder, "max_score");
  json_builder_add_int_value (builder, score->max_score);
  json_builder_set_member_name (builder, "pass_score");
  json_builder_add_int_value (builder, score->rules.pass_score);
  json_builder_set_member_name (builder, "mandatory_penalty");
  json_builder_add_int_value (builder, score->rules.mandatory_penalty);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "views");
  json_builder_begin_object (builder);
  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    add_view (builder, score, v);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "chapters");
  json_builder_begin_array (builder);
  for (guint c = 0; c < score->chapters->len; c++)
    {
      const EvidentChapterScore *chapter = &g_array_index (score->chapters,
                                                           EvidentChapterScore, c);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_string_value (builder, chapter->number);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, chapter->title);
      json_builder_set_member_name (builder, "items");
      json_builder_add_int_value (builder, chapter->n_items);
      json_builder_set_member_name (builder, "points");
      json_builder_add_int_value (builder, chapter->points);
      json_builder_set_member_name (builder, "confirmed");
      json_builder_add_int_value (builder, chapter->points_counted[EVIDENT_VIEW_CONFIRMED]);
      json_builder_set_member_name (builder, "projected");
      json_builder_add_int_value (builder, chapter->points_counted[EVIDENT_VIEW_PROJECTED]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "at_risk");
  json_builder_begin_array (builder);
  for (guint i = 0; i < score->at_risk->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (score->at_risk, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ref");
      json_builder_add_string_value (builder, evident_item_get_ref (item));
      json_builder_set_member_name (builder, "points_at_risk");
      json_builder_add_int_value (builder, evident_item_get_points_at_risk (
                                               item, score->rules.mandatory_penalty));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  evident_cli_print_json (root);
}

static void
print_score_text (EvidentProject     *project,
                  const EvidentScore *score)
{
  const char *version = evident_project_get_checklist_version (project);

  g_print ("%s%s%s%s\n", evident_project_get_title (project), *version ? " (" : "", version,
           *version ? ")" : "");
  if (score->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL)
    g_print (_("Pass-fail mode: every mandatory item must be met\n"));
  else
    g_print (_("Pass line %d of %d points; %d points lost per mandatory item not met\n"),
             score->rules.pass_score, (int) score->max_score, score->rules.mandatory_penalty);
  g_print ("\n");

  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      g_autofree char *value = evident_score_format (score, v);
      g_autofree char *label = pad (evident_view_get_label (v), 12);

      g_print ("%s %10s  %s", label, value,
               score->views[v].pass ? _("passes") : _("does not pass"));
      if (score->views[v].n_mandatory_open > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE, " (%u mandatory item not counted)",
                              " (%u mandatory items not counted)",
                              score->views[v].n_mandatory_open),
                 score->views[v].n_mandatory_open);
      g_print ("\n");
    }

  g_print ("\n%s\n", _("Chapters (points confirmed / projected / available)"));
  for (guint c = 0; c < score->chapters->len; c++)
    {
      const EvidentChapterScore *chapter = &g_array_index (score->chapters,
                                                           EvidentChapterScore, c);

      g_autofree char *title = pad (evident_translate_title (chapter->title), 52);

      g_print ("  %-6s %s %4" G_GINT64_FORMAT " %4" G_GINT64_FORMAT " %4" G_GINT64_FORMAT "\n",
               chapter->number, title,
               chapter->points_counted[EVIDENT_VIEW_CONFIRMED],
               chapter->points_counted[EVIDENT_VIEW_PROJECTED], chapter->points);
    }

  if (score->at_risk->len > 0)
    {
      g_print ("\n%s\n", _("Most points at risk"));
      for (guint i = 0; i < MIN (score->at_risk->len, 10); i++)
        {
          EvidentItem *item = g_ptr_array_index (score->at_risk, i);

          g_print ("  %-10s %4" G_GINT64_FORMAT "  %s\n", evident_item_get_ref (item),
                   evident_item_get_points_at_risk (item, score->rules.mandatory_penalty),
                   evident_item_get_title (item));
        }
    }
}

static int
command_score (int    argc,
               char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_("PROJECT — show the score"));
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  gboolean json = FALSE;
  int ret;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if ((ret = evident_cli_parse_options (context, &argc, &argv, 1, 1)) >= 0)
    return ret;

  project = evident_cli_open_project (argv[1], &error);
  if (project == NULL)
    return evident_cli_fail (error);

  if (json)
    print_score_json (project, evident_project_get_score (project));
  else
    print_score_text (project, evident_project_get_score (project));
  return EXIT_SUCCESS;
}

/* history */

static const char *
value_label (EvidentItemField  field,
             const char       *value)
{
  EvidentStatus status;
  EvidentComplexity complexity;

  if (value == NULL || *value == '\0')
    return "—";
  if (field == EVIDENT_ITEM_FIELD_STATUS && evident_status_from_string (value, &status))
    return evident_status_to_string (status);
  if (field == EVIDENT_ITEM_FIELD_COMPLEXITY
      && evident_complexity_from_string (value, &complexity))
    return evident_complexity_to_string (complexity);
  return value;
}

/* Notes span lines; a history line shows the start of them. */
static char *
one_line (const char *text)
{
  GString *line = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_utf8_strlen (line->str, -1) >= 60)
        {
          g_string_append (line, "…");
          break;
        }
      g_string_append_unichar (line, g_unichar_isspace (c) ? ' ' : c);
    }
  return g_string_free (line, FALSE);
}

static int
command_history (int    argc,
                 char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
      _("PROJECT [REF] — show who changed what, newest first"));
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GPtrArray) history = NULL;
  EvidentItem *item = NULL;
  int ret;

  if ((ret = evident_cli_parse_options (context, &argc, &argv, 1, 2)) >= 0)
    return ret;

  project = evident_cli_open_project (argv[1], &error);
  if (project == NULL)
    return evident_cli_fail (error);

  if (argc > 2)
    {
      item = evident_cli_lookup_item (project, argv[1], argv[2]);
      if (item == NULL)
        return EXIT_FAILURE;
    }

  history = evident_project_get_history (project, item, &error);
  if (history == NULL)
    return evident_cli_fail (error);

  for (guint i = 0; i < history->len; i++)
    {
      EvidentHistoryEntry *entry = g_ptr_array_index (history, i);
      g_autofree char *at = g_date_time_format (entry->at, "%Y-%m-%d %H:%M:%SZ");
      g_autofree char *old_value = one_line (value_label (entry->field, entry->old_value));
      g_autofree char *new_value = one_line (value_label (entry->field, entry->new_value));

      g_print ("%s  %-20s %-8s %-10s %-10s %s → %s\n", at, entry->who,
               g_str_equal (entry->kind, "edit") ? "" : entry->kind, entry->ref,
               evident_item_field_to_string (entry->field), old_value, new_value);
    }
  return EXIT_SUCCESS;
}

/* check */

static int
command_check (int    argc,
               char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
      _("PROJECT — check the project file’s integrity and schema"));
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentProject) project = NULL;
  int ret;

  if ((ret = evident_cli_parse_options (context, &argc, &argv, 1, 1)) >= 0)
    return ret;

  project = evident_cli_open_project (argv[1], &error);
  if (project == NULL)
    return evident_cli_fail (error);
  if (!evident_project_check (project, &error))
    return evident_cli_fail (error);

  g_print (_("%s: no problems found (schema version %d, %u items)\n"), argv[1],
           EVIDENT_PROJECT_SCHEMA_VERSION,
           g_list_model_get_n_items (evident_project_get_items (project)));
  return EXIT_SUCCESS;
}

static const Command commands[] = {
  { "new", N_("PROJECT --checklist FILE.csv"), N_("Create a project from a checklist"),
    command_new },
  { "items", N_("PROJECT [--json]"), N_("List the items"), command_items },
  { "set", N_("PROJECT REF [--status S] [--owner NAME] …"), N_("Edit an item"), command_set },
  { "score", N_("PROJECT [--json]"), N_("Show the score"), command_score },
  { "history", N_("PROJECT [REF]"), N_("Show who changed what"), command_history },
  { "check", N_("PROJECT"), N_("Check a project file"), command_check },
  { "heatmap", N_("PROJECT [--metric M] [--json]"), N_("Show the items by owner and complexity"),
    evident_cli_command_heatmap },
  { "attach", N_("PROJECT REF FILE [--title T] [--kind K]"),
    N_("Add a file (or a link) to an item as evidence"), evident_cli_command_attach },
  { "evidence", N_("PROJECT [REF] [--json]"), N_("List the evidence"),
    evident_cli_command_evidence },
  { "extract", N_("PROJECT SHA256 OUTFILE"), N_("Save a copy of a stored file"),
    evident_cli_command_extract },
  { "verify", N_("PROJECT"), N_("Check the stored files against their SHA-256"),
    evident_cli_command_verify },
  { "cleanup", N_("PROJECT"), N_("Delete removed evidence and unused files"),
    evident_cli_command_cleanup },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: evident-cli COMMAND [OPTIONS…] ARGUMENTS…"));
  fprintf (stream, "\n%s\n", _("Work on Evident audit projects without a display."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *args = pad (_(commands[i].args), 42);

      fprintf (stream, "  %-8s %s %s\n", commands[i].name, args, _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Run “evident-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("evident-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")
      || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("evident-cli %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        return commands[i].func (argc - 1, argv + 1);
    }

  g_printerr (_("evident-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
