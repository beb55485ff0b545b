/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-item.h"

G_BEGIN_DECLS

/* Visible to the core so that scoring 10,000 items reads fields directly. */
struct _EvidentItem
{
  GObject           parent_instance;

  gint64            id;
  char             *ref;
  char             *chapter;
  char             *section;
  char             *section_title;
  char             *title;
  char             *requirement;
  char             *evidence_hint;
  int               points;
  gboolean          mandatory;

  EvidentStatus     status;
  EvidentComplexity complexity;
  char             *owner;
  char             *reason;
  char             *note;
  char             *due;
  char             *response;
  char             *estimate;      /* days, as evident_days_format() writes them */
  double            estimate_days; /* the same, or -1 when not estimated */
  char             *recheck;   /* the status before a revision, or NULL */

  EvidentExtraField *extra_fields; /* from the checklist file, read-only */
  guint              n_extra_fields;
};


/* The project builds items from its file and applies edits to them; nobody
 * else changes an item. */
EvidentItem *evident_item_new       (gint64            id,
                                     const char       *ref,
                                     const char       *chapter,
                                     const char       *section,
                                     const char       *section_title,
                                     const char       *title,
                                     const char       *requirement,
                                     const char       *evidence_hint,
                                     int               points,
                                     gboolean          mandatory);
const char  *evident_item_get_field (EvidentItem      *self,
                                     EvidentItemField  field);
void         evident_item_set_field (EvidentItem      *self,
                                     EvidentItemField  field,
                                     const char       *value);
void         evident_item_take_extra_fields (EvidentItem       *self,
                                             EvidentExtraField *fields,
                                             guint              n_fields);
void         evident_item_update_from       (EvidentItem       *self,
                                             EvidentItem       *source);

G_END_DECLS
