/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-types.h"

G_BEGIN_DECLS

/**
 * EvidentRules:
 *
 * The scoring rules of a checklist (DESIGN.md, "Scoring rules").
 */
struct _EvidentRules
{
  EvidentScoreMode mode;
  int              pass_score;
  int              mandatory_penalty;
};

#define EVIDENT_DEFAULT_PASS_SCORE        900
#define EVIDENT_DEFAULT_MANDATORY_PENALTY 200

/* The most points one checklist item is worth: real checklists give a few
 * dozen; a bigger number is a mistake in the file. Imports refuse more. */
#define EVIDENT_MAX_ITEM_POINTS 10000

typedef struct
{
  /* Points mode: points minus penalties, may be negative.
   * Pass-fail mode: share of counted items in percent. */
  double   score;
  gboolean pass;
  guint    n_counted;
  guint    n_mandatory_open;
} EvidentViewScore;

/* Sums of points are 64-bit: nothing a file holds makes them wrap. */
typedef struct
{
  char   *number;
  char   *title;
  guint   n_items;
  gint64  points;
  guint   n_mandatory_open;              /* mandatory, not counted in projected */
  guint   n_counted[EVIDENT_N_VIEWS];
  gint64  points_counted[EVIDENT_N_VIEWS];
} EvidentChapterScore;

/**
 * EvidentScore:
 * @chapters: one #EvidentChapterScore per chapter, in the order of the
 *   chapters model given to evident_score_compute() (or of first appearance
 *   among the items when none was given)
 * @at_risk: (element-type EvidentItem): items not counted in the projected
 *   view, most points at risk first, then in checklist order
 */
struct _EvidentScore
{
  EvidentRules        rules;
  gint64              max_score;
  guint               n_items;
  guint               n_mandatory;
  EvidentViewScore    views[EVIDENT_N_VIEWS];
  GArray             *chapters;  /* EvidentChapterScore, checklist order */
  GPtrArray          *at_risk;
};

EvidentScore *evident_score_compute (const EvidentRules *rules,
                                     GListModel         *chapters,
                                     GListModel         *items);
EvidentScore *evident_score_compute_with_statuses (const EvidentRules  *rules,
                                                   GListModel          *chapters,
                                                   EvidentItem *const  *items,
                                                   const EvidentStatus *statuses,
                                                   guint                n_items);
void          evident_score_free    (EvidentScore       *score);
char         *evident_score_format  (const EvidentScore *score,
                                     EvidentView         view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentScore, evident_score_free)

G_END_DECLS
