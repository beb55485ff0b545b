/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the items carry across a revision of the checklist, and writing the
 * revision into the project file.
 *
 * A new version's item gets the work of the old items it comes from: the
 * one it is paired with (unchanged, moved or reworded), and any merged into
 * it or that it was split from. With none, it starts with the state its
 * file gives, as a new project's items do (not started, usually).
 *
 * - The status is the strongest of theirs (met, ready, in progress, not
 *   met, not started, in that order), not applicable only when all of them
 *   are. When the text changed (reworded, split, merged) a status of met or
 *   ready becomes ready, flagged "needs re-check" with the status it had;
 *   an item flagged before keeps its flag and the status it had then.
 * - Owner, complexity, due date and estimate are the paired item's; where
 *   it has none, the first other's that has one. A value is never
 *   overwritten by a default.
 * - Notes and responses are united: each different text once, the paired
 *   item's first, separated by a blank line. So are reasons for an item
 *   not applicable.
 * - Evidence is united: each file or link of the others that the item does
 *   not have yet is added to it (the bytes are shared, not copied); the
 *   old items keep theirs in the archive.
 *
 * Everything is one transaction and one change of kind "revision"
 * (evident_project_commit_revision()): the new version with its items and
 * mapping, new items' rows, the evidence added, the fields of the items
 * carried across (history rows, so that undo restores them), a history row
 * per item saying where it was and is ("8.2.1 (4.1)" → "8.3.1 (4.2)"), and
 * the new version materialised. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evident-enums-util.h"
#include "evident-enums.h"
#include "evident-history.h"
#include "evident-item-private.h"
#include "evident-project-private.h"
#include "evident-project-source.h"
#include "evident-revision-private.h"
#include "evident-revision-store.h"

/* Carrying */

static int
status_rank (EvidentStatus status)
{
  switch (status)
    {
    case EVIDENT_STATUS_MET:
      return 5;
    case EVIDENT_STATUS_READY:
      return 4;
    case EVIDENT_STATUS_IN_PROGRESS:
      return 3;
    case EVIDENT_STATUS_NOT_MET:
      return 2;
    case EVIDENT_STATUS_NOT_STARTED:
      return 1;
    case EVIDENT_STATUS_NOT_APPLICABLE:
    default:
      return 0;
    }
}

/* The first of the sources' values that is not empty. */
static char *
first_value (GPtrArray        *sources,
             EvidentItemField  field)
{
  for (guint i = 0; i < sources->len; i++)
    {
      const char *value = evident_item_get_field (g_ptr_array_index (sources, i), field);

      if (*value != '\0' && !(field == EVIDENT_ITEM_FIELD_COMPLEXITY
                              && g_str_equal (value, evident_complexity_to_string (
                                                         EVIDENT_COMPLEXITY_NONE))))
        return g_strdup (value);
    }
  return NULL;
}

/* Every different value of the sources, once, in order. */
static char *
united_value (GPtrArray        *sources,
              EvidentItemField  field,
              gboolean          not_applicable_only)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();
  GString *united = g_string_new (NULL);

  for (guint i = 0; i < sources->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (sources, i);
      const char *value = evident_item_get_field (item, field);

      if (*value == '\0' || g_ptr_array_find_with_equal_func (seen, value, g_str_equal, NULL)
          || (not_applicable_only
              && evident_item_get_status (item) != EVIDENT_STATUS_NOT_APPLICABLE))
        continue;
      g_ptr_array_add (seen, (gpointer) value);
      if (united->len > 0)
        g_string_append (united, "\n\n");
      g_string_append (united, value);
    }
  if (united->len == 0)
    {
      g_string_free (united, TRUE);
      return NULL;
    }
  return g_string_free (united, FALSE);
}

/* The state the file gives an item that no old item goes into, as a new
 * project's items get theirs. */
static void
carry_from_file (EvidentCarried              *carried,
                 const EvidentChecklistEntry *entry)
{
  const EvidentChecklistState *given = &entry->state;

  carried->status = given->has_status && given->status < EVIDENT_N_STATUSES
                        ? given->status
                        : EVIDENT_STATUS_NOT_STARTED;
  carried->reason = g_strdup (given->reason);
  if (carried->status == EVIDENT_STATUS_NOT_APPLICABLE
      && (carried->reason == NULL || *carried->reason == '\0'))
    {
      g_free (carried->reason);
      carried->reason = g_strdup (_("Not applicable according to the imported checklist"));
    }
  if (given->owner != NULL
      && !evident_owner_split (given->owner, &carried->owner, &carried->owner_email, NULL))
    carried->owner = g_strstrip (g_strdup (given->owner));
  carried->complexity = given->complexity < EVIDENT_N_COMPLEXITIES ? given->complexity
                                                                   : EVIDENT_COMPLEXITY_NONE;
  carried->note = g_strdup (given->note);
  carried->response = g_strdup (given->response);
  if (given->due != NULL && !evident_date_normalize (given->due, &carried->due))
    carried->due = NULL;
}

/* The status and re-check flag from the sources (the header's rules). */
static void
carry_status (EvidentCarried *carried,
              GPtrArray      *sources)
{
  EvidentItem *best = NULL;

  for (guint i = 0; i < sources->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (sources, i);
      EvidentStatus status = evident_item_get_status (item);

      if (status != EVIDENT_STATUS_NOT_APPLICABLE
          && (best == NULL || status_rank (status) > status_rank (evident_item_get_status (best))))
        best = item;
    }

  if (best == NULL)
    {
      carried->status = EVIDENT_STATUS_NOT_APPLICABLE;
      carried->reason = united_value (sources, EVIDENT_ITEM_FIELD_REASON, TRUE);
      return;
    }

  carried->status = evident_item_get_status (best);
  if (evident_item_get_needs_recheck (best))
    carried->recheck = g_strdup (evident_item_get_field (best, EVIDENT_ITEM_FIELD_RECHECK));
  if (carried->text_changed
      && (carried->status == EVIDENT_STATUS_MET || carried->status == EVIDENT_STATUS_READY))
    {
      if (carried->recheck == NULL)
        carried->recheck = g_strdup (evident_status_to_string (carried->status));
      carried->status = EVIDENT_STATUS_READY;
    }
  if (carried->primary != NULL)
    carried->reason = g_strdup (evident_item_get_field (carried->primary,
                                                        EVIDENT_ITEM_FIELD_REASON));
}

/* Which old items go into the new item @new_index. */
static void
find_sources (EvidentCarried             *carried,
              const EvidentRevisionInput *input,
              guint                       new_index)
{
  const EvidentMatchResult *result = evident_revision_match_get_new (input->match, new_index);

  carried->others = g_ptr_array_new ();
  switch (result->relation)
    {
    case EVIDENT_REVISION_UNCHANGED:
    case EVIDENT_REVISION_MOVED:
    case EVIDENT_REVISION_REWORDED:
      carried->primary = g_ptr_array_index (input->old_items, result->partner);
      carried->text_changed = result->relation == EVIDENT_REVISION_REWORDED;
      break;
    case EVIDENT_REVISION_SPLIT:
      g_ptr_array_add (carried->others, g_ptr_array_index (input->old_items, result->partner));
      carried->text_changed = TRUE;
      break;
    case EVIDENT_REVISION_NEW:
    case EVIDENT_REVISION_MERGED:
    case EVIDENT_REVISION_REMOVED:
    default:
      break;
    }

  for (guint i = 0; i < input->old_items->len; i++)
    {
      const EvidentMatchResult *old = evident_revision_match_get_old (input->match, i);

      if (old->relation == EVIDENT_REVISION_MERGED && old->partner == (int) new_index)
        {
          g_ptr_array_add (carried->others, g_ptr_array_index (input->old_items, i));
          carried->text_changed = TRUE;
        }
    }
}

/**
 * evident_carried_compute:
 * @carried: (out caller-allocates): what the item carries
 * @input: the revision
 * @new_index: one of the new version's items
 *
 * What the new version's item @new_index gets from the old items it
 * comes from, as they are now (the file header says how).
 */
void
evident_carried_compute (EvidentCarried             *carried,
                         const EvidentRevisionInput *input,
                         guint                       new_index)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new ();
  g_autofree char *complexity = NULL;

  memset (carried, 0, sizeof *carried);
  find_sources (carried, input, new_index);
  if (carried->primary == NULL && carried->others->len == 0)
    {
      carry_from_file (carried, g_ptr_array_index (input->new_entries, new_index));
      return;
    }

  if (carried->primary != NULL)
    g_ptr_array_add (sources, carried->primary);
  g_ptr_array_extend (sources, carried->others, NULL, NULL);

  carry_status (carried, sources);
  carried->owner = first_value (sources, EVIDENT_ITEM_FIELD_OWNER);
  complexity = first_value (sources, EVIDENT_ITEM_FIELD_COMPLEXITY);
  if (complexity == NULL || !evident_complexity_from_string (complexity, &carried->complexity))
    carried->complexity = EVIDENT_COMPLEXITY_NONE;
  carried->due = first_value (sources, EVIDENT_ITEM_FIELD_DUE);
  carried->estimate = first_value (sources, EVIDENT_ITEM_FIELD_ESTIMATE);
  carried->note = united_value (sources, EVIDENT_ITEM_FIELD_NOTE, FALSE);
  carried->response = united_value (sources, EVIDENT_ITEM_FIELD_RESPONSE, FALSE);
}

void
evident_carried_clear (EvidentCarried *carried)
{
  g_clear_pointer (&carried->others, g_ptr_array_unref);
  g_clear_pointer (&carried->recheck, g_free);
  g_clear_pointer (&carried->owner, g_free);
  g_clear_pointer (&carried->owner_email, g_free);
  g_clear_pointer (&carried->reason, g_free);
  g_clear_pointer (&carried->note, g_free);
  g_clear_pointer (&carried->due, g_free);
  g_clear_pointer (&carried->estimate, g_free);
  g_clear_pointer (&carried->response, g_free);
}

/* Writing */

typedef struct
{
  const EvidentRevisionInput *input;
  EvidentCarried             *carried;  /* one per new item */
  gint64                     *item_ids; /* one per new item */
  char                       *old_label;
} Writing;

/* "8.2.1 (4.1)": where an item was or is, for its history. */
static char *
describe_place (const char *ref,
                const char *label)
{
  if (label == NULL || *label == '\0')
    return g_strdup (ref);
  return g_strdup_printf ("%s (%s)", ref, label);
}

/* The carried item's fields that change: edits, with history rows. */
static void
add_state_edits (GArray               *edits,
                 const EvidentCarried *carried)
{
  EvidentItem *item = carried->primary;
  /* The fields a revision carries; any other stays as it is. */
  const struct
  {
    EvidentItemField  field;
    const char       *value;
  } values[] = {
    { EVIDENT_ITEM_FIELD_STATUS, evident_status_to_string (carried->status) },
    { EVIDENT_ITEM_FIELD_OWNER, carried->owner },
    { EVIDENT_ITEM_FIELD_COMPLEXITY, evident_complexity_to_string (carried->complexity) },
    { EVIDENT_ITEM_FIELD_REASON, carried->reason },
    { EVIDENT_ITEM_FIELD_NOTE, carried->note },
    { EVIDENT_ITEM_FIELD_DUE, carried->due },
    { EVIDENT_ITEM_FIELD_RESPONSE, carried->response },
    { EVIDENT_ITEM_FIELD_ESTIMATE, carried->estimate },
    { EVIDENT_ITEM_FIELD_RECHECK, carried->recheck },
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      EvidentItemField f = values[i].field;
      const char *value = values[i].value != NULL ? values[i].value : "";

      if (!g_str_equal (value, evident_item_get_field (item, f)))
        evident_edits_add (edits, item, 0, f, evident_item_get_field (item, f), value);
    }
}

static void
add_place_edit (GArray      *edits,
                EvidentItem *item,
                gint64       item_id,
                const char  *old_place,
                const char  *new_place)
{
  evident_edits_add (edits, item, 0, EVIDENT_ITEM_FIELD_REVISION, old_place, new_place);
  g_array_index (edits, EvidentEdit, edits->len - 1).item_id = item_id;
}

static gboolean
add_version (Writing  *writing,
             gint64   *version_id,
             GError  **error)
{
  const EvidentRevisionInput *input = writing->input;
  EvidentDb *db = evident_project_get_db (input->project);
  g_autoptr (GEnumClass) layouts = g_type_class_ref (EVIDENT_TYPE_IMPORT_LAYOUT);
  g_autofree char *mapping = NULL;
  EvidentVersionRow row = {
    .label = input->label,
    .source = input->source,
    .layout = g_enum_get_value (layouts, evident_import_get_layout (input->import))->value_nick,
    .mode = input->mode_after,
  };

  for (guint i = 0; i < evident_import_get_n_sheets (input->import) && mapping == NULL; i++)
    {
      g_autoptr (EvidentImportMapping) sheet_mapping = NULL;

      if (evident_import_get_sheet_status (input->import, i) != EVIDENT_IMPORT_SHEET_USED)
        continue;
      sheet_mapping = evident_import_dup_mapping (input->import, i);
      mapping = evident_import_mapping_to_string (sheet_mapping);
    }
  row.mapping = mapping;

  if ((row.change_id = evident_revision_store_last_change (db, error)) < 0
      || (row.previous_id = evident_revision_store_get_current (db, error)) < 0
      || (row.previous_id == 0
          && (!evident_revision_store_record_initial (db, error)
              || (row.previous_id = evident_revision_store_get_current (db, error)) <= 0))
      || (row.workbook_id = evident_source_write_workbook (db, input->import, error)) < 0)
    return FALSE;
  *version_id = evident_revision_store_add_version (db, &row, error);
  return *version_id > 0;
}

/* The new version's items: the old ones' rows for those paired, new rows
 * for the others. */
static gboolean
add_items (Writing  *writing,
           gint64    version_id,
           GError  **error)
{
  const EvidentRevisionInput *input = writing->input;
  EvidentDb *db = evident_project_get_db (input->project);

  for (guint j = 0; j < input->new_entries->len; j++)
    {
      const EvidentCarried *carried = &writing->carried[j];
      EvidentItemState state = {
        carried->status, carried->recheck, carried->owner, carried->owner_email,
        carried->complexity, carried->reason, carried->note, carried->due, carried->response,
        carried->estimate,
      };

      writing->item_ids[j] = carried->primary != NULL ? evident_item_get_id (carried->primary)
                                                      : evident_revision_store_add_item (db, &state,
                                                                                         error);
      if (writing->item_ids[j] < 0
          || !evident_revision_store_add_version_item (db, version_id, writing->item_ids[j], j,
                                                       g_ptr_array_index (input->new_entries, j),
                                                       error))
        return FALSE;
    }
  return TRUE;
}

/* The mapping, and each item's history row about the revision. */
static gboolean
add_mapping (Writing  *writing,
             gint64    version_id,
             GArray   *edits,
             GError  **error)
{
  const EvidentRevisionInput *input = writing->input;
  EvidentDb *db = evident_project_get_db (input->project);

  for (guint j = 0; j < input->new_entries->len; j++)
    {
      const EvidentMatchResult *result = evident_revision_match_get_new (input->match, j);
      const EvidentChecklistEntry *entry = g_ptr_array_index (input->new_entries, j);
      EvidentItem *old = result->partner >= 0
                             ? g_ptr_array_index (input->old_items, result->partner)
                             : NULL;
      EvidentItem *primary = writing->carried[j].primary;
      g_autofree char *old_place = NULL;
      g_autofree char *new_place = describe_place (entry->ref, input->label);

      /* A part split from an old item says it was that one. */
      if (old != NULL)
        old_place = describe_place (evident_item_get_ref (old), writing->old_label);
      if (!evident_revision_store_add_mapping (db, version_id,
                                               old != NULL ? evident_item_get_id (old) : 0,
                                               writing->item_ids[j],
                                               old != NULL ? evident_item_get_ref (old) : NULL,
                                               entry->ref, result->relation, result->similarity,
                                               result->manual, error))
        return FALSE;
      add_place_edit (edits, primary, writing->item_ids[j], old_place, new_place);
    }

  for (guint i = 0; i < input->old_items->len; i++)
    {
      const EvidentMatchResult *result = evident_revision_match_get_old (input->match, i);
      EvidentItem *old = g_ptr_array_index (input->old_items, i);
      const EvidentChecklistEntry *entry = NULL;
      g_autofree char *old_place = NULL;

      if (result->relation != EVIDENT_REVISION_MERGED
          && result->relation != EVIDENT_REVISION_REMOVED)
        continue;
      if (result->partner >= 0)
        entry = g_ptr_array_index (input->new_entries, result->partner);
      if (!evident_revision_store_add_mapping (
              db, version_id, evident_item_get_id (old),
              result->partner >= 0 ? writing->item_ids[result->partner] : 0,
              evident_item_get_ref (old), entry != NULL ? entry->ref : NULL, result->relation,
              result->similarity, result->manual, error))
        return FALSE;
      old_place = describe_place (evident_item_get_ref (old), writing->old_label);
      add_place_edit (edits, old, 0, old_place, "");
    }
  return TRUE;
}

/* Unites the evidence of the items merged or split into each new item with
 * its own: added as edits to an item carried across (undone like any
 * addition), as rows of its own to a new item. */
static gboolean
add_evidence (Writing  *writing,
              GArray   *edits,
              GError  **error)
{
  const EvidentRevisionInput *input = writing->input;
  EvidentDb *db = evident_project_get_db (input->project);

  for (guint j = 0; j < input->new_entries->len; j++)
    {
      const EvidentCarried *carried = &writing->carried[j];

      for (guint k = 0; k < carried->others->len; k++)
        {
          EvidentItem *other = g_ptr_array_index (carried->others, k);
          g_autoptr (GArray) copies = evident_evidence_copies_new ();

          if (!evident_revision_store_copy_evidence (db, evident_item_get_id (other),
                                                     writing->item_ids[j],
                                                     carried->primary != NULL, copies, error))
            return FALSE;
          for (guint c = 0; carried->primary != NULL && c < copies->len; c++)
            {
              const EvidentEvidenceCopy *copy = &g_array_index (copies, EvidentEvidenceCopy, c);

              evident_edits_add (edits, carried->primary, copy->id, EVIDENT_ITEM_FIELD_EVIDENCE,
                                 "", copy->title);
            }
        }
    }
  return TRUE;
}

/* Inside the revision's transaction, once its change is written. */
static gboolean
write_cb (EvidentDb  *db,
          GArray     *edits,
          gpointer    user_data,
          GError    **error)
{
  Writing *writing = user_data;
  gint64 version_id;

  return add_version (writing, &version_id, error) && add_items (writing, version_id, error)
         && add_mapping (writing, version_id, edits, error) && add_evidence (writing, edits, error)
         && evident_revision_store_materialize (db, version_id, error);
}

/**
 * evident_revision_write:
 * @input: a revision, checked
 * @error: return location for an error
 *
 * Applies the revision to the project: one transaction, one step to undo.
 *
 * Returns: %TRUE when applied
 */
gboolean
evident_revision_write (const EvidentRevisionInput  *input,
                        GError                     **error)
{
  guint n_new = input->new_entries->len;
  g_autofree EvidentCarried *carried = g_new0 (EvidentCarried, MAX (n_new, 1));
  g_autofree gint64 *item_ids = g_new0 (gint64, MAX (n_new, 1));
  g_autoptr (GArray) edits = evident_edits_new ();
  Writing writing = { input, carried, item_ids, NULL };
  gboolean ok;

  writing.old_label = g_strdup (evident_project_get_checklist_version (input->project));
  for (guint j = 0; j < n_new; j++)
    {
      evident_carried_compute (&carried[j], input, j);
      if (carried[j].primary != NULL)
        add_state_edits (edits, &carried[j]);
    }

  ok = evident_project_commit_revision (input->project, edits, write_cb, &writing, error);

  for (guint j = 0; j < n_new; j++)
    evident_carried_clear (&carried[j]);
  g_free (writing.old_label);
  return ok;
}
