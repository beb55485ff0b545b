/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What an evidence pack holds, decided on the main thread from the
 * project: a folder per chapter and item, each file under its own name
 * made safe, stored once in the folder of the first item that uses it
 * and referenced from the others; and the manifest, as JSON and CSV. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "evident-csv-writer.h"
#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-pack-private.h"
#include "evident-project.h"
#include "evident-scoring.h"

/* Folder and file names stay well below what zip tools and file systems
 * take (255 bytes a name), in bytes of UTF-8. */
#define MAX_NAME 100
#define MAX_FOLDER_TITLE 60

static void
entry_free (gpointer data)
{
  EvidentPackEntry *entry = data;

  g_free (entry->title);
  g_free (entry->path);
  g_free (entry->sha256);
  g_free (entry->added);
  g_free (entry->url);
  g_free (entry);
}

static void
item_free (gpointer data)
{
  EvidentPackItem *item = data;

  g_free (item->ref);
  g_free (item->title);
  g_free (item->chapter);
  g_free (item->status);
  g_clear_pointer (&item->entries, g_ptr_array_unref);
  g_free (item);
}

static void
file_free (gpointer data)
{
  EvidentPackFile *file = data;

  g_free (file->path);
  g_free (file->sha256);
  g_clear_pointer (&file->modified, g_date_time_unref);
  g_free (file);
}

void
evident_pack_plan_free (EvidentPackPlan *plan)
{
  g_clear_object (&plan->store);
  g_free (plan->project_title);
  g_free (plan->checklist_version);
  g_free (plan->scope);
  g_clear_pointer (&plan->created, g_date_time_unref);
  g_clear_pointer (&plan->items, g_ptr_array_unref);
  g_clear_pointer (&plan->files, g_ptr_array_unref);
  g_free (plan);
}

/* Cuts @string to at most @max bytes, at a character's boundary. */
static void
truncate_utf8 (GString *string,
               gsize    max)
{
  const char *end;

  if (string->len <= max)
    return;
  end = g_utf8_find_prev_char (string->str, string->str + max + 1);
  g_string_truncate (string, end != NULL ? (gsize) (end - string->str) : 0);
}

/**
 * evident_pack_safe_name:
 * @name: a file or folder name as people wrote it
 *
 * A name that every zip tool and file system takes as one name: no path
 * separators, no control characters, none of the characters Windows
 * refuses, no leading or trailing dots and spaces, not empty, at most
 * MAX_NAME bytes (the extension kept).
 *
 * Returns: (transfer full): the name
 */
char *
evident_pack_safe_name (const char *name)
{
  g_autoptr (GString) safe = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  const char *extension;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || strchr ("/\\:*?\"<>|", c) != NULL)
        g_string_append_c (safe, '_');
      else
        g_string_append_unichar (safe, c);
    }
  while (safe->len > 0 && (safe->str[0] == '.' || safe->str[0] == ' '))
    g_string_erase (safe, 0, 1);
  while (safe->len > 0 && (safe->str[safe->len - 1] == '.' || safe->str[safe->len - 1] == ' '))
    g_string_truncate (safe, safe->len - 1);
  if (safe->len == 0)
    g_string_assign (safe, "file");

  extension = strrchr (safe->str, '.');
  if (safe->len > MAX_NAME)
    {
      g_autofree char *tail = extension != NULL && strlen (extension) <= 16
                                ? g_strdup (extension) : g_strdup ("");

      truncate_utf8 (safe, MAX_NAME - strlen (tail));
      g_string_append (safe, tail);
    }
  return g_string_free (g_steal_pointer (&safe), FALSE);
}

/* "8.2.1 Incident response runbook": the reference and the start of the
 * title, cut at a word. */
static char *
folder_name (const char *number,
             const char *title)
{
  g_autoptr (GString) name = g_string_new (number);

  if (title != NULL && *title != '\0')
    {
      g_autoptr (GString) short_title = g_string_new (title);

      if (short_title->len > MAX_FOLDER_TITLE)
        {
          char *space;

          truncate_utf8 (short_title, MAX_FOLDER_TITLE);
          space = strrchr (short_title->str, ' ');
          if (space != NULL && space - short_title->str > MAX_FOLDER_TITLE / 2)
            g_string_truncate (short_title, space - short_title->str);
        }
      g_string_append_printf (name, " %s", short_title->str);
    }
  return evident_pack_safe_name (name->str);
}

/* @name, or "name (2).ext", "name (3).ext", … : the first not in @taken. */
static char *
unique_name (GHashTable *taken,
             const char *name)
{
  const char *dot = strrchr (name, '.');
  gsize stem = dot != NULL && dot != name ? (gsize) (dot - name) : strlen (name);

  if (!g_hash_table_contains (taken, name))
    return g_strdup (name);
  for (guint n = 2;; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%.*s (%u)%s", (int) stem, name, n,
                                                    name + stem);

      if (!g_hash_table_contains (taken, candidate))
        return g_steal_pointer (&candidate);
    }
}

static gboolean
in_scope (EvidentItem      *item,
          EvidentPackScope  scope,
          const char       *chapter)
{
  EvidentStatus status = evident_item_get_status (item);

  switch (scope)
    {
    case EVIDENT_PACK_SCOPE_ALL:
      return TRUE;
    case EVIDENT_PACK_SCOPE_READY:
      return status == EVIDENT_STATUS_READY || status == EVIDENT_STATUS_MET;
    case EVIDENT_PACK_SCOPE_CHAPTER:
      return g_strcmp0 (evident_item_get_chapter (item), chapter) == 0;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_compressed (const char *content_type,
               const char *filename)
{
  static const char * const extensions[] = {
    ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".zip", ".gz", ".xz", ".bz2", ".7z",
    ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".mp4", ".mov", ".mkv", ".webm", ".mp3",
  };
  g_autofree char *lower = g_ascii_strdown (filename != NULL ? filename : "", -1);

  if (content_type != NULL && (g_str_has_prefix (content_type, "image/")
                               || g_str_has_prefix (content_type, "video/")
                               || g_str_has_prefix (content_type, "audio/")))
    return !g_str_equal (content_type, "image/svg+xml") && !g_str_equal (content_type, "image/bmp");
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

typedef struct
{
  EvidentPackPlan *plan;
  GHashTable      *stored;   /* SHA-256 → EvidentPackFile */
  GHashTable      *chapters; /* chapter number → folder name */
} Planner;

static char *
format_utc (GDateTime *date)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (date);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* The item's evidence: each file stored in its folder unless an earlier
 * item stored it. */
static void
plan_item (Planner         *planner,
           EvidentItem     *item,
           EvidentPackItem *copy)
{
  EvidentPackPlan *plan = planner->plan;
  g_autoptr (GListModel) evidence = evident_evidence_store_list (plan->store, item);
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folder = folder_name (copy->ref, copy->title);
  const char *chapter_folder = g_hash_table_lookup (planner->chapters, copy->chapter);

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr (EvidentEvidence) piece = g_list_model_get_item (evidence, i);
      EvidentPackEntry *entry = g_new0 (EvidentPackEntry, 1);
      const char *sha256 = evident_evidence_get_sha256 (piece);
      EvidentPackFile *file;

      entry->title = g_strdup (evident_evidence_get_title (piece));
      entry->added = format_utc (evident_evidence_get_added (piece));
      g_ptr_array_add (copy->entries, entry);
      if (evident_evidence_is_link (piece))
        {
          entry->url = g_strdup (evident_evidence_get_url (piece));
          plan->n_links++;
          continue;
        }

      file = g_hash_table_lookup (planner->stored, sha256);
      if (file == NULL)
        {
          g_autofree char *safe = evident_pack_safe_name (evident_evidence_get_filename (piece));
          g_autofree char *name = unique_name (taken, safe);

          file = g_new0 (EvidentPackFile, 1);
          file->path = g_build_path ("/", chapter_folder, folder, name, NULL);
          file->sha256 = g_strdup (sha256);
          file->size = evident_evidence_get_size (piece);
          file->modified = g_date_time_ref (evident_evidence_get_added (piece));
          file->compressed = is_compressed (evident_evidence_get_content_type (piece),
                                            evident_evidence_get_filename (piece));
          g_hash_table_add (taken, g_steal_pointer (&name));
          g_hash_table_insert (planner->stored, file->sha256, file);
          g_ptr_array_add (plan->files, file);
          plan->size += file->size;
        }
      entry->path = g_strdup (file->path);
      entry->sha256 = g_strdup (sha256);
      entry->size = file->size;
    }
}

static char *
describe_scope (EvidentPackScope  scope,
                const char       *chapter)
{
  switch (scope)
    {
    case EVIDENT_PACK_SCOPE_ALL:
      return g_strdup ("all");
    case EVIDENT_PACK_SCOPE_READY:
      return g_strdup ("ready");
    case EVIDENT_PACK_SCOPE_CHAPTER:
    default:
      return g_strdup_printf ("chapter %s", chapter);
    }
}

/* A folder per chapter: "8.0 Security", unique among them. */
static gboolean
plan_chapters (Planner          *planner,
               EvidentProject   *project,
               EvidentPackScope  scope,
               const char       *chapter,
               GError          **error)
{
  const EvidentScore *score = evident_project_get_score (project);
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint c = 0; c < score->chapters->len; c++)
    {
      const EvidentChapterScore *chapter_score = &g_array_index (score->chapters,
                                                                 EvidentChapterScore, c);
      g_autofree char *name = folder_name (chapter_score->number, chapter_score->title);
      char *unique = unique_name (taken, name);

      g_hash_table_add (taken, g_strdup (unique));
      g_hash_table_insert (planner->chapters, chapter_score->number, unique);
    }
  if (scope == EVIDENT_PACK_SCOPE_CHAPTER
      && (chapter == NULL || !g_hash_table_contains (planner->chapters, chapter)))
    {
      g_set_error (error, EVIDENT_PACK_ERROR, EVIDENT_PACK_ERROR_NO_SUCH_CHAPTER,
                   _("The project has no chapter “%s”"), chapter != NULL ? chapter : "");
      return FALSE;
    }
  return TRUE;
}

/**
 * evident_pack_plan_new:
 *
 * Decides what a pack of @project holds. Main thread.
 *
 * Returns: (transfer full): the plan, or %NULL when the chapter is not in
 *   the project
 */
EvidentPackPlan *
evident_pack_plan_new (EvidentProject    *project,
                       EvidentPackScope   scope,
                       const char        *chapter,
                       GError           **error)
{
  g_autoptr (EvidentPackPlan) plan = g_new0 (EvidentPackPlan, 1);
  g_autoptr (GHashTable) stored = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) chapters = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GListModel *items = evident_project_get_items (project);
  Planner planner = { plan, stored, chapters };

  plan->store = g_object_ref (evident_evidence_store_get_for_project (project));
  plan->project_title = g_strdup (evident_project_get_title (project));
  plan->checklist_version = g_strdup (evident_project_get_checklist_version (project));
  plan->scope = describe_scope (scope, chapter);
  plan->created = g_date_time_new_now_utc ();
  plan->items = g_ptr_array_new_with_free_func (item_free);
  plan->files = g_ptr_array_new_with_free_func (file_free);
  if (!plan_chapters (&planner, project, scope, chapter, error))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      EvidentPackItem *copy;

      if (!in_scope (item, scope, chapter))
        continue;
      copy = g_new0 (EvidentPackItem, 1);
      copy->ref = g_strdup (evident_item_get_ref (item));
      copy->title = g_strdup (evident_item_get_title (item));
      copy->chapter = g_strdup (evident_item_get_chapter (item));
      copy->status = g_strdup (evident_status_to_string (evident_item_get_status (item)));
      copy->entries = g_ptr_array_new_with_free_func (entry_free);
      g_ptr_array_add (plan->items, copy);
      plan_item (&planner, item, copy);
    }
  return g_steal_pointer (&plan);
}

/* Manifests */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_item_json (JsonBuilder     *builder,
               EvidentPackItem *item)
{
  json_builder_begin_object (builder);
  add_string (builder, "ref", item->ref);
  add_string (builder, "title", item->title);
  add_string (builder, "chapter", item->chapter);
  add_string (builder, "status", item->status);
  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint j = 0; j < item->entries->len; j++)
    {
      EvidentPackEntry *entry = g_ptr_array_index (item->entries, j);

      json_builder_begin_object (builder);
      add_string (builder, "title", entry->title);
      if (entry->url != NULL)
        {
          add_string (builder, "url", entry->url);
        }
      else
        {
          add_string (builder, "file", entry->path);
          add_int (builder, "size", entry->size);
          add_string (builder, "sha256", entry->sha256);
        }
      add_string (builder, "added", entry->added);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * evident_pack_plan_manifest_json:
 *
 * The manifest: the project, every file stored (path, size, SHA-256) and
 * every item in scope with its evidence. Its SHA-256 is the pack's digest.
 *
 * Returns: (transfer full): UTF-8 JSON, ending in a line break
 */
GBytes *
evident_pack_plan_manifest_json (EvidentPackPlan *plan)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *created = format_utc (plan->created);
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "format", "evident-pack");
  add_int (builder, "version", 1);
  add_string (builder, "project", plan->project_title);
  add_string (builder, "checklist_version", plan->checklist_version);
  add_string (builder, "created", created);
  add_string (builder, "scope", plan->scope);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->files->len; i++)
    {
      EvidentPackFile *file = g_ptr_array_index (plan->files, i);

      json_builder_begin_object (builder);
      add_string (builder, "path", file->path);
      add_int (builder, "size", file->size);
      add_string (builder, "sha256", file->sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->items->len; i++)
    add_item_json (builder, g_ptr_array_index (plan->items, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  return g_bytes_new_take (g_strconcat (json, "\n", NULL), strlen (json) + 1);
}

/**
 * evident_pack_plan_manifest_csv:
 *
 * The manifest for spreadsheets: a row per piece of evidence (a file used
 * by several items on each of their rows, with the one path where it is
 * stored), and a row for each item without evidence.
 *
 * Returns: (transfer full): UTF-8 CSV with a byte order mark, CR LF
 */
GBytes *
evident_pack_plan_manifest_csv (EvidentPackPlan *plan)
{
  static const char * const header[] = {
    "ref", "title", "status", "evidence", "file", "size", "sha256", "added", "url",
  };
  g_autoptr (EvidentCsvWriter) csv = evident_csv_writer_new (EVIDENT_CSV_WRITER_CRLF
                                                             | EVIDENT_CSV_WRITER_BOM);

  evident_csv_writer_add_row (csv, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < plan->items->len; i++)
    {
      EvidentPackItem *item = g_ptr_array_index (plan->items, i);

      for (guint j = 0; j < MAX (item->entries->len, 1); j++)
        {
          EvidentPackEntry *entry = j < item->entries->len ? g_ptr_array_index (item->entries, j)
                                                           : NULL;

          evident_csv_writer_add_field (csv, item->ref);
          evident_csv_writer_add_field (csv, item->title);
          evident_csv_writer_add_field (csv, item->status);
          if (entry != NULL)
            {
              evident_csv_writer_add_field (csv, entry->title);
              evident_csv_writer_add_field (csv, entry->path);
              if (entry->url == NULL)
                evident_csv_writer_add_int (csv, entry->size);
              else
                evident_csv_writer_add_field (csv, "");
              evident_csv_writer_add_field (csv, entry->sha256);
              evident_csv_writer_add_field (csv, entry->added);
              evident_csv_writer_add_field (csv, entry->url);
            }
          evident_csv_writer_end_row (csv);
        }
    }
  return evident_csv_writer_get_bytes (csv);
}
