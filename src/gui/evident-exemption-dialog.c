/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-audit.h"
#include "evident-chapter.h"
#include "evident-evidence-store.h"
#include "evident-exemption-dialog.h"
#include "evident-item.h"

/*
 * EvidentExemptionDialog: "Mark as Exempt" for a chapter or a section: one
 * reason, and optionally a piece of the project's evidence that shows it
 * (the competency's certificate). The dialog only asks; its owner calls
 * evident_exemption_dialog_apply() on the "exempt" response, which makes
 * every item of the chapter or section not applicable in one edit (one
 * step of undo, the core's evident_audit_exempt()).
 */

struct _EvidentExemptionDialog
{
  AdwMessageDialog  parent_instance;

  EvidentProject   *project;
  char             *number;
  /* What the drop-down offers, in its order: NULL ("None") first */
  GPtrArray        *evidence;

  /* Template widgets */
  GtkEntry         *reason_entry;
  GtkDropDown      *evidence_dropdown;
};

G_DEFINE_FINAL_TYPE (EvidentExemptionDialog, evident_exemption_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The first element is NULL: "None". */
static void
unref_evidence (gpointer evidence)
{
  if (evidence != NULL)
    g_object_unref (evidence);
}

static char *
dup_reason (EvidentExemptionDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));
}

static void
reason_changed_cb (EvidentExemptionDialog *self)
{
  g_autofree char *reason = dup_reason (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "exempt", *reason != '\0');
}

/* The chapter or section @number names (a chapter wins, as in the core):
 * its title and how many items it has. */
static gboolean
describe_scope (EvidentProject  *project,
                const char      *number,
                char           **title,
                guint           *n_items)
{
  GListModel *chapters = evident_project_get_chapters (project);
  GListModel *items = evident_project_get_items (project);
  guint n = g_list_model_get_n_items (chapters);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);

      if (g_strcmp0 (evident_chapter_get_number (chapter), number) == 0)
        {
          *title = g_strdup (evident_chapter_get_display_title (chapter));
          *n_items = evident_chapter_get_n_items (chapter);
          return TRUE;
        }
    }

  *n_items = 0;
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (evident_item_get_section (item), number) != 0)
        continue;
      if ((*n_items)++ == 0)
        *title = g_strdup (evident_item_get_section_title (item));
    }
  return *n_items > 0;
}

static void
fill_evidence (EvidentExemptionDialog *self)
{
  EvidentEvidenceStore *store = evident_evidence_store_get_for_project (self->project);
  g_autoptr (GListModel) all = evident_evidence_store_list (store, NULL);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (all);

  g_ptr_array_add (self->evidence, NULL);
  gtk_string_list_append (labels, _("None"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentEvidence) evidence = g_list_model_get_item (all, i);
      EvidentItem *item = evident_evidence_get_item (evidence);
      g_autofree char *label = NULL;

      /* Translators: a piece of evidence to choose: the item it is
       * attached to, then its title, as in "6.1.1 · DevOps certificate" */
      label = g_strdup_printf (_("%s · %s"), item != NULL ? evident_item_get_ref (item) : "—",
                               evident_evidence_get_title (evidence));
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->evidence, g_steal_pointer (&evidence));
    }

  gtk_drop_down_set_expression (self->evidence_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  gtk_drop_down_set_model (self->evidence_dropdown, G_LIST_MODEL (labels));
  evident_a11y_name_drop_down (self->evidence_dropdown, _("Evidence"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_dropdown), n > 0);
}

static void
evident_exemption_dialog_dispose (GObject *object)
{
  EvidentExemptionDialog *self = EVIDENT_EXEMPTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_EXEMPTION_DIALOG);
  g_clear_object (&self->project);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);

  G_OBJECT_CLASS (evident_exemption_dialog_parent_class)->dispose (object);
}

static void
evident_exemption_dialog_finalize (GObject *object)
{
  EvidentExemptionDialog *self = EVIDENT_EXEMPTION_DIALOG (object);

  g_clear_pointer (&self->number, g_free);

  G_OBJECT_CLASS (evident_exemption_dialog_parent_class)->finalize (object);
}

static void
evident_exemption_dialog_class_init (EvidentExemptionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_exemption_dialog_dispose;
  object_class->finalize = evident_exemption_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/evident-exemption-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentExemptionDialog, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, EvidentExemptionDialog, evidence_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
}

static void
evident_exemption_dialog_init (EvidentExemptionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->evidence = g_ptr_array_new_with_free_func (unref_evidence);
}

/**
 * evident_exemption_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @project: the project
 * @number: a chapter's or a section's number
 * @error: return location for an error
 *
 * Returns: (transfer floating) (nullable): the dialog, not shown yet; %NULL
 *   with @error set when the project has no such chapter or section
 */
EvidentExemptionDialog *
evident_exemption_dialog_new (GtkWindow       *parent,
                              EvidentProject  *project,
                              const char      *number,
                              GError         **error)
{
  EvidentExemptionDialog *self;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint n_items = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (!describe_scope (project, number, &title, &n_items))
    {
      g_set_error (error, EVIDENT_AUDIT_ERROR, EVIDENT_AUDIT_ERROR_NOT_FOUND,
                   _("There is no chapter or section “%s”"), number);
      return NULL;
    }

  self = g_object_new (EVIDENT_TYPE_EXEMPTION_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->number = g_strdup (number);

  /* Translators: the heading of the exemption dialog; %1$s is a chapter's
   * or section's number, %2$s its title */
  heading = g_strdup_printf (_("Mark %1$s %2$s as Exempt?"), number, title != NULL ? title : "");
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u item becomes not applicable, with the reason you "
                                       "give here. Lifting the exemption gives it back its "
                                       "status.",
                                       "Its %u items become not applicable, with the reason you "
                                       "give here. Lifting the exemption gives them back their "
                                       "status.",
                                       n_items),
                          n_items);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), g_strstrip (heading));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  fill_evidence (self);
  evident_a11y_name_mnemonics (GTK_WIDGET (self));

  return self;
}

const char *
evident_exemption_dialog_get_number (EvidentExemptionDialog *self)
{
  g_return_val_if_fail (EVIDENT_IS_EXEMPTION_DIALOG (self), NULL);

  return self->number;
}

void
evident_exemption_dialog_set_reason (EvidentExemptionDialog *self,
                                     const char             *reason)
{
  g_return_if_fail (EVIDENT_IS_EXEMPTION_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), reason != NULL ? reason : "");
}

/**
 * evident_exemption_dialog_select_evidence:
 * @evidence: (nullable): evidence of the project, or %NULL for none
 *
 * Returns: whether the dialog offers @evidence
 */
gboolean
evident_exemption_dialog_select_evidence (EvidentExemptionDialog *self,
                                          EvidentEvidence        *evidence)
{
  guint position;

  g_return_val_if_fail (EVIDENT_IS_EXEMPTION_DIALOG (self), FALSE);

  for (position = 0; position < self->evidence->len; position++)
    {
      EvidentEvidence *offered = g_ptr_array_index (self->evidence, position);

      if (offered == evidence
          || (offered != NULL && evidence != NULL
              && evident_evidence_get_id (offered) == evident_evidence_get_id (evidence)))
        {
          gtk_drop_down_set_selected (self->evidence_dropdown, position);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * evident_exemption_dialog_apply:
 * @error: return location for an error
 *
 * Exempts the chapter or section with the reason and evidence chosen: one
 * edit, one step of undo.
 *
 * Returns: (transfer none) (nullable): the exemption, or %NULL with @error
 *   set
 */
EvidentExemption *
evident_exemption_dialog_apply (EvidentExemptionDialog  *self,
                                GError                 **error)
{
  g_autofree char *reason = NULL;
  guint selected;

  g_return_val_if_fail (EVIDENT_IS_EXEMPTION_DIALOG (self), NULL);

  reason = dup_reason (self);
  selected = gtk_drop_down_get_selected (self->evidence_dropdown);
  return evident_audit_exempt (evident_audit_get_for_project (self->project), self->number,
                               reason,
                               selected < self->evidence->len
                                 ? g_ptr_array_index (self->evidence, selected)
                                 : NULL,
                               error);
}
