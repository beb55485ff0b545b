/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _EvidentChapter        EvidentChapter;
typedef struct _EvidentChecklistEntry EvidentChecklistEntry;
typedef struct _EvidentHistoryEntry   EvidentHistoryEntry;
typedef struct _EvidentImport         EvidentImport;
typedef struct _EvidentItem           EvidentItem;
typedef struct _EvidentProject        EvidentProject;
typedef struct _EvidentRules          EvidentRules;
typedef struct _EvidentScore          EvidentScore;

/**
 * EvidentStatus:
 *
 * Where an item stands. The nick of each value is its spelling in project
 * files, on the command line and in JSON.
 */
typedef enum
{
  EVIDENT_STATUS_NOT_STARTED,    /*< nick=not-started >*/
  EVIDENT_STATUS_IN_PROGRESS,    /*< nick=in-progress >*/
  EVIDENT_STATUS_READY,          /*< nick=ready >*/
  EVIDENT_STATUS_MET,            /*< nick=met >*/
  EVIDENT_STATUS_NOT_MET,        /*< nick=not-met >*/
  EVIDENT_STATUS_NOT_APPLICABLE, /*< nick=not-applicable >*/
} EvidentStatus;

#define EVIDENT_N_STATUSES (EVIDENT_STATUS_NOT_APPLICABLE + 1)

typedef enum
{
  EVIDENT_COMPLEXITY_NONE,   /*< nick=none >*/
  EVIDENT_COMPLEXITY_LOW,    /*< nick=low >*/
  EVIDENT_COMPLEXITY_MEDIUM, /*< nick=medium >*/
  EVIDENT_COMPLEXITY_HIGH,   /*< nick=high >*/
} EvidentComplexity;

#define EVIDENT_N_COMPLEXITIES (EVIDENT_COMPLEXITY_HIGH + 1)

typedef enum
{
  EVIDENT_SCORE_MODE_POINTS,    /*< nick=points >*/
  EVIDENT_SCORE_MODE_PASS_FAIL, /*< nick=pass-fail >*/
} EvidentScoreMode;

/**
 * EvidentView:
 * @EVIDENT_VIEW_CONFIRMED: met and not-applicable items count
 * @EVIDENT_VIEW_PROJECTED: confirmed plus ready items
 * @EVIDENT_VIEW_BEST: every item that is not not-met
 */
typedef enum
{
  EVIDENT_VIEW_CONFIRMED, /*< nick=confirmed >*/
  EVIDENT_VIEW_PROJECTED, /*< nick=projected >*/
  EVIDENT_VIEW_BEST,      /*< nick=best >*/
} EvidentView;

#define EVIDENT_N_VIEWS (EVIDENT_VIEW_BEST + 1)

/**
 * EvidentItemField:
 * @EVIDENT_ITEM_FIELD_NOTE: internal notes, never handed in
 * @EVIDENT_ITEM_FIELD_RESPONSE: the answer for the auditor, which the
 *   self-assessment's "Partner Response" gets on export
 * @EVIDENT_ITEM_FIELD_ESTIMATE: the days the item takes, when someone
 *   estimated it: it wins over the effort of its complexity in a plan
 * @EVIDENT_ITEM_FIELD_RECHECK: "needs re-check": the status the item had
 *   before a revision of the checklist reworded it and made it ready
 *   (met or ready), "" once someone confirmed it
 * @EVIDENT_ITEM_FIELD_EVIDENCE: a piece of the item's evidence: its title
 *   while it is part of the item, "" while it is not (added, removed,
 *   restored)
 * @EVIDENT_ITEM_FIELD_EVIDENCE_TITLE: the title of a piece of evidence
 * @EVIDENT_ITEM_FIELD_EVIDENCE_KIND: the kind of a piece of evidence
 * @EVIDENT_ITEM_FIELD_REVISION: in the history only: the item came across
 *   a revision of the checklist; the values are its reference and the
 *   version, "8.2.1 (4.1)" before and "8.3.1 (4.2)" after, "" where it was
 *   not part of the checklist
 *
 * The fields of an item that a user edits, the item's own and those of
 * its evidence; each edit records one of these in the project's history.
 */
typedef enum
{
  EVIDENT_ITEM_FIELD_STATUS,         /*< nick=status >*/
  EVIDENT_ITEM_FIELD_OWNER,          /*< nick=owner >*/
  EVIDENT_ITEM_FIELD_COMPLEXITY,     /*< nick=complexity >*/
  EVIDENT_ITEM_FIELD_REASON,         /*< nick=reason >*/
  EVIDENT_ITEM_FIELD_NOTE,           /*< nick=note >*/
  EVIDENT_ITEM_FIELD_DUE,            /*< nick=due >*/
  EVIDENT_ITEM_FIELD_RESPONSE,       /*< nick=response >*/
  EVIDENT_ITEM_FIELD_ESTIMATE,       /*< nick=estimate >*/
  EVIDENT_ITEM_FIELD_RECHECK,        /*< nick=recheck >*/
  EVIDENT_ITEM_FIELD_EVIDENCE,       /*< nick=evidence >*/
  EVIDENT_ITEM_FIELD_EVIDENCE_TITLE, /*< nick=evidence-title >*/
  EVIDENT_ITEM_FIELD_EVIDENCE_KIND,  /*< nick=evidence-kind >*/
  EVIDENT_ITEM_FIELD_REVISION,       /*< nick=revision >*/
} EvidentItemField;

/* The item's own fields, which EvidentItemChange edits. */
#define EVIDENT_N_ITEM_FIELDS (EVIDENT_ITEM_FIELD_RECHECK + 1)
/* Every field a history row names. */
#define EVIDENT_N_HISTORY_FIELDS (EVIDENT_ITEM_FIELD_REVISION + 1)

G_END_DECLS
