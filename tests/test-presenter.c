/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Presenter mode (issue 13): one item at a time, its keys' actions (items,
 * Go to, pages and zoom, a verdict and its finding without leaving the
 * screen, internal details, Escape), the main window following the item
 * presented, and the agenda's timer in the header. Each test runs on the
 * sample project with its demo state and a session, presenter mode over
 * its window; the real keys go through tests/e2e-present.py. */

#include "config.h"

#include <string.h>

#include "evident-agenda-bar.h"
#include "evident-audit.h"
#include "evident-evidence-store.h"
#include "evident-findings-list.h"
#include "evident-item-editor.h"
#include "evident-presenter-window.h"
#include "evident-test-utils.h"
#include "evident-window-audit.h"
#include "evident-window-private.h"

typedef struct
{
  char                   *dir;
  EvidentProject         *project;
  EvidentAudit           *audit;
  EvidentSession         *session;
  EvidentWindow          *window;
  EvidentPresenterWindow *presenter;
} Fixture;

static EvidentItem *
item (Fixture    *fixture,
      const char *ref)
{
  EvidentItem *found = evident_project_lookup_item (fixture->project, ref);

  g_assert_nonnull (found);
  return found;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *chapters[] = { "8.0", "9.0", NULL };
  const char *participants[] = { "Jane Auditor", NULL };
  EvidentSessionSettings settings;
  g_autoptr (GError) error = NULL;

  fixture->project = evident_test_create_sample_project ("presenter", &fixture->dir);
  fixture->audit = evident_audit_get_for_project (fixture->project);
  evident_session_settings_init (&settings);
  settings.kind = EVIDENT_SESSION_AUDIT;
  settings.chapters = chapters;
  settings.participants = participants;
  fixture->session = evident_audit_new_session (fixture->audit, &settings, &error);
  g_assert_no_error (error);
  fixture->window = evident_test_window_new (fixture->project, 1280, 800);
  fixture->presenter = evident_window_audit_present (fixture->window, fixture->session,
                                                     item (fixture, "8.1.1"));
  g_assert_nonnull (fixture->presenter);
  evident_test_pump ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (evident_window_audit_get_presenter (fixture->window) != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->presenter));
  evident_test_window_destroy (fixture->window);
  g_clear_object (&fixture->project);
  evident_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
act (Fixture    *fixture,
     const char *action,
     GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->presenter), action,
                                                     parameter));
  evident_test_iterate ();
}

static const char *
text (Fixture    *fixture,
      const char *part)
{
  return evident_presenter_window_get_text (fixture->presenter, part);
}

/* A page that says which it is. */
static void
draw_page (cairo_t  *cr,
           int       page,
           gpointer  user_data)
{
  g_autofree char *text = g_strdup_printf ("Page %d", page + 1);

  cairo_move_to (cr, 72, 72);
  cairo_set_font_size (cr, 24);
  cairo_show_text (cr, text);
}

/* Tests */

/* The item on screen, the session's items one after the other, and the
 * main window following. */
static void
test_items (Fixture       *fixture,
            gconstpointer  data)
{
  EvidentItemList *list = evident_window_get_item_list (fixture->window);

  g_assert_cmpstr (text (fixture, "ref"), ==, "8.1.1");
  g_assert_cmpstr (text (fixture, "title"), ==, "Information security policy");
  g_assert_cmpstr (text (fixture, "position"), ==, "1 of 31");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->presenter)), ==,
                   "Presenting 8.1.1 Information security policy");
  /* Nothing internal until asked for. */
  g_assert_false (evident_presenter_window_get_show_internal (fixture->presenter));

  act (fixture, "presenter.move", g_variant_new_int32 (1));
  g_assert_cmpstr (text (fixture, "ref"), ==, "8.1.2");
  g_assert_true (evident_item_list_get_selected_item (list) == item (fixture, "8.1.2"));
  act (fixture, "presenter.move", g_variant_new_int32 (-1));
  act (fixture, "presenter.move", g_variant_new_int32 (-1));
  g_assert_cmpstr (text (fixture, "ref"), ==, "8.1.1");
  act (fixture, "presenter.move", g_variant_new_int32 (G_MAXINT32));
  g_assert_cmpstr (text (fixture, "position"), ==, "31 of 31");
  g_assert_true (g_str_has_prefix (text (fixture, "ref"), "9."));

  /* Go to: a reference, the start of one, or a clear no. */
  g_assert_true (evident_presenter_window_jump (fixture->presenter, "8.3.3"));
  g_assert_cmpstr (text (fixture, "ref"), ==, "8.3.3");
  g_assert_true (evident_presenter_window_jump (fixture->presenter, "8.4"));
  g_assert_cmpstr (text (fixture, "ref"), ==, "8.4.1");
  g_assert_false (evident_presenter_window_jump (fixture->presenter, "77.1"));
  g_assert_cmpstr (text (fixture, "ref"), ==, "8.4.1");
  /* An item outside the session's scope shows too, after its items. */
  g_assert_true (evident_presenter_window_jump (fixture->presenter, "1.1.1"));
  g_assert_cmpstr (text (fixture, "position"), ==, "32 of 32");

  act (fixture, "presenter.toggle-internal", NULL);
  g_assert_true (evident_presenter_window_get_show_internal (fixture->presenter));
  g_assert_true (g_str_has_prefix (text (fixture, "internal"), "Owner: Audit lead · Status: Met"));
}

/* Typing digits opens Go to; Escape closes what is open, then presenter
 * mode. */
static void
test_go_to_and_escape (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *entry = evident_presenter_window_get_jump_entry (fixture->presenter);
  GtkWidget *focus;

  act (fixture, "presenter.jump", NULL);
  /* The window's focus, not gtk_widget_has_focus (): without a window
   * manager the presenter window is not always active yet. */
  focus = gtk_root_get_focus (GTK_ROOT (fixture->presenter));
  g_assert_true (focus == entry || (focus && gtk_widget_is_ancestor (focus, entry)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "8.2.1");
  g_signal_emit_by_name (entry, "activate");
  evident_test_iterate ();
  g_assert_cmpstr (text (fixture, "ref"), ==, "8.2.1");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (entry))));

  /* While Go to is open, the item keys wait. */
  act (fixture, "presenter.jump", NULL);
  act (fixture, "presenter.move", g_variant_new_int32 (1));
  g_assert_cmpstr (text (fixture, "ref"), ==, "8.2.1");
  act (fixture, "presenter.leave", NULL);
  g_assert_nonnull (evident_window_audit_get_presenter (fixture->window));
  act (fixture, "presenter.move", g_variant_new_int32 (1));
  g_assert_cmpstr (text (fixture, "ref"), ==, "8.2.2");

  g_object_ref (fixture->presenter);
  act (fixture, "presenter.leave", NULL);
  evident_test_pump ();
  g_assert_null (evident_window_audit_get_presenter (fixture->window));
  evident_test_assert_finalized (fixture->presenter);
}

/* P, F, O or N, then the finding and Enter: a verdict in the session; the
 * status only when asked, in the same step of undo. */
static void
test_verdict (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *finding = evident_presenter_window_get_finding_entry (fixture->presenter);
  EvidentItemEditor *editor = evident_window_get_item_editor (fixture->window);
  GtkWidget *item_findings;
  EvidentItem *policy = item (fixture, "8.1.1");
  EvidentItem *training = item (fixture, "8.1.3");
  g_autoptr (GPtrArray) findings = NULL;
  GtkWidget *check;

  act (fixture, "presenter.verdict", g_variant_new_string ("passed"));
  g_signal_emit_by_name (finding, "activate");
  evident_test_iterate ();
  g_assert_cmpint (evident_session_get_verdict (fixture->session, policy), ==,
                   EVIDENT_VERDICT_PASSED);
  g_assert_cmpstr (text (fixture, "verdict"), ==, "Passed");
  /* The first verdict opened the session, and its chapter's time runs. */
  g_assert_cmpint (evident_session_get_state (fixture->session), ==, EVIDENT_SESSION_OPEN);
  g_assert_cmpstr (evident_session_get_current_chapter (fixture->session), ==, "8.0");

  g_assert_true (evident_presenter_window_jump (fixture->presenter, "8.1.3"));
  act (fixture, "presenter.verdict", g_variant_new_string ("failed"));
  gtk_editable_set_text (GTK_EDITABLE (finding), "Training records incomplete");
  check = evident_test_find_widget (GTK_WIDGET (fixture->presenter), GTK_TYPE_CHECK_BUTTON,
                                    NULL, NULL);
  g_assert_nonnull (check);
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==,
                   "Also set the status to _Not Met");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_signal_emit_by_name (finding, "activate");
  evident_test_iterate ();
  g_assert_cmpint (evident_session_get_verdict (fixture->session, training), ==,
                   EVIDENT_VERDICT_FAILED);
  g_assert_cmpint (evident_item_get_status (training), ==, EVIDENT_STATUS_NOT_MET);
  g_assert_cmpstr (text (fixture, "verdict"), ==, "Failed: Training records incomplete");
  findings = evident_audit_list_findings (fixture->audit, fixture->session, training, TRUE);
  g_assert_cmpuint (findings->len, ==, 1);
  /* The main window, on the item presented, shows the lead the finding. */
  item_findings = evident_test_find_widget (GTK_WIDGET (editor), EVIDENT_TYPE_FINDINGS_LIST,
                                            NULL, NULL);
  g_assert_nonnull (item_findings);
  g_assert_true (evident_item_editor_get_item (editor) == training);
  g_assert_true (gtk_widget_get_visible (item_findings));
  g_assert_cmpuint (g_list_model_get_n_items (
                      evident_findings_list_get_model (EVIDENT_FINDINGS_LIST (item_findings))),
                    ==, 1);
  /* A finding typed in on the side does not take the verdict's place. */
  g_assert_nonnull (evident_session_add_finding (fixture->session, training,
                                                 "Trainer not named", NULL));
  evident_test_iterate ();
  g_assert_cmpstr (text (fixture, "verdict"), ==, "Failed: Training records incomplete");
  g_assert_cmpuint (g_list_model_get_n_items (
                      evident_findings_list_get_model (EVIDENT_FINDINGS_LIST (item_findings))),
                    ==, 2);
  act (fixture, "win.undo", NULL);

  /* Ctrl+Z in presenter mode: verdict, finding and status in one step. */
  act (fixture, "win.undo", NULL);
  g_assert_cmpint (evident_session_get_verdict (fixture->session, training), ==,
                   EVIDENT_VERDICT_NONE);
  g_assert_cmpint (evident_item_get_status (training), ==, EVIDENT_STATUS_READY);
  g_assert_cmpuint (evident_audit_get_n_open_findings (fixture->audit), ==, 0);
  g_assert_false (gtk_widget_get_visible (item_findings));

  /* Escape leaves the finding without a verdict. */
  act (fixture, "presenter.verdict", g_variant_new_string ("observation"));
  act (fixture, "presenter.leave", NULL);
  g_assert_cmpint (evident_session_get_verdict (fixture->session, training), ==,
                   EVIDENT_VERDICT_NONE);
  g_assert_nonnull (evident_window_audit_get_presenter (fixture->window));
}

/* The header's timer: the chapter on screen against its plan, the day,
 * ticking while it runs; presenter mode stops it when it goes. */
static void
test_timer (Fixture       *fixture,
            gconstpointer  data)
{
  EvidentAgendaBar *bar = EVIDENT_AGENDA_BAR (
      evident_test_find_widget (GTK_WIDGET (fixture->presenter), EVIDENT_TYPE_AGENDA_BAR, NULL, NULL));
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_seconds (now, 65);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (bar);
  g_assert_true (evident_session_set_state (fixture->session, EVIDENT_SESSION_OPEN, &error));
  /* Moving on starts the time of the item's chapter. */
  g_assert_true (evident_presenter_window_jump (fixture->presenter, "9.1.1"));
  evident_test_iterate ();
  g_assert_cmpstr (evident_session_get_current_chapter (fixture->session), ==, "9.0");
  g_assert_true (evident_agenda_bar_get_ticking (bar));
  evident_agenda_bar_update (bar, later);
  g_assert_true (g_str_has_prefix (evident_agenda_bar_get_time_text (bar), "1:0"));
  g_assert_true (g_str_has_prefix (evident_agenda_bar_get_day_text (bar), "Day ")
                 || g_str_equal (evident_agenda_bar_get_day_text (bar), "Outside the session’s days"));

  /* B pauses it, and runs it again. */
  act (fixture, "presenter.toggle-timer", NULL);
  g_assert_null (evident_session_get_current_chapter (fixture->session));
  g_assert_false (evident_agenda_bar_get_ticking (bar));
  act (fixture, "presenter.toggle-timer", NULL);
  g_assert_cmpstr (evident_session_get_current_chapter (fixture->session), ==, "9.0");

  gtk_window_close (GTK_WINDOW (fixture->presenter));
  evident_test_pump ();
  g_assert_null (evident_session_get_current_chapter (fixture->session));
}

/* Presenter mode destroyed rather than closed, as it is with its main
 * window, for another session, or on quitting: the chapter's time stops
 * all the same, and the header's second timeout goes with the window. */
static void
test_timer_stops_on_destroy (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *bar = evident_test_find_widget (GTK_WIDGET (fixture->presenter),
                                             EVIDENT_TYPE_AGENDA_BAR, NULL, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (bar);
  g_object_add_weak_pointer (G_OBJECT (bar), (gpointer *) &bar);
  g_assert_true (evident_session_set_state (fixture->session, EVIDENT_SESSION_OPEN, &error));
  g_assert_true (evident_presenter_window_jump (fixture->presenter, "9.1.1"));
  evident_test_iterate ();
  g_assert_cmpstr (evident_session_get_current_chapter (fixture->session), ==, "9.0");
  g_assert_true (evident_agenda_bar_get_ticking (EVIDENT_AGENDA_BAR (bar)));

  gtk_window_destroy (GTK_WINDOW (fixture->presenter));
  evident_test_pump ();
  g_assert_null (evident_window_audit_get_presenter (fixture->window));
  g_assert_null (bar);
  g_assert_null (evident_session_get_current_chapter (fixture->session));
}

/* A presenter window of its own, @width wide, on 8.2.1. */
static EvidentPresenterWindow *
present_at_width (Fixture *fixture,
                  int      width,
                  int      height)
{
  EvidentPresenterWindow *presenter = evident_presenter_window_new (fixture->project,
                                                                    fixture->session);

  g_object_ref_sink (presenter);
  evident_presenter_window_set_item (presenter, item (fixture, "8.2.1"));
  gtk_window_set_default_size (GTK_WINDOW (presenter), width, height);
  gtk_window_present (GTK_WINDOW (presenter));
  g_assert_true (evident_test_wait_until ((EvidentTestCondition) gtk_widget_get_mapped, presenter));
  evident_test_pump ();
  return presenter;
}

static void
destroy_presenter (EvidentPresenterWindow *presenter)
{
  gtk_window_destroy (GTK_WINDOW (presenter));
  evident_test_pump ();
  evident_test_assert_finalized (presenter);
}

/* On a phone's width the text goes above the evidence and the header
 * wraps to fit; side by side on a laptop's. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  EvidentPresenterWindow *presenter = present_at_width (fixture, 360, 700);
  GtkWidget *paned = evident_test_find_widget (GTK_WIDGET (presenter), GTK_TYPE_PANED, NULL, NULL);
  int minimum;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (presenter)), <=, 360);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==,
                   GTK_ORIENTATION_VERTICAL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (presenter), "narrow"));
  gtk_widget_measure (GTK_WIDGET (presenter), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  destroy_presenter (presenter);

  presenter = present_at_width (fixture, 1366, 768);
  paned = evident_test_find_widget (GTK_WIDGET (presenter), GTK_TYPE_PANED, NULL, NULL);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==,
                   GTK_ORIENTATION_HORIZONTAL);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (presenter), "narrow"));
  destroy_presenter (presenter);
}

/* Pages and zoom of the evidence on screen. */
static void
test_evidence_pages (Fixture       *fixture,
                     gconstpointer  data)
{
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (fixture->project);
  g_autoptr (GBytes) pdf = evident_test_make_pdf (5, 595, 842, draw_page, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "policy.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;
  EvidentPreview *preview = evident_presenter_window_get_preview (fixture->presenter);
  double zoom;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                      &error));
  evidence = evident_evidence_store_add_file (store, item (fixture, "8.1.2"), file, "Policy",
                                              EVIDENT_EVIDENCE_KIND_PROCESS, NULL, NULL, &error);
  g_assert_no_error (error);
  act (fixture, "presenter.move", g_variant_new_int32 (1));
  g_assert_true (evident_test_wait_until ((EvidentTestCondition) evident_preview_get_n_pages,
                                          preview));
  g_assert_cmpuint (evident_preview_get_n_pages (preview), ==, 5);
  g_assert_cmpuint (evident_preview_get_page (preview), ==, 1);
  act (fixture, "presenter.page", g_variant_new_int32 (1));
  g_assert_cmpuint (evident_preview_get_page (preview), ==, 2);
  act (fixture, "presenter.page", g_variant_new_int32 (-5));
  g_assert_cmpuint (evident_preview_get_page (preview), ==, 1);

  zoom = evident_preview_get_zoom (preview);
  act (fixture, "presenter.zoom", g_variant_new_int32 (1));
  g_assert_cmpfloat (evident_preview_get_zoom (preview), >, zoom);
  act (fixture, "presenter.zoom", g_variant_new_int32 (0));
  g_assert_true (evident_preview_get_fit_width (preview));
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/presenter/no-display"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/presenter/items", test_items);
  ADD ("/presenter/go-to-and-escape", test_go_to_and_escape);
  ADD ("/presenter/verdict", test_verdict);
  ADD ("/presenter/timer", test_timer);
  ADD ("/presenter/timer-stops-on-destroy", test_timer_stops_on_destroy);
  ADD ("/presenter/evidence-pages", test_evidence_pages);
  ADD ("/presenter/narrow", test_narrow);

#undef ADD

  return g_test_run ();
}
