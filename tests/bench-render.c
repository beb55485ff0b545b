/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "evident-page-view.h"
#include "evident-preview-private.h"
#include "evident-render-client.h"
#include "evident-resources.h"
#include "evident-test-pdf.h"
#include "evident-test-utils.h"

/*
 * Figures for rendering evidence: for an ordinary PDF and for hostile
 * ones, the time from handing the preview the bytes to page 1 (or the
 * error page) on screen, and the peak memory (RSS) of the application's
 * process and of the document renderer. Each case runs in a process of
 * its own (this program again, with --case), so that one case's peak is
 * not another's. Beside them, the same figures measured before rendering
 * moved to the helper (in the application's process, at commit 94df2b2,
 * with this benchmark). Prints, never fails on a figure.
 *
 * As in the application, a spare renderer starts after the first frame;
 * "cold" is the first document with none started ahead.
 */

#define N_RUNS     9
#define SETTLE_MAX 60   /* seconds */

/* Measured in the application's process before the helper: page 1 (or
 * the error page) in ms, -1 for not within SETTLE_MAX; the state; the
 * process's peak RSS in MiB. */
static const struct
{
  const char *label;
  double      ms;
  const char *state;
  double      peak_mib;
} before[] = {
  { "cold", 42, "document", 110 },
  { "first", 42, "document", 110 },
  { "next", 28, "document", 116 },
  { "scrolled", 32, "document", 128 },
  { "truncated", 6, "error", 97 },
  { "pages", 1147, "document", 315 },
  { "nesting", 7699, "document", 1604 },
  { "image", 8336, "document", 210 },
  { "bomb", -1, "document", 106 },
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* A field of /proc/PID/status in kB, or -1. */
static gint64
status_kb (int         pid,
           const char *field)
{
  g_autofree char *path = pid > 0 ? g_strdup_printf ("/proc/%d/status", pid)
                                  : g_strdup ("/proc/self/status");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], field) && lines[i][strlen (field)] == ':')
      return g_ascii_strtoll (lines[i] + strlen (field) + 1, NULL, 10);

  return -1;
}

typedef struct
{
  GtkWidget      *window;
  EvidentPreview *preview;
  gint64          rss_before;
} Bench;

static void
bench_init (Bench *bench)
{
  bench->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (bench->window), 700, 900);
  bench->preview = EVIDENT_PREVIEW (evident_preview_new ());
  gtk_window_set_child (GTK_WINDOW (bench->window), GTK_WIDGET (bench->preview));
  gtk_window_present (GTK_WINDOW (bench->window));
  evident_test_run (300);
  bench->rss_before = status_kb (0, "VmRSS");
}

/* Hands the preview @bytes; returns the milliseconds until page 1 was on
 * screen or the preview gave up, -1 after SETTLE_MAX seconds. */
static double
show (Bench      *bench,
      GBytes     *bytes,
      const char *name,
      const char **state)
{
  EvidentPageView *view = evident_preview_get_page_view (bench->preview);
  gint64 start;
  gint64 end;

  evident_preview_clear (bench->preview);
  evident_test_run (100);

  start = g_get_monotonic_time ();
  end = start + SETTLE_MAX * G_USEC_PER_SEC;
  evident_preview_set_bytes (bench->preview, bytes, "application/pdf", name);

  while (g_get_monotonic_time () < end)
    {
      *state = evident_preview_get_state (bench->preview);
      if (evident_page_view_get_first_shown (view) > start)
        return (evident_page_view_get_first_shown (view) - start) / 1000.0;
      if (g_strcmp0 (*state, "error") == 0 || g_strcmp0 (*state, "other") == 0)
        return (g_get_monotonic_time () - start) / 1000.0;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (200);
    }

  return -1;
}

static void
print_result (Bench      *bench,
              const char *label,
              double      ms,
              const char *state)
{
  EvidentRenderClient *client = evident_preview_get_render_client (bench->preview);
  int pid = client != NULL ? evident_render_client_get_pid (client) : -1;

  g_print ("RESULT\t%s\t%.1f\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n",
           label, ms, state != NULL ? state : "-", bench->rss_before,
           status_kb (0, "VmHWM"), pid > 0 ? status_kb (pid, "VmHWM") : -1);
}

/* Ordinary PDFs: the first ever shown in this process, then the next ones,
 * then a 200-page document scrolled end to end (the cache bounds memory). */
static void
run_ordinary (Bench *bench)
{
  g_autoptr(GBytes) first = evident_test_make_pdf (20, 595, 842, evident_test_draw_process_page, NULL);
  g_autoptr(GBytes) other = evident_test_make_pdf (21, 595, 842, evident_test_draw_process_page, NULL);
  g_autoptr(GBytes) long_pdf = evident_test_make_pdf (200, 595, 842, evident_test_draw_process_page, NULL);
  double times[N_RUNS];
  const char *state = NULL;
  GtkAdjustment *vadjustment;
  EvidentPageView *view;
  double ms;

  /* As the application does once a project with PDF evidence shows. */
  evident_render_client_prestart ();
  evident_test_run (300);

  ms = show (bench, first, "process.pdf", &state);
  print_result (bench, "first", ms, state);

  for (int i = 0; i < N_RUNS; i++)
    times[i] = show (bench, i % 2 ? first : other, "process.pdf", &state);
  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  print_result (bench, "next", times[N_RUNS / 2], state);

  ms = show (bench, long_pdf, "long.pdf", &state);
  view = evident_preview_get_page_view (bench->preview);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  for (int i = 1; i <= 100; i++)
    {
      gtk_adjustment_set_value (vadjustment,
                                (gtk_adjustment_get_upper (vadjustment) -
                                 gtk_adjustment_get_page_size (vadjustment)) * i / 100);
      evident_test_run (30);
    }
  print_result (bench, "scrolled", ms, state);
}

static GBytes *
make_hostile (const char *name)
{
  if (g_str_equal (name, "nesting"))
    return evident_test_pdf_deep_nesting (1000000);
  if (g_str_equal (name, "image"))
    return evident_test_pdf_huge_image (30000, 30000);
  if (g_str_equal (name, "bomb"))
    return evident_test_pdf_flate_bomb (G_GUINT64_CONSTANT (4) << 30);
  if (g_str_equal (name, "pages"))
    return evident_test_pdf_many_pages (200000);
  if (g_str_equal (name, "truncated"))
    {
      g_autoptr(GBytes) whole = evident_test_make_pdf (20, 595, 842, evident_test_draw_process_page, NULL);

      return g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
    }
  return NULL;
}

static int
run_case (const char *name)
{
  Bench bench = { 0 };

  bench_init (&bench);

  if (g_str_equal (name, "ordinary"))
    {
      run_ordinary (&bench);
    }
  else if (g_str_equal (name, "cold"))
    {
      g_autoptr(GBytes) bytes = evident_test_make_pdf (20, 595, 842, evident_test_draw_process_page, NULL);
      const char *state = NULL;
      double ms = show (&bench, bytes, "process.pdf", &state);

      print_result (&bench, "cold", ms, state);
    }
  else
    {
      g_autoptr(GBytes) bytes = make_hostile (name);
      g_autoptr(GBytes) after = evident_test_make_pdf (20, 595, 842, evident_test_draw_process_page, NULL);
      const char *state = NULL;
      double ms;

      g_assert (bytes != NULL);
      ms = show (&bench, bytes, "hostile.pdf", &state);
      print_result (&bench, name, ms, state);
      /* And an ordinary one after it. */
      ms = show (&bench, after, "process.pdf", &state);
      print_result (&bench, "after", ms, state);
    }

  return 0;
}

/* The parent: each case in a child, its lines collected. */

typedef struct
{
  char   *label;
  double  ms;
  char   *state;
  gint64  rss_before;
  gint64  hwm;
  gint64  helper_hwm;
} Result;

static void
result_free (Result *result)
{
  g_free (result->label);
  g_free (result->state);
  g_free (result);
}

static GPtrArray *
spawn_case (const char *self,
            const char *name,
            char      **status)
{
  const char *argv[] = { self, "--case", name, NULL };
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);

  child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  if (child == NULL || !g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error))
    {
      *status = g_strdup (error->message);
      return results;
    }

  if (g_subprocess_get_if_signaled (child))
    *status = g_strdup_printf ("killed by signal %d", g_subprocess_get_term_sig (child));
  else
    *status = g_strdup_printf ("exit status %d", g_subprocess_get_exit_status (child));

  lines = g_strsplit (out != NULL ? out : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      Result *r;

      if (g_strv_length (f) != 7 || !g_str_equal (f[0], "RESULT"))
        continue;
      r = g_new0 (Result, 1);
      r->label = g_strdup (f[1]);
      r->ms = g_ascii_strtod (f[2], NULL);
      r->state = g_strdup (f[3]);
      r->rss_before = g_ascii_strtoll (f[4], NULL, 10);
      r->hwm = g_ascii_strtoll (f[5], NULL, 10);
      r->helper_hwm = g_ascii_strtoll (f[6], NULL, 10);
      g_ptr_array_add (results, r);
    }

  return results;
}

static char *
format_time (double ms)
{
  return ms < 0 ? g_strdup_printf ("> %d s", SETTLE_MAX) : g_strdup_printf ("%.0f ms", ms);
}

static void
print_row (const Result *r)
{
  g_autofree char *time = format_time (r->ms);
  g_autofree char *helper = r->helper_hwm < 0 ? g_strdup ("gone")
                                              : g_strdup_printf ("%.0f MiB", r->helper_hwm / 1024.0);
  g_autofree char *then = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    if (g_str_equal (before[i].label, r->label))
      {
        g_autofree char *before_time = format_time (before[i].ms);

        then = g_strdup_printf ("%8s %-8s %6.0f MiB", before_time, before[i].state, before[i].peak_mib);
      }

  g_print ("%-10s %8s %-8s %6.0f MiB %8s  | %s\n",
           r->label, time, r->state, r->hwm / 1024.0, helper, then != NULL ? then : "");
}

int
main (int   argc,
      char *argv[])
{
  static const char *cases[] = { "cold", "ordinary", "truncated", "pages", "nesting", "image", "bomb" };

  if (argc == 3 && g_str_equal (argv[1], "--case"))
    {
      if (!gtk_init_check ())
        return 77;
      adw_init ();
      g_assert_nonnull (evident_get_resource ());
      return run_case (argv[2]);
    }

  if (!gtk_init_check ())
    {
      g_print ("No display: no figures\n");
      return 0;
    }

  g_print ("From the bytes to page 1 (or the error page) on screen, and peak RSS;\n"
           "\"after\": an ordinary PDF right after the case before it.\n\n");
  g_print ("%-10s %8s %-8s %10s %8s  | %s\n", "", "page 1", "shows", "app peak", "helper",
           "in the application's process, before");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *status = NULL;
      g_autoptr(GPtrArray) results = spawn_case (argv[0], cases[i], &status);

      for (guint j = 0; j < results->len; j++)
        print_row (g_ptr_array_index (results, j));
      if (!g_str_equal (status, "exit status 0"))
        g_print ("%-10s the application's process ended: %s\n", cases[i], status);
    }

  return 0;
}
