/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "evident-chapter.h"
#include "evident-pdf-document.h"
#include "evident-preview.h"
#include "evident-project.h"
#include "evident-window.h"

G_BEGIN_DECLS

/*
 * What the widget tests share: the main loop run for a moment or until
 * something holds, a sample project in a folder of its own, a window to
 * show a project in, widgets found in a tree, and PDFs drawn
 * with cairo.
 */

/* Set-up */
gboolean         evident_test_init                   (int              *argc,
                                                      char           ***argv,
                                                      const char       *no_display_path);

/* Main loop */
void             evident_test_iterate                (void);
void             evident_test_run                    (guint             ms);
void             evident_test_pump                   (void);

typedef gboolean (*EvidentTestCondition) (gpointer data);

gboolean         evident_test_wait_until             (EvidentTestCondition condition,
                                                      gpointer             data);
void             evident_test_assert_finalized       (gpointer             object);

/* Projects and folders */
EvidentProject  *evident_test_create_sample_project  (const char       *name,
                                                      char            **dir);
EvidentProject  *evident_test_create_csv_project     (const char       *name,
                                                      const char       *csv,
                                                      char            **dir);
gboolean         evident_test_remove_dir             (const char       *path);

EvidentChapter  *evident_test_find_chapter           (EvidentProject   *project,
                                                      const char       *number);

/* Windows */
GtkWidget       *evident_test_show_in_window         (GtkWidget        *child,
                                                      EvidentProject   *project,
                                                      int               width,
                                                      int               height);
EvidentWindow   *evident_test_window_new             (EvidentProject   *project,
                                                      int               width,
                                                      int               height);
void             evident_test_window_destroy         (EvidentWindow    *window);
EvidentPreview  *evident_test_preview_new            (GtkWidget       **window);
void             evident_test_preview_destroy        (EvidentPreview   *preview,
                                                      GtkWidget       **window);

/* Widgets */
typedef gboolean (*EvidentTestMatch) (GtkWidget     *widget,
                                      gconstpointer  data);

GtkWidget       *evident_test_find_widget            (GtkWidget        *root,
                                                      GType             type,
                                                      EvidentTestMatch  match,
                                                      gconstpointer     data);
GtkWidget       *evident_test_find_row_tab_stop      (GtkWidget        *window,
                                                      guint             max_stops);
GPtrArray       *evident_test_collect_widgets        (GtkWidget        *root,
                                                      GType             type,
                                                      EvidentTestMatch  match,
                                                      gconstpointer     data);
gboolean         evident_test_has_title              (GtkWidget        *widget,
                                                      gconstpointer     title);
gboolean         evident_test_has_placeholder        (GtkWidget        *widget,
                                                      gconstpointer     text);
gboolean         evident_test_has_label              (GtkWidget        *widget,
                                                      gconstpointer     label);
gboolean         evident_test_has_css_class          (GtkWidget        *widget,
                                                      gconstpointer     css_class);
gboolean         evident_test_is_mapped              (GtkWidget        *widget,
                                                      gconstpointer     unused);
void             evident_test_save_shot              (GtkWidget        *widget,
                                                      const char       *name);

/* PDFs */
typedef void (*EvidentTestDrawPage) (cairo_t  *cr,
                                     int       page,
                                     gpointer  user_data);

cairo_status_t   evident_test_append_bytes           (void                *closure,
                                                      const unsigned char *data,
                                                      unsigned int         length);
void             evident_test_add_pdf                (EvidentProject      *project,
                                                      const char          *dir,
                                                      const char          *ref,
                                                      const char          *filename,
                                                      int                  n_pages);
GBytes          *evident_test_make_pdf               (int                  n_pages,
                                                      double               width,
                                                      double               height,
                                                      EvidentTestDrawPage  draw,
                                                      gpointer             user_data);
void             evident_test_draw_process_page      (cairo_t             *cr,
                                                      int                  page,
                                                      gpointer             title);

/* Asynchronous calls */
void             evident_test_store_result_cb        (GObject             *object,
                                                      GAsyncResult        *result,
                                                      gpointer             user_data);
GAsyncResult    *evident_test_wait_for_result        (GAsyncResult       **result);
EvidentPdfDocument *evident_test_load_pdf            (EvidentRenderClient  *client,
                                                      GBytes               *bytes,
                                                      GError              **error);

G_END_DECLS
