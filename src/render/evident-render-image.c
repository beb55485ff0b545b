/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "evident-render-image.h"

/*
 * Images in the helper: PNG, JPEG, TIFF, SVG (librsvg's loader) and
 * whatever else gdk-pixbuf's loaders read, decoded from the bytes the
 * application sent, turned as their EXIF orientation says, and no bigger
 * than the application allows (a loader that can decode at a smaller
 * size, as JPEG's and SVG's can, does so).
 */

typedef struct
{
  guint   max_side;
  guint64 max_pixels;
} Limits;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  const Limits *limits = user_data;
  double scale = 1.0;

  if (width <= 0 || height <= 0)
    return;

  if ((guint64) width * height > limits->max_pixels)
    scale = MIN (scale, sqrt ((double) limits->max_pixels / ((double) width * height)));
  if ((guint) MAX (width, height) > limits->max_side)
    scale = MIN (scale, (double) limits->max_side / MAX (width, height));

  if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
}

/**
 * evident_render_image_decode:
 * @failure: (out): why it could not be decoded
 *
 * Returns: (transfer full) (nullable): the image, 8 bits per sample, RGB
 *   or RGBA
 */
GdkPixbuf *
evident_render_image_decode (GBytes               *bytes,
                             guint                 max_side,
                             guint64               max_pixels,
                             EvidentRenderFailure *failure)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  Limits limits = { MAX (max_side, 1), MAX (max_pixels, 1) };
  GdkPixbuf *pixbuf;

  if (g_bytes_get_size (bytes) == 0)
    {
      *failure = EVIDENT_RENDER_FAILURE_EMPTY;
      return NULL;
    }

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &limits);

  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, &error)
      || !gdk_pixbuf_loader_close (loader, &error))
    {
      if (g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE)
          || g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNSUPPORTED_OPERATION))
        *failure = EVIDENT_RENDER_FAILURE_UNSUPPORTED;
      else if (g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY))
        *failure = EVIDENT_RENDER_FAILURE_NO_MEMORY;
      else
        *failure = EVIDENT_RENDER_FAILURE_DAMAGED;
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL
      || gdk_pixbuf_get_bits_per_sample (pixbuf) != 8
      || gdk_pixbuf_get_colorspace (pixbuf) != GDK_COLORSPACE_RGB
      || gdk_pixbuf_get_n_channels (pixbuf) != (gdk_pixbuf_get_has_alpha (pixbuf) ? 4 : 3))
    {
      *failure = EVIDENT_RENDER_FAILURE_DAMAGED;
      return NULL;
    }

  pixbuf = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (pixbuf == NULL)
    *failure = EVIDENT_RENDER_FAILURE_NO_MEMORY;

  return pixbuf;
}
