/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * bench-window-watch: starts one program and reports, from the X server's
 * point of view, when its first top-level window was mapped and (with
 * --red) when a block of pure red (#ff0000) appeared in it, then ends the
 * program and reports its peak resident set size.
 *
 *   bench-window-watch [--red] [--timeout SECONDS] -- PROGRAM ARGS…
 *
 * Prints one line: "map_ms=… red_ms=… rss_kib=… map_cpu_ms=…
 * map_main_cpu_ms=…", -1 for what was not seen; the last two are the CPU
 * time the program's threads (all, or its main thread) had used when the
 * window was mapped. Times run from just before exec. A tool for
 * bench-startup.py, not a test; it exits 0 unless it could not run at all.
 */

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Samples of the window every STEP pixels each way; RED_SAMPLES of them
 * pure red count as the known colour on screen (a box of about 40 × 40
 * pixels or more). */
#define STEP 4
#define RED_SAMPLES 100
#define POLL_MS 4

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* CPU time in ms that @pid's threads have run (all of them, or with
 * @main_only its main thread), from /proc/PID/task/TID/schedstat; -1 when
 * unknown. Unlike the time to map, it hardly changes with the load of the
 * machine. */
static double
cpu_ms (pid_t    pid,
        int      main_only)
{
  char path[64];
  DIR *dir;
  struct dirent *entry;
  double total = 0;
  int found = 0;

  snprintf (path, sizeof path, "/proc/%d/task", (int) pid);
  dir = opendir (path);
  if (dir == NULL)
    return -1;
  while ((entry = readdir (dir)) != NULL)
    {
      char stat_path[400];
      unsigned long long ns;
      FILE *file;

      if (entry->d_name[0] == '.' || (main_only && atoi (entry->d_name) != pid))
        continue;
      snprintf (stat_path, sizeof stat_path, "%s/%s/schedstat", path, entry->d_name);
      file = fopen (stat_path, "r");
      if (file == NULL)
        continue;
      if (fscanf (file, "%llu", &ns) == 1)
        {
          total += ns / 1e6;
          found = 1;
        }
      fclose (file);
    }
  closedir (dir);
  return found ? total : -1;
}

static int
ignore_x_error (Display     *display,
                XErrorEvent *event)
{
  (void) display;
  (void) event;
  return 0;
}

static int
count_red (Display *display,
           Window   window)
{
  XWindowAttributes attrs;
  XImage *image;
  int hits = 0;

  if (!XGetWindowAttributes (display, window, &attrs) || attrs.map_state != IsViewable)
    return 0;

  image = XGetImage (display, window, 0, 0, attrs.width, attrs.height, AllPlanes, ZPixmap);
  if (image == NULL)
    return 0;

  for (int y = STEP / 2; y < attrs.height; y += STEP)
    for (int x = STEP / 2; x < attrs.width; x += STEP)
      {
        unsigned long pixel = XGetPixel (image, x, y);

        if ((pixel & image->red_mask) == image->red_mask
            && (pixel & (image->green_mask | image->blue_mask)) == 0)
          hits++;
      }

  XDestroyImage (image);
  return hits;
}

/* Ends @pid: SIGTERM, then SIGKILL after five seconds; returns its peak
 * RSS in KiB, or -1. */
static long
end_child (pid_t pid)
{
  struct rusage usage;
  int status;

  kill (pid, SIGTERM);
  for (int i = 0; i < 500; i++)
    {
      pid_t done = wait4 (pid, &status, WNOHANG, &usage);

      if (done == pid)
        return usage.ru_maxrss;
      if (done < 0)
        return -1;
      usleep (10000);
    }

  kill (pid, SIGKILL);
  if (wait4 (pid, &status, 0, &usage) == pid)
    return usage.ru_maxrss;
  return -1;
}

int
main (int   argc,
      char *argv[])
{
  Display *display;
  Window root;
  Window mapped = None;
  double timeout_ms = 20000;
  double start, map_ms = -1, red_ms = -1, map_cpu_ms = -1, map_main_cpu_ms = -1;
  int want_red = 0;
  int first = 1;
  pid_t pid;
  long rss;

  for (; first < argc; first++)
    {
      if (strcmp (argv[first], "--red") == 0)
        want_red = 1;
      else if (strcmp (argv[first], "--timeout") == 0 && first + 1 < argc)
        timeout_ms = atof (argv[++first]) * 1000;
      else if (strcmp (argv[first], "--") == 0)
        {
          first++;
          break;
        }
      else
        break;
    }

  if (first >= argc)
    {
      fprintf (stderr, "usage: %s [--red] [--timeout SECONDS] -- PROGRAM ARGS…\n", argv[0]);
      return 2;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "bench-window-watch: cannot open the display\n");
      return 2;
    }
  XSetErrorHandler (ignore_x_error);
  root = DefaultRootWindow (display);
  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      return 2;
    }
  if (pid == 0)
    {
      execvp (argv[first], argv + first);
      perror (argv[first]);
      _exit (127);
    }

  while (now_ms () - start < timeout_ms)
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };
      int status;

      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          fprintf (stderr, "bench-window-watch: %s exited early\n", argv[first]);
          printf ("map_ms=%.1f red_ms=%.1f rss_kib=-1\n", map_ms, red_ms);
          return 0;
        }

      while (XPending (display))
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && mapped == None
              && event.xmap.event == root && !event.xmap.override_redirect)
            {
              map_ms = now_ms () - start;
              map_cpu_ms = cpu_ms (pid, 0);
              map_main_cpu_ms = cpu_ms (pid, 1);
              mapped = event.xmap.window;
            }
        }

      if (mapped != None && !want_red)
        break;
      if (mapped != None && want_red && count_red (display, mapped) >= RED_SAMPLES)
        {
          red_ms = now_ms () - start;
          break;
        }

      if (poll (&fd, 1, mapped != None ? POLL_MS : 50) < 0 && errno != EINTR)
        break;
    }

  /* A moment for what the program does right after its first frame, so
   * that the peak RSS includes it. */
  usleep (300000);
  rss = end_child (pid);
  printf ("map_ms=%.1f red_ms=%.1f rss_kib=%ld map_cpu_ms=%.1f map_main_cpu_ms=%.1f\n",
          map_ms, red_ms, rss, map_cpu_ms, map_main_cpu_ms);
  XCloseDisplay (display);
  return 0;
}
