/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-evidence-panel.h"
#include "evident-findings-list.h"
#include "evident-item-editor.h"
#include "evident-item-extra-fields.h"
#include "evident-item-fields.h"
#include "evident-item-history.h"
#include "evident-item-recheck.h"
#include "evident-item-text.h"

/*
 * EvidentItemEditor: one item, to edit. It holds its parts, each a widget
 * of its own, and gives them its project and item through properties:
 *
 *  - EvidentItemRecheck: after a checklist update reworded the item, that
 *    it needs a re-check, and "Confirm" (editor.confirm-recheck);
 *  - EvidentItemFields: what the item is, its status (and the reason when
 *    it is not applicable), owner, complexity and due date;
 *  - EvidentFindingsList: what the sessions found on the item, open and
 *    addressed, to address or reopen; shown only when there is any;
 *  - EvidentItemExtraFields: the checklist file's other columns, read-only;
 *  - EvidentEvidencePanel: the item's evidence, files and links, and the
 *    files being added;
 *  - two EvidentItemTexts, saved as the user types: the response for the
 *    auditor, and the internal notes;
 *  - EvidentItemHistory: who changed what, when.
 *
 * Its actions ("editor.set-status", "editor.add-uri" and the like) are the
 * way in for the parts' controls, the keyboard and the tests alike: each
 * hands its parameter to the part whose job it is. In a project open
 * read-only the actions that would change it are off, and the parts show
 * their controls insensitive. The parts' errors,
 * toasts and activations come out as the editor's signals, for the window.
 * Files dropped on the item page become evidence.
 */

struct _EvidentItemEditor
{
  AdwBin                  parent_instance;

  EvidentProject         *project;
  EvidentItem            *item;

  /* Template widgets */
  GtkStack               *stack;
  GtkScrolledWindow      *scrolled_window;
  EvidentItemRecheck     *recheck;
  EvidentItemFields      *fields;
  EvidentFindingsList    *findings;
  EvidentItemExtraFields *extra_fields;
  EvidentEvidencePanel   *evidence_panel;
  EvidentItemText        *response;
  EvidentItemText        *notes;
  EvidentItemHistory     *history;
  GtkWidget              *later_box;

  guint                   later_tick_id;
  guint                   later_ticks;
};

G_DEFINE_FINAL_TYPE (EvidentItemEditor, evident_item_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ITEM,
  PROP_SELECTED_EVIDENCE,
  N_PROPS
};

enum {
  ERROR,
  TOAST,
  EVIDENCE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void build_parts (EvidentItemEditor *self);
static void evident_item_editor_map (GtkWidget *widget);

/* The actions that change the project; the others only need an item. */
static const char *edit_actions[] = {
  "editor.set-status",
  "editor.confirm-recheck",
  "editor.set-reason",
  "editor.set-owner",
  "editor.set-complexity",
  "editor.set-due",
  "editor.add-files",
  "editor.add-uri",
  "editor.add-link",
  "editor.rename-evidence",
  "editor.set-evidence-title",
  "editor.set-evidence-kind",
  "editor.remove-evidence",
};

static const char *view_actions[] = {
  "editor.open-evidence",
  "editor.save-evidence",
};

/* Where the response goes: into the workbook handed in, when there is one. */
static void
update_response_description (EvidentItemEditor *self)
{
  g_autofree char *workbook = NULL;

  if (self->response == NULL)
    return;

  if (self->project != NULL)
    workbook = evident_project_dup_workbook_name (self->project);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->response),
                                         workbook != NULL
                                           ? _("Goes into the self-assessment’s Partner Response")
                                           : _("What the auditor reads about this item"));
}

/* Saves the texts typed but not saved yet. */
static void
flush_texts (EvidentItemEditor *self)
{
  if (self->notes == NULL)
    return;

  evident_item_fields_flush (self->fields);
  evident_item_text_flush (self->response);
  evident_item_text_flush (self->notes);
}

static void
update_actions (EvidentItemEditor *self)
{
  gboolean enabled = self->item != NULL && self->project != NULL;
  gboolean editable = enabled && !evident_project_get_read_only (self->project);

  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], editable);
  for (guint i = 0; i < G_N_ELEMENTS (view_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), view_actions[i], enabled);
}

/* Signal handlers */

static void
part_error_cb (EvidentItemEditor *self,
               const char        *message)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
panel_toast_cb (EvidentItemEditor *self,
                AdwToast          *toast)
{
  g_signal_emit (self, signals[TOAST], 0, toast);
}

static void
panel_evidence_activated_cb (EvidentItemEditor *self,
                             EvidentEvidence   *evidence)
{
  g_signal_emit (self, signals[EVIDENCE_ACTIVATED], 0, evidence);
}

static void
panel_selected_evidence_cb (EvidentItemEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVIDENCE]);
}

static gboolean
drop_cb (EvidentItemEditor *self,
         const GValue      *value,
         double             x,
         double             y)
{
  GSList *files = g_value_get_boxed (value);

  if (self->item == NULL || self->project == NULL || files == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *uri = g_file_get_uri (l->data);

      gtk_widget_activate_action (GTK_WIDGET (self), "editor.add-uri", "s", uri);
    }
  return TRUE;
}

/* Actions */

/* editor.set-status and the other fields' actions */
static void
set_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  static const struct {
    const char       *action_name;
    EvidentItemField  field;
  } fields[] = {
    { "editor.set-status", EVIDENT_ITEM_FIELD_STATUS },
    { "editor.set-reason", EVIDENT_ITEM_FIELD_REASON },
    { "editor.set-owner", EVIDENT_ITEM_FIELD_OWNER },
    { "editor.set-complexity", EVIDENT_ITEM_FIELD_COMPLEXITY },
    { "editor.set-due", EVIDENT_ITEM_FIELD_DUE },
  };
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (action_name, fields[i].action_name))
      evident_item_fields_apply (self->fields, fields[i].field,
                                 g_variant_get_string (parameter, NULL));
}

static void
confirm_recheck_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  evident_item_recheck_confirm (EVIDENT_ITEM_EDITOR (widget)->recheck);
}

static void
add_files_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  evident_evidence_panel_add_files (EVIDENT_ITEM_EDITOR (widget)->evidence_panel);
}

static void
add_uri_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  evident_evidence_panel_add_uri (EVIDENT_ITEM_EDITOR (widget)->evidence_panel,
                                  g_variant_get_string (parameter, NULL));
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  evident_evidence_panel_add_link (EVIDENT_ITEM_EDITOR (widget)->evidence_panel);
}

/* editor.open-evidence and the other actions on one piece of evidence */
static void
evidence_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EvidentEvidencePanel *panel = EVIDENT_ITEM_EDITOR (widget)->evidence_panel;
  gint64 id = g_variant_get_int64 (parameter);

  if (g_str_equal (action_name, "editor.open-evidence"))
    evident_evidence_panel_open (panel, id);
  else if (g_str_equal (action_name, "editor.save-evidence"))
    evident_evidence_panel_save_copy (panel, id);
  else if (g_str_equal (action_name, "editor.rename-evidence"))
    evident_evidence_panel_rename (panel, id);
  else if (g_str_equal (action_name, "editor.remove-evidence"))
    evident_evidence_panel_remove (panel, id);
}

/* editor.set-evidence-title and editor.set-evidence-kind */
static void
set_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EvidentEvidencePanel *panel = EVIDENT_ITEM_EDITOR (widget)->evidence_panel;
  const char *value;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &value);
  if (g_str_equal (action_name, "editor.set-evidence-title"))
    evident_evidence_panel_set_title (panel, id, value);
  else
    evident_evidence_panel_set_kind (panel, id, value);
}

/* GObject */

static void
evident_item_editor_dispose (GObject *object)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (object);

  /* Text typed a moment ago goes into the project before anything else. */
  if (self->notes != NULL)
    flush_texts (self);

  if (self->later_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->later_tick_id);
  self->later_tick_id = 0;

  g_clear_object (&self->item);
  g_clear_object (&self->project);

  /* The stack is both AdwBin's child and a template child: let the bin
   * drop it first, or both would unparent it. */
  if (self->stack != NULL)
    {
      adw_bin_set_child (ADW_BIN (self), NULL);
      gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_ITEM_EDITOR);
    }

  G_OBJECT_CLASS (evident_item_editor_parent_class)->dispose (object);
}

static void
evident_item_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_SELECTED_EVIDENCE:
      g_value_set_object (value, evident_item_editor_get_selected_evidence (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_item_editor_set_project (self, g_value_get_object (value));
      break;
    case PROP_ITEM:
      evident_item_editor_set_item (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_EVIDENCE:
      evident_item_editor_set_selected_evidence (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_item_editor_class_init (EvidentItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_item_editor_dispose;
  object_class->get_property = evident_item_editor_get_property;
  object_class->set_property = evident_item_editor_set_property;
  widget_class->map = evident_item_editor_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         EVIDENT_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * EvidentItemEditor:selected-evidence:
   *
   * The evidence selected in the item's list, for a preview beside the
   * editor; the first of the item's when the item changes, %NULL when it
   * has none.
   */
  properties[PROP_SELECTED_EVIDENCE] =
    g_param_spec_object ("selected-evidence", NULL, NULL,
                         EVIDENT_TYPE_EVIDENCE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentItemEditor::error:
   * @self: the editor
   * @message: what went wrong, for the user
   *
   * Emitted when the project refused an edit or could not save it.
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * EvidentItemEditor::toast:
   * @self: the editor
   * @toast: a toast, such as the one that undoes a removal
   *
   * Emitted when the editor has something to say in a toast: the window
   * shows it (adw_toast_overlay_add_toast() takes a reference of its own).
   */
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  /**
   * EvidentItemEditor::evidence-activated:
   * @self: the editor
   * @evidence: the evidence
   *
   * Emitted when the user activates a piece of evidence (a click, or Enter
   * on its row): the window shows its preview where it was folded away.
   */
  signals[EVIDENCE_ACTIVATED] =
    g_signal_new ("evidence-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EVIDENT_TYPE_EVIDENCE);

  g_type_ensure (EVIDENT_TYPE_EVIDENCE_PANEL);
  g_type_ensure (EVIDENT_TYPE_FINDINGS_LIST);
  g_type_ensure (EVIDENT_TYPE_ITEM_FIELDS);
  g_type_ensure (EVIDENT_TYPE_ITEM_EXTRA_FIELDS);
  g_type_ensure (EVIDENT_TYPE_ITEM_HISTORY);
  g_type_ensure (EVIDENT_TYPE_ITEM_RECHECK);
  g_type_ensure (EVIDENT_TYPE_ITEM_TEXT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-item-editor.ui");
  gtk_widget_class_set_css_name (widget_class, "evidentitemeditor");

  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, later_box);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, recheck);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, fields);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, findings);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, extra_fields);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, evidence_panel);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, response);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, notes);
  gtk_widget_class_bind_template_child (widget_class, EvidentItemEditor, history);

  /* The parameter is a status, complexity or date as project files spell
   * them ("not-applicable", "high", "2025-03-31"), an owner's name or a
   * reason; "" clears owner, due date and reason. */
  gtk_widget_class_install_action (widget_class, "editor.set-status", "s", set_field_action);
  /* The item gets back the status it had before a checklist update. */
  gtk_widget_class_install_action (widget_class, "editor.confirm-recheck", NULL,
                                   confirm_recheck_action);
  gtk_widget_class_install_action (widget_class, "editor.set-reason", "s", set_field_action);
  gtk_widget_class_install_action (widget_class, "editor.set-owner", "s", set_field_action);
  gtk_widget_class_install_action (widget_class, "editor.set-complexity", "s", set_field_action);
  gtk_widget_class_install_action (widget_class, "editor.set-due", "s", set_field_action);

  /* Evidence of the item shown. add-uri adds a file by its URI, as a drop
   * does; the others take an evidence id, and a title or a kind as
   * project files spell them ("presentation"). */
  gtk_widget_class_install_action (widget_class, "editor.add-files", NULL, add_files_action);
  gtk_widget_class_install_action (widget_class, "editor.add-uri", "s", add_uri_action);
  gtk_widget_class_install_action (widget_class, "editor.add-link", NULL, add_link_action);
  gtk_widget_class_install_action (widget_class, "editor.open-evidence", "x", evidence_action);
  gtk_widget_class_install_action (widget_class, "editor.save-evidence", "x", evidence_action);
  gtk_widget_class_install_action (widget_class, "editor.rename-evidence", "x", evidence_action);
  gtk_widget_class_install_action (widget_class, "editor.set-evidence-title", "(xs)",
                                   set_evidence_action);
  gtk_widget_class_install_action (widget_class, "editor.set-evidence-kind", "(xs)",
                                   set_evidence_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-evidence", "x", evidence_action);
}

/* The parts, built when first needed: a project opens on its overview,
 * and the first frame should not wait for a hidden editor's ~1,000
 * widgets. They pick up the editor's project and item as they come. */
static void
build_parts (EvidentItemEditor *self)
{
  GtkDropTarget *drop_target;
  GObject *parts[7];

  if (self->stack != NULL)
    return;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The parts follow the editor's project and item, in this order. */
  parts[0] = G_OBJECT (self->evidence_panel);
  parts[1] = G_OBJECT (self->fields);
  parts[2] = G_OBJECT (self->response);
  parts[3] = G_OBJECT (self->notes);
  parts[4] = G_OBJECT (self->history);
  parts[5] = G_OBJECT (self->recheck);
  parts[6] = G_OBJECT (self->findings);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_object_bind_property (self, "project", parts[i], "project", G_BINDING_SYNC_CREATE);
      g_object_bind_property (self, "item", parts[i], "item", G_BINDING_SYNC_CREATE);
    }
  g_object_bind_property (self, "item", self->extra_fields, "item", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->findings, "has-findings", self->findings, "visible",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->fields, "error", G_CALLBACK (part_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recheck, "error", G_CALLBACK (part_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->response, "error", G_CALLBACK (part_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notes, "error", G_CALLBACK (part_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->evidence_panel, "error", G_CALLBACK (part_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->evidence_panel, "toast", G_CALLBACK (panel_toast_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->evidence_panel, "evidence-activated",
                           G_CALLBACK (panel_evidence_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->evidence_panel, "notify::selected-evidence",
                           G_CALLBACK (panel_selected_evidence_cb), self, G_CONNECT_SWAPPED);

  /* Files dropped from the file manager become evidence; GTK marks the
   * item page as the drop target while they hover. */
  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled_window),
                             GTK_EVENT_CONTROLLER (drop_target));

  update_response_description (self);
  /* As the window does for the widgets it built itself */
  evident_a11y_name_mnemonics (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, self->item != NULL ? "item" : "empty");
}

/* The parts below the fold (findings, evidence, response, notes,
 * history) come in the editor's second frame: `evident --item` shows an
 * item and page 1 of its evidence in the first, which their measuring,
 * layout and drawing would delay. In sight at once where the keyboard
 * goes to them. */
static void
show_later_parts (EvidentItemEditor *self)
{
  if (self->later_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->later_tick_id);
  self->later_tick_id = 0;
  gtk_widget_set_visible (self->later_box, TRUE);
}

static gboolean
later_parts_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);

  /* The first tick comes before the first frame's layout. */
  if (++self->later_ticks < 2)
    return G_SOURCE_CONTINUE;

  self->later_tick_id = 0;
  gtk_widget_set_visible (self->later_box, TRUE);
  return G_SOURCE_REMOVE;
}

/* Shown, with no item yet: the parts say there is none. */
static void
evident_item_editor_map (GtkWidget *widget)
{
  EvidentItemEditor *self = EVIDENT_ITEM_EDITOR (widget);

  build_parts (self);

  GTK_WIDGET_CLASS (evident_item_editor_parent_class)->map (widget);

  if (!gtk_widget_get_visible (self->later_box) && self->later_tick_id == 0)
    {
      self->later_ticks = 0;
      self->later_tick_id = gtk_widget_add_tick_callback (widget, later_parts_tick_cb, NULL, NULL);
    }
}

static void
evident_item_editor_init (EvidentItemEditor *self)
{
  update_actions (self);
}

/* Public API */

GtkWidget *
evident_item_editor_new (void)
{
  return g_object_new (EVIDENT_TYPE_ITEM_EDITOR, NULL);
}

EvidentProject *
evident_item_editor_get_project (EvidentItemEditor *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_EDITOR (self), NULL);
  return self->project;
}

/**
 * evident_item_editor_set_project:
 * @self: an item editor
 * @project: (nullable): the project whose items it edits
 *
 * A new project clears the item: set it after the project.
 */
void
evident_item_editor_set_project (EvidentItemEditor *self,
                                 EvidentProject    *project)
{
  g_return_if_fail (EVIDENT_IS_ITEM_EDITOR (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (self->project == project)
    return;

  evident_item_editor_set_item (self, NULL);
  g_set_object (&self->project, project);

  update_response_description (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentItem *
evident_item_editor_get_item (EvidentItemEditor *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_EDITOR (self), NULL);
  return self->item;
}

/**
 * evident_item_editor_set_item:
 * @self: an item editor
 * @item: (nullable): an item of the editor's project, or %NULL for none
 *
 * Shows @item. Text typed for the item shown before is saved first.
 */
void
evident_item_editor_set_item (EvidentItemEditor *self,
                              EvidentItem       *item)
{
  g_return_if_fail (EVIDENT_IS_ITEM_EDITOR (self));
  g_return_if_fail (item == NULL || EVIDENT_IS_ITEM (item));

  if (self->item == item)
    return;

  if (item != NULL)
    build_parts (self);
  flush_texts (self);
  g_set_object (&self->item, item);

  update_actions (self);
  /* The parts follow the notification. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  if (self->stack != NULL)
    gtk_stack_set_visible_child_name (self->stack, item != NULL ? "item" : "empty");
}

/**
 * evident_item_editor_flush:
 * @self: an item editor
 *
 * Saves the response and notes typed but not saved yet, at once. Call it
 * before anything that should see them, such as undo or an export.
 */
void
evident_item_editor_flush (EvidentItemEditor *self)
{
  g_return_if_fail (EVIDENT_IS_ITEM_EDITOR (self));
  flush_texts (self);
}

/**
 * evident_item_editor_build_parts:
 * @self: an item editor
 *
 * Builds the editor's parts now. They are built with its first item, or
 * when it is first shown: call this where they are needed before, as
 * tests do that look at an editor not on screen.
 */
void
evident_item_editor_build_parts (EvidentItemEditor *self)
{
  g_return_if_fail (EVIDENT_IS_ITEM_EDITOR (self));
  build_parts (self);
}

EvidentEvidence *
evident_item_editor_get_selected_evidence (EvidentItemEditor *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_EDITOR (self), NULL);

  if (self->evidence_panel == NULL)
    return NULL;
  return evident_evidence_panel_get_selected_evidence (self->evidence_panel);
}

/**
 * evident_item_editor_set_selected_evidence:
 * @self: an item editor
 * @evidence: (nullable): evidence of the item shown, or %NULL for none
 *
 * Selects @evidence in the item's list. Evidence of another item is
 * ignored.
 */
void
evident_item_editor_set_selected_evidence (EvidentItemEditor *self,
                                           EvidentEvidence   *evidence)
{
  g_return_if_fail (EVIDENT_IS_ITEM_EDITOR (self));
  g_return_if_fail (evidence == NULL || EVIDENT_IS_EVIDENCE (evidence));

  /* Without the parts there is no item, whose evidence this could be. */
  if (self->evidence_panel == NULL)
    return;
  evident_evidence_panel_set_selected_evidence (self->evidence_panel, evidence);
}

/**
 * evident_item_editor_choose_status:
 *
 * Opens the list of statuses of the item shown, with the focus on it.
 */
void
evident_item_editor_choose_status (EvidentItemEditor *self)
{
  g_return_if_fail (EVIDENT_IS_ITEM_EDITOR (self));

  build_parts (self);
  evident_item_fields_choose_status (self->fields);
}

/**
 * evident_item_editor_focus_notes:
 *
 * Moves the keyboard focus to the notes of the item shown.
 *
 * Returns: whether the focus moved
 */
gboolean
evident_item_editor_focus_notes (EvidentItemEditor *self)
{
  GtkWidget *focus;
  GtkRoot *root;

  g_return_val_if_fail (EVIDENT_IS_ITEM_EDITOR (self), FALSE);

  if (self->item == NULL)
    return FALSE;

  show_later_parts (self);

  /* From outside the notes, so that Tab order starts at their entry. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->notes)))
    return TRUE;
  return gtk_widget_child_focus (GTK_WIDGET (self->notes), GTK_DIR_TAB_FORWARD);
}
