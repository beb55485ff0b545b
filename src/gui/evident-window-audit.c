/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-audit-ui.h"
#include "evident-audit.h"
#include "evident-chapter-history.h"
#include "evident-evidence-store.h"
#include "evident-exemption-dialog.h"
#include "evident-first-evidence.h"
#include "evident-item-row.h"
#include "evident-session-dialog.h"
#include "evident-sessions-page.h"
#include "evident-window-audit.h"
#include "evident-window-private.h"

/*
 * The window's actions on the way to the audit: exempting a chapter or
 * section and lifting the exemption (`win.exempt`, `win.lift-exemption`,
 * with the number as parameter: the sidebar's chapter menu and the item
 * list's menu of an item's section and chapter use them), a chapter's
 * session history, the
 * Sessions page and New Session…, and presenter mode (F5,
 * `win.present`). Presenter mode is what the auditor sees: it shows the
 * project's real score, never the what-if scenario of the window, and
 * the window says so when both are on. Kept apart from evident-window.c, which calls in at
 * four places: class_init, init, update_actions and set_project.
 */

#define PRESENTER_KEY "evident-presenter"

static const char * const project_actions[] = {
  "win.exempt", "win.lift-exemption", "win.chapter-history", "win.show-sessions",
  "win.new-session", "win.show-session", "win.present", "win.present-session",
};

/* Exemptions */

static void
exempt_response_cb (EvidentWindow          *self,
                    const char             *response,
                    EvidentExemptionDialog *dialog)
{
  g_autoptr (GError) error = NULL;
  EvidentExemption *exemption;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "exempt"))
    return;
  exemption = evident_exemption_dialog_apply (dialog, &error);
  if (exemption == NULL)
    {
      evident_window_show_error (self, _("Could Not Mark as Exempt"), error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s is exempt: %u item not applicable",
                                          "%s is exempt: %u items not applicable",
                                          evident_exemption_get_n_items (exemption)),
                             evident_exemption_get_number (exemption),
                             evident_exemption_get_n_items (exemption));
  evident_audit_toast (GTK_WIDGET (self), message, TRUE);
}

static void
exempt_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);
  EvidentProject *project = evident_window_get_project (self);
  g_autoptr (GError) error = NULL;
  EvidentExemptionDialog *dialog;

  if (project == NULL)
    return;
  dialog = evident_exemption_dialog_new (GTK_WINDOW (self), project,
                                         g_variant_get_string (parameter, NULL), &error);
  if (dialog == NULL)
    {
      evident_audit_toast_error (widget, error);
      return;
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (exempt_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lift_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);
  EvidentProject *project = evident_window_get_project (self);
  const char *number = g_variant_get_string (parameter, NULL);
  g_autoptr (GPtrArray) kept = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  EvidentAudit *audit;
  EvidentExemption *exemption;

  if (project == NULL)
    return;
  audit = evident_audit_get_for_project (project);
  exemption = evident_audit_lookup_exemption (audit, number);
  if (exemption == NULL)
    {
      /* Translators: %s is a chapter's or a section's number */
      message = g_strdup_printf (_("%s is not exempt"), number);
      evident_audit_toast (widget, message, FALSE);
      return;
    }
  if (!evident_audit_lift_exemption (audit, exemption, &kept, &error))
    {
      evident_window_show_error (self, _("Could Not Lift the Exemption"), error);
      return;
    }

  if (kept == NULL || kept->len == 0)
    /* Translators: %s is a chapter's or a section's number */
    message = g_strdup_printf (_("Exemption of %s lifted: its items have their status back"),
                               number);
  else
    {
      g_autofree char *refs = NULL;

      g_ptr_array_add (kept, NULL);
      refs = g_strjoinv (", ", (char **) kept->pdata);
      /* Translators: %1$s is a chapter's or a section's number, %2$s the
       * references of items edited while it was exempt, which keep that edit */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Exemption of %1$s lifted; %2$s keeps the edit made "
                                              "since",
                                              "Exemption of %1$s lifted; %2$s keep the edits made "
                                              "since",
                                              kept->len - 1),
                                 number, refs);
    }
  evident_audit_toast (widget, message, TRUE);
}

static void
chapter_history_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);
  EvidentProject *project = evident_window_get_project (self);
  g_autoptr (GError) error = NULL;
  EvidentChapterHistory *history;

  if (project == NULL)
    return;
  history = evident_chapter_history_new (GTK_WINDOW (self), project,
                                         g_variant_get_string (parameter, NULL), &error);
  if (history == NULL)
    evident_audit_toast_error (widget, error);
  else
    gtk_window_present (GTK_WINDOW (history));
}

/* The item list's menu: its item's section and chapter */

static void
append_scope (GMenu        *menu,
              EvidentAudit *audit,
              const char   *kind,
              const char   *number)
{
  EvidentExemption *exemption = evident_audit_lookup_exemption (audit, number);
  g_autoptr (GMenuItem) item = NULL;
  g_autofree char *label = NULL;

  /* Only the exemption of this very chapter or section. */
  if (exemption != NULL && g_strcmp0 (evident_exemption_get_number (exemption), number) != 0)
    exemption = NULL;
  if (g_str_equal (kind, "section"))
    /* Translators: in an item's menu; %s is its section's number */
    label = g_strdup_printf (exemption != NULL ? _("Lift the Exemption of Section %s")
                                               : _("Mark Section %s as Exempt…"),
                             number);
  else
    /* Translators: in an item's menu; %s is its chapter's number */
    label = g_strdup_printf (exemption != NULL ? _("Lift the Exemption of Chapter %s")
                                               : _("Mark Chapter %s as Exempt…"),
                             number);
  item = g_menu_item_new (label, NULL);
  g_menu_item_set_action_and_target_value (item,
                                           exemption != NULL ? "win.lift-exemption" : "win.exempt",
                                           g_variant_new_string (number));
  g_menu_append_item (menu, item);
}

/**
 * evident_window_audit_create_item_menu:
 * @item: an item of the window's project
 *
 * The menu of an item in the list: exempt its section or its chapter, or
 * lift the exemption, and the chapter's session history.
 *
 * Returns: (transfer full): the menu
 */
GMenuModel *
evident_window_audit_create_item_menu (EvidentWindow *self,
                                       EvidentItem   *item)
{
  EvidentAudit *audit = evident_audit_get_for_project (evident_window_get_project (self));
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) exemptions = g_menu_new ();
  g_autoptr (GMenuItem) history = NULL;
  const char *chapter = evident_item_get_chapter (item);
  const char *section = evident_item_get_section (item);
  g_autofree char *label = NULL;

  /* A section of an exempt chapter cannot be exempt on its own. */
  if (section != NULL && *section != '\0' && g_strcmp0 (section, chapter) != 0
      && evident_audit_lookup_exemption (audit, chapter) == NULL)
    append_scope (exemptions, audit, "section", section);
  append_scope (exemptions, audit, "chapter", chapter);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (exemptions));

  /* Translators: in an item's menu; %s is its chapter's number */
  label = g_strdup_printf (_("Session History of Chapter %s"), chapter);
  history = g_menu_item_new (label, NULL);
  g_menu_item_set_action_and_target_value (history, "win.chapter-history",
                                           g_variant_new_string (chapter));
  g_menu_append_item (menu, history);
  evident_whatif_append_item_menu (menu, item);
  return G_MENU_MODEL (menu);
}

/* The item row at (@x, @y) of @list, or the one the focus is on. */
static EvidentItemRow *
find_item_row (GtkWidget *list,
               gboolean   at_pointer,
               double     x,
               double     y)
{
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *widget = at_pointer ? gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT)
                                 : root != NULL ? gtk_root_get_focus (root) : NULL;

  if (widget == NULL || !gtk_widget_is_ancestor (widget, list))
    return NULL;
  /* The focus is on the list item around the row. */
  if (!at_pointer && EVIDENT_IS_ITEM_ROW (gtk_widget_get_first_child (widget)))
    return EVIDENT_ITEM_ROW (gtk_widget_get_first_child (widget));
  widget = EVIDENT_IS_ITEM_ROW (widget) ? widget
                                        : gtk_widget_get_ancestor (widget, EVIDENT_TYPE_ITEM_ROW);
  return widget != NULL ? EVIDENT_ITEM_ROW (widget) : NULL;
}

static gboolean
popup_item_menu (EvidentWindow  *self,
                 EvidentItemRow *row,
                 double          x,
                 double          y)
{
  EvidentProject *project = evident_window_get_project (self);
  EvidentItem *item = row != NULL ? evident_item_row_get_item (row) : NULL;
  g_autoptr (GMenuModel) menu = NULL;

  if (project == NULL || item == NULL)
    return FALSE;
  menu = evident_window_audit_create_item_menu (self, item);
  evident_item_row_popup_menu (row, menu, x, y);
  return TRUE;
}

static void
item_menu_pressed_cb (EvidentWindow   *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  EvidentItemRow *row = find_item_row (list, TRUE, x, y);
  double row_x, row_y;

  if (row == NULL
      || !gtk_widget_translate_coordinates (list, GTK_WIDGET (row), x, y, &row_x, &row_y))
    return;
  if (popup_item_menu (self, row, row_x, row_y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
item_menu_key_cb (GtkWidget *list,
                  GVariant  *args,
                  gpointer   user_data)
{
  EvidentWindow *self = EVIDENT_WINDOW (gtk_widget_get_root (list));

  return popup_item_menu (self, find_item_row (list, FALSE, 0, 0), -1, -1);
}

/* Right click, Shift+F10 and Menu on an item of the list. */
static void
attach_item_menu (EvidentWindow *self)
{
  GtkWidget *list = GTK_WIDGET (evident_window_get_item_list (self));
  GtkGesture *gesture = gtk_gesture_click_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (item_menu_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (list, GTK_EVENT_CONTROLLER (gesture));

  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                         gtk_keyval_trigger_new (GDK_KEY_Menu, 0));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (trigger,
                                                          gtk_callback_action_new (item_menu_key_cb,
                                                                                   NULL, NULL)));
  gtk_widget_add_controller (list, shortcuts);
}

/* Sessions */

static void
show_sessions_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);
  EvidentSessionsPage *page = evident_window_get_sessions_page (self);
  EvidentSession *session = NULL;

  if (evident_window_get_project (self) == NULL)
    return;
  if (parameter != NULL)
    {
      session = evident_audit_lookup_session (
          evident_audit_get_for_project (evident_window_get_project (self)),
          g_variant_get_int64 (parameter));
      if (session == NULL)
        return;
    }

  /* The overview's pane, in a folded window too; then its other page. */
  gtk_widget_activate_action (widget, "win.show-overview", NULL);
  evident_sidebar_set_sessions (evident_window_get_sidebar (self), TRUE);
  if (session != NULL)
    evident_sessions_page_show_session (page, session);
  else
    evident_sessions_page_show_list (page);
}

static void
new_session_response_cb (EvidentWindow        *self,
                         const char           *response,
                         EvidentSessionDialog *dialog)
{
  g_autoptr (GError) error = NULL;
  EvidentSession *session;

  if (!g_str_equal (response, "create"))
    return;
  session = evident_session_dialog_apply (dialog, &error);
  if (session == NULL)
    {
      evident_window_show_error (self, _("Could Not Create the Session"), error);
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-session", "x",
                              evident_session_get_id (session));
  evident_audit_toast (GTK_WIDGET (self), _("Session created"), TRUE);
}

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);
  EvidentSessionDialog *dialog;

  if (evident_window_get_project (self) == NULL)
    return;
  dialog = evident_session_dialog_new (GTK_WINDOW (self), evident_window_get_project (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_session_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Presenter mode */

static void
presenter_item_cb (EvidentWindow          *self,
                   GParamSpec             *pspec,
                   EvidentPresenterWindow *presenter)
{
  EvidentItem *item = evident_presenter_window_get_item (presenter);
  EvidentItemList *list = evident_window_get_item_list (self);

  /* The main window follows, with the item's notes and findings. */
  if (item == NULL || evident_item_list_get_selected_item (list) == item)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-item", "s", evident_item_get_ref (item));
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* The window goes: presenter mode with it, before the project closes. */
static void
window_unrealize_cb (EvidentPresenterWindow *presenter)
{
  gtk_window_destroy (GTK_WINDOW (presenter));
}

/**
 * evident_window_audit_present:
 * @session: (nullable): the session to record verdicts in; %NULL: the
 *   one evident_presenter_window_choose_session() chooses
 * @item: (nullable): the item to start on; %NULL: the one open in the
 *   window, else the first
 *
 * Starts presenter mode, or brings it up on @item.
 *
 * Returns: (transfer none) (nullable): the presenter window
 */
EvidentPresenterWindow *
evident_window_audit_present (EvidentWindow  *self,
                              EvidentSession *session,
                              EvidentItem    *item)
{
  EvidentProject *project = evident_window_get_project (self);
  EvidentPresenterWindow *presenter = evident_window_audit_get_presenter (self);
  GWeakRef *ref;

  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), NULL);

  if (project == NULL)
    return NULL;
  if (item == NULL)
    item = evident_item_list_get_selected_item (evident_window_get_item_list (self));

  if (presenter != NULL && session != NULL
      && evident_presenter_window_get_session (presenter) != session)
    {
      gtk_window_destroy (GTK_WINDOW (presenter));
      presenter = NULL;
    }
  if (presenter == NULL)
    {
      if (session == NULL)
        session = evident_presenter_window_choose_session (project);
      presenter = evident_presenter_window_new (project, session);
      gtk_window_set_application (GTK_WINDOW (presenter),
                                  gtk_window_get_application (GTK_WINDOW (self)));
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, presenter);
      g_object_set_data_full (G_OBJECT (self), PRESENTER_KEY, ref, (GDestroyNotify) weak_ref_free);
      g_signal_connect_object (presenter, "notify::item", G_CALLBACK (presenter_item_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self, "unrealize", G_CALLBACK (window_unrealize_cb), presenter,
                               G_CONNECT_SWAPPED);
    }
  if (item != NULL)
    evident_presenter_window_set_item (presenter, item);
  evident_presenter_window_present_beside (presenter, GTK_WINDOW (self));
  evident_window_audit_note_whatif (self);
  return presenter;
}

/**
 * evident_window_audit_note_whatif:
 *
 * While presenter mode is on and the window is in what-if mode, says in
 * a toast that the presenter shows the real score: a scenario is the
 * lead's own assumption, not something to show an auditor.
 */
void
evident_window_audit_note_whatif (EvidentWindow *self)
{
  EvidentWhatif *whatif = evident_window_get_whatif (self);

  if (whatif == NULL || evident_whatif_get_scenario (whatif) == NULL
      || evident_window_audit_get_presenter (self) == NULL)
    return;
  evident_window_add_toast (self,
                            adw_toast_new (_("Presenter mode shows the real score: "
                                             "what-if stays in this window")));
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvidentWindow *self = EVIDENT_WINDOW (widget);
  EvidentProject *project = evident_window_get_project (self);
  EvidentSession *session = NULL;

  if (project == NULL)
    return;
  if (parameter != NULL)
    session = evident_audit_lookup_session (evident_audit_get_for_project (project),
                                            g_variant_get_int64 (parameter));
  evident_window_audit_present (self, session, NULL);
}

/**
 * evident_window_audit_get_presenter:
 *
 * Returns: (transfer none) (nullable): the window's presenter mode, while
 *   it is up
 */
EvidentPresenterWindow *
evident_window_audit_get_presenter (EvidentWindow *self)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (self), PRESENTER_KEY);
  g_autoptr (EvidentPresenterWindow) presenter = ref != NULL ? g_weak_ref_get (ref) : NULL;

  /* Shown, it is a toplevel of GTK's: the pointer stays good. Closed, it
   * is gone, whoever still holds it. */
  if (presenter == NULL || !gtk_widget_get_visible (GTK_WIDGET (presenter)))
    return NULL;
  return presenter;
}

/* Opening at an item: `evident --item REF PROJECT` */

/**
 * evident_window_audit_open_item:
 * @ref: an item's reference
 * @error: return location for an error
 *
 * Shows the item with its first evidence in the preview, which starts
 * loading page 1 at once: the first PDF or image, else the first
 * evidence. Where the window is too narrow for the preview beside the
 * item, the preview is shown in place of the item.
 *
 * Returns: %FALSE with @error set when the project has no such item
 */
gboolean
evident_window_audit_open_item (EvidentWindow  *self,
                                const char     *ref,
                                GError        **error)
{
  EvidentProject *project = evident_window_get_project (self);
  g_autoptr (EvidentEvidence) first = NULL;
  EvidentItem *item;

  g_return_val_if_fail (EVIDENT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);
  g_return_val_if_fail (project != NULL, FALSE);

  item = evident_project_lookup_item (project, ref);
  if (item == NULL)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_NO_SUCH_ITEM,
                   _("The project “%s” has no item “%s”"), evident_project_get_title (project),
                   ref);
      return FALSE;
    }

  first = evident_first_evidence_find (project, item);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-item", "s", ref);
  if (first == NULL)
    return TRUE;

  evident_item_editor_set_selected_evidence (evident_window_get_item_editor (self), first);
  /* Whoever asks for an item by name wants to see its evidence, also
   * where the window is too narrow for the preview beside the item. */
  if (evident_preview_pane_renders (first))
    evident_window_show_preview (self);
  return TRUE;
}

/**
 * evident_window_audit_focus_item:
 *
 * Puts the keyboard focus on the item evident_window_audit_open_item()
 * opened, as opening an item from the list does: on its first control,
 * or the preview's where that is shown in place of the item. Called once
 * the window is presented: before, the order of the controls cannot
 * place it.
 */
void
evident_window_audit_focus_item (EvidentWindow *self)
{
  g_return_if_fail (EVIDENT_IS_WINDOW (self));

  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_child_focus (GTK_WIDGET (evident_window_get_item_editor (self)),
                          GTK_DIR_TAB_FORWARD);
}

/* The window's part */

void
evident_window_audit_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (EVIDENT_TYPE_SESSIONS_PAGE);

  gtk_widget_class_install_action (widget_class, "win.exempt", "s", exempt_action);
  gtk_widget_class_install_action (widget_class, "win.lift-exemption", "s", lift_action);
  gtk_widget_class_install_action (widget_class, "win.chapter-history", "s",
                                   chapter_history_action);
  gtk_widget_class_install_action (widget_class, "win.show-sessions", NULL, show_sessions_action);
  gtk_widget_class_install_action (widget_class, "win.show-session", "x", show_sessions_action);
  gtk_widget_class_install_action (widget_class, "win.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-session", "x", present_action);
}

static gboolean
sessions_to_page (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_string (to, g_value_get_boolean (from) ? "sessions" : "overview");
  return TRUE;
}

/* The overview pane shows the overview or the sessions, as the sidebar's
 * selection says; the item list gets its items' menu. */
void
evident_window_audit_init (EvidentWindow *self,
                           GtkStack      *overview_stack)
{
  g_object_bind_property_full (evident_window_get_sidebar (self), "sessions",
                               overview_stack, "visible-child-name",
                               G_BINDING_SYNC_CREATE, sessions_to_page, NULL, NULL, NULL);
  attach_item_menu (self);
}

void
evident_window_audit_update_actions (EvidentWindow *self)
{
  gboolean has_project = evident_window_get_project (self) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (project_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), project_actions[i], has_project);
}

/* The window shows another project (or none): presenter mode ends. */
void
evident_window_audit_set_project (EvidentWindow  *self,
                                  EvidentProject *project)
{
  EvidentPresenterWindow *presenter = evident_window_audit_get_presenter (self);

  if (presenter != NULL && evident_presenter_window_get_project (presenter) != project)
    gtk_window_destroy (GTK_WINDOW (presenter));
  /* Built when first shown, with the project of that moment. */
  if (self->sessions_page != NULL)
    evident_sessions_page_set_project (self->sessions_page, project);
}
