/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-a11y.h"
#include "evident-first-evidence.h"
#include "evident-preview-pane.h"
#include "evident-preview-private.h"
#include "evident-render-client.h"

/*
 * EvidentPreviewPane: the evidence selected in the item editor, beside it.
 * A file's bytes are read from the project on a worker thread (a spinner
 * shows when that takes a moment) and go to an EvidentPreview, which parses
 * and renders them on others; a link, or a file that cannot be read, shows
 * as a status page. Another evidence stops the load under way; another
 * item's evidence that is the same file is on show already.
 *
 * When a project with PDF or image evidence comes, the pane starts the
 * document renderer in the background once the window has drawn its
 * first frame, so that the first preview does not wait for it.
 */

/* Do not flash a spinner while a stored file is read quickly. */
#define SPINNER_DELAY_MS 200

struct _EvidentPreviewPane
{
  AdwBin           parent_instance;

  EvidentProject  *project;
  /* The evidence shown, and the file on show */
  EvidentEvidence *evidence;
  char            *sha256;
  GCancellable    *cancellable;
  guint            spinner_id;
  guint            prestart_id;

  /* Template widgets */
  GtkStack        *stack;
  EvidentPreview  *preview;
  GtkSpinner      *spinner;
  AdwStatusPage   *status_page;
  GtkWidget       *open_button;
};

G_DEFINE_FINAL_TYPE (EvidentPreviewPane, evident_preview_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_EVIDENCE,
  N_PROPS
};

enum {
  OPEN_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void build_parts (EvidentPreviewPane *self);
static void evident_preview_pane_map (GtkWidget *widget);

typedef struct
{
  EvidentEvidenceStore *store;
  char                 *sha256;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->store);
  g_clear_pointer (&load->sha256, g_free);
  g_free (load);
}

static void
show_status (EvidentPreviewPane *self,
             const char         *icon_name,
             const char         *title,
             const char         *description,
             gboolean            can_open)
{
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, escaped);
  gtk_widget_set_visible (self->open_button, can_open);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
cancel_load (EvidentPreviewPane *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  if (self->spinner != NULL)
    gtk_spinner_stop (self->spinner);
}

static gboolean
spinner_cb (gpointer data)
{
  EvidentPreviewPane *self = data;

  self->spinner_id = 0;
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  return G_SOURCE_REMOVE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  GError *error = NULL;
  GBytes *bytes;

  bytes = evident_evidence_store_load_bytes (load->store, load->sha256, cancellable, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/* The evidence's file, read: to the preview. */
static void
show_bytes (EvidentPreviewPane *self,
            GBytes             *bytes)
{
  EvidentEvidence *evidence = self->evidence;

  g_free (self->sha256);
  self->sha256 = g_strdup (evident_evidence_get_sha256 (evidence));
  evident_preview_set_bytes (self->preview, bytes, evident_evidence_get_content_type (evidence),
                             evident_evidence_get_filename (evidence));
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
load_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  EvidentPreviewPane *self = EVIDENT_PREVIEW_PANE (source_object);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  /* Another selection took over, or the pane went. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_handle_id (&self->spinner_id, g_source_remove);
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->cancellable);
  g_assert (self->evidence != NULL);

  if (bytes == NULL)
    {
      evident_preview_clear (self->preview);
      show_status (self, "dialog-error-symbolic", _("Cannot Show the Evidence"),
                   error->message, FALSE);
      return;
    }

  show_bytes (self, bytes);
}

/* Shows the evidence: a file's bytes are read from the project on a worker
 * thread, and the preview parses and renders them on others; the previous
 * load stops. */
static void
show_evidence (EvidentPreviewPane *self)
{
  EvidentEvidence *evidence = self->evidence;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GTask) task = NULL;
  Load *load;

  cancel_load (self);

  if (evidence == NULL || self->project == NULL)
    {
      if (self->preview != NULL)
        evident_preview_clear (self->preview);
      g_clear_pointer (&self->sha256, g_free);
      return;
    }

  build_parts (self);

  if (evident_evidence_is_link (evidence))
    {
      evident_preview_clear (self->preview);
      g_clear_pointer (&self->sha256, g_free);
      show_status (self, "web-browser-symbolic", evident_evidence_get_title (evidence),
                   evident_evidence_get_url (evidence), TRUE);
      return;
    }

  /* Another item's evidence may be the same file: it is on show already. */
  if (g_strcmp0 (self->sha256, evident_evidence_get_sha256 (evidence)) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "preview");
      return;
    }

  /* Read ahead (evident --item): to the renderer now, not after the
   * main loop has come round to a worker's result. */
  bytes = evident_first_evidence_take (evident_evidence_get_sha256 (evidence));
  if (bytes != NULL)
    {
      show_bytes (self, bytes);
      return;
    }

  /* The first helper starts while the file is read, not after. */
  if (evident_preview_get_render_client (self->preview) == NULL
      && evident_preview_pane_renders (evidence))
    evident_render_client_prestart ();

  load = g_new0 (Load, 1);
  load->store = g_object_ref (evident_evidence_store_get_for_project (self->project));
  load->sha256 = g_strdup (evident_evidence_get_sha256 (evidence));

  self->cancellable = g_cancellable_new ();
  self->spinner_id = g_timeout_add (SPINNER_DELAY_MS, spinner_cb, self);
  g_source_set_name_by_id (self->spinner_id, "[evident] preview spinner");

  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, show_evidence);
  g_task_set_name (task, "[evident] load evidence");
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * evident_preview_pane_renders:
 * @evidence: a piece of evidence
 *
 * Returns: whether the preview draws @evidence's pages (a PDF or an
 *   image, in the document renderer), rather than only describing it
 */
gboolean
evident_preview_pane_renders (EvidentEvidence *evidence)
{
  const char *type;
  const char *filename;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (evidence), FALSE);

  if (evident_evidence_is_link (evidence))
    return FALSE;

  type = evident_evidence_get_content_type (evidence);
  filename = evident_evidence_get_filename (evidence);
  lower = filename != NULL ? g_ascii_strdown (filename, -1) : NULL;

  return (type != NULL && (g_content_type_is_mime_type (type, "application/pdf")
                           || g_str_has_prefix (type, "image/")))
         || (lower != NULL && g_str_has_suffix (lower, ".pdf"));
}

/* After the first frame: a renderer is ready for the first preview. */
static gboolean
prestart_cb (gpointer data)
{
  EvidentPreviewPane *self = data;
  g_autoptr (GListModel) all = NULL;
  guint n;

  self->prestart_id = 0;
  /* The first preview came first (evident --item): it has its renderer,
   * and a spare would only take memory, and CPU from page 1. */
  if (self->project == NULL
      || (self->preview != NULL && evident_preview_get_render_client (self->preview) != NULL))
    return G_SOURCE_REMOVE;

  all = evident_evidence_store_list (evident_evidence_store_get_for_project (self->project), NULL);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EvidentEvidence) evidence = g_list_model_get_item (all, i);

      if (evident_preview_pane_renders (evidence))
        {
          evident_render_client_prestart ();
          break;
        }
    }

  return G_SOURCE_REMOVE;
}

static void
open_requested_cb (EvidentPreviewPane *self)
{
  if (self->evidence != NULL)
    g_signal_emit (self, signals[OPEN_REQUESTED], 0, self->evidence);
}

/* GObject */

static void
evident_preview_pane_dispose (GObject *object)
{
  EvidentPreviewPane *self = EVIDENT_PREVIEW_PANE (object);

  cancel_load (self);
  g_clear_handle_id (&self->prestart_id, g_source_remove);
  g_clear_object (&self->evidence);
  g_clear_object (&self->project);

  /* The stack is both AdwBin's child and a template child: let the bin
   * drop it first, or both would unparent it. */
  if (self->stack != NULL)
    {
      adw_bin_set_child (ADW_BIN (self), NULL);
      gtk_widget_dispose_template (GTK_WIDGET (self), EVIDENT_TYPE_PREVIEW_PANE);
    }

  G_OBJECT_CLASS (evident_preview_pane_parent_class)->dispose (object);
}

static void
evident_preview_pane_finalize (GObject *object)
{
  EvidentPreviewPane *self = EVIDENT_PREVIEW_PANE (object);

  g_clear_pointer (&self->sha256, g_free);

  G_OBJECT_CLASS (evident_preview_pane_parent_class)->finalize (object);
}

static void
evident_preview_pane_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EvidentPreviewPane *self = EVIDENT_PREVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_EVIDENCE:
      g_value_set_object (value, self->evidence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_preview_pane_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EvidentPreviewPane *self = EVIDENT_PREVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      evident_preview_pane_set_project (self, g_value_get_object (value));
      break;
    case PROP_EVIDENCE:
      evident_preview_pane_set_evidence (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_preview_pane_class_init (EvidentPreviewPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = evident_preview_pane_dispose;
  object_class->finalize = evident_preview_pane_finalize;
  object_class->get_property = evident_preview_pane_get_property;
  object_class->set_property = evident_preview_pane_set_property;
  widget_class->map = evident_preview_pane_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EVIDENT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EVIDENCE] =
    g_param_spec_object ("evidence", NULL, NULL,
                         EVIDENT_TYPE_EVIDENCE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvidentPreviewPane::open-requested:
   * @self: the pane
   * @evidence: the evidence shown
   *
   * The user asked to open the evidence in another application: a link in
   * the browser, a file in the application that shows it.
   */
  signals[OPEN_REQUESTED] =
    g_signal_new ("open-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EVIDENT_TYPE_EVIDENCE);

  g_type_ensure (EVIDENT_TYPE_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/evidentapp/Evident/evident-preview-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, EvidentPreviewPane, stack);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreviewPane, preview);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreviewPane, spinner);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreviewPane, status_page);
  gtk_widget_class_bind_template_child (widget_class, EvidentPreviewPane, open_button);
  gtk_widget_class_bind_template_callback (widget_class, open_requested_cb);
}

/* The preview and its page view, built when first needed: a project
 * opens on its overview, and the first frame should not wait for them. */
static void
build_parts (EvidentPreviewPane *self)
{
  if (self->stack != NULL)
    return;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* As the window does for the widgets it built itself */
  evident_a11y_name_mnemonics (GTK_WIDGET (self));
}

static void
evident_preview_pane_map (GtkWidget *widget)
{
  build_parts (EVIDENT_PREVIEW_PANE (widget));

  GTK_WIDGET_CLASS (evident_preview_pane_parent_class)->map (widget);
}

static void
evident_preview_pane_init (EvidentPreviewPane *self)
{
}

/* Public API */

EvidentProject *
evident_preview_pane_get_project (EvidentPreviewPane *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW_PANE (self), NULL);

  return self->project;
}

/**
 * evident_preview_pane_set_project:
 * @project: (nullable): the project the evidence is stored in
 *
 * Set it before the evidence: the evidence shown stays until the next.
 */
void
evident_preview_pane_set_project (EvidentPreviewPane *self,
                                  EvidentProject     *project)
{
  g_return_if_fail (EVIDENT_IS_PREVIEW_PANE (self));
  g_return_if_fail (project == NULL || EVIDENT_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  /* Below the first frame's layout and drawing. */
  g_clear_handle_id (&self->prestart_id, g_source_remove);
  if (project != NULL)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_LOW);
      g_source_set_callback (source, prestart_cb, self, NULL);
      g_source_set_static_name (source, "[evident] start the document renderer");
      self->prestart_id = g_source_attach (source, NULL);
      g_source_unref (source);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EvidentEvidence *
evident_preview_pane_get_evidence (EvidentPreviewPane *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW_PANE (self), NULL);

  return self->evidence;
}

/**
 * evident_preview_pane_set_evidence:
 * @evidence: (nullable): the evidence to show, or %NULL for none
 *
 * Shows @evidence, in place of what the pane showed; also when it is the
 * same, so that the pane shows it again.
 */
void
evident_preview_pane_set_evidence (EvidentPreviewPane *self,
                                   EvidentEvidence    *evidence)
{
  gboolean changed;

  g_return_if_fail (EVIDENT_IS_PREVIEW_PANE (self));
  g_return_if_fail (evidence == NULL || EVIDENT_IS_EVIDENCE (evidence));

  changed = g_set_object (&self->evidence, evidence);
  show_evidence (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE]);
}

/* Returns: (transfer none): the preview of the evidence's file */
EvidentPreview *
evident_preview_pane_get_preview (EvidentPreviewPane *self)
{
  g_return_val_if_fail (EVIDENT_IS_PREVIEW_PANE (self), NULL);

  build_parts (self);
  return self->preview;
}
