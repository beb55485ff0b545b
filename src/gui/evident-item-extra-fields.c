/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-item-extra-fields.h"

/*
 * EvidentItemExtraFields: the columns of the checklist file that no field
 * of Evident took, as the item has them: read-only, in the file's order,
 * each value selectable to copy. An expander row names the columns and
 * folds the values away; the group hides itself when the item has none.
 * Extra fields never change once imported: the rows follow the item, not
 * its notifications.
 */

struct _EvidentItemExtraFields
{
  AdwPreferencesGroup  parent_instance;

  EvidentItem         *item;

  /* Template widgets */
  AdwExpanderRow      *expander;

  /* The rows in the expander, to take out again */
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (EvidentItemExtraFields, evident_item_extra_fields, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One field: its name above, its value below, as a row lists a setting. */
static GtkWidget *
create_row (const EvidentExtraField *field)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (field->name);
  GtkWidget *value = gtk_label_new (field->value);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (name, "caption-heading");
  gtk_widget_add_css_class (name, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_set_focusable (value, FALSE);
  if (field->value == NULL || *field->value == '\0')
    {
      /* Translators: an extra field of an item whose cell is empty */
      gtk_label_set_text (GTK_LABEL (value), _("Empty"));
      gtk_label_set_selectable (GTK_LABEL (value), FALSE);
      gtk_widget_add_css_class (value, "dim-label");
    }

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), value);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, value, NULL,
                                  -1);
  return row;
}

static void
update_rows (EvidentItemExtraFields *self)
{
  const EvidentExtraField *fields = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  guint n_fields = 0;

  for (guint i = 0; i < self->rows->len; i++)
    adw_expander_row_remove (self->expander, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->item != NULL)
    fields = evident_item_get_extra_fields (self->item, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *row = create_row (&fields[i]);

      adw_expander_row_add_row (self->expander, row);
      g_ptr_array_add (self->rows, row);

      if (names->len > 0)
        /* Translators: between the names of columns in a list, "Area, Level" */
        g_string_append (names, _(", "));
      g_string_append (names, fields[i].name);
    }

  /* The rows take markup: the names as they are */
  subtitle = g_markup_escape_text (names->str, -1);
  adw_expander_row_set_subtitle (self->expander, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self), n_fields > 0);
}

/* GObject */

static void
evident_item_extra_fields_dispose (GObject *object)
{
  EvidentItemExtraFields *self = EVIDENT_ITEM_EXTRA_FIELDS (object);

  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_ITEM_EXTRA_FIELDS);

  G_OBJECT_CLASS (evident_item_extra_fields_parent_class)->dispose (object);
}

static void
evident_item_extra_fields_finalize (GObject *object)
{
  EvidentItemExtraFields *self = EVIDENT_ITEM_EXTRA_FIELDS (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (evident_item_extra_fields_parent_class)->finalize (object);
}

static void
evident_item_extra_fields_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  EvidentItemExtraFields *self = EVIDENT_ITEM_EXTRA_FIELDS (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_extra_fields_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  EvidentItemExtraFields *self = EVIDENT_ITEM_EXTRA_FIELDS (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      evident_item_extra_fields_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_extra_fields_class_init (EvidentItemExtraFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_item_extra_fields_dispose;
  object_class->finalize = evident_item_extra_fields_finalize;
  object_class->get_property = evident_item_extra_fields_get_property;
  object_class->set_property = evident_item_extra_fields_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         EVIDENT_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-item-extra-fields.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentItemExtraFields, expander);
}

static void
evident_item_extra_fields_init (EvidentItemExtraFields *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

EvidentItem *
evident_item_extra_fields_get_item (EvidentItemExtraFields *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_EXTRA_FIELDS (self), NULL);

  return self->item;
}

/**
 * evident_item_extra_fields_set_item:
 * @item: (nullable): the item whose extra fields to show
 */
void
evident_item_extra_fields_set_item (EvidentItemExtraFields *self,
                                    EvidentItem            *item)
{
  g_return_if_fail (EVIDENT_IS_ITEM_EXTRA_FIELDS (self));
  g_return_if_fail (item == NULL || EVIDENT_IS_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  update_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
