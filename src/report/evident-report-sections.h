/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "evident-report-block.h"
#include "evident-report-private.h"

G_BEGIN_DECLS

/* evident-report-sections.c: the cover and score, the chapters, the open
 * mandatory items, the points at risk and the heat map.
 * evident-report-items.c: the table of the items. */
void evident_report_sections_build (EvidentReportFlow *flow,
                                    EvidentReportData *data);
void evident_report_items_build    (EvidentReportFlow *flow,
                                    EvidentReportData *data);

const EvidentReportColor *evident_report_status_color (EvidentStatus status);
double                    evident_report_ref_width    (EvidentReportFlow *flow,
                                                       EvidentReportData *data);

G_END_DECLS
