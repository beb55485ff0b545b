/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A revision of a project's checklist: the plan (what happens to every
 * item, the counts, the score before and after), the pairs made and unmade
 * by hand, the checks before anything changes, and applying it.
 *
 * The plan is made from the project's items as they are and a new version
 * read by the import (any format it takes). The matching
 * (evident-revision-match.c) says which new item is which old one; what
 * each new item then carries across is evident-revision-carry.c's. Nothing
 * changes in the project until evident_revision_apply(). */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evident-enums-util.h"
#include "evident-import.h"
#include "evident-item-private.h"
#include "evident-project.h"
#include "evident-revision-private.h"
#include "evident-scoring-private.h"
#include "evident-xlsx.h"

struct _EvidentRevision
{
  GObject               parent_instance;

  EvidentProject       *project;
  EvidentImport        *import;
  char                 *label;
  gboolean              label_given;
  char                 *file_name;
  EvidentScoreMode      mode_after;

  GPtrArray            *old_items;   /* EvidentItem, the project's when the plan was made */
  GPtrArray            *new_entries; /* the import's */
  GHashTable           *old_by_ref;  /* ref → index + 1 */
  GHashTable           *new_by_ref;  /* ref → index + 1 */
  GPtrArray            *texts;       /* what the match's inputs point to */
  EvidentRevisionMatch *match;

  GListStore           *entries;
  guint                 counts[EVIDENT_N_REVISION_RELATIONS];
  guint                 n_recheck;
  double                matched_share;
  GPtrArray            *warnings;
  EvidentScore         *score_before;
  EvidentScore         *score_after;
  gboolean              applied;
};

G_DEFINE_FINAL_TYPE (EvidentRevision, evident_revision, G_TYPE_OBJECT)
G_DEFINE_QUARK (evident-revision-error-quark, evident_revision_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

/* "4.2" from "msp-checklist-4.2.xlsx"; else the name without extension. */
static char *
guess_label (const char *file_name)
{
  g_autoptr (GRegex) regex = g_regex_new ("[0-9]+(\\.[0-9]+)+", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *base = g_path_get_basename (file_name);
  char *dot;

  if (g_regex_match (regex, base, 0, &match))
    return g_match_info_fetch (match, 0);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static EvidentRevisionInput
get_input (EvidentRevision *self)
{
  return (EvidentRevisionInput) {
    .project = self->project,
    .import = self->import,
    .old_items = self->old_items,
    .new_entries = self->new_entries,
    .match = self->match,
    .label = self->label,
    .source = self->file_name,
    .mode_after = self->mode_after,
  };
}

/* Whether the project stays on points: when the old checklist gave points
 * and the new one does, or neither did, the project keeps its mode (a
 * choice of pass/fail over points stays); else the new version's decides. */
static EvidentScoreMode
find_mode_after (EvidentRevision *self)
{
  const EvidentRules *rules = evident_project_get_rules (self->project);
  EvidentScoreMode new_mode = evident_import_get_mode (self->import);
  gboolean old_points = FALSE;

  for (guint i = 0; i < self->old_items->len && !old_points; i++)
    old_points = evident_item_get_points (g_ptr_array_index (self->old_items, i)) > 0;
  if (old_points == (new_mode == EVIDENT_SCORE_MODE_POINTS))
    return rules->mode;
  return new_mode;
}

static void
add_warnings (EvidentRevision *self)
{
  guint n_old = self->old_items->len;
  guint n_matched = n_old - self->counts[EVIDENT_REVISION_REMOVED];
  EvidentScoreMode mode = evident_project_get_rules (self->project)->mode;

  g_ptr_array_set_size (self->warnings, 0);
  if (evident_revision_get_unrelated (self))
    g_ptr_array_add (self->warnings,
                     g_strdup_printf (_("Only %u of the checklist’s %u items are in the new "
                                        "version: it does not look like a revision of this "
                                        "checklist"),
                                      n_matched, n_old));
  else if (self->matched_share < 0.5)
    g_ptr_array_add (self->warnings,
                     g_strdup_printf (_("Only %u of the checklist’s %u items are in the new "
                                        "version; check the pairs before applying it"),
                                      n_matched, n_old));
  if (self->mode_after != mode)
    g_ptr_array_add (self->warnings,
                     g_strdup (self->mode_after == EVIDENT_SCORE_MODE_PASS_FAIL
                                   ? _("The new version gives no points: the project will be "
                                       "scored pass/fail")
                                   : _("The new version gives points: the project will be "
                                       "scored by points")));
}

/* The plan from the match: entries, counts, warnings, scores. */
static void
rebuild (EvidentRevision *self)
{
  EvidentRevisionInput input = get_input (self);
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) after = g_ptr_array_new_with_free_func (g_object_unref);
  EvidentRules rules = *evident_project_get_rules (self->project);

  memset (self->counts, 0, sizeof self->counts);
  self->n_recheck = 0;

  for (guint j = 0; j < self->new_entries->len; j++)
    {
      const EvidentChecklistEntry *entry = g_ptr_array_index (self->new_entries, j);
      const EvidentMatchResult *result = evident_revision_match_get_new (self->match, j);
      EvidentItem *old = result->partner >= 0
                             ? g_ptr_array_index (self->old_items, result->partner)
                             : NULL;
      g_auto (EvidentCarried) carried = { 0 };
      EvidentItem *item;

      evident_carried_compute (&carried, &input, j);
      g_ptr_array_add (entries, evident_revision_entry_new (
                                    old, entry, result, carried.status, carried.recheck,
                                    carried.primary != NULL || carried.others->len > 0));
      self->counts[result->relation]++;
      self->n_recheck += carried.recheck != NULL ? 1 : 0;

      item = evident_item_new (0, entry->ref, entry->chapter, entry->section, entry->section_title,
                               entry->title, NULL, NULL, entry->points, entry->mandatory);
      evident_item_set_field (item, EVIDENT_ITEM_FIELD_STATUS,
                              evident_status_to_string (carried.status));
      g_ptr_array_add (after, item);
    }

  for (guint i = 0; i < self->old_items->len; i++)
    {
      const EvidentMatchResult *result = evident_revision_match_get_old (self->match, i);
      EvidentItem *old = g_ptr_array_index (self->old_items, i);

      if (result->relation != EVIDENT_REVISION_MERGED
          && result->relation != EVIDENT_REVISION_REMOVED)
        continue;
      g_ptr_array_add (entries, evident_revision_entry_new (
                                    old,
                                    result->partner >= 0
                                        ? g_ptr_array_index (self->new_entries, result->partner)
                                        : NULL,
                                    result, evident_item_get_status (old), NULL, FALSE));
      self->counts[result->relation]++;
    }

  self->matched_share = self->old_items->len == 0
                            ? 1.0
                            : (double) (self->old_items->len
                                        - self->counts[EVIDENT_REVISION_REMOVED])
                                  / self->old_items->len;
  add_warnings (self);

  g_clear_pointer (&self->score_before, evident_score_free);
  self->score_before = evident_score_compute (&rules,
                                              evident_project_get_chapters (self->project),
                                              evident_project_get_items (self->project));
  rules.mode = self->mode_after;
  g_clear_pointer (&self->score_after, evident_score_free);
  self->score_after = evident_score_compute_array (&rules, NULL, (EvidentItem **) after->pdata,
                                                   after->len);

  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);
}

static void
run (EvidentRevision *self)
{
  evident_revision_match_run (self->match);
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* GObject */

static void
evident_revision_finalize (GObject *object)
{
  EvidentRevision *self = EVIDENT_REVISION (object);

  g_clear_object (&self->project);
  g_clear_object (&self->import);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->old_items, g_ptr_array_unref);
  g_clear_pointer (&self->new_entries, g_ptr_array_unref);
  g_clear_pointer (&self->old_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->new_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->match, evident_revision_match_free);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->score_before, evident_score_free);
  g_clear_pointer (&self->score_after, evident_score_free);

  G_OBJECT_CLASS (evident_revision_parent_class)->finalize (object);
}

static void
evident_revision_class_init (EvidentRevisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = evident_revision_finalize;

  /**
   * EvidentRevision::changed:
   *
   * Emitted when pairs made or unmade by hand changed the plan: its
   * entries (already replaced in the list), counts, warnings and scores.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
evident_revision_init (EvidentRevision *self)
{
  self->entries = g_list_store_new (EVIDENT_TYPE_REVISION_ENTRY);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->old_by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  self->new_by_ref = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Making the plan */

static const char *
keep_text (EvidentRevision *self,
           const char      *requirement,
           const char      *evidence)
{
  char *text = g_strconcat (requirement, "\n", evidence, NULL);

  g_ptr_array_add (self->texts, text);
  return text;
}

/* Everything but running the match: on the caller's thread. */
static EvidentRevision *
prepare (EvidentProject  *project,
         EvidentImport   *import,
         GError         **error)
{
  g_autoptr (EvidentRevision) self = NULL;
  g_autofree EvidentMatchInput *old_inputs = NULL;
  g_autofree EvidentMatchInput *new_inputs = NULL;
  GListModel *items = evident_project_get_items (project);
  EvidentWorkbook *workbook;

  if (!evident_import_check (import, error))
    return NULL;

  self = g_object_new (EVIDENT_TYPE_REVISION, NULL);
  self->project = g_object_ref (project);
  self->import = g_object_ref (import);
  self->new_entries = g_ptr_array_ref (evident_import_get_entries (import));
  self->old_items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_ptr_array_add (self->old_items, g_list_model_get_item (items, i));

  old_inputs = g_new0 (EvidentMatchInput, MAX (self->old_items->len, 1));
  for (guint i = 0; i < self->old_items->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (self->old_items, i);

      old_inputs[i] = (EvidentMatchInput) {
        evident_item_get_ref (item), evident_item_get_chapter (item), evident_item_get_title (item),
        keep_text (self, evident_item_get_requirement (item),
                   evident_item_get_evidence_hint (item)),
      };
      g_hash_table_insert (self->old_by_ref, (gpointer) evident_item_get_ref (item),
                           GUINT_TO_POINTER (i + 1));
    }
  new_inputs = g_new0 (EvidentMatchInput, MAX (self->new_entries->len, 1));
  for (guint j = 0; j < self->new_entries->len; j++)
    {
      const EvidentChecklistEntry *entry = g_ptr_array_index (self->new_entries, j);

      new_inputs[j] = (EvidentMatchInput) {
        entry->ref, entry->chapter, entry->title,
        keep_text (self, entry->requirement, entry->evidence),
      };
      g_hash_table_insert (self->new_by_ref, entry->ref, GUINT_TO_POINTER (j + 1));
    }
  self->match = evident_revision_match_new (old_inputs, self->old_items->len, new_inputs,
                                            self->new_entries->len);
  self->mode_after = find_mode_after (self);

  workbook = evident_import_get_workbook (import);
  evident_revision_set_file_name (self, workbook != NULL
                                            ? evident_workbook_get_display_name (workbook)
                                            : "");
  return g_steal_pointer (&self);
}

/**
 * evident_revision_new:
 * @project: an open project
 * @import: the checklist's new version, as the import reads it (with the
 *   sheet, header and mapping the user chose)
 * @error: return location for an error
 *
 * Plans the revision of @project's checklist to @import: matches the items
 * (see evident-revision-match.h) and works out what each carries across,
 * the counts and the score after. Changes nothing. An import with problems
 * is refused with the first of them (%EVIDENT_IMPORT_ERROR, naming the
 * place). Matching a thousand items takes a fraction of a second: the
 * application uses evident_revision_new_async().
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
EvidentRevision *
evident_revision_new (EvidentProject  *project,
                      EvidentImport   *import,
                      GError         **error)
{
  EvidentRevision *self;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (EVIDENT_IS_IMPORT (import), NULL);

  self = prepare (project, import, error);
  if (self != NULL)
    run (self);
  return self;
}

static void
match_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  EvidentRevision *self = task_data;

  evident_revision_match_run (self->match);
  g_task_return_boolean (task, TRUE);
}

/**
 * evident_revision_new_async:
 * @project: an open project
 * @import: the checklist's new version, read
 * @cancellable: (nullable): a cancellable
 * @callback: called in the caller's main context with the plan
 * @user_data: data for @callback
 *
 * evident_revision_new(), with the matching in a worker thread. Neither
 * the project nor the import may change until @callback runs.
 */
void
evident_revision_new_async (EvidentProject      *project,
                            EvidentImport       *import,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;
  EvidentRevision *self;

  g_return_if_fail (EVIDENT_IS_PROJECT (project));
  g_return_if_fail (EVIDENT_IS_IMPORT (import));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, evident_revision_new_async);
  g_task_set_name (task, "[evident] revision plan");

  self = prepare (project, import, &error);
  if (self == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, self, g_object_unref);
  g_task_run_in_thread (task, match_thread);
}

/**
 * evident_revision_new_finish:
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
EvidentRevision *
evident_revision_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  EvidentRevision *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == evident_revision_new_async,
                        NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  self = g_object_ref (g_task_get_task_data (G_TASK (result)));
  rebuild (self);
  return self;
}

/* Reading the plan */

/**
 * evident_revision_get_project:
 *
 * Returns: (transfer none): the project
 */
EvidentProject *
evident_revision_get_project (EvidentRevision *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), NULL);
  return self->project;
}

/**
 * evident_revision_get_import:
 *
 * Returns: (transfer none): the new version, read
 */
EvidentImport *
evident_revision_get_import (EvidentRevision *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), NULL);
  return self->import;
}

/**
 * evident_revision_get_label:
 *
 * Returns: the new version's label, "4.2": set, or guessed from the file's
 *   name (its first number with dots; else the name)
 */
const char *
evident_revision_get_label (EvidentRevision *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), NULL);
  return self->label;
}

void
evident_revision_set_label (EvidentRevision *self,
                            const char      *label)
{
  g_return_if_fail (EVIDENT_IS_REVISION (self));
  g_return_if_fail (label != NULL);

  g_free (self->label);
  self->label = g_strstrip (g_strdup (label));
  self->label_given = TRUE;
}

const char *
evident_revision_get_file_name (EvidentRevision *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), NULL);
  return self->file_name;
}

/**
 * evident_revision_set_file_name:
 * @file_name: the new version's file name, as the project records it
 *
 * A workbook's name is known from the import; a CSV file's is not.
 */
void
evident_revision_set_file_name (EvidentRevision *self,
                                const char      *file_name)
{
  g_return_if_fail (EVIDENT_IS_REVISION (self));
  g_return_if_fail (file_name != NULL);

  g_free (self->file_name);
  self->file_name = g_path_get_basename (file_name);
  if (g_str_equal (self->file_name, ".") || g_str_equal (self->file_name, G_DIR_SEPARATOR_S))
    g_clear_pointer (&self->file_name, g_free);
  if (self->file_name == NULL)
    self->file_name = g_strdup ("");
  if (!self->label_given)
    {
      g_free (self->label);
      self->label = *self->file_name != '\0' ? guess_label (self->file_name) : g_strdup ("");
    }
}

/**
 * evident_revision_get_mode_after:
 *
 * Returns: the project's scoring mode on the new version: its own, unless
 *   one version gives points and the other does not
 */
EvidentScoreMode
evident_revision_get_mode_after (EvidentRevision *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), EVIDENT_SCORE_MODE_POINTS);
  return self->mode_after;
}

/**
 * evident_revision_get_entries:
 *
 * What happens to every item: the new version's items in its order (each
 * with the old item it is, or was split from), then the old items that
 * leave the checklist (merged, removed) in theirs. Making and unmaking
 * pairs replaces the entries.
 *
 * Returns: (transfer none): a list of #EvidentRevisionEntry
 */
GListModel *
evident_revision_get_entries (EvidentRevision *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), NULL);
  return G_LIST_MODEL (self->entries);
}

static EvidentRevisionEntry *
lookup_entry (EvidentRevision *self,
              const char      *ref,
              gboolean         new_side)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      g_autoptr (EvidentRevisionEntry) entry = g_list_model_get_item (
          G_LIST_MODEL (self->entries), i);
      EvidentRevisionRelation relation = evident_revision_entry_get_relation (entry);
      const char *entry_ref = new_side ? evident_revision_entry_get_new_ref (entry)
                                       : evident_revision_entry_get_old_ref (entry);

      /* A merged entry is the old item's, a split one the new item's. */
      if (g_strcmp0 (entry_ref, ref) == 0
          && !(new_side && relation == EVIDENT_REVISION_MERGED)
          && !(!new_side && relation == EVIDENT_REVISION_SPLIT))
        return entry;
    }
  return NULL;
}

/**
 * evident_revision_lookup_old:
 * @old_ref: a reference of the project's checklist
 *
 * Returns: (transfer none) (nullable): what happens to that item
 */
EvidentRevisionEntry *
evident_revision_lookup_old (EvidentRevision *self,
                             const char      *old_ref)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), NULL);
  return lookup_entry (self, old_ref, FALSE);
}

/**
 * evident_revision_lookup_new:
 * @new_ref: a reference of the new version
 *
 * Returns: (transfer none) (nullable): where that item comes from
 */
EvidentRevisionEntry *
evident_revision_lookup_new (EvidentRevision *self,
                             const char      *new_ref)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), NULL);
  return lookup_entry (self, new_ref, TRUE);
}

/**
 * evident_revision_get_count:
 *
 * Returns: how many items have @relation: counted on the new version's
 *   side for pairs, split parts and new items, on the old one's for
 *   merged and removed items
 */
guint
evident_revision_get_count (EvidentRevision         *self,
                            EvidentRevisionRelation  relation)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), 0);
  g_return_val_if_fail (relation < EVIDENT_N_REVISION_RELATIONS, 0);
  return self->counts[relation];
}

/**
 * evident_revision_get_n_recheck:
 *
 * Returns: how many of the new version's items will need a re-check
 */
guint
evident_revision_get_n_recheck (EvidentRevision *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), 0);
  return self->n_recheck;
}

/**
 * evident_revision_get_matched_share:
 *
 * Returns: the share of the project's items that are in the new version
 *   (paired or merged), from 0 to 1
 */
double
evident_revision_get_matched_share (EvidentRevision *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), 0.0);
  return self->matched_share;
}

/**
 * evident_revision_get_unrelated:
 *
 * Returns: whether so few items match (%EVIDENT_REVISION_MIN_MATCHED) that
 *   the file is not a revision of this checklist; applying it then needs
 *   force
 */
gboolean
evident_revision_get_unrelated (EvidentRevision *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), FALSE);
  return self->old_items->len > 0 && self->matched_share < EVIDENT_REVISION_MIN_MATCHED;
}

/**
 * evident_revision_get_warnings:
 *
 * Returns: (transfer none) (element-type utf8): what the user should know
 *   before applying: few items match, the scoring mode changes
 */
GPtrArray *
evident_revision_get_warnings (EvidentRevision *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), NULL);
  return self->warnings;
}

/**
 * evident_revision_get_score_before:
 *
 * Returns: (transfer none): the project's score now, in every view
 */
const EvidentScore *
evident_revision_get_score_before (EvidentRevision *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), NULL);
  return self->score_before;
}

/**
 * evident_revision_get_score_after:
 *
 * Returns: (transfer none): the score on the new version with the statuses
 *   carried across (items to re-check count as ready), in every view, by
 *   the new version's chapters
 */
const EvidentScore *
evident_revision_get_score_after (EvidentRevision *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION (self), NULL);
  return self->score_after;
}

/* Changing the plan */

static gboolean
find_index (GHashTable  *by_ref,
            const char  *ref,
            guint       *index)
{
  gpointer found = ref != NULL ? g_hash_table_lookup (by_ref, ref) : NULL;

  if (found == NULL)
    return FALSE;
  *index = GPOINTER_TO_UINT (found) - 1;
  return TRUE;
}

static gboolean
find_old (EvidentRevision  *self,
          const char       *old_ref,
          guint            *index,
          GError          **error)
{
  if (find_index (self->old_by_ref, old_ref, index))
    return TRUE;
  g_set_error (error, EVIDENT_REVISION_ERROR, EVIDENT_REVISION_ERROR_NO_SUCH_ITEM,
               _("The checklist has no item “%s”"), old_ref);
  return FALSE;
}

/**
 * evident_revision_pair:
 * @old_ref: a reference of the project's checklist
 * @new_ref: a reference of the new version
 * @error: return location for an error
 *
 * Pairs two items by hand, whatever their texts: the new one carries the
 * old one's work (reworded, or unchanged or moved when the texts are
 * equal). Each leaves any other pair made by hand. The plan is made again.
 *
 * Returns: %TRUE when the pair was made; %FALSE with
 *   %EVIDENT_REVISION_ERROR_NO_SUCH_ITEM when either reference is unknown
 */
gboolean
evident_revision_pair (EvidentRevision  *self,
                       const char       *old_ref,
                       const char       *new_ref,
                       GError          **error)
{
  guint old_index;
  guint new_index;

  g_return_val_if_fail (EVIDENT_IS_REVISION (self), FALSE);

  if (!find_old (self, old_ref, &old_index, error))
    return FALSE;
  if (!find_index (self->new_by_ref, new_ref, &new_index))
    {
      g_set_error (error, EVIDENT_REVISION_ERROR, EVIDENT_REVISION_ERROR_NO_SUCH_ITEM,
                   _("The new version has no item “%s”"), new_ref);
      return FALSE;
    }
  evident_revision_match_pair (self->match, old_index, new_index);
  run (self);
  return TRUE;
}

/**
 * evident_revision_unpair:
 * @old_ref: a reference of the project's checklist
 * @error: return location for an error
 *
 * Keeps an item from being paired with (or merged into) any new one: it
 * leaves the checklist, its work kept in the archive, and its partner
 * becomes new (unless it resembles another). The plan is made again.
 *
 * Returns: %TRUE when unpaired
 */
gboolean
evident_revision_unpair (EvidentRevision  *self,
                         const char       *old_ref,
                         GError          **error)
{
  guint old_index;

  g_return_val_if_fail (EVIDENT_IS_REVISION (self), FALSE);

  if (!find_old (self, old_ref, &old_index, error))
    return FALSE;
  evident_revision_match_unpair (self->match, old_index);
  run (self);
  return TRUE;
}

/**
 * evident_revision_reset:
 *
 * Forgets the pairs made and unmade by hand. The plan is made again.
 */
void
evident_revision_reset (EvidentRevision *self)
{
  g_return_if_fail (EVIDENT_IS_REVISION (self));

  evident_revision_match_reset (self->match);
  run (self);
}

/* Applying */

/**
 * evident_revision_check:
 * @force: apply a file even when hardly any item matches
 * @error: return location for an error
 *
 * Whether the plan can be applied: the project has not changed its items
 * since (nor taken this plan already), and unless @force, the file is a
 * revision of the checklist at all (evident_revision_get_unrelated()).
 *
 * Returns: %TRUE when it can
 */
gboolean
evident_revision_check (EvidentRevision  *self,
                        gboolean          force,
                        GError          **error)
{
  GListModel *items;

  g_return_val_if_fail (EVIDENT_IS_REVISION (self), FALSE);

  items = evident_project_get_items (self->project);
  if (self->applied || g_list_model_get_n_items (items) != self->old_items->len)
    goto stale;
  for (guint i = 0; i < self->old_items->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (self->old_items, i);

      if (evident_project_lookup_item (self->project, evident_item_get_ref (item)) != item)
        goto stale;
    }

  if (!force && evident_revision_get_unrelated (self))
    {
      guint n_matched = self->old_items->len - self->counts[EVIDENT_REVISION_REMOVED];

      if (*self->file_name != '\0')
        g_set_error (error, EVIDENT_REVISION_ERROR, EVIDENT_REVISION_ERROR_UNRELATED,
                     _("Only %u of the checklist’s %u items are in “%s”: it does not look like "
                       "a revision of this checklist. Apply it anyway only if it is one"),
                     n_matched, self->old_items->len, self->file_name);
      else
        g_set_error (error, EVIDENT_REVISION_ERROR, EVIDENT_REVISION_ERROR_UNRELATED,
                     _("Only %u of the checklist’s %u items are in the new version: it does not "
                       "look like a revision of this checklist"),
                     n_matched, self->old_items->len);
      return FALSE;
    }
  return TRUE;

stale:
  g_set_error_literal (error, EVIDENT_REVISION_ERROR, EVIDENT_REVISION_ERROR_STALE,
                       _("The project’s checklist changed since this revision was planned; "
                         "plan it again"));
  return FALSE;
}

/**
 * evident_revision_apply:
 * @force: apply a file even when hardly any item matches
 * @error: return location for an error
 *
 * Moves the project to the new version of its checklist as planned, in
 * one transaction and one step to undo (evident_project_undo() makes the
 * old version the project's again, exactly; redo re-applies it): the
 * chapters, sections, items, texts, points, mandatory flags and extra
 * fields become the new version's, and the workbook too when it is one
 * (the old one stays with the old version). What each item carries across
 * is described in evident-revision-carry.c: work stays with the items,
 * reworded items met or ready are ready and need a re-check, new items
 * start as the file says (not started), and the items that leave keep
 * their work and evidence in the archive (evident_project_list_archive()).
 * Each item's history says where it was and is. The project keeps every
 * version with its mapping (evident_project_list_versions()).
 *
 * Returns: %TRUE when applied
 */
gboolean
evident_revision_apply (EvidentRevision  *self,
                        gboolean          force,
                        GError          **error)
{
  EvidentRevisionInput input;

  g_return_val_if_fail (EVIDENT_IS_REVISION (self), FALSE);

  if (!evident_revision_check (self, force, error))
    return FALSE;
  input = get_input (self);
  if (!evident_revision_write (&input, error))
    return FALSE;
  self->applied = TRUE;
  return TRUE;
}
