/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The readiness report: what it shows is copied from the project when it
 * is made; its pages are laid out for a page size and drawn on any cairo
 * context, a PDF surface here or a printer's through GtkPrintOperation:
 *
 *   begin-print: evident_report_paginate (report, cr, width, height) with
 *                the print context's size in points (GTK_UNIT_POINTS),
 *                then gtk_print_operation_set_n_pages (evident_report_get_n_pages ())
 *   draw-page:   evident_report_draw_page (report, cr, page)
 *
 * The PDF file gets bookmarks (sections, and the chapters of the items),
 * links, and is written beside its destination and renamed into place. */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <langinfo.h>

#include "evident-atomic-write.h"
#include "evident-progress.h"
#include "evident-project.h"
#include "evident-report-private.h"

struct _EvidentReport
{
  GObject              parent_instance;
  EvidentReportData   *data;
  EvidentReportLayout *layout;   /* of the last evident_report_paginate() */
};

G_DEFINE_FINAL_TYPE (EvidentReport, evident_report, G_TYPE_OBJECT)

G_DEFINE_QUARK (evident-report-error-quark, evident_report_error)

/* A4 */
#define DEFAULT_WIDTH  595.276
#define DEFAULT_HEIGHT 841.89
#define MM_TO_POINTS   (72 / 25.4)

static void
evident_report_finalize (GObject *object)
{
  EvidentReport *self = EVIDENT_REPORT (object);

  g_clear_pointer (&self->layout, evident_report_layout_free);
  g_clear_pointer (&self->data, evident_report_data_unref);

  G_OBJECT_CLASS (evident_report_parent_class)->finalize (object);
}

static void
evident_report_class_init (EvidentReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = evident_report_finalize;
}

static void
evident_report_init (EvidentReport *self)
{
}

/**
 * evident_report_new:
 * @project: an open project
 * @scope: which items the report lists
 * @chapter: (nullable): the chapter's number for %EVIDENT_REPORT_SCOPE_CHAPTER
 * @error: return location for an error
 *
 * Makes a report of @project as it is now: later edits do not change it.
 * Main thread.
 *
 * Returns: (transfer full): the report, or %NULL with
 *   %EVIDENT_REPORT_ERROR_NO_SUCH_CHAPTER
 */
EvidentReport *
evident_report_new (EvidentProject      *project,
                    EvidentReportScope   scope,
                    const char          *chapter,
                    GError             **error)
{
  EvidentReportData *data;
  EvidentReport *self;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (scope <= EVIDENT_REPORT_SCOPE_CHAPTER, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = evident_report_data_new (project, scope, chapter, error);
  if (data == NULL)
    return NULL;
  self = g_object_new (EVIDENT_TYPE_REPORT, NULL);
  self->data = data;
  return self;
}

/**
 * evident_report_set_pack_digest:
 * @sha256: (nullable): the SHA-256 of an evidence pack's manifest.json,
 *   in hex (evident_pack_write()), or %NULL
 *
 * Prints the digest on the cover, so that whoever holds the report can
 * check that the evidence pack they received is the one it lists. Call it
 * before laying out pages.
 */
void
evident_report_set_pack_digest (EvidentReport *self,
                                const char    *sha256)
{
  g_return_if_fail (EVIDENT_IS_REPORT (self));

  g_free (self->data->pack_digest);
  self->data->pack_digest = g_strdup (sha256);
  g_clear_pointer (&self->layout, evident_report_layout_free);
}

const char *
evident_report_get_pack_digest (EvidentReport *self)
{
  g_return_val_if_fail (EVIDENT_IS_REPORT (self), NULL);
  return self->data->pack_digest;
}

/* The number of items the report lists. */
guint
evident_report_get_n_items (EvidentReport *self)
{
  g_return_val_if_fail (EVIDENT_IS_REPORT (self), 0);
  return self->data->items->len;
}

/**
 * evident_report_get_default_page_size:
 * @width: (out): in points
 * @height: (out): in points
 *
 * The paper of the locale (LC_PAPER): US Letter in the United States, A4
 * in most of the world and where the C library does not say.
 */
void
evident_report_get_default_page_size (double *width,
                                      double *height)
{
  *width = DEFAULT_WIDTH;
  *height = DEFAULT_HEIGHT;
#ifdef _NL_PAPER_WIDTH
  {
    int mm_width = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);
    int mm_height = (int) (gintptr) nl_langinfo (_NL_PAPER_HEIGHT);

    /* Letter is 216 × 279 mm; A4 210 × 297. */
    if (mm_width == 216 && mm_height == 279)
      {
        *width = 612;
        *height = 792;
      }
    else if (mm_width > 0 && mm_height > 0 && !(mm_width == 210 && mm_height == 297))
      {
        *width = mm_width * MM_TO_POINTS;
        *height = mm_height * MM_TO_POINTS;
      }
  }
#endif
}

/**
 * evident_report_paginate:
 * @cr: (nullable): the context the pages will be drawn on (unused: pages
 *   break the same way on every device)
 * @width: the page's width, in points
 * @height: the page's height, in points
 *
 * Lays out the pages for this page size. Call it once before
 * evident_report_get_n_pages() and evident_report_draw_page(), and again
 * when the page size changes.
 */
void
evident_report_paginate (EvidentReport *self,
                         cairo_t       *cr,
                         double         width,
                         double         height)
{
  g_return_if_fail (EVIDENT_IS_REPORT (self));
  g_return_if_fail (width > 0 && height > 0);

  g_clear_pointer (&self->layout, evident_report_layout_free);
  self->layout = evident_report_layout_new (self->data, width, height);
}

guint
evident_report_get_n_pages (EvidentReport *self)
{
  g_return_val_if_fail (EVIDENT_IS_REPORT (self), 0);
  g_return_val_if_fail (self->layout != NULL, 0);

  return evident_report_layout_get_n_pages (self->layout);
}

/**
 * evident_report_draw_page:
 * @cr: a context whose unit is the point, the page's top left corner at
 *   the origin
 * @page: from 0
 *
 * Draws one page laid out by evident_report_paginate().
 */
void
evident_report_draw_page (EvidentReport *self,
                          cairo_t       *cr,
                          guint          page)
{
  g_return_if_fail (EVIDENT_IS_REPORT (self));
  g_return_if_fail (self->layout != NULL);
  g_return_if_fail (page < evident_report_layout_get_n_pages (self->layout));

  evident_report_layout_draw_page (self->layout, cr, page);
}

/* Writing PDF files */

typedef struct
{
  EvidentReportData *data;
  GFile             *file;
  EvidentProgress   *progress;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_clear_pointer (&job->data, evident_report_data_unref);
  g_clear_object (&job->file);
  g_clear_pointer (&job->progress, evident_progress_unref);
  g_free (job);
}

static void
add_outline (cairo_surface_t *surface,
             GPtrArray       *outline)
{
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < outline->len; i++)
    {
      EvidentReportOutline *entry = g_ptr_array_index (outline, i);
      g_autofree char *target = g_strdup_printf ("page=%u pos=[0 %.1f]", entry->page + 1,
                                                 entry->y);
      int id;

      id = cairo_pdf_surface_add_outline (surface, entry->level == 0 ? CAIRO_PDF_OUTLINE_ROOT
                                                                     : parent,
                                          entry->title, target,
                                          entry->level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      if (entry->level == 0)
        parent = id;
    }
}

static void
set_metadata (cairo_surface_t   *surface,
              EvidentReportData *data)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (data->created);
  g_autofree char *date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  /* Translators: the title of a report's PDF file: the project's title */
  g_autofree char *title = g_strdup_printf (_("Readiness report: %s"), data->project_title);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Evident " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

typedef struct
{
  EvidentReportData *data;
  GFile             *file;
  EvidentProgress   *progress;
} PdfWrite;

static gboolean
write_pdf_cb (const char    *path,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  PdfWrite *write = user_data;
  double width, height;
  g_autoptr (EvidentReportLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  evident_report_get_default_page_size (&width, &height);
  layout = evident_report_layout_new (write->data, width, height);
  n_pages = evident_report_layout_get_n_pages (layout);

  surface = cairo_pdf_surface_create (path, width, height);
  set_metadata (surface, write->data);
  add_outline (surface, evident_report_layout_get_outline (layout));
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      evident_report_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
      evident_progress_report (write->progress, page + 1, n_pages);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_file_get_parse_name (write->file);

      g_set_error (error, EVIDENT_REPORT_ERROR, EVIDENT_REPORT_ERROR_FAILED,
                   _("Could not write the report “%s”: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_pdf (EvidentReportData  *data,
           GFile              *file,
           EvidentProgress    *progress,
           GCancellable       *cancellable,
           GError            **error)
{
  PdfWrite write = { data, file, progress };

  return evident_atomic_write (file, write_pdf_cb, &write, cancellable, error);
}

/**
 * evident_report_write_pdf:
 * @file: the PDF file to create or replace; a local file
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes the report as a PDF file on the locale's paper
 * (evident_report_get_default_page_size()), with bookmarks and links. The
 * file is written beside @file and renamed into place once complete: on
 * failure or cancellation nothing is left and a file that was there stays.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_report_write_pdf (EvidentReport  *self,
                          GFile          *file,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_return_val_if_fail (EVIDENT_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return write_pdf (self->data, file, NULL, cancellable, error);
}

static void
write_pdf_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (write_pdf (job->data, job->file, job->progress, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * evident_report_write_pdf_async:
 * @progress: (nullable): called in the caller's main context with the
 *   pages written and their number
 *
 * evident_report_write_pdf() in a worker thread.
 */
void
evident_report_write_pdf_async (EvidentReport         *self,
                                GFile                 *file,
                                GCancellable          *cancellable,
                                GFileProgressCallback  progress,
                                gpointer               progress_data,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  g_autoptr (GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (EVIDENT_IS_REPORT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  /* The worker says whether it was cancelled: once the file is in place,
   * a Cancel that comes too late must not report it as not written. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_source_tag (task, evident_report_write_pdf_async);
  g_task_set_name (task, "[evident] write a report");
  job = g_new0 (WriteJob, 1);
  job->data = evident_report_data_ref (self->data);
  job->file = g_object_ref (file);
  job->progress = evident_progress_new (progress, progress_data);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_pdf_thread);
}

gboolean
evident_report_write_pdf_finish (EvidentReport  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (EVIDENT_IS_REPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == evident_report_write_pdf_async,
                        FALSE);

  /* No progress after the result. */
  evident_progress_finish (((WriteJob *) g_task_get_task_data (G_TASK (result)))->progress);
  return g_task_propagate_boolean (G_TASK (result), error);
}
