/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-history-dialog.h"
#include "evident-history-format.h"
#include "evident-item.h"

/*
 * EvidentHistoryDialog: the project's Edit History, newest first: every
 * change to an item or its evidence, and to the plan settings, who made
 * it and when, undone and redone changes tagged. A row opens its item in the window (win.open-item)
 * and the dialog closes. It reads the history once, as it opens.
 */

/* The newest changes listed; the older ones are counted. */
#define MAX_ROWS 500

struct _EvidentHistoryDialog
{
  AdwWindow       parent_instance;

  GtkStack       *stack;
  GtkLabel       *summary_label;
  GtkListBox     *list;

  EvidentProject *project;
};

G_DEFINE_FINAL_TYPE (EvidentHistoryDialog, evident_history_dialog, ADW_TYPE_WINDOW)

#define ROW_REF "evident-ref"

static GtkWidget *
create_row (EvidentHistoryDialog *self,
            EvidentHistoryEntry  *entry,
            EvidentHistoryNames  *names)
{
  EvidentItem *item = evident_project_lookup_item (self->project, entry->ref);
  g_autofree char *item_text = NULL;
  GtkWidget *row;
  GtkWidget *image;

  if (entry->setting != NULL)
    /* Translators: what a change of the plan settings is about, in the
     * Edit History: "Plan settings — Effort for high complexity: 8 → 5 days" */
    item_text = g_strdup (_("Plan settings"));
  else if (item != NULL)
    item_text = g_strdup_printf ("%s %s", entry->ref, evident_item_get_title (item));
  else
    item_text = g_strdup (entry->ref);
  row = evident_history_row_new (entry, names, item_text);
  if (item != NULL)
    {
      /* A row to open its item: a control this time. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_focusable (row, TRUE);
      g_object_set_data_full (G_OBJECT (row), ROW_REF, g_strdup (entry->ref), g_free);
      image = gtk_image_new_from_icon_name ("go-next-symbolic");
      gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), image);
    }
  return row;
}

static void
load (EvidentHistoryDialog *self)
{
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentHistoryNames) names = NULL;
  g_autofree char *summary = NULL;
  guint n_shown;

  entries = evident_project_get_history (self->project, NULL, &error);
  if (entries == NULL)
    {
      gtk_label_set_label (self->summary_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "changes");
      return;
    }
  if (entries->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  names = evident_history_names_new (entries);
  n_shown = MIN (entries->len, MAX_ROWS);
  for (guint i = 0; i < n_shown; i++)
    gtk_list_box_append (self->list, create_row (self, g_ptr_array_index (entries, i), names));

  if (entries->len > n_shown)
    /* Translators: above the Edit History when it is long */
    summary = g_strdup_printf (_("The newest %u of %u changes, newest first. "
                                 "Choose one to open its item."),
                               n_shown, entries->len);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u change, newest first. Choose one to open its item.",
                                            "%u changes, newest first. Choose one to open its item.",
                                            entries->len),
                               entries->len);
  gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, "changes");
}

static void
row_activated_cb (EvidentHistoryDialog *self,
                  GtkListBoxRow        *row,
                  GtkListBox           *list)
{
  const char *ref = g_object_get_data (G_OBJECT (row), ROW_REF);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (ref == NULL || parent == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-item", "s", ref);
  gtk_window_close (GTK_WINDOW (self));
}

static void
evident_history_dialog_dispose (GObject *object)
{
  EvidentHistoryDialog *self = EVIDENT_HISTORY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_HISTORY_DIALOG);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (evident_history_dialog_parent_class)->dispose (object);
}

static void
evident_history_dialog_class_init (EvidentHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_history_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentHistoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentHistoryDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentHistoryDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
evident_history_dialog_init (EvidentHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * evident_history_dialog_new:
 * @project: the project whose history to list
 * @parent: (nullable): the window it belongs to, which opens the items
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
GtkWidget *
evident_history_dialog_new (EvidentProject *project,
                            GtkWindow      *parent)
{
  EvidentHistoryDialog *self;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (EVIDENT_TYPE_HISTORY_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  load (self);
  return GTK_WIDGET (self);
}

/* Tests: the rows */
GtkListBox *
evident_history_dialog_get_list (EvidentHistoryDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_HISTORY_DIALOG (self), NULL);

  return self->list;
}
