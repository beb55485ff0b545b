/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A file written beside its destination under a hidden name, locked while
 * it is written, and renamed into place only once complete: a failure or a
 * crash never leaves a half-written file where the destination is, and
 * evident_temporary_sweep() removes what a crash left under the hidden
 * name. */
typedef struct _EvidentTemporary EvidentTemporary;

EvidentTemporary *evident_temporary_new      (const char        *destination,
                                              GError           **error);
const char       *evident_temporary_get_path (EvidentTemporary  *self);
gboolean          evident_temporary_commit   (EvidentTemporary  *self,
                                              gboolean           replace,
                                              GError           **error);
void              evident_temporary_free     (EvidentTemporary  *self);
void              evident_temporary_sweep    (const char        *dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentTemporary, evident_temporary_free)

G_END_DECLS
