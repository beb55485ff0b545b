/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-diff-label.h"
#include "evident-text-compare.h"

/*
 * EvidentDiffLabel: a word diff of an old and a new text, read as one
 * text: words only the new text has are underlined on a green ground,
 * words only the old one had struck through on a red ground, so that
 * neither colour nor its absence alone tells them apart. Screen readers
 * get the text and, as its description, what changed in words: "added:
 * each, removed: every".
 */

struct _EvidentDiffLabel
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  char      *description;
};

G_DEFINE_FINAL_TYPE (EvidentDiffLabel, evident_diff_label, GTK_TYPE_WIDGET)

static void
evident_diff_label_dispose (GObject *object)
{
  EvidentDiffLabel *self = EVIDENT_DIFF_LABEL (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (evident_diff_label_parent_class)->dispose (object);
}

static void
evident_diff_label_finalize (GObject *object)
{
  EvidentDiffLabel *self = EVIDENT_DIFF_LABEL (object);

  g_free (self->description);

  G_OBJECT_CLASS (evident_diff_label_parent_class)->finalize (object);
}

static void
evident_diff_label_class_init (EvidentDiffLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_diff_label_dispose;
  object_class->finalize = evident_diff_label_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidentdifflabel");
}

static void
evident_diff_label_init (EvidentDiffLabel *self)
{
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.0);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  self->description = g_strdup ("");
}

/* Public API */

GtkWidget *
evident_diff_label_new (void)
{
  return g_object_new (EVIDENT_TYPE_DIFF_LABEL, NULL);
}

/**
 * evident_diff_label_set_diff:
 * @spans: (nullable) (element-type EvidentDiffSpan): a word diff
 *   (evident_text_word_diff()), %NULL for no text
 *
 * Shows @spans, and says what changed to screen readers.
 */
void
evident_diff_label_set_diff (EvidentDiffLabel *self,
                             GArray           *spans)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (EVIDENT_IS_DIFF_LABEL (self));

  markup = spans != NULL ? evident_diff_format_markup (spans) : g_strdup ("");
  gtk_label_set_markup (GTK_LABEL (self->label), markup);

  g_free (self->description);
  self->description = spans != NULL ? evident_diff_describe (spans) : g_strdup ("");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

/**
 * evident_diff_label_get_text:
 *
 * Returns: the text shown, old and new words together
 */
const char *
evident_diff_label_get_text (EvidentDiffLabel *self)
{
  g_return_val_if_fail (EVIDENT_IS_DIFF_LABEL (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->label));
}

/**
 * evident_diff_label_get_description:
 *
 * Returns: what changed, in words, as screen readers hear it
 */
const char *
evident_diff_label_get_description (EvidentDiffLabel *self)
{
  g_return_val_if_fail (EVIDENT_IS_DIFF_LABEL (self), NULL);

  return self->description;
}

/**
 * evident_diff_format_markup:
 * @spans: (element-type EvidentDiffSpan): a word diff
 *
 * Returns: (transfer full): Pango markup of the diff: insertions
 *   underlined on green, deletions struck through on red
 */
char *
evident_diff_format_markup (GArray *spans)
{
  GString *markup = g_string_new (NULL);

  g_return_val_if_fail (spans != NULL, NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const EvidentDiffSpan *span = &g_array_index (spans, EvidentDiffSpan, i);
      g_autofree char *escaped = g_markup_escape_text (span->text, -1);

      if (i > 0)
        g_string_append_c (markup, ' ');
      switch (span->op)
        {
        case EVIDENT_DIFF_INSERT:
          g_string_append_printf (markup,
                                  "<span underline=\"single\" background=\"#2ec27e\" "
                                  "bgalpha=\"30%%\">%s</span>",
                                  escaped);
          break;
        case EVIDENT_DIFF_DELETE:
          g_string_append_printf (markup,
                                  "<span strikethrough=\"true\" background=\"#e01b24\" "
                                  "bgalpha=\"25%%\">%s</span>",
                                  escaped);
          break;
        case EVIDENT_DIFF_EQUAL:
        default:
          g_string_append (markup, escaped);
          break;
        }
    }
  return g_string_free (markup, FALSE);
}

/**
 * evident_diff_describe:
 * @spans: (element-type EvidentDiffSpan): a word diff
 *
 * Returns: (transfer full): what changed, for screen readers: "added:
 *   each, removed: every", or "unchanged"
 */
char *
evident_diff_describe (GArray *spans)
{
  g_autoptr (GString) described = g_string_new (NULL);

  g_return_val_if_fail (spans != NULL, NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const EvidentDiffSpan *span = &g_array_index (spans, EvidentDiffSpan, i);
      g_autofree char *change = NULL;

      if (span->op == EVIDENT_DIFF_EQUAL)
        continue;
      if (span->op == EVIDENT_DIFF_INSERT)
        /* Translators: part of what changed in a text, for screen readers;
         * %s is the words the new version added */
        change = g_strdup_printf (_("added: %s"), span->text);
      else
        /* Translators: part of what changed in a text, for screen readers;
         * %s is the words the new version left out */
        change = g_strdup_printf (_("removed: %s"), span->text);
      if (described->len > 0)
        /* Translators: the separator between changes, for screen readers */
        g_string_append (described, C_ ("diff", ", "));
      g_string_append (described, change);
    }
  if (described->len == 0)
    /* Translators: a text the new version of the checklist left as it was */
    return g_strdup (C_ ("diff", "unchanged"));
  return g_strdup (described->str);
}
