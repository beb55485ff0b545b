/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-chapter.h"
#include "evident-scope-group.h"

/*
 * EvidentScopeGroup: which items a report or an evidence pack covers.
 * Three choices in a drop-down: every item, some of them (the open ones
 * for a report, those ready or met for a pack), or one chapter, which a
 * second drop-down of the project's chapters then names. The choices are
 * numbered as EvidentReportScope and EvidentPackScope number theirs.
 */

struct _EvidentScopeGroup
{
  AdwPreferencesGroup  parent_instance;

  EvidentProject      *project;
  AdwComboRow         *scope_row;
  AdwComboRow         *chapter_row;
  /* The chapters' numbers, in the chapter row's order */
  GPtrArray           *numbers;
};

G_DEFINE_FINAL_TYPE (EvidentScopeGroup, evident_scope_group, ADW_TYPE_PREFERENCES_GROUP)

static void
scope_selected_cb (EvidentScopeGroup *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->chapter_row),
                            evident_scope_group_get_scope (self) == EVIDENT_SCOPE_GROUP_CHAPTER
                            && self->numbers->len > 0);
}

static void
fill_chapters (EvidentScopeGroup *self)
{
  GListModel *chapters = evident_project_get_chapters (self->project);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);
      const char *number = evident_chapter_get_number (chapter);
      const char *title = evident_chapter_get_display_title (chapter);
      g_autofree char *label = NULL;

      if (title != NULL && *title != '\0' && g_strcmp0 (title, number) != 0)
        /* Translators: a chapter in a drop-down: its number and title, "8.0 Security" */
        label = g_strdup_printf (C_("chapter", "%s %s"), number, title);
      else
        label = g_strdup (number);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->numbers, g_strdup (number));
    }
  adw_combo_row_set_model (self->chapter_row, G_LIST_MODEL (labels));
}

static void
evident_scope_group_dispose (GObject *object)
{
  EvidentScopeGroup *self = EVIDENT_SCOPE_GROUP (object);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (evident_scope_group_parent_class)->dispose (object);
}

static void
evident_scope_group_finalize (GObject *object)
{
  EvidentScopeGroup *self = EVIDENT_SCOPE_GROUP (object);

  g_clear_pointer (&self->numbers, g_ptr_array_unref);

  G_OBJECT_CLASS (evident_scope_group_parent_class)->finalize (object);
}

static void
evident_scope_group_class_init (EvidentScopeGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_scope_group_dispose;
  object_class->finalize = evident_scope_group_finalize;
}

static void
evident_scope_group_init (EvidentScopeGroup *self)
{
  self->numbers = g_ptr_array_new_with_free_func (g_free);

  self->scope_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scope_row), _("Items"));
  g_signal_connect_object (self->scope_row, "notify::selected",
                           G_CALLBACK (scope_selected_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->scope_row));

  self->chapter_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chapter_row), _("Chapter"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->chapter_row));
  evident_a11y_name_combo_row (self->scope_row);
  evident_a11y_name_combo_row (self->chapter_row);
}

/**
 * evident_scope_group_new:
 * @project: the project whose items to choose from
 * @all_label: the first choice, every item: "All items"
 * @some_label: the second choice, e.g. "Open items only"
 *
 * Returns: (transfer floating): a group to choose every item, some, or
 *   those of one chapter ("One chapter"), every item chosen
 */
GtkWidget *
evident_scope_group_new (EvidentProject *project,
                         const char     *all_label,
                         const char     *some_label)
{
  EvidentScopeGroup *self;
  const char *choices[4];
  g_autoptr (GtkStringList) model = NULL;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);

  self = g_object_new (EVIDENT_TYPE_SCOPE_GROUP, NULL);
  self->project = g_object_ref (project);

  choices[0] = all_label;
  choices[1] = some_label;
  choices[2] = _("One chapter");
  choices[3] = NULL;
  model = gtk_string_list_new (choices);
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (model));
  fill_chapters (self);
  scope_selected_cb (self);

  return GTK_WIDGET (self);
}

/**
 * evident_scope_group_get_scope:
 *
 * Returns: the choice: 0 every item, 1 some, %EVIDENT_SCOPE_GROUP_CHAPTER
 *   one chapter
 */
guint
evident_scope_group_get_scope (EvidentScopeGroup *self)
{
  guint selected;

  g_return_val_if_fail (EVIDENT_IS_SCOPE_GROUP (self), 0);

  selected = adw_combo_row_get_selected (self->scope_row);
  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

/**
 * evident_scope_group_get_chapter:
 *
 * Returns: (nullable): the number of the chapter chosen when the choice is
 *   one chapter, else %NULL
 */
const char *
evident_scope_group_get_chapter (EvidentScopeGroup *self)
{
  guint selected;

  g_return_val_if_fail (EVIDENT_IS_SCOPE_GROUP (self), NULL);

  selected = adw_combo_row_get_selected (self->chapter_row);
  if (evident_scope_group_get_scope (self) != EVIDENT_SCOPE_GROUP_CHAPTER
      || selected >= self->numbers->len)
    return NULL;
  return g_ptr_array_index (self->numbers, selected);
}

/**
 * evident_scope_group_set_scope:
 * @scope: the choice, as evident_scope_group_get_scope() numbers them
 * @chapter: (nullable): the chapter's number, for one chapter
 *
 * Returns: whether the project has @chapter (or none was asked for)
 */
gboolean
evident_scope_group_set_scope (EvidentScopeGroup *self,
                               guint              scope,
                               const char        *chapter)
{
  guint index;

  g_return_val_if_fail (EVIDENT_IS_SCOPE_GROUP (self), FALSE);
  g_return_val_if_fail (scope <= EVIDENT_SCOPE_GROUP_CHAPTER, FALSE);

  adw_combo_row_set_selected (self->scope_row, scope);
  if (chapter == NULL)
    return TRUE;
  if (!g_ptr_array_find_with_equal_func (self->numbers, chapter, g_str_equal, &index))
    return FALSE;
  adw_combo_row_set_selected (self->chapter_row, index);
  return TRUE;
}
