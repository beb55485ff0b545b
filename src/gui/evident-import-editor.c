/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-import-editor.h"
#include "evident-resources.h"

/*
 * EvidentImportEditor: a checklist file as the import reads it, for the
 * user to check and correct: what was recognised (the layout, how a CSV
 * file was read, the scoring mode, a remembered mapping), the sheets of a
 * workbook with a switch each, the columns of the current sheet
 * (EvidentImportMappingGroup) and, beside them or after them when the
 * room is narrow, the live preview (EvidentImportPreview). It changes only
 * the import; what to make of it is the business of the window that holds
 * it: the import assistant creates a project, the checklist update
 * compares it with the project's checklist.
 */

struct _EvidentImportEditor
{
  AdwBin                     parent_instance;

  AdwLeaflet                *leaflet;
  GtkWidget                 *settings_page;
  GtkWidget                 *preview_page;
  GtkWidget                 *back_button;
  AdwPreferencesGroup       *sheets_group;
  GtkRevealer               *preview_bar;
  GtkLabel                  *preview_counts;
  AdwActionRow              *layout_row;
  AdwActionRow              *format_row;
  AdwActionRow              *mode_row;
  AdwActionRow              *recalled_row;
  EvidentImportMappingGroup *mapping_group;
  EvidentImportPreview      *preview;

  EvidentImport             *import;
  gulong                     changed_id;
  GPtrArray                 *sheet_rows; /* of AdwActionRow, one per sheet */

  guint                      recalled : 1;
  guint                      edited : 1;
  guint                      updating : 1;
};

G_DEFINE_FINAL_TYPE (EvidentImportEditor, evident_import_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_IMPORT,
  PROP_RECALLED,
  PROP_EDITED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
is_recognised (EvidentImportLayout layout)
{
  return layout != EVIDENT_IMPORT_LAYOUT_MAPPED;
}

static void
update_summary (EvidentImportEditor *self)
{
  EvidentImportLayout layout = evident_import_get_layout (self->import);
  const EvidentCsvFormat *format = evident_import_get_csv_format (self->import);
  GPtrArray *entries = evident_import_get_entries (self->import);
  guint n_mandatory = 0;
  g_autofree char *mandatory = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->layout_row),
                                 evident_import_layout_get_label (layout));
  adw_action_row_set_subtitle (self->layout_row,
                               is_recognised (layout)
                               ? _("Recognised: no columns to choose")
                               : _("Check the column of each field below"));

  gtk_widget_set_visible (GTK_WIDGET (self->format_row), format != NULL);
  if (format != NULL)
    {
      g_autofree char *described = evident_csv_format_describe (format);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->format_row), described);
    }

  for (guint i = 0; i < entries->len; i++)
    n_mandatory += ((EvidentChecklistEntry *) g_ptr_array_index (entries, i))->mandatory;

  if (evident_import_get_mode (self->import) == EVIDENT_SCORE_MODE_PASS_FAIL || entries->len == 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->mode_row),
                                   _("Pass/fail: the file has no points"));
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->mode_row),
                                   _("Scored by points, from the file"));
  if (entries->len > 0)
    mandatory = g_strdup_printf (ngettext ("%u of %u item is mandatory",
                                           "%u of %u items are mandatory", entries->len),
                                 n_mandatory, entries->len);
  adw_action_row_set_subtitle (self->mode_row, mandatory);

  gtk_widget_set_visible (GTK_WIDGET (self->recalled_row), self->recalled);
}

static guint
count_sheet_items (EvidentImportEditor *self,
                   guint                sheet)
{
  GPtrArray *entries = evident_import_get_entries (self->import);
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const EvidentChecklistEntry *entry = g_ptr_array_index (entries, i);

      n += entry->source.known && entry->source.sheet == sheet;
    }

  return n;
}

static void
update_sheets (EvidentImportEditor *self)
{
  for (guint i = 0; i < self->sheet_rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->sheet_rows, i);
      GtkSwitch *used = GTK_SWITCH (adw_action_row_get_activatable_widget (row));
      EvidentImportSheetStatus status = evident_import_get_sheet_status (self->import, i);
      const char *label = evident_import_sheet_status_get_label (status);

      if (status == EVIDENT_IMPORT_SHEET_USED)
        {
          guint n_items = count_sheet_items (self, i);
          g_autofree char *items = g_strdup_printf (ngettext ("%u item", "%u items", n_items), n_items);
          /* Translators: what becomes of a sheet, e.g. "Imported · 12 items" */
          g_autofree char *subtitle = g_strdup_printf (C_ ("sheet", "%s · %s"), label, items);

          adw_action_row_set_subtitle (row, subtitle);
        }
      else
        adw_action_row_set_subtitle (row, label);
      gtk_switch_set_active (used, status == EVIDENT_IMPORT_SHEET_USED);
    }
}

static void
update (EvidentImportEditor *self)
{
  if (self->import == NULL)
    return;

  self->updating = TRUE;
  update_summary (self);
  update_sheets (self);
  self->updating = FALSE;
}

static void
set_edited (EvidentImportEditor *self)
{
  if (self->edited)
    return;
  self->edited = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED]);
}

/* The sheet whose columns and rows show first: the first one used. */
static guint
first_used_sheet (EvidentImport *import)
{
  for (guint i = 0; i < evident_import_get_n_sheets (import); i++)
    {
      if (evident_import_get_sheet_status (import, i) == EVIDENT_IMPORT_SHEET_USED)
        return i;
    }

  return 0;
}

/* Callbacks */

static void
import_changed_cb (EvidentImportEditor *self)
{
  update (self);
}

static void
sheet_used_cb (GtkSwitch           *used,
               GParamSpec          *pspec,
               EvidentImportEditor *self)
{
  guint sheet = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (used), "sheet"));
  gboolean active = gtk_switch_get_active (used);

  if (self->updating || self->import == NULL)
    return;
  if ((evident_import_get_sheet_status (self->import, sheet) == EVIDENT_IMPORT_SHEET_USED) == active)
    return;

  set_edited (self);
  evident_import_set_sheet_used (self->import, sheet, active);
  if (active)
    evident_import_mapping_group_set_sheet (self->mapping_group, sheet);
}

static void
mapping_edited_cb (EvidentImportEditor *self)
{
  set_edited (self);
}

static void
counts_changed_cb (EvidentImportEditor *self)
{
  gtk_label_set_text (self->preview_counts, evident_import_preview_get_counts (self->preview));
}

static void
folded_cb (EvidentImportEditor *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_revealer_set_reveal_child (self->preview_bar, folded);
  gtk_widget_set_visible (self->back_button, folded);
}

static void
build_sheet_rows (EvidentImportEditor *self)
{
  guint n_sheets = evident_import_get_n_sheets (self->import);
  gboolean workbook = evident_import_get_workbook (self->import) != NULL;

  for (guint i = 0; i < n_sheets; i++)
    {
      EvidentSheet *sheet = evident_import_get_sheet (self->import, i);
      const char *name = evident_sheet_get_name (sheet);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *used = gtk_switch_new ();
      g_autofree char *accessible = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : "");
      gtk_widget_set_valign (used, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (used), "sheet", GUINT_TO_POINTER (i));
      /* Translators: the switch that takes a sheet into the import */
      accessible = g_strdup_printf (_("Import the sheet “%s”"), name != NULL ? name : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (used),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      g_signal_connect_object (used, "notify::active", G_CALLBACK (sheet_used_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), used);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), used);
      /* Named in full above; the row labels it too, and GTK 4.8 would read
       * both: "Import the sheet “Operations” Operations". */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (used), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      adw_preferences_group_add (self->sheets_group, row);
      g_ptr_array_add (self->sheet_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->sheets_group), workbook || n_sheets > 1);
}

/* Actions */

static void
show_preview_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvidentImportEditor *self = EVIDENT_IMPORT_EDITOR (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->preview_page);
}

static void
show_settings_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EvidentImportEditor *self = EVIDENT_IMPORT_EDITOR (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->settings_page);
}

/* GObject */

static void
evident_import_editor_dispose (GObject *object)
{
  EvidentImportEditor *self = EVIDENT_IMPORT_EDITOR (object);

  if (self->import != NULL)
    g_clear_signal_handler (&self->changed_id, self->import);

  /* The leaflet is both the bin's child and a template child: let the bin
   * drop it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_IMPORT_EDITOR);

  g_clear_object (&self->import);
  g_clear_pointer (&self->sheet_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (evident_import_editor_parent_class)->dispose (object);
}

static void
evident_import_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EvidentImportEditor *self = EVIDENT_IMPORT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_IMPORT:
      g_value_set_object (value, self->import);
      break;
    case PROP_RECALLED:
      g_value_set_boolean (value, self->recalled);
      break;
    case PROP_EDITED:
      g_value_set_boolean (value, self->edited);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_import_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EvidentImportEditor *self = EVIDENT_IMPORT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_IMPORT:
      evident_import_editor_set_import (self, g_value_get_object (value));
      break;
    case PROP_RECALLED:
      evident_import_editor_set_recalled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_import_editor_class_init (EvidentImportEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_import_editor_dispose;
  object_class->get_property = evident_import_editor_get_property;
  object_class->set_property = evident_import_editor_set_property;

  /**
   * EvidentImportEditor:import:
   *
   * The import the editor changes; set once, when the file is read.
   */
  properties[PROP_IMPORT] =
    g_param_spec_object ("import", NULL, NULL,
                         EVIDENT_TYPE_IMPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvidentImportEditor:recalled:
   *
   * Whether the import uses the columns the user chose last time for the
   * same header (evident_import_recall_mapping()): the editor says so.
   */
  properties[PROP_RECALLED] =
    g_param_spec_boolean ("recalled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EvidentImportEditor:edited:
   *
   * Whether the user changed a sheet, the header row or a column: a
   * mapping worth remembering for the next file with this header.
   */
  properties[PROP_EDITED] =
    g_param_spec_boolean ("edited", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EVIDENT_TYPE_IMPORT_MAPPING_GROUP);
  g_type_ensure (EVIDENT_TYPE_IMPORT_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-import-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentImportEditor, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportEditor, settings_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportEditor, preview_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportEditor, sheets_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportEditor, preview_bar);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportEditor, preview_counts);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportEditor, layout_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportEditor, format_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportEditor, mode_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportEditor, recalled_row);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportEditor, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportEditor, preview);
  gtk_widget_class_bind_template_callback (widget_class, mapping_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, counts_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);

  gtk_widget_class_install_action (widget_class, "import-editor.show-preview", NULL,
                                   show_preview_action);
  gtk_widget_class_install_action (widget_class, "import-editor.show-settings", NULL,
                                   show_settings_action);
}

static void
evident_import_editor_init (EvidentImportEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sheet_rows = g_ptr_array_new ();
  /* The sheet whose columns show is the sheet whose rows show. */
  g_object_bind_property (self->mapping_group, "sheet", self->preview, "sheet",
                          G_BINDING_SYNC_CREATE);
  folded_cb (self);
}

/* Public API */

GtkWidget *
evident_import_editor_new (void)
{
  return g_object_new (EVIDENT_TYPE_IMPORT_EDITOR, NULL);
}

EvidentImport *
evident_import_editor_get_import (EvidentImportEditor *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_EDITOR (self), NULL);

  return self->import;
}

/**
 * evident_import_editor_set_import:
 * @import: (nullable): the import to show and change
 *
 * Shows @import; set it once.
 */
void
evident_import_editor_set_import (EvidentImportEditor *self,
                                  EvidentImport       *import)
{
  guint sheet;

  g_return_if_fail (EVIDENT_IS_IMPORT_EDITOR (self));
  g_return_if_fail (import == NULL || EVIDENT_IS_IMPORT (import));

  if (import == self->import)
    return;
  g_return_if_fail (self->import == NULL);

  self->import = g_object_ref (import);
  self->changed_id = g_signal_connect_swapped (import, "changed",
                                               G_CALLBACK (import_changed_cb), self);

  sheet = first_used_sheet (import);
  build_sheet_rows (self);
  evident_import_mapping_group_set_import (self->mapping_group, import);
  evident_import_preview_set_import (self->preview, import);
  evident_import_mapping_group_set_sheet (self->mapping_group, sheet);
  update (self);
  counts_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORT]);
}

gboolean
evident_import_editor_get_recalled (EvidentImportEditor *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_EDITOR (self), FALSE);

  return self->recalled;
}

void
evident_import_editor_set_recalled (EvidentImportEditor *self,
                                    gboolean             recalled)
{
  g_return_if_fail (EVIDENT_IS_IMPORT_EDITOR (self));

  recalled = !!recalled;
  if (self->recalled == recalled)
    return;
  self->recalled = recalled;
  gtk_widget_set_visible (GTK_WIDGET (self->recalled_row), recalled);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECALLED]);
}

gboolean
evident_import_editor_get_edited (EvidentImportEditor *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_EDITOR (self), FALSE);

  return self->edited;
}

/**
 * evident_import_editor_show_problems:
 *
 * Shows the preview's list of what blocks the import, beside the columns
 * or, when the room is narrow, instead of them.
 */
void
evident_import_editor_show_problems (EvidentImportEditor *self)
{
  g_return_if_fail (EVIDENT_IS_IMPORT_EDITOR (self));

  evident_import_preview_show_page (self->preview, "problems");
  adw_leaflet_set_visible_child (self->leaflet, self->preview_page);
}

EvidentImportMappingGroup *
evident_import_editor_get_mapping_group (EvidentImportEditor *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_EDITOR (self), NULL);

  return self->mapping_group;
}

EvidentImportPreview *
evident_import_editor_get_preview (EvidentImportEditor *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_EDITOR (self), NULL);

  return self->preview;
}

/**
 * evident_import_editor_get_summary_row:
 * @name: "layout", "format", "mode" or "recalled"
 */
AdwActionRow *
evident_import_editor_get_summary_row (EvidentImportEditor *self,
                                       const char          *name)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_EDITOR (self), NULL);

  if (g_str_equal (name, "layout"))
    return self->layout_row;
  if (g_str_equal (name, "format"))
    return self->format_row;
  if (g_str_equal (name, "mode"))
    return self->mode_row;
  if (g_str_equal (name, "recalled"))
    return self->recalled_row;
  g_return_val_if_reached (NULL);
}

GtkSwitch *
evident_import_editor_get_sheet_switch (EvidentImportEditor *self,
                                        guint                sheet)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_EDITOR (self), NULL);
  g_return_val_if_fail (sheet < self->sheet_rows->len, NULL);

  return GTK_SWITCH (adw_action_row_get_activatable_widget (
      g_ptr_array_index (self->sheet_rows, sheet)));
}
