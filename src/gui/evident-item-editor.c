/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "evident-chapter.h"
#include "evident-enums-util.h"
#include "evident-evidence-row.h"
#include "evident-evidence.h"
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
  GtkScrolledWindow   *scrolled_window;
  GtkListBox          *evidence_list;
  GtkListBox          *pending_list;
  GtkMenuButton       *add_link_button;
  GtkPopover          *link_popover;
  GtkEntry            *link_url_entry;
  GtkEntry            *link_title_entry;
  GtkLabel            *link_error_label;
  GtkTextView         *notes_view;
  GtkTextBuffer       *notes_buffer;
  GtkLabel            *notes_state_label;
  AdwPreferencesGroup *history_group;

  /* The rows this editor added to history_group */
  GPtrArray           *history_rows;
  /* The message under the status rows when an edit was refused */
  char                *status_error;

  /* The item's evidence, from the project's evidence store */
  GListModel          *evidence_model;
  EvidentEvidence     *selected_evidence;
  /* Files being added (Pending), of this item or others */
  GPtrArray           *pending;
  /* Toasts that can still undo a removal */
  GPtrArray           *undo_toasts;
  /* Opening and saving copies of evidence */
  GCancellable        *cancellable;
  GtkNativeDialog     *file_chooser;
  /* > 0 while the evidence list is rebuilt: selection changes are not
   * reported one by one */
  guint                rebinding;

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
  PROP_SELECTED_EVIDENCE,
  N_PROPS
};

enum {
  ERROR,
  TOAST,
  EVIDENCE_ACTIVATED,
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
  "editor.add-files",
  "editor.add-uri",
  "editor.add-link",
  "editor.open-evidence",
  "editor.save-evidence",
  "editor.rename-evidence",
  "editor.set-evidence-title",
  "editor.set-evidence-kind",
  "editor.remove-evidence",
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
        return evident_chapter_get_display_title (chapter);
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

/* Evidence */

typedef struct
{
  /* NULL once the editor let go of the addition (disposed, or another
   * project): the addition was cancelled and only its callback is left. */
  EvidentItemEditor *editor;
  EvidentItem       *item;
  GFile             *file;
  GCancellable      *cancellable;
  GtkWidget         *row;
  GtkProgressBar    *progress_bar;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->item);
  g_clear_object (&pending->file);
  g_clear_object (&pending->cancellable);
  g_free (pending);
}

static EvidentEvidenceStore *
get_store (EvidentItemEditor *self)
{
  g_assert (self->project != NULL);
  return evident_evidence_store_get_for_project (self->project);
}

/* The evidence of the item shown with @id, or NULL. */
static EvidentEvidence *
find_evidence (EvidentItemEditor *self,
               gint64             id,
               guint             *position)
{
  guint n;

  if (self->evidence_model == NULL)
    return NULL;

  n = g_list_model_get_n_items (self->evidence_model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentEvidence) evidence = g_list_model_get_item (self->evidence_model, i);

      /* The model keeps the evidence alive. */
      if (evident_evidence_get_id (evidence) == id)
        {
          if (position != NULL)
            *position = i;
          return evidence;
        }
    }
  return NULL;
}

static gboolean
same_item (EvidentEvidence *evidence,
           EvidentItem     *item)
{
  EvidentItem *owner = evident_evidence_get_item (evidence);

  return item != NULL && evident_item_get_id (owner) == evident_item_get_id (item);
}

/* A first guess at what a new file is; the user corrects it in its row. */
static EvidentEvidenceKind
guess_kind (GFile *file)
{
  static const char *presentation_types[] = {
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.presentation",
    "application/vnd.apple.keynote",
  };
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *type = g_content_type_guess (name, NULL, 0, NULL);
  g_autofree char *mime = g_content_type_get_mime_type (type);

  for (guint i = 0; i < G_N_ELEMENTS (presentation_types); i++)
    if (g_content_type_is_mime_type (type, presentation_types[i]))
      return EVIDENT_EVIDENCE_KIND_PRESENTATION;

  /* Screenshots and recordings of a technical demonstration */
  if (mime != NULL && (g_str_has_prefix (mime, "image/") || g_str_has_prefix (mime, "video/")))
    return EVIDENT_EVIDENCE_KIND_DEMONSTRATION;

  return EVIDENT_EVIDENCE_KIND_OTHER;
}

/* Hands a toast to whoever shows them (the window); takes @toast. */
static void
emit_toast (EvidentItemEditor *self,
            AdwToast          *toast)
{
  g_signal_emit (self, signals[TOAST], 0, toast);
  g_object_unref (toast);
}

static void
set_selected_evidence (EvidentItemEditor *self,
                       EvidentEvidence   *evidence)
{
  if (!g_set_object (&self->selected_evidence, evidence))
    return;
  if (self->rebinding == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVIDENCE]);
}

static void
select_evidence_at (EvidentItemEditor *self,
                    guint              position)
{
  /* NULL past the end: nothing selected */
  gtk_list_box_select_row (self->evidence_list,
                           gtk_list_box_get_row_at_index (self->evidence_list, position));
}

static GtkWidget *
create_evidence_row_cb (gpointer item,
                        gpointer user_data)
{
  return evident_evidence_row_new (item);
}

static void
evidence_items_changed_cb (EvidentItemEditor *self,
                           guint              position,
                           guint              removed,
                           guint              added,
                           GListModel        *model)
{
  guint n = g_list_model_get_n_items (model);

  /* The selected evidence went away, or the first came: keep something
   * selected, where the user was, for the preview beside the editor. */
  if (gtk_list_box_get_selected_row (self->evidence_list) == NULL && n > 0)
    select_evidence_at (self, MIN (position, n - 1));
}

static void
sync_pending (EvidentItemEditor *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (self->pending, i);
      gboolean shown = self->item != NULL && pending->item == self->item;

      gtk_widget_set_visible (pending->row, shown);
      any |= shown;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->pending_list), any);
}

/* The item's evidence in the list; the first selected when the item
 * changes. */
static void
sync_evidence (EvidentItemEditor *self)
{
  g_autoptr (EvidentEvidence) was_selected = NULL;
  g_autoptr (GListModel) model = NULL;

  if (self->project != NULL && self->item != NULL)
    model = evident_evidence_store_list (get_store (self), self->item);

  if (model != self->evidence_model)
    {
      g_set_object (&was_selected, self->selected_evidence);

      self->rebinding++;
      if (self->evidence_model != NULL)
        g_signal_handlers_disconnect_by_func (self->evidence_model, evidence_items_changed_cb,
                                              self);
      g_set_object (&self->evidence_model, model);
      gtk_list_box_bind_model (self->evidence_list, model, create_evidence_row_cb, NULL, NULL);
      if (model != NULL)
        g_signal_connect_object (model, "items-changed", G_CALLBACK (evidence_items_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      select_evidence_at (self, 0);
      if (gtk_list_box_get_selected_row (self->evidence_list) == NULL)
        set_selected_evidence (self, NULL);
      self->rebinding--;

      if (was_selected != self->selected_evidence)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVIDENCE]);
    }

  sync_pending (self);
}

static void
remove_pending (EvidentItemEditor *self,
                Pending           *pending)
{
  g_assert (pending->editor == self);

  gtk_list_box_remove (self->pending_list, pending->row);
  pending->row = NULL;
  pending->progress_bar = NULL;
  pending->editor = NULL;
  g_ptr_array_remove (self->pending, pending);
  sync_pending (self);
}

/* Cancels every addition in progress: the editor moves to another
 * project, or goes. */
static void
cancel_pending (EvidentItemEditor *self)
{
  while (self->pending != NULL && self->pending->len > 0)
    {
      Pending *pending = g_ptr_array_index (self->pending, self->pending->len - 1);

      g_cancellable_cancel (pending->cancellable);
      remove_pending (self, pending);
    }
}

static void
add_file_progress_cb (goffset  current,
                      goffset  total,
                      gpointer user_data)
{
  Pending *pending = user_data;

  if (pending->progress_bar != NULL && total > 0)
    gtk_progress_bar_set_fraction (pending->progress_bar, CLAMP ((double) current / total, 0, 1));
}

static void
add_file_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Pending *pending = user_data;
  EvidentItemEditor *self = pending->editor;
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;
  gboolean already_stored = FALSE;

  evidence = evident_evidence_store_add_file_finish (EVIDENT_EVIDENCE_STORE (source_object),
                                                     result, &already_stored, &error);
  if (self != NULL)
    {
      remove_pending (self, pending);

      if (evidence != NULL)
        {
          if (same_item (evidence, self->item))
            evident_item_editor_set_selected_evidence (self, evidence);

          if (already_stored)
            {
              const char *filename = evident_evidence_get_filename (evidence);
              g_autofree char *escaped = g_markup_escape_text (filename, -1);
              g_autofree char *title = NULL;

              /* Translators: %s is a file name */
              title = g_strdup_printf (_("The project already held “%s”: no space used"), escaped);
              emit_toast (self, adw_toast_new (title));
            }
        }
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_error (self, NULL, error);
        }
    }

  pending_free (pending);
}

static GtkWidget *
create_pending_row (Pending *pending)
{
  g_autofree char *name = g_file_get_basename (pending->file);
  g_autofree char *text = NULL;
  g_autofree char *cancel_label = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *vbox;
  GtkWidget *label;
  GtkWidget *progress_bar;
  GtkWidget *button;

  /* Translators: a file being added as evidence; %s is its name */
  text = g_strdup_printf (_("Adding “%s”…"), name);
  /* Translators: the accessible name of a button; %s is a file name */
  cancel_label = g_strdup_printf (_("Cancel adding “%s”"), name);

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);

  progress_bar = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);

  vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (vbox, TRUE);
  gtk_widget_set_valign (vbox, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (vbox), label);
  gtk_box_append (GTK_BOX (vbox), progress_bar);

  button = gtk_button_new_from_icon_name ("process-stop-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Cancel"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cancel_label,
                                  -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (g_cancellable_cancel),
                            pending->cancellable);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), vbox);
  gtk_box_append (GTK_BOX (box), button);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  pending->progress_bar = GTK_PROGRESS_BAR (progress_bar);
  return row;
}

/* A title for a new file: its name without the extension
 * ("Access Control Process.pdf" → "Access Control Process"). */
static char *
title_from_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  char *dot;

  if (name == NULL)
    return NULL;

  dot = strrchr (name, '.');
  if (dot != NULL && dot != name && strlen (dot) <= 5)
    *dot = '\0';
  return g_steal_pointer (&name);
}

/* Adds @file to the item shown, on a worker thread, with a progress row. */
static void
add_file (EvidentItemEditor *self,
          GFile             *file)
{
  g_autofree char *title = title_from_file (file);
  Pending *pending;

  g_assert (self->project != NULL && self->item != NULL);

  pending = g_new0 (Pending, 1);
  pending->editor = self;
  pending->item = g_object_ref (self->item);
  pending->file = g_object_ref (file);
  pending->cancellable = g_cancellable_new ();
  pending->row = create_pending_row (pending);

  gtk_list_box_append (self->pending_list, pending->row);
  g_ptr_array_add (self->pending, pending);
  sync_pending (self);

  evident_evidence_store_add_file_async (get_store (self), self->item, file, title,
                                         guess_kind (file), pending->cancellable,
                                         add_file_progress_cb, pending,
                                         add_file_cb, pending);
}

/* Undo toasts */

static void
undo_toast_dismissed_cb (EvidentItemEditor *self,
                         AdwToast          *toast)
{
  g_ptr_array_remove (self->undo_toasts, toast);
}

static void
undo_toast_button_clicked_cb (EvidentItemEditor *self,
                              AdwToast          *toast)
{
  EvidentEvidence *evidence = g_object_get_data (G_OBJECT (toast), "evidence");
  g_autoptr (GError) error = NULL;

  if (self->project == NULL)
    return;

  if (!evident_evidence_store_restore (get_store (self), evidence, &error))
    show_error (self, NULL, error);
  else if (same_item (evidence, self->item))
    evident_item_editor_set_selected_evidence (self, evidence);
}

/* Removed evidence of another project cannot come back: the window
 * cleans a project up as it closes it. */
static void
dismiss_undo_toasts (EvidentItemEditor *self)
{
  while (self->undo_toasts->len > 0)
    {
      g_autoptr (AdwToast) toast = g_object_ref (g_ptr_array_index (self->undo_toasts,
                                                                    self->undo_toasts->len - 1));

      g_ptr_array_remove_index (self->undo_toasts, self->undo_toasts->len - 1);
      g_signal_handlers_disconnect_by_data (toast, self);
      adw_toast_dismiss (toast);
    }
}

/* Opening evidence in another application */

static void
show_uri_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (EvidentItemEditor) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source_object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, NULL, error);
}

static void
show_uri (EvidentItemEditor *self,
          const char        *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME,
                     self->cancellable, show_uri_cb, g_object_ref (self));
}

typedef struct
{
  EvidentItemEditor *editor;
  GFile             *file;
  char              *title;
  gboolean           open;
} ExtractData;

static void
extract_data_free (ExtractData *data)
{
  g_clear_object (&data->editor);
  g_clear_object (&data->file);
  g_clear_pointer (&data->title, g_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExtractData, extract_data_free)

static void
extract_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (ExtractData) data = user_data;
  EvidentItemEditor *self = data->editor;
  g_autoptr (GError) error = NULL;

  if (!evident_evidence_store_extract_finish (EVIDENT_EVIDENCE_STORE (source_object), result,
                                              &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, NULL, error);
      return;
    }

  if (data->open)
    {
      g_autofree char *uri = g_file_get_uri (data->file);

      show_uri (self, uri);
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (data->title, -1);
      g_autofree char *title = NULL;

      /* Translators: %s is the title of a piece of evidence */
      title = g_strdup_printf (_("Saved a copy of “%s”"), escaped);
      emit_toast (self, adw_toast_new (title));
    }
}

static void
extract_evidence (EvidentItemEditor *self,
                  EvidentEvidence   *evidence,
                  GFile             *destination,
                  gboolean           open)
{
  ExtractData *data = g_new0 (ExtractData, 1);

  data->editor = g_object_ref (self);
  data->file = g_object_ref (destination);
  data->title = g_strdup (evident_evidence_get_title (evidence));
  data->open = open;
  evident_evidence_store_extract_async (get_store (self), evident_evidence_get_sha256 (evidence),
                                        destination, self->cancellable, extract_cb, data);
}

/* A file name for a copy of @evidence: its own, made safe. */
static char *
get_copy_name (EvidentEvidence *evidence)
{
  const char *filename = evident_evidence_get_filename (evidence);
  g_autofree char *name = filename != NULL ? g_path_get_basename (filename) : NULL;

  if (name == NULL || *name == '\0' || g_str_equal (name, ".") || g_str_equal (name, "..")
      || g_str_equal (name, G_DIR_SEPARATOR_S))
    return g_strdup (evident_evidence_get_sha256 (evidence));
  return g_steal_pointer (&name);
}

static void
sync_all (EvidentItemEditor *self)
{
  sync_evidence (self);
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

static void
evidence_list_row_selected_cb (EvidentItemEditor *self,
                               GtkListBoxRow     *row)
{
  set_selected_evidence (self, row != NULL
                               ? evident_evidence_row_get_evidence (EVIDENT_EVIDENCE_ROW (row))
                               : NULL);
}

static void
evidence_list_row_activated_cb (EvidentItemEditor *self,
                                GtkListBoxRow     *row)
{
  g_signal_emit (self, signals[EVIDENCE_ACTIVATED], 0,
                 evident_evidence_row_get_evidence (EVIDENT_EVIDENCE_ROW (row)));
}

static void
set_link_error (EvidentItemEditor *self,
                const char        *message)
{
  gtk_label_set_text (self->link_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->link_error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->link_url_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->link_url_entry), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_url_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message ? message : "",
                                  -1);
}

static void
link_popover_show_cb (EvidentItemEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->link_url_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->link_title_entry), "");
  set_link_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->link_url_entry));
}

static void
link_entry_changed_cb (EvidentItemEditor *self)
{
  set_link_error (self, NULL);
}

static void
link_add_button_clicked_cb (EvidentItemEditor *self)
{
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *title = NULL;

  if (self->item == NULL || self->project == NULL)
    return;

  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->link_url_entry))));
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->link_title_entry))));

  evidence = evident_evidence_store_add_link (get_store (self), self->item, url,
                                              *title != '\0' ? title : NULL,
                                              EVIDENT_EVIDENCE_KIND_OTHER, &error);
  if (evidence == NULL)
    {
      /* The popover stays up with what was typed, and says why. */
      set_link_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->link_url_entry));
      return;
    }

  gtk_popover_popdown (self->link_popover);
  evident_item_editor_set_selected_evidence (self, evidence);
}

static gboolean
drop_cb (EvidentItemEditor *self,
         const GValue      *value,
         double             x,
         double             y)
{
  GSList *files = g_value_get_boxed (value);

  if (self->item == NULL || self->project == NULL || files == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *uri = g_file_get_uri (l->data);

      gtk_widget_activate_action (GTK_WIDGET (self), "editor.add-uri", "s", uri);
    }
  return TRUE;
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

static void
add_files_response_cb (EvidentItemEditor *self,
                       int                response,
                       GtkNativeDialog   *native)
{
  g_autoptr (GtkNativeDialog) dialog = g_steal_pointer (&self->file_chooser);

  g_assert (dialog == native);

  if (response == GTK_RESPONSE_ACCEPT && self->item != NULL && self->project != NULL)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);

          add_file (self, file);
        }
    }

  gtk_native_dialog_destroy (native);
}

static void
add_files_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;

  if (self->item == NULL || self->project == NULL || self->file_chooser != NULL)
    return;

  native = gtk_file_chooser_native_new (_("Add Evidence"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  self->file_chooser = GTK_NATIVE_DIALOG (native);
  g_signal_connect_object (native, "response", G_CALLBACK (add_files_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
add_uri_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);
  g_autoptr (GFile) file = NULL;

  if (self->item == NULL || self->project == NULL)
    return;

  file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  add_file (self, file);
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);

  if (self->item != NULL && self->project != NULL)
    gtk_menu_button_popup (self->add_link_button);
}

static void
open_evidence_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);
  EvidentEvidence *evidence = find_evidence (self, g_variant_get_int64 (parameter), NULL);
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GFile) destination = NULL;

  if (evidence == NULL)
    return;

  if (evident_evidence_is_link (evidence))
    {
      show_uri (self, evident_evidence_get_url (evidence));
      return;
    }

  /* A copy the other application can read, one folder per file so that
   * two files of the same name do not meet. */
  dir = g_build_filename (g_get_user_cache_dir (), "evident", "open",
                          evident_evidence_get_sha256 (evidence), NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autoptr (GError) error = NULL;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make a copy to open: %s"), g_strerror (saved_errno));
      show_error (self, NULL, error);
      return;
    }
  name = get_copy_name (evidence);
  destination = g_file_new_build_filename (dir, name, NULL);
  extract_evidence (self, evidence, destination, TRUE);
}

static void
save_evidence_response_cb (EvidentItemEditor *self,
                           int                response,
                           GtkNativeDialog   *native)
{
  g_autoptr (GtkNativeDialog) dialog = g_steal_pointer (&self->file_chooser);
  EvidentEvidence *evidence = g_object_get_data (G_OBJECT (native), "evidence");

  g_assert (dialog == native);

  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      g_autoptr (GFile) destination = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (destination != NULL)
        extract_evidence (self, evidence, destination, FALSE);
    }

  gtk_native_dialog_destroy (native);
}

static void
save_evidence_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);
  EvidentEvidence *evidence = find_evidence (self, g_variant_get_int64 (parameter), NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (evidence == NULL || evident_evidence_is_link (evidence) || self->file_chooser != NULL)
    return;

  native = gtk_file_chooser_native_new (_("Save a Copy"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  name = get_copy_name (evidence);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data_full (G_OBJECT (native), "evidence", g_object_ref (evidence), g_object_unref);
  self->file_chooser = GTK_NATIVE_DIALOG (native);
  g_signal_connect_object (native, "response", G_CALLBACK (save_evidence_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
rename_evidence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);
  guint position;
  GtkListBoxRow *row;

  if (find_evidence (self, g_variant_get_int64 (parameter), &position) == NULL)
    return;

  row = gtk_list_box_get_row_at_index (self->evidence_list, position);
  if (row != NULL)
    evident_evidence_row_rename (EVIDENT_EVIDENCE_ROW (row));
}

static void
set_evidence_title_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  EvidentEvidence *evidence;
  const char *title;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &title);
  evidence = find_evidence (self, id, NULL);
  if (evidence == NULL)
    return;

  if (!evident_evidence_store_rename (get_store (self), evidence, title, &error))
    show_error (self, NULL, error);
}

static void
set_evidence_kind_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  EvidentEvidenceKind kind;
  EvidentEvidence *evidence;
  const char *name;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &name);
  evidence = find_evidence (self, id, NULL);
  if (evidence == NULL)
    return;

  if (!evident_evidence_kind_from_string (name, &kind))
    g_set_error (&error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID,
                 _("“%s” is not a kind of evidence"), name);
  else
    evident_evidence_store_set_kind (get_store (self), evidence, kind, &error);

  if (error != NULL)
    show_error (self, NULL, error);
}

static void
remove_evidence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  GtkListBoxRow *selected;
  GtkWidget *focus;
  GtkRoot *root;
  AdwToast *toast;
  gboolean had_focus;

  evidence = find_evidence (self, g_variant_get_int64 (parameter), NULL);
  if (evidence == NULL)
    return;
  g_object_ref (evidence);

  root = gtk_widget_get_root (widget);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->evidence_list));

  if (!evident_evidence_store_remove (get_store (self), evidence, &error))
    {
      show_error (self, NULL, error);
      return;
    }

  /* The row went with the focus: the focus goes to its neighbour. */
  selected = gtk_list_box_get_selected_row (self->evidence_list);
  if (had_focus && selected != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (selected));

  escaped = g_markup_escape_text (evident_evidence_get_title (evidence), -1);
  /* Translators: %s is the title of a piece of evidence */
  title = g_strdup_printf (_("“%s” removed"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "evidence", g_object_ref (evidence), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_button_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->undo_toasts, g_object_ref (toast));
  emit_toast (self, toast);
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

  g_cancellable_cancel (self->cancellable);
  cancel_pending (self);
  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }
  if (self->undo_toasts != NULL)
    {
      for (guint i = 0; i < self->undo_toasts->len; i++)
        g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->undo_toasts, i), self);
      g_ptr_array_set_size (self->undo_toasts, 0);
    }
  if (self->evidence_model != NULL)
    g_signal_handlers_disconnect_by_func (self->evidence_model, evidence_items_changed_cb, self);
  g_clear_object (&self->evidence_model);
  g_clear_object (&self->selected_evidence);

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
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->undo_toasts, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

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
    case PROP_SELECTED_EVIDENCE:
      g_value_set_object (value, self->selected_evidence);
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
    case PROP_SELECTED_EVIDENCE:
      evident_item_editor_set_selected_evidence (self, g_value_get_object (value));
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

  /**
   * EvidentItemEditor:selected-evidence:
   *
   * The evidence selected in the item's list, for a preview beside the
   * editor; the first of the item's when the item changes, %NULL when it
   * has none.
   */
  properties[PROP_SELECTED_EVIDENCE] =
    g_param_spec_object ("selected-evidence", NULL, NULL,
                         EVIDENT_TYPE_EVIDENCE,
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

  /**
   * EvidentItemEditor::toast:
   * @self: the editor
   * @toast: a toast, such as the one that undoes a removal
   *
   * Emitted when the editor has something to say in a toast: the window
   * shows it (adw_toast_overlay_add_toast() takes a reference of its own).
   */
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  /**
   * EvidentItemEditor::evidence-activated:
   * @self: the editor
   * @evidence: the evidence
   *
   * Emitted when the user activates a piece of evidence (a click, or Enter
   * on its row): the window shows its preview where it was folded away.
   */
  signals[EVIDENCE_ACTIVATED] =
    g_signal_new ("evidence-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EVIDENT_TYPE_EVIDENCE);

  g_type_ensure (EVIDENT_TYPE_EVIDENCE_ROW);

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
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, pending_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, add_link_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, link_popover);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, link_url_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, link_title_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, link_error_label);
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
  gtk_widget_class_bind_template_callback (widget_class, evidence_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, evidence_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_add_button_clicked_cb);

  /* The parameter is a status, complexity or date as project files spell
   * them ("not-applicable", "high", "2025-03-31"), an owner's name or a
   * reason; "" clears owner, due date and reason. */
  gtk_widget_class_install_action (widget_class, "editor.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "editor.set-reason", "s", set_reason_action);
  gtk_widget_class_install_action (widget_class, "editor.set-owner", "s", set_owner_action);
  gtk_widget_class_install_action (widget_class, "editor.set-complexity", "s",
                                   set_complexity_action);
  gtk_widget_class_install_action (widget_class, "editor.set-due", "s", set_due_action);

  /* Evidence of the item shown. add-uri adds a file by its URI, as a drop
   * does; the others take an evidence id, and a title or a kind as
   * project files spell them ("presentation"). */
  gtk_widget_class_install_action (widget_class, "editor.add-files", NULL, add_files_action);
  gtk_widget_class_install_action (widget_class, "editor.add-uri", "s", add_uri_action);
  gtk_widget_class_install_action (widget_class, "editor.add-link", NULL, add_link_action);
  gtk_widget_class_install_action (widget_class, "editor.open-evidence", "x",
                                   open_evidence_action);
  gtk_widget_class_install_action (widget_class, "editor.save-evidence", "x",
                                   save_evidence_action);
  gtk_widget_class_install_action (widget_class, "editor.rename-evidence", "x",
                                   rename_evidence_action);
  gtk_widget_class_install_action (widget_class, "editor.set-evidence-title", "(xs)",
                                   set_evidence_title_action);
  gtk_widget_class_install_action (widget_class, "editor.set-evidence-kind", "(xs)",
                                   set_evidence_kind_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-evidence", "x",
                                   remove_evidence_action);
}

static void
evident_item_editor_init (EvidentItemEditor *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->history_rows = g_ptr_array_new ();
  self->pending = g_ptr_array_new ();
  self->undo_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();

  /* Files dropped from the file manager become evidence; GTK marks the
   * item page as the drop target while they hover. */
  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled_window),
                             GTK_EVENT_CONTROLLER (drop_target));

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

  /* What was under way for the other project stops. */
  cancel_pending (self);
  dismiss_undo_toasts (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

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

EvidentEvidence *
evident_item_editor_get_selected_evidence (EvidentItemEditor *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_EDITOR (self), NULL);
  return self->selected_evidence;
}

/**
 * evident_item_editor_set_selected_evidence:
 * @self: an item editor
 * @evidence: (nullable): evidence of the item shown, or %NULL for none
 *
 * Selects @evidence in the item's list. Evidence of another item is
 * ignored.
 */
void
evident_item_editor_set_selected_evidence (EvidentItemEditor *self,
                                           EvidentEvidence   *evidence)
{
  guint position;

  g_return_if_fail (EVIDENT_IS_ITEM_EDITOR (self));
  g_return_if_fail (evidence == NULL || EVIDENT_IS_EVIDENCE (evidence));

  if (evidence == NULL)
    gtk_list_box_unselect_all (self->evidence_list);
  else if (find_evidence (self, evident_evidence_get_id (evidence), &position) == evidence)
    select_evidence_at (self, position);
}
