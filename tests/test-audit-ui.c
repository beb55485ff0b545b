/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The audit in the window (issue 13): exempting a chapter from the
 * sidebar's menu and lifting the exemption, a section's menu in the item
 * list, a new session, verdicts recorded with and without a status as one
 * step of undo, the findings list and addressing a finding, the overview's
 * open findings, a chapter's session history, and every new template
 * finalized. Each test runs on the sample project with its demo state, in
 * a window, and drives the window's actions and dialogs as a user would. */

#include "config.h"

#include <string.h>

#include "evident-address-dialog.h"
#include "evident-agenda-bar.h"
#include "evident-agenda-list.h"
#include "evident-audit-ui.h"
#include "evident-audit.h"
#include "evident-chapter-history.h"
#include "evident-evidence-store.h"
#include "evident-exemption-dialog.h"
#include "evident-findings-list.h"
#include "evident-item-editor.h"
#include "evident-item-row.h"
#include "evident-open-findings.h"
#include "evident-session-dialog.h"
#include "evident-session-view.h"
#include "evident-sessions-page.h"
#include "evident-sidebar-row.h"
#include "evident-test-utils.h"
#include "evident-verdict-dialog.h"
#include "evident-window-audit.h"
#include "evident-window-private.h"

#define REASON "DevOps competency held, certificate attached"

typedef struct
{
  char           *dir;
  EvidentProject *project;
  EvidentAudit   *audit;
  EvidentWindow  *window;
} Fixture;

/* Helpers */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = evident_test_create_sample_project ("audit-ui", &fixture->dir);
  fixture->audit = evident_audit_get_for_project (fixture->project);
  fixture->window = evident_test_window_new (fixture->project, 1280, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  evident_test_window_destroy (fixture->window);
  g_clear_object (&fixture->project);
  evident_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static EvidentItem *
item (Fixture    *fixture,
      const char *ref)
{
  EvidentItem *found = evident_project_lookup_item (fixture->project, ref);

  g_assert_nonnull (found);
  return found;
}

/* The newest toplevel of @type, e.g. the dialog an action opened. */
static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gpointer found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  return found;
}

static const char *
last_toast (Fixture *fixture)
{
  return g_object_get_data (G_OBJECT (fixture->window), "evident-last-toast");
}

static void
undo (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  evident_test_iterate ();
}

static void
redo (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  evident_test_iterate ();
}

static gboolean
has_text (GtkWidget     *widget,
          gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_chapter_row (GtkWidget     *widget,
                gconstpointer  number)
{
  EvidentChapter *chapter = evident_sidebar_row_get_chapter (EVIDENT_SIDEBAR_ROW (widget));

  return chapter != NULL && g_str_equal (evident_chapter_get_number (chapter), number);
}

/* The label of the menu item that activates @action with @target. */
static char *
find_menu_label (GMenuModel *model,
                 const char *action,
                 const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *item_action = NULL;
      g_autofree char *label = NULL;
      g_autoptr (GVariant) item_target = NULL;

      if (section != NULL)
        {
          char *found = find_menu_label (section, action, target);

          if (found != NULL)
            return found;
          continue;
        }
      g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action);
      g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      item_target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET,
                                                           G_VARIANT_TYPE_STRING);
      if (g_strcmp0 (item_action, action) == 0 && item_target != NULL
          && g_str_equal (g_variant_get_string (item_target, NULL), target))
        return g_steal_pointer (&label);
    }
  return NULL;
}

static GtkLabel *
find_exempt_label (GtkWidget *row)
{
  g_autoptr (GPtrArray) labels = evident_test_collect_widgets (row, GTK_TYPE_LABEL, NULL, NULL);

  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_label (g_ptr_array_index (labels, i)), "Exempt: "))
      return g_ptr_array_index (labels, i);
  return NULL;
}

static EvidentSession *
new_dry_run (Fixture    *fixture,
             const char *chapter)
{
  const char *chapters[] = { chapter, NULL };
  const char *participants[] = { "Sam Reviewer", NULL };
  EvidentSessionSettings settings;
  g_autoptr (GError) error = NULL;
  EvidentSession *session;

  evident_session_settings_init (&settings);
  settings.date = "2025-03-03";
  settings.chapters = chapters;
  settings.participants = participants;
  session = evident_audit_new_session (fixture->audit, &settings, &error);
  g_assert_no_error (error);
  return session;
}

/* Tests */

/* Mark as Exempt from a chapter's menu in the sidebar: one reason and a
 * piece of evidence, every item not applicable, the sidebar and the score
 * showing it, one step of undo; lifting says which item kept its edit. */
static void
test_exempt_from_sidebar (Fixture       *fixture,
                          gconstpointer  data)
{
  EvidentSidebar *sidebar = evident_window_get_sidebar (fixture->window);
  EvidentChapter *devops = evident_test_find_chapter (fixture->project, "6.0");
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (fixture->project);
  g_autoptr (EvidentEvidence) certificate = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  EvidentExemptionDialog *dialog;
  GtkWidget *row;
  GtkLabel *exempt_label;
  double before;

  certificate = evident_evidence_store_add_link (store, item (fixture, "6.1.1"),
                                                 "https://example.com/devops-certificate.pdf",
                                                 "DevOps Competency certificate",
                                                 EVIDENT_EVIDENCE_KIND_ASSET, &error);
  g_assert_no_error (error);
  before = evident_project_get_score (fixture->project)->views[EVIDENT_VIEW_CONFIRMED].score;

  /* The chapter's menu offers it. */
  row = evident_test_find_widget (GTK_WIDGET (sidebar), EVIDENT_TYPE_SIDEBAR_ROW, is_chapter_row, "6.0");
  g_assert_nonnull (row);
  g_assert_true (evident_sidebar_row_popup_menu (EVIDENT_SIDEBAR_ROW (row), -1, -1));
  label = find_menu_label (evident_sidebar_row_get_menu_model (EVIDENT_SIDEBAR_ROW (row)),
                           "win.exempt", "6.0");
  g_assert_cmpstr (label, ==, "_Mark as Exempt…");
  g_clear_pointer (&label, g_free);
  label = find_menu_label (evident_sidebar_row_get_menu_model (EVIDENT_SIDEBAR_ROW (row)),
                           "win.chapter-history", "6.0");
  g_assert_nonnull (label);
  g_clear_pointer (&label, g_free);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.exempt", "s", "6.0");
  evident_test_iterate ();
  dialog = find_toplevel (EVIDENT_TYPE_EXEMPTION_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Mark 6.0 DevOps as Exempt?");
  /* No reason, no exemption. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "exempt"));
  evident_exemption_dialog_set_reason (dialog, "  " REASON " ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "exempt"));
  g_assert_true (evident_exemption_dialog_select_evidence (dialog, certificate));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "exempt");
  evident_test_pump ();

  g_assert_cmpstr (evident_chapter_get_exemption_reason (devops), ==, REASON);
  g_assert_cmpint (evident_exemption_get_evidence_id (evident_chapter_get_exemption (devops)), ==,
                   evident_evidence_get_id (certificate));
  for (guint i = 0; i < g_list_model_get_n_items (evident_project_get_items (fixture->project)); i++)
    {
      g_autoptr (EvidentItem) it = g_list_model_get_item (evident_project_get_items (fixture->project), i);

      if (g_str_equal (evident_item_get_chapter (it), "6.0"))
        {
          g_assert_cmpint (evident_item_get_status (it), ==, EVIDENT_STATUS_NOT_APPLICABLE);
          g_assert_cmpstr (evident_item_get_reason (it), ==, REASON);
        }
    }
  g_assert_cmpfloat (evident_project_get_score (fixture->project)->views[EVIDENT_VIEW_CONFIRMED].score,
                     >, before);
  g_assert_cmpstr (last_toast (fixture), ==, "6.0 is exempt: 11 items not applicable");

  /* The sidebar says so, the reason in full as its tooltip. */
  exempt_label = find_exempt_label (row);
  g_assert_nonnull (exempt_label);
  g_assert_cmpstr (gtk_label_get_label (exempt_label), ==, "Exempt: " REASON);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (exempt_label)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (exempt_label))),
                   ==, REASON);
  /* Its menu now lifts it. */
  evident_sidebar_row_popup_menu (EVIDENT_SIDEBAR_ROW (row), -1, -1);
  label = find_menu_label (evident_sidebar_row_get_menu_model (EVIDENT_SIDEBAR_ROW (row)),
                           "win.lift-exemption", "6.0");
  g_assert_cmpstr (label, ==, "_Lift Exemption");

  /* One step of undo, and back. */
  undo (fixture);
  g_assert_null (evident_chapter_get_exemption (devops));
  g_assert_cmpint (evident_item_get_status (item (fixture, "6.1.1")), ==, EVIDENT_STATUS_MET);
  g_assert_cmpfloat (evident_project_get_score (fixture->project)->views[EVIDENT_VIEW_CONFIRMED].score,
                     ==, before);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (exempt_label)));
  redo (fixture);
  g_assert_nonnull (evident_chapter_get_exemption (devops));

  /* An item edited while exempt keeps its edit when the exemption goes. */
  g_assert_true (evident_project_set_status (fixture->project, item (fixture, "6.1.3"),
                                             EVIDENT_STATUS_READY, NULL, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lift-exemption", "s", "6.0");
  evident_test_iterate ();
  g_assert_null (evident_chapter_get_exemption (devops));
  g_assert_cmpint (evident_item_get_status (item (fixture, "6.1.3")), ==, EVIDENT_STATUS_READY);
  g_assert_cmpint (evident_item_get_status (item (fixture, "6.1.1")), ==, EVIDENT_STATUS_MET);
  g_assert_cmpint (evident_item_get_status (item (fixture, "6.3.2")), ==, EVIDENT_STATUS_NOT_STARTED);
  g_assert_cmpstr (last_toast (fixture), ==, "Exemption of 6.0 lifted; 6.1.3 keeps the edit made since");
  undo (fixture);
  g_assert_nonnull (evident_chapter_get_exemption (devops));
}

/* An item's menu in the list exempts its section; with its chapter exempt,
 * it offers the chapter only. */
static void
test_exempt_section_from_list (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr (GMenuModel) menu = NULL;
  g_autofree char *label = NULL;
  EvidentExemptionDialog *dialog;
  EvidentExemption *exemption;
  g_autoptr (GError) error = NULL;

  menu = evident_window_audit_create_item_menu (fixture->window, item (fixture, "8.2.1"));
  label = find_menu_label (menu, "win.exempt", "8.2");
  g_assert_cmpstr (label, ==, "Mark Section 8.2 as Exempt…");
  g_clear_pointer (&label, g_free);
  label = find_menu_label (menu, "win.exempt", "8.0");
  g_assert_cmpstr (label, ==, "Mark Chapter 8.0 as Exempt…");
  g_clear_pointer (&label, g_free);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.exempt", "s", "8.2");
  evident_test_iterate ();
  dialog = find_toplevel (EVIDENT_TYPE_EXEMPTION_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (evident_exemption_dialog_get_number (dialog), ==, "8.2");
  evident_exemption_dialog_set_reason (dialog, "MSSP Level 1 held");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "exempt");
  evident_test_pump ();

  exemption = evident_audit_lookup_exemption (fixture->audit, "8.2");
  g_assert_nonnull (exemption);
  g_assert_cmpstr (evident_exemption_get_section (exemption), ==, "8.2");
  g_assert_cmpint (evident_item_get_status (item (fixture, "8.2.3")), ==,
                   EVIDENT_STATUS_NOT_APPLICABLE);
  g_assert_cmpint (evident_item_get_status (item (fixture, "8.3.2")), ==,
                   EVIDENT_STATUS_IN_PROGRESS);

  g_clear_object (&menu);
  menu = evident_window_audit_create_item_menu (fixture->window, item (fixture, "8.2.1"));
  label = find_menu_label (menu, "win.lift-exemption", "8.2");
  g_assert_cmpstr (label, ==, "Lift the Exemption of Section 8.2");

  /* The chapter cannot be exempt over its exempt section: the core says
   * why, and nothing changes. */
  g_assert_null (evident_audit_exempt (fixture->audit, "8.0", "x", NULL, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_EXEMPT);
}

/* New Session…: kind, day, participants and scope; the page shows it, one
 * step of undo takes it back. */
static void
test_new_session (Fixture       *fixture,
                  gconstpointer  data)
{
  EvidentSidebar *sidebar = evident_window_get_sidebar (fixture->window);
  EvidentSessionsPage *page = evident_window_get_sessions_page (fixture->window);
  GListModel *sessions = evident_audit_get_sessions (fixture->audit);
  EvidentSessionDialog *dialog;
  EvidentSession *session;
  const char * const *chapters;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-sessions", NULL);
  evident_test_pump ();
  g_assert_true (evident_sidebar_get_sessions (sidebar));
  g_assert_true (evident_sidebar_get_overview (sidebar));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (evident_window_get_overview (fixture->window))));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-session", NULL);
  evident_test_iterate ();
  dialog = find_toplevel (EVIDENT_TYPE_SESSION_DIALOG);
  g_assert_nonnull (dialog);
  evident_session_dialog_set_kind (dialog, EVIDENT_SESSION_PRE_AUDIT);
  evident_session_dialog_set_date (dialog, "2025-04-01");
  evident_session_dialog_set_participants (dialog, "Sam Reviewer, , Priya Shah ");
  g_assert_true (evident_session_dialog_set_chapter (dialog, "8.0", TRUE));
  g_assert_true (evident_session_dialog_set_chapter (dialog, "9.0", TRUE));
  /* A day that is not a day: no session. */
  evident_session_dialog_set_date (dialog, "2025-02-30");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  evident_session_dialog_set_date (dialog, "2025-04-01");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  evident_test_pump ();

  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1);
  session = g_list_model_get_item (sessions, 0);
  g_object_unref (session);
  g_assert_cmpint (evident_session_get_kind (session), ==, EVIDENT_SESSION_PRE_AUDIT);
  g_assert_cmpstr (evident_session_get_date (session), ==, "2025-04-01");
  g_assert_cmpstr (evident_session_get_participants (session)[0], ==, "Sam Reviewer");
  g_assert_cmpstr (evident_session_get_participants (session)[1], ==, "Priya Shah");
  g_assert_null (evident_session_get_participants (session)[2]);
  chapters = evident_session_get_chapters (session);
  g_assert_cmpstr (chapters[0], ==, "8.0");
  g_assert_cmpstr (chapters[1], ==, "9.0");
  g_assert_null (chapters[2]);
  /* The page shows it, with its items. */
  g_assert_true (evident_session_view_get_session (evident_sessions_page_get_session_view (page))
                 == session);
  g_assert_nonnull (gtk_list_box_get_row_at_index (
      evident_session_view_get_item_list (evident_sessions_page_get_session_view (page)),
      evident_session_get_n_items (session) - 1));
  g_assert_nonnull (gtk_list_box_get_row_at_index (evident_sessions_page_get_session_list (page), 0));

  undo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 0);
  g_assert_null (evident_session_view_get_session (evident_sessions_page_get_session_view (page)));
}

/* A verdict from the session's page: without a status it leaves the
 * item's alone; with one, verdict and status are one step of undo. */
static void
test_verdict_and_status_one_undo (Fixture       *fixture,
                                  gconstpointer  data)
{
  EvidentSession *session = new_dry_run (fixture, "8.0");
  EvidentSessionsPage *page = evident_window_get_sessions_page (fixture->window);
  EvidentSessionView *view = evident_sessions_page_get_session_view (page);
  EvidentItem *ready = item (fixture, "8.1.3");
  g_autoptr (GError) error = NULL;
  EvidentVerdictDialog *dialog;
  GtkWidget *row;

  g_assert_cmpint (evident_item_get_status (ready), ==, EVIDENT_STATUS_READY);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-session", "x",
                              evident_session_get_id (session));
  evident_test_pump ();
  g_assert_true (evident_session_view_get_session (view) == session);

  /* Passed, the status kept. */
  dialog = EVIDENT_VERDICT_DIALOG (evident_session_view_record_verdict (view, ready));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  evident_verdict_dialog_set_verdict (dialog, EVIDENT_VERDICT_PASSED);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  evident_test_pump ();
  g_assert_cmpint (evident_session_get_verdict (session, ready), ==, EVIDENT_VERDICT_PASSED);
  g_assert_cmpint (evident_item_get_status (ready), ==, EVIDENT_STATUS_READY);
  g_assert_cmpint (evident_session_get_state (session), ==, EVIDENT_SESSION_OPEN);
  g_assert_cmpint (evident_session_read_status (session, ready), ==, EVIDENT_STATUS_MET);
  /* The item's row shows the verdict. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (evident_session_view_get_item_list (view), 2));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "8.1.3 Security awareness training");
  g_assert_nonnull (evident_test_find_widget (row, GTK_TYPE_LABEL, has_text, "Passed"));
  undo (fixture);
  g_assert_cmpint (evident_session_get_verdict (session, ready), ==, EVIDENT_VERDICT_NONE);
  g_assert_nonnull (evident_test_find_widget (row, GTK_TYPE_LABEL, has_text, "No verdict"));

  /* Passed, and met as the user says: both go with one undo. */
  dialog = EVIDENT_VERDICT_DIALOG (evident_session_view_record_verdict (view, ready));
  evident_verdict_dialog_set_verdict (dialog, EVIDENT_VERDICT_PASSED);
  evident_verdict_dialog_set_status (dialog, EVIDENT_STATUS_MET);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  evident_test_pump ();
  g_assert_cmpint (evident_session_get_verdict (session, ready), ==, EVIDENT_VERDICT_PASSED);
  g_assert_cmpint (evident_item_get_status (ready), ==, EVIDENT_STATUS_MET);
  undo (fixture);
  g_assert_cmpint (evident_session_get_verdict (session, ready), ==, EVIDENT_VERDICT_NONE);
  g_assert_cmpint (evident_item_get_status (ready), ==, EVIDENT_STATUS_READY);
  redo (fixture);
  g_assert_cmpint (evident_session_get_verdict (session, ready), ==, EVIDENT_VERDICT_PASSED);
  g_assert_cmpint (evident_item_get_status (ready), ==, EVIDENT_STATUS_MET);

  /* Closed, the session takes no more verdicts; undo opens it again. */
  gtk_widget_activate_action (GTK_WIDGET (view), "session.toggle-state", NULL);
  evident_test_iterate ();
  g_assert_cmpint (evident_session_get_state (session), ==, EVIDENT_SESSION_CLOSED);
  g_assert_cmpstr (last_toast (fixture), ==, "Session closed");
  g_assert_nonnull (evident_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON,
                                              evident_test_has_label, "_Reopen Session"));
  g_assert_false (evident_session_record_verdict (session, ready, EVIDENT_VERDICT_FAILED, NULL,
                                                  EVIDENT_VERDICT_FLAGS_NONE, &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_CLOSED);
  undo (fixture);
  g_assert_cmpint (evident_session_get_state (session), ==, EVIDENT_SESSION_OPEN);
}

static gboolean
is_session_findings (GtkWidget     *widget,
                     gconstpointer  data)
{
  return evident_findings_list_get_session (EVIDENT_FINDINGS_LIST (widget)) == NULL;
}

/* A failed verdict with a finding: the findings list and the overview
 * show it open; addressing it links the item's latest edit; the closing
 * findings typed in on the session's page, on an item and on the whole
 * session. */
static void
test_findings (Fixture       *fixture,
               gconstpointer  data)
{
  EvidentSession *session = new_dry_run (fixture, "8.0");
  EvidentSessionsPage *page = evident_window_get_sessions_page (fixture->window);
  EvidentFindingsList *list = evident_sessions_page_get_findings_list (page);
  EvidentOpenFindings *open = EVIDENT_OPEN_FINDINGS (
      evident_test_find_widget (GTK_WIDGET (evident_window_get_overview (fixture->window)),
                                EVIDENT_TYPE_OPEN_FINDINGS, NULL, NULL));
  EvidentItem *segmentation = item (fixture, "8.4.4");
  g_autoptr (GError) error = NULL;
  EvidentAddressDialog *dialog;
  EvidentFinding *finding;
  gint64 change;

  g_assert_nonnull (open);
  g_assert_cmpstr (evident_open_findings_get_count_text (open), ==,
                   "Nothing left to address from the sessions.");
  g_assert_true (is_session_findings (GTK_WIDGET (list), NULL));

  g_assert_true (evident_session_record_verdict (session, segmentation, EVIDENT_VERDICT_FAILED,
                                                 "Flat network in the reference account",
                                                 EVIDENT_VERDICT_FLAGS_NONE, &error));
  g_assert_no_error (error);
  evident_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (evident_findings_list_get_model (list)), ==, 1);
  /* The row shows the verdict it came with. */
  g_assert_true (gtk_widget_get_visible (
      evident_test_find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (
                                  evident_findings_list_get_list (list), 0)),
                                GTK_TYPE_LABEL, has_text, "Failed")));
  g_assert_cmpstr (evident_open_findings_get_count_text (open), ==,
                   "1 finding to address before the audit.");
  g_assert_nonnull (evident_test_find_widget (GTK_WIDGET (evident_open_findings_get_list (open)),
                                              GTK_TYPE_LABEL, has_text,
                                              "Flat network in the reference account"));

  /* Fixed by an edit: the one offered. */
  g_assert_true (evident_project_set_status (fixture->project, segmentation,
                                             EVIDENT_STATUS_READY, NULL, &error));
  change = evident_audit_find_last_change (fixture->audit, segmentation, &error);
  g_assert_no_error (error);
  finding = g_list_model_get_item (evident_findings_list_get_model (list), 0);
  g_object_unref (finding);
  dialog = EVIDENT_ADDRESS_DIALOG (evident_findings_list_address (list, finding));
  g_assert_cmpint (evident_address_dialog_get_change (dialog), ==, change);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "address");
  evident_test_pump ();
  g_assert_cmpint (evident_finding_get_state (finding), ==, EVIDENT_FINDING_ADDRESSED);
  g_assert_cmpint (evident_finding_get_fixed_by (finding), ==, change);
  g_assert_cmpuint (g_list_model_get_n_items (evident_findings_list_get_model (list)), ==, 0);
  evident_findings_list_set_show (list, EVIDENT_FINDINGS_SHOW_ADDRESSED);
  g_assert_cmpuint (g_list_model_get_n_items (evident_findings_list_get_model (list)), ==, 1);
  g_assert_cmpstr (evident_open_findings_get_count_text (open), ==,
                   "Nothing left to address from the sessions.");
  /* Reopened from its row, then back with undo. */
  gtk_widget_activate_action (GTK_WIDGET (list), "findings.reopen", "x",
                              evident_finding_get_id (finding));
  evident_test_iterate ();
  g_assert_cmpint (evident_finding_get_state (finding), ==, EVIDENT_FINDING_OPEN);
  undo (fixture);
  g_assert_cmpint (evident_finding_get_state (finding), ==, EVIDENT_FINDING_ADDRESSED);
  undo (fixture);
  g_assert_cmpint (evident_finding_get_state (finding), ==, EVIDENT_FINDING_OPEN);

  /* The closing findings, typed in as they are presented; a note only
   * for the one on the whole session. */
  evident_sessions_page_show_session (page, session);
  finding = evident_session_view_add_finding (evident_sessions_page_get_session_view (page), "",
                                              "Evidence pack arrived late", &error);
  g_assert_no_error (error);
  g_assert_null (evident_finding_get_item (finding));
  g_assert_null (evident_session_view_add_finding (evident_sessions_page_get_session_view (page),
                                                   "99.9", "Nowhere", &error));
  g_assert_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_nonnull (evident_session_view_add_finding (evident_sessions_page_get_session_view (page),
                                                      "8.2.3", "Access review overdue", &error));
  evident_test_iterate ();
  g_assert_cmpstr (evident_open_findings_get_count_text (open), ==,
                   "3 findings to address before the audit.");
  dialog = EVIDENT_ADDRESS_DIALOG (evident_findings_list_address (list, finding));
  g_assert_cmpint (evident_address_dialog_get_change (dialog), ==, 0);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "address"));
  evident_address_dialog_set_note (dialog, "Sent a day early next time");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "address");
  evident_test_pump ();
  g_assert_cmpint (evident_finding_get_state (finding), ==, EVIDENT_FINDING_ADDRESSED);
  g_assert_cmpstr (evident_finding_get_note (finding), ==, "Sent a day early next time");
}

/* The item editor lists the item's findings, open and addressed, each
 * with its session and verdict, to address or reopen where the item is
 * edited; choosing one opens its session. An item without findings shows
 * no such list. */
static void
test_item_findings (Fixture       *fixture,
                    gconstpointer  data)
{
  EvidentSession *session = new_dry_run (fixture, "8.0");
  EvidentItemEditor *editor = evident_window_get_item_editor (fixture->window);
  EvidentSessionsPage *page = evident_window_get_sessions_page (fixture->window);
  EvidentItem *segmentation = item (fixture, "8.4.4");
  g_autoptr (GError) error = NULL;
  EvidentFindingsList *list;
  EvidentAddressDialog *dialog;
  EvidentFinding *failed;
  GtkListBox *box;
  GtkWidget *row;

  g_assert_true (evident_session_record_verdict (session, segmentation, EVIDENT_VERDICT_FAILED,
                                                 "Flat network in the reference account",
                                                 EVIDENT_VERDICT_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_nonnull (evident_session_add_finding (session, segmentation,
                                                 "Diagram out of date", &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s", "8.4.4");
  evident_test_pump ();
  g_assert_true (evident_item_editor_get_item (editor) == segmentation);
  list = EVIDENT_FINDINGS_LIST (evident_test_find_widget (GTK_WIDGET (editor),
                                                          EVIDENT_TYPE_FINDINGS_LIST, NULL, NULL));
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (list)));
  g_assert_true (evident_findings_list_get_has_findings (list));
  g_assert_cmpint (evident_findings_list_get_show (list), ==, EVIDENT_FINDINGS_SHOW_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (evident_findings_list_get_model (list)), ==, 2);

  /* Each row: the finding, the verdict it came with and its session (the
   * item goes without saying), and its state. */
  box = evident_findings_list_get_list (list);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (box, 0));
  failed = g_list_model_get_item (evident_findings_list_get_model (list), 0);
  g_object_unref (failed);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Flat network in the reference account");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Failed in Dry run, 3 March 2025 · Open");
  g_assert_nonnull (evident_test_find_widget (row, GTK_TYPE_BUTTON, evident_test_has_label,
                                              "_Address…"));

  /* Addressed from the item: it stays in its list, to reopen. */
  gtk_widget_activate_action (GTK_WIDGET (list), "findings.address", "x",
                              evident_finding_get_id (failed));
  evident_test_iterate ();
  dialog = find_toplevel (EVIDENT_TYPE_ADDRESS_DIALOG);
  g_assert_nonnull (dialog);
  evident_address_dialog_set_note (dialog, "Segmented into three VPCs");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "address");
  evident_test_pump ();
  g_assert_cmpint (evident_finding_get_state (failed), ==, EVIDENT_FINDING_ADDRESSED);
  g_assert_cmpuint (g_list_model_get_n_items (evident_findings_list_get_model (list)), ==, 2);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "Failed in Dry run, 3 March 2025 · Addressed "));
  g_assert_nonnull (evident_test_find_widget (row, GTK_TYPE_BUTTON, evident_test_has_label,
                                              "_Reopen"));
  undo (fixture);
  g_assert_cmpint (evident_finding_get_state (failed), ==, EVIDENT_FINDING_OPEN);
  g_assert_nonnull (evident_test_find_widget (row, GTK_TYPE_BUTTON, evident_test_has_label,
                                              "_Address…"));

  /* A closing finding typed in has no verdict to show. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (box, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Diagram out of date");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Dry run, 3 March 2025 · Open");

  /* Choosing a finding opens its session. */
  g_signal_emit_by_name (box, "row-activated", gtk_list_box_get_row_at_index (box, 0));
  evident_test_pump ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (evident_session_view_get_session (evident_sessions_page_get_session_view (page))
                 == session);

  /* An item without findings shows none. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-item", "s", "8.1.1");
  evident_test_pump ();
  g_assert_true (evident_item_editor_get_item (editor) == item (fixture, "8.1.1"));
  g_assert_false (evident_findings_list_get_has_findings (list));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));
  /* Until one is recorded. */
  g_assert_nonnull (evident_session_add_finding (session, item (fixture, "8.1.1"),
                                                 "Policy unsigned", &error));
  g_assert_no_error (error);
  evident_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  undo (fixture);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));
}

/* A session's counts agree with their numbers: "1 observation", never
 * "1 observations". */
static void
test_verdict_counts (Fixture       *fixture,
                     gconstpointer  data)
{
  EvidentSession *session = new_dry_run (fixture, "8.0");
  EvidentSessionsPage *page = evident_window_get_sessions_page (fixture->window);
  g_autoptr (GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *expected = NULL;
  guint n = evident_session_get_n_items (session);

  g_assert_true (evident_session_record_verdict (session, item (fixture, "8.1.1"),
                                                 EVIDENT_VERDICT_PASSED, NULL,
                                                 EVIDENT_VERDICT_FLAGS_NONE, &error));
  g_assert_true (evident_session_record_verdict (session, item (fixture, "8.2.2"),
                                                 EVIDENT_VERDICT_OBSERVATION, "Exceptions not reviewed",
                                                 EVIDENT_VERDICT_FLAGS_NONE, &error));
  g_assert_no_error (error);
  counts = evident_session_dup_counts_text (session);
  expected = g_strdup_printf ("1 passed · 0 failed · 1 observation · 0 not reached · %u to go",
                              n - 2);
  g_assert_cmpstr (counts, ==, expected);

  /* The session's page says the same. */
  evident_sessions_page_show_session (page, session);
  evident_test_pump ();
  g_assert_nonnull (evident_test_find_widget (GTK_WIDGET (evident_sessions_page_get_session_view (page)),
                                              GTK_TYPE_LABEL, has_text, expected));

  g_assert_true (evident_session_record_verdict (session, item (fixture, "8.2.3"),
                                                 EVIDENT_VERDICT_OBSERVATION, NULL,
                                                 EVIDENT_VERDICT_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&counts, g_free);
  counts = evident_session_dup_counts_text (session);
  g_assert_nonnull (strstr (counts, " · 2 observations · "));
}

/* A chapter's session history: what was reviewed, when, by whom, with
 * which verdict. */
static void
test_chapter_history (Fixture       *fixture,
                      gconstpointer  data)
{
  EvidentSession *session = new_dry_run (fixture, "8.0");
  EvidentChapterHistory *history;
  g_autoptr (GError) error = NULL;
  GtkListBoxRow *row;

  g_assert_true (evident_session_record_verdict (session, item (fixture, "8.1.1"),
                                                 EVIDENT_VERDICT_PASSED, NULL,
                                                 EVIDENT_VERDICT_FLAGS_NONE, &error));
  g_assert_true (evident_session_record_verdict (session, item (fixture, "8.2.2"),
                                                 EVIDENT_VERDICT_OBSERVATION, "Exceptions not reviewed",
                                                 EVIDENT_VERDICT_FLAGS_NONE, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.chapter-history", "s", "8.0");
  evident_test_iterate ();
  history = find_toplevel (EVIDENT_TYPE_CHAPTER_HISTORY);
  g_assert_nonnull (history);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (history)), ==, "Session History of 8.0 Security");
  /* Newest first. */
  row = gtk_list_box_get_row_at_index (evident_chapter_history_get_list (history), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "8.2.2");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Dry run, 3 March 2025 · Sam Reviewer · recorded "));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Finding: Exceptions not reviewed"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (evident_chapter_history_get_list (history), 1));
  g_assert_null (gtk_list_box_get_row_at_index (evident_chapter_history_get_list (history), 2));
  gtk_window_destroy (GTK_WINDOW (history));
}

/* Every new template builds, and nothing holds it when it goes. */
static void
test_templates_finalize (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (EvidentProject) project = evident_test_create_sample_project ("audit-templates", &dir);
  GType types[] = {
    EVIDENT_TYPE_AGENDA_BAR, EVIDENT_TYPE_AGENDA_LIST, EVIDENT_TYPE_FINDINGS_LIST,
    EVIDENT_TYPE_OPEN_FINDINGS, EVIDENT_TYPE_SESSION_VIEW, EVIDENT_TYPE_SESSIONS_PAGE,
  };
  GtkWindow *dialogs[3];

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "project") != NULL)
        g_object_set (widget, "project", project, NULL);
      g_object_run_dispose (G_OBJECT (widget));
      evident_test_assert_finalized (widget);
    }

  dialogs[0] = GTK_WINDOW (evident_exemption_dialog_new (NULL, project, "6.0", NULL));
  dialogs[1] = GTK_WINDOW (evident_session_dialog_new (NULL, project));
  dialogs[2] = GTK_WINDOW (evident_chapter_history_new (NULL, project, "8.0", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      g_assert_nonnull (dialogs[i]);
      g_object_ref (dialogs[i]);
      gtk_window_destroy (dialogs[i]);
      evident_test_assert_finalized (dialogs[i]);
    }
  g_assert_null (evident_exemption_dialog_new (NULL, project, "77.0", NULL));

  evident_project_close (project);
  evident_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!evident_test_init (&argc, &argv, "/audit-ui/no-display"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/audit-ui/exempt-from-sidebar", test_exempt_from_sidebar);
  ADD ("/audit-ui/exempt-section-from-list", test_exempt_section_from_list);
  ADD ("/audit-ui/new-session", test_new_session);
  ADD ("/audit-ui/verdict-and-status-one-undo", test_verdict_and_status_one_undo);
  ADD ("/audit-ui/findings", test_findings);
  ADD ("/audit-ui/item-findings", test_item_findings);
  ADD ("/audit-ui/verdict-counts", test_verdict_counts);
  ADD ("/audit-ui/chapter-history", test_chapter_history);
  g_test_add_func ("/audit-ui/templates-finalize", test_templates_finalize);

#undef ADD

  return g_test_run ();
}
