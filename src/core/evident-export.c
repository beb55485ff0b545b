/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Exports of a project: the self-assessment handed in (a copy of the kept
 * workbook, evident-export-workbook.c), a fresh workbook (same file), and
 * CSV for Evident and for Jira (evident-export-csv.c). This file takes the
 * snapshot, completes it on a worker and picks the format. Every format is
 * written atomically: on failure or cancel the destination is as it was. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-chapter.h"
#include "evident-enums-util.h"
#include "evident-export-private.h"
#include "evident-project-private.h"

G_DEFINE_QUARK (evident-export-error-quark, evident_export_error)

static const char *format_names[EVIDENT_N_EXPORT_FORMATS] = {
  "aws-xlsx", "xlsx", "csv", "jira-csv",
};

/* Formats */

const char *
evident_export_format_to_string (EvidentExportFormat format)
{
  g_return_val_if_fail (format < EVIDENT_N_EXPORT_FORMATS, NULL);
  return format_names[format];
}

gboolean
evident_export_format_from_string (const char          *string,
                                   EvidentExportFormat *format)
{
  for (guint i = 0; string != NULL && i < EVIDENT_N_EXPORT_FORMATS; i++)
    {
      if (g_ascii_strcasecmp (string, format_names[i]) == 0)
        {
          *format = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * evident_export_format_get_label:
 *
 * Returns: what the format is, for a menu, translated
 */
const char *
evident_export_format_get_label (EvidentExportFormat format)
{
  switch (format)
    {
    case EVIDENT_EXPORT_FORMAT_AWS_XLSX:
      return C_("export format", "Self-Assessment Workbook");
    case EVIDENT_EXPORT_FORMAT_XLSX:
      return C_("export format", "Spreadsheet (XLSX)");
    case EVIDENT_EXPORT_FORMAT_CSV:
      return C_("export format", "Evident Checklist (CSV)");
    case EVIDENT_EXPORT_FORMAT_JIRA_CSV:
      return C_("export format", "Jira Issues (CSV)");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * evident_export_format_get_extension:
 *
 * Returns: the file name extension the format's files have, with the dot
 */
const char *
evident_export_format_get_extension (EvidentExportFormat format)
{
  g_return_val_if_fail (format < EVIDENT_N_EXPORT_FORMATS, NULL);
  return format == EVIDENT_EXPORT_FORMAT_AWS_XLSX || format == EVIDENT_EXPORT_FORMAT_XLSX
             ? ".xlsx"
             : ".csv";
}

/* Helpers for the formats */

/* DESIGN.md: not applicable counts as met; the self-assessment says Yes. */
gboolean
evident_export_counts_as_met (EvidentStatus status)
{
  return status == EVIDENT_STATUS_MET || status == EVIDENT_STATUS_NOT_APPLICABLE;
}

/**
 * evident_export_extra_columns_init:
 * @columns: (out caller-allocates): the columns
 * @items: (element-type ExportItem): the items
 * @skip: (nullable): a name left out (compared without regard to case)
 */
void
evident_export_extra_columns_init (ExportExtraColumns *columns,
                                   GPtrArray          *items,
                                   const char         *skip)
{
  g_autoptr (GHashTable) widest = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();

  columns->names = g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      const ExportItem *item = g_ptr_array_index (items, i);
      g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint j = 0; j < item->n_extra; j++)
        {
          const char *name = item->extra[j].name;
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1;

          if (skip != NULL && g_ascii_strcasecmp (name, skip) == 0)
            continue;
          g_hash_table_insert (counts, (gpointer) name, GUINT_TO_POINTER (count));
          if (!g_hash_table_contains (widest, name))
            g_ptr_array_add (order, (gpointer) name);
          if (count > GPOINTER_TO_UINT (g_hash_table_lookup (widest, name)))
            g_hash_table_insert (widest, (gpointer) name, GUINT_TO_POINTER (count));
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *name = g_ptr_array_index (order, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (widest, name));

      for (guint n = 0; n < count; n++)
        g_ptr_array_add (columns->names, (gpointer) name);
    }
}

void
evident_export_extra_columns_clear (ExportExtraColumns *columns)
{
  g_clear_pointer (&columns->names, g_ptr_array_unref);
}

/* The @nth value (from 0) of the item's extra fields called @name. */
const char *
evident_export_extra_value (const ExportItem *item,
                            const char       *name,
                            guint             nth)
{
  for (guint i = 0; i < item->n_extra; i++)
    {
      if (g_str_equal (item->extra[i].name, name) && nth-- == 0)
        return item->extra[i].value;
    }
  return "";
}

/**
 * evident_export_evidence_list:
 * @item: an item
 * @bullet: what starts each line
 *
 * Returns: (transfer full): the item's evidence, one per line: a file by
 *   its name, a link by its title and address; "" when there is none
 */
char *
evident_export_evidence_list (const ExportItem *item,
                              const char       *bullet)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; item->evidence != NULL && i < item->evidence->len; i++)
    {
      const ExportEvidence *evidence = g_ptr_array_index (item->evidence, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, bullet);
      if (evidence->url == NULL)
        g_string_append (text, evidence->filename != NULL ? evidence->filename : evidence->title);
      else if (g_str_equal (evidence->title, evidence->url) || *evidence->title == '\0')
        g_string_append (text, evidence->url);
      else
        g_string_append_printf (text, "%s: %s", evidence->title, evidence->url);
    }
  return g_string_free (text, FALSE);
}

/* The snapshot, on the main thread */

static void
export_evidence_free (gpointer data)
{
  ExportEvidence *evidence = data;

  g_free (evidence->title);
  g_free (evidence->filename);
  g_free (evidence->url);
  g_free (evidence);
}

static void
export_item_free (gpointer data)
{
  ExportItem *item = data;

  g_free (item->ref);
  g_free (item->chapter);
  g_free (item->chapter_title);
  g_free (item->section);
  g_free (item->section_title);
  g_free (item->title);
  g_free (item->requirement);
  g_free (item->evidence_hint);
  g_free (item->owner);
  g_free (item->owner_email);
  g_free (item->reason);
  g_free (item->note);
  g_free (item->due);
  g_free (item->response);
  for (guint i = 0; i < item->n_extra; i++)
    {
      g_free (item->extra[i].name);
      g_free (item->extra[i].value);
    }
  g_free (item->extra);
  g_clear_pointer (&item->evidence, g_ptr_array_unref);
  g_free (item);
}

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->destination);
  g_free (job->project_name);
  g_free (job->title);
  g_free (job->checklist_version);
  for (guint i = 0; i < EVIDENT_N_VIEWS; i++)
    g_free (job->scores[i]);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_pointer (&job->source, evident_source_workbook_free);
  g_clear_pointer (&job->workbook, g_bytes_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static char *
dup_or_empty (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

static ExportItem *
snapshot_item (EvidentItem *item,
               GHashTable  *chapter_titles)
{
  ExportItem *copy = g_new0 (ExportItem, 1);
  const EvidentExtraField *extra = evident_item_get_extra_fields (item, &copy->n_extra);
  const char *chapter_title = g_hash_table_lookup (chapter_titles, evident_item_get_chapter (item));

  copy->id = evident_item_get_id (item);
  copy->ref = g_strdup (evident_item_get_ref (item));
  copy->chapter = g_strdup (evident_item_get_chapter (item));
  copy->chapter_title = dup_or_empty (g_strcmp0 (chapter_title, copy->chapter) != 0 ? chapter_title
                                                                                    : NULL);
  copy->section = dup_or_empty (evident_item_get_section (item));
  copy->section_title = dup_or_empty (evident_item_get_section_title (item));
  copy->title = g_strdup (evident_item_get_title (item));
  copy->requirement = dup_or_empty (evident_item_get_requirement (item));
  copy->evidence_hint = dup_or_empty (evident_item_get_evidence_hint (item));
  copy->points = evident_item_get_points (item);
  copy->mandatory = evident_item_get_mandatory (item);
  copy->status = evident_item_get_status (item);
  copy->owner = dup_or_empty (evident_item_get_owner (item));
  copy->complexity = evident_item_get_complexity (item);
  copy->reason = dup_or_empty (evident_item_get_reason (item));
  copy->note = dup_or_empty (evident_item_get_note (item));
  copy->due = dup_or_empty (evident_item_get_due (item));
  copy->response = dup_or_empty (evident_item_get_response (item));
  copy->extra = g_new0 (EvidentExtraField, copy->n_extra);
  for (guint i = 0; i < copy->n_extra; i++)
    {
      copy->extra[i].name = g_strdup (extra[i].name);
      copy->extra[i].value = g_strdup (extra[i].value);
    }
  copy->evidence = g_ptr_array_new_with_free_func (export_evidence_free);
  return copy;
}

static ExportJob *
snapshot (EvidentProject      *project,
          EvidentExportFormat  format,
          GFile               *destination)
{
  ExportJob *job = g_new0 (ExportJob, 1);
  GListModel *items = evident_project_get_items (project);
  GListModel *chapters = evident_project_get_chapters (project);
  const EvidentScore *score = evident_project_get_score (project);
  g_autoptr (GHashTable) chapter_titles = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_items = g_list_model_get_n_items (items);

  job->format = format;
  job->destination = g_object_ref (destination);
  job->project_name = g_file_get_parse_name (evident_project_get_file (project));
  job->title = g_strdup (evident_project_get_title (project));
  job->checklist_version = g_strdup (evident_project_get_checklist_version (project));
  job->rules = *evident_project_get_rules (project);
  job->max_score = score->max_score;
  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      job->views[v] = score->views[v];
      job->scores[v] = evident_score_format (score, v);
    }

  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);

      /* The chapters live as long as the project; the titles with them. */
      g_hash_table_insert (chapter_titles, (gpointer) evident_chapter_get_number (chapter),
                           (gpointer) evident_chapter_get_title (chapter));
    }

  job->items = g_ptr_array_new_full (n_items, export_item_free);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      job->any_points |= evident_item_get_points (item) > 0;
      g_ptr_array_add (job->items, snapshot_item (item, chapter_titles));
    }
  return job;
}

/* The rest, on the worker, from the file */

static gboolean
read_evidence (EvidentDb   *db,
               GHashTable  *by_id,
               GError     **error)
{
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  stmt = evident_db_prepare (db, "SELECT item_id, title, filename, url FROM evidence"
                                 " WHERE removed_at IS NULL ORDER BY item_id, id",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ExportItem *item = g_hash_table_lookup (by_id,
                                              GINT_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
      ExportEvidence *evidence;

      if (item == NULL)
        continue;
      evidence = g_new0 (ExportEvidence, 1);
      evidence->title = g_strdup (evident_db_column_text (stmt, 1));
      if (!evident_db_column_is_null (stmt, 2))
        evidence->filename = g_strdup (evident_db_column_text (stmt, 2));
      if (!evident_db_column_is_null (stmt, 3))
        evidence->url = g_strdup (evident_db_column_text (stmt, 3));
      g_ptr_array_add (item->evidence, evidence);
    }
  return evident_db_step_end (db, stmt, rc, error);
}

static gboolean
read_owner_emails (EvidentDb   *db,
                   GPtrArray   *items,
                   GError     **error)
{
  g_autoptr (GHashTable) emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto (EvidentDbStatement) stmt = NULL;
  int rc;

  stmt = evident_db_prepare (db, "SELECT name, email FROM owners WHERE email IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (emails, g_strdup (evident_db_column_text (stmt, 0)),
                         g_strdup (evident_db_column_text (stmt, 1)));
  if (!evident_db_step_end (db, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      ExportItem *item = g_ptr_array_index (items, i);

      item->owner_email = g_strdup (g_hash_table_lookup (emails, item->owner));
    }
  return TRUE;
}

static gboolean
complete_job (ExportJob  *job,
              EvidentDb  *db,
              GError    **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < job->items->len; i++)
    {
      ExportItem *item = g_ptr_array_index (job->items, i);

      g_hash_table_insert (by_id, GINT_TO_POINTER (item->id), item);
    }
  return read_evidence (db, by_id, error) && read_owner_emails (db, job->items, error);
}

/* Runs in the calling thread, on a connection of its own. */
static gboolean
run_job (ExportJob     *job,
         EvidentDb     *db,
         GCancellable  *cancellable,
         GError       **error)
{
  gboolean ok;

  if (!evident_db_begin_read (db, error))
    return FALSE;
  ok = complete_job (job, db, error);
  evident_db_rollback (db);
  /* Reading the workbook's bytes is a transaction of its own. */
  if (ok && job->format == EVIDENT_EXPORT_FORMAT_AWS_XLSX)
    ok = evident_export_read_workbook (job, db, cancellable, error);
  if (!ok)
    return FALSE;

  switch (job->format)
    {
    case EVIDENT_EXPORT_FORMAT_AWS_XLSX:
      return evident_export_write_aws_xlsx (job, cancellable, error);
    case EVIDENT_EXPORT_FORMAT_XLSX:
      return evident_export_write_xlsx (job, cancellable, error);
    case EVIDENT_EXPORT_FORMAT_CSV:
      return evident_export_write_csv (job, cancellable, error);
    case EVIDENT_EXPORT_FORMAT_JIRA_CSV:
      return evident_export_write_jira_csv (job, cancellable, error);
    default:
      g_assert_not_reached ();
    }
}

/* Public API */

/**
 * evident_export:
 * @project: an open project
 * @format: what to write
 * @destination: the file to write; replaced if it exists, once the new
 *   one is complete
 * @cancellable: (nullable): gives up, leaving @destination as it was
 * @error: return location for an error
 *
 * Exports the project as it stands, in the calling thread (the command
 * line); the application uses evident_export_async(). On any failure,
 * or when cancelled, @destination is as it was and nothing is left beside
 * it.
 *
 * Returns: %TRUE when @destination holds the export
 */
gboolean
evident_export (EvidentProject       *project,
                EvidentExportFormat   format,
                GFile                *destination,
                GCancellable         *cancellable,
                GError              **error)
{
  g_autoptr (ExportJob) job = NULL;
  g_autoptr (EvidentDb) db = NULL;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (format < EVIDENT_N_EXPORT_FORMATS, FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  db = evident_project_open_connection (project, FALSE, error);
  if (db == NULL)
    return FALSE;
  job = snapshot (project, format, destination);
  return run_job (job, db, cancellable, error);
}

/**
 * evident_export_aws_xlsx:
 * @project: an open project, imported from a workbook
 * @destination: the file to write
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Hands in the self-assessment: a copy of the workbook the project was
 * imported from, with each item's "Met?" answered `Yes` when it is met or
 * not applicable and `No` otherwise, and its "Partner Response" set to the
 * response (after "Not applicable: REASON" for an item that is not
 * applicable) and a list of its evidence (file names, link titles and
 * addresses). Only those cells change; every other part of the workbook
 * is copied byte for byte. A project without a workbook is refused with
 * %EVIDENT_EXPORT_ERROR_NO_WORKBOOK. See evident_export().
 *
 * Returns: %TRUE when @destination holds the export
 */
gboolean
evident_export_aws_xlsx (EvidentProject  *project,
                         GFile           *destination,
                         GCancellable    *cancellable,
                         GError         **error)
{
  return evident_export (project, EVIDENT_EXPORT_FORMAT_AWS_XLSX, destination, cancellable, error);
}

/**
 * evident_export_xlsx:
 * @project: an open project
 * @destination: the file to write
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes a fresh workbook: a sheet "Items" with one row per item
 * (reference, chapter, section and their titles, title, requirement,
 * expected evidence, points, mandatory, status, owner, complexity, due
 * date, reason, response, notes, evidence, then the extra fields) and a
 * sheet "Summary" with the score of each view against the pass line. See
 * evident_export().
 *
 * Returns: %TRUE when @destination holds the export
 */
gboolean
evident_export_xlsx (EvidentProject  *project,
                     GFile           *destination,
                     GCancellable    *cancellable,
                     GError         **error)
{
  return evident_export (project, EVIDENT_EXPORT_FORMAT_XLSX, destination, cancellable, error);
}

/**
 * evident_export_csv:
 * @project: an open project
 * @destination: the file to write
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes Evident's CSV format (README) with the items' state: `ref`,
 * `chapter`, `chapter_title`, `section`, `section_title`, `title`,
 * `requirement`, `evidence`, `points`, `mandatory`, `owner` (with the
 * address as "Name <address>" where known), `complexity`, `status`,
 * `reason`, `note`, `due`, `response`, then the extra fields. A project
 * created from it has the same items and state. See evident_export().
 *
 * Returns: %TRUE when @destination holds the export
 */
gboolean
evident_export_csv (EvidentProject  *project,
                    GFile           *destination,
                    GCancellable    *cancellable,
                    GError         **error)
{
  return evident_export (project, EVIDENT_EXPORT_FORMAT_CSV, destination, cancellable, error);
}

/**
 * evident_export_jira_csv:
 * @project: an open project
 * @destination: the file to write
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes a CSV file for Jira's importer, one issue (a Task) per item:
 * `Summary` is the reference and the title ("SECP-001 Identity
 * federation"), `Description` the requirement and the expected evidence,
 * `Status` a Jira status, `Assignee` the owner's address where known (else
 * the name), `Due Date`; chapter and section as labels `chapter-…` and
 * `section-…` in repeated `Labels` columns; points, mandatory, complexity,
 * expected evidence, chapter and section titles and the response as
 * custom fields (`Custom field (Points)`, …). Evident's import reads it
 * back as the same items. See evident_export().
 *
 * Returns: %TRUE when @destination holds the export
 */
gboolean
evident_export_jira_csv (EvidentProject  *project,
                         GFile           *destination,
                         GCancellable    *cancellable,
                         GError         **error)
{
  return evident_export (project, EVIDENT_EXPORT_FORMAT_JIRA_CSV, destination, cancellable, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  EvidentDb *db = g_object_steal_data (G_OBJECT (task), "db");
  GError *error = NULL;
  gboolean ok = run_job (task_data, db, cancellable, &error);

  /* The connection closed before the caller hears of it. */
  evident_db_task_return (task, &db, ok, error);
}

/**
 * evident_export_async:
 * @project: an open project
 * @format: what to write
 * @destination: the file to write
 * @cancellable: (nullable): gives up, leaving @destination as it was
 * @callback: called in the caller's main context when done
 * @user_data: data for @callback
 *
 * Exports as evident_export() does, writing on a worker thread: the items
 * are taken as they stand now (edits made meanwhile are not in the file);
 * the evidence, the owners' addresses and the kept workbook are read from
 * the project file on a connection of the worker's own.
 */
void
evident_export_async (EvidentProject       *project,
                      EvidentExportFormat   format,
                      GFile                *destination,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  EvidentDb *db;

  g_return_if_fail (EVIDENT_IS_PROJECT (project));
  g_return_if_fail (format < EVIDENT_N_EXPORT_FORMATS);
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (project, cancellable, callback, user_data);
  /* The worker says whether it was cancelled: once the file is in place,
   * a Cancel that comes too late must not report it as not written. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_source_tag (task, evident_export_async);
  g_task_set_name (task, "[evident] export");

  db = evident_project_open_connection (project, FALSE, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, snapshot (project, format, destination),
                        (GDestroyNotify) export_job_free);
  g_object_set_data_full (G_OBJECT (task), "db", db, (GDestroyNotify) evident_db_close);
  g_task_run_in_thread (task, export_thread);
}

/**
 * evident_export_finish:
 * @project: the project given to evident_export_async()
 * @result: the result
 * @error: return location for an error
 *
 * Returns: %TRUE when the destination holds the export
 */
gboolean
evident_export_finish (EvidentProject  *project,
                       GAsyncResult    *result,
                       GError         **error)
{
  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == evident_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
