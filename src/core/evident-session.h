/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-agenda.h"
#include "evident-scoring.h"
#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_SESSION (evident_session_get_type ())

/**
 * EvidentSessionKind:
 * @EVIDENT_SESSION_DRY_RUN: the team's rehearsal once a chapter is covered
 * @EVIDENT_SESSION_PRE_AUDIT: a day with an independent reviewer
 * @EVIDENT_SESSION_AUDIT: the validation audit by the external auditor
 *
 * The nick of each value is its spelling in project files, on the
 * command line and in JSON.
 */
typedef enum
{
  EVIDENT_SESSION_DRY_RUN,   /*< nick=dry-run >*/
  EVIDENT_SESSION_PRE_AUDIT, /*< nick=pre-audit >*/
  EVIDENT_SESSION_AUDIT,     /*< nick=audit >*/
} EvidentSessionKind;

#define EVIDENT_N_SESSION_KINDS (EVIDENT_SESSION_AUDIT + 1)

/**
 * EvidentSessionState:
 * @EVIDENT_SESSION_PLANNED: not begun; the first verdict opens it
 * @EVIDENT_SESSION_OPEN: verdicts are being recorded
 * @EVIDENT_SESSION_CLOSED: over; no more verdicts until it is opened again
 */
typedef enum
{
  EVIDENT_SESSION_PLANNED, /*< nick=planned >*/
  EVIDENT_SESSION_OPEN,    /*< nick=open >*/
  EVIDENT_SESSION_CLOSED,  /*< nick=closed >*/
} EvidentSessionState;

#define EVIDENT_N_SESSION_STATES (EVIDENT_SESSION_CLOSED + 1)

/**
 * EvidentVerdict:
 * @EVIDENT_VERDICT_NONE: no verdict (yet)
 * @EVIDENT_VERDICT_PASSED: the item passed; in the session's reading it
 *   counts as met
 * @EVIDENT_VERDICT_FAILED: the item failed; in the session's reading it
 *   counts as not met
 * @EVIDENT_VERDICT_OBSERVATION: a remark that neither passes nor fails
 *   the item
 * @EVIDENT_VERDICT_NOT_REACHED: the session ran out of time before the item
 */
typedef enum
{
  EVIDENT_VERDICT_NONE,        /*< nick=none >*/
  EVIDENT_VERDICT_PASSED,      /*< nick=passed >*/
  EVIDENT_VERDICT_FAILED,      /*< nick=failed >*/
  EVIDENT_VERDICT_OBSERVATION, /*< nick=observation >*/
  EVIDENT_VERDICT_NOT_REACHED, /*< nick=not-reached >*/
} EvidentVerdict;

#define EVIDENT_N_VERDICTS (EVIDENT_VERDICT_NOT_REACHED + 1)

/**
 * EvidentVerdictFlags:
 * @EVIDENT_VERDICT_FLAGS_NONE: record the verdict only: the item's status
 *   stays as it is
 * @EVIDENT_VERDICT_SET_STATUS: also set the status the verdict stands for
 *   (passed: met, failed: not met), in the same edit
 */
typedef enum /*< flags >*/
{
  EVIDENT_VERDICT_FLAGS_NONE = 0,
  EVIDENT_VERDICT_SET_STATUS = 1 << 0,
} EvidentVerdictFlags;

/**
 * EvidentSessionSettings:
 * @kind: what kind of session
 * @date: (nullable): the (first) day, YYYY-MM-DD; %NULL: today
 * @title: (nullable): a title; %NULL: none
 * @chapters: (nullable) (array zero-terminated=1): the numbers of the
 *   chapters in scope; %NULL or empty: the whole checklist
 * @participants: (nullable) (array zero-terminated=1): the reviewers or
 *   auditors, by name
 * @days: how many days; 0: two for a validation audit, else one
 * @day_start: when a day starts, in minutes after midnight (local time);
 *   -1: 9:00
 * @day_minutes: how long a day is, in minutes; 0: eight hours
 *
 * What a new session is made with; evident_session_settings_init() sets
 * the defaults.
 */
typedef struct
{
  EvidentSessionKind  kind;
  const char         *date;
  const char         *title;
  const char * const *chapters;
  const char * const *participants;
  guint               days;
  int                 day_start;
  guint               day_minutes;
} EvidentSessionSettings;

#define EVIDENT_SESSION_MAX_DAYS 14

void         evident_session_settings_init    (EvidentSessionSettings *settings);

const char  *evident_session_kind_to_string   (EvidentSessionKind      kind);
gboolean     evident_session_kind_from_string (const char             *string,
                                               EvidentSessionKind     *kind);
const char  *evident_session_kind_get_label   (EvidentSessionKind      kind);
const char  *evident_session_state_to_string  (EvidentSessionState     state);
gboolean     evident_session_state_from_string (const char            *string,
                                               EvidentSessionState    *state);
const char  *evident_verdict_to_string        (EvidentVerdict          verdict);
gboolean     evident_verdict_from_string      (const char             *string,
                                               EvidentVerdict         *verdict);
const char  *evident_verdict_get_label        (EvidentVerdict          verdict);

G_DECLARE_FINAL_TYPE (EvidentSession, evident_session, EVIDENT, SESSION, GObject)

gint64               evident_session_get_id              (EvidentSession       *self);
EvidentSessionKind   evident_session_get_kind            (EvidentSession       *self);
const char          *evident_session_get_date            (EvidentSession       *self);
const char          *evident_session_get_title           (EvidentSession       *self);
const char * const  *evident_session_get_chapters        (EvidentSession       *self);
gboolean             evident_session_get_everything      (EvidentSession       *self);
const char * const  *evident_session_get_participants    (EvidentSession       *self);
guint                evident_session_get_days            (EvidentSession       *self);
int                  evident_session_get_day_start       (EvidentSession       *self);
guint                evident_session_get_day_minutes     (EvidentSession       *self);
EvidentSessionState  evident_session_get_state           (EvidentSession       *self);
GDateTime           *evident_session_get_created         (EvidentSession       *self);
const char          *evident_session_get_created_by      (EvidentSession       *self);

gboolean             evident_session_covers              (EvidentSession       *self,
                                                          EvidentItem          *item);
guint                evident_session_get_n_items         (EvidentSession       *self);
EvidentVerdict       evident_session_get_verdict         (EvidentSession       *self,
                                                          EvidentItem          *item);
guint                evident_session_count_verdicts      (EvidentSession       *self,
                                                          EvidentVerdict        verdict);
const EvidentScore  *evident_session_get_score           (EvidentSession       *self);
EvidentStatus        evident_session_read_status         (EvidentSession       *self,
                                                          EvidentItem          *item);

/* Edits: each one transaction and one step of undo (evident-session-edit.c) */
gboolean             evident_session_set_state           (EvidentSession       *self,
                                                          EvidentSessionState   state,
                                                          GError              **error);
gboolean             evident_session_record_verdict      (EvidentSession       *self,
                                                          EvidentItem          *item,
                                                          EvidentVerdict        verdict,
                                                          const char           *finding,
                                                          EvidentVerdictFlags   flags,
                                                          GError              **error);
gboolean             evident_session_record_verdict_with_status (EvidentSession *self,
                                                          EvidentItem          *item,
                                                          EvidentVerdict        verdict,
                                                          const char           *finding,
                                                          EvidentStatus         status,
                                                          GError              **error);

/* The agenda and its timer: written as they happen, not undone
 * (evident-session-agenda.c) */
EvidentAgenda       *evident_session_dup_agenda          (EvidentSession       *self);
const char          *evident_session_get_current_chapter (EvidentSession       *self);
gboolean             evident_session_plan_chapter        (EvidentSession       *self,
                                                          const char           *chapter,
                                                          guint                 day,
                                                          int                   minutes,
                                                          GError              **error);
gboolean             evident_session_start_chapter       (EvidentSession       *self,
                                                          const char           *chapter,
                                                          GDateTime            *at,
                                                          GError              **error);
gboolean             evident_session_stop_timer          (EvidentSession       *self,
                                                          GDateTime            *at,
                                                          GError              **error);

G_END_DECLS
