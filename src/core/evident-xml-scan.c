/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "evident-xml-scan.h"

/* The scan's messages say what is wrong with a part; the workbook's
 * messages around them name the part and what to do. */
/* Translators: what is wrong with a part of a workbook, said after
 * its name, e.g. "… cannot be read (its markup cannot be followed)" */
#define LOST_PLACE _("its markup cannot be followed")

/* A scan of XML with libxml2's SAX2 parser that reports where every element
 * starts and ends, to the byte, so that a part of a workbook can be changed
 * by splicing its bytes instead of writing it anew.
 *
 * Untrusted input: a document type declaration is refused as soon as the
 * parser meets it, so no entity can be declared, let alone expanded or
 * loaded; network access is off; libxml2's limits on depth and text size
 * stay on. Only UTF-8 documents are scanned (offsets are byte offsets). */

typedef struct
{
  xmlParserCtxtPtr     ctxt;
  const char          *data;
  gsize                size;
  EvidentXmlStartFunc  start;
  EvidentXmlEndFunc    end;
  gpointer             user_data;
  GError              *error;     /* from a callback, or our own */
  guint                depth;
  char                *first_error;
} Scan;

G_DEFINE_QUARK (evident-xml-scan-error-quark, evident_xml_scan_error)

static void
stop (Scan *scan)
{
  xmlStopParser (scan->ctxt);
}

static void
fail (Scan       *scan,
      int         code,
      const char *detail)
{
  if (scan->error == NULL)
    g_set_error_literal (&scan->error, EVIDENT_XML_SCAN_ERROR, code, detail);
  stop (scan);
}

/* The parser's position in the document, in bytes. */
static gsize
position (Scan *scan)
{
  long consumed = xmlByteConsumed (scan->ctxt);

  if (consumed < 0 || (gsize) consumed > scan->size)
    return G_MAXSIZE;
  return consumed;
}

/* The offset of the last '<' before @before: the start of the tag that
 * ends at @before (an attribute value cannot hold a raw '<'). */
static gsize
tag_start (Scan  *scan,
           gsize  before)
{
  const char *lt = NULL;

  for (gsize i = before; i > 0; i--)
    if (scan->data[i - 1] == '<')
      {
        lt = scan->data + i - 1;
        break;
      }
  return lt != NULL ? (gsize) (lt - scan->data) : G_MAXSIZE;
}

static void
start_element_cb (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  Scan *scan = user_data;
  EvidentXmlElement element = { 0 };
  gsize pos = position (scan);

  /* The parser stands on the start tag's closing '>' or '/>'. */
  if (pos >= scan->size || (scan->data[pos] != '>' && scan->data[pos] != '/'))
    {
      fail (scan, EVIDENT_XML_SCAN_ERROR_MALFORMED, LOST_PLACE);
      return;
    }
  element.empty = scan->data[pos] == '/';
  element.content = pos + (element.empty ? 2 : 1);
  element.start = tag_start (scan, pos);
  if (element.start == G_MAXSIZE)
    {
      fail (scan, EVIDENT_XML_SCAN_ERROR_MALFORMED, LOST_PLACE);
      return;
    }

  element.name = (const char *) localname;
  element.prefix = (const char *) prefix;
  element.uri = (const char *) uri;
  element.depth = scan->depth++;
  element.n_attributes = n_attributes;
  element.attributes = attributes;

  if (scan->start != NULL && !scan->start (&element, scan->user_data, &scan->error))
    stop (scan);
}

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  Scan *scan = user_data;
  gsize end = position (scan);
  gsize end_tag;

  scan->depth--;
  if (end == G_MAXSIZE || end < 2 || scan->data[end - 1] != '>')
    {
      fail (scan, EVIDENT_XML_SCAN_ERROR_MALFORMED, LOST_PLACE);
      return;
    }
  end_tag = tag_start (scan, end);
  if (end_tag == G_MAXSIZE)
    {
      fail (scan, EVIDENT_XML_SCAN_ERROR_MALFORMED, LOST_PLACE);
      return;
    }

  if (scan->end != NULL
      && !scan->end ((const char *) localname, (const char *) uri, scan->depth, end_tag, end,
                     scan->user_data, &scan->error))
    stop (scan);
}

static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  fail (user_data, EVIDENT_XML_SCAN_ERROR_DTD, _("it has a document type declaration"));
}

static void
entity_decl_cb (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  fail (user_data, EVIDENT_XML_SCAN_ERROR_DTD, _("it declares an entity"));
}

static xmlEntityPtr
get_entity_cb (void          *user_data,
               const xmlChar *name)
{
  /* Only the five predefined entities exist, and the parser resolves those
   * itself. */
  return NULL;
}

static void
error_cb (void        *user_data,
          xmlErrorPtr  error)
{
  Scan *scan = user_data;
  g_autofree char *message = NULL;

  if (scan->first_error != NULL || error == NULL || error->level < XML_ERR_ERROR)
    return;
  message = g_strdup (error->message ? error->message : "?");
  /* Translators: where a part of a workbook is damaged; the %s is the
   * XML parser's own message, in English */
  scan->first_error = g_strdup_printf (_("line %d: %s"), error->line, g_strstrip (message));
}

/* Offsets are bytes of the document as it is: only UTF-8 is accepted. */
static gboolean
check_encoding (const char  *data,
                gsize        size,
                GError     **error)
{
  g_autofree char *head = NULL;
  const char *encoding;
  const char *end;

  if (size >= 2 && ((guchar) data[0] == 0xFE || (guchar) data[0] == 0xFF || data[0] == '\0'
                    || data[1] == '\0'))
    goto refuse;

  head = g_strndup (data, MIN (size, 200));
  if (!g_str_has_prefix (head, "<?xml") && !g_str_has_prefix (head, "\xef\xbb\xbf<?xml"))
    return TRUE;
  end = strstr (head, "?>");
  if (end != NULL)
    head[end - head] = '\0';
  encoding = strstr (head, "encoding=");
  if (encoding == NULL)
    return TRUE;
  encoding += strlen ("encoding=");
  if (*encoding != '"' && *encoding != '\'')
    goto refuse;
  encoding++;
  if (g_ascii_strncasecmp (encoding, "UTF-8", 5) == 0
      || g_ascii_strncasecmp (encoding, "UTF8", 4) == 0)
    return TRUE;

refuse:
  g_set_error_literal (error, EVIDENT_XML_SCAN_ERROR, EVIDENT_XML_SCAN_ERROR_ENCODING,
                       _("its text is not in UTF-8"));
  return FALSE;
}

/**
 * evident_xml_scan:
 * @data: a whole XML document
 * @start: (nullable): called at each start tag
 * @end: (nullable): called at each end (also of empty elements)
 *
 * Returns: %TRUE when the whole document was scanned, well-formed
 */
gboolean
evident_xml_scan (const char           *data,
                  gsize                 size,
                  EvidentXmlStartFunc   start,
                  EvidentXmlEndFunc     end,
                  gpointer              user_data,
                  GError              **error)
{
  static gsize initialised = 0;
  Scan scan = { 0 };
  xmlSAXHandler *sax;
  gboolean well_formed;

  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&initialised, 1);
    }

  if (size > G_MAXINT)
    {
      g_set_error_literal (error, EVIDENT_XML_SCAN_ERROR, EVIDENT_XML_SCAN_ERROR_MALFORMED,
                           _("it is larger than 2 GB"));
      return FALSE;
    }
  if (!check_encoding (data, size, error))
    return FALSE;

  scan.ctxt = xmlCreateMemoryParserCtxt (data, (int) size);
  if (scan.ctxt == NULL)
    {
      g_set_error_literal (error, EVIDENT_XML_SCAN_ERROR, EVIDENT_XML_SCAN_ERROR_MALFORMED,
                           _("it is empty"));
      return FALSE;
    }
  scan.data = data;
  scan.size = size;
  scan.start = start;
  scan.end = end;
  scan.user_data = user_data;

  xmlCtxtUseOptions (scan.ctxt, XML_PARSE_NONET);
  /* Predefined entities in attribute values come through decoded ("&amp;"
   * as "&", not "&#38;"). Nothing else can be expanded: a DTD stops the
   * scan before any entity is declared. */
  scan.ctxt->replaceEntities = 1;
  scan.ctxt->loadsubset = 0;
  scan.ctxt->validate = 0;

  sax = xmlMalloc (sizeof (xmlSAXHandler));
  memset (sax, 0, sizeof (xmlSAXHandler));
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = start_element_cb;
  sax->endElementNs = end_element_cb;
  sax->internalSubset = internal_subset_cb;
  sax->entityDecl = entity_decl_cb;
  sax->getEntity = get_entity_cb;
  sax->serror = error_cb;
  xmlFree (scan.ctxt->sax);
  scan.ctxt->sax = sax;
  scan.ctxt->userData = &scan;

  xmlParseDocument (scan.ctxt);
  well_formed = scan.ctxt->wellFormed;
  xmlFreeParserCtxt (scan.ctxt);

  if (scan.error != NULL)
    {
      g_free (scan.first_error);
      g_propagate_error (error, scan.error);
      return FALSE;
    }
  if (!well_formed || scan.first_error != NULL)
    {
      g_set_error_literal (error, EVIDENT_XML_SCAN_ERROR, EVIDENT_XML_SCAN_ERROR_MALFORMED,
                           scan.first_error ? scan.first_error
                                            : _("its markup is not well-formed"));
      g_free (scan.first_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * evident_xml_element_get_attribute:
 * @name: the attribute's local name
 * @uri: (nullable): its namespace; %NULL for an attribute without prefix
 *
 * Returns: (transfer full) (nullable): the value, entities resolved
 */
char *
evident_xml_element_get_attribute (const EvidentXmlElement *element,
                                   const char              *name,
                                   const char              *uri)
{
  for (int i = 0; i < element->n_attributes; i++)
    {
      const guchar **attribute = element->attributes + 5 * i;

      if (strcmp ((const char *) attribute[0], name) != 0)
        continue;
      if (g_strcmp0 ((const char *) attribute[2], uri) != 0)
        continue;
      return g_strndup ((const char *) attribute[3], attribute[4] - attribute[3]);
    }
  return NULL;
}

gboolean
evident_xlsx_is_main_ns (const char *uri)
{
  return g_strcmp0 (uri, EVIDENT_XLSX_NS_MAIN) == 0
         || g_strcmp0 (uri, EVIDENT_XLSX_NS_MAIN_STRICT) == 0;
}

/**
 * evident_xml_element_is:
 *
 * Returns: whether @element is SpreadsheetML's element @name
 */
gboolean
evident_xml_element_is (const EvidentXmlElement *element,
                        const char              *name)
{
  return strcmp (element->name, name) == 0 && evident_xlsx_is_main_ns (element->uri);
}

/**
 * evident_xml_append_escaped:
 * @attribute: escape for an attribute value in double quotes
 *
 * Appends @text with &, < and > (and " in attributes) escaped.
 */
void
evident_xml_append_escaped (GString    *out,
                            const char *text,
                            gboolean    attribute)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, attribute ? "&quot;" : "\"");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
}

/**
 * evident_xlsx_text_fits_cell:
 *
 * Returns: whether a cell can hold @text: Excel takes at most 32,767
 *   characters, counted in UTF-16 code units
 */
gboolean
evident_xlsx_text_fits_cell (const char *text)
{
  gsize length = 0;

  if (strlen (text) <= EVIDENT_XLSX_MAX_CELL_TEXT)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    length += g_utf8_get_char (p) >= 0x10000 ? 2 : 1;
  return length <= EVIDENT_XLSX_MAX_CELL_TEXT;
}
