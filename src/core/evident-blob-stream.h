/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-db.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_BLOB_STREAM (evident_blob_stream_get_type ())

G_DECLARE_FINAL_TYPE (EvidentBlobStream, evident_blob_stream, EVIDENT, BLOB_STREAM, GInputStream)

GInputStream *evident_blob_stream_new (EvidentDb   *db,
                                       const char  *sha256,
                                       GError     **error);

G_END_DECLS
