/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-due-date.h"
#include "evident-enums-util.h"
#include "evident-evidence.h"
#include "evident-history-format.h"
#include "evident-plan-settings.h"
#include "evident-recheck.h"

/*
 * How a change in the history reads, for an item's history and for the
 * project's Edit History: "Status: Not Started → Met", values as the
 * editor shows them, long texts cut to where they changed; changes of
 * evidence as what happened to it: "Evidence added: runbook",
 * "Evidence removed: …", "Evidence restored: …", "Evidence renamed: … →
 * …", "Kind of “runbook”: Other → Process document"; "5 minutes ago" for
 * when; and what an undo or a redo did, in a sentence: "notes",
 * "status and reason". Changes of the plan settings read "Effort for high
 * complexity: 8 → 5 days", "Audit date: — → 12 March 2027".
 */

static gboolean
is_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

/* When something happened, as people say it: "5 minutes ago", "Yesterday,
 * 14:05", in local time. */
char *
evident_history_format_when (GDateTime *at)
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
      return evident_due_date_format (value);

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

/* What the history knows of the item's evidence: the newest title of
 * each piece, and where each piece's oldest row is, so that evidence that
 * comes back reads "restored" rather than "added". By evidence id. */
struct _EvidentHistoryNames
{
  GHashTable *titles;        /* gint64 → const char * (the entries' strings) */
  GHashTable *first_entries; /* gint64 → EvidentHistoryEntry *, the oldest */
};

EvidentHistoryNames *
evident_history_names_new (GPtrArray *entries)
{
  EvidentHistoryNames *names = g_new0 (EvidentHistoryNames, 1);

  names->titles = g_hash_table_new (g_int64_hash, g_int64_equal);
  names->first_entries = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* Newest first: the first title met is the newest, the last row met
   * the oldest. */
  for (guint i = 0; i < entries->len; i++)
    {
      EvidentHistoryEntry *entry = g_ptr_array_index (entries, i);
      const char *title = NULL;

      if (entry->evidence == 0)
        continue;
      if (entry->field == EVIDENT_ITEM_FIELD_EVIDENCE)
        {
          title = !is_empty (entry->new_value) ? entry->new_value : entry->old_value;
          g_hash_table_insert (names->first_entries, &entry->evidence, entry);
        }
      else if (entry->field == EVIDENT_ITEM_FIELD_EVIDENCE_TITLE)
        title = entry->new_value;

      if (!is_empty (title) && !g_hash_table_contains (names->titles, &entry->evidence))
        g_hash_table_insert (names->titles, &entry->evidence, (gpointer) title);
    }
  return names;
}

void
evident_history_names_free (EvidentHistoryNames *names)
{
  if (names == NULL)
    return;
  g_clear_pointer (&names->titles, g_hash_table_unref);
  g_clear_pointer (&names->first_entries, g_hash_table_unref);
  g_free (names);
}

static const char *
format_kind (const char *value)
{
  EvidentEvidenceKind kind;

  if (!evident_evidence_kind_from_string (value, &kind))
    return is_empty (value) ? "—" : value;
  return evident_evidence_kind_get_label (kind);
}

/* A change of the item's evidence, as a row's title. */
static char *
format_evidence_change (EvidentHistoryEntry *entry,
                        EvidentHistoryNames *names)
{
  g_autofree char *old_value = format_text (entry->old_value != NULL ? entry->old_value : "", 0);
  g_autofree char *new_value = format_text (entry->new_value != NULL ? entry->new_value : "", 0);
  const char *title;

  switch (entry->field)
    {
    case EVIDENT_ITEM_FIELD_EVIDENCE:
      if (is_empty (entry->new_value))
        /* Translators: a change in an item's history; %s is the evidence's title */
        return g_strdup_printf (_("Evidence removed: %s"), old_value);
      if (entry->evidence != 0
          && g_hash_table_lookup (names->first_entries, &entry->evidence) != entry)
        /* Translators: a change in an item's history: removed evidence came
         * back; %s is its title */
        return g_strdup_printf (_("Evidence restored: %s"), new_value);
      /* Translators: a change in an item's history; %s is the evidence's title */
      return g_strdup_printf (_("Evidence added: %s"), new_value);

    case EVIDENT_ITEM_FIELD_EVIDENCE_TITLE:
      /* Translators: a change in an item's history: old title → new title */
      return g_strdup_printf (_("Evidence renamed: %s → %s"), old_value, new_value);

    case EVIDENT_ITEM_FIELD_EVIDENCE_KIND:
      title = g_hash_table_lookup (names->titles, &entry->evidence);
      if (title != NULL)
        {
          g_autofree char *short_title = format_text (title, 0);

          /* Translators: a change in an item's history: the kind of the
           * evidence titled %1$s went from %2$s to %3$s, as in
           * "Kind of “Runbook”: Other → Process document" */
          return g_strdup_printf (_("Kind of “%1$s”: %2$s → %3$s"), short_title,
                                  format_kind (entry->old_value), format_kind (entry->new_value));
        }
      /* Translators: a change in an item's history, of evidence without a
       * known title: old kind → new kind */
      return g_strdup_printf (_("Evidence kind: %s → %s"), format_kind (entry->old_value),
                              format_kind (entry->new_value));

    default:
      g_return_val_if_reached (NULL);
    }
}

/* A re-check flagged by a revision, or confirmed. */
static char *
format_recheck (EvidentHistoryEntry *entry)
{
  EvidentStatus status;

  if (is_empty (entry->new_value))
    /* Translators: a change in an item's history: someone checked a
     * reworded item again */
    return g_strdup (_("Re-check done"));
  if (evident_status_from_string (entry->new_value, &status))
    /* Translators: a change in an item's history: a checklist update
     * reworded the item; %s is the status it had */
    return g_strdup_printf (_("Needs re-check: was %s"), evident_status_get_label (status));
  return g_strdup (_("Needs re-check"));
}

/* The plan settings' keys as evident-plan-settings.c stores them */
static const struct
{
  const char        *key;
  EvidentComplexity  complexity;
} effort_keys[] = {
  { "effort-low", EVIDENT_COMPLEXITY_LOW },
  { "effort-medium", EVIDENT_COMPLEXITY_MEDIUM },
  { "effort-high", EVIDENT_COMPLEXITY_HIGH },
};

static const char *
effort_label (EvidentComplexity complexity)
{
  switch (complexity)
    {
    case EVIDENT_COMPLEXITY_LOW:
      /* Translators: a plan setting in the Edit History */
      return _("Effort for low complexity");
    case EVIDENT_COMPLEXITY_MEDIUM:
      /* Translators: a plan setting in the Edit History */
      return _("Effort for medium complexity");
    case EVIDENT_COMPLEXITY_HIGH:
      /* Translators: a plan setting in the Edit History */
      return _("Effort for high complexity");
    case EVIDENT_COMPLEXITY_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Days as stored ("2.5"), in the user's digits; none is the default */
static char *
format_effort (const char        *value,
               EvidentComplexity  complexity,
               double            *days)
{
  EvidentPlanSettings defaults;
  g_autofree char *number = NULL;

  if (value == NULL)
    {
      evident_plan_settings_init (&defaults);
      *days = evident_plan_settings_get_effort (&defaults, complexity);
    }
  else
    *days = g_ascii_strtod (value, NULL);
  number = g_strdup_printf ("%g", *days);
  if (value == NULL)
    /* Translators: a plan setting's value that is the default, e.g. "3
     * (default)" */
    return g_strdup_printf (_("%s (default)"), number);
  return g_steal_pointer (&number);
}

/* A change of a plan setting, as a row's title. */
static char *
format_setting_change (EvidentHistoryEntry *entry)
{
  for (guint i = 0; i < G_N_ELEMENTS (effort_keys); i++)
    {
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;
      double old_days, new_days;

      if (!g_str_equal (entry->setting, effort_keys[i].key))
        continue;
      old_value = format_effort (entry->old_value, effort_keys[i].complexity, &old_days);
      new_value = format_effort (entry->new_value, effort_keys[i].complexity, &new_days);
      /* Translators: a change of the plan settings in the Edit History,
       * e.g. "Effort for high complexity: 8 → 5 days" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s → %s day", "%s: %s → %s days",
                                           new_days == 1.0 ? 1 : 2),
                              effort_label (effort_keys[i].complexity), old_value, new_value);
    }

  if (g_str_equal (entry->setting, "audit-date"))
    {
      g_autofree char *old_value = format_value (EVIDENT_ITEM_FIELD_DUE, entry->old_value, 0);
      g_autofree char *new_value = format_value (EVIDENT_ITEM_FIELD_DUE, entry->new_value, 0);

      /* Translators: a change in the Edit History, e.g. "Audit date: — →
       * 12 March 2027" */
      return g_strdup_printf (_("%s: %s → %s"), _("Audit date"), old_value, new_value);
    }

  /* A key of a newer version of Evident */
  return g_strdup_printf (_("%s: %s → %s"), entry->setting,
                          entry->old_value != NULL ? entry->old_value : "—",
                          entry->new_value != NULL ? entry->new_value : "—");
}

char *
evident_history_format_change (EvidentHistoryEntry *entry,
                               EvidentHistoryNames *names)
{
  glong from = find_change_start (entry->old_value, entry->new_value);
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;

  if (entry->setting != NULL)
    return format_setting_change (entry);
  if (entry->field == EVIDENT_ITEM_FIELD_EVIDENCE
      || entry->field == EVIDENT_ITEM_FIELD_EVIDENCE_TITLE
      || entry->field == EVIDENT_ITEM_FIELD_EVIDENCE_KIND)
    return format_evidence_change (entry, names);
  if (entry->field == EVIDENT_ITEM_FIELD_REVISION)
    return evident_recheck_describe_place (entry->old_value, entry->new_value);
  if (entry->field == EVIDENT_ITEM_FIELD_RECHECK)
    return format_recheck (entry);

  old_value = format_value (entry->field, entry->old_value, from);
  new_value = format_value (entry->field, entry->new_value, from);
  /* Translators: a change in an item's history: "Status: Not Started → Met" */
  return g_strdup_printf (_("%s: %s → %s"), evident_item_field_get_label (entry->field),
                          old_value, new_value);
}

GtkWidget *
evident_history_row_new (EvidentHistoryEntry *entry,
                         EvidentHistoryNames *names,
                         const char          *item_text)
{
  g_autofree char *change = evident_history_format_change (entry, names);
  g_autofree char *title = NULL;
  g_autofree char *when = evident_history_format_when (entry->at);
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;
  g_autoptr (GDateTime) local = g_date_time_to_local (entry->at);
  GtkWidget *row;

  /* Translators: an item and a change of it in the project's history,
   * e.g. "8.3.2 Threat detection — Notes: … → …" */
  title = item_text != NULL ? g_strdup_printf (_("%s — %s"), item_text, change)
                            : g_steal_pointer (&change);
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
  /* Something to read, not a control: no Tab stop of its own. */
  gtk_widget_set_focusable (row, FALSE);

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


/**
 * evident_history_field_in_sentence:
 *
 * Returns: @field as a sentence names it: "notes", "due date"
 */
const char *
evident_history_field_in_sentence (EvidentItemField field)
{
  switch (field)
    {
    case EVIDENT_ITEM_FIELD_STATUS:
      return C_("field in a sentence", "status");
    case EVIDENT_ITEM_FIELD_OWNER:
      return C_("field in a sentence", "owner");
    case EVIDENT_ITEM_FIELD_COMPLEXITY:
      return C_("field in a sentence", "complexity");
    case EVIDENT_ITEM_FIELD_REASON:
      return C_("field in a sentence", "reason");
    case EVIDENT_ITEM_FIELD_NOTE:
      return C_("field in a sentence", "notes");
    case EVIDENT_ITEM_FIELD_DUE:
      return C_("field in a sentence", "due date");
    case EVIDENT_ITEM_FIELD_RESPONSE:
      return C_("field in a sentence", "response");
    case EVIDENT_ITEM_FIELD_ESTIMATE:
      return C_("field in a sentence", "estimate");
    case EVIDENT_ITEM_FIELD_RECHECK:
      return C_("field in a sentence", "re-check");
    case EVIDENT_ITEM_FIELD_EVIDENCE:
    case EVIDENT_ITEM_FIELD_EVIDENCE_TITLE:
    case EVIDENT_ITEM_FIELD_EVIDENCE_KIND:
      return C_("field in a sentence", "evidence");
    case EVIDENT_ITEM_FIELD_REVISION:
      return C_("field in a sentence", "checklist revision");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * evident_history_describe_change:
 * @entries: (element-type EvidentHistoryEntry): history rows, newest first
 * @undo: %TRUE for what an undo did, %FALSE for a redo
 *
 * What the newest change of @entries did, for a toast: "Undone: notes of
 * 8.3.2", "Redone: status and reason of 8.4.4".
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when
 *   @entries is empty
 */
char *
evident_history_describe_change (GPtrArray *entries,
                                 gboolean   undo)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new ();
  g_autoptr (GPtrArray) refs = g_ptr_array_new ();
  g_autoptr (GString) what = g_string_new (NULL);
  gboolean changed[EVIDENT_N_HISTORY_FIELDS] = { FALSE, };
  EvidentHistoryEntry *first;
  const char *ref;

  if (entries == NULL || entries->len == 0)
    return NULL;

  first = g_ptr_array_index (entries, 0);
  if (first->setting != NULL)
    return g_strdup (undo ? _("Undone: plan settings") : _("Redone: plan settings"));
  for (guint i = 0; i < entries->len; i++)
    {
      EvidentHistoryEntry *entry = g_ptr_array_index (entries, i);

      if (entry->change != first->change)
        break;
      if (entry->field < EVIDENT_N_HISTORY_FIELDS)
        changed[entry->field] = TRUE;
      if (!g_ptr_array_find_with_equal_func (refs, entry->ref, g_str_equal, NULL))
        g_ptr_array_add (refs, entry->ref);
    }
  /* In the editor's order: status, then reason. */
  for (guint f = 0; f < EVIDENT_N_HISTORY_FIELDS; f++)
    {
      const char *field;

      if (!changed[f])
        continue;
      field = evident_history_field_in_sentence (f);
      if (!g_ptr_array_find_with_equal_func (fields, field, g_str_equal, NULL))
        g_ptr_array_add (fields, (gpointer) field);
    }

  for (guint i = 0; i < fields->len; i++)
    {
      if (i > 0)
        /* Translators: between the last two fields of a change, as in
         * "status and reason"; earlier ones are joined with ", " */
        g_string_append (what, i == fields->len - 1 ? _(" and ") : ", ");
      g_string_append (what, g_ptr_array_index (fields, i));
    }
  ref = refs->len == 1 ? g_ptr_array_index (refs, 0) : NULL;

  if (ref != NULL)
    return g_strdup_printf (undo
                            /* Translators: a toast after Ctrl+Z, e.g. "Undone:
                             * notes of 8.3.2" */
                            ? _("Undone: %s of %s")
                            /* Translators: a toast after Ctrl+Shift+Z, e.g.
                             * "Redone: notes of 8.3.2" */
                            : _("Redone: %s of %s"), what->str, ref);
  return g_strdup_printf (undo
                          /* Translators: a toast after Ctrl+Z for a change of
                           * several items, e.g. "Undone: status of 3 items" */
                          ? g_dngettext (GETTEXT_PACKAGE, "Undone: %s of %u item",
                                         "Undone: %s of %u items", refs->len)
                          : g_dngettext (GETTEXT_PACKAGE, "Redone: %s of %u item",
                                         "Redone: %s of %u items", refs->len),
                          what->str, refs->len);
}
