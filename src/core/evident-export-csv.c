/* SPDX-License-Identifier: GPL-3.0-or-later */

/* CSV exports: Evident's own format with the items' state, which a new
 * project reads back, and a file for Jira's importer, which Evident's
 * import reads back too (evident-import-layout.c knows both). Column names
 * and values are data, not words for the user: they are not translated. */

#include "config.h"

#include <string.h>

#include "evident-csv-writer.h"
#include "evident-enums-util.h"
#include "evident-export-private.h"
#include "evident-import-private.h"

/* Helpers */

/* A project without points, pass/fail: empty points, so that they read
 * back as none. */
static gboolean
writes_points (const ExportJob *job)
{
  return job->rules.mode == EVIDENT_SCORE_MODE_POINTS || job->any_points;
}

static void
add_points (EvidentCsvWriter *writer,
            const ExportJob  *job,
            const ExportItem *item)
{
  if (writes_points (job))
    evident_csv_writer_add_int (writer, item->points);
  else
    evident_csv_writer_add_field (writer, "");
}

/* Whether the import would read a column called @name as one of its own
 * fields rather than as an extra field: in Evident's format, where its own
 * column names win, one it does not write (or its own name again); for
 * Jira, any name it knows. A level column is read as levels and kept as
 * an extra field too (OWASP ASVS's "L"), and levels make nothing
 * mandatory beside a mandatory column: it keeps its name. */
static gboolean
would_be_a_field (const char *name,
                  gboolean    jira)
{
  gboolean own = FALSE;
  int field = evident_import_header_field (name, &own);

  if (field < 0 || field == EVIDENT_IMPORT_FIELD_LEVEL)
    return FALSE;
  return jira || own || field == EVIDENT_IMPORT_FIELD_LABELS || field == EVIDENT_IMPORT_FIELD_MET;
}

/* The extra fields' columns, under names the import reads back as extra
 * fields; for Jira, each a custom field, unless it is one already (a
 * project that came from Jira). */
static void
add_extra_headers (EvidentCsvWriter         *writer,
                   const ExportExtraColumns *extra,
                   gboolean                  jira)
{
  for (guint c = 0; c < extra->names->len; c++)
    {
      const char *name = g_ptr_array_index (extra->names, c);
      g_autofree char *kept = NULL;
      g_autofree char *header = NULL;

      if (would_be_a_field (name, jira))
        name = kept = g_strdup_printf ("%s (extra)", name);
      if (jira && !g_str_has_prefix (name, "Custom field ("))
        header = g_strdup_printf ("Custom field (%s)", name);
      evident_csv_writer_add_field (writer, header != NULL ? header : name);
    }
}

static void
add_extra_values (EvidentCsvWriter         *writer,
                  const ExportItem         *item,
                  const ExportExtraColumns *extra)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint c = 0; c < extra->names->len; c++)
    {
      const char *name = g_ptr_array_index (extra->names, c);
      guint nth = GPOINTER_TO_UINT (g_hash_table_lookup (seen, name));

      g_hash_table_insert (seen, (gpointer) name, GUINT_TO_POINTER (nth + 1));
      evident_csv_writer_add_field (writer, evident_export_extra_value (item, name, nth));
    }
}

static gboolean
save (EvidentCsvWriter  *writer,
      ExportJob         *job,
      GCancellable      *cancellable,
      GError           **error)
{
  return !g_cancellable_set_error_if_cancelled (cancellable, error)
         && evident_csv_writer_save (writer, job->destination, cancellable, error);
}

/* Evident's format */

/* The owner as `set --owner` and the import take it: with the address. */
static char *
owner_text (const ExportItem *item)
{
  if (item->owner_email == NULL || g_str_equal (item->owner_email, item->owner))
    return g_strdup (item->owner);
  return g_strdup_printf ("%s <%s>", item->owner, item->owner_email);
}

/**
 * evident_export_write_csv:
 *
 * Writes Evident's CSV format with the items' state (evident_export_csv()).
 *
 * Returns: %TRUE on success
 */
gboolean
evident_export_write_csv (ExportJob     *job,
                          GCancellable  *cancellable,
                          GError       **error)
{
  static const char *const header[] = {
    "ref", "chapter", "chapter_title", "section", "section_title", "title", "requirement",
    "evidence", "points", "mandatory", "owner", "complexity", "status", "reason", "note", "due",
    "response",
  };
  g_autoptr (EvidentCsvWriter) writer = evident_csv_writer_new (EVIDENT_CSV_WRITER_BOM);
  ExportExtraColumns extra;
  gboolean ok;

  evident_export_extra_columns_init (&extra, job->items, NULL);
  for (guint f = 0; f < G_N_ELEMENTS (header); f++)
    evident_csv_writer_add_field (writer, header[f]);
  add_extra_headers (writer, &extra, FALSE);
  evident_csv_writer_end_row (writer);

  for (guint i = 0; i < job->items->len; i++)
    {
      const ExportItem *item = g_ptr_array_index (job->items, i);
      g_autofree char *owner = owner_text (item);
      const char *fields[] = {
        item->ref, item->chapter, item->chapter_title, item->section, item->section_title,
        item->title, item->requirement, item->evidence_hint,
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        evident_csv_writer_add_field (writer, fields[f]);
      add_points (writer, job, item);
      evident_csv_writer_add_field (writer, item->mandatory ? "yes" : "no");
      evident_csv_writer_add_field (writer, owner);
      evident_csv_writer_add_field (writer, item->complexity != EVIDENT_COMPLEXITY_NONE
                                                ? evident_complexity_to_string (item->complexity)
                                                : "");
      evident_csv_writer_add_field (writer, evident_status_to_string (item->status));
      evident_csv_writer_add_field (writer, item->reason);
      evident_csv_writer_add_field (writer, item->note);
      evident_csv_writer_add_field (writer, item->due);
      evident_csv_writer_add_field (writer, item->response);
      add_extra_values (writer, item, &extra);
      evident_csv_writer_end_row (writer);
    }

  ok = save (writer, job, cancellable, error);
  evident_export_extra_columns_clear (&extra);
  return ok;
}

/* Jira */

/* Statuses of Jira's workflows that Evident's import reads back. */
static const char *
jira_status (EvidentStatus status)
{
  switch (status)
    {
    case EVIDENT_STATUS_IN_PROGRESS:
      return "In Progress";
    case EVIDENT_STATUS_READY:
      return "In Review";
    case EVIDENT_STATUS_MET:
      return "Done";
    case EVIDENT_STATUS_NOT_MET:
      return "Rejected";
    case EVIDENT_STATUS_NOT_APPLICABLE:
      return "Won't Do";
    case EVIDENT_STATUS_NOT_STARTED:
    default:
      return "To Do";
    }
}

/* A Jira label holds no spaces. */
static char *
label (const char *prefix,
       const char *value)
{
  return g_strdelimit (g_strconcat (prefix, value, NULL), " \t\n", '_');
}

/* An item's labels: its chapter and section, then the labels it was
 * imported with (extra fields called Labels). */
static GPtrArray *
item_labels (const ExportItem *item)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (labels, label ("chapter-", item->chapter));
  if (*item->section != '\0')
    g_ptr_array_add (labels, label ("section-", item->section));
  for (guint i = 0; i < item->n_extra; i++)
    {
      if (g_ascii_strcasecmp (item->extra[i].name, "Labels") == 0 && *item->extra[i].value != '\0')
        g_ptr_array_add (labels, label ("", item->extra[i].value));
    }
  return labels;
}

static const char *const jira_header[] = {
  "Summary", "Issue Type", "Status", "Description", "Assignee", "Due Date",
};

static const char *const jira_custom_fields[] = {
  "Custom field (Points)", "Custom field (Mandatory)", "Custom field (Complexity)",
  "Custom field (Expected evidence)", "Custom field (Chapter title)",
  "Custom field (Section title)", "Custom field (Partner Response)",
};

static void
add_jira_row (EvidentCsvWriter         *writer,
              const ExportJob          *job,
              const ExportItem         *item,
              guint                     n_labels,
              const ExportExtraColumns *extra)
{
  g_autoptr (GPtrArray) labels = item_labels (item);
  g_autofree char *summary = g_strdup_printf ("%s %s", item->ref, item->title);
  g_autofree char *description = NULL;
  g_autofree char *complexity = NULL;

  /* The evidence also has a column of its own: the import takes it off
   * the end of the description again. */
  if (*item->evidence_hint != '\0')
    description = g_strdup_printf ("%s%s%s", item->requirement,
                                   *item->requirement != '\0' ? "\n\n" : "", item->evidence_hint);
  else
    description = g_strdup (item->requirement);
  if (item->complexity != EVIDENT_COMPLEXITY_NONE)
    {
      complexity = g_strdup (evident_complexity_to_string (item->complexity));
      complexity[0] = g_ascii_toupper (complexity[0]);
    }

  evident_csv_writer_add_field (writer, summary);
  evident_csv_writer_add_field (writer, "Task");
  evident_csv_writer_add_field (writer, jira_status (item->status));
  evident_csv_writer_add_field (writer, description);
  evident_csv_writer_add_field (writer, item->owner_email != NULL ? item->owner_email
                                                                  : item->owner);
  evident_csv_writer_add_field (writer, item->due);
  for (guint l = 0; l < n_labels; l++)
    evident_csv_writer_add_field (writer, l < labels->len ? g_ptr_array_index (labels, l) : "");
  add_points (writer, job, item);
  evident_csv_writer_add_field (writer, item->mandatory ? "Yes" : "No");
  evident_csv_writer_add_field (writer, complexity != NULL ? complexity : "");
  evident_csv_writer_add_field (writer, item->evidence_hint);
  evident_csv_writer_add_field (writer, item->chapter_title);
  evident_csv_writer_add_field (writer, item->section_title);
  evident_csv_writer_add_field (writer, item->response);
  add_extra_values (writer, item, extra);
  evident_csv_writer_end_row (writer);
}

/**
 * evident_export_write_jira_csv:
 *
 * Writes a CSV file for Jira's importer (evident_export_jira_csv()).
 *
 * Returns: %TRUE on success
 */
gboolean
evident_export_write_jira_csv (ExportJob     *job,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr (EvidentCsvWriter) writer = evident_csv_writer_new (EVIDENT_CSV_WRITER_DEFAULT);
  ExportExtraColumns extra;
  guint n_labels = 1;
  gboolean ok;

  for (guint i = 0; i < job->items->len; i++)
    {
      g_autoptr (GPtrArray) labels = item_labels (g_ptr_array_index (job->items, i));

      n_labels = MAX (n_labels, labels->len);
    }
  evident_export_extra_columns_init (&extra, job->items, "Labels");

  for (guint f = 0; f < G_N_ELEMENTS (jira_header); f++)
    evident_csv_writer_add_field (writer, jira_header[f]);
  for (guint l = 0; l < n_labels; l++)
    evident_csv_writer_add_field (writer, "Labels");
  for (guint f = 0; f < G_N_ELEMENTS (jira_custom_fields); f++)
    evident_csv_writer_add_field (writer, jira_custom_fields[f]);
  add_extra_headers (writer, &extra, TRUE);
  evident_csv_writer_end_row (writer);

  for (guint i = 0; i < job->items->len; i++)
    add_jira_row (writer, job, g_ptr_array_index (job->items, i), n_labels, &extra);

  ok = save (writer, job, cancellable, error);
  evident_export_extra_columns_clear (&extra);
  return ok;
}
