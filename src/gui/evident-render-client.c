/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "evident-render-client.h"

/*
 * EvidentRenderClient: one evident-render process, seen from the
 * application. The helper opens evidence files and renders them in a
 * process of its own (src/render/), so that a hostile or broken file can
 * crash it, loop in it or exhaust its memory without touching the window.
 *
 * The client starts the helper (on a worker thread: the fork is not the
 * main thread's business) and talks to it over a SOCK_SEQPACKET
 * socketpair, on the main context: requests go out as they come, queued
 * while the socket is full; replies are read as they arrive and handed to
 * the request's function. Every request gets one final reply, a
 * cancelled one too, so the client knows when the helper is busy; while
 * it is, a watchdog expects some message from it at least every time
 * limit (10 s, EVIDENT_RENDER_TIMEOUT_MS) and stops it with SIGKILL
 * otherwise. A helper that crashes, is killed, runs out of memory or
 * says what it must not is gone for good: ::died says why, every pending
 * request gets that error, and the next document takes a fresh client.
 *
 * One spare client can be started ahead, in the background, so that the
 * first preview does not wait for a process to start
 * (evident_render_client_prestart ()).
 *
 * Inside the Flatpak the helper runs in a sandbox of its own, started by
 * flatpak-spawn --sandbox (no file system but the runtime and the app, no
 * network), and applies its own limits and filter there too.
 */

#define DEFAULT_TIMEOUT_MS   10000
#define DEFAULT_MEMORY_MB    1024
/* A helper that once took this much is replaced at the next document. */
#define RETIRE_PEAK_RSS_KB   (256 * 1024)
/* Messages handled in one go, so that the main loop breathes. */
#define MAX_READS            64

typedef struct
{
  EvidentRenderReplyFunc func;
  gpointer               user_data;
  GDestroyNotify         destroy;
} Request;

typedef struct
{
  guint32  type;
  guint32  request;
  guint32  document;
  GBytes  *payload;
  int      fd;
} Outgoing;

struct _EvidentRenderClient
{
  GObject               parent_instance;

  int                   socket;       /* -1 once gone */
  GSubprocess          *subprocess;
  guint                 read_id;
  guint                 write_id;
  guint                 watchdog_id;
  GQueue                out;          /* Outgoing, not sent yet */
  GHashTable           *requests;     /* request → Request, until the final reply */
  guint32               next_request;
  guint32               next_document;
  guint                 timeout_ms;
  gint64                last_activity;
  GError               *error;
  EvidentRenderHello    hello;
  gboolean              has_hello;
  gboolean              dying;        /* a send failed: gone at the next idle */
  guint64               cpu_ms;
  guint64               peak_rss_kb;
  EvidentRenderMessage *message;
};

G_DEFINE_FINAL_TYPE (EvidentRenderClient, evident_render_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (evident-render-error-quark, evident_render_error)

enum {
  SIGNAL_DIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static EvidentRenderClient *spare;

/* Helpers */

static void
request_free (Request *request)
{
  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_free (request);
}

static void
outgoing_free (Outgoing *out)
{
  g_clear_pointer (&out->payload, evident_render_bytes_wipe);
  if (out->fd >= 0)
    close (out->fd);
  g_free (out);
}

static guint
get_env_number (const char *name,
                guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 number;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT32, &number, NULL))
    return number;
  return fallback;
}

/* The helper: EVIDENT_RENDER_HELPER, else the one built beside the
 * application when it runs from the build tree, else the installed one. */
static char *
find_helper (void)
{
  const char *env = g_getenv ("EVIDENT_RENDER_HELPER");
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  if (self != NULL && g_str_has_prefix (self, BUILD_ROOT "/"))
    {
      g_autofree char *built = g_build_filename (BUILD_ROOT, "src", "render", "evident-render", NULL);

      if (g_file_test (built, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&built);
    }

  return g_build_filename (LIBEXECDIR, "evident-render", NULL);
}

static GStrv
build_argv (guint timeout_ms,
            guint memory_mb)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *helper = find_helper ();
  g_autofree char *time_limit = g_strdup_printf ("--time-limit=%u", timeout_ms);
  g_autofree char *memory_limit = g_strdup_printf ("--memory-limit=%u", memory_mb);

  /* In the Flatpak: a sandbox of its own, without network or the app's
   * files; the portal ends it when flatpak-spawn goes. */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_strv_builder_add_many (builder, "flatpak-spawn", "--sandbox", "--no-network",
                               "--watch-bus", "--forward-fd=3", NULL);
    }

  g_strv_builder_add_many (builder, helper, "--socket-fd=3", time_limit, memory_limit, NULL);
  if (g_getenv ("EVIDENT_RENDER_TEST_COMMANDS") != NULL)
    g_strv_builder_add (builder, "--test");

  return g_strv_builder_end (builder);
}

/* Dying */

static void remove_watches (EvidentRenderClient *self);

static void
die (EvidentRenderClient *self,
     EvidentRenderError   code)
{
  GHashTable *requests;
  GHashTableIter iter;
  gpointer value;
  const char *message;

  if (self->error != NULL)
    return;

  switch (code)
    {
    case EVIDENT_RENDER_ERROR_TIMEOUT:
      message = _("Showing it took longer than a preview may take.");
      break;
    case EVIDENT_RENDER_ERROR_UNAVAILABLE:
      message = _("The part of Evident that shows documents could not be started.");
      break;
    case EVIDENT_RENDER_ERROR_PROTOCOL:
    case EVIDENT_RENDER_ERROR_CRASHED:
    default:
      message = _("It needs more memory than a preview may use, or is damaged in a way that stopped the preview.");
      break;
    }

  self->error = g_error_new_literal (EVIDENT_RENDER_ERROR, code, message);
  g_debug ("Document renderer %s gone (%d): %s",
           self->subprocess != NULL ? g_subprocess_get_identifier (self->subprocess) : "(not started)",
           code, message);

  remove_watches (self);
  if (self->socket >= 0)
    close (self->socket);
  self->socket = -1;
  g_queue_clear_full (&self->out, (GDestroyNotify) outgoing_free);
  if (self->subprocess != NULL)
    g_subprocess_force_exit (self->subprocess);

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_DIED], 0, self->error);

  requests = g_steal_pointer (&self->requests);
  self->requests = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) request_free);
  g_hash_table_iter_init (&iter, requests);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Request *request = value;

      if (request->func != NULL)
        request->func (self, NULL, self->error, request->user_data);
    }
  g_hash_table_unref (requests);

  g_object_unref (self);
}

/* The watchdog */

static gboolean watchdog_cb (gpointer data);

static void
update_watchdog (EvidentRenderClient *self)
{
  if (self->error != NULL || g_hash_table_size (self->requests) == 0)
    {
      g_clear_handle_id (&self->watchdog_id, g_source_remove);
      return;
    }

  if (self->watchdog_id == 0)
    {
      gint64 remaining = self->last_activity + self->timeout_ms * G_GINT64_CONSTANT (1000)
                         - g_get_monotonic_time ();
      GSource *source = g_timeout_source_new (MAX (remaining, 0) / 1000 + 1);

      g_source_set_callback (source, watchdog_cb, self, NULL);
      g_source_set_static_name (source, "[evident] renderer watchdog");
      self->watchdog_id = g_source_attach (source, NULL);
      g_source_unref (source);
    }
}

static gboolean
watchdog_cb (gpointer data)
{
  EvidentRenderClient *self = data;

  self->watchdog_id = 0;

  if (g_hash_table_size (self->requests) == 0)
    return G_SOURCE_REMOVE;

  if (g_get_monotonic_time () - self->last_activity >= self->timeout_ms * G_GINT64_CONSTANT (1000))
    die (self, EVIDENT_RENDER_ERROR_TIMEOUT);
  else
    update_watchdog (self);

  return G_SOURCE_REMOVE;
}

/* Writing */

static gboolean write_cb (int fd, GIOCondition condition, gpointer data);

static gboolean
crashed_later_cb (gpointer data)
{
  die (data, EVIDENT_RENDER_ERROR_CRASHED);
  return G_SOURCE_REMOVE;
}

static void
flush (EvidentRenderClient *self)
{
  Outgoing *out;

  while (self->socket >= 0 && !self->dying && (out = g_queue_peek_head (&self->out)) != NULL)
    {
      gsize size;
      const void *payload = out->payload != NULL ? g_bytes_get_data (out->payload, &size) : NULL;
      int error_number = 0;

      if (payload == NULL)
        size = 0;

      if (!evident_render_send (self->socket, out->type, out->request, out->document,
                                payload, size, NULL, 0, out->fd, &error_number))
        {
          if (error_number == EAGAIN || error_number == EWOULDBLOCK)
            {
              if (self->write_id == 0)
                self->write_id = g_unix_fd_add (self->socket, G_IO_OUT, write_cb, self);
              return;
            }

          /* Not here: a request's function is never called from
           * within evident_render_client_request (). */
          g_clear_handle_id (&self->write_id, g_source_remove);
          if (!self->dying)
            g_idle_add_full (G_PRIORITY_DEFAULT, crashed_later_cb, g_object_ref (self), g_object_unref);
          self->dying = TRUE;
          return;
        }

      outgoing_free (g_queue_pop_head (&self->out));
    }

  g_clear_handle_id (&self->write_id, g_source_remove);
}

static gboolean
write_cb (int          fd,
          GIOCondition condition,
          gpointer     data)
{
  EvidentRenderClient *self = data;

  self->write_id = 0;
  flush (self);
  return G_SOURCE_REMOVE;
}

static void
queue_message (EvidentRenderClient *self,
               guint32              type,
               guint32              request,
               guint32              document,
               const void          *payload,
               gsize                size,
               const void          *tail,
               gsize                tail_size,
               int                  fd)
{
  Outgoing *out = g_new0 (Outgoing, 1);
  GByteArray *bytes = g_byte_array_sized_new (size + tail_size);

  if (size > 0)
    g_byte_array_append (bytes, payload, size);
  if (tail_size > 0)
    g_byte_array_append (bytes, tail, tail_size);

  out->type = type;
  out->request = request;
  out->document = document;
  out->payload = g_byte_array_free_to_bytes (bytes);
  out->fd = fd >= 0 ? fcntl (fd, F_DUPFD_CLOEXEC, 3) : -1;
  g_queue_push_tail (&self->out, out);

  if (self->write_id == 0)
    flush (self);
}

/* Reading */

static gboolean
handle_hello (EvidentRenderClient        *self,
              const EvidentRenderMessage *message)
{
  if (self->has_hello || message->size < sizeof (EvidentRenderHello))
    return FALSE;

  memcpy (&self->hello, message->payload, sizeof self->hello);
  self->has_hello = TRUE;

  if (self->hello.version != EVIDENT_RENDER_PROTOCOL_VERSION)
    return FALSE;

  g_debug ("Document renderer ready: seccomp mode %u, limits 0x%x, %" G_GUINT64_FORMAT " MB, %u ms",
           self->hello.seccomp, self->hello.limits, self->hello.memory_limit >> 20,
           self->hello.time_limit_ms);
  return TRUE;
}

/* Hands a reply to its request; FALSE when it must not have come. */
static gboolean
dispatch (EvidentRenderClient  *self,
          EvidentRenderMessage *message)
{
  guint32 id = message->header.request;
  Request *request;
  gboolean final;
  gboolean ok = TRUE;

  if (message->header.type == EVIDENT_RENDER_HELLO)
    return handle_hello (self, message);

  final = evident_render_message_is_final (message->header.type);
  request = g_hash_table_lookup (self->requests, GUINT_TO_POINTER (id));
  if (request == NULL
      || (!final && message->header.type != EVIDENT_RENDER_MATCHES
          && message->header.type != EVIDENT_RENDER_PROGRESS))
    return FALSE;

  if (request->func != NULL)
    ok = request->func (self, message, NULL, request->user_data);

  if (final && self->error == NULL)
    g_hash_table_remove (self->requests, GUINT_TO_POINTER (id));

  return ok;
}

static gboolean
read_cb (int          fd,
         GIOCondition condition,
         gpointer     data)
{
  g_autoptr(EvidentRenderClient) self = g_object_ref (data);

  for (guint i = 0; i < MAX_READS && self->error == NULL; i++)
    {
      gboolean ok;

      switch (evident_render_receive (self->socket, FALSE, self->message))
        {
        case EVIDENT_RENDER_RECEIVED:
          self->last_activity = g_get_monotonic_time ();
          ok = dispatch (self, self->message);
          evident_render_message_clear (self->message);
          if (!ok)
            die (self, EVIDENT_RENDER_ERROR_PROTOCOL);
          break;

        case EVIDENT_RENDER_WOULD_BLOCK:
          update_watchdog (self);
          return G_SOURCE_CONTINUE;

        case EVIDENT_RENDER_MALFORMED:
          die (self, EVIDENT_RENDER_ERROR_PROTOCOL);
          break;

        case EVIDENT_RENDER_CLOSED:
        default:
          die (self, EVIDENT_RENDER_ERROR_CRASHED);
          break;
        }
    }

  if (self->error != NULL)
    {
      self->read_id = 0;
      return G_SOURCE_REMOVE;
    }

  update_watchdog (self);
  return G_SOURCE_CONTINUE;
}

static void
remove_watches (EvidentRenderClient *self)
{
  g_clear_handle_id (&self->read_id, g_source_remove);
  g_clear_handle_id (&self->write_id, g_source_remove);
  g_clear_handle_id (&self->watchdog_id, g_source_remove);
}

/* Starting */

typedef struct
{
  GStrv  argv;
  int    fd;
  guint  memory_mb;
} Spawn;

static void
spawn_free (Spawn *spawn)
{
  g_strfreev (spawn->argv);
  if (spawn->fd >= 0)
    close (spawn->fd);
  g_free (spawn);
}

static void
spawn_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Spawn *spawn = task_data;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  GSubprocess *subprocess;
  GError *error = NULL;

  /* Poppler reports every oddity of a file on standard error. */
  if (g_getenv ("EVIDENT_RENDER_VERBOSE") != NULL)
    flags = G_SUBPROCESS_FLAGS_NONE;

  launcher = g_subprocess_launcher_new (flags);
#if defined(__SANITIZE_ADDRESS__)
  {
    /* AddressSanitizer reserves terabytes of address space: the memory
     * limit is its RSS limit instead of RLIMIT_AS. */
    g_autofree char *options = g_strdup_printf ("%s%shard_rss_limit_mb=%u:allocator_may_return_null=1",
                                                g_getenv ("ASAN_OPTIONS") ?: "",
                                                g_getenv ("ASAN_OPTIONS") != NULL ? ":" : "",
                                                spawn->memory_mb);

    g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", options, TRUE);
  }
#endif
  g_subprocess_launcher_take_fd (launcher, spawn->fd, 3);
  spawn->fd = -1;

  subprocess = g_subprocess_launcher_spawnv (launcher, (const char * const *) spawn->argv, &error);
  if (subprocess != NULL)
    g_task_return_pointer (task, subprocess, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
exited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GSubprocess *subprocess = G_SUBPROCESS (object);

  if (!g_subprocess_wait_finish (subprocess, result, NULL))
    return;

  if (g_subprocess_get_if_signaled (subprocess))
    g_debug ("Document renderer ended by signal %d", g_subprocess_get_term_sig (subprocess));
  else
    g_debug ("Document renderer exited with status %d", g_subprocess_get_exit_status (subprocess));
}

static void
spawned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(EvidentRenderClient) self = g_weak_ref_get (ref);
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (ref);
  g_free (ref);

  subprocess = g_task_propagate_pointer (G_TASK (result), &error);
  if (subprocess != NULL)
    g_subprocess_wait_async (subprocess, NULL, exited_cb, NULL);

  if (self == NULL || self->error != NULL)
    {
      if (subprocess != NULL)
        g_subprocess_force_exit (subprocess);
      return;
    }

  if (subprocess == NULL)
    {
      g_warning ("Cannot start the document renderer: %s", error->message);
      die (self, EVIDENT_RENDER_ERROR_UNAVAILABLE);
      return;
    }

  self->subprocess = g_steal_pointer (&subprocess);
}

static void
start (EvidentRenderClient *self)
{
  g_autoptr(GTask) task = NULL;
  GWeakRef *ref = g_new0 (GWeakRef, 1);
  Spawn *spawn = g_new0 (Spawn, 1);
  guint memory_mb = get_env_number ("EVIDENT_RENDER_MEMORY_MB", DEFAULT_MEMORY_MB);
  int fds[2];

  self->timeout_ms = get_env_number ("EVIDENT_RENDER_TIMEOUT_MS", DEFAULT_TIMEOUT_MS);
  g_weak_ref_init (ref, self);

  if (socketpair (AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) < 0)
    {
      g_warning ("Cannot start the document renderer: %s", g_strerror (errno));
      die (self, EVIDENT_RENDER_ERROR_UNAVAILABLE);
      g_weak_ref_clear (ref);
      g_free (ref);
      spawn_free (spawn);
      return;
    }

  self->socket = fds[0];
  g_unix_set_fd_nonblocking (self->socket, TRUE, NULL);
  self->read_id = g_unix_fd_add (self->socket, G_IO_IN | G_IO_HUP | G_IO_ERR, read_cb, self);

  spawn->argv = build_argv (self->timeout_ms, memory_mb);
  spawn->fd = fds[1];
  spawn->memory_mb = memory_mb;

  task = g_task_new (NULL, NULL, spawned_cb, ref);
  g_task_set_source_tag (task, start);
  g_task_set_name (task, "[evident] start renderer");
  g_task_set_task_data (task, spawn, (GDestroyNotify) spawn_free);
  g_task_run_in_thread (task, spawn_thread);
}

/* GObject */

static void
evident_render_client_dispose (GObject *object)
{
  EvidentRenderClient *self = EVIDENT_RENDER_CLIENT (object);

  remove_watches (self);
  g_queue_clear_full (&self->out, (GDestroyNotify) outgoing_free);
  if (self->socket >= 0)
    close (self->socket);
  self->socket = -1;
  /* Whatever it was doing, nobody waits for it. */
  if (self->subprocess != NULL)
    g_subprocess_force_exit (self->subprocess);
  g_clear_object (&self->subprocess);
  if (self->requests != NULL)
    g_hash_table_remove_all (self->requests);

  G_OBJECT_CLASS (evident_render_client_parent_class)->dispose (object);
}

static void
evident_render_client_finalize (GObject *object)
{
  EvidentRenderClient *self = EVIDENT_RENDER_CLIENT (object);

  g_clear_pointer (&self->requests, g_hash_table_unref);
  g_clear_error (&self->error);
  g_free (self->message);

  G_OBJECT_CLASS (evident_render_client_parent_class)->finalize (object);
}

static void
evident_render_client_class_init (EvidentRenderClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_render_client_dispose;
  object_class->finalize = evident_render_client_finalize;

  /**
   * EvidentRenderClient::died:
   * @error: why: an %EVIDENT_RENDER_ERROR
   *
   * The helper is gone; every request still pending ends with @error
   * right after.
   */
  signals[SIGNAL_DIED] =
    g_signal_new ("died",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
evident_render_client_init (EvidentRenderClient *self)
{
  self->socket = -1;
  g_queue_init (&self->out);
  self->requests = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) request_free);
  self->message = g_new0 (EvidentRenderMessage, 1);
  self->message->fd = -1;
  self->last_activity = g_get_monotonic_time ();
}

/* Public API */

/**
 * evident_render_client_new:
 *
 * Starts a helper, in the background; requests can be made at once.
 */
EvidentRenderClient *
evident_render_client_new (void)
{
  EvidentRenderClient *self = g_object_new (EVIDENT_TYPE_RENDER_CLIENT, NULL);

  start (self);
  return self;
}

/**
 * evident_render_client_prestart:
 *
 * Starts a spare helper in the background, unless there is one, for the
 * next evident_render_client_get ().
 */
void
evident_render_client_prestart (void)
{
  if (spare != NULL && evident_render_client_is_alive (spare))
    return;

  g_clear_object (&spare);
  spare = evident_render_client_new ();
}

/**
 * evident_render_client_get:
 *
 * Returns: (transfer full): the spare helper when there is one, else a
 *   new one
 */
EvidentRenderClient *
evident_render_client_get (void)
{
  if (spare != NULL && evident_render_client_is_alive (spare))
    return g_steal_pointer (&spare);

  g_clear_object (&spare);
  return evident_render_client_new ();
}

/* Whether a spare helper is started, for tests. */
gboolean
evident_render_client_has_spare (void)
{
  return spare != NULL && evident_render_client_is_alive (spare);
}

gboolean
evident_render_client_is_alive (EvidentRenderClient *self)
{
  g_return_val_if_fail (EVIDENT_IS_RENDER_CLIENT (self), FALSE);

  return self->error == NULL;
}

static gboolean
die_later_cb (gpointer data)
{
  die (data, EVIDENT_RENDER_ERROR_PROTOCOL);
  return G_SOURCE_REMOVE;
}

/**
 * evident_render_client_read_pending:
 * @type: the kind of reply to take: %EVIDENT_RENDER_OPENED or
 *   %EVIDENT_RENDER_PIXELS
 *
 * Handles the replies of @type that have come already, without waiting
 * for more and without waiting for the main loop: for a frame under way
 * that wants a document or a page the helper may have sent while the
 * frame laid the window out. Anything else, the helper's end or an
 * error included, is left for the main loop: the window must not change
 * in the middle of a frame.
 */
void
evident_render_client_read_pending (EvidentRenderClient *self,
                                    guint32              type)
{
  EvidentRenderHeader header;

  g_return_if_fail (EVIDENT_IS_RENDER_CLIENT (self));

  while (self->error == NULL && self->socket >= 0
         && recv (self->socket, &header, sizeof header, MSG_PEEK | MSG_DONTWAIT) == sizeof header
         && header.type == type)
    {
      gboolean ok = evident_render_receive (self->socket, FALSE, self->message) == EVIDENT_RENDER_RECEIVED;

      if (ok)
        {
          self->last_activity = g_get_monotonic_time ();
          ok = dispatch (self, self->message);
        }
      evident_render_message_clear (self->message);
      if (!ok)
        {
          g_idle_add_full (G_PRIORITY_DEFAULT, die_later_cb, g_object_ref (self), g_object_unref);
          return;
        }
    }

  if (self->error == NULL)
    update_watchdog (self);
}

/**
 * evident_render_client_wait_pending:
 * @type: as for evident_render_client_read_pending ()
 * @timeout_ms: the longest to wait
 *
 * As evident_render_client_read_pending (), after waiting up to
 * @timeout_ms for something to come: for a frame about to draw a blank
 * page 1 that the helper is sending.
 */
void
evident_render_client_wait_pending (EvidentRenderClient *self,
                                    guint32              type,
                                    guint                timeout_ms)
{
  struct pollfd fd = { self->socket, POLLIN, 0 };

  g_return_if_fail (EVIDENT_IS_RENDER_CLIENT (self));

  if (self->error == NULL && self->socket >= 0)
    poll (&fd, 1, (int) timeout_ms);
  evident_render_client_read_pending (self, type);
}

/* Returns: (nullable): why the helper is gone, %NULL while it works */
const GError *
evident_render_client_get_error (EvidentRenderClient *self)
{
  g_return_val_if_fail (EVIDENT_IS_RENDER_CLIENT (self), NULL);

  return self->error;
}

/* What the helper said it has used, with each document it opened. */
void
evident_render_client_note_usage (EvidentRenderClient *self,
                                  guint64              cpu_ms,
                                  guint64              peak_rss_kb)
{
  g_return_if_fail (EVIDENT_IS_RENDER_CLIENT (self));

  self->cpu_ms = cpu_ms;
  self->peak_rss_kb = peak_rss_kb;
}

/* Whether the next document had better have a fresh helper: this one
 * used much of its CPU time, or once much memory. */
gboolean
evident_render_client_should_retire (EvidentRenderClient *self)
{
  g_return_val_if_fail (EVIDENT_IS_RENDER_CLIENT (self), TRUE);

  return self->error != NULL
         || self->cpu_ms > EVIDENT_RENDER_CPU_LIFETIME_S * G_GUINT64_CONSTANT (500)
         || self->peak_rss_kb > RETIRE_PEAK_RSS_KB;
}

guint32
evident_render_client_new_document_id (EvidentRenderClient *self)
{
  g_return_val_if_fail (EVIDENT_IS_RENDER_CLIENT (self), 0);

  return ++self->next_document;
}

typedef struct
{
  EvidentRenderClient *client;
  Request             *request;
} FailLater;

static void
fail_later_free (FailLater *later)
{
  g_object_unref (later->client);
  request_free (later->request);
  g_free (later);
}

static gboolean
fail_later_cb (gpointer data)
{
  FailLater *later = data;

  later->request->func (later->client, NULL, later->client->error, later->request->user_data);
  return G_SOURCE_REMOVE;
}

/**
 * evident_render_client_request:
 * @payload: (nullable): the request's fixed part
 * @tail: (nullable): what follows it
 * @fd: a descriptor to pass (a copy goes), or -1
 * @func: called with each reply, or with the error that ends the request
 * @destroy: (nullable): frees @user_data once the request is over
 *
 * Sends a request. @func sees every reply until the final one, or the
 * helper's end; cancelling the request stops it at once.
 *
 * Returns: the request's number, for evident_render_client_cancel ()
 */
guint32
evident_render_client_request (EvidentRenderClient    *self,
                               guint32                 type,
                               guint32                 document,
                               const void             *payload,
                               gsize                   size,
                               const void             *tail,
                               gsize                   tail_size,
                               int                     fd,
                               EvidentRenderReplyFunc  func,
                               gpointer                user_data,
                               GDestroyNotify          destroy)
{
  Request *request;
  guint32 id;

  g_return_val_if_fail (EVIDENT_IS_RENDER_CLIENT (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  request = g_new0 (Request, 1);
  request->func = func;
  request->user_data = user_data;
  request->destroy = destroy;

  if (++self->next_request == 0)
    ++self->next_request;
  id = self->next_request;

  /* Gone: the request ends with the reason, as it would have. */
  if (self->error != NULL)
    {
      FailLater *later = g_new0 (FailLater, 1);

      later->client = g_object_ref (self);
      later->request = request;
      g_idle_add_full (G_PRIORITY_DEFAULT, fail_later_cb, later, (GDestroyNotify) fail_later_free);
      return id;
    }

  if (g_hash_table_size (self->requests) == 0)
    self->last_activity = g_get_monotonic_time ();
  g_hash_table_insert (self->requests, GUINT_TO_POINTER (id), request);

  queue_message (self, type, id, document, payload, size, tail, tail_size, fd);
  update_watchdog (self);

  return id;
}

/**
 * evident_render_client_cancel:
 *
 * Cancels @request: its function is not called again, and the helper
 * drops it, or what it made of it.
 */
void
evident_render_client_cancel (EvidentRenderClient *self,
                              guint32              id)
{
  Request *request;

  g_return_if_fail (EVIDENT_IS_RENDER_CLIENT (self));

  request = g_hash_table_lookup (self->requests, GUINT_TO_POINTER (id));
  if (request == NULL || request->func == NULL)
    return;

  request->func = NULL;
  if (request->destroy != NULL)
    g_clear_pointer (&request->user_data, request->destroy);
  request->destroy = NULL;

  /* Not sent yet: it never will be. */
  for (GList *l = self->out.head; l != NULL; l = l->next)
    {
      Outgoing *out = l->data;

      if (out->request == id && out->type != EVIDENT_RENDER_CANCEL)
        {
          outgoing_free (out);
          g_queue_delete_link (&self->out, l);
          g_hash_table_remove (self->requests, GUINT_TO_POINTER (id));
          update_watchdog (self);
          return;
        }
    }

  /* Its final reply still comes. */
  queue_message (self, EVIDENT_RENDER_CANCEL, id, 0, NULL, 0, NULL, 0, -1);
}

/* The helper can let go of @document. */
void
evident_render_client_close_document (EvidentRenderClient *self,
                                      guint32              document)
{
  g_return_if_fail (EVIDENT_IS_RENDER_CLIENT (self));

  if (self->error == NULL)
    queue_message (self, EVIDENT_RENDER_CLOSE, 0, document, NULL, 0, NULL, 0, -1);
}

/* The helper's process id, or -1 before it started or once it is gone. */
int
evident_render_client_get_pid (EvidentRenderClient *self)
{
  const char *id;

  g_return_val_if_fail (EVIDENT_IS_RENDER_CLIENT (self), -1);

  if (self->subprocess == NULL || self->error != NULL)
    return -1;

  id = g_subprocess_get_identifier (self->subprocess);
  return id != NULL ? atoi (id) : -1;
}

/* What the helper said of itself when it started; FALSE until it has. */
gboolean
evident_render_client_get_hello (EvidentRenderClient *self,
                                 EvidentRenderHello  *hello)
{
  g_return_val_if_fail (EVIDENT_IS_RENDER_CLIENT (self), FALSE);

  if (!self->has_hello)
    return FALSE;

  *hello = self->hello;
  return TRUE;
}
