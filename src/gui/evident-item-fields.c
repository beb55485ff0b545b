/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-chapter.h"
#include "evident-due-date.h"
#include "evident-entry-row.h"
#include "evident-enums-util.h"
#include "evident-item-fields.h"
#include "evident-plan-settings.h"

/*
 * EvidentItemFields: what an item is (reference, title, chapter and
 * section, points, mandatory, the checklist's requirement and the evidence
 * it expects) and the fields the user sets: status, with the reason when
 * it is not applicable, owner, complexity and due date.
 *
 * Its controls and the editor's actions ("editor.set-status" and the like,
 * through evident_item_fields_apply()) save the same way: through the
 * project, with a refused edit shown beside the control the user used. The
 * controls follow the item's notifications, whoever changed it.
 *
 * Choosing "not applicable" for an item without a reason changes nothing
 * yet: the reason row asks for one, and the item changes once it is
 * given. Leaving the status rows, Escape, or another item forgets the
 * choice.
 */

struct _EvidentItemFields
{
  AdwBin               parent_instance;

  EvidentProject      *project;
  EvidentItem         *item;

  /* Template widgets */
  GtkLabel            *ref_label;
  GtkLabel            *title_label;
  GtkLabel            *context_label;
  GtkLabel            *points_label;
  GtkWidget           *mandatory_tag;
  AdwPreferencesGroup *status_group;
  AdwComboRow         *status_row;
  GtkStringList       *status_model;
  EvidentEntryRow     *reason_row;
  GtkLabel            *status_message;
  EvidentEntryRow     *owner_row;
  GtkMenuButton       *owner_button;
  AdwComboRow         *complexity_row;
  GtkStringList       *complexity_model;
  AdwActionRow        *due_row;
  GtkMenuButton       *due_button;
  GtkPopover          *due_popover;
  GtkCalendar         *due_calendar;
  GtkWidget           *due_clear_button;
  EvidentEntryRow     *estimate_row;
  GtkLabel            *planning_message;
  GtkLabel            *requirement_label;
  GtkWidget           *expected_group;
  GtkLabel            *expected_label;

  /* The message under the status rows when an edit was refused */
  char                *status_error;

  guint                focus_reason_id;
  /* Alt+S waiting for the status row to come on screen, and for how long */
  guint                status_list_tick_id;
  guint                status_list_frames;
  /* > 0 while the controls are set from the item: their signals are echoes */
  guint                updating;
  /* The user chose not-applicable; the item changes once a reason is given */
  guint                pending_not_applicable : 1;
};

G_DEFINE_FINAL_TYPE (EvidentItemFields, evident_item_fields, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ITEM,
  N_PROPS
};

enum {
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

/* Nothing but spaces: no reason at all. */
static gboolean
is_blank (const char *str)
{
  for (; str != NULL && *str != '\0'; str = g_utf8_next_char (str))
    if (!g_unichar_isspace (g_utf8_get_char (str)))
      return FALSE;
  return TRUE;
}

/* Sets an entry row's text from the model without leaving its apply button
 * up, and without touching it when it already shows that text (so the
 * cursor stays where the user put it). */
static void
entry_row_set_text (EvidentEntryRow *row,
                    const char      *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
      gtk_editable_set_position (GTK_EDITABLE (row), -1);
    }
  evident_entry_row_reset_apply (row);
}

/* GMenu labels take "_" as a mnemonic marker. */
static char *
escape_mnemonic (const char *label)
{
  g_auto (GStrv) parts = g_strsplit (label, "_", -1);

  return g_strjoinv ("__", parts);
}

static const char *
find_chapter_title (EvidentProject *project,
                    const char     *number)
{
  GListModel *chapters;

  if (project == NULL || number == NULL)
    return NULL;

  chapters = evident_project_get_chapters (project);
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);

      /* The model keeps the chapter, and so its title, alive. */
      if (g_strcmp0 (evident_chapter_get_number (chapter), number) == 0)
        return evident_chapter_get_display_title (chapter);
    }
  return NULL;
}

/* Errors */

static void
update_status_message (EvidentItemFields *self)
{
  GtkWidget *label = GTK_WIDGET (self->status_message);

  if (self->status_error != NULL)
    {
      gtk_label_set_text (self->status_message, self->status_error);
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_visible (label, TRUE);
    }
  else if (self->pending_not_applicable)
    {
      gtk_label_set_text (self->status_message, _("Say why this item does not apply"));
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_visible (label, TRUE);
    }
  else
    {
      gtk_widget_set_visible (label, FALSE);
    }
}

static void
clear_row_error (EvidentItemFields *self,
                 GtkWidget         *row)
{
  if (!gtk_widget_has_css_class (row, "error"))
    return;

  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, NULL);

  if (row == GTK_WIDGET (self->status_row) || row == GTK_WIDGET (self->reason_row))
    {
      g_clear_pointer (&self->status_error, g_free);
      update_status_message (self);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->planning_message), FALSE);
    }
}

static void
clear_errors (EvidentItemFields *self)
{
  clear_row_error (self, GTK_WIDGET (self->status_row));
  clear_row_error (self, GTK_WIDGET (self->reason_row));
  clear_row_error (self, GTK_WIDGET (self->owner_row));
  clear_row_error (self, GTK_WIDGET (self->complexity_row));
  clear_row_error (self, GTK_WIDGET (self->due_row));
  clear_row_error (self, GTK_WIDGET (self->estimate_row));
  g_clear_pointer (&self->status_error, g_free);
  update_status_message (self);
  gtk_widget_set_visible (GTK_WIDGET (self->planning_message), FALSE);
}

/* Shows a refused edit beside the control the user used, once: only an
 * error with no control to show it beside goes to the editor, whose window
 * shows a toast. */
static void
show_error (EvidentItemFields *self,
            GtkWidget         *row,
            const GError      *error)
{
  g_assert (error != NULL);

  if (row == NULL)
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      return;
    }

    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, error->message);

      if (row == GTK_WIDGET (self->status_row) || row == GTK_WIDGET (self->reason_row))
        {
          g_free (self->status_error);
          self->status_error = g_strdup (error->message);
          update_status_message (self);
        }
      else
        {
          gtk_label_set_text (self->planning_message, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->planning_message), TRUE);
        }
    }
}

/* Controls from the item */

static void
sync_header (EvidentItemFields *self)
{
  EvidentItem *item = self->item;
  const char *chapter_title;
  const char *section_title;
  g_autofree char *chapter = NULL;
  g_autofree char *context = NULL;
  g_autofree char *points = NULL;
  int n_points;

  gtk_label_set_text (self->ref_label, evident_item_get_ref (item));
  gtk_label_set_text (self->title_label, evident_item_get_title (item) ?: "");

  chapter_title = find_chapter_title (self->project, evident_item_get_chapter (item));
  if (chapter_title != NULL)
    chapter = g_strdup_printf ("%s %s", evident_item_get_chapter (item), chapter_title);
  else
    chapter = g_strdup (evident_item_get_chapter (item) ?: "");

  section_title = evident_item_get_section_title (item);
  if (!is_empty (evident_item_get_section (item)))
    /* Translators: chapter › section, e.g. "8.0 Security › 8.2 Access Control" */
    context = g_strdup_printf (_("%s › %s %s"), chapter, evident_item_get_section (item),
                               section_title ? section_title : "");
  else
    context = g_steal_pointer (&chapter);
  gtk_label_set_text (self->context_label, g_strstrip (context));

  n_points = evident_item_get_points (item);
  points = g_strdup_printf (ngettext ("%d point", "%d points", n_points), n_points);
  gtk_label_set_text (self->points_label, points);
  /* A pass/fail checklist has no points to show. */
  gtk_widget_set_visible (GTK_WIDGET (self->points_label),
                          self->project == NULL
                          || evident_project_get_rules (self->project)->mode != EVIDENT_SCORE_MODE_PASS_FAIL);
  gtk_widget_set_visible (self->mandatory_tag, evident_item_get_mandatory (item));

  gtk_label_set_text (self->requirement_label, evident_item_get_requirement (item) ?: "");
  gtk_label_set_text (self->expected_label, evident_item_get_evidence_hint (item) ?: "");
  gtk_widget_set_visible (self->expected_group,
                          !is_empty (evident_item_get_evidence_hint (item)));
}

static void
sync_status (EvidentItemFields *self)
{
  EvidentStatus status = evident_item_get_status (self->item);

  if (self->pending_not_applicable)
    status = EVIDENT_STATUS_NOT_APPLICABLE;

  self->updating++;
  adw_combo_row_set_selected (self->status_row, status);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), status == EVIDENT_STATUS_NOT_APPLICABLE);
  /* While a reason is being written, the entry is the user's. */
  if (!self->pending_not_applicable)
    entry_row_set_text (self->reason_row, evident_item_get_reason (self->item));
  self->updating--;

  update_status_message (self);
}

static void
sync_owner (EvidentItemFields *self)
{
  self->updating++;
  entry_row_set_text (self->owner_row, evident_item_get_owner (self->item));
  self->updating--;
}

static void
sync_complexity (EvidentItemFields *self)
{
  self->updating++;
  adw_combo_row_set_selected (self->complexity_row, evident_item_get_complexity (self->item));
  self->updating--;
}

static void
sync_due (EvidentItemFields *self)
{
  const char *due = evident_item_get_due (self->item);
  g_autoptr (GDateTime) date = evident_due_date_parse (due);
  g_autofree char *label = NULL;
  g_autofree char *accessible = NULL;
  gboolean overdue = FALSE;

  if (date != NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autoptr (GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                            g_date_time_get_month (now),
                                                            g_date_time_get_day_of_month (now),
                                                            0, 0, 0);

      overdue = g_date_time_compare (date, today) < 0
                && !evident_item_counts_in (self->item, EVIDENT_VIEW_CONFIRMED);
    }

  label = is_empty (due) ? g_strdup (_("No due date")) : evident_due_date_format (due);
  gtk_menu_button_set_label (self->due_button, label);
  /* Translators: the due date's button for screen readers, e.g. "Due
   * date: 31 March 2026" */
  accessible = g_strdup_printf (_("Due date: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->due_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* The row names it after its title too: once is enough. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->due_button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_widget_set_visible (self->due_clear_button, !is_empty (due));
  adw_action_row_set_subtitle (self->due_row, overdue ? _("Overdue") : "");
  /* The row's subtitle, for screen readers on the button, the row's one
   * Tab stop. */
  if (overdue)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->due_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Overdue"),
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->due_button),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "evident-overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "evident-overdue");
}

static void
sync_estimate (EvidentItemFields *self)
{
  double days = evident_item_get_estimate (self->item);
  g_autofree char *text = days >= 0 ? evident_days_format (days) : NULL;

  self->updating++;
  entry_row_set_text (self->estimate_row, text);
  self->updating--;
}

/* Pending not-applicable */

static gboolean
focus_reason_cb (gpointer user_data)
{
  EvidentItemFields *self = user_data;

  self->focus_reason_id = 0;
  if (self->pending_not_applicable)
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
  return G_SOURCE_REMOVE;
}

static void
begin_pending_not_applicable (EvidentItemFields *self)
{
  self->pending_not_applicable = TRUE;
  sync_status (self);

  /* After the combo row's popover has closed and given the focus back. */
  g_clear_handle_id (&self->focus_reason_id, g_source_remove);
  self->focus_reason_id = g_idle_add (focus_reason_cb, self);
}

/* Forgets a not-applicable choice that never got its reason: the status
 * row goes back to what the item really is. */
static void
cancel_pending_not_applicable (EvidentItemFields *self)
{
  if (!self->pending_not_applicable)
    return;

  self->pending_not_applicable = FALSE;
  g_clear_handle_id (&self->focus_reason_id, g_source_remove);
  clear_row_error (self, GTK_WIDGET (self->reason_row));
  if (self->item != NULL)
    sync_status (self);
}

/* Edits */

static void
set_status (EvidentItemFields *self,
            const char        *value)
{
  g_autoptr (GError) error = NULL;
  EvidentStatus status;

  if (self->item == NULL || self->project == NULL)
    return;

  if (!evident_status_from_string (value, &status))
    {
      g_set_error (&error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                   _("“%s” is not a status"), value);
      show_error (self, GTK_WIDGET (self->status_row), error);
      return;
    }

  clear_row_error (self, GTK_WIDGET (self->status_row));
  clear_row_error (self, GTK_WIDGET (self->reason_row));

  /* Not applicable needs a reason: ask for it before changing anything. */
  if (status == EVIDENT_STATUS_NOT_APPLICABLE
      && evident_item_get_status (self->item) != EVIDENT_STATUS_NOT_APPLICABLE
      && is_empty (evident_item_get_reason (self->item)))
    {
      begin_pending_not_applicable (self);
      return;
    }

  self->pending_not_applicable = FALSE;
  if (!evident_project_set_status (self->project, self->item, status, NULL, &error))
    show_error (self, GTK_WIDGET (self->status_row), error);
  sync_status (self);
}

static void
set_reason (EvidentItemFields *self,
            const char        *value)
{
  g_autoptr (GError) error = NULL;
  gboolean saved;

  if (self->item == NULL || self->project == NULL)
    return;

  clear_row_error (self, GTK_WIDGET (self->reason_row));

  /* Not applicable needs a reason: said in plain words, beside the
   * field, before the project is asked. */
  if (is_blank (value)
      && (self->pending_not_applicable
          || evident_item_get_status (self->item) == EVIDENT_STATUS_NOT_APPLICABLE))
    {
      g_set_error_literal (&error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                           _("Say why this item does not apply: not applicable needs a reason"));
      show_error (self, GTK_WIDGET (self->reason_row), error);
      return;
    }

  if (self->pending_not_applicable)
    {
      saved = evident_project_set_status (self->project, self->item,
                                          EVIDENT_STATUS_NOT_APPLICABLE, value, &error);
      if (saved)
        self->pending_not_applicable = FALSE;
    }
  else
    {
      EvidentItemChange change = { EVIDENT_ITEM_FIELD_REASON, value };

      saved = evident_project_update_item (self->project, self->item, &change, 1, &error);
    }

  if (!saved)
    {
      show_error (self, GTK_WIDGET (self->reason_row), error);
      return;
    }
  sync_status (self);
}

static void
set_owner (EvidentItemFields *self,
           const char        *value)
{
  g_autoptr (GError) error = NULL;

  if (self->item == NULL || self->project == NULL)
    return;

  clear_row_error (self, GTK_WIDGET (self->owner_row));
  if (!evident_project_set_owner (self->project, self->item, value, &error))
    show_error (self, GTK_WIDGET (self->owner_row), error);
  /* Also when nothing changed: the entry shows the owner as saved. */
  sync_owner (self);
}

static void
set_complexity (EvidentItemFields *self,
                const char        *value)
{
  g_autoptr (GError) error = NULL;
  EvidentComplexity complexity;

  if (self->item == NULL || self->project == NULL)
    return;

  clear_row_error (self, GTK_WIDGET (self->complexity_row));
  if (!evident_complexity_from_string (value, &complexity))
    g_set_error (&error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                 _("“%s” is not a complexity"), value);
  else
    evident_project_set_complexity (self->project, self->item, complexity, &error);

  if (error != NULL)
    show_error (self, GTK_WIDGET (self->complexity_row), error);
  sync_complexity (self);
}

static void
set_due (EvidentItemFields *self,
         const char        *value)
{
  EvidentItemChange change = { EVIDENT_ITEM_FIELD_DUE, value };
  g_autoptr (GError) error = NULL;

  if (self->item == NULL || self->project == NULL)
    return;

  clear_row_error (self, GTK_WIDGET (self->due_row));
  if (!evident_project_update_item (self->project, self->item, &change, 1, &error))
    show_error (self, GTK_WIDGET (self->due_row), error);
  sync_due (self);
}

/* An estimate in days, or empty for the effort of the item's complexity */
static void
set_estimate (EvidentItemFields *self,
              const char        *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value));
  EvidentItemChange change = { EVIDENT_ITEM_FIELD_ESTIMATE, stripped };
  g_autoptr (GError) error = NULL;

  if (self->item == NULL || self->project == NULL)
    return;

  clear_row_error (self, GTK_WIDGET (self->estimate_row));
  if (!evident_project_update_item (self->project, self->item, &change, 1, &error))
    show_error (self, GTK_WIDGET (self->estimate_row), error);
  sync_estimate (self);
}

/* Signal handlers */

static void
item_notify_cb (EvidentItemFields *self,
                GParamSpec        *pspec,
                EvidentItem       *item)
{
  const char *name = g_param_spec_get_name (pspec);

  g_assert (item == self->item);

  if (g_str_equal (name, "status"))
    {
      /* A status set elsewhere (undo, the list) ends a pending choice;
       * not-applicable arriving is that choice being saved, and the reason
       * entry stays the user's until it is. */
      if (evident_item_get_status (item) != EVIDENT_STATUS_NOT_APPLICABLE)
        self->pending_not_applicable = FALSE;
      sync_status (self);
      sync_due (self);
    }
  else if (g_str_equal (name, "reason"))
    {
      /* Not applicable with a reason now: nothing left to ask for. */
      if (evident_item_get_status (item) == EVIDENT_STATUS_NOT_APPLICABLE
          && !is_empty (evident_item_get_reason (item)))
        self->pending_not_applicable = FALSE;
      sync_status (self);
    }
  else if (g_str_equal (name, "owner"))
    {
      sync_owner (self);
    }
  else if (g_str_equal (name, "complexity"))
    {
      sync_complexity (self);
    }
  else if (g_str_equal (name, "due"))
    {
      sync_due (self);
    }
  else if (g_str_equal (name, "estimate"))
    {
      sync_estimate (self);
    }
}
static void
status_row_selected_cb (EvidentItemFields *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->updating > 0 || self->item == NULL || selected >= EVIDENT_N_STATUSES)
    return;

  set_status (self, evident_status_to_string (selected));
}

static void
reason_row_apply_cb (EvidentItemFields *self)
{
  if (self->item == NULL)
    return;

  set_reason (self, gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));
}

static gboolean
reason_row_key_pressed_cb (EvidentItemFields *self,
                           guint              keyval,
                           guint              keycode,
                           GdkModifierType    state)
{
  if (keyval != GDK_KEY_Escape || !self->pending_not_applicable)
    return GDK_EVENT_PROPAGATE;

  cancel_pending_not_applicable (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->status_row));
  return GDK_EVENT_STOP;
}

static gboolean
status_focus_left_cb (gpointer user_data)
{
  g_autoptr (EvidentItemFields) self = user_data;
  GtkRoot *root;
  GtkWidget *focus;

  /* Disposed in the meantime, or already settled */
  if (self->item == NULL || !self->pending_not_applicable)
    return G_SOURCE_REMOVE;

  /* Still in the status rows (their popover included)? Then the user has
   * not left. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL
      || (focus != GTK_WIDGET (self->status_group)
          && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->status_group))))
    cancel_pending_not_applicable (self);

  return G_SOURCE_REMOVE;
}

static void
status_group_focus_leave_cb (EvidentItemFields *self)
{
  if (self->pending_not_applicable)
    g_idle_add (status_focus_left_cb, g_object_ref (self));
}

static void
estimate_row_apply_cb (EvidentItemFields *self)
{
  if (self->item == NULL)
    return;

  set_estimate (self, gtk_editable_get_text (GTK_EDITABLE (self->estimate_row)));
}

static void
owner_row_apply_cb (EvidentItemFields *self)
{
  if (self->item == NULL)
    return;

  set_owner (self, gtk_editable_get_text (GTK_EDITABLE (self->owner_row)));
}

static void
owner_button_create_popup_cb (GtkMenuButton *button,
                              gpointer       user_data)
{
  EvidentItemFields *self = user_data;
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) nobody = g_menu_new ();
  g_autoptr (GMenu) people = g_menu_new ();
  g_autoptr (GMenuItem) unassigned = NULL;
  g_auto (GStrv) owners = NULL;

  unassigned = g_menu_item_new (_("Unassigned"), NULL);
  g_menu_item_set_action_and_target_value (unassigned, "editor.set-owner",
                                           g_variant_new_string (""));
  g_menu_append_item (nobody, unassigned);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (nobody));

  if (self->project != NULL)
    owners = evident_project_dup_owners (self->project);
  for (guint i = 0; owners != NULL && owners[i] != NULL; i++)
    {
      g_autofree char *label = escape_mnemonic (owners[i]);
      g_autoptr (GMenuItem) menu_item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (menu_item, "editor.set-owner",
                                               g_variant_new_string (owners[i]));
      g_menu_append_item (people, menu_item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (people)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (people));

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
complexity_row_selected_cb (EvidentItemFields *self)
{
  guint selected = adw_combo_row_get_selected (self->complexity_row);

  if (self->updating > 0 || self->item == NULL || selected >= EVIDENT_N_COMPLEXITIES)
    return;

  set_complexity (self, evident_complexity_to_string (selected));
}

static void
due_popover_show_cb (EvidentItemFields *self)
{
  g_autoptr (GDateTime) date = NULL;

  if (self->item != NULL)
    date = evident_due_date_parse (evident_item_get_due (self->item));
  if (date == NULL)
    date = g_date_time_new_now_local ();

  self->updating++;
  gtk_calendar_select_day (self->due_calendar, date);
  self->updating--;
}

static void
due_calendar_day_selected_cb (EvidentItemFields *self)
{
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *iso_date = NULL;

  if (self->updating > 0 || self->item == NULL)
    return;

  date = gtk_calendar_get_date (self->due_calendar);
  iso_date = g_date_time_format (date, "%Y-%m-%d");
  gtk_popover_popdown (self->due_popover);
  set_due (self, iso_date);
}

/* Alt+S: the status row's list */

/* Frames to wait for the status row to come on screen (half a second) */
#define STATUS_LIST_MAX_FRAMES 30

/* Scrolls the item's page at once so that the whole status row shows.
 * Not animated: setting the value also stops a scroll under way (to the
 * notes after Alt+N, say) that would carry the row away again. */
static void
reveal_status_row (EvidentItemFields *self)
{
  GtkWidget *row = GTK_WIDGET (self->status_row);
  GtkWidget *viewport = gtk_widget_get_ancestor (row, GTK_TYPE_VIEWPORT);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page;

  if (viewport == NULL)
    return;
  content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  if (content == NULL || adjustment == NULL
      || !gtk_widget_compute_bounds (row, content, &bounds))
    return;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < value || bounds.size.height > page)
    value = bounds.origin.y;
  else if (bounds.origin.y + bounds.size.height > value + page)
    value = bounds.origin.y + bounds.size.height - page;
  gtk_adjustment_set_value (adjustment, value);
}

/* Whether the status row, as last laid out, lies within the page's
 * viewport: its list opens from where the row is on screen, and a row
 * scrolled out of the window leaves the list nowhere to go. */
static gboolean
status_row_on_screen (EvidentItemFields *self)
{
  GtkWidget *row = GTK_WIDGET (self->status_row);
  GtkWidget *viewport = gtk_widget_get_ancestor (row, GTK_TYPE_VIEWPORT);
  graphene_rect_t bounds;
  double top, bottom, height;

  if (!gtk_widget_get_mapped (row))
    return FALSE;
  if (viewport == NULL)
    return TRUE;
  if (!gtk_widget_compute_bounds (row, viewport, &bounds))
    return FALSE;

  top = bounds.origin.y;
  bottom = top + bounds.size.height;
  height = gtk_widget_get_height (viewport);
  /* A pixel either way for a scroll position between pixels */
  return top >= -1 && top < height && (bottom <= height + 1 || bounds.size.height > height);
}

static void
cancel_status_list (EvidentItemFields *self)
{
  if (self->status_list_tick_id == 0)
    return;

  gtk_widget_remove_tick_callback (GTK_WIDGET (self->status_row), self->status_list_tick_id);
  self->status_list_tick_id = 0;
}

static void
open_status_list (EvidentItemFields *self)
{
  GtkWidget *row = GTK_WIDGET (self->status_row);
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Only while the keyboard is still on the row Alt+S went to: the
   * window's focus, whether or not the window is the active one (the
   * focus state flags follow that too). */
  if (self->item != NULL && gtk_widget_is_sensitive (row) && focus != NULL
      && (focus == row || gtk_widget_is_ancestor (focus, row)))
    gtk_widget_activate (row);
}

static gboolean
status_list_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  EvidentItemFields *self = user_data;

  if (status_row_on_screen (self))
    {
      self->status_list_tick_id = 0;
      open_status_list (self);
      return G_SOURCE_REMOVE;
    }
  if (++self->status_list_frames >= STATUS_LIST_MAX_FRAMES)
    {
      /* The keyboard stays on the row; Space opens the list. */
      self->status_list_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* GObject */

static void
evident_item_fields_unmap (GtkWidget *widget)
{
  cancel_status_list (EVIDENT_ITEM_FIELDS (widget));
  cancel_pending_not_applicable (EVIDENT_ITEM_FIELDS (widget));

  GTK_WIDGET_CLASS (evident_item_fields_parent_class)->unmap (widget);
}

static void
evident_item_fields_dispose (GObject *object)
{
  EvidentItemFields *self = EVIDENT_ITEM_FIELDS (object);

  cancel_status_list (self);
  g_clear_handle_id (&self->focus_reason_id, g_source_remove);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, item_notify_cb, self);
  g_clear_object (&self->item);
  g_clear_object (&self->project);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_ITEM_FIELDS);

  G_OBJECT_CLASS (evident_item_fields_parent_class)->dispose (object);
}

static void
evident_item_fields_finalize (GObject *object)
{
  EvidentItemFields *self = EVIDENT_ITEM_FIELDS (object);

  g_clear_pointer (&self->status_error, g_free);

  G_OBJECT_CLASS (evident_item_fields_parent_class)->finalize (object);
}

static void
evident_item_fields_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EvidentItemFields *self = EVIDENT_ITEM_FIELDS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_fields_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EvidentItemFields *self = EVIDENT_ITEM_FIELDS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_item_fields_set_project (self, g_value_get_object (value));
      break;
    case PROP_ITEM:
      evident_item_fields_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_fields_class_init (EvidentItemFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_item_fields_dispose;
  object_class->finalize = evident_item_fields_finalize;
  object_class->get_property = evident_item_fields_get_property;
  object_class->set_property = evident_item_fields_set_property;

  widget_class->unmap = evident_item_fields_unmap;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         EVIDENT_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentItemFields::error:
   * @self: the fields
   * @message: what went wrong, for the user
   *
   * Emitted when the project refused an edit or could not save it.
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (EVIDENT_TYPE_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-item-fields.ui");

  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, ref_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, title_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, context_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, points_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, mandatory_tag);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, status_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, status_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, status_model);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, reason_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, status_message);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, owner_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, owner_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, complexity_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, complexity_model);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, due_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, estimate_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, due_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, due_popover);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, due_clear_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, planning_message);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, requirement_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, expected_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemFields, expected_label);

  gtk_widget_class_bind_template_callback (widget_class, status_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_group_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_row_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, estimate_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, complexity_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_calendar_day_selected_cb);
}

static void
evident_item_fields_init (EvidentItemFields *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating++;
  for (guint i = 0; i < EVIDENT_N_STATUSES; i++)
    gtk_string_list_append (self->status_model, evident_status_get_label (i));
  for (guint i = 0; i < EVIDENT_N_COMPLEXITIES; i++)
    gtk_string_list_append (self->complexity_model, evident_complexity_get_label (i));
  self->updating--;
  evident_a11y_name_combo_row (self->status_row);
  evident_a11y_name_combo_row (self->complexity_row);
  gtk_accessible_update_property (GTK_ACCESSIBLE (evident_entry_row_get_entry (self->reason_row)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Say why this item does not apply"),
                                  -1);
  /* The row names its button after its title ("Due date Due Date"), even
   * before an item shows: once is enough. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->due_button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  gtk_menu_button_set_create_popup_func (self->owner_button, owner_button_create_popup_cb,
                                         self, NULL);
}

/* Public API */

EvidentProject *
evident_item_fields_get_project (EvidentItemFields *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_FIELDS (self), NULL);

  return self->project;
}

/**
 * evident_item_fields_set_project:
 * @project: (nullable): the project whose items it edits
 *
 * A new project clears the item: set it after the project.
 */
void
evident_item_fields_set_project (EvidentItemFields *self,
                                 EvidentProject    *project)
{
  gboolean editable;

  g_return_if_fail (EVIDENT_IS_ITEM_FIELDS (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  evident_item_fields_set_item (self, NULL);
  g_set_object (&self->project, project);

  /* A project open read-only shows its fields, and changes none. */
  editable = project == NULL || !evident_project_get_read_only (project);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reason_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->owner_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->complexity_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->due_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->estimate_row), editable);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentItem *
evident_item_fields_get_item (EvidentItemFields *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_FIELDS (self), NULL);

  return self->item;
}

/**
 * evident_item_fields_set_item:
 * @item: (nullable): an item of the project, or %NULL for none
 *
 * Shows @item's fields; errors shown for the item before go, and so does
 * a not-applicable choice still waiting for its reason.
 */
void
evident_item_fields_set_item (EvidentItemFields *self,
                              EvidentItem       *item)
{
  g_return_if_fail (EVIDENT_IS_ITEM_FIELDS (self));
  g_return_if_fail (item == NULL || EVIDENT_IS_ITEM (item));

  if (self->item == item)
    return;

  self->pending_not_applicable = FALSE;
  g_clear_handle_id (&self->focus_reason_id, g_source_remove);
  cancel_status_list (self);
  clear_errors (self);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, item_notify_cb, self);
  g_set_object (&self->item, item);
  if (self->item != NULL)
    {
      g_signal_connect_object (self->item, "notify", G_CALLBACK (item_notify_cb), self,
                               G_CONNECT_SWAPPED);
      sync_header (self);
      sync_status (self);
      sync_owner (self);
      sync_complexity (self);
      sync_due (self);
      sync_estimate (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * evident_item_fields_apply:
 * @field: the status, the reason, the owner, the complexity or the due date
 * @value: the value as project files spell it ("not-applicable", "high",
 *   "2025-03-31"), an owner's name or a reason; "" clears owner, due date
 *   and reason
 *
 * Saves @value in the item's @field, as the user asked; a refused edit
 * shows beside its control and in ::error.
 */
void
evident_item_fields_apply (EvidentItemFields *self,
                           EvidentItemField   field,
                           const char        *value)
{
  g_return_if_fail (EVIDENT_IS_ITEM_FIELDS (self));
  g_return_if_fail (value != NULL);

  switch (field)
    {
    case EVIDENT_ITEM_FIELD_STATUS:
      set_status (self, value);
      break;
    case EVIDENT_ITEM_FIELD_REASON:
      set_reason (self, value);
      break;
    case EVIDENT_ITEM_FIELD_OWNER:
      set_owner (self, value);
      break;
    case EVIDENT_ITEM_FIELD_COMPLEXITY:
      set_complexity (self, value);
      break;
    case EVIDENT_ITEM_FIELD_DUE:
      set_due (self, value);
      break;
    case EVIDENT_ITEM_FIELD_NOTE:
    default:
      g_return_if_reached ();
    }
}

/**
 * evident_item_fields_flush:
 *
 * Saves the owner, estimate and reason typed and not applied yet, for the
 * item shown: before another item is shown, an undo or an export.
 */
void
evident_item_fields_flush (EvidentItemFields *self)
{
  g_return_if_fail (EVIDENT_IS_ITEM_FIELDS (self));

  if (self->item == NULL)
    return;
  evident_entry_row_flush (self->owner_row);
  evident_entry_row_flush (self->estimate_row);
  evident_entry_row_flush (self->reason_row);
}

/**
 * evident_item_fields_choose_status:
 *
 * Opens the status control's list, with the focus on it, as a click
 * would: the keyboard's way to the status (Alt+S). The page scrolls to
 * the control first; when it was out of sight, the list opens once the
 * control is back on screen, a frame or two later.
 */
void
evident_item_fields_choose_status (EvidentItemFields *self)
{
  g_return_if_fail (EVIDENT_IS_ITEM_FIELDS (self));

  if (self->item == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (self->status_row)))
    return;

  cancel_status_list (self);
  reveal_status_row (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->status_row));
  if (status_row_on_screen (self))
    {
      open_status_list (self);
      return;
    }
  self->status_list_frames = 0;
  self->status_list_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->status_row),
                                                            status_list_tick_cb, self, NULL);
}
