/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-audit-ui.h"
#include "evident-audit.h"
#include "evident-chapter-history.h"
#include "evident-chapter.h"
#include "evident-due-date.h"
#include "evident-enums-util.h"

/*
 * EvidentChapterHistory: what the sessions reviewed of a chapter: each
 * verdict on its items, newest first, with the session it was given in
 * (kind, day, participants), who recorded it and when, and the finding.
 * A verdict replaced by a later one in the same session says so; those an
 * undo took back are left out (evident_audit_list_verdicts()).
 */

struct _EvidentChapterHistory
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (EvidentChapterHistory, evident_chapter_history, ADW_TYPE_WINDOW)

static GtkWidget *
create_row (EvidentVerdictRecord *record)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *verdict = gtk_label_new (evident_verdict_get_label (record->verdict));
  g_autofree char *title = NULL;
  g_autofree char *day = evident_due_date_format (record->session_date);
  g_autofree char *at = evident_audit_ui_format_time (record->at);
  g_autofree char *people = NULL;
  g_autoptr (GString) subtitle = g_string_new (NULL);

  title = g_strdup_printf ("%s %s", record->ref, record->current ? "" : _("(replaced)"));
  people = record->participants != NULL && record->participants[0] != NULL
             ? g_strjoinv (", ", record->participants)
             : g_strdup (_("No participants named"));
  /* Translators: a verdict in a chapter's history: the session's kind and
   * day, its participants, then when and by whom it was recorded */
  g_string_printf (subtitle, _("%1$s, %2$s · %3$s · recorded %4$s by %5$s"),
                   evident_session_kind_get_label (record->kind), day, people, at,
                   record->who != NULL ? record->who : "—");
  if (record->status_set != NULL)
    {
      EvidentStatus status;

      /* Translators: in a chapter's history, the status a verdict set */
      g_string_append_printf (subtitle, _(" · status set to %s"),
                              evident_status_from_string (record->status_set, &status)
                                ? evident_status_get_label (status)
                                : record->status_set);
    }
  if (record->finding != NULL)
    /* Translators: in a chapter's history, the finding made with a verdict */
    g_string_append_printf (subtitle, _("\nFinding: %s"), record->finding);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_strstrip (title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_add_css_class (verdict, "evident-verdict-pill");
  gtk_widget_add_css_class (verdict, evident_verdict_get_css_class (record->verdict));
  gtk_widget_set_valign (verdict, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), verdict);
  return row;
}

static void
evident_chapter_history_class_init (EvidentChapterHistoryClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-chapter-history.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentChapterHistory, window_title);
  gtk_widget_class_bind_template_child (widget_class, EvidentChapterHistory, stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentChapterHistory, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
evident_chapter_history_init (EvidentChapterHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * evident_chapter_history_new:
 * @parent: (nullable): the window it belongs to
 * @project: the project
 * @number: a chapter's number
 * @error: return location for an error
 *
 * Returns: (transfer floating) (nullable): the window, not shown yet; %NULL
 *   with @error set when the history cannot be read
 */
EvidentChapterHistory *
evident_chapter_history_new (GtkWindow       *parent,
                             EvidentProject  *project,
                             const char      *number,
                             GError         **error)
{
  EvidentChapterHistory *self;
  g_autoptr (GPtrArray) records = NULL;
  GListModel *chapters;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  records = evident_audit_list_verdicts (evident_audit_get_for_project (project), NULL, number,
                                         NULL, error);
  if (records == NULL)
    return NULL;

  self = g_object_new (EVIDENT_TYPE_CHAPTER_HISTORY, "transient-for", parent, NULL);
  chapters = evident_project_get_chapters (project);
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);

      if (g_strcmp0 (evident_chapter_get_number (chapter), number) == 0)
        subtitle = g_strdup_printf ("%s %s", number, evident_chapter_get_display_title (chapter));
    }
  adw_window_title_set_title (self->window_title, _("Session History"));
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : number);
  /* Translators: the title of a chapter's session history; %s is the
   * chapter, as in "8.0 Security" */
  title = g_strdup_printf (_("Session History of %s"), subtitle != NULL ? subtitle : number);
  gtk_window_set_title (GTK_WINDOW (self), title);

  for (guint i = 0; i < records->len; i++)
    gtk_list_box_append (self->list, create_row (g_ptr_array_index (records, i)));
  gtk_stack_set_visible_child_name (self->stack, records->len > 0 ? "list" : "empty");
  return self;
}

GtkListBox *
evident_chapter_history_get_list (EvidentChapterHistory *self)
{
  g_return_val_if_fail (EVIDENT_IS_CHAPTER_HISTORY (self), NULL);

  return self->list;
}
