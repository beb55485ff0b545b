/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Checking an evidence pack against its manifest: every file hashed again
 * as it is read from the zip archive, and compared with what
 * manifest.json lists: a file changed, missing or not in the manifest is
 * named. The digest is the SHA-256 of manifest.json, as on the report's
 * cover. */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "evident-pack.h"

#define CHUNK (256 * 1024)
/* A manifest lists files, not holds them: this is plenty. */
#define MAX_MANIFEST (64 * 1024 * 1024)

typedef struct
{
  char   *sha256;
  gint64  size;
  guint   copies;
} Seen;

static void
seen_free (gpointer data)
{
  Seen *seen = data;

  g_free (seen->sha256);
  g_free (seen);
}

static void
set_not_a_pack (GError     **error,
                GFile       *pack,
                const char  *why)
{
  g_autofree char *name = g_file_get_parse_name (pack);

  g_set_error (error, EVIDENT_PACK_ERROR, EVIDENT_PACK_ERROR_NOT_A_PACK,
               _("“%s” is not an evidence pack: %s"), name, why);
}

static struct archive *
open_pack (GFile   *pack,
           GError **error)
{
  const char *path = g_file_peek_path (pack);
  struct archive *archive = archive_read_new ();

  archive_read_support_format_zip (archive);
  if (path == NULL || archive_read_open_filename (archive, path, CHUNK) != ARCHIVE_OK)
    {
      set_not_a_pack (error, pack, path != NULL ? archive_error_string (archive)
                                                : _("not a local file"));
      archive_read_free (archive);
      return NULL;
    }
  return archive;
}

static void
set_read_error (GError         **error,
                GFile           *pack,
                struct archive  *archive)
{
  g_autofree char *name = g_file_get_parse_name (pack);

  g_set_error (error, EVIDENT_PACK_ERROR, EVIDENT_PACK_ERROR_FAILED,
               _("Could not read the evidence pack “%s”: %s"), name,
               archive_error_string (archive) != NULL ? archive_error_string (archive) : "");
}

/* Reads the current entry's data: hashed, and kept when @kept is given. */
static gboolean
read_entry (struct archive  *archive,
            GFile           *pack,
            GChecksum       *checksum,
            gint64          *size,
            GByteArray      *kept,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autofree guint8 *buffer = g_malloc (CHUNK);

  *size = 0;
  for (;;)
    {
      la_ssize_t n = archive_read_data (archive, buffer, CHUNK);

      if (n < 0)
        {
          set_read_error (error, pack, archive);
          return FALSE;
        }
      if (n == 0)
        return TRUE;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_checksum_update (checksum, buffer, n);
      *size += n;
      if (kept != NULL)
        {
          if (kept->len + n > MAX_MANIFEST)
            {
              set_not_a_pack (error, pack, _("its manifest is too large"));
              return FALSE;
            }
          g_byte_array_append (kept, buffer, n);
        }
    }
}

/* Parses manifest.json; returns its "files" array. */
static JsonArray *
parse_manifest (JsonParser  *parser,
                GFile       *pack,
                GByteArray  *manifest,
                GError     **error)
{
  JsonObject *root;
  JsonNode *files;

  if (!json_parser_load_from_data (parser, (const char *) manifest->data, manifest->len, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      set_not_a_pack (error, pack, _("its manifest.json is not valid JSON"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  files = json_object_get_member (root, "files");
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""),
                 "evident-pack") != 0
      || files == NULL || !JSON_NODE_HOLDS_ARRAY (files))
    {
      set_not_a_pack (error, pack, _("its manifest.json does not list the files"));
      return NULL;
    }
  return json_node_get_array (files);
}

/* Reads the whole archive: each file's SHA-256 and size by path into
 * @seen (unless %NULL), manifest.json into @manifest. */
static gboolean
read_pack (GFile         *pack,
           GHashTable    *seen,
           GPtrArray     *order,
           GByteArray    *manifest,
           GCancellable  *cancellable,
           GError       **error)
{
  struct archive *archive = open_pack (pack, error);
  struct archive_entry *entry;
  gboolean found = FALSE;
  int status;

  if (archive == NULL)
    return FALSE;
  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *path = archive_entry_pathname_utf8 (entry);
      g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      gboolean is_manifest;
      Seen *known;
      gint64 size;

      if (path == NULL)
        path = archive_entry_pathname (entry);
      if (archive_entry_filetype (entry) == AE_IFDIR || g_str_equal (path, EVIDENT_PACK_MANIFEST_CSV)
          || (seen == NULL && !g_str_equal (path, EVIDENT_PACK_MANIFEST_JSON)))
        continue;
      is_manifest = g_str_equal (path, EVIDENT_PACK_MANIFEST_JSON) && !found;
      if (!read_entry (archive, pack, checksum, &size, is_manifest ? manifest : NULL, cancellable,
                       error))
        {
          archive_read_free (archive);
          return FALSE;
        }
      if (is_manifest)
        {
          found = TRUE;
          continue;
        }
      known = g_hash_table_lookup (seen, path);
      if (known == NULL)
        {
          known = g_new0 (Seen, 1);
          known->sha256 = g_strdup (g_checksum_get_string (checksum));
          known->size = size;
          g_hash_table_insert (seen, g_strdup (path), known);
          g_ptr_array_add (order, g_strdup (path));
        }
      known->copies++;
    }
  if (status != ARCHIVE_EOF)
    set_read_error (error, pack, archive);
  archive_read_free (archive);
  if (status != ARCHIVE_EOF)
    return FALSE;
  if (!found)
    {
      set_not_a_pack (error, pack, _("it holds no manifest.json"));
      return FALSE;
    }
  return TRUE;
}

static void
add_problem (GPtrArray              *problems,
             EvidentPackProblemKind  kind,
             const char             *path)
{
  EvidentPackProblem *problem = g_new0 (EvidentPackProblem, 1);

  problem->kind = kind;
  problem->path = g_strdup (path);
  g_ptr_array_add (problems, problem);
}

/**
 * evident_pack_verify:
 * @pack: an evidence pack (evident_pack_write())
 * @cancellable: (nullable): a cancellable
 * @digest: (out) (optional): the SHA-256 of its manifest.json, in hex
 * @n_checked: (out) (optional): the files of the manifest checked
 * @problems: (out) (optional) (element-type EvidentPackProblem): the files
 *   changed or missing, in the manifest's order, then the files the
 *   manifest does not list (a second copy of a listed file among them)
 * @error: return location for an error
 *
 * Hashes every file in @pack again and compares it with manifest.json.
 *
 * Returns: %TRUE when the pack could be read (whatever @problems holds),
 *   %FALSE with %EVIDENT_PACK_ERROR_NOT_A_PACK or
 *   %EVIDENT_PACK_ERROR_FAILED otherwise
 */
gboolean
evident_pack_verify (GFile         *pack,
                     GCancellable  *cancellable,
                     char         **digest,
                     guint         *n_checked,
                     GPtrArray    **problems,
                     GError       **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, seen_free);
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GByteArray) manifest = g_byte_array_new ();
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) evident_pack_problem_free);
  JsonArray *files;

  g_return_val_if_fail (G_IS_FILE (pack), FALSE);

  if (!read_pack (pack, seen, order, manifest, cancellable, error)
      || (files = parse_manifest (parser, pack, manifest, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      const char *path = file != NULL ? json_object_get_string_member_with_default (file, "path", NULL) : NULL;
      const char *sha256 = file != NULL ? json_object_get_string_member_with_default (file, "sha256", "") : "";
      gint64 size = file != NULL ? json_object_get_int_member_with_default (file, "size", -1) : -1;
      Seen *known;

      if (path == NULL)
        continue;
      g_hash_table_add (listed, (gpointer) path);
      known = g_hash_table_lookup (seen, path);
      if (known == NULL)
        add_problem (found, EVIDENT_PACK_PROBLEM_MISSING, path);
      else if (known->size != size || g_ascii_strcasecmp (known->sha256, sha256) != 0)
        add_problem (found, EVIDENT_PACK_PROBLEM_CHANGED, path);
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *path = g_ptr_array_index (order, i);
      Seen *known = g_hash_table_lookup (seen, path);

      if (!g_hash_table_contains (listed, path) || known->copies > 1)
        add_problem (found, EVIDENT_PACK_PROBLEM_EXTRA, path);
    }

  if (digest != NULL)
    *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, manifest->data, manifest->len);
  if (n_checked != NULL)
    *n_checked = g_hash_table_size (listed);
  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return TRUE;
}

/**
 * evident_pack_read_digest:
 * @pack: an evidence pack
 * @error: return location for an error
 *
 * The SHA-256 of the pack's manifest.json, without checking the files:
 * what a report made for this pack shows on its cover.
 *
 * Returns: (transfer full): the digest in hex, or %NULL
 */
char *
evident_pack_read_digest (GFile   *pack,
                          GError **error)
{
  g_autoptr (GByteArray) manifest = g_byte_array_new ();
  g_autoptr (JsonParser) parser = json_parser_new ();

  g_return_val_if_fail (G_IS_FILE (pack), NULL);

  if (!read_pack (pack, NULL, NULL, manifest, NULL, error)
      || parse_manifest (parser, pack, manifest, error) == NULL)
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, manifest->data, manifest->len);
}
