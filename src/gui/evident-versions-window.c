/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "evident-resources.h"
#include "evident-toast.h"
#include "evident-versions-window.h"
#include "evident-versions.h"

/*
 * EvidentVersionsWindow: what a project keeps of its checklist's history,
 * in two pages:
 *
 *  - "Versions": every checklist version the project has been on, with
 *    its date, file and number of items; choosing one shows its mapping
 *    from the version before, item by item, grouped by what became of
 *    them (moved, reworded, …; how similar; paired by hand);
 *  - "Archive": the items revisions took out, with their work, from
 *    where evidence goes back on an item (EvidentArchiveView).
 *
 * Both are read again whenever the project changes (an undone revision
 * leaves the list). versions.undo, the archive's toasts' button, takes
 * back the newest change of the project.
 */

struct _EvidentVersionsWindow
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwViewStack        *view_stack;
  AdwLeaflet          *leaflet;
  GtkWidget           *versions_page;
  GtkListBox          *versions_list;
  GtkWidget           *mapping_page;
  GtkWidget           *back_button;
  GtkStack            *mapping_stack;
  AdwStatusPage       *mapping_status;
  GtkWidget           *mapping_box;
  EvidentArchiveView  *archive_view;

  EvidentProject      *project;
  GPtrArray           *versions;       /* EvidentChecklistVersion */
  GPtrArray           *version_rows;   /* AdwActionRow */
  GPtrArray           *mapping_groups; /* AdwPreferencesGroup, in mapping_box */
  GPtrArray           *mapping_rows;   /* AdwActionRow */
  gint64               shown_id;       /* the version whose mapping shows, 0 for none */
};

G_DEFINE_FINAL_TYPE (EvidentVersionsWindow, evident_versions_window, ADW_TYPE_WINDOW)

/* Helpers */

static char *
dup_version_label (const EvidentChecklistVersion *version)
{
  if (*version->label != '\0')
    return g_strdup (version->label);
  /* Translators: a checklist version without a label */
  return g_strdup (_("Unnamed version"));
}

static char *
dup_version_subtitle (const EvidentChecklistVersion *version,
                      gboolean                       first)
{
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items",
                                                         version->n_items),
                                            version->n_items);

  if (version->applied_at != NULL)
    {
      g_autoptr (GDateTime) local = g_date_time_to_local (version->applied_at);
      /* Translators: when the project moved to a checklist version, in
       * g_date_time_format() notation */
      g_autofree char *date = g_date_time_format (local, _("%-d %B %Y"));

      g_string_append (subtitle, date);
    }
  else
    g_string_append (subtitle, first ? _("Created") : _("Date unknown"));
  if (*version->file_name != '\0')
    g_string_append_printf (subtitle, " · %s", version->file_name);
  g_string_append_printf (subtitle, " · %s", items);
  return g_strdup (subtitle->str);
}

static void
clear_mapping (EvidentVersionsWindow *self)
{
  for (guint i = 0; i < self->mapping_groups->len; i++)
    gtk_box_remove (GTK_BOX (self->mapping_box), g_ptr_array_index (self->mapping_groups, i));
  g_ptr_array_set_size (self->mapping_groups, 0);
  g_ptr_array_set_size (self->mapping_rows, 0);
}

static GtkWidget *
create_mapping_row (const EvidentVersionMapping *mapping)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *refs = NULL;
  g_autofree char *subtitle = NULL;
  int percent = (int) lround (mapping->similarity * 100.0);

  if (mapping->old_ref == NULL)
    refs = g_strdup (mapping->new_ref);
  else if (mapping->new_ref == NULL || g_str_equal (mapping->old_ref, mapping->new_ref))
    refs = g_strdup (mapping->old_ref);
  else
    /* Translators: an item's reference before and after a checklist revision */
    refs = g_strdup_printf (_("%s → %s"), mapping->old_ref, mapping->new_ref);

  switch (mapping->relation)
    {
    case EVIDENT_REVISION_NEW:
      subtitle = g_strdup (_("Added by this version"));
      break;
    case EVIDENT_REVISION_REMOVED:
      subtitle = g_strdup (_("Left the checklist; kept in the archive"));
      break;
    case EVIDENT_REVISION_UNCHANGED:
    case EVIDENT_REVISION_MOVED:
      subtitle = g_strdup (_("The same text"));
      break;
    case EVIDENT_REVISION_REWORDED:
    case EVIDENT_REVISION_SPLIT:
    case EVIDENT_REVISION_MERGED:
    default:
      /* Translators: how similar the old and the new text of an item are */
      subtitle = g_strdup_printf (_("%d %% similar"), percent);
      break;
    }
  if (mapping->manual)
    {
      /* Translators: how similar two items are, then that the user paired them */
      char *with_manual = g_strdup_printf (_("%s · paired by hand"), subtitle);

      g_free (subtitle);
      subtitle = with_manual;
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), refs);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* The mapping of the version at @index, grouped by what became of the items. */
static void
show_mapping (EvidentVersionsWindow *self,
              guint                  index)
{
  EvidentChecklistVersion *version = g_ptr_array_index (self->versions, index);

  clear_mapping (self);
  self->shown_id = version->id;
  if (version->mapping->len == 0)
    {
      adw_status_page_set_title (self->mapping_status, _("The First Version"));
      adw_status_page_set_description (self->mapping_status,
                                       _("The project started on this version: no item came "
                                         "from another"));
      gtk_stack_set_visible_child_name (self->mapping_stack, "none");
      return;
    }

  for (guint r = 0; r < EVIDENT_N_REVISION_RELATIONS; r++)
    {
      AdwPreferencesGroup *group;
      g_autofree char *title = NULL;

      if (version->counts[r] == 0)
        continue;
      /* Translators: a class of items in a revision's mapping and how
       * many, e.g. "Reworded (3)" */
      title = g_strdup_printf (_("%s (%u)"), evident_revision_relation_get_label (r),
                               version->counts[r]);
      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, title);
      for (guint i = 0; i < version->mapping->len; i++)
        {
          const EvidentVersionMapping *mapping = g_ptr_array_index (version->mapping, i);
          GtkWidget *row;

          if (mapping->relation != r)
            continue;
          row = create_mapping_row (mapping);
          adw_preferences_group_add (group, row);
          g_ptr_array_add (self->mapping_rows, row);
        }
      gtk_box_append (GTK_BOX (self->mapping_box), GTK_WIDGET (group));
      g_ptr_array_add (self->mapping_groups, group);
    }
  gtk_stack_set_visible_child_name (self->mapping_stack, "mapping");
}

static void
reload_versions (EvidentVersionsWindow *self)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *child;
  GtkWidget *shown = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->versions_list))) != NULL)
    gtk_list_box_remove (self->versions_list, child);
  g_ptr_array_set_size (self->version_rows, 0);
  g_clear_pointer (&self->versions, g_ptr_array_unref);

  if (self->project != NULL)
    self->versions = evident_project_list_versions (self->project, &error);
  if (self->versions == NULL)
    {
      if (error != NULL)
        evident_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      self->versions = g_ptr_array_new ();
    }

  for (guint i = 0; i < self->versions->len; i++)
    {
      EvidentChecklistVersion *version = g_ptr_array_index (self->versions, i);
      g_autofree char *label = dup_version_label (version);
      g_autofree char *subtitle = dup_version_subtitle (version, i == 0);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (version->current)
        {
          GtkWidget *tag = gtk_label_new (_("Current"));

          gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (tag, "evident-revision-pill");
          gtk_widget_add_css_class (tag, "evident-revision-unchanged");
          gtk_widget_add_css_class (tag, "caption");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->versions_list, row);
      g_ptr_array_add (self->version_rows, row);
      if (version->id == self->shown_id)
        shown = row;
    }

  /* The version shown stays; one undone leaves nothing shown. */
  if (shown != NULL)
    {
      gtk_list_box_select_row (self->versions_list, GTK_LIST_BOX_ROW (shown));
      show_mapping (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (shown)));
    }
  else
    {
      clear_mapping (self);
      self->shown_id = 0;
      adw_status_page_set_title (self->mapping_status, _("No Version Selected"));
      adw_status_page_set_description (self->mapping_status,
                                       _("Choose a version to see what became of each item"));
      gtk_stack_set_visible_child_name (self->mapping_stack, "none");
    }
}

/* Callbacks */

static void
project_changed_cb (EvidentVersionsWindow *self)
{
  reload_versions (self);
}

static void
version_selected_cb (EvidentVersionsWindow *self,
                     GtkListBoxRow         *row)
{
  if (row != NULL)
    show_mapping (self, gtk_list_box_row_get_index (row));
}

static void
version_activated_cb (EvidentVersionsWindow *self,
                      GtkListBoxRow         *row)
{
  show_mapping (self, gtk_list_box_row_get_index (row));
  adw_leaflet_set_visible_child (self->leaflet, self->mapping_page);
}

static void
folded_cb (EvidentVersionsWindow *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
page_changed_cb (EvidentVersionsWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  gtk_window_set_title (GTK_WINDOW (self), g_strcmp0 (page, "archive") == 0
                                               ? _("Archive")
                                               : _("Checklist Versions"));
}

static void
archive_toast_cb (EvidentVersionsWindow *self,
                  AdwToast              *toast)
{
  evident_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

static void
archive_error_cb (EvidentVersionsWindow *self,
                  const char            *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  evident_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Actions */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentVersionsWindow *self = EVIDENT_VERSIONS_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (self->project != NULL && !evident_project_undo (self->project, &error))
    archive_error_cb (self, error->message);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvidentVersionsWindow *self = EVIDENT_VERSIONS_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->versions_page);
}

/* GObject */

static void
evident_versions_window_dispose (GObject *object)
{
  EvidentVersionsWindow *self = EVIDENT_VERSIONS_WINDOW (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_VERSIONS_WINDOW);
  g_clear_object (&self->project);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->version_rows, g_ptr_array_unref);
  g_clear_pointer (&self->mapping_groups, g_ptr_array_unref);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (evident_versions_window_parent_class)->dispose (object);
}

static void
evident_versions_window_class_init (EvidentVersionsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_versions_window_dispose;

  g_type_ensure (EVIDENT_TYPE_ARCHIVE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-versions-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentVersionsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EvidentVersionsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentVersionsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EvidentVersionsWindow, versions_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentVersionsWindow, versions_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentVersionsWindow, mapping_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentVersionsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentVersionsWindow, mapping_stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentVersionsWindow, mapping_status);
  gtk_widget_class_bind_template_child (widget_class, EvidentVersionsWindow, mapping_box);
  gtk_widget_class_bind_template_child (widget_class, EvidentVersionsWindow, archive_view);
  gtk_widget_class_bind_template_callback (widget_class, version_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, version_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, archive_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, archive_error_cb);

  gtk_widget_class_install_action (widget_class, "versions.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "versions.show-list", NULL, show_list_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
evident_versions_window_init (EvidentVersionsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->version_rows = g_ptr_array_new ();
  self->mapping_groups = g_ptr_array_new ();
  self->mapping_rows = g_ptr_array_new ();
  folded_cb (self);
}

/* Public API */

/**
 * evident_versions_window_new:
 * @parent: (nullable): the project's window
 * @project: the project
 *
 * Returns: (transfer none): a new window on @project's versions; present it
 */
EvidentVersionsWindow *
evident_versions_window_new (GtkWindow      *parent,
                             EvidentProject *project)
{
  EvidentVersionsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);

  self = g_object_new (EVIDENT_TYPE_VERSIONS_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->project = g_object_ref (project);
  g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self,
                           G_CONNECT_SWAPPED);
  evident_archive_view_set_project (self->archive_view, project);
  reload_versions (self);

  /* The newest version's mapping, the one most likely looked for */
  if (self->versions->len > 0)
    {
      guint newest = self->versions->len - 1;

      gtk_list_box_select_row (self->versions_list, g_ptr_array_index (self->version_rows, newest));
    }
  return self;
}

EvidentProject *
evident_versions_window_get_project (EvidentVersionsWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_VERSIONS_WINDOW (self), NULL);

  return self->project;
}

/**
 * evident_versions_window_show_page:
 * @page: "versions" or "archive"
 */
void
evident_versions_window_show_page (EvidentVersionsWindow *self,
                                   const char            *page)
{
  g_return_if_fail (EVIDENT_IS_VERSIONS_WINDOW (self));
  g_return_if_fail (g_str_equal (page, "versions") || g_str_equal (page, "archive"));

  adw_view_stack_set_visible_child_name (self->view_stack, page);
}

const char *
evident_versions_window_get_page (EvidentVersionsWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_VERSIONS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * evident_versions_window_show_version:
 * @index: a version's place, oldest first
 *
 * Shows that version's mapping, as choosing its row does.
 */
void
evident_versions_window_show_version (EvidentVersionsWindow *self,
                                      guint                  index)
{
  g_return_if_fail (EVIDENT_IS_VERSIONS_WINDOW (self));
  g_return_if_fail (index < self->version_rows->len);

  version_activated_cb (self, g_ptr_array_index (self->version_rows, index));
  gtk_list_box_select_row (self->versions_list, g_ptr_array_index (self->version_rows, index));
}

/**
 * evident_versions_window_get_versions:
 *
 * Returns: (transfer none) (element-type EvidentChecklistVersion): the
 *   versions shown, oldest first
 */
GPtrArray *
evident_versions_window_get_versions (EvidentVersionsWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_VERSIONS_WINDOW (self), NULL);

  return self->versions;
}

GtkWidget *
evident_versions_window_get_version_row (EvidentVersionsWindow *self,
                                         guint                  index)
{
  g_return_val_if_fail (EVIDENT_IS_VERSIONS_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->version_rows->len, NULL);

  return g_ptr_array_index (self->version_rows, index);
}

/**
 * evident_versions_window_get_mapping_rows:
 *
 * Returns: (transfer none) (element-type AdwActionRow): the rows of the
 *   mapping shown
 */
GPtrArray *
evident_versions_window_get_mapping_rows (EvidentVersionsWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_VERSIONS_WINDOW (self), NULL);

  return self->mapping_rows;
}

EvidentArchiveView *
evident_versions_window_get_archive_view (EvidentVersionsWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_VERSIONS_WINDOW (self), NULL);

  return self->archive_view;
}
