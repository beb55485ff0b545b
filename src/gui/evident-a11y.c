/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"

/*
 * Clean names for screen readers where GTK 4.8 and libadwaita 1.2 give
 * none, or a raw one:
 *
 *  - a button with a mnemonic reads "_New Project… New Project…": its
 *    name becomes its label without the underscore;
 *  - a drop-down's button reads "GtkToggleButton", and its choices and an
 *    AdwComboRow's (the value shown in the row too) have no name: they
 *    get a factory that names each choice after its text, and the
 *    drop-down's button says what it chooses and what is chosen ("Heat Map
 *    Metric: Open Items").
 *
 * The choices show as before: a label, and in the open list a check mark
 * beside the selected one.
 */

/**
 * evident_a11y_strip_mnemonic:
 * @label: a label with mnemonics, "_Open…", "Save a _Copy", "__init"
 *
 * Returns: (transfer full): @label as it reads: "Open…", "Save a Copy",
 *   "_init"
 */
char *
evident_a11y_strip_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *p = label; p != NULL && *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (text, '_');
          if (p[1] != '\0')
            p++;
          else
            break;
        }
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

static void
name_after (GtkWidget  *widget,
            const char *label)
{
  g_autofree char *name = evident_a11y_strip_mnemonic (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  /* GTK 4.8 reads the label it is labelled by after the name: once is
   * enough. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/**
 * evident_a11y_name_mnemonics:
 * @root: a widget and all it holds, as made from a template
 *
 * Names each button and check button with a mnemonic under @root after
 * its label without the underscore. A button named in its template keeps
 * that name (the label as shown reads the same).
 */
void
evident_a11y_name_mnemonics (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root))
      && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    name_after (root, gtk_button_get_label (GTK_BUTTON (root)));
  else if (GTK_IS_CHECK_BUTTON (root) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (root))
           && gtk_check_button_get_label (GTK_CHECK_BUTTON (root)) != NULL)
    name_after (root, gtk_check_button_get_label (GTK_CHECK_BUTTON (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    evident_a11y_name_mnemonics (child);

  /* Popovers of menu buttons are not their children in the widget tree
   * until they show. */
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (root)) != NULL
      && gtk_widget_get_parent (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root))))
           != root)
    evident_a11y_name_mnemonics (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root))));
}

/* Choices named after their text */

#define CHOICE_OWNER "evident-choice-owner"

static const char *
choice_text (gpointer item)
{
  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : "";
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  with_check)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (GPOINTER_TO_INT (with_check))
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_list_item_set_child (list_item, box);
}

/* The check mark beside the selected choice of the open list. */
static void
update_check (GtkListItem *list_item)
{
  GObject *owner = g_object_get_data (G_OBJECT (list_item), CHOICE_OWNER);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *check = box != NULL ? gtk_widget_get_last_child (box) : NULL;
  g_autoptr (GObject) selected = NULL;

  if (owner == NULL || !GTK_IS_IMAGE (check))
    return;
  g_object_get (owner, "selected-item", &selected, NULL);
  gtk_widget_set_opacity (check, selected == gtk_list_item_get_item (list_item) ? 1.0 : 0.0);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  owner)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  const char *text = choice_text (gtk_list_item_get_item (list_item));
  GtkWidget *item_widget = gtk_widget_get_parent (box);

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  /* The list item around it is what screen readers read. */
  if (item_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item_widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                    -1);

  if (GTK_IS_IMAGE (gtk_widget_get_last_child (box)))
    {
      g_object_set_data (G_OBJECT (list_item), CHOICE_OWNER, owner);
      g_signal_connect_object (owner, "notify::selected-item", G_CALLBACK (update_check),
                               list_item, G_CONNECT_SWAPPED);
      update_check (list_item);
    }
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  owner)
{
  g_signal_handlers_disconnect_by_func (owner, update_check, list_item);
  g_object_set_data (G_OBJECT (list_item), CHOICE_OWNER, NULL);
}

static GtkListItemFactory *
choice_factory_new (GObject  *owner,
                    gboolean  with_check)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (with_check));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), owner);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), owner);
  return factory;
}

/* The drop-down's button says what it chooses, and what is chosen. */
static void
update_drop_down_button (GtkDropDown *dropdown)
{
  const char *label = g_object_get_data (G_OBJECT (dropdown), "evident-a11y-label");
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
  g_autofree char *name = NULL;
  gpointer selected = gtk_drop_down_get_selected_item (dropdown);

  if (!GTK_IS_WIDGET (button) || label == NULL)
    return;

  /* Translators: a drop-down for screen readers: what it chooses, and the
   * choice, e.g. "Heat Map Metric: Open Items" */
  name = selected != NULL ? g_strdup_printf (_("%s: %s"), label, choice_text (selected))
                          : g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * evident_a11y_name_drop_down:
 * @dropdown: a drop-down of strings (a #GtkStringList)
 * @label: what it chooses, as its accessible name says it
 *
 * Names the drop-down's button and its choices for screen readers.
 */
void
evident_a11y_name_drop_down (GtkDropDown *dropdown,
                             const char  *label)
{
  g_autoptr (GtkListItemFactory) factory = NULL;
  g_autoptr (GtkListItemFactory) list_factory = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (label != NULL);

  g_object_set_data_full (G_OBJECT (dropdown), "evident-a11y-label", g_strdup (label), g_free);
  factory = choice_factory_new (G_OBJECT (dropdown), FALSE);
  list_factory = choice_factory_new (G_OBJECT (dropdown), TRUE);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  g_signal_connect (dropdown, "notify::selected-item", G_CALLBACK (update_drop_down_button), NULL);
  update_drop_down_button (dropdown);
}

/**
 * evident_a11y_name_combo_row:
 * @row: a combo row of strings (a #GtkStringList)
 *
 * Names the value the row shows, and its choices, for screen readers.
 */
void
evident_a11y_name_combo_row (AdwComboRow *row)
{
  g_autoptr (GtkListItemFactory) factory = NULL;
  g_autoptr (GtkListItemFactory) list_factory = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  factory = choice_factory_new (G_OBJECT (row), FALSE);
  list_factory = choice_factory_new (G_OBJECT (row), TRUE);
  adw_combo_row_set_factory (row, factory);
  adw_combo_row_set_list_factory (row, list_factory);
}

/* The about window */

static void
name_about_widget (GtkWidget  *widget,
                   const char *version)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));
      g_autofree char *name = NULL;

      /* The back buttons of its pages show an arrow only; its version
       * is a button that reads "GtkButton". */
      if (GTK_IS_IMAGE (child)
          && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (child)), "go-previous-symbolic") == 0)
        name = g_strdup (_("Back"));
      else if (GTK_IS_LABEL (child) && version != NULL
               && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), version) == 0)
        /* Translators: the about window's version, for screen readers */
        name = g_strdup_printf (_("Version %s"), version);
      if (name != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_about_widget (child, version);
}

/**
 * evident_a11y_name_about_window:
 * @window: an about window, with its properties set
 *
 * Names the buttons of @window that libadwaita 1.2 leaves without a
 * clean name: those with a mnemonic, the arrows back from its pages and
 * the version.
 */
void
evident_a11y_name_about_window (AdwAboutWindow *window)
{
  g_return_if_fail (ADW_IS_ABOUT_WINDOW (window));

  evident_a11y_name_mnemonics (GTK_WIDGET (window));
  name_about_widget (GTK_WIDGET (window), adw_about_window_get_version (window));
}

/**
 * evident_a11y_name_row_of:
 * @child: what a list item factory made for a row, or for a cell of a
 *   column view's row
 * @levels: how far up the row is: 1 for a list view's row, 2 for a
 *   column view's (the cell is between)
 * @name: what a screen reader reads for the row
 *
 * Names the row around @child, and @child itself: screen readers read the
 * row, which GTK 4.8 leaves without a name.
 */
void
evident_a11y_name_row_of (GtkWidget  *child,
                          guint       levels,
                          const char *name)
{
  GtkWidget *row = child;

  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (guint i = 0; i < levels && row != NULL; i++)
    row = gtk_widget_get_parent (row);
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* The shortcuts window */

static void
name_shortcuts_widget (GtkWidget *widget)
{
  const char *name = NULL;
  g_autofree char *owned = NULL;

  if (GTK_IS_SEARCH_ENTRY (widget))
    name = _("Search Shortcuts");
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      /* The choice of sections: its inner button too. */
      GtkWidget *inner = gtk_widget_get_first_child (widget);

      name = _("Sections");
      if (inner != NULL)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (inner),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                          -1);
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
        }
    }
  else if (GTK_IS_BUTTON (widget) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      const char *icon = gtk_image_get_icon_name (GTK_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))));

      if (g_strcmp0 (icon, "window-close-symbolic") == 0)
        name = _("Close");
      else if (g_strcmp0 (icon, "edit-find-symbolic") == 0)
        name = _("Search Shortcuts");
    }
  else if (GTK_IS_STACK_SWITCHER (widget))
    {
      GtkStack *stack = gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (widget));
      g_autoptr (GListModel) pages = stack != NULL ? G_LIST_MODEL (gtk_stack_get_pages (stack)) : NULL;
      guint i = 0;

      /* Its buttons read "_1", "_2": the pages of a section. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child), i++)
        {
          g_autoptr (GObject) page = pages != NULL ? g_list_model_get_item (pages, i) : NULL;
          g_autofree char *title = NULL;
          g_autofree char *label = NULL;

          if (page == NULL)
            continue;
          title = evident_a11y_strip_mnemonic (gtk_stack_page_get_title (GTK_STACK_PAGE (page)));
          /* Translators: a page of the keyboard shortcuts window, for
           * screen readers, e.g. "Page 2" */
          label = g_strdup_printf (_("Page %s"), title);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                          -1);
        }
      return;
    }

  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_shortcuts_widget (child);
}

/**
 * evident_a11y_name_shortcuts_window:
 * @window: the keyboard shortcuts window
 *
 * Names what GTK 4.8 leaves unnamed or names after its class in the
 * shortcuts window: its search entry, its buttons and its pages.
 */
void
evident_a11y_name_shortcuts_window (GtkShortcutsWindow *window)
{
  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (window));

  if (g_object_get_data (G_OBJECT (window), "evident-a11y-named") != NULL)
    return;
  g_object_set_data (G_OBJECT (window), "evident-a11y-named", GINT_TO_POINTER (TRUE));
  if (gtk_window_get_title (GTK_WINDOW (window)) == NULL)
    gtk_window_set_title (GTK_WINDOW (window), _("Keyboard Shortcuts"));
  name_shortcuts_widget (GTK_WIDGET (window));
}

/* Menu buttons a screen reader can click */

static void
menu_button_click_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (widget));
}

static void
drop_down_click_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  /* GtkDropDown::activate pops its list up. */
  g_signal_emit_by_name (widget, "activate");
}

/* A click on a control's built-in icon: the arrow of a tree expander
 * (expands or collapses its row), a check button's box or an expander's
 * arrow (a click on the control itself). */
static void
builtin_icon_click_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_TREE_EXPANDER (parent))
    {
      gtk_widget_activate_action (parent, "listitem.toggle-expand", NULL);
      return;
    }
  for (; parent != NULL; parent = gtk_widget_get_parent (parent))
    if (gtk_widget_activate (parent))
      return;
}

/* What Enter on a combo row does (its list pops up), and Space on a check
 * button (it toggles, or in a group is chosen). */
static void
activate_click_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_signal_emit_by_name (widget, "activate");
}

/**
 * evident_a11y_install_menu_button_click:
 *
 * Gives every menu button, drop-down, combo row and check button a
 * "click" for assistive technologies. GTK 4.8 shows a menu button as a
 * button holding a button, both with its name, and a drop-down as a
 * combo box holding a button: the inner one offers "click", the outer
 * one (the first a screen reader or a test finds) nothing at all; an
 * AdwComboRow, a combo box too, and a check button (not a GtkButton in
 * GTK 4) offer nothing. GTK offers the actions a widget's class
 * installs, by name: each now offers "click", which opens the menu or
 * the list, or toggles the check button, as the keyboard does. Call
 * once, before the first menu button is made.
 */
void
evident_a11y_install_menu_button_click (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      GtkWidgetClass *klass = g_type_class_ref (GTK_TYPE_MENU_BUTTON);

      gtk_widget_class_install_action (klass, "click", NULL, menu_button_click_action);
      g_type_class_unref (klass);
      klass = g_type_class_ref (GTK_TYPE_DROP_DOWN);
      gtk_widget_class_install_action (klass, "click", NULL, drop_down_click_action);
      g_type_class_unref (klass);
      klass = g_type_class_ref (ADW_TYPE_COMBO_ROW);
      gtk_widget_class_install_action (klass, "click", NULL, activate_click_action);
      g_type_class_unref (klass);
      klass = g_type_class_ref (GTK_TYPE_CHECK_BUTTON);
      gtk_widget_class_install_action (klass, "click", NULL, activate_click_action);
      g_type_class_unref (klass);
      g_once_init_leave (&installed, 1);
    }
}

/**
 * evident_a11y_install_icon_click:
 *
 * Gives GTK's built-in icons a "click" for assistive technologies. GTK
 * 4.8 shows a tree expander's arrow to screen readers as a button
 * ("Expand") that offers no action; each now expands or
 * collapses its row, and the icons that are part of another control
 * (a check button's box) click that control. Call once GTK has
 * started, before the first window is made; where this GTK has no
 * built-in icons, it does nothing.
 */
void
evident_a11y_install_icon_click (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      GType type;

      /* The type is GTK's own: it comes with the first icon made. */
      g_object_unref (g_object_ref_sink (gtk_check_button_new ()));
      type = g_type_from_name ("GtkBuiltinIcon");
      if (type != G_TYPE_INVALID && g_type_is_a (type, GTK_TYPE_WIDGET))
        {
          GtkWidgetClass *klass = g_type_class_ref (type);

          gtk_widget_class_install_action (klass, "click", NULL, builtin_icon_click_action);
          g_type_class_unref (klass);
        }
      g_once_init_leave (&installed, 1);
    }
}
