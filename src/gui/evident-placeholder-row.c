/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-placeholder-row.h"

/**
 * evident_placeholder_row_new:
 * @text: what the row says: that a list is empty, or how many more
 *   there are
 *
 * A row of a boxed list that is no item of it: dim, wrapped text that
 * cannot be activated or focused, and that screen readers read as the
 * row's name.
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
evident_placeholder_row_new (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 14);
  gtk_widget_set_margin_bottom (label, 14);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}
