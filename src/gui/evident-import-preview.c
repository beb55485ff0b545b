/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-import-preview.h"
#include "evident-resources.h"

/*
 * EvidentImportPreview: what an import makes of a checklist file, live.
 * A count line ("61 items in 3 chapters · pass/fail · 4 rows skipped")
 * over four pages: the first rows of the current sheet as a grid (columns
 * titled with their header text and the field they map to, the header
 * row marked, skipped rows dimmed with their reason), the chapter tree
 * with item counts, every skipped row and why, and the problems that
 * block the import. Everything follows EvidentImport::changed; the
 * rebuild is cheap (at most GRID_MAX_ROWS rows are shown).
 */

/* How many rows of a sheet the grid shows, and how many columns. */
#define GRID_MAX_ROWS    200
#define GRID_MAX_COLUMNS 40
/* How much of a cell the grid and its tooltip show. */
#define CELL_MAX_CHARS    120
#define TOOLTIP_MAX_CHARS 1000

/* The grid's first two columns, before the sheet's. */
#define COLUMN_NUMBER   -1
#define COLUMN_READS_AS -2

typedef enum
{
  ROW_KIND_OTHER,
  ROW_KIND_ITEM,
  ROW_KIND_HEADER,
  ROW_KIND_SKIPPED,
  ROW_KIND_PROBLEM,
} RowKind;

/* EvidentImportPreviewRow */

struct _EvidentImportPreviewRow
{
  GObject       parent_instance;

  EvidentSheet *sheet;
  guint         row;
  RowKind       kind;
  char         *number;
  char         *reads_as;
};

G_DEFINE_FINAL_TYPE (EvidentImportPreviewRow, evident_import_preview_row, G_TYPE_OBJECT)

static void
evident_import_preview_row_finalize (GObject *object)
{
  EvidentImportPreviewRow *self = EVIDENT_IMPORT_PREVIEW_ROW (object);

  g_clear_pointer (&self->sheet, evident_sheet_unref);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->reads_as, g_free);

  G_OBJECT_CLASS (evident_import_preview_row_parent_class)->finalize (object);
}

static void
evident_import_preview_row_class_init (EvidentImportPreviewRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = evident_import_preview_row_finalize;
}

static void
evident_import_preview_row_init (EvidentImportPreviewRow *self)
{
}

/* EvidentImportPreviewNode */

struct _EvidentImportPreviewNode
{
  GObject     parent_instance;

  char       *label;
  guint       n_items;
  GListStore *children; /* of EvidentImportPreviewNode, or NULL */
};

G_DEFINE_FINAL_TYPE (EvidentImportPreviewNode, evident_import_preview_node, G_TYPE_OBJECT)

static void
evident_import_preview_node_finalize (GObject *object)
{
  EvidentImportPreviewNode *self = EVIDENT_IMPORT_PREVIEW_NODE (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (evident_import_preview_node_parent_class)->finalize (object);
}

static void
evident_import_preview_node_class_init (EvidentImportPreviewNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = evident_import_preview_node_finalize;
}

static void
evident_import_preview_node_init (EvidentImportPreviewNode *self)
{
}

static EvidentImportPreviewNode *
node_new (const char *number,
          const char *title,
          guint       n_items)
{
  EvidentImportPreviewNode *node = g_object_new (EVIDENT_TYPE_IMPORT_PREVIEW_NODE, NULL);

  if (title != NULL && *title != '\0' && g_strcmp0 (number, title) != 0)
    /* Translators: a chapter's or section's number and title, e.g. "8.2 Identity" */
    node->label = g_strdup_printf (C_ ("chapter", "%s %s"), number, title);
  else
    node->label = g_strdup (number);
  node->n_items = n_items;

  return node;
}

/* EvidentImportPreview */

struct _EvidentImportPreview
{
  AdwBin            parent_instance;

  GtkLabel         *counts_label;
  AdwViewStack     *view_stack;
  GtkColumnView    *grid;
  GtkLabel         *rows_caption;
  AdwViewStackPage *chapters_page;
  AdwViewStackPage *skipped_page;
  AdwViewStackPage *problems_page;
  GtkStack         *chapters_stack;
  GtkStack         *skipped_stack;
  GtkListView      *chapters_view;
  GtkListView      *skipped_view;
  GtkListView      *problems_view;

  EvidentImport    *import;
  gulong            changed_id;
  guint             sheet;

  GListStore       *rows;     /* of EvidentImportPreviewRow */
  GListStore       *chapters; /* of EvidentImportPreviewNode */
  GtkStringList    *skipped;
  GtkStringList    *problems;
  int               grid_sheet;   /* the sheet the grid's columns are for, -1: none */
  guint             grid_columns; /* how many of the sheet's columns it has */
};

G_DEFINE_FINAL_TYPE (EvidentImportPreview, evident_import_preview, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_IMPORT,
  PROP_SHEET,
  PROP_COUNTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
has_sheet (EvidentImportPreview *self)
{
  return self->import != NULL && self->sheet < evident_import_get_n_sheets (self->import);
}

/* A cell's text on one line, shortened to @max_chars. */
static char *
one_line (const char *text,
          guint       max_chars)
{
  GString *line = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;
      g_string_append_unichar (line, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
  if (n == max_chars && g_utf8_strlen (text, -1) > (glong) max_chars)
    g_string_append (line, "…");

  return g_string_free (line, FALSE);
}

static char *
dup_column_title (EvidentImport *import,
                  guint          sheet,
                  guint          column)
{
  g_autofree char *name = evident_import_dup_column_name (import, sheet, column);
  g_autofree char *short_name = one_line (name, 40);
  int field = evident_import_get_column_field (import, sheet, column);

  if (field < 0)
    /* Translators: a column of a checklist file kept with each item as it is */
    return g_strdup_printf (_("%s → extra field"), short_name);

  /* Translators: a column of a checklist file and the field it fills,
   * e.g. "Control ID → Reference" */
  return g_strdup_printf (_("%s → %s"), short_name, evident_import_field_get_label (field));
}

/* The count line */

static char *
describe_counts (EvidentImport *import)
{
  GPtrArray *entries = evident_import_get_entries (import);
  guint n_chapters = evident_import_get_chapters (import)->len;
  guint n_skipped = evident_import_get_skipped (import)->len;
  guint n_problems = evident_import_get_problems (import)->len;
  g_autofree char *items = NULL;
  g_autofree char *chapters = NULL;
  g_autofree char *first = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *problems = NULL;

  items = g_strdup_printf (ngettext ("%u item", "%u items", entries->len), entries->len);
  chapters = g_strdup_printf (ngettext ("in %u chapter", "in %u chapters", n_chapters), n_chapters);
  /* Translators: "61 items" and "in 3 chapters" */
  first = g_strdup_printf (C_ ("import counts", "%s %s"), items, chapters);

  if (evident_import_get_mode (import) == EVIDENT_SCORE_MODE_PASS_FAIL || entries->len == 0)
    mode = g_strdup (_("pass/fail"));
  else
    {
      guint points = 0;

      for (guint i = 0; i < entries->len; i++)
        points += ((EvidentChecklistEntry *) g_ptr_array_index (entries, i))->points;
      mode = g_strdup_printf (ngettext ("%u point", "%u points", points), points);
    }

  skipped = g_strdup_printf (ngettext ("%u row skipped", "%u rows skipped", n_skipped), n_skipped);
  if (n_problems == 0)
    /* Translators: "61 items in 3 chapters", "pass/fail", "4 rows skipped" */
    return g_strdup_printf (C_ ("import counts", "%s · %s · %s"), first, mode, skipped);

  problems = g_strdup_printf (ngettext ("%u problem", "%u problems", n_problems), n_problems);
  /* Translators: the counts as above, then "2 problems" */
  return g_strdup_printf (C_ ("import counts", "%s · %s · %s · %s"), first, mode, skipped,
                          problems);
}

/* The grid */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  int column = GPOINTER_TO_INT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_NUMBER ? 1 : 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_NUMBER)
    {
      gtk_label_set_width_chars (GTK_LABEL (label), 3);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
    }
  else if (column == COLUMN_READS_AS)
    gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  EvidentImportPreviewRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  int column = GPOINTER_TO_INT (user_data);
  const char *text;
  g_autofree char *line = NULL;
  g_autofree char *tooltip = NULL;

  if (column == COLUMN_NUMBER)
    text = row->number;
  else if (column == COLUMN_READS_AS)
    text = row->reads_as;
  else
    /* As the spreadsheet shows it: 1.10 formatted 0.00, not 1.1. */
    text = evident_sheet_get_cell_shown (row->sheet, row->row, column);

  line = one_line (text, CELL_MAX_CHARS);
  gtk_label_set_text (GTK_LABEL (label), line);
  if (g_strcmp0 (line, text) != 0)
    tooltip = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), TOOLTIP_MAX_CHARS));
  gtk_widget_set_tooltip_text (label, tooltip);

  if (row->kind == ROW_KIND_HEADER)
    gtk_widget_add_css_class (label, "evident-import-header");
  else
    gtk_widget_remove_css_class (label, "evident-import-header");
  if (row->kind == ROW_KIND_SKIPPED || column == COLUMN_NUMBER)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  if (row->kind == ROW_KIND_PROBLEM && column == COLUMN_READS_AS)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");

  /* The row, for screen readers: its number and how it reads. */
  if (column == COLUMN_READS_AS)
    {
      g_autofree char *name = NULL;

      /* Translators: a row of the import preview for screen readers:
       * "Line" or "Row", its number, and how it reads, as in "Row 4:
       * Item K-1" */
      name = g_strdup_printf (C_ ("import row", "%s %s: %s"),
                              evident_sheet_is_csv (row->sheet) ? _("Line") : _("Row"),
                              row->number != NULL ? row->number : "",
                              row->reads_as != NULL ? row->reads_as : "");
      evident_a11y_name_row_of (label, 2, name);
    }
}

static GtkColumnViewColumn *
column_new (int         column,
            const char *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);

  return view_column;
}

static void
remove_columns (EvidentImportPreview *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->grid);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->grid, column);
    }
}

/* The grid's columns: the row's number, what it reads as, then the
 * sheet's columns, titled with their header text and their field. */
static void
update_columns (EvidentImportPreview *self)
{
  EvidentSheet *sheet;
  GListModel *columns;
  guint n_columns;

  if (!has_sheet (self))
    {
      remove_columns (self);
      self->grid_sheet = -1;
      return;
    }

  sheet = evident_import_get_sheet (self->import, self->sheet);
  n_columns = MIN (evident_sheet_get_n_columns (sheet), GRID_MAX_COLUMNS);
  if (self->grid_sheet != (int) self->sheet || self->grid_columns != n_columns)
    {
      g_autoptr (GtkColumnViewColumn) number = NULL;
      g_autoptr (GtkColumnViewColumn) reads_as = NULL;

      remove_columns (self);
      number = column_new (COLUMN_NUMBER, evident_sheet_is_csv (sheet) ? _("Line") : _("Row"));
      gtk_column_view_append_column (self->grid, number);
      reads_as = column_new (COLUMN_READS_AS, _("Reads as"));
      gtk_column_view_append_column (self->grid, reads_as);
      for (guint c = 0; c < n_columns; c++)
        {
          g_autoptr (GtkColumnViewColumn) column = column_new ((int) c, "");

          gtk_column_view_append_column (self->grid, column);
        }
      self->grid_sheet = (int) self->sheet;
      self->grid_columns = n_columns;
    }

  columns = gtk_column_view_get_columns (self->grid);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, c + 2);
      g_autofree char *title = dup_column_title (self->import, self->sheet, c);

      gtk_column_view_column_set_title (column, title);
    }
}

/* What each of the grid's rows reads as: from the entries, the skipped
 * rows and the problems of the current sheet. */
static void
update_rows (EvidentImportPreview *self)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  EvidentSheet *sheet;
  GPtrArray *entries;
  GArray *skipped;
  GPtrArray *problems;
  guint n_rows;
  gboolean used;

  if (!has_sheet (self))
    {
      g_list_store_remove_all (self->rows);
      gtk_widget_set_visible (GTK_WIDGET (self->rows_caption), FALSE);
      return;
    }

  sheet = evident_import_get_sheet (self->import, self->sheet);
  n_rows = MIN (evident_sheet_get_n_rows (sheet), GRID_MAX_ROWS);
  used = evident_import_get_sheet_status (self->import, self->sheet) == EVIDENT_IMPORT_SHEET_USED;

  for (guint r = 0; r < n_rows; r++)
    {
      EvidentImportPreviewRow *row = g_object_new (EVIDENT_TYPE_IMPORT_PREVIEW_ROW, NULL);

      row->sheet = evident_sheet_ref (sheet);
      row->row = r;
      row->number = g_strdup_printf ("%u", evident_sheet_is_csv (sheet)
                                     ? evident_sheet_get_row_line (sheet, r) : r + 1);
      if (!used)
        {
          row->kind = ROW_KIND_SKIPPED;
          row->reads_as = g_strdup (_("Sheet left out"));
        }
      g_ptr_array_add (rows, row);
    }

  entries = evident_import_get_entries (self->import);
  for (guint i = 0; used && i < entries->len; i++)
    {
      const EvidentChecklistEntry *entry = g_ptr_array_index (entries, i);
      EvidentImportPreviewRow *row;

      if (!entry->source.known || entry->source.sheet != self->sheet || entry->source.row >= n_rows)
        continue;
      row = g_ptr_array_index (rows, entry->source.row);
      row->kind = ROW_KIND_ITEM;
      g_free (row->reads_as);
      /* Translators: what a row of a checklist file becomes, e.g. "Item SECP-001" */
      row->reads_as = g_strdup_printf (_("Item %s"), entry->ref);
    }

  skipped = evident_import_get_skipped (self->import);
  for (guint i = 0; used && i < skipped->len; i++)
    {
      const EvidentImportSkip *skip = &g_array_index (skipped, EvidentImportSkip, i);
      EvidentImportPreviewRow *row;

      if (skip->sheet != self->sheet || skip->row >= n_rows)
        continue;
      row = g_ptr_array_index (rows, skip->row);
      row->kind = skip->reason == EVIDENT_IMPORT_SKIP_HEADER ? ROW_KIND_HEADER : ROW_KIND_SKIPPED;
      g_free (row->reads_as);
      row->reads_as = g_strdup (evident_import_skip_reason_get_label (skip->reason));
    }

  problems = evident_import_get_problems (self->import);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const EvidentImportProblem *problem = g_ptr_array_index (problems, i);
      EvidentImportPreviewRow *row;

      if (problem->sheet != (int) self->sheet || problem->row < 0 || (guint) problem->row >= n_rows)
        continue;
      row = g_ptr_array_index (rows, problem->row);
      if (row->kind == ROW_KIND_HEADER)
        continue;
      row->kind = ROW_KIND_PROBLEM;
      g_free (row->reads_as);
      row->reads_as = g_strdup (_("Problem"));
    }

  /* The header row, also when the import could not read the sheet. */
  if (used && evident_import_get_header_row (self->import, self->sheet) >= 0)
    {
      guint header = evident_import_get_header_row (self->import, self->sheet);

      if (header < n_rows)
        {
          EvidentImportPreviewRow *row = g_ptr_array_index (rows, header);

          row->kind = ROW_KIND_HEADER;
          g_free (row->reads_as);
          row->reads_as = g_strdup (evident_import_skip_reason_get_label (EVIDENT_IMPORT_SKIP_HEADER));
        }
    }

  for (guint r = 0; r < rows->len; r++)
    {
      EvidentImportPreviewRow *row = g_ptr_array_index (rows, r);

      if (row->reads_as == NULL)
        row->reads_as = g_strdup ("");
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);

  if (evident_sheet_get_n_rows (sheet) > n_rows)
    {
      g_autofree char *caption = NULL;

      /* Translators: under the grid of a sheet's rows */
      caption = g_strdup_printf (_("The first %u of %u rows"), n_rows, evident_sheet_get_n_rows (sheet));
      gtk_label_set_text (self->rows_caption, caption);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rows_caption), evident_sheet_get_n_rows (sheet) > n_rows);
}

/* Chapters, skipped rows, problems */

static void
update_chapters (EvidentImportPreview *self)
{
  g_autoptr (GPtrArray) nodes = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *chapters = evident_import_get_chapters (self->import);

  for (guint i = 0; i < chapters->len; i++)
    {
      const EvidentImportChapter *chapter = g_ptr_array_index (chapters, i);
      EvidentImportPreviewNode *node = node_new (chapter->number, chapter->title, chapter->n_items);

      for (guint j = 0; j < chapter->sections->len; j++)
        {
          const EvidentImportSection *section = g_ptr_array_index (chapter->sections, j);
          g_autoptr (EvidentImportPreviewNode) child = NULL;

          if (node->children == NULL)
            node->children = g_list_store_new (EVIDENT_TYPE_IMPORT_PREVIEW_NODE);
          child = node_new (section->number, section->title, section->n_items);
          g_list_store_append (node->children, child);
        }
      g_ptr_array_add (nodes, node);
    }

  g_list_store_splice (self->chapters, 0, g_list_model_get_n_items (G_LIST_MODEL (self->chapters)),
                       nodes->pdata, nodes->len);
  gtk_stack_set_visible_child_name (self->chapters_stack, nodes->len > 0 ? "list" : "empty");
  adw_view_stack_page_set_badge_number (self->chapters_page, nodes->len);
}

static void
update_skipped (EvidentImportPreview *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) lines = NULL;
  GArray *skipped = evident_import_get_skipped (self->import);

  for (guint i = 0; i < skipped->len; i++)
    {
      const EvidentImportSkip *skip = &g_array_index (skipped, EvidentImportSkip, i);
      EvidentSheet *sheet = evident_import_get_sheet (self->import, skip->sheet);
      g_autofree char *place = evident_sheet_describe_row (sheet, skip->row);
      /* Translators: a skipped row and why, e.g. "Sheet “Security”, row 7 · Heading" */
      g_autofree char *line = g_strdup_printf (C_ ("skipped row", "%s · %s"), place,
                                               evident_import_skip_reason_get_label (skip->reason));

      g_strv_builder_add (builder, line);
    }
  lines = g_strv_builder_end (builder);

  gtk_string_list_splice (self->skipped, 0, g_list_model_get_n_items (G_LIST_MODEL (self->skipped)),
                          (const char * const *) lines);
  gtk_stack_set_visible_child_name (self->skipped_stack, skipped->len > 0 ? "list" : "empty");
  adw_view_stack_page_set_badge_number (self->skipped_page, skipped->len);
}

static void
update_problems (EvidentImportPreview *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) lines = NULL;
  GPtrArray *problems = evident_import_get_problems (self->import);

  for (guint i = 0; i < problems->len; i++)
    g_strv_builder_add (builder, ((EvidentImportProblem *) g_ptr_array_index (problems, i))->message);
  lines = g_strv_builder_end (builder);

  gtk_string_list_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                          (const char * const *) lines);
  adw_view_stack_page_set_badge_number (self->problems_page, problems->len);
  adw_view_stack_page_set_visible (self->problems_page, problems->len > 0);
}

static void
clear_models (EvidentImportPreview *self)
{
  g_list_store_remove_all (self->chapters);
  gtk_string_list_splice (self->skipped, 0, g_list_model_get_n_items (G_LIST_MODEL (self->skipped)), NULL);
  gtk_string_list_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)), NULL);
  adw_view_stack_page_set_visible (self->problems_page, FALSE);
  gtk_label_set_text (self->counts_label, "");
}

static void
update (EvidentImportPreview *self)
{
  g_autofree char *counts = NULL;

  update_columns (self);
  update_rows (self);

  if (self->import == NULL)
    {
      clear_models (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTS]);
      return;
    }

  update_chapters (self);
  update_skipped (self);
  update_problems (self);

  counts = describe_counts (self->import);
  if (g_strcmp0 (counts, gtk_label_get_text (self->counts_label)) != 0)
    {
      gtk_label_set_text (self->counts_label, counts);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTS]);
    }
}

/* Keyboard: Tab leaves a list */

/* GTK 4.8 moves Tab from row to row of a list view; in a preview of 200
 * rows that is a trap. Arrow keys move within a list, and Tab moves on to
 * the next control, as in GtkListBox. */
static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (list));
  GtkDirectionType direction;
  gboolean moved;

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return GDK_EVENT_PROPAGATE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || root == NULL)
    return GDK_EVENT_PROPAGATE;

  direction = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0
              ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;

  /* With the list out of the focus chain for a moment, focus moves from
   * it to the control after (or before) it. */
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (root, direction);
  if (!moved)
    moved = gtk_widget_child_focus (root, direction);
  gtk_widget_set_can_focus (list, TRUE);

  return moved ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static void
leave_on_tab (GtkWidget *list)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), NULL);
  gtk_widget_add_controller (list, controller);
}

/* Callbacks */

static void
import_changed_cb (EvidentImportPreview *self)
{
  update (self);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  EvidentImportPreviewNode *node = item;

  return node->children != NULL ? g_object_ref (G_LIST_MODEL (node->children)) : NULL;
}

static void
chapter_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
chapter_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *count = gtk_widget_get_last_child (box);
  EvidentImportPreviewNode *node = gtk_tree_list_row_get_item (tree_row);
  g_autofree char *items = NULL;
  g_autofree char *accessible = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), tree_row);
  items = g_strdup_printf (ngettext ("%u item", "%u items", node->n_items), node->n_items);
  gtk_label_set_text (GTK_LABEL (label), node->label);
  gtk_label_set_text (GTK_LABEL (count), items);
  if (gtk_tree_list_row_get_depth (tree_row) == 0)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");

  /* Translators: a chapter or section for screen readers: "8.2 Identity, 4 items" */
  accessible = g_strdup_printf (C_ ("chapter", "%s, %s"), node->label, items);
  evident_a11y_name_row_of (expander, 1, accessible);
  g_object_unref (node);
}

static void
line_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_list_item_set_child (list_item, label);
}

static void
line_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkStringObject *line = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (line));
  evident_a11y_name_row_of (label, 1, gtk_string_object_get_string (line));
}

/* GObject */

static void
evident_import_preview_dispose (GObject *object)
{
  EvidentImportPreview *self = EVIDENT_IMPORT_PREVIEW (object);

  if (self->import != NULL)
    g_clear_signal_handler (&self->changed_id, self->import);
  g_clear_object (&self->import);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_IMPORT_PREVIEW);

  g_clear_object (&self->rows);
  g_clear_object (&self->chapters);
  g_clear_object (&self->skipped);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (evident_import_preview_parent_class)->dispose (object);
}

static void
evident_import_preview_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EvidentImportPreview *self = EVIDENT_IMPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_IMPORT:
      g_value_set_object (value, self->import);
      break;
    case PROP_SHEET:
      g_value_set_uint (value, self->sheet);
      break;
    case PROP_COUNTS:
      g_value_set_string (value, evident_import_preview_get_counts (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_import_preview_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  EvidentImportPreview *self = EVIDENT_IMPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_IMPORT:
      evident_import_preview_set_import (self, g_value_get_object (value));
      break;
    case PROP_SHEET:
      evident_import_preview_set_sheet (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_import_preview_class_init (EvidentImportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_import_preview_dispose;
  object_class->get_property = evident_import_preview_get_property;
  object_class->set_property = evident_import_preview_set_property;

  properties[PROP_IMPORT] =
    g_param_spec_object ("import", NULL, NULL,
                         EVIDENT_TYPE_IMPORT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHEET] =
    g_param_spec_uint ("sheet", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNTS] =
    g_param_spec_string ("counts", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-import-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentImportPreview, counts_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportPreview, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportPreview, grid);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportPreview, rows_caption);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportPreview, chapters_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportPreview, skipped_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportPreview, problems_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportPreview, chapters_stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportPreview, skipped_stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportPreview, chapters_view);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportPreview, skipped_view);
  gtk_widget_class_bind_template_child (widget_class, EvidentImportPreview, problems_view);
  gtk_widget_class_bind_template_callback (widget_class, chapter_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, chapter_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, line_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, line_bind_cb);
}

static void
evident_import_preview_init (EvidentImportPreview *self)
{
  GtkTreeListModel *tree;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->grid_sheet = -1;
  self->rows = g_list_store_new (EVIDENT_TYPE_IMPORT_PREVIEW_ROW);
  self->chapters = g_list_store_new (EVIDENT_TYPE_IMPORT_PREVIEW_NODE);
  self->skipped = gtk_string_list_new (NULL);
  self->problems = gtk_string_list_new (NULL);

  gtk_column_view_set_model (self->grid,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)))));
  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->chapters)), FALSE, TRUE,
                                  create_children_cb, NULL, NULL);
  gtk_list_view_set_model (self->chapters_view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (tree))));
  gtk_list_view_set_model (self->skipped_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->skipped)))));
  gtk_list_view_set_model (self->problems_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->problems)))));

  leave_on_tab (GTK_WIDGET (self->grid));
  leave_on_tab (GTK_WIDGET (self->chapters_view));
  leave_on_tab (GTK_WIDGET (self->skipped_view));
  leave_on_tab (GTK_WIDGET (self->problems_view));

  update (self);
}

/* Public API */

GtkWidget *
evident_import_preview_new (void)
{
  return g_object_new (EVIDENT_TYPE_IMPORT_PREVIEW, NULL);
}

EvidentImport *
evident_import_preview_get_import (EvidentImportPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_PREVIEW (self), NULL);

  return self->import;
}

void
evident_import_preview_set_import (EvidentImportPreview *self,
                                   EvidentImport        *import)
{
  g_return_if_fail (EVIDENT_IS_IMPORT_PREVIEW (self));
  g_return_if_fail (import == NULL || EVIDENT_IS_IMPORT (import));

  if (self->import == import)
    return;

  if (self->import != NULL)
    g_clear_signal_handler (&self->changed_id, self->import);
  g_set_object (&self->import, import);
  if (import != NULL)
    self->changed_id = g_signal_connect_swapped (import, "changed",
                                                 G_CALLBACK (import_changed_cb), self);
  self->grid_sheet = -1;
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORT]);
}

guint
evident_import_preview_get_sheet (EvidentImportPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_PREVIEW (self), 0);

  return self->sheet;
}

/**
 * evident_import_preview_set_sheet:
 *
 * Shows the rows of @sheet in the grid.
 */
void
evident_import_preview_set_sheet (EvidentImportPreview *self,
                                  guint                 sheet)
{
  g_return_if_fail (EVIDENT_IS_IMPORT_PREVIEW (self));

  if (self->sheet == sheet)
    return;

  self->sheet = sheet;
  update_columns (self);
  update_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET]);
}

/**
 * evident_import_preview_get_counts:
 *
 * Returns: the count line, e.g. "61 items in 3 chapters · pass/fail · 4
 *   rows skipped"; "" without an import
 */
const char *
evident_import_preview_get_counts (EvidentImportPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_PREVIEW (self), NULL);

  return gtk_label_get_text (self->counts_label);
}

/**
 * evident_import_preview_show_page:
 * @name: "rows", "chapters", "skipped" or "problems"
 */
void
evident_import_preview_show_page (EvidentImportPreview *self,
                                  const char           *name)
{
  g_return_if_fail (EVIDENT_IS_IMPORT_PREVIEW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * evident_import_preview_get_grid:
 *
 * Returns: (transfer none): the grid of the current sheet's rows
 */
GtkColumnView *
evident_import_preview_get_grid (EvidentImportPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_PREVIEW (self), NULL);

  return self->grid;
}

/**
 * evident_import_preview_get_rows:
 *
 * Returns: (transfer none): the grid's rows, #EvidentImportPreviewRow
 */
GListModel *
evident_import_preview_get_rows (EvidentImportPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_PREVIEW (self), NULL);

  return G_LIST_MODEL (self->rows);
}

/**
 * evident_import_preview_get_chapters:
 *
 * Returns: (transfer none): the chapters, #EvidentImportPreviewNode, their
 *   sections as children
 */
GListModel *
evident_import_preview_get_chapters (EvidentImportPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_PREVIEW (self), NULL);

  return G_LIST_MODEL (self->chapters);
}

/**
 * evident_import_preview_get_skipped:
 *
 * Returns: (transfer none): the skipped rows as the list shows them,
 *   #GtkStringObject
 */
GListModel *
evident_import_preview_get_skipped (EvidentImportPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_PREVIEW (self), NULL);

  return G_LIST_MODEL (self->skipped);
}

/**
 * evident_import_preview_get_problems:
 *
 * Returns: (transfer none): the problems as the list shows them,
 *   #GtkStringObject
 */
GListModel *
evident_import_preview_get_problems (EvidentImportPreview *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_PREVIEW (self), NULL);

  return G_LIST_MODEL (self->problems);
}

guint
evident_import_preview_row_get_row (EvidentImportPreviewRow *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_PREVIEW_ROW (self), 0);

  return self->row;
}

/**
 * evident_import_preview_row_get_reads_as:
 *
 * Returns: what the row becomes: "Item SECP-001", "Header", "Heading", …
 */
const char *
evident_import_preview_row_get_reads_as (EvidentImportPreviewRow *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_PREVIEW_ROW (self), NULL);

  return self->reads_as;
}

gboolean
evident_import_preview_row_get_skipped (EvidentImportPreviewRow *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_PREVIEW_ROW (self), FALSE);

  return self->kind == ROW_KIND_SKIPPED;
}

const char *
evident_import_preview_node_get_label (EvidentImportPreviewNode *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_PREVIEW_NODE (self), NULL);

  return self->label;
}

guint
evident_import_preview_node_get_n_items (EvidentImportPreviewNode *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_PREVIEW_NODE (self), 0);

  return self->n_items;
}

/**
 * evident_import_preview_node_get_children:
 *
 * Returns: (transfer none) (nullable): a chapter's sections
 */
GListModel *
evident_import_preview_node_get_children (EvidentImportPreviewNode *self)
{
  g_return_val_if_fail (EVIDENT_IS_IMPORT_PREVIEW_NODE (self), NULL);

  return self->children != NULL ? G_LIST_MODEL (self->children) : NULL;
}
