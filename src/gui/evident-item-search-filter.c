/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "evident-item.h"
#include "evident-item-search-filter.h"

/*
 * EvidentItemSearchFilter: the items whose reference, title, requirement
 * or notes hold every word of a search, whatever their case and however
 * their accents are written.
 *
 * The query is folded once; each item's text is folded once and kept
 * until its notes change. Typing on narrows the list, deleting widens it:
 * the filter says so, and the list filters only what it must.
 */

struct _EvidentItemSearchFilter
{
  GtkFilter   parent_instance;

  char       *text;
  char      **terms;      /* casefolded and normalized; NULL: no search */
  GHashTable *haystacks;  /* EvidentItem → casefolded text, NULL when stale */
};

G_DEFINE_FINAL_TYPE (EvidentItemSearchFilter, evident_item_search_filter, GTK_TYPE_FILTER)

/* What searches compare: case folded and normalized, so that "É" finds
 * "é" written either way. ASCII, most checklist text, takes a fast path. */
static char *
casefold (const char *text)
{
  g_autofree char *folded = NULL;
  const char *p;

  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    return g_ascii_strdown (text, -1);

  folded = g_utf8_casefold (text, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

static void
note_changed_cb (EvidentItemSearchFilter *self,
                 GParamSpec              *pspec,
                 EvidentItem             *item)
{
  /* Keep the key: it records that this handler is connected. */
  g_hash_table_replace (self->haystacks, item, NULL);
}

static const char *
get_haystack (EvidentItemSearchFilter *self,
              EvidentItem             *item)
{
  gpointer haystack = NULL;
  gboolean known;
  GString *text;

  known = g_hash_table_lookup_extended (self->haystacks, item, NULL, &haystack);
  if (haystack != NULL)
    return haystack;

  text = g_string_new (evident_item_get_ref (item));
  g_string_append_c (text, '\n');
  g_string_append (text, evident_item_get_title (item));
  g_string_append_c (text, '\n');
  g_string_append (text, evident_item_get_requirement (item));
  if (evident_item_get_note (item) != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, evident_item_get_note (item));
    }
  haystack = casefold (text->str);
  g_string_free (text, TRUE);

  /* Disconnected by evident_item_search_filter_clear_cache();
   * g_signal_connect_object() would watch the filter once per item. */
  if (!known)
    g_signal_connect_swapped (item, "notify::note", G_CALLBACK (note_changed_cb), self);
  g_hash_table_replace (self->haystacks, item, haystack);
  return haystack;
}

static gboolean
evident_item_search_filter_match (GtkFilter *filter,
                                  gpointer   object)
{
  EvidentItemSearchFilter *self = EVIDENT_ITEM_SEARCH_FILTER (filter);
  const char *haystack;

  if (self->terms == NULL)
    return TRUE;

  haystack = get_haystack (self, object);
  for (guint i = 0; self->terms[i] != NULL; i++)
    {
      if (strstr (haystack, self->terms[i]) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
evident_item_search_filter_finalize (GObject *object)
{
  EvidentItemSearchFilter *self = EVIDENT_ITEM_SEARCH_FILTER (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->terms, g_strfreev);
  g_clear_pointer (&self->haystacks, g_hash_table_unref);

  G_OBJECT_CLASS (evident_item_search_filter_parent_class)->finalize (object);
}

static void
evident_item_search_filter_class_init (EvidentItemSearchFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = evident_item_search_filter_finalize;

  filter_class->match = evident_item_search_filter_match;
}

static void
evident_item_search_filter_init (EvidentItemSearchFilter *self)
{
  self->haystacks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/* Public API */

GtkFilter *
evident_item_search_filter_new (void)
{
  return g_object_new (EVIDENT_TYPE_ITEM_SEARCH_FILTER, NULL);
}

/* The search as typed; "" for none. */
const char *
evident_item_search_filter_get_text (EvidentItemSearchFilter *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_SEARCH_FILTER (self), "");

  return self->text != NULL ? self->text : "";
}

/**
 * evident_item_search_filter_set_text:
 * @text: (nullable): what to search for, words separated by spaces; %NULL
 *   or "" for every item
 *
 * Returns: whether the text changed
 */
gboolean
evident_item_search_filter_set_text (EvidentItemSearchFilter *self,
                                     const char              *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *old_text = NULL;
  g_auto (GStrv) words = NULL;
  GStrvBuilder *builder;
  GtkFilterChange change;

  g_return_val_if_fail (EVIDENT_IS_ITEM_SEARCH_FILTER (self), FALSE);

  if (text == NULL)
    text = "";
  if (g_strcmp0 (text, evident_item_search_filter_get_text (self)) == 0)
    return FALSE;

  old_text = g_steal_pointer (&self->text);
  self->text = g_strdup (text);

  /* Fold the query once; the items' text is folded once and cached. */
  folded = casefold (text);
  words = g_strsplit_set (folded, " \t\n", -1);
  builder = g_strv_builder_new ();
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] != '\0')
        g_strv_builder_add (builder, words[i]);
    }
  g_clear_pointer (&self->terms, g_strfreev);
  self->terms = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  if (self->terms[0] == NULL)
    g_clear_pointer (&self->terms, g_strfreev);

  /* Typing on narrows the list, deleting widens it. */
  if (old_text == NULL || *old_text == '\0' || g_str_has_prefix (text, old_text))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (old_text, text))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  gtk_filter_changed (GTK_FILTER (self), change);

  return TRUE;
}

/* Whether the search has words, and so filters. */
gboolean
evident_item_search_filter_is_active (EvidentItemSearchFilter *self)
{
  g_return_val_if_fail (EVIDENT_IS_ITEM_SEARCH_FILTER (self), FALSE);

  return self->terms != NULL;
}

/**
 * evident_item_search_filter_clear_cache:
 *
 * Forgets the items' folded text and stops watching their notes: call it
 * before the items go, with their project.
 */
void
evident_item_search_filter_clear_cache (EvidentItemSearchFilter *self)
{
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (EVIDENT_IS_ITEM_SEARCH_FILTER (self));

  g_hash_table_iter_init (&iter, self->haystacks);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    g_signal_handlers_disconnect_by_func (item, note_changed_cb, self);
  g_hash_table_remove_all (self->haystacks);
}
