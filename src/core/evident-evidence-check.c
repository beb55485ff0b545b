/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-evidence-check.h"

/*
 * Items met without evidence: the status says an item is met, yet nothing
 * shows it to the auditor. Not applicable items need none. The answers
 * come from the evidence store's lists, which follow every addition,
 * removal, undo and redo.
 */

/**
 * evident_item_is_met_without_evidence:
 * @item: an item of @project
 * @project: its project
 *
 * Returns: whether @item is met and has no evidence (none that was not
 *   removed)
 */
gboolean
evident_item_is_met_without_evidence (EvidentItem    *item,
                                      EvidentProject *project)
{
  g_autoptr (GListModel) evidence = NULL;

  g_return_val_if_fail (EVIDENT_IS_ITEM (item), FALSE);
  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), FALSE);

  if (evident_item_get_status (item) != EVIDENT_STATUS_MET)
    return FALSE;

  evidence = evident_evidence_store_list (evident_evidence_store_get_for_project (project), item);
  return g_list_model_get_n_items (evidence) == 0;
}

/**
 * evident_project_dup_met_without_evidence:
 * @project: a project
 *
 * Returns: (transfer container) (element-type EvidentItem): the items met
 *   without evidence, in checklist order; the project holds them
 */
GPtrArray *
evident_project_dup_met_without_evidence (EvidentProject *project)
{
  g_autoptr (GListModel) all = NULL;
  g_autoptr (GHashTable) with_evidence = NULL;
  GPtrArray *found;
  GListModel *items;
  guint n;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);

  /* One pass over the project's evidence rather than a list per item. */
  all = evident_evidence_store_list (evident_evidence_store_get_for_project (project), NULL);
  with_evidence = g_hash_table_new (NULL, NULL);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentEvidence) evidence = g_list_model_get_item (all, i);

      g_hash_table_add (with_evidence, evident_evidence_get_item (evidence));
    }

  found = g_ptr_array_new ();
  items = evident_project_get_items (project);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (evident_item_get_status (item) == EVIDENT_STATUS_MET
          && !g_hash_table_contains (with_evidence, item))
        g_ptr_array_add (found, item);
    }
  return found;
}
