/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "evident-focus-hide.h"
#include "evident-page-view.h"
#include "evident-pdf-document.h"
#include "evident-preview-private.h"
#include "evident-preview.h"
#include "evident-render-client.h"
#include "evident-render-texture.h"

/*
 * EvidentPreview: an inline preview of one piece of evidence.
 *
 * PDF documents show their pages (EvidentPageView) with a toolbar for the
 * page, the zoom and search; images (PNG, JPEG, SVG and whatever else
 * GdkTexture and gdk-pixbuf decode) show fitted, with the zoom; other types
 * show their icon, name and size with an Open button that emits
 * ::open-requested, for the caller to open the file in another app.
 *
 * Documents and images are parsed, decoded and rendered in the document
 * renderer, a process of its own with limits and a sandbox
 * (EvidentRenderClient): the preview keeps one and uses it for the next
 * documents. Showing something else cancels the load in progress and its
 * render jobs. A damaged PDF shows an error page; an encrypted one asks
 * for its password, which is only passed to the renderer. When the
 * renderer crashes, runs out of memory or time, or is killed, the preview
 * says that the document could not be shown safely and offers to open it
 * in another app; the next document starts a fresh renderer.
 */

/* Do not flash a spinner for loads quicker than this. */
#define SPINNER_DELAY_MS 300

typedef enum
{
  KIND_NONE,
  KIND_PDF,
  KIND_IMAGE,
  KIND_OTHER,
} Kind;

struct _EvidentPreview
{
  AdwBin           parent_instance;

  GtkStack        *stack;
  GtkSpinner      *spinner;
  GtkWidget       *toolbar;
  GtkWidget       *page_box;
  GtkEntry        *page_entry;
  /* The user typed in the page field since it last showed the page */
  gboolean         page_typed;
  gboolean         setting_page_text;
  GtkLabel        *n_pages_label;
  GtkToggleButton *fit_button;
  GtkLabel        *zoom_label;
  GtkWidget       *search_button;
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  GtkLabel        *match_label;
  GtkScrolledWindow *scrolled_window;
  EvidentPageView *view;
  AdwStatusPage   *other_page;
  AdwStatusPage   *error_page;
  AdwStatusPage   *password_page;
  GtkWidget       *password_box;
  GtkPasswordEntry *password_entry;
  GtkLabel        *password_error;
  GtkWidget       *unlock_button;

  GCancellable    *cancellable;
  EvidentRenderClient *client;
  GBytes          *bytes;
  char            *content_type;
  char            *filename;
  Kind             kind;
  char            *searched_text;
  guint            spinner_timeout;
  guint            shake_timeout;
  /* The size being allocated, while it is */
  int              allocating_width;
  int              allocating_height;

  guint            loading : 1;
};

G_DEFINE_FINAL_TYPE (EvidentPreview, evident_preview, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  N_PROPS
};

enum {
  OPEN_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static gboolean
is_image_type (const char *content_type)
{
  static GHashTable *types;
  GHashTableIter iter;
  gpointer key;

  if (g_once_init_enter (&types))
    {
      GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GSList *formats = gdk_pixbuf_get_formats ();

      /* GdkTexture decodes these itself; gdk-pixbuf's loaders the rest,
       * SVG included when librsvg's loader is installed. */
      g_hash_table_add (set, g_strdup ("image/png"));
      g_hash_table_add (set, g_strdup ("image/jpeg"));
      g_hash_table_add (set, g_strdup ("image/tiff"));

      for (const GSList *l = formats; l != NULL; l = l->next)
        {
          g_auto(GStrv) mime_types = gdk_pixbuf_format_get_mime_types (l->data);

          for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
            if (g_str_has_prefix (mime_types[i], "image/"))
              g_hash_table_add (set, g_strdup (mime_types[i]));
        }

      g_slist_free (formats);
      g_once_init_leave (&types, set);
    }

  if (g_hash_table_contains (types, content_type))
    return TRUE;

  g_hash_table_iter_init (&iter, types);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_content_type_is_a (content_type, key))
      return TRUE;

  return FALSE;
}

/* What to show: the type the caller gives, else the file name's, else the
 * contents'. A file named .pdf is a PDF whatever it holds, so that a
 * damaged one says so rather than passing for something else. */
static Kind
classify (GBytes      *bytes,
          const char  *content_type,
          const char  *filename,
          char       **out_type)
{
  g_autofree char *type = g_strdup (content_type);

  if (type == NULL && filename != NULL)
    {
      type = g_content_type_guess (filename, NULL, 0, NULL);
      if (g_content_type_is_unknown (type))
        g_clear_pointer (&type, g_free);
    }

  if (type == NULL && bytes != NULL)
    {
      gsize size;
      const guchar *data = g_bytes_get_data (bytes, &size);

      type = g_content_type_guess (NULL, data, MIN (size, 4096), NULL);
    }

  if (type == NULL)
    type = g_content_type_from_mime_type ("application/octet-stream");

  *out_type = g_strdup (type);

  if (g_content_type_is_mime_type (type, "application/pdf") ||
      (filename != NULL && g_str_has_suffix (filename, ".pdf")) ||
      (filename != NULL && g_str_has_suffix (filename, ".PDF")))
    return KIND_PDF;

  if (is_image_type (type))
    return KIND_IMAGE;

  return KIND_OTHER;
}

static const char *
get_display_name (EvidentPreview *self)
{
  return self->filename != NULL ? self->filename : _("Untitled");
}

static gboolean
spinner_timeout_cb (gpointer user_data)
{
  EvidentPreview *self = user_data;

  self->spinner_timeout = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);

  return G_SOURCE_REMOVE;
}

static void
set_loading (EvidentPreview *self,
             gboolean        loading)
{
  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;

  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  if (loading)
    self->spinner_timeout = g_timeout_add (SPINNER_DELAY_MS, spinner_timeout_cb, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
update_actions (EvidentPreview *self)
{
  gboolean has_pages = evident_page_view_get_n_pages (self->view) > 0;
  gboolean is_pdf = evident_page_view_get_document (self->view) != NULL;
  gboolean has_matches = evident_page_view_get_n_matches (self->view) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 evident_page_view_can_zoom_in (self->view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out",
                                 evident_page_view_can_zoom_out (self->view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.fit-width", has_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.page", is_pdf);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.find", is_pdf);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.find-next", has_matches);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.find-previous", has_matches);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.open", self->bytes != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.unlock",
                                 self->kind == KIND_PDF && !self->loading);
}

static void
update_page_label (EvidentPreview *self)
{
  guint n_pages = evident_page_view_get_n_pages (self->view);
  guint page = evident_page_view_get_page (self->view);
  g_autofree char *page_text = g_strdup_printf ("%u", page);
  g_autofree char *n_pages_text = NULL;

  /* Translators: after the current page number, as in "3 of 12" */
  n_pages_text = g_strdup_printf (_("of %u"), n_pages);
  gtk_label_set_label (self->n_pages_label, n_pages_text);

  /* Not while someone types a page number; Page Down in the field (no
   * typing) shows the page it goes to. */
  if (!self->page_typed
      || !evident_focus_is_within (GTK_WIDGET (self->page_entry)))
    {
      self->setting_page_text = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->page_entry), page_text);
      self->setting_page_text = FALSE;
      self->page_typed = FALSE;
    }
}

static void
update_zoom_label (EvidentPreview *self)
{
  g_autofree char *text = NULL;
  double zoom = evident_page_view_get_zoom (self->view);

  /* Translators: the zoom level, as in "125%" */
  text = g_strdup_printf (_("%d%%"), (int) round (zoom * 100));
  gtk_label_set_label (self->zoom_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->fit_button),
                               self->kind == KIND_IMAGE ? _("Best Fit") : _("Fit Width"));
}

static void
update_match_label (EvidentPreview *self)
{
  guint n_matches = evident_page_view_get_n_matches (self->view);
  guint current = evident_page_view_get_current_match (self->view);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *label = NULL;

  if (text == NULL || *text == '\0')
    label = g_strdup ("");
  else if (n_matches > 0)
    /* Translators: the current match and the number of matches, as in "2 of 7" */
    label = g_strdup_printf (_("%u of %u"), current, n_matches);
  else if (evident_page_view_get_searching (self->view))
    label = g_strdup (_("Searching…"));
  else
    label = g_strdup (_("No matches"));

  gtk_label_set_label (self->match_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                  -1);
}

static void
show_status (EvidentPreview *self,
             const char     *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
show_other (EvidentPreview *self)
{
  g_autoptr(GIcon) icon = NULL;
  g_autoptr(GtkIconPaintable) paintable = NULL;
  g_autofree char *description = NULL;
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;
  GtkIconTheme *theme;

  icon = g_content_type_get_symbolic_icon (self->content_type);
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  paintable = gtk_icon_theme_lookup_by_gicon (theme, icon, 128,
                                              gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                              gtk_widget_get_direction (GTK_WIDGET (self)),
                                              0);

  description = g_content_type_get_description (self->content_type);
  size = g_format_size (self->bytes != NULL ? g_bytes_get_size (self->bytes) : 0);
  /* Translators: a file's type and size, as in "Spreadsheet · 24.1 kB" */
  text = g_strdup_printf (_("%s · %s"), description, size);

  adw_status_page_set_paintable (self->other_page, GDK_PAINTABLE (paintable));
  adw_status_page_set_title (self->other_page, get_display_name (self));
  adw_status_page_set_description (self->other_page, text);
  show_status (self, "other");
}

static void
show_error (EvidentPreview *self,
            const char     *title,
            const char     *message)
{
  g_autofree char *escaped_name = g_markup_escape_text (get_display_name (self), -1);
  g_autofree char *escaped_message = g_markup_escape_text (message, -1);
  g_autofree char *description = NULL;

  description = g_strdup_printf ("%s\n<small>%s</small>", escaped_message, escaped_name);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  show_status (self, "error");
}

/* The renderer is gone while it worked on this file. */
static void
show_unsafe (EvidentPreview *self,
             const GError   *error)
{
  g_autofree char *message = NULL;

  /* Translators: after why the preview stopped */
  message = g_strdup_printf ("%s %s", error->message,
                             _("Open it in another app only if you trust where it comes from."));
  show_error (self, _("This Document Could Not Be Shown Safely"), message);
}

static void
show_password (EvidentPreview *self,
               const char     *error_message)
{
  g_autofree char *name = g_markup_escape_text (get_display_name (self), -1);
  g_autofree char *description = NULL;

  /* Translators: %s is a file name */
  description = g_strdup_printf (_("Enter the password of “%s” to preview it. The password is not stored."),
                                 name);
  adw_status_page_set_description (self->password_page, description);

  gtk_label_set_label (self->password_error, error_message != NULL ? error_message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->password_error), error_message != NULL);

  show_status (self, "password");
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}

static gboolean
shake_done_cb (gpointer user_data)
{
  EvidentPreview *self = user_data;

  self->shake_timeout = 0;
  gtk_widget_remove_css_class (self->password_box, "evident-shake");

  return G_SOURCE_REMOVE;
}

static void
shake (EvidentPreview *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  g_clear_handle_id (&self->shake_timeout, g_source_remove);
  gtk_widget_remove_css_class (self->password_box, "evident-shake");

  if (!adw_style_manager_get_high_contrast (style_manager))
    {
      gtk_widget_add_css_class (self->password_box, "evident-shake");
      self->shake_timeout = g_timeout_add (500, shake_done_cb, self);
    }
}

static void
cancel_load (EvidentPreview *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
}

static void
reset (EvidentPreview *self)
{
  cancel_load (self);

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->searched_text, g_free);
  self->kind = KIND_NONE;

  evident_page_view_clear (self->view);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  adw_status_page_set_paintable (self->other_page, NULL);
}

static void
client_died_cb (EvidentPreview      *self,
                const GError        *error,
                EvidentRenderClient *client)
{
  const char *state = gtk_stack_get_visible_child_name (self->stack);

  g_signal_handlers_disconnect_by_data (client, self);
  g_clear_object (&self->client);
  /* The next document should not wait for a new one to start. */
  evident_render_client_prestart ();

  if (!g_str_equal (state, "document") && !g_str_equal (state, "loading"))
    return;

  cancel_load (self);
  evident_page_view_clear (self->view);
  show_unsafe (self, error);
  update_actions (self);
}

/* The renderer for the next file: the one before, unless it is gone or
 * has worked long enough. */
static EvidentRenderClient *
get_client (EvidentPreview *self)
{
  if (self->client != NULL && evident_render_client_should_retire (self->client))
    {
      g_signal_handlers_disconnect_by_data (self->client, self);
      g_clear_object (&self->client);
    }

  if (self->client == NULL)
    {
      self->client = evident_render_client_get ();
      g_signal_connect_object (self->client, "died", G_CALLBACK (client_died_cb), self,
                               G_CONNECT_SWAPPED);
    }

  return self->client;
}

static GCancellable *
begin_load (EvidentPreview *self)
{
  g_assert (self->cancellable == NULL);

  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  update_actions (self);

  return self->cancellable;
}

/* Loading */

static void
pdf_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(EvidentPreview) self = g_weak_ref_get (user_data);
  g_autoptr(EvidentPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  weak_ref_free (user_data);

  document = evident_pdf_document_load_finish (result, &error);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);

  if (document != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
      gtk_widget_set_visible (self->page_box, TRUE);
      gtk_widget_set_visible (self->search_button, TRUE);
      /* Before its first frame, the view will be as wide as the preview,
       * and as high less the toolbar. */
      evident_page_view_set_size_hint (self->view,
                                       self->allocating_width ?: gtk_widget_get_width (GTK_WIDGET (self)),
                                       (self->allocating_height ?: gtk_widget_get_height (GTK_WIDGET (self)))
                                       - gtk_widget_get_height (self->toolbar));
      evident_page_view_set_document (self->view, document);
      show_status (self, "document");
    }
  else if (g_error_matches (error, EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_NEEDS_PASSWORD))
    {
      show_password (self, NULL);
    }
  else if (g_error_matches (error, EVIDENT_PDF_ERROR, EVIDENT_PDF_ERROR_BAD_PASSWORD))
    {
      show_password (self, _("Wrong password. Try again."));
      gtk_editable_select_region (GTK_EDITABLE (self->password_entry), 0, -1);
      shake (self);
    }
  else if (error->domain == EVIDENT_RENDER_ERROR)
    {
      show_unsafe (self, error);
    }
  else
    {
      show_error (self, _("Cannot Show This Document"), error->message);
    }

  update_actions (self);
}

static void
load_pdf (EvidentPreview *self,
          const char     *password)
{
  GCancellable *cancellable = begin_load (self);

  evident_pdf_document_load_async (get_client (self), self->bytes, password, cancellable,
                                   pdf_loaded_cb, weak_ref_new (self));
}

static void
image_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(EvidentPreview) self = g_weak_ref_get (user_data);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  weak_ref_free (user_data);

  texture = evident_render_texture_decode_finish (result, &error);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);

  if (texture != NULL)
    {
      gtk_widget_set_visible (self->page_box, FALSE);
      gtk_widget_set_visible (self->search_button, FALSE);
      evident_page_view_set_image (self->view, texture);
      show_status (self, "document");
    }
  else if (error->domain == EVIDENT_RENDER_ERROR)
    {
      show_unsafe (self, error);
    }
  else
    {
      g_debug ("Cannot decode image: %s", error->message);
      show_error (self, _("Cannot Show This Image"),
                  g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA)
                  ? error->message
                  : _("The file is damaged or in a format that cannot be previewed."));
    }

  update_actions (self);
}

static void
load_image (EvidentPreview *self)
{
  GCancellable *cancellable = begin_load (self);

  evident_render_texture_decode_async (get_client (self), self->bytes, cancellable,
                                       image_loaded_cb, weak_ref_new (self));
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EvidentPreview) self = g_weak_ref_get (user_data);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;

  weak_ref_free (user_data);

  bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);

  basename = g_file_get_basename (G_FILE (object));

  if (bytes == NULL)
    {
      self->filename = g_steal_pointer (&basename);
      show_error (self, _("Cannot Read This File"), error->message);
      update_actions (self);
      return;
    }

  evident_preview_set_bytes (self, bytes, NULL, basename);
}

/* Callbacks */

static void
page_entry_changed_cb (EvidentPreview *self)
{
  if (!self->setting_page_text)
    self->page_typed = TRUE;
}

static void
page_entry_activate_cb (EvidentPreview *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->page_entry));
  guint64 page = 0;

  if (g_ascii_string_to_unsigned (text, 10, 1, evident_page_view_get_n_pages (self->view),
                                  &page, NULL))
    evident_page_view_set_page (self->view, page);

  /* Whatever was typed, show the page we are on. */
  self->page_typed = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  update_page_label (self);
}

static void
view_page_changed_cb (EvidentPreview *self,
                      GParamSpec     *pspec)
{
  update_page_label (self);

  if (g_str_equal (pspec->name, "n-pages"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
view_zoom_changed_cb (EvidentPreview *self)
{
  update_zoom_label (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
view_fit_changed_cb (EvidentPreview *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
}

static void
view_matches_changed_cb (EvidentPreview *self)
{
  update_match_label (self);
  update_actions (self);
}

static void
start_search (EvidentPreview *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->searched_text);
  self->searched_text = g_strdup (text);
  evident_page_view_search (self->view, text);
  update_match_label (self);
}

static void
search_changed_cb (EvidentPreview *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (g_strcmp0 (text, self->searched_text) != 0)
    start_search (self);
}

static void
search_activate_cb (EvidentPreview *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Enter before the entry's delay is up: search now. */
  if (g_strcmp0 (text, self->searched_text) != 0)
    start_search (self);
  else
    evident_page_view_find_next (self->view);
}

static void
search_next_match_cb (EvidentPreview *self)
{
  evident_page_view_find_next (self->view);
}

static void
search_previous_match_cb (EvidentPreview *self)
{
  evident_page_view_find_previous (self->view);
}

static void
search_mode_changed_cb (EvidentPreview *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->searched_text, g_free);
      evident_page_view_search (self->view, NULL);

      /* Closed from the search bar: back to the pages. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar)))
        gtk_widget_grab_focus (GTK_WIDGET (self->view));
    }
}

static void
password_activate_cb (EvidentPreview *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "preview.unlock", NULL);
}

/* Actions */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  evident_page_view_zoom_in (EVIDENT_PREVIEW (widget)->view);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  evident_page_view_zoom_out (EVIDENT_PREVIEW (widget)->view);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentPreview *self = EVIDENT_PREVIEW (widget);

  gtk_widget_activate_action_variant (GTK_WIDGET (self->view), "view.page", parameter);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentPreview *self = EVIDENT_PREVIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  evident_page_view_find_next (EVIDENT_PREVIEW (widget)->view);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  evident_page_view_find_previous (EVIDENT_PREVIEW (widget)->view);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_REQUESTED], 0);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvidentPreview *self = EVIDENT_PREVIEW (widget);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  if (self->kind != KIND_PDF || self->bytes == NULL || self->loading)
    return;

  load_pdf (self, password);
}

/* Layout: as AdwBin's layout manager would, and the document taken
 * first. The preview lays its child out itself (no layout manager) for
 * that. */

static GtkSizeRequestMode
evident_preview_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
evident_preview_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural,
                        minimum_baseline, natural_baseline);
}

/* The document opened while this frame ran (the window's first frame
 * takes long): taken before the stack is laid out, the page view is
 * laid out and page 1 asked for in this frame rather than the next. */
static void
evident_preview_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  EvidentPreview *self = EVIDENT_PREVIEW (widget);
  GtkWidget *child;

  if (self->kind == KIND_PDF && self->cancellable != NULL && self->client != NULL)
    {
      self->allocating_width = width;
      self->allocating_height = height;
      evident_render_client_read_pending (self->client, EVIDENT_RENDER_OPENED);
      self->allocating_width = self->allocating_height = 0;
    }

  child = adw_bin_get_child (ADW_BIN (widget));
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/* GObject */

static void
evident_preview_dispose (GObject *object)
{
  EvidentPreview *self = (EvidentPreview *)object;

  cancel_load (self);
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  g_clear_handle_id (&self->shake_timeout, g_source_remove);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);

  /* The stack is both the bin's child and a template child: take it out
   * of the bin first, so that it is unparented once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_PREVIEW);

  G_OBJECT_CLASS (evident_preview_parent_class)->dispose (object);
}

static void
evident_preview_finalize (GObject *object)
{
  EvidentPreview *self = (EvidentPreview *)object;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->searched_text, g_free);

  G_OBJECT_CLASS (evident_preview_parent_class)->finalize (object);
}

static void
evident_preview_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EvidentPreview *self = EVIDENT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_PAGE:
      g_value_set_uint (value, evident_preview_get_page (self));
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, evident_preview_get_n_pages (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, evident_preview_get_zoom (self));
      break;

    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, evident_preview_get_fit_width (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_preview_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EvidentPreview *self = EVIDENT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      evident_preview_set_page (self, g_value_get_uint (value));
      break;

    case PROP_ZOOM:
      evident_preview_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_FIT_WIDTH:
      evident_preview_set_fit_width (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_preview_class_init (EvidentPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_preview_dispose;
  object_class->finalize = evident_preview_finalize;
  object_class->get_property = evident_preview_get_property;
  object_class->set_property = evident_preview_set_property;
  widget_class->get_request_mode = evident_preview_get_request_mode;
  widget_class->measure = evident_preview_measure;
  widget_class->size_allocate = evident_preview_size_allocate;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0.1, 8.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_FIT_WIDTH] =
    g_param_spec_boolean ("fit-width", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentPreview::open-requested:
   *
   * The user asked to open the evidence in another app: for types the
   * preview cannot show, or to see more than the preview does.
   */
  signals[OPEN_REQUESTED] =
    g_signal_new ("open-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (EVIDENT_TYPE_PAGE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/evident-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, spinner);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, toolbar);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, page_box);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, page_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, fit_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, search_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, search_bar);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, match_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, view);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, other_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, error_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, password_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, password_box);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, password_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, password_error);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreview, unlock_button);
  gtk_widget_class_bind_template_callback (widget_class, page_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_zoom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_fit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_matches_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_activate_cb);

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_property_action (widget_class, "preview.fit-width", "fit-width");
  gtk_widget_class_install_action (widget_class, "preview.page", "i", page_action);
  gtk_widget_class_install_action (widget_class, "preview.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "preview.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "preview.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "preview.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "preview.unlock", NULL, unlock_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "preview.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.page", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.page", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "preview.page", "i", G_MININT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "preview.page", "i", G_MAXINT32);
}

static void
evident_preview_init (EvidentPreview *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* Shift+Enter: the previous match. Before the entry's own Enter. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_SHIFT_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_SHIFT_MASK)),
                               gtk_named_action_new ("preview.find-previous"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  update_page_label (self);
  update_zoom_label (self);
  update_match_label (self);
  update_actions (self);
}

/* Public API */

GtkWidget *
evident_preview_new (void)
{
  return g_object_new (EVIDENT_TYPE_PREVIEW, NULL);
}

/**
 * evident_preview_set_bytes:
 * @bytes: (nullable): the file's contents; %NULL clears the preview
 * @content_type: (nullable): its content type, if known
 * @filename: (nullable): its name, shown and used to guess the type
 *
 * Previews @bytes, parsing and decoding on a worker thread. Cancels what
 * the preview was loading or rendering before.
 */
void
evident_preview_set_bytes (EvidentPreview *self,
                           GBytes         *bytes,
                           const char     *content_type,
                           const char     *filename)
{
  g_autofree char *type = NULL;
  Kind kind;

  g_return_if_fail (EVIDENT_IS_PREVIEW (self));

  if (bytes == NULL)
    {
      evident_preview_clear (self);
      return;
    }

  kind = classify (bytes, content_type, filename, &type);

  g_bytes_ref (bytes);
  reset (self);
  self->bytes = bytes;
  self->content_type = g_steal_pointer (&type);
  self->filename = g_strdup (filename);
  self->kind = kind;

  switch (kind)
    {
    case KIND_PDF:
      show_status (self, "loading");
      load_pdf (self, NULL);
      break;

    case KIND_IMAGE:
      show_status (self, "loading");
      load_image (self);
      break;

    case KIND_OTHER:
      show_other (self);
      break;

    case KIND_NONE:
    default:
      g_assert_not_reached ();
    }

  update_actions (self);
}

/**
 * evident_preview_set_file:
 *
 * Previews a local file, read on a worker thread.
 */
void
evident_preview_set_file (EvidentPreview *self,
                          GFile          *file)
{
  GCancellable *cancellable;

  g_return_if_fail (EVIDENT_IS_PREVIEW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (file == NULL)
    {
      evident_preview_clear (self);
      return;
    }

  reset (self);
  show_status (self, "loading");
  cancellable = begin_load (self);
  g_file_load_bytes_async (file, cancellable, file_loaded_cb, weak_ref_new (self));
}

void
evident_preview_clear (EvidentPreview *self)
{
  g_return_if_fail (EVIDENT_IS_PREVIEW (self));

  reset (self);
  show_status (self, "empty");
  update_actions (self);
}

gboolean
evident_preview_get_loading (EvidentPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW (self), FALSE);

  return self->loading;
}

/**
 * evident_preview_get_page:
 *
 * Returns: the current page, 1-based; 0 without a document
 */
guint
evident_preview_get_page (EvidentPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW (self), 0);

  return evident_page_view_get_page (self->view);
}

void
evident_preview_set_page (EvidentPreview *self,
                          guint           page)
{
  g_return_if_fail (EVIDENT_IS_PREVIEW (self));

  evident_page_view_set_page (self->view, page);
}

guint
evident_preview_get_n_pages (EvidentPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW (self), 0);

  return evident_page_view_get_n_pages (self->view);
}

/**
 * evident_preview_get_zoom:
 *
 * Returns: the zoom, 1.0 for 100 %; when fitting the width, the zoom
 *   that fits it
 */
double
evident_preview_get_zoom (EvidentPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW (self), 1.0);

  return evident_page_view_get_zoom (self->view);
}

void
evident_preview_set_zoom (EvidentPreview *self,
                          double          zoom)
{
  g_return_if_fail (EVIDENT_IS_PREVIEW (self));

  evident_page_view_set_zoom (self->view, zoom);
}

gboolean
evident_preview_get_fit_width (EvidentPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW (self), FALSE);

  return evident_page_view_get_fit (self->view);
}

void
evident_preview_set_fit_width (EvidentPreview *self,
                               gboolean        fit_width)
{
  g_return_if_fail (EVIDENT_IS_PREVIEW (self));

  evident_page_view_set_fit (self->view, fit_width);
}

/**
 * evident_preview_search:
 * @text: (nullable): what to find; %NULL or "" closes the search
 *
 * Opens the search bar and finds @text in the document at once.
 */
void
evident_preview_search (EvidentPreview *self,
                        const char     *text)
{
  g_return_if_fail (EVIDENT_IS_PREVIEW (self));

  if (text == NULL || *text == '\0')
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  start_search (self);
}

EvidentPageView *
evident_preview_get_page_view (EvidentPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW (self), NULL);

  return self->view;
}

/**
 * evident_preview_get_state:
 *
 * Returns: what the preview shows: "empty", "loading", "document",
 *   "other", "error" or "password"
 */
const char *
evident_preview_get_state (EvidentPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
evident_preview_get_match_text (EvidentPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW (self), NULL);

  return gtk_label_get_label (self->match_label);
}

const char *
evident_preview_get_password_error (EvidentPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->password_error)))
    return NULL;

  return gtk_label_get_label (self->password_error);
}

GtkWidget *
evident_preview_get_password_entry (EvidentPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW (self), NULL);

  return GTK_WIDGET (self->password_entry);
}

guint
evident_preview_get_n_rendered_for_test (EvidentPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW (self), 0);

  return evident_page_view_get_n_rendered (self->view);
}

/* Returns: the title of the error page, whether it shows or not */
const char *
evident_preview_get_error_title (EvidentPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW (self), NULL);

  return adw_status_page_get_title (self->error_page);
}

/* Returns: (transfer none) (nullable): the renderer the preview uses */
EvidentRenderClient *
evident_preview_get_render_client (EvidentPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW (self), NULL);

  return self->client;
}
