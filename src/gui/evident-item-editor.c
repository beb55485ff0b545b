/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-chapter.h"
#include "evident-enums-util.h"
#include "evident-item-editor.h"

/* How long typing must pause before the notes are saved. */
#define NOTES_SAVE_DELAY_MS 700
/* The newest history rows shown; older ones are summed up in one row. */
#define MAX_HISTORY_ROWS 50

struct _EvidentItemEditor
{
  AdwBin               parent_instance;

  EvidentProject      *project;
  EvidentItem         *item;

  /* Template widgets */
  GtkStack            *stack;
  GtkLabel            *ref_label;
  GtkLabel            *title_label;
  GtkLabel            *context_label;
  GtkLabel            *points_label;
  GtkWidget           *mandatory_tag;
  AdwPreferencesGroup *status_group;
  AdwComboRow         *status_row;
  GtkStringList       *status_model;
  AdwEntryRow         *reason_row;
  GtkLabel            *status_message;
  AdwEntryRow         *owner_row;
  GtkMenuButton       *owner_button;
  AdwComboRow         *complexity_row;
  GtkStringList       *complexity_model;
  AdwActionRow        *due_row;
  GtkMenuButton       *due_button;
  GtkPopover          *due_popover;
  GtkCalendar         *due_calendar;
  GtkWidget           *due_clear_button;
  GtkLabel            *planning_message;
  GtkLabel            *requirement_label;
  GtkWidget           *evidence_group;
  GtkLabel            *evidence_label;
  GtkTextView         *notes_view;
  GtkTextBuffer       *notes_buffer;
  GtkLabel            *notes_state_label;
  AdwPreferencesGroup *history_group;

  /* The rows this editor added to history_group */
  GPtrArray           *history_rows;
  /* The message under the status rows when an edit was refused */
  char                *status_error;

  guint                notes_timeout_id;
  guint                focus_reason_id;
  /* > 0 while the controls are set from the item: their signals are echoes */
  guint                updating;
  /* The user chose not-applicable; the item changes once a reason is given */
  guint                pending_not_applicable : 1;
  /* The notes buffer holds text not saved yet */
  guint                notes_dirty : 1;
  /* The notes are being saved: the item's notify::note is our own echo */
  guint                saving_note : 1;
};

G_DEFINE_FINAL_TYPE (EvidentItemEditor, evident_item_editor, ADW_TYPE_BIN)

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

static const char *editor_actions[] = {
  "editor.set-status",
  "editor.set-reason",
  "editor.set-owner",
  "editor.set-complexity",
  "editor.set-due",
};

static gboolean
is_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

/* Sets an entry row's text from the model without leaving its apply button
 * up, and without touching it when it already shows that text (so the
 * cursor stays where the user put it). */
static void
entry_row_set_text (AdwEntryRow *row,
                    const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
      gtk_editable_set_position (GTK_EDITABLE (row), -1);
    }
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static GDateTime *
parse_date (const char *iso_date)
{
  int y, m, d;

  if (is_empty (iso_date) || sscanf (iso_date, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

static char *
format_date (const char *iso_date)
{
  g_autoptr (GDateTime) date = parse_date (iso_date);

  if (date == NULL)
    return g_strdup (iso_date);
  /* Translators: a due date, in g_date_time_format() notation */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* When something happened, as people say it: "5 minutes ago", "Yesterday,
 * 14:05", in local time. */
static char *
format_when (GDateTime *at)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (at);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) yesterday = g_date_time_add_days (now, -1);
  GTimeSpan span = g_date_time_difference (now, local);
  int y, m, d, ny, nm, nd;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_time_get_ymd (now, &ny, &nm, &nd);

  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));
  if (span < G_TIME_SPAN_HOUR)
    {
      int minutes = span / G_TIME_SPAN_MINUTE;

      return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", minutes), minutes);
    }
  if (y == ny && m == nm && d == nd)
    {
      int hours = span / G_TIME_SPAN_HOUR;

      return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", hours), hours);
    }

  g_date_time_get_ymd (yesterday, &ny, &nm, &nd);
  if (y == ny && m == nm && d == nd)
    /* Translators: a time yesterday, in g_date_time_format() notation */
    return g_date_time_format (local, _("Yesterday, %H:%M"));
  if (y == ny)
    /* Translators: a date this year with its time, in g_date_time_format() notation */
    return g_date_time_format (local, _("%-d %B, %H:%M"));
  /* Translators: a date with its time, in g_date_time_format() notation */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

#define MAX_VALUE_CHARS 40

/* Free text on one line, from character @from on (with "…" before when
 * that is not the start), at most MAX_VALUE_CHARS long. */
static char *
format_text (const char *value,
             glong       from)
{
  g_autofree char *line = g_strdup (value);
  g_autofree char *tail = NULL;

  g_strdelimit (line, "\r\n\t", ' ');
  tail = g_utf8_substring (line, from, g_utf8_strlen (line, -1));
  if (g_utf8_strlen (tail, -1) > MAX_VALUE_CHARS)
    {
      g_autofree char *head = g_utf8_substring (tail, 0, MAX_VALUE_CHARS - 1);

      g_free (tail);
      tail = g_strconcat (g_strchomp (head), "…", NULL);
    }
  return from > 0 ? g_strconcat ("…", tail, NULL) : g_steal_pointer (&tail);
}

/* A field's value as the history shows it: labels rather than file values,
 * one line, not too long, and a dash for nothing. */
static char *
format_value (EvidentItemField  field,
              const char       *value,
              glong             from)
{
  if (is_empty (value))
    return g_strdup ("—");

  switch (field)
    {
    case EVIDENT_ITEM_FIELD_STATUS:
      {
        EvidentStatus status;

        if (evident_status_from_string (value, &status))
          return g_strdup (evident_status_get_label (status));
      }
      break;

    case EVIDENT_ITEM_FIELD_COMPLEXITY:
      {
        EvidentComplexity complexity;

        if (evident_complexity_from_string (value, &complexity))
          return g_strdup (evident_complexity_get_label (complexity));
      }
      break;

    case EVIDENT_ITEM_FIELD_DUE:
      return format_date (value);

    case EVIDENT_ITEM_FIELD_OWNER:
    case EVIDENT_ITEM_FIELD_REASON:
    case EVIDENT_ITEM_FIELD_NOTE:
    default:
      break;
    }

  return format_text (value, from);
}

/* Where two long texts start to differ, less a few words of context:
 * notes grow by a sentence at a time, and "Deck is in… → Deck is in…"
 * says nothing. In characters; 0 for short or unrelated texts. */
static glong
find_change_start (const char *old_value,
                   const char *new_value)
{
  const char *o = old_value;
  const char *n = new_value;
  glong common = 0;
  glong from;

  if (old_value == NULL || new_value == NULL)
    return 0;

  while (*o != '\0' && g_utf8_get_char (o) == g_utf8_get_char (n))
    {
      o = g_utf8_next_char (o);
      n = g_utf8_next_char (n);
      common++;
    }
  if (common <= MAX_VALUE_CHARS / 2)
    return 0;

  /* About a dozen characters before the change, back to a word's start */
  from = common - 12;
  for (glong i = from; i > 0 && i > from - 12; i--)
    {
      if (g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (old_value, i - 1))))
        return i;
    }
  return from;
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
        return evident_chapter_get_title (chapter);
    }
  return NULL;
}

/* "Saving…", "Saved" or "Not saved" beside the notes' heading; NULL hides it. */
static void
set_notes_state (EvidentItemEditor *self,
                 const char        *state,
                 gboolean           is_error)
{
  GtkWidget *label = GTK_WIDGET (self->notes_state_label);

  gtk_label_set_text (self->notes_state_label, state ? state : "");
  gtk_widget_set_visible (label, state != NULL);
  if (is_error)
    {
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "error");
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

/* Errors */

static void
update_status_message (EvidentItemEditor *self)
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
clear_row_error (EvidentItemEditor *self,
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
clear_errors (EvidentItemEditor *self)
{
  clear_row_error (self, GTK_WIDGET (self->status_row));
  clear_row_error (self, GTK_WIDGET (self->reason_row));
  clear_row_error (self, GTK_WIDGET (self->owner_row));
  clear_row_error (self, GTK_WIDGET (self->complexity_row));
  clear_row_error (self, GTK_WIDGET (self->due_row));
  g_clear_pointer (&self->status_error, g_free);
  update_status_message (self);
  gtk_widget_set_visible (GTK_WIDGET (self->planning_message), FALSE);
  if (gtk_widget_has_css_class (GTK_WIDGET (self->notes_state_label), "error"))
    set_notes_state (self, NULL, FALSE);
}

/* Shows a refused edit beside the control the user used and tells the
 * window, which shows a toast. */
static void
show_error (EvidentItemEditor *self,
            GtkWidget         *row,
            const GError      *error)
{
  g_assert (error != NULL);

  if (row != NULL)
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

  g_signal_emit (self, signals[ERROR], 0, error->message);
}

/* Controls from the item */

static void
sync_header (EvidentItemEditor *self)
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
  gtk_widget_set_visible (self->mandatory_tag, evident_item_get_mandatory (item));

  gtk_label_set_text (self->requirement_label, evident_item_get_requirement (item) ?: "");
  gtk_label_set_text (self->evidence_label, evident_item_get_evidence_hint (item) ?: "");
  gtk_widget_set_visible (self->evidence_group,
                          !is_empty (evident_item_get_evidence_hint (item)));
}

static void
sync_status (EvidentItemEditor *self)
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
sync_owner (EvidentItemEditor *self)
{
  self->updating++;
  entry_row_set_text (self->owner_row, evident_item_get_owner (self->item));
  self->updating--;
}

static void
sync_complexity (EvidentItemEditor *self)
{
  self->updating++;
  adw_combo_row_set_selected (self->complexity_row, evident_item_get_complexity (self->item));
  self->updating--;
}

static void
sync_due (EvidentItemEditor *self)
{
  const char *due = evident_item_get_due (self->item);
  g_autoptr (GDateTime) date = parse_date (due);
  g_autofree char *label = NULL;
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

  label = is_empty (due) ? g_strdup (_("No due date")) : format_date (due);
  gtk_menu_button_set_label (self->due_button, label);
  gtk_widget_set_visible (self->due_clear_button, !is_empty (due));
  adw_action_row_set_subtitle (self->due_row, overdue ? _("Overdue") : "");
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "evident-overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "evident-overdue");
}

static void
sync_note (EvidentItemEditor *self)
{
  const char *note = evident_item_get_note (self->item);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);
  self->notes_dirty = FALSE;
  set_notes_state (self, NULL, FALSE);

  gtk_text_buffer_get_bounds (self->notes_buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->notes_buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, note ? note : "") == 0)
    return;

  self->updating++;
  /* Not something the text view's own undo should take back. */
  gtk_text_buffer_begin_irreversible_action (self->notes_buffer);
  gtk_text_buffer_set_text (self->notes_buffer, note ? note : "", -1);
  gtk_text_buffer_end_irreversible_action (self->notes_buffer);
  gtk_text_buffer_get_start_iter (self->notes_buffer, &start);
  gtk_text_buffer_place_cursor (self->notes_buffer, &start);
  self->updating--;
}

static GtkWidget *
create_history_row (EvidentHistoryEntry *entry)
{
  glong from = find_change_start (entry->old_value, entry->new_value);
  g_autofree char *old_value = format_value (entry->field, entry->old_value, from);
  g_autofree char *new_value = format_value (entry->field, entry->new_value, from);
  g_autofree char *when = format_when (entry->at);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;
  g_autoptr (GDateTime) local = g_date_time_to_local (entry->at);
  GtkWidget *row;

  /* Translators: a change in an item's history: "Status: Not Started → Met" */
  title = g_strdup_printf (_("%s: %s → %s"), evident_item_field_get_label (entry->field),
                           old_value, new_value);
  /* Translators: who made a change · when */
  subtitle = g_strdup_printf (_("%s · %s"), entry->who, when);
  tooltip = g_date_time_format (local, "%c");

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  if (g_strcmp0 (entry->kind, "undo") == 0 || g_strcmp0 (entry->kind, "redo") == 0)
    {
      GtkWidget *tag = gtk_label_new (g_str_equal (entry->kind, "undo")
                                      /* Translators: a change that an undo made */
                                      ? C_("history", "Undone")
                                      /* Translators: a change that a redo made */
                                      : C_("history", "Redone"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "evident-tag");
      gtk_widget_add_css_class (tag, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }

  return row;
}

static void
clear_history (EvidentItemEditor *self)
{
  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
}

static void
add_history_row (EvidentItemEditor *self,
                 GtkWidget         *row)
{
  adw_preferences_group_add (self->history_group, row);
  g_ptr_array_add (self->history_rows, row);
}

static GtkWidget *
create_placeholder_row (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
sync_history (EvidentItemEditor *self)
{
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  guint n_shown;

  clear_history (self);
  if (self->item == NULL || self->project == NULL)
    return;

  entries = evident_project_get_history (self->project, self->item, &error);
  if (entries == NULL)
    {
      add_history_row (self, create_placeholder_row (error->message));
      return;
    }
  if (entries->len == 0)
    {
      add_history_row (self, create_placeholder_row (_("No changes yet")));
      return;
    }

  n_shown = MIN (entries->len, MAX_HISTORY_ROWS);
  for (guint i = 0; i < n_shown; i++)
    add_history_row (self, create_history_row (g_ptr_array_index (entries, i)));

  if (entries->len > n_shown)
    {
      guint n_older = entries->len - n_shown;
      g_autofree char *more = g_strdup_printf (ngettext ("%u older change not shown",
                                                         "%u older changes not shown",
                                                         n_older),
                                               n_older);

      add_history_row (self, create_placeholder_row (more));
    }
}

static void
sync_all (EvidentItemEditor *self)
{
  if (self->item == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      clear_history (self);
      return;
    }

  sync_header (self);
  sync_status (self);
  sync_owner (self);
  sync_complexity (self);
  sync_due (self);
  sync_note (self);
  sync_history (self);
  gtk_stack_set_visible_child_name (self->stack, "item");
}

static void
update_actions (EvidentItemEditor *self)
{
  gboolean enabled = self->item != NULL && self->project != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (editor_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), editor_actions[i], enabled);
}

/* Pending not-applicable */

static gboolean
focus_reason_cb (gpointer user_data)
{
  EvidentItemEditor *self = user_data;

  self->focus_reason_id = 0;
  if (self->pending_not_applicable)
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
  return G_SOURCE_REMOVE;
}

static void
begin_pending_not_applicable (EvidentItemEditor *self)
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
cancel_pending_not_applicable (EvidentItemEditor *self)
{
  if (!self->pending_not_applicable)
    return;

  self->pending_not_applicable = FALSE;
  g_clear_handle_id (&self->focus_reason_id, g_source_remove);
  clear_row_error (self, GTK_WIDGET (self->reason_row));
  if (self->item != NULL)
    sync_status (self);
}

/* Notes */

static void
flush_notes (EvidentItemEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  gboolean saved;

  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);

  if (!self->notes_dirty)
    return;
  self->notes_dirty = FALSE;

  if (self->item == NULL || self->project == NULL)
    return;

  gtk_text_buffer_get_bounds (self->notes_buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->notes_buffer, &start, &end, FALSE);

  self->saving_note = TRUE;
  saved = evident_project_set_note (self->project, self->item, text, &error);
  self->saving_note = FALSE;

  if (saved)
    {
      set_notes_state (self, _("Saved"), FALSE);
    }
  else
    {
      /* Still to save: the next change or flush tries again. */
      self->notes_dirty = TRUE;
      set_notes_state (self, _("Not saved"), TRUE);
      show_error (self, NULL, error);
    }
}

static gboolean
notes_timeout_cb (gpointer user_data)
{
  EvidentItemEditor *self = user_data;

  self->notes_timeout_id = 0;
  flush_notes (self);
  return G_SOURCE_REMOVE;
}

/* Signal handlers */

static void
item_notify_cb (EvidentItemEditor *self,
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
  else if (g_str_equal (name, "note"))
    {
      /* Our own save comes back as a notification: the buffer already
       * holds the text, and setting it again would move the cursor. */
      if (!self->saving_note)
        sync_note (self);
    }
}

static void
project_changed_cb (EvidentItemEditor *self,
                    EvidentProject    *project)
{
  if (self->item != NULL)
    sync_history (self);
}

static void
status_row_selected_cb (EvidentItemEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->updating > 0 || self->item == NULL || selected >= EVIDENT_N_STATUSES)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-status", "s",
                              evident_status_to_string (selected));
}

static void
reason_row_apply_cb (EvidentItemEditor *self)
{
  if (self->item == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-reason", "s",
                              gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));
}

static gboolean
reason_row_key_pressed_cb (EvidentItemEditor *self,
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
  g_autoptr (EvidentItemEditor) self = user_data;
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
status_group_focus_leave_cb (EvidentItemEditor *self)
{
  if (self->pending_not_applicable)
    g_idle_add (status_focus_left_cb, g_object_ref (self));
}

static void
owner_row_apply_cb (EvidentItemEditor *self)
{
  if (self->item == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-owner", "s",
                              gtk_editable_get_text (GTK_EDITABLE (self->owner_row)));
}

static void
owner_button_create_popup_cb (GtkMenuButton *button,
                              gpointer       user_data)
{
  EvidentItemEditor *self = user_data;
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
complexity_row_selected_cb (EvidentItemEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->complexity_row);

  if (self->updating > 0 || self->item == NULL || selected >= EVIDENT_N_COMPLEXITIES)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-complexity", "s",
                              evident_complexity_to_string (selected));
}

static void
due_popover_show_cb (EvidentItemEditor *self)
{
  g_autoptr (GDateTime) date = NULL;

  if (self->item != NULL)
    date = parse_date (evident_item_get_due (self->item));
  if (date == NULL)
    date = g_date_time_new_now_local ();

  self->updating++;
  gtk_calendar_select_day (self->due_calendar, date);
  self->updating--;
}

static void
due_calendar_day_selected_cb (EvidentItemEditor *self)
{
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *iso_date = NULL;

  if (self->updating > 0 || self->item == NULL)
    return;

  date = gtk_calendar_get_date (self->due_calendar);
  iso_date = g_date_time_format (date, "%Y-%m-%d");
  gtk_popover_popdown (self->due_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-due", "s", iso_date);
}

static void
notes_buffer_changed_cb (EvidentItemEditor *self)
{
  if (self->updating > 0 || self->item == NULL)
    return;

  self->notes_dirty = TRUE;
  set_notes_state (self, _("Saving…"), FALSE);

  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);
  self->notes_timeout_id = g_timeout_add (NOTES_SAVE_DELAY_MS, notes_timeout_cb, self);
  g_source_set_name_by_id (self->notes_timeout_id, "[evident] save notes");
}

static void
notes_view_focus_leave_cb (EvidentItemEditor *self)
{
  flush_notes (self);
}

/* Actions */

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  EvidentStatus status;

  if (self->item == NULL || self->project == NULL)
    return;

  if (!evident_status_from_string (g_variant_get_string (parameter, NULL), &status))
    {
      g_set_error (&error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                   _("“%s” is not a status"), g_variant_get_string (parameter, NULL));
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
set_reason_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);
  const char *reason = g_variant_get_string (parameter, NULL);
  g_autoptr (GError) error = NULL;
  gboolean saved;

  if (self->item == NULL || self->project == NULL)
    return;

  clear_row_error (self, GTK_WIDGET (self->reason_row));

  if (self->pending_not_applicable)
    {
      saved = evident_project_set_status (self->project, self->item,
                                          EVIDENT_STATUS_NOT_APPLICABLE, reason, &error);
      if (saved)
        self->pending_not_applicable = FALSE;
    }
  else
    {
      EvidentItemChange change = { EVIDENT_ITEM_FIELD_REASON, reason };

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
set_owner_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (self->item == NULL || self->project == NULL)
    return;

  clear_row_error (self, GTK_WIDGET (self->owner_row));
  if (!evident_project_set_owner (self->project, self->item,
                                  g_variant_get_string (parameter, NULL), &error))
    show_error (self, GTK_WIDGET (self->owner_row), error);
  /* Also when nothing changed: the entry shows the owner as saved. */
  sync_owner (self);
}

static void
set_complexity_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  EvidentComplexity complexity;

  if (self->item == NULL || self->project == NULL)
    return;

  clear_row_error (self, GTK_WIDGET (self->complexity_row));
  if (!evident_complexity_from_string (g_variant_get_string (parameter, NULL), &complexity))
    g_set_error (&error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                 _("“%s” is not a complexity"), g_variant_get_string (parameter, NULL));
  else
    evident_project_set_complexity (self->project, self->item, complexity, &error);

  if (error != NULL)
    show_error (self, GTK_WIDGET (self->complexity_row), error);
  sync_complexity (self);
}

static void
set_due_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);
  EvidentItemChange change = { EVIDENT_ITEM_FIELD_DUE, g_variant_get_string (parameter, NULL) };
  g_autoptr (GError) error = NULL;

  if (self->item == NULL || self->project == NULL)
    return;

  clear_row_error (self, GTK_WIDGET (self->due_row));
  if (!evident_project_update_item (self->project, self->item, &change, 1, &error))
    show_error (self, GTK_WIDGET (self->due_row), error);
  sync_due (self);
}

/* GObject */

static void
evident_item_editor_unmap (GtkWidget *widget)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);

  flush_notes (self);
  cancel_pending_not_applicable (self);

  GTK_WIDGET_CLASS (evident_item_editor_parent_class)->unmap (widget);
}

static void
evident_item_editor_dispose (GObject *object)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (object);

  flush_notes (self);
  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);
  g_clear_handle_id (&self->focus_reason_id, g_source_remove);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, item_notify_cb, self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_clear_object (&self->item);
  g_clear_object (&self->project);

  if (self->history_rows != NULL)
    g_ptr_array_set_size (self->history_rows, 0);

  /* The stack is both AdwBin's child and a template child: let the bin
   * drop it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_ITEM_EDITOR);

  G_OBJECT_CLASS (evident_item_editor_parent_class)->dispose (object);
}

static void
evident_item_editor_finalize (GObject *object)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (object);

  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->status_error, g_free);

  G_OBJECT_CLASS (evident_item_editor_parent_class)->finalize (object);
}

static void
evident_item_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (object);

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
evident_item_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_item_editor_set_project (self, g_value_get_object (value));
      break;
    case PROP_ITEM:
      evident_item_editor_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_editor_class_init (EvidentItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_item_editor_dispose;
  object_class->finalize = evident_item_editor_finalize;
  object_class->get_property = evident_item_editor_get_property;
  object_class->set_property = evident_item_editor_set_property;

  widget_class->unmap = evident_item_editor_unmap;

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
   * EvidentItemEditor::error:
   * @self: the editor
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-item-editor.ui");
  gtk_widget_class_set_css_name (widget_class, "evidentitemeditor");

  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, ref_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, context_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, points_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, mandatory_tag);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, status_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, status_model);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, status_message);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, owner_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, complexity_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, complexity_model);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, due_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, due_popover);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, due_clear_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, planning_message);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, requirement_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, notes_buffer);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, notes_state_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, history_group);

  gtk_widget_class_bind_template_callback (widget_class, status_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_group_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_row_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, complexity_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_buffer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_view_focus_leave_cb);

  /* The parameter is a status, complexity or date as project files spell
   * them ("not-applicable", "high", "2025-03-31"), an owner's name or a
   * reason; "" clears owner, due date and reason. */
  gtk_widget_class_install_action (widget_class, "editor.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "editor.set-reason", "s", set_reason_action);
  gtk_widget_class_install_action (widget_class, "editor.set-owner", "s", set_owner_action);
  gtk_widget_class_install_action (widget_class, "editor.set-complexity", "s",
                                   set_complexity_action);
  gtk_widget_class_install_action (widget_class, "editor.set-due", "s", set_due_action);
}

static void
evident_item_editor_init (EvidentItemEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history_rows = g_ptr_array_new ();

  self->updating++;
  for (guint i = 0; i < EVIDENT_N_STATUSES; i++)
    gtk_string_list_append (self->status_model, evident_status_get_label (i));
  for (guint i = 0; i < EVIDENT_N_COMPLEXITIES; i++)
    gtk_string_list_append (self->complexity_model, evident_complexity_get_label (i));
  self->updating--;

  gtk_menu_button_set_create_popup_func (self->owner_button, owner_button_create_popup_cb,
                                         self, NULL);

  update_actions (self);
  sync_all (self);
}

/* Public API */

GtkWidget *
evident_item_editor_new (void)
{
  return g_object_new (EVIDENT_TYPE_ITEM_EDITOR, NULL);
}

EvidentProject *
evident_item_editor_get_project (EvidentItemEditor *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_EDITOR (self), NULL);
  return self->project;
}

/**
 * evident_item_editor_set_project:
 * @self: an item editor
 * @project: (nullable): the project whose items it edits
 *
 * A new project clears the item: set it after the project.
 */
void
evident_item_editor_set_project (EvidentItemEditor *self,
                                 EvidentProject    *project)
{
  g_return_if_fail (EVIDENT_IS_ITEM_EDITOR (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  evident_item_editor_set_item (self, NULL);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_set_object (&self->project, project);
  if (self->project != NULL)
    g_signal_connect_object (self->project, "changed", G_CALLBACK (project_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentItem *
evident_item_editor_get_item (EvidentItemEditor *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_EDITOR (self), NULL);
  return self->item;
}

/**
 * evident_item_editor_set_item:
 * @self: an item editor
 * @item: (nullable): an item of the editor's project, or %NULL for none
 *
 * Shows @item. Notes typed for the item shown before are saved first.
 */
void
evident_item_editor_set_item (EvidentItemEditor *self,
                              EvidentItem       *item)
{
  g_return_if_fail (EVIDENT_IS_ITEM_EDITOR (self));
  g_return_if_fail (item == NULL || EVIDENT_IS_ITEM (item));

  if (self->item == item)
    return;

  flush_notes (self);
  self->pending_not_applicable = FALSE;
  g_clear_handle_id (&self->focus_reason_id, g_source_remove);
  clear_errors (self);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, item_notify_cb, self);
  g_set_object (&self->item, item);
  if (self->item != NULL)
    g_signal_connect_object (self->item, "notify", G_CALLBACK (item_notify_cb), self,
                             G_CONNECT_SWAPPED);

  update_actions (self);
  sync_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * evident_item_editor_flush:
 * @self: an item editor
 *
 * Saves notes typed but not saved yet, at once. Call it before anything
 * that should see them, such as undo.
 */
void
evident_item_editor_flush (EvidentItemEditor *self)
{
  g_return_if_fail (EVIDENT_IS_ITEM_EDITOR (self));
  flush_notes (self);
}
