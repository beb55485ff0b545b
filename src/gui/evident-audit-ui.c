/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-audit-ui.h"
#include "evident-due-date.h"
#include "evident-item.h"
#include "evident-scoring.h"
#include "evident-toast.h"
#include "evident-window.h"

/*
 * What the audit's widgets share. The audit's objects as people read
 * them: a session's title, scope, participants and verdict counts, where a
 * finding was made and how it was addressed, times and durations, and
 * where the day stands against its agenda; the sessions page, the findings
 * list, the chapter history and presenter mode all say it the same way.
 * And a toast in the window a widget is in, with Undo for an edit.
 */

const char *
evident_session_state_get_label (EvidentSessionState state)
{
  switch (state)
    {
    case EVIDENT_SESSION_PLANNED:
      return _("Planned");
    case EVIDENT_SESSION_OPEN:
      return _("Open");
    case EVIDENT_SESSION_CLOSED:
      return _("Closed");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A style class for a label that shows @verdict (style.css). */
const char *
evident_verdict_get_css_class (EvidentVerdict verdict)
{
  static const char *classes[EVIDENT_N_VERDICTS] = {
    "evident-verdict-none",
    "evident-verdict-passed",
    "evident-verdict-failed",
    "evident-verdict-observation",
    "evident-verdict-not-reached",
  };

  g_return_val_if_fail (verdict < EVIDENT_N_VERDICTS, classes[0]);
  return classes[verdict];
}

/**
 * evident_session_dup_title:
 *
 * Returns: (transfer full): the session's title, or its kind and day, as
 *   in "Validation audit, 10 March 2025"
 */
char *
evident_session_dup_title (EvidentSession *session)
{
  const char *title = evident_session_get_title (session);
  g_autofree char *day = evident_due_date_format (evident_session_get_date (session));

  if (title != NULL && *title != '\0')
    return g_strdup (title);
  /* Translators: a session's title: its kind, then its (first) day, as in
   * "Validation audit, 10 March 2025" */
  return g_strdup_printf (_("%s, %s"), evident_session_kind_get_label (evident_session_get_kind (session)),
                          day);
}

/* "Jane Auditor, Sam Reviewer", or a word for none. */
char *
evident_session_dup_participants_text (EvidentSession *session)
{
  const char * const *participants = evident_session_get_participants (session);

  if (participants == NULL || participants[0] == NULL)
    return g_strdup (_("No participants named"));
  return g_strjoinv (", ", (char **) participants);
}

/* "Chapters 8.0, 9.0", or the whole checklist. */
char *
evident_session_dup_scope_text (EvidentSession *session)
{
  const char * const *chapters = evident_session_get_chapters (session);
  g_autofree char *list = NULL;

  if (evident_session_get_everything (session))
    return g_strdup (_("Whole checklist"));
  list = g_strjoinv (", ", (char **) chapters);
  /* Translators: a session's scope; %s lists chapter numbers, as in "8.0, 9.0" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Chapter %s", "Chapters %s",
                                       g_strv_length ((char **) chapters)),
                          list);
}

/* "3 passed · 1 failed · 2 observations · 0 not reached · 12 to go":
 * each count a phrase of its own, so that each agrees with its number. */
char *
evident_session_dup_counts_text (EvidentSession *session)
{
  guint passed = evident_session_count_verdicts (session, EVIDENT_VERDICT_PASSED);
  guint failed = evident_session_count_verdicts (session, EVIDENT_VERDICT_FAILED);
  guint observations = evident_session_count_verdicts (session, EVIDENT_VERDICT_OBSERVATION);
  guint not_reached = evident_session_count_verdicts (session, EVIDENT_VERDICT_NOT_REACHED);
  guint pending = evident_session_count_verdicts (session, EVIDENT_VERDICT_NONE);
  g_autofree char *passed_text = NULL;
  g_autofree char *failed_text = NULL;
  g_autofree char *observations_text = NULL;
  g_autofree char *not_reached_text = NULL;
  g_autofree char *pending_text = NULL;

  /* Translators: the first of a session's verdict counts, as in
   * "3 passed · 1 failed · 2 observations · 0 not reached · 12 to go" */
  passed_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passed", "%u passed", passed),
                                 passed);
  /* Translators: items that failed in a session, in its verdict counts */
  failed_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed", "%u failed", failed),
                                 failed);
  /* Translators: observations made in a session, in its verdict counts */
  observations_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u observation",
                                                    "%u observations", observations),
                                       observations);
  /* Translators: items a session did not reach, in its verdict counts */
  not_reached_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not reached",
                                                   "%u not reached", not_reached),
                                      not_reached);
  /* Translators: items in a session's scope without a verdict yet, last
   * in its verdict counts */
  pending_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to go", "%u to go", pending),
                                  pending);
  /* Translators: a session's verdict counts (each one of the phrases
   * above), in this order: passed, failed, observations, not reached, to go */
  return g_strdup_printf (_("%1$s · %2$s · %3$s · %4$s · %5$s"), passed_text, failed_text,
                          observations_text, not_reached_text, pending_text);
}

/* A score as presenter mode and the session page show it: confirmed and
 * projected against the pass line. */
char *
evident_audit_dup_score_text (const EvidentScore *score)
{
  double confirmed = score->views[EVIDENT_VIEW_CONFIRMED].score;
  double projected = score->views[EVIDENT_VIEW_PROJECTED].score;

  if (score->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL)
    /* Translators: a score in a pass/fail project: the share of items
     * counted, as in "Confirmed 82 % · Projected 90 %" */
    return g_strdup_printf (_("Confirmed %.0f %% · Projected %.0f %%"), confirmed, projected);
  /* Translators: a score, as in "Confirmed 640 · Projected 880 · 900 to pass" */
  return g_strdup_printf (_("Confirmed %.0f · Projected %.0f · %d to pass"), confirmed, projected,
                          score->rules.pass_score);
}

/* The score as the session's verdicts read it. */
char *
evident_session_dup_score_text (EvidentSession *session)
{
  return evident_audit_dup_score_text (evident_session_get_score (session));
}

/* "8.2.1 Incident runbooks · Dry run, 10 March 2025" */
char *
evident_finding_dup_place_text (EvidentFinding *finding)
{
  EvidentItem *item = evident_finding_get_item (finding);
  EvidentSession *session = evident_finding_get_session (finding);
  g_autofree char *session_title = session != NULL ? evident_session_dup_title (session) : NULL;
  g_autofree char *item_text = NULL;

  if (item != NULL)
    item_text = g_strdup_printf ("%s %s", evident_item_get_ref (item), evident_item_get_title (item));
  else
    item_text = g_strdup (_("The whole session"));
  if (session_title == NULL)
    return g_steal_pointer (&item_text);
  /* Translators: where a finding was made: the item (or the whole
   * session), then the session */
  return g_strdup_printf (_("%s · %s"), item_text, session_title);
}

/* "Open", or how and when it was addressed. */
char *
evident_finding_dup_state_text (EvidentFinding *finding)
{
  g_autofree char *when = NULL;
  const char *summary = evident_finding_get_fix_summary (finding);
  const char *note = evident_finding_get_note (finding);

  if (evident_finding_get_state (finding) == EVIDENT_FINDING_OPEN)
    return g_strdup (_("Open"));
  when = evident_audit_ui_format_time (evident_finding_get_addressed (finding));
  if (summary != NULL && note != NULL && *note != '\0')
    /* Translators: a finding addressed by an edit (%2$s, as in "8.2.1
     * status → met") with a note (%3$s); %1$s is when */
    return g_strdup_printf (_("Addressed %1$s by %2$s: %3$s"), when, summary, note);
  if (summary != NULL)
    /* Translators: a finding addressed by an edit; %1$s is when, %2$s the edit */
    return g_strdup_printf (_("Addressed %1$s by %2$s"), when, summary);
  /* Translators: a finding addressed as a note says; %1$s is when, %2$s the note */
  return g_strdup_printf (_("Addressed %1$s: %2$s"), when, note != NULL ? note : "");
}

/* A time in UTC as people read it, in local time. */
char *
evident_audit_ui_format_time (GDateTime *utc)
{
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("—");
  local = g_date_time_to_local (utc);
  /* Translators: a moment, in g_date_time_format() notation, as in
   * "10 March 2025, 14:05" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* "1:05:12" or "12:03"; a minus sign for negative durations. */
char *
evident_audit_ui_format_duration (gint64 seconds)
{
  gint64 s = ABS (seconds);
  const char *sign = seconds < 0 ? "−" : "";

  if (s >= 3600)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d:%02d", sign, s / 3600, (int) (s / 60 % 60),
                            (int) (s % 60));
  return g_strdup_printf ("%s%d:%02d", sign, (int) (s / 60), (int) (s % 60));
}

/**
 * evident_agenda_dup_status_text:
 * @agenda: a session's agenda
 * @status: where it stands now
 *
 * Returns: (transfer full): the day's standing, as in "Day 1 · 12 min
 *   behind" or "Day 2 · 5 min to spare"
 */
char *
evident_agenda_dup_status_text (EvidentAgenda             *agenda,
                                const EvidentAgendaStatus *status)
{
  gint64 minutes = (ABS (status->day_behind) + 59) / 60;

  if (status->day == 0 || status->outside)
    return g_strdup (_("Outside the session’s days"));
  if (status->behind)
    /* Translators: the day of a session, and how far it runs behind its
     * agenda, as in "Day 1 · 12 min behind" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Day %u · %d min behind",
                                         "Day %u · %d min behind", minutes),
                            status->day, (int) minutes);
  /* Translators: the day of a session, and the time it has to spare, as in
   * "Day 2 · 5 min to spare" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Day %u · %d min to spare",
                                       "Day %u · %d min to spare", minutes),
                          status->day, (int) minutes);
}

/**
 * evident_audit_toast:
 * @widget: a widget in a window
 * @message: what to say
 * @undo: whether the toast offers Undo (`win.undo`): after an edit
 *
 * Shows @message in a toast of the window @widget is in (the main window,
 * or presenter mode, whose toasts show in its own overlay). An error
 * message gets a high priority.
 */
void
evident_audit_toast (GtkWidget  *widget,
                     const char *message,
                     gboolean    undo)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToastOverlay *overlay = NULL;
  AdwToast *toast;

  if (root == NULL)
    return;

  /* For tests: what the window said last. */
  g_object_set_data_full (G_OBJECT (root), "evident-last-toast", g_strdup (message), g_free);
  toast = adw_toast_new (message);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  else
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  if (EVIDENT_IS_WINDOW (root))
    {
      evident_window_add_toast (EVIDENT_WINDOW (root), toast);
      return;
    }
  overlay = g_object_get_data (G_OBJECT (root), "evident-toast-overlay");
  if (overlay != NULL)
    evident_toast_overlay_add_toast (overlay, toast);
  else
    g_object_unref (toast);
}

/* An error from the core, in a toast. */
void
evident_audit_toast_error (GtkWidget    *widget,
                           const GError *error)
{
  evident_audit_toast (widget, error->message, FALSE);
}

/* Dialogs that ask for an edit (a verdict, how a finding was addressed) */

typedef struct
{
  char                    *response;
  EvidentAuditDialogApply  apply;
  char                    *done;
} DialogAnswer;

static void
dialog_answer_free (DialogAnswer *answer)
{
  g_free (answer->response);
  g_free (answer->done);
  g_free (answer);
}

static void
dialog_response_cb (GtkWidget  *owner,
                    const char *response,
                    GtkWindow  *dialog)
{
  DialogAnswer *answer = g_object_get_data (G_OBJECT (dialog), "evident-dialog-answer");
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, answer->response))
    return;
  if (!answer->apply (dialog, &error))
    evident_audit_toast_error (owner, error);
  else
    evident_audit_toast (owner, answer->done, TRUE);
}

/**
 * evident_audit_ui_get_parent:
 * @widget: a widget
 *
 * Returns: (transfer none) (nullable): the window @widget is in, for a
 *   dialog's parent
 */
GtkWindow *
evident_audit_ui_get_parent (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * evident_audit_ui_present_dialog:
 * @owner: the widget that asks, whose window shows the toasts
 * @dialog: an #AdwMessageDialog asking for an edit
 * @response: the response that makes the edit
 * @apply: makes the edit from @dialog's fields
 * @done: the toast once made, with Undo
 *
 * Shows @dialog; on @response, makes the edit and says so in a toast (or
 * shows the error). Nothing happens once @owner is gone.
 */
void
evident_audit_ui_present_dialog (GtkWidget               *owner,
                                 GtkWindow               *dialog,
                                 const char              *response,
                                 EvidentAuditDialogApply  apply,
                                 const char              *done)
{
  DialogAnswer *answer;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (response != NULL && apply != NULL && done != NULL);

  answer = g_new0 (DialogAnswer, 1);
  answer->response = g_strdup (response);
  answer->apply = apply;
  answer->done = g_strdup (done);
  g_object_set_data_full (G_OBJECT (dialog), "evident-dialog-answer", answer,
                          (GDestroyNotify) dialog_answer_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response_cb), owner,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}
