/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evident-render-image.h"
#include "evident-render-pdf.h"
#include "evident-render-protocol.h"
#include "evident-render-sandbox.h"
#include "evident-render-server.h"

/*
 * The helper's loop: one thread, one request at a time. Requests queue
 * in the order they came; searches run a page at a time whenever no
 * request waits, so that a page asked for while a search runs comes
 * first. Messages are read between any two steps: a request cancelled
 * before it starts is dropped, one cancelled while it ran has its result
 * dropped, a search cancelled stops at the next page. Poppler cannot be
 * stopped within a page; a page that takes too long is the application's
 * to end, by killing this process.
 */

/* While a search runs, say so at least this often (the application's
 * watchdog waits for some sign of life). */
#define PROGRESS_INTERVAL_US (200 * 1000)

typedef struct
{
  EvidentRenderHeader header;
  GBytes             *payload;
  int                 fd;
} Job;

typedef struct
{
  guint32  request;
  guint32  document;
  char    *text;
  guint    first_page;
  guint    n_searched;
} Search;

struct _EvidentRenderServer
{
  int                   socket;
  gboolean              test_commands;
  GHashTable           *documents;   /* document → EvidentRenderPdf */
  GQueue                jobs;
  GQueue                searches;
  guint                 n_rendered;
  guint32               current;     /* the request under way */
  gboolean              current_cancelled;
  gint64                last_sent;
  EvidentRenderMessage *message;
};

static void
job_free (Job *job)
{
  g_clear_pointer (&job->payload, g_bytes_unref);
  if (job->fd >= 0)
    close (job->fd);
  g_free (job);
}

static void
search_free (Search *search)
{
  g_free (search->text);
  g_free (search);
}

static void
send_message (EvidentRenderServer *server,
              guint32              type,
              guint32              request,
              guint32              document,
              const void          *payload,
              gsize                size,
              const void          *tail,
              gsize                tail_size,
              int                  fd)
{
  int error_number = 0;

  if (!evident_render_send (server->socket, type, request, document, payload, size,
                            tail, tail_size, fd, &error_number))
    {
      /* The application went away (or a bug): nothing left to do. */
      if (error_number != EPIPE && error_number != ECONNRESET)
        g_printerr ("evident-render: cannot reply: %s\n", g_strerror (error_number));
      _exit (0);
    }

  server->last_sent = g_get_monotonic_time ();
}

static void
fail (EvidentRenderServer  *server,
      const Job            *job,
      EvidentRenderFailure  failure)
{
  EvidentRenderFailed failed = { failure };

  send_message (server, EVIDENT_RENDER_FAILED, job->header.request, job->header.document,
                &failed, sizeof failed, NULL, 0, -1);
}

/* Reading messages */

/* A request cancelled: dropped if it waits, its result dropped if it
 * runs; either way its final reply says so. */
static void
cancel_request (EvidentRenderServer *server,
                guint32              request)
{
  EvidentRenderFailed cancelled = { EVIDENT_RENDER_FAILURE_CANCELLED };

  if (request == server->current)
    {
      server->current_cancelled = TRUE;
      return;
    }

  for (GList *l = server->jobs.head; l != NULL; l = l->next)
    {
      Job *job = l->data;

      if (job->header.request == request)
        {
          send_message (server, EVIDENT_RENDER_FAILED, request, job->header.document,
                        &cancelled, sizeof cancelled, NULL, 0, -1);
          g_queue_delete_link (&server->jobs, l);
          job_free (job);
          return;
        }
    }

  for (GList *l = server->searches.head; l != NULL; l = l->next)
    {
      Search *search = l->data;

      if (search->request == request)
        {
          send_message (server, EVIDENT_RENDER_FAILED, request, search->document,
                        &cancelled, sizeof cancelled, NULL, 0, -1);
          g_queue_delete_link (&server->searches, l);
          search_free (search);
          return;
        }
    }
}

/* The application lets go of a document; it has cancelled whatever it
 * asked of it, or waits for nothing more. */
static void
close_document (EvidentRenderServer *server,
                guint32              document)
{
  g_hash_table_remove (server->documents, GUINT_TO_POINTER (document));
}

/* Reads what the application sent; waits for it when @block. Returns
 * FALSE when the application has gone. */
static gboolean
read_messages (EvidentRenderServer *server,
               gboolean             block)
{
  EvidentRenderMessage *message = server->message;

  for (;;)
    {
      Job *job;

      switch (evident_render_receive (server->socket, block, message))
        {
        case EVIDENT_RENDER_RECEIVED:
          break;
        case EVIDENT_RENDER_WOULD_BLOCK:
          return TRUE;
        case EVIDENT_RENDER_MALFORMED:
          g_printerr ("evident-render: malformed message\n");
          return FALSE;
        case EVIDENT_RENDER_CLOSED:
        default:
          return FALSE;
        }
      block = FALSE;

      if (message->header.type == EVIDENT_RENDER_CANCEL)
        {
          evident_render_message_clear (message);
          cancel_request (server, message->header.request);
          continue;
        }

      if (message->header.type == EVIDENT_RENDER_CLOSE)
        {
          evident_render_message_clear (message);
          close_document (server, message->header.document);
          continue;
        }

      job = g_new0 (Job, 1);
      job->header = message->header;
      job->payload = g_bytes_new (message->payload, message->size);
      job->fd = message->fd;
      message->fd = -1;
      g_queue_push_tail (&server->jobs, job);
    }
}

/* Helpers for requests */

static gconstpointer
get_payload (const Job *job,
             gsize      size,
             gsize     *tail_size)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (job->payload, &length);

  if (length < size)
    return NULL;
  if (tail_size != NULL)
    *tail_size = length - size;
  return data;
}

static void
unmap_bytes (gpointer data)
{
  GBytes *mapping = data;
  gsize size;
  const void *map = g_bytes_get_data (mapping, &size);

  evident_render_memfd_unmap (map, size);
  g_bytes_unref (mapping);
}

/* The bytes the application sent with @job, mapped; NULL when there are
 * none, or an empty GBytes for an empty file. */
static GBytes *
map_job_bytes (const Job *job)
{
  struct stat st;
  const void *map;
  GBytes *mapping;

  if (job->fd < 0 || fstat (job->fd, &st) < 0 || st.st_size < 0)
    return NULL;
  if (st.st_size == 0)
    return g_bytes_new (NULL, 0);

  map = evident_render_memfd_map (job->fd, st.st_size);
  if (map == NULL)
    return NULL;

  mapping = g_bytes_new_static (map, st.st_size);
  return g_bytes_new_with_free_func (map, st.st_size, unmap_bytes, mapping);
}

/* Sends pixels in a sealed memfd, unless the request was cancelled while
 * they were made. */
static void
send_pixels (EvidentRenderServer *server,
             const Job           *job,
             int                  fd,
             guint                width,
             guint                height,
             guint                stride,
             EvidentRenderFormat  format)
{
  EvidentRenderPixels pixels = { width, height, stride, format };

  if (!evident_render_memfd_seal (fd))
    {
      close (fd);
      fail (server, job, EVIDENT_RENDER_FAILURE_NO_MEMORY);
      return;
    }

  read_messages (server, FALSE);
  if (server->current_cancelled)
    fail (server, job, EVIDENT_RENDER_FAILURE_CANCELLED);
  else
    send_message (server, EVIDENT_RENDER_PIXELS, job->header.request, job->header.document,
                  &pixels, sizeof pixels, NULL, 0, fd);
  close (fd);
}

/* Requests */

static void
open_pdf (EvidentRenderServer *server,
          const Job           *job)
{
  const EvidentRenderOpen *open;
  g_autoptr(GBytes) bytes = map_job_bytes (job);
  g_autofree char *password = NULL;
  EvidentRenderFailure failure = EVIDENT_RENDER_FAILURE_BAD_REQUEST;
  EvidentRenderOpened opened = { 0 };
  EvidentRenderPdf *pdf = NULL;
  struct rusage usage;
  gsize tail_size;
  double *sizes;
  int fd;

  open = get_payload (job, sizeof *open, &tail_size);
  if (open == NULL || bytes == NULL || tail_size > EVIDENT_RENDER_MAX_TEXT)
    {
      fail (server, job, EVIDENT_RENDER_FAILURE_BAD_REQUEST);
      return;
    }

  if (open->has_password)
    password = g_strndup ((const char *) (open + 1), tail_size);

  pdf = evident_render_pdf_open (bytes, password, &failure);
  if (password != NULL)
    explicit_bzero (password, strlen (password));
  if (pdf == NULL)
    {
      fail (server, job, failure);
      return;
    }

  opened.n_pages = evident_render_pdf_get_n_pages (pdf);
  fd = evident_render_memfd_new ("evident-page-sizes", opened.n_pages * 2 * sizeof (double),
                                 (void **) &sizes);
  if (fd < 0)
    {
      evident_render_pdf_free (pdf);
      fail (server, job, EVIDENT_RENDER_FAILURE_NO_MEMORY);
      return;
    }

  for (guint i = 0; i < opened.n_pages; i++)
    evident_render_pdf_get_page_size (pdf, i, &sizes[2 * i], &sizes[2 * i + 1]);
  evident_render_memfd_unmap (sizes, opened.n_pages * 2 * sizeof (double));

  g_hash_table_replace (server->documents, GUINT_TO_POINTER (job->header.document), pdf);

  if (getrusage (RUSAGE_SELF, &usage) == 0)
    {
      opened.cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
                      + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
      opened.peak_rss_kb = usage.ru_maxrss;
    }

  if (evident_render_memfd_seal (fd))
    send_message (server, EVIDENT_RENDER_OPENED, job->header.request, job->header.document,
                  &opened, sizeof opened, NULL, 0, fd);
  else
    fail (server, job, EVIDENT_RENDER_FAILURE_NO_MEMORY);
  close (fd);
}

static void
render_page (EvidentRenderServer *server,
             const Job           *job)
{
  const EvidentRenderPage *request = get_payload (job, sizeof *request, NULL);
  EvidentRenderPdf *pdf = g_hash_table_lookup (server->documents,
                                               GUINT_TO_POINTER (job->header.document));
  guint width;
  guint height;
  guint stride;
  void *data;
  int fd;

  if (request == NULL || pdf == NULL || request->page >= evident_render_pdf_get_n_pages (pdf)
      || request->width == 0 || request->height == 0)
    {
      fail (server, job, EVIDENT_RENDER_FAILURE_BAD_REQUEST);
      return;
    }

  width = request->width;
  height = request->height;
  evident_render_pdf_fit_size (&width, &height);
  stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);

  fd = evident_render_memfd_new ("evident-page", (gsize) stride * height, &data);
  if (fd < 0)
    {
      fail (server, job, EVIDENT_RENDER_FAILURE_NO_MEMORY);
      return;
    }

  evident_render_pdf_render (pdf, request->page, data, width, height, stride);
  server->n_rendered++;
  evident_render_memfd_unmap (data, (gsize) stride * height);

  send_pixels (server, job, fd, width, height, stride, EVIDENT_RENDER_FORMAT_ARGB32);
}

static void
decode_image (EvidentRenderServer *server,
              const Job           *job)
{
  const EvidentRenderImage *request = get_payload (job, sizeof *request, NULL);
  g_autoptr(GBytes) bytes = map_job_bytes (job);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  EvidentRenderFailure failure = EVIDENT_RENDER_FAILURE_BAD_REQUEST;
  guint width, height, n_channels, stride;
  const guint8 *pixels;
  guint8 *data;
  int fd;

  if (request == NULL || bytes == NULL)
    {
      fail (server, job, EVIDENT_RENDER_FAILURE_BAD_REQUEST);
      return;
    }

  pixbuf = evident_render_image_decode (bytes, request->max_side, request->max_pixels, &failure);
  if (pixbuf == NULL)
    {
      fail (server, job, failure);
      return;
    }

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  stride = (width * n_channels + 3) & ~3u;
  pixels = gdk_pixbuf_read_pixels (pixbuf);

  fd = evident_render_memfd_new ("evident-image", (gsize) stride * height, (void **) &data);
  if (fd < 0)
    {
      fail (server, job, EVIDENT_RENDER_FAILURE_NO_MEMORY);
      return;
    }

  for (guint y = 0; y < height; y++)
    memcpy (data + (gsize) y * stride,
            pixels + (gsize) y * gdk_pixbuf_get_rowstride (pixbuf),
            (gsize) width * n_channels);
  evident_render_memfd_unmap (data, (gsize) stride * height);

  send_pixels (server, job, fd, width, height, stride,
               n_channels == 4 ? EVIDENT_RENDER_FORMAT_RGBA : EVIDENT_RENDER_FORMAT_RGB);
}

static void
find_text (EvidentRenderServer *server,
           const Job           *job)
{
  const EvidentRenderFind *request;
  EvidentRenderPdf *pdf = g_hash_table_lookup (server->documents,
                                               GUINT_TO_POINTER (job->header.document));
  gsize tail_size;
  Search *search;

  request = get_payload (job, sizeof *request, &tail_size);
  if (request == NULL || pdf == NULL || tail_size == 0 || tail_size > EVIDENT_RENDER_MAX_TEXT)
    {
      fail (server, job, EVIDENT_RENDER_FAILURE_BAD_REQUEST);
      return;
    }

  search = g_new0 (Search, 1);
  search->request = job->header.request;
  search->document = job->header.document;
  search->text = g_strndup ((const char *) (request + 1), tail_size);
  search->first_page = request->first_page % evident_render_pdf_get_n_pages (pdf);
  g_queue_push_tail (&server->searches, search);
}

/* Tests: what the sandbox lets through. */
static void
run_test (EvidentRenderServer *server,
          const Job           *job)
{
  const EvidentRenderTest *test;
  EvidentRenderTestResult result = { -1, 0 };
  gsize tail_size;

  test = get_payload (job, sizeof *test, &tail_size);
  if (test == NULL || !server->test_commands)
    {
      fail (server, job, EVIDENT_RENDER_FAILURE_BAD_REQUEST);
      return;
    }

  switch (test->op)
    {
    case EVIDENT_RENDER_TEST_SPIN:
      for (volatile guint64 i = 0;; i++)
        ;
      break;

    case EVIDENT_RENDER_TEST_WRITE_FILE:
      {
        g_autofree char *path = g_strndup ((const char *) (test + 1), tail_size);

        result.result = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
      }
      break;

    case EVIDENT_RENDER_TEST_CONNECT:
      result.result = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
      break;

    case EVIDENT_RENDER_TEST_EXECUTE:
      {
        char *argv[] = { (char *) "/bin/true", NULL };
        char *envp[] = { NULL };

        result.result = execve (argv[0], argv, envp);
      }
      break;

    case EVIDENT_RENDER_TEST_ABORT:
      abort ();
      break;

    case EVIDENT_RENDER_TEST_COUNT_RENDERED:
      send_message (server, EVIDENT_RENDER_TEST_RESULT, job->header.request, job->header.document,
                    &(EvidentRenderTestResult) { server->n_rendered, 0 }, sizeof result,
                    NULL, 0, -1);
      return;

    default:
      fail (server, job, EVIDENT_RENDER_FAILURE_BAD_REQUEST);
      return;
    }

  result.error = result.result < 0 ? errno : 0;
  if (result.result >= 0)
    close (result.result);
  send_message (server, EVIDENT_RENDER_TEST_RESULT, job->header.request, job->header.document,
                &result, sizeof result, NULL, 0, -1);
}

static void
run_job (EvidentRenderServer *server,
         Job                 *job)
{
  server->current = job->header.request;
  server->current_cancelled = FALSE;
  evident_render_sandbox_begin_work ();

  switch (job->header.type)
    {
    case EVIDENT_RENDER_OPEN_PDF:
      open_pdf (server, job);
      break;
    case EVIDENT_RENDER_RENDER_PAGE:
      render_page (server, job);
      break;
    case EVIDENT_RENDER_DECODE_IMAGE:
      decode_image (server, job);
      break;
    case EVIDENT_RENDER_FIND_TEXT:
      find_text (server, job);
      break;
    case EVIDENT_RENDER_TEST:
      run_test (server, job);
      break;
    default:
      fail (server, job, EVIDENT_RENDER_FAILURE_BAD_REQUEST);
      break;
    }

  evident_render_sandbox_end_work ();
  server->current = 0;
}

/* One page of the first search, which then goes to the back. */
static void
search_step (EvidentRenderServer *server)
{
  Search *search = g_queue_pop_head (&server->searches);
  EvidentRenderPdf *pdf = g_hash_table_lookup (server->documents,
                                               GUINT_TO_POINTER (search->document));
  g_autoptr(GArray) rects = NULL;
  guint n_pages;
  guint page;

  if (pdf == NULL)
    {
      send_message (server, EVIDENT_RENDER_DONE, search->request, search->document,
                    NULL, 0, NULL, 0, -1);
      search_free (search);
      return;
    }

  n_pages = evident_render_pdf_get_n_pages (pdf);
  page = (search->first_page + search->n_searched) % n_pages;

  evident_render_sandbox_begin_work ();
  rects = evident_render_pdf_find_text (pdf, page, search->text);
  evident_render_sandbox_end_work ();

  for (guint sent = 0; sent < rects->len;)
    {
      EvidentRenderMatches matches = { page, MIN (rects->len - sent, EVIDENT_RENDER_MAX_RECTS) };

      send_message (server, EVIDENT_RENDER_MATCHES, search->request, search->document,
                    &matches, sizeof matches,
                    &g_array_index (rects, EvidentRenderRect, sent),
                    matches.n_rects * sizeof (EvidentRenderRect), -1);
      sent += matches.n_rects;
    }

  if (++search->n_searched == n_pages)
    {
      send_message (server, EVIDENT_RENDER_DONE, search->request, search->document,
                    NULL, 0, NULL, 0, -1);
      search_free (search);
      return;
    }

  if (g_get_monotonic_time () - server->last_sent > PROGRESS_INTERVAL_US)
    {
      EvidentRenderProgress progress = { page };

      send_message (server, EVIDENT_RENDER_PROGRESS, search->request, search->document,
                    &progress, sizeof progress, NULL, 0, -1);
    }

  g_queue_push_tail (&server->searches, search);
}

/* Public API */

EvidentRenderServer *
evident_render_server_new (int      socket,
                           gboolean test_commands)
{
  EvidentRenderServer *server = g_new0 (EvidentRenderServer, 1);

  server->socket = socket;
  server->test_commands = test_commands;
  server->documents = g_hash_table_new_full (NULL, NULL, NULL,
                                             (GDestroyNotify) evident_render_pdf_free);
  g_queue_init (&server->jobs);
  g_queue_init (&server->searches);
  server->message = g_new0 (EvidentRenderMessage, 1);
  server->message->fd = -1;

  return server;
}

void
evident_render_server_free (EvidentRenderServer *server)
{
  g_queue_clear_full (&server->jobs, (GDestroyNotify) job_free);
  g_queue_clear_full (&server->searches, (GDestroyNotify) search_free);
  g_hash_table_unref (server->documents);
  g_free (server->message);
  g_free (server);
}

void
evident_render_server_hello (EvidentRenderServer *server,
                             guint32              seccomp,
                             guint32              limits,
                             guint                time_limit_ms,
                             guint64              memory_limit)
{
  EvidentRenderHello hello = {
    EVIDENT_RENDER_PROTOCOL_VERSION, seccomp, limits, time_limit_ms, memory_limit,
  };

  send_message (server, EVIDENT_RENDER_HELLO, 0, 0, &hello, sizeof hello, NULL, 0, -1);
}

/* Serves requests until the application closes its end. */
void
evident_render_server_run (EvidentRenderServer *server)
{
  for (;;)
    {
      gboolean busy = server->jobs.length > 0 || server->searches.length > 0;
      Job *job;

      if (!read_messages (server, !busy))
        return;

      job = g_queue_pop_head (&server->jobs);
      if (job != NULL)
        {
          run_job (server, job);
          job_free (job);
        }
      else if (server->searches.length > 0)
        {
          search_step (server);
        }
    }
}
