/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "evident-evidence.h"
#include "evident-exemption.h"
#include "evident-finding.h"
#include "evident-session.h"
#include "evident-types.h"

G_BEGIN_DECLS

#define EVIDENT_TYPE_AUDIT  (evident_audit_get_type ())
#define EVIDENT_AUDIT_ERROR (evident_audit_error_quark ())

/* The first schema version with the audit's tables (evident-schema.c,
 * 4 → 5): an older file opened to be inspected has an empty audit. */
#define EVIDENT_AUDIT_SCHEMA_VERSION 5

/**
 * EvidentAuditError:
 * @EVIDENT_AUDIT_ERROR_NOT_FOUND: no chapter, section, session, finding or
 *   change with that number
 * @EVIDENT_AUDIT_ERROR_INVALID: a value was refused (an empty reason or
 *   text, a bad date, a status a verdict cannot set, …)
 * @EVIDENT_AUDIT_ERROR_EXEMPT: the chapter or section (or a part of it,
 *   or the chapter it is in) is exempt already
 * @EVIDENT_AUDIT_ERROR_OUT_OF_SCOPE: the item is not in the session's
 *   chapters
 * @EVIDENT_AUDIT_ERROR_CLOSED: the session is closed
 *
 * When the project file itself cannot be written, the error is an
 * #EvidentProjectError (%EVIDENT_PROJECT_ERROR_READ_ONLY,
 * %EVIDENT_PROJECT_ERROR_BUSY, …).
 */
typedef enum
{
  EVIDENT_AUDIT_ERROR_NOT_FOUND,
  EVIDENT_AUDIT_ERROR_INVALID,
  EVIDENT_AUDIT_ERROR_EXEMPT,
  EVIDENT_AUDIT_ERROR_OUT_OF_SCOPE,
  EVIDENT_AUDIT_ERROR_CLOSED,
} EvidentAuditError;

/**
 * EvidentVerdictRecord:
 * @id: the verdict's id
 * @session: the session's id
 * @kind: the session's kind
 * @session_date: the session's (first) day, YYYY-MM-DD
 * @participants: the session's participants, %NULL-terminated
 * @ref: the item's reference
 * @chapter: the item's chapter
 * @verdict: passed, failed, observation or not reached
 * @status_set: the status the verdict set with it, or %NULL
 * @finding: the finding recorded with it, or %NULL
 * @at: when it was recorded, in UTC
 * @who: who recorded it
 * @current: whether it is the item's verdict in that session (a later one
 *   replaces it)
 *
 * One verdict in the history of the sessions.
 */
typedef struct
{
  gint64              id;
  gint64              session;
  EvidentSessionKind  kind;
  char               *session_date;
  char              **participants;
  char               *ref;
  char               *chapter;
  EvidentVerdict      verdict;
  char               *status_set;
  char               *finding;
  GDateTime          *at;
  char               *who;
  gboolean            current;
} EvidentVerdictRecord;

void evident_verdict_record_free (EvidentVerdictRecord *record);

G_DECLARE_FINAL_TYPE (EvidentAudit, evident_audit, EVIDENT, AUDIT, GObject)

GQuark            evident_audit_error_quark          (void);

EvidentAudit     *evident_audit_get_for_project      (EvidentProject                *project);
EvidentProject   *evident_audit_get_project          (EvidentAudit                  *self);

/* Exemptions (evident-audit-exempt.c) */
GListModel       *evident_audit_get_exemptions       (EvidentAudit                  *self);
EvidentExemption *evident_audit_lookup_exemption     (EvidentAudit                  *self,
                                                      const char                    *number);
EvidentExemption *evident_audit_get_item_exemption   (EvidentAudit                  *self,
                                                      EvidentItem                   *item);
EvidentExemption *evident_audit_exempt               (EvidentAudit                  *self,
                                                      const char                    *number,
                                                      const char                    *reason,
                                                      EvidentEvidence               *evidence,
                                                      GError                       **error);
gboolean          evident_audit_lift_exemption       (EvidentAudit                  *self,
                                                      EvidentExemption              *exemption,
                                                      GPtrArray                    **kept,
                                                      GError                       **error);

/* Sessions (evident-session-edit.c) */
GListModel       *evident_audit_get_sessions         (EvidentAudit                  *self);
EvidentSession   *evident_audit_lookup_session       (EvidentAudit                  *self,
                                                      gint64                         id);
EvidentSession   *evident_audit_new_session          (EvidentAudit                  *self,
                                                      const EvidentSessionSettings  *settings,
                                                      GError                       **error);
GPtrArray        *evident_audit_list_verdicts        (EvidentAudit                  *self,
                                                      EvidentSession                *session,
                                                      const char                    *chapter,
                                                      EvidentItem                   *item,
                                                      GError                       **error);

/* Findings (evident-finding.c) */
GListModel       *evident_audit_get_findings         (EvidentAudit                  *self);
GListModel       *evident_audit_get_open_findings    (EvidentAudit                  *self);
guint             evident_audit_get_n_open_findings  (EvidentAudit                  *self);
EvidentFinding   *evident_audit_lookup_finding       (EvidentAudit                  *self,
                                                      gint64                         id);
GPtrArray        *evident_audit_list_findings        (EvidentAudit                  *self,
                                                      EvidentSession                *session,
                                                      EvidentItem                   *item,
                                                      gboolean                       open_only);
gint64            evident_audit_find_last_change     (EvidentAudit                  *self,
                                                      EvidentItem                   *item,
                                                      GError                       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentVerdictRecord, evident_verdict_record_free)

G_END_DECLS
