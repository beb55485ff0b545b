/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "evident-pdf-document.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_RENDER_SCHEDULER (evident_render_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (EvidentRenderScheduler, evident_render_scheduler, EVIDENT, RENDER_SCHEDULER, GObject)

EvidentRenderScheduler *evident_render_scheduler_new     (void);
void                    evident_render_scheduler_render  (EvidentRenderScheduler *self,
                                                          EvidentPdfDocument     *document,
                                                          guint                   page,
                                                          double                  scale,
                                                          int                     width,
                                                          int                     height);
gboolean                evident_render_scheduler_get_job (EvidentRenderScheduler *self,
                                                          guint                  *page,
                                                          double                 *scale);
void                    evident_render_scheduler_take_arrived (EvidentRenderScheduler *self,
                                                               guint                   wait_ms);
void                    evident_render_scheduler_cancel  (EvidentRenderScheduler *self);
void                    evident_render_scheduler_clear   (EvidentRenderScheduler *self);

G_END_DECLS
