/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The chapter titles of the bundled sample checklist
 * (data/checklists/msp-sample.csv), marked here so that gettext can
 * translate them where they are shown. Keep in step with the CSV. */

#include "config.h"

#include <glib/gi18n.h>

static const char *const sample_chapter_titles[] G_GNUC_UNUSED = {
  N_("Partner Capabilities Overview"),
  N_("Business Health"),
  N_("Business Management"),
  N_("Customer Obsession"),
  N_("Solution Design Capability"),
  N_("DevOps"),
  N_("Infrastructure and Application Migration Capability"),
  N_("Security"),
  N_("Next Generation Service Management"),
  N_("Service Level Agreement"),
  N_("Optimization"),
  N_("Billing and Cost Management"),
  N_("Knowledge"),
};
