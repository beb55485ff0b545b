/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "evident-page-cache.h"
#include "evident-page-layout.h"
#include "evident-page-search.h"
#include "evident-page-view.h"
#include "evident-render-scheduler.h"

/*
 * EvidentPageView: the pages of a PDF document one below the other, or one
 * image, in a GtkScrolledWindow (it implements GtkScrollable).
 *
 * The view scrolls, zooms and draws; helpers do the rest, as in papers'
 * libview:
 *
 *  - EvidentPageLayout places the pages from the sizes the document read
 *    while loading, so the scrollbar is right before a single page is
 *    rendered;
 *  - EvidentPageCache holds the textures of the visible pages and of a few
 *    either side, and says which page to render next: the visible pages
 *    first, from the current page outwards;
 *  - EvidentRenderScheduler renders one page at a time in the document
 *    renderer, a process below the application's priority; a job whose
 *    page scrolled out of the cache's range, or whose zoom is stale, is
 *    cancelled there;
 *  - EvidentPageSearch finds text in the document renderer, from the
 *    current page onwards, and keeps the matches the view highlights.
 *
 * Until a page's texture at the current zoom arrives, the view shows the
 * texture it has at another zoom, scaled, or a blank page.
 */

#define MIN_ZOOM    0.1
#define MAX_ZOOM    8.0
#define SCROLL_STEP 48.0
/* The longest a frame waits for a new document's page 1; the
 * preview's size in a default window, to render page 1 before layout */
#define FIRST_PAGE_WAIT_MS 8
#define GUESS_WIDTH  360
#define GUESS_HEIGHT 600

static const double zoom_levels[] = {
  0.1, 0.25, 1.0 / 3.0, 0.5, 2.0 / 3.0, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0,
};

struct _EvidentPageView
{
  GtkWidget               parent_instance;

  GtkAdjustment          *hadjustment;
  GtkAdjustment          *vadjustment;

  /* One of the two, or neither. */
  EvidentPdfDocument     *document;
  GdkTexture             *image;
  guint                   n_pages;

  /* Where the pages are, at which zoom, and which is current */
  EvidentPageLayout      *layout;
  double                  zoom;
  double                  manual_zoom;
  guint                   current_page;

  /* Rendering */
  EvidentPageCache       *cache;
  EvidentRenderScheduler *scheduler;
  guint                   n_rendered;
  gint64                  first_shown;
  int                     hint_width;
  int                     hint_height;

  guint                   notify_idle;

  EvidentPageSearch      *search;

  guint                   hscroll_policy : 1;
  guint                   vscroll_policy : 1;
  guint                   fit : 1;
  guint                   pinning_page : 1;
  guint                   allocating : 1;
  guint                   match_scroll_pending : 1;
  guint                   pending_page_notify : 1;
  guint                   pending_zoom_notify : 1;
};

static void scrollable_iface_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EvidentPageView, evident_page_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, scrollable_iface_init))

enum {
  PROP_0,
  PROP_N_PAGES,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_FIT,
  PROP_SEARCHING,
  PROP_N_MATCHES,
  PROP_CURRENT_MATCH,
  N_PROPS,

  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

static void schedule_render  (EvidentPageView *self);
static void update_scrolling (EvidentPageView *self);

/* Helpers */

/* CSS pixels per point at the current zoom. */
static inline double
get_ppx (EvidentPageView *self)
{
  return evident_page_layout_get_ppx (self->layout);
}

static void
get_page_rect (EvidentPageView *self,
               guint            page,
               graphene_rect_t *rect)
{
  evident_page_layout_get_page_rect (self->layout, page, rect);
}

static gboolean
get_visible_range (EvidentPageView *self,
                   guint           *first,
                   guint           *last)
{
  return evident_page_layout_get_visible_range (self->layout,
                                                gtk_adjustment_get_value (self->vadjustment),
                                                first, last);
}

static void
update_accessible_label (EvidentPageView *self)
{
  g_autofree char *label = NULL;

  if (self->document != NULL)
    /* Translators: the accessible name of the page area */
    label = g_strdup_printf (_("Page %u of %u"), self->current_page + 1, self->n_pages);
  else if (self->image != NULL)
    label = g_strdup (_("Image"));
  else
    label = g_strdup (_("No document"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static gboolean
notify_idle_cb (gpointer data)
{
  EvidentPageView *self = data;

  self->notify_idle = 0;

  if (self->pending_zoom_notify)
    {
      self->pending_zoom_notify = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }

  if (self->pending_page_notify)
    {
      self->pending_page_notify = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }

  return G_SOURCE_REMOVE;
}

/* The page and the zoom change while the view is allocated, and whoever
 * shows them (a label in a toolbar already allocated) would change size in
 * the middle of the window's allocation: tell them once it is over. */
static void
notify_page_or_zoom (EvidentPageView *self,
                     guint            prop_id)
{
  if (!self->allocating)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
      return;
    }

  if (prop_id == PROP_PAGE)
    self->pending_page_notify = TRUE;
  else
    self->pending_zoom_notify = TRUE;

  if (self->notify_idle == 0)
    self->notify_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, notify_idle_cb, self, NULL);
}

static void
set_current_page (EvidentPageView *self,
                  guint            page)
{
  if (page != self->current_page)
    {
      self->current_page = page;
      update_accessible_label (self);
      notify_page_or_zoom (self, PROP_PAGE);
    }
}

static void
update_current_page (EvidentPageView *self)
{
  guint page;

  if (self->pinning_page)
    return;

  page = evident_page_layout_get_current_page (self->layout,
                                              gtk_adjustment_get_value (self->vadjustment));
  set_current_page (self, page);
}

/* Layout */

static double
compute_fit_zoom (EvidentPageView *self,
                  int              width,
                  int              height)
{
  return CLAMP (evident_page_layout_get_fit_zoom (self->layout, width, height), MIN_ZOOM, MAX_ZOOM);
}

static void
relayout (EvidentPageView *self,
          int              width,
          int              height)
{
  double old_zoom = self->zoom;
  gboolean had_layout = evident_page_layout_is_valid (self->layout) && self->n_pages > 0;
  guint anchor_page = 0;
  double anchor_fraction = 0;

  /* Keep the point at the top of the view where it is on the page. */
  if (had_layout)
    {
      double value = gtk_adjustment_get_value (self->vadjustment);
      graphene_rect_t rect;

      anchor_page = evident_page_layout_get_page_at_y (self->layout, value);
      get_page_rect (self, anchor_page, &rect);
      anchor_fraction = (value - rect.origin.y) / MAX (rect.size.height, 1);
    }

  self->zoom = self->fit ? compute_fit_zoom (self, width, height) : self->manual_zoom;
  evident_page_layout_update (self->layout, width, height, self->zoom);

  if (had_layout && old_zoom != self->zoom)
    {
      graphene_rect_t rect;
      double value;

      get_page_rect (self, anchor_page, &rect);
      value = rect.origin.y + anchor_fraction * rect.size.height;
      gtk_adjustment_configure (self->vadjustment, value, 0,
                                MAX (evident_page_layout_get_content_height (self->layout), height),
                                height * 0.1, height * 0.9, height);
    }

  if (old_zoom != self->zoom)
    notify_page_or_zoom (self, PROP_ZOOM);
}

static void
configure_adjustments (EvidentPageView *self)
{
  int width = evident_page_layout_get_width (self->layout);
  int height = evident_page_layout_get_height (self->layout);
  double content_width = evident_page_layout_get_content_width (self->layout);
  double content_height = evident_page_layout_get_content_height (self->layout);

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              gtk_adjustment_get_value (self->hadjustment),
                              0, MAX (content_width, width),
                              width * 0.1, width * 0.9, width);

  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              gtk_adjustment_get_value (self->vadjustment),
                              0, MAX (content_height, height),
                              height * 0.1, height * 0.9, height);
}

static void
scroll_to_y (EvidentPageView *self,
             double           y)
{
  double upper;
  double page_size;

  if (self->vadjustment == NULL)
    return;

  upper = gtk_adjustment_get_upper (self->vadjustment);
  page_size = gtk_adjustment_get_page_size (self->vadjustment);
  gtk_adjustment_set_value (self->vadjustment, CLAMP (y, 0, MAX (0, upper - page_size)));
}

static void
scroll_to_page (EvidentPageView *self,
                guint            page)
{
  if (!evident_page_layout_is_valid (self->layout) || page >= self->n_pages)
    return;

  /* The page asked for is the current page, even when the view cannot
   * scroll that far (the last pages) or shows the next one as much. */
  self->pinning_page = TRUE;
  scroll_to_y (self, evident_page_layout_get_page_top (self->layout, page));
  self->pinning_page = FALSE;
  set_current_page (self, page);
}

/* Rendering */

static double
get_render_scale (EvidentPageView *self)
{
  return get_ppx (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

/* Starts the next render the cache asks for, or cancels the job under
 * way when its page scrolled out of the cache's range or its zoom is
 * stale (it reports back, and the next starts then). */
static void
schedule_render (EvidentPageView *self)
{
  graphene_rect_t rect;
  int scale_factor;
  guint first;
  guint last;
  guint page;
  double scale;
  double job_scale;

  if (self->document == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (!get_visible_range (self, &first, &last))
    return;

  scale = get_render_scale (self);
  evident_page_cache_set_range (self->cache, first, last, self->n_pages);

  /* A job at a stale scale is let finish when its page has nothing to
   * show yet (page 1 asked for before the layout, at a guessed size): a
   * page scaled for a frame beats a blank one for two. */
  if (evident_render_scheduler_get_job (self->scheduler, &page, &job_scale))
    {
      if (!evident_page_cache_wants (self->cache, page)
          || (fabs (job_scale - scale) > 1e-6 && evident_page_cache_lookup (self->cache, page) != NULL))
        evident_render_scheduler_cancel (self->scheduler);
      return;
    }

  if (!evident_page_cache_next_to_render (self->cache, self->current_page, scale, &page))
    return;

  /* The page's size on screen, in device pixels: drawn as is, not
   * resampled. */
  get_page_rect (self, page, &rect);
  scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  evident_render_scheduler_render (self->scheduler, self->document, page, scale,
                                   (int) rect.size.width * scale_factor,
                                   (int) rect.size.height * scale_factor);
}

/* A document came: its first page is asked for at once, at the size the
 * view has (or, before its first allocation, the size it was told it
 * will have), rather than after the next frame's layout. The layout is
 * left for the allocation to make: it then finds the job at the scale it
 * wants, and lets it be (or cancels it, when the view turned out of
 * another width). */
static void
render_first_page_ahead (EvidentPageView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double zoom;
  double page_width;
  double page_height;

  if (width <= 0 || height <= 0)
    {
      width = self->hint_width;
      height = self->hint_height;
    }
  /* No hint either: a guess beats waiting a frame for the layout;
   * guessed wrong, the page shows scaled until the layout's render. */
  if (width <= 0 || height <= 0)
    {
      width = GUESS_WIDTH;
      height = GUESS_HEIGHT;
    }

  if (self->document == NULL || self->n_pages == 0
      || evident_render_scheduler_get_job (self->scheduler, NULL, NULL))
    return;

  zoom = self->fit ? compute_fit_zoom (self, width, height) : self->manual_zoom;
  evident_page_layout_get_page_size_for_zoom (self->layout, 0, zoom, &page_width, &page_height);
  evident_render_scheduler_render (self->scheduler, self->document, 0,
                                   evident_page_layout_ppx_for_zoom (zoom) * scale_factor,
                                   (int) page_width * scale_factor,
                                   (int) page_height * scale_factor);
}

/* A new document's page 1 may have come while this frame laid it out:
 * drawn now, not a frame later, after a short wait if need be. */
static void
take_arrived_page (EvidentPageView *self,
                   guint            wait_ms)
{
  if (self->document != NULL && self->first_shown == 0 && self->current_page == 0
      && evident_page_cache_lookup (self->cache, 0) == NULL)
    evident_render_scheduler_take_arrived (self->scheduler, wait_ms);
}

static void
render_finished_cb (EvidentPageView        *self,
                    guint                   page,
                    double                  scale,
                    GdkTexture             *texture,
                    GError                 *error,
                    EvidentRenderScheduler *scheduler)
{
  if (texture != NULL)
    {
      evident_page_cache_insert (self->cache, page, texture, scale);
      self->n_rendered++;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else if (error != NULL)
    {
      g_autoptr (GBytes) white = g_bytes_new_static ("\xff\xff\xff\xff", 4);
      g_autoptr (GdkTexture) blank = NULL;

      /* A hostile page may well fail: say so where it helps, no more. */
      g_debug ("Cannot render page %u: %s", page + 1, error->message);

      /* Not again and again: remember the failure as a blank page. */
      blank = gdk_memory_texture_new (1, 1, GDK_MEMORY_DEFAULT, white, 4);
      evident_page_cache_insert (self->cache, page, blank, scale);
    }

  schedule_render (self);
}

/* Search */

/* Brings the current match into view, centred if it was out of it. */
static void
update_scrolling (EvidentPageView *self)
{
  const graphene_rect_t *match;
  graphene_rect_t page_rect;
  double ppx = get_ppx (self);
  int view_width = evident_page_layout_get_width (self->layout);
  int view_height = evident_page_layout_get_height (self->layout);
  double top;
  double height;
  double value;
  double x;
  guint page;

  match = evident_page_search_get_current (self->search, &page, NULL);
  if (match == NULL)
    return;

  /* Found before the first layout: once there is one. */
  if (!evident_page_layout_is_valid (self->layout))
    {
      self->match_scroll_pending = TRUE;
      return;
    }
  self->match_scroll_pending = FALSE;

  get_page_rect (self, page, &page_rect);

  top = page_rect.origin.y + match->origin.y * ppx;
  height = match->size.height * ppx;
  value = gtk_adjustment_get_value (self->vadjustment);
  if (top < value || top + height > value + view_height)
    scroll_to_y (self, top + height / 2 - view_height / 2.0);

  x = page_rect.origin.x + match->origin.x * ppx;
  if (self->hadjustment != NULL)
    {
      double hvalue = gtk_adjustment_get_value (self->hadjustment);

      if (x < hvalue || x + match->size.width * ppx > hvalue + view_width)
        gtk_adjustment_set_value (self->hadjustment, x - view_width / 3.0);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
match_selected_cb (EvidentPageView   *self,
                   EvidentPageSearch *search)
{
  update_scrolling (self);
}

/* The search's state is the view's: say so, and show the matches. */
static void
search_notify_cb (EvidentPageView   *self,
                  GParamSpec        *pspec,
                  EvidentPageSearch *search)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "searching"))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
      return;
    }

  if (g_str_equal (name, "n-matches"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_MATCH]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Callbacks */

static void
adjustment_value_changed_cb (EvidentPageView *self,
                             GtkAdjustment   *adjustment)
{
  if (adjustment == self->vadjustment)
    {
      update_current_page (self);
      schedule_render (self);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
scale_factor_changed_cb (EvidentPageView *self)
{
  schedule_render (self);
}

static gboolean
scroll_cb (EvidentPageView          *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if ((state & GDK_CONTROL_MASK) == 0 || self->n_pages == 0)
    return FALSE;

  if (dy < 0)
    evident_page_view_zoom_in (self);
  else if (dy > 0)
    evident_page_view_zoom_out (self);

  return TRUE;
}

static void
click_pressed_cb (EvidentPageView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
scroll_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvidentPageView *self = EVIDENT_PAGE_VIEW (widget);
  double dx;
  double dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);

  if (dy != 0 && self->vadjustment != NULL)
    scroll_to_y (self, gtk_adjustment_get_value (self->vadjustment) + dy * SCROLL_STEP);

  if (dx != 0 && self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment,
                              gtk_adjustment_get_value (self->hadjustment) + dx * SCROLL_STEP);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentPageView *self = EVIDENT_PAGE_VIEW (widget);
  int delta = g_variant_get_int32 (parameter);
  int page;

  if (self->n_pages == 0)
    return;

  if (delta == G_MININT32)
    page = 0;
  else if (delta == G_MAXINT32)
    page = self->n_pages - 1;
  else
    page = CLAMP ((int) self->current_page + delta, 0, (int) self->n_pages - 1);

  scroll_to_page (self, page);
}

/* GtkScrollable */

static gboolean
get_border (GtkScrollable *scrollable,
            GtkBorder     *border)
{
  return FALSE;
}

static void
scrollable_iface_init (GtkScrollableInterface *iface)
{
  iface->get_border = get_border;
}

static void
set_adjustment (EvidentPageView  *self,
                GtkAdjustment   **field,
                GtkAdjustment    *adjustment,
                GParamSpec       *pspec)
{
  if (*field == adjustment && adjustment != NULL)
    return;

  if (*field != NULL)
    {
      g_signal_handlers_disconnect_by_func (*field, adjustment_value_changed_cb, self);
      g_clear_object (field);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  *field = g_object_ref_sink (adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_changed_cb), self,
                           G_CONNECT_SWAPPED);

  if (evident_page_layout_is_valid (self->layout))
    configure_adjustments (self);

  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/* GtkWidget */

static GtkSizeRequestMode
evident_page_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The size of the pages, so that GtkScrolledWindow shows a scrollbar when
 * they do not fit: it decides before the view configures its adjustments,
 * and would otherwise change its mind at every allocation. */
static void
evident_page_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  EvidentPageView *self = EVIDENT_PAGE_VIEW (widget);
  double size = 0;

  /* A fitted image fits; fitted pages fit in width. */
  if (self->n_pages > 0 && !(self->fit && self->image != NULL))
    {
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          if (!self->fit)
            size = evident_page_layout_get_width_for_zoom (self->layout, self->manual_zoom);
        }
      else
        {
          double zoom = self->manual_zoom;
          int width = for_size >= 0 ? for_size : evident_page_layout_get_width (self->layout);

          if (self->fit)
            zoom = compute_fit_zoom (self, width, 0);
          size = evident_page_layout_get_height_for_zoom (self->layout, zoom);
        }
    }

  *minimum = *natural = (int) MIN (ceil (size), G_MAXINT / 2);
}

static void
evident_page_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  EvidentPageView *self = EVIDENT_PAGE_VIEW (widget);

  self->allocating = TRUE;
  relayout (self, width, height);
  configure_adjustments (self);
  if (self->match_scroll_pending)
    update_scrolling (self);
  update_current_page (self);
  self->allocating = FALSE;

  take_arrived_page (self, 0);
  schedule_render (self);
}

static void
evident_page_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (evident_page_view_parent_class)->map (widget);

  schedule_render (EVIDENT_PAGE_VIEW (widget));
}

static void
evident_page_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA shadow = { 0, 0, 0, 0.25 };
  static const GdkRGBA hit = { 0.96, 0.83, 0.18, 0.45 };
  static const GdkRGBA current_hit = { 0.90, 0.38, 0.0, 0.55 };
  EvidentPageView *self = EVIDENT_PAGE_VIEW (widget);
  double ppx = get_ppx (self);
  int scale_factor;
  double x;
  double y;
  guint first;
  guint last;
  guint match_page = G_MAXUINT;
  guint match_index = G_MAXUINT;

  if (!get_visible_range (self, &first, &last))
    return;

  take_arrived_page (self, FIRST_PAGE_WAIT_MS);
  evident_page_search_get_current (self->search, &match_page, &match_index);

  /* On whole device pixels too: no resampling. */
  scale_factor = gtk_widget_get_scale_factor (widget);
  x = round (gtk_adjustment_get_value (self->hadjustment) * scale_factor) / scale_factor;
  y = round (gtk_adjustment_get_value (self->vadjustment) * scale_factor) / scale_factor;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-x, -y));

  for (guint i = first; i <= last; i++)
    {
      GdkTexture *cached = evident_page_cache_lookup (self->cache, i);
      GArray *rects = evident_page_search_get_page_matches (self->search, i);
      graphene_rect_t rect;

      get_page_rect (self, i, &rect);

      if (self->document != NULL)
        {
          GskRoundedRect outline;

          gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
          gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 0, 3);
          gtk_snapshot_append_color (snapshot, &white, &rect);
        }

      if (cached != NULL || self->image != NULL)
        {
          gtk_snapshot_append_texture (snapshot, cached != NULL ? cached : self->image, &rect);
          if (i == 0 && self->first_shown == 0)
            self->first_shown = g_get_monotonic_time ();
        }

      for (guint j = 0; rects != NULL && j < rects->len; j++)
        {
          const graphene_rect_t *match = &g_array_index (rects, graphene_rect_t, j);
          gboolean is_current = i == match_page && j == match_index;

          gtk_snapshot_append_color (snapshot, is_current ? &current_hit : &hit,
                                     &GRAPHENE_RECT_INIT (rect.origin.x + match->origin.x * ppx - 1,
                                                          rect.origin.y + match->origin.y * ppx - 1,
                                                          match->size.width * ppx + 2,
                                                          match->size.height * ppx + 2));
        }
    }

  gtk_snapshot_restore (snapshot);
}

/* GObject */

static void
evident_page_view_dispose (GObject *object)
{
  EvidentPageView *self = (EvidentPageView *)object;

  evident_render_scheduler_clear (self->scheduler);
  evident_page_search_clear (self->search);

  g_clear_handle_id (&self->notify_idle, g_source_remove);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  evident_page_cache_clear (self->cache);
  g_clear_object (&self->document);
  g_clear_object (&self->image);

  G_OBJECT_CLASS (evident_page_view_parent_class)->dispose (object);
}

static void
evident_page_view_finalize (GObject *object)
{
  EvidentPageView *self = (EvidentPageView *)object;

  g_clear_object (&self->cache);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->search);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (evident_page_view_parent_class)->finalize (object);
}

static void
evident_page_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EvidentPageView *self = EVIDENT_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;

    case PROP_PAGE:
      g_value_set_uint (value, evident_page_view_get_page (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_FIT:
      g_value_set_boolean (value, self->fit);
      break;

    case PROP_SEARCHING:
      g_value_set_boolean (value, evident_page_search_get_searching (self->search));
      break;

    case PROP_N_MATCHES:
      g_value_set_uint (value, evident_page_search_get_n_matches (self->search));
      break;

    case PROP_CURRENT_MATCH:
      g_value_set_uint (value, evident_page_view_get_current_match (self));
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_page_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EvidentPageView *self = EVIDENT_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      evident_page_view_set_page (self, g_value_get_uint (value));
      break;

    case PROP_ZOOM:
      evident_page_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_FIT:
      evident_page_view_set_fit (self, g_value_get_boolean (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), pspec);
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), pspec);
      break;

    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_scroll_binding (GtkWidgetClass *widget_class,
                    guint           keyval,
                    double          dx,
                    double          dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "view.scroll", "(dd)", dx, dy);
}

static void
evident_page_view_class_init (EvidentPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_page_view_dispose;
  object_class->finalize = evident_page_view_finalize;
  object_class->get_property = evident_page_view_get_property;
  object_class->set_property = evident_page_view_set_property;

  widget_class->get_request_mode = evident_page_view_get_request_mode;
  widget_class->measure = evident_page_view_measure;
  widget_class->size_allocate = evident_page_view_size_allocate;
  widget_class->snapshot = evident_page_view_snapshot;
  widget_class->map = evident_page_view_map;

  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         MIN_ZOOM, MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_FIT] =
    g_param_spec_boolean ("fit", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_CURRENT_MATCH] =
    g_param_spec_uint ("current-match", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_install_action (widget_class, "view.scroll", "(dd)", scroll_action);
  gtk_widget_class_install_action (widget_class, "view.page", "i", page_action);

  add_scroll_binding (widget_class, GDK_KEY_Up, 0, -1);
  add_scroll_binding (widget_class, GDK_KEY_KP_Up, 0, -1);
  add_scroll_binding (widget_class, GDK_KEY_Down, 0, 1);
  add_scroll_binding (widget_class, GDK_KEY_KP_Down, 0, 1);
  add_scroll_binding (widget_class, GDK_KEY_Left, -1, 0);
  add_scroll_binding (widget_class, GDK_KEY_KP_Left, -1, 0);
  add_scroll_binding (widget_class, GDK_KEY_Right, 1, 0);
  add_scroll_binding (widget_class, GDK_KEY_KP_Right, 1, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "view.page", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0, "view.page", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "view.page", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0, "view.page", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "view.page", "i", G_MININT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "view.page", "i", G_MININT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "view.page", "i", G_MAXINT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "view.page", "i", G_MAXINT32);

  gtk_widget_class_set_css_name (widget_class, "pageview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
evident_page_view_init (EvidentPageView *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->zoom = 1.0;
  self->manual_zoom = 1.0;
  self->fit = TRUE;
  self->hadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  self->vadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  self->layout = evident_page_layout_new ();
  self->cache = evident_page_cache_new ();
  self->scheduler = evident_render_scheduler_new ();
  g_signal_connect_object (self->scheduler, "finished", G_CALLBACK (render_finished_cb), self,
                           G_CONNECT_SWAPPED);
  self->search = evident_page_search_new ();
  g_signal_connect_object (self->search, "notify", G_CALLBACK (search_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "match-selected", G_CALLBACK (match_selected_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  update_accessible_label (self);
}

/* Public API */

GtkWidget *
evident_page_view_new (void)
{
  return g_object_new (EVIDENT_TYPE_PAGE_VIEW, NULL);
}

EvidentPdfDocument *
evident_page_view_get_document (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), NULL);

  return self->document;
}

GdkTexture *
evident_page_view_get_image (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), NULL);

  return self->image;
}

static void
reset (EvidentPageView    *self,
       EvidentPdfDocument *document,
       GdkTexture         *image)
{
  guint old_n_pages = self->n_pages;
  guint old_page = self->current_page;

  evident_render_scheduler_clear (self->scheduler);
  evident_page_search_clear (self->search);
  evident_page_cache_clear (self->cache);
  self->n_rendered = 0;
  self->first_shown = 0;

  g_set_object (&self->document, document);
  g_set_object (&self->image, image);

  if (image != NULL)
    evident_page_layout_set_image (self->layout, image);
  else
    evident_page_layout_set_document (self->layout, document);
  self->n_pages = evident_page_layout_get_n_pages (self->layout);
  self->current_page = 0;

  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);

  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* Before anyone hears of the new pages: the request goes out first. */
  render_first_page_ahead (self);

  if (old_n_pages != self->n_pages)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  if (old_page != 0 || old_n_pages != self->n_pages)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/**
 * evident_page_view_set_document:
 *
 * Shows @document's pages, from the first. Cancels the rendering and the
 * search of the previous document.
 */
void
evident_page_view_set_document (EvidentPageView    *self,
                                EvidentPdfDocument *document)
{
  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));
  g_return_if_fail (document == NULL || EVIDENT_IS_PDF_DOCUMENT (document));

  if (self->document == document && self->image == NULL)
    return;

  reset (self, document, NULL);
}

void
evident_page_view_set_image (EvidentPageView *self,
                             GdkTexture      *image)
{
  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));
  g_return_if_fail (image == NULL || GDK_IS_TEXTURE (image));

  if (self->image == image && self->document == NULL)
    return;

  reset (self, NULL, image);
}

void
evident_page_view_clear (EvidentPageView *self)
{
  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));

  reset (self, NULL, NULL);
}

guint
evident_page_view_get_n_pages (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), 0);

  return self->n_pages;
}

/**
 * evident_page_view_get_page:
 *
 * Returns: the current page, 1-based; 0 when there is none
 */
guint
evident_page_view_get_page (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), 0);

  return self->n_pages > 0 ? self->current_page + 1 : 0;
}

/**
 * evident_page_view_set_page:
 * @page: 1-based
 *
 * Scrolls to the top of @page.
 */
void
evident_page_view_set_page (EvidentPageView *self,
                            guint            page)
{
  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));

  if (page < 1 || page > self->n_pages)
    return;

  scroll_to_page (self, page - 1);
}

double
evident_page_view_get_zoom (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), 1.0);

  return self->zoom;
}

/**
 * evident_page_view_set_zoom:
 * @zoom: 1.0 is 100 %
 *
 * Sets the zoom and stops fitting the width.
 */
void
evident_page_view_set_zoom (EvidentPageView *self,
                            double           zoom)
{
  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);

  g_object_freeze_notify (G_OBJECT (self));

  self->manual_zoom = zoom;

  if (self->fit)
    {
      self->fit = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT]);
    }

  if (evident_page_layout_is_valid (self->layout) && self->n_pages > 0)
    {
      /* Now, rather than at the next allocation, so that the adjustments
       * and the current page are right at once. The size the view asks
       * for changes too: the scrollbars may come or go. */
      relayout (self, evident_page_layout_get_width (self->layout),
                evident_page_layout_get_height (self->layout));
      configure_adjustments (self);
      update_current_page (self);
      schedule_render (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  else if (self->zoom != zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
evident_page_view_get_fit (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), FALSE);

  return self->fit;
}

/**
 * evident_page_view_set_fit:
 *
 * Fits the width of the widest page to the view; an image fits whole and
 * is not enlarged.
 */
void
evident_page_view_set_fit (EvidentPageView *self,
                           gboolean         fit)
{
  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));

  fit = !!fit;
  if (self->fit == fit)
    return;

  self->fit = fit;
  if (!fit)
    self->manual_zoom = self->zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT]);
}

gboolean
evident_page_view_can_zoom_in (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), FALSE);

  return self->n_pages > 0 && self->zoom < MAX_ZOOM - 1e-3;
}

gboolean
evident_page_view_can_zoom_out (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), FALSE);

  return self->n_pages > 0 && self->zoom > MIN_ZOOM + 1e-3;
}

void
evident_page_view_zoom_in (EvidentPageView *self)
{
  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > self->zoom + 1e-3)
      {
        evident_page_view_set_zoom (self, zoom_levels[i]);
        return;
      }
}

void
evident_page_view_zoom_out (EvidentPageView *self)
{
  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < self->zoom - 1e-3)
      {
        evident_page_view_set_zoom (self, zoom_levels[i - 1]);
        return;
      }
}

/**
 * evident_page_view_search:
 * @text: (nullable): what to find; %NULL or "" clears the search
 *
 * Finds @text in the document, in the document renderer, from the current
 * page on, and highlights the matches as they are found. The first one found
 * becomes the current match.
 */
void
evident_page_view_search (EvidentPageView *self,
                          const char      *text)
{
  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));

  if (text == NULL || *text == '\0' || self->document == NULL)
    {
      evident_page_search_clear (self->search);
      return;
    }

  evident_page_search_start (self->search, self->document, text, self->current_page);
}

gboolean
evident_page_view_get_searching (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), FALSE);

  return evident_page_search_get_searching (self->search);
}

guint
evident_page_view_get_n_matches (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), 0);

  return evident_page_search_get_n_matches (self->search);
}

/**
 * evident_page_view_get_current_match:
 *
 * Returns: the current match's position among all matches in document
 *   order, 1-based; 0 when there is none
 */
guint
evident_page_view_get_current_match (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), 0);

  return evident_page_search_get_current_match (self->search);
}

void
evident_page_view_find_next (EvidentPageView *self)
{
  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));

  evident_page_search_step (self->search, 1);
}

void
evident_page_view_find_previous (EvidentPageView *self)
{
  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));

  evident_page_search_step (self->search, -1);
}

/**
 * evident_page_view_set_size_hint:
 *
 * The size the view will have once it is allocated, for a view that has
 * not been yet: the first page of the next document can be asked for
 * before the first frame lays the view out.
 */
void
evident_page_view_set_size_hint (EvidentPageView *self,
                                 int              width,
                                 int              height)
{
  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));

  self->hint_width = width;
  self->hint_height = height;
}

/* How many pages this document has had rendered (not cancelled) so far. */
guint
evident_page_view_get_n_rendered (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), 0);

  return self->n_rendered;
}

guint
evident_page_view_get_n_cached (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), 0);

  return evident_page_cache_get_n_pages (self->cache);
}

/* The page being rendered and its scale (device pixels per point);
 * FALSE when none is. */
gboolean
evident_page_view_get_render_job (EvidentPageView *self,
                                  guint           *page,
                                  double          *scale)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), FALSE);

  return evident_render_scheduler_get_job (self->scheduler, page, scale);
}

/* The monotonic time of the first snapshot that drew page 1's texture. */
gint64
evident_page_view_get_first_shown (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), 0);

  return self->first_shown;
}
