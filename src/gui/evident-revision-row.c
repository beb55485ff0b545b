/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-enums-util.h"
#include "evident-resources.h"
#include "evident-revision-row.h"

/*
 * EvidentRevisionRow: one item of a checklist revision's plan in the
 * preview's list: its references before and after ("8.2.1 → 8.3.1"), its
 * title, what becomes of it (a pill in the colour of its class, with its
 * name), its status before and after, and "Needs re-check" when it will
 * be flagged. Screen readers get all of it as the row's name. Entries are
 * immutable (the plan makes new ones when a pair changes): the row is set
 * once per entry.
 */

struct _EvidentRevisionRow
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkWidget            *box;
  GtkLabel             *refs;
  GtkLabel             *title;
  GtkLabel             *relation;
  GtkLabel             *statuses;
  GtkWidget            *recheck;

  EvidentRevisionEntry *entry;
  const char           *relation_class;
};

G_DEFINE_FINAL_TYPE (EvidentRevisionRow, evident_revision_row, GTK_TYPE_WIDGET)

/* What an entry is, in words */

/**
 * evident_revision_relation_get_css_class:
 *
 * Returns: the style class that colours a relation's pill
 */
const char *
evident_revision_relation_get_css_class (EvidentRevisionRelation relation)
{
  static const char *classes[EVIDENT_N_REVISION_RELATIONS] = {
    "evident-revision-unchanged",
    "evident-revision-moved",
    "evident-revision-reworded",
    "evident-revision-split",
    "evident-revision-merged",
    "evident-revision-new",
    "evident-revision-removed",
  };

  g_return_val_if_fail (relation < EVIDENT_N_REVISION_RELATIONS, classes[0]);
  return classes[relation];
}

/**
 * evident_revision_entry_dup_refs:
 *
 * Returns: (transfer full): the item's references, "8.2.1 → 8.3.1" when
 *   it changes, else the one it has
 */
char *
evident_revision_entry_dup_refs (EvidentRevisionEntry *entry)
{
  const char *old_ref = evident_revision_entry_get_old_ref (entry);
  const char *new_ref = evident_revision_entry_get_new_ref (entry);

  if (old_ref == NULL)
    return g_strdup (new_ref);
  if (new_ref == NULL || g_str_equal (old_ref, new_ref))
    return g_strdup (old_ref);
  /* Translators: an item's reference before and after a checklist revision */
  return g_strdup_printf (_("%s → %s"), old_ref, new_ref);
}

/**
 * evident_revision_entry_get_display_title:
 *
 * Returns: the new version's title of the item, or the old one's for an
 *   item that leaves
 */
const char *
evident_revision_entry_get_display_title (EvidentRevisionEntry *entry)
{
  const char *title = evident_revision_entry_get_new_title (entry);

  if (title == NULL || evident_revision_entry_get_relation (entry) == EVIDENT_REVISION_MERGED)
    title = evident_revision_entry_get_old_title (entry);
  return title != NULL ? title : "";
}

/**
 * evident_revision_entry_dup_statuses:
 *
 * Returns: (transfer full): what becomes of the item's status, in words:
 *   "Met → Ready", "Keeps In Progress", "Starts as Not Started", "Met, to
 *   the archive"
 */
char *
evident_revision_entry_dup_statuses (EvidentRevisionEntry *entry)
{
  const char *before = evident_status_get_label (evident_revision_entry_get_status_before (entry));
  const char *after = evident_status_get_label (evident_revision_entry_get_status_after (entry));

  switch (evident_revision_entry_get_relation (entry))
    {
    case EVIDENT_REVISION_NEW:
      /* Translators: the status a new item of the checklist starts with */
      return g_strdup_printf (_("Starts as %s"), after);
    case EVIDENT_REVISION_REMOVED:
      /* Translators: the status of an item that leaves the checklist, kept
       * with its work in the archive */
      return g_strdup_printf (_("%s, to the archive"), before);
    case EVIDENT_REVISION_MERGED:
      /* Translators: an item merged into another: its status, and the
       * reference of the item that carries its work on */
      return g_strdup_printf (_("%s, carried into %s"), before,
                              evident_revision_entry_get_new_ref (entry));
    case EVIDENT_REVISION_UNCHANGED:
    case EVIDENT_REVISION_MOVED:
    case EVIDENT_REVISION_REWORDED:
    case EVIDENT_REVISION_SPLIT:
    default:
      if (g_str_equal (before, after))
        /* Translators: an item keeps its status across a checklist revision */
        return g_strdup_printf (_("Keeps %s"), before);
      /* Translators: an item's status before and after a checklist revision */
      return g_strdup_printf (_("%s → %s"), before, after);
    }
}

/* The row */

static void
update_row (EvidentRevisionRow *self)
{
  EvidentRevisionRelation relation;
  g_autofree char *refs = NULL;
  g_autofree char *statuses = NULL;
  g_autofree char *accessible = NULL;
  const char *title;
  GtkWidget *parent;

  if (self->entry == NULL)
    return;

  relation = evident_revision_entry_get_relation (self->entry);
  refs = evident_revision_entry_dup_refs (self->entry);
  statuses = evident_revision_entry_dup_statuses (self->entry);
  title = evident_revision_entry_get_display_title (self->entry);

  gtk_label_set_label (self->refs, refs);
  gtk_label_set_label (self->title, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), title);
  gtk_label_set_label (self->relation, evident_revision_relation_get_label (relation));
  if (self->relation_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->relation), self->relation_class);
  self->relation_class = evident_revision_relation_get_css_class (relation);
  gtk_widget_add_css_class (GTK_WIDGET (self->relation), self->relation_class);
  gtk_label_set_label (self->statuses, statuses);
  gtk_widget_set_visible (self->recheck, evident_revision_entry_get_recheck (self->entry));

  /* Translators: an item of a checklist revision for screen readers: what
   * becomes of it, its references, title and status, e.g. "Reworded, 2.1
   * Incident management, Met → Ready" */
  accessible = g_strdup_printf (_("%s, %s %s, %s"), evident_revision_relation_get_label (relation),
                                refs, title, statuses);
  if (evident_revision_entry_get_recheck (self->entry))
    {
      /* Translators: appended to a revision item's name for screen readers */
      char *with_recheck = g_strdup_printf ("%s, %s", accessible, _("needs re-check"));

      g_free (accessible);
      accessible = with_recheck;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* The list item around the row is what a screen reader focuses. */
  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  if (parent != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                    -1);
}

static void
evident_revision_row_dispose (GObject *object)
{
  EvidentRevisionRow *self = EVIDENT_REVISION_ROW (object);

  g_clear_object (&self->entry);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_REVISION_ROW);

  G_OBJECT_CLASS (evident_revision_row_parent_class)->dispose (object);
}

static void
evident_revision_row_class_init (EvidentRevisionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_revision_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-revision-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionRow, box);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionRow, refs);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionRow, title);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionRow, relation);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionRow, statuses);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionRow, recheck);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidentrevisionrow");
}

static void
evident_revision_row_init (EvidentRevisionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
evident_revision_row_new (void)
{
  return g_object_new (EVIDENT_TYPE_REVISION_ROW, NULL);
}

EvidentRevisionEntry *
evident_revision_row_get_entry (EvidentRevisionRow *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_ROW (self), NULL);

  return self->entry;
}

/**
 * evident_revision_row_set_entry:
 * @entry: (nullable): the entry to show
 */
void
evident_revision_row_set_entry (EvidentRevisionRow   *self,
                                EvidentRevisionEntry *entry)
{
  g_return_if_fail (EVIDENT_IS_REVISION_ROW (self));
  g_return_if_fail (entry == NULL || EVIDENT_IS_REVISION_ENTRY (entry));

  if (g_set_object (&self->entry, entry))
    update_row (self);
}
