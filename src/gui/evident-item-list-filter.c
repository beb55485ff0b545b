/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-enums-util.h"
#include "evident-item-list-filter.h"

/**
 * SECTION:evident-item-list-filter
 * @short_description: the item list's filter popover
 *
 * The owner names it offers, and the popover under the item list's Filter button: a check button per
 * status, the owner and complexity drop-downs and the switches. The list
 * builds it when the button is first opened, not with the window: most
 * sessions never open it, and its hundred-odd widgets would otherwise be
 * built before the window's first frame.
 *
 * The check buttons and switches act through the list's actions
 * ("status-filter.*", "item-list.*"), so they follow the filter state by
 * themselves; the drop-downs are returned for the list to connect and keep
 * in step.
 */

/**
 * evident_item_list_filter_new_popover:
 * @owners: the owner drop-down's choices: any owner, unassigned, then names
 * @owner_dropdown: (out) (transfer none): the owner drop-down
 * @complexity_dropdown: (out) (transfer none): the complexity drop-down,
 *   any complexity then #EvidentComplexity + 1
 *
 * Returns: (transfer floating): a new filter popover
 */
GtkPopover *
evident_item_list_filter_new_popover (GListModel   *owners,
                                      GtkDropDown **owner_dropdown,
                                      GtkDropDown **complexity_dropdown)
{
  g_autoptr (GtkBuilder) builder = NULL;
  GtkPopover *popover;
  GtkBox *status_box;

  g_return_val_if_fail (G_IS_LIST_MODEL (owners), NULL);
  g_return_val_if_fail (owner_dropdown != NULL && complexity_dropdown != NULL, NULL);

  builder = gtk_builder_new_from_resource ("/io/github/evidentapp/Evident/evident-item-list-filter.ui");
  popover = GTK_POPOVER (gtk_builder_get_object (builder, "filter_popover"));
  status_box = GTK_BOX (gtk_builder_get_object (builder, "status_box"));
  *owner_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "owner_dropdown"));
  *complexity_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "complexity_dropdown"));

  for (guint i = 0; i < EVIDENT_N_STATUSES; i++)
    {
      g_autofree char *action_name = g_strconcat ("status-filter.", evident_status_to_string (i),
                                                  NULL);
      GtkWidget *check = gtk_check_button_new_with_label (evident_status_get_label (i));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (check), action_name);
      gtk_box_append (status_box, check);
    }
  gtk_drop_down_set_model (*owner_dropdown, owners);
  evident_a11y_name_drop_down (*owner_dropdown, _("Owner"));
  evident_a11y_name_drop_down (*complexity_dropdown, _("Complexity"));

  /* The builder's reference goes with it; the caller sinks the popover. */
  g_object_ref_sink (popover);
  g_object_force_floating (G_OBJECT (popover));
  return popover;
}

/**
 * evident_item_list_filter_dup_owners:
 * @project: (nullable): the project
 * @owner: (nullable): the owner filtered on, "" for unassigned items
 *
 * The names the owner drop-down offers: everyone who owns or has owned an
 * item of @project, and @owner even when the project does not know them.
 *
 * Returns: (transfer full): the names
 */
char **
evident_item_list_filter_dup_owners (EvidentProject *project,
                                     const char     *owner)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) owners = NULL;

  if (project != NULL)
    owners = evident_project_dup_owners (project);
  if (owners != NULL)
    g_strv_builder_addv (builder, (const char **) owners);
  if (owner != NULL && *owner != '\0'
      && (owners == NULL || !g_strv_contains ((const char *const *) owners, owner)))
    g_strv_builder_add (builder, owner);
  return g_strv_builder_end (builder);
}
