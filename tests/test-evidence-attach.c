/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What adding a file as evidence takes: regular files only (no named pipe,
 * socket, device or folder), symbolic links resolved to their target's
 * name and bytes, a size limit checked before anything is read, and files
 * that grow while they are read refused rather than read for ever. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "evident-evidence.h"
#include "evident-file-source.h"
#include "evident-item.h"
#include "evident-project.h"
#include "test-fixtures.h"

static const char checklist[] =
  "ref,chapter,chapter_title,section,section_title,title,points,mandatory\n"
  "1.1,1.0,Basics,1,Start,Alpha,100,yes\n"
  "1.2,1.0,Basics,1,Start,Beta,50,no\n";

/* A small PDF's first bytes: enough for its signature. */
static const char pdf_bytes[] = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";

/* Lines like those of /etc/passwd, made up. */
static const char passwd_bytes[] = "root:x:0:0:root:/root:/bin/bash\n"
                                   "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n";

typedef struct
{
  char                 *dir;
  char                 *path;
  EvidentProject       *project;
  EvidentEvidenceStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GPtrArray) entries = fixture_parse_checklist (checklist);

  fixture->dir = fixture_tmp_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "audit.evident", NULL);
  fixture->project = fixture_create_project (fixture->path, entries);
  fixture->store = evident_evidence_store_get_for_project (fixture->project);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fixture_close_project (&fixture->project);
  g_free (fixture->path);
  fixture_tmp_dir_clear (&fixture->dir);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Adds @path to item 1.1: the evidence, or %NULL with @error set. */
static EvidentEvidence *
try_add (Fixture                  *fixture,
         const char               *path,
         EvidentEvidenceAddition  *addition,
         GError                  **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return evident_evidence_store_add_file (fixture->store,
                                          fixture_lookup (fixture->project, "1.1"), file, NULL,
                                          EVIDENT_EVIDENCE_KIND_OTHER, NULL, addition, error);
}

/* Nothing of a refused file reached the project. */
static void
assert_nothing_stored (Fixture *fixture)
{
  g_autoptr (GListModel) all = evident_evidence_store_list (fixture->store, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 0);
  g_assert_cmpint (fixture_sqlite_int_on (fixture->path, "SELECT count(*) FROM blobs"), ==, 0);
  g_assert_cmpint (fixture_sqlite_int_on (fixture->path, "SELECT count(*) FROM blob_chunks"), ==,
                   0);
}

static void
assert_refused (Fixture    *fixture,
                const char *path,
                int         code,
                const char *name,
                const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (EvidentEvidence) evidence = try_add (fixture, path, NULL, &error);

  g_assert_null (evidence);
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, code);
  fixture_assert_contains (error, name);
  fixture_assert_contains (error, what);
  assert_nothing_stored (fixture);
}

/* A named pipe with no writer: opening it for reading would block for
 * ever. Refused at once, by name. */
static void
test_fifo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *fifo = path_in (fixture, "pipe.pdf");
  g_autofree char *link = path_in (fixture, "report.pdf");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (fixture, fifo, EVIDENT_EVIDENCE_ERROR_NOT_A_FILE, "pipe.pdf", "named pipe");

  /* A link to it says where it leads. */
  g_assert_cmpint (symlink (fifo, link), ==, 0);
  assert_refused (fixture, link, EVIDENT_EVIDENCE_ERROR_NOT_A_FILE, "pipe.pdf", "named pipe");
}

static void
test_devices (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *link = path_in (fixture, "zeros.pdf");

  assert_refused (fixture, "/dev/null", EVIDENT_EVIDENCE_ERROR_NOT_A_FILE, "/dev/null",
                  "device");
  /* Would hash for ever. */
  assert_refused (fixture, "/dev/zero", EVIDENT_EVIDENCE_ERROR_NOT_A_FILE, "/dev/zero",
                  "device");
  g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);
  assert_refused (fixture, link, EVIDENT_EVIDENCE_ERROR_NOT_A_FILE, "/dev/zero", "device");
}

static void
test_socket (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "socket.pdf");
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (path), <, sizeof address.sun_path);
  strcpy (address.sun_path, path);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &address, sizeof address), ==, 0);
  g_assert_cmpint (listen (fd, 1), ==, 0);

  assert_refused (fixture, path, EVIDENT_EVIDENCE_ERROR_NOT_A_FILE, "socket.pdf", "socket");
  close (fd);
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = path_in (fixture, "folder.pdf");
  g_autofree char *link = path_in (fixture, "link");

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  assert_refused (fixture, dir, EVIDENT_EVIDENCE_ERROR_NOT_A_FILE, "folder.pdf", "folder");
  g_assert_cmpint (symlink (dir, link), ==, 0);
  assert_refused (fixture, link, EVIDENT_EVIDENCE_ERROR_NOT_A_FILE, "folder.pdf", "folder");
}

/* A link with a misleading name to a PDF: the PDF's name, a PDF's type,
 * and the caller hears where the link led. */
static void
test_symlink_to_pdf (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (EvidentEvidenceAddition) addition = { 0 };
  g_autofree char *target = path_in (fixture, "Quarterly review");
  g_autofree char *link = path_in (fixture, "notes.txt");
  g_autoptr (GFile) target_file = NULL;
  g_autoptr (EvidentEvidence) evidence = NULL;

  fixture_write_file (target, pdf_bytes, strlen (pdf_bytes));
  g_assert_cmpint (symlink ("Quarterly review", link), ==, 0);

  evidence = try_add (fixture, link, &addition, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evident_evidence_get_filename (evidence), ==, "Quarterly review");
  g_assert_cmpstr (evident_evidence_get_title (evidence), ==, "Quarterly review");
  g_assert_cmpstr (evident_evidence_get_content_type (evidence), ==, "application/pdf");
  g_assert_cmpint (evident_evidence_get_size (evidence), ==, strlen (pdf_bytes));
  g_assert_nonnull (addition.link_target);
  target_file = g_file_new_for_path (target);
  g_assert_true (g_file_equal (addition.link_target, target_file));
  g_assert_false (addition.already_stored);
}

/* The case: "x.pdf" leading to a password file is text, stored
 * under the target's name, not a PDF. */
static void
test_symlink_to_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (EvidentEvidenceAddition) addition = { 0 };
  g_autofree char *etc = path_in (fixture, "etc");
  g_autofree char *target = g_build_filename (etc, "passwd", NULL);
  g_autofree char *link = path_in (fixture, "x.pdf");
  g_autoptr (EvidentEvidence) evidence = NULL;

  g_assert_cmpint (g_mkdir (etc, 0700), ==, 0);
  fixture_write_file (target, passwd_bytes, strlen (passwd_bytes));
  g_assert_cmpint (symlink (target, link), ==, 0);

  evidence = try_add (fixture, link, &addition, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evident_evidence_get_filename (evidence), ==, "passwd");
  g_assert_cmpstr (evident_evidence_get_content_type (evidence), ==, "text/plain");
  g_assert_nonnull (addition.link_target);
  g_assert_cmpstr (g_file_peek_path (addition.link_target), ==, target);
}

/* The bytes decide, the name refines. */
static void
test_content_types (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *bytes;
    gssize      len; /* -1: up to the first NUL */
    const char *type;
  } cases[] = {
    { "report.pdf", pdf_bytes, -1, "application/pdf" },
    { "scan", pdf_bytes, -1, "application/pdf" },
    { "report.txt", pdf_bytes, -1, "application/pdf" },
    { "x.pdf", passwd_bytes, -1, "text/plain" },
    { "owners.csv", "name,role\nAnn,lead\n", -1, "text/csv" },
    { "% notes.txt", "% not MATLAB\n", -1, "text/plain" },
    { "photo.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "image/png" },
    { "budget.pdf", "\x01\x02\x03\x04\xff\xfe\x00\x10", 8, "application/octet-stream" },
    { "binary.pdf", "%\x01\x02\x03\x04\xff\xfe\x00\x10", 9, "application/octet-stream" },
    { "empty.pdf", "", 0, "application/pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = cases[i].len < 0 ? strlen (cases[i].bytes) : (gsize) cases[i].len;
      g_autofree char *type = NULL;

      type = evident_content_type_sniff (cases[i].name, (const guint8 *) cases[i].bytes, len);
      g_assert_cmpstr (type, ==, cases[i].type);
    }
}

static void
test_symlink_dangling (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *link = path_in (fixture, "gone.pdf");

  g_assert_cmpint (symlink ("nowhere.pdf", link), ==, 0);
  assert_refused (fixture, link, EVIDENT_EVIDENCE_ERROR_CANNOT_READ, "gone.pdf",
                  "does not exist");
}

/* Larger than the limit: refused before a byte is read, with both sizes
 * in the message; at the limit, added. */
static void
test_size_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = path_in (fixture, "big.bin");
  g_autofree char *sparse = path_in (fixture, "sparse.bin");
  g_autoptr (EvidentEvidence) evidence = NULL;
  g_autofree guint8 *bytes = g_malloc0 (1001);
  guint64 limit = 0;
  int fd;

  g_assert_cmpuint (evident_evidence_store_get_max_file_size (fixture->store), ==,
                    EVIDENT_EVIDENCE_DEFAULT_MAX_FILE_SIZE);
  g_assert_cmpuint (EVIDENT_EVIDENCE_DEFAULT_MAX_FILE_SIZE, ==, 2000000000);

  /* The default: a sparse file of 3 GB is refused at once. */
  fd = g_open (sparse, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, G_GINT64_CONSTANT (3000000000)), ==, 0);
  close (fd);
  assert_refused (fixture, sparse, EVIDENT_EVIDENCE_ERROR_TOO_LARGE, "sparse.bin", "3.0");
  g_unlink (sparse);

  g_object_set (fixture->store, "max-file-size", (guint64) 1000, NULL);
  g_object_get (fixture->store, "max-file-size", &limit, NULL);
  g_assert_cmpuint (limit, ==, 1000);

  /* Sizes that look alike when rounded are given in bytes. */
  fixture_write_file (path, bytes, 1001);
  assert_refused (fixture, path, EVIDENT_EVIDENCE_ERROR_TOO_LARGE, "big.bin", "bytes");

  fixture_write_file (path, bytes, 1000);
  evidence = try_add (fixture, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evident_evidence_get_size (evidence), ==, 1000);
}

typedef struct
{
  const char *path;
  gint        stop;
  gint        started;
} Grower;

/* Appends to the file until told to stop, as a program writing a log. */
static gpointer
grow_thread (gpointer data)
{
  Grower *grower = data;
  guint8 chunk[4096] = { 0 };
  int fd = g_open (grower->path, O_WRONLY | O_APPEND, 0);

  g_assert_cmpint (fd, >=, 0);
  while (!g_atomic_int_get (&grower->stop))
    {
      g_assert_cmpint (write (fd, chunk, sizeof chunk), ==, sizeof chunk);
      g_atomic_int_set (&grower->started, 1);
      g_usleep (100);
    }
  close (fd);
  return NULL;
}

/* A file that grows while it is hashed: reading stops at the size it had
 * when it was opened, and the addition fails as changed, promptly. */
static void
test_growing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = path_in (fixture, "growing.log");
  g_autofree guint8 *bytes = g_malloc0 (8 * 1024 * 1024);
  g_autoptr (EvidentEvidence) evidence = NULL;
  Grower grower = { path, 0, 0 };
  GThread *thread;
  gint64 start;

  fixture_write_file (path, bytes, 8 * 1024 * 1024);
  thread = g_thread_new ("grow", grow_thread, &grower);
  while (!g_atomic_int_get (&grower.started))
    g_usleep (100);

  start = g_get_monotonic_time ();
  evidence = try_add (fixture, path, NULL, &error);
  g_atomic_int_set (&grower.stop, 1);
  g_thread_join (thread);

  g_assert_null (evidence);
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_CHANGED);
  fixture_assert_contains (error, "growing.log");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
  assert_nothing_stored (fixture);
}

/* The same through the application's path: the asynchronous call, and
 * what it tells the caller. */
static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (EvidentEvidenceAddition) addition = { 0 };
  g_autofree char *fifo = path_in (fixture, "pipe");
  g_autofree char *target = path_in (fixture, "deck.pdf");
  g_autofree char *link = path_in (fixture, "latest");
  g_autoptr (GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr (GFile) link_file = g_file_new_for_path (link);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (EvidentEvidence) evidence = NULL;
  EvidentItem *item = fixture_lookup (fixture->project, "1.2");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  evident_evidence_store_add_file_async (fixture->store, item, fifo_file, NULL,
                                         EVIDENT_EVIDENCE_KIND_OTHER, NULL, NULL, NULL,
                                         store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (evident_evidence_store_add_file_finish (fixture->store, result, &addition,
                                                         &error));
  g_assert_error (error, EVIDENT_EVIDENCE_ERROR, EVIDENT_EVIDENCE_ERROR_NOT_A_FILE);
  g_clear_error (&error);
  g_clear_object (&result);

  fixture_write_file (target, pdf_bytes, strlen (pdf_bytes));
  g_assert_cmpint (symlink (target, link), ==, 0);
  evident_evidence_store_add_file_async (fixture->store, item, link_file, NULL,
                                         EVIDENT_EVIDENCE_KIND_OTHER, NULL, NULL, NULL,
                                         store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  evidence = evident_evidence_store_add_file_finish (fixture->store, result, &addition, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (evident_evidence_get_filename (evidence), ==, "deck.pdf");
  g_assert_cmpstr (g_file_peek_path (addition.link_target), ==, target);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/evidence-attach/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fifo", test_fifo);
  ADD ("devices", test_devices);
  ADD ("socket", test_socket);
  ADD ("directory", test_directory);
  ADD ("symlink/pdf", test_symlink_to_pdf);
  ADD ("symlink/text", test_symlink_to_text);
  ADD ("symlink/dangling", test_symlink_dangling);
  ADD ("content-types", test_content_types);
  ADD ("size-limit", test_size_limit);
  ADD ("growing-file", test_growing_file);
  ADD ("async", test_async);
#undef ADD

  return g_test_run ();
}
