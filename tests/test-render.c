/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "evident-evidence-store.h"
#include "evident-page-view.h"
#include "evident-pdf-document.h"
#include "evident-preview-pane.h"
#include "evident-preview-private.h"
#include "evident-render-client.h"
#include "evident-resources.h"
#include "evident-test-pdf.h"
#include "evident-test-utils.h"

/*
 * The document renderer: the helper's sandbox seen from outside, and the
 * preview given hostile files made here (a million nested graphics
 * states, a 30000 × 30000 image, a content stream that inflates to
 * gigabytes, a truncated file, 200,000 pages) or losing its helper to a
 * crash, a hang or a SIGKILL: the application stays up, the preview says
 * the document could not be shown safely within the time limit, and the
 * next ordinary PDF shows as ever.
 *
 * The time limit is 2 s here (EVIDENT_RENDER_TIMEOUT_MS); what the
 * preview may take beyond it allows for the watchdog, a busy machine and
 * sanitizer builds.
 */

#define TIME_LIMIT_MS 2000
#define SLACK_MS      8000

static void
draw_page (cairo_t  *cr,
           int       page,
           gpointer  user_data)
{
  g_autofree char *text = g_strdup_printf ("Page %d", page + 1);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 18);
  cairo_move_to (cr, 72, 72);
  cairo_show_text (cr, text);
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_rectangle (cr, 72, 120, 300, 200);
  cairo_fill (cr);
}

/* The main loop, until a result comes. */

static gboolean
run_test_op (EvidentRenderClient     *client,
             EvidentRenderTestOp      op,
             const char              *argument,
             EvidentRenderTestResult *out,
             GError                 **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  evident_render_client_test_async (client, op, argument, NULL, evident_test_store_result_cb, &result);
  return evident_render_client_test_finish (client, evident_test_wait_for_result (&result), out, error);
}

/* The sandbox, from outside */

static void
test_hello (void)
{
  g_autoptr(EvidentRenderClient) client = evident_render_client_new ();
  EvidentRenderTestResult result;
  EvidentRenderHello hello;
  g_autoptr(GError) error = NULL;

  /* A round trip: the hello came before it. */
  g_assert_true (run_test_op (client, EVIDENT_RENDER_TEST_COUNT_RENDERED, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_true (evident_render_client_get_hello (client, &hello));

  g_assert_cmpuint (hello.version, ==, EVIDENT_RENDER_PROTOCOL_VERSION);
  g_assert_cmpuint (hello.time_limit_ms, ==, TIME_LIMIT_MS);
  g_assert_cmpuint (hello.memory_limit, ==, G_GUINT64_CONSTANT (1024) << 20);
  g_assert_true (hello.limits & EVIDENT_RENDER_LIMIT_CPU);
  g_assert_true (hello.limits & EVIDENT_RENDER_LIMIT_NO_NEW_PRIVS);
  /* RLIMIT_AS, or AddressSanitizer's RSS limit in its builds. */
  g_assert_true (hello.limits & (EVIDENT_RENDER_LIMIT_ADDRESS_SPACE | EVIDENT_RENDER_LIMIT_RSS));
#if HAVE_SECCOMP
  /* The kernel says a filter is in force. */
  g_assert_cmpuint (hello.seccomp, ==, 2);
#else
  g_test_message ("Built without libseccomp: no system call filter");
#endif
  g_assert_cmpint (evident_render_client_get_pid (client), >, 0);
}

static void
test_sandbox_write (void)
{
  g_autoptr(EvidentRenderClient) client = evident_render_client_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("evident-render-XXXXXX", &error);
  g_autofree char *path = NULL;
  EvidentRenderTestResult result;

  g_assert_no_error (error);
  path = g_build_filename (dir, "written-by-the-renderer", NULL);

  if (!HAVE_SECCOMP)
    {
      g_test_skip ("Built without libseccomp");
      g_rmdir (dir);
      return;
    }

  g_assert_true (run_test_op (client, EVIDENT_RENDER_TEST_WRITE_FILE, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.result, ==, -1);
  g_assert_cmpint (result.error, ==, EPERM);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_sandbox_network_and_processes (void)
{
  g_autoptr(EvidentRenderClient) client = evident_render_client_new ();
  g_autoptr(GError) error = NULL;
  EvidentRenderTestResult result;

  if (!HAVE_SECCOMP)
    {
      g_test_skip ("Built without libseccomp");
      return;
    }

  g_assert_true (run_test_op (client, EVIDENT_RENDER_TEST_CONNECT, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.result, ==, -1);
  g_assert_cmpint (result.error, ==, EPERM);

  g_assert_true (run_test_op (client, EVIDENT_RENDER_TEST_EXECUTE, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.result, ==, -1);
  g_assert_cmpint (result.error, ==, EPERM);

  /* Refused, not killed: the helper still works. */
  g_assert_true (evident_render_client_is_alive (client));
}

static void
test_crash (void)
{
  g_autoptr(EvidentRenderClient) client = evident_render_client_new ();
  g_autoptr(GError) error = NULL;
  EvidentRenderTestResult result;

  g_assert_false (run_test_op (client, EVIDENT_RENDER_TEST_ABORT, NULL, &result, &error));
  g_assert_error (error, EVIDENT_RENDER_ERROR, EVIDENT_RENDER_ERROR_CRASHED);
  g_assert_false (evident_render_client_is_alive (client));
  g_clear_error (&error);

  /* Whatever is asked of it afterwards ends with the same reason. */
  g_assert_false (run_test_op (client, EVIDENT_RENDER_TEST_COUNT_RENDERED, NULL, &result, &error));
  g_assert_error (error, EVIDENT_RENDER_ERROR, EVIDENT_RENDER_ERROR_CRASHED);
}

/* A request that never ends: the watchdog stops the helper. */
static void
test_never_finishes (void)
{
  g_autoptr(EvidentRenderClient) client = evident_render_client_new ();
  g_autoptr(GError) error = NULL;
  EvidentRenderTestResult result;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed_ms;

  g_assert_false (run_test_op (client, EVIDENT_RENDER_TEST_SPIN, NULL, &result, &error));
  g_assert_error (error, EVIDENT_RENDER_ERROR, EVIDENT_RENDER_ERROR_TIMEOUT);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("stopped after %" G_GINT64_FORMAT " ms", elapsed_ms);
  g_assert_cmpint (elapsed_ms, >=, TIME_LIMIT_MS);
  g_assert_cmpint (elapsed_ms, <, TIME_LIMIT_MS + SLACK_MS);
}

/* Cancelled requests are dropped in the helper, not rendered. */
typedef struct
{
  EvidentRenderClient *client;
  GAsyncResult        *result;
  gboolean             taken;
} ReadPending;

/* In one dispatch of the main loop, as in a frame: what came is taken
 * there and then. */
static gboolean
read_pending_cb (gpointer data)
{
  ReadPending *pending = data;
  gint64 end = g_get_monotonic_time () + SLACK_MS * G_TIME_SPAN_MILLISECOND;

  g_assert_null (pending->result);
  while (pending->result == NULL && g_get_monotonic_time () < end)
    {
      /* Replies of another kind are left for the main loop. */
      evident_render_client_read_pending (pending->client, EVIDENT_RENDER_OPENED);
      g_assert_null (pending->result);
      evident_render_client_read_pending (pending->client, EVIDENT_RENDER_PIXELS);
      if (pending->result == NULL)
        g_usleep (1000);
    }
  pending->taken = pending->result != NULL;
  return G_SOURCE_REMOVE;
}

/* A page that has come is handed over without waiting for the main loop
 * (evident_render_client_read_pending ()), so that a frame under way
 * can draw it. */
static void
test_read_pending (void)
{
  g_autoptr(GBytes) bytes = evident_test_make_pdf (1, 612, 792, draw_page, NULL);
  g_autoptr(EvidentRenderClient) client = evident_render_client_new ();
  g_autoptr(EvidentPdfDocument) document = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  ReadPending pending = { client, NULL, FALSE };

  document = evident_test_load_pdf (client, bytes, &error);
  g_assert_no_error (error);

  evident_pdf_document_render_page_async (document, 0, 306, 396, NULL,
                                          evident_test_store_result_cb, &pending.result);
  /* Before the main loop reads the socket */
  g_idle_add_full (G_PRIORITY_HIGH, read_pending_cb, &pending, NULL);
  evident_test_wait_for_result (&pending.result);
  g_assert_true (pending.taken);

  texture = evident_pdf_document_render_page_finish (document, pending.result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 306);
  g_clear_object (&pending.result);
}

static void
test_cancel_in_helper (void)
{
  g_autoptr(GBytes) bytes = evident_test_make_pdf (1, 612, 792, draw_page, NULL);
  g_autoptr(EvidentRenderClient) client = evident_render_client_new ();
  g_autoptr(EvidentPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) last = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GCancellable *cancellables[20];
  GAsyncResult *results[20] = { NULL };
  EvidentRenderTestResult before;
  EvidentRenderTestResult after;

  document = evident_test_load_pdf (client, bytes, &error);
  g_assert_no_error (error);
  g_assert_true (run_test_op (client, EVIDENT_RENDER_TEST_COUNT_RENDERED, NULL, &before, &error));

  /* Twenty big pages asked for, all but the last cancelled at once. */
  for (guint i = 0; i < G_N_ELEMENTS (cancellables); i++)
    {
      cancellables[i] = g_cancellable_new ();
      evident_pdf_document_render_page_async (document, 0, 2448, 3168, cancellables[i],
                                              evident_test_store_result_cb, &results[i]);
    }
  for (guint i = 0; i + 1 < G_N_ELEMENTS (cancellables); i++)
    g_cancellable_cancel (cancellables[i]);

  for (guint i = 0; i < G_N_ELEMENTS (cancellables); i++)
    {
      g_autoptr(GdkTexture) page = NULL;

      page = evident_pdf_document_render_page_finish (document,
                                                      evident_test_wait_for_result (&results[i]),
                                                      &error);
      if (i + 1 < G_N_ELEMENTS (cancellables))
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_null (page);
          g_clear_error (&error);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_nonnull (page);
        }
      g_clear_object (&results[i]);
      g_object_unref (cancellables[i]);
    }

  g_assert_true (run_test_op (client, EVIDENT_RENDER_TEST_COUNT_RENDERED, NULL, &after, &error));
  g_assert_no_error (error);
  g_test_message ("pages rendered for 20 asked, 19 cancelled: %d", after.result - before.result);
  g_assert_cmpint (after.result - before.result, >=, 1);
  g_assert_cmpint (after.result - before.result, <, 10);
  g_assert_true (evident_render_client_is_alive (client));
}

/* The preview */

typedef struct
{
  GtkWidget      *window;
  EvidentPreview *preview;
  guint           n_open_requested;
} Fixture;

static void
open_requested_cb (EvidentPreview *preview,
                   Fixture        *fixture)
{
  fixture->n_open_requested++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->preview = evident_test_preview_new (&fixture->window);
  g_signal_connect (fixture->preview, "open-requested", G_CALLBACK (open_requested_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  evident_test_preview_destroy (fixture->preview, &fixture->window);
}

static gboolean
page_one_shown (EvidentPreview *preview)
{
  return evident_page_view_get_first_shown (evident_preview_get_page_view (preview)) != 0;
}

/* Runs the main loop until the preview shows page 1 or an error page, for
 * the time limit and the slack at most; returns how long it took, in
 * milliseconds. */
static gint64
wait_settled (EvidentPreview *preview,
              gint64          start)
{
  gint64 end = start + (TIME_LIMIT_MS + SLACK_MS) * G_GINT64_CONSTANT (1000);

  while (g_get_monotonic_time () < end)
    {
      const char *state = evident_preview_get_state (preview);

      /* The page before stays until the spinner's delay is up. */
      if ((g_str_equal (state, "error") && !evident_preview_get_loading (preview))
          || page_one_shown (preview))
        break;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return (g_get_monotonic_time () - start) / 1000;
}

static int
get_pid (Fixture *fixture)
{
  EvidentRenderClient *client = evident_preview_get_render_client (fixture->preview);

  return client != NULL ? evident_render_client_get_pid (client) : -1;
}

/* An ordinary PDF after whatever came before: its pages show. */
static void
assert_next_document_shows (Fixture *fixture)
{
  g_autoptr(GBytes) bytes = evident_test_make_pdf (3, 612, 792, draw_page, NULL);
  gint64 elapsed;

  evident_preview_set_bytes (fixture->preview, bytes, "application/pdf", "ordinary.pdf");
  elapsed = wait_settled (fixture->preview, g_get_monotonic_time ());
  g_test_message ("the next document: %s after %" G_GINT64_FORMAT " ms (%s)",
                  evident_preview_get_state (fixture->preview), elapsed,
                  evident_preview_get_error_title (fixture->preview));
  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "document");
  g_assert_true (page_one_shown (fixture->preview));
  g_assert_cmpuint (evident_preview_get_n_pages (fixture->preview), ==, 3);
}

/* The error page that says so, with a way to open the file elsewhere. */
static void
assert_shown_unsafe (Fixture *fixture)
{
  guint before = fixture->n_open_requested;

  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "error");
  g_assert_cmpstr (evident_preview_get_error_title (fixture->preview), ==,
                   "This Document Could Not Be Shown Safely");
  g_assert_cmpuint (evident_preview_get_n_pages (fixture->preview), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->preview), "preview.open", NULL));
  g_assert_cmpuint (fixture->n_open_requested, ==, before + 1);
}

/* A hostile file that must end in the error page; then an ordinary one,
 * in a fresh helper. */
static void
assert_hostile (Fixture    *fixture,
                GBytes     *bytes,
                const char *name)
{
  int pid;
  gint64 elapsed;

  evident_preview_set_bytes (fixture->preview, bytes, "application/pdf", name);
  elapsed = wait_settled (fixture->preview, g_get_monotonic_time ());
  g_test_message ("%s: %s after %" G_GINT64_FORMAT " ms", name,
                  evident_preview_get_state (fixture->preview), elapsed);
  pid = get_pid (fixture);

  assert_shown_unsafe (fixture);
  g_assert_cmpint (elapsed, <, TIME_LIMIT_MS + SLACK_MS);

  assert_next_document_shows (fixture);
  g_assert_cmpint (get_pid (fixture), >, 0);
  g_assert_cmpint (get_pid (fixture), !=, pid);
}

static void
test_deep_nesting (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) bytes = evident_test_pdf_deep_nesting (1000000);

  assert_hostile (fixture, bytes, "nesting.pdf");
}

static void
test_huge_image (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = evident_test_pdf_huge_image (30000, 30000);

  assert_hostile (fixture, bytes, "scan.pdf");
}

static void
test_flate_bomb (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = evident_test_pdf_flate_bomb (G_GUINT64_CONSTANT (4) << 30);

  /* Four gigabytes of white space: a page that does not finish. */
  assert_hostile (fixture, bytes, "bomb.pdf");
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) whole = evident_test_make_pdf (20, 612, 792, draw_page, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
  gint64 elapsed;

  /* Damaged, not hostile: the usual error page, and the same helper. */
  evident_preview_set_bytes (fixture->preview, bytes, "application/pdf", "truncated.pdf");
  elapsed = wait_settled (fixture->preview, g_get_monotonic_time ());
  g_assert_cmpstr (evident_preview_get_state (fixture->preview), ==, "error");
  g_assert_cmpstr (evident_preview_get_error_title (fixture->preview), ==, "Cannot Show This Document");
  g_assert_cmpint (elapsed, <, TIME_LIMIT_MS + SLACK_MS);
  g_assert_true (evident_render_client_is_alive (evident_preview_get_render_client (fixture->preview)));

  assert_next_document_shows (fixture);
}

static void
test_many_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = evident_test_pdf_many_pages (200000);
  gint64 elapsed;

  /* Big, not hostile: every page's size read within the time limit, and
   * page 1 on screen. */
  evident_preview_set_bytes (fixture->preview, bytes, "application/pdf", "pages.pdf");
  elapsed = wait_settled (fixture->preview, g_get_monotonic_time ());
  g_test_message ("200,000 pages: %s after %" G_GINT64_FORMAT " ms",
                  evident_preview_get_state (fixture->preview), elapsed);
  g_assert_cmpint (elapsed, <, TIME_LIMIT_MS + SLACK_MS);
  if (g_str_equal (evident_preview_get_state (fixture->preview), "document"))
    {
      g_assert_cmpuint (evident_preview_get_n_pages (fixture->preview), ==, 200000);
      g_assert_true (page_one_shown (fixture->preview));
      evident_preview_set_page (fixture->preview, 200000);
      g_assert_cmpuint (evident_preview_get_page (fixture->preview), ==, 200000);
    }
  else
    {
      assert_shown_unsafe (fixture);
    }

  assert_next_document_shows (fixture);
}

static gboolean
loaded (gpointer data)
{
  return g_str_equal (evident_preview_get_state (data), "document");
}

/* SIGKILL by hand while a page renders. */
static void
test_killed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GBytes) bytes = evident_test_pdf_huge_image (30000, 30000);
  gint64 start;
  gint64 elapsed;
  int pid;

  evident_preview_set_bytes (fixture->preview, bytes, "application/pdf", "scan.pdf");
  g_assert_true (evident_test_wait_until (loaded, fixture->preview));
  g_assert_false (page_one_shown (fixture->preview));

  pid = get_pid (fixture);
  g_assert_cmpint (pid, >, 0);
  start = g_get_monotonic_time ();
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);

  elapsed = wait_settled (fixture->preview, start);
  g_test_message ("error page %" G_GINT64_FORMAT " ms after the SIGKILL", elapsed);
  assert_shown_unsafe (fixture);

  assert_next_document_shows (fixture);
  g_assert_cmpint (get_pid (fixture), !=, pid);
}

/* A project with PDF evidence: the pane starts a renderer once the window
 * has drawn, before any preview. */
static void
test_prestart (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(EvidentProject) project = evident_test_create_sample_project ("prestart", &dir);
  g_autoptr(GBytes) pdf = evident_test_make_pdf (1, 612, 792, draw_page, NULL);
  g_autofree char *path = g_build_filename (dir, "runbook.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EvidentEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EvidentRenderClient) spare = NULL;
  GtkWidget *pane = g_object_new (EVIDENT_TYPE_PREVIEW_PANE, NULL);
  GtkWidget *window;

  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  evidence = evident_evidence_store_add_file (evident_evidence_store_get_for_project (project),
                                              evident_project_lookup_item (project, "8.2.1"),
                                              file, NULL, EVIDENT_EVIDENCE_KIND_PROCESS, NULL,
                                              NULL, &error);
  g_assert_no_error (error);

  /* Whatever spare earlier tests left. */
  g_clear_object (&spare);
  spare = evident_render_client_has_spare () ? evident_render_client_get () : NULL;
  g_clear_object (&spare);
  g_assert_false (evident_render_client_has_spare ());

  window = evident_test_show_in_window (pane, NULL, 600, 800);
  evident_preview_pane_set_project (EVIDENT_PREVIEW_PANE (pane), project);
  evident_test_run (300);
  g_assert_true (evident_render_client_has_spare ());

  /* The first preview takes it. */
  spare = evident_render_client_get ();
  g_assert_false (evident_render_client_has_spare ());
  g_assert_true (evident_render_client_is_alive (spare));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&project);
  evident_test_run (50);
  g_assert_true (evident_test_remove_dir (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("EVIDENT_RENDER_TIMEOUT_MS", G_STRINGIFY (TIME_LIMIT_MS), TRUE);
  g_setenv ("EVIDENT_RENDER_TEST_COMMANDS", "1", TRUE);
  g_unsetenv ("EVIDENT_RENDER_MEMORY_MB");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/hello", test_hello);
  g_test_add_func ("/render/sandbox/write", test_sandbox_write);
  g_test_add_func ("/render/sandbox/network-and-processes", test_sandbox_network_and_processes);
  g_test_add_func ("/render/crash", test_crash);
  g_test_add_func ("/render/never-finishes", test_never_finishes);
  g_test_add_func ("/render/cancel-in-helper", test_cancel_in_helper);
  g_test_add_func ("/render/read-pending", test_read_pending);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping the widget tests");
      return g_test_run ();
    }

  adw_init ();
  /* Link the resources, and with them the templates, into this program. */
  g_assert_nonnull (evident_get_resource ());

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/render/preview/deep-nesting", test_deep_nesting);
  ADD ("/render/preview/huge-image", test_huge_image);
  ADD ("/render/preview/flate-bomb", test_flate_bomb);
  ADD ("/render/preview/truncated", test_truncated);
  ADD ("/render/preview/many-pages", test_many_pages);
  ADD ("/render/preview/killed", test_killed);
#undef ADD
  g_test_add_func ("/render/prestart", test_prestart);

  return g_test_run ();
}
