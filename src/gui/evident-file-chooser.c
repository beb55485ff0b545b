/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evident-file-chooser.h"

/*
 * Choosing project files: one file chooser for opening a project, creating
 * one and saving a copy, and the names it suggests and returns.
 */

#define PROJECT_EXTENSION ".evident"
#define PROJECT_MIME_TYPE "application/x-evident-project"

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
