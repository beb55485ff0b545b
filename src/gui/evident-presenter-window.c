/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evident-agenda-bar.h"
#include "evident-audit-ui.h"
#include "evident-audit.h"
#include "evident-chapter.h"
#include "evident-enums-util.h"
#include "evident-evidence-store.h"
#include "evident-presenter-window.h"
#include "evident-preview-pane.h"
#include "evident-verdict-dialog.h"

/*
 * EvidentPresenterWindow: presenter mode (F5), a full-screen window meant
 * to be shared with an auditor: one item at a time in a large, calm
 * layout: its reference, title, requirement and response, its evidence
 * listed and the selected piece filling the rest of the screen (the
 * preview pane of the main window, rendered off the main thread). Nothing
 * internal shows (notes, owner, points at risk) until the lead asks (I).
 *
 * Everything has a key, and nothing takes the keyboard focus but the two
 * entries that pop up: the window's bindings see every key. Page Down and
 * Page Up (or the arrows left and right) move between items, digits open
 * "Go to" for a reference, Down and Up page through the evidence, plus and
 * minus zoom, P, F, O and N ask for a finding and record a verdict in the
 * session presented, Escape leaves. The header shows the session's agenda
 * (EvidentAgendaBar) and the score under its verdicts; the time of the
 * chapter on screen runs while the session is open (B pauses it).
 *
 * With two monitors, it goes full screen on the one the main window is
 * not on, and the main window follows the item presented: notes and
 * findings on one screen, the presentation on the other.
 */

struct _EvidentPresenterWindow
{
  AdwWindow           parent_instance;

  EvidentProject     *project;
  EvidentSession     *session;
  EvidentItem        *item;
  /* The items presented, in checklist order: the session's scope, or all */
  GPtrArray          *items;
  GListModel         *evidence;
  EvidentVerdict      pending;

  guint               show_internal : 1;
  guint               paused : 1;
  guint               closing : 1;
  guint               narrow : 1;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkWidget          *header;
  GtkWidget          *text_scroller;
  GtkLabel           *ref_label;
  GtkLabel           *chapter_label;
  EvidentAgendaBar   *agenda_bar;
  GtkLabel           *score_label;
  GtkLabel           *position_label;
  GtkToggleButton    *internal_button;
  GtkPaned           *paned;
  GtkLabel           *title_label;
  GtkWidget          *mandatory_label;
  GtkLabel           *verdict_label;
  GtkLabel           *requirement_label;
  GtkWidget          *response_box;
  GtkLabel           *response_label;
  GtkListBox         *evidence_list;
  GtkRevealer        *internal_revealer;
  GtkLabel           *internal_label;
  EvidentPreviewPane *preview_pane;
  GtkRevealer        *jump_revealer;
  GtkEntry           *jump_entry;
  GtkRevealer        *verdict_revealer;
  GtkLabel           *verdict_choice_label;
  GtkEntry           *finding_entry;
  GtkCheckButton     *status_check;
  GtkRevealer        *keys_revealer;
  GtkLabel           *keys_label;
};

G_DEFINE_FINAL_TYPE (EvidentPresenterWindow, evident_presenter_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_SHOW_INTERNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
popup_open (EvidentPresenterWindow *self)
{
  return gtk_revealer_get_reveal_child (self->jump_revealer)
         || gtk_revealer_get_reveal_child (self->verdict_revealer);
}

static void
close_popups (EvidentPresenterWindow *self)
{
  /* Back to the window's own keys; the focus out before the boxes go, or
   * GTK would keep the one that held it, folded away and then hidden
   * before the next frame, for good (evident-focus-hide.c). */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_revealer_set_reveal_child (self->jump_revealer, FALSE);
  gtk_revealer_set_reveal_child (self->verdict_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->jump_revealer), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_revealer), FALSE);
}

static void
toast (EvidentPresenterWindow *self,
       const char             *message,
       gboolean                undo)
{
  evident_audit_toast (GTK_WIDGET (self), message, undo);
}

static int
find_item (EvidentPresenterWindow *self,
           EvidentItem            *item)
{
  for (guint i = 0; i < self->items->len; i++)
    if (g_ptr_array_index (self->items, i) == item)
      return (int) i;
  return -1;
}

static void
collect_items (EvidentPresenterWindow *self)
{
  GListModel *items = evident_project_get_items (self->project);
  guint n = g_list_model_get_n_items (items);

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (self->session == NULL || evident_session_covers (self->session, item))
        g_ptr_array_add (self->items, g_steal_pointer (&item));
    }
}

/* The timer: the chapter on screen runs while the session is open. */
static void
follow_chapter (EvidentPresenterWindow *self)
{
  g_autoptr (GError) error = NULL;
  const char *chapter;

  if (self->session == NULL || self->item == NULL || self->paused
      || evident_session_get_state (self->session) != EVIDENT_SESSION_OPEN)
    return;
  chapter = evident_item_get_chapter (self->item);
  if (g_strcmp0 (evident_session_get_current_chapter (self->session), chapter) == 0
      || !evident_session_covers (self->session, self->item))
    return;
  if (!evident_session_start_chapter (self->session, chapter, NULL, &error))
    toast (self, error->message, FALSE);
}

/* What changes with each edit */

static void
update_score (EvidentPresenterWindow *self)
{
  g_autofree char *text = NULL;

  text = self->session != NULL ? evident_session_dup_score_text (self->session)
                               : evident_audit_dup_score_text (evident_project_get_score (self->project));
  gtk_label_set_label (self->score_label, text);
}

static void
update_verdict (EvidentPresenterWindow *self)
{
  EvidentVerdict verdict = EVIDENT_VERDICT_NONE;
  EvidentFinding *finding = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) findings = NULL;

  for (guint v = 0; v < EVIDENT_N_VERDICTS; v++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), evident_verdict_get_css_class (v));
  if (self->session != NULL && self->item != NULL)
    verdict = evident_session_get_verdict (self->session, self->item);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), verdict != EVIDENT_VERDICT_NONE);
  if (verdict == EVIDENT_VERDICT_NONE)
    return;

  /* The finding the verdict came with: the newest of this verdict, not a
   * closing finding typed in on the side, nor one of a verdict replaced. */
  findings = evident_audit_list_findings (evident_audit_get_for_project (self->project),
                                          self->session, self->item, FALSE);
  for (guint i = findings->len; i > 0 && finding == NULL; i--)
    if (evident_finding_get_verdict (g_ptr_array_index (findings, i - 1)) == verdict)
      finding = g_ptr_array_index (findings, i - 1);
  if (finding != NULL)
    /* Translators: the verdict on the item presented, and the finding
     * it came with, as in "Failed: no runbook for restores" */
    text = g_strdup_printf (_("%s: %s"), evident_verdict_get_label (verdict),
                            evident_finding_get_text (finding));
  else
    text = g_strdup (evident_verdict_get_label (verdict));
  gtk_label_set_label (self->verdict_label, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label),
                            evident_verdict_get_css_class (verdict));
}

static void
update_internal (EvidentPresenterWindow *self)
{
  const EvidentScore *score = evident_project_get_score (self->project);
  g_autoptr (GString) text = g_string_new (NULL);
  const char *owner, *note;

  if (self->item == NULL)
    return;
  owner = evident_item_get_owner (self->item);
  note = evident_item_get_note (self->item);
  /* Translators: presenter mode's internal details of an item: owner,
   * status, points at risk */
  g_string_printf (text, _("Owner: %s · Status: %s · Points at risk: %d"),
                   owner != NULL && *owner != '\0' ? owner : C_("owner", "Unassigned"),
                   evident_status_get_label (evident_item_get_status (self->item)),
                   (int) evident_item_get_points_at_risk (self->item, score->rules.mandatory_penalty));
  if (note != NULL && *note != '\0')
    /* Translators: presenter mode's internal details: the item's notes */
    g_string_append_printf (text, _("\nNotes: %s"), note);
  gtk_label_set_label (self->internal_label, text->str);
}

static void
project_changed_cb (EvidentPresenterWindow *self)
{
  update_score (self);
  update_verdict (self);
  update_internal (self);
  /* A revision or an undo took items away, or brought some. */
  if (self->item != NULL && find_item (self, self->item) < 0)
    collect_items (self);
}

/* The item shown */

static GtkWidget *
create_evidence_row (gpointer item,
                     gpointer user_data)
{
  EvidentEvidence *evidence = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evident_evidence_get_title (evidence));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               evident_evidence_kind_get_label (evident_evidence_get_kind (evidence)));
  g_object_set_data_full (G_OBJECT (row), "evidence", g_object_ref (evidence), g_object_unref);
  return row;
}

static void
evidence_selected_cb (EvidentPresenterWindow *self,
                      GtkListBoxRow          *row)
{
  EvidentEvidence *evidence = row != NULL ? g_object_get_data (G_OBJECT (row), "evidence") : NULL;

  /* The list lets go of its rows while the window goes. */
  if (self->preview_pane == NULL)
    return;
  evident_preview_pane_set_evidence (self->preview_pane, evidence);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_pane), evidence != NULL);
}

static void
select_evidence (EvidentPresenterWindow *self,
                 int                     index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->evidence_list, MAX (index, 0));

  gtk_list_box_select_row (self->evidence_list, row);
  if (row == NULL)
    evidence_selected_cb (self, NULL);
}

static void
update_texts (EvidentPresenterWindow *self)
{
  EvidentItem *item = self->item;
  const char *response = evident_item_get_response (item);
  GListModel *chapters = evident_project_get_chapters (self->project);
  g_autofree char *chapter = NULL;
  g_autofree char *position = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; chapter == NULL && i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr (EvidentChapter) c = g_list_model_get_item (chapters, i);

      if (g_strcmp0 (evident_chapter_get_number (c), evident_item_get_chapter (item)) == 0)
        chapter = g_strdup_printf ("%s %s", evident_chapter_get_number (c),
                                   evident_chapter_get_display_title (c));
    }
  gtk_label_set_label (self->ref_label, evident_item_get_ref (item));
  gtk_label_set_label (self->chapter_label, chapter != NULL ? chapter : "");
  gtk_label_set_label (self->title_label, evident_item_get_title (item));
  gtk_label_set_label (self->requirement_label, evident_item_get_requirement (item));
  gtk_widget_set_visible (self->mandatory_label, evident_item_get_mandatory (item));
  gtk_widget_set_visible (self->response_box, response != NULL && *response != '\0');
  gtk_label_set_label (self->response_label, response != NULL ? response : "");
  /* Translators: which item presenter mode shows, as in "12 of 130" */
  position = g_strdup_printf (_("%d of %u"), find_item (self, item) + 1, self->items->len);
  gtk_label_set_label (self->position_label, position);
  /* Translators: presenter mode's window title; %1$s is an item's
   * reference, %2$s its title */
  title = g_strdup_printf (_("Presenting %1$s %2$s"), evident_item_get_ref (item),
                           evident_item_get_title (item));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
show_item (EvidentPresenterWindow *self,
           EvidentItem            *item)
{
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (self->project);

  if (!g_set_object (&self->item, item))
    return;

  /* The evidence first: its first page is what takes longest to show. */
  g_clear_object (&self->evidence);
  self->evidence = evident_evidence_store_list (store, item);
  gtk_list_box_bind_model (self->evidence_list, self->evidence, create_evidence_row, NULL, NULL);
  select_evidence (self, 0);

  update_texts (self);
  update_verdict (self);
  update_internal (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (gtk_paned_get_start_child (self->paned))),
                            0);
  follow_chapter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/* Going to a reference */

static EvidentItem *
lookup (EvidentPresenterWindow *self,
        const char             *text)
{
  EvidentItem *item = evident_project_lookup_item (self->project, text);
  gsize length = strlen (text);

  if (item != NULL)
    return item;
  /* "8.2" finds 8.2.1; "secp-1" finds SECP-1. */
  for (guint i = 0; i < self->items->len; i++)
    {
      EvidentItem *candidate = g_ptr_array_index (self->items, i);
      const char *ref = evident_item_get_ref (candidate);

      if (g_ascii_strncasecmp (ref, text, length) == 0)
        return candidate;
    }
  return NULL;
}

static void
jump_activate_cb (EvidentPresenterWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->jump_entry))));

  if (*text == '\0' || evident_presenter_window_jump (self, text))
    close_popups (self);
}

static void
open_jump (EvidentPresenterWindow *self,
           const char             *text)
{
  close_popups (self);
  gtk_widget_set_visible (GTK_WIDGET (self->jump_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->jump_revealer, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->jump_entry), text);
  gtk_widget_grab_focus (GTK_WIDGET (self->jump_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->jump_entry), -1);
}

/* Digits typed anywhere open "Go to" with them. */
static gboolean
key_pressed_cb (EvidentPresenterWindow *self,
                guint                   keyval,
                guint                   keycode,
                GdkModifierType         state,
                GtkEventControllerKey  *controller)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char text[7] = { 0 };

  if (popup_open (self) || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0
      || !g_unichar_isdigit (c))
    return GDK_EVENT_PROPAGATE;
  g_unichar_to_utf8 (c, text);
  open_jump (self, text);
  return GDK_EVENT_STOP;
}

/* Verdicts */

static void
open_verdict (EvidentPresenterWindow *self,
              EvidentVerdict          verdict)
{
  g_autofree char *choice = NULL;

  if (self->session == NULL)
    {
      toast (self, _("Record verdicts in a session: create one on the Sessions page"), FALSE);
      return;
    }
  if (!evident_session_covers (self->session, self->item))
    {
      toast (self, _("This item is not in the session’s scope"), FALSE);
      return;
    }

  close_popups (self);
  self->pending = verdict;
  for (guint v = 0; v < EVIDENT_N_VERDICTS; v++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_choice_label),
                                 evident_verdict_get_css_class (v));
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_choice_label),
                            evident_verdict_get_css_class (verdict));
  gtk_label_set_label (self->verdict_choice_label, evident_verdict_get_label (verdict));
  gtk_widget_set_visible (GTK_WIDGET (self->status_check),
                          verdict == EVIDENT_VERDICT_PASSED || verdict == EVIDENT_VERDICT_FAILED);
  gtk_check_button_set_label (self->status_check, verdict == EVIDENT_VERDICT_PASSED
                                                    ? _("Also set the status to _Met")
                                                    : _("Also set the status to _Not Met"));
  gtk_check_button_set_active (self->status_check, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->finding_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->verdict_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->finding_entry));
}

static void
finding_activate_cb (EvidentPresenterWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  int status = EVIDENT_VERDICT_DIALOG_KEEP_STATUS;

  if (self->session == NULL || self->item == NULL || self->pending == EVIDENT_VERDICT_NONE)
    return;
  if (gtk_widget_get_visible (GTK_WIDGET (self->status_check))
      && gtk_check_button_get_active (self->status_check))
    status = self->pending == EVIDENT_VERDICT_PASSED ? EVIDENT_STATUS_MET : EVIDENT_STATUS_NOT_MET;

  if (!evident_verdict_record (self->session, self->item, self->pending,
                               gtk_editable_get_text (GTK_EDITABLE (self->finding_entry)), status,
                               &error))
    {
      toast (self, error->message, FALSE);
      return;
    }
  close_popups (self);
  /* Translators: after a verdict in presenter mode, as in "8.2.1: Passed" */
  message = g_strdup_printf (_("%s: %s"), evident_item_get_ref (self->item),
                             evident_verdict_get_label (self->pending));
  self->pending = EVIDENT_VERDICT_NONE;
  toast (self, message, TRUE);
  /* The first verdict opened the session: its time starts. */
  follow_chapter (self);
}

/* Actions */

static void
set_show_internal (EvidentPresenterWindow *self,
                   gboolean                show)
{
  if (self->show_internal == !!show)
    return;
  self->show_internal = !!show;
  gtk_revealer_set_reveal_child (self->internal_revealer, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_INTERNAL]);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentPresenterWindow *self = EVIDENT_PRESENTER_WINDOW (widget);
  int delta = g_variant_get_int32 (parameter);
  int index;

  if (popup_open (self) || self->items->len == 0)
    return;
  index = find_item (self, self->item);
  if (delta == G_MININT32)
    index = 0;
  else if (delta == G_MAXINT32)
    index = (int) self->items->len - 1;
  else
    index = CLAMP (index + delta, 0, (int) self->items->len - 1);
  show_item (self, g_ptr_array_index (self->items, index));
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentPresenterWindow *self = EVIDENT_PRESENTER_WINDOW (widget);
  EvidentPreview *preview = evident_preview_pane_get_preview (self->preview_pane);
  int page = (int) evident_preview_get_page (preview) + g_variant_get_int32 (parameter);
  int n = (int) evident_preview_get_n_pages (preview);

  if (popup_open (self) || n == 0)
    return;
  evident_preview_set_page (preview, CLAMP (page, 1, n));
}

static void
evidence_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EvidentPresenterWindow *self = EVIDENT_PRESENTER_WINDOW (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->evidence_list);
  int n = self->evidence != NULL ? (int) g_list_model_get_n_items (self->evidence) : 0;
  int index;

  if (popup_open (self) || n == 0)
    return;
  index = row != NULL ? gtk_list_box_row_get_index (row) : 0;
  /* Round the list. */
  index = (index + g_variant_get_int32 (parameter) + n) % n;
  select_evidence (self, index);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentPresenterWindow *self = EVIDENT_PRESENTER_WINDOW (widget);
  EvidentPreview *preview = evident_preview_pane_get_preview (self->preview_pane);
  int direction = g_variant_get_int32 (parameter);

  if (popup_open (self))
    return;
  if (direction == 0)
    evident_preview_set_fit_width (preview, TRUE);
  else
    gtk_widget_activate_action (GTK_WIDGET (preview),
                                direction > 0 ? "preview.zoom-in" : "preview.zoom-out", NULL);
}

static void
verdict_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvidentPresenterWindow *self = EVIDENT_PRESENTER_WINDOW (widget);
  EvidentVerdict verdict;

  if (popup_open (self) || self->item == NULL
      || !evident_verdict_from_string (g_variant_get_string (parameter, NULL), &verdict))
    return;
  open_verdict (self, verdict);
}

static void
jump_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentPresenterWindow *self = EVIDENT_PRESENTER_WINDOW (widget);

  if (!popup_open (self))
    open_jump (self, "");
}

static void
timer_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EvidentPresenterWindow *self = EVIDENT_PRESENTER_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (popup_open (self) || self->session == NULL
      || evident_session_get_state (self->session) != EVIDENT_SESSION_OPEN)
    return;
  self->paused = !self->paused;
  if (!self->paused)
    {
      follow_chapter (self);
      toast (self, _("Timer running"), FALSE);
    }
  else if (!evident_session_stop_timer (self->session, NULL, &error))
    toast (self, error->message, FALSE);
  else
    toast (self, _("Timer paused: B runs it again"), FALSE);
}

static void
keys_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentPresenterWindow *self = EVIDENT_PRESENTER_WINDOW (widget);
  gboolean shown = gtk_revealer_get_reveal_child (self->keys_revealer);

  gtk_widget_set_visible (GTK_WIDGET (self->keys_revealer), !shown);
  gtk_revealer_set_reveal_child (self->keys_revealer, !shown);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EvidentPresenterWindow *self = EVIDENT_PRESENTER_WINDOW (widget);

  /* Escape closes what is open first. */
  if (popup_open (self))
    {
      close_popups (self);
      return;
    }
  if (gtk_revealer_get_reveal_child (self->keys_revealer))
    {
      keys_action (widget, NULL, NULL);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentPresenterWindow *self = EVIDENT_PRESENTER_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  gboolean done;

  if (g_str_equal (action_name, "win.undo"))
    done = evident_project_undo (self->project, &error);
  else
    done = evident_project_redo (self->project, &error);
  if (!done)
    toast (self, error->message, FALSE);
}

/* Presenting is what the timer measures: it stops with it, however the
 * window goes: closed (Escape, the close button), or destroyed with the
 * main window, for another session, or as the application quits. */
static void
stop_presenting (EvidentPresenterWindow *self)
{
  if (!self->closing && self->session != NULL
      && evident_session_get_current_chapter (self->session) != NULL
      && evident_session_get_state (self->session) == EVIDENT_SESSION_OPEN)
    evident_session_stop_timer (self->session, NULL, NULL);
  self->closing = TRUE;
}

/* Layout: side by side where there is room, the text above the evidence
 * on a narrow screen (a phone, a window snapped to a third of a laptop),
 * with the agenda on a row of its own under the reference and the score. */

#define NARROW_WIDTH 800

static void
place (EvidentPresenterWindow *self,
       GtkWidget              *child,
       int                     column,
       int                     row,
       int                     span)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (self->header);
  GtkGridLayoutChild *grid_child = GTK_GRID_LAYOUT_CHILD (
      gtk_layout_manager_get_layout_child (layout, child));

  gtk_grid_layout_child_set_column (grid_child, column);
  gtk_grid_layout_child_set_row (grid_child, row);
  gtk_grid_layout_child_set_column_span (grid_child, span);
}

static void
set_narrow (EvidentPresenterWindow *self,
            gboolean                narrow)
{
  GtkWidget *score_box = gtk_widget_get_parent (GTK_WIDGET (self->score_label));
  float score_xalign = narrow ? 0.0f : 1.0f;

  if (self->narrow == !!narrow)
    return;
  self->narrow = !!narrow;

  /* Wide: reference, agenda, score and buttons in a row. Narrow: the
   * reference and the buttons, then the score, then the agenda. */
  place (self, GTK_WIDGET (self->agenda_bar), narrow ? 0 : 1, narrow ? 2 : 0, narrow ? 5 : 1);
  place (self, score_box, narrow ? 0 : 2, narrow ? 1 : 0, narrow ? 5 : 1);
  gtk_widget_set_halign (GTK_WIDGET (self->agenda_bar), narrow ? GTK_ALIGN_START : GTK_ALIGN_FILL);
  gtk_grid_set_column_spacing (GTK_GRID (self->header), narrow ? 6 : 24);
  gtk_label_set_xalign (self->score_label, score_xalign);
  gtk_label_set_xalign (self->position_label, score_xalign);
  /* The score wraps rather than lose its figures. */
  gtk_label_set_wrap (self->score_label, narrow);
  gtk_label_set_ellipsize (self->score_label, narrow ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_size_request (self->text_scroller, narrow ? -1 : 300, -1);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->text_scroller),
                                                    narrow);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->text_scroller),
                                              narrow ? 300 : -1);
  gtk_widget_set_size_request (GTK_WIDGET (self->preview_pane), narrow ? -1 : 300,
                               narrow ? 200 : -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->finding_entry), narrow ? 12 : 40);

  if (narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
}

static void
evident_presenter_window_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  /* Before the children are measured for @width. */
  set_narrow (EVIDENT_PRESENTER_WINDOW (widget), width < NARROW_WIDTH);

  GTK_WIDGET_CLASS (evident_presenter_window_parent_class)->size_allocate (widget, width, height,
                                                                          baseline);
}

/* GObject */

static gboolean
evident_presenter_window_close_request (GtkWindow *window)
{
  stop_presenting (EVIDENT_PRESENTER_WINDOW (window));

  return GTK_WINDOW_CLASS (evident_presenter_window_parent_class)->close_request (window);
}

static void
evident_presenter_window_unrealize (GtkWidget *widget)
{
  stop_presenting (EVIDENT_PRESENTER_WINDOW (widget));

  GTK_WIDGET_CLASS (evident_presenter_window_parent_class)->unrealize (widget);
}

static void
evident_presenter_window_dispose (GObject *object)
{
  EvidentPresenterWindow *self = EVIDENT_PRESENTER_WINDOW (object);

  stop_presenting (self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (self->evidence_list != NULL)
    gtk_list_box_bind_model (self->evidence_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_PRESENTER_WINDOW);
  g_clear_object (&self->evidence);
  g_clear_object (&self->item);
  g_clear_object (&self->session);
  g_clear_object (&self->project);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (evident_presenter_window_parent_class)->dispose (object);
}

static void
evident_presenter_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  EvidentPresenterWindow *self = EVIDENT_PRESENTER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_SHOW_INTERNAL:
      g_value_set_boolean (value, self->show_internal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_presenter_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  EvidentPresenterWindow *self = EVIDENT_PRESENTER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      evident_presenter_window_set_item (self, g_value_get_object (value));
      break;

    case PROP_SHOW_INTERNAL:
      set_show_internal (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_key (GtkWidgetClass  *widget_class,
         guint            keyval,
         GdkModifierType  mods,
         const char      *action,
         GVariant        *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, mods),
                                            gtk_named_action_new (action));

  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_widget_class_add_shortcut (widget_class, shortcut);
  g_object_unref (shortcut);
}

static void
install_keys (GtkWidgetClass *widget_class)
{
  static const struct { guint keyval; GdkModifierType mods; int delta; } moves[] = {
    { GDK_KEY_Page_Down, 0, 1 }, { GDK_KEY_Right, 0, 1 }, { GDK_KEY_KP_Page_Down, 0, 1 },
    { GDK_KEY_Page_Up, 0, -1 }, { GDK_KEY_Left, 0, -1 }, { GDK_KEY_KP_Page_Up, 0, -1 },
    { GDK_KEY_Home, 0, G_MININT32 }, { GDK_KEY_End, 0, G_MAXINT32 },
  };
  static const struct { guint keyval; const char *verdict; } verdicts[] = {
    { GDK_KEY_p, "passed" }, { GDK_KEY_f, "failed" },
    { GDK_KEY_o, "observation" }, { GDK_KEY_n, "not-reached" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    add_key (widget_class, moves[i].keyval, moves[i].mods, "presenter.move",
             g_variant_new_int32 (moves[i].delta));
  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    add_key (widget_class, verdicts[i].keyval, 0, "presenter.verdict",
             g_variant_new_string (verdicts[i].verdict));
  add_key (widget_class, GDK_KEY_Down, 0, "presenter.page", g_variant_new_int32 (1));
  add_key (widget_class, GDK_KEY_space, 0, "presenter.page", g_variant_new_int32 (1));
  add_key (widget_class, GDK_KEY_Up, 0, "presenter.page", g_variant_new_int32 (-1));
  add_key (widget_class, GDK_KEY_space, GDK_SHIFT_MASK, "presenter.page",
           g_variant_new_int32 (-1));
  add_key (widget_class, GDK_KEY_e, 0, "presenter.evidence", g_variant_new_int32 (1));
  add_key (widget_class, GDK_KEY_E, GDK_SHIFT_MASK, "presenter.evidence",
           g_variant_new_int32 (-1));
  add_key (widget_class, GDK_KEY_plus, 0, "presenter.zoom", g_variant_new_int32 (1));
  add_key (widget_class, GDK_KEY_equal, 0, "presenter.zoom", g_variant_new_int32 (1));
  add_key (widget_class, GDK_KEY_KP_Add, 0, "presenter.zoom", g_variant_new_int32 (1));
  add_key (widget_class, GDK_KEY_minus, 0, "presenter.zoom", g_variant_new_int32 (-1));
  add_key (widget_class, GDK_KEY_KP_Subtract, 0, "presenter.zoom",
           g_variant_new_int32 (-1));
  add_key (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "presenter.zoom",
           g_variant_new_int32 (0));
  add_key (widget_class, GDK_KEY_w, 0, "presenter.zoom", g_variant_new_int32 (0));
  add_key (widget_class, GDK_KEY_g, 0, "presenter.jump", NULL);
  add_key (widget_class, GDK_KEY_slash, 0, "presenter.jump", NULL);
  add_key (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "presenter.jump", NULL);
  add_key (widget_class, GDK_KEY_i, 0, "presenter.toggle-internal", NULL);
  add_key (widget_class, GDK_KEY_b, 0, "presenter.toggle-timer", NULL);
  add_key (widget_class, GDK_KEY_question, 0, "presenter.keys", NULL);
  add_key (widget_class, GDK_KEY_question, GDK_SHIFT_MASK, "presenter.keys", NULL);
  add_key (widget_class, GDK_KEY_F1, 0, "presenter.keys", NULL);
  add_key (widget_class, GDK_KEY_Escape, 0, "presenter.leave", NULL);
  add_key (widget_class, GDK_KEY_F5, 0, "presenter.leave", NULL);
  add_key (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  add_key (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}

static void
evident_presenter_window_class_init (EvidentPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = evident_presenter_window_dispose;
  object_class->get_property = evident_presenter_window_get_property;
  object_class->set_property = evident_presenter_window_set_property;
  widget_class->unrealize = evident_presenter_window_unrealize;
  widget_class->size_allocate = evident_presenter_window_size_allocate;
  window_class->close_request = evident_presenter_window_close_request;

  /**
   * EvidentPresenterWindow:item:
   *
   * The item presented; the main window follows it.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, EVIDENT_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvidentPresenterWindow:show-internal:
   *
   * Whether the item's internal details show: notes, owner, status,
   * points at risk (I).
   */
  properties[PROP_SHOW_INTERNAL] =
    g_param_spec_boolean ("show-internal", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EVIDENT_TYPE_AGENDA_BAR);
  g_type_ensure (EVIDENT_TYPE_PREVIEW_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-presenter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, header);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, ref_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, chapter_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, agenda_bar);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, score_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, internal_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, mandatory_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, requirement_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, response_box);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, response_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, internal_revealer);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, internal_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, preview_pane);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, jump_revealer);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, jump_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, verdict_revealer);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, verdict_choice_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, finding_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, status_check);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, keys_revealer);
  gtk_widget_class_bind_template_child (widget_class, EvidentPresenterWindow, keys_label);
  gtk_widget_class_bind_template_callback (widget_class, evidence_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, jump_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, finding_activate_cb);

  gtk_widget_class_install_action (widget_class, "presenter.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "presenter.page", "i", page_action);
  gtk_widget_class_install_action (widget_class, "presenter.evidence", "i", evidence_action);
  gtk_widget_class_install_action (widget_class, "presenter.zoom", "i", zoom_action);
  gtk_widget_class_install_action (widget_class, "presenter.verdict", "s", verdict_action);
  gtk_widget_class_install_action (widget_class, "presenter.jump", NULL, jump_action);
  gtk_widget_class_install_action (widget_class, "presenter.toggle-timer", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "presenter.keys", NULL, keys_action);
  gtk_widget_class_install_action (widget_class, "presenter.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_property_action (widget_class, "presenter.toggle-internal",
                                            "show-internal");
  install_keys (widget_class);
}

static void
evident_presenter_window_init (EvidentPresenterWindow *self)
{
  GtkEventController *controller;

  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_set_data (G_OBJECT (self), "evident-toast-overlay", self->toast_overlay);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_label_set_label (self->keys_label,
                       _("Page Down, Page Up or → ←\tnext and previous item\n"
                         "Home, End\tfirst and last item\n"
                         "Digits, G\tgo to a reference\n"
                         "↓ ↑, Space\tnext and previous page\n"
                         "E, Shift+E\tnext and previous evidence\n"
                         "+ − W\tzoom in, out, fit the width\n"
                         "P F O N\tpassed, failed, observation, not reached\n"
                         "I\tinternal details\n"
                         "B\tpause or run the timer\n"
                         "Ctrl+Z\tundo\n"
                         "Escape\tleave"));
  gtk_widget_set_visible (GTK_WIDGET (self->jump_revealer), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_revealer), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->keys_revealer), FALSE);
}

/**
 * evident_presenter_window_new:
 * @project: the project to present
 * @session: (nullable): the session whose verdicts are recorded and whose
 *   items are presented; %NULL: every item, no verdicts
 *
 * Returns: (transfer none): a new presenter window on the first item, not
 *   shown yet (evident_presenter_window_present_beside())
 */
EvidentPresenterWindow *
evident_presenter_window_new (EvidentProject *project,
                              EvidentSession *session)
{
  EvidentPresenterWindow *self;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (session == NULL || EVIDENT_IS_SESSION (session), NULL);

  self = g_object_new (EVIDENT_TYPE_PRESENTER_WINDOW, NULL);
  self->project = g_object_ref (project);
  self->session = session != NULL ? g_object_ref (session) : NULL;
  evident_preview_pane_set_project (self->preview_pane, project);
  evident_agenda_bar_set_session (self->agenda_bar, session);
  gtk_widget_set_visible (GTK_WIDGET (self->agenda_bar), session != NULL);
  g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self,
                           G_CONNECT_SWAPPED);
  collect_items (self);
  update_score (self);
  if (self->items->len > 0)
    show_item (self, g_ptr_array_index (self->items, 0));
  return self;
}

EvidentProject *
evident_presenter_window_get_project (EvidentPresenterWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_PRESENTER_WINDOW (self), NULL);

  return self->project;
}

EvidentSession *
evident_presenter_window_get_session (EvidentPresenterWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_PRESENTER_WINDOW (self), NULL);

  return self->session;
}

EvidentItem *
evident_presenter_window_get_item (EvidentPresenterWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_PRESENTER_WINDOW (self), NULL);

  return self->item;
}

/**
 * evident_presenter_window_set_item:
 * @item: an item of the project; one outside the session's scope shows
 *   too (without a verdict)
 */
void
evident_presenter_window_set_item (EvidentPresenterWindow *self,
                                   EvidentItem            *item)
{
  g_return_if_fail (EVIDENT_IS_PRESENTER_WINDOW (self));
  g_return_if_fail (EVIDENT_IS_ITEM (item));

  /* An item outside the session's scope comes after those in it. */
  if (find_item (self, item) < 0)
    g_ptr_array_add (self->items, g_object_ref (item));
  show_item (self, item);
}

/**
 * evident_presenter_window_jump:
 * @ref: an item's reference, or the start of one ("8.2" for 8.2.1)
 *
 * Shows the item, or says in a toast that there is none.
 *
 * Returns: whether there is one
 */
gboolean
evident_presenter_window_jump (EvidentPresenterWindow *self,
                               const char             *ref)
{
  EvidentItem *item;
  g_autofree char *message = NULL;

  g_return_val_if_fail (EVIDENT_IS_PRESENTER_WINDOW (self), FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);

  item = lookup (self, ref);
  if (item != NULL)
    {
      evident_presenter_window_set_item (self, item);
      return TRUE;
    }
  /* Translators: %s is what was typed as an item reference */
  message = g_strdup_printf (_("The project has no item %s"), ref);
  toast (self, message, FALSE);
  return FALSE;
}

/* The monitor @window is on, or NULL. */
static GdkMonitor *
monitor_of (GtkWindow *window)
{
  GdkSurface *surface = window != NULL ? gtk_native_get_surface (GTK_NATIVE (window)) : NULL;

  if (surface == NULL)
    return NULL;
  return gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
}

/**
 * evident_presenter_window_present_beside:
 * @window: (nullable): the main window
 *
 * Shows presenter mode full screen: on another monitor than @window's
 * when there are two or more, so that the main window with its notes and
 * findings stays in view; else on the one there is.
 */
void
evident_presenter_window_present_beside (EvidentPresenterWindow *self,
                                         GtkWindow              *window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkMonitor *main_monitor = monitor_of (window);
  g_autoptr (GdkMonitor) target = NULL;
  GdkRectangle geometry;
  guint n = g_list_model_get_n_items (monitors);

  for (guint i = 0; i < n && target == NULL; i++)
    {
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (n == 1 || monitor != main_monitor)
        target = g_steal_pointer (&monitor);
    }

  if (target != NULL)
    {
      /* Without a window manager (a kiosk, a test), full screen is only
       * a wish: be the monitor's size anyway. */
      gdk_monitor_get_geometry (target, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      set_narrow (self, geometry.width < NARROW_WIDTH);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), target);
      /* The text column takes a third of the screen; the evidence the rest. */
      gtk_paned_set_position (self->paned, MAX (360, geometry.width * 34 / 100));
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * evident_presenter_window_choose_session:
 * @project: a project
 *
 * The session presenter mode records verdicts in when none is given: the
 * open validation audit, else the newest open session, else the newest
 * planned one.
 *
 * Returns: (transfer none) (nullable): the session, or %NULL
 */
EvidentSession *
evident_presenter_window_choose_session (EvidentProject *project)
{
  GListModel *sessions = evident_audit_get_sessions (evident_audit_get_for_project (project));
  EvidentSession *best = NULL;
  int best_rank = -1;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr (EvidentSession) session = g_list_model_get_item (sessions, i);
      EvidentSessionState state = evident_session_get_state (session);
      int rank = state == EVIDENT_SESSION_OPEN
                   ? (evident_session_get_kind (session) == EVIDENT_SESSION_AUDIT ? 3 : 2)
                   : state == EVIDENT_SESSION_PLANNED ? 1 : -1;

      /* Sessions come by date: a later one of the same rank wins. */
      if (rank >= 0 && rank >= best_rank)
        {
          best = session;
          best_rank = rank;
        }
    }
  return best;
}

EvidentPreview *
evident_presenter_window_get_preview (EvidentPresenterWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_PRESENTER_WINDOW (self), NULL);

  return evident_preview_pane_get_preview (self->preview_pane);
}

GtkWidget *
evident_presenter_window_get_jump_entry (EvidentPresenterWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_PRESENTER_WINDOW (self), NULL);

  return GTK_WIDGET (self->jump_entry);
}

GtkWidget *
evident_presenter_window_get_finding_entry (EvidentPresenterWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_PRESENTER_WINDOW (self), NULL);

  return GTK_WIDGET (self->finding_entry);
}

gboolean
evident_presenter_window_get_show_internal (EvidentPresenterWindow *self)
{
  g_return_val_if_fail (EVIDENT_IS_PRESENTER_WINDOW (self), FALSE);

  return self->show_internal;
}

/**
 * evident_presenter_window_get_text:
 * @part: "ref", "title", "position", "score", "verdict", "internal" or
 *   "requirement"
 *
 * Returns: (nullable): the text of a part of the screen, for tests
 */
const char *
evident_presenter_window_get_text (EvidentPresenterWindow *self,
                                   const char             *part)
{
  struct { const char *name; GtkLabel *label; } parts[] = {
    { "ref", self->ref_label }, { "title", self->title_label },
    { "position", self->position_label }, { "score", self->score_label },
    { "verdict", self->verdict_label }, { "internal", self->internal_label },
    { "requirement", self->requirement_label },
  };

  g_return_val_if_fail (EVIDENT_IS_PRESENTER_WINDOW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].name, part))
      return gtk_label_get_label (parts[i].label);
  return NULL;
}
