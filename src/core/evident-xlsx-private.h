/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The pieces of the workbook reader, shared by its files:
 *
 *   evident-xlsx.c           EvidentWorkbook, the order of reading, the parts' relations
 *   evident-xlsx-sniff.c     what a file is: zip, encrypted workbook, .xls (compound files)
 *   evident-xlsx-archive.c   the zip container, read with limits, parts as streams
 *   evident-xlsx-xml.c       safe streaming XML over a part, rich text, _xHHHH_ escapes
 *   evident-xlsx-strings.c   the shared strings
 *   evident-xlsx-styles.c    number formats, and numbers and dates as text
 *   evident-xlsx-sheet.c     one sheet's XML into an EvidentSheet
 */

#include <libxml/xmlreader.h>

#include "evident-xlsx.h"

G_BEGIN_DECLS

/* Limits */

/**
 * EvidentXlsxLimits:
 * @max_file_size: the largest file read at all
 * @max_total_size: the most all parts read may unpack to together
 * @max_part_size: the most one part may unpack to
 * @max_ratio: the most the parts read may unpack to, as a multiple of the
 *   file's size, once they unpack to more than @ratio_floor
 * @ratio_floor: what a small file may unpack to whatever its ratio
 * @max_parts: the most members the zip archive may have, and so the most
 *   sheets and relationships the workbook may list
 * @max_cells: the most cells all sheets may span together (a sheet spans
 *   rows from row 1 to its last with text, a row columns from column A to
 *   its last cell with text), and the most shared strings; a number's
 *   text as its format shows it, kept beside its value, counts as a cell
 * @max_merges: the most merged ranges all sheets may have together
 */
typedef struct
{
  guint64 max_file_size;
  guint64 max_total_size;
  guint64 max_part_size;
  guint   max_ratio;
  guint64 ratio_floor;
  guint   max_parts;
  guint64 max_cells;
  guint   max_merges;
} EvidentXlsxLimits;

void                   evident_xlsx_limits_init           (EvidentXlsxLimits        *limits);
EvidentWorkbook       *evident_workbook_load_with_limits  (GBytes                   *bytes,
                                                           const char               *display_name,
                                                           const EvidentXlsxLimits  *limits,
                                                           GCancellable             *cancellable,
                                                           GError                  **error);

/* What a file is */

typedef enum
{
  EVIDENT_XLSX_KIND_UNKNOWN,
  EVIDENT_XLSX_KIND_ZIP,
  EVIDENT_XLSX_KIND_ENCRYPTED, /* a compound file with EncryptionInfo/EncryptedPackage */
  EVIDENT_XLSX_KIND_XLS,       /* a compound file with a Workbook or Book stream */
  EVIDENT_XLSX_KIND_COMPOUND,  /* any other compound file (.doc, .msg, damaged) */
} EvidentXlsxKind;

EvidentXlsxKind        evident_xlsx_sniff                 (GBytes                   *bytes);

/* The zip container */

typedef struct _EvidentXlsxArchive EvidentXlsxArchive;
typedef struct _EvidentXlsxStream  EvidentXlsxStream;

/* Reads the part that @stream delivers; @part is its name in the archive. */
typedef gboolean (*EvidentXlsxPartFunc) (EvidentXlsxStream  *stream,
                                         const char         *part,
                                         gpointer            user_data,
                                         GError            **error);

EvidentXlsxArchive    *evident_xlsx_archive_open          (GBytes                   *bytes,
                                                           const char               *display_name,
                                                           const EvidentXlsxLimits  *limits,
                                                           GError                  **error);
void                   evident_xlsx_archive_free          (EvidentXlsxArchive       *self);
const char            *evident_xlsx_archive_lookup        (EvidentXlsxArchive       *self,
                                                           const char               *part);
gboolean               evident_xlsx_archive_read_parts    (EvidentXlsxArchive       *self,
                                                           GPtrArray                *parts,
                                                           EvidentXlsxPartFunc       func,
                                                           gpointer                  user_data,
                                                           GCancellable             *cancellable,
                                                           GError                  **error);
int                    evident_xlsx_stream_read           (EvidentXlsxStream        *stream,
                                                           char                     *buffer,
                                                           int                       len);
const GError          *evident_xlsx_stream_get_error      (EvidentXlsxStream        *stream);
char                  *evident_xlsx_part_key              (const char               *name);
char                  *evident_xlsx_part_resolve          (const char               *source_part,
                                                           const char               *target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentXlsxArchive, evident_xlsx_archive_free)

/* Safe streaming XML */

typedef struct _EvidentXlsxXml EvidentXlsxXml;

EvidentXlsxXml        *evident_xlsx_xml_new               (EvidentXlsxStream        *stream,
                                                           const char               *display_name,
                                                           const char               *place);
void                   evident_xlsx_xml_free              (EvidentXlsxXml           *self);
xmlTextReaderPtr       evident_xlsx_xml_get_reader        (EvidentXlsxXml           *self);
int                    evident_xlsx_xml_read              (EvidentXlsxXml           *self,
                                                           GError                  **error);
gboolean               evident_xlsx_xml_read_rich_text    (EvidentXlsxXml           *self,
                                                           GString                  *text,
                                                           GError                  **error);
gboolean               evident_xlsx_xml_is_element        (EvidentXlsxXml           *self,
                                                           const char               *name);
gboolean               evident_xlsx_xml_is_end_element    (EvidentXlsxXml           *self,
                                                           const char               *name);
char                  *evident_xlsx_xml_dup_attribute     (EvidentXlsxXml           *self,
                                                           const char               *name);
char                  *evident_xlsx_xml_dup_rel_id        (EvidentXlsxXml           *self);
void                   evident_xlsx_unescape              (GString                  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentXlsxXml, evident_xlsx_xml_free)

/* Shared strings */

typedef struct _EvidentXlsxStrings EvidentXlsxStrings;

EvidentXlsxStrings    *evident_xlsx_strings_new           (void);
void                   evident_xlsx_strings_free          (EvidentXlsxStrings       *self);
gboolean               evident_xlsx_strings_parse         (EvidentXlsxStrings       *self,
                                                           EvidentXlsxXml           *xml,
                                                           const char               *display_name,
                                                           guint64                   max_strings,
                                                           GCancellable             *cancellable,
                                                           GError                  **error);
guint                  evident_xlsx_strings_get_n         (EvidentXlsxStrings       *self);
const char            *evident_xlsx_strings_get           (EvidentXlsxStrings       *self,
                                                           guint                     index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentXlsxStrings, evident_xlsx_strings_free)

/* Number formats */

typedef enum
{
  EVIDENT_XLSX_FORMAT_NUMBER,
  EVIDENT_XLSX_FORMAT_DATE, /* a date, perhaps with a time of day */
  EVIDENT_XLSX_FORMAT_TIME, /* a time of day or a duration only */
} EvidentXlsxFormat;

typedef struct _EvidentXlsxStyles EvidentXlsxStyles;

EvidentXlsxStyles     *evident_xlsx_styles_new            (void);
void                   evident_xlsx_styles_free           (EvidentXlsxStyles        *self);
gboolean               evident_xlsx_styles_parse          (EvidentXlsxStyles        *self,
                                                           EvidentXlsxXml           *xml,
                                                           GError                  **error);
EvidentXlsxFormat      evident_xlsx_styles_get_format     (EvidentXlsxStyles        *self,
                                                           guint                     style);
char                  *evident_xlsx_styles_show_number    (EvidentXlsxStyles        *self,
                                                           guint                     style,
                                                           const char               *value);
EvidentXlsxFormat      evident_xlsx_format_classify       (const char               *code);
guint                  evident_xlsx_parse_digits          (const char               *code);
char                  *evident_xlsx_format_digits         (const char               *value,
                                                           guint                     packed);
EvidentXlsxFormat      evident_xlsx_format_builtin        (guint                     id);
char                  *evident_xlsx_format_number         (const char               *value,
                                                           EvidentXlsxFormat         format,
                                                           gboolean                  date1904);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentXlsxStyles, evident_xlsx_styles_free)

/* Sheets */

typedef struct
{
  const char         *display_name;
  EvidentXlsxStrings *strings; /* nullable: the workbook has none */
  EvidentXlsxStyles  *styles;
  gboolean            date1904;
  const EvidentXlsxLimits *limits;
  guint64            *n_cells;  /* spanned so far, by all sheets */
  guint              *n_merges; /* so far, in all sheets */
  GCancellable       *cancellable;
} EvidentXlsxSheetContext;

gboolean               evident_xlsx_sheet_parse           (EvidentSheet             *sheet,
                                                           EvidentXlsxXml           *xml,
                                                           const EvidentXlsxSheetContext *context,
                                                           GError                  **error);
gboolean               evident_xlsx_parse_reference       (const char               *ref,
                                                           guint                    *row,
                                                           guint                    *column);

G_END_DECLS
