/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evident-render-texture.h"

/*
 * Textures from the renderer: pixels arrive in a sealed memfd, which is
 * mapped read-only and wrapped as a GdkMemoryTexture without a copy (the
 * seals guarantee that they can neither change nor shrink under the
 * mapping). Everything the helper says about them is checked first: an
 * impossible size, format or stride, or a file that is not sealed, is a
 * misbehaving helper.
 *
 * Images are decoded by the helper too: their decoders (libpng, libjpeg,
 * libtiff, librsvg behind gdk-pixbuf's loaders) parse untrusted bytes.
 */

/* No image wider or taller than this, nor with more pixels: the helper
 * decodes bigger ones at a smaller size. */
#define MAX_IMAGE_SIDE   16384
#define MAX_IMAGE_PIXELS (G_GUINT64_CONSTANT (64) * 1024 * 1024)

typedef struct
{
  const void *data;
  gsize       size;
} Mapping;

static void
unmap (gpointer data)
{
  Mapping *mapping = data;

  evident_render_memfd_unmap (mapping->data, mapping->size);
  g_free (mapping);
}

/**
 * evident_render_texture_new_from_message:
 * @message: an %EVIDENT_RENDER_PIXELS reply; its fd is used, not taken
 * @max_width: the widest it may be
 * @max_height: the tallest
 *
 * Returns: (transfer full) (nullable): the texture, or %NULL when the
 *   message does not hold one the helper may send
 */
GdkTexture *
evident_render_texture_new_from_message (EvidentRenderMessage *message,
                                         guint                 max_width,
                                         guint                 max_height)
{
  EvidentRenderPixels pixels;
  g_autoptr(GBytes) bytes = NULL;
  GdkMemoryFormat format;
  Mapping *mapping;
  guint bytes_per_pixel;
  guint64 size;

  if (message->header.type != EVIDENT_RENDER_PIXELS || message->size != sizeof pixels
      || message->fd < 0)
    return NULL;

  memcpy (&pixels, message->payload, sizeof pixels);

  switch (pixels.format)
    {
    case EVIDENT_RENDER_FORMAT_ARGB32:
      /* cairo's ARGB32 in native order */
      format = GDK_MEMORY_DEFAULT;
      bytes_per_pixel = 4;
      break;
    case EVIDENT_RENDER_FORMAT_RGBA:
      format = GDK_MEMORY_R8G8B8A8;
      bytes_per_pixel = 4;
      break;
    case EVIDENT_RENDER_FORMAT_RGB:
      format = GDK_MEMORY_R8G8B8;
      bytes_per_pixel = 3;
      break;
    default:
      return NULL;
    }

  if (pixels.width == 0 || pixels.height == 0 || pixels.width > max_width
      || pixels.height > max_height || pixels.stride < (guint64) pixels.width * bytes_per_pixel
      || pixels.stride > (guint64) pixels.width * bytes_per_pixel + 64)
    return NULL;

  size = (guint64) pixels.stride * pixels.height;
  mapping = g_new0 (Mapping, 1);
  mapping->size = size;
  mapping->data = evident_render_memfd_map (message->fd, size);
  if (mapping->data == NULL)
    {
      g_free (mapping);
      return NULL;
    }

  bytes = g_bytes_new_with_free_func (mapping->data, size, unmap, mapping);
  return gdk_memory_texture_new (pixels.width, pixels.height, format, bytes, pixels.stride);
}

static gboolean
decode_reply (GTask                *task,
              EvidentRenderMessage *message)
{
  EvidentRenderFailed failed;
  GdkTexture *texture;

  if (message->header.type == EVIDENT_RENDER_FAILED && message->size >= sizeof failed)
    {
      memcpy (&failed, message->payload, sizeof failed);
      if (failed.failure == EVIDENT_RENDER_FAILURE_EMPTY)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 "%s", _("The file is empty."));
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 "%s", _("The file is damaged or in a format that cannot be previewed."));
      return TRUE;
    }

  texture = evident_render_texture_new_from_message (message, MAX_IMAGE_SIDE, MAX_IMAGE_SIDE);
  if (texture == NULL)
    return FALSE;

  g_task_return_pointer (task, texture, g_object_unref);
  return TRUE;
}

/**
 * evident_render_texture_decode_async:
 *
 * Decodes an image in the helper.
 */
void
evident_render_texture_decode_async (EvidentRenderClient *client,
                                     GBytes              *bytes,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  EvidentRenderImage request = { MAX_IMAGE_SIDE, 0, MAX_IMAGE_PIXELS };
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EVIDENT_IS_RENDER_CLIENT (client));
  g_return_if_fail (bytes != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_render_texture_decode_async);
  evident_render_client_request_task_with_bytes (client, task, EVIDENT_RENDER_DECODE_IMAGE,
                                                 evident_render_client_new_document_id (client),
                                                 &request, sizeof request, NULL, 0, bytes,
                                                 decode_reply);
}

/* Returns: (transfer full): the image */
GdkTexture *
evident_render_texture_decode_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == evident_render_texture_decode_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
