/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bundled sample (issue 11): a new demo or sample project is written in
 * the user's language when the sample is translated into it, in English
 * otherwise, and a project keeps the texts it was created with. Reads the
 * German catalogue built in po/ for the project's title. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "evident-chapter.h"
#include "evident-item.h"
#include "evident-project.h"
#include "evident-sample.h"
#include "test-fixtures.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = fixture_tmp_dir_new ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  fixture_tmp_dir_clear (&fixture->dir);
}

static EvidentProject *
create_sample (Fixture    *fixture,
               const char *name,
               gboolean    with_demo_state)
{
  g_autoptr (GFile) file = g_file_new_build_filename (fixture->dir, name, NULL);
  g_autoptr (GError) error = NULL;
  EvidentProject *project;

  project = evident_sample_create_project (file, with_demo_state, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static EvidentItem *
find_item (EvidentProject *project,
           const char     *ref)
{
  GListModel *items = evident_project_get_items (project);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (evident_item_get_ref (item), ref) == 0)
        return item;
    }
  g_assert_not_reached ();
}

static const char *
chapter_title (EvidentProject *project,
               const char     *number)
{
  GListModel *chapters = evident_project_get_chapters (project);

  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr (EvidentChapter) chapter = g_list_model_get_item (chapters, i);

      if (g_strcmp0 (evident_chapter_get_number (chapter), number) == 0)
        return evident_chapter_get_title (chapter);
    }
  g_assert_not_reached ();
}

static void
assert_english (EvidentProject *project)
{
  EvidentItem *item = find_item (project, "1.1.1");

  g_assert_cmpstr (evident_project_get_title (project), ==,
                   "Demo Project: MSP Validation (sample data)");
  g_assert_cmpstr (evident_item_get_title (item), ==, "Company overview presentation");
  g_assert_cmpstr (evident_item_get_section_title (item), ==, "Company Profile");
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Audit lead");
  g_assert_cmpstr (chapter_title (project, "8.0"), ==, "Security");
  g_assert_true (g_str_has_prefix (evident_item_get_note (find_item (project, "8.4.4")), "Demo: "));
}

/* German: every text of the checklist and of the demo state is German,
 * and the checklist itself (references, points, mandatory items, statuses)
 * is the English one. */
static void
test_german (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *mo = g_build_filename (PO_BUILDDIR, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                          NULL);
  g_autoptr (EvidentProject) english = NULL;
  g_autoptr (EvidentProject) german = NULL;
  g_autoptr (GFile) checklists = evident_sample_get_checklists_dir ();
  g_autofree char *language = NULL;
  GListModel *english_items;
  GListModel *german_items;
  EvidentItem *item;

  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  english = create_sample (fixture, "english.evident", TRUE);

  g_setenv ("LANGUAGE", "de", TRUE);
  language = evident_sample_get_language (checklists);
  g_assert_cmpstr (language, ==, "de");
  german = create_sample (fixture, "german.evident", TRUE);

  g_assert_cmpstr (evident_project_get_title (german), ==,
                   "Demoprojekt: MSP-Validierung (Beispieldaten)");
  item = find_item (german, "1.1.1");
  g_assert_cmpstr (evident_item_get_title (item), ==, "Unternehmenspräsentation");
  g_assert_cmpstr (evident_item_get_section_title (item), ==, "Unternehmensprofil");
  g_assert_cmpstr (evident_item_get_owner (item), ==, "Auditleitung");
  g_assert_nonnull (strstr (evident_item_get_requirement (item), "Partner"));
  g_assert_cmpstr (chapter_title (german, "8.0"), ==, "Sicherheit");
  g_assert_true (g_str_has_prefix (evident_item_get_note (find_item (german, "8.4.4")), "Demo: "));
  g_assert_nonnull (strstr (evident_item_get_note (find_item (german, "8.4.4")), "Netze"));
  g_assert_nonnull (strstr (evident_item_get_reason (find_item (german, "12.3.2")), "Cloud"));

  english_items = evident_project_get_items (english);
  german_items = evident_project_get_items (german);
  g_assert_cmpuint (g_list_model_get_n_items (german_items), ==,
                    g_list_model_get_n_items (english_items));
  for (guint i = 0; i < g_list_model_get_n_items (english_items); i++)
    {
      g_autoptr (EvidentItem) en = g_list_model_get_item (english_items, i);
      EvidentItem *de = find_item (german, evident_item_get_ref (en));

      g_assert_cmpint (evident_item_get_points (de), ==, evident_item_get_points (en));
      g_assert_cmpint (evident_item_get_mandatory (de), ==, evident_item_get_mandatory (en));
      g_assert_cmpint (evident_item_get_status (de), ==, evident_item_get_status (en));
      g_assert_cmpint (evident_item_get_complexity (de), ==, evident_item_get_complexity (en));
      g_assert_cmpstr (evident_item_get_chapter (de), ==, evident_item_get_chapter (en));
      g_assert_cmpstr (evident_item_get_section (de), ==, evident_item_get_section (en));
      /* Translated, not left in English */
      g_assert_cmpstr (evident_item_get_title (de), !=, evident_item_get_title (en));
      g_assert_cmpstr (evident_item_get_requirement (de), !=, evident_item_get_requirement (en));
      g_assert_cmpstr (evident_item_get_evidence_hint (de), !=, evident_item_get_evidence_hint (en));
      g_assert_cmpint (is_set (evident_item_get_owner (de)), ==, is_set (evident_item_get_owner (en)));
      g_assert_cmpint (is_set (evident_item_get_note (de)), ==, is_set (evident_item_get_note (en)));
      g_assert_cmpint (is_set (evident_item_get_reason (de)), ==, is_set (evident_item_get_reason (en)));
      if (is_set (evident_item_get_owner (en)))
        g_assert_cmpstr (evident_item_get_owner (de), !=, evident_item_get_owner (en));
      if (is_set (evident_item_get_note (en)))
        g_assert_cmpstr (evident_item_get_note (de), !=, evident_item_get_note (en));
      if (is_set (evident_item_get_reason (en)))
        g_assert_cmpstr (evident_item_get_reason (de), !=, evident_item_get_reason (en));
    }

  /* Chapter titles of the German sample are those of the catalogue. */
  g_assert_cmpstr (chapter_title (german, "1.0"), ==, _("Partner Capabilities Overview"));
  g_assert_cmpstr (chapter_title (german, "13.0"), ==, _("Knowledge"));
}

/* English, and German asked for in the C locale, where gettext too ignores
 * LANGUAGE: the English sample. */
static void
test_english (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (EvidentProject) english = create_sample (fixture, "english.evident", TRUE);
  g_autoptr (EvidentProject) c_locale = NULL;

  assert_english (english);

  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "C");
  c_locale = create_sample (fixture, "c.evident", TRUE);
  assert_english (c_locale);
}

/* A project keeps the language it was created in. */
static void
test_existing (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GFile) file = g_file_new_build_filename (fixture->dir, "kept.evident", NULL);
  g_autoptr (EvidentProject) project = create_sample (fixture, "kept.evident", TRUE);
  g_autoptr (GError) error = NULL;

  fixture_close_project (&project);
  g_setenv ("LANGUAGE", "de", TRUE);
  project = evident_project_open (file, &error);
  g_assert_no_error (error);
  assert_english (project);
}

/* A new project without demo state, as "New Project" makes it, is German
 * too, with the German title and no owners. */
static void
test_new_project (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (EvidentProject) project = NULL;
  EvidentItem *item;

  g_setenv ("LANGUAGE", "de", TRUE);
  project = create_sample (fixture, "new.evident", FALSE);
  item = find_item (project, "1.1.1");
  g_assert_cmpstr (evident_project_get_title (project), ==, "MSP-Validierung");
  g_assert_cmpstr (evident_item_get_title (item), ==, "Unternehmenspräsentation");
  g_assert_false (is_set (evident_item_get_owner (item)));
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
  ADD ("/sample/german", test_german);
  ADD ("/sample/english", test_english);
  ADD ("/sample/existing", test_existing);
  ADD ("/sample/new-project", test_new_project);
#undef ADD

  return g_test_run ();
}
