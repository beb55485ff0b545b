/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-evidence-row.h"

/*
 * EvidentEvidenceRow: one piece of evidence in the item editor: an icon for
 * its type, its title (renamed in place), its file name, size and date, the
 * start of its SHA-256, its kind, and a menu. The row edits nothing itself:
 * it activates the editor's actions ("editor.set-evidence-title" and the
 * like) with the evidence's id. In a project that cannot be edited the row
 * is not :editable: its kind shows but does not change, and the menu
 * opens and saves copies but neither renames nor removes.
 */

/* Hex digits of the SHA-256 a row shows; the tooltip has all 64. */
#define SHORT_SHA256_LENGTH 12

struct _EvidentEvidenceRow
{
  GtkListBoxRow    parent_instance;

  EvidentEvidence *evidence;

  /* Template widgets */
  GtkImage        *icon;
  GtkStack        *title_stack;
  GtkLabel        *title_label;
  GtkEntry        *title_entry;
  GtkLabel        *details_label;
  GtkDropDown     *kind_dropdown;
  GtkStringList   *kind_model;
  GtkWidget       *verified_mark;
  GtkMenuButton   *menu_button;

  /* > 0 while the controls are set from the evidence */
  guint            updating;
  /* The title entry is shown */
  guint            renaming : 1;
  guint            editable : 1;
};

G_DEFINE_FINAL_TYPE (EvidentEvidenceRow, evident_evidence_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_EVIDENCE,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static char *
format_added (GDateTime *added)
{
  g_autoptr (GDateTime) local = NULL;

  if (added == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (added);
  /* Translators: the date evidence was added, in g_date_time_format() notation */
  return g_date_time_format (local, _("%-d %b %Y"));
}

static void
activate_with_id (EvidentEvidenceRow *self,
                  const char         *action_name)
{
  gtk_widget_activate_action (GTK_WIDGET (self), action_name, "x",
                              evident_evidence_get_id (self->evidence));
}

static void
sync_title (EvidentEvidenceRow *self)
{
  const char *title = evident_evidence_get_title (self->evidence);

  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

static void
sync_kind (EvidentEvidenceRow *self)
{
  self->updating++;
  gtk_drop_down_set_selected (self->kind_dropdown, evident_evidence_get_kind (self->evidence));
  self->updating--;
}

static void
sync_verified (EvidentEvidenceRow *self)
{
  gtk_widget_set_visible (self->verified_mark,
                          !evident_evidence_is_link (self->evidence)
                          && evident_evidence_get_verified (self->evidence));
}

static void
sync_details (EvidentEvidenceRow *self)
{
  EvidentEvidence *evidence = self->evidence;
  g_autofree char *added = format_added (evident_evidence_get_added (evidence));
  g_autofree char *details = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *tooltip = NULL;
  g_autoptr (GIcon) icon = NULL;

  if (evident_evidence_is_link (evidence))
    {
      g_autofree char *url = g_markup_escape_text (evident_evidence_get_url (evidence), -1);

      icon = g_themed_icon_new ("web-browser-symbolic");
      /* Translators: a link and the date it was added, as in "https://… · 3 Mar 2025";
       * a no-break space keeps each "·" with what comes before it */
      details = g_strdup_printf (_("%s\u00a0· %s"), evident_evidence_get_url (evidence), added);
      markup = g_strdup_printf (_("%s\u00a0· %s"), url, added);
      tooltip = g_strdup (evident_evidence_get_url (evidence));
    }
  else
    {
      const char *sha256 = evident_evidence_get_sha256 (evidence);
      const char *content_type = evident_evidence_get_content_type (evidence);
      const char *filename = evident_evidence_get_filename (evidence);
      g_autofree char *escaped = g_markup_escape_text (filename, -1);
      g_autofree char *size = g_format_size (evident_evidence_get_size (evidence));
      g_autofree char *short_sha256 = g_strndup (sha256, SHORT_SHA256_LENGTH);
      g_autofree char *sha_markup = NULL;

      icon = g_content_type_get_symbolic_icon (content_type ? content_type
                                                             : "application/octet-stream");
      /* Translators: a file's name, size, the date it was added and the start
       * of its SHA-256, as in "deck.pdf · 2.4 MB · 3 Mar 2025 · 1a2b3c4d5e6f";
       * a no-break space keeps each "·" with what comes before it */
      details = g_strdup_printf (_("%s\u00a0· %s\u00a0· %s\u00a0· %s"), filename, size, added,
                                 short_sha256);
      sha_markup = g_strdup_printf ("<span font_family=\"monospace\">%s</span>", short_sha256);
      markup = g_strdup_printf (_("%s\u00a0· %s\u00a0· %s\u00a0· %s"), escaped, size, added,
                                sha_markup);
      /* Translators: the tooltip of a file's details; %s is its full SHA-256 */
      tooltip = g_strdup_printf (_("SHA-256: %s"), sha256);
    }

  gtk_image_set_from_gicon (self->icon, icon);
  gtk_label_set_markup (self->details_label, markup);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->details_label), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details,
                                  -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.save-copy",
                                 !evident_evidence_is_link (evidence));
}

static void
stop_renaming (EvidentEvidenceRow *self,
               gboolean            save)
{
  g_autofree char *title = NULL;
  GtkWidget *focus;
  gboolean had_focus;
  GtkRoot *root;

  if (!self->renaming)
    return;
  self->renaming = FALSE;

  title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  g_strstrip (title);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  had_focus = focus != NULL
              && (focus == GTK_WIDGET (self->title_entry)
                  || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->title_entry)));

  gtk_stack_set_visible_child_name (self->title_stack, "label");
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));

  if (save && g_strcmp0 (title, evident_evidence_get_title (self->evidence)) != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-evidence-title", "(xs)",
                                evident_evidence_get_id (self->evidence), title);
}

/* Callbacks */

static void
evidence_notify_cb (EvidentEvidenceRow *self,
                    GParamSpec         *pspec,
                    EvidentEvidence    *evidence)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "title"))
    sync_title (self);
  else if (g_str_equal (name, "kind"))
    sync_kind (self);
  else if (g_str_equal (name, "verified"))
    sync_verified (self);
}

static void
kind_dropdown_selected_cb (EvidentEvidenceRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->updating > 0 || self->evidence == NULL || selected >= EVIDENT_N_EVIDENCE_KINDS
      || selected == evident_evidence_get_kind (self->evidence))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-evidence-kind", "(xs)",
                              evident_evidence_get_id (self->evidence),
                              evident_evidence_kind_to_string (selected));
  /* Refused: the control shows the kind the evidence still has. */
  sync_kind (self);
}

static void
title_entry_activate_cb (EvidentEvidenceRow *self)
{
  stop_renaming (self, TRUE);
}

static gboolean
title_entry_key_pressed_cb (EvidentEvidenceRow *self,
                            guint               keyval,
                            guint               keycode,
                            GdkModifierType     state)
{
  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;

  stop_renaming (self, FALSE);
  return GDK_EVENT_STOP;
}

static void
title_entry_focus_leave_cb (EvidentEvidenceRow *self)
{
  /* Clicking elsewhere keeps what was typed, as a text field would. */
  stop_renaming (self, TRUE);
}

/* Actions */

static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EvidentEvidenceRow *self = EVIDENT_EVIDENCE_ROW (widget);

  if (g_str_equal (action_name, "evidence.open"))
    activate_with_id (self, "editor.open-evidence");
  else if (g_str_equal (action_name, "evidence.save-copy"))
    activate_with_id (self, "editor.save-evidence");
  else if (g_str_equal (action_name, "evidence.remove"))
    activate_with_id (self, "editor.remove-evidence");
  else if (g_str_equal (action_name, "evidence.rename"))
    evident_evidence_row_rename (self);
  else if (g_str_equal (action_name, "evidence.menu"))
    gtk_menu_button_popup (self->menu_button);
}

/* GObject */

static void
evident_evidence_row_constructed (GObject *object)
{
  EvidentEvidenceRow *self = EVIDENT_EVIDENCE_ROW (object);

  G_OBJECT_CLASS (evident_evidence_row_parent_class)->constructed (object);

  g_assert (self->evidence != NULL);

  g_signal_connect_object (self->evidence, "notify", G_CALLBACK (evidence_notify_cb), self,
                           G_CONNECT_SWAPPED);
  sync_title (self);
  sync_kind (self);
  sync_verified (self);
  sync_details (self);
}

static void
evident_evidence_row_dispose (GObject *object)
{
  EvidentEvidenceRow *self = EVIDENT_EVIDENCE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_EVIDENCE_ROW);
  g_clear_object (&self->evidence);

  G_OBJECT_CLASS (evident_evidence_row_parent_class)->dispose (object);
}

static void
evident_evidence_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EvidentEvidenceRow *self = EVIDENT_EVIDENCE_ROW (object);

  switch (prop_id)
    {
    case PROP_EVIDENCE:
      g_value_set_object (value, self->evidence);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_evidence_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EvidentEvidenceRow *self = EVIDENT_EVIDENCE_ROW (object);

  switch (prop_id)
    {
    case PROP_EVIDENCE:
      self->evidence = g_value_dup_object (value);
      break;
    case PROP_EDITABLE:
      evident_evidence_row_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_evidence_row_class_init (EvidentEvidenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = evident_evidence_row_constructed;
  object_class->dispose = evident_evidence_row_dispose;
  object_class->get_property = evident_evidence_row_get_property;
  object_class->set_property = evident_evidence_row_set_property;

  properties[PROP_EVIDENCE] =
    g_param_spec_object ("evidence", NULL, NULL,
                         EVIDENT_TYPE_EVIDENCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * EvidentEvidenceRow:editable:
   *
   * Whether the row offers to rename, re-kind and remove the evidence:
   * not in a project open read-only.
   */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-evidence-row.ui");

  gtk_widget_class_bind_template_child (widget_class, EvidentEvidenceRow, icon);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidenceRow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidenceRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidenceRow, title_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidenceRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidenceRow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidenceRow, kind_model);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidenceRow, verified_mark);
  gtk_widget_class_bind_template_child (widget_class, EvidentEvidenceRow, menu_button);

  gtk_widget_class_bind_template_callback (widget_class, kind_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_entry_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_entry_focus_leave_cb);

  gtk_widget_class_install_action (widget_class, "evidence.open", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "evidence.save-copy", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "evidence.rename", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "evidence.remove", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "evidence.menu", NULL, row_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "evidence.rename", NULL);
  /* The menu shows the last key bound to an action: Delete, not "KP
   * Delete". */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "evidence.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "evidence.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "evidence.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "evidence.menu", NULL);
}

static void
evident_evidence_row_init (EvidentEvidenceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "evident-evidence-row");
  self->editable = TRUE;

  self->updating++;
  for (guint i = 0; i < EVIDENT_N_EVIDENCE_KINDS; i++)
    gtk_string_list_append (self->kind_model, evident_evidence_kind_get_label (i));
  self->updating--;
  evident_a11y_name_drop_down (self->kind_dropdown, _("Kind of evidence"));
}

/* Public API */

GtkWidget *
evident_evidence_row_new (EvidentEvidence *evidence)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (evidence), NULL);

  return g_object_new (EVIDENT_TYPE_EVIDENCE_ROW, "evidence", evidence, NULL);
}

EvidentEvidence *
evident_evidence_row_get_evidence (EvidentEvidenceRow *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_ROW (self), NULL);

  return self->evidence;
}

/**
 * evident_evidence_row_rename:
 *
 * Shows the title in an entry, focused: Enter saves it, Escape keeps the
 * old one.
 */
void
evident_evidence_row_rename (EvidentEvidenceRow *self)
{
  g_return_if_fail (EVIDENT_IS_EVIDENCE_ROW (self));

  if (self->renaming || !self->editable)
    return;
  self->renaming = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry),
                         evident_evidence_get_title (self->evidence));
  gtk_stack_set_visible_child_name (self->title_stack, "entry");
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), 0, -1);
}

gboolean
evident_evidence_row_get_editable (EvidentEvidenceRow *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE_ROW (self), FALSE);

  return self->editable;
}

void
evident_evidence_row_set_editable (EvidentEvidenceRow *self,
                                   gboolean            editable)
{
  g_return_if_fail (EVIDENT_IS_EVIDENCE_ROW (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  if (!editable)
    stop_renaming (self, FALSE);
  self->editable = editable;
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.rename", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.remove", editable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}
