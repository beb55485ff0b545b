/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evident-enums-util.h"
#include "evident-recheck.h"

/*
 * Checklist revisions as the window tells of them: where an item was and
 * is ("Came across the update to 4.2: was 8.2.1 in 4.1", from the history
 * rows a revision writes), why an item needs a re-check ("Needs re-check
 * after the update to 4.2: was Met"), and how many do.
 */

/**
 * evident_recheck_parse_place:
 * @place: where an item was or is, as a revision's history row says it:
 *   "8.2.1 (4.1)", or "8.2.1" when the version has no label
 * @ref: (out) (transfer full): the reference
 * @label: (out) (transfer full) (nullable): the version's label, %NULL when
 *   none
 *
 * Returns: %FALSE for an empty place (the item was not in the checklist)
 */
gboolean
evident_recheck_parse_place (const char  *place,
                             char       **ref,
                             char       **label)
{
  const char *open;
  gsize len;

  *ref = NULL;
  *label = NULL;
  if (place == NULL || *place == '\0')
    return FALSE;

  len = strlen (place);
  open = g_strrstr (place, " (");
  if (open != NULL && place[len - 1] == ')' && open + 2 < place + len - 1)
    {
      *ref = g_strndup (place, open - place);
      *label = g_strndup (open + 2, place + len - 1 - (open + 2));
    }
  else
    *ref = g_strdup (place);
  return TRUE;
}

/**
 * evident_recheck_describe_place:
 * @old_place: (nullable): where the item was ("8.2.1 (4.1)"), "" for none
 * @new_place: (nullable): where it is, "" for none
 *
 * Returns: (transfer full): a revision's history row in words
 */
char *
evident_recheck_describe_place (const char *old_place,
                                const char *new_place)
{
  g_autofree char *old_ref = NULL;
  g_autofree char *old_label = NULL;
  g_autofree char *new_ref = NULL;
  g_autofree char *new_label = NULL;
  g_autofree char *was = NULL;
  gboolean had_old = evident_recheck_parse_place (old_place, &old_ref, &old_label);
  gboolean has_new = evident_recheck_parse_place (new_place, &new_ref, &new_label);

  if (!had_old && !has_new)
    return g_strdup (_("Came across a checklist update"));

  if (!had_old)
    {
      if (new_label != NULL)
        /* Translators: an item's history: a revision added it; the
         * version's label and the item's reference, e.g. "Added by the
         * update to 4.2 as 4.1" */
        return g_strdup_printf (_("Added by the update to %s as %s"), new_label, new_ref);
      /* Translators: an item's history: a revision added it as %s */
      return g_strdup_printf (_("Added by a checklist update as %s"), new_ref);
    }

  if (old_label != NULL)
    /* Translators: where an item was before a revision, e.g. "was 8.2.1 in 4.1" */
    was = g_strdup_printf (_("was %s in %s"), old_ref, old_label);
  else
    /* Translators: where an item was before a revision, e.g. "was 8.2.1" */
    was = g_strdup_printf (_("was %s"), old_ref);

  if (!has_new)
    /* Translators: an item's history: a revision took it out; %s says
     * where it was, e.g. "was 1.3 in 4.1" */
    return g_strdup_printf (_("Left the checklist in an update: %s; kept in the archive"), was);
  if (new_label != NULL)
    /* Translators: an item's history: it came across a revision; the new
     * version's label, then where it was, e.g. "Came across the update to
     * 4.2: was 8.2.1 in 4.1" */
    return g_strdup_printf (_("Came across the update to %s: %s"), new_label, was);
  /* Translators: an item's history: it came across a revision; %s says where it was */
  return g_strdup_printf (_("Came across a checklist update: %s"), was);
}

/**
 * evident_recheck_dup_version:
 * @project: a project
 * @item: an item of it
 *
 * Returns: (transfer full) (nullable): the label of the version whose
 *   update the item came across last (from its history), %NULL when
 *   unknown
 */
char *
evident_recheck_dup_version (EvidentProject *project,
                             EvidentItem    *item)
{
  g_autoptr (GPtrArray) entries = evident_project_get_history (project, item, NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      EvidentHistoryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *ref = NULL;
      g_autofree char *label = NULL;

      if (entry->field != EVIDENT_ITEM_FIELD_REVISION || g_strcmp0 (entry->kind, "edit") != 0)
        continue;
      if (evident_recheck_parse_place (entry->new_value, &ref, &label) && label != NULL)
        return g_steal_pointer (&label);
    }
  return NULL;
}

/**
 * evident_recheck_describe:
 * @project: a project
 * @item: an item that needs a re-check
 *
 * Returns: (transfer full): why, in words: "Needs re-check after the
 *   update to 4.2: was Met"
 */
char *
evident_recheck_describe (EvidentProject *project,
                          EvidentItem    *item)
{
  g_autofree char *version = evident_recheck_dup_version (project, item);
  const char *was = evident_status_get_label (evident_item_get_recheck_status (item));

  if (version == NULL)
    version = g_strdup (evident_project_get_checklist_version (project));
  if (version != NULL && *version != '\0')
    /* Translators: why an item needs a re-check: the version of the
     * checklist that reworded it, and the status it had, e.g. "Needs
     * re-check after the update to 4.2: was Met" */
    return g_strdup_printf (_("Needs re-check after the update to %s: was %s"), version, was);
  /* Translators: why an item needs a re-check; %s is the status it had */
  return g_strdup_printf (_("Needs re-check after a checklist update: was %s"), was);
}

/**
 * evident_recheck_count:
 * @project: a project
 * @chapter: (nullable): a chapter's number, %NULL for all the items
 *
 * Returns: how many items (of @chapter) need a re-check
 */
guint
evident_recheck_count (EvidentProject *project,
                       const char     *chapter)
{
  GListModel *items = evident_project_get_items (project);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (evident_item_get_needs_recheck (item)
          && (chapter == NULL || g_strcmp0 (evident_item_get_chapter (item), chapter) == 0))
        n++;
    }
  return n;
}
