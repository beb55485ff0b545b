/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What an export works from: a snapshot of the project's items taken on
 * the main thread, completed on the worker from the project file (evidence,
 * owners' addresses, the kept workbook), then written in one format. */

#include "evident-db.h"
#include "evident-export.h"
#include "evident-item.h"
#include "evident-project-source.h"
#include "evident-scoring.h"

G_BEGIN_DECLS

/* A piece of evidence, as an export names it. */
typedef struct
{
  char *title;
  char *filename; /* NULL for a link */
  char *url;      /* NULL for a file */
} ExportEvidence;

/* An item as it stood when the export began. */
typedef struct
{
  gint64            id;
  char             *ref;
  char             *chapter;
  char             *chapter_title;
  char             *section;
  char             *section_title;
  char             *title;
  char             *requirement;
  char             *evidence_hint;
  int               points;
  gboolean          mandatory;
  EvidentStatus     status;
  char             *owner;
  char             *owner_email; /* from the file, on the worker */
  EvidentComplexity complexity;
  char             *reason;
  char             *note;
  char             *due;
  char             *response;
  EvidentExtraField *extra;    /* copies */
  guint             n_extra;
  GPtrArray        *evidence; /* of ExportEvidence, on the worker */
} ExportItem;

typedef struct
{
  EvidentExportFormat format;
  GFile              *destination;
  char               *project_name; /* for messages */
  char               *title;
  char               *checklist_version;
  EvidentRules        rules;
  gint64              max_score;
  EvidentViewScore    views[EVIDENT_N_VIEWS];
  char               *scores[EVIDENT_N_VIEWS]; /* formatted */
  gboolean            any_points;
  GPtrArray          *items; /* of ExportItem */

  /* The hand-in's: the kept workbook, read on the worker. */
  EvidentSourceWorkbook *source;
  GBytes                *workbook;
} ExportJob;

/* The columns the items' extra fields take: each name as often as the
 * item that repeats it most, in order of first appearance. */
typedef struct
{
  GPtrArray *names; /* one per column */
} ExportExtraColumns;

/* evident-export.c */
void        evident_export_extra_columns_init  (ExportExtraColumns *columns,
                                                GPtrArray          *items,
                                                const char         *skip);
void        evident_export_extra_columns_clear (ExportExtraColumns *columns);
const char *evident_export_extra_value         (const ExportItem   *item,
                                                const char         *name,
                                                guint               nth);
char       *evident_export_evidence_list       (const ExportItem   *item,
                                                const char         *bullet);
gboolean    evident_export_counts_as_met       (EvidentStatus       status);

/* evident-export-workbook.c */
gboolean    evident_export_read_workbook       (ExportJob          *job,
                                                EvidentDb          *db,
                                                GCancellable       *cancellable,
                                                GError            **error);
gboolean    evident_export_write_aws_xlsx      (ExportJob          *job,
                                                GCancellable       *cancellable,
                                                GError            **error);
gboolean    evident_export_write_xlsx          (ExportJob          *job,
                                                GCancellable       *cancellable,
                                                GError            **error);

/* evident-export-csv.c */
gboolean    evident_export_write_csv           (ExportJob          *job,
                                                GCancellable       *cancellable,
                                                GError            **error);
gboolean    evident_export_write_jira_csv      (ExportJob          *job,
                                                GCancellable       *cancellable,
                                                GError            **error);

G_END_DECLS
