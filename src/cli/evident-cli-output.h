/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * EvidentCliTable:
 *
 * Rows of text printed in aligned columns. Widths are counted in terminal
 * cells, not bytes: an umlaut or an ellipsis takes one, a CJK character two.
 * Columns are as wide as their widest cell, and a column empty in every
 * row is left out; the last column of a line is not padded when it is
 * aligned left.
 */
typedef struct _EvidentCliTable EvidentCliTable;

glong            evident_cli_display_width     (const char       *text);

EvidentCliTable *evident_cli_table_new         (const char       *layout);
void             evident_cli_table_free        (EvidentCliTable  *table);
void             evident_cli_table_add         (EvidentCliTable  *table,
                                                const char       *text);
void             evident_cli_table_add_printf  (EvidentCliTable  *table,
                                                const char       *format,
                                                ...) G_GNUC_PRINTF (2, 3);
char            *evident_cli_table_to_string   (EvidentCliTable  *table);
void             evident_cli_table_print       (EvidentCliTable  *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentCliTable, evident_cli_table_free)

JsonNode        *evident_cli_json_number       (double            value);
void             evident_cli_json_add_string   (JsonBuilder      *builder,
                                                const char       *member,
                                                const char       *value);
void             evident_cli_json_add_int      (JsonBuilder      *builder,
                                                const char       *member,
                                                gint64            value);
void             evident_cli_json_add_boolean  (JsonBuilder      *builder,
                                                const char       *member,
                                                gboolean          value);
void             evident_cli_print_json        (JsonBuilder      *builder);

/* Add one object of a list: as a JSON object, or as a row of cells. */
typedef void   (*EvidentCliAddJson)            (JsonBuilder      *builder,
                                                gpointer          object);
typedef void   (*EvidentCliAddRow)             (EvidentCliTable  *table,
                                                gpointer          object);

void             evident_cli_print_list        (GListModel       *list,
                                                gboolean          json,
                                                const char       *layout,
                                                EvidentCliAddJson add_json,
                                                EvidentCliAddRow  add_row);

/* Add one object: to @builder as JSON, or to @table as a row (the other
 * is %NULL). */
typedef void   (*EvidentCliAddFunc)            (JsonBuilder      *builder,
                                                EvidentCliTable  *table,
                                                gpointer          object,
                                                gpointer          data);

void             evident_cli_print_array       (GPtrArray        *objects,
                                                gboolean          json,
                                                const char       *layout,
                                                EvidentCliAddFunc add,
                                                gpointer          data);
char            *evident_cli_one_line          (const char       *text);

G_END_DECLS
