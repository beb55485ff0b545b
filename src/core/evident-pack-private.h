/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Inside the evidence pack: what goes where, decided on the main thread
 * (evident-pack-plan.c), written by a worker (evident-pack.c). */

#include "evident-evidence.h"
#include "evident-pack.h"

G_BEGIN_DECLS

/* A piece of evidence of an item, as the manifest lists it. */
typedef struct
{
  char   *title;
  char   *path;      /* in the zip: where the file is stored; NULL for a link */
  char   *sha256;
  gint64  size;
  char   *added;     /* ISO 8601, UTC */
  char   *url;
} EvidentPackEntry;

typedef struct
{
  char      *ref;
  char      *title;
  char      *chapter;
  char      *status;
  GPtrArray *entries;  /* EvidentPackEntry */
} EvidentPackItem;

/* A file stored in the zip, once however many items use it. */
typedef struct
{
  char      *path;
  char      *sha256;
  gint64     size;
  GDateTime *modified;
  gboolean   compressed;  /* already compressed: stored as it is */
} EvidentPackFile;

typedef struct
{
  EvidentEvidenceStore *store;
  char                 *project_title;
  char                 *checklist_version;
  char                 *scope;
  GDateTime            *created;
  GPtrArray            *items;  /* EvidentPackItem */
  GPtrArray            *files;  /* EvidentPackFile */
  guint                 n_links;
  guint64               size;
} EvidentPackPlan;

EvidentPackPlan *evident_pack_plan_new        (EvidentProject   *project,
                                               EvidentPackScope  scope,
                                               const char       *chapter,
                                               GError          **error);
void             evident_pack_plan_free       (EvidentPackPlan  *plan);
GBytes          *evident_pack_plan_manifest_json (EvidentPackPlan *plan);
GBytes          *evident_pack_plan_manifest_csv  (EvidentPackPlan *plan);

char            *evident_pack_safe_name       (const char       *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvidentPackPlan, evident_pack_plan_free)

G_END_DECLS
