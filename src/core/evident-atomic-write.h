/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * EvidentAtomicWriteFunc:
 * @path: a temporary file beside the destination, created empty; the
 *   function may truncate it or replace it with a file of the same name
 * @user_data: what evident_atomic_write() was given
 * @cancellable: (nullable): to give up early
 * @error: where to report failure; messages should name the destination,
 *   which the function knows from @user_data, not the temporary file
 *
 * Writes the whole new content of a file to @path and closes it.
 *
 * Returns: %TRUE when @path holds the complete content
 */
typedef gboolean (*EvidentAtomicWriteFunc) (const char    *path,
                                            gpointer       user_data,
                                            GCancellable  *cancellable,
                                            GError       **error);

gboolean evident_atomic_write       (GFile                   *destination,
                                     EvidentAtomicWriteFunc   func,
                                     gpointer                 user_data,
                                     GCancellable            *cancellable,
                                     GError                 **error);
gboolean evident_atomic_write_bytes (GFile                   *destination,
                                     GBytes                  *bytes,
                                     GCancellable            *cancellable,
                                     GError                 **error);

G_END_DECLS
