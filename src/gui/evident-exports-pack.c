/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-exports-private.h"
#include "evident-scope-group.h"

/*
 * The evidence pack leaving the window: export.pack asks which items it
 * covers (every item, those ready or met, one chapter) and where to save
 * the zip archive, and writes it on a worker (EvidentExportJob, with the
 * bytes written as progress and the digest of its manifest in the toast
 * at the end); the report dialog then offers that digest for the
 * report's cover.
 */

G_STATIC_ASSERT ((int) EVIDENT_PACK_SCOPE_READY == 1);
G_STATIC_ASSERT ((int) EVIDENT_PACK_SCOPE_CHAPTER == EVIDENT_SCOPE_GROUP_CHAPTER);

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
  g_return_if_fail (EVIDENT_IS_EXPORTS (self));
  g_return_if_fail (G_IS_FILE (destination));

  if (self->project == NULL)
    return;

  evident_exports_start_job (self, evident_export_job_new_for_pack (self->project, scope, chapter,
                                                                     destination));
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
  evident_a11y_name_mnemonics (GTK_WIDGET (dialog));
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
