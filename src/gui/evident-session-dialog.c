/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-audit.h"
#include "evident-chapter.h"
#include "evident-due-date.h"
#include "evident-session-dialog.h"

/*
 * EvidentSessionDialog: New Session: its kind, its (first) day, who takes
 * part, and its scope, the whole checklist or some chapters. The owner
 * calls evident_session_dialog_apply() on the "create" response: the
 * session is one edit, one step of undo.
 */

struct _EvidentSessionDialog
{
  AdwMessageDialog  parent_instance;

  EvidentProject   *project;
  /* The chapters' check buttons, each with its "number" */
  GPtrArray        *chapter_checks;

  /* Template widgets */
  GtkDropDown      *kind_dropdown;
  GtkWidget        *chapter_scroller;
  GtkEntry         *date_entry;
  GtkEntry         *participants_entry;
  GtkCheckButton   *everything_check;
  GtkBox           *chapter_box;
};

G_DEFINE_FINAL_TYPE (EvidentSessionDialog, evident_session_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The chapters checked, or an empty list for the whole checklist. */
static GStrv
dup_chapters (EvidentSessionDialog *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (!gtk_check_button_get_active (self->everything_check))
    for (guint i = 0; i < self->chapter_checks->len; i++)
      {
        GtkCheckButton *check = g_ptr_array_index (self->chapter_checks, i);

        if (gtk_check_button_get_active (check))
          g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "number"));
      }
  return g_strv_builder_end (builder);
}

static void
update_cb (EvidentSessionDialog *self)
{
  g_autoptr (GDateTime) date = NULL;
  g_auto (GStrv) chapters = dup_chapters (self);
  gboolean everything = gtk_check_button_get_active (self->everything_check);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));

  date = evident_due_date_parse (text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->chapter_box), !everything);
  /* No Tab stop on the scrolled box while its chapters cannot be chosen. */
  gtk_widget_set_can_focus (self->chapter_scroller, !everything);
  if (date == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create",
                                           date != NULL && (everything || chapters[0] != NULL));
}

static void
fill (EvidentSessionDialog *self)
{
  GListModel *chapters = evident_project_get_chapters (self->project);
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint n = g_list_model_get_n_items (chapters);

  for (guint kind = 0; kind < EVIDENT_N_SESSION_KINDS; kind++)
    gtk_string_list_append (kinds, evident_session_kind_get_label (kind));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  evident_a11y_name_drop_down (self->kind_dropdown, _("Kind"));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);
      g_autofree char *label = g_strdup_printf ("%s %s", evident_chapter_get_number (chapter),
                                                evident_chapter_get_display_title (chapter));
      GtkWidget *check = gtk_check_button_new_with_label (label);

      g_object_set_data_full (G_OBJECT (check), "number",
                              g_strdup (evident_chapter_get_number (chapter)), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (update_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->chapter_box, check);
      g_ptr_array_add (self->chapter_checks, check);
    }
  evident_a11y_name_mnemonics (GTK_WIDGET (self));
  update_cb (self);
}

static void
evident_session_dialog_dispose (GObject *object)
{
  EvidentSessionDialog *self = EVIDENT_SESSION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_SESSION_DIALOG);
  g_clear_object (&self->project);
  g_clear_pointer (&self->chapter_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (evident_session_dialog_parent_class)->dispose (object);
}

static void
evident_session_dialog_class_init (EvidentSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_session_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionDialog, participants_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionDialog, everything_check);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionDialog, chapter_box);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionDialog, chapter_scroller);
  gtk_widget_class_bind_template_callback (widget_class, update_cb);
}

static void
evident_session_dialog_init (EvidentSessionDialog *self)
{
  self->chapter_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * evident_session_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @project: the project
 *
 * Returns: (transfer floating): the dialog, not shown yet: a dry run of
 *   the whole checklist, today
 */
EvidentSessionDialog *
evident_session_dialog_new (GtkWindow      *parent,
                            EvidentProject *project)
{
  EvidentSessionDialog *self;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);

  self = g_object_new (EVIDENT_TYPE_SESSION_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  fill (self);
  return self;
}

void
evident_session_dialog_set_kind (EvidentSessionDialog *self,
                                 EvidentSessionKind    kind)
{
  g_return_if_fail (EVIDENT_IS_SESSION_DIALOG (self));
  g_return_if_fail (kind < EVIDENT_N_SESSION_KINDS);

  gtk_drop_down_set_selected (self->kind_dropdown, kind);
}

/* @date: YYYY-MM-DD */
void
evident_session_dialog_set_date (EvidentSessionDialog *self,
                                 const char           *date)
{
  g_return_if_fail (EVIDENT_IS_SESSION_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date != NULL ? date : "");
}

/* @names: separated by commas */
void
evident_session_dialog_set_participants (EvidentSessionDialog *self,
                                         const char           *names)
{
  g_return_if_fail (EVIDENT_IS_SESSION_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->participants_entry), names != NULL ? names : "");
}

/**
 * evident_session_dialog_set_chapter:
 * @number: a chapter's number
 * @in_scope: whether it is in the session's scope
 *
 * Puts a chapter in the scope or takes it out; the scope is no longer the
 * whole checklist.
 *
 * Returns: whether the project has the chapter
 */
gboolean
evident_session_dialog_set_chapter (EvidentSessionDialog *self,
                                    const char           *number,
                                    gboolean              in_scope)
{
  g_return_val_if_fail (EVIDENT_IS_SESSION_DIALOG (self), FALSE);

  gtk_check_button_set_active (self->everything_check, FALSE);
  for (guint i = 0; i < self->chapter_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->chapter_checks, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "number"), number) == 0)
        {
          gtk_check_button_set_active (check, in_scope);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * evident_session_dialog_apply:
 * @error: return location for an error
 *
 * Records the session: one edit, one step of undo.
 *
 * Returns: (transfer none) (nullable): the session, or %NULL with @error
 *   set (a bad date, no chapter)
 */
EvidentSession *
evident_session_dialog_apply (EvidentSessionDialog  *self,
                              GError               **error)
{
  EvidentSessionSettings settings;
  g_auto (GStrv) chapters = NULL;
  g_auto (GStrv) names = NULL;
  g_autoptr (GStrvBuilder) participants = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (EVIDENT_IS_SESSION_DIALOG (self), NULL);

  chapters = dup_chapters (self);
  names = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->participants_entry)), ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    if (*g_strstrip (names[i]) != '\0')
      g_strv_builder_add (participants, names[i]);
  list = g_strv_builder_end (participants);
  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));

  evident_session_settings_init (&settings);
  settings.kind = gtk_drop_down_get_selected (self->kind_dropdown);
  settings.date = *date != '\0' ? date : NULL;
  settings.chapters = (const char * const *) chapters;
  settings.participants = (const char * const *) list;
  return evident_audit_new_session (evident_audit_get_for_project (self->project), &settings,
                                    error);
}
