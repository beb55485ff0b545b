/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "evident-csv.h"
#include "evident-enums.h"
#include "evident-evidence.h"
#include "evident-evidence-check.h"
#include "evident-item.h"
#include "evident-project.h"

#define MiB (1024 * 1024)

/* The SHA-256 of no bytes at all. */
#define EMPTY_SHA256 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static const char checklist[] =
  "ref,chapter,chapter_title,section,section_title,title,points,mandatory\n"
  "1.1,1.0,Basics,1,Start,Alpha,100,yes\n"
  "1.2,1.0,Basics,1,Start,Beta,50,no\n"
  "2.1,2.0,Security,2,Keys,Gamma,300,yes\n";

typedef struct
{
  char                 *dir;
  GFile                *file;
  char                 *path;
  EvidentProject       *project;
  EvidentEvidenceStore *store;
} Fixture;

/* Helpers */

static void
fixture_open (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  fixture->project = evident_project_open (fixture->file, &error);
  g_assert_no_error (error);
  fixture->store = evident_evidence_store_get_for_project (fixture->project);
  g_assert_true (EVIDENT_IS_EVIDENCE_STORE (fixture->store));
  g_assert_true (evident_evidence_store_get_for_project (fixture->project) == fixture->store);
}

static void
fixture_close (Fixture *fixture)
{
  evident_project_close (fixture->project);
  g_clear_object (&fixture->project);
  fixture->store = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new_static (checklist, strlen (checklist));
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (EvidentProject) project = NULL;

  fixture->dir = g_dir_make_tmp ("evident-evidence-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "audit.evident", NULL);
  fixture->file = g_file_new_for_path (fixture->path);

  entries = evident_checklist_parse (bytes, &error);
  g_assert_no_error (error);
  project = evident_project_create (fixture->file, NULL, entries, &error);
  g_assert_no_error (error);
  evident_project_close (project);

  fixture_open (fixture);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->project != NULL)
    fixture_close (fixture);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_clear_object (&fixture->file);
}

static EvidentItem *
item (Fixture    *fixture,
      const char *ref)
{
  EvidentItem *found = evident_project_lookup_item (fixture->project, ref);

  g_assert_nonnull (found);
  return found;
}

/* A file of @size pseudo-random bytes made from @seed. */
static GFile *
make_file (Fixture    *fixture,
           const char *name,
           gsize       size,
           guint32     seed,
           GBytes    **contents)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autofree guint8 *data = g_malloc (MAX (size, 1));
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  for (gsize i = 0; i < size; i++)
    data[i] = g_rand_int (rand) & 0xff;
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);
  if (contents != NULL)
    *contents = g_bytes_new (data, size);
  return g_file_new_for_path (path);
}

static char *
sha256_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Counts rows through a connection of the test's own. */
static gint64
count (Fixture    *fixture,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
run_sql (Fixture    *fixture,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static EvidentEvidence *
add (Fixture    *fixture,
     const char *ref,
     GFile      *file,
     gboolean   *already_stored)
{
  g_autoptr (GError) error = NULL;
  g_auto (EvidentEvidenceAddition) addition = { 0 };
  EvidentEvidence *evidence;

  evidence = evident_evidence_store_add_file (fixture->store, item (fixture, ref), file, NULL,
                                              EVIDENT_EVIDENCE_KIND_OTHER, NULL, &addition,
                                              &error);
  g_assert_no_error (error);
  g_assert_true (EVIDENT_IS_EVIDENCE (evidence));
  g_assert_null (addition.link_target);
  if (already_stored != NULL)
    *already_stored = addition.already_stored;
  return evidence;
}

static void
assert_stream_equals (GInputStream *stream,
                      GBytes       *expected,
                      gsize         read_size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GByteArray) read = g_byte_array_new ();
  g_autofree guint8 *buffer = g_malloc (read_size);
  gssize n;

  while ((n = g_input_stream_read (stream, buffer, read_size, NULL, &error)) > 0)
    g_byte_array_append (read, buffer, n);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpmem (read->data, read->len, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));
}

typedef struct
{
  GAsyncResult *result;
} Waiter;

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  Waiter *waiter = data;

  g_assert_null (waiter->result);
  waiter->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Waiter *waiter)
{
  while (waiter->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return waiter->result;
}

/* Tests */

static void
test_kinds (void)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (EVIDENT_TYPE_EVIDENCE_KIND);
  const char *nicks[] = { "presentation", "process", "asset", "demonstration", "other" };
  EvidentEvidenceKind kind;

  g_assert_cmpuint (klass->n_values, ==, EVIDENT_N_EVIDENCE_KINDS);
  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    {
      g_assert_cmpstr (g_enum_get_value (klass, i)->value_nick, ==, nicks[i]);
      g_assert_cmpstr (evident_evidence_kind_to_string (i), ==, nicks[i]);
      g_assert_true (evident_evidence_kind_from_string (nicks[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_nonnull (evident_evidence_kind_get_label (i));
    }
  g_assert_false (evident_evidence_kind_from_string ("slides", &kind));
  g_assert_false (evident_evidence_kind_from_string (NULL, &kind));
}

static void
test_add_dedup (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GBytes) contents = NULL;
  g_autoptr (GFile) file = make_file (fixture, "report.pdf", 2 * MiB + 17, 1, &contents);
  g_autoptr (GFile) copy = NULL;
  g_autoptr (EvidentEvidence) first = NULL;
  g_autoptr (EvidentEvidence) second = NULL;
  g_autoptr (EvidentEvidence) third = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *sha256 = sha256_of (contents);
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.bin", NULL);
  gboolean already_stored = TRUE;
  gint64 chunks;

  first = add (fixture, "1.1", file, &already_stored);
  g_assert_false (already_stored);
  g_assert_cmpstr (evident_evidence_get_sha256 (first), ==, sha256);
  g_assert_cmpint (evident_evidence_get_size (first), ==, 2 * MiB + 17);
  g_assert_cmpstr (evident_evidence_get_filename (first), ==, "report.pdf");
  g_assert_cmpstr (evident_evidence_get_title (first), ==, "report.pdf");
  /* Bytes of no known kind, whatever the name says. */
  g_assert_cmpstr (evident_evidence_get_content_type (first), ==, "application/octet-stream");
  g_assert_null (evident_evidence_get_url (first));
  g_assert_false (evident_evidence_is_link (first));
  g_assert_false (evident_evidence_get_verified (first));
  g_assert_true (evident_evidence_get_item (first) == item (fixture, "1.1"));
  g_assert_cmpint (evident_evidence_get_kind (first), ==, EVIDENT_EVIDENCE_KIND_OTHER);
  g_assert_cmpint (g_date_time_difference (now, evident_evidence_get_added (first)), <,
                   5 * G_TIME_SPAN_SECOND);

  chunks = count (fixture, "SELECT count(*) FROM blob_chunks");
  g_assert_cmpint (chunks, ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs WHERE complete = 1"), ==, 1);

  /* The same bytes again, for another item, under another name. */
  g_file_set_contents (copy_path, g_bytes_get_data (contents, NULL),
                       g_bytes_get_size (contents), NULL);
  copy = g_file_new_for_path (copy_path);
  second = add (fixture, "1.2", copy, &already_stored);
  g_assert_true (already_stored);
  g_assert_cmpstr (evident_evidence_get_sha256 (second), ==, sha256);
  g_assert_cmpstr (evident_evidence_get_filename (second), ==, "copy.bin");
  g_assert_cmpint (evident_evidence_get_id (second), !=, evident_evidence_get_id (first));

  /* And once more for the same item. */
  third = add (fixture, "1.1", file, &already_stored);
  g_assert_true (already_stored);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob_chunks"), ==, chunks);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence"), ==, 3);
}

static void
test_large_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) contents = NULL;
  g_autoptr (GFile) file = make_file (fixture, "large.bin", 3 * MiB + MiB / 2 + 123, 2,
                                      &contents);
  g_autoptr (EvidentEvidence) evidence = add (fixture, "2.1", file, NULL);
  g_autofree char *out_path = g_build_filename (fixture->dir, "out.bin", NULL);
  g_autoptr (GFile) out = g_file_new_for_path (out_path);
  g_autoptr (GBytes) extracted = NULL;
  g_autoptr (GBytes) loaded = NULL;
  g_autoptr (GInputStream) stream = NULL;
  const char *sha256 = evident_evidence_get_sha256 (evidence);
  const guint8 *expected = g_bytes_get_data (contents, NULL);
  gsize size = g_bytes_get_size (contents);
  guint8 buffer[64];
  gsize n_read;

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob_chunks"), ==, 4);

  g_assert_true (evident_evidence_store_extract (fixture->store, sha256, out, NULL, &error));
  g_assert_no_error (error);
  extracted = g_file_load_bytes (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (extracted, contents));

  loaded = evident_evidence_store_load_bytes (fixture->store, sha256, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, contents));

  /* Reads of odd sizes cross the chunk boundaries. */
  stream = evident_evidence_store_open_stream (fixture->store, sha256, &error);
  g_assert_no_error (error);
  assert_stream_equals (stream, contents, 77777);
  g_clear_object (&stream);

  /* Seeking. */
  stream = evident_evidence_store_open_stream (fixture->store, sha256, &error);
  g_assert_no_error (error);
  g_assert_true (G_IS_SEEKABLE (stream));
  g_assert_true (g_seekable_can_seek (G_SEEKABLE (stream)));
  g_assert_false (g_seekable_can_truncate (G_SEEKABLE (stream)));
  g_assert_true (g_seekable_seek (G_SEEKABLE (stream), MiB - 10, G_SEEK_SET, NULL, &error));
  g_assert_true (g_input_stream_read_all (stream, buffer, 20, &n_read, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (buffer, n_read, expected + MiB - 10, 20);
  g_assert_cmpint (g_seekable_tell (G_SEEKABLE (stream)), ==, MiB + 10);
  g_assert_true (g_seekable_seek (G_SEEKABLE (stream), -5, G_SEEK_END, NULL, &error));
  g_assert_true (g_input_stream_read_all (stream, buffer, sizeof buffer, &n_read, NULL, &error));
  g_assert_cmpmem (buffer, n_read, expected + size - 5, 5);
  g_assert_true (g_seekable_seek (G_SEEKABLE (stream), -(goffset) size, G_SEEK_CUR, NULL,
                                  &error));
  g_assert_true (g_input_stream_read_all (stream, buffer, 10, &n_read, NULL, &error));
  g_assert_cmpmem (buffer, n_read, expected, 10);
  g_assert_false (g_seekable_seek (G_SEEKABLE (stream), 1, G_SEEK_END, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (g_seekable_seek (G_SEEKABLE (stream), -1, G_SEEK_SET, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (g_input_stream_close (stream, NULL, &error));
  g_assert_no_error (error);
}

static gpointer
read_in_thread (gpointer data)
{
  GInputStream *stream = data;
  g_autoptr (GByteArray) read = g_byte_array_new ();
  guint8 buffer[100000];
  gssize n;

  while ((n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_byte_array_append (read, buffer, n);
  return n == 0 ? g_byte_array_free_to_bytes (g_steal_pointer (&read)) : NULL;
}

typedef struct
{
  EvidentEvidenceStore *store;
  const char           *sha256;
} LoadJob;

static gpointer
load_in_thread (gpointer data)
{
  LoadJob *job = data;

  return evident_evidence_store_load_bytes (job->store, job->sha256, NULL, NULL);
}

/* The preview reads on a worker thread: a stream opened in one thread and
 * read in another, and bytes loaded from another. */
static void
test_read_in_thread (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) contents = NULL;
  g_autoptr (GFile) file = make_file (fixture, "scan.png", MiB + 1, 3, &contents);
  g_autoptr (EvidentEvidence) evidence = add (fixture, "1.1", file, NULL);
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GBytes) read = NULL;
  GThread *thread;

  stream = evident_evidence_store_open_stream (fixture->store,
                                               evident_evidence_get_sha256 (evidence), &error);
  g_assert_no_error (error);
  thread = g_thread_new ("reader", read_in_thread, stream);
  read = g_thread_join (thread);
  g_assert_nonnull (read);
  g_assert_true (g_bytes_equal (read, contents));

  g_clear_pointer (&read, g_bytes_unref);

  {
    LoadJob job = { fixture->store, evident_evidence_get_sha256 (evidence) };

    thread = g_thread_new ("loader", load_in_thread, &job);
    read = g_thread_join (thread);
    g_assert_nonnull (read);
    g_assert_true (g_bytes_equal (read, contents));
  }
}

static void
test_empty_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) contents = NULL;
  g_autoptr (GFile) file = make_file (fixture, "empty.txt", 0, 4, &contents);
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (EvidentEvidence) again = NULL;
  g_autoptr (GBytes) loaded = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autofree char *out_path = g_build_filename (fixture->dir, "empty-out.txt", NULL);
  g_autoptr (GFile) out = g_file_new_for_path (out_path);
  g_autofree char *extracted = NULL;
  gsize len = 99;
  gboolean already_stored = TRUE;
  guint8 buffer[16];

  evidence = add (fixture, "1.1", file, &already_stored);
  g_assert_false (already_stored);
  g_assert_cmpstr (evident_evidence_get_sha256 (evidence), ==, EMPTY_SHA256);
  g_assert_cmpint (evident_evidence_get_size (evidence), ==, 0);
  g_assert_nonnull (evident_evidence_get_content_type (evidence));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs WHERE complete = 1"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob_chunks"), ==, 0);

  again = add (fixture, "1.2", file, &already_stored);
  g_assert_true (already_stored);

  loaded = evident_evidence_store_load_bytes (fixture->store, EMPTY_SHA256, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (loaded), ==, 0);

  stream = evident_evidence_store_open_stream (fixture->store, EMPTY_SHA256, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_input_stream_read (stream, buffer, sizeof buffer, NULL, &error), ==, 0);
  g_assert_no_error (error);

  g_assert_true (evident_evidence_store_extract (fixture->store, EMPTY_SHA256, out, NULL,
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &extracted, &len, NULL));
  g_assert_cmpuint (len, ==, 0);
}

static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  const char *bad[] = {
    "ftp://example.com/file", "javascript:alert(1)", "not a link", "https://", "",
    "file:///etc/passwd", "mailto:audit@example.com", "example.com/page",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentEvidence) link = NULL;
  g_autoptr (EvidentEvidence) titled = NULL;
  g_autoptr (GListModel) list = evident_evidence_store_list (fixture->store,
                                                             item (fixture, "1.2"));

  link = evident_evidence_store_add_link (fixture->store, item (fixture, "1.2"),
                                          "  https://wiki.example.com/runbooks/backup  ", NULL,
                                          EVIDENT_EVIDENCE_KIND_PROCESS, &error);
  g_assert_no_error (error);
  g_assert_true (evident_evidence_is_link (link));
  g_assert_cmpstr (evident_evidence_get_url (link), ==, "https://wiki.example.com/runbooks/backup");
  g_assert_cmpstr (evident_evidence_get_title (link), ==,
                   "https://wiki.example.com/runbooks/backup");
  g_assert_null (evident_evidence_get_sha256 (link));
  g_assert_null (evident_evidence_get_filename (link));
  g_assert_cmpint (evident_evidence_get_size (link), ==, -1);
  g_assert_cmpint (evident_evidence_get_kind (link), ==, EVIDENT_EVIDENCE_KIND_PROCESS);

  titled = evident_evidence_store_add_link (fixture->store, item (fixture, "1.2"),
                                            "HTTP://Example.com", "Status page",
                                            EVIDENT_EVIDENCE_KIND_DEMONSTRATION, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evident_evidence_get_title (titled), ==, "Status page");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (EvidentEvidence) refused = NULL;

      refused = evident_evidence_store_add_link (fixture->store, item (fixture, "1.2"), bad[i],
                                                 NULL, EVIDENT_EVIDENCE_KIND_OTHER, &error);
      g_assert_null (refused);
      g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_BAD_LINK);
      g_assert_nonnull (strstr (error->message, "https://"));
      g_clear_error (&error);
    }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs"), ==, 0);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  (*(guint *) data)++;
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_edit_remove_restore (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = make_file (fixture, "policy.pdf", 1000, 5, NULL);
  g_autoptr (EvidentEvidence) evidence = add (fixture, "1.1", file, NULL);
  g_autoptr (GListModel) list = evident_evidence_store_list (fixture->store,
                                                             item (fixture, "1.1"));
  g_autoptr (GListModel) all = evident_evidence_store_list (fixture->store, NULL);
  g_autoptr (EvidentEvidence) listed = NULL;
  gint64 id = evident_evidence_get_id (evidence);
  guint title_notifies = 0, kind_notifies = 0;

  g_signal_connect (evidence, "notify::title", G_CALLBACK (count_notify_cb), &title_notifies);
  g_signal_connect (evidence, "notify::kind", G_CALLBACK (count_notify_cb), &kind_notifies);

  g_assert_true (evident_evidence_store_rename (fixture->store, evidence, "  Backup policy ",
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpstr (evident_evidence_get_title (evidence), ==, "Backup policy");
  g_assert_cmpuint (title_notifies, ==, 1);
  g_assert_true (evident_evidence_store_rename (fixture->store, evidence, "Backup policy",
                                                &error));
  g_assert_cmpuint (title_notifies, ==, 1);
  g_assert_false (evident_evidence_store_rename (fixture->store, evidence, "   ", &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (evident_evidence_get_title (evidence), ==, "Backup policy");

  g_assert_true (evident_evidence_store_set_kind (fixture->store, evidence,
                                                  EVIDENT_EVIDENCE_KIND_PROCESS, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kind_notifies, ==, 1);

  listed = g_list_model_get_item (list, 0);
  g_assert_true (listed == evidence);

  g_assert_true (evident_evidence_store_remove (fixture->store, evidence, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence WHERE removed_at IS NOT NULL"),
                   ==, 1);
  g_assert_true (evident_evidence_store_remove (fixture->store, evidence, &error));

  g_assert_true (evident_evidence_store_restore (fixture->store, evidence, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence WHERE removed_at IS NOT NULL"),
                   ==, 0);

  /* The edits are in the file. */
  g_clear_object (&listed);
  g_clear_object (&list);
  g_clear_object (&all);
  g_clear_object (&evidence);
  fixture_close (fixture);
  fixture_open (fixture);
  list = evident_evidence_store_list (fixture->store, item (fixture, "1.1"));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  listed = g_list_model_get_item (list, 0);
  g_assert_cmpint (evident_evidence_get_id (listed), ==, id);
  g_assert_cmpstr (evident_evidence_get_title (listed), ==, "Backup policy");
  g_assert_cmpint (evident_evidence_get_kind (listed), ==, EVIDENT_EVIDENCE_KIND_PROCESS);
  g_assert_cmpstr (evident_evidence_get_filename (listed), ==, "policy.pdf");
  g_assert_cmpint (evident_evidence_get_size (listed), ==, 1000);
}

static void
test_cleanup (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) shared_contents = NULL;
  g_autoptr (GFile) shared = make_file (fixture, "shared.pdf", MiB + 5, 6, &shared_contents);
  g_autoptr (GFile) alone = make_file (fixture, "alone.pdf", 2 * MiB + 7, 7, NULL);
  g_autoptr (EvidentEvidence) a1 = add (fixture, "1.1", shared, NULL);
  g_autoptr (EvidentEvidence) a2 = add (fixture, "1.2", shared, NULL);
  g_autoptr (EvidentEvidence) b = add (fixture, "2.1", alone, NULL);
  g_autoptr (EvidentEvidence) link = NULL;
  g_autoptr (GBytes) loaded = NULL;
  g_autofree char *shared_sha = g_strdup (evident_evidence_get_sha256 (a1));
  guint64 freed = 1;

  link = evident_evidence_store_add_link (fixture->store, item (fixture, "2.1"),
                                          "https://example.com", NULL,
                                          EVIDENT_EVIDENCE_KIND_OTHER, &error);
  g_assert_no_error (error);

  /* Nothing to free yet. */
  g_assert_true (evident_evidence_store_cleanup (fixture->store, &freed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (freed, ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs"), ==, 2);

  /* The last use of one file, one of two uses of the other, and a link. */
  g_assert_true (evident_evidence_store_remove (fixture->store, b, &error));
  g_assert_true (evident_evidence_store_remove (fixture->store, a1, &error));
  g_assert_true (evident_evidence_store_remove (fixture->store, link, &error));
  g_assert_no_error (error);

  /* Removed is not yet gone: an undo could still restore it. */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs"), ==, 2);

  g_assert_true (evident_evidence_store_cleanup (fixture->store, &freed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (freed, ==, 2 * MiB + 7);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob_chunks"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob_chunks WHERE sha256 <> (SELECT"
                                   " sha256 FROM evidence)"),
                   ==, 0);

  /* Gone for good: no restoring, no editing. */
  g_assert_false (evident_evidence_store_restore (fixture->store, b, &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (evident_evidence_store_rename (fixture->store, a1, "x", &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID);
  g_clear_error (&error);

  /* The file still in use still reads. */
  loaded = evident_evidence_store_load_bytes (fixture->store, shared_sha, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, shared_contents));

  /* Its last use removed, it goes too. */
  g_assert_true (evident_evidence_store_remove (fixture->store, a2, &error));
  g_assert_true (evident_evidence_store_cleanup (fixture->store, &freed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (freed, ==, MiB + 5);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob_chunks"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence"), ==, 0);

  g_assert_null (evident_evidence_store_load_bytes (fixture->store, shared_sha, NULL, &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_NOT_FOUND);
}

/* Incomplete blobs, as a crash in the middle of an addition leaves them,
 * go at cleanup; an addition of the same file afterwards starts afresh. */
static void
test_cleanup_incomplete (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) contents = NULL;
  g_autoptr (GFile) file = make_file (fixture, "crash.bin", 2 * MiB + 1, 8, &contents);
  g_autofree char *sha256 = sha256_of (contents);
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO blobs (sha256, size, complete, created_at) VALUES ('%s', %d, 0, 'now');"
      "INSERT INTO blob_chunks (sha256, seq, data) VALUES ('%s', 0, randomblob(%d));",
      sha256, 2 * MiB + 1, sha256, MiB);
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GBytes) loaded = NULL;
  gboolean already_stored = TRUE;
  guint64 freed = 0;

  run_sql (fixture, sql);
  g_assert_null (evident_evidence_store_load_bytes (fixture->store, sha256, NULL, &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Adding the file completes it properly. */
  evidence = add (fixture, "1.1", file, &already_stored);
  g_assert_false (already_stored);
  loaded = evident_evidence_store_load_bytes (fixture->store, sha256, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, contents));

  /* And cleanup drops a leftover. */
  g_assert_true (evident_evidence_store_remove (fixture->store, evidence, &error));
  g_assert_true (evident_evidence_store_cleanup (fixture->store, NULL, &error));
  run_sql (fixture, sql);
  g_assert_true (evident_evidence_store_cleanup (fixture->store, &freed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (freed, ==, MiB);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob_chunks"), ==, 0);
}

static void
test_verify_tampered (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) report = make_file (fixture, "report.pdf", 2 * MiB + 100, 9, NULL);
  g_autoptr (GFile) diagram = make_file (fixture, "diagram.png", 5000, 10, NULL);
  g_autoptr (GPtrArray) mismatches = NULL;
  g_autoptr (GListModel) list = NULL;
  g_autoptr (EvidentEvidence) good = NULL;
  g_autofree char *report_sha = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *out_path = g_build_filename (fixture->dir, "saved.pdf", NULL);
  g_autoptr (GFile) out = g_file_new_for_path (out_path);
  g_autofree char *kept = NULL;
  guint n_checked = 0;

  {
    g_autoptr (EvidentEvidence) r1 = add (fixture, "1.1", report, NULL);
    g_autoptr (EvidentEvidence) r2 = add (fixture, "2.1", report, NULL);
    g_autoptr (EvidentEvidence) d = add (fixture, "1.2", diagram, NULL);
    g_autoptr (EvidentEvidence) link = NULL;

    link = evident_evidence_store_add_link (fixture->store, item (fixture, "1.2"),
                                            "https://example.com", NULL,
                                            EVIDENT_EVIDENCE_KIND_OTHER, &error);
    g_assert_no_error (error);
    report_sha = g_strdup (evident_evidence_get_sha256 (r1));

    g_assert_true (evident_evidence_store_verify (fixture->store, NULL, &n_checked, &mismatches,
                                                  &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_checked, ==, 2);
    g_assert_cmpuint (mismatches->len, ==, 0);
    g_clear_pointer (&mismatches, g_ptr_array_unref);
    g_assert_true (evident_evidence_get_verified (r1));
    g_assert_true (evident_evidence_get_verified (r2));
    g_assert_true (evident_evidence_get_verified (d));
    g_assert_false (evident_evidence_get_verified (link));
  }
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs WHERE verified_at IS NOT NULL"),
                   ==, 2);

  /* Change bytes in the middle of the report, keeping its size. */
  fixture_close (fixture);
  sql = g_strdup_printf ("UPDATE blob_chunks SET data = randomblob(length(data))"
                         " WHERE sha256 = '%s' AND seq = 1",
                         report_sha);
  run_sql (fixture, sql);
  g_file_set_contents (out_path, "keep me", -1, NULL);
  fixture_open (fixture);

  g_assert_true (evident_evidence_store_verify (fixture->store, NULL, &n_checked, &mismatches,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_checked, ==, 2);
  g_assert_cmpuint (mismatches->len, ==, 2);
  for (guint i = 0; i < mismatches->len; i++)
    {
      EvidentEvidence *evidence = g_ptr_array_index (mismatches, i);

      g_assert_cmpstr (evident_evidence_get_sha256 (evidence), ==, report_sha);
      g_assert_cmpstr (evident_evidence_get_filename (evidence), ==, "report.pdf");
      g_assert_false (evident_evidence_get_verified (evidence));
    }
  g_assert_cmpstr (evident_item_get_ref (evident_evidence_get_item (
                       g_ptr_array_index (mismatches, 0))),
                   ==, "1.1");
  g_assert_cmpstr (evident_item_get_ref (evident_evidence_get_item (
                       g_ptr_array_index (mismatches, 1))),
                   ==, "2.1");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs WHERE verified_at IS NOT NULL"),
                   ==, 1);

  list = evident_evidence_store_list (fixture->store, item (fixture, "1.2"));
  good = g_list_model_get_item (list, 0);
  g_assert_cmpstr (evident_evidence_get_filename (good), ==, "diagram.png");
  g_assert_true (evident_evidence_get_verified (good));

  /* A damaged file is not handed out as if it were fine. */
  g_assert_null (evident_evidence_store_load_bytes (fixture->store, report_sha, NULL, &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "report.pdf"));
  g_clear_error (&error);
  g_assert_false (evident_evidence_store_extract (fixture->store, report_sha, out, NULL, &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (out_path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "keep me");

  /* A missing chunk is caught too, and by the stream. */
  g_clear_pointer (&mismatches, g_ptr_array_unref);
  g_clear_object (&good);
  g_clear_object (&list);
  fixture_close (fixture);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM blob_chunks WHERE sha256 = '%s' AND seq = 1", report_sha);
  run_sql (fixture, sql);
  fixture_open (fixture);
  {
    g_autoptr (GInputStream) stream = NULL;
    guint8 buffer[4096];
    gssize n;

    g_assert_true (evident_evidence_store_verify (fixture->store, NULL, &n_checked,
                                                  &mismatches, &error));
    g_assert_cmpuint (mismatches->len, ==, 2);

    stream = evident_evidence_store_open_stream (fixture->store, report_sha, &error);
    g_assert_no_error (error);
    g_assert_true (g_seekable_seek (G_SEEKABLE (stream), MiB, G_SEEK_SET, NULL, &error));
    n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, &error);
    g_assert_cmpint (n, ==, -1);
    g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_DAMAGED);
  }
}

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  store_result_cb (source, result, data);
}

static void
record_progress_cb (goffset  current,
                    goffset  total,
                    gpointer data)
{
  GArray *values = data;

  g_assert_cmpint (current, <=, total);
  g_array_append_val (values, current);
  g_array_append_val (values, total);
}

static void
test_verify_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = make_file (fixture, "a.bin", 3 * MiB, 11, NULL);
  g_autoptr (EvidentEvidence) evidence = add (fixture, "1.1", file, NULL);
  g_autoptr (GPtrArray) mismatches = NULL;
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (goffset));
  Waiter waiter = { NULL };
  guint n_checked = 0, notifies = 0;

  g_signal_connect (evidence, "notify::verified", G_CALLBACK (count_notify_cb), &notifies);
  evident_evidence_store_verify_async (fixture->store, NULL, record_progress_cb, values,
                                       verify_done_cb, &waiter);
  g_assert_true (evident_evidence_store_verify_finish (fixture->store, wait_for (&waiter),
                                                       &n_checked, &mismatches, &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_cmpuint (n_checked, ==, 1);
  g_assert_cmpuint (mismatches->len, ==, 0);
  g_assert_true (evident_evidence_get_verified (evidence));
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpuint (values->len, >=, 2);
  g_assert_cmpint (g_array_index (values, goffset, values->len - 2), ==, 3 * MiB);
  g_assert_cmpint (g_array_index (values, goffset, values->len - 1), ==, 3 * MiB);
}

typedef struct
{
  GArray       *values;
  GCancellable *cancel;
  goffset       cancel_above; /* cancel once progress passes this */
  gboolean      finished;
} ProgressLog;

static void
progress_cb (goffset  current,
             goffset  total,
             gpointer data)
{
  ProgressLog *log = data;

  g_assert_false (log->finished);
  g_assert_cmpint (current, <=, total);
  if (log->values->len > 0)
    g_assert_cmpint (current, >, g_array_index (log->values, goffset, log->values->len - 1));
  g_array_append_val (log->values, current);
  if (log->cancel != NULL && current > log->cancel_above)
    g_cancellable_cancel (log->cancel);
}

static void
test_add_async_progress (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) contents = NULL;
  g_autoptr (GFile) file = make_file (fixture, "big.pdf", 5 * MiB + 3, 12, &contents);
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (goffset));
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GListModel) list = evident_evidence_store_list (fixture->store,
                                                             item (fixture, "2.1"));
  g_autoptr (GBytes) loaded = NULL;
  ProgressLog log = { values, NULL, 0, FALSE };
  Waiter waiter = { NULL };
  g_auto (EvidentEvidenceAddition) addition = { TRUE, NULL };
  guint changes = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (count_items_changed_cb), &changes);
  evident_evidence_store_add_file_async (fixture->store, item (fixture, "2.1"), file, "Deck",
                                         EVIDENT_EVIDENCE_KIND_PRESENTATION, NULL, progress_cb,
                                         &log, store_result_cb, &waiter);
  /* Nothing happens before the main loop runs. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  evidence = evident_evidence_store_add_file_finish (fixture->store, wait_for (&waiter),
                                                     &addition, &error);
  log.finished = TRUE;
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_false (addition.already_stored);
  g_assert_cmpstr (evident_evidence_get_title (evidence), ==, "Deck");
  g_assert_cmpint (evident_evidence_get_kind (evidence), ==, EVIDENT_EVIDENCE_KIND_PRESENTATION);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* One report per chunk read and written, at least, ending at the size. */
  g_assert_cmpuint (values->len, >=, 6);
  g_assert_cmpint (g_array_index (values, goffset, values->len - 1), ==, 5 * MiB + 3);

  loaded = evident_evidence_store_load_bytes (fixture->store,
                                              evident_evidence_get_sha256 (evidence), NULL,
                                              &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, contents));

  /* Reports stop with the callback, even when some are still queued. */
  for (int i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
add_and_cancel (Fixture *fixture,
                GFile   *file,
                goffset  cancel_above)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (goffset));
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (GListModel) list = evident_evidence_store_list (fixture->store,
                                                             item (fixture, "1.1"));
  ProgressLog log = { values, cancellable, cancel_above, FALSE };
  Waiter waiter = { NULL };
  guint64 freed = 0;

  evident_evidence_store_add_file_async (fixture->store, item (fixture, "1.1"), file, NULL,
                                         EVIDENT_EVIDENCE_KIND_ASSET, cancellable, progress_cb,
                                         &log, store_result_cb, &waiter);
  evidence = evident_evidence_store_add_file_finish (fixture->store, wait_for (&waiter), NULL,
                                                     &error);
  log.finished = TRUE;
  g_clear_object (&waiter.result);
  g_assert_null (evidence);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM evidence"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs WHERE complete = 0"), ==, 0);

  g_assert_true (evident_evidence_store_cleanup (fixture->store, &freed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob_chunks"), ==, 0);
}

static void
test_add_async_cancel (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = make_file (fixture, "huge.bin", 24 * MiB, 13, NULL);
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  g_autoptr (EvidentEvidence) evidence = NULL;

  /* While hashing, and while writing (or, on a fast machine, once
   * written: then cleanup drops the blob). */
  add_and_cancel (fixture, file, 0);
  add_and_cancel (fixture, file, 12 * MiB + 1);

  /* Synchronous, cancelled before it starts. */
  g_cancellable_cancel (cancelled);
  evidence = evident_evidence_store_add_file (fixture->store, item (fixture, "1.1"), file, NULL,
                                              EVIDENT_EVIDENCE_KIND_ASSET, cancelled, NULL,
                                              &error);
  g_assert_null (evidence);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob_chunks"), ==, 0);
}

/* Two additions of the same file at once: written once. */
static void
test_add_async_concurrent (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = make_file (fixture, "same.bin", 4 * MiB + 9, 14, NULL);
  g_autoptr (EvidentEvidence) first = NULL;
  g_autoptr (EvidentEvidence) second = NULL;
  g_autoptr (GListModel) all = evident_evidence_store_list (fixture->store, NULL);
  Waiter waiters[2] = { { NULL }, { NULL } };
  EvidentEvidenceAddition stored[2] = { { TRUE, NULL }, { TRUE, NULL } };
  guint64 freed = 1;

  evident_evidence_store_add_file_async (fixture->store, item (fixture, "1.1"), file, NULL,
                                         EVIDENT_EVIDENCE_KIND_OTHER, NULL, NULL, NULL,
                                         store_result_cb, &waiters[0]);
  evident_evidence_store_add_file_async (fixture->store, item (fixture, "1.2"), file, NULL,
                                         EVIDENT_EVIDENCE_KIND_OTHER, NULL, NULL, NULL,
                                         store_result_cb, &waiters[1]);
  /* A cleanup while they run leaves their blob alone. */
  while (waiters[0].result == NULL || waiters[1].result == NULL)
    {
      g_assert_true (evident_evidence_store_cleanup (fixture->store, NULL, &error));
      g_assert_no_error (error);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  first = evident_evidence_store_add_file_finish (fixture->store, waiters[0].result, &stored[0],
                                                  &error);
  g_assert_no_error (error);
  second = evident_evidence_store_add_file_finish (fixture->store, waiters[1].result, &stored[1],
                                                   &error);
  g_assert_no_error (error);
  g_clear_object (&waiters[0].result);
  g_clear_object (&waiters[1].result);

  g_assert_true (stored[0].already_stored != stored[1].already_stored);
  g_assert_cmpstr (evident_evidence_get_sha256 (first), ==, evident_evidence_get_sha256 (second));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs WHERE complete = 1"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob_chunks"), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);

  g_assert_true (evident_evidence_store_cleanup (fixture->store, &freed, &error));
  g_assert_cmpuint (freed, ==, 0);
}

static void
test_list_updates (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) a = make_file (fixture, "a.txt", 10, 15, NULL);
  g_autoptr (GFile) b = make_file (fixture, "b.txt", 20, 16, NULL);
  g_autoptr (GListModel) one = evident_evidence_store_list (fixture->store,
                                                            item (fixture, "1.1"));
  g_autoptr (GListModel) one_again = evident_evidence_store_list (fixture->store,
                                                                  item (fixture, "1.1"));
  g_autoptr (GListModel) two = evident_evidence_store_list (fixture->store,
                                                            item (fixture, "1.2"));
  g_autoptr (GListModel) all = evident_evidence_store_list (fixture->store, NULL);
  g_autoptr (EvidentEvidence) ea = NULL;
  g_autoptr (EvidentEvidence) eb = NULL;
  g_autoptr (EvidentEvidence) ec = NULL;
  g_autoptr (EvidentEvidence) first = NULL;
  g_autoptr (EvidentEvidence) in_all = NULL;
  guint changes_one = 0, changes_two = 0;

  g_assert_true (one == one_again);
  g_assert_true (g_list_model_get_item_type (one) == EVIDENT_TYPE_EVIDENCE);
  g_signal_connect (one, "items-changed", G_CALLBACK (count_items_changed_cb), &changes_one);
  g_signal_connect (two, "items-changed", G_CALLBACK (count_items_changed_cb), &changes_two);

  ea = add (fixture, "1.1", a, NULL);
  eb = add (fixture, "1.1", b, NULL);
  ec = add (fixture, "1.2", a, NULL);
  g_assert_cmpuint (changes_one, ==, 2);
  g_assert_cmpuint (changes_two, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (one), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);

  /* Oldest first; the same objects in every list. */
  first = g_list_model_get_item (one, 0);
  g_assert_true (first == ea);
  in_all = g_list_model_get_item (all, 2);
  g_assert_true (in_all == ec);

  g_assert_true (evident_evidence_store_remove (fixture->store, ea, &error));
  g_assert_cmpuint (changes_one, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (one), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  g_assert_true (evident_evidence_store_restore (fixture->store, ea, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes_one, ==, 4);
  g_clear_object (&first);
  first = g_list_model_get_item (one, 0);
  g_assert_true (first == ea);
  g_assert_cmpuint (changes_two, ==, 1);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *missing_path = g_build_filename (fixture->dir, "missing.pdf", NULL);
  g_autoptr (GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr (GFile) dir = g_file_new_for_path (fixture->dir);
  g_autoptr (GFile) a = make_file (fixture, "a.bin", 100, 17, NULL);
  g_autoptr (GFile) b = make_file (fixture, "b.bin", 100, 18, NULL);
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autoptr (EvidentEvidence) ea = add (fixture, "1.1", a, NULL);
  g_autoptr (EvidentEvidence) eb = add (fixture, "1.1", b, NULL);
  g_autoptr (EvidentItem) stranger = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *prefix = NULL;
  const char *sha_a = evident_evidence_get_sha256 (ea);
  guint common = 0;

  evidence = evident_evidence_store_add_file (fixture->store, item (fixture, "1.1"), missing,
                                              NULL, EVIDENT_EVIDENCE_KIND_OTHER, NULL, NULL,
                                              &error);
  g_assert_null (evidence);
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CANNOT_READ);
  g_assert_nonnull (strstr (error->message, "missing.pdf"));
  g_clear_error (&error);

  evidence = evident_evidence_store_add_file (fixture->store, item (fixture, "1.1"), dir, NULL,
                                              EVIDENT_EVIDENCE_KIND_OTHER, NULL, NULL, &error);
  g_assert_null (evidence);
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_NOT_A_FILE);
  g_clear_error (&error);

  /* An item of another project. */
  {
    g_autoptr (GFile) other_file = NULL;
    g_autofree char *other_path = g_build_filename (fixture->dir, "other.evident", NULL);
    g_autoptr (GBytes) bytes = g_bytes_new_static (checklist, strlen (checklist));
    g_autoptr (GPtrArray) entries = evident_checklist_parse (bytes, &error);
    g_autoptr (EvidentProject) other = NULL;

    other_file = g_file_new_for_path (other_path);
    other = evident_project_create (other_file, NULL, entries, &error);
    g_assert_no_error (error);
    stranger = g_object_ref (evident_project_lookup_item (other, "1.1"));
    evidence = evident_evidence_store_add_file (fixture->store, stranger, a, NULL,
                                                EVIDENT_EVIDENCE_KIND_OTHER, NULL, NULL, &error);
    g_assert_null (evidence);
    g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID);
    g_clear_error (&error);
    evident_project_close (other);
  }

  g_assert_null (evident_evidence_store_open_stream (fixture->store, EMPTY_SHA256, &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (evident_evidence_store_open_stream (fixture->store, "../etc", &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* SHA-256 prefixes. */
  resolved = evident_evidence_store_resolve_sha256 (fixture->store, sha_a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (resolved, ==, sha_a);
  g_clear_pointer (&resolved, g_free);
  prefix = g_ascii_strup (sha_a, 8);
  resolved = evident_evidence_store_resolve_sha256 (fixture->store, prefix, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (resolved, ==, sha_a);
  g_clear_pointer (&resolved, g_free);
  g_assert_null (evident_evidence_store_resolve_sha256 (fixture->store, "ab", &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (evident_evidence_store_resolve_sha256 (fixture->store, "zzzzzz", &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID);
  g_clear_error (&error);
  while (sha_a[common] == evident_evidence_get_sha256 (eb)[common])
    common++;
  if (common >= 4)
    {
      g_autofree char *shared = g_strndup (sha_a, common);

      g_assert_null (evident_evidence_store_resolve_sha256 (fixture->store, shared, &error));
      g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_INVALID);
      g_clear_error (&error);
    }
  {
    const char *candidates[] = { "0000", "1111", "2222" };

    for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
      {
        if (g_str_has_prefix (sha_a, candidates[i])
            || g_str_has_prefix (evident_evidence_get_sha256 (eb), candidates[i]))
          continue;
        g_assert_null (evident_evidence_store_resolve_sha256 (fixture->store, candidates[i],
                                                              &error));
        g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_NOT_FOUND);
        g_clear_error (&error);
        break;
      }
  }

  /* A closed project refuses edits, and says so. */
  evident_project_close (fixture->project);
  g_assert_false (evident_evidence_store_rename (fixture->store, ea, "x", &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "audit.evident"));
  g_clear_error (&error);
}

static void
extract_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  store_result_cb (source, result, data);
}

static void
test_extract_async (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) contents = NULL;
  g_autoptr (GFile) file = make_file (fixture, "x.bin", MiB * 2 + 3, 19, &contents);
  g_autoptr (EvidentEvidence) evidence = add (fixture, "1.1", file, NULL);
  g_autofree char *out_path = g_build_filename (fixture->dir, "sub", "x-copy.bin", NULL);
  g_autoptr (GFile) out = g_file_new_for_path (out_path);
  g_autoptr (GBytes) extracted = NULL;
  Waiter waiter = { NULL };

  /* Never over the project itself. */
  g_assert_false (evident_evidence_store_extract (fixture->store,
                                                  evident_evidence_get_sha256 (evidence),
                                                  fixture->file, NULL, &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs"), ==, 1);

  /* Into a folder that does not exist: a clear error. */
  g_assert_false (evident_evidence_store_extract (fixture->store,
                                                  evident_evidence_get_sha256 (evidence), out,
                                                  NULL, &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "x-copy.bin"));
  g_clear_error (&error);

  g_clear_object (&out);
  g_free (out_path);
  out_path = g_build_filename (fixture->dir, "x-copy.bin", NULL);
  out = g_file_new_for_path (out_path);
  evident_evidence_store_extract_async (fixture->store, evident_evidence_get_sha256 (evidence),
                                        out, NULL, extract_done_cb, &waiter);
  g_assert_true (evident_evidence_store_extract_finish (fixture->store, wait_for (&waiter),
                                                        &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  extracted = g_file_load_bytes (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (extracted, contents));
}


/* Verifying is reading: when the verdicts cannot be written (a full disk
 * here; a read-only project in test-project-file), they are reported all
 * the same, and the file is left as it was. */
static void
test_verify_disk_full (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = make_file (fixture, "a.bin", MiB + 3, 21, NULL);
  g_autoptr (EvidentEvidence) evidence = add (fixture, "1.2", file, NULL);
  g_autoptr (GPtrArray) mismatches = NULL;
  g_autoptr (GListModel) list = NULL;
  g_autoptr (EvidentEvidence) reopened = NULL;
  struct rlimit saved, limit;
  void (*saved_handler) (int);
  guint n_checked = 0;
  gboolean ok;

  /* Closed and opened again: the -wal file starts empty, and no file may
   * grow from now on. */
  g_clear_object (&evidence);
  fixture_close (fixture);
  fixture_open (fixture);
  list = evident_evidence_store_list (fixture->store, item (fixture, "1.2"));
  reopened = g_list_model_get_item (list, 0);
  g_assert_false (evident_evidence_get_verified (reopened));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 0;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = evident_evidence_store_verify (fixture->store, NULL, &n_checked, &mismatches, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (n_checked, ==, 1);
  g_assert_cmpuint (mismatches->len, ==, 0);
  g_assert_true (evident_evidence_get_verified (reopened));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blobs WHERE verified_at IS NULL"), ==, 1);
}

static guint
count_met_without_evidence (Fixture *fixture)
{
  g_autoptr (GPtrArray) items = evident_project_dup_met_without_evidence (fixture->project);

  return items->len;
}

/* An item met without evidence is flagged until evidence comes, again once
 * it is removed, and not when the item is not applicable. */
static void
test_met_without_evidence (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (EvidentEvidence) link = NULL;

  g_assert_cmpuint (count_met_without_evidence (fixture), ==, 0);
  g_assert_false (evident_item_is_met_without_evidence (item (fixture, "1.1"), fixture->project));

  g_assert_true (evident_project_set_status (fixture->project, item (fixture, "1.1"),
                                             EVIDENT_STATUS_MET, NULL, &error));
  g_assert_true (evident_project_set_status (fixture->project, item (fixture, "2.1"),
                                             EVIDENT_STATUS_MET, NULL, &error));
  g_assert_true (evident_project_set_status (fixture->project, item (fixture, "1.2"),
                                             EVIDENT_STATUS_NOT_APPLICABLE, "Out of scope", &error));
  g_assert_no_error (error);
  items = evident_project_dup_met_without_evidence (fixture->project);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_true (g_ptr_array_index (items, 0) == item (fixture, "1.1"));
  g_assert_true (g_ptr_array_index (items, 1) == item (fixture, "2.1"));
  g_assert_true (evident_item_is_met_without_evidence (item (fixture, "1.1"), fixture->project));
  g_assert_false (evident_item_is_met_without_evidence (item (fixture, "1.2"), fixture->project));

  link = evident_evidence_store_add_link (fixture->store, item (fixture, "1.1"),
                                          "https://example.com/policy", "Policy",
                                          EVIDENT_EVIDENCE_KIND_PROCESS, &error);
  g_assert_no_error (error);
  g_assert_false (evident_item_is_met_without_evidence (item (fixture, "1.1"), fixture->project));
  g_assert_cmpuint (count_met_without_evidence (fixture), ==, 1);

  g_assert_true (evident_evidence_store_remove (fixture->store, link, &error));
  g_assert_no_error (error);
  g_assert_true (evident_item_is_met_without_evidence (item (fixture, "1.1"), fixture->project));
  g_assert_cmpuint (count_met_without_evidence (fixture), ==, 2);

  /* Undoing the removal brings the evidence back, and the flag goes. */
  g_assert_true (evident_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_false (evident_item_is_met_without_evidence (item (fixture, "1.1"), fixture->project));
  g_assert_cmpuint (count_met_without_evidence (fixture), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evidence/kinds", test_kinds);
#define ADD(path, func) \
  g_test_add ("/evidence/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add/dedup", test_add_dedup);
  ADD ("add/large-round-trip", test_large_round_trip);
  ADD ("add/empty-file", test_empty_file);
  ADD ("add/async-progress", test_add_async_progress);
  ADD ("add/async-cancel", test_add_async_cancel);
  ADD ("add/async-concurrent", test_add_async_concurrent);
  ADD ("add/errors", test_errors);
  ADD ("read/thread", test_read_in_thread);
  ADD ("read/extract-async", test_extract_async);
  ADD ("links", test_links);
  ADD ("edit/remove-restore", test_edit_remove_restore);
  ADD ("list/updates", test_list_updates);
  ADD ("cleanup/unreferenced", test_cleanup);
  ADD ("cleanup/incomplete", test_cleanup_incomplete);
  ADD ("verify/tampered", test_verify_tampered);
  ADD ("verify/async", test_verify_async);
  ADD ("verify/disk-full", test_verify_disk_full);
  ADD ("met-without-evidence", test_met_without_evidence);
#undef ADD

  return g_test_run ();
}
