/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-application.h"
#include "evident-file-chooser.h"
#include "evident-error-text.h"
#include "evident-import-assistant-private.h"
#include "evident-resources.h"

/*
 * EvidentImportAssistant: a checklist file on its way to a project. A
 * modal window over the project window around an EvidentImportEditor:
 * what was recognised, the sheets of a workbook, the columns of the
 * current sheet and the live preview. What blocks the import shows under
 * the header bar, and "Create Project…" waits for it. Creating asks for the project file and hands the import to
 * evident_application_create_from_import(), which builds the project on a
 * worker and shows it in the window; the assistant then closes, and a
 * mapping the user changed is remembered for the next file with the same
 * header.
 */

/* How long reading may take before the assistant shows that it reads. */
#define PRESENT_DELAY_MS 250

struct _EvidentImportAssistant
{
  AdwWindow                  parent_instance;

  AdwWindowTitle            *title_widget;
  GtkWidget                 *create_button;
  GtkSpinner                *busy_spinner;
  GtkRevealer               *problem_revealer;
  GtkLabel                  *problem_label;
  GtkStack                  *main_stack;
  AdwStatusPage             *loading_page;
  GtkSpinner                *loading_spinner;
  EvidentImportEditor       *editor;

  GFile                     *file;
  EvidentImport             *import;
  gulong                     changed_id;
  GCancellable              *cancellable;
  guint                      present_id;

  guint                      busy : 1;
};

G_DEFINE_FINAL_TYPE (EvidentImportAssistant, evident_import_assistant, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_FILE,
  PROP_IMPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
update_actions (EvidentImportAssistant *self)
{
  gboolean ready = self->import != NULL && evident_import_get_problems (self->import)->len == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.create", ready && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.show-problems",
                                 self->import != NULL && !ready);
}

/* What blocks the import, under the header bar and on the button. */
static void
update_problems (EvidentImportAssistant *self)
{
  GPtrArray *problems = evident_import_get_problems (self->import);
  g_autofree char *text = NULL;

  if (problems->len == 0)
    {
      gtk_revealer_set_reveal_child (self->problem_revealer, FALSE);
      gtk_label_set_text (self->problem_label, "");
      gtk_widget_set_tooltip_text (self->create_button, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->create_button),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  if (problems->len == 1)
    /* Translators: why the project cannot be created yet, then the problem */
    text = g_strdup_printf (_("Cannot create the project yet. %s"),
                            ((EvidentImportProblem *) g_ptr_array_index (problems, 0))->message);
  else
    text = g_strdup_printf (ngettext ("Cannot create the project yet. %s (and %u more problem)",
                                      "Cannot create the project yet. %s (and %u more problems)",
                                      problems->len - 1),
                            ((EvidentImportProblem *) g_ptr_array_index (problems, 0))->message,
                            problems->len - 1);

  gtk_label_set_text (self->problem_label, text);
  gtk_revealer_set_reveal_child (self->problem_revealer, TRUE);
  gtk_widget_set_tooltip_text (self->create_button, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->create_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
update (EvidentImportAssistant *self)
{
  if (self->import == NULL)
    return;

  update_problems (self);
  update_actions (self);
}

static void
set_busy (EvidentImportAssistant *self,
          gboolean                busy)
{
  self->busy = !!busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  update_actions (self);
}

/* Callbacks */

static void
import_changed_cb (EvidentImportAssistant *self)
{
  update (self);
}

static void
set_import (EvidentImportAssistant *self,
            EvidentImport          *import)
{
  g_assert (self->import == NULL);

  if (import == NULL)
    return;

  self->import = g_object_ref (import);
  self->changed_id = g_signal_connect_swapped (import, "changed", G_CALLBACK (import_changed_cb), self);

  evident_import_editor_set_import (self->editor, import);
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "content");
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORT]);
}

/* Reading the file */

static void
show_read_error (GtkWindow    *parent,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  g_autofree char *message = NULL;
  GtkWidget *dialog;

  /* Translators: the heading of an error dialog; the file's name */
  heading = g_strdup_printf (_("Could Not Read “%s”"), name);
  message = evident_error_text_shorten_paths (error->message);
  dialog = adw_message_dialog_new (parent, heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  evident_a11y_name_mnemonics (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
present_cb (gpointer data)
{
  EvidentImportAssistant *self = data;

  self->present_id = 0;
  gtk_window_present (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (EvidentImportAssistant) self = user_data;
  g_autoptr (EvidentImport) import = NULL;
  g_autoptr (GError) error = NULL;

  import = evident_import_new_for_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_handle_id (&self->present_id, g_source_remove);
  if (import == NULL)
    {
      /* Nothing to set: the dialog says why, over the window the request
       * came from. */
      show_read_error (gtk_window_get_transient_for (GTK_WINDOW (self)), self->file, error);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  evident_import_editor_set_recalled (self->editor, evident_import_recall_mapping (import));
  set_import (self, import);
  gtk_window_present (GTK_WINDOW (self));
}

/* Creating the project */

static void
show_create_error (EvidentImportAssistant *self,
                   const GError           *error)
{
  g_autofree char *message = evident_error_text_shorten_paths (error->message);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Create the Project"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  evident_a11y_name_mnemonics (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (EvidentImportAssistant) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!evident_application_create_from_import_finish (EVIDENT_APPLICATION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_create_error (self, error);
      return;
    }

  /* The next file with this header gets the same columns. */
  if (evident_import_editor_get_edited (self->editor))
    {
      g_autoptr (GError) remember_error = NULL;

      if (!evident_import_remember_mapping (self->import, &remember_error))
        g_message ("Could not remember the columns of the import: %s", remember_error->message);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
destination_response_cb (GtkNativeDialog        *native,
                         int                     response,
                         EvidentImportAssistant *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT && EVIDENT_IS_APPLICATION (application)
      && self->import != NULL && !self->busy)
    {
      g_autoptr (GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr (GFile) destination = evident_file_chooser_ensure_extension (chosen);

      set_busy (self, TRUE);
      evident_application_create_from_import (EVIDENT_APPLICATION (application),
                                              gtk_window_get_transient_for (GTK_WINDOW (self)),
                                              self->import, destination, self->cancellable,
                                              created_cb, g_object_ref (self));
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

/* Actions */

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvidentImportAssistant *self = EVIDENT_IMPORT_ASSISTANT (widget);
  GtkFileChooserNative *native;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  if (self->import == NULL || self->busy || evident_import_get_problems (self->import)->len > 0)
    return;

  native = evident_file_chooser_new_for_projects (_("Save the New Project"), GTK_WINDOW (self),
                                                  GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"));
  stem = self->file != NULL ? evident_file_chooser_dup_stem (self->file) : g_strdup (_("Checklist"));
  name = g_strconcat (stem, ".evident", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  evident_file_chooser_set_default_folder (GTK_FILE_CHOOSER (native));

  g_signal_connect (native, "response", G_CALLBACK (destination_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  evident_import_editor_show_problems (EVIDENT_IMPORT_ASSISTANT (widget)->editor);
}

/* GObject */

static gboolean
evident_import_assistant_close_request (GtkWindow *window)
{
  EvidentImportAssistant *self = EVIDENT_IMPORT_ASSISTANT (window);

  /* Cancel stops reading, and a project being created is not shown. */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (evident_import_assistant_parent_class)->close_request (window);
}

static void
evident_import_assistant_dispose (GObject *object)
{
  EvidentImportAssistant *self = EVIDENT_IMPORT_ASSISTANT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->present_id, g_source_remove);
  if (self->import != NULL)
    g_clear_signal_handler (&self->changed_id, self->import);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_IMPORT_ASSISTANT);

  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (evident_import_assistant_parent_class)->dispose (object);
}

static void
evident_import_assistant_constructed (GObject *object)
{
  EvidentImportAssistant *self = EVIDENT_IMPORT_ASSISTANT (object);

  G_OBJECT_CLASS (evident_import_assistant_parent_class)->constructed (object);

  if (self->file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);

      adw_window_title_set_subtitle (self->title_widget, name);
      adw_status_page_set_description (self->loading_page, name);
    }
}

static void
evident_import_assistant_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  EvidentImportAssistant *self = EVIDENT_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_IMPORT:
      g_value_set_object (value, self->import);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_import_assistant_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  EvidentImportAssistant *self = EVIDENT_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_IMPORT:
      set_import (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_import_assistant_class_init (EvidentImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = evident_import_assistant_dispose;
  object_class->constructed = evident_import_assistant_constructed;
  object_class->get_property = evident_import_assistant_get_property;
  object_class->set_property = evident_import_assistant_set_property;
  window_class->close_request = evident_import_assistant_close_request;

  /**
   * EvidentImportAssistant:file:
   *
   * The checklist file, for the title and the project's suggested name.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * EvidentImportAssistant:import:
   *
   * The import the assistant drives; set once, when the file is read.
   */
  properties[PROP_IMPORT] =
    g_param_spec_object ("import", NULL, NULL,
                         EVIDENT_TYPE_IMPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EVIDENT_TYPE_IMPORT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentImportAssistant, title_widget);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportAssistant, create_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportAssistant, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportAssistant, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportAssistant, problem_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportAssistant, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportAssistant, loading_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportAssistant, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportAssistant, editor);

  gtk_widget_class_install_action (widget_class, "assistant.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "assistant.show-problems", NULL, show_problems_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "assistant.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "assistant.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
evident_import_assistant_init (EvidentImportAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  evident_a11y_name_mnemonics (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  update_actions (self);
}

/* Public API */

/**
 * evident_import_assistant_new:
 * @parent: (nullable): the window the project is to show in
 * @file: (nullable): the checklist file, for the title and the project's
 *   suggested name
 * @import: (nullable): the import, or %NULL to set it later
 *
 * Returns: (transfer none): a new assistant, modal over @parent; present it
 */
EvidentImportAssistant *
evident_import_assistant_new (GtkWindow     *parent,
                              GFile         *file,
                              EvidentImport *import)
{
  EvidentImportAssistant *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (import == NULL || EVIDENT_IS_IMPORT (import), NULL);

  self = g_object_new (EVIDENT_TYPE_IMPORT_ASSISTANT,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "file", file,
                       "import", import,
                       NULL);

  /* No larger than the window it is over: on a small screen, or a phone. */
  if (parent != NULL)
    {
      int parent_width = gtk_widget_get_width (GTK_WIDGET (parent));
      int parent_height = gtk_widget_get_height (GTK_WIDGET (parent));
      int width, height;

      if (parent_width <= 0 || parent_height <= 0)
        gtk_window_get_default_size (parent, &parent_width, &parent_height);
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (parent_width > 0)
        width = MIN (width, parent_width);
      if (parent_height > 0)
        height = MIN (height, parent_height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
    }

  return self;
}

/**
 * evident_import_assistant_open:
 * @parent: (nullable): the window the project is to show in
 * @file: a checklist file: a workbook or CSV
 *
 * Reads @file on a worker and shows the assistant on what it holds. A
 * file that takes a moment shows the assistant at once, reading; one that
 * cannot be read gets an error dialog over @parent naming the file, and
 * no assistant.
 *
 * Returns: (transfer none): the assistant
 */
EvidentImportAssistant *
evident_import_assistant_open (GtkWindow *parent,
                               GFile     *file)
{
  EvidentImportAssistant *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = evident_import_assistant_new (parent, file, NULL);
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  self->present_id = g_timeout_add (PRESENT_DELAY_MS, present_cb, self);
  evident_import_new_for_file_async (file, self->cancellable, read_cb, g_object_ref (self));

  return self;
}

/**
 * evident_import_assistant_get_file:
 *
 * Returns: (transfer none) (nullable): the checklist file
 */
GFile *
evident_import_assistant_get_file (EvidentImportAssistant *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_ASSISTANT (self), NULL);

  return self->file;
}

/**
 * evident_import_assistant_get_import:
 *
 * Returns: (transfer none) (nullable): the import, %NULL while the file
 *   is read
 */
EvidentImport *
evident_import_assistant_get_import (EvidentImportAssistant *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_ASSISTANT (self), NULL);

  return self->import;
}

/* Private API, for tests */

EvidentImportEditor *
evident_import_assistant_get_editor (EvidentImportAssistant *self)
{
  return self->editor;
}

EvidentImportMappingGroup *
evident_import_assistant_get_mapping_group (EvidentImportAssistant *self)
{
  return evident_import_editor_get_mapping_group (self->editor);
}

EvidentImportPreview *
evident_import_assistant_get_preview (EvidentImportAssistant *self)
{
  return evident_import_editor_get_preview (self->editor);
}

GtkWidget *
evident_import_assistant_get_create_button (EvidentImportAssistant *self)
{
  return self->create_button;
}

const char *
evident_import_assistant_get_problem_text (EvidentImportAssistant *self)
{
  return gtk_label_get_text (self->problem_label);
}

/**
 * evident_import_assistant_get_summary_row:
 * @name: "layout", "format", "mode" or "recalled"
 */
AdwActionRow *
evident_import_assistant_get_summary_row (EvidentImportAssistant *self,
                                          const char             *name)
{
  return evident_import_editor_get_summary_row (self->editor, name);
}

GtkSwitch *
evident_import_assistant_get_sheet_switch (EvidentImportAssistant *self,
                                           guint                   sheet)
{
  return evident_import_editor_get_sheet_switch (self->editor, sheet);
}

gboolean
evident_import_assistant_get_edited (EvidentImportAssistant *self)
{
  return evident_import_editor_get_edited (self->editor);
}
