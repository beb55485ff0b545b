/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-exports-private.h"
#include "evident-scope-group.h"

/*
 * The evidence pack leaving the window: export.pack asks which items it
 * covers (every item, those ready or met, one chapter), where to save
 * the zip archive, and writes it on a worker with the bytes written as
 * progress. A toast then shows the digest of its manifest, with a button
 * that copies it and one that opens the folder; the report dialog offers
 * that digest for the report's cover.
 */

G_STATIC_ASSERT ((int) EVIDENT_PACK_SCOPE_READY == 1);
G_STATIC_ASSERT ((int) EVIDENT_PACK_SCOPE_CHAPTER == EVIDENT_SCOPE_GROUP_CHAPTER);

/* How many digits of the digest the toast shows; the tooltip has them all */
#define SHORT_DIGEST 12

typedef struct
{
  EvidentPackScope  scope;
  char             *chapter;
} PackScope;

static void
pack_scope_free (PackScope *scope)
{
  g_free (scope->chapter);
  g_free (scope);
}

/* "Evidence pack saved, digest 3f2a9c815b0e…" and a button that copies
 * the digest, with one that opens the pack's folder. */
static void
toast_pack_saved (EvidentExports        *self,
                  GFile                 *pack,
                  const EvidentPackInfo *info)
{
  g_autoptr (GFile) folder = g_file_get_parent (pack);
  g_autofree char *folder_uri = g_file_get_uri (folder);
  g_autofree char *text = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  GtkWidget *copy;
  AdwToast *toast;

  /* Translators: shown once an evidence pack is written; %.*s is the
   * start of its manifest's SHA-256 */
  text = g_strdup_printf (_("Evidence pack saved, digest %.*s…"), SHORT_DIGEST, info->digest);
  label = gtk_label_new (text);
  /* As the title of a toast looks */
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_tooltip_text (label, info->digest);
  gtk_box_append (GTK_BOX (box), label);

  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_add_css_class (copy, "circular");
  gtk_widget_set_tooltip_text (copy, _("Copy Digest"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy the evidence pack’s digest"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "export.copy");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (copy),
                                          g_variant_new_string (info->digest));
  gtk_box_append (GTK_BOX (box), copy);

  toast = adw_toast_new ("");
  adw_toast_set_custom_title (toast, box);
  adw_toast_set_button_label (toast, _("Open _Folder"));
  adw_toast_set_action_name (toast, "export.open");
  adw_toast_set_action_target_value (toast, g_variant_new_string (folder_uri));
  /* Time to read or copy it */
  adw_toast_set_timeout (toast, 20);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  evident_exports_add_toast (self, toast);
}

static void
pack_written_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (EvidentExportsJob) job = user_data;
  EvidentExports *self = job->exports;
  g_autoptr (EvidentPackInfo) info = NULL;
  g_autoptr (GError) error = NULL;

  info = evident_pack_write_finish (EVIDENT_PROJECT (source_object), result, &error);
  if (!evident_exports_job_end (job, error))
    return;

  /* The pack of this project, for a report's cover */
  if (self->project == EVIDENT_PROJECT (source_object))
    {
      g_free (self->pack_name);
      self->pack_name = g_file_get_basename (job->destination);
      g_free (self->pack_digest);
      self->pack_digest = g_strdup (info->digest);
    }
  toast_pack_saved (self, job->destination, info);
}

/**
 * evident_exports_write_pack:
 * @scope: which items' evidence
 * @chapter: (nullable): the chapter's number, for %EVIDENT_PACK_SCOPE_CHAPTER
 * @destination: the zip archive to write
 *
 * Writes the evidence pack on a worker.
 */
void
evident_exports_write_pack (EvidentExports   *self,
                            EvidentPackScope  scope,
                            const char       *chapter,
                            GFile            *destination)
{
  EvidentExportsJob *job;

  g_return_if_fail (EVIDENT_IS_EXPORTS (self));
  g_return_if_fail (G_IS_FILE (destination));

  if (self->project == NULL)
    return;

  job = evident_exports_job_start (self, destination, _("Writing the evidence pack…"));
  evident_pack_write_async (self->project, scope, chapter, destination, job->cancellable,
                            evident_exports_job_progress_cb, job, pack_written_cb, job);
}

static void
pack_file_chosen_cb (EvidentExports *self,
                     GFile          *file,
                     gpointer        user_data)
{
  PackScope *scope = user_data;

  evident_exports_write_pack (self, scope->scope, scope->chapter, file);
}

static void
pack_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         EvidentExports   *self)
{
  EvidentScopeGroup *group = EVIDENT_SCOPE_GROUP (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *stem = NULL;
  PackScope *scope;

  if (self->project == NULL || g_strcmp0 (response, "save") != 0)
    return;

  scope = g_new0 (PackScope, 1);
  scope->scope = (EvidentPackScope) evident_scope_group_get_scope (group);
  scope->chapter = g_strdup (evident_scope_group_get_chapter (group));

  /* Translators: the suggested name of an evidence pack; %s is the project's title */
  stem = g_strdup_printf (_("%s (evidence pack)"), evident_project_get_title (self->project));
  evident_exports_choose_file (self, _("Save the Evidence Pack"), _("Zip Archives"), ".zip",
                               "application/zip", stem, pack_file_chosen_cb, scope,
                               (GDestroyNotify) pack_scope_free);
}

/**
 * evident_exports_show_pack_dialog:
 *
 * Asks which items the evidence pack covers; the answer goes on to ask
 * where to save it.
 *
 * Returns: (transfer none) (nullable): the dialog, shown; its extra child
 *   is the #EvidentScopeGroup
 */
AdwMessageDialog *
evident_exports_show_pack_dialog (EvidentExports *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *group;

  g_return_val_if_fail (EVIDENT_IS_EXPORTS (self), NULL);

  if (self->project == NULL || self->window == NULL)
    return NULL;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window),
                                                       _("Evidence Pack for the Auditor"),
                                                       _("A zip archive with a folder for each "
                                                         "chapter and item holding its evidence "
                                                         "files, and a manifest whose digest the "
                                                         "readiness report can show on its cover.")));
  group = evident_scope_group_new (self->project, _("All items"), _("Items ready or met"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Scope"));
  adw_message_dialog_set_extra_child (dialog, group);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect_object (dialog, "response", G_CALLBACK (pack_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* export.pack */
void
evident_exports_pack_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  evident_exports_show_pack_dialog (EVIDENT_EXPORTS (user_data));
}
