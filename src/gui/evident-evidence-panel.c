/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "evident-evidence-panel.h"
#include "evident-evidence-row.h"
#include "evident-focus-hide.h"
#include "evident-pending-row.h"
#include "evident-settings.h"
#include "evident-toast.h"

/*
 * EvidentEvidencePanel: an item's evidence, as the item editor shows it:
 * the files stored in the project and the links, one row each, the files
 * being added with their progress, and the buttons that add files and
 * links.
 *
 * Files are added on a worker thread; a file the project already holds is
 * stored once. Files larger than the "max-evidence-size" setting are
 * refused, and a toast says where a symbolic link led. The selected
 * evidence is what the window previews beside the editor; it follows
 * additions and removals so that something stays selected where the user
 * was. A removal has an undo toast while the project is open. Opening and
 * saving copies extract the file on a worker thread.
 *
 * The rows and buttons activate the editor's actions ("editor.open-evidence"
 * and the like, with the evidence's id); the editor hands them to the
 * functions below.
 */

struct _EvidentEvidencePanel
{
  AdwPreferencesGroup  parent_instance;

  EvidentProject      *project;
  EvidentItem         *item;

  /* Template widgets */
  GtkListBox          *evidence_list;
  GtkLabel            *placeholder_label;
  GtkListBox          *pending_list;
  GtkMenuButton       *add_link_button;
  GtkPopover          *link_popover;
  GtkEntry            *link_url_entry;
  GtkEntry            *link_title_entry;
  GtkLabel            *link_error_label;

  /* The item's evidence, from the project's evidence store */
  GListModel          *evidence_model;
  EvidentEvidence     *selected_evidence;
  /* Files being added (Pending), of this item or others */
  GPtrArray           *pending;
  /* Toasts that can still undo a removal */
  GPtrArray           *undo_toasts;
  /* Opening and saving copies of evidence */
  GCancellable        *cancellable;
  GtkNativeDialog     *file_chooser;
  /* Evident's settings (the largest file to add), or NULL without the
   * schema */
  GSettings           *settings;
  /* > 0 while the evidence list is rebuilt: selection changes are not
   * reported one by one */
  guint                rebinding;
};

G_DEFINE_FINAL_TYPE (EvidentEvidencePanel, evident_evidence_panel, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ITEM,
  PROP_SELECTED_EVIDENCE,
  N_PROPS
};

enum {
  ERROR,
  TOAST,
  EVIDENCE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (EvidentEvidencePanel *self,
            const GError         *error)
{
  g_signal_emit (self, signals[ERROR], 0, error->message);
}

typedef struct
{
  /* NULL once the panel let go of the addition (disposed, or another
   * project): the addition was cancelled and only its callback is left. */
  EvidentEvidencePanel *panel;
  EvidentItem          *item;
  GFile                *file;
  GCancellable         *cancellable;
  EvidentPendingRow    *row;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->item);
  g_clear_object (&pending->file);
  g_clear_object (&pending->cancellable);
  g_free (pending);
}

static EvidentEvidenceStore *
get_store (EvidentEvidencePanel *self)
{
  g_assert (self->project != NULL);
  return evident_evidence_store_get_for_project (self->project);
}

/* The evidence of the item shown with @id, or NULL. */
static EvidentEvidence *
find_evidence (EvidentEvidencePanel *self,
               gint64                id,
               guint                *position)
{
  guint n;

  if (self->evidence_model == NULL)
    return NULL;

  n = g_list_model_get_n_items (self->evidence_model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentEvidence) evidence = g_list_model_get_item (self->evidence_model, i);

      /* The model keeps the evidence alive. */
      if (evident_evidence_get_id (evidence) == id)
        {
          if (position != NULL)
            *position = i;
          return evidence;
        }
    }
  return NULL;
}

static gboolean
same_item (EvidentEvidence *evidence,
           EvidentItem     *item)
{
  EvidentItem *owner = evident_evidence_get_item (evidence);

  return item != NULL && evident_item_get_id (owner) == evident_item_get_id (item);
}

/* A first guess at what a new file is; the user corrects it in its row. */
static EvidentEvidenceKind
guess_kind (GFile *file)
{
  static const char *presentation_types[] = {
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.presentation",
    "application/vnd.apple.keynote",
  };
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *type = g_content_type_guess (name, NULL, 0, NULL);
  g_autofree char *mime = g_content_type_get_mime_type (type);

  for (guint i = 0; i < G_N_ELEMENTS (presentation_types); i++)
    if (g_content_type_is_mime_type (type, presentation_types[i]))
      return EVIDENT_EVIDENCE_KIND_PRESENTATION;

  /* Screenshots and recordings of a technical demonstration */
  if (mime != NULL && (g_str_has_prefix (mime, "image/") || g_str_has_prefix (mime, "video/")))
    return EVIDENT_EVIDENCE_KIND_DEMONSTRATION;

  return EVIDENT_EVIDENCE_KIND_OTHER;
}

/* Hands a toast to whoever shows them (the window); takes @toast. */
static void
emit_toast (EvidentEvidencePanel *self,
            AdwToast             *toast)
{
  g_signal_emit (self, signals[TOAST], 0, toast);
  g_object_unref (toast);
}

static void
set_selected_evidence (EvidentEvidencePanel *self,
                       EvidentEvidence      *evidence)
{
  if (!g_set_object (&self->selected_evidence, evidence))
    return;
  if (self->rebinding == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVIDENCE]);
}

static void
select_evidence_at (EvidentEvidencePanel *self,
                    guint                 position)
{
  /* NULL past the end: nothing selected */
  gtk_list_box_select_row (self->evidence_list,
                           gtk_list_box_get_row_at_index (self->evidence_list, position));
}

/* Evidence of a project open read-only is shown, not edited. */
static gboolean
is_editable (EvidentEvidencePanel *self)
{
  return self->project != NULL && !evident_project_get_read_only (self->project);
}

static GtkWidget *
create_evidence_row_cb (gpointer item,
                        gpointer user_data)
{
  EvidentEvidencePanel *self = user_data;
  GtkWidget *row = evident_evidence_row_new (item);

  evident_evidence_row_set_editable (EVIDENT_EVIDENCE_ROW (row), is_editable (self));
  return row;
}

static void
evidence_items_changed_cb (EvidentEvidencePanel *self,
                           guint                 position,
                           guint                 removed,
                           guint                 added,
                           GListModel           *model)
{
  guint n = g_list_model_get_n_items (model);

  /* The selected evidence went away, or the first came: keep something
   * selected, where the user was, for the preview beside the editor. */
  if (gtk_list_box_get_selected_row (self->evidence_list) == NULL && n > 0)
    select_evidence_at (self, MIN (position, n - 1));
}

/* The progress rows of the item shown. A row hides, and then the list,
 * where the item changes with the focus on a row's Cancel button: the
 * focus leaves the row before, or GTK would keep the row for good
 * (evident-focus-hide.c), and goes on to the panel's first control. */
static void
sync_pending (EvidentEvidencePanel *self)
{
  gboolean any = FALSE;
  gboolean had_focus = FALSE;

  for (guint i = 0; i < self->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (self->pending, i);
      gboolean shown = self->item != NULL && pending->item == self->item;

      if (!shown)
        had_focus |= evident_focus_hide_release (GTK_WIDGET (pending->row));
      gtk_widget_set_visible (GTK_WIDGET (pending->row), shown);
      any |= shown;
    }
  if (!any)
    had_focus |= evident_focus_hide_release (GTK_WIDGET (self->pending_list));
  gtk_widget_set_visible (GTK_WIDGET (self->pending_list), any);
  if (had_focus)
    evident_focus_hide_hand_on (GTK_WIDGET (self->pending_list), GTK_WIDGET (self));
}

/* The item's evidence in the list; the first selected when the item
 * changes. */
static void
sync_evidence (EvidentEvidencePanel *self)
{
  g_autoptr (EvidentEvidence) was_selected = NULL;
  g_autoptr (GListModel) model = NULL;

  if (self->project != NULL && self->item != NULL)
    model = evident_evidence_store_list (get_store (self), self->item);

  if (model != self->evidence_model)
    {
      g_set_object (&was_selected, self->selected_evidence);

      self->rebinding++;
      if (self->evidence_model != NULL)
        g_signal_handlers_disconnect_by_func (self->evidence_model, evidence_items_changed_cb,
                                              self);
      g_set_object (&self->evidence_model, model);
      gtk_list_box_bind_model (self->evidence_list, model, create_evidence_row_cb, self, NULL);
      if (model != NULL)
        g_signal_connect_object (model, "items-changed", G_CALLBACK (evidence_items_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      select_evidence_at (self, 0);
      if (gtk_list_box_get_selected_row (self->evidence_list) == NULL)
        set_selected_evidence (self, NULL);
      self->rebinding--;

      if (was_selected != self->selected_evidence)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVIDENCE]);
    }

  sync_pending (self);
}

static void
remove_pending (EvidentEvidencePanel *self,
                Pending              *pending)
{
  g_assert (pending->panel == self);

  gtk_list_box_remove (self->pending_list, GTK_WIDGET (pending->row));
  pending->row = NULL;
  pending->panel = NULL;
  g_ptr_array_remove (self->pending, pending);
  sync_pending (self);
}

/* Cancels every addition in progress: the panel moves to another
 * project, or goes. */
static void
cancel_pending (EvidentEvidencePanel *self)
{
  while (self->pending != NULL && self->pending->len > 0)
    {
      Pending *pending = g_ptr_array_index (self->pending, self->pending->len - 1);

      g_cancellable_cancel (pending->cancellable);
      remove_pending (self, pending);
    }
}

static void
add_file_progress_cb (goffset  current,
                      goffset  total,
                      gpointer user_data)
{
  Pending *pending = user_data;

  if (pending->row != NULL && total > 0)
    evident_pending_row_set_fraction (pending->row, (double) current / total);
}

static void
add_file_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Pending *pending = user_data;
  EvidentEvidencePanel *self = pending->panel;
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (EvidentEvidenceAddition) addition = { 0 };

  evidence = evident_evidence_store_add_file_finish (EVIDENT_EVIDENCE_STORE (source_object),
                                                     result, &addition, &error);
  if (self != NULL)
    {
      remove_pending (self, pending);

      if (evidence != NULL)
        {
          if (same_item (evidence, self->item))
            evident_evidence_panel_set_selected_evidence (self, evidence);

          if (addition.link_target != NULL)
            {
              g_autofree char *link_name = g_file_get_basename (pending->file);
              g_autofree char *target = g_file_get_parse_name (addition.link_target);
              g_autofree char *escaped_link = g_markup_escape_text (link_name, -1);
              g_autofree char *escaped_target = g_markup_escape_text (target, -1);
              g_autofree char *title = NULL;

              /* Translators: the first %s is a file name, the second the
               * path of the file the link leads to */
              title = g_strdup_printf (_("“%s” is a symbolic link: added the file it leads to, “%s”"),
                                       escaped_link, escaped_target);
              emit_toast (self, adw_toast_new (title));
            }
          else if (addition.already_stored)
            {
              const char *filename = evident_evidence_get_filename (evidence);
              g_autofree char *escaped = g_markup_escape_text (filename, -1);
              g_autofree char *title = NULL;

              /* Translators: %s is a file name */
              title = g_strdup_printf (_("The project already held “%s”: no space used"), escaped);
              emit_toast (self, adw_toast_new (title));
            }
        }
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_error (self, error);
        }
    }

  pending_free (pending);
}

/* A title for a new file: its name without the extension
 * ("Access Control Process.pdf" → "Access Control Process"). */
static char *
title_from_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  char *dot;

  if (name == NULL)
    return NULL;

  dot = strrchr (name, '.');
  if (dot != NULL && dot != name && strlen (dot) <= 5)
    *dot = '\0';
  return g_steal_pointer (&name);
}

/* Adds @file to the item shown, on a worker thread, with a progress row. */
static void
add_file (EvidentEvidencePanel *self,
          GFile                *file)
{
  g_autofree char *title = title_from_file (file);
  Pending *pending;

  g_assert (self->project != NULL && self->item != NULL);

  pending = g_new0 (Pending, 1);
  pending->panel = self;
  pending->item = g_object_ref (self->item);
  pending->file = g_object_ref (file);
  pending->cancellable = g_cancellable_new ();
  pending->row = EVIDENT_PENDING_ROW (evident_pending_row_new (file, pending->cancellable));

  gtk_list_box_append (self->pending_list, GTK_WIDGET (pending->row));
  g_ptr_array_add (self->pending, pending);
  sync_pending (self);

  if (self->settings != NULL)
    evident_evidence_store_set_max_file_size (get_store (self),
                                              g_settings_get_uint64 (self->settings,
                                                                     "max-evidence-size"));
  evident_evidence_store_add_file_async (get_store (self), self->item, file, title,
                                         guess_kind (file), pending->cancellable,
                                         add_file_progress_cb, pending,
                                         add_file_cb, pending);
}

/* Undo toasts
 *
 * A removal's toast does what Ctrl+Z does: while the removal is the
 * project's newest change, its Undo is the project's undo (which a redo
 * takes back, and which the history shows as undone). Once anything else
 * changed the project (another edit, an undo, notes saved), Ctrl+Z would
 * take back that other change, not the removal: the toast then restores
 * the evidence as an edit of its own, which brings back exactly what the
 * user asked for and loses nothing newer. The project tells of every
 * change with ::changed, and the application holds its project
 * exclusively, so no change goes unseen. The toast goes once the evidence
 * is back, whichever way it came. */

/* On each toast: the evidence removed, and whether its removal is still
 * the newest change */
#define UNDO_TOAST_EVIDENCE "evident-evidence"
#define UNDO_TOAST_NEWEST "evident-newest"

static void
undo_toast_dismissed_cb (EvidentEvidencePanel *self,
                         AdwToast             *toast)
{
  g_ptr_array_remove (self->undo_toasts, toast);
}

static void
undo_toast_button_clicked_cb (EvidentEvidencePanel *self,
                              AdwToast             *toast)
{
  EvidentEvidence *evidence = g_object_get_data (G_OBJECT (toast), UNDO_TOAST_EVIDENCE);
  gboolean newest = g_object_get_data (G_OBJECT (toast), UNDO_TOAST_NEWEST) != NULL;
  g_autoptr (GError) error = NULL;
  gboolean done;

  if (self->project == NULL)
    return;

  g_object_ref (evidence);
  if (newest)
    done = evident_project_undo (self->project, &error);
  else
    done = evident_evidence_store_restore (get_store (self), evidence, &error);

  if (!done)
    show_error (self, error);
  else if (same_item (evidence, self->item))
    evident_evidence_panel_set_selected_evidence (self, evidence);
  g_object_unref (evidence);
}

/* Whether @evidence is part of its item: listed by the store. */
static gboolean
is_listed (EvidentEvidencePanel *self,
           EvidentEvidence      *evidence)
{
  g_autoptr (GListModel) list = evident_evidence_store_list (get_store (self),
                                                             evident_evidence_get_item (evidence));
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentEvidence) listed = g_list_model_get_item (list, i);

      if (listed == evidence)
        return TRUE;
    }
  return FALSE;
}

/* Whatever changed the project, the removals shown are no longer its
 * newest change; and evidence that came back (Ctrl+Z, or another toast)
 * has nothing left to undo. The evidence store has followed the change
 * by now. */
/* With no evidence listed: what to do, or, for an item met, that it is
 * met without evidence. */
static void
update_placeholder (EvidentEvidencePanel *self)
{
  GtkWidget *label = GTK_WIDGET (self->placeholder_label);
  gboolean editable = self->project == NULL || is_editable (self);
  gboolean met = self->item != NULL && evident_item_get_status (self->item) == EVIDENT_STATUS_MET;

  if (met)
    gtk_label_set_label (self->placeholder_label,
                         editable
                         ? _("Met without evidence. Add the files or links that show it, or drop files here.")
                         : _("Met without evidence"));
  else
    gtk_label_set_label (self->placeholder_label,
                         editable
                         ? _("No evidence yet. Add files or links, or drop files here.")
                         : _("No evidence"));
  if (met)
    {
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "warning");
    }
  else
    {
      gtk_widget_remove_css_class (label, "warning");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

static void
project_changed_cb (EvidentEvidencePanel *self,
                    EvidentProject       *project)
{
  update_placeholder (self);

  for (guint i = self->undo_toasts->len; i > 0; i--)
    {
      AdwToast *toast = g_ptr_array_index (self->undo_toasts, i - 1);
      EvidentEvidence *evidence = g_object_get_data (G_OBJECT (toast), UNDO_TOAST_EVIDENCE);

      g_object_set_data (G_OBJECT (toast), UNDO_TOAST_NEWEST, NULL);
      if (is_listed (self, evidence))
        {
          g_object_ref (toast);
          g_ptr_array_remove_index (self->undo_toasts, i - 1);
          g_signal_handlers_disconnect_by_data (toast, self);
          evident_toast_dismiss (toast);
          g_object_unref (toast);
        }
    }
}

/* Removed evidence of another project cannot come back: the window
 * cleans a project up as it closes it. */
static void
dismiss_undo_toasts (EvidentEvidencePanel *self)
{
  while (self->undo_toasts->len > 0)
    {
      g_autoptr (AdwToast) toast = g_object_ref (g_ptr_array_index (self->undo_toasts,
                                                                    self->undo_toasts->len - 1));

      g_ptr_array_remove_index (self->undo_toasts, self->undo_toasts->len - 1);
      g_signal_handlers_disconnect_by_data (toast, self);
      evident_toast_dismiss (toast);
    }
}

/* Opening evidence in another application */

static void
show_uri_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (EvidentEvidencePanel) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source_object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error);
}

static void
show_uri (EvidentEvidencePanel *self,
          const char           *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME,
                     self->cancellable, show_uri_cb, g_object_ref (self));
}

typedef struct
{
  EvidentEvidencePanel *panel;
  GFile                *file;
  char                 *title;
  gboolean              open;
} ExtractData;

static void
extract_data_free (ExtractData *data)
{
  g_clear_object (&data->panel);
  g_clear_object (&data->file);
  g_clear_pointer (&data->title, g_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExtractData, extract_data_free)

static void
extract_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (ExtractData) data = user_data;
  EvidentEvidencePanel *self = data->panel;
  g_autoptr (GError) error = NULL;

  if (!evident_evidence_store_extract_finish (EVIDENT_EVIDENCE_STORE (source_object), result,
                                              &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  if (data->open)
    {
      g_autofree char *uri = g_file_get_uri (data->file);

      show_uri (self, uri);
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (data->title, -1);
      g_autofree char *title = NULL;

      /* Translators: %s is the title of a piece of evidence */
      title = g_strdup_printf (_("Saved a copy of “%s”"), escaped);
      emit_toast (self, adw_toast_new (title));
    }
}

static void
extract_evidence (EvidentEvidencePanel *self,
                  EvidentEvidence      *evidence,
                  GFile                *destination,
                  gboolean              open)
{
  ExtractData *data = g_new0 (ExtractData, 1);

  data->panel = g_object_ref (self);
  data->file = g_object_ref (destination);
  data->title = g_strdup (evident_evidence_get_title (evidence));
  data->open = open;
  evident_evidence_store_extract_async (get_store (self), evident_evidence_get_sha256 (evidence),
                                        destination, self->cancellable, extract_cb, data);
}

/* A file name for a copy of @evidence: its own, made safe. */
static char *
get_copy_name (EvidentEvidence *evidence)
{
  const char *filename = evident_evidence_get_filename (evidence);
  g_autofree char *name = filename != NULL ? g_path_get_basename (filename) : NULL;

  if (name == NULL || *name == '\0' || g_str_equal (name, ".") || g_str_equal (name, "..")
      || g_str_equal (name, G_DIR_SEPARATOR_S))
    return g_strdup (evident_evidence_get_sha256 (evidence));
  return g_steal_pointer (&name);
}

/* Signal handlers */

static void
evidence_list_row_selected_cb (EvidentEvidencePanel *self,
                               GtkListBoxRow        *row)
{
  set_selected_evidence (self, row != NULL
                               ? evident_evidence_row_get_evidence (EVIDENT_EVIDENCE_ROW (row))
                               : NULL);
}

static void
evidence_list_row_activated_cb (EvidentEvidencePanel *self,
                                GtkListBoxRow        *row)
{
  g_signal_emit (self, signals[EVIDENCE_ACTIVATED], 0,
                 evident_evidence_row_get_evidence (EVIDENT_EVIDENCE_ROW (row)));
}

static void
set_link_error (EvidentEvidencePanel *self,
                const char           *message)
{
  gtk_label_set_text (self->link_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->link_error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->link_url_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->link_url_entry), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_url_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message ? message : "",
                                  -1);
}

static void
link_popover_show_cb (EvidentEvidencePanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->link_url_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->link_title_entry), "");
  set_link_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->link_url_entry));
}

static void
link_entry_changed_cb (EvidentEvidencePanel *self)
{
  set_link_error (self, NULL);
}

static void
link_add_button_clicked_cb (EvidentEvidencePanel *self)
{
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *title = NULL;

  if (self->item == NULL || self->project == NULL)
    return;

  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->link_url_entry))));
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->link_title_entry))));

  evidence = evident_evidence_store_add_link (get_store (self), self->item, url,
                                              *title != '\0' ? title : NULL,
                                              EVIDENT_EVIDENCE_KIND_OTHER, &error);
  if (evidence == NULL)
    {
      /* The popover stays up with what was typed, and says why. */
      set_link_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->link_url_entry));
      return;
    }

  gtk_popover_popdown (self->link_popover);
  evident_evidence_panel_set_selected_evidence (self, evidence);
}

static void
add_files_response_cb (EvidentEvidencePanel *self,
                       int                   response,
                       GtkNativeDialog      *native)
{
  g_autoptr (GtkNativeDialog) dialog = g_steal_pointer (&self->file_chooser);

  g_assert (dialog == native);

  if (response == GTK_RESPONSE_ACCEPT && self->item != NULL && self->project != NULL)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);

          add_file (self, file);
        }
    }

  gtk_native_dialog_destroy (native);
}

static void
save_evidence_response_cb (EvidentEvidencePanel *self,
                           int                   response,
                           GtkNativeDialog      *native)
{
  g_autoptr (GtkNativeDialog) dialog = g_steal_pointer (&self->file_chooser);
  EvidentEvidence *evidence = g_object_get_data (G_OBJECT (native), "evidence");

  g_assert (dialog == native);

  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      g_autoptr (GFile) destination = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (destination != NULL)
        extract_evidence (self, evidence, destination, FALSE);
    }

  gtk_native_dialog_destroy (native);
}

/* GObject */

static void
evident_evidence_panel_dispose (GObject *object)
{
  EvidentEvidencePanel *self = EVIDENT_EVIDENCE_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  cancel_pending (self);
  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }
  if (self->undo_toasts != NULL)
    {
      for (guint i = 0; i < self->undo_toasts->len; i++)
        g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->undo_toasts, i), self);
      g_ptr_array_set_size (self->undo_toasts, 0);
    }
  if (self->evidence_model != NULL)
    g_signal_handlers_disconnect_by_func (self->evidence_model, evidence_items_changed_cb, self);
  g_clear_object (&self->evidence_model);
  g_clear_object (&self->selected_evidence);
  g_clear_object (&self->settings);

  g_clear_object (&self->item);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_EVIDENCE_PANEL);

  G_OBJECT_CLASS (evident_evidence_panel_parent_class)->dispose (object);
}

static void
evident_evidence_panel_finalize (GObject *object)
{
  EvidentEvidencePanel *self = EVIDENT_EVIDENCE_PANEL (object);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->undo_toasts, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (evident_evidence_panel_parent_class)->finalize (object);
}

static void
evident_evidence_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EvidentEvidencePanel *self = EVIDENT_EVIDENCE_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_SELECTED_EVIDENCE:
      g_value_set_object (value, self->selected_evidence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_evidence_panel_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  EvidentEvidencePanel *self = EVIDENT_EVIDENCE_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_evidence_panel_set_project (self, g_value_get_object (value));
      break;
    case PROP_ITEM:
      evident_evidence_panel_set_item (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_EVIDENCE:
      evident_evidence_panel_set_selected_evidence (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_evidence_panel_class_init (EvidentEvidencePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_evidence_panel_dispose;
  object_class->finalize = evident_evidence_panel_finalize;
  object_class->get_property = evident_evidence_panel_get_property;
  object_class->set_property = evident_evidence_panel_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         EVIDENT_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * EvidentEvidencePanel:selected-evidence:
   *
   * The evidence selected in the item's list: the first of the item's when
   * the item changes, %NULL when it has none.
   */
  properties[PROP_SELECTED_EVIDENCE] =
    g_param_spec_object ("selected-evidence", NULL, NULL,
                         EVIDENT_TYPE_EVIDENCE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentEvidencePanel::error:
   * @self: the panel
   * @message: what went wrong, for the user
   *
   * Emitted when an addition, a change, an opening or a copy failed.
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * EvidentEvidencePanel::toast:
   * @self: the panel
   * @toast: a toast, such as the one that undoes a removal
   *
   * Emitted when the panel has something to say in a toast.
   */
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  /**
   * EvidentEvidencePanel::evidence-activated:
   * @self: the panel
   * @evidence: the evidence
   *
   * Emitted when the user activates a piece of evidence (a click, or Enter
   * on its row).
   */
  signals[EVIDENCE_ACTIVATED] =
    g_signal_new ("evidence-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EVIDENT_TYPE_EVIDENCE);

  g_type_ensure (EVIDENT_TYPE_EVIDENCE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-evidence-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidencePanel, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidencePanel, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidencePanel, pending_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidencePanel, add_link_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidencePanel, link_popover);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidencePanel, link_url_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidencePanel, link_title_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidencePanel, link_error_label);

  gtk_widget_class_bind_template_callback (widget_class, evidence_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, evidence_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_add_button_clicked_cb);
}

static void
evident_evidence_panel_init (EvidentEvidencePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pending = g_ptr_array_new ();
  self->undo_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->settings = evident_settings_new ();

  sync_evidence (self);
}

/* Public API */

EvidentProject *
evident_evidence_panel_get_project (EvidentEvidencePanel *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self), NULL);

  return self->project;
}

/**
 * evident_evidence_panel_set_project:
 * @project: (nullable): the project whose evidence it shows
 *
 * A new project clears the item: set it after the project. What was under
 * way for the project before stops, and its removals can no longer be
 * undone.
 */
void
evident_evidence_panel_set_project (EvidentEvidencePanel *self,
                                    EvidentProject       *project)
{
  g_return_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  evident_evidence_panel_set_item (self, NULL);

  /* What was under way for the other project stops. */
  cancel_pending (self);
  dismiss_undo_toasts (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self,
                             G_CONNECT_SWAPPED);
  /* The add buttons follow the editor's actions; the link button has none. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_link_button),
                            project == NULL || is_editable (self));
  update_placeholder (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentItem *
evident_evidence_panel_get_item (EvidentEvidencePanel *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self), NULL);

  return self->item;
}

/**
 * evident_evidence_panel_set_item:
 * @item: (nullable): an item of the project, or %NULL for none
 *
 * Shows @item's evidence, the first selected.
 */
void
evident_evidence_panel_set_item (EvidentEvidencePanel *self,
                                 EvidentItem          *item)
{
  g_return_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self));
  g_return_if_fail (item == NULL || EVIDENT_IS_ITEM (item));

  if (self->item == item)
    return;

  g_set_object (&self->item, item);
  sync_evidence (self);
  update_placeholder (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

EvidentEvidence *
evident_evidence_panel_get_selected_evidence (EvidentEvidencePanel *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self), NULL);

  return self->selected_evidence;
}

/**
 * evident_evidence_panel_set_selected_evidence:
 * @evidence: (nullable): evidence of the item shown, or %NULL for none
 *
 * Selects @evidence in the item's list. Evidence of another item is
 * ignored.
 */
void
evident_evidence_panel_set_selected_evidence (EvidentEvidencePanel *self,
                                              EvidentEvidence      *evidence)
{
  guint position;

  g_return_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self));
  g_return_if_fail (evidence == NULL || EVIDENT_IS_EVIDENCE (evidence));

  if (evidence == NULL)
    gtk_list_box_unselect_all (self->evidence_list);
  else if (find_evidence (self, evident_evidence_get_id (evidence), &position) == evidence)
    select_evidence_at (self, position);
}

/**
 * evident_evidence_panel_add_files:
 *
 * Asks for files to add to the item as evidence, in a file chooser.
 */
void
evident_evidence_panel_add_files (EvidentEvidencePanel *self)
{
  GtkRoot *root;
  GtkFileChooserNative *native;

  g_return_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (self->item == NULL || self->project == NULL || self->file_chooser != NULL)
    return;

  native = gtk_file_chooser_native_new (_("Add Evidence"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  self->file_chooser = GTK_NATIVE_DIALOG (native);
  g_signal_connect_object (native, "response", G_CALLBACK (add_files_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * evident_evidence_panel_add_uri:
 * @uri: a file's URI
 *
 * Adds the file at @uri to the item, on a worker thread, with a progress
 * row; the evidence is selected once it is stored.
 */
void
evident_evidence_panel_add_uri (EvidentEvidencePanel *self,
                                const char           *uri)
{
  g_autoptr (GFile) file = NULL;

  g_return_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self));

  if (self->item == NULL || self->project == NULL)
    return;

  file = g_file_new_for_uri (uri);
  add_file (self, file);
}

/**
 * evident_evidence_panel_add_link:
 *
 * Asks for a link to add to the item, in a popover.
 */
void
evident_evidence_panel_add_link (EvidentEvidencePanel *self)
{
  g_return_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self));

  if (self->item != NULL && self->project != NULL)
    gtk_menu_button_popup (self->add_link_button);
}

/**
 * evident_evidence_panel_open:
 * @id: the evidence's id
 *
 * Opens a link in the browser, or a copy of a file in the application
 * that shows it.
 */
void
evident_evidence_panel_open (EvidentEvidencePanel *self,
                             gint64                id)
{
  EvidentEvidence *evidence;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GFile) destination = NULL;

  g_return_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self));

  evidence = find_evidence (self, id, NULL);
  if (evidence == NULL)
    return;

  if (evident_evidence_is_link (evidence))
    {
      show_uri (self, evident_evidence_get_url (evidence));
      return;
    }

  /* A copy the other application can read, one folder per file so that
   * two files of the same name do not meet. */
  dir = g_build_filename (g_get_user_cache_dir (), "evident", "open",
                          evident_evidence_get_sha256 (evidence), NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autoptr (GError) error = NULL;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make a copy to open: %s"), g_strerror (saved_errno));
      show_error (self, error);
      return;
    }
  name = get_copy_name (evidence);
  destination = g_file_new_build_filename (dir, name, NULL);
  extract_evidence (self, evidence, destination, TRUE);
}

/**
 * evident_evidence_panel_save_copy:
 * @id: the evidence's id
 *
 * Asks where to save a copy of a file, and saves it there.
 */
void
evident_evidence_panel_save_copy (EvidentEvidencePanel *self,
                                  gint64                id)
{
  EvidentEvidence *evidence;
  GtkRoot *root;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  g_return_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self));

  evidence = find_evidence (self, id, NULL);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (evidence == NULL || evident_evidence_is_link (evidence) || self->file_chooser != NULL)
    return;

  native = gtk_file_chooser_native_new (_("Save a Copy"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  name = get_copy_name (evidence);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data_full (G_OBJECT (native), "evidence", g_object_ref (evidence), g_object_unref);
  self->file_chooser = GTK_NATIVE_DIALOG (native);
  g_signal_connect_object (native, "response", G_CALLBACK (save_evidence_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * evident_evidence_panel_rename:
 * @id: the evidence's id
 *
 * Lets the user rename the evidence in its row.
 */
void
evident_evidence_panel_rename (EvidentEvidencePanel *self,
                               gint64                id)
{
  guint position;
  GtkListBoxRow *row;

  g_return_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self));

  if (find_evidence (self, id, &position) == NULL)
    return;

  row = gtk_list_box_get_row_at_index (self->evidence_list, position);
  if (row != NULL)
    evident_evidence_row_rename (EVIDENT_EVIDENCE_ROW (row));
}

/**
 * evident_evidence_panel_set_title:
 * @id: the evidence's id
 * @title: its new title
 */
void
evident_evidence_panel_set_title (EvidentEvidencePanel *self,
                                  gint64                id,
                                  const char           *title)
{
  g_autoptr (GError) error = NULL;
  EvidentEvidence *evidence;

  g_return_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self));
  g_return_if_fail (title != NULL);

  evidence = find_evidence (self, id, NULL);
  if (evidence == NULL)
    return;

  if (!evident_evidence_store_rename (get_store (self), evidence, title, &error))
    show_error (self, error);
}

/**
 * evident_evidence_panel_set_kind:
 * @id: the evidence's id
 * @name: its kind, as project files spell it ("presentation")
 */
void
evident_evidence_panel_set_kind (EvidentEvidencePanel *self,
                                 gint64                id,
                                 const char           *name)
{
  g_autoptr (GError) error = NULL;
  EvidentEvidenceKind kind;
  EvidentEvidence *evidence;

  g_return_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self));
  g_return_if_fail (name != NULL);

  evidence = find_evidence (self, id, NULL);
  if (evidence == NULL)
    return;

  if (!evident_evidence_kind_from_string (name, &kind))
    g_set_error (&error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID,
                 _("“%s” is not a kind of evidence"), name);
  else
    evident_evidence_store_set_kind (get_store (self), evidence, kind, &error);

  if (error != NULL)
    show_error (self, error);
}

/**
 * evident_evidence_panel_remove:
 * @id: the evidence's id
 *
 * Removes the evidence, with a toast that brings it back while the
 * project is open.
 */
void
evident_evidence_panel_remove (EvidentEvidencePanel *self,
                               gint64                id)
{
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  GtkListBoxRow *selected;
  GtkWidget *focus;
  GtkRoot *root;
  AdwToast *toast;
  gboolean had_focus;

  g_return_if_fail (EVIDENT_IS_EVIDENCE_PANEL (self));

  evidence = find_evidence (self, id, NULL);
  if (evidence == NULL)
    return;
  g_object_ref (evidence);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->evidence_list));

  if (!evident_evidence_store_remove (get_store (self), evidence, &error))
    {
      show_error (self, error);
      return;
    }

  /* The row went with the focus: the focus goes to its neighbour. */
  selected = gtk_list_box_get_selected_row (self->evidence_list);
  if (had_focus && selected != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (selected));

  escaped = g_markup_escape_text (evident_evidence_get_title (evidence), -1);
  /* Translators: %s is the title of a piece of evidence */
  title = g_strdup_printf (_("“%s” removed"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), UNDO_TOAST_EVIDENCE, g_object_ref (evidence),
                          g_object_unref);
  /* The removal just made is the newest change, until the next one. */
  g_object_set_data (G_OBJECT (toast), UNDO_TOAST_NEWEST, GINT_TO_POINTER (TRUE));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_button_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->undo_toasts, g_object_ref (toast));
  emit_toast (self, toast);
}
