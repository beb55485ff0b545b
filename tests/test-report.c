/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The readiness report, read back from its PDF file with poppler-glib:
 * every item reference once and in order, the page count and bookmarks,
 * links, the pack's digest on the cover, long rows kept whole or cut only
 * when taller than a page, the scopes, the German report, and a written
 * file that is complete or not there at all. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "evident-evidence.h"
#include "evident-item.h"
#include "evident-project.h"
#include "evident-report.h"
#include "test-fixtures.h"

/* poppler-glib 22 has no g_autoptr() of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define A4_WIDTH  595.276
#define A4_HEIGHT 841.89

#define N_CHAPTERS 3
#define N_PER_CHAPTER 14

static const char *chapter_titles[N_CHAPTERS] = { "Governance", "Operations", "Security" };

typedef struct
{
  char           *dir;
  EvidentProject *project;
  GPtrArray      *refs;
} Fixture;

/* "RQ2-07": unlike any other text in the report. */
static char *
make_ref (guint chapter,
          guint item)
{
  return g_strdup_printf ("RQ%u-%02u", chapter + 1, item + 1);
}

/* A requirement of @n_words numbered words: "w0001 w0002 …", with
 * STARTMARK and ENDMARK around them. */
static char *
make_requirement (guint n_words)
{
  GString *text = g_string_new ("STARTMARK");

  for (guint i = 1; i <= n_words; i++)
    g_string_append_printf (text, " w%04u", i);
  g_string_append (text, " ENDMARK");
  return g_string_free (text, FALSE);
}

/* Three chapters of 14 items; item 9 of chapter 2 has a requirement of
 * half a page, item 12 of chapter 3 one of three pages. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GString) csv = g_string_new ("ref,chapter,chapter_title,title,requirement,points,"
                                          "mandatory\n");
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *path = NULL;

  fixture->dir = fixture_tmp_dir_new ();
  fixture->refs = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < N_CHAPTERS; c++)
    for (guint i = 0; i < N_PER_CHAPTER; i++)
      {
        g_autofree char *requirement = NULL;
        char *ref = make_ref (c, i);

        if (c == 1 && i == 8)
          requirement = make_requirement (330);
        else if (c == 2 && i == 11)
          requirement = make_requirement (2400);
        else
          requirement = g_strdup ("The partner shows how it is done, with a document.");
        g_string_append_printf (csv, "%s,%u.0,%s,Item title %c%c,\"%s\",%u,%s\n", ref, c + 1,
                                chapter_titles[c], 'a' + c, 'a' + i, requirement, 10 + i,
                                i % 3 == 0 ? "yes" : "no");
        g_ptr_array_add (fixture->refs, ref);
      }
  entries = fixture_parse_checklist (csv->str);
  path = g_build_filename (fixture->dir, "audit.evident", NULL);
  fixture->project = fixture_create_project (path, entries);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  fixture_close_project (&fixture->project);
  g_clear_pointer (&fixture->refs, g_ptr_array_unref);
  fixture_tmp_dir_clear (&fixture->dir);
}

static void
set_status (Fixture       *fixture,
            const char    *ref,
            EvidentStatus  status)
{
  g_autoptr (GError) error = NULL;

  evident_project_set_status (fixture->project, fixture_lookup (fixture->project, ref), status,
                              NULL, &error);
  g_assert_no_error (error);
}

static PopplerDocument *
write_report (Fixture            *fixture,
              EvidentReportScope  scope,
              const char         *chapter,
              const char         *digest)
{
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *document;

  report = evident_report_new (fixture->project, scope, chapter, &error);
  g_assert_no_error (error);
  evident_report_set_pack_digest (report, digest);
  g_assert_true (evident_report_write_pdf (report, file, NULL, &error));
  g_assert_no_error (error);

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static char *
page_text (PopplerDocument *document,
           int              page)
{
  g_autoptr (PopplerPage) p = poppler_document_get_page (document, page);

  return poppler_page_get_text (p);
}

/* The top-level bookmarks, and the chapters under "Items". */
typedef struct
{
  GPtrArray *titles;   /* "Score", …, "Items" */
  GPtrArray *chapters; /* "1.0  Governance", … */
  GArray    *pages;    /* each chapter's page, from 0 */
} Outline;

static int
action_page (PopplerDocument *document,
             PopplerAction   *action)
{
  g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
  g_assert_nonnull (action->goto_dest.dest);
  return action->goto_dest.dest->page_num - 1;
}

static void
read_outline (PopplerDocument *document,
              Outline         *outline)
{
  PopplerIndexIter *iter = poppler_index_iter_new (document);

  outline->titles = g_ptr_array_new_with_free_func (g_free);
  outline->chapters = g_ptr_array_new_with_free_func (g_free);
  outline->pages = g_array_new (FALSE, FALSE, sizeof (int));
  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);

      g_ptr_array_add (outline->titles, g_strdup (action->any.title));
      poppler_action_free (action);
      if (child == NULL)
        continue;
      do
        {
          PopplerAction *chapter = poppler_index_iter_get_action (child);
          int page = action_page (document, chapter);

          g_ptr_array_add (outline->chapters, g_strdup (chapter->any.title));
          g_array_append_val (outline->pages, page);
          poppler_action_free (chapter);
        }
      while (poppler_index_iter_next (child));
      poppler_index_iter_free (child);
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
}

static void
outline_clear (Outline *outline)
{
  g_ptr_array_unref (outline->titles);
  g_ptr_array_unref (outline->chapters);
  g_array_unref (outline->pages);
}

/* The text of the pages of the items table: from the first chapter's
 * bookmark to the end. */
static char *
items_text (PopplerDocument *document)
{
  Outline outline;
  GString *text = g_string_new (NULL);

  read_outline (document, &outline);
  g_assert_cmpuint (outline.pages->len, >, 0);
  for (int p = g_array_index (outline.pages, int, 0); p < poppler_document_get_n_pages (document);
       p++)
    {
      g_autofree char *page = page_text (document, p);

      g_string_append (text, page);
      g_string_append_c (text, '\n');
    }
  outline_clear (&outline);
  return g_string_free (text, FALSE);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Every reference of @refs exactly once in @text, in this order; none of
 * @absent. */
static void
assert_refs_in_order (const char *text,
                      GPtrArray  *refs)
{
  const char *last = text;

  for (guint i = 0; i < refs->len; i++)
    {
      const char *ref = g_ptr_array_index (refs, i);
      const char *at = strstr (text, ref);

      g_assert_cmpuint (count (text, ref), ==, 1);
      g_assert_true (at > last || (i == 0 && at >= last));
      last = at;
    }
}

/* Tests */

static void
test_refs (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (PopplerDocument) document = NULL;
  g_autofree char *text = NULL;

  set_status (fixture, "RQ1-02", EVIDENT_STATUS_MET);
  set_status (fixture, "RQ2-05", EVIDENT_STATUS_READY);
  document = write_report (fixture, EVIDENT_REPORT_SCOPE_ALL, NULL, NULL);
  text = items_text (document);
  assert_refs_in_order (text, fixture->refs);
}

static void
test_pages_and_bookmarks (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char *sections[] = {
    "Score", "Chapters", "Mandatory items not counted", "Most points at risk", "Heat map", "Items",
  };
  g_autoptr (PopplerDocument) document = write_report (fixture, EVIDENT_REPORT_SCOPE_ALL, NULL,
                                                       NULL);
  g_autoptr (EvidentReport) report = evident_report_new (fixture->project,
                                                         EVIDENT_REPORT_SCOPE_ALL, NULL, NULL);
  int n_pages = poppler_document_get_n_pages (document);
  Outline outline;

  /* As many pages as the layout for A4 has, each numbered but the cover. */
  evident_report_paginate (report, NULL, A4_WIDTH, A4_HEIGHT);
  g_assert_cmpint (n_pages, ==, evident_report_get_n_pages (report));
  g_assert_cmpint (n_pages, >=, 5);
  for (int p = 1; p < n_pages; p++)
    {
      g_autofree char *text = page_text (document, p);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", p + 1, n_pages);

      g_assert_nonnull (strstr (text, footer));
    }

  /* The sections, then each chapter under "Items", on its page. */
  read_outline (document, &outline);
  g_assert_cmpuint (outline.titles->len, ==, G_N_ELEMENTS (sections));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_assert_cmpstr (g_ptr_array_index (outline.titles, i), ==, sections[i]);
  g_assert_cmpuint (outline.chapters->len, ==, N_CHAPTERS);
  for (guint c = 0; c < N_CHAPTERS; c++)
    {
      g_autofree char *expected = g_strdup_printf ("%u.0  %s", c + 1, chapter_titles[c]);
      g_autofree char *text = page_text (document, g_array_index (outline.pages, int, c));

      g_assert_cmpstr (g_ptr_array_index (outline.chapters, c), ==, expected);
      g_assert_nonnull (strstr (text, chapter_titles[c]));
      g_assert_cmpint (g_array_index (outline.pages, int, c), <, n_pages);
    }
  outline_clear (&outline);

  /* The same pages draw on any cairo context, as a printer's. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
    cairo_t *cr = cairo_create (surface);

    evident_report_paginate (report, cr, 612, 792);
    for (guint p = 0; p < evident_report_get_n_pages (report); p++)
      evident_report_draw_page (report, cr, p);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static void
test_cover (Fixture       *fixture,
            gconstpointer  data)
{
  const char *digest = "4f0f5d2a3b1c9e8d7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e";
  g_autoptr (PopplerDocument) document = write_report (fixture, EVIDENT_REPORT_SCOPE_ALL, NULL,
                                                       digest);
  g_autofree char *cover = page_text (document, 0);
  g_autofree char *flat = NULL;

  g_assert_nonnull (strstr (cover, "Readiness report"));
  g_assert_nonnull (strstr (cover, "Confirmed"));
  g_assert_nonnull (strstr (cover, "Projected"));
  g_assert_nonnull (strstr (cover, "of 693 points"));
  /* The digest, whole (it may wrap). */
  flat = g_strdelimit (g_strdup (cover), "\n ", '\x01');
  {
    g_autoptr (GString) joined = g_string_new (NULL);

    for (const char *p = flat; *p != '\0'; p++)
      if (*p != '\x01')
        g_string_append_c (joined, *p);
    g_assert_nonnull (strstr (joined->str, digest));
  }
}

static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (EvidentEvidence) link = NULL;
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  gboolean found = FALSE;

  link = evident_evidence_store_add_link (evident_evidence_store_get_for_project (fixture->project),
                                          fixture_lookup (fixture->project, "RQ1-03"),
                                          "https://example.com/wiki/o'reilly", "Runbook wiki",
                                          EVIDENT_EVIDENCE_KIND_PROCESS, &error);
  g_assert_no_error (error);
  document = write_report (fixture, EVIDENT_REPORT_SCOPE_ALL, NULL, NULL);
  for (int p = 0; p < poppler_document_get_n_pages (document) && !found; p++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (document, p);
      GList *links = poppler_page_get_link_mapping (page);

      for (GList *l = links; l != NULL; l = l->next)
        {
          PopplerLinkMapping *mapping = l->data;

          if (mapping->action->type == POPPLER_ACTION_URI
              && g_strcmp0 (mapping->action->uri.uri, "https://example.com/wiki/o'reilly") == 0)
            found = TRUE;
        }
      poppler_page_free_link_mapping (links);
    }
  g_assert_true (found);
}

/* Which page (from 0) first holds @needle, or -1. */
static int
find_page (PopplerDocument *document,
           const char      *needle,
           int              from)
{
  for (int p = from; p < poppler_document_get_n_pages (document); p++)
    {
      g_autofree char *text = page_text (document, p);

      if (strstr (text, needle) != NULL)
        return p;
    }
  return -1;
}

static void
test_long_rows (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (PopplerDocument) document = write_report (fixture, EVIDENT_REPORT_SCOPE_ALL, NULL,
                                                       NULL);
  g_autofree char *text = items_text (document);
  int items = find_page (document, "RQ1-01", 2);
  int half = find_page (document, "RQ2-09", items);
  int before = find_page (document, "RQ2-08", items);
  int tall = find_page (document, "RQ3-12", items);
  int end = find_page (document, "ENDMARK", tall);
  const char *last = text;

  /* Half a page tall, it does not fit below the rows before it: it starts
   * on the next page, whole. */
  g_assert_cmpint (half, ==, before + 1);
  g_assert_cmpint (find_page (document, "STARTMARK w0001", half), ==, half);
  g_assert_cmpint (find_page (document, "ENDMARK", half), ==, half);

  /* Three pages tall, it is cut between lines: every word once (the words
   * of the half-page one twice), in order, and the table's header on each
   * page it spans. */
  g_assert_cmpint (end, >=, tall + 2);
  last = strstr (text, "RQ3-12");
  for (guint i = 1; i <= 2400; i++)
    {
      char word[8];
      const char *at;

      g_snprintf (word, sizeof word, "w%04u", i);
      at = strstr (last, word);
      g_assert_nonnull (at);
      g_assert_cmpuint (count (text, word), ==, i <= 330 ? 2 : 1);
      last = at;
    }
  for (int p = tall; p <= end; p++)
    {
      g_autofree char *page = page_text (document, p);

      g_assert_true (g_str_has_prefix (page, "Ref."));
    }
}

static void
test_scope_open (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GPtrArray) open = g_ptr_array_new ();
  g_autoptr (PopplerDocument) document = NULL;
  g_autofree char *text = NULL;

  /* Met and ready count in the projected view: only the others are open. */
  for (guint i = 0; i < fixture->refs->len; i++)
    {
      const char *ref = g_ptr_array_index (fixture->refs, i);

      if (i % 4 == 0)
        set_status (fixture, ref, EVIDENT_STATUS_MET);
      else if (i % 4 == 1)
        set_status (fixture, ref, EVIDENT_STATUS_READY);
      else
        g_ptr_array_add (open, (gpointer) ref);
    }
  document = write_report (fixture, EVIDENT_REPORT_SCOPE_OPEN, NULL, NULL);
  text = items_text (document);
  assert_refs_in_order (text, open);
  for (guint i = 0; i < fixture->refs->len; i += 4)
    g_assert_null (strstr (text, g_ptr_array_index (fixture->refs, i)));
}

static void
test_scope_chapter (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (PopplerDocument) document = write_report (fixture, EVIDENT_REPORT_SCOPE_CHAPTER,
                                                       "2.0", NULL);
  g_autoptr (GPtrArray) second = g_ptr_array_new ();
  g_autoptr (EvidentReport) none = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = items_text (document);
  g_autofree char *all = NULL;
  Outline outline;

  for (guint i = N_PER_CHAPTER; i < 2 * N_PER_CHAPTER; i++)
    g_ptr_array_add (second, g_ptr_array_index (fixture->refs, i));
  assert_refs_in_order (text, second);
  g_assert_null (strstr (text, "RQ1-"));
  g_assert_null (strstr (text, "RQ3-"));
  read_outline (document, &outline);
  g_assert_cmpuint (outline.chapters->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (outline.chapters, 0), ==, "2.0  Operations");
  outline_clear (&outline);

  none = evident_report_new (fixture->project, EVIDENT_REPORT_SCOPE_CHAPTER, "7.0", &error);
  g_assert_error (error, EVIDENT_REPORT_ERROR, EVIDENT_REPORT_ERROR_NO_SUCH_CHAPTER);
  fixture_assert_contains (error, "7.0");
  g_assert_null (none);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  if (evident_report_write_pdf_finish (EVIDENT_REPORT (source), result, error))
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "written");
}

static void
progress_cb (goffset  current,
             goffset  total,
             gpointer user_data)
{
  guint *n_reports = user_data;

  g_assert_cmpint (current, <=, total);
  (*n_reports)++;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *before = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (EvidentReport) report = evident_report_new (fixture->project,
                                                         EVIDENT_REPORT_SCOPE_ALL, NULL, NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  guint n_reports = 0;

  /* Cancelled: nothing is left. */
  before = fixture_list_dir (fixture->dir);
  g_cancellable_cancel (cancellable);
  evident_report_write_pdf_async (report, file, cancellable, NULL, NULL, written_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *after = fixture_list_dir (fixture->dir);

    g_assert_cmpstr (after, ==, before);
  }

  /* In a worker, with progress by pages, while the project is edited. */
  evident_report_write_pdf_async (report, file, NULL, progress_cb, &n_reports, written_cb,
                                  &error);
  set_status (fixture, "RQ1-01", EVIDENT_STATUS_MET);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (n_reports, >, 0);
}

static void
test_german (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *mo = g_build_filename (PO_BUILDDIR, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                          NULL);
  g_autoptr (PopplerDocument) document = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *second = NULL;
  g_autofree char *items = NULL;
  Outline outline;

  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  g_setenv ("LANGUAGE", "de", TRUE);
  set_status (fixture, "RQ1-01", EVIDENT_STATUS_MET);
  set_status (fixture, "RQ1-04", EVIDENT_STATUS_IN_PROGRESS);
  document = write_report (fixture, EVIDENT_REPORT_SCOPE_ALL, NULL, NULL);
  g_unsetenv ("LANGUAGE");

  cover = page_text (document, 0);
  second = page_text (document, 1);
  items = items_text (document);
  g_assert_nonnull (strstr (cover, "Bereitschaftsbericht"));
  g_assert_nonnull (strstr (cover, "Punktzahl"));
  g_assert_nonnull (strstr (cover, "Bestätigt"));
  g_assert_nonnull (strstr (cover, "Prüfpunkte nach Status"));
  g_assert_null (strstr (cover, "Readiness"));
  g_assert_nonnull (strstr (second, "Kapitel"));
  g_assert_nonnull (strstr (second, "Seite 2 von"));
  g_assert_null (strstr (second, "Page"));
  g_assert_nonnull (strstr (items, "Erfüllt"));
  g_assert_nonnull (strstr (items, "In Arbeit"));
  g_assert_nonnull (strstr (items, "Verantwortlich"));
  read_outline (document, &outline);
  g_assert_cmpstr (g_ptr_array_index (outline.titles, 0), ==, "Punktzahl");
  g_assert_cmpstr (g_ptr_array_index (outline.titles, outline.titles->len - 1), ==, "Prüfpunkte");
  outline_clear (&outline);
}

static void
test_paper (void)
{
  double width, height;

  /* The C locale's paper is A4. */
  evident_report_get_default_page_size (&width, &height);
  g_assert_cmpfloat_with_epsilon (width, A4_WIDTH, 0.5);
  g_assert_cmpfloat_with_epsilon (height, A4_HEIGHT, 0.5);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILDDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/report/refs", test_refs);
  ADD ("/report/pages-and-bookmarks", test_pages_and_bookmarks);
  ADD ("/report/cover", test_cover);
  ADD ("/report/links", test_links);
  ADD ("/report/long-rows", test_long_rows);
  ADD ("/report/scope-open", test_scope_open);
  ADD ("/report/scope-chapter", test_scope_chapter);
  ADD ("/report/async", test_async);
  ADD ("/report/german", test_german);
#undef ADD
  g_test_add_func ("/report/paper", test_paper);

  return g_test_run ();
}
