/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli inspect, and the checklist file as `new` and `inspect` read
 * it: the layout, the sheets, the header, the mapping, the chapters, the
 * rows skipped and the problems, without creating anything. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "evident-enums-util.h"
#include "evident-xlsx.h"

#include "evident-cli-checklist.h"
#include "evident-cli-commands.h"
#include "evident-cli-output.h"

/* The text output lists this many skipped rows; JSON lists all. */
#define N_SKIPPED_SHOWN 40

/* Reading */

/**
 * evident_cli_check_import_options:
 *
 * Returns: whether the options make sense before any file is read; if not,
 *   @error says what the user did wrong
 */
gboolean
evident_cli_check_import_options (const EvidentCliImportOptions  *options,
                                  GError                        **error)
{
  g_autoptr (EvidentImportMapping) mapping = NULL;
  g_autoptr (GError) local_error = NULL;

  if (options->header_row < 0 || options->mandatory_level < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--header-row and --mandatory-level count from 1"));
      return FALSE;
    }
  if (options->map != NULL
      && (mapping = evident_import_mapping_parse (options->map, &local_error)) == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * evident_cli_prefix_import_error:
 * @path: the checklist file, as the user named it
 *
 * Names the file in front of a message that does not name it yet (a
 * workbook's errors name it already).
 */
void
evident_cli_prefix_import_error (GError     **error,
                                 const char  *path)
{
  if (error != NULL && *error != NULL && (*error)->domain != EVIDENT_XLSX_ERROR)
    g_prefix_error (error, "%s: ", path);
}

/**
 * evident_cli_read_checklist:
 * @path: a checklist file, as the user named it
 * @options: what the command line says about the import
 *
 * Reads the file and applies the options. The import may still have
 * problems (evident_import_get_problems()).
 *
 * Returns: (transfer full): the import, or %NULL with @error set to a
 *   message naming the file
 */
EvidentImport *
evident_cli_read_checklist (const char                     *path,
                            const EvidentCliImportOptions  *options,
                            GError                        **error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (EvidentImportMapping) mapping = NULL;
  EvidentImportOptions import_options = {
    .sheet = options->sheet,
    .header_row = options->header_row,
    .mandatory_level = options->mandatory_level,
  };

  import = evident_import_new_for_file (file, NULL, error);
  if (import == NULL)
    {
      evident_cli_prefix_import_error (error, path);
      return NULL;
    }

  if (options->map != NULL)
    {
      mapping = evident_import_mapping_parse (options->map, error);
      if (mapping == NULL)
        return NULL;
      import_options.mapping = mapping;
    }
  if (!evident_import_apply_options (import, &import_options, error))
    {
      evident_cli_prefix_import_error (error, path);
      return NULL;
    }
  if (options->mandatory_level > 0 && evident_import_get_max_level (import) == 0)
    {
      g_set_error (error, EVIDENT_IMPORT_ERROR, EVIDENT_IMPORT_ERROR_BAD_MAPPING,
                   _("%s: --mandatory-level needs a column of levels; name it with "
                     "--map level=COLUMN"),
                   path);
      return NULL;
    }
  return g_steal_pointer (&import);
}

/* inspect */

typedef struct
{
  EvidentCliImportOptions import;
} InspectOptions;

static const GOptionEntry inspect_entries[] = {
  EVIDENT_CLI_IMPORT_OPTION_ENTRIES (InspectOptions, import),
  { NULL }
};

static gboolean
inspect_check (EvidentCliContext  *cli,
               GError            **error)
{
  InspectOptions *options = cli->options;

  return evident_cli_check_import_options (&options->import, error);
}

const EvidentCliOptions evident_cli_inspect_options = {
  .entries = inspect_entries,
  .size = sizeof (InspectOptions),
  .check = inspect_check,
  .description = N_("Exits with 1 when problems would stop “evident-cli new” from importing the "
                    "file."),
};

static void
print_sheets (EvidentImport *import)
{
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("  r  l  l  l");

  for (guint i = 0; i < evident_import_get_n_sheets (import); i++)
    {
      EvidentSheet *sheet = evident_import_get_sheet (import, i);
      const char *name = evident_sheet_get_name (sheet);
      int header = evident_import_get_header_row (import, i);

      evident_cli_table_add_printf (table, "%u", i + 1);
      evident_cli_table_add (table, name != NULL ? name : "—");
      evident_cli_table_add (table, evident_import_sheet_status_get_label (
                                        evident_import_get_sheet_status (import, i)));
      if (header >= 0 && evident_import_get_sheet_status (import, i) == EVIDENT_IMPORT_SHEET_USED)
        {
          g_autofree char *place = evident_sheet_describe_row (sheet, header);

          /* Translators: where a sheet's header is, e.g. "header: Sheet “Security”, row 2" */
          evident_cli_table_add_printf (table, _("header: %s"), place);
        }
      else
        evident_cli_table_add (table, "");
    }
  g_print ("%s\n", _("Sheets:"));
  evident_cli_table_print (table);

  /* Rows the author hid, as hidden sheets are listed above. */
  for (guint i = 0; i < evident_import_get_n_sheets (import); i++)
    {
      guint n_hidden = evident_import_count_skipped (import, i, EVIDENT_IMPORT_SKIP_HIDDEN);

      if (n_hidden == 0)
        continue;
      evident_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                      "Skipped: %u hidden row on sheet “%s” (unhide it in the "
                                      "workbook to import it)\n",
                                      "Skipped: %u hidden rows on sheet “%s” (unhide them in the "
                                      "workbook to import them)\n",
                                      n_hidden),
                         n_hidden, evident_sheet_get_name (evident_import_get_sheet (import, i)));
    }
}

/* Each used sheet's mapping, once for sheets that read alike. */
static void
print_mappings (EvidentImport *import)
{
  g_autofree char *last = NULL;

  for (guint i = 0; i < evident_import_get_n_sheets (import); i++)
    {
      g_autoptr (EvidentImportMapping) mapping = NULL;
      g_autoptr (EvidentImportMapping) mapped = evident_import_mapping_new ();
      g_autoptr (EvidentCliTable) table = evident_cli_table_new ("  l  l");
      g_autofree char *text = NULL;
      const char *name;

      if (evident_import_get_sheet_status (import, i) != EVIDENT_IMPORT_SHEET_USED)
        continue;
      mapping = evident_import_dup_mapping (import, i);
      for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
        {
          const char *column = evident_import_mapping_get (mapping, f);

          if (column == NULL || *column == '\0')
            continue;
          evident_import_mapping_set (mapped, f, column);
          evident_cli_table_add (table, evident_import_field_get_name (f));
          evident_cli_table_add (table, column);
        }
      /* The fields mapped, as --map takes them. */
      text = evident_import_mapping_to_string (mapped);
      if (*text == '\0' || g_strcmp0 (text, last) == 0)
        continue;
      name = evident_sheet_get_name (evident_import_get_sheet (import, i));
      if (name != NULL)
        evident_cli_print (_("Mapping of sheet “%s” (--map %s):\n"), name, text);
      else
        evident_cli_print (_("Mapping (--map %s):\n"), text);
      evident_cli_table_print (table);
      g_free (last);
      last = g_steal_pointer (&text);
    }
}

static void
print_chapters (EvidentImport *import)
{
  GPtrArray *chapters = evident_import_get_chapters (import);
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("  l  l  r");

  if (chapters->len == 0)
    return;
  for (guint i = 0; i < chapters->len; i++)
    {
      const EvidentImportChapter *chapter = g_ptr_array_index (chapters, i);

      evident_cli_table_add (table, chapter->number);
      evident_cli_table_add (table, chapter->title);
      evident_cli_table_add_printf (table, "%u", chapter->n_items);
      for (guint j = 0; j < chapter->sections->len; j++)
        {
          const EvidentImportSection *section = g_ptr_array_index (chapter->sections, j);

          evident_cli_table_add_printf (table, "  %s", section->number);
          evident_cli_table_add_printf (table, "  %s", section->title);
          evident_cli_table_add_printf (table, "%u", section->n_items);
        }
    }
  g_print ("%s\n", _("Chapters (items):"));
  evident_cli_table_print (table);
}

static void
print_skipped (EvidentImport *import)
{
  GArray *skipped = evident_import_get_skipped (import);
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("  l  l");

  if (skipped->len == 0)
    return;
  for (guint i = 0; i < skipped->len && i < N_SKIPPED_SHOWN; i++)
    {
      const EvidentImportSkip *skip = &g_array_index (skipped, EvidentImportSkip, i);
      g_autofree char *place = evident_sheet_describe_row (
          evident_import_get_sheet (import, skip->sheet), skip->row);

      evident_cli_table_add (table, place);
      evident_cli_table_add (table, evident_import_skip_reason_get_label (skip->reason));
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u row skipped:\n", "%u rows skipped:\n", skipped->len),
           skipped->len);
  evident_cli_table_print (table);
  if (skipped->len > N_SKIPPED_SHOWN)
    g_print (_("  … and %u more (--json lists them all)\n"), skipped->len - N_SKIPPED_SHOWN);
}

static void
print_report (const char    *path,
              EvidentImport *import)
{
  GPtrArray *entries = evident_import_get_entries (import);
  GPtrArray *problems = evident_import_get_problems (import);
  const EvidentCsvFormat *format = evident_import_get_csv_format (import);
  guint n_mandatory = 0;

  for (guint i = 0; i < entries->len; i++)
    n_mandatory += ((EvidentChecklistEntry *) g_ptr_array_index (entries, i))->mandatory ? 1 : 0;

  evident_cli_print ("%s: %s\n", path,
                     evident_import_layout_get_label (evident_import_get_layout (import)));
  if (format != NULL)
    evident_cli_print (_("Read as %s, delimiter “%c”\n"),
                       evident_csv_encoding_get_name (format->encoding), format->delimiter);
  print_sheets (import);
  print_mappings (import);
  g_print (_("Items: %u, %u of them mandatory; scoring: %s\n"), entries->len, n_mandatory,
           evident_score_mode_to_string (evident_import_get_mode (import)));
  if (evident_import_get_max_level (import) > 0)
    g_print (_("Levels 1 to %u (--mandatory-level %u)\n"), evident_import_get_max_level (import),
             evident_import_get_mandatory_level (import));
  print_chapters (import);
  print_skipped (import);

  if (problems->len == 0)
    return;
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u problem stops the import:\n",
                        "%u problems stop the import:\n", problems->len),
           problems->len);
  for (guint i = 0; i < problems->len; i++)
    evident_cli_print ("  %s\n",
                       ((EvidentImportProblem *) g_ptr_array_index (problems, i))->message);
}

int
evident_cli_inspect (EvidentCliContext  *cli,
                     GError            **error)
{
  InspectOptions *options = cli->options;
  g_autoptr (EvidentImport) import = NULL;

  import = evident_cli_read_checklist (cli->path, &options->import, error);
  if (import == NULL)
    return EXIT_FAILURE;

  if (cli->json)
    {
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      g_autoptr (JsonNode) root = evident_import_to_json (import);
      g_autofree char *text = NULL;

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
  else
    print_report (cli->path, import);

  if (!evident_import_check (import, error))
    {
      evident_cli_prefix_import_error (error, cli->path);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
