/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EVIDENT_TYPE_PREVIEW (evident_preview_get_type ())

G_DECLARE_FINAL_TYPE (EvidentPreview, evident_preview, EVIDENT, PREVIEW, AdwBin)

GtkWidget *evident_preview_new           (void);
void       evident_preview_set_bytes     (EvidentPreview *self,
                                          GBytes         *bytes,
                                          const char     *content_type,
                                          const char     *filename);
void       evident_preview_set_file      (EvidentPreview *self,
                                          GFile          *file);
void       evident_preview_clear         (EvidentPreview *self);

gboolean   evident_preview_get_loading   (EvidentPreview *self);
guint      evident_preview_get_page      (EvidentPreview *self);
void       evident_preview_set_page      (EvidentPreview *self,
                                          guint           page);
guint      evident_preview_get_n_pages   (EvidentPreview *self);
double     evident_preview_get_zoom      (EvidentPreview *self);
void       evident_preview_set_zoom      (EvidentPreview *self,
                                          double          zoom);
gboolean   evident_preview_get_fit_width (EvidentPreview *self);
void       evident_preview_set_fit_width (EvidentPreview *self,
                                          gboolean        fit_width);
void       evident_preview_search        (EvidentPreview *self,
                                          const char     *text);

G_END_DECLS
