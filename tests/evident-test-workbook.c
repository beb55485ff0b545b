/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "evident-test-workbook.h"
#include "evident-test-xlsx.h"

#define N_COLUMNS 4

/* The default workbook, in Evident's own words. */

static const char * const default_intro[] = {
  "Evident sample programme: partner self-assessment",
  "Answer every requirement in the checklist sheets: choose Yes or No under "
  "“Met?” and describe under “Partner Response” how you meet it.",
  "Partners who hold the competency named in a section's title may leave that section out.",
  "Keep the layout of this workbook as it is: the answers are read by machines.",
  NULL,
};

static const EvidentTestItem operations_items[] = {
  { "OPSP-001", "Runbooks for routine operations", TRUE,
    "The partner keeps runbooks for routine operational tasks such as restarts, failovers "
    "and patching.\nRunbooks are reviewed at least once a year.",
    "Evidence must be provided as a runbook index and one example runbook.",
    "Yes", "Runbooks live in the operations wiki; the index is attached.", FALSE },
  { "OPSP-002", "Monitoring and alerting", TRUE,
    "Customer workloads are monitored around the clock, and alerts reach an on-call "
    "engineer within 15\u00a0minutes.",
    "Evidence of an alert routed to the on-call rota in the last 90\u00a0days.",
    NULL, NULL, FALSE },
  { "OPSP-003", "Change management", FALSE,
    "Changes to customer environments follow a documented approval process.",
    NULL, NULL, NULL, TRUE },
};

static const EvidentTestItem security_items[] = {
  { "SECP-001", "Identity federation", TRUE,
    "Staff sign in to customer accounts through federated identities with multi-factor "
    "authentication.\r\nShared long-term credentials are not used.",
    "Evidence of the identity provider's configuration.", NULL, NULL, FALSE },
  { "SECP-002", "Logging of administrative actions", TRUE,
    "Administrative actions in customer accounts are logged centrally and kept for at "
    "least one\u00a0year.",
    "Evidence such as a screenshot of the log retention settings.", NULL, NULL, FALSE },
  { "SECP-003", "Vulnerability management", TRUE,
    "Hosts and container images are scanned for known vulnerabilities at least weekly.",
    "Evidence of a recent scan report and its follow-up.", "No", NULL, FALSE },
  { "SECP-004", "Security awareness training", FALSE,
    "Staff complete security awareness training every year.",
    "Evidence of the training record of two engineers.", NULL, NULL, FALSE },
};

static const EvidentTestItem business_items[] = {
  { "BUSP-001", "Service description", TRUE,
    "The partner publishes a description of its managed service, its scope and its limits.",
    "Evidence as a link to the public service description.", NULL, NULL, FALSE },
  { "BUSP-002", "Customer references", TRUE,
    "At least two customers can confirm the managed service in operation for six\u00a0months "
    "or more.",
    "Evidence as customer names and contacts, shared with the auditor only.", NULL, NULL,
    FALSE },
};

static const EvidentTestSection operations_sections[] = {
  { "Operations", operations_items, G_N_ELEMENTS (operations_items) },
  { "Security (partners who hold the X competency are exempt from this section)",
    security_items, G_N_ELEMENTS (security_items) },
};

static const EvidentTestSection business_sections[] = {
  { "Business", business_items, G_N_ELEMENTS (business_items) },
};

static const EvidentTestSheet default_sheets[] = {
  { "Operations", "Operations self-assessment", operations_sections,
    G_N_ELEMENTS (operations_sections) },
  { "Business", "Business self-assessment", business_sections,
    G_N_ELEMENTS (business_sections) },
};

static const EvidentTestWorkbook default_workbook = {
  NULL, default_sheets, G_N_ELEMENTS (default_sheets), EVIDENT_TEST_WORKBOOK_DEFAULT,
};

/**
 * evident_test_workbook_get_default:
 *
 * An introduction and two checklist sheets: "Operations" (sections
 * "Operations" with OPSP-001…003 and "Security (… exempt …)" with
 * SECP-001…004) and "Business" (BUSP-001, BUSP-002). OPSP-001 is answered
 * Yes with a response, SECP-003 No; OPSP-003 has no C and D cells;
 * OPSP-003 and SECP-004 are recommended, the rest mandatory.
 *
 * Returns: (transfer none): the description
 */
const EvidentTestWorkbook *
evident_test_workbook_get_default (void)
{
  return &default_workbook;
}

/* A generated workbook owns its descriptions and strings. */
typedef struct
{
  EvidentTestWorkbook  workbook;
  GStringChunk        *strings;
  EvidentTestSheet    *sheets;
  EvidentTestSection  *sections;
  EvidentTestItem     *items;
} Generated;

/**
 * evident_test_workbook_new_generated:
 * @n_sheets: checklist sheets, "Chapter 1" …
 * @n_items: items on each sheet, IDs "C1-00001" …, in one band "Section 1"…,
 *   every third one recommended, every second one without C and D cells,
 *   every item with the CR LF, LF and U+00A0 of real workbooks
 *
 * Returns: (transfer full): a description for large workbooks; free it
 *   with evident_test_workbook_free()
 */
EvidentTestWorkbook *
evident_test_workbook_new_generated (guint n_sheets,
                                     guint n_items)
{
  Generated *self = g_new0 (Generated, 1);

  self->strings = g_string_chunk_new (4096);
  self->sheets = g_new0 (EvidentTestSheet, n_sheets);
  self->sections = g_new0 (EvidentTestSection, n_sheets);
  self->items = g_new0 (EvidentTestItem, (gsize) n_sheets * n_items);

  for (guint s = 0; s < n_sheets; s++)
    {
      g_autofree char *name = g_strdup_printf ("Chapter %u", s + 1);
      g_autofree char *title = g_strdup_printf ("Chapter %u self-assessment", s + 1);
      g_autofree char *band = g_strdup_printf ("Section %u", s + 1);
      EvidentTestItem *items = self->items + (gsize) s * n_items;

      for (guint i = 0; i < n_items; i++)
        {
          g_autofree char *id = g_strdup_printf ("C%u-%05u", s + 1, i + 1);
          g_autofree char *item_title = g_strdup_printf ("Generated requirement %u", i + 1);
          g_autofree char *requirement = g_strdup_printf (
            "The partner does thing number %u.\r\nIt is checked every\u00a0month.", i + 1);

          items[i].id = g_string_chunk_insert (self->strings, id);
          items[i].title = g_string_chunk_insert (self->strings, item_title);
          items[i].mandatory = i % 3 != 2;
          items[i].requirement = g_string_chunk_insert (self->strings, requirement);
          items[i].evidence = "Evidence of the thing, as a document.";
          items[i].no_answer_cells = i % 2 == 1;
        }

      self->sections[s].band = g_string_chunk_insert (self->strings, band);
      self->sections[s].items = items;
      self->sections[s].n_items = n_items;
      self->sheets[s].name = g_string_chunk_insert (self->strings, name);
      self->sheets[s].title = g_string_chunk_insert (self->strings, title);
      self->sheets[s].sections = &self->sections[s];
      self->sheets[s].n_sections = 1;
    }

  self->workbook.sheets = self->sheets;
  self->workbook.n_sheets = n_sheets;
  return &self->workbook;
}

/**
 * evident_test_workbook_free:
 * @workbook: from evident_test_workbook_new_generated(), not the default
 */
void
evident_test_workbook_free (EvidentTestWorkbook *workbook)
{
  Generated *self = (Generated *) workbook;

  if (self == NULL)
    return;
  g_assert (workbook != &default_workbook);

  g_string_chunk_free (self->strings);
  g_free (self->sheets);
  g_free (self->sections);
  g_free (self->items);
  g_free (self);
}

/**
 * evident_test_item_get_text:
 *
 * Returns: (transfer full): the text of the item's B cell, as a reader
 *   should find it
 */
char *
evident_test_item_get_text (const EvidentTestItem *item)
{
  return g_strconcat (item->title, "\n", item->mandatory ? "Mandatory" : "Recommended", "\r\n",
                      item->requirement, item->evidence ? "\n\n" : "",
                      item->evidence ? item->evidence : "", NULL);
}

typedef struct
{
  lxw_format *title;
  lxw_format *title_rest;
  lxw_format *header;
  lxw_format *band;
  lxw_format *id;
  lxw_format *text;
  lxw_format *bold;
  lxw_format *italic;
  lxw_format *met;
  lxw_format *response;
} Formats;

static void
add_formats (lxw_workbook *book,
             Formats      *f)
{
  f->title = workbook_add_format (book);
  format_set_bold (f->title);
  format_set_font_size (f->title, 14);
  f->title_rest = workbook_add_format (book);
  format_set_font_size (f->title_rest, 14);

  f->header = workbook_add_format (book);
  format_set_bold (f->header);
  format_set_bg_color (f->header, 0xD9D9D9);
  format_set_border (f->header, LXW_BORDER_THIN);

  f->band = workbook_add_format (book);
  format_set_bold (f->band);
  format_set_bg_color (f->band, 0xDDEBF7);

  f->id = workbook_add_format (book);
  format_set_align (f->id, LXW_ALIGN_VERTICAL_TOP);

  f->text = workbook_add_format (book);
  format_set_align (f->text, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (f->text);

  f->bold = workbook_add_format (book);
  format_set_bold (f->bold);
  f->italic = workbook_add_format (book);
  format_set_italic (f->italic);

  f->met = workbook_add_format (book);
  format_set_unlocked (f->met);
  format_set_align (f->met, LXW_ALIGN_CENTER);
  format_set_align (f->met, LXW_ALIGN_VERTICAL_TOP);

  f->response = workbook_add_format (book);
  format_set_unlocked (f->response);
  format_set_align (f->response, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (f->response);
}

static lxw_error
write_intro (lxw_workbook        *book,
             const char * const  *lines,
             const Formats       *f)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book, EVIDENT_TEST_INTRO_NAME);
  lxw_error status = LXW_NO_ERROR;

  worksheet_set_column (sheet, 0, 0, 100, f->text);
  for (guint i = 0; lines[i] != NULL && status == LXW_NO_ERROR; i++)
    status = worksheet_write_string (sheet, i, 0, lines[i], i == 0 ? f->title : f->text);
  return status;
}

/* Rich text over a cell, or plain text when it has a single part. */
static lxw_error
write_title (lxw_worksheet *sheet,
             const char    *title,
             const Formats *f)
{
  const char *space = strchr (title, ' ');
  g_autofree char *first = NULL;
  lxw_rich_string_tuple head, rest;
  lxw_rich_string_tuple *parts[] = { &head, &rest, NULL };

  worksheet_merge_range (sheet, 0, 0, 0, N_COLUMNS - 1, "", f->title);
  if (space == NULL)
    return worksheet_write_string (sheet, 0, 0, title, f->title);

  first = g_strndup (title, space - title);
  head.format = f->title;
  head.string = first;
  rest.format = f->title_rest;
  rest.string = (char *) space;
  return worksheet_write_rich_string (sheet, 0, 0, parts, f->title);
}

static lxw_error
write_item (lxw_worksheet         *sheet,
            guint                  row,
            const EvidentTestItem *item,
            const Formats         *f)
{
  g_autofree char *title = g_strconcat (item->title, "\n", NULL);
  g_autofree char *body = g_strconcat ("\r\n", item->requirement, item->evidence ? "\n\n" : "",
                                       item->evidence ? item->evidence : "", NULL);
  lxw_rich_string_tuple t = { f->bold, title };
  lxw_rich_string_tuple m = { f->italic, (char *) (item->mandatory ? "Mandatory" : "Recommended") };
  lxw_rich_string_tuple b = { NULL, body };
  lxw_rich_string_tuple *parts[] = { &t, &m, &b, NULL };
  lxw_error status;

  status = worksheet_write_string (sheet, row, 0, item->id, f->id);
  if (status == LXW_NO_ERROR)
    status = worksheet_write_rich_string (sheet, row, 1, parts, f->text);
  if (status != LXW_NO_ERROR || item->no_answer_cells)
    return status;

  if (item->met != NULL)
    status = worksheet_write_string (sheet, row, 2, item->met, f->met);
  else
    status = worksheet_write_blank (sheet, row, 2, f->met);
  if (status != LXW_NO_ERROR)
    return status;
  if (item->response != NULL)
    return worksheet_write_string (sheet, row, 3, item->response, f->response);
  return worksheet_write_blank (sheet, row, 3, f->response);
}

static lxw_error
write_sheet (lxw_workbook           *book,
             const EvidentTestSheet *desc,
             gboolean                empty_rows,
             const Formats          *f)
{
  static const char *header[N_COLUMNS] = {
    EVIDENT_TEST_HEADER_ID, EVIDENT_TEST_HEADER_REQUIREMENT,
    EVIDENT_TEST_HEADER_MET, EVIDENT_TEST_HEADER_RESPONSE,
  };
  const char *choices[] = { "No", "Yes", NULL };
  lxw_worksheet *sheet = workbook_add_worksheet (book, desc->name);
  lxw_data_validation validation = { 0 };
  lxw_error status;
  guint row = 2;

  worksheet_set_column (sheet, 0, 0, 12, NULL);
  worksheet_set_column (sheet, 1, 1, 70, NULL);
  worksheet_set_column (sheet, 2, 2, 10, f->met);
  worksheet_set_column (sheet, 3, 3, 50, f->response);

  status = write_title (sheet, desc->title, f);
  for (guint c = 0; c < N_COLUMNS && status == LXW_NO_ERROR; c++)
    status = worksheet_write_string (sheet, 1, c, header[c], f->header);

  for (guint s = 0; s < desc->n_sections && status == LXW_NO_ERROR; s++)
    {
      const EvidentTestSection *section = &desc->sections[s];

      if (s > 0)
        {
          /* A blank row: absent, or a row element without cells. */
          if (empty_rows)
            worksheet_set_row (sheet, row, 20, NULL);
          row++;
        }
      if (section->band != NULL)
        {
          status = worksheet_merge_range (sheet, row, 0, row, N_COLUMNS - 1, section->band,
                                          f->band);
          row++;
        }
      for (guint i = 0; i < section->n_items && status == LXW_NO_ERROR; i++)
        status = write_item (sheet, row++, &section->items[i], f);
    }
  if (status != LXW_NO_ERROR)
    return status;

  validation.validate = LXW_VALIDATION_TYPE_LIST;
  validation.value_list = (char **) choices;
  status = worksheet_data_validation_range (sheet, 2, 2, MAX (row, 3) - 1, 2, &validation);
  worksheet_protect (sheet, NULL, NULL);
  return status;
}

/* Writes the workbook as libxlsxwriter makes it, CR still raw in the
 * shared strings; evident_test_workbook_build() finishes it. */
static gboolean
write_raw (const EvidentTestWorkbook *desc,
           const char                *path,
           GError                   **error)
{
  lxw_workbook *book = workbook_new (path);
  Formats formats;
  lxw_error status = LXW_NO_ERROR;
  lxw_error closed;

  g_assert_nonnull (book);
  add_formats (book, &formats);
  if (!(desc->flags & EVIDENT_TEST_WORKBOOK_NO_INTRO))
    status = write_intro (book, desc->intro_lines ? desc->intro_lines : default_intro, &formats);
  for (guint s = 0; s < desc->n_sheets && status == LXW_NO_ERROR; s++)
    status = write_sheet (book, &desc->sheets[s], desc->flags & EVIDENT_TEST_WORKBOOK_EMPTY_ROWS,
                          &formats);

  closed = workbook_close (book);
  if (status == LXW_NO_ERROR)
    status = closed;
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s: %s", path,
                   lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}

/* Excel writes a CR in a cell as _x000D_: an XML reader would turn a raw
 * CR LF into LF. */
static GBytes *
escape_carriage_returns (GBytes *zip)
{
  g_autoptr (GBytes) strings = evident_test_zip_read (zip, "xl/sharedStrings.xml");
  g_autoptr (GString) escaped = NULL;
  g_autoptr (GBytes) replacement = NULL;
  gsize size;
  const char *data;

  if (strings == NULL)
    return g_bytes_ref (zip);
  data = g_bytes_get_data (strings, &size);
  if (memchr (data, '\r', size) == NULL)
    return g_bytes_ref (zip);

  escaped = g_string_sized_new (size + 64);
  for (gsize i = 0; i < size; i++)
    {
      if (data[i] == '\r')
        g_string_append (escaped, "_x000D_");
      else
        g_string_append_c (escaped, data[i]);
    }
  replacement = g_bytes_new (escaped->str, escaped->len);
  return evident_test_zip_replace (zip, "xl/sharedStrings.xml", replacement);
}

/**
 * evident_test_workbook_build:
 *
 * Returns: (transfer full): the workbook's .xlsx bytes
 */
GBytes *
evident_test_workbook_build (const EvidentTestWorkbook *desc,
                             GError                   **error)
{
  g_autofree char *path = NULL;
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GBytes) raw = NULL;
  int fd;

  fd = g_file_open_tmp ("evident-test-workbook-XXXXXX.xlsx", &path, error);
  if (fd < 0)
    return NULL;
  close (fd);

  if (!write_raw (desc, path, error))
    {
      g_unlink (path);
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, error);
  g_unlink (path);
  if (mapped == NULL)
    return NULL;
  raw = g_mapped_file_get_bytes (mapped);
  return escape_carriage_returns (raw);
}

/**
 * evident_test_workbook_write:
 * @path: the .xlsx file to create or replace
 *
 * Writes evident_test_workbook_build()'s bytes to @path.
 */
gboolean
evident_test_workbook_write (const EvidentTestWorkbook *desc,
                             const char                *path,
                             GError                   **error)
{
  g_autoptr (GBytes) bytes = evident_test_workbook_build (desc, error);

  if (bytes == NULL)
    return FALSE;
  return g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              error);
}

/* Walks the layout: calls @func for every item with its row; stops when it
 * returns TRUE. Returns the number of rows of the sheet otherwise. */
static guint
walk_sheet (const EvidentTestSheet *sheet,
            gboolean (*func) (const EvidentTestItem *item, guint row, gpointer data),
            gpointer                data)
{
  guint row = 2;

  for (guint s = 0; s < sheet->n_sections; s++)
    {
      const EvidentTestSection *section = &sheet->sections[s];

      row += (s > 0) + (section->band != NULL);
      for (guint i = 0; i < section->n_items; i++, row++)
        if (func != NULL && func (&section->items[i], row, data))
          return row;
    }
  return row;
}

typedef struct
{
  const char            *id;
  const EvidentTestItem *found;
} Locate;

static gboolean
match_id (const EvidentTestItem *item,
          guint                  row,
          gpointer               data)
{
  Locate *locate = data;

  if (g_strcmp0 (item->id, locate->id) != 0)
    return FALSE;
  locate->found = item;
  return TRUE;
}

/**
 * evident_test_workbook_locate:
 * @id: an item's ID
 * @sheet_name: (out) (optional): its sheet's name
 * @sheet_index: (out) (optional): its sheet's index in @workbook->sheets
 * @row: (out) (optional): its row, from 0
 *
 * Returns: (nullable): the item, or %NULL when no item has @id
 */
const EvidentTestItem *
evident_test_workbook_locate (const EvidentTestWorkbook  *workbook,
                              const char                 *id,
                              const char                **sheet_name,
                              guint                      *sheet_index,
                              guint                      *row)
{
  for (guint s = 0; s < workbook->n_sheets; s++)
    {
      Locate locate = { id, NULL };
      guint found_row = walk_sheet (&workbook->sheets[s], match_id, &locate);

      if (locate.found == NULL)
        continue;
      if (sheet_name != NULL)
        *sheet_name = workbook->sheets[s].name;
      if (sheet_index != NULL)
        *sheet_index = s;
      if (row != NULL)
        *row = found_row;
      return locate.found;
    }
  return NULL;
}

/**
 * evident_test_workbook_get_n_rows:
 * @sheet: an index in @workbook->sheets
 *
 * Returns: the number of rows the sheet spans, blank rows included
 */
guint
evident_test_workbook_get_n_rows (const EvidentTestWorkbook *workbook,
                                  guint                      sheet)
{
  g_assert_cmpuint (sheet, <, workbook->n_sheets);
  return walk_sheet (&workbook->sheets[sheet], NULL, NULL);
}

/**
 * evident_test_workbook_get_part:
 * @sheet: an index in @workbook->sheets
 *
 * Returns: (transfer full): the sheet's part in the zip container, e.g.
 *   "xl/worksheets/sheet2.xml"
 */
char *
evident_test_workbook_get_part (const EvidentTestWorkbook *workbook,
                                guint                      sheet)
{
  guint first = (workbook->flags & EVIDENT_TEST_WORKBOOK_NO_INTRO) ? 1 : 2;

  g_assert_cmpuint (sheet, <, workbook->n_sheets);
  return g_strdup_printf ("xl/worksheets/sheet%u.xml", sheet + first);
}
