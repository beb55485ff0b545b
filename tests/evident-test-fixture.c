/* SPDX-License-Identifier: GPL-3.0-or-later */

/* evident-test-fixture NAME OUTFILE: writes one of the checklist files the
 * black-box tests of evident-cli import (tests/test-cli-import.py), built
 * with the same fixture builders as the core's tests. `evident-test-fixture
 * --list` names them. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "evident-test-workbook.h"
#include "evident-test-zip.h"

typedef GBytes *(*BuildFunc) (void);

/* Workbooks that import */

static GBytes *
build_aws (void)
{
  return evident_test_workbook_build (evident_test_workbook_get_default (), NULL);
}

static GBytes *
build_aws_rows (guint n_sheets,
                guint n_items)
{
  g_autoptr (EvidentTestWorkbook) workbook = evident_test_workbook_new_generated (n_sheets,
                                                                                 n_items);

  return evident_test_workbook_build (workbook, NULL);
}

/* 10,000 items on one sheet: the benchmark's. */
static GBytes *
build_rows_10000 (void)
{
  return build_aws_rows (1, 10000);
}

/* 100,000 items: ten sheets of 10,000. */
static GBytes *
build_rows_100000 (void)
{
  return build_aws_rows (10, 10000);
}

/* A workbook of another shape, mapped by its names: an inline and a shared
 * string, a formula with its cached value for the points, a due date as a
 * number shown as a date. */
static GBytes *
build_formulas_dates (void)
{
  g_autofree char *styles = evident_test_xlsx_styles (NULL, "<xf numFmtId=\"0\"/>"
                                                            "<xf numFmtId=\"14\"/>");
  g_autofree char *strings = evident_test_xlsx_shared_strings (
      "<si><t>Ref</t></si><si><t>Title</t></si><si><t>Points</t></si><si><t>Due date</t></si>"
      "<si><r><rPr><b/></rPr><t>Shared</t></r><r><t xml:space=\"preserve\"> rich title</t></r></si>");
  g_autofree char *sheet = evident_test_xlsx_worksheet (
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>FD-1</t></is></c>"
      "<c r=\"B2\" t=\"inlineStr\"><is><t>Inline title</t></is></c>"
      "<c r=\"C2\"><f>2*5</f><v>10</v></c><c r=\"D2\" s=\"1\"><v>46112</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>FD-2</t></is></c>"
      "<c r=\"B3\" t=\"s\"><v>4</v></c>"
      "<c r=\"C3\"><f>C2+5</f><v>15</v></c><c r=\"D3\" s=\"1\"><v>46113</v></c></row>",
      NULL);
  EvidentTestZipSheet sheets[] = { { "Controls", sheet, NULL } };
  EvidentTestZip *zip = evident_test_zip_new ();

  evident_test_xlsx_add_package (zip, sheets, 1, FALSE);
  evident_test_zip_add (zip, "xl/styles.xml", styles);
  evident_test_zip_add (zip, "xl/sharedStrings.xml", strings);
  return evident_test_zip_finish (zip);
}

/* Rows hidden by the author, and a reference 1.10 kept as the number 1.1
 * in a cell formatted 0.00. */
static GBytes *
build_hidden_rows (void)
{
  g_autofree char *styles = evident_test_xlsx_styles (
      "<numFmt numFmtId=\"164\" formatCode=\"0.00\"/>", "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/>");
  g_autofree char *sheet = evident_test_xlsx_worksheet (
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ID</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>Title</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>1.1</v></c>"
      "<c r=\"B2\" t=\"inlineStr\"><is><t>Keep a register</t></is></c></row>"
      "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>1.1</v></c>"
      "<c r=\"B3\" t=\"inlineStr\"><is><t>Review the register</t></is></c></row>"
      "<row r=\"4\" hidden=\"1\"><c r=\"A4\"><v>1.2</v></c>"
      "<c r=\"B4\" t=\"inlineStr\"><is><t>Old review</t></is></c></row>"
      "<row r=\"5\" hidden=\"1\"><c r=\"A5\"><v>1.3</v></c>"
      "<c r=\"B5\" t=\"inlineStr\"><is><t>Old label</t></is></c></row>"
      "<row r=\"6\"><c r=\"A6\"><v>1.4</v></c>"
      "<c r=\"B6\" t=\"inlineStr\"><is><t>Dispose safely</t></is></c></row>",
      NULL);
  EvidentTestZipSheet sheets[] = { { "Checks", sheet, NULL } };
  EvidentTestZip *zip = evident_test_zip_new ();

  evident_test_xlsx_add_package (zip, sheets, 1, FALSE);
  evident_test_zip_add (zip, "xl/styles.xml", styles);
  evident_test_zip_add (zip, "xl/sharedStrings.xml", "<sst/>");
  return evident_test_zip_finish (zip);
}

/* Workbooks that are refused */

static GBytes *
build_zip_bomb (void)
{
  EvidentTestZipSheet sheets[] = { { "Checks", NULL, NULL } };
  EvidentTestZip *zip = evident_test_zip_new ();

  evident_test_xlsx_add_package (zip, sheets, 1, FALSE);
  evident_test_zip_add_repeated (zip, "xl/worksheets/sheet1.xml",
                                 "<worksheet><sheetData><row><c><v>", '0', 64 * 1024 * 1024,
                                 "</v></c></row></sheetData></worksheet>");
  evident_test_zip_add (zip, "xl/sharedStrings.xml", "<sst/>");
  return evident_test_zip_finish (zip);
}

static GBytes *
build_with_strings (const char *shared_strings,
                    const char *worksheet)
{
  g_autofree char *plain = evident_test_xlsx_worksheet ("<row><c t=\"s\"><v>0</v></c></row>",
                                                        NULL);
  EvidentTestZipSheet sheets[] = { { "Checks", worksheet != NULL ? worksheet : plain, NULL } };
  EvidentTestZip *zip = evident_test_zip_new ();

  evident_test_xlsx_add_package (zip, sheets, 1, FALSE);
  evident_test_zip_add (zip, "xl/sharedStrings.xml", shared_strings);
  return evident_test_zip_finish (zip);
}

static GBytes *
build_entity_expansion (void)
{
  return build_with_strings (
      "<sst/>",
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE worksheet [\n"
      " <!ENTITY lol \"lol\">\n"
      " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
      " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
      " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
      " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
      " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
      "]>\n"
      "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol5;</t></is></c></row>"
      "</sheetData></worksheet>");
}

static GBytes *
build_external_entity (void)
{
  return build_with_strings ("<?xml version=\"1.0\"?>\n"
                             "<!DOCTYPE sst [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n"
                             "<sst><si><t>&secret;</t></si></sst>",
                             NULL);
}

static GBytes *
build_dtd (void)
{
  return build_with_strings ("<?xml version=\"1.0\"?>\n<!DOCTYPE sst SYSTEM \"sst.dtd\">\n"
                             "<sst><si><t>ID</t></si></sst>",
                             NULL);
}

static GBytes *
build_encrypted (void)
{
  const char *streams[] = { "EncryptionInfo", "EncryptedPackage", NULL };

  return evident_test_compound_file_new (streams);
}

static GBytes *
build_xls (void)
{
  const char *streams[] = { "Workbook", NULL };

  return evident_test_compound_file_new (streams);
}

static GBytes *
build_not_a_zip (void)
{
  const char *text = "ID,Requirement Description,Met?,Partner Response\nOPSP-001,Runbooks,,\n";

  return g_bytes_new (text, strlen (text));
}

static GBytes *
build_missing_part (void)
{
  g_autofree char *sheet = evident_test_xlsx_worksheet ("<row><c t=\"s\"><v>0</v></c></row>",
                                                        NULL);
  EvidentTestZipSheet sheets[] = { { "Present", sheet, NULL }, { "Absent", NULL, NULL } };
  EvidentTestZip *zip = evident_test_zip_new ();

  evident_test_xlsx_add_package (zip, sheets, 2, FALSE);
  evident_test_zip_add (zip, "xl/sharedStrings.xml", "<sst><si><t>ID</t></si></sst>");
  return evident_test_zip_finish (zip);
}

/* Cells that name no item field anywhere near the top. */
static GBytes *
build_no_header (void)
{
  g_autofree char *sheet = evident_test_xlsx_worksheet (
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Quarterly figures</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Apples</t></is></c>"
      "<c r=\"B2\"><v>12</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>Pears</t></is></c>"
      "<c r=\"B3\"><v>7</v></c></row>",
      NULL);
  EvidentTestZipSheet sheets[] = { { "Figures", sheet, NULL } };
  EvidentTestZip *zip = evident_test_zip_new ();

  evident_test_xlsx_add_package (zip, sheets, 1, FALSE);
  evident_test_zip_add (zip, "xl/sharedStrings.xml", "<sst/>");
  return evident_test_zip_finish (zip);
}

/* The AWS layout with OPSP-002 twice. */
static GBytes *
build_duplicate (void)
{
  static const EvidentTestItem items[] = {
    { "OPSP-001", "Runbooks", TRUE, "Runbooks exist.", NULL, NULL, NULL, FALSE },
    { "OPSP-002", "Monitoring", TRUE, "Workloads are monitored.", NULL, NULL, NULL, FALSE },
    { "OPSP-002", "Alerting", FALSE, "Alerts reach someone.", NULL, NULL, NULL, FALSE },
  };
  static const EvidentTestSection sections[] = { { "Operations", items, G_N_ELEMENTS (items) } };
  static const EvidentTestSheet sheets[] = {
    { "Operations", "Operations self-assessment", sections, G_N_ELEMENTS (sections) },
  };
  EvidentTestWorkbook workbook = { NULL, sheets, G_N_ELEMENTS (sheets), 0 };

  return evident_test_workbook_build (&workbook, NULL);
}

static const struct
{
  const char *name;
  BuildFunc   build;
} fixtures[] = {
  { "aws", build_aws },
  { "rows-10000", build_rows_10000 },
  { "rows-100000", build_rows_100000 },
  { "formulas-dates", build_formulas_dates },
  { "hidden-rows", build_hidden_rows },
  { "zip-bomb", build_zip_bomb },
  { "entity-expansion", build_entity_expansion },
  { "external-entity", build_external_entity },
  { "dtd", build_dtd },
  { "encrypted", build_encrypted },
  { "xls", build_xls },
  { "not-a-zip", build_not_a_zip },
  { "missing-part", build_missing_part },
  { "no-header", build_no_header },
  { "duplicate", build_duplicate },
};

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;

  if (argc == 2 && g_str_equal (argv[1], "--list"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
        g_print ("%s\n", fixtures[i].name);
      return EXIT_SUCCESS;
    }
  if (argc != 3)
    {
      g_printerr ("Usage: evident-test-fixture NAME OUTFILE | --list\n");
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr (GBytes) bytes = NULL;

      if (!g_str_equal (argv[1], fixtures[i].name))
        continue;
      bytes = fixtures[i].build ();
      if (bytes == NULL
          || !g_file_set_contents (argv[2], g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), &error))
        {
          g_printerr ("%s: %s\n", argv[2], error != NULL ? error->message : "not built");
          return EXIT_FAILURE;
        }
      return EXIT_SUCCESS;
    }
  g_printerr ("No fixture “%s”\n", argv[1]);
  return 2;
}
