/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Pass two of the preview: what the rows do not say is derived. Each
 * entry gets a chapter (from its columns, the sheet, a band or its
 * reference) and a section; rows that only head the items numbered below
 * them title their chapter or section; every entry of a chapter or
 * section gets the same title. */

#include "config.h"

#include <string.h>

#include "evident-import-build-private.h"

/* Pass two: what is derived */

/* Numbers handed out to named chapters and sections. */
typedef struct
{
  GHashTable *numbers; /* "prefix\nname" → number */
  GHashTable *counts;  /* prefix → how many numbers it has handed out */
} Numbering;

static void
numbering_init (Numbering *numbering)
{
  numbering->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  numbering->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
numbering_clear (Numbering *numbering)
{
  g_clear_pointer (&numbering->numbers, g_hash_table_unref);
  g_clear_pointer (&numbering->counts, g_hash_table_unref);
}

/* The number for a named chapter or section: its position among the names
 * under @prefix in order of appearance ("1", "2", … or "2.1", "2.2", …). */
static const char *
number_for (Numbering *numbering, const char *prefix, const char *name)
{
  g_autofree char *key = g_strconcat (prefix, "\n", name, NULL);
  char            *number = g_hash_table_lookup (numbering->numbers, key);
  guint            count;

  if (number != NULL)
    return number;

  count = GPOINTER_TO_UINT (g_hash_table_lookup (numbering->counts, prefix)) + 1;
  g_hash_table_insert (numbering->counts, g_strdup (prefix), GUINT_TO_POINTER (count));
  number =
      *prefix != '\0' ? g_strdup_printf ("%s.%u", prefix, count) : g_strdup_printf ("%u", count);
  g_hash_table_insert (numbering->numbers, g_steal_pointer (&key), number);
  return number;
}

/* The chapter of an entry without one from a column or a label: the
 * sheet (AWS's workbook, or several sheets), the band (AWS's CSV), the
 * reference's prefix, a band, or one chapter for all. Returns whether the
 * band became the chapter. */
static gboolean
derive_chapter (Build *build, Pending *pending, Numbering *chapter_numbers)
{
  EvidentChecklistEntry *entry = pending->entry;
  EvidentImportLayout    layout = build->self->layout;
  const char            *sheet_name = evident_sheet_get_name (pending->sheet->sheet);
  g_autofree char       *prefix = NULL;

  if (layout == EVIDENT_IMPORT_LAYOUT_AWS_WORKBOOK || build->n_used > 1)
    {
      g_autofree char *number = g_strdup_printf ("%u", pending->sheet_ordinal);

      evident_import_set_string (&entry->chapter, number);
      evident_import_set_string (&entry->chapter_title, sheet_name != NULL ? sheet_name : "");
      return FALSE;
    }

  if (layout != EVIDENT_IMPORT_LAYOUT_AWS_CSV || pending->band == NULL)
    prefix = evident_import_ref_prefix (entry->ref);
  if (prefix != NULL)
    {
      evident_import_set_string (&entry->chapter, prefix);
      return FALSE;
    }

  if (pending->band != NULL)
    {
      evident_import_set_string (&entry->chapter, number_for (chapter_numbers, "", pending->band));
      evident_import_set_string (&entry->chapter_title, pending->band);
      return TRUE;
    }

  evident_import_set_string (&entry->chapter, "1");
  evident_import_set_string (&entry->chapter_title, sheet_name != NULL ? sheet_name : "");
  return FALSE;
}

/* A requirement numbered in three parts or more (`12.10.7`), in a chapter
 * its first part names, is in the section its first two parts name
 * (`12.10`). */
static void
derive_numbered_section (EvidentChecklistEntry *entry)
{
  const char *ref = entry->ref;
  const char *first_dot = strchr (ref, '.');
  const char *second_dot = first_dot != NULL ? strchr (first_dot + 1, '.') : NULL;
  gsize       chapter_length = strlen (entry->chapter);

  if (second_dot == NULL || second_dot == first_dot + 1 || second_dot[1] == '\0' ||
      strspn (ref, "0123456789.") != strlen (ref) ||
      strncmp (ref, entry->chapter, chapter_length) != 0 || ref + chapter_length != first_dot)
    return;

  g_free (entry->section);
  entry->section = g_strndup (ref, second_dot - ref);
}

/* A chapter cell with a name and the code its references start with
 * (`Audit & Assurance - A&A`, `Access Control (AC)`, `Asset Management
 * (ID.AM): The data, …`) is that code, with that name; a chapter a heading row names has the
 * heading's title. */
static void
name_chapter (Build *build, EvidentChecklistEntry *entry)
{
  const char      *heading = g_hash_table_lookup (build->headings, entry->chapter);
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *paren = NULL;
  gsize            length = strlen (entry->chapter);

  if (heading != NULL)
    {
      evident_import_set_string (&entry->chapter_title, heading);
      return;
    }

  prefix = evident_import_ref_prefix (entry->ref);
  if (prefix == NULL || strlen (prefix) + 3 >= length)
    return;
  suffix = g_strconcat (" - ", prefix, NULL);
  paren = g_strconcat (" (", prefix, ")", NULL);
  if (g_str_has_suffix (entry->chapter, suffix))
    length -= strlen (suffix);
  else if (strstr (entry->chapter, paren) != NULL &&
           strstr (entry->chapter, paren) != entry->chapter)
    length = strstr (entry->chapter, paren) - entry->chapter;
  else
    return;

  g_free (entry->chapter_title);
  entry->chapter_title = g_strndup (entry->chapter, length);
  g_strchomp (entry->chapter_title);
  evident_import_set_string (&entry->chapter, prefix);
}

static void
derive_structure (Build     *build,
                  Pending   *pending,
                  Numbering *chapter_numbers,
                  Numbering *section_numbers)
{
  EvidentChecklistEntry *entry = pending->entry;
  gboolean               band_is_chapter = FALSE;
  gboolean               layout_is_mapped = build->self->layout == EVIDENT_IMPORT_LAYOUT_MAPPED;

  if (*entry->chapter != '\0' && *entry->chapter_title == '\0')
    name_chapter (build, entry);
  if (*entry->chapter != '\0')
    {
      if (*entry->chapter_title == '\0' && evident_import_looks_like_name (entry->chapter))
        {
          evident_import_set_string (&entry->chapter_title, entry->chapter);
          evident_import_set_string (&entry->chapter,
                                     number_for (chapter_numbers, "", entry->chapter_title));
        }
    }
  else if (*entry->chapter_title != '\0')
    evident_import_set_string (&entry->chapter,
                               number_for (chapter_numbers, "", entry->chapter_title));
  else
    band_is_chapter = derive_chapter (build, pending, chapter_numbers);

  if (*entry->section != '\0')
    {
      if (*entry->section_title == '\0' && evident_import_looks_like_name (entry->section))
        {
          evident_import_set_string (&entry->section_title, entry->section);
          evident_import_set_string (
              &entry->section, number_for (section_numbers, entry->chapter, entry->section_title));
        }
    }
  else if (*entry->section_title != '\0')
    evident_import_set_string (&entry->section,
                               number_for (section_numbers, entry->chapter, entry->section_title));
  else if (pending->band != NULL && !band_is_chapter)
    {
      evident_import_set_string (&entry->section_title, pending->band);
      evident_import_set_string (&entry->section,
                                 number_for (section_numbers, entry->chapter, pending->band));
    }
  else if (layout_is_mapped)
    derive_numbered_section (entry);
}

/* Every entry of a chapter (a section) gets the first title given for it. */
static void
unify_titles (GPtrArray *entries)
{
  g_autoptr (GHashTable) chapters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      EvidentChecklistEntry *entry = g_ptr_array_index (entries, i);
      char                  *key = g_strconcat (entry->chapter, "\n", entry->section, NULL);

      if (*entry->chapter_title != '\0' && !g_hash_table_contains (chapters, entry->chapter))
        g_hash_table_insert (chapters, entry->chapter, entry->chapter_title);
      if (*entry->section_title != '\0' && !g_hash_table_contains (sections, key))
        g_hash_table_insert (sections, key, entry->section_title);
      else
        g_free (key);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      EvidentChecklistEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char       *key = g_strconcat (entry->chapter, "\n", entry->section, NULL);
      const char            *title = g_hash_table_lookup (chapters, entry->chapter);

      if (title != NULL && title != entry->chapter_title)
        evident_import_set_string (&entry->chapter_title, title);
      title = g_hash_table_lookup (sections, key);
      if (title != NULL && title != entry->section_title)
        evident_import_set_string (&entry->section_title, title);
    }
}

/* Headings with references */

static int
compare_skips (gconstpointer a, gconstpointer b)
{
  const EvidentImportSkip *sa = a;
  const EvidentImportSkip *sb = b;

  if (sa->sheet != sb->sheet)
    return sa->sheet < sb->sheet ? -1 : 1;
  return sa->row < sb->row ? -1 : sa->row > sb->row;
}

/* Whether an entry gives nothing but its reference and a title or text:
 * no evidence, points, state or extra values. */
static gboolean
is_bare (const EvidentChecklistEntry *entry)
{
  const EvidentChecklistState *state = &entry->state;

  if (*entry->evidence != '\0' || entry->points != 0 || state->met != NULL ||
      state->response != NULL || state->status_text != NULL || state->owner != NULL ||
      state->reason != NULL || state->note != NULL || state->due != NULL)
    return FALSE;
  for (guint i = 0; entry->extra != NULL && i < entry->extra->len; i++)
    {
      const EvidentChecklistExtra *extra = g_ptr_array_index (entry->extra, i);

      if (*extra->value != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Counts an entry's chapter or section @number when its reference @ref
 * goes on from it (`A.5.1` from `A.5`): a number the reference gives,
 * not one handed out to a band. */
static void
count_number (GHashTable *counts, const char *number, const char *ref)
{
  gsize length = strlen (number);
  guint n;

  if (length == 0 || strncmp (ref, number, length) != 0 || ref[length] == '\0' ||
      strchr (".-_:/( ", ref[length]) == NULL)
    return;
  /* An existing key stays; the copy passed is freed. */
  n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, number));
  g_hash_table_insert (counts, g_strdup (number), GUINT_TO_POINTER (n + 1));
}

/* How many entries have @number in @counts: none counts itself, as its
 * reference does not go on from itself. */
static guint
others_with (GHashTable *counts, const char *number)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, number));
}

/* Rows that carry a reference but only head the items numbered below them
 * (`A.5 Organizational controls` above `A.5.1`, `1.1` above `1.1.1`): the
 * reference is the chapter or section of other entries, and the row gives
 * nothing but a title or text. They title that chapter or section and are
 * listed as headings instead of becoming items. */
static void
promote_headings (Build *build)
{
  EvidentImport *self = build->self;
  g_autoptr (GHashTable) chapters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) chapter_titles =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) section_titles =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint kept = 0;

  for (guint i = 0; i < build->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (build->pending, i);

      count_number (chapters, pending->entry->chapter, pending->entry->ref);
      count_number (sections, pending->entry->section, pending->entry->ref);
    }

  for (guint i = 0; i < build->pending->len; i++)
    {
      Pending               *pending = g_ptr_array_index (build->pending, i);
      EvidentChecklistEntry *entry = pending->entry;
      GHashTable            *titles = NULL;

      if (is_bare (entry) && others_with (chapters, entry->ref) > 0)
        titles = chapter_titles;
      else if (is_bare (entry) && others_with (sections, entry->ref) > 0)
        titles = section_titles;
      if (titles == NULL)
        {
          build->pending->pdata[kept++] = pending;
          continue;
        }

      if (!g_hash_table_contains (titles, entry->ref))
        g_hash_table_insert (titles, g_strdup (entry->ref), g_strdup (entry->title));
      evident_import_add_skip (build, pending->sheet, entry->source.row, EVIDENT_IMPORT_SKIP_BAND);
      g_ptr_array_remove (self->entries, entry);
      g_free (pending);
    }
  /* The slots past the kept ones hold moved or freed pointers. */
  for (guint i = kept; i < build->pending->len; i++)
    build->pending->pdata[i] = NULL;
  g_ptr_array_set_size (build->pending, kept);
  if (kept == self->entries->len &&
      g_hash_table_size (chapter_titles) + g_hash_table_size (section_titles) == 0)
    return;

  for (guint i = 0; i < self->entries->len; i++)
    {
      EvidentChecklistEntry *entry = g_ptr_array_index (self->entries, i);
      const char            *title;

      if (*entry->chapter_title == '\0' &&
          (title = g_hash_table_lookup (chapter_titles, entry->chapter)) != NULL)
        evident_import_set_string (&entry->chapter_title, title);
      if (*entry->section_title == '\0' &&
          (title = g_hash_table_lookup (section_titles, entry->section)) != NULL)
        evident_import_set_string (&entry->section_title, title);
    }
  g_array_sort (self->skipped, compare_skips);
}

/* Internal API */

/**
 * evident_import_derive_structure:
 *
 * Derives the chapter and section of every pending entry and unifies
 * their titles.
 */
void
evident_import_derive_structure (Build *build)
{
  Numbering chapter_numbers;
  Numbering section_numbers;

  numbering_init (&chapter_numbers);
  numbering_init (&section_numbers);
  for (guint i = 0; i < build->pending->len; i++)
    derive_structure (build, g_ptr_array_index (build->pending, i), &chapter_numbers,
                      &section_numbers);
  numbering_clear (&chapter_numbers);
  numbering_clear (&section_numbers);

  if (build->self->layout == EVIDENT_IMPORT_LAYOUT_MAPPED)
    promote_headings (build);
  unify_titles (build->self->entries);
}
