/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-render-protocol.h"

G_BEGIN_DECLS

#define EVIDENT_RENDER_ERROR (evident_render_error_quark ())

/* Why the helper is gone. */
typedef enum
{
  EVIDENT_RENDER_ERROR_TIMEOUT,       /* a request took too long: stopped */
  EVIDENT_RENDER_ERROR_CRASHED,       /* it ended: a crash, its memory limit */
  EVIDENT_RENDER_ERROR_UNAVAILABLE,   /* it could not be started */
  EVIDENT_RENDER_ERROR_PROTOCOL,      /* it said what it must not: stopped */
} EvidentRenderError;

#define EVIDENT_TYPE_RENDER_CLIENT (evident_render_client_get_type ())

G_DECLARE_FINAL_TYPE (EvidentRenderClient, evident_render_client, EVIDENT, RENDER_CLIENT, GObject)

/**
 * EvidentRenderReplyFunc:
 * @message: (nullable): a reply; its fd may be taken (set it to -1)
 * @error: (nullable): when @message is %NULL, why there is none: the
 *   helper is gone
 *
 * Returns: %FALSE when @message is not a reply the request allows: the
 *   helper is then stopped as misbehaving
 */
typedef gboolean (*EvidentRenderReplyFunc) (EvidentRenderClient  *client,
                                            EvidentRenderMessage *message,
                                            const GError         *error,
                                            gpointer              user_data);

/**
 * EvidentRenderTaskFunc:
 * @message: a reply; its fd may be taken (set it to -1)
 *
 * Returns: %FALSE when @message is not a reply the request allows;
 *   otherwise @task is returned with the final reply
 */
typedef gboolean (*EvidentRenderTaskFunc) (GTask                *task,
                                           EvidentRenderMessage *message);

GQuark               evident_render_error_quark            (void);

EvidentRenderClient *evident_render_client_new             (void);
EvidentRenderClient *evident_render_client_get             (void);
void                 evident_render_client_prestart        (void);

gboolean             evident_render_client_is_alive        (EvidentRenderClient   *self);
void                 evident_render_client_read_pending    (EvidentRenderClient   *self,
                                                            guint32                type);
void                 evident_render_client_wait_pending    (EvidentRenderClient   *self,
                                                            guint32                type,
                                                            guint                  timeout_ms);
const GError        *evident_render_client_get_error       (EvidentRenderClient   *self);
gboolean             evident_render_client_should_retire   (EvidentRenderClient   *self);
void                 evident_render_client_note_usage      (EvidentRenderClient   *self,
                                                            guint64                cpu_ms,
                                                            guint64                peak_rss_kb);

guint32              evident_render_client_new_document_id (EvidentRenderClient   *self);
guint32              evident_render_client_request         (EvidentRenderClient   *self,
                                                            guint32                type,
                                                            guint32                document,
                                                            const void            *payload,
                                                            gsize                  size,
                                                            const void            *tail,
                                                            gsize                  tail_size,
                                                            int                    fd,
                                                            EvidentRenderReplyFunc func,
                                                            gpointer               user_data,
                                                            GDestroyNotify         destroy);
void                 evident_render_client_request_task    (EvidentRenderClient   *self,
                                                            GTask                 *task,
                                                            guint32                type,
                                                            guint32                document,
                                                            const void            *payload,
                                                            gsize                  size,
                                                            const void            *tail,
                                                            gsize                  tail_size,
                                                            int                    fd,
                                                            EvidentRenderTaskFunc  func);
void                 evident_render_client_request_task_with_bytes
                                                           (EvidentRenderClient   *self,
                                                            GTask                 *task,
                                                            guint32                type,
                                                            guint32                document,
                                                            const void            *payload,
                                                            gsize                  size,
                                                            const void            *tail,
                                                            gsize                  tail_size,
                                                            GBytes                *bytes,
                                                            EvidentRenderTaskFunc  func);
void                 evident_render_client_cancel          (EvidentRenderClient   *self,
                                                            guint32                request);
void                 evident_render_client_close_document  (EvidentRenderClient   *self,
                                                            guint32                document);

/* For tests and benchmarks. */
gboolean             evident_render_client_has_spare       (void);
int                  evident_render_client_get_pid         (EvidentRenderClient   *self);
gboolean             evident_render_client_get_hello       (EvidentRenderClient   *self,
                                                            EvidentRenderHello    *hello);
void                 evident_render_client_test_async      (EvidentRenderClient   *self,
                                                            EvidentRenderTestOp    op,
                                                            const char            *argument,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean             evident_render_client_test_finish     (EvidentRenderClient      *self,
                                                            GAsyncResult             *result,
                                                            EvidentRenderTestResult  *out,
                                                            GError                  **error);

G_END_DECLS
