/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evident-file-chooser.h"

/*
 * Choosing project files: one file chooser for opening a project, creating
 * one and saving a copy, and the names it suggests and returns; one for
 * the checklist files a project is imported from; and one for saving what
 * leaves the project (exports, reports, evidence packs), with the names it
 * suggests and the extension its files get.
 */

#define PROJECT_EXTENSION ".evident"
#define PROJECT_MIME_TYPE "application/x-evident-project"
#define XLSX_MIME_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define CSV_MIME_TYPE "text/csv"

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *patterns,
            const char * const *mime_types)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

/**
 * evident_file_chooser_new_for_projects:
 * @title: the dialog's title
 * @parent: (nullable): the window it is modal for
 * @action: open or save
 * @accept_label: the label of the button that accepts, with a mnemonic
 *
 * Returns: (transfer full): a modal file chooser that shows Evident
 *   projects; show it, and destroy it once it responds
 */
GtkFileChooserNative *
evident_file_chooser_new_for_projects (const char           *title,
                                       GtkWindow            *parent,
                                       GtkFileChooserAction  action,
                                       const char           *accept_label)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (filter, _("Evident Projects"));
  gtk_file_filter_add_pattern (filter, "*" PROJECT_EXTENSION);
  gtk_file_filter_add_mime_type (filter, PROJECT_MIME_TYPE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  return native;
}

/**
 * evident_file_chooser_new_for_checklists:
 * @parent: (nullable): the window it is modal for
 *
 * Returns: (transfer full): a modal file chooser for a checklist to import:
 *   Excel workbooks and CSV files (one filter for both, one for each, and
 *   all files), starting in the user's documents; show it, and destroy it
 *   once it responds
 */
GtkFileChooserNative *
evident_file_chooser_new_for_checklists (GtkWindow *parent)
{
  static const char * const xlsx_patterns[] = { "*.xlsx", "*.XLSX", NULL };
  static const char * const xlsx_types[] = { XLSX_MIME_TYPE, NULL };
  static const char * const csv_patterns[] = { "*.csv", "*.CSV", NULL };
  static const char * const csv_types[] = { CSV_MIME_TYPE, NULL };
  static const char * const both_patterns[] = { "*.xlsx", "*.XLSX", "*.csv", "*.CSV", NULL };
  static const char * const both_types[] = { XLSX_MIME_TYPE, CSV_MIME_TYPE, NULL };
  static const char * const any_pattern[] = { "*", NULL };
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;

  native = gtk_file_chooser_native_new (_("Import a Checklist"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  chooser = GTK_FILE_CHOOSER (native);
  add_filter (chooser, _("Checklists"), both_patterns, both_types);
  add_filter (chooser, _("Excel Workbooks"), xlsx_patterns, xlsx_types);
  add_filter (chooser, _("CSV Files"), csv_patterns, csv_types);
  add_filter (chooser, _("All Files"), any_pattern, NULL);
  evident_file_chooser_set_default_folder (chooser);

  return native;
}

/**
 * evident_file_chooser_new_for_saving:
 * @title: the dialog's title
 * @parent: (nullable): the window it is modal for
 * @filter_name: what the files are, e.g. "PDF Documents"
 * @extension: their extension with the dot, e.g. ".pdf"
 * @mime_type: (nullable): their MIME type
 *
 * Returns: (transfer full): a modal file chooser to save one file of a
 *   kind, showing files of that kind; set the name it suggests, show it,
 *   pass what it returns through evident_file_chooser_ensure_suffix(), and
 *   destroy it once it responds
 */
GtkFileChooserNative *
evident_file_chooser_new_for_saving (const char *title,
                                     GtkWindow  *parent,
                                     const char *filter_name,
                                     const char *extension,
                                     const char *mime_type)
{
  g_autofree char *lower = NULL;
  g_autofree char *upper = NULL;
  const char *patterns[3];
  const char *mime_types[2] = { mime_type, NULL };
  GtkFileChooserNative *native;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (extension != NULL && *extension == '.', NULL);

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  lower = g_strconcat ("*", extension, NULL);
  upper = g_ascii_strup (lower, -1);
  patterns[0] = lower;
  patterns[1] = upper;
  patterns[2] = NULL;
  add_filter (GTK_FILE_CHOOSER (native), filter_name, patterns, mime_types);

  return native;
}

/**
 * evident_file_chooser_set_default_folder:
 *
 * Starts @chooser in the user's documents folder, or the home folder
 * when there is none.
 */
void
evident_file_chooser_set_default_folder (GtkFileChooser *chooser)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr (GFile) folder = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    folder = g_file_new_for_path (documents);
  else
    folder = g_file_new_for_path (g_get_home_dir ());

  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

/**
 * evident_file_chooser_ensure_extension:
 * @file: a file chosen to save a project in
 *
 * Returns: (transfer full): @file, with ".evident" added when its name
 *   lacks it
 */
GFile *
evident_file_chooser_ensure_extension (GFile *file)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path != NULL && !g_str_has_suffix (path, PROJECT_EXTENSION))
    {
      g_autofree char *with_extension = g_strconcat (path, PROJECT_EXTENSION, NULL);

      return g_file_new_for_path (with_extension);
    }

  return g_object_ref (file);
}

/**
 * evident_file_chooser_has_project_extension:
 * @file: a file
 *
 * Returns: whether @file's name ends in ".evident", as a project's does
 */
gboolean
evident_file_chooser_has_project_extension (GFile *file)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  basename = g_file_get_basename (file);
  return basename != NULL && g_str_has_suffix (basename, PROJECT_EXTENSION);
}

/**
 * evident_file_chooser_ensure_suffix:
 * @file: a file chosen to save in
 * @extension: the extension its kind has, with the dot: ".pdf"
 *
 * Returns: (transfer full): @file, with @extension added when its name
 *   lacks it in any case ("Report.PDF" keeps its own)
 */
GFile *
evident_file_chooser_ensure_suffix (GFile      *file,
                                    const char *extension)
{
  g_autofree char *basename = NULL;
  g_autofree char *with_extension = NULL;
  g_autoptr (GFile) parent = NULL;
  size_t length;
  size_t extension_length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  basename = g_file_get_basename (file);
  parent = g_file_get_parent (file);
  length = basename != NULL ? strlen (basename) : 0;
  extension_length = strlen (extension);
  if (parent == NULL || length == 0
      || (length > extension_length
          && g_ascii_strcasecmp (basename + length - extension_length, extension) == 0))
    return g_object_ref (file);

  with_extension = g_strconcat (basename, extension, NULL);
  return g_file_get_child (parent, with_extension);
}

/**
 * evident_file_chooser_dup_stem:
 * @file: a file
 *
 * Returns: (transfer full): @file's name without its extension, to suggest
 *   a name or a title from it ("Audit.evident" → "Audit")
 */
char *
evident_file_chooser_dup_stem (GFile *file)
{
  char *basename;
  char *dot;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';

  return basename;
}

/**
 * evident_file_chooser_make_name:
 * @stem: what the name says, e.g. a project's title
 * @extension: the extension with the dot
 *
 * Returns: (transfer full): a file name to suggest: @stem with characters
 *   no file name may hold (path separators, control characters, those
 *   Windows refuses) replaced, and @extension
 */
char *
evident_file_chooser_make_name (const char *stem,
                                const char *extension)
{
  g_autoptr (GString) name = g_string_new (NULL);

  g_return_val_if_fail (stem != NULL, NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  for (const char *p = stem; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
        g_string_append_c (name, c < 0x20 || c == 0x7f ? ' ' : '-');
      else
        g_string_append_unichar (name, c);
    }
  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  /* A name that is only dots would be a folder */
  if (name->len == 0 || strspn (name->str, ".") == name->len)
    g_string_assign (name, _("Untitled"));

  g_string_append (name, extension);
  return g_string_free (g_steal_pointer (&name), FALSE);
}
