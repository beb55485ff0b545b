/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-audit-ui.h"
#include "evident-audit.h"
#include "evident-sessions-page.h"

/*
 * EvidentSessionsPage: the sessions of a project (dry runs, pre-audits,
 * validation audits) with their kind, day, participants, scope, state and
 * verdict counts, New Session… (`win.new-session`), and the findings of
 * every session; choosing a session shows it (EvidentSessionView), its
 * back button (`sessions.show-list`) the list again. The window shows the
 * page for the sidebar's "Sessions" row.
 */

struct _EvidentSessionsPage
{
  AdwBin               parent_instance;

  EvidentProject      *project;

  /* Template widgets */
  GtkStack            *stack;
  GtkListBox          *session_list;
  EvidentFindingsList *findings_list;
  EvidentSessionView  *session_view;
};

G_DEFINE_FINAL_TYPE (EvidentSessionsPage, evident_sessions_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_session_row (GtkWidget *row)
{
  EvidentSession *session = g_object_get_data (G_OBJECT (row), "session");
  g_autofree char *title = evident_session_dup_title (session);
  g_autofree char *participants = evident_session_dup_participants_text (session);
  g_autofree char *scope = evident_session_dup_scope_text (session);
  g_autofree char *counts = evident_session_dup_counts_text (session);
  g_autofree char *subtitle = NULL;

  /* Translators: under a session in the list: its kind, state,
   * participants and scope, then its verdicts on a line of their own */
  subtitle = g_strdup_printf (_("%1$s · %2$s · %3$s · %4$s\n%5$s"),
                              evident_session_kind_get_label (evident_session_get_kind (session)),
                              evident_session_state_get_label (evident_session_get_state (session)),
                              participants, scope, counts);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static GtkWidget *
create_session_row (gpointer item,
                    gpointer user_data)
{
  EvidentSession *session = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "session", g_object_ref (session), g_object_unref);
  g_signal_connect_object (session, "notify", G_CALLBACK (update_session_row), row,
                           G_CONNECT_SWAPPED);
  update_session_row (row);
  return row;
}

static void
session_activated_cb (EvidentSessionsPage *self,
                      GtkListBoxRow       *row)
{
  EvidentSession *session = g_object_get_data (G_OBJECT (row), "session");

  if (session != NULL)
    evident_sessions_page_show_session (self, session);
}

/* The session shown left the project (an undo took its creation back). */
static void
sessions_changed_cb (EvidentSessionsPage *self)
{
  EvidentSession *shown = evident_session_view_get_session (self->session_view);
  GListModel *sessions;

  if (shown == NULL || self->project == NULL)
    return;
  sessions = evident_audit_get_sessions (evident_audit_get_for_project (self->project));
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr (EvidentSession) session = g_list_model_get_item (sessions, i);

      if (session == shown)
        return;
    }
  evident_sessions_page_show_list (self);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  evident_sessions_page_show_list (EVIDENT_SESSIONS_PAGE (widget));
}

static void
update_placeholder (EvidentSessionsPage *self)
{
  GtkWidget *label = gtk_label_new (_("No sessions yet: hold a dry run once a chapter is covered"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_set_placeholder (self->session_list, label);
}

static void
evident_sessions_page_dispose (GObject *object)
{
  EvidentSessionsPage *self = EVIDENT_SESSIONS_PAGE (object);

  evident_sessions_page_set_project (self, NULL);
  /* The bin's child is a template child: the bin lets go of it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_SESSIONS_PAGE);

  G_OBJECT_CLASS (evident_sessions_page_parent_class)->dispose (object);
}

static void
evident_sessions_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EvidentSessionsPage *self = EVIDENT_SESSIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_sessions_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EvidentSessionsPage *self = EVIDENT_SESSIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_sessions_page_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_sessions_page_class_init (EvidentSessionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_sessions_page_dispose;
  object_class->get_property = evident_sessions_page_get_property;
  object_class->set_property = evident_sessions_page_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EVIDENT_TYPE_FINDINGS_LIST);
  g_type_ensure (EVIDENT_TYPE_SESSION_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-sessions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionsPage, session_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionsPage, findings_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentSessionsPage, session_view);
  gtk_widget_class_bind_template_callback (widget_class, session_activated_cb);

  gtk_widget_class_install_action (widget_class, "sessions.show-list", NULL, show_list_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "sessions.show-list", NULL);
}

static void
evident_sessions_page_init (EvidentSessionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  evident_a11y_name_mnemonics (GTK_WIDGET (self));
  update_placeholder (self);
}

EvidentProject *
evident_sessions_page_get_project (EvidentSessionsPage *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSIONS_PAGE (self), NULL);

  return self->project;
}

void
evident_sessions_page_set_project (EvidentSessionsPage *self,
                                   EvidentProject      *project)
{
  GListModel *sessions = NULL;

  g_return_if_fail (EVIDENT_IS_SESSIONS_PAGE (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  evident_sessions_page_show_list (self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (
        evident_audit_get_sessions (evident_audit_get_for_project (self->project)), self);
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      sessions = evident_audit_get_sessions (evident_audit_get_for_project (project));
      g_signal_connect_object (sessions, "items-changed", G_CALLBACK (sessions_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_list_box_bind_model (self->session_list, sessions, create_session_row, NULL, NULL);
  evident_session_view_set_project (self->session_view, project);
  evident_findings_list_set_project (self->findings_list, project);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * evident_sessions_page_show_session:
 * @session: a session of the project
 *
 * Shows @session: its verdicts, agenda and findings.
 */
void
evident_sessions_page_show_session (EvidentSessionsPage *self,
                                    EvidentSession      *session)
{
  g_return_if_fail (EVIDENT_IS_SESSIONS_PAGE (self));
  g_return_if_fail (EVIDENT_IS_SESSION (session));

  evident_session_view_set_session (self->session_view, session);
  gtk_stack_set_visible_child_name (self->stack, "session");
}

/* Back to the list of sessions. */
void
evident_sessions_page_show_list (EvidentSessionsPage *self)
{
  g_return_if_fail (EVIDENT_IS_SESSIONS_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "list");
  evident_session_view_set_session (self->session_view, NULL);
}

EvidentSessionView *
evident_sessions_page_get_session_view (EvidentSessionsPage *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSIONS_PAGE (self), NULL);

  return self->session_view;
}

EvidentFindingsList *
evident_sessions_page_get_findings_list (EvidentSessionsPage *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSIONS_PAGE (self), NULL);

  return self->findings_list;
}

GtkListBox *
evident_sessions_page_get_session_list (EvidentSessionsPage *self)
{
  g_return_val_if_fail (EVIDENT_IS_SESSIONS_PAGE (self), NULL);

  return self->session_list;
}
