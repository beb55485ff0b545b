/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Safe streaming XML over one part of a workbook.
 *
 * libxml2's reader pulls the part through evident_xlsx_stream_read(), so a
 * sheet never sits in memory whole, neither as text nor as a tree. Network
 * access is off and entities are not substituted (no XML_PARSE_NOENT, no
 * DTD loading). Workbooks never have a document type declaration, and one
 * is where entity bombs and external entities live: the bytes before the
 * root element are scanned for "<!DOCTYPE" before libxml2 sees them, and a
 * document type or entity node that gets past the scan (another encoding)
 * is refused too. Errors name the file, the part and the line. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "evident-xlsx-private.h"

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_COMPACT)

static const char doctype[] = "<!DOCTYPE";

struct _EvidentXlsxXml
{
  xmlTextReaderPtr   reader;
  EvidentXlsxStream *stream;
  char              *display_name;
  char              *place;

  /* The scan of the prolog for a document type declaration. */
  gboolean           in_prolog;
  gboolean           after_lt;
  guint              matched;
  gboolean           unsafe;

  /* The first error libxml2 reports, fatal ones first. */
  char              *xml_message;
  int                xml_line;
  int                xml_level;
};

/* Helpers */

static void
init_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/* Whether the bytes before the root element are free of "<!DOCTYPE". */
static gboolean
scan_prolog (EvidentXlsxXml *self, const char *buffer, int len)
{
  for (int i = 0; i < len && self->in_prolog; i++)
    {
      char c = buffer[i];

      if (self->after_lt)
        {
          self->after_lt = FALSE;
          /* Not a declaration, comment or instruction: the root element. */
          if (c != '!' && c != '?')
            self->in_prolog = FALSE;
        }
      if (c == doctype[self->matched])
        {
          if (++self->matched == strlen (doctype))
            return FALSE;
        }
      else
        self->matched = c == '<' ? 1 : 0;
      if (c == '<')
        self->after_lt = TRUE;
    }
  return TRUE;
}

static int
read_cb (void *context, char *buffer, int len)
{
  EvidentXlsxXml *self = context;
  int             n = evident_xlsx_stream_read (self->stream, buffer, len);

  if (n > 0 && self->in_prolog && !scan_prolog (self, buffer, n))
    {
      self->unsafe = TRUE;
      return -1;
    }
  return n;
}

static void
error_cb (void *context, xmlErrorPtr xml_error)
{
  EvidentXlsxXml *self = context;

  if (xml_error->level < XML_ERR_ERROR
      || (self->xml_message != NULL && self->xml_level >= (int) xml_error->level))
    return;

  g_free (self->xml_message);
  /* One line, for a message: libxml2 breaks some of its own. */
  self->xml_message = g_strstrip (g_strdelimit (g_strdup (xml_error->message != NULL
                                                              ? xml_error->message
                                                              : ""),
                                                "\r\n", ' '));
  self->xml_line = xml_error->line;
  self->xml_level = xml_error->level;
}

static void
set_unsafe (EvidentXlsxXml *self, GError **error)
{
  g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_UNSAFE,
               _("“%s” cannot be read safely: %s contains a document type declaration, "
                 "which workbooks never do. It may be crafted to harm your computer, so "
                 "it is not read."),
               self->display_name, self->place);
}

static void
set_read_error (EvidentXlsxXml *self, GError **error)
{
  const GError *stream_error = evident_xlsx_stream_get_error (self->stream);

  if (stream_error != NULL)
    g_propagate_error (error, g_error_copy (stream_error));
  else if (self->unsafe)
    set_unsafe (self, error);
  else
    g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_MALFORMED,
                 _("“%s” is damaged: %s is not well-formed XML at line %d (%s). Open it in "
                   "your spreadsheet program and save it again."),
                 self->display_name, self->place,
                 self->xml_message != NULL ? self->xml_line
                                           : xmlTextReaderGetParserLineNumber (self->reader),
                 self->xml_message != NULL ? self->xml_message : "unexpected end");
}

/* Public API */

/**
 * evident_xlsx_xml_new:
 * @stream: the part to read, as the archive hands it
 * @place: the part, for messages: "sheet “Security” (xl/worksheets/sheet1.xml)"
 */
EvidentXlsxXml *
evident_xlsx_xml_new (EvidentXlsxStream *stream,
                      const char        *display_name,
                      const char        *place)
{
  EvidentXlsxXml *self = g_new0 (EvidentXlsxXml, 1);

  init_libxml ();
  self->stream = stream;
  self->display_name = g_strdup (display_name);
  self->place = g_strdup (place);
  self->in_prolog = TRUE;
  self->reader = xmlReaderForIO (read_cb, NULL, self, NULL, NULL, XML_OPTIONS);
  if (self->reader == NULL)
    g_error ("Out of memory for an XML reader");
  xmlTextReaderSetStructuredErrorHandler (self->reader, error_cb, self);
  return self;
}

void
evident_xlsx_xml_free (EvidentXlsxXml *self)
{
  if (self == NULL)
    return;

  xmlFreeTextReader (self->reader);
  g_free (self->display_name);
  g_free (self->place);
  g_free (self->xml_message);
  g_free (self);
}

xmlTextReaderPtr
evident_xlsx_xml_get_reader (EvidentXlsxXml *self)
{
  return self->reader;
}

/**
 * evident_xlsx_xml_read:
 *
 * Moves to the next node.
 *
 * Returns: 1 on a node, 0 at the end of the part, -1 with @error set
 */
int
evident_xlsx_xml_read (EvidentXlsxXml *self,
                       GError        **error)
{
  int r = xmlTextReaderRead (self->reader);

  if (r < 0 || (r == 0 && self->xml_level >= XML_ERR_FATAL))
    {
      set_read_error (self, error);
      return -1;
    }
  if (r == 0)
    return 0;

  switch (xmlTextReaderNodeType (self->reader))
    {
    case XML_READER_TYPE_DOCUMENT_TYPE:
    case XML_READER_TYPE_ENTITY:
    case XML_READER_TYPE_ENTITY_REFERENCE:
    case XML_READER_TYPE_NOTATION:
      set_unsafe (self, error);
      return -1;
    default:
      return 1;
    }
}

gboolean
evident_xlsx_xml_is_element (EvidentXlsxXml *self,
                             const char     *name)
{
  return xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_ELEMENT
         && strcmp ((const char *) xmlTextReaderConstLocalName (self->reader), name) == 0;
}

gboolean
evident_xlsx_xml_is_end_element (EvidentXlsxXml *self,
                                 const char     *name)
{
  return xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_END_ELEMENT
         && strcmp ((const char *) xmlTextReaderConstLocalName (self->reader), name) == 0;
}

/**
 * evident_xlsx_xml_dup_attribute:
 *
 * Returns: (transfer full) (nullable): the value of the current element's
 *   attribute @name (without a namespace)
 */
char *
evident_xlsx_xml_dup_attribute (EvidentXlsxXml *self,
                                const char     *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (self->reader, (const xmlChar *) name);
  char    *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/**
 * evident_xlsx_xml_dup_rel_id:
 *
 * Returns: (transfer full) (nullable): the current element's r:id, the
 *   "id" attribute in a relationships namespace (transitional or strict)
 */
char *
evident_xlsx_xml_dup_rel_id (EvidentXlsxXml *self)
{
  char *id = NULL;

  for (int r = xmlTextReaderMoveToFirstAttribute (self->reader); r == 1 && id == NULL;
       r = xmlTextReaderMoveToNextAttribute (self->reader))
    {
      const char *ns = (const char *) xmlTextReaderConstNamespaceUri (self->reader);

      if (ns != NULL && strstr (ns, "relationships") != NULL
          && strcmp ((const char *) xmlTextReaderConstLocalName (self->reader), "id") == 0)
        id = g_strdup ((const char *) xmlTextReaderConstValue (self->reader));
    }
  xmlTextReaderMoveToElement (self->reader);
  return id;
}

/**
 * evident_xlsx_xml_read_rich_text:
 * @text: where the text goes, appended
 *
 * Reads the rich text of the element at the reader (a shared string <si>
 * or an inline string <is>) up to its end: the <t> of plain text and of
 * every run <r>, leaving out phonetic runs <rPh>, with _xHHHH_ escapes
 * decoded.
 */
gboolean
evident_xlsx_xml_read_rich_text (EvidentXlsxXml *self,
                                 GString        *text,
                                 GError        **error)
{
  int      depth = xmlTextReaderDepth (self->reader);
  int      skip_depth = -1;
  gboolean in_t = FALSE;
  gsize    start = text->len;
  int      r;

  if (xmlTextReaderIsEmptyElement (self->reader))
    return TRUE;

  while ((r = evident_xlsx_xml_read (self, error)) == 1)
    {
      int type = xmlTextReaderNodeType (self->reader);
      int node_depth = xmlTextReaderDepth (self->reader);

      if (skip_depth >= 0)
        {
          if (type == XML_READER_TYPE_END_ELEMENT && node_depth == skip_depth)
            skip_depth = -1;
          continue;
        }
      if (type == XML_READER_TYPE_END_ELEMENT && node_depth == depth)
        break;

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          if (evident_xlsx_xml_is_element (self, "rPh")
              && !xmlTextReaderIsEmptyElement (self->reader))
            skip_depth = node_depth;
          else if (evident_xlsx_xml_is_element (self, "t"))
            in_t = !xmlTextReaderIsEmptyElement (self->reader);
          break;
        case XML_READER_TYPE_END_ELEMENT:
          if (evident_xlsx_xml_is_end_element (self, "t"))
            in_t = FALSE;
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (in_t)
            g_string_append (text, (const char *) xmlTextReaderConstValue (self->reader));
          break;
        default:
          break;
        }
    }
  if (r < 0)
    return FALSE;
  if (r == 0)
    {
      set_read_error (self, error);
      return FALSE;
    }

  if (strstr (text->str + start, "_x") != NULL)
    {
      g_autoptr (GString) tail = g_string_new (text->str + start);

      evident_xlsx_unescape (tail);
      g_string_truncate (text, start);
      g_string_append_len (text, tail->str, tail->len);
    }
  return TRUE;
}

static int
hex_value (char c)
{
  return g_ascii_xdigit_value (c);
}

/**
 * evident_xlsx_unescape:
 *
 * Decodes the escapes with which spreadsheets write characters XML cannot
 * hold or would normalise: `_x000D_` is a carriage return, `_x005F_` an
 * underscore (so `_x005F_x000D_` reads `_x000D_`). Escapes of NUL or of
 * what is not a character are left as they are.
 */
void
evident_xlsx_unescape (GString *text)
{
  gsize out = 0;

  for (gsize in = 0; in < text->len;)
    {
      const char *p = text->str + in;

      if (in + 7 <= text->len && p[0] == '_' && p[1] == 'x' && p[6] == '_'
          && hex_value (p[2]) >= 0 && hex_value (p[3]) >= 0 && hex_value (p[4]) >= 0
          && hex_value (p[5]) >= 0)
        {
          gunichar c = hex_value (p[2]) << 12 | hex_value (p[3]) << 8 | hex_value (p[4]) << 4
                       | hex_value (p[5]);

          if (c != 0 && g_unichar_validate (c))
            {
              char utf8[6];
              int  n = g_unichar_to_utf8 (c, utf8);

              /* At most 3 bytes for 7 read: the text only shrinks. */
              memcpy (text->str + out, utf8, n);
              out += n;
              in += 7;
              continue;
            }
        }
      text->str[out++] = text->str[in++];
    }
  g_string_truncate (text, out);
}
