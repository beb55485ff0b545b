/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-file-chooser.h"
#include "evident-revision-actions.h"
#include "evident-versions-window.h"
#include "evident-window-private.h"

/*
 * EvidentRevisionActions: a window's "revision.*" actions, for the
 * checklist's versions:
 *
 *  - revision.update ("Update Checklist…", Ctrl+Shift+R): choose the new
 *    version's file, then EvidentRevisionDialog reads it, compares it and
 *    applies it; the window then says "Checklist updated to 4.2" in a
 *    toast whose button undoes it (win.undo);
 *  - revision.show-versions, revision.show-archive: the checklist versions
 *    the project has been on and the items revisions took out
 *    (EvidentVersionsWindow), on one page or the other.
 *
 * It follows the window's project: updating needs one that can be
 * written, the others one at all.
 */

struct _EvidentRevisionActions
{
  GObject             parent_instance;

  EvidentWindow      *window;   /* not owned: the window owns this */
  EvidentProject     *project;
  GSimpleActionGroup *actions;
  GtkWindow          *versions; /* weak */
};

G_DEFINE_FINAL_TYPE (EvidentRevisionActions, evident_revision_actions, G_TYPE_OBJECT)

static void
update_actions (EvidentRevisionActions *self)
{
  gboolean has_project = self->project != NULL;
  gboolean editable = has_project && !evident_project_get_read_only (self->project);
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "update");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), editable);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "show-versions");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_project);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "show-archive");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_project);
}

static void
close_versions (EvidentRevisionActions *self)
{
  if (self->versions != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->versions), (gpointer *) &self->versions);
      gtk_window_destroy (self->versions);
      self->versions = NULL;
    }
}

static void
project_notify_cb (EvidentRevisionActions *self)
{
  update_actions (self);
}

static void
window_project_cb (EvidentRevisionActions *self)
{
  EvidentProject *project = evident_window_get_project (self->window);

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  /* The versions shown are the other project's. */
  close_versions (self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_object (project, "notify::read-only", G_CALLBACK (project_notify_cb), self,
                             G_CONNECT_SWAPPED);
  update_actions (self);
}

/* Updating */

static void
applied_cb (EvidentRevisionActions *self,
            const char             *label)
{
  g_autofree char *escaped = g_markup_escape_text (label, -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (*label != '\0')
    /* Translators: a toast once the project is on the new version of its
     * checklist; %s is the version's label, e.g. "4.2" */
    title = g_strdup_printf (_("Checklist updated to %s"), escaped);
  else
    title = g_strdup (_("Checklist updated"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  evident_window_add_toast (self->window, toast);
}

static void
checklist_response_cb (GtkNativeDialog        *native,
                       int                     response,
                       EvidentRevisionActions *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->window != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      EvidentRevisionDialog *dialog = evident_revision_actions_update_from_file (self, file);

      if (dialog != NULL)
        gtk_window_present (GTK_WINDOW (dialog));
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
update_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  EvidentRevisionActions *self = user_data;
  GtkFileChooserNative *native;

  if (self->project == NULL)
    return;

  native = evident_file_chooser_new_for_checklists (GTK_WINDOW (self->window));
  gtk_native_dialog_set_title (GTK_NATIVE_DIALOG (native), _("Choose the New Version"));
  gtk_file_chooser_native_set_accept_label (native, _("_Choose"));
  g_signal_connect (native, "response", G_CALLBACK (checklist_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Versions and archive */

static void
show_versions_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  EvidentRevisionActions *self = user_data;
  const char *page = g_str_equal (g_action_get_name (G_ACTION (action)), "show-archive")
                         ? "archive"
                         : "versions";

  if (self->project == NULL)
    return;

  if (self->versions == NULL)
    {
      self->versions = GTK_WINDOW (evident_versions_window_new (GTK_WINDOW (self->window),
                                                                self->project));
      g_object_add_weak_pointer (G_OBJECT (self->versions), (gpointer *) &self->versions);
    }
  evident_versions_window_show_page (EVIDENT_VERSIONS_WINDOW (self->versions), page);
  gtk_window_present (self->versions);
}

/* GObject */

static void
evident_revision_actions_dispose (GObject *object)
{
  EvidentRevisionActions *self = EVIDENT_REVISION_ACTIONS (object);

  close_versions (self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (evident_revision_actions_parent_class)->dispose (object);
}

static void
evident_revision_actions_class_init (EvidentRevisionActionsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = evident_revision_actions_dispose;
}

static void
evident_revision_actions_init (EvidentRevisionActions *self)
{
  static const GActionEntry entries[] = {
    { "update", update_action },
    { "show-versions", show_versions_action },
    { "show-archive", show_versions_action },
  };

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries),
                                   self);
}

/* Public API */

/**
 * evident_revision_actions_new:
 * @window: the window whose "revision.*" actions these are; it owns the
 *   returned object and drops it in its dispose
 *
 * Returns: (transfer full): the actions, inserted into @window
 */
EvidentRevisionActions *
evident_revision_actions_new (EvidentWindow *window)
{
  EvidentRevisionActions *self;

  g_return_val_if_fail (EVIDENT_IS_WINDOW (window), NULL);

  self = g_object_new (EVIDENT_TYPE_REVISION_ACTIONS, NULL);
  self->window = window;
  gtk_widget_insert_action_group (GTK_WIDGET (window), "revision", G_ACTION_GROUP (self->actions));
  g_signal_connect_object (window, "notify::project", G_CALLBACK (window_project_cb), self,
                           G_CONNECT_SWAPPED);
  window_project_cb (self);
  update_actions (self);
  return self;
}

/**
 * evident_revision_actions_update_from_file:
 * @file: the new version of the checklist
 *
 * What "Update Checklist…" does once the file is chosen: notes typed a
 * moment ago are saved, then the dialog reads @file.
 *
 * Returns: (transfer none) (nullable): the dialog, to present; %NULL
 *   without a project
 */
EvidentRevisionDialog *
evident_revision_actions_update_from_file (EvidentRevisionActions *self,
                                           GFile                  *file)
{
  EvidentRevisionDialog *dialog;

  g_return_val_if_fail (EVIDENT_IS_REVISION_ACTIONS (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (self->project == NULL)
    return NULL;

  /* The revision carries the notes as they are: save what was typed. */
  evident_item_editor_flush (evident_window_get_item_editor (self->window));
  dialog = evident_revision_dialog_new (GTK_WINDOW (self->window), self->project, file);
  evident_revision_actions_connect_dialog (self, dialog);
  return dialog;
}

/**
 * evident_revision_actions_connect_dialog:
 * @dialog: a dialog over the window's project
 *
 * Once @dialog applies the revision, the window says so in a toast that
 * can undo it.
 */
void
evident_revision_actions_connect_dialog (EvidentRevisionActions *self,
                                         EvidentRevisionDialog  *dialog)
{
  g_return_if_fail (EVIDENT_IS_REVISION_ACTIONS (self));
  g_return_if_fail (EVIDENT_IS_REVISION_DIALOG (dialog));

  g_signal_connect_object (dialog, "applied", G_CALLBACK (applied_cb), self, G_CONNECT_SWAPPED);
}

/**
 * evident_revision_actions_get_versions_window:
 *
 * Returns: (transfer none) (nullable): the versions and archive, when open
 */
GtkWindow *
evident_revision_actions_get_versions_window (EvidentRevisionActions *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ACTIONS (self), NULL);

  return self->versions;
}
