/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What a report shows, copied from the project on the main thread: plain
 * strings and numbers that any thread may lay out and draw while the
 * project goes on changing. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "evident-chapter.h"
#include "evident-enums-util.h"
#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-project.h"
#include "evident-report-private.h"

static void
evidence_free (gpointer data)
{
  EvidentReportEvidence *evidence = data;

  g_free (evidence->title);
  g_free (evidence->sha256);
  g_free (evidence->url);
  g_free (evidence);
}

static void
item_free (gpointer data)
{
  EvidentReportItem *item = data;

  g_free (item->ref);
  g_free (item->title);
  g_free (item->requirement);
  g_free (item->owner);
  g_free (item->due);
  g_free (item->chapter);
  g_clear_pointer (&item->evidence, g_ptr_array_unref);
  g_free (item);
}

static void
chapter_free (gpointer data)
{
  EvidentReportChapter *chapter = data;

  g_free (chapter->number);
  g_free (chapter->title);
  g_clear_pointer (&chapter->items, g_ptr_array_unref);
  g_free (chapter);
}

static char *
dup_nonempty (const char *string)
{
  return string != NULL && *string != '\0' ? g_strdup (string) : NULL;
}

static EvidentReportItem *
copy_item (EvidentItem          *item,
           EvidentEvidenceStore *store,
           const EvidentRules   *rules)
{
  EvidentReportItem *copy = g_new0 (EvidentReportItem, 1);
  g_autoptr (GListModel) evidence = evident_evidence_store_list (store, item);

  copy->ref = g_strdup (evident_item_get_ref (item));
  copy->title = g_strdup (evident_item_get_title (item));
  copy->requirement = dup_nonempty (evident_item_get_requirement (item));
  copy->owner = dup_nonempty (evident_item_get_owner (item));
  copy->due = dup_nonempty (evident_item_get_due (item));
  copy->chapter = g_strdup (evident_item_get_chapter (item));
  copy->status = evident_item_get_status (item);
  copy->complexity = evident_item_get_complexity (item);
  copy->points = evident_item_get_points (item);
  copy->mandatory = evident_item_get_mandatory (item);
  copy->open = !evident_item_counts_in (item, EVIDENT_VIEW_PROJECTED);
  copy->at_risk = copy->open ? evident_item_get_points_at_risk (item, rules->mandatory_penalty)
                             : 0;
  copy->evidence = g_ptr_array_new_with_free_func (evidence_free);
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr (EvidentEvidence) piece = g_list_model_get_item (evidence, i);
      EvidentReportEvidence *entry = g_new0 (EvidentReportEvidence, 1);

      entry->title = g_strdup (evident_evidence_get_title (piece));
      entry->url = g_strdup (evident_evidence_get_url (piece));
      if (entry->url == NULL)
        entry->sha256 = g_strdup (evident_evidence_get_sha256 (piece));
      g_ptr_array_add (copy->evidence, entry);
    }
  return copy;
}

static gboolean
in_scope (EvidentItem        *item,
          EvidentReportScope  scope,
          const char         *chapter)
{
  switch (scope)
    {
    case EVIDENT_REPORT_SCOPE_ALL:
      return TRUE;
    case EVIDENT_REPORT_SCOPE_OPEN:
      return !evident_item_counts_in (item, EVIDENT_VIEW_PROJECTED);
    case EVIDENT_REPORT_SCOPE_CHAPTER:
      return g_strcmp0 (evident_item_get_chapter (item), chapter) == 0;
    default:
      g_assert_not_reached ();
    }
}

static EvidentReportChapter *
copy_chapter (const EvidentChapterScore *score)
{
  EvidentReportChapter *chapter = g_new0 (EvidentReportChapter, 1);

  chapter->number = g_strdup (score->number);
  chapter->title = g_strdup (evident_translate_title (score->title));
  chapter->n_items = score->n_items;
  chapter->points = score->points;
  chapter->n_mandatory_open = score->n_mandatory_open;
  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      chapter->n_counted[v] = score->n_counted[v];
      chapter->points_counted[v] = score->points_counted[v];
    }
  chapter->items = g_ptr_array_new ();
  return chapter;
}

static gboolean
has_chapter (const EvidentScore *score,
             const char         *number)
{
  for (guint c = 0; c < score->chapters->len; c++)
    if (g_str_equal (g_array_index (score->chapters, EvidentChapterScore, c).number, number))
      return TRUE;
  return FALSE;
}

/* The items in scope, into their chapters; the open mandatory ones; the
 * heat map of them all. */
static void
copy_items (EvidentReportData *data,
            EvidentProject    *project,
            GHashTable        *chapters,
            GHashTable        *copies)
{
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (project);
  GListModel *items = evident_project_get_items (project);
  g_autoptr (GListStore) scoped = g_list_store_new (EVIDENT_TYPE_ITEM);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      EvidentReportChapter *chapter;
      EvidentReportItem *copy;

      data->n_status[evident_item_get_status (item)]++;
      if (!in_scope (item, data->scope, data->scope_chapter))
        continue;
      copy = copy_item (item, store, &data->rules);
      g_ptr_array_add (data->items, copy);
      g_hash_table_insert (copies, item, copy);
      g_list_store_append (scoped, item);
      chapter = g_hash_table_lookup (chapters, copy->chapter);
      if (chapter != NULL)
        g_ptr_array_add (chapter->items, copy);
      if (copy->mandatory && copy->open)
        g_ptr_array_add (data->mandatory_open, copy);
    }
  data->heatmap = evident_heatmap_compute (&data->rules, G_LIST_MODEL (scoped),
                                           EVIDENT_HEATMAP_METRIC_OPEN);
}

/**
 * evident_report_data_new:
 * @scope: which items
 * @chapter: (nullable): the chapter's number, for %EVIDENT_REPORT_SCOPE_CHAPTER
 *
 * Copies what a report shows from @project. Main thread.
 *
 * Returns: (transfer full): the copy, or %NULL when the chapter is not in
 *   the project
 */
EvidentReportData *
evident_report_data_new (EvidentProject      *project,
                         EvidentReportScope   scope,
                         const char          *chapter,
                         GError             **error)
{
  const EvidentScore *score = evident_project_get_score (project);
  g_autoptr (EvidentReportData) data = g_new0 (EvidentReportData, 1);
  g_autoptr (GHashTable) chapters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) copies = g_hash_table_new (NULL, NULL);

  g_atomic_ref_count_init (&data->ref_count);
  data->items = g_ptr_array_new_with_free_func (item_free);
  data->chapters = g_ptr_array_new_with_free_func (chapter_free);
  data->mandatory_open = g_ptr_array_new ();
  data->at_risk = g_ptr_array_new ();

  if (scope == EVIDENT_REPORT_SCOPE_CHAPTER && (chapter == NULL || !has_chapter (score, chapter)))
    {
      g_set_error (error, EVIDENT_REPORT_ERROR, EVIDENT_REPORT_ERROR_NO_SUCH_CHAPTER,
                   _("The project has no chapter “%s”"), chapter != NULL ? chapter : "");
      return NULL;
    }

  data->project_title = g_strdup (evident_project_get_title (project));
  data->checklist_version = g_strdup (evident_project_get_checklist_version (project));
  data->scope = scope;
  data->scope_chapter = g_strdup (chapter);
  data->created = g_date_time_new_now_local ();
  data->rules = score->rules;
  data->max_score = score->max_score;
  data->n_project_items = score->n_items;
  memcpy (data->views, score->views, sizeof data->views);

  for (guint c = 0; c < score->chapters->len; c++)
    {
      const EvidentChapterScore *chapter_score = &g_array_index (score->chapters,
                                                                 EvidentChapterScore, c);
      EvidentReportChapter *copy;

      if (scope == EVIDENT_REPORT_SCOPE_CHAPTER && !g_str_equal (chapter_score->number, chapter))
        continue;
      copy = copy_chapter (chapter_score);
      g_ptr_array_add (data->chapters, copy);
      g_hash_table_insert (chapters, copy->number, copy);
    }

  copy_items (data, project, chapters, copies);
  for (guint i = 0; i < score->at_risk->len; i++)
    {
      EvidentReportItem *copy = g_hash_table_lookup (copies, g_ptr_array_index (score->at_risk, i));

      if (copy != NULL)
        g_ptr_array_add (data->at_risk, copy);
    }
  return g_steal_pointer (&data);
}

EvidentReportData *
evident_report_data_ref (EvidentReportData *data)
{
  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

void
evident_report_data_unref (EvidentReportData *data)
{
  if (data == NULL || !g_atomic_ref_count_dec (&data->ref_count))
    return;

  g_free (data->project_title);
  g_free (data->checklist_version);
  g_free (data->scope_chapter);
  g_clear_pointer (&data->created, g_date_time_unref);
  g_clear_pointer (&data->mandatory_open, g_ptr_array_unref);
  g_clear_pointer (&data->at_risk, g_ptr_array_unref);
  g_clear_pointer (&data->chapters, g_ptr_array_unref);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_clear_pointer (&data->heatmap, evident_heatmap_free);
  g_free (data->pack_digest);
  g_free (data);
}

/* Whether dates follow a locale's conventions: not in the C locale, whose
 * "%x" (12/31/26) reads wrong to most of the world. */
static gboolean
has_date_locale (void)
{
  const char *locale = setlocale (LC_TIME, NULL);

  return locale != NULL && !g_str_equal (locale, "C") && !g_str_equal (locale, "POSIX")
         && !g_str_has_prefix (locale, "C.");
}

/**
 * evident_report_format_date:
 *
 * A date as the locale writes it (31.12.2026 in German), or as ISO 8601
 * (2026-12-31) without a locale.
 *
 * Returns: (transfer full): the date
 */
char *
evident_report_format_date (GDateTime *date)
{
  return g_date_time_format (date, has_date_locale () ? "%x" : "%Y-%m-%d");
}

/* An item's due date (YYYY-MM-DD) as the locale writes it; as it is when
 * it is not a date. */
char *
evident_report_format_due (const char *due)
{
  int year, month, day;
  g_autoptr (GDateTime) date = NULL;

  if (sscanf (due, "%4d-%2d-%2d", &year, &month, &day) == 3)
    date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (due);
  return evident_report_format_date (date);
}
