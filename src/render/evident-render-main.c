/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "evident-render-pdf.h"
#include "evident-render-sandbox.h"
#include "evident-render-server.h"

/*
 * evident-render: opens evidence files for Evident and renders them, in a
 * process of its own under limits and a seccomp filter, so that a hostile
 * or broken file takes down this process and not the application. It is
 * started by the application (src/gui/evident-render-client.c), which
 * hands it one end of a socketpair; see HACKING.md, "Rendering evidence".
 *
 *   evident-render --socket-fd=N [--memory-limit=MB] [--time-limit=MS] [--test]
 */

typedef struct
{
  int      socket;
  guint64  memory_limit_mb;
  guint64  time_limit_ms;
  gboolean test_commands;
} Options;

static gboolean
parse_number (const char *arg,
              const char *name,
              guint64    *value)
{
  gsize length = strlen (name);

  if (strncmp (arg, name, length) != 0 || arg[length] != '=')
    return FALSE;

  return g_ascii_string_to_unsigned (arg + length + 1, 10, 0, G_MAXUINT32, value, NULL);
}

static gboolean
parse_options (int      argc,
               char    *argv[],
               Options *options)
{
  guint64 fd = G_MAXUINT64;

  options->memory_limit_mb = 1024;
  options->time_limit_ms = 10000;

  for (int i = 1; i < argc; i++)
    {
      if (parse_number (argv[i], "--socket-fd", &fd)
          || parse_number (argv[i], "--memory-limit", &options->memory_limit_mb)
          || parse_number (argv[i], "--time-limit", &options->time_limit_ms))
        continue;
      if (g_str_equal (argv[i], "--test"))
        {
          options->test_commands = TRUE;
          continue;
        }
      return FALSE;
    }

  if (fd > G_MAXINT)
    return FALSE;
  options->socket = (int) fd;
  return TRUE;
}

/* The socket must be a SOCK_SEQPACKET socket: anything else would be a
 * mistake of whoever started the helper. */
static gboolean
check_socket (int fd)
{
  int type = 0;
  socklen_t length = sizeof type;

  return getsockopt (fd, SOL_SOCKET, SO_TYPE, &type, &length) == 0 && type == SOCK_SEQPACKET;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  EvidentRenderServer *server;
  Options options = { 0 };
  guint32 limits;
  gboolean sandboxed;

  /* No PR_SET_PDEATHSIG: it follows the thread that started the helper (a
   * worker thread of the application), not the application. The helper
   * never outlives the application for long all the same: it reads the end
   * of its socket whenever it is idle, and a request's CPU timer ends it
   * when it is not. */

  /* What a hostile file makes the libraries say is no reason to stop. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);

  if (!parse_options (argc, argv, &options) || !check_socket (options.socket))
    {
      g_printerr ("usage: evident-render --socket-fd=N [--memory-limit=MB] [--time-limit=MS]\n"
                  "Started by Evident; not meant to be run by hand.\n");
      return 2;
    }
  fcntl (options.socket, F_SETFD, FD_CLOEXEC);

  /* At the application's priority, as its rendering threads were: a
   * niced helper is starved for CPU on a busy machine (a build running,
   * say), and page 1 waits for whatever else runs. */

  limits = evident_render_sandbox_set_limits (options.memory_limit_mb << 20,
                                              (guint) options.time_limit_ms);

  /* Load what rendering needs while files may still be opened freely. */
  evident_render_pdf_warm_up ();
  g_slist_free (gdk_pixbuf_get_formats ());

  sandboxed = evident_render_sandbox_enter (&error);
  if (!sandboxed)
    g_printerr ("evident-render: no system call filter: %s\n", error->message);

  server = evident_render_server_new (options.socket, options.test_commands);
  evident_render_server_hello (server, evident_render_sandbox_get_seccomp_mode (), limits,
                               (guint) options.time_limit_ms, options.memory_limit_mb << 20);
  evident_render_server_run (server);
  evident_render_server_free (server);

  /* Not exit (): nothing at exit is worth running, and nothing may write. */
  _exit (0);
}
