/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-file-chooser.h"
#include "evident-pack.h"
#include "evident-report-dialog.h"

/*
 * EvidentReportDialog: what a readiness report covers before it is saved
 * or printed: every item, the open ones or one chapter, and whether its
 * cover shows the digest of an evidence pack, the one made a moment ago
 * (evident_report_dialog_set_pack()) or one chosen from a file. It answers
 * "save", "print" or "cancel"; whoever opened it makes the report with
 * evident_report_dialog_create_report() and writes or prints it.
 */

G_STATIC_ASSERT ((int) EVIDENT_REPORT_SCOPE_OPEN == 1);
G_STATIC_ASSERT ((int) EVIDENT_REPORT_SCOPE_CHAPTER == EVIDENT_SCOPE_GROUP_CHAPTER);

/* How many digits of a digest the dialog shows; the cover shows them all */
#define SHORT_DIGEST 12

struct _EvidentReportDialog
{
  AdwMessageDialog   parent_instance;

  EvidentProject    *project;
  EvidentScopeGroup *scope_group;
  char              *pack_name;
  char              *pack_digest;
  GCancellable      *cancellable;
  GtkNativeDialog   *file_chooser;

  /* Template widgets */
  GtkBox            *box;
  AdwActionRow      *pack_row;
  GtkSwitch         *pack_switch;
  AdwActionRow      *choose_row;
};

G_DEFINE_FINAL_TYPE (EvidentReportDialog, evident_report_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
set_pack_subtitle (EvidentReportDialog *self,
                   const char          *subtitle,
                   gboolean             is_error)
{
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

  adw_action_row_set_subtitle (self->pack_row, escaped);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->pack_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->pack_row), "error");
}

static void
update_pack_row (EvidentReportDialog *self)
{
  g_autofree char *subtitle = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->pack_switch), self->pack_digest != NULL);
  if (self->pack_digest == NULL)
    {
      gtk_switch_set_active (self->pack_switch, FALSE);
      set_pack_subtitle (self, _("No evidence pack made yet: make one, or choose one"), FALSE);
      return;
    }

  /* Translators: the evidence pack whose digest a report's cover shows:
   * its file name, and the first digits of the digest */
  subtitle = g_strdup_printf (_("“%s”, digest %.*s…"), self->pack_name, SHORT_DIGEST,
                              self->pack_digest);
  set_pack_subtitle (self, subtitle, FALSE);
}

/* Reading an evidence pack's digest */

static void
read_digest_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  char *digest = evident_pack_read_digest (G_FILE (task_data), &error);

  if (digest == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, digest, g_free);
}

static void
read_digest_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  EvidentReportDialog *self = EVIDENT_REPORT_DIALOG (source_object);
  GFile *pack = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *digest = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_row), TRUE);
  if (digest == NULL)
    {
      set_pack_subtitle (self, error->message, TRUE);
      return;
    }

  name = g_file_get_basename (pack);
  evident_report_dialog_set_pack (self, name, digest);
}

static void
pack_chooser_response_cb (EvidentReportDialog *self,
                          int                  response,
                          GtkNativeDialog     *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) pack = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (pack != NULL)
        evident_report_dialog_read_pack (self, pack);
    }

  gtk_native_dialog_destroy (native);
  g_clear_object (&self->file_chooser);
}

static void
choose_row_activated_cb (EvidentReportDialog *self)
{
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->file_chooser != NULL)
    return;

  native = gtk_file_chooser_native_new (_("Choose an Evidence Pack"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Evidence Packs"));
  gtk_file_filter_add_pattern (filter, "*.zip");
  gtk_file_filter_add_pattern (filter, "*.ZIP");
  gtk_file_filter_add_mime_type (filter, "application/zip");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  evident_file_chooser_set_default_folder (GTK_FILE_CHOOSER (native));

  self->file_chooser = GTK_NATIVE_DIALOG (native);
  g_signal_connect_object (native, "response", G_CALLBACK (pack_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->file_chooser);
}

/* GObject */

static void
evident_report_dialog_dispose (GObject *object)
{
  EvidentReportDialog *self = EVIDENT_REPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  g_clear_object (&self->project);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_REPORT_DIALOG);

  G_OBJECT_CLASS (evident_report_dialog_parent_class)->dispose (object);
}

static void
evident_report_dialog_finalize (GObject *object)
{
  EvidentReportDialog *self = EVIDENT_REPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pack_name, g_free);
  g_clear_pointer (&self->pack_digest, g_free);

  G_OBJECT_CLASS (evident_report_dialog_parent_class)->finalize (object);
}

static void
evident_report_dialog_class_init (EvidentReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_report_dialog_dispose;
  object_class->finalize = evident_report_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentReportDialog, box);
  gtk_widget_class_bind_template_child (widget_class, EvidentReportDialog, pack_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentReportDialog, pack_switch);
  gtk_widget_class_bind_template_child (widget_class, EvidentReportDialog, choose_row);
  gtk_widget_class_bind_template_callback (widget_class, choose_row_activated_cb);
}

static void
evident_report_dialog_init (EvidentReportDialog *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The row labels the switch it activates: GTK 4.8 would read the row's
   * title after the switch's own name, "Show the evidence pack’s digest
   * on the cover Digest on the Cover". */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->pack_switch),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Public API */

/**
 * evident_report_dialog_new:
 * @parent: (nullable): the window it is modal for
 * @project: the project to report on
 *
 * Returns: (transfer none): a new dialog, not shown yet; it destroys
 *   itself once it has responded
 */
EvidentReportDialog *
evident_report_dialog_new (GtkWindow      *parent,
                           EvidentProject *project)
{
  EvidentReportDialog *self;
  GtkWidget *scope_group;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);

  self = g_object_new (EVIDENT_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);

  scope_group = evident_scope_group_new (project, _("All items"), _("Open items only"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (scope_group), _("Scope"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (scope_group),
                                         _("The score is always the whole project’s"));
  gtk_box_prepend (self->box, scope_group);
  self->scope_group = EVIDENT_SCOPE_GROUP (scope_group);

  update_pack_row (self);
  evident_a11y_name_mnemonics (GTK_WIDGET (self));
  return self;
}

EvidentScopeGroup *
evident_report_dialog_get_scope_group (EvidentReportDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_REPORT_DIALOG (self), NULL);

  return self->scope_group;
}

/**
 * evident_report_dialog_set_pack:
 * @name: (nullable): the pack's file name
 * @digest: (nullable): the SHA-256 of its manifest; %NULL for no pack
 *
 * Offers @digest for the cover, and chooses it.
 */
void
evident_report_dialog_set_pack (EvidentReportDialog *self,
                                const char          *name,
                                const char          *digest)
{
  g_return_if_fail (EVIDENT_IS_REPORT_DIALOG (self));

  g_free (self->pack_name);
  self->pack_name = g_strdup (name);
  g_free (self->pack_digest);
  self->pack_digest = g_strdup (digest);
  update_pack_row (self);
  gtk_switch_set_active (self->pack_switch, digest != NULL);
}

/**
 * evident_report_dialog_read_pack:
 * @pack: an evidence pack
 *
 * Reads the digest of @pack's manifest on a worker, and offers it for the
 * cover; says in the pack's row why not when @pack is no evidence pack.
 */
void
evident_report_dialog_read_pack (EvidentReportDialog *self,
                                 GFile               *pack)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (EVIDENT_IS_REPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (pack));

  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_row), FALSE);
  set_pack_subtitle (self, _("Reading the evidence pack…"), FALSE);

  task = g_task_new (self, self->cancellable, read_digest_cb, NULL);
  g_task_set_source_tag (task, evident_report_dialog_read_pack);
  g_task_set_task_data (task, g_object_ref (pack), g_object_unref);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, read_digest_thread);
}

/**
 * evident_report_dialog_get_digest:
 *
 * Returns: (nullable): the digest the cover is to show, or %NULL
 */
const char *
evident_report_dialog_get_digest (EvidentReportDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_REPORT_DIALOG (self), NULL);

  return gtk_switch_get_active (self->pack_switch) ? self->pack_digest : NULL;
}

/**
 * evident_report_dialog_create_report:
 *
 * Returns: (transfer full): the report the dialog describes, or %NULL
 *   with @error set
 */
EvidentReport *
evident_report_dialog_create_report (EvidentReportDialog  *self,
                                     GError              **error)
{
  EvidentReport *report;

  g_return_val_if_fail (EVIDENT_IS_REPORT_DIALOG (self), NULL);

  report = evident_report_new (self->project,
                               (EvidentReportScope) evident_scope_group_get_scope (self->scope_group),
                               evident_scope_group_get_chapter (self->scope_group), error);
  if (report != NULL)
    evident_report_set_pack_digest (report, evident_report_dialog_get_digest (self));
  return report;
}
