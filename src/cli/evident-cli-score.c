/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-cli score: the three views against the pass line, per chapter,
 * and the items with most points at risk. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "evident-enums-util.h"
#include "evident-item.h"
#include "evident-project.h"
#include "evident-scoring.h"

#include "evident-cli-commands.h"
#include "evident-cli-output.h"

/* The text shows this many of the items at risk; JSON shows all. */
#define N_AT_RISK_SHOWN 10

static void
add_view_json (JsonBuilder        *builder,
               const EvidentScore *score,
               EvidentView         view)
{
  json_builder_set_member_name (builder, evident_view_to_string (view));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "score");
  json_builder_add_value (builder, evident_cli_json_number (score->views[view].score));
  evident_cli_json_add_boolean (builder, "pass", score->views[view].pass);
  json_builder_end_object (builder);
}

static void
add_checklist_json (JsonBuilder        *builder,
                    EvidentProject     *project,
                    const EvidentScore *score)
{
  json_builder_set_member_name (builder, "checklist");
  json_builder_begin_object (builder);
  evident_cli_json_add_string (builder, "title", evident_project_get_title (project));
  evident_cli_json_add_string (builder, "version", evident_project_get_checklist_version (project));
  evident_cli_json_add_string (builder, "mode", evident_score_mode_to_string (score->rules.mode));
  evident_cli_json_add_int (builder, "max_score", score->max_score);
  evident_cli_json_add_int (builder, "pass_score", score->rules.pass_score);
  evident_cli_json_add_int (builder, "mandatory_penalty", score->rules.mandatory_penalty);
  json_builder_end_object (builder);
}

static void
add_chapter_json (JsonBuilder               *builder,
                  const EvidentChapterScore *chapter)
{
  json_builder_begin_object (builder);
  evident_cli_json_add_string (builder, "number", chapter->number);
  evident_cli_json_add_string (builder, "title", chapter->title);
  evident_cli_json_add_int (builder, "items", chapter->n_items);
  evident_cli_json_add_int (builder, "points", chapter->points);
  evident_cli_json_add_int (builder, "confirmed",
                            chapter->points_counted[EVIDENT_VIEW_CONFIRMED]);
  evident_cli_json_add_int (builder, "projected",
                            chapter->points_counted[EVIDENT_VIEW_PROJECTED]);
  json_builder_end_object (builder);
}

static void
print_json (EvidentProject     *project,
            const EvidentScore *score)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_checklist_json (builder, project, score);

  json_builder_set_member_name (builder, "views");
  json_builder_begin_object (builder);
  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    add_view_json (builder, score, v);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "chapters");
  json_builder_begin_array (builder);
  for (guint c = 0; c < score->chapters->len; c++)
    add_chapter_json (builder, &g_array_index (score->chapters, EvidentChapterScore, c));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "at_risk");
  json_builder_begin_array (builder);
  for (guint i = 0; i < score->at_risk->len; i++)
    {
      EvidentItem *item = g_ptr_array_index (score->at_risk, i);

      json_builder_begin_object (builder);
      evident_cli_json_add_string (builder, "ref", evident_item_get_ref (item));
      evident_cli_json_add_int (builder, "points_at_risk",
                                evident_item_get_points_at_risk (item,
                                                                 score->rules.mandatory_penalty));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  evident_cli_print_json (builder);
}

/* Each view's score and whether it passes. */
static void
print_views (const EvidentScore *score)
{
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("l  r  l");

  for (guint v = 0; v < EVIDENT_N_VIEWS; v++)
    {
      g_autofree char *value = evident_score_format (score, v);
      g_autoptr (GString) verdict = g_string_new (score->views[v].pass ? _("passes")
                                                                       : _("does not pass"));

      if (score->views[v].n_mandatory_open > 0)
        g_string_append_printf (verdict,
                                g_dngettext (GETTEXT_PACKAGE, " (%u mandatory item not counted)",
                                             " (%u mandatory items not counted)",
                                             score->views[v].n_mandatory_open),
                                score->views[v].n_mandatory_open);
      evident_cli_table_add (table, evident_view_get_label (v));
      evident_cli_table_add (table, value);
      evident_cli_table_add (table, verdict->str);
    }
  evident_cli_table_print (table);
}

/* Number, title, points confirmed, projected and available. */
static void
print_chapters (const EvidentScore *score)
{
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("  l  l  r  r  r");

  for (guint c = 0; c < score->chapters->len; c++)
    {
      const EvidentChapterScore *chapter = &g_array_index (score->chapters,
                                                           EvidentChapterScore, c);

      evident_cli_table_add (table, chapter->number);
      evident_cli_table_add (table, evident_translate_title (chapter->title));
      evident_cli_table_add_printf (table, "%" G_GINT64_FORMAT, chapter->points_counted[EVIDENT_VIEW_CONFIRMED]);
      evident_cli_table_add_printf (table, "%" G_GINT64_FORMAT, chapter->points_counted[EVIDENT_VIEW_PROJECTED]);
      evident_cli_table_add_printf (table, "%" G_GINT64_FORMAT, chapter->points);
    }
  evident_cli_table_print (table);
}

static void
print_at_risk (const EvidentScore *score)
{
  g_autoptr (EvidentCliTable) table = evident_cli_table_new ("  l  r  l");

  for (guint i = 0; i < MIN (score->at_risk->len, N_AT_RISK_SHOWN); i++)
    {
      EvidentItem *item = g_ptr_array_index (score->at_risk, i);

      evident_cli_table_add (table, evident_item_get_ref (item));
      evident_cli_table_add_printf (table, "%" G_GINT64_FORMAT, evident_item_get_points_at_risk (
                                                     item, score->rules.mandatory_penalty));
      evident_cli_table_add (table, evident_item_get_title (item));
    }
  evident_cli_table_print (table);
}

static void
print_text (EvidentProject     *project,
            const EvidentScore *score)
{
  const char *version = evident_project_get_checklist_version (project);

  evident_cli_print ("%s%s%s%s\n", evident_project_get_title (project), *version ? " (" : "",
                     version, *version ? ")" : "");
  if (score->rules.mode == EVIDENT_SCORE_MODE_PASS_FAIL)
    g_print (_("Pass-fail mode: every mandatory item must be met\n"));
  else
    g_print (_("Pass line %d of %d points; %d points lost per mandatory item not met\n"),
             score->rules.pass_score, (int) score->max_score, score->rules.mandatory_penalty);
  g_print ("\n");
  print_views (score);

  g_print ("\n%s\n", _("Chapters (points confirmed / projected / available)"));
  print_chapters (score);

  if (score->at_risk->len > 0)
    {
      g_print ("\n%s\n", _("Most points at risk"));
      print_at_risk (score);
    }
}

int
evident_cli_score (EvidentCliContext  *cli,
                   GError            **error)
{
  const EvidentScore *score = evident_project_get_score (cli->project);

  if (cli->json)
    print_json (cli->project, score);
  else
    print_text (cli->project, score);
  return EXIT_SUCCESS;
}
