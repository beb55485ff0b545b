/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-page-search.h"

/*
 * EvidentPageSearch: finds a text in a PDF document and keeps the matches,
 * page by page, and which one is current.
 *
 * The search runs in the document renderer page by page, from the first
 * page asked for onwards and round, between the pages it renders; each
 * page's matches reach the main thread as they are found.
 * The first match found becomes the current one, and next and previous
 * move through them all, in document order and round.
 *
 * Jobs never hold a strong reference on the search: their callbacks use a
 * weak reference and the job pointer, and clearing cancels them.
 */

typedef struct
{
  GCancellable *cancellable;
  GWeakRef      search;
} SearchJob;

struct _EvidentPageSearch
{
  GObject    parent_instance;

  SearchJob *job;
  /* Per page: the matches' rectangles in points (graphene_rect_t), or NULL */
  GPtrArray *matches;
  guint      n_matches;
  int        match_page;
  int        match_index;
  guint      searching : 1;
};

G_DEFINE_FINAL_TYPE (EvidentPageSearch, evident_page_search, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEARCHING,
  PROP_N_MATCHES,
  PROP_CURRENT_MATCH,
  N_PROPS
};

enum {
  SIGNAL_MATCH_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
clear_rects (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static void
search_job_free (SearchJob *job)
{
  g_clear_object (&job->cancellable);
  g_weak_ref_clear (&job->search);
  g_free (job);
}

/* The search */

static void
matches_found_cb (guint     page,
                  GArray   *rects,
                  gpointer  user_data)
{
  SearchJob *job = user_data;
  g_autoptr (EvidentPageSearch) self = g_weak_ref_get (&job->search);

  GArray *page_matches;

  if (self == NULL || self->job != job || page >= self->matches->len)
    return;

  /* A page with very many matches comes in parts. */
  page_matches = g_ptr_array_index (self->matches, page);
  if (page_matches == NULL)
    g_ptr_array_index (self->matches, page) = g_array_ref (rects);
  else
    g_array_append_vals (page_matches, rects->data, rects->len);
  self->n_matches += rects->len;

  /* The first match found is the first from the page asked for on: go
   * there. */
  if (self->match_page < 0)
    {
      self->match_page = page;
      self->match_index = 0;
      g_signal_emit (self, signals[SIGNAL_MATCH_SELECTED], 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_MATCH]);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SearchJob *job = user_data;
  g_autoptr (EvidentPageSearch) self = g_weak_ref_get (&job->search);
  g_autoptr (GError) error = NULL;

  evident_pdf_document_find_text_finish (EVIDENT_PDF_DOCUMENT (object), result, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Search stopped: %s", error->message);

  if (self != NULL && self->job == job)
    {
      self->job = NULL;
      self->searching = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
    }

  search_job_free (job);
}

/* GObject */

static void
evident_page_search_dispose (GObject *object)
{
  EvidentPageSearch *self = EVIDENT_PAGE_SEARCH (object);

  if (self->job != NULL)
    {
      g_cancellable_cancel (self->job->cancellable);
      self->job = NULL;
    }

  G_OBJECT_CLASS (evident_page_search_parent_class)->dispose (object);
}

static void
evident_page_search_finalize (GObject *object)
{
  EvidentPageSearch *self = EVIDENT_PAGE_SEARCH (object);

  g_clear_pointer (&self->matches, g_ptr_array_unref);

  G_OBJECT_CLASS (evident_page_search_parent_class)->finalize (object);
}

static void
evident_page_search_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EvidentPageSearch *self = EVIDENT_PAGE_SEARCH (object);

  switch (prop_id)
    {
    case PROP_SEARCHING:
      g_value_set_boolean (value, self->searching);
      break;

    case PROP_N_MATCHES:
      g_value_set_uint (value, self->n_matches);
      break;

    case PROP_CURRENT_MATCH:
      g_value_set_uint (value, evident_page_search_get_current_match (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_page_search_class_init (EvidentPageSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = evident_page_search_dispose;
  object_class->finalize = evident_page_search_finalize;
  object_class->get_property = evident_page_search_get_property;

  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * EvidentPageSearch:current-match:
   *
   * The current match's position among all matches in document order,
   * 1-based; 0 when there is none.
   */
  properties[PROP_CURRENT_MATCH] =
    g_param_spec_uint ("current-match", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentPageSearch::match-selected:
   * @self: the search
   *
   * Another match became the current one (the first found, or the next or
   * previous): whoever shows the document brings it into view.
   */
  signals[SIGNAL_MATCH_SELECTED] =
    g_signal_new ("match-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
evident_page_search_init (EvidentPageSearch *self)
{
  self->matches = g_ptr_array_new_with_free_func (clear_rects);
  self->match_page = -1;
  self->match_index = -1;
}

/* Public API */

EvidentPageSearch *
evident_page_search_new (void)
{
  return g_object_new (EVIDENT_TYPE_PAGE_SEARCH, NULL);
}

/**
 * evident_page_search_start:
 * @document: the document to search
 * @text: what to find, not empty
 * @first_page: the page to start from, 0-based
 *
 * Finds @text in @document, in the document renderer, from @first_page on
 * and round, in place of the search before.
 */
void
evident_page_search_start (EvidentPageSearch  *self,
                           EvidentPdfDocument *document,
                           const char         *text,
                           guint               first_page)
{
  SearchJob *job;

  g_return_if_fail (EVIDENT_IS_PAGE_SEARCH (self));
  g_return_if_fail (EVIDENT_IS_PDF_DOCUMENT (document));
  g_return_if_fail (text != NULL && *text != '\0');

  evident_page_search_clear (self);

  job = g_new0 (SearchJob, 1);
  job->cancellable = g_cancellable_new ();
  g_weak_ref_init (&job->search, self);

  g_ptr_array_set_size (self->matches, evident_pdf_document_get_n_pages (document));
  self->job = job;
  self->searching = TRUE;

  evident_pdf_document_find_text_async (document, text, first_page, matches_found_cb, job,
                                        job->cancellable, search_done_cb, job);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* Stops the search and forgets its matches. */
void
evident_page_search_clear (EvidentPageSearch *self)
{
  gboolean had_matches;

  g_return_if_fail (EVIDENT_IS_PAGE_SEARCH (self));

  had_matches = self->n_matches > 0 || self->match_page >= 0;

  if (self->job != NULL)
    {
      g_cancellable_cancel (self->job->cancellable);
      self->job = NULL;
    }

  g_ptr_array_set_size (self->matches, 0);
  self->n_matches = 0;
  self->match_page = -1;
  self->match_index = -1;

  if (self->searching)
    {
      self->searching = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
    }

  if (had_matches)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_MATCH]);
    }
}

gboolean
evident_page_search_get_searching (EvidentPageSearch *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_SEARCH (self), FALSE);

  return self->searching;
}

guint
evident_page_search_get_n_matches (EvidentPageSearch *self)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_SEARCH (self), 0);

  return self->n_matches;
}

guint
evident_page_search_get_current_match (EvidentPageSearch *self)
{
  guint position = 0;

  g_return_val_if_fail (EVIDENT_IS_PAGE_SEARCH (self), 0);

  if (self->match_page < 0)
    return 0;

  for (int i = 0; i < self->match_page; i++)
    {
      GArray *rects = evident_page_search_get_page_matches (self, i);

      if (rects != NULL)
        position += rects->len;
    }

  return position + self->match_index + 1;
}

/**
 * evident_page_search_get_page_matches:
 * @page: 0-based
 *
 * Returns: (transfer none) (nullable) (element-type graphene_rect_t): the
 *   matches found on @page, in points from the page's top left corner
 */
GArray *
evident_page_search_get_page_matches (EvidentPageSearch *self,
                                      guint              page)
{
  g_return_val_if_fail (EVIDENT_IS_PAGE_SEARCH (self), NULL);

  if (page >= self->matches->len)
    return NULL;
  return g_ptr_array_index (self->matches, page);
}

/**
 * evident_page_search_get_current:
 * @page: (out) (optional): the current match's page, 0-based
 * @index: (out) (optional): its index among the page's matches
 *
 * Returns: (transfer none) (nullable): the current match, in points, or
 *   %NULL when there is none
 */
const graphene_rect_t *
evident_page_search_get_current (EvidentPageSearch *self,
                                 guint             *page,
                                 guint             *index)
{
  GArray *rects;

  g_return_val_if_fail (EVIDENT_IS_PAGE_SEARCH (self), NULL);

  if (self->match_page < 0)
    return NULL;

  rects = evident_page_search_get_page_matches (self, self->match_page);
  if (rects == NULL || self->match_index < 0 || (guint) self->match_index >= rects->len)
    return NULL;

  if (page != NULL)
    *page = self->match_page;
  if (index != NULL)
    *index = self->match_index;
  return &g_array_index (rects, graphene_rect_t, self->match_index);
}

/**
 * evident_page_search_step:
 * @direction: 1 for the next match, -1 for the previous
 *
 * Makes the next or the previous match the current one, round the
 * document's end.
 */
void
evident_page_search_step (EvidentPageSearch *self,
                          int                direction)
{
  guint n_pages;
  int page;
  int index;

  g_return_if_fail (EVIDENT_IS_PAGE_SEARCH (self));

  n_pages = self->matches->len;
  page = self->match_page;
  index = self->match_index + direction;

  if (self->n_matches == 0 || page < 0)
    return;

  for (guint i = 0; i <= n_pages; i++)
    {
      GArray *rects = evident_page_search_get_page_matches (self, page);

      if (rects != NULL && index >= 0 && (guint) index < rects->len)
        {
          self->match_page = page;
          self->match_index = index;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_MATCH]);
          g_signal_emit (self, signals[SIGNAL_MATCH_SELECTED], 0);
          return;
        }

      page = (page + direction + n_pages) % n_pages;
      rects = evident_page_search_get_page_matches (self, page);
      index = direction > 0 ? 0 : (rects != NULL ? (int) rects->len - 1 : -1);
    }
}
