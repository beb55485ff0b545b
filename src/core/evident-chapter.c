/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "evident-chapter-private.h"
#include "evident-enums-util.h"
#include "evident-exemption.h"

struct _EvidentChapter
{
  GObject  parent_instance;

  char    *number;
  char    *title;
  guint    n_items;
  gint64   points;
  guint    n_mandatory_open;
  guint    n_counted[EVIDENT_N_VIEWS];
  gint64   points_counted[EVIDENT_N_VIEWS];
  EvidentExemption *exemption;
};

G_DEFINE_FINAL_TYPE (EvidentChapter, evident_chapter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_DISPLAY_TITLE,
  PROP_N_ITEMS,
  PROP_POINTS,
  PROP_N_COUNTED,
  PROP_POINTS_COUNTED,
  PROP_N_MANDATORY_OPEN,
  PROP_PROGRESS,
  PROP_EXEMPTION,
  PROP_EXEMPT,
  PROP_EXEMPTION_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
evident_chapter_finalize (GObject *object)
{
  EvidentChapter *self = EVIDENT_CHAPTER (object);

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->exemption);

  G_OBJECT_CLASS (evident_chapter_parent_class)->finalize (object);
}

static void
evident_chapter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EvidentChapter *self = EVIDENT_CHAPTER (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DISPLAY_TITLE:
      g_value_set_string (value, evident_chapter_get_display_title (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_POINTS:
      g_value_set_int64 (value, self->points);
      break;
    case PROP_N_COUNTED:
      g_value_set_uint (value, self->n_counted[EVIDENT_VIEW_PROJECTED]);
      break;
    case PROP_POINTS_COUNTED:
      g_value_set_int64 (value, self->points_counted[EVIDENT_VIEW_PROJECTED]);
      break;
    case PROP_N_MANDATORY_OPEN:
      g_value_set_uint (value, self->n_mandatory_open);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, evident_chapter_get_progress (self));
      break;
    case PROP_EXEMPTION:
      g_value_set_object (value, self->exemption);
      break;
    case PROP_EXEMPT:
      g_value_set_boolean (value, self->exemption != NULL);
      break;
    case PROP_EXEMPTION_REASON:
      g_value_set_string (value, evident_chapter_get_exemption_reason (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evident_chapter_class_init (EvidentChapterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = evident_chapter_finalize;
  object_class->get_property = evident_chapter_get_property;

  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_DISPLAY_TITLE] = g_param_spec_string ("display-title", NULL, NULL, NULL, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_POINTS] = g_param_spec_int64 ("points", NULL, NULL, 0, G_MAXINT64, 0, ro);
  /* Counted in the projected view: what the sidebar's progress shows. */
  properties[PROP_N_COUNTED] = g_param_spec_uint ("n-counted", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_POINTS_COUNTED] = g_param_spec_int64 ("points-counted", NULL, NULL,
                                                        0, G_MAXINT64, 0, ro);
  properties[PROP_N_MANDATORY_OPEN] = g_param_spec_uint ("n-mandatory-open", NULL, NULL,
                                                         0, G_MAXUINT, 0, ro);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0, 1, 0, ro);
  /* The exemption of the whole chapter in force, or NULL; exempt sections
   * are in evident_audit_get_exemptions(). */
  properties[PROP_EXEMPTION] = g_param_spec_object ("exemption", NULL, NULL,
                                                    EVIDENT_TYPE_EXEMPTION, ro);
  properties[PROP_EXEMPT] = g_param_spec_boolean ("exempt", NULL, NULL, FALSE, ro);
  properties[PROP_EXEMPTION_REASON] = g_param_spec_string ("exemption-reason", NULL, NULL, NULL,
                                                           ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
evident_chapter_init (EvidentChapter *self)
{
}

EvidentChapter *
evident_chapter_new (const char *number,
                     const char *title)
{
  EvidentChapter *self = g_object_new (EVIDENT_TYPE_CHAPTER, NULL);

  self->number = g_strdup (number);
  self->title = g_strdup (title);

  return self;
}

#define UPDATE(field, prop)                                                     \
  G_STMT_START                                                                  \
  {                                                                             \
    if (self->field != score->field)                                            \
      {                                                                         \
        self->field = score->field;                                             \
        g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);          \
      }                                                                         \
  }                                                                             \
  G_STMT_END

void
evident_chapter_update (EvidentChapter            *self,
                        const EvidentChapterScore *score)
{
  double old_progress;

  g_return_if_fail (EVIDENT_IS_CHAPTER (self));

  old_progress = evident_chapter_get_progress (self);

  g_object_freeze_notify (G_OBJECT (self));
  UPDATE (n_items, PROP_N_ITEMS);
  UPDATE (points, PROP_POINTS);
  UPDATE (n_mandatory_open, PROP_N_MANDATORY_OPEN);
  UPDATE (n_counted[EVIDENT_VIEW_PROJECTED], PROP_N_COUNTED);
  UPDATE (points_counted[EVIDENT_VIEW_PROJECTED], PROP_POINTS_COUNTED);
  memcpy (self->n_counted, score->n_counted, sizeof self->n_counted);
  memcpy (self->points_counted, score->points_counted, sizeof self->points_counted);
  if (old_progress != evident_chapter_get_progress (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  g_object_thaw_notify (G_OBJECT (self));
}

#undef UPDATE

/* For the audit: the chapter's exemption in force, or NULL. */
void
evident_chapter_set_exemption (EvidentChapter   *self,
                               EvidentExemption *exemption)
{
  g_return_if_fail (EVIDENT_IS_CHAPTER (self));
  g_return_if_fail (exemption == NULL || EVIDENT_IS_EXEMPTION (exemption));

  if (self->exemption == exemption)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if ((self->exemption == NULL) != (exemption == NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXEMPT]);
  g_set_object (&self->exemption, exemption);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXEMPTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXEMPTION_REASON]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
evident_chapter_get_number (EvidentChapter *self)
{
  g_return_val_if_fail (EVIDENT_IS_CHAPTER (self), NULL);
  return self->number;
}

const char *
evident_chapter_get_title (EvidentChapter *self)
{
  g_return_val_if_fail (EVIDENT_IS_CHAPTER (self), NULL);
  return self->title;
}

/**
 * evident_chapter_get_display_title:
 *
 * The title to show: translated when it is one of the titles Evident
 * knows (the bundled sample checklist's, see evident-sample-strings.c),
 * else as the checklist gives it.
 */
const char *
evident_chapter_get_display_title (EvidentChapter *self)
{
  g_return_val_if_fail (EVIDENT_IS_CHAPTER (self), NULL);
  return evident_translate_title (self->title);
}

guint
evident_chapter_get_n_items (EvidentChapter *self)
{
  g_return_val_if_fail (EVIDENT_IS_CHAPTER (self), 0);
  return self->n_items;
}

gint64
evident_chapter_get_points (EvidentChapter *self)
{
  g_return_val_if_fail (EVIDENT_IS_CHAPTER (self), 0);
  return self->points;
}

guint
evident_chapter_get_n_counted (EvidentChapter *self,
                               EvidentView     view)
{
  g_return_val_if_fail (EVIDENT_IS_CHAPTER (self), 0);
  g_return_val_if_fail (view < EVIDENT_N_VIEWS, 0);
  return self->n_counted[view];
}

gint64
evident_chapter_get_points_counted (EvidentChapter *self,
                                    EvidentView     view)
{
  g_return_val_if_fail (EVIDENT_IS_CHAPTER (self), 0);
  g_return_val_if_fail (view < EVIDENT_N_VIEWS, 0);
  return self->points_counted[view];
}

guint
evident_chapter_get_n_mandatory_open (EvidentChapter *self)
{
  g_return_val_if_fail (EVIDENT_IS_CHAPTER (self), 0);
  return self->n_mandatory_open;
}

/* Items counted in the projected view over all items, for progress bars. */
double
evident_chapter_get_progress (EvidentChapter *self)
{
  g_return_val_if_fail (EVIDENT_IS_CHAPTER (self), 0);

  if (self->n_items == 0)
    return 0;
  return (double) self->n_counted[EVIDENT_VIEW_PROJECTED] / self->n_items;
}

/**
 * evident_chapter_get_exemption:
 *
 * Returns: (transfer none) (nullable): the exemption of the whole chapter
 *   in force: its items are not applicable for its reason
 */
EvidentExemption *
evident_chapter_get_exemption (EvidentChapter *self)
{
  g_return_val_if_fail (EVIDENT_IS_CHAPTER (self), NULL);
  return self->exemption;
}

/* Why the whole chapter is exempt; NULL when it is not. */
const char *
evident_chapter_get_exemption_reason (EvidentChapter *self)
{
  g_return_val_if_fail (EVIDENT_IS_CHAPTER (self), NULL);
  return self->exemption != NULL ? evident_exemption_get_reason (self->exemption) : NULL;
}
