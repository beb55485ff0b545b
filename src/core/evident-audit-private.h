/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the core: how the project keeps its audit in step, how the
 * audit's parts write through the project's commit path, and how their
 * objects are made and updated from the file. */

#include "evident-audit.h"
#include "evident-db.h"
#include "evident-history.h"

G_BEGIN_DECLS

/* For the project (evident-project.c): at open, inside its read
 * transaction; after every edit, undo and redo, before ::changed. */
gboolean          evident_audit_load           (EvidentProject    *project,
                                                GError           **error);
void              evident_audit_sync           (EvidentProject    *project);

/* Writes the rows of an edit, inside its transaction; @change is the
 * edit's row in `changes`. */
typedef gboolean (*EvidentAuditWriteFunc)      (EvidentDb         *db,
                                                gint64             change,
                                                gpointer           data,
                                                GError           **error);

EvidentDb        *evident_audit_get_db         (EvidentAudit      *self,
                                                GError           **error);
gboolean          evident_audit_commit         (EvidentAudit      *self,
                                                GArray            *edits,
                                                EvidentAuditWriteFunc write,
                                                gpointer           data,
                                                GError           **error);
gboolean          evident_audit_write          (EvidentAudit      *self,
                                                EvidentAuditWriteFunc write,
                                                gpointer           data,
                                                GError           **error);
gboolean          evident_audit_reload         (EvidentAudit      *self,
                                                GError           **error);
gboolean          evident_audit_find_chapter   (EvidentAudit      *self,
                                                const char        *number,
                                                gint64            *id,
                                                GError           **error);
gboolean          evident_audit_check_item     (EvidentAudit      *self,
                                                EvidentItem       *item,
                                                GError           **error);
char             *evident_audit_format_time    (GDateTime         *time);
GDateTime        *evident_audit_parse_time     (const char        *text);

/* Loading (evident-audit-load.c): fills the audit's lists from the file,
 * keeping the objects it has, in a read transaction of the caller's. */
gboolean          evident_audit_load_exemptions (EvidentAudit     *self,
                                                 EvidentDb        *db,
                                                 GListStore       *list,
                                                 GError          **error);
gboolean          evident_audit_load_sessions  (EvidentAudit      *self,
                                                EvidentDb         *db,
                                                GListStore        *list,
                                                GHashTable        *by_id,
                                                GError           **error);
gboolean          evident_audit_load_findings  (EvidentAudit      *self,
                                                EvidentDb         *db,
                                                GListStore        *list,
                                                GHashTable        *by_id,
                                                GError           **error);
void              evident_audit_replace_list   (GListStore        *list,
                                                GPtrArray         *objects);

/* The objects, made and updated by the loading */
EvidentExemption *evident_exemption_new        (gint64             id,
                                                const char        *chapter,
                                                const char        *section,
                                                const char        *title,
                                                const char        *reason,
                                                gint64             evidence_id,
                                                GDateTime         *applied,
                                                const char        *applied_by,
                                                guint              n_items);

/* What a session is, from its row; what changes is set by the update. */
typedef struct
{
  gint64              id;
  EvidentSessionKind  kind;
  const char         *date;
  const char         *title;
  guint               days;
  int                 day_start;
  guint               day_minutes;
  GDateTime          *created;
  const char         *created_by;
} EvidentSessionRow;

/* What changes about a session: its state, verdicts and agenda. */
typedef struct
{
  gint64 chapter_id;
  char  *chapter;
  guint  day;
  guint  minutes;
} EvidentSessionPlan;

typedef struct
{
  char   *chapter;
  gint64  start;
  gint64  stop;
} EvidentSessionTime;

EvidentSession   *evident_session_new          (EvidentAudit      *audit,
                                                const EvidentSessionRow *row,
                                                char             **chapters,
                                                char             **participants);
void              evident_session_update       (EvidentSession    *self,
                                                EvidentSessionState state,
                                                GHashTable        *verdicts,
                                                GArray            *plans,
                                                GArray            *times);
void              evident_session_invalidate   (EvidentSession    *self);
EvidentAudit     *evident_session_get_audit    (EvidentSession    *self);
GArray           *evident_session_peek_plans   (EvidentSession    *self);
GArray           *evident_session_peek_times   (EvidentSession    *self);
gboolean          evident_session_check_live   (EvidentSession    *self,
                                                gboolean           writing,
                                                GError           **error);
gboolean          evident_session_check_covers (EvidentSession    *self,
                                                EvidentItem       *item,
                                                GError           **error);

/* What a finding is, from its rows. */
typedef struct
{
  gint64               id;
  gint64               session;
  EvidentItem         *item;
  EvidentVerdict       verdict;
  const char          *text;
  GDateTime           *created;
  const char          *created_by;
  EvidentFindingState  state;
  GDateTime           *addressed;
  const char          *addressed_by;
  gint64               fixed_by;
  const char          *fix_summary;
  const char          *note;
} EvidentFindingRow;

EvidentFinding   *evident_finding_new          (EvidentAudit      *audit,
                                                const EvidentFindingRow *row);
void              evident_finding_update       (EvidentFinding    *self,
                                                const EvidentFindingRow *row);

G_END_DECLS
