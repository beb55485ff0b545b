/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-import-mapping-group.h"

/*
 * EvidentImportMappingGroup: the columns of one sheet of an import and the
 * fields they fill. A sheet chooser (for workbooks of several sheets), the
 * header row, one drop-down per field with "(Not in the file)" and the
 * sheet's columns by header text and letter, the level up to which items
 * are mandatory (when the file has levels and no mandatory column), and
 * the columns kept as extra fields. Everything follows
 * EvidentImport::changed; a change the user makes is applied to the import
 * at once and announced with "edited".
 */

/* The fields shown at once; the others (answers and state) are in an
 * expander. */
static const EvidentImportField main_fields[] = {
  EVIDENT_IMPORT_FIELD_REF,
  EVIDENT_IMPORT_FIELD_TITLE,
  EVIDENT_IMPORT_FIELD_REQUIREMENT,
  EVIDENT_IMPORT_FIELD_EVIDENCE,
  EVIDENT_IMPORT_FIELD_CHAPTER,
  EVIDENT_IMPORT_FIELD_CHAPTER_TITLE,
  EVIDENT_IMPORT_FIELD_SECTION,
  EVIDENT_IMPORT_FIELD_SECTION_TITLE,
  EVIDENT_IMPORT_FIELD_POINTS,
  EVIDENT_IMPORT_FIELD_MANDATORY,
  EVIDENT_IMPORT_FIELD_LEVEL,
};

static const EvidentImportField state_fields[] = {
  EVIDENT_IMPORT_FIELD_MET,
  EVIDENT_IMPORT_FIELD_RESPONSE,
  EVIDENT_IMPORT_FIELD_STATUS,
  EVIDENT_IMPORT_FIELD_OWNER,
  EVIDENT_IMPORT_FIELD_COMPLEXITY,
  EVIDENT_IMPORT_FIELD_REASON,
  EVIDENT_IMPORT_FIELD_NOTE,
  EVIDENT_IMPORT_FIELD_DUE,
  EVIDENT_IMPORT_FIELD_LABELS,
};

/* Every field has its drop-down: a field the import learns needs a place. */
G_STATIC_ASSERT (G_N_ELEMENTS (main_fields) + G_N_ELEMENTS (state_fields) == EVIDENT_IMPORT_N_FIELDS);

/* How many columns the drop-downs offer at most. */
#define MAX_COLUMNS 200
/* How long a column's name may be in a drop-down. */
#define MAX_NAME_CHARS 40

struct _EvidentImportMappingGroup
{
  AdwPreferencesGroup parent_instance;

  AdwComboRow        *sheet_row;
  GtkStringList      *sheets_model;
  AdwActionRow       *header_row;
  GtkSpinButton      *header_spin;
  AdwComboRow        *field_rows[EVIDENT_IMPORT_N_FIELDS];
  AdwExpanderRow     *state_row;
  AdwComboRow        *level_row;
  GtkStringList      *levels_model;
  AdwActionRow       *extras_row;
  GtkStringList      *columns_model;

  EvidentImport      *import;
  gulong              changed_id;
  guint               sheet;
  char               *columns_key; /* what columns_model was made from */
  char               *extras;
  guint               n_columns;   /* how many columns the drop-downs offer */
  guint               max_level;   /* what levels_model was made for */
  guint               updating;    /* set while the rows follow the import */
};

G_DEFINE_FINAL_TYPE (EvidentImportMappingGroup, evident_import_mapping_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_IMPORT,
  PROP_SHEET,
  N_PROPS
};

enum {
  EDITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
has_sheet (EvidentImportMappingGroup *self)
{
  return self->import != NULL && self->sheet < evident_import_get_n_sheets (self->import);
}

static char *
shorten (const char *text,
         guint       max_chars)
{
  g_autofree char *line = g_strdup (text);

  g_strdelimit (line, "\r\n\t", ' ');
  if (g_utf8_strlen (line, -1) <= (glong) max_chars)
    return g_steal_pointer (&line);

  {
    g_autofree char *cut = g_utf8_substring (line, 0, max_chars - 1);

    return g_strconcat (g_strchomp (cut), "…", NULL);
  }
}

/* What the row of @field says under its name: whether it is needed, and
 * for a field that can be left out, what happens while it is. */
static const char *
field_hint (EvidentImportField field,
            gboolean           mapped)
{
  switch ((int) field)
    {
    case EVIDENT_IMPORT_FIELD_REF:
      return _("Required");
    case EVIDENT_IMPORT_FIELD_TITLE:
      return _("Required, or taken from the requirement");
    case EVIDENT_IMPORT_FIELD_REQUIREMENT:
      return _("Required when there is no title");
    case EVIDENT_IMPORT_FIELD_CHAPTER:
      return mapped ? "" : _("Not in the file: taken from the reference");
    case EVIDENT_IMPORT_FIELD_POINTS:
      return mapped ? "" : _("Not in the file: a pass/fail checklist");
    default:
      return NULL;
    }
}

/* How many columns the sheet's header names: up to its last named column,
 * and at least up to every mapped column. */
static guint
count_columns (EvidentImportMappingGroup *self)
{
  EvidentSheet *sheet = evident_import_get_sheet (self->import, self->sheet);
  int header = evident_import_get_header_row (self->import, self->sheet);
  guint n = evident_sheet_get_n_columns (sheet);
  guint width = 0;

  if (header >= 0)
    {
      for (guint c = n; c > 0 && width == 0; c--)
        {
          if (*evident_sheet_get_cell (sheet, header, c - 1) != '\0')
            width = c;
        }
    }
  else
    width = n;

  for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
    width = MAX (width, (guint) (evident_import_get_column (self->import, self->sheet, f) + 1));

  return MIN (width, MAX_COLUMNS);
}

/* "Control ID (A)", or "Column C" when the header cell is empty. */
static char *
dup_column_label (EvidentImportMappingGroup *self,
                  guint                      column)
{
  g_autofree char *name = evident_import_dup_column_name (self->import, self->sheet, column);
  g_autofree char *letters = evident_sheet_column_name (column);
  g_autofree char *short_name = NULL;

  if (g_strcmp0 (name, letters) == 0)
    /* Translators: a column without a header, by its letter */
    return g_strdup_printf (_("Column %s"), letters);

  short_name = shorten (name, MAX_NAME_CHARS);
  /* Translators: a column by its header and its letter, e.g. "Control ID (A)" */
  return g_strdup_printf (C_ ("column", "%s (%s)"), short_name, letters);
}

/* The drop-downs' choices, made afresh only when the columns changed:
 * rebuilding them under an open popover would close it. */
static void
update_columns_model (EvidentImportMappingGroup *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GString) key = g_string_new (NULL);
  g_auto (GStrv) labels = NULL;
  guint n = has_sheet (self) ? count_columns (self) : 0;

  g_strv_builder_add (builder, _("(Not in the file)"));
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *label = dup_column_label (self, c);

      g_strv_builder_add (builder, label);
    }
  labels = g_strv_builder_end (builder);

  for (guint i = 0; labels[i] != NULL; i++)
    g_string_append_printf (key, "%s\x1f", labels[i]);
  if (g_strcmp0 (key->str, self->columns_key) == 0)
    return;

  g_free (self->columns_key);
  self->columns_key = g_string_free (g_steal_pointer (&key), FALSE);
  self->n_columns = n;
  gtk_string_list_splice (self->columns_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->columns_model)),
                          (const char * const *) labels);
}

static void
update_sheets (EvidentImportMappingGroup *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  guint n = self->import != NULL ? evident_import_get_n_sheets (self->import) : 0;

  for (guint i = 0; i < n; i++)
    {
      /* A CSV file's one sheet has no name. */
      const char *name = evident_sheet_get_name (evident_import_get_sheet (self->import, i));

      g_strv_builder_add (builder, name != NULL ? name : "");
    }
  names = g_strv_builder_end (builder);

  gtk_string_list_splice (self->sheets_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->sheets_model)),
                          (const char * const *) names);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), n > 1);
}

static void
update_header (EvidentImportMappingGroup *self)
{
  EvidentSheet *sheet = evident_import_get_sheet (self->import, self->sheet);
  int header = evident_import_get_header_row (self->import, self->sheet);
  guint n_rows = evident_sheet_get_n_rows (sheet);
  g_autofree char *subtitle = NULL;

  gtk_spin_button_set_range (self->header_spin, 0, MAX (n_rows, 1));
  gtk_spin_button_set_value (self->header_spin, header + 1);

  if (header < 0)
    subtitle = g_strdup (_("No row names the columns: choose the header row"));
  else
    {
      g_autoptr (GString) names = g_string_new (NULL);
      g_autofree char *place = evident_sheet_describe_row (sheet, header);
      g_autofree char *text = NULL;

      for (guint c = 0; c < evident_sheet_get_n_columns (sheet); c++)
        {
          const char *cell = evident_sheet_get_cell (sheet, header, c);

          if (*cell == '\0')
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, cell);
        }
      text = shorten (names->str, 80);
      /* Translators: where the header is and what it says, e.g. "Line 2: ID, Title" */
      subtitle = g_strdup_printf (_("%s: %s"), place, text);
    }
  adw_action_row_set_subtitle (self->header_row, subtitle);
}

static void
update_fields (EvidentImportMappingGroup *self)
{
  gboolean state_mapped = FALSE;

  for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
    {
      int column = evident_import_get_column (self->import, self->sheet, f);
      guint selected = column >= 0 && (guint) column < self->n_columns ? (guint) column + 1 : 0;

      adw_combo_row_set_selected (self->field_rows[f], selected);
      if (field_hint (f, FALSE) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->field_rows[f]), field_hint (f, column >= 0));
    }

  for (guint i = 0; i < G_N_ELEMENTS (state_fields); i++)
    state_mapped |= evident_import_get_column (self->import, self->sheet, state_fields[i]) >= 0;
  /* Show what the file already answers. */
  if (state_mapped)
    adw_expander_row_set_expanded (self->state_row, TRUE);
}

static void
update_level (EvidentImportMappingGroup *self)
{
  guint max_level = evident_import_get_max_level (self->import);
  gboolean shown = max_level > 0
                   && evident_import_get_column (self->import, self->sheet, EVIDENT_IMPORT_FIELD_MANDATORY) < 0;

  if (max_level != self->max_level)
    {
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_auto (GStrv) labels = NULL;

      g_strv_builder_add (builder, _("All items"));
      for (guint level = 1; level <= max_level; level++)
        {
          /* Translators: which items are mandatory: those up to a level */
          g_autofree char *label = g_strdup_printf (_("Up to level %u"), level);

          g_strv_builder_add (builder, label);
        }
      labels = g_strv_builder_end (builder);
      gtk_string_list_splice (self->levels_model, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->levels_model)),
                              (const char * const *) labels);
      self->max_level = max_level;
    }

  adw_combo_row_set_selected (self->level_row,
                              MIN (evident_import_get_mandatory_level (self->import), max_level));
  gtk_widget_set_visible (GTK_WIDGET (self->level_row), shown);
}

/* "Kept as extra fields: Owner team, Jira key" */
static void
update_extras (EvidentImportMappingGroup *self)
{
  g_autoptr (GString) names = g_string_new (NULL);
  int header = evident_import_get_header_row (self->import, self->sheet);

  for (guint c = 0; header >= 0 && c < self->n_columns; c++)
    {
      g_autofree char *name = NULL;

      if (evident_import_get_column_field (self->import, self->sheet, c) >= 0)
        continue;
      name = evident_import_dup_column_name (self->import, self->sheet, c);
      if (names->len > 0)
        /* Translators: between the names of columns in a list */
        g_string_append (names, C_ ("list", ", "));
      g_string_append (names, name);
    }

  g_free (self->extras);
  self->extras = g_string_free (g_steal_pointer (&names), FALSE);
  adw_action_row_set_subtitle (self->extras_row, *self->extras != '\0'
                                                 ? self->extras
                                                 : _("None: every column fills a field"));
  gtk_widget_set_visible (GTK_WIDGET (self->extras_row), header >= 0);
}

static void
update_description (EvidentImportMappingGroup *self)
{
  const char *description = NULL;

  if (self->import != NULL && evident_import_get_layout (self->import) != EVIDENT_IMPORT_LAYOUT_MAPPED)
    description = _("Recognised from the header: change a column only if it is wrong.");
  else if (self->import != NULL)
    description = _("Choose the column each field comes from.");

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
}

static void
update (EvidentImportMappingGroup *self)
{
  gboolean shown = has_sheet (self);

  self->updating++;

  update_description (self);
  update_columns_model (self);
  gtk_widget_set_visible (GTK_WIDGET (self->header_row), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->state_row), shown);
  for (guint f = 0; f < EVIDENT_IMPORT_N_FIELDS; f++)
    gtk_widget_set_visible (GTK_WIDGET (self->field_rows[f]), shown);
  if (!shown)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->level_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->extras_row), FALSE);
      self->updating--;
      return;
    }

  adw_combo_row_set_selected (self->sheet_row, self->sheet);
  update_header (self);
  update_fields (self);
  update_level (self);
  update_extras (self);

  self->updating--;
}

/* Callbacks */

static void
import_changed_cb (EvidentImportMappingGroup *self)
{
  update (self);
}

static void
sheet_selected_cb (EvidentImportMappingGroup *self)
{
  guint selected = adw_combo_row_get_selected (self->sheet_row);

  if (self->updating > 0 || selected == GTK_INVALID_LIST_POSITION)
    return;

  evident_import_mapping_group_set_sheet (self, selected);
}

static void
field_selected_cb (AdwComboRow               *row,
                   GParamSpec                *pspec,
                   EvidentImportMappingGroup *self)
{
  EvidentImportField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));
  guint selected = adw_combo_row_get_selected (row);
  int column = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;

  if (self->updating > 0 || !has_sheet (self))
    return;
  if (evident_import_get_column (self->import, self->sheet, field) == column)
    return;

  evident_import_set_column (self->import, self->sheet, field, column);
  if (field_hint (field, FALSE) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), field_hint (field, column >= 0));
  g_signal_emit (self, signals[EDITED], 0);
}

static void
header_changed_cb (EvidentImportMappingGroup *self)
{
  int row = (int) gtk_spin_button_get_value_as_int (self->header_spin) - 1;

  if (self->updating > 0 || !has_sheet (self))
    return;
  if (evident_import_get_header_row (self->import, self->sheet) == row)
    return;

  evident_import_set_header_row (self->import, self->sheet, row);
  g_signal_emit (self, signals[EDITED], 0);
}

/* The header row's spin button says "None" for 0. */
static gboolean
header_output_cb (GtkSpinButton *spin)
{
  int value = gtk_spin_button_get_value_as_int (spin);

  if (value > 0)
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (spin), C_ ("header row", "None"));
  return TRUE;
}

static int
header_input_cb (GtkSpinButton *spin,
                 double        *new_value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  guint64 value = g_ascii_strtoull (text, &end, 10);

  if (end == text)
    {
      *new_value = 0;
      return TRUE;
    }

  *new_value = (double) value;
  return TRUE;
}

static void
level_selected_cb (EvidentImportMappingGroup *self)
{
  guint selected = adw_combo_row_get_selected (self->level_row);

  if (self->updating > 0 || self->import == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (evident_import_get_mandatory_level (self->import) == selected)
    return;

  evident_import_set_mandatory_level (self->import, selected);
  g_signal_emit (self, signals[EDITED], 0);
}

/* Building the rows */

static AdwComboRow *
field_row_new (EvidentImportMappingGroup *self,
               EvidentImportField         field)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  const char *label = evident_import_field_get_label (field);
  const char *hint = field_hint (field, FALSE);
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  if (hint != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hint);
  adw_combo_row_set_model (row, G_LIST_MODEL (self->columns_model));
  evident_a11y_name_combo_row (row);
  g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (field));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (field_selected_cb), self, 0);

  /* Translators: the drop-down that chooses a field's column, for screen
   * readers: "Reference column" */
  accessible = g_strdup_printf (C_ ("accessible", "%s column"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* The name says it all; the title would repeat it ("Reference column
   * Reference"). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  self->field_rows[field] = row;
  return row;
}

static void
build_rows (EvidentImportMappingGroup *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);
  GtkWidget *spin;

  self->columns_model = gtk_string_list_new (NULL);
  self->sheets_model = gtk_string_list_new (NULL);
  self->levels_model = gtk_string_list_new (NULL);

  self->sheet_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sheet_row), _("Sheet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->sheet_row), _("Its columns, below, and its rows in the preview"));
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (self->sheets_model));
  evident_a11y_name_combo_row (self->sheet_row);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), FALSE);
  g_signal_connect_object (self->sheet_row, "notify::selected", G_CALLBACK (sheet_selected_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, GTK_WIDGET (self->sheet_row));

  self->header_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->header_row), _("Header row"));
  spin = gtk_spin_button_new_with_range (0, 1, 1);
  self->header_spin = GTK_SPIN_BUTTON (spin);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (self->header_spin, FALSE);
  g_signal_connect (spin, "output", G_CALLBACK (header_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (header_input_cb), NULL);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (header_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (self->header_row, spin);
  /* The row's title names the spin button (it is labelled by it). */
  adw_action_row_set_activatable_widget (self->header_row, spin);
  adw_preferences_group_add (group, GTK_WIDGET (self->header_row));

  for (guint i = 0; i < G_N_ELEMENTS (main_fields); i++)
    adw_preferences_group_add (group, GTK_WIDGET (field_row_new (self, main_fields[i])));

  self->state_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), _("Answers and state"));
  adw_expander_row_set_subtitle (self->state_row, _("Answers, statuses and owners the items start with"));
  /* The row around the expander's own row has no name of its own. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answers and state"),
                                  -1);
  for (guint i = 0; i < G_N_ELEMENTS (state_fields); i++)
    adw_expander_row_add_row (self->state_row, GTK_WIDGET (field_row_new (self, state_fields[i])));
  adw_preferences_group_add (group, GTK_WIDGET (self->state_row));

  self->level_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->level_row), _("Mandatory items"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->level_row), _("By the level column; the rest are recommended"));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (self->levels_model));
  evident_a11y_name_combo_row (self->level_row);
  gtk_widget_set_visible (GTK_WIDGET (self->level_row), FALSE);
  g_signal_connect_object (self->level_row, "notify::selected", G_CALLBACK (level_selected_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, GTK_WIDGET (self->level_row));

  self->extras_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->extras_row), _("Kept as extra fields"));
  adw_action_row_set_subtitle_lines (self->extras_row, 0);
  adw_action_row_set_icon_name (self->extras_row, "document-properties-symbolic");
  adw_preferences_group_add (group, GTK_WIDGET (self->extras_row));
}

/* GObject */

static void
evident_import_mapping_group_dispose (GObject *object)
{
  EvidentImportMappingGroup *self = EVIDENT_IMPORT_MAPPING_GROUP (object);

  if (self->import != NULL)
    g_clear_signal_handler (&self->changed_id, self->import);
  g_clear_object (&self->import);

  G_OBJECT_CLASS (evident_import_mapping_group_parent_class)->dispose (object);
}

static void
evident_import_mapping_group_finalize (GObject *object)
{
  EvidentImportMappingGroup *self = EVIDENT_IMPORT_MAPPING_GROUP (object);

  g_clear_object (&self->columns_model);
  g_clear_object (&self->sheets_model);
  g_clear_object (&self->levels_model);
  g_clear_pointer (&self->columns_key, g_free);
  g_clear_pointer (&self->extras, g_free);

  G_OBJECT_CLASS (evident_import_mapping_group_parent_class)->finalize (object);
}

static void
evident_import_mapping_group_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  EvidentImportMappingGroup *self = EVIDENT_IMPORT_MAPPING_GROUP (object);

  switch (prop_id)
    {
    case PROP_IMPORT:
      g_value_set_object (value, self->import);
      break;
    case PROP_SHEET:
      g_value_set_uint (value, self->sheet);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_import_mapping_group_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  EvidentImportMappingGroup *self = EVIDENT_IMPORT_MAPPING_GROUP (object);

  switch (prop_id)
    {
    case PROP_IMPORT:
      evident_import_mapping_group_set_import (self, g_value_get_object (value));
      break;
    case PROP_SHEET:
      evident_import_mapping_group_set_sheet (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_import_mapping_group_class_init (EvidentImportMappingGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_import_mapping_group_dispose;
  object_class->finalize = evident_import_mapping_group_finalize;
  object_class->get_property = evident_import_mapping_group_get_property;
  object_class->set_property = evident_import_mapping_group_set_property;

  properties[PROP_IMPORT] =
    g_param_spec_object ("import", NULL, NULL,
                         EVIDENT_TYPE_IMPORT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHEET] =
    g_param_spec_uint ("sheet", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentImportMappingGroup::edited:
   *
   * The user chose a column, a header row, a sheet's header or the
   * mandatory level; the import has it already.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
evident_import_mapping_group_init (EvidentImportMappingGroup *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Columns"));
  build_rows (self);
  update (self);
}

/* Public API */

GtkWidget *
evident_import_mapping_group_new (void)
{
  return g_object_new (EVIDENT_TYPE_IMPORT_MAPPING_GROUP, NULL);
}

EvidentImport *
evident_import_mapping_group_get_import (EvidentImportMappingGroup *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_MAPPING_GROUP (self), NULL);

  return self->import;
}

void
evident_import_mapping_group_set_import (EvidentImportMappingGroup *self,
                                         EvidentImport             *import)
{
  g_return_if_fail (EVIDENT_IS_IMPORT_MAPPING_GROUP (self));
  g_return_if_fail (import == NULL || EVIDENT_IS_IMPORT (import));

  if (self->import == import)
    return;

  if (self->import != NULL)
    g_clear_signal_handler (&self->changed_id, self->import);
  g_set_object (&self->import, import);
  if (import != NULL)
    self->changed_id = g_signal_connect_swapped (import, "changed",
                                                 G_CALLBACK (import_changed_cb), self);
  self->updating++;
  update_sheets (self);
  self->updating--;
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORT]);
}

guint
evident_import_mapping_group_get_sheet (EvidentImportMappingGroup *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_MAPPING_GROUP (self), 0);

  return self->sheet;
}

/**
 * evident_import_mapping_group_set_sheet:
 *
 * Shows the columns of @sheet.
 */
void
evident_import_mapping_group_set_sheet (EvidentImportMappingGroup *self,
                                        guint                      sheet)
{
  g_return_if_fail (EVIDENT_IS_IMPORT_MAPPING_GROUP (self));

  if (self->sheet == sheet)
    return;

  self->sheet = sheet;
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET]);
}

/**
 * evident_import_mapping_group_get_sheet_row:
 *
 * Returns: (transfer none): the drop-down of the sheets, shown when there
 *   is more than one
 */
AdwComboRow *
evident_import_mapping_group_get_sheet_row (EvidentImportMappingGroup *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_MAPPING_GROUP (self), NULL);

  return self->sheet_row;
}

/**
 * evident_import_mapping_group_get_field_row:
 *
 * Returns: (transfer none): the drop-down of @field: item 0 is "(Not in
 *   the file)", item n + 1 column n
 */
AdwComboRow *
evident_import_mapping_group_get_field_row (EvidentImportMappingGroup *self,
                                            EvidentImportField         field)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_MAPPING_GROUP (self), NULL);
  g_return_val_if_fail (field < EVIDENT_IMPORT_N_FIELDS, NULL);

  return self->field_rows[field];
}

/**
 * evident_import_mapping_group_get_header_spin:
 *
 * Returns: (transfer none): the header row's spin button: row n from 1, 0
 *   for none
 */
GtkSpinButton *
evident_import_mapping_group_get_header_spin (EvidentImportMappingGroup *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_MAPPING_GROUP (self), NULL);

  return self->header_spin;
}

/**
 * evident_import_mapping_group_get_level_row:
 *
 * Returns: (transfer none): the mandatory level's drop-down: item n is
 *   "up to level n", 0 all items
 */
AdwComboRow *
evident_import_mapping_group_get_level_row (EvidentImportMappingGroup *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_MAPPING_GROUP (self), NULL);

  return self->level_row;
}

/**
 * evident_import_mapping_group_get_extras:
 *
 * Returns: the names of the columns kept as extra fields, separated by
 *   commas; "" for none
 */
const char *
evident_import_mapping_group_get_extras (EvidentImportMappingGroup *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_MAPPING_GROUP (self), NULL);

  return self->extras != NULL ? self->extras : "";
}
