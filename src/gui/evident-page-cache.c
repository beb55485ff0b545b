/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "evident-page-cache.h"

/*
 * EvidentPageCache: the rendered pages of one document, as textures with
 * the scale they were rendered at, and which page to render next.
 *
 * Its range is the visible pages and PREFETCH pages either side: it keeps
 * those pages only, and at most MAX_CACHE_BYTES of them, dropping the
 * farthest first but never a visible page. It asks for the visible pages
 * first, from the current page outwards, then the pages after, then the
 * pages before, each until it holds them at the scale asked for (as
 * papers' pixbuf cache does for its view).
 */

#define PREFETCH        2
#define MAX_CACHE_BYTES (192 * 1024 * 1024)

typedef struct
{
  GdkTexture *texture;
  double      scale;
} CachedPage;

struct _EvidentPageCache
{
  GObject     parent_instance;

  GHashTable *pages;  /* page number → CachedPage */
  gsize       n_bytes;

  /* The visible pages, and the pages kept: lo ≤ first ≤ last ≤ hi */
  guint       first;
  guint       last;
  guint       lo;
  guint       hi;
  guint       has_range : 1;
};

G_DEFINE_FINAL_TYPE (EvidentPageCache, evident_page_cache, G_TYPE_OBJECT)

static void
cached_page_free (CachedPage *cached)
{
  g_clear_object (&cached->texture);
  g_free (cached);
}

static gsize
texture_bytes (GdkTexture *texture)
{
  return (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
}

static void
remove_page (EvidentPageCache *self,
             guint             page)
{
  CachedPage *cached = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (cached == NULL)
    return;

  self->n_bytes -= texture_bytes (cached->texture);
  g_hash_table_remove (self->pages, GUINT_TO_POINTER (page));
}

/* Drops what is out of range, then the farthest pages until the cache
 * fits, but never a visible page. */
static void
evict (EvidentPageCache *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint page = GPOINTER_TO_UINT (key);

      if (!evident_page_cache_wants (self, page))
        {
          CachedPage *cached = g_hash_table_lookup (self->pages, key);

          self->n_bytes -= texture_bytes (cached->texture);
          g_hash_table_iter_remove (&iter);
        }
    }

  while (self->n_bytes > MAX_CACHE_BYTES)
    {
      guint farthest = G_MAXUINT;
      guint distance = 0;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          guint page = GPOINTER_TO_UINT (key);
          guint d;

          if (page >= self->first && page <= self->last)
            continue;
          d = page < self->first ? self->first - page : page - self->last;
          if (d > distance)
            {
              distance = d;
              farthest = page;
            }
        }

      if (farthest == G_MAXUINT)
        break;
      remove_page (self, farthest);
    }
}

static gboolean
needs_render (EvidentPageCache *self,
              guint             page,
              double            scale)
{
  CachedPage *cached = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  return cached == NULL || fabs (cached->scale - scale) > 1e-6;
}

static void
evident_page_cache_finalize (GObject *object)
{
  EvidentPageCache *self = EVIDENT_PAGE_CACHE (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (evident_page_cache_parent_class)->finalize (object);
}

static void
evident_page_cache_class_init (EvidentPageCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = evident_page_cache_finalize;
}

static void
evident_page_cache_init (EvidentPageCache *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cached_page_free);
}

/* Public API */

EvidentPageCache *
evident_page_cache_new (void)
{
  return g_object_new (EVIDENT_TYPE_PAGE_CACHE, NULL);
}

/**
 * evident_page_cache_lookup:
 * @page: 0-based
 *
 * Returns: (transfer none) (nullable): @page's texture, at whatever scale
 *   it was rendered
 */
GdkTexture *
evident_page_cache_lookup (EvidentPageCache *self,
                           guint             page)
{
  CachedPage *cached;

  g_return_val_if_fail (EVIDENT_IS_PAGE_CACHE (self), NULL);

  cached = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  return cached != NULL ? cached->texture : NULL;
}

/**
 * evident_page_cache_insert:
 * @page: 0-based
 * @texture: @page rendered at @scale
 * @scale: device pixels per point
 *
 * Keeps @texture for @page, in place of what the cache had for it.
 */
void
evident_page_cache_insert (EvidentPageCache *self,
                           guint             page,
                           GdkTexture       *texture,
                           double            scale)
{
  CachedPage *cached;

  g_return_if_fail (EVIDENT_IS_PAGE_CACHE (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  remove_page (self, page);

  cached = g_new0 (CachedPage, 1);
  cached->texture = g_object_ref (texture);
  cached->scale = scale;
  self->n_bytes += texture_bytes (texture);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), cached);
}

/* Drops every page: another document, or none. */
void
evident_page_cache_clear (EvidentPageCache *self)
{
  g_return_if_fail (EVIDENT_IS_PAGE_CACHE (self));

  g_hash_table_remove_all (self->pages);
  self->n_bytes = 0;
  self->has_range = FALSE;
}

/* How many pages the cache holds. */
guint
evident_page_cache_get_n_pages (EvidentPageCache *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_CACHE (self), 0);

  return g_hash_table_size (self->pages);
}

/**
 * evident_page_cache_set_range:
 * @first: the first visible page, 0-based
 * @last: the last visible page
 * @n_pages: how many pages the document has
 *
 * Keeps the visible pages and the pages either side of them, and drops
 * the others.
 */
void
evident_page_cache_set_range (EvidentPageCache *self,
                              guint             first,
                              guint             last,
                              guint             n_pages)
{
  g_return_if_fail (EVIDENT_IS_PAGE_CACHE (self));
  g_return_if_fail (first <= last && last < n_pages);

  self->first = first;
  self->last = last;
  self->lo = first > PREFETCH ? first - PREFETCH : 0;
  self->hi = MIN (last + PREFETCH, n_pages - 1);
  self->has_range = TRUE;

  evict (self);
}

/* Whether @page is in the range the cache keeps. */
gboolean
evident_page_cache_wants (EvidentPageCache *self,
                          guint             page)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_CACHE (self), FALSE);

  return self->has_range && page >= self->lo && page <= self->hi;
}

/**
 * evident_page_cache_next_to_render:
 * @current: the current page, 0-based
 * @scale: the scale the pages are wanted at
 * @page: (out): the page to render next
 *
 * Returns: whether a page of the range is missing, or is there at another
 *   scale: the visible ones from @current outwards, then the pages after,
 *   then the pages before
 */
gboolean
evident_page_cache_next_to_render (EvidentPageCache *self,
                                   guint             current,
                                   double            scale,
                                   guint            *page)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_CACHE (self), FALSE);

  if (!self->has_range)
    return FALSE;

  current = CLAMP (current, self->first, self->last);

  for (guint d = 0; d <= self->last - self->first; d++)
    {
      if (current + d <= self->last && needs_render (self, current + d, scale))
        return (*page = current + d, TRUE);
      if (d > 0 && current >= self->first + d && needs_render (self, current - d, scale))
        return (*page = current - d, TRUE);
    }

  for (guint i = self->last + 1; i <= self->hi; i++)
    if (needs_render (self, i, scale))
      return (*page = i, TRUE);

  for (guint i = self->first; i > self->lo; i--)
    if (needs_render (self, i - 1, scale))
      return (*page = i - 1, TRUE);

  return FALSE;
}
