/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A piece of evidence: a stored file or a link, as the store read it from
 * the project. Read-only to everyone but the store. */

#include "config.h"

#include <glib/gi18n.h>

#include "evident-db.h"
#include "evident-enums.h"
#include "evident-evidence-private.h"
#include "evident-item.h"

struct _EvidentEvidence
{
  GObject              parent_instance;

  gint64               id;
  EvidentItem         *item;
  char                *title;
  EvidentEvidenceKind  kind;
  char                *filename;
  char                *content_type;
  char                *url;
  char                *sha256;
  gint64               size;
  GDateTime           *added;

  guint                verified : 1;
  guint                removed : 1; /* out of the lists, restorable */
  guint                purged : 1;  /* its row is gone: cleanup ran after removal */
};

G_DEFINE_FINAL_TYPE (EvidentEvidence, evident_evidence, G_TYPE_OBJECT)
G_DEFINE_QUARK (evident-evidence-error-quark, evident_evidence_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_ITEM,
  PROP_TITLE,
  PROP_KIND,
  PROP_FILENAME,
  PROP_CONTENT_TYPE,
  PROP_URL,
  PROP_SHA256,
  PROP_SIZE,
  PROP_ADDED,
  PROP_VERIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *kind_names[EVIDENT_N_EVIDENCE_KINDS] = {
  "presentation", "process", "asset", "demonstration", "other",
};

static void
evident_evidence_finalize (GObject *object)
{
  EvidentEvidence *self = EVIDENT_EVIDENCE (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->added, g_date_time_unref);

  G_OBJECT_CLASS (evident_evidence_parent_class)->finalize (object);
}

static void
evident_evidence_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EvidentEvidence *self = EVIDENT_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;
    case PROP_CONTENT_TYPE:
      g_value_set_string (value, self->content_type);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;
    case PROP_ADDED:
      g_value_set_boxed (value, self->added);
      break;
    case PROP_VERIFIED:
      g_value_set_boolean (value, self->verified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_evidence_class_init (EvidentEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = evident_evidence_finalize;
  object_class->get_property = evident_evidence_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, EVIDENT_TYPE_ITEM, ro);
  /**
   * EvidentEvidence:title:
   *
   * What the evidence is called; the store renames it.
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, EVIDENT_TYPE_EVIDENCE_KIND,
                                             EVIDENT_EVIDENCE_KIND_OTHER, ro);
  /**
   * EvidentEvidence:filename:
   *
   * The name of the file as it was added; %NULL for a link.
   */
  properties[PROP_FILENAME] = g_param_spec_string ("filename", NULL, NULL, NULL, ro);
  properties[PROP_CONTENT_TYPE] = g_param_spec_string ("content-type", NULL, NULL, NULL, ro);
  /**
   * EvidentEvidence:url:
   *
   * The address of a link; %NULL for a file.
   */
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, ro);
  /**
   * EvidentEvidence:sha256:
   *
   * The SHA-256 of a file's bytes, in lowercase hex: the key to read them
   * back with. %NULL for a link.
   */
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, ro);
  /**
   * EvidentEvidence:size:
   *
   * The size of a file in bytes; -1 for a link.
   */
  properties[PROP_SIZE] = g_param_spec_int64 ("size", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_ADDED] = g_param_spec_boxed ("added", NULL, NULL, G_TYPE_DATE_TIME, ro);
  /**
   * EvidentEvidence:verified:
   *
   * Whether the last verification of the stored file found it intact.
   */
  properties[PROP_VERIFIED] = g_param_spec_boolean ("verified", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evident_evidence_init (EvidentEvidence *self)
{
  self->size = -1;
}

static char *
dup_or_null (sqlite3_stmt *stmt,
             int           column)
{
  return evident_db_column_is_null (stmt, column)
             ? NULL
             : g_strdup (evident_db_column_text (stmt, column));
}

static EvidentEvidenceKind
kind_from_string_or_other (const char *string)
{
  EvidentEvidenceKind kind;

  if (!evident_evidence_kind_from_string (string, &kind))
    kind = EVIDENT_EVIDENCE_KIND_OTHER;
  return kind;
}

/* Builds an object from a row of EVIDENT_EVIDENCE_SELECT. */
EvidentEvidence *
evident_evidence_new_from_row (sqlite3_stmt *stmt,
                               EvidentItem  *item)
{
  EvidentEvidence *self = g_object_new (EVIDENT_TYPE_EVIDENCE, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->item = g_object_ref (item);
  self->title = g_strdup (evident_db_column_text (stmt, 2));
  self->kind = kind_from_string_or_other (evident_db_column_text (stmt, 3));
  self->filename = dup_or_null (stmt, 4);
  self->content_type = dup_or_null (stmt, 5);
  self->url = dup_or_null (stmt, 6);
  self->sha256 = dup_or_null (stmt, 7);
  self->added = g_date_time_new_from_iso8601 (evident_db_column_text (stmt, 8), NULL);
  if (self->added == NULL)
    self->added = g_date_time_new_from_unix_utc (0);
  self->removed = sqlite3_column_int (stmt, 9) != 0;
  self->size = self->sha256 != NULL ? sqlite3_column_int64 (stmt, 10) : -1;
  self->verified = self->sha256 != NULL && sqlite3_column_int (stmt, 11) != 0;
  return self;
}

/* Takes what an edit, an undo or a redo changed from a row of
 * EVIDENT_EVIDENCE_SELECT, and says so. */
void
evident_evidence_update (EvidentEvidence *self,
                         sqlite3_stmt    *stmt)
{
  const char *title = evident_db_column_text (stmt, 2);
  EvidentEvidenceKind kind = kind_from_string_or_other (evident_db_column_text (stmt, 3));

  g_return_if_fail (EVIDENT_IS_EVIDENCE (self));

  self->removed = sqlite3_column_int (stmt, 9) != 0;
  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

gboolean
evident_evidence_is_removed (EvidentEvidence *self)
{
  return self->removed;
}

gboolean
evident_evidence_is_purged (EvidentEvidence *self)
{
  return self->purged;
}

void
evident_evidence_set_purged (EvidentEvidence *self)
{
  self->removed = TRUE;
  self->purged = TRUE;
}

void
evident_evidence_set_verified (EvidentEvidence *self,
                               gboolean         verified)
{
  verified = !!verified;
  if (self->verified == (guint) verified)
    return;
  self->verified = verified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFIED]);
}

/* Public API: kinds */

const char *
evident_evidence_kind_to_string (EvidentEvidenceKind kind)
{
  g_return_val_if_fail (kind < EVIDENT_N_EVIDENCE_KINDS, NULL);
  return kind_names[kind];
}

gboolean
evident_evidence_kind_from_string (const char          *string,
                                   EvidentEvidenceKind *kind)
{
  if (string == NULL)
    return FALSE;
  for (guint i = 0; i < EVIDENT_N_EVIDENCE_KINDS; i++)
    {
      if (g_ascii_strcasecmp (string, kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
evident_evidence_kind_get_label (EvidentEvidenceKind kind)
{
  switch (kind)
    {
    case EVIDENT_EVIDENCE_KIND_PRESENTATION:
      return _("Presentation");
    case EVIDENT_EVIDENCE_KIND_PROCESS:
      return _("Process document");
    case EVIDENT_EVIDENCE_KIND_ASSET:
      return _("Asset");
    case EVIDENT_EVIDENCE_KIND_DEMONSTRATION:
      return _("Technical demonstration");
    case EVIDENT_EVIDENCE_KIND_OTHER:
      return _("Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Public API: EvidentEvidence */

gint64
evident_evidence_get_id (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), 0);
  return self->id;
}

/**
 * evident_evidence_get_item:
 *
 * Returns: (transfer none): the item the evidence belongs to
 */
EvidentItem *
evident_evidence_get_item (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), NULL);
  return self->item;
}

const char *
evident_evidence_get_title (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), NULL);
  return self->title;
}

EvidentEvidenceKind
evident_evidence_get_kind (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), EVIDENT_EVIDENCE_KIND_OTHER);
  return self->kind;
}

const char *
evident_evidence_get_filename (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), NULL);
  return self->filename;
}

const char *
evident_evidence_get_content_type (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), NULL);
  return self->content_type;
}

const char *
evident_evidence_get_url (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), NULL);
  return self->url;
}

const char *
evident_evidence_get_sha256 (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), NULL);
  return self->sha256;
}

gint64
evident_evidence_get_size (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), -1);
  return self->size;
}

/**
 * evident_evidence_get_added:
 *
 * Returns: (transfer none): when the evidence was added, in UTC
 */
GDateTime *
evident_evidence_get_added (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), NULL);
  return self->added;
}

gboolean
evident_evidence_get_verified (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), FALSE);
  return self->verified;
}

gboolean
evident_evidence_is_link (EvidentEvidence *self)
{
  g_return_val_if_fail (EVIDENT_IS_EVIDENCE (self), FALSE);
  return self->url != NULL;
}

