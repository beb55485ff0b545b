/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "evident-a11y.h"
#include "evident-application.h"
#include "evident-file-chooser.h"
#include "evident-first-evidence.h"
#include "evident-gpu.h"
#include "evident-import-assistant.h"
#include "evident-import.h"
#include "evident-project-closer.h"
#include "evident-project.h"
#include "evident-render-client.h"
#include "evident-sample.h"
#include "evident-settings.h"
#include "evident-toast.h"
#include "evident-window-audit.h"
#include "evident-window.h"

/*
 * EvidentApplication: one window per project. Files given on the command
 * line or by the file manager open in windows of their own (or raise the
 * window that has them); with none, the last project opens, or the default
 * project, created from the bundled sample on first start.
 *
 * `evident --item REF PROJECT` opens the project at an item and its first
 * evidence, `--present` starts presenter mode: the command line reaches
 * the running instance (command_line()), and its exit status says
 * whether the item was found.
 */

struct _EvidentApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  /* evident --item REF: the item the first project on the command line
   * opens at. Its evidence is read ahead as soon as the project is open,
   * and the window is presented once it shows the item, not before. */
  const char     *item_ref;
};

G_DEFINE_FINAL_TYPE (EvidentApplication, evident_application, ADW_TYPE_APPLICATION)

/* Creating a project off the main thread. */
typedef struct
{
  EvidentImport   *import;  /* NULL: the bundled sample checklist */
  GFile           *destination;
  char            *title;
  GWeakRef         window;
  AdwToast        *toast;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_clear_object (&data->import);
  g_clear_object (&data->destination);
  g_clear_pointer (&data->title, g_free);
  g_weak_ref_clear (&data->window);
  g_clear_object (&data->toast);
  g_free (data);
}

static GtkWindow *
get_parent_window (EvidentApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static EvidentWindow *
ensure_window (EvidentApplication *self,
               GtkWindow          *parent)
{
  if (EVIDENT_IS_WINDOW (parent))
    return EVIDENT_WINDOW (parent);

  return evident_window_new (GTK_APPLICATION (self));
}

static void
show_error (EvidentApplication *self,
            GtkWindow          *parent,
            const char         *heading,
            const GError       *error)
{
  EvidentWindow *window = ensure_window (self, parent);

  gtk_window_present (GTK_WINDOW (window));
  evident_window_show_error (window, heading, error);
}

/* Shows @project in @parent when that shows nothing yet or only the
 * untouched default project, else in a new window; presents that unless
 * @present is %FALSE. */
static void
show_project (EvidentApplication *self,
              EvidentProject     *project,
              GtkWindow          *parent,
              gboolean            present)
{
  EvidentWindow *window;

  if (EVIDENT_IS_WINDOW (parent) && evident_window_is_pristine (EVIDENT_WINDOW (parent)))
    window = EVIDENT_WINDOW (parent);
  else
    window = evident_window_new (GTK_APPLICATION (self));

  evident_window_set_project (window, project);
  evident_settings_note_opened (self->settings, evident_project_get_file (project));
  if (present)
    gtk_window_present (GTK_WINDOW (window));
}

static void
open_startup_project (EvidentApplication *self)
{
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *last = NULL;
  EvidentWindow *window;

  /* The last project, if it still opens; else the default project. */
  last = evident_settings_dup_last_project (self->settings);
  if (last != NULL && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr (GFile) file = g_file_new_for_path (last);
      g_autoptr (GError) last_error = NULL;

      project = evident_project_open_full (file, EVIDENT_PROJECT_OPEN_EXCLUSIVE, &last_error);
      if (project == NULL)
        g_debug ("Not reopening %s: %s", last, last_error->message);
    }

  if (project == NULL)
    {
      g_autoptr (GFile) file = evident_sample_get_default_project ();

      if (g_file_query_exists (file, NULL))
        project = evident_project_open_full (file, EVIDENT_PROJECT_OPEN_EXCLUSIVE, &error);
      else if ((project = evident_sample_create_project (file, TRUE, NULL, &error)) != NULL)
        {
          /* Held by this application from now on, as any project it opens. */
          evident_project_close (project);
          g_clear_object (&project);
          project = evident_project_open_full (file, EVIDENT_PROJECT_OPEN_EXCLUSIVE, &error);
        }
    }

  window = evident_window_new (GTK_APPLICATION (self));
  if (project != NULL)
    {
      evident_window_set_project (window, project);
      evident_settings_note_opened (self->settings, evident_project_get_file (project));
    }
  gtk_window_present (GTK_WINDOW (window));

  if (error != NULL)
    evident_window_show_error (window, _("Could Not Open the Default Project"), error);
}

/* New project */

static void
create_project_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  CreateData *data = task_data;
  g_autoptr (GFile) parent = g_file_get_parent (data->destination);
  g_autoptr (GFile) tmp = NULL;
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (data->destination);
  g_autofree char *tmp_name = NULL;

  /* Built beside the destination and moved over it when complete: a failed
   * import leaves nothing behind, and a replaced file stays whole until
   * then. The project objects never leave this thread. */
  tmp_name = g_strdup_printf (".%s.%08x.new", basename, g_random_int ());
  tmp = g_file_get_child (parent, tmp_name);

  if (data->import == NULL)
    project = evident_sample_create_project (tmp, FALSE, cancellable, &error);
  else
    {
      /* Everything the import brings: items with their extra fields and
       * state, the scoring mode, and a workbook kept for the hand-in. The
       * import was built on the main thread and does not change until this
       * task is done, so it is only read here. */
      EvidentProjectSettings settings;

      evident_project_settings_init (&settings);
      settings.title = data->title;
      project = evident_project_create_from_import (tmp, &settings, data->import, cancellable,
                                                    &error);
    }

  if (project != NULL && g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      evident_project_close (project);
      g_clear_object (&project);
      g_file_delete (tmp, NULL, NULL);
    }

  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  evident_project_close (project);

  if (!g_file_move (tmp, data->destination, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                    cancellable, NULL, NULL, &error))
    {
      g_file_delete (tmp, NULL, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* Opens the project the worker made and shows it; completes @task, the
 * caller's. */
static void
create_project_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  EvidentApplication *self = EVIDENT_APPLICATION (object);
  g_autoptr (GTask) task = user_data;
  CreateData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GtkWindow) window = g_weak_ref_get (&data->window);
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GError) error = NULL;

  if (data->toast != NULL)
    evident_toast_dismiss (data->toast);

  if (window != NULL && !gtk_widget_get_visible (GTK_WIDGET (window)))
    g_clear_object (&window);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  project = evident_project_open_full (data->destination, EVIDENT_PROJECT_OPEN_EXCLUSIVE,
                                       &error);
  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  show_project (self, project, window, TRUE);
  g_task_return_boolean (task, TRUE);
}

/* Creates @destination on a worker, from @import or (%NULL) the sample
 * checklist, and shows it: in @parent when that shows nothing yet or the
 * untouched default project, else in a new window. */
static void
create_project (EvidentApplication  *self,
                GtkWindow           *parent,
                EvidentImport       *import,
                GFile               *destination,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr (GTask) worker = NULL;
  CreateData *data;

  g_task_set_source_tag (task, create_project);

  if (evident_application_find_window (self, destination) != NULL)
    {
      g_autofree char *basename = g_file_get_basename (destination);

      g_task_return_new_error (task, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_BUSY,
                               _("“%s” is open in a window; close it there first, or choose another name"),
                               basename);
      return;
    }

  data = g_new0 (CreateData, 1);
  if (import != NULL)
    {
      /* Built now, on this thread: the worker only reads it. */
      evident_import_get_entries (import);
      data->import = g_object_ref (import);
    }
  data->destination = g_object_ref (destination);
  data->title = evident_file_chooser_dup_stem (destination);
  g_weak_ref_init (&data->window, parent);

  /* The import assistant shows its own progress, over the window; a toast
   * there would only be hidden, and libadwaita 1.2 frees a toast dismissed
   * while it is still sliding in before its animation ends. */
  if (import == NULL)
    {
      data->toast = adw_toast_new (_("Creating the project…"));
      adw_toast_set_timeout (data->toast, 0);
      if (EVIDENT_IS_WINDOW (parent))
        evident_window_add_toast (EVIDENT_WINDOW (parent), g_object_ref (data->toast));
    }

  worker = g_task_new (self, cancellable, create_project_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, create_project);
  g_task_set_task_data (worker, data, (GDestroyNotify) create_data_free);
  g_task_run_in_thread (worker, create_project_thread);
}

static void
sample_created_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  EvidentApplication *self = EVIDENT_APPLICATION (object);
  g_autoptr (GtkWindow) parent = g_weak_ref_get (user_data);
  g_autoptr (GError) error = NULL;

  g_weak_ref_clear (user_data);
  g_free (user_data);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_error (self, parent, _("Could Not Create the Project"), error);
}

static void
destination_response_cb (GtkNativeDialog    *native,
                         int                 response,
                         EvidentApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr (GFile) destination = evident_file_chooser_ensure_extension (chosen);
      GtkWindow *parent = gtk_native_dialog_get_transient_for (native);
      GWeakRef *parent_ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (parent_ref, parent);
      create_project (self, parent, NULL, destination, NULL, sample_created_cb, parent_ref);
    }

  g_object_unref (self);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

/* Where a project from the sample checklist goes. */
static void
choose_destination (EvidentApplication *self,
                    GtkWindow          *parent)
{
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  native = evident_file_chooser_new_for_projects (_("Save the New Project"), parent,
                                                  GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"));

  /* Translators: the suggested file name of a project from the sample checklist */
  name = g_strconcat (_("MSP Validation"), ".evident", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  evident_file_chooser_set_default_folder (GTK_FILE_CHOOSER (native));

  g_signal_connect (native, "response", G_CALLBACK (destination_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
checklist_response_cb (GtkNativeDialog    *native,
                       int                 response,
                       EvidentApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) checklist = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      evident_application_import_checklist (self, checklist,
                                            gtk_native_dialog_get_transient_for (native));
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
choose_checklist (EvidentApplication *self,
                  GtkWindow          *parent)
{
  GtkFileChooserNative *native = evident_file_chooser_new_for_checklists (parent);

  g_signal_connect (native, "response", G_CALLBACK (checklist_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
new_project_response_cb (AdwMessageDialog   *dialog,
                         const char         *response,
                         EvidentApplication *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_str_equal (response, "sample"))
    choose_destination (self, parent);
  else if (g_str_equal (response, "import"))
    choose_checklist (self, parent);
}

/* Actions */

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  EvidentApplication *self = user_data;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (get_parent_window (self), _("New Project"),
                                   _("Start from the sample checklist that comes with Evident, modelled on the AWS MSP validation checklist, or import a checklist of your own from an Excel workbook or a CSV file."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import Checklist…"),
                                    "sample", _("_Sample Checklist"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sample",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "sample");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_project_response_cb), self, 0);
  evident_a11y_name_mnemonics (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_response_cb (GtkNativeDialog    *native,
                  int                 response,
                  EvidentApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      evident_application_open_file (self, file, gtk_native_dialog_get_transient_for (native));
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  EvidentApplication *self = user_data;
  GtkFileChooserNative *native;

  native = evident_file_chooser_new_for_projects (_("Open a Project"), get_parent_window (self),
                                                  GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));

  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  EvidentApplication *self = user_data;
  g_autoptr (GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  evident_application_open_file (self, file, get_parent_window (self));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  EvidentApplication *self = user_data;
  GList *windows;

  /* Closing each window saves its size and closes its project. A window
   * may take another with it (the main window its presenter mode): each
   * is held until all are closed. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);

  /* Projects still cleaning up hold the application, which ends once the
   * last is done: quitting now would cut their clean-up short. */
  if (!evident_project_closer_is_busy ())
    g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  EvidentApplication *self = user_data;
  static const char *developers[] = { "Evident developers", NULL };
  GtkWidget *window;

  window = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                         "transient-for", get_parent_window (self),
                         "application-name", _("Evident"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Evident developers"),
                         "developers", developers,
                         "website", "https://github.com/evidentapp/evident",
                         "issue-url", "https://github.com/evidentapp/evident/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© Evident developers",
                         "comments", _("Steer a company through a compliance audit: the checklist, who owns what, and the score against the pass line"),
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
  evident_a11y_name_about_window (ADW_ABOUT_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  EvidentApplication *self = user_data;
  GtkWindow *window = get_parent_window (self);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "quit", quit_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
};

/* GApplication */

/* Copies of evidence extracted for "Open" live in the cache for the
 * application that shows them; a day later they have served, and a worker
 * removes them at start-up. */
static void
remove_old_open_copies_thread (GTask        *task,
                               gpointer      source_object,
                               gpointer      task_data,
                               GCancellable *cancellable)
{
  g_autofree char *root = g_build_filename (g_get_user_cache_dir (), "evident", "open", NULL);
  g_autoptr (GDir) dirs = g_dir_open (root, 0, NULL);
  gint64 limit = g_get_real_time () - (gint64) G_USEC_PER_SEC * 60 * 60 * 24;
  const char *name;

  while (dirs != NULL && (name = g_dir_read_name (dirs)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, name, NULL);
      g_autoptr (GDir) files = g_dir_open (path, 0, NULL);
      const char *file_name;

      while (files != NULL && (file_name = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, file_name, NULL);
          GStatBuf buf;

          if (g_stat (file, &buf) == 0 && (gint64) buf.st_mtime * G_USEC_PER_SEC < limit)
            g_unlink (file);
        }
      g_rmdir (path);  /* only succeeds once empty */
    }
}

static void
remove_old_open_copies (EvidentApplication *self)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, NULL, NULL);

  g_task_set_source_tag (task, remove_old_open_copies);
  g_task_run_in_thread (task, remove_old_open_copies_thread);
}

static void
evident_application_startup (GApplication *application)
{
  EvidentApplication *self = EVIDENT_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new", { "<Primary>n", NULL } },
    { "app.open", { "<Primary>o", NULL } },
    { "app.quit", { "<Primary>q", NULL } },
    { "app.shortcuts", { "<Primary>question", NULL } },
    { "win.show-help-overlay", { "<Primary>question", NULL } },
    { "window.close", { "<Primary>w", NULL } },
    { "win.undo", { "<Primary>z", NULL } },
    { "win.redo", { "<Primary><Shift>z", NULL } },
    { "win.save-copy", { "<Primary><Shift>s", NULL } },
    { "win.search", { "<Primary>f", NULL } },
    { "win.next-item", { "<Primary>Page_Down", NULL } },
    { "win.previous-item", { "<Primary>Page_Up", NULL } },
    { "win.show-overview", { "<Alt>Home", NULL } },
    { "revision.update", { "<Primary><Shift>r", NULL } },
    { "export.print", { "<Primary>p", NULL } },
    { "win.show-sessions", { "<Primary><Alt>s", NULL } },
    { "win.new-session", { "<Primary><Alt>n", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.next-pane", { "F6", NULL } },
    { "win.previous-pane", { "<Shift>F6", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "win.show-history", { "<Primary>h", NULL } },
    { "win.set-status::not-started", { "<Alt>1", NULL } },
    { "win.set-status::in-progress", { "<Alt>2", NULL } },
    { "win.set-status::ready", { "<Alt>3", NULL } },
    { "win.set-status::met", { "<Alt>4", NULL } },
    { "win.set-status::not-met", { "<Alt>5", NULL } },
    { "win.set-status::not-applicable", { "<Alt>6", NULL } },
    { "win.choose-status", { "<Alt>s", NULL } },
    { "win.focus-notes", { "<Alt>n", NULL } },
    { "win.next-open-item", { "<Alt>Page_Down", NULL } },
    { "win.previous-open-item", { "<Alt>Page_Up", NULL } },
    { "win.next-mandatory-item", { "<Alt>m", NULL } },
    { "whatif.toggle", { "<Primary><Alt>w", NULL } },
    { "whatif.assume-current::met", { "<Primary><Alt>4", NULL } },
    { "whatif.assume-current::not-met", { "<Primary><Alt>5", NULL } },
    { "whatif.assume-current::none", { "<Primary><Alt>0", NULL } },
  };

  G_APPLICATION_CLASS (evident_application_parent_class)->startup (application);
  evident_gpu_restore_environment ();
  evident_a11y_install_icon_click ();
  remove_old_open_copies (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  g_set_object (&self->settings, NULL);
  self->settings = evident_settings_new ();
}

static void
last_project_closed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  EvidentApplication *self = user_data;
  GtkWindow *window = get_parent_window (self);

  evident_project_closer_wait_finish (result, NULL);
  if (window != NULL)
    gtk_window_present (window);
  else
    open_startup_project (self);
  g_application_release (G_APPLICATION (self));
}

static void
evident_application_activate (GApplication *application)
{
  EvidentApplication *self = EVIDENT_APPLICATION (application);
  GtkWindow *window = get_parent_window (self);
  g_autofree char *last = NULL;
  g_autoptr (GFile) file = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  /* Started again while the last window's project still cleans up: it
   * opens once it is free. */
  last = evident_settings_dup_last_project (self->settings);
  file = last != NULL ? g_file_new_for_path (last) : NULL;
  if (file != NULL && evident_project_closer_is_closing (file))
    {
      g_application_hold (application);
      evident_project_closer_wait_async (file, last_project_closed_cb, self);
      return;
    }

  open_startup_project (self);
}

static void
evident_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  EvidentApplication *self = EVIDENT_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    evident_application_open_file (self, files[i], NULL);
}

/* The command line: evident [--item REF] [--present] [PROJECT…] */

static const GOptionEntry option_entries[] = {
  { "item", 'i', 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the project at the item REF and its first evidence"), N_("REF") },
  { "present", 'p', 0, G_OPTION_ARG_NONE, NULL,
    N_("Start presenter mode"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[PROJECT…]") },
  { NULL }
};

/* The window of the first project on the command line, or the one
 * activation showed. */
static EvidentWindow *
find_command_window (EvidentApplication  *self,
                     GFile               *first)
{
  GtkWindow *window = first != NULL ? evident_application_find_window (self, first)
                                    : get_parent_window (self);

  return EVIDENT_IS_WINDOW (window) ? EVIDENT_WINDOW (window) : NULL;
}

static int
evident_application_command_line (GApplication            *application,
                                  GApplicationCommandLine *command_line)
{
  EvidentApplication *self = EVIDENT_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **paths = NULL;
  g_autoptr (GFile) first = NULL;
  g_autoptr (GError) error = NULL;
  const char *ref = NULL;
  gboolean present = FALSE;
  gboolean ok;
  EvidentWindow *window;

  g_variant_dict_lookup (options, "item", "&s", &ref);
  g_variant_dict_lookup (options, "present", "b", &present);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);

  /* Whoever names an item wants its page 1: the document renderer
   * starts now, on a worker thread and in a process of its own, while
   * the project opens and the window is built, rather than after. */
  if (ref != NULL)
    evident_render_client_prestart ();

  if (paths == NULL || paths[0] == NULL)
    g_application_activate (application);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                               paths[i]);

      self->item_ref = i == 0 ? ref : NULL;
      evident_application_open_file (self, file, NULL);
      self->item_ref = NULL;
      if (first == NULL)
        first = g_steal_pointer (&file);
    }
  if (ref == NULL && !present)
    return EXIT_SUCCESS;

  window = find_command_window (self, first);
  if (window == NULL || evident_window_get_project (window) == NULL)
    {
      evident_first_evidence_forget ();
      if (window != NULL)
        gtk_window_present (GTK_WINDOW (window));
      g_application_command_line_printerr (command_line, "evident: %s\n",
                                           _("No project is open to show the item in"));
      return EXIT_FAILURE;
    }
  ok = ref == NULL || evident_window_audit_open_item (window, ref, &error);
  /* The preview took the file read ahead, or never will. */
  evident_first_evidence_forget ();
  /* The first frame shows the item, with its page 1 on the way: none is
   * spent on laying out the overview first. */
  gtk_window_present (GTK_WINDOW (window));
  if (ok && ref != NULL)
    evident_window_audit_focus_item (window);
  if (!ok)
    {
      /* Said where it was asked (a terminal, a script), and in the window
       * (a launcher, a recent-files list). */
      g_application_command_line_printerr (command_line, "evident: %s\n", error->message);
      evident_window_show_error (window, _("Could Not Open the Item"), error);
      return EXIT_FAILURE;
    }
  if (present)
    evident_window_audit_present (window, NULL, NULL);
  return EXIT_SUCCESS;
}

static void
evident_application_dispose (GObject *object)
{
  EvidentApplication *self = EVIDENT_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (evident_application_parent_class)->dispose (object);
}

static void
evident_application_class_init (EvidentApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = evident_application_dispose;

  application_class->startup = evident_application_startup;
  application_class->activate = evident_application_activate;
  application_class->open = evident_application_open;
  application_class->command_line = evident_application_command_line;
}

static void
evident_application_init (EvidentApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Lead a compliance audit: the checklist, its "
                                              "evidence, the sessions and the audit days."));
}

EvidentApplication *
evident_application_new (void)
{
  /* The development profile has another application ID but the same
   * resources: style sheet and shortcuts window. */
  return g_object_new (EVIDENT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * evident_application_find_window:
 *
 * Returns: (transfer none) (nullable): the window showing @file
 */
GtkWindow *
evident_application_find_window (EvidentApplication *self,
                                 GFile              *file)
{
  g_return_val_if_fail (EVIDENT_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      EvidentProject *project;

      if (!EVIDENT_IS_WINDOW (l->data))
        continue;

      project = evident_window_get_project (EVIDENT_WINDOW (l->data));
      if (project != NULL && g_file_equal (evident_project_get_file (project), file))
        return GTK_WINDOW (l->data);
    }

  return NULL;
}

typedef struct
{
  EvidentApplication *self;
  GFile              *file;
  GWeakRef            parent;
} ReopenData;

static void
reopen_closed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ReopenData *data = user_data;
  g_autoptr (GtkWindow) parent = g_weak_ref_get (&data->parent);

  evident_project_closer_wait_finish (result, NULL);
  evident_application_open_file (data->self, data->file, parent);

  g_object_unref (data->self);
  g_object_unref (data->file);
  g_weak_ref_clear (&data->parent);
  g_free (data);
}

/**
 * evident_application_open_file:
 * @file: a project file
 * @parent: (nullable): the window the request came from
 *
 * Raises the window that shows @file, or opens it: in @parent when that
 * shows nothing yet or the untouched default project, else in a new window.
 * A project that a window let go of a moment ago opens once its clean-up
 * is done. An error shows in a dialog.
 */
void
evident_application_open_file (EvidentApplication *self,
                               GFile              *file,
                               GtkWindow          *parent)
{
  g_autoptr (EvidentProject) project = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *existing;

  g_return_if_fail (EVIDENT_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  existing = evident_application_find_window (self, file);
  if (existing != NULL)
    {
      gtk_window_present (existing);
      return;
    }

  if (evident_project_closer_is_closing (file))
    {
      ReopenData *data = g_new0 (ReopenData, 1);

      data->self = g_object_ref (self);
      data->file = g_object_ref (file);
      g_weak_ref_init (&data->parent, parent);
      evident_project_closer_wait_async (file, reopen_closed_cb, data);
      return;
    }

  project = evident_project_open_full (file, EVIDENT_PROJECT_OPEN_EXCLUSIVE, &error);
  /* Anything that is not a project (by its header) is a checklist to
   * import: `evident checklist.xlsx`; but a damaged "….evident" is refused. */
  if (g_error_matches (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NOT_A_PROJECT)
      && !evident_file_chooser_has_project_extension (file))
    {
      evident_application_import_checklist (self, file, parent);
      return;
    }
  if (project == NULL)
    {
      show_error (self, parent, _("Could Not Open the Project"), error);
      return;
    }

  if (self->item_ref != NULL)
    evident_first_evidence_read_ahead (project, self->item_ref);
  show_project (self, project, parent, self->item_ref == NULL);
  self->item_ref = NULL;
}

/**
 * evident_application_import_checklist:
 * @file: a checklist file: a workbook or CSV
 * @parent: (nullable): the window the request came from
 *
 * Reads @file on a worker and shows the import assistant over @parent (or
 * a new window), which creates the project with
 * evident_application_create_from_import(). A file that cannot be read
 * gets an error dialog naming it.
 */
void
evident_application_import_checklist (EvidentApplication *self,
                                      GFile              *file,
                                      GtkWindow          *parent)
{
  EvidentWindow *window;

  g_return_if_fail (EVIDENT_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = ensure_window (self, parent);
  gtk_window_present (GTK_WINDOW (window));
  evident_import_assistant_open (GTK_WINDOW (window), file);
}

/**
 * evident_application_create_from_import:
 * @parent: (nullable): the window the project is to show in
 * @import: a checklist import with no problems
 * @destination: the project file to create (replaced if it exists)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the project is created and shown, or not
 * @user_data: for @callback
 *
 * Creates a project from @import on a worker with
 * evident_project_create_from_import(): the items with their extra fields
 * and the state the file gives them, the scoring mode the import derives,
 * and a workbook kept for the hand-in. The project is built beside
 * @destination and moved over it when complete, so a failure leaves
 * nothing behind. Then it shows: in @parent when that shows nothing yet or
 * the untouched default project, else in a new window. @import must not
 * change until @callback runs.
 *
 * This is where an import becomes a project: anything more a project is
 * to keep from the import goes here.
 */
void
evident_application_create_from_import (EvidentApplication  *self,
                                        GtkWindow           *parent,
                                        EvidentImport       *import,
                                        GFile               *destination,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (EVIDENT_IS_APPLICATION (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (EVIDENT_IS_IMPORT (import));
  g_return_if_fail (G_IS_FILE (destination));

  create_project (self, parent, import, destination, cancellable, callback, user_data);
}

/**
 * evident_application_create_from_import_finish:
 *
 * Returns: whether the project was created and shown; if not, @error says
 *   why in words for the user
 */
gboolean
evident_application_create_from_import_finish (EvidentApplication  *self,
                                               GAsyncResult        *result,
                                               GError             **error)
{
  g_return_val_if_fail (EVIDENT_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
