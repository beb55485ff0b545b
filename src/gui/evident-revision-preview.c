/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "evident-a11y.h"
#include "evident-entry-row.h"
#include "evident-enums-util.h"
#include "evident-list-focus.h"
#include "evident-resources.h"
#include "evident-revision-preview.h"
#include "evident-revision-row.h"

/*
 * EvidentRevisionPreview: what a checklist revision will do, before it
 * does anything. Three panes, side by side where there is room and one
 * after the other where there is not:
 *
 *  - the summary: the plan's warnings in words, the new version's label,
 *    the score before and after in every view (value, pass or fail), and
 *    the classes (all items, unchanged, moved or renumbered, reworded,
 *    split, merged, new, removed) with their counts; choosing one filters
 *    the list;
 *  - the items of that class (EvidentRevisionRow), through a GListModel
 *    chain: the plan's entries → GtkFilterListModel (the class) →
 *    GtkSingleSelection → GtkListView;
 *  - the item chosen, in full (EvidentRevisionDetail), with "Pair With…"
 *    and "Unpair".
 *
 * Pairs made and unmade by hand (revision-preview.pair, .unpair, .reset)
 * change the plan: it emits EvidentRevision::changed with new entries, and
 * the preview follows: counts, scores, warnings, and the item shown, whose
 * new entry it finds by its references.
 */

/* The classes in the order the summary lists them: all, then each
 * relation. A filter is "all" or a relation's nick. */
#define N_CLASSES (EVIDENT_N_REVISION_RELATIONS + 1)

struct _EvidentRevisionPreview
{
  GtkWidget              parent_instance;

  /* Template widgets */
  AdwLeaflet            *leaflet;
  GtkWidget             *summary_page;
  GtkWidget             *warnings_box;
  EvidentEntryRow       *label_row;
  AdwPreferencesGroup   *score_group;
  GtkListBox            *class_list;
  GtkLabel              *recheck_label;
  GtkWidget             *entries_page;
  GtkWidget             *entries_back_button;
  GtkLabel              *entries_heading;
  GtkStack              *entries_stack;
  GtkListView           *list_view;
  GtkWidget             *detail_page;
  GtkWidget             *detail_back_button;
  GtkStack              *detail_stack;
  EvidentRevisionDetail *detail;

  /* Built in code */
  GtkWidget             *class_rows[N_CLASSES];
  GtkLabel              *class_counts[N_CLASSES];
  GtkWidget             *score_rows[EVIDENT_N_VIEWS];
  GtkLabel              *score_values[EVIDENT_N_VIEWS][2];
  GtkLabel              *score_states[EVIDENT_N_VIEWS][2];

  /* Model chain */
  GtkFilterListModel    *filter_model;
  GtkCustomFilter       *filter;
  GtkSingleSelection    *selection;
  GHashTable            *rows;           /* GtkListItem: bound to a row */

  EvidentRevision       *revision;
  EvidentRevisionEntry  *entry;          /* shown in the detail pane */
  int                    relation;       /* the class shown; -1 for all */

  guint                  syncing : 1;
  guint                  paired : 1;     /* a pair made or unmade here */
};

G_DEFINE_FINAL_TYPE (EvidentRevisionPreview, evident_revision_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REVISION,
  PROP_FILTER,
  PROP_SELECTED_ENTRY,
  N_PROPS
};

enum {
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

/* The class of a row in the summary: -1 for all */
static int
class_relation (guint index)
{
  return (int) index - 1;
}

static const char *
relation_to_filter (int relation)
{
  return relation < 0 ? "all" : evident_revision_relation_to_string (relation);
}

static const char *
class_label (int relation)
{
  return relation < 0 ? _("All Items") : evident_revision_relation_get_label (relation);
}

static guint
class_count (EvidentRevisionPreview *self,
             int                     relation)
{
  if (self->revision == NULL)
    return 0;
  if (relation < 0)
    return g_list_model_get_n_items (evident_revision_get_entries (self->revision));
  return evident_revision_get_count (self->revision, relation);
}

static gboolean
filter_func (gpointer object,
             gpointer user_data)
{
  EvidentRevisionPreview *self = user_data;

  return self->relation < 0
         || (int) evident_revision_entry_get_relation (object) == self->relation;
}

static void
show_entry (EvidentRevisionPreview *self,
            EvidentRevisionEntry   *entry)
{
  if (!g_set_object (&self->entry, entry))
    return;
  evident_revision_detail_set_entry (self->detail, entry);
  gtk_stack_set_visible_child_name (self->detail_stack, entry != NULL ? "entry" : "none");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTRY]);
}

/* Selects @entry's row, if the class shown has it, without moving on. */
static void
select_row (EvidentRevisionPreview *self,
            EvidentRevisionEntry   *entry)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; entry != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (EvidentRevisionEntry) other = g_list_model_get_item (model, i);

      if (other == entry)
        {
          position = i;
          break;
        }
    }

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
}

/* The summary */

static void
update_class_rows (EvidentRevisionPreview *self)
{
  for (guint i = 0; i < N_CLASSES; i++)
    {
      int relation = class_relation (i);
      guint n = class_count (self, relation);
      g_autofree char *count = g_strdup_printf ("%u", n);
      g_autofree char *accessible = NULL;

      gtk_label_set_label (self->class_counts[i], count);
      /* Translators: a class of items in a checklist revision for screen
       * readers, e.g. "Reworded, 4 items" */
      accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u item", "%s, %u items",
                                                 n),
                                    class_label (relation), n);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->class_rows[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      /* The name says the title already. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->class_rows[i]),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
}

static void
set_pass_state (GtkLabel *label,
                gboolean  pass)
{
  gtk_label_set_label (label, pass ? _("Pass") : _("Fail"));
  gtk_widget_remove_css_class (GTK_WIDGET (label), pass ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (label), pass ? "success" : "error");
}

static void
update_scores (EvidentRevisionPreview *self)
{
  const EvidentScore *scores[2] = {
    evident_revision_get_score_before (self->revision),
    evident_revision_get_score_after (self->revision),
  };

  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      g_autofree char *before = evident_score_format (scores[0], v);
      g_autofree char *after = evident_score_format (scores[1], v);
      g_autofree char *accessible = NULL;

      gtk_label_set_label (self->score_values[v][0], before);
      gtk_label_set_label (self->score_values[v][1], after);
      for (guint s = 0; s < 2; s++)
        set_pass_state (self->score_states[v][s], scores[s]->views[v].pass);

      /* Translators: a score view before and after a checklist revision,
       * for screen readers, e.g. "Projected: before 720, fail; after 700,
       * fail" */
      accessible = g_strdup_printf (_("%s: before %s, %s; after %s, %s"),
                                    evident_view_get_label (v), before,
                                    scores[0]->views[v].pass ? _("pass") : _("fail"), after,
                                    scores[1]->views[v].pass ? _("pass") : _("fail"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_rows[v]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->score_rows[v]),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
}

static void
update_warnings (EvidentRevisionPreview *self)
{
  GPtrArray *warnings = evident_revision_get_warnings (self->revision);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->warnings_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->warnings_box), child);

  for (guint i = 0; i < warnings->len; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (g_ptr_array_index (warnings, i));

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"),
                                      -1);
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (box, "evident-revision-warning");
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (self->warnings_box), box);
    }
  gtk_widget_set_visible (self->warnings_box, warnings->len > 0);
}

static void
update_entries_heading (EvidentRevisionPreview *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *heading = NULL;

  /* Translators: the class of items listed and how many, e.g. "Reworded · 4" */
  heading = g_strdup_printf (C_ ("revision", "%s · %u"), class_label (self->relation), n);
  gtk_label_set_label (self->entries_heading, heading);
  gtk_stack_set_visible_child_name (self->entries_stack, n > 0 ? "list" : "empty");
}

static void
update_summary (EvidentRevisionPreview *self)
{
  guint n_recheck;

  if (self->revision == NULL)
    return;

  update_class_rows (self);
  update_scores (self);
  update_warnings (self);
  update_entries_heading (self);

  n_recheck = evident_revision_get_n_recheck (self->revision);
  if (n_recheck > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u item whose text changed was met or ready: it "
                                           "will count as ready and need a re-check",
                                           "%u items whose text changed were met or ready: "
                                           "they will count as ready and need a re-check",
                                           n_recheck),
                              n_recheck);
      gtk_label_set_label (self->recheck_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recheck_label), n_recheck > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "revision-preview.reset", self->paired);
}

/* The summary's parts, made once */

static GtkWidget *
create_pass_pill (void)
{
  GtkWidget *pill = gtk_label_new (NULL);

  gtk_widget_add_css_class (pill, "evident-pass-pill");
  gtk_widget_add_css_class (pill, "caption");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  return pill;
}

static void
build_score_rows (EvidentRevisionPreview *self)
{
  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *arrow = gtk_label_new ("→");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evident_view_get_label (v));
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("after the update"),
                                      -1);
      gtk_widget_add_css_class (arrow, "dim-label");
      for (guint s = 0; s < 2; s++)
        {
          GtkWidget *value = gtk_label_new (NULL);
          GtkWidget *state = create_pass_pill ();

          gtk_widget_add_css_class (value, "numeric");
          self->score_values[v][s] = GTK_LABEL (value);
          self->score_states[v][s] = GTK_LABEL (state);
          if (s == 1)
            gtk_box_append (GTK_BOX (box), arrow);
          gtk_box_append (GTK_BOX (box), value);
          gtk_box_append (GTK_BOX (box), state);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      /* A score to read, nothing to do: no Tab stop. */
      gtk_widget_set_focusable (row, FALSE);
      adw_preferences_group_add (self->score_group, row);
      self->score_rows[v] = row;
    }
}

static void
build_class_rows (EvidentRevisionPreview *self)
{
  for (guint i = 0; i < N_CLASSES; i++)
    {
      int relation = class_relation (i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *count = gtk_label_new ("0");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), class_label (relation));
      if (relation >= 0)
        {
          GtkWidget *swatch = gtk_label_new (NULL);

          gtk_widget_add_css_class (swatch, "evident-revision-swatch");
          gtk_widget_add_css_class (swatch, evident_revision_relation_get_css_class (relation));
          gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
          gtk_accessible_update_state (GTK_ACCESSIBLE (swatch),
                                       GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                       -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);
        }
      gtk_widget_add_css_class (count, "numeric");
      gtk_widget_add_css_class (count, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->class_list, row);
      self->class_rows[i] = row;
      self->class_counts[i] = GTK_LABEL (count);
    }
}

/* Callbacks */

static void
revision_changed_cb (EvidentRevisionPreview *self,
                     EvidentRevision        *revision)
{
  g_autoptr (EvidentRevisionEntry) shown = self->entry != NULL ? g_object_ref (self->entry)
                                                               : NULL;
  EvidentRevisionEntry *entry = NULL;

  /* The entries are new: the item shown is the one with its references. */
  if (shown != NULL && evident_revision_entry_get_new_ref (shown) != NULL)
    entry = evident_revision_lookup_new (revision, evident_revision_entry_get_new_ref (shown));
  if (entry == NULL && shown != NULL && evident_revision_entry_get_old_ref (shown) != NULL)
    entry = evident_revision_lookup_old (revision, evident_revision_entry_get_old_ref (shown));

  update_summary (self);
  show_entry (self, entry);
  select_row (self, entry);
}

static void
selection_changed_cb (EvidentRevisionPreview *self)
{
  EvidentRevisionEntry *entry = gtk_single_selection_get_selected_item (self->selection);

  /* A row the class leaves out, or new entries, leave the item shown. */
  if (self->syncing || entry == NULL)
    return;
  show_entry (self, entry);
}

static void
filter_items_changed_cb (EvidentRevisionPreview *self)
{
  update_entries_heading (self);
}

static void
list_activate_cb (EvidentRevisionPreview *self,
                  guint                   position)
{
  g_autoptr (EvidentRevisionEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                                  position);

  show_entry (self, entry);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_page);
}

static void
class_selected_cb (EvidentRevisionPreview *self,
                   GtkListBoxRow          *row)
{
  if (self->syncing || row == NULL)
    return;
  evident_revision_preview_set_filter (
      self, relation_to_filter (class_relation (gtk_list_box_row_get_index (row))));
}

static void
class_activated_cb (EvidentRevisionPreview *self,
                    GtkListBoxRow          *row)
{
  class_selected_cb (self, row);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->entries_page);
}

static void
label_changed_cb (EvidentRevisionPreview *self)
{
  if (self->syncing || self->revision == NULL)
    return;
  evident_revision_set_label (self->revision, gtk_editable_get_text (GTK_EDITABLE (self->label_row)));
}

static void
folded_cb (EvidentRevisionPreview *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->entries_back_button, folded);
  gtk_widget_set_visible (self->detail_back_button, folded);
  /* One pane at a time: a click on an item opens it. */
  gtk_list_view_set_single_click_activate (self->list_view, folded);
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, evident_revision_row_new ());
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 EvidentRevisionPreview   *self)
{
  evident_revision_row_set_entry (EVIDENT_REVISION_ROW (gtk_list_item_get_child (list_item)),
                                  gtk_list_item_get_item (list_item));
  g_hash_table_add (self->rows, list_item);
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   EvidentRevisionPreview   *self)
{
  evident_revision_row_set_entry (EVIDENT_REVISION_ROW (gtk_list_item_get_child (list_item)),
                                  NULL);
  g_hash_table_remove (self->rows, list_item);
}

/* The class list is one Tab stop too: the arrows choose a class. */
static gboolean
focus_class_cb (gpointer owner)
{
  EvidentRevisionPreview *self = owner;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->class_list);

  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* The list is one Tab stop: coming in, the focus goes to the selected
 * entry (or the first). */
static gboolean
focus_row_cb (gpointer owner)
{
  EvidentRevisionPreview *self = owner;
  guint position = gtk_single_selection_get_selected (self->selection);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return FALSE;
  return evident_list_focus_grab_row (GTK_WIDGET (self->list_view), self->rows,
                                      position != GTK_INVALID_LIST_POSITION ? position : 0);
}

/* Actions */

static void
pair_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EvidentRevisionPreview *self = EVIDENT_REVISION_PREVIEW (widget);
  g_autoptr (GError) error = NULL;
  const char *old_ref;
  const char *new_ref;

  if (self->revision == NULL)
    return;
  g_variant_get (parameter, "(&s&s)", &old_ref, &new_ref);
  self->paired = TRUE;
  if (!evident_revision_pair (self->revision, old_ref, new_ref, &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);
}

static void
unpair_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EvidentRevisionPreview *self = EVIDENT_REVISION_PREVIEW (widget);
  g_autoptr (GError) error = NULL;

  if (self->revision == NULL)
    return;
  self->paired = TRUE;
  if (!evident_revision_unpair (self->revision, g_variant_get_string (parameter, NULL), &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EvidentRevisionPreview *self = EVIDENT_REVISION_PREVIEW (widget);

  if (self->revision == NULL)
    return;
  self->paired = FALSE;
  evident_revision_reset (self->revision);
}

static void
show_pane_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EvidentRevisionPreview *self = EVIDENT_REVISION_PREVIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet,
                                 g_str_equal (action_name, "revision-preview.show-summary")
                                     ? self->summary_page
                                     : self->entries_page);
}

/* GObject */

static void
evident_revision_preview_dispose (GObject *object)
{
  EvidentRevisionPreview *self = EVIDENT_REVISION_PREVIEW (object);

  if (self->revision != NULL)
    g_signal_handlers_disconnect_by_func (self->revision, revision_changed_cb, self);
  g_clear_object (&self->revision);
  g_clear_object (&self->entry);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_REVISION_PREVIEW);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (evident_revision_preview_parent_class)->dispose (object);
}

static void
evident_revision_preview_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  EvidentRevisionPreview *self = EVIDENT_REVISION_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_REVISION:
      g_value_set_object (value, self->revision);
      break;
    case PROP_FILTER:
      g_value_set_string (value, evident_revision_preview_get_filter (self));
      break;
    case PROP_SELECTED_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_revision_preview_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  EvidentRevisionPreview *self = EVIDENT_REVISION_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_REVISION:
      evident_revision_preview_set_revision (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      evident_revision_preview_set_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_revision_preview_class_init (EvidentRevisionPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_revision_preview_dispose;
  object_class->get_property = evident_revision_preview_get_property;
  object_class->set_property = evident_revision_preview_set_property;

  properties[PROP_REVISION] =
    g_param_spec_object ("revision", NULL, NULL, EVIDENT_TYPE_REVISION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvidentRevisionPreview:filter:
   *
   * The class of items listed: "all", or a relation's nick ("reworded").
   */
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvidentRevisionPreview:selected-entry:
   *
   * The item shown in full. It stays when the class chosen leaves it out,
   * and follows its references when pairs change the plan.
   */
  properties[PROP_SELECTED_ENTRY] =
    g_param_spec_object ("selected-entry", NULL, NULL, EVIDENT_TYPE_REVISION_ENTRY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentRevisionPreview::error:
   * @message: what went wrong, for the user
   *
   * Emitted when the plan refused a pair.
   */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (EVIDENT_TYPE_REVISION_DETAIL);
  g_type_ensure (EVIDENT_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-revision-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, summary_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, label_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, score_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, class_list);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, recheck_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, entries_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, entries_back_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, entries_heading);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, entries_stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, list_view);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, detail_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, detail_back_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentRevisionPreview, detail);
  gtk_widget_class_bind_template_callback (widget_class, class_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, class_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_unbind_cb);

  /* Pairs by hand: an old and a new reference; an old reference; none. */
  gtk_widget_class_install_action (widget_class, "revision-preview.pair", "(ss)", pair_action);
  gtk_widget_class_install_action (widget_class, "revision-preview.unpair", "s", unpair_action);
  gtk_widget_class_install_action (widget_class, "revision-preview.reset", NULL, reset_action);
  gtk_widget_class_install_property_action (widget_class, "revision-preview.filter", "filter");
  gtk_widget_class_install_action (widget_class, "revision-preview.show-summary", NULL,
                                   show_pane_action);
  gtk_widget_class_install_action (widget_class, "revision-preview.show-entries", NULL,
                                   show_pane_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidentrevisionpreview");
}

static void
evident_revision_preview_init (EvidentRevisionPreview *self)
{
  self->rows = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  evident_a11y_name_mnemonics (GTK_WIDGET (self));
  evident_list_focus_install (GTK_WIDGET (self->list_view), focus_row_cb, self);
  evident_list_focus_install (GTK_WIDGET (self->class_list), focus_class_cb, self);

  self->relation = -1;
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filter_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  build_score_rows (self);
  build_class_rows (self);
  self->syncing = TRUE;
  gtk_list_box_select_row (self->class_list, GTK_LIST_BOX_ROW (self->class_rows[0]));
  self->syncing = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "revision-preview.reset", FALSE);
  folded_cb (self);
}

/* Public API */

GtkWidget *
evident_revision_preview_new (void)
{
  return g_object_new (EVIDENT_TYPE_REVISION_PREVIEW, NULL);
}

EvidentRevision *
evident_revision_preview_get_revision (EvidentRevisionPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_PREVIEW (self), NULL);

  return self->revision;
}

/**
 * evident_revision_preview_set_revision:
 * @revision: (nullable): the plan to show
 *
 * Shows @revision: a plan made again (after the project changed) replaces
 * the one shown, keeping the class chosen.
 */
void
evident_revision_preview_set_revision (EvidentRevisionPreview *self,
                                       EvidentRevision        *revision)
{
  g_return_if_fail (EVIDENT_IS_REVISION_PREVIEW (self));
  g_return_if_fail (revision == NULL || EVIDENT_IS_REVISION (revision));

  if (self->revision == revision)
    return;

  if (self->revision != NULL)
    g_signal_handlers_disconnect_by_func (self->revision, revision_changed_cb, self);
  g_set_object (&self->revision, revision);
  show_entry (self, NULL);
  self->paired = FALSE;

  gtk_filter_list_model_set_model (self->filter_model,
                                   revision != NULL ? evident_revision_get_entries (revision)
                                                    : NULL);
  evident_revision_detail_set_revision (self->detail, revision);
  if (revision != NULL)
    {
      g_signal_connect_object (revision, "changed", G_CALLBACK (revision_changed_cb), self,
                               G_CONNECT_SWAPPED);
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->label_row), evident_revision_get_label (revision));
      self->syncing = FALSE;
      update_summary (self);

      /* The first item shows in full: the detail pane is never empty. */
      if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
        {
          g_autoptr (EvidentRevisionEntry) first = g_list_model_get_item (
              G_LIST_MODEL (self->selection), 0);

          evident_revision_preview_select_entry (self, first);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
}

/**
 * evident_revision_preview_get_filter:
 *
 * Returns: "all", or the nick of the relation listed
 */
const char *
evident_revision_preview_get_filter (EvidentRevisionPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_PREVIEW (self), NULL);

  return relation_to_filter (self->relation);
}

/**
 * evident_revision_preview_set_filter:
 * @filter: (nullable): "all" (or %NULL), or a relation's nick
 *
 * Lists the items of one class.
 */
void
evident_revision_preview_set_filter (EvidentRevisionPreview *self,
                                     const char             *filter)
{
  EvidentRevisionRelation relation;
  int wanted = -1;

  g_return_if_fail (EVIDENT_IS_REVISION_PREVIEW (self));

  if (filter != NULL && !g_str_equal (filter, "all"))
    {
      if (!evident_revision_relation_from_string (filter, &relation))
        {
          g_warning ("Unknown class of revision items “%s”", filter);
          return;
        }
      wanted = relation;
    }
  if (self->relation == wanted)
    return;

  self->relation = wanted;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->syncing = TRUE;
  gtk_list_box_select_row (self->class_list, GTK_LIST_BOX_ROW (self->class_rows[wanted + 1]));
  self->syncing = FALSE;
  select_row (self, self->entry);
  update_entries_heading (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

EvidentRevisionEntry *
evident_revision_preview_get_selected_entry (EvidentRevisionPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_PREVIEW (self), NULL);

  return self->entry;
}

/**
 * evident_revision_preview_select_entry:
 * @entry: (nullable): an entry of the plan shown
 *
 * Shows @entry in full, and selects its row when the class listed has it.
 */
void
evident_revision_preview_select_entry (EvidentRevisionPreview *self,
                                       EvidentRevisionEntry   *entry)
{
  g_return_if_fail (EVIDENT_IS_REVISION_PREVIEW (self));
  g_return_if_fail (entry == NULL || EVIDENT_IS_REVISION_ENTRY (entry));

  show_entry (self, entry);
  select_row (self, entry);
}

GListModel *
evident_revision_preview_get_model (EvidentRevisionPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_PREVIEW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

EvidentRevisionDetail *
evident_revision_preview_get_detail (EvidentRevisionPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_PREVIEW (self), NULL);

  return self->detail;
}

/**
 * evident_revision_preview_get_class_row:
 * @filter: "all" or a relation's nick
 *
 * Returns: (transfer none): the summary's row of that class
 */
GtkWidget *
evident_revision_preview_get_class_row (EvidentRevisionPreview *self,
                                        const char             *filter)
{
  EvidentRevisionRelation relation;

  g_return_val_if_fail (EVIDENT_IS_REVISION_PREVIEW (self), NULL);

  if (g_str_equal (filter, "all"))
    return self->class_rows[0];
  g_return_val_if_fail (evident_revision_relation_from_string (filter, &relation), NULL);
  return self->class_rows[relation + 1];
}

GtkWidget *
evident_revision_preview_get_score_row (EvidentRevisionPreview *self,
                                        EvidentView             view)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_PREVIEW (self), NULL);
  g_return_val_if_fail (view < EVIDENT_N_VIEWS, NULL);

  return self->score_rows[view];
}

GtkWidget *
evident_revision_preview_get_warnings (EvidentRevisionPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_REVISION_PREVIEW (self), NULL);

  return self->warnings_box;
}
