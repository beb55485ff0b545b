/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "evident-a11y.h"
#include "evident-diff-label.h"
#include "evident-enums-util.h"
#include "evident-resources.h"
#include "evident-revision-detail.h"
#include "evident-revision-row.h"

/*
 * EvidentRevisionDetail: one item of a checklist revision's plan, in
 * full: what becomes of it and how similar the texts are, its references,
 * chapter and status before and after, whether it will need a re-check,
 * what work it carries, and the word diff of its title, requirement and
 * expected evidence (EvidentDiffLabel). "Pair With…" lists the items on
 * the other side that the matching left unpaired; "Unpair" takes the old
 * item out of its pair. Both activate the preview's actions
 * (revision-preview.pair, revision-preview.unpair): the plan changes and
 * the preview shows the new entry.
 */

#define N_PARTS (EVIDENT_REVISION_PART_EVIDENCE + 1)

struct _EvidentRevisionDetail
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkWidget            *scrolled_window;
  GtkLabel             *heading;
  GtkLabel             *relation;
  GtkLabel             *similarity;
  AdwActionRow         *refs_row;
  AdwActionRow         *chapter_row;
  AdwActionRow         *status_row;
  AdwActionRow         *recheck_row;
  AdwActionRow         *carries_row;
  GtkMenuButton        *pair_button;
  GtkPopover           *pair_popover;
  GtkLabel             *pair_heading;
  GtkListBox           *pair_list;
  GtkWidget            *unpair_button;
  GtkWidget            *text_box;

  GtkWidget            *part_boxes[N_PARTS];
  GtkWidget            *diff_labels[N_PARTS];

  EvidentRevision      *revision;
  EvidentRevisionEntry *entry;
  const char           *relation_class;
};

G_DEFINE_FINAL_TYPE (EvidentRevisionDetail, evident_revision_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REVISION,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static char *
dup_similarity (EvidentRevisionEntry *entry)
{
  EvidentRevisionRelation relation = evident_revision_entry_get_relation (entry);
  int percent = (int) lround (evident_revision_entry_get_similarity (entry) * 100.0);
  g_autofree char *text = NULL;

  switch (relation)
    {
    case EVIDENT_REVISION_UNCHANGED:
    case EVIDENT_REVISION_MOVED:
      text = g_strdup (_("The same text"));
      break;
    case EVIDENT_REVISION_REWORDED:
      /* Translators: how similar the old and the new text of an item are */
      text = g_strdup_printf (_("%d %% similar"), percent);
      break;
    case EVIDENT_REVISION_SPLIT:
      /* Translators: a new item split from an old one; %s is the old one's reference */
      text = g_strdup_printf (_("A part of %s"), evident_revision_entry_get_old_ref (entry));
      break;
    case EVIDENT_REVISION_MERGED:
      /* Translators: an old item merged into a new one; %s is the new one's reference */
      text = g_strdup_printf (_("Its words are mostly in %s"),
                              evident_revision_entry_get_new_ref (entry));
      break;
    case EVIDENT_REVISION_NEW:
      text = g_strdup (_("Like no item of the checklist"));
      break;
    case EVIDENT_REVISION_REMOVED:
    default:
      text = g_strdup (_("Like no item of the new version"));
      break;
    }

  if (evident_revision_entry_get_manual (entry))
    /* Translators: how similar two items are, then that the user paired them */
    return g_strdup_printf (_("%s · paired by hand"), text);
  return g_steal_pointer (&text);
}

static char *
dup_carries (EvidentRevisionEntry *entry)
{
  switch (evident_revision_entry_get_relation (entry))
    {
    case EVIDENT_REVISION_UNCHANGED:
    case EVIDENT_REVISION_MOVED:
    case EVIDENT_REVISION_REWORDED:
      return g_strdup (_("Keeps its owner, complexity, due date, notes, response and evidence"));
    case EVIDENT_REVISION_SPLIT:
      /* Translators: %s is the reference of the old item a new one was split from */
      return g_strdup_printf (_("Gets the work of %s: its status, owner, notes, response and "
                                "evidence"),
                              evident_revision_entry_get_old_ref (entry));
    case EVIDENT_REVISION_MERGED:
      /* Translators: %s is the reference of the new item an old one went into */
      return g_strdup_printf (_("Its work and evidence go to %s as well; the item leaves the "
                                "checklist and is kept in the archive"),
                              evident_revision_entry_get_new_ref (entry));
    case EVIDENT_REVISION_NEW:
      return g_strdup (_("Starts afresh: no owner, notes or evidence"));
    case EVIDENT_REVISION_REMOVED:
    default:
      return g_strdup (_("Leaves the checklist; its notes, response and evidence are kept in "
                         "the archive, from where evidence can be put back on another item"));
    }
}

static char *
dup_change (const char *before,
            const char *after)
{
  if (before == NULL || *before == '\0')
    return g_strdup (after != NULL ? after : "");
  if (after == NULL || *after == '\0' || g_str_equal (before, after))
    return g_strdup (before);
  /* Translators: a value before and after a checklist revision */
  return g_strdup_printf (_("%s → %s"), before, after);
}

static void
update_texts (EvidentRevisionDetail *self)
{
  for (guint p = 0; p < N_PARTS; p++)
    {
      const char *old_text = evident_revision_entry_get_text (self->entry, p, FALSE);
      const char *new_text = evident_revision_entry_get_text (self->entry, p, TRUE);
      gboolean has_text = (old_text != NULL && *old_text != '\0')
                          || (new_text != NULL && *new_text != '\0');

      gtk_widget_set_visible (self->part_boxes[p], has_text);
      evident_diff_label_set_diff (EVIDENT_DIFF_LABEL (self->diff_labels[p]),
                                   has_text ? evident_revision_entry_get_diff (self->entry, p)
                                            : NULL);
    }
}

/* What "Pair With…" offers: for an item of the checklist, the new items
 * paired with none; for a new item, the checklist's items that leave. */
static GPtrArray *
list_candidates (EvidentRevisionDetail *self)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_object_unref);
  EvidentRevisionRelation wanted;
  GListModel *entries;

  if (self->revision == NULL || self->entry == NULL)
    return candidates;

  wanted = evident_revision_entry_get_old_ref (self->entry) != NULL ? EVIDENT_REVISION_NEW
                                                                    : EVIDENT_REVISION_REMOVED;
  entries = evident_revision_get_entries (self->revision);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (EvidentRevisionEntry) entry = g_list_model_get_item (entries, i);

      if (evident_revision_entry_get_relation (entry) == wanted)
        g_ptr_array_add (candidates, g_steal_pointer (&entry));
    }
  return candidates;
}

static void
update_buttons (EvidentRevisionDetail *self)
{
  EvidentRevisionRelation relation = evident_revision_entry_get_relation (self->entry);
  const char *old_ref = evident_revision_entry_get_old_ref (self->entry);
  g_autoptr (GPtrArray) candidates = list_candidates (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->pair_button), candidates->len > 0);
  gtk_widget_set_visible (self->unpair_button,
                          old_ref != NULL && relation != EVIDENT_REVISION_REMOVED);
  if (old_ref != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->unpair_button), "s", old_ref);
}

static void
update (EvidentRevisionDetail *self)
{
  EvidentRevisionRelation relation;
  g_autofree char *similarity = NULL;
  g_autofree char *refs = NULL;
  g_autofree char *chapters = NULL;
  g_autofree char *statuses = NULL;
  g_autofree char *carries = NULL;

  if (self->entry == NULL)
    return;

  relation = evident_revision_entry_get_relation (self->entry);
  gtk_label_set_label (self->heading, evident_revision_entry_get_display_title (self->entry));
  gtk_label_set_label (self->relation, evident_revision_relation_get_label (relation));
  if (self->relation_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->relation), self->relation_class);
  self->relation_class = evident_revision_relation_get_css_class (relation);
  gtk_widget_add_css_class (GTK_WIDGET (self->relation), self->relation_class);
  similarity = dup_similarity (self->entry);
  gtk_label_set_label (self->similarity, similarity);

  refs = evident_revision_entry_dup_refs (self->entry);
  adw_action_row_set_subtitle (self->refs_row, refs);
  chapters = dup_change (evident_revision_entry_get_old_chapter (self->entry),
                         evident_revision_entry_get_new_chapter (self->entry));
  adw_action_row_set_subtitle (self->chapter_row, chapters);
  statuses = evident_revision_entry_dup_statuses (self->entry);
  adw_action_row_set_subtitle (self->status_row, statuses);

  gtk_widget_set_visible (GTK_WIDGET (self->recheck_row),
                          evident_revision_entry_get_recheck (self->entry));
  if (evident_revision_entry_get_recheck (self->entry))
    {
      EvidentStatus was = evident_revision_entry_get_recheck_status (self->entry);
      g_autofree char *recheck = NULL;

      /* Translators: %s is the status the item had before its text changed */
      recheck = g_strdup_printf (_("Counts as ready until someone checks it again; it was %s"),
                                 evident_status_get_label (was));
      adw_action_row_set_subtitle (self->recheck_row, recheck);
    }
  carries = dup_carries (self->entry);
  adw_action_row_set_subtitle (self->carries_row, carries);

  update_buttons (self);
  update_texts (self);
}

/* Callbacks */

static void
pair_popover_show_cb (EvidentRevisionDetail *self)
{
  g_autoptr (GPtrArray) candidates = list_candidates (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pair_list))) != NULL)
    gtk_list_box_remove (self->pair_list, child);
  if (self->entry == NULL)
    return;

  if (evident_revision_entry_get_old_ref (self->entry) != NULL)
    gtk_label_set_label (self->pair_heading, _("New items paired with none"));
  else
    gtk_label_set_label (self->pair_heading, _("Items of the checklist that would leave it"));

  for (guint i = 0; i < candidates->len; i++)
    {
      EvidentRevisionEntry *candidate = g_ptr_array_index (candidates, i);
      const char *ref = evident_revision_entry_get_new_ref (candidate);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = NULL;

      if (ref == NULL)
        ref = evident_revision_entry_get_old_ref (candidate);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ref);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   evident_revision_entry_get_display_title (candidate));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* A screen reader reads the reference and the title together. */
      name = g_strdup_printf ("%s %s", ref, evident_revision_entry_get_display_title (candidate));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (candidate), g_object_unref);
      gtk_list_box_append (self->pair_list, row);
    }
}

static void
pair_row_activated_cb (EvidentRevisionDetail *self,
                       GtkListBoxRow         *row)
{
  EvidentRevisionEntry *candidate = g_object_get_data (G_OBJECT (row), "entry");
  const char *old_ref;
  const char *new_ref;

  if (self->entry == NULL || candidate == NULL)
    return;

  old_ref = evident_revision_entry_get_old_ref (self->entry);
  new_ref = evident_revision_entry_get_new_ref (candidate);
  if (old_ref == NULL)
    {
      old_ref = evident_revision_entry_get_old_ref (candidate);
      new_ref = evident_revision_entry_get_new_ref (self->entry);
    }
  gtk_popover_popdown (self->pair_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "revision-preview.pair", "(ss)", old_ref,
                              new_ref);
}

static void
build_parts (EvidentRevisionDetail *self)
{
  const char *names[N_PARTS] = {
    [EVIDENT_REVISION_PART_TITLE] = _("Title"),
    [EVIDENT_REVISION_PART_REQUIREMENT] = _("Requirement"),
    [EVIDENT_REVISION_PART_EVIDENCE] = _("Evidence Expected"),
  };

  for (guint p = 0; p < N_PARTS; p++)
    {
      GtkWidget *heading = gtk_label_new (names[p]);

      self->part_boxes[p] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      gtk_widget_add_css_class (heading, "heading");
      self->diff_labels[p] = evident_diff_label_new ();
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->diff_labels[p]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                      -1);
      gtk_box_append (GTK_BOX (self->part_boxes[p]), heading);
      gtk_box_append (GTK_BOX (self->part_boxes[p]), self->diff_labels[p]);
      gtk_box_append (GTK_BOX (self->text_box), self->part_boxes[p]);
    }
}

/* GObject */

static void
evident_revision_detail_dispose (GObject *object)
{
  EvidentRevisionDetail *self = EVIDENT_REVISION_DETAIL (object);

  g_clear_object (&self->entry);
  g_clear_object (&self->revision);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_REVISION_DETAIL);

  G_OBJECT_CLASS (evident_revision_detail_parent_class)->dispose (object);
}

static void
evident_revision_detail_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  EvidentRevisionDetail *self = EVIDENT_REVISION_DETAIL (object);

  switch (prop_id)
    {
    case PROP_REVISION:
      g_value_set_object (value, self->revision);
      break;
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_revision_detail_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  EvidentRevisionDetail *self = EVIDENT_REVISION_DETAIL (object);

  switch (prop_id)
    {
    case PROP_REVISION:
      evident_revision_detail_set_revision (self, g_value_get_object (value));
      break;
    case PROP_ENTRY:
      evident_revision_detail_set_entry (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_revision_detail_class_init (EvidentRevisionDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_revision_detail_dispose;
  object_class->get_property = evident_revision_detail_get_property;
  object_class->set_property = evident_revision_detail_set_property;

  properties[PROP_REVISION] =
    g_param_spec_object ("revision", NULL, NULL, EVIDENT_TYPE_REVISION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, EVIDENT_TYPE_REVISION_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-revision-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, heading);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, relation);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, similarity);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, refs_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, chapter_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, status_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, recheck_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, carries_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, pair_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, pair_popover);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, pair_heading);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, pair_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, unpair_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionDetail, text_box);
  gtk_widget_class_bind_template_callback (widget_class, pair_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, pair_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidentrevisiondetail");
}

static void
evident_revision_detail_init (EvidentRevisionDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  evident_a11y_name_mnemonics (GTK_WIDGET (self));
  build_parts (self);
}

/* Public API */

GtkWidget *
evident_revision_detail_new (void)
{
  return g_object_new (EVIDENT_TYPE_REVISION_DETAIL, NULL);
}

EvidentRevision *
evident_revision_detail_get_revision (EvidentRevisionDetail *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_DETAIL (self), NULL);

  return self->revision;
}

/**
 * evident_revision_detail_set_revision:
 * @revision: (nullable): the plan the entries come from, for the items
 *   "Pair With…" lists
 */
void
evident_revision_detail_set_revision (EvidentRevisionDetail *self,
                                      EvidentRevision       *revision)
{
  g_return_if_fail (EVIDENT_IS_REVISION_DETAIL (self));
  g_return_if_fail (revision == NULL || EVIDENT_IS_REVISION (revision));

  if (!g_set_object (&self->revision, revision))
    return;
  if (self->entry != NULL)
    update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
}

EvidentRevisionEntry *
evident_revision_detail_get_entry (EvidentRevisionDetail *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_DETAIL (self), NULL);

  return self->entry;
}

/**
 * evident_revision_detail_set_entry:
 * @entry: (nullable): the entry to show
 */
void
evident_revision_detail_set_entry (EvidentRevisionDetail *self,
                                   EvidentRevisionEntry  *entry)
{
  g_return_if_fail (EVIDENT_IS_REVISION_DETAIL (self));
  g_return_if_fail (entry == NULL || EVIDENT_IS_REVISION_ENTRY (entry));

  if (!g_set_object (&self->entry, entry))
    return;
  update (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                                GTK_SCROLLED_WINDOW (self->scrolled_window)),
                            0.0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

GtkWidget *
evident_revision_detail_get_diff_label (EvidentRevisionDetail *self,
                                        EvidentRevisionPart    part)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_DETAIL (self), NULL);
  g_return_val_if_fail (part < N_PARTS, NULL);

  return self->diff_labels[part];
}

/**
 * evident_revision_detail_list_candidates:
 *
 * Returns: (transfer full) (element-type EvidentRevisionEntry): the
 *   entries "Pair With…" offers for the entry shown
 */
GPtrArray *
evident_revision_detail_list_candidates (EvidentRevisionDetail *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_DETAIL (self), NULL);

  return list_candidates (self);
}
