/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-import.h"
#include "evident-xlsx.h"
#include "evident-csv.h"

G_BEGIN_DECLS

/* How far down a sheet a header is looked for. */
#define EVIDENT_IMPORT_HEADER_SEARCH_ROWS 30

/* One sheet of an import and what the import makes of it. */
typedef struct
{
  EvidentSheet            *sheet;
  guint                    index;
  EvidentImportSheetStatus detected; /* USED, NO_HEADER, EMPTY, HIDDEN or REPEATED */
  gboolean                 used;
  int                      header_row; /* -1: none */
  int                      columns[EVIDENT_IMPORT_N_FIELDS]; /* -1: unmapped */
  guint8                  *wide_merge; /* per row: a merge across columns covers it */
  guint                    n_wide_merge;
} ImportSheet;

struct _EvidentImport
{
  GObject             parent_instance;

  GPtrArray          *sheets; /* of ImportSheet */
  EvidentWorkbook    *workbook; /* the workbook the sheets come from, or NULL */
  EvidentImportLayout layout;
  gboolean            has_csv_format;
  EvidentCsvFormat    csv_format;
  guint               mandatory_level;

  /* The preview, rebuilt on demand after a change. */
  gboolean            dirty;
  GPtrArray          *entries;  /* of EvidentChecklistEntry */
  GArray             *skipped;  /* of EvidentImportSkip */
  GPtrArray          *chapters; /* of EvidentImportChapter */
  GPtrArray          *problems; /* of EvidentImportProblem */
  EvidentScoreMode    mode;
  guint               max_level;
};

/* A requirement cell taken apart (AWS's "Requirement Description"). */
typedef struct
{
  char    *title;       /* the first line, when the second says mandatory or not */
  gboolean has_mandatory;
  gboolean mandatory;
  char    *requirement; /* the rest, up to the evidence */
  char    *evidence;    /* from a paragraph starting "Evidence", or NULL */
} EvidentImportDescription;

typedef enum
{
  EVIDENT_IMPORT_POINTS_OK,
  EVIDENT_IMPORT_POINTS_EMPTY,
  EVIDENT_IMPORT_POINTS_NOT_A_NUMBER,
  EVIDENT_IMPORT_POINTS_TOO_MANY,
} EvidentImportPointsResult;

/* evident-import-derive.c: texts and values */
char                     *evident_import_clean_text          (const char               *cell);
char                     *evident_import_clean_line          (const char               *cell);
char                     *evident_import_normalize_name      (const char               *cell);
gboolean                  evident_import_looks_like_ref      (const char               *text);
char                     *evident_import_ref_prefix          (const char               *ref);
char                     *evident_import_title_from_text     (const char               *text);
gboolean                  evident_import_split_ref_title     (const char               *title,
                                                              char                    **ref,
                                                              char                    **rest);
void                      evident_import_split_description   (const char               *text,
                                                              gboolean                  split_title,
                                                              gboolean                  split_evidence,
                                                              EvidentImportDescription *description);
void                      evident_import_description_clear   (EvidentImportDescription *description);
gboolean                  evident_import_looks_like_name     (const char               *text);
EvidentImportPointsResult evident_import_parse_points        (const char               *text,
                                                              int                      *points);
gboolean                  evident_import_parse_mandatory     (const char               *text,
                                                              gboolean                 *mandatory);
guint                     evident_import_parse_level         (const char               *text);
gboolean                  evident_import_parse_status        (const char               *text,
                                                              EvidentStatus            *status);
gboolean                  evident_import_parse_met           (const char               *text,
                                                              EvidentStatus            *status);
EvidentComplexity         evident_import_parse_complexity    (const char               *text);
char                     *evident_import_quote               (const char               *value);

/* evident-import-mapping.c: names of columns */
void                      evident_import_propose_columns     (EvidentSheet             *sheet,
                                                              int                       header_row,
                                                              gboolean                  refs_by_values,
                                                              int                      *columns);
guint                     evident_import_count_known_names   (EvidentSheet             *sheet,
                                                              guint                     row);
int                       evident_import_header_field        (const char               *header,
                                                              gboolean                 *own);
gboolean                  evident_import_apply_mapping_to_sheet (EvidentImport         *self,
                                                              ImportSheet              *sheet,
                                                              const EvidentImportMapping *mapping,
                                                              GError                  **error);

/* evident-import-layout.c: what the sheets are */
int                       evident_import_first_filled_row    (EvidentSheet             *sheet);
guint                     evident_import_row_width           (EvidentSheet             *sheet,
                                                              guint                     row);
void                      evident_import_detect              (EvidentImport            *self);
void                      evident_import_propose_mapping     (EvidentImport            *self,
                                                              ImportSheet              *sheet);

/* evident-import-build.c: the preview */
void                      evident_import_build               (EvidentImport            *self);
char                     *evident_import_describe_place      (EvidentSheet             *sheet,
                                                              int                       row,
                                                              int                       column);

/* evident-import.c */
ImportSheet              *evident_import_get_import_sheet    (EvidentImport            *self,
                                                              guint                     index);
void                      evident_import_changed             (EvidentImport            *self);
void                      evident_checklist_entry_take_extra (EvidentChecklistEntry    *entry,
                                                              char                     *name,
                                                              char                     *value);

/* evident-import-memory.c */
char                     *evident_import_header_key          (EvidentSheet             *sheet,
                                                              guint                     row);

G_END_DECLS
