/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A file being added as evidence, opened the safe way: only a regular file,
 * a symbolic link resolved to its target, a size within the limit checked
 * before anything is read, and reads that end at the size seen when it was
 * opened. Private to the core; the work of worker threads. */

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _EvidentFileSource EvidentFileSource;

EvidentFileSource *evident_file_source_open               (GFile              *file,
                                                           guint64             max_size,
                                                           GCancellable       *cancellable,
                                                           GError            **error);
void               evident_file_source_free               (EvidentFileSource  *self);

const char        *evident_file_source_get_name           (EvidentFileSource  *self);
GFile             *evident_file_source_get_link_target    (EvidentFileSource  *self);
goffset            evident_file_source_get_size           (EvidentFileSource  *self);

gboolean           evident_file_source_rewind             (EvidentFileSource  *self,
                                                           GCancellable       *cancellable,
                                                           GError            **error);
gboolean           evident_file_source_read               (EvidentFileSource  *self,
                                                           guint8             *buffer,
                                                           gsize               len,
                                                           gsize              *n_read,
                                                           GCancellable       *cancellable,
                                                           GError            **error);
gboolean           evident_file_source_set_changed_error  (EvidentFileSource  *self,
                                                           GError            **error);

char              *evident_content_type_sniff             (const char         *filename,
                                                           const guint8       *data,
                                                           gsize               len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentFileSource, evident_file_source_free)

G_END_DECLS
