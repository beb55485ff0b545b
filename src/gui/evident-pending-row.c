/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-pending-row.h"

/*
 * EvidentPendingRow: a file being added as evidence: its name, how far the
 * copy into the project got, and a button that cancels it.
 */

struct _EvidentPendingRow
{
  GtkListBoxRow   parent_instance;

  GCancellable   *cancellable;

  /* Template widgets */
  GtkLabel       *label;
  GtkProgressBar *progress_bar;
  GtkWidget      *cancel_button;
};

G_DEFINE_FINAL_TYPE (EvidentPendingRow, evident_pending_row, GTK_TYPE_LIST_BOX_ROW)

static void
cancel_button_clicked_cb (EvidentPendingRow *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
evident_pending_row_dispose (GObject *object)
{
  EvidentPendingRow *self = EVIDENT_PENDING_ROW (object);

  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_PENDING_ROW);

  G_OBJECT_CLASS (evident_pending_row_parent_class)->dispose (object);
}

static void
evident_pending_row_class_init (EvidentPendingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_pending_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-pending-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentPendingRow, label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPendingRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EvidentPendingRow, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_button_clicked_cb);
}

static void
evident_pending_row_init (EvidentPendingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * evident_pending_row_new:
 * @file: the file being added
 * @cancellable: what the row's button cancels
 *
 * Returns: (transfer floating): a row for @file, at no progress yet
 */
GtkWidget *
evident_pending_row_new (GFile        *file,
                         GCancellable *cancellable)
{
  EvidentPendingRow *self;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cancel_label = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (EVIDENT_TYPE_PENDING_ROW, NULL);
  self->cancellable = g_object_ref (cancellable);

  name = g_file_get_basename (file);
  /* Translators: a file being added as evidence; %s is its name */
  text = g_strdup_printf (_("Adding “%s”…"), name);
  /* Translators: the accessible name of a button; %s is a file name */
  cancel_label = g_strdup_printf (_("Cancel adding “%s”"), name);

  gtk_label_set_text (self->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cancel_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cancel_label,
                                  -1);

  return GTK_WIDGET (self);
}

/* How far the copy got, from 0 to 1. */
void
evident_pending_row_set_fraction (EvidentPendingRow *self,
                                  double             fraction)
{
  g_return_if_fail (EVIDENT_IS_PENDING_ROW (self));

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
}
