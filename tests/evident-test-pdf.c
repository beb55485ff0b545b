/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "evident-test-pdf.h"

/*
 * A PDF writer small enough to read: objects are appended with their
 * offsets, and the cross-reference table and trailer close the file. The
 * hostile files below are built with it.
 */

struct _EvidentTestPdf
{
  GString *out;
  GArray  *offsets;   /* gsize per object number; 0 = not written */
};

EvidentTestPdf *
evident_test_pdf_new (void)
{
  EvidentTestPdf *pdf = g_new0 (EvidentTestPdf, 1);
  gsize none = 0;

  pdf->out = g_string_new ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
  pdf->offsets = g_array_new (FALSE, TRUE, sizeof (gsize));
  g_array_append_val (pdf->offsets, none);   /* object 0 */

  return pdf;
}

/* Returns: a new object number, to refer to before the object is written */
guint
evident_test_pdf_reserve (EvidentTestPdf *pdf)
{
  gsize none = 0;

  g_array_append_val (pdf->offsets, none);
  return pdf->offsets->len - 1;
}

static void
begin_object (EvidentTestPdf *pdf,
              guint           number)
{
  g_assert (number > 0 && number < pdf->offsets->len);
  g_array_index (pdf->offsets, gsize, number) = pdf->out->len;
  g_string_append_printf (pdf->out, "%u 0 obj\n", number);
}

void
evident_test_pdf_add_object (EvidentTestPdf *pdf,
                             guint           number,
                             const char     *body)
{
  begin_object (pdf, number);
  g_string_append (pdf->out, body);
  g_string_append (pdf->out, "\nendobj\n");
}

/* @dictionary: the stream dictionary's entries besides /Length */
void
evident_test_pdf_add_stream (EvidentTestPdf *pdf,
                             guint           number,
                             const char     *dictionary,
                             const void     *data,
                             gsize           length)
{
  begin_object (pdf, number);
  g_string_append_printf (pdf->out, "<< %s /Length %" G_GSIZE_FORMAT " >>\nstream\n",
                          dictionary != NULL ? dictionary : "", length);
  g_string_append_len (pdf->out, data, length);
  g_string_append (pdf->out, "\nendstream\nendobj\n");
}

GBytes *
evident_test_pdf_finish (EvidentTestPdf *pdf,
                         guint           root)
{
  gsize xref = pdf->out->len;
  GBytes *bytes;

  g_string_append_printf (pdf->out, "xref\n0 %u\n0000000000 65535 f \n", pdf->offsets->len);
  for (guint i = 1; i < pdf->offsets->len; i++)
    g_string_append_printf (pdf->out, "%010" G_GSIZE_FORMAT " 00000 n \n",
                            g_array_index (pdf->offsets, gsize, i));
  g_string_append_printf (pdf->out,
                          "trailer\n<< /Size %u /Root %u 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          pdf->offsets->len, root, xref);

  bytes = g_string_free_to_bytes (pdf->out);
  g_array_unref (pdf->offsets);
  g_free (pdf);

  return bytes;
}

/* A one-page document (US Letter) with a content stream already encoded
 * as @dictionary says. */
static GBytes *
one_page_with_stream (const char *dictionary,
                      const void *content,
                      gsize       length,
                      const char *resources)
{
  EvidentTestPdf *pdf = evident_test_pdf_new ();
  guint catalog = evident_test_pdf_reserve (pdf);
  guint pages = evident_test_pdf_reserve (pdf);
  guint page = evident_test_pdf_reserve (pdf);
  guint contents = evident_test_pdf_reserve (pdf);
  g_autofree char *catalog_body = g_strdup_printf ("<< /Type /Catalog /Pages %u 0 R >>", pages);
  g_autofree char *pages_body = g_strdup_printf ("<< /Type /Pages /Kids [%u 0 R] /Count 1 >>", page);
  g_autofree char *page_body = NULL;

  page_body = g_strdup_printf ("<< /Type /Page /Parent %u 0 R /MediaBox [0 0 612 792] "
                               "/Resources << %s >> /Contents %u 0 R >>",
                               pages, resources != NULL ? resources : "", contents);

  evident_test_pdf_add_object (pdf, catalog, catalog_body);
  evident_test_pdf_add_object (pdf, pages, pages_body);
  evident_test_pdf_add_object (pdf, page, page_body);
  evident_test_pdf_add_stream (pdf, contents, dictionary, content, length);

  return evident_test_pdf_finish (pdf, catalog);
}

/**
 * evident_test_pdf_one_page:
 * @content: the page's content stream, uncompressed
 * @resources: (nullable): the entries of its resource dictionary
 */
GBytes *
evident_test_pdf_one_page (const char *content,
                           const char *resources)
{
  return one_page_with_stream (NULL, content, strlen (content), resources);
}

/* @depth graphics states saved one inside the other, then a rectangle and
 * as many restores: each save copies the state, so memory grows with the
 * depth (a million took 1.5 GB in poppler). */
GBytes *
evident_test_pdf_deep_nesting (guint depth)
{
  GString *content = g_string_sized_new (depth * 4 + 64);
  GBytes *bytes;

  for (guint i = 0; i < depth; i++)
    g_string_append (content, "q\n");
  g_string_append (content, "0 0 1 rg 100 100 200 200 re f\n");
  for (guint i = 0; i < depth; i++)
    g_string_append (content, "Q\n");

  bytes = one_page_with_stream (NULL, content->str, content->len, NULL);
  g_string_free (content, TRUE);
  return bytes;
}

/* An image mask of @width × @height pixels, all white, in CCITT Group 4:
 * one bit per row ("vertical 0", the same as the row above), so a few
 * kilobytes declare gigapixels. */
GBytes *
evident_test_pdf_huge_image (guint width,
                             guint height)
{
  EvidentTestPdf *pdf = evident_test_pdf_new ();
  guint catalog = evident_test_pdf_reserve (pdf);
  guint pages = evident_test_pdf_reserve (pdf);
  guint page = evident_test_pdf_reserve (pdf);
  guint contents = evident_test_pdf_reserve (pdf);
  guint image = evident_test_pdf_reserve (pdf);
  gsize n_bytes = (height + 7) / 8;
  g_autofree guint8 *rows = g_malloc (n_bytes);
  g_autofree char *body = NULL;
  g_autofree char *dictionary = NULL;
  static const char draw[] = "q 0 0 0 rg 400 0 0 400 100 200 cm /Im1 Do Q\n";

  memset (rows, 0xff, n_bytes);

  body = g_strdup_printf ("<< /Type /Catalog /Pages %u 0 R >>", pages);
  evident_test_pdf_add_object (pdf, catalog, body);
  g_free (body);
  body = g_strdup_printf ("<< /Type /Pages /Kids [%u 0 R] /Count 1 >>", page);
  evident_test_pdf_add_object (pdf, pages, body);
  g_free (body);
  body = g_strdup_printf ("<< /Type /Page /Parent %u 0 R /MediaBox [0 0 612 792] "
                          "/Resources << /XObject << /Im1 %u 0 R >> >> /Contents %u 0 R >>",
                          pages, image, contents);
  evident_test_pdf_add_object (pdf, page, body);
  evident_test_pdf_add_stream (pdf, contents, NULL, draw, strlen (draw));

  dictionary = g_strdup_printf ("/Type /XObject /Subtype /Image /Width %u /Height %u "
                                "/ImageMask true /BitsPerComponent 1 /Filter /CCITTFaxDecode "
                                "/DecodeParms << /K -1 /Columns %u /Rows %u >>",
                                width, height, width, height);
  evident_test_pdf_add_stream (pdf, image, dictionary, rows, n_bytes);

  return evident_test_pdf_finish (pdf, catalog);
}

/* Deflate, by hand: bits go out least significant first, Huffman codes
 * most significant first (RFC 1951, 3.1.1). */
typedef struct
{
  GByteArray *out;
  guint32     bits;
  guint       n_bits;
} BitWriter;

static void
put_bits (BitWriter *w,
          guint32    value,
          guint      n_bits)
{
  for (guint i = 0; i < n_bits; i++)
    {
      w->bits |= ((value >> i) & 1) << w->n_bits;
      if (++w->n_bits == 8)
        {
          guint8 byte = w->bits;

          g_byte_array_append (w->out, &byte, 1);
          w->bits = 0;
          w->n_bits = 0;
        }
    }
}

static void
put_code (BitWriter *w,
          guint32    code,
          guint      length)
{
  for (guint i = length; i > 0; i--)
    put_bits (w, (code >> (i - 1)) & 1, 1);
}

#define ADLER_MOD 65521

/* Adler-32 of @n bytes, all @byte. */
static guint32
adler32_run (guint64 n,
             guint8  byte)
{
  guint64 a = (1 + (n % ADLER_MOD) * byte) % ADLER_MOD;
  guint64 sum;   /* n (n + 1) / 2 */

  if (n % 2 == 0)
    sum = ((n / 2) % ADLER_MOD) * ((n + 1) % ADLER_MOD) % ADLER_MOD;
  else
    sum = (n % ADLER_MOD) * (((n + 1) / 2) % ADLER_MOD) % ADLER_MOD;

  return (guint32) ((((n % ADLER_MOD) + byte * sum) % ADLER_MOD) << 16 | a);
}

/* A zlib stream of spaces, about @inflated_size of them, 1,032 to a byte:
 * one dynamic Huffman block where "copy 258 bytes from 1 back" takes one
 * bit and its distance another. */
static GByteArray *
space_bomb (guint64  inflated_size,
            guint64 *out_size)
{
  /* Code lengths in the order RFC 1951 sends them: 16, 17, 18, 0, 8, 7,
   * 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1. Used: 18 (1 bit), 1 and 2
   * (2 bits each). */
  static const guint8 cl_lengths[18] = { 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2 };
  guint64 repeats = inflated_size > 1 ? (inflated_size - 1) / 258 : 1;
  guint8 header[2] = { 0x78, 0x01 };
  BitWriter w = { g_byte_array_sized_new (repeats / 4 + 64), 0, 0 };
  guint32 adler;

  g_byte_array_append (w.out, header, 2);

  put_bits (&w, 1, 1);          /* last block */
  put_bits (&w, 2, 2);          /* dynamic Huffman codes */
  put_bits (&w, 286 - 257, 5);  /* literal/length codes up to 285 */
  put_bits (&w, 0, 5);          /* one distance code */
  put_bits (&w, 18 - 4, 4);     /* 18 code length codes */
  for (guint i = 0; i < 18; i++)
    put_bits (&w, cl_lengths[i], 3);

  /* Canonical code-length codes: 18 = 0, 1 = 10, 2 = 11. Literal/length
   * lengths: 32 zeros, ' ' 2, 223 zeros, end of block 2, 28 zeros, 285 1;
   * then the distance code 0: 1. */
#define ZEROS(n) (put_code (&w, 0, 1), put_bits (&w, (n) - 11, 7))
  ZEROS (32);
  put_code (&w, 3, 2);
  ZEROS (138);
  ZEROS (85);
  put_code (&w, 3, 2);
  ZEROS (28);
  put_code (&w, 2, 2);
  put_code (&w, 2, 2);
#undef ZEROS

  /* Canonical literal/length codes: 285 = 0, ' ' = 10, end = 11. */
  put_code (&w, 2, 2);
  for (guint64 i = 0; i < repeats; i++)
    put_bits (&w, 0, 2);        /* length 258, distance 1 */
  put_code (&w, 3, 2);
  if (w.n_bits > 0)
    put_bits (&w, 0, 8 - w.n_bits);

  *out_size = 1 + repeats * 258;
  adler = adler32_run (*out_size, ' ');
  for (int shift = 24; shift >= 0; shift -= 8)
    {
      guint8 byte = adler >> shift;

      g_byte_array_append (w.out, &byte, 1);
    }

  return w.out;
}

/* A page whose content stream inflates to @inflated_size bytes of white
 * space: little memory, but a parser reads every byte. */
GBytes *
evident_test_pdf_flate_bomb (guint64 inflated_size)
{
  guint64 size;
  g_autoptr(GByteArray) stream = space_bomb (inflated_size, &size);

  return one_page_with_stream ("/Filter /FlateDecode", stream->data, stream->len, NULL);
}

/* @n_pages pages in a tree of nodes of up to 1,000 pages each, all
 * showing the same small content stream. */
GBytes *
evident_test_pdf_many_pages (guint n_pages)
{
  EvidentTestPdf *pdf = evident_test_pdf_new ();
  guint catalog = evident_test_pdf_reserve (pdf);
  guint root = evident_test_pdf_reserve (pdf);
  guint contents = evident_test_pdf_reserve (pdf);
  guint n_nodes = (n_pages + 999) / 1000;
  g_autoptr(GString) kids = g_string_new (NULL);
  g_autofree char *body = NULL;
  static const char draw[] = "0.2 0.4 0.8 rg 72 500 300 200 re f\n";

  body = g_strdup_printf ("<< /Type /Catalog /Pages %u 0 R >>", root);
  evident_test_pdf_add_object (pdf, catalog, body);
  g_clear_pointer (&body, g_free);
  evident_test_pdf_add_stream (pdf, contents, NULL, draw, strlen (draw));

  for (guint node = 0; node < n_nodes; node++)
    {
      guint number = evident_test_pdf_reserve (pdf);
      guint count = MIN (1000, n_pages - node * 1000);
      g_autoptr(GString) node_body = g_string_new (NULL);
      guint first = pdf->offsets->len;

      g_string_append_printf (kids, "%u 0 R ", number);
      g_string_append (node_body, "<< /Type /Pages /Kids [");
      for (guint i = 0; i < count; i++)
        g_string_append_printf (node_body, "%u 0 R ", first + i);
      g_string_append_printf (node_body, "] /Count %u /Parent %u 0 R >>", count, root);
      evident_test_pdf_add_object (pdf, number, node_body->str);

      for (guint i = 0; i < count; i++)
        {
          char page[96];

          g_assert (evident_test_pdf_reserve (pdf) == first + i);
          g_snprintf (page, sizeof page, "<< /Type /Page /Parent %u 0 R /Contents %u 0 R >>",
                      number, contents);
          evident_test_pdf_add_object (pdf, first + i, page);
        }
    }

  body = g_strdup_printf ("<< /Type /Pages /Kids [%s] /Count %u /MediaBox [0 0 612 792] "
                          "/Resources << >> >>", kids->str, n_pages);
  evident_test_pdf_add_object (pdf, root, body);

  return evident_test_pdf_finish (pdf, catalog);
}
