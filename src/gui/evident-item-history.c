/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-due-date.h"
#include "evident-enums-util.h"
#include "evident-evidence.h"
#include "evident-item-history.h"
#include "evident-recheck.h"

/*
 * EvidentItemHistory: who changed what in an item, and when, newest first:
 * "Status: Not Started → Met", "Security lead · 5 minutes ago", values as
 * the editor shows them, long texts cut to where they changed, and undone
 * or redone changes tagged. Changes of the item's evidence read as what
 * happened to it: "Evidence added: runbook", "Evidence removed: …",
 * "Evidence restored: …", "Evidence renamed: … → …", "Kind of “runbook”:
 * Other → Process document". Checklist updates read as where the item
 * was ("Came across the update to 4.2: was 8.2.1 in 4.1", evident-recheck.c)
 * and "Needs re-check: was Met". It reads the history from the project
 * each time the project says it changed.
 */

/* The newest history rows shown; older ones are summed up in one row. */
#define MAX_HISTORY_ROWS 50

struct _EvidentItemHistory
{
  AdwPreferencesGroup  parent_instance;

  EvidentProject      *project;
  EvidentItem         *item;

  /* The rows this group shows */
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (EvidentItemHistory, evident_item_history, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_empty (const char *str)
{
  return str == NULL || *str == '\0';
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
typedef struct
{
  GHashTable *titles;        /* gint64 → const char * (the entries' strings) */
  GHashTable *first_entries; /* gint64 → EvidentHistoryEntry *, the oldest */
} EvidenceNames;

static void
evidence_names_init (EvidenceNames *names,
                     GPtrArray     *entries)
{
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
}

static void
evidence_names_clear (EvidenceNames *names)
{
  g_clear_pointer (&names->titles, g_hash_table_unref);
  g_clear_pointer (&names->first_entries, g_hash_table_unref);
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
                        EvidenceNames       *names)
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

static char *
format_change (EvidentHistoryEntry *entry,
               EvidenceNames       *names)
{
  glong from = find_change_start (entry->old_value, entry->new_value);
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;

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

static GtkWidget *
create_history_row (EvidentHistoryEntry *entry,
                    EvidenceNames       *names)
{
  g_autofree char *title = format_change (entry, names);
  g_autofree char *when = format_when (entry->at);
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;
  g_autoptr (GDateTime) local = g_date_time_to_local (entry->at);
  GtkWidget *row;

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
clear_history (EvidentItemHistory *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_history_row (EvidentItemHistory *self,
                 GtkWidget          *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
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
sync_history (EvidentItemHistory *self)
{
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  EvidenceNames names;
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

  evidence_names_init (&names, entries);
  n_shown = MIN (entries->len, MAX_HISTORY_ROWS);
  for (guint i = 0; i < n_shown; i++)
    add_history_row (self, create_history_row (g_ptr_array_index (entries, i), &names));
  evidence_names_clear (&names);

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
project_changed_cb (EvidentItemHistory *self,
                    EvidentProject     *project)
{
  if (self->item != NULL)
    sync_history (self);
}

/* GObject */

static void
evident_item_history_dispose (GObject *object)
{
  EvidentItemHistory *self = EVIDENT_ITEM_HISTORY (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_clear_object (&self->project);
  g_clear_object (&self->item);

  /* The group removes its rows itself as it goes. */
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_ITEM_HISTORY);

  G_OBJECT_CLASS (evident_item_history_parent_class)->dispose (object);
}

static void
evident_item_history_finalize (GObject *object)
{
  EvidentItemHistory *self = EVIDENT_ITEM_HISTORY (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (evident_item_history_parent_class)->finalize (object);
}

static void
evident_item_history_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EvidentItemHistory *self = EVIDENT_ITEM_HISTORY (object);

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
evident_item_history_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EvidentItemHistory *self = EVIDENT_ITEM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_item_history_set_project (self, g_value_get_object (value));
      break;
    case PROP_ITEM:
      evident_item_history_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_history_class_init (EvidentItemHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_item_history_dispose;
  object_class->finalize = evident_item_history_finalize;
  object_class->get_property = evident_item_history_get_property;
  object_class->set_property = evident_item_history_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         EVIDENT_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-item-history.ui");
}

static void
evident_item_history_init (EvidentItemHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
}

/* Public API */

EvidentProject *
evident_item_history_get_project (EvidentItemHistory *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_HISTORY (self), NULL);

  return self->project;
}

/**
 * evident_item_history_set_project:
 * @project: (nullable): the project whose history it shows
 *
 * A new project clears the item: set it after the project.
 */
void
evident_item_history_set_project (EvidentItemHistory *self,
                                  EvidentProject     *project)
{
  g_return_if_fail (EVIDENT_IS_ITEM_HISTORY (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  evident_item_history_set_item (self, NULL);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_set_object (&self->project, project);
  if (self->project != NULL)
    g_signal_connect_object (self->project, "changed", G_CALLBACK (project_changed_cb), self,
                             G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentItem *
evident_item_history_get_item (EvidentItemHistory *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_HISTORY (self), NULL);

  return self->item;
}

/**
 * evident_item_history_set_item:
 * @item: (nullable): an item of the project, or %NULL for none
 *
 * Shows @item's history.
 */
void
evident_item_history_set_item (EvidentItemHistory *self,
                               EvidentItem        *item)
{
  g_return_if_fail (EVIDENT_IS_ITEM_HISTORY (self));
  g_return_if_fail (item == NULL || EVIDENT_IS_ITEM (item));

  if (self->item == item)
    return;

  g_set_object (&self->item, item);
  sync_history (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
