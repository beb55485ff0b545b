/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "evident-page-view.h"

/*
 * EvidentPageView: the pages of a PDF document one below the other, or one
 * image, in a GtkScrolledWindow (it implements GtkScrollable).
 *
 * Layout comes from the page sizes the document read while loading, so the
 * scrollbar is right before a single page is rendered. Pages are rendered
 * in a pool of worker threads that run below the main thread's priority,
 * one job at a time per view (the document's lock would serialise more
 * anyway): the visible pages first, from the current page outwards, then
 * PREFETCH pages either side. The cache holds those pages
 * only, and at most MAX_CACHE_BYTES; a job whose page scrolled out of that
 * range, or whose zoom is stale, is cancelled before it renders. Until a
 * page's texture at the current zoom arrives, the view shows the texture it
 * has at another zoom, scaled, or a blank page.
 *
 * Search runs on a worker thread page by page, from the current page
 * onwards, taking the document's lock for one page at a time; each page's
 * matches reach the main thread as they are found.
 *
 * Jobs never hold a strong reference on the view: their callbacks use a weak
 * reference and the job pointer, and dispose cancels them.
 */

#define PT_TO_PX        (96.0 / 72.0)
#define MARGIN          12.0
#define SPACING         12.0
#define PREFETCH        2
#define MIN_ZOOM        0.1
#define MAX_ZOOM        8.0
#define MAX_CACHE_BYTES (192 * 1024 * 1024)
#define SCROLL_STEP     48.0

static const double zoom_levels[] = {
  0.1, 0.25, 1.0 / 3.0, 0.5, 2.0 / 3.0, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0,
};

typedef struct
{
  GdkTexture *texture;
  double      scale;
} CachedPage;

typedef struct
{
  EvidentPdfDocument *document;
  GCancellable       *cancellable;
  GMainContext       *context;
  GWeakRef            view;
  guint               page;
  double              scale;
  int                 width;
  int                 height;

  /* Set by the worker. */
  GdkTexture         *texture;
  GError             *error;
} RenderJob;

typedef struct
{
  gatomicrefcount     ref_count;
  EvidentPdfDocument *document;
  GMainContext       *context;
  GCancellable       *cancellable;
  GWeakRef            view;
  char               *text;
  guint               first_page;
} SearchJob;

typedef struct
{
  SearchJob *job;
  guint      page;
  GArray    *rects;
} SearchResult;

struct _EvidentPageView
{
  GtkWidget           parent_instance;

  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;

  /* One of the two, or neither. */
  EvidentPdfDocument *document;
  GdkTexture         *image;
  guint               n_pages;

  /* Layout, in CSS pixels; valid when layout_valid. */
  double             *offsets;
  double              zoom;
  double              manual_zoom;
  double              content_width;
  double              content_height;
  int                 layout_width;
  int                 layout_height;
  guint               current_page;

  /* Rendering. */
  GHashTable         *cache;
  gsize               cache_bytes;
  RenderJob          *job;
  guint               n_rendered;
  gint64              first_shown;

  guint               notify_idle;

  /* Search. */
  SearchJob          *search;
  GPtrArray          *matches;
  guint               n_matches;
  int                 match_page;
  int                 match_index;

  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;
  guint               fit : 1;
  guint               layout_valid : 1;
  guint               searching : 1;
  guint               pinning_page : 1;
  guint               allocating : 1;
  guint               match_scroll_pending : 1;
  guint               pending_page_notify : 1;
  guint               pending_zoom_notify : 1;
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

static void
cached_page_free (CachedPage *cached)
{
  g_clear_object (&cached->texture);
  g_free (cached);
}

static void
clear_rects (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static gsize
texture_bytes (GdkTexture *texture)
{
  return (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
}

static void
render_job_free (RenderJob *job)
{
  g_clear_object (&job->document);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_weak_ref_clear (&job->view);
  g_clear_object (&job->texture);
  g_clear_error (&job->error);
  g_free (job);
}

static SearchJob *
search_job_ref (SearchJob *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

static void
search_job_unref (SearchJob *job)
{
  if (g_atomic_ref_count_dec (&job->ref_count))
    {
      g_clear_object (&job->document);
      g_clear_object (&job->cancellable);
      g_clear_pointer (&job->context, g_main_context_unref);
      g_weak_ref_clear (&job->view);
      g_free (job->text);
      g_free (job);
    }
}

static void
search_result_free (SearchResult *result)
{
  search_job_unref (result->job);
  g_clear_pointer (&result->rects, g_array_unref);
  g_free (result);
}

static void
release_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_object_unref (task_data);
  g_task_return_boolean (task, TRUE);
}

/* Poppler takes a while to free a big document: not on the main thread. */
static void
release_document (EvidentPdfDocument **document)
{
  g_autoptr(GTask) task = NULL;

  if (*document == NULL)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, release_document);
  g_task_set_name (task, "[evident] free PDF");
  g_task_set_task_data (task, g_steal_pointer (document), NULL);
  g_task_run_in_thread (task, release_thread);
}

/* Page geometry: points for PDF pages; an image's pixels count as CSS
 * pixels at 100 %. */
static void
get_page_size (EvidentPageView *self,
               guint            page,
               double          *width,
               double          *height)
{
  if (self->document != NULL)
    {
      evident_pdf_document_get_page_size (self->document, page, width, height);
    }
  else if (self->image != NULL)
    {
      *width = gdk_texture_get_width (self->image) / PT_TO_PX;
      *height = gdk_texture_get_height (self->image) / PT_TO_PX;
    }
  else
    {
      *width = *height = 0;
    }
}

static double
get_max_page_width (EvidentPageView *self)
{
  double width = 0;
  double height;

  if (self->document != NULL)
    return evident_pdf_document_get_max_width (self->document);
  if (self->image != NULL)
    get_page_size (self, 0, &width, &height);
  return width;
}

/* CSS pixels per point at the current zoom. */
static inline double
get_ppx (EvidentPageView *self)
{
  return self->zoom * PT_TO_PX;
}

static void
get_page_rect (EvidentPageView *self,
               guint            page,
               graphene_rect_t *rect)
{
  double ppx = get_ppx (self);
  double width;
  double height;
  double area_width;

  /* Whole pixels, so that a texture of the same size in device pixels
   * is drawn as is, not resampled. */
  get_page_size (self, page, &width, &height);
  width = MAX (1, round (width * ppx));
  height = MAX (1, round (height * ppx));
  area_width = MAX (self->content_width, self->layout_width);

  graphene_rect_init (rect, floor ((area_width - width) / 2), self->offsets[page], width, height);
}

/* The last page whose top is at or above y. */
static guint
get_page_at_y (EvidentPageView *self,
               double           y)
{
  guint lo = 0;
  guint hi = self->n_pages;

  g_assert (self->n_pages > 0);

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->offsets[mid] <= y)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static gboolean
get_visible_range (EvidentPageView *self,
                   guint           *first,
                   guint           *last)
{
  double top;
  double bottom;
  graphene_rect_t rect;

  if (!self->layout_valid || self->n_pages == 0 || self->layout_height <= 0)
    return FALSE;

  top = gtk_adjustment_get_value (self->vadjustment);
  bottom = top + self->layout_height;

  *first = get_page_at_y (self, top);
  get_page_rect (self, *first, &rect);
  /* top is in the gap below *first */
  if (rect.origin.y + rect.size.height <= top && *first + 1 < self->n_pages)
    *first += 1;
  *last = get_page_at_y (self, bottom);
  if (*last > *first && self->offsets[*last] >= bottom)
    *last -= 1;

  return TRUE;
}

static guint
compute_current_page (EvidentPageView *self)
{
  double top;
  double bottom;
  double best_visible = -1;
  guint best = 0;
  guint first;
  guint last;

  if (!get_visible_range (self, &first, &last))
    return 0;

  top = gtk_adjustment_get_value (self->vadjustment);
  bottom = top + self->layout_height;

  /* Scrolled to the end: the last page, even if the one before shows as
   * much of itself. */
  if (top > 0 && bottom >= self->content_height - 0.5)
    return last;

  for (guint i = first; i <= last; i++)
    {
      graphene_rect_t rect;
      double visible;

      get_page_rect (self, i, &rect);
      visible = MIN (bottom, rect.origin.y + rect.size.height) - MAX (top, rect.origin.y);
      if (visible > best_visible + 0.5)
        {
          best_visible = visible;
          best = i;
        }
    }

  return best;
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

  page = compute_current_page (self);
  set_current_page (self, page);
}

/* Layout */

static double
compute_fit_zoom (EvidentPageView *self,
                  int              width,
                  int              height)
{
  double page_width = get_max_page_width (self) * PT_TO_PX;
  double zoom;

  if (page_width <= 0)
    return 1.0;

  zoom = (width - 2 * MARGIN) / page_width;

  /* An image fits whole and is never blown up. */
  if (self->image != NULL)
    {
      double page_height;
      double w;

      get_page_size (self, 0, &w, &page_height);
      page_height *= PT_TO_PX;
      zoom = MIN (zoom, (height - 2 * MARGIN) / page_height);
      zoom = MIN (zoom, 1.0);
    }

  return CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
}

static void
relayout (EvidentPageView *self,
          int              width,
          int              height)
{
  double old_zoom = self->zoom;
  gboolean had_layout = self->layout_valid && self->n_pages > 0;
  guint anchor_page = 0;
  double anchor_fraction = 0;
  double ppx;
  double y;

  /* Keep the point at the top of the view where it is on the page. */
  if (had_layout)
    {
      double value = gtk_adjustment_get_value (self->vadjustment);
      graphene_rect_t rect;

      anchor_page = get_page_at_y (self, value);
      get_page_rect (self, anchor_page, &rect);
      anchor_fraction = (value - rect.origin.y) / MAX (rect.size.height, 1);
    }

  self->zoom = self->fit ? compute_fit_zoom (self, width, height) : self->manual_zoom;

  ppx = get_ppx (self);
  y = MARGIN;
  for (guint i = 0; i < self->n_pages; i++)
    {
      double page_width;
      double page_height;

      get_page_size (self, i, &page_width, &page_height);
      self->offsets[i] = y;
      y += MAX (1, round (page_height * ppx)) + SPACING;
    }

  self->content_height = self->n_pages > 0 ? y - SPACING + MARGIN : 0;

  /* An image smaller than the view sits in its middle. */
  if (self->image != NULL && self->content_height < height)
    self->offsets[0] += floor ((height - self->content_height) / 2);
  self->content_width = self->n_pages > 0 ? ceil (get_max_page_width (self) * ppx) + 2 * MARGIN : 0;
  self->layout_width = width;
  self->layout_height = height;
  self->layout_valid = TRUE;

  if (had_layout && old_zoom != self->zoom)
    {
      graphene_rect_t rect;
      double value;

      get_page_rect (self, anchor_page, &rect);
      value = rect.origin.y + anchor_fraction * rect.size.height;
      gtk_adjustment_configure (self->vadjustment, value, 0,
                                MAX (self->content_height, height),
                                height * 0.1, height * 0.9, height);
    }

  if (old_zoom != self->zoom)
    notify_page_or_zoom (self, PROP_ZOOM);
}

static void
configure_adjustments (EvidentPageView *self)
{
  int width = self->layout_width;
  int height = self->layout_height;

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              gtk_adjustment_get_value (self->hadjustment),
                              0, MAX (self->content_width, width),
                              width * 0.1, width * 0.9, width);

  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              gtk_adjustment_get_value (self->vadjustment),
                              0, MAX (self->content_height, height),
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
  if (!self->layout_valid || page >= self->n_pages)
    return;

  /* The page asked for is the current page, even when the view cannot
   * scroll that far (the last pages) or shows the next one as much. */
  self->pinning_page = TRUE;
  scroll_to_y (self, page == 0 ? 0 : self->offsets[page] - SPACING / 2);
  self->pinning_page = FALSE;
  set_current_page (self, page);
}

/* Rendering */

static double
get_render_scale (EvidentPageView *self)
{
  return get_ppx (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
cache_remove (EvidentPageView *self,
              guint            page)
{
  CachedPage *cached = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (page));

  if (cached == NULL)
    return;

  self->cache_bytes -= texture_bytes (cached->texture);
  g_hash_table_remove (self->cache, GUINT_TO_POINTER (page));
}

static void
cache_insert (EvidentPageView *self,
              guint            page,
              GdkTexture      *texture,
              double           scale)
{
  CachedPage *cached;

  cache_remove (self, page);

  cached = g_new0 (CachedPage, 1);
  cached->texture = g_object_ref (texture);
  cached->scale = scale;
  self->cache_bytes += texture_bytes (texture);
  g_hash_table_insert (self->cache, GUINT_TO_POINTER (page), cached);
}

static void
cancel_render (EvidentPageView *self)
{
  if (self->job != NULL)
    {
      g_cancellable_cancel (self->job->cancellable);
      self->job = NULL;
    }
}

static gboolean
is_wanted (guint page,
           guint lo,
           guint hi)
{
  return page >= lo && page <= hi;
}

/* Drops what is out of range, then the farthest pages until the cache
 * fits, but never a visible page. */
static void
evict (EvidentPageView *self,
       guint            first,
       guint            last,
       guint            lo,
       guint            hi)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint page = GPOINTER_TO_UINT (key);

      if (!is_wanted (page, lo, hi))
        {
          CachedPage *cached = g_hash_table_lookup (self->cache, key);

          self->cache_bytes -= texture_bytes (cached->texture);
          g_hash_table_iter_remove (&iter);
        }
    }

  while (self->cache_bytes > MAX_CACHE_BYTES)
    {
      guint farthest = G_MAXUINT;
      guint distance = 0;

      g_hash_table_iter_init (&iter, self->cache);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          guint page = GPOINTER_TO_UINT (key);
          guint d;

          if (page >= first && page <= last)
            continue;
          d = page < first ? first - page : page - last;
          if (d > distance)
            {
              distance = d;
              farthest = page;
            }
        }

      if (farthest == G_MAXUINT)
        break;
      cache_remove (self, farthest);
    }
}

static gboolean
needs_render (EvidentPageView *self,
              guint            page,
              double           scale)
{
  CachedPage *cached = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (page));

  return cached == NULL || fabs (cached->scale - scale) > 1e-6;
}

/* The page to render next: visible pages from the current one outwards,
 * then the pages after, then the pages before. */
static gboolean
next_page_to_render (EvidentPageView *self,
                     guint            first,
                     guint            last,
                     guint            lo,
                     guint            hi,
                     double           scale,
                     guint           *page)
{
  guint current = CLAMP (self->current_page, first, last);

  for (guint d = 0; d <= last - first; d++)
    {
      if (current + d <= last && needs_render (self, current + d, scale))
        return (*page = current + d, TRUE);
      if (d > 0 && current >= first + d && needs_render (self, current - d, scale))
        return (*page = current - d, TRUE);
    }

  for (guint i = last + 1; i <= hi; i++)
    if (needs_render (self, i, scale))
      return (*page = i, TRUE);

  for (guint i = first; i > lo; i--)
    if (needs_render (self, i - 1, scale))
      return (*page = i - 1, TRUE);

  return FALSE;
}

static gboolean
render_done_cb (gpointer data)
{
  RenderJob *job = data;
  g_autoptr(EvidentPageView) self = g_weak_ref_get (&job->view);

  if (self == NULL || self->job != job)
    return G_SOURCE_REMOVE;

  self->job = NULL;

  if (job->texture != NULL && !g_cancellable_is_cancelled (job->cancellable))
    {
      cache_insert (self, job->page, job->texture, job->scale);
      self->n_rendered++;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else if (job->error != NULL && !g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autoptr(GBytes) white = g_bytes_new_static ("\xff\xff\xff\xff", 4);
      g_autoptr(GdkTexture) blank = NULL;

      g_warning ("Cannot render page %u: %s", job->page + 1, job->error->message);

      /* Not again and again: remember the failure as a blank page. */
      blank = gdk_memory_texture_new (1, 1, GDK_MEMORY_DEFAULT, white, 4);
      cache_insert (self, job->page, blank, job->scale);
    }

  schedule_render (self);

  return G_SOURCE_REMOVE;
}

static void
render_thread (gpointer data,
               gpointer user_data)
{
  static GPrivate niced;
  RenderJob *job = data;
  GSource *source;

  /* Below the main thread: when both want the CPU (scrolling), the frame
   * comes first and the pages after. */
  if (g_private_get (&niced) == NULL)
    {
#ifdef __linux__
      setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10);
#endif
      g_private_set (&niced, GINT_TO_POINTER (1));
    }

  job->texture = evident_pdf_document_render_page (job->document, job->page,
                                                   job->width, job->height,
                                                   job->cancellable, &job->error);

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[evident] page rendered");
  g_source_set_callback (source, render_done_cb, job, (GDestroyNotify) render_job_free);
  g_source_attach (source, job->context);
  g_source_unref (source);
}

/* Render jobs run in threads of their own, at a lower priority than the
 * main thread; one job per view at a time. */
static GThreadPool *
get_render_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      GThreadPool *new_pool = g_thread_pool_new (render_thread, NULL, 2, TRUE, NULL);

      g_once_init_leave (&pool, new_pool);
    }

  return pool;
}

static void
start_render (EvidentPageView *self,
              guint            page,
              double           scale)
{
  RenderJob *job;
  graphene_rect_t rect;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  g_assert (self->job == NULL);

  get_page_rect (self, page, &rect);

  job = g_new0 (RenderJob, 1);
  job->document = g_object_ref (self->document);
  job->cancellable = g_cancellable_new ();
  job->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&job->view, self);
  job->page = page;
  job->scale = scale;
  job->width = (int) rect.size.width * scale_factor;
  job->height = (int) rect.size.height * scale_factor;

  self->job = job;
  g_thread_pool_push (get_render_pool (), job, NULL);
}

static void
schedule_render (EvidentPageView *self)
{
  guint first;
  guint last;
  guint lo;
  guint hi;
  guint page;
  double scale;

  if (self->document == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (!get_visible_range (self, &first, &last))
    return;

  lo = first > PREFETCH ? first - PREFETCH : 0;
  hi = MIN (last + PREFETCH, self->n_pages - 1);
  scale = get_render_scale (self);

  evict (self, first, last, lo, hi);

  if (self->job != NULL)
    {
      /* Let a wanted job finish; one that scrolled away or has the wrong
       * zoom is cancelled: its callback schedules the next. */
      if (!is_wanted (self->job->page, lo, hi) || fabs (self->job->scale - scale) > 1e-6)
        g_cancellable_cancel (self->job->cancellable);
      return;
    }

  if (next_page_to_render (self, first, last, lo, hi, scale, &page))
    start_render (self, page, scale);
}

/* Search */

static gboolean
search_result_cb (gpointer user_data)
{
  SearchResult *result = user_data;
  g_autoptr(EvidentPageView) self = NULL;

  if (g_cancellable_is_cancelled (result->job->cancellable))
    return G_SOURCE_REMOVE;

  self = g_weak_ref_get (&result->job->view);
  if (self == NULL || self->search != result->job || result->page >= self->n_pages)
    return G_SOURCE_REMOVE;

  g_ptr_array_index (self->matches, result->page) = g_steal_pointer (&result->rects);
  self->n_matches += ((GArray *) g_ptr_array_index (self->matches, result->page))->len;

  /* The first match found is the first from the current page on: go there. */
  if (self->match_page < 0)
    {
      self->match_page = result->page;
      self->match_index = 0;
      update_scrolling (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_MATCH]);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchJob *job = task_data;
  guint n_pages = evident_pdf_document_get_n_pages (job->document);

  for (guint i = 0; i < n_pages; i++)
    {
      guint page = (job->first_page + i) % n_pages;
      GArray *rects;
      SearchResult *result;
      GSource *source;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      rects = evident_pdf_document_find_text (job->document, page, job->text, cancellable);
      if (rects->len == 0)
        {
          g_array_unref (rects);
          continue;
        }

      result = g_new0 (SearchResult, 1);
      result->job = search_job_ref (job);
      result->page = page;
      result->rects = rects;
      /* Not g_main_context_invoke (): it would run the callback on this
       * thread whenever the main thread is between two iterations. */
      source = g_idle_source_new ();
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_static_name (source, "[evident] search result");
      g_source_set_callback (source, search_result_cb, result, (GDestroyNotify) search_result_free);
      g_source_attach (source, job->context);
      g_source_unref (source);
    }

  g_task_return_boolean (task, TRUE);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EvidentPageView) self = g_weak_ref_get (user_data);
  SearchJob *job = g_task_get_task_data (G_TASK (result));

  weak_ref_free (user_data);

  if (self == NULL || self->search != job)
    return;

  g_clear_pointer (&self->search, search_job_unref);
  self->searching = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static void
clear_search (EvidentPageView *self)
{
  gboolean had_matches = self->n_matches > 0 || self->match_page >= 0;

  if (self->search != NULL)
    {
      g_cancellable_cancel (self->search->cancellable);
      g_clear_pointer (&self->search, search_job_unref);
    }

  g_ptr_array_set_size (self->matches, 0);
  g_ptr_array_set_size (self->matches, self->n_pages);
  self->n_matches = 0;
  self->match_page = -1;
  self->match_index = -1;
  self->match_scroll_pending = FALSE;

  if (self->searching)
    {
      self->searching = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
    }

  if (had_matches)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_MATCH]);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static GArray *
get_page_matches (EvidentPageView *self,
                  guint            page)
{
  if (page >= self->matches->len)
    return NULL;
  return g_ptr_array_index (self->matches, page);
}

/* Brings the current match into view, centred if it was out of it. */
static void
update_scrolling (EvidentPageView *self)
{
  GArray *rects;
  graphene_rect_t page_rect;
  graphene_rect_t *match;
  double ppx = get_ppx (self);
  double top;
  double height;
  double value;
  double x;

  if (self->match_page < 0)
    return;

  /* Found before the first layout: once there is one. */
  if (!self->layout_valid)
    {
      self->match_scroll_pending = TRUE;
      return;
    }
  self->match_scroll_pending = FALSE;

  rects = get_page_matches (self, self->match_page);
  if (rects == NULL || self->match_index < 0 || (guint) self->match_index >= rects->len)
    return;

  match = &g_array_index (rects, graphene_rect_t, self->match_index);
  get_page_rect (self, self->match_page, &page_rect);

  top = page_rect.origin.y + match->origin.y * ppx;
  height = match->size.height * ppx;
  value = gtk_adjustment_get_value (self->vadjustment);
  if (top < value || top + height > value + self->layout_height)
    scroll_to_y (self, top + height / 2 - self->layout_height / 2.0);

  x = page_rect.origin.x + match->origin.x * ppx;
  if (self->hadjustment != NULL)
    {
      double hvalue = gtk_adjustment_get_value (self->hadjustment);

      if (x < hvalue || x + match->size.width * ppx > hvalue + self->layout_width)
        gtk_adjustment_set_value (self->hadjustment, x - self->layout_width / 3.0);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
step_match (EvidentPageView *self,
            int              direction)
{
  int page = self->match_page;
  int index = self->match_index + direction;

  if (self->n_matches == 0 || page < 0)
    return;

  for (guint i = 0; i <= self->n_pages; i++)
    {
      GArray *rects = get_page_matches (self, page);

      if (rects != NULL && index >= 0 && (guint) index < rects->len)
        {
          self->match_page = page;
          self->match_index = index;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_MATCH]);
          update_scrolling (self);
          return;
        }

      page = (page + direction + self->n_pages) % self->n_pages;
      rects = get_page_matches (self, page);
      index = direction > 0 ? 0 : (rects != NULL ? (int) rects->len - 1 : -1);
    }
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

  if (self->layout_valid)
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
            size = ceil (get_max_page_width (self) * self->manual_zoom * PT_TO_PX) + 2 * MARGIN;
        }
      else
        {
          double zoom = self->manual_zoom;
          double ppx;

          if (self->fit)
            zoom = compute_fit_zoom (self, for_size >= 0 ? for_size : self->layout_width, 0);
          ppx = zoom * PT_TO_PX;

          size = 2 * MARGIN - SPACING;
          for (guint i = 0; i < self->n_pages; i++)
            {
              double page_width;
              double page_height;

              get_page_size (self, i, &page_width, &page_height);
              size += MAX (1, round (page_height * ppx)) + SPACING;
            }
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

  if (!get_visible_range (self, &first, &last))
    return;

  /* On whole device pixels too: no resampling. */
  scale_factor = gtk_widget_get_scale_factor (widget);
  x = round (gtk_adjustment_get_value (self->hadjustment) * scale_factor) / scale_factor;
  y = round (gtk_adjustment_get_value (self->vadjustment) * scale_factor) / scale_factor;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-x, -y));

  for (guint i = first; i <= last; i++)
    {
      CachedPage *cached = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (i));
      GArray *rects = get_page_matches (self, i);
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
          gtk_snapshot_append_texture (snapshot, cached != NULL ? cached->texture : self->image, &rect);
          if (i == 0 && self->first_shown == 0)
            self->first_shown = g_get_monotonic_time ();
        }

      for (guint j = 0; rects != NULL && j < rects->len; j++)
        {
          const graphene_rect_t *match = &g_array_index (rects, graphene_rect_t, j);
          gboolean is_current = (int) i == self->match_page && (int) j == self->match_index;

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

  cancel_render (self);
  clear_search (self);

  g_clear_handle_id (&self->notify_idle, g_source_remove);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  g_hash_table_remove_all (self->cache);
  self->cache_bytes = 0;
  release_document (&self->document);
  g_clear_object (&self->image);

  G_OBJECT_CLASS (evident_page_view_parent_class)->dispose (object);
}

static void
evident_page_view_finalize (GObject *object)
{
  EvidentPageView *self = (EvidentPageView *)object;

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->offsets, g_free);

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
      g_value_set_boolean (value, self->searching);
      break;

    case PROP_N_MATCHES:
      g_value_set_uint (value, self->n_matches);
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
  self->match_page = -1;
  self->match_index = -1;
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cached_page_free);
  self->matches = g_ptr_array_new_with_free_func (clear_rects);

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

  cancel_render (self);
  clear_search (self);
  g_hash_table_remove_all (self->cache);
  self->cache_bytes = 0;
  self->n_rendered = 0;
  self->first_shown = 0;

  if (document != NULL)
    g_object_ref (document);
  release_document (&self->document);
  self->document = document;
  g_set_object (&self->image, image);

  if (document != NULL)
    self->n_pages = evident_pdf_document_get_n_pages (document);
  else if (image != NULL)
    self->n_pages = 1;
  else
    self->n_pages = 0;

  g_clear_pointer (&self->offsets, g_free);
  self->offsets = g_new0 (double, MAX (self->n_pages, 1));
  g_ptr_array_set_size (self->matches, self->n_pages);
  self->current_page = 0;
  self->layout_valid = FALSE;

  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);

  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

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

  if (self->layout_valid && self->n_pages > 0)
    {
      /* Now, rather than at the next allocation, so that the adjustments
       * and the current page are right at once. The size the view asks
       * for changes too: the scrollbars may come or go. */
      relayout (self, self->layout_width, self->layout_height);
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
 * Finds @text in the document on a worker thread, from the current page
 * on, and highlights the matches as they are found. The first one found
 * becomes the current match.
 */
void
evident_page_view_search (EvidentPageView *self,
                          const char      *text)
{
  g_autoptr(GTask) task = NULL;
  SearchJob *job;

  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));

  clear_search (self);

  if (text == NULL || *text == '\0' || self->document == NULL)
    return;

  job = g_new0 (SearchJob, 1);
  g_atomic_ref_count_init (&job->ref_count);
  job->document = g_object_ref (self->document);
  job->context = g_main_context_ref_thread_default ();
  job->cancellable = g_cancellable_new ();
  g_weak_ref_init (&job->view, self);
  job->text = g_strdup (text);
  job->first_page = self->current_page;

  self->search = job;
  self->searching = TRUE;

  task = g_task_new (NULL, job->cancellable, search_done_cb, weak_ref_new (self));
  g_task_set_source_tag (task, evident_page_view_search);
  g_task_set_name (task, "[evident] find text");
  g_task_set_task_data (task, search_job_ref (job), (GDestroyNotify) search_job_unref);
  g_task_run_in_thread (task, search_thread);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

gboolean
evident_page_view_get_searching (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), FALSE);

  return self->searching;
}

guint
evident_page_view_get_n_matches (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), 0);

  return self->n_matches;
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
  guint position = 0;

  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), 0);

  if (self->match_page < 0)
    return 0;

  for (int i = 0; i < self->match_page; i++)
    {
      GArray *rects = get_page_matches (self, i);

      if (rects != NULL)
        position += rects->len;
    }

  return position + self->match_index + 1;
}

void
evident_page_view_find_next (EvidentPageView *self)
{
  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));

  step_match (self, 1);
}

void
evident_page_view_find_previous (EvidentPageView *self)
{
  g_return_if_fail (EVIDENT_IS_PAGE_VIEW (self));

  step_match (self, -1);
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

  return g_hash_table_size (self->cache);
}

/* The monotonic time of the first snapshot that drew page 1's texture. */
gint64
evident_page_view_get_first_shown (EvidentPageView *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_VIEW (self), 0);

  return self->first_shown;
}
