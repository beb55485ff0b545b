/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The evidence pack: what the zip archive holds and where, the manifest
 * against the files, a file shared by two items stored once, names made
 * safe, scopes, verify-pack catching a changed, a missing and an extra
 * file, and a cancelled or failed pack leaving nothing behind. */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-pack-private.h"
#include "evident-project.h"
#include "test-fixtures.h"

static const char checklist[] =
  "ref,chapter,chapter_title,title,points,mandatory\n"
  "1.1,1.0,Basics,Alpha: the first/one,100,yes\n"
  "1.2,1.0,Basics,Beta,50,no\n"
  "2.1,2.0,Security,Gamma,300,yes\n";

typedef struct
{
  char           *dir;
  EvidentProject *project;
  char           *shared_sha256;
} Fixture;

static void
attach (Fixture    *fixture,
        const char *ref,
        const char *name,
        const char *content)
{
  g_autofree char *path = g_build_filename (fixture->dir, "in", name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;

  g_mkdir_with_parents (folder, 0700);
  fixture_write_file (path, content, strlen (content));
  evidence = evident_evidence_store_add_file (evident_evidence_store_get_for_project (fixture->project),
                                              fixture_lookup (fixture->project, ref), file, NULL,
                                              EVIDENT_EVIDENCE_KIND_OTHER, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
set_status (Fixture       *fixture,
            const char    *ref,
            EvidentStatus  status)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (evident_project_set_status (fixture->project, fixture_lookup (fixture->project, ref),
                                             status, NULL, &error));
  g_assert_no_error (error);
}

/* 1.1 (met): a.pdf, shared.txt, a name to make safe; 1.2 (ready): the
 * same shared bytes under another name, a link; 2.1 (in progress): another
 * a.pdf, and two different files both called dup.txt. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) entries = fixture_parse_checklist (checklist);
  g_autoptr (EvidentEvidence) link = NULL;
  g_autoptr (GError) error = NULL;

  fixture->dir = fixture_tmp_dir_new ();
  path = g_build_filename (fixture->dir, "audit.evident", NULL);
  fixture->project = fixture_create_project (path, entries);

  attach (fixture, "1.1", "a.pdf", "%PDF-1.4 alpha");
  attach (fixture, "1.1", "shared.txt", "shared bytes");
  attach (fixture, "1.1", " .bad:name?\x01.txt", "bad name");
  attach (fixture, "1.2", "copy-of-shared.txt", "shared bytes");
  link = evident_evidence_store_add_link (evident_evidence_store_get_for_project (fixture->project),
                                          fixture_lookup (fixture->project, "1.2"),
                                          "https://example.com/policy", "Policy wiki",
                                          EVIDENT_EVIDENCE_KIND_PROCESS, &error);
  g_assert_no_error (error);
  attach (fixture, "2.1", "a.pdf", "%PDF-1.4 gamma");
  attach (fixture, "2.1", "one/dup.txt", "first dup");
  attach (fixture, "2.1", "two/dup.txt", "second dup");
  fixture->shared_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "shared bytes", -1);

  set_status (fixture, "1.1", EVIDENT_STATUS_MET);
  set_status (fixture, "1.2", EVIDENT_STATUS_READY);
  set_status (fixture, "2.1", EVIDENT_STATUS_IN_PROGRESS);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  fixture_close_project (&fixture->project);
  g_free (fixture->shared_sha256);
  fixture_tmp_dir_clear (&fixture->dir);
}

static char *
pack_path (Fixture    *fixture,
           const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static EvidentPackInfo *
write_pack (Fixture          *fixture,
            EvidentPackScope  scope,
            const char       *chapter,
            const char       *name)
{
  g_autofree char *path = pack_path (fixture, name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  EvidentPackInfo *info;

  info = evident_pack_write (fixture->project, scope, chapter, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

/* path → the entry's bytes, for every file in a zip archive, in order. */
static GHashTable *
read_zip (const char *path,
          GPtrArray  *order)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (archive);
  g_assert_cmpint (archive_read_open_filename (archive, path, 65536), ==, ARCHIVE_OK);
  while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
    {
      g_autoptr (GByteArray) data = g_byte_array_new ();
      char buffer[4096];
      la_ssize_t n;

      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        g_byte_array_append (data, (guint8 *) buffer, n);
      g_assert_cmpint (n, ==, 0);
      if (order != NULL)
        g_ptr_array_add (order, g_strdup (archive_entry_pathname_utf8 (entry)));
      g_hash_table_insert (files, g_strdup (archive_entry_pathname_utf8 (entry)),
                           g_byte_array_free_to_bytes (g_steal_pointer (&data)));
    }
  archive_read_free (archive);
  return files;
}

static JsonObject *
parse_manifest (JsonParser *parser,
                GHashTable *files)
{
  GBytes *json = g_hash_table_lookup (files, EVIDENT_PACK_MANIFEST_JSON);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (json);
  json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                              &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonArray *
item_evidence (JsonObject *manifest,
               const char *ref)
{
  JsonArray *items = json_object_get_array_member (manifest, "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "ref"), ref))
        return json_object_get_array_member (item, "evidence");
    }
  g_assert_not_reached ();
}

/* Tests */

static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (EvidentPackInfo) info = write_pack (fixture, EVIDENT_PACK_SCOPE_ALL, NULL, "p.zip");
  g_autofree char *path = pack_path (fixture, "p.zip");
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) files = read_zip (path, order);
  const char *expected[] = {
    "1.0 Basics/1.1 Alpha_ the first_one/a.pdf",
    "1.0 Basics/1.1 Alpha_ the first_one/shared.txt",
    "1.0 Basics/1.1 Alpha_ the first_one/bad_name__.txt",
    "2.0 Security/2.1 Gamma/a.pdf",
    "2.0 Security/2.1 Gamma/dup.txt",
    "2.0 Security/2.1 Gamma/dup (2).txt",
    EVIDENT_PACK_MANIFEST_CSV,
    EVIDENT_PACK_MANIFEST_JSON,
  };

  /* A folder per chapter and item, the files under their own names made
   * safe and unique; the shared file once, where 1.1 has it. */
  g_assert_cmpuint (order->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (order, i), ==, expected[i]);
  g_assert_cmpmem (g_bytes_get_data (g_hash_table_lookup (files, expected[5]), NULL), 10,
                   "second dup", 10);
  g_assert_cmpuint (info->n_items, ==, 3);
  g_assert_cmpuint (info->n_files, ==, 6);
  g_assert_cmpuint (info->n_links, ==, 1);
}

static void
test_manifest (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (EvidentPackInfo) info = write_pack (fixture, EVIDENT_PACK_SCOPE_ALL, NULL, "p.zip");
  g_autofree char *path = pack_path (fixture, "p.zip");
  g_autoptr (GHashTable) files = read_zip (path, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *manifest = parse_manifest (parser, files);
  JsonArray *listed = json_object_get_array_member (manifest, "files");
  JsonArray *beta = NULL;
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256,
                                                          g_hash_table_lookup (files,
                                                                               EVIDENT_PACK_MANIFEST_JSON));
  GBytes *csv = g_hash_table_lookup (files, EVIDENT_PACK_MANIFEST_CSV);
  g_autofree char *csv_text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));

  /* The digest is the manifest's SHA-256. */
  g_assert_cmpstr (info->digest, ==, digest);
  g_assert_cmpstr (json_object_get_string_member (manifest, "format"), ==, "evident-pack");

  /* Every file listed is in the zip with that size and SHA-256, and every
   * file in the zip is listed. */
  g_assert_cmpuint (json_array_get_length (listed), ==, g_hash_table_size (files) - 2);
  for (guint i = 0; i < json_array_get_length (listed); i++)
    {
      JsonObject *file = json_array_get_object_element (listed, i);
      GBytes *bytes = g_hash_table_lookup (files, json_object_get_string_member (file, "path"));
      g_autofree char *sha256 = NULL;

      g_assert_nonnull (bytes);
      sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      g_assert_cmpstr (sha256, ==, json_object_get_string_member (file, "sha256"));
      g_assert_cmpint (g_bytes_get_size (bytes), ==, json_object_get_int_member (file, "size"));
    }

  /* The shared file is stored once and referenced from 1.2; the link is
   * listed with its address. */
  beta = item_evidence (manifest, "1.2");
  g_assert_cmpuint (json_array_get_length (beta), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (beta, 0), "file"),
                   ==, "1.0 Basics/1.1 Alpha_ the first_one/shared.txt");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (beta, 0), "sha256"),
                   ==, fixture->shared_sha256);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (beta, 1), "url"),
                   ==, "https://example.com/policy");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (beta, 0),
                                                                  "added"), "20"));

  /* The CSV lists the same: a header, then a row per piece of evidence. */
  g_assert_true (g_str_has_prefix (csv_text, "\xef\xbb\xbfref,title,status,evidence,file,size,"
                                             "sha256,added,url\r\n"));
  g_assert_nonnull (strstr (csv_text, "1.2,Beta,ready,copy-of-shared.txt,1.0 Basics/1.1 Alpha_ the "
                                      "first_one/shared.txt,12,"));
  g_assert_nonnull (strstr (csv_text, "https://example.com/policy\r\n"));
}

static void
test_scopes (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (EvidentPackInfo) ready = write_pack (fixture, EVIDENT_PACK_SCOPE_READY, NULL, "r.zip");
  g_autoptr (EvidentPackInfo) chapter = write_pack (fixture, EVIDENT_PACK_SCOPE_CHAPTER, "2.0",
                                                    "c.zip");
  g_autofree char *ready_path = pack_path (fixture, "r.zip");
  g_autofree char *chapter_path = pack_path (fixture, "c.zip");
  g_autofree char *missing_path = pack_path (fixture, "m.zip");
  g_autoptr (GHashTable) ready_files = read_zip (ready_path, NULL);
  g_autoptr (GHashTable) chapter_files = read_zip (chapter_path, NULL);
  g_autoptr (GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr (EvidentPackInfo) none = NULL;
  g_autoptr (GError) error = NULL;

  /* Ready or met: 1.1 and 1.2, not 2.1. */
  g_assert_cmpuint (ready->n_items, ==, 2);
  g_assert_cmpuint (g_hash_table_size (ready_files), ==, 3 + 2);
  g_assert_false (g_hash_table_contains (ready_files, "2.0 Security/2.1 Gamma/a.pdf"));
  /* One chapter. */
  g_assert_cmpuint (chapter->n_items, ==, 1);
  g_assert_cmpuint (g_hash_table_size (chapter_files), ==, 3 + 2);
  g_assert_true (g_hash_table_contains (chapter_files, "2.0 Security/2.1 Gamma/dup (2).txt"));

  none = evident_pack_write (fixture->project, EVIDENT_PACK_SCOPE_CHAPTER, "9.0", missing, NULL,
                             &error);
  g_assert_error (error, EVIDENT_PACK_ERROR, EVIDENT_PACK_ERROR_NO_SUCH_CHAPTER);
  g_assert_null (none);
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));
}

/* Copies a zip archive, leaving out @drop, changing a byte of @change and
 * adding @extra. */
static void
rewrite_zip (const char *from,
             const char *to,
             const char *drop,
             const char *change,
             const char *extra)
{
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) files = read_zip (from, order);
  struct archive *archive = archive_write_new ();

  archive_write_set_format_zip (archive);
  g_assert_cmpint (archive_write_open_filename (archive, to), ==, ARCHIVE_OK);
  for (guint i = 0; i <= order->len; i++)
    {
      const char *path = i < order->len ? g_ptr_array_index (order, i) : extra;
      GBytes *bytes = i < order->len ? g_hash_table_lookup (files, path) : NULL;
      g_autofree guint8 *data = NULL;
      gsize size = 0;
      struct archive_entry *entry;

      if (path == NULL || g_strcmp0 (path, drop) == 0)
        continue;
      if (bytes != NULL)
        data = g_memdup2 (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
      else
        data = (guint8 *) g_strdup ("extra"), size = 5;
      if (g_strcmp0 (path, change) == 0)
        data[0] ^= 1;
      entry = archive_entry_new ();
      archive_entry_set_pathname (entry, path);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, size);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (archive, data, size), ==, (la_ssize_t) size);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
}

static void
assert_problem (GPtrArray              *problems,
                guint                   i,
                EvidentPackProblemKind  kind,
                const char             *path)
{
  EvidentPackProblem *problem = g_ptr_array_index (problems, i);

  g_assert_cmpint (problem->kind, ==, kind);
  g_assert_cmpstr (problem->path, ==, path);
}

static void
test_verify (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (EvidentPackInfo) info = write_pack (fixture, EVIDENT_PACK_SCOPE_ALL, NULL, "p.zip");
  g_autofree char *path = pack_path (fixture, "p.zip");
  g_autofree char *bad_path = pack_path (fixture, "bad.zip");
  g_autoptr (GFile) pack = g_file_new_for_path (path);
  g_autoptr (GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *read_digest = NULL;
  guint n_checked = 0;

  /* As written: every file matches; the digest is the one reported. */
  g_assert_true (evident_pack_verify (pack, NULL, &digest, &n_checked, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (n_checked, ==, 6);
  g_assert_cmpstr (digest, ==, info->digest);
  read_digest = evident_pack_read_digest (pack, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_digest, ==, info->digest);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&digest, g_free);

  /* A changed, a missing and an extra file, each named. */
  rewrite_zip (path, bad_path, "2.0 Security/2.1 Gamma/dup.txt",
               "1.0 Basics/1.1 Alpha_ the first_one/shared.txt", "1.0 Basics/smuggled.txt");
  g_assert_true (evident_pack_verify (bad, NULL, &digest, &n_checked, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (digest, ==, info->digest);
  g_assert_cmpuint (problems->len, ==, 3);
  assert_problem (problems, 0, EVIDENT_PACK_PROBLEM_CHANGED,
                  "1.0 Basics/1.1 Alpha_ the first_one/shared.txt");
  assert_problem (problems, 1, EVIDENT_PACK_PROBLEM_MISSING, "2.0 Security/2.1 Gamma/dup.txt");
  assert_problem (problems, 2, EVIDENT_PACK_PROBLEM_EXTRA, "1.0 Basics/smuggled.txt");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* No manifest: not a pack. */
  rewrite_zip (path, bad_path, EVIDENT_PACK_MANIFEST_JSON, NULL, NULL);
  g_assert_false (evident_pack_verify (bad, NULL, NULL, NULL, &problems, &error));
  g_assert_error (error, EVIDENT_PACK_ERROR, EVIDENT_PACK_ERROR_NOT_A_PACK);
  fixture_assert_contains (error, "manifest.json");
  g_clear_error (&error);

  /* Not a zip at all. */
  fixture_write_file (bad_path, "hello", 5);
  g_assert_false (evident_pack_verify (bad, NULL, NULL, NULL, &problems, &error));
  g_assert_error (error, EVIDENT_PACK_ERROR, EVIDENT_PACK_ERROR_NOT_A_PACK);
  fixture_assert_contains (error, "bad.zip");
}

/* Only the project, and what the test left there on purpose. */
static void
assert_nothing_left (Fixture    *fixture,
                     const char *expected)
{
  g_autofree char *listing = fixture_list_dir (fixture->dir);

  g_assert_cmpstr (listing, ==, expected);
}

static void
cancel_cb (goffset  current,
           goffset  total,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr (EvidentPackInfo) info = evident_pack_write_finish (EVIDENT_PROJECT (source), result,
                                                                error);

  g_assert_null (info);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = pack_path (fixture, "p.zip");
  g_autofree char *before = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GBytes) old = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *big = g_malloc (24 * 1024 * 1024 + 1);
  GRand *rand = g_rand_new_with_seed (15);

  /* Enough bytes that the first progress report comes long before the
   * end: random, so that deflate takes its time. */
  for (gsize i = 0; i < 24 * 1024 * 1024; i++)
    big[i] = 'a' + g_rand_int_range (rand, 0, 26);
  big[24 * 1024 * 1024] = '\0';
  g_rand_free (rand);
  attach (fixture, "2.1", "big.txt", big);

  /* An older pack stays as it was. */
  fixture_write_file (path, "old pack", 8);
  before = fixture_list_dir (fixture->dir);
  evident_pack_write_async (fixture->project, EVIDENT_PACK_SCOPE_ALL, NULL, file, cancellable,
                            cancel_cb, cancellable, done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  old = fixture_read_file (path);
  g_assert_cmpmem (g_bytes_get_data (old, NULL), g_bytes_get_size (old), "old pack", 8);
  assert_nothing_left (fixture, before);
}

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = pack_path (fixture, "p.zip");
  g_autofree char *project = pack_path (fixture, "audit.evident");
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentPackInfo) info = NULL;
  g_autoptr (GError) error = NULL;

  /* A stored file's bytes change behind Evident's back: the pack refuses
   * it, naming it, and leaves nothing. */
  fixture_close_project (&fixture->project);
  sql = g_strdup_printf ("UPDATE blob_chunks SET data = randomblob(length(data)) "
                         "WHERE sha256 = '%s'", fixture->shared_sha256);
  fixture_sqlite_exec_on (project, sql);
  fixture->project = fixture_open_project (project, EVIDENT_PROJECT_OPEN_READ_ONLY);
  before = fixture_list_dir (fixture->dir);

  info = evident_pack_write (fixture->project, EVIDENT_PACK_SCOPE_ALL, NULL, file, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, EVIDENT_PACK_ERROR, EVIDENT_PACK_ERROR_DAMAGED);
  fixture_assert_contains (error, "shared.txt");
  assert_nothing_left (fixture, before);
}

static void
test_safe_names (void)
{
  static const struct
  {
    const char *name;
    const char *safe;
  } cases[] = {
    { "report.pdf", "report.pdf" },
    { "../../etc/passwd", "_.._etc_passwd" },
    { "a\\b/c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j" },
    { "tab\there\nnewline", "tab_here_newline" },
    { " .hidden. ", "hidden" },
    { "", "file" },
    { "...", "file" },
    { "Prüfbericht – März.pdf", "Prüfbericht – März.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = evident_pack_safe_name (cases[i].name);

      g_assert_cmpstr (safe, ==, cases[i].safe);
    }

  /* Long names are cut at a character, keeping the extension. */
  {
    g_autoptr (GString) name = g_string_new (NULL);
    g_autofree char *safe = NULL;

    for (guint i = 0; i < 80; i++)
      g_string_append (name, "ä");
    g_string_append (name, ".pdf");
    safe = evident_pack_safe_name (name->str);
    g_assert_cmpuint (strlen (safe), <=, 100);
    g_assert_true (g_utf8_validate (safe, -1, NULL));
    g_assert_true (g_str_has_suffix (safe, "ä.pdf"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/pack/layout", test_layout);
  ADD ("/pack/manifest", test_manifest);
  ADD ("/pack/scopes", test_scopes);
  ADD ("/pack/verify", test_verify);
  ADD ("/pack/cancel", test_cancel);
  ADD ("/pack/damaged", test_damaged);
#undef ADD
  g_test_add_func ("/pack/safe-names", test_safe_names);

  return g_test_run ();
}
