/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The shared strings of a workbook (xl/sharedStrings.xml): the text of
 * every cell of type "s", by index. Kept in one pool with an offset per
 * string, so a hostile part of a million empty strings costs no more than
 * its text and an offset each. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-xlsx-private.h"

struct _EvidentXlsxStrings
{
  GString *pool;    /* the strings, each ending in NUL */
  GArray  *offsets; /* of gsize, where each starts in the pool */
};

EvidentXlsxStrings *
evident_xlsx_strings_new (void)
{
  EvidentXlsxStrings *self = g_new0 (EvidentXlsxStrings, 1);

  self->pool = g_string_new (NULL);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  return self;
}

void
evident_xlsx_strings_free (EvidentXlsxStrings *self)
{
  if (self == NULL)
    return;

  g_string_free (self->pool, TRUE);
  g_array_unref (self->offsets);
  g_free (self);
}

/**
 * evident_xlsx_strings_parse:
 * @max_strings: the most strings the part may hold
 *
 * Reads every <si> of the part, in order.
 */
gboolean
evident_xlsx_strings_parse (EvidentXlsxStrings *self,
                            EvidentXlsxXml     *xml,
                            const char         *display_name,
                            guint64             max_strings,
                            GCancellable       *cancellable,
                            GError            **error)
{
  int r;

  while ((r = evident_xlsx_xml_read (xml, error)) == 1)
    {
      gsize offset = self->pool->len;

      if (!evident_xlsx_xml_is_element (xml, "si"))
        continue;
      if (self->offsets->len >= max_strings)
        {
          g_autofree char *limit = g_strdup_printf ("%" G_GUINT64_FORMAT, max_strings);

          g_set_error (error, EVIDENT_XLSX_ERROR, EVIDENT_XLSX_ERROR_TOO_LARGE,
                       _("“%s” is too large to import: it has more than %s shared texts."),
                       display_name, limit);
          return FALSE;
        }

      if (!evident_xlsx_xml_read_rich_text (xml, self->pool, error))
        return FALSE;
      g_string_append_c (self->pool, '\0');
      g_array_append_val (self->offsets, offset);

      if (self->offsets->len % 1024 == 0
          && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  return r == 0;
}

guint
evident_xlsx_strings_get_n (EvidentXlsxStrings *self)
{
  return self->offsets->len;
}

const char *
evident_xlsx_strings_get (EvidentXlsxStrings *self,
                          guint               index)
{
  g_assert (index < self->offsets->len);
  return self->pool->str + g_array_index (self->offsets, gsize, index);
}
