/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the workbook modules share: a safe XML scan that reports where each
 * element is, to the byte, and the rules of SpreadsheetML text. */

/* The namespaces of SpreadsheetML and of relationships, transitional and
 * strict. */
#define EVIDENT_XLSX_NS_MAIN        "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define EVIDENT_XLSX_NS_MAIN_STRICT "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define EVIDENT_XLSX_NS_REL         "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define EVIDENT_XLSX_NS_REL_STRICT  "http://purl.oclc.org/ooxml/officeDocument/relationships"

/* The longest text a cell holds, in UTF-16 code units. */
#define EVIDENT_XLSX_MAX_CELL_TEXT 32767

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
gboolean evident_xlsx_text_fits_cell       (const char               *text);

G_END_DECLS
