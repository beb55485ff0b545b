/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Workbook exports: the self-assessment handed in, as a copy of the kept
 * workbook with the answers patched in (evident-xlsx-patch.c), and a fresh
 * workbook of the items and the score (evident-xlsx-writer.c). */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-blob-store.h"
#include "evident-enums-util.h"
#include "evident-export-private.h"
#include "evident-xlsx-patch.h"
#include "evident-xlsx-writer.h"

/* The hand-in */

/**
 * evident_export_read_workbook:
 * @job: a hand-in
 * @db: the worker's connection, outside a transaction
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reads the kept workbook, its sheets and the items' places into @job;
 * refuses a project that keeps none.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_export_read_workbook (ExportJob     *job,
                              EvidentDb     *db,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr (GError) local_error = NULL;

  job->source = evident_source_workbook_load (db, &local_error);
  if (job->source == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, EVIDENT_EXPORT_ERROR, EVIDENT_EXPORT_ERROR_NO_WORKBOOK,
                             _("This project was not imported from a workbook; export as XLSX "
                               "instead"));
      return FALSE;
    }

  job->workbook = evident_blob_load (db, job->source->sha256, cancellable, error);
  return job->workbook != NULL;
}

/* What "Partner Response" gets: why the item does not apply, the
 * response, and the evidence. */
static char *
hand_in_response (const ExportItem *item)
{
  g_autofree char *evidence = evident_export_evidence_list (item, "- ");
  GString *text = g_string_new (NULL);

  if (item->status == EVIDENT_STATUS_NOT_APPLICABLE && *item->reason != '\0')
    /* Translators: the start of a response handed in with the self-assessment */
    g_string_append_printf (text, C_("hand-in", "Not applicable: %s"), item->reason);
  if (*item->response != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n\n" : "", item->response);
  if (*evidence != '\0')
    /* Translators: above the list of an item's evidence in the self-assessment handed in */
    g_string_append_printf (text, "%s%s\n%s", text->len > 0 ? "\n\n" : "",
                            C_("hand-in", "Evidence:"), evidence);
  return g_string_free (text, FALSE);
}

/**
 * evident_export_write_aws_xlsx:
 *
 * Writes the hand-in read by evident_export_read_workbook().
 *
 * Returns: %TRUE on success
 */
gboolean
evident_export_write_aws_xlsx (ExportJob     *job,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr (GArray) writes = g_array_new (FALSE, TRUE, sizeof (EvidentCellWrite));
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < job->items->len; i++)
    {
      const ExportItem *item = g_ptr_array_index (job->items, i);
      const EvidentSourcePlace *place;
      const EvidentSourceSheet *sheet;
      EvidentCellWrite write = { 0 };

      place = g_hash_table_lookup (job->source->places, GINT_TO_POINTER (item->id));
      sheet = place != NULL ? g_hash_table_lookup (job->source->sheets,
                                                   GUINT_TO_POINTER (place->sheet))
                            : NULL;
      if (sheet == NULL)
        continue;

      write.sheet_name = sheet->name;
      write.sheet_part = sheet->part;
      write.row = place->row;
      if (sheet->met_column >= 0)
        {
          /* The workbook's validation list: not translated. */
          write.column = sheet->met_column;
          write.value = evident_export_counts_as_met (item->status) ? "Yes" : "No";
          g_array_append_val (writes, write);
        }
      if (sheet->response_column >= 0)
        {
          char *response = hand_in_response (item);

          g_ptr_array_add (texts, response);
          write.column = sheet->response_column;
          write.value = response;
          g_array_append_val (writes, write);
        }
    }

  if (writes->len == 0)
    {
      g_set_error (error, EVIDENT_EXPORT_ERROR, EVIDENT_EXPORT_ERROR_NO_WORKBOOK,
                   _("“%s” has no “Met?” or “Partner Response” column to answer in; export as "
                     "XLSX instead"),
                   job->source->filename);
      return FALSE;
    }

  return evident_xlsx_patch_save (job->workbook, job->source->filename,
                                  (const EvidentCellWrite *) writes->data, writes->len,
                                  job->destination, cancellable, error);
}

/* A fresh workbook */

typedef enum
{
  COLUMN_REF,
  COLUMN_CHAPTER,
  COLUMN_CHAPTER_TITLE,
  COLUMN_SECTION,
  COLUMN_SECTION_TITLE,
  COLUMN_TITLE,
  COLUMN_REQUIREMENT,
  COLUMN_EVIDENCE_HINT,
  COLUMN_POINTS,
  COLUMN_MANDATORY,
  COLUMN_STATUS,
  COLUMN_OWNER,
  COLUMN_COMPLEXITY,
  COLUMN_DUE,
  COLUMN_REASON,
  COLUMN_RESPONSE,
  COLUMN_NOTE,
  COLUMN_EVIDENCE,
  N_COLUMNS
} ItemColumn;

static EvidentXlsxTable *
new_items_table (const ExportExtraColumns *extra)
{
  const struct
  {
    const char *header;
    double      width;
    gboolean    wrap;
  } columns[N_COLUMNS] = {
    [COLUMN_REF] = { C_("export column", "Reference"), 12, FALSE },
    [COLUMN_CHAPTER] = { C_("export column", "Chapter"), 10, FALSE },
    [COLUMN_CHAPTER_TITLE] = { C_("export column", "Chapter title"), 24, TRUE },
    [COLUMN_SECTION] = { C_("export column", "Section"), 10, FALSE },
    [COLUMN_SECTION_TITLE] = { C_("export column", "Section title"), 24, TRUE },
    [COLUMN_TITLE] = { C_("export column", "Title"), 36, TRUE },
    [COLUMN_REQUIREMENT] = { C_("export column", "Requirement"), 60, TRUE },
    [COLUMN_EVIDENCE_HINT] = { C_("export column", "Expected evidence"), 40, TRUE },
    [COLUMN_POINTS] = { C_("export column", "Points"), 8, FALSE },
    [COLUMN_MANDATORY] = { C_("export column", "Mandatory"), 11, FALSE },
    [COLUMN_STATUS] = { C_("export column", "Status"), 16, FALSE },
    [COLUMN_OWNER] = { C_("export column", "Owner"), 20, FALSE },
    [COLUMN_COMPLEXITY] = { C_("export column", "Complexity"), 12, FALSE },
    [COLUMN_DUE] = { C_("export column", "Due date"), 12, FALSE },
    [COLUMN_REASON] = { C_("export column", "Reason"), 30, TRUE },
    [COLUMN_RESPONSE] = { C_("export column", "Response"), 50, TRUE },
    [COLUMN_NOTE] = { C_("export column", "Notes"), 40, TRUE },
    /* Not "Evidence": the import would read that as the expected evidence. */
    [COLUMN_EVIDENCE] = { C_("export column", "Evidence provided"), 40, TRUE },
  };
  /* Translators: the name of a sheet (at most 31 characters) */
  EvidentXlsxTable *table = evident_xlsx_table_new (C_("export sheet", "Items"));

  for (guint c = 0; c < N_COLUMNS; c++)
    evident_xlsx_table_add_column (table, columns[c].header, columns[c].width,
                                   columns[c].wrap ? EVIDENT_XLSX_COLUMN_WRAP
                                                   : EVIDENT_XLSX_COLUMN_DEFAULT);
  for (guint c = 0; c < extra->names->len; c++)
    evident_xlsx_table_add_column (table, g_ptr_array_index (extra->names, c), 20,
                                   EVIDENT_XLSX_COLUMN_WRAP);
  return table;
}

static void
add_item_row (EvidentXlsxTable         *table,
              const ExportJob          *job,
              const ExportItem         *item,
              const ExportExtraColumns *extra)
{
  guint row = evident_xlsx_table_add_row (table);
  g_autofree char *evidence = evident_export_evidence_list (item, "");
  const char *texts[N_COLUMNS] = {
    [COLUMN_REF] = item->ref,
    [COLUMN_CHAPTER] = item->chapter,
    [COLUMN_CHAPTER_TITLE] = item->chapter_title,
    [COLUMN_SECTION] = item->section,
    [COLUMN_SECTION_TITLE] = item->section_title,
    [COLUMN_TITLE] = item->title,
    [COLUMN_REQUIREMENT] = item->requirement,
    [COLUMN_EVIDENCE_HINT] = item->evidence_hint,
    [COLUMN_MANDATORY] = item->mandatory ? C_("export value", "Yes") : C_("export value", "No"),
    [COLUMN_STATUS] = evident_status_get_label (item->status),
    [COLUMN_OWNER] = item->owner,
    [COLUMN_COMPLEXITY] = item->complexity != EVIDENT_COMPLEXITY_NONE
                              ? evident_complexity_get_label (item->complexity)
                              : "",
    [COLUMN_DUE] = item->due,
    [COLUMN_REASON] = item->reason,
    [COLUMN_RESPONSE] = item->response,
    [COLUMN_NOTE] = item->note,
    [COLUMN_EVIDENCE] = evidence,
  };
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (texts[c] != NULL && *texts[c] != '\0')
        evident_xlsx_table_set_string (table, row, c, texts[c]);
    }
  if (job->rules.mode == EVIDENT_SCORE_MODE_POINTS || job->any_points)
    evident_xlsx_table_set_number (table, row, COLUMN_POINTS, item->points);

  for (guint c = 0; c < extra->names->len; c++)
    {
      const char *name = g_ptr_array_index (extra->names, c);
      guint nth = GPOINTER_TO_UINT (g_hash_table_lookup (seen, name));
      const char *value = evident_export_extra_value (item, name, nth);

      g_hash_table_insert (seen, (gpointer) name, GUINT_TO_POINTER (nth + 1));
      if (*value != '\0')
        evident_xlsx_table_set_string (table, row, N_COLUMNS + c, value);
    }
}

static EvidentXlsxTable *
new_summary_table (const ExportJob *job)
{
  /* Translators: the name of a sheet (at most 31 characters) */
  EvidentXlsxTable *table = evident_xlsx_table_new (C_("export sheet", "Summary"));
  gboolean points = job->rules.mode == EVIDENT_SCORE_MODE_POINTS;

  evident_xlsx_table_add_column (table, C_("export column", "View"), 16,
                                 EVIDENT_XLSX_COLUMN_DEFAULT);
  /* Not "Score": the import would read that as points. */
  evident_xlsx_table_add_column (table, C_("export column", "Result"), 10,
                                 EVIDENT_XLSX_COLUMN_DEFAULT);
  evident_xlsx_table_add_column (table, C_("export column", "Pass line"), 28,
                                 EVIDENT_XLSX_COLUMN_WRAP);
  evident_xlsx_table_add_column (table, C_("export column", "Passes"), 8,
                                 EVIDENT_XLSX_COLUMN_DEFAULT);
  evident_xlsx_table_add_column (table, C_("export column", "Items counted"), 14,
                                 EVIDENT_XLSX_COLUMN_DEFAULT);
  evident_xlsx_table_add_column (table, C_("export column", "Mandatory items open"), 20,
                                 EVIDENT_XLSX_COLUMN_DEFAULT);

  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      guint row = evident_xlsx_table_add_row (table);
      g_autofree char *pass_line = NULL;

      if (points)
        {
          g_autofree char *max_score = g_strdup_printf ("%" G_GINT64_FORMAT, job->max_score);

          /* Translators: the pass line of a checklist with points, e.g.
           * "900 of 1000 points" */
          pass_line = g_strdup_printf (C_("export value", "%d of %s points"),
                                       job->rules.pass_score, max_score);
        }
      else
        pass_line = g_strdup (C_("export value", "Every mandatory item met"));

      evident_xlsx_table_set_string (table, row, 0, evident_view_get_label (v));
      evident_xlsx_table_set_string (table, row, 1, job->scores[v]);
      evident_xlsx_table_set_string (table, row, 2, pass_line);
      evident_xlsx_table_set_string (table, row, 3,
                                     job->views[v].pass ? C_("export value", "Yes")
                                                        : C_("export value", "No"));
      evident_xlsx_table_set_number (table, row, 4, job->views[v].n_counted);
      evident_xlsx_table_set_number (table, row, 5, job->views[v].n_mandatory_open);
    }
  return table;
}

/**
 * evident_export_write_xlsx:
 *
 * Writes the items and the summary as a fresh workbook.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_export_write_xlsx (ExportJob     *job,
                           GCancellable  *cancellable,
                           GError       **error)
{
  ExportExtraColumns extra;
  EvidentXlsxTable *tables[2];
  gboolean ok;

  evident_export_extra_columns_init (&extra, job->items, NULL);
  tables[0] = new_items_table (&extra);
  for (guint i = 0; i < job->items->len; i++)
    add_item_row (tables[0], job, g_ptr_array_index (job->items, i), &extra);
  tables[1] = new_summary_table (job);

  ok = evident_xlsx_write_tables (job->destination, tables, G_N_ELEMENTS (tables), cancellable,
                                  error);

  evident_xlsx_table_free (tables[0]);
  evident_xlsx_table_free (tables[1]);
  evident_export_extra_columns_clear (&extra);
  return ok;
}
