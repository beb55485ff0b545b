/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "evident-test-zip.h"

#define SPREADSHEETML "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define OFFICE_RELS   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PACKAGE_RELS  "http://schemas.openxmlformats.org/package/2006/relationships"

struct _EvidentTestZip
{
  struct archive *writer;
  GByteArray     *data;
};

static la_ssize_t
write_cb (struct archive *writer, void *user_data, const void *buffer, size_t length)
{
  EvidentTestZip *self = user_data;

  g_byte_array_append (self->data, buffer, length);
  return length;
}

/**
 * evident_test_zip_new:
 *
 * Returns: (transfer full): an empty zip archive whose members are deflated
 */
EvidentTestZip *
evident_test_zip_new (void)
{
  EvidentTestZip *self = g_new0 (EvidentTestZip, 1);

  self->data = g_byte_array_new ();
  self->writer = archive_write_new ();
  g_assert_cmpint (archive_write_set_format_zip (self->writer), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_zip_set_compression_deflate (self->writer), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_set_bytes_in_last_block (self->writer, 1), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open2 (self->writer, self, NULL, write_cb, NULL, NULL), ==,
                   ARCHIVE_OK);
  return self;
}

static void
begin_member (EvidentTestZip *self, const char *name, gsize size)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, 1700000000, 0);
  g_assert_cmpint (archive_write_header (self->writer, entry), ==, ARCHIVE_OK);
  archive_entry_free (entry);
}

static void
write_data (EvidentTestZip *self, gconstpointer data, gsize size)
{
  g_assert_cmpint (archive_write_data (self->writer, data, size), ==, (la_ssize_t) size);
}

void
evident_test_zip_add_data (EvidentTestZip *self,
                           const char     *name,
                           gconstpointer   data,
                           gsize           size)
{
  begin_member (self, name, size);
  write_data (self, data, size);
}

void
evident_test_zip_add (EvidentTestZip *self,
                      const char     *name,
                      const char     *text)
{
  evident_test_zip_add_data (self, name, text, strlen (text));
}

/**
 * evident_test_zip_add_repeated:
 *
 * Adds a member made of @head, @n_fill times @fill and @tail, written in
 * pieces: a member that inflates to far more than the archive's size.
 */
void
evident_test_zip_add_repeated (EvidentTestZip *self,
                               const char     *name,
                               const char     *head,
                               char            fill,
                               gsize           n_fill,
                               const char     *tail)
{
  char block[65536];

  memset (block, fill, sizeof block);
  begin_member (self, name, strlen (head) + n_fill + strlen (tail));
  write_data (self, head, strlen (head));
  for (gsize left = n_fill; left > 0;)
    {
      gsize n = MIN (left, sizeof block);

      write_data (self, block, n);
      left -= n;
    }
  write_data (self, tail, strlen (tail));
}

/**
 * evident_test_zip_finish:
 *
 * Writes the central directory and frees @self.
 *
 * Returns: (transfer full): the archive's bytes
 */
GBytes *
evident_test_zip_finish (EvidentTestZip *self)
{
  GBytes *bytes;

  g_assert_cmpint (archive_write_close (self->writer), ==, ARCHIVE_OK);
  archive_write_free (self->writer);
  bytes = g_byte_array_free_to_bytes (self->data);
  g_free (self);
  return bytes;
}

/**
 * evident_test_xlsx_add_package:
 *
 * Adds what surrounds the worksheets of a workbook as a spreadsheet
 * program writes it: [Content_Types].xml, _rels/.rels, xl/workbook.xml
 * (with @date1904) and its relationships, which point sheet i to
 * xl/worksheets/sheet<i+1>.xml (added when the sheet has XML), to
 * xl/sharedStrings.xml and to xl/styles.xml (which the test adds, or not).
 */
void
evident_test_xlsx_add_package (EvidentTestZip            *zip,
                               const EvidentTestZipSheet *sheets,
                               guint                      n_sheets,
                               gboolean                   date1904)
{
  g_autoptr (GString) types = g_string_new (NULL);
  g_autoptr (GString) workbook = g_string_new (NULL);
  g_autoptr (GString) rels = g_string_new (NULL);

  g_string_append (types,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
  g_string_append_printf (workbook,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                          "<workbook xmlns=\"" SPREADSHEETML "\" xmlns:r=\"" OFFICE_RELS "\">"
                          "<workbookPr%s/><sheets>",
                          date1904 ? " date1904=\"1\"" : "");
  g_string_append (rels,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<Relationships xmlns=\"" PACKAGE_RELS "\">"
                   "<Relationship Id=\"rIdStyles\" Type=\"" OFFICE_RELS "/styles\" Target=\"styles.xml\"/>"
                   "<Relationship Id=\"rIdStrings\" Type=\"" OFFICE_RELS "/sharedStrings\" Target=\"sharedStrings.xml\"/>");

  for (guint i = 0; i < n_sheets; i++)
    {
      g_string_append_printf (types,
                              "<Override PartName=\"/xl/worksheets/sheet%u.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
                              i + 1);
      g_string_append_printf (workbook, "<sheet name=\"%s\" sheetId=\"%u\"%s%s%s r:id=\"rId%u\"/>",
                              sheets[i].name, i + 1, sheets[i].state != NULL ? " state=\"" : "",
                              sheets[i].state != NULL ? sheets[i].state : "",
                              sheets[i].state != NULL ? "\"" : "", i + 1);
      g_string_append_printf (rels,
                              "<Relationship Id=\"rId%u\" Type=\"" OFFICE_RELS "/worksheet\" Target=\"worksheets/sheet%u.xml\"/>",
                              i + 1, i + 1);
    }
  g_string_append (types, "</Types>");
  g_string_append (workbook, "</sheets></workbook>");
  g_string_append (rels, "</Relationships>");

  evident_test_zip_add (zip, "[Content_Types].xml", types->str);
  evident_test_zip_add (zip, "_rels/.rels",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        "<Relationships xmlns=\"" PACKAGE_RELS "\">"
                        "<Relationship Id=\"rId1\" Type=\"" OFFICE_RELS "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                        "</Relationships>");
  evident_test_zip_add (zip, "xl/workbook.xml", workbook->str);
  evident_test_zip_add (zip, "xl/_rels/workbook.xml.rels", rels->str);
  for (guint i = 0; i < n_sheets; i++)
    {
      g_autofree char *part = g_strdup_printf ("xl/worksheets/sheet%u.xml", i + 1);

      if (sheets[i].xml != NULL)
        evident_test_zip_add (zip, part, sheets[i].xml);
    }
}

/**
 * evident_test_xlsx_worksheet:
 * @sheet_data: the rows, e.g. "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
 * @after: (nullable): what follows <sheetData>, e.g. <mergeCells>
 *
 * Returns: (transfer full): a worksheet part
 */
char *
evident_test_xlsx_worksheet (const char *sheet_data,
                             const char *after)
{
  return evident_test_xlsx_worksheet_with_cols (NULL, sheet_data, after);
}

/**
 * evident_test_xlsx_worksheet_with_cols:
 * @cols: (nullable): the <col> elements, e.g. "<col min=\"2\" max=\"3\" hidden=\"1\"/>"
 *
 * evident_test_xlsx_worksheet() with the widths and visibility of columns,
 * which come before <sheetData>.
 *
 * Returns: (transfer full): a worksheet part
 */
char *
evident_test_xlsx_worksheet_with_cols (const char *cols,
                                       const char *sheet_data,
                                       const char *after)
{
  g_autofree char *cols_element =
      cols != NULL ? g_strdup_printf ("<cols>%s</cols>", cols) : g_strdup ("");

  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                          "<worksheet xmlns=\"" SPREADSHEETML "\" xmlns:r=\"" OFFICE_RELS "\">"
                          "<dimension ref=\"A1\"/>%s<sheetData>%s</sheetData>%s</worksheet>",
                          cols_element, sheet_data, after != NULL ? after : "");
}

/**
 * evident_test_xlsx_shared_strings:
 * @items: the <si> elements
 *
 * Returns: (transfer full): a shared strings part
 */
char *
evident_test_xlsx_shared_strings (const char *items)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                          "<sst xmlns=\"" SPREADSHEETML "\">%s</sst>",
                          items);
}

/**
 * evident_test_xlsx_styles:
 * @num_fmts: (nullable): the <numFmt> elements
 * @cell_xfs: the <xf> elements of <cellXfs>
 *
 * Returns: (transfer full): a styles part, with a cell style format
 *   that must not count as a cell format
 */
char *
evident_test_xlsx_styles (const char *num_fmts,
                          const char *cell_xfs)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                          "<styleSheet xmlns=\"" SPREADSHEETML "\">"
                          "<numFmts>%s</numFmts>"
                          "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
                          "<cellXfs>%s</cellXfs></styleSheet>",
                          num_fmts != NULL ? num_fmts : "", cell_xfs);
}

static void
put_u16 (guint8 *p, guint16 v)
{
  p[0] = v & 0xff;
  p[1] = v >> 8;
}

static void
put_u32 (guint8 *p, guint32 v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static void
put_dirent (guint8 *entry, const char *name, guint8 type)
{
  gsize len = strlen (name);

  g_assert_cmpuint (len, <, 32);
  for (gsize i = 0; i < len; i++)
    put_u16 (entry + 2 * i, name[i]);
  put_u16 (entry + 64, (len + 1) * 2);
  entry[66] = type;
  entry[67] = 1; /* black */
  put_u32 (entry + 68, 0xffffffff);
  put_u32 (entry + 72, 0xffffffff);
  put_u32 (entry + 76, 0xffffffff);
  put_u32 (entry + 116, 0xfffffffe);
}

/**
 * evident_test_compound_file_new:
 * @streams: the names of empty streams in the root storage, at most 3
 *
 * Returns: (transfer full): a compound file (version 3, 512-byte sectors):
 *   a header, one FAT sector and one directory sector
 */
GBytes *
evident_test_compound_file_new (const char * const *streams)
{
  static const guint8 magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
  guint8 *data = g_malloc0 (3 * 512);
  guint8 *fat = data + 512;
  guint8 *directory = data + 1024;

  memcpy (data, magic, sizeof magic);
  put_u16 (data + 24, 0x003e);
  put_u16 (data + 26, 0x0003);
  put_u16 (data + 28, 0xfffe);
  put_u16 (data + 30, 9);
  put_u16 (data + 32, 6);
  put_u32 (data + 44, 1);          /* FAT sectors */
  put_u32 (data + 48, 1);          /* the directory's first sector */
  put_u32 (data + 56, 4096);
  put_u32 (data + 60, 0xfffffffe); /* no mini FAT */
  put_u32 (data + 68, 0xfffffffe); /* no DIFAT sectors */
  put_u32 (data + 76, 0);          /* the FAT is sector 0 */
  for (guint i = 1; i < 109; i++)
    put_u32 (data + 76 + 4 * i, 0xffffffff);

  for (guint i = 0; i < 128; i++)
    put_u32 (fat + 4 * i, 0xffffffff);
  put_u32 (fat, 0xfffffffd);       /* sector 0: the FAT */
  put_u32 (fat + 4, 0xfffffffe);   /* sector 1: the directory, alone */

  put_dirent (directory, "Root Entry", 5);
  for (guint i = 0; streams[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, 3);
      put_dirent (directory + 128 * (i + 1), streams[i], 2);
    }
  if (streams[0] != NULL)
    put_u32 (directory + 76, 1);   /* the root's child */

  return g_bytes_new_take (data, 3 * 512);
}
