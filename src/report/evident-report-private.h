/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Inside the report: what a report shows, copied from the project on the
 * main thread (so that pages can be laid out and drawn in any thread while
 * the project goes on changing), and the pages laid out for one page
 * size. */

#include <pango/pangocairo.h>

#include "evident-heatmap.h"
#include "evident-report.h"
#include "evident-scoring.h"

G_BEGIN_DECLS

typedef struct
{
  char *title;
  char *sha256;    /* files; NULL for links */
  char *url;       /* links; NULL for files */
} EvidentReportEvidence;

typedef struct
{
  char              *ref;
  char              *title;
  char              *requirement;
  char              *owner;
  char              *due;          /* YYYY-MM-DD or NULL */
  char              *chapter;
  EvidentStatus      status;
  EvidentComplexity  complexity;
  int                points;
  gboolean           mandatory;
  gboolean           open;         /* not counted in the projected view */
  gint64             at_risk;
  GPtrArray         *evidence;     /* EvidentReportEvidence */
} EvidentReportItem;

typedef struct
{
  char      *number;
  char      *title;                /* translated where the sample's */
  guint      n_items;
  gint64     points;
  guint      n_counted[EVIDENT_N_VIEWS];
  gint64     points_counted[EVIDENT_N_VIEWS];
  guint      n_mandatory_open;
  GPtrArray *items;                /* EvidentReportItem in scope, checklist order */
} EvidentReportChapter;

typedef struct
{
  gatomicrefcount     ref_count;
  char               *project_title;
  char               *checklist_version;
  EvidentReportScope  scope;
  char               *scope_chapter;
  GDateTime          *created;
  EvidentRules        rules;
  gint64              max_score;
  guint               n_project_items;
  EvidentViewScore    views[EVIDENT_N_VIEWS];
  guint               n_status[EVIDENT_N_STATUSES]; /* of the whole project */
  GPtrArray          *chapters;        /* EvidentReportChapter listed */
  GPtrArray          *items;           /* EvidentReportItem in scope, owned */
  GPtrArray          *mandatory_open;  /* borrowed from @items */
  GPtrArray          *at_risk;         /* borrowed, most points first */
  EvidentHeatmap     *heatmap;         /* of the items in scope */
  char               *pack_digest;
} EvidentReportData;

EvidentReportData *evident_report_data_new   (EvidentProject      *project,
                                              EvidentReportScope   scope,
                                              const char          *chapter,
                                              GError             **error);
EvidentReportData *evident_report_data_ref   (EvidentReportData   *data);
void               evident_report_data_unref (EvidentReportData   *data);

char              *evident_report_format_date (GDateTime          *date);
char              *evident_report_format_due  (const char         *due);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentReportData, evident_report_data_unref)

/* The pages of a report for one page size (evident-report-layout.c). */
typedef struct _EvidentReportLayout EvidentReportLayout;

typedef struct
{
  char  *title;
  int    level;   /* 0: a section, 1: a chapter inside "Items" */
  guint  page;
  double y;
} EvidentReportOutline;

EvidentReportLayout *evident_report_layout_new         (EvidentReportData   *data,
                                                        double               width,
                                                        double               height);
void                 evident_report_layout_free        (EvidentReportLayout *layout);
guint                evident_report_layout_get_n_pages (EvidentReportLayout *layout);
GPtrArray           *evident_report_layout_get_outline (EvidentReportLayout *layout);
void                 evident_report_layout_draw_page   (EvidentReportLayout *layout,
                                                        cairo_t             *cr,
                                                        guint                page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentReportLayout, evident_report_layout_free)

G_END_DECLS
