/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Which cells show dates: a cell's style (its "s" attribute) indexes the
 * cell formats of xl/styles.xml (<cellXfs>), whose number format is either
 * built in (14 is a short date) or a custom code (<numFmts>), recognised as
 * a date or time by its letters. And numbers as text: the shortest form
 * that reads back the same, or an ISO date in the workbook's date system;
 * and, for formats of digits only (`0.00`, `000`, `#,##0.0#`), the text
 * the spreadsheet shows, when that is the same number written longer
 * (1.1 shown as 1.10, 7 as 007). */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "evident-xlsx-private.h"

/* The serial number of 9999-12-31 + 1 in the 1900 system: Excel's last date. */
#define MAX_SERIAL 2958466.0
/* Below this, an integral number prints as an integer, exactly. */
#define MAX_EXACT_INTEGER 1e15
/* The most digits a format of digits may ask for before or after the point. */
#define MAX_FORMAT_DIGITS 15

struct _EvidentXlsxStyles
{
  GArray     *xf_formats; /* of guint, the number format of each cell format */
  GHashTable *custom;     /* numFmtId → EvidentXlsxFormat */
  GHashTable *digits;     /* numFmtId → Digits packed as a guint, for formats of digits */
};

/* A format of digits, as `0.00`, `000` or `#,##0.0#`: the fewest digits
 * before the point, the fewest and the most after it. Packed into a guint
 * with a bit that says it is one. */
typedef struct
{
  guint    min_integer;
  guint    min_decimals;
  guint    max_decimals;
  gboolean point;    /* the format has a point: shown even with no decimals */
  gboolean grouped;  /* thousands are separated */
  gboolean sections; /* the format has sections for negatives, zero, text */
} Digits;

#define DIGITS_VALID (1u << 31)

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

static guint
digits_pack (const Digits *digits)
{
  return DIGITS_VALID | digits->min_integer | digits->min_decimals << 5 |
         digits->max_decimals << 10 | (guint) digits->point << 15 |
         (guint) digits->grouped << 16 | (guint) digits->sections << 17;
}

static void
digits_unpack (guint packed, Digits *digits)
{
  digits->min_integer = packed & 0x1f;
  digits->min_decimals = packed >> 5 & 0x1f;
  digits->max_decimals = packed >> 10 & 0x1f;
  digits->point = packed >> 15 & 1;
  digits->grouped = packed >> 16 & 1;
  digits->sections = packed >> 17 & 1;
}

/* Reads a format code's first section as a format of digits: `0`, `#`, one
 * `.`, and `,` between digits (a `,` after them would scale the number).
 * Returns it packed, or 0 for any other format. */
static guint
parse_digits (const char *code)
{
  Digits      digits = { 0 };
  gboolean    any = FALSE;
  const char *p;

  for (p = code; *p != '\0' && *p != ';'; p++)
    {
      switch (*p)
        {
        case '0':
          if (!digits.point)
            digits.min_integer++;
          else if (digits.max_decimals > digits.min_decimals)
            return 0; /* `0.#0` */
          else
            {
              digits.min_decimals++;
              digits.max_decimals++;
            }
          any = TRUE;
          break;
        case '#':
          if (digits.point)
            digits.max_decimals++;
          any = TRUE;
          break;
        case '.':
          if (digits.point)
            return 0;
          digits.point = TRUE;
          break;
        case ',':
          if (!any || digits.point || (p[1] != '0' && p[1] != '#'))
            return 0;
          digits.grouped = TRUE;
          break;
        default:
          return 0;
        }
    }
  if (!any || digits.min_integer > MAX_FORMAT_DIGITS || digits.max_decimals > MAX_FORMAT_DIGITS)
    return 0;
  digits.sections = *p == ';';
  return digits_pack (&digits);
}

/* The built-in formats of digits: 0, 0.00, #,##0, #,##0.00. */
static guint
builtin_digits (guint id)
{
  static const char *const codes[] = { NULL, "0", "0.00", "#,##0", "#,##0.00" };

  return id < G_N_ELEMENTS (codes) && codes[id] != NULL ? parse_digits (codes[id]) : 0;
}

/* Public API */

EvidentXlsxStyles *
evident_xlsx_styles_new (void)
{
  EvidentXlsxStyles *self = g_new0 (EvidentXlsxStyles, 1);

  self->xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  self->custom = g_hash_table_new (NULL, NULL);
  self->digits = g_hash_table_new (NULL, NULL);
  return self;
}

void
evident_xlsx_styles_free (EvidentXlsxStyles *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->xf_formats);
  g_hash_table_unref (self->custom);
  g_hash_table_unref (self->digits);
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
            {
              g_hash_table_insert (self->custom, GUINT_TO_POINTER (format),
                                   GINT_TO_POINTER (evident_xlsx_format_classify (code)));
              g_hash_table_insert (self->digits, GUINT_TO_POINTER (format),
                                   GUINT_TO_POINTER (parse_digits (code)));
            }
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
 * evident_xlsx_styles_show_number:
 * @style: a number cell's "s" attribute
 * @value: the cell's <v>, e.g. "1.1"
 *
 * How a spreadsheet shows the number when its format is one of digits:
 * `0.00` shows 1.1 as "1.10", `000` shows 7 as "007". Only a text that
 * reads back as the same number is given: a format that rounds, or that
 * separates thousands (which the reader's locale decides), shows what
 * cannot be told from here.
 *
 * Returns: (transfer full) (nullable): the text shown, or %NULL when the
 *   format is not one of digits, or the text is not the number exactly
 */
char *
evident_xlsx_styles_show_number (EvidentXlsxStyles *self,
                                 guint              style,
                                 const char        *value)
{
  guint    format;
  gpointer packed = NULL;

  if (self == NULL || style >= self->xf_formats->len)
    return NULL;

  format = g_array_index (self->xf_formats, guint, style);
  if (!g_hash_table_lookup_extended (self->digits, GUINT_TO_POINTER (format), NULL, &packed))
    packed = GUINT_TO_POINTER (builtin_digits (format));
  if (GPOINTER_TO_UINT (packed) == 0)
    return NULL;
  return evident_xlsx_format_digits (value, GPOINTER_TO_UINT (packed));
}

/**
 * evident_xlsx_format_digits:
 * @value: a number, as a cell's <v>
 * @packed: a format of digits, as evident_xlsx_parse_digits() gives it
 *
 * Returns: (transfer full) (nullable): @value as the format shows it, or
 *   %NULL when that is not @value exactly
 */
char *
evident_xlsx_format_digits (const char *value,
                            guint       packed)
{
  g_autoptr (GString) shown = g_string_new (NULL);
  Digits      digits;
  double      number;
  char       *end;
  char        printf_format[8];
  char        buffer[G_ASCII_DTOSTR_BUF_SIZE + MAX_FORMAT_DIGITS];
  const char *point;
  gsize       n_integer;
  gsize       n_decimals;

  if ((packed & DIGITS_VALID) == 0)
    return NULL;
  digits_unpack (packed, &digits);

  number = g_ascii_strtod (value, &end);
  if (end == value || *end != '\0' || !isfinite (number) || fabs (number) >= MAX_EXACT_INTEGER)
    return NULL;
  /* Other sections may show negatives and zero otherwise. */
  if (digits.sections && number <= 0)
    return NULL;

  g_snprintf (printf_format, sizeof printf_format, "%%.%uf", digits.max_decimals);
  g_ascii_formatd (buffer, sizeof buffer, printf_format, fabs (number));
  point = strchr (buffer, '.');
  n_integer = point != NULL ? (gsize) (point - buffer) : strlen (buffer);
  n_decimals = point != NULL ? strlen (point + 1) : 0;
  while (n_decimals > digits.min_decimals && point[n_decimals] == '0')
    n_decimals--;

  if (digits.grouped && n_integer > 3)
    return NULL;
  if (number < 0)
    g_string_append_c (shown, '-');
  for (gsize i = n_integer; i < digits.min_integer; i++)
    g_string_append_c (shown, '0');
  if (!(n_integer == 1 && buffer[0] == '0' && digits.min_integer == 0))
    g_string_append_len (shown, buffer, n_integer);
  if (digits.point)
    g_string_append_c (shown, '.');
  if (n_decimals > 0)
    g_string_append_len (shown, point + 1, n_decimals);

  if (shown->len == 0 || g_ascii_strtod (shown->str, NULL) != number)
    return NULL;
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

/**
 * evident_xlsx_parse_digits:
 * @code: a number format's code, e.g. "0.00"
 *
 * Returns: the format of digits @code is, for
 *   evident_xlsx_format_digits(), or 0 when it is another format
 */
guint
evident_xlsx_parse_digits (const char *code)
{
  return parse_digits (code);
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
