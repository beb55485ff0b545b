/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "evident-xlsx-patch.h"

G_BEGIN_DECLS

/* The namespaces of SpreadsheetML and of relationships, transitional and
 * strict. */
#define EVIDENT_XLSX_NS_MAIN        "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define EVIDENT_XLSX_NS_MAIN_STRICT "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define EVIDENT_XLSX_NS_REL         "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define EVIDENT_XLSX_NS_REL_STRICT  "http://purl.oclc.org/ooxml/officeDocument/relationships"

/* ---- evident-xlsx-xml.c: a safe, byte-exact XML scan ---- */

#define EVIDENT_XML_SCAN_ERROR (evident_xml_scan_error_quark ())

/* The scan's own errors carry a technical detail as message ("line 3:
 * …"); callers turn them into a message for the user. Errors that a
 * callback sets come through as they are. */
typedef enum
{
  EVIDENT_XML_SCAN_ERROR_MALFORMED,
  EVIDENT_XML_SCAN_ERROR_DTD,
  EVIDENT_XML_SCAN_ERROR_ENCODING,
} EvidentXmlScanError;

/**
 * EvidentXmlElement:
 * @name: the local name
 * @prefix: (nullable): the namespace prefix as written
 * @uri: (nullable): the namespace
 * @start: the offset of the start tag's '<'
 * @content: the offset just after the start tag (the end, for an empty
 *   element)
 * @empty: written as <name … />
 * @depth: 0 for the root element
 *
 * An element as a scan meets its start tag.
 */
typedef struct
{
  const char  *name;
  const char  *prefix;
  const char  *uri;
  gsize        start;
  gsize        content;
  gboolean     empty;
  guint        depth;
  /*< private >*/
  int          n_attributes;
  const guchar **attributes;
} EvidentXmlElement;

typedef gboolean (*EvidentXmlStartFunc) (const EvidentXmlElement  *element,
                                         gpointer                  user_data,
                                         GError                  **error);
/* @end_tag: the offset of the end tag's '<' (for an empty element, its
 * start tag's); @end: just after the element. */
typedef gboolean (*EvidentXmlEndFunc)   (const char               *name,
                                         const char               *uri,
                                         guint                     depth,
                                         gsize                     end_tag,
                                         gsize                     end,
                                         gpointer                  user_data,
                                         GError                  **error);

GQuark   evident_xml_scan_error_quark      (void);
gboolean evident_xml_scan                  (const char               *data,
                                            gsize                     size,
                                            EvidentXmlStartFunc       start,
                                            EvidentXmlEndFunc         end,
                                            gpointer                  user_data,
                                            GError                  **error);
char    *evident_xml_element_get_attribute (const EvidentXmlElement  *element,
                                            const char               *name,
                                            const char               *uri);
gboolean evident_xml_element_is            (const EvidentXmlElement  *element,
                                            const char               *name);
gboolean evident_xlsx_is_main_ns           (const char               *uri);
void     evident_xml_append_escaped        (GString                  *out,
                                            const char               *text,
                                            gboolean                  attribute);

/* ---- evident-xlsx-splice.c: writing cells into one sheet's XML ---- */

/**
 * EvidentSpliceWrite:
 *
 * A write into one sheet, sorted by row and column, one per cell.
 */
typedef struct
{
  guint       row;
  guint       column;
  const char *value;
} EvidentSpliceWrite;

/**
 * EvidentSpliceContext:
 * @workbook: the workbook's name, for messages
 * @sheet: the sheet's name, for messages
 * @removed_formula: (out): set when a written cell had a formula
 */
typedef struct
{
  const char *workbook;
  const char *sheet;
  gboolean    removed_formula;
} EvidentSpliceContext;

GBytes  *evident_xlsx_splice_sheet (const char                *data,
                                    gsize                      size,
                                    const EvidentSpliceWrite  *writes,
                                    guint                      n_writes,
                                    EvidentSpliceContext      *context,
                                    GError                   **error);
char    *evident_xlsx_cell_name    (guint                      row,
                                    guint                      column);
gboolean evident_xlsx_parse_cell_name (const char             *name,
                                    guint                     *row,
                                    guint                     *column);

G_END_DECLS
