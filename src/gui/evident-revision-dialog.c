/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-resources.h"
#include "evident-revision-dialog.h"
#include "evident-toast.h"

/*
 * EvidentRevisionDialog: "Update Checklist", a new version of the
 * project's checklist on its way in. A modal window over the project
 * window that goes through three pages:
 *
 *  1. the file is read on a worker (evident_import_new_for_file_async());
 *  2. when the columns are not recognised (and not remembered from last
 *     time) or the file has problems, the user checks them in the import
 *     assistant's editor (EvidentImportEditor), what blocks the comparison
 *     shown under the header bar, and "Compare" goes on;
 *  3. the checklists are compared on a worker (evident_revision_new_async()),
 *     then the preview (EvidentRevisionPreview) shows what will happen to
 *     every item, and the user may pair and unpair items by hand.
 *
 * Nothing changes until "Apply": evident_revision_apply_async() moves the
 * project in one transaction and one step of undo. A file that hardly
 * matches asks first whether to apply it anyway; a project that changed
 * since the comparison is compared again. Once applied, the dialog emits
 * "applied" (for the window's toast) and closes.
 */

struct _EvidentRevisionDialog
{
  AdwWindow               parent_instance;

  /* Template widgets */
  AdwToastOverlay        *toast_overlay;
  AdwWindowTitle         *title_widget;
  GtkWidget              *columns_button;
  GtkWidget              *apply_button;
  GtkWidget              *compare_button;
  GtkRevealer            *problem_revealer;
  GtkLabel               *problem_label;
  GtkStack               *stack;
  AdwStatusPage          *busy_page;
  GtkSpinner             *busy_spinner;
  EvidentImportEditor    *import_editor;
  EvidentRevisionPreview *preview;

  EvidentProject         *project;
  GFile                  *file;
  EvidentImport          *import;
  gulong                  import_changed_id;
  EvidentRevision        *revision;
  GCancellable           *cancellable;

  guint                   busy : 1;
  guint                   applying : 1;
};

G_DEFINE_FINAL_TYPE (EvidentRevisionDialog, evident_revision_dialog, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void plan (EvidentRevisionDialog *self);

/* Helpers */

static void
update_actions (EvidentRevisionDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean editable = !evident_project_get_read_only (self->project);
  gboolean ready = self->import != NULL && evident_import_get_problems (self->import)->len == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "revision-dialog.compare",
                                 ready && !self->busy && g_str_equal (page, "columns"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "revision-dialog.apply",
                                 self->revision != NULL && !self->busy && editable
                                 && g_str_equal (page, "preview"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "revision-dialog.show-columns",
                                 self->import != NULL && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "revision-dialog.show-problems",
                                 self->import != NULL && !ready);
}

/* What blocks the comparison, under the header bar and on the button. */
static void
update_problems (EvidentRevisionDialog *self)
{
  GPtrArray *problems = self->import != NULL ? evident_import_get_problems (self->import) : NULL;
  gboolean columns = g_str_equal (gtk_stack_get_visible_child_name (self->stack), "columns");
  g_autofree char *text = NULL;

  if (problems == NULL || problems->len == 0)
    {
      gtk_revealer_set_reveal_child (self->problem_revealer, FALSE);
      gtk_label_set_text (self->problem_label, "");
      gtk_widget_set_tooltip_text (self->compare_button, NULL);
      update_actions (self);
      return;
    }

  if (problems->len == 1)
    /* Translators: why the new version cannot be compared yet, then the problem */
    text = g_strdup_printf (_("Cannot compare yet. %s"),
                            ((EvidentImportProblem *) g_ptr_array_index (problems, 0))->message);
  else
    text = g_strdup_printf (ngettext ("Cannot compare yet. %s (and %u more problem)",
                                      "Cannot compare yet. %s (and %u more problems)",
                                      problems->len - 1),
                            ((EvidentImportProblem *) g_ptr_array_index (problems, 0))->message,
                            problems->len - 1);
  gtk_label_set_text (self->problem_label, text);
  gtk_revealer_set_reveal_child (self->problem_revealer, columns);
  gtk_widget_set_tooltip_text (self->compare_button, text);
  update_actions (self);
}

static void
set_page (EvidentRevisionDialog *self,
          const char            *page)
{
  gboolean busy = g_str_equal (page, "busy");

  self->busy = busy;
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  gtk_widget_set_visible (self->compare_button, g_str_equal (page, "columns"));
  gtk_widget_set_visible (self->apply_button, g_str_equal (page, "preview"));
  gtk_widget_set_visible (self->columns_button, g_str_equal (page, "preview"));
  update_problems (self);
}

static void
show_busy (EvidentRevisionDialog *self,
           const char            *title,
           const char            *description)
{
  adw_status_page_set_title (self->busy_page, title);
  adw_status_page_set_description (self->busy_page, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->busy_spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  set_page (self, "busy");
}

static void
show_error (GtkWindow    *parent,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  evident_a11y_name_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
dup_file_name (EvidentRevisionDialog *self)
{
  return self->file != NULL ? g_file_get_basename (self->file) : g_strdup ("");
}

/* Whether the user should see the columns before the comparison: they
 * were guessed from the header's names, or the file has problems. */
static gboolean
needs_columns (EvidentRevisionDialog *self)
{
  return evident_import_get_problems (self->import)->len > 0
         || (evident_import_get_layout (self->import) == EVIDENT_IMPORT_LAYOUT_MAPPED
             && !evident_import_editor_get_recalled (self->import_editor));
}

static void
import_changed_cb (EvidentRevisionDialog *self)
{
  update_problems (self);
}

static void
set_import (EvidentRevisionDialog *self,
            EvidentImport         *import,
            gboolean               recalled)
{
  g_assert (self->import == NULL);

  self->import = g_object_ref (import);
  self->import_changed_id = g_signal_connect_swapped (import, "changed",
                                                      G_CALLBACK (import_changed_cb), self);
  evident_import_editor_set_recalled (self->import_editor, recalled);
  evident_import_editor_set_import (self->import_editor, import);

  if (needs_columns (self))
    set_page (self, "columns");
  else
    plan (self);
}

/* Reading the file */

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (EvidentRevisionDialog) self = user_data;
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (GError) error = NULL;

  import = evident_import_new_for_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (import == NULL)
    {
      g_autofree char *name = dup_file_name (self);
      /* Translators: the heading of an error dialog; the file's name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Read “%s”"), name);

      /* The dialog says why, over the window the request came from. */
      show_error (gtk_window_get_transient_for (GTK_WINDOW (self)), heading, error);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  set_import (self, import, evident_import_recall_mapping (import));
}

/* Comparing */

static void
planned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (EvidentRevisionDialog) self = user_data;
  g_autoptr (EvidentRevision) revision = NULL;
  g_autoptr (GError) error = NULL;

  revision = evident_revision_new_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (revision == NULL)
    {
      set_page (self, "columns");
      if (error->domain != EVIDENT_IMPORT_ERROR
          || evident_import_get_problems (self->import)->len == 0)
        show_error (GTK_WINDOW (self), _("Could Not Compare the Checklists"), error);
      return;
    }

  if (self->file != NULL)
    {
      g_autofree char *name = dup_file_name (self);

      evident_revision_set_file_name (revision, name);
    }
  g_set_object (&self->revision, revision);
  evident_revision_preview_set_revision (self->preview, revision);
  set_page (self, "preview");
}

static void
plan (EvidentRevisionDialog *self)
{
  guint n_items = g_list_model_get_n_items (evident_project_get_items (self->project));
  guint n_new = evident_import_get_entries (self->import)->len;
  g_autofree char *description = NULL;

  /* Translators: while two versions of a checklist are compared; the
   * numbers of items of the project and of the new version */
  description = g_strdup_printf (_("Matching the project’s %u items with the %u of the new "
                                   "version"),
                                 n_items, n_new);
  show_busy (self, _("Comparing the Checklists"), description);
  evident_revision_new_async (self->project, self->import, self->cancellable, planned_cb,
                              g_object_ref (self));
}

/* Applying */

static void
force_response_cb (AdwMessageDialog      *dialog,
                   const char            *response,
                   EvidentRevisionDialog *self)
{
  if (g_str_equal (response, "apply"))
    evident_revision_dialog_apply (self, TRUE);
}

/* A file that hardly matches: apply it anyway? */
static void
ask_force (EvidentRevisionDialog *self)
{
  guint n_old = g_list_model_get_n_items (evident_project_get_items (self->project));
  guint n_removed = evident_revision_get_count (self->revision, EVIDENT_REVISION_REMOVED);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: the numbers of the checklist's items that are in the new
   * version, and of all its items */
  body = g_strdup_printf (_("This does not look like a revision of this checklist: only %u of "
                            "its %u items are in the new version. Apply anyway?"),
                          n_old - n_removed, n_old);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Apply Anyway?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", _("_Apply Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (force_response_cb), self, 0);
  evident_a11y_name_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (EvidentRevisionDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  self->applying = FALSE;
  if (!evident_revision_apply_finish (EVIDENT_REVISION (object), result, &error))
    {
      set_page (self, "preview");
      if (g_error_matches (error, EVIDENT_REVISION_ERROR, EVIDENT_REVISION_ERROR_UNRELATED))
        ask_force (self);
      else if (g_error_matches (error, EVIDENT_REVISION_ERROR, EVIDENT_REVISION_ERROR_STALE))
        {
          evident_toast_overlay_add_toast (self->toast_overlay,
                                       adw_toast_new (_("The project changed since the "
                                                        "comparison: compared again")));
          evident_revision_dialog_compare (self);
        }
      else
        show_error (GTK_WINDOW (self), _("Could Not Update the Checklist"), error);
      return;
    }

  /* The next file with this header gets the same columns. */
  if (evident_import_editor_get_edited (self->import_editor))
    {
      g_autoptr (GError) remember_error = NULL;

      if (!evident_import_remember_mapping (self->import, &remember_error))
        g_message ("Could not remember the columns of the import: %s", remember_error->message);
    }

  g_signal_emit (self, signals[APPLIED], 0, evident_revision_get_label (self->revision));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Callbacks */

static void
preview_error_cb (EvidentRevisionDialog *self,
                  const char            *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  evident_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Actions */

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  evident_revision_dialog_compare (EVIDENT_REVISION_DIALOG (widget));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  evident_revision_dialog_apply (EVIDENT_REVISION_DIALOG (widget), FALSE);
}

/* Ctrl+Return: the step the page is at */
static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentRevisionDialog *self = EVIDENT_REVISION_DIALOG (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "columns"))
    evident_revision_dialog_compare (self);
  else if (g_str_equal (page, "preview"))
    evident_revision_dialog_apply (self, FALSE);
}

static void
show_columns_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvidentRevisionDialog *self = EVIDENT_REVISION_DIALOG (widget);

  if (self->import == NULL || self->busy)
    return;
  set_page (self, "columns");
  if (g_str_equal (action_name, "revision-dialog.show-problems"))
    evident_import_editor_show_problems (self->import_editor);
}

/* GObject */

static gboolean
evident_revision_dialog_close_request (GtkWindow *window)
{
  EvidentRevisionDialog *self = EVIDENT_REVISION_DIALOG (window);

  /* Once the worker writes, the update goes through: the dialog stays
   * until it is done. */
  if (self->applying)
    return TRUE;
  /* Cancel stops reading and comparing; nothing was changed. */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (evident_revision_dialog_parent_class)->close_request (window);
}

static void
evident_revision_dialog_dispose (GObject *object)
{
  EvidentRevisionDialog *self = EVIDENT_REVISION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->import != NULL)
    g_clear_signal_handler (&self->import_changed_id, self->import);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_REVISION_DIALOG);

  g_clear_object (&self->revision);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->project);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (evident_revision_dialog_parent_class)->dispose (object);
}

static void
evident_revision_dialog_class_init (EvidentRevisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = evident_revision_dialog_dispose;
  window_class->close_request = evident_revision_dialog_close_request;

  /**
   * EvidentRevisionDialog::applied:
   * @self: the dialog
   * @label: the new version's label, "" when unknown
   *
   * Emitted once the project is on the new version, before the dialog
   * closes.
   */
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (EVIDENT_TYPE_IMPORT_EDITOR);
  g_type_ensure (EVIDENT_TYPE_REVISION_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-revision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDialog, columns_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDialog, compare_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDialog, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDialog, busy_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDialog, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDialog, import_editor);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDialog, preview);
  gtk_widget_class_bind_template_callback (widget_class, preview_error_cb);

  gtk_widget_class_install_action (widget_class, "revision-dialog.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "revision-dialog.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "revision-dialog.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "revision-dialog.show-columns", NULL,
                                   show_columns_action);
  gtk_widget_class_install_action (widget_class, "revision-dialog.show-problems", NULL,
                                   show_columns_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "revision-dialog.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "revision-dialog.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
evident_revision_dialog_init (EvidentRevisionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  evident_a11y_name_mnemonics (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/* No larger than the window it is over: on a small screen, or a phone. */
static void
fit_to_parent (GtkWindow *self,
               GtkWindow *parent)
{
  int parent_width = gtk_widget_get_width (GTK_WIDGET (parent));
  int parent_height = gtk_widget_get_height (GTK_WIDGET (parent));
  int width, height;

  if (parent_width <= 0 || parent_height <= 0)
    gtk_window_get_default_size (parent, &parent_width, &parent_height);
  gtk_window_get_default_size (self, &width, &height);
  if (parent_width > 0)
    width = MIN (width, parent_width);
  if (parent_height > 0)
    height = MIN (height, parent_height);
  gtk_window_set_default_size (self, width, height);
}

static EvidentRevisionDialog *
create (GtkWindow      *parent,
        EvidentProject *project,
        GFile          *file)
{
  EvidentRevisionDialog *self;

  self = g_object_new (EVIDENT_TYPE_REVISION_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->project = g_object_ref (project);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      adw_window_title_set_subtitle (self->title_widget, name);
    }
  if (parent != NULL)
    fit_to_parent (GTK_WINDOW (self), parent);
  return self;
}

/* Public API */

/**
 * evident_revision_dialog_new:
 * @parent: (nullable): the project's window
 * @project: the project whose checklist is updated
 * @file: the new version's file: a workbook or CSV
 *
 * Reads @file on a worker, then goes on to its columns or the comparison.
 * A file that cannot be read gets an error dialog over @parent naming the
 * file, and the dialog closes.
 *
 * Returns: (transfer none): the dialog, modal over @parent; present it
 */
EvidentRevisionDialog *
evident_revision_dialog_new (GtkWindow      *parent,
                             EvidentProject *project,
                             GFile          *file)
{
  EvidentRevisionDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = create (parent, project, file);
  name = g_file_get_basename (file);
  show_busy (self, _("Reading the Checklist"), name);
  evident_import_new_for_file_async (file, self->cancellable, read_cb, g_object_ref (self));
  return self;
}

/**
 * evident_revision_dialog_new_for_import:
 * @parent: (nullable): the project's window
 * @project: the project whose checklist is updated
 * @file: (nullable): the file @import was read from, for its name
 * @import: the new version, read
 *
 * Returns: (transfer none): the dialog on @import's columns, or comparing
 */
EvidentRevisionDialog *
evident_revision_dialog_new_for_import (GtkWindow      *parent,
                                        EvidentProject *project,
                                        GFile          *file,
                                        EvidentImport  *import)
{
  EvidentRevisionDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (EVIDENT_IS_IMPORT (import), NULL);

  self = create (parent, project, file);
  set_import (self, import, FALSE);
  return self;
}

EvidentProject *
evident_revision_dialog_get_project (EvidentRevisionDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_DIALOG (self), NULL);

  return self->project;
}

/**
 * evident_revision_dialog_get_import:
 *
 * Returns: (transfer none) (nullable): the new version, %NULL while read
 */
EvidentImport *
evident_revision_dialog_get_import (EvidentRevisionDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_DIALOG (self), NULL);

  return self->import;
}

/**
 * evident_revision_dialog_get_revision:
 *
 * Returns: (transfer none) (nullable): the plan, %NULL until compared
 */
EvidentRevision *
evident_revision_dialog_get_revision (EvidentRevisionDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_DIALOG (self), NULL);

  return self->revision;
}

/**
 * evident_revision_dialog_get_page:
 *
 * Returns: "busy" (reading or comparing), "columns" or "preview"
 */
const char *
evident_revision_dialog_get_page (EvidentRevisionDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * evident_revision_dialog_compare:
 *
 * Compares the new version, with the columns chosen, with the project's
 * checklist (on a worker), as "Compare" does. An import with problems
 * shows them instead.
 */
void
evident_revision_dialog_compare (EvidentRevisionDialog *self)
{
  g_return_if_fail (EVIDENT_IS_REVISION_DIALOG (self));

  if (self->import == NULL || self->busy)
    return;
  if (evident_import_get_problems (self->import)->len > 0)
    {
      evident_import_editor_show_problems (self->import_editor);
      return;
    }
  evident_revision_preview_set_revision (self->preview, NULL);
  g_clear_object (&self->revision);
  plan (self);
}

/**
 * evident_revision_dialog_apply:
 * @force: apply a file that hardly matches without asking
 *
 * Applies the plan, as "Apply" does: one transaction, one step of undo.
 * Asks first about a file that hardly matches (unless @force), compares
 * again when the project changed since, says why in a dialog when it
 * fails; once applied, emits "applied" and closes.
 */
void
evident_revision_dialog_apply (EvidentRevisionDialog *self,
                               gboolean               force)
{
  g_autofree char *description = NULL;
  guint n_new;

  g_return_if_fail (EVIDENT_IS_REVISION_DIALOG (self));

  if (self->revision == NULL || self->busy)
    return;

  n_new = g_list_model_get_n_items (evident_revision_get_entries (self->revision))
          - evident_revision_get_count (self->revision, EVIDENT_REVISION_REMOVED)
          - evident_revision_get_count (self->revision, EVIDENT_REVISION_MERGED);
  /* Translators: while a new version of the checklist is written into the
   * project; the number of the new version's items */
  description = g_strdup_printf (ngettext ("Carrying the work across to the new version’s "
                                           "%u item",
                                           "Carrying the work across to the new version’s "
                                           "%u items",
                                           n_new),
                                 n_new);
  show_busy (self, _("Updating the Checklist"), description);
  self->applying = TRUE;
  evident_revision_apply_async (self->revision, force, NULL, applied_cb, g_object_ref (self));
}

EvidentRevisionPreview *
evident_revision_dialog_get_preview (EvidentRevisionDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_DIALOG (self), NULL);

  return self->preview;
}

EvidentImportEditor *
evident_revision_dialog_get_import_editor (EvidentRevisionDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_DIALOG (self), NULL);

  return self->import_editor;
}

const char *
evident_revision_dialog_get_problem_text (EvidentRevisionDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_DIALOG (self), NULL);

  return gtk_label_get_text (self->problem_label);
}
