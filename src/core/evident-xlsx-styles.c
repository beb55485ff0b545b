/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Which cells show dates: a cell's style (its "s" attribute) indexes the
 * cell formats of xl/styles.xml (<cellXfs>), whose number format is either
 * built in (14 is a short date) or a custom code (<numFmts>), recognised as
 * a date or time by its letters. And numbers as text: the shortest form
 * that reads back the same, or an ISO date in the workbook's date system. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "evident-xlsx-private.h"

/* The serial number of 9999-12-31 + 1 in the 1900 system: Excel's last date. */
#define MAX_SERIAL 2958466.0
/* Below this, an integral number prints as an integer, exactly. */
#define MAX_EXACT_INTEGER 1e15

struct _EvidentXlsxStyles
{
  GArray     *xf_formats; /* of guint, the number format of each cell format */
  GHashTable *custom;     /* numFmtId → EvidentXlsxFormat */
};

/* Helpers */

static gboolean
parse_uint (const char *text, guint *value)
{
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &v, NULL))
    return FALSE;
  *value = v;
  return TRUE;
}

/* Whether the bracketed part of a format code is an elapsed time: [h], [mm], [ss]. */
static gboolean
is_elapsed (const char *start, const char *end)
{
  if (start == end)
    return FALSE;
  for (const char *p = start; p < end; p++)
    if (g_ascii_tolower (*p) != g_ascii_tolower (*start) || strchr ("hHmMsS", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* Public API */

EvidentXlsxStyles *
evident_xlsx_styles_new (void)
{
  EvidentXlsxStyles *self = g_new0 (EvidentXlsxStyles, 1);

  self->xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  self->custom = g_hash_table_new (NULL, NULL);
  return self;
}

void
evident_xlsx_styles_free (EvidentXlsxStyles *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->xf_formats);
  g_hash_table_unref (self->custom);
  g_free (self);
}

gboolean
evident_xlsx_styles_parse (EvidentXlsxStyles *self,
                           EvidentXlsxXml    *xml,
                           GError           **error)
{
  xmlTextReaderPtr reader = evident_xlsx_xml_get_reader (xml);
  gboolean         in_cell_xfs = FALSE;
  int              r;

  while ((r = evident_xlsx_xml_read (xml, error)) == 1)
    {
      if (evident_xlsx_xml_is_element (xml, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (reader);
      else if (evident_xlsx_xml_is_end_element (xml, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && evident_xlsx_xml_is_element (xml, "xf"))
        {
          g_autofree char *id = evident_xlsx_xml_dup_attribute (xml, "numFmtId");
          guint            format = 0;

          parse_uint (id, &format);
          g_array_append_val (self->xf_formats, format);
        }
      else if (evident_xlsx_xml_is_element (xml, "numFmt"))
        {
          g_autofree char *id = evident_xlsx_xml_dup_attribute (xml, "numFmtId");
          g_autofree char *code = evident_xlsx_xml_dup_attribute (xml, "formatCode");
          guint            format;

          if (parse_uint (id, &format) && code != NULL)
            g_hash_table_insert (self->custom, GUINT_TO_POINTER (format),
                                 GINT_TO_POINTER (evident_xlsx_format_classify (code)));
        }
    }
  return r == 0;
}

/**
 * evident_xlsx_styles_get_format:
 * @style: a cell's "s" attribute
 *
 * Returns: what the cell's number format shows a number as
 */
EvidentXlsxFormat
evident_xlsx_styles_get_format (EvidentXlsxStyles *self,
                                guint              style)
{
  gpointer kind;
  guint    format;

  if (self == NULL || style >= self->xf_formats->len)
    return EVIDENT_XLSX_FORMAT_NUMBER;

  format = g_array_index (self->xf_formats, guint, style);
  if (g_hash_table_lookup_extended (self->custom, GUINT_TO_POINTER (format), NULL, &kind))
    return GPOINTER_TO_INT (kind);
  return evident_xlsx_format_builtin (format);
}

/**
 * evident_xlsx_format_builtin:
 * @id: a built-in number format (below 164)
 *
 * Returns: what the built-in format shows a number as; the East Asian
 *   ones (27–36, 50–58) as most locales define them
 */
EvidentXlsxFormat
evident_xlsx_format_builtin (guint id)
{
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36
      || (id >= 50 && id <= 58))
    return EVIDENT_XLSX_FORMAT_DATE;
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47))
    return EVIDENT_XLSX_FORMAT_TIME;
  return EVIDENT_XLSX_FORMAT_NUMBER;
}

/**
 * evident_xlsx_format_classify:
 * @code: a custom number format, e.g. "dd/mm/yyyy\ hh:mm" or "#,##0.00 \"€\""
 *
 * Looks at the letters of the first section outside quotes, escapes and
 * brackets: y or d make a date, h, s, AM/PM or an elapsed [h] a time, m
 * alone (a month) a date.
 *
 * Returns: what the format shows a number as
 */
EvidentXlsxFormat
evident_xlsx_format_classify (const char *code)
{
  gboolean date = FALSE;
  gboolean time = FALSE;
  gboolean month = FALSE;

  if (g_ascii_strcasecmp (code, "General") == 0)
    return EVIDENT_XLSX_FORMAT_NUMBER;

  for (const char *p = code; *p != '\0' && *p != ';'; p++)
    {
      const char *end;

      switch (*p)
        {
        case '"':
          end = strchr (p + 1, '"');
          if (end == NULL)
            return date ? EVIDENT_XLSX_FORMAT_DATE : EVIDENT_XLSX_FORMAT_NUMBER;
          p = end;
          break;
        case '\\':
        case '_':
        case '*':
          if (p[1] == '\0')
            return EVIDENT_XLSX_FORMAT_NUMBER;
          p++;
          break;
        case '[':
          end = strchr (p + 1, ']');
          if (end == NULL)
            return EVIDENT_XLSX_FORMAT_NUMBER;
          time |= is_elapsed (p + 1, end);
          p = end;
          break;
        case 'y': case 'Y': case 'd': case 'D':
          date = TRUE;
          break;
        case 'h': case 'H': case 's': case 'S':
          time = TRUE;
          break;
        case 'm': case 'M':
          month = TRUE;
          break;
        case 'a': case 'A':
          if (g_ascii_strncasecmp (p, "AM/PM", 5) == 0 || g_ascii_strncasecmp (p, "A/P", 3) == 0)
            time = TRUE;
          break;
        default:
          break;
        }
    }

  if (date)
    return EVIDENT_XLSX_FORMAT_DATE;
  if (time)
    return EVIDENT_XLSX_FORMAT_TIME;
  return month ? EVIDENT_XLSX_FORMAT_DATE : EVIDENT_XLSX_FORMAT_NUMBER;
}

static char *
format_date (double serial, EvidentXlsxFormat format, gboolean date1904)
{
  guint    days = (guint) floor (serial);
  guint    seconds = (guint) lround ((serial - floor (serial)) * 86400.0);
  g_autofree char *day = NULL;
  GDate    date;

  if (seconds >= 86400)
    {
      days++;
      seconds -= 86400;
    }

  /* Day 0 of the 1900 system is no date ("1900-01-00"): a time of day. */
  if (format == EVIDENT_XLSX_FORMAT_TIME || (!date1904 && days == 0))
    return g_strdup_printf ("%02u:%02u:%02u", days * 24 + seconds / 3600, seconds / 60 % 60,
                            seconds % 60);

  g_date_clear (&date, 1);
  if (date1904)
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
  else if (days < 60)
    g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1899);
  else
    g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);

  /* Excel's 1900 system counts 1900-02-29, as Lotus 1-2-3 did. */
  if (!date1904 && days == 60)
    day = g_strdup ("1900-02-29");
  else
    {
      g_date_add_days (&date, days);
      day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                             g_date_get_day (&date));
    }

  if (seconds == 0)
    return g_steal_pointer (&day);
  if (seconds % 60 == 0)
    return g_strdup_printf ("%s %02u:%02u", day, seconds / 3600, seconds / 60 % 60);
  return g_strdup_printf ("%s %02u:%02u:%02u", day, seconds / 3600, seconds / 60 % 60,
                          seconds % 60);
}

/**
 * evident_xlsx_format_number:
 * @value: a cell's <v>, e.g. "45444" or "0.10000000000000001"
 * @format: what the cell's number format shows it as
 * @date1904: whether the workbook counts days from 1904
 *
 * Returns: (transfer full) (nullable): the number as text, or %NULL when
 *   @value is not a number
 */
char *
evident_xlsx_format_number (const char        *value,
                            EvidentXlsxFormat  format,
                            gboolean           date1904)
{
  char   *end;
  double  number;
  char    buffer[G_ASCII_DTOSTR_BUF_SIZE];

  while (g_ascii_isspace (*value))
    value++;
  if (*value == '\0')
    return NULL;
  number = g_ascii_strtod (value, &end);
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' || !isfinite (number))
    return NULL;

  if (format != EVIDENT_XLSX_FORMAT_NUMBER && number >= 0 && number < MAX_SERIAL)
    return format_date (number, format, date1904);

  if (number == floor (number) && fabs (number) < MAX_EXACT_INTEGER)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) number);

  /* The shortest of %.1g … %.17g that reads back as the same double. */
  for (int precision = 1; precision <= 17; precision++)
    {
      char printf_format[8];

      g_snprintf (printf_format, sizeof printf_format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, printf_format, number);
      if (g_ascii_strtod (buffer, NULL) == number)
        break;
    }
  return g_strdup (buffer);
}
